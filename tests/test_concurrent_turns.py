"""Simultaneous turns for one user over HTTP lose nothing: the turn is one store transaction."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from skill.alexa.webservice import create_app
from skill.core.coach import Coach
from skill.stores.sqlite import SqliteStore
from tests.conftest import USER_ID, envelope, fixed_clock, intent_request

# Eight different exercises, each the current step of some routine.
STEPS = [("lower_back", i) for i in range(5)] + [("hamstrings", i) for i in range(3)]


def test_eight_simultaneous_worse_requests_keep_every_exercise_left_out(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "users.sqlite3")
    app = create_app(verify=False, store=store, coach=Coach(clock=fixed_clock))
    start = threading.Barrier(len(STEPS))
    statuses: list[int] = []

    def worse(routine_id: str, step: int) -> None:
        session: dict[str, Any] = {"mode": "routine", "routine_id": routine_id, "step_index": step}
        body = envelope(intent_request("FeelingIntent", feeling=("worse", "worse")), session)
        with app.test_client() as client:
            start.wait()
            response = client.post("/", data=json.dumps(body), content_type="application/json")
            statuses.append(response.status_code)

    threads = [threading.Thread(target=worse, args=step) for step in STEPS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert statuses == [200] * len(STEPS)
    stored = store.load(USER_ID)
    assert stored is not None
    library = Coach().library
    expected = {library.routine(r).steps[i].exercise.id for r, i in STEPS}
    assert set(stored["avoided_exercises"]) == expected  # none of the eight was lost
