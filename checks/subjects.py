"""Whose news is a sentence? The writer's own ("I was diagnosed", "i threw my
back out", "after my son was born"), a colleague's ("our peer support
specialist Tanya celebrates 10 years in recovery", "she told us not to say"
after "Happy birthday to Dr. Maya Chen"), or possibly a patient's.

Health words in the writer's or a colleague's own news are not PHI: the
person telling it is the person it is about, or the practice speaks for its
own staff. A sentence counts as such only when nothing in it points at
anyone else — no name or handle of unknown role, no client or patient word,
no "you/your" care, no he/she whose nearest person is someone unknown."""
from __future__ import annotations

import itertools
import re

from checks.base import PEOPLE, Entity
from checks.phi.lexicon import mostly_given_name
from checks.policy import lexicon as L
from checks.roles import STAFF_JOB, Role

_I = re.IGNORECASE
_ANYONE_WORDS = "anyone|anybody|everyone|everybody"  # every reader at once, no one in particular
_FIRST_PERSON = re.compile(r"(?<![\w'’-])(?:I|i|I'm|i'm|I’m|i’m|I've|i've|I’ve|i’ve|I'd|i'd|me|my|myself|MY|ME|"
                           r"My|Me|Myself|MYSELF)(?![\w'’])")
_THIRD_PERSON = re.compile(r"\b(?:she|he|her|him|his|hers|herself|himself)\b", _I)
_FAMILY = (r"(?:son|daughter|kid|kids|child|children|baby|toddler|husband|wife|partner|spouse|mom|mother|dad|father|"
           r"sister|brother|grandma|grandmother|grandpa|grandfather|aunt|uncle|niece|nephew|fianc[eé]e?|dog|cat|"
           r"\w+-year-old|\w+ year old)")
# a family member of the writer or of a colleague: "my son", "my four-year-old", "Priya's daughter"
_WRITERS_FAMILY = re.compile(r"\bmy\s+(?:\w+\s+)?" + _FAMILY + r"\b", _I)
_OWN_FAMILY = re.compile(r"\b(?:my|our)\s+(?:\w+\s+)?" + _FAMILY + r"\b"
                         # the team's own families: "Huge thanks to the staff and family who showed up"
                         r"|\b(?:the\s+|our\s+)?(?:staff|team)\s+(?:and|&)\s+(?:their\s+)?famil(?:y|ies)\b", _I)
# an animal, the office's or anyone's: "he" after "a corgi on staff" is no client
_PET = re.compile(r"\b(?:a|an|the|our|my|this|that)\s+(?:[\w-]+\s+){0,2}(?:dog|cat|pup|puppy|corgi|doodle|goldendoodle|"
                  r"labradoodle|lab|retriever|kitten|kitty|bunny|rabbit|ferret|therapy dog|mascot|pet)\b"
                  r"|\b(?:therapy|service|office|clinic|guide|facility)[ -](?:dog|cat|pup|puppy)\b", _I)
# someone other than the writer or a colleague, unnamed: "a mom", "the teen", "one of our regulars"
_SOMEONE_ELSE = re.compile(
    # (not a contraction, "it's National Family Caregivers Month", nor a compound, "a family-based track")
    r"\b(?:a|an|the|this|that|one|someone|somebody|(?!(?:it|that|what|there|here|he|she|who|let|where|how)['’]s\b)\w+['’]s)"
    r"\s+(?:[\w-]+\s+){0,2}" + L.WHO + r"\b(?!-)"
    # (a kind of group, not a person: "a family group where nobody tried to fix me", "a teen group")
    r"(?!\s+(?:groups?|therapy|programs?|workshops?|class(?:es)?|circles?|nights?)\b)"
    # ("PT" in capitals is the job or a credential: "Dr. Priya Raman, PT, DPT", "our PT Dana")
    # (not "patient" said of someone's temper: "a very patient therapist")
    r"|\b(?:client|counselee)s?\b|(?<!\bvery )(?<!\bso )(?<!\btoo )(?<!\bmore )(?<!\bmost )\bpatients?\b"
    r"(?!\s+(?:therapist|teacher|nurse|doctor|person|man|woman|mom|dad|parent|husband|wife|partner|friend|listener)s?\b)"
    r"|(?-i:\b(?:pt|Pt)s?\b)|\bsomeone\b|\bsomebody\b"
    # one picked out of a group: "One of the firefighters in my Tuesday night group"
    r"|\bone of (?:the|my|our|those|these) (?:[\w-]+\s+){0,2}(?:" + L.WHO_PL + r"|[a-z]+(?:ers|ors|ists|ians|ans|ants|ents))\b"
    r"|\b(?:our|my)\s+(?:[\w-]+\s+)?(?:girl|guy|boy|kid|kiddo|little one|lady|gentleman|teen|toddler|youngster|fella|gal)\b"
    # family of someone the writer knows: "my neighbor’s daughter", "a friend's son"
    r"|\b(?:neighbou?r|friend|coworker|co-worker|cousin|boss|roommate|classmate)['’]?s\s+(?:\w+\s+)?" + _FAMILY + r"\b"
    r"|\b(?:our|my|her|his|fav\w*)\s+(?:\w+\s+)?regulars?\b|\bregulars\b"  # not "regular sunglasses"
    r"|\b(?:my|our|the|her|his|their)\s+(?:\w+\s+)?(?:" + L.SLOT + r"|\d{1,2}:\d\d)"
    # (not an idiom: "she'll be back before you know it")
    r"|(?<!\bbefore )\b(?:you|your|yours|yourself|u|ur)\b(?!\s+(?:friendly\s+|favou?rite\s+|fav\s+)?(?:nurse|injector|therapist|"
    r"provider|team|hygienist|dentist|doctor|chiropractor|pt|counsel+or|front desk)\b)", _I)
_SECOND_PERSON_CARE = re.compile(L.SECOND_PERSON_CARE, _I)
# care given to someone unnamed: "after our session today", "in session", "a visit this morning"
_SOMEONES_CARE = re.compile(r"\b(?:our|this|that|today'?s|a|the|last|next|in|her|his|their)\s+(?:\w+\s+)?"
                            r"(?:session|appointment|appt|visit|intake|consult)s?\b"
                            # care a colleague gives someone: "his 12-month checkup today with Dr. Ortega"
                            r"|\b(?:her|his|their)\s+(?:[\w-]+\s+){0,2}(?:check-?up|exam|cleaning|adjustment|shots?|"
                            r"vaccines?|physical|screening|fitting|treatment|procedure|surgery|surgeries|operation|repair|"
                            r"replacement|therapy)s?\b[^.!?\n]{0,30}\b(?:with|by)\s+"
                            r"(?:dr\.?|doctor|our)\b", _I)
_PATIENT_REF = re.compile(L.PATIENT_REF, _I)
# the writer in the patient's chair: "Being the patient made me a better surgeon", "I was the patient"
_WRITER_AS_PATIENT = re.compile(r"\b(?:being|was|am|i'?m|i’m|became|be) (?:the|a) patient\b"
                                # the writer as who they were: "I had been the kid who did everything right"
                                r"|\bI (?:was|had been|have been|'ve been|’ve been|used to be|am|'m|’m) (?:the|a|an) "
                                r"(?:[\w-]+ ){0,2}?(?:kid|child|girl|boy|teen|teenager|student|woman|man|person|one)\b"
                                # the writer's own recovery: "Today I'm 10 years sober."
                                r"|\bI(?:'m| am|'ve been| have been)\s+(?:now\s+|officially\s+)?" + L.NUM
                                + r"\s+(?:days?|weeks?|months?|years?)\s+(?:sober|clean)\b", _I)
# the writer's job in a story of their own: "For eight months I got up, saw clients, came home and stared at the wall"
_WRITERS_WORK = re.compile(r"\b(?:saw|see|sees|seeing|treat|treats|treated|treating)\s+(?:clients|patients)\b"
                           r"(?!\s+(?:who|with|that|from))"
                           # "because I had clients scheduled and didn't know how to say 'I need a day'"
                           r"|\b(?:had|have|has)\s+(?:clients|patients)\s+(?:scheduled|booked|lined up|back[- ]to[- ]back|"
                           r"all day)\b"
                           # a caseload handed on while its clinician is away: "his clients have been connected with Dr.
                           # Chen in the meantime", "her patients will be seen by Jordan"
                           r"|\b(?:his|her|their|my)\s+(?:clients|patients|caseload)\s+(?:have\s+been|has\s+been|are\s+being|"
                           r"will\s+be|were)\s+(?:connected|referred|transferred|reassigned|covered|seen|matched|moved)\b", _I)
_WAS_A_JOB = re.compile(r"\b(?:was|is|were|became|has been|had been)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?[\w-]+(?=\s+(?:for|in|at|"
                        r"with|since|until)\b|[.,;!]|$)", _I)
_WAS_BEFORE = re.compile(r"\b(?:was|is|were|became|been)\s+$", _I)
# a name spoken to: it closes the sentence or its clause ("thank you for your service Dave, and enjoy ...", "..., Noor!"),
# not one the sentence is about ("happy retirement to bev, who's been part of our grief group")
_SPOKEN_TO_AFTER = re.compile(r"[^\w\n]*$|[ \t]*[,!][ \t]*(?!who|whose|which|that|our|the|and her|and his)\w")
# the practice's care of someone: "one grad we've been caring for since her NICU days"
_OUR_CARE_OF_SOMEONE = re.compile(r"\b(?:we|i)(?:['’]ve|['’]d| have| had)?\s+(?:been\s+)?(?:car(?:ing|ed)\s+for|treat\w*|"
                                  r"see(?:ing|n)|saw|work(?:ing|ed)\s+with|support\w*|walk\w*\s+alongside)\b", _I)
_NOT_SPOKEN_TO_BEFORE = re.compile(r"\b(?:to|for|from|with|by|and|of|about)[ \t]+$", _I)
_YOU_WORDS = re.compile(r"\b(?:you|your|yours|u|ur)\b", _I)
# on a review site, help given is the reviewer's care: "glad Dr. Okafor could help!"
_HELPED_SOMEONE = re.compile(r"\b(?:could|was able to|got to)\s+help\b|\bhelped\s+(?:you|u)\b|\b(?:treated|saw|"
                             r"took care of)\s+(?:you|u)\b|\bwith\s+(?:you|u)r?\s+(?:visit|appointment|appt|care|"
                             r"treatment)\b", _I)


