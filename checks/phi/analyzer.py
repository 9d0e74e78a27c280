"""Builds the Presidio engine once per process and turns its results into
Safe Harbor entities, minus the practice's own known-safe details.

Presidio stays the engine: spaCy NER plus Presidio's predefined pattern
recognizers, with the ones that misfire on short posts (dates, phones)
replaced by ClearPost's recognizers in checks/phi/recognizers/. After the
engine runs, results are filtered (countries, states, bare years), resolved
to one entity per span (an address beats the name and phone inside it, an
e-mail beats its own domain as URL, one ID type per number), names found once
are found again elsewhere in the post, and the practice's own details are
dropped by exact, contained-span matching."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

import tldextract
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpEngineProvider
from presidio_analyzer.predefined_recognizers import EmailRecognizer
from spacy.lang.en.stop_words import STOP_WORDS

from bot.consent.names import fold  # accents and look-alikes folded, as the consent matcher does
from checks.base import Analysis, Entity
from checks.phi.lexicon import (ANIMAL, RAINBOW_BRIDGE, CREDENTIALS, DATE_PREPOSITION_BEFORE, FAMILY_WORDS, HEALTH_TERMS, HONORIFICS,
                                IRREGULAR_PAST, MONTHS, SPACY_MODEL, STREET_TYPES, STREET_WORDS, WEEKDAYS, brand_pattern,
                                census_given_name, cities, common_surnames, english_words, given_names, is_chat_word,
                                is_country_or_state, is_vocabulary, limit_after_quantity, names_not_words, person_names,
                                spanish_phrase)
from checks.phi.recognizers import clearpost_recognizers
from checks.phi.recognizers.base import function_word as _function_word
from checks.phi.recognizers.given_name import in_a_persons_place
from checks.phi.recognizers.handle import is_dotted_handle
from checks.phi.recognizers.textcase import case_style


# Presidio logs the words around each match (the draft's own text) at DEBUG and
# its decision trace at INFO: cap both here, where Presidio is loaded, so no
# process logs PHI through them whatever its root level (tests/test_logs_no_phi.py).
for _name in ("presidio-analyzer", "decision_process"):
    logging.getLogger(_name).setLevel(logging.WARNING)

# Presidio entity -> HIPAA Safe Harbor vocabulary used in findings
SAFE_HARBOR = {
    "PERSON": "PERSON",
    "HANDLE": "HANDLE",
    "LOCATION": "LOCATION",
    "DATE_TIME": "DATE",
    "DATE": "DATE",
    "AGE_OVER_89": "AGE_OVER_89",
    "PHONE_NUMBER": "PHONE",
    "PHONE": "PHONE",
    "FAX": "FAX",
    "EMAIL_ADDRESS": "EMAIL",
    "URL": "URL",
    "IP_ADDRESS": "IP",
    "US_SSN": "SSN",
    "US_DRIVER_LICENSE": "LICENSE_ID",
    "US_PASSPORT": "OTHER_ID",
    "US_BANK_NUMBER": "ACCOUNT_ID",
    "CREDIT_CARD": "ACCOUNT_ID",
    "IBAN_CODE": "ACCOUNT_ID",
    "CRYPTO": "ACCOUNT_ID",
    "US_ITIN": "OTHER_ID",
    "MEDICAL_LICENSE": "LICENSE_ID",
    "MAC_ADDRESS": "DEVICE_ID",
    "MRN": "MRN",
    "HEALTH_PLAN_ID": "HEALTH_PLAN_ID",
    "ACCOUNT_ID": "ACCOUNT_ID",
    "LICENSE_ID": "LICENSE_ID",
    "VEHICLE_ID": "VEHICLE_ID",
    "DEVICE_ID": "DEVICE_ID",
    "OTHER_ID": "OTHER_ID",
}

# Predefined recognizers ClearPost replaces or does not need on social posts
_REPLACED = ("DateRecognizer", "PhoneRecognizer", "NhsRecognizer", "UuidRecognizer", "EmailRecognizer")

# Overlap resolution: lower rank wins; within a rank the longer span wins
_RANK_BY_RECOGNIZER = {
    "StreetAddressRecognizer": 1, "CityContextRecognizer": 4, "PersonContextRecognizer": 4,
    "HandleRecognizer": 4, "InitialsRecognizer": 4, "GivenNameRecognizer": 5, "ProperNounRecognizer": 7,
    "SurnameShapeRecognizer": 4, "PersonVerbRecognizer": 4, "HashtagNameRecognizer": 4, "HumanContextRecognizer": 4, "PublicFigureRecognizer": 3, "UncasedNameRecognizer": 5,
    "ReviewerNameRecognizer": 4, "FullNameRecognizer": 5,
}
# recognizers whose PERSON span is exactly the name (no greeting or verb to trim off)
_EXACT_NAME_SOURCES = frozenset({"PublicFigureRecognizer", "HashtagNameRecognizer", "HumanContextRecognizer",
                                 "UncasedNameRecognizer", "ReviewerNameRecognizer",
                                 "InitialsRecognizer", "HandleRecognizer", "FullNameRecognizer"})
_RANK_BY_TYPE = {
    "EMAIL": 0, "SSN": 1, "MRN": 2, "HEALTH_PLAN_ID": 2, "LICENSE_ID": 2, "VEHICLE_ID": 2,
    "DEVICE_ID": 2, "PHONE": 2, "FAX": 2, "IP": 2, "ACCOUNT_ID": 3, "URL": 3, "DATE": 3,
    "AGE_OVER_89": 3, "OTHER_ID": 4, "PERSON": 5, "HANDLE": 4, "LOCATION": 5,
}

# A span next to one of these is a company, not a person
_ORG_WORDS = {"inc", "ltd", "llc", "plc", "corp", "corporation", "co", "company", "group", "orchestra",
              "consulting", "investments", "partners", "technologies", "solutions", "services", "lines",
              "foundation", "associates", "bank", "university", "college", "hospital", "clinic", "band",
              "records", "studios", "labs", "systems", "holdings", "gmbh", "ag", "sa", "ab", "oy"}
# a periodical's name ends with one of these: "Maple Grove Monthly", "Riverside Gazette", "Parent Digest"
_PUBLICATION_WORDS = {"monthly", "weekly", "quarterly", "digest", "gazette", "times", "news", "newsletter", "update",
                      "updates", "bulletin", "journal", "chronicle", "tribune", "magazine"}
# what a shop, café or restaurant calls itself: "Taquería El Sol", "Grounded Coffee", "Still Water Yoga" are
# businesses (compared without accents)
_BUSINESS_WORDS = {"cafe", "coffee", "bakery", "taqueria", "pizzeria", "trattoria", "cantina", "bistro", "brasserie",
                   "grill", "deli", "diner", "restaurant", "eatery", "tavern", "pub", "brewery", "brewing", "creamery",
                   "kitchen", "books", "bookstore", "bookshop", "boutique", "salon", "spa", "barbershop",
                   "yoga", "pilates", "fitness", "gym", "market", "shop", "store", "farm", "farms", "florist",
                   # in Spanish: "Panadería La Estrella", "Centro Comunitario Esperanza", "Iglesia San Juan"
                   "panaderia", "tienda", "mercado", "restaurante", "cafeteria", "libreria", "farmacia", "centro",
                   "iglesia", "parroquia", "escuela", "colegio", "clinica", "fundacion", "asociacion"}


_OFFLINE_TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's e-mail recognizer, using tldextract's bundled suffix list
    instead of downloading it on first use."""

    def validate_result(self, pattern_text: str):
        return _OFFLINE_TLD(pattern_text).fqdn != ""


def _nlp_engine():
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
    })
    return provider.create_engine()


def build_plain_engine() -> AnalyzerEngine:
    """Presidio as shipped: default English recognizers on the same spaCy model
    (offline e-mail suffix list only). The benchmark's baseline."""
    nlp_engine = _nlp_engine()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    registry.remove_recognizer("EmailRecognizer")
    registry.add_recognizer(OfflineEmailRecognizer())
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])


def _wordnet_words(nlp_engine, exclude: tuple[str, ...] = ()) -> frozenset[str]:
    """The lemmatizer's WordNet index: every word it lists, people and places
    included; ``exclude`` leaves out parts of speech ("noun")."""
    try:
        nlp = nlp_engine.nlp["en"]
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        skip = {nlp.vocab.strings.add(pos) for pos in exclude}
        return frozenset(w for key, words in table.items() if key not in skip for w in words if "_" not in w)
    except Exception:  # a model without the table still works, with fewer name checks
        return frozenset()


def _common_words(nlp_engine, exclude: tuple[str, ...] = ()) -> frozenset[str]:
    """English vocabulary to tell names from words in text typed without capitals:
    WordNet without the given names English writes capitalised ("john", "isabella";
    phi.lexicon.names_not_words). Capitalised text keeps the whole of WordNet, so "at
    Duke" or "Lake Harriet" stay the institution and the lake they were."""
    return _wordnet_words(nlp_engine, exclude) - names_not_words()


# Presidio's recognizers every one of whose patterns needs a digit (cards, bank accounts, driver's
# licences, ITINs, passports, SSNs, crypto wallets, IBANs, DEA numbers)
_NEED_A_DIGIT = frozenset({"CreditCardRecognizer", "UsBankRecognizer", "UsLicenseRecognizer", "UsItinRecognizer",
                           "UsPassportRecognizer", "UsSsnRecognizer", "CryptoRecognizer", "IbanRecognizer",
                           "MedicalLicenseRecognizer"})
_A_DIGIT = re.compile(r"\d")


def _only_with_a_digit(recognizer) -> None:
    """A draft without a digit (about a third of them) cannot match such a recognizer: skip its
    regex passes there; with a digit it runs as before."""
    analyze = recognizer.analyze

    def analyze_if_a_digit(text, *args, **kwargs):
        return analyze(text, *args, **kwargs) if _A_DIGIT.search(text) else []
    recognizer.analyze = analyze_if_a_digit


def build_engine(proper_nouns: bool = False) -> AnalyzerEngine:
    nlp_engine = _nlp_engine()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    for name in _REPLACED:
        registry.remove_recognizer(name)
    for r in registry.recognizers:
        if type(r).__name__ in _NEED_A_DIGIT:
            _only_with_a_digit(r)
    registry.add_recognizer(OfflineEmailRecognizer())
    for r in clearpost_recognizers(_wordnet_words(nlp_engine), proper_nouns=proper_nouns,
                                   non_nouns=_common_words(nlp_engine, exclude=("noun",)),
                                   uncased_words=_common_words(nlp_engine)):
        registry.add_recognizer(r)
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])


# -- the practice's own details ---------------------------------------------------------

def _value_pattern(value: str) -> re.Pattern | None:
    """A regex for one safe value: its words in order, any punctuation or
    spacing between them, whole words only; phone numbers by their digits."""
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 7 and len(digits) >= 0.6 * len(re.sub(r"\W", "", value)):
        core = digits[-10:]
        return re.compile(r"(?<!\d)(?:\+?1[\s.\-]*)?" + r"\D{0,3}".join(core) + r"(?!\d)")
    words = re.findall(r"\w+", value)
    if not words:
        return None
    return re.compile(r"(?<!\w)" + r"[\W_]*".join(re.escape(w) for w in words) + r"(?!\w)", re.IGNORECASE)


def _variants(value: str) -> list[str]:
    """A staff entry "Jordan Alvarez, LCSW" also covers "Jordan Alvarez"."""
    out = [value]
    head = value.split(",")[0].strip()
    if head and head != value:
        out.append(head)
    return out


def _domain(value: str) -> str | None:
    v = value.strip().casefold()
    if "@" in v:
        v = v.rsplit("@", 1)[1]
    ext = _OFFLINE_TLD(v)
    return ext.top_domain_under_public_suffix if ext.suffix and ext.domain else None


@dataclass(frozen=True)
class _Candidate:
    entity_type: str
    start: int
    end: int
    score: float
    rank: int
    source: str = ""


