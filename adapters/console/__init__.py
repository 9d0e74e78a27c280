"""The privacy officer's web console, served by the same process as the chat
adapters: a review channel, the queue, the consent registry and the audit
trail, behind local accounts (``clearpost users add``).

Like the Slack and Teams adapters it only exposes ``mount(app, services)``;
the pages call the same review service the chat adapters do.
"""
from __future__ import annotations

import logging

from aiohttp.web import Application, HTTPSeeOther, Request, Response

from adapters.console import audit_trail, consents, queue, review, signin
from adapters.console.sessions import SessionStore
from adapters.console.throttle import Throttle
from adapters.console.web import CONSOLE_KEY, PREFIX, STATIC, Console, make_templates
from bot.accounts import list_users
from bot.app import Services

log = logging.getLogger(__name__)

PAGE_MODULES = [signin, review, queue, consents, audit_trail]


async def _root(request: Request) -> Response:
    raise HTTPSeeOther(f"{PREFIX}/")


def mount(app: Application, services: Services) -> Console:
    console = Console(services=services, sessions=SessionStore(services.engine),
                      throttle=Throttle(), templates=make_templates())
    app[CONSOLE_KEY] = console
    for module in PAGE_MODULES:
        app.router.add_routes(module.routes())
    app.router.add_get("/", _root)
    app.router.add_get(PREFIX, _root)
    app.router.add_static(f"{PREFIX}/static", STATIC, append_version=True)
    if not list_users(services.engine):
        log.warning("the console has no accounts yet: create one with "
                    "`clearpost users add NAME --role officer` (and list NAME under officers.console)")
    return console