def own_news(text: str, bounds: list[tuple[int, int]], entities: tuple[Entity, ...], roles: tuple[Role, ...],
             is_colleague, review_site: bool = False) -> tuple[bool, ...]:
    """Per sentence: whether it is only the writer's or a colleague's own news.
    ``is_colleague(word)``: a staff first name the analyzer leaves out. ``review_site``: the draft
    answers a review, where a colleague who "could help" or "treated you" helped the reviewer."""
    people = [(e, r) for e, r in zip(entities, roles) if e.entity_type in PEOPLE]
    out = []
    for i, (s, e) in enumerate(bounds):
        sentence = _without_colleagues_family(text, s, e, people, is_colleague)
        quote = _SAID_QUOTE.search(sentence)
        if quote and _nearest_is_own(text, bounds[max(0, i - 2)][0], s + quote.start(), people, is_colleague):
            # a colleague's own words: "Meet Walter! ... he said, "Somebody has to keep you all on time.""
            sentence = sentence[:quote.start("words")] + sentence[quote.end("words"):]
        if _FIRST_PERSON.search(sentence):
            sentence = _WRITER_AS_PATIENT.sub(" I ", sentence)  # (still the writer speaking)
        # the writer's or a colleague's work: "For months I saw clients all day", "He sees patients Tuesdays"
        sentence = _WRITERS_WORK.sub(" ", sentence)
        # what a relative of the writer was: "my dad was a firefighter for 31 years"
        sentence = _WAS_A_JOB.sub(" ", sentence) if _OWN_FAMILY.search(sentence) else sentence
        spoken_to_ours = any(s <= p.start < e and r == Role.STAFF and _SPOKEN_TO_AFTER.match(text, p.end, e)
                             and not _NOT_SPOKEN_TO_BEFORE.search(text, max(s, p.start - 6), p.start) for p, r in people)
        if spoken_to_ours and not review_site and not _CARE_WORD.search(sentence) \
                and not _OUR_CARE_OF_SOMEONE.search(sentence):
            sentence = _YOU_WORDS.sub(" ", sentence)  # "thank you for your service Dave": said to a colleague's own
        if any(s <= p.start < e and r in (Role.UNKNOWN, Role.INVENTED) for p, r in people) \
                or _PATIENT_REF.search(sentence) or _SECOND_PERSON_CARE.search(sentence) \
                or _SOMEONES_CARE.search(sentence) \
                or _SOMEONE_ELSE.search(_GROUP_YOU.sub(" ", _OWN_FAMILY.sub(" ", sentence))) \
                or (review_site and _HELPED_SOMEONE.search(sentence)):
            out.append(not review_site and i > 0 and out[i - 1]
                       and (_you_hears_own_news(text, bounds, i, people, is_colleague)
                            or _writer_goes_on(text, bounds, i, people, out)))
            continue
        colleague_here = any(s <= p.start < e and r == Role.STAFF for p, r in people) or any(
            is_colleague(w) for w in re.findall(r"[^\W\d_]+", sentence)) or bool(_A_COLLEAGUE_OPENS.match(text, s, e))
        if colleague_here and ((_CARED_FOR_HERE.search(sentence) and _CARE_WORD.search(sentence))
                               or says_was_a_client_here(sentence)):  # ("Riley was actually a client here")
            out.append(False)  # "our own Kayla ... who's been coming to us for her post-op knee rehab": a patient too
            continue
        if _in_a_colleagues_care(text, s, e, people, is_colleague):
            out.append(False)  # "A longtime Sellwood barista ... started seeing Jordan in August": his care
            continue
        if _THIRD_PERSON.search(sentence) and not colleague_here:
            # he/she points at the nearest person before it: theirs must be a colleague or the writer's family;
            # with no one before, at the first one named in the next sentence ("She said YES 💍 ... Congrats
            # to our office manager Tasha")
            lo, pos = bounds[max(0, i - 2)][0], s + _THIRD_PERSON.search(sentence).start()
            colleague_here = _nearest_is_own(text, lo, pos, people, is_colleague)
            if colleague_here is None and i + 1 < len(bounds) and _OPENS_WITH_THIRD.match(sentence):
                colleague_here = _first_named(text, *bounds[i + 1], people, is_colleague)
            if colleague_here is None and _WRITERS_FAMILY.search(text, 0, s):
                colleague_here = True  # "my dad died at home ... i just miss him": the writer's own, no one named
            out.append(bool(colleague_here))
            continue
        out.append(colleague_here or bool(_FIRST_PERSON.search(sentence)) or bool(_PRACTICE_THING.search(sentence))
                   or (i > 0 and out[i - 1] and _cheer_after(sentence)
                       and not _CARE_WORD.search(text, *bounds[i - 1]))  # (news of nobody's care)
                   or (not review_site and _writer_goes_on(text, bounds, i, people, out)))
    # a bare "Before 👉 After!" heading is about what the next sentence says was made over
    return tuple(out[i + 1] if _BARE_BEFORE_AFTER.match(text[s:e]) and i + 1 < len(out) else mine
                 for i, ((s, e), mine) in enumerate(zip(bounds, out)))


def _in_a_colleagues_care(text: str, s: int, e: int, people, is_colleague) -> bool:
    """Someone began or keeps seeing a colleague: "started seeing Jordan in August", "has been in sessions with
    Dr. Chen since spring". The colleague is the one giving care; the sentence tells the other one's."""
    for m in _SEEING_SOMEONE.finditer(text, s, e):
        after = m.end()
        if any(p.start == after and r == Role.STAFF for p, r in people) \
                or is_colleague(re.match(r"[^\W\d_]*", text[after:]).group()):
            return True
    return False


_SEEING_SOMEONE = re.compile(r"\b(?:start\w*|began|begun|begin\w*|been|kept|keeps?|still|now|first)\s+"
                             r"(?:seeing|meeting with|working with|in (?:therapy|sessions?|counseling) with|"
                             r"(?:weekly\s+)?sessions with)\s+(?:dr\.?\s+|our\s+)?", re.IGNORECASE)


# a sentence whose subject is a colleague by their job: "Our feeding therapist has survived 10,000 rejected florets"
_A_COLLEAGUE_OPENS = re.compile(r"[\W_]*(?:our|my)\s+(?:[\w-]+\s+){0,2}?(?:" + STAFF_JOB + r")\s+(?:has|is|was|had|just|"
                                r"still|always|never|loves|made|ran|won|finished|got|turned|celebrat\w+)\b", _I)
_SAID_QUOTE = re.compile(r"\b(?:he|she)\s+(?:said|says|told us|joked|laughed|added)\s*[,:]?\s*(?P<words>[\"“][^\"”\n]*[\"”]?)",
                         _I)


def _without_colleagues_family(text: str, s: int, e: int, people, is_colleague) -> str:
    """The sentence without a colleague's own family: "Our nurse Tasha's son Marcus made the varsity team" is
    Tasha's news, not a stranger's (unless it tells their care)."""
    sentence = text[s:e]
    if _CARE_WORD.search(sentence):
        return sentence  # "Our office manager Trish's own mom was our 500th cataract surgery": a patient all the same
    names = {text[p.start:p.end] for p, r in people if r == Role.STAFF and s <= p.start < e}
    names |= {w for w in re.findall(r"[^\W\d_]+", sentence) if is_colleague(w)}
    for name in names:
        sentence = re.sub(re.escape(name) + r"['’]s\s+(?:\w+\s+)?" + _FAMILY + r"\b", " ", sentence, flags=_I)
    return sentence


# a few words with no one in them: "3:41 🏃‍♂️🔥 so proud" after "Dr. Brenner ran the Boston Marathon!!!"
_FRAGMENT_WORDS = 6


def _cheer_after(sentence: str) -> bool:
    """A short fragment naming no one: it goes on with the news before it (the caller has ruled out
    names, pronouns, "you" and anyone's care)."""
    return len(re.findall(r"[^\W_]+", sentence)) <= _FRAGMENT_WORDS and not _THIRD_PERSON.search(sentence)


def _writer_goes_on(text: str, bounds: list[tuple[int, int]], i: int, people, own: list[bool]) -> bool:
    """Sentence i goes on with the writer's own story, told in the first person in the run of own news just before
    it, and brings in no one but an indefinite someone and the writer's own family: "Confession: I was the kid who
    threw up before every first day of school. ... No one called it anxiety back then. I wish someone had told my mom
    it wasn't her fault". (A colleague's news goes on to no one's care: "ugly sweater winner: Jordan. front desk
    computer was still logged in behind us".)"""
    run = list(itertools.takewhile(lambda j: own[j], range(i - 1, max(-1, i - 9), -1)))
    if not any(_FIRST_PERSON.search(text, *bounds[j]) for j in run):
        return False
    s, e = bounds[i]
    sentence = text[s:e]
    if any(s <= p.start < e for p, _ in people) or _PATIENT_REF.search(sentence) \
            or _SECOND_PERSON_CARE.search(sentence) or _SOMEONES_CARE.search(sentence):
        return False
    rest = _INDEFINITE_SOMEONE.sub(" ", _OWN_FAMILY.sub(" ", sentence))
    return not _SOMEONE_ELSE.search(rest) and not (_THIRD_PERSON.search(rest) and not _OWN_FAMILY.search(sentence))


_INDEFINITE_SOMEONE = re.compile(r"\b(?:someone|somebody|no one|nobody|" + _ANYONE_WORDS + r")\b", _I)


def _you_hears_own_news(text: str, bounds: list[tuple[int, int]], i: int, people, is_colleague) -> bool:
    """Sentence i speaks only to "you", right after the writer's or a colleague's own news, and
    says nothing of anyone's care: the colleague is the one cheered ("... finishing her OCS
    certification!! SO proud of u"), or the readers hear the writer out ("I'll be doing my PT
    homework. See you in January!")."""
    s, e = bounds[i]
    sentence = text[s:e]
    if not _YOU.search(sentence) or any(s <= p.start < e for p, _ in people) or _PATIENT_REF.search(sentence) \
            or _SECOND_PERSON_CARE.search(sentence) or _SOMEONES_CARE.search(sentence) \
            or _SOMEONE_ELSE.search(_YOU.sub(" ", _OWN_FAMILY.sub(" ", sentence))):
        return False
    nearest = _nearest_is_own(text, bounds[i - 1][0], s, people, is_colleague)
    return bool(nearest) or (nearest is None and bool(_FIRST_PERSON.search(text, *bounds[i - 1])))


