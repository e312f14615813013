"""A clean virtualenv that borrows this environment's dependencies, without network."""

from __future__ import annotations

import subprocess
import sysconfig
import venv
from pathlib import Path


def clean_venv(where: Path) -> Path:
    """A new virtualenv at `where`; returns its python. Our dependencies come from this
    environment without our own editable install: a plain path line adds the directory but runs
    none of its .pth hooks (the editable finder lives in one of those)."""
    venv.create(where, with_pip=False)
    python = where / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    (Path(site) / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python
