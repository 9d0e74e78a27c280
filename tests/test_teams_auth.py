"""With an app id configured, /api/messages refuses requests without a valid
Bot Framework token with 401, including malformed tokens (botbuilder 4.17.1
lets a jwt DecodeError escape as a 500 through CloudAdapter.process). Also:
an adaptiveCard/action answer survives the stock CloudAdapter.process path
(the 4.17.1 double serialisation gave 500 there)."""
from __future__ import annotations

import os

import aiohttp
import jwt
import pytest
from aiohttp import web

os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"

from botbuilder.integration.aiohttp import CloudAdapter  # noqa: E402

from adapters.teams.auth import build_authentication, settings_from  # noqa: E402
from adapters.teams.bot import TeamsBot  # noqa: E402
from adapters.teams.refs import ConversationRefStore  # noqa: E402
from bot.app import build_services  # noqa: E402
from bot.config import Secrets  # noqa: E402
from bot.server import build_web_app  # noqa: E402
from conftest import make_config  # noqa: E402

APP_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
TENANT = "72f988bf-0000-4000-8000-000000000001"
ACTIVITY = {"type": "message", "id": "1", "channelId": "msteams", "serviceUrl": "https://smba.invalid/amer/",
            "from": {"id": "29:x", "aadObjectId": "aad-x"}, "recipient": {"id": "28:bot"},
            "conversation": {"id": "19:c@thread.tacv2;messageid=1", "tenantId": TENANT}, "text": "hello"}


def _forged(issuer: str) -> str:
    return jwt.encode({"iss": issuer, "aud": APP_ID, "serviceurl": ACTIVITY["serviceUrl"]},
                      "not-the-real-key-but-long-enough-for-hs256", algorithm="HS256")


@pytest.fixture
async def secured(db_url, analyzer):
    cfg = make_config(db_url, secrets={"teams_app_id": APP_ID, "teams_app_password": "secret",
                                       "teams_tenant_id": TENANT})
    services = build_services(cfg, analyzer=analyzer)
    runner = web.AppRunner(build_web_app(services), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}/api/messages"
    await runner.cleanup()
    services.pipeline.close()
    services.engine.dispose()


@pytest.mark.parametrize("header", [
    None,                                            # no Authorization header
    "Bearer not-a-jwt",                              # malformed token (DecodeError)
    "Bearer a.b.c",                                  # three parts, none of them base64 JSON
    "Bearer ",                                       # empty token
    "Basic dXNlcjpwYXNz",                            # wrong scheme
    "Bearer " + _forged("https://evil.example/"),    # well-formed, issuer not Bot Framework
])
async def test_when_the_token_is_missing_or_invalid_then_401(secured, header):
    headers = {"Authorization": header} if header is not None else {}
    async with aiohttp.ClientSession() as s:
        async with s.post(secured, json=ACTIVITY, headers=headers) as r:
            assert r.status == 401
            body = await r.json()
    assert body["error"]["code"] == "Unauthorized"


@pytest.mark.parametrize("payload, content_type, status", [
    (b"{not json", "application/json", 400),
    (b'{"text": "no type"}', "application/json", 400),
    (b"[]", "application/json", 400),
    (b"type=message", "application/x-www-form-urlencoded", 415),
])
async def test_when_the_body_is_not_an_activity_then_a_json_error(secured, payload, content_type, status):
    async with aiohttp.ClientSession() as s:
        async with s.post(secured, data=payload, headers={"Content-Type": content_type}) as r:
            assert r.status == status
            assert "error" in await r.json()


@pytest.mark.parametrize("secrets, app_type, tenant", [
    ({"teams_app_id": APP_ID, "teams_app_password": "p", "teams_tenant_id": TENANT}, "SingleTenant", TENANT),
    ({"teams_app_id": APP_ID, "teams_app_password": "p"}, "MultiTenant", None),
    ({"teams_service_url_override": "http://127.0.0.1:1/"}, "MultiTenant", None),
])
def test_when_secrets_are_given_then_the_auth_settings_come_from_them(secrets, app_type, tenant, monkeypatch):
    monkeypatch.setenv("MicrosoftAppId", "from-the-environment")  # must be ignored
    s = settings_from(Secrets(**secrets))
    assert (s.APP_ID, s.APP_TYPE, s.APP_TENANTID) == (secrets.get("teams_app_id", ""), app_type, tenant)
    build_authentication(Secrets(**secrets))  # constructs without reading os.environ


async def test_when_an_invoke_goes_through_the_stock_process_then_it_is_not_a_500(db_url, analyzer):
    """The bot leaves the invoke body unserialised, so CloudAdapter.process serialises it once."""
    services = build_services(make_config(db_url), analyzer=analyzer)
    adapter = CloudAdapter(build_authentication(Secrets()))
    bot = TeamsBot(services, ConversationRefStore(services.engine), adapter, "")
    app = web.Application()

    async def stock(request):
        return await adapter.process(request, bot)
    app.router.add_post("/api/messages", stock)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    invoke = {**ACTIVITY, "type": "invoke", "name": "adaptiveCard/action",
              "value": {"action": {"type": "Action.Execute", "verb": "approve", "data": {"review_id": 999}}}}
    try:
        async with aiohttp.ClientSession() as s:
            async with s.post(f"http://127.0.0.1:{runner.addresses[0][1]}/api/messages", json=invoke) as r:
                assert r.status == 200
                body = await r.json()
    finally:
        await runner.cleanup()
        services.pipeline.close()
        services.engine.dispose()
    assert body["statusCode"] == 200
    assert body["type"] == "application/vnd.microsoft.card.adaptive"
    assert body["value"]["type"] == "AdaptiveCard" and "Unknown review" in str(body["value"])


@pytest.mark.parametrize("secrets, message", [
    ({"teams_app_id": "clearpost", "teams_app_password": "p"}, "TEAMS_APP_ID"),
    ({"teams_app_id": APP_ID}, "TEAMS_APP_PASSWORD"),
    ({"teams_app_id": APP_ID, "teams_app_password": "p", "teams_tenant_id": "contoso"}, "TEAMS_TENANT_ID"),
])
def test_when_teams_secrets_are_unusable_then_start_up_stops_naming_them(db_url, analyzer, secrets, message):
    from bot.config import ConfigError
    services = build_services(make_config(db_url, secrets=secrets), analyzer=analyzer)
    try:
        with pytest.raises(ConfigError, match=message):
            build_web_app(services)
    finally:
        services.pipeline.close()
        services.engine.dispose()
