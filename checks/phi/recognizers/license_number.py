"""Certificate and licence numbers (driver's licence, professional licence)."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern

from checks.phi.recognizers.base import SpanPatternRecognizer


class LicenseNumberRecognizer(SpanPatternRecognizer):
    """"driver's license number is 2270-66-1551", "DL# D1234567"."""

    ENTITY = "LICENSE_ID"
    PATTERNS = [Pattern(
        "license",
        r"\b(?:driver'?s?[ \t]+licen[cs]e|licen[cs]e|dl|certificate|permit)(?:[ \t]+(?:number|no\.?|num|#|id))?"
        r"[ \t]*(?:is|was|:|#|=)?[ \t:#]*(?P<v>[A-Z]{0,3}[-]?\d[A-Z\d-]{3,16})\b",
        0.85)]
    CONTEXT = ["license", "licence", "dl"]
    FLAGS = re.IGNORECASE
