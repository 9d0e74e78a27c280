"""Whose detail is it? Each identifier the analysis found gets a role, read
from how the sentence treats it, before any check decides a severity.

- PUBLIC: an author, a quoted or famous person ("— Carl Rogers", "as Brené
  Brown says", "Simone Biles' essay", "a book by Matt Haig").
- STAFF: a clinician or employee ("welcome Tasha Brooks, our new
  hygienist", "Dr. Lee joins us", a name with a professional credential).
- HOTLINE: a public crisis or help line (988, 741741, toll-free numbers
  introduced as a line to call or text).
- OPERATIONS: a date of the practice's own calendar (closures, hours,
  events, workshops, awareness days), not of anyone's care.
- PRACTICE: a phone number or e-mail address the post hands its readers
  ("call us at", "our office manager would love to talk: ..."): the
  practice's own contact, not a patient's.
- UNKNOWN: anything else, which includes every patient; the checks treat it
  as possibly a patient.

Only UNKNOWN details can be PHI. The cues are grammatical (attribution,
apposition, the verb a date belongs to), so they hold for any name."""
from __future__ import annotations

import functools
import re
from dataclasses import replace
from enum import Enum
from typing import Iterable

from checks.base import Entity
from checks.phi.lexicon import (ANIMAL, CREDENTIALS, HEALTH_TERMS, HONORIFICS, OUTSIDE_JOBS, cities, common_surnames,
                                english_words, given_names, is_vocabulary, mostly_given_name, public_figures)
from checks.phi.recognizers.textcase import case_style
from checks.policy import lexicon as L


class Role(str, Enum):
    UNKNOWN = "unknown"
    PUBLIC = "public"
    STAFF = "staff"
    HOTLINE = "hotline"
    OPERATIONS = "operations"
    ORGANISATION = "organisation"
    PRACTICE = "practice"  # the practice's own contact, handed to readers ("call us at", "email ... and we'll reply")
    INVENTED = "invented"  # a name the draft says is made up: a composite or hypothetical case


_I = re.IGNORECASE
_DASH = r"[-–—~]"
# Text right before a name that makes it an author or a quoted public figure.
_PUBLIC_BEFORE = re.compile(
    r"(?:^|[\"”'.!?)\]]\s*|\n\s*)" + _DASH + r"+\s*$"             # "...quote" — Name
    r"|\b(?:by|author|authors|novelist|poet|writer|researcher|psychologist|psychiatrist|professor|philosopher|"
    r"olympian|athlete|swimmer|gymnast|singer|rapper|actor|actress|musician|comedian|quarterback|tennis star|"
    r"star|celebrity|founder of [\w\s-]{3,40},?|(?:late|legendary|famous|renowned|beloved|great) [\w\s-]{0,30}|"
    r"podcaster|host|president|poet laureate|activist|pioneer|neuroscientist|monk|teacher|prince|princess|king|"
    r"queen|duke|duchess|senator|sen\.|gov\.|governor|pope|saint|sir|dame|mayor|councilor|councillor|council member|"
    r"commissioner|representative|rep\.|congressman|congresswoman|secretary|sheriff|superintendent|chancellor|"
    # another business's owner (the practice's own is staff: "our founder Nicole")
    r"ambassador|bishop|archbishop|reverend|rev\.|(?<!our )(?<!ur )(?<!my )(?:owner|co-?owner|co-?founder|founder|ceo|"
    r"proprietor|(?:owner|founder) coach)|"
    r"documentary|film|movie|book|memoir|novel|podcast|series|album|song|ted talk)\s+(?:dr\.?\s+)?$"
    r"|\bby\s+[\w'’.-]+(?:\s+[\w'’.-]+){0,2}\s+(?:and|&)\s+$"  # "by Emily and Amelia Nagoski"
    r"|[\w!?.][\"”]\s*,\s*(?:[\w'’.-]+\s+(?:and|&)\s+)?$"  # a title, then its authors: "“Burnout”, Emily & Amelia Nagoski"
    r"|\b(?:as|like|wrote|writes|quoting|(?:quote|words|wisdom|lessons?|advice|insights?) from|words of|"
    r"according to|inspired by)\s+"
    r"(?:dr\.?\s+)?$"
    # a quote's attribution ("...," says Brené Brown), not reported speech ("she says Marjorie still beats her")
    r"|[\"”’',]\s*(?:says|said)\s+(?:dr\.?\s+)?$", _I)
# Text right after a name that makes it a public figure: "'s book", "once said", ", author of".
_PUBLIC_AFTER = re.compile(
    # (any word between only after a possessive: "Brené Brown's quiet book", not "Noah started speech")
    r"^(?:(?:'s?|s')\s*(?:\w+ )?|\s*)(?:(?:new |latest |classic |bestselling |best-selling |famous |powerful |viral |"
    r"recent )?(?:book|memoir|essay|novel|poem|podcast|ted talk|talk|quote|quotes|words|research|study|work|"
    r"article|op-ed|interview|documentary|film|album|song|speech|lecture|method|theory|model|framework|series|"
    r"show|episode|special|campaign|movie|channel|newsletter|blog|tour|concert|tickets?|ticket stubs?|lyrics|playlist|"
    r"merch|fandom)\b"
    r"|^\s*(?:jr\.?\s+)?day\b"                                        # "Martin Luther King Jr. Day"
    # the book's authors: "If you've ever needed an owner's manual ..., Nancy Mace and Peter Rabins wrote it"
    r"|^(?:\s+(?:and|&)\s+[\w'’.-]+(?:\s+[\w'’.-]+){0,2})?\s+(?:wrote|co-?wrote|authored)\s+(?:it|the book|this book|that book)\b"
    # an author by what they put out: "In 2005, Brooke Shields published Down Came the Rain, a memoir about ..."
    r"|^\s+(?:has\s+|had\s+)?(?:published|released|penned|authored)\b[^.!?\n]{0,60}\b(?:memoir|book|novel|essay|album|"
    r"song|article|op-?ed|podcast)\b"
    # researchers and what they found, dated: "the six areas Christina Maslach and Michael Leiter described decades ago"
    r"|^(?:\s+(?:and|&)\s+[\w'’.-]+(?:\s+[\w'’.-]+){0,2})?\s+(?:first\s+)?(?:described|identified|developed|proposed|"
    r"defined|outlined|published|studied|coined)\b(?:(?!\b(?:his|her|their|my|me|us|we|our)\b)[^.!?\n]){0,40}?(?:\b(?:decades|years)\s+ago\b|\bin\s+(?:the\s+)?(?:19|20)\d\d)"
    r"|^\s+et\s+al\b|^\s*(?:,\s*|\(\s*)(?:19|20)\d\d\s*[),;]"              # a study's author: "Trauer et al., 2015"
    r"|^\s+(?:reads|reading|will read|signs|signing|will sign|discusses|will discuss)\s+(?:from\s+|copies of\s+)?"
    r"(?:[\"“'‘]|(?:her|his|their) (?:new |latest |debut )?(?:book|memoir|novel|essays|poems))"  # an author's event
    # (a bare "said" cites only before the words it cites: "mateo said his first full sentence" is no quote)
    r"|,?\s*(?:once |famously |beautifully |who )(?:said|wrote)\b|,?\s*(?:said|wrote)(?:\s+it(?:\s+(?:best|well|beautifully|perfectly))?)?\s*[,:—–-]?\s*[\"“'‘]"
    r"|,?\s*(?:once |famously |beautifully |who )?(?:put it|reminds us|observed|noted|teaches|taught|"
    r"coined)\b|,?\s*(?:the |an? )?(?:author|founder|creator|pioneer|father|mother|researcher|psychologist|"
    r"olympian|athlete|singer|actor|actress|poet|philosopher|professor|host) (?:of|who|and)\b"
    r"|\s*\((?:author|\d{4}))"
    # someone who tells their own health story in public: "Hugh Jackman has spoken publicly about ..."
    # (past a band or a role: "Pete Townshend of The Who has spoken publicly", "Selena, the singer, has ...")
    r"|^(?:\s+of\s+(?:the\s+)?[\w'’]+(?:\s+[\w'’]+){0,3}?|\s*,[^,\n]{1,40},)?"
    r"\s+(?:has |have |had )?(?:spoken|speaks|talked|talks|written|writes|opened up)\s+(?:\w+\s+){0,2}?"
    r"(?:publicly|in (?:interviews|the press|his memoir|her memoir|their memoir))\b", _I)
# Staff: credentials after the name, or the sentence introduces a colleague.
_LOWER_CREDENTIALS = "(?:" + "|".join(re.escape(c) for c in sorted(CREDENTIALS, key=len, reverse=True)) + ")"
_CREDENTIAL = re.compile(
    r"^,?\s*(?:LCSW|LICSW|LPC|LPCC|LMHC|LMFT|LCPC|LCADC|CADC|PhD|PsyD|MD|DO|DDS|DMD|DPT|PT|PTA|DC|OD|RN|NP|"
    r"PA-C|PA|RD|RDN|CCC-SLP|SLP|OTR/L|OTR|OTD|OT|COTA|MSW|MA|MS|MEd|BCBA|LAC|LAc|L\.Ac\.?|CRNP|FNP|FNP-C|PMHNP|NP-C|DNP|"
    r"APRN|RDH|CDA|LMT|CNM|CPM|LPN|CNA|LDN|IBCLC|ATC|CSCS|MPH|FACOG)(?![\w-])"
    r"|^,\s*(?i:[a-z][a-z]?\.){2,4}(?=[\s,]|$)"  # degrees with stops: "Hannah Okafor, M.S., CCC-SLP", "Ph.D."
    # typed in lower case too, where the letters are no ordinary word ("dr. sam ortega, dpt")
    r"|^,\s*(?i:(?:ms|ma|md|do|pt|ot|rn|np|pa|od|dc|med),\s*)*(?i:" + _LOWER_CREDENTIALS + r")\b")


def job_title_after(text: str, end: int) -> bool:
    """A job title follows the name ending at ``end``, as under a signature ("Tamsin Hale, Practice Manager")."""
    return bool(_SIGNATURE_TITLE_AFTER.match(text[end:end + 60]))


def credential_after(text: str, end: int) -> bool:
    """A professional credential follows the name ending at ``end`` ("Nadia Farrow, MD, and ...")."""
    return bool(_CREDENTIAL.match(text[end:end + 40]))


_CREDENTIAL_BEFORE = re.compile(
    r"(?:^|\s)" + _DASH + r"?\s*[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*,\s*(?:[A-Z][A-Za-z/\-]{1,7},?\s*){1,3}[|·•]?\s*$"
    r"|(?:^|\s)" + _DASH + r"?\s*[a-z][\w'’\-]+(?:\s+[a-z][\w'’\-]+)*,\s*(?:[a-z/\-]{1,7},\s*){0,2}"
    + _LOWER_CREDENTIALS + r",?\s*[|·•]?\s*$")
_STAFF_SENTENCE = re.compile(
    r"\b(?:(?<!always )(?<!all )(?<!are )(?<!is )(?<!be )(?<!re )(?<!re so )welcome(?! back| to the world)|welcoming(?! back)|"
    # (a meet is a race too: "before every meet")
    r"(?<!every )(?<!each )(?<!the )(?<!a )(?<!swim )(?<!track )(?<!next )(?<!this )(?<!that )(?<!big )(?<!home )meet|"
    r"introducing|introduce|joins|joined|joining|hired|new hire|"
    # ("our team" alone is who gives the care, not who the person is: "our team will start in-home pt with him")
    r"say hello to|say hi to|(?:our|the) (?:newest |new )(?:team|staff)|our (?:team|staff) members?|"
    # the team out together: "Dr. Amir, Keisha, Lou and Tina after our team lunch"
    r"(?:team|staff|office) (?:lunch|dinner|breakfast|outing|party|retreat|potluck|happy hour|night out|huddle|photo)|"
    r"(?:our (?:newest |new )?|the (?:newest |new ))(?:clinician|therapist|counsel+or|hygienist|dentist|"
    r"receptionist|front desk|office manager|director|clinical director|intern|psychologist|psychiatrist|"
    r"physical therapist|chiropractor|assistant|coordinator|nurse|practitioner|provider|doctor|dietitian|"
    r"nutritionist|speech therapist|biller|manager|founder|owner)|retir(?:ement|ing)|(?<!a )(?<!an )retired|"
    r"new intern|(?:mat|pat) leave|anniversary with us|work anniversary|(?:will be |is |are )?covering (?:for|adjustments|appointments|sessions|patients|clients|"
    r"the office|urgent)|fill(?:s|ing)? in for|(?:parental|maternity|paternity|medical) leave|out on leave|"
    r"years (?:with|at) (?:us|the practice|our)|employee of the month|staff spotlight|team spotlight|"
    # "who greeted everyone at our Westside front desk for 27 years"
    r"(?:at|behind|on) (?:our|the) [^.!?\n]{0,40}\b(?:front desk|reception desk|reception|desk)\b[^.!?\n]{0,10}\bfor "
    r"(?:\d+|\w+) years|"
    r"on staff|(?:our|my) colleague|(?:is|are) (?:now )?(?:accepting|seeing) new)\b", _I)
# a clinician's title: in a post, "Dr. X" is who treats, unless the sentence says X is the patient
_DOCTOR_BEFORE = re.compile(r"\b(?:dr|dra|doctor|doctora)\.?\s+$", _I)  # (Spanish: "Dra. Herrera")
_EVENT_AFTER = re.compile(r"^(?:\s+[A-Z][\w'’-]*){0,3}\s+(?:Fun\s+)?(?:Run|Walk|5K|10K|Half Marathon|Marathon|Race|Gala|Festival|Fair|Classic|"
                          r"Challenge|Expo|Summit|Conference|Open|Tournament|Invitational)\b")
# (the colleague may be named first: "Congrats to our very own Dr. Amy Nguyen and her husband Chris on the arrival of")
_NEW_BABY_BEFORE = re.compile(r"\bcongrat\w*(?: again| so much| once more)?"
                              r"(?: to (?:you|(?:[^.!?\n]|(?<=\bdr)\.|(?<=\bDr)\.){1,80}?))? on "
                              r"(?:the (?:arrival|birth) of )?(?:your |their |her |his )?(?:new )?(?:baby|little|newborn)\s+$",
                              _I)
_TEAM_AFTER = re.compile(r"^\s+(?:game|games|match|home opener|season opener|playoffs?|fans|stadium|dugout|locker room)\b", _I)
_WELCOME_BABY_BEFORE = re.compile(r"\bwelcome to the world,?\s+(?:baby\s+|little\s+)?$", _I)
# the doctor as the one giving the care: "dr kim delivered at 3am", "Dr. Osei performed the extraction"
# the doctor someone is seen by or told: "Your follow-up with Dr. Lin is set", "notify Dr. Weiss before the scaling"
_CARE_FROM_DOCTOR_BEFORE = re.compile(r"\b(?:with|w/|by|from|see|seeing|saw|notify|tell|ask|call|page|text)\s+"
                                      r"(?:dr\.?|doctor)\s+$", _I)
_GIVES_CARE_AFTER = re.compile(r"^\s+(?:\w+\s+)?(?:delivered|performed|treated|operated|placed|fitted|stitched|"
                               r"caught (?:her|him|the baby)|presented (?:at|on|with our)|spoke (?:at|on)|lectured|taught)\b", _I)
_A_DOCTOR = re.compile(r"\b(?:dr|doctor)\.?\s+[A-Z]", _I)
_BACK_FROM_LEAVE = re.compile(r"\b(?:maternity|paternity|parental|family) leave\b", _I)
_LINE_OPENING = re.compile(r"(?:^|\n)[ \t]*(?:[•·*▪➡👉\-–—]|\d{1,2}[.)])?[ \t]*$")
_BY_AN_AUTHOR_AFTER = re.compile(r"\s+by\s+(?:dr\.?\s+)?[A-Z][\w'’-]+")
# the start of a listed title before the span: "2. Life Without Ed" (of "... by Jenni Schaefer")
_TITLE_WORDS_OPENING_A_LINE = re.compile(
    r"(?:^|\n)[ \t]*(?:[•·*▪➡👉\-–—]|\d{1,2}[.)])[ \t]*(?-i:(?:[A-Z0-9][\w'’-]*|a|an|the|of|to|in|on|for|and|with|"
    r"is|at|from|your|my|our|not|without)[ \t]+){1,8}$")
# ... with more of the title after the span: "1. Goodbye Ed|, Hello Me by Jenni Schaefer"
_TITLE_RUNS_TO_AN_AUTHOR_AFTER = re.compile(r"(?:[,:!?]?[ \t]+(?-i:[A-Z0-9][\w'’-]*|a|an|the|of|to|in|on|for|and|with|me|you|"
                                            r"my|your)){1,8}[ \t]+by[ \t]+(?:dr\.?[ \t]+)?(?-i:[A-Z])")
# a listed title with its maker in brackets: "• Hidden Brain (Shankar Vedantam)", "3. The Happiness Lab (Dr. "
# (any mark may open the line, "🎧 ADHD reWired (Eric Tivers)"; a co-host may share the brackets, "(Ali & Joe Hartwell)")
_LISTED_TITLE_BRACKET_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*(?:[^\w\s(]{1,3}|\d{1,2}[.)])[ \t]*(?-i:[A-Z0-9][^\n()]{1,80})\((?:[^()\n]{1,40}(?:&|\band\b|,)[ \t]*)?"
    r"(?:dr\.?[ \t]+)?$", re.I)
_BRACKET_CLOSES_A_LISTED_TITLE = re.compile(r"(?:[ \t]*(?:&|\band\b|,)[^()\n]{1,40})?\)[ \t]*(?:[:—–-]|\n|$)", re.I)
_MEDIA_WORDS = re.compile(r"\b(?:podcasts?|books?|reads?|reading|listen\w*|episodes?|memoirs?|authors?|hosts?|shows?|"
                          r"films?|documentar(?:y|ies)|audiobooks?|novels?)\b", re.I)
# insurers and plans the practice takes: "in network with Moda, Regence and Aetna", "we accept Kaiser"
_INSURERS_BEFORE = re.compile(
    r"\b(?:in[- ]network with|(?:we|i) (?:accept|take|bill)|insurance (?:from|like|through)|plans? (?:from|like)|"
    r"covered by|credentialed with|contracted with|(?:our|to|the)\s+(?:\w+\s+)?(?:sponsors|partners|vendors|donors))"
    r":?\s+(?:[\w&'’-]+(?:\s+[\w&'’-]+){0,2},?\s+(?:(?:and|or|&)\s+)?){0,6}$", _I)
_PRACTICE_PLACE_AFTER = re.compile(r"^['’]s\s+(?:\w+\s+)?(?:office|offices|clinic|practice|location|front desk)\b", _I)
_AT_A_BUSINESS_BEFORE = re.compile(r"\b(?:at|from|near|inside|outside)\s+$", _I)
_BUSINESS_POSSESSIVE = re.compile(
    r"^['’]s\b(?!\s+(?:house|home|place|apartment|flat|party|wedding|funeral|memorial|bedside|side|office|room|"
    r"school|birthday|graduation|game|recital|family|mom|dad|parents))", _I)
# someone thanked for what their business gave the team: "thx to Lina at Leaf & Bean for the team order"
_THANKED_BEFORE = re.compile(r"\b(?:thanks|thank you|thx|ty|shout-?out|shout out|big love|grateful|kudos)\s+(?:so much\s+)?"
                             r"(?:to\s+)?$", _I)
_OF_A_BUSINESS_AFTER = re.compile(r"^\s+(?:at|from|of|@)\s+(?:the\s+)?(?![A-Z][\w'’]*\s+(?:High|Elementary|Middle|"
                                  r"Academy|School|College|University)\b)(?-i:[A-Z][\w'’]*)(?:\s+(?:&\s+)?(?-i:[A-Z][\w'’]*)){0,3}"
                                  r"\s+for\s+(?:the|our|a|an|all|sponsoring|donating|hosting|feeding|catering|bringing)\b")
# someone thanked for what they did for the practice: hosting it, inviting it, sponsoring it
# "Big thank you to Rick at Gorge Plumbing & Heating for coming out on a Sunday": he came for his business
_AT_A_BUSINESS_AFTER = re.compile(r"^\s+(?:at|from|of|@)\s+(?:the\s+)?(?-i:[A-Z][\w'’]*)(?:\s+(?:&\s+)?(?-i:[A-Z][\w'’]*)){0,3}"
                                  r"\s+for\s+\w+ing\b")
_THANKED_IN_A_LIST_BEFORE = re.compile(r"\b(?:thanks|thank you|thx|ty|shout-?out|shout out|big love|grateful|kudos)\b"
                                       r"(?:\s+(?:so much|again))?\s+(?:to\s+)?(?:[^.!?\n]{0,60}?\s(?:and|&)\s+)?"
                                       r"(?:[a-z]+\s+){0,2}(?:(?:dr|mr|mrs|ms|mx)\.?\s+)?$", _I)
_HELPED_US_AFTER = re.compile(r"(?:\s+(?:and|&)\s+[^!?\n]{1,60}?)?\s+for\s+(?:hosting|having us|the (?:kind )?invit\w*|"
                              r"inviting us|sponsoring|donating|organi[sz]ing|coordinating|welcoming us|"
                              # (not a client thanked for her story: "for letting us share your story")
                              r"letting us(?!\s+(?:share|post|use|tell|feature|quote|film|photograph)\b)|"
                              r"partnering|the (?:space|venue|donation|sponsorship)|believing in (?:us|our|this|what|access\w*)|"
                              r"(?:your|the|this) (?:generous )?(?:gift|grant|donation|support))\b", _I)
# a job at the practice right next to the name: "our peer support specialist Tanya", "done by our NP Dana",
# "our practice manager, Lynn,", "Nicole, our founder"
_STAFF_JOB = (r"(?:(?:clinic|practice|office|peer support|peer|group|nurse|lead|head|senior|medical|clinical|billing|intake|"
              r"patient care|front desk|community|outreach|care|patient) )?(?:co-)?(?:team member|therapist|counsel+or|hygienist|dentist|receptionist|"
              r"director|intern|psychologist|psychiatrist|chiropractor|assistant|coordinator|nurse|practitioner|"
              r"provider|doctor|dietitian|nutritionist|biller|manager|founder|co-?founder|owner|specialist|injector|"
              r"np|pa|aesthetician|esthetician|massage therapist|trainer|navigator|scheduler|supervisor|lcsw|"
              r"social worker|physical therapist|pt|ot|slp|speech therapist|dental assistant|liaison|advocate|educator|"
              r"midwife|midwive|doula|lactation consultant|acupuncturist|optometrist|hygienist|technician|tech|dpt|aide|administrator|"
              r"volunteer|volunteer handler|handler|chef|cook|driver|housekeeper|custodian|facilitator|group leader|"
              # any clinician named for their field: "our audiologist", "our podiatrist", "our pediatrician"
              r"lead|physio|pta|cota|rn|lpn|cna|rdh|ma|[a-z]{3,}(?:ologist|ist|ician|ographer))s?")  # "our DPTs"
