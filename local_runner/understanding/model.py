"""The interaction model (en-US.json) read once into what the stages need.

Slot values per type (spoken form -> id), slot types per intent, and the samples, which can be
expanded with every custom-slot value ("concrete" sentences) to train the classifier.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import interaction_model

from .text import normalise

WILDCARD_TYPES = frozenset({"AMAZON.SearchQuery", "AMAZON.TIME"})
NUMBER_TYPE = "AMAZON.NUMBER"
MAX_EXPANSIONS_PER_SAMPLE = 400
SLOT = re.compile(r"\{(\w+)\}")


@dataclass
class LanguageModel:
    raw: dict[str, Any]
    digest: str
    values: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # type -> forms
    slot_types: dict[str, dict[str, str]] = field(default_factory=dict)  # intent -> slot -> type
    samples: dict[str, list[str]] = field(default_factory=dict)  # intent -> samples

    @classmethod
    def load(cls, path: Path | None = None) -> LanguageModel:
        """From a model file, or the en-US model shipped as package data."""
        data = path.read_bytes() if path else interaction_model.text("en-US").encode("utf-8")
        return cls.from_dict(json.loads(data), hashlib.sha256(data).hexdigest())

    @classmethod
    def from_dict(cls, raw: dict[str, Any], digest: str = "") -> LanguageModel:
        language = raw["interactionModel"]["languageModel"]
        model = cls(raw, digest or hashlib.sha256(json.dumps(raw).encode()).hexdigest())
        for slot_type in language.get("types", []):
            forms = []
            for value in slot_type["values"]:
                for form in [value["name"]["value"], *value["name"].get("synonyms", [])]:
                    forms.append((normalise(form), value["id"]))
            model.values[slot_type["name"]] = forms
        for intent in language["intents"]:
            kinds = {s["name"]: s["type"] for s in intent.get("slots", [])}
            model.slot_types[intent["name"]] = kinds
            model.samples[intent["name"]] = list(intent.get("samples", []))
        return model

    def spotted_slots(self, intent: str) -> list[str]:
        """The intent's slots whose values can be found in a sentence (not free text or time)."""
        kinds = self.slot_types.get(intent, {})
        return [slot for slot, kind in kinds.items() if kind not in WILDCARD_TYPES]

    def is_templated(self, intent: str, sample: str) -> bool:
        """True when a sample has a number or free-text slot (matched by templates, not a table)."""
        kinds = self.slot_types[intent]
        return any(
            kinds[s] in WILDCARD_TYPES or kinds[s] == NUMBER_TYPE for s in SLOT.findall(sample)
        )

    def concrete(self, intent: str, sample: str) -> list[str]:
        """A sample with every combination of its custom-slot values (capped), normalised."""
        kinds = self.slot_types[intent]
        used = SLOT.findall(sample)
        options = [[form for form, _ in self.values[kinds[slot]]] for slot in used]
        out = []
        for combo in itertools.islice(itertools.product(*options), MAX_EXPANSIONS_PER_SAMPLE):
            text = sample
            for slot, form in zip(used, combo, strict=True):
                text = text.replace("{" + slot + "}", form, 1)
            out.append(normalise(text))
        return out
