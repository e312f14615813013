"""Requests said the way people say them: with the reason for them, corrected half-way, or
said to someone else in the room."""

from __future__ import annotations

import pytest

from local_runner.recogniser import default_recogniser
from local_runner.session import LocalSession
from local_runner.understanding.ood import ACTIONS
from local_runner.understanding.text import normalise, self_repaired, without_acknowledgement
from skill.core import events as ev
from skill.core.coach import Coach
from skill.core.modes import Mode
from skill.core.symptom_words import heard_symptoms
from skill.core.triage import Triage
from skill.stores.memory import MemoryStore
from tests.conftest import fixed_clock


@pytest.mark.parametrize(
    ("text", "routine"),
    [
        ("my back cramped up lifting a bale so let's do the spasm stretches", "back_spasm"),
        ("my lumbago's playing up again can we do something for that", "lower_back"),
        ("my hamstrings are killing me can we do the hamstring stretches", "hamstrings"),
    ],
)
def test_a_sure_request_for_a_routine_that_says_why_is_that_request(
    text: str, routine: str
) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slots) == (ev.START_ROUTINE, {"routine": routine})
    assert event.text == text  # the coach triages the words it carries


@pytest.mark.parametrize(
    "text",
    [
        "ouch my hamstrings",  # names a routine, asks for nothing
        "feels like a knife in my lower back",
        "argh my back let's do the back one",  # the pain is only in the routine's own words
        "oh my back my back",  # a cry, though "my back" names a routine
        "my leg my leg",
        "i'm afraid my hamstring can't take that",  # "take" refused, not asked for
        "i'm afraid my lower back can't take that",
    ],
)
def test_pain_that_is_not_a_request_is_still_pain(text: str) -> None:
    assert default_recogniser().parse(text).name == ev.FEELING


@pytest.mark.parametrize(
    "text",
    [
        "it's been over a week and it's no better",
        "my back has been stiff for two weeks now",
        "my leg's been tingling all week",
        "spasms every few days for a month now",
    ],
)
def test_the_course_of_a_complaint_is_triaged(text: str) -> None:
    # Pain with it may come as a feeling: mid-routine the coach answers its flag either way
    # (test_floor_safety: a feeling that says how long it has lasted gets the doctor's advice).
    event = default_recogniser().parse(text)
    assert event.name in (ev.RED_FLAG, ev.FEELING)
    assert Triage.default().assess(event.text).more_than_worse


@pytest.mark.parametrize(
    "text",
    [
        "that's stiffening up can you loosen it up",  # mid-routine: not "start it again?"
        "sat at the computer all day and the telly's broken can you sort that out",
    ],
)
def test_a_complaint_with_a_plea_to_fix_it_starts_no_routine(text: str) -> None:
    assert default_recogniser().parse(text).name != ev.START_ROUTINE


def test_could_that_be_asks_about_a_symptom_not_for_a_routine() -> None:
    said = "i've had trouble peeing since my back went could that be connected"
    assert default_recogniser().parse(said).name == ev.RED_FLAG


@pytest.mark.parametrize(
    ("text", "intent"),
    [("kindly end the session now", ev.STOP), ("i've a towel right here", ev.HAVE_EQUIPMENT)],
)
def test_a_sure_classifier_outweighs_a_near_miss_of_another_intent(text: str, intent: str) -> None:
    # "end the session now" is a letter or two from "start the session now"
    assert default_recogniser().understand(text).event.name == intent


@pytest.mark.parametrize(
    ("text", "routine"),
    [
        ("played a game of footy yesterday can we do the hamstring one", "hamstrings"),
        ("after the game my hamstrings are tight let's do the hamstring stretches", "hamstrings"),
    ],
)
def test_a_game_played_is_not_another_thing_in_the_room(text: str, routine: str) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slot("routine")) == (ev.START_ROUTINE, routine)


def test_doing_told_of_is_no_request() -> None:
    said = "sorry just um there's kind of a sharp thing in my lower back when i do that"
    assert default_recogniser().parse(said).name in (ev.FEELING, ev.RED_FLAG)


def test_a_request_naming_a_red_flag_is_left_to_triage() -> None:
    event = default_recogniser().parse("i've lost control of my bladder can we do the back one")
    assert event.name == ev.RED_FLAG


@pytest.mark.parametrize(
    "said",
    [
        "my hamstrings are killing me can we do the hamstring stretches",
        # The routine's name stands for the body part: the coach still hears "my back is wrecked".
        "my lower back is wrecked let's do some stretches for it",
        "i've got back pain",  # "back pain" names the lower back routine, and says it hurts
        "start something for the nerve pain down my leg",
        "my back keeps seizing right up put on the one for that",  # a request by situation
    ],
)
def test_pain_said_with_a_routine_request_mid_hold_stops_the_hold(said: str) -> None:
    session = LocalSession(coach=Coach(clock=fixed_clock), store=MemoryStore())
    session.start()
    session.say("start the lower back routine")
    session.say("next")
    session.say(said)
    # Stopped to ask where it hurts, or (nerve pain, a doctor-level sign) whether to carry on
    assert session.state.session.mode in (Mode.PAIN_CHECK, Mode.CARRY_ON_CHECK)
    assert session.state.session.routine_id == "lower_back"  # not swapped for another


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("my back just locked up", f"{ev.FEELING}|{ev.RED_FLAG}"),  # a routine's name, said as what hurts
        ("it's grabbing me in the small of my back", ev.FEELING),
        ("right mate let's crack on with the lower back one", ev.START_ROUTINE),
        ("the back spasm one", ev.START_ROUTINE),
    ],
)
def test_a_routine_named_after_a_body_part_is_that_body_part_to_the_safety_net(
    text: str, intent: str
) -> None:
    assert default_recogniser().parse(text).name in intent.split("|")