STAFF_JOB = _STAFF_JOB  # for checks/subjects.py: "one of our PT assistants" is a colleague
_SIGNATURE_TITLE_AFTER = re.compile(
    r"^\s*,\s*(?:Medical|Clinical|Executive|Program|Practice|Office|Managing)\s+(?:Director|Manager)\b"
    r"|^\s*,\s*(?:Owner|Founder|Co-?Founder|CEO|President|Practice Owner)\b"
    # any job as a signature's title, ending its line: "Kendra Lewis, Intake Coordinator"
    r"|^[ \t]*,[ \t]*(?-i:(?:[A-Z][\w&/-]*[ \t]+){0,3}(?=[A-Z]))" + _STAFF_JOB + r"[ \t]*(?:$|\n|[|·•])", _I)
# the parents are colleagues: "Welcome to the world, baby Rose! Dr. Amani and her husband welcomed their daughter"
_COLLEAGUE_WELCOMED = re.compile(r"\b(?:dr\.?|doctor|our\s+(?:\w+\s+)?(?:" + _STAFF_JOB + r"))\s+[^.!?\n]{0,60}\bwelcomed\b", _I)
_STAFF_JOB_BEFORE = re.compile(r"\b(?:our|ur|your|the practice'?s|the clinic'?s)\s+"
                               # "our very own", "our beloved", "our Client Relations" (not "our client")
                               r"(?:(?!(?:clients?|patients?)\b(?!\s+(?:relations|services|experience|advocacy|care|access|"
                               r"success|intake)\b))[a-z-]+\s+){0,2}"
                               # "our incredible nurses: Rhonda, Kim, ...", "meet our winter interns!! 👋 Kayla"
                               + _STAFF_JOB + r"\s*(?:[,:—–]|!+)?\s*(?:[^\w\s]\s*){0,3}(?:dr\.?\s+)?$"
                               # two hats: "our own physical therapist and RYT-200 instructor, Camille Duarte"
                               r"|\b(?:our|ur)\s+(?:(?!clients?\b|patients?\b)[a-z-]+\s+){0,2}" + _STAFF_JOB
                               + r"\s+(?:and|&)\s+(?:(?!clients?\b|patients?\b|his\b|her\b|their\b)[\w-]+\s+){0,2}"
                               r"(?!clients?\b|patients?\b)[\w-]+\s*,\s*$"
                               # the last of a pair or list after a job: "opticians Grace & Rafael will be on hand"
                               # (an aside may follow a name: "PTs Jordan Lee (1:42 — new PR!!) and Amira Haddad")
                               r"|\b" + _STAFF_JOB + r"\s+(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))?(?:\s*\([^()\n]{0,40}\))?"
                               r"(?:\s*,\s*(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))?(?:\s*\([^()\n]{0,40}\))?){0,5}\s*,?\s*(?:and|&)\s+$"
                               # a desk's praise as a title: "to front desk legend Bev Ostrowski"
                               # (not "Our very own front desk superstar Tasha delivered with Dr. Kim": a colleague in care)
                               r"|\b(?:front[- ]desk|front[- ]office|billing|scheduling|intake|reception)\s+(?:legend|hero|queen|"
                               r"king|wizard|guru|ninja|magician|boss|mvp|extraordinaire)\s+$"
                               # the rest of the list: "our SLPs, Kwame Mensah and Hope Delgado, tell parents"
                               r"|\b(?:our|ur)\s+(?:(?!clients?\b|patients?\b)[a-z-]+\s+){0,2}" + _STAFF_JOB
                               + r"\s*[,:—–]?\s*(?:(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))?\s*(?:,\s*(?:and|&)?|and|&)\s*){1,6}$"
                               # a desk of the practice with any praise: "our front-desk wizard Tasha", "our billing guru"
                               r"|\b(?:our|ur)\s+(?:front[- ]desk|front[- ]office|billing|scheduling|intake|reception|admin)"
                               r"\s+[a-z-]+\s*,?\s*$"
                               # a list of the team's own: "to the moms on our team: Tasha (3 boys), Dr. Mei (baby #2), Rosa"
                               r"|\b(?:on|of|from)\s+(?:our|ur)\s+(?:[\w-]+\s+)?(?:team|staff|crew)\s*[:—–]\s*"
                               r"(?:(?:dr\.?\s+)?(?-i:[A-Z])[\w'’-]+\s*(?:\([^()\n]{0,120}\))?\s*(?:,|and|&)\s*)*(?:dr\.?\s+)?$"
                               # one of the team: "Our own Dr. Summer Blake", "starring our very own Summer & Grace"
                               r"|\b(?:our|ur)\s+(?:very\s+)?own\s+(?:dr\.?\s+)?$"
                               # a job used as a title: "this month's tip from hygienist Carla", "ask therapist Jordan"
                               r"|(?:\b(?:from|by|with|ask|meet|says|said|and|to)|[,&])\s+" + _STAFF_JOB + r"\s+$", _I)
# those the job cared for, listed after it: "the families who delivered with our midwives: Jada K., Rosa M."
_CARED_BY_THE_JOB = re.compile(r"\b(?:families|clients|patients|moms|mamas|parents|kids|babies|couples)\s+(?:who|that)\s+"
                               r"[^.!?\n]{0,40}\b(?:with|by|from)\s+(?:our|ur)\s+[^.!?\n]{0,30}$", _I)
# where in the practice someone works: "marisol and tiff in billing", "Jen from the front desk" (not
# "Elena at the front desk with her quote card": a client can stand there)
# someone signing as one of ours, now or before: "— Nina P. (former intern)", "Sam (our old receptionist)"
_OUR_JOB_IN_BRACKETS_AFTER = re.compile(r"^\s*\(\s*(?:(?:a|our|my|the)\s+)?(?:former|past|ex-?|old|retired|current)?\s*"
                                        r"(?:" + _STAFF_JOB + r"|front[- ]desk|front[- ]office|billing|scheduling|intake|reception)"
                                        # with a word of praise: "Kendra Lewis (front desk extraordinaire)"
                                        r"(?:\s+(?:extraordinaire|queen|king|wizard|guru|hero|legend|superstar|rock ?star|ninja|"
                                        r"magician|whisperer|boss|mvp))?"
                                        r"\s*(?:here|at\s+[\w\s]{1,40})?\)", _I)
_STAFF_PLACE_AFTER = re.compile(r"^(?:\s*(?:,|and|&)\s*(?:and\s+)?[\w'’-]+){0,3}\s+(?:(?:in|from)\s+(?:billing|scheduling|intake|admin|"
                                r"marketing|accounting|facilities|(?-i:IT|HR)|"
                                r"(?:patient|client)\s+(?:relations|services|experience|advocacy)|(?:the\s+)?front\s+office|"
                                r"reception|records)"
                                r"|(?:on|from)\s+(?:our|the)\s+(?:(?:night|day|weekend|evening|morning|front-desk|"
                                r"billing|intake|care|clinical|nursing|admin)\s+)?(?:team|front desk|shift|crew|staff)"
                                # "ty @nurse.kat for covering my shift": a colleague who took a shift
                                r"|(?:[\w-]+\s+){0,3}?for\s+(?:covering|picking\s+up|taking|swapping|working)\s+"
                                r"(?:my|our|the|a|her|his)\s+"
                                r"(?:\w+\s+)?shifts?"
                                # ("Gabby and Luis at the front desk see this", not "Elena at the front desk with her card")
                                r"|at\s+(?:our|the)\s+front[ -]desk(?=\s+(?:see|will|can|are|is|say|says|who|know|knows|"
                                r"make|makes|keep|keeps|run|runs|still|always|also|has|had|was|does|did|loves|misses|"
                                r"sends)\b|\s*[;:])"
                                # "10 YEARS with Maribel at the front desk 🎉", "shoutout to Kim at our front desk!"
                                r"|at\s+(?:our|the)\s+front[ -]desk(?=[ \t]*(?:[^\w\s,]|$))"
                                # beside another desk: "Kendra at the front desk and Luis in billing keep ..."
                                r"|at\s+(?:our|the)\s+front[ -]desk(?=\s+(?:and|&)\s+[\w'’-]+\s+(?:in|at|from|on)\s)"
                                r")\b", _I)
# who is who in a photo: "Left to right: Dana, Marisol and Kev", "Pictured: ..."
_ROLL_CALL_BEFORE = re.compile(r"\b(?:left to right|l\s*(?:to|-|→|->|➡️?)\s*r|from left|pictured|in the photo|in the pic)"
                               r"\s*[:,)]?\s*(?:[\w'’.-]+(?:\s+[\w'’.-]+)?\s*(?:,|and|&)\s*){0,8}$", _I)
# the team out together: "team lunch at Nonna's ... L→R: Dr. Hollis, Keisha, Sam", "#staffparty"
_TEAM_OUTING = re.compile(r"\b(?:team|staff|office|crew)\s*(?:lunch|dinner|breakfast|outing|party|photo|pic|retreat|"
                          r"potluck|happy hour|holiday party|bowling|volunteer day|night out)\b", _I)


def _staff_photo_roll_call(text: str, e: Entity) -> bool:
    """A roll call under a photo the draft says shows staff only ("staff only, no clients pictured!"),
    or of the team out together."""
    from checks.subjects import no_client_pictured  # subjects reads roles; a photo's caption is read here
    return bool(_ROLL_CALL_BEFORE.search(text, max(0, e.start - 120), e.start)) \
        and (no_client_pictured(text) or bool(_TEAM_OUTING.search(text)))


# the one to ask or book with: "Ask for Brenda when you call", "book with ashley on the app", "RSVP to Carmen"
_ASKED_FOR_BEFORE = re.compile(r"\b(?:ask for|book (?:online )?(?:with|w/)|rsvp (?:to|with)|schedule with|"
                               r"check (?:with|w/?))\s+$", _I)  # "ok w me, check w Rob"
# a colleague given an office task: "pls have Luis interpret", "Priya, can you fax it?"; or the one to ask
# ("Ask Marco if you need the charger")
_OFFICE_TASK = r"(?:interpret|translate|fax|scan|print|file|pull|prep|stock|restock|cover|double-check|grab|order)\b"
_TASK_GIVEN_BEFORE = re.compile(r"\b(?:have|get|let)\s+$", _I)
_TASK_AFTER = re.compile(r"^\s+" + _OFFICE_TASK, _I)
_ASKED_TO_DO_AFTER = re.compile(r"^,?\s+(?:can|could|would|will) (?:you|u) (?:please |pls )?(?:" + _OFFICE_TASK
                                + r"|flag|reply|handle|update|post|do it|look into|follow up|take care of (?:it|this|that))",
                                _I)
# the one to pass word to at the desk: "tell Sunny at front desk"
_TELL_BEFORE = re.compile(r"\b(?:tell|ask|see|ping|grab|check with)\s+$", _I)
_AT_THE_DESK_AFTER = re.compile(r"^\s+(?:at|@)\s+(?:the\s+)?front(?:\s+desk)?\b", _I)
_ASK_BEFORE = re.compile(r"\bask\s+$", _I)
_ASK_AFTER = re.compile(r"^\s+(?:if|whether|about|for|when|before)\b", _I)


# the one a task is passed to or checked with: "can u confirm w/ heather", "PASSING TO JAMAL IN CASE SHE CALLS"
_PASSED_TO_BEFORE = re.compile(r"\b(?:confirm|coordinate|verify|double-check|sync|clear it)\s+(?:with|w/)\s+$"
                               r"|\bpass(?:ing|ed|es)?\s+(?:it\s+|this\s+|that\s+)?(?:on\s+|over\s+)?to\s+$", _I)
# told to do an office task by name in team chat: "Kev pls fix", "summer pls use the nitrile gloves"
_TOLD_TO_DO_AFTER = re.compile(r"^,?\s+(?:pls|plz|please)\s+(?:fix|use|update|check|send|print|fax|scan|book|move|"
                               r"handle|grab|pull|confirm|reply|look|order|restock|file|prep|sort|cover)\b", _I)
# acting for the office: "Kayla is on the phone with them now", "marisol has it", "Tom in our lab is remaking them"
_ACTS_FOR_OFFICE_AFTER = re.compile(r"^\s+(?:is|'s|’s)\s+on\s+(?:the\s+phone\s+with|it)\b|^\s+has\s+it\b(?!\s+\w)"
                                    r"|^\s+will\s+(?:e-?mail|text|message)\s+(?:you|u)\b", _I)
# someone told how a patient feels about them: "we'll let Harper know she's officially your favorite hygienist",
# "tell Pedro you said the playlist is elite", "Kelsey is gonna miss your playlists"
_TOLD_BEFORE = re.compile(r"\b(?:let|tell|told)\s+$", _I)
_ABOUT_YOU_AFTER = re.compile(r"^\s+(?:know\s+)?(?:that\s+)?(?:you\b|(?:she|he)['’]?s\s+(?:\w+\s+)?your\b)", _I)
_MISSES_YOU_AFTER = re.compile(r"^\s+(?:is\s+(?:gonna|going\s+to)|will|'s\s+gonna)\s+miss\s+(?:you|your)\b", _I)
# the provider an appointment is with: "RESCHEDULED TO THURS 10AM W/ MARCUS", "scheduled for Tuesday w/ Noah",
# "Physio with Liam", "she's in w/ summer at 1", "all her pts are w/ Jade"
_WITH_PROVIDER_BEFORE = re.compile(
    r"\b(?:appt|appointment|eval|evaluation|follow-?up|f/u|consult|cleaning|physio|scheduled|booked|rescheduled|"
    r"moved|switched|set)\b[^.!?\n]{0,30}\s(?:with|w/)\s*$"
    r"|\b(?:is|are|['’]s|in)\s+(?:with|w/)\s*$|\d(?:am|pm|\s?[ap]\.m\.)?\s+(?:with|w/)\s*$", _I)
# a job then a colon before whoever did it: "Injector: @nurseinjector.kat", "Hygienist: Carla"
_JOB_CREDIT_BEFORE = re.compile(r"(?:^|[\s.|•])(?:" + _STAFF_JOB + r"|artist|stylist|photographer|provider)\s*:\s*$", _I)
# someone from a part of the practice: "Sarah from PT and Jon from OT", "Tom in our lab", "Siobhan from the Dublin
# office"; and the writer by name: "this is Jenna from Bayview Pediatric Therapy"
# ("in the office" is where anyone is: "your little guy Mateus in the office")
_FROM_OUR_PART_AFTER = re.compile(r"^\s+(?:from\s+(?:(?-i:PT|OT|SLP)\b|(?:our|the)\s+(?:[\w-]+\s+)?(?:lab|office|optical|"
                                  r"team|front desk)\b)|in\s+our\s+(?:lab|optical|billing|front office|back office)\b)", _I)
_THIS_IS_BEFORE = re.compile(r"\bthis\s+is\s+$", _I)
_FROM_AFTER = re.compile(r"^,?\s+(?:from|at|with)\s+[A-Z]")


def _acts_for_the_office(before: str, after: str) -> bool:
    return bool(_PASSED_TO_BEFORE.search(before) or _TOLD_TO_DO_AFTER.match(after) or _ACTS_FOR_OFFICE_AFTER.match(after)
                or _TOLD_BEFORE.search(before) and _ABOUT_YOU_AFTER.match(after) or _MISSES_YOU_AFTER.match(after)
                or _WITH_PROVIDER_BEFORE.search(before)
                or _FROM_OUR_PART_AFTER.match(after) or _THIS_IS_BEFORE.search(before) and _FROM_AFTER.match(after))


# a colleague whose group or caseload someone covers: "Dr. Okeke will cover Joanna's parent group Wed"
_COVERED_BEFORE = re.compile(r"\b(?:cover(?:s|ing|ed)?|sub(?:s|bing|bed)? for|take over|taking over|took over)\s+$", _I)
_THEIR_WORK_AFTER = re.compile(r"^['’]s\s+(?:[\w-]+\s+){0,2}(?:group|class|classes|caseload|patients|clients|shift|"
                               r"sessions|schedule|slots?|appointments)\b", _I)


# a colleague thanked for doing the practice's work: "HUGE shoutout to Grace for running the whole cool-down ...
# w/ the 10U girls", "special thx to Marcus & Priyanka for handling the soccer camp intake day solo"
_RAN_OUR_WORK_AFTER = re.compile(r"^(?:\s*(?:and|&|\+)\s*[\w'’-]+)?\s*,?\s+(?:for|4)\s+(?:(?:so\s+)?(?:calmly|graciously|single-handedly)\s+)?"
                                 r"(?:running|handling|covering|leading|co-leading|subbing|organi[sz]ing|setting up|"
                                 r"staffing|manning|holding down|wrangling|taking over)\s+(?:the|our|my|that|this|a|an|"
                                 r"all|both|every)\b", _I)


# a clinician by what is theirs in the office's chat: "Rose's client", "Grace's tues 10am", "Mark's 5pm family sesh",
# "covering Joy's caseload"; or named as someone's counselor: "Hunter (his counselor)"
_CLINICIANS_OWN_AFTER = re.compile(
    r"^['’]s\s+(?:(?:new|former|old|current|regular|usual|first|last)\s+)?(?:clients?\b|caseload\b|supervisees?\b|"
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\s+)?\d{1,2}(?::\d\d)?\s?(?:am|pm)\b)"
    r"|^[ \t]*\((?:his|her|their|my|your|ur)\s+(?:counsel+or|therapist|clinician|provider|psychiatrist|case manager)\)", _I)
# ... or covering others' work, or with a free slot: "Chase is covering her thursday clients", "Grace has an opening at 3"
_COVERS_AFTER = re.compile(r"^\s+(?:is|['’]s|will be)\s+covering\b|^\s+has\s+(?:an?\s+)?(?:opening|slot|spot|free hour)s?\b",
                           _I)


def _given_a_task(before: str, after: str) -> bool:
    return bool(_TASK_GIVEN_BEFORE.search(before) and _TASK_AFTER.match(after) or _ASKED_TO_DO_AFTER.match(after)
                or _THANKED_BEFORE.search(re.sub(r"\b(?:special|huge|big|massive|giant)\s+$", "",
                                                 re.sub(r"[\w'’-]+\s*(?:and|&|\+)\s*$", "", before)))
                and _RAN_OUR_WORK_AFTER.match(after)
                or _COVERED_BEFORE.search(before) and _THEIR_WORK_AFTER.match(after)
                or _ASK_BEFORE.search(before) and _ASK_AFTER.match(after)
                or _TELL_BEFORE.search(before) and _AT_THE_DESK_AFTER.match(after))
# the one who will do the practice's part: "Jen from our office will call you", "kofi will reach out today"
_WILL_HELP_AFTER = re.compile(r"^(?:\s+and\s+(?:dr\.?\s+)?\w+)?(?:\s+(?:at|from|in)\s+(?:the\s+|our\s+)?"
                              r"(?:front desk|office|billing|our office))?\s+"
                              r"(?:will|can|is happy to|would love to)\s+(?:reach out|call you|call u|contact you|be in touch|"
                              r"follow up|get you in|help you|set (?:one|it|you) up|go over|make it right|cover for me|"
                              r"walk (?:you|u) through|sort (?:it|you|u) out|get (?:you|u) (?:set up|sorted|squared away)|"
                              r"take (?:\w+\s+)?care of (?:you|u|y'?all|everyone|all of you))\b"
                              # the front desk's experts: "— Amber and Luis are pros at password resets by now"
                              r"|^(?:\s+(?:and|&)\s+\w+)?\s+(?:is|are)\s+(?:total\s+|real\s+|the\s+)?(?:pros?|experts?|wizards?|"
                              r"go-?to people|whizz(?:es)?)\s+(?:at|with)\s+(?:\w+\s+){0,2}(?:password|login|portal|billing|"
                              r"insurance|scheduling|paperwork|resets?|forms?|superbills?)", _I)
# what children call their therapist: "miss kayla", "ms. rocio" - a title before a lone given name
# how children (and their parents) name the grown-ups who teach and treat them: "Ms. Rosa", "Mr. Femi", "Miss Joy"
# one who worked for the practice: "the memorial service for Gail Summers, who ran our front office for eleven years"
_RAN_OUR_OFFICE_AFTER = re.compile(r"^,?\s+(?:who|whom)\s+(?:ran|managed|worked (?:at|in|for)|led|kept)\s+(?:our|the practice['’]s)\s+"
                                   r"(?:[\w-]+\s+){0,2}(?:office|desk|front desk|team|practice|clinic|billing)\b", _I)
# who keeps the practice's booth: "[photo: Renata and Sofia behind our teal booth table]"
_STAFFING_AFTER = re.compile(r"^(?:\s*(?:,|and|&)\s*[\w'’-]+){0,3}\s+(?:behind|running|staffing|manning|working)\s+(?:our|the)\s+"
                             r"(?:[\w-]+\s+){0,2}(?:booth|table|tent|stand)\b", _I)
_CHILDRENS_TITLE_BEFORE = re.compile(r"\b(?:miss|ms\.?|mr\.?)\s+$", _I)
# the office's pet or plant, named: "rosie (our clinic cat)", "max the therapy dog"
_PET_BEFORE = re.compile(r"\b(?:office|clinic|therapy|our|his|her|the|new)\s+(?:[\w-]+\s+)?(?:plant|fish|mascot|golden|lab|"
                         + ANIMAL + r")\s*,?\s*$"  # "his new office plant, Gerald", "her rescue pit mix, Olive"
                         # "the pothos we named Gerald", "our copier we call Big Bertha"
                         r"|\b(?:plant|pothos|fern|monstera|succulent|ficus|cactus|dog|cat|pup|puppy|fish|goldfish|turtle|"
                         r"hamster|bunny|printer|copier|coffee maker|espresso machine|skeleton|mascot)\s+(?:we|i)\s+"
                         r"(?:named|call|called|nicknamed)\s+$", _I)
