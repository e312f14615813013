"""Delivering the routine: which exercise is current, what replaces it, and speaking a step.

One place decides whether an exercise can be done (`unusable_reason`), what gentler exercise
can stand in for it (`gentler_for`), what the current exercise is and how it is dosed
(`step_plan`, `current_exercise`); delivery, navigation, feelings and help all ask these.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .. import phrases as P
from ..content import EQUIPMENT, Exercise, Routine
from ..modes import Mode
from ..reply import Reply, Say, Segment
from ..state import CoachState, ResumePoint, Session
from ..steps import MOVED_SETTLE_SECONDS, SETTLE_SECONDS, Dose, instruction_segments, side_groups
from ..words import capitalise, number_words
from .context import Context
from .diary import record_routine

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


def _next_position(ctx: Context, state: CoachState, routine: Routine) -> str | None:
    for index in range(state.session.step_index + 1, len(routine.steps)):
        dose = step_plan(ctx, state, routine, index).dose
        if dose is not None:
            return dose.exercise.position
    return None


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
    elif _next_position(ctx, state, routine) is None and not session.inserted_exercise:
        closing, reprompt = P.HOW_DID_IT_FEEL_LAST, P.SAY_NEXT_FINISH
    else:
        closing, reprompt = P.HOW_DID_IT_FEEL, P.SAY_NEXT
        if _next_position(ctx, state, routine) not in (None, exercise.position):
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