# the practice's own rooms, units and programs as what a sentence is about: "our treatment room got a
# makeover", "our inpatient unit has again been accredited"
_PRACTICE_THING = re.compile(
    r"\b(?:our|the practice['’]s|the clinic['’]s)\s+(?:[\w-]+\s+){0,2}(?:room|rooms|office|lobby|building|unit|"
    r"program|programs|practice|clinic|website|logo|suite|space)\s+(?:has|have|got|is|are|was|were|just|finally|"
    r"again|now|will)\b"
    r"|(?:\b(?:our|the)\s+|^[\W\d_]*)(?:[\w-]+\s+){0,2}(?:room|office|lobby|space|clinic|building|website|kitchen|gym|"
    r"studio|suite|entrance|hallway|waiting area|front desk|desk|reception)\s+(?:makeover|renovation|remodel|refresh|"
    r"redesign|facelift|upgrade|glow[- ]?up)\b"
    r"|\b(?:our|the)\s+(?:front desk|reception|waiting[- ]room|lobby|break room|office|entrance)\s+(?:got|gets|had|has had)\s+"
    r"(?:a\s+)?(?:\w+\s+)?(?:makeover|renovation|remodel|refresh|facelift|upgrade|glow[- ]?up)\b"
    # the practice at an event: "we had SO much fun at the resource fair yesterday!!"
    r"|\bwe\b[^.!?\n]{0,40}\b(?:at|to|for)\s+(?:the|our|a|this)\s+(?:[\w'’&-]+\s+){0,4}(?:fair|festival|walk|run|5k|gala|"
    r"conference|summit|expo|booth|parade|open house|fundraiser|training|retreat|party|potluck|block party|market)\b"
    # a new room or office, opened: "New group room at Belmont is officially ready!!"
    r"|^[\W\d_]*(?:our\s+|the\s+)?new\s+(?:[\w-]+\s+){0,2}(?:room|office|suite|space|lobby|clinic|location)\b[^.!?\n]{0,40}"
    r"\b(?:is|are)\s+(?:\w+\s+)?(?:ready|open|done|finished|here|live)\b",
    _I)


_BARE_BEFORE_AFTER = re.compile(r"[\W_]*before[\W_]+(?:and[\W_]+|&[\W_]*|vs\.?[\W_]+)?after[\W_]*$", _I)


def about_practice_thing(sentence: str) -> bool:
    """The sentence is about the practice's own rooms, desk or programs ("office glow up is DONE")."""
    return bool(_PRACTICE_THING.search(sentence))


_OPENS_WITH_THIRD = re.compile(r"\W*(?:she|he)\b", _I)  # the sentence's subject, before anyone is named


def _first_named(text: str, lo: int, hi: int, people, is_colleague) -> bool | None:
    """Whether the first person named in text[lo:hi] is a colleague (None: nobody)."""
    named = [(p.start, r == Role.STAFF) for p, r in people if lo <= p.start < hi]
    named += [(lo + m.start(), True) for m in re.finditer(r"[^\W\d_]+", text[lo:hi]) if is_colleague(m.group())]
    return min(named)[1] if named else None


def _nearest_is_own(text: str, lo: int, pos: int, people, is_colleague) -> bool | None:
    """The last person mentioned in text[lo:pos] is a colleague, a public figure or the writer's family
    (None: no one is mentioned there)."""
    last: tuple[int, bool] | None = None
    for p, r in people:
        if lo <= p.start < pos and (last is None or p.start > last[0]):
            last = (p.start, r in (Role.STAFF, Role.PUBLIC))
    for m in re.finditer(r"[^\W\d_]+", text[lo:pos]):
        if is_colleague(m.group()) and (last is None or lo + m.start() > last[0]):
            last = (lo + m.start(), True)
    for rx in (_OWN_FAMILY, _PET):
        for m in rx.finditer(text, lo, pos):
            if last is None or m.start() > last[0]:
                last = (m.start(), True)
    for m in _SOMEONE_ELSE.finditer(text, lo, pos):
        # (not what someone was: "my dad was a firefighter for 31 years. ... when he came home")
        if (last is None or m.start() > last[0]) and not _ONE_OF_THE_TEAM.match(text, m.start()) \
                and not _WAS_BEFORE.search(text, max(lo, m.start() - 12), m.start()):
            last = (m.start(), False)
    return None if last is None else last[1]


_ONE_OF_THE_TEAM = re.compile(r"one of (?:our|the) (?:[\w-]+\s+){0,2}?" + STAFF_JOB + r"\b", _I)  # "one of our PT assistants"


# With a photo: words saying clients are in it or were there ("a candid of two of our regulars",
# "shoutout to our 2pm for photobombing", "our Thursday teen group took on Forest Park").
_CLIENTS_PRESENT = re.compile(
    # a list of clients in the picture: "swipe to see our sign-in sheet filling up", "the schedule board"
    r"\bsign[- ]?in (?:sheets?|lists?|clipboards?|book)\b|\b(?:appointment|patient|client) (?:book|board|list|schedule|charts?|files?)\b"
    r"|\bschedul(?:e|ing) (?:board|whiteboard|screen)\b"
    # people in care at the back of a shot: "a few residents on the couches in the background"
    r"|\b(?:a few|some|several|two|three) (?:of (?:our|the) )?(?:residents|patients|clients)\b"
    r"|\b(?:residents|patients|clients)\b[^.!?\n]{0,40}\bin the background\b"
    # a colleague with one of the people they see: "Priya with one of her longtime folks at the vigil"
    r"|\bwith one of (?:her|his|their|our|my) (?:[\w-]+ )?(?:folks|clients|patients|regulars|kiddos|families)\b"
    # a waiting room that is full: "snapped this of our waiting room at 10am 😂 FULL HOUSE"
    r"|\bwaiting room\b[^.!?\n]{0,40}\b(?:full|packed|busy|full house|standing room)\b"
    r"|\bwaiting[- ]room (?:crew|gang|folks|friends|regulars|squad|fam|family|club)\b"  # "our Tuesday waiting room crew"
    # one of the people the practice sees week by week: "happy birthday to our longest-running thursday regular"
    r"|\b(?:our|my)\s+(?:[\w-]+\s+){0,3}regular\b(?!\s+(?:hours|schedule|programming|rates?|prices?|season|meetings?|"
    r"time|visits?|class(?:es)?|checkups?|cleanings?))"
    r"|\b(?:full|packed|busy)\b[^.!?\n]{0,30}\bwaiting room\b|\b(?:packed|full) house\b"
    # someone caught on camera where clients wait: "caught this gorgeous smile in the waiting room today"
    r"|\b(?:caught|snapped|spotted)\b[^.!?\n]{0,40}\bin (?:the|our) (?:waiting[- ]room|lobby)\b"
    # clients at an activity in the picture: "Our residents had a BLAST at the BBQ", "group art therapy day"
    r"|\bour (?:\w+ )?(?:residents|patients|clients|kiddos|members)\b (?:all )?(?:had (?:a blast|so much fun|fun|a great time|a ball)|"
    r"enjoyed|celebrated|danced|decorated|painted|showed off|made|got to)\b"
    r"|\bgroup (?:[\w-]+ ){0,2}(?:therapy|session|class)(?: day| today| tonight| this (?:morning|afternoon|evening))\b"
    # a support group's members at its gathering: "peer support circle holiday potluck ... look at these faces!!"
    r"|(?:\b(?:support|peer|grief|recovery|sobriety|skills|dbt|moms?['’]?|parents?['’]?|caregivers?['’]?|teen|men['’]?s|"
    r"women['’]?s) (?:support )?(?:circle|group)|\bcircle)\b[^\n]{0,120}\b(?:faces|these (?:folks|people|humans|beauties)|"
    r"thank (?:u|you) all for coming|everyone who came)\b"
    # a program's former clients at their gathering: "the alumni summer picnic ... look at these beautiful faces"
    r"|\b(?:alumni|alums?|graduates|grads)\b[^\n]{0,120}\b(?:faces|these (?:folks|people|humans|beauties|cuties|families)|"
    r"thank (?:u|you) all for coming|everyone who came|every (?:single )?(?:person|one) in (?:this|the) (?:photo|pic|picture))\b"
    # a class or group of people proud of, in the picture: "So proud of this group of moms and dads, 6 weeks of hard work"
    r"|\b(?:this|our|the)\s+(?:[\w-]+\s+)?group\s+of\s+(?:[\w-]+\s+){0,3}?(?:moms|dads|parents|teens|kids|women|men|folks|"
    r"people|humans|caregivers|survivors|veterans|couples|families|students|grads|graduates)\b"
    # "thank you to everyone from our grief and first-responder groups who came to the potluck"
    # ("Huge thank you to the moms and dads from our Wednesday pregnancy loss group who walked with our team!")
    r"|\b(?:everyone|everybody|all of you|folks|members|(?:moms|dads|parents|families|couples|teens|kids|women|men|"
    r"veterans|vets|partners)(?:\s+(?:and|&)\s+(?:moms|dads|parents|partners|families|kids|spouses))?)\s+"
    r"(?:from|in|of)\s+our\s+(?:[\w&'’-]+\s+){0,4}?"
    r"(?:groups?|circles?|programs?|iop|php)\s+(?:who|that)\s+(?:all\s+)?(?:came|joined|showed up|made it|ran|"
    r"[a-z]+ed)\b"
    # a group by the day it meets, with the photo: "Veterans Day coffee with our Thursday combat vets group"
    # (not a group of the staff: "runs our Wednesday consult group")
    r"|\b(?:our|my|the)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+(?!(?:[\w'’-]+\s+){0,2}?(?:consult\w*|supervision|"
    r"staff|team|clinicians?|book|study|lunch|journal|walking|running)\b)(?:[\w'’-]+\s+){0,3}(?:group|circle)\b"
    r"(?!\s+(?:room|practice|schedule|starts|starting|begins|beginning|meets|is now|is moving|moves|has moved|will|"
    r"registration|has (?:openings|spots|room)|is full|waitlist))"
    # people in the picture came in for care: "the whole wrestling squad came in for sports physicals today"
    r"|\b(?:came|come|comes|stopped|were|was) in (?:today |this (?:morning|afternoon|week) )?for (?:their |his |her )?"
    r"(?:[\w-]+ ){0,2}(?:physicals?|exams?|check-?ups?|cleanings?|screenings?|shots|vaccines?|fittings?|evals?|"
    r"evaluations?|appointments?|appts?|visits?|sessions?|adjustments?)\b"
    # people in the picture said to be ours: "3 of the grads are OUR speech kids"
    r"|\b(?:is|are|were) (?:our|my) (?:[\w-]+ )?(?:kids|kiddos|clients|patients|pts|families)\b"
    # a client the office knows well: "ft. our fav regular Mrs. Ortiz in the waiting room"
    r"|\b(?:our|my) (?:fav\w*|favou?rite|sweetest|\w+est) regulars?\b"
    # a colleague's slot is a client: "Dr. Chen's Wednesday 2:00 just texted a pic"
    r"|\b(?:(?-i:[A-Z])\w*|dr\.? \w+)['’]s (?:(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) )\d{1,2}(?::\d\d)?"
    r"|\d{1,2}(?::\d\d ?(?:am|pm)?| ?(?:am|pm)))(?! ?(?:meeting|call|webinar|class|lecture|talk|slot|opening))\b(?!:)"
    r"|\b(?:one|two|three|four|some|a few|several|a couple|couple|both|all|each|every one) of (?:our|my|the) "
    r"(?:(?!and\b)\w+ ){0,3}(?:clients|patients|pts|regulars|kiddos|group members|families|folks|grads|graduates|alumni|alums|babies|"
    r"graders|students|teens|kids)\b"
    # a group in care, out doing something, or its members: "Our Tuesday Friendship Builders group took on field day",
    # "The eight teens in our Thursday Teen Stress Lab group wrote and starred in this PSA"
    r"|\bour (?:[\w-]+ ){0,3}group (?:took on|crushed|had|enjoyed|celebrated|made|painted|visited|went|hit|tackled|"
    r"tried|learned|built|baked|planted|hiked|wrote|filmed)\b"
    r"|\b(?:teens|kids|kiddos|members|folks|moms|dads|parents|clients|students)\s+in\s+our\s+(?:[\w-]+\s+){0,4}?"
    r"(?:group|program|class|circle|cohort)\b"
    r"|\bour (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|morning|afternoon|evening) (?:\w+ )?(?:friend|folks|crew|regular)s?\b"
    # the people booked at an hour: "the 8am crew who were sweet enough to wave for the pic"
    r"|\b(?:our|the) \d{1,2}(?::\d\d)?\s?(?:am|pm|a|p)? (?:\w+ )?(?:friend|folks|crew|regular|gang|squad|bunch)s?\b"
    # one of them shown at work: "our girl crushing her matching goals at the table today"
    r"|\bour (?:[\w-]+ )?(?:girl|guy|boy|kiddo|little one|lady|gentleman)\b(?! (?:at|in|on) the front desk)"
    # care being given in the picture: "our DPT Lena Marsh treating a marathoner’s hamstring"
    r"|\b(?:treating|adjusting|examining|needling|taping|injecting|working on)\s+(?:a|an|our|this|one of our)\s+(?!demo\b|model\b|mannequin\b|dummy\b)\w"
    # a schedule on a screen: "scroll through the SimplePractice calendar on Priya's monitor, names and times"
    r"|\b(?:calendar|schedule)\b[^.!?\n]{0,30}\b(?:monitor|screen|computer|laptop)\b"
    r"|\bnames (?:and|&|\+) (?:appointment )?times\b"
    # someone in a chair or a room of the office in the shot: "(ignore Mr. B in chair 3, he didn't mind)"
    r"|\b(?:(?:mr|mrs|ms|miss|mx)\.?\s+\w+|he|she|someone|somebody|whoever|(?:the|a|our) (?:guy|lady|kid|kiddo|man|"
    r"woman|boy|girl|gentleman))\s+(?:is\s+|was\s+|sitting\s+|waiting\s+)?(?:in|on) (?:chair|op|operatory|exam room|"
    r"treatment room|room|bed|bay|table) ?#?\d{1,2}\b(?![:.]\d)"
    r"|\b(?:our|my) (?:\w+ ){0,2}(?:" + L.SLOT + r"|\d{1,2}:\d\d)(?! ?(?:am|pm)? ?(?:meeting|call|webinar|class))"
    # (or a colleague's, several of them: "a couple of her 10 o'clocks even joined in on the singing")
    r"|\b(?:her|his|their) (?:\w+ ){0,2}(?:" + L.SLOT + r"|\d{1,2}:\d\d)s\b"
    # a care group or the practice's regulars out together: "cardiac rehab crew CRUSHING the Heart Walk",
    # "the regulars are already warming up", "phase II folks AND our graduates"
    r"|\b(?:rehab|therapy|pt|ot|post-?op|knee|hip|shoulder|back|stroke|pelvic floor|balance|bootcamp)\s+"
    r"(?:crew|squad|gang|class|group|grads|graduates|warriors|club)\b"
    r"|\b(?:the|our|my) (?:\w+ )?regulars\b|\bour (?:[\w-]+ )?(?:graduates|grads|alumni|alums)\b"
    # the practice's patients at its own party: "Patient Appreciation BBQ ... TAG YOURSELF"
    r"|\b(?:patient|client) (?:appreciation|party|picnic|bbq|barbecue|celebration)\b|\btag (?:yourself|yourselves|urself)\b"
    r"|\b(?:our|my|the|(?:last night|tonight|today|this week|yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day)'?s?) "
    r"(?:[\w'’-]+ ){0,3}(?:teen|kids'?|youth|support|"
    r"therapy|dbt|grief|parenting|adolescent|"
    r"recovery|moms'?|men'?s|women'?s|anxiety|social skills|skills|process|ed|eating disorder)(?: support)? (?:group|circle)\b(?! (?:room|practice|schedule|starts|starting|begins|beginning|meets|"
    r"is now|will|registration))", _I)


