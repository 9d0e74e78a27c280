"""`checks.settings.consent` in the practice profile, validated strictly."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.config import ConfigError


class ConsentSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    expiring_days: int = Field(default=30, ge=0, le=3650)  # warn when a consent ends this soon
    require_name_use: bool = True  # naming a patient needs the name_use scope as well

    @classmethod
    def parse(cls, raw: dict | None) -> "ConsentSettings":
        try:
            return cls.model_validate(raw or {})
        except ValidationError as e:
            err = e.errors()[0]
            key = ".".join(str(p) for p in err["loc"])
            msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
            raise ConfigError(f"checks.settings.consent.{key}: {msg}") from None
