"""Teams images: fetching an attached picture for the checks, and the cleaned
copy sent back as an inline image.

Where Teams puts a picture (adapters/teams/translate.py keeps its address):

* pasted / inline images: an ``image/*`` attachment whose ``contentUrl`` is on
  the Bot Framework connector (``https://smba.trafficmanager.net/{region}/v3/
  attachments/{id}/views/original``, older ones on ``*.asm.skype.com``). These
  need the bot's own Bot Framework token, obtained with the same credentials
  the adapter uses to reply (auth.settings_from; none when no app id is set,
  as in local tests).
* files sent to the bot in a personal chat: ``application/vnd.microsoft.teams.
  file.download.info`` with a pre-authenticated SharePoint ``downloadUrl``
  (its ``tempauth`` parameter is the credential): fetched with no token.
* files shared in a channel are SharePoint links needing Microsoft Graph,
  which ClearPost does not use: refused with a reason (the check blocks).

The bot token is only ever sent to the connector hosts (or, in tests, to the
``TEAMS_SERVICE_URL_OVERRIDE`` origin); any other address is refused before a
request is made.
"""
from __future__ import annotations

import asyncio
import base64
import io
import logging
import re
from urllib.parse import parse_qs, urlsplit

from botbuilder.integration.aiohttp import ConfigurationServiceClientCredentialFactory
from botframework.connector.auth import AuthenticationConstants

from adapters.downloads import Allowed, download, origin
from adapters.teams.auth import settings_from
from bot.config import Secrets
from bot.domain import Attachment
from bot.images import CleanedImage, ImageUnavailable

log = logging.getLogger(__name__)

# The Bot Framework connector for Teams, commercial and government clouds
CONNECTOR_HOSTS = frozenset({"smba.trafficmanager.net", "smba.infra.gcc.teams.microsoft.com",
                             "smba.infra.gov.teams.microsoft.us", "smba.infra.dod.teams.microsoft.us"})
_ASM_HOST = re.compile(r"^[a-z0-9-]+\.asm\.skype\.com$")
_SHAREPOINT_HOST = re.compile(r"^[a-z0-9-]+(-my)?\.sharepoint\.(com|us)$")
FOREIGN_HOST = "its address is not on a Teams host ClearPost trusts, so ClearPost did not download it"
SHAREPOINT_LINK = ("Teams keeps this file in SharePoint, which ClearPost cannot open; "
                   "paste the picture into the message instead")

# Teams refuses messages over about 28 KB; a cleaned copy is sent inline (a data URI) within this
INLINE_MAX_BYTES = 19_500
_PREVIEW_SIDES = (1280, 1024, 800, 640, 480, 360, 240)
_PREVIEW_QUALITIES = (75, 60, 45)


class TeamsImageFetcher:
    """``bot.images.ImageFetcher`` for Teams."""

    def __init__(self, secrets: Secrets):
        self.app_id = secrets.teams_app_id or ""
        self.override = origin(secrets.teams_service_url_override) if secrets.teams_service_url_override else None
        self._factory = ConfigurationServiceClientCredentialFactory(settings_from(secrets)) if self.app_id else None
        self._credentials = None

    async def _token(self) -> str | None:
        """The bot's Bot Framework token (the one replies carry), or None with authentication off."""
        if self._factory is None:
            return None
        try:
            if self._credentials is None:
                self._credentials = await self._factory.create_credentials(
                    self.app_id, AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE,
                    AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL, True)
            return await asyncio.to_thread(self._credentials.get_access_token)  # MSAL: blocking, cached
        except Exception as e:  # noqa: BLE001 - never the secret; the check blocks with a reason
            log.warning("teams: could not get the bot's token to download an image (%s)", type(e).__name__)
            raise ImageUnavailable("ClearPost could not sign in to Teams to download it") from None

    def rule_for(self, token: str | None):
        auth = {"Authorization": f"Bearer {token}"} if token else {}

        def rule(url: str) -> Allowed:
            scheme, host, _ = where = origin(url)
            if self.override is not None and where == self.override:
                return Allowed(True, auth)  # tests: the local fake connector
            if scheme == "https" and (host in CONNECTOR_HOSTS or _ASM_HOST.match(host)):
                return Allowed(True, auth)
            if scheme == "https" and _SHAREPOINT_HOST.match(host):
                if "tempauth" in parse_qs(urlsplit(url).query):
                    return Allowed(True, {})  # pre-authenticated: our token must not go to SharePoint
                return Allowed(False, why=SHAREPOINT_LINK)
            return Allowed(False, why=FOREIGN_HOST)
        return rule

    async def fetch(self, attachment: Attachment, max_bytes: int) -> bytes:
        if not attachment.url:
            raise ImageUnavailable("Teams did not say where the file is")
        rule = self.rule_for(None)
        if not rule(attachment.url).ok:  # refused before even asking for a token
            return await download(attachment.url, rule, max_bytes, platform="Teams")
        return await download(attachment.url, self.rule_for(await self._token()), max_bytes, platform="Teams")


def inline_copy(image: CleanedImage) -> tuple[str, bool]:
    """The cleaned copy as a data URI that fits in a Teams message, and whether it had to
    be scaled down to fit (re-encoded as a JPEG: still without any metadata)."""
    if len(image.data) <= INLINE_MAX_BYTES:
        return _data_uri(image.mimetype, image.data), False
    from PIL import Image

    with Image.open(io.BytesIO(image.data)) as original:
        original.draft("RGB", (_PREVIEW_SIDES[0], _PREVIEW_SIDES[0]))  # a JPEG decodes at a fraction of its size
        picture = original.convert("RGB")
    smaller = picture
    for side in _PREVIEW_SIDES:
        smaller = smaller.copy()
        smaller.thumbnail((side, side))  # each size from the previous one, not from the full picture
        for quality in _PREVIEW_QUALITIES:
            buf = io.BytesIO()
            smaller.save(buf, "JPEG", quality=quality, optimize=True)  # no exif= : nothing carried over
            if buf.tell() <= INLINE_MAX_BYTES:
                return _data_uri("image/jpeg", buf.getvalue()), True
    raise ValueError("the cleaned copy cannot be made small enough for a Teams message")


def _data_uri(mimetype: str, data: bytes) -> str:
    return f"data:{mimetype};base64,{base64.b64encode(data).decode('ascii')}"
