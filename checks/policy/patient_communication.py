"""Rule 4: public communication with a patient about their condition or care.

Guidance (hipaa-social-rules.md, section 3.4): do not talk to a patient in
public about their condition or treatment ("@jane hope the new meds are
helping!"); the reply itself confirms they are a patient and discloses their
care. Point them to a secure channel (phone, patient portal) instead.

Pattern: the draft addresses someone — an @handle, a greeting plus a name, or
a PERSON span from the analysis — and talks about *their* care in the second
person ("your session", "hope the new meds are helping", "30 days sober")."""
from __future__ import annotations

import re

from bot.domain import Draft, Severity
from checks.base import Analysis
from checks.content_kind import reply_opening
from checks.policy import lexicon as L
from checks.policy.addressee import Addressees
from checks.policy.base import Rule, Span, compile_all, sentence_bounds
from checks.roles import EVENT_WORDS

_MED = (r"\b(?:meds|medications?|antidepressants?|ssris?|pills|dose|dosage|refill|prescription|\d+ ?mg|sober\w*|sobriety|"
        r"relapse|rehab|detox|diagnosis|dosis|medicamentos?|medicinas?|pastillas|recetas?)\b")  # (and in Spanish)
_YOU = r"\b(?:you|your|u|ur|hang in there|hope|see you|proud of you|te|tu|tú|usted|nos vemos)\b"
CARE_PATTERNS = [
    L.SECOND_PERSON_CARE,
    _MED + r"[^\n]{0,120}" + _YOU,
    _YOU + r"[^\n]{0,120}" + _MED,
    r"\b" + L.PERSONAL_CARE_MARKER + r"[^\n]{0,120}\b(?:" + L.CONDITION + "|" + L.CARE + r")\b",
    r"\b(?:" + L.CONDITION + "|" + L.CARE + r")\b[^\n]{0,120}\b" + L.PERSONAL_CARE_MARKER,
    # their missed visits, near their name: "our no-show fee is $75. Yes, even for you, Brianna 😅 (3 in a row!!)"
    r"\b(?:no-?shows?|no-?showed|late[- ]cancel\w*|missed (?:appointments?|appts?|sessions?|visits?))\b",
    # their own paperwork of care: "@mama.bear.pdx yes!! your superbill for nov is ready"
    # a named person's visit, said to the one addressed: "you actually used it here for Ava's visit last spring"
    r"(?-i:\b[A-Z][a-z]+)['’]s\s+(?:last\s+|next\s+|first\s+)?(?:visit|appointment|appt|session|intake|eval|evaluation|"
    r"assessment)s?\b",
    # their relative in care with us: "since he's already working with your wife", "your son's seat in group"
    r"\b(?:working|works|worked|seeing|sees|saw|treating|treats)\s+(?:with\s+)?(?:your|ur)\s+(?:wife|husband|partner|son|"
    r"daughter|kid|kiddo|child|mom|dad|mother|father|teen|brother|sister)\b",
    r"\bsave\s+(?:his|her|their)\s+(?:seat|spot|place|chair)\b",
    # thanked, in Spanish, for coming to their group or session: "gracias por venir al grupo de duelo el jueves"
    r"\bgracias por (?:venir|asistir) (?:a|al)\s+(?:la |el |su |tu )?(?:grupo|sesi[oó]n|cita|terapia|consulta)\b",
    r"\b(?:your|ur)\s+(?:[\w-]+\s+)?(?:superbills?|invoices?|statements?|receipts?|claims?|copays?|co-pays?|balance|"
    r"refund|records|chart|prescriptions?|refills?|referrals?|test results|paperwork|eobs?|prior auth\w*|"
    r"insurance\s+(?:info|information|card|details))\b"
    r"(?!\s+(?:polic\w+|questions?))",
]
# the next visit, told to the one addressed: "love you too Brenda!!! see you next wednesday", "we'll see you after
# the holidays" (not an event's day: "see you Saturday at the 5K!")
_NEXT_VISIT = re.compile(r"\b(?:see|catch) (?:ya|you|u|y'?all) (?:again )?(?:on |next |this |after |in )?(?:(?:mon|tues?|wed(?:nes)?|"
                         r"thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?|week|month|tomorrow|tmrw|the holidays|(?:a|two|\d) weeks?|"
                         r"the new year|january|jan)\b"
                         # in Spanish: "nos vemos el jueves con Jordan"
                         r"|\bnos vemos (?:el |este |la pr[oó]xima )?(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|"
                         r"domingo|semana)\b", re.IGNORECASE)
# Broad: any condition/care word with "you/your" near an addressee...
# (the "you" of a plain "thank you" is no one's care: "Thank you, Dave! ... to make every visit easy")
_READER = r"(?<!\bthank )(?<!\bthank-)\b(?:you|your|u|ur)\b"
BROAD_CARE = (r"\b(?:" + L.CONDITION + "|" + L.CARE + r")\b[^\n]{0,100}" + _READER + "|"
              + _READER + r"[^\n]{0,100}\b(?:" + L.CONDITION + "|" + L.CARE + r")\b")