# a stock picture or a model: "(Model pictured is a stock photo, not one of our clients.)"
_NO_CLIENT_SHOWN = (r"\bstock (?:photo|image|picture|footage)s?\b|\bnot (?:one of )?our (?:actual |real )?(?:clients?|patients?)\b"
                    r"|\bmodels?\b[^.!?\n]{0,20}\b(?:is|are) not (?:a |our )?(?:clients?|patients?)\b")
_NO_CLIENT_SHOWN_RX = re.compile(_NO_CLIENT_SHOWN, _I)


def stock_or_model_pictured(text: str) -> bool:
    """The draft says its picture is stock or a model: no client's result is shown (a faceless client's still is)."""
    return bool(_NO_CLIENT_SHOWN_RX.search(text))


# the draft says its pictures show no client: "All photos were taken after hours — no clients pictured"
_NO_CLIENT_PICTURED = re.compile(
    r"\bno (?:clients?|patients?|one but (?:staff|us|our team))\b[^.!?\n]{0,20}\b(?:pictured|shown|present|visible|"
    r"in (?:the|these|this|any) "
    r"(?:photos?|pics?|pictures?|shots?|video))\b"
    r"|\b(?:photos?|pics?|pictures?|shots?|video)\b[^.!?\n]{0,30}\b(?:taken|shot|filmed) (?:after hours|before (?:we )?open\w*)\b"
    # "(Model pictured is a stock photo, not one of our clients.)"
    r"|" + _NO_CLIENT_SHOWN +
    r"|\beveryone (?:pictured|in (?:the|this) (?:photo|pic|picture|video)) (?:is|works) (?:on )?(?:staff|our team|here)\b"
    # "no client faces on here EVER", "no kiddos on camera ever"
    r"|\bno (?:clients?|patients?|kids|kiddos|(?:client|patient|kid|kiddo) faces)\b[^.!?\n]{0,12}?"
    r"\b(?:on camera|on here|in (?:the )?(?:shot|frame|pic|photo|video)s?)\b"
    r"|\bno (?:client|patient) faces\b"
    # "Everyone in this video is a member of our staff or a paid actor — no patients were filmed."
    r"|\bno (?:clients?|patients?) (?:were|was|are|is) (?:filmed|photographed|pictured|shown|recorded)\b"
    r"|\b(?:staff|team members?|employees)(?: members?)? (?:or|and) (?:paid )?actors\b"
    # "pic: all 7 of us (staff only!)"
    r"|\(?\b(?:staff|team) only\b|\bjust (?:us|the) staff\b"
    # "(pic: the empty room, candles lit)", "photo is just our empty lobby", "nobody in the pic"
    r"|\b(?:photos?|pics?|pictures?|shots?|images?|video)\s*(?::|=|-|is|shows?|of)\s*(?:just\s+|only\s+)?"
    r"(?:the|our|an?)\s+(?:[\w-]+\s+){0,3}?\(?(?:(?:and|still|totally|completely|all)\s+)*(?:empty|unoccupied)\b"
    r"|\b(?:nobody|no one|no people)\s+(?:is\s+)?(?:in|pictured in|in frame in)\s+(?:the|this)\s+(?:photo|pic|picture|shot)\b", _I)


def no_client_pictured(text: str) -> bool:
    """The draft says who its photos show, and it is no client: taken at its word."""
    return bool(_NO_CLIENT_PICTURED.search(text))


# what the writer says the photo shows: "(photo: 7 group members around the table)", "[pic: ...]", "Photo: ..."
_MEDIA = r"(?:photos?|pics?|pictures?|images?|video)(?:\s+(?:montage|clip|reel|carousel|slideshow|collage|b-roll))?"
# (the media may be named by its place: "[header image: stock photo of ...]", "(cover photo: ...)")
_MEDIA_KIND = r"(?:(?:header|cover|hero|banner|featured|feature|main|profile|post|story|thumbnail|attached)\s+)?"
_PHOTO_SHOWS = re.compile(r"\(\s*" + _MEDIA_KIND + _MEDIA + r"\s*(?:shows?|of)?\s*[:=–—-]\s*(?P<a>[^)]{1,400})"
                          r"|\[\s*" + _MEDIA_KIND + _MEDIA + r"\s*(?:shows?|of)?\s*[:=–—-]\s*(?P<c>[^\]]{1,400})"
                          r"|^\s*(?:📸\s*)?(?:photos?|pics?|pictures?|images?)\s*(?:shows?)?\s*[:=–—-]\s*(?P<b>.+)$", _I | re.M)


def _photo_descriptions(text: str) -> list[tuple[int, str]]:
    """Where the draft says what its photo shows, and what it says."""
    out = []
    for m in _PHOTO_SHOWS.finditer(text):
        group = next(g for g in ("a", "c", "b") if m.group(g) is not None)
        out.append((m.start(group), m.group(group)))
    return out


