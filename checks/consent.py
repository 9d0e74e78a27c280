"""The consent check: every patient a draft names, cites or is about needs a
written authorization covering the content's scope, the target platform and
today. One finding per patient; messages carry ids, never names (the finding's span
says where)."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Callable

from sqlmodel import Session

from bot.consent.matcher import Mention, find_mentions
from bot.consent.names import name_key
from bot.consent.settings import ConsentSettings
from bot.consent.status import ACTIVE, EXPIRED, EXPIRING, NONE, WITHDRAWN, Grant, current_grants, pair_status, resolve_consents
from bot.consent.targets import consent_references, scheduled_date, target_platforms
from bot.consent.vocab import KIND_SCOPES, PATIENT_CONTENT, SCOPES
from bot.domain import Draft, Finding, Severity
from checks.base import PEOPLE, Analysis, Check, CheckContext
from bot.config import REVIEW_PLATFORMS
from checks.content_kind import classify, kind_spans, pasted_review, reviewer_notes
from checks.phi.lexicon import given_names
from checks.policy.addressee import Addressees
from checks.policy.base import sentence_bounds
from checks.policy.lexicon import CLIENT_WORD
from checks.reading import reading_of
from checks.roles import Role, credential_after, in_business_name, invented_case, listed_public_figure

MAX_IDS_SHOWN = 5


_PERMISSION_STATED = re.compile(
    r"\b(?:with|by|under|given|gave us|granted|has|have|got|obtained|signed|on file)\b[^.!?\n]{0,40}\b(?:written |signed )"
    r"?(?:permission|consent|authori[sz]ation|release)\b|\b(?:shared|posted|used|published) (?:\w+ )?with (?:\w+ ){0,3}"
    r"(?:permission|consent|authori[sz]ation|ok|okay|blessing|go-ahead)\b"
    r"|\bwith (?:her|his|their) (?:written |signed )(?:ok|okay|blessing|go-ahead)\b"
    r"|\b(?:said|told us|agreed|okay(?:ed)?|ok'?d) (?:that )?(?:we|I) (?:could|can|may) (?:share|post|use)\b"
    r"|\b(?:agreed|asked us|wanted us) to let (?:us|me) (?:share|post|use|tell)\b", re.IGNORECASE)


def _colleagues_news(draft: Draft, analysis: Analysis) -> bool:
    """Every story the draft tells is told of people known as staff or public figures, with no client word:
    "our therapist Rose Nguyen, LCSW, and her husband Bao on the arrival of baby Theo, born Sunday at 7 lbs"."""
    text, reading = draft.text, reading_of(draft, analysis)
    people = reading.people(analysis)
    for a, b in kind_spans(text, "story"):
        s0, s1 = sentence_bounds(text, a)
        near = [r for e, r in people if s0 <= e.start < s1]
        if CLIENT_WORD.search(text, a, b) or not near or any(r not in (Role.STAFF, Role.PUBLIC) for r in near):
            return False
    return True


def permission_stated(text: str) -> bool:
    """The draft says the patient gave written permission ("shared with her written ok")."""
    return bool(_PERMISSION_STATED.search(text))


# a given name introduced as someone's, in any case: "meet jasmine 🌿 her words, not ours"
_INTRODUCED_BEFORE = re.compile(r"(?:\b(?:meet|welcome|thanks?|thank you|congrats(?: to)?|congratulations(?: to)?|"
                                r"shout ?out to|from|with|love you)|[—–~-])[ \t,]*$", re.IGNORECASE)
_NAME_WORD = re.compile(r"(?<![\w@#])[^\W\d_][\w'’-]+")


def _introduced_given_names(text: str, persons: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Given names the analyzer left out, where the draft introduces someone by them; in a
    draft about a patient they are looked up in the registry (only a registered patient's
    name can match), so a lower-case "meet jasmine" is still Jasmine's testimonial."""
    out = []
    for m in _NAME_WORD.finditer(text):
        word = re.sub(r"['’]s$", "", m.group(0))
        if word.casefold() in given_names() and not any(a < m.end() and m.start() < b for a, b in persons) \
                and _INTRODUCED_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            out.append((m.start(), m.start() + len(word)))
    return out


