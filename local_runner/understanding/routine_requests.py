"""Requests for a routine: whether a sentence naming a routine asks for it, and which routine a
request that only says what is wrong should get."""

from __future__ import annotations

import re
from dataclasses import replace

from skill.core import events as ev
from skill.core.events import Event

from .ood import said_about_someone_else
from .safety import SafetyNet
from .slot_choice import GENERAL_ROUTINE
from .slots import Span

ROUTINE_TYPE = "RoutineName"
EXERCISE_TYPE = "ExerciseName"
# Words that make a sentence naming a routine a request for it ("... so let's do the spasm ones"),
# not a remark ("ouch my hamstrings"). Not "go": "i felt something go in my lower back".
_REQUEST_WORDS = frozenset(
    {"do", "start", "put", "let's", "through", "take", "begin", "try", "want", "need",
     "fancy", "stretch", "stretches", "exercises", "routine", "session",
     "help", "give", "show", "run", "get", "please", "kindly", "one", "ones"}
)  # fmt: skip
# Pain that runs somewhere ("like a shock run down my leg") is no routine being run.
_TRAVELLING = frozenset({"down", "up", "into", "through", "along", "across", "past", "right"})
_A_BREAK = frozenset({"sec", "second", "minute", "moment", "break", "breather", "rest", "tick"})
# The stretches as the subject of a remark ("the hamstring stretches make my back hurt", "the
# lower back routine made it sore") are not asked for.
_AS_SUBJECT = frozenset({"stretches", "exercises", "routine", "session", "one", "ones"})
_REMARKING = frozenset({"make", "makes", "made", "hurt", "hurts", "hurted", "feel", "feels",
                        "felt", "are", "is", "were", "was", "gave", "give", "gives", "left",
                        "set", "aggravate", "aggravated"})  # fmt: skip
# "can" and "could" ask only of someone: "could we", not "could that be connected".
_ASKED_OF = tuple(f" {modal} {who} " for modal in ("can", "could") for who in ("we", "you", "i"))


def asks_for_routine(intent: str, utterance: str) -> bool:
    """ "Something" asks when it is something for or to do ("something for my back"), not when
    it is what happened ("something just twinged in my lower back")."""
    if intent != ev.START_ROUTINE:
        return False
    padded = f" {utterance} "
    words = utterance.split()
    return (
        any(
            word in _REQUEST_WORDS
            and not (word == "do" and i and words[i - 1] in ("i", "you"))
            and not (word == "do" and words[i + 1 : i + 2] == ["with"])  # "to do with my back"
            and not (word in ("one", "ones") and "a" in words[max(0, i - 2) : i])
            and not (word in ("one", "ones") and words[i - 1 : i] in (["this"], ["that"]))
            and not (word == "need" and words[i + 2 : i + 3] and words[i + 2] in _A_BREAK)
            and not (word == "run" and words[i + 1 : i + 2] and words[i + 1] in _TRAVELLING)
            and not (word in _AS_SUBJECT and words[i + 1 : i + 2] and words[i + 1] in _REMARKING)
            for i, word in enumerate(words)
        )  # "when i do that" tells of doing, "that's a sharp one" of a pain, "that one is
        # burning my back" of the stretch under way, "i need a sec" of a pause: none asks
        or any(asked in padded for asked in _ASKED_OF)
        or any(
            f" something {word} " in _without_what_happened(padded)
            for word in ("for", "to", "i", "we", "good", "gentle")
        )
        or asks_for_help(utterance)
    )


# "I've done something to my back" tells what happened; it asks for nothing.
_HAPPENED = re.compile(r" (?:done|did|doing) something to ")


def _without_what_happened(padded: str) -> str:
    return _HAPPENED.sub(" ", padded)


# Words that name the stretching itself, not any one routine ("let's get going with today's
# stretches"): the coach asks which routine.
_ANY_ROUTINE = frozenset({"stretches", "stretching", "routine", "exercises", "session", "workout"})


def asks_for_some_routine(event: Event, utterance: str) -> bool:
    """A start that asks for the stretching itself, so the coach can ask which routine."""
    return event.name == ev.START_ROUTINE and not _ANY_ROUTINE.isdisjoint(utterance.split())


def routine_for_what_is_wrong(
    event: Event, utterance: str, spans: list[Span], safety: SafetyNet
) -> Event:
    """ "My back's seized up, give us the one for that": a routine asked for only by the
    user's own back, or by what is wrong ("the one for the pain down my leg"), takes the
    routine triage suggests for it."""
    if event.name != ev.START_ROUTINE:
        return event
    routine = event.slot("routine")
    named = [span for span in spans if span.id_for(ROUTINE_TYPE)]
    if _nerve_pain_in(routine, named, utterance, safety):
        return replace(event, slots={**event.slots, "routine": NERVE_ROUTINE})
    firsts = {span.words.split()[0] for span in named}
    if routine not in (GENERAL_ROUTINE, None) or firsts - {"my", "me"}:
        return event
    suggested = safety.routine_for_situation(utterance)
    if suggested is None or suggested == GENERAL_ROUTINE:
        return event
    return replace(event, slots={**event.slots, "routine": suggested})


NERVE_ROUTINE = "sciatica"

# Asking in so many words ("let's ...", "can we ...", "put on ..."), as opposed to naming the
# stretches in a remark ("the hamstring stretches make my back hurt").
_ASKING = ("let's", "lets", "let us", "can we", "could we", "shall we", "can you", "could you",
           "would you", "i want to", "i'd like", "i would like", "please", "kindly", "give me",
           "give us", "show me", "take me", "get us", "get me", "put on", "put me", "sort me",
           "help me", "how about", "time for", "time to", "i fancy", "walk me",
           "talk me")  # fmt: skip
