"""Rule: handing the client list to someone else.

Guidance (hipaa-social-rules.md: marketing needs the patient's authorization;
disclosing who is a patient is itself PHI): a practice may not give or sell
its patients' names, contacts or records to another business ("we're sharing
our client list with Harbor View Family Dental so they can mail you a
coupon"), nor announce that it will. Who the patients are is the practice's
to keep, whatever the offer.

Pattern: a verb of handing over (share, give, send, sell, pass on, provide)
with the practice's patients' list, names, contacts, e-mails, addresses or
records as its object, in one sentence; "we never share your information"
and "share this post with a friend" pass."""
from __future__ import annotations

import re

from bot.domain import Draft, Severity
from checks.base import Analysis
from checks.policy.base import Rule, Span, negated

_HANDED = re.compile(
    r"\b(?:shar(?:e|es|ed|ing)|giv(?:e|es|ing)|gave|send(?:s|ing)?|sent|sell(?:s|ing)?|sold|pass(?:es|ed|ing)? on|"
    r"provid(?:e|es|ed|ing)|hand(?:s|ed|ing)? over|export(?:s|ed|ing)?)\s+"
    r"(?:(?:a|the|all|our|my)\s+)?(?:(?:client|patient|customer|member)s?['’]?\s+)"
    r"(?:list|lists|names|contacts?|contact (?:info|information|list)|e-?mails?|e-?mail (?:list|addresses)|"
    r"addresses|phone numbers|records|files|charts|info|information|details|database)\b"
    r"|\b(?:shar(?:e|es|ed|ing)|giv(?:e|es|ing)|gave|send(?:s|ing)?|sent|sell(?:s|ing)?|sold|provid(?:e|es|ed|ing))\s+"
    r"(?:our|my)\s+(?:client|patient)\s+(?:list|database|roster|mailing list)\b",
    re.IGNORECASE)


class ClientList(Rule):
    name = "client_list"
    default_severity = Severity.BLOCK
    message = ("the draft says the practice shares its clients' list, contacts or records with someone else, "
               "which discloses who its patients are without their authorization")
    suggestion = ("do not share patients' names or contacts with another business; if a partner has an offer, "
                  "pass it on yourselves without naming anyone")

    def find(self, draft: Draft, analysis: Analysis) -> Span | None:
        for m in _HANDED.finditer(draft.text):
            if not negated(draft.text, m.start(), lookback=25):  # "we never share your information"
                return m.start(), m.end()
        return None
