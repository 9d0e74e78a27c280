"""Finds the registry's patients in a draft without scanning the registry:
the draft's word n-grams (with nickname variants), @handles, dotted initials
and the PERSON spans Presidio found become candidate keys, looked up in the
indexed ``patient_name.name_key`` column (one query, plus one for lone
PERSON words not inside a matched name). Stateless, so it is
thread-safe and always sees the registry as it is now."""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import String, any_, bindparam, column, func
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Session, select

from bot.consent.names import Token, handles_in, initial_surnames_in, initials_in, name_variants, tokens
from bot.models import PatientName

MAX_NGRAM = 4
_CHUNK = 2000


@dataclass(frozen=True)
class Mention:
    """A span of the draft that names one or more patients (several = ambiguous)."""

    start: int
    end: int
    patient_ids: frozenset[str]
    named: bool  # by name, alias or handle (False: by initials only)


def _joinable(text: str, a: Token, b: Token) -> bool:
    sep = text[a.end:b.start]
    return len(sep) <= 4 and sep.strip(" \t\u00a0-.") == ""


def _phrase_keys(words: list[str]) -> set[str]:
    rest = " ".join(words[1:])
    return {f"{v} {rest}" if rest else v for v in name_variants(words[0])}


def _possessive_keys(words: list[str]) -> set[str]:
    """ "jasmine ortizs permission": a possessive typed without its apostrophe."""
    last = words[-1]
    return _phrase_keys(words[:-1] + [last[:-1]]) if len(last) > 3 and last.endswith("s") else set()


def candidate_keys(text: str, with_initials: bool = False) -> dict[str, list[tuple[int, int, bool]]]:
    """Index keys the draft could match anywhere -> the spans they occur at (and whether named)."""
    occ: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)
    toks = tokens(text)
    for i in range(len(toks)):
        j = i
        while j + 1 < len(toks) and j + 1 - i < MAX_NGRAM and _joinable(text, toks[j], toks[j + 1]):
            j += 1
            words = [t.key for t in toks[i:j + 1]]
            for key in _phrase_keys(words) | _possessive_keys(words):
                occ[key].append((toks[i].start, toks[j].end, True))
            if len(words) == 3 and len(words[1]) == 1:  # "Emily R. Carter"
                for key in _phrase_keys([words[0], words[2]]):
                    occ[key].append((toks[i].start, toks[j].end, True))
    for t in handles_in(text):
        occ[t.key].append((t.start, t.end, True))
    for t in initial_surnames_in(text):  # a family name names someone, though the given name is cut to a letter
        occ[t.key].append((t.start, t.end, True))
    if with_initials:
        for t in initials_in(text):
            occ[t.key].append((t.start, t.end, False))
    return occ


def person_keys(text: str, person_spans: list[tuple[int, int]]) -> dict[str, list[tuple[int, int, bool]]]:
    """Single words inside one-word PERSON spans (or beside initials: "Jasmine O."), and
    over-long names whole: a lone first name or one-word alias counts only where Presidio
    saw a person."""
    occ: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)
    if not person_spans:
        return occ
    toks = tokens(text)
    for start, end in person_spans:
        # (a possessive runs past the span: "Elena’s quote" has the name "Elena")
        inside = [t for t in toks if t.start >= start and (t.end <= end or text[end:t.end] in ("'s", "’s"))]
        if len(inside) > MAX_NGRAM:
            for key in _phrase_keys([t.key for t in inside]):
                occ[key].append((inside[0].start, inside[-1].end, True))
        words = [t for t in toks if t.start < end and start < t.end]  # ("Helen Keller's" runs past the span)
        if any(len(a.key) > 1 and len(b.key) > 1 and (_joinable(text, a, b) or text[a.end:b.start] == "_")
               and not re.search(r"['’]s$", text[a.start:a.end]) for a, b in zip(words, words[1:])):
            # a full name no n-gram matched ("Helen Keller") is someone else, not the registered Elena
            # whose nickname shares its first word, nor "@mark_delgado" the registered Marcus ("— Jasmine
            # O." keeps only an initial, "Marcus's Story" is Marcus's)
            continue
        for t in inside:
            for key in _phrase_keys([t.key]):
                occ[key].append((t.start, min(t.end, max(end, t.start + len(t.key))), True))
    return occ


