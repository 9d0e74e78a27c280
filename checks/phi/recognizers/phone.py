"""Phone and fax numbers in the many shapes people type them.

Presidio's phone recognizer only keeps numbers libphonenumber calls valid for a
few regions, so "467 3395" after "Phone:" or "+46 (0)179 459 33" are missed.
Here a number-shaped run is kept when libphonenumber accepts it (US or
international with +/00), or when a phone cue word stands just before it.
A "fax" cue makes it FAX."""
from __future__ import annotations

import re

import phonenumbers
from presidio_analyzer import Pattern

from checks.phi.recognizers.base import SpanPatternRecognizer

_CUE = re.compile(r"(?:phone|tel|telephone|mobile|cell|cellphone|call|text|txt|desk|office|fax|"
                  r"whatsapp|sms|reach (?:me|us|her|him|them)|answering|number|no|registered|"
                  r"contact|dial|messages?|ph|m|t|f)\b[^\w\n]{0,6}(?:(?:is|at|on|me|us|to|her|him|them)\W{1,3}){0,2}$", re.IGNORECASE)
# a label typed after the number ("082 490 1693 office", "930.167.3943-fax")
_TRAILING_CUE = re.compile(r"[ \t]*[-–(]?[ \t]*(?:phone|tel|telephone|mobile|cell|office|work|home|fax|direct|main|"
                           r"desk|landline|whatsapp)\b", re.IGNORECASE)
_DATE_LIKE = re.compile(r"\d{1,4}([/.-])\d{1,2}\1\d{2,4}")


class PhoneNumberRecognizer(SpanPatternRecognizer):
    """Phone numbers (PHONE) and fax numbers (FAX)."""

    ENTITY = "PHONE"
    OTHER_ENTITIES = ["FAX"]
    PATTERNS = [
        Pattern("phone",
                r"(?<![\w+/.-])(?P<v>(?:\+|00)?\(?\d{1,4}\)?(?:[ .\-/]{0,2}\(?\d{1,5}\)?(?:\(0\))?){1,6}"
                r"(?:[ \t]*(?:x|ext\.?|extension)[ \t]*\d{1,5})?)(?![\w/]|-\d|\.\d)",
                0.6),
    ]
    CONTEXT = ["phone", "call", "mobile", "cell", "fax", "tel", "text"]
    FLAGS = re.IGNORECASE

    def invalidate_result(self, pattern_text: str, text: str, start: int, end: int) -> bool:
        digits = re.sub(r"\D", "", re.split(r"(?i)x|ext", pattern_text)[0])
        if not 7 <= len(digits) <= 15:
            return True
        if _DATE_LIKE.fullmatch(pattern_text.strip()) or re.match(r"\d{4}-\d{2}-\d{2}\b", pattern_text) \
                or text[end:end + 1] == ":":
            return True  # a date or the hour of a timestamp
        if re.search(r"\d{12,}", pattern_text) and not pattern_text.startswith(("+", "00")):
            return True  # long unbroken digit runs are card or account numbers
        if re.fullmatch(r"\d{3}-\d{2}-\d{4}", pattern_text):
            return True  # SSN shape
        before = text[max(0, start - 30):start]
        if _CUE.search(before) or (re.search(r"[ .\-()/]", pattern_text) and _TRAILING_CUE.match(text, end)):
            return False
        if not re.search(r"[ .\-()/]", pattern_text) and not pattern_text.startswith("+"):
            return True  # a bare digit run with no phone cue
        return not self._libphonenumber_ok(pattern_text)

    @staticmethod
    def _libphonenumber_ok(value: str) -> bool:
        v = re.split(r"(?i)x|ext", value)[0]
        if v.startswith("00"):
            v = "+" + v[2:]
        try:
            n = phonenumbers.parse(v, None if v.startswith("+") else "US")
        except phonenumbers.NumberParseException:
            return False
        return phonenumbers.is_valid_number(n)

    def entity_for(self, pattern_text: str, text: str, start: int, end: int) -> str:
        before = text[max(0, start - 14):start].casefold()
        return "FAX" if "fax" in before or re.search(r"\bf\W{0,3}$", before) else "PHONE"
