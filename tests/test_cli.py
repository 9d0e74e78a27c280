"""`clearpost check`: every exit path (0 pass/warn, 1 block, 2 usage/config/input)."""
import io
import json
import sys

import pytest
import yaml

from bot.cli import main
from tests.conftest import EXAMPLE_PROFILE

CLEAN = "Five grounding techniques to try when anxiety spikes: name five things you can see."
PHI = "So proud of Emily Carter, call her at 503-555-7788 after her therapy session. Our sleep workshop starts May 3."


@pytest.fixture
def cfg(tmp_path):
    data = dict(EXAMPLE_PROFILE, storage={"database_url": f"sqlite:///{tmp_path / 'cli.db'}"})
    p = tmp_path / "config.yml"
    p.write_text(yaml.safe_dump(data))
    return str(p)


def run(cfg, *args, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    return main(["--config", cfg, *args])


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return str(p)


def test_when_clean_draft_then_exit_0_and_json_pass(cfg, tmp_path, capsys):
    assert run(cfg, "check", "--format", "json", write(tmp_path, "d.txt", CLEAN.encode())) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["verdict"] == "pass" and out["findings"] == []


def test_when_phi_draft_then_exit_1_and_findings_without_values(cfg, tmp_path, capsys):
    assert run(cfg, "check", "--format", "json", write(tmp_path, "d.txt", PHI.encode())) == 1
    raw = capsys.readouterr().out
    out = json.loads(raw)
    assert out["verdict"] == "block"
    f = next(f for f in out["findings"] if f.get("entity") == "PERSON")
    assert set(f) >= {"check", "code", "severity", "entity", "start", "end", "message", "suggestion"}
    assert PHI[f["start"]:f["end"]] == "Emily Carter"
    assert all("Emily" not in x["message"] and "555-7788" not in x["message"] for x in out["findings"])
    assert out["rewrite"] == "Our sleep workshop starts May 3."  # the sentence about her is gone, not masked


def test_when_text_format_then_human_report(cfg, tmp_path, capsys):
    assert run(cfg, "check", write(tmp_path, "d.txt", PHI.encode())) == 1
    out = capsys.readouterr().out
    assert out.startswith("verdict: BLOCK") and "PERSON" in out and "\033[" not in out


def test_when_stdin_then_it_is_read(cfg, capsys, monkeypatch):
    assert run(cfg, "check", "-", "--format", "json", stdin=CLEAN.encode(), monkeypatch=monkeypatch) == 0


@pytest.mark.parametrize("name,data,needle", [
    ("empty.txt", b"   \n", "empty"),
    ("latin1.txt", "Café session".encode("latin-1"), "not UTF-8"),
    ("long.txt", b"a " * 20001, "limit is 40000"),
    ("nul.txt", b"hello\x00world", "binary"),
])
def test_when_input_is_bad_then_exit_2_with_message(cfg, tmp_path, capsys, name, data, needle):
    assert run(cfg, "check", write(tmp_path, name, data)) == 2
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err


def test_when_file_missing_then_exit_2(cfg, tmp_path, capsys):
    assert run(cfg, "check", str(tmp_path / "missing.txt")) == 2
    assert "cannot read" in capsys.readouterr().err


def test_when_config_invalid_then_exit_2_naming_key(tmp_path, capsys):
    p = tmp_path / "bad.yml"
    p.write_text("practice:\n  name: X\nserver:\n  prot: 1\n")
    assert main(["--config", str(p), "check", write(tmp_path, "d.txt", CLEAN.encode())]) == 2
    assert "server.prot: unknown key" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["check", "--platform", "myspace"], ["check", "--format", "xml"], ["frobnicate"]])
def test_when_usage_wrong_then_exit_2(cfg, args):
    with pytest.raises(SystemExit) as e:
        run(cfg, *args)
    assert e.value.code == 2


def test_when_jsonl_then_one_line_per_input_in_order(cfg, tmp_path, capsys):
    lines = [{"id": "a", "text": CLEAN}, {"id": "b", "text": PHI, "platform": "instagram"}, {"id": "c", "text": CLEAN}]
    path = write(tmp_path, "in.jsonl", "\n".join(json.dumps(x) for x in lines).encode())
    assert run(cfg, "check", "--jsonl", path) == 1
    out = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c"]
    assert [o["verdict"] for o in out] == ["pass", "block", "pass"]


