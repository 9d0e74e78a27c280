"""Hostile and odd input at the Slack endpoint: forged, replayed and stale
signatures, malformed bodies (a 4xx, never a 500), oversized bodies (413
before parsing), requests from another workspace, and drafts built to slip
past or crash the checks (40,000 characters, zero-width and right-to-left
characters, emoji, code blocks, mixed scripts, homoglyph names).

Reuses the end-to-end `slack` fixture of tests/test_slack.py: the real
aiohttp + bolt app, real Presidio, a real database, the fake Slack Web API."""
from __future__ import annotations

import json
import time
from urllib.parse import urlencode

import pytest
from sqlmodel import select

from bot.db import transaction
from bot.domain import MAX_DRAFT_CHARS
from bot.models import ProcessedEvent, Review
from bot.states import State
from tests.fakes.slack_api import SIGNING_SECRET, event_body, signature, signed_headers
from tests.test_slack import (CHANNEL, CLEAN_TEXT, OFFICER, PHI_TEXT, STAFF, _no_slack_env,  # noqa: F401
                              audit_actions, blocks_text, slack)

URL = "/slack/events"


def nothing_stored(services) -> bool:
    with transaction(services.engine) as s:
        return s.exec(select(Review)).all() == [] and s.exec(select(ProcessedEvent)).all() == []


async def raw_post(slack, body: bytes, headers: dict) -> int:
    async with slack.http.post(slack.server.url + URL, data=body, headers=headers) as r:
        await r.read()
        return r.status


# ---- signatures -------------------------------------------------------------

def _forge(case: str, body: bytes) -> dict:
    now = int(time.time())
    good = signed_headers(body, "application/json")
    if case == "no_signature_headers":
        return {"Content-Type": "application/json"}
    if case == "no_timestamp":
        return {k: v for k, v in good.items() if k != "X-Slack-Request-Timestamp"}
    if case == "future_timestamp":
        return signed_headers(body, "application/json", timestamp=now + 6 * 60)
    if case == "timestamp_not_a_number":
        return {**good, "X-Slack-Request-Timestamp": "yesterday"}
    if case == "other_version":
        return {**good, "X-Slack-Signature": good["X-Slack-Signature"].replace("v0=", "v1=")}
    if case == "signature_of_another_body":
        return {**signed_headers(b"{}", "application/json"), "Content-Type": "application/json"}
    if case == "fresh_timestamp_on_a_captured_signature":
        old = now - 10 * 60
        return {"Content-Type": "application/json", "X-Slack-Request-Timestamp": str(now),
                "X-Slack-Signature": signature(SIGNING_SECRET, str(old), body)}
    raise AssertionError(case)


@pytest.mark.parametrize("case", ["no_signature_headers", "no_timestamp", "future_timestamp", "timestamp_not_a_number",
                                  "other_version", "signature_of_another_body",
                                  "fresh_timestamp_on_a_captured_signature"])
async def test_when_a_signature_is_missing_forged_or_replayed_late_then_401_and_nothing_happens(slack, case):
    body = event_body({"type": "message", "channel": CHANNEL, "user": STAFF, "text": PHI_TEXT,
                       "ts": slack.new_ts()}, "Ev0FORGED")
    assert await raw_post(slack, body, _forge(case, body)) == 401
    await slack.quiet(0.3)
    assert nothing_stored(slack.services)
    assert slack.api.calls == []


async def test_when_a_signed_request_is_replayed_within_the_window_then_it_acts_once(slack):
    """Slack's 5-minute window allows a captured request to be re-sent: the event_id dedupe makes it harmless."""
    ts = await slack.draft(CLEAN_TEXT)
    view = await slack.settled(ts, State.CLEAN)
    reaction = event_body({"type": "reaction_added", "user": OFFICER, "reaction": "white_check_mark",
                           "item": {"type": "message", "channel": CHANNEL, "ts": ts}, "event_ts": slack.new_ts()},
                          "Ev0APPROVE")
    headers = signed_headers(reaction, "application/json")
    assert [await raw_post(slack, reaction, headers) for _ in range(3)] == [200, 200, 200]
    await slack.update_where("cleared by", view.report_message_id)
    # the officer takes the approval back; a replay of the old approval must not clear it again
    await slack.react(OFFICER, ts, removed=True)
    await slack.update_where("ready for privacy officer", view.report_message_id)
    assert await raw_post(slack, reaction, headers) == 200
    await slack.quiet()
    assert slack.review(ts).state == State.CLEAN
    assert audit_actions(slack.services, view.id).count("approve") == 1


# ---- malformed and oversized bodies ------------------------------------------

FORM = "application/x-www-form-urlencoded"