@pytest.mark.parametrize(
    ("text", "taken_back", "meant"),
    [
        ("the sciatica one wait no the lower back one", "the sciatica one", "the lower back one"),
        ("left no sorry right", "left", "right"),
        ("no wait", "", "no wait"),  # opening a sentence it is a request of its own
        ("skip it i mean", "", "skip it i mean"),  # nothing meant after it
    ],
)
def test_a_self_repair_splits_what_was_taken_back_from_what_was_meant(
    text: str, taken_back: str, meant: str
) -> None:
    assert self_repaired(text) == (taken_back, meant)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("can we do the uh the spasm wait no the desk one", ev.START_ROUTINE,
         {"routine": "desk_break"}),
        ("the left one wait no the right", ev.SIDE, {"side": "right"}),
    ],
)  # fmt: skip
def test_what_was_meant_after_a_self_repair_wins(
    text: str, intent: str, slots: dict[str, str]
) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slots) == (intent, slots)


def test_a_value_said_with_its_s_is_still_the_value() -> None:
    recogniser = default_recogniser()
    spans = recogniser.spotter.spans("my hamstring's tight")
    assert [span.id_for("RoutineName") for span in spans] == ["hamstrings"]


@pytest.mark.parametrize(
    "text",
    [
        "yes mum i'm coming", "stop that you two", "no sweetie not now", "yes love mommy's coming",
    ],
)
def test_an_action_said_to_someone_else_in_the_room_is_not_acted_on(text: str) -> None:
    assert default_recogniser().parse(text).name == ev.FALLBACK


@pytest.mark.parametrize(
    "text",
    [
        "press start to continue",
        "can you pause the telly i need the loo",
        "skip this song",
        "pause the game i need to pee",
        "give me five more minutes on the xbox",
    ],
)
def test_an_action_on_something_else_in_the_room_is_not_acted_on(text: str) -> None:
    assert default_recogniser().parse(text).name == ev.FALLBACK


@pytest.mark.parametrize(
    ("text", "intent"), [("yes mate go on", ev.YES), ("stop it love", ev.STOP)]
)
def test_what_users_call_the_coach_does_not_make_it_someone_else(text: str, intent: str) -> None:
    assert default_recogniser().parse(text).name == intent


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        # A routine asked for by the user's own back takes triage's routine for what is wrong.
        ("my back's just seized up on me give us the one for that", {"routine": "back_spasm"}),
        # A routine named as such beats one mentioned in passing.
        (
            "my back is stiff from the desk let's do the lower back routine",
            {"routine": "lower_back"},
        ),
    ],
)
def test_which_routine_a_request_means(text: str, slots: dict[str, str]) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slots) == (ev.START_ROUTINE, slots)


def test_slow_breathing_asked_for_is_the_breathing_routine_and_asked_about_is_the_exercise() -> (
    None
):
    recogniser = default_recogniser()
    asked_for = recogniser.parse("let's lie here and do some slow breathing")
    assert (asked_for.name, asked_for.slots) == (ev.START_ROUTINE, {"routine": "breathing"})
    asked_about = recogniser.parse("how do i do the slow breathing")
    assert asked_about.name == ev.EXPLAIN_EXERCISE
    assert asked_about.slots == {"exercise": "relaxation_breathing"}


@pytest.mark.parametrize(
    ("text", "score"),
    [("on a scale of ten i'd put it at eight", "8"), ("about a five out of ten", "5"),
     ("ten out of ten", "10")],
)  # fmt: skip
def test_the_ten_of_a_scale_is_not_the_score(text: str, score: str) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slots) == (ev.PAIN_SCORE, {"score": score})


@pytest.mark.parametrize("word", ["both", "bothered", "nexus"])
def test_one_unknown_word_is_not_an_action_by_its_letters(word: str) -> None:
    assert default_recogniser().parse(word).name not in ACTIONS


@pytest.mark.parametrize(
    ("heard", "routine", "kept"),
    [
        ("back spasm", "back_spasm", "my back one"),  # the routine's name: nothing hurts
        ("back pain", "lower_back", "my back back pain one"),  # more than its name
        ("my back", "lower_back", "oh my back my back"),
    ],
)
def test_a_routine_heard_as_more_than_its_name_keeps_the_words(
    heard: str, routine: str, kept: str
) -> None:
    said = "oh my back my back" if heard == "my back" else f"the {heard} one"
    event = ev.Event(ev.START_ROUTINE, {"routine": routine}, {"routine": heard}, text=said)
    assert heard_symptoms(event) == kept


@pytest.mark.parametrize("said", ["i've got back pain", "sore back", "pain down my leg"])
def test_a_routine_named_by_what_hurts_is_pain_when_nothing_is_asked(said: str) -> None:
    assert default_recogniser().parse(said).name in (ev.FEELING, ev.RED_FLAG)


