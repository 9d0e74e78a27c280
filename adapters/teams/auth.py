"""Bot Framework authentication built from ClearPost's secrets, never from os.environ.

With an app id, every inbound request must carry a valid Bot Framework JWT.
Without one (local tests only) the SDK accepts unauthenticated requests, and
``from.aadObjectId`` can then be forged: never run production that way."""
from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from botbuilder.integration.aiohttp import (ConfigurationBotFrameworkAuthentication,
                                            ConfigurationServiceClientCredentialFactory)
from botframework.connector.auth import ServiceClientCredentialsFactory

from bot.config import Secrets

log = logging.getLogger(__name__)

TOKEN_WAIT_SECONDS = 20  # for Entra, before the connector's own (blocking) attempt takes over


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


class CachedCredentialsFactory(ServiceClientCredentialsFactory):
    """One credentials object, so one MSAL token cache, per app id, scope and login endpoint.

    botbuilder 4.17.1 builds new credentials for every connector, i.e. every turn and
    proactive message, so each reply asked Entra for a fresh token (tenant discovery and
    a token request), with blocking ``requests`` calls on the event loop: the whole
    server stood still meanwhile. Here the token is fetched in a worker thread (once per
    key at a time) and the connector's synchronous ``signed_session`` finds it in
    MSAL's cache. A failed fetch is logged and left to the connector, as before."""

    def __init__(self, inner: ServiceClientCredentialsFactory):
        self._inner = inner
        self._credentials: dict[tuple, object] = {}
        self._locks: dict[tuple, asyncio.Lock] = {}

    async def is_valid_app_id(self, app_id: str) -> bool:
        return await self._inner.is_valid_app_id(app_id)

    async def is_authentication_disabled(self) -> bool:
        return await self._inner.is_authentication_disabled()

    async def create_credentials(self, app_id: str, oauth_scope: str, login_endpoint: str,
                                 validate_authority: bool):
        key = (app_id, oauth_scope, login_endpoint, validate_authority)
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            credentials = self._credentials.get(key)
            if credentials is None:
                credentials = await self._inner.create_credentials(app_id, oauth_scope, login_endpoint,
                                                                   validate_authority)
                self._credentials[key] = credentials
            if not await self.is_authentication_disabled():
                try:
                    await asyncio.wait_for(asyncio.to_thread(credentials.get_access_token), TOKEN_WAIT_SECONDS)
                except Exception as e:  # noqa: BLE001 - never the secret; the connector retries and reports
                    log.warning("teams: could not get the bot's token ahead of a reply (%s)", type(e).__name__)
        return credentials


def build_authentication(secrets: Secrets) -> ConfigurationBotFrameworkAuthentication:
    settings = settings_from(secrets)
    factory = CachedCredentialsFactory(ConfigurationServiceClientCredentialFactory(settings))
    return ConfigurationBotFrameworkAuthentication(settings, credentials_factory=factory)


def authentication_enabled(secrets: Secrets) -> bool:
    return bool(secrets.teams_app_id)
