"""Downloading an attached image from a chat platform, safely.

Shared by the Slack and Teams fetchers (bot/images.py ``ImageFetcher``). A chat
message says where its file is, and whoever wrote the message chose that
address: the bot's credentials must only ever go to the platform's own file
hosts (no SSRF, no token sent elsewhere). So every address, including each
redirect, is checked against the caller's rule before any request is made;
redirects are followed by hand, at most a few, and only to allowed hosts. The
size limit is enforced while the body streams in, so a huge file is cut off
instead of filling memory. Every failure is an ``ImageUnavailable`` whose
message says why in a few words (it is shown in the report): never the file's
content, never a token.
"""
from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urljoin, urlsplit

import aiohttp

from bot.images import ImageUnavailable

log = logging.getLogger(__name__)

MAX_REDIRECTS = 3
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0  # between chunks; the review's own check timeout bounds the whole fetch
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Allowed:
    """The rule's answer for one address: whether it may be fetched and with which headers."""

    ok: bool
    headers: dict | None = None
    why: str = ""


def origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) with the default port filled in, for exact comparisons."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except (ValueError, TypeError, AttributeError):
        return "", "", -1  # a malformed address (or port) never matches anything
    scheme = (parts.scheme or "").lower()
    if port is None:
        port = {"https": 443, "http": 80}.get(scheme)
    return scheme, (parts.hostname or "").lower(), port


def megabytes(n: int) -> str:
    return f"{n / 1_000_000:.0f} MB" if n >= 1_000_000 else f"{n // 1000} KB"


async def download(url: str, rule: Callable[[str], Allowed], max_bytes: int, *, platform: str,
                   session: aiohttp.ClientSession | None = None) -> bytes:
    """GET ``url`` (and allowed redirects) and return at most ``max_bytes`` bytes."""
    own = session is None
    if own:
        session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(
            total=None, connect=CONNECT_TIMEOUT, sock_read=READ_TIMEOUT))
    try:
        for _ in range(MAX_REDIRECTS + 1):
            allowed = rule(url)
            if not allowed.ok:
                log.warning("%s: refused to fetch an attachment from %s (%s)", platform, origin(url)[1] or "?",
                            allowed.why)
                raise ImageUnavailable(allowed.why)
            try:
                async with session.get(url, headers=allowed.headers or {}, allow_redirects=False) as r:
                    if r.status in (301, 302, 303, 307, 308):
                        location = r.headers.get("Location")
                        if not location:
                            raise ImageUnavailable(f"{platform} redirected the download nowhere")
                        url = urljoin(url, location)
                        continue
                    _check_status(r, platform)
                    return await _read_limited(r, max_bytes, platform)
            except asyncio.TimeoutError:
                raise ImageUnavailable("the download timed out") from None
            except aiohttp.ClientError as e:
                raise ImageUnavailable(f"the download failed ({type(e).__name__})") from None
        raise ImageUnavailable(f"{platform} redirected the download too many times")
    finally:
        if own:
            await session.close()


def _check_status(r: aiohttp.ClientResponse, platform: str) -> None:
    if r.status in (401, 403):
        raise ImageUnavailable(f"{platform} refused the download (HTTP {r.status}): the bot may lack access to it")
    if r.status in (404, 410):
        raise ImageUnavailable(f"the file is gone from {platform} (HTTP {r.status})")
    if r.status != 200:
        raise ImageUnavailable(f"{platform} answered HTTP {r.status} to the download")
    ctype = (r.headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()
    if ctype in ("text/html", "application/xhtml+xml"):
        # Slack answers a sign-in page with 200 when the token may not read files
        raise ImageUnavailable(f"{platform} answered with a web page instead of the file "
                               "(the bot may lack permission to read files)")


async def _read_limited(r: aiohttp.ClientResponse, max_bytes: int, platform: str) -> bytes:
    too_big = ImageUnavailable(f"the file is larger than the {megabytes(max_bytes)} limit")
    if r.content_length is not None and r.content_length > max_bytes:
        raise too_big
    body = bytearray()
    async for chunk in r.content.iter_chunked(CHUNK):
        body += chunk
        if len(body) > max_bytes:
            raise too_big  # leaving the block closes the connection: the rest is never read
    if not body:
        raise ImageUnavailable(f"{platform} sent an empty file")
    return bytes(body)
