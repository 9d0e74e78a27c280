"""The web console over real HTTP on 127.0.0.1: the real aiohttp app as
`clearpost serve` builds it, real Presidio, a real database (SQLite, and
PostgreSQL when DATABASE_URL is set), real scrypt accounts and sessions."""
from __future__ import annotations

import logging

import pytest
from sqlmodel import select

from bot.db import transaction
from bot.models import AuditEvent, ConsoleSession, Review
from tests.console_client import (CLEAN_DRAFT, PASSWORDS, PHI_DRAFT, count, signed_in, site,  # noqa: F401
                                  state_of, submit)

@pytest.mark.parametrize("path", ["/console/review", "/console/queue", "/console/reviews/1", "/console/"])
async def test_when_not_signed_in_then_pages_send_to_sign_in(site, path):
    _services, client = site
    c = client()
    status, _ = await c.get(path, redirects=False)
    assert status == 303 and c.headers["Location"] == "/console/login"


async def test_when_not_signed_in_then_posting_a_draft_is_refused_and_nothing_stored(site):
    services, client = site
    c = client()
    status, _ = await c.post("/console/review", {"text": PHI_DRAFT}, csrf="made-up")
    assert status == 401
    assert count(services, Review) == 0


async def test_when_password_wrong_then_no_session(site):
    _services, client = site
    c = client()
    status, page = await c.sign_in("officer", "not-the-password")
    assert status == 401 and "wrong" in page
    assert c.cookie("clearpost_session") is None


async def test_when_sign_in_form_lacks_its_csrf_token_then_refused(site):
    _services, client = site
    c = client()
    await c.get("/console/login")
    status, _ = await c.post("/console/login", {"username": "officer", "password": PASSWORDS["officer"]},
                             csrf="not-the-cookie-value")
    assert status == 403 and c.cookie("clearpost_session") is None


async def test_when_signed_in_then_session_cookie_is_httponly_and_samesite_strict(site):
    _services, client = site
    c = client()
    await c.get("/console/login")
    await c.post("/console/login", {"username": "staff1", "password": PASSWORDS["staff1"]}, redirects=False)
    cookie = next(v for k, v in c.headers.items() if k == "Set-Cookie" and "clearpost_session=" in v)
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/console" in cookie
    assert "Secure" not in cookie  # plain http on 127.0.0.1; behind TLS it is set (next test)


async def test_when_a_local_tls_proxy_says_https_then_cookie_is_secure(site):
    _services, client = site
    c = client()
    await c.get("/console/login")
    await c.post("/console/login", {"username": "staff1", "password": PASSWORDS["staff1"]},
                 headers={"X-Forwarded-Proto": "https"}, redirects=False)
    cookie = next(v for k, v in c.headers.items() if k == "Set-Cookie" and "clearpost_session=" in v)
    assert "Secure" in cookie


async def test_when_post_has_no_or_wrong_csrf_token_then_refused_and_nothing_stored(site):
    services, client = site
    c = await signed_in(client, "staff1")
    await c.get("/console/review")
    status, _ = await c.post("/console/review", {"text": PHI_DRAFT}, csrf=False)
    assert status == 403
    status, _ = await c.post("/console/review", {"text": PHI_DRAFT}, csrf="x" * 43)
    assert status == 403
    assert count(services, Review) == 0


async def test_when_post_comes_from_another_origin_then_refused(site):
    services, client = site
    c = await signed_in(client, "staff1")
    await c.get("/console/review")
    status, _ = await c.post("/console/review", {"text": PHI_DRAFT}, headers={"Origin": "https://evil.example"})
    assert status == 403 and count(services, Review) == 0


async def test_when_staff_submits_a_draft_then_findings_are_marked_and_rewrite_shown(site):
    services, client = site
    c = await signed_in(client, "staff1")
    rid = await submit(c, PHI_DRAFT, "instagram")
    page = c.page
    assert "FLAGGED" in page and "<mark" in page and "PERSON" in page and "[PHONE]" in page
    assert state_of(services, rid) == "flagged"
    with transaction(services.engine) as s:
        row = s.get(Review, rid)
        assert row.platform == "console" and row.author == "staff1" and row.draft_text is None
        assert row.targets == '["instagram"]'


async def test_when_staff_tries_to_approve_then_refused_and_state_unchanged(site):
    services, client = site
    c = await signed_in(client, "staff1")
    rid = await submit(c, CLEAN_DRAFT)
    assert state_of(services, rid) == "clean"
    assert "Approve</button>" not in c.page
    status, page = await c.post(f"/console/reviews/{rid}/decide", {"action": "approve"})
    assert status == 403 and "privacy officer" in page
    assert state_of(services, rid) == "clean"
    with transaction(services.engine) as s:
        refused = s.exec(select(AuditEvent).where(AuditEvent.review_id == rid,
                                                  AuditEvent.action == "decision_refused")).all()
    assert [e.actor for e in refused] == ["staff1"]  # docs/audit.md: refused decisions are audited


