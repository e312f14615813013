"""Starting out: launch, the routine list, starting or resuming a routine, and explanations."""

from __future__ import annotations

from .. import phrases as P
from ..content import EQUIPMENT, Exercise, Routine
from ..events import Event
from ..modes import STEP_ON, Mode
from ..reply import Reply, Say, Segment
from ..state import CoachState, Session
from ..steps import Dose, dose_sentence, instruction_segments
from ..words import capitalise, join_words, number_words
from .checks import CHECK_MODES, next_check
from .context import Context
from .delivery import DELIVERY_MODES, deliver
from .diary import wants_pain_before
from .machine import handles
from .prompts import prompt_for_mode, routine_names_sentence
from .scores import ask_before
from .switching import ASKED_FIRST, ask_to_switch
from .timeline import planned_seconds, routine_length_words


@handles(Mode.MENU, Mode.OFFER_RESUME)
def launch(ctx: Context, state: CoachState, event: Event) -> Reply:
    profile = state.profile
    segments: list[Segment] = []
    if not profile.disclaimer_heard:
        segments.append(Say(P.DISCLAIMER))
        profile.disclaimer_heard = True
    state.session = Session()
    resume = valid_resume(ctx, state)
    if resume is not None:
        routine, exercise = resume
        state.session.mode = Mode.OFFER_RESUME
        segments.append(Say(P.WELCOME_RESUME.format(routine=routine.name, exercise=exercise.name)))
        return Reply.ask(segments, P.OFFER_RESUME_REPROMPT)
    if profile.history or profile.seen_exercises:
        segments.append(Say(P.WELCOME_BACK))
    else:
        segments += [Say(P.WELCOME_FIRST), Say(routine_names_sentence(ctx))]
        segments.append(Say(P.WHICH_ROUTINE_EXAMPLE))
    return Reply.ask(segments, P.MENU_REPROMPT)


@handles(Mode.MENU)
def session_ended(ctx: Context, state: CoachState, event: Event) -> Reply:
    state.session = Session()
    return Reply((), expect_reply=False)


def valid_resume(ctx: Context, state: CoachState) -> tuple[Routine, Exercise] | None:
    """The routine and exercise the user stopped at, if that point still exists."""
    point = state.profile.resume
    if point is None:
        return None
    routine = ctx.library.routines.get(point.routine_id)
    if routine is None or point.step_index >= len(routine.steps):
        state.profile.resume = None
        return None
    return routine, routine.steps[point.step_index].exercise


@handles()
def list_routines(ctx: Context, state: CoachState, event: Event) -> Reply:
    library = ctx.library
    segments: list[Segment] = [
        Say(P.ROUTINES_INTRO.format(count=number_words(len(library.routines))))
    ]
    for routine in library.routines.values():
        short = wants_short(state, routine)
        minutes = routine_length_words(ctx, routine.id, state.profile, short)
        line = P.ROUTINE_LINE.format(
            name=capitalise(routine.name), summary=routine.summary, length=minutes
        )
        segments.append(Say(line))
    in_routine = state.session.mode in STEP_ON
    segments.append(Say(P.LIST_CARRY_ON if in_routine else P.WHICH_ROUTINE))
    return Reply.ask(segments, prompt_for_mode(ctx, state) if in_routine else P.MENU_REPROMPT)


@handles(Mode.ASK_PAIN_BEFORE, Mode.CONFIRM_SWITCH, *DELIVERY_MODES, *CHECK_MODES)
def start_routine_intent(ctx: Context, state: CoachState, event: Event) -> Reply:
    routine_id = event.slot("routine")
    if routine_id is None or routine_id not in ctx.library.routines:
        heard = event.heard_words("routine")
        first = P.UNKNOWN_ROUTINE.format(heard=heard) if heard else P.WHICH_ROUTINE_Q
        return Reply.ask([Say(first), Say(routine_names_sentence(ctx))], P.MENU_REPROMPT)
    if state.session.mode in ASKED_FIRST and state.session.routine_id:
        return ask_to_switch(ctx, state, routine_id)
    short = fits_minutes(ctx, state, routine_id, event)
    return start_routine(ctx, state, routine_id, step_index=0, short=short)


def fits_minutes(ctx: Context, state: CoachState, routine_id: str, event: Event) -> bool | None:
    """Whether the short version is needed to fit the minutes the start was given ("--minutes
    5" from the local runner, on a start or on the yes to an offered routine); None if none."""
    minutes = event.slot("minutes")
    if minutes is None or not minutes.isdigit():
        return None
    return planned_seconds(ctx, routine_id, state.profile) > int(minutes) * 60


def wants_short(state: CoachState, routine: Routine) -> bool:
    """The short version, when the routine has one and the user (or the routine) prefers it."""
    if not routine.short_steps:
        return False
    preferred = state.profile.prefer_short
    return routine.short_by_default if preferred is None else preferred


def start_routine(
    ctx: Context,
    state: CoachState,
    routine_id: str,
    *,
    step_index: int,
    resuming: bool = False,
    short: bool | None = None,
) -> Reply:
    routine = ctx.library.routine(routine_id)
    short = bool(routine.short_steps) and (wants_short(state, routine) if short is None else short)
    state.session = Session(
        mode=Mode.ROUTINE,
        routine_id=routine_id,
        step_index=step_index,
        short=short,
        diary_session=ctx.clock().isoformat(),
    )
    segments: list[Segment] = []
    if resuming:
        number = number_words(step_index + 1)
        segments.append(Say(P.RESUMING.format(routine=routine.name, number=number)))
        state.session.started = True
        return deliver(ctx, state, segments)
    if wants_pain_before(ctx, state):
        return ask_before(ctx, state, segments)
    return introduce_routine(ctx, state, segments)