def photo_description_spans(text: str) -> list[tuple[int, int]]:
    """Where the draft says what its photo shows."""
    return [(at, at + len(words)) for at, words in _photo_descriptions(text)]


# people the practice cares for, among what it shows: "group members waiting on the couches behind her"
_CARED_FOR_SHOWN = re.compile(r"\b(?:(?:group|circle|program)\s+members|members\s+of\s+(?:our|the)\s+(?:[\w'’-]+\s+){0,3}"
                              r"(?:group|circle|program)|clients|patients|residents)\b", _I)
# someone who is not staff, where the practice sees clients: "a mom nursing her newborn in the corner chair"
_VISITOR_SHOWN = re.compile(r"\b(?:a|an|two|three|four|five|six|seven|eight|nine|ten|\d+|some|several|a few|a couple of)"
                            r"\s+(?:[\w'’-]+\s+){0,2}?(?:moms?|dads?|parents?|"
                            r"m[ae]n|wom[ae]n|persons?|people|famil(?:y|ies)|couples?|teens?|kids?|child(?:ren)?|bab(?:y|ies)|"
                            r"veterans?|vets?|guys?|lad(?:y|ies)|girls?|boys?|teenagers?|adults?)\b", _I)
# a thank-you card or note in the picture, signed: "thank-you card reading 'Dr. Chen – thank you for saving our
# marriage. Love, Dave & Renee Parker'": its signers are the ones cared for
# (or "thank-you card propped on Priya’s desk, signed “love, Bree, Sam & baby Wren”")
_SIGNED_THANKS_SHOWN = re.compile(r"(?:\b(?:card|note|letter|drawing|poster)\b[\s\S]{0,200}?\bthank|\bthank[- ]?you\s+"
                                  r"(?:card|note|letter))[\s\S]{0,200}?"
                                  r"(?:(?:\b(?:love|from|xo+|sincerely|gratefully|with gratitude|signed)\s*[,:]?\s*[\"“]?\s*"
                                  r"(?:(?:love|from|xo+)\s*,?\s*)?|[—–-])\s*"
                                  r"[^\W\d_][\w'’-]+|\[[A-Z]+\])", _I)  # (or a name redacted: "... marriage. [NAME] & [NAME]")
# a piece of work signed by its maker, from a group or a client: "a magazine collage with ... “love, Tess M. 🌸” written
# in the corner" under "the body image group made collages last night"
_SIGNED_WORK_SHOWN = re.compile(r"\b(?:collages?|drawings?|paintings?|artwork|art|poems?|letters?|cards?|notes?|journals?|"
                                r"posters?|crafts?|worksheets?)\b[\s\S]{0,200}?\b(?:love|from|xo+|signed)\s*[,:]?\s*[\"“]?\s*"
                                r"(?-i:[A-Z])[\w'’-]+", _I)
_MADE_IN_CARE = re.compile(r"\bgroup\b|\bclients?\b|\bpatients?\b|\bsessions?\b", _I)
# care given outside the office: "exposure day on the Tilikum Crossing 🌉 this crew walked the whole span"
_CARE_OUTING = re.compile(r"\bexposure\b|\bwalk[- ]and[- ]talk\b|\b(?:therapy|group|session)\s+outing\b", _I)
# those who took part, in a post about one of the practice's groups: "six participants holding certificates"
_PARTICIPANTS_SHOWN = re.compile(r"\b(?:participants|graduates|grads|members|attendees)\b", _I)
_OUR_GROUP = re.compile(r"\bour\s+(?:[\w'’&-]+\s+){0,5}(?:group|program|cohort|circle)\b", _I)
_WHERE_CLIENTS_WAIT = re.compile(r"\b(?:waiting[- ]room|lobby|group[- ]room|therapy[- ]room|session[- ]room|office couch|"
                                 # arriving: "walks toward the Suite 200 door", "in our parking lot"
                                 r"(?:suite \d+|office|front) door|parking lot|(?:are|is|sit|sits|sitting) waiting|"
                                 r"waiting (?:on|in|outside|by|at))\b", _I)


# anyone at all among what a photo shows: "(photo: the shelf stacked with rice, lentils and masa)" shows no one
_ANYONE_SHOWN = re.compile(r"\b(?:people|person|someone|somebody|everyone|us|me|we|our team|staff|team|crew|group|"
                           r"faces?|hands?|smil\w*|he|she|they|him|her|them|his|their|selfie|portrait|headshot)\b", _I)


# people beside the colleagues: "(photo: Jordan with the five students from the Thursday group)"
_OTHERS_SHOWN = re.compile(r"\b(?:students|teens|kids|kiddos|members|participants|graduates|grads|families|parents|moms|"
                           r"dads|veterans|vets|men|women|guys|girls|boys|friends|folks|people|guests|someone|everyone|"
                           r"group|class|cohort|circle)\b", _I)
# ... or what lists or names them: "(pic: our scheduling screen for today)"
_RECORDS_SHOWN = re.compile(r"\b(?:schedul\w*|screens?|monitors?|(?:white\s?)?boards?|calendars?|lists?|charts?|sheets?|"
                            r"notes?|files?|folders?|forms?|paperwork|caseload|sign-?in|records?|letters?|cards?|drawings?|"
                            r"names?|screenshots?)\b", _I)


# what the description says is not in it: "exterior of our office at sunset, no people", "no other people in frame"
_NO_ONE_ELSE_SHOWN = re.compile(r"\b(?:no|without)\s+(?:other\s+)?(?:people|persons?|faces?|clients?|patients?|one)\b"
                                r"(?:\s+else)?(?:\s+(?:visible|in\s+(?:the\s+)?(?:frame|shot|picture|photo|pic|video)))?"
                                r"|\b(?:nobody|no one)(?:\s+else)?\b", _I)


# ... and that nobody at all is: "no people", "nobody in frame" (not "no other people", "no one else")
# (not "no one identifiable", "no faces": people are in it)
_NOBODY_AT_ALL = re.compile(r"(?:\b(?:no|without)\s+(?:people|persons|one)\b|\bnobody\b"
                            r"|\bempty\s+(?:circle\s+of\s+chairs|chairs|room|lobby|office|hallway|space|waiting\s+room)\b)"
                            r"(?!\s+(?:else|(?:is\s+)?(?:identifiable|recogni[sz]able)))", _I)


def _without_no_one(words: str) -> str:
    """The description less what it says is not in it ("no people", "nobody else"), positions kept."""
    return _NO_ONE_ELSE_SHOWN.sub(lambda m: " " * len(m.group()), words)


def descriptions_of_no_client(text: str, is_colleague, unknown_people: list[tuple[int, int]],
                              staff_people: list[tuple[int, int]] = ()) -> tuple[list[tuple[int, int]], bool]:
    """Where the draft says what its photo shows and it is colleagues by name and no one else ("(photo: Jordan
    and Priya in the new telehealth room, giving a thumbs up)"), or no one at all ("(photo: the shelf stacked
    with rice, lentils, diapers and masa)"); and whether every description it has says so."""
    def colleagues_or_no_one(at: int, words: str) -> bool:
        if _NOBODY_AT_ALL.search(words) and not any(at <= a < at + len(words) for a, _ in unknown_people):
            return True  # "[photo: empty group room with string lights and a circle of chairs, no people]"
        words = _without_no_one(words)
        if _CARED_FOR_SHOWN.search(words) or _VISITOR_SHOWN.search(words) or _SOMEONE_ELSE.search(words) \
                or any(at <= a < at + len(words) for a, _ in unknown_people):
            return False
        colleagues = any(is_colleague(w) for w in re.findall(r"[^\W\d_]+", words)) \
            or any(at <= a < at + len(words) for a, _ in staff_people)
        return colleagues and not _OTHERS_SHOWN.search(words) \
            or not (colleagues or _ANYONE_SHOWN.search(words) or _RECORDS_SHOWN.search(words))
    shown = _photo_descriptions(text)
    no_client = [(at, at + len(words)) for at, words in shown if colleagues_or_no_one(at, words)]
    return no_client, bool(shown) and len(no_client) == len(shown)


def photo_shows_no_one(text: str) -> bool:
    """The draft says what its photo shows, and it is nobody at all ("[photo: exterior of our office at sunset,
    no people]", "(pic: the empty group room)"): no one's photo consent is asked for."""
    shown = _photo_descriptions(text)
    return bool(shown) and all(
        not (_ANYONE_SHOWN.search(words) or _RECORDS_SHOWN.search(words) or _VISITOR_SHOWN.search(words)
             or _OTHERS_SHOWN.search(words) or _SOMEONE_ELSE.search(words)
             or any(w[0].isupper() and mostly_given_name(w) for w in re.findall(r"[^\W\d_]+", words)))
        for words in (_without_no_one(w) for _, w in shown))


def clients_present(text: str) -> bool:
    """The draft says the people in its photo, or around it, are clients."""
    if _CLIENTS_PRESENT.search(text):
        return True
    for _, shows in _photo_descriptions(text):
        if _CARED_FOR_SHOWN.search(shows) or (_VISITOR_SHOWN.search(shows) and _WHERE_CLIENTS_WAIT.search(text)) \
                or _SIGNED_THANKS_SHOWN.search(shows) or (_SIGNED_WORK_SHOWN.search(shows) and _MADE_IN_CARE.search(text)) \
                or (_VISITOR_SHOWN.search(shows) and _CARE_OUTING.search(text)) \
                or ((_PARTICIPANTS_SHOWN.search(shows) or _VISITOR_SHOWN.search(shows)) and _OUR_GROUP.search(text)):
            return True
    return False


# -- who "you" is -------------------------------------------------------------------------------
# "What to expect at your first appointment", "ask any of our PTs at your next visit", "if your knee
# clicks when you squat": the post speaks to whoever reads it, about care in general. "See u tues at
# 7:30 for your adjustment", "so glad your crown feels better!" speak to one person about theirs.
_YOU = re.compile(r"\b(?:you|your|yours|yourself|u|ur)\b", _I)
# what a mailing's "you" may have done or when, which singles out no one on the list
_CONDITIONAL_YOU = re.compile(r"\b(?:if|whether|whenever|when)\s+(?:you|u)\s+[^,.!?\n]*", _I)
_WHEN = re.compile(r"\b(?:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening|week))\b", _I)
_GROUP_YOU = re.compile(r"\b(?:every (?:single )?one|each|all|both|(?:so )?many|a lot|lots|some|most|several) of (?:you|u|y['’]?all)\b|\b(?:you|u) all\b|\by['’]all\b",
                        _I)
