"""The PHI check: every identifier in the draft becomes a finding that names
its type and position, never its value."""
from __future__ import annotations

from bot.domain import Draft, Finding, Severity
from checks.base import Analysis, Check, CheckContext

HEALTH_CONTEXT_SEVERITY = Severity.BLOCK


class PhiCheck(Check):
    name = "phi"

    @classmethod
    def from_context(cls, ctx: CheckContext) -> "PhiCheck":
        return cls()

    def run(self, draft: Draft, analysis: Analysis) -> list[Finding]:
        findings = []
        for e in analysis.entities:
            findings.append(Finding(
                check=self.name,
                code=f"phi.{e.entity_type.lower()}",
                severity=Severity.BLOCK,
                entity=e.entity_type,
                start=e.start,
                end=e.end,
                message=f"{e.entity_type} at characters {e.start}-{e.end}",
                suggestion=f"remove it or replace it with a placeholder such as [{e.entity_type}]",
            ))
        return findings
