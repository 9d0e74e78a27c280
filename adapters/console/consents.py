"""The consent registry pages: search, a patient's consents, add, withdraw,
CSV import with per-line errors, and what expires soon.

Patient names and ids are PHI, so every look-up is a POST (the query never
lands in a URL, a proxy log or the browser history) and the pages are
officer-only and never cached. All writes go through ``ConsentRegistry``,
which records each change in the audit chain under the officer's name.
"""
from __future__ import annotations

import hashlib
import io
import json
import logging
from datetime import date

from aiohttp import web
from sqlmodel import Session, select

from adapters.console.web import CONSOLE_KEY, PREFIX, Viewer, page, render
from bot.consent.csvio import non_utf8_lines
from bot.consent.registry import ConsentRegistry, ImportFailed, RegistryError
from bot.consent.vocab import PLATFORMS, SCOPES
from bot.models import Patient

log = logging.getLogger(__name__)

MAX_IMPORT_BYTES = 5_000_000
MAX_RESULTS = 25
EMPTY_FORM = {"patient": "", "aliases": "", "handles": "", "granted_on": "", "expires_on": "",
              "document_ref": "", "scopes": [], "platforms": [], "new_patient": False}


def _registry(request: web.Request) -> ConsentRegistry:
    return ConsentRegistry(request.app[CONSOLE_KEY].services.engine)


def _expiring_days(request: web.Request) -> int:
    return request.app[CONSOLE_KEY].services.consents.expiring_days


def _home(request: web.Request, viewer: Viewer, status: int = 200, **ctx) -> web.Response:
    registry = _registry(request)
    days = _expiring_days(request)
    expiring = registry.expiring(days)
    names = _names(request, {c.patient_id for c in expiring})
    base = dict(viewer=viewer, active="consents", scopes=SCOPES, platforms=PLATFORMS, days=days,
                expiring=[_consent_row(c, names) for c in expiring], today=date.today().isoformat(),
                query="", results=None, notice=None, error=None, import_errors=None, form=EMPTY_FORM)
    base.update(ctx)
    return render(request, "consents.html", status=status, **base)


def _names(request: web.Request, patient_ids: set[str]) -> dict[str, str]:
    if not patient_ids:
        return {}
    with Session(request.app[CONSOLE_KEY].services.engine) as s:
        return dict(s.exec(select(Patient.id, Patient.display_name).where(Patient.id.in_(sorted(patient_ids)))).all())


def _standing(c, today: date, days: int) -> str:
    """One consent's own state, in words (the page never relies on colour)."""
    if c.superseded_by:
        return f"corrected by {c.superseded_by}"
    if c.withdrawn_on is not None and c.withdrawn_on <= today:
        return f"withdrawn {c.withdrawn_on}"
    if c.granted_on > today:
        return f"not yet in effect (from {c.granted_on})"
    if c.expires_on is not None and c.expires_on < today:
        return f"expired {c.expires_on}"
    if c.expires_on is not None and (c.expires_on - today).days <= days:
        return f"expiring {c.expires_on}"
    return "active" + (f" until {c.expires_on}" if c.expires_on else "")


def _consent_row(c, names: dict[str, str], today: date | None = None, days: int = 30) -> dict:
    today = today or date.today()
    return {"id": c.id, "patient_id": c.patient_id, "patient": names.get(c.patient_id, ""),
            "scopes": ", ".join(json.loads(c.scopes)), "platforms": ", ".join(json.loads(c.platforms)),
            "granted_on": c.granted_on, "expires_on": c.expires_on, "withdrawn_on": c.withdrawn_on,
            "withdrawn_reason": c.withdrawn_reason or "", "document_ref": c.document_ref,
            "recorded_by": c.recorded_by, "standing": _standing(c, today, days),
            "withdrawable": c.withdrawn_on is None and not c.superseded_by}


def _results(request: web.Request, query: str) -> list[dict]:
    days = _expiring_days(request)
    out = []
    for patient, consents in _registry(request).history(query)[:MAX_RESULTS]:
        names = {patient.id: patient.display_name}
        out.append({"id": patient.id, "name": patient.display_name,
                    "aliases": ", ".join(json.loads(patient.aliases)),
                    "handles": ", ".join(json.loads(patient.handles)),
                    "consents": [_consent_row(c, names, days=days) for c in consents]})
    return out


@page(lookup=True)
async def home(request: web.Request, viewer: Viewer, form) -> web.Response:
    return _home(request, viewer)


@page(lookup=True)
async def search(request: web.Request, viewer: Viewer, form) -> web.Response:
    query = str(form.get("query") or "").strip()[:200]
    if not query:
        return _home(request, viewer, 400, error="Type a name, @handle, patient id or consent id.")
    return _home(request, viewer, query=query, results=_results(request, query))


