"""The serving worker gives every keep-alive connection its turn (`skill/alexa/worker.py`).

Against the real service under gunicorn (one worker): a client that pipelines thousands of
requests on one connection must not keep the worker from a second connection, and pipelined
requests already in gunicorn's buffer are answered, not left waiting for the socket. Plus the
worker's choice between waiting on the socket and only yielding. Every wait is bounded.
"""

from __future__ import annotations

import http.client
import io
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from skill.alexa import worker
from tests.service_harness import LOOPBACK
from tests.test_service_gunicorn import _harness
from tests.test_verification import FakePKI

# Refused at once (no JSON content type): cheap, and never waits on the store or the network.
REFUSED = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
STATUS_LINE = b"HTTP/1.1 400 "
PIPELINED = 3000


@pytest.fixture(scope="module")
def port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    with _harness(FakePKI(), tmp_path_factory.mktemp("worker")) as running:
        yield running["port"]


def _status(connection: http.client.HTTPConnection) -> int:
    response = connection.getresponse()
    response.read()
    return response.status


class Counter:
    """Reads one connection in a thread, counting the responses that have arrived."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.count = 0
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        tail = b""
        while True:
            try:
                data = self.sock.recv(65536)
            except OSError:
                return
            if not data:
                return
            chunk = tail + data
            self.count += chunk.count(STATUS_LINE)
            tail = chunk[-(len(STATUS_LINE) - 1) :]

    def wait_for(self, count: int, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while self.count < count and time.monotonic() < deadline:
            time.sleep(0.005)
        return self.count >= count


def test_a_pipelining_client_does_not_hold_the_worker(port: int) -> None:
    other = http.client.HTTPConnection(LOOPBACK, port, timeout=5)
    other.request("POST", "/", body=b"")  # accepted and waiting for its next request
    assert _status(other) == 400
    with socket.create_connection((LOOPBACK, port), timeout=10) as greedy:
        counter = Counter(greedy)
        greedy.sendall(REFUSED * PIPELINED)
        assert counter.wait_for(1, 5)  # the worker is busy with the pipelined requests
        other.request("POST", "/", body=b"")
        assert _status(other) == 400
        served_meanwhile = counter.count
        assert counter.wait_for(PIPELINED, 30)  # all answered, none left in a buffer
    other.close()
    # gunicorn's own gevent worker answered all 3000 first (it never yields between requests
    # it has already read); ours serves the other connection between two of them.
    assert served_meanwhile < PIPELINED / 2


def test_pipelined_requests_in_the_buffer_are_answered_at_once(port: int) -> None:
    with socket.create_connection((LOOPBACK, port), timeout=10) as client:
        counter = Counter(client)
        client.sendall(REFUSED * 2)  # one write: the second request is read with the first
        # Keep-alive closes an idle connection after 5 s; waiting on the socket for a request
        # already in the buffer would stall that long and drop it.
        assert counter.wait_for(2, 2.5)


class FakeRequest:
    def __init__(self, buffered: bytes) -> None:
        self.unreader = type("Unreader", (), {"buf": io.BytesIO(buffered)})()


class FakeSocket:
    def __init__(self, fileno: int = 7) -> None:
        self._fileno = fileno

    def fileno(self) -> int:
        return self._fileno


def _calls(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    calls: list[Any] = []
    monkeypatch.setattr(worker, "wait_read", lambda *a, **k: calls.append(("wait", a, k)))
    monkeypatch.setattr(worker.gevent, "sleep", lambda seconds: calls.append(("sleep", seconds)))
    return calls


def test_with_nothing_buffered_the_worker_waits_for_the_socket(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _calls(monkeypatch)
    worker.wait_for_next_request(FakeRequest(b""), FakeSocket(7), 5)
    assert calls == [("wait", (7,), {"timeout": 5, "timeout_exc": StopIteration})]


@pytest.mark.parametrize(
    ("request_", "sock"),
    [
        (FakeRequest(b"GET / HTTP/1.1\r\n"), FakeSocket()),  # the next request is in memory
        (object(), FakeSocket()),  # gunicorn's internals changed: cannot tell, so never wait
        (FakeRequest(b""), FakeSocket(-1)),  # already closed
    ],
)
def test_otherwise_it_only_yields(
    monkeypatch: pytest.MonkeyPatch, request_: Any, sock: FakeSocket
) -> None:
    calls = _calls(monkeypatch)
    worker.wait_for_next_request(request_, sock, 5)
    assert calls == [("sleep", 0)]
