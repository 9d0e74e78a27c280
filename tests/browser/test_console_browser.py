"""The console in a real headless browser: Debian's chromium driven by
Playwright (which downloads no browser of its own) against the real server on
127.0.0.1, with the Slack adapter mounted against the Slack tests' local fake
API so a consent recorded in the console can be looked up with /consent.

Skipped only when chromium (or the playwright package) is missing AND this
is not CI; in CI (CI=true) a missing browser fails the run, and .ci/run
installs it.
"""
from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
import pytest

from bot.accounts import add_user
from bot.app import build_services
from tests.conftest import make_config
from tests.fakes.slack_api import BOT_TOKEN, SIGNING_SECRET, TEAM_ID, BotServer, FakeSlackApi, signed_headers

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
IN_CI = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None

MISSING = ("the playwright package is not installed" if sync_playwright is None
           else None if os.path.exists(CHROMIUM) else f"chromium is not installed ({CHROMIUM})")
if MISSING and not IN_CI:
    pytest.skip(f"browser tests skipped: {MISSING} (apt-get install -y chromium)", allow_module_level=True)

OFFICER_SLACK = "U0PRIVACY1"
PASSWORDS = {"officer": "officer-password-1", "staff1": "staff-password-12"}
CLEAN_DRAFT = "Mindfulness tip: take three slow breaths before you answer an email."
PHI_DRAFT = ("So proud of Maria Gonzalez who finished her anxiety therapy! Call her at 503-555-0199. "
             "Our next anxiety workshop starts in May.")


class LiveSite:
    """The real web app (console + Slack adapter) and the fake Slack API, on
    their own event loop in a thread, so the synchronous browser API can drive them."""

    def __init__(self, db_url: str, analyzer):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="live-site", daemon=True)
        self.thread.start()
        self.api: FakeSlackApi = self.call(FakeSlackApi().start())
        config = make_config(db_url, secrets={"slack_bot_token": BOT_TOKEN, "slack_signing_secret": SIGNING_SECRET,
                                              "slack_api_url": self.api.url},
                             officers={"slack": [OFFICER_SLACK], "teams": [], "console": ["officer"]},
                             review_channels=[{"platform": "slack", "channel": "C0REVIEW1"}])
        self.services = build_services(config, analyzer=analyzer)
        add_user(self.services.engine, "officer", PASSWORDS["officer"], "officer")
        add_user(self.services.engine, "staff1", PASSWORDS["staff1"], "staff")
        self.server: BotServer = self.call(BotServer(self.services).start())
        self.url = self.server.url

    def call(self, coro, timeout: float = 60):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def slash_consent(self, user: str, text: str) -> dict:
        """Slack delivers a signed /consent command; the bot's (ephemeral) answer."""
        async def send():
            body = urlencode({"token": "unused", "team_id": TEAM_ID, "team_domain": "clinic",
                              "channel_id": "C0REVIEW1", "channel_name": "social-review", "user_id": user,
                              "user_name": "someone", "command": "/consent", "text": text,
                              "api_app_id": "A0CLEARPOST", "response_url": "https://hooks.slack.com/commands/T0/1/x",
                              "trigger_id": "1.2.3"}).encode()
            async with aiohttp.ClientSession() as http:
                async with http.post(self.url + "/slack/events", data=body,
                                     headers=signed_headers(body, "application/x-www-form-urlencoded")) as r:
                    assert r.status == 200
                    return json.loads(await r.text())
        return self.call(send())

    def close(self) -> None:
        self.call(self.server.stop())
        self.call(self.api.stop())
        self.services.pipeline.close()
        self.services.engine.dispose()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


@pytest.fixture(scope="module")
def live(tmp_path_factory, analyzer):
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL"):
        if name in os.environ:  # bolt would read these instead of the config's values
            pytest.fail(f"unset {name} before running the browser tests")
    site = LiveSite(f"sqlite:///{tmp_path_factory.mktemp('browser') / 'console.db'}", analyzer)
    yield site
    site.close()