# ...unless the post thanks or tags an organisation for its work.
ORG_CONTEXT = (r"\b(?:for (?:hosting|having us|inviting|partnering|sponsoring|organi[sz]ing|funding|your (?:tireless |amazing |"
               r"important |great )?(?:work|advocacy|support|leadership|research|partnership)|the (?:great |amazing )?(?:training|event|"
               r"conference|walk|workshop|webinar|panel|resources?|invite|invitation|collaboration))|partners?|sponsors?|"
               r"conference|webinar|awareness|advocacy|fundrais\w*|donat\w*|volunteer\w*|prevention)\b")
WINDOW = 220
_INVITATION = re.compile(r"(?:^|(?<=[.!?]\s))if (?:you|u)(?:['’]re| are| were|['’]d| would)? (?:\w+ )?(?:curious|interested|"
                         r"thinking|wondering|considering|looking)\b", re.IGNORECASE | re.MULTILINE)
_ANSWERS_A_QUESTION = re.compile(r"\b(?:great|good|fair|excellent) question\b|\bthanks? (?:you )?for (?:asking|the question)\b"
                                 # what the practice offers: "Hi Megan! Yes, we offer adult autism assessments at both
                                 # our offices"
                                 r"|\b(?:yes|yep|absolutely|we sure do)[!,.]*\s+(?:we|our (?:team|clinicians|therapists))\s+"
                                 r"(?:do\s+)?(?:offer|provide|have|run|see|accept|take|do)\b"
                                 # whom the practice sees: "Hi Heather! Our clinicians see children ages 6 and up"
                                 r"|\bour\s+(?:clinicians|therapists|counselors|counsellors|team|providers|staff)\s+"
                                 r"(?:see|work with|treat|offer|provide|specialize in)\b", re.IGNORECASE)

# what is said to anyone who feels the same: "so many people feel this way", "you're not alone in this", "it's
# completely normal": a public answer in general terms (care said to the one answered still counts, above)
_ANYONE_FEELS_THIS = re.compile(r"\b(?:so|very|lots of|a lot of)\s+(?:many\s+)?(?:people|folks|parents|families)\s+"
                                r"(?:feel|go through|experience|struggle|deal|find|ask)\b"
                                r"|\b(?:you['’]re|you are|ur)\s+(?:so\s+|definitely\s+|really\s+)?not\s+alone\b"
                                r"|\b(?:it['’]s|that['’]s|this is)\s+(?:so\s+|totally\s+|completely\s+|really\s+|very\s+)?"
                                r"(?:normal|common)\b", re.IGNORECASE)


class PatientCommunication(Rule):
    name = "patient_communication"
    default_severity = Severity.BLOCK
    message = ("the draft addresses a person publicly about their own condition or care, "
               "which confirms they are a patient and discloses their health information")
    suggestion = ("do not reply in public; contact the person through a secure channel "
                  "(phone or the patient portal) and keep the public post general")

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.addressees = Addressees()
        self.care = compile_all(CARE_PATTERNS)
        self.broad, self.org = compile_all([BROAD_CARE, ORG_CONTEXT])

    def find(self, draft: Draft, analysis: Analysis) -> Span | None:
        text = draft.text
        who = self.addressees.maybe_patients(draft, analysis)
        if not who:
            return None
        # "we never comment on anyone's care here" tells no one's care, and "— Harbor Light Counseling" is a name
        refused = L.refusal_spans(text) + list(analysis.own)
        # (and what is offered to the reader's own interest: "If you're curious about the group for yourself, ...")
        refused += [sentence_bounds(text, m.start()) for m in _INVITATION.finditer(text)]
        for p in self.care:
            for m in p.finditer(text):
                if _within(m, refused):
                    continue
                for s, e in who:
                    if s - WINDOW <= m.end() and e + WINDOW >= m.start():
                        return min(s, m.start()), max(e, m.end())
        for m in _NEXT_VISIT.finditer(text):
            s0, s1 = sentence_bounds(text, m.start())
            if _within(m, refused) or EVENT_WORDS.search(text, s0, s1):
                continue
            for s, e in who:
                if s - WINDOW <= m.end() and e + WINDOW >= m.start():
                    return min(s, m.start()), max(e, m.end())
        opening = reply_opening(text)  # (the reply opens below a comment it quotes)
        if self.org.search(text) or _ANSWERS_A_QUESTION.search(text, opening, opening + 80) \
                or _ANYONE_FEELS_THIS.search(text):
            return None  # (an answer to a public question speaks to anyone who asks: "Great question 😊 Yes, we're ...")
        for m in self.broad.finditer(text):
            if _within(m, refused):
                continue
            for s, e in who:
                if s - WINDOW <= m.end() and e + WINDOW >= m.start():
                    return min(s, m.start()), max(e, m.end())
        return None


def _within(m, spans: list[tuple[int, int]]) -> bool:
    """The match's care or condition word lies inside one of the spans."""
    return any(s <= m.start() < e or s < m.end() <= e for s, e in spans)
