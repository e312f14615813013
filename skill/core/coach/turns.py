"""One turn, the same for every front end: load what is stored, handle the event, store.

`handle_stored` recovers from unreadable state (a corrupt session is replaced and the user
hears we lost our place; a corrupt profile is replaced and kept aside, never dropped), and
`run_turn` does the whole read-modify-write through a `UserStore`, so the Alexa handler, the
Lambda and the local runner share one protocol and one set of rules about what is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import phrases as P
from ..events import LAUNCH, SESSION_ENDED, Event
from ..reply import Reply, Say
from ..state import CoachState, Profile, Session, StateError, parse_profile, parse_session
from ..store import UserStore
from .engine import Coach

# Stored profiles that could not be read are kept here inside the stored profile, never dropped.
UNREADABLE_KEY = "_unreadable_profiles"
UNREADABLE_KEEP = 3


@dataclass
class Turn:
    """The outcome of one event applied to stored state."""

    state: CoachState
    reply: Reply
    kept_aside: list[Any] = field(default_factory=list)  # unreadable profiles, oldest first

    def stored_profile(self) -> dict[str, Any] | None:
        """What the front end must store for this user now (None: delete everything)."""
        if self.reply.delete_user_data:
            return None
        profile = self.state.profile_dict()
        if self.kept_aside:
            profile[UNREADABLE_KEY] = self.kept_aside[-UNREADABLE_KEEP:]
        return profile


def handle_stored(
    coach: Coach, profile: dict[str, Any] | None, session: dict[str, Any] | None, event: Event
) -> Turn:
    """Apply one event to state as it was stored, recovering from anything unreadable."""
    profile = dict(profile or {})
    kept_aside = profile.pop(UNREADABLE_KEY, [])
    if not isinstance(kept_aside, list):
        kept_aside = [kept_aside]
    try:
        parsed_profile = parse_profile(profile) if profile else Profile()
    except StateError:
        kept_aside = [*kept_aside, profile]
        parsed_profile = Profile()
    lost_place = False
    try:
        parsed_session = parse_session(session) if session else Session()
        if parsed_session.routine_id and parsed_session.routine_id not in coach.library.routines:
            raise StateError("session: unknown routine")
    except StateError:
        parsed_session, lost_place = Session(), True
    state, reply = coach.handle(CoachState(parsed_profile, parsed_session), event)
    if lost_place and event.name not in (LAUNCH, SESSION_ENDED):
        reply = reply.prefixed(Say(P.LOST_PLACE), events=("session_recovered",))
    return Turn(state, reply, kept_aside)


def run_turn(
    coach: Coach,
    store: UserStore,
    user_id: str,
    session: dict[str, Any] | None,
    event: Event,
) -> Turn:
    """Load the user's profile, apply `event`, and store (or erase) the result as one unit."""
    outcome: list[Turn] = []

    def change(stored: dict[str, Any] | None) -> dict[str, Any] | None:
        outcome[:] = [handle_stored(coach, stored, session, event)]
        return outcome[0].stored_profile()

    store.update(user_id, change)
    return outcome[0]
