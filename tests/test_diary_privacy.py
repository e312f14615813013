"""A diary full of pain scores is erased by "delete my data", by disabling the skill and by
`stretch-coach forget` (checked in the SQLite file itself), and no score reaches the logs."""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

import pytest

from skill.alexa.webservice import create_app
from skill.cli import main
from skill.core import events as ev
from skill.core.coach import Coach, run_turn
from skill.core.events import Event
from skill.stores.sqlite import SqliteStore
from tests.conftest import USER_ID, envelope, fixed_clock, intent_request

JSON = "application/json"
DIARY_EVENTS = (
    Event(ev.START_ROUTINE, {"routine": "breathing"}),
    Event(ev.PAIN_SCORE, {"score": "7"}),
    Event(ev.STOP),
    Event(ev.PAIN_SCORE, {"score": "8"}, text="my back's an eight"),
)


def _rows(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {
            table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("users", "history", "set_aside")
        }


def _keep_a_diary(store: SqliteStore, user: str) -> None:
    coach = Coach(clock=fixed_clock, ask_pain=True)
    session = None
    rows = _rows(store.path)["history"] if store.path.exists() else 0
    for event in DIARY_EVENTS:
        session = run_turn(coach, store, user, session, event).state.session_dict()
    assert _rows(store.path)["history"] == rows + 2  # two scores, each a row of its own


def test_delete_my_data_erases_the_diary(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "coach.sqlite3")
    _keep_a_diary(store, "someone")
    _keep_a_diary(store, "someone else")
    coach = Coach(clock=fixed_clock)
    session = run_turn(coach, store, "someone", None, Event(ev.DELETE_DATA)).state.session_dict()
    run_turn(coach, store, "someone", session, Event(ev.YES))
    assert store.load("someone") is None
    assert _rows(store.path) == {"users": 1, "history": 2, "set_aside": 0}  # the other user


def test_disabling_the_skill_erases_the_diary(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "coach.sqlite3")
    coach = Coach(clock=fixed_clock, ask_pain=True)
    app = create_app(verify=False, store=store, coach=coach)
    with app.test_client() as client:
        for request in (
            intent_request("StartRoutineIntent", routine="breathing"),
            intent_request("PainScoreIntent", score="7"),
        ):
            sent = client.post("/", data=json.dumps(envelope(request)), content_type=JSON)
            assert sent.status_code == 200
        assert _rows(store.path)["history"] == 1
        body = envelope({"type": "AlexaSkillEvent.SkillDisabled"})
        assert client.post("/", data=json.dumps(body), content_type=JSON).status_code == 200
    assert store.load(USER_ID) is None
    assert _rows(store.path) == {"users": 0, "history": 0, "set_aside": 0}


def test_forget_erases_the_local_diary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from local_runner.session import LOCAL_USER, default_store

    store = default_store()
    assert isinstance(store, SqliteStore)
    _keep_a_diary(store, LOCAL_USER)
    assert main(["forget"]) == 0
    assert _rows(store.path) == {"users": 0, "history": 0, "set_aside": 0}


def test_no_score_reaches_the_logs(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    store = SqliteStore(tmp_path / "coach.sqlite3")
    _keep_a_diary(store, "someone")
    app = create_app(verify=False, store=store, coach=Coach(clock=fixed_clock))
    with app.test_client() as client:
        request = envelope(intent_request("PainScoreIntent", score="7"))
        assert client.post("/", data=json.dumps(request), content_type=JSON).status_code == 200
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in ('"score"', "score=", "eight", "PainScore"):
        assert secret not in logged
