"""The recogniser: typed or transcribed text -> an Event of the coach's language.

Stages, cheapest and surest first: the model's exact sentences, number and free-text templates,
near misses, then the classifier stage (classified.py). What is left, or what the classifier is
unsure of, goes through the safety net; anything else is AMAZON.FallbackIntent, which the coach
answers with "sorry, I didn't catch that". A sentence that ends as pain or Fallback is read again
in two parts, for a request said beside its complaint (request_and_complaint.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

from skill.core import events as ev
from skill.core.events import Event
from skill.core.symptom_words import heard_symptoms

from . import cache as classifier_cache
from . import routine_requests as requests
from .acknowledged import command_after_acknowledgement
from .classified import SURE, ClassifierStage, Understanding
from .classifier import LinearModel
from .context import agreeing_intent
from .exact import ExactTable
from .exercise_questions import asked_with_back_trouble
from .model import LanguageModel
from .ood import ACTIONS, said_to_someone_else
from .pause_with_reason import pause_said_with_reason
from .request_and_complaint import ReadAlone, request_beside_complaint
from .safety import SAFE_FROM_OVERRIDE, Assessor, SafetyNet
from .slots import SlotSpotter, Span
from .spoken_time import with_spoken_time
from .templates import Templates
from .text import (
    after_apology,
    normalise,
    self_repaired,
    without_fillers,
    without_opening_right,
    without_padding,
    without_particles,
)
from .training import train_classifier

FEELING_TYPE = "Feeling"  # a feeling taken back ("ow, wait, no...") is still heard
# Answers that may be a request said beside its complaint, read again in two parts.
_READ_AGAIN_IN_PARTS = frozenset({ev.FEELING, ev.RED_FLAG, ev.FALLBACK})


class Recogniser:
    def __init__(
        self,
        model: LanguageModel,
        classifier: LinearModel | None = None,
        triage: Assessor | None = None,
        exact: ExactTable | None = None,
    ) -> None:
        self.model = model
        self.exact = exact or ExactTable.build(model, SlotSpotter(model))
        self.spotter = self.exact.spotter
        self.collisions = self.exact.collisions
        self.templates = Templates(model)
        self.classifier = classifier or train_classifier(model, self.spotter)
        self.safety = SafetyNet(triage)
        self.classified = ClassifierStage(model, self.spotter, self.classifier, self.safety)
        self.free_text_slots = {
            slot
            for kinds in model.slot_types.values()
            for slot, kind in kinds.items()
            if kind == "AMAZON.SearchQuery"
        }
        self.from_cache = False

    @classmethod
    def from_model(cls, path: Path | None = None, *, use_cache: bool = True) -> Recogniser:
        model = LanguageModel.load(path)
        if not use_cache:
            return cls(model)
        spotter = SlotSpotter(model)

        def train() -> classifier_cache.Trained:
            exact = ExactTable.build(model, spotter)
            classifier = train_classifier(model, spotter)
            return classifier_cache.Trained(classifier, exact.table, exact.collisions)

        where = classifier_cache.cache_path(model.digest, classifier_cache.trainer_fingerprint())
        trained, hit = classifier_cache.load_or_train(where, train)
        exact = ExactTable(spotter, trained.exact, trained.collisions)
        recogniser = cls(model, trained.classifier, exact=exact)
        recogniser.from_cache = hit
        recogniser.templates.warm_in_background()
        return recogniser

    # ------------------------------------------------------------------ recognition

    def parse(self, text: str, expects: Sequence[str] = ()) -> Event:
        """The event for `text`, carrying the utterance itself so the coach can triage it."""
        return self.understand(text, expects).event

    def understand(self, text: str, expects: Sequence[str] = ()) -> Understanding:
        found = self._understand(text, tuple(expects))
        event = with_spoken_time(replace(found.event, text=text.strip()))
        return replace(found, event=event)

    def _understand(self, text: str, expects: tuple[str, ...]) -> Understanding:
        utterance = without_opening_right(without_particles(normalise(text)))
        if not utterance:
            return Understanding(Event(ev.FALLBACK), 1.0, "fallback")
        found = self._read(utterance, expects)
        if found.event.name not in _READ_AGAIN_IN_PARTS or found.stage == "exact":
            return found
        request = request_beside_complaint(
            utterance, self.spotter.spans(utterance), self._read_alone(expects), self.safety, SURE
        )
        return found if request is None else Understanding(request[0], request[1], "request")

    def _read_alone(self, expects: tuple[str, ...]) -> ReadAlone:
        def read(part: str) -> tuple[Event, float, str]:
            found = self._read(part, expects)
            return found.event, found.confidence, found.stage

        return read

    def _read(self, utterance: str, expects: tuple[str, ...]) -> Understanding:
        taken_back, meant = self_repaired(utterance)
        if taken_back:
            return self._repaired(taken_back, meant, expects)
        candidates = without_fillers(utterance)
        for candidate in candidates:
            found = self.exact.lookup(candidate)
            if (
                found is not None
                and found.name == ev.START_ROUTINE
                and not requests.asks_for_routine(found.name, utterance)
            ):  # "sore back" names a routine, and said mid-stretch, it says what hurts
                return self._unless_pain(found, utterance, expects, 1.0, "exact")
            if found is not None:
                name = agreeing_intent(found.name, expects)
                return Understanding(replace(found, name=name), 1.0, "exact")
        acknowledged = command_after_acknowledgement(
            candidates[-1], self.exact.lookup, self.exact.near
        )
        if acknowledged is not None:
            command, stage = acknowledged
            return self._unless_pain(command, utterance, expects, 0.9, stage)
        for candidate in candidates:
            matched = self.templates.match(candidate)
            if matched is not None and self._plausible(matched):
                return self._template_or_classifier(matched, utterance, expects)
        near = self.exact.near(candidates[-1])
        whole = self.classified.read(utterance, expects)
        if near is not None and not (near.name in ACTIONS and said_to_someone_else(utterance)):
            # A slip of the tongue is a guess: pain in the words outweighs it ("ooh that's
            # sore" is a letter or two from "no that's fine"), and so does a classifier sure of
            # another intent ("end the session now" is a letter or two from "start ...").
            sure = whole.stage == "classifier" and whole.confidence >= SURE
            if sure and whole.event.name != near.name:
                return whole
            return self._unless_pain(near, utterance, expects, 0.9, "near")
        unsure = whole.stage == "classifier" and whole.confidence < SURE
        if whole.stage == "fallback" or (unsure and whole.event.name not in SAFE_FROM_OVERRIDE):
            # "just a moment i've dropped my glasses under the settee": the pause, not a guess
            # at the rest ("... under the settee" as having a couch).
            paused = pause_said_with_reason(utterance, self.exact.lookup)
            if paused is not None:
                return self._unless_pain(paused, utterance, expects, 0.9, "request")
        if whole.stage != "fallback":
            return whole
        # Not understood whole: read again without what pads a request, then what was said on
        # turning back to the coach (unless the whole was said to someone else).
        rereads = [without_padding(utterance)]
        if not said_to_someone_else(utterance):
            rereads += [after_apology(utterance), requests.request_after_description(utterance)]
        for request in dict.fromkeys(rereads):
            if request != utterance:
                again = self._read(request, expects)
                if again.stage != "fallback":
                    return again
        return whole

    def _repaired(self, taken_back: str, meant: str, expects: tuple[str, ...]) -> Understanding:
        """The sentence with the values taken back left out ("can we do the spasm wait no the
        desk one" -> "can we do the the desk one"); any other word taken back, pain above all,
        is still heard."""
        values = [s for s in self.spotter.spans(taken_back) if not s.id_for(FEELING_TYPE)]
        told = _without_spans(taken_back, values)
        return self._understand(f"{told} {meant}".strip(), expects)

    def _unless_pain(
        self, found: Event, utterance: str, expects: tuple[str, ...], confidence: float, stage: str
    ) -> Understanding:
        """`found`, unless the words it does not account for say something hurts."""
        if found.name not in SAFE_FROM_OVERRIDE:
            told = heard_symptoms(replace(found, text=utterance))
            caught = self.safety.catch(told, unsure_only=True, said=utterance)
            if caught is not None:
                return Understanding(caught, confidence, "safety")
        return Understanding(
            replace(found, name=agreeing_intent(found.name, expects)), confidence, stage
        )

    def _template_or_classifier(
        self, matched: Event, utterance: str, expects: tuple[str, ...]
    ) -> Understanding:
        """A free-text template ("my {symptom}") is a wide net: a classifier answer that is sure
        or found its slot value ("my pain's a six" -> PainScore, "my tight legs" -> hamstrings)
        wins unless triage sees a red flag ("is it okay if i do sit ups or is that gonna make it
        worse" is a worry, not a flag)."""
        if not any(k in matched.heard for k in self.free_text_slots):
            return Understanding(matched, 1.0, "template")
        stage = self.classified
        other = stage.read(utterance, expects)
        if (
            other.stage == "classifier"
            and other.event.name != matched.name
            and (stage.sure(other.event, other.confidence) or stage.has_spotted_slot(other.event))
            and (not self.safety.names_red_flag(utterance) or self._outweighs(other, utterance))
        ):
            return other
        return Understanding(matched, 1.0, "template")

    def _outweighs(self, found: Understanding, utterance: str) -> bool:
        """A sure request for a routine, whose red flag the coach still hears and answers first
        ("my back's gone into spasm again, help me loosen it off": advice, then the routine),
        unless the flag is serious; an exercise question whose only flag is its worry; or the
        feeling worse whose only flag is that ("my back feels worse after that one")."""
        felt_worse = found.event.name == ev.FEELING and found.event.slot("feeling") == "worse"
        return (
            (
                found.event.name == ev.START_ROUTINE
                and found.confidence >= SURE
                and not self.safety.names_serious_flag(utterance)
            )
            or asked_with_back_trouble(found.event.name, utterance, self.safety)
            or (felt_worse and self.safety.only_felt_worse(utterance))
        )

    def _plausible(self, event: Event) -> bool:
        """A free-text symptom must name something triage knows ("my left leg" is not one)."""
        symptom = event.slot("symptom")
        return symptom is None or self.safety.names_symptom(symptom)


@cache
def default_recogniser() -> Recogniser:
    """Built once per process; the classifier comes from the user cache when it can."""
    return Recogniser.from_model()


def _without_spans(utterance: str, spans: list[Span]) -> str:
    words = utterance.split()
    for span in reversed(spans):
        del words[span.start : span.end]
    return " ".join(words)
