"""Both front ends say exactly what the recorded golden transcripts say (tests/transcripts.py)."""

from __future__ import annotations

import json

import pytest

from tests.transcripts import GOLDEN, record

RECORDED = json.loads(GOLDEN.read_text(encoding="utf-8"))
CURRENT = record()


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_conversation_matches_golden_transcript(name: str) -> None:
    for front_end in ("local", "alexa"):
        assert CURRENT[name][front_end] == RECORDED[name][front_end], (name, front_end)


def test_local_and_alexa_say_the_same_words() -> None:
    for name, said in CURRENT.items():
        assert said["local"] == said["alexa"], name


def test_every_routine_is_recorded() -> None:
    assert {f"walk_{r}" for r in ("lower_back", "sciatica", "back_spasm", "hamstrings",
                                  "desk_break", "breathing")} <= set(RECORDED)
