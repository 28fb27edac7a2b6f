"""One-worker background executor for long jobs (Monte Carlo, the model's load at start-up):
submit, supersede, deliver.

A job is a plain callable run on a single worker thread.  Submitting a new job cancels the
one before it (through the cancel callable given with it, e.g. a TaskState's cancel flag)
so only the newest input's result ever arrives.  Results, failures and progress come back
as Qt signals; the runner lives on the GUI thread, so they are delivered there (queued).

A job's freed memory goes back to the system once the runner has been idle for
``IDLE_TRIM_MS`` (``planner.native_memory``), not after every job: a trimmed process faults
the next run's ~50 MB of temporaries in again, page by page (~8% of a 1,000-draw run's CPU
time), and edits come in bursts, each superseding the run before it.  The trim runs on the
worker thread, after the result has been delivered.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from planner.native_memory import release_free_memory

log = logging.getLogger(__name__)

# Quiet time after the last job before its memory is handed back: longer than the gap
# between the edits of a burst (a slider drag, a few clicks), short enough that an app left
# alone is back at its resting size within seconds.
IDLE_TRIM_MS = 2000


class BackgroundRunner(QObject):
    """Runs at most one job at a time; a newer job supersedes (cancels) the older one."""

    finished = Signal(int, object)  # job number, result
    failed = Signal(int, str)  # job number, message
    progress = Signal(int, float)  # job number, 0..1
    trimmed = Signal()  # the idle trim has handed the jobs' freed memory back
    _job_ended = Signal()  # emitted on the worker thread, so received queued on the GUI's

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor: ThreadPoolExecutor | None = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="planner-background"
        )
        self._lock = threading.Lock()
        self._job = 0
        self._future: Future | None = None
        self._cancel: Callable[[], None] | None = None
        self.trims = 0  # idle trims done (the bench waits for one before reading memory)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_TRIM_MS)
        self._idle.timeout.connect(self._trim_when_idle)
        self._job_ended.connect(self._idle.start)

    @property
    def current_job(self) -> int:
        return self._job

    def is_busy(self) -> bool:
        future = self._future
        return future is not None and not future.done()

    def submit(
        self,
        job: Callable[[Callable[[float], None]], Any],
        cancel: Callable[[], None] | None = None,
    ) -> int:
        """Run ``job(report_progress)`` in the background; return its job number.

        ``cancel`` is called if a newer job arrives (or on shutdown) while this one runs; the
        job should then stop early (e.g. raise the engine's Cancelled).  Results of superseded
        jobs are dropped.
        """
        if self._executor is None:
            raise RuntimeError("the background runner has been shut down")
        self._idle.stop()  # a burst goes on: the memory is about to be used again
        self.cancel()
        with self._lock:
            self._job += 1
            number = self._job
            self._cancel = cancel

        def report(fraction: float) -> None:
            if number == self._job:
                self.progress.emit(number, float(fraction))

        def run(report_progress: Callable[[float], None]) -> Any:
            try:
                return job(report_progress)
            finally:
                self._job_ended.emit()  # starts the idle countdown (queued: GUI thread)

        future = self._executor.submit(run, report)
        self._future = future
        future.add_done_callback(lambda f: self._deliver(number, f))
        return number

    def cancel(self) -> None:
        """Cancel the running or queued job, if any; its result will not be delivered."""
        with self._lock:
            cancel, self._cancel = self._cancel, None
            future = self._future
            self._job += 1  # anything still in flight is now stale
        if future is not None:
            future.cancel()
        if cancel is not None:
            cancel()

    def shutdown(self) -> None:
        """Cancel any job and wait for the worker thread to end (call before quitting)."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        self._idle.stop()
        self.cancel()
        executor.shutdown(wait=True, cancel_futures=True)

    def _trim_when_idle(self) -> None:
        executor = self._executor
        if executor is None or self.is_busy():
            return  # shut down, or a job started since: its end restarts the countdown
        executor.submit(self._trim)

    def _trim(self) -> None:
        # On the worker thread, queued behind nothing (the runner was idle); a job submitted
        # meanwhile waits the few milliseconds a trim takes.
        release_free_memory()
        self.trims += 1
        if self._executor is not None:
            self.trimmed.emit()

    def _deliver(self, number: int, future: Future) -> None:
        # Runs on the worker thread, or on this runner's own thread when the job ended before
        # ``submit`` added this callback.  From there an emit would call a directly connected
        # slot inside ``submit``: a caller that submits and then waits in an event loop for
        # the result would see its loop quit before it started, and wait for ever.  So the
        # result always arrives later, through the event loop.
        if QThread.currentThread() == self.thread():
            QTimer.singleShot(0, self, lambda: self._emit_result(number, future))
        else:
            self._emit_result(number, future)

    def _emit_result(self, number: int, future: Future) -> None:
        if number != self._job or self._executor is None:
            return
        try:
            result = future.result()
        except CancelledError:
            return
        except Exception as exc:
            if type(exc).__name__ == "Cancelled":  # the engine's TaskState cancellation
                return
            log.exception("background job %d failed", number)
            self.failed.emit(number, f"{type(exc).__name__}: {exc}")
            return
        self.finished.emit(number, result)
