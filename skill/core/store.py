"""Where a user's profile is kept between sessions: the one interface every front end uses.

The implementations live in `skill.stores` (SQLite by default, DynamoDB, memory), chosen by
`skill.stores.factory.store_from_env()`. The core only knows this interface.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

# Where profiles are kept, for every front end (overrides each one's default folder).
DATA_DIR_ENV = "STRETCH_COACH_DATA_DIR"


# Given the stored profile (None: nothing stored), returns what to store (None: delete it all).
Change = Callable[[dict[str, Any] | None], dict[str, Any] | None]


class UserStore(Protocol):
    def load(self, user_id: str) -> dict[str, Any] | None: ...
    def save(self, user_id: str, data: dict[str, Any]) -> None: ...
    def delete(self, user_id: str) -> None:
        """Remove everything kept about the user, set-aside copies of damaged data included."""

    def update(self, user_id: str, change: Change) -> None:
        """Read, change and write one user's profile as one unit (no lost updates).

        `change` may be called more than once (a store that detects a conflicting write runs
        it again on the fresh value), so it must do nothing but compute its result. A stored
        profile that cannot be read is set aside by the store and `change` gets None.
        """