class PhiAnalyzer:
    """One per process: the spaCy model and recognizers load once, then warm.

    safe_values: the practice's own name, addresses, phones, e-mails, websites
    and staff names (never reported). extra_safe_terms: more such values from
    `checks.settings.phi`. score_threshold: Presidio's minimum score.
    unknown_proper_nouns: also read unfamiliar proper nouns as names (more
    recall, less precision)."""

    def __init__(self, safe_values: list[str] | tuple[str, ...] = (), score_threshold: float = 0.4,
                 extra_safe_terms: list[str] | tuple[str, ...] = (), unknown_proper_nouns: bool = False,
                 informal_ner: bool = False):
        self.engine = build_engine(proper_nouns=unknown_proper_nouns)
        self._informal = None
        if informal_ner:  # checks/phi/informal_ner.py: learned PERSON/LOCATION arbiter for informal text
            from checks.phi.informal_ner import InformalTagger
            self._informal = InformalTagger()
        self._common = _wordnet_words(self.engine.nlp_engine)
        self._non_nouns = _wordnet_words(self.engine.nlp_engine, exclude=("noun",))
        self._uncased = self._common - names_not_words()  # vocabulary less the names English writes capitalised
        self.score_threshold = score_threshold
        values = [v for raw in (*safe_values, *extra_safe_terms) for v in _variants(raw) if v.strip()]
        self._safe_patterns = [p for p in (_value_pattern(v) for v in values) if p is not None]
        self._last_safe: tuple[str | None, tuple[tuple[int, int], ...]] = (None, ())
        self._address_tokens = [_address_words(v) for v in values
                                if re.search(r"\d", v) and len(re.findall(r"\w+", v)) >= 3]
        for parts in (v.split(",") for v in values if re.search(r"\d", v) and v.count(",") >= 2):
            # the practice's own town and ZIP ("Best therapists in Portland") are its details too
            for part in parts[1:]:
                town = part.strip()
                zip_code = re.search(r"\b\d{5}(?:-\d{4})?\b", town)
                if zip_code:
                    self._safe_patterns.append(re.compile(rf"(?<!\d){zip_code.group(0)}(?!\d)"))
                elif town and not re.search(r"\d", town) and not is_country_or_state(town):
                    self._safe_patterns.append(re.compile(rf"(?i)(?<!\w){re.escape(town)}(?!\w)"))
        self._name_parts = []  # (full-name pattern, pattern for its parts alone)
        # a doctor on staff is "Dr. Chen"; "Mr. Chen" is someone else
        doctors = {re.findall(r"[^\W\d_][\w'’\-]*", v)[-1].casefold() for v in values
                   if re.match(r"(?i)(?:dr|prof)\.?\s", v) and not re.search(r"[\d@/]", v)}
        for v in values:
            words = re.findall(r"[^\W\d_][\w'’\-]*", re.sub(r"(?i)^(?:dr|mr|mrs|ms|mx|prof)\.?\s+", "", v))
            if 2 <= len(words) <= 4 and not re.search(r"[\d@/]", v) and all(w[0].isupper() for w in words):
                parts = "|".join(re.escape(w) for w in words if len(w) >= 2)
                titles = "dr|prof" if words[-1].casefold() in doctors else "dr|mr|mrs|ms|mx|prof"
                self._safe_patterns.append(re.compile(
                    rf"(?i)(?<!\w)(?:{titles})\.?\s+{re.escape(words[-1])}(?!\w)"))
                self._name_parts.append((_value_pattern(" ".join(words)),
                                         re.compile(rf"(?i)(?<!\w)(?:{parts})(?!\w)")))
        self._safe_domains = {d for d in (_domain(v) for v in values if re.search(r"\w\.\w", v)
                                          and " " not in v.strip()) if d}
        self.engine.analyze(text="Warm-up for Jane Doe on 5 May 2020 at 12 Main St.", language="en")

    # public API --------------------------------------------------------------------
    def analyze(self, text: str) -> Analysis:
        work = self._unshouted(text)  # same length: every position holds for ``text``
        doc, chosen = self.candidates(work)
        if self._informal is not None:
            chosen = self._arbitrate(work, doc, chosen, typed=text)
        chosen = _places_listed(work, self._listed_with_a_name(work, _split_lists(work, chosen)))
        pets = {work[c.start:c.end].casefold() for c in chosen if c.entity_type == "PERSON" and _named_as_pet(work, c)}
        pets |= {m.group("name").casefold() for m in _PET_NAMED.finditer(work)}  # (also typed in lower case)
        pets |= {m.group("name").casefold() for m in RAINBOW_BRIDGE.finditer(work)}
        typed_in_mixed_case = case_style(text) == "mixed"
        chosen = [c for c in chosen if not _not_a_person(work, c)
                  # (a pet the tagger took for a place: "her very opinionated cat, Mango")
                  and not (c.entity_type == "LOCATION" and " " not in work[c.start:c.end].strip()
                           and _named_as_pet(work, c))
                  and not (typed_in_mixed_case and (_acronym(text, c) or _led_by_an_acronym(text, c)))
                  and not _known_organisation_first(work, c)
                  and not self._tip_subject(work, c) and not _listed_title(work, c) and not _quoted_title(work, c)
                  and not _code_or_degree(text, c) and not _in_brand(work, c)
                  and not (c.entity_type in ("PERSON", "LOCATION") and spanish_phrase(work[c.start:c.end]))
                  # (a letter and a digit are a count or a code, not a name: "called x2", unlike "J.R.")
                  and not (c.entity_type == "PERSON" and re.search(r"\d", work[c.start:c.end])
                           and not re.search(r"[^\W\d_]{2}", work[c.start:c.end]))
                  and not (c.entity_type == "PERSON" and work[c.start:c.end].casefold() in _PRONOUNS | _NAME_PARTICLES)
                  and not (c.entity_type == "PERSON" and self._time_or_limit(work, c))
                  and not (c.entity_type == "PERSON" and self._plural_thing(work[c.start:c.end]))
                  # "Skip:\n- ...", "Try instead:\n- ...": a word heading the list under it
                  and not (c.entity_type == "PERSON" and _heads_a_list(work, c.start, c.end)
                           and all(self._ordinary_word(w) for w in work[c.start:c.end].split()))
                  # "St. Luke's Chapel", "Saint Joseph's": a saint names a church, school or hospital
                  and not (c.entity_type == "PERSON" and (_SAINT_BEFORE.search(work, max(0, c.start - 7), c.start)
                                                          or re.match(r"(?:St|Ste|Saint)\.?[ \t]", work[c.start:c.end])))]
        chosen = _without_pets(work, chosen, pets)
        chosen = _joined_names(work, _one_name_one_kind(work, chosen))
        entities = [Entity(c.entity_type, c.start, c.end, round(c.score, 3)) for c in chosen]
        return Analysis(entities=tuple(entities), rewrite=deidentify(text, entities),
                        own=tuple(sorted(set(self._safe_spans(text)))))

    @staticmethod
    def _time_or_limit(text: str, c: _Candidate) -> bool:
        """ "Subject: March tips", "Spring has finally arrived": the time of year, not April or Summer (a shape
        only a person fits keeps them); "10% per week, max.": a limit, not Max."""
        value = text[c.start:c.end].casefold()
        return ((c.source not in ("HumanContextRecognizer", "HashtagNameRecognizer", "HandleRecognizer")
                 and value in MONTHS | WEEKDAYS | _SEASONS and bool(_SEASON_AFTER.match(text, c.end))
                 or value in _SEASONS and bool(_SEASON_ARRIVES.match(text, c.end)))
                and not _KIN_OR_TITLE_BEFORE.search(text, max(0, c.start - 12), c.start)) \
            or limit_after_quantity(text, c.start, c.end)

    def _unshouted(self, text: str) -> str:
        """ "THANKS SO MUCH FOR THE 5 STARS, JEN!! Ava was ...": a shouted run of three or more
        words in an otherwise mixed-case draft, in sentence case with given names and surnames
        capitalised ("Thanks so much for the 5 stars, Jen!!"), so a name typed in capitals is
        found as it would be in ordinary type. A draft shouted throughout keeps its own rules."""
        style = case_style(text)
        if style == "upper":
            return text
        words = list(re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text))
        if style == "lower":  # "ok who told DYLAN he could": shouting inside a lower-case draft reads as the rest
            chars = list(text)
            for w in words:
                if w.group(0).isupper() and len(w.group(0)) > 1 and (w.start() == 0 or text[w.start() - 1] not in "#@") \
                        and not re.match(r"\s*\d", text[w.end():w.end() + 2]):  # "ISO 12312-2" is a standard's code
                    # (a given name cheered in capitals stays a name: "HUNTER U DID THAT 👏 first time speaking")
                    low = w.group(0).casefold()
                    cheered = low in given_names() and low not in STOP_WORDS and _cheered(text, w.start(), w.end())
                    chars[w.start():w.end()] = w.group(0).capitalize() if cheered else w.group(0).lower()
            return "".join(chars)
        runs, run = [], []
        for w in words:
            shouted = w.group(0).isupper() and (len(w.group(0)) > 1 or w.group(0) in ("I", "A"))
            if shouted and (not run or not re.search(r"[a-z]", text[run[-1].end():w.start()])):
                run.append(w)
                continue
            if len(run) >= 3:
                runs.append(run)
            run = [w] if shouted else []
        if len(run) >= 3:
            runs.append(run)
        names = person_names()
        # a name shouted on its own ("omg NINA'S lip filler", "ok who told DYLAN he could"): a listed name
        # that is no function word, verb or adjective, so no shouted word ("SO", "NEW", "HOPE") is taken for one
        # and standing alone: "NAMI Multnomah" is an organisation's acronym before its name
        runs += [[w] for w in words if w.group(0).isupper() and len(w.group(0)) > 2 and not any(w in r for r in runs)
                 and not (text[w.start() - 1:w.start()] in "\"“'‘" and w.start() > 0)  # text "NEDA" to 741741
                 and not (w.start() > 0 and text[w.start() - 1] in "#@")  # "#ASHA": a tag in capitals is an acronym
                 and (not re.match(r"\s+[A-Z]|\s*\d", text[w.end():w.end() + 2])  # "ISO 12312-2": a code
                      or _cheered(text, w.start(), w.end()))  # (but "HUNTER U DID THAT" cheers Hunter)
                 and not _organisation_acronym(text, w.start(), w.end())  # "NAMI volunteer", "chapter of NEDA"
                 and self._shouted_name(re.sub(r"['’]S$", "", w.group(0)).casefold(), names)]
        if not runs:
            return text
        chars = list(text)
        for run in runs:
            after_name = False
            for i, w in enumerate(run):
                word = w.group(0)
                low = word.casefold()
                opens = i == 0 or re.search(r"[.!?\n]\s*$", text[run[i - 1].end():w.start()]) is not None
                title = low in ("dr", "mr", "mrs", "ms", "mx") and text[w.end():w.end() + 1] == "."
                # a name by the list and no word ("JEN", "MATEO"), or a listed name that is also a
                # noun ("DANA", "STORY") only where it is spoken to: "HI DANA,", "..., JEN!!"
                named = low in names and low not in STOP_WORDS and (
                    low not in self._common or (low in given_names() and self._spoken_to(text, w.start(), w.end())))
                # a surname right after a given name ("TANYA BROOKS"), though it is also a word
                surname = after_name and low in common_surnames() and text[run[i - 1].end():w.start()] == " "
                new = word.capitalize() if (opens or title or named or surname) else ("I" if word == "I" else word.lower())
                chars[w.start():w.end()] = new
                after_name = named and low in given_names()
        return "".join(chars)

    def _shouted_name(self, low: str, names: frozenset[str]) -> bool:
        return low in names and low not in STOP_WORDS and low not in self._non_nouns and low not in MONTHS | WEEKDAYS

    @staticmethod
    def _spoken_to(text: str, start: int, end: int) -> bool:
        before, after = text[max(0, start - 16):start], text[end:end + 3]
        return bool(re.search(r"\b(?:HI|HEY|DEAR|HELLO|THANKS|THANK YOU|CONGRATS|WELCOME|BYE|LOVE YOU),?\s+$", before)
                    or (re.search(r",\s*$", before) and re.match(r"\s*[!.?]", after))) or _cheered(text, start, end)

    def candidates(self, text: str) -> tuple[object, list[_Candidate]]:
        """The spaCy doc and what the rules chose (before the learned arbiter)."""
        artifacts = self.engine.nlp_engine.process_text(text, "en")
        results = self.engine.analyze(text=text, language="en", score_threshold=self.score_threshold,
                                      nlp_artifacts=artifacts)
        return artifacts.tokens, self._postprocess(text, results)

    def _arbitrate(self, text: str, doc, chosen: list[_Candidate], typed: str | None = None) -> list[_Candidate]:
        """The informal tagger adds the names and places the rules missed and drops the
        names and places of spaCy and the name-list recognizers it is sure are neither
        (checks/phi/informal_ner.py). What it cannot judge from tweets stays (addresses,
        hashtag names, handles, cue-word and shape recognizers). ``typed``: the draft as written
        when ``text`` is its unshouted reading."""
        from checks.phi.informal_ner import decode, vetoed
        tagger = self._informal
        style = case_style(text)
        probs = tagger.token_probs(text, doc, [(c.start, c.end, c.entity_type, c.source) for c in chosen],
                                   style, self._ordinary_word)
        if len(probs) == 0:
            return chosen
        toks = list(doc)  # spaCy makes a new Token object on every pass over a doc: once per text, not per span
        held = [c for c in chosen if _placed_by_grammar(text, c)  # a venue or "in Gresham": the sentence says place
                or (c.entity_type == "PERSON" and _initial_and_surname(text[c.start:c.end]))  # "K. Morales"
                # "winners: Kowalski, Ibarra, and Deshawn M.": a name listed between names, though a town's too
                or (c.entity_type == "PERSON" and self._names_on_both_sides(text, c.start, c.end, chosen))
                or (c.entity_type == "PERSON" and text[c.start:c.end].casefold() in given_names()
                    and in_a_persons_place(text, c.start, c.end))  # "Thank you for the review, Mercy!": a name, spoken to
                or self._unplaced_name(text, toks, c)
                or (c.entity_type == "PERSON" and text[c.start:c.end].casefold() in given_names()
                    and _AT_A_SLOT_BEFORE.search(text, max(0, c.start - 24), c.start))  # "Mon 9 Hamdi / 10 Lyudmila"
                or (c.entity_type == "PERSON" and typed is not None and typed[c.start:c.end].isupper()
                    and _cheered(typed, c.start, c.end))  # "GO SKY GO 🏃‍♀️"
                or (c.entity_type == "PERSON" and text[c.start:c.end].split()[0].casefold() in given_names()
                    and _A_PERSONS_TIES_AFTER.match(text, c.end))
                # "mrs whitaker's granddaughter Hazel turns 5", "i have Destiny AND Mr. Hollis": named as kin, or
                # paired with a titled name
                or (c.entity_type == "PERSON" and text[c.start:c.start + 1].isupper()
                    and text[c.start:c.end].split()[0].casefold() in given_names()
                    and (_KIN_NOUN_BEFORE.search(text, max(0, c.start - 24), c.start)
                         or _AND_A_TITLED_NAME_AFTER.match(text, c.end)))]
        keep = [c for c in chosen if c.entity_type not in ("PERSON", "LOCATION") or c.source not in _VETO_SOURCES
                or c in held or not vetoed(toks, probs, c.start, c.end, tagger.veto)]
        keep = [_retyped(text, toks, probs, c, tagger.min_prob) if c.source not in _RULES_KEEP and c not in held else c
                for c in keep]
        new = [_Candidate(s.label, s.start, s.end, s.score, 5, "InformalTagger")
               for s in decode(toks, probs, tagger.min_prob)
               if not any(s.start < k.end and k.start < s.end for k in keep)
               and not _chat_word(text[s.start:s.end])
               and not (text[s.start:s.end].islower() and text[s.start:s.end] in FAMILY_WORDS)  # "the tía who ..."
               # "5. The Whole-Brain Child": a stop word that is nobody's given name is no name alone
               and not (_function_word(text[s.start:s.end]) and not census_given_name(text[s.start:s.end]))
               and not _shouted_word(typed or text, s.start, s.end, self._ordinary_word)
               and not (style == "mixed" and re.fullmatch(r"[A-Z]{2,3}", text[s.start:s.end]))  # "OU-TU", an acronym
               and not (style == "mixed" and text[s.start].isupper()  # "Big jumps in volume ..."
                        and self._capitalised_by_position(text, s.start, text[s.start:s.end], style))
               and not (s.label == "LOCATION" and is_country_or_state(text[s.start:s.end]))
               and not (s.label == "PERSON" and text[s.start:s.end].casefold() in WEEKDAYS)  # "closed ... Friday, July 5"
               # "with grace and a bowl of peppermints": in a draft that capitalises its names, a lower-case word after
               # a preposition is the word
               and not (s.label == "PERSON" and style == "mixed" and text[s.start:s.end].islower()
                        and _PREPOSITION_BEFORE.search(text, max(0, s.start - 8), s.start)
                        and self._ordinary_word(text[s.start:s.end]))

               # "the mental health parity bill": the head of a noun phrase, in a draft that capitalises its names
               and not (s.label == "PERSON" and style == "mixed" and text[s.start:s.end].islower()
                        and self._ordinary_word(text[s.start:s.end]) and _modified_noun(text, s.start))
               # "save this for your January bill!": a word someone has, in a draft that capitalises its names
               and not (s.label == "PERSON" and style == "mixed" and text[s.start:s.end].islower()
                        and _POSSESSIVE_BEFORE.search(text, max(0, s.start - 24), s.start)
                        and self._ordinary_word(text[s.start:s.end]))
               # "before our 8am rush": a time of day modifies a word no one is named (not "my 3pm grace")
               and not (s.label == "PERSON" and text[s.start:s.end].islower()
                        and _TIME_MODIFIER_BEFORE.search(text, max(0, s.start - 20), s.start)
                        and self._ordinary_word(text[s.start:s.end]) and not census_given_name(text[s.start:s.end]))
               # "(slightly too big) tees": a word after "too", "so", "very" is said of something
               and not (s.label == "PERSON" and text[s.start:s.end].islower()
                        and _INTENSIFIER_BEFORE.search(text, max(0, s.start - 12), s.start)
                        and self._ordinary_word(text[s.start:s.end]))
               and not (s.label == "PERSON" and _named_place_after(text, s.end))  # "on Haywood Rd", "tom mccall park"
               # "a Marine wife", "an Army brat": a word that says what kind of relative someone is
               and not (s.label == "PERSON" and _A_BEFORE.search(text, max(0, s.start - 40), s.start)
                        and _RELATIVE_AFTER.match(text, s.end) and self._ordinary_word(text[s.start:s.end]))
               and not (s.label == "PERSON" and style != "mixed" and s.end - s.start <= 2)  # "paid ce", "an ot"
               and not re.search(r"(?<![\w])[A-Za-z]-$", text[max(0, s.start - 3):s.start])  # "X-ray"
               # "a grapefruit-rosemary spritz": a lower-case piece of a compound, where names are capitalised
               and not (style == "mixed" and text[s.start:s.end].islower()
                        and re.search(r"[a-z]-$", text[max(0, s.start - 2):s.start]))
               and not (re.match(r"-[^\W\d_]", text[s.end:s.end + 2])  # "co-authored": a piece of a word
                        and text[s.start:s.end].casefold() in _WORD_PREFIXES)
               and not (s.label == "PERSON" and _LIST_ITEM_OPENING.search(text, max(0, s.start - 8), s.start)
                        and self._ordinary_word(text[s.start:s.end]))]  # "3. debrief in the car": a tip's verb
        new = [_place_by_grammar(text, c) for c in self._drop_safe(text, new, self._safe_spans(text))]  # "Lincoln High"
        return _found_again_only_if_found(text, sorted(keep + new, key=lambda c: c.start))

    def _place_owning_care(self, text: str, c: _Candidate) -> bool:
        value = text[c.start:c.end]
        low = value.casefold()
        return c.entity_type == "LOCATION" and c.source == "SpacyRecognizer" and value.islower() and " " not in value \
            and low in given_names() and low not in cities()[0] and not is_vocabulary(low, self._uncased) \
            and bool(_CARE_OWNED_AFTER.match(text, c.end))

    def _unplaced_name(self, text: str, toks, c: _Candidate) -> bool:
        """ "first scan is for Penelope tomorrow": spaCy saw a proper noun and called it a place, but the
        word is a capitalised given name that is no English word and no known town, and nothing before it
        says place ("in", "at", "from", "to"; _lone_given_name): a person, which the tagger, taught
        on tweets where such lone words are often towns, may not veto."""
        value = text[c.start:c.end]
        low = value.casefold()
        if c.entity_type != "PERSON" or not value[:1].isupper() or value.isupper() or low not in given_names() \
                or low in cities()[0] or is_vocabulary(low, self._uncased) or not _lone_given_name(text, c.start, c.end):
            return False
        return any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in toks
                   if t.idx < c.end and c.start < t.idx + len(t.text) and t.text[:1].isalnum())

    def postprocess(self, text: str, results: list[RecognizerResult]) -> list[Entity]:
        """Presidio results -> entities, rules only."""
        return [Entity(c.entity_type, c.start, c.end, round(c.score, 3)) for c in self._postprocess(text, results)]

    def _postprocess(self, text: str, results: list[RecognizerResult]) -> list[_Candidate]:
        style = case_style(text)
        cands = [c for c in (self._candidate(text, r, style) for r in results) if c is not None]
        cands = _prefer_person(text, cands)
        # "kevin says winston's group claims got denied": a lower-case given name whose care is had is someone, though
        # spaCy called it a place
        cands = [_Candidate("PERSON", c.start, c.end, c.score, c.rank, "owner of care")
                 if self._place_owning_care(text, c) else c for c in cands]
        chosen = _resolve(cands, text)
        safe = self._safe_spans(text)
        chosen = self._drop_safe(text, chosen, safe)
        chosen = self._coordinated_names(text, chosen, style)
        chosen = _propagate_names(text, chosen, style, safe)
        chosen = _tags_of_found_names(text, chosen)
        chosen = [c for c in chosen if not self._leftover_word(text, c, style)]
        return [_place_by_grammar(text, c) for c in chosen]

    def _leftover_word(self, text: str, c: _Candidate, style: str) -> bool:
        """One word left over next to a name ("SIMONE BILES WITHDREW", "Matt Haigs Reasons",
        "watch dr maya chen explain") is a name only when it is a known given name or surname
        ("TOMMY", "HERNANDEZ"), or, in capitalised text, no ordinary word."""
        value = text[c.start:c.end]
        if c.source == "propagated":  # "ellas" found again from "ella's": judge "ella"
            stem = re.sub(r"(?<=\w{3})['’]?s$", "", value)
            if stem != value and value[-2] not in "'’":
                return self._ordinary_word(stem)  # a bare "s" on a word is a plural or a verb: "hope" -> "hopes"
            value = stem
        if c.entity_type != "PERSON" or c.source in _EXACT_NAME_SOURCES or not value.isalpha() or len(value) < 3:
            return False
        if _COURTESY_TITLE_BEFORE.search(text, max(0, c.start - 6), c.start):
            return False  # "Mrs. Delacroix": a title makes a name of any word
        low = value.casefold()
        if low in given_names() or low in common_surnames():
            return False
        if style == "mixed" and value.isupper():
            return True
        return self._ordinary_word(value)

    # steps -------------------------------------------------------------------------
    def _candidate(self, text: str, r: RecognizerResult, style: str) -> _Candidate | None:
        label = SAFE_HARBOR.get(r.entity_type)
        if label is None:
            return None
        recognizer = (r.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY, "")
        start, end = r.start, r.end
        value = text[start:end]
        if _AGE_GROUP.fullmatch(value):
            return None  # "her daughter's U10 soccer team", "the U-12 girls": a youth league's age group
        if label == "PERSON" and value.casefold() in _IDENTITY_WORDS:
            return None  # "celebrating the trans and nonbinary folks in our community": who they are, not a name
        if recognizer == "SpacyRecognizer":
            if label == "DATE":
                return None  # ClearPost's CalendarDateRecognizer decides what is a date
            start, end = _strip_span(text, start, end)
            value = text[start:end]
            if not value or any(c.isdigit() for c in value) or "@" in value:
                return None
            if value.casefold() in STOP_WORDS or value.casefold() in MONTHS | WEEKDAYS:
                return None
            if style == "mixed" and not value[0].isupper():
                m = re.search(r"(?<=[\s\-])[^\W\d_]", value)  # "ex-Zombie Kastner" -> "Zombie Kastner"
                if label != "PERSON" or m is None or not m.group(0).isupper():
                    return None
                start += m.start()
                value = text[start:end]
            if label == "PERSON" and not self._name_like(text, start, end):
                return None
            words = re.findall(r"[^\W\d_][\w'’-]*", value)
            if label == "PERSON" and len(words) >= 2 and not any(w.casefold() in given_names() for w in words) \
                    and all(is_vocabulary(w.casefold(), self._common) for w in words) and not _initial_and_surname(value):
                return None  # "went full Toy Story": a title of ordinary words, no one's name
        if label == "PERSON" and recognizer not in _EXACT_NAME_SOURCES:
            start, end = self._trim_ordinary_edges(text, start, end, style)
            value = text[start:end]
        if label == "PERSON" and re.fullmatch(r"[^\W\d_]+", value) and value.casefold() not in given_names() \
                and is_vocabulary(value.casefold(), self._common) and _HEADING_NOUN_BEFORE.search(text, 0, start):
            return None  # "Staff Story 🧠 Jordan ...", "Day 1, Mapping.": a heading's noun, no one's name
        if label == "PERSON" and (value.islower() or value.isupper()) and r.score < 0.85 \
                and recognizer in ("PersonContextRecognizer", "GivenNameRecognizer") \
                and (style == "mixed" or all(self._ordinary_word(w) for w in value.split())):
            return None  # "... to save time": a weak cue before lower-case words is no name
        if label == "PERSON" and recognizer == "HumanContextRecognizer" and style == "mixed" and value.islower() \
                and all(self._ordinary_word(w) and w not in given_names() for w in value.split()):
            return None  # "7:30am, race starts 8:30": a draft that capitalises names means the word here
        if label == "PERSON" and recognizer in ("SpacyRecognizer", "PersonContextRecognizer", "GivenNameRecognizer") \
                and self._in_heading(text, start, end):
            return None
        if label == "PERSON" and _MY_PRODUCT.fullmatch(value):
            return None  # "MyRiverbend", "MyChart": a portal or app named for its user
        if label == "PERSON" and self._imperative(text, start, end):
            return None
        if label == "PERSON" and recognizer == "GivenNameRecognizer" and not self._name_like(text, start, end):
            return None
        if label == "PERSON" and recognizer == "GivenNameRecognizer" and value[:1].isupper() \
                and re.search(r"\b(?:the|The|THE)[ \t]+$", text[max(0, start - 4):start]):
            return None  # "The Herald reported", "the Grace Notes": a paper or a title, not Herald or Grace
        if label == "LOCATION" and recognizer != "StreetAddressRecognizer" and is_country_or_state(value):
            return None
        if label == "LOCATION" and recognizer == "SpacyRecognizer" and " " not in value \
                and value.casefold() not in cities()[0] and self._ordinary_word(value) \
                and _INSIDE_A_QUOTED_TITLE.search(text, max(0, start - 120), start):
            return None  # "“Making Sense of ADHD & Autism in Adulthood”": a title's noun, no place
        if label == "LOCATION" and re.fullmatch(r"(?:[A-Z]\.){1,2}[A-Z]\.?", value):
            label = "PERSON"  # "Big shoutout to J.R., starting goalie": initials stand for a person, not a place
        if label in ("PERSON", "LOCATION") and recognizer in ("SpacyRecognizer", "PersonContextRecognizer") \
                and self._capitalised_by_position(text, start, value, style):
            return None  # "Postpartum anxiety is ...", "NEW PATIENT FORMS": capitals that say nothing
        if label == "URL" and ("@" in text[max(0, start - 1):start + 1]
                               or re.search(r"(?<![\w.])@[\w.]+$", text[max(0, start - 40):start])):
            return None  # an e-mail's domain, or the tail of a handle ("@grace_and_mercy.mom")
        if label == "URL" and _in_dotted_handle(text, start, end):
            return None  # "thank you jenny.runs.fast": a username typed without its @ (HandleRecognizer)
        if label in ("PERSON", "LOCATION") and _chat_word(value):
            return None  # "Lol", "Idk", "RT", "Ayeee"
        if label in ("PERSON", "LOCATION") and _in_hashtag(text, start) and recognizer != "HashtagNameRecognizer":
            return None  # "#MindfulMonday" is a topic tag
        if label == "PERSON" and style == "mixed" and value.isalpha() and value.isupper() and len(value) <= 5 \
                and not _settled_given_name(value, recognizer):
            return None  # an acronym, not a name
        rank = _RANK_BY_RECOGNIZER.get(recognizer, _RANK_BY_TYPE.get(label, 6))
        if recognizer == "PersonContextRecognizer" and r.score < 0.85:
            rank = 5  # a weak cue ("and", "with") does not outrank spaCy
        return _Candidate(label, start, end, r.score, rank, recognizer)

    def _coordinated_names(self, text: str, chosen: list[_Candidate], style: str) -> list[_Candidate]:
        """ "Usamov and Bowers were...": two capitalised words joined by "and" as the
        subject of a plural verb are two people when one of them is already a
        name ("Lopez, Santos and Coleman is" - singular - is a company)."""
        if style != "mixed":
            return chosen
        out = list(chosen)
        for m in _PAIR_SUBJECT.finditer(text):
            sides = [m.span(1), m.span(2)]
            persons = [sp for sp in sides if any(o.entity_type == "PERSON" and o.start <= sp[0] and sp[1] <= o.end
                                                 for o in out)]
            if len(persons) != 1:
                continue
            s, e = next(sp for sp in sides if sp not in persons)
            w = text[s:e]
            low = w.casefold()
            if w.isupper() or low in STOP_WORDS or low in MONTHS | WEEKDAYS or is_country_or_state(w) \
                    or (self._ordinary_word(w) and low not in common_surnames()):
                continue
            clash = [o for o in out if s < o.end and o.start < e]
            if any(not (o.entity_type == "LOCATION" and o.source == "SpacyRecognizer") for o in clash):
                continue
            out = [o for o in out if o not in clash]
            out.append(_Candidate("PERSON", s, e, 0.55, 5, "coordinated"))
        return sorted(out, key=lambda c: c.start)

    @staticmethod
    def _names_on_both_sides(text: str, start: int, end: int, chosen: list[_Candidate]) -> bool:
        """ "Mia, Eli, Noor, Santiago, Bea": a town's name among names listed before and after it is one more name."""
        after = _LISTED_AFTER.match(text, end)
        before = _LISTED_BEFORE.search(text, max(0, start - 40), start)
        return bool(after and before) and all(any(c.entity_type == "PERSON" and c.start == m.start("w") for c in chosen)
                                              for m in (after, before))

    def _listed_with_a_name(self, text: str, chosen: list[_Candidate]) -> list[_Candidate]:
        """ "adaeze, chidi and obinna", "ngozi + her twins kehinde and taiwo", "hayden & hazel":
        a word listed with a name, alone between the list's joints, is a name too when it is a
        known given name or no ordinary word (capitalised, in a capitalised draft)."""
        style = case_style(text)
        out = list(chosen)
        own = self._safe_spans(text)  # "dr. maya chen, marcus learned": the colleague's name is no list item
        grown = True
        while grown:
            grown = False
            for c in [c for c in out if c.entity_type == "PERSON" and text[c.start] not in "@#"]:
                for m in (_LISTED_AFTER.match(text, c.end), _LISTED_BEFORE.search(text, max(0, c.start - 40), c.start)):
                    if m is None:
                        continue
                    s, e = m.span("w")
                    w = text[s:e]
                    low = w.casefold()
                    # after a bare comma: only a known given name, or an item the list goes on from
                    # ("Luis Ortega, CADC", "Portland, OR" end there; "adaeze, chidi and obinna" goes on)
                    if re.match(r"[ \t]+(?:is|was|has)\b", text[max(e, c.end):]):
                        continue  # "Petrenko and Hughes is the design agency": a firm's name, singular
                    comma_only = m.group("joint").strip() == ","
                    clash = [o for o in out if s < o.end and o.start < e]
                    if clash and all(o.entity_type == "LOCATION" and o.source == "SpacyRecognizer"
                                     and (o.start, o.end) == (s, e) for o in clash) \
                            and low in given_names() and not is_country_or_state(w) \
                            and (low not in cities()[0] or self._names_on_both_sides(text, s, e, out)):
                        # "aiden, mia, kai, ximena, jayden": a given name in a list of names, though the tagger saw a
                        # place in it
                        out = [o for o in out if o not in clash]
                        out.append(_Candidate("PERSON", s, e, 0.55, 5, "listed"))
                        grown = True
                        continue
                    # (before a name, the list must go on past that name: "Adaeze, Tobi & baby Kene")
                    if comma_only and (low not in given_names() or self._ordinary_word(w)) and not _LIST_GOES_ON.match(
                            text, c.end if m.re is _LISTED_BEFORE else e):
                        continue
                    if clash or any(s < oe and os < e for os, oe in own) \
                            or low in STOP_WORDS or low in MONTHS | WEEKDAYS \
                            or low in _TITLE_WORDS or low in CREDENTIALS or any(ch.isupper() for ch in w[1:]) \
                            or is_country_or_state(w) or (style == "mixed" and (not w[0].isupper() or w.isupper())) \
                            or not (low in given_names() or not self._ordinary_word(w)):
                        continue
                    out.append(_Candidate("PERSON", s, e, 0.55, 5, "listed"))
                    grown = True
        return sorted(out, key=lambda c: c.start)

    def _tip_subject(self, text: str, c: _Candidate) -> bool:
        """ "• Honey can soothe coughs": a word that opens a list item and says what a thing does is
        the tip's subject, not a person, when it is also an ordinary word."""
        return c.entity_type == "PERSON" and bool(_LIST_ITEM_OPENING.search(text, max(0, c.start - 8), c.start)) \
            and bool(_GENERAL_CLAIM_AFTER.match(text, c.end)) and self._ordinary_word(text[c.start:c.end])

    def _capitalised_by_position(self, text: str, start: int, value: str, style: str) -> bool:
        """Ordinary words that are capitalised only because they open a sentence or sit in
        shouted text, or a span that mixes in a lower-case word ("Telehealth how-to"): the
        same words in lower case are no name or place, so their capitals are no evidence."""
        words = value.split()
        if style == "mixed" and any(w[0].islower() and w.casefold() not in _NAME_PARTICLES for w in words):
            return True
        before = text[max(0, start - 6):start]
        opens = start == 0 or (re.search(r"(?:^|[.!?:\n]|[^\w\s,;'’\-])\s*$", before[-3:]) is not None
                               and not _TITLE_BEFORE.search(before))  # "Mr. Cook" is a name after a title
        if not (value.isupper() or opens):
            return False
        names = given_names()
        bare = [w.strip(".,'’").casefold() for w in words]
        return all(w not in names and (w in self._non_nouns or (self._ordinary_word(w) and w not in common_surnames()))
                   for w in bare)

    def _imperative(self, text: str, start: int, end: int) -> bool:
        """ "Mark your calendar", "Hope you can join": a verb opening a sentence before a
        determiner or pronoun is a command, not a name."""
        word = text[start:end]
        if not re.fullmatch(r"[^\W\d_]+", word) or word.casefold() not in self._non_nouns:
            return False
        opens = start == 0 or re.search(r"(?:[.!?:]|\n)[\s\"“']*$", text[max(0, start - 4):start])
        follows = re.match(r"[ \t]+(?:your|the|our|a|an|this|these|those|my|it|them|us|you|everyone|all)\b",
                           text[end:end + 12], re.IGNORECASE)
        if opens and not follows and re.match(r"[ \t]+[a-z]+(?<!ed)(?<!s)[ \t]*[.!]", text[end:end + 30]):
            # one of a run of commands: "Carry naloxone. Know the signs. End the stigma."
            after = re.match(r"[^.!?\n]*[.!][\s]*([^\W\d_]+)[ \t]+(?:your|the|our|a|an|this|these|those|my|it|them)\b",
                             text[end:end + 80])
            return bool(after and after.group(1).casefold() in self._non_nouns)
        return bool(opens and follows)

    def _trim_ordinary_edges(self, text: str, start: int, end: int, style: str) -> tuple[int, int]:
        """spaCy folds a greeting into the name ("Congrats Jasmine", "Thanks Maria"): drop
        leading and trailing dictionary words that are not names, so a rewrite keeps them."""
        all_words = list(re.finditer(r"[^\W\d_][\w'’\-]*", text[start:end]))
        if not all_words:
            return start, end
        words = list(all_words)
        names = given_names()

        def ordinary(m: re.Match) -> bool:
            w = m.group(0)
            low = w.casefold()
            if low in _GREETINGS:
                return True  # "Hi NorthStar family"
            if len(w) < 3:
                return False  # initials ("J.R.") are the name
            return low in _GREETINGS or (self._ordinary_word(w) and low not in names and low not in common_surnames())

        while len(words) >= 2 and ordinary(words[0]):
            words.pop(0)
        def uncapitalised(w: str) -> bool:  # lower case, or shouting: either way not how a name stands out
            return w.islower() or w.isupper()

        def verb(m: re.Match) -> bool:  # "marcus says", "jordan taught": the sentence goes on after the name
            low = m.group(0).casefold()
            if low in names or low in common_surnames():
                return False
            stems = {low, low[:-1] if low.endswith("s") else low, low[:-2] if low.endswith("ed") else low,
                     low[:-1] if low.endswith("ed") else low}
            return low in IRREGULAR_PAST or any(st in self._non_nouns for st in stems)

        while len(words) >= 2 and (words[-1].group(0).casefold() in _GREETINGS
                                   or (style == "lower" and verb(words[-1]))
                                   or ((style != "lower" or len(words) >= 3)  # "simone biles" keeps its surname
                                       and uncapitalised(words[-1].group(0)) and ordinary(words[-1]))):
            words.pop()  # a capitalised last word ("Simone Biles") is kept: surnames are often words
        first, last = words[0], words[-1]
        return (start if first is all_words[0] else start + first.start(),
                end if last is all_words[-1] else start + last.end())

    def _name_like(self, text: str, start: int, end: int) -> bool:
        """spaCy's small model calls "Discipline" or "Acme Consulting" a person:
        reject spans made only of vocabulary words, or followed by a company word."""
        words = re.findall(r"[^\W\d_][\w'’\-]*", text[start:end])
        nxt = re.match(r"[\s,]*([^\W\d_]+)", text[end:end + 20])
        prev = re.search(r"([^\W\d_]+)[ \t]+$", text[max(0, start - 24):start])
        if any(w.casefold() in _ORG_WORDS or fold(w) in _BUSINESS_WORDS for w in words) \
                or (nxt and nxt.group(1).casefold() in _ORG_WORDS) or _publication(text, start, end) \
                or (prev and prev.group(1)[:1].isupper() and fold(prev.group(1)) in _BUSINESS_WORDS):
            return False  # (or the shop's word before it: "Panadería La Estrella")
        if re.match(r"[ \t]+\d{1,5}\.?(?:[\s,]|$)", text[end:end + 8]):
            return False  # "Peter Zuidhove 188" is a street

        names = given_names()
        if words and re.fullmatch(r"[A-Za-z]-[a-z]{3,}", words[-1]):
            return False  # "Free T-shirts", "Digital X-rays": a thing named after a letter
        parts = [part for w in words for part in w.split("-") if part]  # "Trauma-Informed" is two words
        if _initial_and_surname(text[start:end]):
            return True  # "K. Morales": an initial makes a name of a surname that is also a plural ("morales")
        return not all(_function_word(w) or (self._ordinary_word(w) and w.casefold() not in names) for w in parts)

    def _in_heading(self, text: str, start: int, end: int) -> bool:
        """ "Free Workshop: Helping Your Teen ...": in a Title-Case heading every word is
        capitalised, so capitals say nothing; a name there needs a word that is a given name
        or surname and no ordinary word ("Meet Sarah Johnson" keeps Sarah), or a title before it."""
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line = text[line_start:len(text) if line_end < 0 else line_end]
        # (a title's full stop ends no sentence: "How to Tell the Difference | Dr. Maya Chen")
        bare_line = re.sub(r"\b(?:Dr|Mr|Mrs|Ms|Mx|St|Jr|Sr|Prof)\.", " ", line)
        if not _TITLE_CASE_LINE.fullmatch(bare_line.strip()) or _TITLE_BEFORE.search(text[max(0, start - 6):start]) \
                or re.match(r"[^\w]*[a-z]", line):  # (a heading opens with a capital: not "my 2:00 has Destiny AND ...")
            return False
        content = [w for w in re.findall(r"[^\W\d_][\w'’]*", line) if w.casefold() not in STOP_WORDS]
        if len(content) < 3 or any(w[0].islower() for w in content):
            return False
        if "?" in line.strip()[:-1] and any(w[0].islower() and w not in _TITLE_CASE_SMALL
                                            for w in re.findall(r"[^\W\d_][\w'’]*", line)):
            return False  # a question, then a line: "What's your name? Jildau S Bouts" is no heading
        names = person_names()
        words = [part for w in re.findall(r"[^\W\d_][\w'’\-]*", text[start:end]) for part in w.split("-") if part]
        return not any(w.casefold() in names and not self._ordinary_word(w) for w in words)

    def _plural_thing(self, value: str) -> bool:
        """ "Apps aren't therapy": one capitalised word that is the plural of an ordinary word, and no
        one's given name or surname (not "Banks", "Hayes", "Hopes")."""
        w = value.casefold()
        if not re.fullmatch(r"[a-z]{3,}s", w) or w in given_names() or w in common_surnames():
            return False
        stem = w[:-1]
        return stem not in given_names() and stem not in common_surnames() and self._ordinary_word(stem) \
            and self._ordinary_word(w)

    def _ordinary_word(self, word: str) -> bool:
        """An ordinary dictionary word rather than a name. WordNet lists proper
        names ("Jensen", "Salinas") among its nouns, so a noun-only entry that is
        a common surname counts as a name; verbs, adjectives and plurals
        ("Discipline", "Guilty", "Tales") are ordinary words."""
        w = word.casefold()
        if w in self._non_nouns:
            return True
        if w in self._common:
            return w not in common_surnames()
        return is_vocabulary(w, self._common)

    def _safe_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the practice's own details are; the last text's answer is kept, as several steps
        of one analysis ask (one tuple, swapped whole, so threads never see half of one)."""
        last = self._last_safe
        if last[0] == text:
            return list(last[1])
        spans = self._find_safe_spans(text)
        self._last_safe = (text, tuple(spans))
        return spans

    def _find_safe_spans(self, text: str) -> list[tuple[int, int]]:
        spans = [m.span() for p in self._safe_patterns for m in p.finditer(text)]
        for full, parts in self._name_parts:
            if full is not None and full.search(text):  # "Jordan" after "Jordan Alvarez" is staff too
                spans.extend(m.span() for m in parts.finditer(text))
        if self._safe_domains:
            for m in re.finditer(r"[\w.+\-]*@?[\w\-]+(?:\.[\w\-]+)+(?:/\S*)?", text):
                d = _domain(m.group(0).split("/")[0])
                if d and d in self._safe_domains:
                    spans.append(m.span())
        return spans

    def _part_of_safe_address(self, value: str) -> bool:
        """ "410 Harbor View Road, Suite 200" is the practice's address even without the
        city; a bare "Portland" (one word, no number) is not."""
        toks = _address_words(value)
        if len(toks) >= 2 and toks[-1] in STREET_WORDS and any(_contiguous_in(toks, a) for a in self._address_tokens):
            return True  # the practice's own street named alone: "our Chief Morale Officer at Harbor View Road"
        if toks and any(toks == _street_name(a) for a in self._address_tokens):
            return True  # an office called by its street, as staff do: "see him at Belmont", "our Harbor View office"
        if len(toks) < 2 or not any(t.isdigit() for t in toks):
            return False
        # another suite of the same building ("410 Harbor View Road, Suite 120") is a neighbour's
        # business address, as public as the practice's own
        return any(_contiguous_in(toks, a) or _same_building(toks, a) for a in self._address_tokens)

    def _drop_safe(self, text: str, cands: list[_Candidate], safe: list[tuple[int, int]]) -> list[_Candidate]:
        if not safe and not self._address_tokens:
            return cands
        out = []
        for c in cands:
            if self._part_of_safe_address(text[c.start:c.end]):
                continue
            covered = [False] * (c.end - c.start)
            for s, e in safe:
                for i in range(max(s, c.start), min(e, c.end)):
                    covered[i - c.start] = True
            rest = [i for i, cov in enumerate(covered) if not cov and text[c.start + i].isalnum()]
            if not rest:
                continue  # entirely the practice's own detail
            if len(rest) < len(covered) and any(covered):
                s, e = c.start + rest[0], c.start + rest[-1] + 1
                if c.entity_type in ("PERSON", "LOCATION") and not re.search(r"[^\W\d_]{2}", text[s:e]):
                    continue
                c = _Candidate(c.entity_type, s, e, c.score, c.rank, c.source)
            out.append(c)
        return out


def _retyped(text: str, toks, probs, c: _Candidate, min_prob: float) -> _Candidate:
    """A rule's PERSON the tagger reads as a place, or the reverse: the rules say it is
    one of the two, the tagger which (the other type at ``min_prob`` or more and likelier).
    A name becomes a place only when it is a known city ("Houston office closed"): turning
    any name the tagger doubted into a place let patients' names through on the verdict
    rounds (docs/phi.md)."""
    if c.entity_type not in ("PERSON", "LOCATION"):
        return c
    if c.entity_type == "PERSON":
        if text[c.start:c.end].casefold() not in cities()[0]:
            return c
        if _COURTESY_TITLE_BEFORE.search(text, max(0, c.start - 6), c.start):
            return c  # "Dr. Hollis": a title says person, though Hollis is also a town
    rows = [i for i, t in enumerate(toks) if t.idx < c.end and c.start < t.idx + len(t.text) and t.text[:1].isalnum()]
    if not rows:
        return c
    mean = probs[rows].mean(axis=0)
    other = "LOCATION" if c.entity_type == "PERSON" else "PERSON"
    k, own = (2, 1) if other == "LOCATION" else (1, 2)
    return replace(c, entity_type=other) if mean[k] >= min_prob and mean[k] > mean[own] else c


_NOUN_PHRASE_BEFORE = re.compile(r"\b(?:the|a|an|this|that|these|those|its|their)\s+((?:[a-z][a-z-]*\s+){1,3})$")


# a time of day that modifies the next word: "before our 8am |rush", "my 3pm |slump"
_TIME_MODIFIER_BEFORE = re.compile(r"\b(?:our|your|ur|my|the)\s+\d{1,2}(?::\d\d)?\s?(?:am|pm)\s+$", re.IGNORECASE)


def _modified_noun(text: str, start: int) -> bool:
    """A word after a determiner and its modifiers ("the mental health parity |bill") heads a noun phrase;
    not after a verb or a plural ("the kids loved |bill")."""
    m = _NOUN_PHRASE_BEFORE.search(text, max(0, start - 50), start)
    return bool(m) and not any(w in STOP_WORDS or re.search(r"(?:ed|ing|s)$", w) for w in m.group(1).split())


# rule results the informal tagger does not overrule
_COURTESY_TITLE_BEFORE = re.compile(r"\b(?:mr|mrs|ms|mx|miss|dr)\.?\s+$", re.IGNORECASE)
_RULES_KEEP = frozenset({"StreetAddressRecognizer", "HashtagNameRecognizer", "HandleRecognizer"})
# rule results it may drop when sure (``veto``): the ones the tweets taught it to judge. Vetoing
# the cue-word, address and ZIP recognizers too cost the synthetic records recall (R 0.962 -> 0.936)
# for nothing on tweets (docs/phi.md)
_VETO_SOURCES = frozenset({"SpacyRecognizer", "GivenNameRecognizer", "UncasedNameRecognizer"})

_INSIDE_A_QUOTED_TITLE = re.compile(r"[“\"](?-i:[A-Z])[^”\"\n]*$")
_VENUE = re.compile(r"\b(?:park|library|center|centre|hall|field|stadium|arena|school|elementary|academy|high|"
                    r"college|university|hospital|church|plaza|square|bridge|gardens?|museum|theat(?:er|re)|gym|"
                    r"auditorium|pavilion|commons|waterfront|downtown|hotel|inn|resort|lodge|ballroom|county|parish|township|"
                    r"crossing|trail|trailhead|overlook|viewpoint|pier|marina|lighthouse|reservoir)$",
                    re.IGNORECASE)
# the short words a Title-Case heading leaves in lower case ("How to Tell (and When to Get Help)")
_TITLE_CASE_SMALL = frozenset({"a", "an", "the", "and", "but", "or", "nor", "for", "to", "of", "in", "on", "at", "by",
                               "up", "as", "via", "vs", "per", "off", "out", "so", "yet", "with", "from", "into"})
# a Title-Case heading: no sentence punctuation inside but a question's mark ("Sprain or Fracture? How to
# Tell"), at most 12 words
_TITLE_CASE_LINE = re.compile(r"[^.!?\n]{3,120}(?:\?[ \t]+[^.!?\n]{2,120})*[.!?]?")
# "NE Alberta", "SW Main": a compass point before a capitalised word names a street (Portland, Seattle ...)
_COMPASS_BEFORE = re.compile(r"(?<![\w.])(?:N|S|E|W|NE|NW|SE|SW)\.?[ \t]+$")
_STATE_CODE_AFTER = re.compile(r",[ \t]*(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|"
                               r"S[CD]|T[NX]|UT|V[TA]|W[AVIY]"
                               # in lower case only the codes that are no English word: "madison, wi"
                               r"|ak|az|ar|ca|ct|dc|fl|ia|il|ks|ky|md|mn|mt|nv|nh|nj|nm|ny|nc|nd|ri|sc|sd|tn|tx|ut|vt|va|"
                               r"wa|wv|wi|wy)\b(?![a-z])")
_OWN_SITE_BEFORE = re.compile(r"\b(?:our|the|their|its)\s+$", re.IGNORECASE)
_SITE_AFTER = re.compile(r"[ \t]+(?:campus|office|location|branch|clinic|studio|site)\b")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|around|outside|across|throughout)\s+$", re.IGNORECASE)


def _shouted_word(typed: str, start: int, end: int, ordinary) -> bool:
    """"HOPE FOR GRACE AND JOY" in a mixed-case draft: dictionary words typed in capitals are
    shouting, and the rules already judged them; the tagger adds no name there."""
    value = typed[start:end]
    return case_style(typed) == "mixed" and value.isupper() and all(ordinary(w) for w in value.split())


def _placed_by_grammar(text: str, c: _Candidate) -> bool:
    """A place _place_by_grammar would make of a name: a venue ("Tom McCall Waterfront Park")
    or one word after "in"/"near". The informal tagger, taught on tweets, does not overrule it."""
    if c.entity_type != "LOCATION":
        return False
    return _place_by_grammar(text, replace(c, entity_type="PERSON", source="")).entity_type == "LOCATION"


def _one_name_one_kind(text: str, chosen: list[_Candidate]) -> list[_Candidate]:
    """A given name the draft uses for a person is that person where spaCy calls it a place too ("Ann is in
    her fifties ... If you see yourself in Ann, reach out"), unless it is a country or state ("a trip to Jordan")."""
    people = {text[c.start:c.end].casefold() for c in chosen if c.entity_type == "PERSON"}
    return [replace(c, entity_type="PERSON")
            if c.entity_type == "LOCATION" and c.source in ("SpacyRecognizer", "InformalTagger")
            and (low := text[c.start:c.end].casefold()) in people and low in given_names()
            and not is_country_or_state(text[c.start:c.end]) else c
            for c in chosen]


def _place_by_grammar(text: str, c: _Candidate) -> _Candidate:
    """A "name" that is a venue ("Tom McCall Waterfront Park", "Roosevelt High") or a single
    word after "in"/"near" ("a support group in Gresham") is a place: spaCy's small model
    often calls towns and venues named after people PERSON."""
    if c.entity_type != "PERSON" or c.source in _EXACT_NAME_SOURCES:
        return c
    value = re.sub(r"['’]s$", "", text[c.start:c.end])  # "Forest Park's Wildwood Trail"
    after = re.match(r"(?:[ \t]+[A-Z][a-z]+){1,2}", text[c.end:c.end + 30])  # "Hilton Portland Downtown"
    if (_VENUE.search(value) and not _named_in_apposition(text, c, value)) or (after and _VENUE.search(after.group(0))) \
            or _COMPASS_BEFORE.search(text[max(0, c.start - 5):c.start]):
        return replace(c, entity_type="LOCATION")
    if _OWN_SITE_BEFORE.search(text[max(0, c.start - 8):c.start]) and _SITE_AFTER.match(text[c.end:c.end + 12]):
        return replace(c, entity_type="LOCATION")  # "at our Gresham campus", "the Pearl office"
    code = _STATE_CODE_AFTER.match(text, c.end)
    if code and not _degree_after_name(text, c, code.group(0)):
        return replace(c, entity_type="LOCATION")  # "(Madison, WI)": a town and its state
    single = len(value.split()) == 1 and value.casefold() not in given_names()
    # (a city that is also a given name, after "here in": "Spring is (finally) here in Madison")
    town = len(value.split()) == 1 and value.casefold() in cities()[0] \
        and bool(re.search(r"\b(?:here|live|living|lives|based|located|clinics?|offices?|families|folks)\s+in\s+$",
                           text[max(0, c.start - 20):c.start], re.IGNORECASE))
    # (or a town of two or three words no one is named: "after emigrating from Santo Domingo")
    city = len(value.split()) in (2, 3) and value.casefold() in cities()[0] \
        and bool(re.search(r"\b(?:from|to|in|near)\s+$", text[max(0, c.start - 8):c.start], re.IGNORECASE))
    if (city or ((single or town) and _PLACE_PREPOSITION.search(text[max(0, c.start - 12):c.start]))) \
            and not re.match(r"['’]s\b", text[c.end:c.end + 3]):
        return replace(c, entity_type="LOCATION")
    return c


_PREPOSITION_BEFORE = re.compile(r"\b(?:with|of|in|for|by|from|into|without)[ \t]+$")
_SAINT_BEFORE = re.compile(r"(?<![\w.])(?:St|Ste|Saint)\.?[ \t]+$")
_SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})
# "Mom Autumn is a saint": a relative or a title makes the season a name
_KIN_OR_TITLE_BEFORE = re.compile(r"\b(?:mom|mum|mama|dad|papa|mother|father|sister|sis|brother|aunt|uncle|grandma|"
                                  r"grandpa|nana|baby|little|miss|mrs|mr|ms|mx|dr|coach|nurse)\.?\s+$", re.IGNORECASE)
