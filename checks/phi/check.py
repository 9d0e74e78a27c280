"""The PHI check: every identifier in the draft becomes a finding that names
its type and position, never its value.

Severity follows how much the identifier exposes someone's care:
- BLOCK always: numbers a post never needs (SSN, record / plan / account /
  licence / vehicle / device / other numbers, IP addresses).
- Contact details (phone, fax, e-mail, street address): BLOCK when the draft
  names a person or the detail sits in a health context; otherwise WARN (a
  venue's address or a partner's phone in an event post).
- PERSON (names, @handles, initials): BLOCK when a health word (condition,
  treatment, session, medication, client/patient...) is near; otherwise WARN
  (`name_without_health_context`), e.g. a speaker in an event announcement.
- City-level LOCATION, DATE, AGE_OVER_89: WARN; BLOCK when the identifier
  sits in a health context (a session date, the town of a client in
  treatment), because there it helps single out a client.
- URL: WARN (a link that is not the practice's may lead to a person).
- PHOTO (an image attachment): WARN; BLOCK when the draft has health context,
  since a face next to a treatment story is PHI."""
from __future__ import annotations

import re

from bot.domain import Draft, Finding, Severity
from checks.base import PEOPLE, Analysis, Check, CheckContext
from checks.phi.lexicon import HEALTH_TERMS
from checks.phi.settings import PhiSettings, parse_phi_settings
from checks.policy.base import sentence_bounds
from checks.policy.lexicon import REFUSAL, client_question_spans, refusal_spans
from checks.policy.addressee import Addressees
from checks.reading import CARE_CONTEXT, DISCLOSURE_THRESHOLD, reading_of
from bot.config import REVIEW_PLATFORMS
from checks.content_kind import pasted_review
from checks.subjects import clients_present, pronoun_for_someone_else

_REVIEW = re.compile(r"\b(?:(?:your|the|this) (?:kind |honest |thoughtful |detailed )?(?:review|feedback|rating)|"
                     r"\d(?:\.\d)? stars?|five stars?|(?:one|1)[- ]star)\b", re.IGNORECASE)
# (not an open invitation's "if you": "our pet loss circle starts jan 7 if you ever want company")
_SECOND_PERSON = re.compile(r"(?<!\bif )\b(?:you|your|yours|u|ur)\b", re.IGNORECASE)
# the practice's website or desk, no one's care: "patient portal", "our intake team will walk you through it"
_PORTAL = re.compile(r"patient portal\b|intake (?:team|coordinators?|line|department|desk|staff|specialists?)\b", re.IGNORECASE)
# what the practice offers anyone: "our adolescent recovery group is open to teens 14–18 from any school"
_OUR_OFFERING = re.compile(r"\bour\s+(?:[\w&'’-]+\s+){0,4}(?:group|program|programme|class|workshop|service|clinic)s?\s+"
                           r"(?:is|are|runs?|meets?)\s+(?:still\s+)?(?:open|available|offered|free)\b"
                           # "Yes, we offer adult autism assessments at both our offices"
                           r"|\bwe\s+(?:do\s+|also\s+)?(?:offer|provide|run)\b[^.!?\n]{0,80}", re.IGNORECASE)
_CALLED_LAST = re.compile(r"\s*[.!]")
_GREETING = re.compile(r"\W*(?:(?:hi|hey|hello|hiya|dear|thanks|thank you|good (?:morning|afternoon|evening))\W*)?",
                       re.IGNORECASE)
_NEW_CLIENTS_WELCOME = re.compile(r"\b(?:accepting|taking|welcoming|seeing|now booking) (?:new )?(?:[\w-]+ )?(?:patients|clients)\b",
                                  re.IGNORECASE)
_THIRD_PERSON = re.compile(r"\b(?:she|he|her|him|his|they|their|them)\b", re.IGNORECASE)
from checks.roles import EVENT_WORDS, Role, invented_case

HEALTH_CONTEXT_SEVERITY = Severity.BLOCK

ALWAYS_BLOCK = {"SSN", "MRN", "HEALTH_PLAN_ID", "ACCOUNT_ID", "LICENSE_ID", "VEHICLE_ID", "DEVICE_ID",
                "OTHER_ID", "IP"}
