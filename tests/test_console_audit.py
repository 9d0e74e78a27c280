"""The console's audit trail page over real HTTP: filters, chain status, export."""
from __future__ import annotations

import csv
import io
import json

from sqlmodel import select

from bot.db import transaction
from bot.models import AuditEvent
from tests.console_client import CLEAN_DRAFT, PHI_DRAFT, signed_in, site, submit  # noqa: F401


async def _approved_review(client) -> int:
    staff = await signed_in(client, "staff1")
    rid = await submit(staff, CLEAN_DRAFT)
    officer = await signed_in(client, "officer")
    await officer.get(f"/console/reviews/{rid}")
    status, _ = await officer.post(f"/console/reviews/{rid}/decide", {"action": "approve"})
    assert status == 200
    return rid


async def test_when_staff_opens_the_audit_trail_then_refused(site):
    _services, client = site
    staff = await signed_in(client, "staff1")
    status, _ = await staff.get("/console/audit")
    assert status == 403
    await staff.get("/console/review")
    status, _ = await staff.post("/console/audit/export", {"format": "csv"})
    assert status == 403


async def test_when_the_chain_is_intact_then_the_page_says_so_and_lists_the_decision(site):
    _services, client = site
    rid = await _approved_review(client)
    officer = await signed_in(client, "officer2")
    status, page = await officer.get("/console/audit")
    assert status == 200 and "CHAIN INTACT" in page
    assert "approve" in page and f"#{rid}" in page and CLEAN_DRAFT not in page


async def test_when_a_forged_row_is_slipped_in_then_the_page_says_the_chain_is_broken(site):
    services, client = site
    await _approved_review(client)
    with transaction(services.engine) as s:  # the guard refuses UPDATE/DELETE; a forged INSERT gets through
        last = s.exec(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
        forged = AuditEvent(actor="officer", action="approve", review_id=99, details="{}",
                            prev_hash=last.hash, hash="f" * 64)
        s.add(forged)
        s.flush()
        forged_id = forged.id
    officer = await signed_in(client, "officer2")
    _, page = await officer.get("/console/audit")
    assert "CHAIN BROKEN" in page and f"row {forged_id}" in page


async def test_when_filtered_by_post_then_only_its_rows_and_its_evidence_are_shown(site):
    services, client = site
    rid = await _approved_review(client)
    staff = await signed_in(client, "staff1")
    other = await submit(staff, PHI_DRAFT)
    officer = await signed_in(client, "officer2")
    _, page = await officer.get(f"/console/audit?review={rid}")
    assert f"Evidence for post #{rid}" in page and "officer (approve)" in page
    assert f"#{rid}<" in page and f"#{other}<" not in page
    _, page = await officer.get("/console/audit?actor=staff1")
    assert "draft_received" in page and ">approve<" not in page


async def test_when_exported_then_rows_carry_their_hashes_and_the_export_is_recorded(site):
    services, client = site
    rid = await _approved_review(client)
    officer = await signed_in(client, "officer2")
    await officer.get("/console/audit")
    status, body = await officer.post("/console/audit/export", {"format": "csv"})
    assert status == 200 and "attachment" in officer.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body)))
    approve = [r for r in rows if r["action"] == "approve"]
    assert len(approve) == 1 and approve[0]["review_id"] == str(rid) and len(approve[0]["hash"]) == 64
    assert all(b["prev_hash"] == a["hash"] for a, b in zip(rows, rows[1:]))  # unfiltered: a contiguous chain
    await officer.get("/console/audit")
    status, body = await officer.post("/console/audit/export", {"format": "json", "review": str(rid)})
    doc = json.loads(body)
    assert doc["row_count"] == len(doc["rows"]) and {r["review_id"] for r in doc["rows"]} == {rid}
    with transaction(services.engine) as s:
        exports = s.exec(select(AuditEvent).where(AuditEvent.action == "audit_exported")).all()
    assert [e.actor for e in exports] == ["officer2", "officer2"]
    assert json.loads(exports[1].details)["review_filter"] == rid


async def test_when_dates_are_nonsense_then_the_page_explains_and_uses_the_default(site):
    _services, client = site
    officer = await signed_in(client, "officer")
    status, page = await officer.get("/console/audit?from=yesterday&to=2020-13-40")
    assert status == 200 and "YYYY-MM-DD" in page


async def test_when_a_row_is_rewritten_behind_the_guard_then_check_again_now_reports_it(site):
    from sqlalchemy import text
    services, client = site
    await _approved_review(client)
    officer = await signed_in(client, "officer2")
    _, page = await officer.get("/console/audit")
    assert "CHAIN INTACT" in page and "Check again now" in page
    with transaction(services.engine) as s:  # a table owner can switch the guard off
        victim = s.exec(select(AuditEvent).where(AuditEvent.action == "approve")).one()
        if services.engine.dialect.name == "postgresql":
            s.execute(text("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only"))
        else:
            s.execute(text("DROP TRIGGER audit_event_no_update"))
        s.execute(text("UPDATE audit_event SET actor = 'someone-else' WHERE id = :id"), {"id": victim.id})
    _, page = await officer.get("/console/audit")
    assert "CHAIN INTACT" in page  # same head, checked moments ago: the cached result (with its time)
    _, page = await officer.get("/console/audit?verify=now")
    assert "CHAIN BROKEN" in page and f"row {victim.id}" in page and "edited" in page


async def test_when_a_date_is_out_of_range_then_the_page_and_the_export_say_so_without_a_500(site):
    _services, client = site
    officer = await signed_in(client, "officer")
    for query in ("?to=9999-12-31", "?from=0001-01-01", "?from=9999-12-31&to=9999-12-31"):
        status, page = await officer.get("/console/audit" + query)
        assert status == 200 and "Dates are written YYYY-MM-DD" in page
    await officer.get("/console/audit")
    status, _ = await officer.post("/console/audit/export", {"format": "csv", "to": "9999-12-31"})
    assert status < 500


def test_when_the_cli_export_gets_an_out_of_range_date_then_it_exits_2(tmp_path, capsys):
    import yaml
    from bot.cli import main
    from tests.conftest import EXAMPLE_PROFILE
    cfg = tmp_path / "config.yml"
    cfg.write_text(yaml.safe_dump(dict(EXAMPLE_PROFILE, storage={"database_url": f"sqlite:///{tmp_path / 'a.db'}"})))
    assert main(["--config", str(cfg), "audit", "export", "--from", "2026-01-01", "--to", "9999-12-31"]) == 2
    assert "between" in capsys.readouterr().err
