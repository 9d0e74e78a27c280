"""The console's consent registry pages over real HTTP: officers only, look-ups
by POST, add, withdraw, CSV import with per-line errors, expiring soon. The
result is checked through the same look-up service /consent answers from."""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import aiohttp
import pytest
from sqlmodel import select

from bot.db import transaction
from bot.models import AuditEvent, Consent
from tests.console_client import count, signed_in, site  # noqa: F401

DATA = Path(__file__).parent / "data"


def _grant(**over) -> list[tuple[str, str]]:
    fields = {"patient": "Emily Rose Carter", "aliases": "Em; Emmy", "handles": "@emcarter",
              "granted_on": date.today().isoformat(), "expires_on": "", "document_ref": "scan/em.pdf"}
    fields.update({k: v for k, v in over.items() if k not in ("scope", "platform")})
    pairs = list(fields.items())
    pairs += [("scope", s) for s in over.get("scope", ["testimonial", "name_use"])]
    pairs += [("platform", p) for p in over.get("platform", ["instagram"])]
    return pairs


async def _upload(c, path: Path) -> tuple[int, str]:
    await c.get("/console/consents")
    form = aiohttp.FormData()
    form.add_field("csrf", c.csrf())
    form.add_field("file", path.read_bytes(), filename=path.name, content_type="text/csv")
    async with c.http.post(c.base + "/console/consents/import", data=form) as resp:
        return await c._record(resp)


@pytest.mark.parametrize("method,path", [("GET", "/console/consents"), ("POST", "/console/consents/search"),
                                         ("POST", "/console/consents/add"), ("POST", "/console/consents/withdraw")])
async def test_when_staff_use_the_registry_then_refused(site, method, path):
    services, client = site
    staff = await signed_in(client, "staff1")
    await staff.get("/console/review")
    status, _ = (await staff.get(path)) if method == "GET" else (await staff.post(path, _grant()))
    assert status == 403
    assert count(services, Consent) == 0


async def test_when_an_officer_records_a_consent_then_lookup_finds_it_and_it_is_audited(site):
    services, client = site
    officer = await signed_in(client, "officer")
    await officer.get("/console/consents")
    status, page = await officer.post("/console/consents/add", _grant())
    assert status == 200 and "Recorded consent C-1" in page
    answer = services.consents.lookup("Em Carter")
    assert answer.found and answer.status("testimonial", "instagram").state == "active"
    with transaction(services.engine) as s:
        row = s.exec(select(AuditEvent).where(AuditEvent.action == "consent_granted")).one()
    assert row.actor == "officer" and row.consent_id == "C-1"
    assert "Emily" not in row.details  # the chain holds ids, not names


async def test_when_searching_then_the_query_goes_in_the_body_and_finds_aliases_and_handles(site):
    _services, client = site
    officer = await signed_in(client, "officer")
    await officer.get("/console/consents")
    await officer.post("/console/consents/add", _grant())
    for query in ("Emmy Carter", "@emcarter", "C-1"):
        status, page = await officer.post("/console/consents/search", {"query": query})
        assert status == 200 and "Emily Rose Carter" in page and "active" in page, query
    status, page = await officer.get("/console/consents?query=Emily")
    assert status == 200 and "Results for" not in page  # a query string is ignored: names never ride in URLs
    status, page = await officer.post("/console/consents/search", {"query": "Nobody Atall"})
    assert "No patient in the registry matches" in page


@pytest.mark.parametrize("over,said", [
    ({"scope": []}, "scope"),
    ({"platform": ["myspace"]}, "platform"),
    ({"document_ref": ""}, "document reference"),
    ({"expires_on": "2000-01-01"}, "expiry date"),
    ({"granted_on": "yesterday"}, "not a date"),
])
async def test_when_a_consent_form_is_incomplete_then_nothing_is_recorded_and_the_form_is_kept(site, over, said):
    services, client = site
    officer = await signed_in(client, "officer")
    await officer.get("/console/consents")
    status, page = await officer.post("/console/consents/add", _grant(**over))
    assert status == 400 and "Not recorded" in page and said in page
    assert 'value="Emily Rose Carter"' in page
    assert count(services, Consent) == 0