@pytest.mark.parametrize(
    ("said", "routine"),
    [
        ("start something for the nerve pain down my leg", "sciatica"),
        ("something for my sore back", "lower_back"),
        ("the one for pain down my leg", "sciatica"),
    ],
)
def test_a_routine_asked_for_by_what_hurts_is_that_routine(said: str, routine: str) -> None:
    event = default_recogniser().parse(said)
    assert (event.name, event.slots) == (ev.START_ROUTINE, {"routine": routine})


def test_pain_with_a_serious_sign_is_a_red_flag() -> None:
    said = "i've had a fever and my back hurts should i see someone"
    assert default_recogniser().parse(said).name == ev.RED_FLAG


def test_an_intent_with_two_kinds_of_value_needs_only_one() -> None:
    event = default_recogniser().parse("give me the quick version today i'm short on time")
    assert (event.name, event.slots) == (ev.LENGTH, {"length": "short"})


def test_something_that_happened_is_not_something_asked_for() -> None:
    assert default_recogniser().parse("something just twinged in my lower back").name == ev.FEELING
    asked = default_recogniser().parse("have you got something for my lower back")
    assert (asked.name, asked.slots) == (ev.START_ROUTINE, {"routine": "lower_back"})


@pytest.mark.parametrize(
    "said",
    ["the wee spasm routine please", "my back's gone into spasm again help me loosen it off"],
)
def test_a_spasm_routine_asked_for_is_that_routine(said: str) -> None:
    # The doctor-level sign in the second ("again": spasms that keep coming back) is answered
    # by the coach first, then the routine offered (test_floor_safety pins that).
    event = default_recogniser().parse(said)
    assert (event.name, event.slots) == (ev.START_ROUTINE, {"routine": "back_spasm"})


def test_of_two_values_said_for_a_near_sentence_one_is_taken() -> None:
    event = default_recogniser().parse("that's grand that helped")
    assert (event.name, event.slots) == (ev.FEELING, {"feeling": "better"})


def test_a_feeling_the_coach_cannot_place_is_asked_about_not_dropped() -> None:
    event = default_recogniser().parse("ooh i felt that right down to my ankle")
    assert (event.name, event.slots) == (ev.FEELING, {})  # the coach asks: better, same, worse?


@pytest.mark.parametrize(
    ("text", "routine"),
    [
        ("i drive a bus for ten hours a day what have you got for that", "desk_break"),
        ("been in a meeting chair since nine is there anything i can do", "desk_break"),
        ("i only want to lie down and breathe for a bit", "breathing"),
        ("work has got me so wound up give me something to help", "breathing"),
    ],
)  # fmt: skip
def test_a_request_that_describes_the_day_gets_the_routine_for_it(text: str, routine: str) -> None:
    understood = default_recogniser().understand(text)
    assert (understood.event.name, understood.event.slots) == (
        ev.START_ROUTINE,
        {"routine": routine},
    )


@pytest.mark.parametrize(
    "text",
    [
        "is there something for dinner or shall i order",  # asks, but for no routine
        "i've been sat in traffic for an hour",  # a routine's situation, but no request
        "what have you got for mum's birthday",
        # names an exercise: a question about it, not a request for the routine it is for
        "my osteo told me to avoid the towel one for the hamstrings should i listen",
    ],
)
def test_a_situation_or_a_request_alone_asks_for_no_routine(text: str) -> None:
    assert default_recogniser().parse(text).name not in ACTIONS


def test_asking_for_the_stretches_without_naming_one_lets_the_coach_ask_which() -> None:
    event = default_recogniser().parse("alright let's crack on with today's exercises then")
    assert (event.name, event.slots) == (ev.START_ROUTINE, {})
    assert default_recogniser().parse("start the car would you").name not in ACTIONS


@pytest.mark.parametrize(
    ("said", "routine"),
    [
        ("the nerve's acting up down my leg again can we do the nerve stretches", "sciatica"),
        ("kindly begin the one for pain going from my hip down my leg", "sciatica"),
    ],
)
def test_a_request_naming_a_doctor_level_sign_gets_the_advice_then_the_routine_offered(
    said: str, routine: str
) -> None:
    session = LocalSession(coach=Coach(clock=fixed_clock), store=MemoryStore())
    session.start()
    reply = session.say(said)
    assert "triage_doctor" in reply.events
    assert (session.state.session.mode, session.state.session.offered_routine) == (
        Mode.OFFER_ROUTINE,
        routine,
    )


@pytest.mark.parametrize(
    ("text", "routine"),
    [
        ("after sitting all day can we do the stretches for my hamstrings", "hamstrings"),
        ("been driving all day give us something for the backs of the legs", "hamstrings"),
    ],
)
def test_of_two_routines_the_one_asked_for_is_started(text: str, routine: str) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slots) == (ev.START_ROUTINE, {"routine": routine})


