"""Test doubles for the local runner: scripted input arriving at chosen virtual seconds."""

from __future__ import annotations

from local_runner.player import VirtualClock


class ScriptedInbox:
    """Delivers (at_second, text) lines on a virtual clock; waiting advances the clock."""

    def __init__(self, clock: VirtualClock, lines: list[tuple[float, str]]) -> None:
        self.clock = clock
        self.lines = sorted(lines)
        self.closed = False

    def get(self, timeout: float) -> str | None:
        if self.lines and self.lines[0][0] <= self.clock() + timeout:
            at, text = self.lines.pop(0)
            self.clock.advance(at - self.clock())
            return text
        self.clock.advance(timeout)
        if not self.lines:
            self.closed = True
        return None
