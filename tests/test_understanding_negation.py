"""Commands said negated are not acted on; refusals keep their meaning."""

from __future__ import annotations

import pytest

from local_runner.recogniser import default_recogniser
from local_runner.understanding.ood import ACTIONS
from skill.core import events as ev


@pytest.mark.parametrize(
    "text",
    [
        "don't skip this one",
        "i don't want to skip it",
        "don't go to the next one yet",
        "do not start the routine",
        "i don't want to do the lower back routine",
        "don't delete my data",
        "okay don't stop",
        "i don't want to stop",
    ],
)
def test_a_negated_command_is_not_acted_on(text: str) -> None:
    assert default_recogniser().parse(text).name not in ACTIONS


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("skip this one", ev.SKIP),
        ("no don't pause", ev.NO),  # the refusal is the answer
        ("not the sciatica one the lower back one", ev.START_ROUTINE),
    ],
)
def test_commands_and_refusals_keep_their_meaning(text: str, intent: str) -> None:
    assert default_recogniser().parse(text).name == intent
