"""Reviews for the Trends page, written straight to the database (no checks
run): a practice's worth of history for tests, the browser test and
benchmarks/trends_benchmark.py."""
from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone

from sqlalchemy import insert

from bot.db import transaction
from bot.models import Review

CODES = ["phi.person", "phi.date", "phi.phone", "consent.missing", "policy.testimonial", "policy.outcome_claim",
         "policy.case_detail", "phi.location"]
OFFICERS = ["officer", "officer2", "maya"]
PATIENT_MARK = "Rosalind Fairweather"  # written into authors and channels: the page must never show it


def seed_reviews(engine, n: int, now: datetime | None = None, weeks: int = 12, seed: int = 7) -> None:
    rng = random.Random(seed)
    now = now or datetime.now(timezone.utc)
    rows = []
    for i in range(n):
        created = now - timedelta(seconds=rng.randrange(weeks * 7 * 86400))
        verdict = rng.choices(["pass", "warn", "block"], [6, 2, 2])[0]
        codes = [] if verdict == "pass" else rng.sample(CODES, rng.randint(1, 3))
        findings = [{"check": c.split(".")[0], "code": c, "severity": "block" if verdict == "block" else "warn",
                     "message": "m"} for c in codes]
        state = rng.choices(["cleared", "rejected", "flagged", "clean", "withdrawn"], [6, 1, 1, 1, 1])[0]
        if state == "flagged" and verdict == "pass":
            state = "clean"
        decided = state in ("cleared", "rejected")
        override = decided and state == "cleared" and verdict == "block"
        decided_at = created + timedelta(minutes=rng.randint(5, 3 * 24 * 60)) if decided else None
        rows.append({
            "ref_key": f"seed:{seed}:{i}", "platform": "slack", "workspace": "T0", "channel": f"C-{PATIENT_MARK}",
            "message_id": str(i), "author": f"{PATIENT_MARK} {i}", "targets": "[]", "attachments": "[]",
            "content_hash": "0" * 64, "state": state, "check_outcome": "flagged" if codes else "clean",
            "verdict": verdict, "findings": json.dumps(findings), "revision": 0,
            "decided_by": rng.choice(OFFICERS) if decided else None, "decided_at": decided_at,
            "override_reason": "reviewed with the patient's consent on file" if override else None,
            "created_at": created, "updated_at": decided_at or created,
        })
    with transaction(engine) as s:
        for start in range(0, len(rows), 2000):
            s.execute(insert(Review), rows[start:start + 2000])