_SEASON_AFTER = re.compile(r"[ \t]+(?:has|is|arrived|arrives|news|tips|hours|specials?|sale|schedule|break|camp|"
                           r"sessions?|semester|edition|issue|newsletter|update|class(?:es)?|program|hours|reading|"
                           r"cleaning|checklist|reminders?)\b", re.IGNORECASE)
# a season come round, whoever the sentence seems to make of it: "Spring is finally here", "Fall has arrived"
_SEASON_ARRIVES = re.compile(r"[ \t]+(?:is|has)[ \t]+(?:finally[ \t]+|officially[ \t]+)?(?:here|arrived|upon us|in the air|"
                             r"around the corner|coming)\b", re.IGNORECASE)
# a heading's first noun, naming whose the feature is: "Staff| Story", "Team| Spotlight", "Client| Corner"
# (or an item of a sequence: "Day 1, Mapping.", "Step 2: Breathing")
_HEADING_NOUN_BEFORE = re.compile(r"\b(?:Staff|Team|Client|Patient|Member|Provider|Clinician|Therapist|Employee|Volunteer|"
                                  r"Intern|Parent|Family|Practice|Office)[ \t]+$"
                                  r"|\b(?:Day|Days|Week|Weeks|Step|Part|Phase|Module|Lesson|Tip)[ \t]+\d{1,2}(?:[–-]\d{1,2})?"
                                  r"[ \t]*[,:.—–-][ \t]*$")
