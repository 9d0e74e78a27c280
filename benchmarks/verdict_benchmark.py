"""Verdicts on labelled drafts: how many violating drafts are blocked and how
many clean drafts are let through, per round and per category.

    .venv/bin/python benchmarks/verdict_benchmark.py evals/verdicts/round1.jsonl [...] [--misses]

A round is a JSONL file of drafts written by someone who had not read the
rules: {"id", "text", "platform", "photo", "label": "block"|"clear", "category"}.
Each draft is checked as `clearpost check` would (practice profile
examples/config.yml, a scratch SQLite registry holding the consents the
writers were told about), without storing reviews. For every blocked draft
it also checks the suggested rewrite again, as a draft of its own. ``--misses`` prints the
ids and texts of wrong verdicts: use it only on rounds you are allowed to
tune on."""
from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.evaluation.harness import checked_verdicts, eval_services, rewrite_outcomes  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("rounds", nargs="+", type=Path)
    ap.add_argument("--misses", action="store_true", help="print the drafts with a wrong verdict")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        services = eval_services(Path(tmp))
        try:
            for path in args.rounds:
                drafts = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
                verdicts = asyncio.run(checked_verdicts(services, drafts))
                _report(path.name, drafts, verdicts, args.misses)
                outcomes = Counter(asyncio.run(rewrite_outcomes(services, drafts)))
                total = sum(outcomes.values())
                print(f"  rewrites of blocked drafts: {outcomes['passes']}/{total} offered and pass the checks, "
                      f"{outcomes['fails']} offered but still block, {outcomes['none']} not offered (reason given)")
        finally:
            services.close()
    return 0


def _report(name: str, drafts: list[dict], verdicts: list[tuple[str, list]], misses: bool) -> None:
    bad = [d for d in drafts if d["label"] == "block"]
    good = [d for d in drafts if d["label"] == "clear"]
    by_id = {d["id"]: v for d, v in zip(drafts, verdicts)}
    caught = sum(by_id[d["id"]][0] == "block" for d in bad)
    blocked_clean = sum(by_id[d["id"]][0] == "block" for d in good)
    print(f"{name}: violating blocked {caught}/{len(bad)} ({caught / max(1, len(bad)):.1%}); "
          f"clean blocked {blocked_clean}/{len(good)} ({blocked_clean / max(1, len(good)):.1%})")
    wrong = Counter(d.get("category", "?") for d in drafts
                    if (by_id[d["id"]][0] == "block") != (d["label"] == "block"))
    if wrong:
        print("  wrong by category: " + ", ".join(f"{k} {n}" for k, n in wrong.most_common()))
    if misses:
        for d in drafts:
            verdict, codes = by_id[d["id"]]
            if (verdict == "block") != (d["label"] == "block"):
                print(f"--- {d['id']} label={d['label']} got={verdict} [{d.get('category')}] "
                      f"platform={d.get('platform')} photo={d.get('photo')} codes={codes}\n{d['text']}\n")


if __name__ == "__main__":
    raise SystemExit(main())
