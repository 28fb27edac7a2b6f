"""The open document: the current Scenario, its file, its undo history and its results.

Every edit arrives as a ``ScenarioEdit`` on ``undo_stack``; applying one (push, undo or redo)
sets the scenario, emits ``scenario_changed`` and recomputes: the central run synchronously
(it fits in a frame), then Monte Carlo bands on the one-worker background runner, where a
newer change cancels the older run.  Views only listen to signals; they never compute.

The results of the last few scenarios are recalled rather than computed again: an undo, a
redo or a lever switched back shows the same numbers at once, bands included, without
running the 1,000 draws again.  The engine is deterministic (fixed seeds, and a result never
depends on what was evaluated before it), so a recalled result is the one a new run gives.

Opening and saving files is the mixin ``DocumentFiles`` (planner/ui/document_files.py).
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack

from planner.errors import InputError
from planner.model.catalog import Catalog
from planner.model.scenario import Scenario, save_scenario
from planner.ui.autosave import AutosaveSession
from planner.ui.commands import ScenarioEdit
from planner.ui.document_files import DocumentFiles
from planner.ui.i18n import translate
from planner.ui.settings import read_bool
from planner.ui.worker import BackgroundRunner

log = logging.getLogger(__name__)
# Scenario.baseline's name, marked here so that it is translated for a new scenario.
BASELINE_NAME = QT_TRANSLATE_NOOP("ScenarioDocument", "Baseline (current policy)")

AUTOSAVE_INTERVAL_MS = 60_000
# An edit is also written this long after the last one of a burst: a crash then loses
# seconds of work, not up to a minute, and a slider drag writes once, not on every step.
AUTOSAVE_AFTER_EDIT_MS = 3_000
DEFAULT_DRAWS = 1000  # Monte Carlo draws when the scenario names none
# Scenarios whose results are recalled: about 0.4 MB each (0.6 MB with bands).
RECALLED_SCENARIOS = 12

Evaluate = Callable[..., Any]  # evaluate(model, scenario, draws=None, task=None) -> Results
# make_task(report_progress) -> a task-state with .cancel(); handed to evaluate(task=...)
TaskFactory = Callable[[Callable[[float], None]], Any]


def engine_task(report: Callable[[float], None]) -> Any:
    """The engine's TaskState, reporting progress through ``report``."""
    from planner.model.engine.uncertainty import TaskState

    return TaskState(progress=report)


