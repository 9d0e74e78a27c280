"""Social-media handles (@name) identify a person as surely as the name."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern

from checks.phi.recognizers.base import SpanPatternRecognizer


# how a web address, a file name or a dotted abbreviation ends: never a username
_NOT_HANDLE_ENDINGS = frozenset(
    "com org net edu gov io co us uk ca au de fr me ly app ai health care clinic info biz tv us pdf jpg jpeg png gif "
    "heic doc docx xls xlsx csv txt mp4 mov zip html htm php js py json".split())


class HandleRecognizer(SpanPatternRecognizer):
    """@handles on Instagram, X, TikTok and the like, reported as HANDLE (a Safe Harbor
    "other unique identifier"): PHI when it points at a patient, which the role
    and context decide, not when it is the practice's own (`practice.handles`)."""

    ENTITY = "HANDLE"
    PATTERNS = [Pattern("handle", r"(?<![\w@.])(?P<v>@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@])", 0.9),
                # a Reddit username: "reply to u/AutumnLeaf_77", "modmail from u/quietfox" (r/ is a community)
                Pattern("reddit_user", r"(?<![\w/])(?P<v>u/[A-Za-z0-9_-]{3,20})(?![\w/])", 0.9),
                # a username typed without its @: letters joined by an underscore ("tagging jjohnson_22"); no
                # English word has one (file names, addresses and tags are left out)
                Pattern("bare_handle", r"(?<![\w@#./:\-{\[<%$])(?P<v>[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9])(?![\w@]|\.\w)",
                        0.6),
                # or joined by dots, in lower case ("thank you jenny.runs.fast for the 5 stars"); web addresses,
                # file names and abbreviations ("e.g.", "a.m.") are left out below
                Pattern("dotted_handle", r"(?<![\w@#./:\-{\[<%$])(?P<v>[a-z][a-z0-9]*(?:\.[a-z0-9]+)+)(?![\w@]|\.\w)", 0.6),
                # or words run together in capitals with a number ("Thank you DrewTheBuilder99")
                Pattern("camel_handle", r"(?<![\w@#./:\-])(?P<v>[A-Z][a-z]+(?:[A-Z][a-z]*){1,4}\d{1,4})(?![\w@])", 0.6)]
    CONTEXT = ["follow", "tag", "dm", "shoutout"]

    def invalidate_result(self, pattern_text: str, text: str, start: int, end: int) -> bool:
        if pattern_text.startswith("@"):
            return pattern_text[1:].isdigit()  # "@5" is a price or a time, not a handle
        if pattern_text[:2].casefold() == "u/":
            return False
        if "." in pattern_text:
            return not is_dotted_handle(pattern_text)
        # (Presidio matches patterns case-blind: the capitals are checked here)
        return "_" not in pattern_text and not _CAMEL_WITH_NUMBER.fullmatch(pattern_text)


_CAMEL_WITH_NUMBER = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]*){1,4}\d{1,4}")


def is_dotted_handle(token: str) -> bool:
    """ "jenny.runs.fast", "tony.v.fit": a lower-case username joined by dots, not a web address
    ("harborpt.com"), a file ("form.pdf") or an abbreviation ("a.m.", "e.g.")."""
    pieces = token.split(".")
    return bool(re.fullmatch(r"[a-z][a-z0-9]*(?:\.[a-z0-9]+)+", token)) and pieces[-1] not in _NOT_HANDLE_ENDINGS \
        and max(len(p) for p in pieces) >= 3 and sum(c.isalpha() for c in token) >= 6 and pieces[0] not in ("www", "mailto")
