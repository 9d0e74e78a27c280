"""ZIP and postal codes named as such ("my zip code is 97201")."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern

from checks.phi.recognizers.base import SpanPatternRecognizer


class ZipCodeRecognizer(SpanPatternRecognizer):
    """A postal code after a zip / postal code cue: a geographic unit below a state."""

    ENTITY = "LOCATION"
    PATTERNS = [Pattern(
        "zip",
        r"\b(?:zip(?:[ \t]*code)?|postal[ \t]+code|post[ \t]*code)[ \t]*(?:is|was|:|#)?[ \t:#]*"
        r"(?P<v>\d{3,5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2})\b",
        0.85)]
    CONTEXT = ["zip", "postal"]
    FLAGS = re.IGNORECASE
