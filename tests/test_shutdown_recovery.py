"""Nothing acknowledged is left behind (issue 17): a SIGTERM in the middle of
a burst reports every acknowledged draft before the process exits; a SIGKILL
of the server and its analysis workers is recovered by a restart without
waiting out the dead process's leases; no report is posted twice, even when
one was posted just before a crash or its answer was lost; the Slack Web API
answering 429s, text/plain 5xx, non-JSON bodies or dropping connections never
crashes a task nor spends one kind of retry budget on another. Real
`clearpost serve` processes, real HTTP on 127.0.0.1, the fake Slack Web API."""
from __future__ import annotations

import asyncio
import copy
import os
import random
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import aiohttp
import pytest
import yaml
from sqlmodel import select

import tests.test_faults as faults
from bot.app import build_services
from bot.db import make_engine, transaction
from bot.models import LeaseHolder, Review
from bot.states import State
from tests.conftest import EXAMPLE_PROFILE, ROOT, make_config
from tests.fakes.slack_api import BOT_TOKEN, SIGNING_SECRET, BotServer, FakeSlackApi, event_body

CHANNEL = faults.CHANNEL
TEXTS = (faults.PHI_TEXT, faults.CLEAN_TEXT,
         "Thank you Maria Lopez (DOB 04/12/1988) for trusting us with your recovery!")


@pytest.fixture(autouse=True)
def _no_slack_env(monkeypatch):
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_CLIENT_ID",
                 "SLACK_CLIENT_SECRET", "SLACK_API_URL"):
        monkeypatch.delenv(name, raising=False)


def serve_config(path: Path, database_url: str, **server) -> Path:
    profile = copy.deepcopy(EXAMPLE_PROFILE)
    profile["storage"]["database_url"] = database_url
    profile["review_channels"] = [{"platform": "slack", "channel": CHANNEL, "default_targets": ["instagram"]}]
    profile["server"].update(server)
    path.write_text(yaml.safe_dump(profile))
    return path


def start_serve(config: Path, api_url: str, port: int, log: Path) -> subprocess.Popen:
    """In a session of its own, so the server and its analysis workers can be killed together."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_", "DATABASE_URL"))}
    env.update(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET, SLACK_API_URL=api_url)
    with open(log, "ab") as out:
        return subprocess.Popen([sys.executable, "-m", "bot.cli", "-v", "--config", str(config), "serve",
                                 "--port", str(port)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=out,
                                start_new_session=True)


def kill_all(proc: subprocess.Popen) -> None:
    """SIGKILL the server and every analysis worker at once: nothing runs any clean-up."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=30)


async def send(http: aiohttp.ClientSession, base: str, ts: str, event_id: str, text: str) -> int | None:
    """The status the bot answered, or None when the connection was refused or dropped (not acknowledged)."""
    try:
        return await faults.deliver(http, base, event_body(faults.draft_event(ts, text), event_id))
    except aiohttp.ClientError:
        return None


def rows(db: Path) -> dict[str, Review]:
    engine = make_engine(f"sqlite:///{db}")
    try:
        with transaction(engine) as s:
            return {r.message_id: r for r in s.exec(select(Review))}
    finally:
        engine.dispose()


async def until_shutting_down(http: aiohttp.ClientSession, base: str) -> None:
    """Wait until the server has taken the SIGTERM in (health check refused or 503): the signal is
    handled on the server's next turn of its loop, and a request sent before that is rightly taken."""
    deadline = asyncio.get_running_loop().time() + 30
    while asyncio.get_running_loop().time() < deadline:
        try:
            async with http.get(base + "/healthz") as r:
                if r.status != 200:
                    return
        except aiohttp.ClientError:
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the server never began shutting down after SIGTERM")


def report_counts(api: FakeSlackApi) -> Counter:
    return Counter(c.params.get("thread_ts") for c in api.of("chat.postMessage") if c.result.get("ok"))