CONTACT = {"PHONE", "FAX", "EMAIL"}
HEALTH_BLOCK = {"LOCATION", "DATE", "AGE_OVER_89"}

LABELS = {
    "PERSON": "a person's name", "HANDLE": "a social-media handle", "LOCATION": "a place below state level", "DATE": "a date",
    "AGE_OVER_89": "an age over 89", "PHONE": "a phone number", "FAX": "a fax number",
    "EMAIL": "an e-mail address", "URL": "a web address", "IP": "an IP address",
    "SSN": "a Social Security number", "MRN": "a medical record number",
    "HEALTH_PLAN_ID": "a health plan number", "ACCOUNT_ID": "an account number",
    "LICENSE_ID": "a licence or certificate number", "VEHICLE_ID": "a vehicle identifier",
    "DEVICE_ID": "a device identifier", "OTHER_ID": "an identifying number", "PHOTO": "a photo",
}

SUGGESTIONS = {
    "PERSON": "Remove the name (or @handle, or initials) or replace it with a role such as "
              "\"a client\"; naming someone next to their care needs their written authorization.",
    "LOCATION": "Remove the address or place, or generalise it to the state or region.",
    "DATE": "Remove the date or keep only the year.",
    "AGE_OVER_89": "Write \"90 or older\" instead of the exact age.",
    "URL": "Remove the link unless it is the practice's own page.",
    "HANDLE": "Remove the @handle or tag; tagging someone next to their care needs their written authorization. "
              "Add the practice's own handles to `practice.handles`.",
    "PHOTO": "Post the image only with the pictured person's written authorization, or use a "
             "photo with no identifiable person.",
}
# Why an identifier that is not about a patient is only reported as information.
ROLE_NOTES = {
    Role.PUBLIC: ", read as about a public figure or author (quoted or cited), not a patient",
    Role.STAFF: ", read as about a member of staff, not a patient",
    Role.HOTLINE: ", read as a public help line, not a person's number",
    Role.OPERATIONS: ", read as part of the practice's own calendar (hours, closures, events, talks)",
    Role.ORGANISATION: ", read as an organisation, a publication's account or someone speaking for one, not a patient",
    Role.PRACTICE: ", read as the practice's own contact, handed to readers",
    Role.INVENTED: ", read as a made-up name: the draft says its case is hypothetical or a composite",
}
DEFAULT_SUGGESTION = "Remove it; if it must stay, replace it with a placeholder such as [{t}]."


class HealthContext:
    """Finds health words (built-in plus `health_terms`) and answers whether
    a span has one within the window."""

    def __init__(self, extra_terms: list[str] | tuple[str, ...] = (), window: int = 160):
        terms = sorted({t.strip().casefold() for t in (*HEALTH_TERMS, *extra_terms) if t.strip()},
                       key=len, reverse=True)
        self._rx = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in terms) + r")(?!\w)", re.IGNORECASE)
        self.window = window

    def hits(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in self._rx.finditer(text)]

    def near(self, hits: list[tuple[int, int]], start: int, end: int) -> bool:
        return any(s < end + self.window and e > start - self.window for s, e in hits)


# a health word used as the title of a job or a team
_JOB_AFTER = re.compile(r"\s+(?:coordinator|specialist|manager|director|supervisor|lead|team|staff|nurse|assistant|"
                        r"clinician|therapist|counsel+or|dog|desk)s?\b", re.IGNORECASE)


_REFUSAL = re.compile(REFUSAL, re.IGNORECASE)
_RECIPIENTS_LINE = re.compile(r"[ \t]*(?:to|cc|bcc)[ \t]*:", re.IGNORECASE)
# ... or said to be in view: "[sent with all 42 parent addresses visible in the To: line — r.nguyen82@gmail.com, ...]"
_RECIPIENTS_SHOWN = re.compile(r"\b(?:to|cc|bcc)(?:[ \t]*:|[ \t]+(?:line|field))|\brecipients?['’]?\b|\baddresses\b[^\n]{0,20}"
                               r"\b(?:visible|shown|listed)\b", re.IGNORECASE)
