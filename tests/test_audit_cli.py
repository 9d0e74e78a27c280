"""`clearpost audit ...` through bot.cli.main: exit codes, export filtering,
the evidence record and the purge, on SQLite and PostgreSQL."""
from __future__ import annotations

import copy
import csv
import io
import json
from datetime import datetime, timedelta, timezone

import pytest
import yaml
from sqlalchemy import text
from sqlmodel import Session

from bot import audit
from bot.cli import main
from bot.db import transaction, upgrade
from bot.models import AuditEvent
from tests.conftest import EXAMPLE_PROFILE

UTC = timezone.utc
DAYS = [datetime(2026, 1, 1, 0, 0, 0, tzinfo=UTC), datetime(2026, 1, 15, 23, 59, 59, 999999, tzinfo=UTC),
        datetime(2026, 1, 16, 0, 0, 0, tzinfo=UTC), datetime(2026, 2, 1, 12, 0, 0, 5, tzinfo=UTC)]


@pytest.fixture
def cli(db_url, tmp_path, monkeypatch, capsys):
    """Run the CLI against this test's database; returns (exit, stdout, stderr)."""
    profile = copy.deepcopy(EXAMPLE_PROFILE)
    profile["storage"] = {"database_url": db_url, "store_draft_text": False, "purge_text_after_days": 30}
    cfg = tmp_path / "config.yml"
    cfg.write_text(yaml.safe_dump(profile))
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.delenv("CLEARPOST_DATA_KEY", raising=False)

    def run(*argv):
        capsys.readouterr()
        code = main(["--config", str(cfg), *argv])
        out, err = capsys.readouterr()
        return code, out, err
    return run


@pytest.fixture
def dated(engine):
    """A valid chain whose rows carry the timestamps in DAYS."""
    upgrade(engine)
    prev, ids = audit.GENESIS, []
    with Session(engine) as s:
        for n, at in enumerate(DAYS):
            body = json.dumps({"n": n})
            digest = audit.row_digest(prev, at, "U1", "approve", n, None, body)
            ev = AuditEvent(at=at, actor="U1", action="approve", review_id=n, details=body, prev_hash=prev, hash=digest)
            s.add(ev)
            s.flush()
            ids.append(ev.id)
            prev = digest
        s.commit()
    return ids


def test_when_chain_intact_then_verify_exits_0_and_prints_head(cli, dated):
    code, out, _ = cli("audit", "verify")
    assert code == 0 and "intact: 4 rows" in out and f"head: {dated[-1]}:" in out


def test_when_chain_broken_then_verify_exits_1_naming_row(cli, dated, engine):
    with engine.begin() as c:
        if engine.dialect.name == "postgresql":
            c.execute(text("SET LOCAL session_replication_role = replica"))
            c.execute(text("DELETE FROM audit_event WHERE id = :i"), {"i": dated[1]})
        else:
            for (name,) in c.execute(text("SELECT name FROM sqlite_master WHERE type='trigger'")).all():
                c.execute(text(f'DROP TRIGGER "{name}"'))
            c.execute(text("DELETE FROM audit_event WHERE id = :i"), {"i": dated[1]})
    code, out, err = cli("audit", "verify")
    assert code == 1 and f"BROKEN at row {dated[2]}" in err


def test_when_head_anchor_given_after_tail_deleted_then_exit_1(cli, dated, engine):
    _, out, _ = cli("audit", "verify")
    head = out.split("head: ")[1].strip()
    with engine.begin() as c:
        if engine.dialect.name == "postgresql":
            c.execute(text("SET LOCAL session_replication_role = replica"))
        else:
            for (name,) in c.execute(text("SELECT name FROM sqlite_master WHERE type='trigger'")).all():
                c.execute(text(f'DROP TRIGGER "{name}"'))
        c.execute(text("DELETE FROM audit_event WHERE id = :i"), {"i": dated[-1]})
    assert cli("audit", "verify")[0] == 0
    code, _, err = cli("audit", "verify", "--anchor", head)
    assert code == 1 and f"row {dated[-1]}" in err


@pytest.mark.parametrize("argv", [["audit", "verify", "--anchor", "12"],
                                  ["audit", "export", "--from", "2026-13-01", "--to", "2026-01-02"],
                                  ["audit", "export", "--from", "2026-02-01", "--to", "2026-01-01"],
                                  ["audit", "post", "999"]])
def test_when_bad_input_then_exit_2(cli, dated, argv):
    code, out, err = cli(*argv)
    assert code == 2 and err.startswith("clearpost: ") and out == ""


