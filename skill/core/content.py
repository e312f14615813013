"""Routines and exercises: load the TOML content files into validated, frozen dataclasses.

A malformed file fails at load with a `ContentError` naming the file, the entry and the field,
so a typo in the content can never reach a user as a half-spoken step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, cast

# ContentError is re-exported: callers catch it from here.
from .validation import ContentError as ContentError
from .validation import Fields, read_toml

Position = Literal["standing", "sitting", "kneeling", "lying"]
Kind = Literal["hold", "reps", "rest", "avoid"]

POSITIONS: tuple[Position, ...] = ("standing", "sitting", "kneeling", "lying")
KINDS: tuple[Kind, ...] = ("hold", "reps", "rest", "avoid")
EQUIPMENT: dict[str, str] = {
    "tennis_ball": "a tennis ball",
    "foam_roller": "a foam roller",
    "stability_ball": "a stability ball",
    "chair_or_couch": "a chair or couch",
    "towel": "a towel",
}
SIDES: tuple[str, str] = ("left", "right")


@dataclass(frozen=True)
class RepCue:
    say: str
    seconds: float


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    position: Position
    kind: Kind
    setup: str
    steps: tuple[str, ...]
    cue: str
    sides: bool
    equipment: tuple[str, ...]
    cautions: tuple[str, ...]
    gentler: str | None
    sources: tuple[str, ...]
    reps: int = 0
    rep_cues: tuple[RepCue, ...] = ()
    rest_seconds: int = 0
    why: str = ""
    instead: tuple[str, ...] = ()
    alternatives_said: str = ""

    @property
    def is_avoided(self) -> bool:
        return self.kind == "avoid"


@dataclass(frozen=True)
class RoutineStep:
    exercise: Exercise
    reps: int  # repetitions for `reps` exercises (the exercise default unless overridden)


@dataclass(frozen=True)
class Routine:
    id: str
    name: str
    summary: str
    intro: str
    wrap_up: str
    steps: tuple[RoutineStep, ...]
    sources: tuple[str, ...]

    @property
    def equipment(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for step in self.steps:
            for item in step.exercise.equipment:
                seen[item] = None
        return tuple(seen)


@dataclass(frozen=True)
class Library:
    exercises: Mapping[str, Exercise]
    routines: Mapping[str, Routine]

    def exercise(self, exercise_id: str) -> Exercise:
        return self.exercises[exercise_id]

    def routine(self, routine_id: str) -> Routine:
        return self.routines[routine_id]


def _load_exercise(file: str, exercise_id: str, table: Any) -> Exercise:
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
        cues = f.value("rep_cues")
        if not isinstance(cues, list) or not cues:
            raise f.fail("rep_cues", "must be a non-empty list of {say, seconds} tables")
        parsed = []
        for index, cue in enumerate(cues):
            if (
                not isinstance(cue, dict)
                or not isinstance(cue.get("say"), str)
                or not cue["say"].strip()
                or isinstance(cue.get("seconds"), bool)
                or not isinstance(cue.get("seconds"), int | float)
                or not 0.5 <= cue["seconds"] <= 10
            ):
                raise f.fail(f"rep_cues[{index}]", "needs 'say' text and 'seconds' from 0.5 to 10")
            parsed.append(RepCue(cue["say"].strip(), float(cue["seconds"])))
        extra["rep_cues"] = tuple(parsed)
    elif kind == "rest":
        extra["rest_seconds"] = f.integer("rest_seconds", 10, 120)
    gentler = table.get("gentler")
    if gentler is not None and not isinstance(gentler, str):
        raise f.fail("gentler", "must be an exercise id")
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


def _load_routine(
    file: str, routine_id: str, table: Any, exercises: Mapping[str, Exercise]
) -> Routine:
    f = Fields(file, routine_id, table)
    raw_steps = f.value("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise f.fail("steps", "must be a non-empty list")
    steps = []
    for index, raw in enumerate(raw_steps):
        field = f"steps[{index}]"
        exercise_id = raw.get("exercise") if isinstance(raw, dict) else raw
        if not isinstance(exercise_id, str) or exercise_id not in exercises:
            raise f.fail(field, f"unknown exercise {exercise_id!r}")
        exercise = exercises[exercise_id]
        if exercise.is_avoided:
            raise f.fail(field, f"'{exercise_id}' is on the avoid list")
        reps = exercise.reps
        if isinstance(raw, dict) and "reps" in raw:
            reps = Fields(file, f"{routine_id}.{field}", raw).integer("reps", 1, 30)
        steps.append(RoutineStep(exercise, reps))
    return Routine(
        id=routine_id,
        name=f.text("name"),
        summary=f.text("summary"),
        intro=f.text("intro"),
        wrap_up=f.text("wrap_up"),
        steps=tuple(steps),
        sources=f.texts("sources"),
    )


def _read_tables(path: Path | resources.abc.Traversable, section: str) -> dict[str, Any]:
    tables = read_toml(path).get(section)
    if not isinstance(tables, dict) or not tables:
        raise ContentError(f"{path.name}: needs at least one [{section}.<id>] table")
    return tables


def load_library(directory: Path | None = None) -> Library:
    """Load and cross-check exercises.toml and routines.toml (the packaged ones by default)."""
    base: Path | resources.abc.Traversable = (
        directory if directory is not None else resources.files("skill.content")
    )
    ex_file = base / "exercises.toml"
    exercise_tables = _read_tables(ex_file, "exercise")
    exercises = {
        exercise_id: _load_exercise(ex_file.name, exercise_id, table)
        for exercise_id, table in exercise_tables.items()
    }
    for exercise in exercises.values():
        related = ((exercise.gentler,) if exercise.gentler else ()) + exercise.instead
        for other in related:
            if other not in exercises or exercises[other].is_avoided:
                field = "gentler" if other == exercise.gentler else "instead"
                raise ContentError(
                    f"{ex_file.name}: entry '{exercise.id}': field '{field}': "
                    f"unknown or avoided exercise {other!r}"
                )
    rt_file = base / "routines.toml"
    routines = {
        routine_id: _load_routine(rt_file.name, routine_id, table, exercises)
        for routine_id, table in _read_tables(rt_file, "routine").items()
    }
    return Library(exercises=exercises, routines=routines)


@cache
def default_library() -> Library:
    """The packaged content, loaded once per process."""
    return load_library()
