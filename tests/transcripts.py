"""Golden transcripts: every routine walked, and the common detours, through both front ends.

`python -m tests.transcripts` rewrites tests/data/transcripts.json from the current code; the
test in test_transcripts.py fails when what either front end says drifts from that file. A
deliberate change of wording or behaviour is recorded by running this module again and
reviewing the diff of the JSON file.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path
from typing import Any

from local_runner.session import LocalSession
from skill.alexa.webservice import create_app
from skill.core.coach import Coach
from skill.core.content import default_library
from skill.stores.memory import MemoryStore
from tests.conftest import AlexaConversation, fixed_clock, speech

GOLDEN = Path(__file__).resolve().parent / "data" / "transcripts.json"

# Detours tried inside a routine: (what the local user types, Alexa intent, Alexa slots).
Line = tuple[str, str, dict[str, Any]]
NEXT: Line = ("next", "AMAZON.NextIntent", {})
DETOURS: list[Line] = [
    ("that felt worse", "FeelingIntent", {"feeling": ("worse", "worse")}),
    ("yes", "AMAZON.YesIntent", {}),
    ("say it again", "AMAZON.RepeatIntent", {}),
    ("pause", "AMAZON.PauseIntent", {}),
    ("resume", "AMAZON.ResumeIntent", {}),
    ("help", "AMAZON.HelpIntent", {}),
    ("skip", "SkipIntent", {}),
    ("go back", "AMAZON.PreviousIntent", {}),
    ("that felt better", "FeelingIntent", {"feeling": ("better", "better")}),
    ("hold for forty five seconds", "HoldTimeIntent", {"seconds": "45"}),
    ("i don't have a towel", "NoEquipmentIntent", {"equipment": ("towel", "towel")}),
    ("is this a red flag", "RedFlagIntent", {}),
    ("no", "AMAZON.NoIntent", {}),
    ("no", "AMAZON.NoIntent", {}),
    ("stop", "AMAZON.StopIntent", {}),
]


NO: Line = ("no", "AMAZON.NoIntent", {})


def _checks(checks: tuple[str, ...]) -> list[Line]:
    """Answers to the questions a routine asks before its first exercise."""
    answers: list[Line] = []
    for check in checks:
        if check == "screen":
            answers += [NO, NO]
        elif check == "side":
            answers.append(("my left leg", "SideIntent", {"side": ("left", "left")}))
        elif check == "recent":
            answers.append(NO)
    return answers


def _start(routine_id: str) -> Line:
    words = routine_id.replace("_", " ")
    return (f"start {words} routine", "StartRoutineIntent", {"routine": (words, routine_id)})


def conversations() -> dict[str, list[Line]]:
    library = default_library()
    talks: dict[str, list[Line]] = {}
    for routine in library.routines.values():
        steps = (
            [routine.steps[i] for i in routine.short_steps]
            if routine.short_by_default
            else routine.steps
        )
        sides = sum(2 if step.exercise.sides else 1 for step in steps)
        talks[f"walk_{routine.id}"] = [_start(routine.id), *_checks(routine.checks)] + [NEXT] * (
            sides + 1
        )
    talks["detours"] = [_start("lower_back"), NEXT, *DETOURS]
    talks["parity"] = [
        _start("lower_back"), NEXT,
        ("that felt worse", "FeelingIntent", {"feeling": ("worse", "worse")}),
        ("yes", "AMAZON.YesIntent", {}),
        ("say it again", "AMAZON.RepeatIntent", {}),
        ("hold for forty five seconds", "HoldTimeIntent", {"seconds": "45"}),
        ("skip", "SkipIntent", {}),
        ("help", "AMAZON.HelpIntent", {}),
        ("go back", "AMAZON.PreviousIntent", {}),
        ("pause", "AMAZON.PauseIntent", {}),
        ("resume", "AMAZON.ResumeIntent", {}),
        ("how do i do sit ups", "ExplainExerciseIntent", {"exercise": ("sit ups", "sit_ups")}),
        ("i don't have a towel", "NoEquipmentIntent", {"equipment": ("towel", "towel")}),
        ("is stiffness in my back a red flag", "RedFlagIntent", {"symptom": "stiffness in my back"}),
        ("no", "AMAZON.NoIntent", {}),
        ("what routines do you have", "ListRoutinesIntent", {}),
        NEXT,
        ("stop", "AMAZON.StopIntent", {}),
    ]  # fmt: skip
    talks["menu"] = [
        ("what routines do you have", "ListRoutinesIntent", {}),
        ("how do i do sit ups", "ExplainExerciseIntent", {"exercise": ("sit ups", "sit_ups")}),
        ("how do i do cat cow", "ExplainExerciseIntent", {"exercise": ("cat cow", "cat_cow")}),
        (
            "is numbness in my groin a red flag",
            "RedFlagIntent",
            {"symptom": "numbness in my groin"},
        ),
    ]
    sciatica = library.routine("sciatica").checks
    talks["resume"] = [
        _start("sciatica"),
        *_checks(sciatica),
        NEXT,
        ("stop", "AMAZON.StopIntent", {}),
    ]
    # Safety on the floor: pain mid-hold, a doctor-level symptom, an emergency statement.
    talks["safety"] = [
        _start("lower_back"),
        ("ouch that hurts", "FeelingIntent", {"feeling": ("hurts", "worse")}),
        ("just in my lower back", "AMAZON.NoIntent", {}),
        ("my foot is tingling", "RedFlagIntent", {"symptom": "my foot is tingling"}),
        ("carry on", "AMAZON.ResumeIntent", {}),
        ("is this a red flag", "RedFlagIntent", {}),
        ("no", "AMAZON.NoIntent", {}),
        ("carry on", "AMAZON.ResumeIntent", {}),
        ("both my legs feel weak", "RedFlagIntent", {"symptom": "both my legs feel weak"}),
    ]
    return talks


def plain(ssml: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", ssml)).split())


def record() -> dict[str, dict[str, list[str]]]:
    """Every conversation through the local session and the Alexa endpoint, as spoken text."""
    out: dict[str, dict[str, list[str]]] = {}
    for name, lines in conversations().items():
        store = MemoryStore()
        local = LocalSession(coach=Coach(clock=fixed_clock), store=store)
        local_said = [" ".join(local.start().spoken_text().split())]
        for typed, _, _ in lines:
            local_said.append(" ".join(local.say(typed).spoken_text().split()))
            if local.ended:
                local_said.append(" ".join(local.start().spoken_text().split()))
        app = create_app(verify=False, store=MemoryStore(), coach=Coach(clock=fixed_clock))
        with app.test_client() as client:
            alexa = AlexaConversation(client)
            alexa_said = [plain(speech(alexa.launch()))]
            for _, intent, slots in lines:
                payload = alexa.intent(intent, **slots)
                alexa_said.append(plain(speech(payload)))
                if payload["response"].get("shouldEndSession"):
                    alexa_said.append(plain(speech(alexa.launch())))
        out[name] = {"local": local_said, "alexa": alexa_said}
    return out


if __name__ == "__main__":
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    GOLDEN.write_text(json.dumps(record(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN}", file=sys.stderr)
