"""Social-media handles (@name) identify a person as surely as the name."""
from __future__ import annotations

from presidio_analyzer import Pattern

from checks.phi.recognizers.base import SpanPatternRecognizer


class HandleRecognizer(SpanPatternRecognizer):
    """@handles on Instagram, X, TikTok and the like, reported as HANDLE (a Safe Harbor
    "other unique identifier"): PHI when it points at a patient, which the role
    and context decide, not when it is the practice's own (`practice.handles`)."""

    ENTITY = "HANDLE"
    PATTERNS = [Pattern("handle", r"(?<![\w@.])(?P<v>@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@])", 0.9),
                # a username typed without its @: letters joined by an underscore ("tagging jjohnson_22"); no
                # English word has one (file names, addresses and tags are left out)
                Pattern("bare_handle", r"(?<![\w@#./:\-{\[<%$])(?P<v>[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9])(?![\w@]|\.\w)",
                        0.6)]
    CONTEXT = ["follow", "tag", "dm", "shoutout"]

    def invalidate_result(self, pattern_text: str, text: str, start: int, end: int) -> bool:
        return pattern_text[1:].isdigit()  # "@5" is a price or a time, not a handle
