"""Health plan beneficiary, member, policy and group numbers."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern

from checks.phi.recognizers.base import SpanPatternRecognizer


class HealthPlanRecognizer(SpanPatternRecognizer):
    """"member ID XJH123456789", "Medicaid number 1234567", "policy # 99-123"."""

    ENTITY = "HEALTH_PLAN_ID"
    PATTERNS = [Pattern(
        "health_plan",
        r"\b(?:member[ \t]+(?:id|number|no\.?|#)|subscriber[ \t]+(?:id|number|no\.?|#)|"
        r"(?:insurance|health[ \t]+plan|plan|policy|group|beneficiary|medicaid|medicare|benefits?)"
        r"(?:[ \t]+(?:id|number|no\.?|num|#))+)[ \t]*(?:is|was|:|#|=)?[ \t:#]*"
        r"(?P<v>[A-Z]{0,4}[-]?\d[A-Z\d-]{3,18})\b",
        0.9)]
    CONTEXT = ["insurance", "member", "policy", "medicaid", "medicare"]
    FLAGS = re.IGNORECASE
