"""The generalising recogniser: classifier, slot spotting, context, OOD rejection, safety net."""

from __future__ import annotations

from pathlib import Path

import pytest

from local_runner.recogniser import Recogniser, default_recogniser
from local_runner.understanding.context import with_prior
from local_runner.understanding.ood import ACTIONS
from skill.core import events as ev
from skill.core.triage import Assessment

DATA = Path(__file__).resolve().parent / "data"


def lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.split("\t")[0] for line in text.splitlines() if line and line[0] != "#"]


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        # Carrier phrases and body parts the samples do not spell out word for word.
        ("let's get going on my lower back", ev.START_ROUTINE, {"routine": "lower_back"}),
        ("i need to loosen up my hamstrings", ev.START_ROUTINE, {"routine": "hamstrings"}),
        ("my tight legs", ev.START_ROUTINE, {"routine": "hamstrings"}),
        ("could we do some hamstring stuff today", ev.START_ROUTINE, {"routine": "hamstrings"}),
        ("how many days in a row have i stretched", ev.PROGRESS, {}),
        ("i'm finished for today", ev.STOP, {}),
        ("my pain is about a four out of ten", ev.PAIN_SCORE, {"score": "4"}),
        ("zero out of ten", ev.PAIN_SCORE, {"score": "0"}),
        ("it's on my left leg", ev.SIDE, {"side": "left"}),
        (
            "could you explain the knee hugs thing to me",
            ev.EXPLAIN_EXERCISE,
            {"exercise": "knee_to_chest"},
        ),
        ("i haven't got any towel at home", ev.NO_EQUIPMENT, {"equipment": "towel"}),
    ],
)
def test_unseen_phrasings(text: str, intent: str, slots: dict[str, str]) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slots) == (intent, slots)
    assert event.text == text


def test_understand_reports_stage_and_confidence() -> None:
    recogniser = default_recogniser()
    exact = recogniser.understand("next one")
    assert (exact.stage, exact.confidence) == ("exact", 1.0)
    guessed = recogniser.understand("could we do some hamstring stuff today")
    assert guessed.stage == "classifier" and 0.5 < guessed.confidence <= 1.0


@pytest.mark.parametrize(
    ("text", "expects", "intent"),
    [
        ("go for it", (ev.YES, ev.NO), ev.YES),
        ("better", (ev.FEELING, ev.NEXT), ev.FEELING),
        ("yep", (ev.FEELING, ev.NEXT), ev.NEXT),  # agreement means "go on" here
        ("yep", (ev.YES, ev.NO), ev.YES),
        ("go on", (ev.YES, ev.NO), ev.NEXT),  # never turned into a yes: a yes may delete data
    ],
)
def test_expectations_act_as_a_prior(text: str, expects: tuple[str, ...], intent: str) -> None:
    assert default_recogniser().parse(text, expects=expects).name == intent


def test_context_chooses_between_close_readings() -> None:
    probabilities = {ev.NEXT: 0.55, ev.FEELING: 0.45}
    assert max(with_prior(probabilities, ()).items(), key=lambda i: i[1])[0] == ev.NEXT
    boosted = with_prior(probabilities, (ev.FEELING,))
    assert max(boosted.items(), key=lambda i: i[1])[0] == ev.FEELING
    assert sum(boosted.values()) == pytest.approx(1.0)


def test_context_turns_an_agreement_into_the_expected_one() -> None:
    recogniser = default_recogniser()
    assert recogniser.parse("yeah alright").name == ev.YES
    assert recogniser.parse("yeah alright", expects=(ev.FEELING, ev.NEXT)).name == ev.NEXT


def test_context_raises_confidence_in_the_expected_intent() -> None:
    recogniser = default_recogniser()
    alone = recogniser.understand("a little better")
    expected = recogniser.understand("a little better", expects=(ev.FEELING,))
    assert alone.event.name == expected.event.name == ev.FEELING
    assert expected.confidence > alone.confidence


@pytest.mark.parametrize("text", lines("ood_dev.tsv"))
def test_out_of_domain_speech_never_acts(text: str) -> None:
    assert default_recogniser().parse(text).name not in ACTIONS


@pytest.mark.parametrize(
    "text",
    [
        "start the washing machine would you",  # an action with no routine in it
        "next time bring the umbrella",  # mostly words the coach never heard
        "delete the voicemail from grandma",
    ],
)
def test_command_words_in_other_speech_do_not_act(text: str) -> None:
    assert default_recogniser().parse(text).name not in ACTIONS