async def test_when_withdrawn_then_it_needs_a_reason_and_lookup_sees_the_withdrawal(site):
    services, client = site
    officer = await signed_in(client, "officer")
    await officer.get("/console/consents")
    await officer.post("/console/consents/add", _grant())
    status, page = await officer.post("/console/consents/withdraw", {"consent_id": "C-1", "reason": " "})
    assert status == 400 and "reason" in page
    assert services.consents.lookup("Emily Rose Carter").status("testimonial", "instagram").state == "active"
    status, page = await officer.post("/console/consents/withdraw",
                                      {"consent_id": "C-1", "reason": "asked to stop", "query": "C-1"})
    assert status == 200 and "withdrawn" in page
    assert services.consents.lookup("Emily Rose Carter").status("testimonial", "instagram").state == "withdrawn"
    status, page = await officer.post("/console/consents/withdraw", {"consent_id": "C-1", "reason": "again"})
    assert status == 400 and "already withdrawn" in page


async def test_when_a_valid_csv_is_imported_then_every_row_is_in_the_registry(site):
    services, client = site
    officer = await signed_in(client, "officer")
    status, page = await _upload(officer, DATA / "consent_valid.csv")
    assert status == 200 and "Imported 4 consent row(s)" in page
    assert count(services, Consent) == 4
    assert services.consents.lookup("@rob.nguyen").patient_id == "P-101"


async def test_when_a_csv_has_bad_lines_then_nothing_is_imported_and_each_line_is_named(site):
    services, client = site
    officer = await signed_in(client, "officer")
    status, page = await _upload(officer, DATA / "consent_errors.csv")
    assert status == 400 and "Nothing was imported" in page
    for line, said in ((3, "selfie"), (4, "myspace"), (5, "not a date"), (6, "before granted_on"),
                       (8, "document_ref"), (11, "fields")):
        assert f"line {line}: " in page and said in page, line
    assert count(services, Consent) == 0


async def test_when_a_consent_ends_soon_then_it_is_listed_as_expiring(site):
    services, client = site
    officer = await signed_in(client, "officer")
    await officer.get("/console/consents")
    soon = (date.today() + timedelta(days=5)).isoformat()
    later = (date.today() + timedelta(days=300)).isoformat()
    await officer.post("/console/consents/add", _grant(expires_on=soon))
    await officer.post("/console/consents/add", _grant(patient="Robert Nguyen", handles="", aliases="",
                                                       expires_on=later))
    _, page = await officer.get("/console/consents")
    expiring = page.split("Expiring within", 1)[1].split("Record a consent", 1)[0]
    assert "Emily Rose Carter" in expiring and f"expiring {soon}" in expiring
    assert "Robert Nguyen" not in expiring
    with transaction(services.engine) as s:
        assert json.loads(s.get(Consent, "C-2").platforms) == ["instagram"]


async def test_when_staff_are_named_in_consent_lookup_then_they_may_search_but_not_change(db_url, analyzer):
    from aiohttp.test_utils import TestServer

    from bot.accounts import add_user
    from bot.app import build_services
    from bot.consent.registry import ConsentRegistry
    from bot.server import build_web_app
    from tests.conftest import make_config
    from tests.console_client import ConsoleClient

    services = build_services(make_config(db_url, consent_lookup={"slack": [], "teams": [], "console": ["frontdesk"]}),
                              analyzer=analyzer)
    add_user(services.engine, "frontdesk", "frontdesk-password", "staff")
    add_user(services.engine, "other", "other-staff-password", "staff")
    ConsentRegistry(services.engine).grant("officer", patient="Jane Doe", scopes=["testimonial"],
                                           platforms=["instagram"], document_ref="scan/secret-ref.pdf")
    server = TestServer(build_web_app(services), host="127.0.0.1")
    await server.start_server()
    desk, other = ConsoleClient(str(server.make_url("/"))), ConsoleClient(str(server.make_url("/")))
    try:
        await desk.sign_in("frontdesk", "frontdesk-password")
        status, page = await desk.get("/console/consents")
        assert status == 200 and "Record a consent" not in page and 'action="/console/consents/import"' not in page
        status, page = await desk.post("/console/consents/search", {"query": "Jane Doe"})
        assert status == 200 and "Jane Doe" in page and "active" in page
        assert "secret-ref" not in page and "Withdraw" not in page  # the standing, not the paperwork
        status, _ = await desk.post("/console/consents/withdraw", {"consent_id": "C-1", "reason": "no"})
        assert status == 403
        await other.sign_in("other", "other-staff-password")
        status, _ = await other.get("/console/consents")
        assert status == 403
    finally:
        await desk.close()
        await other.close()
        await server.close()
        services.pipeline.close()
        services.engine.dispose()