@pytest.mark.parametrize("start,end,expected", [
    ("2026-01-01", "2026-01-15", [0, 1]),          # --to is a whole day, inclusive
    ("2026-01-16", "2026-01-16", [2]),
    ("2026-01-02", "2026-01-31", [1, 2]),
    ("2026-01-01T00:00:00Z", "2026-01-01T00:00:00.000001Z", [0]),
    ("2025-01-01", "2025-12-31", []),
])
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_when_exporting_range_then_only_rows_in_it_recomputable(cli, dated, start, end, expected, fmt, tmp_path):
    out_file = tmp_path / f"export.{fmt}"
    code, _, err = cli("audit", "export", "--from", start, "--to", end, "--format", fmt, "--output", str(out_file))
    assert code == 0 and f"exported {len(expected)} audit rows" in err
    body = out_file.read_text()
    rows = list(csv.DictReader(io.StringIO(body))) if fmt == "csv" else json.loads(body)["rows"]
    assert [int(r["id"]) for r in rows] == [dated[i] for i in expected]
    for r in rows:  # the export alone is enough to recompute each row's hash
        rid = r["review_id"]
        rid = int(rid) if rid not in (None, "") else None
        at = datetime.fromisoformat(r["at"].replace("Z", "+00:00"))
        assert audit.row_digest(r["prev_hash"], at, r["actor"], r["action"], rid,
                                r["consent_id"] or None, r["details"]) == r["hash"]


def test_when_export_to_stdout_then_audited_and_chain_still_valid(cli, dated):
    code, out, _ = cli("audit", "export", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json",
                       "--actor", "auditor")
    assert code == 0 and json.loads(out)["row_count"] == 4
    code, out, _ = cli("audit", "verify")
    assert code == 0 and "intact: 5 rows" in out
    code, out, _ = cli("audit", "export", "--from", "2020-01-01", "--to", "2099-01-01")
    last = list(csv.DictReader(io.StringIO(out)))[-1]
    assert last["action"] == "audit_exported" and last["actor"] == "auditor"


def test_when_no_schema_then_exit_2_with_hint(cli):
    code, _, err = cli("audit", "verify")
    assert code == 2 and "clearpost db upgrade" in err


async def test_when_post_shown_then_text_and_json_record(cli, services):
    from bot.domain import Draft, MessageRef
    d = Draft(text="So proud of Emily Carter, call her at 503-555-7788.", author="U0STAFF",
              ref=MessageRef("slack", "T1", "C0REVIEW1", "9"), platforms=("instagram",))
    view = await services.reviews.check(services.reviews.submit(d))
    services.reviews.override(view.ref, "U0PRIVACY1", "written authorization on file")
    code, out, _ = cli("audit", "post", str(view.id))
    assert code == 0 and d.content_hash in out and "U0PRIVACY1 (override)" in out
    assert "written authorization on file" in out and "phi.phone [" in out
    assert "Emily" not in out and "555-7788" not in out
    code, out, _ = cli("audit", "post", str(view.id), "--format", "json")
    rec = json.loads(out)
    assert code == 0 and rec["approver"] == "U0PRIVACY1" and rec["platforms"] == ["instagram"]


async def test_when_purge_texts_then_texts_gone_chain_valid(cli, db_url, analyzer):
    from bot.app import build_services
    from bot.domain import Draft, MessageRef
    from bot.models import Review
    from tests.conftest import make_config
    cfg = make_config(db_url, secrets={"data_key": "k" * 20},
                      storage={"database_url": db_url, "store_draft_text": True, "purge_text_after_days": 30})
    svc = build_services(cfg, analyzer=analyzer)
    try:
        d = Draft(text="Call Emily Carter at 503-555-7788.", author="U0STAFF",
                  ref=MessageRef("slack", "T1", "C0REVIEW1", "7"), platforms=("instagram",))
        rid = svc.reviews.submit(d)
        await svc.reviews.check(rid)
        with transaction(svc.engine) as s:
            s.get(Review, rid).updated_at = datetime.now(UTC) - timedelta(days=31)
        code, out, _ = cli("audit", "purge-texts")
        assert code == 0 and "purged stored texts of 1 reviews older than 30 days" in out
        with Session(svc.engine) as s:
            row = s.get(Review, rid)
            assert row.draft_text is None and row.rewrite is None
        assert cli("audit", "verify")[0] == 0
    finally:
        svc.pipeline.close()
        svc.engine.dispose()
