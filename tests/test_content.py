"""Content files load, cross-check, and fail loudly (file, entry, field) when malformed."""

from __future__ import annotations

import itertools
import re
import shutil
from importlib import resources
from pathlib import Path

import pytest

from skill.core.coach import Coach
from skill.core.coach.timeline import planned_seconds
from skill.core.content import ContentError, default_library, load_library
from skill.core.state import Profile
from tests.conftest import DESIGN_ROUTINE_IDS

DESIGN_EXERCISES = {
    "knee_to_chest", "pelvic_tilt", "cat_cow", "childs_pose", "lying_twist", "seated_twist",
    "seated_hamstring_stretch", "supported_legs_rest", "sciatic_nerve_glide", "slump_glide",
    "relaxation_breathing", "tennis_ball_release", "foam_roller", "stability_ball_drape",
    "sit_ups", "toe_touches", "leg_lifts",
}  # fmt: skip
POSITION_ORDER = ["standing", "sitting", "kneeling", "lying"]


def test_library_has_the_designed_routines_and_exercises() -> None:
    library = default_library()
    assert set(library.routines) == DESIGN_ROUTINE_IDS
    assert set(library.exercises) >= DESIGN_EXERCISES
    assert {e.id for e in library.exercises.values() if e.is_avoided} == {
        "sit_ups",
        "toe_touches",
        "leg_lifts",
    }
    for exercise in library.exercises.values():
        assert exercise.sources


@pytest.mark.parametrize("routine_id", sorted(default_library().routines))
def test_routines_last_five_to_twelve_minutes_and_the_desk_break_three(routine_id: str) -> None:
    # First time through (full instructions), at the default hold.
    routine = default_library().routine(routine_id)
    minutes = planned_seconds(Coach().ctx, routine_id, short=routine.short_by_default) / 60
    low, high = (2.5, 4.0) if routine_id == "desk_break" else (5, 12)
    assert low <= minutes <= high, minutes


def test_desk_break_takes_three_minutes_once_the_exercises_are_known() -> None:
    routine = default_library().routine("desk_break")
    known = Profile(seen_exercises=[step.exercise.id for step in routine.steps])
    minutes = planned_seconds(Coach().ctx, "desk_break", known, short=True) / 60
    assert 2.5 <= minutes <= 3.5, minutes


@pytest.mark.parametrize("routine_id", sorted(default_library().routines))
def test_routines_move_floor_to_floor(routine_id: str) -> None:
    positions = [s.exercise.position for s in default_library().routine(routine_id).steps]
    ranks = [POSITION_ORDER.index(p) for p in positions]
    changes = sum(1 for a, b in itertools.pairwise(ranks) if a != b)
    # Few changes of position, and never back up again more than once.
    assert changes <= 3
    assert sum(1 for a, b in itertools.pairwise(ranks) if b < a) <= 1


def test_no_unsupported_claims_in_spoken_content() -> None:
    text = " ".join(
        " ".join((e.setup, *e.steps, e.cue, *e.cautions, e.why, e.alternatives_said))
        for e in default_library().exercises.values()
    ).lower()
    for claim in ("subluxation", "metabolic waste", "flush", "toxins", "cure"):
        assert claim not in text


def _copy_content(tmp_path: Path) -> Path:
    source = resources.files("skill.content")
    for name in ("exercises.toml", "routines.toml"):
        shutil.copy(str(source / name), tmp_path / name)
    return tmp_path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'kind = "hold"\nsetup = "Lie on your back with both knees bent and your feet flat on the floor."',
            'kind = "stretchy"\nsetup = "Lie on your back with both knees bent and your feet flat on the floor."',
            "exercises.toml: entry 'knee_to_chest': field 'kind'",
        ),
        (
            'reps = 10\nrep_cues = [\n  { say = "Flatten',
            'reps = 0\nrep_cues = [\n  { say = "Flatten',
            "exercises.toml: entry 'pelvic_tilt': field 'reps'",
        ),
        (
            'equipment = ["towel"]',
            'equipment = ["trampoline"]',
            "exercises.toml: entry 'towel_hamstring_stretch': field 'equipment'",
        ),
        (
            'gentler = "childs_pose"\nsources = ["003_0370bb3de1e3e040.txt"]\n\n[exercise.childs_pose]',
            'gentler = "handstand"\nsources = ["003_0370bb3de1e3e040.txt"]\n\n[exercise.childs_pose]',
            "exercises.toml: entry 'cat_cow': field 'gentler'",
        ),
    ],
)
def test_malformed_exercise_names_file_entry_and_field(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    directory = _copy_content(tmp_path)
    path = directory / "exercises.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(ContentError, match=message.replace("(", r"\(")):
        load_library(directory)


def test_routine_with_unknown_or_avoided_exercise_fails(tmp_path: Path) -> None:
    directory = _copy_content(tmp_path)
    path = directory / "routines.toml"
    path.write_text(
        path.read_text().replace('"childs_pose", "pelvic_tilt"', '"sit_ups", "pelvic_tilt"')
    )
    with pytest.raises(
        ContentError, match=r"routines.toml: entry 'lower_back': field 'steps\[1\]'"
    ):
        load_library(directory)


def test_broken_toml_names_the_file(tmp_path: Path) -> None:
    directory = _copy_content(tmp_path)
    (directory / "routines.toml").write_text("[routine.lower_back\nname=")
    with pytest.raises(ContentError, match=r"routines\.toml: not valid TOML"):
        load_library(directory)


def test_content_and_triage_rules_share_one_validator(tmp_path: Path) -> None:
    """Both loaders word a bad field the same way: "file: entry 'x': field 'y': problem"."""
    from skill.core.triage import Triage
    from skill.core.validation import ContentError as SharedContentError

    assert ContentError is SharedContentError
    directory = _copy_content(tmp_path)
    exercises = directory / "exercises.toml"
    exercises.write_text(exercises.read_text().replace('position = "lying"', "position = 3", 1))
    rules = tmp_path / "redflags.toml"
    source = (resources.files("skill.content") / "redflags.toml").read_text()
    rules.write_text(source.replace('level = "emergency"', "level = 3", 1))
    messages = []
    for load in (lambda: load_library(directory), lambda: Triage.load(rules)):
        with pytest.raises(ContentError) as error:
            load()
        messages.append(str(error.value))
    shape = r"^(exercises|redflags)\.toml: entry '\w+': field '(position|level)': must be one of "
    assert all(re.match(shape, message) for message in messages), messages
