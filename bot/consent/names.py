"""Normalised name keys, shared by the index (what is stored) and the matcher
(what is looked up), so case, accents, possessives, apostrophes, hyphens and
look-alike letters cannot hide a match."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Cyrillic and Greek letters that render like Latin ones, plus Latin letters
# NFKD does not decompose. Fullwidth and mathematical letters NFKD handles.
_CONFUSABLES = str.maketrans({
    **dict(zip("аеорсухіјѕԁԛԝӏвкмнтАВЕКМНОРСТХІЈЅ", "aeopcyxijsdqwlbkmhtABEKMHOPCTXIJS")),
    **dict(zip("αοιкνρυτΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "aoikvputABEZHIKMNOPTYX")),
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ð": "d", "þ": "th",
})
_APOSTROPHES = "'’ʼ`´"
_TOKEN = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+(?:[" + _APOSTROPHES + r"](?:[^\W\d_]|[\u0300-\u036f])+)*[" + _APOSTROPHES + r"]?")
_HANDLE = re.compile(r"(?<![\w@])@([\w.]{1,60})")
_INITIALS = re.compile(r"(?<![\w.])([A-Z])\.\s?([A-Z])\.(?:\s?([A-Z])\.)?")


@dataclass(frozen=True)
class Token:
    key: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower-case ASCII-ish form: look-alikes mapped, accents stripped."""
    s = unicodedata.normalize("NFKD", word.translate(_CONFUSABLES)).translate(_CONFUSABLES)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s.casefold()


def token_key(word: str) -> str:
    """One word's key: folded, possessive dropped, apostrophes removed."""
    w = fold(word)
    for a in _APOSTROPHES:
        w = w.replace(a, "'")
    if w.endswith("'s"):
        w = w[:-2]
    return w.replace("'", "")


def tokens(text: str) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text):
        key = token_key(m.group())
        if key:
            out.append(Token(key, m.start(), m.end()))
    return out


@lru_cache(maxsize=262144)
def name_key(name: str) -> str:
    return " ".join(t.key for t in tokens(name))


def handle_key(handle: str) -> str:
    h = fold(handle.strip()).lstrip("@")
    h = re.sub(r"[^\w.]", "", h).strip(".")
    return "@" + h if h else ""


def handles_in(text: str) -> list[Token]:
    out = []
    for m in _HANDLE.finditer(text):
        key = handle_key(m.group(1).rstrip("."))
        if len(key) > 1:
            out.append(Token(key, m.start(), m.start() + 1 + len(m.group(1).rstrip("."))))
    return out


_INITIAL_SURNAME = re.compile(r"(?<![\w.])([A-Z])\.\s?([A-Z][^\W\d_]+(?:['’\-][^\W\d_]+)*)")


def initial_surnames_in(text: str) -> list[Token]:
    """A given name's initial before a family name, 'D. Huang': the key 'd. huang'."""
    return [Token(f"{m.group(1).lower()}. {token_key(m.group(2))}", m.start(), m.end())
            for m in _INITIAL_SURNAME.finditer(text)]


def initials_in(text: str) -> list[Token]:
    """Dotted initials such as 'J.D.' or 'J. R. D.' (bare 'JD' is too common a word shape)."""
    return [Token(".".join(g.lower() for g in m.groups() if g) + ".", m.start(), m.end())
            for m in _INITIALS.finditer(text)]


def patient_keys(display_name: str, aliases: list[str] = (), handles: list[str] = ()) -> dict[str, str]:
    """Every index key of one patient -> its kind (name, alias, handle, given, initials)."""
    keys: dict[str, str] = {}

    def add(key: str, kind: str) -> None:
        if key and len(key) <= 200:
            keys.setdefault(key, kind)

    parts = name_key(display_name).split()
    if len(parts) >= 2:
        add(" ".join(parts), "name")
        add(f"{parts[0]} {parts[-1]}", "name")
    for alias in aliases:
        add(name_key(alias), "alias")
    for handle in handles:
        add(handle_key(handle), "handle")
    if parts:
        add(parts[0], "given")
    if len(parts) >= 2:
        add(f"{parts[0][0]}.{parts[-1][0]}.", "initials")
        add(f"{parts[0][0]}. {parts[-1]}", "initial_surname")  # "— D. Huang, retired paramedic"
        if len(parts) >= 3:
            add(f"{parts[0][0]}.{parts[1][0]}.{parts[-1][0]}.", "initials")
    return keys


@lru_cache(maxsize=1)
def _namer():
    from nicknames import NickNamer
    return NickNamer()


@lru_cache(maxsize=65536)
def name_variants(word: str) -> frozenset[str]:
    """The word plus its nicknames and formal forms (Bob <-> Robert)."""
    n = _namer()
    return frozenset({word} | {fold(v) for v in n.nicknames_of(word)} | {fold(v) for v in n.canonicals_of(word)})