_PET_AFTER = re.compile(r"^\s*(?:\(\s*(?:our|the)\s+(?:\w+\s+)?|,?\s+(?:our|the)\s+(?:\w+\s+)?)(?:cat|dog|pup|puppy|"
                        r"goldendoodle|doodle|lab|bunny|rabbit|fish|plants?|mascot|therapy dog|office dog)\b", _I)
# the one whose advice the post passes on: "Kelsey says: let them get messy", "Dr. Ana recommends:"
_ADVISES_AFTER = re.compile(r"^\s+(?:says|recommends|suggests|reminds (?:you|us)|wants you to know)\s*:", _I)
# a clinical job written as a title: "NP Brianna Kolb's 5 non-negotiables", "and Nurse Tamika Ellis"
_JOB_TITLE_BEFORE = re.compile(r"(?:^|(?<=[\s(]))(?:NP|RN|LPN|PA-C|OT|PT|SLP|DPT|(?i:nurse|hygienist|midwife|esthetician|aesthetician|"
                               r"dietitian|acupuncturist|injector|counsel+or|therapist|clinician|volunteer|(?:volunteer )?handler|"
                               r"(?:practice|office|clinic|billing|activities|activity|marketing|medical|clinical|program|executive|wellness|"
                               r"nursing|rehab|dental|community|outreach|volunteer|compliance|privacy|hr|operations|quality|"
                               r"communications|social media|community relations|public relations|patient relations) (?:director|manager|administrator|coordinator|supervisor|lead|"
                               r"officer|specialist)))\.?\s+$"
                               r"|(?:^|\s)@\s+$")  # a colleague called in team chat: "@ Priya can u move ..."
# (also to the one who was in its care: "Noor (your facilitator) says hi!")
_STAFF_JOB_AFTER = re.compile(r"^(?:'s)?\s*[,(]\s*(?:our|your|the practice'?s|the)\s+(?:own\s+|new\s+)?" + _STAFF_JOB + r"\b"
                              # "HAPPY BIRTHDAY KEISHA!!! 🎂 our amazing billing queen turns 30"
                              # "happy birthday Rose!! 🎂🎈 our audiologist with the best laugh" (a job said of no one else next)
                              r"|^[^\w\n]*(?:our|ur)\s+(?:[\w-]+\s+){0,2}?" + _STAFF_JOB
                              + r"(?!\s+(?-i:[A-Z])|\s*,\s*(?-i:[A-Z]))(?=\s+(?:with|who|and|extraordinaire|turns|is turning|"
                              r"celebrat\w+|is the big)\b|\s*[,.!💕❤️🎉]|\s*$)"
                              r"|^[^\w\n]*(?:our|ur)\s+(?:[\w-]+\s+){0,2}(?:billing|front[- ]desk|scheduling|intake|reception|"
                              r"admin)\s+[a-z-]+\b"
                              # "HAPPY BIRTHDAY HOPE!!! 🎂 BEST OFFICE MANAGER IN THE STATE"
                              r"|^[^\w\n]*(?:(?:our|ur|the)\s+)?(?:best|greatest|favou?rite|amazing|incredible|fearless)\s+"
                              r"(?:[\w-]+\s+){0,2}?" + _STAFF_JOB + r"\b"
                              # "That's Marco, one of our PT assistants!"
                              r"|^\s*,?\s*(?:is\s+|was\s+)?one of (?:our|the practice'?s)\s+(?:[\w-]+\s+){0,2}?" + _STAFF_JOB + r"\b"
                              # "(Mrs. Lee is our head chef, not a resident)"
                              r"|^\s*,?\s*(?:is|was|has been)\s+(?:our|the practice'?s)\s+(?:[\w-]+\s+){0,2}?" + _STAFF_JOB + r"\b", _I)
# a celebration whose next line says which colleague it is: "HAPPY BIRTHDAY MARCUS!! 🎂 / Things you may not
# know about our favorite DPT:"
_CELEBRATED_BEFORE = re.compile(r"\b(?:birthday|bday|b-day|anniversary|congrat\w*|welcome|happy retirement)\W*$", _I)
# (not a job that names someone else: "Happy 100th birthday Marjorie!! / Our aide Tasha has been on Marjorie's visits")
# (or the next sentence: "Happy birthday, Lauren!! 🎂 Our practice manager keeps this whole place running")
_JOB_NEXT_LINE_AFTER = re.compile(r"[^\w\n]*(?:\n|[!.]+[^\w\n]*)[^\n]{0,60}?\b(?:our|ur)\s+(?:[\w-]+\s+){0,2}?" + _STAFF_JOB
                                  + r"\b(?!\s*,?\s*(?-i:[A-Z])[\w'’-]+)", _I)
# who works a shift or decides for the office: "on-call tonight is Reza", "Reza is on call", "... ends 12/1 per Lou",
# "can someone cover Lou's 2:00": a colleague's rota, ruling or slot
_ON_CALL_BEFORE = re.compile(r"\bon[- ]call(?:\s+(?:today|tonight|this\s+weekend|\w+day))?\s*(?:is|:|=|-|–)\s*$", _I)
_ON_CALL_AFTER = re.compile(r"^\s+(?:is\s+|'s\s+|’s\s+)?(?:on[- ]call|covering)\b", _I)
_PER_BEFORE = re.compile(r"\bper\s+$", _I)
_RULING_ENDS_AFTER = re.compile(r"^\s*(?:[.!\n]|$)")
_COVER_BEFORE = re.compile(r"\bcover(?:ing)?\s+(?:for\s+)?$", _I)
_SLOT_AFTER = re.compile(r"^['’]s\s+(?:\d{1,2}(?::\d\d)?|shift|patients|clients|pts|slot|schedule|clinic|calls|sessions|"
                         r"appts?|appointments|(?:morning|afternoon|evening)\b)", _I)
# a credential in brackets, in capitals: "rebook w/ Tran (PT)" (in lower case "(pt)" may mean the patient)
_BRACKETED_CREDENTIAL = re.compile(r"^\s*\(\s*(?:PT|PTA|OT|OTR|COTA|SLP|RN|LPN|NP|PA|MA|CNA|DPT|MD|DO|LCSW|LPC|RD)\s*\)")


def _works_for_the_office(text: str, e: Entity, before: str, after: str) -> bool:
    value = text[e.start:e.end]
    return bool(_ON_CALL_BEFORE.search(before) or _ON_CALL_AFTER.match(after)
                or _PER_BEFORE.search(before) and _RULING_ENDS_AFTER.match(after) and not re.search(r"['’]s?$", value)
                or _COVER_BEFORE.search(before) and _SLOT_AFTER.match(after) or _BRACKETED_CREDENTIAL.match(after)
                # a job after an aside: "Major Ellis (ret.), our volunteer coordinator"
                or _STAFF_JOB_AFTER.match(re.sub(r"^\s*\([^()\n]{1,20}\)", "", after)))


# the writer names themselves: "Dr. Ben here 👋", "yes that's me, Kayla", "I'm Priya, your office manager"
_SELF_INTRO_BEFORE = re.compile(r"\b(?:that'?s me|this is me|it'?s me|i'?m|i am|my name is|me),?\s+(?:dr\.?\s+)?$", _I)
_SELF_INTRO_AFTER = re.compile(r"^,?\s+here\b(?!\s+(?:for|at|to|with|in)\b)", _I)
_NOT_STAFF_SENTENCE = re.compile(
    r"\b(?:client|(?<!new-)(?<!new )patient|his session|her session|their session|diagnos\w+|treated|discharged|"
    # clients' own words or gifts: "his couples clients sent the sweetest card: '... love, Tess & Omar'"
    r"(?:his|her|their|our|my) (?:\w+ )?(?:clients|patients) (?:sent|wrote|gave|left|brought|made|signed)|"
    r"appointment with us|(?:came|comes|come|coming) (?:in )?to (?:us|see us)(?!\s+from\b)|rejoin\w*|back to (?:the |our )?group|graduated from (?:our|the) [^.!?\n]{0,40}?(?:group|program|"
    r"therapy|rehab|class)|"
    # joined one of the practice's groups, not its team: "Abdi joined our refugee youth soccer & talk group"
    r"(?:joined|joins|joining|signed up for) our (?:(?!team\b|staff\b|practice\b)[^.!?\n]){0,40}?"
    r"(?:group|program|iop|php|cohort|circle|sessions?)\b|"
    r"rehab\w*|post-?op|surgery|(?:care|treatment|therapy|work(?:ing)?) with (?:us|our team)|"
    r"(?:rainbow |new )?baby (?:\w+ )?(?:arrived|was born)|"
    # a child's age or school: "Meet Ethan, age 6, from Oak Grove Elementary!" is no new hire
    # (not whom the practice sees: "accepting new patients from newborn through age 18")
    r"(?<!through )(?<!to )(?<!until )(?<!under )(?<!over )age \d{1,2}|(?:[1-9]|1[0-7])[- ]?(?:yo|y/o|year[- ]old|yr[- ]old)"
    # (not a dog's age, "Jordan's 2-year-old golden", nor a colleague's child's, "her 16-year-old daughter Lily")
    r"(?!\s+(?:[\w-]+\s+)?(?:golden|lab|daughter|son|sister|brother|niece|nephew|grandson|granddaughter|" + ANIMAL
    + r")\b)|"
    r"elementary|kindergarten|preschool|"
    r"(?:[7-9]\d|1[01]\d)(?:st|nd|rd|th) (?:birthday|b-?day)|memory care|assisted living|"  # "90th birthday to Miss Evelyn"
    r"(?:\d|1[0-2])(?:st|nd|rd|th) grade(?:r)?)\b", _I)  # "welcome to the Jenkins family, whose baby arrived"

_HOTLINE_NUMBER = re.compile(r"^(?:\D*(?:988|741741|211|311)\D*|\+?1?[\s.(-]*8(?:00|33|44|55|66|77|88)\b.*)$")
_HOTLINE_WORDS = re.compile(
    r"\b(?:lifeline|hotline|helpline|help line|crisis|text (?:home|hello|talk|\w+) to|line|988|suicide|"
    r"samhsa|nami|veterans|trevor|warmline|warm line|support line|toll[- ]free|24/7|call or text|text or call)\b", _I)

_TOLL_FREE = re.compile(r"^\+?1?[\s.(-]*8(?:00|33|44|55|66|77|88)\b")
_NAMED_HELP_LINE = re.compile(r"\b(?:crisis|help|life|hot|warm|support|peer|suicide|poison)\s*line\b[^\n]{0,40}$", _I)
_OPERATIONS = re.compile(
    r"\b(?:closed|closing|closure|close early|reopen\w*|open|opens|hours|holiday|office|offices|workshop|webinar|"
    r"event|class|classes|group (?:starts|begins|meets)|registration|register|rsvp|sign up|signups?|enroll\w*|"
    r"awareness|observ\w+|conference|seminar|summit|symposium|keynote|panel|lecture|(?:will )?present(?:s|ing)? at|"
    r"(?:speak|speaking) at|talk|presentation|in-service|training|fair|festival|open house|deadline|launch\w*|starts|begins|"
    r"kicks off|join us|save the date|tickets?|webinar|live|q&a|ama|fundraiser|walk|5k|run|gala|celebrat\w+|"
    r"national|world|international|month|week|thanksgiving|christmas|new year|memorial day|labor day|"
    r"independence day|juneteenth|mlk|presidents|veterans day|easter|hanukkah|diwali|eid|(?:in|at|on) observance|"
    r"schedule change|scheduled|scheduling|goes live|posting date|snow|weather|power outage|maintenance|portal|available|accepting|intake opens|"
    r"out of service|out of order|elevator|parking lot|construction|repairs?|"
    r"hiring|application|apply|cv|resume|résumé|job|position|anniversary|ribbon|birthday of the practice|"
    r"opened|founded|established|"
    r"special|offer|promo|promotion|deal|discount|sale|coupon|expires|valid (?:through|until)|"
    r"opening|next (?:session|meeting|class|gathering|workshop) (?:is|will be)|same (?:place|time)|in clinic|in the clinic|out of (?:the )?office|on vacation|pto|\w+ rights day|remembrance|"
    # a treat on offer: "Show your student ID at Rosebud Coffee Dec 7-11 for a free drip coffee, courtesy of Harbor Light"
    r"courtesy of|show your (?:\w+ )?id|free (?:\w+ )?(?:coffee|drinks?|pizza|snacks?|tickets?|entry|admission|lunch))\b", _I)
_CARE_OF_SOMEONE = re.compile(
    r"\b(?:your|her|his|their|my) (?:\w+ )?(?:appointment|appt|visit|session|surgery|procedure|treatment|"
    r"consult\w*|intake|assessment|evaluation|eval|exam|cleaning|adjustment|check-?up|follow-?up|discharge|"
    r"admission|birthday|due date|delivery|diagnosis|relapse|sobriety|recovery|anniversary)s?\b"
    r"|\b(?:dob|d\.o\.b|date of birth|birth ?date|b-?day|(?:our|a|the|my) (?:client|patient|pt)s?)\b"
    r"(?!\s+(?:portal|forms?|app|login|handbook|lounge|entrance|parking|paperwork|line))"  # "the patient portal" is no one
    r"|\b(?:born|admitted|discharged|diagnosed|passed away|died|delivered|operated|sober since|clean since|"
    r"relapsed|hospitali[sz]ed|went into labou?r|gave birth|started (?:therapy|treatment|with us|seeing))\b", _I)


_ORG_HANDLE_WORDS = {"news", "official", "hq", "inc", "org", "foundation", "clinic", "hospital", "media", "tv",
                     "radio", "magazine", "mag", "daily", "press", "network", "gov", "dept", "podcast", "team", "library",
                     "lib", "museum", "county", "schools", "district"}
_ORG_HANDLE_ENDINGS = ("times", "news", "post", "gov", "official", "hq", "org", "foundation", "magazine", "media",
                       "network", "journal", "tribune", "herald", "podcast", "health", "clinic", "hospital", "lib",
                       "library", "libraries", "museum", "parks", "county", "schools", "district", "university", "college",
                       "center", "centre", "project", "alliance", "coalition", "society", "institute", "fund")
_ORG_HANDLE_STARTS = ("nami", "cdc", "nih", "samhsa", "official")


_TOWN_OR_AGE_AFTER = re.compile(r"\s*,\s*(?:\d{1,3}\b|(?!(?:author|poet|writer|researcher|professor|founder|"
                                r"coach|athlete|actor|actress|singer|speaker|philosopher|psychologist|psychiatrist|"
                                r"therapist|activist|journalist|president|ceo|phd|md|dr)\b)(?-i:[A-Z][a-z]+)"
                                r"(?:[ \t](?-i:[A-Z][a-z]+))?[ \t]*(?:,[ \t]*(?-i:[A-Z]{2}))?[ \t]*"
                                r"(?:[^\w\s]+[ \t]*)?(?:[\n.!)]|$))", _I)  # (stars may follow: "— Ann Lee, Salem ⭐⭐⭐⭐⭐")
_LEADING_NAME_WORDS = re.compile(r"(?:\b[A-Z][\w'’\-]*\s+){1,2}$")  # case-sensitive: capitalised words only


def listed_public_figure(text: str, e: Entity) -> bool:
    """The name (without a possessive) is on the list, alone or with the word before it
    that the tagger left out ("Bessel" of "Bessel van der Kolk")."""
    name = re.sub(r"['’]s?$", "", text[e.start:e.end]).strip()
    if name.startswith("#"):  # "#SimoneBiles"
        name = " ".join(re.findall(r"[A-Z][a-z]+|[a-z]+", name[1:]))
    prev = re.search(r"([^\W\d_][\w'’\-]*)\s+$", text[max(0, e.start - 30):e.start])
    candidates = [name] + ([f"{prev.group(1)} {name}"] if prev else [])
    return any(" ".join(c.split()).casefold() in public_figures() for c in candidates)


_SENTENCE_MARK = re.compile(r"(?<!\bDr)(?<!\bdr)(?<!\bDR)(?<!\bMr)(?<!\bMR)(?<!\bmr)(?<!\bMs)(?<!\bMS)(?<!\bms)"
                            r"(?<!\bMrs)(?<!\bMRS)(?<!\bmrs)(?<!\bSt)(?<!\bST)(?<!\bJr)(?<!\bJR)"
                            r"(?<!\bPh)(?<!\bPH)(?<!\bPsy)(?<!\bDNP)(?:(?<!\b[A-Za-z])\.|(?<!\b[A-Z])[!?])|\n")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a span; a title's full stop ("welcome, Dr. Sam Okafor") ends none."""
    lo = -1
    for m in _SENTENCE_MARK.finditer(text, max(0, start - 400), start):
        lo = m.start()
    hi = _SENTENCE_MARK.search(text, end)
    return lo + 1, (hi.start() if hi else len(text))


# someone public by the office they hold, who may also be a patient ("Mayor Linda Hayes")
_OFFICE_TITLE_BEFORE = re.compile(r"\b(?:mayor|senator|state senator|sen\.|gov\.|governor|councilor|councillor|councilman|councilwoman|"
                                  r"council ?member|alder(?:man|woman)|commissioner|representative|rep\.|congressman|congresswoman|sheriff|"
                                  r"superintendent|judge|coach|principal|pastor|reverend|chief|president|"
                                  r"owner|co-?owner|co-?founder|founder|ceo|proprietor)\s+(?:dr\.?\s+)?$", _I)
# the practice's own part in someone's care: "we were honored to have Mayor Hayes in for her annual eye exam",
# "our team helped State Senator Delgado back on his feet after his stroke"
_OUR_PART = re.compile(r"\b(?:we|we'?re|we'?ve|us|our|here)\b", _I)
_CARE_NOUN = (r"(?:exam|visit|appointment|session|check-?up|cleaning|adjustment|surgery|treatment|physical|"
              + "|".join(re.escape(t) for t in sorted(HEALTH_TERMS, key=len, reverse=True)) + r")s?\b")
_THEIR_CONDITION = re.compile(r"\b(?:his|her|their)\s+(?:\w+\s+){0,2}" + _CARE_NOUN, _I)
_OWN_CONDITION_AFTER = re.compile(r"^['’]s\s+(?:\w+\s+){0,2}" + _CARE_NOUN, _I)


# "in for his annual hearing check", "stopped by this morning to get his (flu shot)"
_IN_FOR = re.compile(r"\b(?:in|came in|come in|stopped in|stopped by) for (?:his|her|their)\b"
                     r"|\b(?:stopped|came|dropped) (?:in|by)\b[^.!?\n]{0,30}\bto get (?:his|her|their)\b", _I)
# an injury and its mending: "after rehabbing his Achilles with our team all summer"
_MENDING = re.compile(r"\b(?:rehab\w*|recover\w*|surger\w*|treated|heal(?:ed|ing|s)?|injur\w*|torn|tore|broke|"
                      r"fractur\w*|sprain\w*|concussion\w*|accident|crash|(?:had|took) a (?:bad )?fall|fell)\b", _I)
# care given here with no possessive: "10 yrs of tuesday adjustments w us", "trusted our team with her implants"
_CARE_WITH_US = re.compile(r"(?:" + _CARE_NOUN + r"|\b(?:PT|OT|rehab|therapy))\s+(?:w/?|with|at)\s+"
                           r"(?:us|our (?:\w+ )?(?:team|office|clinic|practice|location))\b"
                           r"|\btrusted (?:us|our team|our office)\b"
                           # "her cochlear implant activation with our team": whatever she had done, we did it
                           r"|\b(?:his|her|their)\s+(?:[\w-]+\s+){1,3}(?:w/?|with|at)\s+(?:us|our (?:\w+ )?(?:team|office|clinic|practice))\b"
                           r"|\b(?:chose|choosing|picked|came to|comes to|trusts?|trusted)\s+(?:us|our (?:team|office|clinic|practice))"
                           r"\s+(?:for|with)\s+(?:his|her|their)\b", _I)


# someone who told their own story in public
_SPOKE_OF_THEIR_OWN = re.compile(r"\b(?:speak\w*|spoke|shar\w*|talk\w*|open(?:ed|ing)? up|tell\w*|told|writ\w*|wrote)\b"
                                 r"[^.!?\n]{0,80}\babout (?:your|his|her|their) own\b"
                                 # "coach shared publicly last week that he's starting chemo"
                                 r"|\b(?:shared|announced|posted|revealed|said|talked about it)\s+(?:publicly|openly|"
                                 r"on (?:social media|facebook|instagram|the news|air|tv|the radio))\b", _I)


def _cared_for_here(sentence: str, after: str) -> bool:
    """The sentence tells of the practice caring for someone, or of care just now: a mayor or senator in it
    is a patient (not "President Carter was diagnosed with melanoma ... spoke openly about it")."""
    if _SPOKE_OF_THEIR_OWN.search(sentence) and not _OUR_PART.search(sentence):
        return False  # "Thank you, Commissioner Dolan, for speaking so openly ... about your own 22 years in recovery"
    return bool(_IN_FOR.search(sentence)) or bool(_CARE_WITH_US.search(sentence)) or bool(_OUR_PART.search(sentence) or _HERE_AND_NOW.search(sentence)) and bool(
        _CARE_OF_SOMEONE.search(sentence) or _THEIR_CONDITION.search(sentence)
        or _OWN_CONDITION_AFTER.match(after) or _MENDING.search(sentence))


# a newcomer's first visit or next appointment: a new patient, not a new colleague
# (not every reader's: "our front desk can help before your first visit")
# a child's age given with the name: "Meet Sofia, 6 🌟 Our Brave Smile of the Month!" is no new colleague
_CHILDS_AGE_AFTER = re.compile(r"\s*(?:,|\()\s*(?:age\s+)?\d{1,2}(?:\s*(?:yo|y/o|yrs?|years?(?: old)?|mos?|months?(?: old)?))?"
                               r"\s*\)?(?![\d:.,%]|\s*(?:am|pm|years? (?:with|at|in))\b)", _I)
_FIRST_VISIT = re.compile(r"(?<!your )(?<!ur )\bfirst (?:visit|appointment|appt|cleaning|checkup|check-up|exam|session|adjustment|"
                          r"filling|fillings|crown|x-?rays?|fitting|shots?)\b"
                          r"|\bsee (?:you|u|ya) (?:in the (?:fall|spring|summer|winter)|next (?:week|month|time|visit)|"
                          r"at (?:your|ur) )", _I)
