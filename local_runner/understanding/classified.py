"""The classifier stage: a sentence no exact or template stage knew -> the classifier's intent,
with its slot values spotted anywhere in it and the coach's expectations as a prior.

Whether its answer may be used is ood.accepted's decision; this stage decides what the pain or
red flags in the words do to it: a sure request that the coach, triaging its words, still hears
whole stands; an answer the coach asked for keeps the pain words it carries; otherwise pain or a
symptom triage knows overrides it, and with no usable answer the result is Fallback.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from skill.core import events as ev
from skill.core.events import Event
from skill.core.symptom_words import heard_symptoms

from . import routine_requests as requests
from .classifier import LinearModel
from .context import agreeing_intent, with_prior
from .exercise_questions import asked_with_back_trouble
from .model import LanguageModel
from .negation import ended_instead, negated_command
from .ood import (
    ACTIONS,
    accepted,
    answers_someone_elsewhere,
    deletes_something_else,
    names_other_things,
    opens_on_a_third_person,
    opens_on_someone_else,
    said_about_someone_else,
    said_to_someone_else,
    talks_of_a_match,
    works_a_machine,
)
from .safety import SAFE_FROM_OVERRIDE, SafetyNet
from .slots import SlotSpotter

# A classifier answer this sure beats a wide free-text template ("my {symptom}"), and a request
# this sure may carry the complaint behind it.
SURE = 0.8
# Intents that both move on: "leave this exercise and go to the next one" reads next 0.88 and
# skip 0.12, "jump over this one and go to the next" skip 0.78 and next 0.22. Either way the
# user wants the next exercise, so the likelier one is as sure as the two together.
MOVING_ON = frozenset({ev.SKIP, ev.NEXT})


def sureness(intent: str, probabilities: dict[str, float]) -> float:
    """The confidence in `intent`: its probability, or that of both moving-on intents."""
    if intent in MOVING_ON:
        return sum(probabilities.get(other, 0.0) for other in MOVING_ON)
    return probabilities[intent]


_HEEDED = frozenset({ev.STOP, ev.CANCEL, ev.PAUSE})


def not_for_the_coach(intent: str, utterance: str) -> bool:
    """Said to someone else in the room; for an action, of "he", "she" or another's doings
    ("the dog finally calmed down", "that dog needs out"; unless it goes on to ask); for a
    start, about someone else's complaint; for a deletion, of something the coach never had
    ("delete my photos")."""
    if said_to_someone_else(utterance) or works_a_machine(utterance):
        return True
    if intent not in _HEEDED and answers_someone_elsewhere(utterance):
        return True
    # A stop or pause is never doubted for it ("the dog needs out, hold on a sec").
    told_of_others = opens_on_a_third_person(utterance) or (
        intent not in _HEEDED
        and (opens_on_someone_else(utterance) or talks_of_a_match(utterance))
    )
    if intent in ACTIONS and told_of_others and not requests.asks_in_so_many_words(utterance):
        return True
    if intent == ev.START_ROUTINE:
        return said_about_someone_else(utterance)
    return intent == ev.DELETE_DATA and deletes_something_else(utterance)


@dataclass(frozen=True)
class Understanding:
    event: Event
    confidence: float  # 0..1; 1.0 for the model's own sentences
    stage: str  # exact, template, near, classifier, request, safety, fallback


class ClassifierStage:
    def __init__(
        self,
        model: LanguageModel,
        spotter: SlotSpotter,
        classifier: LinearModel,
        safety: SafetyNet,
    ) -> None:
        self.model = model
        self.spotter = spotter
        self.classifier = classifier
        self.safety = safety

    def read(self, utterance: str, expects: tuple[str, ...]) -> Understanding:
        spans = self.spotter.spans(utterance)
        prediction = self.classifier.predict(self.spotter.delexicalise(utterance, spans))
        probabilities = with_prior(prediction.probabilities, expects)
        intent = max(probabilities, key=probabilities.__getitem__)
        confidence = sureness(intent, probabilities)
        intent = ended_instead(intent, utterance)
        if intent == ev.HELP and any(span.id_for(requests.EXERCISE_TYPE) for span in spans):
            # Help takes no value: help with a named exercise is a question about it ("how do
            # you do this cat cow thing").
            intent = ev.EXPLAIN_EXERCISE
        event = self.spotter.fill(agreeing_intent(intent, expects), utterance, spans)
        event = requests.routine_for_what_is_wrong(event, utterance, spans, self.safety)
        named = self.complete(event)
        asks_which = not named and requests.asks_for_some_routine(event, utterance)
        complete = named or asks_which
        slotted = complete and self.has_spotted_slot(event)
        said_otherwise = negated_command(intent, utterance) or requests.only_describes_a_sensation(
            intent, utterance
        )
        usable = not said_otherwise and accepted(
            intent,
            confidence,
            prediction.unknown,
            slotted=slotted,
            missing=not complete,
            elsewhere=not_for_the_coach(intent, utterance),
            one_word=" " not in utterance,
            asks_which=asks_which,
        )
        # Pain or a red flag said outside the slot values overrides any other answer ("could you
        # take me through my back spasm" asks for a routine; "ow" next to it would not). With
        # no usable answer, any symptom triage knows is taken up.
        # The answer the coach asked for, given surely, keeps the pain words it carries ("which
        # leg?" - "it's my left leg that hurts"); only a red flag in them still overrides it.
        answer = usable and slotted and intent in expects and confidence >= SURE
        # A sure request for a routine that also says why ("my back cramped up lifting a bale so
        # let's do the spasm stretches") is that request, when the coach, triaging the words it
        # carries, still hears everything in them.
        request = requests.asks_for_routine(intent, utterance) and usable and slotted
        if (
            request
            and confidence >= SURE
            and not requests.refuses(utterance)
            and self.safety.hears_all_of(utterance, event)
        ):
            return Understanding(event, confidence, "classifier")
        if (
            usable
            and slotted
            and confidence >= SURE
            and asked_with_back_trouble(intent, utterance, self.safety)
        ):
            return Understanding(event, confidence, "classifier")
        # A request for help that describes the user's day; the coach triages all its words. It
        # outweighs a question about the user's record or the session, whose "since nine" or
        # "all day" it shares ("been in a meeting chair since nine is there anything i can do").
        # Not a phone menu's or the telly's ("press one for bookings or two to speak to a
        # driver" names no driver's routine).
        yields = not usable or intent in (ev.PROGRESS, ev.STATUS)
        yields = yields and not names_other_things(utterance)
        requested = requests.asked_by_situation(utterance, spans, self.safety) if yields else None
        if requested is not None:
            return Understanding(requested, confidence, "request")
        # A pain score with no number ("i'm in a lot of pain") carries no answer to keep; a
        # feeling or score that names a serious sign ("a weird numb feeling down below") is
        # that sign first.
        kept = usable and complete and intent in SAFE_FROM_OVERRIDE
        if not kept or self.safety.names_serious_flag(utterance):
            told = heard_symptoms(replace(event, text=utterance)) if usable else utterance
            caught = self.safety.catch(told, unsure_only=usable, said=utterance)
            if caught is not None and not (answer and not self.safety.names_red_flag(told)):
                return Understanding(caught, confidence, "safety")
            # A red flag whose words the slot values carried away ("my lower back's going into
            # spasm again": "spasm" was heard as the routine's name) is still triaged, unless
            # the routine was asked for ("start the sciatica routine for my leg").
            carried_away = not self.safety.names_red_flag(told) and not request
            if usable and carried_away and self.safety.names_red_flag(utterance):
                symptom = Event(ev.RED_FLAG, {"symptom": utterance}, {"symptom": utterance})
                return Understanding(symptom, confidence, "safety")
        if usable:
            return Understanding(event, confidence, "classifier")
        return Understanding(Event(ev.FALLBACK), 1.0 - confidence, "fallback")

    def has_spotted_slot(self, event: Event) -> bool:
        return any(event.slot(slot) for slot in self.model.spotted_slots(event.name))

    def sure(self, event: Event, confidence: float) -> bool:
        return confidence >= SURE and self.complete(event)

    def complete(self, event: Event) -> bool:
        """The intent takes no value that can be spotted in a sentence, or one was found in it
        (an intent's slots are alternatives: a length is "short" or "ten minutes")."""
        return not self.model.spotted_slots(event.name) or self.has_spotted_slot(event)
