"""Rule 1: specific patient case details, even without a name.

Guidance (hipaa-social-rules.md, section 3.1): do not discuss a specific
patient's case — history, treatment specifics, progress — even anonymised
("a client of mine with PTSD finally slept through the night after session 12").
In mental health, the story itself can identify the person to those who know them.

Pattern: a reference to one specific patient ("a client of mine", "a teen I
work with", "she came to see me", "my 34-year-old client") with a condition,
care or progress term in the same or the next sentence. Generic statements
("clients often...", "when a client...") have no specific-patient reference.
"""
from __future__ import annotations

from bot.domain import Draft, Severity
from checks.base import Analysis
from checks.content_kind import kind_spans
from checks.disclosure.spans import REDACTED_NAME as _REDACTED
from checks.policy import lexicon as L
from checks.policy.base import Rule, Span, compile_all, sentence_bounds
from checks.reading import reading_of
from checks.roles import Role

PATIENT_PATTERNS = [L.PATIENT_REF,
                    # a chart's shorthand for a patient: "34 yo F", "a 52 y/o male", "presented to our clinic with sudden ..."
                    r"\b\d{1,3}\s?(?:yo|y/o|y\.o\.|yr old|year[- ]old)\s?(?:[MF]|male|female|man|woman|boy|girl)\b"
                    r"|\bpresented (?:to (?:our|the) (?:[\w-]+ ){0,2})?(?:in \w+ )?with (?:an? |sudden |severe |chronic |acute "
                    r"|new |worsening |persistent |recurrent |\w+ (?:pain|loss|swelling|rash))"]
DETAIL_PATTERNS = [r"\b" + L.CONDITION + r"\b", r"\b" + L.CARE + r"\b", r"\b" + L.PROGRESS + r"\b",
                   r"\b" + L.TIME + r"\b"]
# Third-person narrative of progress in care, no "client" word needed:
# "After 12 sessions of EMDR she finally slept through the night."
NARRATIVE_PATTERNS = [
    r"\b(?:she|he)(?: \w+){0,3} (?:finally|no longer|(?:was|got) (?:diagnosed|hospitali[sz]ed|admitted|discharged)|"
    r"relapsed|stopped (?:cutting|drinking|using|self-harming)|slept through|(?:has|had) been (?:sober|clean))\b"
    r"[^.!?\n]{0,120}\b(?:" + L.CARE + "|" + L.CONDITION + r")\b",
    r"\b(?:after|by|in|since) (?:(?:our|her|his|their) )?(?:" + L.ORDINAL + r" session|session (?:#\s?)?\d+|"
    + L.NUM + r" (?:sessions?|weeks? of (?:therapy|treatment|emdr|cbt|dbt)))[^.!?\n]{0,120}\b(?:she|he|they)\b",
    r"\b(?:she|he)\b[^.!?\n]{0,80}\b(?:after|by|in) (?:(?:our|her|his) )?(?:" + L.ORDINAL + r" session|session (?:#\s?)?\d+|"
    + L.NUM + r" sessions?)",
]
# A clinician's first person plus one third person ("she", "his") in the same
# sentence is a narrative about someone; with a detail it is a case, unless the
# someone is staff or a guest ("Welcome Dr. Chen! She specialises in...").
THIRD_PERSON = r"\b(?:she|he|her|him|his|hers|herself|himself)\b"
CLINICIAN = r"\b(?:I|I'm|I've|I'd|me|my|we|we've|our|us)\b"
STAFF_CONTEXT = (r"\b(?:dr\.?|doctor|therapist|clinician|counsel+or|colleague|intern|coordinator|founder|director|"
                 r"psychologist|psychiatrist|lcsw|lpc|lmft|phd|psyd|md|welcome|congratulations|congrats|meet|joins?|"
                 r"joining|speaker|author|guest|specialist|expert|presenter|host|staff|team member|hired|hiring|"
                 r"interview\w*|podcast|book|memoir|singer|actor|athlete|celebrity|president)\b")
# "Working with a couple on the verge of divorce... Three months in, they renewed
# their vows": an implicit-subject opener needs progress or time to be a case.
GERUND_REF = (r"(?:^|[.!?]\s+|\n)(?:been |currently |now |still )?(?:working|sitting|walking|journeying) (?:with|alongside) "
              r"(?:a|an|this|one) (?:[\w-]+ ){0,3}(?:" + L.WHO + "|" + L.CLIENT + r")\b")