# someone from a business coming to show, teach or host: "Jamal Pierce from Phonak will be in the office"
_VISITS_FROM_A_BUSINESS_AFTER = re.compile(
    r"^\s+(?:from|of|with)\s+(?:the\s+)?(?-i:[A-Z][\w'’&.-]*)(?:\s+(?-i:[A-Z][\w'’&.-]*)){0,3},?\s+(?:will be|is|are|'s)\s+"
    r"(?:\w+\s+)?(?:in|at|here|on-?site|visiting|joining|stopping|coming|demo\w*|showing|presenting|teaching|leading|"
    r"hosting|bringing|running|giving)\b"
    # typed in lower case, the business's name is any word, so the visit must say what they come to do
    r"|^\s+(?:from|of|with)\s+(?:the\s+)?[\w'’&.-]+(?:\s+[\w'’&.-]+){0,2},?\s+(?:will be|is|are|'s)\s+[^.!?\n]{0,25}\b"
    r"(?:demo\w*|showing|presenting|teaching|leading|hosting|running)\b", _I)
# a company's representative: "Our Lindberg rep Hunter will be here with 300+ frames"
_REP_BEFORE = re.compile(r"\b(?:sales\s+|brand\s+|device\s+|pharma\s+)?rep\.?\s+$", _I)
# "Marjorie Lind, who served as Pike County's school nurse for 28 years": someone by their work elsewhere
_SERVED_AS_AFTER = re.compile(r"^,?\s+(?:who|whom)\s+(?:served|worked|taught|coached|volunteered|led|ran)\s+"
                              r"(?:as|at|for)\b", _I)
# someone introduced by a job somewhere else: "Angela Hadley, counselor at Grant High School", "Andre Wills, peer
# support specialist with Multnomah County" (not "Kayla, a student at PSU": no job)
_JOB_ELSEWHERE_AFTER = re.compile(r"^,\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:counsel(?:l)?or|teacher|nurse|officer|"
                                  r"specialist|coordinator|director|manager|advocate|worker|librarian|principal|"
                                  r"chaplain|pastor|coach|professor|researcher|physician|psychiatrist|psychologist|"
                                  r"therapist|founder|ceo|president|chair|organi[sz]er|detective|deputy|firefighter|"
                                  r"paramedic|attorney|lawyer|reporter|editor|executive|supervisor|liaison)s?"
                                  # (a place in any case, as lower-case drafts type it; not the practice's own)
                                  r"\s+(?:at|with|of|for|from)\s+(?:the\s+)?(?!(?:our|us|my|your|ur|here)\b)[^\W\d_]", _I)
# a title of public service or faith before a name: "Officer Dee Tran of PPB", "Rabbi Klein" (not a military rank,
# which veterans keep: "To Sgt. Ray Dawson (Ret.) — three years of Tuesday afternoons")
_SERVICE_TITLE_BEFORE = re.compile(r"(?<![\w-])(?:Officer|Deputy|Detective|Trooper|Chaplain|Rabbi|Imam|Firefighter|Ranger|"
                                   r"Professor|Prof\.|Principal|Superintendent|Dean)\s+$")
# the one whose class or troop it is: "Ms. Delgado's 3rd grade class", "Mr. Obi's scout troop"
_LEADS_A_CLASS_AFTER = re.compile(r"^['’]s\s+(?:[\w-]+\s+){0,3}(?:class|classroom|students|troop|choir|band|squad)\b"
                                  r"(?!\s+(?:mom|dad|parents?|photo|picture))", _I)
# someone named by their work somewhere else: "Thanks to reporter Dana Whitfield", "with branch librarian Tom Reyes"
_OTHER_JOB_BEFORE = re.compile(r"(?<![\w-])(?-i:" + "|".join(OUTSIDE_JOBS) + r"|reporter|journalist|columnist|blogger|"
                               r"anchor|meteorologist|chaplain|editor|barista|deputy|officer|rabbi|imam|priest|"
                               r"photographer|artist|illustrator|musician|author|writer|host|producer|podcaster|"
                               r"mail carrier|crossing guard|bus driver|custodian|electrician|contractor|"
                               r"landlord|organizer|organiser|director|coordinator|superintendent|ranger)\s+"
                               # (a title between: "ag teacher Mr. Hollis"; or a name given: "a teacher named Mrs. Delgado")
                               r"(?:(?-i:named|called)\s+)?(?:(?:Mr|Mrs|Ms|Mx|Miss|Dr)\.?\s+)?$")

# (a co-author may come first: "• Burnout — Emily & Amelia Nagoski")
# (in any case: a reading list typed in lower case lists its authors so too)
# (a bullet opens an item mid-line too, where the line breaks were lost: "... (from priya) • Atlas of the Heart — ...")
_LISTED_TITLE_BEFORE = re.compile(r"(?:(?:^|\n)[ \t]*(?:\d{1,2}[.)]|[•▪*-])|[•▪]|(?<=[ \t])\d{1,2}[.)])[ \t]+[^\n•▪]{3,80}?"
                                  r"[ \t][—–-][ \t]*"
                                  r"(?:[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*)?[ \t]*(?:&|and|,)[ \t]*)?$")
# ... or a title in Title Case, then a comma: "• Beautiful Boy, David Sheff", "• Get Your Loved One Sober, Robert Meyers & "
_LISTED_TITLE_COMMA_BEFORE = re.compile(
    r"(?:(?:^|\n)[ \t]*(?:\d{1,2}[.)]|[•▪*-])|[•▪])[ \t]+(?-i:[A-Z][\w'’]*(?:[ \t]+(?:[A-Z0-9][\w'’]*|a|an|the|of|to|in|on|for|"
    r"and|with|like|is|at|by|from|up|out|down|you|your|my|our))*),[ \t]*"
    r"(?:[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*)?[ \t]*(?:&|and|,)[ \t]*)?$")
# after a listed author: a surname, co-authors, a bracketed aside ("(from priya)"), a note and the line's end
_LISTED_AUTHOR_AFTER = re.compile(r"(?:[ \t]+[^\W\d_][\w'’-]+)?(?:[ \t]*(?:&|and|,)[ \t]*[^\W\d_][\w'’-]+"
                                  r"(?:[ \t]+[^\W\d_][\w'’-]+)?)?(?:[ \t]*\([^()\n]{0,40}\))?"
                                  r"(?:[.;:][ \t]+[^\n]*)?[^\w\n•▪]*"  # (or a note on the book: "— Joan Didion. A brilliant ...")
                                  r"(?:\n|$|[•▪]|\d{1,2}[.)][ \t])")
# someone known by full name who has told their own story, in a sentence giving the practice no part in it
_OWN_STORY_AFTER = re.compile(r"^\s+(?:has|have|had)\s+(?:(?:\w+\s+)?(?:spoken|talked|written|opened up|said|shared|"
                              r"credited|described|called)|"
                              r"been\s+(?:\w+ly\s+)?(?:open|candid|vocal|honest))\b", _I)


# a full name's possessive before a quoted title: "Robin Wall Kimmerer’s “Braiding Sweetgrass.”"
_QUOTED_TITLE_AFTER = re.compile(r"['’]s\s+[“\"‘](?-i:[A-Z])")
# a quote signed by a full name and then a title of ordinary words: "” — James Clear, Atomic Habits"
_WHO_WORD = re.compile(r"\b(?:" + L.WHO + r"|client|patient|member|graduate|alum\w*)s?\b", _I)
# (a town signs a client's quote: "— Melissa Harding, Cedar Falls"; and a quote about the speaker's own care is theirs)
_PLACE_WORD_IN_TITLE = re.compile(r"\b(?:Falls|Creek|City|Springs|Valley|Park|Heights|Lake|Beach|Hills?|Grove|Point|Harbor|"
                                  r"Bay|Ridge|Junction|Village|Station|Landing|Crossing|Forest|Gardens|Island|Mills?)\b")
_OWN_CARE_IN_QUOTE = re.compile(r"[“\"][^”\"]*\b(?:I|me|my)\b[^”\"]*\b(?:" + L.CARE + "|" + L.CONDITION
                                + r"|saved my|changed my|helped me|got me through)\b[^”\"]*[”\"][^”\"]*$", _I)
_QUOTE_SIGNED_BEFORE = re.compile(r"[”\"][^\w\n]{0,4}[—–-][ \t]*$")
_BOOK_AFTER_SIGNATURE = re.compile(r",[ \t]+(?P<title>(?-i:[A-Z])[a-z]+(?:[ \t]+(?:(?-i:[A-Z])[a-z]+|of|the|and|a|an|to|in|for|with|"
                                   r"on|your|my)){1,7})[ \t]*(?:\n|$|[.!]?[ \t]*\n|\()")
# a book by its quoted title, before its author: "In “Life Without Ed,” " ... "writes about"
_IN_A_TITLE_BEFORE = re.compile(r"\bin\s+[“\"](?-i:[A-Z])[^”\"\n]{1,80}[”\"],?\s*$", _I)
_AUTHOR_TELLS_AFTER = re.compile(r"^\s+(?:writes|wrote|describes|described|explains|explained|recounts|recounted|tells|"
                                 r"told|argues|argued|shares|shared)\b", _I)
# the care the next sentence tells of them: "... talked openly about taking stress leave. Supporting Renee in therapy"
_THEIR_CARE_NEXT = re.compile(r"\b(?:therapy|counseling|counselling|sessions?|treatment|care|supporting|treating)\b", _I)
# a story its owner tells in public, or one from long ago
_TOLD_PUBLICLY = re.compile(r"\b(?:publicly|openly|in (?:his|her|their) (?:memoir|book|documentary|ted talk)|"
                            r"in (?:an|a|one|several) interviews?|on (?:his|her|their) (?:podcast|show|channel))\b", _I)
_LONG_AGO = re.compile(r"\b(?:in|since|circa|around|back in) 1[0-8]\d\d\b(?![-–]|\s+[A-Z])|\bthe 1[0-8]\d\d\s+(?:[a-z]+\s+){0,2}"
                       r"(?:accident|case|war|epidemic|pandemic|outbreak|trial|study|paper|book|report|flood|fire|"
                       r"earthquake|explosion|expedition|asylum|hospital)\b")


def _sentence_and_next(text: str, e: Entity) -> str:
    """The name's sentence and the one after it, which may go on about them ("happy retirement coach bill!! 10
    yrs of adjustments w us")."""
    s0, s1 = _sentence(text, e.start, e.end)
    word = re.compile(r"\w").search(text, s1)  # past "!!", emoji and spaces to the next sentence's first word
    return text[s0:_sentence(text, word.start(), word.end())[1] if word else len(text)]


# someone said, right after their name, to be in the practice's care: "joined by Ray Dunning, who started seeing us
# after the mill closed", "swim captain Ana R. 🏊 who joined our athlete anxiety group this fall"
# (a family by its name first: "the Nguyen family, who joined our Family Recovery Program")
_COMES_TO_US_AFTER = re.compile(r"^(?:[ \t]+(?:family|household|twins|kids|crew))?[^\w\n]{0,12}?,?[ \t]*who[ \t]+"
                                r"(?:has[ \t]+|had[ \t]+)?(?:(?:started|began|been|keeps?|kept)[ \t]+"
                                r"(?:seeing|coming to|coming in to|working with)[ \t]+"
                                r"(?:us|our (?:team|therapists?|clinicians?|counsel+ors?|office|clinic|practice))\b"
                                r"|(?:joined|started|began|signed up for)[ \t]+our[ \t]+(?:[\w-]+[ \t]+){0,3}"
                                r"(?:group|program|iop|php|cohort|circle|sessions)\b)", _I)


_CLIENTS_WORDS_AFTER = re.compile(r"['’]s\s+(?:\w+\s+)?(?:quotes?|words|story|review|testimonial)\b", _I)


def person_role(text: str, e: Entity) -> Role:
    value = text[e.start:e.end]
    if "\n" in value.strip() and re.search(r"\n[ \t]*[•▪*\-–—\d]", value):
        # a span the tagger ran on into the list's next item ("John Ratey\n• NeuroTribes"): who its first line names
        e = replace(e, end=e.start + value.index("\n", len(value) - len(value.lstrip())))
    before = text[max(0, e.start - 60):e.start]
    after = text[e.end:e.end + 60]
    # a first name the tagger left out of the span ("by Bessel van der Kolk") sits between cue and name
    bare = _LEADING_NAME_WORDS.sub("", before)
    if listed_public_figure(text, e):
        return Role.PUBLIC
    if re.search(r"\bDay$", text[e.start:e.end]):
        return Role.PUBLIC  # "Martin Luther King Jr. Day" is a holiday named after someone
    value = text[e.start:e.end]
    initialled = re.search(r"(?:^|\s)[A-Z]\.?$", value) or re.match(r"\s+[A-Z]\.", after) \
        or re.match(r"[A-Z]\.[ \t]+[A-Z][a-z]", value) \
        or re.search(r"\s[A-Z]\.,", value) \
        or re.fullmatch(r"(?:[A-Z]\.){1,2}[A-Z]\.?", value) \
        or re.search(r"\s[a-z]\.?$", value) or re.match(r"\s+[a-z]\.(?=[\s,]|$)", after)  # "— linda k."
    # a lone first name signed under a quote ("— Kevin, father of two") is whoever gave it
    signed_first_name = re.search(_DASH + r"+\s*$", before) and " " not in value.strip() \
        and value.casefold() in given_names() and re.match(r"\s*(?:[,.!(\n]|$)", after)  # not "— edmund bourne"
    # a client signs with where they live or their age ("— Robert Alvarez, Eastlake"); a quoted public figure,
    # with what they do ("— Brené Brown, researcher")
    signed_with_town = re.search(_DASH + r"+\s*$", before) and _TOWN_OR_AGE_AFTER.match(after) \
        and not listed_public_figure(text, e)
    # (the tagger may take the title in: "Mayor Ana Ruiz")
    title_in = value.split()[0] + " " if " " in value.strip() else ""
    in_office = _OFFICE_TITLE_BEFORE.search(before) or (title_in and _OFFICE_TITLE_BEFORE.search(title_in))
    # an office holder the practice cares for is a patient: never public, and no "our own" or "our team" makes
    # them staff ("our own Mayor Tom Ruiz, who wrapped up cardiac rehab with our team")
    # (the care may be told in the next sentence: "happy retirement to coach bill!! 10 yrs of adjustments w us")
    office_holder_cared_for = in_office and _cared_for_here(_sentence_and_next(text, e),
                                                            ("'s" if re.search(r"['’]s$", value) else "") + after)
    # a first name alone owns a quote or a story the way a client does: "reuse Derek's quote from last year's post"
    # (a public figure's words go by their full name: "Brené Brown's words")
    clients_words = " " not in value.strip() and value.casefold() in given_names() \
        and bool(_CLIENTS_WORDS_AFTER.match(after))
    # (the first of a duo: "a Tegan and Sara ticket stub")
    duo = re.match(r"\s+(?:and|&)\s+[A-Z][\w'’-]*", after)
    if (_PUBLIC_BEFORE.search(before) or _PUBLIC_BEFORE.search(bare) or _PUBLIC_AFTER.match(after)
            or (duo and _PUBLIC_AFTER.match(after[duo.end():])) or (title_in and _PUBLIC_BEFORE.search(title_in))) \
            and not initialled and not signed_first_name and not signed_with_town and not office_holder_cared_for \
            and not _COMES_TO_US_AFTER.match(after) and not clients_words \
            and not (re.search(r"\bthe\s+$", before, _I) and re.fullmatch(r"[A-Z][a-z]+s", value)):  # "the Hendersons"
        return Role.PUBLIC  # a public figure is cited by full name; "— Linda K." is a client
    if " " in value.strip() and (_QUOTED_TITLE_AFTER.match(after) or re.search(r"s['’]$", value)
                                 and _QUOTED_TITLE_AFTER.match("'s" + after)) and not initialled:
        # "the team is passing around Robin Wall Kimmerer’s “Braiding Sweetgrass.”", "Brooke Shields’ “Down Came the
        # Rain”": an author
        return Role.PUBLIC
    title_after = _BOOK_AFTER_SIGNATURE.match(after)
    if " " in value.strip() and _QUOTE_SIGNED_BEFORE.search(before) and title_after \
            and not _WHO_WORD.search(title_after.group("title")) \
            and not _PLACE_WORD_IN_TITLE.search(title_after.group("title")) \
            and not _OWN_CARE_IN_QUOTE.search(text[max(0, e.start - 300):e.start]) and all(
                is_vocabulary(w.casefold(), english_words()) and w.casefold() not in given_names()
                and w.casefold() not in cities()[0] for w in re.findall(r"[A-Z][a-z]+", title_after.group("title"))):
        return Role.PUBLIC  # "“You do not rise to the level of your goals ...” — James Clear, Atomic Habits": its author
    if " " in value.strip() and _IN_A_TITLE_BEFORE.search(before) and _AUTHOR_TELLS_AFTER.match(after):
        return Role.PUBLIC  # "In “Life Without Ed,” Jenni Schaefer writes about ...": the book's author
    if office_holder_cared_for:
        return Role.UNKNOWN
    if in_office and _SPOKE_OF_THEIR_OWN.search(_sentence_and_next(text, e)):
        return Role.PUBLIC  # "Coach Dan Whitley ... coach shared publicly last week that he's starting chemo"
    if (_VISITS_FROM_A_BUSINESS_AFTER.match(after) or _REP_BEFORE.search(before) or _OTHER_JOB_BEFORE.search(before)
            or _SERVED_AS_AFTER.match(after) or _JOB_ELSEWHERE_AFTER.match(after)
            or _THANKED_BEFORE.search(before) and _AT_A_BUSINESS_AFTER.match(after)) \
            and not (_OUR_JOB_BEFORE.search(before) and _STAFF_JOB_BEFORE.search(before)) \
            and not _cared_for_here(_sentence_and_next(text, e), after) \
            and not _NOT_STAFF_SENTENCE.search(text, *_sentence(text, e.start, e.end)):
        # (not "our front desk coordinator Tasha Williams": our own)
        return Role.ORGANISATION  # "Jamal Pierce from Phonak will be in the office 10–3 showing ...": a vendor's rep
    if (_SERVICE_TITLE_BEFORE.search(before) or (title_in and _SERVICE_TITLE_BEFORE.search(title_in))) \
            and not _cared_for_here(_sentence_and_next(text, e), after):
        return Role.ORGANISATION  # "Principal Okafor and the team at Lent Elementary": a school's, not a child
    if _LEADS_A_CLASS_AFTER.match(after) and not _cared_for_here(_sentence_and_next(text, e), after):
        return Role.ORGANISATION  # "Ms. Delgado's 3rd grade class at Buckman Elementary": their class's teacher
    if _OWN_STORY_AFTER.match(after) and re.fullmatch(r"[^\W\d_][\w'’-]+\s+[^\W\d_][\w'’-]+", value) and not (
            _OUR_PART.search(sentence_of_name := text[slice(*_sentence(text, e.start, e.end))])
            or _CARE_OF_SOMEONE.search(sentence_of_name)):
        return Role.PUBLIC  # "Emily Blunt has talked openly about stuttering as a kid": their own story, not ours
    sentence_of_name = text[slice(*_sentence(text, e.start, e.end))]
    # (the practice's part may come next: "... talked openly about taking stress leave. Supporting Renee in therapy")
    and_next = _sentence_and_next(text, e)
    told_next = and_next[len(sentence_of_name):]
    if ((_TOLD_PUBLICLY.search(sentence_of_name) and re.fullmatch(r"[^\W\d_][\w'’-]+\s+[^\W\d_][\w'’-]+", value))
            or _LONG_AGO.search(sentence_of_name)) \
            and not (_OUR_PART.search(sentence_of_name) or _CARE_OF_SOMEONE.search(and_next)
                     or (_THEIR_CARE_NEXT.search(told_next) and value.split()[0] in told_next)):
        # "Kevin Hines ... has spent the years since telling that story publicly"; "the 1848 railroad accident
        # that sent an iron rod through Gage's skull": their own public story, or history
        return Role.PUBLIC
    if (_LINE_OPENING.search(before) or _TITLE_WORDS_OPENING_A_LINE.search(before)) \
            and (_BY_AN_AUTHOR_AFTER.match(after) or _TITLE_RUNS_TO_AN_AUTHOR_AFTER.match(after)):
        # "• Burnout by Emily Nagoski", "2. Life Without Ed by Jenni Schaefer": a book's title in a reading list
        return Role.PUBLIC
    if _LISTED_TITLE_BRACKET_BEFORE.search(before) and _BRACKET_CLOSES_A_LISTED_TITLE.match(after) \
            and (len(value.split()) >= 2 or not after.startswith(")")) and _MEDIA_WORDS.search(text):
        return Role.PUBLIC  # "• Unlocking Us (Brené Brown): vulnerability, courage": a show's host, a book's author
    if (_LISTED_TITLE_BEFORE.search(before) or _LISTED_TITLE_COMMA_BEFORE.search(before)) \
            and _LISTED_AUTHOR_AFTER.match(after):
        return Role.PUBLIC  # "2. Atomic Habits — James Clear": a reading list's author
    if (value.isupper() or (value.islower() and value not in given_names() and value not in common_surnames())) \
            and " " not in value and len(value) <= 8 and before.endswith("(") and after.startswith(")"):
        return Role.ORGANISATION  # "fewer than half receive treatment (NAMI)": a source's acronym
    if _INSURERS_BEFORE.search(text, max(0, e.start - 120), e.start):
        return Role.ORGANISATION  # "in network with Moda, Regence and Aetna", "our sponsors Blue Heron Bakery, ..."
    if _EVENT_AFTER.match(after):
        return Role.OPERATIONS  # "the Rose City Run for Mental Health": an event's name
    if _TEAM_AFTER.match(after) and not re.search(r"['’]s?$", value):
        return Role.ORGANISATION  # "Saturday's Riverhawks game": a team (not "Maya's game")
    if _AT_A_BUSINESS_BEFORE.search(before) and _BUSINESS_POSSESSIVE.match(after):
        return Role.ORGANISATION  # "at Powell's on Hawthorne", "from Trader Joe's": a shop, not a person
    if _THANKED_BEFORE.search(before) and _OF_A_BUSINESS_AFTER.match(after):
        return Role.ORGANISATION  # "thx to Lina at Leaf & Bean for the team order": she speaks for her shop
    if _THANKED_IN_A_LIST_BEFORE.search(before) and _HELPED_US_AFTER.match(after):
        # "Thank you to Principal Harris and counselor Ms. Okoye for the invite", "Thank you Helen and Mark Alder
        # for believing in access to care": a host or a donor, speaking for their school, fund or business
        return Role.ORGANISATION
    if _PRACTICE_PLACE_AFTER.match(after) and _OPERATIONS.search(text, *_sentence(text, e.start, e.end)):
        return Role.ORGANISATION  # "Willow's outpatient office is closed Dec 24": the practice, by its short name
    # (a surname the tagger left out may sit between: "kelsey marsh, otr/l")
    if len(value.split()) > 1 and (_JOB_TITLE_BEFORE.search(value.split()[0] + " ")
                                   or value.split()[0].casefold() in ("ot", "pt", "slp", "np", "rn", "dpt")
                                   or value.split()[0].casefold() in CREDENTIALS):  # "our LCSW Tomasz"
        return Role.STAFF  # the tagger took the title in: "OT Lauren Fisk"
    if _CREDENTIAL.match(after) or _CREDENTIAL.match(re.sub(r"^\s+[^\W\d_][\w'’\-]*(?=,)", "", after)) \
            or _SELF_INTRO_BEFORE.search(before) or _SELF_INTRO_AFTER.match(after) \
            or ((_STAFF_JOB_BEFORE.search(bare) or _STAFF_JOB_BEFORE.search(before) or _JOB_CREDIT_BEFORE.search(before))
                and not _CARED_BY_THE_JOB.search(before)) \
            or _STAFF_JOB_AFTER.match(after) \
            or _JOB_TITLE_BEFORE.search(before) or _signed_off(text, e) or _STAFF_PLACE_AFTER.match(after) \
            or _PET_AFTER.match(after) or _PET_BEFORE.search(before) or _signs_the_post(text, e, value) \
            or _STAFFING_AFTER.match(after) or _RAN_OUR_OFFICE_AFTER.match(after) or _OUR_JOB_IN_BRACKETS_AFTER.match(after) \
            or _signs_for_the_team(before, after) or _chat_speaker(text, e) \
            or _named_contact(text, e, before, after) or _ADVISES_AFTER.match(after) \
            or _ASKED_FOR_BEFORE.search(before) or _given_a_task(before, after) or _acts_for_the_office(before, after) \
            or _CLINICIANS_OWN_AFTER.match(after) or _COVERS_AFTER.match(after) \
            or _WILL_HELP_AFTER.match(after) or _staff_photo_roll_call(text, e) \
            or (_CELEBRATED_BEFORE.search(before) and _JOB_NEXT_LINE_AFTER.match(text, e.end, e.end + 120)) \
            or _works_for_the_office(text, e, before, after) \
            or (_CHILDRENS_TITLE_BEFORE.search(before) and " " not in value.strip() and mostly_given_name(value)
                and not _NOT_STAFF_SENTENCE.search(text[slice(*_sentence(text, e.start, e.end))])):
        return Role.STAFF  # a credential, or the writer introducing themselves ("Dr. Ben here", "that's me, Kayla")
    s0, s1 = _sentence(text, e.start, e.end)
    sentence = text[s0:s1]
    # (a heading, "Meet Abdi ⚽️", is told by what follows it: "Abdi joined our refugee youth ... group")
    heading = len(re.findall(r"\w+", sentence)) <= 4
    if _STAFF_SENTENCE.search(sentence) and not _NOT_STAFF_SENTENCE.search(_sentence_and_next(text, e) if heading else sentence) \
            and not _FIRST_VISIT.search(_sentence_and_next(text, e)) and not _CHILDS_AGE_AFTER.match(after):
        return Role.STAFF  # (not "welcome to the fam Kennedy & Brooks!! first visit ✅ ... see u in the fall!")
    if (_NEW_BABY_BEFORE.search(text, max(s0, e.start - 160), e.start)
            and (_A_DOCTOR.search(sentence) or _BACK_FROM_LEAVE.search(text))) or \
            (_WELCOME_BABY_BEFORE.search(before) and (_BACK_FROM_LEAVE.search(text) or _COLLEAGUE_WELCOMED.search(text))):
        return Role.STAFF  # "Welcome back, Dr. Lopez (and congrats on baby Mateo!)": a colleague's newborn
    titled = re.match(r"(?:dr|doctor)\.?\s+(?=\S)", value, _I)  # the tagger took the title in: "thx Dr Lindqvist"
    if (_DOCTOR_BEFORE.search(before) or _DOCTOR_BEFORE.search(bare) or _SIGNATURE_TITLE_AFTER.match(after) or titled) \
            and (not _NOT_STAFF_SENTENCE.search(sentence) and not _CARE_OF_SOMEONE.search(sentence)
                 or _GIVES_CARE_AFTER.match(after) or _CARE_FROM_DOCTOR_BEFORE.search(before)):
        return Role.STAFF  # "ask Dr. Lena Ruiz at your next visit", "— Rafael Soto, Medical Director"
    if in_business_name(text, e) or (_known_city(value) and value.casefold() not in given_names()
                                     and on_business_line(text, e)):
        return Role.ORGANISATION  # "Hi NorthStar family" from NorthStar Chiropractic; its "· Gresham: 9–7" branch
    return Role.UNKNOWN


