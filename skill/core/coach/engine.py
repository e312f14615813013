"""The coach: (state, event) -> (new state, Reply), by looking the event up in the table."""

from __future__ import annotations

from dataclasses import replace

from ..content import Library, default_library
from ..events import REPEAT, Event
from ..locale import localised
from ..modes import STEP_ON
from ..reply import Reply
from ..state import CoachState
from ..triage import Triage
from .context import TURN_BUDGET_SECONDS, Clock, Context, utc_now
from .table import MACHINE
from .visuals import screen_for


class Coach:
    def __init__(
        self,
        library: Library | None = None,
        clock: Clock = utc_now,
        turn_budget: float = TURN_BUDGET_SECONDS,
        triage: Triage | None = None,
    ) -> None:
        self.ctx = Context(
            library=library or default_library(),
            clock=clock,
            triage=triage or Triage.default(),
            turn_budget=turn_budget,
        )

    @property
    def library(self) -> Library:
        return self.ctx.library

    @property
    def triage(self) -> Triage:
        return self.ctx.triage

    def handle(self, state: CoachState, event: Event) -> tuple[CoachState, Reply]:
        """Apply one event. The input state is never modified."""
        state = state.clone()
        handler = MACHINE.dispatch(self.ctx, state, event)
        reply = handler(self.ctx, state, event)
        screen = screen_for(self.ctx, state, event, reply)
        reply = localised(replace(reply, screen=screen), event.locale)
        if event.name != REPEAT:
            # Inside a routine Repeat re-delivers the step, so the reply is only kept outside one.
            keep = reply.expect_reply and state.session.mode not in STEP_ON
            state.session.last_reply = reply.to_dict() if keep else None
        return state, reply
