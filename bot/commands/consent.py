"""`clearpost consent ...`: keep the consent registry (import, export, show,
grant, withdraw, correct, list expiring). Exit 0 done, 1 `show` found
nothing, 2 usage or input error (nothing changed)."""
from __future__ import annotations

import hashlib
import json
import sys
from datetime import date

from bot.commands.common import UsageError, config_from, guarded
from bot.consent.csvio import non_utf8_lines
from bot.consent.registry import ConsentRegistry, ImportFailed, RegistryError
from bot.consent.vocab import PLATFORMS, SCOPES
from bot.db import make_engine, upgrade


def _list(value: str) -> list[str]:
    return [v.strip() for v in value.replace(",", ";").split(";") if v.strip()]


def register(sub) -> None:
    p = sub.add_parser("consent", help="the consent registry (written authorizations)")
    c = p.add_subparsers(dest="consent_command", required=True, parser_class=type(p))

    imp = c.add_parser("import", help="add consents from a CSV file (all rows or none)")
    imp.add_argument("file")
    imp.add_argument("--by", default="cli", help="who is recording (default: cli)")
    imp.set_defaults(func=guarded(_import))

    exp = c.add_parser("export", help="write every consent, history included, as CSV")
    exp.add_argument("--output", "-o", help="file to write (default: stdout)")
    exp.set_defaults(func=guarded(_export))

    show = c.add_parser("show", help="a patient's consents: by name, alias, @handle, patient id or consent id")
    show.add_argument("query", metavar="NAME|ID")
    show.set_defaults(func=guarded(_show))

    g = c.add_parser("grant", help="record a written authorization (creates the patient if new)")
    g.add_argument("--patient", required=True, help="patient id, or name (a new name creates the patient)")
    g.add_argument("--scopes", required=True, help=f"comma-separated: {', '.join(SCOPES)}")
    g.add_argument("--platforms", required=True, help=f"comma-separated: {', '.join(PLATFORMS)}")
    g.add_argument("--document", required=True, help="reference to the signed authorization")
    g.add_argument("--expires", type=_day_arg, help="last day it is valid (YYYY-MM-DD)")
    g.add_argument("--granted", type=_day_arg, help="date signed (default: today)")
    g.add_argument("--alias", action="append", default=[], help="another name or nickname (repeatable)")
    g.add_argument("--handle", action="append", default=[], help="social handle such as @jane (repeatable)")
    g.add_argument("--new-patient", action="store_true", help="create a new patient even if the name exists")
    g.add_argument("--by", default="cli", help="who is recording (default: cli)")
    g.set_defaults(func=guarded(_grant))

    w = c.add_parser("withdraw", help="record that a patient withdrew a consent (kept as history)")
    w.add_argument("consent_id")
    w.add_argument("--reason", required=True)
    w.add_argument("--on", type=_day_arg, help="date of withdrawal (default: today)")
    w.add_argument("--by", default="cli")
    w.set_defaults(func=guarded(_withdraw))

    fix = c.add_parser("correct", help="replace a consent by a corrected copy (the old one is kept)")
    fix.add_argument("consent_id")
    fix.add_argument("--scopes")
    fix.add_argument("--platforms")
    fix.add_argument("--granted", type=_day_arg)
    fix.add_argument("--expires", type=_day_arg)
    fix.add_argument("--no-expiry", action="store_true", help="remove the expiry date")
    fix.add_argument("--document")
    fix.add_argument("--by", default="cli")
    fix.set_defaults(func=guarded(_correct))

    ls = c.add_parser("list", help="consents ending soon")
    ls.add_argument("--expiring", type=int, required=True, metavar="DAYS")
    ls.set_defaults(func=guarded(_list_expiring))


def _day_arg(value: str) -> date:
    import argparse
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _registry(args) -> ConsentRegistry:
    config = config_from(args)
    engine = make_engine(config.database_url)
    upgrade(engine)
    return ConsentRegistry(engine)


MAX_REPORTED_LINES = 100


def _checked_digest(path: str) -> str:
    """The file's SHA-256, read a line at a time, checking on the way that every line is UTF-8
    (a large registry file is never held whole). Every line that is not is reported, as the
    row errors are (the first MAX_REPORTED_LINES, then how many more), and nothing is imported."""
    digest = hashlib.sha256()

    def lines(f):
        for line in f:
            digest.update(line)
            yield line

    try:
        with open(path, "rb") as f:
            bad = [str(e) for e in non_utf8_lines(lines(f))]
    except OSError as e:
        raise UsageError(f"cannot read {path}: {e.strerror}") from None
    if bad:
        for message in bad[:MAX_REPORTED_LINES]:
            print(f"{path}:{message}", file=sys.stderr)
        more = f" (the first {MAX_REPORTED_LINES} listed)" if len(bad) > MAX_REPORTED_LINES else ""
        raise UsageError(f"{path} is not UTF-8 text: {len(bad)} line(s) are not{more}; save it as UTF-8 "
                         "(CSV UTF-8 in Excel); nothing was imported")
    return digest.hexdigest()