def test_pain_that_names_a_routine_with_an_article_still_stops_the_hold() -> None:
    event = default_recogniser().parse("ugh that set the spasm off again")
    assert event.name in (ev.FEELING, ev.RED_FLAG)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("next one lah", ev.NEXT, {}),
        ("yes po", ev.YES, {}),
        ("yes o", ev.YES, {}),  # Nigerian English
        ("mais yeah cher", ev.YES, {}),  # Cajun
        ("ag sommer skip it", ev.SKIP, {}),  # South African
        ("aki cancel", ev.CANCEL, {}),  # Kenyan
        ("eeh sawa yes", ev.YES, {}),
        ("pause kidogo", ev.PAUSE, {}),
        ("yes chale", ev.YES, {}),  # Ghanaian
        ("next one bab", ev.NEXT, {}),  # Brummie
        ("nay not now", ev.NO, {}),  # Yorkshire
        ("can we pause for a while po", ev.PAUSE, {}),
        ("it's mostly the right side", ev.SIDE, {"side": "right"}),
    ],
)
def test_discourse_particles_are_fillers_but_a_right_side_is_a_side(
    text: str, intent: str, slots: dict[str, str]
) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slots) == (intent, slots)


@pytest.mark.parametrize(
    ("text", "intent"),
    [("yeah cool moving on", ev.NEXT), ("okay i'm calling it", ev.STOP)],
)
def test_a_request_opened_by_an_acknowledgement_is_still_the_request(
    text: str, intent: str
) -> None:
    assert default_recogniser().parse(text).name == intent


def test_leading_acknowledgements_are_read_off_but_never_the_last_word() -> None:
    assert without_acknowledgement("yeah okay so carry on") == "carry on"
    assert without_acknowledgement("yeah okay") == "okay"
    assert without_acknowledgement("thanks for that") == "for that"


def test_a_value_with_a_word_said_inside_it_is_still_the_value() -> None:
    recogniser = default_recogniser()
    spans = recogniser.spotter.spans("honestly it didn't really help")
    assert [(s.words, s.id_for("Feeling")) for s in spans] == [("didn't really help", "same")]
    event = recogniser.parse("didn't really notice any change")
    assert (event.name, event.slots) == (ev.FEELING, {"feeling": "same"})


def test_pain_said_before_a_self_repair_is_still_heard_by_the_coach() -> None:
    from skill.core.triage import Triage

    event = default_recogniser().parse("ow wait no the desk one")
    assert event.name in (ev.FEELING, ev.START_ROUTINE)  # pain, or the request carrying it
    assert Triage.default().assess(heard_symptoms(event)).pain


@pytest.mark.parametrize(
    ("text", "routine"),
    [
        # The request is sure on its own; read whole, the complaint pulls it to pain.
        ("let's get going on the hamstrings they're killing me after the match", "hamstrings"),
        ("this stiff neck's been bugging me since monday put on the desk stretches", "desk_break"),
        ("let's get going on my lower back it's been murder since saturday", "lower_back"),
    ],
)  # fmt: skip
def test_a_request_beside_its_complaint_is_the_request_and_the_coach_hears_the_complaint(
    text: str, routine: str
) -> None:
    recogniser = default_recogniser()
    event = recogniser.parse(text)
    assert (event.name, event.slots.get("routine")) == (ev.START_ROUTINE, routine)
    assert recogniser.safety.names_pain_or_symptom(heard_symptoms(event))


def test_a_complaint_that_has_not_eased_is_answered_before_the_routine_it_asked_for() -> None:
    session = LocalSession(coach=Coach(clock=fixed_clock), store=MemoryStore())
    session.start()
    reply = session.say("let's get going on my lower back it's been murder since saturday")
    assert "triage_doctor" in reply.events
    assert session.state.session.offered_routine == "lower_back"


@pytest.mark.parametrize(
    "text",
    [
        "sorry i need a sec it's sharp in my lower back",  # "i need" is no request for a routine
        "hmm not sure about this one it's sort of aching deep in my back",
        "i've wet myself and my legs are numb can we do the back one",  # serious: triage first
    ],
)
def test_pain_beside_words_that_only_look_like_a_request_is_still_pain(text: str) -> None:
    assert default_recogniser().parse(text).name in (ev.FEELING, ev.RED_FLAG)


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("right love get us going on the back one my lumbar's killing me", ev.START_ROUTINE),
        ("right side", ev.SIDE),
        ("right hand side please", ev.SIDE),
    ],
)
def test_right_opening_a_sentence_before_a_name_or_lets_is_not_a_side(text: str, meant: str) -> None:
    assert default_recogniser().parse(text).name == meant


@pytest.mark.parametrize(
    ("text", "routine"),
    [
        ("my back locked up carrying the shopping what have you got for that", "back_spasm"),
        ("a shooting pain runs down the back of my leg can we do some stretches for it",
         "sciatica"),
        ("the backs of my legs feel tight can we stretch them out", "hamstrings"),
        ("a shooting pain runs down my leg after a run can we do the stretches for that",
         "sciatica"),  # "a" is no name of the hamstrings
        ("my hamstrings ache down the back of my leg let's do the hamstring ones", "hamstrings"),
        ("the muscles behind my thighs are tight can we stretch them", "hamstrings"),
        ("i can't get near my toes let's work on the backs of my legs", "hamstrings"),
    ],
)  # fmt: skip
def test_a_request_gets_the_routine_for_what_is_wrong(text: str, routine: str) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slots.get("routine")) == (ev.START_ROUTINE, routine)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("much of a muchness really", ev.FEELING),
        ("i'd rather not if it's all the same to you", ev.NO),
        ("you left out the cat cow earlier bring it back", ev.BRING_BACK),
        ("what's this slump glide business then", ev.EXPLAIN_EXERCISE),
        ("nudge me to do my stretches at six", ev.SET_REMINDER),
        ("stop for a sec please", ev.PAUSE),
        ("alright let's get started", ev.START_ROUTINE),  # the model's own sentence, after "alright"
    ],
)
def test_everyday_idioms_for_the_coach_are_understood(text: str, intent: str) -> None:
    assert default_recogniser().parse(text).name == intent


