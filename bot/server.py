"""The aiohttp web application `clearpost serve` runs: a health check plus
whichever chat adapters have credentials. Each adapter package exposes
``mount(app, services)`` that adds its routes; nothing else is platform-aware."""
from __future__ import annotations

import asyncio
import gc
import logging
import socket

from aiohttp import web

from bot.app import Services
from bot.audit.retention import purge_texts

log = logging.getLogger(__name__)



class Gate:
    """The requests being handled, and whether new ones are still taken in.

    On SIGTERM the gate closes: every new request (a Slack or Teams event
    arriving on a kept-alive connection, a health check) is answered 503, so
    the platform retries it elsewhere and the load balancer stops sending;
    the drain then waits for the requests already inside, whose drafts are
    acknowledged only once stored."""

    def __init__(self) -> None:
        self.closing = False
        self.active = 0
        self._idle = asyncio.Event()
        self._idle.set()

    @web.middleware
    async def middleware(self, request: web.Request, handler):
        if self.closing:
            return web.json_response({"status": "shutting down"}, status=503,
                                     headers={"Retry-After": "1", "Connection": "close"})
        self.active += 1
        self._idle.clear()
        try:
            return await handler(request)
        finally:
            self.active -= 1
            if self.active == 0:
                self._idle.set()

    async def idle(self, timeout: float) -> None:
        if self.active and timeout > 0:
            try:
                await asyncio.wait_for(self._idle.wait(), timeout)
            except asyncio.TimeoutError:
                pass


SERVICES_KEY = web.AppKey("services", Services)
GATE_KEY = web.AppKey("gate", Gate)
SWEEPER_KEY = web.AppKey("sweeper", asyncio.Task)


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def build_web_app(services: Services) -> web.Application:
    gate = Gate()
    app = web.Application(client_max_size=services.config.profile.server.max_body_bytes,
                          middlewares=[gate.middleware])
    app[SERVICES_KEY] = services
    app[GATE_KEY] = gate
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
    app.cleanup_ctx.append(_scheduler)
    app.on_shutdown.append(_drain)
    app.on_response_prepare.append(_every_response)
    return app


async def _every_response(request: web.Request, response: web.StreamResponse) -> None:
    """The console's security headers on every answer, redirects and plain errors included,
    and no version banner (aiohttp would send `Server: Python/3.11 aiohttp/...`)."""
    from adapters.console.web import SECURITY_HEADERS
    for k, v in SECURITY_HEADERS.items():
        response.headers.setdefault(k, v)
    response.headers["Server"] = "ClearPost"


PURGE_EVERY_SECONDS = 3600.0


async def _sweep_forever(app: web.Application) -> None:
    """Register this process as a lease holder and keep its heartbeat; take
    over the reviews of dead holders at once (on start-up too); finish reviews
    a crash, a restart, another replica's death or a database outage left in
    ``checking`` or without a report; purge stored texts past
    ``storage.purge_text_after_days`` once an hour."""
    services = app[SERVICES_KEY]
    server = services.config.profile.server
    holders = services.reviews.holders
    loop = asyncio.get_running_loop()
    beat_every = server.holder_timeout_seconds / 3
    next_sweep = next_beat = next_purge = loop.time()
    registered = False
    while True:
        now = loop.time()
        try:
            if not registered or now >= next_beat:
                next_beat = now + beat_every
                await asyncio.to_thread(holders.heartbeat if registered else holders.register)
                registered = True
            if now >= next_sweep:
                next_sweep = now + server.sweep_seconds
                ids = await services.reviews.resume_pending()
                if ids:
                    log.info("resuming %d unfinished review(s)", len(ids))
            if now >= next_purge:
                next_purge = now + PURGE_EVERY_SECONDS
                days = services.config.profile.storage.purge_text_after_days
                purged = await asyncio.to_thread(purge_texts, services.engine, days, "clearpost")
                if purged:
                    log.info("purged stored texts of %d review(s)", purged)
        except Exception as e:  # noqa: BLE001 - the database may be down; try again later
            log.warning("sweep failed: %s", type(e).__name__)
        await asyncio.sleep(max(0.05, min(next_beat, next_sweep) - loop.time()))


async def _sweeper(app: web.Application):
    task = app[SWEEPER_KEY] = asyncio.get_running_loop().create_task(_sweep_forever(app))
    yield
    task.cancel()


async def _scheduler(app: web.Application):
    """Reminders and notices (bot/scheduler.py), when ``reminders.enabled``."""
    services = app[SERVICES_KEY]
    stop = None
    if services.scheduler is not None and services.config.profile.reminders.enabled:
        from bot.scheduler import start
        stop = start(services.scheduler)
    yield
    if stop is not None:
        await stop()


async def _drain(app: web.Application) -> None:
    """Graceful shutdown, in order, within ``server.drain_seconds``: take no new
    requests; let the ones inside finish (their drafts get stored and
    scheduled); check and report every review taken in; finish the adapters'
    replies. What is left over is released for the next process (bot/leases.py)."""
    services = app[SERVICES_KEY]
    loop = asyncio.get_running_loop()
    started = loop.time()
    deadline = started + services.config.profile.server.drain_seconds
    app[GATE_KEY].closing = True
    app[SWEEPER_KEY].cancel()  # it would take up new work
    await app[GATE_KEY].idle(deadline - loop.time())
    await services.intake.idle(deadline - loop.time())
    left = await services.reviews.drain(max(0.0, deadline - loop.time()))
    for drain in services.drainers:
        await drain(deadline - loop.time())
    if left:
        log.warning("shutdown: %d review(s) not finished in %.0f s; released for the next start",
                    left, services.config.profile.server.drain_seconds)
    else:
        log.info("shutdown: every review taken in is reported (%.1f s)", loop.time() - started)


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (0: a free port the system picks; getsockname() says which).
    Bound here rather than by aiohttp so the caller knows the port before serving."""
    family, kind, proto, _, address = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM,
                                                         flags=socket.AI_PASSIVE)[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)  # connections arriving while the app starts wait in the backlog
    except OSError:
        sock.close()
        raise
    return sock


def run(services: Services, sock: socket.socket) -> None:
    # The spaCy model and Presidio leave millions of long-lived objects; a full
    # garbage collection walking them stalls every request for ~150 ms, in the
    # middle of a burst. Frozen, the collector skips them from now on.
    gc.collect()
    gc.freeze()
    web.run_app(build_web_app(services), sock=sock, print=None,
                shutdown_timeout=services.config.profile.server.drain_seconds)