_MY_PRODUCT = re.compile(r"My[A-Z][a-z]+(?:[A-Z][a-z]+)*")
_OFFICE_TITLE_BEFORE = re.compile(r"\b(?:sen|senator|rep|representative|mayor|gov|governor|council(?:wo)?man|councilor|"
                                  r"commissioner|judge|principal|coach|pastor|rev|reverend|chief|president|sheriff)\.?\s+$",
                                  re.IGNORECASE)
# someone introduced by what they do: "Our intake coordinator, Renee Park, can be reached at ..."
_APPOSITION_BEFORE = re.compile(r"\b(?:our|ur|the|my)\s+(?:[\w-]+\s+){0,2}(?:[a-z-]+(?:er|or|ist|ian|ant|ent)|lead|head|"
                                r"chief|nurse|coach|aide|liaison|rep)s?\s*,\s*$", re.IGNORECASE)


def _named_in_apposition(text: str, c: _Candidate, value: str) -> bool:
    """A given name and a surname that is also a venue word ("Renee Park", "Tom Hall") after a job
    in apposition or a title is a person, not a park."""
    words = value.split()
    if len(words) == 1:  # "Thank you for sharing your story, Dr. Park!"
        return bool(_COURTESY_TITLE_BEFORE.search(text, max(0, c.start - 6), c.start))
    head = _APPOSITION_BEFORE.search(text, max(0, c.start - 50), c.start)
    return len(words) == 2 and words[0].casefold() in given_names() and (
        bool(head and not _VENUE.search(head.group().rstrip(", \t")))
        or bool(_COURTESY_TITLE_BEFORE.search(text, max(0, c.start - 6), c.start))
        or bool(_OFFICE_TITLE_BEFORE.search(text, max(0, c.start - 20), c.start)))


