"""Word families the rules share: conditions, care, progress, references to
one specific patient. Regex fragments (non-capturing), so rules combine them
with context windows instead of memorising example sentences."""
from __future__ import annotations

import re

from checks.policy.base import alt

NUM = alt(r"\d+", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "a few", "several", "many")
ORDINAL = alt(r"\d+(?:st|nd|rd|th)", "first", "second", "third", "fourth", "fifth", "sixth",
              "seventh", "eighth", "ninth", "tenth", "twelfth", "last", "final")

# Diagnoses a clinician could pin on a person.
DIAGNOSIS = alt(
    r"c?-?ptsd", r"post-?traumatic stress", r"ocd", r"obsessive[- ]compulsive", r"bipolar(?: disorder)?",
    # (the abbreviations "ADD" and "DID" in capitals only: never the verbs "add" and "did")
    r"adhd", r"(?-i:\bADD\b)", r"autis\w*", r"asperger\w*", r"(?:an )?eating disorder", r"anorexi\w*", r"bulimi\w*",
    r"binge[- ]eating", r"schizo\w*", r"psychos[ie]s", r"psychotic", r"borderline(?: personality)?", r"bpd",
    r"(?:narcissistic|antisocial|avoidant|histrionic) (?:personality )?(?:disorder)?", r"personality disorder",
    r"(?:clinical |major |postpartum |severe |chronic )?depress\w*", r"mdd", r"gad", r"social anxiety",
    r"(?:generali[sz]ed )?anxiety(?: disorder)?", r"panic disorder", r"agoraphobi\w*", r"insomnia",
    r"dementia", r"alzheimer\w*", r"dyslexi\w*", r"tourette\w*", r"manic", r"mania", r"hypomani\w*",
    r"dissociative(?: identity)?(?: disorder)?", r"(?-i:\bDID\b)", r"codependen\w*", r"sex addiction",
    r"(?:an? )?(?:alcohol|drug|substance|gambling|porn) (?:problem|use disorder|addiction)", r"alcoholi\w*",
    r"(?:[\w-]+ ){1,3}(?:disorder|syndrome)", r"(?:a |an )?(?:depressive|manic|psychotic|dissociative) episode",
)

# Conditions and life events that are health information about someone.
CONDITION = alt(
    DIAGNOSIS, r"trauma\w*", r"anxi\w+", r"panic(?: attacks?)?", r"phobi\w*", r"nightmares?", r"flashbacks?",
    r"self[- ]harm\w*", r"cutting", r"suicid\w*", r"overdos\w*", r"addict\w*", r"alcohol\w*", r"drinking",
    r"sobriety", r"sober", r"relaps\w*", r"substance", r"opioids?", r"grie(?:f|ving)", r"bereave\w*",
    r"divorce", r"miscarriage", r"infertility", r"postpartum", r"abuse\w*", r"assault\w*", r"hallucinat\w*",
    r"burn-?out", r"intrusive thoughts", r"compulsions?", r"obsessions?", r"mood swings", r"psych ward",
    r"breakdown", r"diabet\w*", r"cancer", r"hiv", r"pregnan\w*", r"illness", r"chronic pain", r"disorder",
    r"migraines?", r"headaches?", r"back pain", r"injur(?:y|ies)", r"infections?", r"asthma", r"concussions?",
    r"seizures?", r"epilepsy", r"arthritis", r"blood pressure", r"stroke", r"heart attack", r"miscarri\w+",
    r"eating disorder", r"meltdowns?", r"tantrums?", r"crisis", r"suicide attempt", r"hoarding", r"fear of \w+",
    r"bruis\w*", r"cps", r"neglect\w*", r"purg\w+", r"restrict\w*",
)

# everyday medicines, over the counter and for long-term conditions
MEDICINES = (r"tylenol", r"motrin", r"advil", r"ibuprofen", r"acetaminophen", r"aleve", r"naproxen", r"benadryl",
             r"zyrtec", r"claritin", r"aspirin", r"antibiotics?", r"amoxicillin", r"augmentin", r"azithromycin",
             r"z-?pack", r"prednisone", r"steroids?", r"lisinopril", r"metformin", r"insulin", r"statins?",
             r"atorvastatin", r"levothyroxine", r"amlodipine", r"losartan", r"albuterol", r"epi-?pen",
             r"hydrocortisone", r"cortisone", r"antihistamines?", r"neosporin", r"tamiflu", r"miralax", r"zofran",
             r"flonase", r"nystatin")
