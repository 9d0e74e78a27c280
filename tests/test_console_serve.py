"""`clearpost users` and `clearpost serve` with no chat credentials, as real
processes: a fresh machine gets a working console on SQLite."""
from __future__ import annotations

import asyncio
import copy
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest
import yaml

from bot.accounts import authenticate
from bot.db import make_engine
from tests.conftest import EXAMPLE_PROFILE, ROOT
from tests.console_client import ConsoleClient


def _config(tmp_path: Path) -> Path:
    profile = copy.deepcopy(EXAMPLE_PROFILE)
    profile["storage"]["database_url"] = f"sqlite:///{tmp_path / 'console.db'}"
    path = tmp_path / "config.yml"
    path.write_text(yaml.safe_dump(profile))
    return path


def _env() -> dict:
    return {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_", "DATABASE_URL"))}


def _cli(cfg: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot.cli", "--config", str(cfg), *args], cwd=ROOT,
                          env=_env(), input=stdin, capture_output=True, text=True, timeout=120)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("args,stdin,status,said", [
    (["users", "add", "officer", "--role", "officer"], "long-enough-password\n", 0, "added officer (officer)"),
    (["users", "add", "rita", "--role", "officer"], "long-enough-password\n", 0, "only once listed under officers.console"),
    (["users", "add", "sam", "--role", "staff"], "pw-8chars\n", 2, "too short"),
    (["users", "add", "sam", "--role", "staff"], "", 2, "no password"),
    (["users", "add", "Bad Name", "--role", "staff"], "long-enough-password\n", 2, "user name"),
    (["users", "add", "sam", "--role", "admin"], "long-enough-password\n", 2, "invalid choice"),
])
def test_when_users_add_runs_then_it_creates_or_explains(tmp_path, args, stdin, status, said):
    p = _cli(_config(tmp_path), *args, stdin=stdin)
    assert p.returncode == status, p.stderr
    assert said in p.stdout + p.stderr
    assert stdin.strip() == "" or stdin.strip() not in p.stdout + p.stderr  # the password is never echoed


def test_when_a_user_exists_then_adding_again_fails_and_list_shows_roles(tmp_path):
    cfg = _config(tmp_path)
    assert _cli(cfg, "users", "add", "officer", "--role", "officer", stdin="long-enough-password\n").returncode == 0
    assert _cli(cfg, "users", "add", "sam", "--role", "staff", stdin="another-password-1\n").returncode == 0
    again = _cli(cfg, "users", "add", "sam", "--role", "officer", stdin="another-password-2\n")
    assert again.returncode == 2 and "already exists" in again.stderr
    listing = _cli(cfg, "users", "list")
    assert listing.returncode == 0
    assert [line.split("\t")[:2] for line in listing.stdout.splitlines()] == [["officer", "officer"], ["sam", "staff"]]
    engine = make_engine(f"sqlite:///{tmp_path / 'console.db'}")
    assert authenticate(engine, "sam", "another-password-1") is not None
    assert authenticate(engine, "sam", "another-password-2") is None
    changed = _cli(cfg, "users", "password", "sam", stdin="a-third-password-3\n")
    assert changed.returncode == 0
    assert authenticate(engine, "sam", "a-third-password-3") is not None
    assert _cli(cfg, "users", "role", "sam", "--role", "officer").returncode == 0
    assert _cli(cfg, "users", "remove", "officer").returncode == 0
    assert _cli(cfg, "users", "remove", "officer").returncode == 2
    listing = _cli(cfg, "users", "list")
    assert [line.split("\t")[:2] for line in listing.stdout.splitlines()] == [["sam", "officer (not in officers.console: acts as staff)"]]
    engine.dispose()


async def test_when_serve_has_no_chat_credentials_then_the_console_runs_alone(tmp_path):
    cfg, port = _config(tmp_path), _free_port()
    assert _cli(cfg, "users", "add", "officer", "--role", "officer", stdin="long-enough-password\n").returncode == 0
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "--config", str(cfg), "serve", "--port", str(port)],
                            cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    client = ConsoleClient(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, proc.stderr.read().decode()
            try:
                status, _ = await client.get("/healthz")
                if status == 200:
                    break
            except aiohttp.ClientConnectionError:
                pass
            assert time.monotonic() < deadline, "serve did not come up"
            await asyncio.sleep(0.3)
        status, page = await client.sign_in("officer", "long-enough-password")
        assert status == 200 and "Waiting for a privacy officer" in page
        status, _ = await client.get("/slack/events")
        assert status == 404  # no Slack credentials: no Slack routes
    finally:
        await client.close()
        proc.terminate()
        proc.wait(timeout=30)


def test_when_both_example_profiles_are_read_then_they_share_one_database_path():
    from bot.config import Storage, load_config
    urls = {load_config(ROOT / p, environ={}).database_url for p in ("config.example.yml", "examples/config.yml")}
    assert urls == {"sqlite:///clearpost-data/clearpost.db"} == {Storage().database_url}


async def test_when_quickstart_makes_the_accounts_then_staff_submits_and_the_officer_clears(tmp_path, analyzer):
    import re

    from aiohttp.test_utils import TestServer

    from bot.app import build_services
    from bot.config import load_config
    from bot.server import build_web_app
    from tests.console_client import CLEAN_DRAFT, submit

    cfg = _config(tmp_path)
    first = _cli(cfg, "users", "quickstart")
    assert first.returncode == 0, first.stderr
    passwords = dict(re.findall(r"^(\w+): created \((?:officer|staff)\), password: (\S+)$", first.stdout, re.M))
    assert set(passwords) == {"officer", "staff"}
    again = _cli(cfg, "users", "quickstart")
    assert again.returncode == 0 and "password:" not in again.stdout  # existing accounts are left alone
    assert again.stdout.count("exists, password unchanged") == 2

    services = build_services(load_config(cfg, environ={}), analyzer=analyzer)
    server = TestServer(build_web_app(services), host="127.0.0.1")
    await server.start_server()
    staff, officer = ConsoleClient(str(server.make_url("/"))), ConsoleClient(str(server.make_url("/")))
    try:
        assert (await staff.sign_in("staff", passwords["staff"]))[0] == 200
        review_id = await submit(staff, CLEAN_DRAFT, "instagram")
        assert (await officer.sign_in("officer", passwords["officer"]))[0] == 200
        status, page = await officer.get(f"/console/reviews/{review_id}")
        assert status == 200 and 'value="approve"' in page
        status, page = await officer.post(f"/console/reviews/{review_id}/decide", {"action": "approve"})
        assert status == 200 and 'id="state">CLEARED' in page
    finally:
        await staff.close()
        await officer.close()
        await server.close()
        services.pipeline.close()
        services.engine.dispose()


def test_when_no_console_officer_is_listed_then_quickstart_says_so(tmp_path):
    profile = copy.deepcopy(EXAMPLE_PROFILE)
    profile["storage"]["database_url"] = f"sqlite:///{tmp_path / 'console.db'}"
    profile["officers"]["console"] = []
    cfg = tmp_path / "config.yml"
    cfg.write_text(yaml.safe_dump(profile))
    p = _cli(cfg, "users", "quickstart")
    assert p.returncode == 2 and "officers.console" in p.stderr


async def test_when_serve_is_asked_for_port_0_then_it_says_which_port_it_took(tmp_path):
    import re

    cfg = _config(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "--config", str(cfg), "serve", "--port", "0"],
                            cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    client = ConsoleClient("http://127.0.0.1")
    try:
        line = await asyncio.wait_for(asyncio.to_thread(proc.stdout.readline), 120)
        m = re.fullmatch(r"clearpost: listening on http://127\.0\.0\.1:(\d+)/ \(web console: "
                         r"http://127\.0\.0\.1:(\d+)/console/\)\n", line)
        assert m and m.group(1) == m.group(2), (line, proc.stderr.read() if proc.poll() is not None else "")
        port = int(m.group(1))
        assert port != 0
        client.base = f"http://127.0.0.1:{port}"
        status, _ = await asyncio.wait_for(client.get("/healthz"), 120)  # waits in the backlog until ready
        assert status == 200
    finally:
        await client.close()
        proc.terminate()
        proc.wait(timeout=30)


def test_when_the_port_is_taken_then_serve_says_so_at_once(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        p = _cli(_config(tmp_path), "serve", "--port", str(s.getsockname()[1]))
    assert p.returncode == 2 and "cannot listen on 127.0.0.1:" in p.stderr


async def test_when_the_readme_docker_run_line_is_followed_then_the_image_command_starts_and_keeps_data(tmp_path):
    """No container engine here: the README's `docker run` mounts are mapped to folders, the image's
    ENV and CMD are taken from the Dockerfile, and the command runs (on a free port)."""
    import json
    import re
    import shlex

    readme = (ROOT / "README.md").read_text()
    block = readme[readme.index("## Docker"):]
    run = re.search(r"^docker run .*?(?<!\\)$", block.replace("\\\n", " "), re.M).group(0)
    words = shlex.split(run)
    mounts = [words[i + 1].split(":")[1] for i, w in enumerate(words) if w == "-v"]
    env_flags = [words[i + 1] for i, w in enumerate(words) if w == "-e"]
    assert "/data" in mounts and "/config/config.yml" in mounts
    dockerfile = (ROOT / "Dockerfile").read_text()
    image_env = dict(kv.split("=", 1) for kv in shlex.split(re.search(r"^ENV (CLEARPOST_CONFIG=.*)$",
                                                                     dockerfile, re.M).group(1)))
    cmd = json.loads(re.search(r"^CMD (\[.*\])$", dockerfile, re.M).group(1))
    assert image_env["DATABASE_URL"].startswith("sqlite:////data/")  # the database lives on the volume

    def host_path(container_path: str) -> str:
        return str(tmp_path / container_path.strip("/").replace("/", "_"))

    (tmp_path / "data").mkdir()
    profile = copy.deepcopy(EXAMPLE_PROFILE)
    (Path(host_path("/config/config.yml"))).write_text(yaml.safe_dump(profile))
    env = {**_env(), **dict(kv.split("=", 1) for kv in env_flags),
           "CLEARPOST_CONFIG": host_path(image_env["CLEARPOST_CONFIG"]),
           "DATABASE_URL": "sqlite:///" + str(tmp_path / "data" / image_env["DATABASE_URL"].rsplit("/", 1)[1])}
    assert cmd[:2] == ["clearpost", "serve"]
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", *cmd[1:], "--port", "0"], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    client = ConsoleClient("http://127.0.0.1")
    try:
        line = await asyncio.wait_for(asyncio.to_thread(proc.stdout.readline), 120)
        port = re.search(r":(\d+)/ ", line)
        assert port, (line, proc.stderr.read() if proc.poll() is not None else "")
        client.base = f"http://127.0.0.1:{port.group(1)}"
        status, _ = await asyncio.wait_for(client.get("/healthz"), 120)
        assert status == 200
        assert (tmp_path / "data" / "clearpost.db").is_file()
    finally:
        await client.close()
        proc.terminate()
        proc.wait(timeout=30)
