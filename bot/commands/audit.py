"""`clearpost audit verify|export|post|purge-texts`: the evidence for a regulator.

Exit status: 0 done (chain intact), 1 chain broken, 2 usage/config error or
the database has no audit table yet.
"""
from __future__ import annotations

import json
import os
import pwd
import sys
from contextlib import contextmanager

from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlmodel import Session

from bot.audit import append
from bot.audit.evidence import evidence_for
from bot.audit.export import parse_bound, rows, write_csv, write_json
from bot.audit.retention import purge_texts
from bot.audit.verify import Anchor, verify
from bot.commands.common import UsageError, config_from, guarded
from bot.db import make_engine, transaction


def _default_actor() -> str:
    try:
        return "cli:" + pwd.getpwuid(os.getuid()).pw_name
    except KeyError:
        return f"cli:uid{os.getuid()}"


def register(sub) -> None:
    p = sub.add_parser("audit", help="verify, export and read the audit trail; purge stored texts")
    asub = p.add_subparsers(dest="audit_command", required=True)

    v = asub.add_parser("verify", help="re-check the hash chain; exit 1 naming the first bad row")
    v.add_argument("--anchor", action="append", default=[], metavar="ID:HASH",
                   help="a head printed by an earlier verify, kept outside the database; "
                        "detects deletion of the newest rows (repeatable)")
    v.set_defaults(func=guarded(_verify))

    e = asub.add_parser("export", help="audit rows in a date range (UTC) as CSV or JSON")
    e.add_argument("--from", dest="start", required=True, metavar="DATE", help="YYYY-MM-DD or ISO timestamp")
    e.add_argument("--to", dest="end", required=True, metavar="DATE", help="YYYY-MM-DD (inclusive) or ISO timestamp")
    e.add_argument("--format", choices=("csv", "json"), default="csv")
    e.add_argument("--output", metavar="FILE", help="write here instead of stdout")
    e.add_argument("--actor", default=None, help="who is exporting (recorded; default: cli:<login>)")
    e.set_defaults(func=guarded(_export))

    r = asub.add_parser("post", help="the evidence record for one post (review id)")
    r.add_argument("review_id", type=int)
    r.add_argument("--format", choices=("text", "json"), default="text")
    r.set_defaults(func=guarded(_post))

    g = asub.add_parser("purge-texts", help="erase stored draft texts older than N days (the chain stays valid)")
    g.add_argument("--days", type=int, default=None, help="default: storage.purge_text_after_days")
    g.add_argument("--actor", default=None, help="who is purging (recorded; default: cli:<login>)")
    g.set_defaults(func=guarded(_purge))


@contextmanager
def _engine(args):
    engine = make_engine(config_from(args).database_url)
    try:
        yield engine
    except (OperationalError, ProgrammingError) as e:
        if "audit_event" in str(e.orig) or "no such table" in str(e.orig):
            raise UsageError("the database has no audit trail yet: run `clearpost db upgrade`") from None
        raise
    finally:
        engine.dispose()


def _verify(args) -> int:
    try:
        anchors = [Anchor.parse(a) for a in args.anchor]
    except ValueError as e:
        raise UsageError(str(e)) from None
    with _engine(args) as engine:
        result = verify(engine, anchors)
    if result.ok:
        print(f"audit chain intact: {result.rows} rows"
              + (f", {result.anchors_checked} anchors matched" if anchors else ""))
        print(f"head: {result.head}")
        return 0
    print(f"audit chain BROKEN at row {result.bad_id}: {result.reason}", file=sys.stderr)
    print(f"rows verified before it: {result.rows} (last good: {result.head})", file=sys.stderr)
    return 1


def _export(args) -> int:
    try:
        start, end = parse_bound(args.start), parse_bound(args.end, end=True)
    except ValueError as e:
        raise UsageError(str(e)) from None
    if end <= start:
        raise UsageError("--to is before --from")
    try:
        out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    except OSError as e:
        raise UsageError(f"cannot write {args.output}: {e.strerror}") from None
    with _engine(args) as engine:
        try:
            items = rows(engine, start, end)
            n = write_csv(items, out) if args.format == "csv" else write_json(items, out, start, end)
        finally:
            if args.output:
                out.close()
        with transaction(engine) as s:
            append(s, args.actor or _default_actor(), "audit_exported", details={
                "from": args.start, "to": args.end, "format": args.format, "rows": n})
    if args.output:
        print(f"exported {n} audit rows to {args.output}", file=sys.stderr)
    return 0


def _post(args) -> int:
    with _engine(args) as engine, Session(engine) as s:
        record = evidence_for(s, args.review_id)
    if record is None:
        raise UsageError(f"no post with review id {args.review_id}")
    if args.format == "json":
        print(json.dumps(record, indent=2, ensure_ascii=False))
    else:
        _print_record(record)
    return 0


def _print_record(r: dict) -> None:
    print(f"review {r['review_id']}  message {r['message']}")
    print(f"  draft sha256:   {r['draft_hash']}")
    print(f"  author:         {r['author']}  received {r['received_at']}")
    print(f"  platforms:      {', '.join(r['platforms']) or '(none named)'}")
    print(f"  state:          {r['state']}  verdict {r['verdict']}")
    print(f"  profile sha256: {r['config_sha256']}")
    if r["approver"]:
        print(f"  cleared by:     {r['approver']} ({r['approval']}) at {r['approved_at']}")
        print(f"  cleared hash:   {r['approved_content_hash']}")
    if r["override_reason"]:
        print(f"  override reason: {r['override_reason']}")
    print("  findings:" if r["findings"] else "  findings: none")
    for f in r["findings"]:
        where = (f" [{f['start']}-{f['end']}]" if f.get("start") is not None
                 else f" [image {f['image']}" + (" area {},{} {}x{}".format(*f["box"]) if f.get("box") else "") + "]"
                 if f.get("image") is not None else "")
        print(f"    {f['severity']:>5} {f['code']}{where}" + (f" ({f['entity']})" if f.get("entity") else ""))
    print("  consents relied on: " + (", ".join(f"{c['consent_id']} ({c['code']})" for c in r["consents_relied_on"]) or "none"))
    print("  history:")
    for row in r["audit_rows"]:
        print(f"    #{row['id']} {row['at']} {row['action']} by {row['actor']}"
              + ("" if row["hash_ok"] else "  << HASH MISMATCH"))
    print("  rows intact: " + ("yes" if r["rows_intact"] else "NO (run `clearpost audit verify`)"))


def _purge(args) -> int:
    config = config_from(args)
    days = config.profile.storage.purge_text_after_days if args.days is None else args.days
    if days < 0:
        raise UsageError("--days must be 0 or more")
    with _engine(args) as engine:
        n = purge_texts(engine, days, args.actor or _default_actor())
    print(f"purged stored texts of {n} reviews older than {days} days")
    return 0
