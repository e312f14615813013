"""Plain-text rendering of a Reply, for typed mode, --script transcripts and CI logs.

With a clock and a sleep function (``--realtime``) timed cues are printed at their scheduled
second, measured on a monotonic clock so the schedule does not drift; otherwise nothing waits.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from skill.core.reply import Pause, Reply, Say, SideSwitch, Timed

COACH = "coach> "


def write_reply(
    reply: Reply,
    out: TextIO,
    *,
    realtime: bool = False,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    for segment in reply.segments:
        if isinstance(segment, Say | SideSwitch):
            out.write(COACH + segment.text + "\n")
        elif isinstance(segment, Pause):
            if realtime:
                sleep(segment.seconds)
        elif isinstance(segment, Timed):
            start = clock()
            for cue in segment.cues:
                if realtime:
                    delay = start + cue.at - clock()
                    if delay > 0:
                        sleep(delay)
                out.write(f"{COACH}  [{cue.at:>5.1f}s] {cue.text}\n")
            out.flush()
    out.flush()
