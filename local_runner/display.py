"""What the local runner shows: plain lines, or a rich terminal view when stdout is a terminal.

The rich view shows the routine and step as a heading, the instructions, a countdown bar
during a hold, and the transcript. Plain mode (CI, --script, pipes) prints one line per thing
said, so transcripts stay readable and diffable.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Protocol, TextIO

from skill.core.reply import Reply, Timed

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


class Display(Protocol):
    def reply_started(self, reply: Reply) -> None: ...
    def coach(self, text: str) -> None: ...
    def cue(self, at: float, text: str) -> None: ...
    def user(self, text: str) -> None: ...
    def notice(self, text: str) -> None: ...
    def timed_started(self, segment: Timed) -> None: ...
    def timed_tick(self, segment: Timed, elapsed: float) -> None: ...
    def timed_ended(self, segment: Timed) -> None: ...


class PlainDisplay:
    def __init__(self, out: TextIO | None = None, echo_user: bool = False) -> None:
        self.out = out or sys.stdout
        self.echo_user = echo_user

    def _line(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def reply_started(self, reply: Reply) -> None:
        pass

    def coach(self, text: str) -> None:
        self._line(f"coach> {text}")

    def cue(self, at: float, text: str) -> None:
        self._line(f"coach>   [{at:>5.1f}s] {text}")

    def user(self, text: str) -> None:
        if self.echo_user:
            self._line(f"you> {text}")

    def notice(self, text: str) -> None:
        self._line(f"note: {text}")

    def timed_started(self, segment: Timed) -> None:
        pass

    def timed_tick(self, segment: Timed, elapsed: float) -> None:
        pass

    def timed_ended(self, segment: Timed) -> None:
        pass


class RichDisplay:
    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        self.console = Console()
        self._progress_type = Progress
        self._columns = (
            TextColumn("[bold cyan]{task.description}"),
            BarColumn(),
            TextColumn("{task.completed:>3.0f}/{task.total:.0f} s"),
            TimeRemainingColumn(),
        )
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._title = ""

    def reply_started(self, reply: Reply) -> None:
        if reply.title and reply.title != self._title:
            self._title = reply.title
            self.console.rule(f"[bold]{reply.title}")
            if reply.card_text and "\n" in reply.card_text:
                self.console.print(reply.card_text, style="dim")

    def coach(self, text: str) -> None:
        target = self._progress.console if self._progress else self.console
        target.print(f"[green]coach>[/] {text}")

    def cue(self, at: float, text: str) -> None:
        self.coach(text)

    def user(self, text: str) -> None:
        self.console.print(f"[yellow]you>[/] {text}")

    def notice(self, text: str) -> None:
        self.console.print(f"[magenta]note:[/] {text}")

    def timed_started(self, segment: Timed) -> None:
        label = {"hold": "Hold", "rest": "Rest", "reps": "Reps"}[segment.kind]
        if segment.side:
            label += f" ({segment.side})"
        self._progress = self._progress_type(*self._columns, console=self.console, transient=True)
        self._progress.start()
        self._task = self._progress.add_task(label, total=segment.seconds)

    def timed_tick(self, segment: Timed, elapsed: float) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=min(elapsed, segment.seconds))

    def timed_ended(self, segment: Timed) -> None:
        if self._progress is not None:
            self._progress.stop()
        self._progress = None
        self._task = None


def make_display(out: TextIO, *, echo_user: bool) -> Display:
    if out.isatty():
        return RichDisplay()
    return PlainDisplay(out, echo_user=echo_user)
