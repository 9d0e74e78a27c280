"""What a draft says about itself: the platforms it targets (`platform:` lines
and hashtags) and the consents it cites (`consent: C-1042`). Shared with the
chat adapters, which use ``target_platforms`` to fill ``Draft.platforms``."""
from __future__ import annotations

import re

from bot.config import PLATFORMS

_ALIASES = {p: p for p in PLATFORMS} | {
    "twitter": "x", "ig": "instagram", "fb": "facebook", "insta": "instagram",
    "blog": "website", "web": "website", "newsletter": "email", "e-mail": "email",
    "google": "google_reviews", "google_review": "google_reviews", "healthgrade": "healthgrades",
}
_LINE = re.compile(r"^[ \t]*(?:platforms?|targets?|post to)[ \t]*:[ \t]*(.+)$", re.IGNORECASE | re.MULTILINE)
_HASHTAG = re.compile(r"(?<![\w#])#(" + "|".join(sorted(map(re.escape, PLATFORMS + ("twitter",)), key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)
_REFERENCE = re.compile(r"\bconsent(?:[ \t]*(?:id|ref|reference|no\.?))?[ \t]*[:#][ \t]*([A-Za-z0-9][\w-]{0,39})",
                        re.IGNORECASE)


def target_platforms(text: str) -> tuple[str, ...]:
    """Platforms named by a `platform: instagram, facebook` line or a hashtag
    such as #instagram, in PLATFORMS order; unknown names are ignored."""
    found: set[str] = set()
    for m in _LINE.finditer(text):
        for word in re.split(r"[,;/&]|\band\b|\s+", m.group(1).lower()):
            word = word.strip(" .#")
            if word in _ALIASES:
                found.add(_ALIASES[word])
    for m in _HASHTAG.finditer(text):
        found.add(_ALIASES[m.group(1).lower()])
    return tuple(p for p in PLATFORMS if p in found)


def consent_references(text: str) -> list[tuple[str, int, int]]:
    """Consent ids cited in the draft (`consent: C-1042`), with their spans."""
    return [(m.group(1), m.start(1), m.end(1)) for m in _REFERENCE.finditer(text)]
