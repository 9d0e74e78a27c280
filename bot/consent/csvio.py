"""The CSV format of the registry (import and export share it): one consent
per row, the patient repeated on each of their rows. Row-local validation
lives here; checks against the database live in ``registry``."""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import IO, Iterable, Iterator

from bot.consent.names import handle_key, name_key
from bot.consent.vocab import PLATFORMS, SCOPES, parse_list

REQUIRED = ("patient_id", "display_name", "scopes", "platforms", "granted_on", "document_ref")
OPTIONAL = ("consent_id", "aliases", "handles", "expires_on", "withdrawn_on", "withdrawn_reason",
            "superseded_by", "recorded_by", "recorded_at")
COLUMNS = ("consent_id", "patient_id", "display_name", "aliases", "handles", "scopes", "platforms",
           "granted_on", "expires_on", "withdrawn_on", "withdrawn_reason", "document_ref",
           "superseded_by", "recorded_by", "recorded_at")
ID = re.compile(r"^[A-Za-z0-9][\w.-]{0,39}$")


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class Row:
    line: int
    consent_id: str | None
    patient_id: str
    display_name: str
    aliases: list[str]
    handles: list[str]
    scopes: list[str]
    platforms: list[str]
    granted_on: date
    expires_on: date | None
    withdrawn_on: date | None
    withdrawn_reason: str | None
    document_ref: str
    superseded_by: str | None
    recorded_by: str | None
    recorded_at: datetime | None


