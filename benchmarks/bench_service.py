#!/usr/bin/env python3
"""The service under gunicorn on loopback, verification ON, against a minimal ASK SDK skill.

Both apps are started by `tests/service_harness.py` with the production gunicorn settings
(`skill/alexa/serving.py`) and a test CA whose root the service is told to trust. A small
asyncio client keeps N keep-alive connections busy for a fixed time (bounded in count too) at
1, 8, 32 and 64 connections: throughput, p50, p99, errors, and memory per worker. Then the
coach again at 32 connections while 20 slowloris clients dribble header bytes. Targets (2
cores): zero errors; p99 < 50 ms at 32; throughput >= 0.7x minimal; p99 < 100 ms under
slowloris. Loopback only.

    .venv/bin/python benchmarks/bench_service.py [--seconds 3] [--workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import envelope, intent_request  # noqa: E402
from tests.service_harness import CERT_URL, LOOPBACK, write_pki  # noqa: E402
from tests.test_verification import FakePKI  # noqa: E402

LEVELS = (1, 8, 32, 64)
MAX_REQUESTS_PER_RUN = 50_000
SLOWLORIS = 20


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def signed_request(pki: FakePKI) -> bytes:
    attributes = {"mode": "routine", "routine_id": "lower_back", "step_index": 1}
    body = json.dumps(envelope(intent_request("AMAZON.NextIntent"), attributes)).encode()
    head = (
        f"POST / HTTP/1.1\r\nHost: {LOOPBACK}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nSignatureCertChainUrl: {CERT_URL}\r\n"
        f"Signature-256: {pki.sign(body)}\r\n\r\n"
    )
    return head.encode() + body


async def read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next(int(v) for k, _, v in (x.partition(": ") for x in lines[1:])
                  if k.lower() == "content-length")  # fmt: skip
    await reader.readexactly(length)
    return status


async def client(port: int, request: bytes, deadline: float, out: dict[str, list]) -> None:
    reader, writer = await asyncio.open_connection(LOOPBACK, port)
    try:
        while time.monotonic() < deadline and len(out["lat"]) < MAX_REQUESTS_PER_RUN:
            started = time.perf_counter()
            writer.write(request)
            try:
                status = await asyncio.wait_for(read_response(reader), timeout=5)
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


async def slowloris(port: int, stop: asyncio.Event) -> None:
    """Holds a connection whose headers never finish; reconnects when the server drops it."""
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection(LOOPBACK, port)
            writer.write(b"POST / HTTP/1.1\r\nHost: x\r\n")
            while not stop.is_set() and not reader.at_eof():
                writer.write(b"X-a: b\r\n")
                await writer.drain()
                await asyncio.sleep(0.5)
            writer.close()
        except (ConnectionError, OSError):
            await asyncio.sleep(0.1)


async def load(port: int, request: bytes, connections: int, seconds: float,
               with_slowloris: bool = False) -> dict[str, list]:  # fmt: skip
    out: dict[str, list] = {"lat": [], "err": []}
    stop = asyncio.Event()
    lorises = [asyncio.create_task(slowloris(port, stop)) for _ in range(SLOWLORIS)
               if with_slowloris]  # fmt: skip
    if lorises:
        await asyncio.sleep(1.0)  # let them settle in
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(client(port, request, deadline, out) for _ in range(connections)))
    stop.set()
    await asyncio.wait_for(asyncio.gather(*lorises, return_exceptions=True), timeout=5)
    return out


def worker_rss_mb(master: int) -> list[float]:
    sizes = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            if int(stat.rsplit(")", 1)[1].split()[1]) != master:
                continue
            for line in (entry / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        except (OSError, ValueError, IndexError):
            continue
    return sizes


def start(app: str, pki_dir: Path, env: dict[str, str], workers: int) -> tuple[subprocess.Popen[bytes], int]:  # noqa: E501
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.service_harness", "--port", str(port), "--pki",
         str(pki_dir), "--app", app, "--workers", str(workers)],
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


def summary(out: dict[str, list], seconds: float) -> tuple[float, float, float, int]:
    lat = out["lat"]
    p99 = statistics.quantiles(lat, n=100)[98] if len(lat) >= 2 else float("nan")
    return len(lat) / seconds, statistics.median(lat) if lat else float("nan"), p99, len(out["err"])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 1))
    args = parser.parse_args()
    pki = FakePKI()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, **write_pki(pki, Path(tmp) / "pki"),
               "STRETCH_COACH_DATA_DIR": str(Path(tmp) / "data")}  # fmt: skip
        results: dict[tuple[str, int | str], tuple[float, float, float, int]] = {}
        memory: dict[str, list[float]] = {}
        for app in ("minimal", "coach"):
            process, port = start(app, Path(tmp) / "pki", env, args.workers)
            try:
                asyncio.run(load(port, signed_request(pki), 4, 1.0))  # warm up
                for level in LEVELS:
                    out = asyncio.run(load(port, signed_request(pki), level, args.seconds))
                    results[(app, level)] = summary(out, args.seconds)
                if app == "coach":
                    out = asyncio.run(load(port, signed_request(pki), 32, args.seconds, True))
                    results[(app, "32+slowloris")] = summary(out, args.seconds)
                memory[app] = worker_rss_mb(process.pid)
            finally:
                process.terminate()
                process.wait(timeout=20)
    print(f"gunicorn, {args.workers} workers, verification ON, {args.seconds:.0f} s per row")
    print(f"{'app':<8} {'conns':>13} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} "
          f"{'x minimal':>10}")  # fmt: skip
    for (app, level), (rps, p50, p99, errors) in results.items():
        base = results.get(("minimal", level))
        ratio = f"{rps / base[0]:.2f}x" if base and app == "coach" else ""
        print(f"{app:<8} {level!s:>13} {rps:>8.0f} {p50:>8.2f} {p99:>8.2f} {errors:>7} "
              f"{ratio:>10}")  # fmt: skip
    for app, sizes in memory.items():
        print(f"memory per worker, {app}: " + ", ".join(f"{s:.0f} MB" for s in sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