@pytest.mark.parametrize(
    "text", ["she's got a bad back", "she's got a bad back put on the stretches for that"]
)
def test_a_routine_for_someone_elses_complaint_is_not_started(text: str) -> None:
    assert default_recogniser().parse(text).name not in ACTIONS


@pytest.mark.parametrize(
    "text",
    ["the dog finally calmed down", "the cat chilled out", "she needs to relax",
     "that dug needs oot", "that dog needs out now"],
)  # fmt: skip
def test_what_is_said_of_a_pet_or_another_person_does_nothing(text: str) -> None:
    assert default_recogniser().parse(text).name not in ACTIONS


@pytest.mark.parametrize(
    "text",
    [
        "the baby is asleep now let's do the lower back routine",
        "they say stretching helps let's do the lower back",
        "i can't take this back spasm let's do the back spasm stretches",
    ],
)
def test_a_request_after_other_news_or_a_complaint_is_still_a_request(text: str) -> None:
    assert default_recogniser().parse(text).name == ev.START_ROUTINE


@pytest.mark.parametrize("text", ["delete my photos", "delete that photo of me"])
def test_deleting_something_other_than_the_users_record_is_no_deletion(text: str) -> None:
    assert default_recogniser().parse(text).name != ev.DELETE_DATA


@pytest.mark.parametrize(
    "text",
    [
        "please get rid of whatever you've got on me",
        "wipe all my stretching data off please",
        "delete me",
        "delete it all",
    ],
)
def test_deleting_the_users_record_in_other_words_is_a_deletion(text: str) -> None:
    assert default_recogniser().parse(text).name == ev.DELETE_DATA


@pytest.mark.parametrize("text", ["hang on she's calling me", "hold on he needs me"])
def test_a_pause_for_someone_else_still_pauses(text: str) -> None:
    assert default_recogniser().parse(text).name == ev.PAUSE


@pytest.mark.parametrize(
    "text",
    [
        "the hamstring stretches make my back hurt",  # names the stretches, asks for nothing
        "my back hurts after doing the hamstring stretches",
        "it hurts too much i'd rather not do the lower back one",
        "ow it hurts please no more of the lower back routine",
        "my back is killing me so i don't want to do the lower back routine",
    ],
)
def test_pain_with_a_routine_it_blames_or_turns_down_starts_nothing(text: str) -> None:
    assert default_recogniser().parse(text).name in (ev.FEELING, ev.RED_FLAG)


@pytest.mark.parametrize(
    "text",
    [
        "felt something pull in my hamstring just then",
        "my hamstring feels like it's about to creak",  # no pain word triage knows
    ],
)
def test_a_sensation_in_a_routines_body_part_does_not_start_that_routine(text: str) -> None:
    """Mid-routine, a start would switch routines instead of stopping the hold."""
    assert default_recogniser().parse(text).name not in ACTIONS


@pytest.mark.parametrize(
    "text",
    ["i feel like doing the hamstrings", "the backs of my legs feel tight can we stretch them out"],
)
def test_a_wish_or_a_request_that_mentions_a_feeling_still_starts_the_routine(text: str) -> None:
    assert default_recogniser().parse(text).name == ev.START_ROUTINE


@pytest.mark.parametrize("text", ["no that's worse", "no that's painful", "no that's agony"])
def test_a_model_sentence_with_another_feeling_in_it_is_not_that_sentence(text: str) -> None:
    # "no that's fine" is a NoIntent sample; its "fine" is said, not a slot any feeling fills
    assert default_recogniser().parse(text).name in (ev.FEELING, ev.RED_FLAG)
    assert default_recogniser().parse("no that's fine").name == ev.NO


@pytest.mark.parametrize(
    "text",
    ["i've done something to my back", "hang on something's up with my hamstring",
     "wait my hip won't take that", "i don't think my knee likes this"],
)  # fmt: skip
def test_something_done_to_a_body_part_or_a_stretch_it_will_not_take_is_pain(text: str) -> None:
    assert default_recogniser().parse(text).name in (ev.FEELING, ev.RED_FLAG), text


def test_a_body_part_that_will_not_take_something_else_is_a_reason_for_the_request() -> None:
    event = default_recogniser().parse("my knees won't take kneeling today can we skip it")
    assert event.name == ev.SKIP


@pytest.mark.parametrize(
    "text", ["i had a bit of trouble peeing this morning could that be to do with my back",
             "my lower back's going into spasm again"],
)  # fmt: skip
def test_a_red_flag_whose_words_were_read_as_a_routine_name_is_still_triaged(text: str) -> None:
    assert default_recogniser().parse(text).name == ev.RED_FLAG, text


