"""The policy check: runs every enabled guidance rule on a draft.

Rules are pure Python over the text (plus the PERSON spans of the shared
analysis), so the check is fast and needs no model of its own."""
from __future__ import annotations

import re
from dataclasses import replace

from bot.domain import Draft, Finding
from checks.base import Analysis, Check, CheckContext
from checks.content_kind import pasted_review
from checks.policy.base import Rule
from checks.policy.rules import RULES
from checks.policy.settings import PolicySettings, parse_settings
from checks.reading import read


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
        review = pasted_review(draft.text)
        reply_alone = None
        for rule in self.rules:
            f = rule.check(draft, analysis)
            if f is not None and review and f.start is not None and review[0] <= f.start < review[1]:
                # the rule tripped on the review being answered: the reply is judged on its own words
                reply_alone = reply_alone or _reply_alone(draft, analysis, review)
                f = rule.check(*reply_alone)
            if f is not None:
                findings.append(f)
        return findings


def _reply_alone(draft: Draft, analysis: Analysis, review: tuple[int, int]) -> tuple[Draft, Analysis]:
    """The draft with the pasted review blanked out (positions kept) and its people left out."""
    a, b = review
    text = draft.text[:a] + re.sub(r"[^\n]", " ", draft.text[a:b]) + draft.text[b:]
    reply = replace(draft, text=text)
    kept = replace(analysis, entities=tuple(e for e in analysis.entities if not a <= e.start < b), reading=None)
    colleagues = analysis.reading.colleagues if analysis.reading is not None else frozenset()
    return reply, replace(kept, reading=read(reply, kept, staff_first_names=colleagues))
