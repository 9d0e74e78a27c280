"""Rule 3: identifiable testimonials.

Guidance (hipaa-social-rules.md, section 3.3 and case Complete P.T. Pool &
Land Physical Therapy, 2016: $25,000 for testimonials with names and photos):
a testimonial that identifies the patient — a name, initials with detail, a
social handle, a photo — needs a written authorization on file; without it,
it must not be posted. The consent check matches it against the register;
this rule makes sure the officer sees that the post is an identifiable
testimonial at all.

Pattern: testimonial wording (checks.content_kind: a quote about the care
with an attribution, "testimonial", "here's what X said", "client spotlight") plus an identifier: a PERSON span
from the analysis near it, a "First L." or "J.R." attribution, an @handle, a
name with age/town/job, or an image/video attached."""
from __future__ import annotations

import bisect
import re

from spacy.lang.en.stop_words import STOP_WORDS

from bot.domain import Draft, Severity
from checks.base import Analysis
from checks.content_kind import kind_spans
from checks.disclosure.spans import REDACTED_NAME
from checks.phi.lexicon import MONTHS, WEEKDAYS, census_given_name, english_words, given_names
from checks.policy.base import Rule, Span
from checks.policy.indirect_identification import PERSON_ROLES
from checks.reading import reading_of, titled_colleagues
from checks.roles import Role
from checks.subjects import photo_shows_no_one

# A name-like attribution: "— Sarah M.", "- J.R.", "~ Tom, 34", "says Maria", "client Jane".
# (letters beyond ASCII too: "— Lucía R.", "— Zoë K.")
_UP, _LOW = "[A-ZÀ-ÖØ-Þ]", "[a-zß-öø-ÿ]"
_NAME = rf"(?P<name>{_UP}{_LOW}+(?:[ \t]{_UP}{_LOW}*\.?)?|{_UP}\.[ \t]?{_UP}\.?(?:[ \t]?{_UP}\.)?)"
ATTRIBUTION_PATTERNS = [
    r"(?:^|[\"”)\s])[-–—~]\s*" + _NAME + r"(?=[\s,.!]|$)",
    r"\b(?:[Ss]ays|[Ss]aid|[Ww]rites|[Ww]rote|[Ss]hares|[Ss]hared|[Mm]eet|[Tt]hanks?|[Tt]hank you|[Cc]ongrat\w*|[Bb]y|[Ff]rom|[Aa]sked|[Mm]eet)"
    r"\s+(?:to\s+)?(?:our |my )?(?:client |patient )?" + _NAME + r"(?=[\s,.!:]|$)",
    r"\b(?:[Cc]lient|[Pp]atient)[ \t]+" + _NAME + r"\b",
    r",\s+" + _NAME + r"\s*[!.]",
    r"\b(?:[Cc]lient|[Pp]atient)[ \t]+" + _NAME + r"'s\b",
    # initials typed in lower case under a quote: "— r.t., client since 2023"
    r"(?:^|[\"”)\s])[-–—~]\s*(?P<name>(?!e\.g|i\.e|a\.m|p\.m)[a-z]\.[ \t]?[a-z]\.?)(?=[\s,!]|$)",
    # a first name and an initial typed in lower case: "— summer k., riverside"
    r"(?:^|[\"”)\s])[-–—~]\s*(?P<name>[a-z]{2,}[ \t][a-z]\.)(?=[\s,!]|$)",
]
FIRST_LAST_INITIAL = rf"\b(?!Dr\b|Mr\b|Ms\b|Mrs\b){_UP}{_LOW}+ {_UP}\.(?=[\s,;:!)]|$)"
# signed with a job at a named team, school or employer: "— former Blazers dancer, 2025–26 squad"
ROLE_AT_A_NAMED_PLACE = (r"(?:^|[\"”)\s])[-–—~]\s*(?:(?i:a|an|the)\s+)?(?:(?i:former|retired|current|proud)\s+)?"
                         r"[A-Z][\w'’&.-]+(?:\s+[A-Z][\w'’&.-]+){0,3}\s+(?:[a-z][\w-]*\s+)?(?i:" + PERSON_ROLES + r")\b")
