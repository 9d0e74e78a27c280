"""Dates that are elements of a person's timeline: day-month(-year), month-
year, numeric dates and timestamps.

spaCy tags "this month", "8+ years", "the 60s", weekdays and house numbers as
DATE; Presidio's date regexes fire on ZIP codes. Safe Harbor allows the year
alone, so a bare year, a weekday or a relative phrase is not reported."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern

from checks.phi.recognizers.base import SpanPatternRecognizer

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_TIME = r"(?:[ T,]+(?:at[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[ap]\.?m\.?)?)?"


class CalendarDateRecognizer(SpanPatternRecognizer):
    """Full or partial calendar dates, never a bare year or weekday."""

    ENTITY = "DATE"
    PATTERNS = [
        Pattern("iso", rf"\b{_YEAR}-(?:0?[1-9]|1[0-2])-(?:[12]\d|3[01]|0?[1-9]){_TIME}\b", 0.9),
        Pattern("numeric", r"(?<![\d/.-])(?:[12]\d|3[01]|0?[1-9])[/.-](?:[12]\d|3[01]|0?[1-9])[/.-]"
                           rf"(?:{_YEAR}|\d\d)(?![\d/-]|\.\d){_TIME}", 0.85),
        Pattern("day_month", rf"\b(?:the[ \t]+)?{_DAY}(?:[ \t]+of)?[ \t]+{_MONTH}\.?(?:,?[ \t]+{_YEAR})?\b{_TIME}", 0.85),
        Pattern("month_day", rf"\b{_MONTH}\.?[ \t]+(?:the[ \t]+)?{_DAY}\b(?!:)(?:,?[ \t]+{_YEAR}\b)?{_TIME}", 0.85),
        Pattern("month_year", rf"\b{_MONTH}\.?,?[ \t]+(?:of[ \t]+)?{_YEAR}\b", 0.7),
    ]
    CONTEXT = ["born", "birthday", "dob", "date", "admitted", "discharged"]
    FLAGS = re.IGNORECASE

    def invalidate_result(self, pattern_text: str, text: str, start: int, end: int) -> bool:
        numbers = re.match(r"(\d{1,2})[/.-](\d{1,2})[/.-]", pattern_text)
        if numbers and min(int(numbers.group(1)), int(numbers.group(2))) > 12:
            return True  # no month in either place: "the 20-20-20 rule"
        # "may" and "march" are also words: require the month to be capitalised in mixed text
        m = re.search(_MONTH, pattern_text, re.IGNORECASE)
        if m and m.group(0).casefold() in ("may", "march", "mar", "jan", "sun", "dec") and \
                not m.group(0)[0].isupper() and not text.islower():
            return True
        return False
