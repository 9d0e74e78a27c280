"""Slack files: fetching an attached image for the checks, and completing file
shares that arrive with ids only.

Downloads use the bot token (``Authorization: Bearer``; the ``files:read``
scope) and go only to Slack's file host: ``files.slack.com`` when
``SLACK_API_URL`` is Slack's own, else the origin of ``SLACK_API_URL`` itself
(the local fake in tests, or a gateway the practice runs). A file address on
any other host is refused before a request is made, so a crafted message can
neither receive the token nor make the bot fetch internal addresses.
"""
from __future__ import annotations

import asyncio
import logging

from slack_sdk.web.async_client import AsyncWebClient

from adapters.downloads import Allowed, download, origin
from bot.domain import Attachment
from bot.images import ImageUnavailable

log = logging.getLogger(__name__)

FILES_INFO_TIMEOUT = 2.0  # intake waits for it before acknowledging (Slack wants an answer within 3 s)
FOREIGN_HOST = "its address is not on Slack's file host, so ClearPost did not download it"


def file_origins(api_url: str) -> frozenset[tuple[str, str, int | None]]:
    """Where Slack serves files for the configured Web API address."""
    scheme, host, port = origin(api_url)
    for domain in ("slack.com", "slack-gov.com"):
        if host == domain or host.endswith("." + domain):
            return frozenset({("https", f"files.{domain}", 443)})
    return frozenset({(scheme, host, port)})


def needs_files_info(f: dict) -> bool:
    """A file share that names the file only (Slack Connect's ``check_file_info``, or a
    payload trimmed to ids): its type and address come from ``files.info``."""
    return bool(f.get("id")) and f.get("mode") != "tombstone" and (
        f.get("file_access") == "check_file_info" or not f.get("mimetype")
        or not (f.get("url_private_download") or f.get("url_private")))


async def complete_files(client: AsyncWebClient, message: dict) -> dict:
    """The message with each id-only file filled in from ``files.info`` (a copy; the
    original is left alone). A file that cannot be looked up stays as it is: the
    translation then treats it as an image to fetch, so the check fails closed."""
    files = message.get("files")
    if not isinstance(files, list) or not any(isinstance(f, dict) and needs_files_info(f) for f in files):
        return message
    completed = []
    for f in files:
        if isinstance(f, dict) and needs_files_info(f):
            try:
                resp = await asyncio.wait_for(client.files_info(file=f["id"]), FILES_INFO_TIMEOUT)
                info = resp.get("file") if isinstance(resp.data, dict) else None
                if isinstance(info, dict):
                    f = {**f, **info}
            except Exception as e:  # noqa: BLE001 - looked up again when the image is fetched
                log.warning("slack: files.info failed at intake (%s)", type(e).__name__)
        completed.append(f)
    return {**message, "files": completed}


class SlackFileFetcher:
    """``bot.images.ImageFetcher`` for Slack: the bytes of an attached file."""

    def __init__(self, client: AsyncWebClient, bot_token: str, api_url: str):
        self.client = client
        self._auth = {"Authorization": f"Bearer {bot_token}"}
        self.origins = file_origins(api_url)

    def rule(self, url: str) -> Allowed:
        if origin(url) in self.origins:
            return Allowed(True, self._auth)
        return Allowed(False, why=FOREIGN_HOST)

    async def fetch(self, attachment: Attachment, max_bytes: int) -> bytes:
        url = attachment.url
        if not url and attachment.file_id:
            url = await self._url_from_files_info(attachment.file_id)
        if not url:
            raise ImageUnavailable("Slack did not say where the file is")
        return await download(url, self.rule, max_bytes, platform="Slack", session=self.client.session)

    async def _url_from_files_info(self, file_id: str) -> str | None:
        try:
            resp = await self.client.files_info(file=file_id)
        except Exception as e:  # noqa: BLE001 - SlackApiError carries Slack's error code only
            error = getattr(getattr(e, "response", None), "get", lambda _k: None)("error")
            raise ImageUnavailable(f"Slack could not look the file up ({error or type(e).__name__})") from None
        info = resp.get("file") if isinstance(resp.data, dict) else None
        if not isinstance(info, dict):
            return None
        mimetype = str(info.get("mimetype") or "")
        if mimetype and not mimetype.startswith("image/"):
            raise ImageUnavailable(f"Slack says it is not a picture ({mimetype})")
        return info.get("url_private_download") or info.get("url_private")
