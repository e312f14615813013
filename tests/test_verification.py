"""Request signature, certificate chain and timestamp checks on the Flask endpoint.

A throwaway CA, intermediate and echo-api.amazon.com leaf are made here and trusted only by
the verifier under test; the chain is "downloaded" through an injected fetch function.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from flask.testing import FlaskClient

from skill.alexa.gate import RequestGate
from skill.alexa.verification import (
    SignatureVerifier,
    VerificationException,
    fetch_url,
    validate_cert_url,
)
from skill.alexa.webservice import create_app
from skill.core.coach import Coach
from skill.stores.memory import MemoryStore
from tests.conftest import SKILL_ID, envelope, fixed_clock

CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem"
NOW = datetime.now(UTC)


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _cert(
    subject: str,
    key: rsa.RSAPrivateKey,
    issuer: x509.Certificate | None,
    issuer_key: rsa.RSAPrivateKey,
    *,
    ca: bool,
    san: str | None = None,
    expired: bool = False,
    not_yet_valid: bool = False,
) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    start = NOW - timedelta(days=30 if not expired else 400)
    end = NOW + timedelta(days=30) if not expired else NOW - timedelta(days=1)
    if not_yet_valid:
        start, end = NOW + timedelta(days=1), NOW + timedelta(days=60)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer.subject if issuer else name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
    )
    if ca:
        builder = builder.add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
    else:
        builder = builder.add_extension(
            x509.KeyUsage(True, False, True, False, False, False, False, False, False),
            critical=True,
        ).add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName(san or "echo-api.amazon.com")]),
            critical=False,
        )
    return builder.sign(issuer_key, hashes.SHA256())


class FakePKI:
    def __init__(self) -> None:
        self.root_key, self.mid_key, self.leaf_key = _key(), _key(), _key()
        self.root = _cert("Test Root", self.root_key, None, self.root_key, ca=True)
        self.mid = _cert("Test Intermediate", self.mid_key, self.root, self.root_key, ca=True)
        self.leaf = _cert("echo-api.amazon.com", self.leaf_key, self.mid, self.mid_key, ca=False)

    def chain_pem(self, leaf: x509.Certificate | None = None) -> bytes:
        certs = [leaf or self.leaf, self.mid]
        return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)

    def sign(
        self,
        body: bytes,
        key: rsa.RSAPrivateKey | None = None,
        digest: hashes.HashAlgorithm | None = None,
    ) -> str:
        signature = (key or self.leaf_key).sign(body, padding.PKCS1v15(), digest or hashes.SHA256())
        return base64.b64encode(signature).decode()

    def root_pem(self) -> bytes:
        return self.root.public_bytes(serialization.Encoding.PEM)


@pytest.fixture(scope="module")
def pki() -> FakePKI:
    return FakePKI()


@pytest.fixture
def fetched() -> list[str]:
    return []


@pytest.fixture
def signed_client(pki: FakePKI, fetched: list[str]) -> Iterator[FlaskClient]:
    def fetch(url: str) -> bytes:
        fetched.append(url)
        return pki.chain_pem()

    verifier = SignatureVerifier(trust_roots=[pki.root], fetch=fetch)
    app = create_app(
        verify=True,
        skill_id=SKILL_ID,
        store=MemoryStore(),
        coach=Coach(clock=fixed_clock),
        signature_verifier=verifier,
    )
    with app.test_client() as client:
        yield client


def _post(client: FlaskClient, body: bytes, headers: dict[str, str]) -> int:
    response = client.post("/", data=body, headers=headers, content_type="application/json")
    assert "Traceback" not in response.get_data(as_text=True)
    return response.status_code


def _launch_body(**kwargs: Any) -> bytes:
    return json.dumps(envelope({"type": "LaunchRequest"}, new=True, **kwargs)).encode()


def test_correctly_signed_request_is_answered(
    signed_client: FlaskClient, pki: FakePKI, fetched: list[str]
) -> None:
    body = _launch_body()
    headers = {"SignatureCertChainUrl": CERT_URL, "Signature-256": pki.sign(body)}
    assert _post(signed_client, body, headers) == 200
    assert _post(signed_client, body, headers) == 200
    assert fetched == [CERT_URL]  # the chain is cached per URL


def test_unsigned_request_is_rejected(signed_client: FlaskClient) -> None:
    assert _post(signed_client, _launch_body(), {}) == 400


BAD_CERT_URLS = [
    "http://s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://notamazon.com/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com.evil.com/echo.api/echo-api-cert.pem",
    "https://evil.com/s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem",
    "https://s3.amazonaws.com/invalid.path/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api/../evil/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api/../invalid.path/echo-api-cert.pem",
    "https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com:notaport/echo.api/echo-api-cert.pem",
    "https://user@s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://user:pw@s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com:443@evil.com/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api/%2e%2e/evil/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo%2Eapi/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api%2F..%2Fevil/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api",
    "ftp://s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api/" + "a" * 600,
    "",
]


@pytest.mark.parametrize("url", BAD_CERT_URLS)
def test_bad_certificate_url_is_rejected_without_a_download(
    signed_client: FlaskClient, pki: FakePKI, url: str, fetched: list[str]
) -> None:
    body = _launch_body()
    headers = {"SignatureCertChainUrl": url, "Signature-256": pki.sign(body)}
    assert _post(signed_client, body, headers) == 400
    assert fetched == []


@pytest.mark.parametrize(
    "url",
    [
        CERT_URL,
        "HTTPS://S3.AMAZONAWS.COM/echo.api/echo-api-cert-test.pem",
        "https://s3.amazonaws.com:443/echo.api/echo-api-cert-test.pem",
        "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert-test.pem",
    ],
)
def test_certificate_urls_amazon_allows_are_accepted(url: str) -> None:
    # Amazon's rule: scheme and host are case-insensitive, the path is not; ".." is resolved.
    validate_cert_url(url)


def test_tampered_body_is_rejected(signed_client: FlaskClient, pki: FakePKI) -> None:
    body = _launch_body()
    signature = pki.sign(body)
    tampered = body.replace(b"LaunchRequest", b"LaunchRequest", 1).replace(b"en-US", b"en-GB")
    assert (
        _post(
            signed_client, tampered, {"SignatureCertChainUrl": CERT_URL, "Signature-256": signature}
        )
        == 400
    )


def test_signature_by_another_key_is_rejected(signed_client: FlaskClient, pki: FakePKI) -> None:
    body = _launch_body()
    headers = {"SignatureCertChainUrl": CERT_URL, "Signature-256": pki.sign(body, _key())}
    assert _post(signed_client, body, headers) == 400


def test_stale_timestamp_is_rejected(signed_client: FlaskClient, pki: FakePKI) -> None:
    stale = (datetime.now(UTC) - timedelta(seconds=151 + 60)).strftime("%Y-%m-%dT%H:%M:%SZ")
    body = _launch_body(timestamp=stale)
    headers = {"SignatureCertChainUrl": CERT_URL, "Signature-256": pki.sign(body)}
    assert _post(signed_client, body, headers) == 400


def test_wrong_skill_id_is_rejected(signed_client: FlaskClient, pki: FakePKI) -> None:
    body = _launch_body(skill_id="amzn1.ask.skill.someone-else")
    headers = {"SignatureCertChainUrl": CERT_URL, "Signature-256": pki.sign(body)}
    assert _post(signed_client, body, headers) == 400


@pytest.mark.parametrize(
    "problem", ["untrusted", "wrong_san", "expired", "not_yet_valid", "self_signed"]
)
def test_bad_certificate_chain_is_rejected(pki: FakePKI, problem: str) -> None:
    other_root_key = _key()
    other_root = _cert("Other Root", other_root_key, None, other_root_key, ca=True)
    leaf = {
        "not_yet_valid": _cert(
            "echo-api.amazon.com", pki.leaf_key, pki.mid, pki.mid_key, ca=False,
            not_yet_valid=True,
        ),
        "self_signed": _cert(
            "echo-api.amazon.com", pki.leaf_key, None, pki.leaf_key, ca=False
        ),
        "untrusted": _cert(
            "echo-api.amazon.com", pki.leaf_key, other_root, other_root_key, ca=False
        ),
        "wrong_san": _cert(
            "evil", pki.leaf_key, pki.mid, pki.mid_key, ca=False, san="evil.example.com"
        ),
        "expired": _cert(
            "echo-api.amazon.com", pki.leaf_key, pki.mid, pki.mid_key, ca=False, expired=True
        ),
    }[problem]
    verifier = SignatureVerifier(trust_roots=[pki.root], fetch=lambda url: pki.chain_pem(leaf))
    app = create_app(verify=True, store=MemoryStore(), signature_verifier=verifier)
    body = _launch_body()
    headers = {"SignatureCertChainUrl": CERT_URL, "Signature-256": pki.sign(body)}
    with app.test_client() as client:
        assert _post(client, body, headers) == 400


def test_verification_is_on_by_default() -> None:
    app = create_app(store=MemoryStore())
    with app.test_client() as client:
        assert _post(client, _launch_body(), {}) == 400


def test_verified_chain_is_rechecked_after_an_hour(pki: FakePKI) -> None:
    now = [datetime.now(UTC)]
    fetches: list[str] = []

    def fetch(url: str) -> bytes:
        fetches.append(url)
        return pki.chain_pem()

    verifier = SignatureVerifier(trust_roots=[pki.root], fetch=fetch, clock=lambda: now[0])
    body = _launch_body()
    headers = {"SignatureCertChainUrl": CERT_URL, "Signature-256": pki.sign(body)}
    verifier.verify(headers, body.decode(), None)
    # Past the leaf's expiry the cached verification must not be trusted.
    now[0] = pki.leaf.not_valid_after_utc + timedelta(minutes=1)
    with pytest.raises(Exception, match="certificate chain rejected"):
        verifier.verify(headers, body.decode(), None)
    assert fetches == [CERT_URL]


def _signed_headers(pki: FakePKI, body: bytes, **overrides: str) -> dict[str, str]:
    return {"SignatureCertChainUrl": CERT_URL, "Signature-256": pki.sign(body), **overrides}


@pytest.mark.parametrize(
    "headers",
    [
        {"SignatureCertChainUrl": CERT_URL},
        {"Signature-256": "c2lnbmF0dXJl"},
        {"SignatureCertChainUrl": CERT_URL, "Signature-256": ""},
        {"SignatureCertChainUrl": CERT_URL, "Signature-256": "!!! not base64 !!!"},
        {"SignatureCertChainUrl": CERT_URL, "Signature-256": "AAAA"},
        {"SignatureCertChainUrl": CERT_URL, "Signature-256": base64.b64encode(b"x" * 256).decode()},
    ],
    ids=["no-signature", "no-url", "empty", "garbage", "short", "random-bytes"],
)
def test_missing_empty_and_garbage_signatures_are_rejected(
    signed_client: FlaskClient, headers: dict[str, str]
) -> None:
    assert _post(signed_client, _launch_body(), headers) == 400


def test_sha1_only_signature_is_rejected(signed_client: FlaskClient, pki: FakePKI) -> None:
    body = _launch_body()
    sha1 = pki.sign(body, digest=hashes.SHA1())  # the legacy "Signature" header's algorithm
    headers = {"SignatureCertChainUrl": CERT_URL, "Signature": sha1, "Signature-256": sha1}
    assert _post(signed_client, body, headers) == 400
    assert _post(signed_client, body, {"SignatureCertChainUrl": CERT_URL, "Signature": sha1}) == 400


def test_future_timestamp_is_rejected(signed_client: FlaskClient, pki: FakePKI) -> None:
    future = (datetime.now(UTC) + timedelta(seconds=200)).strftime("%Y-%m-%dT%H:%M:%SZ")
    body = _launch_body(timestamp=future)
    assert _post(signed_client, body, _signed_headers(pki, body)) == 400


def test_unparseable_timestamp_is_rejected(signed_client: FlaskClient, pki: FakePKI) -> None:
    body = _launch_body(timestamp="yesterday at noon")
    assert _post(signed_client, body, _signed_headers(pki, body)) == 400


def test_replayed_request_is_rejected_once_it_is_old(pki: FakePKI) -> None:
    now = [datetime.now(UTC)]
    verifier = SignatureVerifier(trust_roots=[pki.root], fetch=lambda url: pki.chain_pem())
    gate = RequestGate(skill_id=SKILL_ID, signature=verifier, clock=lambda: now[0])
    raw = _launch_body()
    body = json.loads(raw)
    headers = _signed_headers(pki, raw)
    gate.check(headers, raw, body)  # first delivery: fine
    now[0] += timedelta(seconds=151)
    with pytest.raises(VerificationException, match="timestamp"):
        gate.check(headers, raw, body)


def test_cheap_checks_refuse_before_any_download(
    signed_client: FlaskClient, pki: FakePKI, fetched: list[str]
) -> None:
    other_skill = _launch_body(skill_id="amzn1.ask.skill.someone-else")
    stale = _launch_body(timestamp="2020-01-01T00:00:00Z")
    for body in (other_skill, stale, b"{}", b"junk"):
        assert _post(signed_client, body, _signed_headers(pki, body)) == 400
    assert fetched == []


def test_hanging_certificate_fetch_is_answered_400_and_not_retried_at_once(
    pki: FakePKI,
) -> None:
    now = [datetime.now(UTC)]
    calls: list[str] = []

    def fetch(url: str) -> bytes:
        calls.append(url)
        if len(calls) == 1:
            raise TimeoutError("timed out")  # what fetch_url raises when the timeout runs out
        return pki.chain_pem()

    verifier = SignatureVerifier(trust_roots=[pki.root], fetch=fetch, clock=lambda: now[0])
    app = create_app(store=MemoryStore(), signature_verifier=verifier)
    body = _launch_body()
    with app.test_client() as client:
        assert _post(client, body, _signed_headers(pki, body)) == 400
        assert _post(client, body, _signed_headers(pki, body)) == 400
        assert len(calls) == 1  # the failure is remembered: junk cannot make us call out again
        now[0] += timedelta(seconds=61)
        body = _launch_body()
        assert _post(client, body, _signed_headers(pki, body)) == 200  # and we recover
    assert len(calls) == 2


def test_fetch_url_gives_up_on_a_server_that_never_answers() -> None:
    import socket
    import time

    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)  # accepts the connection, never says a word
        port = server.getsockname()[1]
        started = time.monotonic()
        with pytest.raises(OSError):
            fetch_url(f"http://127.0.0.1:{port}/echo.api/cert.pem", timeout=0.2)
        assert time.monotonic() - started < 2


def test_extra_trust_roots_come_from_the_environment(
    pki: FakePKI, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from skill.alexa.verification import EXTRA_ROOTS_ENV, trusted_roots

    path = tmp_path / "roots.pem"
    path.write_bytes(pki.root_pem())
    monkeypatch.setenv(EXTRA_ROOTS_ENV, str(path))
    verifier = SignatureVerifier(fetch=lambda url: pki.chain_pem())
    body = _launch_body()
    verifier.verify(_signed_headers(pki, body), body)
    monkeypatch.delenv(EXTRA_ROOTS_ENV)
    assert pki.root not in trusted_roots()
    with pytest.raises(VerificationException, match="rejected"):
        SignatureVerifier(fetch=lambda url: pki.chain_pem()).verify(
            _signed_headers(pki, body), body
        )


def test_certificate_downloads_are_rate_limited(pki: FakePKI) -> None:
    from skill.alexa.verification import MAX_DOWNLOADS_PER_MINUTE

    now = [datetime.now(UTC)]
    calls: list[str] = []

    def fetch(url: str) -> bytes:
        calls.append(url)
        raise OSError("404")

    verifier = SignatureVerifier(trust_roots=[pki.root], fetch=fetch, clock=lambda: now[0])
    body = _launch_body()

    def attempt(index: int) -> str:
        url = f"https://s3.amazonaws.com/echo.api/random-{index}.pem"
        with pytest.raises(VerificationException) as refused:
            verifier.verify(_signed_headers(pki, body, SignatureCertChainUrl=url), body)
        return str(refused.value)

    reasons = [attempt(index) for index in range(MAX_DOWNLOADS_PER_MINUTE + 5)]
    assert len(calls) == MAX_DOWNLOADS_PER_MINUTE
    assert reasons[-1] == "too many certificate downloads"
    now[0] += timedelta(minutes=1, seconds=1)
    attempt(999)
    assert len(calls) == MAX_DOWNLOADS_PER_MINUTE + 1  # the budget refills
