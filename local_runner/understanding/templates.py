"""Stage 2: samples with numbers or free text, matched as hassil templates.

A sample is only tried when every literal word of it is in the utterance, which keeps this stage
cheap however many templated samples the model has. Importing and compiling hassil takes about
0.1 s, a third of the recogniser's start-up: it is done on first use, or ahead of it by `warm`
on a thread of its own while the coach greets the user.
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING, Any

from skill.core.events import Event

from .model import NUMBER_TYPE, SLOT, WILDCARD_TYPES, LanguageModel
from .text import normalise

MAX_TEMPLATE_NUMBER = 200


if TYPE_CHECKING:
    from hassil import Intents


class Templates:
    def __init__(self, model: LanguageModel) -> None:
        self.model = model
        self.number_slots = {
            slot
            for kinds in model.slot_types.values()
            for slot, kind in kinds.items()
            if kind == NUMBER_TYPE
        }
        self._lock = threading.Lock()
        # (literal words a sample needs, the sample compiled on its own), once compiled
        self._groups: list[tuple[frozenset[str], Intents]] | None = None

    def warm(self) -> None:
        """Compiles now, and has hassil load its number words (safe from any thread; a `match`
        meanwhile waits for the compiled templates)."""
        self.match("hold for twenty seconds")

    def warm_in_background(self) -> threading.Thread:
        thread = threading.Thread(target=self.warm, name="templates", daemon=True)
        thread.start()
        return thread

    @property
    def compiled(self) -> bool:
        return self._groups is not None

    def _compiled(self) -> list[tuple[frozenset[str], Intents]]:
        with self._lock:
            if self._groups is None:
                self._groups = self._compile()
            return self._groups

    def _compile(self) -> list[tuple[frozenset[str], Intents]]:
        from hassil import Intents

        model = self.model
        lists: dict[str, Any] = {
            name: {"values": [{"in": form, "out": value_id} for form, value_id in forms]}
            for name, forms in model.values.items()
        }
        # hassil spells out every number of the range at start-up (0..999 took most of it);
        # holds are 10..120 s and scores 0..10, and the slot spotter reads any larger number.
        lists[NUMBER_TYPE] = {"range": {"from": 0, "to": MAX_TEMPLATE_NUMBER}}
        lists.update({name: {"wildcard": True} for name in WILDCARD_TYPES})
        # One compiled template per sample: hassil checks every sentence of what it is given,
        # so a sample whose literal words are not all said is never handed to it.
        groups: list[tuple[frozenset[str], Intents]] = []
        for intent, samples in model.samples.items():
            kinds = model.slot_types[intent]
            for sample in samples:
                if not model.is_templated(intent, sample):
                    continue
                used = {kinds[slot] for slot in SLOT.findall(sample)}
                compiled = Intents.from_dict(
                    {
                        "language": "en",
                        "intents": {
                            intent: {"data": [{"sentences": [_hassil_template(sample, kinds)]}]}
                        },
                        "lists": {name: spec for name, spec in lists.items() if name in used},
                    }
                )
                groups.append((frozenset(normalise(SLOT.sub(" ", sample)).split()), compiled))
        return groups

    def match(self, utterance: str) -> Event | None:
        from hassil import recognize_best

        words = set(utterance.split())
        found = []
        for needs, compiled in self._compiled():
            if needs <= words:
                result = recognize_best(utterance, compiled)
                if result is not None:
                    found.append(self._event(result))
        # Across intents, the reading that leaves the least to free text wins.
        return min(found, key=self._free_words, default=None)

    def _free_words(self, event: Event) -> int:
        return sum(len(v) for k, v in event.heard.items() if k not in self.number_slots)

    def _event(self, result: Any) -> Event:
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


def _hassil_template(sample: str, kinds: dict[str, str]) -> str:
    """Alexa's "{seconds}" becomes hassil's "{AMAZON.NUMBER:seconds}" (list name : slot name)."""
    return re.sub(r"\{(\w+)\}", lambda m: "{" + kinds[m[1]] + ":" + m[1] + "}", sample)
