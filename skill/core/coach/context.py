"""What every handler of the conversation may use: content, clock, triage and the turn budget."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from ..content import Library
from ..triage import Triage

Clock = Callable[[], datetime]
# Alexa allows 240 s of speech and pauses per response; keep a margin for slow voices.
TURN_BUDGET_SECONDS = 200.0


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Context:
    library: Library
    clock: Clock
    triage: Triage
    turn_budget: float = TURN_BUDGET_SECONDS
    # IANA zone that decides the user's days and weeks (the event's zone wins when it has one).
    time_zone: str = "UTC"
    # Ask "how's your back, zero to ten?" before the day's first routine and after it.
    ask_pain: bool = False
