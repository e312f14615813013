"""Request verification for the self-hosted endpoint, built on `cryptography` (DESIGN §7).

`SignatureVerifier` checks the SignatureCertChainUrl (https, s3.amazonaws.com, /echo.api/, port
443), downloads and caches the PEM chain (a failed download is remembered for a short while, and
downloads are budgeted per minute, so junk cannot make us reach out again and again),
verifies it to a trusted root for the name echo-api.amazon.com at the current time (again every
hour, and never past the leaf's expiry), and checks the `Signature-256` header: RSA PKCS#1
v1.5 over SHA-256 of the raw body. Any failure raises VerificationException with a short
reason, which the web service answers 400. `gate.py` runs it last, after the cheap checks.
"""

from __future__ import annotations

import base64
import binascii
import os
import posixpath
import threading
import urllib.request
import warnings
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlparse

import certifi
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError

from .compat import ensure_flask_ask_sdk_importable

ensure_flask_ask_sdk_importable()
from ask_sdk_webservice_support.verifier import (  # noqa: E402
    AbstractVerifier,
    VerificationException,
)

CERT_URL_HEADER = "SignatureCertChainUrl"
SIGNATURE_HEADER = "Signature-256"
CERT_HOST = "s3.amazonaws.com"
CERT_PATH_PREFIX = "/echo.api/"
CERT_SAN = "echo-api.amazon.com"
# Alexa gives up after 8 s: a download that has not finished in 3 s is not worth waiting for.
FETCH_TIMEOUT_SECONDS = 3.0
# A failed download is not retried for this long (per URL), so junk cannot make us call out.
FETCH_FAILURE_TTL = timedelta(seconds=60)
MAX_REMEMBERED_URLS = 256
# Amazon signs with one certificate at a time. Past this many downloads a minute (each to a
# different URL, or the failure cache would have answered) someone is making us call out.
MAX_DOWNLOADS_PER_MINUTE = 10
MAX_CERT_URL_CHARS = 512
# A verified chain is trusted again without re-walking it for this long (never past expiry).
REVERIFY_AFTER = timedelta(hours=1)
MAX_CHAIN_BYTES = 64 * 1024
# PEM file of extra roots to trust besides certifi's (tests and benchmarks only: their test CA).
EXTRA_ROOTS_ENV = "STRETCH_COACH_EXTRA_TRUST_ROOTS"

__all__ = ["SignatureVerifier", "VerificationException", "validate_cert_url"]

Fetch = Callable[[str], bytes]
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def fetch_url(url: str, timeout: float = FETCH_TIMEOUT_SECONDS) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        data: bytes = response.read(MAX_CHAIN_BYTES + 1)
    if len(data) > MAX_CHAIN_BYTES:
        raise VerificationException("certificate chain too large")
    return data


def trusted_roots() -> list[x509.Certificate]:
    """certifi's roots, plus the PEM file named by $STRETCH_COACH_EXTRA_TRUST_ROOTS if set."""
    with open(certifi.where(), "rb") as handle, warnings.catch_warnings():
        # A few old roots in the bundle have non-positive serials; cryptography only warns.
        warnings.simplefilter("ignore")
        roots = x509.load_pem_x509_certificates(handle.read())
    extra = os.environ.get(EXTRA_ROOTS_ENV)
    if extra:
        with open(extra, "rb") as handle:
            roots += x509.load_pem_x509_certificates(handle.read())
    return roots


def header(headers: Any, name: str) -> str | None:
    value = headers.get(name)  # werkzeug's Headers (and our tests' dicts) match exactly
    if value is None:
        lowered = name.lower()
        value = next((v for k, v in headers.items() if k.lower() == lowered), None)
    return None if value is None else str(value)


def validate_cert_url(url: str) -> None:
    if len(url) > MAX_CERT_URL_CHARS:
        raise VerificationException("certificate URL too long")
    parsed = urlparse(url)
    if parsed.scheme.lower() != "https":
        raise VerificationException("certificate URL must use https")
    if parsed.username is not None or parsed.password is not None:
        raise VerificationException("certificate URL must not carry user info")
    if (parsed.hostname or "").lower() != CERT_HOST:
        raise VerificationException("certificate URL has the wrong host")
    try:
        port = parsed.port
    except ValueError as error:
        raise VerificationException("certificate URL has a bad port") from error
    if port not in (None, 443):
        raise VerificationException("certificate URL must use port 443")
    if "%" in parsed.path or "\\" in parsed.path:
        raise VerificationException("certificate URL path must not be encoded")
    path = posixpath.normpath(parsed.path)
    # Case-sensitive on purpose: Amazon's rule is "/echo.api/" exactly.
    if not (path + "/").startswith(CERT_PATH_PREFIX) or path == CERT_PATH_PREFIX.rstrip("/"):
        raise VerificationException("certificate URL path must be under /echo.api/")