_ANYONE = re.compile(r"\b(?:" + _ANYONE_WORDS + r")\b", _I)  # "Especially great for anyone with diabetes"
_ANY_READER = re.compile(
    r"\b(?:if|when|whenever|whether|before|after|once|until|unless|while)\s+(?:you|your|u|ur)\b"
    r"|\bso can (?:you|u)\b"  # "If one of the strongest guys in the league could say it out loud, so can you."
    r"|\byour\s+(?:very\s+)?(?:first|next|initial|annual|yearly|regular|routine|upcoming|new[- ]patient|"
    r"six[- ]month|6[- ]month)\b"
    r"|\b(?:you|u)\s+(?:can|could|may|might|will|'ll|should|don't have to|do not have to|deserve|are not alone|"
    r"aren't alone|never know)\b|\byou'll\b"
    r"|\b(?:ask|tell|bring|check with|talk to|call)\s+(?:your|ur|any of our|one of our|us|our)\b"
    r"|\b(?:anyone|everyone|everybody|anybody|each of you|all of you|every (?:single )?one of (?:you|u))\b"
    # what every patient may do: "Under HIPAA you have the right to request a copy of your records"
    r"|\byou have (?:the|a) right\b|\byou(?:['’]re| are) (?:always )?(?:entitled|welcome|allowed) to\b"
    # what a writer tells every reader: "You belong in your program.", "If you're reading this from a library bathroom"
    r"|\b(?:you|u) (?:still |truly |absolutely )?belong\b|\bif (?:you|u)(?:['’]re| are| r) reading this\b"
    # advice in the imperative about the reader's own: "**Plan your recovery day.**", "Script your boundaries."
    r"|^[\W_]*(?:plan|block|decide|script|drive|book|try|make|take|set|write|pick|choose|remember|practi[cs]e|start|find|"
    r"name|protect|schedule|build|prepare|pack|skip|limit|use|put|add|check|consider|know|trust|honou?r|give yourself|"
    r"let yourself)\b[^.!?\n]{0,60}\b(?:your|ur)\b"
    # what a writer wants every reader to know: "I want you to know the person across from you in session has sat there"
    r"|\b(?:I|we) (?:just )?want (?:you|u) to know\b"
    # a question to every follower: "Which session was your favorite?", "what's your go-to fall recipe?"
    r"|^[\W\d_]*(?:which|what)(?:['’]s| is| was| are| were)?\b[^?\n]{0,40}\b(?:your|ur) (?:favou?rite|fav|go-to|top)\b"
    # a how-to's or a listicle's title: "How to Clean Your Hearing Aids", "3 signs your toddler might ..."
    r"|^[\W\d_]*(?:how to|ways to|when to|what to|tips (?:for|to)|(?:\d+|three|four|five) (?:ways|tips|signs|things|"
    r"reasons|questions|mistakes|myths))\b"
    # a tip that opens with an imperative: "3️⃣ Don't forget ears, neck and the backs of your hands"
    r"|^[\W\d_]*(?:don'?t|do|try|use|keep|get|make|take|wear|drink|eat|put|set|skip|reapply|remember|avoid|choose|"
    r"protect|check|bring|save|limit|aim|start|stop|give|let|pick|plan|write|swap|add|switch|schedule|book|send|apply|"
    r"email|join|visit|come|grab|sign up|register|follow|tag|text|call|dm|reach out|tell|"
    # the verbs of a how-to: "Lather with soap ...", "Rinse well", "Ice it for 20 minutes"
    r"wet|lather|scrub|rinse|dry|wash|brush|floss|stretch|breathe|sit|stand|walk|rest|ice|heat|sleep|wake|hydrate|move|"
    r"lift|bend|hold|repeat|squeeze|relax|notice|pause|read|listen|ask|talk|consider|look|watch|turn|wait|place|cover|"
    r"slow down|go|find|warm up|cool down|replace|clean|wipe|store|toss|throw out|cut|spend|practi[cs]e|write down)\b", _I)
# a bidding to every reader about their own loved ones, whenever it is: "Hug your pets tonight.", "Call your mom this week"
_EVERY_READERS_OWN = re.compile(r"[\W_]*(?:go\s+)?(?:hug|call|text|hold|love|kiss|cuddle|thank|feed|check on|squeeze)\s+"
                                r"(?:your|ur|all your|all of your)\s+(?:[\w-]+\s+)?(?:pets?|kids|babies|people|loved ones|parents|"
                                r"friends|dogs?|cats?|family|folks|humans|animals|mom|mum|dad|grandparents|partners?)\b", _I)
_ONE_READER = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening|week)|last (?:week|night|time|visit)|"
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|s)?|next (?:week|time)|again|"
    r"(?:see (?:you|u)|welcome|come|coming|have (?:you|u)) back)\b"
    r"|\b(?:at|@)\s*\d{1,2}(?::\d\d)?\b|\b\d{1,2}(?::\d\d)?\s*(?:am|pm)\b"
    r"|\b(?:you|u)\s+(?:were|was|did|came|had|left|told|asked|mentioned|shared|wrote|said)\b"
    r"|\b(?:your|ur)\s+(?:\w+\s+)?(?:results?|report|review|comment|message|dm|feedback|stars?|kind words)\b"
    r"|\b(?:glad|happy|sorry|thrilled|proud)\b[^.!?\n]{0,40}\b(?:you|your|u|ur)\b"
    r"|\b(?:see|seeing)\s+(?:you|u)\b|\b(?:who|that)\s+(?:left|came|was|asked|messaged|called|wrote)\b", _I)


def _people(entities: tuple[Entity, ...], roles: tuple[Role, ...]):
    """The names and handles with their roles, and those of them that may be anyone (a client)."""
    everyone = [(e, r) for e, r in zip(entities, roles) if e.entity_type in PEOPLE]
    return everyone, [e for e, r in everyone if r in (Role.UNKNOWN, Role.INVENTED)]


def _someone_else_third(text: str, bounds: list[tuple[int, int]], i: int, everyone, is_colleague) -> bool:
    """Sentence i says he/she, and not of a colleague, a public figure or a pet named just before
    ("— Fred Rogers. Our clients hear us quote him")."""
    third = _THIRD_PERSON.search(text, *bounds[i])
    return bool(third) and not _nearest_is_own(text, bounds[max(0, i - 2)][0], third.start(), everyone, is_colleague)


def pronoun_for_someone_else(text: str, pronoun: re.Pattern, entities: tuple[Entity, ...], roles: tuple[Role, ...],
                             is_colleague) -> bool:
    """Some he/she in the draft is not last said of a colleague, a public figure, the writer's
    family or a pet ("Meet Biscuit! Our golden retriever ... he'll hang out in the back office")."""
    everyone, _ = _people(entities, roles)
    return any(not _said_of_own(text, m.start(), everyone, is_colleague) for m in pronoun.finditer(text))


def _said_of_own(text: str, pos: int, people, is_colleague) -> bool:
    """The he/she at ``pos`` is last said of someone of our own, or, when no one was named before it,
    of the first one named after it ("In her own words 💗 ... our front desk lead Tasha Greene")."""
    before = _nearest_is_own(text, 0, pos, people, is_colleague)
    if before is not None:
        return before
    ahead = [(p.start, r in (Role.STAFF, Role.PUBLIC)) for p, r in people if pos < p.start <= pos + _FORWARD_REACH]
    ahead += [(pos + m.start(), True) for m in re.finditer(r"[^\W\d_]+", text[pos:pos + _FORWARD_REACH])
              if is_colleague(m.group())]
    ahead += [(m.start(), False) for m in _SOMEONE_ELSE.finditer(text, pos + 1, pos + _FORWARD_REACH)
              if not _ONE_OF_THE_TEAM.match(text, m.start())]
    return bool(ahead) and min(ahead)[1]


_FORWARD_REACH = 160  # a pronoun opening a post points at someone named in its first sentence or two


_MAILING = re.compile(r"\bunsubscribe\b|\byou(?:['’]re| are) (?:receiving|getting) this\b|\bopt[- ]out\b", _I)
# the practice announcing a move or its hours speaks to everyone it sees ("We've moved! ... Your records
# moved with us")
_ANNOUNCEMENT = re.compile(r"\bwe(?:['’]ve| have| are|['’]re)? (?:moved|moving|relocated|relocating)\b|\bnew (?:address|location|"
                           r"office|suite|home)\b|\b(?:holiday|new|updated|summer|winter) hours\b"
                           # a closure: "We're closed Dec 24–26", "office closed dec 23-jan 2"
                           r"|\b(?:we(?:['’]?re| are| will be|['’]ll be)|office|offices|clinic|practice|locations?)\s+"
                           r"(?:is\s+|are\s+|will be\s+)?closed\b"
                           # an outage: "our main phone line is down this morning"
                           # a tip: "Tip Tuesday: ... Pain that keeps you from bearing any weight? Get it checked."
                           r"|\btip (?:tuesday|of the (?:week|day|month))\b|#tip\w+|\b(?:pro|quick|weekly|monthly) tip\b"
                           r"|\b(?:phones?|phone lines?|lines?|phone system|website|portal|internet|power|e-?mail)\s+"
                           r"(?:is|are|was|were|went|has been|have been)\s+(?:down|out)\b|\boutage\b", _I)
# a farewell to everyone until the practice reopens: "See you in January!", "see u after the holidays"
_SEE_YOU_AFTER_BREAK = re.compile(r"\bsee (?:you|u|y['’]?all|everyone)(?: all)? (?:in (?:the new year|20\d\d|"
                                  r"(?:january|february|march|april|may|june|july|august|september|october|november|"
                                  r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b)|next year|after the "
                                  r"(?:holidays?|break|long weekend|new year)|when we (?:re-?open|get back|return))", _I)


