"""Pain scores in the conversation: asked before the day's first routine and after it, or
volunteered at any moment ("my back's a three now").

Every score heard is written to the diary at once. A score that is out of range or could not
be heard gets a gentle re-ask. A 9 or 10, or a rise of 3 or more over the score before the
routine, goes through the safety model: the routine stops, the doctor-level advice is given and
the red-flag screen of screen.py asks its questions (its answers go through `answer_level`).
"""

from __future__ import annotations

from .. import events as ev
from .. import phrases as P
from ..events import Event
from ..modes import IN_ROUTINE, Mode
from ..reply import Reply, Say, Segment
from ..state import CoachState, Session
from ..words import capitalise, number_words
from .checks import CHECK_MODES, start_screen
from .context import Context
from .delivery import DELIVERY_MODES
from .diary import HIGH_SCORE, JUMP, alarming, local_today, parse_score, record_score
from .machine import handles
from .prompts import prompt_for_mode

_ASK_EXPECTS = (ev.PAIN_SCORE, ev.SKIP, ev.NO)


def ask_before(ctx: Context, state: CoachState, prefix: list[Segment]) -> Reply:
    """Ask for the day's first score; the routine (already set in the session) waits for it."""
    state.session.mode = Mode.ASK_PAIN_BEFORE
    state.profile.pain_asked_on = local_today(ctx).isoformat()
    return Reply.ask(
        [*prefix, Say(P.PAIN_BEFORE_QUESTION)], P.PAIN_BEFORE_REPROMPT, expects=_ASK_EXPECTS
    )


def ask_after(state: CoachState, segments: list[Segment]) -> Reply:
    """After a routine that had a score before it: ask again (the session keeps its key)."""
    state.session.mode = Mode.ASK_PAIN_AFTER
    return Reply.ask(
        [*segments, Say(P.PAIN_AFTER_QUESTION)],
        P.PAIN_AFTER_QUESTION,
        events=("routine_finished",),
        expects=_ASK_EXPECTS,
    )


def _begin_routine(ctx: Context, state: CoachState, prefix: list[Segment]) -> Reply:
    from .menu import introduce_routine  # menu asks before a routine through this module

    return introduce_routine(ctx, state, prefix)


def _re_ask(ctx: Context, state: CoachState) -> Reply:
    prompt = prompt_for_mode(ctx, state)
    return Reply.ask([Say(P.PAIN_RANGE), Say(prompt)], prompt, expects=_ASK_EXPECTS)


@handles(Mode.SCREEN, *DELIVERY_MODES, *CHECK_MODES)
def pain_before_answer(ctx: Context, state: CoachState, event: Event) -> Reply:
    score = parse_score(event.slot("score"))
    if score is None:
        return _re_ask(ctx, state)
    record_score(ctx, state, score, "before")
    noted = Say(P.PAIN_NOTED.format(score=number_words(score)))
    if alarming(score, -1):
        return _safety(ctx, state, score, -1, [noted])
    return _begin_routine(ctx, state, [noted])


@handles(Mode.SCREEN, *DELIVERY_MODES, *CHECK_MODES)
def pain_before_skipped(ctx: Context, state: CoachState, event: Event) -> Reply:
    return _begin_routine(ctx, state, [Say(P.PAIN_SKIPPED)])


@handles(Mode.ASK_PAIN_BEFORE, Mode.SCREEN, *DELIVERY_MODES, *CHECK_MODES)
def routine_instead_of_score(ctx: Context, state: CoachState, event: Event) -> Reply:
    """Asked for a routine instead of a score ("my back's wrecked, can we just do the lower back
    stretches"): no score today, and on to that routine (an emergency or red flag in the words
    was answered by the safety guards first)."""
    if event.slot("routine") in (None, state.session.routine_id):
        return pain_before_skipped.fn(ctx, state, event)
    from .menu import start_routine_intent

    return start_routine_intent.fn(ctx, state, event)


@handles(Mode.MENU, Mode.SCREEN)
def pain_after_answer(ctx: Context, state: CoachState, event: Event) -> Reply:
    score = parse_score(event.slot("score"))
    if score is None:
        return _re_ask(ctx, state)
    before = state.session.pain_before
    record_score(ctx, state, score, "after")
    spoken = number_words(score)
    if before >= 0:
        text = P.PAIN_NOTED_AFTER.format(score=spoken, before=number_words(before))
    else:
        text = P.PAIN_NOTED.format(score=spoken)
    if alarming(score, before):
        return _safety(ctx, state, score, before, [Say(text)])
    state.session = Session()
    return Reply.ask([Say(text), Say(P.MENU_REPROMPT)], P.MENU_REPROMPT)


@handles(Mode.MENU)
def pain_after_skipped(ctx: Context, state: CoachState, event: Event) -> Reply:
    state.session = Session()
    return Reply.ask([Say(P.PAIN_SKIPPED), Say(P.MENU_REPROMPT)], P.MENU_REPROMPT)


@handles(Mode.SCREEN, Mode.MENU)
def pain_score(ctx: Context, state: CoachState, event: Event) -> Reply:
    """A score volunteered at any other moment: noted with its time, then carry on."""
    score = parse_score(event.slot("score"))
    if score is None:
        return _re_ask(ctx, state)
    record_score(ctx, state, score)
    noted = Say(P.PAIN_NOTED.format(score=number_words(score)))
    before = state.session.pain_before if state.session.routine_id else -1
    if alarming(score, before):
        return _safety(ctx, state, score, before, [noted])
    prompt = prompt_for_mode(ctx, state)
    return Reply.ask([noted, Say(prompt)], prompt)


def _safety(
    ctx: Context, state: CoachState, score: int, before: int, prefix: list[Segment]
) -> Reply:
    """Too much pain, or much more than before: stop, advise, and run the red-flag screen."""
    segments = list(prefix)
    if state.session.mode in IN_ROUTINE:
        segments.append(Say(P.STOP_MOVING))
    if score >= HIGH_SCORE:
        segments.append(Say(capitalise(P.PAIN_HIGH.format(score=number_words(score)))))
    if before >= 0 and score - before >= JUMP:
        segments.append(Say(P.PAIN_JUMPED.format(rise=number_words(score - before))))
    segments += [Say(ctx.triage.advice_for("doctor")), Say(ctx.triage.screen_intro)]
    state.session = Session()  # the routine stops; its resume point is kept for another day
    return start_screen(ctx, state, segments, end=0)