async def test_when_staff_opens_the_queue_then_refused(site):
    _services, client = site
    c = await signed_in(client, "staff1")
    status, _ = await c.get("/console/queue")
    assert status == 403


async def test_when_officer_approves_a_clean_draft_then_cleared_and_audited(site):
    services, client = site
    staff = await signed_in(client, "staff1")
    rid = await submit(staff, CLEAN_DRAFT, "facebook")
    officer = await signed_in(client, "officer")
    status, page = await officer.get("/console/queue")
    assert status == 200 and f"#{rid}" in page and CLEAN_DRAFT not in page
    await officer.get(f"/console/reviews/{rid}")
    assert "Approve</button>" in officer.page
    status, page = await officer.post(f"/console/reviews/{rid}/decide", {"action": "approve"})
    assert status == 200 and "CLEARED" in page
    assert state_of(services, rid) == "cleared"
    with transaction(services.engine) as s:
        row = s.exec(select(AuditEvent).where(AuditEvent.review_id == rid, AuditEvent.action == "approve")).one()
        assert row.actor == "officer"
    _, page = await officer.get("/console/queue")
    assert f"#{rid}<" not in page  # no longer waiting
    _, page = await staff.get(f"/console/reviews/{rid}")
    assert "CLEARED" in page and "officer" in page


async def test_when_override_has_no_reason_then_refused_and_with_reason_then_cleared(site):
    services, client = site
    staff = await signed_in(client, "staff1")
    rid = await submit(staff, PHI_DRAFT)
    officer = await signed_in(client, "officer")
    await officer.get(f"/console/reviews/{rid}")
    assert "Approve</button>" not in officer.page  # blocking findings: only an override can clear
    status, page = await officer.post(f"/console/reviews/{rid}/decide", {"action": "approve"})
    assert status == 409 and state_of(services, rid) == "flagged"
    status, page = await officer.post(f"/console/reviews/{rid}/decide", {"action": "override", "reason": "   "})
    assert status == 409 and "justification" in page
    assert state_of(services, rid) == "flagged"
    status, page = await officer.post(f"/console/reviews/{rid}/decide", {"action": "override", "reason": "x" * 2001})
    assert status == 400 and "limited to 2000 characters" in page and state_of(services, rid) == "flagged"
    status, page = await officer.post(f"/console/reviews/{rid}/decide",
                                      {"action": "override", "reason": "signed release on file"})
    assert status == 200 and state_of(services, rid) == "cleared"
    with transaction(services.engine) as s:
        assert s.get(Review, rid).override_reason == "signed release on file"


async def test_when_officer_rejects_then_rejected(site):
    services, client = site
    staff = await signed_in(client, "staff1")
    rid = await submit(staff, PHI_DRAFT)
    officer = await signed_in(client, "officer")
    await officer.get(f"/console/reviews/{rid}")
    status, _ = await officer.post(f"/console/reviews/{rid}/decide", {"action": "reject"})
    assert status == 200 and state_of(services, rid) == "rejected"


async def test_when_officer_wrote_the_draft_then_another_officer_must_clear_it(site):
    services, client = site
    officer = await signed_in(client, "officer")
    rid = await submit(officer, CLEAN_DRAFT)
    assert "another privacy officer" in officer.page
    status, _ = await officer.post(f"/console/reviews/{rid}/decide", {"action": "approve"})
    assert status == 409 and state_of(services, rid) == "clean"
    other = await signed_in(client, "officer2")
    await other.get(f"/console/reviews/{rid}")
    status, _ = await other.post(f"/console/reviews/{rid}/decide", {"action": "approve"})
    assert status == 200 and state_of(services, rid) == "cleared"


async def test_when_officer_role_is_not_listed_in_the_profile_then_acts_as_staff(site):
    services, client = site
    staff = await signed_in(client, "staff1")
    rid = await submit(staff, CLEAN_DRAFT)
    boss = await signed_in(client, "boss")
    status, _ = await boss.get("/console/queue")
    assert status == 403
    status, _ = await boss.get(f"/console/reviews/{rid}")
    assert status == 404  # staff see only their own drafts
    assert state_of(services, rid) == "clean"


async def test_when_staff_opens_someone_elses_review_then_not_found(site):
    _services, client = site
    officer = await signed_in(client, "officer")
    rid = await submit(officer, CLEAN_DRAFT)
    staff = await signed_in(client, "staff1")
    status, page = await staff.get(f"/console/reviews/{rid}")
    assert status == 404


