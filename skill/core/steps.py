"""Turns one exercise into spoken segments: instructions, then one group per side.

Pure functions of the content and a `Dose` (how the exercise is done this time: reps, hold,
gentler glides, which side first, without equipment, how long to settle). The coach decides
which groups fit in a turn. Position comes first, then one action per sentence, a moment to
settle, then the counted activity.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import phrases as P
from .content import SIDES, Exercise, RepCue
from .reply import Pause, Say, Segment, SideSwitch
from .timing import hold, repetitions, rest
from .words import number_words

SETTLE_SECONDS = 3.0  # after instructions, before counting starts
MOVED_SETTLE_SECONDS = 8.0  # the same after a change of position (getting down to the floor)
SWITCH_SETTLE_SECONDS = 3.0  # after "now switch to your right side"
OTHER_SIDE = {"left": "right", "right": "left"}


@dataclass(frozen=True)
class Dose:
    """How an exercise is done this time."""

    exercise: Exercise
    reps: int
    hold_seconds: int
    gentle: bool = False  # recent nerve pain: the gentle glide, fewer times
    sore_side: str | None = None  # do this side second, after the one that isn't sore
    without_equipment: bool = False  # set up with the content's `without` instead
    settle: float = SETTLE_SECONDS

    @property
    def rep_cues(self) -> tuple[RepCue, ...]:
        return self.exercise.gentle_rep_cues if self.gentle else self.exercise.rep_cues

    @property
    def rep_count(self) -> int:
        return self.exercise.gentle_reps if self.gentle else self.reps


def instruction_segments(dose: Dose, *, full: bool) -> list[Segment]:
    """Full set-up, steps and cautions the first time; the short cue once the user knows it."""
    exercise = dose.exercise
    if not full:
        return [Say(exercise.cue, "instruction")]
    setup = exercise.without if dose.without_equipment else exercise.setup
    segments: list[Segment] = [Say(setup, "instruction")]
    segments += [Say(step, "instruction") for step in exercise.steps]
    segments += [Say(caution) for caution in exercise.cautions]
    return segments


def _lead_in(dose: Dose) -> str:
    exercise = dose.exercise
    if exercise.kind == "hold":
        return P.LEAD_IN_HOLD.format(seconds=number_words(dose.hold_seconds))
    if exercise.kind == "rest":
        return P.LEAD_IN_REST.format(duration=duration_words(exercise.rest_seconds))
    return P.LEAD_IN_REPS.format(reps=number_words(dose.rep_count))


def _sides(dose: Dose) -> tuple[str | None, ...]:
    if not dose.exercise.sides:
        return (None,)
    if dose.sore_side in OTHER_SIDE:
        return (OTHER_SIDE[dose.sore_side], dose.sore_side)
    return SIDES


def side_groups(dose: Dose) -> list[list[Segment]]:
    """One list of segments per side (a single list when the exercise has no sides)."""
    exercise = dose.exercise
    groups: list[list[Segment]] = []
    for index, side in enumerate(_sides(dose)):
        group: list[Segment] = []
        sore = dose.sore_side is not None and side is not None
        if side is not None and index == 0:
            start = P.START_GOOD_SIDE if sore else P.START_SIDE
            group.append(Say(start.format(side=side)))
        elif side is not None:
            switch = P.SWITCH_SORE_SIDE if sore else P.SWITCH_SIDE
            group += [SideSwitch(side, switch.format(side=side)), Say(exercise.cue, "instruction")]
        group.append(Pause(dose.settle if index == 0 else SWITCH_SETTLE_SECONDS))
        group.append(Say(_lead_in(dose)))
        if exercise.kind == "hold":
            group.append(hold(dose.hold_seconds, side))
        elif exercise.kind == "rest":
            group.append(rest(exercise.rest_seconds, side))
        else:
            group.append(repetitions(dose.rep_cues, dose.rep_count, side))
        groups.append(group)
    return groups


def duration_words(seconds: int) -> str:
    if seconds % 60 == 0:
        minutes = seconds // 60
        return P.A_MINUTE if minutes == 1 else P.MINUTES.format(minutes=number_words(minutes))
    if seconds == 90:
        return P.MINUTE_AND_HALF
    return P.SECONDS.format(seconds=number_words(seconds))


def dose_sentence(exercise: Exercise, reps: int, hold_seconds: int) -> str:
    """How much of an exercise to do, as one spoken sentence."""
    if exercise.kind == "hold":
        return P.DOSE_HOLD.format(seconds=number_words(hold_seconds))
    if exercise.kind == "rest":
        return P.DOSE_REST
    return P.DOSE_REPS.format(reps=number_words(reps))