async def test_when_serve_gets_sigterm_during_a_burst_then_every_acknowledged_draft_is_reported_once(tmp_path):
    api = await FakeSlackApi().start()
    db = tmp_path / "serve.db"
    cfg = serve_config(tmp_path / "config.yml", f"sqlite:///{db}", drain_seconds=60)
    port, log = faults.free_port(), tmp_path / "serve.log"
    proc = start_serve(cfg, api.url, port, log)
    base = f"http://127.0.0.1:{port}"
    tss = [f"1700002000.{i:06d}" for i in range(1, 41)]
    try:
        async with aiohttp.ClientSession() as http:
            await faults.wait_healthy(http, base, proc, log)
            sends = {asyncio.ensure_future(send(http, base, ts, f"Ev1T{i}", TEXTS[i % 3])): ts
                     for i, ts in enumerate(tss)}
            statuses: dict[str, int | None] = {}
            for done in asyncio.as_completed(list(sends)):
                status = await done
                if not statuses:
                    proc.send_signal(signal.SIGTERM)  # at the first acknowledgement
                statuses[len(statuses)] = status
            statuses = {sends[t]: t.result() for t in sends}
            await until_shutting_down(http, base)
            late = await send(http, base, "1700002000.999999", "Ev1LATE", faults.CLEAN_TEXT)
            reported_at_exit = None
            returncode = await asyncio.to_thread(proc.wait, 90)
            reported_at_exit = report_counts(api)
    finally:
        if proc.poll() is None:
            kill_all(proc)
        await api.stop()
    text = log.read_text()
    assert returncode == 0, text
    acknowledged = [ts for ts, status in statuses.items() if status == 200]
    assert acknowledged, "the burst must be acknowledged at least in part"
    assert set(statuses.values()) <= {200, 503, None}, statuses
    assert late in (503, None), "a draft arriving once shutdown began is refused, so Slack retries it elsewhere"
    stored = rows(db)
    for ts in acknowledged:
        row = stored[ts]
        assert reported_at_exit[ts] == 1, (ts, row.state, text[-3000:])
        assert row.report_message_id and row.state != State.CHECKING.value
        assert row.lease_owner is None
    assert "Errno 9" not in text and "Traceback" not in text, text[-3000:]
    assert "Jane Doe" not in text and "Maria Lopez" not in text


async def test_when_serve_and_its_workers_are_killed_then_a_restart_reports_every_draft_once(tmp_path):
    """The leases are 10 minutes long here: a restart that waited them out would report nothing in time."""
    api = await FakeSlackApi().start()
    db = tmp_path / "serve.db"
    cfg = serve_config(tmp_path / "config.yml", f"sqlite:///{db}", lease_seconds=600, sweep_seconds=1)
    log = tmp_path / "serve.log"
    port = faults.free_port()
    proc = start_serve(cfg, api.url, port, log)
    base = f"http://127.0.0.1:{port}"
    tss = [f"1700003000.{i:06d}" for i in range(1, 21)]
    try:
        async with aiohttp.ClientSession() as http:
            await faults.wait_healthy(http, base, proc, log)
            statuses = await asyncio.gather(*(send(http, base, ts, f"Ev2K{i}", faults.LONG_PHI)
                                              for i, ts in enumerate(tss)))
            assert statuses == [200] * len(tss)
            kill_all(proc)  # reviews queued, being checked, and some perhaps posted
            before = report_counts(api)
            stored = rows(db)
            assert len(stored) == len(tss)
            assert any(r.lease_owner for r in stored.values()) or len(before) < len(tss), \
                "the test needs work in flight at the kill"
            port = faults.free_port()
            proc = start_serve(cfg, api.url, port, log)
            await faults.wait_healthy(http, f"http://127.0.0.1:{port}", proc, log)
            await api.wait_for("chat.postMessage", count=len(tss), timeout=120,
                               where=lambda c: c.params.get("thread_ts") in tss and c.result.get("ok"))
            await asyncio.sleep(2.0)  # three sweeps: a second report would have been posted by now
            proc.send_signal(signal.SIGTERM)
            assert await asyncio.to_thread(proc.wait, 60) == 0
    finally:
        if proc.poll() is None:
            kill_all(proc)
        await api.stop()
    counts = report_counts(api)
    assert all(counts[ts] == 1 for ts in tss), counts
    stored = rows(db)
    assert all(stored[ts].report_message_id and stored[ts].lease_owner is None for ts in tss)


# ---- in one process: the holder of a lease, a report nobody recorded -------------

def slack_config(db_url: str, api_url: str, **server):
    profile_server = {**EXAMPLE_PROFILE["server"], **server}
    return make_config(db_url, secrets={"slack_bot_token": BOT_TOKEN, "slack_signing_secret": SIGNING_SECRET,
                                        "slack_api_url": api_url},
                       review_channels=[{"platform": "slack", "channel": CHANNEL, "default_targets": ["instagram"]}],
                       server=profile_server)


