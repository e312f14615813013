"""The typed-text recogniser compiled from the Alexa interaction model."""

from __future__ import annotations

from pathlib import Path

import pytest

from local_runner.recogniser import default_recogniser
from skill.core import events as ev
from skill.core.words import number_words, parse_number

DEV_SET = Path(__file__).resolve().parent / "data" / "utterances_dev.tsv"


def rows() -> list[tuple[str, list[str], str | None]]:
    out = []
    for line in DEV_SET.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        out.append((parts[0], parts[1].split("|"), parts[2] if len(parts) > 2 else None))
    return out


@pytest.mark.parametrize(("text", "intents", "slot"), rows())
def test_dev_set(text: str, intents: list[str], slot: str | None) -> None:
    event = default_recogniser().parse(text)
    assert event.name in intents, (text, event)
    if slot:
        name, _, value = slot.partition("=")
        if value:
            assert event.slots.get(name) == value
        else:
            assert event.slots.get(name)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("Um, next please", "AMAZON.NextIntent", {}),
        ("Start the Lower Back Routine!", "StartRoutineIntent", {"routine": "lower_back"}),
        ("hold for forty five seconds", "HoldTimeIntent", {"seconds": "45"}),
        ("i don't have a foam roller", "NoEquipmentIntent", {"equipment": "foam_roller"}),
        (
            "is numbness in my groin a red flag",
            "RedFlagIntent",
            {"symptom": "numbness in my groin"},
        ),
        ("that hurts", "FeelingIntent", {"feeling": "worse"}),
        ("purple monkey dishwasher", "AMAZON.FallbackIntent", {}),
        ("take me back to the home screen", "AMAZON.NavigateHomeIntent", {}),
        ("stop i'm done with this", "AMAZON.StopIntent", {}),
        ("can we do the office one", "StartRoutineIntent", {"routine": "desk_break"}),
        ("not worse not better", "FeelingIntent", {"feeling": "same"}),
        ("what did we do the last time", "ProgressIntent", {}),
        ("get rid of whatever you've saved about me", "DeleteDataIntent", {}),
    ],
)
def test_more_phrasings(text: str, intent: str, slots: dict[str, str]) -> None:
    event = default_recogniser().parse(text)
    assert event.name == intent
    assert event.slots == slots


@pytest.mark.parametrize("n", [0, 7, 10, 19, 20, 45, 99, 100, 120, 305])
def test_number_words_round_trip(n: int) -> None:
    assert parse_number(number_words(n)) == n
    assert parse_number(str(n)) == n


def test_a_number_said_twice_is_that_number() -> None:
    assert parse_number("eight eight") == 8
    assert parse_number("twenty twenty") == 20
    assert default_recogniser().parse("eight eight it's an eight").slots == {"score": "8"}


HELD_OUT = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "utterances_heldout.tsv"


def test_held_out_paraphrases_reach_the_accuracy_target() -> None:
    recogniser = default_recogniser()
    good = total = 0
    for line in HELD_OUT.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            parts = line.split("\t")
            total += 1
            good += recogniser.parse(parts[0]).name in parts[1].split("|")
    assert good / total >= 0.95


def test_no_sentence_means_two_intents() -> None:
    assert default_recogniser().collisions == []


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("um, okay, next please", "AMAZON.NextIntent"),
        ("nest one", "AMAZON.NextIntent"),
        ("scip this one", "SkipIntent"),
        ("whats my progress", "ProgressIntent"),
        ("okay", "AMAZON.YesIntent"),
    ],
)
def test_fillers_and_near_misses(text: str, intent: str) -> None:
    assert default_recogniser().parse(text).name == intent


def test_a_near_miss_that_leaves_out_the_value_is_no_match() -> None:
    # "this time" is a letter or two from "short this time", but says no length: whisper's
    # reading of a noisy "stop" must not become a routine length the hold carries on through.
    assert default_recogniser().parse("this time").name == ev.FALLBACK
