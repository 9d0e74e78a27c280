"""Rule 2: before-and-after photos or wording.

Guidance (hipaa-social-rules.md, section 3.2): do not post before-and-after
photos of clients. A before/after pairing shows a person's condition and its
treatment; with a face it is PHI, without one it still invites identification.

Pattern: "before and after" / "before vs after" / "then and now" /
"transformation Tuesday" near a picture or result word, or any of those with
an image or video attached."""
from __future__ import annotations

from bot.domain import Draft, Severity
from checks.base import Analysis
from checks.policy.base import Rule, Span, compile_all, in_sentence, near

# Pairings that could be about time ("stretch before and after a workout"): need a result word near.
PAIRING_PATTERNS = [
    r"\bbefore\W{1,8}(?:(?:and|n|vs\.?|versus|to|into)\W{1,8})?after\b",
    r"\bafter\s*(?:and|&|/|vs\.?|versus)\s*before\b",
    r"\bthen\s*(?:and|&|/)\s*now\b",
    r"\b(?:swipe|scroll)\b[^.!?\n]{0,40}\b(?:before|after|difference|transformation|results)\b",
    r"\bbefore (?:\w+ ){0,3}(?:photo|pic|picture|shot|image)s?\b[^.!?\n]{0,80}\bafter\b",
]
# Pairings that only ever show a result.
RESULT_PAIRING_PATTERNS = [
    r"\bthen\s*(?:vs\.?|versus)\s*now\b",
    r"#?\btransformation\s?(?:tuesday|thursday|friday|monday)\b",
    r"#?\bglow[- ]?up\b",
    r"\bday\s?(?:1|one)\s*(?:vs\.?|versus|to|and|->|→)\s*(?:day\s?)?\d+\b",
    r"\b(?:left|first (?:photo|pic|picture|image|slide))\s*(?:is|[:=\-–])\s*(?:before|day (?:1|one)|then)\b",
    r"\bbefore\s*[:=]\s*.{0,80}\bafter\s*[:=]",
    r"#(?:beforeandafter|beforeafter|transformation|results)\b",
]
# Words that make a before/after pairing about a visible result rather than time.
RESULT_PATTERNS = [
    r"\b(?:photos?|pics?|pictures?|images?|shots?|selfies?|snaps?|results?|transformations?|smiles?|"
    r"look(?:s|ed)?|x-?rays?|scans?|difference|progress|clients?|patients?|case|swipe|check (?:it |this |them )?out|"
    r"amazing|incredible|wow|left|right|side[- ]by[- ]side|proud|recovery|treatment|weeks|months)\b",
]
WINDOW = 80


class BeforeAfter(Rule):
    name = "before_after"
    default_severity = Severity.BLOCK
    message = "the draft presents before-and-after results of a client, which shows their condition and treatment"
    suggestion = ("remove the before/after pairing; describe what the service involves in general terms, "
                  "or use stock or illustrative images that show no real client")

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.pairings = compile_all(PAIRING_PATTERNS)
        self.results = compile_all(RESULT_PATTERNS)
        self.result_pairings = compile_all(RESULT_PAIRING_PATTERNS)

    def find(self, draft: Draft, analysis: Analysis) -> Span | None:
        text = draft.text
        media = draft.has_photo or draft.has_video
        for p in self.result_pairings:
            m = p.search(text)
            if m:
                return m.start(), m.end()
        for p in self.pairings:
            for m in p.finditer(text):
                span = (m.start(), m.end())
                if media or near(text, span, self.results, WINDOW) or in_sentence(text, span, self.results):
                    return span
        return None