async def test_when_a_report_was_posted_but_never_recorded_then_it_is_adopted_not_posted_again(db_url, analyzer):
    """The process posted the report and died before storing its ts, holding the lease."""
    from adapters.slack.bot import SlackBot
    from adapters.slack.settings import slack_settings
    from adapters.slack.translate import message_ref
    from bot.domain import Draft
    from bot.leases import HOST
    from bot.models import utcnow
    from datetime import timedelta

    api = await FakeSlackApi().start()
    dead = build_services(slack_config(db_url, api.url), analyzer=analyzer)
    ts = "1700004000.000001"
    review_id = dead.reviews.submit(Draft(text=faults.PHI_TEXT, author=faults.STAFF,
                                          ref=message_ref(faults.TEAM_ID, CHANNEL, ts), platforms=("instagram",)),
                                    "Ev3DEAD")
    await dead.reviews.check(review_id)  # no publisher registered: checked, not reported
    bot = SlackBot(dead, slack_settings(dead.config.secrets))
    posted = await bot.publisher.publish(dead.reviews.get_by_id(review_id))  # posted; the ts never stored
    with transaction(dead.engine) as s:  # and it died holding the lease, on this host, as a process now gone
        s.add(LeaseHolder(id="gone", host=HOST, pid=2 ** 22 + 17, pid_started="1",
                          started_at=utcnow(), heartbeat_at=utcnow()))
        row = s.get(Review, review_id)
        row.lease_owner, row.lease_until = "gone", utcnow() + timedelta(hours=1)
        s.add(row)
    await bot.client.session.close() if bot.client.session else None
    dead.pipeline.close()
    dead.engine.dispose()

    replica = build_services(slack_config(db_url, api.url, sweep_seconds=0.2), analyzer=analyzer)
    server = await BotServer(replica).start()
    try:
        for _ in range(200):
            view = replica.reviews.get_by_id(review_id)
            if view.report_message_id:
                break
            await asyncio.sleep(0.05)
        assert view.report_message_id == posted
        await asyncio.sleep(0.5)
    finally:
        await server.stop()
        replica.pipeline.close()
        replica.engine.dispose()
        await api.stop()
    assert report_counts(api)[ts] == 1
    assert api.of("conversations.replies"), "the thread was read back before deciding"


@pytest.mark.parametrize("faults_set", [
    {"rate_limited": 2, "server_errors": 2},  # separate budgets: neither exhausts the other
    {"lost_answers": 2},  # posted, but the answer was a text/plain 502: adopted, not posted again
])
async def test_when_the_slack_api_mixes_429s_5xx_and_lost_answers_then_one_report_is_posted(db_url, analyzer,
                                                                                           faults_set, caplog):
    api = await FakeSlackApi().start()
    services = build_services(slack_config(db_url, api.url), analyzer=analyzer)
    server = await BotServer(services).start()
    ts = "1700005000.000001"
    try:
        async with aiohttp.ClientSession() as http:
            for kind, n in faults_set.items():
                getattr(api, kind)["chat.postMessage"] = n
            assert await send(http, server.url, ts, "Ev4MIX", faults.PHI_TEXT) == 200
            review_id = None
            for _ in range(400):
                row = rows_in(services, ts)
                if row is not None and row.report_message_id:
                    review_id = row.id
                    break
                await asyncio.sleep(0.05)
            assert review_id is not None, caplog.text[-3000:]
            await asyncio.sleep(0.5)
    finally:
        await server.stop()
        services.pipeline.close()
        services.engine.dispose()
        await api.stop()
    assert report_counts(api)[ts] == 1
    assert row.report_message_id == [c for c in api.of("chat.postMessage") if c.result.get("ok")][0].result["ts"]
    assert "AttributeError" not in caplog.text and "never retrieved" not in caplog.text


def rows_in(services, ts: str) -> Review | None:
    with transaction(services.engine) as s:
        return s.exec(select(Review).where(Review.message_id == ts)).first()


async def test_when_the_slack_api_fails_at_random_then_every_draft_is_reported_exactly_once(db_url, analyzer):
    """A fault-injection run: 429s, 5xx before acting, non-JSON answers after acting and dropped connections."""
    api = await FakeSlackApi().start()
    services = build_services(slack_config(db_url, api.url, sweep_seconds=0.5), analyzer=analyzer)
    server = await BotServer(services).start()
    api.chaos, api.chaos_rate = random.Random(17), 0.3
    tss = [f"1700006000.{i:06d}" for i in range(1, 61)]
    try:
        async with aiohttp.ClientSession() as http:
            statuses = await asyncio.gather(*(send(http, server.url, ts, f"Ev5C{i}", TEXTS[i % 3])
                                              for i, ts in enumerate(tss)))
            assert statuses == [200] * len(tss)
            await api.wait_for("chat.postMessage", count=len(tss), timeout=120,
                               where=lambda c: c.params.get("thread_ts") in tss and c.result.get("ok"))
            for _ in range(400):  # every report's ts recorded
                if all((r := rows_in(services, ts)) is not None and r.report_message_id for ts in tss):
                    break
                await asyncio.sleep(0.05)
            await asyncio.sleep(1.5)  # three sweeps more: nothing posted twice
    finally:
        await server.stop()
        services.pipeline.close()
        services.engine.dispose()
        await api.stop()
    counts = report_counts(api)
    assert all(counts[ts] == 1 for ts in tss), {ts: counts[ts] for ts in tss if counts[ts] != 1}
    faults_seen = Counter(c.result.get("error") for c in api.calls if not c.result.get("ok"))
    assert faults_seen, "the run must have injected faults"


