"""A local fake Bot Framework connector (the Teams side of the bot's replies).

Runs a real aiohttp server on 127.0.0.1 in its own thread and records every
call the bot makes: new conversations, posts, replies, updates, deletes. It
accepts any path prefix before ``/v3/`` (real service URLs look like
``https://smba.trafficmanager.net/amer/``) and answers errors as JSON, like
the real connector. Updating an activity it never created is a 404; an
activity over Teams' ~28 KB message limit is a 413."""
from __future__ import annotations

import asyncio
import base64
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import unquote

from aiohttp import web


MAX_ACTIVITY_BYTES = 28 * 1024  # Teams rejects larger messages


@dataclass
class Call:
    method: str
    kind: str  # create_conversation | send | reply | update | delete
    conversation_id: str | None
    activity_id: str | None  # the activity replied to / updated / deleted
    body: dict = field(default_factory=dict)
    created_id: str | None = None  # the id the fake gave a new activity

    @property
    def card(self) -> dict | None:
        for a in self.body.get("attachments") or []:
            if a.get("contentType") == "application/vnd.microsoft.card.adaptive":
                return a.get("content")
        return None

    @property
    def text(self) -> str:
        return self.body.get("text") or ""

    @property
    def images(self) -> list[tuple[str, bytes]]:
        """Inline images sent in this activity: (content type, decoded bytes of the data URI)."""
        out = []
        for a in self.body.get("attachments") or []:
            url = a.get("contentUrl") or ""
            if (a.get("contentType") or "").startswith("image/") and url.startswith("data:"):
                header, _, payload = url.partition(",")
                out.append((a["contentType"], base64.b64decode(payload) if header.endswith(";base64") else b""))
        return out


def _error(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"error": {"code": code, "message": message}}, status=status)


