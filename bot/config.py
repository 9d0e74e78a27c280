"""The practice profile (YAML) and the secrets (environment), read once.

This is the only module that looks at ``os.environ``: everything else gets a
``Config`` passed down from the composition root. Validation is strict: an
unknown key or a wrong type stops start-up with a message naming the key.
"""
from __future__ import annotations

import hashlib
import ipaddress
import os
import re
from pathlib import Path
from typing import Any, Literal, Mapping

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

PLATFORMS = ("facebook", "instagram", "x", "linkedin", "tiktok", "youtube", "website", "email",
             "google_reviews", "yelp", "healthgrades")
# review sites: a draft that targets one is a reply to a review and is judged as one
REVIEW_PLATFORMS = ("google_reviews", "yelp", "healthgrades")
CHAT_PLATFORMS = ("slack", "teams", "console")
DEFAULT_CONFIG_PATH = "config.yml"


class ConfigError(Exception):
    """Bad configuration; the message names the offending key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Practice(_Strict):
    """The practice's own details: never reported as PHI."""

    name: str
    addresses: list[str] = []
    phones: list[str] = []
    emails: list[str] = []
    websites: list[str] = []
    staff: list[str] = []  # staff and clinician names
    handles: list[str] = []  # the practice's own social-media handles (@harborlight)


class Officers(_Strict):
    """Privacy officers per chat platform (Slack user ids, Azure AD object ids, console users)."""

    slack: list[str] = []
    teams: list[str] = []
    console: list[str] = []

    def for_platform(self, platform: str) -> list[str]:
        return list(getattr(self, platform, []) or [])


class ReviewChannel(_Strict):
    platform: Literal["slack", "teams", "console"]
    channel: str
    default_targets: list[str] = []

    @field_validator("default_targets")
    @classmethod
    def _known_targets(cls, v: list[str]) -> list[str]:
        for t in v:
            if t not in PLATFORMS:
                raise ValueError(f"unknown platform {t!r}; expected one of {', '.join(PLATFORMS)}")
        return v


class Reactions(_Strict):
    approve: str = "white_check_mark"
    reject: str = "x"


class Checks(_Strict):
    enabled: list[str] = ["phi", "consent", "policy"]
    timeout_seconds: float = Field(default=10.0, gt=0)
    settings: dict[str, dict[str, Any]] = {}


class Storage(_Strict):
    database_url: str = "sqlite:///clearpost-data/clearpost.db"
    store_draft_text: bool = False
    purge_text_after_days: int = Field(default=30, ge=0)


class Server(_Strict):
    host: str = "127.0.0.1"
    port: int = Field(default=3000, ge=1, le=65535)
    max_concurrent_reviews: int = Field(default=4, ge=1)
    analysis_processes: int = Field(default=1, ge=0, le=32)  # 0: in the server's own process
    max_body_bytes: int = Field(default=1_000_000, ge=1024)
    # shutdown and recovery (docs/deployment.md): how long SIGTERM may take to finish acknowledged drafts,
    # how long a review is leased while checked and reported, how often unfinished ones are looked for,
    # and after how long without a heartbeat a replica counts as dead (its leases are taken over)
    drain_seconds: float = Field(default=20.0, gt=0, le=600)
    lease_seconds: float = Field(default=60.0, ge=1, le=3600)
    sweep_seconds: float = Field(default=15.0, gt=0, le=3600)
    holder_timeout_seconds: float = Field(default=30.0, ge=1, le=3600)
    # reverse proxies (addresses or networks) whose X-Forwarded-For names the real client, for the
    # console's sign-in limits; empty: the connecting address is the client (the safe default)
    trusted_proxies: list[str] = []
    # the address people open the console at, e.g. https://clearpost.example.org: the console then
    # answers only requests for that host (DNS rebinding); unset, only an IP address or localhost
    public_origin: str | None = None

    @field_validator("public_origin")
    @classmethod
    def _origin(cls, v: str | None) -> str | None:
        if v is None:
            return v
        from urllib.parse import urlsplit
        bad = ValueError(f"{v!r} is not an origin: scheme and host (and port), e.g. https://clearpost.example.org")
        try:
            u = urlsplit(v.strip())
            port = u.port
        except ValueError:
            raise bad from None
        if u.scheme not in ("http", "https") or not u.hostname or u.username or u.password \
                or u.path not in ("", "/") or u.query or u.fragment:
            raise bad
        host = f"[{u.hostname}]" if ":" in u.hostname else u.hostname
        return f"{u.scheme}://{host}" + (f":{port}" if port else "")

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, v: list[str]) -> list[str]:
        for item in v:
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise ValueError(f"{item!r} is not an IP address or network (e.g. 127.0.0.1 or 10.0.0.0/8)") from None
        return v


