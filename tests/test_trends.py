"""The Trends page and its numbers: per-week counts, time to decision (median,
p90), finding codes and overrides by officer; server-drawn SVG under the
console's CSP, a CSV of the same numbers, officers only, no patient identifiers."""
from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import insert

from bot.db import transaction
from bot.models import Review
from bot.trends import compute, percentile
from tests.console_client import signed_in, site  # noqa: F401 - the fixture
from tests.trends_data import PATIENT_MARK, seed_reviews

MONDAY = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)


def review(i: int, created: datetime, state: str, verdict: str, codes=(), decided_hours: float | None = None,
           by: str | None = None, override: bool = False) -> dict:
    return {"ref_key": f"t:{i}", "platform": "console", "workspace": "w", "channel": "c", "message_id": str(i),
            "author": "someone", "targets": "[]", "attachments": "[]", "content_hash": "0" * 64, "state": state,
            "verdict": verdict, "findings": json.dumps([{"code": c, "severity": "block"} for c in codes]),
            "revision": 0, "decided_by": by,
            "decided_at": created + timedelta(hours=decided_hours) if decided_hours is not None else None,
            "override_reason": "justified" if override else None, "created_at": created, "updated_at": created}


def test_when_percentiles_are_taken_then_they_interpolate_between_ranks():
    assert percentile([], 0.5) is None
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert percentile([float(i) for i in range(1, 11)], 0.9) == 9.1


def test_when_reviews_span_weeks_then_each_week_counts_its_own(services):
    rows = [
        review(1, MONDAY, "cleared", "pass", decided_hours=1, by="officer"),
        review(2, MONDAY + timedelta(days=1), "cleared", "block", ["phi.person", "consent.missing"], 3,
               by="officer2", override=True),
        review(3, MONDAY + timedelta(days=2), "rejected", "block", ["phi.person"], 5, by="officer"),
        review(4, MONDAY + timedelta(days=3), "flagged", "warn", ["policy.testimonial"]),
        review(5, MONDAY - timedelta(days=7), "cleared", "pass", decided_hours=10, by="officer"),
        review(6, MONDAY - timedelta(days=70), "cleared", "pass", decided_hours=1, by="officer"),  # too old
    ]
    with transaction(services.engine) as s:
        s.execute(insert(Review), rows)
    t = compute(services.engine, weeks=2, today=MONDAY.date() + timedelta(days=4))
    assert [w.start for w in t.weeks] == [date(2026, 2, 23), date(2026, 3, 2)]
    before, this = t.weeks
    assert (before.reviewed, before.cleared, before.median_hours) == (1, 1, 10.0)
    assert (this.reviewed, this.blocked, this.cleared, this.overridden, this.rejected) == (4, 2, 2, 1, 1)
    assert this.median_hours == 3.0 and abs(this.p90_hours - 4.6) < 1e-9
    assert t.top_codes == (("phi.person", 2), ("consent.missing", 1), ("policy.testimonial", 1))
    assert t.overrides_by_officer == (("officer2", 1),)


async def test_when_an_officer_opens_trends_then_svg_charts_and_tables_show_numbers_only(site):  # noqa: F811
    services, client = site
    seed_reviews(services.engine, 300)
    officer = await signed_in(client, "officer")
    status, page = await officer.get("/console/trends")
    assert status == 200
    csp = officer.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "<script" not in page and " style=" not in page  # nothing the CSP would block
    for chart in ("chart-volume", "chart-wait", "chart-codes", "chart-officers"):
        assert f'<svg id="{chart}"' in page
    assert page.count("<rect class=\"series-") > 20 and 'id="weeks-table"' in page
    assert PATIENT_MARK not in page  # authors and channels never appear
    t = compute(services.engine)
    assert f"{t.totals['reviewed']} reviewed" in page and t.totals["reviewed"] > 0

    status, body = await officer.get("/console/trends.csv?weeks=12")
    assert status == 200 and officer.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in officer.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body)))
    weeks = [r for r in rows if r["section"] == "week"]
    assert len(weeks) == 12 and sum(int(r["reviewed"]) for r in weeks) == t.totals["reviewed"]
    assert {r["name"] for r in rows if r["section"] == "overrides_by_officer"} <= {"officer", "officer2", "maya"}
    assert PATIENT_MARK not in body


async def test_when_staff_opens_trends_then_refused(site):  # noqa: F811
    _, client = site
    staff = await signed_in(client, "staff1")
    assert (await staff.get("/console/trends"))[0] == 403
    assert (await staff.get("/console/trends.csv"))[0] == 403
