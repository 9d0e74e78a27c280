"""Signing in and out of the console.

The sign-in form has no session yet, so its CSRF defence is a double-submit
token: a random value in a SameSite=Strict cookie that the form must echo.
Password checks run in a worker thread (scrypt is deliberately slow) and are
rate limited per user name and per client address. Sign-ins and sign-outs are
audit events; failed attempts are logged by count only, never with the
password or a user name that does not exist.

An account with a TOTP second factor (bot/totp.py) signs in in two steps: a
right password leaves a short-lived row waiting for the code (its own cookie,
no page accepts it), and the code step opens the real session. Each code
attempt counts toward the same throttle as a password, and the password's
attempt is given back only when the code is right too, so knowing the password
buys no more guesses at the code than at the password.
"""
from __future__ import annotations

import asyncio
import logging
import secrets

from aiohttp import web

from adapters.console.web import (CONSOLE_KEY, COOKIE, LOGIN_CSRF_COOKIE, PREFIX, SECOND_STEP_COOKIE, TWO_STEP_PAGE,
                                  Viewer, client_address, page, refuse, render, same_origin, see_other, set_cookie,
                                  tokens_match)
from bot import audit, totp
from bot.accounts import authenticate, get_user
from bot.db import transaction

log = logging.getLogger(__name__)

WRONG = "The user name or password is wrong."
WRONG_CODE = "That code is wrong, or it was used already. Wait for the next code in your app and try again."
TOO_MANY = "Too many sign-in attempts. Wait a few minutes and try again."
CODE_PAGE = f"{PREFIX}/login/code"


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
        return _login_form(request, 429, TOO_MANY, username)
    loop = asyncio.get_running_loop()
    async with console.hashing:
        account = await loop.run_in_executor(None, authenticate, console.services.engine, username, password)
    if account is None:
        log.info("console sign-in failed")
        return _login_form(request, 401, WRONG, username)
    console.sessions.end(request.cookies.get(COOKIE))  # never keep a session from before sign-in
    console.sessions.end(request.cookies.get(SECOND_STEP_COOKIE))
    if account.totp_enabled:
        # the attempt stays counted until the code is right too (module docstring)
        pending = console.sessions.create(account.username, account.credential_version, client,
                                          second_factor_due=True)
        if pending is None:
            return _login_form(request, 401, WRONG, username)
        resp = see_other(CODE_PAGE)
        set_cookie(request, resp, SECOND_STEP_COOKIE, pending)
        resp.del_cookie(LOGIN_CSRF_COOKIE, path=PREFIX)
        return resp
    console.throttle.succeeded(username, client)
    return _signed_in(request, account.username, account.role, account.credential_version, client,
                      second_factor=False)


def _signed_in(request: web.Request, username: str, role: str, credential_version: int, client: str,
               second_factor: bool) -> web.Response:
    console = request.app[CONSOLE_KEY]
    token = console.sessions.create(username, credential_version, client)
    if token is None:  # the password or role changed while this sign-in was being checked
        return _login_form(request, 401, "This account's sign-in details just changed. Sign in again.", username)
    with transaction(console.services.engine) as s:
        audit.append(s, username, "console_signed_in", details={"role": role, "second_factor": second_factor})
    resp = see_other(f"{PREFIX}/")
    set_cookie(request, resp, COOKIE, token)
    resp.del_cookie(LOGIN_CSRF_COOKIE, path=PREFIX)
    resp.del_cookie(SECOND_STEP_COOKIE, path=PREFIX)
    return resp


def _code_form(request: web.Request, csrf: str, status: int = 200, error: str | None = None) -> web.Response:
    return render(request, "login_code.html", status=status, error=error, csrf=csrf, viewer=None)


def _start_again(request: web.Request) -> web.Response:
    resp = _login_form(request, 401, "The sign-in took too long or has ended. Sign in again.")
    resp.del_cookie(SECOND_STEP_COOKIE, path=PREFIX)
    return resp


async def code_page(request: web.Request) -> web.Response:
    console = request.app[CONSOLE_KEY]
    pending = console.sessions.second_step(request.cookies.get(SECOND_STEP_COOKIE))
    if pending is None:
        return see_other(f"{PREFIX}/login")
    return _code_form(request, pending.csrf_token)


async def code(request: web.Request) -> web.Response:
    """The second step: a current TOTP code, used once, counted like a password attempt."""
    console = request.app[CONSOLE_KEY]
    if not same_origin(request):
        return refuse(request, 403, "This form was sent from another site and was refused.")
    form = await request.post()
    pending = console.sessions.second_step(request.cookies.get(SECOND_STEP_COOKIE))
    if pending is None:
        return _start_again(request)
    if not tokens_match(form.get("csrf"), pending.csrf_token):
        return _code_form(request, pending.csrf_token, 403, "The form expired. Try again.")
    client = client_address(request, console.services.config.profile.server.trusted_proxies)
    if not console.throttle.begin(pending.username, client):
        log.warning("console sign-in refused: too many attempts")
        console.sessions.end(request.cookies.get(SECOND_STEP_COOKIE))
        resp = _login_form(request, 429, TOO_MANY, pending.username)
        resp.del_cookie(SECOND_STEP_COOKIE, path=PREFIX)
        return resp
    try:
        right = totp.verify(console.services.engine, console.vault, pending.username, str(form.get("code") or "")[:20],
                            pending.credential_version)
    except totp.SecondFactorError as e:
        log.warning("console sign-in: a second factor could not be checked (data key missing or changed)")
        return _code_form(request, pending.csrf_token, 503, str(e))
    if not right:
        log.info("console sign-in failed at the second factor")
        return _code_form(request, pending.csrf_token, 401, WRONG_CODE)
    console.throttle.succeeded(pending.username, client, attempts=2)  # the password's attempt and this one
    console.sessions.end(request.cookies.get(SECOND_STEP_COOKIE))
    account = get_user(console.services.engine, pending.username)
    if account is None:
        return _start_again(request)
    return _signed_in(request, account.username, account.role, pending.credential_version, client,
                      second_factor=True)


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
    if viewer.needs_totp:
        return see_other(TWO_STEP_PAGE)
    return see_other(f"{PREFIX}/queue" if viewer.is_officer else f"{PREFIX}/review")


def routes() -> list[web.RouteDef]:
    return [
        web.get(f"{PREFIX}/login", login_page),
        web.post(f"{PREFIX}/login", login),
        web.get(CODE_PAGE, code_page),
        web.post(CODE_PAGE, code),
        web.post(f"{PREFIX}/logout", logout),
        web.get(f"{PREFIX}/", home),
    ]
