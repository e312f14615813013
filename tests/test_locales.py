"""Other English markets: the same intents and slots everywhere, generated (never hand-copied)
models, and each locale's emergency number in every emergency answer."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from skill.cli import main
from skill.core import events as ev
from skill.core.coach import Coach
from skill.core.events import Event
from skill.core.phrases_alexa import EMERGENCY_NUMBERS
from skill.core.state import CoachState
from tests.alexa_direct import DirectSkill
from tests.conftest import fixed_clock, intent_request, launch_request, speech

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "interaction_model"
NUMBERS = {"en-US": "nine one one", "en-CA": "nine one one", "en-GB": "nine nine nine",
           "en-AU": "triple zero", "en-IN": "one one two"}  # fmt: skip


def _shape(locale: str) -> dict[str, Any]:
    language = json.loads((MODELS / f"{locale}.json").read_text())["interactionModel"][
        "languageModel"
    ]
    return {
        "intents": {i["name"]: i.get("slots", []) for i in language["intents"]},
        "ids": {t["name"]: sorted(v["id"] for v in t["values"]) for t in language["types"]},
        "invocation": language["invocationName"],
    }


@pytest.mark.parametrize("locale", ev.LOCALES)
def test_each_locale_has_en_us_intents_and_slot_ids(locale: str) -> None:
    assert _shape(locale) == _shape("en-US")


def test_locale_wording_is_added_not_copied() -> None:
    gb = json.loads((MODELS / "en-GB.json").read_text())["interactionModel"]["languageModel"]
    red = next(i for i in gb["intents"] if i["name"] == "RedFlagIntent")
    assert "should i see my gp" in red["samples"] and "should i go to a and e" in red["samples"]
    manifest = json.loads((MODELS / "skill.json").read_text())["manifest"]
    assert set(manifest["publishingInformation"]["locales"]) == set(ev.LOCALES)
    assert set(manifest["publishingInformation"]["distributionCountries"]) == {
        "US", "CA", "GB", "AU", "IN",
    }  # fmt: skip


def test_a_hand_edited_locale_model_fails_the_check(tmp_path: Path) -> None:
    copy = tmp_path / "repo"
    for part in ("interaction_model", "scripts", "skill"):
        shutil.copytree(ROOT / part, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
    model = copy / "interaction_model" / "en-AU.json"
    model.write_text(model.read_text().replace("should i call triple zero", "should i ring"))
    result = subprocess.run(
        [sys.executable, str(copy / "scripts" / "build_interaction_model.py"), "--check"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1 and "en-AU.json is out of date" in result.stderr


@pytest.mark.parametrize("locale", ev.LOCALES)
def test_every_emergency_answer_carries_the_locale_number(locale: str) -> None:
    assert EMERGENCY_NUMBERS[locale] == NUMBERS[locale]
    coach = Coach(clock=fixed_clock)
    said = Event(ev.RED_FLAG, {"symptom": "numbness in my groin"}, locale=locale)
    _, reply = coach.handle(CoachState(), said)
    assert f"call {NUMBERS[locale]}" in reply.spoken_text()
    assert "local emergency number" not in reply.spoken_text()
    # The yes/no screen's emergency answer too.
    state, _ = coach.handle(CoachState(), Event(ev.RED_FLAG, locale=locale))
    _, screened = coach.handle(state, Event(ev.YES, locale=locale))
    assert f"call {NUMBERS[locale]}" in screened.spoken_text()


def test_alexa_request_locale_picks_number_and_wording() -> None:
    skill = DirectSkill(locale="en-GB")
    skill.send(launch_request())
    payload = skill.send(intent_request("RedFlagIntent", symptom="numbness in my groin"))
    assert "call nine nine nine or go to A&amp;E" in speech(payload)


def test_unknown_locale_is_answered_as_en_us() -> None:
    said = Event(ev.RED_FLAG, {"symptom": "numbness in my groin"}, locale="fr-FR")
    _, reply = Coach(clock=fixed_clock).handle(CoachState(), said)
    assert "call nine one one" in reply.spoken_text()


def test_local_runner_takes_locale(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = tmp_path / "s.txt"
    script.write_text("is numbness in my groin a red flag\n")
    assert main(["--locale", "en-AU", "--script", str(script)]) == 0
    assert "call triple zero" in capsys.readouterr().out
