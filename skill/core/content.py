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
from typing import Any, Literal

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
CHECKS: tuple[str, ...] = ("screen", "side", "recent")


@dataclass(frozen=True)
class RepCue:
    say: str  # the cue the first time round
    seconds: float  # time to make the movement once the cue has been said
    short: str = ""  # the cue on later repetitions ("" : `say` again)
    count: bool = False  # count the seconds of the movement aloud ("two, three...")


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
    without: str = ""  # how to set up without the equipment ("" : it can't be done without)
    gentle_reps: int = 0  # nerve glides: fewer, smaller repetitions when the pain is recent
    gentle_rep_cues: tuple[RepCue, ...] = ()

    @property
    def is_avoided(self) -> bool:
        return self.kind == "avoid"


@dataclass(frozen=True)
class RoutineStep:
    exercise: Exercise
    reps: int  # repetitions for `reps` exercises (the exercise default unless overridden)
    optional: bool = False  # left out quietly when its equipment is missing


@dataclass(frozen=True)
class Routine:
    id: str
    name: str
    summary: str
    intro: str
    wrap_up: str
    steps: tuple[RoutineStep, ...]
    sources: tuple[str, ...]
    checks: tuple[str, ...] = ()  # asked before the first exercise: screen, side, recent
    screen_questions: int = 0  # how many of the red-flag screen's questions "screen" asks
    short_steps: tuple[int, ...] = ()  # the steps (indexes) of the short version
    short_by_default: bool = False
    short_hold: int = 0  # holds in the short version, in seconds (0: the user's hold time)

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
        optional = False
        if isinstance(raw, dict):
            step_fields = Fields(file, f"{routine_id}.{field}", raw)
            if "reps" in raw:
                reps = step_fields.integer("reps", 1, 30)
            if "optional" in raw:
                optional = step_fields.boolean("optional")
        steps.append(RoutineStep(exercise, reps, optional))
    checks = f.texts("checks", required=False)
    for check in checks:
        if check not in CHECKS:
            raise f.fail("checks", f"unknown check {check!r}; known: {', '.join(CHECKS)}")
    screen_questions = f.integer("screen_questions", 1, 10) if "screen" in checks else 0
    short_steps: tuple[int, ...] = ()
    if "short_steps" in table:
        raw_short = table["short_steps"]
        if (
            not isinstance(raw_short, list)
            or not raw_short
            or not all(isinstance(i, int) and 0 <= i < len(steps) for i in raw_short)
            or raw_short != sorted(set(raw_short))
        ):
            raise f.fail("short_steps", "must be increasing step indexes of this routine")
        short_steps = tuple(raw_short)
    short_by_default = bool(short_steps) and "short_by_default" in table
    if short_by_default and not f.boolean("short_by_default"):
        short_by_default = False
    return Routine(
        id=routine_id,
        name=f.text("name"),
        summary=f.text("summary"),
        intro=f.text("intro"),
        wrap_up=f.text("wrap_up"),
        steps=tuple(steps),
        sources=f.texts("sources"),
        checks=checks,
        screen_questions=screen_questions,
        short_steps=short_steps,
        short_by_default=short_by_default,
        short_hold=f.integer("short_hold", 10, 120) if "short_hold" in table else 0,
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
    from .exercise_loading import load_exercise  # it builds this module's dataclasses

    exercises = {
        exercise_id: load_exercise(ex_file.name, exercise_id, table)
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