# Care: what a clinician did or gave.
CARE = alt(
    r"sessions?", r"therapy", r"counsel+ing", r"treatment(?: plan)?", r"meds", r"medications?",
    r"prescri\w+", r"dos(?:e|age|ing)", r"\d+ ?mg", r"emdr", r"cbt", r"dbt", r"exposure(?: therapy| work)?",
    r"ssris?", r"antidepressants?", r"anti-?anxiety", r"zoloft", r"prozac", r"lexapro", r"sertraline",
    r"fluoxetine", r"escitalopram", r"xanax", r"klonopin", r"ativan", r"adderall", r"ritalin", r"lithium",
    r"wellbutrin", r"seroquel", r"abilify", r"ketamine", r"hospitali[sz]\w*", r"inpatient", r"outpatient",
    r"rehab", r"detox", r"intake", r"diagnos\w+", r"assessment", r"appointments?", r"visits?",
    r"procedure", r"surgery", r"crowns?", r"root canal", r"implants?", r"fillings?", r"extractions?",
    r"braces", r"x-rays?", r"check-?ups?", r"homework", r"safety plan", r"group", r"chemo(?:therapy)?", r"radiation",
    r"coping plan", r"crisis (?:line|plan)", r"prior auth\w*", r"(?:medical |disability )?leave", r"evals?",
    r"tms", r"ketamine", r"infusions?", r"hearing aids?", r"cpap", r"inhalers?", r"dentures", r"glasses",
    # procedures of other specialties: med spa, chiropractic, orthodontics, PT, OB, optometry
    r"fillers?", r"botox", r"syringes?", r"touch[- ]?ups?", r"(?:lip|dermal) flip", r"injections?", r"injectables?", r"microneedling", r"(?:chemical )?peels?", r"adjustments?",
    r"aligners?", r"invisalign", r"retainers?", r"veneers?", r"deep cleaning", r"dry needling", r"acupuncture", r"cupping",
    r"ultrasounds?", r"mri", r"ct scan", r"bloodwork", r"stitches", r"sutures", r"splints?", r"orthotics", r"lasik",
    r"refills?", r"epidural", r"c-section", r"iud", r"pap smear", r"mammogram", r"colonoscopy",
    *MEDICINES,
)

# Progress or setbacks over time: what makes a story specific.
PROGRESS = alt(
    r"finally", r"no longer", r"first time", r"break-?through", r"progress", r"improv\w+", r"better",
    r"recover\w*", r"relaps\w*", r"slept through", r"back (?:to|at) (?:work|school|college|the gym)",
    r"made it", r"milestone", r"transform\w*", r"worse", r"struggl\w+", r"came to (?:me|us|see me)",
    r"graduat\w+", r"discharged", r"(?:was|were|got|been|is|being) (?:diagnosed|hospitali[sz]ed|admitted|referred)",
    NUM + r" (?:sessions?|weeks?|months?|years?|days?)", r"(?:session|week|month|day) (?:#\s?)?\d+",
    ORDINAL + r" (?:session|appointment|visit)", r"(?:stopped|started|quit|tapered|reduced)",
    r"panic-free", r"symptom-free", r"(?:days?|months?|years?) (?:sober|clean)", r"proud of (?:her|him|them)",
    r"by (?:him|her|them)sel(?:f|ves)", r"on (?:his|her|their) own", r"(?:could|can)(?:n'?t| not| now| finally)",
    r"(?:was|is|were) (?:finally )?able to", r"for the first time", r"used to", r"fears?", r"worries", r"worked on",
    r"slept", r"reconnect\w*", r"estranged", r"opened up", r"losing (?:her|his|their)", r"lost (?:her|his|their)",
    r"passed away", r"tears?", r"cried", r"courage", r"brave",
)

# When something happened: a dated narrative is about someone in particular.
TIME = alt(
    r"today", r"tonight", r"yesterday", r"this (?:morning|afternoon|evening|week|month|year|weekend)",
    r"last (?:night|week|month|year|session|weekend)", r"all week", r"every (?:week|day|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)", r"(?:in|since) (?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)", r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
)

_WHO = alt(r"(?:young |older |elderly |teen(?:age)? |adolescent |retired |single |new |working |college )?"
           + alt("man", "woman", "guy", "lady", "gentleman", "mom", "mother", "dad", "father", "parent",
                 "teen", "teenager", "boy", "girl", "kid", "child", "student", "veteran", "vet", "nurse",
                 "teacher", "couple", "family", "widow", "widower", "firefighter", "officer", "athlete",
                 "executive", "person", "someone", "individual", "husband", "wife", "survivor", "grandmother", "kiddo",
                 "little one", "youngster", "toddler", "preteen", "tween", "senior", "elder", "adult", "freshman",
                 "grandfather", "grandma", "grandpa", "retiree", "dancer", "pilot", "soldier", "marine",
                 # someone known by what they do in town: "a state-champion swimmer", "a certain city councilor"
                 "swimmer", "runner", "gymnast", "cheerleader", "wrestler", "skater", "councilor", "councillor",
                 "council member", "commissioner", "legislator"))
_WHO_PL = alt("kids", "teens", "teenagers", "people", "families", "moms", "mothers", "dads", "fathers", "parents",
              "veterans", "vets", "students", "folks", "women", "men", "couples", "adults", "survivors", "youth",
              "boys", "girls", "children", "clients", "patients", "guys", "ladies", "kiddos", "gals")
WHO_PL = _WHO_PL
WHO = _WHO
# an age that is an animal's or a thing's: "this sweet 3-year-old beagle mix", "our 10-year-old practice"
_ANIMAL = (r"(?:[\w-]+ ){0,2}(?:dog|cat|pup|puppy|corgi|beagle|doodle|goldendoodle|labradoodle|lab|retriever|terrier|"
           r"poodle|spaniel|shepherd|husky|pit ?bull|mix|mutt|rescue|kitten|kitty|tabby|bunny|rabbit|ferret|horse|pony|"
           r"golden|pug|dachshund|chihuahua|greyhound|boxer|collie|heeler|shih tzu|bernedoodle|aussie|cavalier|"
           r"parrot|tortoise|pet|mascot|practice|clinic|office|building|tradition|program|company|business)s?\b")
