"""Bot Framework authentication built from ClearPost's secrets, never from os.environ.

With an app id, every inbound request must carry a valid Bot Framework JWT.
Without one (local tests only) the SDK accepts unauthenticated requests, and
``from.aadObjectId`` can then be forged: never run production that way."""
from __future__ import annotations

from dataclasses import dataclass

from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication

from bot.config import Secrets


@dataclass(frozen=True)
class BotSettings:
    """The attribute names ConfigurationBotFrameworkAuthentication reads."""

    APP_ID: str
    APP_PASSWORD: str
    APP_TYPE: str
    APP_TENANTID: str | None


def settings_from(secrets: Secrets) -> BotSettings:
    tenant = secrets.teams_tenant_id or None
    app_id = secrets.teams_app_id or ""
    # a tenant id means a single-tenant app registration (Azure's default for new bots)
    app_type = "SingleTenant" if app_id and tenant else "MultiTenant"
    return BotSettings(APP_ID=app_id, APP_PASSWORD=secrets.teams_app_password or "",
                       APP_TYPE=app_type, APP_TENANTID=tenant)


def build_authentication(secrets: Secrets) -> ConfigurationBotFrameworkAuthentication:
    return ConfigurationBotFrameworkAuthentication(settings_from(secrets))


def authentication_enabled(secrets: Secrets) -> bool:
    return bool(secrets.teams_app_id)
