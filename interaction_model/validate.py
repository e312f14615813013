"""Checks a skill manifest and its interaction models against Alexa's documented limits before
they are exported: invocation name rules, sample and slot limits, no sample in two intents, and
example phrases that the model can actually hear. `problems()` lists what is wrong (empty: fine).
"""

from __future__ import annotations

import json
import re
from typing import Any

# Alexa's published limits for custom skills (developer documentation: invocation names,
# interaction model schema, custom slot types, skill manifest).
MAX_INVOCATION_CHARS = 50
MAX_SAMPLE_CHARS = 200
MAX_SLOT_VALUE_CHARS = 140
MAX_SLOT_VALUES = 50_000
MAX_INTENTS = 250
MAX_MODEL_BYTES = 1_500_000
MAX_EXAMPLE_PHRASES = 3
LAUNCH_WORDS = {
    "alexa", "amazon", "echo", "computer", "skill", "app", "ask", "tell", "open", "launch",
    "start", "play", "run", "use", "load", "begin", "resume", "enable", "for", "to", "from",
}  # fmt: skip
INVOCATION = re.compile(r"[a-z][a-z' .]*[a-z.]")
SAMPLE = re.compile(r"[a-z' .{}]+")
# "Alexa, open <name>" or "Alexa, ask <name> [to] <utterance>".
EXAMPLE = re.compile(r"alexa, (open|launch|start|begin) (?P<name>.+)|alexa, (ask|tell) (?P<n2>.+)")


def invocation_problems(name: str) -> list[str]:
    found = []
    if not INVOCATION.fullmatch(name) or name != name.lower():
        found.append(f"invocation name {name!r}: lower-case letters, spaces, apostrophes only")
    if len(name.split()) < 2:
        found.append(f"invocation name {name!r}: needs at least two words")
    if LAUNCH_WORDS & set(name.split()):
        found.append(f"invocation name {name!r}: contains a launch or wake word")
    if len(name) > MAX_INVOCATION_CHARS:
        found.append(f"invocation name {name!r}: longer than {MAX_INVOCATION_CHARS} characters")
    return found


def _slot_values(language: dict[str, Any]) -> dict[str, set[str]]:
    values: dict[str, set[str]] = {}
    for kind in language.get("types", []):
        words = values.setdefault(kind["name"], set())
        for value in kind["values"]:
            words.add(value["name"]["value"].lower())
            words.update(s.lower() for s in value["name"].get("synonyms", []))
    return values


def model_problems(locale: str, model: dict[str, Any]) -> list[str]:
    language = model["interactionModel"]["languageModel"]
    found = [f"{locale}: {p}" for p in invocation_problems(language["invocationName"])]
    if len(json.dumps(model).encode()) > MAX_MODEL_BYTES:
        found.append(f"{locale}: model larger than {MAX_MODEL_BYTES} bytes")
    if len(language["intents"]) > MAX_INTENTS:
        found.append(f"{locale}: more than {MAX_INTENTS} intents")
    owner: dict[str, str] = {}
    for intent in language["intents"]:
        declared = {slot["name"] for slot in intent.get("slots", [])}
        for sample in intent.get("samples", []):
            where = f"{locale}: {intent['name']}: {sample!r}"
            if len(sample) > MAX_SAMPLE_CHARS or not SAMPLE.fullmatch(sample):
                found.append(f"{where}: too long or not lower-case words")
            if not set(re.findall(r"\{(\w+)\}", sample)) <= declared:
                found.append(f"{where}: uses a slot the intent does not declare")
            key = " ".join(sample.lower().split())
            if key in owner and owner[key] != intent["name"]:
                found.append(f"{where}: also a sample of {owner[key]}")
            owner.setdefault(key, intent["name"])
    for kind, words in _slot_values(language).items():
        if len(words) > MAX_SLOT_VALUES:
            found.append(f"{locale}: slot type {kind} has more than {MAX_SLOT_VALUES} values")
        found.extend(
            f"{locale}: slot type {kind}: value {w!r} too long"
            for w in words
            if len(w) > MAX_SLOT_VALUE_CHARS
        )
    return found


from skill.core.words import parse_number  # noqa: E402


def heard_by(utterance: str, language: dict[str, Any]) -> bool:
    """Whether some sample of the model matches `utterance` (custom slots: a known value)."""
    values = _slot_values(language)
    for intent in language["intents"]:
        kinds = {slot["name"]: slot["type"] for slot in intent.get("slots", [])}
        for sample in intent.get("samples", []):
            slots = re.findall(r"\{(\w+)\}", sample)
            pattern = re.escape(sample)
            for slot in slots:
                pattern = pattern.replace(re.escape(f"{{{slot}}}"), "(.+)", 1)
            match = re.fullmatch(pattern, utterance)
            if match and all(
                _fits(kinds[slot], heard, values)
                for slot, heard in zip(slots, match.groups(), strict=True)
            ):
                return True
    return False


def _fits(kind: str, heard: str, values: dict[str, set[str]]) -> bool:
    """A custom slot needs one of its values, a number needs a number; free text takes any."""
    if kind in values:
        return heard in values[kind]
    if kind == "AMAZON.NUMBER":
        return parse_number(heard) is not None
    return True


def example_problems(locale: str, phrases: list[str], model: dict[str, Any]) -> list[str]:
    language = model["interactionModel"]["languageModel"]
    name = language["invocationName"]
    found = []
    if not 1 <= len(phrases) <= MAX_EXAMPLE_PHRASES:
        found.append(f"{locale}: between 1 and {MAX_EXAMPLE_PHRASES} example phrases")
    for phrase in phrases:
        said = " ".join(re.sub(r"[?!]", "", phrase.lower()).split())
        match = EXAMPLE.fullmatch(said)
        rest = (match.group("name") or match.group("n2")) if match else None
        if rest is None or not rest.startswith(name):
            found.append(f"{locale}: example {phrase!r} does not invoke {name!r}")
            continue
        utterance = rest[len(name) :].strip()
        utterance = utterance[3:] if utterance.startswith("to ") else utterance
        if utterance and not heard_by(utterance, language):
            found.append(f"{locale}: example {phrase!r} matches no sample of the model")
    return found


def problems(manifest: dict[str, Any], models: dict[str, dict[str, Any]]) -> list[str]:
    """Everything wrong with a manifest and its models (locale -> model), as readable lines."""
    found: list[str] = []
    info = manifest["manifest"]["publishingInformation"]["locales"]
    privacy = manifest["manifest"].get("privacyAndCompliance", {})
    for key in ("usesPersonalInfo", "isChildDirected", "isExportCompliant", "containsAds",
                "allowsPurchases"):  # fmt: skip
        if key not in privacy:
            found.append(f"manifest: privacyAndCompliance.{key} is missing")
    for locale in sorted(set(info) | set(models)):
        if locale not in models:
            found.append(f"{locale}: in the manifest but has no interaction model")
            continue
        if locale not in info:
            found.append(f"{locale}: has a model but no manifest entry")
            continue
        if locale not in privacy.get("locales", {}):
            found.append(f"{locale}: no privacy policy entry")
        found.extend(model_problems(locale, models[locale]))
        examples = info[locale].get("examplePhrases", [])
        found.extend(example_problems(locale, examples, models[locale]))
    return found
