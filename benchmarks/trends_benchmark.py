"""The console's Trends page on a practice's busy quarter: seeds 10,000
reviews over 12 weeks (tests/trends_data.py) into a throwaway SQLite file (or
a scratch PostgreSQL database with --postgres URL) and times, over real HTTP
on 127.0.0.1 with an officer signed in, GET /console/trends (the page with its
four SVG charts) and GET /console/trends.csv. Target: the page in <= 300 ms.

Prints milliseconds per request (median and slowest of several). Figures are
noisy on a shared machine.
Run: .venv/bin/python benchmarks/trends_benchmark.py [--reviews N] [--runs N] [--postgres URL]
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aiohttp.test_utils import TestServer  # noqa: E402

from bot.accounts import add_user  # noqa: E402
from bot.app import build_services  # noqa: E402
from bot.config import Config, Profile, Secrets  # noqa: E402
from bot.db import scratch_database  # noqa: E402
from bot.server import build_web_app  # noqa: E402
from bot.trends import compute  # noqa: E402
from tests.console_client import ConsoleClient  # noqa: E402
from tests.trends_data import seed_reviews  # noqa: E402

TARGET_MS = 300.0


def _config(db: str) -> Config:
    profile = Profile.model_validate({"practice": {"name": "Bench Practice"}, "officers": {"console": ["officer"]},
                                      "checks": {"enabled": ["phi"]}, "reminders": {"enabled": False}})
    return Config(profile=profile, secrets=Secrets(), database_url=db, source="<bench>", sha256="0" * 64)


async def _time(client: ConsoleClient, path: str, runs: int) -> tuple[float, float, int]:
    took, size = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        status, body = await client.get(path)
        took.append((time.perf_counter() - t) * 1000)
        assert status == 200, path
        size = len(body)
    return statistics.median(took), max(took), size


class _NoAnalyzer:
    """The page needs no PHI analysis: skip loading the model."""

    def analyze(self, *a, **kw):  # pragma: no cover - never called
        raise AssertionError


async def main(reviews: int, runs: int, postgres: str | None) -> int:
    with contextlib.ExitStack() as stack:
        if postgres:
            url = stack.enter_context(scratch_database(postgres, "clearpost_bench"))
        else:
            url = f"sqlite:///{stack.enter_context(tempfile.TemporaryDirectory())}/bench.db"
        services = build_services(_config(url), analyzer=_NoAnalyzer())
        add_user(services.engine, "officer", "benchmark-password", "officer")
        t = time.perf_counter()
        seed_reviews(services.engine, reviews)
        print(f"{'postgresql' if postgres else 'sqlite'}: seeded {reviews} reviews over 12 weeks "
              f"in {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        compute(services.engine)
        print(f"compute (query + per-week figures), cold: {(time.perf_counter() - t) * 1000:.0f} ms")
        server = TestServer(build_web_app(services), host="127.0.0.1")
        await server.start_server()
        client = ConsoleClient(str(server.make_url("/")))
        try:
            status, _ = await client.sign_in("officer", "benchmark-password")
            assert status == 200
            median, worst, size = await _time(client, "/console/trends", runs)
            verdict = "within" if median <= TARGET_MS else "OVER"
            print(f"GET /console/trends: {median:.0f} ms median, {worst:.0f} ms slowest of {runs} "
                  f"({size // 1024} KiB; {verdict} the {TARGET_MS:.0f} ms target)")
            median, worst, size = await _time(client, "/console/trends.csv", runs)
            print(f"GET /console/trends.csv: {median:.0f} ms median, {worst:.0f} ms slowest ({size} bytes)")
            median, worst, _ = await _time(client, "/console/trends?weeks=52", runs)
            print(f"GET /console/trends?weeks=52: {median:.0f} ms median, {worst:.0f} ms slowest")
        finally:
            await client.close()
            await server.close()
            services.pipeline.close()
            services.engine.dispose()
    return 0


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reviews", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--postgres", help="a PostgreSQL URL: benchmark on a scratch database beside it")
    a = ap.parse_args()
    sys.exit(asyncio.run(main(a.reviews, a.runs, a.postgres)))
