"""Intent recogniser compiled from interaction_model/en-US.json (the model Alexa uses).

Three stages, cheapest first:
1. exact lookup: every sample with its custom-slot synonyms filled in, normalised, in a dict;
2. hassil template matching: samples with numbers (AMAZON.NUMBER, digits or words) or free
   text (AMAZON.SearchQuery, AMAZON.TIME as wildcards);
3. a rapidfuzz fallback over the concrete sentences for near misses ("nest one", "scip").
Filler words ("um", "okay so", "please") are tried away before the fuzzy stage. Anything else
is AMAZON.FallbackIntent. Slot values come back as the resolved ids of DESIGN §4.
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from hassil import Intents, recognize_best
from rapidfuzz import fuzz, process

import interaction_model
from skill.core.events import FALLBACK, Event

WILDCARD_TYPES = {"AMAZON.SearchQuery", "AMAZON.TIME"}
NUMBER_TYPE = "AMAZON.NUMBER"
FILLERS = frozenset(
    {"um", "uh", "er", "erm", "hmm", "mm", "ah", "oh", "alexa", "hey", "so", "well", "like",
     "please", "okay", "ok", "right", "now", "just", "then", "actually", "coach"}
)  # fmt: skip
FUZZY_CUTOFF = 86.0
MAX_EXPANSIONS_PER_SAMPLE = 400


def normalise(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("-", " ")
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class _Concrete:
    intent: str
    slots: tuple[tuple[str, str, str], ...]  # (slot name, resolved id, words heard)

    def event(self) -> Event:
        return Event(
            self.intent,
            {name: value for name, value, _ in self.slots},
            {name: heard for name, _, heard in self.slots},
        )


class Recogniser:
    def __init__(self, model: dict[str, Any]) -> None:
        language = model["interactionModel"]["languageModel"]
        self.values: dict[str, list[tuple[str, str]]] = {}  # type -> [(spoken form, id)]
        for slot_type in language.get("types", []):
            forms = []
            for value in slot_type["values"]:
                for form in [value["name"]["value"], *value["name"].get("synonyms", [])]:
                    forms.append((normalise(form), value["id"]))
            self.values[slot_type["name"]] = forms
        self.exact: dict[str, _Concrete] = {}
        self.collisions: list[tuple[str, str, str]] = []
        hassil_intents: dict[str, Any] = {}
        for intent in language["intents"]:
            kinds = {s["name"]: s["type"] for s in intent.get("slots", [])}
            templated: list[str] = []
            for sample in intent.get("samples", []):
                used = re.findall(r"\{(\w+)\}", sample)
                if any(kinds[s] in WILDCARD_TYPES or kinds[s] == NUMBER_TYPE for s in used):
                    templated.append(_hassil_template(sample, kinds))
                else:
                    self._add_concrete(intent["name"], sample, used, kinds)
            if templated:
                hassil_intents[intent["name"]] = {"data": [{"sentences": templated}]}
        lists: dict[str, Any] = {
            name: {"values": [{"in": form, "out": value_id} for form, value_id in forms]}
            for name, forms in self.values.items()
        }
        lists[NUMBER_TYPE] = {"range": {"from": 0, "to": 999}}
        lists.update({name: {"wildcard": True} for name in WILDCARD_TYPES})
        self.hassil = Intents.from_dict(
            {"language": "en", "intents": hassil_intents, "lists": lists}
        )
        self.sentences = list(self.exact)
        self.number_slots = {
            s["name"]
            for i in language["intents"]
            for s in i.get("slots", [])
            if s["type"] == NUMBER_TYPE
        }
        self._hassil("hold for twenty seconds")  # loads hassil's number words now, not mid-session

    def _add_concrete(
        self, intent: str, sample: str, used: list[str], kinds: dict[str, str]
    ) -> None:
        options = [self.values[kinds[slot]] for slot in used]
        combos = itertools.islice(itertools.product(*options), MAX_EXPANSIONS_PER_SAMPLE)
        for combo in combos:
            text = sample
            slots = []
            for slot, (form, value_id) in zip(used, combo, strict=True):
                text = text.replace("{" + slot + "}", form, 1)
                slots.append((slot, value_id, form))
            key = normalise(text)
            claimed = self.exact.get(key)
            if claimed is not None and claimed.intent != intent:
                self.collisions.append((key, claimed.intent, intent))
                continue  # the first intent keeps it; the model tests list every collision
            self.exact.setdefault(key, _Concrete(intent, tuple(slots)))

    @classmethod
    def from_model(cls, path: Path | None = None) -> Recogniser:
        """From a model file, or the packaged en-US model."""
        if path is None:
            return cls(interaction_model.load("en-US"))
        return cls(json.loads(path.read_text(encoding="utf-8")))

    # ------------------------------------------------------------------ recognition

    def parse(self, text: str) -> Event:
        """The event for `text`, carrying the utterance itself so the coach can triage it."""
        return replace(self._parse(text), text=text.strip())

    def _parse(self, text: str) -> Event:
        utterance = normalise(text)
        if not utterance:
            return Event(FALLBACK)
        candidates = _without_fillers(utterance)
        for candidate in candidates:
            found = self.exact.get(candidate)
            if found is not None:
                return found.event()
        for candidate in candidates:
            event = self._hassil(candidate)
            if event is not None:
                return event
        return self._fuzzy(candidates[-1]) or Event(FALLBACK)

    def _hassil(self, utterance: str) -> Event | None:
        result = recognize_best(utterance, self.hassil)
        if result is None:
            return None
        slots: dict[str, str] = {}
        heard: dict[str, str] = {}
        for name, entity in result.entities.items():
            words = str(entity.text or entity.value).strip()
            if not words:
                continue
            heard[name] = words
            value = entity.value
            if name in self.number_slots and isinstance(value, int | float):
                value = int(value)
            slots[name] = str(value).strip()
        return Event(result.intent.name, slots, heard)

    def _fuzzy(self, utterance: str) -> Event | None:
        if len(utterance) < 3:
            return None
        match = process.extractOne(
            utterance, self.sentences, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        if match is None:
            return None
        return self.exact[match[0]].event()


def _hassil_template(sample: str, kinds: dict[str, str]) -> str:
    """Alexa's "{seconds}" becomes hassil's "{AMAZON.NUMBER:seconds}" (list name : slot name)."""
    return re.sub(r"\{(\w+)\}", lambda m: "{" + kinds[m[1]] + ":" + m[1] + "}", sample)


def _without_fillers(utterance: str) -> list[str]:
    """The utterance, then without filler words ("um okay next please" -> "next")."""
    words = utterance.split()
    kept = [w for w in words if w not in FILLERS]
    trimmed = " ".join(kept)
    return [utterance] if not kept or trimmed == utterance else [utterance, trimmed]


@cache
def default_recogniser() -> Recogniser:
    return Recogniser.from_model()
