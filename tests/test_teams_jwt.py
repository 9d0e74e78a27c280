"""`clearpost serve` with Teams authentication on, sent Bot Framework tokens that
are valid and tokens that are nearly valid, over real HTTP.

Nothing of the connector library is replaced. The process is started with
``HTTPS_PROXY`` pointing at a local CONNECT proxy and ``REQUESTS_CA_BUNDLE`` at a
CA made for this run, so the library's own ``requests`` calls fetch the channel
service's OpenID metadata and keys from ``login.botframework.com`` and the bot's
own token from ``login.microsoftonline.com`` as played by ``fakes.microsoft_login``
(keys generated here). Replies go to the fake connector on 127.0.0.1 through the
test-only ``TEAMS_SERVICE_URL_OVERRIDE``; the activity and the token still carry
the real-looking service URL the library compares."""
from __future__ import annotations

import asyncio
import http.client
import itertools
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from contextlib import closing, contextmanager
from pathlib import Path

import aiohttp
import pytest
import yaml

from fakes.channel_keys import ISSUER, channel_token, forged_token, new_key
from fakes.connect_proxy import ConnectProxy
from fakes.microsoft_login import BOT_FRAMEWORK, ENTRA, HOSTS, KEYS_PATH, METADATA_PATH, MicrosoftLogin
from fakes.run_ca import RunCA
from fakes.teams_connector import FakeConnector
from conftest import EXAMPLE_PROFILE, ROOT

APP_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
APP_PASSWORD = "bot-password-for-this-run"
TENANT = "72f988bf-0000-4000-8000-000000000001"
OTHER_TENANT = "0b1c2d3e-0000-4000-8000-000000000009"
SERVICE_URL = "https://smba.trafficmanager.net/amer/"
CHANNEL = "19:reviewchannel0001@thread.tacv2"
BOT_ID = f"28:{APP_ID}"
OFFICER = "aad-officer-0001"
STAFF = "aad-staff-0001"
PHI_DRAFT = ("So proud of our client John Smith (DOB 03/14/1985) who finished therapy this week! "
             "Our next group starts in January.")
CLEAN_DRAFT = "Join our free mindfulness workshop this Saturday at 10am. Everyone is welcome."
NOT_AUTHORISED = "Not authorised"

TEAMS_KEY = new_key("teams-2026", ["msteams"])
SHARED_KEY = new_key("shared-2026", ["msteams", "webchat", "directline"])  # as the real keys: many channels
WEBCHAT_KEY = new_key("webchat-2026", ["webchat"])
UNPUBLISHED_KEY = new_key("unpublished", ["msteams"])
_ids = itertools.count(int(time.time() * 1000))


# ---- the world around the process -----------------------------------------------

@pytest.fixture(scope="module")
def login():
    return MicrosoftLogin([TEAMS_KEY, SHARED_KEY, WEBCHAT_KEY], APP_ID, APP_PASSWORD)


@pytest.fixture(scope="module")
def proxy(tmp_path_factory, login):
    p = ConnectProxy(RunCA(tmp_path_factory.mktemp("run-ca")), HOSTS, login.app())
    p.start()
    yield p
    p.stop()


@pytest.fixture(scope="module")
def connector():
    fake = FakeConnector()
    fake.start()
    yield fake
    fake.stop()


LISTENING = re.compile(r"listening on http://127\.0\.0\.1:(\d+)/")  # serve's first line


def _healthy(port: int) -> bool:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        c.request("GET", "/healthz")
        return c.getresponse().status == 200
    except OSError:
        return False
    finally:
        c.close()


