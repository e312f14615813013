"""The real thing: gunicorn on loopback, verification ON with a test CA.

Slow-header clients (slowloris) must not stop other users being served; SIGTERM lets an
in-flight request finish; /healthz answers; a correctly signed request gets a spoken reply.
Every wait here is bounded.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import envelope
from tests.service_harness import CERT_URL, LOOPBACK, write_pki
from tests.test_verification import FakePKI

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def _poll(attempt: Callable[[], Any]) -> Any:
    """attempt() until it stops raising OSError: bounded, up to ~15 s for a server to start."""
    for _ in range(150):
        try:
            return attempt()
        except OSError:
            time.sleep(0.1)
    raise AssertionError("server did not answer")


def _request(
    port: int, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(LOOPBACK, port, timeout=5)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def pki() -> FakePKI:
    return FakePKI()


@contextlib.contextmanager
def _harness(pki: FakePKI, directory: Path, *extra: str) -> Iterator[dict[str, Any]]:
    """One gunicorn worker of the real service on loopback, trusting the test CA."""
    env = {
        **os.environ,
        **write_pki(pki, directory / "pki"),
        "STRETCH_COACH_DATA_DIR": str(directory / "data"),
    }
    port = _free_port()
    # The log goes to a file: a pipe nobody reads fills after ~250 request lines, and then the
    # worker blocks in its next log write.
    with open(directory / "server.log", "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.service_harness", "--port", str(port),
             "--pki", str(directory / "pki"), "--workers", "1", *extra],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log,
        )  # fmt: skip
    try:
        assert _poll(lambda: _request(port, "GET", "/healthz"))[0] == 200
        yield {"port": port, "process": process}
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(pki: FakePKI, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    directory = tmp_path_factory.mktemp("service")
    with _harness(pki, directory, "--slow-route") as running:
        yield {**running, "started": directory / "pki" / "slow-started"}


def _signed(pki: FakePKI) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(envelope({"type": "LaunchRequest"}, new=True)).encode()
    headers = {
        "Content-Type": "application/json",
        "SignatureCertChainUrl": CERT_URL,
        "Signature-256": pki.sign(body),
    }
    return body, headers


def test_signed_request_is_answered_and_unsigned_refused(
    server: dict[str, Any], pki: FakePKI
) -> None:
    body, headers = _signed(pki)
    status, payload = _request(server["port"], "POST", "/", body, headers)
    assert status == 200
    assert "Welcome" in json.loads(payload)["response"]["outputSpeech"]["ssml"]
    status, _ = _request(server["port"], "POST", "/", body, {"Content-Type": "application/json"})
    assert status == 400


def test_oversized_header_is_refused(server: dict[str, Any]) -> None:
    status, _ = _request(server["port"], "GET", "/healthz", headers={"X-Big": "a" * 10000})
    assert status == 431  # Request Header Fields Too Large, from gunicorn's field cap


def test_slow_header_clients_do_not_stop_other_users(
    server: dict[str, Any], pki: FakePKI
) -> None:
    port = server["port"]
    slow = []
    try:
        for _ in range(20):  # one worker: with a thread per connection these would starve it
            sock = socket.create_connection((LOOPBACK, port), timeout=5)
            sock.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nX-Slow: ")  # headers never finish
            slow.append(sock)
        latencies = []
        for _ in range(10):
            body, headers = _signed(pki)
            started = time.monotonic()
            status, _ = _request(port, "POST", "/", body, headers)
            latencies.append(time.monotonic() - started)
            assert status == 200
        assert max(latencies) < 1.0
    finally:
        for sock in slow:
            sock.close()


def test_sigterm_lets_the_in_flight_request_finish(server: dict[str, Any]) -> None:
    result: dict[str, Any] = {}

    def slow_request() -> None:
        result["status"], result["body"] = _request(server["port"], "GET", "/slow")

    worker = threading.Thread(target=slow_request)
    worker.start()
    for _ in range(100):  # bounded: until the request is inside its 1 s handler
        if server["started"].exists():
            break
        time.sleep(0.05)
    server["process"].send_signal(signal.SIGTERM)
    worker.join(timeout=10)
    assert result == {"status": 200, "body": b"done"}
    assert server["process"].wait(timeout=15) == 0


def _self_signed(directory: Path) -> tuple[Path, Path]:
    import ipaddress
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(LOOPBACK))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_serve_speaks_tls_with_certfile_and_keyfile(tmp_path: Path) -> None:
    import ssl

    cert, key = _self_signed(tmp_path)
    port = _free_port()
    env = {**os.environ, "STRETCH_COACH_DATA_DIR": str(tmp_path / "data")}
    process = subprocess.Popen(
        [sys.executable, "-m", "skill.cli", "serve", "--port", str(port), "--workers", "1",
         "--certfile", str(cert), "--keyfile", str(key)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    context = ssl.create_default_context(cafile=str(cert))

    def health() -> tuple[int, bytes]:
        connection = http.client.HTTPSConnection(LOOPBACK, port, timeout=5, context=context)
        try:
            connection.request("GET", "/healthz")
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    try:
        assert _poll(health) == (200, b'{"status":"ok"}')
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=20)
    assert process.returncode == 0
    assert '"Listening at: https://' in stderr


def test_a_hanging_certificate_download_is_bounded_and_blocks_nobody(
    pki: FakePKI, tmp_path: Path
) -> None:
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind((LOOPBACK, 0))
        silent.listen(8)
        url = f"http://{LOOPBACK}:{silent.getsockname()[1]}/echo.api/cert.pem"
        with _harness(pki, tmp_path, "--hanging-fetch", url) as running:
            port = running["port"]
            result: dict[str, Any] = {}

            def signed_request() -> None:
                body, headers = _signed(pki)
                started = time.monotonic()
                result["status"], _ = _request(port, "POST", "/", body, headers)
                result["seconds"] = time.monotonic() - started

            hanging = threading.Thread(target=signed_request)
            hanging.start()
            silent.settimeout(5)
            download, _ = silent.accept()  # the one worker is now waiting on the download
            with download:
                started = time.monotonic()
                assert _request(port, "GET", "/healthz")[0] == 200
                assert time.monotonic() - started < 0.5  # the worker is free meanwhile
                hanging.join(timeout=10)
            assert result["status"] == 400
            assert result["seconds"] < 3  # the 1 s download timeout, not forever


def test_dev_flag_runs_flasks_own_server(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "STRETCH_COACH_DATA_DIR": str(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "skill.cli", "serve", "--dev", "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        status, body = _poll(lambda: _request(port, "GET", "/healthz"))
        assert (status, body) == (200, b'{"status":"ok"}')
        connection = http.client.HTTPConnection(LOOPBACK, port, timeout=5)
        connection.request("GET", "/healthz")
        assert "Werkzeug" in (connection.getresponse().getheader("Server") or "")
        connection.close()
    finally:
        process.terminate()
        process.communicate(timeout=10)
