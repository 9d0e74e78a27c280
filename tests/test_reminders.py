"""Reminders end to end over real HTTP: the real server and bot (drafts arrive as
signed Slack events or Teams activities), the local fake Slack Web API and fake
Bot Framework connector, a real database (SQLite, and PostgreSQL when
DATABASE_URL is set) and a controllable clock handed to the scheduler.

A draft waiting past the configured time gets exactly one nudge (a day), two
scheduler instances on one database (replicas) send it once, a draft that needs
changes nudges its author, the weekly consent notice goes privately to each
officer, and none of them carries draft text or document references."""
from __future__ import annotations

import asyncio
import os
from datetime import date, datetime, timedelta, timezone

import aiohttp
import pytest

from bot.app import build_services
from bot.consent.registry import ConsentRegistry
from bot.models import utcnow
from bot.reminders import slot_day
from tests.console_client import site  # noqa: F401 - the fixture
from tests.fakes.slack_api import BotServer, FakeSlackApi
from tests.test_slack import CHANNEL, CLEAN_TEXT, OFFICER, OFFICER2, PHI_TEXT, STAFF, Slack, slack_config

os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"  # Teams replies go through `requests`

REMINDERS = {"decision_after_hours": 4, "changes_after_hours": 24, "stop_after_days": 7,
             "consent_notice_day": "monday", "consent_notice_hour": 8}


class Clock:
    def __init__(self):
        self.at = utcnow()

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **kw) -> None:
        self.at += timedelta(**kw)


def nudges(api: FakeSlackApi, ts: str) -> list[dict]:
    """The bot's posts in a draft's thread other than the report (which carries metadata)."""
    return [c.params for c in api.of("chat.postMessage")
            if c.params.get("thread_ts") == ts and c.result.get("ok") and not c.params.get("metadata")]


# replicas share the data key: a draft taken in by one may be checked by the other's sweep
# a loaded machine (two replicas share its cores) must not fail a check by its time limit
CHECKS = {"enabled": ["phi", "consent", "policy"], "timeout_seconds": 120}
DATA_KEY = "q9e2hK1s0Wm3Xo4Zr5Tt6Yu7Iv8Ob9Pa0Sd1Fg2Hj3k="


async def start_slack(db_url, analyzer, api, clock, **overrides):
    services = build_services(slack_config(db_url, api.url, data_key=DATA_KEY, reminders=dict(REMINDERS),
                                           checks=CHECKS, **overrides),
                              analyzer=analyzer)
    services.scheduler.clock = clock
    return services, await BotServer(services).start()


@pytest.fixture
async def slack_pair(db_url, analyzer):
    """Two replicas (own services, engine, server and scheduler) on one database and one fake Slack."""
    api = await FakeSlackApi().start()
    clock = Clock()
    a = await start_slack(db_url, analyzer, api, clock)
    b = await start_slack(db_url, analyzer, api, clock)
    async with aiohttp.ClientSession() as http:
        yield Slack(api, a[1], http, a[0]), b[0], clock
    for services, server in (a, b):
        await server.stop()
        services.pipeline.close()
        services.engine.dispose()
    await api.stop()


async def test_when_a_draft_waits_past_the_limit_then_two_replicas_nudge_the_officers_exactly_once(slack_pair):
    slack, other, clock = slack_pair
    ts = await slack.draft(CLEAN_TEXT)
    await slack.settled(ts, "clean")
    replicas = [slack.services.scheduler, other.scheduler]

    clock.advance(hours=3, minutes=59)
    await asyncio.gather(*(r.tick() for r in replicas))
    assert nudges(slack.api, ts) == [], "not yet waited 4 hours"

    clock.advance(minutes=2)
    for _ in range(3):  # both replicas, several ticks, some at the same moment
        await asyncio.gather(*(r.tick() for r in replicas))
    sent = nudges(slack.api, ts)
    assert len(sent) == 1, sent
    text = sent[0]["text"]
    assert sent[0]["channel"] == CHANNEL
    assert f"<@{OFFICER}>" in text and f"<@{OFFICER2}>" in text
    assert f"Review #{slack.review(ts).id} has waited 4 hours" in text
    assert CLEAN_TEXT not in text and "breaths" not in text  # never the draft's text

    clock.advance(hours=12)  # later the same day (of the nudge's 24 hours): nothing more
    await asyncio.gather(*(r.tick() for r in replicas))
    assert len(nudges(slack.api, ts)) == 1
    clock.advance(hours=12)  # a day after the first nudge: one more, once
    await asyncio.gather(*(r.tick() for r in replicas), *(r.tick() for r in replicas))
    assert len(nudges(slack.api, ts)) == 2


