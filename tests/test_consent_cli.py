"""`clearpost consent ...`: exit codes and output of every sub-command."""
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from tests.conftest import EXAMPLE_PROFILE

DATA = Path(__file__).parent / "data"


@pytest.fixture
def cfg(tmp_path, db_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", db_url)  # the environment wins over the profile
    p = tmp_path / "config.yml"
    p.write_text(yaml.safe_dump(dict(EXAMPLE_PROFILE, storage={"database_url": db_url})))
    return str(p)


def run(cfg, *args) -> int:
    return main(["--config", cfg, "consent", *args])


def test_when_import_is_valid_then_exit_0_and_show_lists_the_history(cfg, capsys):
    assert run(cfg, "import", str(DATA / "consent_valid.csv")) == 0
    assert "imported 4 consent(s)" in capsys.readouterr().out
    assert run(cfg, "show", "Zoe OBrien") == 0
    out = capsys.readouterr().out
    assert "P-102  Zoë O'Brien" in out and "C-1045" in out and "WITHDRAWN 2026-06-30 (asked to stop)" in out


def test_when_import_has_errors_then_exit_2_every_line_reported_and_nothing_stored(cfg, capsys):
    assert run(cfg, "import", str(DATA / "consent_errors.csv")) == 2
    err = capsys.readouterr().err
    lines = [l for l in err.splitlines() if "consent_errors.csv:line" in l]
    assert [int(l.split("line ")[1].split(":")[0]) for l in lines] == [3, 4, 5, 6, 7, 8, 9, 10, 11]
    assert "nothing was imported" in err
    assert run(cfg, "export") == 0
    assert capsys.readouterr().out.count("\n") == 1  # the header only


@pytest.mark.parametrize("args", [
    ("import", "/nonexistent/file.csv"),
    ("grant", "--patient", "Ana Lima", "--scopes", "selfie", "--platforms", "x", "--document", "d"),
    ("grant", "--patient", "Ana Lima", "--scopes", "story", "--platforms", "x", "--document", "d", "--expires", "soon"),
    ("grant", "--patient", "Ana Lima", "--scopes", "story", "--platforms", "x"),
    ("withdraw", "C-404", "--reason", "moved"),
    ("withdraw", "C-404"),
    ("correct", "C-404", "--scopes", "story"),
    ("list", "--expiring", "-3"),
    ("frobnicate",),
])
def test_when_usage_or_input_is_wrong_then_exit_2(cfg, args, capsys):
    try:
        code = run(cfg, *args)
    except SystemExit as e:  # argparse refuses before the command runs
        code = e.code
    assert code == 2
    assert "clearpost: " in capsys.readouterr().err


def test_when_grant_withdraw_correct_then_each_exits_0_and_history_is_kept(cfg, capsys):
    assert run(cfg, "grant", "--patient", "Ana Lima", "--scopes", "testimonial,name_use", "--platforms",
               "instagram", "--document", "scan-1", "--expires", "2099-01-01", "--alias", "Annie",
               "--handle", "@ana.lima") == 0
    assert "recorded consent C-1 for patient P-000001 (new patient)" in capsys.readouterr().out
    assert run(cfg, "correct", "C-1", "--platforms", "instagram,facebook") == 0
    assert "consent C-1 corrected by C-2" in capsys.readouterr().out
    assert run(cfg, "withdraw", "C-2", "--reason", "changed her mind") == 0
    assert run(cfg, "show", "@ana.lima") == 0
    out = capsys.readouterr().out
    assert "corrected by C-2" in out and "WITHDRAWN" in out and "aliases: Annie" in out


def test_when_show_finds_nothing_then_exit_1(cfg, capsys):
    assert run(cfg, "show", "Nobody Atall") == 1
    assert "no patient" in capsys.readouterr().err


def test_when_export_to_file_then_it_reimports(cfg, tmp_path, capsys):
    assert run(cfg, "import", str(DATA / "consent_valid.csv")) == 0
    out = tmp_path / "out.csv"
    assert run(cfg, "export", "--output", str(out)) == 0
    assert out.read_text().count("\n") == 5
    assert run(cfg, "import", str(out)) == 2  # the same consent ids are already there
    assert "is already in the registry" in capsys.readouterr().err


def test_when_listing_expiring_then_soonest_first(cfg, capsys):
    for name, expires in (("Ana Lima", "2099-03-01"), ("Ben Ode", "2099-02-01")):
        run(cfg, "grant", "--patient", name, "--scopes", "story", "--platforms", "x", "--document", "d",
            "--expires", expires)
    capsys.readouterr()
    assert run(cfg, "list", "--expiring", "100000") == 0
    out = capsys.readouterr().out.splitlines()
    assert [l.split()[1] for l in out] == ["C-2", "C-1"]


def test_when_the_csv_is_not_utf8_then_every_bad_line_is_named_and_nothing_stored(cfg, tmp_path, capsys):
    raw = (DATA / "consent_valid.csv").read_bytes().splitlines(keepends=True)
    raw[1] = raw[1].replace(b"Emily Rose Carter", "Em\u00edly Rose Carter".encode("latin-1"))  # Excel's "CSV"
    raw[3] = raw[3].replace(b"scan/", b"scan\xff/")
    bad = tmp_path / "latin1.csv"
    bad.write_bytes(b"".join(raw))
    assert run(cfg, "import", str(bad)) == 2
    err = capsys.readouterr().err
    named = [l for l in err.splitlines() if l.startswith(f"{bad}:line ")]
    assert [int(l.split("line ")[1].split(":")[0]) for l in named] == [2, 4]
    assert "2 line(s) are not" in err and "nothing was imported" in err and "offset" not in err
    assert run(cfg, "export") == 0
    assert capsys.readouterr().out.count("\n") == 1  # the header only
