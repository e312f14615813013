"""Routines and exercises: load the TOML content files into validated, frozen dataclasses.

A malformed file fails at load with a `ContentError` naming the file, the entry and the field,
so a typo in the content can never reach a user as a half-spoken step.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, cast

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


class ContentError(ValueError):
    """A content file is malformed; the message names the file, entry and field."""


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


class _Fields:
    """Typed access to one TOML table, raising ContentError with file/entry/field context."""

    def __init__(self, file: str, entry: str, table: Any) -> None:
        if not isinstance(table, dict):
            raise ContentError(f"{file}: entry '{entry}': expected a table")
        self.file, self.entry, self.table = file, entry, table

    def fail(self, field: str, problem: str) -> ContentError:
        return ContentError(f"{self.file}: entry '{self.entry}': field '{field}': {problem}")

    def _get(self, field: str, default: Any) -> Any:
        if field in self.table:
            return self.table[field]
        if default is _REQUIRED:
            raise self.fail(field, "is missing")
        return default

    def text(self, field: str, default: Any = None) -> str:
        value = self._get(field, _REQUIRED if default is None else default)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, "must be a non-empty string")
        return value.strip()

    def texts(self, field: str, *, required: bool = True) -> tuple[str, ...]:
        value = self._get(field, _REQUIRED if required else [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(field, "must be a list of non-empty strings")
        return tuple(v.strip() for v in value)

    def boolean(self, field: str) -> bool:
        value = self._get(field, _REQUIRED)
        if not isinstance(value, bool):
            raise self.fail(field, "must be true or false")
        return value

    def integer(self, field: str, low: int, high: int) -> int:
        value = self._get(field, _REQUIRED)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(field, f"must be a whole number from {low} to {high}")
        return value

    def choice(self, field: str, options: tuple[str, ...]) -> str:
        value = self._get(field, _REQUIRED)
        if value not in options:
            raise self.fail(field, f"must be one of {', '.join(options)} (got {value!r})")
        return cast(str, value)


_REQUIRED = object()


def _load_exercise(file: str, exercise_id: str, table: Any) -> Exercise:
    f = _Fields(file, exercise_id, table)
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
        cues = f._get("rep_cues", _REQUIRED)
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
    f = _Fields(file, routine_id, table)
    raw_steps = f._get("steps", _REQUIRED)
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
            reps = _Fields(file, f"{routine_id}.{field}", raw).integer("reps", 1, 30)
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


def _read_toml(path: Path | resources.abc.Traversable, section: str) -> dict[str, Any]:
    name = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{name}: not valid TOML: {error}") from error
    except OSError as error:
        raise ContentError(f"{name}: cannot be read: {error}") from error
    tables = data.get(section)
    if not isinstance(tables, dict) or not tables:
        raise ContentError(f"{name}: needs at least one [{section}.<id>] table")
    return tables


def load_library(directory: Path | None = None) -> Library:
    """Load and cross-check exercises.toml and routines.toml (the packaged ones by default)."""
    base: Path | resources.abc.Traversable = (
        directory if directory is not None else resources.files("skill.content")
    )
    ex_file = base / "exercises.toml"
    exercise_tables = _read_toml(ex_file, "exercise")
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
        for routine_id, table in _read_toml(rt_file, "routine").items()
    }
    return Library(exercises=exercises, routines=routines)


@cache
def default_library() -> Library:
    """The packaged content, loaded once per process."""
    return load_library()
