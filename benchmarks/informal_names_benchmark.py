"""Patient names in informal drafts: how many the PHI analyzer finds, and how
many names that are not patients' (staff, brands, teams, celebrities, the
practice's handle) it reports as people.

    .venv/bin/python benchmarks/informal_names_benchmark.py FILE.jsonl [FILE.jsonl ...] [--misses]

FILE lines: {"id", "text", "patient_names": [...], "other_names": [...]}, each
name an exact substring of the text (written by someone who had not read the
rules). Each draft is read as the checks read it (bot.textnorm: quotes folded,
invisible characters gone), positions mapped back to what was typed. A patient name counts as found when a PERSON or HANDLE span overlaps
it; an other name counts as reported when such a span overlaps it and its role
(checks/roles.py) is unknown, i.e. it would be treated as possibly a patient."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.evaluation.harness import practice_profile_safe_values  # noqa: E402
from bot.textnorm import canonicalise  # noqa: E402
from checks.phi.analyzer import PhiAnalyzer  # noqa: E402
from bot.config import load_config  # noqa: E402
from bot.evaluation.harness import PROFILE  # noqa: E402
from checks.reading import roles_of  # noqa: E402
from checks.roles import Role, role_of, staff_first_names  # noqa: E402

PEOPLE = ("PERSON", "HANDLE")


def spans_of(text: str, name: str) -> list[tuple[int, int]]:
    out, i = [], text.find(name)
    while i >= 0:
        out.append((i, i + len(name)))
        i = text.find(name, i + 1)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--misses", action="store_true", help="print missed and wrongly reported names")
    ap.add_argument("--rules-only", action="store_true",
                    help="with the learned informal-text tagger off (it is on by default, as shipped)")
    args = ap.parse_args()
    analyzer = PhiAnalyzer(safe_values=practice_profile_safe_values(), informal_ner=not args.rules_only)
    colleagues = staff_first_names(load_config(PROFILE, environ={}).profile.practice.staff)
    for path in args.files:
        _report(path, analyzer, colleagues, args.misses)
    return 0


def _report(path: Path, analyzer: PhiAnalyzer, colleagues: frozenset[str], misses: bool) -> None:
    found = total = reported = in_context = others = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        typed = r["text"]
        canonical = canonicalise(typed)  # what the checks read: quotes folded, invisibles gone
        text = canonical.text
        analysis = analyzer.analyze(text)
        people = [e for e in analysis.entities if e.entity_type in PEOPLE]
        settled = dict(zip(analysis.entities, roles_of(text, analysis, colleagues)))
        typed_span = {e: canonical.to_original(e.start, e.end) for e in people}

        def overlaps(e, a: int, b: int) -> bool:
            return typed_span[e][0] < b and a < typed_span[e][1]

        for name in r["patient_names"]:
            total += 1
            hit = any(overlaps(e, a, b) for a, b in spans_of(typed, name) for e in people)
            found += hit
            if misses and not hit:
                print(f"missed  {r['id']}: {name!r} in {typed!r}")
        for name in r["other_names"]:
            others += 1
            hit = any(overlaps(e, a, b) and role_of(text, e) == Role.UNKNOWN
                      for a, b in spans_of(typed, name) for e in people)
            reported += hit
            in_context += any(overlaps(e, a, b) and settled[e] == Role.UNKNOWN
                              for a, b in spans_of(typed, name) for e in people)
            if misses and hit:
                print(f"reported {r['id']}: {name!r} in {typed!r}")
    print(f"{path.name}: patient names found {found}/{total} ({found / max(1, total):.1%}); "
          f"other names reported as possible patients {reported}/{others} ({reported / max(1, others):.1%}); "
          f"with roles settled from the whole draft, as the checks do: {in_context}/{others} "
          f"({in_context / max(1, others):.1%})")


if __name__ == "__main__":
    raise SystemExit(main())