class ScenarioDocument(DocumentFiles, QObject):
    """The scenario being edited, with its file, undo stack, results and pins."""

    scenario_changed = Signal(object)  # Scenario
    results_changed = Signal(object)  # Results (central, or with bands once Monte Carlo ends)
    compute_failed = Signal(str)
    monte_carlo_progress = Signal(float)  # 0..1 while running; 1.0 when done
    monte_carlo_running = Signal(bool)
    file_changed = Signal()  # path, name or dirty flag changed: refresh the title
    dirty_changed = Signal(bool)
    # object, not list: a list signal copies its items as plain QStrings, and the problems'
    # ProblemText (what the dialog translates) would arrive as bare English.
    open_failed = Signal(str, object)  # path, list of problems
    open_warnings = Signal(str, object)  # path, list of warnings (e.g. another model fingerprint)
    save_failed = Signal(str, str)  # path, message
    autosave_failed = Signal(str)  # why the unsaved changes could not be written
    recent_changed = Signal(list)  # list[Path]
    pins_changed = Signal(dict)  # label -> Results

    def __init__(
        self,
        catalog: Catalog,
        model: Any = None,
        evaluate: Evaluate | None = None,
        settings: QSettings | None = None,
        autosave: AutosaveSession | None = None,
        make_task: TaskFactory = engine_task,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.model = model
        self._evaluate = evaluate
        self._make_task = make_task
        self.settings = settings
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.path: Path | None = None
        self._scenario = self.baseline()
        self.results: Any = None
        self.pinned: dict[str, Any] = {}
        self.last_compute_ms: float | None = None
        self.results_recalled = False  # the current results came from ``_recent``
        # scenario -> (central results, its compute ms, results with bands or None), least
        # recent first
        self._recent: OrderedDict[Scenario, tuple[Any, float | None, Any]] = OrderedDict()
        self._banding: tuple[int, Scenario] | None = None  # (job, scenario) of the bands run
        self.bands_enabled = read_bool(settings, "bands", True) if settings else True
        self._runner = BackgroundRunner(self)
        self._pending_bands: Scenario | None = None  # Monte Carlo to start after the paint
        # Queued even from this thread: a job that ends before ``submit`` has returned (a fast
        # run, or a worker that got the processor first) is reported from inside ``submit``,
        # and its result would then arrive before ``_start_monte_carlo`` has noted the job
        # and signalled "running", so its bands would be neither kept nor shown as finished.
        queued = Qt.ConnectionType.QueuedConnection
        self._runner.finished.connect(self._on_monte_carlo_done, queued)
        self._runner.failed.connect(self._on_monte_carlo_failed, queued)
        self._runner.progress.connect(lambda _job, f: self.monte_carlo_progress.emit(f))
        self._autosave = autosave
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self._autosave_timer.timeout.connect(self.autosave_now)
        self._edit_save_timer = QTimer(self)
        self._edit_save_timer.setSingleShot(True)
        self._edit_save_timer.setInterval(AUTOSAVE_AFTER_EDIT_MS)
        self._edit_save_timer.timeout.connect(self.autosave_now)
        if autosave is not None:
            self._autosave_timer.start()

    # ----- state -------------------------------------------------------------------------
    @property
    def scenario(self) -> Scenario:
        return self._scenario

    @property
    def is_dirty(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def memory_trims(self) -> int:
        """How often the background worker has handed freed memory back after going idle."""
        return self._runner.trims

    @property
    def can_compute(self) -> bool:
        return self._evaluate is not None and self.model is not None

    def baseline(self) -> Scenario:
        version = getattr(self.model, "version", "2024.1")
        fingerprint = getattr(self.model, "fingerprint", "")
        baseline = Scenario.baseline(self.catalog, version, fingerprint)
        if baseline.name != BASELINE_NAME:
            return baseline
        # A new scenario's name is the user's from then on: given in the window's language.
        return baseline.replace(name=translate("ScenarioDocument", BASELINE_NAME))

    def file_label(self) -> str:
        return self.path.name if self.path else translate("ScenarioDocument", "not saved")

    def window_title(self) -> str:
        """``name — file[*]``; QWidget.setWindowTitle turns [*] into the modified mark."""
        return f"{self._scenario.name} — {self.file_label()}[*]"

    # ----- editing -----------------------------------------------------------------------
    def edit(
        self, new: Scenario, text: str | Callable[[], str], merge_key: str | None = None
    ) -> None:
        """Change the scenario to ``new`` through an undoable command; ``text`` names the step
        (a function giving it in the current language lets a language switch rename it)."""
        if new == self._scenario:
            return
        self.undo_stack.push(ScenarioEdit(self._show, self._scenario, new, text, merge_key))

    def _show(self, scenario: Scenario) -> None:
        # Called by commands (push, undo, redo): the single place the scenario changes.
        renamed = scenario.name != self._scenario.name
        self._scenario = scenario
        self.scenario_changed.emit(scenario)
        if renamed:
            self.file_changed.emit()
        if self._autosave is not None:
            self._edit_save_timer.start()  # (re)started: written once the edits pause
        self.recompute()

    def _replace_document(self, scenario: Scenario, path: Path | None) -> None:
        self.undo_stack.clear()
        self.path = path
        self._scenario = scenario
        self.undo_stack.setClean()
        self.scenario_changed.emit(scenario)
        self.file_changed.emit()
        self.dirty_changed.emit(False)
        self.recompute()

    def _on_clean_changed(self, clean: bool) -> None:
        self.dirty_changed.emit(not clean)
        self.file_changed.emit()

    # ----- autosave ----------------------------------------------------------------------
    def autosave_now(self) -> Path | None:
        """Write the unsaved scenario to the autosave folder (or clear it when saved)."""
        if self._autosave is None:
            return None
        if not self.is_dirty:
            self._autosave.clear()
            return None
        try:
            return self._autosave.write(save_scenario, self._scenario, self.path)
        except (OSError, InputError) as exc:
            log.exception("autosave failed")
            # strerror alone when there is one: the file in an OSError is the hidden copy's.
            self.autosave_failed.emit(getattr(exc, "strerror", None) or str(exc))
            return None

    def _clear_autosave(self) -> None:
        if self._autosave is not None:
            self._autosave.clear()

    # ----- computing ---------------------------------------------------------------------
    def recompute(self) -> None:
        """Central run now; Monte Carlo bands in the background when bands are on."""
        self._runner.cancel()
        self._pending_bands = None
        if not self.can_compute:
            self.results = None
            self.results_changed.emit(None)
            return
        scenario = self._scenario
        central, ms, banded = self._recall(scenario)
        self.results_recalled = central is not None
        if central is None:
            started = time.perf_counter()
            try:
                central = self._evaluate(self.model, scenario)
            except Exception as exc:  # an engine failure must not take the editor down
                log.exception("central evaluation failed")
                self.results = None
                self.compute_failed.emit(f"{type(exc).__name__}: {exc}")
                self.results_changed.emit(None)
                return
            self.last_compute_ms = (time.perf_counter() - started) * 1000.0
            self._keep(scenario, central, self.last_compute_ms, None)
        else:
            self.last_compute_ms = ms
        if self.bands_enabled and banded is not None:
            self.results = banded
            self.results_changed.emit(banded)
            self.monte_carlo_running.emit(False)
            return
        self.results = central
        self.results_changed.emit(central)
        if self.bands_enabled:
            # Once the event loop has painted the central results: a worker started now
            # would compete with that paint for the interpreter and the memory.
            self._pending_bands = scenario
            QTimer.singleShot(0, self._start_pending_monte_carlo)
        else:
            self.monte_carlo_running.emit(False)

    def _start_pending_monte_carlo(self) -> None:
        scenario, self._pending_bands = self._pending_bands, None
        # A newer edit (or bands switched off) since: its own recompute decides.
        if scenario is not None and scenario is self._scenario and self.bands_enabled:
            self._start_monte_carlo(scenario)

    def _start_monte_carlo(self, scenario: Scenario) -> None:
        uncertainty = getattr(scenario, "uncertainty", None)
        draws = int(getattr(uncertainty, "draws", 0) or 0) or DEFAULT_DRAWS
        model, evaluate, make_task = self.model, self._evaluate, self._make_task
        # The task exists before the job starts, so a cancel can never miss it; its progress
        # goes to the runner's reporter once the job runs.
        reporters: list[Callable[[float], None]] = []
        task = make_task(lambda fraction: reporters[0](fraction) if reporters else None)

        def job(report: Callable[[float], None]) -> Any:
            reporters.append(report)
            return evaluate(model, scenario, draws=draws, task=task)

        self._banding = (self._runner.submit(job, cancel=task.cancel), scenario)
        self.monte_carlo_running.emit(True)
        self.monte_carlo_progress.emit(0.0)

    def _on_monte_carlo_done(self, job: int, results: Any) -> None:
        if job != self._runner.current_job:
            return
        if self._banding is not None and self._banding[0] == job:
            scenario = self._banding[1]
            central, ms, _ = self._recall(scenario)
            if central is not None:
                self._keep(scenario, central, ms, results)
        self.results = results
        self.monte_carlo_progress.emit(1.0)
        self.monte_carlo_running.emit(False)
        self.results_changed.emit(results)

    def _on_monte_carlo_failed(self, job: int, message: str) -> None:
        if job != self._runner.current_job:
            return
        self.monte_carlo_running.emit(False)
        self.compute_failed.emit(message)

    def _recall(self, scenario: Scenario) -> tuple[Any, Any, Any]:
        """(central results, their compute ms, results with bands) of ``scenario`` if it was
        evaluated lately; Nones otherwise."""
        hit = self._recent.get(scenario)
        if hit is None:
            return None, None, None
        self._recent.move_to_end(scenario)
        return hit

    def _keep(self, scenario: Scenario, central: Any, ms: float | None, banded: Any) -> None:
        self._recent[scenario] = (central, ms, banded)
        self._recent.move_to_end(scenario)
        while len(self._recent) > RECALLED_SCENARIOS:
            self._recent.popitem(last=False)

    def forget_results(self) -> None:
        """Compute every scenario afresh from now on (the bench measures the computing path)."""
        self._recent.clear()

    def set_bands_enabled(self, enabled: bool) -> None:
        if enabled == self.bands_enabled:
            return
        self.bands_enabled = enabled
        if self.settings is not None:
            self.settings.setValue("bands", enabled)
        self.recompute()

    # ----- pins --------------------------------------------------------------------------
    def pin(self, label: str) -> bool:
        """Keep the current results as comparison ``label`` ("A", "B" or "C")."""
        if self.results is None:
            return False
        self.pinned[label] = self.results
        self.pins_changed.emit(dict(self.pinned))
        return True

    def unpin(self, label: str) -> None:
        if self.pinned.pop(label, None) is not None:
            self.pins_changed.emit(dict(self.pinned))

    # ----- lifetime ----------------------------------------------------------------------
    def shutdown(self, clean_exit: bool = True) -> None:
        """Stop the timers and the background worker; on a clean exit drop the autosave."""
        self._autosave_timer.stop()
        self._edit_save_timer.stop()
        # A Monte Carlo start still queued (a timer of 0 ms) must find nothing to start.
        self._pending_bands = None
        self._runner.shutdown()
        if clean_exit and self._autosave is not None:
            self._autosave.end()
