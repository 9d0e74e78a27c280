"""Console test support: a small HTTP client that keeps cookies (also for
127.0.0.1), finds the CSRF token in the last page and signs in; and the
``site`` fixture, the real web app on 127.0.0.1 with four accounts."""
from __future__ import annotations

import re

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from sqlalchemy import func
from sqlmodel import select

from bot.accounts import add_user
from bot.app import build_services
from bot.db import transaction
from bot.models import Review
from bot.server import build_web_app
from tests.conftest import make_config

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


OFFICERS = {"slack": ["U0PRIVACY1"], "teams": [], "console": ["officer", "officer2"]}
PASSWORDS = {"officer": "officer-password-1", "officer2": "officer-password-2",
             "staff1": "staff-password-12", "boss": "boss-password-123"}
ROLES = {"officer": "officer", "officer2": "officer", "staff1": "staff", "boss": "officer"}  # boss: not listed

PHI_DRAFT = "So proud of Maria Gonzalez who finished her anxiety therapy! Call her at 503-555-0199."
CLEAN_DRAFT = "Our office now offers free parking for all visitors."


@pytest.fixture
async def site(db_url, analyzer):
    services = build_services(make_config(db_url, officers=OFFICERS), analyzer=analyzer)
    for name, pw in PASSWORDS.items():
        add_user(services.engine, name, pw, ROLES[name])
    server = TestServer(build_web_app(services), host="127.0.0.1")
    await server.start_server()
    clients: list[ConsoleClient] = []

    def client() -> ConsoleClient:
        c = ConsoleClient(str(server.make_url("/")))
        clients.append(c)
        return c

    yield services, client
    for c in clients:
        await c.close()
    await server.close()
    services.pipeline.close()
    services.engine.dispose()


async def signed_in(client, name: str) -> ConsoleClient:
    c = client()
    status, _ = await c.sign_in(name, PASSWORDS[name])
    assert status == 200 and c.cookie("clearpost_session"), f"{name} could not sign in"
    return c


async def submit(c: ConsoleClient, text: str, *targets: str) -> int:
    await c.get("/console/review")
    status, page = await c.post("/console/review", [("text", text), *(("target", t) for t in targets)])
    assert status == 200, page
    return int(re.search(r"<h1>Review #(\d+)</h1>", page).group(1))


# how a finding's place is shown (bot.domain.position_text / image_position_text)
POSITION = re.compile(r"characters \d+-\d+|image \d+")


def finding_rows(page: str) -> list[list[str]]:
    """The review page's findings table, row by row: #, Severity, What, Where, Fix."""
    start = page.index('id="findings"')
    table = page[start:page.index("</table>", start)]
    return [re.findall(r"<td>(.*?)</td>", row, re.S) for row in re.findall(r'<tr class="sev-row-.*?</tr>', table, re.S)]


def state_of(services, review_id: int) -> str:
    with transaction(services.engine) as s:
        return s.get(Review, review_id).state


def count(services, model) -> int:
    with transaction(services.engine) as s:
        return s.exec(select(func.count()).select_from(model)).one()
