"""Who a draft speaks to: an @handle, a greeting or vocative with a name, a
PERSON span from the analysis, or "your DM/comment/question". Rules about
talking to one person in public (4, 7) share it."""
from __future__ import annotations

import re

from checks.base import PEOPLE, Analysis
from checks.disclosure.spans import REDACTED_NAME
from checks.phi.lexicon import census_given_name, english_words, given_names, is_vocabulary
from checks.policy.base import FLAGS, Span
from checks.roles import credential_after, job_title_after

HANDLE = r"(?<![\w@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?"
GREETING_NAME = (r"(?:^|[.!?]\s+)(?:[Hh]i|[Hh]ey|[Dd]ear|[Hh]ello|[Cc]ongrats|[Cc]ongratulations|[Tt]hanks|"
                 r"[Tt]hank you|[Ss]o proud of you|[Gg]ood luck|[Ww]elcome back|[Hh]appy \w+),?\s+(?P<name>[A-Z][a-z]+)\b")
VOCATIVE_NAME = r"(?:^|\n|(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bMx)[.!?]\s+)\s*(?P<name>[A-Z][a-z]+)\s*[,!—–-]\s+(?=\w)"
TRAILING_NAME = r",\s+(?P<name>[A-Z][a-z]+)\s*(?:[!.?:]|$)"
# a family greeted by its name: "Happy holidays to the Lindqvist family!"
FAMILY_GREETED = r"\b(?:[Hh]appy|[Mm]erry)\s+[\w'’]+\s+to\s+the\s+(?P<name>[A-Z][a-z]+)\s+(?:family|fam|crew|household|clan|kids)\b"
REPLY_TO = (r"\b(?:to the (?:\w+ )?(?:mom|mother|dad|father|parent|person|reader|follower|woman|man|teen|friend|one) who "
            r"(?:messaged|asked|wrote|dm'?d|commented|emailed|reached out|posted)|answering your (?:question|comment|dm|message)|your (?:dm|message|comment|question|post|"
            r"story(?!\s+(?:matters|is|deserves|counts|belongs)))|(?:in reply|in response|responding|replying) to "
            r"(?:you|your|@\w+)|to answer your question|re: your)\b")
# Capitalised words that open a post or close a phrase but are not names.
NOT_NAMES = frozenset({
    "Everyone", "Friends", "Folks", "Team", "All", "Parents", "Reminder", "Today", "Tonight", "Note", "Update",
    "Remember", "Yes", "No", "Hello", "Hi", "Hey", "Please", "Also", "Tip", "Fact", "Myth", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Therapists", "Clients", "Guys", "There", "Community",
    "Neighbors", "Caregivers", "Teachers", "Educators", "Colleagues", "Subscribers", "Readers", "Family",
    "Families", "Good", "Happy", "Welcome", "Quick", "Breathe", "Pause", "Question", "Answer", "Important",
    "Students", "Veterans", "Moms", "Dads", "Teens", "Y'all", "Again", "Anyway", "Honestly", "Sometimes",
    "Then", "Now", "Later", "Soon", "First", "Second", "Third", "Finally", "Besides", "However", "Still", "Well",
    "Okay", "Ok", "Sure", "Thanks", "Congrats", "Spring", "Summer", "Fall", "Autumn", "Winter", "Portland",
    "Oregon", "America", "Everybody", "Nope", "Stop", "Listen", "Look", "Wow", "Whew", "Psst", "Reminders",
})


# A PERSON span counts as addressed only in a vocative position ("Jane, ...",
# "..., Jane!", "Hi Jane"), not as a subject or object ("a book by Lori Gottlieb",
# "Burnout is..." which the model sometimes tags as a name).
GREETED = (r"\b(?:hi|hey|dear|hello|thanks|thank you|thx|ty|congrats|congratulations|welcome back|good luck|so proud of you|sorry|"
           r"happy birthday|love you|love ya|miss you|we love you|we miss you|"
           r"happy (?:\d+(?:st|nd|rd|th) |[\w'’-]+ ){0,2}?(?:birthday|bday|anniversary|graduation|retirement|\w+versary))"
           r"(?: (?:so much|too|again|a lot|a ton|back))?[,!]?\s*\Z")
SENTENCE_START = r"[.!?\n]\s*\Z"  # (\Z: with MULTILINE, "$" would also match at an earlier line's end)
COMMA_BEFORE = r",\s*\Z"
VOCATIVE_AFTER = r"^\s*[,!:—–-]"
SENTENCE_END_AFTER = r"^\s*(?:[^\w\s,'’]{1,6}\s*)?(?:[.!?(]|$)"  # (past an emoji: "even for you, Brianna 😅 (3 in a row!!)")
YOU_AFTER = r"\s*,\s*(?:you|your|u|ur)\b"  # the sentence turns to them: "before we close Friday Sam, ur lisinopril ..."


# a signature after the last sentence, on its own line or not: "... 555-0134. — Anand Acupuncture, Henderson"
_SIGNATURE_BEFORE = re.compile(r"(?:^|[.!?)]\s*)[—–~][^.!?\n]*$", re.MULTILINE)


