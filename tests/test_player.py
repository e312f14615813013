"""Real-time playback on a virtual clock: count timing, pause/resume, interrupts, hands-free."""

from __future__ import annotations

import io

import pytest

from local_runner.display import PlainDisplay
from local_runner.player import Player, VirtualClock
from local_runner.runner import LEAD_IN_SECONDS, run_live
from local_runner.session import LocalSession
from local_runner.speaker import RecordingSpeaker
from skill.core import events as ev
from skill.core.coach import Coach
from skill.core.reply import Reply, Say
from skill.core.store import MemoryStore
from skill.core.timing import hold
from tests.conftest import fixed_clock
from tests.fakes import ScriptedInbox


def live_session() -> LocalSession:
    return LocalSession(coach=Coach(clock=fixed_clock), store=MemoryStore())


def make_player(lines: list[tuple[float, str]]) -> tuple[Player, RecordingSpeaker, VirtualClock]:
    """A player whose session is in the middle of a routine (as when a hold is playing)."""
    clock = VirtualClock(1000.0)
    speaker = RecordingSpeaker(clock)
    session = live_session()
    session.say("start the lower back routine")
    inbox = ScriptedInbox(clock, lines)
    player = Player(speaker, PlainDisplay(io.StringIO()), session, inbox, clock)
    return player, speaker, clock


def test_counts_are_handed_over_on_their_scheduled_seconds() -> None:
    player, speaker, _ = make_player([])
    segment = hold(60)
    assert player.play(Reply((Say("Hold."), segment))) is None
    start = 1000.0 + speaker.duration("Hold.")  # counting starts once "Hold." has been said
    times = [t - start for t, text in speaker.spoken if text != "Hold."]
    assert times == pytest.approx([cue.at for cue in segment.cues])  # each due from the start
    assert speaker.overlaps == 0 and player.stats.late_cues == 0
    assert speaker.texts[-1] == "And release."


def test_pause_and_resume_mid_hold_keep_the_remaining_time() -> None:
    # Pause 12 s into a 30 s hold, resume 100 s later: the remaining 18 s are still counted.
    player, speaker, clock = make_player([(1012.0, "pause"), (1112.0, "resume")])
    assert player.play(Reply((hold(30),))) is None
    spoken = dict((text, t - 1000.0) for t, text in speaker.spoken)
    assert spoken["Ten. Keep breathing slowly."] == 10.0
    assert "Paused. Take as long as you need" in " ".join(speaker.texts)  # the coach's words
    assert "Okay, picking up where we were." in speaker.texts
    assert spoken["Twenty."] == pytest.approx(120.0)  # 20 s of hold + 100 s paused
    assert spoken["And release."] == pytest.approx(130.0)
    assert clock() == pytest.approx(1130.0 + speaker.duration("And release."))  # said in full


def test_pain_during_a_hold_stops_it_at_once() -> None:
    player, speaker, _ = make_player([(1005.0, "that hurts")])
    interrupted = player.play(Reply((hold(30),)))
    assert interrupted is not None
    assert interrupted.event.name == ev.FEELING and interrupted.event.slots == {"feeling": "worse"}
    assert "Ten. Keep breathing slowly." not in speaker.texts  # nothing more was counted


def run_with(lines: list[tuple[float, str]], *, hands_free: bool) -> tuple[str, VirtualClock]:
    clock = VirtualClock(0.0)
    out = io.StringIO()
    inbox = ScriptedInbox(clock, lines)
    session = live_session()
    player = Player(RecordingSpeaker(clock), PlainDisplay(out, True), session, inbox, clock)
    assert run_live(session, player, inbox, hands_free=hands_free, clock=clock) == 0
    return out.getvalue(), clock


def test_hands_free_moves_on_by_itself_and_finishes_the_routine() -> None:
    transcript, clock = run_with([(1.0, "start the hamstring routine")], hands_free=True)
    assert transcript.count("coach> Let's move on.") >= 3  # spoken lead-ins between steps
    assert "Exercise four of four" in transcript
    assert "That's the end of the hamstring routine" in transcript
    assert clock() > 4 * 60  # the holds really took their time (virtual)


@pytest.mark.parametrize(
    "pause_at",
    [
        20.0,  # during the first step's repetitions: the player holds the clock
        50.0,  # in the lead-in after the first step (48 s of reps): the coach pauses
    ],
)
def test_hands_free_waits_while_paused(pause_at: float) -> None:
    transcript, _ = run_with(
        [(1.0, "start the desk break"), (pause_at, "pause"), (5000.0, "stop")], hands_free=True
    )
    assert "Paused." in transcript
    assert "Exercise one of five" in transcript
    assert "Exercise two of five" not in transcript
    assert transcript.rstrip().endswith("Goodbye.")


def test_step_mode_waits_for_next() -> None:
    transcript, _ = run_with(
        [(1.0, "start the desk break"), (LEAD_IN_SECONDS * 20, "stop")], hands_free=False
    )
    assert "Exercise one of five" in transcript
    assert "Exercise two of five" not in transcript


def test_hands_free_keeps_going_after_start_over() -> None:
    transcript, _ = run_with([(1.0, "start the desk break"), (10.0, "start over")], hands_free=True)
    assert "Starting again from the top." in transcript
    assert "That's the end of the desk break" in transcript  # auto-advance still works