async def test_when_a_draft_is_empty_then_refused_with_a_message(site):
    services, client = site
    c = await signed_in(client, "staff1")
    await c.get("/console/review")
    status, page = await c.post("/console/review", {"text": "   "})
    assert status == 400 and "empty" in page and count(services, Review) == 0


async def test_when_signed_out_then_the_old_cookie_no_longer_works(site):
    services, client = site
    c = await signed_in(client, "staff1")
    token = c.cookie("clearpost_session")
    await c.get("/console/review")
    status, _ = await c.post("/console/logout", redirects=False)
    assert status == 303 and count(services, ConsoleSession) == 0
    thief = client()
    async with thief.http.get(thief.base + "/console/review", allow_redirects=False,
                              cookies={"clearpost_session": token}) as resp:
        assert resp.status == 303 and resp.headers["Location"] == "/console/login"


async def test_when_too_many_wrong_passwords_then_even_the_right_one_waits(site):
    _services, client = site
    c = client()
    for _ in range(5):
        status, _ = await c.sign_in("officer", "wrong-password-0")
        assert status == 401
    status, page = await c.sign_in("officer", PASSWORDS["officer"])
    assert status == 429 and c.cookie("clearpost_session") is None
    status, _ = await client().sign_in("officer2", PASSWORDS["officer2"])
    assert status == 200  # another user name from the same address is not locked yet


async def test_when_drafts_are_reviewed_then_no_draft_text_reaches_the_logs(site, caplog):
    _services, client = site
    caplog.set_level(logging.DEBUG)
    c = await signed_in(client, "staff1")
    await submit(c, PHI_DRAFT)
    assert caplog.records, "expected some log lines to inspect"
    for needle in ("Maria", "Gonzalez", "555-0199", PASSWORDS["staff1"]):
        assert needle not in caplog.text


async def test_pages_forbid_caching_and_framing(site):
    _services, client = site
    c = await signed_in(client, "staff1")
    await c.get("/console/review")
    assert c.headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in c.headers["Content-Security-Policy"]
    assert c.headers["X-Content-Type-Options"] == "nosniff"


async def test_when_an_officer_opens_a_review_then_it_links_to_the_posts_audit_history(site):
    _services, client = site
    staff = await signed_in(client, "staff1")
    rid = await submit(staff, CLEAN_DRAFT)
    officer = await signed_in(client, "officer")
    _, page = await officer.get(f"/console/reviews/{rid}")
    assert f'/console/audit?review={rid}&amp;from=' in page
    _, page = await staff.get(f"/console/reviews/{rid}")
    assert "/console/audit?" not in page


async def test_when_a_draft_contains_markup_then_it_is_shown_as_text_not_run(site):
    _services, client = site
    c = await signed_in(client, "staff1")
    await submit(c, '<script>alert(1)</script> <img src=x onerror=alert(2)> Call Maria Gonzalez today.')
    assert "<script>alert(1)" not in c.page and "<img src=x" not in c.page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in c.page


async def test_when_fifty_wrong_sign_ins_arrive_at_once_then_at_most_five_are_checked(site):
    import asyncio
    _services, client = site
    c = client()
    await c.get("/console/login")
    token = c.csrf()

    async def attempt():
        async with c.http.post(c.base + "/console/login", data={"username": "officer", "password": "wrong-password",
                                                                  "csrf": token}) as resp:
            return resp.status

    statuses = await asyncio.gather(*(attempt() for _ in range(50)))
    assert statuses.count(401) <= 5 and statuses.count(401) + statuses.count(429) == 50


@pytest.mark.parametrize("trusted,forwarded,expected", [
    ([], "203.0.113.9", "127.0.0.1"),                      # no proxy configured: the header is ignored
    (["127.0.0.1"], "203.0.113.9", "203.0.113.9"),          # our proxy says who the client is
    (["127.0.0.1"], "198.51.100.7, 203.0.113.9", "203.0.113.9"),  # the hop nearest our proxy counts
    (["127.0.0.0/8", "10.0.0.0/8"], "203.0.113.9, 10.1.2.3", "203.0.113.9"),
])
async def test_when_behind_a_configured_proxy_then_sign_in_limits_key_on_the_real_client(trusted, forwarded, expected):
    from aiohttp.test_utils import make_mocked_request
    from adapters.console.web import client_address
    request = make_mocked_request("POST", "/console/login", headers={"X-Forwarded-For": forwarded}).clone(
        remote="127.0.0.1")
    assert client_address(request, trusted) == expected


def test_when_a_trusted_proxy_is_not_an_address_then_the_config_names_the_key():
    import copy

    from bot.config import Profile
    from tests.conftest import EXAMPLE_PROFILE
    data = copy.deepcopy(EXAMPLE_PROFILE)
    data.setdefault("server", {})["trusted_proxies"] = ["not-an-ip"]
    with pytest.raises(Exception, match="trusted_proxies"):
        Profile.model_validate(data)
