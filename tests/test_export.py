"""The ASK CLI export: validated first, the v2 layout, and a Lambda zip that answers a launch in
a clean virtualenv (dependencies reused from this environment, no network)."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from interaction_model.validate import heard_by, problems
from skill.core.events import LOCALES
from tests.venvs import clean_venv

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from export_skill_package import export, load_package  # noqa: E402


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "project"
    assert export(out) == []
    return out


def test_layout_is_an_ask_cli_v2_project(exported: Path) -> None:
    resources = json.loads((exported / "ask-resources.json").read_text())
    profile = resources["profiles"]["default"]
    assert resources["askcliResourcesVersion"] == "2020-03-31"
    assert profile["skillMetadata"]["src"] == "./skill-package"
    assert profile["code"]["default"]["src"] == "./lambda"
    manifest = json.loads((exported / "skill-package" / "skill.json").read_text())
    privacy = manifest["manifest"]["privacyAndCompliance"]
    assert privacy["isExportCompliant"] is True and set(privacy["locales"]) == set(LOCALES)
    assert manifest["manifest"]["permissions"] == [
        {"name": "alexa::alerts:reminders:skill:readwrite"}
    ]
    for locale in LOCALES:
        path = exported / "skill-package" / "interactionModels" / "custom" / f"{locale}.json"
        assert json.loads(path.read_text())["interactionModel"]["languageModel"]["intents"]
    requirements = (exported / "lambda" / "requirements.txt").read_text().split()
    assert all("==" in line for line in requirements) and "ask-sdk-core==1.19.0" in requirements


def test_validation_catches_what_alexa_would_reject() -> None:
    manifest, models = load_package()
    assert problems(manifest, models) == []
    broken = copy.deepcopy(models)
    language = broken["en-GB"]["interactionModel"]["languageModel"]
    language["invocationName"] = "open coach"
    intents = {i["name"]: i for i in language["intents"]}
    intents["SkipIntent"]["samples"].append(intents["AMAZON.NextIntent"]["samples"][0])
    intents["SkipIntent"]["samples"].append("x" * 201)
    wrong = copy.deepcopy(manifest)
    wrong["manifest"]["publishingInformation"]["locales"]["en-GB"]["examplePhrases"] = [
        "Alexa, ask back stretch coach to juggle"
    ]
    found = "\n".join(problems(manifest, broken))
    assert "launch or wake word" in found
    assert "AMAZON.NextIntent: 'next': also a sample of SkipIntent" in found
    assert "too long" in found
    assert "matches no sample" in "\n".join(problems(wrong, models))


def test_example_phrases_are_heard_by_the_model() -> None:
    _, models = load_package()
    language = models["en-US"]["interactionModel"]["languageModel"]
    assert heard_by("start the lower back routine", language)
    assert not heard_by("start the upside down routine", language)


def test_export_refuses_an_invalid_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import export_skill_package as module

    def bad_package() -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
        manifest, models = load_package()
        del manifest["manifest"]["privacyAndCompliance"]["containsAds"]
        return manifest, models

    monkeypatch.setattr(module, "load_package", bad_package)
    found = module.export(tmp_path / "out")
    assert found == ["manifest: privacyAndCompliance.containsAds is missing"]
    assert not (tmp_path / "out").exists()


def test_lambda_zip_answers_a_launch_in_a_clean_virtualenv(exported: Path, tmp_path: Path) -> None:
    unpacked = tmp_path / "code"
    with zipfile.ZipFile(exported / "lambda.zip") as bundle:
        bundle.extractall(unpacked)
    python = clean_venv(tmp_path / "venv")
    event = {
        "version": "1.0",
        "session": {"new": True, "sessionId": "s", "application": {"applicationId": "a"},
                    "user": {"userId": "u"}},
        "context": {"System": {"application": {"applicationId": "a"}, "user": {"userId": "u"},
                               "device": {"deviceId": "d", "supportedInterfaces": {}}}},
        "request": {"type": "LaunchRequest", "requestId": "r", "locale": "en-GB",
                    "timestamp": "2026-01-01T00:00:00Z"},
    }  # fmt: skip
    script = (
        "import json, sys, skill; from skill.lambda_function import lambda_handler; "
        "out = lambda_handler(json.loads(sys.argv[1]), None); "
        "print(json.dumps({'file': skill.__file__, 'out': out}))"
    )
    result = subprocess.run(
        [str(python), "-c", script, json.dumps(event)],
        capture_output=True, text=True, cwd=unpacked, timeout=120, check=False,
        env={"PATH": "/usr/bin:/bin", "STRETCH_COACH_DATA_DIR": str(tmp_path / "data")},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["file"].startswith(str(unpacked))
    assert "Back Stretch Coach" in answer["out"]["response"]["outputSpeech"]["ssml"]
