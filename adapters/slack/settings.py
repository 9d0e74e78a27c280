"""The Slack secrets, checked once at start-up: a missing or malformed token
stops the process with a message naming the variable, instead of failing on
the first request."""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlparse

from bot.config import ConfigError, Secrets

DEFAULT_API_URL = "https://slack.com/api/"
_SIGNING_SECRET = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class SlackSettings:
    bot_token: str
    signing_secret: str | None  # None only in Socket Mode (no HTTP endpoint is mounted then)
    app_token: str | None
    api_url: str

    @property
    def socket_mode(self) -> bool:
        return self.app_token is not None


def slack_problems(secrets: Secrets) -> list[str]:
    """Every problem with the Slack variables, each naming its variable."""
    problems = []
    token = secrets.slack_bot_token
    if not token:
        problems.append("SLACK_BOT_TOKEN is not set (the bot token, xoxb-...)")
    elif not token.startswith("xoxb-") or len(token) < 10 or any(c.isspace() for c in token):
        problems.append("SLACK_BOT_TOKEN is malformed: a bot token starts with xoxb-")
    app_token = secrets.slack_app_token
    if app_token is not None and (not app_token.startswith("xapp-") or any(c.isspace() for c in app_token)):
        problems.append("SLACK_APP_TOKEN is malformed: an app-level token (Socket Mode) starts with xapp-")
    secret = secrets.slack_signing_secret
    if secret is None:
        if app_token is None:
            problems.append("SLACK_SIGNING_SECRET is not set (Basic Information > App Credentials)")
    elif not _SIGNING_SECRET.match(secret):
        problems.append("SLACK_SIGNING_SECRET is malformed: expected 32 lowercase hex characters")
    url = secrets.slack_api_url
    if url is not None:
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            problems.append("SLACK_API_URL is malformed: expected an http(s) URL such as https://slack.com/api/")
    return problems


def slack_settings(secrets: Secrets) -> SlackSettings:
    problems = slack_problems(secrets)
    if problems:
        raise ConfigError("Slack is not configured correctly:\n  " + "\n  ".join(problems))
    url = secrets.slack_api_url or DEFAULT_API_URL
    return SlackSettings(
        bot_token=secrets.slack_bot_token, signing_secret=secrets.slack_signing_secret,
        app_token=secrets.slack_app_token, api_url=url if url.endswith("/") else url + "/",
    )
