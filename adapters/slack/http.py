"""aiohttp <-> bolt for HTTP mode: size limit first, exact bytes to the
signature check, and a fix for bolt 1.30.0 misreading slash commands whose
text contains the word "payload" (it answers 404 to them)."""
from __future__ import annotations

from urllib.parse import parse_qsl

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_sdk.signature import SignatureVerifier
from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.request.async_internals import build_async_context
from slack_bolt.request.async_request import AsyncBoltRequest

FORM = "application/x-www-form-urlencoded"


def bolt_request(raw: str, query: str, headers) -> AsyncBoltRequest:
    req = AsyncBoltRequest(body=raw, query=query, headers=headers)
    if req.content_type == FORM and not raw.startswith("{"):
        params = dict(parse_qsl(raw, keep_blank_values=True))
        if "payload" not in params and req.body != params:
            # bolt saw the substring "payload" (e.g. in a slash command's text) and parsed nothing
            req.body = params
            req.context = build_async_context(AsyncBoltContext({}), params)
    return req


def _verified(verifier: SignatureVerifier | None, raw: bytes, headers) -> bool:
    """The signature is checked on the exact bytes before anything parses them;
    a malformed timestamp or signature header is a forgery, not a crash."""
    if verifier is None:
        return True
    try:
        return verifier.is_valid(raw, headers.get("X-Slack-Request-Timestamp", ""),
                                 headers.get("X-Slack-Signature", ""))
    except (ValueError, TypeError):
        return False


def _well_formed(req: AsyncBoltRequest) -> bool:
    """bolt assumes Slack's shapes (objects where objects belong); anything else is a 400, not a 500."""
    body = req.body
    if not isinstance(body, dict):
        return False
    event = body.get("event")
    if event is not None:
        if not isinstance(event, dict) or not isinstance(event.get("type"), str):
            return False
        keys = ("subtype", "channel", "user", "ts", "text", "thread_ts") if event["type"] == "message" else ()
        if not all(isinstance(event.get(k), (str, type(None))) for k in keys):
            return False
        if not all(isinstance(event.get(k), (dict, type(None))) for k in ("message", "previous_message", "item")):
            return False
    return all(isinstance(body.get(k), (dict, type(None))) for k in ("team", "user", "channel", "view"))


def events_handler(app: AsyncApp, max_bytes: int, signing_secret: str | None = None):
    verifier = SignatureVerifier(signing_secret) if signing_secret else None

    async def handle(request: web.Request) -> web.Response:
        if request.content_length is not None and request.content_length > max_bytes:
            return web.Response(status=413, text="request body too large")
        try:
            raw = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return web.Response(status=413, text="request body too large")
        if len(raw) > max_bytes:
            return web.Response(status=413, text="request body too large")
        if not _verified(verifier, raw, request.headers):
            return web.Response(status=401, text="invalid request signature")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return web.Response(status=400, text="request body is not UTF-8")
        try:
            req = bolt_request(text, request.query_string, request.headers)
        except (ValueError, TypeError, AttributeError):  # JSONDecodeError is a ValueError
            return web.Response(status=400, text="malformed request body")
        if not _well_formed(req):
            return web.Response(status=400, text="malformed request body")
        bolt_resp = await app.async_dispatch(req)
        return await to_aiohttp_response(bolt_resp)
    return handle
