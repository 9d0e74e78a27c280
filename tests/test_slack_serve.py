"""`clearpost serve` as a real process: secrets are checked before start-up,
and a configured bot answers /healthz and reviews a signed draft posted to it.
Also the pure pieces the adapter is built from: secret checks and the report."""
from __future__ import annotations

import asyncio
import copy
import json
import os
import signal
import socket
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import aiohttp
import pytest
import yaml

from adapters.slack.report import render, state_text
from adapters.slack.settings import slack_problems, slack_settings
from bot.config import ConfigError, Secrets
from bot.domain import Finding, MessageRef, Severity
from bot.review_service import ReviewView
from bot.states import State
from tests.conftest import EXAMPLE_PROFILE, ROOT
from tests.fakes.slack_api import BOT_TOKEN, SIGNING_SECRET, FakeSlackApi, event_body, signed_headers

GOOD = {"slack_bot_token": BOT_TOKEN, "slack_signing_secret": SIGNING_SECRET}


@pytest.mark.parametrize("secrets,named", [
    ({"slack_signing_secret": SIGNING_SECRET}, "SLACK_BOT_TOKEN is not set"),
    ({**GOOD, "slack_bot_token": "xoxp-user-token"}, "SLACK_BOT_TOKEN is malformed"),
    ({"slack_bot_token": BOT_TOKEN}, "SLACK_SIGNING_SECRET is not set"),
    ({**GOOD, "slack_signing_secret": "not-a-secret"}, "SLACK_SIGNING_SECRET is malformed"),
    ({**GOOD, "slack_app_token": "xoxb-wrong-kind"}, "SLACK_APP_TOKEN is malformed"),
    ({**GOOD, "slack_api_url": "slack.com/api"}, "SLACK_API_URL is malformed"),
])
def test_when_a_slack_secret_is_missing_or_malformed_then_the_problem_names_it(secrets, named):
    problems = slack_problems(Secrets(**secrets))
    assert any(named in p for p in problems), problems
    with pytest.raises(ConfigError, match=named.split()[0]):
        slack_settings(Secrets(**secrets))


@pytest.mark.parametrize("secrets,socket_mode,api_url", [
    (GOOD, False, "https://slack.com/api/"),
    ({**GOOD, "slack_api_url": "http://127.0.0.1:9/api"}, False, "http://127.0.0.1:9/api/"),
    ({"slack_bot_token": BOT_TOKEN, "slack_app_token": "xapp-1-A0-1-abc"}, True, "https://slack.com/api/"),
])
def test_when_slack_secrets_are_valid_then_settings_follow_them(secrets, socket_mode, api_url):
    s = slack_settings(Secrets(**secrets))
    assert (s.socket_mode, s.api_url) == (socket_mode, api_url)


def _view(state: State, findings=(), **kw) -> ReviewView:
    base = dict(id=7, ref=MessageRef("slack", "T1", "C1", "1.1"), author="U0STAFF01", state=state,
                targets=("instagram",), findings=tuple(findings), verdict=None, rewrite=None, decided_by=None,
                decided_at=None, override_reason=None, report_message_id=None)
    base.update(kw)
    return ReviewView(**base)


