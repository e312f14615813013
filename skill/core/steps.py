"""Turns one exercise into spoken segments: instructions, then one group per side.

Pure functions of the content and the user's hold time; the coach decides which groups fit in a
turn. Position comes first, then one action per sentence, then the counted activity.
"""

from __future__ import annotations

from . import phrases as P
from .content import SIDES, Exercise, Routine
from .reply import Reply, Say, Segment, SideSwitch
from .timing import hold, repetitions, rest
from .words import number_words


def instruction_segments(exercise: Exercise, *, full: bool) -> list[Segment]:
    """Full set-up, steps and cautions the first time; the short cue once the user knows it."""
    if not full:
        return [Say(exercise.cue, "instruction")]
    segments: list[Segment] = [Say(exercise.setup, "instruction")]
    segments += [Say(step, "instruction") for step in exercise.steps]
    segments += [Say(caution) for caution in exercise.cautions]
    return segments


def _lead_in(exercise: Exercise, reps: int, hold_seconds: int) -> str:
    if exercise.kind == "hold":
        return P.LEAD_IN_HOLD.format(seconds=number_words(hold_seconds))
    if exercise.kind == "rest":
        return P.LEAD_IN_REST.format(duration=duration_words(exercise.rest_seconds))
    return P.LEAD_IN_REPS.format(reps=number_words(reps))


def side_groups(exercise: Exercise, reps: int, hold_seconds: int) -> list[list[Segment]]:
    """One list of segments per side (a single list when the exercise has no sides)."""
    sides: tuple[str | None, ...] = SIDES if exercise.sides else (None,)
    groups: list[list[Segment]] = []
    for index, side in enumerate(sides):
        group: list[Segment] = []
        if side is not None:
            if index == 0:
                group.append(Say(P.START_SIDE.format(side=side)))
            else:
                group.append(SideSwitch(side, P.SWITCH_SIDE.format(side=side)))
                group.append(Say(exercise.cue, "instruction"))
        group.append(Say(_lead_in(exercise, reps, hold_seconds)))
        if exercise.kind == "hold":
            group.append(hold(hold_seconds, side))
        elif exercise.kind == "rest":
            group.append(rest(exercise.rest_seconds, side))
        else:
            group.append(repetitions(exercise.rep_cues, reps, side))
        groups.append(group)
    return groups


def duration_words(seconds: int) -> str:
    if seconds % 60 == 0:
        minutes = seconds // 60
        return P.A_MINUTE if minutes == 1 else P.MINUTES.format(minutes=number_words(minutes))
    if seconds == 90:
        return P.MINUTE_AND_HALF
    return P.SECONDS.format(seconds=number_words(seconds))


def routine_seconds(routine: Routine, hold_seconds: int) -> float:
    """Estimated length of a routine with full instructions (the first-time length)."""
    total = 0.0
    for step in routine.steps:
        segments = instruction_segments(step.exercise, full=True)
        for group in side_groups(step.exercise, step.reps, hold_seconds):
            segments += group
        total += Reply(tuple(segments)).estimated_seconds()
    return total


def routine_minutes(routine: Routine, hold_seconds: int) -> int:
    """The length we announce for a routine, in whole minutes (at least one)."""
    return max(1, round(routine_seconds(routine, hold_seconds) / 60))


def dose_sentence(exercise: Exercise, reps: int, hold_seconds: int) -> str:
    """How much of an exercise to do, as one spoken sentence."""
    if exercise.kind == "hold":
        return P.DOSE_HOLD.format(seconds=number_words(hold_seconds))
    if exercise.kind == "rest":
        return P.DOSE_REST
    return P.DOSE_REPS.format(reps=number_words(reps))
