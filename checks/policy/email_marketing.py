"""Rule 9: email marketing without an unsubscribe/opt-out or without saying
why the reader receives it.

Guidance (hipaa-social-rules.md, section 2): marketing email needs the
recipient's consent, a stated purpose and an easy opt-out in every message;
CAN-SPAM (15 U.S.C. 7704(a)(3)-(5)) also requires a working opt-out. Sending
a practice newsletter to patients also tells them why they are on the list.

Applies when the draft targets the "email" platform or reads as an email
itself (checks.content_kind: a "Subject:" line, "in this month's newsletter", "dear subscribers"),
not to a social post that merely mentions the newsletter."""
from __future__ import annotations

import re
from dataclasses import replace

from bot.domain import Draft, Finding, Severity
from checks.base import Analysis
from checks.content_kind import is_email
from checks.policy.base import Rule, Span, compile_all

OPT_OUT_PATTERNS = [
    r"\bunsubscribe\b", r"\bopt[- ]?out\b", r"\bmanage (?:your )?(?:email |subscription |mailing )?(?:preferences|settings|subscription)\b",
    r"\bstop (?:receiving|getting) (?:these|this|our)\b", r"\bremove (?:you|yourself) from (?:this|our|the) (?:list|mailing)\b",
    r"\breply (?:with )?[\"']?(?:stop|remove|unsubscribe)\b",
    r"\bto stop (?:receiving |getting )?(?:these|our|this|future)\b", r"\bno longer (?:wish|want) to receive\b", r"\{\{?\s*unsubscribe",
    # in Spanish: "Para darse de baja de estos correos", "cancelar su suscripción", "dejar de recibir"
    r"\bdar(?:se)? de baja\b", r"\b(?:cancelar|anular) (?:la |su |tu )?suscripci[oó]n\b", r"\bdejar de recibir\b",
]
REASON_PATTERNS = [
    r"\byou(?:'re| are) (?:receiving|getting) this\b",
    r"\byou (?:signed up|subscribed|opted in|asked to (?:receive|hear)|requested|joined (?:our|the) (?:list|mailing list|newsletter))\b",
    r"\bbecause you (?:signed up|subscribed|opted in|joined|requested|asked|agreed|registered|attended|are (?:a|on))\b",
    r"\b(?:why (?:am I|you are|you're) (?:getting|receiving) this)\b",
    r"\byou(?:'re| are) on (?:this|our|the) (?:list|mailing list)\b",
    r"\bsent to you because\b", r"\bthank(?:s| you) for (?:signing up|subscribing|joining|opting in)\b", r"\bthis (?:email|message|newsletter) (?:was|is) sent (?:to you )?because\b",
]


REASON_MISSING = "a line saying why the reader receives it"

# a letter to one person, greeted by name ("Hi Captain Morales,"), not a mailing to a list
_TO_ONE_PERSON = re.compile(r"\A\s*(?:subject:[^\n]*\n\s*)?(?:hi|hello|dear|good (?:morning|afternoon))[ \t]+"
                            r"(?!(?:friends?|everyone|all|team|famil(?:y|ies)|neighbou?rs?|subscribers?|folks|there|y['’]?all|"
                            r"readers?|members?|parents?|patients?|clients?|community)\b)"
                            r"(?:(?:dr|mr|mrs|ms|mx|captain|capt|chief|coach|principal|pastor|officer|sgt|lt)\.?[ \t]+)?"
                            r"(?-i:[A-Z])[\w'’-]+(?:[ \t]+(?-i:[A-Z])[\w'’-]+)?[ \t]*[,:!]", re.IGNORECASE)
# ... unless it sells or invites: a newsletter, a booking, an offer, an event to sign up for
_MARKETING = re.compile(r"\b(?:newsletter|subscri\w+|book (?:now|today|online|a|your)|sign up|register|rsvp|join us|"
                        r"offer|discount|sale|promo\w*|special|spots? (?:left|open|available)|openings?|free consult\w*|"
                        r"limited|enroll\w*|tickets?|link in bio|learn more|click|complimentary|this month only|"
                        r"book (?:at|by|before)|call (?:us )?(?:to|today)|off (?:your|all|any|veneers|\w+ (?:sessions?|services?)))\b"
                        r"|\$\d+\s*off\b|\d+\s*%\s*off\b", re.IGNORECASE)


class EmailMarketing(Rule):
    name = "email_marketing"
    default_severity = Severity.BLOCK
    message = "the marketing email lacks {missing}"
    suggestion = ("add a working unsubscribe link or opt-out line and one sentence saying why the reader "
                  "receives this email (e.g. they signed up at the practice's website)")

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.opt_out = compile_all(OPT_OUT_PATTERNS)
        self.reason = compile_all(REASON_PATTERNS)

    def missing(self, draft: Draft) -> list[str]:
        if not is_email(draft) or (_TO_ONE_PERSON.match(draft.text) and not _MARKETING.search(draft.text)):
            return []  # (a letter to one person about plans made with them is no marketing)
        out = []
        if not any(p.search(draft.text) for p in self.opt_out):
            out.append("an unsubscribe/opt-out")
        if not any(p.search(draft.text) for p in self.reason):
            out.append(REASON_MISSING)
        return out

    def find(self, draft: Draft, analysis: Analysis) -> Span | None:
        return (0, 0) if self.missing(draft) else None

    def check(self, draft: Draft, analysis: Analysis) -> Finding | None:
        finding = super().check(draft, analysis)
        if finding is None:
            return None
        missing = self.missing(draft) or ["a required element (matched a practice pattern)"]
        finding = replace(finding, message=finding.message.replace("{missing}", " and ".join(missing)))
        if missing == [REASON_MISSING] and self.severity == Severity.BLOCK:
            # CAN-SPAM requires the opt-out; the reason line is the guidance's good practice, so
            # an email that has the opt-out is only warned about the missing reason.
            finding = replace(finding, severity=Severity.WARN)
        return finding
