"""Makes flask-ask-sdk importable on OpenSSL 3.0.10+ without touching site-packages.

flask_ask_sdk imports ask_sdk_webservice_support.verifier, which imports certvalidator, which
imports oscrypto 1.3.0; that release cannot parse a two-digit OpenSSL patch version and raises
LibraryNotFoundError at import (upstream wbond/oscrypto #75/#78, fixed only on their unreleased
main). We never use the stock RequestVerifier that needs certvalidator: our own verifiers in
`verification.py` check the chain and signature with `cryptography`. So, only when the real
import fails, we register a stand-in `certvalidator` module whose validator refuses to run.
"""

from __future__ import annotations

import sys
import types
from typing import Any, NoReturn


class _StockVerifierDisabled(RuntimeError):
    pass


class _RefusingValidator:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise _StockVerifierDisabled(
            "the stock certvalidator-based RequestVerifier is disabled on this machine; "
            "use skill.alexa.verification.SignatureVerifier"
        )


def _refuse(*args: Any, **kwargs: Any) -> NoReturn:
    raise _StockVerifierDisabled("certvalidator is unavailable")


def ensure_flask_ask_sdk_importable() -> bool:
    """Import certvalidator, installing the stand-in if oscrypto cannot load. True if stubbed."""
    if "certvalidator" in sys.modules:
        return getattr(sys.modules["certvalidator"], "__stand_in__", False) is True
    try:
        import certvalidator  # noqa: F401
    except Exception:  # oscrypto raises LibraryNotFoundError (an Exception subclass) here
        for name in [m for m in sys.modules if m == "oscrypto" or m.startswith("oscrypto.")]:
            del sys.modules[name]
    else:
        return False
    stand_in = types.ModuleType("certvalidator")
    errors = types.ModuleType("certvalidator.errors")

    class ValidationError(Exception):
        pass

    class PathError(Exception):
        pass

    errors.ValidationError = ValidationError  # type: ignore[attr-defined]
    errors.PathError = PathError  # type: ignore[attr-defined]
    stand_in.CertificateValidator = _RefusingValidator  # type: ignore[attr-defined]
    stand_in.ValidationContext = _refuse  # type: ignore[attr-defined]
    stand_in.errors = errors  # type: ignore[attr-defined]
    stand_in.__stand_in__ = True  # type: ignore[attr-defined]
    sys.modules["certvalidator"] = stand_in
    sys.modules["certvalidator.errors"] = errors
    return True
