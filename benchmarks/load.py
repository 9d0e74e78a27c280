"""Sustained load on a real `clearpost serve`: N signed Slack drafts per second
for a fixed time, against the local fake Slack Web API.

Why: a burst (benchmarks/slack_burst.py) shows the queue drains; this shows the
server keeps up at a steady rate without its acknowledgements, report times or
memory drifting. It prints:

  ack latency        p50 / p99   (HTTP 200 to Slack; target p99 <= 100 ms)
  time-to-report     p50 / p95   (event sent -> chat.postMessage at the fake; target p95 <= 2 s)
  server CPU         average % of one core over the run, from /proc/<pid>/stat
                     (the server and its PHI analysis workers together)
  server RSS         peak and at the end, from /proc/<pid>/status, workers included (target <= 1 GB)
  lost, duplicated   drafts with no report / more than one report (target 0 / 0)

By default it starts `clearpost serve` itself (SQLite in a temp dir, or a
throw-away PostgreSQL database with --database-url). With --url it targets a
server already running on 127.0.0.1; start that server with
SLACK_API_URL=http://127.0.0.1:<--api-port>/api/, the SIGNING_SECRET / BOT_TOKEN
of tests/fakes/slack_api.py and channel C0REVIEW1 under review, and give --pid
for the CPU/RSS figures.

    .venv/bin/python benchmarks/load.py [--rate 20] [--seconds 60] [--database-url postgresql://...]

The machine is shared: figures are noisy. The load generator and the fake
Slack API run in this process and take CPU from the same two cores.
"""
from __future__ import annotations

import argparse
import asyncio
import copy
import os
import random
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
STAFF = ("U0STAFF01", "U0STAFF02", "U0STAFF03")

# Realistic practice posts, 100-400 characters once filled in; about a third carry PHI.
CLEAN = (
    "Mindfulness tip of the week: before you answer an email that upsets you, take three slow breaths and "
    "notice where you feel the tension. Small pauses add up. {tag}",
    "Our group room has a fresh coat of paint and new chairs! Thank you to everyone who helped us choose "
    "the colours. Evening support groups start again next Tuesday at 6 pm. {tag}",
    "Did you know that sleep and mood are closely linked? Keeping a regular bedtime, even on weekends, is "
    "one of the simplest things you can try. Ask your clinician for our free sleep worksheet. {tag}",
    "We are hiring! Harbor Light Counseling is looking for a licensed clinical social worker to join our "
    "team three days a week. Supervision hours available for newer clinicians. Apply through our website. {tag}",
    "Grief does not follow a schedule. If the holidays feel heavy this year, you are not alone, and it is "
    "okay to keep plans small. Our walk-in hours are listed on the website. {tag}",
)
PHI = (
    "So proud of {name} who finished her anxiety treatment with us this month! She gave us permission to "
    "share that she is sleeping through the night again. {tag}",
    "Happy birthday to our longest-standing client {name}, born 03/14/1961, who has been coming to group "
    "every Thursday since 2019. We are so glad you are here. {tag}",
    "Shout-out to {name} for finishing twelve weeks of trauma-focused CBT. Call us at (503) 555-0199 if you "
    "want to hear how the programme works. {tag}",
)
NAMES = ("Jane Doe", "Marcus Ellison", "Priya Natarajan", "Tom O'Brien", "Elena Rossi")


def draft_text(i: int, rng: random.Random) -> tuple[str, bool]:
    phi = i % 3 == 0
    template = rng.choice(PHI if phi else CLEAN)
    text = template.format(name=rng.choice(NAMES), tag=f"#selfcare #{i}")
    assert 100 <= len(text) <= 400, len(text)
    return text, phi


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


# ---- the server process, seen through /proc --------------------------------

def cpu_seconds(pid: int) -> float:
    """utime + stime of the process (its threads included), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_kb(pid: int) -> int:
    """Resident memory of one process (VmRSS), in kB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key == "VmRSS":
            return int(rest.split()[0])
    return 0


