#!/usr/bin/env python3
"""Generates interaction_model/en-US.json from interaction_model/language.toml.

Expands sample templates ((a|b) alternatives, [x] optional parts), checks slot value ids against
the content files, and writes the Alexa interaction model. `--check` exits 1 if the committed
file is out of date (the test suite runs it), without writing anything.
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
TARGET = ROOT / "interaction_model" / "en-US.json"
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


def render() -> str:
    source = tomllib.loads(SOURCE.read_text(encoding="utf-8"))
    return json.dumps(build(source), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if en-US.json is out of date")
    args = parser.parse_args()
    text = render()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(
                f"{TARGET} is out of date: run scripts/build_interaction_model.py", file=sys.stderr
            )
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