# a valediction on its own line: the names on the line under it are the writers'
_VALEDICTION = re.compile(r"^[ \t]*(?:warmly|with (?:care|love|gratitude|warmth)|best|all the best|cheers|sincerely|"
                          r"kindly|in health|be well|take care|gratefully|thanks|thank you|love|xo+|hugs|yours|"
                          # a bilingual practice signs in Spanish too: "Con cariño,", "Un abrazo,"
                          r"con cariño|con mucho cariño|un abrazo|abrazos|saludos|atentamente|gracias|con amor)"
                          r"[ \t]*[,!.—–-]?[ \t]*$", _I)
_NAME_WORDS = r"[\w'’.\-]+(?:[ \t]+[\w'’.\-]+){0,3}"  # one to four words, each run taken whole
_NAMES_ON_A_LINE = r"^[ \t]*" + _NAME_WORDS + r"(?:[ \t]*(?:,|&|\band\b)[ \t]*" + _NAME_WORDS + r"){0,7}"
_AND_THE_TEAM = r"[ \t]*(?:,|&|\band\b)[ \t]*the[ \t]+[^\n]{1,40}?[ \t]+team"
# (a pet and an emoji may close it: "Maya, Jordan, Priya, Rosa, Kim & Biscuit 🐾")
_SIGNATURE_LINE = re.compile(_NAMES_ON_A_LINE + r"(?:" + _AND_THE_TEAM + r")?[^\w\n]*$", _I)
# near the end, the team's names need no valediction: "Bree, Tomas & the front desk team"
_TEAM_SIGNATURE_LINE = re.compile(_NAMES_ON_A_LINE + _AND_THE_TEAM + r"[^\w\n]*$", _I)


# a line of its own signed for the team: "Camille & the Riverside PT team", "Dr. Ana and the whole crew"
_FOR_THE_TEAM_AFTER = re.compile(r"^[ \t]*(?:&|and|\+)[ \t]+(?:the|our|all the)[ \t]+[^\n]{0,40}?\b(?:team|crew|staff)\b"
                                 r"[^\w\n]*(?:\n|$)", _I)


# whom the reader is to call: "Apply at the link or call Rosa at 555-0160", "Call Beth at 555-0121 with questions"
_CALL_BEFORE = re.compile(r"\b(?:call|text|email|e-mail|contact|reach out to|talk to|message|ask for)\s+$", _I)
_AT_A_NUMBER_AFTER = re.compile(r"^\s+(?:at|on|@)\s*(?:\+?1[ .-]?)?\(?\d{3}", _I)
# whom the reader is to ask, with no number: "Email Rachel to join the waitlist", "Talk to Destiny at front desk",
# "Ask Ms. Rosa or Mr. Femi if you have questions", "just let Coach Ray know when you check in"
_READER_ASKS_BEFORE = re.compile(r"(?:^|[\n.!?:]\s*|\b(?:just|please|pls|plz|or|and|then|simply)\s+)"
                                 r"(?:call|text|email|e-mail|contact|reach out to|talk to|talk with|message|ask|tell|"
                                 r"let|see)\s+(?:(?:coach|miss|ms\.?|mr\.?|mrs\.?|dr\.?)\s+)?$", _I)
_READERS_ERRAND_AFTER = re.compile(r"^(?:\s+(?:or|and|&)\s+(?:(?:coach|miss|ms\.?|mr\.?|mrs\.?|dr\.?)\s+)?[\w'’-]+)?\s*,?\s*"
                                   r"(?:to (?:join|register|sign up|enroll|book|schedule|get on|be added|rsvp)|"
                                   r"with (?:any |your )?questions|if you have (?:any )?questions|if you(?:'d| would) like|"
                                   r"for (?:more )?(?:info|information|details|a spot|a form|forms)|"
                                   r"at (?:the |our )?front desk|know (?:when|if|before|that you)|"
                                   r"when you (?:check in|arrive|get here))\b"
                                   r"|^[ \t]*(?:[.!]+|$)", _I)  # "pls tell Coach Dee", at the end


def _named_contact(text: str, e: Entity, before: str, after: str) -> bool:
    """The one the post hands the reader to call is the practice's contact (not "call Kevin at ... about his
    results": a sentence about their own affairs)."""
    s0, s1 = _sentence(text, e.start, e.end)
    return bool(_CALL_BEFORE.search(before) and _AT_A_NUMBER_AFTER.match(after)
                or _READER_ASKS_BEFORE.search(before) and _READERS_ERRAND_AFTER.match(after)
                and not _THEIR_CONDITION.search(text, s0, s1)) \
        and not _CARE_OF_SOMEONE.search(text, s0, s1) and not _SOMEONE_ELSES.search(text, e.end, s1)


# a pasted chat between colleagues: "[10:42] Kim: can we post ...", "Jo: ok blur Zofia and Jakub pls"
_SPEAKER_LINE = re.compile(r"^[ \t]*(?:\[[^\]\n]{1,30}\][ \t]*)?@?[\w.'’-]{2,30}(?:[ \t][\w.'’-]{1,20})?[ \t]*:[ \t]*\S",
                           re.MULTILINE)


def _chat_speaker(text: str, e: Entity) -> bool:
    """The names that open the lines of a pasted staff chat are the colleagues speaking."""
    line_start = text.rfind("\n", 0, e.start) + 1
    opening = text[line_start:e.start]
    if not re.fullmatch(r"[ \t]*(?:\[[^\]\n]{1,30}\][ \t]*)?@?", opening) or not re.match(r"[ \t]*:", text[e.end:]):
        return False
    return len(_SPEAKER_LINE.findall(text)) >= 2


def _signs_for_the_team(before: str, after: str) -> bool:
    return bool(re.search(r"(?:^|\n)[ \t]*(?:[-–—~][ \t]*)?(?:dr\.?[ \t]+)?$", before, _I)) \
        and bool(_FOR_THE_TEAM_AFTER.match(after))


def _signs_the_post(text: str, e: Entity, value: str) -> bool:
    """ "coffee is on me - Jen", "signed, ur pt dani": a first name signing the end of a post
    that quotes nobody is its writer (under a quote it is whoever gave the quote)."""
    rest = re.sub(r"^\s*(?:&|and)\s+the\s+[^\n]{1,50}?\bteam\b", "", text[e.end:], flags=_I)  # "— Clara & the ... team"
    rest = re.sub(r"[^\w#@]+$", "", rest)  # the emoji after a sign-off: "— Jess, Peer Recovery Specialist 💙✨"
    if re.search(r"\w", re.sub(r"#\w+|@\w+|,?\s*(?:[\w/-]+\s*){0,3}$", "", rest, count=1)) or " " in value.strip():
        return False
    before = text[max(0, e.start - 30):e.start]
    if not re.search(r"(?:\s" + _DASH + r"+|\bsigned,?(?:\s+\w+){0,2})\s*$", before, _I):
        return False
    return not re.search(r"[\"“”]", text[:e.start])


def _signed_off(text: str, e: Entity) -> bool:
    """ "Warmly,\nRowan, Mei-Lin and the Cedar & Needle team", "Bree, Tomas & the front desk team" near the end:
    who signs a post wrote it."""
    line_start = text.rfind("\n", 0, e.start) + 1
    line_end = text.find("\n", e.end)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    previous = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1:max(0, line_start - 1)]
    near_the_end = text.count("\n", line_start) <= 3
    return line_start > 0 and (bool(_VALEDICTION.match(previous)) and bool(_SIGNATURE_LINE.match(line))
                               or near_the_end and bool(_TEAM_SIGNATURE_LINE.match(line)))


def handle_role(text: str, e: Entity) -> Role:
    """@nytimes, @NAMICommunicates, @cdcgov: an account whose name says it is a
    publication, an agency or an organisation is not a person's."""
    typed = text[e.start:e.end].lstrip("@")
    handle = typed.casefold()
    words = re.split(r"[_.\d]+", handle)
    # (a journalist's own account holds their name: "@anna_reyes_news" is Anna Reyes's, not a newsroom's)
    personal = len(words) >= 3 and words[0] in given_names() and words[1] in common_surnames()
    if not personal and (any(w in _ORG_HANDLE_WORDS for w in words) or handle.endswith(_ORG_HANDLE_ENDINGS)) \
            or handle.startswith(_ORG_HANDLE_STARTS) or _business_account(typed):
        return Role.ORGANISATION
    line = text[text.rfind("\n", 0, e.start) + 1:e.start]
    if _INSTITUTION_PART_AFTER.match(text, e.end):
        return Role.ORGANISATION  # "thank you @pdxstate School of Social Work for having me"
    if _FOLLOW_OR_FRIENDS_BEFORE.search(line):
        return Role.ORGANISATION  # "1️⃣ follow @summitsportsmed", "raffle prizes from our friends at @glowbar_millbrook"
    if _CREDENTIAL_BEFORE.search(line):
        return Role.STAFF  # the signature's own account: "— Alicia Moreno, MS, CCC-SLP @littlevoices"
    return person_role(text, e)  # "— @brenebrown", "our therapist @jordan.lcsw"


_INSTITUTION_PART_AFTER = re.compile(r"[ \t]+(?:School|College|University|Department|Dept|Center|Centre|Clinic|Hospital|"
                                     r"Foundation|Institute|Program|Society|Association)\b")
_FOLLOW_OR_FRIENDS_BEFORE = re.compile(r"\b(?:follow|following|(?:our )?friends (?:at|from|over at)|partners? at|"
                                       r"sponsored by|courtesy of)[ \t]+$", _I)


def _business_account(handle: str) -> bool:
    """@brightsmilesdental, @ProRehabPT, @AmericanRedCross: an account named for a trade,
    or in several capitalised words none of which is a given name, is a business's.
    "@jess_runs", "@coach_ricky", "@dancing_dan_77" hold a given name: a person's."""
    pieces = [p.casefold() for p in re.findall(r"[A-Z][a-z]+|[a-z]+|[A-Z]+(?![a-z])", handle)]
    if len(pieces) >= 3 and (pieces[-1] in _TRADE_WORDS or pieces[-1] in ("club", "team", "crew", "collective")):
        return True  # "@OakStreetPT", "@PinkPowerRunClub": words before a trade or a club, though "Pink" is a name
    if len(pieces) >= 2 and handle.casefold().endswith(_SHOP_WORDS):
        return True  # "@alberta_bakehouse": a shop, though Alberta is a name
    if any(len(p) >= 3 and p in given_names() for p in pieces):
        return False
    if any(p in _TRADE_WORDS for p in pieces) or handle.casefold().endswith(_TRADE_WORDS):
        return True
    return sum(1 for p in re.findall(r"[A-Z][a-z]+", handle)) >= 2


# what a practice, a shop or a charity calls itself in its account name
_TRADE_WORDS = ("pt", "dental", "dentistry", "medspa", "spa", "rehab", "therapy", "wellness", "fitness", "physio",
                "chiro", "ortho", "smiles", "clinic", "health", "cross", "national", "cycle", "studio", "salon",
                "pharmacy", "bakery", "coffee", "cafe", "store", "shop", "fund", "society", "association", "optometry",
                "vision", "eyecare", "hearing", "audiology", "pediatrics", "peds", "hospital", "counseling",
                "yoga", "pilates", "gym")
# food and shops, which no one's own account is named for: "@belmontbakehouse", "@stumptownroasters"
_SHOP_WORDS = ("bakehouse", "bakeshop", "books", "bookshop", "brewing", "brewery", "roasters", "roastery", "kitchen",
               "market", "foods", "farms", "florist", "flowers", "pizza", "tacos", "deli", "donuts", "doughnuts",
               "creamery", "catering")
_TRADE_WORDS += _SHOP_WORDS


# "our patient advocate", "our client relations team": a desk of the practice, not "our client"
_NOT_A_DESK = r"(?!\s+(?:advocates?|relations|services|experience|advocacy|care (?:team|coordinators?)|access|success|intake|portal))"


def phone_role(text: str, e: Entity) -> Role:
    number = text[e.start:e.end]
    if _NAMED_HELP_LINE.search(text[text.rfind("\n", 0, e.start) + 1:e.start]):
        return Role.HOTLINE  # "Multnomah County Crisis Line — (503) 988-4888"
    if _HOTLINE_NUMBER.match(number):
        s0, s1 = _sentence(text, e.start, e.end)
        if _HOTLINE_WORDS.search(text, max(0, s0 - 80), min(len(text), s1 + 80)) or \
                number.strip().strip("()").startswith(("988", "741741")):
            return Role.HOTLINE
        if _TOLL_FREE.match(number):
            return Role.ORGANISATION  # a toll-free line is a business's or a service's, never a person's own phone
    if _OUR_LINE_BEFORE.search(text[text.rfind("\n", 0, e.start) + 1:e.start]):
        return Role.PRACTICE  # "Our intake line is open Mon–Fri, 8am–6pm: (555) 011-8800"
    return contact_role(text, e)


# the practice's own line or desk, then its number: "Our admissions team is here Monday–Friday at (555) ...",
# "Our intake coordinators can help you find the right fit: (555) ..." (not "our client's number:")
_OUR_LINE_BEFORE = re.compile(r"\b(?:our|ur)\s+(?!(?:[\w-]+\s+)?(?:clients?|patients?|pts?)\b" + _NOT_A_DESK + r")(?:[\w-]+\s+){0,2}"
                              r"(?:lines?|numbers?|phones?|desk|office|team|coordinators?|staff|nurses?|navigators?)\b"
                              r"[^.!?\n]{0,60}?(?:[:\-–—]|\b(?:at|on)\b)\s*\(?$", _I)


# A number or address the post hands the reader to use is the practice's own: "call us at",
# "email hello@... and we'll reply", "our practice manager, Lynn, would love to talk: (971) ...",
# "our clinic director picks up at". One the practice used to reach someone ("we tried calling
# you at", "your number") is that person's.
# where the reader may just turn up: the practice's own door
_OPEN_TO_WALK_INS = re.compile(r"\b(?:no appointment (?:needed|necessary|required)|walk-?ins? (?:are )?welcome|drop in|"
                               r"drop by|stop by|come by|find us|visit us|we['’]re located|located)\b[^.!?\n]{0,60}"
                               r"\b(?:at|@)\s*$", _I)
_INVITES_CONTACT = re.compile(
    r"(?:\b(?:call|text|phone|ring|reach|contact|email|e-mail|message|fax|dm|write to|talk to|ask for|we['’]?re|we are|"
    r"book|schedule|rsvp|"
    r"send (?:your |a |us (?:your |a )?)?(?:resume|résumé|cv|application|cover letter|questions?|portfolio)s?"
    r"(?: and [^.!?\n]{1,60}?)? to|"
    r"apply|applications? to)\b"
    # ("fax our referral form to (503) ...")
    r"(?:[^.!?\n]{0,40}?(?:\b(?:at|on|via|to)\b|[:\-–—]))?"
    r"|\b(?:call|text|phone|dial)\s+(?:our|the)\s+(?:[\w-]+\s+){0,2}(?:number|line)\s*[:\-–—]?\s*\(?$"  # "call our main number ("
    r"|\b(?:(?:picks? up|answers?|is available)(?: 24/7| 24 hours a day| anytime| around the clock| day or night)?|would (?:love|like|be happy|be glad) to (?:talk|chat|hear from you|"
    r"connect|help|speak)(?: (?:with|to) (?:you|u))?(?: directly| privately| confidentially)?|happy to (?:talk|chat|help)"
    r"|can help|happy to answer(?: any)? questions?|(?:is|are) (?:here|there)(?: for you)?"
    # ours to be reached: "our clinical director, Dr. Naomi Fisch, can be reached privately at" (not "our client can")
    r"|\b(?:we|our\s+(?!(?:\w+\s+)?(?:clients?|patients?|pts?)\b" + _NOT_A_DESK + r")[^!?\n]{1,50}?)\s+(?:can|may) be reached"
    r"(?: privately| directly| confidentially| anytime)?"
    r"|ll[aá]m(?:enos|e(?:nos)?|anos)|escr[ií]b(?:anos|enos)|cont[aá]ct(?:enos|anos)"  # Spanish: "llámenos al"
    r"|(?:can|will|could) (?:talk|chat|speak)(?: (?:with|to) (?:you|u))?(?: confidentially| privately| anytime)?)"
    r"(?:\s+(?:at|on|al|a|en))?\s*[:\-–—]?"
    r"|\b(?:phone|tel|telephone|email|e-mail|call|text|contact|office|front desk|questions\??)\s*[:\-–—]?)"
    r"\s*\(?$", _I)
# the number is the reader's own: "we tried calling you at", "your number", "reach u on"
_ADDRESSED_CONTACT = re.compile(
    r"\b(?:call(?:ing|ed)?|text(?:ing|ed)?|reach(?:ing|ed)?|contact(?:ing|ed)?|e-?mail(?:ing|ed)?|tried|message[ds]?)"
    r"\s+(?:you|u)\b[^.!?\n]{0,12}$|\b(?:your|ur)\s+(?:\w+\s+)?(?:number|phone|cell|mobile|e-?mail|address)\b[^.!?\n]{0,12}$",
    _I)
_CONTACT_AFTER = re.compile(r"^\)?\s*(?:and|&)\s+(?:we|our|I)\b|^\s*(?:to|and) (?:book|schedule|talk|chat)", _I)


