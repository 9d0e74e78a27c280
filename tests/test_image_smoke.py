"""The Docker image's smoke test (scripts/image_smoke.sh) as part of the suite, so CI runs it:
the image built and run where a container engine answers, otherwise ClearPost installed the way
the Dockerfile installs it (not editable, from a copy of what it COPYs) and `check`, `serve`
(/healthz, the console) and `teams package` run from that install. An editable install, which
every other test uses, cannot see a template, migration or Teams file the package leaves out."""
from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 900  # a limit on a hung step, not a speed target (about 1 min here; a docker build takes longer)


def test_the_installed_package_checks_serves_and_packages_from_another_directory(tmp_path):
    proc = subprocess.Popen(["bash", str(ROOT / "scripts" / "image_smoke.sh")], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "TMPDIR": str(tmp_path)}, start_new_session=True)
    try:
        output, _ = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGTERM)  # the script's trap stops its server and removes its files
        output, _ = proc.communicate(timeout=60)
        raise AssertionError(f"image smoke still running after {TIMEOUT} s:\n{output}") from None
    assert proc.returncode == 0, output
    assert "image smoke: passed" in output, output