class Addressees:
    def __init__(self) -> None:
        self.handle = re.compile(HANDLE)
        self.named = [re.compile(GREETING_NAME, re.MULTILINE), re.compile(VOCATIVE_NAME),
                      re.compile(TRAILING_NAME, re.MULTILINE), re.compile(FAMILY_GREETED)]
        self.reply_to = re.compile(REPLY_TO, FLAGS)
        self.greeted, self.sentence_start, self.comma_before, self.vocative_after, self.end_after, self.you_after = (
            re.compile(p, FLAGS) for p in (GREETED, SENTENCE_START, COMMA_BEFORE, VOCATIVE_AFTER, SENTENCE_END_AFTER,
                                           YOU_AFTER))

    def _vocative(self, text: str, start: int, end: int) -> bool:
        """"Hi Jane", "Jane, ...", "..., Jane!" (not "Burnout is..." or "a book by Lori Gottlieb")."""
        before, after = text[max(0, start - 30):start], text[end:end + 3]
        opens = self.sentence_start.search(before) or not text[:start].strip()
        if credential_after(text, end) or job_title_after(text, end):
            return False  # "Dr. Nadia Farrow, MD, and ...", "Tamsin Hale, Practice Manager": introduced, not spoken to
        return bool(self.greeted.search(before)
                    or (opens and self.vocative_after.search(after))
                    or (self.comma_before.search(before) and self.end_after.search(after))
                    or self.you_after.match(text, end, end + 8))

    def find(self, text: str, analysis: Analysis) -> list[Span]:
        people = [(e.start, e.end) for e in analysis.of_type(*PEOPLE)]
        places = [(e.start, e.end) for e in analysis.of_type("LOCATION")]  # "Clearview Eye Care, Salem:" is a town
        # the practice's own handle is nobody addressed ("follow for more @harborlightcounseling")
        spans = [(m.start(), m.end()) for m in self.handle.finditer(text)
                 if not any(s < m.end() and m.start() < e for s, e in analysis.own)]
        for p in self.named:
            # a capitalised word in a greeting's place is a name only when the analysis or the
            # given-name list says so ("Anxiety, depression and burnout are...", "her greyhound, Biscuit")
            spans += [(m.start("name"), m.end("name")) for m in p.finditer(text)
                      if m.group("name") not in NOT_NAMES
                      and not any(s < m.end("name") and m.start("name") < e for s, e in places)
                      and (_given_name(m.group("name"))
                           or any(s < m.end("name") and m.start("name") < e for s, e in people))]
        spans += [(m.start(), m.end()) for m in self.reply_to.finditer(text)]
        spans += [(e.start, e.end) for e in analysis.of_type(*PEOPLE) if self._vocative(text, e.start, e.end)]
        # a name already redacted still stands for the one spoken to ("[NAME], we'd love to make this right")
        spans += [m.span() for m in REDACTED_NAME.finditer(text) if self._vocative(text, *m.span())]
        # a name on a signature line ("— Anand Acupuncture & Wellness, Henderson") is nobody addressed
        return sorted(sp for sp in spans
                      if not _SIGNATURE_BEFORE.search(text, text.rfind("\n", 0, sp[0]) + 1, sp[0]))

    def maybe_patients(self, draft, analysis: Analysis) -> list[Span]:
        """Those addressed who may be patients: a colleague, a public figure or an organisation
        addressed by name ("We're so proud of you, Jordan", "Thank you, Dr. Okafor, for
        co-presenting", "Kristin Neff: Dr. Chen's favourite") is not, nor is a made-up client."""
        from checks.reading import reading_of  # the reading itself asks who is addressed
        from checks.roles import Role
        reading = reading_of(draft, analysis)
        known = [(e.start, e.end) for e, role in reading.people(analysis)
                 if role in (Role.STAFF, Role.PUBLIC, Role.ORGANISATION, Role.INVENTED)]
        text = draft.text
        staff_words = _staff_words(text, reading, analysis)
        return [w for w in self.find(text, analysis) if not any(k0 < w[1] and w[0] < k1 for k0, k1 in known)
                and not reading.is_colleague(text[w[0]:w[1]])
                and not _titled_colleague(text[w[0]:w[1]], staff_words)
                and not (self.reply_to.fullmatch(text, *w) and speaks_to_colleague(text, w, staff_words))]


def _given_name(word: str) -> bool:
    """A given name by the lists; an English word only when the census knows it as one ("Hope", "Grace"; not
    "Free, all families welcome!")."""
    low = word.casefold()
    return low in given_names() and (census_given_name(low) or not is_vocabulary(low, english_words()))


def colleague_words(draft, analysis: Analysis) -> set[str]:
    """The words of the names the reading takes for colleagues, so the same colleague named again
    by title and surname is known: "Our audiologist Dr. Mei Chen ... Thank you, Dr. Chen"."""
    from checks.reading import reading_of
    return _staff_words(draft.text, reading_of(draft, analysis), analysis)


def _staff_words(text: str, reading, analysis: Analysis) -> set[str]:
    from checks.roles import Role
    return {w.casefold() for e, role in reading.people(analysis) if role == Role.STAFF
            for w in re.findall(r"[^\W\d_][\w'’-]+", text[e.start:e.end])}


def _titled_colleague(name: str, staff_words: set[str]) -> bool:
    """ "Dr. Chen" when the draft has named Dr. Mei Chen a colleague."""
    m = re.fullmatch(r"\s*(?:dr|doctor|dra)\.?\s+([^\W\d_][\w'’-]+)\s*", name, re.IGNORECASE)
    return bool(m) and m.group(1).casefold() in staff_words


def speaks_to_colleague(text: str, span: Span, staff_words: set[str]) -> bool:
    """ "Thank you for sharing your story, Dr. Chen": the "your" of the sentence is the colleague it names."""
    start = max(text.rfind(c, 0, span[0]) for c in ".!?\n") + 1
    end = re.compile(r"(?<!\bdr)(?<!\bdra)[.!?\n]", re.IGNORECASE).search(text, span[1])
    sentence = text[start:end.start() if end else len(text)]
    return any(_titled_colleague(m.group(), staff_words)
               for m in re.finditer(r"\b(?:dr|doctor|dra)\.?\s+[^\W\d_][\w'’-]+", sentence, re.IGNORECASE))