@pytest.fixture(scope="module")
def chromium():
    if MISSING:
        pytest.fail(f"CI must run the browser tests but {MISSING}: .ci/run installs chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def person(chromium, live):
    """A fresh browser profile per person (own cookies), signed in on demand."""
    contexts = []

    def open_as(username: str | None = None):
        ctx = chromium.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
        contexts.append(ctx)
        page = ctx.new_page()
        page.set_default_timeout(30_000)
        page.goto(live.url + "/console/")
        if username:
            sign_in(page, username, PASSWORDS[username])
            expect(page.locator("header .who")).to_contain_text(username)
        return page

    yield open_as
    for ctx in contexts:
        ctx.close()


def sign_in(page, username: str, password: str) -> None:
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("main button[type=submit]")


def test_when_signing_in_then_a_wrong_password_is_refused_and_the_right_one_lands_on_the_queue(person):
    page = person()
    expect(page).to_have_url(re.compile(r"/console/login$"))
    sign_in(page, "officer", "not-the-password")
    expect(page.locator(".notice.error")).to_have_text("The user name or password is wrong.")
    sign_in(page, "officer", PASSWORDS["officer"])
    expect(page.locator("h1")).to_have_text("Waiting for a privacy officer")
    expect(page.locator("header .who")).to_have_text("officer (privacy officer)")
    page.click("header button:has-text('Sign out')")
    expect(page).to_have_url(re.compile(r"/console/login$"))


def test_when_staff_submit_a_draft_then_an_officer_approves_it_from_the_queue(person, live, tmp_path):
    staff = person("staff1")
    staff.fill("#text", PHI_DRAFT)
    staff.check("input[name=target][value=instagram]")
    staff.click("button:has-text('Check this draft')")
    expect(staff.locator("#state")).to_have_text("FLAGGED")
    expect(staff.locator("#draft")).to_contain_text("PERSON")
    assert staff.locator("#draft mark").count() >= 2  # the name and the phone at least
    expect(staff.locator("#rewrite")).to_contain_text("Our next anxiety workshop starts in May.")
    expect(staff.locator("#rewrite")).not_to_contain_text("Maria")
    staff.screenshot(path=str(tmp_path / "review.png"), full_page=True)

    staff.click("a:has-text('Review another draft')")
    staff.fill("#text", CLEAN_DRAFT)
    staff.click("button:has-text('Check this draft')")
    expect(staff.locator("#state")).to_have_text("CLEAN")
    review_id = re.search(r"Review #(\d+)", staff.locator("h1").inner_text()).group(1)
    expect(staff.locator("button:has-text('Approve')")).to_have_count(0)

    officer = person("officer")
    row = officer.locator("#queue tbody tr", has_text=f"#{review_id}")
    expect(row).to_contain_text("staff1")
    expect(row).to_contain_text("CLEAN")
    expect(officer.locator("#queue")).not_to_contain_text("Mindfulness")  # the queue never shows draft text
    row.locator("a").click()
    officer.click("button:has-text('Approve')")
    expect(officer.locator("#state")).to_have_text("CLEARED")
    expect(officer.locator(".notice.ok")).to_contain_text("Approved: this draft is cleared")

    staff.goto(live.url + f"/console/reviews/{review_id}")
    expect(staff.locator("#state")).to_have_text("CLEARED")
    expect(staff.locator("dl.facts")).to_contain_text("Decided by")


def test_when_an_officer_records_a_consent_then_console_search_and_slack_consent_find_it(person, live):
    officer = person("officer")
    officer.click("nav a:has-text('Consents')")
    officer.fill("#patient", "Jane Doe")
    officer.fill("#handles", "@janedoe")
    officer.check("input[name=scope][value=testimonial]")
    officer.check("input[name=platform][value=instagram]")
    officer.fill("#document_ref", "scan/jane-doe-2026.pdf")
    officer.click("#add button[type=submit]")
    expect(officer.locator("#notice")).to_contain_text("Recorded consent C-")
    consent_id = re.search(r"C-\d+", officer.locator("#notice").inner_text()).group(0)

    officer.fill("#query", "@janedoe")
    officer.click("#search button")
    expect(officer.locator("#results")).to_contain_text("Jane Doe")
    expect(officer.locator("#results")).to_contain_text(consent_id)
    assert "janedoe" not in officer.url and "Jane" not in officer.url  # the query travelled in the body

    answer = live.slash_consent(OFFICER_SLACK, "Jane Doe")
    assert answer["response_type"] == "ephemeral"
    assert "*Jane Doe*" in answer["text"] and "testimonial: instagram active" in answer["text"]
    assert consent_id in answer["text"]


def test_when_an_officer_exports_the_audit_trail_then_the_download_verifies_and_is_recorded(person):
    officer = person("officer")
    officer.click("nav a:has-text('Audit trail')")
    expect(officer.locator("#chain")).to_contain_text("CHAIN INTACT")
    with officer.expect_download() as download:
        officer.click("#export button")
    path = Path(download.value.path())
    assert re.fullmatch(r"clearpost-audit-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv", download.value.suggested_filename)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows and {"console_signed_in", "config_loaded"} <= {r["action"] for r in rows}
    assert all(b["prev_hash"] == a["hash"] for a, b in zip(rows, rows[1:]))
    officer.reload()
    expect(officer.locator("#rows tbody tr").first).to_contain_text("audit_exported")