def _dates(form, *names: str) -> dict[str, date | None]:
    out = {}
    for name in names:
        raw = str(form.get(name) or "").strip()
        try:
            out[name] = date.fromisoformat(raw) if raw else None
        except ValueError:
            raise RegistryError(f"{name.replace('_', ' ')}: {raw!r} is not a date (YYYY-MM-DD)") from None
    return out


def _split(value) -> list[str]:
    return [p.strip() for p in str(value or "").replace(",", ";").split(";") if p.strip()]


@page(officer=True)
async def add(request: web.Request, viewer: Viewer, form) -> web.Response:
    kept = {k: str(form.get(k) or "") for k in ("patient", "aliases", "handles", "granted_on", "expires_on",
                                                  "document_ref")}
    kept["scopes"] = form.getall("scope", [])
    kept["platforms"] = form.getall("platform", [])
    kept["new_patient"] = bool(form.get("new_patient"))
    try:
        d = _dates(form, "granted_on", "expires_on")
        granted = _registry(request).grant(
            viewer.username, patient=kept["patient"].strip(), scopes=kept["scopes"], platforms=kept["platforms"],
            document_ref=kept["document_ref"], granted_on=d["granted_on"], expires_on=d["expires_on"],
            aliases=_split(kept["aliases"]), handles=_split(kept["handles"]), new_patient=kept["new_patient"])
    except (RegistryError, ValueError) as e:
        return _home(request, viewer, 400, error=f"Not recorded: {_plain(e)}", form=kept)
    log.info("console recorded consent %s", granted.consent_id)
    notice = (f"Recorded consent {granted.consent_id} for patient {granted.patient_id}"
              + (" (a new patient)." if granted.patient_created else "."))
    return _home(request, viewer, notice=notice, query=granted.patient_id,
                 results=_results(request, granted.patient_id))


def _plain(e: Exception) -> str:
    """Registry messages name CLI flags; say them as form fields."""
    return str(e).replace("--patient", "patient").replace("--document", "document reference") \
        .replace("--expires", "expiry date").replace("--reason", "reason").replace("--new-patient", "'new patient'")


@page(officer=True)
async def withdraw(request: web.Request, viewer: Viewer, form) -> web.Response:
    consent_id = str(form.get("consent_id") or "").strip()[:40]
    reason = str(form.get("reason") or "").strip()[:2000]
    try:
        d = _dates(form, "withdrawn_on")
        c = _registry(request).withdraw(viewer.username, consent_id, reason, d["withdrawn_on"])
    except (RegistryError, ValueError) as e:
        query = str(form.get("query") or consent_id)
        return _home(request, viewer, 400, error=f"Not withdrawn: {_plain(e)}", query=query,
                     results=_results(request, query) if query else None)
    return _home(request, viewer, notice=f"Consent {c.id} withdrawn as of {c.withdrawn_on}.",
                 query=c.patient_id, results=_results(request, c.patient_id))


@page(officer=True)
async def import_csv(request: web.Request, viewer: Viewer, form) -> web.Response:
    upload = form.get("file")
    if upload is None or not hasattr(upload, "file"):
        return _home(request, viewer, 400, error="Choose a CSV file to import.")
    raw = upload.file.read(MAX_IMPORT_BYTES + 1)
    if len(raw) > MAX_IMPORT_BYTES:
        return _home(request, viewer, 413, error=f"The file is larger than {MAX_IMPORT_BYTES // 1_000_000} MB; "
                                                 "use `clearpost consent import` for big files.")
    bad = non_utf8_lines(raw.split(b"\n"))
    if bad:
        return _home(request, viewer, 400, error=f"Nothing was imported: {len(bad)} line(s) are not UTF-8 text. "
                                                 "Save the file as \"CSV UTF-8\" and import it again.",
                     import_errors=[str(x) for x in bad[:100]])
    text = raw.decode("utf-8-sig")
    try:
        n = _registry(request).import_csv(viewer.username, io.StringIO(text, newline=""),
                                          hashlib.sha256(raw).hexdigest())
    except ImportFailed as e:
        return _home(request, viewer, 400, error=f"Nothing was imported: {len(e.errors)} problem(s) in the file.",
                     import_errors=[str(x) for x in e.errors])
    except RegistryError as e:
        return _home(request, viewer, 400, error=f"Nothing was imported: {_plain(e)}")
    return _home(request, viewer, notice=f"Imported {n} consent row(s).")


def routes() -> list[web.RouteDef]:
    return [
        web.get(f"{PREFIX}/consents", home),
        web.post(f"{PREFIX}/consents/search", search),
        web.post(f"{PREFIX}/consents/add", add),
        web.post(f"{PREFIX}/consents/withdraw", withdraw),
        web.post(f"{PREFIX}/consents/import", import_csv),
    ]
