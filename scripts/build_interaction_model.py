#!/usr/bin/env python3
"""Generates every locale's interaction model, and the manifest's locale entries, from
interaction_model/language.toml.

Expands sample templates ((a|b) alternatives, [x] optional parts), checks slot value ids against
the content files, and writes interaction_model/<locale>.json for en-US and each `[locale.*]`
(en-US's model plus that locale's samples and synonyms), and the locale entries of skill.json
(en-US's entry with the locale's `manifest` keys). `--check` exits 1 if any committed file is
out of date (the test suite runs it), without writing anything.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "interaction_model" / "language.toml"
MODELS = ROOT / "interaction_model"
TARGET = MODELS / "en-US.json"
MANIFEST = MODELS / "skill.json"
BASE_LOCALE = "en-US"
TOKEN = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")


def expand(template: str) -> list[str]:
    """All sentences a template stands for, in a stable order."""
    pieces: list[list[str]] = []
    position = 0
    for match in TOKEN.finditer(template):
        pieces.append([template[position : match.start()]])
        if match.group(1) is not None:
            pieces.append(match.group(1).split("|"))
        else:
            pieces.append(["", *match.group(2).split("|")])
        position = match.end()
    pieces.append([template[position:]])
    if any(mark in text for piece in pieces for text in piece for mark in "()[]"):
        raise ValueError(f"template {template!r}: a group inside a group, or a bracket unclosed")
    sentences = []
    for combination in itertools.product(*pieces):
        sentence = " ".join("".join(combination).split())
        if sentence and sentence not in sentences:
            sentences.append(sentence)
    return sentences


def build(source: dict[str, Any]) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from skill.core.content import EQUIPMENT, default_library
    from skill.core.events import ALL_INTENTS

    library = default_library()
    expected_ids = {
        "RoutineName": set(library.routines),
        "ExerciseName": set(library.exercises),
        "Equipment": set(EQUIPMENT),
        "Feeling": {"better", "same", "worse"},
        "Side": {"left", "right"},
        "RoutineLength": {"short", "full"},
        "ReminderDays": {"every_day", "weekdays", "weekends"},
    }
    types = []
    for type_name, spec in source["type"].items():
        values = spec["values"]
        if set(values) != expected_ids[type_name]:
            missing = expected_ids[type_name] ^ set(values)
            raise SystemExit(f"{type_name}: ids differ from the content: {sorted(missing)}")
        types.append(
            {
                "name": type_name,
                "values": [
                    {"id": value_id, "name": {"value": names[0], "synonyms": names[1:]}}
                    for value_id, names in values.items()
                ],
            }
        )
    intents = []
    for name in ALL_INTENTS:
        spec = source["intent"].get(name)
        if spec is None:
            raise SystemExit(f"intent {name} is missing from {SOURCE.name}")
        samples = [s for template in spec.get("samples", []) for s in expand(template)]
        intent: dict[str, Any] = {"name": name}
        slots = spec.get("slots", {})
        if slots:
            intent["slots"] = [{"name": slot, "type": kind} for slot, kind in slots.items()]
        intent["samples"] = list(dict.fromkeys(samples))
        intents.append(intent)
    return {
        "interactionModel": {
            "languageModel": {
                "invocationName": source["invocation_name"],
                "intents": intents,
                "types": types,
            }
        }
    }


def localised(model: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """en-US's model with a locale's extra samples and synonyms (never new intents or ids)."""
    model = json.loads(json.dumps(model))
    language = model["interactionModel"]["languageModel"]
    intents = {intent["name"]: intent for intent in language["intents"]}
    for name, templates in overrides.get("samples", {}).items():
        if name not in intents:
            raise SystemExit(f"locale samples for unknown intent {name}")
        extra = [s for template in templates for s in expand(template)]
        intents[name]["samples"] = list(dict.fromkeys([*intents[name]["samples"], *extra]))
    types = {kind["name"]: kind for kind in language["types"]}
    for key, words in overrides.get("synonyms", {}).items():
        type_name, _, value_id = key.partition(".")
        values = {v["id"]: v for v in types.get(type_name, {"values": []})["values"]}
        if value_id not in values:
            raise SystemExit(f"locale synonyms for unknown value {key}")
        name = values[value_id]["name"]
        name["synonyms"] = list(dict.fromkeys([*name["synonyms"], *words]))
    return model


def manifest(current: dict[str, Any], locales: dict[str, Any]) -> dict[str, Any]:
    """The manifest with one entry per locale, each copied from en-US's with its overrides."""
    result = json.loads(json.dumps(current))
    info, privacy = result["manifest"]["publishingInformation"], result["manifest"][
        "privacyAndCompliance"
    ]
    base, base_privacy = info["locales"][BASE_LOCALE], privacy["locales"][BASE_LOCALE]
    info["locales"] = {BASE_LOCALE: base}
    privacy["locales"] = {BASE_LOCALE: base_privacy}
    countries = ["US"]
    for locale, spec in locales.items():
        info["locales"][locale] = {**base, **spec.get("manifest", {})}
        privacy["locales"][locale] = dict(base_privacy)
        countries.append(spec["country"])
    info["distributionCountries"] = list(dict.fromkeys(countries))
    return result


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_all() -> dict[Path, str]:
    """Every generated file and its text."""
    source = tomllib.loads(SOURCE.read_text(encoding="utf-8"))
    base = build(source)
    locales = source.get("locale", {})
    files = {TARGET: _dump(base)}
    for locale, overrides in locales.items():
        files[MODELS / f"{locale}.json"] = _dump(localised(base, overrides))
    current = json.loads(MANIFEST.read_text(encoding="utf-8"))
    files[MANIFEST] = _dump(manifest(current, locales))
    return files


def render() -> str:
    return render_all()[TARGET]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if a model is out of date")
    args = parser.parse_args()
    files = render_all()
    stale = [p for p, text in files.items() if not p.exists() or p.read_text("utf-8") != text]
    if args.check:
        for path in stale:
            print(f"{path} is out of date: run scripts/build_interaction_model.py", file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        path.write_text(files[path], encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
