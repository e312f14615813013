"""gunicorn's gevent worker, made fair to keep-alive connections (the serving tail latency).

Measured (issue 13, `benchmarks/bench_service.py`): with gunicorn's own gevent worker a busy
keep-alive connection kept its worker for up to ~250 requests in a row, because a greenlet only
yields when a read would block, and a fast client has its next request in the socket before the
server asks for it. Every other connection of that worker, and every new connection waiting in
the kernel's accept queue (accept runs only when the event loop gets control), waited meanwhile:
p99 of 0.5-2 s at 32 connections for the minimal one-handler skill as much as for the coach,
with each request served in under 1 ms and no listen-queue overflow (nstat
TcpExtListenOverflows stayed 0; `ss -ltn` showed 25 connections waiting to be accepted for up
to 0.8 s).

`FairGeventWorker` answers a request and then waits for the connection's next request through
the event loop, like every other connection and the listening socket: each ready connection is
served once per loop pass, and the listener is polled every pass. The wait keeps gunicorn's
keep-alive limit (an idle connection is closed after `keepalive` seconds, as before). If the
next request is already read into gunicorn's buffer (a pipelining client), or TLS holds
decrypted bytes, the socket may never become readable again, so the worker only yields a turn
(`gevent.sleep(0)`) instead.

Left as gunicorn has it: one accept per loop pass per worker (`max_accept = 1` with several
workers), so a burst of new connections is taken up one per pass. At 64 connections that is
most of the p99 left (0.2-0.6 s for the first answer on the last connections); accepting 4 per
pass halved it, but in one run of three one worker took 28 of 32 connections (gunicorn's
reason for 1), and the 32-connection rows did not change. See README, "Self-hosted".
"""

from __future__ import annotations

import ssl
from typing import Any

import gevent
from gevent.socket import wait_read
from gunicorn.workers.ggevent import GeventWorker


def has_buffered_input(req: Any, sock: Any) -> bool:
    """True when the next request may already be in memory (or we cannot tell)."""
    buffer = getattr(getattr(req, "unreader", None), "buf", None)
    if buffer is None or not hasattr(buffer, "getbuffer"):
        return True  # an unknown gunicorn internals layout: take the safe path
    if buffer.getbuffer().nbytes:
        return True
    return isinstance(sock, ssl.SSLSocket) and sock.pending() > 0


def wait_for_next_request(req: Any, sock: Any, keepalive: float) -> None:
    """Yield to the event loop until `sock` has the next request (closing it when idle)."""
    if has_buffered_input(req, sock) or sock.fileno() < 0:
        gevent.sleep(0)
        return
    # StopIteration is how gunicorn's keep-alive loop is told to close the connection.
    wait_read(sock.fileno(), timeout=keepalive, timeout_exc=StopIteration)


class FairGeventWorker(GeventWorker):  # type: ignore[misc]  # gunicorn has no type hints
    """gunicorn's gevent worker that gives every connection its turn after each request."""

    def handle_request(self, listener_name: Any, req: Any, sock: Any, addr: Any) -> Any:
        handled = super().handle_request(listener_name, req, sock, addr)  # raises to close
        if self.cfg.keepalive:
            wait_for_next_request(req, sock, self.cfg.keepalive)
        return handled
