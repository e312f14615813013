#!/usr/bin/env python3
"""In-process latency of one skill turn through the Flask endpoint, and Lambda import time.

Baselines, measured in the same run: a minimal ASK SDK skill with one handler behind
flask-ask-sdk's SkillAdapter, with verification off and with the same verification as ours
(our SignatureVerifier: a real RSA signature over the body, a test CA chain fetched once and
cached; the SDK's TimestampVerifier). Prints median and p99 in milliseconds, and ratios of each
coach turn against the baseline with the same verification setting. `--profile` prints where a
verified coach turn spends its time.

    .venv/bin/python benchmarks/bench_skill_turn.py [--turns 400]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skill.alexa.compat import ensure_flask_ask_sdk_importable  # noqa: E402

ensure_flask_ask_sdk_importable()

from ask_sdk_webservice_support.verifier import TimestampVerifier  # noqa: E402

from skill.alexa import weblog  # noqa: E402
from skill.alexa.verification import SignatureVerifier  # noqa: E402
from skill.alexa.webservice import create_app  # noqa: E402
from skill.stores.memory import MemoryStore  # noqa: E402
from tests.conftest import envelope, intent_request  # noqa: E402
from tests.service_harness import minimal_app, minimal_skill  # noqa: E402
from tests.test_verification import CERT_URL, FakePKI  # noqa: E402


def measure(posts: list[Callable[[], int]], turns: int) -> list[list[float]]:
    """Round-robin over the cases so machine noise falls on all of them alike."""
    for post in posts:
        for _ in range(20):  # warm up caches and lazy imports
            assert post() == 200
    samples: list[list[float]] = [[] for _ in posts]
    for _ in range(turns):
        for index, post in enumerate(posts):
            start = time.perf_counter()
            status = post()
            samples[index].append((time.perf_counter() - start) * 1000)
            assert status == 200
    return samples


def profile(post: Callable[[], int], turns: int) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(lambda: [post() for _ in range(turns)])
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats("skill/|flask/app|werkzeug/wrappers", 30)


def import_time(module: str, runs: int = 7) -> float:
    code = f"import time; t=time.perf_counter(); import {module}; print(time.perf_counter()-t)"
    times = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, cwd=ROOT).stdout)
        for _ in range(runs)
    ]  # fmt: skip
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--turns", type=int, default=400)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    # Log as the service does (one JSON line per request at info), into the void.
    weblog.configure("info")
    logging.getLogger().handlers[0].setStream(open(os.devnull, "w"))  # noqa: SIM115

    # A mid-routine "next" with state carried in the session: the common turn.
    attributes = {"mode": "routine", "routine_id": "lower_back", "step_index": 1}
    body = json.dumps(envelope(intent_request("AMAZON.NextIntent"), attributes)).encode()
    pki = FakePKI()
    headers = {"SignatureCertChainUrl": CERT_URL, "Signature-256": pki.sign(body)}

    def verifier() -> SignatureVerifier:
        return SignatureVerifier(trust_roots=[pki.root], fetch=lambda url: pki.chain_pem())

    baseline_off = minimal_app().test_client()
    baseline_on = minimal_app([verifier(), TimestampVerifier()]).test_client()
    ours_off = create_app(verify=False, store=MemoryStore()).test_client()
    ours_on = create_app(store=MemoryStore(), signature_verifier=verifier()).test_client()
    web_only = create_app(
        store=MemoryStore(), signature_verifier=verifier(), skill=minimal_skill()
    ).test_client()

    def poster(client: object, with_headers: bool) -> Callable[[], int]:
        def post() -> int:
            response = client.post(  # type: ignore[attr-defined]
                "/", data=body, content_type="application/json",
                headers=headers if with_headers else {},
            )  # fmt: skip
            return int(response.status_code)

        return post

    names = [
        "minimal skill, verification off",
        "minimal skill, verification on",
        "coach turn, verification off",
        "coach turn, verification on",
        "minimal skill in our web layer, on",
    ]
    posts = [
        poster(baseline_off, False),
        poster(baseline_on, True),
        poster(ours_off, False),
        poster(ours_on, True),
        poster(web_only, True),
    ]
    if args.profile:
        profile(posts[3], args.turns)
        return 0
    medians = [statistics.median(samples) for samples in measure(posts, args.turns)]
    print(f"Skill turn through the Flask endpoint, {args.turns} turns each (ms)")
    print(f"{'case':<36} {'median':>8} {'x minimal, same verification':>30}")
    for index, (name, median) in enumerate(zip(names, medians, strict=True)):
        ratio = median / medians[1 if index == 4 else index % 2]
        print(f"{name:<36} {median:>8.3f} {ratio:>29.2f}x")
    print()
    lambda_import = import_time("skill.lambda_function")
    sdk_import = import_time("ask_sdk_core.skill_builder")
    print("Import time, median of 7 fresh interpreters (s)")
    print(f"{'ask_sdk_core.skill_builder (baseline)':<40} {sdk_import:>8.3f}")
    print(f"{'skill.lambda_function':<40} {lambda_import:>8.3f}  (target < 0.4 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
