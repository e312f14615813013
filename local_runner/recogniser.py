"""Typed-text intent recogniser compiled from interaction_model/en-US.json (the Alexa model).

Each sample becomes a regular expression; custom slot types match their values and synonyms
(resolved to ids), AMAZON.NUMBER matches digits or number words, and free-text slots match
anything. Utterances that match nothing are AMAZON.FallbackIntent. The local-runner issue adds
template matching with hassil and a fuzzy fallback on top of this.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from skill.core.events import FALLBACK, Event
from skill.core.words import NUMBER_WORDS, parse_number

MODEL_PATH = Path(__file__).resolve().parent.parent / "interaction_model" / "en-US.json"
FREE_TEXT_TYPES = {"AMAZON.SearchQuery", "AMAZON.TIME"}
FILLERS = ("um", "uh", "er", "erm", "alexa", "hey", "so", "well", "oh")
_NUMBER_WORD = "(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
NUMBER_PATTERN = rf"\d{{1,4}}|{_NUMBER_WORD}(?: {_NUMBER_WORD})*"


def normalise(text: str) -> str:
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class _Pattern:
    intent: str
    regex: re.Pattern[str]
    slot_types: dict[str, str]
    literal_chars: int  # prefer the most specific sample when several match


@dataclass
class Recogniser:
    patterns: list[_Pattern]
    values: dict[str, dict[str, str]]  # slot type -> spoken form -> id
    slot_names: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_model(cls, path: Path = MODEL_PATH) -> Recogniser:
        model: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        language = model["interactionModel"]["languageModel"]
        values: dict[str, dict[str, str]] = {}
        for slot_type in language.get("types", []):
            forms: dict[str, str] = {}
            for value in slot_type["values"]:
                for form in [value["name"]["value"], *value["name"].get("synonyms", [])]:
                    forms[normalise(form)] = value["id"]
            values[slot_type["name"]] = forms
        patterns = []
        for intent in language["intents"]:
            slot_types = {s["name"]: s["type"] for s in intent.get("slots", [])}
            for sample in intent.get("samples", []):
                patterns.append(cls._compile(intent["name"], sample, slot_types, values))
        return cls(patterns, values)

    @staticmethod
    def _compile(
        intent: str, sample: str, slot_types: dict[str, str], values: dict[str, dict[str, str]]
    ) -> _Pattern:
        parts: list[str] = []
        literal = 0
        for piece in re.split(r"(\{\w+\})", normalise_sample(sample)):
            if piece.startswith("{") and piece.endswith("}"):
                name = piece[1:-1]
                kind = slot_types.get(name, "AMAZON.SearchQuery")
                if kind in values:
                    forms = sorted(values[kind], key=len, reverse=True)
                    body = "|".join(re.escape(f) for f in forms)
                elif kind == "AMAZON.NUMBER":
                    body = NUMBER_PATTERN
                else:
                    body = ".+?"
                parts.append(f"(?P<{name}>{body})")
            else:
                literal += len(piece.strip())
                parts.append(re.escape(piece))
        regex = re.compile("^" + "".join(parts).strip() + "$")
        return _Pattern(intent, regex, slot_types, literal)

    def parse(self, text: str) -> Event:
        utterance = normalise(text)
        for candidate in _candidates(utterance):
            event = self._match(candidate)
            if event is not None:
                return event
        return Event(FALLBACK)

    def _match(self, utterance: str) -> Event | None:
        best: tuple[int, _Pattern, re.Match[str]] | None = None
        for pattern in self.patterns:
            match = pattern.regex.match(utterance)
            if match and (best is None or pattern.literal_chars > best[0]):
                best = (pattern.literal_chars, pattern, match)
        if best is None:
            return None
        _, pattern, match = best
        slots: dict[str, str] = {}
        heard: dict[str, str] = {}
        for name, raw in match.groupdict().items():
            if raw is None:
                continue
            raw = raw.strip()
            heard[name] = raw
            kind = pattern.slot_types.get(name, "")
            if kind in self.values:
                slots[name] = self.values[kind][raw]
            elif kind == "AMAZON.NUMBER":
                number = parse_number(raw)
                if number is not None:
                    slots[name] = str(number)
            else:
                slots[name] = raw
        return Event(pattern.intent, slots, heard)


def normalise_sample(sample: str) -> str:
    return " ".join(sample.lower().split())


def _candidates(utterance: str) -> list[str]:
    """The utterance, then with filler words trimmed from the start and "please" from the end."""
    out = [utterance]
    words = utterance.split()
    while words and words[0] in FILLERS:
        words = words[1:]
    trimmed = " ".join(words)
    if trimmed.endswith(" please"):
        out.append(trimmed)
        trimmed = trimmed[: -len(" please")]
    if trimmed and trimmed not in out:
        out.append(trimmed)
    return out


@cache
def default_recogniser() -> Recogniser:
    return Recogniser.from_model()
