"""One exercise from exercises.toml: every field checked, errors naming file, entry and field."""

from __future__ import annotations

from typing import Any, cast

from .content import EQUIPMENT, KINDS, POSITIONS, Exercise, Kind, Position, RepCue
from .validation import Fields


def _rep_cues(f: Fields, field: str, *, required: bool) -> tuple[RepCue, ...]:
    cues = f.value(field) if required else f.value(field, [])
    if not isinstance(cues, list) or (required and not cues):
        raise f.fail(field, "must be a non-empty list of {say, seconds} tables")
    parsed = []
    for index, cue in enumerate(cues):
        if (
            not isinstance(cue, dict)
            or not isinstance(cue.get("say"), str)
            or not cue["say"].strip()
            or isinstance(cue.get("seconds"), bool)
            or not isinstance(cue.get("seconds"), int | float)
            or not 0.5 <= cue["seconds"] <= 10
            or not isinstance(cue.get("short", ""), str)
            or not isinstance(cue.get("count", False), bool)
        ):
            raise f.fail(
                f"{field}[{index}]",
                "needs 'say' text, 'seconds' from 0.5 to 10, optional 'short' text and 'count'",
            )
        short = cue.get("short", "").strip()
        parsed.append(
            RepCue(cue["say"].strip(), float(cue["seconds"]), short, cue.get("count", False))
        )
    return tuple(parsed)


def load_exercise(file: str, exercise_id: str, table: Any) -> Exercise:
    f = Fields(file, exercise_id, table)
    kind = cast(Kind, f.choice("kind", KINDS))
    common: dict[str, Any] = {
        "id": exercise_id,
        "name": f.text("name"),
        "position": cast(Position, f.choice("position", POSITIONS)),
        "kind": kind,
        "sources": f.texts("sources"),
    }
    if kind == "avoid":
        return Exercise(
            **common,
            setup="",
            steps=(),
            cue="",
            sides=False,
            equipment=(),
            cautions=(),
            gentler=None,
            why=f.text("why"),
            instead=f.texts("instead"),
            alternatives_said=f.text("alternatives_said"),
        )
    equipment = f.texts("equipment", required=False)
    for item in equipment:
        if item not in EQUIPMENT:
            raise f.fail("equipment", f"unknown item {item!r}; known: {', '.join(EQUIPMENT)}")
    steps = f.texts("steps")
    if not steps:
        raise f.fail("steps", "needs at least one step")
    extra: dict[str, Any] = {}
    if kind == "reps":
        extra["reps"] = f.integer("reps", 1, 30)
        extra["rep_cues"] = _rep_cues(f, "rep_cues", required=True)
        extra["gentle_rep_cues"] = _rep_cues(f, "gentle_rep_cues", required=False)
        if extra["gentle_rep_cues"]:
            extra["gentle_reps"] = f.integer("gentle_reps", 1, 30)
    elif kind == "rest":
        extra["rest_seconds"] = f.integer("rest_seconds", 10, 120)
    gentler = table.get("gentler")
    if gentler is not None and not isinstance(gentler, str):
        raise f.fail("gentler", "must be an exercise id")
    if "without" in table:
        extra["without"] = f.text("without")
        if not equipment:
            raise f.fail("without", "only exercises that need equipment have a 'without' set-up")
    return Exercise(
        **common,
        setup=f.text("setup"),
        steps=steps,
        cue=f.text("cue"),
        sides=f.boolean("sides"),
        equipment=equipment,
        cautions=f.texts("cautions", required=False),
        gentler=gentler,
        **extra,
    )