class ConsentLookup(_Strict):
    """Who may use /consent; empty means the privacy officers of that platform."""

    slack: list[str] = []
    teams: list[str] = []
    console: list[str] = []


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class Reminders(_Strict):
    """Nudges and notices the scheduler sends (bot/scheduler.py, docs/reminders.md). Never draft text."""

    enabled: bool = True
    check_every_seconds: float = Field(default=60.0, ge=1, le=3600)  # how often the scheduler looks
    # a draft waiting for a decision this long gets a nudge to the officers, at most once a day
    decision_after_hours: float = Field(default=4.0, gt=0, le=24 * 30)
    # a draft that needs changes (rejected, or with blocking findings) and was not edited: a nudge to its author
    changes_after_hours: float = Field(default=24.0, gt=0, le=24 * 30)
    stop_after_days: int = Field(default=7, ge=1, le=90)  # no more nudges for a draft this old
    # the weekly list of consents ending within checks.settings.consent.expiring_days, to the officers
    consent_notice_day: Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                "never"] = "monday"
    consent_notice_hour: int = Field(default=8, ge=0, le=23)  # UTC


class Images(_Strict):
    """Attached images (docs/images.md): fetched, read (text, faces, metadata) and offered back cleaned.
    Turning it off, or either detector, is the practice's choice; a file that cannot be read still blocks."""

    enabled: bool = True
    max_bytes: int = Field(default=25_000_000, ge=1024, le=200_000_000)  # a larger file is not fetched or read
    max_pixels: int = Field(default=50_000_000, ge=10_000, le=200_000_000)  # decompression bombs
    ocr: bool = True  # read the text in the image and check it like the caption
    faces: bool = True  # a detected face needs a patient's photo consent or an officer's "staff only"
    # what the cleaned copy blurs besides stripping all metadata: PHI text boxes, faces not covered
    blur: list[Literal["text", "faces"]] = ["text", "faces"]

    @field_validator("blur")
    @classmethod
    def _unique(cls, v: list[str]) -> list[str]:
        if len(set(v)) != len(v):
            raise ValueError("list each of text, faces at most once")
        return v


class ConsoleSettings(_Strict):
    """The web console (docs/console.md)."""

    # officers must enrol a TOTP second factor before they can decide drafts in the console; until then
    # they act as staff. Needs CLEARPOST_DATA_KEY, which seals the secrets (checked at start-up)
    require_totp_for_officers: bool = False


class Profile(_Strict):
    practice: Practice
    officers: Officers = Officers()
    review_channels: list[ReviewChannel] = []
    reactions: Reactions = Reactions()
    checks: Checks = Checks()
    storage: Storage = Storage()
    server: Server = Server()
    consent_lookup: ConsentLookup = ConsentLookup()
    reminders: Reminders = Reminders()
    images: Images = Images()
    console: ConsoleSettings = ConsoleSettings()


class Secrets(BaseModel):
    """Values only the environment may hold."""

    model_config = ConfigDict(frozen=True)

    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str | None = None
    teams_app_id: str | None = None
    teams_app_password: str | None = None
    teams_tenant_id: str | None = None
    teams_service_url_override: str | None = None
    data_key: str | None = None