BLOCK = Finding("phi", "phi.person", Severity.BLOCK, "PERSON at characters 0-8", "PERSON", 0, 8, "use [PERSON]")
WARN = Finding("policy", "policy.outcome", Severity.WARN, "an outcome claim", suggestion="soften it")
AT = datetime(2026, 11, 23, 19, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("view,expected", [
    (_view(State.CHECKING), "checking"),
    (_view(State.CLEAN), "ready for privacy officer"),
    (_view(State.FLAGGED, [WARN]), "ready for privacy officer (see warnings)"),
    (_view(State.FLAGGED, [BLOCK, WARN]), "needs changes"),
    (_view(State.FAILED, [BLOCK]), "check failed"),
    (_view(State.CLEARED, decided_by="U0PRIVACY1", decided_at=AT), "cleared by <@U0PRIVACY1> at <!date^"),
    (_view(State.CLEARED, [BLOCK], decided_by="U0PRIVACY1", decided_at=AT, override_reason="ok"), "with an override"),
    (_view(State.REJECTED, decided_by="U0PRIVACY1", decided_at=AT), "rejected by <@U0PRIVACY1>"),
    (_view(State.WITHDRAWN), "withdrawn"),
])
def test_when_a_review_is_in_a_state_then_the_report_says_so(view, expected):
    assert expected in state_text(view)
    assert expected.split(" at <")[0] in json.dumps(render(view, "white_check_mark", ["U0PRIVACY1"]))


def test_when_there_are_many_findings_and_a_long_rewrite_then_the_report_stays_within_slack_limits():
    many = [Finding("phi", "phi.person", Severity.BLOCK, f"PERSON at {i}", "PERSON", i, i + 3) for i in range(200)]
    blocks = render(_view(State.FLAGGED, many, rewrite="x" * 40_000), "white_check_mark", [])
    assert len(blocks) <= 50
    assert all(len(b.get("text", {}).get("text", "")) <= 3000 for b in blocks)
    assert "and 175 more" in json.dumps(blocks)


# ---- the real process ------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _write_config(tmp_path: Path) -> Path:
    profile = copy.deepcopy(EXAMPLE_PROFILE)
    profile["storage"]["database_url"] = f"sqlite:///{tmp_path / 'serve.db'}"
    profile["review_channels"] = [{"platform": "slack", "channel": "C0REVIEW1", "default_targets": ["instagram"]}]
    path = tmp_path / "config.yml"
    path.write_text(yaml.safe_dump(profile))
    return path


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_", "DATABASE_URL"))}
    env.update(extra)
    return env



@pytest.mark.parametrize("env,named", [
    ({"SLACK_BOT_TOKEN": "xoxp-123-user"}, ["SLACK_BOT_TOKEN is malformed", "SLACK_SIGNING_SECRET is not set"]),
    ({"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": "short"}, ["SLACK_SIGNING_SECRET is malformed"]),
    ({"SLACK_SIGNING_SECRET": SIGNING_SECRET}, ["SLACK_BOT_TOKEN is not set"]),
    # no chat credentials at all is not an error: the console runs alone (tests/test_console_serve.py)
])
def test_when_serve_starts_with_bad_secrets_then_it_stops_naming_them(tmp_path, env, named):
    cfg = _write_config(tmp_path)
    p = subprocess.run([sys.executable, "-m", "bot.cli", "--config", str(cfg), "serve"], cwd=ROOT,
                       env=_env(**env), capture_output=True, text=True, timeout=60)
    assert p.returncode == 2, p.stderr
    for n in named:
        assert n in p.stderr
    assert not (tmp_path / "serve.db").exists(), "nothing is built before the secrets are right"


async def test_when_serve_runs_then_it_answers_healthz_and_reviews_a_signed_draft(tmp_path):
    api = await FakeSlackApi().start()
    cfg, port = _write_config(tmp_path), _free_port()
    env = _env(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET, SLACK_API_URL=api.url)
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "--config", str(cfg), "serve", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        async with aiohttp.ClientSession() as http:
            deadline = time.monotonic() + 90
            while True:
                assert proc.poll() is None, proc.stderr.read().decode()
                try:
                    async with http.get(base + "/healthz") as r:
                        if r.status == 200:
                            break
                except aiohttp.ClientConnectionError:
                    pass
                assert time.monotonic() < deadline, "serve did not come up"
                await asyncio.sleep(0.2)
            ts = "1700000200.000001"
            body = event_body({"type": "message", "channel": "C0REVIEW1", "user": "U0STAFF01",
                               "text": "So proud of Jane Doe for finishing treatment!", "ts": ts}, "Ev0SERVE")
            async with http.post(base + "/slack/events", data=body,
                                 headers=signed_headers(body, "application/json")) as r:
                assert r.status == 200
        report = (await api.wait_for("chat.postMessage", timeout=60,
                                     where=lambda c: c.params.get("thread_ts") == ts))[0]
        assert "needs changes" in json.dumps(report.params["blocks"])
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        await api.stop()
    assert proc.returncode == 0, proc.stderr.read().decode()


def test_when_the_manifest_is_pasted_then_it_subscribes_to_what_the_bot_handles():
    manifest = yaml.safe_load((ROOT / "manifest.yml").read_text())
    settings = manifest["settings"]
    assert set(settings["event_subscriptions"]["bot_events"]) == {
        "message.channels", "message.groups", "reaction_added", "reaction_removed"}
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == ["/consent"]
    assert settings["interactivity"]["is_enabled"] is True
    urls = [settings["event_subscriptions"]["request_url"], settings["interactivity"]["request_url"],
            manifest["features"]["slash_commands"][0]["url"]]
    assert all(u.startswith("https://") and u.endswith("/slack/events") for u in urls)
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"channels:history", "groups:history", "chat:write", "reactions:read", "commands"} <= scopes
    assert "socket_mode_enabled" in settings


def test_when_oauth_variables_are_in_the_environment_then_the_bot_refuses_to_start(monkeypatch, tmp_path, services):
    from adapters.slack.bot import SlackBot

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("SLACK_CLIENT_ID", "111.222")
    monkeypatch.setenv("SLACK_CLIENT_SECRET", "abc")
    with pytest.raises(ConfigError, match="SLACK_CLIENT_ID"):
        SlackBot(services, slack_settings(Secrets(**GOOD)))
    monkeypatch.delenv("SLACK_CLIENT_ID")
    monkeypatch.delenv("SLACK_CLIENT_SECRET")
    assert SlackBot(services, slack_settings(Secrets(**GOOD))).app.oauth_flow is None
