"""The policy check: runs every enabled guidance rule on a draft.

Rules are pure Python over the text (plus the PERSON spans of the shared
analysis), so the check is fast and needs no model of its own."""
from __future__ import annotations

import re
from dataclasses import replace

from bot.domain import Draft, Finding
from checks.base import Analysis, Check, CheckContext
from checks.content_kind import pasted_review, reviewer_notes
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
        notes = reviewer_notes(draft.text)
        posted_alone: dict[tuple, tuple[Draft, Analysis]] = {}
        for rule in self.rules:
            f = rule.check(draft, analysis)
            skip = tuple((notes if rule.name not in MEDIA_RULES else []) + ([review] if review else []))
            if f is not None and f.start is not None and any(a < f.end and f.start < b for a, b in skip):
                # the rule tripped on a review being answered or a note to the reviewer (what a note says of
                # the picture still counts): the post is judged on its own words
                if skip not in posted_alone:
                    posted_alone[skip] = _posted_alone(draft, analysis, list(skip))
                f = rule.check(*posted_alone[skip])
            if f is not None:
                findings.append(f)
        return findings


# rules about what a picture or video shows: a note saying what is on screen is a fact about the post
MEDIA_RULES = ("records_in_picture", "before_after")


def _posted_alone(draft: Draft, analysis: Analysis, spans: list[tuple[int, int]]) -> tuple[Draft, Analysis]:
    """The draft with what is not posted blanked out (positions kept) and its people left out."""
    text = draft.text
    for a, b in spans:
        text = text[:a] + re.sub(r"[^\n]", " ", text[a:b]) + text[b:]
    posted = replace(draft, text=text)
    kept = replace(analysis, entities=tuple(e for e in analysis.entities if not any(a <= e.start < b for a, b in spans)),
                   reading=None)
    colleagues = analysis.reading.colleagues if analysis.reading is not None else frozenset()
    return posted, replace(kept, reading=read(posted, kept, staff_first_names=colleagues))
