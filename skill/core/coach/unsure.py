"""'Sorry, was that ...?': words the local runner heard but is not sure of.

Alexa does its own recognition and never sends this; the local runner sends Coach.HeardUnsure
with its recogniser's guess (slot "intent"), the words the guess was made from ("words") and
the guess's slots ("slot.NAME", "heard.NAME"). Nothing is acted on: the coach asks "Sorry, was
that 'skip this one'?" and keeps the guess in the session. A yes acts on the guess exactly as
if it had been heard clearly (the guards run on it too); a no, or anything else, does not:
anything else clears the guess (engine.py) and is answered as itself. The question is an
aside, so a hold being counted carries on while it is asked and the routine keeps its place.

A doubt about a safety word ("doubt" = "safety": speech the runner could not make out that may
have been "stop", "pause" or "that hurts") during a step pauses it first and then asks, so a
missed "stop" costs a pause, never a stretch carried on through pain. So does an "unclear" doubt
(short speech the runner could not make out at all, nearest to a safety phrase, "could_be"):
during a step the coach pauses and asks about that phrase; elsewhere it is treated like any
other unsure words (asked about if they have a guess, else let pass in silence).
"""

from __future__ import annotations

from .. import events as ev
from .. import phrases as P
from ..events import Event
from ..modes import MODES, STEP_ON, Mode
from ..reply import Reply, Say
from ..state import CoachState
from .context import Context
from .machine import Guard, Handler, handles
from .prompts import prompt_for_mode

SLOT_PREFIX, HEARD_PREFIX = "slot.", "heard."
# Doubts ("doubt" slot): may have been a safety word; or short speech not made out whose
# nearest safety phrase is in "could_be" / "could_be.intent" (asked about only mid-step).
SAFETY, UNCLEAR = "safety", "unclear"
COULD_BE, COULD_BE_INTENT = "could_be", "could_be.intent"
PAUSED_TO_ASK = "unsure_safety"  # a Reply event: the step was paused to ask (a front end pauses)
MAX_WORDS = 80  # characters of the heard words quoted back
# A guess of one of these is not worth a question (the runner never sends them as guesses).
NOT_ASKED = frozenset({ev.FALLBACK, *ev.FRONT_END_EVENTS, ev.LAUNCH, ev.SESSION_ENDED})


def guess_of(event: Event) -> dict[str, str] | None:
    """The guess a HeardUnsure event carries, as kept in the session (None: nothing to ask)."""
    intent, words = event.slot("intent"), event.slot("words")
    if intent not in ev.ALL_INTENTS or intent in NOT_ASKED or not words:
        return None
    kept = {"intent": intent, "words": " ".join(words.split())[:MAX_WORDS]}
    for name, value in event.slots.items():
        if name.startswith((SLOT_PREFIX, HEARD_PREFIX)) and value:
            kept[name] = value
    return kept


def guessed_event(guess: dict[str, str], like: Event) -> Event:
    """The event the user would have sent had the guess been heard clearly."""

    def part(prefix: str) -> dict[str, str]:
        return {k[len(prefix) :]: v for k, v in guess.items() if k.startswith(prefix)}

    return Event(
        guess["intent"],
        part(SLOT_PREFIX),
        part(HEARD_PREFIX),
        text=guess.get("words", ""),
        time_zone=like.time_zone,
        locale=like.locale,
        can_remind=like.can_remind,
    )


def confirmed(state: CoachState, event: Event) -> Event:
    """`event` as the coach will take it: a yes to "was that ...?" becomes the guess."""
    guess = state.session.unsure_guess
    if guess is None or event.name != ev.YES or guess.get("intent") not in ev.ALL_INTENTS:
        return event
    return guessed_event(guess, event)


def could_be(event: Event) -> dict[str, str] | None:
    """The safety phrase an "unclear" doubt comes closest to, as a guess (None: none)."""
    near = {"intent": event.slot(COULD_BE_INTENT) or "", "words": event.slot(COULD_BE) or ""}
    return guess_of(Event(ev.HEARD_UNSURE, near))


@handles(Mode.PAUSED)
def ask_unsure(ctx: Context, state: CoachState, event: Event) -> Reply:
    """Ask about the guess; act on nothing. A safety doubt mid-step pauses the step first."""
    guess, doubt = guess_of(event), event.slot("doubt")
    session = state.session
    if doubt == UNCLEAR and session.mode in STEP_ON:
        # Short speech not made out, near a safety phrase: mid-step, ask about that phrase.
        guess, doubt = could_be(event) or guess, SAFETY
    session.unsure_guess = guess
    if guess is None and doubt == UNCLEAR:  # a mumble outside a step: nothing to ask
        return Reply.ask([], prompt_for_mode(ctx, state), aside=True)
    if guess is None:
        return Reply.ask([Say(P.DIDNT_CATCH)], prompt_for_mode(ctx, state), aside=True)
    if doubt == SAFETY and session.mode in STEP_ON:
        session.mode = Mode.PAUSED
        question = P.WAS_THAT_SAFETY.format(words=guess["words"])
        return Reply.ask([Say(question)], P.WAS_THAT_REPROMPT, events=(PAUSED_TO_ASK,))
    question = P.WAS_THAT.format(words=guess["words"])
    return Reply.ask([Say(question)], P.WAS_THAT_REPROMPT, aside=True, events=("unsure_asked",))


@handles(*MODES)
def unsure_yes(ctx: Context, state: CoachState, event: Event) -> Reply:
    """Yes, that is what was said: answer the guess as if it had been heard clearly."""
    from .table import MACHINE  # the table names this handler

    guessed = confirmed(state, event)
    state.session.unsure_guess = None
    return MACHINE.dispatch(ctx, state, guessed)(ctx, state, guessed)


@handles()
def unsure_no(ctx: Context, state: CoachState, event: Event) -> Reply:
    """No: nothing is done, and whatever was going on carries on."""
    state.session.unsure_guess = None
    prompt = prompt_for_mode(ctx, state)
    if state.session.mode == Mode.ROUTINE:  # the step (or its hold) simply carries on
        return Reply.ask([Say(P.NOT_THAT)], prompt, aside=True)
    return Reply.ask([Say(P.NOT_THAT), Say(prompt)], prompt, aside=True)


def _answer_check(ctx: Context, state: CoachState, event: Event) -> Handler | None:
    if state.session.unsure_guess is None:
        return None
    return {ev.YES: unsure_yes, ev.NO: unsure_no}.get(event.name)


GUARD = Guard(
    "a yes or no answers 'sorry, was that ...?' first",
    frozenset(MODES),
    _answer_check,
    (unsure_yes, unsure_no),
)