async def test_when_the_officer_decides_then_no_nudge_is_sent(slack_pair):
    slack, _, clock = slack_pair
    ts = await slack.draft(CLEAN_TEXT + " #decided")
    await slack.settled(ts, "clean")
    await slack.react(OFFICER, ts)
    await slack.settled(ts, "cleared")
    clock.advance(days=2)
    await slack.services.scheduler.tick()
    assert nudges(slack.api, ts) == []


async def test_when_a_draft_needs_changes_and_is_not_edited_then_its_author_is_nudged_once(slack_pair):
    slack, other, clock = slack_pair
    ts = await slack.draft(PHI_TEXT)
    await slack.settled(ts, "flagged")
    clock.advance(hours=24, minutes=1)
    await asyncio.gather(slack.services.scheduler.tick(), other.scheduler.tick())
    await asyncio.gather(slack.services.scheduler.tick(), other.scheduler.tick())
    texts = [n["text"] for n in nudges(slack.api, ts)]
    to_author = [t for t in texts if t.startswith(f"<@{STAFF}>")]
    to_officers = [t for t in texts if f"<@{OFFICER}>" in t]
    assert len(to_author) == 1 and len(to_officers) == 1, texts
    assert "needs changes: it has blocking findings" in to_author[0]
    for t in texts:
        assert "Jane" not in t and "anxiety" not in t


async def test_when_an_edited_draft_is_clean_then_its_author_is_not_nudged(slack_pair):
    slack, _, clock = slack_pair
    ts = await slack.draft(PHI_TEXT)
    await slack.settled(ts, "flagged")
    await slack.edit(ts, PHI_TEXT, CLEAN_TEXT + " #edited")
    await slack.settled(ts, "clean")
    clock.advance(hours=25)
    await slack.services.scheduler.tick()
    texts = [n["text"] for n in nudges(slack.api, ts)]
    assert not any(t.startswith(f"<@{STAFF}>") for t in texts), texts
    assert len(texts) == 1  # the officers: it is clean and waiting


async def test_when_a_draft_is_older_than_stop_after_days_then_it_is_left_alone(slack_pair):
    slack, _, clock = slack_pair
    ts = await slack.draft(CLEAN_TEXT + " #old")
    await slack.settled(ts, "clean")
    clock.advance(days=8)
    await slack.services.scheduler.tick()
    assert nudges(slack.api, ts) == []


def next_monday_at(hour: int, after: datetime) -> datetime:
    day = after.date() + timedelta(days=(7 - after.weekday()) % 7 or 7)
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.utc)


