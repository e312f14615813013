"""Real-time playback on a virtual clock: count timing, pause/resume, interrupts, hands-free."""

from __future__ import annotations

import io
from itertools import pairwise

import pytest

from local_runner.display import PlainDisplay
from local_runner.player import Player, VirtualClock
from local_runner.runner import run_live
from local_runner.session import LocalSession
from local_runner.speaker import RecordingSpeaker
from skill.core import events as ev
from skill.core.coach import Coach
from skill.core.reply import Cue, Reply, Say, Timed
from skill.core.timing import hold
from skill.stores.memory import MemoryStore
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
        37.0,  # in the hands-free wait after the first step (3 s settle + 30 s of reps)
    ],
)
def test_hands_free_waits_while_paused(pause_at: float) -> None:
    transcript, _ = run_with(
        [(1.0, "start the desk break"), (pause_at, "pause"), (5000.0, "stop")], hands_free=True
    )
    assert "Paused." in transcript
    assert "Exercise one of two" in transcript
    assert "Exercise two of two" not in transcript
    assert transcript.rstrip().endswith("Goodbye.")


def test_step_mode_waits_for_next() -> None:
    transcript, _ = run_with(
        [(1.0, "start the desk break"), (600.0, "stop")], hands_free=False
    )
    assert "Exercise one of two" in transcript
    assert "Exercise two of two" not in transcript


def test_hands_free_keeps_going_after_start_over() -> None:
    transcript, _ = run_with([(1.0, "start the desk break"), (10.0, "start over")], hands_free=True)
    assert "Starting again from the top." in transcript
    assert "That's the end of the desk break" in transcript  # auto-advance still works


ANSWER_DEADLINE = 0.5  # seconds from an utterance to the first word of its answer
HOW_LONG = "how long is left"


def hands_free(
    lines: list[tuple[float, str]], session: LocalSession | None = None
) -> tuple[str, Player, RecordingSpeaker]:
    """A whole hands-free session on a virtual clock; it must end by itself (no hang)."""
    clock = VirtualClock(0.0)
    out = io.StringIO()
    inbox = ScriptedInbox(clock, lines)
    session = session or live_session()
    speaker = RecordingSpeaker(clock)
    player = Player(speaker, PlainDisplay(out, True), session, inbox, clock)
    assert run_live(session, player, inbox, hands_free=True, clock=clock) == 0
    assert speaker.overlaps == 0  # nothing was ever said over something else
    assert player.stats.answer_delays and max(player.stats.answer_delays) <= ANSWER_DEADLINE
    return out.getvalue(), player, speaker


def said_after(speaker: RecordingSpeaker, moment: float) -> list[str]:
    return [text for when, text in speaker.spoken if when >= moment]


def test_pain_mid_hold_flushes_and_is_answered_at_once() -> None:
    # Said half a second into the first hold's "Ten. Keep breathing slowly."
    start = (1.0, "start the hamstring routine")
    _, _, plain = hands_free([start])
    ten = next(t for t, x in plain.spoken if x == "Ten. Keep breathing slowly.")
    _, _, speaker = hands_free([start, (ten + 0.5, "that hurts")])
    when, answer = next((t, x) for t, x in speaker.spoken if t >= ten + 0.5)
    assert answer.startswith("Stop there") and when == pytest.approx(ten + 0.5)
    assert speaker.cuts == 2  # the disclaimer (cut by "start") and "Ten. Keep breathing..."
    assert "Twenty." not in said_after(speaker, ten + 0.5)


def test_next_during_instructions_stops_them_and_moves_on() -> None:
    transcript, _, speaker = hands_free([(1.0, "start the desk break"), (6.0, "next")])
    assert speaker.cuts >= 1  # the instruction being spoken was cut off
    first_after = said_after(speaker, 6.0)[0]
    assert "Exercise two of two" in first_after or "two of two" in transcript
    assert "That's the end of the desk break" in transcript


