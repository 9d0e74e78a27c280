"""The PHI analysis in worker processes, for `clearpost serve`.

Why: the analysis is ~10 ms of CPU per draft (spaCy and the recognizers)
under the GIL. Run in the server's own process, a burst of drafts queues
every acknowledgement, database write and Slack call behind it and uses one
core of two. In a worker it runs beside them. And a worker stuck on one text
past the time budget can be killed and replaced, which a thread cannot.

``AnalyzerProcesses.analyze`` has ``PhiAnalyzer.analyze``'s signature; it
blocks the calling thread (the pipeline's), not the event loop.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from checks.base import Analysis

log = logging.getLogger(__name__)

WORKER_NICENESS = 10  # acknowledgements and database writes (in the server) come before analysis
PARENT_POLL_SECONDS = 1.0
START_TIMEOUT = 300.0  # loading spaCy on a busy, small machine; a worker that never loads fails start-up

_analyzer = None  # the PhiAnalyzer of this worker process


def _load(options: dict) -> None:
    global _analyzer
    os.nice(WORKER_NICENESS)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    from checks.phi.analyzer import PhiAnalyzer
    _analyzer = PhiAnalyzer(**options)


def _exit_with_parent(parent: int) -> None:
    """A server killed outright (SIGKILL, OOM) cannot stop its workers: each
    notices it has been orphaned and exits, rather than hold its memory for good."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(0)


def _analyze(text: str) -> Analysis:
    return _analyzer.analyze(text)


class AnalysisWorkerError(RuntimeError):
    """A worker died, could not start, or ran past the budget: the check fails closed."""


class AnalyzerProcesses:
    def __init__(self, options: dict, processes: int, timeout: float):
        """``options``: PhiAnalyzer's keyword arguments. Returns once a worker has loaded them."""
        self._options = options
        self._processes = processes
        self.timeout = timeout
        self._lock = threading.Lock()
        self._pool = self._start()
        try:
            for ready in self._warm(self._pool):
                ready.result(START_TIMEOUT)
        except (BrokenProcessPool, FutureTimeout) as e:
            _kill(self._pool)
            raise AnalysisWorkerError(f"the PHI analysis worker did not start ({type(e).__name__}); "
                                      "its error is printed above") from None

    def _start(self) -> ProcessPoolExecutor:
        # spawn, not fork: the server has threads (a fork copies their locks mid-use)
        return ProcessPoolExecutor(self._processes, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_load, initargs=(self._options,))

    def _warm(self, pool: ProcessPoolExecutor) -> list:
        """Workers start on demand: one task each starts them all (and loads the model) now."""
        return [pool.submit(_analyze, "Ready?") for _ in range(self._processes)]

    def analyze(self, text: str) -> Analysis:
        pool = self._pool
        try:
            return pool.submit(_analyze, text).result(self.timeout)
        except BrokenProcessPool:
            self._replace(pool)
            raise AnalysisWorkerError("a PHI analysis worker died") from None
        except FutureTimeout:
            self._replace(pool)  # it may be stuck for good: the drafts after this one must not wait on it
            raise AnalysisWorkerError("the PHI analysis ran past its time budget") from None
        except CancelledError:  # queued on a worker that another draft's timeout had replaced
            raise AnalysisWorkerError("the PHI analysis was interrupted") from None

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is not broken:
                return  # another thread replaced it already
            log.warning("replacing the PHI analysis worker(s)")
            self._pool = self._start()
            self._warm(self._pool)
        _kill(broken)

    def close(self, wait: float = 5.0) -> None:
        """Stop the workers in order: let them finish and exit, and join the
        executor's thread. Killing them under a running executor (as ``_kill``
        does) left its thread writing to pipes the interpreter's exit had
        already closed: ``OSError: [Errno 9] Bad file descriptor`` after a
        SIGTERM. After the drain no worker is busy; one still busy after
        ``wait`` seconds is killed."""
        pool = self._pool
        workers = list((getattr(pool, "_processes", None) or {}).values())
        stopper = threading.Thread(target=pool.shutdown, kwargs={"wait": True, "cancel_futures": True},
                                   name="analysis-shutdown", daemon=True)
        stopper.start()
        stopper.join(wait)
        if stopper.is_alive():
            for process in workers:
                if process.is_alive():
                    process.kill()
            stopper.join(wait)


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now, even one busy on a text (shutdown alone would wait for it)."""
    workers = list((getattr(pool, "_processes", None) or {}).values())  # Python 3.14: terminate_workers()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in workers:
        if process.is_alive():
            process.kill()
