"""The local session loop: typed text -> recogniser -> the same coach core the Alexa side uses.

The profile is kept through the same `UserStore` interface as the Alexa backend (an SQLite file in
the user's data directory), so a routine stopped here can be resumed here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from platformdirs import user_data_dir

from skill.core import events as ev
from skill.core.coach import Coach, run_turn
from skill.core.coach.unsure import COULD_BE, COULD_BE_INTENT, HEARD_PREFIX, SLOT_PREFIX, confirmed
from skill.core.events import Event
from skill.core.reply import Reply
from skill.core.state import CoachState
from skill.core.store import UserStore
from skill.stores.factory import store_from_env

from .recogniser import Recogniser, default_recogniser

LOCAL_USER = "local-user"


def default_store() -> UserStore:
    return store_from_env(Path(user_data_dir("back-stretch-coach", appauthor=False)))


@dataclass
class LocalSession:
    coach: Coach = field(default_factory=Coach)
    store: UserStore = field(default_factory=default_store)
    recogniser: Recogniser = field(default_factory=default_recogniser)
    user_id: str = LOCAL_USER
    state: CoachState = field(default_factory=CoachState)
    ended: bool = False
    minutes: int | None = None  # --minutes: routines started here fit in this many minutes
    expects: tuple[str, ...] = ()  # what the coach's last reply expects next (a prior)
    locale: str = ev.DEFAULT_LOCALE  # --locale: wording and the emergency number

    def start(self) -> Reply:
        return self.handle(Event(ev.LAUNCH), fresh=True)

    def parse(self, text: str) -> Event:
        """The event for a line typed or heard. Words the listener was unsure of become
        Coach.HeardUnsure (the coach asks "Sorry, was that ...?"); a yes to that question
        becomes the guess itself, so the player treats a confirmed "pause" like a clear one."""
        if getattr(text, "unsure", False):
            return self._unsure(text)
        # While "was that ...?" is open, yes and no are what the coach expects.
        expects = (ev.YES, ev.NO) if self.state.session.unsure_guess else self.expects
        return confirmed(self.state, self.recogniser.parse(text, expects=expects))

    def _unsure(self, heard: str) -> Event:
        """`heard` is a hearing.decision.Heard (duck-typed: `meant`, `doubt`, `could_be`)."""
        meant = str(getattr(heard, "meant", ""))
        guess = self.recogniser.parse(meant, expects=self.expects)
        slots = {"intent": guess.name, "words": meant}
        slots.update({SLOT_PREFIX + k: v for k, v in guess.slots.items()})
        slots.update({HEARD_PREFIX + k: v for k, v in guess.heard.items()})
        doubt = str(getattr(heard, "doubt", ""))
        if doubt:
            slots["doubt"] = doubt
        near = str(getattr(heard, "could_be", ""))
        if near:  # the safety phrase an unclear utterance comes closest to
            slots[COULD_BE] = near
            slots[COULD_BE_INTENT] = self.recogniser.parse(near).name
        return Event(ev.HEARD_UNSURE, slots)

    def say(self, text: str) -> Reply:
        return self.handle(self.parse(text))

    def handle(self, event: Event, *, fresh: bool = False) -> Reply:
        # A routine can also start on the yes to one the coach offered or asked to switch to.
        if event.name in (ev.START_ROUTINE, ev.YES) and self.minutes:
            event = replace(event, slots={**event.slots, "minutes": str(self.minutes)})
        event = replace(event, locale=self.locale)
        session = None if fresh else self.state.session_dict()
        turn = run_turn(self.coach, self.store, self.user_id, session, event)
        self.state = turn.state
        self.ended = not turn.reply.expect_reply
        if not turn.reply.aside:  # an aside keeps the question that was open
            self.expects = turn.reply.expects
        return turn.reply
