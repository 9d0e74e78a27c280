"""Signing in and out of the console.

The sign-in form has no session yet, so its CSRF defence is a double-submit
token: a random value in a SameSite=Strict cookie that the form must echo.
Password checks run in a worker thread (scrypt is deliberately slow) and are
rate limited per user name and per client address. Sign-ins and sign-outs are
audit events; failed attempts are logged by count only, never with the
password or a user name that does not exist.
"""
from __future__ import annotations

import asyncio
import logging
import secrets

from aiohttp import web

from adapters.console.web import (CONSOLE_KEY, COOKIE, LOGIN_CSRF_COOKIE, PREFIX, Viewer, client_address, page,
                                  refuse, render, same_origin, see_other, set_cookie, tokens_match)
from bot import audit
from bot.accounts import authenticate
from bot.db import transaction

log = logging.getLogger(__name__)

WRONG = "The user name or password is wrong."


def _login_form(request: web.Request, status: int = 200, error: str | None = None,
                username: str = "") -> web.Response:
    token = secrets.token_urlsafe(24)
    resp = render(request, "login.html", status=status, error=error, username=username,
                  login_csrf=token, viewer=None)
    set_cookie(request, resp, LOGIN_CSRF_COOKIE, token)
    return resp


async def login_page(request: web.Request) -> web.Response:
    console = request.app[CONSOLE_KEY]
    if console.sessions.lookup(request.cookies.get(COOKIE)):
        return see_other(f"{PREFIX}/")
    return _login_form(request)


async def login(request: web.Request) -> web.Response:
    console = request.app[CONSOLE_KEY]
    if not same_origin(request):
        return refuse(request, 403, "This form was sent from another site and was refused.")
    form = await request.post()
    if not tokens_match(form.get("csrf"), request.cookies.get(LOGIN_CSRF_COOKIE)):
        return _login_form(request, 403, "The sign-in form expired. Try again.")
    username = str(form.get("username") or "").strip().lower()[:100]
    password = str(form.get("password") or "")
    client = client_address(request, console.services.config.profile.server.trusted_proxies)
    if console.hashing.locked() or not console.throttle.begin(username, client):
        log.warning("console sign-in refused: too many attempts")
        return _login_form(request, 429, "Too many sign-in attempts. Wait a few minutes and try again.",
                           username)
    loop = asyncio.get_running_loop()
    async with console.hashing:
        account = await loop.run_in_executor(None, authenticate, console.services.engine, username, password)
    if account is None:
        log.info("console sign-in failed")
        return _login_form(request, 401, WRONG, username)
    console.throttle.succeeded(username, client)
    console.sessions.end(request.cookies.get(COOKIE))  # never keep a session from before sign-in
    token = console.sessions.create(account.username)
    with transaction(console.services.engine) as s:
        audit.append(s, account.username, "console_signed_in", details={"role": account.role})
    resp = see_other(f"{PREFIX}/")
    set_cookie(request, resp, COOKIE, token)
    resp.del_cookie(LOGIN_CSRF_COOKIE, path=PREFIX)
    return resp


@page()
async def logout(request: web.Request, viewer: Viewer, form) -> web.Response:
    console = request.app[CONSOLE_KEY]
    console.sessions.end(request.cookies.get(COOKIE))
    with transaction(console.services.engine) as s:
        audit.append(s, viewer.username, "console_signed_out")
    resp = see_other(f"{PREFIX}/login")
    resp.del_cookie(COOKIE, path=PREFIX)
    return resp


@page()
async def home(request: web.Request, viewer: Viewer, form) -> web.Response:
    return see_other(f"{PREFIX}/queue" if viewer.is_officer else f"{PREFIX}/review")


def routes() -> list[web.RouteDef]:
    return [
        web.get(f"{PREFIX}/login", login_page),
        web.post(f"{PREFIX}/login", login),
        web.post(f"{PREFIX}/logout", logout),
        web.get(f"{PREFIX}/", home),
    ]
