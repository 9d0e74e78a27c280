"""The audit trail page: filter the hash-chained rows by date, post (review
id) and person (actor), see whether the chain verifies, and export.

Filters travel in the query string: they are dates, ids and account names,
never PHI. Export is a POST (CSRF-checked) because it is itself recorded as
an audit row, as the command line's ``clearpost audit export`` is.
"""
from __future__ import annotations

import asyncio
import io
import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from aiohttp import web
from sqlmodel import Session, select

from adapters.console.web import CONSOLE_KEY, PREFIX, Viewer, harden, page, render
from bot import audit
from bot.audit.chain import stamp
from bot.audit.evidence import evidence_for
from bot.audit.export import EARLIEST, LATEST, in_range, parse_bound, write_csv, write_json
from bot.audit.verify import VerifyResult, verify
from bot.db import transaction
from bot.models import AuditEvent

SHOWN = 300  # newest matching rows on the page; exports have no limit
CHAIN_CACHE_SECONDS = 60


@dataclass(frozen=True)
class Filters:
    start: date
    end: date  # inclusive
    actor: str
    review_id: int | None
    error: str | None = None

    @property
    def bounds(self) -> tuple[datetime, datetime]:
        return parse_bound(self.start.isoformat()), parse_bound(self.end.isoformat(), end=True)


def _filters(values) -> Filters:
    today = datetime.now(timezone.utc).date()
    error = None
    try:
        start = date.fromisoformat(values.get("from") or (today - timedelta(days=30)).isoformat())
        end = date.fromisoformat(values.get("to") or today.isoformat())
        if not (in_range(start) and in_range(end)):
            raise ValueError
    except ValueError:
        start, end, error = today - timedelta(days=30), today, f"Dates are written YYYY-MM-DD, from {EARLIEST} to {LATEST}."
    if end < start:
        start, end, error = end, start, "The end date was before the start date; they were swapped."
    raw_review = str(values.get("review") or "").strip().lstrip("#")
    review_id = int(raw_review) if raw_review.isdigit() and len(raw_review) < 12 else None
    if raw_review and review_id is None:
        error = "A post is found by its review number."
    return Filters(start, end, str(values.get("actor") or "").strip()[:200], review_id, error)


def _query(f: Filters):
    lo, hi = f.bounds
    q = select(AuditEvent).where(AuditEvent.at >= lo, AuditEvent.at < hi)
    if f.actor:
        q = q.where(AuditEvent.actor == f.actor)
    if f.review_id is not None:
        q = q.where(AuditEvent.review_id == f.review_id)
    return q


def _as_dict(ev: AuditEvent) -> dict:
    return {"id": ev.id, "at": stamp(ev.at), "actor": ev.actor, "action": ev.action,
            "review_id": ev.review_id, "consent_id": ev.consent_id, "details": ev.details,
            "prev_hash": ev.prev_hash, "hash": ev.hash}


@page(officer=True)
async def trail(request: web.Request, viewer: Viewer, form) -> web.Response:
    services = request.app[CONSOLE_KEY].services
    f = _filters(request.query)
    with transaction(services.engine) as s:
        events = list(s.exec(_query(f).order_by(AuditEvent.id.desc()).limit(SHOWN)))
        evidence = evidence_for(s, f.review_id) if f.review_id is not None else None
    checked, checked_at = await _chain_status(request, force=request.query.get("verify") == "now")
    rows = []
    for ev in events:
        try:
            details = json.loads(ev.details)
        except ValueError:
            details = {}
        rows.append({"id": ev.id, "at": ev.at, "actor": ev.actor, "action": ev.action,
                     "review_id": ev.review_id, "consent_id": ev.consent_id,
                     "details": ", ".join(f"{k}: {_short(v)}" for k, v in sorted(details.items()))})
    return render(request, "audit.html", viewer=viewer, active="audit", f=f, rows=rows, shown=SHOWN,
                  verified=checked, verified_at=checked_at, evidence=evidence)


async def _chain_status(request: web.Request, force: bool) -> tuple[VerifyResult, datetime]:
    """Re-walk the whole chain, unless it was walked under a minute ago and no
    row was added since. The walk is linear (about 0.5 s per 20,000 rows here):
    cheap for a practice, and this keeps a busy page from repeating it."""
    console = request.app[CONSOLE_KEY]
    with Session(console.services.engine) as s:
        head = s.exec(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)).first()
    cached = console.chain
    now = datetime.now(timezone.utc)
    if (not force and cached and cached["head"] == head
            and (now - cached["at"]).total_seconds() < CHAIN_CACHE_SECONDS):
        return cached["result"], cached["at"]
    result = await asyncio.get_running_loop().run_in_executor(None, verify, console.services.engine)
    console.chain.update(head=head, at=now, result=result)
    return result, now


def _short(value) -> str:
    text = value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))
    return text if len(text) <= 120 else text[:117] + "..."


@page(officer=True)
async def export(request: web.Request, viewer: Viewer, form) -> web.StreamResponse:
    services = request.app[CONSOLE_KEY].services
    f = _filters(form)
    fmt = "json" if form.get("format") == "json" else "csv"
    with Session(services.engine) as s:
        items = [_as_dict(ev) for ev in s.exec(_query(f).order_by(AuditEvent.id))]
    out = io.StringIO()
    lo, hi = f.bounds
    n = write_json(iter(items), out, lo, hi) if fmt == "json" else write_csv(iter(items), out)
    with transaction(services.engine) as s:
        audit.append(s, viewer.username, "audit_exported", details={
            "from": f.start.isoformat(), "to": f.end.isoformat(), "format": fmt, "rows": n,
            "actor_filter": f.actor or None, "review_filter": f.review_id, "via": "console"})
    name = f"clearpost-audit-{f.start.isoformat()}-{f.end.isoformat()}.{fmt}"
    resp = web.Response(text=out.getvalue(), charset="utf-8",
                        content_type="application/json" if fmt == "json" else "text/csv",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
    return harden(resp)


def routes() -> list[web.RouteDef]:
    return [web.get(f"{PREFIX}/audit", trail), web.post(f"{PREFIX}/audit/export", export)]

