"""Microsoft Teams adapter: botbuilder CloudAdapter on the shared aiohttp app.

``mount(app, services)`` adds ``POST /api/messages`` and registers the Teams
report publisher. Everything Teams-specific stays in this package, so moving
to the Microsoft 365 Agents SDK later is this package's work only."""
from __future__ import annotations

import logging
import re

from aiohttp import web
from botbuilder.integration.aiohttp import CloudAdapter

from bot.app import Services
from bot.config import ConfigError, Secrets
from adapters.teams.auth import authentication_enabled, build_authentication
from adapters.teams.bot import TeamsBot
from adapters.teams.files import TeamsImageFetcher
from adapters.teams.http import make_handler
from adapters.teams.notifier import TeamsNotifier
from adapters.teams.publisher import TeamsPublisher
from adapters.teams.refs import ConversationRefStore

log = logging.getLogger(__name__)

ROUTE = "/api/messages"
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def check_secrets(secrets: Secrets) -> None:
    """Stop start-up on Teams secrets that could only fail later (or fail open)."""
    if secrets.teams_app_id:
        if not GUID.match(secrets.teams_app_id):
            raise ConfigError("TEAMS_APP_ID: expected the bot's Microsoft App ID (a GUID)")
        if not secrets.teams_app_password:
            raise ConfigError("TEAMS_APP_PASSWORD: required when TEAMS_APP_ID is set")
    if secrets.teams_tenant_id and not GUID.match(secrets.teams_tenant_id):
        raise ConfigError("TEAMS_TENANT_ID: expected the Azure AD tenant id (a GUID)")


def mount(app: web.Application, services: Services) -> None:
    secrets = services.config.secrets
    check_secrets(secrets)
    if secrets.teams_service_url_override:
        log.warning("teams: TEAMS_SERVICE_URL_OVERRIDE is set: replies go to it (tests only)")
    if not authentication_enabled(secrets):
        log.warning("teams: TEAMS_APP_ID is not set: requests are NOT authenticated (tests only)")
    adapter = CloudAdapter(build_authentication(secrets))
    refs = ConversationRefStore(services.engine)
    app_id = secrets.teams_app_id or ""
    services.reviews.publishers["teams"] = TeamsPublisher(adapter, refs, app_id, services.reviews)
    # attached images: from the connector's hosts only, with the bot's own Bot Framework token
    services.reviews.fetchers["teams"] = TeamsImageFetcher(secrets)
    services.notifiers["teams"] = TeamsNotifier(adapter, refs, app_id, secrets.teams_tenant_id)
    bot = TeamsBot(services, refs, adapter, app_id)
    app.router.add_post(ROUTE, make_handler(adapter, bot, secrets.teams_service_url_override))