@pytest.mark.parametrize("body,content_type", [
    (b"{not json", "application/json"),
    (b"", "application/json"),
    (b"[1, 2, 3]", "application/json"),
    (b'"just a string"', "application/json"),
    (b'{"type": "event_callback", "event": "not an object"}', "application/json"),
    (b'{"type": "event_callback", "team_id": "T0CLINIC1", "event": {"type": "message", "channel": 7, "ts": []}}',
     "application/json"),
    (b"\xff\xfe\x00garbage", "application/json"),
    (b"payload=%7Bnot-json", FORM),
    (b"payload=%5B%5D", FORM),
    (b"command=%2Fconsent&text=%E0%A4", FORM),
    (b"%%%&&&===", FORM),
    (b"payload=" + urlencode({"x": "y"}).encode(), FORM),
])
async def test_when_a_signed_body_is_malformed_then_4xx_or_ignored_never_500(slack, body, content_type):
    status = await raw_post(slack, body, signed_headers(body, content_type))
    assert status < 500, status
    await slack.quiet(0.3)
    with transaction(slack.services.engine) as s:
        assert s.exec(select(Review)).all() == []


async def test_when_an_oversized_body_is_streamed_without_a_length_then_413(slack):
    limit = slack.services.config.profile.server.max_body_bytes

    async def chunks():
        for _ in range(limit // 65536 + 2):
            yield b" " * 65536

    async with slack.http.post(slack.server.url + URL, data=chunks(),
                               headers={"Content-Type": "application/json"}) as r:
        assert r.status == 413
    assert slack.api.calls == []


# ---- another workspace --------------------------------------------------------

async def test_when_a_reaction_comes_from_another_workspace_then_it_is_refused(slack):
    ts = await slack.draft(CLEAN_TEXT)
    view = await slack.settled(ts, State.CLEAN)
    r = await slack.event({"type": "reaction_added", "user": OFFICER, "reaction": "white_check_mark",
                           "item": {"type": "message", "channel": CHANNEL, "ts": ts}}, team="T0ELSEWHERE")
    assert r.status == 403
    await slack.quiet()
    assert slack.review(ts).state == State.CLEAN
    assert "approve" not in audit_actions(slack.services, view.id)


@pytest.mark.parametrize("kind", ["command", "block_action"])
async def test_when_a_command_or_button_comes_from_another_workspace_then_403(slack, kind):
    if kind == "command":
        body = urlencode({"team_id": "T0ELSEWHERE", "channel_id": CHANNEL, "user_id": OFFICER,
                          "command": "/consent", "text": "Jane Doe", "api_app_id": "A0CLEARPOST",
                          "response_url": "https://hooks.slack.com/x", "trigger_id": "1.2.3"}).encode()
    else:
        body = urlencode({"payload": json.dumps({
            "type": "block_actions", "team": {"id": "T0ELSEWHERE"}, "user": {"id": OFFICER},
            "channel": {"id": CHANNEL}, "trigger_id": "1.2.3", "api_app_id": "A0CLEARPOST",
            "actions": [{"action_id": "clearpost_override", "value": "1", "type": "button"}]})}).encode()
    assert await raw_post(slack, body, signed_headers(body, FORM)) == 403
    assert [c.method for c in slack.api.calls if c.method != "auth.test"] == []  # auth.test: whose token it is


# ---- drafts built to slip past or crash the checks ---------------------------

FILLER = "Our clinic garden is lovely this time of year and we hope you enjoy it. "


def _long_with_name() -> str:
    head = "So proud of Jane Doe who finished her anxiety treatment with us this month! "
    text = head + FILLER * ((MAX_DRAFT_CHARS - len(head)) // len(FILLER))
    return text + "x" * (MAX_DRAFT_CHARS - len(text))


@pytest.mark.parametrize("text,name", [
    ("So proud of J\u200bane D\u200doe who finished her anxiety treatment with us!", "Jane Doe"),
    ("So proud of \u202eJane Doe\u202c who finished her anxiety treatment with us!", "Jane Doe"),
    ("So proud of \u200fJane Doe\u200f \U0001F389\U0001F389 who finished her anxiety treatment \U0001F49A!",
     "Jane Doe"),
    ("So proud of J\u043ehn Smith who finished his anxiety treatment with us!", "John Smith"),  # Cyrillic o
    ("So proud of \uff2a\uff41\uff4e\uff45 Doe who finished her anxiety treatment with us!", "Jane Doe"),  # fullwidth
    ("Client update:\n```\nJohn Smith finished his anxiety treatment with us today\n```", "John Smith"),
    ("Спасибо! So proud of Jane Doe who finished her anxiety treatment with us, 谢谢!", "Jane Doe"),
])
async def test_when_a_name_is_disguised_then_it_is_still_found_at_its_written_position(slack, text, name):
    ts = await slack.draft(text)
    view = await slack.settled(ts, State.FLAGGED, timeout=60)
    people = [f for f in view.findings if f.entity == "PERSON" and f.start is not None]
    assert people, [f.code for f in view.findings]
    written = text[people[0].start:people[0].end]
    from bot.textnorm import canonicalise
    assert canonicalise(written).text.replace(" ", "") == name.replace(" ", ""), written
    assert name not in blocks_text(slack.posts_in_thread(ts)[0])


async def test_when_a_draft_is_40000_characters_then_it_is_reviewed_and_one_more_is_refused(slack):
    longest = _long_with_name()
    assert len(longest) == MAX_DRAFT_CHARS
    ts = await slack.draft(longest)
    view = await slack.settled(ts, State.FLAGGED, timeout=120)
    assert any(f.entity == "PERSON" and longest[f.start:f.end] == "Jane Doe" for f in view.findings)

    too_long = longest + "!"
    ts2 = await slack.draft(too_long)
    told = await slack.api.wait_for("chat.postMessage", where=lambda c: c.params.get("thread_ts") == ts2)
    assert "could not review" in told[0].params["text"] and str(MAX_DRAFT_CHARS) in told[0].params["text"]
    assert slack.review(ts2) is None


@pytest.mark.parametrize("text", [
    "\U0001F600" * 500,
    "```\n" + "def f(x):\n    return x * 2\n" * 40 + "```",
    "\u200b\u200c\u200d\u2060\ufeff" * 100 + "a",
    "\u202e" * 300 + "Mindfulness tip",
    "مرحبا بكم في عيادتنا " * 20 + "Mindfulness tip",
    "&lt;script&gt;alert(1)&lt;/script&gt; &amp; <@U0PRIVACY1> <!channel> *bold* _it_",
    "a\u0301" * 2000,
])
async def test_when_a_draft_is_odd_but_harmless_then_it_gets_a_report_and_nothing_crashes(slack, text):
    ts = await slack.draft(text)
    view = await slack.settled(ts, State.CLEAN, State.FLAGGED, timeout=60)
    assert not any(f.code == "check.failed" for f in view.findings), [f.code for f in view.findings]
    reports = slack.posts_in_thread(ts)
    assert len(reports) == 1 and reports[0]["channel"] == CHANNEL


# ---- only officers decide ------------------------------------------------------

@pytest.mark.parametrize("who", ["U0STAFF01", "U0STRANGER"])
async def test_when_a_non_officer_forges_the_override_form_then_nothing_is_cleared(slack, who):
    """The modal is only opened for officers, but its submission is a plain signed request anyone in the
    workspace could craft: the service decides who may clear, not the button."""
    from tests.test_slack import override_submission
    ts = await slack.draft(PHI_TEXT)
    view = await slack.settled(ts, State.FLAGGED)
    meta = json.dumps({"review": view.id, "channel": CHANNEL})
    status, body = await slack.interact(override_submission(who, meta, "Looks fine to me, clearing it now."))
    assert status == 200 and json.loads(body)["response_action"] == "errors"
    assert "privacy officer" in body
    assert slack.review(ts).state == State.FLAGGED
    assert "override" not in audit_actions(slack.services, view.id)
    assert "decision_refused" in audit_actions(slack.services, view.id)


@pytest.mark.parametrize("who", ["U0STAFF01", "U0STRANGER"])
async def test_when_a_non_officer_reacts_reject_then_nothing_changes(slack, who):
    ts = await slack.draft(CLEAN_TEXT)
    view = await slack.settled(ts, State.CLEAN)
    await slack.react(who, ts, name="x")
    told = await slack.ephemeral_to(who)
    assert "only a designated privacy officer" in told["text"]
    assert slack.review(ts).state == State.CLEAN
    assert "reject" not in audit_actions(slack.services, view.id)


async def test_when_an_override_is_submitted_from_another_workspace_then_403_and_nothing_is_cleared(slack):
    from tests.test_slack import override_submission
    ts = await slack.draft(PHI_TEXT)
    view = await slack.settled(ts, State.FLAGGED)
    payload = override_submission(OFFICER, json.dumps({"review": view.id, "channel": CHANNEL}),
                                  "Name used with written permission on file.")
    payload["team"]["id"] = payload["view"]["team_id"] = "T0ELSEWHERE"
    status, _ = await slack.interact(payload)
    assert status == 403
    assert slack.review(ts).state == State.FLAGGED


# ---- Teams: the same edges at /api/messages ------------------------------------

async def test_when_a_teams_body_is_over_the_size_limit_then_413_before_authentication(db_url, analyzer):
    from tests.test_teams_auth import APP_ID, TENANT
    from aiohttp import web
    import aiohttp
    from bot.app import build_services
    from bot.server import build_web_app
    from tests.conftest import make_config

    cfg = make_config(db_url, secrets={"teams_app_id": APP_ID, "teams_app_password": "secret",
                                       "teams_tenant_id": TENANT})
    services = build_services(cfg, analyzer=analyzer)
    runner = web.AppRunner(build_web_app(services), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        limit = cfg.profile.server.max_body_bytes
        body = json.dumps({"type": "message", "text": "x" * limit}).encode()
        async with aiohttp.ClientSession() as http:
            async with http.post(f"http://127.0.0.1:{runner.addresses[0][1]}/api/messages", data=body,
                                 headers={"Content-Type": "application/json"}) as r:
                assert r.status == 413
        with transaction(services.engine) as s:
            assert s.exec(select(Review)).all() == []
    finally:
        await runner.cleanup()
        services.pipeline.close()
        services.engine.dispose()
