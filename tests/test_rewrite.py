"""The suggested rewrite is offered only when it passes the checks itself;
otherwise the report says why, by finding code, never by quoting the draft."""
from __future__ import annotations

import pytest

from bot.domain import Finding, Severity
from bot.evaluation.harness import draft_of, eval_services
from bot.rewrite import candidate
from checks.base import Analysis


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    s = eval_services(tmp_path_factory.mktemp("rewrite"))
    yield s
    s.close()


async def check(services, text: str, platform: str = "facebook"):
    return await services.pipeline.run(draft_of({"text": text, "platform": platform}))


async def test_when_a_sentence_tells_a_clients_story_then_the_rewrite_drops_it_and_keeps_the_rest(services):
    result = await check(services, "So proud of our client Dana Whitfield, who finished her 12-week program for "
                                   "PTSD! Our next trauma-informed yoga class starts January 9.")
    assert result.verdict.value == "block"
    assert result.rewrite == "Our next trauma-informed yoga class starts January 9."
    again = await check(services, result.rewrite)
    assert again.verdict.value != "block"


async def test_when_nothing_is_left_without_the_patient_then_no_rewrite_and_the_report_says_why(services):
    text = "So proud of our client [PERSON] who finished her 12-week program for PTSD!"
    result = await check(services, text)
    assert result.verdict.value == "block" and result.rewrite is None
    notes = [f for f in result.findings if f.code == "rewrite.unavailable"]
    assert len(notes) == 1 and notes[0].severity == Severity.INFO
    assert "leaves nothing to post" in notes[0].message and "PTSD" not in notes[0].message


def test_when_a_name_only_needs_masking_then_the_rewrite_masks_just_the_name():
    text = "Congrats Dana! Our running club meets Sundays."
    name = Finding("phi", "phi.person", Severity.WARN, "a person's name", entity="PERSON", start=9, end=13)
    assert candidate(text, Analysis(), [name]).text == "Congrats [PERSON]! Our running club meets Sundays."


def test_when_a_blocking_finding_points_into_a_sentence_then_that_whole_sentence_goes():
    text = "Hi all. Our client finished her program! See you Monday."
    story = Finding("policy", "policy.case_details", Severity.BLOCK, "case", start=8, end=19)
    assert candidate(text, Analysis(), [story]).text == "Hi all. See you Monday."


async def test_when_a_marketing_email_lacks_an_opt_out_then_the_rewrite_adds_one(services):
    text = ("Subject: December at Harbor Light\n\nYou are receiving this because you signed up on our website. "
            "Our winter stress workshop is on December 12.")
    result = await check(services, text, platform="email")
    assert any(f.code == "policy.email_marketing" for f in result.findings)
    assert result.rewrite is not None and "unsubscribe" in result.rewrite
    assert (await check(services, result.rewrite, platform="email")).verdict.value != "block"


async def test_when_a_clean_draft_is_checked_then_no_rewrite_is_suggested(services):
    result = await check(services, "Our office is closed Thursday, Nov 27 for Thanksgiving. Call (503) 555-0142.")
    assert result.verdict.value == "pass" and result.rewrite is None
