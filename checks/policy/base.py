"""What every policy rule shares: a name, a stable finding code, a default
severity, a fix-it message, and phrase patterns that are data a practice can
extend (``extra_patterns``) or silence (``ignore_patterns``) in its profile.

A rule reports at most one finding per draft, at the first triggering span,
so a long post does not bury the officer in duplicates. Messages describe the
problem and the fix; they never quote the draft."""
from __future__ import annotations

import re
from abc import ABC, abstractmethod
from typing import Iterable, Sequence

from bot.domain import Draft, Finding, Severity
from checks.base import Analysis

FLAGS = re.IGNORECASE | re.MULTILINE
Span = tuple[int, int]

_NEGATION = re.compile(
    r"\b(?:no|not|never|can'?t|cannot|won'?t|don'?t|doesn'?t|isn'?t|aren'?t|nothing|neither|nor|"
    r"without|nobody|no one|none|un(?:able|likely))\b|n't\b", FLAGS)
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n+|[ \t]+(?=[•▪][ \t])")  # a bullet opens an item, on any line


def compile_all(patterns: Iterable[str]) -> list[re.Pattern[str]]:
    return [re.compile(p, FLAGS) for p in patterns]


def alt(*words: str) -> str:
    """A non-capturing alternation of phrases, for building word families."""
    return "(?:" + "|".join(words) + ")"


MAX_SENTENCE = 400  # a longer run without punctuation is cut into windows of this size


def sentence_bounds(text: str, pos: int) -> Span:
    """The sentence (or line) around ``pos``: the usual context window.
    Bounded on both sides so that text without punctuation stays linear."""
    lo = max(0, pos - MAX_SENTENCE)
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, pos):
        start = m.end()
    m = _SENTENCE_END.search(text, pos, min(len(text), pos + MAX_SENTENCE))
    return start, (m.start() if m else min(len(text), pos + MAX_SENTENCE))


def negated(text: str, start: int, lookback: int = 30, clause: bool = False) -> bool:
    """A negation word shortly before ``start`` in the same sentence (``clause``: in the same phrase, so a list's
    other item does not negate it: "no more waitlists, guaranteed results")."""
    s0, _ = sentence_bounds(text, start)
    before = text[max(s0, start - lookback):start]
    if clause:
        before = re.split(r"[,;:—–][ \t]", before)[-1]
    return bool(_NEGATION.search(before))


def first_match(patterns: Sequence[re.Pattern[str]], text: str, *, skip_negated: bool = False) -> Span | None:
    best: Span | None = None
    for p in patterns:
        for m in p.finditer(text):
            if m.end() == m.start():
                continue
            if skip_negated and negated(text, m.start()):
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), m.end())
            break
    return best


def all_matches(patterns: Sequence[re.Pattern[str]], text: str) -> list[Span]:
    return sorted((m.start(), m.end()) for p in patterns for m in p.finditer(text) if m.end() > m.start())


def near(text: str, span: Span, patterns: Sequence[re.Pattern[str]], window: int) -> bool:
    """Whether one of ``patterns`` matches within ``window`` characters of ``span``."""
    lo, hi = max(0, span[0] - window), min(len(text), span[1] + window)
    chunk = text[lo:hi]
    return any(p.search(chunk) for p in patterns)


def in_sentence(text: str, span: Span, patterns: Sequence[re.Pattern[str]]) -> bool:
    s0, _ = sentence_bounds(text, span[0])
    _, s1 = sentence_bounds(text, max(span[0], span[1] - 1))
    chunk = text[s0:s1]
    return any(p.search(chunk) for p in patterns)


class Rule(ABC):
    """One guidance rule. Subclasses set the class attributes and ``find``."""

    name: str = ""
    default_severity: Severity = Severity.BLOCK
    message: str = ""
    suggestion: str = ""

    def __init__(self, severity: Severity | None = None, extra_patterns: Sequence[str] = (),
                 ignore_patterns: Sequence[str] = ()) -> None:
        self.severity = severity or self.default_severity
        self.extra = compile_all(extra_patterns)
        self.ignore = compile_all(ignore_patterns)

    @property
    def code(self) -> str:
        return f"policy.{self.name}"

    @abstractmethod
    def find(self, draft: Draft, analysis: Analysis) -> Span | None:
        """The span that breaks the rule, or None. ``(0, 0)`` means the whole draft."""

    def _ignored(self, text: str, span: Span) -> bool:
        if not self.ignore:
            return False
        return any(s <= span[0] < e or span[0] <= s < span[1] for s, e in all_matches(self.ignore, text))

    def check(self, draft: Draft, analysis: Analysis) -> Finding | None:
        span = self.find(draft, analysis)
        if span is not None and span != (0, 0) and self._ignored(draft.text, span):
            span = None
        if span is None and self.extra:
            span = first_match(self.extra, draft.text)
        if span is None:
            return None
        whole = span == (0, 0)
        return Finding(
            check="policy", code=self.code, severity=self.severity,
            message=self.message,
            start=None if whole else span[0], end=None if whole else span[1],
            suggestion=self.suggestion,
        )
