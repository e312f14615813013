"""`stretch-coach routines`: every routine with its exercises, doses and length."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: Any) -> None:
    routines = commands.add_parser("routines", help="list routines, exercises and lengths")
    routines.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from skill.core.coach import Coach
    from skill.core.coach.timeline import routine_minutes
    from skill.core.steps import dose_sentence
    from skill.core.timing import DEFAULT_HOLD

    ctx = Coach().ctx
    for routine in ctx.library.routines.values():
        minutes = routine_minutes(ctx, routine.id, short=routine.short_by_default)
        print(f"{routine.id}: {routine.name} (about {minutes} min) - {routine.summary}")
        for number, step in enumerate(routine.steps, start=1):
            exercise = step.exercise
            sides = " Each side." if exercise.sides else ""
            dose = dose_sentence(exercise, step.reps, DEFAULT_HOLD)
            print(f"  {number}. {exercise.name}: {dose}{sides}")
    return 0
