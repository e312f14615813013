"""From a transcript to what the inbox hands the player, erring on the side of safety.

- Of the engine's readings, the one the coach's language knows best is taken (nbest.py).
- Confident transcripts pass through as they are: the player parses them like typed lines. One
  that is unsure, that the recogniser cannot place, or that only its classifier places, is
  checked against the model sentences nearest it in spelling and sound, scored by the engine
  against the audio (nearmiss.py): one the audio confirms is acted on. Without that check an
  unplaced one is mapped onto the nearest model sentence by spelling; a close match of two
  words or more is acted on, a looser one only becomes the guess.
- Pain, red-flag and stop words are never dropped: if the words say something hurts, name a
  known symptom, or parse to stop / cancel / pause, the text is passed on whatever the
  confidence (stopping a hold on a misheard "stop" is cheap; missing "that hurts" is not).
- When the engine says the audio may have been a safety phrase although the words are not
  (`Transcript.maybe`: "Up." for a "stop" said in noise), the utterance becomes an unsure
  `Heard` with `doubt` = "safety": the coach pauses the hold and asks "Did you say 'stop'?".
- A transcript that names a safety word without parsing to it is not dropped either: a
  sentence of it that alone is a stop, pause or pain ("Stop. No.") is acted on; a stop or pause
  word inside words that parse to nothing ("Stop eating.") becomes a safety doubt.
- A short utterance the listener could not place (unsure, or words that parse to nothing)
  that comes close to a safety phrase (`Transcript.could_be`) becomes an unsure `Heard` with
  `doubt` = "unclear": during a hold the coach pauses and asks "Did you say 'stop'?" (a stop
  it could not make out costs a pause); elsewhere it is asked about, or not, as any other.
- Each of these doubts is first judged against the audio (verdict.py): when one safety intent
  clearly beats the others and everything else the coach knows, it is acted on ("Okay, it's
  top." -> stop); when it only beats the other safety intents, it is the one asked about.
- A reading trusted only barely (under UNSURE_OF) of short audio near a safety phrase
  (`could_be`) is acted on only when the audio clearly prefers it to every safety phrasing
  (nearmiss.beats_rivals); otherwise it is an unclear doubt ("Next." for a "that hurts").
- Any other unsure transcript must not start, stop, skip or delete anything: the inbox hands
  over `UNSURE_TEXT` (blank, which every recogniser parses to AMAZON.FallbackIntent) as a
  `Heard` string that still carries the words and the guessed intent, so the coach can ask
  "Sorry, was that 'skip this one'?" (the local session turns it into Coach.HeardUnsure).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from skill.core import events as ev
from skill.core.coach.unsure import SAFETY, UNCLEAR

from .engines import Transcript
from .nbest import best_reading
from .nearmiss import NEAREST_ACT, beats_rivals, nearest_sentence, rescored
from .verdict import SAFETY_MARGIN, judge
from .vocabulary import normalise

# Empty: a Fallback for any recogniser, so an unsure utterance can never act by itself. The
# player hands it to the session, which asks "Sorry, was that ...?" from `meant` / `guess`.
UNSURE_TEXT = ""
SAFETY_INTENTS = frozenset({ev.STOP, ev.CANCEL, ev.PAUSE})
# Below this a stop or pause reading is weak evidence next to the audio being near "that hurts"
# (a Scottish "that hurts" in fan noise read "Pause." at 0.34; a clear "pause" reads about 0.8).
UNSURE_OF = 0.5
SAFETY_DOUBT = SAFETY  # Heard.doubt: may have been a stop, pause or pain word
UNCLEAR_DOUBT = UNCLEAR  # Heard.doubt: short, not made out, near a safety phrase (`could_be`)
STOP_WORDS = ("stop", "pause")  # named inside words that parse to nothing: a safety doubt


class Heard(str):
    """The text for the player, plus what the listener knows about it."""

    transcript: str
    confidence: float
    guess: str  # the intent the transcript parses to (acted on only when not `unsure`)
    meant: str  # the words the guess was parsed from (a model sentence after a near miss)
    doubt: str  # "safety": unsure speech that may have been a stop, pause or pain word
    could_be: str  # with doubt "unclear": the safety phrase to ask about during a hold

    def __new__(
        cls,
        text: str,
        transcript: str,
        confidence: float,
        guess: str,
        *,
        meant: str = "",
        doubt: str = "",
        could_be: str = "",
    ) -> Heard:
        heard = super().__new__(cls, text)
        heard.transcript = transcript
        heard.confidence = confidence
        heard.guess = guess
        heard.meant = normalise(meant or text or transcript)
        heard.doubt = doubt
        heard.could_be = could_be
        return heard

    @property
    def worth_asking(self) -> bool:
        """Sure, or unsure with something to ask about ("Sorry, was that ...?")."""
        return not self.unsure or self.guess != ev.FALLBACK or bool(self.doubt)

    @property
    def unsure(self) -> bool:
        return str(self) == UNSURE_TEXT

    @property
    def intent(self) -> str:
        return ev.FALLBACK if self.unsure else self.guess


@dataclass(frozen=True)
class Decision:
    heard: Heard | None  # None: nothing worth handing over (empty transcript)
    slots: dict[str, str]


@cache
def _triage() -> object:
    from skill.core.triage import Triage

    return Triage.default()


def says_pain(text: str) -> bool:
    """True when the words say something hurts or name a known symptom (the triage rules)."""
    from skill.core.triage import Triage

    triage = _triage()
    assert isinstance(triage, Triage)
    assessment = triage.assess(text)
    return assessment.pain or bool(assessment.flags)


def _safety_sentence(said: str) -> str:
    """A sentence of several that alone is a stop, pause or pain ("Stop. No."), else ""."""
    from local_runner.recogniser import default_recogniser

    sentences = [p.strip() for p in re.split(r"[.!?;]+", said) if any(c.isalnum() for c in p)]
    for sentence in sentences if len(sentences) > 1 else ():
        if default_recogniser().parse(sentence).name in SAFETY_INTENTS or says_pain(sentence):
            return sentence
    return ""


def _safety_doubt(said: str, transcript: Transcript, meant: str) -> Heard:
    from local_runner.recogniser import default_recogniser

    guess = default_recogniser().parse(meant).name
    return Heard(UNSURE_TEXT, said, transcript.confidence, guess, meant=meant, doubt=SAFETY_DOUBT)


def _judged(said: str, transcript: Transcript, doubt: Heard) -> Decision:
    """`doubt` (a safety or unclear one), or the safety action the audio clearly prefers
    (verdict.py); a doubt asks about the safety intent the audio prefers to the others."""
    from local_runner.recogniser import default_recogniser

    verdict = judge(transcript) if said else None
    if verdict is None or verdict.over_safety < SAFETY_MARGIN:
        return Decision(doubt, {})
    event = default_recogniser().parse(verdict.phrase)
    if verdict.acted_on:
        heard = Heard(verdict.phrase, said, transcript.confidence, event.name)
        return Decision(heard, dict(event.slots))
    if doubt.doubt == UNCLEAR_DOUBT:
        unclear = Heard(UNSURE_TEXT, said, transcript.confidence, doubt.guess, meant=doubt.meant,
                        doubt=UNCLEAR_DOUBT, could_be=verdict.phrase)  # fmt: skip
        return Decision(unclear, {})
    return Decision(_safety_doubt(said, transcript, verdict.phrase), {})


def decide(transcript: Transcript, trusted_from: float) -> Decision:
    transcript = best_reading(transcript)
    said = transcript.text.strip()
    if not any(ch.isalnum() for ch in said) and not (transcript.maybe or transcript.could_be):
        return Decision(None, {})
    from local_runner.recogniser import default_recogniser

    recogniser = default_recogniser()
    understood = recogniser.understand(said)
    event = understood.event
    if event.name in SAFETY_INTENTS or says_pain(said):  # judged on the words heard, as heard
        near = transcript.maybe or transcript.could_be
        if near and says_pain(near) and not says_pain(said) and transcript.confidence < UNSURE_OF:
            # A weak stop or pause read where the audio is near "that hurts": the hold stops
            # either way, and the coach asks about the pain instead of dropping it.
            return _judged(said, transcript, _safety_doubt(said, transcript, near))
        return Decision(Heard(said, said, transcript.confidence, event.name), dict(event.slots))
    if sentence := _safety_sentence(said):
        event = recogniser.parse(sentence)
        return Decision(Heard(sentence, said, transcript.confidence, event.name), dict(event.slots))
    if transcript.maybe:
        # The engine thinks this may have been "stop", "pause" or "that hurts": in doubt about
        # a safety word, the coach pauses and asks (never acts on it unasked, never drops it).
        return _judged(said, transcript, _safety_doubt(said, transcript, transcript.maybe))
    text, sure = said, transcript.confidence >= trusted_from
    # A reading placed only by the classifier may be a near miss it took for something else
    # ("Can we do a quick office trash?" -> a routine's length): the audio decides. A short
    # utterance near a safety phrase (`could_be`) is made an action so only when the audio
    # prefers the near miss to every safety phrasing by a clear margin (nearmiss.RIVALS): a
    # "stop" read "This time." or "Next time." was near "not this time" or a routine; such a
    # near miss only becomes the guess, and during a hold the coach pauses to ask (below).
    loose = sure and understood.stage == "classifier"
    rival = transcript.could_be
    check = not sure or event.name == ev.FALLBACK or loose
    heard, clear = rescored(said, transcript, rival) if check else ("", False)
    if heard:
        text, event = heard, recogniser.parse(heard)
        sure = event.name != ev.FALLBACK and (not rival or clear)
    elif sure and rival and event.name != ev.FALLBACK and transcript.confidence < UNSURE_OF:
        # Barely trusted, and the audio is near a safety phrase: acted on only when the audio
        # clearly prefers the reading ("Next." at 0.49 for a "that hurts" in a reverberant room).
        sure = beats_rivals(said, transcript, rival)
    elif event.name == ev.FALLBACK and (nearest := nearest_sentence(said)) is not None:
        text, score = nearest
        event = recogniser.parse(text)
        # A near miss of a longer sentence is acted on; a short or looser one ("Plasm." ->
        # "spasm") only becomes the guess the coach asks about.
        sure = sure and score >= NEAREST_ACT and len(said.split()) >= 2
        if event.name in SAFETY_INTENTS:
            sure = True  # a near "stop" is treated as said
    named = [w for w in normalise(said).split() if w in STOP_WORDS]
    if event.name == ev.FALLBACK and named:  # "Stop eating.": a stop word in words unplaced
        return _judged(said, transcript, _safety_doubt(said, transcript, named[0]))
    unclear = not sure or event.name == ev.FALLBACK
    if unclear and transcript.could_be:  # short and not made out: near a safety phrase
        unsure = Heard(UNSURE_TEXT, said, transcript.confidence, event.name, meant=text,
                       doubt=UNCLEAR_DOUBT, could_be=transcript.could_be)  # fmt: skip
        return _judged(said, transcript, unsure)
    if sure:
        return Decision(Heard(text, said, transcript.confidence, event.name), dict(event.slots))
    unsure = Heard(UNSURE_TEXT, said, transcript.confidence, event.name, meant=text)
    return Decision(unsure, {})
