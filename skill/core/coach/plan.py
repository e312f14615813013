"""What a routine step is this time: whether an exercise can be done, what stands in for it,
how it is dosed (reps, hold, gentler glides, sore side first, without equipment), and which
steps the short version keeps. Delivery, navigation, feelings and help all ask these, so each
of these decisions is made in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import phrases as P
from ..content import EQUIPMENT, Exercise, Routine
from ..state import CoachState
from ..steps import Dose
from .context import Context


def unusable_reason(ctx: Context, exercise: Exercise, state: CoachState) -> str | None:
    """Why the user can't or shouldn't do `exercise` now (spoken), or None if they can."""
    if state.profile.avoids(exercise.id, ctx.clock().date()):
        return P.REASON_WORSE
    if exercise.without:
        return None  # it can be done without its equipment
    missing = [e for e in exercise.equipment if e in state.profile.missing_equipment]
    if missing:
        return P.REASON_NO_EQUIPMENT.format(item=EQUIPMENT[missing[0]])
    return None


def gentler_for(
    ctx: Context, exercise: Exercise, state: CoachState, routine: Routine | None
) -> Exercise | None:
    """The gentler exercise to offer instead of `exercise`, if there is one the user can do.

    Not one the routine includes anyway: it will come up in its own place.
    """
    gentler_id = exercise.gentler
    if not gentler_id or gentler_id == exercise.id:
        return None
    if routine is not None and gentler_id in {step.exercise.id for step in routine.steps}:
        return None
    gentler = ctx.library.exercise(gentler_id)
    return gentler if unusable_reason(ctx, gentler, state) is None else None


@dataclass(frozen=True)
class StepPlan:
    """What will be done at one step of a routine (dose None: left out)."""

    dose: Dose | None
    note: str | None  # said when the step's exercise is swapped or left out


def dose_for(ctx: Context, state: CoachState, exercise: Exercise, reps: int) -> Dose:
    routine_id = state.session.routine_id
    routine = ctx.library.routine(routine_id) if routine_id is not None else None
    one_sided = routine is not None and "side" in routine.checks
    missing = any(e in state.profile.missing_equipment for e in exercise.equipment)
    hold_seconds = state.profile.hold_seconds
    if routine is not None and state.session.short and routine.short_hold:
        hold_seconds = min(hold_seconds, routine.short_hold)
    return Dose(
        exercise,
        reps,
        hold_seconds,
        gentle=bool(exercise.gentle_rep_cues) and state.profile.nerve_pain_recent is True,
        sore_side=state.profile.sore_side if one_sided else None,
        without_equipment=missing and bool(exercise.without),
    )


def included_steps(routine: Routine, short: bool) -> tuple[int, ...]:
    """The step indexes done this time: the short version's, or all of them."""
    if short and routine.short_steps:
        return routine.short_steps
    return tuple(range(len(routine.steps)))


def step_plan(ctx: Context, state: CoachState, routine: Routine, index: int) -> StepPlan:
    if index not in included_steps(routine, state.session.short):
        return StepPlan(None, None)
    step = routine.steps[index]
    reason = unusable_reason(ctx, step.exercise, state)
    if reason is None:
        return StepPlan(dose_for(ctx, state, step.exercise, step.reps), None)
    if step.optional and reason != P.REASON_WORSE:
        return StepPlan(None, None)  # optional equipment the user doesn't have: no fuss
    gentler = gentler_for(ctx, step.exercise, state, routine)
    if gentler is not None:
        note = P.SWAP_NOTE.format(reason=reason, name=step.exercise.name, other=gentler.name)
        return StepPlan(dose_for(ctx, state, gentler, gentler.reps), note)
    return StepPlan(None, P.LEAVE_OUT_NOTE.format(name=step.exercise.name, reason=reason))


def current_dose(ctx: Context, state: CoachState) -> Dose | None:
    """How the exercise being done now is done (after substitutions), if there is one."""
    session = state.session
    if session.routine_id is None:
        return None
    if session.inserted_exercise:
        exercise = ctx.library.exercise(session.inserted_exercise)
        return dose_for(ctx, state, exercise, exercise.reps)
    routine = ctx.library.routine(session.routine_id)
    if session.step_index >= len(routine.steps):
        return None
    return step_plan(ctx, state, routine, session.step_index).dose


def current_exercise(ctx: Context, state: CoachState) -> Exercise | None:
    dose = current_dose(ctx, state)
    return dose.exercise if dose else None


def sides_left(ctx: Context, state: CoachState) -> bool:
    dose = current_dose(ctx, state)
    if dose is None:
        return False
    return state.session.next_side < (2 if dose.exercise.sides else 1)


def next_dose(ctx: Context, state: CoachState, routine: Routine) -> Dose | None:
    """How the step after the current one will be done (None: this is the last)."""
    for index in range(state.session.step_index + 1, len(routine.steps)):
        dose = step_plan(ctx, state, routine, index).dose
        if dose is not None:
            return dose
    return None


def next_position(ctx: Context, state: CoachState, routine: Routine) -> str | None:
    following = next_dose(ctx, state, routine)
    return following.exercise.position if following else None


def next_step_name(ctx: Context, state: CoachState, routine: Routine) -> str | None:
    following = next_dose(ctx, state, routine)
    return following.exercise.name if following else None
