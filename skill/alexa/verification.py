"""Request verification for the self-hosted endpoint, built on `cryptography` (DESIGN §7).

`SignatureVerifier` checks the SignatureCertChainUrl (https, s3.amazonaws.com, /echo.api/,
port 443), downloads and caches the PEM chain, verifies it to a trusted root for the name
echo-api.amazon.com at the current time (again every hour, and never past the leaf's expiry),
and checks the `Signature-256` header: RSA PKCS#1 v1.5
over SHA-256 of the raw body. `SkillIdVerifier` checks the application id. Any failure raises
VerificationException, which the web service turns into HTTP 400.
"""

from __future__ import annotations

import base64
import binascii
import posixpath
import threading
import urllib.request
from collections.abc import Callable, Mapping, Sequence
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
FETCH_TIMEOUT_SECONDS = 5.0
# A verified chain is trusted again without re-walking it for this long (never past expiry).
REVERIFY_AFTER = timedelta(hours=1)
MAX_CHAIN_BYTES = 64 * 1024

Fetch = Callable[[str], bytes]


def fetch_url(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=FETCH_TIMEOUT_SECONDS) as response:
        data: bytes = response.read(MAX_CHAIN_BYTES + 1)
    if len(data) > MAX_CHAIN_BYTES:
        raise VerificationException("certificate chain too large")
    return data


def system_roots() -> list[x509.Certificate]:
    with open(certifi.where(), "rb") as handle:
        return x509.load_pem_x509_certificates(handle.read())


def _header(headers: Mapping[str, Any], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return str(value)
    return None


def validate_cert_url(url: str) -> None:
    parsed = urlparse(url)
    if parsed.scheme.lower() != "https":
        raise VerificationException("certificate URL must use https")
    if (parsed.hostname or "").lower() != CERT_HOST:
        raise VerificationException("certificate URL has the wrong host")
    try:
        port = parsed.port
    except ValueError as error:
        raise VerificationException("certificate URL has a bad port") from error
    if port not in (None, 443):
        raise VerificationException("certificate URL must use port 443")
    path = posixpath.normpath(parsed.path)
    # Case-sensitive on purpose: Amazon's rule is "/echo.api/" exactly.
    if not (path + "/").startswith(CERT_PATH_PREFIX) or path == CERT_PATH_PREFIX.rstrip("/"):
        raise VerificationException("certificate URL path must be under /echo.api/")


class SignatureVerifier(AbstractVerifier):
    def __init__(
        self,
        trust_roots: Sequence[x509.Certificate] | None = None,
        fetch: Fetch = fetch_url,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._roots = list(trust_roots) if trust_roots is not None else None
        self._fetch = fetch
        self._clock = clock
        self._chains: dict[str, list[x509.Certificate]] = {}
        self._verified: dict[str, tuple[x509.Certificate, datetime]] = {}
        self._lock = threading.Lock()

    def _chain(self, url: str) -> list[x509.Certificate]:
        with self._lock:
            cached = self._chains.get(url)
        if cached is not None:
            return cached
        try:
            certs = x509.load_pem_x509_certificates(self._fetch(url))
        except VerificationException:
            raise
        except Exception as error:  # network errors, bad PEM
            raise VerificationException(f"cannot load certificate chain: {error}") from error
        with self._lock:
            self._chains[url] = certs
        return certs

    def _signing_cert(self, url: str) -> x509.Certificate:
        """The verified leaf for `url`, re-verifying the chain at most once an hour."""
        now = self._clock()
        with self._lock:
            verified = self._verified.get(url)
        if verified is not None:
            leaf, when = verified
            if now - when < REVERIFY_AFTER and now < leaf.not_valid_after_utc:
                return leaf
        leaf = self._verify_chain(self._chain(url))
        with self._lock:
            self._verified[url] = (leaf, now)
        return leaf

    def _verify_chain(self, certs: list[x509.Certificate]) -> x509.Certificate:
        if self._roots is None:
            self._roots = system_roots()
        leaf, intermediates = certs[0], certs[1:]
        verifier = (
            PolicyBuilder()
            .store(Store(self._roots))
            .time(self._clock())
            .build_server_verifier(x509.DNSName(CERT_SAN))
        )
        try:
            verifier.verify(leaf, intermediates)
        except VerificationError as error:
            raise VerificationException(f"certificate chain rejected: {error}") from error
        return leaf

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str,
        deserialized_request_env: Any,
    ) -> None:
        url = _header(headers, CERT_URL_HEADER)
        signature = _header(headers, SIGNATURE_HEADER)
        if not url or not signature:
            raise VerificationException("missing signature or certificate URL")
        validate_cert_url(url)
        leaf = self._signing_cert(url)
        try:
            raw_signature = base64.b64decode(signature, validate=True)
        except (binascii.Error, ValueError) as error:
            raise VerificationException("signature is not base64") from error
        key = leaf.public_key()
        if not isinstance(key, rsa.RSAPublicKey):
            raise VerificationException("certificate key is not RSA")
        try:
            key.verify(
                raw_signature,
                serialized_request_env.encode("utf-8"),
                padding.PKCS1v15(),
                hashes.SHA256(),
            )
        except InvalidSignature as error:
            raise VerificationException("signature does not match the body") from error


class SkillIdVerifier(AbstractVerifier):
    def __init__(self, skill_id: str) -> None:
        self.skill_id = skill_id

    def verify(
        self,
        headers: Mapping[str, Any],
        serialized_request_env: str,
        deserialized_request_env: Any,
    ) -> None:
        try:
            application_id = deserialized_request_env.context.system.application.application_id
        except AttributeError:
            application_id = None
        if application_id != self.skill_id:
            raise VerificationException("request is for another skill")