@contextmanager
def serving(tmp: Path, proxy: ConnectProxy, connector: FakeConnector):
    """`clearpost serve` with an app id, its outbound HTTPS through ``proxy``; yields (url, db path)."""
    profile = json.loads(json.dumps(EXAMPLE_PROFILE))
    db = tmp / "serve.db"
    profile["storage"]["database_url"] = f"sqlite:///{db}"
    profile["officers"]["teams"] = [OFFICER]
    profile["review_channels"] = [{"platform": "teams", "channel": CHANNEL, "default_targets": ["instagram"]}]
    cfg = tmp / "config.yml"
    cfg.write_text(yaml.safe_dump(profile))
    env = {k: v for k, v in os.environ.items()
           if not k.upper().startswith(("SLACK_", "TEAMS_", "DATABASE_URL", "HTTP_PROXY", "HTTPS_PROXY",
                                        "ALL_PROXY", "NO_PROXY", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE",
                                        "SSL_CERT_"))}
    env.update(TEAMS_APP_ID=APP_ID, TEAMS_APP_PASSWORD=APP_PASSWORD, TEAMS_TENANT_ID=TENANT,
               TEAMS_SERVICE_URL_OVERRIDE=connector.url,
               HTTPS_PROXY=proxy.url, https_proxy=proxy.url, HTTP_PROXY=proxy.url, http_proxy=proxy.url,
               NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost",
               REQUESTS_CA_BUNDLE=str(proxy.ca.ca_file))
    log_path = tmp / "serve.log"
    log = log_path.open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "--config", str(cfg), "serve", "--port", "0"],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        port = None
        while port is None or not _healthy(port):
            assert proc.poll() is None, log_path.read_text()
            assert time.monotonic() < deadline, f"serve did not come up: {log_path.read_text()}"
            if port is None and (m := LISTENING.search(log_path.read_text())):
                port = int(m.group(1))
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/api/messages", db
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory, proxy, connector):
    with serving(tmp_path_factory.mktemp("serve"), proxy, connector) as running:
        yield running


# ---- activities, tokens and what the process stored ----------------------------------

def activity(kind: str = "message", user: str = STAFF, text: str = CLEAN_DRAFT, **extra) -> dict:
    msg_id = str(next(_ids))
    return {
        "type": kind, "id": msg_id, "channelId": "msteams", "serviceUrl": SERVICE_URL,
        "from": {"id": f"29:{user}", "name": user, "aadObjectId": user},
        "recipient": {"id": BOT_ID, "name": "ClearPost"},
        "conversation": {"id": f"{CHANNEL};messageid={msg_id}", "conversationType": "channel",
                         "tenantId": TENANT, "isGroup": True},
        "channelData": {"tenant": {"id": TENANT}, "channel": {"id": CHANNEL}, "team": {"id": "19:team@thread.tacv2"}},
        "text": text, **extra,
    }


def click(review_id: int, user: str = OFFICER) -> dict:
    a = activity("invoke", user, text="")
    a["name"] = "adaptiveCard/action"
    a["value"] = {"action": {"type": "Action.Execute", "verb": "approve", "data": {"review_id": review_id}},
                  "trigger": "manual"}
    return a


def good_token(key=TEAMS_KEY, **claims) -> str:
    return channel_token(key, audience=APP_ID, service_url=SERVICE_URL, **claims)


async def send(url: str, body: dict, token: str | None) -> tuple[int, dict | None]:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    async with aiohttp.ClientSession() as s:
        async with s.post(url, json=body, headers=headers) as r:
            return r.status, (await r.json() if r.content_type == "application/json" else None)


def rows(db: Path, sql: str, *args) -> list[tuple]:
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as c:
        return c.execute(sql, args).fetchall()


def review_of(db: Path, message_id: str) -> tuple[int, str] | None:
    found = rows(db, "SELECT id, state FROM review WHERE message_id = ?", message_id)
    return found[0] if found else None


def card_reply(connector: FakeConnector, draft: dict):
    def found(calls):
        return [c for c in calls if c.kind == "reply" and c.activity_id == draft["id"] and c.card]
    return found(connector.wait_for(found))[0]


def replies_to(connector: FakeConnector, draft: dict) -> list:
    return [c for c in connector.of_kind("reply", "send") if c.activity_id == draft["id"]
            or c.conversation_id == draft["conversation"]["id"]]


def card_text(card: dict) -> str:
    return json.dumps(card)


# ---- the tests ------------------------------------------------------------------------