_ADDRESSEES = Addressees()  # (stateless: its patterns compile once)
# a client mentioned only to introduce their own words: "one of our clients wrote this and we think about it a lot 🫶
#
# “I used to think ...”"
# (with nothing told of them on the way: not "a client who just wrapped up with us last month sent this note:")
_INTRODUCES_QUOTE = re.compile(r"(?:(?!\b(?:last|ago|months?|weeks?|years?|yesterday|today|tonight|finished|wrapped|"
                               r"graduated|discharged|since|after)\b|\d)[^\n“\"]){0,80}(?::|\s)\s*[“\"]", re.IGNORECASE)


class ConsentCheck(Check):
    name = "consent"

    def __init__(self, engine, settings: ConsentSettings, today: Callable[[], date] = date.today,
                 staff_names: list[str] = ()):
        if engine is None:
            raise ValueError("the consent check needs the database")
        self.engine = engine
        self.settings = settings
        self.today = today
        # the practice's own people are not patients, even when a patient shares the name
        self._staff = tuple(f" {k} " for k in map(name_key, staff_names) if k)

    @classmethod
    def from_context(cls, ctx: CheckContext) -> "ConsentCheck":
        practice = ctx.config.profile.practice if ctx.config is not None else None
        staff = [practice.name, *practice.staff] if practice else []
        return cls(ctx.engine, ConsentSettings.parse(ctx.settings), staff_names=staff)

    def _is_staff(self, text: str, m: Mention) -> bool:
        key = f" {name_key(text[m.start:m.end])} "
        return key.strip() != "" and any(key in s for s in self._staff)

    @staticmethod
    def _not_a_patient(draft: Draft, analysis: Analysis, m: Mention) -> bool:
        """A lone first name the reading takes for staff, a listed public figure or an
        organisation ("Meet Marcus, our front desk superstar") is not the patient who shares
        it; a full registry name always counts unless a licence follows it ("Marcus Bell, LPC"
        signs the post), and so does a registered first name that only a quotation's dash makes
        look public ("— Jasmine O.")."""
        if m.named and len(draft.text[m.start:m.end].split()) > 1:
            # (unless a licence follows: "Marcus Bell, LPC" signs as the clinician who wrote the post)
            return credential_after(draft.text, m.end)
        reading = reading_of(draft, analysis)
        return any(e.start < m.end and m.start < e.end and role != Role.UNKNOWN
                   and (role != Role.PUBLIC or listed_public_figure(draft.text, e))
                   for e, role in reading.people(analysis))

    @staticmethod
    def _reviewer(draft: Draft, analysis: Analysis, kinds: set[str]) -> set[tuple[int, int]]:
        """The one-word name a reply to a review speaks to ("Thank you, Marcus, for sharing your
        feedback") is the reviewer's signature, not a registered patient of the same first name: the
        review-reply rule judges what the reply tells them."""
        if "review_reply" not in kinds and not set(draft.platforms) & set(REVIEW_PLATFORMS) and not (
                # (a comment pasted above a reply that tells no one's care: "Comment from Rob T.: ... Reply: Hi Rob!")
                pasted_review(draft.text) is not None and not reading_of(draft, analysis).disclosures()):
            return set()
        return {(a, b) for a, b in _ADDRESSEES.find(draft.text, analysis) if " " not in draft.text[a:b].strip()}

    @staticmethod
    def _about_public_figures(draft: Draft, analysis: Analysis) -> bool:
        """Everyone the draft names is a public figure: "Michael Phelps says therapy saved his
        life" is his public story, not a patient's testimonial."""
        roles = [r for _, r in reading_of(draft, analysis).people(analysis)]
        return bool(roles) and all(r == Role.PUBLIC for r in roles)

    @staticmethod
    def _maybe_patients(draft: Draft, analysis: Analysis, mentions: list[Mention]) -> list[tuple[int, int]]:
        """Names that could be an unregistered patient: not read as staff or a public figure,
        not a lone word read as an organisation, and not a shorter form of a registered
        patient's name the draft already used ("Jasmine" after "Jasmine Ortiz")."""
        text = draft.text
        reading = reading_of(draft, analysis)
        mentioned = [set(name_key(text[m.start:m.end]).split()) for m in mentions]
        out = []
        for e, role in zip(analysis.entities, reading.roles):
            words = set(name_key(text[e.start:e.end]).split())
            if e.entity_type not in PEOPLE or role in (Role.STAFF, Role.PUBLIC) or (
                    role != Role.UNKNOWN and len(words) < 2) or (
                    role == Role.ORGANISATION and in_business_name(text, e)):  # "Happy holidays,\nRidgeview Health"
                continue
            if words and any(words <= m for m in mentioned):
                continue
            out.append((e.start, e.end))
        return out

    def _finding(self, code: str, severity: Severity, message: str, start: int | None = None,
                 end: int | None = None, suggestion: str | None = None, entity: str = "PERSON") -> Finding:
        """``entity`` says what the span is: a PERSON, or a cited CONSENT_ID."""
        return Finding(check=self.name, code=f"consent.{code}", severity=severity, message=message,
                       entity=entity if start is not None else None, start=start, end=end, suggestion=suggestion)

    def run(self, draft: Draft, analysis: Analysis) -> list[Finding]:
        text = draft.text
        kinds = classify(draft)
        about_patient = bool(kinds & PATIENT_CONTENT)
        kind_scopes = {KIND_SCOPES[k] for k in kinds if k in KIND_SCOPES}
        if "testimonial" in kind_scopes:
            kind_scopes.discard("quote")  # a testimonial is the patient's own words: its consent covers quoting them
        platforms = sorted(set(draft.platforms) | set(target_platforms(text)))
        persons = [(e.start, e.end) for e in analysis.of_type(*PEOPLE)]
        refs = consent_references(text)
        with Session(self.engine) as s:
            looked_up = persons + (_introduced_given_names(text, persons) if about_patient or "quote" in kinds else [])
            reviewer = self._reviewer(draft, analysis, kinds)
            mentions = [m for m in find_mentions(s, text, looked_up, with_initials=about_patient)
                        if not self._is_staff(text, m) and not self._not_a_patient(draft, analysis, m)
                        and (m.start, m.end) not in reviewer]
            cited = resolve_consents(s, [r[0] for r in refs])
            maybe = [p for p in self._maybe_patients(draft, analysis, mentions) if p not in reviewer]
            findings, subjects = self._subjects(mentions, refs, cited, maybe, about_patient)
            grants = current_grants(s, sorted(subjects))
        if about_patient and not subjects and not findings and "review_reply" not in kinds \
                and not self._about_public_figures(draft, analysis) and not invented_case(text) \
                and not (kinds & PATIENT_CONTENT == {"story"} and _colleagues_news(draft, analysis)):
            # (a reply to a review answers someone else's words: the review-reply rule judges it)
            # An anonymous testimonial, or one that says the authorization is on file, identifies
            # nobody: the officer confirms the authorization (warn). An anonymous story or case
            # study still tells someone's case, so it needs the consent cited.
            stated = permission_stated(text)
            own_words = "testimonial" in kinds and "case_study" not in kinds and (
                "story" not in kinds or all(_INTRODUCES_QUOTE.match(text, b) for _, b in kind_spans(text, "story")))
            findings.append(self._finding(
                "reference_missing", Severity.WARN if stated or own_words else Severity.BLOCK,
                f"this reads as a {self._kind_label(kinds)} about a patient, but no patient is named and no consent is cited"
                + ("; it says the patient gave written permission" if stated else ""),
                suggestion="add the consent id on its own line, e.g. `consent: C-1042`, or confirm no patient is involved"))
        notes = reviewer_notes(text)
        today = self.today()
        # a post scheduled for later needs its consent on the day it goes live
        today = max(today, scheduled_date(text, today) or today)
        for pid, (start, end, named, entity) in sorted(subjects.items(), key=lambda kv: kv[1][0]):
            scopes = set(kind_scopes)
            # initials are part of the name (Safe Harbor lists them with names): "— E.P., Portland" under an
            # anonymous-only testimonial identifies her as much as her name would
            # (a name in a note to the reviewer is not posted: "[note: this is Elena's quote, anonymous only]")
            if (named or entity == "PERSON") and self.settings.require_name_use \
                    and not any(a <= start < b for a, b in notes):
                scopes.add("name_use")
            findings.append(self._decide(pid, start, end, entity, sorted(scopes), platforms, grants[pid], today))
        return findings

    @staticmethod
    def _kind_label(kinds: set[str]) -> str:
        return next(k for k in ("testimonial", "story", "case_study") if k in kinds).replace("_", " ")

    def _subjects(self, mentions: list[Mention], refs, cited: dict[str, Grant], persons, about_patient: bool):
        """Who the draft is about: patient id -> (start, end, named, entity); plus findings for
        unknown persons, unknown references and unresolved ambiguity."""
        findings: list[Finding] = []
        subjects: dict[str, tuple[int, int, bool, str]] = {}
        for cid, start, end in refs:
            if cid in cited:
                subjects.setdefault(cited[cid].patient_id, (start, end, False, "CONSENT_ID"))
            else:
                findings.append(self._finding(
                    "reference_unknown", Severity.BLOCK, "the cited consent is not in the registry",
                    start, end, suggestion="check the consent id with `clearpost consent show`", entity="CONSENT_ID"))
        resolved = {next(iter(m.patient_ids)) for m in mentions if len(m.patient_ids) == 1} | set(subjects)
        for m in mentions:
            ids = m.patient_ids if len(m.patient_ids) == 1 else m.patient_ids & resolved
            if len(ids) == 1:
                pid = next(iter(ids))
                prev = subjects.get(pid)
                # the fullest mention stands for the patient ("Marcus Bell" over "Marcus's"), so
                # the decision recognises every shorter mention of them as theirs
                if prev is None or (m.end - m.start, -m.start) > (prev[1] - prev[0], -prev[0]):
                    subjects[pid] = (m.start, m.end, m.named or bool(prev and prev[2]), "PERSON")
                else:
                    subjects[pid] = (prev[0], prev[1], prev[2] or m.named, prev[3])
                continue
            shown = ", ".join(sorted(m.patient_ids)[:MAX_IDS_SHOWN])
            extra = len(m.patient_ids) - MAX_IDS_SHOWN
            findings.append(self._finding(
                "ambiguous", Severity.BLOCK,
                f"this person matches {len(m.patient_ids)} patients in the registry "
                f"({shown}{f' and {extra} more' if extra > 0 else ''})",
                m.start, m.end, suggestion="cite the consent that applies, e.g. `consent: C-1042`"))
        if about_patient:
            for start, end in persons:
                if not any(m.start < end and start < m.end for m in mentions):
                    findings.append(self._finding(
                        "unknown_person", Severity.BLOCK,
                        "this person is not in the consent registry",
                        start, end, suggestion="confirm they are not a patient, or record their consent "
                                               "with `clearpost consent grant`"))
        return findings, subjects

    def _decide(self, pid: str, start: int, end: int, entity: str, scopes: list[str], platforms: list[str],
                grants: list[Grant], today: date) -> Finding:
        who = f"the patient ({pid})" if entity == "PERSON" else f"the patient of the cited consent ({pid})"
        if not platforms:
            return self._finding("platform_unknown", Severity.BLOCK,
                                 f"cannot confirm consent for {who}: the draft names no target platform",
                                 start, end, entity=entity, suggestion="add a line such as `platform: instagram`")
        pairs = [pair_status(grants, sc, pl, today, self.settings.expiring_days)
                 for sc in (scopes or [None]) for pl in platforms]
        bad = [p for p in pairs if p.state in (NONE, WITHDRAWN, EXPIRED)]
        if bad:
            code = next((st for st in (WITHDRAWN, EXPIRED) if any(p.state == st for p in bad)), "missing")
            groups: dict[tuple, list[str]] = {}
            for p in bad:
                groups.setdefault((p.state, p.consent_id, p.on, p.platform), []).append(p.scope)
            parts = []
            for (state, cid, on, platform), scopes_ in groups.items():
                if state == NONE:
                    parts.append(f"no written authorization on file for {', '.join(scopes_)} on {platform}")
                else:
                    parts.append(f"consent {cid} for {', '.join(scopes_)} on {platform} {state} on {on}")
            return self._finding(code, Severity.BLOCK, f"{who}: " + "; ".join(parts), start, end, entity=entity,
                                 suggestion="do not publish until a current written authorization is recorded")
        ids = sorted({p.consent_id for p in pairs})
        granted = tuple(sc for sc in SCOPES if all(
            pair_status(grants, sc, pl, today, self.settings.expiring_days).state in (ACTIVE, EXPIRING)
            for pl in platforms))
        soon = [p for p in pairs if p.state == EXPIRING]
        if soon:
            first = min(soon, key=lambda p: p.on)
            return replace(self._finding("expiring", Severity.WARN,
                                         f"{who}: consent {first.consent_id} expires on {first.on}", start, end,
                                         entity=entity, suggestion="renew the authorization before it lapses"),
                           consent=", ".join(ids), covers=granted)
        covered = f"covers {', '.join(scopes)}" if scopes else "is in effect"
        return replace(self._finding("ok", Severity.INFO,
                                     f"{who}: consent {', '.join(ids)} {covered} on {', '.join(platforms)}",
                                     start, end, entity=entity),
                       consent=", ".join(ids), covers=granted)
