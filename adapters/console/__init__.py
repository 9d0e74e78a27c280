"""The privacy officer's web console, served by the same process as the chat
adapters: a review channel, the queue, the consent registry and the audit
trail, behind local accounts (``clearpost users add``).

Like the Slack and Teams adapters it only exposes ``mount(app, services)``;
the pages call the same review service the chat adapters do.
"""
from __future__ import annotations

import logging

from aiohttp.web import Application, HTTPMovedPermanently, HTTPSeeOther, Request, Response, middleware

from adapters.console import audit_trail, consents, queue, review, signin, trends, two_step
from adapters.console.sessions import SessionStore
from adapters.console.throttle import Throttle
from adapters.console.web import CONSOLE_KEY, PREFIX, STATIC, Console, harden, host_allowed, make_templates
from bot.accounts import list_users
from bot.app import Services
from bot.vault import Vault

log = logging.getLogger(__name__)

PAGE_MODULES = [signin, two_step, review, queue, consents, audit_trail, trends]


async def _root(request: Request) -> Response:
    raise HTTPSeeOther(f"{PREFIX}/")


async def _favicon(request: Request) -> Response:
    raise HTTPMovedPermanently(f"{PREFIX}/static/favicon.svg")


@middleware
async def _host_check(request: Request, handler):
    """Console routes (and `/`) answer only for the console's own host name (issue 19)."""
    path = request.path
    if path == "/" or path == PREFIX or path.startswith(PREFIX + "/"):
        public_origin = request.app[CONSOLE_KEY].services.config.profile.server.public_origin
        if not host_allowed(request, public_origin):
            log.warning("console: refused a request for another host name (421)")
            where = ("at the address set in server.public_origin" if public_origin else
                     "by IP address or at localhost; to use a host name, set server.public_origin in the profile")
            return harden(Response(status=421, text=f"This console answers only {where}.\n"))
    return await handler(request)


def mount(app: Application, services: Services) -> Console:
    console = Console(services=services, sessions=SessionStore(services.engine),
                      throttle=Throttle(), templates=make_templates(), vault=Vault(services.config.secrets.data_key))
    app[CONSOLE_KEY] = console
    app.middlewares.append(_host_check)
    for module in PAGE_MODULES:
        app.router.add_routes(module.routes())
    app.router.add_get("/", _root)
    app.router.add_get(PREFIX, _root)
    app.router.add_get("/favicon.ico", _favicon)  # browsers ask for it whatever the page says
    app.router.add_static(f"{PREFIX}/static", STATIC, append_version=True)
    accounts = list_users(services.engine)
    if not console.vault.enabled and any(a.totp_enabled for a in accounts):
        log.warning("some console accounts sign in with a second factor but CLEARPOST_DATA_KEY is not set: they "
                    "cannot sign in until it is (or `clearpost users totp-reset NAME` removes the factor)")
    if not accounts:
        log.warning("the console has no accounts yet: create one with "
                    "`clearpost users add NAME --role officer` (and list NAME under officers.console)")
    return console
