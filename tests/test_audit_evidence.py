"""The evidence record for one post, built from the chain, through the real
review service and Presidio, on SQLite and PostgreSQL."""
from __future__ import annotations

import json
from datetime import date

import pytest
from sqlmodel import Session, select

from bot import audit
from bot.audit.evidence import evidence_for
from bot.audit.verify import verify
from bot.db import transaction
from bot.domain import Draft, Finding, MessageRef, Severity
from bot.models import AuditEvent, Consent, Patient
from bot.pipeline import Pipeline
from bot.review_service import ReviewService
from checks.base import Check
from checks.phi.check import PhiCheck

OFFICER = "U0PRIVACY1"
PHI_TEXT = "So proud of Emily Carter, call her at 503-555-7788 after her therapy session."
CLEAN_TEXT = "Five grounding techniques to try when anxiety spikes."


class CitesConsent(Check):
    """Stands in for the consent check: cites consent C-1042 the way it does
    (ids and positions in the message, never names)."""

    name = "consent"

    def __init__(self, code="ok", severity=Severity.INFO):
        self.code, self.severity = code, severity

    def run(self, draft, analysis):
        return [Finding(check="consent", code=f"consent.{self.code}", severity=self.severity, entity="PERSON",
                        start=0, end=5, message="the patient at characters 0-5 (P-1): consent C-1042 covers "
                                                "testimonial on instagram.")]


def draft(text, mid="1", author="U0STAFF"):
    return Draft(text=text, author=author, ref=MessageRef("slack", "T1", "C0REVIEW1", mid),
                 platforms=("instagram", "facebook"))


def record(engine, rid):
    with Session(engine) as s:
        return evidence_for(s, rid)


def add_consent(engine, cid="C-1042"):
    with transaction(engine) as s:
        if s.get(Patient, "P-1") is None:
            s.add(Patient(id="P-1", display_name="Emily Carter"))
            s.flush()
        s.add(Consent(id=cid, patient_id="P-1", scopes='["testimonial"]', platforms='["instagram"]',
                      granted_on=date(2026, 1, 1), document_ref="scan-1", recorded_by=OFFICER))


async def test_when_clean_post_approved_then_record_names_approver_hash_and_platforms(services):
    d = draft(CLEAN_TEXT)
    view = await services.reviews.check(services.reviews.submit(d))
    services.reviews.approve(view.ref, OFFICER)
    r = record(services.engine, view.id)
    assert r["draft_hash"] == d.content_hash == r["approved_content_hash"]
    assert r["platforms"] == ["instagram", "facebook"] and r["author"] == "U0STAFF"
    assert (r["approver"], r["approval"], r["override_reason"]) == (OFFICER, "approve", None)
    assert r["state"] == "cleared" and r["findings"] == [] and r["rows_intact"]
    assert r["config_sha256"] == services.config.sha256
    assert [row["action"] for row in r["audit_rows"]] == ["draft_received", "checks_run", "approve"]
    assert r["approved_at"] >= r["received_at"]


async def test_when_phi_post_overridden_then_record_has_reason_and_findings_without_values(services):
    view = await services.reviews.check(services.reviews.submit(draft(PHI_TEXT)))
    services.reviews.override(view.ref, OFFICER, "patient signed a written authorization")
    r = record(services.engine, view.id)
    assert r["approval"] == "override" and r["override_reason"] == "patient signed a written authorization"
    assert {f.get("entity") for f in r["findings"]} >= {"PERSON", "PHONE"}
    phone = next(f for f in r["findings"] if f["entity"] == "PHONE")
    assert PHI_TEXT[phone["start"]:phone["end"]] == "503-555-7788"
    dumped = json.dumps(r)
    assert "Emily" not in dumped and "555-7788" not in dumped