def test_a_routine_asked_for_by_name_with_a_symptom_is_still_that_request() -> None:
    event = default_recogniser().parse("start the sciatica routine for my leg")
    assert (event.name, event.slots) == (ev.START_ROUTINE, {"routine": "sciatica"})


@pytest.mark.parametrize(
    ("text", "exercise"),
    [
        ("how do you do the one where you pull your knee up to your chest", "knee_to_chest"),
        ("how d'yer do the one where yer pull yer knee up to yer chest", "knee_to_chest"),
        ("what's the one where you hug your knees", "knee_to_chest"),
        ("how am i meant to do the one where you arch like a cat", "cat_cow"),
        ("how does the twist lying on your back work", "lying_twist"),
    ],
)
def test_an_exercise_described_to_the_listener_is_that_exercise(text: str, exercise: str) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slots.get("exercise")) == (ev.EXPLAIN_EXERCISE, exercise)


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("i ent got one of them big gym balls", ev.NO_EQUIPMENT, {"equipment": "stability_ball"}),
        ("the doctor say my nerve kena pinched can do the stretches for that or not",
         ev.START_ROUTINE, {"routine": "sciatica"}),
        ("hang about now the wife's shouting me", ev.PAUSE, {}),
        ("right on ye go", ev.NEXT, {}),
        ("richt that's that yin done whit's next", ev.NEXT, {}),  # Scots
        ("oh shoot sorry can we go back to the one before", ev.PREVIOUS, {}),  # a mild oath
        ("is it okay to do leg raises when my back is sore", ev.EXPLAIN_EXERCISE,
         {"exercise": "leg_lifts"}),
        ("i reckon i need the low back one been hunched over road cases", ev.START_ROUTINE,
         {"routine": "lower_back"}),  # the one named as such, not the situation's
        ("i've been at my desk one too many hours do the lower back routine", ev.START_ROUTINE,
         {"routine": "lower_back"}),
        ("after my desk session can we do the hamstring stretches", ev.START_ROUTINE,
         {"routine": "hamstrings"}),
        ("for the one where my legs rest up on the couch how am i supposed to set that up",
         ev.EXPLAIN_EXERCISE, {"exercise": "supported_legs_rest"}),
        ("meh back gone in spasm again oui help meh with it", ev.START_ROUTINE,
         {"routine": "back_spasm"}),  # Trinidadian
        ("my lumbago's playin up agin bor set me goin on the low back ones", ev.START_ROUTINE,
         {"routine": "lower_back"}),  # Norfolk
        ("we hent got one of them gret big exercise balls", ev.NO_EQUIPMENT,
         {"equipment": "stability_ball"}),
        ("i ain't got one of them foam rollers", ev.NO_EQUIPMENT, {"equipment": "foam_roller"}),
        ("how do i do the twist when i'm sat on chair", ev.EXPLAIN_EXERCISE,
         {"exercise": "seated_twist"}),
        ("that'll dew bor pack it up", ev.STOP, {}),
        ("can't say it done much either way", ev.FEELING, {"feeling": "same"}),
        ("nah that ting's made it worse fam no lie", ev.FEELING, {"feeling": "worse"}),
        ("allow this one bruv i ain't doin that one", ev.SKIP, {}),  # London
        ("i am i am", ev.YES, {}),  # Cork: the question's verb, twice
        ("my back muscles are going into knots again start the one for that no", ev.START_ROUTINE,
         {"routine": "back_spasm"}),  # Sri Lankan: a request closed with "no"
        ("back seized up on me this mornin darn thing's all knotted let's loosen it up",
         ev.START_ROUTINE, {"routine": "back_spasm"}),
        ("been at the desk since eight give me a short one i can do in the chair",
         ev.START_ROUTINE, {"routine": "desk_break"}),
        ("can we do a quick desk one", ev.START_ROUTINE, {"routine": "desk_break"}),
        ("take me back to the main menu", ev.NAVIGATE_HOME, {}),
        ("go back to main menu", ev.NAVIGATE_HOME, {}),
        # Dundee Scots
        ("right eh'm ready fir the next ane", ev.NEXT, {}),
        ("go back tae thon last yin", ev.PREVIOUS, {}),
        ("whit stretches hiv ye got", ev.LIST_ROUTINES, {}),
        ("eh've nae foam roller", ev.NO_EQUIPMENT, {"equipment": "foam_roller"}),
        ("wud the cat cow be guid for it or wud it no", ev.EXPLAIN_EXERCISE,
         {"exercise": "cat_cow"}),
        # Bajan
        ("how yuh does do de knee to chest ting", ev.EXPLAIN_EXERCISE,
         {"exercise": "knee_to_chest"}),
        # Hawai'i Pidgin
        ("wat kine stretches you get", ev.LIST_ROUTINES, {}),
        ("ho my hamstrings all tight you get one fo' dat", ev.START_ROUTINE,
         {"routine": "hamstrings"}),
        ("shoots next one", ev.NEXT, {}),
        ("stay like one seven out of ten", ev.PAIN_SCORE, {"score": "7"}),  # "one": "a"
        # Southern US, Kiwi, Singlish, Indian English
        ("ion got one of them foam rollers", ev.NO_EQUIPMENT, {"equipment": "foam_roller"}),
        ("bet", ev.YES, {}),
        ("nah yeah all good", ev.YES, {}),
        ("sit ups okay or not", ev.EXPLAIN_EXERCISE, {"exercise": "sit_ups"}),
        ("the cat cow how to do ah", ev.EXPLAIN_EXERCISE, {"exercise": "cat_cow"}),
        ("we are not having a foam roller at home", ev.NO_EQUIPMENT,
         {"equipment": "foam_roller"}),
        # Said on finishing one, "what's next" moves on; alone it asks.
        ("okay uh what's next", ev.NEXT, {}),
        ("what's next", ev.STATUS, {}),
        ("time left", ev.STATUS, {}),
        # West African and South Asian English: the "waist" is the lower back.
        ("my waist is paining me can we do something for it", ev.START_ROUTINE,
         {"routine": "lower_back"}),
        ("my back's gone into spasm again do the thing for that", ev.START_ROUTINE,
         {"routine": "back_spasm"}),
        ("my hamstrings are tight as anything let's stretch em out", ev.START_ROUTINE,
         {"routine": "hamstrings"}),
        # Blind set 43: Geordie, Maine, Manglish, Tejano
        ("haad on a sec the dog's barking", ev.PAUSE, {}),
        ("ah just want to calm down and breathe nae stretchin", ev.START_ROUTINE,
         {"routine": "breathing"}),
        ("simón let's go", ev.YES, {}),
        ("órale let's do it", ev.YES, {}),
        ("please wipe all my data can or not", ev.DELETE_DATA, {}),
        ("how does one perform the knee to the chest", ev.EXPLAIN_EXERCISE,
         {"exercise": "knee_to_chest"}),
        ("the glide for the sciatic nerve how to do", ev.EXPLAIN_EXERCISE,
         {"exercise": "sciatic_nerve_glide"}),
        ("my back muscles are cramping they're refusing to relax take me through something",
         ev.START_ROUTINE, {"routine": "back_spasm"}),
        ("hoo am ah meant tae use the foam roller", ev.EXPLAIN_EXERCISE,
         {"exercise": "foam_roller"}),
        ("my back's seized right up walk me through something to ease it", ev.START_ROUTINE,
         {"routine": "back_spasm"}),
        ("how do you do the one where you flop your knees over to one side", ev.EXPLAIN_EXERCISE,
         {"exercise": "lying_twist"}),
        ("skip this one i ain't kneeling on that hard floor", ev.SKIP, {}),
        # Nigerian Pidgin, Taglish, Appalachian
        ("wetin be this cat cow how i go do am", ev.EXPLAIN_EXERCISE, {"exercise": "cat_cow"}),
        ("medyo better naman", ev.FEELING, {"feeling": "better"}),
        ("wipe my details for privacy reasons", ev.DELETE_DATA, {}),
        ("y'all can stop now i'm beat", ev.STOP, {}),
        # Doric, Derry, Guyanese
        ("ma hip's gone stiff again fit can we dee for it", ev.START_ROUTINE,
         {"routine": "lower_back"}),
        ("foo div ye dae the child's pose", ev.EXPLAIN_EXERCISE, {"exercise": "childs_pose"}),
        ("a'm that tense jist tak me through some braithin", ev.START_ROUTINE,
         {"routine": "breathing"}),
        ("houl on there a second", ev.PAUSE, {}),
        ("de lef side", ev.SIDE, {"side": "left"}),
        # A request closing a description of the day is the request.
        ("been on my feet at the till since six and then sat on the bus for an hour can i have "
         "a quick chair stretch", ev.START_ROUTINE, {"routine": "desk_break"}),
        # A go-ahead after the complaint asks for its routine.
        ("my lower back's been killing me all week man let's get into it", ev.START_ROUTINE,
         {"routine": "lower_back"}),
        # A request that closes a description of the day, asked as "you got ...".
        ("been on the till all day you got something quick for sitters", ev.START_ROUTINE,
         {"routine": "desk_break"}),
        # Not had, in Southern US and Krio English.
        ("we ain't got none of them foam rollers round here", ev.NO_EQUIPMENT,
         {"equipment": "foam_roller"}),
        ("a nor get dat towel", ev.NO_EQUIPMENT, {"equipment": "towel"}),
        ("we no get foam roller", ev.NO_EQUIPMENT, {"equipment": "foam_roller"}),
        ("i got one of them bouncy balls", ev.HAVE_EQUIPMENT, {"equipment": "stability_ball"}),
        ("just twenty seconds a piece my back's not what it was", ev.HOLD_TIME, {"seconds": "20"}),
    ],
)  # fmt: skip
def test_requests_in_dialect_and_turns_of_phrase_are_understood(
    text: str, intent: str, slots: dict[str, str]
) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, dict(event.slots)) == (intent, slots)


