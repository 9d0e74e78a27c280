"""A burst of signed Slack drafts against a real `clearpost serve` process.

Starts a local fake Slack Web API, runs `clearpost serve` as a subprocess
pointed at it, fires N drafts at once (half with PHI), then re-sends some of
them as Slack retries (same event_id). Prints the p99 acknowledgement latency,
the p95 time from sending an event to its report being posted, and how many
drafts got no report (lost) or more than one (duplicated).

Targets: p99 ack <= 100 ms, report p95 <= 1.5 s, 0 lost, 0 duplicated.

    .venv/bin/python benchmarks/slack_burst.py [--drafts 50] [--database-url postgresql://...]

Figures depend on the machine and on whatever else runs on it.
"""
from __future__ import annotations

import argparse
import asyncio
import copy
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import aiohttp
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.db import scratch_database  # noqa: E402
from tests.fakes.slack_api import (BOT_TOKEN, SIGNING_SECRET, FakeSlackApi,  # noqa: E402
                                   event_body, signed_headers)

CHANNEL = "C0REVIEW1"
TEXTS = (
    "So proud of Jane Doe who finished her anxiety treatment with us this month! #{n}",
    "Mindfulness tip {n}: take three slow breaths before you answer an email.",
)


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_config(tmp: Path, database_url: str | None, analysis_processes: int) -> Path:
    profile = yaml.safe_load((ROOT / "config.example.yml").read_text())
    profile = copy.deepcopy(profile)
    profile["storage"]["database_url"] = database_url or f"sqlite:///{tmp / 'burst.db'}"
    profile["server"]["analysis_processes"] = analysis_processes
    profile["review_channels"] = [{"platform": "slack", "channel": CHANNEL, "default_targets": ["instagram"]}]
    path = tmp / "config.yml"
    path.write_text(yaml.safe_dump(profile))
    return path


async def wait_healthy(http: aiohttp.ClientSession, base: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("clearpost serve exited:\n" + proc.stderr.read().decode())
        try:
            async with http.get(base + "/healthz") as r:
                if r.status == 200:
                    return
        except aiohttp.ClientConnectionError:
            pass
        await asyncio.sleep(0.2)
    raise SystemExit("clearpost serve did not come up")


async def send(http, url: str, body: bytes, retry: int | None = None) -> tuple[int, float, float]:
    headers = signed_headers(body, "application/json", retry=retry)
    sent = time.monotonic()
    async with http.post(url, data=body, headers=headers) as r:
        await r.read()
        return r.status, sent, time.monotonic() - sent


@contextmanager
def fresh_postgres(url: str | None):
    """A throw-away PostgreSQL database beside the one named, or None for SQLite."""
    if not url:
        yield None
        return
    with scratch_database(url, "clearpost_burst") as scratch:
        yield scratch


async def main(n: int, database_url: str | None, retries: int, analysis_processes: int) -> int:
    with fresh_postgres(database_url) as db:
        return await burst(n, db, retries, analysis_processes)


async def burst(n: int, database_url: str | None, retries: int, analysis_processes: int) -> int:
    api = await FakeSlackApi().start()
    tmp = Path(tempfile.mkdtemp(prefix="clearpost-burst-"))
    cfg, port = write_config(tmp, database_url, analysis_processes), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL"))}
    env.update(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET, SLACK_API_URL=api.url)
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "--config", str(cfg), "serve", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(connector=connector) as http:
            await wait_healthy(http, base, proc)
            # one warm-up draft: bolt's auth.test, the first Presidio call, connection set-up
            warm = event_body({"type": "message", "channel": CHANNEL, "user": "U0STAFF01",
                               "text": TEXTS[1].format(n="warm-up"), "ts": "1700000000.000000"}, "Ev0WARM")
            await send(http, base + "/slack/events", warm)
            await api.wait_for("chat.postMessage", timeout=60)
            api.calls.clear()

            bodies, run = [], int(time.time())
            for i in range(n):
                ts = f"{run}.{i:06d}"
                event = {"type": "message", "channel": CHANNEL, "user": "U0STAFF01",
                         "text": TEXTS[i % 2].format(n=i), "ts": ts}
                bodies.append((ts, event_body(event, f"Ev0BURST{run}{i:04d}")))
            results = await asyncio.gather(*(send(http, base + "/slack/events", b) for _, b in bodies))
            sent_at = {ts: r[1] for (ts, _), r in zip(bodies, results)}
            acks = [r[2] for r in results]
            failed_acks = sum(1 for r in results if r[0] != 200)
            # Slack re-delivers events it thinks were not acknowledged in time, with the same event_id
            retry_results = await asyncio.gather(*(send(http, base + "/slack/events", b, retry=1)
                                                   for _, b in bodies[:retries]))
            failed_acks += sum(1 for r in retry_results if r[0] != 200)

            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                threads = {c.params.get("thread_ts") for c in api.of("chat.postMessage")}
                if all(ts in threads for ts in sent_at):
                    break
                await asyncio.sleep(0.1)
            await asyncio.sleep(1.0)  # give duplicates, if any, time to show up
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        await api.stop()

    posts: dict[str, list[float]] = {}
    for c in api.of("chat.postMessage"):
        posts.setdefault(c.params.get("thread_ts"), []).append(c.at)
    latencies = [min(posts[ts]) - sent_at[ts] for ts in sent_at if ts in posts]
    lost = sum(1 for ts in sent_at if ts not in posts)
    duplicated = sum(1 for ts in sent_at if len(posts.get(ts, [])) > 1)
    ack_p99, report_p95 = percentile(acks, 99) * 1000, percentile(latencies, 95)
    db = "postgresql" if database_url else "sqlite"
    print(f"slack burst: {n} drafts at once (+{retries} retries), {db}, max_concurrent_reviews=4, "
          f"analysis_processes={analysis_processes}")
    print(f"  acknowledged      {n + retries - failed_acks}/{n + retries}")
    print(f"  ack latency       p50 {percentile(acks, 50) * 1000:.1f} ms   p99 {ack_p99:.1f} ms   (target <= 100 ms)")
    print(f"  event -> report   p50 {percentile(latencies, 50):.2f} s    p95 {report_p95:.2f} s    "
          f"max {max(latencies, default=float('nan')):.2f} s   (target p95 <= 1.5 s)")
    print(f"  lost              {lost}")
    print(f"  duplicated        {duplicated}")
    ok = failed_acks == 0 and lost == 0 and duplicated == 0 and ack_p99 <= 100 and report_p95 <= 1.5
    print("  result            " + ("meets the targets" if ok else "MISSES a target"))
    return 0 if ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--drafts", type=int, default=50)
    parser.add_argument("--retries", type=int, default=10, help="how many of the drafts Slack re-sends")
    parser.add_argument("--database-url", help="PostgreSQL URL (default: a temporary SQLite file)")
    parser.add_argument("--analysis-processes", type=int, default=1,
                        help="server.analysis_processes (0: the PHI analysis in the server's own process)")
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.drafts, args.database_url, args.retries, args.analysis_processes)))