INITIALS = r"\b[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?"
# a signer described by a job narrowed by a named place: "— a Ukrainian-born ballet instructor who runs her own studio on
# Hawthorne Blvd"
_DESCRIBED_SIGNER = re.compile(r"(?:^|[\"”)\s])[-–—~][ \t]*(?:a|an|the|our|one)[ \t]+(?:[\w'’-]+[ \t]+){0,4}?(?:"
                               # (the place may be the practice's own named group: "— a parent in our Tuesday group")
                               + PERSON_ROLES + r")\b[^\n]{0,80}?\b(?:at|on|in|from|near|of|for)[ \t]+(?:(?:our|my|the)[ \t]+)?"
                               r"(?-i:[A-Z])",
                               re.MULTILINE | re.IGNORECASE)
# a signer placed in one group of the practice by the day it meets: "— a parent in our Tuesday group"
# (a group named for when it meets narrows it to a few; "— a participant in our Family Recovery Program" does not)
_GROUP_SIGNER = re.compile(r"(?:^|[\"”)\s])[-–—~][ \t]*(?:a|an|one)[ \t]+(?:[\w'’-]+[ \t]+){0,3}?(?:in|from|of)[ \t]+(?:our|the)[ \t]+"
                           r"(?:[\w'’&-]+[ \t]+){0,2}?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:[ \t]+[\w'’&-]+){0,3}?[ \t]+"
                           r"(?:group|class|cohort|circle)s?\b",
                           re.MULTILINE | re.IGNORECASE)
# the speaker's own named workplace: "the year I retired from the Multnomah County Library after 31 years"
_OWN_WORKPLACE = re.compile(r"\b(?:I|I['’]ve|I['’]d)\s+(?:\w+\s+)?(?:retired|worked|taught|served|nursed|coached|worked\s+nights)\s+"
                            r"(?:from|at|for|with|in)\s+(?:the\s+)?(?-i:[A-Z])[\w'’.-]+(?:\s+(?-i:[A-Z])[\w'’.-]+){0,4}",
                            re.IGNORECASE)
# one initial signing, then what narrows it: "— E., Russian-born concert pianist, Lake Oswego"
_ONE_INITIAL_SIGNED = re.compile(r"(?:^|[\"”)\s])[-–—~][ \t]*(?P<initial>[A-Z]\.)[ \t]*,[ \t]*(?P<rest>[^\n]{1,80})", re.MULTILINE)
_NARROWING = re.compile(r"\b(?:" + PERSON_ROLES + r")\b|\d", re.IGNORECASE)
HANDLE = r"(?<![\w@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?"
# "(pictured)", "the Nguyen family": identifying without a first name.
IDENTIFYING = r"\((?:pictured|photo|left|right|above|below)\)|\bpictured (?:here|above|below|left|right)\b|\b[Tt]he [A-Z][a-z]+ (?:family|household|kids)\b"
DETAIL = r"(?:\(\d{1,2}\b(?![,.:]\d)|,\s*\d{1,2}\b(?![,.:]\d)|,\s*(?:age|aged)\s*\d{1,2}|\b\d{1,2}[- ]year[- ]old\b|\b\d{1,2}[ \t]?(?:yo|y/o|yr[- ]old|yrs[- ]old)\b|(?-i:\bfrom (?!(?:Our|The|Your|My|This|That|Their|His|Her|A|An|All|Every|Dr|Mr|Mrs|Ms|Mx)\b)[A-Z][a-z]+)|,\s*(?:a |an )?(?:teacher|nurse|student|mom|dad|veteran|engineer|lawyer|firefighter)\b)"
# Capitalised words after a dash that are not names.
NOT_NAMES = {"The", "A", "An", "Our", "My", "We", "I", "You", "Your", "This", "That", "Client", "Patient",
             "Anonymous", "Former", "Happy", "Grateful", "Parent", "Mom", "Dad", "Teen", "Adult", "Couple",
             "Family", "Link", "Call", "Book", "Learn", "Read", "Visit", "Swipe", "Tap", "Join", "Every", "All",
             "Harbor", "Dr", "Doctor", "Therapist", "Counselor", "Team", "Staff", "Everyone", "Today", "Now",
             "Thank", "Thanks", "Real", "Verified", "Anon", "Name", "Someone", "One", "Another"}
# the rest of a signature that describes, not names: "— Grief| group member", "— Teen| program graduate"
_A_KIND_OF_CLIENT_AFTER = re.compile(r"[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}(?:members?|clients?|patients?|parents?|moms?|dads?|"
                                     r"graduates?|grads?|alum\w*|participants?|veterans?|students?)\b")
