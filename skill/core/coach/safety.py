"""Safety in the conversation: anything said that names a symptom is triaged before anything else.

Two guards run before the table. Words that match a red flag (in any mode) are answered at
their level: emergency and urgent end the routine; doctor-level stops the exercise and asks
whether to carry on gently or stop, and never moves on by itself. Words that say something
hurts, during a routine, stop the hold at once and ask one follow-up question (where, and is
it spreading, numb or weak) before deciding. "How did that feel: worse" is a rating of the
exercise, so in a routine only an emergency or urgent flag overrides it.
"""

from __future__ import annotations

from .. import events as ev
from .. import phrases as P
from ..events import Event
from ..modes import IN_ROUTINE, MODES, Mode
from ..reply import Reply, Say, Segment
from ..state import CoachState, Session
from ..symptom_words import heard_symptoms
from ..triage import SERIOUS, Assessment
from .checks import CHECK_MODES, next_check
from .context import Context
from .delivery import DELIVERY_MODES, advance
from .feelings import stop_exercise_worse
from .machine import Guard, Handler, handles


def assessment_of(ctx: Context, event: Event) -> Assessment | None:
    words = heard_symptoms(event)
    return ctx.triage.assess(words) if words else None


def _red_flag_check(ctx: Context, state: CoachState, event: Event) -> Handler | None:
    found = assessment_of(ctx, event)
    if found is None or not found.flags:
        return None
    # In a routine "worse" rates the exercise; outside one it describes the user's back. Only
    # what a rating says is left to the rating: "spasms every few days for a month now" or
    # "ouch it's hurt for three weeks" said mid-routine still gets the doctor's advice.
    if event.name == ev.FEELING and found.level not in SERIOUS and state.session.routine_id:
        return triaged if found.more_than_worse else None
    return triaged


def _pain_check(ctx: Context, state: CoachState, event: Event) -> Handler | None:
    if event.name == ev.PAIN_SCORE:
        return None  # "my back's a three now": a diary score (scores.py weighs it for safety)
    found = assessment_of(ctx, event)
    return pain_heard if found is not None and found.pain else None


def answer_level(
    ctx: Context,
    state: CoachState,
    prefix: list[Segment],
    level: str,
    advice: str,
    suggested: str | None = None,
) -> Reply:
    """Answer a triage level: end for serious ones; in a routine, never just move on; for
    ordinary back pain outside a routine, offer the routine that suits it."""
    event = f"triage_{level}"
    segments = [*prefix, Say(advice)]
    if level in SERIOUS:
        state.profile.resume = None
        state.session = Session()
        return Reply.end(segments, events=(event,))
    if state.session.routine_id is None and suggested in ctx.library.routines:
        assert suggested is not None
        state.session.mode = Mode.OFFER_ROUTINE
        state.session.offered_routine = suggested
        name = ctx.library.routine(suggested).name
        question = P.OFFER_ROUTINE.format(routine=name)
        return Reply.ask([*segments, Say(question)], question, events=(event,))
    if state.session.routine_id is None:
        state.session.mode = Mode.MENU
        return Reply.ask([*segments, Say(P.MENU_REPROMPT)], P.MENU_REPROMPT, events=(event,))
    if level == "selfcare":
        state.session.mode = Mode.ROUTINE
        return Reply.ask(
            [*segments, Say(P.SELFCARE_IN_ROUTINE)], P.SELFCARE_IN_ROUTINE, events=(event,)
        )
    state.session.mode = Mode.CARRY_ON_CHECK
    return Reply.ask(
        [*segments, Say(P.CARRY_ON_QUESTION)],
        P.CARRY_ON_REPROMPT,
        events=(event,),
    )


@handles(Mode.MENU, Mode.CARRY_ON_CHECK, Mode.ROUTINE)
def triaged(ctx: Context, state: CoachState, event: Event) -> Reply:
    """The user described something that matches a red flag: answer it before anything else."""
    found = assessment_of(ctx, event)
    assert found is not None
    prefix: list[Segment] = [Say(P.STOP_MOVING)] if state.session.routine_id else []
    # "My back locks up every few days, can we do the spasm routine?": the advice, then the
    # routine asked for is offered (never for a serious level, which ends the session).
    asked_for = event.slot("routine") if event.name == ev.START_ROUTINE else None
    return answer_level(ctx, state, prefix, found.level, found.advice, asked_for)


@handles(Mode.PAIN_CHECK)
def pain_heard(ctx: Context, state: CoachState, event: Event) -> Reply:
    """Something hurts mid-routine: stop now and ask one question before deciding."""
    state.session.mode = Mode.PAIN_CHECK
    return Reply.ask(
        [Say(P.STOP_MOVING), Say(P.PAIN_WHERE)],
        P.PAIN_WHERE_REPROMPT,
        events=("pain_heard",),
    )


@handles(Mode.OFFER_GENTLER, Mode.CARRY_ON_CHECK, Mode.SCREEN, *DELIVERY_MODES)
def pain_answer(ctx: Context, state: CoachState, event: Event) -> Reply:
    """The answer to "where, and is it spreading, numb or weak?" (warning signs were triaged
    by the guard already; a plain yes to spreading, numb or weak is treated as nerve symptoms).
    """
    if event.name == ev.RED_FLAG and not event.slot("symptom") and not event.text:
        from .screen import red_flag  # the user asked for the yes/no screen instead

        return red_flag(ctx, state, event)
    if event.name == ev.YES:
        advice = ctx.triage.advice_for("doctor", "nerve_symptoms")
        state.session.mode = Mode.ROUTINE
        return answer_level(ctx, state, [], "doctor", advice)
    state.session.mode = Mode.ROUTINE
    return stop_exercise_worse(ctx, state, [Say(P.PAIN_NO_WARNING)])


@handles(Mode.OFFER_GENTLER, *DELIVERY_MODES, *CHECK_MODES)
def carry_on_gently(ctx: Context, state: CoachState, event: Event) -> Reply:
    """Carry on after a doctor-level answer: the next exercise (or the routine's next check)."""
    state.session.mode = Mode.ROUTINE
    if not state.session.started:
        return next_check(ctx, state, [Say(P.CARRYING_ON_GENTLY)])
    return advance(ctx, state, [Say(P.CARRYING_ON_GENTLY)])


EVERY_MODE = frozenset(MODES)
GUARDS = (
    Guard(
        "words that match a red flag are triaged first",
        EVERY_MODE,
        _red_flag_check,
        (triaged,),
    ),
    Guard(
        "words that say something hurts stop the hold and ask where",
        IN_ROUTINE - {Mode.PAIN_CHECK},
        _pain_check,
        (pain_heard,),
    ),
)