@pytest.mark.parametrize(
    "text",
    ["what's the weather like", "did you feed the cat", "purple monkey dishwasher", "zzz qqq"],
)
def test_unrecognisable_speech_is_fallback(text: str) -> None:
    assert default_recogniser().parse(text).name == ev.FALLBACK


@pytest.mark.parametrize("text", lines("pain_dev.tsv"))
def test_pain_is_never_dropped(text: str) -> None:
    assert default_recogniser().parse(text).name in {ev.FEELING, ev.RED_FLAG}


@pytest.mark.parametrize("text", ["ouch", "ow", "ow that's worse now", "that hurts", "oof"])
def test_pain_words_are_a_worse_feeling(text: str) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slots.get("feeling")) == (ev.FEELING, "worse")


class FakeTriage:
    """Says "zorp" hurts and "glimmer" is a symptom; the net must act on its word alone."""

    def assess(self, text: str) -> Assessment:
        pain, known = "zorp" in text, "glimmer" in text or "zorp" in text
        return Assessment("selfcare", "", ("flag",) if known else (), (), known, pain)

    def routine_for(self, text: str) -> str | None:
        return None


def with_fake_triage() -> Recogniser:
    base = default_recogniser()
    return Recogniser(base.model, base.classifier, triage=FakeTriage())


def test_the_safety_net_follows_triage() -> None:
    recogniser = with_fake_triage()
    pain = recogniser.understand("wibble zorp wobble")
    assert pain.stage == "safety"
    assert (pain.event.name, pain.event.slots) == (ev.FEELING, {"feeling": "worse"})
    symptom = recogniser.parse("a glimmer in my wobble")
    assert (symptom.name, symptom.slots) == (ev.RED_FLAG, {"symptom": "a glimmer in my wobble"})
    assert recogniser.parse("wibble wobble").name == ev.FALLBACK


def test_pain_in_passing_is_a_worse_feeling() -> None:
    event = default_recogniser().parse("blorp flibber hurts")
    assert (event.name, event.slots.get("feeling")) == (ev.FEELING, "worse")


@pytest.mark.parametrize("text", ["my leg has gone numb", "i've got pins and needles in my foot"])
def test_symptom_statements_keep_their_words(text: str) -> None:
    event = default_recogniser().parse(text)
    assert event.name == ev.RED_FLAG
    assert event.slots["symptom"] and event.slots["symptom"] in text


def test_long_input_is_bounded() -> None:
    event = default_recogniser().parse("next " * 2000)
    assert len(event.text) <= ev.MAX_TEXT_CHARS


def test_no_out_of_domain_training_sentence_is_an_evaluation_sentence() -> None:
    from local_runner.understanding.ood import corpus

    evaluation = {
        line.split("\t")[0].strip()
        for folder in (DATA, DATA.parent.parent / "benchmarks" / "data")
        for path in folder.glob("*.tsv")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert len(corpus()) > 200
    assert not evaluation & set(corpus())


def test_a_new_form_of_a_known_word_is_not_an_unknown_word() -> None:
    classifier = default_recogniser().classifier
    assert classifier.knows("started") and classifier.knows("nearly")
    assert not classifier.knows("zorbled")
    event = default_recogniser().parse("i need a desk break badly")
    assert (event.name, event.slots) == (ev.START_ROUTINE, {"routine": "desk_break"})


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("hold each one for forty seconds", {"seconds": "40"}),
        ("start the spasm one", {"routine": "back_spasm"}),
        ("my pain is about a one", {"score": "1"}),
    ],
)
def test_one_is_a_pronoun_unless_a_number_is_asked_for(text: str, slots: dict[str, str]) -> None:
    assert default_recogniser().parse(text).slots == slots


def test_a_slip_of_the_tongue_never_outweighs_pain() -> None:
    event = default_recogniser().parse("ooh that's sore")
    assert (event.name, event.slots) == (ev.FEELING, {"feeling": "worse"})


def test_of_two_feelings_the_worse_is_taken() -> None:
    event = default_recogniser().parse("that didn't help at all it's a bit worse actually")
    assert (event.name, event.slots) == (ev.FEELING, {"feeling": "worse"})