async def test_when_it_is_the_notice_day_then_each_officer_gets_the_expiring_consents_privately_once(slack_pair):
    slack, other, clock = slack_pair
    monday = next_monday_at(9, clock.at)
    # Sunday: not the day; set before the consents exist, as the replicas' own loops tick too (on a real Monday
    # morning a tick at the real time would be notice time)
    clock.at = monday - timedelta(days=1)
    registry = ConsentRegistry(slack.services.engine, today=lambda: monday.date())
    # (ending 25 days after that Monday: more than 30 days after today even when today is the Monday before, so a
    # replica's own loop, ticking at the real time on a real Monday morning, has nothing to tell yet)
    registry.grant("officer", patient="Rosa Delgado", scopes=["testimonial", "name_use"], platforms=["instagram"],
                   document_ref="scans/rosa-delgado-2026.pdf", granted_on=monday.date() - timedelta(days=300),
                   expires_on=monday.date() + timedelta(days=25), new_patient=True)
    registry.grant("officer", patient="Tom Okafor", scopes=["photo"], platforms=["facebook"],
                   document_ref="scans/tom.pdf", granted_on=monday.date() - timedelta(days=30),
                   expires_on=monday.date() + timedelta(days=200), new_patient=True)

    await slack.services.scheduler.tick()
    assert slack.api.of("chat.postMessage") == []
    clock.at = monday
    for _ in range(2):
        await asyncio.gather(slack.services.scheduler.tick(), other.scheduler.tick())
    dms = [c.params for c in slack.api.of("chat.postMessage") if c.result.get("ok")]
    assert sorted(d["channel"] for d in dms) == sorted([OFFICER, OFFICER2])  # privately, once each
    text = dms[0]["text"]
    assert "Consents ending within 30 days" in text and "testimonial, name_use on instagram" in text
    assert "P-" in text and "ends " + (monday.date() + timedelta(days=25)).isoformat() in text
    assert "Rosa" not in text and "Delgado" not in text and "scans/" not in text  # ids only, no documents
    assert "Tom" not in text and "photo" not in text  # ends later than expiring_days

    clock.advance(days=1)  # Tuesday: already sent this week
    await slack.services.scheduler.tick()
    assert len([c for c in slack.api.of("chat.postMessage") if c.result.get("ok")]) == 2


def test_when_a_slot_starts_then_consecutive_slots_are_on_different_days():
    since = datetime(2026, 3, 2, 21, 30, tzinfo=timezone.utc)
    after = timedelta(hours=2)
    assert slot_day(since, after, since + timedelta(hours=1)) is None
    days = [slot_day(since, after, since + after + timedelta(hours=h)) for h in (0, 5, 23, 24, 47, 48)]
    assert days == [date(2026, 3, 2), date(2026, 3, 2), date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 3),
                    date(2026, 3, 4)]


# ---- Teams --------------------------------------------------------------------

async def test_when_a_teams_draft_waits_then_two_replicas_reply_once_in_its_thread(db_url, analyzer):
    from tests.fakes.teams_connector import FakeConnector
    from tests.test_teams import CLEAN_DRAFT, Harness, teams_config

    connector = FakeConnector()
    connector.start()
    clock = Clock()
    replicas = []
    for _ in range(2):
        config = teams_config(db_url, connector.url).model_copy()
        services = build_services(config.model_copy(update={"profile": config.profile.model_copy(
            update={"reminders": config.profile.reminders.model_copy(update={"decision_after_hours": 4.0})})}),
            analyzer=analyzer)
        services.scheduler.clock = clock
        replicas.append(await Harness(services, connector).start())
    try:
        a, b = replicas
        draft = a.post(CLEAN_DRAFT)
        status, _ = await a.send(draft)
        assert status == 201
        for _ in range(600):  # the card (the bot's server runs on this event loop: wait without blocking it)
            if any(c.activity_id == draft["id"] and c.card for c in connector.of_kind("reply")):
                break
            await asyncio.sleep(0.05)
        await a.settle()
        clock.advance(hours=4, minutes=1)
        for _ in range(2):
            await asyncio.gather(a.services.scheduler.tick(), b.services.scheduler.tick())
        replies = [c for c in connector.of_kind("reply") if c.activity_id == draft["id"] and not c.card]
        assert len(replies) == 1, [c.text for c in replies]
        assert "Privacy officers: Review #" in replies[0].text and "has waited 4 hours" in replies[0].text
        assert "mindfulness" not in replies[0].text.lower()
    finally:
        for h in replicas:
            await h.close()
        connector.stop()