WINDOW_SENTENCES = 2  # the reference's sentence and the next one


class CaseDetails(Rule):
    name = "case_details"
    default_severity = Severity.BLOCK
    message = ("the draft describes a specific patient's case (condition, treatment or progress); "
               "even without a name this can identify them")
    suggestion = ("write about the topic in general terms (what the condition is, how treatment usually "
                  "works) or use a composite story the patient authorised in writing")

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.patients = compile_all(PATIENT_PATTERNS)
        self.details = compile_all(DETAIL_PATTERNS)
        self.narratives = compile_all(NARRATIVE_PATTERNS)
        self.third, self.clinician, self.staff = compile_all([THIRD_PERSON, CLINICIAN, STAFF_CONTEXT])
        self.gerund, self.progress_or_time = compile_all([GERUND_REF, r"\b(?:" + L.PROGRESS + "|" + L.TIME + r")\b"])

    def find(self, draft: Draft, analysis: Analysis) -> Span | None:
        text = draft.text
        testimonials = kind_spans(text, "testimonial")  # one kind per span: a testimonial is not a case
        # "I can't discuss whether someone is a patient of ours", "A patient asked us if ... Short answer:"
        refused = L.refusal_spans(text) + L.question_hook_spans(text)
        for p in self.patients:
            for m in p.finditer(text):
                if any(t0 < m.end() and m.start() < t1 for t0, t1 in testimonials + refused):
                    continue
                s0, s1 = sentence_bounds(text, m.start())
                for _ in range(WINDOW_SENTENCES - 1):
                    if s1 < len(text):
                        s1 = sentence_bounds(text, min(len(text) - 1, s1 + 1))[1]
                window = text[s0:s1]
                if any(d.search(window) for d in self.details) and not (
                        not L.CLIENT_WORD.search(m.group(0)) and _about_known_person(draft, analysis, (m.start(), m.end()))):
                    return m.start(), m.end()  # (not a colleague's baby: "our therapist Rose ... baby Theo, born Sunday")
        for m in _REDACTED.finditer(text):
            # a name already redacted still stands for one person: "So proud of [NAME], he wrapped up
            # 12 weeks of anxiety work" is the same case with or without the name
            s0, s1 = sentence_bounds(text, m.start())
            if any(d.search(text, s0, s1) for d in self.details[:3]):
                return m.start(), m.end()
        for p in self.narratives:
            m = p.search(text)
            if m:
                return m.start(), m.end()
        for m in self.gerund.finditer(text):
            s0, _ = sentence_bounds(text, m.end() - 1)
            if self.progress_or_time.search(text, s0, min(len(text), m.end() + 250)):
                return m.start(), m.end()
        found = self._third_person_case(text)
        return None if found and _about_known_person(draft, analysis, found) else found

    def _third_person_case(self, text: str) -> Span | None:
        if self.staff.search(text):
            return None
        for m in self.third.finditer(text):
            s0, s1 = sentence_bounds(text, m.start())
            p0 = sentence_bounds(text, max(0, s0 - 2))[0] if s0 > 0 else s0  # the previous sentence too
            if not self.clinician.search(text, p0, s1):
                continue
            details = sum(1 for d in self.details if d.search(text, s0, s1))
            if details >= 2:  # two kinds of detail: condition/care/progress/time
                return m.start(), m.end()
        return None


def _about_known_person(draft: Draft, analysis: Analysis, span: Span) -> bool:
    """ "— Kevin Love, NBA champion, in his 2018 essay about panic attacks": the "he" of the
    case is a public figure (or a colleague, or an invented name) named in that sentence or
    the one before, and nobody of unknown role is."""
    text = draft.text
    s0, s1 = sentence_bounds(text, span[0])
    p0 = sentence_bounds(text, max(0, s0 - 2))[0] if s0 > 0 else s0
    reading = reading_of(draft, analysis)
    near = [role for e, role in reading.people(analysis) if p0 <= e.start < s1]
    if reading.names_colleague(text, p0, s1):
        near.append(Role.STAFF)  # "Thank you, Priya, for ...": staff names the analyzer leaves out
    return bool(near) and all(r in (Role.PUBLIC, Role.STAFF, Role.INVENTED) for r in near)
