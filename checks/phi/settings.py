"""`checks.settings.phi` in the practice profile, validated strictly: an
unknown key or a wrong type stops start-up with a message naming the key."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.config import ConfigError

PREFIX = "checks.settings.phi"


class PhiSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    # Presidio's minimum confidence for a result to count
    score_threshold: float = Field(default=0.4, ge=0.0, le=1.0)
    # more of the practice's own values never reported (program names, a second office...)
    extra_safe_terms: list[str] = []
    # words that, added to the built-in list, put a nearby name into a health context
    health_terms: list[str] = []
    # how many characters either side of an identifier are searched for health words
    health_window: int = Field(default=160, ge=10, le=5000)
    # also read unfamiliar capitalised proper nouns as names: more recall, less precision
    unknown_proper_nouns: bool = False
    # the learned tagger for informal text (checks/phi/informal_ner.py) adds names and places the rules miss;
    # on by default since issue 16 (tweets F1 0.612 -> 0.690, verdict rounds 1-2 unchanged: docs/phi.md)
    informal_ner: bool = True
    # severity of a name (or handle) with no health word nearby
    name_without_health_context: Literal["warn", "block"] = "warn"


def parse_phi_settings(raw: dict[str, Any] | None) -> PhiSettings:
    """Validate the raw mapping; errors raise ConfigError naming checks.settings.phi.<key>."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{PREFIX}: expected a mapping")
    try:
        return PhiSettings.model_validate(raw)
    except ValidationError as e:
        parts = []
        for err in e.errors():
            key = ".".join(str(p) for p in err["loc"])
            msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
            parts.append(f"{PREFIX}.{key}: {msg}")
        raise ConfigError("; ".join(parts)) from None
