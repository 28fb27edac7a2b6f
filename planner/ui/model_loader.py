"""Loading the model off the GUI thread at start-up.

Reading the model takes a second or more (importing pandas and the engine, reading the
database, building it from the seeds on a first run).  Done on the GUI thread, the window
froze for that long: it neither repainted nor answered a move, a resize or Quit.  A
``BackgroundLoad`` runs the load on a thread of its own and hands the outcome to the GUI
thread through a queued signal, so the event loop keeps running meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class LoadOutcome:
    """What the load returned, or the exception it raised (then ``value`` is None)."""

    value: Any = None
    error: BaseException | None = None


class BackgroundLoad(QObject):
    """Run one callable on a thread; ``finished`` delivers its ``LoadOutcome`` on the thread
    this object lives in (the GUI thread).  ``join`` waits for the thread to end."""

    finished = Signal(object)  # Qt signal naming

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    def start(self, load: Callable[[], Any]) -> None:
        if self._thread is not None:
            raise RuntimeError("BackgroundLoad runs one load")

        def run() -> None:
            try:
                outcome = LoadOutcome(value=load())
            except Exception as exc:  # delivered: the GUI thread reports it
                outcome = LoadOutcome(error=exc)
            # Emitted from this thread to a receiver in the GUI thread: Qt queues the call.
            self.finished.emit(outcome)

        self._thread = threading.Thread(target=run, name="planner-model-load", daemon=True)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def join(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)
