"""What kind of content a draft is: testimonial, quote, story, case study,
photo, video, review reply, e-mail marketing, before-and-after.

Shared by the policy rules and the consent check, which must agree on it.
Phrase lists are data so a practice can tune them."""
from __future__ import annotations

import re

from bot.domain import Draft

KIND_PATTERNS: dict[str, list[str]] = {
    "testimonial": [r"\btestimonial\b", r"\bhere'?s what .{0,40} (?:said|says|shared)\b",
                    r"\b(?:client|patient)s? (?:say|said|says|share[sd]?)\b", r"\breview from\b",
                    r"\b(?:thank you|thanks) .{0,30}for (?:the|your) kind words\b"],
    "quote": [r"[\"“][^\"”]{12,}[\"”]"],
    "story": [r"\bsuccess stor(?:y|ies)\b", r"\b(?:client|patient)'?s? (?:story|journey)\b",
              r"\bstory of\b", r"\bjourney\b"],
    "case_study": [r"\bcase stud(?:y|ies)\b", r"\bcase (?:example|vignette|report)\b"],
    "review_reply": [r"\b(?:your|the) review\b", r"\bthank(?:s| you) for (?:your|the) (?:feedback|review)\b",
                     r"\bsorry (?:to hear|about) your (?:experience|visit)\b"],
    "email_marketing": [r"\bnewsletter\b", r"\bunsubscribe\b", r"\bsubscribers?\b", r"^subject:"],
    "before_after": [r"\bbefore (?:and|&|/) after\b", r"\bbefore[- ]and[- ]after\b"],
}

_COMPILED = {k: [re.compile(p, re.IGNORECASE | re.MULTILINE) for p in v] for k, v in KIND_PATTERNS.items()}


def classify(draft: Draft) -> set[str]:
    """The content kinds this draft is, from its wording and attachments."""
    kinds = {k for k, pats in _COMPILED.items() if any(p.search(draft.text) for p in pats)}
    if draft.has_photo:
        kinds.add("photo")
    if draft.has_video:
        kinds.add("video")
    if "email" in draft.platforms:
        kinds.add("email_marketing")
    return kinds
