"""The web app `clearpost serve` runs, without chat credentials: health check and the console's front door."""
from aiohttp.test_utils import TestClient, TestServer

from bot.server import build_web_app


async def test_when_no_chat_credentials_then_console_and_health_are_served(services):
    client = TestClient(TestServer(build_web_app(services), host="127.0.0.1"))
    await client.start_server()
    try:
        health = await client.get("/healthz")
        assert health.status == 200 and (await health.json()) == {"status": "ok"}
        root = await client.get("/", allow_redirects=False)
        assert root.status == 303 and root.headers["Location"].startswith("/console")
        assert (await client.post("/slack/events", data=b"{}")).status == 404
        assert (await client.post("/api/messages", data=b"{}")).status == 404
    finally:
        await client.close()
