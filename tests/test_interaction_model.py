"""The interaction model is valid for Alexa and in step with its source and the content."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from ask_sdk_core.serialize import DefaultSerializer
from ask_smapi_model.v1.skill.interaction_model import InteractionModelData

from skill.core.content import EQUIPMENT, default_library
from skill.core.events import ALL_INTENTS, CUSTOM_INTENTS
from tests.conftest import DESIGN_ROUTINE_IDS

ROOT = Path(__file__).resolve().parent.parent
MODEL = json.loads((ROOT / "interaction_model" / "en-US.json").read_text())
LANGUAGE = MODEL["interactionModel"]["languageModel"]
LAUNCH_WORDS = {
    "alexa",
    "amazon",
    "echo",
    "skill",
    "app",
    "launch",
    "ask",
    "tell",
    "open",
    "play",
    "start",
}


def _strip_nones(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_nones(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_strip_nones(v) for v in value]
    return value


def test_model_deserialises_with_no_unknown_keys() -> None:
    serializer = DefaultSerializer()
    data = serializer.deserialize(json.dumps(MODEL), InteractionModelData)
    assert isinstance(data, InteractionModelData)
    # Anything the SMAPI model does not know would be dropped in the round trip.
    assert _strip_nones(serializer.serialize(data)) == MODEL


def test_model_is_generated_from_its_source() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_interaction_model.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_intent_of_the_contract_is_present_with_its_slots() -> None:
    intents = {i["name"]: i for i in LANGUAGE["intents"]}
    assert set(intents) == set(ALL_INTENTS)
    for name, slots in CUSTOM_INTENTS.items():
        assert [s["name"] for s in intents[name].get("slots", [])] == list(slots)
        assert len(intents[name]["samples"]) >= 5, name


def test_no_sample_in_two_intents_and_every_slot_declared() -> None:
    owner: dict[str, str] = {}
    for intent in LANGUAGE["intents"]:
        declared = {s["name"] for s in intent.get("slots", [])}
        for sample in intent["samples"]:
            key = sample.lower()
            assert key not in owner, f"{sample!r} in {owner.get(key)} and {intent['name']}"
            owner[key] = intent["name"]
            used = set(re.findall(r"\{(\w+)\}", sample))
            assert used <= declared, (intent["name"], sample)
            # Alexa: letters, spaces, apostrophes, periods; no digits (spell numbers out).
            assert re.fullmatch(r"[a-z' .{}]+", sample), sample


def test_search_query_samples_have_a_carrier_phrase() -> None:
    for intent in LANGUAGE["intents"]:
        kinds = {s["name"]: s["type"] for s in intent.get("slots", [])}
        for sample in intent["samples"]:
            for slot in re.findall(r"\{(\w+)\}", sample):
                if kinds[slot] == "AMAZON.SearchQuery":
                    assert sample.strip() != f"{{{slot}}}"


def test_slot_values_have_ids_matching_the_design() -> None:
    types = {t["name"]: t for t in LANGUAGE["types"]}
    ids = {name: {v["id"] for v in t["values"]} for name, t in types.items()}
    assert ids["RoutineName"] == DESIGN_ROUTINE_IDS
    assert ids["Feeling"] == {"better", "same", "worse"}
    assert ids["Equipment"] == set(EQUIPMENT)
    assert ids["ExerciseName"] == set(default_library().exercises)
    for slot_type in types.values():
        for value in slot_type["values"]:
            assert value["id"] and value["name"]["value"]


def test_invocation_name_follows_alexa_rules() -> None:
    name = LANGUAGE["invocationName"]
    assert name == "back stretch coach"
    assert name == name.lower() and re.fullmatch(r"[a-z ]+", name)
    assert len(name.split()) >= 2 and not LAUNCH_WORDS & set(name.split())


def test_manifest_carries_the_disclaimer() -> None:
    manifest = json.loads((ROOT / "interaction_model" / "skill.json").read_text())
    locale = manifest["manifest"]["publishingInformation"]["locales"]["en-US"]
    assert "not a substitute for professional medical advice" in locale["description"]


def test_model_stays_within_alexa_limits() -> None:
    # Sample utterances up to 200 characters; keep the whole model far below the console's size
    # limit so it builds quickly.
    size = len((ROOT / "interaction_model" / "en-US.json").read_bytes())
    assert size < 1_000_000
    for intent in LANGUAGE["intents"]:
        assert len(intent["samples"]) <= 1000, intent["name"]
        for sample in intent["samples"]:
            assert len(sample) <= 200, sample
    for slot_type in LANGUAGE["types"]:
        for value in slot_type["values"]:
            assert len(value["name"]["synonyms"]) <= 100


def test_pain_words_are_a_worse_feeling_not_a_red_flag_sample() -> None:
    intents = {i["name"]: i for i in LANGUAGE["intents"]}
    assert "ouch" not in intents["RedFlagIntent"]["samples"]
    feelings = {t["name"]: t for t in LANGUAGE["types"]}["Feeling"]["values"]
    worse = next(v for v in feelings if v["id"] == "worse")["name"]["synonyms"]
    assert {"ouch", "ow", "hurts"} <= set(worse)


def test_pain_score_and_side_have_everyday_samples() -> None:
    intents = {i["name"]: i for i in LANGUAGE["intents"]}
    assert "my pain is {score}" in intents["PainScoreIntent"]["samples"]
    assert "{score} out of ten" in " ".join(intents["PainScoreIntent"]["samples"])
    assert "the {side} one" in intents["SideIntent"]["samples"]


def test_a_group_inside_a_group_fails_the_build_instead_of_reaching_the_model() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_interaction_model import expand

    assert expand("(pause|stop) [it]") == ["pause", "pause it", "stop", "stop it"]
    try:
        expand("tell me the routines [you (offer|have)]")
    except ValueError as error:
        assert "a group inside a group" in str(error)
    else:
        raise AssertionError("a nested group was expanded")