# (and the short forms of office titles: "Sen. Laura Whitfield", "Rep. Ortiz", "Gov. Kotek")
_ABBREVIATIONS = frozenset({"st", "sr", "jr", "sen", "rep", "gov", "supt", "cllr"})
# state codes that are also degrees written after a name: "Leon Abara, MD", "Dana Cole, PA-C", "Ann Wu, MS"
_DEGREE_STATE_CODES = frozenset({"md", "pa", "dc", "ms", "ma", "nd"})
# degrees and licences written with dots after a name ("Dev Bhatt, M.S., CCC-SLP"), besides CREDENTIALS
_DEGREES = frozenset({"ms", "ma", "md", "mph", "mba", "msn", "bsn", "rn", "np", "pa", "do", "ba", "bs", "msc", "med",
                      "edd", "phd", "psyd", "mfa", "lpn", "pharmd", "od", "dds", "dmd", "mft", "msw"})
_DEGREE_WORDS = _DEGREES | CREDENTIALS


def _degree_after_name(text: str, c: _Candidate, code: str) -> bool:
    """", MD" after a name is a doctor's degree, not Maryland, unless the name is a known town
    ("Frederick, MD") or, with no title before it, does not open with a given name ("Glen Burnie, MD" is a town
    by the list; "Ellicott City, MD" by not being a person's name)."""
    if code.strip(", \t").casefold() not in _DEGREE_STATE_CODES:
        return False
    value = text[c.start:c.end]
    if _COURTESY_TITLE_BEFORE.search(text, max(0, c.start - 6), c.start):
        return True
    first = value.split()[0].casefold() if value.split() else ""
    return value.casefold() not in cities()[0] and first in given_names()


# an organisation's acronym by its neighbours: a capitalised name after it ("NAMI Westchester"), a word for
# its people or services ("NAMI volunteer", "NEDA helpline"), or "chapter of" before it ("chapter of NEDA")
_ORG_NOUNS = (r"(?:volunteers?|members?|membership|chapters?|affiliates?|branch(?:es)?|boards?|helpline|hotline|"
              r"conference|convention|guidelines?|website|staff|partners?|partnership|grants?|fellows?|"
              r"certification|certified|accredited|accreditation)")
