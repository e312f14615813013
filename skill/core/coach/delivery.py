"""Delivering the routine: which exercise is current, what replaces it, and speaking a step.

One place decides whether an exercise can be done (`unusable_reason`), what gentler exercise
can stand in for it (`gentler_for`), and what the current exercise is (`step_plan`,
`current_exercise`); delivery, navigation, feelings and help all ask these.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import phrases as P
from ..content import EQUIPMENT, Exercise, Routine
from ..modes import Mode
from ..reply import Reply, Say, Segment
from ..state import CoachState, HistoryEntry, ResumePoint, Session
from ..steps import instruction_segments, side_groups
from ..words import capitalise, number_words
from .context import Context

HISTORY_LIMIT = 500


def unusable_reason(exercise: Exercise, state: CoachState) -> str | None:
    """Why the user can't or shouldn't do `exercise` now (spoken), or None if they can."""
    if exercise.id in state.profile.avoided_exercises:
        return P.REASON_WORSE
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
    return gentler if unusable_reason(gentler, state) is None else None


@dataclass(frozen=True)
class StepPlan:
    """What will be done at one step of a routine: the exercise (None: left out) and its reps."""

    exercise: Exercise | None
    reps: int
    note: str | None  # said when the step's exercise is swapped or left out


def step_plan(ctx: Context, state: CoachState, routine: Routine, index: int) -> StepPlan:
    step = routine.steps[index]
    reason = unusable_reason(step.exercise, state)
    if reason is None:
        return StepPlan(step.exercise, step.reps, None)
    gentler = gentler_for(ctx, step.exercise, state, routine)
    if gentler is not None:
        note = P.SWAP_NOTE.format(reason=reason, name=step.exercise.name, other=gentler.name)
        return StepPlan(gentler, gentler.reps, note)
    return StepPlan(None, 0, P.LEAVE_OUT_NOTE.format(name=step.exercise.name, reason=reason))


def current_exercise(ctx: Context, state: CoachState) -> tuple[Exercise, int] | None:
    """The exercise being done now (after substitutions) and its reps, if any."""
    session = state.session
    if session.routine_id is None:
        return None
    if session.inserted_exercise:
        exercise = ctx.library.exercise(session.inserted_exercise)
        return exercise, exercise.reps
    routine = ctx.library.routine(session.routine_id)
    if session.step_index >= len(routine.steps):
        return None
    plan = step_plan(ctx, state, routine, session.step_index)
    return (plan.exercise, plan.reps) if plan.exercise is not None else None


def sides_left(ctx: Context, state: CoachState) -> bool:
    current = current_exercise(ctx, state)
    if current is None:
        return False
    return state.session.next_side < (2 if current[0].sides else 1)


def deliver(
    ctx: Context,
    state: CoachState,
    prefix: list[Segment],
    *,
    from_side: int = 0,
    full: bool | None = None,
) -> Reply:
    """Speak the current step (from `from_side`), as many sides as fit in one turn."""
    session = state.session
    assert session.routine_id is not None
    routine = ctx.library.routine(session.routine_id)
    segments = list(prefix)
    while True:
        if session.inserted_exercise:
            exercise = ctx.library.exercise(session.inserted_exercise)
            reps = exercise.reps
            heading = P.GENTLER_HEADING.format(name=exercise.name)
            break
        if session.step_index >= len(routine.steps):
            return finish(ctx, state, segments)
        plan = step_plan(ctx, state, routine, session.step_index)
        if plan.note:
            segments.append(Say(plan.note))
        if plan.exercise is None:
            session.step_index += 1
            from_side = 0
            continue
        exercise, reps = plan.exercise, plan.reps
        heading = P.STEP_HEADING.format(
            number=number_words(session.step_index + 1),
            total=number_words(len(routine.steps)),
            name=exercise.name,
        )
        break

    if full is None:
        full = exercise.id not in state.profile.seen_exercises
    groups = side_groups(exercise, reps, state.profile.hold_seconds)
    from_side = min(from_side, len(groups) - 1)
    if from_side == 0:
        segments.append(Say(heading))
        segments += instruction_segments(exercise, full=full)
    else:
        segments.append(Say(P.CONTINUE_HEADING.format(name=exercise.name)))

    next_side = from_side
    for group in groups[from_side:]:
        candidate = Reply(tuple(segments + group))
        if next_side > from_side and candidate.estimated_seconds() > ctx.turn_budget:
            break
        segments += group
        next_side += 1

    session.mode = Mode.ROUTINE
    session.delivered_from_side = from_side
    session.next_side = next_side
    if exercise.id not in state.profile.seen_exercises:
        state.profile.seen_exercises.append(exercise.id)
    state.profile.resume = ResumePoint(routine.id, session.step_index)

    if next_side < len(groups):
        closing, reprompt = P.SAY_NEXT_SIDE, P.SAY_NEXT_SIDE
    elif session.step_index == len(routine.steps) - 1 and not session.inserted_exercise:
        closing, reprompt = P.HOW_DID_IT_FEEL_LAST, P.SAY_NEXT_FINISH
    else:
        closing, reprompt = P.HOW_DID_IT_FEEL, P.SAY_NEXT
    segments.append(Say(closing))
    title = f"{capitalise(routine.name)}: {session.step_index + 1} of {len(routine.steps)}"
    card = f"{capitalise(exercise.name)}\n" + "\n".join(
        f"{i}. {text}" for i, text in enumerate((exercise.setup, *exercise.steps), start=1)
    )
    return Reply.ask(segments, reprompt, title=title, card_text=card, events=("step_delivered",))


def finish(ctx: Context, state: CoachState, segments: list[Segment]) -> Reply:
    session = state.session
    assert session.routine_id is not None
    routine = ctx.library.routine(session.routine_id)
    state.profile.resume = None
    state.profile.history.append(HistoryEntry(routine.id, ctx.clock().isoformat()))
    del state.profile.history[:-HISTORY_LIMIT]
    state.session = Session()
    segments += [
        Say(P.FINISHED.format(routine=routine.name)),
        Say(routine.wrap_up),
        Say(P.SEE_A_CLINICIAN),
        Say(P.AFTER_FINISH),
    ]
    return Reply.ask(segments, P.MENU_REPROMPT, events=("routine_finished",))


def advance(ctx: Context, state: CoachState, prefix: list[Segment]) -> Reply:
    """On to the next step of the routine (a gentler exercise done in its place counts)."""
    session = state.session
    session.inserted_exercise = None
    session.step_index += 1
    return deliver(ctx, state, list(prefix))