_SECRET_ENV = {
    "slack_bot_token": "SLACK_BOT_TOKEN",
    "slack_signing_secret": "SLACK_SIGNING_SECRET",
    "slack_app_token": "SLACK_APP_TOKEN",
    "slack_api_url": "SLACK_API_URL",
    "teams_app_id": "TEAMS_APP_ID",
    "teams_app_password": "TEAMS_APP_PASSWORD",
    "teams_tenant_id": "TEAMS_TENANT_ID",
    "teams_service_url_override": "TEAMS_SERVICE_URL_OVERRIDE",
    "data_key": "CLEARPOST_DATA_KEY",
}


class Config(BaseModel):
    """Everything the process needs, built once by ``load_config``."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    profile: Profile
    secrets: Secrets
    database_url: str
    source: str
    sha256: str  # hash of the profile file, recorded in the audit trail

    def officers_for(self, platform: str) -> list[str]:
        return self.profile.officers.for_platform(platform)

    def consent_lookup_users(self, platform: str) -> list[str]:
        allowed = list(getattr(self.profile.consent_lookup, platform, []) or [])
        return allowed or self.officers_for(platform)

    def channel(self, platform: str, channel: str) -> ReviewChannel | None:
        for rc in self.profile.review_channels:
            if rc.platform == platform and rc.channel == channel:
                return rc
        return None


def _format_errors(err: ValidationError, source: str) -> str:
    lines = [f"invalid configuration in {source}:"]
    for e in err.errors():
        key = ".".join(str(p) for p in e["loc"]) or "(top level)"
        msg = "unknown key" if e["type"] == "extra_forbidden" else e["msg"]
        lines.append(f"  {key}: {msg}")
    return "\n".join(lines)


def parse_profile(raw: bytes | str, source: str = "<config>") -> Profile:
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as e:
        raise ConfigError(f"invalid configuration in {source}: not valid YAML ({e})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"invalid configuration in {source}: expected a mapping at the top level")
    try:
        return Profile.model_validate(data)
    except ValidationError as e:
        raise ConfigError(_format_errors(e, source)) from None


def _check_data_key(key: str) -> None:
    """A Fernet key (32 random bytes, URL-safe base64: 44 characters), never a passphrase: texts
    encrypted under a mistyped key would be unreadable later. The value itself is never echoed."""
    from cryptography.fernet import Fernet
    try:
        if not re.fullmatch(r"[A-Za-z0-9_-]{43}=", key):  # base64 decoding alone forgives stray characters
            raise ValueError
        Fernet(key)
    except ValueError:
        raise ConfigError(
            "CLEARPOST_DATA_KEY is not a Fernet key (44 characters of URL-safe base64, 32 bytes); make one with: "
            "python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
        ) from None


def load_config(path: str | os.PathLike | None = None, environ: Mapping[str, str] | None = None) -> Config:
    """Read the profile named by ``path`` or ``CLEARPOST_CONFIG`` plus secrets from ``environ``."""
    env = os.environ if environ is None else environ
    source = str(path or env.get("CLEARPOST_CONFIG") or DEFAULT_CONFIG_PATH)
    try:
        raw = Path(source).read_bytes()
    except OSError as e:
        raise ConfigError(
            f"CLEARPOST_CONFIG: cannot read configuration file {source} ({e.strerror}); "
            "copy config.example.yml and point CLEARPOST_CONFIG at it"
        ) from None
    profile = parse_profile(raw, source)
    secrets = Secrets(**{k: (env.get(v) or None) for k, v in _SECRET_ENV.items()})
    database_url = env.get("DATABASE_URL") or profile.storage.database_url
    if secrets.data_key:
        _check_data_key(secrets.data_key)
    if profile.storage.store_draft_text and not secrets.data_key:
        raise ConfigError(
            "storage.store_draft_text is true but CLEARPOST_DATA_KEY is not set: "
            "stored drafts must be encrypted"
        )
    if profile.console.require_totp_for_officers and not secrets.data_key:
        raise ConfigError(
            "console.require_totp_for_officers is true but CLEARPOST_DATA_KEY is not set: "
            "second-factor secrets are stored encrypted with it"
        )
    return Config(
        profile=profile, secrets=secrets, database_url=database_url,
        source=source, sha256=hashlib.sha256(raw).hexdigest(),
    )
