"""Per-market wording: the request's locale picks the emergency number and local words.

Every reply passes through `localised` once (in `Coach.handle`), so each emergency answer names
the number of the user's own country however it was reached (guard, screen, follow-up), and the
replacement tables live with the rest of the wording in phrases.py.
"""

from __future__ import annotations

from dataclasses import replace

from . import phrases_alexa as PA
from .events import DEFAULT_LOCALE
from .reply import Cue, Reply, Say, Segment, SideSwitch, Timed


def supported(locale: str) -> str:
    """The locale we answer in: the request's own when we know it, else en-US."""
    return locale if locale in PA.EMERGENCY_NUMBERS else DEFAULT_LOCALE


def _swaps(locale: str) -> list[tuple[str, str]]:
    number = PA.CALL_NUMBER.format(number=PA.EMERGENCY_NUMBERS[supported(locale)])
    return [(PA.LOCAL_EMERGENCY, number), *PA.LOCALE_WORDING.get(supported(locale), {}).items()]


def localise_text(text: str, locale: str) -> str:
    for phrase, local in _swaps(locale):
        text = text.replace(phrase, local)
    return text


def _segment(segment: Segment, locale: str) -> Segment:
    if isinstance(segment, Say | SideSwitch):
        return replace(segment, text=localise_text(segment.text, locale))
    if isinstance(segment, Timed):
        cues = tuple(Cue(c.at, localise_text(c.text, locale)) for c in segment.cues)
        return replace(segment, cues=cues)
    return segment


def localised(reply: Reply, locale: str) -> Reply:
    """`reply` with the locale's emergency number and wording."""
    said = " ".join((reply.spoken_text(), reply.reprompt or "", reply.card_text))
    if not any(phrase in said for phrase, _ in _swaps(locale)):
        return reply  # most replies: nothing to change, nothing to copy
    return replace(
        reply,
        segments=tuple(_segment(s, locale) for s in reply.segments),
        reprompt=localise_text(reply.reprompt, locale) if reply.reprompt else reply.reprompt,
        card_text=localise_text(reply.card_text, locale),
    )