def test_the_answer_the_coach_asked_for_keeps_its_pain_words() -> None:
    recogniser = default_recogniser()
    answer = recogniser.parse("it's my left leg that hurts", expects=[ev.SIDE])
    assert (answer.name, answer.slots) == (ev.SIDE, {"side": "left"})
    unasked = recogniser.parse("it's my left leg that hurts")
    assert (unasked.name, unasked.slots) == (ev.FEELING, {"feeling": "worse"})
    flagged = recogniser.parse("my left leg and it's gone numb", expects=[ev.SIDE])
    assert flagged.name == ev.RED_FLAG


@pytest.mark.parametrize(
    "text", ["i'm in a lot of pain", "dude that really kills", "that's not comfortable at all"]
)
def test_pain_without_a_score_or_a_known_word_is_still_pain(text: str) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slots) == (ev.FEELING, {"feeling": "worse"}), text


def test_templates_compile_on_a_thread_of_their_own_and_a_match_waits_for_them() -> None:
    from local_runner.understanding.model import LanguageModel
    from local_runner.understanding.templates import Templates

    templates = Templates(LanguageModel.load())
    assert not templates.compiled  # nothing compiled at construction: start-up stays quick
    warming = templates.warm_in_background()
    found = templates.match("hold for forty seconds")  # waits for the compile if need be
    assert found is not None and found.slots == {"seconds": "40"}
    warming.join(timeout=30)
    assert not warming.is_alive() and templates.compiled


@pytest.mark.parametrize(
    "text",
    ["i've had this weird numb feeling down below is that bad", "my pain's an eight and i can't feel my bum"],
)
def test_a_feeling_or_score_that_names_a_serious_sign_is_a_red_flag(text: str) -> None:
    event = default_recogniser().parse(text)
    assert event.name == ev.RED_FLAG, (text, event)


@pytest.mark.parametrize(
    "text",
    ["sorry i think i felt something go in my lower back", "that really stirred up my sciatica"],
)
def test_pain_said_of_a_routine_s_body_part_without_asking_for_it_is_pain(text: str) -> None:
    assert default_recogniser().parse(text).name in (ev.FEELING, ev.RED_FLAG), text


def test_a_slip_is_judged_by_its_words_not_by_a_long_placeholder_they_share() -> None:
    event = default_recogniser().parse("make it twenty seconds")  # not "wait twenty second"
    assert (event.name, event.slots) == (ev.HOLD_TIME, {"seconds": "20"})
    assert default_recogniser().parse("nest one").name == ev.NEXT


@pytest.mark.parametrize(
    ("said", "slot_type", "value"),
    [
        ("can we have that knee hugging one back in", "ExerciseName", "knee_to_chest"),
        ("what's the kid's pose thing you mentioned", "ExerciseName", "childs_pose"),
        ("show me the leg lifting one", "ExerciseName", "leg_lifts"),
    ],
)
def test_a_value_said_in_another_inflection_is_found_by_its_stems(
    said: str, slot_type: str, value: str
) -> None:
    spans = default_recogniser().spotter.spans(said)
    assert value in [span.id_for(slot_type) for span in spans], spans


@pytest.mark.parametrize("said", ["help", "help please", "should i do it"])
def test_one_word_is_never_matched_by_its_stem_alone(said: str) -> None:
    # "help" is the stem of the feeling "helped"; "should" is no "shoulder".
    assert default_recogniser().spotter.spans(said) == []


@pytest.mark.parametrize(
    ("said", "sides"),
    [
        ("i'll be right back", []),
        ("it hurts right there", []),
        ("stop right now", []),
        ("my right back is sore", ["right"]),
        ("the right side now", ["right"]),
        ("the right then the left", ["right", "left"]),
        ("right let's get these stretches going", []),  # an opening "okay"
        ("right leg", ["right"]),
        ("right", ["right"]),
    ],
)
def test_right_as_an_adverb_is_no_side(said: str, sides: list[str]) -> None:
    spans = default_recogniser().spotter.spans(said)
    assert [span.id_for("Side") for span in spans if span.id_for("Side")] == sides


@pytest.mark.parametrize(
    ("said", "feelings"),
    [
        ("start whatever's good for that", []),
        ("anything good for a stiff neck", []),
        ("good", ["better"]),
        ("a good stretch", ["better"]),  # may answer "how did that feel?"
        ("that felt good for my back", ["better"]),
    ],
)
def test_a_word_of_feeling_said_of_what_suits_is_no_feeling(said: str, feelings: list[str]) -> None:
    spans = default_recogniser().spotter.spans(said)
    assert [span.id_for("Feeling") for span in spans if span.id_for("Feeling")] == feelings


