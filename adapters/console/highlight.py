"""Cut a draft into plain and marked pieces for showing findings in place.

Findings carry character spans; overlapping spans are split at every
boundary so each piece knows every finding that covers it. A piece's label
(the finding numbers) is shown as text after the last piece of a run, so the
page reads without colour.
"""
from __future__ import annotations

from dataclasses import dataclass

from bot.domain import Finding, Severity

_RANK = {Severity.BLOCK: 0, Severity.WARN: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class Piece:
    text: str
    numbers: tuple[int, ...] = ()  # 1-based finding numbers covering this piece
    severity: str | None = None  # worst severity among them
    label: str | None = None  # shown after the last piece of a run, e.g. "1 PERSON"


def label_of(f: Finding) -> str:
    """What a mark says it is: the PHI type for a PHI finding, CONSENT for a consent finding (which
    also sits on a name, but is about the missing authorization, not the name's type), else the code."""
    if f.check == "consent":
        return "CONSENT"
    return f.entity or f.code


def pieces(text: str, findings: tuple[Finding, ...] | list[Finding]) -> list[Piece]:
    spans = [(n, f) for n, f in enumerate(findings, 1)
             if f.start is not None and f.end is not None and 0 <= f.start < f.end <= len(text)]
    cuts = sorted({0, len(text), *(f.start for _, f in spans), *(f.end for _, f in spans)})
    raw: list[tuple[str, tuple[int, ...]]] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = tuple(n for n, f in spans if f.start <= a and b <= f.end)
        if raw and raw[-1][1] == covering:
            raw[-1] = (raw[-1][0] + text[a:b], covering)
        else:
            raw.append((text[a:b], covering))
    out: list[Piece] = []
    for i, (chunk, numbers) in enumerate(raw):
        if not numbers:
            out.append(Piece(chunk))
            continue
        worst = min((findings[n - 1].severity for n in numbers), key=_RANK.__getitem__)
        following = raw[i + 1][1] if i + 1 < len(raw) else ()
        # label a run when the next piece drops one of its findings
        ending = [n for n in numbers if n not in following]
        label = ", ".join(f"{n} {label_of(findings[n - 1])}" for n in ending) or None
        out.append(Piece(chunk, numbers, worst.value, label))
    return out
