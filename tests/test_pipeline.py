"""Fail closed: a check that raises or runs past its budget never yields clean."""
import time

import pytest

from bot.domain import Draft, Finding, MessageRef, Severity, Verdict
from bot.pipeline import Pipeline
from checks.base import Analysis, Check


class Fixed(Check):
    def __init__(self, name, findings=(), sleep=0.0, boom=False):
        self.name, self._findings, self._sleep, self._boom = name, list(findings), sleep, boom

    def run(self, draft, analysis):
        if self._sleep:
            time.sleep(self._sleep)
        if self._boom:
            raise RuntimeError("check exploded")
        return self._findings


def draft(text="hello world"):
    return Draft(text=text, author="u", ref=MessageRef("cli", "w", "c", "1"))


WARN = Finding("x", "x.warn", Severity.WARN, "a warning")


@pytest.mark.parametrize("checks,verdict,failed", [
    ([Fixed("a")], Verdict.PASS, False),
    ([Fixed("a", [WARN])], Verdict.WARN, False),
    ([Fixed("a"), Fixed("b", boom=True)], Verdict.BLOCK, True),
    ([Fixed("a"), Fixed("slow", sleep=0.5)], Verdict.BLOCK, True),
])
async def test_when_a_check_crashes_or_times_out_then_result_is_failed(checks, verdict, failed):
    p = Pipeline(lambda t: Analysis(), checks, timeout_seconds=0.2)
    result = await p.run(draft())
    assert result.verdict == verdict
    assert result.failed == failed
    if failed:
        assert any(f.code == "check.failed" and f.severity == Severity.BLOCK for f in result.findings)
    p.close()


async def test_when_analysis_crashes_then_result_is_failed_and_blocks():
    def bad(text):
        raise MemoryError()
    p = Pipeline(bad, [Fixed("a")], timeout_seconds=1)
    result = await p.run(draft())
    assert result.failed and result.failures == ("analysis",) and result.verdict == Verdict.BLOCK
    p.close()


def test_when_no_checks_then_pipeline_refuses():
    with pytest.raises(ValueError):
        Pipeline(lambda t: Analysis(), [], timeout_seconds=1)


async def test_when_checks_report_then_findings_are_sorted_by_severity():
    info = Finding("x", "x.info", Severity.INFO, "i")
    block = Finding("x", "x.block", Severity.BLOCK, "b")
    p = Pipeline(lambda t: Analysis(), [Fixed("a", [info, WARN]), Fixed("b", [block])], 1)
    result = await p.run(draft())
    assert [f.severity for f in result.findings if f.check != "rewrite"] == [Severity.BLOCK, Severity.WARN, Severity.INFO]
    p.close()
