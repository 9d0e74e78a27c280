"""Runs the shared analysis and every check under a time budget.

Fail closed: an analysis or check that raises or runs past its budget makes
the result ``failed``; a failed result is never reported as clean.
"""
from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Callable

from bot.domain import Draft, Finding, Severity, Verdict, verdict_of
from bot.rewrite import MAX_ROUNDS, candidate, still_blocking, unavailable
from bot.textnorm import Canonical, canonicalise
from checks.base import Analysis, Check
from checks.decision import decide

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PipelineResult:
    findings: tuple[Finding, ...]
    rewrite: str | None
    failures: tuple[str, ...] = field(default=())  # names of checks that crashed or timed out

    @property
    def failed(self) -> bool:
        return bool(self.failures)

    @property
    def verdict(self) -> Verdict:
        # a failed run blocks: nothing unchecked may pass
        return Verdict.BLOCK if self.failed else verdict_of(list(self.findings))


class Pipeline:
    def __init__(self, analyze: Callable[[str], Analysis], checks: list[Check],
                 timeout_seconds: float, workers: int = 2,
                 read: Callable[[Draft, Analysis], Analysis] | None = None):
        """``read`` adds what the draft is about (checks.reading) to the analysis,
        once, before the checks share it."""
        if not checks:
            raise ValueError("checks.enabled: at least one check must be enabled")
        self._analyze = analyze
        self._read = read
        self.checks = checks
        self.timeout = timeout_seconds
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="check")

    async def _timed(self, fn, *args):
        loop = asyncio.get_running_loop()
        return await asyncio.wait_for(loop.run_in_executor(self._executor, fn, *args), self.timeout)

    async def run(self, draft: Draft, suggest_rewrite: bool = True) -> PipelineResult:
        """Check the canonical text; report positions in the text as written.
        ``suggest_rewrite=False`` (batch checks that print no rewrite) skips
        building and re-checking one."""
        canonical = canonicalise(draft.text)
        result = await self._run_canonical(replace(draft, text=canonical.text), suggest_rewrite)
        if canonical.text == draft.text:
            return result
        return replace(result, findings=tuple(_to_original(f, canonical) for f in result.findings))

    async def _run_canonical(self, draft: Draft, suggest_rewrite: bool) -> PipelineResult:
        checked = await self._check(draft)
        if checked.failures:
            return PipelineResult(_sorted(checked.findings), None, checked.failures)
        findings = list(checked.findings)
        rewrite = None
        if suggest_rewrite and verdict_of(findings) != Verdict.PASS:
            rewrite, note = await self._safe_rewrite(draft, checked)
            if note is not None:
                findings.append(note)
        return PipelineResult(_sorted(findings), rewrite, ())

    async def _check(self, draft: Draft) -> "_Checked":
        try:
            analysis = await self._timed(self._analyze, draft.text)
            if self._read is not None:
                analysis = await self._timed(self._read, draft, analysis)
        except Exception as e:  # noqa: BLE001 - any failure fails the review closed
            log.warning("analysis failed: %s", type(e).__name__)
            return _Checked(Analysis(), [_failure_finding("analysis")], ("analysis",))
        findings: list[Finding] = []
        failures: list[str] = []
        results = await asyncio.gather(
            *(self._timed(c.run, draft, analysis) for c in self.checks), return_exceptions=True
        )
        for check, result in zip(self.checks, results):
            if isinstance(result, BaseException):
                log.warning("check %s failed: %s", check.name, type(result).__name__)
                failures.append(check.name)
                findings.append(_failure_finding(check.name))
            else:
                findings.extend(result)
        if not failures:
            findings = decide(draft.text, findings)
        return _Checked(analysis, findings, tuple(failures))

    async def _safe_rewrite(self, draft: Draft, checked: "_Checked") -> tuple[str | None, Finding | None]:
        """A rewrite offered only once it passes the same checks (bot/rewrite.py)."""
        text = draft.text
        for _ in range(MAX_ROUNDS):
            cand = candidate(text, checked.analysis, checked.findings)
            if cand.text is None:
                return None, unavailable("removing the patient's details leaves nothing to post")
            text = cand.text
            checked = await self._check(replace(draft, text=text))
            if checked.failures:
                return None, unavailable("the rewrite could not be checked")
            if verdict_of(checked.findings) != Verdict.BLOCK:
                return text, None
        return None, unavailable(still_blocking(checked.findings))

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


@dataclass(frozen=True)
class _Checked:
    analysis: Analysis
    findings: list[Finding]
    failures: tuple[str, ...]


def _sorted(findings: list[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: (_SEVERITY_ORDER[f.severity], f.start if f.start is not None else -1)))


def _to_original(f: Finding, canonical: Canonical) -> Finding:
    if f.start is None or f.end is None:
        return f
    start, end = canonical.to_original(f.start, f.end)
    return replace(f, start=start, end=end)


_SEVERITY_ORDER = {Severity.BLOCK: 0, Severity.WARN: 1, Severity.INFO: 2}


def _failure_finding(name: str) -> Finding:
    return Finding(
        check=name, code="check.failed", severity=Severity.BLOCK,
        message=f"the {name} check could not finish, so this draft is not cleared",
        suggestion="post the draft again; if it keeps failing, ask the privacy officer",
    )