# "ask for her", "reach him at" name whom at the practice to ask for or to call, not whose number it is
_SOMEONE_ELSES = re.compile(r"(?<!\bask for )(?<!\bspeak to )(?<!\bspeak with )(?<!\breach )(?<!\bcall )(?<!\btext )"
                            r"(?<!\bemail )(?<!\bcontact )\b(?:her|his|their|hers|him)\b", _I)
_NAMED_BEFORE = re.compile(r"\b[A-Z][a-z]+\b[^.!?\n]{0,30}$")
_FOR_THE_PRACTICE = re.compile(r"\b(?:us|our|the)\b", _I)


_KIND_OF_BUSINESS = (r"(?:Center|Centre|Clinic|Care|Counseling|Counselling|Dental|Dentistry|Smiles|Orthodontics|"
                     r"Therapy|Therapies|Health|Healthcare|Medical|Medicine|Associates|PT|Chiropractic|Wellness|"
                     r"Recovery|Practice|Pediatrics|Dermatology|Spa|Group|Institute|Hospital|Optometry|Vision|"
                     r"Physiotherapy|Rehab|Rehabilitation|Psychiatry|Psychology|Project|Foundation|Alliance|Services|"
                     r"Aesthetics|Studio|Collective|Partners|Physicians|Midwifery|Hospice|Gym|Fitness|Yoga|Pilates|Acupuncture|Fertility|Nutrition|"
                     r"Audiology|Podiatry|Pharmacy|Orthopedics|Speech|Optometrists|Eyecare|Hearing|Chiro|Bakery|Cafe|Café|Coffee|"
                     r"Pizza|Pizzeria|Market|Grill|Brewing|Brewery|Diner|Deli|Creamery|Donuts|Bagels|"
                     r"High|HS|Middle|Elementary|Academy|School|College|University)")  # "Good luck tonight, Lincoln High!"
# "NorthStar Chiropractic", "Rose City Urgent Care", "the Riverbend team": a business, by its name
_BUSINESS_NAME = re.compile(r"\b(?P<name>[A-Z][\w'’&.\-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w'’&.\-]*)*)[ \t]+"
                            + "(?:" + _KIND_OF_BUSINESS + "|" + _KIND_OF_BUSINESS.upper() + r")\b"
                            r"|\b[Tt]he (?P<team>[A-Z][\w'’\-]+(?:(?: &)? [A-Z][\w'’\-]+){0,3}) [Tt]eam\b")
# the same typed in lower case ("northstar chiropractic · 800 main st"): one to three words that are
# no function word before the kind word
_FUNCTION = r"(?:the|a|an|our|your|my|their|his|her|this|that|at|in|on|of|and|or|to|for|with|from|by|take|is|are|was)"
_DESCRIPTIVE = r"(?:self|urgent|primary|health|mental|physical|dental|eye|skin|foot|family|new|best|good|great|quality)"
_BUSINESS_NAME_LOWER = re.compile(
    r"\b(?P<name>(?!(?:" + _FUNCTION + "|" + _DESCRIPTIVE + r")\b)[a-z][\w'’&.\-]*"
    r"(?:[ \t]+(?!" + _FUNCTION + r"\b)[a-z][\w'’&.\-]*){0,2})[ \t]+" + _KIND_OF_BUSINESS.lower() + r"\b"
    r"|\bthe (?P<team>(?!(?:whole|entire|full|best|amazing|" + _FUNCTION + r")\b)[a-z][\w'’\-]+(?:(?: &)? [a-z][\w'’\-]+){0,3})"
    r" team\b")


def _before_a_number(name: re.Pattern, town_word: str) -> re.Pattern:
    """A business's name (perhaps then its town) right before a number."""
    return re.compile(r"(?:" + name.pattern + r")(?:,[ \t]*" + town_word + r"(?:[ \t]" + town_word + r")?)?"
                      r"[ \t]*(?:[·|:,\-–—•][ \t]*|[ \t]+at[ \t]+)?$")


_BUSINESS_BEFORE = _before_a_number(_BUSINESS_NAME, "[A-Z][a-z]+")
_BUSINESS_BEFORE_LOWER = _before_a_number(_BUSINESS_NAME_LOWER, "[a-z]+")


def _business_patterns(text: str) -> tuple[re.Pattern, re.Pattern]:
    """(a business's name, its name right before a number), as the draft is typed."""
    if text != text.lower():
        return _BUSINESS_NAME, _BUSINESS_BEFORE
    return _BUSINESS_NAME_LOWER, _BUSINESS_BEFORE_LOWER


def _known_city(value: str) -> bool:
    from checks.phi.lexicon import cities  # GeoNames towns shipped with the PHI check
    return value.casefold() in cities()[0]


def in_business_name(text: str, e: Entity) -> bool:
    """The span is (part of) the name of a business the draft names: "NorthStar" of "NorthStar
    Chiropractic", "Trevor" of "The Trevor Project"."""
    # (in its possessive too, typed with or without the apostrophe: "at Willow Creek’s office", "Willow Creeks office"
    # of "Willow Creek Hospice")
    words = {re.sub(r"['’]s?$", "", w.casefold()) for w in re.findall(r"[^\W\d_][\w'’\-]*", text[e.start:e.end])}
    if not words:
        return False
    bare = {re.sub(r"(?<=\w\w)s$", "", w) for w in words}
    for m in _business_patterns(text)[0].finditer(text):
        if m.start() <= e.start < m.end() and e.end <= m.end():
            return True
        name = {w.casefold() for w in re.findall(r"[^\W\d_][\w'’\-]*", m.group("name") or m.group("team"))}
        if words <= name or bare <= name:
            return True
    return False


_LONG_LINE = 300


_DASH_SIGNATURE = re.compile(r"[ \t][—–-]{1,2}[ \t]*(?=[^—–\n]*$)")


def on_business_line(text: str, e: Entity) -> bool:
    """A number, address or town on a business's own line (a footer "NorthStar Chiropractic ·
    800 Main St · (360) 555-0134", a listing "Rose City Urgent Care — Gresham: 9–7"), or the
    line under its sign-off ("Dr. Omar Haddad & the Riverbend team / 1450 Willamette St"), unless
    that line is about someone's care. A number alone on the last line of a post that names a
    business ("Willamette Women's Health welcomes Dr. Medina ...\n541-555-0110") is its number."""
    line_start = text.rfind("\n", 0, e.start) + 1
    line_end = text.find("\n", e.end)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    previous = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1:max(0, line_start - 1)]
    if len(line) > _LONG_LINE and _CARE_OF_SOMEONE.search(line):
        # a footer run into the post (line breaks lost): its care words are the post's, so the
        # footer's sentence stands for its line
        s0, s1 = _sentence(text, e.start, e.end)
        line_start, line, previous = s0, text[s0:s1], text[max(0, s0 - 80):s0]
    business = _business_patterns(text)[0]
    signed = _DASH_SIGNATURE.search(text, line_start, e.start)
    if signed and business.search(text, signed.end(), e.start) and not _CARE_OF_SOMEONE.search(text, signed.end(), e.end):
        return True  # "... book through the patient portal. — Prairie Pediatrics, Omaha"
    if _CARE_OF_SOMEONE.search(line):
        return False
    alone_at_the_end = not re.search(r"\w", text[line_start:e.start] + text[e.end:]) and e.entity_type == "PHONE"
    return bool(business.search(line) or (len(previous) < 80 and business.search(previous))
                or (alone_at_the_end and business.search(text, 0, line_start)))


def contact_role(text: str, e: Entity) -> Role:
    """The practice's own contact, when the sentence invites the reader to use it and no one
    else's name or care comes with it ("call Kevin at ... about his results" is Kevin's)."""
    before = text[max(0, e.start - 80):e.start]
    s0, s1 = _sentence(text, e.start, e.end)
    if _SYSTEM_MAILBOX.match(text, e.start, e.end):
        return Role.ORGANISATION  # "noreply@myriverbend-portal.com": a system's mailbox, nobody's
    if _ADDRESSED_CONTACT.search(before):
        return Role.UNKNOWN
    if _business_patterns(text)[1].search(before.rsplit("\n", 1)[-1]) or on_business_line(text, e):
        return Role.ORGANISATION  # "New Dawn Recovery Center · (503) ...", "Clearview Eye Care, Salem: ..."
    if _SOMEONE_ELSES.search(text, s0, s1):
        return Role.UNKNOWN
    invite = _INVITES_CONTACT.search(before)
    if invite and _NAMED_BEFORE.search(before[invite.start() + 1:]) and not _FOR_THE_PRACTICE.search(invite.group()):
        return Role.UNKNOWN  # "Please call Sarah at ...": a person's own number
    if invite or _CONTACT_AFTER.match(text[e.end:e.end + 40]):
        return Role.PRACTICE
    chained = _CHAINED_CONTACT.search(before)  # "available at 555-0163 or director@...": the same invitation
    if chained and _INVITES_CONTACT.search(text, max(0, e.start - len(before) + chained.start() - 80),
                                           e.start - len(before) + chained.start()):
        return Role.PRACTICE
    return Role.UNKNOWN


_SYSTEM_MAILBOX = re.compile(r"(?:no-?reply|do-?not-?reply|donotreply|mailer-daemon|notifications?|alerts?)@", _I)
_CHAINED_CONTACT = re.compile(r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\(?\d{3}\)?[-.\s]?\d{3}[-.\s]\d{4}|\d{3}[-.\s]\d{4})"
                              r"\s*(?:or|and|/|,)\s*$", _I)


def date_role(text: str, e: Entity) -> Role:
    s0, s1 = _sentence(text, e.start, e.end)
    # (a talk's or a book's title says nothing of anyone's care: "will present “The Family Is the Patient Too” ...")
    sentence = _QUOTED_TITLE.sub(" ", text[s0:s1])
    if _PAPERWORK_BEFORE.search(text, max(s0, e.start - 40), e.start):
        return Role.OPERATIONS  # a form's date: "(authorization on file, Feb 2025)"
    if _WRITER_AWAY.search(sentence):
        return Role.OPERATIONS  # the clinician's own absence: "I'll be out Dec 22–Jan 2"
    if _JOIN_US_BEFORE.search(text, max(s0, e.start - 30), e.start):
        return Role.OPERATIONS  # "Join us Thursday, March 13 at 7pm as local author X reads from her memoir"
    if _NEW_OFFERINGS.search(sentence):
        return Role.OPERATIONS  # "New groups in January: Late-Diagnosed Autistic Adults and Boundaries 101 (Jan 16)"
    if _CARE_OF_SOMEONE.search(sentence) or _CARE_EVENT_BEFORE.search(text, max(s0, e.start - 30), e.start):
        return Role.UNKNOWN  # (someone's care on that day: "left-hemisphere stroke on jan 3")
    if _OBSERVANCE_AFTER.match(text, e.end) or _OBSERVANCE_BEFORE.search(text, max(s0, e.start - 80), e.start) \
            or (case_style(text) != "mixed" and _OBSERVANCE_AFTER_ANY_CASE.match(text, e.end)):
        return Role.OPERATIONS  # a day everyone observes: "Sunday, Sept 27 is Gold Star Mother's and Family's Day"
    if _OPERATIONS.search(sentence) or EVENT_WORDS.search(sentence) or _STARTING_BEFORE.search(text, s0, e.start) \
            or _HOURS_AFTER.match(text, e.end) or _COME_BEFORE.search(text, max(s0, e.start - 40), e.start) \
            or (_DEADLINE_BEFORE.search(text, max(s0, e.start - 20), e.start) and _ASKS_EVERYONE.search(sentence)):
        # (a schedule's start: "seeing clients at our Littleton office starting March 3"; a day's hours:
        # "Dec 26 (Fri): 9:00–4:00"; a deadline asked of everyone: "please request refills by Dec 19")
        return Role.OPERATIONS
    # a line of its own in an announcement ("Grief During the Holidays / Thursday, December 10 ·
    # 6:30pm"): the event, closure or deadline is named on the lines around it
    nearby = text[max(0, s0 - _ANNOUNCEMENT_REACH):min(len(text), s1 + _ANNOUNCEMENT_REACH)]
    if EVENT_WORDS.search(nearby) or (not _CARE_OF_SOMEONE.search(nearby) and _OPERATIONS.search(nearby)):
        return Role.OPERATIONS
    return Role.UNKNOWN


_QUOTED_TITLE = re.compile(r"[“\"](?-i:[A-Z])[^”\"\n]{2,120}[”\"]")


# a named day, week or month of observance, after or before its date ("... is Gold Star Mother's and Family's Day",
# "World Mental Health Day is October 10")
_OBSERVANCE_NAME = (r"(?-i:[A-Z][\w'’-]*)\s+(?:(?:(?-i:[A-Z][\w'’-]*)|and|of|for|the|&)\s+){0,7}"
                    r"(?-i:Day|Week|Month|DAY|WEEK|MONTH)")
_OBSERVANCE_AFTER = re.compile(r"\s*(?i:is|marks|was|will be|=|:|[—–-])\s+(?:(?i:the)\s+)?" + _OBSERVANCE_NAME + r"\b")
# ... typed all in lower case or capitals: "sunday, sept 27 is gold star mother's and family's day" (not "her first day")
_NOT_IN_A_NAME = r"(?!(?:her|his|my|their|our|your|its|first|last|next|this|that|a|an|big|off)\b)"
_OBSERVANCE_AFTER_ANY_CASE = re.compile(r"\s*(?:is|marks|will be|=|:|[—–-])\s+(?:the\s+)?(?:" + _NOT_IN_A_NAME + r"[a-z][\w'’-]*\s+)"
                                        r"{1,8}(?:day|week|month)\b(?!\s+(?:off|back|out|trip))", _I)
_OBSERVANCE_BEFORE = re.compile(_OBSERVANCE_NAME + r"\s+(?:is|falls on|this year is|was|will be|:|[—–-])\s+(?:on\s+)?"
                                r"(?:[A-Za-z]+day,?\s+)?$")
# (not "we're out of flu vaccine": out of a thing is no absence)
# the practice's new programs, named with their dates
_NEW_OFFERINGS = re.compile(r"\bnew\s+(?:groups?|classes|cohorts?|workshops?|programs?|offerings?)\b", _I)
_WRITER_AWAY = re.compile(r"\b(?:i|we)(?:['’]ll| will|['’]m| am|['’]re| are)? (?:be )?(?:(?:out|away|off)\b(?!\s+of\b)"
                          r"|unavailable\b|on leave\b|out of (?:the )?(?:office|town|country)\b)", _I)
_ANNOUNCEMENT_REACH = 120
_JOIN_US_BEFORE = re.compile(r"\b(?:join us|see you there|come out|save the date)\b[ \t:,]*(?:(?:on|this|next)[ \t]+)?"
                             r"(?:[A-Za-z]+day,?[ \t]+)?$", _I)
# everyone invited to come on that day: "come sit in them Jan 7!", "come see the new space Dec 10"
_COME_BEFORE = re.compile(r"\b(?:come|stop|swing|drop)\s+(?:by\s+|in\s+|over\s+)?(?:and\s+)?(?:see|sit|check|say|visit|"
                          r"meet|try|hang|celebrate|grab)\b[^.!?\n]{0,30}?(?:on\s+)?(?:[A-Za-z]+day,?\s+)?$", _I)
_HOURS_AFTER = re.compile(r"[^\n.!?]{0,16}?(?:\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:[–-]|to)\s*\d{1,2}"
                          r"(?::\d\d)?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?\b|\bclosed\b|\bopen (?:at|until|from)\b)", _I)
_DEADLINE_BEFORE = re.compile(r"\b(?:by|before|no later than|deadline:?)\s+(?:[A-Za-z]+day,?\s+)?$", _I)
_ASKS_EVERYONE = re.compile(r"\b(?:please|kindly|request|order|submit|register|sign up|rsvp|book|schedule|renew|"
                            r"send|drop off|pick up)\b", _I)
_CARE_EVENT_BEFORE = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in sorted(HEALTH_TERMS, key=len, reverse=True))
                                + r")\b[ \t]+(?:on|since|in)[ \t]+$", _I)
_PAPERWORK_BEFORE = re.compile(r"\b(?:authori[sz]ation|consent form|written permission)\b[^.!?\n]{0,25}$", _I)
# (or what opens then: "New client openings start Jan 4", "groups resume Jan 12")
_STARTING_BEFORE = re.compile(r"\b(?:starting|beginning|effective|as of|(?:openings?|spots?|slots?|groups?|classes|sessions|"
                              r"hours|registration|enrollment|waitlist)[ \t]+(?:start|starts|begin|begins|open|opens|resume|"
                              r"resumes|reopens?))[ \t]+(?:on[ \t]+)?(?:[A-Za-z]+day,?[ \t]+)?$", _I)


def _name_words(value: str) -> list[str]:
    """The words of a name, without a possessive ("Mr. Rodgers' care" is Rodgers)."""
    return [re.sub(r"['’]s?$", "", w) for w in re.findall(r"[^\W\d_][\w'’\-]+", value)]


# a cheer tagged with someone's first name: "#happybdayluz", "#LoveYouLinda", "#WelcomeBackPriya"
# (not "#TeamMaya": a team is rallied round a patient as often as round a colleague)
_CHEER_TAG = re.compile(r"#(?:happy ?b(?:irth)?day|hbd|(?:we)?loveyou|(?:we)?love|welcome(?:back)?|congrats|thankyou|thanks|"
                        r"ty|(?:we)?missyou|happyretirement|cheersto)(?P<name>[^\W\d_]{3,})", _I)


def shared_roles(text: str, entities, roles: list[Role]) -> tuple[Role, ...]:
    """A name read once as staff or a public figure keeps that role where it appears again,
    alone or in part ("Please welcome Aisha Karim, LMFT ... Aisha brings 15 years")."""
    known, joined, seen = {}, {}, {}
    for e, r in zip(entities, roles):
        if e.entity_type in ("PERSON", "HANDLE") and r in (Role.STAFF, Role.PUBLIC):
            words = _name_words(text[e.start:e.end])
            for word in words:
                known.setdefault(word.casefold(), r)
                seen.setdefault(word.casefold(), (r, e.start))
            joined.setdefault("".join(words).casefold(), r)
    out = []
    took_care = _colleagues_cared_for(text)
    for e, r in zip(entities, roles):
        tag = text[e.start:e.end]
        if tag.split()[0].casefold() in took_care:
            pass  # a colleague the team cared for is their patient too
        elif r == Role.UNKNOWN and tag.startswith("#") and tag[1:].casefold() in joined:
            r = joined[tag[1:].casefold()]  # "— Fred Rogers ... #fredrogers"
        elif r == Role.UNKNOWN and (cheer := _CHEER_TAG.fullmatch(tag)) and cheer.group("name").casefold() in known:
            r = known[cheer.group("name").casefold()]  # "our receptionist Luz!!! #happybdayluz"
        elif r == Role.UNKNOWN and e.entity_type == "PERSON":
            words = [w.casefold() for w in _name_words(text[e.start:e.end])]
            found = {known.get(w) for w in words} - {None}
            if words and len(found) == 1 and all(w in known for w in words):
                r = found.pop()
            elif len(words) == 2 and words[1] not in known and (known.get(words[0]) == Role.STAFF
                                                                or _introduced_with_a_job(text, words[0], e.start)):
                r = Role.STAFF  # "Our front desk coordinator Daniela ... [photo: Daniela Reyes with her daughters]"
            elif len(words) == 1 and _introduced_with_a_job(text, words[0], e.start):
                r = Role.STAFF  # "our peer support specialist Tanya ... TEN YEARS, TANYA!!" (the tagger kept one)
            elif len(words) == 1 and len(words[0]) >= 3:
                # a short form of a name read before it: "Our hygienist Tasha ... Congrats Tash!!"
                longer = {role for k, (role, at) in seen.items()
                          if at < e.start and len(k) > len(words[0]) and k.startswith(words[0])}
                if len(longer) == 1:
                    r = longer.pop()
        out.append(r)
    return tuple(out)


def _introduced_with_a_job(text: str, word: str, at: int) -> bool:
    """The same name appears elsewhere in the draft right after a colleague's job ("our peer support
    specialist Tanya")."""
    for m in re.finditer(r"(?<![\w'’])" + re.escape(word) + r"(?![\w'’])", text, _I):
        if m.start() != at and _STAFF_JOB_BEFORE.search(text[max(0, m.start() - 60):m.start()]):
            return True
    return False


def staff_first_names(staff: Iterable[str]) -> frozenset[str]:
    """ "Dr. Maya Chen" -> "maya": the name colleagues use for each other in posts."""
    out = set()
    for entry in staff:
        words = [w for w in entry.split(",")[0].split() if w.casefold().rstrip(".") not in HONORIFICS]
        if len(words) >= 2:
            out.add(words[0].casefold())
    return frozenset(out)


def is_staff_first_name(word: str, first_names: frozenset[str]) -> bool:
    """``word`` is a colleague's first name, also as a possessive typed without its
    apostrophe ("its priyas birthday")."""
    low = re.sub(r"['’]s?$", "", word).casefold()
    return low in first_names or (low.endswith("s") and low[:-1] in first_names)


_NEAR_NAME = 40
_THE_CLINICIAN_SEEN_BEFORE = re.compile(r"\b(?:seeing|sees|saw|see|started with|(?:sessions?|appointments?|appts?|work|"
                                        r"therapy|time) (?:with|w/))\s+$", _I)
_THE_CLINICIAN_HELPS_AFTER = re.compile(r"\s+(?:really\s+|truly\s+|has\s+|have\s+)?(?:helped|helps|supported|supports|taught|"
                                        r"teaches|listened to|walked with|treated|saved)\s+(?:me|us|my|our|him|her|them)\b", _I)
# a colleague's name as the label of what they write next, in their own voice: "a note from Jordan: in 4th grade I ..."
_WRITER_LABEL_AFTER = re.compile(r"\s*:\s*[^\n]{0,60}?(?<![\w'’])(?:I|I'm|I’m|I've|I’ve|my)(?![\w'’])")
# "is jordan taking new clients?": the clients are the colleague's caseload
_TAKING_CLIENTS = re.compile(r"\b(?:taking|accepting|seeing|booking)(?: on)? (?:new |more )?(?:clients|patients)\b", _I)