def test_when_jsonl_line_bad_then_error_line_and_exit_2(cfg, tmp_path, capsys):
    body = json.dumps({"id": "a", "text": CLEAN}) + "\n{not json\n" + json.dumps({"id": "c", "text": ""}) + "\n"
    assert run(cfg, "check", "--jsonl", write(tmp_path, "in.jsonl", body.encode())) == 2
    out = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    assert [o["verdict"] for o in out] == ["pass", None, None]
    assert out[2]["id"] == "c" and "empty" in out[2]["error"]


def test_when_db_upgrade_then_exit_0(cfg, capsys):
    assert run(cfg, "db", "upgrade") == 0
    assert "up to date" in capsys.readouterr().out


@pytest.mark.parametrize("record,stored", [(False, 0), (True, 1)])
def test_when_checking_then_only_record_stores_a_review(cfg, tmp_path, capsys, monkeypatch, record, stored):
    import sqlite3
    monkeypatch.delenv("DATABASE_URL", raising=False)  # this test reads the profile's own SQLite file
    args = ["check", "--format", "json", write(tmp_path, "d.txt", PHI.encode())] + (["--record"] if record else [])
    assert run(cfg, *args) == 1
    assert json.loads(capsys.readouterr().out)["verdict"] == "block"
    with sqlite3.connect(tmp_path / "cli.db") as db:
        assert db.execute("select count(*) from review").fetchone()[0] == stored
        assert db.execute("select count(*) from audit_event where review_id is not null").fetchone()[0] == (2 if record else 0)


def test_when_config_comes_after_the_command_then_it_is_used(cfg, tmp_path, capsys):
    assert main(["check", "--config", cfg, "--format", "json", write(tmp_path, "d.txt", CLEAN.encode())]) == 0
    assert json.loads(capsys.readouterr().out)["verdict"] == "pass"


def test_when_no_draft_is_given_on_a_terminal_then_it_says_what_it_expects(cfg, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", type("Tty", (), {"isatty": lambda self: True})())
    assert run(cfg, "check") == 2
    assert "no draft given" in capsys.readouterr().err


def test_when_the_reader_of_jsonl_output_leaves_early_then_no_traceback(cfg, tmp_path):
    import subprocess
    drafts = write(tmp_path, "d.jsonl", b"".join(json.dumps({"id": i, "text": CLEAN}).encode() + b"\n"
                                                  for i in range(40)))
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "--config", cfg, "check", "--jsonl", drafts],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()  # what `| head -1` does
    err = proc.stderr.read().decode()
    assert json.loads(first)["id"] == 0
    assert proc.wait(timeout=120) == 141 and "Traceback" not in err


def test_when_jsonl_lines_are_bad_then_each_error_names_its_line(cfg, tmp_path, capsys):
    body = (json.dumps({"id": "a", "text": CLEAN}).encode() + b"\n{not json\n\n"
            + json.dumps({"id": "d", "text": "Caf\u00e9"}).encode().replace(b"\\u00e9", b"\xe9") + b"\n")
    assert run(cfg, "check", "--jsonl", write(tmp_path, "in.jsonl", body)) == 2
    captured = capsys.readouterr()
    out = [json.loads(l) for l in captured.out.splitlines()]
    assert [(o.get("line"), o["verdict"]) for o in out] == [(None, "pass"), (2, None), (4, None)]
    assert out[1]["error"].startswith("line 2: not valid JSON") and "column 2" in out[1]["error"]
    column = body.split(b"\n")[3].index(b"\xe9") + 1
    assert out[2]["error"] == f"line 4: not UTF-8 text (byte 0xe9, the line's byte {column})"
    assert "clearpost: line 2: not valid JSON" in captured.err and "clearpost: line 4: not UTF-8" in captured.err
    assert "line 1 column" not in captured.out + captured.err  # json's own position inside the line is gone


@pytest.mark.parametrize("argv,said", [
    (["serve", "--help"], ["web console", "0 picks a free one"]),
    (["check", "--help"], ["json: one object with verdict, findings and rewrite"]),
    (["users", "add", "--help"], ["officers.console", "never from the command line"]),
    (["users", "--help"], ["quickstart"]),
])
def test_when_help_is_asked_then_it_says_what_the_options_do(capsys, argv, said):
    with pytest.raises(SystemExit) as e:
        main(argv)
    assert e.value.code == 0
    out = " ".join(capsys.readouterr().out.split())  # argparse wraps lines
    for words in said:
        assert words in out
