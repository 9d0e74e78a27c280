"""Logs never carry draft text or matched values.

Drafts full of PHI go through the whole pipeline (real Presidio, real
database, CLI with -v) while every logger in the process records at DEBUG;
then the captured logs and the non-report output are searched for the
values."""
from __future__ import annotations

import copy
import logging

import pytest
import yaml

from bot.cli import main
from bot.domain import Draft, MessageRef
from tests.conftest import EXAMPLE_PROFILE

DRAFTS = [
    "Session recap: Margaret Oyelaran-Whitfield (DOB 03/14/1987, SSN 078-05-1120) can be reached at "
    "(971) 555-0199 or margaret.ow@example.org; she lives at 1842 Alder Creek Lane, Beaverton, OR 97005.",
    "Thanks to our client Desmond Achterberg for sharing his panic disorder journey! Text him at "
    "503.555.0177, email dachterberg@mailbox.example, SSN 219-09-9999, 77 Quillback Way Apt 4, Salem OR 97301.",
]
VALUES = ["Margaret", "Oyelaran", "Whitfield", "03/14/1987", "078-05-1120", "078051120", "555-0199",
          "margaret.ow", "Alder Creek", "Desmond", "Achterberg", "panic disorder", "555.0177",
          "dachterberg", "219-09-9999", "Quillback", "97301", "97005"]
OFFICER = "U0PRIVACY1"


class Everything(logging.Handler):
    """Keeps each record's message, arguments and traceback text."""

    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.texts: list[str] = []
        self.names: set[str] = set()

    def emit(self, record):
        self.names.add(record.name)
        parts = [record.name, str(record.msg), repr(record.args)]
        try:
            parts.append(record.getMessage())
        except Exception:  # noqa: BLE001 - a bad format string must not hide the raw parts
            pass
        if record.exc_info:
            parts.append(logging.Formatter().formatException(record.exc_info))
        if record.stack_info:
            parts.append(record.stack_info)
        self.texts.append(" | ".join(parts))


@pytest.fixture
def all_logs():
    """Root at DEBUG plus every logger that does not propagate, and SQL echo on
    (what an operator turns on to debug), restored afterwards."""
    handler = Everything()
    root, sql = logging.getLogger(), logging.getLogger("sqlalchemy.engine")
    saved = root.level, sql.level
    root.setLevel(logging.DEBUG)
    sql.setLevel(logging.INFO)
    root.addHandler(handler)
    detached = [lg for lg in logging.root.manager.loggerDict.values()
                if isinstance(lg, logging.Logger) and not lg.propagate]
    for lg in detached:
        lg.addHandler(handler)
    logging.getLogger("any.library").debug("probe")  # a library's DEBUG record does reach us
    assert handler.names == {"any.library"}
    yield handler
    for lg in detached:
        lg.removeHandler(handler)
    root.removeHandler(handler)
    root.setLevel(saved[0])
    sql.setLevel(saved[1])


def leaks(texts) -> list[tuple[str, str]]:
    """(value, where) pairs, where = the logger name (or the output's first words)."""
    return sorted({(v, t.split(" | ")[0][:60]) for t in texts for v in VALUES if v.lower() in t.lower()})


async def test_when_phi_drafts_go_through_service_then_no_value_logged(services, all_logs):
    for n, text in enumerate(DRAFTS):
        d = Draft(text=text, author="U0STAFF", ref=MessageRef("slack", "T1", "C0REVIEW1", str(n)),
                  platforms=("instagram",))
        view = await services.reviews.check(services.reviews.submit(d))
        assert view.blocking  # the drafts really were analysed
        services.reviews.approve(view.ref, "U0STRANGER")            # refused
        services.reviews.override(view.ref, OFFICER, "written authorization on file")
        services.reviews.edit(Draft(text=text + " Edited.", author="U0STAFF", ref=d.ref, platforms=d.platforms))
        await services.reviews.check(view.id)
        services.reviews.reject(view.ref, OFFICER)
        services.reviews.withdraw(view.ref, "U0STAFF")
    assert "sqlalchemy.engine.Engine" in all_logs.names  # SQL was logged, and with it any bound text
    assert leaks(all_logs.texts) == []


def test_when_cli_check_verbose_then_no_value_in_logs_or_stderr(db_url, tmp_path, monkeypatch, capsys, all_logs):
    profile = copy.deepcopy(EXAMPLE_PROFILE)
    profile["storage"] = {"database_url": db_url}
    cfg = tmp_path / "config.yml"
    cfg.write_text(yaml.safe_dump(profile))
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.delenv("CLEARPOST_DATA_KEY", raising=False)
    outputs = []
    for n, text in enumerate(DRAFTS):
        path = tmp_path / f"draft{n}.txt"
        path.write_text(text)
        for fmt in ("text", "json"):
            assert main(["--config", str(cfg), "-v", "check", "--record", str(path), "--format", fmt]) == 1
            out, err = capsys.readouterr()
            outputs.append(err)
    # the evidence commands are output too, and must not carry values either
    for argv in (["audit", "verify"], ["audit", "export", "--from", "2000-01-01", "--to", "2100-01-01"],
                 ["audit", "post", "1"], ["audit", "post", "2", "--format", "json"]):
        assert main(["--config", str(cfg), "-v", *argv]) == 0
        out, err = capsys.readouterr()
        outputs += [out, err]
    assert "sqlalchemy.engine.Engine" in all_logs.names
    assert leaks(all_logs.texts) == [] and leaks(outputs) == []


@pytest.mark.parametrize("failure", ["duplicate_insert", "not_null_update"])
def test_when_database_write_fails_then_error_text_quotes_no_draft(engine, failure):
    """Exceptions get logged: they must not quote bound values (SQLAlchemy) or
    the failing row (PostgreSQL's DETAIL)."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError
    from bot.db import transaction, upgrade
    from bot.models import Review
    upgrade(engine)

    def add():
        with transaction(engine) as s:
            s.add(Review(ref_key="k", platform="slack", workspace="T", channel="C", message_id="1", author="u",
                         content_hash="0" * 64, state="checking", draft_text=DRAFTS[0]))
    add()
    with pytest.raises(DBAPIError) as caught:
        if failure == "duplicate_insert":
            add()
        else:
            with engine.begin() as c:
                c.execute(text("UPDATE review SET state = NULL"))
    assert leaks([str(caught.value), repr(caught.value), str(caught.value.orig)]) == []