_ORG_NOUN_AFTER = re.compile(rf"[ \t]+(?:[A-Z][a-z]|{_ORG_NOUNS}\b)")
_ORG_NOUN_BEFORE = re.compile(rf"\b{_ORG_NOUNS}[ \t]+(?:of|with|from|at|by)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)


# a figure's source: "(40-60%, per NIDA)", "according to the CDC", "data from NIMH"
_CITED_SOURCE_BEFORE = re.compile(r"\b(?:per|according to|source:|sources:|data from|(?:study|report|survey|guidelines?) "
                                  r"(?:from|by))[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)


# clinical and program acronyms that are also given names somewhere
_ACRONYMS_NOT_NAMES = frozenset({"nicu", "picu", "gad", "nami", "neda", "aca", "gre", "smart", "craft"})


def _organisation_acronym(typed: str, start: int, end: int) -> bool:
    """A word of 2-6 capitals next to what names an organisation, here or where the draft uses it again
    ("with NAMI Westchester ... NAMI volunteer Rob"): an acronym, not a name typed in capitals. Names shouted
    alone ("ok who told DYLAN he could") have no such neighbours."""
    word = typed[start:end]
    if not re.fullmatch(r"[A-Z]{2,6}", word):
        return False
    if word.casefold() in _ACRONYMS_NOT_NAMES:
        return True  # "our NICU dads group": a unit's or a program's letters, though "Nicu" is a given name
    for m in re.finditer(rf"(?<![\w#@]){word}(?!\w)", typed):
        if _ORG_NOUN_AFTER.match(typed, m.end()) or _ORG_NOUN_BEFORE.search(typed, max(0, m.start() - 40), m.start()) \
                or _CITED_SOURCE_BEFORE.search(typed, max(0, m.start() - 40), m.start()):
            return True
    return False


# (the rest of the title may come first: "2. Man's| Search for Meaning — Viktor Frankl")
_AUTHOR_AFTER = re.compile(r"[^\n—–]{0,60}?[ \t]+[—–-][ \t]+[A-Z][\w'’-]+[ \t]+[A-Z]")


def _listed_title(text: str, c: _Candidate) -> bool:
    """ "• Happier — Dan Harris", "2. Man's Search for Meaning — Viktor Frankl": an English word opening a list
    item before its author is a book's title."""
    value = text[c.start:c.end]
    return c.entity_type == "PERSON" and " " not in value \
        and bool(_LIST_ITEM_OPENING.search(text, max(0, c.start - 8), c.start)) \
        and bool(_AUTHOR_AFTER.match(text, c.end)) and value.casefold() in english_words() \
        and (not census_given_name(value) or not re.match(r"[ \t]+[—–-]", text[c.end:]))  # (a title goes on after it)


# a title in quotes of any kind before its author: "• 'Brain Lock' — Jeffrey M. Schwartz", "“Lost Connections” by Johann
# Hari" (an apostrophe inside a word stays in the title: "'Man's Search for Meaning'")
_QUOTED_TITLE_BY = re.compile(r"['\"‘“](?P<title>(?:[^'\"‘“’”\n]|(?<=\w)['’](?=\w)){2,100})['\"’”][ \t]*(?:[—–-]+|,?[ \t]*by)[ \t]+"
                              r"(?:dr\.?[ \t]+)?[A-Z][\w'’.-]*[ \t]+[A-Z]")


def _quoted_title(text: str, c: _Candidate) -> bool:
    """A name-like word inside a quoted title that its author follows is the title's."""
    if c.entity_type not in ("PERSON", "LOCATION"):
        return False
    line_start = text.rfind("\n", 0, c.start) + 1
    line_end = text.find("\n", c.end)
    line_end = len(text) if line_end < 0 else line_end
    return any(m.start("title") <= c.start and c.end <= m.end("title") + 1 and _title_words(m.group("title"))
               for m in _QUOTED_TITLE_BY.finditer(text, line_start, line_end))


def _title_words(words: str) -> bool:
    """A few capitalised words and no sentence in them: a title ("Brain Lock", "Man's Search for Meaning"), not a
    client's quoted words signed below ("Watching me get better is what got my sister Renata to ...")."""
    found = re.findall(r"[^\W\d_][\w'’-]*", words)
    return 0 < len(found) <= 8 and not re.search(r"[.!?]", words) \
        and all(w[0].isupper() or w.casefold() in _TITLE_CASE_SMALL for w in found)


def _led_by_an_acronym(typed: str, c: _Candidate) -> bool:
    """ "NAMI Multnomah", "YMCA Southwest": an organisation's acronym and its chapter's place, in a draft that
    capitalises as usual, not a person (no given name is three to six capitals there)."""
    words = typed[c.start:c.end].split()
    return c.entity_type == "PERSON" and len(words) >= 2 and bool(re.fullmatch(r"[A-Z]{3,6}", words[0])) \
        and not census_given_name(words[0]) and words[1][:1].isupper() and not words[1].isupper()


def _known_organisation_first(text: str, c: _Candidate) -> bool:
    """ "donate to nami oregon in her honor": a known organisation's acronym and its chapter, in any case."""
    words = text[c.start:c.end].split()
    return c.entity_type == "PERSON" and len(words) >= 2 and words[0].casefold() in _KNOWN_ORG_ACRONYMS


# mental-health organisations whose chapters are named by place ("NAMI Multnomah", "nami oregon")
_KNOWN_ORG_ACRONYMS = frozenset({"nami", "neda", "samhsa", "afsp", "dbsa", "adaa", "chadd", "ymca", "ywca", "nimh",
                                 "aacap", "psi", "nida", "niaaa", "nih", "cdc"})


def _code_or_degree(typed: str, c: _Candidate) -> bool:
    """Spans of a name or place that are something else by their letters: an acronym in capitals that is
    no given name ("NAMI", "NEDA" by its neighbours) or no known place ("in JAMA"); a code mixing cases with
    capitals in a row ("MenACWY", "DTaP", names are "McAllen", "DeShawn"); a degree with dots ("M.S.")."""
    if c.entity_type not in ("PERSON", "LOCATION"):
        return False
    value = typed[c.start:c.end]
    if "." in value and value.replace(".", "").casefold() in _DEGREE_WORDS:
        return True  # "Dev Bhatt, M.S., CCC-SLP"; states are "MS" or "Miss."
    if re.fullmatch(r"[^\W\d_]+", value) and re.search(r"[a-z]", value) and re.search(r"[A-Z]{2}", value):
        return True  # a vaccine's or product's code: a name's capitals each open a part of it
    if value.casefold() in _KNOWN_ORG_ACRONYMS and _CITED_SOURCE_BEFORE.search(typed, max(0, c.start - 40), c.start):
        return True  # a known agency cited in any case: "per nida"
    if case_style(typed) == "upper" or not re.fullmatch(r"[A-Z]{2,6}", value) \
            or _shouted_line(typed, c.start) or _shouted_run(typed, c.start, c.end):
        return False  # capitals in shouting, or in a draft without lower case, say nothing
    if _organisation_acronym(typed, c.start, c.end):
        return True  # (also where the draft has no other capital: "relapse is common, per NIDA")
    if case_style(typed) != "mixed":
        return False
    low = value.casefold()
    if c.entity_type == "PERSON":
        return low not in given_names()
    return len(value) >= 4 and low not in cities()[0] and not is_country_or_state(value)  # "NYC", "PDX": places


def _settled_given_name(value: str, recognizer: str) -> bool:
    """A given name in capitals that the sentence treats as a person ("Patient of the month: JOY!",
    "goes to HAZEL who lost her first tooth"): shouted for joy, not an acronym."""
    return recognizer == "HumanContextRecognizer" and value.casefold() in given_names()


def _acronym(typed: str, c: _Candidate) -> bool:
    """ "an ADA entrance": a short word in capitals, as typed (in a draft that uses lower case), not one
    inside a shouted run ("HI SAM, WE'RE SO SORRY ..." before the rest in sentence case)."""
    value = typed[c.start:c.end]
    # (four or five capitals too, where no one is called that: "NICU", "EEOC"; not "NINA", "AMARA")
    short = len(value) <= 3 or (len(value) <= 5 and value.casefold() not in given_names()
                                and value.casefold() not in common_surnames())
    return c.entity_type == "PERSON" and value.isalpha() and value.isupper() and short \
        and not _settled_given_name(value, c.source) \
        and not _shouted_line(typed, c.start) and not _shouted_run(typed, c.start, c.end)


def _shouted_run(text: str, start: int, end: int) -> bool:
    """Most of the words just around the span are in capitals too."""
    near = re.findall(r"[^\W\d_]{2,}", text[max(0, start - 30):start] + " " + text[end:end + 30])
    return len(near) >= 3 and sum(w.isupper() for w in near) >= 0.8 * len(near)


def _shouted_line(text: str, pos: int) -> bool:
    """The line holding ``pos`` is typed in capitals ("CONGRATS TO AVA!!!" inside a mixed draft)."""
    line = text[text.rfind("\n", 0, pos) + 1:(text.find("\n", pos) + 1 or len(text) + 1) - 1]
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _chat_word(value: str) -> bool:
    """Chat shorthand, also stretched ("Ayeee", "Yessirr", "Lmaooo"), and a bare title ("dr",
    "St") are not a name or a place."""
    low = value.casefold().rstrip(".")
    if low in HONORIFICS or low in _ABBREVIATIONS:
        return True
    return is_chat_word(low)


# words chat writers put next to a name that no dictionary lists
_GREETINGS = frozenset({"congrats", "congratulations", "thanks", "thx", "ty", "hi", "hey", "hello", "dear", "welcome",
                        "shoutout", "kudos", "cheers", "bye", "xoxo", "yay", "omg", "lol"})


# USPS street-suffix and unit abbreviations: "410 Harbor View Rd, Ste 200" is "... Road, Suite 200"
_ADDRESS_ABBREVIATIONS = {
    "road": "rd", "street": "st", "avenue": "ave", "av": "ave", "boulevard": "blvd", "drive": "dr", "lane": "ln",
    "court": "ct", "place": "pl", "highway": "hwy", "parkway": "pkwy", "terrace": "ter", "circle": "cir",
    "square": "sq", "suite": "ste", "building": "bldg", "floor": "fl", "apartment": "apt", "north": "n",
    "south": "s", "east": "e", "west": "w", "northeast": "ne", "northwest": "nw", "southeast": "se",
    "southwest": "sw", "mount": "mt", "saint": "st", "fort": "ft", "unit": "unit", "#": "ste",
}


def _address_words(value: str) -> tuple[str, ...]:
    return tuple(_ADDRESS_ABBREVIATIONS.get(w, w) for w in re.findall(r"\w+", value.casefold()))


_TITLE_BEFORE = re.compile(r"\b(?:mr|mrs|ms|mx|dr|prof|st|sr|jr)\.\s*$", re.IGNORECASE)
_NAME_PARTICLES = {"de", "del", "della", "da", "do", "dos", "das", "des", "du", "la", "le", "van", "von", "der",
                   "den", "di", "el", "al", "bin", "binti", "ibn", "y", "e", "ter", "ten", "st."}


def _same_building(toks: tuple[str, ...], address: tuple[str, ...]) -> bool:
    """Both start with the same house number and street name up to the street word."""
    street = address[:next((i + 1 for i, t in enumerate(address) if t in _STREET_SUFFIXES), 0)]
    return len(street) >= 3 and toks[:len(street)] == street


_STREET_SUFFIXES = frozenset(_ADDRESS_ABBREVIATIONS.values()) - {"n", "s", "e", "w", "ne", "nw", "se", "sw", "ste",
                                                                   "apt", "unit", "fl", "bldg"}


def _street_name(address: tuple[str, ...]) -> tuple[str, ...]:
    """The words naming an address's street, without house number, direction or street word:
    ("belmont",) in "1420 SE Belmont St, Suite 300"."""
    end = next((i for i, t in enumerate(address) if t in _STREET_SUFFIXES), 0)
    words = [t for t in address[:end] if not t.isdigit() and t not in ("n", "s", "e", "w", "ne", "nw", "se", "sw")]
    return tuple(words) if end and all(not t.isdigit() for t in words) else ()


def _contiguous_in(needle: tuple[str, ...], hay: tuple[str, ...]) -> bool:
    n = len(needle)
    return any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


_LISTED_PLACES_BEFORE = re.compile(r"\b(?:in|near|around|across|throughout|serving|from|to|at)[ \t]+$", re.IGNORECASE)
_LIST_JOINT_BETWEEN = re.compile(r"[ \t]*(?:,|&|\band\b|\+)[ \t]*(?:and[ \t]+)?")


def _places_listed(text: str, chosen: list[_Candidate]) -> list[_Candidate]:
    """ "in Cedar Falls, Waverly & Janesville": a word listed right after a place is a place too (capitalised, a
    known town or no given name; a cue-word or shape recognizer's person stays: "in Portland and Maya came")."""
    out = sorted(chosen, key=lambda c: c.start)
    for i in range(1, len(out)):
        prev, c = out[i - 1], out[i]
        head = i - 1  # the list's first item must follow a place's preposition: "in Cedar Falls, ..."
        while head > 0 and out[head - 1].entity_type == "LOCATION" \
                and _LIST_JOINT_BETWEEN.fullmatch(text, out[head - 1].end, out[head].start):
            head -= 1
        if c.entity_type == "PERSON" and prev.entity_type == "LOCATION" and c.source not in _EXACT_NAME_SOURCES \
                and _LISTED_PLACES_BEFORE.search(text, max(0, out[head].start - 14), out[head].start) \
                and _LIST_JOINT_BETWEEN.fullmatch(text, prev.end, c.start) and text[c.start:c.start + 1].isupper() \
                and " " not in text[c.start:c.end].strip() \
                and (text[c.start:c.end].casefold() not in given_names() or text[c.start:c.end].casefold() in cities()[0]):
            out[i] = replace(c, entity_type="LOCATION")
    return out


def _initial_and_surname(value: str) -> bool:
    """ "K. Morales": an initial and a census surname that is no dictionary word (a plural may be one: "morales")."""
    m = re.fullmatch(r"[A-Z]\.[ \t]?([A-Z][a-z]+)", value)
    return bool(m) and m.group(1).casefold() in common_surnames() and m.group(1).casefold() not in english_words()


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim leading articles/possessives and trailing punctuation spaCy includes."""
    value = text[start:end]
    # (and an imperative the tagger took in: "Call Darnell at ...", "Ask Priya")
    m = re.match(r"(?i)(?:the|a|an|my|our|his|her|their|call|text|email|e-mail|ask|dm|message|meet)\s+(?=\S)", value)
    if m:
        start += m.end()
    while start < end and text[start] in "-–—~•·*>\"“'‘( \t\n":  # "— kevin" under a quote
        start += 1
    # (and what follows the name on its line or the next: "Janesville 🚗\n•")
    while end > start and (text[end - 1] in ".,;:!?'\"’) \n\t•·*" or not (text[end - 1].isalnum() or text[end - 1] in "-’'")):
        end -= 1
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    return start, end


# a name's neighbour in a list: "X, Y", "X and Y", "X & Y", "X + her twins Y"
_JOINT = r"(?P<joint>[ \t]*,[ \t]*(?:and[ \t]+|&[ \t]*)?|[ \t]*[&+][ \t]*|[ \t]+(?:and|n)[ \t]+|[ \t]+/[ \t]+)"
_KIN_WORDS = r"(?:(?:her|his|their)[ \t]+(?:\w+[ \t]+)?(?:twins?|sis|sister|bro|brother|son|daughter|mom|dad|kids?|baby|cousin)[ \t]+)?"
_LISTED_AFTER = re.compile(_JOINT + _KIN_WORDS + r"(?P<w>[^\W\d_][\w'’\-]*)(?![\w'’@])")
_LISTED_BEFORE = re.compile(r"(?<![\w'’@#\-])(?P<w>[^\W\d_][\w'’\-]*)" + _JOINT + r"(?:(?:baby|little|lil|big)[ \t]+)?$")
# (not "hill", "woods", "bay": "Lauryn Hill", "Tiger Woods", "Michael Bay")
_LANDFORM = r"butte|creek|falls|mountain|peak|canyon|gorge|island|cove|valley|meadows?|wetlands?|headlands?|dunes"
_PLACE_AFTER = re.compile(r"(?P<between>(?:[ \t]+[^\W\d_][\w'’\-]*){0,2})[ \t]+(?:%s|drive|park|library|bridge|"
                          r"crossing|trail|stadium|arena|memorial|plaza|airport|gardens?|museum|zoo|beach|lake|river|"
                          r"mall|market|pier|aquarium|%s)\b" % ("|".join(sorted(STREET_TYPES)), _LANDFORM),
                          re.IGNORECASE)
# the name is a landform's, the landform word taken in: "Powell Butte at 7:40 this morning", "Multnomah Falls"
_LANDFORM_LAST = re.compile(r"[ \t](?:" + _LANDFORM + r")$", re.IGNORECASE)


def _named_place_after(text: str, end: int) -> bool:
    """The name is part of a street's or a landmark's: "Haywood Rd", "tom mccall waterfront park"."""
    m = _PLACE_AFTER.match(text, end)
    return bool(m) and not any(w.casefold() in STOP_WORDS for w in m.group("between").split())


_TITLE_WORDS = HONORIFICS | {"coach", "nurse", "aunt", "uncle"}
_LIST_GOES_ON = re.compile(_JOINT.replace("?P<joint>", "") + r"[^\W\d_]")
_PAIR_SUBJECT = re.compile(
    r"(?<![\w'’\-])([A-Z][^\W\d_]*[a-z][\w'’\-]*)[ \t]+and[ \t]+([A-Z][^\W\d_]*[a-z][\w'’\-]*)[ \t]+"
    r"(?:were|are|have|had|both|met|went|became|founded|started|wrote|sang|played|married|will|would|can|could)\b")

_LOCATIVE = {"in", "at", "from", "to", "near", "into", "visit", "visiting", "around", "outside"}


def _prefer_person(text: str, cands: list[_Candidate]) -> list[_Candidate]:
    """spaCy often calls a lone first name a place ("Magnus spent a year..."):
    when the span is a known given name and no locative word precedes it, the
    person reading wins."""
    places = [c for c in cands if c.entity_type == "LOCATION"]
    out = []
    for c in cands:
        if c.entity_type == "LOCATION" and c.source == "SpacyRecognizer" and _lone_given_name(text, c.start, c.end):
            coordinated = re.search(r"(?:,|\band|\bor)\s*$", text[max(0, c.start - 6):c.start]) and any(
                0 < c.start - p.end <= 6 for p in places)
            if not coordinated:
                c = _Candidate("PERSON", c.start, c.end, c.score, c.rank, c.source)
        out.append(c)
    return out


def _in_hashtag(text: str, start: int) -> bool:
    i = start
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
    return i > 0 and text[i - 1] == "#"


def _lone_given_name(text: str, start: int, end: int) -> bool:
    """A first name, or first name + surname, that spaCy labelled a place,
    with no locative word ("in", "to", "from"...) before it."""
    words = text[start:end].split()
    if not 1 <= len(words) <= 3 or words[0].casefold() not in given_names():
        return False
    if not all(w[:1].isupper() for w in words):
        return False
    prev = re.findall(r"[^\W\d_]+", text[max(0, start - 20):start])
    if prev and prev[-1].casefold() == "to" and _SPOKEN_TO.search(text[max(0, start - 40):start]):
        return True  # "said Maslin to Antonio": spoken to a person, not travelled to a place
    return not prev or prev[-1].casefold() not in _LOCATIVE


_SPOKEN_TO = re.compile(r"\b(?:said|says|say|told|asked|wrote|replied|spoke|speak|talked|talk|explained|"
                        r"introduced|married|engaged|sent|gave|shouted|whispered)\b[^.!?\n]{0,30}\bto\s*$",
                        re.IGNORECASE)


def _resolve(cands: list[_Candidate], text: str) -> list[_Candidate]:
    """One entity per span: by rank, then longer, then higher score."""
    chosen: list[_Candidate] = []
    for c in sorted(cands, key=lambda c: (c.rank, -(c.end - c.start), -c.score, c.start)):
        clash = [o for o in chosen if c.start < o.end and o.start < c.end]
        if not clash:
            chosen.append(c)
        elif c.entity_type == "PERSON" and all(o.entity_type == "PERSON" for o in clash):
            chosen.extend(_remainders(text, c, clash))
    return sorted(chosen, key=lambda c: c.start)


def _remainders(text: str, c: _Candidate, clash: list[_Candidate]) -> list[_Candidate]:
    """The part of a longer name span that another name does not cover
    ('Ashley:"I'm Melvin's' after 'Ashley' was taken -> 'Melvin')."""
    out, pos = [], c.start
    for o in sorted(clash, key=lambda o: o.start) + [_Candidate("", c.end, c.end, 0, 0)]:
        piece = text[pos:max(pos, o.start)]
        for m in re.finditer(r"[^\W\d_][\w\-]*(?:[ \t]+[^\W\d_][\w\-]*)*", piece):
            words = [w for w in m.group(0).split() if w.casefold() not in STOP_WORDS and w[0].isupper()]
            if words and len(words[0]) > 1:
                s = pos + m.start() + m.group(0).find(words[0])
                e = pos + m.start() + m.group(0).rfind(words[-1]) + len(words[-1])
                out.append(_Candidate("PERSON", s, e, c.score, c.rank, c.source))
        pos = max(pos, o.end)
    return out


_NEIGHBOURS_AFTER = re.compile(r"(?:-[^\W\d_][\w'’]*)?(?:[ \t]*(?:&|and)[ \t]*[^\W\d_][\w'’\-]*)?"
                               r"[ \t]+(?:neighbou?rs|neighbou?rhood|residents|"
                               r"locals|area|community|group)\b", re.IGNORECASE)  # ("Hi Sellwood-Moreland group!")
_GROUP_WORDS = {"men", "women", "kids", "children", "moms", "dads", "parents", "teens", "seniors", "veterans"}
_KEYWORD_BEFORE = re.compile(r"\b(?:text|reply|type|send)\s+[\"“']$", re.IGNORECASE)
_NUMBERED_BEFORE = re.compile(r"\d\w*[ \t]+(?:[^\W\d_]+[ \t]+){0,2}$")  # "7800 se 13th ave": a street's type
_STREET_LAST = re.compile(r"[ \t](?:%s)\.?$" % "|".join(sorted(STREET_TYPES)), re.IGNORECASE)


# an organisation's name that goes on to say where it is: "the Center for Eating Disorders at Sheppard Pratt",
# "Department of Psychiatry at Johns Hopkins", "University of Washington": what follows is the institution
_INSTITUTION = (r"(?:Center|Centre|Institute|Department|Dept|Program|Programme|Clinic|Hospital|School|College|"
                r"University|Academy|Foundation|Association|Society|Council|Alliance|Coalition|Network|Division)")
_HOUSE_OF_WORSHIP_AFTER = re.compile(r"[ \t]+(?:Chapel|Church|Temple|Mosque|Synagogue|Ministries|Cathedral|Parish|"
                                     r"Fellowship|Tabernacle|Assembly)\b")
# a name ending in the kind of body it is: a shelter, a church, a club is no person
_ORGANISATION_LAST = re.compile(rf"[ \t](?:{_INSTITUTION}|Shelter|Rescue|Bank|Pantry|Church|Chapel|Temple|Mosque|"
                                r"Synagogue|Ministries|Library|Club|League|Fund|Project|Initiative|Collective|Cooperative|"
                                r"Co-op|Company|Corporation|Inc|LLC|Group|Partners|Services|Hospice|Gym|Fitness|"
                                r"HS|MS|JHS|Middle|High|Elementary)\.?$")  # "Jefferson MS gym": a school
_INSTITUTION_BEFORE = re.compile(rf"\b{_INSTITUTION}(?:[ \t]+(?:for|of|on|and|&|the|[A-Z][\w'’\-]*)){{0,6}}"
                                 r"[ \t]+(?:at|of)[ \t]+(?:the[ \t]+)?$")
_INSTITUTION_NAMED_AFTER = re.compile(r"[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?[A-Z]")
# an animal, and the pets named right after it: "our dog Biscuit", "two rescue greyhounds, Pepper and Juno",
# or after the name: "Biscuit the therapy dog" (not "our dog walker Sam", "Sam the dog groomer")
_PET_BEFORE = re.compile(rf"(?<![\w-]){ANIMAL}(?:,|[ \t]+(?:named|called))?[ \t]+"
                         r"(?:[A-Z][\w'’\-]*(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+))*$")
_PET_AFTER = re.compile(rf",?[ \t]+the[ \t]+(?:[\w-]+[ \t]+)?{ANIMAL}(?![\w-]|[ \t]+(?:walker|sitter|groomer|trainer|"
                        r"handler|owner|mom|dad|lover|person|whisperer)s?\b)", re.IGNORECASE)
# a place to eat named for its owner: "team lunch at Nonna Lucia's 🍝", "coffee from Joe's" (no noun follows the
# possessive, as in "dinner at Sarah's house", where Sarah is the person who owns it)
_MEAL_AT = re.compile(r"\b(?i:lunch|dinner|brunch|breakfast|coffee|drinks|dessert|tacos|pizza|takeout|take-out|treats|"
                      r"food|eats|catering|snacks)[ \t]+(?i:at|from)[ \t]+(?:[A-Z][\w'’\-]*[ \t]+){0,2}$")
_WHEN_WORDS = {"today", "tonight", "yesterday", "tomorrow", "again", "now", "later", "earlier"}
# a title alone ("Dr", "Mrs.", "Coach") is no one until a name follows it
_TITLE_ONLY = _TITLE_WORDS | {"professor", "mister"}


def _venue_named_for_owner(text: str, c: _Candidate) -> bool:
    if re.search(r"['’]s$", text[c.start:c.end]):
        after = c.end
    elif re.match(r"['’]s(?!\w)", text[c.end:c.end + 3]):
        after = c.end + 2
    else:
        return False
    owned = re.match(r"[ \t]+([a-z]+)", text[after:])  # "at Sarah's house": Sarah owns the house
    return bool(_MEAL_AT.search(text, max(0, c.start - 30), c.start)) \
        and not (owned and owned.group(1) not in STOP_WORDS | _WHEN_WORDS)


def _title_only(value: str) -> bool:
    words = re.findall(r"[^\W\d_]+", value)
    return bool(words) and all(w.casefold() in _TITLE_ONLY for w in words)


_PRONOUNS = frozenset({"i", "me", "you", "u", "ya", "he", "him", "she", "her", "we", "us", "they", "them", "it",
                       "your", "ur", "yours", "his", "hers", "their", "theirs", "our", "ours",
                       # and their contractions, either apostrophe: "We’re in-network with ..."
                       *(p + a + c for p, cs in (("we", ("re", "ve", "ll", "d")), ("you", ("re", "ve", "ll", "d")),
                                                 ("they", ("re", "ve", "ll", "d")), ("i", ("m", "ve", "ll", "d")),
                                                 ("he", ("s", "ll", "d")), ("she", ("s", "ll", "d")), ("it", ("s",)))
                         for c in cs for a in ("'", "’"))})


def _in_brand(text: str, c: _Candidate) -> bool:
    """A name or place inside a brand's name ("ray" of "ray-ban", "Kate Spade", "Henry Schein"), or
    listed with brands ("ray-ban, oakley & kate spade in stock", "lines from Ray-Ban and Lindberg")."""
    if c.entity_type not in ("PERSON", "LOCATION"):
        return False
    for m in brand_pattern().finditer(text, max(0, c.start - 40), c.end + 40):
        if m.start() <= c.start and c.end <= m.end():
            return True
        if (_LIST_JOINT.fullmatch(text, m.end(), c.start) or _LIST_JOINT.fullmatch(text, c.end, m.start())) \
                and " " not in text[c.start:c.end].strip() \
                and _WARES.search(text, max(0, min(m.start(), c.start) - 80), max(m.end(), c.end) + 80):
            return True  # one word listed with a brand among wares, not "Ray-Ban and Maria Lopez stopped by"
    return False


_WARES = re.compile(r"\b(?:frames?|lenses|collections?|lines?|in stock|products?|brands?|on sale|carry|restock\w*|"
                    r"designers?|styles?|shelves|arrivals?)\b", re.IGNORECASE)


_LIST_JOINT = re.compile(r"\s*(?:,|&|\+|/|and)\s*(?:and\s+)?")


# a slot of a schedule written out: "calendar: Mon 9 Hamdi / 10 Lyudmila P", "• 10:30 Amara"
_AT_A_SLOT_BEFORE = re.compile(r"(?:^|[:/|•\n][ \t]*)(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\w*[ \t]+)?"
                               r"\d{1,2}(?::\d\d)?[ \t]*(?:am|pm)?[ \t]+$", re.IGNORECASE)


# a name shouted as a cheer: "GO SKY GO", "HUNTER U DID THAT", "FAITH FAITH FAITH 📣", "GABITO HAS ARRIVED"
_CHEER_BEFORE = re.compile(r"\b(?:GO|LET'?S GO|HAPPY BIRTHDAY|HBD|PROUD OF)[ \t]+$")
_CHEER_AFTER = re.compile(r"[^\w\n]{0,4}[ \t]*(?:GO|HAS ARRIVED|IS BACK|DID IT|DID THAT)\b")
# (spoken to as a clause opens: "comment: HUNTER U DID THAT", not "WE LOVE YOU")
_SPOKEN_TO_AFTER = re.compile(r"[^\w\n]{0,4}[ \t]*(?:U|YOU|UR|YOUR)\b")
_CLAUSE_OPENS_BEFORE = re.compile(r"(?:^|[:.!?\n—–]|[^\w\s'’])[ \t]*$")


_CHANT_GAP = re.compile(r"[^\w\n]{1,8}")


def _cheered(text: str, start: int, end: int) -> bool:
    return bool(_CHEER_BEFORE.search(text, max(0, start - 16), start) or _CHEER_AFTER.match(text, end)
                or (_SPOKEN_TO_AFTER.match(text, end) and _CLAUSE_OPENS_BEFORE.search(text, max(0, start - 4), start))
                or _chanted(text, start, end))


def _chanted(text: str, start: int, end: int) -> bool:
    """The same name again right after it: "FAITH FAITH FAITH 📣", "SIDDHARTH 🏆 SIDDHARTH"."""
    gap = _CHANT_GAP.match(text, end)
    again = gap.end() if gap else -1
    after = again + (end - start)
    return gap is not None and text.startswith(text[start:end], again) \
        and not (after < len(text) and (text[after].isalnum() or text[after] == "_"))


# a pet's name right after the animal: "her rescue pit mix, olive,", "our dog named Biscuit"
_PET_NAMED = re.compile(rf"(?<![\w-]){ANIMAL}(?:,|[ \t]+(?:named|called))[ \t]+(?P<name>[^\W\d_][\w'’\-]*)",
                        re.IGNORECASE)


# what only a person has, right after a given name: "Sunny from my tues group", "Dawn B's daughter", "Kai, Nalani &
# Keoni (the Kahananui sibs)"
# what is someone's own in care: "winston's group claims", "kenji's first kids group session", "ella's intake"
_CARE_OWNED_AFTER = re.compile(r"['’]s[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:sessions?|appointments?|appts?|intake|group|claims?|copays?|"
                               r"bills?|superbill|chart|file|meds|therapist|counsel+or|mom|dad|parents?|sister|brother)\b",
                               re.IGNORECASE)
_KIN_NOUN_BEFORE = re.compile(r"\b(?:son|daughter|granddaughter|grandson|grandkid|wife|husband|partner|mom|"
                              r"dad|mother|father|sister|brother|niece|nephew|cousin|aunt|uncle|fianc[eé]e?|boyfriend|"
                              r"girlfriend|stepson|stepdaughter|stepmom|stepdad)[ \t]+$", re.IGNORECASE)
_AND_A_TITLED_NAME_AFTER = re.compile(r"[ \t]+(?:and|&|\+)[ \t]+(?:mr|mrs|ms|mx|miss|dr)\.?[ \t]+[A-Z]", re.IGNORECASE)
_A_PERSONS_TIES_AFTER = re.compile(
    r"[ \t]+from[ \t]+(?:my|our)[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:group|class|caseload|cohort|circle|team)\b"
    r"|(?:(?:[ \t]+[A-Z]\.?)?['’]s|(?<=['’]s))[ \t]+(?:daughter|son|mom|mother|dad|father|wife|husband|partner|kids?|"
    r"sister|brother|grandma|grandpa)\b"
    r"|(?:[ \t]*(?:,|&|and)[ \t]*[A-Z][\w'’-]+){1,4}[ \t]*\((?:the[ \t]+)?[A-Z][\w'’-]+[ \t]+(?:sibs|siblings|family|kids|"
    r"twins|cousins|brothers|sisters)\)")


def _named_as_pet(text: str, c: _Candidate) -> bool:
    return bool(_PET_BEFORE.search(text, max(0, c.start - 60), c.start) or _PET_AFTER.match(text, c.end))


def _without_pets(text: str, chosen: list[_Candidate], pets: set[str]) -> list[_Candidate]:
    """A name the draft once calls an animal's is that animal wherever it appears ("her rescue pit mix, Olive ...
    [photo: Lena and Olive on the steps]")."""
    return [c for c in chosen if not (c.entity_type == "PERSON" and text[c.start:c.end].casefold() in pets)]


_THIRD_PERSON = re.compile(r"\b(?:she|he|her|his|him|they|them|their|hers)\b", re.IGNORECASE)
_LIST_UNDER = re.compile(r"[ \t]*(?:\w+[ \t]*)?:[ \t]*\n[ \t]*(?:[-•*▪–]|\d{1,2}[.)])")


def _heads_a_list(text: str, start: int, end: int) -> bool:
    """The span opens its line, which ends in a colon over a list ("Skip:\n- ...") whose first item
    speaks of no one ("Hope:\n- called about her meds" heads notes on Hope)."""
    m = _LIST_UNDER.match(text, end)
    if m is None or text[text.rfind("\n", 0, start) + 1:start].strip():
        return False
    item_end = text.find("\n", m.end())
    return not _THIRD_PERSON.search(text, m.end(), item_end if item_end >= 0 else len(text))


def _site_of(text: str, c: _Candidate) -> bool:
    """The span is the name of the site in brackets after it ("CHADD (chadd.org)")."""
    m = _OWN_SITE_AFTER.match(text, c.end)
    return bool(m) and re.sub(r"\W", "", text[c.start:c.end]).casefold() in m.group("site").casefold().replace("-", "")


def _not_a_person(text: str, c: _Candidate) -> bool:
    """A PERSON span that is a keyword to text ('text "NEDA" to 741741'), a school someone trained
    at ("residency at Duke"), a standard's code
    ("iso 12312-2"), a street ("césar e.
    chávez blvd"), one of two cross streets ("23rd & Dexter"), a neighbourhood ("Hi Sellwood neighbors!") or a group ("Men's Line"); a place
    whose residents are greeted."""
    if _PRACTICE_KIND_AFTER.match(text, c.end) or _PRACTICE_KIND_LAST.search(text[c.start:c.end]) \
            or _EPONYM_AFTER.match(text, c.end):
        return True  # "Mercy Ridge Rehab", "the Oswestry Disability Index": a business's or a measure's name
    if c.entity_type == "LOCATION":  # "our Belmont neighbors": everyone living there; "In January, ...": a month
        return bool(_NEIGHBOURS_AFTER.match(text, c.end) or _LINE_NAMED_AFTER.match(text, c.end)) \
            or text[c.start:c.end].casefold() in MONTHS | WEEKDAYS or bool(
            re.search(rf"\b{_INSTITUTION}$", text[c.start:c.end]) and _INSTITUTION_NAMED_AFTER.match(text, c.end))
    return c.entity_type == "PERSON" and bool(
        _KEYWORD_BEFORE.search(text, max(0, c.start - 12), c.start) or _STREET_LAST.search(text, c.start, c.end)
        or (text[c.start:c.end].casefold() in STREET_TYPES and _NUMBERED_BEFORE.search(text, max(0, c.start - 30), c.start))
        or _NEIGHBOURS_AFTER.match(text, c.end) or text[c.start:c.end].casefold() in _GROUP_WORDS
        or _CODE_NUMBER_AFTER.match(text, c.end) or _CROSS_STREET_BEFORE.search(text, max(0, c.start - 16), c.start)
        or _CROSS_STREET_AFTER.match(text, c.end) or _named_place_after(text, c.end)
        or _TRAINED_AT.search(text, max(0, c.start - 60), c.start)
        or _PLACE_NAMED_AFTER.search(text, max(0, c.start - 8), c.start)
        or _ET_AL.fullmatch(text, max(0, c.start - 3), c.end) or _EPONYM_AFTER.match(text, c.end)
        or _METHOD_AFTER.match(text, c.end) or _HOLIDAY.search(text, c.start, c.end)
        or (_CONDITION_EPONYM.fullmatch(text, c.start, c.end) and text[c.end:c.end + 1] in ("'", "’"))
        or (_HOLIDAY_OWNER.fullmatch(text, c.start, c.end)
            and bool(re.search(r"s$", text[c.start:c.end], re.IGNORECASE) or re.match(r"['’]s?\b|['’]", text[c.end:c.end + 2])))
        or _ORGANISATION_LAST.search(text, c.start, c.end)  # "Hope Animal Shelter", "Grace Fellowship Church"
        or _HOUSE_OF_WORSHIP_AFTER.match(text, c.end)  # "Pastor Eli Brandt of Grace Chapel": the church's name
        or _VENUE_PART.fullmatch(text, c.start, c.end)  # "Hall B", "Booth 12": part of a venue
        or _HELP_LINE.search(text, c.start, min(len(text), c.end + 12))  # "the neda helpline", "Trevor Lifeline"
        or _A_LINE.fullmatch(text, c.start, c.end)  # "Crisis Line", "Lines for Life"
        or _COUNTY_AFTER.match(text, c.end)  # "across Benton and Linn counties"
        or _site_of(text, c)  # "CHADD (chadd.org)": an organisation and its website
        or _HEADS_A_COMPANY_AFTER.match(text, c.end)  # "Oakridge CEO Patricia Nwosu": the company
        or _LANDFORM_LAST.search(text, c.start, c.end)  # "Powell Butte", "Multnomah Falls": a place
        or _METHOD_LAST.search(text, c.start, c.end)  # "Gottman Method": a method
        or _in_quoted_title(text, c.start, c.end)  # author of “Small Bodies, Big Feelings”
        or text[c.start:c.end].casefold() in HEALTH_TERMS  # "Rehab isn't a straight line"
        or text[c.start:c.end].casefold().rstrip(".") in CREDENTIALS  # "dana reyes, dpt"
        or _title_only(text[c.start:c.end])
        or _INSTITUTION_BEFORE.search(text, max(0, c.start - 90), c.start)
        or _named_as_pet(text, c)
        or _venue_named_for_owner(text, c) or _publication(text, c.start, c.end)
        or _COMPANY_REP_AFTER.match(text, c.end) or _brand_of_a_thing(text, c)
        or _demonym(text[c.start:c.end]) or _business_word_after(text, c.end)
        # "📣 Tualatin Thunder families:", "Lincoln parents": a team's or a town's people (not "Garcia family")
        or (_FOLK_AFTER.match(text, c.end) and (" " in text[c.start:c.end].strip()
                                                or text[c.start:c.end].casefold() in cities()[0])))


def _business_word_after(text: str, end: int) -> bool:
    """ "Tidepool Books on Belmont", "Juniper Yoga": a capitalised kind of business after the word names the shop."""
    m = re.match(r"[ \t]+([A-Z][a-z]+)\b", text[end:end + 20])
    return bool(m) and fold(m.group(1)) in _BUSINESS_WORDS


_FOLK_AFTER = re.compile(r"[ \t]+(?:families|parents|fans|players|members|alumni|supporters|athletes)\b", re.IGNORECASE)


def _demonym(value: str) -> bool:
    """ "Portlanders", "Oregonians", "Seattleites": the people of a town or state, not a person."""
    low = value.casefold().strip()
    if low in person_names():
        return False  # "Bowers", "Romans": a family name first
    for ending in ("ers", "ians", "ans", "ites"):
        stem = low[:-len(ending)]
        if low.endswith(ending) and len(stem) >= 3 and (
                stem in cities()[0] or stem + "e" in cities()[0] or is_country_or_state(stem)):
            return True
    return False


# a company's representative: "who has the Lilly rep at noon?", "the Stryker sales rep"
_COMPANY_REP_AFTER = re.compile(r"[ \t]+(?:sales[ \t]+|drug[ \t]+|pharma[ \t]+|device[ \t]+)?reps?\b(?!\.)", re.I)
_ARTICLE_BEFORE = re.compile(r"(?:^|(?<=\s))(?:a|an)[ \t]+$", re.I)
_THING_AFTER = re.compile(r"[ \t]+([a-z][a-z-]+)\b")


def _brand_of_a_thing(text: str, c: _Candidate) -> bool:
    """ "brings you a Crumbl box", "grabbed an Uber ride": one word between "a" and a thing is the thing's
    maker; a person is not had with an article before a noun."""
    nxt = _THING_AFTER.match(text, c.end)
    return " " not in text[c.start:c.end].strip() and bool(_ARTICLE_BEFORE.search(text, max(0, c.start - 4), c.start)) \
        and bool(nxt) and nxt.group(1) not in STOP_WORDS


def _publication(text: str, start: int, end: int) -> bool:
    """ "Maple Grove Monthly", "the Riverside Gazette": a capitalised periodical's word ends the span or
    follows it, so the words are the title of a newsletter or paper, not a person. Not when a given name is
    among them: "Jake Update: his cast is off!" is news of Jake."""
    words = re.findall(r"[^\W\d_]+", text[start:end])
    nxt = re.match(r"(?:[ \t]+[A-Z][a-z]+){0,2}[ \t]+([A-Z][a-z]+)\b", text[end:end + 40])  # "Maple" Grove Monthly
    titled = bool(words and words[-1][0].isupper() and words[-1].casefold() in _PUBLICATION_WORDS) \
        or bool(nxt and nxt.group(1).casefold() in _PUBLICATION_WORDS)
    return titled and not any(w.casefold() in given_names() for w in words)


_WORD_PREFIXES = frozenset({"co", "re", "pre", "non", "self", "ex", "anti", "post", "multi", "semi", "sub", "mid", "de",
                            "un", "over", "under", "well", "high", "low", "long", "short", "full", "part"})
_ET_AL = re.compile(r"et[ \t]al", re.I)  # a citation's "et al.", in any case
# a test, sign or disease named after its describer: "the Adams forward bend test", "a Babinski sign"
# a method named after its author: "Gottman training", "the Bowen approach"
_SMALL_TITLE_WORDS = frozenset("a an and at but by for in of on or the to vs with from into".split())


def _in_quoted_title(text: str, start: int, end: int) -> bool:
    """Inside a quoted title in Title Case ("a talk by Dr. Morales, author of “Small Bodies, Big
    Feelings,”"): a book's or a talk's words, not someone's name (a quoted sentence is not Title Case)."""
    if text[start:end].split()[0].casefold() in given_names():
        return False  # "Maya Learns To Swim" may well be about Maya
    open_at = max(text.rfind(q, max(0, start - 80), start) for q in '"“')
    if open_at < 0 or "\n" in text[open_at:start]:
        return False
    close = [i for i in (text.find(q, end, end + 80) for q in '"”') if i >= 0]
    if not close or "\n" in text[end:min(close)]:
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", text[open_at + 1:min(close)])
    return 3 <= len(words) <= 10 and words[0][0].isupper() and all(
        w[0].isupper() or w in _SMALL_TITLE_WORDS for w in words) and sum(w[0].isupper() for w in words) >= 2


def _in_dotted_handle(text: str, start: int, end: int) -> bool:
    m = re.compile(r"[A-Za-z0-9.]*").match
    lo = start
    while lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] == "."):
        lo -= 1
    hi = m(text, end).end()
    token = text[lo:hi].rstrip(".")
    return not re.search(r"[/:@]", text[max(0, lo - 1):lo]) and is_dotted_handle(token)


