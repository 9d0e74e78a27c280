"""Two-step sign-in in headless chromium: an officer of a practice that requires it lands on the
set-up page, the QR code is drawn (inline SVG, nothing blocked by the Content Security Policy),
the key shown as text gives the codes, and the next sign-in asks for one. Codes come from pyotp
for the real time."""
from __future__ import annotations

import asyncio
import os
import re
import threading
import time

import pyotp
import pytest
from cryptography.fernet import Fernet

from bot.accounts import add_user
from bot.app import build_services
from tests.browser.test_console_browser import (CHROMIUM, CHROMIUM_ARGS, MISSING, PASSWORDS,  # noqa: F401
                                                chromium, person, sign_in)
from tests.conftest import make_config
from tests.fakes.slack_api import BotServer

try:
    from playwright.sync_api import expect
except ImportError:  # pragma: no cover - the import above skipped the module already
    expect = None


class TwoStepSite:
    """The real web app with a data key and console.require_totp_for_officers, on its own loop."""

    def __init__(self, db_url: str, analyzer):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="two-step-site", daemon=True)
        self.thread.start()
        config = make_config(db_url, secrets={"data_key": Fernet.generate_key().decode()},
                             officers={"slack": [], "teams": [], "console": ["officer"]},
                             console={"require_totp_for_officers": True})
        self.services = build_services(config, analyzer=analyzer)
        for name, role in (("officer", "officer"), ("staff1", "staff")):
            add_user(self.services.engine, name, PASSWORDS[name], role)
        self.server = asyncio.run_coroutine_threadsafe(BotServer(self.services).start(), self.loop).result(60)
        self.url = self.server.url

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self.server.stop(), self.loop).result(60)
        self.services.pipeline.close()
        self.services.engine.dispose()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


@pytest.fixture(scope="module")
def live(tmp_path_factory, analyzer):
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL"):
        if name in os.environ:
            pytest.fail(f"unset {name} before running the browser tests")
    site = TwoStepSite(f"sqlite:///{tmp_path_factory.mktemp('two-step') / 'console.db'}", analyzer)
    yield site
    site.close()


def test_when_an_officer_must_enrol_then_the_page_shows_a_qr_code_and_the_next_sign_in_asks_for_a_code(person):
    page = person()
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    sign_in(page, "officer", PASSWORDS["officer"])
    expect(page.locator("h1")).to_have_text("Two-step sign-in")
    expect(page.locator("main")).to_contain_text("Until you set it up here, you act as staff")
    qr = page.locator("figure.qr svg")
    expect(qr).to_be_visible()
    box = qr.bounding_box()
    assert box["width"] >= 100 and box["height"] >= 100, box
    assert page.locator("figure.qr svg path").count() >= 1
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    expect(page.locator("#totp-uri")).to_contain_text(f"otpauth://totp/ClearPost:officer?secret={secret}")
    app = pyotp.TOTP(secret)

    page.fill("#code", "12345")  # too short: the browser's own check keeps the form back
    page.click("main button[type=submit]")
    expect(page.locator(".notice.ok")).to_have_count(0)
    page.fill("#code", app.now())
    page.click("main button[type=submit]")
    expect(page.locator(".notice.ok")).to_contain_text("Two-step sign-in is on")
    page.click("nav a:has-text('Queue')")
    expect(page.locator("h1")).to_have_text("Waiting for a privacy officer")

    page.click("header button:has-text('Sign out')")
    sign_in(page, "officer", PASSWORDS["officer"])
    expect(page).to_have_url(re.compile(r"/console/login/code$"))
    page.fill("#code", app.at(time.time() + 30))  # the enrolment used this step's code; the next is accepted
    page.click("main button[type=submit]")
    expect(page.locator("h1")).to_have_text("Waiting for a privacy officer")
    expect(page.locator("header .who")).to_have_text("officer (privacy officer)")
    assert blocked == [], blocked
