"""Device identifiers and serial numbers (implants, monitors, phones)."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern

from checks.phi.recognizers.base import SpanPatternRecognizer


class DeviceIdRecognizer(SpanPatternRecognizer):
    """"serial number SN-48213", "IMEI 490154203237518", "device id ab12-99"."""

    ENTITY = "DEVICE_ID"
    PATTERNS = [Pattern(
        "device",
        r"\b(?:serial(?:[ \t]+(?:number|no\.?|#))?|s/n|sn|imei|udi|device[ \t]+(?:id|number|no\.?|#))"
        r"[ \t]*(?:is|was|:|#|=)?[ \t:#]*(?P<v>[A-Z0-9][A-Z0-9-]{4,24})\b",
        0.85)]
    CONTEXT = ["serial", "device", "imei"]
    FLAGS = re.IGNORECASE

    def invalidate_result(self, pattern_text: str, text: str, start: int, end: int) -> bool:
        return sum(c.isdigit() for c in pattern_text) < 3
