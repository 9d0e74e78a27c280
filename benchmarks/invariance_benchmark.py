"""Verdict flips under rewordings: for every labelled draft, the variants of
bot/evaluation/variants.py that must keep the verdict (case, quotes,
apostrophes, line breaks, emoji, hashtags, a neutral sentence, client/patient,
a name replaced by a placeholder where more than the name blocks) and the one that must change it (a
disclosure added to a clean draft). Prints the flip rate per kind.

    .venv/bin/python benchmarks/invariance_benchmark.py FILE.jsonl [...] [--show]

A flip is block <-> not block (warn and pass both let a post through)."""
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

from bot.evaluation import variants  # noqa: E402
from bot.evaluation.harness import checked_verdicts, eval_services, name_placeholder  # noqa: E402


# findings about the name itself: with the name replaced they have nothing left to block on
NAME_ONLY_CODES = {"phi.person", "phi.handle", "consent.unknown_person", "consent.withdrawn", "consent.expired",
                   "consent.missing", "consent.ambiguous", "consent.platform_unknown",
                   "policy.identifiable_testimonial"}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--show", action="store_true", help="print the ids and kinds that flipped")
    args = ap.parse_args()
    records = [json.loads(line) for path in args.files for line in path.read_text().splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        services = eval_services(Path(tmp))
        try:
            flips, totals, shown = asyncio.run(_measure(services, records))
        finally:
            services.close()
    keep_total = sum(totals[k] for k in totals if k != "add_disclosure")
    keep_flips = sum(flips[k] for k in flips if k != "add_disclosure")
    print(f"{len(records)} drafts; meaning-preserving variants: {keep_flips}/{keep_total} flipped "
          f"({keep_flips / max(1, keep_total):.2%})")
    for kind in sorted(totals):
        if kind == "add_disclosure":
            continue
        print(f"  {kind:22s} {flips[kind]:4d}/{totals[kind]:<5d} {flips[kind] / max(1, totals[kind]):.2%}")
    n = totals["add_disclosure"]
    print(f"meaning-changing (disclosure added to a clean draft): {flips['add_disclosure']}/{n} changed "
          f"({flips['add_disclosure'] / max(1, n):.1%})")
    if args.show:
        for line in shown:
            print(line)
    return 0


async def _measure(services, records):
    base = await checked_verdicts(services, records)
    flips, totals, shown = Counter(), Counter(), []
    for kind, fn in variants.KEEP.items():
        changed = [dict(r, text=fn(r["text"])) for r in records]
        pairs = [(r, v, c) for r, v, c in zip(records, base, changed) if c["text"] != r["text"]]
        got = await checked_verdicts(services, [c for _, _, c in pairs])
        for (r, (was, _), _), (now, _) in zip(pairs, got):
            totals[kind] += 1
            if (was == "block") != (now == "block"):
                flips[kind] += 1
                shown.append(f"flip {kind}: {r['id']} {was} -> {now}")
    # only real violations where the rest still identifies: a draft blocked only for its name
    # (an unconsented or withdrawn patient named, a named testimonial) rightly passes once the
    # name is gone; one that also blocks for what it tells must go on blocking
    placeholders = [(r, v, name_placeholder(services, r)) for r, v in zip(records, base)
                    if v[0] == "block" and r["label"] == "block" and not set(v[1]) <= NAME_ONLY_CODES]
    placeholders = [(r, v, c) for r, v, c in placeholders if c is not None]
    got = await checked_verdicts(services, [c for _, _, c in placeholders])
    for (r, _, _), (now, _) in zip(placeholders, got):
        totals["name_placeholder"] += 1
        if now != "block":
            flips["name_placeholder"] += 1
            shown.append(f"flip name_placeholder: {r['id']} block -> {now}")
    clean = [(i, r) for i, (r, v) in enumerate(zip(records, base)) if v[0] != "block" and r["label"] == "clear"]
    got = await checked_verdicts(services, [dict(r, text=variants.changed(r["text"], i)) for i, r in clean])
    for (i, r), (now, _) in zip(clean, got):
        totals["add_disclosure"] += 1
        if now == "block":
            flips["add_disclosure"] += 1
        else:
            shown.append(f"unchanged add_disclosure: {r['id']} ({variants.DISCLOSURES[i % len(variants.DISCLOSURES)][:30]}...)")
    return flips, totals, shown


if __name__ == "__main__":
    raise SystemExit(main())