# the kind of business a name heads: "Mercy Ridge Rehab", "Dallas Pediatrics", "Oakridge Credit Union"
_PRACTICE_KIND_AFTER = re.compile(r"[ \t]+(?:Rehab|Rehabilitation|Health|Healthcare|Hospital|Medical|Clinic|Dental|Orthodontics|"
                                  r"Pediatrics|Family Medicine|Physical Therapy|Chiropractic|Counseling|Psychology|"
                                  r"Optometry|Eye Care|Audiology|Hearing|Med Spa|Dermatology|Credit Union|Bank|Hospice|Gym|Fitness|"
                                  r"Yoga|Pilates|CrossFit|Senior Center)\b")
_PRACTICE_KIND_LAST = re.compile(_PRACTICE_KIND_AFTER.pattern + "$")
_HEADS_A_COMPANY_AFTER = re.compile(r"[ \t]+(?:CEO|CFO|COO|President|Founder|Co-Founder|Owner)[ \t]+[A-Z]")
_COUNTY_AFTER = re.compile(r"(?:[ \t]*(?:,|and|&)[ \t]+[A-Z][\w'’-]+)*[ \t]+(?:county|counties|parish|parishes)\b", re.IGNORECASE)
_HELP_LINE = re.compile(r"\b(?:helpline|hotline|lifeline|textline|warmline)s?\b", re.IGNORECASE)
# a help line's name, or the tagger's piece of one: "Multnomah County Crisis Line", "Lines for Life"
_A_LINE = re.compile(r"(?:(?:crisis|help|text|warm|support|peer|life)[ \t]+)?lines?(?:[ \t]+for[ \t]+\w+)?", re.IGNORECASE)
# a place naming the line after it: "Multnomah County Crisis Line: 503-988-4888"
_LINE_NAMED_AFTER = re.compile(r"[ \t]+(?:(?:crisis|help|text|warm|support|peer|life)[ \t]+)?(?:line|lifeline|hotline|helpline|"
                               r"warmline)s?\b", re.IGNORECASE)
