"""Rewordings of a labelled draft, in the spirit of CheckList (Ribeiro et
al., 2020): ``KEEP`` variants must not change the verdict (they change how
the draft is typed, not what it says); ``CHANGE`` variants must (they add a
disclosure to a clean draft).

Every variant is a pure function of the text, so a flip is reproducible."""
from __future__ import annotations

import re
from typing import Callable

Variant = Callable[[str], str]

_CURLY = str.maketrans({"'": "\u2019", '"': "\u201d"})


def curly_quotes(text: str) -> str:
    """What phones type: ’ for apostrophes, “ ” around quotes."""
    out, opening = [], True
    for ch in text:
        if ch == '"':
            out.append("\u201c" if opening else "\u201d")
            opening = not opening
        elif ch == "'":
            out.append("\u2019")
        else:
            out.append(ch)
    return "".join(out)


def straight_quotes(text: str) -> str:
    return (text.replace("\u2019", "'").replace("\u2018", "'")
            .replace("\u201c", '"').replace("\u201d", '"'))


def dropped_apostrophes(text: str) -> str:
    return re.sub(r"(?<=\w)['\u2019](?=\w)", "", text)


def lower_case(text: str) -> str:
    return text.lower()


def upper_first_sentence(text: str) -> str:
    """Shouting the opening sentence, as excited posts do."""
    m = re.search(r"[.!?\n]", text)
    cut = m.end() if m else len(text)
    return text[:cut].upper() + text[cut:]


def line_breaks(text: str) -> str:
    """Each sentence on a line of its own; a title's or an initial's full stop ("Dr. Chen", "C.S.
    Lewis") ends no sentence, so it is no place to break."""
    return re.sub(r"(?<=[.!?]) +(?=\S)",
                  lambda m: m.group(0) if _ABBREVIATION_BEFORE.search(text, 0, m.start()) else "\n", text)


_ABBREVIATION_BEFORE = re.compile(r"(?:\b(?:Dr|Mr|Mrs|Ms|Mx|St|Jr|Sr|Prof|vs|etc)|(?<![\w])[A-Z](?:\.[A-Z])*)\.$")


def collapsed_whitespace(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def emoji(text: str) -> str:
    return text.rstrip() + " 💙✨"


def hashtags(text: str) -> str:
    return text.rstrip() + "\n\n#mentalhealth #selfcare #wellness"


def neutral_prefix(text: str) -> str:
    return "Happy Monday, everyone! " + text


def neutral_suffix(text: str) -> str:
    return text.rstrip() + "\n\nHave a restful weekend."


_SYNONYMS = {"client": "patient", "clients": "patients", "patient": "client", "patients": "clients"}


def client_patient_swap(text: str) -> str:
    def swap(m: re.Match) -> str:
        word = m.group(0)
        new = _SYNONYMS[word.lower()]
        return new.capitalize() if word[0].isupper() else new
    return re.sub(r"\b(?:clients?|patients?)\b", swap, text, flags=re.IGNORECASE)


KEEP: dict[str, Variant] = {
    "curly_quotes": curly_quotes,
    "straight_quotes": straight_quotes,
    "dropped_apostrophes": dropped_apostrophes,
    "lower_case": lower_case,
    "upper_first_sentence": upper_first_sentence,
    "line_breaks": line_breaks,
    "collapsed_whitespace": collapsed_whitespace,
    "emoji": emoji,
    "hashtags": hashtags,
    "neutral_prefix": neutral_prefix,
    "neutral_suffix": neutral_suffix,
    "client_patient_swap": client_patient_swap,
}

# Sentences that make any clean draft one a privacy officer must stop, phrased
# unlike anything in the training data.
DISCLOSURES = (
    "Also a big hug to Renata Solís, who told us she finally stopped having panic attacks after her sessions here.",
    "p.s. see you thursday at 4 for your follow-up, Kwame, and keep doing those stretches for your shoulder!",
    "Our 9:15 this morning cried when she told us her scans came back clear after the treatment.",
    "Shoutout to the Abernathy family for sticking with Liam's speech therapy even after the move!",
)


def with_disclosure(i: int) -> Variant:
    sentence = DISCLOSURES[i % len(DISCLOSURES)]
    return lambda text: text.rstrip() + "\n\n" + sentence


def changed(text: str, i: int) -> str:
    """A clean draft with a disclosure appended: must block."""
    return with_disclosure(i)(text)