# ---- no plaintext at rest while a draft waits -------------------------------------

async def test_when_no_data_key_is_set_then_a_waiting_draft_is_never_plaintext_on_disk_and_a_crash_fails_it_closed(
        tmp_path, analyzer):
    import glob

    from adapters.slack.translate import message_ref
    from bot.domain import Draft

    url = f"sqlite:///{tmp_path / 'clearpost.db'}"
    cfg = make_config(url)  # store_draft_text: false, no CLEARPOST_DATA_KEY
    name, phone = "Rosalind Featherstonehaugh", "(503) 555-0142"

    def draft(ts: str) -> Draft:
        return Draft(text=f"Huge congratulations to {name} on finishing therapy! Call her at {phone}.",
                     author=faults.STAFF, ref=message_ref(faults.TEAM_ID, CHANNEL, ts), platforms=("instagram",))

    first = build_services(cfg, analyzer=analyzer)
    waiting, checked = first.reviews.submit(draft("1")), first.reviews.submit(draft("2"))
    on_disk = b"".join(open(p, "rb").read() for p in glob.glob(str(tmp_path / "clearpost.db*")))  # with the WAL
    assert name.encode() not in on_disk and b"555-0142" not in on_disk
    assert (await first.reviews.check(checked)).state == State.FLAGGED  # the process that took it in can check it
    first.pipeline.close()
    first.engine.dispose()  # the process dies: its memory-only key with it

    restarted = build_services(cfg, analyzer=analyzer)
    try:
        view = await restarted.reviews.check(waiting)
    finally:
        restarted.pipeline.close()
        restarted.engine.dispose()
    assert view.state == State.FAILED and [f.code for f in view.findings] == ["check.failed"]
    assert "post the draft again" in view.findings[0].suggestion


# ---- who is dead ----------------------------------------------------------------

@pytest.mark.parametrize("holder, dead", [
    ({"host": "elsewhere", "beat_ago": 5}, False),  # another host, heartbeat fresh: alive
    ({"host": "elsewhere", "beat_ago": 120}, True),  # another host, silent past holder_timeout: dead
    ({"host": "here", "pid": "gone", "beat_ago": 0}, True),  # this host, its process has exited
    ({"host": "here", "pid": "reused", "beat_ago": 0}, True),  # this host, the pid now names another process
    ({"host": "here", "pid": "mine", "beat_ago": 0}, False),  # this host, the very process: alive
])
def test_when_a_lease_holder_is_judged_then_only_a_dead_one_loses_its_leases(engine, holder, dead):
    from datetime import timedelta

    from bot.db import upgrade
    from bot.leases import HOST, LeaseHolders, process_start
    from bot.models import utcnow

    upgrade(engine)
    me = LeaseHolders(engine, timedelta(seconds=30))
    me.register()
    pid = {"gone": 2 ** 22 + 17, "reused": os.getpid(), "mine": os.getpid()}.get(holder.get("pid"), 1)
    started = "0" if holder.get("pid") == "reused" else process_start(pid)
    now = utcnow()
    with transaction(engine) as s:
        s.add(LeaseHolder(id="other", host=HOST if holder["host"] == "here" else "elsewhere", pid=pid,
                          pid_started=started, started_at=now,
                          heartbeat_at=now - timedelta(seconds=holder["beat_ago"])))
        s.add(Review(ref_key="slack:T:C:1", platform="slack", workspace="T", channel="C", message_id="1",
                     author="U", content_hash="0" * 64, state=State.CHECKING.value, lease_owner="other",
                     lease_until=now + timedelta(hours=1)))
    assert me.reclaim() == (1 if dead else 0)
    with transaction(engine) as s:
        row = s.exec(select(Review)).one()
        assert (row.lease_owner is None) == dead
        assert (s.get(LeaseHolder, "other") is None) == dead
        assert s.get(LeaseHolder, me.id) is not None
