"""aiohttp <-> bolt for HTTP mode: size limit first, exact bytes to the
signature check, and a fix for bolt 1.30.0 misreading slash commands whose
text contains the word "payload" (it answers 404 to them)."""
from __future__ import annotations

from urllib.parse import parse_qsl

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
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


def events_handler(app: AsyncApp, max_bytes: int):
    async def handle(request: web.Request) -> web.Response:
        if request.content_length is not None and request.content_length > max_bytes:
            return web.Response(status=413, text="request body too large")
        try:
            raw = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return web.Response(status=413, text="request body too large")
        if len(raw) > max_bytes:
            return web.Response(status=413, text="request body too large")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return web.Response(status=400, text="request body is not UTF-8")
        bolt_resp = await app.async_dispatch(bolt_request(text, request.query_string, request.headers))
        return await to_aiohttp_response(bolt_resp)
    return handle
