"""Account and card numbers named as such ("my card 4131 0342 8245", "acct #
558210"): the Luhn check of Presidio's card recognizer misses mistyped or
partial numbers that still identify an account."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern

from checks.phi.recognizers.base import SpanPatternRecognizer


class AccountNumberRecognizer(SpanPatternRecognizer):
    """Numbers after account / card / billing cue words."""

    ENTITY = "ACCOUNT_ID"
    PATTERNS = [Pattern(
        "account",
        r"\b(?:account|acct|a/c|card|cc|iban|routing|billing|invoice|customer|client[ \t]+(?:id|number))"
        r"(?:[ \t]+(?:number|no\.?|num|#|id))?[ \t]*(?:is|was|:|#|=|ending(?:[ \t]+in)?)?[ \t:#]*"
        r"(?P<v>\d(?:[\d \-]{4,24}\d))(?![\d\w])",
        0.85)]
    CONTEXT = ["account", "card", "billing"]
    FLAGS = re.IGNORECASE

    def invalidate_result(self, pattern_text: str, text: str, start: int, end: int) -> bool:
        return len(re.sub(r"\D", "", pattern_text)) < 6