def _remember(cache: dict[str, Any], url: str, value: Any) -> None:
    # Only URLs that passed validation get here, but the cache must stay small regardless.
    if len(cache) >= MAX_REMEMBERED_URLS:
        cache.clear()
    cache[url] = value


class SignatureVerifier(AbstractVerifier):
    def __init__(
        self,
        trust_roots: Sequence[x509.Certificate] | None = None,
        fetch: Fetch = fetch_url,
        clock: Clock = utc_now,
    ) -> None:
        self._roots = list(trust_roots) if trust_roots is not None else None
        self._fetch = fetch
        self._clock = clock
        self._chains: dict[str, list[x509.Certificate]] = {}
        self._verified: dict[str, tuple[x509.Certificate, datetime]] = {}
        self._failed: dict[str, datetime] = {}
        self._downloads: list[datetime] = []
        self._lock = threading.Lock()

    def _download(self, url: str, now: datetime) -> list[x509.Certificate]:
        with self._lock:
            cached = self._chains.get(url)
            failed_at = self._failed.get(url)
        if cached is not None:
            return cached
        if failed_at is not None and now - failed_at < FETCH_FAILURE_TTL:
            raise VerificationException("certificate chain unavailable (recent failure)")
        with self._lock:
            self._downloads = [t for t in self._downloads if now - t < timedelta(minutes=1)]
            if len(self._downloads) >= MAX_DOWNLOADS_PER_MINUTE:
                raise VerificationException("too many certificate downloads")
            self._downloads.append(now)
        try:
            certs = x509.load_pem_x509_certificates(self._fetch(url))
        except Exception as error:  # network errors, timeouts, bad PEM, too large
            with self._lock:
                _remember(self._failed, url, now)
            raise VerificationException("cannot load certificate chain") from error
        with self._lock:
            _remember(self._chains, url, certs)
        return certs

    def _fresh_leaf(self, url: str, now: datetime) -> x509.Certificate | None:
        with self._lock:
            verified = self._verified.get(url)
        if verified is not None:
            leaf, when = verified
            if now - when < REVERIFY_AFTER and now < leaf.not_valid_after_utc:
                return leaf
        return None

    def _recently_verified(self, url: str) -> bool:
        return url in self._verified  # exact string: only validated URLs are ever stored

    def _signing_cert(self, url: str) -> x509.Certificate:
        """The verified leaf for `url`, re-verifying the chain at most once an hour."""
        now = self._clock()
        leaf_or_none = self._fresh_leaf(url, now)
        if leaf_or_none is not None:
            return leaf_or_none
        leaf = self._verify_chain(self._download(url, now), now)
        with self._lock:
            _remember(self._verified, url, (leaf, now))
        return leaf

    def _verify_chain(self, certs: list[x509.Certificate], now: datetime) -> x509.Certificate:
        if self._roots is None:
            self._roots = trusted_roots()
        leaf, intermediates = certs[0], certs[1:]
        verifier = (
            PolicyBuilder()
            .store(Store(self._roots))
            .time(now)
            .build_server_verifier(x509.DNSName(CERT_SAN))
        )
        try:
            verifier.verify(leaf, intermediates)
        except VerificationError as error:
            raise VerificationException("certificate chain rejected") from error
        return leaf

    def verify(  # also takes the raw bytes, and any header mapping
        self,
        headers: Any,
        serialized_request_env: str | bytes,
        deserialized_request_env: Any = None,
    ) -> None:
        url = header(headers, CERT_URL_HEADER)
        signature = header(headers, SIGNATURE_HEADER)
        if not url or not signature:
            raise VerificationException("missing signature or certificate URL")
        if not self._recently_verified(url):
            validate_cert_url(url)  # a URL in the verified cache passed this already
        try:
            raw_signature = base64.b64decode(signature, validate=True)
        except (binascii.Error, ValueError) as error:
            raise VerificationException("signature is not base64") from error
        if not raw_signature:
            raise VerificationException("signature is empty")
        key = self._signing_cert(url).public_key()
        if not isinstance(key, rsa.RSAPublicKey):
            raise VerificationException("certificate key is not RSA")
        body = serialized_request_env
        try:
            key.verify(
                raw_signature,
                body.encode("utf-8") if isinstance(body, str) else body,
                padding.PKCS1v15(),
                hashes.SHA256(),
            )
        except InvalidSignature as error:
            raise VerificationException("signature does not match the body") from error
