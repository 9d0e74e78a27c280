"""Plumbing every console page shares: templates, who is signed in, CSRF,
security headers.

Each page handler is wrapped by ``page(...)``: it resolves the session cookie
to a ``Viewer`` (or sends the browser to the sign-in page), refuses a POST
whose CSRF token or Origin does not match, enforces the officer role, and
hardens the response (no caching of PHI-bearing pages, a strict CSP).
"""
from __future__ import annotations

import asyncio
import hmac
import ipaddress
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Awaitable, Callable
from urllib.parse import urlsplit

import jinja2
from aiohttp import web
from markupsafe import Markup, escape

from adapters.console.sessions import SessionStore, SignedIn
from adapters.console.throttle import Throttle
from bot.app import Services
from bot.vault import Vault

log = logging.getLogger(__name__)

PREFIX = "/console"
COOKIE = "clearpost_session"
LOGIN_CSRF_COOKIE = "clearpost_login_csrf"
SECOND_STEP_COOKIE = "clearpost_second_step"  # a sign-in whose password was right, waiting for its TOTP code
TWO_STEP_PAGE = f"{PREFIX}/account/two-step"
TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",  # "no-referrer" makes browsers send "Origin: null" on our own forms
    "Cache-Control": "no-store",
}


@dataclass
class Console:
    """What the console's handlers share; one per web app."""

    services: Services
    sessions: SessionStore
    throttle: Throttle
    templates: jinja2.Environment
    chain: dict = field(default_factory=dict)  # the last audit-chain check (audit_trail caches it)
    # a submitted draft's text, held in memory only from the POST to the page it redirects to (which
    # takes it out): (username, review id) -> (text, deadline); see review.submit
    just_submitted: dict = field(default_factory=dict)
    # password hashes running at once: each scrypt takes 32 MiB and a core's time, so a burst of
    # sign-ins beyond this is answered 429 at once instead of queueing (issue 19)
    hashing: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(2))
    # seals second-factor secrets: CLEARPOST_DATA_KEY, or none (then nobody can enrol; bot/totp.py)
    vault: Vault = field(default_factory=lambda: Vault(None))


CONSOLE_KEY = web.AppKey("console", Console)


@dataclass(frozen=True)
class Viewer:
    """The signed-in person as the pages see them."""

    username: str
    role: str
    csrf_token: str
    is_officer: bool  # role officer AND listed under officers.console
    listed: bool  # listed under officers.console in the profile
    may_look_up: bool = False  # consent search: officers, plus anyone named in consent_lookup.console
    totp_enabled: bool = False  # signs in with a TOTP code after the password
    # an officer who must enrol a second factor first (console.require_totp_for_officers): acts as staff till then
    needs_totp: bool = False


def make_templates() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["when"] = format_when
    env.filters["code_spans"] = code_spans
    env.globals["prefix"] = PREFIX
    env.globals["active"] = ""  # pages set it to mark their menu entry
    return env


_BACKTICKED = re.compile(r"`([^`\n]+)`")


def code_spans(text: str | None) -> Markup:
    """Findings are written once for every channel, with `commands` in backticks (Slack shows them
    as code): here they become <code>, the rest escaped as usual."""
    return Markup(_BACKTICKED.sub(r"<code>\1</code>", str(escape(text or ""))))


def format_when(at: datetime | None) -> str:
    if at is None:
        return ""
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    return at.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def harden(resp: web.StreamResponse) -> web.StreamResponse:
    for k, v in SECURITY_HEADERS.items():
        resp.headers.setdefault(k, v)
    return resp


def render(request: web.Request, template: str, status: int = 200, **ctx) -> web.Response:
    console = request.app[CONSOLE_KEY]
    html = console.templates.get_template(template).render(**ctx)
    return harden(web.Response(text=html, status=status, content_type="text/html", charset="utf-8"))


def see_other(location: str) -> web.Response:
    return harden(web.Response(status=303, headers={"Location": location}))


DEFAULT_PORTS = {"http": 80, "https": 443}


def _host_and_port(netloc: str, default_port: int | None) -> tuple[str, int | None] | None:
    try:
        u = urlsplit(f"//{netloc}")
        return (u.hostname or "").lower().rstrip("."), u.port or default_port
    except ValueError:
        return None


