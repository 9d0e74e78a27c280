"""Faults the bot must survive without losing or doubling a draft: the
database going away (Slack gets a 5xx and retries; nothing is acknowledged
that was not stored), the Slack Web API answering 429 / 500 (retried with
backoff, the report still posted once), and a graceful shutdown (reviews in
flight finish before the process exits). Real HTTP on 127.0.0.1, real
databases, real Presidio, the fake Slack Web API."""
from __future__ import annotations

import asyncio
import copy
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import aiohttp
import pytest
import yaml
from sqlmodel import select

from bot.app import build_services
from bot.db import make_engine, transaction
from bot.models import ProcessedEvent, Review
from bot.states import State
from tests.conftest import EXAMPLE_PROFILE, ROOT, make_config
from tests.fakes.slack_api import (BOT_TOKEN, SIGNING_SECRET, TEAM_ID, BotServer, FakeSlackApi, event_body,
                                   signed_headers)

CHANNEL = "C0REVIEW1"
STAFF = "U0STAFF01"
PHI_TEXT = "So proud of Jane Doe who finished her anxiety treatment with us this month!"
CLEAN_TEXT = "Mindfulness tip: take three slow breaths before you answer an email."


@pytest.fixture(autouse=True)
def _no_slack_env(monkeypatch):
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_CLIENT_ID",
                 "SLACK_CLIENT_SECRET", "SLACK_API_URL"):
        monkeypatch.delenv(name, raising=False)


def slack_config(db_url: str, api_url: str):
    return make_config(db_url, secrets={"slack_bot_token": BOT_TOKEN, "slack_signing_secret": SIGNING_SECRET,
                                        "slack_api_url": api_url},
                       review_channels=[{"platform": "slack", "channel": CHANNEL, "default_targets": ["instagram"]}])


def draft_event(ts: str, text: str = PHI_TEXT) -> dict:
    return {"type": "message", "channel": CHANNEL, "user": STAFF, "text": text, "ts": ts, "channel_type": "channel"}


async def deliver(http: aiohttp.ClientSession, base: str, body: bytes, retry: int | None = None) -> int:
    async with http.post(base + "/slack/events", data=body,
                         headers=signed_headers(body, "application/json", retry=retry)) as r:
        await r.read()
        return r.status


def stored(engine, ts: str) -> tuple[list[Review], list[ProcessedEvent]]:
    with transaction(engine) as s:
        reviews = list(s.exec(select(Review).where(Review.message_id == ts)))
        events = list(s.exec(select(ProcessedEvent)))
    return reviews, events


def reports_for(api: FakeSlackApi, ts: str) -> list:
    return [c for c in api.of("chat.postMessage") if c.params.get("thread_ts") == ts and c.result.get("ok")]


# ---- a database that goes away ---------------------------------------------

class TcpProxy:
    """127.0.0.1:port -> PostgreSQL. Stopping it refuses new connections and
    cuts the open ones: to the bot, the database is unreachable. It runs its
    own event loop in a thread, because the bot's database calls block."""

    def __init__(self, target_port: int):
        self.target_port = target_port
        self.port: int | None = None
        self._server: asyncio.base_events.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()

    async def _in_thread(self, coro):
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, self._loop))

    async def start(self) -> "TcpProxy":
        await self._in_thread(self._start())
        return self

    async def stop(self) -> None:
        await self._in_thread(self._stop())

    def close(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)

    async def _start(self) -> None:
        self._server = await asyncio.start_server(self._connect, "127.0.0.1", self.port or 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _stop(self) -> None:
        self._server.close()
        for w in list(self._writers):
            w.transport.abort()
        self._writers.clear()
        await self._server.wait_closed()

    async def _connect(self, reader, writer) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.close()
            return
        self._writers.update((writer, up_writer))

        async def pipe(src, dst):
            try:
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            except (ConnectionError, asyncio.CancelledError):
                pass
            finally:
                dst.transport.abort()
                self._writers.discard(dst)

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))


