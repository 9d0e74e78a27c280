"""Rule: a client identified without a name.

Guidance (hipaa-social-rules.md, section 2: Safe Harbor's "any other unique
identifying characteristic", and section 3.1: in a community the story itself
identifies): one specific person pinned down by a role and a detail that only
fits a few people — a named school, team, employer or outlet, a grade — in a
sentence that ties them to the practice's care ("a certain Lincoln High varsity
coach ... we've watched you do the hard work on yourself", "the Sunnyside 3rd
grade teacher who comes to see us every week", "a certain KGW morning anchor
... after her son's last session").

An unnamed reader picked out ("you know who you are", "looking at u") next to an
appointment slot or a client word is the same thing said to their face.

For a description, three things must hold, read from the sentence, not from a list of phrasings:
- a singular description of one person: a determiner that points at someone
  ("the", "a certain", "our", "someone's") and a person noun (a role, a job,
  a family or life role);
- a qualifier that narrows it to a few people: a proper name inside or right
  after the description ("at Sunnyside", "from PSU"), or an ordinal grade;
  weekdays and months say when, not who, and do not count;
- clienthood: a client or patient word, or a care word together with the
  practice speaking ("us", "we", "our"), or the person addressed as doing
  the work on themselves, in that sentence or the next.
Descriptions of staff ("our new hygienist, a former Lincoln High teacher")
and of public figures speaking for themselves (no "us" or "we") stay clear."""
from __future__ import annotations

import re

from bot.domain import Draft, Severity
from checks.base import Analysis
from checks.phi.lexicon import OUTSIDE_JOBS
from checks.policy import lexicon as L
from checks.policy.base import Rule, Span, alt, sentence_bounds
from checks.reading import reading_of
from checks.roles import STAFF_JOB, Role

# People outside the practice, by role, job or life situation (singular: "teachers" is a group); a pattern.
PERSON_ROLES = alt(
    *OUTSIDE_JOBS,
    r"(?:assistant |head |varsity |jv |volleyball |basketball |soccer |football |baseball |softball |swim |track )?coach",
    "student", r"\d*(?:st|nd|rd|th)?[- ]?grader", "freshman", "sophomore", "junior", "senior", "captain",
    "quarterback", "qb", "pitcher", "goalie", r"(?:goal)?keeper", "point guard", "striker", "athlete", "player",
    "runner", "swimmer", "dancer",
    "cheerleader", "nurse", "emt", r"(?:police )?officer", "deputy", "sergeant",
    "trooper", "soldier", "marine", "veteran", "pilot", "anchor", "reporter", "journalist", "meteorologist",
    "lieutenant", "lt", "detective", "dispatcher", "battalion chief", "chief", "corporal", "director",
    "weatherman", "dj", "radio host", "priest", "rabbi", "imam", "minister", "youth leader", "barista",
    "bartender", "server", "waitress", "waiter", "cashier", "mechanic", "electrician",
    "rancher", "lawyer", "attorney", "judge", "councilman", "councilwoman", "council member", "mayor",
    "councilmember", "councilor", "councillor", "alderman", "senator", "legislator", "representative",
    "superintendent", "sheriff", "police chief", "fire chief", "school board member",
    "commissioner", "professor", "lecturer", "engineer", "accountant", "realtor", "stylist",
    "hairdresser", "barber", "instructor", "shop owner", "manager", "cfo", "ceo", "founder", "crossing guard",
    "lifeguard", "mail carrier", "bus driver", "driver", "trucker", "volunteer", "intern", "resident",
    "mom", "mama", "momma", "mum", "mother", "dad", "papa", "father",
    "grandma", "grandmother", "grandpa", "grandfather", "wife", "husband",
    "son", "daughter", "kid", "kiddo", "teen", "teenager", "boy", "girl", "guy", "lady", "gentleman", "neighbor",
    "neighbour", "widow", "widower", "newlywed", "bride", "groom", "graduate", "grad", "valedictorian", "alum",
    "lead", "designer", "vp", "vice president", "executive", "novelist", "writer", "artist", "musician", "singer",
    "lineman", "linebacker", "shortstop", "defenseman", "rapper", "actor", "actress", "celebrity", "influencer",
    "olympian", "rookie", "midfielder", "defender", "catcher", "wrestler", "skater", "gymnast",
    "boxer", "golfer", "cyclist", "jockey", r"(?:school |guidance )?counsel+or", "candidate", "nominee",
    "performer", "headliner", "drag queen", "drag king",
)
_DESCRIPTION = re.compile(
    # (or one picked from a few: "one of the morning anchors at Channel 6")
    r"\b(?P<det>(?P<of>one of (?:the|our|those))|a certain|an?|the|this|that|our|my|one|someone'?s|somebody'?s)\s+"
    # (a description does not run across "and" or a possessive: "Our front-desk wizard Tasha and her husband")
    # (nor across a sentence's end: "across the county. Special thanks to Oakridge CEO ...")
    # (nor across a preposition: "our speakers at Thursday's teen anxiety night" describes no teen)
    r"(?P<mods>(?:(?!(?:a|an|the|this|that|our|one|and|or|her|his|their|at|of|for|from|with|in|on|to|by)\s)"
    r"[\w.&'-]+(?<!\.)[ \t]+){0,5}?)(?P<role>(?:" + PERSON_ROLES + r")(?:[ \t]+(?:" + PERSON_ROLES
    + r"))?)(?(of)s)(?![\w-])"  # (two roles: "a sophomore wrestler", "a student athlete")
    # (a kind of group, not a person: "our teen groups at Harbor Light", "a dads program")
    r"(?!\s+(?:groups?|programs?|therapy|workshops?|class(?:es)?|circles?|nights?|tracks?|cohorts?|services?|clinics?)\b)"
    r"(?P<post>\s+(?:at|from|of|for|on|with|in|through)\s+(?:[\w.&'’#-]+[ \t]*){1,5})?",
    re.IGNORECASE)
_PROPER = re.compile(r"(?:[A-Z][\w.&'-]*|[A-Z]{2,})")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)\b", re.IGNORECASE)
_NOT_A_QUALIFIER = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|I|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Mx\.?|New|Old|Big|Little|Our|The)",
    re.IGNORECASE)
