"""The Trends page: the queue's numbers per week as server-drawn SVG charts
(adapters/console/charts.py) with tables beside them, and the same numbers as
CSV. Officers only. Counts, finding codes, hours and officers' account names:
nothing identifies a patient (bot/trends.py), so the week count travels in
the query string."""
from __future__ import annotations

import asyncio
import csv
import io
from datetime import datetime, timezone

from aiohttp import web

from adapters.console.charts import bar_chart, hbar_chart
from adapters.console.web import CONSOLE_KEY, PREFIX, Viewer, harden, page, render
from bot.trends import CSV_HEADER, DEFAULT_WEEKS, MAX_WEEKS, compute, csv_rows

WEEK_CHOICES = (4, 12, 26, 52)


def _weeks(request: web.Request) -> int:
    raw = request.query.get("weeks", "")
    return min(MAX_WEEKS, max(1, int(raw))) if raw.isdigit() and len(raw) < 4 else DEFAULT_WEEKS


def _label(d) -> str:
    return d.strftime("%d %b")


@page(officer=True)
async def trends(request: web.Request, viewer: Viewer, form) -> web.Response:
    engine = request.app[CONSOLE_KEY].services.engine
    weeks = _weeks(request)
    t = await asyncio.to_thread(compute, engine, weeks, datetime.now(timezone.utc).date())
    labels = [_label(w.start) for w in t.weeks]
    volume = bar_chart("chart-volume", "Drafts per week: reviewed, blocked, cleared, overridden", labels, [
        ("reviewed", [w.reviewed for w in t.weeks]), ("blocked", [w.blocked for w in t.weeks]),
        ("cleared", [w.cleared for w in t.weeks]), ("overridden", [w.overridden for w in t.weeks])])
    waits = bar_chart("chart-wait", "Hours from draft to decision per week: median and 90th percentile", labels, [
        ("median", [w.median_hours for w in t.weeks]), ("90th percentile", [w.p90_hours for w in t.weeks])],
        unit=" h")
    codes = hbar_chart("chart-codes", "Most common finding codes (reviews with each)", list(t.top_codes))
    officers = hbar_chart("chart-officers", "Overrides by officer", list(t.overrides_by_officer))
    return render(request, "trends.html", viewer=viewer, active="trends", t=t, weeks=weeks, choices=WEEK_CHOICES,
                  volume=volume, waits=waits, codes=codes, officers=officers)


def _cell(v) -> str:
    """Names and codes that a spreadsheet would run as a formula are quoted."""
    s = str(v)
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


@page(officer=True)
async def trends_csv(request: web.Request, viewer: Viewer, form) -> web.StreamResponse:
    engine = request.app[CONSOLE_KEY].services.engine
    weeks = _weeks(request)
    t = await asyncio.to_thread(compute, engine, weeks, datetime.now(timezone.utc).date())
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_HEADER)
    for row in csv_rows(t):
        w.writerow([_cell(v) for v in row])
    name = f"clearpost-trends-{t.first_week.isoformat()}-{t.last_week.isoformat()}.csv"
    return harden(web.Response(text=out.getvalue(), charset="utf-8", content_type="text/csv",
                               headers={"Content-Disposition": f'attachment; filename="{name}"'}))


def routes() -> list[web.RouteDef]:
    return [web.get(f"{PREFIX}/trends", trends), web.get(f"{PREFIX}/trends.csv", trends_csv)]
