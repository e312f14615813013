"""A command said after an acknowledgement: "righto on we go", "yeah back into it".

Read whole, the acknowledgement pulls such a sentence towards Yes (the classifier has seen
"righto" as a yes on its own). So before the classifier reads it, the words after the
acknowledgement are looked up among the model's own sentences (or as a slip of one).
"""

from __future__ import annotations

from collections.abc import Callable

from skill.core import events as ev
from skill.core.events import Event

from .ood import ACTIONS, said_to_someone_else
from .text import without_acknowledgement

# Commands an acknowledgement may stand before. Not answers or remarks ("okay no", "yeah that's
# fine", "okay my lower back"), nor questions ("done what's next"): those are read whole.
_COMMANDS = ACTIONS - {ev.YES, ev.NO, ev.START_ROUTINE}

Lookup = Callable[[str], Event | None]


def command_after_acknowledgement(
    utterance: str, lookup: Lookup, near: Lookup
) -> tuple[Event, str] | None:
    """The command after an opening acknowledgement, with the stage that found it ("exact", or
    "near" for a slip of a sentence of two words or more); None if there is none."""
    rest = without_acknowledgement(utterance)
    if rest == utterance or said_to_someone_else(utterance):
        return None
    found, stage = lookup(rest), "exact"
    if found is None and " " in rest:
        found, stage = near(rest), "near"
    if found is None or found.name not in _COMMANDS:
        return None
    return found, stage
