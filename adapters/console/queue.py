"""The officer's queue: every draft waiting for a decision, from Slack, Teams
and the console alike. Metadata only (where, who, state, verdict, when):
never draft text."""
from __future__ import annotations

import json
from datetime import date

from aiohttp import web
from sqlalchemy import func
from sqlmodel import select

from adapters.console.web import CONSOLE_KEY, PREFIX, Viewer, page, render
from bot.config import CHAT_PLATFORMS
from bot.db import transaction
from bot.models import ReminderSent, Review
from bot.reminders import CONSENT_NOTICE, expiring_consents
from bot.states import State

WAITING = (State.CLEAN.value, State.FLAGGED.value, State.FAILED.value)
LIMIT = 500


@page(officer=True)
async def queue(request: web.Request, viewer: Viewer, form) -> web.Response:
    engine = request.app[CONSOLE_KEY].services.engine
    platform = request.query.get("platform", "")
    query = select(Review).where(Review.state.in_(WAITING))
    if platform in CHAT_PLATFORMS:
        query = query.where(Review.platform == platform)
    else:
        platform = ""
    with transaction(engine) as s:
        rows = list(s.exec(query.order_by(Review.created_at, Review.id).limit(LIMIT)))
        checking = s.exec(select(func.count()).select_from(Review).where(Review.state == State.CHECKING.value)).one()
    items = [{
        "id": r.id, "platform": r.platform, "channel": r.channel, "author": r.author,
        "state": r.state, "verdict": r.verdict or "", "findings": len(json.loads(r.findings)),
        "targets": ", ".join(json.loads(r.targets)), "received": r.created_at,
    } for r in rows]
    services = request.app[CONSOLE_KEY].services
    notice = expiring_consents(engine, services.consents.expiring_days, date.today())
    return render(request, "queue.html", viewer=viewer, active="queue", items=items, platform=platform,
                  platforms=CHAT_PLATFORMS, checking=checking, limit=LIMIT, notice=notice,
                  notice_sent=_last_notice(engine))


def _last_notice(engine) -> date | None:
    """When the weekly consent notice last went out in chat (bot/reminders.py)."""
    with transaction(engine) as s:
        return s.exec(select(func.max(ReminderSent.day)).where(ReminderSent.kind == CONSENT_NOTICE,
                                                               ReminderSent.status == "sent")).one()


def routes() -> list[web.RouteDef]:
    return [web.get(f"{PREFIX}/queue", queue)]
