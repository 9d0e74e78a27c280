"""The Microsoft sign-in endpoints a Teams bot talks to, played locally.

* ``login.botframework.com``: the channel service's OpenID metadata and its
  JWKS (the keys inbound tokens are checked against);
* ``login.microsoftonline.com``: Entra's tenant discovery and token endpoint,
  where the bot trades its app id and password for the token it sends with
  its replies (client credentials, scope ``https://api.botframework.com/.default``).

An aiohttp app routed by the ``Host`` header, meant to sit behind
``connect_proxy.ConnectProxy``; it records every request it answers, and can
hold the answers to a path until the test lets them go (a slow Microsoft)."""
from __future__ import annotations

import asyncio
import secrets
import threading
from dataclasses import dataclass, field

from aiohttp import web

from .channel_keys import ISSUER, ChannelKey

BOT_FRAMEWORK = "login.botframework.com"
ENTRA = "login.microsoftonline.com"
HOSTS = [BOT_FRAMEWORK, ENTRA]
METADATA_PATH = "/v1/.well-known/openidconfiguration"
KEYS_PATH = "/v1/.well-known/keys"


@dataclass
class Seen:
    method: str
    host: str
    path: str


@dataclass
class TokenGrant:
    """One token request: who asked, for what, and whether the password was right."""
    tenant: str
    client_id: str
    scope: str
    grant_type: str
    password_ok: bool
    access_token: str | None


@dataclass
class MicrosoftLogin:
    keys: list[ChannelKey]
    app_id: str
    app_password: str
    seen: list[Seen] = field(default_factory=list)
    grants: list[TokenGrant] = field(default_factory=list)
    held: dict[str, threading.Event] = field(default_factory=dict)  # path suffix -> set to answer
    _waiting: dict[str, int] = field(default_factory=dict)  # held requests not answered yet
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def hold(self, path_suffix: str) -> threading.Event:
        """Keep requests for paths ending so waiting until the returned event is set."""
        gate = self.held[path_suffix] = threading.Event()
        return gate

    def waiting(self, path_suffix: str) -> int:
        """How many requests for a held path are being kept waiting right now."""
        with self._lock:
            return self._waiting.get(path_suffix, 0)

    def asked(self, path_suffix: str) -> int:
        with self._lock:
            return sum(1 for s in self.seen if s.path.endswith(path_suffix))

    def issued_tokens(self) -> set[str]:
        with self._lock:
            return {g.access_token for g in self.grants if g.access_token}

    def hosts_seen(self) -> set[str]:
        with self._lock:
            return {s.host for s in self.seen}

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        return app

    async def _handle(self, request: web.Request) -> web.Response:
        host = (request.host or "").split(":", 1)[0].lower()
        with self._lock:
            self.seen.append(Seen(request.method, host, request.path))
        for suffix, gate in list(self.held.items()):
            if request.path.endswith(suffix):
                with self._lock:
                    self._waiting[suffix] = self._waiting.get(suffix, 0) + 1
                try:
                    await asyncio.get_running_loop().run_in_executor(None, gate.wait, 120)
                finally:
                    with self._lock:
                        self._waiting[suffix] -= 1
        if host == BOT_FRAMEWORK and request.method == "GET":
            if request.path == METADATA_PATH:
                return web.json_response({
                    "issuer": ISSUER,
                    "authorization_endpoint": "https://invalid.botframework.com/v1/auth",
                    "jwks_uri": f"https://{BOT_FRAMEWORK}{KEYS_PATH}",
                    "id_token_signing_alg_values_supported": ["RS256"],
                    "token_endpoint_auth_methods_supported": ["private_key_jwt"],
                })
            if request.path == KEYS_PATH:
                return web.json_response({"keys": [k.jwk() for k in self.keys]})
        if host == ENTRA:
            parts = request.path.strip("/").split("/")
            tenant = parts[0] if parts else ""
            if request.method == "GET" and parts[1:] == ["v2.0", ".well-known", "openid-configuration"]:
                base = f"https://{ENTRA}/{tenant}"
                return web.json_response({
                    "issuer": f"{base}/v2.0",
                    "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                    "token_endpoint": f"{base}/oauth2/v2.0/token",
                    "jwks_uri": f"https://{ENTRA}/{tenant}/discovery/v2.0/keys",
                    "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt",
                                                              "client_secret_basic"],
                })
            if request.method == "POST" and parts[1:] == ["oauth2", "v2.0", "token"]:
                return await self._token(request, tenant)
        return web.json_response({"error": "not_found", "error_description": f"{request.method} {request.path}"},
                                 status=404)

    async def _token(self, request: web.Request, tenant: str) -> web.Response:
        form = await request.post()
        ok = form.get("client_id") == self.app_id and form.get("client_secret") == self.app_password
        token = f"entra-{secrets.token_urlsafe(16)}" if ok else None
        with self._lock:
            self.grants.append(TokenGrant(tenant, str(form.get("client_id", "")), str(form.get("scope", "")),
                                          str(form.get("grant_type", "")), ok, token))
        if not ok:
            return web.json_response({"error": "invalid_client",
                                      "error_description": "AADSTS7000215: Invalid client secret provided."},
                                     status=401)
        return web.json_response({"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599,
                                  "access_token": token})
