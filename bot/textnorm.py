"""Canonical text for the checks, with a map back to the original positions.

Invisible characters (zero-width, bidi controls, soft hyphens), compatibility
forms (fullwidth letters, ligatures) and Cyrillic/Greek look-alikes inside
Latin words ("Jоhn" with a Cyrillic o) would otherwise hide a name or a phrase
from every check. Checks see the canonical text; finding positions are mapped
back so they point into what the author wrote.

Typographic quotes and apostrophes are folded to ASCII ones (phones type
"I’ve" where keyboards type "I've"), so no rule's verdict depends on which
device wrote the draft."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
    "\u3164\ufeff\uffa0"
)

# Cyrillic and Greek letters that look like Latin ones; applied only inside
# words that also contain Latin letters, so real Cyrillic or Greek text is kept.
CONFUSABLES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
    "α": "a", "ο": "o", "ρ": "p", "ν": "v", "τ": "t", "ι": "i", "κ": "k",
    "Α": "A", "Β": "B", "Ε": "E", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Χ": "X", "Υ": "Y", "Ζ": "Z",
})


# Curly and prime quotes -> ASCII; one character each, so positions keep their map.
QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u02bc": "'", "\u2032": "'", "\u00b4": "'",
    "\uff07": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\uff02": '"',
})


@dataclass(frozen=True)
class Canonical:
    text: str
    origin: tuple[int, ...]  # origin[i]: index in the original of canonical char i; origin[len] = len(original)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a canonical span back to the smallest original span covering it."""
        o_start = self.origin[start]
        o_end = self.origin[end - 1] + 1 if end > start else o_start
        return o_start, max(o_end, o_start)


def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and ord(ch) < 0x250


def canonicalise(text: str) -> Canonical:
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if ch in INVISIBLE:
            continue
        folded = unicodedata.normalize("NFKC", ch.translate(QUOTES)) if ord(ch) > 0x7F else ch
        for c in folded:
            out.append(c)
            origin.append(i)
    chars, origin = _restore_apostrophes(_fix_lookalikes(out), origin)
    origin.append(len(text))
    return Canonical("".join(chars), tuple(origin))


# Contractions typed without their apostrophe ("didnt", "youre", "im"): with it restored,
# "didn't make my anxiety disappear" reads as the negation it is, whichever way it was typed.
# Only forms that are no English word of their own ("wont", "ill", "its", "were" are left alone).
_CONTRACTIONS = {
    **{w: len(w) - 1 for w in ("arent", "isnt", "wasnt", "werent", "dont", "doesnt", "didnt", "cant", "couldnt",
                              "wouldnt", "shouldnt", "havent", "hasnt", "hadnt", "mustnt", "neednt", "aint")},
    **{w: len(w) - 2 for w in ("youre", "theyre", "youve", "weve", "theyve", "youll", "theyll")},
    **{w: len(w) - 1 for w in ("thats", "whats", "theres", "heres", "wheres", "whos", "shes", "hes")},
    "ive": 1, "im": 1,
}
_CONTRACTION_WORD = re.compile(r"(?<![\w'])(?:" + "|".join(sorted(_CONTRACTIONS, key=len, reverse=True))
                               + r")(?![\w'])", re.IGNORECASE)


# A name's possessive typed without its apostrophe ("Dr. Chens Wednesday 2:00", "Marcuss story",
# "Nicole ... Nicoles before and after"): a capitalised word that is no name itself but a name plus
# "s", where something says the name is meant: a title before it, the name written elsewhere in the
# draft, what only a person has right after it, or a doubled "ss" no English word ends a name with.
# "This", "Lots" and "Hopes" stay.
_CAPITALISED_S = re.compile(r"(?<![\w'])[A-Z][a-z]+s(?![\w'])")
_TITLE_BEFORE = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Mx)\.?\s+$")
# what only a person has, right after the name: "Tylers mom", "Dereks big smile" (not "Lots of kids"); a word
# between must be an adjective, as only one stands there ("Lines are back up" is a verb's subject, no owner)
_POSSESSED_AFTER = re.compile(r"\s+(?:(?P<between>[a-z]+)\s+)?(?:mom|mum|dad|mother|father|sister|brother|wife|husband|son|daughter|"
                              r"kids?|family|parents|grandma|grandpa|smile|knee|back|shoulder|hip|neck|teeth|braces|"
                              r"appointment|appt|session|visit|birthday|bday|recovery|progress|wedding)\b")


def _possessive_cuts(text: str) -> list[int]:
    from checks.phi.lexicon import adjectives, english_words, is_vocabulary, person_names  # the PHI check's lists
    names = person_names()
    cuts = []
    for m in _CAPITALISED_S.finditer(text):
        word, stem = m.group(0).casefold(), m.group(0)[:-1]
        if word in names or stem.casefold() not in names:
            continue
        titled = _TITLE_BEFORE.search(text[max(0, m.start() - 6):m.start()])
        written = re.search(r"(?<![\w'])" + re.escape(stem) + r"(?![\w])", text)
        after = _POSSESSED_AFTER.match(text, m.end())
        owned = after and (after.group("between") is None or after.group("between") in adjectives())
        # "Marcuss" is no word; "Less" and "Class" are, whatever name their stem is
        doubled = word.endswith("ss") and not is_vocabulary(word, english_words())
        if titled or written or owned or doubled:
            cuts.append(m.end() - 1)
    return cuts


def _restore_apostrophes(chars: list[str], origin: list[int]) -> tuple[list[str], list[int]]:
    text = "".join(chars)
    cuts = [m.start() + _CONTRACTIONS[m.group(0).casefold()] for m in _CONTRACTION_WORD.finditer(text)]
    cuts = sorted(cuts + _possessive_cuts(text))
    if not cuts:
        return chars, origin
    out_chars, out_origin, last = [], [], 0
    for cut in cuts:
        out_chars += chars[last:cut] + ["'"]
        out_origin += origin[last:cut] + [origin[cut - 1]]
        last = cut
    return out_chars + chars[last:], out_origin + origin[last:]


def _fix_lookalikes(chars: list[str]) -> list[str]:
    """Replace look-alike letters inside words that mix them with Latin letters."""
    result = list(chars)
    i, n = 0, len(chars)
    while i < n:
        if not chars[i].isalpha():
            i += 1
            continue
        j = i
        while j < n and chars[j].isalpha():
            j += 1
        word = chars[i:j]
        if any(_is_latin_letter(c) for c in word) and any(not _is_latin_letter(c) for c in word):
            result[i:j] = "".join(word).translate(CONFUSABLES)
        i = j
    return result
