"""Rule 2: before-and-after photos or wording.

Guidance (hipaa-social-rules.md, section 3.2): do not post before-and-after
photos of clients. A before/after pairing shows a person's condition and its
treatment; with a face it is PHI, without one it still invites identification.

Pattern (checks.content_kind.before_after_span, shared with the consent
check): a result-only pairing ("transformation Tuesday", "then vs now",
"day 1 vs day 90", "glow up"), or "before and after" / "then and now" near a
picture or result word, or with an image or video attached. "Stretch before
and after a workout" is about time and passes, and so do the writer's or a
colleague's own results ("here's MY before/after, yes that's me, your nurse
injector"): they show their own treatment, told by themselves or the team."""
from __future__ import annotations

import re

from bot.domain import Draft, Severity
from checks.base import Analysis
from checks.content_kind import before_after_span
from checks.policy.base import Rule, Span, sentence_bounds
from checks.reading import reading_of
from checks.subjects import about_practice_thing, stock_or_model_pictured


class BeforeAfter(Rule):
    name = "before_after"
    default_severity = Severity.BLOCK
    message = "the draft presents before-and-after results of a client, which shows their condition and treatment"
    suggestion = ("remove the before/after pairing; describe what the service involves in general terms, "
                  "or use stock or illustrative images that show no real client")

    def find(self, draft: Draft, analysis: Analysis) -> Span | None:
        span = before_after_span(draft.text, draft.has_photo or draft.has_video)
        if span is not None and stock_or_model_pictured(draft.text):
            return None  # "(Model pictured is a stock photo, not one of our clients.)": no client's result
        if span is not None and draft.text[span[0]:span[0] + 1] == "#" and not (draft.has_photo or draft.has_video) \
                and _OFFER.search(draft.text) and not _THEN_AND_NOW.search(draft.text):
            return None  # a "#glowup" tag on an offer with no picture shows nobody's result (a told one does)
        if span is not None and span != (0, 0) and _TEAM_THEN_AND_NOW.search(
                draft.text, *sentence_bounds(draft.text, span[0])) and not _CLIENT.search(draft.text):
            return None  # "(pictured: our original team, then and now)": the team, not a client's result
        if span is not None and span != (0, 0) and _REFUSED_BEFORE.search(draft.text, max(0, span[0] - 40), span[0]):
            return None  # "no before/after photos, no weigh-ins": a pairing refused, nobody's result shown
        if span is not None and span != (0, 0) and _OTHERS_MARKETING_BEFORE.search(draft.text, max(0, span[0] - 50), span[0]):
            return None  # "gym memberships sold with before/after photos are selling shame": others' ads, criticised
        reading = reading_of(draft, analysis)
        if span is not None and span != (0, 0) and reading.is_own_news(span[0]):
            sentence = reading.sentence_at(span[0])
            # the result is the writer's or the colleague's own, not one a colleague gave ("by our NP kayla")
            if sentence is None or _SELF_RESULT.search(draft.text, sentence.start, sentence.end) \
                    or about_practice_thing(draft.text[sentence.start:sentence.end]):
                return None  # (or the practice's own room made over: "office glow up is DONE 🎉")
        return span


_REFUSED_BEFORE = re.compile(r"\b(?:no|never|not|without|don['’]?t|won['’]?t|doesn['’]?t|ban(?:s|ned)?|skip)"
                             r"(?:\s+(?:any|more|post|posts|posting|share|shares|show|shows|use|uses|allow|allows)){0,2}\s+$",
                             re.IGNORECASE)
# someone else's marketing that uses the pairing: "memberships sold with before/after photos", "ads full of"
_OTHERS_MARKETING_BEFORE = re.compile(r"\b(?:sold|marketed|advertised|sell(?:s|ing)?|ads?|adverts?|advertising|marketing|"
                                      r"influencers?|brands?|companies|industry)\b[^.!?\n]{0,30}?\b(?:with|using|full of|"
                                      r"that (?:use|show)|showing|of|built on|based on|featuring)\s+(?:their\s+|those\s+|the\s+)?$", re.IGNORECASE)
_TEAM_THEN_AND_NOW = re.compile(r"\b(?:our|the)\s+(?:[\w-]+\s+){0,2}(?:team|staff|crew|founders?|doctors|providers|"
                                r"nurses|building|office|lobby)\b", re.IGNORECASE)
_CLIENT = re.compile(r"\b(?:clients?|patients?|pts?)\b", re.IGNORECASE)
# an offer to book: "20% off HydraFacials thru 5/31 ... link in bio to book!"
_OFFER = re.compile(r"\b\d+\s?%\s?off\b|\$\d+|\blink in (?:bio|profile)\b|\bbook (?:now|online|today|your)\b|\bspecial\b",
                    re.IGNORECASE)
# a result told in words: "before ➡️ after", "january me: ... june me:", "day 1 ... day 30"
_THEN_AND_NOW = re.compile(r"\b(?:before|after|then|now|day\s*\d+|week\s*\d+|\w+ me)\s*[:➡→>-]", re.IGNORECASE)
_SELF_RESULT = re.compile(r"\b(?:I|me|my|mine|myself)\b|(?:['’]s|\bher|\bhis|\btheir) own\b|\bthat'?s (?:me|her|him)\b",
                          re.IGNORECASE)
