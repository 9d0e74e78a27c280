"""The policy check: runs every enabled guidance rule on a draft.

Rules are pure Python over the text (plus the PERSON spans of the shared
analysis), so the check is fast and needs no model of its own."""
from __future__ import annotations

from bot.domain import Draft, Finding
from checks.base import Analysis, Check, CheckContext
from checks.policy.base import Rule
from checks.policy.rules import RULES
from checks.policy.settings import PolicySettings, parse_settings


class PolicyCheck(Check):
    name = "policy"

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules

    @classmethod
    def from_settings(cls, settings: PolicySettings | dict | None = None) -> "PolicyCheck":
        if not isinstance(settings, PolicySettings):
            settings = parse_settings(settings or {})
        rules = []
        for name, rule_cls in RULES.items():
            s = settings.rules.get(name)
            if s is None:
                rules.append(rule_cls())
            elif s.enabled:
                rules.append(rule_cls(severity=s.severity, extra_patterns=s.extra_patterns,
                                      ignore_patterns=s.ignore_patterns))
        return cls(rules)

    @classmethod
    def from_context(cls, ctx: CheckContext) -> "PolicyCheck":
        return cls.from_settings(ctx.settings)

    def run(self, draft: Draft, analysis: Analysis) -> list[Finding]:
        findings = []
        for rule in self.rules:
            f = rule.check(draft, analysis)
            if f is not None:
                findings.append(f)
        return findings
