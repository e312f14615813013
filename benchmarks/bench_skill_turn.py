#!/usr/bin/env python3
"""In-process latency of one skill turn through the Flask endpoint, and Lambda import time.

Baseline, measured in the same run: a minimal ASK SDK skill with one handler behind the same
SkillAdapter with verification off. Our turn is measured with verification off and on (a real
RSA signature over the body, a test CA chain fetched once and cached, timestamp checked).
Prints a table of median and p99 in milliseconds, and ratios against the baseline.

    .venv/bin/python benchmarks/bench_skill_turn.py [--turns 400]
"""

from __future__ import annotations

import argparse
import json
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

from ask_sdk_core.dispatch_components.request_components import (  # noqa: E402
    AbstractRequestHandler,
)
from ask_sdk_core.handler_input import HandlerInput  # noqa: E402
from ask_sdk_core.skill_builder import SkillBuilder  # noqa: E402
from ask_sdk_model.response import Response  # noqa: E402
from flask import Flask  # noqa: E402
from flask_ask_sdk.skill_adapter import (  # noqa: E402
    VERIFY_SIGNATURE_APP_CONFIG,
    VERIFY_TIMESTAMP_APP_CONFIG,
    SkillAdapter,
)

from skill.alexa.verification import SignatureVerifier  # noqa: E402
from skill.alexa.webservice import create_app  # noqa: E402
from skill.core.store import MemoryStore  # noqa: E402
from tests.conftest import envelope, intent_request  # noqa: E402
from tests.test_verification import CERT_URL, FakePKI  # noqa: E402


class HelloHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.speak("Hello").ask("Hello?").response


def minimal_app() -> Flask:
    builder = SkillBuilder()
    builder.add_request_handler(HelloHandler())
    app = Flask("minimal")
    app.config[VERIFY_SIGNATURE_APP_CONFIG] = False
    app.config[VERIFY_TIMESTAMP_APP_CONFIG] = False
    SkillAdapter(skill=builder.create(), skill_id="minimal", app=app).register(app, "/")
    return app


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


def p99(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[98]


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
    args = parser.parse_args()

    # A mid-routine "next" with state carried in the session: the common turn.
    attributes = {"mode": "routine", "routine_id": "lower_back", "step_index": 1}
    body = json.dumps(envelope(intent_request("AMAZON.NextIntent"), attributes)).encode()
    pki = FakePKI()
    headers = {"SignatureCertChainUrl": CERT_URL, "Signature-256": pki.sign(body)}

    baseline = minimal_app().test_client()
    ours_off = create_app(verify=False, store=MemoryStore()).test_client()
    verifier = SignatureVerifier(trust_roots=[pki.root], fetch=lambda url: pki.chain_pem())
    ours_on = create_app(store=MemoryStore(), signature_verifier=verifier).test_client()

    def poster(client: object, with_headers: bool) -> Callable[[], int]:
        def post() -> int:
            response = client.post(  # type: ignore[attr-defined]
                "/", data=body, content_type="application/json",
                headers=headers if with_headers else {},
            )  # fmt: skip
            return int(response.status_code)

        return post

    names = [
        "minimal one-handler skill (baseline)",
        "coach turn, verification off",
        "coach turn, verification on",
    ]
    posts = [poster(baseline, False), poster(ours_off, False), poster(ours_on, True)]
    rows = list(zip(names, measure(posts, args.turns), strict=True))
    base_median = statistics.median(rows[0][1])
    print(f"Skill turn through the Flask endpoint, {args.turns} turns each (ms)")
    print(f"{'case':<40} {'median':>8} {'p99':>8} {'x baseline':>11}")
    for name, samples in rows:
        median = statistics.median(samples)
        print(f"{name:<40} {median:>8.2f} {p99(samples):>8.2f} {median / base_median:>10.2f}x")
    print()
    lambda_import = import_time("skill.lambda_function")
    sdk_import = import_time("ask_sdk_core.skill_builder")
    print("Import time, median of 7 fresh interpreters (s)")
    print(f"{'ask_sdk_core.skill_builder (baseline)':<40} {sdk_import:>8.3f}")
    print(f"{'skill.lambda_function':<40} {lambda_import:>8.3f}  (target < 0.4 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
