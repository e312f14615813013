"""Near misses: the model sentence a misheard transcript was meant to be, by spelling or sound.

Whisper's mistakes are mostly near misses of what was said, so a transcript the recogniser
cannot place, or places only by its classifier, is looked up among the model's sentences:
- `nearest_sentence`: the closest by spelling (rapidfuzz ratio), for engines that cannot say
  how well a text fits the audio;
- `rescored`: a few candidates, the closest by spelling and the closest by
  sound (sounds.py: "Tell me your teens." reaches "tell me the routines") to the reading and
  to the engine's next readings, each scored by the engine against the audio
  (`Transcript.rescore`, forced decoding); the best is taken when it explains the audio
  nearly as well as what was decoded (and, for short speech near a safety phrase, clearly
  better than every safety phrasing: RIVALS).

Measured on the development set (benchmarks/listening_dev.py, 450 clips of 25 phrasings x 6
voices x clean / 10 dB noise / reverberant room, none the benchmark's), whisper, right intent
acted on / wrong actions: spelling only 371 / 33; with eight candidates by sound (ratio of the
phone strings >= 60) 377 / 34; scored as whisper writes (written.py) and also checking
readings placed only by the classifier ("Can we do a quick office trash?" was a routine-length
question) 393 / 24. Thresholds unchanged: looser ones (a margin of 3, a floor of -3) added 3
right and 4 wrong actions. After main's understanding changes, candidates also taken from the
engine's next two readings (its beam's runners-up or the filtered decode's): 391 -> 396, wrong
actions 27 either way.
"""

from __future__ import annotations

import math

from . import sounds
from .engines import Transcript
from .vocabulary import default_vocabulary, normalise

NEAREST_CUTOFF = 75.0  # rapidfuzz ratio for mapping a transcript onto a model sentence...
NEAREST_ACT = 85.0  # ...and for acting on that mapping rather than asking about it
# A near miss the engine confirms against the audio (`Transcript.rescore`) is acted on: one of
# the candidates scoring within RESCORED_MARGIN of what was decoded, and at least
# RESCORED_FLOOR (mean log-probability per token). First measured on 357 segments (17 phrases
# x 7 voices x clean/noise/reverb): of 26 unsure or unplaced transcripts this acted on 10, all
# the right intent ("Tell me I'm out of this lump glide." -> "tell me about the slump glide"
# at -0.9 against -0.4 decoded; wrong sentences scored -3.5 to -7).
RESCORED_MARGIN = 2.0
RESCORED_FLOOR = -2.5
SPELT_LIMIT, SPELT_CUTOFF = 3, 70.0  # candidates by spelling: the closest three, ratio >= 70
SOUND_LIMIT, SOUND_CUTOFF = 8, 60.0  # ...and by sound: the closest eight, ratio >= 60
FROM_ALTERNATIVES = 2  # ...of the reading, and of the engine's next two readings
# A short utterance near a safety phrase (`Transcript.could_be`) is acted on as a near miss
# only when its candidate also beats every one of these safety phrasings (and the one it was
# near) by RIVAL_MARGIN: "It's starting." for "it's hurting" is near "let's start", but "It's
# hurting." explains the audio about as well, so the coach asks instead. Measured on the
# development set (benchmarks/listening_dev.py, 300 clips, none the benchmark's): without
# this, such near misses were never acted on; with it, right 251 -> 265, wrong actions 17 ->
# 16, ordinary commands pausing a hold 22 -> 10 of 240; on 180 clips of ten other safety
# phrasings ("it's hurting", "hold on stop", "ow that hurts"...) reached 161 -> 162, wrong
# actions 17 -> 16. With only the phrase it was near as the rival, "it's hurting" started a
# routine twice (reached 161 -> 154). A margin of 1 acted on one more (266), of 3 one fewer.
RIVAL_MARGIN = 2.0
RIVALS = ("stop", "pause", "that hurts", "ouch", "it hurts", "it's hurting", "stop it",
          "oh that hurts", "wait", "hold on")  # fmt: skip


def nearest_sentence(text: str) -> tuple[str, float] | None:
    """The model sentence closest to a misheard transcript ("what's on my options" -> "what
    are my options"), when one is close enough: ASR errors are mostly near misses."""
    from rapidfuzz import fuzz, process

    words = normalise(text)
    if len(words) < 3:
        return None
    match = process.extractOne(
        words, default_vocabulary().sentences, scorer=fuzz.ratio, score_cutoff=NEAREST_CUTOFF
    )
    return None if match is None else (str(match[0]), float(match[1]))


def candidates(said: str) -> list[str]:
    """The model sentences nearest `said` in spelling, then in sound, each once."""
    from rapidfuzz import fuzz, process

    words = normalise(said)
    spelt = process.extract(words, default_vocabulary().sentences, scorer=fuzz.ratio,
                            limit=SPELT_LIMIT, score_cutoff=SPELT_CUTOFF)  # fmt: skip
    heard = sounds.nearest(words, SOUND_LIMIT, SOUND_CUTOFF)
    return list(dict.fromkeys([str(match[0]) for match in spelt] + [s for s, _ in heard]))


def rescored(said: str, transcript: Transcript, rival: str = "") -> tuple[str, bool]:
    """The model sentence the audio confirms for a near miss ("" if none, or no way to ask),
    and whether it also explains the audio better than `rival` (the safety phrase the audio
    is near, "" for none) and every phrasing in RIVALS, by RIVAL_MARGIN."""
    if transcript.rescore is None or len(normalise(said).split()) < 2:
        return "", False
    near = list(dict.fromkeys([*candidates(said), *(
        sentence for other, _ in transcript.alternatives[:FROM_ALTERNATIVES]
        for sentence in candidates(other))]))  # fmt: skip
    if not near:
        return "", False
    rivals = list(dict.fromkeys([rival, *RIVALS])) if rival else []
    decoded, *scores = transcript.rescore([said, *near, *rivals])
    against = max(scores[len(near) :], default=-math.inf)
    score, best = max(zip(scores[: len(near)], near, strict=True))
    if score < max(decoded - RESCORED_MARGIN, RESCORED_FLOOR):
        return "", False
    return best, bool(rival) and score >= against + RIVAL_MARGIN


def beats_rivals(said: str, transcript: Transcript, rival: str) -> bool:
    """Whether the audio prefers what was read to the safety phrase it is near (`rival`) and
    every phrasing in RIVALS, by RIVAL_MARGIN (no way to ask the engine: it does).

    For a reading barely trusted (decision.py): a "that hurts" in a reverberant room read
    "Next." at 0.49 had moved on. On benchmarks/safety_dev.py (888 clips, none the
    benchmark's), safety phrasings reaching the coach 277 -> 279 of 312, ordinary commands
    acted on 400 -> 400 of 576, pausing a hold 101 -> 98; listening_dev.py 267 of 300 right
    either way. Asked of every trusted reading (up to 0.9): reached 280, but acted on 396."""
    if transcript.rescore is None:
        return True
    decoded, *against = transcript.rescore([said, *dict.fromkeys([rival, *RIVALS])])
    return decoded >= max(against) + RIVAL_MARGIN
