"""Moving through a routine: next, skip, back, repeat, pause and resume, stop."""

from __future__ import annotations

from .. import phrases as P
from ..events import Event
from ..modes import IN_ROUTINE, Mode
from ..reply import Reply, Say, Segment
from ..state import CoachState, Session
from ..words import capitalise, number_words
from .context import Context
from .delivery import DELIVERY_MODES, advance, deliver
from .machine import handles
from .menu import list_routines
from .plan import (
    current_dose,
    current_exercise,
    included_steps,
    next_step_name,
    sides_left,
)
from .prompts import help_, prompt_for_mode


@handles(*DELIVERY_MODES)
def next_step(ctx: Context, state: CoachState, event: Event) -> Reply:
    if sides_left(ctx, state):
        return deliver(ctx, state, [], from_side=state.session.next_side)
    return advance(ctx, state, [])


@handles(*DELIVERY_MODES)
def auto_advance(ctx: Context, state: CoachState, event: Event) -> Reply:
    """Hands-free: nobody spoke after a step, so move on (with a word first)."""
    return next_step(ctx, state, event).prefixed(Say(P.MOVING_ON))


@handles()
def prompt_again(ctx: Context, state: CoachState, event: Event) -> Reply:
    """Nobody spoke, and nothing should move on by itself here: say what the user can say."""
    prompt = prompt_for_mode(ctx, state)
    return Reply.ask([Say(prompt)], prompt)


@handles(*DELIVERY_MODES)
def skip(ctx: Context, state: CoachState, event: Event) -> Reply:
    current = current_exercise(ctx, state)
    state.session.mode = Mode.ROUTINE
    state.session.pending_exercise = None
    prefix: list[Segment] = [Say(P.SKIPPING.format(name=current.name))] if current else []
    return advance(ctx, state, prefix, done=False)


@handles(*DELIVERY_MODES)
def previous(ctx: Context, state: CoachState, event: Event) -> Reply:
    session = state.session
    session.pending_exercise = None
    if session.inserted_exercise:
        session.inserted_exercise = None
        return deliver(ctx, state, [Say(P.BACK_TO_ROUTINE)])
    if session.step_index == 0:
        return deliver(ctx, state, [Say(P.ALREADY_FIRST)])
    session.step_index -= 1
    return deliver(ctx, state, [Say(P.GOING_BACK)])


@handles(*DELIVERY_MODES)
def repeat_step(ctx: Context, state: CoachState, event: Event) -> Reply:
    """Inside a routine: the current step again, with full instructions."""
    if current_exercise(ctx, state) is None:
        return repeat_last(ctx, state, event)
    return deliver(ctx, state, [], from_side=state.session.delivered_from_side, full=True)


@handles()
def repeat_last(ctx: Context, state: CoachState, event: Event) -> Reply:
    """Outside a routine: the last thing said, or help if there is nothing to repeat."""
    session = state.session
    if session.last_reply:
        try:
            return Reply.from_dict(session.last_reply)
        except (KeyError, TypeError, ValueError):
            session.last_reply = None
    return help_(ctx, state, event)


@handles(Mode.PAUSED)
def pause(ctx: Context, state: CoachState, event: Event) -> Reply:
    state.session.mode = Mode.PAUSED
    return Reply.ask([Say(P.PAUSED)], P.PAUSED_REPROMPT)


@handles()
def nothing_to_pause(ctx: Context, state: CoachState, event: Event) -> Reply:
    return Reply.ask([Say(P.NOTHING_TO_PAUSE)], prompt_for_mode(ctx, state))


@handles(*DELIVERY_MODES)
def resume_paused(ctx: Context, state: CoachState, event: Event) -> Reply:
    state.session.mode = Mode.ROUTINE
    from_side = state.session.delivered_from_side
    return deliver(ctx, state, [Say(P.PICKING_UP)], from_side=from_side)


@handles(Mode.ROUTINE)
def hold_resumed(ctx: Context, state: CoachState, event: Event) -> Reply:
    """The local runner paused a hold part way and the user resumed: it carries on counting."""
    state.session.mode = Mode.ROUTINE
    return Reply.ask([Say(P.PICKING_UP)], prompt_for_mode(ctx, state), events=("hold_resumed",))


def _left_part_way(ctx: Context, state: CoachState) -> list[Segment]:
    """What is said on leaving a routine or the screen part way: where we will pick up."""
    session = state.session
    if session.mode in IN_ROUTINE and state.profile.resume:
        current = current_exercise(ctx, state)
        name = current.name if current else P.THE_NEXT_EXERCISE
        return [Say(P.STOPPED_MID_ROUTINE.format(name=name))]
    if session.mode == Mode.SCREEN:
        return [Say(ctx.triage.screen_stopped)]
    return []


@handles(Mode.MENU)
def stop(ctx: Context, state: CoachState, event: Event) -> Reply:
    segments = [*_left_part_way(ctx, state), Say(P.GOODBYE)]
    state.session = Session()
    return Reply.end(segments)


@handles(Mode.MENU)
def go_home(ctx: Context, state: CoachState, event: Event) -> Reply:
    """ "Take me back to the main menu": what was under way is left as stop leaves it (its
    place kept), and the coach's menu, the routines, is read out; the session stays open."""
    left = _left_part_way(ctx, state)
    state.session = Session()
    menu = list_routines(ctx, state, event)
    return Reply.ask([*left, *menu.segments], menu.reprompt or P.MENU_REPROMPT)


@handles()
def status(ctx: Context, state: CoachState, event: Event) -> Reply:
    """ "How long is left?", "which side?", "what's next?": answered without changing anything.

    A front end counting a hold passes what only it knows (`remaining` seconds, the `side`);
    the answer is an aside, so the hold carries on.
    """
    session = state.session
    dose = current_dose(ctx, state)
    prompt = prompt_for_mode(ctx, state)
    if session.routine_id is None or dose is None:
        return Reply.ask([Say(P.STATUS_NONE), Say(prompt)], prompt)
    remaining = event.slot("remaining")
    side = event.slot("side")
    if remaining is not None and remaining.isdigit():
        # Asked mid-hold: short, so the next count is not held up.
        seconds = number_words(int(remaining))
        name = capitalise(dose.exercise.name)
        text = (
            P.STATUS_IN_HOLD.format(name=name, side=side, seconds=seconds)
            if side in ("left", "right")
            else P.STATUS_IN_HOLD_NO_SIDE.format(name=name, seconds=seconds)
        )
        return Reply.ask([Say(text)], prompt, aside=True)
    routine = ctx.library.routine(session.routine_id)
    included = included_steps(routine, session.short)
    number = included.index(session.step_index) + 1 if session.step_index in included else 1
    said: list[Segment] = [
        Say(
            P.STATUS_STEP.format(
                number=number_words(number),
                total=number_words(len(included)),
                name=dose.exercise.name,
            )
        )
    ]
    if side in ("left", "right"):
        said.append(Say(P.STATUS_SIDE.format(side=side)))
    following = next_step_name(ctx, state, routine)
    said.append(Say(P.STATUS_NEXT.format(name=following) if following else P.STATUS_LAST))
    return Reply.ask(said, prompt, aside=True)
