"""Rule: a sentence that tells, confirms or asks about a specific patient's
care, as the learned disclosure model reads it (checks/disclosure).

Guidance (hipaa-social-rules.md, sections 1 and 3): a patient's identity or
story together with their care, a reply that confirms someone was seen, a
public message to a patient about their treatment. The wording rules in this
package name the common phrasings; this rule catches the ones nobody listed
("our 10:30 before her root canal", "see u tues for your adjustment")."""
from __future__ import annotations

from bot.domain import Draft, Severity
from checks.base import Analysis
from checks.policy.base import Rule, Span
from checks.reading import reading_of


class PatientDisclosure(Rule):
    name = "patient_disclosure"
    default_severity = Severity.BLOCK
    message = ("this sentence reads as telling, confirming or asking about a specific person's care "
               "(a patient's visit, treatment, condition or progress)")
    suggestion = ("write about the topic in general terms, or reply without confirming anyone is a patient; "
                  "if the patient authorised this in writing, cite the consent (`consent: C-1042`)")

    def find(self, draft: Draft, analysis: Analysis) -> Span | None:
        hits = reading_of(draft, analysis).disclosures()
        if not hits:
            return None
        best = max(hits, key=lambda s: s.probability)
        return best.start, best.end
