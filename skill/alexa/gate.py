"""Every check an Alexa request must pass, cheapest first, so junk costs next to nothing.

Envelope shape (done by the caller, `envelope.py`), skill id, timestamp within 150 s, and only
then the signature (`verification.py`), whose first sight of a certificate URL means a download.
Each failure raises VerificationException with a short reason.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from .verification import Clock, SignatureVerifier, VerificationException, utc_now

TIMESTAMP_TOLERANCE = timedelta(seconds=150)


def _parse_timestamp(value: str) -> datetime:
    stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


class RequestGate:
    """All checks an Alexa request must pass, cheapest first. `check` raises with a reason.

    `body` is the parsed envelope whose shape the caller has already checked; `raw` is the exact
    bytes that were signed.
    """

    def __init__(
        self,
        *,
        skill_id: str | None,
        signature: SignatureVerifier | None,
        clock: Clock = utc_now,
    ) -> None:
        self.skill_id = skill_id
        self.signature = signature
        self.clock = clock

    def check(self, headers: Any, raw: bytes, body: dict[str, Any]) -> None:
        if self.skill_id is not None:
            system = body["context"]["System"]
            application = system.get("application")
            found = application.get("applicationId") if isinstance(application, dict) else None
            if found != self.skill_id:
                raise VerificationException("request is for another skill")
        if self.signature is None:
            return
        try:
            stamp = _parse_timestamp(body["request"]["timestamp"])
        except ValueError as error:
            raise VerificationException("timestamp is not a date") from error
        if abs(self.clock() - stamp) > TIMESTAMP_TOLERANCE:
            raise VerificationException("timestamp too old or in the future")
        self.signature.verify(headers, raw, None)