async def test_when_microsoft_is_slow_then_the_server_keeps_answering_meanwhile(served, login, connector):
    """The SDK's key fetch and MSAL's token request are blocking calls without a timeout;
    while each is held here, another request to the same process is still answered.
    First in this file: the process fetches keys and its token on its first turn only."""
    if login.asked(METADATA_PATH):
        pytest.skip("an earlier test made the process fetch the keys already; run this file in order")
    url, _ = served
    base = url.rsplit("/api/", 1)[0]
    gates = {path: login.hold(path) for path in (METADATA_PATH, "/oauth2/v2.0/token")}
    try:
        draft = activity(text=PHI_DRAFT)
        turn = asyncio.ensure_future(send(url, draft, good_token()))
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as http:
            for path, gate in gates.items():
                for _ in range(1200):  # until the bot is waiting for Microsoft (at most a minute)
                    if login.waiting(path):
                        break
                    await asyncio.sleep(0.05)
                assert login.waiting(path) == 1, f"the bot never asked for {path}"
                async with http.get(base + "/healthz") as r:
                    assert r.status == 200
                assert login.waiting(path) == 1  # answered while the bot still waited for Microsoft
                gate.set()
        assert (await turn)[0] == 201
        card_reply(connector, draft)
    finally:
        for gate in gates.values():
            gate.set()
        login.held.clear()


async def test_when_teams_sends_a_valid_token_then_the_draft_is_reviewed_and_answered_with_the_bots_token(
        served, login, proxy, connector):
    url, db = served
    draft = activity(text=PHI_DRAFT)
    status, _ = await send(url, draft, good_token())
    assert status == 201
    call = card_reply(connector, draft)
    assert call.conversation_id == draft["conversation"]["id"]  # in the draft's thread
    shown = card_text(call.card)
    assert "flagged" in shown and "John Smith" not in shown
    assert review_of(db, draft["id"])[1] == "flagged"
    # the library fetched the channel's metadata and keys, and the bot got its own token from Entra ...
    paths = {(s.host, s.path) for s in login.seen}
    assert {(BOT_FRAMEWORK, METADATA_PATH), (BOT_FRAMEWORK, KEYS_PATH)} <= paths
    grants = [g for g in login.grants if g.password_ok]
    assert grants and {(g.tenant, g.client_id, g.scope, g.grant_type) for g in grants} == {
        (TENANT, APP_ID, "https://api.botframework.com/.default", "client_credentials")}
    # ... which is what its replies carried; and it asked for no other host
    assert connector.authorizations and all(a is not None and a.removeprefix("Bearer ") in login.issued_tokens()
                                            for a in connector.authorizations)
    assert proxy.contacted() == {BOT_FRAMEWORK, ENTRA}, proxy.refused


NEAR_MISSES = {
    "expired": lambda: good_token(issued_ago=3600, lifetime=1800),        # 30 min past exp (leeway is 5)
    "not yet valid": lambda: good_token(issued_ago=-1800),                 # nbf half an hour ahead
    "another bot's audience": lambda: channel_token(TEAMS_KEY, audience="0e1f2a3b-0000-4000-8000-00000000000a",
                                                    service_url=SERVICE_URL),
    "no audience": lambda: channel_token(TEAMS_KEY, audience="", service_url=SERVICE_URL),
    "another service URL": lambda: channel_token(TEAMS_KEY, audience=APP_ID,
                                                 service_url="https://smba.trafficmanager.net/emea/"),
    "no service URL claim": lambda: channel_token(TEAMS_KEY, audience=APP_ID, service_url=None),
    "key id not published": lambda: good_token(UNPUBLISHED_KEY),
    "published key id, other key": lambda: good_token(UNPUBLISHED_KEY, kid=TEAMS_KEY.kid),
    "issuer with a trailing slash": lambda: good_token(issuer=ISSUER + "/"),
    "issuer of another service": lambda: good_token(issuer="https://api.botframework.us"),
    "key not endorsed for msteams": lambda: good_token(WEBCHAT_KEY),
    "unsigned (alg none)": lambda: forged_token(TEAMS_KEY.kid, "none", audience=APP_ID, service_url=SERVICE_URL),
    "HS256 under a published key id": lambda: forged_token(TEAMS_KEY.kid, "HS256", audience=APP_ID,
                                                           service_url=SERVICE_URL, secret="x" * 32),
}