def readers_at_large(text: str, bounds: list[tuple[int, int]], entities: tuple[Entity, ...],
                     roles: tuple[Role, ...], replying: bool, is_colleague=lambda w: False) -> tuple[bool, ...]:
    """Per sentence: whether its "you" is whoever reads the post, not one person. Never in a
    reply (a review site, a draft that greets or tags someone), nor beside a name or handle of
    unknown role, a client or an appointment slot, nor with anything that pins down one reader
    (a day, a time, what "you" did, "your results", "glad you ...")."""
    if replying:
        return tuple(False for _ in bounds)
    everyone, people = _people(entities, roles)
    out, plain_you = [], []
    announcing, mailing = bool(_ANNOUNCEMENT.search(text)), bool(_MAILING.search(text))
    for i, (s, e) in enumerate(bounds):
        sentence = text[s:e]
        pinning = _SEE_YOU_AFTER_BREAK.sub(" ", sentence) if announcing else sentence
        pinning = _GROUP_YOU.sub(" everyone ", pinning)  # "so proud of every one of u" speaks to a group
        if mailing:  # a mailing goes to a list: "If you left a voicemail, we're working through them today"
            pinning = _CONDITIONAL_YOU.sub(" ", _WHEN.sub(" ", pinning))
        only_you = bool(_YOU.search(sentence) or _ANYONE.search(sentence)) and not _ONE_READER.search(pinning) \
            and not any(s <= p.start < e for p in people) \
            and not _PATIENT_REF.search(sentence) \
            and not _SOMEONE_ELSE.search(_YOU.sub(" ", _OWN_FAMILY.sub(" ", _WHOEVER_YOU_KNOW.sub(" ", sentence)))) \
            and not _someone_else_third(text, bounds, i, everyone, is_colleague)
        out.append(only_you and bool(_ANY_READER.search(sentence)) or bool(_EVERY_READERS_OWN.match(sentence)))
        plain_you.append(only_you)
    # an FAQ or a guide that keeps speaking to any reader: its plainer "you" sentences are theirs too
    # ("Your session notes stay with us." among "Before your first appointment, we call your plan")
    pinned = sum(_YOU.search(text, s, e) is not None and not plain for (s, e), plain in zip(bounds, plain_you))
    # a mailing goes to a list: its plain "you" is every subscriber ("no single meal undoes your progress")
    if (sum(out) >= 2 or mailing) and sum(out) > 2 * pinned or announcing:
        out = [x or y for x, y in zip(out, plain_you)]
    return _elliptical_follow_ups(text, bounds, out, people, everyone, is_colleague, announcing)


def _elliptical_follow_ups(text: str, bounds: list[tuple[int, int]], at_large: list[bool], people, everyone,
                           is_colleague, announcing: bool = False) -> tuple[bool, ...]:
    """A sentence that names no one ("still sore after 2 wks?") goes on talking to whoever the
    draft has talked to: every reader, when an earlier sentence spoke to any reader (or the draft
    is a notice to everyone: a closure, an outage, a move) and none before it pointed at one
    person (a name, a client, a he/she)."""
    out, anyone, pinned = list(at_large), announcing, False
    for i, (s, e) in enumerate(bounds):
        sentence = text[s:e]
        bare = not (_YOU.search(sentence) or _FIRST_PERSON.search(sentence) or _SOMEONE_ELSE.search(sentence)
                    or _PERSON_WORD.search(sentence) or _PATIENT_REF.search(sentence))
        pinned = pinned or any(s <= p.start < e for p in people) or bool(_PATIENT_REF.search(sentence)) \
            or _someone_else_third(text, bounds, i, everyone, is_colleague)
        if bare and anyone and not pinned:
            out[i] = True
        anyone = anyone or at_large[i]
    return tuple(out)


_CLIENTS_IN_GENERAL = re.compile(r"(?<!\bof )\b(?:many|most|some|all|all of|our|my|new|other|no)\s+(?:own\s+)?(?:clients|patients)\b"
                                 r"(?:['’]\s)?"
                                 # "We're grateful to every client who trusts us with their story"
                                 r"|\b(?:every|each)\s+(?:single\s+)?(?:client|patient)\s+who\b", _I)


def clients_in_general(text: str, bounds: list[tuple[int, int]], entities: tuple[Entity, ...],
                       roles: tuple[Role, ...], is_colleague=lambda w: False) -> tuple[bool, ...]:
    """Per sentence: whether the only clients it speaks of are clients in general ("Our clients
    hear us quote him a lot", "we've set this up for our own clients"): no one of them singled
    out, named, counted, pictured or spoken to, and any he/she is someone known."""
    everyone, people = _people(entities, roles)
    out = []
    for i, (s, e) in enumerate(bounds):
        sentence = text[s:e]
        rest = _CLIENTS_IN_GENERAL.sub(" ", sentence)
        out.append(rest != sentence
                   and not any(s <= p.start < e for p in people)
                   and not _CLIENTS_PRESENT.search(sentence) and not _PATIENT_REF.search(sentence)
                   and not _SOMEONE_ELSE.search(rest) and not _SOMEONES_CARE.search(rest)
                   and not _SECOND_PERSON_CARE.search(rest)
                   # a he/she is whoever came before the sentence ("— Fred Rogers. Our clients hear us quote him")
                   and not (_THIRD_PERSON.search(rest)
                            and not _nearest_is_own(text, bounds[max(0, i - 2)][0], s, everyone, is_colleague)))
    return tuple(out)


# -- does a sentence point at anyone? --------------------------------------------------------------
# Care can only be disclosed about someone: a name or handle not known to be staff or public, he/she,
# you, I, "a mom", "our 2pm", a client, a kid, someone's session. "ECLIPSE SAFETY: sunglasses are
# NOT enough" or "a quick look at anything that's changed or started bleeding" points at nobody,
# whatever its health words, and so do greetings to every reader ("Happy Monday, everyone!").
_PERSON_WORD = re.compile(
    r"\b(?:kid|kids|kiddo|kiddos|child|children|baby|babies|toddler|teen|teens|tween|girl|girls|boy|boys|guy|guys|"
    r"lady|ladies|man|men|woman|women|gal|dude|fella|mom|moms|mama|dad|dads|papa|parent|parents|family|families|"
    r"grandma|grandpa|husband|wife|son|daughter|twins?|friend|someone|somebody|"
    r"person|warrior|champ|superstar|buddy|bud|sweetie|cutie|lil|little one|little man|mister|miss|sir|ma'?am|"
    r"humans|crew|gang|bunch|squad|group|class|grad(?! school)|grads|graduates?|who|whom|whose|they|them|their|theirs|"
    r"bride|groom|nurse|teacher|anchor|firefighter|officer|cop|coach|athlete|student|runner|player|veteran|"
    r"lawyer|attorney|pastor|chef|soldier|pilot|farmer|musician|dancer|swimmer|gymnast|golfer|grandparent)s?\b(?!-)"
    r"|\b(?:our|my)\s+(?:fav\w*|favou?rite)\s+\w+"  # "our fav local news anchor"
    r"|\b\d{1,3}[- ]?(?:year|yr|month|mo|week|wk)s?[- ]?old\b", _I)
# clients in general, not one of them: "our clients hear us quote him", "a lot of families in Clark County"
_CLIENTS_AT_LARGE = re.compile(r"(?:(?<!\bof )\b(?:a lot of|lots of|many|most|some|all|our|my|the|new|other|no)"
                               r")\s+(?:\w+\s+)?(?:clients|patients|families|parents|kids|folks|people|moms|dads|teens)\b"
                               # a share or a count of them, and what they did: "94% of families said they'd recommend us",
                               # "1 in 5 adults", "our county lost 41 neighbors to overdose"
                               # (not those of one incident: "treating 14 patients from last night's bus crash")
                               r"|(?![^;:—–.!?\n]*\b(?:last night|yesterday|today|tonight|this morning|this week|crash|fire)\b)"
                               r"(?:\b\d+(?:\.\d+)?\s?(?:%|percent)\s+of(?:\s+(?:our|the|all))?|\b\d+\s+(?:in|out of)\s+\d+"
                               r"|\b\d{2,}(?:,\d{3})*\+?)\s+(?:\w+\s+)?"
                               r"(?:clients|patients|families|parents|kids|folks|people|moms|dads|teens|adults|children|"
                               r"neighbou?rs|residents|members|veterans|students|lives)\b[^;:—–.!?\n]*"
                               # everyone of a kind, and what they do: "to every daughter who moved back home, every husband
                               # learning to do his wife's hair"
                               r"|\bevery (?:single )?(?:[\w-]+ )?(?:daughter|son|husband|wife|mom|dad|parent|caregiver|"
                               r"neighbou?r|person|one|family|kid|child|teen|nurse|veteran|friend|grandparent|sibling)\b"
                               r"[^;:—–.!?\n]*", _I)
# whoever the reader knows: "If you or someone you know needs a warm place"
_WHOEVER_YOU_KNOW = re.compile(r"\b(?:someone|somebody|anyone|a (?:friend|loved one|family member))\s+(?:you|u)\s+"
                               r"(?:know|love|care about)\b", _I)


# what someone worked as describes whoever the sentence is about: "Jordan spent two summers as a
# volunteer wildland firefighter" points at no firefighter
_AS_A_JOB = re.compile(r"\bas (?:a|an) (?:[\w-]+ ){0,2}[\w-]+"
                       # a time of life: "since he was a kid", "when she was a teen"
                       r"|\b(?:since|when|while) (?:he|she|they|i|we) (?:was|were) (?:a |an )?(?:little |young )?"
                       r"(?:kid|child|teen|teenager|toddler|baby|boy|girl)s?\b", _I)


def points_at_someone(text: str, bounds: list[tuple[int, int]], entities: tuple[Entity, ...],
                      roles: tuple[Role, ...], is_colleague, replying: bool,
                      at_large: tuple[bool, ...] = ()) -> tuple[bool, ...]:
    """Per sentence: whether it could point at a person whose care it tells: someone in it or
    in the sentence before or after it (which it may go on about), or the writer in it. A
    reply always speaks to someone; ``at_large`` marks sentences whose "you" is any reader
    ("Call your pharmacy a few days early"), which points at nobody."""
    if replying:
        return tuple(True for _ in bounds)
    everyone, people = _people(entities, roles)
    someone, writer = [], []
    for i, (s, e) in enumerate(bounds):
        sentence = _AS_A_JOB.sub(" ", _CLIENTS_AT_LARGE.sub(" ", _WHOEVER_YOU_KNOW.sub(" ", text[s:e])))
        if i < len(at_large) and at_large[i]:
            sentence = _YOU.sub(" ", sentence)
        someone.append(any(s <= p.start < e for p in people) or bool(
            _someone_else_third(text, bounds, i, everyone, is_colleague) or _YOU.search(sentence) or _SOMEONE_ELSE.search(sentence)
            or _PATIENT_REF.search(sentence) or _SOMEONES_CARE.search(sentence) or _PERSON_WORD.search(sentence)))
        writer.append(bool(_FIRST_PERSON.search(sentence)))
    # "I" may tell of someone in its own sentence; "we" alone is the practice talking
    return tuple(any(someone[max(0, i - 1):i + 2]) or writer[i] for i in range(len(bounds)))


