"""Verdicts on the drafts issue 14 was filed with (tests/data/verdict_examples.jsonl),
and CheckList-style invariance: rewordings that change how a draft is typed,
not what it says, never change whether it is blocked; adding a disclosure to
a clean draft always does."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.evaluation import variants
from bot.evaluation.harness import checked_verdicts, eval_services

DATA = Path(__file__).parent / "data" / "verdict_examples.jsonl"
RECORDS = [json.loads(line) for line in DATA.read_text().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    s = eval_services(tmp_path_factory.mktemp("verdicts"))
    yield s
    s.close()


async def test_when_the_issue_drafts_are_checked_then_violations_block_and_clean_posts_do_not(services):
    got = await checked_verdicts(services, RECORDS)
    wrong = [(r["id"], v) for r, (v, _) in zip(RECORDS, got) if (v == "block") != (r["label"] == "block")]
    assert wrong == []


@pytest.mark.parametrize("kind", sorted(variants.KEEP))
async def test_when_a_draft_is_retyped_then_its_verdict_holds(services, kind):
    base = await checked_verdicts(services, RECORDS)
    changed = [dict(r, text=variants.KEEP[kind](r["text"])) for r in RECORDS]
    got = await checked_verdicts(services, changed)
    flips = [r["id"] for r, (a, _), (b, _) in zip(RECORDS, base, got) if (a == "block") != (b == "block")]
    assert flips == []


async def test_when_a_disclosure_is_added_to_a_clean_draft_then_it_blocks(services):
    clean = [r for r in RECORDS if r["label"] == "clear"]
    got = await checked_verdicts(services, [dict(r, text=variants.changed(r["text"], i)) for i, r in enumerate(clean)])
    assert [r["id"] for r, (v, _) in zip(clean, got) if v != "block"] == []


def test_when_quotes_are_curly_then_the_variant_differs_only_in_quote_characters():
    text = 'I\'ve said "hello" to the team\'s new hire.'
    assert variants.curly_quotes(text) == "I\u2019ve said \u201chello\u201d to the team\u2019s new hire."
    assert variants.straight_quotes(variants.curly_quotes(text)) == text
