#!/usr/bin/env python3
"""Builds a deployable ASK CLI v2 project and a Lambda zip from this repository.

    python scripts/export_skill_package.py --out DIR [--region us-east-1] [--with-deps]

DIR/ask-resources.json                          ASK CLI v2 project (lambda deployer)
DIR/skill-package/skill.json                    the manifest (privacy and compliance included)
DIR/skill-package/interactionModels/custom/<locale>.json   one model per locale
DIR/lambda/                                     the skill's code and its pinned requirements.txt
DIR/lambda.zip                                  the same code, ready to upload to AWS Lambda

Everything is validated first (interaction_model/validate.py: invocation name, sample and slot
limits, duplicate samples, example phrases) and nothing is written when anything is wrong.
The generated models must also be current (scripts/build_interaction_model.py --check).
`--with-deps` installs the pinned requirements into lambda/ (and the zip) with pip, which needs
the package index; without it the zip holds our code, and Lambda layers or `ask deploy`
(which runs pip on requirements.txt) bring the dependencies.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from interaction_model.validate import problems  # noqa: E402
from skill.core.events import LOCALES  # noqa: E402

HANDLER = "skill.lambda_function.lambda_handler"
LAMBDA_PACKAGES = ("ask-sdk-core", "ask-sdk-model", "boto3")  # what the Lambda imports
RUNTIME = "python3.11"
SKIPPED = {"__pycache__", "cli", "webservice.py", "verification.py", "compat.py"}


def pinned_requirements() -> list[str]:
    """The Lambda's requirements, with the exact pins pyproject.toml already has."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = {d.split("==")[0].lower(): d for d in project["dependencies"]}
    return [pins[name] for name in LAMBDA_PACKAGES]


def load_package() -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    models_dir = ROOT / "interaction_model"
    manifest = json.loads((models_dir / "skill.json").read_text(encoding="utf-8"))
    models = {
        locale: json.loads((models_dir / f"{locale}.json").read_text(encoding="utf-8"))
        for locale in LOCALES
        if (models_dir / f"{locale}.json").exists()
    }
    return manifest, models


def ask_resources(region: str) -> dict[str, Any]:
    return {
        "askcliResourcesVersion": "2020-03-31",
        "profiles": {
            "default": {
                "skillMetadata": {"src": "./skill-package"},
                "code": {"default": {"src": "./lambda"}},
                "skillInfrastructure": {
                    "type": "@ask-cli/lambda-deployer",
                    "userConfig": {"runtime": RUNTIME, "handler": HANDLER, "awsRegion": region},
                },
            }
        },
    }


def _copy_code(target: Path) -> None:
    shutil.copytree(
        ROOT / "skill", target / "skill", ignore=lambda _d, names: SKIPPED & set(names)
    )
    (target / "requirements.txt").write_text("\n".join(pinned_requirements()) + "\n", "utf-8")


def _zip(source: Path, archive: Path) -> None:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(source.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                bundle.write(path, path.relative_to(source).as_posix())


def export(out: Path, region: str = "us-east-1", with_deps: bool = False) -> list[str]:
    """Write the project into `out`; returns the problems found (nothing is written if any)."""
    stale = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_interaction_model.py"), "--check"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if stale.returncode != 0:
        return [line for line in stale.stderr.splitlines() if line]
    manifest, models = load_package()
    found = problems(manifest, models)
    if found:
        return found
    if out.exists():
        shutil.rmtree(out)
    package = out / "skill-package"
    custom = package / "interactionModels" / "custom"
    custom.mkdir(parents=True)
    (package / "skill.json").write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    for locale, model in models.items():
        (custom / f"{locale}.json").write_text(json.dumps(model, indent=2) + "\n", "utf-8")
    resources = json.dumps(ask_resources(region), indent=2) + "\n"
    (out / "ask-resources.json").write_text(resources, "utf-8")
    code = out / "lambda"
    code.mkdir()
    _copy_code(code)
    if with_deps:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "-t", str(code), "-r",
             str(code / "requirements.txt")],
            check=True,
        )  # fmt: skip
    _zip(code, out / "lambda.zip")
    return []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="directory to write (replaced)")
    parser.add_argument("--region", default="us-east-1", help="AWS region for ask deploy")
    parser.add_argument("--with-deps", action="store_true", help="pip install the requirements")
    args = parser.parse_args()
    found = export(args.out, args.region, args.with_deps)
    for line in found:
        print(f"export_skill_package: {line}", file=sys.stderr)
    if found:
        return 1
    print(f"wrote {args.out} (ask deploy from there, or upload {args.out / 'lambda.zip'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
