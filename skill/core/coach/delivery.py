"""Delivering a routine step: the heading, getting into position, instructions, the counted
sides that fit in one turn, and what to say after it; finishing the routine.

What the step *is* (swapped, left out, dosed) is decided in plan.py.
"""

from __future__ import annotations

from dataclasses import replace

from .. import phrases as P
from ..content import Routine
from ..modes import Mode
from ..reply import Reply, Say, Segment
from ..state import CoachState, ResumePoint, Session
from ..steps import MOVED_SETTLE_SECONDS, SETTLE_SECONDS, Dose, instruction_segments, side_groups
from ..words import capitalise, number_words
from .context import Context
from .diary import record_routine
from .plan import current_dose, included_steps, next_position, step_plan

# Where delivering a step may leave the conversation: on the step, or the routine finished
# (the menu, or the pain diary's question after it).
DELIVERY_MODES = (Mode.ROUTINE, Mode.MENU, Mode.ASK_PAIN_AFTER)
HANDS_FREE_WAIT = 6.0  # quiet seconds after a step before hands-free mode moves on
MOVE_WAIT = 14.0  # more when the next exercise is done in another position (getting up)
FLOOR = frozenset({"kneeling", "lying"})
TRANSITIONS = {
    ("standing", "sitting"): P.SIT_DOWN,
    ("sitting", "standing"): P.STAND_UP,
    ("standing", "kneeling"): P.DOWN_TO_KNEES,
    ("sitting", "kneeling"): P.DOWN_TO_KNEES,
    ("standing", "lying"): P.DOWN_TO_FLOOR,
    ("sitting", "lying"): P.DOWN_TO_FLOOR,
    ("kneeling", "lying"): P.KNEES_TO_BACK,
    ("lying", "kneeling"): P.BACK_TO_KNEES,
    ("lying", "sitting"): P.FLOOR_TO_CHAIR,
    ("kneeling", "sitting"): P.FLOOR_TO_CHAIR,
    ("lying", "standing"): P.GET_UP,
    ("kneeling", "standing"): P.GET_UP,
}


def _find_step(
    ctx: Context, state: CoachState, routine: Routine, segments: list[Segment]
) -> tuple[Dose, str] | None:
    """The step to deliver from the current index on (left-out steps are passed over, with a
    word about why), and its heading; None when the routine is over."""
    session = state.session
    if session.inserted_exercise:
        dose = current_dose(ctx, state)
        assert dose is not None
        return dose, P.GENTLER_HEADING.format(name=dose.exercise.name)
    while session.step_index < len(routine.steps):
        plan = step_plan(ctx, state, routine, session.step_index)
        if plan.note and not any(getattr(s, "text", None) == plan.note for s in segments):
            segments.append(Say(plan.note))
        if plan.dose is not None:
            included = included_steps(routine, session.short)
            heading = P.STEP_HEADING.format(
                number=number_words(included.index(session.step_index) + 1),
                total=number_words(len(included)),
                name=plan.dose.exercise.name,
            )
            return plan.dose, heading
        session.step_index += 1
    return None


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
    asked_for = session.step_index
    found = _find_step(ctx, state, routine, segments)
    if found is None:
        return finish(ctx, state, segments)
    dose, heading = found
    if session.step_index != asked_for:
        from_side = 0  # that step was left out: this one starts from its first side
    exercise = dose.exercise
    if full is None:
        full = exercise.id not in state.profile.seen_exercises
    moved = (session.last_position or "standing", exercise.position)
    transition = TRANSITIONS.get(moved) if from_side == 0 else None
    if transition:
        settle = MOVED_SETTLE_SECONDS if FLOOR & set(moved) else SETTLE_SECONDS
        dose = replace(dose, settle=settle)
    groups = side_groups(dose)
    from_side = min(from_side, len(groups) - 1)
    if from_side == 0:
        segments.append(Say(heading))
        if transition:
            segments.append(Say(transition, "instruction"))
        segments += instruction_segments(dose, full=full)
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
    session.last_position = exercise.position
    if exercise.id not in state.profile.seen_exercises:
        state.profile.seen_exercises.append(exercise.id)
    state.profile.resume = ResumePoint(routine.id, session.step_index)

    wait = HANDS_FREE_WAIT
    if next_side < len(groups):
        closing, reprompt = P.SAY_NEXT_SIDE, P.SAY_NEXT_SIDE
    elif next_position(ctx, state, routine) is None and not session.inserted_exercise:
        closing, reprompt = P.HOW_DID_IT_FEEL_LAST, P.SAY_NEXT_FINISH
    else:
        closing, reprompt = P.HOW_DID_IT_FEEL, P.SAY_NEXT
        if next_position(ctx, state, routine) not in (None, exercise.position):
            wait += MOVE_WAIT
    segments.append(Say(closing))
    included = included_steps(routine, session.short)
    number = included.index(session.step_index) + 1 if session.step_index in included else 1
    title = f"{capitalise(routine.name)}: {number} of {len(included)}"
    card = f"{capitalise(exercise.name)}\n" + "\n".join(
        f"{i}. {text}" for i, text in enumerate((exercise.setup, *exercise.steps), start=1)
    )
    return Reply.ask(
        segments,
        reprompt,
        title=title,
        card_text=card,
        events=("step_delivered",),
        wait_seconds=wait,
    )


def finish(ctx: Context, state: CoachState, segments: list[Segment]) -> Reply:
    session = state.session
    assert session.routine_id is not None
    routine = ctx.library.routine(session.routine_id)
    state.profile.resume = None
    record_routine(ctx, state, routine.id)
    ended_on_floor = session.last_position in FLOOR
    finished = P.FINISHED_GO_EASY if session.felt_worse else P.FINISHED
    state.session = Session()
    segments.append(Say(finished.format(routine=routine.name)))
    if ended_on_floor:
        segments.append(Say(P.GET_UP, "instruction"))
    segments += [Say(routine.wrap_up), Say(P.SEE_A_CLINICIAN)]
    if ctx.ask_pain and session.pain_before >= 0:
        from .scores import ask_after  # scores starts routines through menu, which needs us

        state.session.diary_session = session.diary_session
        state.session.pain_before = session.pain_before
        return ask_after(state, segments)
    segments.append(Say(P.AFTER_FINISH))
    return Reply.ask(segments, P.MENU_REPROMPT, events=("routine_finished",))


def advance(ctx: Context, state: CoachState, prefix: list[Segment], *, done: bool = True) -> Reply:
    """On to the next step of the routine (a gentler exercise done in its place counts);
    `done`: the user did the step (not skipped or stopped), for the diary."""
    session = state.session
    if done:
        session.steps_done += 1
    session.inserted_exercise = None
    session.step_index += 1
    return deliver(ctx, state, list(prefix))
