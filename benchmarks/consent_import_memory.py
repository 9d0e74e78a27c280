"""Peak memory of `clearpost consent import` on a large file.

Writes a synthetic CSV of N consents (3 per patient, the consent_benchmark's
names), runs `clearpost consent import` on it in a child process against a
fresh SQLite file (or PostgreSQL with --database-url, a throwaway database),
and prints the child's peak RSS, the run time and how many rows the registry
holds afterwards. Target: 300,000 rows with peak RSS <= 300 MB.

    .venv/bin/python benchmarks/consent_import_memory.py [--rows 300000] [--database-url postgresql://...]
"""
from __future__ import annotations

import argparse
import copy
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.consent_benchmark import csv_rows, make_patients  # noqa: E402
from bot.db import make_engine, scratch_database  # noqa: E402

PER_PATIENT = 3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp, \
            (scratch_database(args.database_url, "clearpost_import") if args.database_url else nullcontext()) as pg:
        tmp = Path(tmp)
        url = pg or f"sqlite:///{tmp / 'registry.db'}"
        csv = tmp / "consents.csv"
        patients = make_patients(args.rows // PER_PATIENT, rng)
        csv.write_text(csv_rows(patients, PER_PATIENT, rng, 1000, with_patient_details=True))
        del patients
        size_mb = csv.stat().st_size / 1e6
        profile = copy.deepcopy(yaml.safe_load((ROOT / "config.example.yml").read_text()))
        profile["storage"]["database_url"] = url
        (tmp / "config.yml").write_text(yaml.safe_dump(profile))
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "bot.cli", "--config", str(tmp / "config.yml"), "consent",
                               "import", str(csv)], cwd=ROOT, env=env, capture_output=True, text=True)
        took = time.monotonic() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # kB on Linux
        engine = make_engine(url)
        with engine.connect() as c:
            held = c.exec_driver_sql("SELECT count(*) FROM consent").scalar_one()
        engine.dispose()
    print(f"consent import: {args.rows:,} rows ({size_mb:.0f} MB file), "
          f"{'PostgreSQL' if pg else 'SQLite'}: exit {done.returncode} in {took:.1f} s, peak RSS {peak_mb:.0f} MB, "
          f"{held:,} consents held" + (f"\n{done.stderr[-2000:]}" if done.returncode else ""))
    return 0 if done.returncode == 0 and peak_mb <= 300 else 1


if __name__ == "__main__":
    sys.exit(main())
