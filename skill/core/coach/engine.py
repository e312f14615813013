"""The coach: (state, event) -> (new state, Reply), by looking the event up in the table."""

from __future__ import annotations

from dataclasses import replace

from ..content import Library, default_library
from ..events import REPEAT, Event
from ..locale import localised
from ..modes import EXPECTED_NEXT, STEP_ON, Mode
from ..reply import Reply
from ..state import CoachState
from ..triage import Triage
from .context import TURN_BUDGET_SECONDS, Clock, Context, utc_now
from .delivery import HANDS_FREE_WAIT
from .diary import with_zone
from .table import MACHINE
from .visuals import screen_for


class Coach:
    def __init__(
        self,
        library: Library | None = None,
        clock: Clock = utc_now,
        turn_budget: float = TURN_BUDGET_SECONDS,
        triage: Triage | None = None,
        *,
        time_zone: str = "UTC",
        ask_pain: bool = False,
    ) -> None:
        self.ctx = Context(
            library=library or default_library(),
            clock=clock,
            triage=triage or Triage.default(),
            turn_budget=turn_budget,
            time_zone=time_zone,
            ask_pain=ask_pain,
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
        zone = event.time_zone or state.session.time_zone
        ctx = with_zone(self.ctx, zone)
        asked = state.session.unsure_guess
        handler = MACHINE.dispatch(ctx, state, event)
        reply = handler(ctx, state, event)
        if asked is not None and state.session.unsure_guess is asked:
            # "Sorry, was that ...?" is answered by the very next thing said: anything but a
            # yes (unsure.py) leaves the guess unacted on.
            state.session.unsure_guess = None
        if zone and ctx.time_zone == zone:
            state.session.time_zone = zone  # kept for the session's next turns
        if reply.expect_reply and not reply.aside:
            # What the user is likely to say next, from where the conversation now stands.
            reply = replace(reply, expects=EXPECTED_NEXT.get(state.session.mode, ()))
        if state.session.mode == Mode.ROUTINE and reply.expect_reply and not reply.wait_seconds:
            # Hands-free, a routine that is still running always has a way on: an answer to
            # "I don't have a ball" mid-routine must not leave the user in silence.
            reply = replace(reply, wait_seconds=HANDS_FREE_WAIT)
        screen = screen_for(ctx, state, event, reply)
        reply = localised(replace(reply, screen=screen), event.locale)
        if event.name != REPEAT:
            # Inside a routine Repeat re-delivers the step, so the reply is only kept outside one.
            keep = reply.expect_reply and state.session.mode not in STEP_ON
            state.session.last_reply = reply.to_dict() if keep else None
        return state, reply
