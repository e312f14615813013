"""Dialect spellings read by the words beside them, where those leave no doubt: the rules
`dialect` applies before its word-for-word table (dialect_words), each as (a mark the text must
hold for the rule to be tried, the pattern, its standard wording)."""

from __future__ import annotations

import re

# A body part said after "me", "ma" or "yer" (read as "my" or "your"). "Back" only as a
# complaint: "help me back up" keeps its "me".
BODY = (
    r"(?:legs?|hips?|knees?|neck|shoulders?|bum|hamstrings?|hammies|thighs?"
    r"|feet|foot|calf|calves|spine|toes?|backside|bits|chest|arms?|waist"
    r"|lower back|back(?:'s| is| has| hurts| feels?| was| keeps| stiff| sore| ache| aches"
    r"| aching| catch| catching| locked| gone| went| hurting| hurt| paining| tight|$))"
)
_I_DO = (
    r"(?:just|want|wanna|need|think|hink|can't|cannot|don't|didn't|was|wis|am|have|had|haven't|ken"
    r"|know|forgot|reckon|thought|will|would|could|should|did|do|dae|cannae|canna|dinnae|didnae"
    r"|mean|be|meant|use|get|touch|cannit|cannet|divvent)\b"
)
_AINT = r"(?:got|gotta|been|bin|had|done|seen|gonna|no|nothing|nowt|going|goin)\b"
# "Mek we stretch" (Jamaican), "leh we do something" (Trinidadian): "let's".
LETS = re.compile(r"\b(?:mek|leh) (?:we|wi|us)\b")
# What a limb "no get" has lost ("my foot no get power").
POWER = r"(?:power|strength|feeling|sensation|energy|grip)\b"
# Spellings read by the words beside them, where those leave no doubt: "d'ye" is "do you",
# "what'd i" is "what did i", "how'm i" is "how am i"; Jamaican "fi" is "for" before what it is
# for ("the one fi dat", "fi a full minute"); "ting" is "thing" in "first ting" and before what
# names it ("di ting wid di ball") - elsewhere it may be "tingling" cut short ("a ting in both
# feet"); "wan" is "one" after "next" or "that" ("the wan" may be pale). Each is tried only on
# text that holds its mark (most text holds none).
IN_CONTEXT = (
    ("d'", re.compile(r"\bd'(?:ye|ya|yeh|you|yer)\b"), "do you"),
    # Yorkshire and Cumbrian "on to t' next", "t'left un", "t'dog's at t'door".
    ("t'", re.compile(r"(?<![a-z'])t' ?(?=[a-z])"), "the "),
    ("ah'", re.compile(r"\bah'(m|ve|ll|d)\b"), r"i'\1"),  # Northern "ah'm back", "ah've"
    # Northern and Scots "ah" is "I" after a modal ("should ah be") and before a verb ("ah just
    # want"), unless a body part follows close by: "ah just my back" cries out.
    ("ah ", re.compile(r"\b(should|could|would|wid|wud|will|am|did|shall) ah\b"), r"\1 i"),
    ("ah ", re.compile(rf"\bah (?={_I_DO})(?!(?:[a-z']+ ){{0,2}}(?:my|me|ma|mi) {BODY})"), "i "),
    ("eh'", re.compile(r"\beh'(m|ve|ll|d)\b"), r"i'\1"),  # Dundee "eh'm seventy eight"
    ("'d ", re.compile(r"\b(what|how|where|when)'d (?=(?:i|we)\b)"), r"\1 did "),
    ("how'm", re.compile(r"\bhow'm i\b"), "how am i"),
    ("mi fi", re.compile(r"\bmi fi\b"), "i should"),  # Jamaican "wah mi fi do"
    # Hawai'i Pidgin: "da kine" stands in for a word ("do da kine nerve stretches"); "you get
    # one" is "have you got one"; "shoots" opening a sentence is "okay" ("shoots next one").
    ("da kine", re.compile(r"\bda kine\b"), "the"),
    ("get", re.compile(r"\b(?:you|u) get(?= (?:one|any|some|da|the)\b|$)"), "you got"),
    (
        "shoots",
        re.compile(r"^shoots (?!(?:down|up|into|through|across|right|straight|out|along)\b)"),
        "okay ",
    ),
    ("yuh ", re.compile(rf"\byuh (?={BODY})"), "your "),  # Caribbean "wid yuh legs up"
    # Pidgin "get one" opening a sentence says there is one ("get one burning kine feeling").
    (
        "get one",
        re.compile(r"^get one (?=(?:[a-z]+ ){0,4}(?:feeling|pain|ache|twinge|pinch)\b)"),
        "there's a ",
    ),
    # Caribbean habitual "does" ("how yuh does do it"), and "fuh" before a verb ("remind me fuh
    # stretch"): "to". Elsewhere "fuh" is "for".
    (" does ", re.compile(r"\b(you|yuh|we|i|it) does (?=(?:do|go|work)\b)"), r"\1 "),
    ("fuh ", re.compile(r"\bfuh (?=(?:stretch|do|go|come|get|take|make|try|rest|start)\b)"), "to "),
    # Scots "hiv" is "have" beside who has ("whit hiv ye got"); alone it may be HIV.
    (
        "hiv ",
        re.compile(r"\bhiv (?=(?:ye|you|thu|i|we|they|got|nae|no|tae|to|been|had|ony|any)\b)"),
        "have ",
    ),
    ("hiv", re.compile(r"\b(ye|you|thu|i|we|they) hiv\b"), r"\1 have"),  # "whit hiv thu kept"
    # "The pelvic tilt ting" closing a sentence: the thing named, not tingling cut short.
    (
        " ting",
        re.compile(r"\b(the|de|di|da|this|dis|that|dat) ((?:[a-z]+ ){1,3})ting$"),
        r"\1 \2thing",
    ),
    # Southern US "ion got", "ion know": "i don't".
    (
        "ion ",
        re.compile(r"\bion (?=(?:got|have|has|know|want|need|think|like|even|care|feel)\b)"),
        "i don't ",
    ),
    # Black Country "ay" after who it is said of: "ain't" ("we ay got one", "ah ay got one").
    # Only before what goes with "ain't": Scots "i ay get pins and needles" is "always".
    ("ay", re.compile(rf"\bah ay (?={_AINT})"), "i ain't "),
    (
        "ay",
        re.compile(rf"\b(i|we|you|they|it|he|she|that|dat|this|dis) ay (?={_AINT})"),
        r"\1 ain't ",
    ),
    # "An" before a consonant is "and" ("cat an cow", "me back an me legs"), not the article;
    # not before h or x ("an hour", "an x-ray") or letters said as letters ("an mri").
    (
        "an ",
        re.compile(
            r"\ban (?=[bcdfgjklmnpqrstvwz])"
            r"(?!(?:mri|nhs|ssri|rsi|std|sti|ms|mp|nsaid|nsaids|rta|mot|lbp|sd|ot|gp|ct)\b)"
        ),
        "and ",
    ),
    # Northern "is it owt good" asks whether it is any good (not "anything good").
    ("owt good", re.compile(r"\bowt good\b"), "any good"),
    # Manglish "can or not" closing a request asks whether it can be done: "can you".
    ("can ", re.compile(r" ?\bcan (?:or not|anot)\b(?: ah\b| lah\b)?"), ""),
    # Singlish and Manglish "ah" closing a question ("how to do ah"): a particle, not a cry.
    (
        " ah",
        re.compile(
            r"\b(how to do|how to|how do i do|is it|like this|like that|or not) ah\b"
            r"(?! (?:my|me|mi|ma|meh)\b)"  # "how to do ah my knee" cries out
        ),
        r"\1",
    ),
    # Scots "tae" is "to" before what it goes to ("back tae thon last yin", "knee tae chest");
    # "my big tae" is a toe.
    (
        "tae ",
        re.compile(
            r"\btae (?=(?:thon|that|this|ma|my|me|a|an|dae|do|go|be|ye|you|it|start|stert|bed"
            r"|work|get|hold|keep|stretch|sit|lie|stand|touch|use|dee|chest)\b)"
        ),
        "to ",
    ),
    # "Stretch em out", "sort em": "them" after a verb (alone, "em" is a hesitation).
    (
        " em",
        re.compile(r"\b(stretch|loosen|work|sort|warm|give|get|put|do|try|ease|shake) em\b"),
        r"\1 them",
    ),
    # Doric: "fit" is "what" opening a question ("fit can we dee", "fit's neist"), elsewhere it
    # is fit or a foot; "hud on" holds on ("hud" alone is Orkney "had"); "div ye" is "do you";
    # "aa" is "all" beside what it counts ("get rid o aa ma data", "at aa"); "a" is "I" before
    # a verb no article goes with ("a dinna ken", "a'm fair stressed"); "tak me" is "take me"
    # (Malay "tak tahan" is "can't bear").
    (
        "fit",
        re.compile(
            r"(?<!my )(?<!ma )(?<!me )(?<!your )(?<!yer )(?<!the )(?<!a )(?<!keep )(?<!get )"
            r"(?<!so )(?<!very )(?<!feel )(?<!stay )(?<!no )(?<!left )(?<!right )(?<!bad )"
            r"\bfit(?='s\b| (?:can|is|are|do|div|dae|dee|am|a'm|i'm|will|would|should|ither"
            r"|else|time|way|ye|you)\b)"
        ),
        "what",
    ),
    ("hud on", re.compile(r"\bhud on\b"), "hold on"),
    ("div ", re.compile(r"\bdiv (?=(?:ye|you|i|we|they)\b)"), "do "),
    ("o aa", re.compile(r"\bo aa\b"), "of aa"),
    ("aa ma", re.compile(r"\baa ma\b"), "all my"),
    ("aa", re.compile(r"\b(at|of|for|nae|wi|with) aa\b"), r"\1 all"),
    ("aa ", re.compile(r"\baa (?=(?:my|me|the|o|of|that|this|yer|your)\b)"), "all "),
    ("ken", re.compile(r"\b(dinna|dinnae|don't|didna|didnae|i|ye|you|we|they) ken\b"), r"\1 know"),
    ("a'", re.compile(r"\ba'(m|ve|ll|d)\b"), r"i'\1"),
    (
        "a ",
        re.compile(
            r"\ba (?=(?:think|dinna|dinnae|didna|canna|cannae|ken|reckon|wis|hiv|jist|forgot"
            r"|dunno|widna|winna)\b)"
        ),
        "i ",
    ),
    ("tak ", re.compile(r"\btak (?=(?:me|us|it|that|this|a|the)\b)"), "take "),
)
