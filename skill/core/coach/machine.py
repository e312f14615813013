"""The conversation as data: a (mode, event) -> handler table, checked when it is built.

Each row names an event, the handler it gets by default, and the modes where it gets another.
A mode may set its own default (while the red-flag screen runs, most events just re-ask the
question); rows marked `everywhere` keep their default even there. Guards come before the
table: in the modes they name, they may claim an event (an utterance that names a symptom is
triaged first, whatever intent it was heard as). Handlers declare the modes
they may move the conversation into, so the builder can check that every mode is reachable,
and a test checks that no handler moves anywhere it did not declare. `describe()` prints the
table (the README's copy is generated from it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from ..events import Event
from ..modes import MODES, Mode
from ..reply import Reply
from ..state import CoachState
from .context import Context

HandlerFn = Callable[[Context, CoachState, Event], Reply]


class MachineError(ValueError):
    """The declared machine is inconsistent (found when it is built, not mid-conversation)."""


@dataclass(frozen=True)
class Handler:
    """A function answering one event, with the modes it may move the conversation into."""

    fn: HandlerFn
    enters: frozenset[Mode]

    @property
    def name(self) -> str:
        return self.fn.__name__

    def __call__(self, ctx: Context, state: CoachState, event: Event) -> Reply:
        return self.fn(ctx, state, event)


def handles(*enters: Mode) -> Callable[[HandlerFn], Handler]:
    """Declare a handler and the modes it may enter (besides staying where it is)."""
    return lambda fn: Handler(fn, frozenset(enters))


@dataclass(frozen=True)
class Row:
    default: Handler
    modes: Mapping[Mode, Handler] = field(default_factory=dict)
    everywhere: bool = False  # the default applies even in modes with a default of their own


GuardFn = Callable[[Context, CoachState, Event], Handler | None]


@dataclass(frozen=True)
class Guard:
    """Checked before the table: claims an event for one of its handlers, or lets it pass."""

    description: str
    modes: frozenset[Mode]
    check: GuardFn
    handlers: tuple[Handler, ...]  # every handler `check` may return


@dataclass(frozen=True)
class Machine:
    rows: Mapping[str, Row]
    mode_defaults: Mapping[Mode, Handler]
    unknown: Handler  # events no row names (the front end sent something we don't know)
    guards: tuple[Guard, ...] = ()
    start: Mode = Mode.MENU

    def __post_init__(self) -> None:
        for event, row in self.rows.items():
            strays = set(row.modes) - set(MODES)
            if strays:
                raise MachineError(f"{event}: unknown modes {sorted(strays)}")
        entered = {self.start}
        for handler in self.handlers():
            entered |= handler.enters
        unreachable = set(MODES) - entered
        if unreachable:
            raise MachineError(f"no handler enters {sorted(unreachable)}")

    def dispatch(self, ctx: Context, state: CoachState, event: Event) -> Handler:
        """The handler for `event` in the state's mode: a guard's, else the table's."""
        mode = state.session.mode
        for guard in self.guards:
            if mode in guard.modes:
                claimed = guard.check(ctx, state, event)
                if claimed is not None:
                    return claimed
        return self.handler(mode, event.name)

    def handler(self, mode: Mode, event: str) -> Handler:
        row = self.rows.get(event)
        if row is None:
            return self.unknown
        if mode in row.modes:
            return row.modes[mode]
        if not row.everywhere and mode in self.mode_defaults:
            return self.mode_defaults[mode]
        return row.default

    def handlers(self) -> Iterable[Handler]:
        yield self.unknown
        for guard in self.guards:
            yield from guard.handlers
        yield from self.mode_defaults.values()
        for row in self.rows.values():
            yield row.default
            yield from row.modes.values()

    def describe(self) -> str:
        """The table as Markdown: one row per event, one column per mode."""
        header = "| event | " + " | ".join(MODES) + " |"
        lines = [header, "|" + "---|" * (len(MODES) + 1)]
        for event in self.rows:
            cells = [self.handler(mode, event).name for mode in MODES]
            lines.append(f"| {event} | " + " | ".join(cells) + " |")
        notes = [
            f"- Before the table, in {', '.join(sorted(g.modes))}: {g.description} "
            f"({', '.join(h.name for h in g.handlers)})."
            for g in self.guards
        ]
        return "\n".join([*notes, "", *lines] if notes else lines)