def staff_by_first_name(text: str, entities, roles: tuple[Role, ...], first_names: frozenset[str]) -> tuple[Role, ...]:
    """A lone first name of a staff member ("happy birthday Priya!!", "working with Jordan
    taught me ...", also when the tagger took it for a place) is that colleague, whatever a quotation around it looks like, unless its
    sentence is about someone's care as a patient ("Jordan's appointment moved", "our client Maya")."""
    if not first_names:
        return roles
    out = []
    for e, r in zip(entities, roles):
        if r in (Role.UNKNOWN, Role.PUBLIC) and e.entity_type in ("PERSON", "LOCATION") \
                and is_staff_first_name(text[e.start:e.end].strip(), first_names):
            s0, s1 = _sentence(text, e.start, e.end)
            # the care words must sit by the name to make it a patient's: "our client Priya", "Jordan's
            # appointment", "Jordan feels better after her session", not "therapy with Jordan helped him"
            lo, hi = max(s0, e.start - _NEAR_NAME), min(s1, e.end + _NEAR_NAME)
            near = text[lo:hi]
            # (read to the sentence's end, so a word cut at the window's edge is read whole: "her 16-year-old daughter")
            not_staff = _NOT_STAFF_SENTENCE.search(text[lo:s1])
            # (the writer, labelled, telling their own past: "a note from Jordan: in 4th grade I missed ...")
            own_label = _WRITER_LABEL_AFTER.match(text, e.end)
            # (the one seen is the clinician: "He started seeing Jordan once a week", "sessions with Priya")
            # (or the one who helped: "“Jordan helped me rebuild my life”")
            seen = _THE_CLINICIAN_SEEN_BEFORE.search(text, max(0, e.start - 30), e.start) \
                or _THE_CLINICIAN_HELPS_AFTER.match(text, e.end)
            if _TAKING_CLIENTS.search(near) or own_label or seen or not ((not_staff and not_staff.start() < hi - lo)
                                                                         or _CARE_OF_SOMEONE.search(near)):
                r = Role.STAFF
        elif r == Role.UNKNOWN and e.entity_type == "PERSON":
            # a colleague's family: "Priya's daughter Anika graduates Saturday"
            kin = _KIN_BEFORE.search(text, max(0, e.start - 40), e.start)
            if kin and is_staff_first_name(kin.group(1), first_names) and not _CARE_OF_SOMEONE.search(
                    text, *_sentence(text, e.start, e.end)):
                r = Role.STAFF
            elif (_listed_with_colleagues(text, e, first_names) or _listed_as_the_team(text, e)
                  or _job_among_colleagues(text, e, first_names)) \
                    and not _CARE_OF_SOMEONE.search(text, *_sentence(text, e.start, e.end)):
                r = Role.STAFF  # "maya, jordan, priya, sam, leo, and our interns marching": the rest of the team
        out.append(r)
    return tuple(out)


_THE_TEAM = re.compile(r"\b(?:team|staff|colleagues|co-?workers|interns|clinicians|therapists|counselors)\b", _I)
# a run of first names: "maya, jordan, priya, sam, leo, and our interns"
_NAME_LIST = re.compile(r"[^\W\d_][\w'’-]*(?:(?:\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+)[^\W\d_][\w'’-]*)+")


# a list the sentence says is the team: "Huge thanks to the staff and family who showed up with rakes: Jordan, Tasha, ..."
_TEAM_LIST_LEAD = re.compile(r"\b(?:staff|team|colleagues|co-?workers|crew)\b[^.!?:(\n]{0,60}[:(][ \t]*$", _I)


# a colleague's job before their name, in a list of colleagues: "Dr. Chen, Jordan, Priya and front-desk lead Tasha Green"
_JOB_IN_A_LIST_BEFORE = re.compile(r"(?:,|\band\b|&)\s+(?:" + _STAFF_JOB + r")\s+$", _I)


def _job_among_colleagues(text: str, e, first_names: frozenset[str]) -> bool:
    s0, _ = _sentence(text, e.start, e.end)
    flat = re.sub(r"(?<=\w)-(?=\w)", " ", text[s0:e.start])  # the sentence so far ("front-desk lead"; positions kept)
    job = _JOB_IN_A_LIST_BEFORE.search(flat, max(0, e.start - 40 - s0))
    return bool(job) and any(is_staff_first_name(w, first_names) for w in re.findall(r"[^\W\d_]+", flat[:job.start()]))


def _listed_as_the_team(text: str, e) -> bool:
    s0, _ = _sentence(text, e.start, e.end)
    colon = max(text.rfind(":", s0, e.start), text.rfind("(", s0, e.start))  # (or a bracket: "the team (Lauren, Sofia ...")
    return colon >= 0 and bool(_TEAM_LIST_LEAD.search(text, s0, colon + 1)) \
        and bool(_NAMES_LISTED.match(text, colon + 1)) \
        and re.fullmatch(r"[\w\s,.&'’-]*", text[colon + 1:e.start]) is not None \
        and not _SOMEONE_ELSE.search(text, colon + 1, e.start)


# two or more names in a row: "Jordan, Tasha, Dr. Chen and ..." (not "Dave from Kessler Steel passed ...")
_NAME_ITEM = r"(?:[Dd]r\.?\s+)?[^\W\d_][\w'’-]+(?:\s+[^\W\d_][\w'’-]+)?"  # (also in lower case: "jordan, tasha")
_NAMES_LISTED = re.compile(r"\s*" + _NAME_ITEM + r"(?:\s*(?:,|&|\band\b)\s*" + _NAME_ITEM + r")+")


