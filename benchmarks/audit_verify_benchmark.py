"""How long `clearpost audit verify` takes on a large chain (target: 1,000,000
rows in under a minute).

Builds a valid chain of N rows (default 1,000,000) with realistic details in a
throwaway SQLite file and, when DATABASE_URL names a PostgreSQL server, in a
throwaway database created and dropped here; then times ``verify``. Prints
rows/s and seconds. Run: .venv/bin/python benchmarks/audit_verify_benchmark.py [--rows N]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from bot.audit import GENESIS, row_digest  # noqa: E402
from bot.audit.verify import verify  # noqa: E402
from bot.db import make_engine, scratch_database, upgrade  # noqa: E402
from bot.models import AuditEvent  # noqa: E402

ACTIONS = ("draft_received", "checks_run", "approve", "override", "reject", "draft_edited")


def chain(n: int):
    """Yield n valid rows (dicts) as ``append`` would have written them."""
    prev = GENESIS
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    for i in range(1, n + 1):
        at = start + timedelta(microseconds=i * 1_234_567)
        action = ACTIONS[i % len(ACTIONS)]
        details = json.dumps({"content_hash": hashlib.sha256(str(i).encode()).hexdigest(),
                              "from": "flagged", "to": "cleared", "findings": [
                                  {"check": "phi", "code": "phi.person", "entity": "PERSON", "start": 12, "end": 24,
                                   "severity": "block"}]}, sort_keys=True, separators=(",", ":"))
        actor, review_id = f"U{i % 97:05d}", i // 4
        digest = row_digest(prev, at, actor, action, review_id, None, details)
        yield {"id": i, "at": at, "actor": actor, "action": action, "review_id": review_id,
               "consent_id": None, "details": details, "prev_hash": prev, "hash": digest}
        prev = digest


def fill_sqlite(engine, n: int, batch: int = 50_000) -> None:
    table = AuditEvent.__table__
    rows = chain(n)
    with engine.begin() as c:
        while True:
            chunk = [r for _, r in zip(range(batch), rows)]
            if not chunk:
                break
            c.execute(table.insert(), chunk)


def fill_postgres(engine, n: int) -> None:
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cols = "id, at, actor, action, review_id, consent_id, details, prev_hash, hash"
        with cur.copy(f"COPY audit_event ({cols}) FROM STDIN") as copy:
            for r in chain(n):
                copy.write_row((r["id"], r["at"], r["actor"], r["action"], r["review_id"], r["consent_id"],
                                r["details"], r["prev_hash"], r["hash"]))
        raw.commit()
    finally:
        raw.close()


def measure(label: str, engine, fill, n: int) -> None:
    upgrade(engine)
    t0 = time.perf_counter()
    fill(engine, n)
    t1 = time.perf_counter()
    result = verify(engine)
    t2 = time.perf_counter()
    assert result.ok and result.rows == n, result
    print(f"{label:<10} built {n:,} rows in {t1 - t0:6.1f} s | verify {t2 - t1:6.1f} s "
          f"= {n / (t2 - t1):,.0f} rows/s | {'OK (<60 s)' if t2 - t1 < 60 else 'TOO SLOW (>=60 s)'}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        engine = make_engine(f"sqlite:///{d}/bench.db")
        measure("sqlite", engine, fill_sqlite, args.rows)
        engine.dispose()
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql")):
        with scratch_database(url, "clearpost_bench") as scratch:
            engine = make_engine(scratch)
            measure("postgresql", engine, fill_postgres, args.rows)
            engine.dispose()
    else:
        print("postgresql skipped: set DATABASE_URL=postgresql://... to include it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