_AGE = r"\d{1,2}[- ]?(?:year|yr)s?[- ]old\b"
_SEE_VERB = (r"(?:'ve|'d|'m| have| had| am| are| was| were)?(?: (?:recently|just|also|once|finally|now))?(?: been)?"
             r"(?: (?:started|began|start|begin) (?=seeing|working))? (?:work(?:ing|ed)? with|see(?:ing)?|saw|seen|"
             r"treat(?:ing|ed)?|counsel(?:l?ing|l?ed)?|support(?:ing|ed)?|met with|meet with|started with|help(?:ed|ing)?|"
             r"mentioned|told you about|wrote about|posted about|talked about)")
# ("patient" the adjective is no one in care: "one very patient therapist", "so patient with me")
CLIENT = alt("client", r"patient(?! (?:therapist|teacher|dietitian|nurse|doctor|mom|dad|parent|partner|friend|person|"
                       r"listener|guide|coach|and kind|with (?:me|us|him|her|them|you|yourself|myself|each other))\b)",
             "counselee", "therapy client", "mentee", "analysand")

# "We cannot discuss anyone's visits online": a safe reply talks about care only to refuse to.
REFUSAL = (r"(?:\b(?:can'?t|cannot|unable to|not able to|won'?t|will not|do not|don'?t|never|not|neither) "
           r"(?:\w+ ){0,3}(?:discuss|confirm|deny|comment on|share|talk about|disclose|acknowledge|address|reveal|"
           r"respond to|speak to|get into|go into)\b"
           # no access at all: "we don't have access to their scheduling or records" (another practice's)
           r"|\b(?:do not|don'?t|does not|doesn'?t|cannot|can'?t)\s+(?:\w+\s+)?(?:have access to|access|"
           r"handle|manage)\b"
           # the law speaking: "Federal privacy law prevents us from confirming whether any person is or was a patient"
           r"|\b(?:prevents?|prohibits?|bars?|keeps?|stops?)\s+us\s+from\s+(?:confirming|discussing|sharing|disclosing|"
           r"commenting|responding|acknowledging|talking))")

# A refusal and what it refuses to talk about: "we never comment on anyone's care here", "I can't
# discuss whether someone is or was a patient of ours". Its care words are no one's care.
_REFUSAL_CLAUSE = re.compile(REFUSAL + r"\s+(?:\w+\s+){0,2}?(?:anyone|anybody|someone|somebody|whether|if|who|patients?|"
                             r"clients?|any|details|specifics|individual|personal|protected|private|health|medical|"
                             r"care|visits?|treatment|records?|information|info|appointments?|appts?|sessions?|"
                             r"bills?|billing|accounts?|scheduling|insurance)\b[^.!?\n,;:—–]*", re.IGNORECASE)


# what no one needs: "open to everyone, no appointment or purchase needed" names nobody's visit
_NOT_NEEDED = re.compile(r"\bno (?:appointment|appt|visit|referral|prescription|purchase|insurance|exam)s?"
                         r"(?: (?:or|and|/) \w+)? (?:needed|necessary|required)\b", re.IGNORECASE)


def refusal_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _REFUSAL_CLAUSE.finditer(text)] + [m.span() for m in _NOT_NEEDED.finditer(text)]


# A question someone asked, told as the hook of an answer for everyone: "A patient asked us this week whether
# blue-light glasses prevent eye strain ... Short answer: no", "the question I hear most in first sessions:". The
# question is nobody's care while it says nothing of the asker ("if her rash is herpes" does).
_ASKED_HOOK = re.compile(
    r"\b(?:a|one|our|my) (?:new |recent |sweet |young )?(?:patient|client|parent|mom|dad|kiddo|family)s? (?:\w+ )?asked "
    r"(?:me|us)\b(?: this)?(?:\s+(?:today|this (?:week|morning|month)|yesterday|recently|the other day|last week))?"
    r"(?:\s+(?:if|whether|why|what|how|about|when|where|should|can|does|do|is)\b|\s*:\s*[\"“])[^.!?\n]*"
    # the question first: "“Do whitening strips ruin your enamel?” A patient asked us this last week"
    r"|[\"“][^\"”\n]{3,200}\?[\"”]\s*(?:a|one|our|my) (?:new |recent )?(?:patient|client|parent|mom|dad|family)s? "
    r"(?:\w+ )?asked (?:me|us)\b[^.!?\n]*"
    r"|\bthe (?:question|thing) (?:i|we) (?:hear|get|am asked|are asked)(?: asked)? (?:the )?most\b[^.!?\n]*"
    r"|\b(?:one of )?(?:our|the) most common questions?\b[^.!?\n]*"
    # a reader's question quoted, then how often it comes: "“Is it normal that my 2-year-old ...?” We hear this question
    # every single week"
    r"|[\"“][^\"”\n]{3,200}\?[\"”]\s*(?:we|I) (?:hear|get|are asked|am asked|field) (?:this|that)\b[^.!?\n]*",
    re.IGNORECASE)