# a reply's thanks for the rating itself: "ty for the 5 ⭐️ Mike!!", "Thanks so much for the kind words, Priya!"
_THANKS_FOR_RATING = re.compile(
    r"^[\W_]*(?:thanks?|thank (?:you|u)|ty|thx|tysm)(?: (?:so|very) much| sm)?,?(?: [\w'’.-]+,?)?\s+(?:for|4)\s+(?:the|your|ur|that|those|this)?"
    r"\s*(?:\w+\s+){0,2}?(?:\d\s*)?(?:[⭐🌟★]|stars?|star review|review|rating|feedback|kind words|sweet words|shout-?out|"
    r"words|note|love)(?:[^\w.!?\n]+[\w'’-]+){0,2}[\W_]*$"
    # or for a report of a nuisance: "Thanks for letting us know, Dale.", "Thanks for flagging this, Greg."
    r"|^[\W_]*(?:thanks?|thank (?:you|u))(?: (?:so|very) much)?,?\s+for\s+(?:letting us know|flagging (?:this|that|it)|"
    r"the heads[- ]up|pointing (?:this|that|it) out|bringing (?:this|that|it) to our attention|raising (?:this|that))"
    r"(?:,?\s+[\w'’.-]+)?[\W_]*$"
    # or a bare thanks to someone: "Thanks so much, Dee! 🙏"
    r"|^[\W_]*(?:thanks?|thank (?:you|u)|ty|thx|tysm)(?: (?:so|very) much| sm| a ton| again)?,?(?: [\w'’.-]+)?[\W_]*$", _I)


# the practice giving the care: "coming to us for", "with Dr. Lin here", "in our chair"
_CARED_FOR_HERE = re.compile(r"\b(?:coming|came|comes|come|been coming)\s+(?:in\s+)?to\s+(?:us|see us|see me)\b"
                             r"|\bhere (?:at|with)\s+(?:us|our|the)\b|\bin (?:our|my) (?:chair|clinic|office)\b"
                             r"|\b(?:with|by) dr\.?\s+\w+\s+here\b"
                             r"|\b" + L.TIME_IN_OUR_CARE, _I)  # a colleague who was a client here
def says_was_a_client_here(sentence: str) -> bool:
    """ "Riley was actually a client here back in 2019" (not "Riley was never a client here", nor "we can't confirm
    whether anyone is or was a patient here")."""
    m = _WAS_A_CLIENT_HERE.search(sentence)
    return bool(m) and not _DENIED_OR_ASKED.search(sentence, 0, m.start())


_DENIED_OR_ASKED = re.compile(r"\b(?:whether|if|not|never|no|confirm\w*|discuss\w*|say)\b|n['’]t\b", _I)


_WAS_A_CLIENT_HERE = re.compile(r"\b(?:was|were|is|has been|had been)\s+(?:actually\s+|once\s+|also\s+|herself\s+|"
                                r"himself\s+|themselves\s+)?(?:a\s+)?(?:client|patient)s?\s+(?:here|of ours|with us)\b", _I)
_CARE_WORD = re.compile(r"\b(?:" + L.CONDITION + "|" + L.CARE + r")\b", _I)


# what an offering asks of whoever comes, and whom it calls: "(no sharing in front of the group required!)",
# "cameras optional", "Calling all ... alumni!"
_OFFERING_TERMS = re.compile(r"\bno\s+(?:[\w-]+\s+){0,6}?(?:required|needed|necessary|expected|pressure)\b"
                             r"|\b(?:is|are|totally|completely|always)\s+optional\b"
                             r"|\b(?:all|any)\s+(?:levels|ages|experience levels|bodies)\s+(?:are\s+)?welcome\b"
                             r"|\bcalling all\b"  # an open call: "Calling all Divorce Recovery Group alumni!"
                             # whom a pick is for: "Perfect for the person who just started their first job"
                             r"|\b(?:perfect|great|ideal|made) for (?:the|a|any|anyone|someone|every)\b"
                             # what care is like for anyone: "In a session that might look like:"
                             r"|\b(?:in|during|at)\s+(?:a|an|any|each|your)\s+(?:typical\s+|first\s+|[\w-]+\s+)?(?:session|"
                             r"appointment|visit|group)\b[^.!?\n]{0,40}\b(?:might|may|could|would|usually|often|typically|"
                             r"tends? to)\b", _I)


# the note heading a reply, saying which review it answers: "[Reply to 1-star review from “Rick M.”]"
_REPLY_HEADING = re.compile(r"^[^\w\n]*(?:draft\s+)?(?:reply|response|responding|replying)\s+(?:to|for)\b[^\]\n]{0,80}?"
                            r"\b(?:review|comment|rating)\b[^\]\n]{0,40}\]?[^\w\n]*$", _I)


# a reply's label alone: "Response from the owner:", "Our reply:", "Draft response —"
_REPLY_LABEL = re.compile(r"^[^\w\n]*(?:(?:draft|our|proposed|suggested|my|owner|owner['’]s|business|practice)\s+)?"
                          r"(?:reply|response|respuesta)(?:\s+(?:from|by)\s+(?:the\s+)?(?:owner|business|practice|clinic|office|"
                          r"team|front desk|manager))?\s*[:—–-]?[^\w\n]*$", _I)


def reply_heading(sentence: str) -> bool:
    """The sentence only says which review the reply below answers, or labels the reply: it tells no one's care."""
    return bool(_REPLY_HEADING.match(sentence.strip()) or _REPLY_LABEL.match(sentence.strip()))


# a video's chapter list: "0:00 Who this video is for / 4:30 The intake interview" (times in the video, not slots)
_CHAPTER = re.compile(r"^[ \t]*\d{1,2}:\d\d(?::\d\d)?[ \t]+[^\W\d_][^\n]*", re.MULTILINE)


def video_chapter_spans(text: str) -> list[tuple[int, int]]:
    """The lines of a chapter list (three or more timestamped lines, one at 0:00): each names a topic."""
    lines = [m.span() for m in _CHAPTER.finditer(text)]
    starts_at_zero = any(re.match(r"[ \t]*0?0:00\b", text[a:b]) for a, b in lines)
    return lines if len(lines) >= 3 and starts_at_zero else []


def offering_terms(sentence: str) -> bool:
    """The sentence states what an event or service asks of anyone who comes: nobody's care."""
    return bool(_OFFERING_TERMS.search(sentence))


def thanks_for_rating(sentence: str) -> bool:
    """The sentence only thanks someone for their rating or review: it tells no one's care."""
    return bool(_THANKS_FOR_RATING.search(sentence.strip())) and not _CARE_WORD.search(sentence)


def hearts_with_a_community(sentence: str) -> bool:
    """Sympathy for a community or an agency after public news ("Our hearts are with the Clackamas Fire family after
    this week's line-of-duty death"): no one's care. (Whether it names a private family is for the caller to see.)"""
    return bool(_HEARTS_WITH.search(sentence)) and not _CARE_WORD.search(sentence)


_HEARTS_WITH = re.compile(r"^[\W_]*(?:our|my) (?:hearts|thoughts|prayers)(?: and (?:prayers|thoughts))? (?:are|go out) "
                          r"(?:with|to) (?:the|all|everyone|every)\b(?! (?:\w+ )?(?:client|patient)s?\b)", _I)


def condolence(sentence: str) -> bool:
    """The sentence offers condolence for a loss ("We're so sorry for your loss, Maureen ❤️"): a bereavement is
    no one's care here."""
    return bool(_CONDOLENCE.search(sentence)) and not _CARE_WORD.search(sentence)


_CONDOLENCE = re.compile(r"^[\W_]*(?:we(?:['’]?re| are)|i(?:['’]?m| am)|so) (?:so |very |truly |deeply )?sorry (?:for|about) "
                         # "... for the loss of your mom, Carla"
                         r"(?:(?:your|ur) loss\b|the (?:loss|passing|death) of (?:your|ur) (?:[\w-]+\s+)?(?:mom|mother|dad|father|"
                         r"husband|wife|partner|son|daughter|brother|sister|grandma|grandmother|grandpa|grandfather|friend|"
                         r"aunt|uncle|cousin|dog|cat|pet)\b)", _I)


# thanks for what someone did for the practice: "huge thanks to the 4-H kids next door who kept us stocked with
# lemonade", "thank you for feeding all 14 of us" (not "for trusting us with that shoulder", "for letting us fix ...",
# "who brought us lemon bars at her last appt")
_THANKS_FOR_HELPING_US = re.compile(
    r"\b(?:thanks?|thank (?:you|u)|thx|ty|shout-?out|kudos|grateful)\b[^.!?\n]{0,120}?\b(?:who|for|that)\s+(?:\w+\s+){0,2}?"
    r"(?:kept|keeping|fed|feeding|stocked|stocking|brought|bringing|fixed|fixing|donated|donating|sponsored|sponsoring|"
    r"hosted|hosting|built|building|painted|painting|delivered|delivering|catered|catering|cooked|baked|sent|sending|"
    r"lent|lending|gave|giving|drove|driving)\s+(?:\w+\s+){0,2}?(?:us|our (?:team|staff|crew|office|clinic|booth|"
    r"volunteers|practice|front desk|nurses|waiting[- ]room|lobby))\b", _I)
_CLIENT_WORD = re.compile(r"\b(?:" + L.CLIENT + r"|pt)s?\b", _I)  # the lexicon's client words, and "pt"
_THEIR_VISIT = re.compile(r"\b(?:her|his|their|your|ur)\s+(?:\w+\s+)?(?:appts?|appointments?|visits?|sessions?|cleanings?|"
                          r"check-?ups?|treatments?|surgery|adjustments?|exams?|follow-?ups?|f/u)\b", _I)


def thanks_for_helping_us(sentence: str) -> bool:
    """The sentence thanks someone for their help to the practice: it tells no one's care."""
    return bool(_THANKS_FOR_HELPING_US.search(sentence)) and not _CARE_WORD.search(sentence) \
        and not _CLIENT_WORD.search(sentence) and not _THEIR_VISIT.search(sentence)
