"""Reminders through a fake Reminders service client: consent given, permission missing, API
errors (401, 403, 429, 500, timeout) explained with nothing made; list and cancel; the local
runner says honestly that reminders need Alexa."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from ask_sdk_core.exceptions import ApiClientException
from ask_sdk_model.services.service_client_factory import ServiceClientFactory
from ask_sdk_model.services.service_exception import ServiceException

from skill.cli import main
from skill.core import events as ev
from skill.core.coach import Coach
from skill.core.events import Event
from skill.core.state import CoachState
from tests.alexa_direct import DirectSkill
from tests.conftest import fixed_clock, intent_request, launch_request, speech


class FakeReminders:
    """Keeps reminders in a list; `fail` makes every call raise it instead."""

    def __init__(self, fail: Exception | None = None) -> None:
        self.fail = fail
        self.made: list[Any] = []

    def _check(self) -> None:
        if self.fail is not None:
            raise self.fail

    def create_reminder(self, request: Any) -> None:
        self._check()
        self.made.append(request)

    def get_reminders(self) -> Any:
        self._check()
        alerts = [
            SimpleNamespace(alert_token=f"t{i}", status="ON", trigger=r.trigger)
            for i, r in enumerate(self.made)
        ]
        return SimpleNamespace(alerts=alerts)

    def delete_reminder(self, token: str) -> None:
        self._check()
        self.made.pop(int(token[1:]))


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeReminders:
    service = FakeReminders()
    monkeypatch.setattr(
        ServiceClientFactory, "get_reminder_management_service", lambda self: service
    )
    settings = SimpleNamespace(get_system_time_zone=lambda device_id: "Europe/London")
    monkeypatch.setattr(ServiceClientFactory, "get_ups_service", lambda self: settings)
    return service


ASK = intent_request("SetReminderIntent", time="07:30", days=("every weekday", "weekdays"))


def _agree(skill: DirectSkill) -> dict[str, Any]:
    skill.send(launch_request())
    asked = skill.send(ASK)
    assert "Shall I remind you to stretch every weekday at seven thirty in the morning?" in speech(
        asked
    )
    assert asked["sessionAttributes"]["mode"] == "confirm_reminder"
    return skill.send(intent_request("AMAZON.YesIntent"))


def test_consent_given_creates_a_weekday_reminder(fake: FakeReminders) -> None:
    payload = _agree(DirectSkill())
    assert "Done. I'll remind you to stretch every weekday at seven thirty" in speech(payload)
    (made,) = fake.made
    rule = made.trigger.recurrence.recurrence_rules[0]
    assert "BYDAY=MO,TU,WE,TH,FR" in rule and "BYHOUR=7;BYMINUTE=30" in rule
    assert made.alert_info.spoken_info.content[0].locale == "en-US"
    assert made.trigger.time_zone_id == "Europe/London"
    start = made.trigger.recurrence.start_date_time
    assert (start.hour, start.minute, start.tzinfo) == (7, 30, None)
    assert payload["sessionAttributes"]["mode"] == "menu"


def test_no_means_nothing_is_made(fake: FakeReminders) -> None:
    skill = DirectSkill()
    skill.send(launch_request())
    skill.send(ASK)
    payload = skill.send(intent_request("AMAZON.NoIntent"))
    assert "I won't set a reminder" in speech(payload) and fake.made == []


def test_missing_permission_sends_the_consent_card(fake: FakeReminders) -> None:
    payload = _agree(DirectSkill(consent=False))
    card = payload["response"]["card"]
    assert card["type"] == "AskForPermissionsConsent"
    assert card["permissions"] == ["alexa::alerts:reminders:skill:readwrite"]
    assert "I need your permission" in speech(payload) and fake.made == []


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (ServiceException("no", 401, None, None), "didn't let me manage your reminders"),
        (ServiceException("no", 403, None, None), "I need your permission"),
        (ServiceException("slow down", 429, None, None), "busy right now"),
        (ServiceException("oops", 500, None, None), "had a problem on its side"),
        (ServiceException("oops", 503, None, None), "had a problem on its side"),
        (ApiClientException("Error executing the request: Read timed out."), "didn't answer"),
    ],
)
def test_api_errors_are_explained_and_nothing_is_left(
    fake: FakeReminders, error: Exception, said: str
) -> None:
    fake.fail = error
    payload = _agree(DirectSkill())
    assert said in speech(payload) and fake.made == []
    assert payload["response"]["shouldEndSession"] is False
    assert payload["sessionAttributes"]["reminder_time"] is None


def test_list_and_cancel(fake: FakeReminders) -> None:
    skill = DirectSkill()
    assert "don't have any stretch reminders" in speech(
        skill.send(intent_request("ListRemindersIntent"))
    )
    _agree(skill)
    listed = skill.send(intent_request("ListRemindersIntent"))
    assert "You have one stretch reminder: at seven thirty in the morning." in speech(listed)
    cancelled = skill.send(intent_request("CancelReminderIntent"))
    assert "cancelled one stretch reminder" in speech(cancelled) and fake.made == []


def test_a_cancel_that_fails_part_way_says_what_changed(fake: FakeReminders) -> None:
    skill = DirectSkill()
    _agree(skill)
    _agree(skill)
    real_delete = fake.delete_reminder
    calls: list[str] = []

    def second_fails(token: str) -> None:
        calls.append(token)
        if len(calls) == 2:
            raise ServiceException("busy", 429, None, None)
        real_delete(token)

    fake.delete_reminder = second_fails  # type: ignore[method-assign]
    payload = skill.send(intent_request("CancelReminderIntent"))
    assert "I cancelled one stretch reminder, then the reminders service" in speech(payload)
    assert len(fake.made) == 1


def test_a_reminder_asked_without_a_time_asks_when() -> None:
    event = Event(ev.SET_REMINDER, can_remind=True)
    _, reply = Coach(clock=fixed_clock).handle(CoachState(), event)
    assert "What time should I remind you" in reply.spoken_text() and reply.reminder is None


def test_every_day_by_default_in_the_evening() -> None:
    coach, state = Coach(clock=fixed_clock), CoachState()
    state, asked = coach.handle(state, Event(ev.SET_REMINDER, {"time": "EV"}, can_remind=True))
    assert "every day at seven o'clock in the evening" in asked.spoken_text()
    state, reply = coach.handle(state, Event(ev.YES, can_remind=True))
    assert reply.reminder is not None and reply.reminder.time == "19:00"
    assert reply.reminder.days == ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
    assert "Reminders need Alexa" in reply.spoken_text()  # if the front end could not call


@pytest.mark.parametrize(
    "line",
    ["remind me to stretch every weekday at seven thirty", "what reminders do i have",
     "cancel my stretch reminder"],
)  # fmt: skip
def test_the_local_runner_says_reminders_need_alexa(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    script = tmp_path / "s.txt"
    script.write_text(line + "\n")
    assert main(["--script", str(script)]) == 0
    assert "Reminders need Alexa" in capsys.readouterr().out


def test_api_calls_have_a_timeout() -> None:
    from skill.alexa.reminders import TimedApiClient

    method = TimedApiClient()._resolve_method(SimpleNamespace(method="GET"))
    assert method.keywords == {"timeout": TimedApiClient.timeout_seconds}  # type: ignore[attr-defined]