def test_an_exercise_said_in_another_inflection_is_brought_back() -> None:
    event = default_recogniser().parse("can we have that knee hugging one back in")
    assert (event.name, event.slots) == (ev.BRING_BACK, {"exercise": "knee_to_chest"})


def test_a_value_span_never_ends_on_a_word_said_inside_values() -> None:
    # "my hamstring just went": "just" belongs to what follows, so the pain is still heard.
    spans = default_recogniser().spotter.spans("my hamstring just went")
    assert [span.words for span in spans] == ["hamstring"]
    assert default_recogniser().parse("my hamstring just went").name == ev.FEELING


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [("my back feels nicer", ev.FEELING, {"feeling": "better"}),
     ("okay hold it there thanks", ev.PAUSE, {}),
     ("could we start again from where we were", ev.RESUME, {})],
)  # fmt: skip
def test_nicer_hold_it_there_and_starting_again_from_where_we_were(
    text: str, intent: str, slots: dict[str, str]
) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slots) == (intent, slots)


@pytest.mark.parametrize("said", ["ease off a bit", "does it help", "could you help a bit"])
def test_feelings_are_never_found_by_stems(said: str) -> None:
    # "ease off" is no "eased off", "help" no "helped": verbs inflect into other meanings.
    assert default_recogniser().parse(said).name != ev.FEELING, said


@pytest.mark.parametrize(
    ("said", "feeling"),
    [("that's really helping", "better"), ("it's loosening me up", "better"),
     ("that's setting it off", "worse")],
)  # fmt: skip
def test_a_feeling_said_as_it_happens_is_found_by_its_stems(said: str, feeling: str) -> None:
    event = default_recogniser().parse(said)
    assert (event.name, event.slot("feeling")) == (ev.FEELING, feeling)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [("tek it from di top again", ev.START_OVER, {}),
     ("say dat again mi neva ketch it", ev.REPEAT, {}),
     ("mi finish dat one gwaan to di nex", ev.NEXT, {}),
     ("mi nerves dem bad tonight mek we just do di breathin", ev.START_ROUTINE,
      {"routine": "breathing"})],
)  # fmt: skip
def test_commands_in_jamaican_creole_and_with_a_polite_tail(
    text: str, intent: str, slots: dict[str, str]
) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slots) == (intent, slots)


def test_a_phone_errand_overheard_is_not_a_stop() -> None:
    assert default_recogniser().parse("the heifer's got a bum leg gotta call the vet").name == (
        ev.FALLBACK
    )


@pytest.mark.parametrize(
    "text", ["stop the lower back routine", "stop my hamstring stretches", "quit the desk break"]
)
def test_a_routine_named_after_a_verb_that_ends_it_is_stopped_not_started(text: str) -> None:
    assert default_recogniser().parse(text).name == ev.STOP


@pytest.mark.parametrize("text", ["stop my back", "stop it's my back"])
def test_stop_said_of_a_body_part_is_pain_so_the_coach_asks_where(text: str) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slot("feeling")) == (ev.FEELING, "worse")


@pytest.mark.parametrize(
    ("text", "intent"),
    [("okay stop the session i have a meeting", ev.STOP),  # a longer stop, then its reason
     ("sorry i need a sec it's sharp in my lower back", ev.FEELING),  # a pause, not a request
     ("it's been four days and it isn't easing", ev.RED_FLAG),  # four days is no pain score
     ("clear out all my history", ev.DELETE_DATA),
     ("is this something i should go to the er for", ev.RED_FLAG),
     ("can ye do the spasm ones", ev.START_ROUTINE)],
)  # fmt: skip
def test_stops_with_reasons_pauses_for_pain_durations_and_plain_requests(
    text: str, intent: str
) -> None:
    assert default_recogniser().parse(text).name == intent


def test_a_stop_whose_object_is_something_else_is_no_pause_of_the_coach() -> None:
    assert default_recogniser().parse("stop the clock the contestant has answered").name == (
        ev.FALLBACK
    )


@pytest.mark.parametrize(
    "text",
    ["stop messing about and start the lower back routine", "let's watch something else love",
     "i won't if you don't mind", "i'm wan and shaky", "this will stop my back getting stiff"],
)
def test_other_speech_near_the_new_wording_takes_no_action_it_does_not_ask(text: str) -> None:
    event = default_recogniser().parse(text)
    assert event.name not in (ev.STOP, ev.SKIP, ev.YES, ev.NEXT, ev.FEELING), (text, event.name)
