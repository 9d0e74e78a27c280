"""Vehicle identifiers: licence plates and VINs."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern

from checks.phi.recognizers.base import SpanPatternRecognizer


class VehicleIdRecognizer(SpanPatternRecognizer):
    """A 17-character VIN, or a plate after "plate"/"tag" cue words."""

    ENTITY = "VEHICLE_ID"
    PATTERNS = [
        Pattern("vin", r"\b(?:vin(?:[ \t]+(?:number|no\.?|#))?[ \t]*[:#]?[ \t]*)(?P<v>[A-HJ-NPR-Z0-9]{17})\b", 0.9),
        Pattern("plate", r"\b(?:licen[cs]e[ \t]+plate|plate(?:[ \t]+(?:number|no\.?|#))?|tag[ \t]+number)"
                         r"[ \t]*(?:is|was|:|#)?[ \t:#]*(?P<v>[A-Z0-9]{1,4}[ \t-]?[A-Z0-9]{2,5})\b", 0.8),
    ]
    CONTEXT = ["vin", "plate"]
    FLAGS = re.IGNORECASE

    def invalidate_result(self, pattern_text: str, text: str, start: int, end: int) -> bool:
        return not any(c.isdigit() for c in pattern_text)
