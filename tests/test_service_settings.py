"""The gunicorn settings and the `serve` command line: what production serving promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from skill.alexa.serving import (
    WORKER_CLASS,
    JsonGunicornLogger,
    ServeOptions,
    default_workers,
    gunicorn_settings,
)

ROOT = Path(__file__).resolve().parent.parent
ALEXA_DEADLINE_SECONDS = 8


def test_settings_fit_the_alexa_deadline_and_cap_headers() -> None:
    settings = gunicorn_settings(ServeOptions())
    # gevent (slowloris-proof), fair to keep-alive connections: see serving.py and worker.py
    assert settings["worker_class"] == WORKER_CLASS == "skill.alexa.worker.FairGeventWorker"
    assert settings["timeout"] < ALEXA_DEADLINE_SECONDS
    assert settings["keepalive"] < ALEXA_DEADLINE_SECONDS
    assert settings["graceful_timeout"] < ALEXA_DEADLINE_SECONDS
    assert settings["limit_request_line"] <= 4096
    assert settings["limit_request_field_size"] <= 8190
    assert settings["limit_request_fields"] <= 100
    assert settings["worker_connections"] > 0
    assert settings["logger_class"] is JsonGunicornLogger
    assert settings["control_socket_disable"] is True
    assert settings["bind"] == ["127.0.0.1:5000"]
    assert "certfile" not in settings


def test_worker_count_defaults_to_cores_and_can_be_set() -> None:
    assert gunicorn_settings(ServeOptions())["workers"] == default_workers() >= 2
    assert gunicorn_settings(ServeOptions(workers=5))["workers"] == 5


def test_tls_and_ipv6_bind() -> None:
    settings = gunicorn_settings(ServeOptions(host="::1", port=8443, certfile="c", keyfile="k"))
    assert settings["bind"] == ["[::1]:8443"]
    assert (settings["certfile"], settings["keyfile"]) == ("c", "k")


def _serve(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skill.cli", "serve", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=30,
    )  # fmt: skip


def test_certfile_without_keyfile_is_a_clear_error() -> None:
    result = _serve("--certfile", "cert.pem")
    assert result.returncode != 0
    assert "--certfile and --keyfile go together" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_certificate_file_is_a_clear_error(tmp_path: Path) -> None:
    result = _serve("--certfile", str(tmp_path / "no.pem"), "--keyfile", str(tmp_path / "no.key"))
    assert result.returncode != 0 and "no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_workers_must_be_positive() -> None:
    result = _serve("--workers", "0")
    assert result.returncode != 0 and "must be at least 1" in result.stderr

