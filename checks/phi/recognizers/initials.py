"""Initials standing in for a name ("J.R. from Portland", "client M.").

Initials plus a place or a story still identify someone in a small town, so
they count as PERSON when a person cue surrounds them."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern

from checks.phi.lexicon import census_given_name, cities, common_surnames, english_words
from checks.phi.recognizers.base import SpanPatternRecognizer
from checks.phi.recognizers.surname_shape import surname_shaped

_NOT_NAMES = {"US", "UK", "EU", "DC", "AM", "PM", "EG", "IE", "OK", "TV", "PS", "AD", "BC", "NB",
              "MD", "RN", "PHD", "MA", "MS", "BA", "BS", "JD", "DR", "MR", "ST", "CEO", "LA", "NY",
              # therapies, programs and care settings ("co-runs teen DBT.", "our ED group")
              "DBT", "CBT", "ACT", "IFS", "OCD", "ABA", "SLP", "OT", "PT", "NP", "PA", "ED", "IOP", "PHP", "ASD",
              "GAD", "MDD", "BPD", "TBI", "SUD", "AA", "NA", "ER", "ICU", "OB", "GP"}


# letter pairs that are things, not a couple: Q&A, R&D, B&B, A&W, P&L, H&M, S&P, B&W, T&C
_PAIRS_NOT_NAMES = {"QA", "RD", "BB", "AW", "PL", "HM", "SP", "BW", "TC", "AE", "PT", "OT", "ER", "AM", "PM"}


class InitialsRecognizer(SpanPatternRecognizer):
    """Two or three initials next to a person cue."""

    ENTITY = "PERSON"
    PATTERNS = [
        Pattern("initials_then_cue",
                r"(?<![\w.])(?P<v>[A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?)(?=[ \t]*(?:,[ \t]*)?(?:from|of|who|is|was|has|had|said|says|shared|told|started|finished|came|began|graduated|completed|"
                r"got|went|walked|ran|drove|made|wants|wanted|forgot|asked|asks|needs|needed|called|texted|emailed|"
                r"missed|cancell?ed|left|brought|just|finally|officially|hit|hits|reached|celebrated|celebrates|turned|turns|earned|"
                r"passed|joined|showed|wrote|writes|can|could|will|would|['’]s\b|(?:and|&)[ \t]+[A-Z]\.[ \t]?[A-Z]\.|\(|\d{1,2}\b))",
                0.9),
        Pattern("cue_then_initials",
                r"\b(?:proud of (?:you|u)|congrats|congratulations|thank you|thanks|go|with|client|patient|[Pp]t\.?|member|participant|friend|son|daughter|teen|resident|named|called|"
                r"initials)[ \t]+(?P<v>[A-Z]\.?(?:[ \t]?[A-Z]\.?){0,2})(?![\w])",
                0.9),
        # a greeting or a cheer to someone by dotted initials: "Hi J.R., we hear you", "congrats to T.J. on ..."
        Pattern("greeted_initials",
                r"\b(?:(?:[Cc]ongrats|[Cc]ongratulations|[Tt]hanks|[Tt]hank you|[Ss]hout-?out|[Kk]udos) to|[Hh]i|[Hh]ey|[Hh]ello|"
                r"[Dd]ear)[ \t]+(?P<v>[A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?)",
                0.9),
        # initials that sign as a client ("— J.T., verified patient:"), or open a reply to them ("S.K. we totally get it")
        Pattern("signed_initials",
                r"(?<![\w.])(?P<v>[A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?)(?=[ \t]*,[ \t]*(?:a[ \t]+|an[ \t]+)?"
                r"(?:verified[ \t]+|former[ \t]+|current[ \t]+|longtime[ \t]+|happy[ \t]+)?(?:patient|client|member|parent|mom|dad)\b)",
                0.9),
        Pattern("opening_initials",
                r"\A[ \t]*(?P<v>[A-Z]\.[ \t]?[A-Z]\.)(?=[ \t,]+(?:we|we['’]re|you|thank|thanks|so|sorry)\b)",
                0.9),
        # a couple greeted or cheered by their initials: "Happy 5th anniversary J & R!!!", "congrats M + T"
        Pattern("greeted_couple_initials",
                r"\b(?:[Hh]appy\b[^.!?\n]{0,30}?|(?:[Cc]ongrats|[Cc]ongratulations|[Cc]heers|[Ss]hout-?out|[Kk]udos)(?:[ \t]+to)?|"
                r"[Hh]i|[Hh]ey|[Dd]ear)[ \t]+(?P<v>[A-Z]\.?[ \t]*(?:&|\+|and)[ \t]*[A-Z]\.?)(?![\w'’&])",
                0.9),
        # intake shorthand: an initial, a surname and the age after a comma or in brackets ("new intake:
        # D. Okafor, 7yo", "K. Mensah (4)"): a child's record, whatever the surname's language
        Pattern("initial_surname_age",
                r"(?<![\w.])(?P<v>[A-Z]\.[ \t]?[A-Z][a-z][\w'’\-]+)(?=[ \t]*(?:,[ \t]*|\([ \t]*)\d{1,3}[ \t]*"
                r"(?:yo|y/o|y\.o\.?|yrs?|years?|mos?|months?|wks?|weeks?)?(?![\w/]))",
                0.9),
        # an initial and a surname anywhere ("Tues 4pm – K. Morales – 1 yr anniv."): a census surname that is no
        # English word, or one shaped like a surname, is a person however the sentence runs
        Pattern("initial_surname",
                r"(?<![\w.])(?P<v>[A-Z]\.[ \t]?[A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?)(?![\w.'’-])"
                r"(?![ \t]*(?:,[ \t]*|\([ \t]*)\d)",  # (with an age after it, the pattern above has it)
                0.85),
        # a given name and a surname's initial without its stop, as a schedule or a chat has them ("Brooke M 1pm",
        # "it's Hope G, she's ok w/ telehealth"): a census given name makes a person of it
        Pattern("given_name_initial",
                r"(?<![\w.'’@#])(?P<v>[A-Z][a-z]{2,}[ \t][A-Z])(?![\w.&'’+-])(?=[ \t]*(?:,|;|\(|\)|$|\d|[ \t](?:and|&|\+|is|was|has|"
                r"had|wants|needs|called|at|on|in|tmrw|tomorrow|today|tonight|said|says|cancell?ed|no-?showed|rescheduled|"
                r"moved|booked|confirmed)\b))",
                0.85),
    ]
    CONTEXT = ["client", "patient", "from"]
    FLAGS = re.MULTILINE  # case matters: initials are capitals

    def invalidate_result(self, pattern_text: str, text: str, start: int, end: int) -> bool:
        named = _NAME_AND_INITIAL.fullmatch(pattern_text)
        if named:
            return not census_given_name(named.group("given")) or pattern_text.endswith("I")  # ("May I, ...")
        shape = _INITIAL_AND_WORD.fullmatch(pattern_text)
        if shape and not _AGE_AFTER.match(text, end):
            return not _surname(shape.group("surname"))
        letters = re.sub(r"[^A-Z]", "", pattern_text)
        if re.search(r"&|\+|\band\b", pattern_text) and (letters in _PAIRS_NOT_NAMES or letters[0] == letters[-1]):
            return True  # "happy R & R weekend", "congrats on the Q&A"
        return letters in _NOT_NAMES or pattern_text in ("I", "A")  # "the pt I saw"


_NAME_AND_INITIAL = re.compile(r"(?P<given>[A-Z][a-z]{2,})[ \t][A-Z]")
_INITIAL_AND_WORD = re.compile(r"[A-Z]\.[ \t]?(?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)")
_AGE_AFTER = re.compile(r"[ \t]*(?:,[ \t]*|\([ \t]*)\d{1,3}")


def _surname(word: str) -> bool:
    """A surname no one would read as a word or a town: on the census list of surnames and in no dictionary
    ("Morales", "Nguyen"), or shaped like one ("Sokolova"); not "Crew" ("J. Crew") nor "Portland"."""
    parts = [p.casefold() for p in word.split("-")]
    if any(p in english_words() or p in cities()[0] for p in parts):
        return False
    return all(p in common_surnames() or surname_shaped(p) for p in parts)
