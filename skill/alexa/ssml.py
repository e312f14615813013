"""Renders a core Reply as Alexa SSML within the platform limits (DESIGN §7).

Timed activities become runs of `<break>` tags (at most 10 s each) with the cues spoken between
them; the gap before a cue is shortened by the estimated time the previous cue takes to say, so
counts land close to their scheduled second. Instructions are spoken a little slower.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from ..core.reply import Pause, Reply, Say, SideSwitch, Timed, speech_seconds

MAX_BREAK_SECONDS = 10.0
MAX_SSML_CHARS = 8000
MAX_AUDIO_SECONDS = 240.0
INSTRUCTION_RATE = "90%"
SENTENCE_BREAK = '<break time="400ms"/>'


def breaks(seconds: float) -> str:
    """Silence as `<break>` tags of at most 10 s each (Alexa rejects longer ones)."""
    out: list[str] = []
    remaining = round(seconds * 1000)
    while remaining > 0:
        chunk = min(remaining, int(MAX_BREAK_SECONDS * 1000))
        out.append(f'<break time="{chunk}ms"/>')
        remaining -= chunk
    return "".join(out)


def _timed(segment: Timed) -> str:
    out: list[str] = []
    clock = 0.0  # estimated time since the activity started
    for cue in segment.cues:
        if cue.at > clock:
            out.append(breaks(cue.at - clock))
            clock = cue.at
        out.append(escape(cue.text))
        clock += speech_seconds(cue.text)
    return " ".join(out)


def speech_body(reply: Reply) -> str:
    parts: list[str] = []
    for segment in reply.segments:
        if isinstance(segment, Say):
            text = escape(segment.text)
            if segment.style == "instruction":
                text = f'<prosody rate="{INSTRUCTION_RATE}">{text}</prosody>{SENTENCE_BREAK}'
            parts.append(text)
        elif isinstance(segment, SideSwitch):
            parts.append(escape(segment.text) + SENTENCE_BREAK)
        elif isinstance(segment, Pause):
            parts.append(breaks(segment.seconds))
        elif isinstance(segment, Timed):
            parts.append(_timed(segment))
    return " ".join(p for p in parts if p)


def to_ssml(reply: Reply) -> str:
    return f"<speak>{speech_body(reply)}</speak>"


def reprompt_ssml(reply: Reply) -> str | None:
    if not reply.expect_reply or not reply.reprompt:
        return None
    return f"<speak>{escape(reply.reprompt)}</speak>"
