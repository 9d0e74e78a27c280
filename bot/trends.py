"""The queue's numbers per week, for the console's Trends page and its CSV.

Counts, finding codes, durations and officers' account names only: nothing
that identifies a patient (no text, no names, no channels or authors). A
review counts in the ISO week (Monday to Sunday, UTC) its draft arrived in.

- reviewed: drafts whose checks finished; blocked: with a blocking verdict;
  cleared: cleared now; overridden: cleared over blocking findings with a
  justification; rejected: rejected now;
- time to decision: from the draft's arrival to the decision standing now
  (cleared or rejected), median and 90th percentile in hours;
- finding codes: how many reviews had each code; overrides by officer.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import select

from bot.db import transaction
from bot.models import Review
from bot.states import State

DEFAULT_WEEKS = 12
MAX_WEEKS = 104
TOP_CODES = 10


@dataclass(frozen=True)
class Week:
    start: date  # the Monday
    reviewed: int = 0
    blocked: int = 0
    cleared: int = 0
    overridden: int = 0
    rejected: int = 0
    decided: int = 0
    median_hours: float | None = None
    p90_hours: float | None = None


@dataclass(frozen=True)
class Trends:
    first_week: date
    last_week: date
    weeks: tuple[Week, ...]
    top_codes: tuple[tuple[str, int], ...]
    overrides_by_officer: tuple[tuple[str, int], ...]

    @property
    def totals(self) -> dict[str, int]:
        return {k: sum(getattr(w, k) for w in self.weeks)
                for k in ("reviewed", "blocked", "cleared", "overridden", "rejected", "decided")}


def monday_of(d: date) -> date:
    return d - timedelta(days=d.weekday())


def percentile(sorted_values: list[float], p: float) -> float | None:
    """Linear interpolation between closest ranks (p in 0..1)."""
    if not sorted_values:
        return None
    k = (len(sorted_values) - 1) * p
    lo, hi = math.floor(k), math.ceil(k)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def _utc(at: datetime) -> datetime:
    return at.replace(tzinfo=timezone.utc) if at.tzinfo is None else at.astimezone(timezone.utc)


def compute(engine, weeks: int = DEFAULT_WEEKS, today: date | None = None) -> Trends:
    weeks = max(1, min(MAX_WEEKS, weeks))
    last = monday_of(today or datetime.now(timezone.utc).date())
    first = last - timedelta(weeks=weeks - 1)
    since = datetime.combine(first, time.min, tzinfo=timezone.utc)
    with transaction(engine) as s:
        rows = s.execute(select(Review.created_at, Review.state, Review.verdict, Review.findings,
                                Review.decided_by, Review.decided_at, Review.override_reason.is_not(None))
                         .where(Review.created_at >= since)).all()
    counts: dict[date, Counter] = {first + timedelta(weeks=i): Counter() for i in range(weeks)}
    waits: dict[date, list[float]] = {w: [] for w in counts}
    codes: Counter = Counter()
    officers: Counter = Counter()
    for created, state, verdict, findings, decided_by, decided_at, justified in rows:
        created = _utc(created)
        week = monday_of(created.date())
        c = counts.get(week)
        if c is None:
            continue  # a clock skewed into the future
        if verdict is not None:
            c["reviewed"] += 1
            if verdict == "block":
                c["blocked"] += 1
        if state == State.CLEARED.value:
            c["cleared"] += 1
            if justified:
                c["overridden"] += 1
                officers[decided_by or "?"] += 1
        elif state == State.REJECTED.value:
            c["rejected"] += 1
        if decided_at is not None and state in (State.CLEARED.value, State.REJECTED.value):
            c["decided"] += 1
            waits[week].append(max(0.0, (_utc(decided_at) - created).total_seconds() / 3600))
        if findings and findings != "[]":
            codes.update({f.get("code") for f in json.loads(findings) if isinstance(f, dict) and f.get("code")})
    out = []
    for week, c in counts.items():
        ws = sorted(waits[week])
        out.append(Week(week, c["reviewed"], c["blocked"], c["cleared"], c["overridden"], c["rejected"],
                        c["decided"], percentile(ws, 0.5), percentile(ws, 0.9)))
    return Trends(first, last, tuple(out), tuple(sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_CODES]),
                  tuple(sorted(officers.items(), key=lambda kv: (-kv[1], kv[0]))))


CSV_HEADER = ["section", "week", "name", "reviewed", "blocked", "cleared", "overridden", "rejected", "decided",
              "median_hours_to_decision", "p90_hours_to_decision", "count"]


def csv_rows(trends: Trends) -> list[list]:
    """The numbers behind every chart, one table: a ``section`` column says which."""
    def hours(h: float | None) -> str:
        return "" if h is None else f"{h:.2f}"
    rows: list[list] = []
    for w in trends.weeks:
        rows.append(["week", w.start.isoformat(), "", w.reviewed, w.blocked, w.cleared, w.overridden, w.rejected,
                     w.decided, hours(w.median_hours), hours(w.p90_hours), ""])
    for code, n in trends.top_codes:
        rows.append(["finding_code", "", code, "", "", "", "", "", "", "", "", n])
    for officer, n in trends.overrides_by_officer:
        rows.append(["overrides_by_officer", "", officer, "", "", "", "", "", "", "", "", n])
    return rows