def host_allowed(request: web.Request, public_origin: str | None) -> bool:
    """Whether the request's Host names this console (DNS rebinding: a page on attacker.example,
    its name re-pointed at 127.0.0.1, would otherwise talk to the console as its own origin).
    With ``server.public_origin``: exactly its host and port. Without: an IP address or
    localhost, which a rebinding attacker's page cannot have as its origin."""
    if public_origin:
        origin = urlsplit(public_origin)
        scheme_port = DEFAULT_PORTS[origin.scheme]
        return _host_and_port(request.host, scheme_port) == (origin.hostname.lower(), origin.port or scheme_port)
    named = _host_and_port(request.host, None)
    if named is None or not named[0]:
        return False
    host = named[0]
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def client_address(request: web.Request, trusted_proxies: list[str]) -> str:
    """The connecting address, or, when it is a configured proxy, the nearest address in
    X-Forwarded-For that is not one: behind a proxy every client would otherwise share one
    address (and one sign-in limit). Without configured proxies the header is ignored."""
    peer = request.remote or "unknown"
    networks = [ipaddress.ip_network(p, strict=False) for p in trusted_proxies]

    def trusted(addr: str) -> bool:
        try:
            ip = ipaddress.ip_address(addr)
        except ValueError:
            return False
        return any(ip in n for n in networks)

    if not networks or not trusted(peer):
        return peer
    hops = [h.strip() for h in request.headers.get("X-Forwarded-For", "").split(",") if h.strip()]
    for hop in reversed(hops):
        if not trusted(hop):
            return hop
    return peer


def is_https(request: web.Request) -> bool:
    """TLS to us, or to a reverse proxy on this machine that says so."""
    if request.secure:
        return True
    peer = request.remote or ""
    try:
        local = ipaddress.ip_address(peer).is_loopback
    except ValueError:
        local = False
    return local and request.headers.get("X-Forwarded-Proto", "").lower() == "https"


def set_cookie(request: web.Request, resp: web.StreamResponse, name: str, value: str) -> None:
    resp.set_cookie(name, value, path=PREFIX, httponly=True, samesite="Strict", secure=is_https(request))


def same_origin(request: web.Request) -> bool:
    """A POST whose Origin (when the browser sends one) is this site."""
    origin = request.headers.get("Origin")
    if origin is None or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.host


def tokens_match(given: str | None, expected: str | None) -> bool:
    return bool(given) and bool(expected) and hmac.compare_digest(str(given), str(expected))


def refuse(request: web.Request, status: int, message: str, viewer: Viewer | None = None) -> web.Response:
    return render(request, "error.html", status=status, message=message, viewer=viewer)


Handler = Callable[..., Awaitable[web.StreamResponse]]


def page(officer: bool = False, lookup: bool = False, upload: bool = False):
    """Sign-in, CSRF and role gate for one handler ``(request, viewer, form)``:
    ``officer`` pages need a privacy officer, ``lookup`` pages a consent look-up user.
    ``upload`` forms may carry pictures (adapters/console/uploads.py): they are in
    ``request[UPLOADS]``, and an error that stopped reading the form in ``request[UPLOAD_ERROR]``."""
    def wrap(handler: Handler) -> Handler:
        async def run(request: web.Request) -> web.StreamResponse:
            console = request.app[CONSOLE_KEY]
            signed: SignedIn | None = console.sessions.lookup(request.cookies.get(COOKIE))
            if signed is None:
                if request.method == "GET":
                    return see_other(f"{PREFIX}/login")
                return refuse(request, 401, "Your session has ended. Sign in again.")
            form = None
            if request.method == "POST":
                if not same_origin(request):
                    return refuse(request, 403, "This form was sent from another site and was refused.")
                if upload:
                    from adapters.console.uploads import UPLOAD_ERROR, UPLOADS, read_form
                    limits = console.services.config.profile
                    form, request[UPLOADS], request[UPLOAD_ERROR] = await read_form(
                        request, limits.server.max_body_bytes, limits.images.max_bytes)
                else:
                    form = await request.post()
                if not tokens_match(form.get("csrf"), signed.csrf_token):
                    return refuse(request, 403, "This form has expired or did not come from this console. "
                                                "Reload the page and try again.")
            config = console.services.config
            listed = signed.username in config.officers_for("console")
            needs_totp = (signed.role == "officer" and listed and not signed.totp_enabled
                          and config.profile.console.require_totp_for_officers)
            is_officer = signed.role == "officer" and listed and not needs_totp
            viewer = Viewer(signed.username, signed.role, signed.csrf_token, is_officer=is_officer, listed=listed,
                            may_look_up=is_officer or signed.username in config.profile.consent_lookup.console,
                            totp_enabled=signed.totp_enabled, needs_totp=needs_totp)
            if officer and viewer.needs_totp:
                if request.method == "GET":
                    return see_other(TWO_STEP_PAGE)
                return refuse(request, 403, "Set up two-step sign-in before you act as privacy officer.", viewer)
            if (officer and not viewer.is_officer) or (lookup and not viewer.may_look_up):
                return refuse(request, 403, "Only a privacy officer can open this page.", viewer)
            return harden(await handler(request, viewer, form))
        run.__name__ = handler.__name__
        run.__doc__ = handler.__doc__
        return run
    return wrap
