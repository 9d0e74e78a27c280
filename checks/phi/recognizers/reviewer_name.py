"""A reviewer's display name, as staff quote it when they talk about a review: "the 1 star from 'summer w' is back
up", "reviewer 'Faith & Ezra B'", "the review from 'T. Okonkwo'". Review sites show a first name and an initial,
which the sentence around it does not make a name; the quotes and the word "review" do."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern

from checks.phi.recognizers.base import NameRecognizer

# a name as a review site shows it: words or initials, joined by "&" or "and" for a couple
_DISPLAY_NAME = r"[^\W\d_][\w'’-]*\.?(?:[ \t]+(?:&|and|[^\W\d_][\w'’-]*\.?)){0,3}"


class ReviewerNameRecognizer(NameRecognizer):
    """A quoted name after "review(er) from/by", "reviewer", "N star(s) from"."""

    ENTITY = "PERSON"
    PATTERNS = [
        Pattern("quoted_reviewer",
                r"\b(?:reviews?|reviewer|rating|comment(?:er)?|(?:\d|one|two|three|four|five)[ \t-]*(?:stars?|⭐+|★+)|⭐+|★+)"
                r"[ \t]+(?:(?:left[ \t]+)?(?:from|by)[ \t]+)?[\"“‘'](?P<v>" + _DISPLAY_NAME + r")[\"”’'](?![\w])", 0.9),
    ]
    FLAGS = re.IGNORECASE

    def invalidate_result(self, pattern_text: str, text: str, start: int, end: int) -> bool:
        words = [w for w in re.split(r"[ \t]+", pattern_text) if w not in ("&", "and")]
        initialled = any(len(w.strip(".")) == 1 for w in words[1:])  # "summer w", "Ezra B"
        # (a quoted phrase of the review itself is no name: "'lost her paperwork'")
        return not words or (not initialled and not words[0][:1].isupper()
                             and words[0].casefold().strip(".") in self.common_words)
