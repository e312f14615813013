"""The Reply model: structured speech that every front end renders its own way.

A Reply is a sequence of segments: plain speech (`Say`), silences (`Pause`), side switches
(`SideSwitch`) and timed activities (`Timed`: holds, repetitions and rests). A timed activity
is a timeline of cues, each spoken at an offset from its start, so the Alexa renderer turns it
into `<break>` runs and the local runner into a monotonic-clock schedule — with the same words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from .phrases import TITLE

# The coach's speaking rate: 150 words a minute of actual speech (the local speaker is set and
# checked to this; Alexa's voice is close to it). Cue timelines are planned with it.
WORDS_PER_SECOND = 2.5
SENTENCE_GAP_SECONDS = 0.5  # measured: espeak at 150 wpm plus the pause around each sentence


def speech_seconds(text: str) -> float:
    """Rough time to say `text` aloud at the coach's calm pace."""
    words = len(text.split())
    return words / WORDS_PER_SECOND if words else 0.0


@dataclass(frozen=True)
class Say:
    text: str
    style: Literal["normal", "instruction"] = "normal"  # instructions are spoken a little slower


@dataclass(frozen=True)
class Pause:
    seconds: float


@dataclass(frozen=True)
class SideSwitch:
    side: str  # "left" | "right"
    text: str


@dataclass(frozen=True)
class Cue:
    at: float  # seconds after the start of the timed activity
    text: str


@dataclass(frozen=True)
class Timed:
    """A hold, a set of repetitions or a rest: cues spoken at fixed offsets."""

    kind: Literal["hold", "reps", "rest"]
    seconds: float  # total length; the last cue is spoken at this offset
    cues: tuple[Cue, ...]
    count_every: int = 0  # holds: a count is spoken every this many seconds
    reps: int = 0
    side: str | None = None


Segment = Say | Pause | SideSwitch | Timed


@dataclass(frozen=True)
class Screen:
    """What a screen device shows with a reply: a kind ("step", "routines", "progress") and the
    plain data it needs. The core decides; a front end picks the document that draws it."""

    kind: str
    data: dict[str, Any]


@dataclass(frozen=True)
class ReminderAction:
    """A reminder the front end must make, list or cancel, then report back as an event
    (`events.REMINDER_RESULT`); "consent" asks the user for the reminders permission."""

    kind: Literal["create", "list", "cancel", "consent"]
    time: str = ""  # "HH:MM", local time of the device
    days: tuple[str, ...] = ()  # two-letter iCalendar days: ("MO", "TU", ...)
    text: str = ""  # what the reminder says when it goes off


_SEGMENT_TYPES: dict[str, type[Any]] = {
    "say": Say,
    "pause": Pause,
    "side": SideSwitch,
    "timed": Timed,
}


def _card_of(segments: tuple[Segment, ...]) -> str:
    return " ".join(s.text for s in segments if isinstance(s, Say))


@dataclass(frozen=True)
class Reply:
    segments: tuple[Segment, ...]
    expect_reply: bool = True  # keep the session open and listen
    reprompt: str | None = None
    title: str = TITLE
    card_text: str = ""
    delete_user_data: bool = False  # the front end must erase what it stores for this user
    # Events a front end may log or act on (e.g. "routine_finished", "triage_emergency").
    events: tuple[str, ...] = field(default_factory=tuple)
    # Intents the coach expects next (after a yes/no question: Yes and No); a recogniser may
    # use them as a prior. Empty: no particular expectation.
    expects: tuple[str, ...] = field(default_factory=tuple)
    # Hands-free: when nobody speaks for this many seconds after the reply, the front end sends
    # Coach.AutoAdvance (0: never move on by itself; a front end says the reprompt instead).
    wait_seconds: float = 0.0
    # An answer that changes nothing about what is being done ("how long is left?"): a front
    # end that is counting a hold may say it and carry on counting.
    aside: bool = False
    screen: Screen | None = None  # what a screen device shows (None: leave it as it is)
    reminder: ReminderAction | None = None  # a Reminders API call the front end must make

    @classmethod
    def ask(
        cls,
        segments: Iterable[Segment],
        reprompt: str,
        *,
        title: str = TITLE,
        card_text: str = "",
        events: tuple[str, ...] = (),
        expects: tuple[str, ...] = (),
        wait_seconds: float = 0.0,
        aside: bool = False,
    ) -> Reply:
        """Say `segments`, then listen; `reprompt` is said if the user says nothing."""
        said = tuple(segments)
        card = card_text or _card_of(said)
        return cls(
            said, True, reprompt, title, card, events=events, expects=expects,
            wait_seconds=wait_seconds, aside=aside,
        )  # fmt: skip

    @classmethod
    def end(cls, segments: Iterable[Segment], *, events: tuple[str, ...] = ()) -> Reply:
        """Say `segments` and end the session."""
        said = tuple(segments)
        return cls(said, False, None, TITLE, _card_of(said), events=events)

    def prefixed(self, *segments: Segment, events: tuple[str, ...] = ()) -> Reply:
        """This reply with speech put in front of it and events added; every other field kept."""
        return replace(self, segments=(*segments, *self.segments), events=(*self.events, *events))

    def spoken_text(self) -> str:
        """Every word spoken, in order, as plain text (transcripts, cards, parity checks)."""
        parts: list[str] = []
        for segment in self.segments:
            if isinstance(segment, Say | SideSwitch):
                parts.append(segment.text)
            elif isinstance(segment, Timed):
                parts.extend(cue.text for cue in segment.cues)
        return " ".join(p for p in parts if p)

    def estimated_seconds(self) -> float:
        """Estimated length of the spoken reply, pauses and timed activities included."""
        total = 0.0
        for segment in self.segments:
            if isinstance(segment, Say | SideSwitch):
                total += speech_seconds(segment.text) + SENTENCE_GAP_SECONDS
            elif isinstance(segment, Pause):
                total += segment.seconds
            else:
                last = segment.cues[-1] if segment.cues else None
                total += segment.seconds + (speech_seconds(last.text) if last else 0.0)
        return total

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (kept in session state so Repeat can say it again)."""
        segments = []
        for segment in self.segments:
            tag = next(k for k, v in _SEGMENT_TYPES.items() if isinstance(segment, v))
            data: dict[str, Any] = {"type": tag, **segment.__dict__}
            if isinstance(segment, Timed):
                data["cues"] = [[c.at, c.text] for c in segment.cues]
            segments.append(data)
        return {
            "segments": segments,
            "expect_reply": self.expect_reply,
            "reprompt": self.reprompt,
            "title": self.title,
            "card_text": self.card_text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reply:
        """Inverse of to_dict; raises ValueError/KeyError/TypeError on malformed data."""
        segments: list[Segment] = []
        for raw in data["segments"]:
            raw = dict(raw)
            kind = _SEGMENT_TYPES[raw.pop("type")]
            if kind is Timed:
                raw["cues"] = tuple(Cue(float(at), str(text)) for at, text in raw["cues"])
            segments.append(kind(**raw))
        return cls(
            segments=tuple(segments),
            expect_reply=bool(data["expect_reply"]),
            reprompt=data.get("reprompt"),
            title=str(data.get("title", TITLE)),
            card_text=str(data.get("card_text", "")),
        )
