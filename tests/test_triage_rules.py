"""Triage machinery: the indexed matcher agrees with the scan reference, the input cap, and a
malformed rules file fails with a message naming file, entry and field."""

from __future__ import annotations

import dataclasses
import random
import re
from importlib import resources
from pathlib import Path

import pytest

from skill.core.content import ContentError
from skill.core.dialect import STANDARD
from skill.core.triage import MAX_TRIAGE_CHARS, IndexedFinder, ScanFinder, Triage
from skill.core.triage.text import Words
from skill.core.triage.trie import TermTrie, TrieFinder
from skill.core.validation import ContentError as SharedContentError

TRIAGE = Triage.default()
RULES_TEXT = (resources.files("skill.content") / "redflags.toml").read_text(encoding="utf-8")


def vocabulary() -> list[str]:
    """Every word the rules file quotes, plus negators and fillers that change a match."""
    quoted = re.findall(r'"([^"]+)"', RULES_TEXT.split("[screen]")[0])
    words = {w for item in quoted for w in re.findall(r"[a-z0-9']+", item.lower())}
    return sorted(words | {"no", "not", "without", "never", "any", "have", "i", "am", "72"})


@pytest.mark.parametrize("seed", range(3))
def test_trie_and_indexed_matchers_answer_like_the_scan_reference(seed: int) -> None:
    rng = random.Random(seed)
    words = vocabulary()
    indexed = dataclasses.replace(TRIAGE, finder=IndexedFinder)
    scan = dataclasses.replace(TRIAGE, finder=ScanFinder)
    assert TRIAGE.finder is None  # the default: the trie of the rules' terms
    for _ in range(40):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 20)))
        expected = scan.assess(text)
        assert indexed.assess(text) == expected, text
        assert TRIAGE.assess(text) == expected, text


def test_the_trie_finds_every_occurrence_of_each_term_like_the_scan() -> None:
    rng = random.Random(11)
    words, lists = vocabulary(), list(TRIAGE.rules.term_lists())
    trie = TermTrie(lists)
    for _ in range(60):
        text = Words.of(" ".join(rng.choice(words) for _ in range(rng.randint(1, 25))))
        found, scan = TrieFinder(text, trie), ScanFinder(text)
        for terms in lists:
            occurring = {t for t in terms if scan.starts(t)}
            assert set(found.candidates(terms)) == occurring
            assert all(found.starts(t) == scan.starts(t) for t in occurring)


def test_a_term_list_the_trie_was_not_built_from_is_still_looked_up() -> None:
    text = Words.of("my left leg has gone numb")
    finder = TrieFinder(text, TermTrie([]))
    terms = (("leg",), ("=gone", "numb"))
    assert list(finder.candidates(terms)) == [("leg",), ("=gone", "numb")]
    assert finder.starts(("=gone", "numb")) == [4]


def test_window_search_agrees_with_every_combination() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        groups = [
            sorted(rng.sample(range(40), rng.randint(1, 4))) for _ in range(rng.randint(1, 3))
        ]
        window = rng.randint(0, 10)
        assert IndexedFinder.within(groups, window) == ScanFinder.within(groups, window), groups


