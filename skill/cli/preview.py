"""`stretch-coach preview-apl ROUTINE STEP`: prints the RenderDocument directive a screen device
would get for that step of that routine (STEP counts from 1), as JSON."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .common import EXIT_USAGE, fail


def register(commands: Any) -> None:
    preview = commands.add_parser("preview-apl", help="print the APL directive for a routine step")
    preview.add_argument("routine", help="routine id, e.g. lower_back")
    preview.add_argument("step", type=int, help="step number, from 1")
    preview.set_defaults(run=run)


def step_directive(routine_id: str, step: int) -> dict[str, Any]:
    """The directive for step `step` (from 1) of `routine_id`; ValueError names what is wrong."""
    from ask_sdk_core.serialize import DefaultSerializer

    from skill.alexa.apl import directive
    from skill.core import events as ev
    from skill.core.coach import Coach
    from skill.core.events import Event
    from skill.core.modes import Mode
    from skill.core.state import CoachState, Session

    coach = Coach()
    routine = coach.library.routines.get(routine_id)
    if routine is None:
        known = ", ".join(coach.library.routines)
        raise ValueError(f"no routine {routine_id!r} (known: {known})")
    if not 1 <= step <= len(routine.steps):
        raise ValueError(f"{routine_id} has steps 1 to {len(routine.steps)}, not {step}")
    session = Session(
        mode=Mode.ROUTINE, routine_id=routine_id, step_index=step - 1, started=True,
        checks_done=len(routine.checks),
    )  # fmt: skip
    _, reply = coach.handle(CoachState(session=session), Event(ev.REPEAT))
    shown = directive(reply.screen) if reply.screen is not None else None
    if shown is None:
        raise ValueError(f"step {step} of {routine_id} is not shown (left out for this profile)")
    serialised = DefaultSerializer().serialize(shown)
    assert isinstance(serialised, dict)
    return serialised


def run(args: argparse.Namespace) -> int:
    try:
        found = step_directive(args.routine, args.step)
    except ValueError as error:
        return fail(str(error), EXIT_USAGE)
    print(json.dumps(found, indent=2, ensure_ascii=False))
    return 0
