"""Medical record and chart numbers, recognised by their context words."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern

from checks.phi.recognizers.base import SpanPatternRecognizer


class MedicalRecordRecognizer(SpanPatternRecognizer):
    """"MRN 00482913", "medical record #: A-55120", "chart no. 7781"."""

    ENTITY = "MRN"
    PATTERNS = [Pattern(
        "mrn",
        r"\b(?:mrn|medical[ \t]+record(?:[ \t]+(?:number|no\.?|num|#))?|chart(?:[ \t]+(?:number|no\.?|num|#))|"
        r"patient[ \t]+(?:id|number|no\.?|#)|record[ \t]+(?:number|no\.?|#))[ \t]*(?:is|was|:|#|=)?[ \t:#]*"
        r"(?P<v>[A-Z]{0,4}[-]?\d[\d-]{3,15}[A-Z]?)\b",
        0.9)]
    CONTEXT = ["mrn", "medical record", "chart"]
    FLAGS = re.IGNORECASE