def _listed_with_colleagues(text: str, e, first_names: frozenset[str]) -> bool:
    """One of three or more names listed together, two of them colleagues by first name, in a draft that says it
    is about the team ("team harbor light at the pride parade ... only staff in these pics"; not "Look at this
    crew — Derek, Maya, Jordan and Priya", where a client stands with the staff)."""
    if not _THE_TEAM.search(text):
        return False
    s0, s1 = _sentence(text, e.start, e.end)
    for m in _NAME_LIST.finditer(text, s0, s1):
        if m.start() <= e.start and e.end <= m.end():
            items = re.split(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", m.group(0))
            return len(items) >= 3 and sum(is_staff_first_name(w, first_names) for w in items) >= 2
    return False


_KIN = (r"(?:grandmother|grandfather|grandma|grandpa|aunt|uncle|cousin|niece|nephew|abuel[oa]|abuelit[oa]|t[ií][oa]|"
        r"nonna|nonno)")
_KIN_BEFORE = re.compile(r"\b([^\W\d_]+)['’]s\s+(?:\w+\s+)?(?:daughter|son|kid|child|baby|husband|wife|partner|mom|"
                         r"mother|dad|father|sister|brother|twins|grandson|granddaughter|" + _KIN + r")\s*,?\s*$", _I)


_INVENTED_CASE = re.compile(
    r"(?<!not a )(?<!isn't a )(?<!isn’t a )(?<!no )\b(?:hypothetical|fictional|fictitious|imaginary|made[- ]up|invented|"
    r"composites?)\b|\b(?:not (?:a )?|no )real (?:person|people|client|patient|case|child|kid|kiddo)s?\b"
    r"|\bgeneric (?:skit|scenario|example|scene)\b"
    r"|\bisn['’]?t a real (?:person|client|patient|child|kid)\b"
    r"|\bnot (?:about )?any (?:one|single|particular|specific) (?:person|client|patient)['’]?s?\b"
    r"|\bdoes ?n[o']t describe any real\b|\b(?:a|an) (?:\w+ )?(?:client|patient|person) we'?(?:ll| will) call\b", _I)


# what pins a "composite" to one real person all the same: an age, a job, a town, when care began
_PARTICULARS = (
    re.compile(r"\b\d{1,2}[- ]year[- ]old\b|,\s*\d{2}\s*,", _I),
    re.compile(r"\b(?:teacher|nurse|coach|officer|firefighter|paramedic|pastor|lawyer|attorney|engineer|chef|"
               r"owner|manager|principal|professor|veteran|student|dentist|pilot|barista|mechanic)\b", _I),
    re.compile(r"\b(?:from|in) (?!January|February|March|April|May|June|July|August|September|October|November|"
               r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[A-Z][a-z]+"),
    re.compile(r"\b(?:last|this past) (?:january|february|march|april|may|june|july|august|september|october|"
               r"november|december|spring|summer|fall|autumn|winter)\b|\bin (?:19|20)\d\d\b", _I),
)


def invented_case(text: str) -> bool:
    """The draft says its case is made up: "a composite", "totally made-up, not a real person";
    unless it keeps three kinds of particulars that pin one person down anyway ("a composite:
    a 34-year-old kindergarten teacher from Millbrook who came to us last October")."""
    return bool(_INVENTED_CASE.search(text)) and sum(bool(p.search(text)) for p in _PARTICULARS) < 3


# what a real case brings that a composite's own paragraphs do not: a here-and-now
_HERE_AND_NOW = re.compile(r"\b(?:today|tonight|yesterday|last night|this (?:morning|afternoon|evening|week(?:end)?)"
                           r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day at \d)\b", _I)


_PRACTICE_SPEAKING = re.compile(r"\b(?:i|i['’]m|i['’]ve|me|my|we|we['’]re|we['’]ve|us|our|you|your)\b", _I)


def invented_spans(text: str, names: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Where the made-up case of a draft that says it has one is told: from the top through the
    paragraph saying so, then each paragraph going on with no one new (by full or family name, or
    beside a case that has its own named people) and no here-and-now; all of it when the draft says so last ("(This is a fictional illustration.)").
    A real patient told after it ("Shoutout to the Abernathy family ...", "Our 9:15 this morning
    cried ...") is outside. ``names``: where the draft names people."""
    declared = _INVENTED_CASE.search(text)
    if not declared or not invented_case(text):
        return []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text)]
    first = next(i for i, (a, b) in enumerate(paragraphs) if a <= declared.start() < b)
    if first == len(paragraphs) - 1:
        return [(0, len(text))]
    names = [(a, b) for a, b in sorted(names) if text[a:b].strip()]
    end = paragraphs[first][1]
    known = {text[a:b].split()[0].casefold() for a, b in names if a < end}
    for a, b in paragraphs[first + 1:]:
        # (a first name alone is someone new only once the case has its own named people)
        someone_new = any(known or len(text[n0:n1].split()) > 1 or _FAMILY_AFTER.match(text, n1)
                          for n0, n1 in names if a <= n0 < b and text[n0:n1].split()[0].casefold() not in known)
        # (the vignette's own "tonight" is its story's time: "Tonight his kid asked him to use a different one")
        if someone_new or (_HERE_AND_NOW.search(text, a, b) and _PRACTICE_SPEAKING.search(text, a, b)):
            break
        end = b
        known |= {text[n0:n1].split()[0].casefold() for n0, n1 in names if a <= n0 < b}
    return [(0, end)]


_FAMILY_AFTER = re.compile(r"\s+family\b", _I)
# a post that opens by welcoming new colleagues, whom it goes on to name
_WELCOMES_NEW_COLLEAGUES = re.compile(r"[^\w]*(?:please\s+)?(?:welcome|say hi to|say hello to|meet)\b[^.!?\n]{0,30}?\b(?:to\s+)?"
                                      r"our\s+(?:[\w-]+\s+){0,2}(?:interns|new hires|clinicians|therapists|team members|"
                                      r"residents|fellows|trainees)\b", _I)
_HE_OR_SHE = re.compile(r"\b(?:she|he|they)\b", _I)  # ("fun facts: she volunteered ...", "Before joining us he spent ...")
# (not "our": "we love our grandpa joe!! #strokerecovery" is a patient, fondly)
_WRITERS_KIN_BEFORE = re.compile(r"\bmy\s+(?:late\s+|little\s+|big\s+|baby\s+|youngest\s+|oldest\s+)?"
                                 r"(?:daughter|son|kid|child|husband|wife|partner|mom|mother|dad|father|sister|brother|"
                                 r"grandson|granddaughter|" + _KIN + r")\s*,?\s*$", _I)
# a name given in place of the real one: "I'll call him Mark", "Rosa (not her real name)"
_STAND_IN = re.compile(r"\b(?:i['’]?ll|we['’]?ll|let['’]?s|i will|we will|i['’]?m going to|we['’]?re going to|i['’]?d)\s+call\s+"
                       r"(?:him|her|them|this (?:client|patient|person|man|woman|kid|teen|boy|girl))\s+(?P<name>[^\W\d_][\w'’-]*)"
                       r"|(?P<named>[^\W\d_][\w'’-]*)\s*[(,—–-]\s*(?:not (?:his|her|their) real name|(?:the )?names? "
                       r"(?:has been |have been )?changed|a pseudonym)\b", _I)


def _stand_in_names(text: str) -> set[str]:
    """First names the draft says are not the person's own."""
    return {(m.group("name") or m.group("named")).casefold() for m in _STAND_IN.finditer(text)}


# a public figure telling their own life in public: a memoir, an interview, "writes openly about"
_PUBLIC_TELLING = re.compile(r"\b(?:memoir|autobiography|interview|documentary|podcast|op-?ed|essay|ted talk)\b"
                             # a book by its quoted title, then its author telling: "In “Life Without Ed,” Jenni
                             # Schaefer writes about ..."
                             r"|\bin\s+[“\"](?-i:[A-Z])[^”\"\n]{1,80}[”\"][^.!?\n]{0,40}?\b(?:writes|wrote|describes|"
                             r"described|explains|explained|recounts|recounted|tells|told)\b"
                             r"|\b(?:writes|wrote|speaks|spoke|talks|talked)\s+(?:\w+\s+)?(?:openly|publicly|candidly)\b", _I)


def tells_a_public_life(sentence: str) -> bool:
    """The sentence is a public figure's own telling (a memoir, an interview, "writes openly about"), with
    nothing of the practice in it: whatever care it tells is theirs, told by them."""
    return bool(_PUBLIC_TELLING.search(sentence)) and not _OUR_PART.search(sentence)


def _in_a_public_telling(text: str, e: Entity, public: list[tuple[int, int]]) -> bool:
    """A first name alone in a sentence where a public figure tells their own life in public, with nothing of
    the practice in it, is someone in that life (their spouse, their child), not a patient."""
    value = text[e.start:e.end].strip()
    s0, s1 = _sentence(text, e.start, e.end)
    return " " not in value and any(s0 <= a < s1 for a, _ in public) and bool(_PUBLIC_TELLING.search(text, s0, s1)) \
        and not _OUR_PART.search(text, s0, s1)


_FULL_NAME = re.compile(r"[^\W\d_][\w'’-]+(?:[ \t]+[^\W\d_][\w'’-]+)+")
_CO_AUTHOR_BETWEEN = re.compile(r"[ \t]*(?:&|and)[ \t]+")
_ATTRIBUTION_GOES_ON = re.compile(r"[ \t]*(?:,|\(|—|–|$|\n)")


def in_context_roles(text: str, entities, roles: tuple[Role, ...],
                     colleagues: Iterable[tuple[int, int]] = ()) -> tuple[Role, ...]:
    """Roles the rest of the draft settles: a town in a sentence about a public figure
    ("when Simone Biles withdrew in Tokyo") or a colleague is theirs, and a name in a draft
    that says its case is made up ("fictional composite: 'Alex,' 34") is invented.
    ``colleagues``: where the profile's staff are named (the analyzer leaves them out)."""
    unknown = [(e.start, e.end) for e, r in zip(entities, roles)
               if e.entity_type == "PERSON" and r == Role.UNKNOWN and text[e.start:e.end].strip()]
    scope = invented_spans(text, unknown)
    made_up = {text[a:b].split()[0].casefold() for a, b in unknown if any(s0 <= a < s1 for s0, s1 in scope)}
    people = [(e.start, r) for e, r in zip(entities, roles) if e.entity_type == "PERSON"]
    staff = [(e.start, e.end) for e, r in zip(entities, roles) if e.entity_type == "PERSON" and r == Role.STAFF]
    staff += [span for span in colleagues if not any(a < span[1] and span[0] < b for a, b in staff)]
    public = [(e.start, e.end) for e, r in zip(entities, roles) if e.entity_type == "PERSON" and r == Role.PUBLIC]
    stand_ins = _stand_in_names(text)
    out = []
    for e, r in zip(entities, roles):
        if r == Role.UNKNOWN and (e.start, e.end) in unknown and text[e.start:e.end].split()[0].casefold() in made_up:
            r = Role.INVENTED
        elif r == Role.UNKNOWN and e.entity_type in ("DATE", "LOCATION", "AGE_OVER_89") and made_up \
                and any(s0 <= e.start < s1 for s0, s1 in scope):
            r = Role.INVENTED  # "(composite, not a real client): “Sam” set 11 resolutions on Jan 1": the made-up case's day
        elif r == Role.UNKNOWN and (e.start, e.end) in unknown and text[e.start:e.end].split()[0].casefold() in stand_ins:
            r = Role.INVENTED  # a real client under a name that is not theirs: no registered patient's, and what the
            # draft tells of them is still told (the case is real; only the name is made up)
        elif r == Role.UNKNOWN and e.entity_type == "PERSON" and _an_item_among_colleagues(text, e, staff):
            r = Role.STAFF  # "1. Priya: no email after 6pm 2. Jordan: trail runs ... 4. Lena: karaoke": one of the team
            staff.append((e.start, e.end))
        elif r == Role.UNKNOWN and e.entity_type == "PERSON" and _listed_after_colleagues(text, e, staff):
            r = Role.STAFF  # "Our DPTs Lauren Kim and Marcus Ito", "our PTs Lauren, Devon and Sofia"
            staff.append((e.start, e.end))
        elif r == Role.UNKNOWN and e.entity_type == "PERSON" and _colleagues_family(text, e, staff):
            r = Role.STAFF  # "Jordan Alvarez, LCSW and his partner Sam welcomed baby Sofia": a colleague's family
            staff.append((e.start, e.end))
        elif r == Role.UNKNOWN and e.entity_type == "PERSON" and _colleagues_family(text, e, public):
            r = Role.PUBLIC  # "State Sen. Linda Park testified ... about losing her son Evan": her own story
        elif r == Role.UNKNOWN and e.entity_type == "PERSON" and _FULL_NAME.fullmatch(text[e.start:e.end]) and any(
                b <= e.start and _CO_AUTHOR_BETWEEN.fullmatch(text, b, e.start) and _FULL_NAME.fullmatch(text[a:b])
                for a, b in public) and _ATTRIBUTION_GOES_ON.match(text, e.end):
            r = Role.PUBLIC  # "— Emily Nagoski & Amelia Nagoski, Burnout: ...": a co-author signing with a public figure
        elif r == Role.UNKNOWN and e.entity_type == "PERSON" and _in_a_public_telling(text, e, public):
            r = Role.PUBLIC  # "In her memoir, Michelle Obama writes openly about counseling with Barack"
        elif r == Role.UNKNOWN and e.entity_type == "DATE" and _colleagues_news_date(text, e, staff, people):
            r = Role.STAFF  # "his partner Sam welcomed baby Sofia on November 28", "on parental leave until January 12"
        elif r == Role.UNKNOWN and e.entity_type in ("PHONE", "EMAIL") and _colleagues_contact(text, e, staff):
            r = Role.PRACTICE  # "Call Darnell at (937) ...", Darnell being the practice's liaison
        elif r == Role.UNKNOWN and e.entity_type == "LOCATION" and not any(c.isdigit() for c in text[e.start:e.end]):
            # a town or park in a sentence about a public figure or a colleague is theirs
            # ("Sarah loves trail running on Forest Park's Wildwood Trail")
            s0, s1 = _sentence(text, e.start, e.end)
            here = {pr for a, pr in people if s0 <= a < s1}
            if here and here <= {Role.PUBLIC, Role.STAFF}:
                r = Role.PUBLIC if Role.PUBLIC in here else Role.STAFF
            elif not here and _HE_OR_SHE.search(text, s0, e.start) and not _CARE_OF_SOMEONE.search(text, s0, s1):
                # "fun facts: she volunteered for 3 years with a hospice in Bend": the one named before
                named_before = [pr for x, pr in zip(entities, out) if x.entity_type == "PERSON" and x.end <= s0]
                if named_before and named_before[-1] in (Role.STAFF, Role.PUBLIC):
                    r = named_before[-1]
        elif r == Role.UNKNOWN and e.entity_type == "PERSON" and _WELCOMES_NEW_COLLEAGUES.match(text) \
                and not _NOT_STAFF_SENTENCE.search(text, *_sentence(text, e.start, e.end)) \
                and not _CARE_OF_SOMEONE.search(text, *_sentence(text, e.start, e.end)):
            r = Role.STAFF  # "Welcome to our fall interns! 🍂 [photo: Hannah Lee and Marco Ruiz ...]": the ones welcomed
            staff.append((e.start, e.end))
        elif r == Role.UNKNOWN and e.entity_type == "PERSON" \
                and _WRITERS_KIN_BEFORE.search(text, max(0, e.start - 30), e.start) \
                and not _NOT_STAFF_SENTENCE.search(text, *_sentence(text, e.start, e.end)) \
                and not _quoted(text, e.start):  # (in quotes, "my brother Luis" is the speaker's brother)
            r = Role.STAFF  # "my abuela Luz died three weeks ago in San Juan": the writer's own family
            staff.append((e.start, e.end))
        out.append(r)
    return tuple(out)


def _quoted(text: str, pos: int) -> bool:
    """``pos`` lies inside double quotes on its line: someone else's words."""
    return bool(re.search(r"[“\"][^”\"\n]*$", text[max(0, pos - 300):pos])
                and re.match(r"[^“\"\n]*[”\"]", text[pos:pos + 300]))


_OWN_BEFORE = re.compile(r"\b(?:our|ur)\s+(?:very\s+)?own\s+$", _I)
# (an aside may follow a name: "Kayla (MSW student at PSU) and Omar")
_LIST_JOINT = re.compile(r"(?:\s*\([^()\n]{0,60}\))?\s*(?:,|and|&|\+)\s*(?:and\s+)?$")
_JOBS_BEFORE = re.compile(r"\b(?:our|the)\s+(?:\w+\s+)?" + _STAFF_JOB + r"\s*(?::|!+)?\s*(?:[^\w\s]\s*){0,3}(?:dr\.?\s+)?$", _I)


_ITEM_BEFORE = re.compile(r"(?:^|(?<=\s))(?:\d{1,2}[.)]|[•*–-])[ \t]*(?:dr\.?[ \t]+)?$", _I | re.MULTILINE)
_ITEM_AFTER = re.compile(r"[ \t]*[:–—-][ \t]")


def _an_item_among_colleagues(text: str, e: Entity, staff: list[tuple[int, int]]) -> bool:
    """The name opens a list item ("4. Lena: karaoke") in a list whose items open with two or more colleagues."""
    def item(a: int, b: int) -> bool:
        return bool(_ITEM_BEFORE.search(text, max(0, a - 8), a) and _ITEM_AFTER.match(text, b))
    return item(e.start, e.end) and sum(item(a, b) for a, b in staff) >= 2


def _listed_after_colleagues(text: str, e: Entity, staff: list[tuple[int, int]]) -> bool:
    """The name goes on a list of colleagues under a plural job: "our DPTs Lauren Kim and Marcus Ito"."""
    chain = sorted(staff)
    for i, (a, b) in enumerate(chain):
        if b <= e.start and _LIST_JOINT.fullmatch(text, b, e.start):
            while i > 0 and _LIST_JOINT.fullmatch(text, chain[i - 1][1], a):  # back to the list's first name
                i -= 1
                a = chain[i][0]
            if _OWN_BEFORE.search(text, max(0, a - 30), a):
                return True  # "starring our very own Summer & Grace"
            if _DOCTOR_BEFORE.search(text, max(0, a - 8), a) and _team_outing(text, a):
                return True  # "Team Brightside ran the Turkey Trot!!! Dr. Mike, Jess, Ana and Carlos repping the clinic"
            job = _JOBS_BEFORE.search(text, max(0, a - 60), a)
            jobs = re.sub(r"[^\w]*(?:\bdr\.?)?[^\w]*$", "", job.group(), flags=_I) if job else ""
            return jobs.casefold().endswith("s")
    return False


# the team doing something together: "our audiology team at #walk4hearing", "Team Brightside ran", "repping the clinic"
_TEAM_CUE = re.compile(r"\b(?:(?:our|ur)\s+(?:[\w-]+\s+){0,2}(?:team|staff|crew|office)|team\s+(?-i:[A-Z])\w+|"
                       r"repp?(?:ing|ed|resenting|resented)\s+(?:the|our)\s+(?:clinic|practice|office|team))\b", _I)


def _team_outing(text: str, start: int) -> bool:
    """A list opened by a doctor, in a passage about the team (its sentence or the one before) that
    mentions no one's care: the rest of the list are colleagues too."""
    s0, s1 = _sentence(text, start, start + 1)
    p0 = _sentence(text, max(0, s0 - 2), max(1, s0 - 1))[0] if s0 > 1 else s0
    sentence = text[s0:s1]
    return bool(_TEAM_CUE.search(text, p0, s1)) and not _CARE_OF_SOMEONE.search(sentence) \
        and not _SOMEONE_ELSE.search(sentence)


# a relative named after the word that relates them: "his partner Sam", "welcomed baby Theo",
# "Dr. Lee's daughter Ava", "she and her husband, Tom,"
_FAMILY = (
    r"(?:\b(?:his|her|their)|['’]s)\s+(?:new\s+|little\s+|newborn\s+|baby\s+|wonderful\s+)?(?:\d{1,2}[- ]year[- ]old\s+)?"
    r"(?:partner|wife|husband|spouse|fianc[eé]e?|son|daughter|baby|babies|kids?|children|twins|boys?|girls?|"
    r"newborn|little one|mom|mother|dad|father|brother|sister|dog|cat|pup|puppy|" + _KIN + r")\s*,?\s+(?:(?:baby|little)\s+)?"
    r"|\bwelcom(?:ed|es|ing)\s+(?:(?:a\s+)?(?:baby|little|newborn)\s+(?:(?:girl|boy)\s*,?\s+)?|(?:their|his|her)\s+"
    r"(?:new\s+)?(?:son|daughter|baby)\s*,?\s+)")
_FAMILY_BEFORE = re.compile(f"(?:{_FAMILY})$", _I)
_FAMILY_NEWS = re.compile(_FAMILY, _I)


# the relation told right after the name: "Leo Chen — Dr. Maya Chen's son —", "Ava (Priya's daughter)"
_RELATIVE_OF_AFTER = re.compile(r"(?:[ \t]+[^\W\d_][\w'’-]*)?\s*[,—–(]\s*(?P<who>(?:dr\.?\s+)?[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,2}?)['’]s\s+"
                                r"(?:new\s+|little\s+|eldest\s+|youngest\s+|oldest\s+)?(?:partner|wife|husband|spouse|son|"
                                r"daughter|kid|child|brother|sister|mom|mother|dad|father|nephew|niece)\b", _I)


def _colleagues_family(text: str, e: Entity, staff: list[tuple[int, int]]) -> bool:
    """A relative introduced through a colleague earlier in the same sentence: staff news
    ("Hannah Okafor, M.S., CCC-SLP, who welcomed baby Theo") tells no patient's care. Someone
    else between them makes the relative theirs ("Jordan saw a mom and her daughter Mia")."""
    named_after = _RELATIVE_OF_AFTER.match(text, e.end)  # "Leo Chen — Dr. Maya Chen's son — who graduates ..."
    if named_after and any(a < named_after.end("who") and named_after.start("who") < b for a, b in staff):
        return True
    relation = _FAMILY_BEFORE.search(text, max(0, e.start - 40), e.start)
    if not relation:
        return False
    s0, _ = _sentence(text, e.start, e.end)
    if re.match(r"[^\w]*(?:his|her|their)\b", text[s0:relation.end()], _I) and s0 > 0:
        # "Our very own Jordan Alvarez is one proud dad this week. His daughter Lucia graduated ...": the one
        # the sentence before spoke of
        s0 = _sentence(text, max(0, s0 - 2), max(0, s0 - 1))[0]
    before = [b for a, b in staff if s0 <= a and b <= relation.start()]
    # (a proud parent is the colleague: "Jordan Alvarez is one proud dad this week. His daughter Lucia ...")
    return bool(before) and not _SOMEONE_ELSE.search(_PROUD_PARENT.sub(" ", text[max(before):relation.start()]))


_PROUD_PARENT = re.compile(r"\bproud\s+(?:mom|mama|dad|papa|parent|grandma|grandpa|auntie|aunt|uncle)\b", _I)
_SOMEONE_ELSE = re.compile(r"\b(?:clients?|patients?|pts?|famil(?:y|ies)|mom|mother|dad|father|parents?|teens?|kids?|"
                           r"child(?:ren)?|couples?|students?|athletes?|someone|woman|man|girl|boy|guy|lady|"
                           r"gentleman|he|she|him)\b", _I)


def _colleagues_news_date(text: str, e: Entity, staff: list[tuple[int, int]], people) -> bool:
    """A date in a sentence of staff news (a colleague's leave, newborn, anniversary) that
    names no one else and no one's care is the colleague's, not a patient's."""
    s0, s1 = _sentence(text, e.start, e.end)
    sentence = text[s0:s1]
    if not any(s0 <= a < s1 for a, _ in staff) or _CARE_OF_SOMEONE.search(sentence):
        return False
    if any(s0 <= a < s1 and r not in (Role.STAFF, Role.PUBLIC) and not any(x == a for x, _ in staff)
           for a, r in people):
        return False
    return bool(_STAFF_SENTENCE.search(sentence) or _FAMILY_NEWS.search(sentence))


def _colleagues_contact(text: str, e: Entity, staff: list[tuple[int, int]]) -> bool:
    """The number or address is handed out under a colleague's name: "call Darnell at ...",
    "please reach out to our clinic director, Sam Okafor, DPT, at ..." (the colleague within 40
    characters, asked for by a contact verb before them in the sentence)."""
    before = text[max(0, e.start - 80):e.start]
    s0, _ = _sentence(text, e.start, e.end)
    return any(e.start - 40 <= b <= e.start and a >= e.start - 80
               and (_INVITES_CONTACT.search(before) or _CONTACT_VERB.search(text, s0, a))
               for a, b in staff)


_CONTACT_VERB = re.compile(r"\b(?:call|text|phone|reach(?: out)?|contact|e-?mail|message|write to|talk to|speak (?:to|with)|"
                           r"ask for|rsvp|register|sign up)\b", _I)


# a colleague who is also a patient: their own care, given here ("after her hysterectomy with Dr. Lin here at
# Bloom", "recovering from his knee surgery with us")
_TREATED_HERE = re.compile(r"\b(?:her|his|their)\s+(?:own\s+)?(?:[\w-]+\s+)?(?:" + L.CARE + "|" + L.CONDITION
                           + r"|hysterectomy|mastectomy|[\w-]+ectomy)\b(?:[^.!?\n]|(?<=\b(?:dr|mr|ms))\.|(?<=\bmrs)\.){0,40}\b(?:here at|here with us|with us|at our "
                           r"(?:office|clinic|practice|center))\b", _I)
_WE_CARED_FOR_THEM = re.compile(r"\b(?:our|we)\b[^.!?\n]{0,60}\b(?:car(?:ing|ed) for|look(?:ing|ed) after|treat(?:ing|ed)|"
                                r"nurs(?:ing|ed))\s+(?:him|her|them)\b", _I)
# a colleague the team took care of: "thank you to Dr. Patel and our nurses for taking such good care of Sam through
# her whole pregnancy and the delivery"
_TEAM_TOOK_CARE_OF = re.compile(r"\b(?:our|we)\b[^.!?\n]{0,60}\btak(?:ing|en|e|es)\s+(?:\w+\s+){0,2}care\s+of\s+"
                                r"(?P<who>[^\W\d_][\w'’-]+)\b[^.!?\n]{0,60}\b(?:pregnan\w+|deliver\w*|birth|surgery|"
                                r"recovery|treatment|rehab|illness|stay)", _I)


# a colleague known from their own time in the practice's care: "Many of you know Alex from his time in our IOP"
_KNOWN_FROM_THEIR_CARE = re.compile(r"\b(?P<who>[^\W\d_][\w'’-]+)\s+from\s+" + L.TIME_IN_OUR_CARE, _I)
# ... or said to have been a client: "Alyssa was a Harbor Light client herself for two years before joining the team"
_WAS_OUR_CLIENT = re.compile(r"\b(?P<who>[^\W\d_][\w'’-]+)\s+(?:was|has been|used to be)\s+(?:a|an|one of our)\s+"
                             r"(?:[\w'’-]+\s+){0,3}?(?:client|patient)s?(?![\w-])(?!\s+(?:advocate|care|relations|services|"
                             r"coordinator|navigator|experience|liaison|educator|access|success)\b)", _I)


@functools.lru_cache(maxsize=256)
def _colleagues_cared_for(text: str) -> frozenset[str]:
    """The (case-folded) names of those the team took care of: a colleague among them is a patient too."""
    return frozenset(m.group("who").casefold() for rx in (_TEAM_TOOK_CARE_OF, _KNOWN_FROM_THEIR_CARE, _WAS_OUR_CLIENT)
                     for m in rx.finditer(text))
# a region the practice serves or works in: "partners across the Miami Valley", "serving Greater Boise"
_SERVICE_AREA = re.compile(r"\b(?:across|throughout|serving|serve|all over|everywhere in)\s+(?:the\s+)?$", _I)
# towns listed as anywhere at all: "see you by secure video anywhere in the state: Bend, Ashland, Astoria, wherever"
# (or from one end to the other: "telehealth anywhere in Oregon? 🌲 from Astoria to Ashland, Ontario to Newport")
_ANYWHERE_LISTED = re.compile(r"\b(?:anywhere|wherever|statewide|all over|across|throughout)\b(?:[^.!?\n]{0,40}:|"
                              r"[^\n]{0,40}?\bfrom)\s*(?:[^\W\d_][\w .'’-]*(?:,|\bto\b)\s*)*$", _I)


# one of the practice's own sites: "She sees patients at our Lakeside clinic", "our Gresham campus"
_OUR_SITE_BEFORE = re.compile(r"\b(?:our|ur)\s+$", _I)
_SITE_AFTER = re.compile(r"\s+(?:campus|office|location|branch|clinic|studio|site|practice)\b", _I)
# the rooms of an office there: "New telehealth rooms at Belmont are DONE", "the new group room at Belmont"
_OFFICE_ROOMS_BEFORE = re.compile(r"\b(?:telehealth|therapy|session|group|testing|waiting|play|quiet|sensory)\s+rooms?\s+"
                                  r"(?:at|in|on)\s+(?:our\s+|the\s+)?$", _I)


# the people an event puts on stage, by the line they stand on or the heading they are listed under: "Panelists:",
# "Moderated by Jordan Alvarez, LCSW"
_SPEAKERS_LINE = re.compile(r"(?:^|\n)[ \t]*(?:(?:panelists?|speakers?|presenters?|facilitators?)[ \t]*:|"
                            r"(?:moderated|presented|facilitated) by\b)[^\n]*$", _I)
_UNDER_A_SPEAKERS_HEADING = re.compile(r"(?:panelists?|speakers?|presenters?|featuring)[ \t]*:[ \t]*\n(?:[ \t]*[•*·-][^\n]*\n){0,6}"
                                       r"[ \t]*[•*·-][^\n]*$", _I)


# (not "our client Maria will share", "who has been working with Jordan on his panic attacks")
_CLIENT_ON_THE_LINE = re.compile(r"\b(?:clients?|patients?|members?|alumn\w*|graduates?|working with|(?:his|her|their) own)\b", _I)


# a place whose name is its government's: "Multnomah County", "the City of Gresham"
_GOVERNMENT = re.compile(r"\b(?:county|city|parish|borough|township)\b", _I)
# ... doing what only a body does: "Multnomah County announced", "Clark County has opened warming centers"
_ACTS_AS_A_BODY = re.compile(r"['’]?s?\s+(?:(?:has|have|had|will|is|are|just|officially|also|now)\s+)*(?:announc|declar|open|"
                             r"issu|report|launch|expand|fund|extend|activat|clos|cancel|offer|post|updat|confirm|"
                             r"say|said|urg|warn|ask|provid|approv|pass|vot)\w*\b", _I)


def role_of(text: str, e: Entity) -> Role:
    if e.entity_type == "LOCATION" and (_SERVICE_AREA.search(text, max(0, e.start - 20), e.start)
                                        or _ANYWHERE_LISTED.search(text, max(0, e.start - 120), e.start)):
        return Role.OPERATIONS
    if e.entity_type == "LOCATION" and _INSURERS_BEFORE.search(text, max(0, e.start - 120), e.start):
        return Role.ORGANISATION  # "in-network with OHP, Providence and Regence": an insurer named after a town
    if e.entity_type == "LOCATION" and _GOVERNMENT.search(text[e.start:e.end]) and _ACTS_AS_A_BODY.match(text, e.end):
        return Role.ORGANISATION  # "Multnomah County announced this morning that shelters open": the county's government
    if e.entity_type == "LOCATION" and (_OUR_SITE_BEFORE.search(text, max(0, e.start - 8), e.start)
                                        and _SITE_AFTER.match(text, e.end)
                                        or _OFFICE_ROOMS_BEFORE.search(text, max(0, e.start - 40), e.start)):
        return Role.PRACTICE
    line_start, line_end = text.rfind("\n", 0, e.start), text.find("\n", e.end)
    line = text[max(0, line_start):line_end if line_end >= 0 else len(text)]
    if e.entity_type == "PERSON" and not _CLIENT_ON_THE_LINE.search(line) and (
            _SPEAKERS_LINE.search(text, max(0, line_start), e.start)
            or _UNDER_A_SPEAKERS_HEADING.search(text, max(0, e.start - 400), e.start)):
        return Role.PUBLIC  # a panelist or speaker of an event, on stage by their own choice
    role = _role_of(text, e)
    if role == Role.STAFF and e.entity_type == "PERSON" and (
            _TREATED_HERE.search(text, *_sentence(text, e.start, e.end))
            or _COMES_TO_US_AFTER.match(text[e.end:e.end + 80])
            or _WE_CARED_FOR_THEM.search(_sentence_and_next(text, e))
            or text[e.start:e.end].split()[0].casefold() in _colleagues_cared_for(text)):
        # "our front desk superstar Carla, recovering after her hysterectomy ... here at Bloom"; "the passing of Walt —
        # retired fire chief ... For eight months our home health team had the privilege of caring for him"
        return Role.UNKNOWN
    if role == Role.UNKNOWN and (
            e.entity_type == "LOCATION" and on_business_line(text, e)
            or e.entity_type in ("LOCATION", "PERSON") and _SHOP_BEFORE.search(text, max(0, e.start - 60), e.start)
            or e.entity_type == "LOCATION" and _VENUE_ON_BEFORE.search(text, max(0, e.start - 40), e.start)):
        return Role.ORGANISATION  # a business's own address or branch town: "Tidepool Books on Belmont"
    return role


# a job the practice calls its own: "Our front desk coordinator "
_OUR_JOB_BEFORE = re.compile(r"\b(?:our|ur)\s+(?:[\w-]+\s+){0,3}$", _I)


# a venue by its kind, then its street: "Portland's zero-proof bar on NE Alberta"
_SHOP_KINDS = ("cafe", "café", "brewery", "bakery", "bookstore", "bookshop", "shop", "store", "gym", "studio", "diner",
               "market")
_VENUE_ON_BEFORE = re.compile(r"\b(?:" + "|".join(_SHOP_KINDS) + r"|bar|pub|restaurant|taproom)\s+(?:on|off)\s+"
                              r"(?:(?:NE|NW|SE|SW|N|S|E|W)\.?\s+)?$", _I)
# a shop named by its kind, then where it is: "Tidepool Books on ", "Rosie's Bakery in "
_SHOP_BEFORE = re.compile(r"\b[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*\s+(?:" + "|".join(k.capitalize() for k in _SHOP_KINDS)
                          + r"|Books|Coffee|Yoga|Pilates|Pizza|Tacos|Brewing|Salon|Florist|Deli|Kitchen)\s+(?:on|at|in|off)\s+$")


def _role_of(text: str, e: Entity) -> Role:
    if e.entity_type == "PERSON":
        return person_role(text, e)
    if e.entity_type == "HANDLE":
        return handle_role(text, e)
    if e.entity_type in ("PHONE", "FAX"):
        return phone_role(text, e)
    if e.entity_type == "EMAIL":
        return contact_role(text, e)
    if e.entity_type == "LOCATION" and in_business_name(text, e):
        return Role.ORGANISATION  # "Lincoln" of "Lincoln High", "Grove City" of "Grove City Pizza"
    if e.entity_type == "DATE" or (e.entity_type == "LOCATION" and not any(c.isdigit() for c in text[e.start:e.end])):
        return date_role(text, e)  # a date, or a town, of the practice's own calendar: closures, events, talks
    if e.entity_type == "LOCATION":
        return venue_role(text, e)
    return Role.UNKNOWN


EVENT_WORDS = re.compile(r"\b(?:workshop|webinar|event|class|seminar|conference|summit|open house|fair|festival|"
                         r"host(?:s|ing|ed)?|support circle|open to (?:anyone|everyone|all|the public)|"
                         r"fundraiser|walk|run|race|marathon|sponsor(?:s|ing|ed)?|5k|gala|join us|rsvp|tickets?|"
                         # a giving campaign: "Every gift through April 30 will be matched"
                         r"(?:every|your) (?:gift|donation)|matched (?:dollar|gift|donation)s?|matching gift|giving ?tuesday|"
                         # an invitation, a campaign's goal: "You're invited: ... (Sat Dec 12)", "Our goal: $15,000 by Dec 31"
                         r"you(?:['’]?re| are) invited|(?:our|the|a) (?:\w+ )?goal(?=\s*(?::|is|of)\s*\$)|"
                         r"next (?:one|session|class|meeting|date|meetup)(?=\s*:)|"  # "Next one: Sat June 7, 6pm"
                         r"register|registration|venue|community room|meeting|presenting|presentation|keynote|"
                         r"speaking|"
                         r"meet-?up|training|screening night|(?:free|community|public|next) (?:[\w-]+ )?screenings?|screening (?:day|event)|panel|author talk|book talk|book signing|signing|"
                         r"(?:free|evening|public|community|parent|lunch(?:time)?) talk|lecture|over coffee|giveaway|teaming up|"
                         r"(?:coffee|community|free|group) chat|(?:info|information|parent|family|game|movie|trivia|"
                         r"open|community|resource|speaker|speakers|guest) nights?|guest speakers?|"
                         r"reading|moderat\w+|q&a|book launch|launch party|new (?:\w+ ){0,3}group|"
                         r"group (?:starts|begins|meets|runs)|funeral|memorial service|visitation|celebration of life|"
                         r"services (?:are|will be)|service (?:is|will be))\b|\b(?:when|where)\s*:", _I)


def venue_role(text: str, e: Entity) -> Role:
    """A street address announced as where an event takes place ("Free workshop ... Hollywood
    Library, 4040 NE Tillamook St") is public, and one the reader may just walk in at is the
    practice's own, unlike a person's address."""
    s0, s1 = _sentence(text, e.start, e.end)
    nearby = text[max(0, s0 - _ANNOUNCEMENT_REACH):min(len(text), s1 + _ANNOUNCEMENT_REACH)]
    if EVENT_WORDS.search(nearby) and not _CARE_OF_SOMEONE.search(nearby):
        return Role.OPERATIONS
    if _OPEN_TO_WALK_INS.search(text, max(s0, e.start - 100), e.start) and not _SOMEONE_ELSES.search(text, s0, s1):
        return Role.PRACTICE  # "flu shots ... no appointment needed ..., at 300 Hollow Rd."
    if (_PIN_LINE_BEFORE.search(text, max(0, e.start - 40), e.start) or _WE_MOVE_TO_BEFORE.search(text, s0, e.start)) \
            and not _SOMEONE_ELSES.search(text, s0, s1):
        return Role.PRACTICE  # "📍 412 Oak St, Fairview" among the post's contact lines; "our office moves to 220 Maple St."
    return Role.UNKNOWN


# the post's own address line, after a map pin or a label
_PIN_LINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:📍|🏥|🏢|address:|location:|find us(?: at)?:?)[ \t]*$", _I)
_WE_MOVE_TO_BEFORE = re.compile(r"\b(?:our|we|we'?re|office|clinic|practice)\b[^.!?\n]{0,60}"
                                r"\b(?:mov(?:e|es|ing|ed)|relocat\w+)(?:[ \t]+across the street)?[ \t]+to[ \t]+$", _I)
