"""What a screen shows with a reply: the core decides, a front end only draws it.

`screen_for` runs after every handler (in `Coach.handle`) and describes the screen in plain
data: the step being done (routine, exercise, instructions, figure, hold timing), the routine
list, or progress. The hold's start is given as seconds from the start of the reply's speech,
so a screen can count down with its own clock instead of the coach's tick counts.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from .. import events as ev
from .. import phrases_alexa as PA
from ..events import Event
from ..modes import IN_ROUTINE, Mode
from ..reply import SENTENCE_GAP_SECONDS, Reply, Say, Screen, SideSwitch, Timed, speech_seconds
from ..state import CoachState
from ..words import capitalise
from .context import Context
from .menu import wants_short
from .plan import current_exercise, included_steps
from .timeline import routine_minutes


def screen_for(ctx: Context, state: CoachState, event: Event, reply: Reply) -> Screen | None:
    if reply.screen is not None:
        return reply.screen
    mode = state.session.mode
    if event.name == ev.LIST_ROUTINES or (event.name == ev.LAUNCH and mode == Mode.MENU):
        return routines_screen(ctx, state)
    if event.name == ev.PROGRESS:
        return progress_screen(ctx, state)
    # In a routine, a question stops the countdown: the step is shown without a hold.
    if mode in IN_ROUTINE and state.session.routine_id and reply.segments:
        return step_screen(ctx, state, reply)
    return None


def routines_screen(ctx: Context, state: CoachState) -> Screen:
    items = [
        {
            "id": routine.id,
            "name": capitalise(routine.name),
            "summary": routine.summary,
            "length": PA.SCREEN_MINUTES.format(
                minutes=routine_minutes(ctx, routine.id, state.profile, wants_short(state, routine))
            ),
        }
        for routine in ctx.library.routines.values()
    ]
    return Screen("routines", {"title": PA.SCREEN_ROUTINES, "hint": PA.SCREEN_TOUCH_HINT,
                               "routines": items})  # fmt: skip


def progress_screen(ctx: Context, state: CoachState) -> Screen:
    history = state.profile.history
    now = ctx.clock()
    recent = 0
    rows: list[dict[str, str]] = []
    for entry in history:
        try:
            when = datetime.fromisoformat(entry.finished_at)
        except ValueError:
            continue
        recent += now - when <= timedelta(days=7)
        routine = ctx.library.routines.get(entry.routine_id)
        name = capitalise(routine.name) if routine else entry.routine_id
        rows.append({"routine": name, "date": when.date().isoformat()})
    summary = PA.SCREEN_SESSIONS.format(total=len(history), recent=recent)
    return Screen(
        "progress", {"title": PA.SCREEN_PROGRESS, "summary": summary, "sessions": rows[-10:][::-1]}
    )


def hold_start(reply: Reply) -> tuple[float, float]:
    """(seconds of speech before the first hold, the hold's length); (0, 0) with no hold."""
    elapsed = 0.0
    for segment in reply.segments:
        if isinstance(segment, Timed):
            if segment.kind == "hold":
                return round(elapsed, 1), segment.seconds
            elapsed += segment.seconds
        elif isinstance(segment, Say | SideSwitch):
            elapsed += speech_seconds(segment.text) + SENTENCE_GAP_SECONDS
        else:
            elapsed += segment.seconds
    return 0.0, 0.0


def step_screen(ctx: Context, state: CoachState, reply: Reply) -> Screen | None:
    session = state.session
    exercise = current_exercise(ctx, state)
    if exercise is None or session.routine_id is None:
        return None
    routine = ctx.library.routine(session.routine_id)
    steps = included_steps(routine, session.short)
    number = steps.index(session.step_index) + 1 if session.step_index in steps else 1
    start, seconds = hold_start(reply)
    instructions = [exercise.setup, *exercise.steps]
    return Screen(
        "step",
        {
            "routine": capitalise(routine.name),
            "heading": PA.SCREEN_STEP.format(number=number, total=len(steps)),
            "exercise": exercise.id,
            "title": capitalise(exercise.name),
            "instructions": [line for line in instructions if line],
            "holdStartSeconds": start,
            "holdSeconds": seconds,
            "getReady": PA.SCREEN_GET_READY,
            "release": PA.SCREEN_RELEASE,
        },
    )
