"""`clearpost teams package`: the zip Teams sideloads."""
from __future__ import annotations

import json
import struct
import zipfile

import pytest

from bot.cli import main

APP_ID = "3F2504E0-4F89-41D3-9A0C-0305E82C3301"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def _package(tmp_path, *extra) -> zipfile.ZipFile:
    out = tmp_path / "app.zip"
    rc = main(["teams", "package", "--app-id", APP_ID, "--website", "harborlight.example",
               "--name", 'Harbor "Light"', "-o", str(out), *extra])
    assert rc == 0
    return zipfile.ZipFile(out)


def test_when_packaged_then_the_manifest_names_the_bot_and_the_rsc_permission(tmp_path):
    z = _package(tmp_path)
    assert sorted(z.namelist()) == ["color.png", "manifest.json", "outline.png"]
    m = json.loads(z.read("manifest.json"))
    app_id = APP_ID.lower()
    assert m["id"] == app_id and m["bots"][0]["botId"] == app_id and m["webApplicationInfo"]["id"] == app_id
    assert {"name": "ChannelMessage.Read.Group", "type": "Application"} in \
        m["authorization"]["permissions"]["resourceSpecific"]
    assert m["developer"]["websiteUrl"] == "https://harborlight.example"
    assert m["developer"]["name"] == 'Harbor "Light"'
    commands = {c["title"] for cl in m["bots"][0]["commandLists"] for c in cl["commands"]}
    assert "consent" in commands
    assert "${" not in z.read("manifest.json").decode()


def test_when_packaged_then_the_icons_have_the_sizes_teams_requires(tmp_path):
    z = _package(tmp_path)
    assert _png_size(z.read("color.png")) == (192, 192)
    outline = z.read("outline.png")
    assert _png_size(outline) == (32, 32)
    assert outline[25] == 6  # colour type RGBA: the outline icon needs transparency


@pytest.mark.parametrize("args, message", [
    (["--app-id", "not-a-guid", "--website", "x.example", "--name", "X"], "must be a GUID"),
    (["--app-id", APP_ID, "--website", "http://x.example", "--name", "X"], "https URL"),
])
def test_when_inputs_are_wrong_then_exit_2_with_a_message(tmp_path, capsys, args, message):
    assert main(["teams", "package", *args, "-o", str(tmp_path / "a.zip")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "a.zip").exists()


def test_when_installed_like_the_dockerfile_then_teams_package_finds_its_files(tmp_path):
    """`pip install .` (not editable) from the files the Dockerfile copies: setuptools' build_py
    lays out exactly what the wheel holds; `teams package` must work from there, away from the
    checkout."""
    import re
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    src, lib = tmp_path / "src", tmp_path / "lib"
    src.mkdir()
    copied = re.findall(r"^COPY (\S+)", (root / "Dockerfile").read_text(), re.M)
    names = [n for c in copied for n in c.split()] + ["pyproject.toml", "README.md"]
    for name in set(names) - {"./"}:
        (shutil.copytree if (root / name).is_dir() else shutil.copy)(root / name, src / name)
    build = subprocess.run([sys.executable, "-c", "import setuptools; setuptools.setup()", "-q",
                            "build_py", "--build-lib", str(lib)], cwd=src, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(lib), "HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", "import bot, sys; print(bot.__file__); "
                          "from bot.cli import main; sys.exit(main(sys.argv[1:]))",
                          "teams", "package", "--app-id", APP_ID, "--website", "x.example", "--name", "X",
                          "-o", str(work / "app.zip")], cwd=work, env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(str(lib))  # the installed copy, not the checkout
    assert sorted(zipfile.ZipFile(work / "app.zip").namelist()) == ["color.png", "manifest.json", "outline.png"]
