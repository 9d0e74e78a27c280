"""The aiohttp web application `clearpost serve` runs: a health check plus
whichever chat adapters have credentials. Each adapter package exposes
``mount(app, services)`` that adds its routes; nothing else is platform-aware."""
from __future__ import annotations

import asyncio
import gc
import logging

from aiohttp import web

from bot.app import Services
from bot.audit.retention import purge_texts

log = logging.getLogger(__name__)

SERVICES_KEY = web.AppKey("services", Services)
DRAIN_SECONDS = 20.0


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def build_web_app(services: Services) -> web.Application:
    app = web.Application(client_max_size=services.config.profile.server.max_body_bytes)
    app[SERVICES_KEY] = services
    app.router.add_get("/healthz", healthz)
    from adapters.console import mount as mount_console  # always on: needs no credentials
    mount_console(app, services)
    secrets = services.config.secrets
    if secrets.slack_bot_token:
        from adapters.slack import mount as mount_slack
        mount_slack(app, services)
    if secrets.teams_app_id or secrets.teams_service_url_override:
        from adapters.teams import mount as mount_teams
        mount_teams(app, services)
    app.cleanup_ctx.append(_sweeper)
    app.on_shutdown.append(_drain)
    return app


SWEEP_SECONDS = 15.0
PURGE_EVERY_SECONDS = 3600.0


async def _sweep_forever(app: web.Application) -> None:
    """Finish reviews a crash, a restart, another replica's death or a
    database outage left in ``checking`` (their lease has lapsed), and purge
    stored texts past ``storage.purge_text_after_days`` once an hour."""
    services = app[SERVICES_KEY]
    loop = asyncio.get_running_loop()
    next_purge = loop.time()
    while True:
        try:
            ids = await services.reviews.resume_pending()
            if ids:
                log.info("resuming %d unfinished review(s)", len(ids))
            if loop.time() >= next_purge:
                days = services.config.profile.storage.purge_text_after_days
                purged = await asyncio.to_thread(purge_texts, services.engine, days, "clearpost")
                next_purge = loop.time() + PURGE_EVERY_SECONDS
                if purged:
                    log.info("purged stored texts of %d review(s)", purged)
        except Exception as e:  # noqa: BLE001 - the database may be down; try again later
            log.warning("sweep failed: %s", type(e).__name__)
        await asyncio.sleep(SWEEP_SECONDS)


async def _sweeper(app: web.Application):
    task = asyncio.get_running_loop().create_task(_sweep_forever(app))
    yield
    task.cancel()


async def _drain(app: web.Application) -> None:
    await app[SERVICES_KEY].reviews.drain(DRAIN_SECONDS)


def run(services: Services, host: str, port: int) -> None:
    # The spaCy model and Presidio leave millions of long-lived objects; a full
    # garbage collection walking them stalls every request for ~150 ms, in the
    # middle of a burst. Frozen, the collector skips them from now on.
    gc.collect()
    gc.freeze()
    web.run_app(build_web_app(services), host=host, port=port, print=None,
                shutdown_timeout=DRAIN_SECONDS)
