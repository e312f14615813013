"""Safety: "is this a red flag?", triage of what the user describes, and the yes/no screen."""

from __future__ import annotations

from .. import phrases as P
from ..events import Event
from ..modes import IN_ROUTINE, Mode
from ..reply import Reply, Say, Segment
from ..state import CoachState, Session
from .context import Context
from .feelings import stop_exercise_worse
from .machine import handles

SERIOUS = ("emergency", "urgent")


@handles(Mode.SCREEN, Mode.MENU, Mode.ROUTINE, Mode.OFFER_GENTLER)
def red_flag(ctx: Context, state: CoachState, event: Event) -> Reply:
    """Stop any hold, then triage what the user describes, or start the yes/no screen."""
    session = state.session
    in_routine = session.mode in IN_ROUTINE
    prefix: list[Segment] = [Say(P.STOP_MOVING)] if in_routine else []
    symptom = event.slot("symptom")
    if symptom is None:
        session.mode = Mode.SCREEN
        session.screen_index = 0
        first = ctx.triage.screen_question(0).text
        return Reply.ask(
            [*prefix, Say(ctx.triage.screen_intro), Say(first)], first, events=("screen_started",)
        )
    assessment = ctx.triage.assess(symptom)
    return answer_assessment(ctx, state, prefix, assessment.level, assessment.advice, in_routine)


def answer_assessment(
    ctx: Context,
    state: CoachState,
    prefix: list[Segment],
    level: str,
    advice: str,
    in_routine: bool,
) -> Reply:
    segments = [*prefix, Say(advice)]
    event = f"triage_{level}"
    if level in SERIOUS:
        state.profile.resume = None
        state.session = Session()
        return Reply.end(segments, events=(event,))
    if in_routine:
        state.session.mode = Mode.ROUTINE
        return stop_exercise_worse(ctx, state, segments).prefixed(events=(event,))
    state.session.mode = Mode.MENU
    return Reply.ask([*segments, Say(P.MENU_REPROMPT)], P.MENU_REPROMPT, events=(event,))


@handles(Mode.MENU, Mode.ROUTINE, Mode.OFFER_GENTLER)
def screen_yes(ctx: Context, state: CoachState, event: Event) -> Reply:
    question = ctx.triage.screen_question(state.session.screen_index)
    advice = ctx.triage.advice_for(question.level, question.flag)
    return answer_assessment(ctx, state, [], question.level, advice, False)


@handles(Mode.MENU)
def screen_no(ctx: Context, state: CoachState, event: Event) -> Reply:
    session = state.session
    session.screen_index += 1
    if session.screen_index >= ctx.triage.screen_length:
        session.mode = Mode.MENU
        session.screen_index = 0
        return Reply.ask(
            [Say(ctx.triage.screen_all_clear), Say(P.MENU_REPROMPT)],
            P.MENU_REPROMPT,
            events=("triage_selfcare",),
        )
    following = ctx.triage.screen_question(session.screen_index).text
    return Reply.ask([Say(following)], following)
