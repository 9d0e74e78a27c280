"""Ages over 89: Safe Harbor requires them aggregated into "90 or older"."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern

from checks.phi.recognizers.base import SpanPatternRecognizer

_AGE = r"(?:9\d|1[01]\d|12[0-2])"


class AgeOver89Recognizer(SpanPatternRecognizer):
    """"a 92 year old", "aged 95", "turns 100", "101 y/o"."""

    ENTITY = "AGE_OVER_89"
    PATTERNS = [
        Pattern("age_years", rf"(?<![\d.,$])(?P<v>{_AGE})(?:[ \t-]*(?:years?|yrs?)[ \t-]*old|[ \t-]*y/?o\b|"
                             r"[ \t-]*(?:years?|yrs?)[ \t]+of[ \t]+age|(?:st|nd|rd|th)[ \t]+birthday)", 0.85),
        Pattern("age_cue", rf"\b(?:aged?|turn(?:ed|s|ing)?|age[ \t]+of|is[ \t]+now)[ \t]+(?P<v>{_AGE})\b(?![.,]\d|%)", 0.8),
    ]
    CONTEXT = ["age", "old", "birthday"]
    FLAGS = re.IGNORECASE