def test_an_aside_during_a_hold_keeps_its_schedule() -> None:
    start = (1.0, "start the hamstring routine")
    _, _, plain = hands_free([start])
    hold_starts = next(t for t, x in plain.spoken if x == "Hold for thirty seconds, starting now.")
    asked_at = hold_starts + 4.0  # inside the first hold, before "Ten."
    _, player, speaker = hands_free([start, (asked_at, HOW_LONG)])
    answer = [(t, x) for t, x in speaker.spoken if (t, x) not in plain.spoken]
    said = [(t, x) for t, x in speaker.spoken if (t, x) not in answer]
    # The player told the core the side and the seconds left, which only it knows.
    assert answer == [
        (
            asked_at,
            "Seated hamstring stretch, left side. About twenty eight seconds to go.",
        )
    ]
    assert said == plain.spoken  # every count and step on the same second as without it
    assert player.stats.late_cues == 0


def test_an_aside_during_instructions_is_answered_then_the_sentence_said_again() -> None:
    _, _, speaker = hands_free([(1.0, "start the desk break"), (4.0, HOW_LONG)])
    texts = speaker.texts
    answer = next(i for i, x in enumerate(texts) if x.startswith("This is exercise one of two"))
    assert texts[answer + 1] == texts[answer - 1]  # the cut-off sentence, again in full


def test_equipment_statement_mid_routine_is_answered_and_nothing_hangs() -> None:
    transcript, _, speaker = hands_free(
        [
            (1.0, "start the lower back routine"),
            (30.0, "I don't have a stability ball"),  # during cat cow's instructions
            (200.0, "stop"),
        ]
    )
    answer = said_after(speaker, 30.0)
    assert answer[0].startswith("Okay") and "stability ball" in answer[0]
    # The routine is still running, so hands-free mode moves on after the core's wait.
    assert any(x.startswith("Exercise two of five") for x in answer)
    assert answer[-1].endswith("Goodbye.") and "you> stop" in transcript


def test_wait_seconds_from_the_core_moves_on_by_itself() -> None:
    transcript, _, speaker = hands_free([(1.0, "start the hamstring routine")])
    assert "That's the end of the hamstring routine" in transcript
    asked = next(t for t, x in speaker.spoken if x.startswith("How did that feel"))
    moved = next(t for t, x in speaker.spoken if x == "Let's move on.")
    assert moved - asked >= 6.0  # the core's hands-free wait, not an immediate jump


def test_stop_mid_hold_ends_the_session() -> None:
    transcript, _, speaker = hands_free([(1.0, "start the hamstring routine"), (40.0, "stop")])
    assert said_after(speaker, 40.0)[-1].endswith("Goodbye.")
    assert "Exercise two of four" not in transcript


def test_a_question_is_asked_again_once_then_a_closed_inbox_ends_the_session() -> None:
    clock = VirtualClock(0.0)
    inbox = ScriptedInbox(clock, [(200.0, "stop")])
    session = live_session()
    speaker = RecordingSpeaker(clock)
    player = Player(speaker, PlainDisplay(io.StringIO()), session, inbox, clock)
    assert run_live(session, player, inbox, hands_free=True, clock=clock) == 0
    welcome = session.start().reprompt
    assert welcome and speaker.texts.count(welcome) == 1  # once, not every 15 s
    assert clock() == pytest.approx(200.0, abs=15)  # listened all along; "stop" ended it


def test_cues_that_take_longer_than_their_gap_never_overlap() -> None:
    # Nerve-glide cues: about 3.5 s of speech due every 2 s.
    long_cue = "Straighten the knee and point your toes back toward you."
    cues = tuple(Cue(2.0 * i, long_cue) for i in range(6))
    player, speaker, _ = make_player([])
    assert player.play(Reply((Timed("reps", 10.0, cues, reps=3),))) is None
    starts = [t for t, _ in speaker.spoken]
    gaps = [b - a for a, b in pairwise(starts)]
    assert speaker.overlaps == 0
    assert min(gaps) == pytest.approx(speaker.duration(long_cue))  # each right after the last
    assert player.stats.late_cues == 5
    assert player.stats.reanchored == pytest.approx(5 * (speaker.duration(long_cue) - 2.0))


def test_each_count_is_shown_once_with_its_offset() -> None:
    player, _, _ = make_player([])
    out = io.StringIO()
    player.display = PlainDisplay(out)
    assert player.play(Reply((hold(30),))) is None
    lines = out.getvalue().splitlines()
    assert lines == [
        "coach>   [ 10.0s] Ten. Keep breathing slowly.",
        "coach>   [ 20.0s] Twenty.",
        "coach>   [ 30.0s] And release.",
    ]
