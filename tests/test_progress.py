"""Progress in the user's own time zone: weeks, streaks around midnight and a daylight-saving
change, the pain trend, ProgressIntent, and `stretch-coach progress [--csv]`."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from skill.cli import main
from skill.core import events as ev
from skill.core.coach import Coach
from skill.core.coach.progress import progress_sentences, spoken_score, summarise
from skill.core.events import Event
from skill.core.history import HistoryEntry
from skill.core.state import CoachState

UTC_ZONE = ZoneInfo("UTC")


def routine(at: datetime) -> HistoryEntry:
    return HistoryEntry("lower_back", at.isoformat(), steps_done=5)


def before(at: datetime, score: int) -> HistoryEntry:
    return HistoryEntry("lower_back", at.isoformat(), "score", at.isoformat(), score, "before")


def test_a_routine_late_in_the_evening_counts_for_the_users_own_day() -> None:
    sydney = ZoneInfo("Australia/Sydney")
    # 23:30 on Wednesday 18 Nov in Sydney is 12:30 UTC the same day; the next one is 00:30
    # Friday in Sydney (Thursday in UTC): two Sydney days with a gap, so no streak there.
    history = [
        routine(datetime(2026, 11, 18, 12, 30, tzinfo=UTC)),
        routine(datetime(2026, 11, 19, 13, 30, tzinfo=UTC)),
    ]
    now = datetime(2026, 11, 19, 14, 0, tzinfo=UTC)
    assert summarise(history, now, sydney).streak_days == 1
    assert summarise(history, now, UTC_ZONE).streak_days == 2


def test_a_streak_lives_until_the_end_of_the_next_day_then_breaks() -> None:
    zone = ZoneInfo("America/New_York")
    days = [datetime(2026, 11, d, 22, 0, tzinfo=zone) for d in (16, 17, 18)]
    history = [routine(d) for d in days]
    assert summarise(history, datetime(2026, 11, 18, 23, 59, tzinfo=zone), zone).streak_days == 3
    # The next day, not yet stretched: still three; a day later: broken.
    assert summarise(history, datetime(2026, 11, 19, 23, 59, tzinfo=zone), zone).streak_days == 3
    assert summarise(history, datetime(2026, 11, 20, 0, 1, tzinfo=zone), zone).streak_days == 0


def test_two_routines_on_one_day_and_a_gap() -> None:
    zone = UTC_ZONE
    history = [
        routine(datetime(2026, 11, 10, 9, tzinfo=UTC)),
        routine(datetime(2026, 11, 12, 9, tzinfo=UTC)),
        routine(datetime(2026, 11, 13, 8, tzinfo=UTC)),
        routine(datetime(2026, 11, 13, 20, tzinfo=UTC)),
    ]
    summary = summarise(history, datetime(2026, 11, 13, 21, tzinfo=UTC), zone)
    assert summary.streak_days == 2
    assert summary.routines_this_week == 4  # Monday 9 Nov to Sunday 15 Nov


def test_streak_across_the_spring_daylight_saving_change() -> None:
    london = ZoneInfo("Europe/London")
    # Clocks go forward at 01:00 UTC on Sunday 29 March 2026. Each routine is at 00:30 on the
    # London clock: on Monday that is 23:30 UTC on Sunday.
    history = [
        routine(datetime(2026, 3, 28, 0, 30, tzinfo=london)),
        routine(datetime(2026, 3, 29, 0, 30, tzinfo=london)),
        routine(datetime(2026, 3, 30, 0, 30, tzinfo=london)),
    ]
    now = datetime(2026, 3, 30, 8, 0, tzinfo=london)
    assert summarise(history, now, london).streak_days == 3
    assert summarise(history, now, UTC_ZONE).streak_days == 2  # Sunday in UTC twice
    # Monday's 00:30 begins a new week in London; in UTC it still belongs to the old one.
    assert summarise(history, now, london).routines_this_week == 1
    assert summarise(history, now, UTC_ZONE).routines_this_week == 0


def test_weeks_start_on_the_users_monday() -> None:
    new_york = ZoneInfo("America/New_York")
    sunday_night = datetime(2026, 11, 15, 23, 30, tzinfo=new_york)  # Monday 04:30 UTC
    history = [before(sunday_night, 6), routine(sunday_night)]
    now = datetime(2026, 11, 16, 12, 0, tzinfo=new_york)
    in_new_york = summarise(history, now, new_york)
    assert (in_new_york.routines_this_week, in_new_york.pain_before_last_week) == (0, 6)
    in_utc = summarise(history, now, UTC_ZONE)
    assert (in_utc.routines_this_week, in_utc.pain_before_this_week) == (1, 6)


def test_the_pain_trend_compares_the_average_before_stretching() -> None:
    last_week = datetime(2026, 11, 10, 9, tzinfo=UTC)
    this_week = datetime(2026, 11, 17, 9, tzinfo=UTC)
    history = [
        before(last_week, 7), routine(last_week),
        before(last_week + timedelta(days=1), 5), routine(last_week + timedelta(days=1)),
        before(this_week, 4), routine(this_week),
        HistoryEntry("", this_week.isoformat(), "score", "", 9, ""),  # volunteered: not "before"
    ]  # fmt: skip
    summary = summarise(history, datetime(2026, 11, 18, 9, tzinfo=UTC), UTC_ZONE)
    sentences = progress_sentences(summary)
    assert len(sentences) == 2
    assert sentences[0] == "This week you've done one routine."
    assert sentences[1] == (
        "Your average pain before stretching went from six last week to four this week."
    )


def test_averages_are_said_in_halves() -> None:
    assert [spoken_score(v) for v in (4.0, 4.5, 4.4, 4.75)] == [
        "four", "four and a half", "four and a half", "five",
    ]  # fmt: skip


def test_progress_intent_uses_the_zone_the_front_end_sends() -> None:
    # Monday 20:00 and Tuesday 12:00 UTC are two days in UTC, but both Tuesday in Sydney
    # (07:00 and 23:00), where it is already Wednesday when the user asks.
    history = [
        routine(datetime(2026, 11, 16, 20, tzinfo=UTC)),
        routine(datetime(2026, 11, 17, 12, tzinfo=UTC)),
    ]
    coach = Coach(clock=lambda: datetime(2026, 11, 17, 13, 0, tzinfo=UTC))
    state = CoachState()
    state.profile.history = history
    _, in_utc = coach.handle(state, Event(ev.PROGRESS))
    assert "two days in a row" in in_utc.spoken_text()
    _, in_sydney = coach.handle(state, Event(ev.PROGRESS, time_zone="Australia/Sydney"))
    assert "in a row" not in in_sydney.spoken_text()
    _, bad_zone = coach.handle(state, Event(ev.PROGRESS, time_zone="Mars/Olympus"))
    assert bad_zone.spoken_text() == in_utc.spoken_text()


def test_progress_with_an_empty_diary_says_so() -> None:
    _, reply = Coach().handle(CoachState(), Event(ev.PROGRESS))
    assert "haven't finished a routine" in reply.spoken_text()


def test_a_full_diary_is_read_only_as_far_as_needed() -> None:
    start = datetime(2025, 1, 1, 9, tzinfo=UTC)
    history = [routine(start + timedelta(days=i)) for i in range(500)]
    read: list[int] = []

    class Counting(list[HistoryEntry]):
        def __reversed__(self):  # type: ignore[no-untyped-def]
            for entry in super().__reversed__():
                read.append(1)
                yield entry

    now = start + timedelta(days=500)  # a day without stretching after a 500-day streak
    summary = summarise(Counting(history), now, UTC_ZONE)
    assert summary.streak_days == 500
    read.clear()
    later = now + timedelta(days=30)  # the streak is long broken: only the newest lines are read
    summarise(Counting(history), later, UTC_ZONE)
    assert len(read) <= 2


# -- the command ---------------------------------------------------------------------------


def _store_history(entries: list[HistoryEntry]) -> None:
    from local_runner.session import LOCAL_USER, default_store

    state = CoachState()
    state.profile.history = entries
    default_store().save(LOCAL_USER, state.profile_dict())


def test_progress_command_with_an_empty_diary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["progress"]) == 0
    assert "diary is empty" in capsys.readouterr().out
    assert main(["progress", "--csv"]) == 0
    assert "diary is empty" in capsys.readouterr().out


def test_progress_command_prints_sessions_and_a_chart(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "UTC")
    day = datetime(2026, 11, 18, 8, 0, tzinfo=UTC)
    monkeypatch.setattr("skill.cli.progress.clock", lambda: day + timedelta(hours=1))
    key = day.isoformat()
    done = HistoryEntry("lower_back", key, "routine", key, None, "", 5, ["cat_cow:worse"])
    after = HistoryEntry("lower_back", key, "score", key, 3, "after")
    _store_history([before(day, 6), done, after])
    assert main(["progress"]) == 0
    out = capsys.readouterr().out
    assert "lower back" in out and "\x1b[" not in out  # plain text when piped
    row = next(line for line in out.splitlines() if "lower back" in line)
    # when (date, time), routine, steps, before, after, all scores, felt worse
    assert row.split()[4:] == ["5", "6", "3", "6", "3", "1"]
    assert "pain 0-10 |▅▂| latest 3" in out
    assert "This week you've done one routine." in out


def test_progress_csv_has_one_row_per_diary_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    at = datetime(2026, 11, 20, 16, 30, tzinfo=UTC)  # 01:30 on the 21st in Tokyo
    _store_history([before(at, 6), routine(at), HistoryEntry("", at.isoformat(), "score", "", 2)])
    assert main(["progress", "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["kind"], r["moment"], r["score"]) for r in rows] == [
        ("score", "before", "6"), ("routine", "", ""), ("score", "", "2"),
    ]  # fmt: skip
    assert (rows[0]["date"], rows[0]["time"]) == ("2026-11-21", "01:30")
    assert rows[1]["steps_done"] == "5"


# -- the zone on Alexa ------------------------------------------------------------------------


class _Ups:
    def __init__(self, zone: str | Exception) -> None:
        self.zone, self.asked = zone, 0

    def get_system_time_zone(self, device_id: str) -> str:
        self.asked += 1
        if isinstance(self.zone, Exception):
            raise self.zone
        return self.zone


def _handler_input(ups: _Ups | None, token: str = "api-token") -> object:
    from types import SimpleNamespace

    device = SimpleNamespace(device_id="amzn1.ask.device.TEST")
    system = SimpleNamespace(device=device, api_access_token=token)
    envelope = SimpleNamespace(context=SimpleNamespace(system=system))
    factory = SimpleNamespace(get_ups_service=lambda: ups) if ups else None
    return SimpleNamespace(request_envelope=envelope, service_client_factory=factory)


def test_alexa_asks_the_device_zone_once_a_session_and_falls_back_to_utc() -> None:
    from skill.alexa.timezone import zone_for_turn

    ups = _Ups("Australia/Sydney")
    assert zone_for_turn(_handler_input(ups), {}) == "Australia/Sydney"
    assert zone_for_turn(_handler_input(ups), {"time_zone": "Australia/Sydney"}) == (
        "Australia/Sydney"
    )
    assert ups.asked == 1
    assert zone_for_turn(_handler_input(_Ups(RuntimeError("403"))), {}) == "UTC"
    assert zone_for_turn(_handler_input(None), {}) == "UTC"  # no API client configured
    unasked = _Ups("Europe/London")
    assert zone_for_turn(_handler_input(unasked, token=""), {}) == "UTC"  # no token: no call
    assert unasked.asked == 0


def test_the_session_keeps_the_zone_the_front_end_sent() -> None:
    coach = Coach(clock=lambda: datetime(2026, 11, 17, 13, 0, tzinfo=UTC))
    state, _ = coach.handle(CoachState(), Event(ev.LAUNCH, time_zone="Australia/Sydney"))
    assert state.session.time_zone == "Australia/Sydney"
    state, _ = coach.handle(state, Event(ev.START_ROUTINE, {"routine": "breathing"}))
    assert state.session.time_zone == "Australia/Sydney"  # a new session object keeps it
    state, _ = coach.handle(CoachState(), Event(ev.LAUNCH, time_zone="Not/AZone"))
    assert state.session.time_zone == ""


def test_progress_command_draws_a_rich_table_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "UTC")
    day = datetime(2026, 11, 18, 8, 0, tzinfo=UTC)
    monkeypatch.setattr("skill.cli.progress.clock", lambda: day)
    _store_history([before(day, 7), routine(day)])
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["progress"]) == 0
    out = capsys.readouterr().out
    assert "Recent sessions" in out and "lower back" in out
    assert "pain 0-10 |▆| latest 7" in out


@pytest.mark.parametrize(
    "name", ["", "Mars/Olympus", "../../etc/passwd", "/etc/localtime", "x" * 200]
)
def test_only_real_zone_names_are_used(name: str) -> None:
    from skill.core.coach.diary import zone_named

    assert zone_named(name) is None
    assert zone_named("Europe/London") is not None


def test_a_day_25_hours_long_when_the_clocks_go_back() -> None:
    new_york = ZoneInfo("America/New_York")
    # Sunday 1 November 2026 has 25 hours in New York. 00:30 EDT and 23:30 EST that Sunday are
    # 04:30 UTC on the 1st and on the 2nd: one local day, two UTC days.
    history = [
        routine(datetime(2026, 11, 1, 4, 30, tzinfo=UTC)),
        routine(datetime(2026, 11, 2, 4, 30, tzinfo=UTC)),
    ]
    now = datetime(2026, 11, 2, 12, 0, tzinfo=new_york)
    local = summarise(history, now, new_york)
    assert (local.streak_days, local.routines_this_week) == (1, 0)
    in_utc = summarise(history, now, UTC_ZONE)
    assert (in_utc.streak_days, in_utc.routines_this_week) == (2, 1)
