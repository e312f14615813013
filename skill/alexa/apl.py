"""APL for screen devices: the core's screen description -> a RenderDocument directive.

The core decides what is shown (`Reply.screen`: kind + data); this module only picks the
document for the kind (JSON files in `documents/`) and adds the exercise figures (vector paths
kept beside the content in `skill/content/figures.json`). Nothing is sent to a device that does
not list `Alexa.Presentation.APL` in its supported interfaces. A touch on the routine list comes
back as `Alexa.Presentation.APL.UserEvent` and becomes the same core Event as the spoken choice.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.interfaces.alexa.presentation.apl.render_document_directive import (
    RenderDocumentDirective,
)

from ..core import events as ev
from ..core.content import default_library
from ..core.events import Event
from ..core.reply import Screen

USER_EVENT = "Alexa.Presentation.APL.UserEvent"
SELECT_ROUTINE = "selectRoutine"
DOCUMENTS = ("step", "routines", "progress")
DATASOURCE = "coach"


@cache
def document(kind: str) -> dict[str, Any]:
    text = resources.files("skill.alexa").joinpath("documents", f"{kind}.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def figures() -> dict[str, Any]:
    text = resources.files("skill.content").joinpath("figures.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def figure(exercise_id: str) -> dict[str, Any]:
    """The exercise's start and end poses as path data ({"start": {...}, "end": {...}})."""
    data = figures()
    ends = data["exercises"][exercise_id]
    return {end: data["poses"][ends[end]] for end in ("start", "end")}


def supports_apl(handler_input: HandlerInput) -> bool:
    system = getattr(handler_input.request_envelope.context, "system", None)
    interfaces = getattr(getattr(system, "device", None), "supported_interfaces", None)
    return getattr(interfaces, "alexa_presentation_apl", None) is not None


def datasource(screen: Screen) -> dict[str, Any]:
    data = dict(screen.data)
    if screen.kind == "step":
        data.update(figure(str(data["exercise"])))
    return {DATASOURCE: data}


def directive(screen: Screen) -> RenderDocumentDirective | None:
    """The RenderDocument directive that draws `screen` (None for a kind we have no document)."""
    if screen.kind not in DOCUMENTS:
        return None
    return RenderDocumentDirective(
        token=screen.kind, document=document(screen.kind), datasources=datasource(screen)
    )


def event_from_user_event(request: Any) -> Event:
    """A touch: "selectRoutine" + routine id -> the Event saying its name would have made."""
    arguments = list(getattr(request, "arguments", None) or [])
    if len(arguments) == 2 and arguments[0] == SELECT_ROUTINE:
        routine = default_library().routines.get(str(arguments[1]))
        if routine is not None:
            return Event(ev.START_ROUTINE, {"routine": routine.id}, {"routine": routine.name})
    return Event(ev.FALLBACK)
