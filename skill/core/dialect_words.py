"""Dialect spellings of everyday words, word for word: the table `dialect` reads them by.

Only spellings whose meaning is rarely in doubt where they are said are here; those read by the
words beside them are rules in `dialect` itself.
"""

from __future__ import annotations

STANDARD = {
    "cannae": "can't", "canna": "can't", "dinnae": "don't", "didnae": "didn't",
    "doesnae": "doesn't", "isnae": "isn't", "wasnae": "wasn't", "wisnae": "wasn't",
    "couldnae": "couldn't", "wouldnae": "wouldn't", "shouldnae": "shouldn't",
    "willnae": "won't", "havenae": "haven't", "hivnae": "haven't", "arenae": "aren't",
    "doon": "down", "oot": "out", "aboot": "about", "sair": "sore", "heid": "head",
    "dae": "do", "haud": "hold", "awfy": "awful", "gonnae": "going to", "naw": "no",
    "owt": "anything", "nowt": "nothing", "summat": "something", "wi": "with", "un": "one",
    "gie": "give", "nae": "no", "gaun": "go", "yersel": "yourself",
    "masel": "myself", "hame": "home", "ye": "you", "outta": "out of",
    "richt": "right", "yin": "one", "whit": "what", "mair": "more",
    # Norfolk ("that'll dew", "playin up agin", "gret big") and Trinidadian ("ah cyah pass water").
    "dew": "do", "agin": "again", "gret": "great", "cyah": "can't",
    # Geordie ("ah cannit feel owt", "roond me back", "divvent knaa").
    "cannit": "can't", "cannet": "can't", "dinnet": "don't", "roond": "round",
    # Trinidadian "mih" is "me" ("help mih"), and "my" before a body part (as "mi");
    # Jamaican "siddung" (sit down).
    "mih": "me", "siddung": "sit down",
    # Singlish "liao" ("i done liao": I'm done already).
    "liao": "already",
    # Jamaican Creole. "Mi" is "me", "my" and "I": read as "me", and as "my" before a body part
    # (_ME_AS_MY), which is where the difference matters.
    "mi": "me", "miself": "myself", "cyaan": "can't", "kyaan": "can't",
    "dat": "that", "dis": "this", "di": "the", "dem": "them", "someting": "something",
    "nutten": "nothing", "nuttn": "nothing",
    "everyting": "everything", "tink": "think", "wid": "with", "widout": "without",
    "yuh": "you", "unnu": "you", "tek": "take", "mek": "make", "seh": "say",
    "neva": "never", "ketch": "catch", "nex": "next", "gwaan": "go on", "inna": "in the",
    "pon": "on", "deh": "there", "dere": "there", "wah": "what", "likkle": "little",
    "sah": "sir", "hol": "hold", "fuhget": "forget",
    # Irish, Cornish and Northern English; "bleddy" is Cornish "bloody". "Urt" is "hurt" said
    # with the h dropped ("that bleddy 'urt"): no other word is spelt so.
    "awright": "alright", "meself": "myself", "bleddy": "bloody", "urt": "hurt", "urts": "hurts",
    "urting": "hurting",
    # Yorkshire and Geordie: "reet" is "right", "nay" "no", "gannin" "going", "haad on" "hold
    # on", "howay" "come on", "ah divvent knaa" "I don't know", "gis a hand" "give us a hand".
    "reet": "right", "nay": "no", "gannin": "going", "haad": "hold", "howay": "come on",
    "divvent": "don't", "knaa": "know", "gis": "give us",
    # Non-rhotic spellings ("that's a lot bettah").
    "bettah": "better", "nevah": "never", "ovah": "over", "aftah": "after",
    # Chat shorthand, typed and said aloud ("nvm forget it", "gimme the breathing one").
    "nvm": "never mind", "gimme": "give me", "lemme": "let me", "rn": "right now",
    "fr": "for real", "tbh": "to be honest", "idk": "i don't know", "ngl": "honestly",
    "pls": "please", "plz": "please", "thx": "thanks",
    # Malaysian English "kena": the passive "got" ("my nerve kena pinched").
    "kena": "got",
    # Caribbean and US South "muh": "my" ("i wet muhself", "down muh foot").
    "muh": "my", "muhself": "myself",
    # "Something", "nothing" and "anything" as they are said across the Caribbean, London and
    # Pidgin English ("sumting pull in muh back", "nuffin helps").
    "sumting": "something", "sumtin": "something", "sumthin": "something",
    "sumfin": "something", "somefing": "something", "somefink": "something",
    "nuttin": "nothing", "nuffin": "nothing", "nuttin'": "nothing", "nothink": "nothing",
    "anyting": "anything", "anythin": "anything", "anyfing": "anything",
    # Dundee and Scots: "eh'm ready fir the next ane", "go back tae thon last yin", "stert it
    # fae the beginnin", "eh've nae tennis ba", "wud that be guid", "on an aff", "ony better".
    "fir": "for", "ane": "one", "thon": "that", "stert": "start", "fae": "from",
    "wrang": "wrong", "wud": "would", "guid": "good", "hud": "had", "aff": "off",
    "ony": "any", "noo": "now", "ba": "ball", "hoo": "how",
    # Bajan: "leh we do de stretches fuh de sciatica", "wuh is de one", "dah is it", "doan".
    "de": "the", "fuh": "for", "wuh": "what", "dah": "that", "doan": "don't",
    # Hawai'i Pidgin: "wat kine stretches", "no mo' tennis ball ova hea", "pau already",
    # "my okole" (bottom).
    "da": "the", "wat": "what", "kine": "kind of", "ova": "over", "hea": "here", "pau": "done",
    "okole": "bum",
    # Black Country ("gew on then wot's next", "goo on"), Orkney ("whit hiv thu got", "aal",
    # "gae back tae the stretch afore this one") and Nigerian Pidgin ("wetin be this").
    "gew": "go", "goo": "go", "wot": "what", "gae": "go", "afore": "before", "thu": "you",
    "aal": "all", "wik": "week", "wetin": "what", "teka": "wait",
    # Maine and Vermont "ayuh": yes; Midwestern "whaddya" ("whaddya do again").
    "ayuh": "yeah", "whaddya": "what do you", "whaddaya": "what do you",
    # Doric ("fit's neist", "hud on a mintie", "foo div ye dae it", "made it waur if onythin",
    # "a dinna ken fit a'm deein", "jist tak me through some braithin"), Derry ("houl on"),
    # Guyanese ("de lef one", "yes darlin"), Appalachian ("settin behind the wheel").
    "intae": "into", "dee": "do", "deein": "doing", "neist": "next", "mintie": "minute",
    "foo": "how", "waur": "worse", "onythin": "anything", "onything": "anything",
    "dinna": "don't", "didna": "didn't", "winna": "won't", "couldna": "couldn't",
    "wouldna": "wouldn't", "widna": "wouldn't", "wisna": "wasn't", "isna": "isn't",
    "jist": "just", "braith": "breathe", "braithin": "breathing", "lef": "left",
    "nevermind": "never mind", "houl": "hold", "darlin": "darling", "settin": "sitting",
    # Cumbrian ("it's gitten warse", "gan back tiv t'last yan", "hod on", "how dus thoo dee
    # it") and Shetland ("a stoond ida back", "du", "a peerie break", "baith my legs",
    # "seeventy three", "never hed afore"). Not "tae" (a toe, or to) nor "een" (one, or eyes).
    "warse": "worse", "gitten": "getting", "catched": "caught", "stoond": "sharp pain",
    "stound": "sharp pain", "ida": "in the", "yan": "one", "gan": "go", "tiv": "to",
    "thoo": "you", "dus": "do", "hod": "hold", "du": "you", "peerie": "little",
    "baith": "both", "seeventy": "seventy", "seeven": "seven", "fower": "four", "hed": "had",
    "keepit": "kept", "efternoon": "afternoon", "jus": "just",
    # Doric: "jist wint tae dee some breathin", "stairt it a ower again", "efter the shift".
    "efter": "after", "wint": "want", "stairt": "start", "ower": "over",
    # Tagalog in Filipino English ("masakit po my lower back", "nahulog ako from the ladder",
    # "paano the child's pose", "mas masakit", "manhid yung legs ko", "parang same").
    "masakit": "sore", "sakit": "pain", "makirot": "sore", "kirot": "sharp pain",
    "kuryente": "electric shock", "manhid": "numb", "namamanhid": "going numb",
    "nahulog": "fell", "natumba": "fell", "nadulas": "slipped", "ako": "i", "paano": "how",
    "ano": "what", "yung": "the", "mas": "more", "siguro": "maybe", "parang": "like",
    "balik": "back", "sa": "in", "tuloy": "carry on", "sige": "okay", "opo": "yes",
    "kanina": "earlier", "kahapon": "yesterday", "ngayon": "now", "bukas": "tomorrow",
    "likod": "back", "lumala": "got worse", "lumalala": "getting worse",
    # Afrikaans in South African English ("my bene is gaan lam"); "lam", "dood", "seer" and
    # "rug" (numb, dead, sore, the back) are read by the words beside them (dialect_rules_more).
    "bene": "legs", "voet": "foot", "voete": "feet", "gaan": "going", "baie": "very",
}  # fmt: skip
# Spellings that only mean the word with their apostrophe: "backs o' me legs".
WITH_APOSTROPHE = {"o'": "of", "an'": "and", "mo'": "more", "fo'": "for"}
# Said with the g dropped ("och that's nippin", "it's achin"). Only these verbs: most words
# ending "in" are not -ing forms ("shin", "within", "begin").
G_DROPPED = (
    "ach", "burn", "catch", "cramp", "do", "feel", "gett", "go", "gripp", "hurt", "kill", "nipp",
    "pinch", "pound", "pull", "shoot", "sitt", "stabb", "sting", "stretch", "throbb", "tingl",
    "twing", "wait", "work", "someth", "noth", "start", "com", "try", "ly", "spread", "touch",
    "creep", "lock", "seiz", "bend", "walk", "stand", "mov", "twist", "spasm", "help", "act",
    "breath", "relax", "loosen", "rest", "count", "hold", "eas", "lift", "slapp", "dragg",
    "happen", "keep", "look", "think", "say", "mak", "tak", "hav", "giv", "play", "talk", "haul",
    "carry", "push", "kneel", "lean", "reach", "bother", "kick", "driv", "runn", "morn", "even",
    "pee", "wee", "wett", "grabb", "jabb", "numb", "tugg", "beginn",
)  # fmt: skip
STANDARD.update({f"{stem}in": f"{stem}ing" for stem in G_DROPPED})
