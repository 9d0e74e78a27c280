"""The consent registry on a real database (SQLite, and PostgreSQL when
DATABASE_URL is set): CSV import validation, history-keeping changes, audit."""
import io
import json
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session, select

from bot.consent.registry import ConsentRegistry, ImportFailed, RegistryError
from bot.db import upgrade
from bot.models import AuditEvent, Consent, Patient, PatientName

DATA = Path(__file__).parent / "data"
TODAY = date(2026, 6, 1)


@pytest.fixture
def registry(engine):
    upgrade(engine)
    return ConsentRegistry(engine, today=lambda: TODAY)


def count(engine, model) -> int:
    with Session(engine) as s:
        return len(s.exec(select(model)).all())


def audit_actions(engine) -> list[str]:
    with Session(engine) as s:
        return [a.action for a in s.exec(select(AuditEvent).order_by(AuditEvent.id)).all()]


def test_when_csv_is_valid_then_every_row_and_its_index_keys_are_stored(registry, engine):
    with open(DATA / "consent_valid.csv", encoding="utf-8", newline="") as f:
        assert registry.import_csv("officer", f) == 4
    with Session(engine) as s:
        assert {p.id for p in s.exec(select(Patient)).all()} == {"P-100", "P-101", "P-102"}
        keys = {(n.name_key, n.kind) for n in s.exec(select(PatientName).where(PatientName.patient_id == "P-100"))}
        assert {("emily rose carter", "name"), ("emily carter", "name"), ("em", "alias"),
                ("@emcarter", "handle"), ("emily", "given"), ("e.r.c.", "initials")} <= keys
        c = s.get(Consent, "C-1045")
        assert c.withdrawn_on == date(2026, 6, 30) and c.withdrawn_reason == "asked to stop"
        assert json.loads(c.scopes) == ["testimonial", "name_use"]
    assert audit_actions(engine)[-1] == "consents_imported"
    with Session(engine) as s:
        row = s.exec(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    details = json.loads(row.details)
    assert details["rows"] == 4 and details["consent_ids"] == ["C-1042", "C-1043", "C-1044", "C-1045"]
    assert "Emily" not in row.details and "scan/" not in row.details


EXPECTED_ERRORS = {
    3: "scopes: unknown scope 'selfie'",
    4: "platforms: unknown platform 'myspace'",
    5: "granted_on: '2026-13-01' is not a date",
    6: "expires_on: before granted_on",
    7: "withdrawn_reason: required when withdrawn_on is set",
    8: "document_ref: required",
    9: "consent_id C-2001 repeats line 2",
    10: "display_name differs from line 2 for patient P-200",
    11: "13 fields; the header has 12",
}


def test_when_csv_has_errors_then_each_is_reported_with_its_line_and_nothing_is_imported(registry, engine):
    with open(DATA / "consent_errors.csv", encoding="utf-8", newline="") as f:
        with pytest.raises(ImportFailed) as info:
            registry.import_csv("officer", f)
    got = {e.line: e.message for e in info.value.errors}
    for line, text in EXPECTED_ERRORS.items():
        assert text in got[line], (line, got.get(line))
    assert 2 not in got  # the one good row is fine, but all-or-nothing keeps it out too
    assert count(engine, Consent) == 0 and count(engine, Patient) == 0


def test_when_rows_conflict_with_each_other_then_the_later_line_is_reported(registry, engine):
    rows = ("consent_id,patient_id,display_name,scopes,platforms,granted_on,document_ref\n"
            "C-1,P-1,Ana Lima,story,x,2026-01-01,d\n"
            "C-1,P-2,Ben Ode,story,x,2026-01-01,d\n"
            "C-3,P-1,Ann Lime,story,x,2026-01-01,d\n")
    with pytest.raises(ImportFailed) as info:
        registry.import_csv("officer", io.StringIO(rows))
    assert [(e.line, e.message.split(" ")[0]) for e in info.value.errors] == [(3, "consent_id"), (4, "display_name")]
    assert count(engine, Consent) == 0


def test_when_import_repeats_an_existing_consent_id_then_it_is_refused_whole(registry, engine):
    with open(DATA / "consent_valid.csv", encoding="utf-8", newline="") as f:
        registry.import_csv("officer", f)
    rows = ("consent_id,patient_id,display_name,scopes,platforms,granted_on,document_ref\n"
            "C-9,P-900,New Person,story,x,2026-01-01,d\n"
            "C-1042,P-100,Emily Rose Carter,story,x,2026-01-01,d\n")
    with pytest.raises(ImportFailed) as info:
        registry.import_csv("officer", io.StringIO(rows))
    assert [e.line for e in info.value.errors] == [3]
    assert count(engine, Consent) == 4


@pytest.mark.parametrize("header,message", [
    ("patient_id,display_name,scopes,platforms,granted_on", "missing column(s): document_ref"),
    ("patient_id,display_name,scopes,platforms,granted_on,document_ref,shoe_size", "unknown column(s): shoe_size"),
])
def test_when_header_is_wrong_then_line_1_says_which_column(registry, header, message):
    with pytest.raises(ImportFailed) as info:
        registry.import_csv("officer", io.StringIO(header + "\n"))
    assert info.value.errors[0].line == 1 and message in info.value.errors[0].message


def test_when_patient_exists_then_import_adds_aliases_without_duplicating_the_patient(registry, engine):
    g = registry.grant("officer", patient="Robert Nguyen", scopes=["story"], platforms=["x"], document_ref="d")
    rows = ("patient_id,display_name,aliases,scopes,platforms,granted_on,document_ref\n"
            f"{g.patient_id},robert  NGUYEN,Bobby N,quote,x,2026-01-01,d\n")
    assert registry.import_csv("officer", io.StringIO(rows)) == 1
    with Session(engine) as s:
        assert len(s.exec(select(Patient)).all()) == 1
        assert json.loads(s.get(Patient, g.patient_id).aliases) == ["Bobby N"]
        assert s.exec(select(PatientName).where(PatientName.name_key == "bobby n")).one().patient_id == g.patient_id


def test_when_grant_names_a_new_patient_then_patient_and_consent_are_created_and_audited(registry, engine):
    g = registry.grant("officer", patient="Maria José Álvarez", scopes=["testimonial", "name_use"],
                       platforms=["instagram"], document_ref="scan-7", expires_on=date(2027, 1, 1),
                       aliases=["Majo"], handles=["@majo"])
    assert g.patient_created and g.patient_id == "P-000001" and g.consent_id == "C-1"
    g2 = registry.grant("officer", patient="maria jose alvarez", scopes=["story"], platforms=["x"], document_ref="s")
    assert g2.patient_id == g.patient_id and not g2.patient_created and g2.consent_id == "C-2"
    actions = audit_actions(engine)
    assert actions.count("consent_granted") == 2 and actions.count("patient_created") == 1
    with Session(engine) as s:
        details = [a.details for a in s.exec(select(AuditEvent)).all()]
    assert not any("scan-7" in d or "Maria" in d or "Majo" in d for d in details)  # ids only


def test_when_grant_names_a_handle_or_consent_id_then_it_finds_the_existing_patient(registry):
    g = registry.grant("officer", patient="Ana Lima", scopes=["story"], platforms=["x"], document_ref="d",
                       handles=["@ana.lima"])
    assert registry.grant("officer", patient="@Ana.Lima", scopes=["quote"], platforms=["x"],
                          document_ref="d").patient_id == g.patient_id
    assert registry.grant("officer", patient=g.consent_id, scopes=["quote"], platforms=["x"],
                          document_ref="d").patient_id == g.patient_id


def test_when_two_patients_share_the_name_then_grant_by_name_is_refused(registry):
    registry.grant("officer", patient="Sam Lee", scopes=["story"], platforms=["x"], document_ref="d")
    registry.grant("officer", patient="Sam Lee", scopes=["story"], platforms=["x"], document_ref="d",
                   new_patient=True)
    with pytest.raises(RegistryError, match="several patients"):
        registry.grant("officer", patient="Sam Lee", scopes=["story"], platforms=["x"], document_ref="d")


@pytest.mark.parametrize("kwargs,message", [
    ({"scopes": ["selfie"]}, "unknown scope"),
    ({"platforms": ["myspace"]}, "unknown platform"),
    ({"document_ref": " "}, "--document"),
    ({"expires_on": date(2020, 1, 1)}, "before the grant date"),
    ({"patient": "P-424242"}, "no single patient has that id or handle"),
    ({"patient": "@nobody"}, "no single patient has that id or handle"),
    ({"patient": "C-1"}, "no single patient has that id or handle"),
])
def test_when_grant_is_invalid_then_nothing_is_written(registry, engine, kwargs, message):
    args = dict(patient="Ana Lima", scopes=["story"], platforms=["x"], document_ref="d") | kwargs
    with pytest.raises(ValueError, match=message):
        registry.grant("officer", **args)
    assert count(engine, Consent) == 0 and count(engine, Patient) == 0


def test_when_consent_is_withdrawn_then_the_row_is_kept_with_date_and_reason(registry, engine):
    g = registry.grant("officer", patient="Ana Lima", scopes=["story"], platforms=["x"], document_ref="d")
    registry.withdraw("officer", g.consent_id, "called the office")
    with Session(engine) as s:
        c = s.get(Consent, g.consent_id)
        assert (c.withdrawn_on, c.withdrawn_reason) == (TODAY, "called the office")
        last = s.exec(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert last.action == "consent_withdrawn" and last.consent_id == g.consent_id
    assert "called" not in last.details
    with pytest.raises(RegistryError, match="already withdrawn"):
        registry.withdraw("officer", g.consent_id, "again")
    with pytest.raises(RegistryError, match="no consent"):
        registry.withdraw("officer", "C-999", "x")


def test_when_a_withdrawal_is_dated_before_the_grant_then_it_is_refused(registry, engine):
    g = registry.grant("officer", patient="Ana Lima", scopes=["story"], platforms=["x"], document_ref="d",
                       granted_on=date(2026, 3, 1))
    with pytest.raises(RegistryError, match="before the consent was granted"):
        registry.withdraw("officer", g.consent_id, "called", on=date(2026, 2, 28))
    with Session(engine) as s:
        assert s.get(Consent, g.consent_id).withdrawn_on is None


def test_when_consent_is_corrected_then_old_row_is_superseded_not_changed(registry, engine):
    g = registry.grant("officer", patient="Ana Lima", scopes=["story"], platforms=["x"], document_ref="d")
    new_id = registry.correct("officer", g.consent_id, platforms=["x", "linkedin"], expires_on=date(2027, 1, 1))
    with Session(engine) as s:
        old, new = s.get(Consent, g.consent_id), s.get(Consent, new_id)
        assert old.superseded_by == new_id and json.loads(old.platforms) == ["x"]
        assert json.loads(new.platforms) == ["x", "linkedin"] and new.expires_on == date(2027, 1, 1)
    assert audit_actions(engine)[-1] == "consent_corrected"
    with pytest.raises(RegistryError, match="already corrected"):
        registry.correct("officer", g.consent_id, scopes=["quote"])


def test_when_exported_then_reimport_into_an_empty_registry_gives_the_same_rows(registry, engine, tmp_path):
    with open(DATA / "consent_valid.csv", encoding="utf-8", newline="") as f:
        registry.import_csv("officer", f)
    fixed = registry.correct("officer", "C-1043", platforms=["website", "email"])
    out = io.StringIO()
    assert registry.export_csv(out) == 5
    text = out.getvalue()
    from bot.db import make_engine
    other = make_engine(f"sqlite:///{tmp_path / 'copy.db'}")
    upgrade(other)
    copy = ConsentRegistry(other, today=lambda: TODAY)
    assert copy.import_csv("officer", io.StringIO(text)) == 5
    again = io.StringIO()
    copy.export_csv(again)
    assert again.getvalue() == text
    assert "C-1043,P-100" in text and f",{fixed}," in text


def test_when_listing_expiring_then_only_current_consents_ending_in_the_window_show(registry):
    rows = ("consent_id,patient_id,display_name,scopes,platforms,granted_on,expires_on,withdrawn_on,withdrawn_reason,document_ref\n"
            "C-1,P-1,Ana Lima,story,x,2026-01-01,2026-06-10,,,d\n"
            "C-2,P-1,Ana Lima,story,x,2026-01-01,2026-08-10,,,d\n"
            "C-3,P-2,Ben Ode,story,x,2026-01-01,2026-06-05,2026-05-01,moved,d\n"
            "C-4,P-2,Ben Ode,story,x,2026-01-01,2026-05-31,,,d\n"
            "C-5,P-3,Cy Dee,story,x,2026-01-01,2026-06-01,,,d\n")
    registry.import_csv("officer", io.StringIO(rows))
    assert [c.id for c in registry.expiring(30)] == ["C-5", "C-1"]


def test_when_a_field_spans_lines_then_later_errors_still_name_their_own_line(registry):
    rows = ("patient_id,display_name,scopes,platforms,granted_on,document_ref\n"
            "P-1,Ana Lima,story,x,2026-01-01,\"scan of the\nsigned form\"\n"
            "\n"
            "P-2,Ben Ode,story,x,2026-02-30,d\n")
    with pytest.raises(ImportFailed) as info:
        registry.import_csv("officer", io.StringIO(rows))
    assert [(e.line, e.message.split(":")[0]) for e in info.value.errors] == [(5, "granted_on")]
