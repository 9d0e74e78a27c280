"""Whole postal addresses as ONE LOCATION span.

Presidio finds at best the city of "410 Harbor View Road, Suite 200, Portland,
OR 97201". This recognizer finds the street line (house number first, or
street name then number as in much of Europe), then walks the following
segments (unit, city, state code, country, ZIP) across commas, line breaks and
quote marks, and reports the whole run. A candidate is kept only with real
address evidence: a street-type word, a unit designator, or a number-words-
number street plus a locality tail or an address cue word before it."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from checks.phi.lexicon import (MONTHS, COUNTRIES, STREET_ENDINGS, STREET_WORDS, US_STATE_CODES, common_surnames,
                                given_names)
from checks.phi.recognizers.base import SpanPatternRecognizer
from checks.phi.recognizers.textcase import case_style, looks_capitalised

_WORD = r"[^\W\d_][\w'’\-]*\.?"
_SEP = re.compile(r"[ \t]*(?:,|\n|>|\?{2,}|[ \t]{2,})[\s,>?]*|[ \t]+")
_UNIT = re.compile(r"(?:apt|apartment|suite|ste|unit|flat|floor|fl|room|rm|bldg|(?:p\.?\s?o\.?\s?)?box)\.?"
                   r"[ \t]*#?[ \t]*\w*\d\w*\.?|#[ \t]?\d+\w*", re.IGNORECASE)
_ZIP = re.compile(r"(?:\d{3,6}(?:-\d{3,4})?|\d{2}-\d{3}|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2})(?![\w-])")
_TOKEN = re.compile(r"[ \t]+(\S+)")
_PARTICLES = {"de", "del", "della", "da", "do", "dos", "das", "des", "du", "la", "le", "les", "van",
              "von", "der", "den", "di", "el", "al", "z", "u", "am", "an", "im", "sur", "upon", "on"}
_CUE = re.compile(r"(?:address|lives? at|lived (?:at|in)|living at|located at|sent to|send (?:it |them )?to|"
                  r"return (?:it )?to|meet (?:me|you|us) at|moved to|deliver(?:ed)? to|ship(?:ped)? to|"
                  r"mail(?:ed)? to|office is|offices are|it'?s in|is at|at)\W*$", re.IGNORECASE)
_STOP = {w for w in STOP_WORDS if w not in _PARTICLES}
# abbreviations a street name carries with a full stop: "Mt. Tabor", "Ft. Worth", "NE. Alberta"
_ABBREVIATIONS = {"mt", "ft", "ne", "nw", "se", "sw", "jr", "sr"}


_COUNTRY_NEXT = re.compile(r"(?:usa|u\.s\.a\.?|us|united states|canada|uk|united kingdom|" + "|".join(
    re.escape(c) for c in sorted(COUNTRIES, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def _bare(tok: str) -> str:
    return tok.strip(".,;:!?\"'()").casefold()


def _is_number(tok: str) -> bool:
    return bool(re.fullmatch(r"\d{1,5}[a-zA-Z]?\.?,?", tok))


def _is_street_word(tok: str) -> bool:
    b = _bare(tok)
    return b in STREET_WORDS or (len(b) > 6 and b.endswith(STREET_ENDINGS))


class StreetAddressRecognizer(SpanPatternRecognizer):
    """A street address plus its unit, city, state, country and ZIP segments."""

    ENTITY = "LOCATION"
    PATTERNS = [
        # house number first: "1668 Glyn St", "9543 1819 St. John Street"
        Pattern("number_first", r"(?<![\w.,/+:-])\d{1,6}[A-Za-z]?(?=[ \t]+[^\W\d_]|[ \t]+\d{1,5}[ \t]+[^\W\d_])", 0.9),
        # street name first: "Via Roma 131", "Hammarvägen 15", "ul. Słowicza 10"
        Pattern("name_first",
                r"\b(?:(?:via|rue|rua|avenida|avda\.?|calle|ul\.|viale|vicolo|piazza|avenue|boulevard)"
                rf"(?:[ \t]+{_WORD}){{1,4}}|[^\W\d_]+(?:{'|'.join(STREET_ENDINGS)}))[ \t]+\d{{1,5}}[a-z]?\b", 0.85),
        # US military and post-office-box addresses
        Pattern("military", r"\b(?:psc|unit|cmr)[ \t]+\d{3,5},?[ \t]+box[ \t]+\d{3,5}", 0.9),
        Pattern("ship", r"\b(?:uss|usns|usnv|uscgc)[ \t]+[^\W\d_][\w'’\-]*[\s,]+(?:apo|fpo|dpo)[ \t]+a[aep][ \t]+\d{5}\b", 0.9),
        # a named street without a number: "shows on Tarsicio Isle Street"
        Pattern("named_street", r"\b(?:on|at|off|near|along|of)[ \t]+(?:[^\W\d_][\w'’\-]*[ \t]+){1,3}"
                                r"(?:street|avenue|road|boulevard|lane|drive|court|terrace|parkway|highway)\b", 0.75),
        # a town and its postal code after a preposition: "in ARENDAL 4844"
        Pattern("city_zip", r"\b(?:in|at|to|from)[ \t]+(?:[^\W\d_][\w'’\-]*[ \t]+){1,3}(?:\d{4,5}|\d{3}[ \t]\d{2})\b"
                            r"(?![\d,.:/%-])", 0.7),
        Pattern("po_box", r"\bp\.?[ \t]?o\.?[ \t]?box[ \t]+\d{1,6}", 0.85),
        # "the corner of Main Street and 5th Avenue"
        Pattern("corner", r"\bthe corner of\b", 0.85),
    ]
    CONTEXT = ["address", "lives", "located", "street", "avenue", "suite", "apt"]
    FLAGS = re.IGNORECASE

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        style = case_style(text)
        spans: list[tuple[int, int, float]] = []
        for pattern, rx in self._compiled:
            for m in rx.finditer(text):
                got = getattr(self, f"_{pattern.name}")(text, m, style)
                if got:
                    spans.append((got[0], got[1], pattern.score))
        out: list[RecognizerResult] = []
        for s, e, score in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
            if out and s < out[-1].end:
                if e > out[-1].end:
                    out[-1].end = e
                continue
            if self.invalidate_result(text[s:e], text, s, e):
                continue
            out.append(RecognizerResult(self.ENTITY, s, e, score, recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                "is_score_enhanced_by_context": True}))
        return out

    def invalidate_result(self, pattern_text: str, text: str, start: int, end: int) -> bool:
        return not any(c.isalpha() for c in pattern_text)

    # -- street line ---------------------------------------------------------------
    def _street(self, text: str, pos: int, style: str, words: int = 0, numbers: int = 0,
                street_word: bool = False):
        """Walk the rest of a street line from ``pos``; returns (end, words, numbers,
        street_word, trailing_number, unit_end)."""
        end, trailing, unit_end = pos, False, None
        for _ in range(8):
            m = _TOKEN.match(text, end)
            if not m:
                break
            tok = m.group(1)
            u = _UNIT.match(text, m.start(1))
            if u and (words or numbers > 1):
                unit_end = u.end()
                end = u.end()
                break
            if _is_number(tok):
                numbers += 1
                trailing = bool(words)
                end = m.start(1) + len(tok.rstrip(","))
                if tok.endswith(","):
                    break
                continue
            b = _bare(tok)
            if not re.fullmatch(r"[^\W\d_][\w'’\-]*\.?,?", tok) or (b in _STOP and not _is_street_word(tok)):
                break
            following = _TOKEN.match(text, m.end())
            then = following and _TOKEN.match(text, following.end())
            if b == "dr" and then and _bare(following.group(1)) in given_names() \
                    and _bare(then.group(1)) in common_surnames():
                break  # "10 years ago today dr. maya chen opened": a doctor by full name, not a Drive
            if not looks_capitalised(tok, style) and b not in _PARTICLES and not _is_street_word(tok):
                break
            words += 1
            trailing = False
            street_word = street_word or _is_street_word(tok)
            end = m.start(1) + len(tok.rstrip(",").rstrip(":"))
            if tok.endswith(",") or tok.endswith(":"):
                break
            if tok.endswith(".") and not _is_street_word(tok) and len(b) > 1 and b not in _ABBREVIATIONS:
                break  # "... 1 ethics ce. register via": a full stop ends the sentence, so the street line
        return end, words, numbers, street_word, trailing, unit_end

    def _tail(self, text: str, end: int, style: str, after_unit: bool):
        """Extend over unit / locality / state / country / ZIP segments."""
        zip_seen = locality = False
        for _ in range(6):
            sep = _SEP.match(text, end)
            if not sep:
                break
            p = sep.end()
            single_space = "\n" not in sep.group(0) and "," not in sep.group(0) \
                and ">" not in sep.group(0) and len(sep.group(0)) == 1
            if single_space and (re.search(r"\d\.$", text[max(0, end - 2):end]) or text[end:end + 1] == "."):
                break  # "Suite 200. Jordan will ...", "Vancouver WA. Dr. Erik ...": the sentence ended with the address
            u = _UNIT.match(text, p)
            if u:
                end, after_unit = u.end(), True
                continue
            z = _ZIP.match(text, p)
            if z and (not single_space or locality or after_unit):
                end, zip_seen = z.end(), True
                continue
            if single_space and not (after_unit or locality):
                break
            if zip_seen and (single_space or re.search(r"\n[ \t]*\n", sep.group(0))
                             or not _COUNTRY_NEXT.match(text, p)):
                break  # past the ZIP only a country follows ("You're receiving this" is the next line's)
            loc = self._locality(text, p, style)
            if loc is None:
                break
            end, locality = loc, True
        return end, locality, zip_seen

    def _locality(self, text: str, p: int, style: str):
        m = re.match(rf"{_WORD}(?:[ \t\-]+{_WORD}){{0,3}}(?:[ \t]+\([^)\n]{{1,20}}\))?", text[p:p + 80])
        if not m:
            return None
        toks = m.group(0).split()
        kept, end = [], p
        for t in toks:
            b = _bare(t)
            if t.startswith("("):
                kept.append(t)
                continue
            if t.strip(",") in US_STATE_CODES:
                kept.append(t)
                continue
            if b in _STOP or (not looks_capitalised(t, style) and b not in _PARTICLES):
                break
            if _UNIT.fullmatch(t):
                break
            kept.append(t)
        if not kept or _bare(kept[-1]) in _PARTICLES:
            return None
        seg = " ".join(kept)
        # re-locate the end of the kept words in the original text
        idx, end = p, p
        for t in kept:
            j = text.find(t, idx)
            end = j + len(t)
            idx = end
        if text[end - 1] == ".":
            end -= 1
        if seg.strip(",") in US_STATE_CODES or seg.casefold() in COUNTRIES or len(seg) >= 2:
            return end
        return None

    # -- anchors -------------------------------------------------------------------
    def _number_first(self, text: str, m: re.Match, style: str):
        start = m.start()
        end, words, numbers, street_word, trailing, unit_end = self._street(text, m.end(), style, numbers=1)
        if words == 0:
            return None
        tail_end, locality, zip_seen = self._tail(text, end, style, unit_end is not None)
        cue = bool(_CUE.search(text[max(0, start - 40):start]))
        has_unit = unit_end is not None or bool(_UNIT.search(text[end:tail_end]))
        ok = street_word or has_unit or (trailing and (locality or zip_seen or cue)) or \
            (cue and (locality or zip_seen) and words <= 4)
        if not ok:
            return None
        return start, tail_end

    def _name_first(self, text: str, m: re.Match, style: str):
        first = text[m.start():m.end()].split()[0]
        if style == "mixed" and not (first[0].isupper() or _bare(first) in STREET_WORDS):
            return None
        end, _, _, _, _, unit_end = self._street(text, m.end(), style, words=1, numbers=1, street_word=True)
        tail_end, _, _ = self._tail(text, end, style, unit_end is not None)
        return m.start(), tail_end

    def _military(self, text: str, m: re.Match, style: str):
        t = re.match(r"[\s,]*(?:apo|fpo|dpo)[ \t]+a[aep][ \t]+\d{5}", text[m.end():], re.IGNORECASE)
        return m.start(), m.end() + (t.end() if t else 0)

    def _ship(self, text: str, m: re.Match, style: str):
        return m.span()

    def _named_street(self, text: str, m: re.Match, style: str):
        words = list(re.finditer(r"\S+", m.group(0)))[1:]
        for w in words:
            if _bare(w.group(0)) in _STOP or (style == "mixed" and not w.group(0)[0].isupper()):
                return None
        return m.start() + words[0].start(), m.end()

    def _city_zip(self, text: str, m: re.Match, style: str):
        words = list(re.finditer(r"\S+", m.group(0)))[1:]
        number = words[-1].group(0)
        if re.fullmatch(r"(?:19|20)\d\d", number):
            return None  # a year, not a postal code
        for w in words[:-1]:
            t = w.group(0)
            if t.isdigit():
                continue
            if _bare(t) in _STOP or _bare(t) in MONTHS or _is_street_word(t) or _UNIT.fullmatch(t) or \
                    (style == "mixed" and not t[0].isupper()):
                return None
        return m.start() + words[0].start(), m.end()

    def _po_box(self, text: str, m: re.Match, style: str):
        end, _, _ = self._tail(text, m.end(), style, True)
        return m.start(), end

    def _corner(self, text: str, m: re.Match, style: str):
        t = re.match(r"[ \t]+(\S[^\n;!?]{1,60}?)[ \t]+and[ \t]+((?:[\w'’.\-]+[ \t]?){1,4})", text[m.end():])
        if not t:
            return None
        return m.start(), m.end() + t.end(2) - (1 if t.group(2).endswith(" ") else 0)
