"""What the console costs: one password hash, a sign-in, and the pages an
officer opens most (queue, audit trail with its chain check) on a practice's
worth of data, over real HTTP on 127.0.0.1 against a throwaway SQLite file.

Prints milliseconds per request (median of several). Figures are noisy on a
shared machine. Run: .venv/bin/python benchmarks/console_benchmark.py [--reviews N] [--audit N]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aiohttp.test_utils import TestServer  # noqa: E402

from bot import audit  # noqa: E402
from bot.accounts import add_user, hash_password, verify_password  # noqa: E402
from bot.app import build_services  # noqa: E402
from bot.config import Config, Profile, Secrets  # noqa: E402
from bot.db import transaction  # noqa: E402
from bot.models import Review  # noqa: E402
from bot.server import build_web_app  # noqa: E402
from tests.console_client import ConsoleClient  # noqa: E402


def _config(db: str) -> Config:
    profile = Profile.model_validate({"practice": {"name": "Bench Practice"},
                                      "officers": {"console": ["officer"]}, "checks": {"enabled": ["phi"]}})
    return Config(profile=profile, secrets=Secrets(), database_url=db, source="<bench>", sha256="0" * 64)


def _seed(services, reviews: int, audit_rows: int) -> None:
    with transaction(services.engine) as s:
        for n in range(reviews):
            s.add(Review(ref_key=f"slack:T1:C1:{n}", platform="slack", workspace="T1", channel="C1",
                         message_id=str(n), author="U0STAFF", content_hash="0" * 64,
                         state=("clean", "flagged", "failed")[n % 3], check_outcome="flagged",
                         verdict="block", findings=json.dumps([{"check": "phi", "code": "phi.person",
                                                                 "severity": "block", "message": "m"}])))
    for start in range(0, audit_rows, 1000):
        with transaction(services.engine) as s:
            for n in range(start, min(start + 1000, audit_rows)):
                audit.append(s, "U0STAFF", "draft_received", review_id=n, details={"content_hash": "0" * 64})


async def _time(client: ConsoleClient, path: str, runs: int) -> float:
    took = []
    for _ in range(runs):
        t = time.perf_counter()
        status, _ = await client.get(path)
        took.append(time.perf_counter() - t)
        assert status == 200, path
    return statistics.median(took) * 1000


async def main(reviews: int, audit_rows: int, runs: int) -> None:
    t = time.perf_counter()
    stored = hash_password("benchmark-password")
    hash_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    verify_password("benchmark-password", stored)
    verify_ms = (time.perf_counter() - t) * 1000
    print(f"scrypt hash: {hash_ms:.0f} ms, verify: {verify_ms:.0f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        services = build_services(_config(f"sqlite:///{tmp}/bench.db"))
        add_user(services.engine, "officer", "benchmark-password", "officer")
        t = time.perf_counter()
        _seed(services, reviews, audit_rows)
        print(f"seeded {reviews} waiting reviews and {audit_rows} audit rows in {time.perf_counter() - t:.1f} s")
        server = TestServer(build_web_app(services), host="127.0.0.1")
        await server.start_server()
        client = ConsoleClient(str(server.make_url("/")))
        try:
            t = time.perf_counter()
            status, _ = await client.sign_in("officer", "benchmark-password")
            assert status == 200
            print(f"sign-in (form + scrypt + session): {(time.perf_counter() - t) * 1000:.0f} ms")
            print(f"GET /console/review: {await _time(client, '/console/review', runs):.1f} ms (median of {runs})")
            shown = min(reviews, 500)
            print(f"GET /console/queue ({shown} of {reviews} rows shown): "
                  f"{await _time(client, '/console/queue', runs):.1f} ms")
            print(f"GET /console/audit (300 rows shown, whole chain of ~{audit_rows} rows re-verified): "
                  f"{await _time(client, '/console/audit', runs):.1f} ms")
        finally:
            await client.close()
            await server.close()
            services.pipeline.close()
            services.engine.dispose()


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reviews", type=int, default=1000)
    ap.add_argument("--audit", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    asyncio.run(main(a.reviews, a.audit, a.runs))