def test_text_past_the_cap_is_not_read() -> None:
    padding = "and then " * (MAX_TRIAGE_CHARS // 9 + 1)
    assert len(padding) > MAX_TRIAGE_CHARS
    assert TRIAGE.assess("numbness in my groin " + padding).level == "emergency"
    late = TRIAGE.assess(padding + "numbness in my groin")
    assert (late.level, late.recognised) == ("doctor", False)  # still never selfcare
    uncapped = dataclasses.replace(TRIAGE, max_chars=None)
    assert uncapped.assess(padding + "numbness in my groin").level == "emergency"
    assert 300 <= MAX_TRIAGE_CHARS <= 1000


def test_a_word_cut_by_the_cap_is_dropped() -> None:
    prefix = "my back is a bit stiff".ljust(MAX_TRIAGE_CHARS - 4)
    result = TRIAGE.assess(prefix + "fellowship")  # cut whole, it would read "fell"
    assert (result.level, result.flags) == ("selfcare", ())
    assert TRIAGE.assess(prefix + "fell").level == "emergency"  # a whole word is kept


# ------------------------------------------------------------------ the screen's shape


def test_screen_is_short_and_asks_the_emergencies_first() -> None:
    questions = TRIAGE.questions
    assert len(questions) <= 7
    assert [q.flags for q in questions[:2]] == [("saddle_numbness",), ("bladder_bowel",)]
    emergencies = {f.id for f in TRIAGE.flags if f.level == "emergency"}
    asked = [q for q in questions if set(q.flags) & emergencies]
    assert asked == list(questions[: len(asked)])
    assert emergencies <= {flag for q in asked for flag in q.flags}
    assert all(q.flag == q.flags[0] for q in questions)


# ------------------------------------------------------------------ malformed rules files


def broken(tmp_path: Path, old: str, new: str) -> Path:
    assert old in RULES_TEXT, old
    path = tmp_path / "redflags.toml"
    path.write_text(RULES_TEXT.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'id = "chest_pain"\nlevel = "emergency"',
            'id = "chest_pain"\nlevel = "serious"',
            "redflags.toml: entry 'chest_pain': field 'level': must be one of emergency, urgent, "
            "doctor (got 'serious')",
        ),
        (
            'combos = [["@chest", "@pain_words"]]',
            'combos = [["@chest", "@pain_wordz"]]',
            "redflags.toml: entry 'chest_pain': field 'combos': unknown term list '@pain_wordz'",
        ),
        (
            'label = "Chest pain"\n',
            "",
            "redflags.toml: entry 'chest_pain': field 'label': is missing",
        ),
        (
            'kept_by = ["@complaint", ',
            'kept_by_typo = ["@complaint", ',
            "redflags.toml: entry 'not_easing': field 'kept_by': unless_alone needs the terms "
            "that keep the match",
        ),
        (
            'id = "fever"\nlevel = "urgent"\nlabel = "A fever or feeling very unwell"\n'
            'combos = [["@fever"]]',
            'id = "fever"\nlevel = "urgent"\nlabel = "A fever or feeling very unwell"\n'
            "combos = [[3]]",
            "redflags.toml: entry 'fever': field 'combos': must be a list of non-empty lists of terms",
        ),
        (
            '[[suggest]]\nroutine = "back_spasm"',
            '[[suggest]]\nroutine = "yoga"',
            "redflags.toml: entry 'suggest[0]': field 'routine': must be one of",
        ),
        (
            'flags = ["serious_injury", "chest_pain", "sexual_dysfunction"]',
            'flags = ["serious_injury", "sexual_dysfunction"]',
            "redflags.toml: entry 'screen': field 'question': no question covers emergency flag(s) "
            "['chest_pain']",
        ),
        (
            'level = "emergency"\nflag = "bladder_bowel"',
            'level = "emergency"\nflags = ["bladder_bowel", "chest_pain"]',
            "redflags.toml: entry 'screen.question[1]': field 'flags': 'bladder_bowel' must have "
            "a question of its own",
        ),
        (
            'level = "urgent"\nflags = ["fever"',
            'level = "emergency"\nflags = ["fever"',
            "redflags.toml: entry 'screen.question[4]': field 'level': must be urgent",
        ),
        (
            "[levels.doctor]\nadvice = ",
            "[levels.doctor]\nadvise = ",
            "redflags.toml: entry 'levels.doctor': field 'advice': is missing",
        ),
    ],
)
def test_malformed_rules_name_file_entry_and_field(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    with pytest.raises(ContentError) as error:
        Triage.load(broken(tmp_path, old, new))
    assert str(error.value).startswith(message), str(error.value)
    assert isinstance(error.value, SharedContentError)


def test_too_many_screen_questions_is_an_error(tmp_path: Path) -> None:
    extra = '\n[[screen.question]]\nlevel = "doctor"\nflag = "{}"\ntext = "Is it {}?"\n'
    path = tmp_path / "redflags.toml"
    path.write_text(
        RULES_TEXT + extra.format("nerve_symptoms", "a") + extra.format("faint_or_dizzy", "b"),
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match=r"entry 'screen': field 'question': at most 7"):
        Triage.load(path)


def test_unreadable_rules_file_is_a_content_error(tmp_path: Path) -> None:
    path = tmp_path / "redflags.toml"
    path.write_text("[flag\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"^redflags.toml: not valid TOML"):
        Triage.load(path)
    with pytest.raises(ContentError, match=r"^missing.toml: cannot be read"):
        Triage.load(tmp_path / "missing.toml")


def test_suggested_routines_are_the_routines_we_have() -> None:
    from skill.core.content import default_library
    from skill.core.triage import ROUTINE_IDS

    assert set(ROUTINE_IDS) == set(default_library().routines)
    assert {s.routine for s in TRIAGE.rules.suggestions} == set(ROUTINE_IDS)


def test_a_reference_inside_a_phrase_stands_for_each_term_of_its_list(tmp_path: Path) -> None:
    rules = broken(tmp_path, '"for @count weeks",', '"for @count weeks", "ached @weekday night",')
    assert "not_easing" in Triage.load(rules).assess("it ached tuesday night").flags


def test_no_dialect_spelling_rewrites_a_word_the_red_flags_name() -> None:
    # "hiv" read as Scots "have" would make "have" a sign of a weakened immune system and
    # "HIV" no sign at all. Only spellings the rules list as dialect on purpose may match.
    rewritten = {word for word in vocabulary() if word in STANDARD}
    assert rewritten <= {"nae", "tinglin"}
    assert TRIAGE.assess("i've got hiv and my back hurts").level == "urgent"
    assert TRIAGE.assess("what stretches have you got").level != "urgent"