def process_tree(pid: int) -> list[int]:
    """The server and its descendants (the PHI analysis workers)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    tree, grew = {pid}, True
    while grew:
        kids = {child for child, parent in parents.items() if parent in tree} - tree
        tree |= kids
        grew = bool(kids)
    return sorted(tree)


class ProcSampler:
    """CPU and RSS of the server and its worker processes every second while the load runs."""

    def __init__(self, pid: int | None):
        self.pid = pid
        self.samples: list[tuple[float, float, int]] = []  # (wall, cpu seconds, rss kb)

    def sample(self) -> None:
        if self.pid is None:
            return
        cpu, rss = 0.0, 0
        for pid in process_tree(self.pid):
            try:
                cpu, rss = cpu + cpu_seconds(pid), rss + rss_kb(pid)
            except (FileNotFoundError, ProcessLookupError):
                continue
        self.samples.append((time.monotonic(), cpu, rss))

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            self.sample()
            try:
                await asyncio.wait_for(stop.wait(), 1.0)
            except asyncio.TimeoutError:
                pass
        self.sample()

    def figures(self) -> dict:
        if len(self.samples) < 2:
            return {}
        (t0, c0, _), (t1, c1, rss_end) = self.samples[0], self.samples[-1]
        peak = max(r for _, _, r in self.samples)
        busiest = max(((b[1] - a[1]) / (b[0] - a[0]) for a, b in zip(self.samples, self.samples[1:])
                       if b[0] > a[0]), default=0.0)
        return {"cpu_avg": 100 * (c1 - c0) / (t1 - t0), "cpu_max": 100 * busiest,
                "rss_peak_mb": peak / 1024, "rss_end_mb": rss_end / 1024}


# ---- starting a server -----------------------------------------------------

@contextmanager
def fresh_postgres(url: str | None):
    """A throw-away PostgreSQL database beside the one named, or None for SQLite."""
    if not url:
        yield None
        return
    with scratch_database(url, "clearpost_load") as scratch:
        yield scratch


def write_config(tmp: Path, database_url: str | None, concurrency: int | None) -> Path:
    profile = copy.deepcopy(yaml.safe_load((ROOT / "config.example.yml").read_text()))
    profile["storage"]["database_url"] = database_url or f"sqlite:///{tmp / 'load.db'}"
    profile["review_channels"] = [{"platform": "slack", "channel": CHANNEL, "default_targets": ["instagram"]}]
    if concurrency:
        profile["server"]["max_concurrent_reviews"] = concurrency
    path = tmp / "config.yml"
    path.write_text(yaml.safe_dump(profile))
    return path


def start_server(api_url: str, database_url: str | None, concurrency: int | None) -> tuple[subprocess.Popen, str]:
    tmp = Path(tempfile.mkdtemp(prefix="clearpost-load-"))
    cfg, port = write_config(tmp, database_url, concurrency), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_", "DATABASE_URL"))}
    env.update(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET, SLACK_API_URL=api_url)
    log = open(tmp / "serve.log", "wb")  # noqa: SIM115 - lives as long as the process
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "--config", str(cfg), "serve", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
    proc.log_path = tmp / "serve.log"  # type: ignore[attr-defined]
    return proc, f"http://127.0.0.1:{port}"


async def wait_healthy(http: aiohttp.ClientSession, base: str, proc: subprocess.Popen | None) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise SystemExit("clearpost serve exited:\n" + proc.log_path.read_text())  # type: ignore[attr-defined]
        try:
            async with http.get(base + "/healthz") as r:
                if r.status == 200:
                    return
        except aiohttp.ClientConnectionError:
            pass
        await asyncio.sleep(0.2)
    raise SystemExit(f"{base}/healthz did not answer within 120 s")


# ---- the load --------------------------------------------------------------

async def send(http: aiohttp.ClientSession, url: str, body: bytes, retry: int | None = None) -> tuple[int, float, float]:
    headers = signed_headers(body, "application/json", retry=retry)
    sent = time.monotonic()
    try:
        async with http.post(url, data=body, headers=headers) as r:
            await r.read()
            return r.status, sent, time.monotonic() - sent
    except aiohttp.ClientError:
        return 0, sent, time.monotonic() - sent


async def run_load(api: FakeSlackApi, base: str, pid: int | None, rate: float, seconds: float,
                   retry_share: float, settle: float) -> dict:
    rng = random.Random(20261123)
    url = base + "/slack/events"
    run = int(time.time())
    total = int(rate * seconds)
    sampler = ProcSampler(pid)
    stop = asyncio.Event()
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as http:
        await wait_healthy(http, base, None)
        # warm-up: bolt's auth.test, the first Presidio call, connection set-up
        warm = event_body({"type": "message", "channel": CHANNEL, "user": STAFF[0],
                           "text": draft_text(1, rng)[0], "ts": f"{run - 1}.999999"}, f"Ev0WARM{run}")
        await send(http, url, warm)
        await api.wait_for("chat.postMessage", timeout=120)
        await asyncio.sleep(0.5)
        api.calls.clear()

        sampling = asyncio.create_task(sampler.run(stop))
        sends: list[asyncio.Task] = []
        meta: list[tuple[str, bool]] = []  # (thread ts, has PHI)
        first_send: dict[int, str] = {}  # index in sends -> the draft's ts (the rest are retries)
        retries = 0
        t0 = time.monotonic()
        for i in range(total):  # open loop: draft i goes out at t0 + i/rate whatever the server does
            delay = t0 + i / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            ts = f"{run}.{i:06d}"
            text, phi = draft_text(i, rng)
            body = event_body({"type": "message", "channel": CHANNEL, "user": STAFF[i % len(STAFF)],
                               "text": text, "ts": ts, "channel_type": "channel"}, f"Ev0LOAD{run}{i:05d}")
            first_send[len(sends)] = ts
            sends.append(asyncio.create_task(send(http, url, body)))
            meta.append((ts, phi))
            if rng.random() < retry_share:  # Slack re-delivering, same event_id, a little later
                retries += 1
                sends.append(asyncio.create_task(_later(0.5, send(http, url, body, retry=1))))
        results = await asyncio.gather(*sends)
        sent_for = time.monotonic() - t0

        deadline = time.monotonic() + settle
        wanted = {ts for ts, _ in meta}
        while time.monotonic() < deadline:
            if wanted <= {c.params.get("thread_ts") for c in api.of("chat.postMessage")}:
                break
            await asyncio.sleep(0.2)
        await asyncio.sleep(1.0)  # let duplicates, if any, show up
        stop.set()
        await sampling

    acks = [r[2] for r in results]
    failed = sum(1 for r in results if r[0] != 200)
    sent_at = {ts: results[k][1] for k, ts in first_send.items()}
    posts: dict[str, list[float]] = {}
    for c in api.of("chat.postMessage"):
        posts.setdefault(c.params.get("thread_ts"), []).append(c.at)
    to_report = [min(posts[ts]) - sent_at[ts] for ts in sent_at if ts in posts]
    return {
        "total": total, "retries": retries, "sent_for": sent_for, "failed_acks": failed,
        "ack_p50": percentile(acks, 50) * 1000, "ack_p99": percentile(acks, 99) * 1000,
        "ack_max": max(acks) * 1000,
        "report_p50": percentile(to_report, 50), "report_p95": percentile(to_report, 95),
        "report_max": max(to_report, default=float("nan")),
        "lost": sum(1 for ts in sent_at if ts not in posts),
        "duplicated": sum(1 for ts in sent_at if len(posts.get(ts, [])) > 1),
        "phi": sum(1 for _, p in meta if p), **sampler.figures(),
    }


async def _later(seconds: float, coro):
    await asyncio.sleep(seconds)
    return await coro


def print_figures(f: dict, rate: float, seconds: float, db: str, concurrency: int | None) -> bool:
    print(f"load: {rate:g} drafts/s for {seconds:g} s = {f['total']} drafts ({f['phi']} with PHI) "
          f"+ {f['retries']} Slack retries, {db}, max_concurrent_reviews={concurrency or 'config default'}")
    print(f"  sent in           {f['sent_for']:.1f} s (acks included)")
    print(f"  acknowledged      {f['total'] + f['retries'] - f['failed_acks']}/{f['total'] + f['retries']} with 200")
    print(f"  ack latency       p50 {f['ack_p50']:.1f} ms   p99 {f['ack_p99']:.1f} ms   max {f['ack_max']:.1f} ms"
          "   (target p99 <= 100 ms)")
    print(f"  time-to-report    p50 {f['report_p50']:.2f} s    p95 {f['report_p95']:.2f} s    "
          f"max {f['report_max']:.2f} s   (target p95 <= 2 s)")
    if "cpu_avg" in f:
        print(f"  server CPU        avg {f['cpu_avg']:.0f}%   busiest second {f['cpu_max']:.0f}%   (100% = one core)")
        print(f"  server RSS        peak {f['rss_peak_mb']:.0f} MB   end {f['rss_end_mb']:.0f} MB   (target <= 1024 MB)")
    else:
        print("  server CPU/RSS    not measured (give --pid with --url)")
    print(f"  lost              {f['lost']}")
    print(f"  duplicated        {f['duplicated']}")
    ok = (f["failed_acks"] == 0 and f["lost"] == 0 and f["duplicated"] == 0 and f["ack_p99"] <= 100
          and f["report_p95"] <= 2.0 and f.get("rss_peak_mb", 0) <= 1024)
    print("  result            " + ("meets the targets" if ok else "MISSES a target"))
    return ok


async def main(args) -> int:
    if args.url:
        if not args.url.startswith(("http://127.0.0.1", "http://localhost")):
            raise SystemExit("--url must be a server on 127.0.0.1")
        api = FakeSlackApi()
        await _start_fake_on(api, args.api_port)
        try:
            f = await run_load(api, args.url.rstrip("/"), args.pid, args.rate, args.seconds, args.retry_share,
                               args.settle)
        finally:
            await api.stop()
        return 0 if print_figures(f, args.rate, args.seconds, "external server", args.concurrency) else 1
    with fresh_postgres(args.database_url) as db:
        api = await FakeSlackApi().start()
        proc, base = start_server(api.url, db, args.concurrency)
        try:
            f = await run_load(api, base, proc.pid, args.rate, args.seconds, args.retry_share, args.settle)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            await api.stop()
    kind = "postgresql" if db else "sqlite"
    return 0 if print_figures(f, args.rate, args.seconds, kind, args.concurrency) else 1


async def _start_fake_on(api: FakeSlackApi, port: int) -> None:
    """The fake on a fixed port, so an already running server can be pointed at it."""
    from aiohttp import web
    app = web.Application()
    app.router.add_post("/api/{method}", api._handle)  # noqa: SLF001 - same handler as FakeSlackApi.start
    api._runner = web.AppRunner(app, access_log=None)  # noqa: SLF001
    await api._runner.setup()  # noqa: SLF001
    await web.TCPSite(api._runner, "127.0.0.1", port).start()  # noqa: SLF001
    api.port = port
    print(f"fake Slack Web API on {api.url}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", type=float, default=20.0, help="drafts per second")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to send")
    parser.add_argument("--retry-share", type=float, default=0.05, help="share of drafts Slack re-delivers")
    parser.add_argument("--settle", type=float, default=60.0, help="seconds to wait for the last reports")
    parser.add_argument("--concurrency", type=int, help="server.max_concurrent_reviews for the started server")
    parser.add_argument("--database-url", help="PostgreSQL URL (default: a temporary SQLite file)")
    parser.add_argument("--url", help="target a running server on 127.0.0.1 instead of starting one")
    parser.add_argument("--api-port", type=int, default=8765, help="with --url: port for the fake Slack API")
    parser.add_argument("--pid", type=int, help="with --url: the server's pid, for CPU and RSS")
    a = parser.parse_args()
    if not (0 < a.rate <= 200 and 0 < a.seconds <= 600):
        raise SystemExit("--rate must be in (0, 200] and --seconds in (0, 600]")
    sys.exit(asyncio.run(main(a)))
