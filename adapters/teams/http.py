"""``POST /api/messages``: authenticate, run the turn, answer.

Replaces ``CloudAdapter.process`` for two 4.17.1 defects: a malformed or
unverifiable token escaped as HTTP 500 (it is a 401 here: every
authentication failure is), and invoke bodies could be serialised twice.
An authenticated activity from any channel but Teams (Web Chat, Direct Line:
the same Azure Bot, the channel service's keys endorse them too) is refused
with 403 before any turn runs. Tokens are checked in a worker thread: the SDK
fetches the channel service's keys with blocking ``requests`` calls and no
timeout (first request, then daily), which stalled the whole server. Errors
are JSON; no request body is ever logged."""
from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor

from aiohttp import web
from botbuilder.core import serializer_helper
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity
from msrest.exceptions import DeserializationError
from msrest.serialization import Model

from adapters.teams.translate import from_teams

log = logging.getLogger(__name__)

AUTH_WAIT_SECONDS = 20  # then 503: the keys could not be fetched (a thread may stay stuck in the SDK)
_auth_threads = ThreadPoolExecutor(max_workers=4, thread_name_prefix="teams-auth")


class _KeysUnavailable(Exception):
    pass


async def _authenticate(adapter: CloudAdapter, activity: Activity, auth_header: str):
    """The SDK's check, on its own event loop in one of a few dedicated threads."""
    check = adapter.bot_framework_authentication.authenticate_request(activity, auth_header)
    job = asyncio.get_running_loop().run_in_executor(_auth_threads, asyncio.run, check)
    try:
        return await asyncio.wait_for(job, AUTH_WAIT_SECONDS)
    except asyncio.TimeoutError:
        raise _KeysUnavailable() from None


def _error(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"error": {"code": code, "message": message}}, status=status)


def _body_of(body):
    """Serialise an invoke body exactly once (a model), or pass plain JSON through."""
    return serializer_helper(body) if isinstance(body, Model) else body


def make_handler(adapter: CloudAdapter, bot, service_url_override: str | None = None):
    async def messages(request: web.Request) -> web.Response:
        if "application/json" not in request.headers.get("Content-Type", ""):
            return _error(415, "UnsupportedMediaType", "expected application/json")
        try:
            body = await request.json()
            if not isinstance(body, dict):
                raise ValueError("not an object")
            activity = Activity().deserialize(body)
        except (ValueError, TypeError, AttributeError, DeserializationError):  # JSONDecodeError is a ValueError
            return _error(400, "BadRequest", "the body is not a Bot Framework activity")
        if not activity.type:
            return _error(400, "BadRequest", "the activity has no type")
        auth_header = request.headers.get("Authorization", "")
        try:
            auth = await _authenticate(adapter, activity, auth_header)
        except _KeysUnavailable:
            log.warning("teams: the Bot Framework signing keys could not be fetched in %ss", AUTH_WAIT_SECONDS)
            return _error(503, "ServiceUnavailable", "cannot verify Bot Framework tokens right now")
        except Exception as e:  # noqa: BLE001 - fail closed: any auth failure is a 401
            log.info("teams: rejected a request: %s", type(e).__name__)
            return _error(401, "Unauthorized", "missing or invalid Bot Framework token")
        if not from_teams(activity):  # issue 19: their clients write the identity fields themselves
            log.info("teams: refused an activity from another Bot Framework channel")
            return _error(403, "Forbidden", "this bot serves Microsoft Teams only")
        if service_url_override:
            activity.service_url = service_url_override  # tests only: replies go to the local fake
        try:
            invoke_response = await adapter.process_activity(auth, activity, bot.on_turn)
        except Exception as e:  # noqa: BLE001 - log the type only; the payload may hold PHI
            log.error("teams: turn failed: %s", type(e).__name__, exc_info=log.isEnabledFor(logging.DEBUG))
            return _error(500, "InternalError", "the bot could not handle this activity")
        if invoke_response is not None:
            return web.json_response(_body_of(invoke_response.body), status=int(invoke_response.status))
        return web.Response(status=201)

    return messages