@pytest.mark.parametrize(
    "text",
    ["is it okay to do leg raises when my back is sore and my foot's gone numb",
     "it shoots down my leg", "ow shooting pain in my hip",
     "get one sharp kine pain in my hip",  # Pidgin "get one": there's a
     "lord that gave me a catch", "it's wuss than before", "my leg no get power again",
     "the knee to chest how to do ah my knee",
     "that one made it worse mi nuh like it", "ooh that's gone and made it worse"],
)  # fmt: skip
def test_pain_after_a_condition_and_shooting_pain_are_still_heard(text: str) -> None:
    assert default_recogniser().parse(text).name in (ev.FEELING, ev.RED_FLAG)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("i'd rather not do this particular one if that's alright", ev.SKIP),
        ("i'ma leave this one out if that's alright with you", ev.SKIP),
        ("no thank you darling", ev.NO),
        ("my back hurts if that's alright", ev.FEELING),  # the condition hides no pain
        ("stop the music if you don't mind", ev.FALLBACK),  # not the coach's to stop
    ],
)
def test_a_request_made_politely_conditional_is_the_request(text: str, intent: str) -> None:
    assert default_recogniser().parse(text).name == intent


@pytest.mark.parametrize(
    "text",
    ["don't hang about", "dinnae hang about get on with it", "tight round my waist",
     "pack it up we're leaving", "they've switched my shift to nights again"],
)
def test_hurrying_someone_up_or_a_tight_waistband_is_no_action(
    text: str,
) -> None:
    assert default_recogniser().parse(text).name not in ACTIONS


