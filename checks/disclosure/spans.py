"""The inputs the disclosure model shares between training and checking:
identifier spans from the PHI analysis and context tags of the draft."""
from __future__ import annotations

import re

from bot.config import REVIEW_PLATFORMS
from checks.base import Analysis
from checks.roles import Role, is_staff_first_name

# identifier types the model sees as placeholders (numbers are blocked by the PHI check anyway)
PLACEHOLDER_TYPES = {"PERSON": "person", "DATE": "date", "LOCATION": "place", "PHONE": "phone",
                     "EMAIL": "email", "URL": "url", "AGE_OVER_89": "age", "HANDLE": "person"}


def identifier_spans(analysis: Analysis, roles: tuple[Role, ...] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, placeholder) per identifier; one whose role is known is
    named by its role ("by <public>", "call <hotline>"), so the model learns
    that an author or a help line is not a patient."""
    roles = roles if roles is not None else (Role.UNKNOWN,) * len(analysis.entities)
    return [(e.start, e.end, PLACEHOLDER_TYPES[e.entity_type] if r == Role.UNKNOWN else r.value)
            for e, r in zip(analysis.entities, roles) if e.entity_type in PLACEHOLDER_TYPES]


def colleague_spans(text: str, first_names: frozenset[str],
                    taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Staff first names the analyzer leaves out (they are the practice's own details), as
    <staff> for the model: "We're so proud of you, Jordan" then reads as a colleague's news."""
    if not first_names:
        return []
    out = []
    for m in re.finditer(r"[^\W\d_][\w\-]*", text):
        if is_staff_first_name(m.group(0), first_names) and not any(a < m.end() and m.start() < b for a, b, _ in taken):
            out.append((m.start(), m.end(), Role.STAFF.value))
    return out


REDACTED_NAME = re.compile(r"\[(?:NAME|PERSON|CLIENT|PATIENT|FIRST_NAME|LAST_NAME|FULL_NAME)\]", re.IGNORECASE)


def redacted_name_spans(text: str, taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A name already redacted ("our client [NAME] finished her program") still stands for a
    specific person: the model reads it as <person>, so redacting a name alone cannot turn a
    client's story into a clean post. (No PHI finding: the placeholder identifies no one.)"""
    return [(m.start(), m.end(), PLACEHOLDER_TYPES["PERSON"]) for m in REDACTED_NAME.finditer(text)
            if not any(a < m.end() and m.start() < b for a, b, _ in taken)]


def context_tags(platforms: tuple[str, ...], has_photo: bool) -> tuple[str, ...]:
    """Where the draft goes and whether it has a picture: a reply on a review
    site reads differently from the same words in a newsletter."""
    tags = []
    if any(p in REVIEW_PLATFORMS for p in platforms):
        tags.append("platform:review_site")
    elif len(platforms) == 1:
        tags.append("platform:" + platforms[0])
    if has_photo:
        tags.append("photo")
    return tuple(tags)
