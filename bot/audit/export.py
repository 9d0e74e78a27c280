"""Audit rows for a date range as CSV or JSON, streamed.

Each exported row keeps its ``prev_hash`` and ``hash`` and its timestamp in
the exact text that was hashed, so a reader can recompute the chain over the
export without access to the database (recipe in docs/audit.md).
"""
from __future__ import annotations

import csv
import json
from datetime import date, datetime, time, timedelta, timezone
from typing import IO, Iterator

from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.audit.chain import stamp
from bot.audit.verify import COLUMNS, T

FIELDS = ("id", "at", "actor", "action", "review_id", "consent_id", "details", "prev_hash", "hash")


# the range a bound may name: a date past it would overflow a day's arithmetic (9999-12-31 + 1 day)
EARLIEST, LATEST = date(1970, 1, 1), date(9998, 12, 31)


def in_range(day: date) -> bool:
    return EARLIEST <= day <= LATEST


def parse_bound(text: str, end: bool = False) -> datetime:
    """A date (whole day, UTC) or an ISO timestamp; an end date includes that day."""
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            if not in_range(day):
                raise ValueError

            at = datetime.combine(day, time(), tzinfo=timezone.utc)
            return at + timedelta(days=1) if end else at
        at = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if not in_range(at.date()):
            raise ValueError
    except (ValueError, OverflowError):
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD) or ISO timestamp between "
                         f"{EARLIEST} and {LATEST}") from None
    return at.replace(tzinfo=timezone.utc) if at.utcoffset() is None else at.astimezone(timezone.utc)


def rows(engine: Engine, start: datetime, end: datetime, batch: int = 5_000) -> Iterator[dict]:
    """Rows with ``start <= at < end``, in chain (id) order."""
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=batch).execute(
            select(*COLUMNS).where(T.at >= start, T.at < end).order_by(T.id))
        for r in result:
            row = dict(zip(FIELDS, r))
            row["at"] = stamp(row["at"])
            yield row


def write_csv(items: Iterator[dict], out: IO[str]) -> int:
    w = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    w.writeheader()
    n = 0
    for n, row in enumerate(items, 1):
        w.writerow(row)
    return n


def write_json(items: Iterator[dict], out: IO[str], start: datetime, end: datetime) -> int:
    """One JSON object: the range, then ``rows`` (written as they stream)."""
    out.write(json.dumps({"from": stamp(start), "to_exclusive": stamp(end),
                          "digest": "sha256 of JSON [prev_hash, at, actor, action, review_id, "
                                    "consent_id, details], compact separators"})[:-1])
    out.write(', "rows": [')
    n = 0
    for n, row in enumerate(items, 1):
        out.write(("\n" if n == 1 else ",\n") + json.dumps(row, ensure_ascii=False))
    out.write(f'\n], "row_count": {n}}}\n')
    return n