_TITLE_CASE_RUN_BEFORE = re.compile(r"(?<![\w'’])(?:[A-Z][\w'’&-]*[ \t]+){2,}$")
_WRITER_SPEAKS = re.compile(r"(?<![\w'’])(?:I|i|I'm|i'm|I’m|i’m|I am|I've|I’ve|I'll|I’ll|my own|My own|"
                            # the writer's own family: "My parents came here from San Salvador in 1989"
                            r"[Mm]y (?:parents|mom|mother|dad|father|family|grandparents|grandmother|grandfather))(?![\w'’])")
_PROFESSION = re.compile(r"(?:therapist|counsel+or|psychologist|psychiatrist|clinician|doctor|dentist|hygienist|"
                         r"nurse|provider|practitioner|chiropractor)s?", re.IGNORECASE)


_REVIEW_WRITER_BEFORE = re.compile(r"\b(?:review|reviewer|rating|comment)\s+(?:from|by)\s+[\"“'‘]?$", re.IGNORECASE)
_REVIEW_WRITER_AFTER = re.compile(r"[\"”'’]?['’]s\s+(?:\S+\s+){0,2}?(?:review|rating|comment)\b", re.IGNORECASE)


class PhiCheck(Check):
    name = "phi"

    def __init__(self, settings: PhiSettings | None = None, practice_name: str = ""):
        self.settings = settings or PhiSettings()
        # "Harbor Light Counseling" names the practice; its "Counseling" is not a health context
        self.practice_name = re.compile(re.escape(practice_name), re.IGNORECASE) if practice_name.strip() else None
        self.health = HealthContext(self.settings.health_terms, self.settings.health_window)
        self.name_severity = Severity(self.settings.name_without_health_context)

    @classmethod
    def from_context(cls, ctx: CheckContext) -> "PhiCheck":
        return cls(parse_phi_settings(ctx.settings), practice_name=ctx.config.profile.practice.name)

    def run(self, draft: Draft, analysis: Analysis) -> list[Finding]:
        text = draft.text
        hits = self.health.hits(text)
        if self.practice_name is not None:
            own = [m.span() for m in self.practice_name.finditer(text)]
            hits = [h for h in hits if not any(s <= h[0] and h[1] <= e for s, e in own)]
        # health words in a refusal ("we can't discuss whether anyone is a client ... or any details of care")
        # (and what no one needs: "no appointment or purchase needed")
        refused = refusal_spans(text) + client_question_spans(text)  # ("not a client? doesn't matter")
        hits = [h for h in hits if not _REFUSAL.search(text, sentence_bounds(text, h[0])[0], h[0])
                and not any(a <= h[0] < b for a, b in refused)
                # the last word of a name in Title Case: "Little Sprouts Pediatric Therapy", "Cognitive Processing Therapy"
                and not (text[h[0]].isupper() and _TITLE_CASE_RUN_BEFORE.search(text, max(0, h[0] - 80), h[0]))]
        reading = reading_of(draft, analysis)
        has_person = any(e.entity_type in PEOPLE and r == Role.UNKNOWN
                         for e, r in zip(analysis.entities, reading.roles))
        pasted = pasted_review(text)
        reviewers = self._reviewers(draft, analysis, hits, reading, pasted)
        # (what the pasted review itself tells is the reviewer's own public words, not the reply's)
        told = [d for d in reading.disclosures() if not (pasted and pasted[0] <= d.start < pasted[1])]
        findings = []
        for e, role in zip(analysis.entities, reading.roles):
            if role != Role.UNKNOWN:
                severity, why = Severity.INFO, ROLE_NOTES[role]
            elif (e.start, e.end) in reviewers and not told:
                severity, why = self.name_severity, ""  # the reviewer's own name, in a reply that tells no care
            else:
                # (a date in the writer's own news, "I'm having my own ACL surgery on Dec 10", is nobody's care
                # here; "for my fellow SLPs: ... stroke on Jan 3" still tells a patient's)
                severity, why = self._severity(text, e, hits, has_person, reading.in_care_context(e.start, e.end),
                                               (has_person or reading.about_someone(e.start))
                                               and not self._writers_own(text, e.start, reading))
            label = LABELS.get(e.entity_type, e.entity_type.lower())
            findings.append(Finding(
                check=self.name,
                code=f"phi.{e.entity_type.lower()}",
                severity=severity,
                entity=e.entity_type,
                start=e.start,
                end=e.end,
                message=f"{label}{why}",
                suggestion=SUGGESTIONS.get(e.entity_type, DEFAULT_SUGGESTION.format(t=e.entity_type)),
            ))
        if draft.has_photo:
            # health words count only where someone could be pictured in care: a person of unknown
            # role or a he/she in the draft (a hotline graphic or a tips post names nobody)
            # (a he/she counts where a sentence points at someone: not "Jordan ... with his permission")
            # (a made-up case's names are no one's; a name outside it still is)
            someone = has_person or (pronoun_for_someone_else(text, _THIRD_PERSON, analysis.entities, reading.roles,
                                                              reading.is_colleague)
                                     and reading.points_at_anyone() and not invented_case(text))
            # (a draft that says its pictures show no client, colleagues only or no one is taken at its word)
            care = reading.photo_may_show_care and (
                # (a sentence with no health word must read as a disclosure outright: "We did it!! 🎉" under a
                # practice's birthday photo is no one's care)
                any(x.probability >= (CARE_CONTEXT if any(x.start <= h[0] < x.end for h in hits)
                                      else DISCLOSURE_THRESHOLD)
                    and reading.about_someone(x.start) for x in reading.sentences)
                or clients_present(text)
                or (someone and any(not self._about_colleague(text, h, analysis, reading) for h in hits)))
            severity = HEALTH_CONTEXT_SEVERITY if care else Severity.WARN
            findings.append(Finding(
                check=self.name, code="phi.photo", severity=severity, entity="PHOTO",
                message="PHOTO: an image is attached" + (" to a draft about care or treatment" if care
                                                         else "; check that no client is identifiable"),
                suggestion=SUGGESTIONS["PHOTO"],
            ))
        return findings

    @staticmethod
    def _writers_own(text: str, pos: int, reading) -> bool:
        """The sentence at ``pos`` is the writer's own news told by the writer ("I'm having ...")."""
        s = reading.sentence_at(pos)
        return s is not None and reading.is_own_news(pos) and bool(_WRITER_SPEAKS.search(text, s.start, s.end))

    @staticmethod
    def _reviewers(draft: Draft, analysis: Analysis, hits, reading,
                   pasted: tuple[int, int] | None) -> set[tuple[int, int]]:
        """Names spoken to in a reply to a review ("Hi Chris, we hear you — billing surprises are
        stressful"): the reviewer signed their review with it, so the name alone exposes nothing; a
        reply that tells or confirms care is blocked by its sentences (the disclosure model and
        the review-reply rule), and the name then blocks too. ``pasted``: where the review or comment the
        reply answers is quoted above it."""
        text = draft.text
        review = set(draft.platforms) & set(REVIEW_PLATFORMS) or _REVIEW.search(text)
        # a reply to a comment opens by greeting its writer ("Hi Tom, we're not able to ...", "@mia.k great q!");
        # with no review rule behind it, only while nothing said to them touches care
        # (or is named at the end of a first sentence said to them: "We're so sorry for the loss of your mom, Carla.")
        # (the reply opens below the comment it quotes: "Replying to @catmom_503 (“...”):\n\n@catmom_503 so many ...")
        # (a labelled reply, "Reply: Hi Jen! ...", keeps its greeting's name: what such replies go on to say about the
        # one greeted is not read well enough yet to let the name through)
        begin = len(text) - len(text[pasted[1]:].lstrip()) if pasted else 0
        first = sentence_bounds(text, begin)[1]
        opening = [e for e in analysis.of_type(*PEOPLE) if review or _GREETING.fullmatch(text, begin, e.start)
                   or (begin <= e.start and e.end <= first and _CALLED_LAST.match(text, e.end)
                       and re.search(r",\s*$", text[begin:e.start]))]
        if not opening:
            return set()  # (no one to ask the addressee reading about)
        spoken_to = Addressees().find(text, analysis)
        named = {(e.start, e.end) for e in opening if (e.start, e.end) in spoken_to}
        if review:
            # (or named as the one who wrote it, in the note that heads the reply: "[Reply to 1★ review from Rick T.]")
            return named | {(e.start, e.end) for e in opening if _REVIEW_WRITER_BEFORE.search(text, max(0, e.start - 40), e.start)
                            or _REVIEW_WRITER_AFTER.match(text, e.end)}
        to_them = [sentence_bounds(text, a) for a, _ in named] + [
            sentence_bounds(text, m.start()) for m in _SECOND_PERSON.finditer(text, begin)]  # (the reply's "you", not the comment's)
        offered = [m.span() for m in _OUR_OFFERING.finditer(text)]
        if any(s0 <= h0 < s1 for s0, s1 in to_them for h0, _ in hits if not _PORTAL.match(text, h0)
               and not any(a <= h0 < b for a, b in offered)) \
                or any(reading.in_care_context(s0, s1) for s0, s1 in to_them):
            return set()
        return named

    @staticmethod
    def _about_colleague(text: str, hit: tuple[int, int], analysis: Analysis, reading) -> bool:
        """A health word in a sentence about a colleague or a public figure ("Sam works with
        teens on anxiety") or about the practice's event says what they do, not that the
        photo shows someone's care."""
        if _JOB_AFTER.match(text, hit[1]) or _PROFESSION.fullmatch(text, hit[0], hit[1]):
            return True  # "our intake coordinator", "ur therapist's fidget drawer": a job, not someone's care
        s = reading.sentence_at(hit[0])
        if s is None:
            return False
        if EVENT_WORDS.search(text, max(0, s.start - 120), s.end + 120) and s.probability < CARE_CONTEXT:
            return True  # "mental health resources for all" at a sponsored 5K: the practice's event
        if _NEW_CLIENTS_WELCOME.search(text, s.start, s.end):
            return True  # "She's now accepting new prenatal patients": an opening, no one's care
        if reading.names_colleague(text, s.start, s.end) or reading.is_own_news(s.start):
            # "Our very own Priya Raman just finished her half-marathon"; "He sees patients Tuesdays" after
            # "Welcome Dr. Omar Haddad!": a colleague's own news
            return True
        return any(role in (Role.STAFF, Role.PUBLIC) and s.start <= e.start < s.end
                   for e, role in reading.people(analysis))

    def _severity(self, text: str, e, hits, has_person: bool, care_sentence: bool,
                  about_someone: bool = True) -> tuple[Severity, str]:
        """``care_sentence``: the disclosure model reads the identifier's sentence as about
        someone's care ("see u tues for your adjustment"), health word or not. ``about_someone``:
        the draft names someone unknown or the sentence points at someone; a date or a town in a
        post about nobody in particular ("Dec 10 is ... awareness day", "families in Clark
        County") is no one's health information."""
        t = e.entity_type
        near = care_sentence or self.health.near(hits, e.start, e.end)
        if t not in PEOPLE and not about_someone:
            near = False
        if t in ALWAYS_BLOCK:
            return Severity.BLOCK, ""
        if t in PEOPLE:
            if near:
                return HEALTH_CONTEXT_SEVERITY, " next to health information"
            return self.name_severity, ""
        if t == "EMAIL" and len(re.findall(r"@[\w-]+\.", text)) >= 2 \
                and (_RECIPIENTS_LINE.match(text, text.rfind("\n", 0, e.start) + 1)
                     or _RECIPIENTS_SHOWN.search(text, max(0, e.start - 120), e.start)):
            # an e-mail's recipients in view of each other: each learns who else the practice writes to
            return Severity.BLOCK, " among an e-mail's visible recipients"
        if t in CONTACT or (t == "LOCATION" and any(c.isdigit() for c in text[e.start:e.end])):
            kind = " (street or postal address)" if t == "LOCATION" else ""
            if near:
                return Severity.BLOCK, f"{kind} next to health information"
            if has_person:
                return Severity.BLOCK, f"{kind} in a draft that names a person"
            return Severity.WARN, kind
        if t in HEALTH_BLOCK and near:
            return Severity.BLOCK, " next to health information"
        return Severity.WARN, ""