def _import(args) -> int:
    sha256 = _checked_digest(args.file)
    registry = _registry(args)
    try:
        with open(args.file, encoding="utf-8-sig", newline="") as stream:
            n = registry.import_csv(args.by, stream, sha256)
    except OSError as e:
        raise UsageError(f"cannot read {args.file}: {e.strerror}") from None
    except ImportFailed as e:
        for err in e.errors:
            print(f"{args.file}:{err}", file=sys.stderr)
        raise UsageError(f"{args.file}: {e}") from None
    print(f"imported {n} consent(s)")
    return 0


def _export(args) -> int:
    registry = _registry(args)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as f:
                n = registry.export_csv(f)
        except OSError as e:
            raise UsageError(f"cannot write {args.output}: {e.strerror}") from None
        print(f"exported {n} consent(s) to {args.output}", file=sys.stderr)
    else:
        registry.export_csv(sys.stdout)
    return 0


def _show(args) -> int:
    found = _registry(args).history(args.query)
    if not found:
        print("no patient or consent matches that name or id", file=sys.stderr)
        return 1
    for patient, consents in found:
        print(f"{patient.id}  {patient.display_name}")
        aliases, handles = json.loads(patient.aliases), json.loads(patient.handles)
        if aliases:
            print(f"  aliases: {', '.join(aliases)}")
        if handles:
            print(f"  handles: {', '.join(handles)}")
        if not consents:
            print("  no consents on file")
        for c in consents:
            state = []
            if c.withdrawn_on:
                state.append(f"WITHDRAWN {c.withdrawn_on} ({c.withdrawn_reason})")
            if c.superseded_by:
                state.append(f"corrected by {c.superseded_by}")
            print(f"  {c.id}  granted {c.granted_on}  expires {c.expires_on or 'never'}  "
                  f"scopes {','.join(json.loads(c.scopes))}  platforms {','.join(json.loads(c.platforms))}  "
                  f"document {c.document_ref}" + (f"  [{'; '.join(state)}]" if state else ""))
    return 0


def _wrap(fn):
    try:
        return fn()
    except (RegistryError, ValueError) as e:
        raise UsageError(str(e)) from None


def _grant(args) -> int:
    registry = _registry(args)
    g = _wrap(lambda: registry.grant(
        args.by, patient=args.patient, scopes=_list(args.scopes), platforms=_list(args.platforms),
        document_ref=args.document, granted_on=args.granted, expires_on=args.expires,
        aliases=args.alias, handles=args.handle, new_patient=args.new_patient))
    made = " (new patient)" if g.patient_created else ""
    print(f"recorded consent {g.consent_id} for patient {g.patient_id}{made}")
    return 0


def _withdraw(args) -> int:
    registry = _registry(args)
    c = _wrap(lambda: registry.withdraw(args.by, args.consent_id, args.reason, args.on))
    print(f"consent {c.id} withdrawn on {c.withdrawn_on}")
    return 0


def _correct(args) -> int:
    if args.no_expiry and args.expires:
        raise UsageError("--expires and --no-expiry contradict each other")
    registry = _registry(args)
    expires = None if args.no_expiry else (args.expires or "keep")
    new_id = _wrap(lambda: registry.correct(
        args.by, args.consent_id, scopes=_list(args.scopes) if args.scopes else None,
        platforms=_list(args.platforms) if args.platforms else None, granted_on=args.granted,
        expires_on=expires, document_ref=args.document))
    print(f"consent {args.consent_id} corrected by {new_id}")
    return 0


def _list_expiring(args) -> int:
    if args.expiring < 0:
        raise UsageError("--expiring: DAYS must be 0 or more")
    rows = _registry(args).expiring(args.expiring)
    for c in rows:
        print(f"{c.expires_on}  {c.id}  {c.patient_id}  scopes {','.join(json.loads(c.scopes))}  "
              f"platforms {','.join(json.loads(c.platforms))}")
    if not rows:
        print(f"no consent ends within {args.expiring} day(s)", file=sys.stderr)
    return 0
