"""Shared base for ClearPost's pattern recognizers.

Presidio's PatternRecognizer reports the whole regex match; ours report the
named group ``v`` when the pattern has one, so a pattern can require its
context words ("license number is ...") yet report only the identifier."""
from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import EntityRecognizer, Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS


def contraction_stem(word: str) -> str:
    """The word cased down, without a contraction's ending: "WE'RE" -> "we", "hadn't" -> "had"."""
    return re.sub(r"['’](?:re|s|ll|ve|d|m|t)$|n['’]t$", "", word.casefold())


def function_word(word: str) -> bool:
    """ "WE'RE", "don’t", "hadn't": a stop word, contraction and all."""
    return contraction_stem(word) in STOP_WORDS


class SpanPatternRecognizer(EntityRecognizer):
    """Class-level PATTERNS / CONTEXT like Presidio's predefined recognizers.

    validate_result(text) -> True keeps the result at full score, False drops it,
    None leaves the pattern's score; invalidate_result(text, full_text, start, end)
    -> True drops it."""

    ENTITY: ClassVar[str] = ""
    OTHER_ENTITIES: ClassVar[list[str]] = []  # further types entity_for may return
    PATTERNS: ClassVar[list[Pattern]] = []
    CONTEXT: ClassVar[list[str]] = []
    FLAGS: ClassVar[int] = re.IGNORECASE | re.MULTILINE

    def __init__(self, supported_language: str = "en"):
        self._compiled = [(p, re.compile(p.regex, self.FLAGS)) for p in self.PATTERNS]
        super().__init__(supported_entities=[self.ENTITY, *self.OTHER_ENTITIES], supported_language=supported_language,
                         name=type(self).__name__, context=list(self.CONTEXT))

    def load(self) -> None:  # nothing to load: patterns compile in __init__
        pass

    def validate_result(self, pattern_text: str) -> bool | None:
        return None

    def invalidate_result(self, pattern_text: str, text: str, start: int, end: int) -> bool:
        return False

    def entity_for(self, pattern_text: str, text: str, start: int, end: int) -> str:
        return self.ENTITY

    def adjust_span(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """Trim or drop a match before validation (None drops it)."""
        return start, end

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for pattern, rx in self._compiled:
            for m in rx.finditer(text):
                if "v" in rx.groupindex and m.group("v") is not None:
                    start, end = m.span("v")
                else:
                    start, end = m.span()
                span = self.adjust_span(text, start, end)
                if span is None:
                    continue
                start, end = span
                value = text[start:end]
                if not value.strip():
                    continue
                valid = self.validate_result(value)
                if valid is False or self.invalidate_result(value, text, start, end):
                    continue
                score = 1.0 if valid else pattern.score
                entity = self.entity_for(value, text, start, end)
                if entities and entity not in entities:
                    continue
                results.append(RecognizerResult(entity, start, end, score, analysis_explanation=None,
                                                recognition_metadata={
                                                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                                                    "is_score_enhanced_by_context": True,
                                                }))
        return results


class NameRecognizer(SpanPatternRecognizer):
    """A PERSON recognizer that must tell names from ordinary words, so it
    carries the vocabulary (English words plus the practice's own terms)."""

    def __init__(self, common_words: frozenset[str] = frozenset(), supported_language: str = "en"):
        self.common_words = common_words
        super().__init__(supported_language=supported_language)

    def person(self, start: int, end: int, score: float) -> RecognizerResult:
        """A PERSON result found from the words around it (what the token-reading recognizers report)."""
        return RecognizerResult(self.ENTITY, start, end, score, recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            "is_score_enhanced_by_context": True})
