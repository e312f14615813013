"""Production serving: the Flask app under gunicorn, started in-process from the CLI.

Settings, chosen for this workload (a few KB JSON in, a few KB out, ~1 ms of CPU per turn, one
rare outbound call to fetch Amazon's signing certificate, and Alexa giving up after 8 s):

- worker class: gevent (`worker.FairGeventWorker`): every connection is a greenlet, so clients
  that send their headers slowly (slowloris) cost a few KB each instead of a thread, and
  gunicorn drops any that have not sent a whole request head within `keepalive` seconds. The
  certificate download yields too. A turn is CPU-bound and short, so one event loop per core
  serves it well; the store's blocking disk calls go to gevent's thread pool (`offload.py`,
  wired in `stretch-coach serve`). gunicorn's own gevent worker let one busy keep-alive
  connection hold its worker for hundreds of requests (p99 of seconds at 32 connections, the
  minimal skill too); ours waits for each next request through the event loop (`worker.py`).
- workers: one per CPU core (`--workers N`), at least 2 so a worker restart never leaves
  nobody listening; `worker_connections` caps open connections per worker.
- `timeout` 7 s: a worker silent for longer (a turn stuck past Alexa's 8 s) is restarted.
- `keepalive` 5 s: Alexa reuses connections; idle or slow ones are closed after this.
- `graceful_timeout` 7 s: on SIGTERM workers stop accepting and finish in-flight requests.
- request line 2 KB, 40 header fields of at most 4 KB: Alexa's are far smaller.
- `max_requests` 200,000 with jitter: workers are recycled now and then, so any slow leak stays
  bounded. Not more often: a new worker spends ~1 s of CPU importing and building the skill,
  which on 2 cores is taken from the worker still serving (at 10,000 the benchmark recycled
  every worker every few seconds; at Alexa rates 200,000 is still days, not months).
- no control socket (gunicorn's runtime admin interface): nothing here uses it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger as GunicornLogger

from . import weblog

WORKER_CLASS = "skill.alexa.worker.FairGeventWorker"
REQUEST_TIMEOUT_SECONDS = 7
KEEPALIVE_SECONDS = 5
GRACEFUL_TIMEOUT_SECONDS = 7
WORKER_CONNECTIONS = 500
MAX_REQUESTS = 200_000


def default_workers() -> int:
    return max(2, os.cpu_count() or 1)


@dataclass(frozen=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 5000
    workers: int = 0  # 0: one per CPU core
    certfile: str | None = None
    keyfile: str | None = None
    log_level: str = "info"
    access_log: bool = True


def gunicorn_settings(options: ServeOptions) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "bind": [f"[{options.host}]:{options.port}" if ":" in options.host
                 else f"{options.host}:{options.port}"],
        "workers": options.workers or default_workers(),
        "worker_class": WORKER_CLASS,
        "worker_connections": WORKER_CONNECTIONS,
        "timeout": REQUEST_TIMEOUT_SECONDS,
        "keepalive": KEEPALIVE_SECONDS,
        "graceful_timeout": GRACEFUL_TIMEOUT_SECONDS,
        "limit_request_line": 2048,
        "limit_request_fields": 40,
        "limit_request_field_size": 4096,
        "max_requests": MAX_REQUESTS,
        "max_requests_jitter": MAX_REQUESTS // 10,
        "logger_class": JsonGunicornLogger,
        "loglevel": options.log_level,
        "errorlog": "-",
        "accesslog": "-" if options.access_log else None,
        "proc_name": "stretch-coach",
        # gunicorn's runtime control socket: not needed, and two services would share its path.
        "control_socket_disable": True,
    }  # fmt: skip
    if options.certfile:
        settings.update(certfile=options.certfile, keyfile=options.keyfile)
    return settings


class JsonGunicornLogger(GunicornLogger):  # type: ignore[misc]
    """gunicorn's logger writing JSON lines; the access line names no client address or query."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for logger in (self.error_log, self.access_log):
            for handler in logger.handlers:
                handler.setFormatter(weblog.formatter())

    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        if not self.access_log_enabled:
            return
        status = str(resp.status).split(None, 1)[0]
        self.access_log.info(
            "access",
            extra={
                "method": str(environ.get("REQUEST_METHOD", ""))[:10],
                "path": str(environ.get("PATH_INFO", ""))[:100],
                "status": int(status) if status.isdigit() else status,
                "bytes": getattr(resp, "sent", None),
                "latency_ms": round(request_time.total_seconds() * 1000, 2),
            },
        )


class CoachServer(BaseApplication):  # type: ignore[misc]  # gunicorn has no type hints
    """gunicorn run from our own console script; `make_app` is called in each worker."""

    def __init__(self, make_app: Callable[[], Any], settings: dict[str, Any]) -> None:
        self.make_app = make_app
        self.settings = settings
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.settings.items():
            if value is not None:
                self.cfg.set(key, value)

    def load(self) -> Any:
        # In the worker, after gevent has patched the standard library.
        weblog.configure(self.settings["loglevel"])
        return self.make_app()


def serve(make_app: Callable[[], Any], options: ServeOptions) -> None:
    CoachServer(make_app, gunicorn_settings(options)).run()
