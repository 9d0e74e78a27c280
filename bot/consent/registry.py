"""Writes to the consent registry: grant, withdraw, correct, import; plus the
read-outs the CLI needs (history, export, expiring). Nothing is erased: a
withdrawal sets withdrawn_on, a correction adds a row and marks the old one
superseded. Every change is one transaction with its audit row."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import IO, Callable

from sqlalchemy import func, insert
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot import audit
from bot.consent.csvio import Row, RowError, export_rows, iter_rows, write_csv
from bot.consent.lookup import find_patient_ids
from bot.consent.names import name_key, patient_keys
from bot.consent.vocab import PLATFORMS, SCOPES, parse_list
from bot.db import transaction
from bot.models import Consent, Patient, PatientName, utcnow

_CHUNK = 1000
_BATCH = 5000  # rows per validation look-up and per insert of a streamed import


class RegistryError(ValueError):
    """A request the registry refuses; the message says why (no PHI)."""


class ImportFailed(RegistryError):
    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__(f"{len(errors)} error(s); nothing was imported")


@dataclass
class _ImportPlan:
    """What a validated file will add: its row count, and per patient (in order of first
    appearance) the name key, first line, display name, and aliases and handles (ordered sets)."""

    rows: int = 0
    patients: dict[str, tuple[str, int, str, dict, dict]] = field(default_factory=dict)


@dataclass(frozen=True)
class Granted:
    consent_id: str
    patient_id: str
    patient_created: bool


def _next_id(session: Session, model, prefix: str) -> int:
    """One past the highest numeric id with this prefix (ids are ordered by length, then text)."""
    rows = session.exec(select(model.id).where(model.id.like(prefix + "%"))
                        .order_by(func.length(model.id).desc(), model.id.desc()).limit(50)).all()
    nums = [int(r[len(prefix):]) for r in rows if r[len(prefix):].isdigit()]
    return max(nums, default=0) + 1




def _add_names(session: Session, patient_id: str, keys: dict[str, str]) -> None:
    have = set(session.exec(select(PatientName.name_key).where(PatientName.patient_id == patient_id)).all())
    for key, kind in keys.items():
        if key not in have:
            session.add(PatientName(name_key=key, kind=kind, patient_id=patient_id))


def _bulk_insert(conn, table, rows: list[dict]) -> None:
    """Many rows in the caller's transaction: COPY on PostgreSQL, executemany elsewhere."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        cols = list(rows[0])
        raw = conn.connection.driver_connection
        with raw.cursor() as cur, cur.copy(f'COPY "{table.name}" ({", ".join(cols)}) FROM STDIN') as copy:
            for r in rows:
                copy.write_row([r[c] for c in cols])
        return
    for n in range(0, len(rows), 5000):
        conn.execute(insert(table), rows[n:n + 5000])