def introduce_routine(ctx: Context, state: CoachState, prefix: list[Segment]) -> Reply:
    """Say what the routine is and what it needs, then its checks or its first exercise."""
    state.session.mode = Mode.ROUTINE
    routine = ctx.library.routine(str(state.session.routine_id))
    short = state.session.short
    routine_id = routine.id
    segments = list(prefix)
    minutes = routine_length_words(ctx, routine_id, state.profile, short)
    segments.append(Say(P.ROUTINE_START.format(routine=routine.name, length=minutes)))
    segments.append(Say(routine.intro))
    needed = [e for e in routine.equipment if e not in state.profile.missing_equipment]
    if needed:
        names = [EQUIPMENT[item] for item in needed]
        note = P.EQUIPMENT_NOTE.format(items=join_words(names), example=names[0])
        segments.append(Say(note))
    return next_check(ctx, state, segments)


@handles(Mode.ASK_PAIN_BEFORE, *DELIVERY_MODES, *CHECK_MODES)
def resume_saved(ctx: Context, state: CoachState, event: Event) -> Reply:
    """Pick up the routine the user stopped part way through, if there is one."""
    point = state.profile.resume
    if valid_resume(ctx, state) is not None and point is not None:
        step = point.step_index
        return start_routine(ctx, state, point.routine_id, step_index=step, resuming=True)
    return Reply.ask([Say(P.NOTHING_TO_RESUME), Say(P.WHICH_ROUTINE)], P.MENU_REPROMPT)


@handles(Mode.ASK_PAIN_BEFORE, *DELIVERY_MODES, *CHECK_MODES)
def accept_offered_routine(ctx: Context, state: CoachState, event: Event) -> Reply:
    offered = state.session.offered_routine
    if offered not in ctx.library.routines:
        state.session.mode = Mode.MENU
        return Reply.ask(
            [Say(P.WHICH_ROUTINE_Q), Say(routine_names_sentence(ctx))], P.MENU_REPROMPT
        )
    assert offered is not None
    short = fits_minutes(ctx, state, offered, event)
    return start_routine(ctx, state, offered, step_index=0, short=short)


@handles(Mode.MENU)
def decline_offered_routine(ctx: Context, state: CoachState, event: Event) -> Reply:
    state.session.mode = Mode.MENU
    state.session.offered_routine = None
    return Reply.ask([Say(P.NO_ROUTINE_NOW)], P.MENU_REPROMPT)


@handles(Mode.MENU)
def decline_resume(ctx: Context, state: CoachState, event: Event) -> Reply:
    state.profile.resume = None
    state.session.mode = Mode.MENU
    return Reply.ask([Say(P.NO_RESUME), Say(routine_names_sentence(ctx))], P.MENU_REPROMPT)


@handles(Mode.OFFER_RESUME)
def no_routine(ctx: Context, state: CoachState, event: Event) -> Reply:
    """A routine command with no routine running: offer the unfinished one, if any."""
    if valid_resume(ctx, state) is not None:
        state.session.mode = Mode.OFFER_RESUME
        return Reply.ask([Say(P.NOTHING_RUNNING_RESUME)], P.OFFER_RESUME_REPROMPT)
    return Reply.ask([Say(P.NOTHING_RUNNING)], P.MENU_REPROMPT)


@handles(Mode.ASK_PAIN_BEFORE, *DELIVERY_MODES, *CHECK_MODES)
def start_over(ctx: Context, state: CoachState, event: Event) -> Reply:
    routine_id = state.session.routine_id
    if routine_id is None and state.profile.resume and valid_resume(ctx, state):
        routine_id = state.profile.resume.routine_id
    if routine_id is None:
        return Reply.ask([Say(P.NOTHING_TO_START_OVER), Say(P.WHICH_ROUTINE)], P.MENU_REPROMPT)
    return start_routine(ctx, state, routine_id, step_index=0).prefixed(Say(P.STARTING_OVER))


@handles()
def explain(ctx: Context, state: CoachState, event: Event) -> Reply:
    exercise = ctx.library.exercises.get(event.slot("exercise") or "")
    prompt = prompt_for_mode(ctx, state)
    if exercise is None:
        heard = event.heard_words("exercise")
        text = P.UNKNOWN_EXERCISE.format(heard=heard) if heard else P.WHICH_EXERCISE
        return Reply.ask([Say(text)], prompt)
    segments: list[Segment] = []
    if exercise.is_avoided:
        segments += [Say(P.AVOID_INTRO.format(name=exercise.name)), Say(exercise.why)]
        segments.append(Say(exercise.alternatives_said))
    else:
        segments.append(Say(P.EXPLAIN_INTRO.format(name=exercise.name)))
        dose = Dose(exercise, exercise.reps, state.profile.hold_seconds)
        segments += instruction_segments(dose, full=True)
        if exercise.sides:
            segments.append(Say(P.EXPLAIN_SIDES))
        segments.append(Say(dose_sentence(exercise, exercise.reps, state.profile.hold_seconds)))
        if state.profile.avoids(exercise.id, ctx.clock().date()):
            segments.append(Say(P.EXPLAIN_AVOIDED_BY_USER))
    segments.append(Say(prompt))
    return Reply.ask(segments, prompt, title=capitalise(exercise.name))
