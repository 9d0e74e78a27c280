"""Policy rules on the labelled set: per-rule recall, false-alarm rate, speed.

    .venv/bin/python benchmarks/policy_benchmark.py [--data FILE] [--presidio]

Prints post ids and rule names only, never post text. With --presidio the
PERSON spans come from the real analyzer with the example practice's
known-safe names (slower start-up; closer to the running bot); without it the
rules see an empty analysis."""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.domain import MAX_DRAFT_CHARS, Draft, MessageRef  # noqa: E402
from checks.base import Analysis  # noqa: E402
from checks.policy.check import PolicyCheck  # noqa: E402
from checks.policy.rules import RULES  # noqa: E402

DEFAULT_DATA = ROOT / "tests" / "data" / "policy_posts.jsonl"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def draft_of(post: dict) -> Draft:
    return Draft(text=post["text"], author="bench", platforms=tuple(post.get("platforms", ())),
                 ref=MessageRef("cli", "bench", "bench", post["id"]))


def evaluate(posts: list[dict], check: PolicyCheck, analyze=None) -> dict:
    """Run every post; return recall per rule, false alarms and misses by id."""
    expected, found = Counter(), Counter()
    misses, false_alarms, extras = [], [], []
    clean = [p for p in posts if not p["expected_rules"]]
    seconds = 0.0
    for post in posts:
        d = draft_of(post)
        analysis = analyze(d.text) if analyze else Analysis()
        t0 = time.perf_counter()
        fired = {f.code.removeprefix("policy.") for f in check.run(d, analysis)}
        seconds += time.perf_counter() - t0
        want = set(post["expected_rules"])
        for r in want:
            expected[r] += 1
            if r in fired:
                found[r] += 1
            else:
                misses.append((post["id"], r))
        if not want and fired:
            false_alarms.append((post["id"], sorted(fired)))
        elif want and fired - want:
            extras.append((post["id"], sorted(fired - want)))
    total_expected = sum(expected.values())
    return {
        "recall": {r: (found[r] / expected[r] if expected[r] else None) for r in RULES},
        "support": dict(expected),
        "overall_recall": (sum(found.values()) / total_expected) if total_expected else 1.0,
        "false_alarm_rate": (len(false_alarms) / len(clean)) if clean else 0.0,
        "clean_posts": len(clean),
        "violating_posts": len(posts) - len(clean),
        "misses": misses, "false_alarms": false_alarms, "extras": extras,
        "ms_per_post": 1000 * seconds / max(1, len(posts)),
    }


def content_kind_false_alarms(posts: list[dict]) -> list[tuple[str, list[str]]]:
    from checks.content_kind import PATIENT_KINDS, classify
    out = []
    for post in posts:
        if not post["expected_rules"]:
            kinds = classify(draft_of(post)) & PATIENT_KINDS
            if kinds:
                out.append((post["id"], sorted(kinds)))
    return out


def worst_case_seconds() -> dict[str, float]:
    """Time on the longest drafts allowed: ordinary posts concatenated, and adversarial
    text with no sentence ends (regex cost grows with sentence length)."""
    from checks.content_kind import classify
    posts = [p["text"] for p in load(DEFAULT_DATA)]
    cases = {
        "posts joined": " ".join(posts)[:MAX_DRAFT_CHARS],
        "one 40k-char sentence": ("a client of mine said in session that your therapy guaranteed before and after "
                                  * 600)[:MAX_DRAFT_CHARS],
        "'a a a ...'": ("a " * (MAX_DRAFT_CHARS // 2)),
    }
    check = PolicyCheck.from_settings({})
    out = {}
    for label, text in cases.items():
        d = Draft(text=text, author="bench", ref=MessageRef("cli", "bench", "bench", label), platforms=("email",))
        t0 = time.perf_counter()
        check.run(d, Analysis())
        classify(d)
        out[label] = time.perf_counter() - t0
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--presidio", action="store_true", help="use the real analyzer for PERSON spans")
    args = ap.parse_args(argv)
    analyze = None
    if args.presidio:
        import yaml
        from checks.phi.analyzer import PhiAnalyzer
        practice = yaml.safe_load((ROOT / "config.example.yml").read_text())["practice"]
        safe = [practice["name"], *[v for k in ("addresses", "phones", "emails", "websites", "staff")
                                    for v in practice.get(k, [])]]
        analyze = PhiAnalyzer(safe).analyze
    res = evaluate(load(args.data), PolicyCheck.from_settings({}), analyze)
    print(f"posts: {res['violating_posts']} violating, {res['clean_posts']} clean "
          f"(analysis: {'presidio' if analyze else 'empty'})")
    print(f"{'rule':28} {'support':>7} {'recall':>7}")
    for rule, rec in res["recall"].items():
        print(f"{rule:28} {res['support'].get(rule, 0):>7} {('-' if rec is None else f'{rec:.2f}'):>7}")
    print(f"overall recall on violating posts: {res['overall_recall']:.3f} (target >= 0.95)")
    print(f"false-alarm rate on clean posts:   {res['false_alarm_rate']:.3f} "
          f"({len(res['false_alarms'])}/{res['clean_posts']}; target <= 0.05)")
    print(f"other rules also firing on violating posts: {len(res['extras'])}")
    print(f"policy check time: {res['ms_per_post']:.2f} ms/post (noisy: shared 2-core machine)")
    for pid, rule in res["misses"]:
        print(f"  miss: {pid} {rule}")
    for pid, rules in res["false_alarms"]:
        print(f"  false alarm: {pid} {','.join(rules)}")
    for pid, rules in res["extras"]:
        print(f"  also fired: {pid} {','.join(rules)}")
    patient_kinds = content_kind_false_alarms(load(args.data))
    print(f"clean posts classified as patient content (testimonial/story/case study, which makes the consent "
          f"check ask for a consent): {len(patient_kinds)}/{res['clean_posts']}")
    for pid, kinds in patient_kinds:
        print(f"  content kind: {pid} {','.join(kinds)}")
    for label, seconds in worst_case_seconds().items():
        print(f"worst case, 40,000-character draft ({label}): {seconds:.2f} s (rules + content kinds)")
    ok = res["overall_recall"] >= 0.95 and res["false_alarm_rate"] <= 0.05
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