def _date(value: str, column: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{column}: {value!r} is not a date (YYYY-MM-DD)") from None


def _split(value: str) -> list[str]:
    return [p.strip() for p in value.split(";") if p.strip()]


def _parse_row(line: int, raw: dict[str, str]) -> tuple[Row | None, list[str]]:
    v = {k: (raw.get(k) or "").strip() for k in COLUMNS}
    problems: list[str] = []

    def need(col: str, limit: int) -> None:
        if not v[col]:
            problems.append(f"{col}: required")
        elif len(v[col]) > limit:
            problems.append(f"{col}: longer than {limit} characters")

    need("patient_id", 40)
    need("display_name", 200)
    need("document_ref", 400)
    for col in ("patient_id", "consent_id", "superseded_by"):
        if v[col] and not ID.match(v[col]):
            problems.append(f"{col}: must be letters, digits, '.', '_' or '-' (at most 40)")
    if v["display_name"] and not name_key(v["display_name"]):
        problems.append("display_name: contains no letters")
    aliases, handles = _split(v["aliases"]), _split(v["handles"])
    for a in aliases:
        if not name_key(a) or len(a) > 200:
            problems.append("aliases: an alias is empty of letters or longer than 200 characters")
    for h in handles:
        if len(handle_key(h)) < 2:
            problems.append("handles: a handle has no letters or digits")
    parsed: dict = {}
    for col, allowed, what in (("scopes", SCOPES, "scope"), ("platforms", PLATFORMS, "platform")):
        try:
            parsed[col] = parse_list(v[col], allowed, what)
        except ValueError as e:
            problems.append(f"{col}: {e}")
    for col in ("granted_on", "expires_on", "withdrawn_on"):
        try:
            parsed[col] = _date(v[col], col)
        except ValueError as e:
            problems.append(str(e))
    if not v["granted_on"]:
        problems.append("granted_on: required")
    granted = parsed.get("granted_on")
    for col in ("expires_on", "withdrawn_on"):
        if granted and parsed.get(col) and parsed[col] < granted:
            problems.append(f"{col}: before granted_on")
    if v["withdrawn_on"] and not v["withdrawn_reason"]:
        problems.append("withdrawn_reason: required when withdrawn_on is set")
    if v["withdrawn_reason"] and not v["withdrawn_on"]:
        problems.append("withdrawn_on: required when withdrawn_reason is set")
    if len(v["recorded_by"]) > 200:
        problems.append("recorded_by: longer than 200 characters")
    recorded_at = None
    if v["recorded_at"]:
        try:
            recorded_at = datetime.fromisoformat(v["recorded_at"])
            if recorded_at.utcoffset() is None:
                recorded_at = recorded_at.replace(tzinfo=timezone.utc)  # a time without zone is read as UTC
        except ValueError:
            problems.append(f"recorded_at: {v['recorded_at']!r} is not an ISO date-time")
    if problems:
        return None, problems
    return Row(line, v["consent_id"] or None, v["patient_id"], v["display_name"], aliases, handles,
               parsed["scopes"], parsed["platforms"], granted, parsed["expires_on"], parsed["withdrawn_on"],
               v["withdrawn_reason"] or None, v["document_ref"], v["superseded_by"] or None,
               v["recorded_by"] or None, recorded_at), []


def read_rows(stream: IO[str]) -> tuple[list[Row], list[RowError]]:
    """Parse and validate every row; errors carry the file's line numbers."""
    rows: list[Row] = []
    errors: list[RowError] = []
    for item in iter_rows(stream):
        (errors if isinstance(item, RowError) else rows).append(item)
    return rows, errors


def iter_rows(stream: IO[str]) -> Iterator[Row | RowError]:
    """``read_rows`` one row at a time, so a large file is never held whole:
    each valid row, or each problem found (a header problem ends it)."""
    reader = csv.reader(stream)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        yield RowError(1, "the file is empty")
        return
    except csv.Error as e:
        yield RowError(1, f"not valid CSV ({e})")
        return
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    if missing:
        yield RowError(1, f"missing column(s): {', '.join(missing)}")
    if unknown:
        yield RowError(1, f"unknown column(s): {', '.join(unknown)}; known: {', '.join(COLUMNS)}")
    if missing or unknown:
        return
    any_row = any_error = False
    line = reader.line_num
    try:
        for fields in reader:
            first, line = line + 1, reader.line_num
            if not any(f.strip() for f in fields):
                continue
            if len(fields) != len(header):
                any_error = True
                yield RowError(first, f"{len(fields)} fields; the header has {len(header)}")
                continue
            row, problems = _parse_row(first, dict(zip(header, fields)))
            for p in problems:
                any_error = True
                yield RowError(first, p)
            if row:
                any_row = True
                yield row
    except csv.Error as e:
        any_error = True
        yield RowError(reader.line_num, f"not valid CSV ({e})")
    if not any_row and not any_error:
        yield RowError(1, "no rows to import")


def export_rows(consents, patients: dict) -> Iterator[dict[str, str]]:
    """Consent rows (any order) -> CSV dicts in COLUMNS order, history included."""
    for c in consents:
        p = patients[c.patient_id]
        yield {
            "consent_id": c.id, "patient_id": c.patient_id, "display_name": p.display_name,
            "aliases": ";".join(json.loads(p.aliases)), "handles": ";".join(json.loads(p.handles)),
            "scopes": ";".join(json.loads(c.scopes)), "platforms": ";".join(json.loads(c.platforms)),
            "granted_on": c.granted_on.isoformat(), "expires_on": c.expires_on.isoformat() if c.expires_on else "",
            "withdrawn_on": c.withdrawn_on.isoformat() if c.withdrawn_on else "",
            "withdrawn_reason": c.withdrawn_reason or "", "document_ref": c.document_ref,
            "superseded_by": c.superseded_by or "", "recorded_by": c.recorded_by,
            "recorded_at": c.recorded_at.isoformat() if c.recorded_at else "",
        }


def write_csv(stream: IO[str], rows) -> int:
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for r in rows:
        writer.writerow(r)
        n += 1
    return n


def non_utf8_lines(lines: Iterable[bytes]) -> list[RowError]:
    """Every line (split at b"\\n", which never falls inside a UTF-8 character) that is not UTF-8,
    in order, with the offending byte: the import names them all instead of stopping at the first."""
    bad = []
    for n, line in enumerate(lines, 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as e:
            bad.append(RowError(n, f"not UTF-8 (byte 0x{line[e.start]:02x}, the line's byte {e.start + 1})"))
    return bad