async def test_when_clearance_revoked_then_no_approver_but_history_kept(services):
    view = await services.reviews.check(services.reviews.submit(draft(CLEAN_TEXT)))
    services.reviews.approve(view.ref, OFFICER)
    services.reviews.revoke(view.ref, OFFICER)
    r = record(services.engine, view.id)
    assert r["approver"] is None and r["state"] == "clean"
    assert [d["action"] for d in r["decisions"]] == ["approve", "revoke"]


async def test_when_non_officer_tries_to_approve_then_refusal_is_audited(services):
    view = await services.reviews.check(services.reviews.submit(draft(CLEAN_TEXT)))
    assert not services.reviews.approve(view.ref, "U0STRANGER").ok
    r = record(services.engine, view.id)
    refused = [d for d in r["decisions"] if d["action"] == "decision_refused"]
    assert len(refused) == 1 and refused[0]["actor"] == "U0STRANGER" and r["approver"] is None
    assert verify(services.engine).ok


@pytest.mark.parametrize("code,severity,relied", [
    ("ok", Severity.INFO, ["C-1042"]),
    ("expiring", Severity.WARN, ["C-1042"]),
    ("withdrawn", Severity.BLOCK, []),
])
async def test_when_consent_check_cites_consent_then_record_lists_it(services, code, severity, relied):
    add_consent(services.engine)
    pipeline = Pipeline(services.analyzer.analyze, [PhiCheck(), CitesConsent(code, severity)], 10)
    reviews = ReviewService(services.config, services.engine, pipeline)
    try:
        view = await reviews.check(reviews.submit(draft(CLEAN_TEXT)))
        reviews.override(view.ref, OFFICER, "consent on file") if view.blocking else reviews.approve(view.ref, OFFICER)
    finally:
        pipeline.close()
    r = record(services.engine, view.id)
    assert [c["consent_id"] for c in r["consents_relied_on"]] == relied
    assert r["consents_cited"] == [{"consent_id": "C-1042", "code": f"consent.{code}", "severity": severity.value}]


@pytest.mark.parametrize("message,expected", [
    ("consent C-1042 covers testimonial", ["C-1042"]),
    ("consent C-1042, C-7 covers story.", ["C-1042", "C-7"]),
    ("the patient at characters 3-9 (P-1) has no consent", []),      # patient id is not a consent id
    ("consent C-9999 for story on x was withdrawn", []),             # not in the registry
    ("Emily Carter consent C-1042", ["C-1042"]),                     # free text never copied
])
def test_when_consent_finding_names_ids_then_only_registry_ids_cited(engine, message, expected):
    from bot.db import upgrade
    upgrade(engine)
    add_consent(engine, "C-1042")
    add_consent(engine, "C-7")
    f = Finding(check="consent", code="consent.ok", severity=Severity.INFO, message=message)
    other = Finding(check="phi", code="phi.person", severity=Severity.BLOCK, message="C-1042")
    with Session(engine) as s:
        assert [c["consent_id"] for c in audit.consents_cited(s, [f, other])] == expected


def test_when_no_such_post_then_none(engine):
    from bot.db import upgrade
    upgrade(engine)
    assert record(engine, 12345) is None


async def test_when_audit_row_edited_then_record_flags_it(services):
    view = await services.reviews.check(services.reviews.submit(draft(CLEAN_TEXT)))
    with transaction(services.engine) as s:
        if services.engine.dialect.name == "postgresql":
            from sqlalchemy import text
            s.execute(text("SET LOCAL session_replication_role = replica"))
        else:
            from sqlalchemy import text
            for (name,) in s.execute(text("SELECT name FROM sqlite_master WHERE type='trigger'")).all():
                s.execute(text(f'DROP TRIGGER "{name}"'))
        ev = s.exec(select(AuditEvent).where(AuditEvent.action == "checks_run")).one()
        ev.details = ev.details.replace('"clean"', '"flagged"')
        s.add(ev)
    r = record(services.engine, view.id)
    assert not r["rows_intact"] and [x["hash_ok"] for x in r["audit_rows"]] == [True, False]
