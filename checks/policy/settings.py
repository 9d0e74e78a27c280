"""The profile's ``checks.settings.policy``, validated strictly.

    checks:
      settings:
        policy:
          rules:
            outcome_claims: {enabled: false}
            review_reply: {severity: warn}
            case_details:
              extra_patterns: ['\\bour (?:brave )?warrior\\b']   # also flag these (regex, case-insensitive)
              ignore_patterns: ['\\bguaranteed confidential\\b'] # never flag a hit inside these

Unknown rule names, unknown keys, bad severities and patterns that do not
compile stop start-up with a ConfigError naming the key."""
from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from bot.config import ConfigError
from bot.domain import Severity
from checks.policy.rules import RULES

PREFIX = "checks.settings.policy"


class RuleSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = True
    severity: Severity | None = None
    extra_patterns: list[str] = []
    ignore_patterns: list[str] = []

    @field_validator("enabled", mode="before")
    @classmethod
    def _strict_bool(cls, v: Any) -> Any:
        if not isinstance(v, bool):
            raise ValueError("must be true or false")
        return v

    @field_validator("extra_patterns", "ignore_patterns")
    @classmethod
    def _compiles(cls, v: list[str]) -> list[str]:
        for i, p in enumerate(v):
            if not p.strip():
                raise ValueError(f"pattern {i} is empty")
            try:
                re.compile(p)
            except re.error as e:
                raise ValueError(f"pattern {i} is not a valid regular expression ({e})") from None
        return v


class PolicySettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: dict[str, RuleSettings] = {}


def parse_settings(raw: Any) -> PolicySettings:
    """Validate ``checks.settings.policy``; errors name the offending key."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{PREFIX}: expected a mapping")
    rules = raw.get("rules") or {}
    if isinstance(rules, dict):
        for name in rules:
            if name not in RULES:
                raise ConfigError(f"{PREFIX}.rules.{name}: unknown rule; known: {', '.join(RULES)}")
    try:
        return PolicySettings.model_validate(raw)
    except ValidationError as e:
        err = e.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
        raise ConfigError(f"{PREFIX}.{key}: {msg}") from None
