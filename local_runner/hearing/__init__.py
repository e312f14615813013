"""Offline listening for the local runner: microphone, VAD, two ASR engines, echo guard.

Use `make_listener(engine, notice)` for a microphone inbox (or None, explained), `Listener`
to feed audio from elsewhere, `files.recognise_file` for WAV files, and `EchoGuard` for the speaker
to report what it plays.
"""

from __future__ import annotations

from .echo import EchoGuard
from .microphone import MergedInbox, make_listener

__all__ = ["EchoGuard", "MergedInbox", "make_listener"]
