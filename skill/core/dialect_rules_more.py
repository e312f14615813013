"""More dialect spellings read by the words beside them (see dialect_rules, whose rules run
first): mostly Caribbean, West African, Asian and American Englishes, London and the English
Midlands, with the Scots rules that must come after them. Each is (a mark the text must hold for
the rule to be tried, the pattern, its standard wording)."""

from __future__ import annotations

import re

from .dialect_rules import BODY, POWER

_RUG_HURTS = (
    r"\b(?:my|me|ma) rug(?= (?:is|was|just|keeps|hurts|aches|feels|went|gone|has|stiff|sore"
    r"|seized|locked|cramping|aching|pain)\b)"
)
_GONE_TO = r"\b(is|are|gaan|going|gone|went|all|been|feels?|so|very|baie) "
# What did something, told of ("dat ease muh back"), not asked of ("can that help my back").
_TOLD_DONE = (
    r"(?<!can )(?<!will )(?<!would )(?<!could )(?<!might )(?<!does )(?<!did )(?<!may )"
    r"(?<!should )(?<!hope )(?<!if )(?<!till )(?<!til )(?<!until )(?<!when )(?<!unless )"
    r"(?<!wait )(?<!let )\b(that|dat|it|this|dis|one) "
)
MORE_IN_CONTEXT = (
    # Guyanese "de back a me thigh dem": the backs of my thighs.
    ("back a ", re.compile(r"\bback a (?=(?:me|my|mi|yuh|your|yer)\b)"), "back of "),
    # Nigerian Pidgin: "wetin be this" (what is), "how i go do am" (how do i do it), "how dem
    # dey do" (how do they do), "i no fit hold am" (can't), "my foot no get power" (has no power).
    ("wetin be", re.compile(r"\bwetin be\b"), "what is"),
    (" am", re.compile(r"\b(do|hold|try|stretch|use|start|skip|carry) am\b"), r"\1 it"),
    (" go ", re.compile(r"\bhow (i|we|you) go (?:take )?(?=[a-z])"), r"how do \1 "),
    ("dem dey", re.compile(r"\bdem dey\b"), "they"),
    # Krio "nor" before a verb is "no" ("di pain nor reduce", "a nor fit bend"); the English
    # "nor" comes before do, does, is, can... ("nor does it help"), which are not in the list.
    (
        "nor ",
        re.compile(
            r"\bnor (?=(?:reduce|improve|ease|go|better|change|comot|dey|fit|sabi|wan|work|help"
            r"|finish|stop|get)\b)"
        ),
        "no ",
    ),
    ("no fit ", re.compile(r"\bno fit (?=[a-z])"), "can't "),
    # "a no get dat big ball" (Krio, Pidgin): I don't have it; not the power a limb has not.
    ("no get ", re.compile(rf"\b(?:a|ah|i|mi) no get\b(?! {POWER})"), "i don't have"),
    ("no get ", re.compile(rf"\b(?:we|wi) no get\b(?! {POWER})"), "we don't have"),
    ("no get ", re.compile(rf"\bno get (?={POWER})"), "has no "),
    # Black Country "wuss" is "worse" where it compares ("it's wuss than", "made it wuss").
    (
        "wuss",
        re.compile(r"\b(it's|its|it|is|getting|gone|got|even|bit|lot|much|far|way) wuss\b"),
        r"\1 worse",
    ),
    ("wuss ", re.compile(r"\bwuss (?=(?:than|if|now|again|today)\b)"), "worse "),
    # Tagalog "hindi" opening an answer is "no"; Black Country "ar" opening one is "yes".
    ("hindi ", re.compile(r"^hindi (?=(?:not|no|po|na|thanks|thank|i|ayoko)\b)"), "no "),
    ("ar ", re.compile(r"^ar (?=(?:go|goo|gew|that|ok|okay|alright|yeah|yes|please)\b)"), "yeah "),
    # Scots "or would it no": "not".
    (
        "it no",
        re.compile(r"\b(would|wud|will|is|does|did|could|should|can|was) it no$"),
        r"\1 it not",
    ),
    # Scots "the backs o ma thighs", "the best part o a fortnight": "of".
    (
        " o ",
        re.compile(r"\b(backs?|fronts?|tops?|sides?|bit|lot|couple|part|some|any|none|all|out) o "),
        r"\1 of ",
    ),
    (
        "fi ",
        re.compile(r"\bfi (?=(?:dat|that|dis|this|it|a|di|the|mi|me|my|yuh|you|dem|them)\b)"),
        "for ",
    ),
    # Jamaican plurals and "to": "di knee dem up a mi chest" is "the knees up to my chest".
    (" dem", re.compile(r"\b(knee|leg|arm|hand|shoulder|hip|hamstring|toe|thigh)s? dem\b"), r"\1s"),
    (" dem", re.compile(r"\b(?:foot|feet) dem\b"), "feet"),
    ("up a ", re.compile(r"\bup a (?=(?:mi|my|me|yuh|your)\b)"), "up to "),
    ("ting", re.compile(r"\bfirst ting\b"), "first thing"),
    # "How dis ting does work": the thing asked about, not "tingling" cut short.
    (
        "ting",
        re.compile(r"\b(this|that|the) ting (?=(?:does work|do work|works?)\b)"),
        r"\1 thing ",
    ),
    ("ting", re.compile(r"\bting (?=(?:wid|with|weh|where|dat|that|about|bout)\b)"), "thing "),
    # "That ting's made it worse": the thing said of, unless it runs somewhere ("that ting down
    # my leg" may be tingling).
    ("ting's", re.compile(r"\bting's\b"), "thing's"),
    (
        " ting",
        re.compile(
            r"\b(that|dat|this|dis) ting\b(?! (?:in|on|down|up|into|all|goes|going|gone)\b)"
        ),
        r"\1 thing",
    ),
    # "It done nothing", "that done bugger all": "did" (US South, London, Irish).
    (
        " done ",
        re.compile(
            r"\b(it|that|this|they|them|those) done (?=(?:nothing|much|anything|owt|nowt"
            r"|sod all|bugger all|jack|naff all|a thing|fuck all|little)\b)"
        ),
        r"\1 did ",
    ),
    # London "no lie" closing a sentence: "honestly" ("that's made it worse no lie").
    (" no lie", re.compile(r" no lie$"), " honestly"),
    # London "allow it": leave it. "Allow this one" said first, to the coach: skip it.
    ("allow ", re.compile(r"^allow (?=(?:this|that|dis|dat)(?: one)?\b)"), "skip "),
    (" wan", re.compile(r"\b(next|that|this|other|last|first) wan\b"), r"\1 one"),
    # Brummie: "can yow do them" ("yow" alone is a cry), "i ent got one", "have i gorra hold".
    (
        "yow",
        re.compile(r"\b(can|could|will|would|should|shall) yow\b(?! (?:my|me|mi|that|this|it)\b)"),
        r"\1 you",
    ),
    # Indian English "i am having a foam roller" is "i have" (not something happening).
    (
        "having",
        re.compile(
            r"\b(?:i am|i'm|im|we are|we're) having (?=(?:(?:a|an|one|the|my) )?(?:foam|tennis"
            r"|towel|stability|chair|couch|sofa|ball|roller|mat|strap|belt|yoga|exercise|gym)\b)"
        ),
        "i have ",
    ),
    # Jamaican "it a bun mi": "it's burning me" (not a bread bun nor hair in one).
    (
        "bun",
        re.compile(
            r"\b(it|dat|that|dis|this|back|leg|foot|knee|neck|hip|side)"
            r" (?:(?:a|is) bun|bunnin[g']?) (?=(?:mi|me|meh|mih)\b)"
        ),
        r"\1 is burning ",
    ),
    # "It ain't no better" is "no better"; "ain't no different" is "no different".
    ("ain", re.compile(r"\b(?:ain't|aint|ain) no (?=(?:better|worse|different|change)\b)"), "no "),
    # Norfolk "hent". Only before a thing not had ("i ent got one of them balls"): "ain't got no
    # feeling", "ain't got any better", "ain't got nothing in my legs" say what they say.
    ("t got", re.compile(r"\b(?:ain't|aint|ent|hent) got (?=(?:one|a|an|the)\b)"), "haven't got "),
    ("t got none of", re.compile(r"\b(?:ain't|aint|ent|hent) got none of\b"), "haven't got any of"),
    (
        "gorra",
        re.compile(r"\bgorra (?=(?:hold|do|go|keep|stay|wait|be|stretch|get|lie|sit)\b)"),
        "got to ",
    ),
    # "Oh shoot, sorry": an oath before an apology or a slip, not shooting pain.
    (
        "shoot",
        re.compile(r"\b(?:oh |aw |ah )?shoot (?=(?:sorry|i forgot|i meant|wrong|my bad)\b)"),
        "",
    ),
    # Malaysian and Singapore English ask "can do the stretches or not" for "can i do them",
    # and "leg lifts can do or not" with what is asked about first.
    (
        "or not",
        re.compile(
            r"^(?!(?:i|we|you|he|she|they|it) )((?:[a-z']+ ){1,3}?)can (do|try|use) or not\b"
        ),
        r"can i \2 \1",
    ),
    (
        "or not",
        re.compile(
            r"(?<!i )(?<!we )(?<!you )(?<!he )(?<!she )(?<!they )(?<!it )"
            r"\bcan (do|try|use) ((?:[a-z']+ ){0,8}?)or not\b"
        ),
        r"can i \1 \2",
    ),
    # Tagalog in Filipino English: "tapos na" is "done" ("tapos" alone is "and then"), "balik
    # sa" "back to", "ba" asks ("is it serious ba": a "tennis ba" is a Scots ball).
    ("tapos na", re.compile(r"\btapos na\b"), "done"),
    # "Sige na", "okay na", "next na" (go on, now): not a Scots "na" (no); "oo sige" is yes;
    # "hindi na masakit" (no longer sore), "wala na yung sakit" (the pain has gone).
    (" na", re.compile(r"\b(sige|okay|ok|ngayon|tuloy|next|go|yes|opo|oo|sure) na\b"), r"\1"),
    ("oo ", re.compile(r"^oo (?=(?:sige|po|opo|naman|yes|okay|ok|sure)\b)"), "yes "),
    ("hindi na", re.compile(r"\bhindi na\b"), "no longer"),
    ("wala na", re.compile(r"\bwala na\b"), "no more"),
    # Afrikaans: "rug" is the back where it hurts or is worked on ("spasms in my rug", "my rug
    # is cramping"; "i love my rug" is a carpet), "lam" numb, "dood" dead, "seer" sore.
    (
        "rug",
        re.compile(rf"(?:(?<=in )|(?<=with )|(?<=stabs ))(?:my|me|ma) rug\b|{_RUG_HURTS}"),
        "my back",
    ),
    ("lam", re.compile(rf"{_GONE_TO}lam\b"), r"\1 numb"),
    ("dood", re.compile(rf"{_GONE_TO}dood\b"), r"\1 dead"),
    ("seer", re.compile(r"\b(baie|so|very|is|bietjie|nogal|gaan|more) seer\b"), r"\1 sore"),
    # Doric "a ower again" (all over again), "the knee tae chest een" (one); Bajan "cheese on
    # bread!" (goodness!) is no food.
    ("a ower", re.compile(r"\ba ower\b"), "all over"),
    (" een", re.compile(r"\b(that|this|next|neist|last|chest|stretch|ither) een\b"), r"\1 one"),
    ("cheese on bread", re.compile(r"^(?:oh |oh me )?cheese on bread\b"), "oh"),
    # Caribbean English tells the past in the bare verb ("dat ease muh back nuff": that eased
    # my back a lot); "nuff" after what was eased is "a lot" ("that's nuff" is enough).
    (" ease ", re.compile(rf"{_TOLD_DONE}ease(?= (?:my|me|muh|mi|it|up|off|the)\b)"), r"\1 eased"),
    (
        " help ",
        re.compile(rf"{_TOLD_DONE}help(?= (?:my|me|muh|mi|it|nuff|plenty)\b)"),
        r"\1 helped",
    ),
    ("nuff", re.compile(r"\b(back|it|me|up|off|them|helped) nuff\b"), r"\1 a lot"),
    ("tapos", re.compile(r"\btapos\b"), "and then"),
    ("balik sa", re.compile(r"\bbalik sa\b"), "back to"),
    # (The literal first: most text holds " ba" in "back", and this finds it fast.)
    (
        " ba",
        re.compile(
            r" ba\b(?!')(?<!tennis ba)(?<!the ba)(?<! a ba)(?<!nae ba)(?<!my ba)"
            r"(?<!yer ba)(?<!wee ba)"
        ),
        "",
    ),
    # "Yer" is "you" after what asks what you do ("where yer pull"), "your" before a body part.
    (
        "yer",
        re.compile(
            rf"\b(where|when|if|do|can|could|will|would|did|should|are|have) yer\b(?! {BODY})"
        ),
        r"\1 you",
    ),
)
