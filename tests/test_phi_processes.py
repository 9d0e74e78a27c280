"""The PHI analysis in worker processes (checks/phi/processes.py): the same
answers as in-process, and a worker that dies, hangs past the budget or
cannot start fails the analysis (never a clean result) and is replaced."""
from __future__ import annotations

import os
import signal

import pytest

from bot.app import practice_safe_values
from bot.pipeline import Pipeline
from checks.phi.check import PhiCheck
from checks.phi.processes import AnalysisWorkerError, AnalyzerProcesses
from tests.conftest import make_config
from tests.test_review_service import draft

PHI_TEXT = "So proud of Emily Carter, call her at 503-555-7788 after her therapy session."


@pytest.fixture(scope="module")
def workers():
    # (a replaced worker loads the models again: a generous budget keeps a busy machine from failing it)
    pool = AnalyzerProcesses({"safe_values": practice_safe_values(make_config())}, processes=1, timeout=120)
    yield pool
    pool.close()


def worker_pids(pool: AnalyzerProcesses) -> list[int]:
    return list(pool._pool._processes)  # noqa: SLF001 - the test kills one for real


def test_when_analysed_in_a_worker_then_the_answer_is_the_in_process_one(workers, analyzer):
    assert workers.analyze(PHI_TEXT) == analyzer.analyze(PHI_TEXT)
    assert {e.entity_type for e in workers.analyze(PHI_TEXT).entities} >= {"PERSON", "PHONE"}


def test_when_the_worker_is_killed_then_that_analysis_fails_and_the_next_one_works(workers):
    workers.analyze("warm")
    (pid,) = worker_pids(workers)
    os.kill(pid, signal.SIGKILL)
    with pytest.raises(AnalysisWorkerError):
        workers.analyze(PHI_TEXT)
    assert workers.analyze(PHI_TEXT).entities
    assert worker_pids(workers) != [pid]


def test_when_the_analysis_runs_past_its_budget_then_it_fails_and_the_worker_is_replaced(workers):
    workers.analyze("warm")
    (pid,) = worker_pids(workers)
    budget, workers.timeout = workers.timeout, 0.000001
    try:
        with pytest.raises(AnalysisWorkerError):
            workers.analyze(PHI_TEXT * 50)
    finally:
        workers.timeout = budget
    assert workers.analyze(PHI_TEXT).entities
    assert worker_pids(workers) != [pid]


async def test_when_the_worker_fails_then_the_review_fails_closed(workers):
    pipeline = Pipeline(workers.analyze, [PhiCheck()], timeout_seconds=120)
    try:
        workers.analyze("warm")
        os.kill(worker_pids(workers)[0], signal.SIGKILL)
        result = await pipeline.run(draft(PHI_TEXT))
        assert result.failed and result.verdict.value == "block"
    finally:
        pipeline.close()


def test_when_a_worker_cannot_start_then_start_up_fails():
    with pytest.raises(AnalysisWorkerError, match="did not start"):
        AnalyzerProcesses({"no_such_option": True}, processes=1, timeout=30)