# an organisation's acronym with its own site after it: "CHADD (chadd.org)", "NAMI (nami.org)"
_OWN_SITE_AFTER = re.compile(r"[ \t]*\([ \t]*(?:https?://)?(?:www\.)?(?P<site>[\w-]+)\.(?:org|com|net|gov|edu|us|info)\b",
                             re.IGNORECASE)
_VENUE_PART = re.compile(r"(?:Hall|Room|Rm|Suite|Ste|Ballroom|Building|Bldg|Wing|Studio|Booth|Court|Field|Gate|Gym|"
                         r"Pavilion|Classroom|Stage|Table|Tent)\.?[ \t]+[A-Z0-9]{1,3}\.?")
_METHOD_AFTER = re.compile(r"[ \t]+(?:training|certification|certified|approach|protocol)\b(?![ \t]+for\b)")
# a method or a measure named for its maker, the word taken in: "Gottman Method", "Beck Depression Inventory"
_METHOD_LAST = re.compile(r"[ \t](?:method|model|approach|protocol|technique|inventory|scale|index|questionnaire)$",
                          re.IGNORECASE)
# a holiday named after someone: "valentine's day", "St. Patrick's Day", "Mother's Day"
_HOLIDAY = re.compile(r"['’]s[ \t]+day$|^(?:st\.?[ \t]+)?(?:valentines?|mothers|fathers|grandparents|presidents|"
                      r"veterans|patricks?)[ \t]+day$", re.IGNORECASE)
# ... whose name stands for it: "Valentine's weekend", "VALENTINE'S CHECK-UPS", "valentines week" (not "Valentine
# started group today": a person)
_HOLIDAY_OWNER = re.compile(r"(?:st\.?[ \t]+)?valentine(?:['’]?s)?", re.IGNORECASE)
# a word said of something: "(slightly too big) tees" (not "so" or "way": "ok so grace asked", "the way noah ran")
_A_BEFORE = re.compile(r"\b(?:a|an)\s+(?:[‘'\"“][^’'\"”\n]{1,30}[’'\"”]\s+)?$", re.IGNORECASE)  # a 'hold it together' Marine wife
_RELATIVE_AFTER = re.compile(r"\s+(?:wife|husband|spouse|mom|mother|dad|father|kid|brat|girlfriend|boyfriend|widow|"
                             r"widower|family|son|daughter|sibling|sister|brother)\b", re.IGNORECASE)
_INTENSIFIER_BEFORE = re.compile(r"\b(?:too|very|really|pretty|super|extra|slightly|kinda|sorta)[ \t]+$", re.IGNORECASE)
_AGE_GROUP = re.compile(r"[Uu]-?\d{1,2}")  # a youth league's age group: "U10", "U-12"
# who people are, said of them: "the trans and nonbinary folks in our community"
_IDENTITY_WORDS = frozenset({"trans", "nonbinary", "non-binary", "enby", "queer", "gay", "lesbian", "bi", "bisexual",
                             "asexual", "aro", "intersex", "cis", "cisgender", "transgender", "genderqueer",
                             "genderfluid", "agender", "two-spirit", "lgbtq", "lgbtq+", "lgbtqia", "lgbtqia+"})
# a condition named for whoever described it, in its possessive: "his father's Alzheimer's diagnosis"
_CONDITION_EPONYM = re.compile(r"(?:Alzheimer|Parkinson|Huntington|Crohn|Hodgkin|Asperger|Tourette|Hashimoto|Addison|"
                               r"Cushing|Raynaud|Meniere|Ménière|Sjogren|Sjögren|Lou Gehrig|Guillain-Barr[eé])s?",
                               re.IGNORECASE)
# (no article or possessive between: "Keisha made the sign" is someone's deed, not a named sign)
_EPONYM_AFTER = re.compile(r"['’]s?[ \t]+(?:disease|syndrome|palsy|phenomenon|ataxia|lymphoma|sarcoma|chorea|"
                           r"contracture|neuroma|neuralgia|thyroiditis)\b"  # "Ménière's disease", "Bell's palsy"
                           # (not a fee's: "ask Grace W. abt sliding scale paperwork")
                           r"|(?:[ \t]+(?!(?:the|a|an|his|her|their|my|our|your|this|that|sliding|fee|pay)\b)[a-z][\w-]*){0,2}"
                           r"[ \t]+(?:test|sign(?![ \t]+(?:in|up|out|off|here|the|this|her|his|their|my|our)\b)|maneuver|manoeuvre|syndrome|disease|criteria|"
                           r"scale|score|classification|reflex|procedure|technique|method|index|questionnaire|inventory)\b"
                           # a measure's own capitalised name: "the Oswestry Disability Index"
                           r"|(?:[ \t]+[A-Z][a-z]+){0,2}[ \t]+(?:Index|Questionnaire|Inventory|Scale|Score|Criteria|Test)\b")


# what a tip says a thing does: "Honey can soothe coughs", "Ginger helps with nausea"
_GENERAL_CLAIM_AFTER = re.compile(r"[ \t]+(?:can|may|might|helps?|works?|reduces?|soothes?|eases?|is|are)\b", re.I)
# a list item's opening, also when the line breaks were lost ("... the road: 1. agree on ... 3. debrief ...")
_LIST_ITEM_OPENING = re.compile(r"(?:^|\n|[ \t])[ \t]*(?:\d{1,2}[.)]|[-•*▪➡👉])[ \t]*$")
# a lake, mountain or fort named after someone: "tied the knot at Lake Harriet", "Mount Hood"
_PLACE_NAMED_AFTER = re.compile(r"\b(?:Lake|Mount|Mt\.?|Fort|Ft\.?|Port|Cape|Camp|Isle|Glen)[ \t]+$")
# where someone trained is a school: "completed an orthopedic residency at Duke", "her DPT from Emory"
_TRAINED_AT = re.compile(r"\b(?:residency|fellowship|internship|degree|doctorate|masters?|master['’]s|bachelor['’]?s|"
                         r"training|trained|studied|studying|graduated|graduate|alum(?:na|nus|ni)?|students?|"
                         r"DPT|MD|PhD|PsyD|MSW|DDS)\b"
                         r"[^.!?\n]{0,30}\b(?:at|from)[ \t]+(?:the[ \t]+)?$", re.I)
# one street of an intersection: "at 23rd & Dexter", "Dexter and 23rd"
_CROSS_STREET_BEFORE = re.compile(r"\b\d{1,3}(?:st|nd|rd|th)[ \t]*(?:&|and|/)[ \t]*$", re.I)
_CROSS_STREET_AFTER = re.compile(r"[ \t]*(?:&|and|/)[ \t]*\d{1,3}(?:st|nd|rd|th)\b", re.I)
# a standard's or a model's code: "iso 12312-2", "ISO 8980-3", "AS/NZS 1067.1"
_CODE_NUMBER_AFTER = re.compile(r"[ \t]+\d{4,6}[-–.:]\d{1,2}\b(?![-–.:]?\d)")


_POSSESSIVE_BEFORE = re.compile(r"\b(?:your|ur|my|our|their|his|her|its)[ \t]+(?:[\w'’-]+[ \t]+)?$", re.IGNORECASE)


def _split_lists(text: str, chosen: list[_Candidate]) -> list[_Candidate]:
    """ "tao + farida +", "ngozi + her": one span the tagger drew over a list is its names (a couple's initials,
    "J & R", stay one)."""
    out = []
    for c in chosen:
        if c.entity_type != "PERSON" or not re.search(r"\s[+&]\s|\s[+&]$", text[c.start:c.end]) \
                or c.source == "InitialsRecognizer":
            out.append(c)
            continue
        for m in re.finditer(r"[^\W\d_][\w'’\-]*(?:[ \t]+[^\W\d_][\w'’\-]*)*", text[c.start:c.end]):
            words = [w for w in m.group(0).split() if w.casefold() not in STOP_WORDS]
            if words and words == m.group(0).split():
                out.append(_Candidate(c.entity_type, c.start + m.start(), c.start + m.end(), c.score, c.rank, c.source))
    return out


def _found_again_only_if_found(text: str, chosen: list[_Candidate]) -> list[_Candidate]:
    """A name found again ("Free" after "Free T-shirts") stays only while the name it was
    found from does: the tagger's veto of the first takes the copies with it."""
    def words(c: _Candidate) -> list[str]:
        return [w.casefold() for w in re.findall(r"[^\W\d_][\w'’\-]+", text[c.start:c.end])]
    found = " ".join(text[c.start:c.end].casefold() for c in chosen if c.entity_type == "PERSON" and c.source != "propagated")
    # (a copy typed in lower case is kept: "fatima ur TMJ is doing amazing" after a vetoed "fatima's sister")
    return [c for c in chosen if c.source != "propagated" or not text[c.start].isupper()
            or any(w in found for w in words(c))]  # found inside "#TeamSofia" counts


def _joined_names(text: str, chosen: list[_Candidate]) -> list[_Candidate]:
    """ "ot sunita" + "rao": two names with only a space between them are one person's; so are a given
    name read as a town and the surname after it ("Sari" + "Solden")."""
    out: list[_Candidate] = []
    for c in sorted(chosen, key=lambda c: c.start):
        last = out[-1] if out else None
        if last is not None and c.entity_type == "PERSON" and last.entity_type == "LOCATION" \
                and re.fullmatch(r"[ \t]+", text[last.end:c.start]) \
                and text[last.start:last.end].casefold() in given_names() and text[last.start].isupper() \
                and " " not in text[last.start:last.end] and " " not in text[c.start:c.end]:
            last = out[-1] = replace(last, entity_type="PERSON")
        if last is not None and c.entity_type == last.entity_type == "PERSON" and text[c.start] not in "@#" \
                and text[last.start] not in "@#" and re.fullmatch(r"[ \t]+", text[last.end:c.start]):
            out[-1] = _Candidate("PERSON", last.start, c.end, max(last.score, c.score), min(last.rank, c.rank),
                                 last.source)
        else:
            out.append(c)
    return out


def _propagate_names(text: str, chosen: list[_Candidate], style: str,
                     safe: list[tuple[int, int]]) -> list[_Candidate]:
    """A name found once ("Maciej Borkowski") is found again alone ("Borkowski")."""
    parts = set()
    for c in chosen:
        if c.entity_type != "PERSON" or text[c.start] == "@":
            continue
        words = re.findall(r"[^\W\d_][\w'’\-]+", text[c.start:c.end])
        for w in words:
            if len(w) >= 3 and w.casefold() not in STOP_WORDS and (style != "mixed" or w[0].isupper()):
                parts.add(w)
        if len(words) > 1 and " ".join(words) == " ".join(text[c.start:c.end].split()):
            parts.add(" ".join(words))  # "jasmine ortiz" again is one name, not two
    if not parts:
        return chosen
    taken = [(c.start, c.end) for c in chosen] + list(safe)
    extra = []
    rx = re.compile(r"(?<![\w@])(?:" + "|".join(re.escape(p).replace(r"\ ", r"[ \t]+")
                                                 for p in sorted(parts, key=len, reverse=True))
                    + r")(?:['’]?s)?(?![\w])", 0 if style == "mixed" else re.IGNORECASE)  # "ella's" again as "ellas"
    for m in rx.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        if _dated(text, m.start(), m.end()):
            continue  # "august's mom is here ... charts for August": the second is the month
        extra.append(_Candidate("PERSON", m.start(), m.end(), 0.6, 5, "propagated"))
        taken.append(m.span())
    return sorted(chosen + extra, key=lambda c: c.start)




def _dated(text: str, start: int, end: int) -> bool:
    """A month or weekday word that stands as a date: after a date's preposition or next to a number."""
    word = re.sub(r"['’]?s$", "", text[start:end]).casefold()
    return (word in MONTHS or word in WEEKDAYS) and bool(
        DATE_PREPOSITION_BEFORE.search(text, max(0, start - 12), start)
        or re.match(r"[ \t]+\d", text[end:end + 3]) or re.search(r"\d[ \t]+$", text[max(0, start - 3):start]))


_TAG = re.compile(r"(?<![\w#])#(\w{4,})")


def _tags_of_found_names(text: str, chosen: list[_Candidate]) -> list[_Candidate]:
    """A tag that opens or ends with a name found elsewhere in the draft is that person's tag
    ("JOJO is done with chemo ... #jojostrong", "freddie's eval ... #freddiesfighters",
    "bentley got his cast off ... #BeBraveBentley")."""
    people = [c for c in chosen if c.entity_type == "PERSON" and not _not_a_person(text, c)]  # not "valentine's day"
    names = {w.casefold() for c in people if text[c.start] not in "@#"
             for w in re.findall(r"[^\W\d_]{3,}", text[c.start:c.end])
             if w.casefold() not in STOP_WORDS or (w.istitle() and w.casefold() in given_names())}  # "Will" of "#WillPower"
    # a tag may end with a given name ("#BeBraveBentley"), not with a surname ("#mrrogers" after Fred Rogers)
    given = {m.group(0).casefold() for c in people if text[c.start] not in "@#"
             for m in [re.search(r"[^\W\d_]{3,}", text[c.start:c.end])] if m}
    if not names:
        return chosen
    taken = [(c.start, c.end) for c in chosen]
    extra = []
    for m in _TAG.finditer(text):
        body = m.group(1).casefold()
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        if any(body.startswith(n) and len(body) > len(n) for n in names) \
                or any(body.endswith(n) and len(body) > len(n) for n in given):
            extra.append(_Candidate("PERSON", m.start(), m.end(), 0.6, 5, "tag_of_name"))
    return sorted(chosen + extra, key=lambda c: c.start) if extra else chosen


def deidentify(text: str, entities: list[Entity] | tuple[Entity, ...]) -> str:
    """Replace each identifier by a placeholder naming its type."""
    out, pos = [], 0
    for e in sorted(entities, key=lambda e: e.start):
        if e.start < pos:
            continue
        out.append(text[pos:e.start])
        out.append(f"[{e.entity_type}]")
        pos = e.end
    out.append(text[pos:])
    return "".join(out)
