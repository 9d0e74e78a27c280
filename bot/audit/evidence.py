"""The evidence record for one post, built from its audit rows.

What OCR asks: which draft (its hash, never its text), where it was going,
what the checks found (codes, types, positions), which consents it relied on,
who cleared it, with what justification, and when. Everything here comes from
the hash-chained rows (each row's own hash is re-checked), with the review
row only for its current state.
"""
from __future__ import annotations

import json
import re
from typing import Iterable

from sqlmodel import Session, select

from bot.audit.chain import row_digest, stamp
from bot.domain import Finding
from bot.models import AuditEvent, Consent, Review

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:/-]*")
CLEARING = ("approve", "override")
VOIDING = ("revoke", "reject", "draft_edited", "delete")


def consents_cited(session: Session, findings: Iterable[Finding]) -> list[dict]:
    """Consent ids named by the consent check's findings, with the code and
    severity citing them (a blocking one was cited but not relied on).

    The consent check names the consent it relied on in its code or message;
    only tokens that are real ``Consent`` ids count, so no free text (and no
    patient name) ever reaches the audit row."""
    cited: list[tuple[str, Finding]] = []
    for f in findings:
        if f.check != "consent":
            continue
        for token in _TOKEN.findall(f"{f.code} {f.message}"):
            token = token.rstrip(".:/-")
            if 0 < len(token) <= 40:
                cited.append((token, f))
    if not cited:
        return []
    known = set(session.exec(select(Consent.id).where(Consent.id.in_({t for t, _ in cited}))))
    out, seen = [], set()
    for token, f in cited:
        if token in known and (token, f.code) not in seen:
            seen.add((token, f.code))
            out.append({"consent_id": token, "code": f.code, "severity": f.severity.value})
    return out


def _row(ev: AuditEvent) -> dict:
    return {"id": ev.id, "at": stamp(ev.at), "actor": ev.actor, "action": ev.action,
            "hash": ev.hash, "prev_hash": ev.prev_hash,
            "hash_ok": row_digest(ev.prev_hash, ev.at, ev.actor, ev.action, ev.review_id,
                                  ev.consent_id, ev.details) == ev.hash}


def evidence_for(session: Session, review_id: int) -> dict | None:
    """The record for review ``review_id``, or None if there is no such post."""
    review = session.get(Review, review_id)
    events = list(session.exec(select(AuditEvent).where(AuditEvent.review_id == review_id)
                               .order_by(AuditEvent.id)))
    if review is None and not events:
        return None
    received = checks = clearance = None
    runs, decisions, consent_rows = [], [], []
    for ev in events:
        d = json.loads(ev.details)
        if ev.action == "draft_received":
            received = {"at": stamp(ev.at), "author": ev.actor, "content_hash": d.get("content_hash"),
                        "platforms": d.get("targets", []), "attachments": d.get("attachments", 0)}
        elif ev.action == "checks_run":
            checks = {"audit_id": ev.id, "at": stamp(ev.at), "content_hash": d.get("content_hash"),
                      "state": d.get("state"), "verdict": d.get("verdict"),
                      "failures": d.get("failures", []), "findings": d.get("findings", []),
                      "consents": d.get("consents", [])}
            runs.append(checks)
        elif ev.action in CLEARING or ev.action in VOIDING or ev.action in ("decision_refused", "image_staff_only"):
            entry = {"audit_id": ev.id, "at": stamp(ev.at), "action": ev.action, "actor": ev.actor,
                     "from": d.get("from"), "to": d.get("to"), "content_hash": d.get("content_hash")}
            if d.get("justification"):
                entry["justification"] = d["justification"]
            if d.get("image") is not None:  # an officer's "staff only" on a picture (or a refused one)
                entry["image"] = d["image"]
            decisions.append(entry)
            if ev.action in CLEARING:
                clearance = {**entry, "check_run": checks}
            elif ev.action not in ("decision_refused", "image_staff_only"):
                clearance = None
        if ev.consent_id:
            consent_rows.append({"audit_id": ev.id, "consent_id": ev.consent_id, "action": ev.action})
    relied = (clearance or {}).get("check_run") or (runs[-1] if runs else None)
    config = _config_before(session, relied["audit_id"]) if relied else None
    return {
        "review_id": review_id,
        "message": review.ref_key if review else None,
        "author": received["author"] if received else (review.author if review else None),
        "received_at": received["at"] if received else None,
        "draft_hash": review.content_hash if review else (received or {}).get("content_hash"),
        "platforms": json.loads(review.targets) if review else (received or {}).get("platforms", []),
        "state": review.state if review else None,
        "verdict": review.verdict if review else None,
        "approver": clearance["actor"] if clearance else None,
        "approved_at": clearance["at"] if clearance else None,
        "approval": clearance["action"] if clearance else None,
        "override_reason": clearance.get("justification") if clearance and clearance["action"] == "override" else None,
        "approved_content_hash": clearance["content_hash"] if clearance else None,
        "findings": relied["findings"] if relied else [],
        "consents_relied_on": [c for c in (relied or {}).get("consents", []) if c.get("severity") != "block"],
        "consents_cited": relied["consents"] if relied else [],
        "config_sha256": config,
        "check_runs": runs,
        "decisions": decisions,
        "consent_events": consent_rows,
        "audit_rows": [_row(ev) for ev in events],
        "rows_intact": all(_row(ev)["hash_ok"] for ev in events),
    }


def _config_before(session: Session, audit_id: int) -> str | None:
    """The profile hash in force when that check ran (the last one loaded before it)."""
    ev = session.exec(select(AuditEvent).where(AuditEvent.action == "config_loaded", AuditEvent.id < audit_id)
                      .order_by(AuditEvent.id.desc()).limit(1)).first()
    return json.loads(ev.details).get("sha256") if ev else None
