"""The coach: a declared (mode, event) machine over pure state, one module per topic.

`Coach.handle(state, event) -> (state, Reply)` looks the event up in the table of `table.py`;
`run_turn` is the load-handle-store protocol every front end uses. Nothing here imports a
framework, and time comes from an injected clock.
"""

from .context import TURN_BUDGET_SECONDS, Context, utc_now
from .engine import Coach
from .table import MACHINE
from .turns import UNREADABLE_KEEP, UNREADABLE_KEY, Turn, handle_stored, run_turn

__all__ = [
    "MACHINE",
    "TURN_BUDGET_SECONDS",
    "UNREADABLE_KEEP",
    "UNREADABLE_KEY",
    "Coach",
    "Context",
    "Turn",
    "handle_stored",
    "run_turn",
    "utc_now",
]
