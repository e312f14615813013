"""Out-of-domain rejection: speech that is not for the coach (television, other people).

The classifier learns an extra label, OUT_OF_DOMAIN, from the everyday sentences below (written
for this purpose; the evaluation sets are separate). On top of that, a sentence the classifier
is not sure about, or whose words it mostly never saw, is not acted on: intents that change
something (start, stop, next, skip, yes, no, delete, ...) need more confidence than questions.
"""

from __future__ import annotations

from skill.core import events as ev

OUT_OF_DOMAIN = "__out_of_domain__"

# Intents that do something the user could regret if it was a guess.
ACTIONS = frozenset(
    {ev.NEXT, ev.STOP, ev.CANCEL, ev.YES, ev.NO, ev.SKIP, ev.PREVIOUS, ev.START_OVER,
     ev.START_ROUTINE, ev.DELETE_DATA, ev.PAUSE, ev.RESUME}
)  # fmt: skip
ACCEPT = 0.45  # below this the classifier's answer is not used at all
ACCEPT_ACTION = 0.8
# An intent that takes a value none was found for ("tell me a joke" as ExplainExercise with no
# exercise) is more often other speech than a real request.
ACCEPT_WITHOUT_VALUE = 0.9
# An action whose slot was spotted ("... my hamstrings") has its own evidence: other speech rarely
# names a routine, so it needs less confidence.
ACCEPT_ACTION_WITH_SLOT = 0.45
# Share of words never seen in training (samples and the sentences below) beyond which an action
# is refused: "next week we're off to spain" is 0.17, the held-out requests that are actions 0.
MAX_UNKNOWN = 0.15
# A sentence mostly of words never seen is not understood, whatever the classifier makes of
# its letters ("wibble zorp wobble"); the safety net still reads it for symptoms.
MAX_UNKNOWN_ANY = 0.5

CORPUS = """
did anyone see where i parked the car
the kids have football practice at four
can you turn the oven on to two hundred
is there any bread left
the film starts in ten minutes
what channel is the quiz on
i'm popping out to the post office
did you remember to water the plants
the heating has gone off again
your mother called about sunday lunch
we need to book the holiday soon
the meeting got moved to thursday
put your coat on it's cold outside
i'll make us some tea
what are we having for tea
the garden needs mowing
there's a parcel on the doorstep
the cat wants to go out
have you seen the newspaper
the shower is dripping again
we're going to be late for the train
i can't hear the television
change the channel please
the news is on
more rain expected over the weekend
temperatures will drop overnight
the government announced new plans today
the team lost again on saturday
what a brilliant save by the keeper
and the crowd goes wild
in other news house prices rose
this episode is a repeat
the quiz show is about to start
my favourite song is on the radio
turn the music up
who sang this song
i love this band
the dishwasher needs emptying
have you fed the fish
the dog chewed my slipper
the kettle is broken
where are the car keys
i've lost my phone again
can you ring me back later
send me the photos from the wedding
happy birthday to you
how was school today
have you brushed your teeth
dinner will be ready in five minutes
the oven timer went off
that smells lovely
let's go shopping on saturday
we should visit grandad this weekend
the library books are overdue
my laptop keeps freezing
the internet is really slow tonight
did you book the dentist
i have a headache from all this noise
the windows need cleaning
pass me the salt
who left the door open
it's so cold in here
i think it's going to snow
the bins go out on tuesday
the postman came early
what a lovely morning
i'm going to bed
good night everyone
see you tomorrow
thanks for dinner
that was a great film
the baby is crying
can you help me with the shopping bags
"""


def corpus() -> list[str]:
    return [line.strip() for line in CORPUS.strip().splitlines() if line.strip()]


def accepted(
    intent: str, confidence: float, unknown: float, *, slotted: bool = False, missing: bool = False
) -> bool:
    """Whether a classifier answer may be acted on (`slotted`: its slot values were found;
    `missing`: it takes a value and none was found)."""
    if intent == OUT_OF_DOMAIN or confidence < (ACCEPT_WITHOUT_VALUE if missing else ACCEPT):
        return False
    if unknown > MAX_UNKNOWN_ANY:
        return False
    if intent in ACTIONS:
        if missing:  # "start the car" is not a routine; an action needs its value
            return False
        needed = ACCEPT_ACTION_WITH_SLOT if slotted else ACCEPT_ACTION
        return confidence >= needed and unknown <= MAX_UNKNOWN
    return True
