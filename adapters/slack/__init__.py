"""The Slack adapter: a review channel where staff post drafts, threaded
Block Kit reports, officer approval by reaction, and /consent.

``mount(app, services)`` is all the core knows about it."""
from __future__ import annotations

import logging

import aiohttp
from aiohttp import web

from bot.app import Services

from .bot import SlackBot
from .files import SlackFileFetcher
from .http import events_handler
from .notifier import SlackNotifier
from .settings import slack_settings

log = logging.getLogger(__name__)

SLACK_BOT_KEY = web.AppKey("slack_bot", SlackBot)
EVENTS_PATH = "/slack/events"


def mount(app: web.Application, services: Services) -> SlackBot:
    """Add the Slack routes (or the Socket Mode connection) and register the report publisher."""
    settings = slack_settings(services.config.secrets)
    bot = SlackBot(services, settings)
    services.reviews.publishers["slack"] = bot.publisher
    # attached images are downloaded with the bot token, from Slack's file host only
    services.reviews.fetchers["slack"] = SlackFileFetcher(bot.client, settings.bot_token, settings.api_url)
    services.notifiers["slack"] = SlackNotifier(bot.report_client, services.config.officers_for("slack"))
    app[SLACK_BOT_KEY] = bot
    app.on_startup.append(_open_session)
    if settings.socket_mode:
        app.on_startup.append(_socket_mode_start)
        # on shutdown, before the drain (registered after this): no new envelopes are taken in;
        # one not yet acknowledged is delivered again by Slack, and its event id dedupes it
        app.on_shutdown.append(_socket_mode_stop)
    else:
        max_bytes = services.config.profile.server.max_body_bytes
        app.router.add_post(EVENTS_PATH, events_handler(bot.app, max_bytes, settings.signing_secret))
    app.on_cleanup.append(_close_session)
    services.drainers.append(bot.drain)  # bot.server drains in order: requests, reviews, then these
    return bot


async def _open_session(app: web.Application) -> None:
    """One keep-alive HTTP session for Web API calls instead of a new one per call."""
    bot = app[SLACK_BOT_KEY]
    bot.client.session = bot.report_client.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))


async def _close_session(app: web.Application) -> None:
    bot = app[SLACK_BOT_KEY]
    session = bot.client.session
    if session is not None:
        bot.client.session = bot.report_client.session = None
        await session.close()


async def _socket_mode_start(app: web.Application) -> None:
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

    bot = app[SLACK_BOT_KEY]
    bot.socket_handler = AsyncSocketModeHandler(bot.app, app_token=bot.settings.app_token, web_client=bot.client,
                                                logger=bot.sdk_logger)
    await bot.socket_handler.connect_async()
    log.info("Slack Socket Mode connected")


async def _socket_mode_stop(app: web.Application) -> None:
    handler = app[SLACK_BOT_KEY].socket_handler
    if handler is not None:
        await handler.close_async()

