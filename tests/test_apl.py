"""Screen devices: APL exactly when supported; valid documents; a figure for every exercise;
a touch on the routine list does what saying the routine's name does."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from skill.alexa import apl
from skill.cli import main
from skill.core.content import default_library
from tests.alexa_direct import DirectSkill, directives
from tests.conftest import intent_request, launch_request, speech

LIBRARY = default_library()
RESPONSE_LIMIT = 24 * 1024


def _start(skill: DirectSkill, routine_id: str) -> dict[str, Any]:
    name = LIBRARY.routine(routine_id).name
    return skill.send(intent_request("StartRoutineIntent", routine=(name, routine_id)))


@pytest.mark.parametrize("kind", apl.DOCUMENTS)
def test_every_document_is_apl_with_its_required_fields(kind: str) -> None:
    path = resources.files("skill.alexa").joinpath("documents", f"{kind}.json")
    document = json.loads(path.read_text("utf-8"))
    assert document["type"] == "APL" and document["version"]
    assert document["mainTemplate"]["items"]
    assert document["mainTemplate"]["parameters"] == ["payload"]


def test_every_exercise_has_a_start_and_end_figure() -> None:
    for exercise_id in LIBRARY.exercises:
        poses = apl.figure(exercise_id)
        for end in ("start", "end"):
            assert poses[end]["body"].startswith("M"), (exercise_id, end)


def test_step_countdown_follows_elapsed_time_not_ticks() -> None:
    text = json.dumps(apl.document("step"))
    assert "elapsedTime" in text and "holdStartSeconds" in text


def test_no_apl_without_the_interface() -> None:
    skill = DirectSkill(screen=False)
    skill.send(launch_request())
    assert directives(_start(skill, "breathing")) == []


def test_step_screen_on_a_screen_device_within_the_size_limit() -> None:
    skill = DirectSkill(screen=True)
    launched = skill.send(launch_request())
    assert directives(launched)[0]["token"] == "routines"
    payload = _start(skill, "lower_back")
    (shown,) = directives(payload)
    assert shown["type"] == "Alexa.Presentation.APL.RenderDocument"
    data = shown["datasources"]["coach"]
    first = LIBRARY.routine("lower_back").steps[0].exercise
    assert data["exercise"] == first.id and data["title"].lower() == first.name.lower()
    assert data["holdSeconds"] == 0  # cat cow is repetitions: no countdown
    assert data["start"]["body"] != data["end"]["body"]
    payload = skill.send(intent_request("AMAZON.NextIntent"))
    held = directives(payload)[0]["datasources"]["coach"]
    assert held["exercise"] == "childs_pose"
    assert held["holdSeconds"] == 30 and held["holdStartSeconds"] > 0
    assert len(json.dumps(payload).encode()) < RESPONSE_LIMIT


def test_progress_screen_shows_sessions() -> None:
    skill = DirectSkill(screen=True)
    skill.send(launch_request())
    (shown,) = directives(skill.send(intent_request("ProgressIntent")))
    assert shown["token"] == "progress"
    assert shown["datasources"]["coach"]["summary"].startswith("0 finished")


def test_touching_a_routine_matches_saying_it() -> None:
    spoken, touched = DirectSkill(screen=True), DirectSkill(screen=True)
    for skill in (spoken, touched):
        skill.send(launch_request())
    said = _start(spoken, "hamstrings")
    event = {"type": apl.USER_EVENT, "token": "routines", "arguments": ["selectRoutine",
                                                                       "hamstrings"]}  # fmt: skip
    tapped = touched.send(event)
    assert speech(tapped) == speech(said) and "hamstring" in speech(tapped).lower()
    assert tapped["sessionAttributes"] == said["sessionAttributes"]


def test_an_unknown_touch_is_answered_not_crashed() -> None:
    skill = DirectSkill(screen=True)
    skill.send(launch_request())
    payload = skill.send({"type": apl.USER_EVENT, "arguments": ["selectRoutine", "nope"]})
    assert "Sorry, I didn't catch that" in speech(payload)


def test_preview_apl_prints_the_directive(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preview-apl", "sciatica", "1"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["document"]["type"] == "APL"
    assert shown["datasources"]["coach"]["heading"].startswith("Exercise 1 of")
    assert main(["preview-apl", "sciatica", "99"]) == 2
    assert "sciatica has steps 1 to" in capsys.readouterr().err


@pytest.mark.parametrize("routine_id", sorted(LIBRARY.routines))
def test_every_step_directive_leaves_room_for_speech(routine_id: str) -> None:
    from skill.cli.preview import step_directive

    for step in range(1, len(LIBRARY.routine(routine_id).steps) + 1):
        shown = step_directive(routine_id, step)
        # 24 KB in all; the speech itself may take up to 8000 characters.
        assert len(json.dumps(shown).encode()) < RESPONSE_LIMIT - 8000, (routine_id, step)
        assert shown["datasources"]["coach"]["instructions"]