_ANSWERED = re.compile(r"\b(?:short|quick|simple|honest|real) answer\b|\bgreat question\b|\bhere['’]?s (?:the answer|what|why|"
                       r"how)\b|\bmost common questions?\b|\b(?:we|i) (?:hear|get) (?:this|it) (?:a lot|all the time|often)\b"
                       r"|\b(?:we|i) (?:hear|get) this question\b|\blet['’]?s talk about it\b"
                       r"|\bhear most\b|\bget asked\b|\bone we hear\b|\bhere['’]?s the answer\b|🧵", re.IGNORECASE)
_ABOUT_THE_ASKER = re.compile(r"\b(?:she|he|her|his|him|hers)\b", re.IGNORECASE)
_A_SLOT = re.compile(r"\d{1,2}(?::\d\d)? ?(?:am|pm)\b|\d{1,2}:\d\d", re.IGNORECASE)  # "whether my 3pm ...": a client


# a Q&A post's questions, each on its own "Q:" line and answered on an "A:" line
_QA_QUESTION = re.compile(r"^[ \t*•-]*(?:Q\d*|Question(?: \d+)?)[ \t]*[:.)\-–—][^\n]*", re.MULTILINE | re.IGNORECASE)
# (the one answering may be named: "A (Dr. Maya Chen, psychologist):")
_QA_ANSWER = re.compile(r"^[ \t*•-]*(?:A\d*|Answer)[ \t]*(?:\([^()\n]{1,80}\)[ \t]*)?[:.)\-–—]", re.MULTILINE | re.IGNORECASE)


_FAQ_QUESTION_LINE = re.compile(r"^[ \t]*(?:can|could|should|will|would|do|does|is|are|what|how|when|who|why|where|which)\b"
                                r"[^\n?]{5,150}\?[ \t]*(?=\n[ \t]*\n[ \t]*\S)", re.MULTILINE | re.IGNORECASE)


# a question put to every reader about whether they are a client: "not a client? doesn't matter",
# "Already a patient?", "New client?", "Are you a current client of ours?"
_ARE_YOU_A_CLIENT = re.compile(
    r"(?:^|(?<=[\s.!]))(?:(?:are|were)[ \t]+you[ \t]+)?(?:not[ \t]+(?:yet[ \t]+)?|already[ \t]+|never[ \t]+been[ \t]+)?"
    r"(?:a|an|our)?[ \t]*(?:(?:new|current|existing|former|returning)[ \t]+)?(?:client|patient)s?"
    r"(?:[ \t]+(?:yet|here|of ours|already))?[ \t]*\?", re.IGNORECASE)


def question_hook_spans(text: str) -> list[tuple[int, int]]:
    """Questions asked of the practice and answered for every reader, that say nothing of the asker;
    and a reader asked whether they are a client at all."""
    qa = [m.span() for m in _QA_QUESTION.finditer(text)
          if not _ABOUT_THE_ASKER.search(m.group()) and not _A_SLOT.search(m.group())] if _QA_ANSWER.search(text) else []
    qa += client_question_spans(text)
    # an FAQ's question, a line of its own answered below it: "Can my 15-year-old see a therapist without my permission?"
    qa += [m.span() for m in _FAQ_QUESTION_LINE.finditer(text) if not _ABOUT_THE_ASKER.search(m.group())]
    if not _ANSWERED.search(text):
        return qa
    # (nor after it: "... great question 😂 she was so nervous" tells of the asker after all)
    return qa + [m.span() for m in _ASKED_HOOK.finditer(text)
                 if not _ABOUT_THE_ASKER.search(text, m.start(), m.end() + 150) and not _A_SLOT.search(m.group())]


def client_question_spans(text: str) -> list[tuple[int, int]]:
    """A reader asked whether they are a client at all: a question put to everyone, no one's care."""
    return [m.span() for m in _ARE_YOU_A_CLIENT.finditer(text) if _whole_sentence(text, *m.span())]


def _whole_sentence(text: str, start: int, end: int) -> bool:
    """Nothing but blanks or emoji between the span and the sentence before it."""
    before = text[max(0, start - 80):start]
    cut = max(before.rfind(c) for c in ".!?\n")
    return not re.search(r"[^\W_]", before[cut + 1:])


# An appointment slot used as a name for a client: "my 2pm", "my Tuesday 4pm".
SLOT = (r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening) )?"
        r"(?:\d{1,2}(?::\d\d)? ?(?:am|pm)|\d{1,2} o'?clock|noon)")