class ConsentRegistry:
    def __init__(self, engine: Engine, today: Callable[[], date] = date.today):
        self.engine = engine
        self.today = today

    # -- single changes -------------------------------------------------
    def grant(self, actor: str, *, patient: str, scopes: list[str], platforms: list[str], document_ref: str,
              granted_on: date | None = None, expires_on: date | None = None, aliases: list[str] = (),
              handles: list[str] = (), new_patient: bool = False) -> Granted:
        """Record a consent; ``patient`` is an id or a name (a new name creates the patient)."""
        scopes = parse_list(";".join(scopes), SCOPES, "scope")
        platforms = parse_list(";".join(platforms), PLATFORMS, "platform")
        granted_on = granted_on or self.today()
        if expires_on is not None and expires_on < granted_on:
            raise RegistryError("--expires is before the grant date")
        if not document_ref.strip() or len(document_ref) > 400:
            raise RegistryError("--document: a reference to the signed authorization (at most 400 characters) is required")
        with transaction(self.engine) as s:
            created = False
            row = None if new_patient else s.get(Patient, patient.strip())
            looks_like_id = patient.strip().startswith("@") or bool(re.search(r"\d", patient))
            if row is None and looks_like_id:  # a handle or an id never creates a patient
                ids = find_patient_ids(s, patient)
                if len(ids) != 1:
                    raise RegistryError("--patient: no single patient has that id or handle")
                row = s.get(Patient, ids[0])
            elif row is None and not new_patient:
                ids = [i for i in find_patient_ids(s, patient)
                       if name_key(s.get(Patient, i).display_name) == name_key(patient)]
                if len(ids) > 1:
                    raise RegistryError(f"several patients have that name ({', '.join(ids)}); "
                                        "pass --patient with the id, or --new-patient")
                row = s.get(Patient, ids[0]) if ids else None
            if row is None:
                if not name_key(patient) or len(patient) > 200:
                    raise RegistryError("--patient: a new patient needs a name with letters (at most 200 characters)")
                row = Patient(id=f"P-{_next_id(s, Patient, 'P-'):06d}", display_name=patient.strip(),
                              aliases=json.dumps(list(aliases)), handles=json.dumps(list(handles)))
                s.add(row)
                created = True
            else:
                merged_a = list(dict.fromkeys(json.loads(row.aliases) + list(aliases)))
                merged_h = list(dict.fromkeys(json.loads(row.handles) + list(handles)))
                row.aliases, row.handles = json.dumps(merged_a), json.dumps(merged_h)
                s.add(row)
            s.flush()
            _add_names(s, row.id, patient_keys(row.display_name, json.loads(row.aliases), json.loads(row.handles)))
            consent = Consent(id=f"C-{_next_id(s, Consent, 'C-')}", patient_id=row.id,
                              scopes=json.dumps(scopes), platforms=json.dumps(platforms), granted_on=granted_on,
                              expires_on=expires_on, document_ref=document_ref.strip(), recorded_by=actor)
            s.add(consent)
            s.flush()
            if created:
                audit.append(s, actor, "patient_created", details={"patient_id": row.id})
            audit.append(s, actor, "consent_granted", consent_id=consent.id, details={
                "patient_id": row.id, "scopes": scopes, "platforms": platforms,
                "granted_on": granted_on.isoformat(), "expires_on": expires_on.isoformat() if expires_on else None})
            return Granted(consent.id, row.id, created)

    def withdraw(self, actor: str, consent_id: str, reason: str, on: date | None = None) -> Consent:
        if not reason.strip():
            raise RegistryError("--reason is required")
        on = on or self.today()
        with transaction(self.engine) as s:
            c = s.get(Consent, consent_id)
            if c is None:
                raise RegistryError(f"no consent with id {consent_id}")
            if c.withdrawn_on is not None:
                raise RegistryError(f"consent {consent_id} was already withdrawn on {c.withdrawn_on}")
            if c.superseded_by:
                raise RegistryError(f"consent {consent_id} was corrected by {c.superseded_by}; withdraw that one")
            if c.granted_on and on < c.granted_on:
                raise RegistryError(f"a withdrawal date ({on}) cannot be before the consent was granted ({c.granted_on})")
            c.withdrawn_on, c.withdrawn_reason = on, reason.strip()
            s.add(c)
            audit.append(s, actor, "consent_withdrawn", consent_id=c.id,
                         details={"patient_id": c.patient_id, "withdrawn_on": on.isoformat()})
            return c

    def correct(self, actor: str, consent_id: str, *, scopes: list[str] | None = None,
                platforms: list[str] | None = None, granted_on: date | None = None,
                expires_on: date | None | str = "keep", document_ref: str | None = None) -> str:
        """Replace a consent by a corrected copy; the old row stays, marked superseded."""
        with transaction(self.engine) as s:
            old = s.get(Consent, consent_id)
            if old is None:
                raise RegistryError(f"no consent with id {consent_id}")
            if old.superseded_by:
                raise RegistryError(f"consent {consent_id} was already corrected by {old.superseded_by}")
            new = Consent(
                id=f"C-{_next_id(s, Consent, 'C-')}", patient_id=old.patient_id,
                scopes=json.dumps(parse_list(";".join(scopes), SCOPES, "scope")) if scopes else old.scopes,
                platforms=json.dumps(parse_list(";".join(platforms), PLATFORMS, "platform")) if platforms else old.platforms,
                granted_on=granted_on or old.granted_on,
                expires_on=old.expires_on if expires_on == "keep" else expires_on,
                withdrawn_on=old.withdrawn_on, withdrawn_reason=old.withdrawn_reason,
                document_ref=(document_ref or old.document_ref).strip(), recorded_by=actor)
            if new.expires_on is not None and new.expires_on < new.granted_on:
                raise RegistryError("the expiry date is before the grant date")
            s.add(new)
            s.flush()
            old.superseded_by = new.id
            s.add(old)
            audit.append(s, actor, "consent_corrected", consent_id=new.id, details={
                "patient_id": new.patient_id, "supersedes": old.id, "scopes": json.loads(new.scopes),
                "platforms": json.loads(new.platforms), "granted_on": new.granted_on.isoformat(),
                "expires_on": new.expires_on.isoformat() if new.expires_on else None})
            return new.id

    # -- bulk -------------------------------------------------------------
    def import_csv(self, actor: str, stream: IO[str], source_sha256: str | None = None) -> int:
        """Validate every row, then insert all of them in one transaction, or none.

        The stream is read twice (it must be seekable: a file or a StringIO):
        once to validate, keeping only a few keys per patient and per consent
        id, and once to insert in batches. A 300,000-row file is never held
        whole nor turned into 300,000 objects at once
        (benchmarks/consent_import_memory.py)."""
        with transaction(self.engine) as s:
            plan = self._validate(s, stream)
            stream.seek(0)
            return self._insert(s, actor, stream, plan, source_sha256)

    @staticmethod
    def _existing(s: Session, model, values: list[str], *columns: str) -> dict:
        """id -> row (only ``columns``) for the ids among ``values`` already stored (Core rows: fast)."""
        t = model.__table__.c
        out = {}
        for n in range(0, len(values), _CHUNK):
            for r in s.connection().execute(select(t.id, *(t[c] for c in columns))
                                            .where(t.id.in_(values[n:n + _CHUNK]))):
                out[r.id] = r
        return out

    def _validate(self, s: Session, stream: IO[str]) -> "_ImportPlan":
        """Every problem of the file, within itself and against the registry
        (raises ``ImportFailed`` naming them all, in line order), or the plan
        of what to insert: the patients in order of first appearance."""
        plan = _ImportPlan()
        found: list[tuple[int, int, RowError]] = []  # (line, kind, error): sorted as one list at the end
        seen: dict[str, int] = {}  # consent id -> first line
        refs: list[tuple[int, str, str | None]] = []  # (line, superseded_by, consent_id)
        batch: list[Row] = []

        def check_batch() -> None:
            """Against the registry, a batch at a time: a name that differs, a consent id already there."""
            stored = self._existing(s, Patient, sorted({r.patient_id for r in batch}), "display_name")
            for r in batch:
                p = stored.get(r.patient_id)
                if p is not None and name_key(p.display_name) != name_key(r.display_name):
                    found.append((r.line, 2, RowError(r.line, f"display_name differs from the registry's name "
                                                              f"for {r.patient_id}")))
            there = self._existing(s, Consent, sorted({r.consent_id for r in batch if r.consent_id}))
            for r in batch:
                if r.consent_id in there and seen.get(r.consent_id) == r.line:
                    found.append((r.line, 4, RowError(r.line, f"consent_id {r.consent_id} is already in the registry")))
            batch.clear()

        for item in iter_rows(stream):
            if isinstance(item, RowError):
                found.append((item.line, 0, item))
                continue
            r = item
            plan.rows += 1
            key = name_key(r.display_name)
            first = plan.patients.get(r.patient_id)
            if first is None:
                plan.patients[r.patient_id] = (key, r.line, r.display_name, {}, {})
            else:
                if first[0] != key:
                    found.append((r.line, 1, RowError(r.line, f"display_name differs from line {first[1]} "
                                                              f"for patient {r.patient_id}")))
            aliases, handles = plan.patients[r.patient_id][3:]
            aliases.update(dict.fromkeys(r.aliases))
            handles.update(dict.fromkeys(r.handles))
            if r.consent_id:
                if r.consent_id in seen:
                    found.append((r.line, 3, RowError(r.line, f"consent_id {r.consent_id} repeats line "
                                                              f"{seen[r.consent_id]}")))
                seen.setdefault(r.consent_id, r.line)
            if r.superseded_by:
                refs.append((r.line, r.superseded_by, r.consent_id))
            batch.append(r)
            if len(batch) >= _BATCH:
                check_batch()
        if plan.rows == 0:
            raise ImportFailed([e for _, _, e in found])
        check_batch()
        known = self._existing(s, Consent, sorted({ref for _, ref, _ in refs if ref not in seen}))
        for line, ref, consent_id in refs:
            if ref not in seen and ref not in known:
                found.append((line, 5, RowError(line, f"superseded_by {ref} is neither in the file nor the registry")))
            if ref == consent_id:
                found.append((line, 6, RowError(line, "superseded_by names the row itself")))
        if found:
            found.sort(key=lambda f: (f[0], f[1]))
            raise ImportFailed([e for _, _, e in found])
        return plan

    def _insert(self, s: Session, actor: str, stream: IO[str], plan: "_ImportPlan", sha256: str | None) -> int:
        now = utcnow()
        existing = self._existing(s, Patient, sorted(plan.patients), "display_name", "aliases", "handles")
        conn = s.connection()
        new_patients, names, created = [], [], 0
        for pid, (_, _, display_name, alias_set, handle_set) in plan.patients.items():
            aliases, handles = list(alias_set), list(handle_set)
            p = existing.get(pid)
            if p is None:
                new_patients.append({"id": pid, "display_name": display_name, "aliases": json.dumps(aliases),
                                     "handles": json.dumps(handles), "created_at": now})
                names += [{"name_key": k, "kind": kind, "patient_id": pid}
                          for k, kind in patient_keys(display_name, aliases, handles).items()]
                created += 1
                if len(new_patients) >= _BATCH:
                    _bulk_insert(conn, Patient.__table__, new_patients)
                    _bulk_insert(conn, PatientName.__table__, names)
                    new_patients, names = [], []
            else:
                old_a, old_h = json.loads(p.aliases), json.loads(p.handles)
                if set(aliases) <= set(old_a) and set(handles) <= set(old_h):
                    continue  # nothing new to index for this patient
                p = s.get(Patient, pid)
                p.aliases = json.dumps(list(dict.fromkeys(old_a + aliases)))
                p.handles = json.dumps(list(dict.fromkeys(old_h + handles)))
                s.add(p)
                _add_names(s, pid, patient_keys(p.display_name, json.loads(p.aliases), json.loads(p.handles)))
        _bulk_insert(conn, Patient.__table__, new_patients)
        _bulk_insert(conn, PatientName.__table__, names)
        del existing, new_patients, names
        s.flush()
        next_n = _next_id(s, Consent, "C-")
        digest, first_ids, n, consents = hashlib.sha256(), [], 0, []
        for r in iter_rows(stream):
            if isinstance(r, RowError):  # the file changed under us: nothing is imported
                raise ImportFailed([r])
            if r.consent_id is None:
                r.consent_id, next_n = f"C-{next_n}", next_n + 1
            digest.update((("\n" if n else "") + r.consent_id).encode())
            if n < 1000:
                first_ids.append(r.consent_id)
            n += 1
            consents.append({"id": r.consent_id, "patient_id": r.patient_id, "scopes": json.dumps(r.scopes),
                             "platforms": json.dumps(r.platforms), "granted_on": r.granted_on,
                             "expires_on": r.expires_on, "withdrawn_on": r.withdrawn_on,
                             "withdrawn_reason": r.withdrawn_reason, "document_ref": r.document_ref,
                             "recorded_by": r.recorded_by or actor, "recorded_at": r.recorded_at or now,
                             "superseded_by": r.superseded_by})
            if len(consents) >= _BATCH:
                _bulk_insert(conn, Consent.__table__, consents)
                consents = []
        _bulk_insert(conn, Consent.__table__, consents)
        if n != plan.rows:
            raise ImportFailed([RowError(1, "the file changed while it was imported")])
        if conn.dialect.name == "postgresql" and n >= 1000:
            # fresh planner statistics, or look-ups seq-scan the name index until autovacuum catches up
            conn.exec_driver_sql("ANALYZE patient; ANALYZE patient_name; ANALYZE consent")
        # one audit row for the whole import (a row per consent would dominate its run time);
        # the ids themselves up to 1,000, and always a digest of them
        details = {"rows": n, "patients_created": created, "file_sha256": sha256,
                   "consent_ids_sha256": digest.hexdigest()}
        if n <= 1000:
            details["consent_ids"] = first_ids
        audit.append(s, actor, "consents_imported", details=details)
        return n

    # -- read-outs ----------------------------------------------------------
    def history(self, query: str) -> list[tuple[Patient, list[Consent]]]:
        """Every patient the query matches, with all their consents (withdrawn and corrected too)."""
        with Session(self.engine) as s:
            out = []
            for pid in find_patient_ids(s, query):
                rows = s.exec(select(Consent).where(Consent.patient_id == pid)
                              .order_by(Consent.granted_on, Consent.id)).all()
                out.append((s.get(Patient, pid), list(rows)))
            return out

    def export_csv(self, stream: IO[str]) -> int:
        with Session(self.engine) as s:
            patients = {p.id: p for p in s.exec(select(Patient)).all()}
            consents = s.exec(select(Consent).order_by(Consent.patient_id, Consent.granted_on, Consent.id)).all()
            return write_csv(stream, export_rows(consents, patients))

    def expiring(self, days: int) -> list[Consent]:
        """Consents in effect today that end within ``days`` days (soonest first)."""
        today = self.today()
        with Session(self.engine) as s:
            rows = s.exec(select(Consent).where(
                Consent.expires_on.is_not(None), Consent.expires_on >= today,
                Consent.expires_on <= today + timedelta(days=days), Consent.withdrawn_on.is_(None),
                Consent.superseded_by.is_(None), Consent.granted_on <= today,
            ).order_by(Consent.expires_on, Consent.id)).all()
            return list(rows)
