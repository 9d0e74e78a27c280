"""A suggested rewrite that is safe to post, or a plain reason why none is offered.

Replacing identifiers by ``[TYPE]`` is not enough: "our client [PERSON] who
finished her 12-week program for PTSD" still tells a client's story. So the
candidate drops every sentence that a blocking policy or consent finding, or
the disclosure reading, points at; replaces the remaining reported
identifiers by their type; adds an opt-out line to an email that lacks one;
and is then checked again like any draft. Only a candidate that no longer
blocks is offered. Otherwise the report says, by finding code, what still
needs a person (codes and counts only: never text).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain import Finding, Severity
from checks.base import Analysis
from checks.disclosure.model import sentences
from checks.reading import DISCLOSURE_THRESHOLD

MAX_ROUNDS = 3  # each round drops what the previous candidate still blocked on
OPT_OUT_LINE = "You can unsubscribe from these emails at any time with the link below."
_WORD = re.compile(r"[^\W\d_]{2,}")
_PLACEHOLDER = re.compile(r"\[[A-Z_]+\]")


@dataclass(frozen=True)
class Candidate:
    text: str | None  # None: nothing worth posting is left
    dropped_sentences: int


def candidate(text: str, analysis: Analysis, findings: list[Finding] | tuple[Finding, ...]) -> Candidate:
    """One rewriting pass over ``text`` (the canonical draft) given its findings."""
    bounds = _sentence_bounds(text)
    drop: set[int] = set()
    placeholders: list[tuple[int, int, str]] = []
    for f in findings:
        if f.severity == Severity.INFO or f.start is None or f.end is None:
            continue
        if f.check == "phi" and f.entity:
            placeholders.append((f.start, f.end, f.entity))
        elif f.severity == Severity.BLOCK and f.end > f.start:
            drop.update(i for i, (s, e) in enumerate(bounds) if s < f.end and f.start < e)
    reading = analysis.reading
    if reading is not None:
        for s in reading.disclosures(DISCLOSURE_THRESHOLD):
            drop.update(i for i, (b0, b1) in enumerate(bounds) if b0 < s.end and s.start < b1)
    kept: list[str] = []
    for i, (s, e) in enumerate(bounds):
        if i in drop:
            continue
        local = sorted((max(a, s), min(b, e), t) for a, b, t in placeholders if a < e and s < b)
        kept.append(_replace_spans(text, s, e, local))
    out = "".join(kept).strip()
    if any(f.code == "policy.email_marketing" and "unsubscribe" in f.message for f in findings) and out:
        out = f"{out}\n\n{OPT_OUT_LINE}"
    if not _WORD.search(_PLACEHOLDER.sub("", out)):
        return Candidate(None, len(drop))
    return Candidate(out, len(drop))


def unavailable(reason: str) -> Finding:
    """The report's note when no rewrite is offered: it names codes, never text."""
    return Finding(check="rewrite", code="rewrite.unavailable", severity=Severity.INFO,
                   message=f"no safe rewrite is offered: {reason}; this draft needs rewording by a person",
                   suggestion="describe the program, service or event in general terms, with no patient in it")


def still_blocking(findings: list[Finding] | tuple[Finding, ...]) -> str:
    codes = sorted({f.code for f in findings if f.severity == Severity.BLOCK})
    return "the de-identified text still blocks on " + ", ".join(codes)


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Sentences with their trailing punctuation and space, so that joining the
    kept ones gives back readable text."""
    spans = sentences(text)
    out = []
    for i, (s, _) in enumerate(spans):
        start = 0 if i == 0 else s
        end = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        out.append((start, end))
    return out


def _replace_spans(text: str, start: int, end: int, spans: list[tuple[int, int, str]]) -> str:
    out, pos = [], start
    for a, b, label in spans:
        if a < pos:
            continue
        out.append(text[pos:a])
        out.append(f"[{label}]")
        pos = b
    out.append(text[pos:end])
    return "".join(out)
