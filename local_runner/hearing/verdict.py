"""Acting on a safety phrase whisper misheard, when the audio clearly says which one it was.

A short utterance whisper reads as words the coach does not know ("Okay, it's top.", "Just as
top.", "Out.") but that forced decoding finds close to a safety phrase becomes a doubt: the
coach pauses the hold and asks "Did you say 'stop'?" (decision.py). Whisper's own reading
always explains the audio best (it was the beam's choice), so it cannot be the yardstick; what
the coach can act on can: each safety intent (stop, pause, pain) is scored by its best
phrasing (PHRASINGS), every other thing the coach knows that the audio may have been (the
readings it places, and the model sentences nearest the readings, nearmiss.candidates) by its
best, all against the same audio (`Transcript.rescore`). A reading placed only by the
classifier counts for nothing (as in nbest.py: it is sure of some nonsense, "Not worse." ->
no). When one safety intent beats every other safety intent by SAFETY_MARGIN and everything
else the coach knows by OTHER_MARGIN, the doubt becomes that action: a "stop" acted on
wrongly ends a routine (the user can resume), a "that hurts" asks where it hurts, a "pause"
pauses; all cheap. It is never asked of silence or noise: only an utterance with words that
was already a safety doubt is judged.

Measured on clips the benchmark never uses (benchmarks/safety_dev.py --save: 13 safety
phrasings and 16 short everyday commands x 4 voices x clean / 10 dB / 5 dB fan noise / a
reverberant room, 464 clips), judging the 66 that became doubts: of 36 safety phrases only asked
about, 18 are acted on right and 1 wrongly ("pause please" read "Stop, please." stops); of 30
everyday commands that paused a hold, 5 are acted on right ("wait for me", "forget that") and 2
wrongly (a pause for "shorter holds please", a pain question for "zero pain today"), the rest
still ask. Margins of 1.0 / 1.0: 15 right, 0 wrong, commands 5 / 2; 1.5 / 0.5: 13, 0, 3 / 2;
0.5 / 0.5: 19, 2 wrong, 6 / 2. With classifier readings as competitors: 13, 0, commands 1 / 1.
Streamed again with COMMANDS: safety phrases acted on 149 -> 164 of 208, reached 181 -> 184;
everyday commands acted on right 203 -> 207 of 256, pausing a hold 30 -> 23, acted on as a
safety intent they were not 7 -> 10 (two pauses for "shorter holds please", one pain question).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from skill.core import events as ev

from .engines import Transcript
from .nearmiss import candidates

PAIN = "pain"  # the intent of a pain phrase (the recogniser calls it a FeelingIntent)
OTHER, UNKNOWN = "other", "unknown"
# Each safety intent's phrasings (not the benchmark's own: "stop please" and "ouch that really
# hurts" are left out so it stays a held-out test).
PHRASINGS: dict[str, tuple[str, ...]] = {
    ev.STOP: ("stop", "stop it", "stop now", "please stop", "okay stop", "just stop"),
    ev.PAUSE: ("pause", "pause it", "pause please", "wait", "hold on", "hang on"),
    PAIN: ("that hurts", "it hurts", "ouch", "ow", "it's hurting", "oh that hurts",
           "ow that hurts", "that really hurts"),
}  # fmt: skip
# Short commands said during a hold, scored as the safety phrasings are whatever was read: the
# near-miss candidates of a reading alone left them out ("New gun." is near no "next one"), so a
# safety phrasing won against nothing the user was likely to have said. (None of the
# benchmark's phrases: "move on", "start over" and "let's continue" stay held out.)
COMMANDS = ("next", "next one", "skip", "skip it", "go back", "repeat", "carry on", "keep going",
            "resume", "from the top", "help", "yes", "no", "okay", "done")  # fmt: skip
# Margins in nats (mean log-probability per token, as `Transcript.rescore` gives): over the best
# phrasing of any other safety intent, and over every reading or near model sentence the coach
# would place elsewhere; and a floor for the winning phrasing itself.
SAFETY_MARGIN = 1.0
OTHER_MARGIN = 0.5
FLOOR = -4.0
FROM_READINGS = 3  # the reading and its two runners-up, and the model sentences nearest them


@dataclass(frozen=True)
class Verdict:
    intent: str  # ev.STOP, ev.PAUSE or PAIN: the safety intent the audio prefers
    phrase: str  # its phrasing that scored best
    score: float  # that phrasing's score
    over_safety: float  # its margin over every other safety intent's best phrasing
    over_other: float  # ...and over everything else the coach knows (inf: nothing else)

    @property
    def acted_on(self) -> bool:
        """Clear enough to act on rather than ask about."""
        clear = self.over_safety >= SAFETY_MARGIN and self.over_other >= OTHER_MARGIN
        return clear and self.score >= FLOOR

def kind(text: str) -> str:
    """Which safety intent `text` is (stop and cancel are one), OTHER, or UNKNOWN."""
    from local_runner.recogniser import default_recogniser

    from .decision import says_pain

    if says_pain(text):
        return PAIN
    understood = default_recogniser().understand(text)
    name = understood.event.name
    if understood.stage == "classifier":  # sure of some nonsense: not something it knows
        return UNKNOWN
    if name in (ev.STOP, ev.CANCEL):
        return ev.STOP
    if name == ev.PAUSE:
        return ev.PAUSE
    return UNKNOWN if name == ev.FALLBACK else OTHER


def judge(transcript: Transcript) -> Verdict | None:
    """The safety intent the audio prefers, with its margins (None: no words, or no way to
    score texts against the audio)."""
    every = (transcript.text, *(other for other, _ in transcript.alternatives))
    readings = [said for said in every if said.strip()][:FROM_READINGS]
    if transcript.rescore is None or not readings:
        return None
    near = [sentence for said in readings for sentence in candidates(said)]
    kinds = {phrase: intent for intent, group in PHRASINGS.items() for phrase in group}
    for text in dict.fromkeys([*readings, *near, *COMMANDS]):
        if text not in kinds and (sort := kind(text)) != UNKNOWN:
            kinds[text] = sort
    texts = list(kinds)
    best: dict[str, tuple[float, str]] = {}
    for text, score in zip(texts, transcript.rescore(texts), strict=True):
        best[kinds[text]] = max(best.get(kinds[text], (-math.inf, "")), (score, text))
    safety = sorted(((best[intent], intent) for intent in PHRASINGS), reverse=True)
    (score, phrase), intent = safety[0]
    other = best.get(OTHER, (-math.inf, ""))[0]
    return Verdict(intent, phrase, score, score - safety[1][0][0], score - other)
