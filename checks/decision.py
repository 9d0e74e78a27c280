"""One decision after the checks: findings about the same patient are
resolved together, so a consent on file is the normal path to posting.

A consent finding that covers its patient (consent.ok, or consent.expiring
which still covers today) releases that patient's name and the findings
that only say "this is patient content" — testimonial, story or case
details, a photo — when the consent grants the scope they need on every
target platform. They stay in the report as information naming the
consent, so the officer's ordinary approval clears the post. Nothing is
released while any consent finding blocks (someone not covered, a scope,
platform, expiry or withdrawal missing): that finding says what is missing."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from bot.consent.names import name_key
from bot.domain import Finding, Severity
from checks.base import PEOPLE
from checks.content_kind import kind_spans, pasted_review, reviewer_notes
from checks.policy.base import sentence_bounds
from checks.policy.check import MEDIA_RULES
from checks.roles import invented_spans
from checks.subjects import photo_description_spans

# finding code -> the consent scopes any one of which covers it
_STORY = ("story", "case_study")
COVERABLE: dict[str, tuple[str, ...]] = {
    "policy.identifiable_testimonial": ("testimonial",),
    "policy.case_details": _STORY,  # and testimonial, inside the patient's own quoted words
    "policy.patient_disclosure": _STORY,  # likewise
    "policy.patient_communication": _STORY,  # "Thank you, Marcus, for sharing it with us"
    "policy.session_content": _STORY,  # what the patient authorised us to retell
    "policy.before_after": ("photo",),
    "phi.photo": ("photo",),
    "image.face": ("photo",),  # a face in an attached image (bot/pipeline.py, cover_faces)
    # the dates and places of an authorised story ("after a layoff in 2023")
    "phi.date": _STORY, "phi.location": _STORY, "phi.age": _STORY,
}
_IN_THEIR_WORDS = ("policy.patient_disclosure", "policy.case_details", "policy.session_content",
                   "policy.patient_communication")  # "Thank you, Jasmine!" after her words
COVERING_CODES = ("consent.ok", "consent.expiring")


def decide(text: str, findings: list[Finding]) -> list[Finding]:
    findings = _not_posted(text, findings)
    return _stated_written_permission(text, _made_up_case(text, _anonymous_testimonial(text, _consented(text, findings))))


# what a note says the picture or video shows is a fact about the post: "note for review: I recorded this with
# Jordan's login, so the caseload list pops up at 1:42"
_MEDIA_CODES = tuple(f"policy.{name}" for name in MEDIA_RULES)


def _not_posted(text: str, findings: list[Finding]) -> list[Finding]:
    """The review pasted above a draft reply is already public and is not posted again, and a note to
    the reviewer is not posted at all: what is found inside them is information. A consent finding
    about a registered patient a note names still stands ("[note: reusing the Derek quote]": his
    withdrawal), and so does what a note says the picture shows."""
    review = pasted_review(text)
    spans = [(review, False, "in the review being answered, not in the reply")] if review else []
    spans += [(n, True, "in a note to the reviewer, which is not posted") for n in reviewer_notes(text)]
    out = []
    for f in findings:
        where = next(((note, why) for (a, b), note, why in spans
                      if f.start is not None and a <= f.start and f.end <= b), None)
        stands = f.code in _MEDIA_CODES or (f.check == "consent" and f.code != "consent.unknown_person")
        if where and f.severity != Severity.INFO and not (where[0] and stands):
            f = replace(f, severity=Severity.INFO, message=f"{f.message}; {where[1]}")
        out.append(f)
    return out


# a written authorization said to be on file; "she said we could share" is no such thing
_WRITTEN_PERMISSION = re.compile(r"\b(?:written|signed)\b[^.!?\n]{0,30}\b(?:permission|consent|authori[sz]ation|release)\b"
                                 r"|\b(?:authori[sz]ation|release|consent form)\b[^.!?\n]{0,20}\bon file\b"
                                 # in Spanish: "con la autorización por escrito de nuestra clienta", "autorización firmada"
                                 r"|\b(?:autorizaci[oó]n|permiso|consentimiento)\s+(?:por escrito|escrit[oa]|firmad[oa])\b",
                                 re.IGNORECASE)


_WHOLE_POST = re.compile(r"\b(?:for|in|of|to feature|to share) (?:this|the|our|her|his|their) (?:video|post|story|spotlight|"
                         r"feature|series|photos?|reel|blog|article|interview)\b|\beverything (?:you see )?(?:here|in this)\b"
                         # the posting itself is what was authorised: "This video is posted with Mark's signed ..."
                         r"|\bthis (?:video|post|story|spotlight|feature|reel|article|interview) is (?:being )?"
                         r"(?:posted|shared|published)\b"
                         r"|\b(?:posted|shared|published|reposted|featured) with (?:her|his|their|[\w'’]+['’]s) (?:full |signed |"
                         r"written |hipaa |and |, )*(?:permission|consent|authori[sz]ation)\b"
                         r"|\b(?:allowing|allows|allowed|permitting|letting) us to (?:share|post|publish|use|feature) "
                         r"(?:it|this|them|the video|the story)\b"
                         # "signed our written photo & story release so we could celebrate her with all of you today"
                         r"|\bso (?:that )?we (?:could|can|may|might) (?:share|post|publish|feature|celebrate|tell)\b"
                         # "to share her name, photo, and this story", "sharing Coach Tamara's comeback story"
                         r"|\bshar(?:e|ing)\b[^.!?\n]{0,50}\b(?:story|photos?|pics?|journey|name)\b", re.IGNORECASE)
# a sentence that opens with the posting: "Shared with Maria's signed written authorization (on file)."
_POSTED_WITH = re.compile(r"\W*(?:posted|shared|published|reposted|featured|sharing|posting|reposting|publicado|"
                          r"compartido|publicamos|compartimos"
                          # or with the permission itself: "With his family's written permission, we are SO excited ..."
                          r"|with(?=\s+(?:[\w'’]+\s+){0,3}(?:signed|written)\b))\b", re.IGNORECASE)
# the posting said to be done with it, anywhere before the permission: "12 weeks on our acne protocol ✨ Shared with this
# patient's signed written authorization"
_SHARED_WITH = re.compile(r"\b(?:posted|shared|published|reposted|featured|publicado|compartido) (?:with|con)\b", re.IGNORECASE)
# someone else's care beside the one who gave permission
_SOMEONE_ELSE = re.compile(r"\b(?:another|other) (?:patient|client)s?\b|\bour \d{1,2}(?::\d\d)?\b", re.IGNORECASE)
_BEFORE_AFTER = re.compile(r"\bbefore\b\W{1,8}(?:and\W+|&\W*|vs\.?\W+|to\W+)?after\b", re.IGNORECASE)

# what a written authorization would release: the patient content a consent covers, and the
# patient's name with the registry's "not on file"
_AUTHORISABLE = (*COVERABLE, "phi.person", "phi.handle", "phi.age_over_89", "consent.unknown_person")
_PICTURE_CODES = ("phi.photo", "policy.before_after", "image.face")


def _stated_written_permission(text: str, findings: list[Finding]) -> list[Finding]:
    """A patient's words or picture posted "with her signed written authorization" or "shared
    with written permission from the Patel family", where the registry holds no consent to
    check it against: the officer confirms that authorization and records it (warn) instead of
    the draft blocking. What it releases: the quoted words with their introduction and
    attribution, the sentences that state the permission, the names found in them, and the
    pictures. Anything else that blocks (a consent on file that says otherwise, another
    patient's care told beside it) keeps the draft blocked, findings unchanged."""
    if not _WRITTEN_PERMISSION.search(text):
        return findings
    spans = [(_introduced_from(text, a), _attributed_to(text, b))
             for a, b in kind_spans(text, "testimonial") + kind_spans(text, "quote")]
    spans += [sentence_bounds(text, m.start()) for m in _WRITTEN_PERMISSION.finditer(text)]
    # a before-and-after's own caption ("BEFORE ➡️ AFTER ✨ 4 sessions of our laser on acne scarring")
    spans += [sentence_bounds(text, m.start()) for m in _BEFORE_AFTER.finditer(text)]
    names = {w for f in findings if f.entity in PEOPLE and f.start is not None
             and any(a <= f.start < b for a, b in spans) for w in _name_words(text[f.start:f.end])}
    # a permission for the whole post ("signed a written HIPAA authorization for this video") covers
    # all of it, while the one who gave it is the only person in it
    # (with no one named, the permission covers the one patient the post is about: "Posted with our patient's signed
    # written authorization" under an anonymous before/after)
    # (the one who gave it may be named in full elsewhere: "Tom signed ..." covers "Tom Hendricks", "Tom's Story")
    whole = any(_WHOLE_POST.search(text, *bounds) or _POSTED_WITH.match(text, *bounds)
                or _SHARED_WITH.search(text, bounds[0], m.end())
                for m in _WRITTEN_PERMISSION.finditer(text) for bounds in [sentence_bounds(text, m.start())]) \
        and not _SOMEONE_ELSE.search(text) \
        and all(_name_words(text[f.start:f.end]) & names for f in findings
                if f.entity in PEOPLE and f.start is not None and f.severity == Severity.BLOCK)

    def released(f: Finding) -> bool:
        if f.code in _PICTURE_CODES or whole:
            return True
        if f.start is None:
            return False
        words = _name_words(text[f.start:f.end])
        if f.entity in PEOPLE and words and words <= names:
            return True
        return any(a <= f.start < b for a, b in spans)

    out = [replace(f, severity=Severity.WARN, message=f"{f.message}; the draft says a signed authorization "
                                                      "is on file: confirm it and record it in the registry")
           if f.severity == Severity.BLOCK and f.code in _AUTHORISABLE and released(f) else f for f in findings]
    return findings if any(f.severity == Severity.BLOCK for f in out) else out


def _name_words(name: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W\d_]{2,}", name)}


# what a case told in a post blocks on; in a case the draft says is made up it is nobody's
_CASE_CODES = ("policy.case_details", "policy.session_content", "policy.patient_disclosure")


def _made_up_case(text: str, findings: list[Finding]) -> list[Finding]:
    """A draft that says its case is hypothetical or a composite ("not a real person", "a
    client we'll call Sam") tells nobody's care: its case findings warn, so the officer
    confirms the case really is invented. Names and other identifiers keep their own verdict."""
    names = [(f.start, f.end) for f in findings if f.check == "phi" and f.entity == "PERSON" and f.start is not None]
    made_up = invented_spans(text, names)
    inside = lambda f: f.start is None or any(a <= f.start < b for a, b in made_up)  # noqa: E731
    return [replace(f, severity=Severity.WARN, message=f"{f.message}; the draft says its case is made up")
            if f.code in _CASE_CODES and f.severity == Severity.BLOCK and inside(f) else f
            for f in findings] if made_up else findings


def _anonymous_testimonial(text: str, findings: list[Finding]) -> list[Finding]:
    """A testimonial that identifies nobody is not PHI: a patient's own words about their care
    inside it are the officer's to confirm against the authorization (consent.reference_missing
    warns), not a disclosure to stop. Anything else that blocks keeps the draft blocked."""
    anonymous = any(f.code == "consent.reference_missing" and f.severity == Severity.WARN for f in findings)
    if not anonymous or any(f.severity == Severity.BLOCK and f.check in ("phi", "consent") for f in findings):
        return findings
    # the patient's words, with the sentence or line that introduces them ("One of our clients
    # shared: “...”", "one of our clients wrote this and said we could share it\n\n“...”")
    words = [(_introduced_from(text, a), _attributed_to(text, b))
             for a, b in kind_spans(text, "testimonial") + kind_spans(text, "quote")]
    out = []
    for f in findings:
        if (f.code in _IN_THEIR_WORDS and f.severity == Severity.BLOCK and f.start is not None
                and any(t0 < f.end and f.start < t1 for t0, t1 in words)
                and not _SAID_IN_SESSION.search(text, *sentence_bounds(text, f.start))):
            f = replace(f, severity=Severity.WARN, message=f"{f.message}; inside an anonymous testimonial")
        out.append(f)
    return out


# words said in a session, not given as a testimonial: "A client of mine said something in our session last Thursday"
_SAID_IN_SESSION = re.compile(r"\b(?:in|during)\s+(?:our|my|a|the|today['’]s|yesterday['’]s|last|this)\s+(?:\w+\s+)?session\b"
                              r"|\bin\s+session\b", re.IGNORECASE)


# the line that says whose words they were: "” 🌿\n— a Harbor Light client", "” (a Harbor Light client)"
_ATTRIBUTION = re.compile(r"[^\w\n(]*\n?[ \t]*(?:[—–~-][^\n]*|\([^()\n]{0,60}\))")


def _attributed_to(text: str, end: int) -> int:
    """Where a quotation's attribution ends, when one follows it (else ``end``)."""
    m = _ATTRIBUTION.match(text, end)
    return m.end() if m else end


def _introduced_from(text: str, start: int) -> int:
    """Where the words introducing a quotation begin: its own sentence, or the one before it
    when the quotation opens a sentence or line of its own."""
    s0 = sentence_bounds(text, start)[0]
    if text[s0:start].strip(" \t\n\"“”'‘’") or s0 == 0:
        return s0
    return sentence_bounds(text, max(0, len(text[:s0].rstrip()) - 1))[0]


def _covering(findings: list[Finding]) -> tuple[list[Finding], str, set[str]] | None:
    """The consent findings that cover their patient, the consent ids and the scopes they all
    grant; None while no consent covers anyone or any consent finding blocks."""
    covering = [f for f in findings if f.code in COVERING_CODES and f.consent]
    if not covering or any(f.check == "consent" and f.severity == Severity.BLOCK for f in findings):
        return None
    ids = ", ".join(sorted({i for f in covering for i in f.consent.split(", ")}))
    return covering, ids, set.intersection(*(set(f.covers) for f in covering))


def cover_faces(caption_findings: list[Finding], faces: list[Finding]) -> list[Finding]:
    """A face in an attached image is a PHOTO identifier, released like ``phi.photo`` is: by
    a photo consent of the patient the caption names (its consent findings decide)."""
    cover = _covering(caption_findings)
    if cover is None or not cover[2].intersection(COVERABLE["image.face"]):
        return faces
    return [replace(f, severity=Severity.INFO, message=f"{f.message}; covered by consent {cover[1]}")
            if f.severity != Severity.INFO else f for f in faces]


def _consented(text: str, findings: list[Finding]) -> list[Finding]:
    cover = _covering(findings)
    if cover is None:
        return findings
    covering, ids, granted = cover
    names = {name_key(text[f.start:f.end]) for f in covering if f.entity in PEOPLE and f.start is not None}
    names.discard("")
    out = []
    for f in findings:
        if f.severity != Severity.INFO and _covered(text, f, covering, names, granted):
            f = replace(f, severity=Severity.INFO, message=f"{f.message}; covered by consent {ids}")
        out.append(f)
    return out


def _covered(text: str, f: Finding, covering: list[Finding], names: set[str], granted: set[str]) -> bool:
    if f.check == "phi" and f.start is not None:
        overlaps = any(c.start is not None and c.start < f.end and f.start < c.end for c in covering)
        # "Jasmine" later in a post about "Jasmine Ortiz"; "Jasmines" where the apostrophe was dropped
        words = name_key(text[f.start:f.end]).split()
        if overlaps or (bool(words) and any(all(_same_word(w, n.split()) for w in words) for n in names)):
            return True
    needs = COVERABLE.get(f.code)
    if needs is not None and granted.intersection(needs):
        return True
    # "[photo: Jasmine Ortiz at her kitchen table]": what her photo consent lets us show
    if f.code in _IN_THEIR_WORDS and "photo" in granted and f.start is not None \
            and any(d0 - 12 <= f.start and f.end <= d1 + 2 and any(n in name_key(text[d0:d1]) for n in names)
                    for d0, d1 in _photo_descriptions(text)):
        return True
    # "Client spotlight: Rosa says ..." tells about her care in her own words: her testimonial
    # consent covers that sentence and the one that introduces her words, but not a story told
    # about her ("Jasmine just finished treatment")
    return (f.code in _IN_THEIR_WORDS and granted.intersection(("testimonial", "quote")) and f.start is not None
            and any(t0 < f.end and f.start < t1 for t0, t1 in _their_words(text, names)))


# a testimonial passage in which the patient speaks, rather than one told about them
# ("our client Jasmine who just finished treatment" is her story, not her words)
_SPOKEN = re.compile(r"[\"“”]|\b(?:says?|said|shares?|shared|writes?|wrote|told us|tells us|"
                     r"in (?:her|his|their) (?:own )?words)\b", re.IGNORECASE)


@lru_cache(maxsize=64)
def _photo_descriptions(text: str) -> tuple[tuple[int, int], ...]:
    """Where the draft says what its photo shows, read once per draft (asked for each finding)."""
    return tuple(photo_description_spans(text))


def _heading(line: str) -> bool:
    """A short title line with no sentence mark ("Client voices 💬", "Client words we'll never get tired of
    hearing 🧡") introduces the quote."""
    return "\n" not in line.strip() and not re.search(r"[.!?]\s*$", line) and len(re.findall(r"[^\W_]+", line)) <= 12


def _same_word(word: str, name: list[str]) -> bool:
    return word in name or (len(word) > 3 and word.endswith("s") and word[:-1] in name)


def _their_words(text: str, names: set[str]) -> list[tuple[int, int]]:
    """The testimonial and quoted passages of the draft, each with the sentence before a
    quote when that sentence names the covered patient ("We asked Jasmine Ortiz what she'd
    tell someone nervous ... Her answer: “Just go.”")."""
    spans = [t for t in kind_spans(text, "testimonial") if _SPOKEN.search(text, *t)]
    for q0, q1 in kind_spans(text, "quote"):
        s0 = sentence_bounds(text, q0)[0]
        spans.append((s0, q1))
        end = len(text[:s0].rstrip()) - 1  # the previous sentence's closing mark
        if end > 0:
            before = sentence_bounds(text, end - 1)[0]
            intro = text[before:end + 1]
            if any(n in name_key(intro) for n in names) or _heading(intro):
                spans.append((before, s0))
        # the sentence after the quote, when it names the patient: "Thank you, Jasmine, for sharing your words"
        nxt = q1 + re.match(r"[^\w@#]*", text[q1:]).end()  # (past the emoji after it: "” 🌿\n\nThank you, ...")
        if nxt < len(text):
            n0, n1 = sentence_bounds(text, nxt)
            following = text[nxt:n1]
            if any(n.split()[0] in name_key(following).split() for n in names if n):
                spans.append((nxt, n1))
                # and what the thank-you goes on to tell them in the same paragraph: "We're so honored you trusted us."
                while n1 < len(text) and "\n\n" not in text[n1:n1 + 3]:
                    m0 = n1 + re.match(r"[^\w\n\"“]*\n?[^\w\n\"“]*", text[n1:]).end()
                    if m0 >= len(text):
                        break
                    m0, m1 = sentence_bounds(text, m0)
                    if m1 <= n1 or not _SPOKEN_TO.search(text, m0, m1):
                        break
                    spans.append((m0, m1))
                    n1 = m1
    return spans


_SPOKEN_TO = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)
