"""The trained classifier is cached per model and trainer, and a bad cache is rebuilt."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from local_runner.understanding import Recogniser
from local_runner.understanding.cache import CACHE_ENV


def tiny_model(extra: str = "") -> dict[str, Any]:
    intents = [
        {"name": "AMAZON.NextIntent", "samples": ["next", "next one", "move on", "keep going"]},
        {"name": "AMAZON.StopIntent", "samples": ["stop", "quit", "that's enough", "end it"]},
        {
            "name": "StartRoutineIntent",
            "slots": [{"name": "routine", "type": "RoutineName"}],
            "samples": ["start {routine}", "let's do {routine}", "do the {routine}" + extra],
        },
    ]
    types = [
        {
            "name": "RoutineName",
            "values": [{"id": "hamstrings", "name": {"value": "hamstrings", "synonyms": []}}],
        }
    ]
    return {
        "interactionModel": {
            "languageModel": {"invocationName": "x y", "intents": intents, "types": types}
        }
    }


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def write(path: Path, model: dict[str, Any]) -> Path:
    path.write_text(json.dumps(model), encoding="utf-8")
    return path


def test_second_start_loads_the_cache(tmp_path: Path, cache_dir: Path) -> None:
    model = write(tmp_path / "en-US.json", tiny_model())
    first = Recogniser.from_model(model)
    assert not first.from_cache and len(list(cache_dir.glob("*.npz"))) == 1
    second = Recogniser.from_model(model)
    assert second.from_cache
    text = "could you start the hamstrings"
    assert first.understand(text).confidence == pytest.approx(second.understand(text).confidence)


def test_a_changed_model_is_trained_again(tmp_path: Path, cache_dir: Path) -> None:
    Recogniser.from_model(write(tmp_path / "a.json", tiny_model()))
    changed = Recogniser.from_model(write(tmp_path / "b.json", tiny_model(" please")))
    assert not changed.from_cache
    assert len(list(cache_dir.glob("*.npz"))) == 2


@pytest.mark.parametrize("damage", [b"", b"not a zip file", b"PK\x03\x04broken"])
def test_a_corrupt_cache_is_rebuilt_not_a_crash(
    tmp_path: Path, cache_dir: Path, damage: bytes
) -> None:
    model = write(tmp_path / "en-US.json", tiny_model())
    Recogniser.from_model(model)
    (cached,) = cache_dir.glob("*.npz")
    cached.write_bytes(damage)
    rebuilt = Recogniser.from_model(model)
    assert not rebuilt.from_cache
    assert rebuilt.parse("start hamstrings").slots == {"routine": "hamstrings"}
    assert Recogniser.from_model(model).from_cache  # and the repaired file is used again


def test_an_unwritable_cache_dir_still_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    recogniser = Recogniser.from_model(write(tmp_path / "en-US.json", tiny_model()))
    assert recogniser.parse("next").name == "AMAZON.NextIntent"


def test_a_changed_trainer_is_trained_again(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from local_runner.understanding import cache

    model = write(tmp_path / "en-US.json", tiny_model())
    Recogniser.from_model(model)
    assert Recogniser.from_model(model).from_cache
    # Any edit to the package's code or corpus changes its fingerprint.
    monkeypatch.setattr(cache, "trainer_fingerprint", lambda: "an edited trainer")
    assert not Recogniser.from_model(model).from_cache


def test_the_trainer_fingerprint_covers_the_out_of_domain_corpus(tmp_path: Path) -> None:
    import shutil

    from local_runner.understanding import cache

    copy = tmp_path / "understanding"
    shutil.copytree(Path(cache.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = cache.trainer_fingerprint(copy)
    assert before == cache.trainer_fingerprint()
    with (copy / "out_of_domain.txt").open("a", encoding="utf-8") as corpus:
        corpus.write("the kettle has boiled\n")
    assert cache.trainer_fingerprint(copy) != before


def test_the_trainer_fingerprint_covers_the_dialect_spellings_training_reads(
    tmp_path: Path,
) -> None:
    import shutil

    import skill.core
    from local_runner.understanding import cache

    for name in cache.OUTSIDE_SOURCES:
        shutil.copy(Path(skill.core.__file__).parent / name, tmp_path / name)
    before = cache.trainer_fingerprint(core=tmp_path)
    assert before == cache.trainer_fingerprint()
    with (tmp_path / "dialect.py").open("a", encoding="utf-8") as dialect:
        dialect.write('STANDARD["yon"] = "that"\n')
    assert cache.trainer_fingerprint(core=tmp_path) != before


def test_every_dialect_module_is_in_the_trainer_fingerprint() -> None:
    import skill.core
    from local_runner.understanding import cache

    modules = {p.name for p in Path(skill.core.__file__).parent.glob("dialect*.py")}
    assert modules and modules <= set(cache.OUTSIDE_SOURCES)


def test_old_classifiers_are_pruned_from_the_cache(tmp_path: Path, cache_dir: Path) -> None:
    from local_runner.understanding.cache import KEEP

    for n in range(KEEP + 2):
        Recogniser.from_model(write(tmp_path / f"{n}.json", tiny_model(" now" * (n + 1))))
    assert len(list(cache_dir.glob("classifier-*.npz"))) == KEEP


def test_the_table_of_model_sentences_and_its_collisions_come_from_the_cache(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from local_runner.understanding.exact import ExactTable

    model = tiny_model()
    model["interactionModel"]["languageModel"]["intents"][0]["samples"].append("quit")
    path = write(tmp_path / "en-US.json", model)
    built = Recogniser.from_model(path)

    def no_build(*_: object) -> None:
        raise AssertionError("the table is built again at start-up")

    monkeypatch.setattr(ExactTable, "build", no_build)
    loaded = Recogniser.from_model(path)
    assert loaded.from_cache and loaded.exact.table == built.exact.table
    assert loaded.collisions == built.collisions
    assert set(built.collisions) == {("quit", "AMAZON.NextIntent", "AMAZON.StopIntent")}
    assert loaded.understand("do the hamstrings").stage == "exact"


def test_a_damaged_entry_in_a_stored_table_is_as_if_never_stored() -> None:
    from local_runner.understanding.cache import StoredTable

    table = StoredTable({"stop": ["AMAZON.StopIntent", []], "next": ["AMAZON.NextIntent"]})
    assert table["stop"].intent == "AMAZON.StopIntent"
    assert table.get("next") is None  # a lookup misses; it never raises mid-session
