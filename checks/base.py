"""The check interface: a check takes a draft plus the shared analysis and
returns findings. Checks are synchronous and CPU-bound; the pipeline runs them
in worker threads under a time budget."""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from bot.domain import Draft, Finding


# identifier types that point at a person: a name, initials, or a social-media handle
PEOPLE = ("PERSON", "HANDLE")


@dataclass(frozen=True)
class Entity:
    """One identifier Presidio (plus our recognizers) found: type and span, no text."""

    entity_type: str  # Safe Harbor vocabulary: PERSON, HANDLE, LOCATION, DATE, PHONE, ...
    start: int
    end: int
    score: float


@dataclass(frozen=True)
class Analysis:
    """Computed once per draft and shared by every check."""

    entities: tuple[Entity, ...] = ()
    rewrite: str | None = field(default=None, repr=False)  # de-identified draft; may hold missed PHI
    # where the practice's own details stand (its name, handles, phone ...): never PHI, and
    # never someone the draft talks to
    own: tuple[tuple[int, int], ...] = ()
    reading: Any = field(default=None, repr=False, compare=False)  # checks.reading.Reading, set by the pipeline

    def of_type(self, *types: str) -> list[Entity]:
        return [e for e in self.entities if e.entity_type in types]


@dataclass
class CheckContext:
    """What a check factory may use: the config, the database, the analyzer."""

    config: Any  # bot.config.Config
    engine: Any = None  # sqlalchemy Engine
    settings: dict = field(default_factory=dict)  # this check's `checks.settings.<name>`


class Check(ABC):
    name: str = ""

    @abstractmethod
    def run(self, draft: Draft, analysis: Analysis) -> list[Finding]:
        """Return findings; raising marks the review failed (fail closed)."""
