"""Times said aloud: a reminder's time of day as AMAZON.TIME gives it, a hold's length in
seconds."""

from __future__ import annotations

import pytest

from local_runner.recogniser import default_recogniser
from local_runner.understanding.spoken_time import clock_time, duration_seconds
from skill.core import events as ev


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("remind me every evening at six", "18:00"),
        ("remind me tomorrow morning at half six", "06:30"),  # half six is half past six
        ("remind me at seven thirty", "07:30"),
        ("set a reminder for quarter to eight", "07:45"),
        ("remind me at ten past nine in the morning", "09:10"),
        ("remind me at six fifteen pm", "18:15"),
        ("remind me at 6 p m", "18:00"),
        ("remind me at nine oh five", "09:05"),
        ("remind me at noon", "12:00"),
        ("remind me after lunch", "AF"),
        ("remind me every morning", "MO"),
        ("tomorrow seven o'clock remind me do exercises", "07:00"),  # no "at": o'clock says it
        ("remind me at seven o'clock in the evening", "19:00"),
        ("remind me to stretch i've been up since six o'clock", None),
        ("remind me in two hours it's three o'clock now", None),
        ("remind me to stretch", None),
    ],
)
def test_a_time_of_day_reads_as_amazon_time_gives_it(said: str, value: str | None) -> None:
    assert clock_time(said) == value


@pytest.mark.parametrize(
    ("said", "seconds"),
    [
        ("hold each stretch for half a minute", 30),
        ("make the holds two minutes", 120),
        ("can we do a minute and a half each", 90),
        ("hold for forty five seconds", 45),
        ("hold for thirty secs", 30),
        ("let's hold for a full minute", 60),
        ("hold it longer", None),
    ],
)
def test_a_length_of_time_is_seconds(said: str, seconds: int | None) -> None:
    assert duration_seconds(said) == seconds


def test_the_recogniser_gives_the_coach_times_it_can_use() -> None:
    recogniser = default_recogniser()
    hold = recogniser.parse("make the holds two minutes")
    assert (hold.name, hold.slot("seconds")) == (ev.HOLD_TIME, "120")  # not a 2-second hold
    reminder = recogniser.parse("can you remind me every evening at six")
    assert (reminder.name, reminder.slot("time")) == (ev.SET_REMINDER, "18:00")


@pytest.mark.parametrize(
    ("said", "seconds"),
    [
        ("thirty seconds is too long for me make it twenty", "20"),
        ("change the hold from thirty to forty seconds", "40"),
        ("forty seconds is way too short make it a minute", "60"),
        ("not twenty seconds thirty", "30"),
    ],
)
def test_a_length_the_sentence_corrects_is_not_the_one_meant(said: str, seconds: str) -> None:
    event = default_recogniser().parse(said)
    assert (event.name, event.slots) == (ev.HOLD_TIME, {"seconds": seconds})