class SqliteOutage:
    """The SQLite file's directory vanishes (a volume unmounted) and the
    pooled connections are gone; back() puts it where it was."""

    def __init__(self, path: Path, engine):
        self.dir, self.engine = path.parent, engine
        self.away = self.dir.with_name(self.dir.name + "-away")

    async def stop(self) -> None:
        self.engine.dispose()
        self.dir.rename(self.away)

    async def start(self) -> None:
        self.away.rename(self.dir)


@pytest.fixture
async def outage_setup(db_url, analyzer, tmp_path):
    """(services, outage) where outage.stop() makes the database unreachable and outage.start() restores it."""
    api = await FakeSlackApi().start()
    if db_url.startswith("sqlite"):
        path = tmp_path / "db" / "clearpost.db"
        path.parent.mkdir()
        services = build_services(slack_config(f"sqlite:///{path}", api.url), analyzer=analyzer)
        outage = SqliteOutage(path, services.engine)
    else:
        host_port = db_url.split("@", 1)[1].split("/", 1)[0]
        proxy = await TcpProxy(int(host_port.rsplit(":", 1)[1]) if ":" in host_port else 5432).start()
        services = build_services(slack_config(db_url.replace(host_port, f"127.0.0.1:{proxy.port}"), api.url),
                                  analyzer=analyzer)
        outage = proxy
    server = await BotServer(services).start()
    yield api, server, services, outage
    await server.stop()
    if isinstance(outage, TcpProxy):
        await outage.stop()
        outage.close()
    services.pipeline.close()
    services.engine.dispose()
    await api.stop()


async def test_when_the_database_is_unreachable_then_slack_gets_a_5xx_and_its_retry_is_reviewed_once(outage_setup):
    api, server, services, outage = outage_setup
    async with aiohttp.ClientSession() as http:
        warm = event_body(draft_event("1700000500.000001", CLEAN_TEXT), "Ev0WARM")
        assert await deliver(http, server.url, warm) == 200
        await api.wait_for("chat.postMessage", timeout=60)

        ts = "1700000500.000002"
        body = event_body(draft_event(ts), "Ev0OUTAGE")
        await outage.stop()
        try:
            statuses = [await deliver(http, server.url, body), await deliver(http, server.url, body, retry=1)]
        finally:
            await outage.start()
        assert all(500 <= s < 600 for s in statuses), statuses
        reviews, events = stored(services.engine, ts)
        assert reviews == [], "nothing was stored while the database was down"
        assert "slack:Ev0OUTAGE" not in {e.event_id for e in events}, "the dedupe must not swallow the retry"
        assert reports_for(api, ts) == []

        # Slack's next retry arrives once the database is back
        assert await deliver(http, server.url, body, retry=2) == 200
        await api.wait_for("chat.postMessage", where=lambda c: c.params.get("thread_ts") == ts, timeout=60)
        assert await deliver(http, server.url, body, retry=3) == 200  # a late duplicate changes nothing
        await asyncio.sleep(1.0)
    assert len(reports_for(api, ts)) == 1
    reviews, events = stored(services.engine, ts)
    assert len(reviews) == 1 and reviews[0].state == State.FLAGGED.value
    assert [e.event_id for e in events].count("slack:Ev0OUTAGE") == 1


# ---- the Slack Web API misbehaving --------------------------------------------

@pytest.mark.parametrize("fault", ["rate_limited", "server_errors"])
async def test_when_the_slack_api_answers_429_or_500_then_the_report_is_posted_once_after_backoff(db_url, analyzer,
                                                                                                 fault):
    api = await FakeSlackApi().start()
    services = build_services(slack_config(db_url, api.url), analyzer=analyzer)
    server = await BotServer(services).start()
    try:
        async with aiohttp.ClientSession() as http:
            warm = event_body(draft_event("1700000600.000001", CLEAN_TEXT), "Ev0WARM")
            assert await deliver(http, server.url, warm) == 200
            await api.wait_for("chat.postMessage", timeout=60)
            getattr(api, fault)["chat.postMessage"] = 2
            ts = "1700000600.000002"
            assert await deliver(http, server.url, event_body(draft_event(ts), "Ev0FAULT")) == 200
            await api.wait_for("chat.postMessage", where=lambda c: c.params.get("thread_ts") == ts
                               and c.result.get("ok"), timeout=60)
        attempts = [c for c in api.of("chat.postMessage") if c.params.get("thread_ts") == ts]
        assert [c.result.get("ok") for c in attempts] == [False, False, True]
        gaps = [b.at - a.at for a, b in zip(attempts, attempts[1:])]
        assert all(g >= 0.4 for g in gaps), f"retried without backing off: {gaps}"
        review_id = stored(services.engine, ts)[0][0].id
        for _ in range(100):  # the report's id is stored just after the post returns
            view = services.reviews.get_by_id(review_id)
            if view.report_message_id:
                break
            await asyncio.sleep(0.05)
        assert view.report_message_id == attempts[-1].result["ts"]
    finally:
        await server.stop()
        services.pipeline.close()
        services.engine.dispose()
        await api.stop()