# one unnamed reader picked out: with a slot or the practice's care, a patient is being pointed at
_SINGLED_OUT = re.compile(r"\b(?:you|u) know who (?:you|u) (?:are|r)\b|\blooking at (?:you|u)\b|\biykyk\b|"
                          # the holder of a slot: "to whoever had the 2:15 at Westgate today — u left ur AirPods"
                          r"\bwhoever (?:had|was in|was at|booked|took|sat in)\b[^.!?\n]{0,40}?(?:\d{1,2}:\d\d|\d{1,2}\s?(?:am|pm)\b|"
                          r"\b(?:room|rm|chair|op) ?\d)|"
                          r"\bif (?:you|u) know,? (?:you|u) know\b|"
                          # one client called out by what they did: "To the client who paid with a check from their
                          # Pacific Dental Group business account last week"
                          r"\bto the (?:client|patient|person|family|mom|dad|parent|gentleman|lady)\s+who\b[^.!?\n]{0,100}?"
                          r"\b(?:last (?:week|night|month|time)|yesterday|today|this (?:morning|afternoon|week)|"
                          r"on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.IGNORECASE)
_MY_OWN_CARER = re.compile(r"\bmy (?:own )?(?:therapist|counsel+or|doctor|psychiatrist|psychologist|coach|sponsor|"
                           r"physio|pt|surgeon|dentist)\b", re.IGNORECASE)
# a reader asked to guess who was in care here: "guess which seahawks lineman was on our table this morning?"
_GUESS_WHO = re.compile(r"\b(?:guess|can (?:you|u) guess)\s+(?:which|who|what)\b", re.IGNORECASE)
# a client called by their appointment slot, as a person: "run into your 10am", "my 3 o'clock is also ..."
# (not the slot itself: "my 2pm session", "our 10:30 is open")
_SLOT_HOLDER = re.compile(r"\b(?:my|our|your|ur)\s+(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\s+)?"
                          r"(?:\d{1,2}(?::\d\d)?\s?(?:am|pm)|\d{1,2}:\d\d|\d{1,2} o'?clock)\b"
                          r"(?!\s*(?:appointments?|appts?|sessions?|slots?|class(?:es)?|meetings?|calls?|webinars?|groups?|"
                          r"openings?|block|visits?|consults?|spot|is (?:open|free|available)|cancel\w*|lunch|break|"
                          r"today|tomorrow|on\b|-))", re.IGNORECASE)
# a slot's holder cheered in public, by the practice or a colleague's slot: "Congrats to Priya's Monday 4pm on the
# wedding", "shoutout to our 10am"
_CHEERED_SLOT = re.compile(r"\b(?:congrat\w*|shout-?out|happy \w+|good luck|cheers|proud of|best wishes|hugs)\s*(?:to|for)?\s*"
                           r"(?:my|our|your|ur|(?:dr\.?\s+)?(?-i:[A-Z][a-z]+)['’]s)\s+(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|"
                           r"fri|sat(?:ur)?|sun)(?:day)?\s+)?(?:\d{1,2}(?::\d\d)?\s?(?:am|pm)|\d{1,2}:\d\d|\d{1,2} o'?clock)s?\b"
                           r"(?!\s*(?:appointments?|appts?|sessions?|slots?|class(?:es)?|meetings?|calls?|webinars?|groups?|"
                           r"openings?|block|crowd|rush))", re.IGNORECASE)
# ... or by the day they come: "the kid you see on Mondays", "my thursday lady", "the guy we see every friday"
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
_ONE_WHO_COMES = r"(?:kid|kiddo|client|patient|pt|guy|girl|lady|man|teen|boy|family|couple)"
_DAY_HOLDER = re.compile(rf"\b(?:the|a|my|our|your|ur)\s+(?:{_ONE_WHO_COMES}\s+(?:you|u|i|we)\s+(?:see|saw|treat|have)\s+"
                         rf"(?:on|every)\s+{_WEEKDAY}s?|{_WEEKDAY}\s+(?:{_ONE_WHO_COMES}|regular))\b", re.IGNORECASE)
# a named shop, school or venue where the slot's holder was seen: "at the Enterprise Safeway", "at Lincoln High"
_NAMED_SPOT = re.compile(r"\b(?:at|from|in|outside|inside|across|near)\s+(?:the\s+)?(?-i:[A-Z][\w'’&-]+)", re.IGNORECASE)
_ROLE_WORD = re.compile(r"\b(?:" + PERSON_ROLES + r"|celeb|star|receiver|tight end)s?\b|\bfamous\b", re.IGNORECASE)
_FAMOUS = re.compile(r"\b(?:famous|celebrity|celeb|well[- ]known|household name|a-?lister|pro (?:athlete|player))\b",
                     re.IGNORECASE)
_SEEN_HERE = re.compile(r"\b(?:on|in)\s+(?:our|my|the|your)\s+(?:\w+\s+)?(?:table|chair|couch|office|clinic|lobby|"
                        r"waiting[- ]room)\b|"
                        # "that was the mayor's wife at our Elm St clinic today" (not "the mayor cut the ribbon at our new
                        # office today")
                        r"\b(?:was|were)\b[^.!?\n]{0,40}\bat\s+our\s+(?:[\w.]+\s+){0,2}(?:office|clinic|practice)\s+"
                        r"(?:today|yesterday|this\s+(?:morning|afternoon|week))\b|"
                        r"\b(?:came|stopped|popped)\s+(?:in|by)\b|\bwas\s+(?:in|here)\b|\bvisited us\b|"
                        r"\b(?:worked on|treated|adjusted)\s+(?:a|an|this|one)\b", re.IGNORECASE)
# a player picked out by the number on their jersey, in a draft about a team: "cheering for #22 ... that knee"
_JERSEY = re.compile(r"(?:(?<![\w#])#|\bno\.\s?|\bnumber\s)(?:[1-9]\d?|0)\b(?![\w%])", re.IGNORECASE)
# a runner picked out by the bib they wore: "bib 4412 you are a LEGEND"
_BIB = re.compile(r"\bbib\s*(?:#|no\.?|number)?\s*\d{1,5}\b", re.IGNORECASE)
_TEAM = re.compile(r"\b(?:team|varsity|jv|game|field|court|semis?|finals?|playoffs?|championship|season|match|football|"
                   r"basketball|soccer|baseball|softball|hockey|volleyball|lacrosse|wrestling|rugby|"
                   r"tournament|meet|champs?|champions?|league|squad|roster)\b", re.IGNORECASE)
_SLOT = re.compile(r"\b(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\s+)?"
                   r"\d{1,2}(?::\d\d)?\s?(?:am|pm)\b|\b(?:my|our|the|her|his)\s+(?:\w+\s+)?\d{1,2}:\d\d\b", re.IGNORECASE)
# the word after a name that makes it a school, workplace or station: "lincoln high", "station 7"
_NAMED_PLACE_WORD = re.compile(r"high|hs|elementary|middle|academy|college|university|hospital|station|church|company|"
                               r"corp|firm|district|clinic|school|prep|county|city|bank|brewery|studios?|theat(?:er|re)")
# (or one of the practice's own by another name: "One of our couples — he's a Gresham firefighter")
_CLIENT = re.compile(r"\b" + alt(r"clients?", r"patients?", "regulars?", "counselees?") + r"\b"
                     r"|\bone of (?:our|my) (?:\w+ )?(?:couples|families|kids|teens|groups?)\b", re.IGNORECASE)
_CARE = re.compile(r"\b" + L.CARE + r"\b|\b" + L.CONDITION + r"\b|\bwaiting[- ]room\b"
                   r"|\b(?:heal(?:ed|ing)|recover(?:ed|ing)|mended)\b"  # "glad the burns healed up"
                   # a health condition by its kind: "a 6th grader with a rare heart condition"
                   r"|\b(?:rare|chronic|genetic|heart|medical|health|chromosomal)\s+(?:condition|disorder|syndrome|disease)\b",
                   re.IGNORECASE)
_PRACTICE_SPEAKS = re.compile(r"\b(?:us|we|we'?ve|we'?re|our|me|I|I'?ve|my)\b", re.IGNORECASE)
# the person's own work in care, said to them or about them
_OWN_WORK = re.compile(
    r"\b(?:come|came|coming|comes)\s+(?:in\s+)?(?:to\s+)?see\s+(?:us|me)\b"
    r"|\b(?:come|came|coming|comes)\s+in\s+(?:with|w/)\s*(?:a|an|her|his|their)\s"  # "comes in w/ a wrist sprain"
    r"|\bwork(?:ed|ing|s)?\s+on\s+(?:your|him|her|them|my)sel(?:f|ves)\b"
    r"|\b(?:do|did|doing|done)\s+the\s+(?:hard\s+)?work\s+on\s+(?:your|him|her|them)sel(?:f|ves)\b"
    r"|\bthe\s+hard\s+work\s+(?:on\s+)?(?:your|him|her|them)sel(?:f|ves)\b"
    # care with the practice: "finished 20 sessions of burnout-focused work with us"
    r"|\b(?:sessions?|therapy|treatment|program|appointments?|visits?)\b[^.!?\n]{0,40}\bwith\s+(?:us|me)\b"
    # the practice as their carer: "thank u for letting us be ur dentist for 30 of them"
    r"|\b(?:us|we|me|I)\b[^.!?\n]{0,20}\b(?:be|been|being|are|am)\s+(?:your|ur|his|her|their)\s+(?:\w+\s+)?"
    r"(?:dentist|doctor|therapist|chiropractor|chiro|pt|counsel+or|hygienist|provider|physio|[a-z]+ologist|[a-z]+ician)\b"
    # the practice trusted with part of them: "for trusting us with that chipped front tooth"
    r"|\btrust(?:s|ed|ing)?\s+(?:us|me)\s+with\s+(?:that|this|their|his|her|your|ur|a|an|the)\b"
    # the person said to be in the practice's care: "let's just say he's in very good hands on Belmont St."
    r"|\b(?:is|are|he['’]s|she['’]s|they['’]re)\s+in\s+(?:very\s+|really\s+|such\s+)?(?:good|great|safe|capable|the best)\s+hands\b"
    # the person's own sessions: "who has logged into her telehealth session from her parked car every lunch break"
    r"|\b(?:logs?|logged|logging|shows?|showed|showing|dials?|dialed|dialing)\s+(?:up\s+)?(?:in(?:to)?|for|to|on(?:to)?)\s+"
    r"(?:her|his|their|your)\s+(?:\w+\s+)?(?:sessions?|appointments?|therapy)\b"
    # the clinician's own time with them: "A founder I've worked with since his divorce in 2023"
    r"|\b(?:I|we)(?:['’]ve| have)\s+(?:worked|been working)\s+with\s+(?:since|for)\b"
    # the arc of their progress: "six weeks ago she couldn’t order her own latte"
    r"|\b(?:\w+\s+)?(?:weeks?|months?|years?)\s+ago,?\s+(?:she|he|they)\s+(?:couldn['’]?t|could not|wouldn['’]?t|"
    r"would not|was too \w+ to|were too \w+ to)\b"
    # the person reaching out for care: "... lieutenant out of the Lents station called our office three days after"
    r"|\b(?:called|emailed|texted|contacted|reached out to|came to)\s+(?:our\s+(?:office|practice|clinic|front desk)|us)\b"
    # the practice saying the person will know it is them: "He knows who he is."
    r"|\b(?:he|she|they)\s+knows?\s+who\s+(?:he|she|they)\s+(?:is|are)\b",
    re.IGNORECASE)
# the person arriving in the practice's care: "... ended up in our office three weeks later", "landed on my couch"
_LANDED_HERE = re.compile(r"\b(?:ended up|end up|landed|wound up|showed up)\s+(?:in|at|on)\s+(?:our|my)\s+(?:\w+\s+)?"
                          r"(?:office|clinic|practice|couch|chair|table|door(?:step)?|caseload|waitlist)\b"
                          r"|\b(?:ended up|wound up|landed)\s+(?:with|seeing)\s+(?:us|me)\b"
                          # coming back to care: "is starting back with us after the holidays", "so glad you're back on
                          # tuesdays with Jordan"
                          r"|\b(?:starting|started|coming|came|is|are|you['’]re|she['’]s|he['’]s)\s+back\s+(?:with\s+(?:us|me)|"
                          r"on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)days?\s+with)\b", re.IGNORECASE)
# the practice's care given to the described person: "I worked with a ...", "supporting a ..."
_CARE_GIVEN_BEFORE = re.compile(
    r"\b(?:work(?:ed|ing)? with|saw|seeing|help(?:ed|ing)?)\s+$"
    # "her work with the only deaf-blind student at Franklin High"
    r"|\b(?:my|our|his|her|their)\s+work\s+with\s+$"
    # a meeting held about them: "joined us on Tuesday’s IEP call for a 7th grader with a really rare ... condition"
    r"|\b(?:call|meeting|session|consult(?:ation)?|appointment|evaluation|assessment)\s+(?:for|about|on)\s+$", re.IGNORECASE)
# what the clinician worked on, in whom: "working with compulsive saving in a recently retired ... circuit judge"
_WORKED_ON_IN_BEFORE = re.compile(r"\b(?:work(?:ed|ing)?\s+(?:with|on)|treat(?:ed|ing)?)\s+[\w\s'’-]{1,40}?\s+in\s+$",
                                  re.IGNORECASE)
# a death in a group or among the clients: "Our Tuesday divorce recovery group lost one of its own this week",
# "we lost a client last month", "one of our group members passed away": those who knew her know who it is
_ONE_OF_OURS_DIED = re.compile(
    r"\b(?:our|the|my)\s+(?:[\w'’-]+\s+){0,4}?(?:group|circle|program|cohort|class|practice|clinic|caseload)\s+"
    r"(?:lost|is mourning|mourns|is grieving|said goodbye to)\s+(?:one of (?:its|our|their) own|an? (?:\w+\s+)?"
    r"(?:member|client|patient)|one of (?:its|our|their) (?:members|clients|patients))\b"
    r"|\b(?:we|I)(?:['’]ve| have)?\s+lost\s+(?:a|one of our|another)\s+(?:\w+\s+)?(?:clients?|patients?|group members?)\b"
    r"|\b(?:one of (?:our|my)|a)\s+(?:\w+\s+)?(?:clients|patients|group members|members of (?:our|the) (?:[\w'’-]+\s+){0,3}"
    r"(?:group|circle|program))\s+(?:has\s+|had\s+)?(?:died|passed away|passed on|passed|lost (?:her|his|their) (?:life|battle|fight))\b",
    re.IGNORECASE)
# one of those the practice cares for, then told apart from the rest ("... — the one who fixes bikes on NE Alberta")
_ONE_OF_OURS = re.compile(r"\bone of (?:our|my|his|her|their) (?:[\w-]+ )?(?:clients|patients|regulars|families|dads|moms|"
                          r"parents|kids|kiddos|teens|folks|members)\b", re.IGNORECASE)
# ... seen doing something in public at a named place: "watching one of their clients perform on the main stage at Pride
# Northwest"
_ON_STAGE = re.compile(r"\b(?:perform\w*|sing\w*|sang|sung|spoke|speak\w*|read(?:ing)?|compet\w*|play\w*|danc\w*|"
                       r"walk(?:ed|ing)?|ran|run(?:ning)?|march\w*|testif\w*|preach\w*|exhibit\w*|shown|featured)\b",
                       re.IGNORECASE)
_WHO_DOES = re.compile(r"\b(?:the one|the (?:guy|lady|dad|mom|woman|man|kid|teen))\s+(?:who|that)\b", re.IGNORECASE)
# a family named as sent to the practice for care: "for sending the whole Yamamoto crew our way", "referring the
# Garcias to us"
_FAMILY_REFERRED = re.compile(
    r"\b(?:send(?:ing|s)?|sent|refer(?:ring|red|s)?|pointing|pointed)\s+(?:us\s+)?(?:the\s+)?(?:whole\s+|entire\s+|sweet\s+)?"
    r"(?:(?-i:[A-Z][\w'’-]+)\s+(?:family|crew|clan|household|kids|twins|siblings|bunch|gang|boys|girls)|(?-i:[A-Z][a-z]+s)|"
    # (in any case after "whole": "sending the whole yamamoto crew our way")
    r"(?<=whole\s)[\w'’-]+\s+(?:family|crew|clan|household|kids|twins|siblings|bunch|gang)|"
    # ("for sending his cousin Andre our way")
    r"(?:his|her|their|my)\s+(?:\w+\s+)?(?:cousin|brother|sister|son|daughter|nephew|niece|wife|husband|partner|dad|mom|"
    r"friend|buddy|teammate|coworker|co-worker)(?:\s+(?-i:[A-Z][\w'’-]+))?)\s+"
    r"(?:our way|to us|to our (?:practice|office|team|clinic)|over to us|over)\b", re.IGNORECASE)
# the practice's own case about the described person: "consulting on a high-conflict custody case involving a ..."
_CASE_OF_BEFORE = re.compile(r"\b(?:case|cases|matter)\s+(?:involving|with|about|for)\s+$", re.IGNORECASE)
# a clinician's own story of someone: "Priya's story about the Grant High wrestler who ...", "my case of a ..."
_CLINICIANS_STORY_BEFORE = re.compile(r"(?P<owners>(?:[\w'’]+\s+){1,2})(?:story|stories|case|cases|work)\s+"
                                      r"(?:about|of|with|involving|on)\s+$", re.IGNORECASE)


def _clinicians_story(before: str, reading) -> bool:
    """The description follows someone's own story or case: "my", "her own", "Priya's", or a colleague's
    name typed without the apostrophe ("Priyas story about ...")."""
    m = _CLINICIANS_STORY_BEFORE.search(before)
    return bool(m) and any(w.casefold() in ("my", "our", "his", "her", "their") or re.search(r"['’]s$", w)
                           or reading.is_colleague(w) for w in m.group("owners").split())
# time with a colleague: "the Portland Thorns defender who spent her off-day last Tuesday with Biscuit and Dr. Chen"
_SPENT_WITH = re.compile(r"\b(?:spent|spends|spending|spend)\b[^.!?\n]{0,50}?\bwith\b"
                         # a weekly slot with a colleague: "so glad you're back on tuesdays with Jordan"
                         r"|\bback\s+on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)days?\s+with\b", re.IGNORECASE)
_FAMILY_ROLE = re.compile(r"mom|mama|momma|mum|mother|dad|papa|father|grandma|grandmother|grandpa|grandfather|wife|"
                          r"husband|son|daughter|kid|kiddo|neighbou?r|boy|girl|guy|lady|teen|teenager", re.IGNORECASE)
# the writer speaks as a clinician: "day in the life of a trauma therapist", "in session", "my clients"
_CLINICIANS_VOICE = re.compile(r"\b(?:therapist|counsel+or|clinician|psychologist|in session|my clients|my caseload|"
                               r"#therapistsof\w+)\b", re.IGNORECASE)
# the clinician who treats someone in a named court case: "testifying as the treating psychologist in State v. Pruitt"
_TREATING_IN_A_CASE = re.compile(r"\btreating\s+(?:psychologist|therapist|clinician|counsel+or|psychiatrist|provider|"
                                 r"physician|doctor)\b[^.!?\n]{0,40}?(?-i:\b[A-Z][\w.]*)\s+vs?\.?\s+(?-i:[A-Z])",
                                 re.IGNORECASE)
# their own treatment, by its name: "the mayor's wife's peel"
# (not a visit, which may be a public one: "the mayor's visit to our new office")
_THEIR_CARE_AFTER = re.compile(r"(?:['’]s\s+(?:wife|husband|son|daughter|mom|dad|kid|child|partner))?['’]s\s+(?:[\w-]+\s+)?"
                               r"(?!visits?\b|tours?\b)(?:" + L.CARE + r")\b", re.IGNORECASE)
# care that goes on: "we started seeing", "she's been treating"
_ONGOING_CARE_BEFORE = re.compile(r"\b(?:started|start|began|begun|been|keep|kept)\s+(?:seeing|treating|counseling|counselling|"
                                  r"working with|supporting)\s+$", re.IGNORECASE)
# a meeting with someone, which is care only when a struggle or condition is said of them
_SESSION_WITH_BEFORE = re.compile(r"\b(?:session|appointment|consult(?:ation)?|visit) with\s+$", re.IGNORECASE)
# ... and verbs that say it on their own: "supporting a ...", "spent a lot of this week with a ..."
_CARE_GIVEN_STRONG = re.compile(
    r"\b(?:support(?:ed|ing)?|treat(?:ed|ing)?|counsel\w*|spent [\w\s]{0,20}with|sat with|sit with|sits with|"
    r"adjust(?:ed|ing)|fitt(?:ed|ing)|"

    r"walk(?:ed|ing)? alongside)(?:\s+the family of)?\s+$", re.IGNORECASE)
_STRUGGLE = re.compile(r"\b(?:struggl\w*|carrying (?:a lot|so much)|going through|(?:a )?hard time|rough (?:patch|time|year)|"
                       + L.CONDITION + r")\b", re.IGNORECASE)
# the description is a new colleague or a guest, not someone in care
_STAFF_INTRO = re.compile(
    # (joining the team, not a call or a group: "the counseling team at Lincoln Middle who joined us on Tuesday's call")
    r"\b(?:(?:welcome|welcoming)(?!\s+back\b)|(?:joins?|joined|joining)\s+(?:us\s+as|(?:our|the)\s+(?:[\w-]+\s+)?(?:team|staff|practice|"
    r"office|clinic))|hired|new (?:hire|team member|colleague)|(?:to|on) our team|on staff|"
    r"former|formerly|used to be|guest speaker|speaking|speaker|presents?|presenting|webinar|workshop)\b",
    re.IGNORECASE)


# a clinician's own relative: "When the Therapist’s Dad Forgets Her Name"
_A_CLINICIANS = re.compile(r"\b(?:" + STAFF_JOB + r")['’]s\b", re.IGNORECASE)


# jobs that "our" makes the practice's own
_OUR_JOB = re.compile(r"(?:police )?officer|manager|lead|intern|volunteer|founder|owner|executive|chef|driver|designer|director|"
                      r"vp|vice president|ceo|cfo|instructor|(?:school |guidance )?counsel+or", re.IGNORECASE)


# time spent with a colleague is care: "after wrapping up with jordan last week", "her sessions w/ Dr. Chen"
_WITH_SOMEONE = re.compile(r"\b(?:with|w/)\s+(?:dr\.?\s+)?([^\W\d_]+)", re.IGNORECASE)


def _colleague_in(text: str, reading, analysis: Analysis, start: int, end: int) -> bool:
    """A colleague by first name, or by the practice's own record of them ("Dr. Chen"), in text[start:end]."""
    return reading.names_colleague(text, start, end) or any(
        a < end and start < b and re.match(r"(?i)dr\.?\s", text[a:b]) for a, b in analysis.own)


def _with_a_colleague(text: str, reading) -> bool:
    return any(reading.is_colleague(m.group(1)) for m in _WITH_SOMEONE.finditer(text))


class IndirectIdentification(Rule):
    name = "indirect_identification"
    default_severity = Severity.BLOCK
    message = ("this describes one specific person, or a few people from one named group, by details that narrow them "
               "down (a role with a named school, team, employer or outlet, a grade) and ties them to care here: people "
               "who know them will know who it is")
    suggestion = ("leave out what singles the person out (the school, team, employer, grade, title), or post it only "
                  "with their written authorization (`consent: C-1042`)")

    def find(self, draft: Draft, analysis: Analysis) -> Span | None:
        text = draft.text
        reading = reading_of(draft, analysis)
        m = _SINGLED_OUT.search(text)
        if m and _MY_OWN_CARER.search(text, *sentence_bounds(text, m.start())):
            m = None  # "my own therapist (thank you, you know who you are)": the writer's carer, thanked
        if m and (_SLOT.search(text) or _CLIENT.search(text) or _CARE.search(text) or _with_a_colleague(text, reading)):
            return m.start(), m.end()  # "(tuesday 10am, we SAW your gums, you know who you are)"
        if _TEAM.search(text):
            for m in _JERSEY.finditer(text):
                s0, s1 = sentence_bounds(text, m.start())
                # (time with a colleague is care: "#7 — all those Tuesday afternoons w/ Priya ... paid off")
                if _in_care_here(text[s0:s1]) or _SEEN_HERE.search(text, s0, s1) \
                        or _with_a_colleague(text[s0:s1], reading):
                    return m.start(), m.end()
        m = _TREATING_IN_A_CASE.search(text)
        if m:
            return m.start(), m.end()
        m = _BIB.search(text)
        if m and (_CLIENT.search(text) or _in_care_here(text) or _with_a_colleague(text, reading)):
            return m.start(), m.end()  # "one of our walk-and-talk regulars cross the finish ... bib 4412"
        for m in _GUESS_WHO.finditer(text):
            # the one to guess is described in the question or in the post around it ("a VERY famous touring
            # musician ... His back was a mess from the tour bus lol. Guess who??")
            s0, s1 = sentence_bounds(text, m.start())
            if _ROLE_WORD.search(text, m.end(), s1) and (_SEEN_HERE.search(text, m.end(), s1)
                                                         or _in_care_here(text[s0:s1])):
                return m.start(), s1
            if s1 - m.end() < 12 and _FAMOUS.search(text) and (_SEEN_HERE.search(text) or _in_care_here(text)):
                return m.start(), m.end()
        m = _CHEERED_SLOT.search(text)
        if m:
            return m.start(), sentence_bounds(text, m.start())[1]
        for m in (*_SLOT_HOLDER.finditer(text), *_DAY_HOLDER.finditer(text)):
            s0, s1 = sentence_bounds(text, m.start())
            if _ROLE_WORD.search(text, m.end(), s1) or _NAMED_SPOT.search(text, m.end(), s1):
                # "your 2pm is also your kid's soccer coach", "your 10am ... at the Enterprise Safeway"
                return m.start(), s1
        for m in _ONE_OF_OURS.finditer(text):
            s0, s1 = sentence_bounds(text, m.start())
            if _NAMED_PLACE.search(text, m.end(), s1) and (_WHO_DOES.search(text, m.end(), s1)
                                                           or _ON_STAGE.search(text, m.end(), s1)):
                # "one of our dads — yes, the one who fixes bikes out of his garage on NE Alberta"; "one of their
                # clients perform on the main stage at Pride Northwest"
                return m.start(), s1
        ours = _ONE_OF_OURS_DIED.search(text) or _FAMILY_REFERRED.search(text)
        if ours:
            return ours.start(), ours.end()
        group = _small_group_in_care(text)
        if group:
            return group
        together = _particulars_together(text, reading, analysis)
        if together:
            return together
        for m in _ONLY_ONE_HOLDS.finditer(text):
            # "congrats to the 2026 Oregon Teacher of the Year!!! we've had the honor of walking alongside her"
            s0, _ = sentence_bounds(text, m.start())
            # (the care may come first: "we supported the only woman on Portland Fire’s hazmat team through her ...")
            if _CARE_GIVEN_STRONG.search(text, max(s0, m.start() - 40), m.start()):
                return m.start(), m.end()
            # (or counted among those in care: "38 students referred, 24 started care — and yes, that includes this
            # year's student body president")
            if _COUNTED_AMONG.search(text, s0, m.start()) and _TAKEN_INTO_CARE.search(text, s0, m.start()):
                return m.start(), m.end()
            word = re.compile(r"\w").search(text, m.end())
            n1 = sentence_bounds(text, word.start())[1] if word else m.end()
            if (_CARE_OF_THEM.search(text, m.end(), n1) or _in_care_here(text[s0:n1])) \
                    and not _colleague_in(text, reading, analysis, s0, n1) and not _staff_named(reading, analysis, s0, n1):
                return m.start(), m.end()  # (not "Congrats to Jordan, 2026 Counselor of the Year! we love working with him")
        for m in _DESCRIPTION.finditer(text):
            s0, s1 = sentence_bounds(text, m.start())
            word = re.compile(r"\w").search(text, s1)  # the next sentence, past "!!!", emoji and line breaks
            _, n1 = sentence_bounds(text, word.start()) if word else (s0, s1)
            if not (_narrowed(m) or _ONE_INCIDENT.match(text, m.end()) or _NAMED_IN_THE_NEWS.match(text, m.end())
                    or _named_workplace_in_clause(text, m.end()) or _THE_ONLY_ONE.search(text, m.end(), n1)):
                continue
            if any(m.start() <= a < m.end() and _WORKS_AT_BEFORE.search(text, max(0, a - 10), a)
                   and not _NAME_GOES_ON.match(text, b) for a, b in analysis.own):
                continue  # "the MSW intern at Harbor Light": narrowed to the practice's own people
            sentence, around = text[s0:s1], text[s0:n1]
            colleague_in_it = any(role == Role.STAFF and m.start() <= e.start < m.end()
                                  for e, role in reading.people(analysis)) \
                or bool(_A_CLINICIANS.search(m.group("mods") or ""))  # "Our hygienist Mei's daughter", "the Therapist’s Dad"
            before = text[max(0, m.start() - 40):m.start()]
            if _CASE_OF_BEFORE.search(before) and _PRACTICE_SPEAKS.search(text, s0, m.start()) and not colleague_in_it:
                return m.start(), m.end()  # "I'm consulting on a custody case involving a well-known local TV anchor"
            if _clinicians_story(before, reading) and not colleague_in_it and (
                    _PRACTICE_SPEAKS.search(text, s0, m.start()) or reading.names_colleague(text, s0, m.start())):
                return m.start(), m.end()  # "Students were riveted by Priya's story about the Grant High wrestler"
            spent = _SPENT_WITH.search(text, m.end(), s1)
            if spent and not colleague_in_it and _colleague_in(text, reading, analysis, spent.end(), s1):
                return m.start(), m.end()
            if (_CARE_GIVEN_STRONG.search(before) or _WORKED_ON_IN_BEFORE.search(before)) and not colleague_in_it \
                    and m.group("det").lower() != "our":
                # the one a colleague's care is given to, even where the colleague is named or presenting
                # ("Jordan presented ... on his year-long work supporting a Trail Blazers rookie through ...")
                return m.start(), m.end()
            if _STAFF_INTRO.search(sentence) or _colleague_in(text, reading, analysis, s0, s1) or colleague_in_it \
                    or (m.group("det").lower() == "our" and _OUR_JOB.fullmatch(m.group("role"))
                        and not re.search(r"\bfav", m.group("mods") or "", re.IGNORECASE)):  # (not "our favorite bus driver")
                continue  # "our Chief Morale Officer", "our head chef": the practice's own people
            if m.group("det").lower() == "my":
                # a clinician's "my firefighter from Sandy who still can't talk about ...": their client; "my mom
                # from Tigard" is the writer's own family
                # (told as one of the day's slots, or with their struggle: not "my 3rd grade teacher at Lincoln")
                if not _FAMILY_ROLE.fullmatch(m.group("role").split()[-1]) and _CLINICIANS_VOICE.search(text) and (
                        _SLOT.search(text, s0, m.start()) or _STRUGGLE.search(around) or _CLIENT.search(around)):
                    return m.start(), m.end()
                continue
            if _THEIR_CARE_AFTER.match(text, m.end()) and not colleague_in_it:
                return m.start(), m.end()  # "she's the one who did the mayor's wife's peel before the Harvest Gala"
            if _ONGOING_CARE_BEFORE.search(before):
                return m.start(), m.end()  # "this fall we started seeing the city's deputy parks director weekly"
            if _IN_OUR_GROUP_BEFORE.search(text, s0, m.start()) and not colleague_in_it:
                return m.start(), m.end()  # "Last spring's group had ... one of the morning anchors at Channel 6"
            if (_CARE_GIVEN_BEFORE.search(before) or _SESSION_WITH_BEFORE.search(before)) and _STRUGGLE.search(around):
                return m.start(), m.end()  # "a session with a portland city councilmember who is struggling"
            if m.group("det").lower() in ("a", "an"):
                # "a teacher" is anyone until the practice says it cares for them
                if not (_CARE_GIVEN_BEFORE.search(before) or _CLIENT.search(sentence) or _OWN_WORK.search(sentence)
                        or _LANDED_HERE.search(sentence)):
                    continue
            if _in_care_here(around):
                return m.start(), m.end()
        return None


# one of the practice's groups counting someone among its members: "Last spring's group had everyone from teachers to"
_IN_OUR_GROUP_BEFORE = re.compile(r"\b(?:our|last \w+['’]s|this \w+['’]s|the)\s+(?:[\w-]+\s+){0,3}(?:group|cohort|class|circle)\s+"
                                  r"(?:had|has|included|includes|drew|brought together)\b[^.!?\n]{0,80}$", re.IGNORECASE)


# the practice named as where someone works (not its town: "a sitting Portland City Council member")
_WORKS_AT_BEFORE = re.compile(r"\b(?:at|with|for)\s+(?:the\s+)?$", re.IGNORECASE)
_NAME_GOES_ON = re.compile(r"\s+(?-i:[A-Z])")


# a title one person holds at a time: "the 2026 Oregon Teacher of the Year", "this year's valedictorian at Grant"
_ONLY_ONE_HOLDS = re.compile(r"\b(?:[\w'’-]+\s+){0,3}(?-i:[A-Z])[a-z]+\s+of\s+the\s+Year\b|\bvaledictorian\b|"
                             # "the only woman on Portland Fire’s hazmat team"
                             r"\bthe\s+only\s+(?:[\w-]+\s+){0,2}?(?:woman|man|person|girl|boy|member|mom|dad|[a-z]+(?:er|or|ist|ian))"
                             r"\s+(?:on|at|in|of|from)\s+(?:the\s+)?(?-i:[A-Z])[\w'’.-]*|"
                             r"\bsalutatorian\b|\bpoet\s+laureate\b|\b(?:homecoming|prom|rose\s+festival)\s+(?:king|queen)\b|"
                             # a school's one office-holder: "this year's student body president"
                             r"\b(?:student\s+body|(?:senior|junior|freshman|sophomore)\s+class|asb)\s+president\b|"
                             r"\bdrum\s+major\b",
                             re.IGNORECASE)
_COUNTED_AMONG = re.compile(r"\b(?:includes?|including|among (?:them|those|whom)|one of (?:them|those))\b[^.!?\n]{0,30}$",
                            re.IGNORECASE)
_TAKEN_INTO_CARE = re.compile(r"\b(?:referred|started (?:care|therapy|counseling|sessions)|in (?:care|therapy|counseling)|"
                              r"(?:our )?(?:clients|patients|caseload)|seen by us|we(?:['’]ve| have)? (?:seen|treated|supported))\b",
                              re.IGNORECASE)
# ... and the practice's time with them, said of them: "walking alongside her", "supporting him"
_CARE_OF_THEM = re.compile(r"\b(?:walk(?:ed|ing)?\s+alongside|support(?:ed|ing)?|work(?:ed|ing)?\s+with|treat(?:ed|ing)?|"
                           r"see(?:ing)?|counsel\w*|sat\s+with|sitting\s+with)\s+(?:her|him|them)\b"
                           r"|\bthrough\s+(?:her|his|their)\s+(?:return|recovery|treatment|grief|divorce|transition)\b",
                           re.IGNORECASE)


# Particulars that, several together, fit only a few people: an age, a named place, a role, a when.
_AGE = re.compile(r"\b\d{1,3}[- ]?(?:yrs?|years?)[- ]old\b|\b\d{1,3}\s?(?:yo|y/o|y\.o\.)(?!\w)|\baged?\s+\d{1,2}\b"
                  r"|\b(?:he|she|they|who)\s+(?:was|is|were|are|turned|just turned)\s+\d{1,2}\b"
                  r"|\b\d{1,3}\s?(?-i:[MF])(?=[\s,.;:)])", re.IGNORECASE)  # "12 yr old", "15 yo", "he was 19", "58M"
_NAMED_PLACE = re.compile(r"\b(?:from|at|of|in|near|on)\s+(?:the\s+)?(?P<name>(?-i:[A-Z][\w'’.-]*)(?:\s(?-i:[A-Z][\w'’.-]*)){0,3})",
                          re.IGNORECASE)
_ROLE_ALONE = re.compile(r"\b(?:" + PERSON_ROLES + r")\b|\b(?:teaches|coaches|works) at\b", re.IGNORECASE)
_WHEN = re.compile(r"\b(?:last|this past|this)\s+(?:\d+(?:st|nd|rd|th)\s+of\s+\w+|fourth of july|winter|spring|summer|fall|"
                   r"autumn|week(?:end)?|month|christmas|thanksgiving|halloween|easter|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
                   r"|\b(?:yesterday|today|tonight|last night)\b|\bthis (?:morning|afternoon|evening)\b", re.IGNORECASE)
# a real person in care here, not a kind of patient: "we had a walk-in", "presented with", "i've EVER seen on a 15 yo"
_ONE_IN_CARE = re.compile(r"\b(?:client|patient|(?<!our )(?<!my )(?<!all )(?<!many )(?<!most )(?<!other )(?<!new )(?:clients|patients)|"
                          r"walk-?ins?|presented with|presents with|case|new members?|"
                          r"one of (?:my|our) (?:[\w-]+ )?(?:folks|kiddos|regulars|people|peeps)|"
                          # (not the writer's own: "This month I lost my grandmother", "I had my first panic attack")
                          r"(?:we|i)(?:['’]ve| have)?\s+(?:\w+\s+)?(?:had|saw|seen|treated|fit|fitted|lost)(?!\s+(?:my|our)\b))\b",
                          re.IGNORECASE)
# a kind of patient, not one: "if a 12 yr old from ...", "imagine a teacher ..."
_ANY_ONE = re.compile(r"\b(?:if|imagine|picture|for example|e\.g\.|say|whether|any|every)\b", re.IGNORECASE)
_INJURY = re.compile(r"\b(?:to the (?:face|eye|head)|abrasion|fracture\w*|broke(?:n)? (?:his|her|their)|wisdom teeth|"
                     r"hearing loss|tinnitus|torn|sprain\w*|burns?)\b", re.IGNORECASE)


def _staff_named(reading, analysis: Analysis, start: int, end: int) -> bool:
    """ "Find Dr. Okafor and nurse Tamika at the Greenfield Farmers Market this Saturday": the particulars are theirs."""
    return any(role == Role.STAFF and start <= e.start < end for e, role in reading.people(analysis))


def _particulars_together(text: str, reading, analysis: Analysis) -> tuple[int, int] | None:
    """One real person in care here told with two or more kinds of particulars in the same few
    sentences: "last 4th of july we had a walk-in, 12 yr old from the Oak Hill neighborhood,
    bottle rocket to the face"; "we lost a client to suicide. He was 19, a freshman home from
    State". Not a kind of patient ("if a 12 yr old ..."), not staff or public figures' news."""
    bounds = []
    at = 0
    while at < len(text):
        s0, s1 = sentence_bounds(text, at)
        bounds.append((s0, s1))
        at = max(s1 + 1, at + 1)
    for i, (s0, s1) in enumerate(bounds):
        w0, w1 = bounds[max(0, i - 1)][0], bounds[min(len(bounds) - 1, i + 1)][1]
        sentence = text[s0:s1]
        if not (_CARE.search(sentence) or _INJURY.search(sentence)) or _ANY_ONE.search(sentence):
            continue
        window = text[w0:w1]
        if not _ONE_IN_CARE.search(window) or reading.is_own_news(s0) or reading.names_colleague(text, w0, w1) \
                or _staff_named(reading, analysis, w0, w1) \
                or re.search(r"\b(?:welcome|joins?|joined|hired|our team)\b", window, re.IGNORECASE):
            continue
        places = [m for m in _NAMED_PLACE.finditer(window) if not _NOT_A_QUALIFIER.fullmatch(m.group("name").split()[0])]
        kinds = sum(map(bool, (_AGE.search(window), places, _ROLE_ALONE.search(window), _WHEN.search(window))))
        if kinds >= 2:
            return s0, s1
    return None


_ONE_IN_TOWN = frozenset({"mayor", "police chief", "fire chief", "sheriff", "superintendent", "governor"})


def _narrowed(m: re.Match) -> bool:
    """A proper name, a named school or workplace, an ordinal grade or "the only ..." in the
    description: few people fit it. Lower-case drafts name places too ("lincoln high", "cleveland high's")."""
    words = [w.strip(".,;:!?()\"'") for w in (m.group("mods") or "").split() + (m.group("post") or "").split()[1:]]
    if _ORDINAL.match(m.group("role")):
        return True
    if m.group("det").lower() in ("the", "our") and m.group("role").lower() in _ONE_IN_TOWN:
        return True  # "when the mayor sits in your chair for a cleaning": a town has one
    if any(w.lower().removesuffix("'s").removesuffix("’s") in _ONE_IN_TOWN and re.search(r"['’]s$", w) for w in words):
        return True  # "the mayor's wife", "the fire chief's son": a relative of the one in town
    if any(_FAMOUS.fullmatch(w) for w in words):
        return True  # "a well-known local TV anchor": fame narrows a town to one
    if any(re.fullmatch(r"(?:city|county|state|district|school|team|league|church|company|town|department)['’]s", w.lower())
           for w in words):
        return True  # "the city's deputy parks director": a post one person holds
    if any(w.lower() == "only" for w in words):
        return True  # "the head baker at the only bakery in millbrook", "the only female firefighter"
    if any(re.fullmatch(r"(?:triplet|quadruplet|quintuplet|sextuplet|quad|quint)s?", w.lower()) for w in words):
        return True  # "our triplet mama": a birth few families have
    # (in a shouted description every word is in capitals: "THE HARDEST-WORKING GOOD BOY" names no one; a
    # shouted name shows by what follows it, as below: "LINCOLN HIGH")
    shouted = m.group(0).isupper()
    for i, w in enumerate(words):
        if _ORDINAL.fullmatch(w):
            return True
        if w and _PROPER.fullmatch(w) and not _NOT_A_QUALIFIER.fullmatch(re.sub(r"['’]s$", "", w)) and w[0].isupper() \
                and not shouted:
            return True
        if i + 1 < len(words) and any(_NAMED_PLACE_WORD.fullmatch(part) for part in
                                      words[i + 1].lower().removesuffix("'s").split("-")) \
                and not _NOT_A_QUALIFIER.fullmatch(w) and w.replace("-", "").isalpha():  # "portland-area school"
            return True
    return False


# one thing that happened singles someone out: "the kid who bit dr. amy last month is back"
# what the relative clause after the description says of them: "a nurse who has worked nights in the pediatric ICU
# at the same Portland children's hospital", or the sentence after: "He's the only one on the list running ..."
_WHO_CLAUSE = re.compile(r"[ \t]+(?:who|that)[ \t]+[^.!?\n]{0,100}")
_THE_ONLY_ONE = re.compile(r"\b(?:the only one|the only (?:person|woman|man)|the only [\w-]+ (?:on|in|at) (?:the|that|this))\b",
                           re.IGNORECASE)


def _named_workplace_in_clause(text: str, end: int) -> bool:
    clause = _WHO_CLAUSE.match(text, end)
    if not clause:
        return False
    words = clause.group(0).split()
    return any(_PROPER.fullmatch(w) and w[0].isupper() and not _NOT_A_QUALIFIER.fullmatch(w)
               and any(_NAMED_PLACE_WORD.fullmatch(x.lower().strip(".,;:!?").removesuffix("'s").removesuffix("’s"))
                       for x in words[i + 1:i + 4])
               for i, w in enumerate(words))


# the one a news story names: "The teacher named in the article was seen at Harbor Light for only two sessions"
_NAMED_IN_THE_NEWS = re.compile(r"\s+(?:named|mentioned|identified|quoted|featured|pictured)\s+in\s+(?:the|a|this|that|"
                                r"today['’]s|yesterday['’]s|last week['’]s)\s+(?:\w+\s+)?(?:article|story|report|piece|segment|"
                                r"news|lawsuit|post|video|coverage)\b", re.IGNORECASE)
_ONE_INCIDENT = re.compile(r"\s+(?:who|that)\s+[^!?\n]{1,40}?\b(?:last (?:week|month|time|visit|year|summer|fall|winter|"
                           r"spring)|yesterday|the other day)\b", re.IGNORECASE)


# the practice getting someone back to their sport: "we'll have you back out there before playoffs"
_BACK_TO_PLAY = re.compile(r"\b(?:have|get|got|getting|bring|bringing)\s+(?:you|u|him|her|them)\s+back\s+(?:out there|"
                           r"on the (?:field|court|ice|mat|pitch|track|course|slopes)|in the (?:game|lineup|pool|ring)|"
                           r"on (?:your|his|her|their) feet)\b", re.IGNORECASE)


def _in_care_here(chunk: str) -> bool:
    """The sentence (and the next) says the person is in care with the practice."""
    if _CLIENT.search(chunk) or _OWN_WORK.search(chunk) or _BACK_TO_PLAY.search(chunk) or _SEEN_HERE.search(chunk) \
            or _LANDED_HERE.search(chunk):
        return True
    return bool(_CARE.search(chunk) and _PRACTICE_SPEAKS.search(chunk))


# A few people from one named team, crew, branch or class, in care here: "Three members of the same longshore crew
# at Terminal 6 came to see me", "a coach refers 4 kids from the same team ... Cleveland HS wrestling we see you",
# "half their branch managers are on our waitlist". Their colleagues know who they are, though no one is named.
_FEW = r"(?:two|three|four|five|six|seven|eight|nine|ten|a few|a couple of|several|half|most|both|\d{1,2}|a lot of|lots of|" \
       r"many of)"
_PEOPLE_OF_A_GROUP = (r"(?:(?!others\b|numbers\b|hours\b|orders\b|letters\b|papers\b|offers\b|centers\b)"
                      r"[a-z]+(?:ers|ors|ists|ians|ees)|members|kids|players|guys|girls|boys|managers|employees|workers|staff(?:ers)?|nurses|teachers|"
                      r"officers|firefighters|medics|paramedics|deputies|drivers|co-?workers|athletes|students|teammates|"
                      r"wrestlers|swimmers|runners|dancers|sophomores|freshmen|juniors|seniors|roommates|residents|moms|"
                      r"dads|parents|volunteers|cadets|soldiers|linemen|lineworkers|longshoremen|miners|cooks|servers|"
                      r"tellers|agents|reps|associates|engineers|techs|technicians|coaches|pastors|executives|crew|partners)")
_FEW_OF_A_GROUP = re.compile(r"\b(?P<det>(?:our|my)\s+)?" + _FEW + r"\s+(?:of\s+)?(?:the\s+|their\s+|its\s+|his\s+|her\s+)?"
                             r"(?:[\w'’&-]+\s+){0,3}?" + _PEOPLE_OF_A_GROUP + r"\b", re.IGNORECASE)
# the one group they come from: "from the same team", "on one crew", or its name in the sentence
_ONE_GROUP = re.compile(r"\b(?:the\s+)?(?:same|one|a\s+single)\s+(?:[\w-]+\s+){0,2}?(?:team|crew|squad|unit|shift|"
                        r"department|dept|branch|class|cohort|station|store|plant|warehouse|company|firm|school|club|"
                        r"congregation|dorm|floor|hall|office|platoon|roster|program)\b", re.IGNORECASE)
# ... and their care here, said in the same sentence
_GROUP_IN_CARE = re.compile(
    r"\b(?:came|come|coming|comes)\s+(?:in\s+)?to\s+see\s+(?:me|us)\b|\b(?:were|was|been|got|get)\s+referred\b"
    r"|\b(?:is|are|were|been)\s+on\s+(?:our|my)\s+(?:wait\s?list|caseload|schedule)\b"
    r"|\b(?:are|were|became|now)\s+(?:our|my)\s+(?:clients|patients)\b"
    r"|\b(?:started|began|starting|in)\s+(?:therapy|counsel\w*|treatment|sessions)\s+(?:with|at|here)\b"
    r"|\bbooked\s+(?:in\s+)?with\s+(?:me|us)\b|\b(?:seeing|see)\s+(?:me|us|our\s+(?:team|therapists?|clinicians?))\b"
    r"|\bjoined\s+our\s+(?:[\w-]+\s+){0,3}(?:group|program|iop|cohort|circle)\b"
    # "Our EAP caseload has doubled — including ...", "on our couches", "group debriefs for the 11 employees who ..."
    r"|\b(?:our|my)\s+(?:[\w-]+\s+)?caseload\b|\b(?:on|in)\s+(?:our|my)\s+(?:couch(?:es)?|chairs?|office)\b"
    r"|\b(?:debrief(?:s|ing)?|sessions?|counsel\w*)\s+for\s+(?:the|all|their|its)\b|\bfollow-?ups?\s+with\s+(?:us|me|"
    r"(?-i:[A-Z])[a-z]+)\b", re.IGNORECASE)
_REFERS = re.compile(r"\brefer(?:s|red|ring|rals?)?\b", re.IGNORECASE)
_NAMED_IN = re.compile(r"(?<![.!?]\s)(?<!^)\b(?-i:[A-Z][\w'’&.-]*[A-Za-z])\b(?:\s+(?:\d+|[A-Z]{2,}))?")


# a workplace small enough that its clients here are known: "Six of their 14 baristas booked through our portal",
# "the leadership at Fernhill Letterpress (all 9 of you!) ... our clients from your team"
_SMALL_HEADCOUNT = re.compile(r"\ball\s+(?P<a>\d{1,2})\s+of\s+(?:you|them)\b|\b(?:team|staff|crew|company|shop|office)\s+of\s+"
                              r"(?P<b>\d{1,2})\b|\b(?P<c>\d{1,2})[- ](?:person|people|employee)\b"
                              r"|\bof\s+(?:their|its|the|your)\s+(?P<d>\d{1,2})\s+(?:[a-z]+(?:ers|ors|ists|istas|ians|ees)|staff|"
                              r"people|folks|members|nurses|teachers|employees)\b", re.IGNORECASE)
_CLIENTS_FROM_THERE = re.compile(r"\b(?:clients|patients)\s+(?:from|at|on|in)\s+(?:your|their|the|its)\s+(?:team|staff|crew|"
                                 r"company|office|shop|workplace|store|firm)\b"
                                 r"|\bbooked\s+(?:through|via|on|with)\s+(?:our|us)\b|\bsigned\s+up\s+(?:with\s+us|for\s+(?:our|sessions|"
                                 r"therapy|counsel\w*))\b"
                                 # a colleague's care: "the nursing cohort ... she's been seeing all semester (all 6 of them)"
                                 r"|\b(?:she|he|they|we|i)(?:['’]s|['’]ve| has| have)?\s+been\s+(?:seeing|treating|working with|"
                                 r"counsel\w*)\b", re.IGNORECASE)
_MOST_IN_A_SMALL_PLACE = 30


def _small_workplace_in_care(text: str) -> tuple[int, int] | None:
    small = [m for m in _SMALL_HEADCOUNT.finditer(text)
             if int(next(g for g in m.groups() if g)) <= _MOST_IN_A_SMALL_PLACE]
    there = _CLIENTS_FROM_THERE.search(text)
    return (there.start(), there.end()) if small and there else None


def _small_group_in_care(text: str) -> tuple[int, int] | None:
    small = _small_workplace_in_care(text)
    if small:
        return small
    for m in _FEW_OF_A_GROUP.finditer(text):
        if m.group("det"):
            continue  # "three of our therapists": the practice's own
        s0, s1 = sentence_bounds(text, m.start())
        word = re.compile(r"\w").search(text, s1)  # the next sentence may name the group: "... Cleveland HS wrestling"
        n1 = sentence_bounds(text, word.start())[1] if word else s1
        # (sent to us by someone: "a coach refers 4 kids", not "three teachers at Lincoln refer students to us")
        referred = _REFERS.search(text, s0, m.start())
        # (or cared for by the practice: "to support both of their openly trans middle schoolers")
        cared_for = _CARE_GIVEN_STRONG.search(text, max(s0, m.start() - 40), m.start())
        if not (_GROUP_IN_CARE.search(text, s0, s1) or referred or cared_for) or _STAFF_INTRO.search(text, s0, s1):
            continue
        named = [n for n in _NAMED_IN.finditer(text, s0, n1)
                 if not _NOT_A_QUALIFIER.fullmatch(n.group(0).split()[0]) and n.start() != s0]
        if _ONE_GROUP.search(text, s0, s1) or named:
            return m.start(), m.end()
    return None