@pytest.mark.parametrize(
    "text",
    ["ow much more of this", "ow much longer do i have to do this",
     "chale my waist is paining me paa"],
)  # fmt: skip
def test_ow_opening_a_question_or_a_paining_waist_is_still_heard_as_pain(text: str) -> None:
    assert default_recogniser().parse(text).name in (ev.FEELING, ev.RED_FLAG)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("don't do that no", ev.NO),  # a "no" after a refusal is the refusal
        ("let's not do that no", ev.NO),
        ("show me the menu", ev.LIST_ROUTINES),  # the menu read out, not left for it
        ("i got three more drops in shoreditch then i'm done", ev.FALLBACK),  # a plan, said aside
        ("and he's left that one outside off stump", ev.FALLBACK),  # "left" the verb, no side
        ("it's left", ev.SIDE),
    ],
)
def test_a_closing_no_a_menu_asked_for_and_a_plan_keep_their_meaning(text: str, intent: str) -> None:
    assert default_recogniser().parse(text).name == intent


@pytest.mark.parametrize(
    "text",
    ["eh that one is burning my lower back", "pain is coming in my lower back while doing this one"],
)
def test_pain_said_of_the_stretch_under_way_is_no_request_for_its_routine(text: str) -> None:
    assert default_recogniser().parse(text).name in (ev.FEELING, ev.RED_FLAG)


@pytest.mark.parametrize("text", ["wis that a jag in ma back or whit", "aue my back uce"])
def test_a_scots_jag_and_a_samoan_aue_are_pain(text: str) -> None:
    assert default_recogniser().parse(text).name in (ev.FEELING, ev.RED_FLAG)


@pytest.mark.parametrize(
    "text",
    ["that one made it worse mi nuh like it", "a think that's made it waur if onythin",
     "it's about the same if not worse"],
)  # fmt: skip
def test_only_worse_is_the_feeling_worse_not_a_red_flag(text: str) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slot("feeling")) == (ev.FEELING, "worse")


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("my back is getting worse every day", ev.RED_FLAG),  # the doctor's advice, not a rating
        ("the dog needs out hold on a sec", ev.PAUSE),  # a pause is heeded
        ("the cat cow one skip it", ev.SKIP),  # the exercise, not the cat
    ],
)
def test_what_only_looks_like_a_rating_or_another_s_doings_keeps_its_meaning(
    text: str, intent: str
) -> None:
    assert default_recogniser().parse(text).name == intent


@pytest.mark.parametrize(
    ("text", "routine"),
    [
        ("my back is tight and i can't relax help me", "breathing"),  # "can't" asks for it
        ("my back is tight and i won't relax help me", "lower_back"),  # "won't" refuses it
    ],
)
def test_a_value_wanted_is_chosen_and_a_value_refused_is_not(text: str, routine: str) -> None:
    assert default_recogniser().parse(text).slot("routine") == routine



@pytest.mark.parametrize(
    "text",
    ["press one for taxis or two for a driver", "next time on coronation street",
     "nah mate the ref never gave that"],
)  # fmt: skip
def test_a_phone_menu_a_trailer_and_a_match_ask_the_coach_for_nothing(text: str) -> None:
    assert default_recogniser().parse(text).name not in (*ACTIONS, ev.HELP)


def test_a_pause_said_beside_a_match_is_still_heeded() -> None:
    assert default_recogniser().parse("pause the ref's at the door").name == ev.PAUSE


@pytest.mark.parametrize(
    ("text", "intent"),
    [("reet gan on to t'next un", ev.NEXT), ("gan back tiv t'last yan", ev.PREVIOUS),
     ("hod on a sec t'cat's at t'window", ev.PAUSE)],
)  # fmt: skip
def test_cumbrian_t_joined_to_its_noun_is_the(text: str, intent: str) -> None:
    assert " t'" not in f" {normalise(text)}"
    assert default_recogniser().parse(text).name == intent


def test_a_routine_started_on_social_media_is_not_the_users() -> None:
    text = "my sister started a new stretching routine on tiktok"
    assert default_recogniser().parse(text).name not in ACTIONS