async def test_when_teams_officers_get_the_consent_notice_then_each_gets_a_private_chat_once(db_url, analyzer):
    from tests.fakes.teams_connector import FakeConnector
    from tests.test_teams import CLEAN_DRAFT, OFFICER as TEAMS_OFFICER, OFFICER_2, TENANT, Harness, teams_config

    connector = FakeConnector()
    connector.start()
    clock = Clock()
    # TEAMS_TENANT_ID names the tenant of the new 1:1 chats (stored references do not keep it)
    services = build_services(teams_config(db_url, connector.url, teams_tenant_id=TENANT), analyzer=analyzer)
    services.scheduler.clock = clock
    h = await Harness(services, connector).start()
    try:
        draft = h.post(CLEAN_DRAFT)  # a conversation seen: its reference gives the service URL and bot
        assert (await h.send(draft))[0] == 201
        await h.settle()
        monday = next_monday_at(8, clock.at)
        clock.at = monday - timedelta(days=1)  # (the loop ticks too: not at notice time before the consent exists)
        ConsentRegistry(services.engine, today=lambda: monday.date()).grant(
            "officer", patient="Rosa Delgado", scopes=["testimonial"], platforms=["instagram"],
            document_ref="scans/rosa.pdf", granted_on=monday.date() - timedelta(days=9),
            expires_on=monday.date() + timedelta(days=25), new_patient=True)  # (see the Slack notice test)
        clock.at = monday
        await services.scheduler.tick()
        await services.scheduler.tick()
        created = connector.of_kind("create_conversation")
        assert sorted(c.body["members"][0]["id"] for c in created) == sorted([TEAMS_OFFICER, OFFICER_2])
        assert all(c.body.get("tenantId") == TENANT or c.body.get("channelData", {}).get("tenant", {}).get("id")
                   == TENANT for c in created)
        private = {c.conversation_id for c in created}
        sent = [c for c in connector.of_kind("send", "reply") if c.conversation_id in private]
        assert len(sent) == 2 and "testimonial on instagram" in sent[0].text
        assert "Rosa" not in sent[0].text and "scans/" not in sent[0].text
    finally:
        await h.close()
        connector.stop()


@pytest.mark.parametrize("yaml_text,key", [
    ("reminders:\n  nudge_every: 3\n", "reminders.nudge_every"),
    ("reminders:\n  decision_after_hours: '4'\n", "reminders.decision_after_hours"),
    ("reminders:\n  decision_after_hours: 0\n", "reminders.decision_after_hours"),
    ("reminders:\n  consent_notice_day: mondays\n", "reminders.consent_notice_day"),
    ("reminders:\n  consent_notice_hour: 24\n", "reminders.consent_notice_hour"),
    ("reminders:\n  enabled: 'yes'\n", "reminders.enabled"),
])
def test_when_a_reminders_key_is_wrong_then_start_up_refuses_naming_it(yaml_text, key):
    from bot.config import ConfigError, parse_profile
    with pytest.raises(ConfigError) as e:
        parse_profile("practice:\n  name: Harbor Light\n" + yaml_text, "test.yml")
    assert f"  {key}:" in str(e.value)


async def test_when_an_officer_opens_the_queue_then_the_expiring_consents_show_without_names_or_documents(site):
    from tests.console_client import signed_in
    services, client = site
    today = date.today()
    registry = ConsentRegistry(services.engine)
    granted = registry.grant("officer", patient="Rosa Delgado", scopes=["testimonial", "name_use"],
                             platforms=["instagram"], document_ref="scans/rosa-2026.pdf",
                             granted_on=today - timedelta(days=100), expires_on=today + timedelta(days=5),
                             new_patient=True)
    officer = await signed_in(client, "officer")
    status, page = await officer.get("/console/queue")
    assert status == 200
    section = page.split('id="consent-notice"', 1)[1]
    assert granted.patient_id in section and granted.consent_id in section
    assert "testimonial, name_use" in section and (today + timedelta(days=5)).isoformat() in section
    assert "Not yet sent in chat" in section
    assert "Rosa" not in section and "scans/" not in section
