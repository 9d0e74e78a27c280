"""A word the sentence treats as a person, even when it is also an English
word or written in lower case: "Banks finished his physical therapy
program", "huge thanks to bieber for sharing his recovery story",
"congrats to Bush on finishing knee rehab", "Hope's recovery".

Shapes only a person fits: the subject of a verb followed by his/her
("X finished his ..."), or of a deed opening a clause ("when ANANYA walked in");
the one cheered, thanked or prayed for, followed by "for", "on", "who", "today"
or the end of the clause ("congrats to X on ..."); the owner of a recovery, a
body part or a relative ("X's recovery", "kwame's new prosthetic"); a name
after a title in any case ("mrs banks"); someone told what they did ("chioma u
absolute rockstar"). A word
spaCy tags as an organisation, product, work or place is vetoed (Nike, the
Lakers, "Inside Out 2"), and so are pronouns, group words and everyday nouns
that are neither given names nor surnames."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern, RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS

from checks.phi.lexicon import (DATE_PREPOSITION_BEFORE, DEED_VERBS, FAMILY_WORDS, MONTHS, OUTSIDE_JOBS, WEEKDAYS,
                                adjectives, census_given_name, cities, common_surnames, given_names, is_country_or_state,
                                is_vocabulary, limit_after_quantity)
from checks.phi.recognizers.base import NameRecognizer, contraction_stem, function_word
from checks.phi.recognizers.textcase import case_style

_W = r"[^\W\d_][\w’'\-]*"
_CHEER = (r"congrats(?:[ \t]+to)?|congratulations(?:[ \t]+to)?|kudos[ \t]+to|shout[ \t-]*out[ \t]+to|"
          r"(?:huge[ \t]+|big[ \t]+|special[ \t]+)?thanks[ \t]+to|thank[ \t]+you(?:[ \t]+so[ \t]+much)?[ \t]+to|"
          r"(?:so[ \t]+)?proud[ \t]+of(?:[ \t]+(?:you|u),?)?|prayers[ \t]+(?:for|to)|praying[ \t]+for|welcome[ \t]+back|"
          r"happy[ \t]+birthday(?:[ \t]+to)?|get[ \t]+well[ \t]+soon|"
          # a patient's milestone wished to them: "happy 100th session Ivy!!!", "happy last visit, marco"
          r"happy[ \t]+(?:[\w-]+[ \t]+){0,2}(?:session|visit|appointment|appt|discharge|graduation|anniversary)(?:[ \t]+to)?,?|"
          r"thank(?:s|[ \t]+you)(?:[ \t]+so[ \t]+much)?,|"  # "thank you, maria!"
          r"(?:(?:huge|big|special)[ \t]+)?(?:thx|ty)[ \t]+to|happy[ \t]+b-?day(?:[ \t]+to)?|"
          r"thank[ \t]+u|tysm|thx|ty|shout[ \t]*out[ \t]+2|welcome[ \t]+to[ \t]+the[ \t]+fam(?:ily)?|"
          r"(?:we[ \t]+)?(?:miss|love)[ \t]+(?:u|you)(?:[ \t]+so[ \t]+much)?,?|"
          # a cheer spoken to someone: "go get em, Cash!", "We will keep going, Will!!"
          r"go[ \t]+get[ \t]+(?:em|'em|’em|them),|way[ \t]+to[ \t]+go,|you[ \t]+got[ \t]+this,|keep[ \t]+(?:it[ \t]+up|going),")
_CARE_NOUN = (r"recovery|progress|therapy|treatment|session|sessions|surgery|rehab|diagnosis|journey|appointment|"
              r"appt|condition|meds|medication|healing|sobriety|care|visit|procedure|results?|"
              # the paperwork of someone's care: "faith's insurance denied", "omar's referral"
              r"insurance|claim|chart|records|labs|referral|refill|prescription|copay|paperwork|vitals")
# what is a person's own: a body part, their look, their family, their big day ("Chinedu's shoulder",
# "Kiki's glow", "Jae-won's dad", "Priyanka's bridal package")
_OWN_NOUN = (r"shoulder|knee|knees|hip|back|neck|arm|leg|wrist|ankle|foot|feet|jaw|teeth|tooth|smile|skin|face|"
             r"glow|filler|braces|lips?|brows|hair|scan|x-?ray|stitches|cast|mom|dad|mum|parents|sister|brother|"
             r"wife|husband|grandma|grandpa|son|daughter|wedding|bridal|bday|graduation|family|fam|prosthetic|glasses|"
             r"retainer|crown|implant|boot|walker|cane|wheelchair|hearing[ \t]+aids?|"
             # the people and days of someone's life: "Dashiell's coach called", "Sunny's tournament in Boise"
             r"coach|teacher|teammates|tournament|recital|visa|boss|caseworker|probation[ \t]+officer|foster[ \t]+mom|"
             r"foster[ \t]+dad|grades|homework|iep|504")
# what people do, said of someone opening a sentence ("Adebayo finally said", "Zofia came in")
_HUMAN_DOES = (r"did|came|comes|walked|walks|finished|finishes|said|says|told|tells|texted|brought|brings|got|lost|"
               r"asked|ran|cried|smiled|danced|laughed|played|sent|made|wore|turned|graduated|serenaded|hit|"
               r"crushed|nailed|rocked|survived|beat|completed|started|starts|start|showed|stopped|dropped|left|gave|baked|"
               r"ditched|drove|passed|picked|admitted|learned|learnt|tried|took|climbed|jumped|rode|swam|slept|"
               r"hugged|waved|kicked|needs|needed|wants|wanted|loves|loved|enjoyed|graduates|read|knew|insisted|pushed|"
               r"recomm?ended|is[ \t]+doing|cancell?ed|no-?showed|rescheduled|"  # a patient's deeds at the desk"
               r"called|phoned|emailed|e-mailed|messaged|voicemailed|shows[ \t]+up|shows|showed[ \t]+up|"
               r"(?:is|was)[ \t]+running[ \t]+late|"
               r"fell[ \t]+asleep|dozed[ \t]+off|"
               r"(?:is|was)[ \t]+(?:asking|requesting|calling|waiting|complaining|refusing|crying)|"
               r"is[ \t]+(?:officially|back|now|finally|\d+)|was[ \t]+so|has[ \t]+been|had[ \t]+(?:her|his)|"
               r"had[ \t]+(?:me|us)[ \t]+(?:crying|laughing|tearing|in[ \t]+tears|cracking|dying|smiling)|"  # "izzy had me crying""
               r"both[ \t]+\w+")
_RELATION = (r"daughter|son|kid|mom|mama|mother|dad|papa|father|nana|grandma|granny|grandpa|abuela|abuelo|sister|"
             r"sis|bro|twins?|sibling|cousin|niece|nephew|bestie|brother|husband|wife|hubby|pal|guy|girl|buddy|friend|superstar|star|sweet|little|lil|"
             r"patient|client|kiddo|baby|boy|grandson|granddaughter|grandkid|grandbaby|stepson|stepdaughter")
# a sentence may open after an emoji or a chat interjection: "👑 hunter did 3 sets", "lmao rich told me"
_EMOJI = r"[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F]"
# a clause opens after a joining word too: "we teared up when ANANYA walked in", "brb crying bc joy said ..."
_JOINING = "|".join(rf"(?<=\b{w}[ \t])" for w in ("when", "bc", "cuz", "because", "but", "then", "until", "after", "while",
                                                   "glad", "proud")) + r"|(?<=\w:[ \t])|(?<=\w,[ \t])" \
    + r"|(?<=[—–][ \t])"  # "recap: charlie said", "“Fearless by the end” — Leo was SO brave"
_LITTLE = r"(?:(?:baby|little|lil|sweet|our|my)[ \t]+)?"  # "sooo baby joy came in"
_CHAT_OPENER = r"(?:(?:lol|lmao|omg|ok|okay|so+|btw|ngl|update:?|honestly|yall|y'all|and|also)[ \t]+){0,3}"  # "ok so dolores ...", "lol ok so precious"
_GROUP = {"everyone", "everybody", "all", "team", "staff", "y'all", "yall", "you", "guys", "folks", "friends", "family",
          "families", "clients", "patients", "client", "patient", "mom", "dad", "parents", "kids", "our", "the", "this",
          "that", "them", "us", "him", "her", "god", "community", "members", "volunteers", "donors", "sponsors",
          "nurses", "doctors", "therapists", "teachers", "coach", "coaches", "grads", "graduates", "class",
          # a person by what they are, not their name: "your child's care", "the baby's first visit"
          "child", "children", "baby", "son", "daughter", "mother", "father", "partner", "spouse", "husband", "wife",
          "teen", "toddler", "infant", "kid", "kiddo", "parent", "grandparent", "loved"}
_NOT_PERSON = {"ORG", "PRODUCT", "WORK_OF_ART", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "LANGUAGE"}


_SPOKEN_TO = re.compile(
    rf"(?:^|(?<=[.!?\n]\s)|(?<=[.!?\n])|(?<={_EMOJI}\s)|(?<={_EMOJI}))[ \t]*(?P<v>{_W}),?[ \t]+(?:u|you)[ \t]+"
    r"(?:were|are|r|did|made|absolute|rock|rocked|crushed|killed|nailed|earned|got|deserve|legend|rockstar|superstar)\b",
    re.IGNORECASE | re.MULTILINE)
_FAMILY = re.compile(r"\b(?:the|both)[ \t]+(?P<v>[^\W\d_][\w'’\-]*?(?:es|s))\b(?![’'])", re.IGNORECASE)
_JOINS_THE_PRACTICE = re.compile(r"(?:welcome[ \t]+(?:\w+[ \t]+)?to|join(?:s|ed|ing)?|part[ \t]+of|member[ \t]+of)[ \t]+the[ \t]+$",
                                 re.IGNORECASE)
_BILLED_BY_SURNAME = re.compile(r"\bthe[ \t]+(?P<v>[A-Z][a-z]{2,})[ \t]+(?:claims?|account|balance|bills?|superbills?|"
                                r"statements?|file|chart|referrals?|PA|prior auth\w*|renewal|ones|intake|case|copays?|"
                                r"ERAs?|EOBs?)\b")
_FAMILY_DOES = re.compile(r"[ \t]+(?:again|want|wanted|called|asked|said|texted|emailed|left|cancell?ed|no-?showed|"
                          r"rescheduled|need|needs|needed)\b", re.IGNORECASE)
_MESSAGE_FROM = re.compile(r"\b(?:vm|voicemail|call|text|email|e-mail|message|msg|note|letter|card)[ \t]+from[ \t]+$",
                           re.IGNORECASE)
# a family by its name: "the nguyen family", "the okonkwo fam", "the ramirez twins"
# (a possessive is no family's name: "the athlete's family"; an apostrophe inside one is: "the O'Brien family")
_NAMED_FAMILY = re.compile(r"\b(?:the|both)[ \t]+(?:(?:whole|entire|lovely|sweet|amazing|wonderful)[ \t]+)?"
                           r"(?P<v>[^\W\d_][\w\-]*(?:['’](?!s\b)[\w\-]+)?)[ \t]+(?:family|fam|household|clan|crew|twins|triplets|"
                           r"boys|girls|kids|kid|boy|girl|sisters|brothers)\b", re.IGNORECASE)


_OWNER_NO_APOSTROPHE = re.compile(rf"(?<![\w'’@#])(?P<v>[^\W\d_]{{3,}}?)s[ \t]+(?:(?:new|whole|first|last|big|lil|little|"
                                  rf"next)[ \t]+)?(?:{_CARE_NOUN}|{_OWN_NOUN})\b", re.IGNORECASE)


# Shapes only a person fits, where a given name that is also a month or a weekday counts too
# ("call june back", "august's mom is in the lobby", "june in rm 3", "april the pt", "her son august"):
# a month is not called back, has no mother, sits in no room and is no patient.
_ROOM = r"(?:rm|room|exam[ \t]+room|bed|bay|chair|op|cubicle)\.?[ \t]*#?\d{1,3}(?!\d)"
_KIN = (r"(?:step-?)?(?:mom|mum|mama|mother|dad|papa|father|parents?|sister|brother|sis|bro|son|daughter)|wife|husband|"
        r"hubby|grandma|grandpa|granny|nana|guardian|caregiver|aunt|uncle")
_PERSON_ONLY = [re.compile(rx, re.IGNORECASE) for rx in (
    rf"\bcall(?:ing|ed)?[ \t]+(?P<v>{_W})[ \t]+back\b",
    rf"\bcall(?:ing|ed)?[ \t]+back[ \t]+(?P<v>{_W})",
    rf"(?<![\w'’@#])(?P<v>{_W}?)['’]s[ \t]+(?:{_KIN})\b",
    # a sibling named after whose they are: "so tariq's little brother Zain wants to join"
    rf"(?<![\w'’@#]){_W}?['’]s[ \t]+(?:(?:little|lil|big|older|younger|baby|twin)[ \t]+)?"
    r"(?:step-?)?(?:sister|brother|sis|bro|son|daughter|mom|dad|mum)[ \t]+(?P<v>" + _W + ")",
    # someone with their own parent: "ROSE & her dad Hector did the workshop together"
    rf"(?<![\w'’@#])(?P<v>{_W})[ \t]+(?:&|and|\+)[ \t]+(?:her|his|their)[ \t]+(?:{_KIN})\b",
    rf"(?<![\w'’@#.])(?P<v>{_W})[ \t]+in[ \t]+{_ROOM}",
    rf"(?<![\w'’@#.])(?P<v>{_W}),?[ \t]+(?:(?:is|was)[ \t]+)?the[ \t]+(?:new[ \t]+|former[ \t]+|current[ \t]+)?"
    r"(?:pt|patient|client)\b(?![ \t]*(?:portal|forms?|app|handbook|lounge|entrance|parking|line|['’]s))",
    rf"\b(?:her|his|their|my|our|your|ur)[ \t]+(?:little[ \t]+one|lil[ \t]+one|youngest|oldest|eldest|{_RELATION})"
    rf"[ \t]+(?P<v>{_W})",  # "tell your husband hunter we said hi", "your little one Chidera"
    # a slot on a schedule, then who fills it: "10:00 Dallas — twin w/ Austin", "9:15 Amelia + grandpa Joe"
    rf"\b\d{{1,2}}:\d\d(?:[ \t]*(?:am|pm|a|p)\b)?[ \t]+(?:[-–—][ \t]+)?(?P<v>{_W})(?=[ \t]*(?:[-–—(,+&]|w/))",
    # someone with their age in brackets: "rm 12 - austin (4yo)"
    rf"(?<![\w'’@#])(?P<v>{_W})[ \t]*\((?:age[ \t]*)?\d{{1,2}}[ \t]*(?:yo|y/o|yrs?|years?|mos?|months?)?\)",
    # a question about what someone did for their own care: "did pat ever get her meal plan", "has ezra sent his forms"
    rf"\b(?:did|does|has|is|was|can|could|will)[ \t]+(?P<v>{_W})[ \t]+(?:ever[ \t]+|already[ \t]+|still[ \t]+|even[ \t]+)?"
    r"[^\W\d_]+[ \t]+(?:his|her|their)\b",
    # a title typed without its capital or stop: "shoutout to mrs lopez & her twins"
    rf"\b(?-i:mr|mrs|ms|miss)[ \t]+(?P<v>(?-i:[a-z])[\w'’\-]{{2,}})",
    # a child called little, in lower case before a capital: "glasses day for little Sky" (not "Little League")
    # (not an amount: "a little Pride in winter")
    r"(?<![\w'’])(?<!\b[aA][ \t])(?-i:little|lil)[ \t]+(?P<v>(?-i:[A-Z][a-z]{1,}))(?![ \t]+(?-i:[A-Z])|[\w'’])",
)]
# "their little guy", "her baby girl": a relation word after another is no name
_RELATION_WORDS = frozenset(w for w in re.findall(r"[a-z]+", _RELATION) if w not in ("s",)) | {"man", "boy", "dude", "lady",
                                                                                          "bear", "bug", "monster", "one"}
# praise that stands for someone: "every clinician, nurse, chef and front-desk hero who made this year possible"
_PRAISE = {"hero", "heroes", "superhero", "superheroes", "superstar", "superstars", "rockstar", "rockstars", "legend",
           "legends", "champ", "champs", "mvp", "mvps", "wizard", "wizards", "warrior", "warriors", "unicorn", "gem"}
# a job said of someone: "Marcus Bell, a Portland school bus driver who gave us permission"
_JOBS = {*OUTSIDE_JOBS, "driver", "nurse", "coach", "officer", "veteran", "student", "barber", "mechanic", "carpenter",
         "lawyer", "engineer", "manager", "founder", "volunteer", "counselor", "dispatcher", "trucker", "welder"}
# what someone is called without their name ("a friend who showed up", "the tía who gave good advice")
_NO_NAME_WORDS = _RELATION_WORDS | _GROUP | _PRAISE | _JOBS | FAMILY_WORDS
# a baby by a given name in any case: "we loved having you and baby mercy in" (not "baby teeth", "baby steps")
_BABY_THINGS = frozenset({"blue", "doll", "bear", "love", "shark", "boomer", "face", "powder", "oil", "bump", "fever",
                          "steps", "teeth", "gate", "shower", "food", "formula", "monitor", "brother", "sister", "boy",
                          "girl", "wipes", "book", "bottle", "bottles", "yoda", "bjorn", "sign", "signs", "talk"})
_BABY_GIVEN = re.compile(rf"\b(?:baby|newborn)[ \t]+(?P<v>{_W})", re.IGNORECASE)
_QUANTIFIED_BEFORE = re.compile(r"\b(?:every|each|any|a|an|the|this|that|no|some|another|one)[ \t]+(?:[\w-]+[ \t]+)?$",
                                re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:her|his|their|my|your|our|its|the|a|an)[ \t]+$", re.IGNORECASE)
# the one a message opens by greeting, then speaks to: "Hi Cash — sorry the portal wouldn't let you pay"
# (a thank-you greets as well: "Thank you Adaeze!! We loved having you", "aw thanks hope!! you crushed it")
_GREETED = re.compile(rf"(?:^|(?<=[.!?\n]\s)|(?<=[.!?\n]))[ \t]*(?:(?:aw+|ha+|oh|omg|ok|okay)[!,.]*[ \t]+)?"
                      r"(?:hi|hello|hey|hiya|dear|thanks|thank you|thank u|thank ya|thx|ty|congrats|congratulations)"
                      rf"(?:[ \t]+so[ \t]+much)?[ \t]+(?P<v>{_W})"
                      r"[ \t]*(?:,|[—–]|-(?=[ \t])|!+)", re.IGNORECASE | re.MULTILINE)
# one called by name at the end of a sentence, then spoken to: "We're sorry to hear this, Destiny. Your concerns ..."
# (not an abbreviation before a number or the next line: "(503) 555-0142, ext. 3", "Pens, paper, etc.")
_CALLED_AT_END = re.compile(rf",[ \t]+(?!(?i:ext|etc|inc|ltd|llc|jr|sr|approx|dept|no|vol|pp)\.)(?P<v>{_W})[ \t]*[.!]+(?=\s)(?![ \t]*\d)")
# one called by name as a reply opens, then spoken to: "'Rahul, we're sorry ur therapist change was bumpy'",
# "Will, ur story is 🔥" (the second of two: "Faith and Noah, thank you both" is found from the first)
_CALLED_AT_START = re.compile(r"(?:^|(?<=[.!?\n]\s)|(?<=[.!?\n])|(?<=['\"“‘]))[ \t]*(?P<v>(?-i:[A-Z])[\w’'\-]+)"
                              # (not who they are: "Sky, the Oyelaran kids' school counselor, called for u")
                              r"(?:[ \t]+(?:and|&)[ \t]+(?-i:[A-Z])[\w’'\-]+)?,[ \t]+(?!(?:the|a|an|our|my|his|her|their)\b)"
                              r"(?=[^.!?\n]{0,60}\b(?:you|your|u|ur|"
                              r"thank|thanks)\b)", re.MULTILINE)
_THANKED_FOR = re.compile(rf"\b(?:thank you|thank u|thanks|thx|ty)(?:[ \t]+so[ \t]+much)?[ \t]+(?P<v>{_W})[ \t]+for\b",
                          re.IGNORECASE)
# someone introduced to the readers: "Meet Thiago! he's 7 ..."
_MET = re.compile(rf"(?:^|(?<=[.!?\n]\s)|(?<=[.!?\n]))[ \t]*(?i:meet)[ \t]+(?P<v>[A-Z][\w’'\-]+)[ \t]*!", re.MULTILINE)
_SPOKEN_TO_AFTER = re.compile(r"\b(?:you|your|yours|u|ur|you['’](?:re|ll|ve|d))\b", re.IGNORECASE)
# what a greeting calls someone without naming them: "hi friend,", "hey girl!", "hello sunshine"
_ENDEARMENTS = {"friend", "love", "hun", "hon", "honey", "sweetie", "babe", "dear", "mama", "girl", "girls", "boys",
                "sunshine", "buddy", "pal", "darling", "gorgeous", "beautiful", "lovely", "ladies", "gents", "doc",
                "doctor", "sir", "ma'am", "madam", "neighbor", "neighbour", "neighbors", "neighbours", "there", "again",
                "world", "fam", "crew", "gang", "guys", "all", "everyone", "folks", "team", "friends", "y'all"}
# a title and one letter: "ms. p in bed 4", "Mr. K says": the initial stands for the surname
_TITLED_INITIAL = re.compile(r"\b(?:mr|mrs|ms|mx|miss)\.?[ \t]+[^\W\d_](?![\w'’.])", re.IGNORECASE)
# a birth told: a month or a weekday after "baby" is then the baby's name ("welcome to the world, baby Sunday!")
_BIRTH = re.compile(r"\b(?:born|arrived|birth|welcome[ \t]+to[ \t]+the[ \t]+world|newborn|delivered|\d+[ \t]*(?:lbs?|oz))\b",
                    re.IGNORECASE)

_BABY_NAMED = re.compile(r"\b(?:baby|newborn)[ \t]+(?P<v>[A-Z][a-z]{2,})(?=[ \t]*[!.,]|[ \t]+(?:is|was|arrived|came|who|and)\b)")
_INITIALLED = re.compile(r"(?<![\w'’])(?P<first>[A-Z][a-z]{2,})[ \t]+[A-Z]\.(?=[\s,;:)”\"'’]|$)")
# (not at a line's end, where the tagger may read the list's next line with it: "noah g.\nfatima")
_INITIALLED_LOWER = re.compile(r"(?<![\w'’.@#])(?P<first>[a-z]{3,})[ \t]+[a-z]\.(?=[ \t,;:)”\"'’])")
_INITIALLED_BEFORE = re.compile(r"(?<![\w'’])[A-Z][a-z]{2,}[ \t]+[A-Z]\.[ \t]*(?:,|and|&)[ \t]*(?:and[ \t]+)?$")
_LIST_JOINT = re.compile(r"[ \t]*(?:,|and|&)[ \t]*(?:and[ \t]+)?")


def _no_name(word: str) -> bool:
    """ "hadn't", "they're", "anyone": a stop word, contraction and all, that is no census given name
    ("... and hadn't told anyone" is no one; "will said he's coming" may be Will)."""
    return function_word(word) and not census_given_name(contraction_stem(word))


class HumanContextRecognizer(NameRecognizer):
    """One or two words the sentence uses as a person (see the module docstring). Every
    shape scores 0.9, above spaCy's 0.85, so a name the sentence settles keeps this
    recognizer as its source and the informal tagger cannot veto it."""

    ENTITY = "PERSON"
    PATTERNS = [
        Pattern("subject_his_her", rf"(?:^|(?<=[.!?\n]\s)|(?<=[.!?\n])|(?<={_EMOJI}\s))[ \t]*(?P<v>{_W}(?:[ \t]+{_W})?)[ \t]+"
                                   rf"(?:just[ \t]+|finally[ \t]+)?\w+(?:ed|s)[ \t]+(?:his|her)\b", 0.9),
        # one spoken of, then a sentence about her or him: "good things about Faith. She came in so shy"
        Pattern("spoken_of", rf"\b(?:about|for|with|to|love|miss|meet)[ \t]+(?P<v>(?-i:[A-Z])[\w’'\-]+)[ \t]*[.!]+[ \t]+"
                             r"(?-i:She|He)[ \t]+(?:\w+ed|came|was|is|has|had|walked|told|said|made|got)\b", 0.9),
        Pattern("cheered", rf"(?:^|(?<=\W))(?:{_CHEER})(?:[ \t]+so[ \t]+much)?[ \t]+(?P<v>{_W}(?:[ \t]+{_W})?)(?=[ \t]*(?:$|[!,.]|"
                           rf"[ \t]+(?:for|on|who|after|she|he|today|tonight|yesterday|again|this[ \t]+week|and|&)\b))", 0.9),
        # a title before a name in any case: "mrs banks we are so glad ...", "ms. o'brien"
        # (the name may hold an apostrophe: "mrs. o'brien")
        Pattern("titled", rf"\b(?:mr|mrs|ms|mx|miss)\.?[ \t]+(?P<v>{_W}?)(?:['’]s)?(?![\w'’])", 0.9),
        Pattern("owner", rf"(?:^|(?<=\W))(?P<v>{_W})['’]s[ \t]+(?:\w+[ \t]+)?(?:{_CARE_NOUN})\b", 0.9),
        # someone's family, pal or little one: "her daughter chiamaka", "our sweet jojo", "my guy TK"
        Pattern("relation", rf"\b(?:her|his|their|my|our)[ \t]+(?:[\w-]+[ \t]+){{0,2}}(?:{_RELATION})[ \t]+(?P<v>{_W})",
                0.9),
        # a relative named in brackets or by "is": "mom (Chidinma) says strep", "father is Chukwuemeka": who
        # the family is, in an intake note, and so who the patient is
        Pattern("relation_named", rf"\b(?:{_RELATION})[ \t]*(?:\([ \t]*|(?:['’]s[ \t]+name[ \t]+)?is[ \t]+)(?P<v>{_W})"
                                  r"(?=[ \t]*(?:$|[).,;!?]))", 0.9),
        # the one thanked for their review: "thx for the review Ibrahim!", "thank u for ur feedback josh."
        Pattern("reviewer", rf"\bfor[ \t]+(?:the|ur|your)[ \t]+(?:\w+[ \t]+){{0,2}}(?:review|rating|stars|feedback|note|words)"
                            rf",?[ \t]+(?P<v>{_W})(?=[ \t]*[!.,]|[ \t]*$)", 0.9),
        Pattern("own_thing", rf"(?:^|(?<=\W))(?P<v>{_W})['’]s[ \t]+(?:(?:new|whole|first|last|big|lil|little)[ \t]+)?"
                             rf"(?:{_OWN_NOUN})\b", 0.9),
        # (an aside in brackets may stand between the name and the deed: "dolores (the one w the parrot) says",
        # "Little Ezekiel (Zeke to his friends) rode")
        Pattern("subject_does", rf"(?:^|(?<=[.!?\n]\s)|(?<=[.!?\n])|(?<={_EMOJI}\s)|{_JOINING})[ \t]*{_CHAT_OPENER}{_LITTLE}(?P<v>{_W})"
                                rf"(?:[ \t]*(?:,|&|\+|and)[ \t]*{_W}){{0,3}}(?:[ \t]*\([^()\n]{{1,60}}\))?[ \t]+"
                                rf"(?:just[ \t]+|finally[ \t]+|officially[ \t]+|still[ \t]+|literally[ \t]+)?"
                                rf"(?:{_HUMAN_DOES})\b", 0.9),
        # what the front desk does with a patient: "call back hope re: her f/u", "can i put sterling in w/ april",
        # "who let RIVER have the sticker drawer"
        # a story's subject with an age after it: "Ana, 34, moved to Portland from Michoacán eight years ago"
        Pattern("name_age", r"(?<![\w'’@#])(?P<v>(?-i:[A-Z])[^\W\d_]+(?:[ \t](?-i:[A-Z])[^\W\d_]+)?),[ \t]*\d{1,2},[ \t]+"
                            r"(?-i:[a-z])", 0.9),
        # a name marked as a client's in brackets: "Obi (pt) prefers texts", "Dana K. (client)"
        Pattern("marked_client", rf"(?<![\w'’@#])(?P<v>(?-i:[A-Z])[\w’'\-]+(?:[ \t](?-i:[A-Z])[\w’'\-]*\.?)?)[ \t]*\((?:pt|client|"
                                 r"patient|new pt|new client)\)", 0.9),
        Pattern("called_back", rf"\bcall(?:ing|ed)?[ \t]+back[ \t]+(?P<v>{_W})", 0.9),
        # someone the desk books, sees or reaches at a time: "u seeing Thandiwe at 2?", "can u take Obi on mondays",
        # "can sb text j.p. that his 2pm moved"
        Pattern("scheduled", rf"\b(?:seeing|see|saw|take|taking|took|cover|covering|text|texting|txt|call|calling|email|"
                             rf"emailing|remind|reminding|book|booking|move|moving|moved|bump|bumped)[ \t]+(?P<v>{_W})[ \t]+"
                             r"(?:at[ \t]+\d|on[ \t]+(?:mon|tue|wed|thu|fri|sat|sun)|(?:tmrw|tomorrow|today|tonight)\b|"
                             r"(?:this|next)[ \t]+(?:week|mon|tue|wed|thu|fri|sat|sun)|that[ \t]+(?:his|her|their)\b)", 0.9),
        # a name said as such, and twins or siblings named in a pair: "his name is Zion", "Sione and Mele (twins)"
        Pattern("named_as", rf"\b(?:his|her|their|my|whose)[ \t]+name(?:['’]s|[ \t]+is)[ \t]+(?P<v>{_W})", 0.95),
        Pattern("pair_first", rf"(?<![\w'’])(?P<v>{_W})[ \t]+(?:and|&|\+)[ \t]+{_W}[ \t]*\((?:twins|siblings|brothers|sisters|"
                              r"cousins|sibs)\)", 0.9),
        Pattern("pair_second", rf"(?<![\w'’]){_W}[ \t]+(?:and|&|\+)[ \t]+(?P<v>{_W})[ \t]*\((?:twins|siblings|brothers|"
                               r"sisters|cousins|sibs)\)", 0.9),
        # the one asked about, or the one a message is from: "is Nkechi the one who needs the ramp?", "text from Dev:",
        # "hey its Destiny can i come at 4"
        Pattern("the_one_who", rf"\bis[ \t]+(?P<v>{_W})[ \t]+the[ \t]+one[ \t]+(?:who|that|with)\b", 0.9),
        Pattern("message_from", rf"\b(?:text|txt|msg|message|sms|dm|vm|voicemail|email|call)[ \t]+from[ \t]+(?P<v>{_W})"
                                r"[ \t]*[:(—–]", 0.9),
        Pattern("its_me", rf"\b(?:hey|hi|hello)[ \t,]+(?:it['’]?s|this[ \t]+is)[ \t]+(?P<v>{_W})\b", 0.9),
        Pattern("call_back", rf"\bcall(?:ing|ed)?[ \t]+(?P<v>{_W})[ \t]+back\b", 0.9),
        Pattern("fitted_in", rf"\b(?:put|squeeze|fit|slot|work)[ \t]+(?P<v>{_W})[ \t]+in\b(?![ \t]+(?:mind|place|charge|touch))",
                0.9),
        Pattern("let_do", rf"\blet[ \t]+(?P<v>{_W})[ \t]+(?:have|take|pick|choose|keep|hold|play|ring|try|sit|stay|wear|"
                          r"borrow)\b", 0.9),
        # a patient by the word for one, told what they did: "pt dawn called", "our client Amber."
        Pattern("patient_named", rf"(?:^|(?<=[\s(]))(?:(?-i:pt)|patient|client)[ \t]+(?P<v>{_W})(?=[ \t]*(?:[,;:(!.]|$)|"
                                 rf"[ \t]+(?:{_HUMAN_DOES}|called|calls|is|was|has|wants)\b)", 0.9),
        # a patient booked into a room or a time: "the superbill for kwame (rm 1) and ama (rm 2)", "mr bishop (3:30)"
        # (not the hours: "we close early (2pm)", "open late (8pm)")
        Pattern("booked", rf"(?<![\w'’])(?!(?:early|late|later|earlier|noon|open|opens|close|closes|closed|closing|back|"
                          rf"lunch|break|until|till|starts?|ends?)\b)(?P<v>{_W})[ \t]*\((?:(?:rm|room|op|chair|bay)\.?[ \t]*\d{{1,2}}|"
                          r"\d{1,2}(?::\d\d)?[ \t]*(?:am|pm)|\d{1,2}:\d\d)\)", 0.9),
        # the one someone reports on: "dr ramirez says mercy can skip the xray"
        Pattern("reported", rf"\b(?:says|said|asked[ \t]+if|wants[ \t]+to[ \t]+know[ \t]+if|thinks)[ \t]+(?P<v>{_W})[ \t]+"
                            r"(?:can|can't|cannot|could|should|shouldn't|needs[ \t]+to|must|may)[ \t]+\w", 0.9),
        # "goes to HAZEL who lost her first tooth"
        Pattern("who_does", rf"(?<![\w'’])(?P<v>{_W}),?[ \t]+who[ \t]+(?:just[ \t]+|finally[ \t]+)?(?:{_HUMAN_DOES})\b", 0.9),
        # "Patient of the month: JOY!"
        Pattern("of_the_month", rf"\b(?:patient|client|pt|kiddo|kid|smile)[ \t]+of[ \t]+the[ \t]+(?:day|week|month|year)"
                                rf"[ \t]*(?:[:\-–—!]+|is)[ \t]*(?P<v>{_W})", 0.9),
        # "PENNY LANE (YES REALLY) IS A NEW PT"
        Pattern("is_a_patient", rf"(?<![\w'’])(?P<v>{_W}(?:[ \t]+{_W})?)(?:[ \t]*\([^()\n]{{1,40}}\))?[ \t]+(?:is|was)[ \t]+"
                                r"(?:a|an|our)[ \t]+(?:new[ \t]+|former[ \t]+|current[ \t]+)?(?:pt|patient|client)\b", 0.9),
        # "we love seeing Lily every week"
        Pattern("seen_gladly", rf"\b(?:love|loved|loves|miss|missed|enjoy|enjoyed)[ \t]+(?:seeing|having|treating|"
                               rf"working[ \t]+with)[ \t]+(?P<v>{_W})", 0.9),
        # a clause's doer in a contraction: "ezra's doing his AAC session in 10"
        Pattern("contracted_does", rf"(?:^|(?<=[.!?\n]\s)|(?<=[.!?\n])|(?<={_EMOJI}\s)|{_JOINING})[ \t]*{_LITTLE}(?P<v>{_W}?)['’]s"
                                   r"[ \t]+(?:doing|having|getting)[ \t]+(?:his|her)\b", 0.9),
        # a line of the day's schedule: "Ifeoma - cancelled", "• Bao: moved up to 10"
        Pattern("status_line", rf"^[ \t]*(?:[-•*▪·]|\d{{1,2}}[.)])?[ \t]*(?P<v>{_W}(?:[ \t]+{_W})?)[ \t]*(?:[-–—:=]|->|→)[ \t]*"
                               r"(?:cancell?ed|cxl|no[- ]?show(?:ed)?|rescheduled|resched|moved|bumped|confirmed|arrived|"
                               r"checked[ \t]+in|running[ \t]+late|late|waitlisted)\b", 0.9),
        # someone seen, heard or helped doing their own thing: "watching Destiny take her first steps"
        Pattern("seen_doing", rf"\b(?:watch|watching|watched|saw|see|seeing|seen|hear|heard|help|helped|helping|helps)"
                              rf"[ \t]+(?P<v>{_W})[ \t]+[^\W\d_]+[ \t]+(?:his|her|their)\b", 0.9),
        # "sunny's been crying in the waiting room", "omar's been asking for you"
        Pattern("contracted_been", rf"(?:^|(?<=[.!?\n]\s)|(?<=[.!?\n])|(?<={_EMOJI}\s)|{_JOINING})[ \t]*{_CHAT_OPENER}{_LITTLE}"
                                   rf"(?P<v>{_W}?)['’]s[ \t]+been[ \t]+[^\W\d_]+ing\b", 0.9),
        # a list after the family word: "the Okafor twins, Chidi and Chidera", "(THE TWINS, ELI & EZRA)"
        Pattern("family_listed", rf"\b(?:twins|triplets|kids|children|sons|daughters|siblings|family|fam)['’]?[ \t]*[,:(]"
                                 rf"[ \t]*(?P<v>{_W})(?=[ \t]*(?:,|&|\+|and)[ \t]*(?:\d+[ \t]+)?{_W})", 0.9),
        # a relative called by kin and name, with no "her" or "his": "mom kehinde literally cried", "wife SUMMER
        # called re: copay", "— mom Adaeze asked if we could do both"
        Pattern("kin_named", rf"(?:^|(?<=[\s(—–\-]))(?i:mom|mum|mama|momma|dad|daddy|papa|grandma|grandpa|granny|nana|"
                             rf"wife|husband|hubby|auntie|aunt|uncle|stepmom|stepdad)[ \t]+(?P<v>{_W})(?![\w'’])", 0.9),
        # a courtesy title in Spanish, Polish or Vietnamese: "mil gracias, sra. hernández", "dziękujemy pan Stasiu",
        # "cảm ơn chị Hương", "Chú Tuấn"
        Pattern("titled_abroad", rf"(?:\b(?i:sra|srta|señora|señorita|doña)\.?|\b(?:Sr|Pan|pan|Pani|pani)\.?"
                                 rf"(?=[ \t]+[A-ZÀ-Ỹ])|(?<![\w])(?i:chị|chú|cô|bác|ông|bà))[ \t]+(?P<v>{_W})(?![\w'’])", 0.9),
        # a quote signed with a first name and an age: "“30 days, i made it” — Dev, 23"
        Pattern("signed_with_age", rf"(?:^|(?<=\s))[—–~][ \t]*(?P<v>{_W}),[ \t]*\d{{1,2}}(?![\w:%/.,]|[ \t]*(?:am|pm)\b)", 0.9),
        # a child with their age first: "when 4yo Kai told Ms. Bethany", "7-year-old Mateo rang our bell"
        # (not after a determiner: "a 2yo goldendoodle", "our 2-year-old goldendoodle" is a kind of dog)
        Pattern("aged", rf"(?<!\ba )(?<!\ban )(?<!\bour )(?<!\bthe )(?<!\bmy )(?<!\byour )(?<!\btheir )"
                        rf"\b\d{{1,2}}[ \t-]*(?:yo|y/o|yr[ \t-]*old|year[ \t-]*old)[ \t]+(?P<v>{_W})(?![\w'’])", 0.9),
    ]
    CONTEXT = []
    FLAGS = re.IGNORECASE | re.MULTILINE

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        not_person = [(e.start_char, e.end_char) for e in getattr(nlp_artifacts, "entities", None) or ()
                      if e.label_ in _NOT_PERSON]
        found = (super().analyze(text, entities, nlp_artifacts, regex_flags) + self._families(text)
                 + self._billed_by_surname(text)
                 + self._named_baby(text) + self._initialled(text)
                 + self._spoken_to(text, nlp_artifacts) + self._owner_without_apostrophe(text)
                 + self._greeted(text) + self._titled_initial(text))
        # (a shape only a person fits stands even where the tagger saw a town: "10:00 Dallas — twin w/ Austin")
        mixed = case_style(text) == "mixed"
        return [r for r in found if not any(s < r.end and r.start < e for s, e in not_person)
                and text[r.start:r.end].casefold() not in _NO_NAME_WORDS
                and not _no_name(text[r.start:r.end])
                # "every person who walks in", "every new grad who", "a 2-yr-old goldendoodle who": in a draft
                # that capitalises its names, a lower-case word after a determiner is a noun
                and not (mixed and text[r.start:r.end].islower() and "-" not in text[r.start:r.end]
                         and _QUANTIFIED_BEFORE.search(text, max(0, r.start - 30), r.start)
                         and is_vocabulary(text[r.start:r.end], self.common_words))] + self._person_only(text)

    def _spoken_to(self, text: str, nlp_artifacts) -> list[RecognizerResult]:
        """ "chioma u absolute rockstar", "hunter u were a champ": a word opening a clause and
        then told what they are or did. The tagger's verb there is no one ("hope you are well")."""
        verbs = {t.idx for t in getattr(nlp_artifacts, "tokens", None) or () if t.pos_ in ("VERB", "AUX")}
        out = []
        for m in _SPOKEN_TO.finditer(text):
            word = m.group("v")
            if m.start("v") in verbs or not self._namelike(word) or is_vocabulary(word, self.common_words) \
                    and word.casefold() not in given_names():
                continue
            out.append(self._found(m.start("v"), m.end("v")))
        return out

    def _person_only(self, text: str) -> list[RecognizerResult]:
        """_PERSON_ONLY's shapes: a name there, or a given name that is also a month or a weekday
        ("call june back"), unless a date's preposition stands before it ("since june's ...")."""
        out = []
        lower_case = case_style(text) == "lower"
        for rx in _PERSON_ONLY:
            for m in rx.finditer(text):
                word, low = m.group("v"), m.group("v").casefold()
                if re.match(r"lil|little", m.group(0)) and low.endswith("s") and low not in given_names():
                    continue  # a team's plural, not a child: "a little Lakers victory dance"
                if low in STOP_WORDS or low in _RELATION_WORDS or low in _ENDEARMENTS \
                        or _DETERMINER_BEFORE.search(re.sub(r"\([^()\n]{0,20}\)[ \t]*$", "",  # "the (empty) couch in room 3"
                                                            text[max(0, m.start("v") - 30):m.start("v")])):
                    continue  # "Will the patient ...": a question; "left her airpods in room 3": a thing
                dated = low in MONTHS or low in WEEKDAYS
                if dated and not (low in given_names() and not DATE_PREPOSITION_BEFORE.search(text, max(0, m.start("v") - 12),
                                                                                          m.start("v"))):
                    continue
                # in a mixed-case draft an unknown lower-case word is a thing ("left her airpods in room 3");
                # where nothing is capitalised, the shape alone speaks
                known = low in given_names() or low in common_surnames() or word[:1].isupper() or lower_case
                if dated or (known and self._namelike(word)):
                    out.append(self._found(m.start("v"), m.end("v")))
        for m in _BABY_GIVEN.finditer(text):
            low = m.group("v").casefold()
            if low in given_names() and low not in _BABY_THINGS and low not in STOP_WORDS and low not in MONTHS | WEEKDAYS:
                out.append(self._found(m.start("v"), m.end("v")))
        return out

    def _greeted(self, text: str) -> list[RecognizerResult]:
        """ "Hi Cash — so sorry the portal ...", "hey vy, your refill ...": a message that greets one word and
        then speaks to someone greets a person by name, though the word is also English; not a group
        ("hi team") or an endearment ("hey girl")."""
        out = []
        # (a greeted or called name must then be spoken to; an introduced one need not)
        found = [(m, not self._greets_a_given_name(text, m)) for m in _GREETED.finditer(text)]
        # (called at a sentence's end: a name, not the last of a list of what something is: "24/7, free.")
        found += [(m, True) for m in _CALLED_AT_END.finditer(text)
                  if m.group("v").casefold() not in adjectives() or census_given_name(m.group("v"))]
        found += [(m, True) for m in _CALLED_AT_START.finditer(text)
                  if m.group("v").casefold() in given_names() or not is_vocabulary(m.group("v"), self.common_words)]
        # ("thank you chidinma for being such a trooper": the thanks itself speaks to them)
        # (not a username: "Thank you DrewTheBuilder99 for the review!" is a handle)
        found += [(m, False) for m in _THANKED_FOR.finditer(text)
                  if not re.search(r"\d|[a-z][A-Z]", m.group("v"))
                  and (m.group("v").casefold() in given_names() or not is_vocabulary(m.group("v"), self.common_words))]
        for m, spoken_to in found + [(m, False) for m in _MET.finditer(text)]:
            word, low = m.group("v"), m.group("v").casefold().replace("’", "'")
            end = min(len(text), m.end() + 160)
            # (a capitalised stop word that people are named is a name here: "Hi Will, we don't want to lose you")
            if (low in STOP_WORDS and not (word[:1].isupper() and census_given_name(word))) \
                    or low in _GROUP or low in _ENDEARMENTS or low in MONTHS or low in WEEKDAYS \
                    or is_country_or_state(word) or (low in cities()[0] and low not in given_names()) \
                    or (spoken_to and not _SPOKEN_TO_AFTER.search(text, m.end(), end)) \
                    or limit_after_quantity(text, m.start("v"), m.end("v")):
                continue
            out.append(self._found(m.start("v"), m.end("v")))
        return out

    @staticmethod
    def _greets_a_given_name(text: str, m: re.Match) -> bool:
        """ "hi faith, so sorry about the wait": a message opening by greeting a given name with a comma greets
        that person, though nothing after says "you"."""
        return m.group("v").casefold() in given_names() and not text[:m.start()].strip() \
            and text[m.end("v"):m.end("v") + 1] == ","

    def _titled_initial(self, text: str) -> list[RecognizerResult]:
        return [self._found(m.start(), m.end()) for m in _TITLED_INITIAL.finditer(text)]

    def _named_baby(self, text: str) -> list[RecognizerResult]:
        """ "Welcome to the world, baby Journey!": a capitalised word right after "baby" names the baby,
        though it is also a word (a lower-case "baby boy" or a capitalised "Baby Shark" does not)."""
        birth = bool(_BIRTH.search(text))  # then "baby Sunday" is the baby's name, not a day
        # (a capital makes "baby Will." a name: a stop word that is a census given name counts)
        return [self._found(m.start("v"), m.end("v")) for m in _BABY_NAMED.finditer(text)
                if (m.group("v").casefold() not in STOP_WORDS or census_given_name(m.group("v")))
                and m.group("v").casefold() not in _GROUP
                and (birth or m.group("v").casefold() not in MONTHS | WEEKDAYS)]

    def _initialled(self, text: str) -> list[RecognizerResult]:
        """ "Winter S.", "Bear H.": a first name and the initial of the surname, as reviews and lists of
        patients write them; a word that is also English counts in a list of such names
        ("Rahel T., Marco D., Winter S.") or quoted as a reviewer's name, so "Vitamin D." stays a vitamin."""
        out = []
        for m in _INITIALLED.finditer(text):
            word = m.group("first")
            listed = _INITIALLED_BEFORE.search(text, max(0, m.start() - 30), m.start()) \
                or _INITIALLED.match(text, _LIST_JOINT.match(text, m.end()).end() if _LIST_JOINT.match(text, m.end()) else m.end())
            quoted = text[max(0, m.start() - 1):m.start()] in "\"“'‘" and m.start() > 0
            if word.casefold() in STOP_WORDS | _GROUP | MONTHS | WEEKDAYS and not (listed and word.casefold() in given_names()):
                continue  # (but "Will A. (shoulder) and Will M. (back)" lists two patients)
            if not (self._namelike(word) or listed or quoted):
                continue
            out.append(self._found(m.start(), m.end()))
        # typed in lower case: a given name and an initial ("rm 1 austin p.", "chelsea m. (tues 10am)")
        for m in _INITIALLED_LOWER.finditer(text):
            word = m.group("first")
            if word in given_names() and word not in STOP_WORDS | _GROUP | MONTHS | WEEKDAYS:
                out.append(self._found(m.start(), m.end()))
        return out

    def _owner_without_apostrophe(self, text: str) -> list[RecognizerResult]:
        """ "ellas last visit", "paulas husband": a given name and an "s" the phone left without
        its apostrophe, before what is a person's own."""
        return [self._found(m.start("v"), m.end("v")) for m in _OWNER_NO_APOSTROPHE.finditer(text)
                if m.group("v").casefold() in given_names() and self._namelike(m.group("v"))
                and (m.group("v") + "s").casefold() not in STOP_WORDS  # "this year" is no Thi's year
                # (a verb and its "back" is no one's back: "traces back to her work" is no Trace's back)
                and not (re.match(r"s[ \t]+back\b", text[m.end("v"):m.end("v") + 8], re.IGNORECASE)
                         and is_vocabulary(text[m.start("v"):m.end("v") + 1].casefold(), self.common_words))]

    def _found(self, start: int, end: int) -> RecognizerResult:
        return RecognizerResult(self.ENTITY, start, end, 0.9, recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})

    def _billed_by_surname(self, text: str) -> list[RecognizerResult]:
        """ "the Aguilar claims", "the Trevino PA renewal", "the Haddad ones": a family's care by a census surname
        that is no English word."""
        return [self._found(*m.span("v")) for m in _BILLED_BY_SURNAME.finditer(text)
                if m.group("v").casefold() in common_surnames() and not is_vocabulary(m.group("v"), self.common_words)
                and m.group("v").casefold() not in cities()[0]]

    def _families(self, text: str) -> list[RecognizerResult]:
        """ "the Garcias of Boise", "the hendersons are moving": a surname in the plural is a family."""
        out = []
        for m in _FAMILY.finditer(text):
            word = m.group("v")
            low = word.casefold()
            stems = (low[:-1], low[:-2]) if low.endswith("es") else (low[:-1],)  # "Garcias", "Joneses"
            stem = next((x for x in stems if x in common_surnames()), None)
            if stem and not is_vocabulary(stem, self.common_words):
                out.append(self._found(m.start("v"), m.end("v")))
            elif word[:1].isupper() and word[1:].islower() and len(low) >= 6 and not low.endswith(("ss", "ys")) \
                    and not is_vocabulary(low, self.common_words) and not is_vocabulary(low[:-1], self.common_words) \
                    and low[:-1] not in cities()[0] and low[:-1] not in given_names() and self._namelike(low[:-1]) \
                    and (_FAMILY_DOES.match(text, m.end("v")) or _MESSAGE_FROM.search(text, max(0, m.start() - 24), m.start())):
                # "vm from the Okonkwos again", "the Adeyemis called": a family by a name no list has (not "thanks to the
                # Lakers")
                out.append(self._found(m.start("v"), m.end("v")))
        for m in _NAMED_FAMILY.finditer(text):
            low = m.group("v").casefold()
            if _JOINS_THE_PRACTICE.search(text, max(0, m.start() - 20), m.start() + 4):
                continue  # "welcome to the Brightwater family": the practice's own
            if re.search(r"\s(?:kid|boy|girl)$", m.group(0), re.IGNORECASE) and not m.group("v")[0].isupper():
                continue  # one child by the family's name is capitalised: "the Lindqvist kid" (not "the goodest boy")
            if low in common_surnames() and not is_vocabulary(low, self.common_words) \
                    or (not is_vocabulary(low, self.common_words) and low not in given_names() and self._namelike(low)):
                out.append(self._found(m.start("v"), m.end("v")))
        return out

    def adjust_span(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        words = list(re.finditer(_W, text[start:end]))
        keep = [w for w in words if self._namelike(w.group(0))]
        if not keep or keep[0] is not words[0]:
            return None  # "congrats to our Bush" - the first word must be the name
        last = keep[0]
        if len(keep) > 1 and keep[1] is words[1]:
            last = keep[1]
        return start + words[0].start(), start + last.end()

    def _namelike(self, word: str) -> bool:
        low = word.casefold().replace("’", "'")
        if "'" in low and low.split("'")[0] in STOP_WORDS:
            return False  # "I'd", "she'll", "we've": a pronoun's contraction
        if re.fullmatch(r"(?:o|d|mc|mac)'[^\W\d_]{3,}", low) and low != "o'clock":
            return True  # "mrs. o'brien", "d'angelo": a family name's shape, though a dictionary may list it
        if low in DEED_VERBS and word.islower():
            return False  # "my wife said ...": what she did, not her name
        if len(low) >= 3 and word[:1].isupper() and word[1:].islower() and low in given_names() \
                and low in STOP_WORDS and low not in MONTHS:
            return True  # "Our guy Will walked", "Thank you, Will!": capitalised where a person stands
        if low in STOP_WORDS or low in _GROUP or low in MONTHS or low in WEEKDAYS or is_country_or_state(word):
            return False
        if low in given_names() or low in common_surnames():
            return True
        if word.islower() and len(low) >= 3 and low.isascii() and not re.search(r"[aeiouy]", low):
            return False  # "sdf stopped the lesions": an abbreviation, not a name
        return not is_vocabulary(low, self.common_words)