def _hits(session: Session, keys: list[str]) -> dict[str, set[str]]:
    """Index rows for these keys. On PostgreSQL one array parameter (= ANY) instead of
    hundreds of IN parameters: the statement text stays the same, so it parses once."""
    hits: dict[str, set[str]] = defaultdict(set)
    conn = session.connection()
    cols = (PatientName.__table__.c.name_key, PatientName.__table__.c.patient_id)
    for n in range(0, len(keys), _CHUNK):
        chunk = keys[n:n + _CHUNK]
        if conn.dialect.name == "postgresql":
            where = cols[0] == any_(bindparam("keys", chunk, type_=ARRAY(String)))
        elif conn.dialect.name == "sqlite":
            where = cols[0].in_(select(column("value")).select_from(func.json_each(json.dumps(chunk))))
        else:
            where = cols[0].in_(chunk)
        for key, pid in conn.execute(select(*cols).where(where)):
            hits[key].add(pid)
    return hits


def _accept(spans: dict[tuple[int, int], tuple[set[str], bool]], accepted: list[Mention]) -> None:
    for (start, end), (ids, named) in sorted(spans.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])):
        if all(end <= m.start or start >= m.end for m in accepted):
            accepted.append(Mention(start, end, frozenset(ids), named))


def _spans(occ, hits) -> dict[tuple[int, int], tuple[set[str], bool]]:
    spans: dict[tuple[int, int], tuple[set[str], bool]] = {}
    for key, ids in hits.items():
        for start, end, named in occ[key]:
            prev_ids, prev_named = spans.get((start, end), (set(), False))
            spans[(start, end)] = (prev_ids | ids, prev_named or named)
    return spans


def find_mentions(session: Session, text: str, person_spans: list[tuple[int, int]] = (),
                  with_initials: bool = False) -> list[Mention]:
    """Patients the draft names, longest match first; overlapping shorter matches are
    dropped. PERSON words already inside a matched name are not looked up again."""
    accepted: list[Mention] = []
    occ = candidate_keys(text, with_initials)
    if occ:
        _accept(_spans(occ, _hits(session, list(occ))), accepted)
    open_spans = [(a, b) for a, b in person_spans if all(b <= m.start or a >= m.end for m in accepted)]
    occ = person_keys(text, open_spans)
    if occ:
        spans = _spans(occ, _hits(session, list(occ)))
        _accept(_initial_agrees(session, text, spans), accepted)
    return sorted(accepted, key=lambda m: m.start)


# (a closing quote or bracket may follow: "review from “Rick T.”]")
_SURNAME_INITIAL_AFTER = re.compile(r"[ \t]+([A-Za-z])\.(?=[\s,;:!)\]\"”'’]|$)")


def _initial_agrees(session: Session, text: str, spans):
    """A lone given name with its family name's initial ("— Marcus T.") is only a registered
    patient whose family name starts with that letter: Marcus T. is not the registered Marcus Bell.
    The initials are looked up in one query for the whole draft."""
    wanted = {}  # span -> the initials keys its given name carries, here or beside the same name elsewhere
    for (start, end) in spans:
        given = text[start:end]
        initials = {m.group(1).casefold() for m in re.finditer(r"(?<![\w'’])" + re.escape(given) + r"(?=[ \t]+[A-Za-z]\.)", text, re.IGNORECASE)
                    for m in [_SURNAME_INITIAL_AFTER.match(text, m.end())] if m}
        if initials and given[:1].isalpha():
            wanted[(start, end)] = [f"{given[0].casefold()}.{i}." for i in initials]
    hits = _hits(session, sorted({k for keys in wanted.values() for k in keys})) if wanted else {}
    out = {}
    for span, (ids, named) in spans.items():
        if span in wanted:
            ids = ids & set().union(*(hits.get(k, set()) for k in wanted[span]))
        if ids:
            out[span] = (ids, named)
    return out
