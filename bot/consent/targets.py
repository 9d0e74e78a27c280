"""What a draft says about itself: the platforms it targets (`platform:` lines
and hashtags), the consents it cites (`consent: C-1042`) and the day it is
scheduled to go live. Shared with the
chat adapters, which use ``target_platforms`` to fill ``Draft.platforms``."""
from __future__ import annotations

import re
from datetime import date

from bot.config import PLATFORMS

_ALIASES = {p: p for p in PLATFORMS} | {
    "twitter": "x", "ig": "instagram", "fb": "facebook", "insta": "instagram",
    "blog": "website", "web": "website", "newsletter": "email", "e-mail": "email",
    "google": "google_reviews", "google_review": "google_reviews", "healthgrade": "healthgrades",
    "yelp_review": "yelp", "yelp_reviews": "yelp",
}


def platform_name(word: str) -> str | None:
    """The platform a word names ("blog" is the website, "ig" is instagram), or None."""
    return _ALIASES.get(word.strip(" .#").lower())
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


_MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                           "dec"))}
# one cue or a run of them ("SCHEDULED POST — publish 7/15/2027 9:00am", "[SCHEDULE: Aug 1, 2027 – ...]")
_SCHEDULE_CUE = (r"(?:(?:scheduled(?: post)?(?: to (?:go live|post|publish|go out))?(?: for| on)?|scheduling(?: this(?: one| post)?)? for|goes live|"
                 r"going live|go[- ]live(?: date)?|post(?:ing)? date|posting on|posts on|publish(?:es|ing)?(?: on| date)?|"
                 r"to be (?:posted|published) on|sched(?:ule)?\s*:|"
                 # "pls queue this for 7/15/27", "schedule it for", "post this on", "set to go live on"
                 r"queued?(?: (?:this|it|this one|this post))?(?: up)?(?: to post)? (?:for|on)|"
                 r"schedule (?:this|it|this one|this post) (?:for|on)|post (?:this|it) on|"
                 r"set to (?:post|publish|go live)(?: on)?)[\s:·\-–—]*)+(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?")
_SCHEDULED = re.compile(
    _SCHEDULE_CUE + r"(?:(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<um>\d{1,2})/(?P<ud>\d{1,2})/(?P<uy>\d{2,4})"
    r"|(?P<mn>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<md>\d{1,2})(?:st|nd|rd|th)?"
    r"(?:,?\s+(?P<my>\d{4}))?)", re.IGNORECASE)


def scheduled_date(text: str, today: date) -> date | None:
    """The day a draft says it will be posted ("scheduled for Thu 2027-05-20", "goes live
    8/4/2027", "Scheduling this one for Aug 3, 2027"): a consent must still hold then."""
    for m in _SCHEDULED.finditer(text):
        try:
            if m.group("iy"):
                return date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
            if m.group("uy"):
                year = int(m.group("uy"))
                return date(year + 2000 if year < 100 else year, int(m.group("um")), int(m.group("ud")))
            month, day = _MONTHS[m.group("mn").lower()[:3]], int(m.group("md"))
            if m.group("my"):
                return date(int(m.group("my")), month, day)
            when = date(today.year, month, day)
            return when if when >= today else date(today.year + 1, month, day)
        except ValueError:
            continue  # "2/30/2027": not a day
    return None
