#!/usr/bin/env python3
"""The service under gunicorn on loopback, verification ON, against a minimal ASK SDK skill.

Both apps are started by `tests/service_harness.py` with the production gunicorn settings
(`skill/alexa/serving.py`) and a test CA whose root the service is told to trust. The load
generator is wrk (Debian's `wrk`, when installed; it costs the server's 2 cores far less) or a
small asyncio client (`--client asyncio`), keeping N keep-alive connections busy for a fixed
time at 1, 8, 32 and 64 connections: throughput, p50, p99, errors (non-200 included), and
memory per worker. wrk runs one thread at every level (one event loop drives 64 connections at
these rates with ~0.1 core; a thread per core would take CPU from the server it measures), and
each row says how many cores the server, the client and everything else on the machine used
(`cpu_use.py`), and whether a worker restarted during it. The coach runs with profiles in
memory (the web stack against the minimal skill, which stores nothing) and with today's default
file store. Then the coach at 32 connections while 20 slowloris clients dribble header bytes.
Targets (2 quiet cores): zero errors; p99 < 50 ms at 32; throughput >= 0.7x minimal; p99 < 100
ms under slowloris.
Loopback only; every loop bounded in time and count.

    .venv/bin/python benchmarks/bench_service.py [--seconds 3] [--workers 2] [--client wrk|asyncio]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.cpu_use import CpuUse  # noqa: E402
from tests.conftest import envelope, intent_request  # noqa: E402
from tests.service_harness import CERT_URL, LOOPBACK, write_pki  # noqa: E402
from tests.test_verification import FakePKI  # noqa: E402

LEVELS = (1, 8, 32, 64)
MAX_REQUESTS_PER_RUN = 100_000
SLOWLORIS = 20
Row = tuple[float, float, float, int]  # req/s, p50 ms, p99 ms, errors
WRK_THREADS = 1

WRK_SCRIPT = """
wrk.method = "POST"
wrk.body = [==[%(body)s]==]
wrk.headers["Content-Type"] = "application/json"
wrk.headers["SignatureCertChainUrl"] = "%(url)s"
wrk.headers["Signature-256"] = "%(signature)s"
done = function(s, latency, requests)
  local e = s.errors
  io.write(string.format("RESULT %%d %%d %%d %%d\\n", s.requests,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def signed_body(pki: FakePKI) -> tuple[bytes, str]:
    """A mid-routine "next" (the common turn), freshly stamped, and its signature."""
    attributes = {"mode": "routine", "routine_id": "lower_back", "step_index": 1}
    body = json.dumps(envelope(intent_request("AMAZON.NextIntent"), attributes)).encode()
    return body, pki.sign(body)


def run_wrk(port: int, pki: FakePKI, connections: int, seconds: float, tmp: Path) -> Row:
    body, signature = signed_body(pki)
    script = tmp / "post.lua"
    script.write_text(WRK_SCRIPT % {"body": body.decode(), "url": CERT_URL,
                                    "signature": signature})  # fmt: skip
    output = subprocess.run(
        ["wrk", "-t", str(WRK_THREADS), "-c", str(connections), "-d", f"{seconds}s",
         "--timeout", "5s", "-s", str(script), f"http://{LOOPBACK}:{port}/"],
        capture_output=True, text=True, timeout=seconds + 30, check=True,
    ).stdout  # fmt: skip
    found = re.search(r"RESULT (\d+) (\d+) (\d+) (\d+)", output)
    if not found:
        raise SystemExit(f"wrk said: {output}")
    count, errors, p50, p99 = (int(x) for x in found.groups())
    return count / seconds, p50 / 1000, p99 / 1000, errors


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = next(int(v) for k, _, v in (x.partition(": ") for x in lines[1:])
                  if k.lower() == "content-length")  # fmt: skip
    await reader.readexactly(length)
    return int(lines[0].split()[1])


async def _client(port: int, request: bytes, deadline: float, out: dict[str, list]) -> None:
    reader, writer = await asyncio.open_connection(LOOPBACK, port)
    try:
        while time.monotonic() < deadline and len(out["lat"]) < MAX_REQUESTS_PER_RUN:
            started = time.perf_counter()
            writer.write(request)
            try:
                status = await asyncio.wait_for(_read_response(reader), timeout=5)
            except (TimeoutError, asyncio.IncompleteReadError, ConnectionError):
                out["err"].append(1)
                writer.close()
                reader, writer = await asyncio.open_connection(LOOPBACK, port)
                continue
            out["lat"].append((time.perf_counter() - started) * 1000)
            if status != 200:
                out["err"].append(status)
    finally:
        writer.close()


def run_asyncio(port: int, pki: FakePKI, connections: int, seconds: float, tmp: Path) -> Row:
    body, signature = signed_body(pki)
    request = (
        f"POST / HTTP/1.1\r\nHost: {LOOPBACK}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nSignatureCertChainUrl: {CERT_URL}\r\n"
        f"Signature-256: {signature}\r\n\r\n"
    ).encode() + body
    out: dict[str, list] = {"lat": [], "err": []}
    deadline = time.monotonic() + seconds

    async def all_clients() -> None:
        await asyncio.gather(*(_client(port, request, deadline, out) for _ in range(connections)))

    asyncio.run(all_clients())
    lat = out["lat"]
    p99 = statistics.quantiles(lat, n=100)[98] if len(lat) >= 2 else float("nan")
    return len(lat) / seconds, statistics.median(lat), p99, len(out["err"])


class Slowloris:
    """20 connections whose headers never finish, reopened when the server drops them."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.stop = threading.Event()
        self.dropped = 0
        self.threads = [threading.Thread(target=self._hold, daemon=True) for _ in range(SLOWLORIS)]

    def _hold(self) -> None:
        while not self.stop.is_set():
            try:
                with socket.create_connection((LOOPBACK, self.port), timeout=2) as sock:
                    sock.sendall(b"POST / HTTP/1.1\r\nHost: x\r\n")
                    while not self.stop.wait(0.5):
                        sock.sendall(b"X-a: b\r\n")
            except OSError:
                self.dropped += 1
                self.stop.wait(0.1)

    def __enter__(self) -> Slowloris:
        for thread in self.threads:
            thread.start()
        time.sleep(1.0)  # let them settle in
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=5)


def worker_rss_mb(master: int) -> list[float]:
    sizes = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) != master:
                continue
            for line in (entry / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        except (OSError, ValueError, IndexError):
            continue
    return sizes


def start(
    app: str, pki_dir: Path, env: dict[str, str], workers: int
) -> tuple[subprocess.Popen[bytes], int]:
    kind, _, store = app.partition("/")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.service_harness", "--port", str(port), "--pki",
         str(pki_dir), "--app", kind, "--workers", str(workers), "--store", store or "file"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(150):
        try:
            with socket.create_connection((LOOPBACK, port), timeout=1):
                return process, port
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"{app} did not start")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 1))
    parser.add_argument("--client", choices=["wrk", "asyncio"],
                        default="wrk" if shutil.which("wrk") else "asyncio")  # fmt: skip
    args = parser.parse_args()
    run = run_wrk if args.client == "wrk" else run_asyncio
    pki = FakePKI()
    results: dict[tuple[str, str], Row] = {}
    cpu: dict[tuple[str, str], CpuUse] = {}
    memory: dict[str, list[float]] = {}
    dropped = 0
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = {**os.environ, **write_pki(pki, tmp / "pki"), "STRETCH_COACH_DATA_DIR": str(tmp / "data")}  # noqa: E501
        plan = {"minimal": LEVELS, "coach/memory": LEVELS, "coach/file": (1, 32)}
        for app, levels in plan.items():
            process, port = start(app, tmp / "pki", env, args.workers)
            try:
                run(port, pki, 4, 1, tmp)  # warm up
                for level in levels:
                    use = CpuUse(process.pid)
                    results[(app, str(level))] = run(port, pki, level, args.seconds, tmp)
                    cpu[(app, str(level))] = use.stop()
                if app == "coach/memory":
                    with Slowloris(port) as lorises:
                        use = CpuUse(process.pid)
                        # Longer than gunicorn's 5 s header timeout, so drops show.
                        row = run(port, pki, 32, max(args.seconds, 6), tmp)
                        results[(app, "32+slowloris")] = row
                        cpu[(app, "32+slowloris")] = use.stop()
                    dropped = lorises.dropped
                memory[app] = worker_rss_mb(process.pid)
            finally:
                process.terminate()
                process.wait(timeout=20)
    print(f"gunicorn, {args.workers} workers, verification ON, client {args.client}, "
          f"{args.seconds} s per row")  # fmt: skip
    print(f"{'app/store':<13} {'conns':>13} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
          f"{'errors':>7} {'x minimal':>10}   cores used: server client other")  # fmt: skip
    for (app, level), (rps, p50, p99, errors) in results.items():
        base = results.get(("minimal", level))
        ratio = f"{rps / base[0]:.2f}x" if base and app != "minimal" else ""
        use = cpu[(app, level)]
        restarts = f" ({use.restarts} worker restarts)" if use.restarts else ""
        print(f"{app:<13} {level:>13} {rps:>8.0f} {p50:>8.2f} {p99:>8.2f} {errors:>7} "
              f"{ratio:>10}   {use.server:>18.2f} {use.client:>6.2f} {use.other:>5.2f}"
              f"{restarts}")  # fmt: skip
    print(f"slowloris connections the server dropped (header timeout): {dropped}")
    for app, sizes in memory.items():
        print(f"memory per worker, {app:<13}: " + ", ".join(f"{s:.0f} MB" for s in sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