_IMPERATIVES = frozenset({"do", "try", "run", "start", "begin", "put", "take", "give", "show"})
# Words that turn a request down ("i'd rather not do the lower back one", "no more of the
# hamstring stretches", "the physio said no lower back stretches", "my hamstring can't take
# that").
_REFUSING = frozenset({"not", "no", "never", "rather", "skip", "don't", "won't", "stop",
                       "instead", "avoid", "without", "nah"})  # fmt: skip
# Not "can't" alone: "i can't touch my toes, let's work on my hamstrings" asks, and so does
# "i can't take this spasm let's do the spasm stretches"; said last, it refuses.
_REFUSING_ENDS = tuple(
    f" {cannot} {verb} {what}" for cannot in ("can't", "cannot") for verb in ("take", "handle")
    for what in ("that", "this", "it")
)  # fmt: skip


def asks_in_so_many_words(part: str) -> bool:
    padded = f" {part} "
    return (
        part.split()[0] in _IMPERATIVES
        or any(f" {cue} " in padded for cue in _ASKING)
        or asks_for_help(part)
    )


# A sensation said of a routine's body part ("felt something pull in my hamstring just then",
# "my hamstring feels like it's about to snap") is no request for that routine.
_SENSING = frozenset({"feel", "feels", "felt", "feeling"})


def only_describes_a_sensation(intent: str, utterance: str) -> bool:
    return (
        intent == ev.START_ROUTINE
        and not _SENSING.isdisjoint(utterance.split())
        and not asks_for_routine(intent, utterance)
        and " i feel like " not in f" {utterance} "  # a wish: "i feel like doing the hamstrings"
    )


_SOFTENED = frozenset({"me", "meh", "us", "it", "that", "dat", "this", "one", "go"})


def refuses(utterance: str) -> bool:
    refused_last = f" {utterance}".endswith(_REFUSING_ENDS)
    # A closing "or not" asks a question ("got stretch for that or not"), and Trinidadian "nah"
    # after a request softens it ("help meh nah"): neither refuses anything.
    words = utterance.split()
    if words[-2:] in (["or", "not"], ["or", "no"]):
        words = words[:-2]
    elif words[-1:] == ["nah"] and words[-2:-1] and words[-2] in _SOFTENED:
        words = words[:-1]
    return refused_last or not _REFUSING.isdisjoint(words)


def _nerve_pain_in(
    routine: str | None, named: list[Span], utterance: str, safety: SafetyNet
) -> bool:
    """Pain shooting down the back of the leg is the sciatic nerve, though "the back of my leg"
    is also where the hamstrings are: a routine named only by that body part (not by its own
    name) gives way when triage reads the sentence as nerve pain."""
    if routine in (None, NERVE_ROUTINE) or not named:
        return False
    own = {name.rstrip("s") for name in routine.split("_")}
    by_name = any(word.rstrip("s") in own for span in named for word in span.words.split())
    return not by_name and safety.routine_for_situation(utterance) == NERVE_ROUTINE


# Wording that asks the coach for help with something ("is there something i can do", "what
# have you got for that", "the one for people who sit all day"), whatever the something is.
_ASKS_FOR_HELP = (
    "something for", "anything for", "summat for", "owt for", "something to help",
    "anything to help", "something i can do", "something we can do", "anything i can do",
    "anything we can do", "do something for", "do something about", "what can i do",
    "what can we do", "what have you got for", "what've you got for", "what do you have for",
    "what you got for", "got anything for", "got something for", "help me with",
    "sort me out", "sort us out", "sort it out", "sort this out", "sort that out",
    "give me something", "one for", "ones for", "stretches for",
    "exercises for", "routine for", "stretch for", "want to breathe", "wanna breathe",
    "and breathe", "just breathe", "help me relax", "help me calm down",
)  # fmt: skip


def asks_for_help(utterance: str) -> bool:
    padded = f" {utterance} "
    return any(f" {cue} " in padded for cue in _ASKS_FOR_HELP)


def asked_by_situation(utterance: str, spans: list[Span], safety: SafetyNet) -> Event | None:
    """ "I've been sat at my computer since eight, can we do something for that": a request for
    help that describes the user's day instead of naming a routine asks for the routine triage
    suggests for that day, when nothing else understood the sentence. A sentence naming an
    exercise is about that exercise ("my osteo said to avoid the towel one for the hamstrings")."""
    if not asks_for_help(utterance) or refuses(utterance) or said_about_someone_else(utterance):
        return None
    if any(span.id_for(EXERCISE_TYPE) for span in spans):
        return None
    routine = safety.routine_for_situation(utterance)
    if routine is None:
        return None
    return Event(ev.START_ROUTINE, {"routine": routine})


# Words that open a request; one that closes a description of the user's day is the request.
_REQUEST_OPENERS = frozenset({"can i", "can we", "could i", "could we", "could you",
                              "let's do", "give me", "take me", "walk me", "you got",
                              "have you", "got anything", "any chance"})  # fmt: skip


def request_after_description(utterance: str) -> str:
    """The request that closes a description ("i've been sat at the nurses station charting for
    hours can i have a quick chair stretch please" -> "can i have ..."); else the utterance."""
    words = utterance.split()
    for i in range(len(words) - 3, 2, -1):
        if f"{words[i]} {words[i + 1]}" in _REQUEST_OPENERS:
            return " ".join(words[i:])
    return utterance
