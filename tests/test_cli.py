"""The `stretch-coach` command line (DESIGN §9), run as a real subprocess where it matters."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from skill.cli import main
from tests.conftest import DESIGN_ROUTINE_IDS

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: str = "", env_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "STRETCH_COACH_DATA_DIR": str(env_dir)}
    return subprocess.run(
        [sys.executable, "-m", "skill.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )


def test_triage_prints_level_advice_and_flags(tmp_path: Path) -> None:
    result = run("triage", "numbness in my groin", env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["level"] == "emergency"
    assert "saddle_numbness" in data["flags"] and data["advice"]


def test_triage_jsonl_handles_empty_lines(tmp_path: Path) -> None:
    result = run(
        "triage", "--jsonl", stdin="stiff back\n\nfever with back pain\n", env_dir=tmp_path
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line.get("level") for line in lines] == ["selfcare", None, "urgent"]
    assert "error" in lines[1]


def test_triage_without_text_is_a_clear_error(tmp_path: Path) -> None:
    result = run("triage", env_dir=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "needs a description" in result.stderr


def test_parse_prints_intent_and_resolved_slots(tmp_path: Path) -> None:
    result = run("parse", "help my pinched nerve", env_dir=tmp_path)
    assert json.loads(result.stdout) == {
        "intent": "StartRoutineIntent",
        "slots": {"routine": "sciatica"},
    }
    jsonl = run("parse", "--jsonl", stdin="next one\nhold for twenty seconds\n", env_dir=tmp_path)
    parsed = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert parsed[0]["intent"] == "AMAZON.NextIntent"
    assert parsed[1] == {"intent": "HoldTimeIntent", "slots": {"seconds": "20"}}


def test_routines_lists_every_routine_with_length(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["routines"]) == 0
    out = capsys.readouterr().out
    for routine_id in sorted(DESIGN_ROUTINE_IDS):
        assert f"{routine_id}:" in out
    assert "lower_back: lower back routine (about 11 min)" in out  # as the coach announces it
    assert "knee to chest: Hold it for about thirty seconds" in out
    assert "lying twist: Hold it for about thirty seconds, breathing slowly, with no bouncing. Each side." in out


def test_script_runs_a_full_routine_and_resumes_later(tmp_path: Path) -> None:
    script = tmp_path / "session.txt"
    script.write_text("start the breathing routine\nnext\nnext\nnext\nstop\n")
    result = run("--script", str(script), env_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert "That's the end of the breathing routine" in result.stdout
    assert "you> start the breathing routine" in result.stdout

    part = tmp_path / "part.txt"
    part.write_text("start lower back routine\nnext\nstop\n")
    run("--script", str(part), env_dir=tmp_path / "data")
    again = tmp_path / "again.txt"
    again.write_text("yes\nstop\n")
    resumed = run("--script", str(again), env_dir=tmp_path / "data")
    assert "pick up where you left off" in resumed.stdout
    assert "Picking up the lower back routine at exercise two" in resumed.stdout


def test_script_bad_lines_are_answered_and_the_session_goes_on(tmp_path: Path) -> None:
    script = tmp_path / "session.txt"
    script.write_text("start desk break\nflibbertigibbet wobble\nnext\nstop\n")
    result = run("--script", str(script), env_dir=tmp_path / "data")
    assert result.returncode == 0
    assert "didn't catch that" in result.stdout
    assert "Exercise two of two" in result.stdout  # the usual desk break is the short one


def test_missing_script_is_a_clear_error(tmp_path: Path) -> None:
    result = run("--script", str(tmp_path / "nope.txt"), env_dir=tmp_path)
    assert result.returncode == 1
    assert "cannot read script" in result.stderr and "Traceback" not in result.stderr


def test_text_mode_ends_cleanly_on_end_of_input(tmp_path: Path) -> None:
    result = run("--text", stdin="list routines\n", env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "I have six routines" in result.stdout


def test_serve_answers_alexa_requests_on_loopback(tmp_path: Path) -> None:
    import socket
    import time
    import urllib.request

    from tests.conftest import envelope

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "STRETCH_COACH_DATA_DIR": str(tmp_path)}
    server = subprocess.Popen(
        [sys.executable, "-m", "skill.cli", "serve", "--port", str(port), "--no-verify"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        body = json.dumps(envelope({"type": "LaunchRequest"}, new=True)).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/", data=body, headers={"Content-Type": "application/json"}
        )
        for _ in range(100):  # bounded: up to ~10 s for the server to start
            try:
                with urllib.request.urlopen(request, timeout=2) as response:
                    payload = json.loads(response.read())
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("server did not answer")
        assert "Welcome to Back Stretch Coach" in payload["response"]["outputSpeech"]["ssml"]
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=10)
    assert "verification is OFF" in stderr


def test_local_session_keeps_an_unreadable_profile_aside() -> None:
    from local_runner.session import LocalSession
    from skill.stores.memory import MemoryStore

    store = MemoryStore()
    store.data["local-user"] = {"hold_seconds": "forever"}
    session = LocalSession(store=store)
    session.start()
    session.say("hold for forty seconds")
    saved = store.data["local-user"]
    assert saved["hold_seconds"] == 40
    assert saved["_unreadable_profiles"] == [{"hold_seconds": "forever"}]


def test_minutes_picks_the_short_version_when_the_full_one_is_longer(tmp_path: Path) -> None:
    script = tmp_path / "s.txt"
    script.write_text("start the lower back routine\nstop\n")
    short = run("--script", str(script), "--minutes", "8", env_dir=tmp_path / "a")
    full = run("--script", str(script), "--minutes", "60", env_dir=tmp_path / "b")
    assert "Exercise one of three: cat cow" in short.stdout
    assert "Exercise one of five: cat cow" in full.stdout


def test_a_bad_store_setting_is_one_clear_line(tmp_path: Path) -> None:
    script = tmp_path / "s.txt"
    script.write_text("stop\n")
    result = subprocess.run(
        [sys.executable, "-m", "skill.cli", "--script", str(script)],
        capture_output=True, text=True, cwd=ROOT, timeout=60, check=False,
        env={"PATH": "/usr/bin:/bin", "STRETCH_COACH_DATA_DIR": str(tmp_path),
             "STRETCH_COACH_STORE": "mysql://nope"},
    )  # fmt: skip
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "cannot open the profile store" in result.stderr