# A reference to one specific, real patient (not "clients often..." or "when a client...").
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_CLOCK = r"(?:\d{1,2}:\d\d(?: ?(?:am|pm))?|\d{1,2} ?(?:am|pm)|\d{1,2} o'?clock)"
PATIENT_REF = alt(
    # a slot standing for the client in it: "our 9:15 tuesday rolls in", "before her thursday 4pm"
    r"\b(?:my|our) (?:" + _DAY + r" )?" + _CLOCK + r"(?: (?:on )?" + _DAY + r"s?)?(?: (?:client|patient|regular|kiddo|"
    r"kid|guy|girl|lady|dude))? (?:rolls?|rolled|came|comes|walked|walks|showed|shows|just|finally|is|was|told|said|"
    r"texted|brought|brings|cried|asked|arrived|left|made|makes|got|gave|gives|sent|sends|painted|cancel\w*|no-?showed)\b",
    # a slot spoken to, or placed on a day: "To our 10:30 this morning: your keys are at the desk", "shoutout to my 4pm"
    r"\b(?:to|hey|hi|dear|shout-?out to|shout out to|thanks?|thank you|congrats)\s+(?:my|our) (?:" + _DAY + r" )?" + _CLOCK
    + r"(?! ?(?:meeting|call|class|webinar|lecture|huddle|lunch))\b",
    r"\b(?:my|our) " + _CLOCK + r" (?:this (?:morning|afternoon|evening)|today|yesterday|tonight|last night)\b",
    # the therapist's point of view: "when your tuesday 5:30 brings you a handmade ornament"
    r"\b(?:your|ur) (?:" + _DAY + r" )?" + _CLOCK + r"(?: (?:on )?" + _DAY + r"s?)?"
    r"(?: (?:[\w-]+ )?(?:client|patient|regular|kiddo|kid|guy|girl|lady|dude|mom|dad))?"  # "your 7am acl guy"
    r" (?:finally |just |actually |has |had )?"
    r"(?:rolls?|brings|brought|gives|gave|sends|sent|texts|texted|tells|told|cries|cried|hugs|hugged|makes|made|does|did|"
    r"nails|nailed|walks|walked|asks|asked|shows|showed|gets|got|says|said)\b",
    # a baby's birth with its weight: "born 3:12 am sunday ..., 7 lb 4 oz"
    r"\b(?:welcome to the world|born)\b[^.!?\n]{0,80}\b\d{1,2}\s?(?:lb|lbs|pounds?)\b",
    # a birth in the practice's own rooms: "Born 12/2 at 3:14 a.m. right here at our birth center to mama Jess"
    r"\b(?:born|arrived)\b[^!?]{0,60}?\b(?:here at|at|in) (?:our|the) (?:[\w-]+ )?(?:birth(?:ing)? "
    r"(?:cent(?:er|re)|suite|room|tub)|birthing|labou?r (?:and delivery|room)|l&d|maternity (?:ward|unit))",
    r"\bpov:?[^.!?\n]{0,40}\byour (?:\w+ )?(?:client|patient|regular)s?\b",  # "pov: your client brings ..."
    r"\b(?:her|his|their) (?:" + _DAY + r" )?" + _CLOCK + r"(?! ?(?:meeting|call|class|webinar|lecture|flight|shift|"
    r"train|bus|lunch|nap))\b",
    CLIENT + r"s? of (?:mine|ours)",
    # someone placed in one of the practice's numbered rooms: "jm in room 4 says ...", "the guy in op 2"
    r"(?:\b[a-z]\.?[a-z]\.?|(?-i:\b[A-Z]\.?[A-Z]\.?|\b[A-Z][a-z]+)|\b(?:guy|gal|lady|man|woman|kid|girl|boy|dad|mom|"
    r"patient|client|pt|someone|whoever|who(?:'s| is)|her|him|them)) (?:back )?(?:in|from) (?:exam |treatment |consult )?(?:room|op|operatory|"
    r"chair|bay) #?\d{1,2}\b",  # a person placed there, not "the new couches in room 3"
    # a slot's regular: "the lobby with Tuesday 4:00 regular on the couch"
    # (an hour of the clock, and not hours of work: "28 client hours a week")
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?(?:1[0-2]|0?[1-9])(?::\d\d)?\s*(?:am|pm)?\s+(?:regular|client|patient|"
    r"kiddo|guy|gal|lady)\b(?![- ](?:hours?|hrs?|sessions?|visits?|caseload|load|contact|facing))",
    r"\b(?:room|op|operatory|chair|bay) #?\d{1,2} (?:just )?(?:asks|asked|says|said|wants|wanted|cried|told|needs|"
    r"keeps|refuses|refused)\b",  # "when room 3 asks if the numbing will hurt"
    r"\b(?:he|she|they)(?:'s| is| are|'re) (?:one|some) of (?:ours|our (?:[\w-]+ ){0,3}(?:clients|patients|regulars|folks|"
    r"residents|members|participants|kiddos|kids))\b",  # "he's one of ours", "he's one of our memory care clients"
    r"one of (?:my|our|her|his|their) (?:\w+ ){0,2}(?:" + CLIENT + r"s|couples|families)\b",
    r"\bmy (?:\w+[- ])?(?:\w+ )?" + CLIENT + r"\b",
    r"\b(?:this|that|one|a|our) (?:[\w-]+[- ]){0,2}" + CLIENT + r",? (?:who |that )?(?:(?:I|we)" + _SEE_VERB
    + r"|(?:came|walked|told|said|shared|asked|called|wrote|emailed|texted|finished|started|completed|"
      r"graduated|celebrated|reached|hit|finally|was|had|has|just|recently|once|got|went|made|cried|realized|"
      r"admitted|confessed|described|reported|messaged|showed|brought|returned|left|stopped|quit|relapsed))",
    r"\b(?:this|that|one) (?:\w+ )?" + CLIENT + r"\b",
    r"\b(?:a|one|this|that) " + _WHO + r",? (?:who |that |whom )?(?:I|we)" + _SEE_VERB,
    r"\bsomeone (?:I|we)" + _SEE_VERB,
    r"\bone of (?:the|my|our) (?:[\w-]+ )?" + _WHO_PL + r" (?:that |who |whom )?(?:I|we)" + _SEE_VERB,
    r"\b(?:a|an|one|this|that|the) (?:[\w-]+ ){0,3}" + _WHO + r"(?: [\w-]+){0,3},? (?:who |that |whom )?(?:I|we)" + _SEE_VERB,
    r"\b(?:I|we) (?:once |recently |just |also )?(?:had|have|got|met) (?:a|an|this|one) (?:[\w-]+ ){0,3}(?:" + _WHO + "|"
    + CLIENT + r")\b(?: [\w-]+){0,4},? who\b",
    r"\b" + CLIENT + r" (?:win|update|success|victory|milestone|breakthrough|celebration|brag)s?\b",
    r"\b(?:she|he|they) (?:first )?(?:came|walked) in(?:to)? (?:my|our) (?:office|practice|clinic)",
    # seen at the door: "if you saw a couple leaving my home office in tears around 7 last night"
    r"\b(?:a|an|the|this|that) (?:[\w-]+ ){0,2}[\w-]+ (?:leaving|left|walking out of|walked out of|coming out of|came out of|"
    r"going into|went into) (?:my|our) (?:[\w-]+ )?(?:office|practice|clinic|studio)\b",
    r"\b(?:I|we)" + _SEE_VERB + r" (?:a|an|this|one) (?:[\w-]+ ){0,3}(?:" + _WHO + "|" + CLIENT + r")\b",
    r"\b(?:a|an|one|this) (?:[\w-]+ ){0,3}(?:" + _WHO + "|" + CLIENT + r")\b[^.!?\n]{0,40}\b(?:came|walked|was referred|"
    r"reached out|called|turned) (?:in(?:to)?|to) (?:me|us|see me|see us|our (?:office|practice|clinic|program))",
    r"(?:^|[.!?]\s+|\n)(?:been )?(?:work(?:ing|ed)? with|seeing|saw|treating|treated) (?:a|an|this|one) (?:[\w-]+ ){0,3}"
    + _WHO + r"(?: [\w-]+){0,4},? who (?:just|finally|recently|was|got|told|completed|finished|made|started|went|hit|reached|graduated)\b",
    r"\b(?:a|one|this|that|my|the) (?:[\w-]+ )?" + _AGE + r"(?: " + _WHO + r"| " + CLIENT + r"|(?! " + _ANIMAL + r"))",
    r"\b(?:the|a|an|this|that|one) (?:[\w-]+ ){0,3}(?:" + _WHO + "|" + CLIENT + r") who\b[^.!?\n]{0,80}\b(?:came|walked|"
    r"reached out|was referred|turned|returned|went) (?:in )?to (?:me|us|see me|see us)\b",
    r"\b(?:I|we)(?:'ve| have| had|'d)?(?: been)? (?:treat(?:ed|ing)?|saw|seeing|counsel(?:l?ed|l?ing)|work(?:ed|ing) with|"
    r"helped|helping)"
    r" (?:a|an|this|one) (?!lot\b|few\b|number\b|variety\b|range\b|wide\b|growing\b|handful\b)"
    r"(?:[\w-]+ ){0,4}?[\w-]+ (?:for|with|who|through|after|from)\b",
    # a session with someone known by what they are: "the best session today with a certain portland city councilor"
    r"\b(?:session|appointment|appt|intake|consult)s?(?: \w+){0,2} with (?:a|an|this|one) (?:certain |local |well-known |"
    r"famous )?(?:[\w-]+ ){0,3}" + _WHO + r"\b",
    r"\b(?:a|an|one|this|that|the) (?:[\w-]+ ){0,2}(?:" + _WHO + "|" + CLIENT + r")\b (?:came|walked) in\b",
    r"\b(?:had|have|saw|see|met|treated|treat) (?:a|an|this) (?:[\w-]+[- ]){0,3}" + _WHO + r"\b[^.!?\n]{0,30}\b(?:in|at) (?:my|our) (?:office|practice|clinic|chair)",
    r"\b(?:she|he|they) (?:first )?(?:came|walked) (?:in(?:to)?|to) (?:me|us|see me|see us|our (?:office|practice|clinic))",
    r"\b(?:she|he|they) (?:started|began) (?:seeing|working with) (?:me|us)",
    # (the reader told what to do "if you are a current client" is anyone)
    r"(?<!\byou are )(?<!\byou're )(?<!\bare you )(?<!\bif you were )\b(?:a|one|my|our) (?:former|past|previous|ex-?|"
    r"longtime|long-time|long-term|current) " + CLIENT + r"\b",
    r"\b(?:(?:honou?red|proud|grateful|privileged|humbled|blessed|lucky) to (?:have )?|(?:privilege|honou?r|joy|pleasure) of )"
    r"(?:walked|walk|walking|worked|work|working|supported|support|supporting|helped|help|helping|sat|sit|sitting|treating|"
    r"witnessed|witness|witnessing|been part of|be part of|being part of|seeing|counsel\w*)\b[^.!?\n]{0,40}\b(?:(?:a|an|this|one|my) "
    r"(?:[\w-]+ ){0,3}(?:" + _WHO + "|" + CLIENT + r")|(?:her|his|their) (?:journey|recovery|healing|treatment|story))\b",
    r"\b(?:a|an|one|this|that) (?:[\w-]+ ){0,3}[\w-]+ (?:showed up|walked in|came in|came to (?:me|us|see)|reached out to (?:me|us)|"
    r"was referred to (?:me|us)|started (?:therapy|seeing me|seeing us|with us|treatment))\b",
    r"\b(?:a|an|one|this|that) (?:[\w-]+[- ]){0,3}(?:" + _WHO + "|" + CLIENT + r") (?:told|said to|confided in|shared with|"
    r"admitted to|confessed to|asked|showed|texted|emailed|messaged) (?:me|us)\b",
    r"\bmy " + SLOT + r"(?: client| appointment| session)?\b",
    CLIENT + r"'?s? (?:story|spotlight|journey|update|win)\b",
    r"\b(?:she|he) (?:first )?(?:came|walked) in\b",
    r"\bthe (?:[\w-]+[- ]){0,2}" + CLIENT + r",? (?:who |that )?(?:I|we)" + _SEE_VERB,
    r"\bremember (?:the|that|my|our) (?:[\w-]+ ){0,2}(?:" + _WHO + "|" + CLIENT + r")\b",
    r"\bnever forget (?:the|a|an|this|that|one|my) (?:[\w-]+ ){0,2}(?:" + _WHO + "|" + CLIENT + r")\b",
    r"\b(?:the|a|an|this|that|one) (?:[\w-]+ ){0,2}(?:" + _WHO + "|" + CLIENT + r")\b[^.!?\n]{0,60}\b(?:in|into|to|on|"
    r"visits?|attends?|comes? to|came to|joins?|joined) (?:my|our) (?:office|practice|clinic|chair|couch|waiting[- ]room|"
    r"group|program|sessions?)",
    r"\b(?:she|he|they) (?:was|were) referred to (?:me|us)",
    r"\b[A-Z]\.(?:\s?[A-Z]\.)?,? (?:a |an |my |our )?(?:\w+ )?" + CLIENT + r"\b",
    r"\b(?:one|a|my|our) (?:\w+ )?(?:\w+ )?" + CLIENT + r"'s (?:story|journey|progress|mom|dad|family|wife|husband)",
    # the one a commenter brought up: "the family you're ranting about CHOSE to come to us"
    r"\bthe (?:family|kid|child|teen|couple|client|patient|person|woman|man|mom|dad|parents?|boy|girl) "
    r"(?:you['’]re|you are|you were|you['’]ve been) (?:\w+ing )?(?:about|referring to|mentioning)\b",
    # a relative of someone named, in the practice's care: "we've supported their son for two years"
    r"\b(?:we|i)(?:['’]ve| have)\s+(?:been\s+)?(?:supported|supporting|treated|treating|seen|seeing|worked with|working with|"
    r"counsel+ed|helped|helping)\s+(?:their|his|her)\s+(?:son|daughter|kid|child|teen|boy|girl|mom|dad|husband|wife|"
    r"partner)\b",
)

SECOND_PERSON_CARE = alt(
    r"\b(?:your|ur) (?:[\w-]+ ){0,2}"
    + alt("meds", "medications?", "dose", "dosage", "prescription", "therapy", "treatment(?: plan)?",
          "sessions?", "appointments?", "appts?", "visits?",
          # a booked hour by its kind: "your Tuesday couples slot"
          "(?:couples?|family|individual|intake|telehealth|therapy|session|usual|regular|weekly|standing|biweekly|group) slot", "diagnosis", "recovery", "surgery", "procedure",
          "symptoms?", "anxiety", "depression", "panic attacks?", "ptsd", "ocd", "adhd", "condition",
          "(?:lab |test )?results", "labs", "rehab", "sobriety", "relapse", "crown", "implant",
          "root canal", "braces", "filling", "cleaning", "therapist", "counsel+or", "care plan",
          "meeting", "group", "homework", "progress", "healing", "mental health", "coping (?:plan|skills|strategies)",
          "psychiatrist", "psychologist", "doctor", "prescriber", "dentist", "provider", "pcp", "pediatrician",
          "ob(?:-?gyn)?", r"nurse(?! injector| practitioner| educator| navigator)", "case manager", "social worker", "mood (?:journal|tracker|log)", "journal",
          "safety plan", "panic", "grief", "trauma", "flashbacks", "nightmares", "cravings", "side effects",
          "follow-?ups?", "check-?ups?", "(?:breathing |exposure )?exercises", "(?:sleep )?study", "scans?", "mri",
          "bloodwork", "tests?", "hospital stay", "stay", "usual (?:slot|time|appointment|session|spot)",
          # what finishing a program earns: "@rachel.k.pdx yes!! your certificate is at the front desk"
          "(?:completion |graduation )?certificate", *MEDICINES),
    r"\b(?:the|those|these|new|that|this) (?:[\w-]+ ){0,2}(?:meds|medications?|pills|dose|prescription|therapy|treatment)\b"
    r"[^.!?\n]{0,40}\b(?:help|work|kick|agree|going)",
    r"\bhope (?:you(?:'re| are)?|u r|ur) (?:feeling|doing) (?:a (?:bit|lot|little) )?better",
    r"\b(?:great|nice|good|lovely|so good) (?:to see|seeing) (?:you|u) (?:at|in|for|today|this)\b",
    r"\bthank(?:s| you) for coming in\b",
    # the day they first came: "3 yrs ago you walked into our Belmont office on the brink of divorce"
    r"\b(?:you|u) (?:first |both |two )?(?:walked|came|stumbled|limped|wandered) (?:in(?:to)?|through) (?:our|my) (?:[\w-]+ )?"
    r"(?:office|doors?|clinic|practice|lobby|waiting room)\b",
    r"\b(?:left|forgot) (?:your|ur) [^.!?\n]{0,30}\b(?:at|in) (?:our|the) (?:office|clinic|front desk|waiting room)\b",
    r"\bwhat we (?:practiced|worked on|talked about|discussed|rehearsed|role-?played)\b",
    # care resumed with a clinician: "if you ever want to pick things back up with Jordan"
    r"\b(?:pick|picking|start|starting) (?:things |it |them )?back up (?:with|w/) (?:dr\.? )?[^\W\d_]+",
    r"\b(?:our|your) (?:\w+ ){0,3}(?:months?|years?|weeks?|sessions?) (?:of|in) (?:therapy|treatment|counsel+ing|work)\b",
    r"\bwatching (?:you|u) (?:grow|heal|recover|get better|find)\b",
    # "We're so proud of all the work you put in with us"
    r"\bwork (?:you|u)(?:['’]ve| have)? (?:put in|did|done)\s+(?:with us|here|in (?:session|therapy|group))\b",
    # a year of care with the reader, said warmly: "We've loved getting to know all three of you this year"
    r"\b(?:loved|enjoyed)\s+(?:getting to know|working with|seeing|having)\s+(?:you|u|y['’]?all|all (?:\w+ )?of (?:you|u)|"
    r"your (?:whole )?family)\b[^.!?\n]{0,20}\b(?:this|these|the past|over the)\b",
    r"\bcongrat\w* on (?:finishing|completing|starting|graduating from|getting through) (?:your )?(?:chemo|treatment|therapy|"
    r"rehab|detox|the program|program|group|surgery|radiation)\b",
    r"\bfeel(?:ing)? better soon\b", r"\bget well soon\b", r"\bspeedy recovery\b",
    r"\bsee (?:you|u) (?:at|in|for|next) (?:your |our )?(?:next |group )?(?:session|appointment|visit|group|week)",
    r"\bgreat (?:job|work|session|effort) (?:in|at|during|today in) (?:session|therapy|group)",
    r"\b(?:proud|glad|happy|so happy|thrilled) (?:of|for) (?:you|u)\b[^.!?\n]{0,60}\b"
    + alt("sober", "sobriety", "session", r"therap\w*", "recovery", "clean", "progress", "meds", "medication",
          "panic", r"anxi\w*", r"depress\w*", "treatment", "milestone", "chip"),
    r"\bmissed (?:you|u) (?:at|in) (?:your |our |group )?(?:session|appointment|group|therapy)",
    r"\b" + NUM + r" (?:days?|weeks?|months?|years?) (?:sober|clean|without a drink)",
)

# What one says to a person, not to an organisation: with a condition or care term, it is about their care.
PERSONAL_CARE_MARKER = alt(
    r"thinking of you", r"hope\b", r"hang in there", r"proud of (?:how |what )?(?:you|u)", r"remember\b",
    r"call (?:us|me) if", r"how are (?:you|u) (?:feeling|doing|holding up)", r"take care of yourself",
    r"sending (?:you )?(?:love|hugs|strength)", r"we(?:'re| are) here for (?:you|u)", r"did (?:the|your)",
    r"let (?:us|me) know (?:if|how)", r"don'?t forget", r"keep (?:it up|going|using)", r"so glad (?:you|u|your)",
)

# someone's own time in the practice's care: "Many of you know Alex from his time in our Substance Use IOP" (not a
# colleague's tenure: "her years with our practice")
TIME_IN_OUR_CARE = (r"(?:his|her|their)\s+(?:own\s+)?(?:time|years?|months?|weeks?|stay)\s+(?:in|at|with)\s+(?:our|this)\s+"
                    r"(?:[\w-]+\s+){0,3}?(?:programs?|iop|php|groups?|treatment|care|residential|detox|rehab)\b")

# a client word of any number, as a sentence uses it ("a colleague's baby is no patient's story unless it says so")
CLIENT_WORD = re.compile(r"\b(?:clients?|patients?|pts?)\b", re.IGNORECASE)
