"""A local fake of the Slack Web API: answers the methods the bot uses and
records every call (method, parameters, time) so tests can assert on what
the bot posted. Accepts JSON and form bodies like the real API."""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from aiohttp import web

TEAM_ID = "T0CLINIC1"
BOT_USER_ID = "U0CLEARPOST"
BOT_ID = "B0CLEARPOST"


@dataclass
class Call:
    method: str
    params: dict
    result: dict = field(default_factory=dict)
    at: float = field(default_factory=time.monotonic)


class FakeSlackApi:
    def __init__(self, team_id: str = TEAM_ID):
        self.team_id = team_id
        self.calls: list[Call] = []
        self.failures: dict[str, str] = {}  # method -> error to answer once
        self.rate_limited: dict[str, int] = {}  # method -> how many more calls get HTTP 429
        self.server_errors: dict[str, int] = {}  # method -> how many more calls get HTTP 500
        # method -> how many more calls take effect but lose their answer: a text/plain 502, as from a proxy
        self.lost_answers: dict[str, int] = {}
        # random faults (fault-injection runs): a seeded random.Random and the share of calls that fail,
        # spread evenly over 429, 500 before acting, a non-JSON answer after acting and a dropped connection
        self.chaos = None
        self.chaos_rate = 0.0
        self.threads: dict[tuple[str, str], list[dict]] = {}  # (channel, thread ts) -> replies posted
        self._ts = itertools.count(1)
        self._upload_ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port: int | None = None
        self.sockets: list[web.WebSocketResponse] = []  # Socket Mode connections
        self.socket_acks: list[dict] = []  # what the bot answered to each envelope
        # files: id -> {"name", "mimetype", "data"}; served at url_private_download with bot-token auth
        self.files: dict[str, dict] = {}
        self.downloads: list[dict] = []  # every download request: file id, whether it carried the bot token
        self.uploads: list[dict] = []  # v2 uploads completed: file_id, filename, title, channel, thread_ts, data
        self._pending_uploads: dict[str, dict] = {}  # file id -> getUploadURLExternal answer (+ bytes once POSTed)
        self.file_answer_html: set[str] = set()  # file ids answered with a sign-in page (a token without files:read)
        self.redirects: dict[str, str] = {}  # file id -> where its download redirects to

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    async def start(self) -> "FakeSlackApi":
        app = web.Application()
        app.router.add_post("/api/{method}", self._handle)
        app.router.add_get("/api/{method}", self._handle)
        app.router.add_get("/socket", self._socket)
        app.router.add_get("/files-pri/{team_file}/download/{name}", self._download)
        app.router.add_get("/files-pri/{team_file}/{name}", self._download)
        app.router.add_post("/upload/v1/{file_id}", self._upload_bytes)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # noqa: SLF001
        return self

    async def stop(self) -> None:
        for ws in list(self.sockets):
            await ws.close()
        if self._runner:
            await self._runner.cleanup()

    # ---- recording and waiting ---------------------------------------
    def of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 20.0, where=None) -> list[Call]:
        """Wait until ``count`` calls of ``method`` (matching ``where``) were made."""
        def matching():
            return [c for c in self.of(method) if where is None or where(c)]
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: len(matching()) >= count), timeout)
        return matching()

    # ---- files --------------------------------------------------------
    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def add_file(self, name: str, data: bytes, mimetype: str = "image/png") -> dict:
        """Store a file as if a user uploaded it; returns Slack's file object for a file_share event."""
        file_id = f"F0FILE{len(self.files) + 1:04d}"
        self.files[file_id] = {"name": name, "mimetype": mimetype, "data": data}
        return self.file_object(file_id)

    def file_object(self, file_id: str) -> dict:
        f = self.files[file_id]
        base = f"{self.origin}/files-pri/{self.team_id}-{file_id}"
        return {"id": file_id, "name": f["name"], "title": f["name"], "mimetype": f["mimetype"],
                "filetype": f["name"].rsplit(".", 1)[-1], "size": len(f["data"]), "mode": "hosted",
                "url_private": f"{base}/{f['name']}", "url_private_download": f"{base}/download/{f['name']}"}

    async def _download(self, request: web.Request) -> web.StreamResponse:
        file_id = request.match_info["team_file"].split("-", 1)[-1]
        authed = request.headers.get("Authorization", "").startswith("Bearer xoxb-")
        self.downloads.append({"file_id": file_id, "authorized": authed})
        async with self._changed:
            self._changed.notify_all()
        if not authed:
            return web.Response(status=401, text="not authed")
        if file_id in self.redirects:
            return web.Response(status=302, headers={"Location": self.redirects[file_id]})
        if file_id in self.file_answer_html:
            return web.Response(status=200, text="<html>Sign in to Slack</html>", content_type="text/html")
        f = self.files.get(file_id)
        if f is None:
            return web.Response(status=404, text="file not found")
        return web.Response(body=f["data"], content_type=f["mimetype"])

    async def _upload_bytes(self, request: web.Request) -> web.Response:
        pending = self._pending_uploads.get(request.match_info["file_id"])
        if pending is None:
            return web.Response(status=404, text="unknown upload")
        pending["data"] = await request.read()
        return web.Response(status=200, text=f"OK - {len(pending['data'])}")

    def _complete_uploads(self, params: dict) -> dict:
        files = params.get("files")
        files = json.loads(files) if isinstance(files, str) else files or []
        done = []
        for item in files:
            pending = self._pending_uploads.pop(item.get("id"), None)
            if pending is None or "data" not in pending:
                return {"ok": False, "error": "file_upload_not_found"}
            upload = {"file_id": item["id"], "filename": pending["filename"], "title": item.get("title"),
                      "channel": params.get("channel_id"), "thread_ts": params.get("thread_ts"),
                      "initial_comment": params.get("initial_comment"), "data": pending["data"]}
            self.uploads.append(upload)
            done.append({"id": item["id"], "title": item.get("title")})
            if upload["thread_ts"]:
                message = {"type": "message", "ts": self.new_ts(), "bot_id": BOT_ID, "thread_ts": upload["thread_ts"],
                           "text": upload["initial_comment"] or "", "files": [{"id": item["id"]}]}
                self.threads.setdefault((upload["channel"], upload["thread_ts"]), []).append(message)
        return {"ok": True, "files": done}

    # ---- Socket Mode --------------------------------------------------
    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self.sockets.append(ws)
        async with self._changed:
            self._changed.notify_all()
        await ws.send_json({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0CLEARPOST"}})
        async for msg in ws:
            if msg.type == web.WSMsgType.TEXT:
                self.socket_acks.append(json.loads(msg.data))
                async with self._changed:
                    self._changed.notify_all()
        if ws in self.sockets:
            self.sockets.remove(ws)
        return ws

    async def wait_for_socket(self, timeout: float = 20.0) -> web.WebSocketResponse:
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: bool(self.sockets)), timeout)
        return self.sockets[-1]

    async def envelope(self, kind: str, payload: dict, envelope_id: str, timeout: float = 20.0) -> dict:
        """Deliver one Socket Mode envelope and return the bot's acknowledgement."""
        ws = await self.wait_for_socket(timeout)
        await ws.send_json({"envelope_id": envelope_id, "type": kind, "payload": payload,
                            "accepts_response_payload": kind != "events_api", "retry_attempt": 0, "retry_reason": ""})
        def acked():
            return [a for a in self.socket_acks if a.get("envelope_id") == envelope_id]
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: bool(acked())), timeout)
        return acked()[0]

    def new_ts(self) -> str:
        return f"1800000000.{next(self._ts):06d}"

    # ---- the API ------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        raw = await request.text()
        if request.content_type == "application/json":
            params = json.loads(raw or "{}")
        else:
            params = dict(parse_qsl(raw, keep_blank_values=True))
        params.update(request.query)  # GET methods (conversations.replies) send their arguments here
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("Bearer x"):
            return web.json_response({"ok": False, "error": "not_authed"})
        fault = None
        if self.chaos is not None and method != "auth.test" and self.chaos.random() < self.chaos_rate:
            fault = self.chaos.choice(["429", "500", "lost", "reset"])
        if fault == "reset":
            self.calls.append(Call(method, params, {"ok": False, "error": "connection_reset"}))
            request.transport.close()  # the connection drops before any answer
            raise ConnectionResetError("fake connection reset")
        if self.rate_limited.get(method, 0) > 0 or fault == "429":
            self.rate_limited[method] = max(0, self.rate_limited.get(method, 0) - 1)
            self.calls.append(Call(method, params, {"ok": False, "error": "ratelimited"}))
            return web.json_response({"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "1"})
        if self.server_errors.get(method, 0) > 0 or fault == "500":
            self.server_errors[method] = max(0, self.server_errors.get(method, 0) - 1)
            self.calls.append(Call(method, params, {"ok": False, "error": "internal_error"}))
            return web.Response(status=500, text="internal error")
        if method in self.failures:
            result = {"ok": False, "error": self.failures.pop(method)}
        else:
            result = self._answer(method, params)
        self.calls.append(Call(method, params, result))
        async with self._changed:
            self._changed.notify_all()
        if self.lost_answers.get(method, 0) > 0 or fault == "lost":
            self.lost_answers[method] = max(0, self.lost_answers.get(method, 0) - 1)
            return web.Response(status=502, text="bad gateway")  # it happened, but the bot cannot know
        return web.json_response(result)

    def _answer(self, method: str, params: dict) -> dict:
        if method == "auth.test":
            return {"ok": True, "url": "https://clinic.slack.com/", "team": "Clinic", "user": "clearpost",
                    "team_id": self.team_id, "user_id": BOT_USER_ID, "bot_id": BOT_ID, "is_enterprise_install": False}
        if method == "chat.postMessage":
            ts = self.new_ts()
            message = {"type": "message", "ts": ts, "bot_id": BOT_ID, "text": params.get("text", "")}
            metadata = params.get("metadata")
            if isinstance(metadata, str):
                metadata = json.loads(metadata)
            if metadata:
                message["metadata"] = metadata
            if params.get("thread_ts"):
                message["thread_ts"] = params["thread_ts"]
                self.threads.setdefault((params.get("channel"), params["thread_ts"]), []).append(message)
            return {"ok": True, "channel": params.get("channel"), "ts": ts, "message": message}
        if method == "conversations.replies":
            thread = params.get("ts")
            replies = self.threads.get((params.get("channel"), thread), [])
            everything = str(params.get("include_all_metadata")).lower() in ("1", "true")
            messages = [{"type": "message", "ts": thread, "user": "U0STAFF01", "text": "(the draft)"}]
            messages += [m if everything else {k: v for k, v in m.items() if k != "metadata"} for m in replies]
            return {"ok": True, "messages": messages, "has_more": False}
        if method == "chat.update":
            return {"ok": True, "channel": params.get("channel"), "ts": params.get("ts"), "text": params.get("text", "")}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self.new_ts()}
        if method == "views.open":
            return {"ok": True, "view": {"id": "V0MODAL", **(params.get("view") if isinstance(params.get("view"), dict) else {})}}
        if method == "files.info":
            if params.get("file") not in self.files:
                return {"ok": False, "error": "file_not_found"}
            return {"ok": True, "file": self.file_object(params["file"])}
        if method == "files.getUploadURLExternal":
            file_id = f"F0UPLOAD{next(self._upload_ids):04d}"
            self._pending_uploads[file_id] = {"filename": params.get("filename"), "length": params.get("length")}
            return {"ok": True, "upload_url": f"{self.origin}/upload/v1/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            return self._complete_uploads(params)
        if method == "apps.connections.open":
            return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/socket"}
        return {"ok": True}


# ---- the Slack side of the wire: signed requests to the bot -------------

SIGNING_SECRET = "8f742231b10e8888abcd99aaabbb85a5"  # 32 hex characters, like a real one
BOT_TOKEN = "xoxb-0000000000-test-token"


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """Slack's v0 request signature over the exact bytes sent."""
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def signed_headers(body: bytes, content_type: str, secret: str = SIGNING_SECRET,
                   timestamp: int | None = None, retry: int | None = None) -> dict:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": ts,
               "X-Slack-Signature": signature(secret, ts, body)}
    if retry is not None:
        headers.update({"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"})
    return headers


def event_body(event: dict, event_id: str, team_id: str = TEAM_ID) -> bytes:
    return json.dumps({
        "token": "unused", "team_id": team_id, "api_app_id": "A0CLEARPOST", "type": "event_callback",
        "event_id": event_id, "event_time": int(time.time()), "event": event,
        "authorizations": [{"team_id": team_id, "user_id": BOT_USER_ID, "is_bot": True}],
    }).encode()


class BotServer:
    """The real aiohttp app (bot.server.build_web_app) on a free port of 127.0.0.1."""

    def __init__(self, services):
        self.services = services
        self.runner: web.AppRunner | None = None
        self.port: int | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> "BotServer":
        from bot.server import build_web_app
        self.runner = web.AppRunner(build_web_app(self.services), access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # noqa: SLF001
        return self

    async def stop(self) -> None:
        if self.runner:
            await self.runner.cleanup()
