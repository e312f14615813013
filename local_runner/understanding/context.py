"""Context: the intents the coach's last reply expects next act as a prior.

After "shall we start?" (expects Yes/No) "go for it" is a yes; after an exercise (expects
Feeling/Next) "better" is a feeling. Expected intents have their probability multiplied by
BOOST before renormalising, so context tips close calls but does not overrule clear ones.
"""

from __future__ import annotations

from collections.abc import Sequence

from skill.core import events as ev

BOOST = 4.0
# Words that only agree: their meaning is whichever of these the coach is waiting for.
AGREEING = frozenset({ev.YES, ev.NEXT, ev.RESUME})


def with_prior(probabilities: dict[str, float], expects: Sequence[str]) -> dict[str, float]:
    if not expects:
        return probabilities
    wanted = set(expects)
    boosted = {k: p * (BOOST if k in wanted else 1.0) for k, p in probabilities.items()}
    total = sum(boosted.values()) or 1.0
    return {k: p / total for k, p in boosted.items()}


def agreeing_intent(intent: str, expects: Sequence[str]) -> str:
    """A plain agreement ("yep", "go on") said when the coach waits for a different one."""
    if intent not in AGREEING or not expects or intent in expects:
        return intent
    # Never turn a "next" or "carry on" into a yes: a yes may confirm something (deleting data).
    candidates = [e for e in expects if e in AGREEING and e != ev.YES]
    return candidates[0] if intent == ev.YES and candidates else intent
