"""One decision after the checks: findings about the same patient are
resolved together, so a consent on file is the normal path to posting.

A consent finding that covers its patient (consent.ok, or consent.expiring
which still covers today) releases that patient's name and the findings
that only say "this is patient content" — testimonial, story or case
details, a photo — when the consent grants the scope they need on every
target platform. They stay in the report as information naming the
consent, so the officer's ordinary approval clears the post. Nothing is
released while any consent finding blocks (someone not covered, a scope,
platform, expiry or withdrawal missing): that finding says what is missing."""
from __future__ import annotations

from dataclasses import replace

from bot.consent.names import name_key
from bot.domain import Finding, Severity
from checks.base import PEOPLE
from checks.content_kind import kind_spans

# finding code -> the consent scopes any one of which covers it
COVERABLE: dict[str, tuple[str, ...]] = {
    "policy.identifiable_testimonial": ("testimonial",),
    "policy.case_details": ("story", "case_study"),
    "policy.patient_disclosure": ("story", "case_study"),  # and testimonial, inside the testimonial itself
    "policy.before_after": ("photo",),
    "phi.photo": ("photo",),
}
COVERING_CODES = ("consent.ok", "consent.expiring")


def decide(text: str, findings: list[Finding]) -> list[Finding]:
    covering = [f for f in findings if f.code in COVERING_CODES and f.consent]
    if not covering or any(f.check == "consent" and f.severity == Severity.BLOCK for f in findings):
        return findings
    ids = ", ".join(sorted({i for f in covering for i in f.consent.split(", ")}))
    granted = set.intersection(*(set(f.covers) for f in covering))
    names = {name_key(text[f.start:f.end]) for f in covering if f.entity in PEOPLE and f.start is not None}
    names.discard("")
    out = []
    for f in findings:
        if f.severity != Severity.INFO and _covered(text, f, covering, names, granted):
            f = replace(f, severity=Severity.INFO, message=f"{f.message}; covered by consent {ids}")
        out.append(f)
    return out


def _covered(text: str, f: Finding, covering: list[Finding], names: set[str], granted: set[str]) -> bool:
    if f.code in ("phi.person", "phi.handle") and f.start is not None:
        overlaps = any(c.start is not None and c.start < f.end and f.start < c.end for c in covering)
        words = set(name_key(text[f.start:f.end]).split())  # "Jasmine" later in a post about "Jasmine Ortiz"
        return overlaps or (bool(words) and any(words <= set(n.split()) for n in names))
    needs = COVERABLE.get(f.code)
    if needs is not None and granted.intersection(needs):
        return True
    # "Client spotlight: Rosa says ..." tells about her care in her own words: her testimonial
    # consent covers that sentence, but not a story told about her ("Jasmine just finished treatment")
    return (f.code == "policy.patient_disclosure" and "testimonial" in granted and f.start is not None
            and any(t0 < f.end and f.start < t1 for t0, t1 in kind_spans(text, "testimonial")))