# ---- `clearpost serve` as a process -------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_config(path: Path, database_url: str) -> Path:
    profile = copy.deepcopy(EXAMPLE_PROFILE)
    profile["storage"]["database_url"] = database_url
    profile["review_channels"] = [{"platform": "slack", "channel": CHANNEL, "default_targets": ["instagram"]}]
    path.write_text(yaml.safe_dump(profile))
    return path


def start_serve(config: Path, api_url: str, port: int, log: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_", "DATABASE_URL"))}
    env.update(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET, SLACK_API_URL=api_url)
    with open(log, "ab") as out:
        return subprocess.Popen([sys.executable, "-m", "bot.cli", "-v", "--config", str(config), "serve",
                                 "--port", str(port)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=out)


async def wait_healthy(http: aiohttp.ClientSession, base: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 90
    while True:
        assert proc.poll() is None, log.read_text()
        try:
            async with http.get(base + "/healthz") as r:
                if r.status == 200:
                    return
        except aiohttp.ClientConnectionError:
            pass
        assert time.monotonic() < deadline, "serve did not come up"
        await asyncio.sleep(0.2)


def stop_process(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.wait(timeout=30)


LONG_PHI = " ".join([PHI_TEXT, "Her mother Mary Smith called us at (503) 555-0199 to say thank you."] * 25)


async def test_when_serve_gets_sigterm_then_reviews_in_flight_finish_before_it_exits(tmp_path):
    api = await FakeSlackApi().start()
    db = tmp_path / "serve.db"
    cfg, port, log = write_config(tmp_path / "config.yml", f"sqlite:///{db}"), free_port(), tmp_path / "serve.log"
    proc = start_serve(cfg, api.url, port, log)
    base = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession() as http:
            await wait_healthy(http, base, proc, log)
            assert await deliver(http, base, event_body(draft_event("1700000700.000000", CLEAN_TEXT), "Ev0W")) == 200
            await api.wait_for("chat.postMessage", timeout=60)
            tss = [f"1700000700.{i:06d}" for i in range(1, 13)]
            statuses = await asyncio.gather(*(deliver(http, base, event_body(draft_event(ts, LONG_PHI), f"Ev0T{i}"))
                                             for i, ts in enumerate(tss)))
            assert statuses == [200] * len(tss)
            proc.send_signal(signal.SIGTERM)  # 12 acknowledged, most still queued or being checked
            reported_at_sigterm = sum(1 for ts in tss if reports_for(api, ts))
            started = time.monotonic()
            returncode = await asyncio.to_thread(proc.wait, 60)
            took = time.monotonic() - started
    finally:
        stop_process(proc)
        await api.stop()
    assert returncode == 0, log.read_text()
    assert reported_at_sigterm < len(tss), "the test needs reviews still in flight at SIGTERM"
    engine = make_engine(f"sqlite:///{db}")
    try:
        with transaction(engine) as s:
            states = {r.message_id: (r.state, r.report_message_id) for r in s.exec(select(Review))}
    finally:
        engine.dispose()
    for ts in tss:
        state, report = states[ts]
        assert state == State.FLAGGED.value and report, (ts, state, report, log.read_text())
        assert len(reports_for(api, ts)) == 1
    assert took < 20 + 10, "the drain is bounded by server.drain_seconds (20 s)"
    assert "Jane Doe" not in log.read_text()


async def test_when_a_draft_is_stored_and_the_process_dies_then_a_restart_reviews_it(tmp_path):
    """Process level: SIGKILL after the acknowledgement (the draft is stored in
    ``checking``, its lease may be held by the dead process); a new process
    finishes it once the lease has lapsed. The lease is shortened here by
    clearing it, as 60 s pass."""
    api = await FakeSlackApi().start()
    db = tmp_path / "serve.db"
    cfg, log = write_config(tmp_path / "config.yml", f"sqlite:///{db}"), tmp_path / "serve.log"
    port = free_port()
    proc = start_serve(cfg, api.url, port, log)
    base = f"http://127.0.0.1:{port}"
    ts = "1700000800.000001"
    try:
        async with aiohttp.ClientSession() as http:
            await wait_healthy(http, base, proc, log)
            status = await deliver(http, base, event_body(draft_event(ts, LONG_PHI * 4), "Ev0KILL"))
            proc.kill()  # at once: the review of a long draft has barely started
            proc.wait(timeout=30)
            assert status == 200
            engine = make_engine(f"sqlite:///{db}")
            try:
                with transaction(engine) as s:
                    row = s.exec(select(Review).where(Review.message_id == ts)).one()
                    killed_in = row.state
                    row.lease_until = None  # as if LEASE had passed
                    s.add(row)
            finally:
                engine.dispose()
            before = len(reports_for(api, ts))
            port = free_port()
            proc = start_serve(cfg, api.url, port, log)
            await wait_healthy(http, f"http://127.0.0.1:{port}", proc, log)
            await api.wait_for("chat.postMessage", where=lambda c: c.params.get("thread_ts") == ts, timeout=90)
    finally:
        stop_process(proc)
        await api.stop()
    assert killed_in == State.CHECKING.value and before == 0, "the process died before the review was done"
    assert len(reports_for(api, ts)) == 1


async def test_when_a_replica_died_between_storing_a_result_and_posting_it_then_one_report_is_posted(db_url, analyzer):
    """The review was checked and stored, the process died before chat.postMessage: two replicas start,
    both sweep, exactly one posts the missing report."""
    from datetime import timedelta

    from bot.domain import Draft
    from bot.models import utcnow
    from adapters.slack.translate import message_ref

    api = await FakeSlackApi().start()
    dead = build_services(slack_config(db_url, api.url), analyzer=analyzer)  # no publisher: it never posts
    ts = "1700001000.000001"
    review_id = dead.reviews.submit(Draft(text=PHI_TEXT, author=STAFF, ref=message_ref(TEAM_ID, CHANNEL, ts),
                                          platforms=("instagram",)), "Ev0DEAD")
    await dead.reviews.check(review_id)
    with transaction(dead.engine) as s:
        row = s.get(Review, review_id)
        assert row.state == State.FLAGGED.value and row.report_message_id is None
        row.updated_at = utcnow() - timedelta(minutes=5)
        s.add(row)
    dead.pipeline.close()
    dead.engine.dispose()

    replicas = [build_services(slack_config(db_url, api.url), analyzer=analyzer) for _ in range(2)]
    servers = await asyncio.gather(*(BotServer(r).start() for r in replicas))
    try:
        await api.wait_for("chat.postMessage", where=lambda c: c.params.get("thread_ts") == ts, timeout=30)
        await asyncio.sleep(1.0)
        assert len(reports_for(api, ts)) == 1
        view = replicas[0].reviews.get_by_id(review_id)
        for _ in range(100):
            if view.report_message_id:
                break
            await asyncio.sleep(0.05)
            view = replicas[0].reviews.get_by_id(review_id)
        assert view.report_message_id == reports_for(api, ts)[0].result["ts"]
        assert await replicas[1].reviews.resume_pending() == [], "a posted report is not posted again"
    finally:
        for server, r in zip(servers, replicas):
            await server.stop()
            r.pipeline.close()
            r.engine.dispose()
        await api.stop()