@pytest.mark.parametrize("case", list(NEAR_MISSES))
async def test_when_a_token_is_nearly_valid_then_401_and_nothing_is_reviewed(served, connector, case):
    url, db = served
    draft = activity(text=PHI_DRAFT)
    status, body = await send(url, draft, NEAR_MISSES[case]())
    assert status == 401 and body["error"]["code"] == "Unauthorized"
    # the turn runs inside the request, so a draft taken in would already be stored
    assert review_of(db, draft["id"]) is None
    assert replies_to(connector, draft) == []
    # the control: the very same activity with a valid token is taken in
    assert (await send(url, draft, good_token()))[0] == 201
    assert review_of(db, draft["id"]) is not None


async def test_when_a_key_endorses_several_channels_then_a_teams_activity_it_signed_is_taken_in(served, connector):
    """The Web Chat test's control: the shared key itself is good for Teams."""
    url, db = served
    draft = activity(text=PHI_DRAFT)
    assert (await send(url, draft, good_token(SHARED_KEY)))[0] == 201
    assert review_of(db, draft["id"]) is not None
    card_reply(connector, draft)


@pytest.mark.parametrize("kind", ["message", "invoke"])
async def test_when_web_chat_sends_a_valid_token_then_403_and_nothing_happens(served, connector, kind):
    """A key endorsed for Web Chat passes the library's checks; ClearPost serves Teams only."""
    url, db = served
    draft = activity(text=PHI_DRAFT)
    assert (await send(url, draft, good_token()))[0] == 201
    card_reply(connector, draft)
    review_id, state = review_of(db, draft["id"])
    forged = activity(text=PHI_DRAFT) if kind == "message" else click(review_id)
    forged["channelId"] = "webchat"
    del forged["conversation"]["tenantId"]  # Web Chat has none; channelData still claims the tenant
    status, _ = await send(url, forged, good_token(SHARED_KEY))
    assert status == 403
    assert review_of(db, forged["id"]) is None and replies_to(connector, forged) == []
    assert review_of(db, draft["id"]) == (review_id, state)


@pytest.mark.parametrize("tenant_id", [None, OTHER_TENANT])
async def test_when_only_channel_data_names_the_tenant_then_an_officer_click_does_not_count(
        served, connector, tenant_id):
    url, db = served
    draft = activity(text=CLEAN_DRAFT)
    assert (await send(url, draft, good_token()))[0] == 201
    card_reply(connector, draft)
    review_id, state = review_of(db, draft["id"])
    assert state == "clean"
    forged = click(review_id)
    if tenant_id is None:
        del forged["conversation"]["tenantId"]
    else:
        forged["conversation"]["tenantId"] = tenant_id
    status, body = await send(url, forged, good_token())  # a valid token, from Teams itself
    assert status == 200 and NOT_AUTHORISED in card_text(body["value"])
    assert review_of(db, draft["id"]) == (review_id, "clean")
    refused = rows(db, "SELECT actor, details FROM audit_event WHERE review_id = ? AND action = 'decision_refused'",
                   review_id)
    assert len(refused) == 1 and refused[0][0] == OFFICER and "other_tenant" in refused[0][1]
    # the control: the same click with Teams' own conversation.tenantId clears the draft
    status, body = await send(url, click(review_id), good_token())
    assert status == 200 and review_of(db, draft["id"]) == (review_id, "cleared")


async def test_when_the_bot_replies_several_times_then_it_asks_entra_for_one_token(served, login, connector):
    """botbuilder 4.17.1 built new credentials, so a new token request, for every reply."""
    url, _ = served
    drafts = [activity(text=PHI_DRAFT) for _ in range(3)]
    for d in drafts:
        assert (await send(url, d, good_token()))[0] == 201
    for d in drafts:
        card_reply(connector, d)
    assert len([g for g in login.grants if g.password_ok]) == 1
    assert len(set(connector.authorizations)) == 1

