"""The closed vocabularies of a consent: what may be shared (scopes), where
(platforms), and which scope each content kind of a draft needs."""
from __future__ import annotations

from functools import lru_cache

from bot.config import PLATFORMS

SCOPES = ("testimonial", "quote", "story", "case_study", "photo", "video", "name_use", "email_marketing")

# content kind (checks.content_kind.classify) -> consent scope it needs
KIND_SCOPES = {
    "testimonial": "testimonial",
    "quote": "quote",
    "story": "story",
    "case_study": "case_study",
    "photo": "photo",
    "video": "video",
    "before_after": "photo",
}
# An email that features a patient needs the scopes of what it says about them; the
# email_marketing scope is the patient's own agreement to receive marketing email.

# a scope that a broader one also grants: the patient who authorised their story or
# testimonial has authorised quoting their words in it
IMPLIED_BY = {"quote": ("testimonial", "story")}

# kinds that are about a patient even when nobody is named: they need a consent
# reference when anonymous, and anyone named in them must be in the registry
PATIENT_CONTENT = frozenset({"testimonial", "story", "case_study"})

__all__ = ["SCOPES", "PLATFORMS", "KIND_SCOPES", "IMPLIED_BY", "PATIENT_CONTENT", "parse_list"]


def parse_list(raw: str, allowed: tuple[str, ...], what: str) -> list[str]:
    """Split 'a;b' or 'a,b' into known values; ValueError names the unknown one."""
    return list(_parse(raw, allowed, what))


@lru_cache(maxsize=4096)  # imports repeat the same few combinations thousands of times
def _parse(raw: str, allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    items = [p.strip().lower() for p in raw.replace(",", ";").split(";") if p.strip()]
    if not items:
        raise ValueError(f"at least one {what} is required")
    for item in items:
        if item not in allowed:
            raise ValueError(f"unknown {what} {item!r}; expected one of {', '.join(allowed)}")
    return tuple(sorted(set(items), key=allowed.index))
