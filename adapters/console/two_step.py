"""Two-step sign-in: a signed-in user adds a TOTP app (bot/totp.py).

The page shows the secret as text, as an ``otpauth://`` URI and as a QR code drawn on the server
(segno, pure Python, an inline SVG: no script, no request elsewhere); the factor is switched on
only when the form brings back a current code, so an app that never took the secret cannot lock
anyone out. Turning it off is an administrator's job (``clearpost users totp-reset``), so a
stolen session cannot remove it.
"""
from __future__ import annotations

import logging

import segno
from aiohttp import web
from markupsafe import Markup

from adapters.console.sessions import digest
from adapters.console.web import CONSOLE_KEY, COOKIE, TWO_STEP_PAGE, Viewer, page, render, see_other
from bot import totp
from bot.accounts import AccountError

log = logging.getLogger(__name__)


def _qr_svg(uri: str) -> Markup:
    """The URI as an inline SVG QR code (dark modules on white, a quiet zone around them)."""
    svg = segno.make(uri, error="m").svg_inline(scale=4, dark="#000", light="#fff", title="QR code to scan")
    return Markup(svg)


def _grouped(secret: str) -> str:
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def _show(request: web.Request, viewer: Viewer, status: int = 200, error: str | None = None) -> web.Response:
    console = request.app[CONSOLE_KEY]
    state = totp.status(console.services.engine, viewer.username)
    ctx = dict(viewer=viewer, active="two-step", enabled_at=state.enabled_at, error=error, unavailable=None,
               secret=None, uri=None, qr=None)
    if state.enabled_at is None:
        try:
            enrolment = totp.begin_enrolment(console.services.engine, console.vault, viewer.username)
        except totp.SecondFactorError as e:
            ctx["unavailable"] = str(e)
        else:
            ctx.update(secret=_grouped(enrolment.secret), uri=enrolment.uri, qr=_qr_svg(enrolment.uri))
    return render(request, "two_step.html", status=status, **ctx)


@page()
async def two_step_page(request: web.Request, viewer: Viewer, form) -> web.Response:
    return _show(request, viewer)


@page()
async def confirm(request: web.Request, viewer: Viewer, form) -> web.Response:
    console = request.app[CONSOLE_KEY]
    try:
        ok = totp.confirm_enrolment(console.services.engine, console.vault, viewer.username,
                                    str(form.get("code") or "")[:20], keep_session=digest(request.cookies[COOKIE]))
    except AccountError as e:
        return _show(request, viewer, 409, str(e))
    if not ok:
        return _show(request, viewer, 400, "That code is not the current one for this secret. Check that the "
                                           "app shows ClearPost and your user name, and type the code it shows now.")
    log.info("console: a user turned on two-step sign-in")
    return see_other(TWO_STEP_PAGE)


def routes() -> list[web.RouteDef]:
    return [web.get(TWO_STEP_PAGE, two_step_page), web.post(TWO_STEP_PAGE, confirm)]