WINDOW = 160
# the words between a business's name and its known owner or coach: "Forge| owner Coach |Tamsin Roy"
_TITLED_BY = re.compile(r"(?:[ \t]+(?:[a-z][a-z-]*|Coach|Chef|Dr\.?)){1,3}[ \t]+")


class IdentifiableTestimonial(Rule):
    name = "identifiable_testimonial"
    default_severity = Severity.BLOCK
    message = ("the draft is a patient testimonial that identifies the person (name, initials, handle, "
               "photo or personal details)")
    suggestion = ("post it only with the patient's written authorization for this use and platform on file; "
                  "otherwise remove the name, initials, handle, photo and personal details")

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.attribution = [re.compile(p, re.MULTILINE) for p in ATTRIBUTION_PATTERNS]
        self.initials = re.compile(INITIALS)
        self.first_last = re.compile(FIRST_LAST_INITIAL)
        self.handle = re.compile(HANDLE)
        self.detail = re.compile(DETAIL, re.IGNORECASE)
        self.identifying = re.compile(IDENTIFYING)
        self.role_at_a_place = re.compile(ROLE_AT_A_NAMED_PLACE, re.MULTILINE)

    def _names(self, text: str) -> list[Span]:
        spans = []
        for p in self.attribution:
            for m in p.finditer(text):
                first = m.group("name").split()[0].rstrip(".")
                if first in NOT_NAMES or first.casefold() in MONTHS | WEEKDAYS:  # "Notes — May 2027"
                    continue
                if first.casefold() in STOP_WORDS and first.casefold() not in given_names():
                    continue  # "— a Harbor Light client If sleep has been ...": a sentence goes on, no name
                words = [w.rstrip(".") for w in m.group("name").split()]
                if len(words) > 1 and all(len(w) > 1 and not census_given_name(w) and (
                        w.casefold() in english_words() or w.casefold().removesuffix("s") in english_words())
                        for w in words):
                    continue  # "Website — New Clients page": a page's words, no one's name
                if _A_KIND_OF_CLIENT_AFTER.match(text, m.end("name")):
                    continue  # "— Grief group member, Portland": a kind of client, no name

                spans.append((m.start("name"), m.end("name")))
        return spans

    def find(self, draft: Draft, analysis: Analysis) -> Span | None:
        text = draft.text
        hits = kind_spans(text, "testimonial")
        if not hits:
            return None
        # (a picture the draft says shows no one is no one's likeness: "[photo: watercolor of a lighthouse]")
        media = (draft.has_photo or draft.has_video) and not photo_shows_no_one(text)
        # a public figure's or a colleague's words are no patient's testimonial ("Olympian Michael
        # Phelps saying therapy saved his life"): only people of unknown role identify a patient
        reading = reading_of(draft, analysis)
        known = [(e.start, e.end) for e, role in reading.people(analysis) if role != Role.UNKNOWN]
        staff = [(e.start, e.end) for e, role in reading.people(analysis) if role == Role.STAFF]
        # a colleague by title and family name ("a little personal share from Dr. Chen 🎄 / “I was diagnosed ...”"):
        # known, and near a photo of them, but no cue of their own (a colleague may tell a client's case in quotes)
        titled = titled_colleagues(text, analysis)
        known += titled
        ids: list[Span] = [(e.start, e.end) for e, role in reading.people(analysis) if role == Role.UNKNOWN]
        ids += [(m.start(), m.end()) for m in self.initials.finditer(text)]
        ids += [(m.start(), m.end()) for m in self.first_last.finditer(text)]
        ids += [(m.start(), m.end()) for m in self.handle.finditer(text)]
        ids += self._names(text)
        ids += [(m.start(), m.end()) for m in self.detail.finditer(text)]
        ids += [(m.start(), m.end()) for m in self.identifying.finditer(text)]
        ids += [(m.start(), m.end()) for m in self.role_at_a_place.finditer(text)]
        ids += [(m.start(), m.end()) for m in _DESCRIBED_SIGNER.finditer(text)]
        ids += [(m.start(), m.end()) for m in _GROUP_SIGNER.finditer(text)]
        ids += [(m.start(), m.end()) for m in _OWN_WORKPLACE.finditer(text)
                if not any(m.start() < b and a < m.end() for a, b in analysis.own)]  # (not "I worked with Harbor Light")
        places = [(e.start, e.end) for e in analysis.of_type("LOCATION")]
        ids += [m.span("initial") for m in _ONE_INITIAL_SIGNED.finditer(text)
                if _NARROWING.search(m.group("rest")) or any(m.start("rest") <= a < m.end() for a, _ in places)]
        # a slot the writer will fill with the name ("— [NAME], Springfield"); ClearPost's own rewrite writes [PERSON]
        ids += [(m.start(), m.end()) for m in REDACTED_NAME.finditer(text) if m.group(0).upper() != "[PERSON]"]
        ids = [i for i in ids if not any(k0 < i[1] and i[0] < k1 for k0, k1 in known)  # "— C.S. Lewis"
               and not any(_TITLED_BY.fullmatch(text, i[1], k0) for k0, _ in known if k0 > i[1])  # "says Forge owner Coach Tamsin Roy"
               and not reading.names_colleague(text, *i)]  # "Jordan asked us to share ... Heal fast, Jordan!"
        ids.sort()
        starts = [s for s, _ in ids]
        for h in hits:
            closing = _REST_OF_QUOTE.match(text, h[1])
            signed = _SIGNED_AFTER.match(text, closing.end() if closing else h[1])
            by = signed and (signed.span(1) if signed.group(1) else signed.span(2))
            if by and reading.names_colleague(text, *by):
                continue  # a colleague's own words about their own life: "“My parents came here in 1989 ...” — Jordan"
            # (or the cue itself names a colleague: "A personal note from Jordan Alvarez, LCSW:\n\nI moved to ...")
            intro = _INTRODUCED.search(text, max(0, h[0] - 160), h[0])
            quote = _QUOTE_MARK.search(text, h[0], h[1])
            cue = (h[0], quote.start() if quote else h[1])  # (the cue's own words, not what is quoted or signed)
            # (not one of their clients: "A note from one of Priya's clients:")
            if any((reading.names_colleague(text, a, b) or any(a <= x < b for x, _ in staff))
                   and not _THEIR_CLIENT.search(text, a, b) for a, b in ([intro.span()] if intro else []) + [cue]):
                continue  # "Priya Raman, LPC: “Your first session is ...”": a colleague's own words
            colleague_near = reading.names_colleague(text, max(0, h[0] - WINDOW), h[1] + WINDOW) \
                or any(h[0] - WINDOW <= x < h[1] + WINDOW for x, _ in staff + titled)
            if media and not ((_near(known, h) or colleague_near) and not _near(ids, h)):
                return h  # the picture shows whoever gave it, unless the words are a colleague's own ("Our therapist
                # Jordan Ellis, LCSW, is sharing something personal: “...”"; "our own Priya ... asked us to share")
            # identifiers starting up to WINDOW (+ the longest identifier) before the hit, or WINDOW after it
            i = bisect.bisect_left(starts, h[0] - WINDOW - 200)
            for s, e in ids[i:bisect.bisect_right(starts, h[1] + WINDOW)]:
                if s - WINDOW <= h[1] and e + WINDOW >= h[0]:
                    return min(h[0], s), max(h[1], e)
        return None


# the line that introduces the words below it, ending in a colon: "A personal note from Jordan Alvarez, LCSW:"
_INTRODUCED = re.compile(r"[^\n]{1,140}:[ \t]*\n?\s*$")
_QUOTE_MARK = re.compile(r"[\"“”]")
_THEIR_CLIENT = re.compile(r"\b(?:clients?|patients?|famil(?:y|ies)|parents?|members?|kiddos?)\b", re.IGNORECASE)
_REST_OF_QUOTE = re.compile(r"[^”\"]{0,400}[”\"]")
# who signs the words, on the line after them: "”\n\n— Jordan Alvarez, LCSW"
_SIGNED_AFTER = re.compile(r"(?<=[—–~-])[ \t]*([^\n]{1,80})|[^\w\n]*(?:\n[ \t]*){0,2}[—–~-][ \t]*([^\n]{1,80})")


def _near(spans: list[Span], hit: Span) -> bool:
    return any(s - WINDOW <= hit[1] and e + WINDOW >= hit[0] for s, e in spans)
