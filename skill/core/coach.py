"""The coach: a pure state machine, (state, event) -> (new state, Reply).

Every front end (Alexa handlers, the local runner) translates its input into an `Event`, calls
`Coach.handle`, stores the new state and renders the Reply. Nothing here imports a framework,
and time comes from an injected clock, so the whole conversation is testable without waiting.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from . import events as ev
from . import phrases as P
from .content import EQUIPMENT, Exercise, Library, Routine, default_library
from .events import Event
from .reply import Reply, Say, Segment
from .state import (
    CoachState,
    HistoryEntry,
    Profile,
    ResumePoint,
    Session,
    StateError,
    parse_profile,
    parse_session,
)
from .steps import instruction_segments, routine_seconds, side_groups
from .timing import MAX_HOLD, MIN_HOLD, clamp_hold
from .triage import Triage
from .words import capitalise, join_words, number_words

# Alexa allows 240 s of speech and pauses per response; keep a margin for slow voices.
TURN_BUDGET_SECONDS = 200.0
HISTORY_LIMIT = 500

Clock = Callable[[], datetime]
Handler = Callable[[CoachState, Event], Reply]
# While the red-flag screen is running, only these events leave it or act on it; anything
# else re-asks the current question.
_SCREEN_EVENTS = frozenset(
    {ev.YES, ev.NO, ev.STOP, ev.CANCEL, ev.NAVIGATE_HOME, ev.REPEAT, ev.HELP, ev.LAUNCH,
     ev.SESSION_ENDED, ev.RED_FLAG, ev.FALLBACK}
)  # fmt: skip


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


def prefixed(reply: Reply, *segments: Segment, events: tuple[str, ...] = ()) -> Reply:
    """`reply` with speech put in front of it and events added; every other field kept."""
    return replace(reply, segments=(*segments, *reply.segments), events=(*reply.events, *events))


def utc_now() -> datetime:
    return datetime.now(UTC)


class Coach:
    def __init__(
        self,
        library: Library | None = None,
        clock: Clock = utc_now,
        turn_budget: float = TURN_BUDGET_SECONDS,
        triage: Triage | None = None,
    ) -> None:
        self.library = library or default_library()
        self.clock = clock
        self.turn_budget = turn_budget
        self.triage = triage or Triage.default()
        self._handlers: dict[str, Handler] = {
            ev.LAUNCH: self._launch,
            ev.SESSION_ENDED: self._session_ended,
            ev.START_ROUTINE: self._start_routine_intent,
            ev.LIST_ROUTINES: self._list_routines,
            ev.RED_FLAG: self._red_flag,
            ev.FEELING: self._feeling,
            ev.EXPLAIN_EXERCISE: self._explain,
            ev.SKIP: self._skip,
            ev.HOLD_TIME: self._hold_time,
            ev.PROGRESS: self._progress,
            ev.SET_REMINDER: self._set_reminder,
            ev.DELETE_DATA: self._delete_data,
            ev.NO_EQUIPMENT: self._no_equipment,
            ev.HAVE_EQUIPMENT: self._have_equipment,
            ev.HELP: self._help,
            ev.STOP: self._stop,
            ev.CANCEL: self._stop,
            ev.NAVIGATE_HOME: self._stop,
            ev.FALLBACK: self._fallback,
            ev.NEXT: self._next,
            ev.PREVIOUS: self._previous,
            ev.REPEAT: self._repeat,
            ev.START_OVER: self._start_over,
            ev.PAUSE: self._pause,
            ev.RESUME: self._resume,
            ev.YES: self._yes,
            ev.NO: self._no,
        }

    # ----------------------------------------------------------------- entry point

    def handle_stored(
        self, profile: dict[str, Any] | None, session: dict[str, Any] | None, event: Event
    ) -> Turn:
        """Apply one event to state as it was stored; unreadable state is recovered from.

        A corrupt session is replaced by a fresh one and the user hears that we lost our place;
        a corrupt profile is replaced by a fresh one and handed back for safe keeping.
        """
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
            if parsed_session.routine_id and parsed_session.routine_id not in self.library.routines:
                raise StateError("session: unknown routine")
        except StateError:
            parsed_session, lost_place = Session(), True
        state, reply = self.handle(CoachState(parsed_profile, parsed_session), event)
        if lost_place and event.name not in (ev.LAUNCH, ev.SESSION_ENDED):
            reply = prefixed(reply, Say(P.LOST_PLACE), events=("session_recovered",))
        return Turn(state, reply, kept_aside)

    def handle(self, state: CoachState, event: Event) -> tuple[CoachState, Reply]:
        """Apply one event. The input state is never modified."""
        state = state.clone()
        handler = self._handlers.get(event.name, self._fallback)
        if state.session.mode == "screen" and event.name not in _SCREEN_EVENTS:
            handler = self._fallback
        reply = handler(state, event)
        if event.name != ev.REPEAT:
            # Inside a routine Repeat re-delivers the step, so the reply is only kept outside one.
            keep = reply.expect_reply and state.session.mode not in ("routine", "paused")
            state.session.last_reply = reply.to_dict() if keep else None
        return state, reply

    # ----------------------------------------------------------------- reply helpers

    def _ask(
        self,
        segments: list[Segment],
        reprompt: str,
        *,
        title: str = P.TITLE,
        card_text: str = "",
        events: tuple[str, ...] = (),
    ) -> Reply:
        card = card_text or " ".join(s.text for s in segments if isinstance(s, Say))
        return Reply(tuple(segments), True, reprompt, title, card, events=events)

    def _end(self, segments: list[Segment], *, events: tuple[str, ...] = ()) -> Reply:
        card = " ".join(s.text for s in segments if isinstance(s, Say))
        return Reply(tuple(segments), False, None, P.TITLE, card, events=events)

    def _prompt_for_mode(self, state: CoachState) -> str:
        """What the user can say right now (used for reprompts and after side answers)."""
        session = state.session
        if session.mode == "routine":
            if self._sides_left(state):
                return P.SAY_NEXT_SIDE
            return P.SAY_NEXT
        if session.mode == "paused":
            return P.PAUSED_REPROMPT
        if session.mode == "offer_resume":
            return P.OFFER_RESUME_REPROMPT
        if session.mode == "offer_gentler" and session.pending_exercise:
            name = self.library.exercise(session.pending_exercise).name
            return P.OFFER_GENTLER_REPROMPT.format(name=name)
        if session.mode == "confirm_delete":
            return P.CONFIRM_DELETE_REPROMPT
        if session.mode == "screen":
            return self.triage.screen_question(session.screen_index).text
        return P.MENU_REPROMPT

    # ----------------------------------------------------------------- launch and session

    def _launch(self, state: CoachState, event: Event) -> Reply:
        profile = state.profile
        segments: list[Segment] = []
        if not profile.disclaimer_heard:
            segments.append(Say(P.DISCLAIMER))
            profile.disclaimer_heard = True
        state.session = Session()
        resume = self._valid_resume(state)
        if resume is not None:
            routine, exercise = resume
            state.session.mode = "offer_resume"
            segments.append(
                Say(P.WELCOME_RESUME.format(routine=routine.name, exercise=exercise.name))
            )
            return self._ask(segments, P.OFFER_RESUME_REPROMPT)
        if profile.history or profile.seen_exercises:
            segments.append(Say(P.WELCOME_BACK))
        else:
            segments.append(Say(P.WELCOME_FIRST))
            segments.append(Say(self._routine_names_sentence()))
            segments.append(Say(P.WHICH_ROUTINE_EXAMPLE))
        return self._ask(segments, P.MENU_REPROMPT)

    def _session_ended(self, state: CoachState, event: Event) -> Reply:
        state.session = Session()
        return Reply((), expect_reply=False)

    def _valid_resume(self, state: CoachState) -> tuple[Routine, Exercise] | None:
        point = state.profile.resume
        if point is None:
            return None
        routine = self.library.routines.get(point.routine_id)
        if routine is None or point.step_index >= len(routine.steps):
            state.profile.resume = None
            return None
        return routine, routine.steps[point.step_index].exercise

    # ----------------------------------------------------------------- routines

    def _routine_names_sentence(self) -> str:
        names = [r.name for r in self.library.routines.values()]
        return P.ROUTINE_NAMES.format(count=number_words(len(names)), names=join_words(names))

    def _list_routines(self, state: CoachState, event: Event) -> Reply:
        segments: list[Segment] = [
            Say(P.ROUTINES_INTRO.format(count=number_words(len(self.library.routines))))
        ]
        for routine in self.library.routines.values():
            minutes = round(routine_seconds(routine, state.profile.hold_seconds) / 60)
            segments.append(
                Say(
                    P.ROUTINE_LINE.format(
                        name=capitalise(routine.name),
                        summary=routine.summary,
                        minutes=number_words(max(1, minutes)),
                    )
                )
            )
        in_routine = state.session.mode in ("routine", "paused")
        segments.append(Say(P.LIST_CARRY_ON if in_routine else P.WHICH_ROUTINE))
        return self._ask(segments, self._prompt_for_mode(state) if in_routine else P.MENU_REPROMPT)

    def _start_routine_intent(self, state: CoachState, event: Event) -> Reply:
        routine_id = event.slot("routine")
        if routine_id is None or routine_id not in self.library.routines:
            heard = event.heard_words("routine")
            first = P.UNKNOWN_ROUTINE.format(heard=heard) if heard else P.WHICH_ROUTINE_Q
            return self._ask([Say(first), Say(self._routine_names_sentence())], P.MENU_REPROMPT)
        return self._start_routine(state, routine_id, step_index=0)

    def _start_routine(
        self, state: CoachState, routine_id: str, *, step_index: int, resuming: bool = False
    ) -> Reply:
        routine = self.library.routine(routine_id)
        state.session = Session(mode="routine", routine_id=routine_id, step_index=step_index)
        segments: list[Segment] = []
        if resuming:
            segments.append(
                Say(P.RESUMING.format(routine=routine.name, number=number_words(step_index + 1)))
            )
        else:
            minutes = round(routine_seconds(routine, state.profile.hold_seconds) / 60)
            segments.append(
                Say(
                    P.ROUTINE_START.format(
                        routine=routine.name, minutes=number_words(max(1, minutes))
                    )
                )
            )
            segments.append(Say(routine.intro))
        needed = [item for item in routine.equipment if item not in state.profile.missing_equipment]
        if needed and not resuming:
            names = [EQUIPMENT[item] for item in needed]
            segments.append(Say(P.EQUIPMENT_NOTE.format(items=join_words(names), example=names[0])))
        return self._deliver(state, segments)

    def _current(self, state: CoachState) -> tuple[Exercise, int] | None:
        """The exercise being done now (after substitutions) and its reps, if any."""
        session = state.session
        if session.routine_id is None:
            return None
        if session.inserted_exercise:
            exercise = self.library.exercise(session.inserted_exercise)
            return exercise, exercise.reps
        routine = self.library.routine(session.routine_id)
        if session.step_index >= len(routine.steps):
            return None
        step = routine.steps[session.step_index]
        usable, _ = self._usable(step.exercise, state, routine)
        if usable is None:
            return None
        return usable, step.reps if usable is step.exercise else usable.reps

    def _sides_left(self, state: CoachState) -> bool:
        current = self._current(state)
        if current is None:
            return False
        return state.session.next_side < (2 if current[0].sides else 1)

    def _usable(
        self, exercise: Exercise, state: CoachState, routine: Routine
    ) -> tuple[Exercise | None, str | None]:
        """Swap or drop an exercise the user can't or shouldn't do; returns (exercise, note)."""
        reason = self._unusable_reason(exercise, state)
        if reason is None:
            return exercise, None
        in_routine = {step.exercise.id for step in routine.steps}
        gentler_id = exercise.gentler
        if gentler_id and gentler_id != exercise.id and gentler_id not in in_routine:
            gentler = self.library.exercise(gentler_id)
            if self._unusable_reason(gentler, state) is None:
                return gentler, P.SWAP_NOTE.format(
                    reason=reason, name=exercise.name, other=gentler.name
                )
        return None, P.LEAVE_OUT_NOTE.format(name=exercise.name, reason=reason)

    @staticmethod
    def _unusable_reason(exercise: Exercise, state: CoachState) -> str | None:
        if exercise.id in state.profile.avoided_exercises:
            return P.REASON_WORSE
        missing = [e for e in exercise.equipment if e in state.profile.missing_equipment]
        if missing:
            return P.REASON_NO_EQUIPMENT.format(item=EQUIPMENT[missing[0]])
        return None

    def _deliver(
        self,
        state: CoachState,
        prefix: list[Segment],
        *,
        from_side: int = 0,
        full: bool | None = None,
    ) -> Reply:
        """Speak the current step (from `from_side`), as many sides as fit in one turn."""
        session = state.session
        assert session.routine_id is not None
        routine = self.library.routine(session.routine_id)
        segments = list(prefix)
        while True:
            if session.inserted_exercise:
                exercise = self.library.exercise(session.inserted_exercise)
                reps = exercise.reps
                heading = P.GENTLER_HEADING.format(name=exercise.name)
                break
            if session.step_index >= len(routine.steps):
                return self._finish(state, segments)
            step = routine.steps[session.step_index]
            usable, note = self._usable(step.exercise, state, routine)
            if note:
                segments.append(Say(note))
            if usable is None:
                session.step_index += 1
                from_side = 0
                continue
            exercise = usable
            reps = step.reps if usable is step.exercise else usable.reps
            heading = P.STEP_HEADING.format(
                number=number_words(session.step_index + 1),
                total=number_words(len(routine.steps)),
                name=exercise.name,
            )
            break

        if full is None:
            full = exercise.id not in state.profile.seen_exercises
        groups = side_groups(exercise, reps, state.profile.hold_seconds)
        from_side = min(from_side, len(groups) - 1)
        if from_side == 0:
            segments.append(Say(heading))
            segments += instruction_segments(exercise, full=full)
        else:
            segments.append(Say(P.CONTINUE_HEADING.format(name=exercise.name)))

        next_side = from_side
        for group in groups[from_side:]:
            candidate = Reply(tuple(segments + group))
            if next_side > from_side and candidate.estimated_seconds() > self.turn_budget:
                break
            segments += group
            next_side += 1

        session.mode = "routine"
        session.delivered_from_side = from_side
        session.next_side = next_side
        if exercise.id not in state.profile.seen_exercises:
            state.profile.seen_exercises.append(exercise.id)
        state.profile.resume = ResumePoint(routine.id, session.step_index)

        if next_side < len(groups):
            closing, reprompt = P.SAY_NEXT_SIDE, P.SAY_NEXT_SIDE
        elif session.step_index == len(routine.steps) - 1 and not session.inserted_exercise:
            closing, reprompt = P.HOW_DID_IT_FEEL_LAST, P.SAY_NEXT_FINISH
        else:
            closing, reprompt = P.HOW_DID_IT_FEEL, P.SAY_NEXT
        segments.append(Say(closing))
        title = f"{capitalise(routine.name)}: {session.step_index + 1} of {len(routine.steps)}"
        card = f"{capitalise(exercise.name)}\n" + "\n".join(
            f"{i}. {text}" for i, text in enumerate((exercise.setup, *exercise.steps), start=1)
        )
        return self._ask(
            segments, reprompt, title=title, card_text=card, events=("step_delivered",)
        )

    def _finish(self, state: CoachState, segments: list[Segment]) -> Reply:
        session = state.session
        assert session.routine_id is not None
        routine = self.library.routine(session.routine_id)
        state.profile.resume = None
        state.profile.history.append(HistoryEntry(routine.id, self.clock().isoformat()))
        del state.profile.history[:-HISTORY_LIMIT]
        state.session = Session()
        segments += [
            Say(P.FINISHED.format(routine=routine.name)),
            Say(routine.wrap_up),
            Say(P.SEE_A_CLINICIAN),
            Say(P.AFTER_FINISH),
        ]
        return self._ask(segments, P.MENU_REPROMPT, events=("routine_finished",))

    def _advance(self, state: CoachState, prefix: Sequence[Segment]) -> Reply:
        session = state.session
        if session.inserted_exercise:
            session.inserted_exercise = None
        session.step_index += 1
        return self._deliver(state, list(prefix))

    def _no_routine(self, state: CoachState, event: Event) -> Reply:
        if self._valid_resume(state) is not None:
            state.session.mode = "offer_resume"
            return self._ask([Say(P.NOTHING_RUNNING_RESUME)], P.OFFER_RESUME_REPROMPT)
        return self._ask([Say(P.NOTHING_RUNNING)], P.MENU_REPROMPT)

    # ----------------------------------------------------------------- navigation

    def _next(self, state: CoachState, event: Event) -> Reply:
        session = state.session
        if session.mode in ("offer_resume",):
            return self._resume(state, event)
        if session.mode == "offer_gentler":
            session.mode = "routine"
            session.pending_exercise = None
            return self._advance(state, [Say(P.MOVING_ON)])
        if session.mode == "paused":
            return self._resume(state, event)
        if session.mode != "routine":
            return self._no_routine(state, event)
        if self._sides_left(state):
            return self._deliver(state, [], from_side=session.next_side)
        return self._advance(state, [])

    def _skip(self, state: CoachState, event: Event) -> Reply:
        session = state.session
        if session.mode not in ("routine", "paused", "offer_gentler"):
            return self._no_routine(state, event)
        current = self._current(state)
        session.mode = "routine"
        session.pending_exercise = None
        prefix = [Say(P.SKIPPING.format(name=current[0].name))] if current else []
        return self._advance(state, prefix)

    def _previous(self, state: CoachState, event: Event) -> Reply:
        session = state.session
        if session.mode not in ("routine", "paused", "offer_gentler"):
            return self._no_routine(state, event)
        session.pending_exercise = None
        if session.inserted_exercise:
            session.inserted_exercise = None
            return self._deliver(state, [Say(P.BACK_TO_ROUTINE)])
        if session.step_index == 0:
            return self._deliver(state, [Say(P.ALREADY_FIRST)])
        session.step_index -= 1
        return self._deliver(state, [Say(P.GOING_BACK)])

    def _repeat(self, state: CoachState, event: Event) -> Reply:
        session = state.session
        if session.mode == "routine" and self._current(state) is not None:
            return self._deliver(state, [], from_side=session.delivered_from_side, full=True)
        if session.last_reply:
            try:
                return Reply.from_dict(session.last_reply)
            except (KeyError, TypeError, ValueError):
                session.last_reply = None
        return self._help(state, event)

    def _start_over(self, state: CoachState, event: Event) -> Reply:
        session = state.session
        routine_id = session.routine_id
        if routine_id is None and state.profile.resume and self._valid_resume(state):
            routine_id = state.profile.resume.routine_id
        if routine_id is None:
            return self._ask([Say(P.NOTHING_TO_START_OVER), Say(P.WHICH_ROUTINE)], P.MENU_REPROMPT)
        return prefixed(self._start_routine(state, routine_id, step_index=0), Say(P.STARTING_OVER))

    def _pause(self, state: CoachState, event: Event) -> Reply:
        if state.session.mode not in ("routine", "paused"):
            return self._ask([Say(P.NOTHING_TO_PAUSE)], self._prompt_for_mode(state))
        state.session.mode = "paused"
        return self._ask([Say(P.PAUSED)], P.PAUSED_REPROMPT)

    def _resume(self, state: CoachState, event: Event) -> Reply:
        session = state.session
        if session.mode == "paused":
            session.mode = "routine"
            return self._deliver(state, [Say(P.PICKING_UP)], from_side=session.delivered_from_side)
        if session.mode == "routine":
            return self._next(state, event)
        resume = self._valid_resume(state)
        if resume is not None and state.profile.resume is not None:
            return self._start_routine(
                state,
                state.profile.resume.routine_id,
                step_index=state.profile.resume.step_index,
                resuming=True,
            )
        return self._ask([Say(P.NOTHING_TO_RESUME), Say(P.WHICH_ROUTINE)], P.MENU_REPROMPT)

    def _stop(self, state: CoachState, event: Event) -> Reply:
        session = state.session
        segments: list[Segment] = []
        if session.mode in ("routine", "paused", "offer_gentler") and state.profile.resume:
            current = self._current(state)
            name = current[0].name if current else "the next exercise"
            segments.append(Say(P.STOPPED_MID_ROUTINE.format(name=name)))
        elif session.mode == "screen":
            segments.append(Say(self.triage.screen_stopped))
        segments.append(Say(P.GOODBYE))
        state.session = Session()
        return self._end(segments)

    # ----------------------------------------------------------------- help and fallback

    def _help(self, state: CoachState, event: Event) -> Reply:
        session = state.session
        if session.mode in ("routine", "paused") and session.routine_id:
            current = self._current(state)
            routine = self.library.routine(session.routine_id)
            where = P.HELP_WHERE.format(
                routine=routine.name, exercise=current[0].name if current else "the last step"
            )
            text = P.HELP_PAUSED if session.mode == "paused" else P.HELP_ROUTINE
            return self._ask([Say(where), Say(text)], self._prompt_for_mode(state))
        if session.mode in ("offer_resume", "offer_gentler", "confirm_delete", "screen"):
            prompt = self._prompt_for_mode(state)
            return self._ask([Say(P.HELP_QUESTION), Say(prompt)], prompt)
        return self._ask([Say(P.HELP_MENU), Say(self._routine_names_sentence())], P.MENU_REPROMPT)

    def _fallback(self, state: CoachState, event: Event) -> Reply:
        prompt = self._prompt_for_mode(state)
        return self._ask([Say(P.DIDNT_CATCH), Say(prompt)], prompt)

    # ----------------------------------------------------------------- yes / no

    def _yes(self, state: CoachState, event: Event) -> Reply:
        session = state.session
        if session.mode == "offer_resume":
            return self._resume(state, event)
        if session.mode == "offer_gentler" and session.pending_exercise:
            session.inserted_exercise = session.pending_exercise
            session.pending_exercise = None
            session.mode = "routine"
            return self._deliver(state, [])
        if session.mode == "confirm_delete":
            state.profile = Profile()
            state.session = Session()
            reply = self._end([Say(P.DATA_DELETED)], events=("user_data_deleted",))
            return replace(reply, delete_user_data=True)
        if session.mode == "screen":
            return self._screen_answer(state, yes=True)
        return self._fallback(state, event)

    def _no(self, state: CoachState, event: Event) -> Reply:
        session = state.session
        if session.mode == "offer_resume":
            state.profile.resume = None
            session.mode = "menu"
            return self._ask(
                [Say(P.NO_RESUME), Say(self._routine_names_sentence())], P.MENU_REPROMPT
            )
        if session.mode == "offer_gentler":
            session.mode = "routine"
            session.pending_exercise = None
            return self._advance(state, [Say(P.MOVING_ON)])
        if session.mode == "confirm_delete":
            session.mode = "menu"
            return self._ask([Say(P.DATA_KEPT)], P.MENU_REPROMPT)
        if session.mode == "screen":
            return self._screen_answer(state, yes=False)
        return self._fallback(state, event)

    # ----------------------------------------------------------------- feelings and holds

    def _feeling(self, state: CoachState, event: Event) -> Reply:
        feeling = event.slot("feeling")
        session = state.session
        if feeling not in ("better", "same", "worse"):
            return self._ask([Say(P.FEELING_WHICH)], P.FEELING_WHICH)
        if session.mode != "routine":
            text = {"better": P.FEELING_BETTER_IDLE, "same": P.FEELING_SAME_IDLE}.get(
                feeling, P.FEELING_WORSE_IDLE
            )
            return self._ask([Say(text)], self._prompt_for_mode(state))
        if feeling == "better":
            return self._advance(state, [Say(P.FEELING_BETTER)])
        if feeling == "same":
            return self._advance(state, [Say(P.FEELING_SAME)])
        return self._stop_exercise_worse(state, [])

    def _stop_exercise_worse(self, state: CoachState, prefix: list[Segment]) -> Reply:
        """The current exercise made things worse: stop it, remember, offer something gentler."""
        current = self._current(state)
        session = state.session
        if current is None:
            return self._advance(state, prefix)
        exercise = current[0]
        if exercise.id not in state.profile.avoided_exercises:
            state.profile.avoided_exercises.append(exercise.id)
        segments = [*prefix, Say(P.WORSE_STOP.format(name=exercise.name))]
        gentler = self.library.exercise(exercise.gentler) if exercise.gentler else None
        routine = self.library.routine(session.routine_id) if session.routine_id else None
        in_routine = {step.exercise.id for step in routine.steps} if routine else set()
        if (
            gentler is not None
            and gentler.id != exercise.id
            and gentler.id not in in_routine  # it comes up in this routine anyway
            and self._unusable_reason(gentler, state) is None
        ):
            session.mode = "offer_gentler"
            session.pending_exercise = gentler.id
            segments.append(Say(P.OFFER_GENTLER.format(name=gentler.name)))
            return self._ask(segments, P.OFFER_GENTLER_REPROMPT.format(name=gentler.name))
        return self._advance(state, [*segments, Say(P.MOVING_ON)])

    def _hold_time(self, state: CoachState, event: Event) -> Reply:
        raw = event.slot("seconds")
        try:
            asked = int(float(raw)) if raw is not None else None
        except ValueError:
            asked = None
        if asked is None:
            return self._ask([Say(P.HOLD_WHICH)], P.HOLD_WHICH)
        seconds = clamp_hold(asked)
        state.profile.hold_seconds = seconds
        if seconds != asked:
            text = P.HOLD_CLAMPED.format(
                low=number_words(MIN_HOLD),
                high=number_words(MAX_HOLD),
                seconds=number_words(seconds),
            )
        else:
            text = P.HOLD_SET.format(seconds=number_words(seconds))
        segments: list[Segment] = [Say(text)]
        if state.session.mode in ("routine", "paused"):
            segments.append(Say(P.HOLD_IN_ROUTINE))
        return self._ask(segments, self._prompt_for_mode(state))

    # ----------------------------------------------------------------- explanations

    def _explain(self, state: CoachState, event: Event) -> Reply:
        exercise_id = event.slot("exercise")
        exercise = self.library.exercises.get(exercise_id or "")
        prompt = self._prompt_for_mode(state)
        if exercise is None:
            heard = event.heard_words("exercise")
            text = P.UNKNOWN_EXERCISE.format(heard=heard) if heard else P.WHICH_EXERCISE
            return self._ask([Say(text)], prompt)
        segments: list[Segment] = []
        if exercise.is_avoided:
            segments += [Say(P.AVOID_INTRO.format(name=exercise.name)), Say(exercise.why)]
            segments.append(Say(exercise.alternatives_said))
        else:
            segments.append(Say(P.EXPLAIN_INTRO.format(name=exercise.name)))
            segments += instruction_segments(exercise, full=True)
            if exercise.sides:
                segments.append(Say(P.EXPLAIN_SIDES))
            segments.append(Say(self._dose_sentence(exercise, state)))
            if exercise.id in state.profile.avoided_exercises:
                segments.append(Say(P.EXPLAIN_AVOIDED_BY_USER))
        segments.append(Say(prompt))
        return self._ask(segments, prompt, title=capitalise(exercise.name))

    @staticmethod
    def _dose_sentence(exercise: Exercise, state: CoachState) -> str:
        if exercise.kind == "hold":
            return P.DOSE_HOLD.format(seconds=number_words(state.profile.hold_seconds))
        if exercise.kind == "rest":
            return P.DOSE_REST
        return P.DOSE_REPS.format(reps=number_words(exercise.reps))

    # ----------------------------------------------------------------- profile features

    def _progress(self, state: CoachState, event: Event) -> Reply:
        history = state.profile.history
        prompt = self._prompt_for_mode(state)
        if not history:
            return self._ask([Say(P.PROGRESS_NONE)], prompt)
        now = self.clock()
        recent = 0
        for entry in history:
            try:
                when = datetime.fromisoformat(entry.finished_at)
            except ValueError:
                continue
            if now - when <= timedelta(days=7):
                recent += 1
        last = history[-1]
        routine = self.library.routines.get(last.routine_id)
        segments: list[Segment] = [
            Say(
                P.PROGRESS_TOTALS.format(
                    total=number_words(len(history)),
                    routines="routine" if len(history) == 1 else "routines",
                    recent=number_words(recent),
                )
            )
        ]
        if routine is not None:
            segments.append(
                Say(P.PROGRESS_LAST.format(routine=routine.name, when=_when(last.finished_at, now)))
            )
        segments.append(Say(prompt))
        return self._ask(segments, prompt)

    def _set_reminder(self, state: CoachState, event: Event) -> Reply:
        prompt = self._prompt_for_mode(state)
        return self._ask([Say(P.REMINDERS_NOT_YET), Say(prompt)], prompt)

    def _delete_data(self, state: CoachState, event: Event) -> Reply:
        state.session.mode = "confirm_delete"
        return self._ask([Say(P.CONFIRM_DELETE)], P.CONFIRM_DELETE_REPROMPT)

    def _no_equipment(self, state: CoachState, event: Event) -> Reply:
        return self._equipment(state, event, have=False)

    def _have_equipment(self, state: CoachState, event: Event) -> Reply:
        return self._equipment(state, event, have=True)

    def _equipment(self, state: CoachState, event: Event, *, have: bool) -> Reply:
        item = event.slot("equipment")
        prompt = self._prompt_for_mode(state)
        if item not in EQUIPMENT:
            return self._ask([Say(P.EQUIPMENT_WHICH)], prompt)
        missing = state.profile.missing_equipment
        if have:
            if item in missing:
                missing.remove(item)
            text = P.EQUIPMENT_HAVE.format(item=EQUIPMENT[item])
        else:
            if item not in missing:
                missing.append(item)
            text = P.EQUIPMENT_MISSING.format(item=EQUIPMENT[item])
        return self._ask([Say(text), Say(prompt)], prompt)

    # ----------------------------------------------------------------- safety

    def _red_flag(self, state: CoachState, event: Event) -> Reply:
        """'Is this a red flag?' / 'that hurts': stop any hold, then triage or screen."""
        session = state.session
        in_routine = session.mode in ("routine", "paused", "offer_gentler")
        prefix: list[Segment] = [Say(P.STOP_MOVING)] if in_routine else []
        symptom = event.slot("symptom")
        if symptom is None:
            session.mode = "screen"
            session.screen_index = 0
            return self._ask(
                [*prefix, Say(self.triage.screen_intro), Say(self.triage.screen_question(0).text)],
                self.triage.screen_question(0).text,
                events=("screen_started",),
            )
        assessment = self.triage.assess(symptom)
        return self._answer_assessment(
            state, prefix, assessment.level, assessment.advice, in_routine
        )

    def _answer_assessment(
        self,
        state: CoachState,
        prefix: list[Segment],
        level: str,
        advice: str,
        in_routine: bool,
    ) -> Reply:
        segments = [*prefix, Say(advice)]
        event = f"triage_{level}"
        if level in ("emergency", "urgent"):
            state.profile.resume = None
            state.session = Session()
            return self._end(segments, events=(event,))
        session = state.session
        if in_routine:
            session.mode = "routine"
            return self._stop_exercise_worse_or_offer(state, segments, event)
        session.mode = "menu"
        return self._ask([*segments, Say(P.MENU_REPROMPT)], P.MENU_REPROMPT, events=(event,))

    def _stop_exercise_worse_or_offer(
        self, state: CoachState, segments: list[Segment], event: str
    ) -> Reply:
        return prefixed(self._stop_exercise_worse(state, segments), events=(event,))

    def _screen_answer(self, state: CoachState, *, yes: bool) -> Reply:
        session = state.session
        question = self.triage.screen_question(session.screen_index)
        if yes:
            return self._answer_assessment(
                state,
                [],
                question.level,
                self.triage.advice_for(question.level, question.flag),
                False,
            )
        session.screen_index += 1
        if session.screen_index >= self.triage.screen_length:
            session.mode = "menu"
            session.screen_index = 0
            return self._ask(
                [Say(self.triage.screen_all_clear), Say(P.MENU_REPROMPT)],
                P.MENU_REPROMPT,
                events=("triage_selfcare",),
            )
        following = self.triage.screen_question(session.screen_index).text
        return self._ask([Say(following)], following)


def _when(timestamp: str, now: datetime) -> str:
    try:
        then = datetime.fromisoformat(timestamp)
    except ValueError:
        return "recently"
    days = (now.date() - then.date()).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 7:
        return f"on {then.strftime('%A')}"
    return f"{number_words(days)} days ago"
