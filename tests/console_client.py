"""A small HTTP client for console tests: keeps cookies (also for 127.0.0.1),
finds the CSRF token in the last page, signs in."""
from __future__ import annotations

import re

import aiohttp

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


class ConsoleClient:
    def __init__(self, base_url: str):
        self.base = base_url.rstrip("/")
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.page = ""
        self.status = 0
        self.headers = {}

    async def close(self) -> None:
        await self.http.close()

    async def _record(self, resp: aiohttp.ClientResponse) -> tuple[int, str]:
        self.status, self.page, self.headers = resp.status, await resp.text(), resp.headers
        return self.status, self.page

    async def get(self, path: str, redirects: bool = True) -> tuple[int, str]:
        async with self.http.get(self.base + path, allow_redirects=redirects) as resp:
            return await self._record(resp)

    def csrf(self) -> str | None:
        m = CSRF.search(self.page)
        return m.group(1) if m else None

    async def post(self, path: str, data: dict | list | None = None, csrf: bool | str = True,
                   headers: dict | None = None, redirects: bool = True) -> tuple[int, str]:
        fields = list(data.items()) if isinstance(data, dict) else list(data or [])
        token = csrf if isinstance(csrf, str) else (self.csrf() if csrf else None)
        if token:
            fields.append(("csrf", token))
        async with self.http.post(self.base + path, data=fields, headers=headers or {},
                                  allow_redirects=redirects) as resp:
            return await self._record(resp)

    async def sign_in(self, username: str, password: str) -> tuple[int, str]:
        await self.get("/console/login")
        return await self.post("/console/login", {"username": username, "password": password})

    def cookie(self, name: str) -> str | None:
        for c in self.http.cookie_jar:
            if c.key == name:
                return c.value
        return None