class FakeConnector:
    def __init__(self, prefix: str = "/amer/"):
        self.prefix = prefix
        self.calls: list[Call] = []
        self.known_activities: set[tuple[str, str]] = set()
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._fail_next: list[int] = []
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self.url = ""
        # attachment bytes: id -> (content type, bytes), served at {url}v3/attachments/{id}/views/original
        # (inline images) and {url}files/{id}/download?tempauth=... (a file's pre-authenticated downloadUrl)
        self.blobs: dict[str, tuple[str, bytes]] = {}
        self.downloads: list[dict] = []  # every attachment download: id, Authorization header
        self.authorizations: list[str | None] = []  # the Authorization header of every request, in order
        self.require_token: str | None = None  # when set, inline images need "Bearer <it>" (as with an app id)
        self.fail_image_replies = 0  # how many more activities carrying an inline image get a 503

    # ---- lifecycle ----------------------------------------------------
    def start(self) -> str:
        ready = threading.Event()

        def run() -> None:
            self._loop = asyncio.new_event_loop()
            asyncio.set_event_loop(self._loop)
            app = web.Application()
            app.router.add_route("*", "/{tail:.*}", self._handle)
            self._runner = web.AppRunner(app, access_log=None)
            self._loop.run_until_complete(self._runner.setup())
            site = web.TCPSite(self._runner, "127.0.0.1", 0)
            self._loop.run_until_complete(site.start())
            port = self._runner.addresses[0][1]
            self.url = f"http://127.0.0.1:{port}{self.prefix}"
            ready.set()
            self._loop.run_forever()

        self._thread = threading.Thread(target=run, name="fake-teams-connector", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("fake connector did not start")
        return self.url

    def stop(self) -> None:
        if self._loop is None:
            return
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    # ---- test helpers -------------------------------------------------
    def fail_next(self, status: int) -> None:
        """Answer the next call with this HTTP error status."""
        with self._lock:
            self._fail_next.append(status)

    def of_kind(self, *kinds: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.kind in kinds]

    def wait_for(self, predicate, timeout: float = 30.0) -> list[Call]:
        """Block until ``predicate(calls)`` is truthy; returns the calls."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                snapshot = list(self.calls)
            if predicate(snapshot):
                return snapshot
            time.sleep(0.02)
        raise AssertionError(f"fake connector: condition not met within {timeout}s; calls: "
                             f"{[(c.kind, c.conversation_id, c.activity_id) for c in snapshot]}")

    def add_image(self, data: bytes, content_type: str = "image/png") -> str:
        """Store a pasted image; returns its contentUrl, as Teams puts it in the activity."""
        blob = f"0-eus-d1-{len(self.blobs) + 1:032x}"
        with self._lock:
            self.blobs[blob] = (content_type, data)
        return f"{self.url}v3/attachments/{blob}/views/original"

    def add_file(self, data: bytes, content_type: str = "image/jpeg") -> str:
        """Store a file sent to the bot; returns its pre-authenticated downloadUrl."""
        blob = f"file-{len(self.blobs) + 1:06d}"
        with self._lock:
            self.blobs[blob] = (content_type, data)
        return f"{self.url}files/{blob}/download?tempauth=fake-temp-auth"

    def _serve_blob(self, request: web.Request, blob: str, needs_token: bool) -> web.Response:
        auth = request.headers.get("Authorization")
        with self._lock:
            self.downloads.append({"id": blob, "authorization": auth})
            found = self.blobs.get(blob)
        if needs_token and self.require_token and auth != f"Bearer {self.require_token}":
            return _error(401, "Unauthorized", "missing or invalid bot token")
        if found is None:
            return _error(404, "NotFound", "no such attachment")
        return web.Response(body=found[1], content_type=found[0])

    # ---- the fake API -------------------------------------------------
    async def _handle(self, request: web.Request) -> web.Response:
        with self._lock:
            self.authorizations.append(request.headers.get("Authorization"))
        raw = request.raw_path.split("?", 1)[0]
        if request.method == "GET" and "/files/" in raw and raw.endswith("/download"):
            return self._serve_blob(request, unquote(raw.rsplit("/", 2)[1]), needs_token=False)
        if "/v3/" not in raw:
            return _error(404, "NotFound", f"no such endpoint: {request.method} {raw}")
        segments = [unquote(s) for s in raw.split("/v3/", 1)[1].split("/")]
        with self._lock:
            if self._fail_next:
                status = self._fail_next.pop(0)
                return _error(status, "ServiceError", "injected failure")
        body: dict = {}
        if request.method in ("POST", "PUT"):
            if len(await request.read()) > MAX_ACTIVITY_BYTES:
                return _error(413, "MessageSizeTooBig", "the activity is larger than Teams accepts")
            try:
                body = await request.json()
            except (json.JSONDecodeError, UnicodeDecodeError):
                return _error(400, "BadSyntax", "the body is not JSON")
            if not isinstance(body, dict):
                return _error(400, "BadSyntax", "the body is not a JSON object")
        if segments[0] == "attachments" and request.method == "GET" and len(segments) >= 2:
            return self._serve_blob(request, segments[1], needs_token=True)
        if segments[0] != "conversations":
            return _error(404, "NotFound", f"no such endpoint: {request.method} {raw}")
        if len(segments) == 1 and request.method == "POST":
            conv = f"a:private-{next(self._ids)}"
            return self._record(Call("POST", "create_conversation", conv, None, body),
                                {"id": conv, "activityId": None, "serviceUrl": None})
        if len(segments) < 3 or segments[2] != "activities" or len(segments) > 4:
            return _error(404, "NotFound", f"no such endpoint: {request.method} {raw}")
        conv = segments[1]
        activity_id = segments[3] if len(segments) == 4 else None
        if request.method == "POST" and self.fail_image_replies and Call("POST", "reply", conv, None, body).images:
            self.fail_image_replies -= 1
            return _error(503, "ServiceUnavailable", "injected failure of an image reply")
        if request.method == "POST":
            new_id = f"bot-{next(self._ids)}"
            kind = "reply" if activity_id else "send"
            with self._lock:
                self.known_activities.add((conv, new_id))
            return self._record(Call("POST", kind, conv, activity_id, body, new_id), {"id": new_id})
        if request.method == "PUT" and activity_id:
            with self._lock:
                known = (conv, activity_id) in self.known_activities
            if not known:
                return _error(404, "ActivityNotFound", "no activity with that id in that conversation")
            return self._record(Call("PUT", "update", conv, activity_id, body), {"id": activity_id})
        if request.method == "DELETE" and activity_id:
            return self._record(Call("DELETE", "delete", conv, activity_id), {})
        return _error(405, "MethodNotAllowed", f"{request.method} not allowed on {raw}")

    def _record(self, call: Call, answer: dict) -> web.Response:
        with self._lock:
            self.calls.append(call)
        return web.json_response(answer, status=200 if call.kind in ("update", "delete") else 201)
