"""The desktop app: QApplication, settings, language, theme, crash recovery, screenshot mode."""

from __future__ import annotations

import importlib
import os

# pyqtgraph picks PyQt6 first when both bindings are installed: pin ours before any import.
os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"

import sys
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.errors import InputError
from planner.native_memory import tune_allocator
from planner.paths import resources_dir
from planner.ui.i18n import set_language, system_language, translate
from planner.ui.settings import APPLICATION, ORGANIZATION, open_settings
from planner.ui.theme import follow_system_theme
from planner.ui.worker import BackgroundRunner

SCREENSHOT_SIZE = (1600, 1000)
SCREENSHOT_WAIT_MS = 30_000  # the longest a screenshot waits for the uncertainty bands


def make_application() -> QApplication:
    """The QApplication (reused when one exists, as under pytest-qt), named and themed."""
    tune_allocator()
    app = QApplication.instance() or PlannerApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName("usmca-planner")
    icon = resources_dir() / "icons" / "usmca-planner.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    follow_system_theme(app)
    return app


class FileOpenRouter:
    """Scenario files the system asks the app to open (macOS Finder sends a double-clicked
    file as a QFileOpenEvent to the application, not on the command line).

    Files that arrive before the window can open them wait in ``pending``; ``deliver_to``
    then opens the last of them, and every later one at once.
    """

    def __init__(self) -> None:
        self.pending: list[str] = []
        self._open: Any = None

    def offer(self, path: str) -> None:
        if self._open is None:
            self.pending.append(path)
        else:
            self._open(path)

    def deliver_to(self, open_file: Any) -> None:
        """From now on open files with ``open_file(path)``; open the last one waiting."""
        self._open = open_file
        waiting, self.pending = self.pending, []
        if waiting:
            open_file(waiting[-1])  # one window: the latest request wins

    def detach(self) -> None:
        """The window is gone: later requests wait again."""
        self._open = None


class PlannerApplication(QApplication):
    """The app's QApplication: it routes file-open requests to ``files``.

    An override of ``event`` sees only the events sent to the application object itself;
    an event filter on the application would run Python for every event of every widget.
    """

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.files = FileOpenRouter()

    def event(self, event: QEvent) -> bool:  # Qt override
        is_file = event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent)
        if is_file and event.file():
            self.files.offer(event.file())
            return True
        return super().event(event)


def load_engine() -> tuple[Any, Any, list[str]]:
    """(model, evaluate, problems): the model database and the engine's evaluate function.

    A missing engine leaves ``evaluate`` None (the app edits scenarios but shows no results);
    a model database that cannot be read or built is reported in ``problems``.
    """
    from planner.model.data import load_model

    try:
        model = load_model()
    except InputError as exc:
        return None, None, list(exc.problems)
    try:
        from planner.model.engine import evaluate
    except ImportError:
        evaluate = None
    return model, evaluate, []


def _wait_for_bands(document: Any, timeout_ms: int) -> None:
    """Spin the event loop until the Monte Carlo run ends (or ``timeout_ms`` passes)."""
    if not document.bands_enabled or not document.can_compute:
        return
    loop = QEventLoop()

    def stop_when_done(running: bool) -> None:
        if not running:
            loop.quit()

    document.monte_carlo_running.connect(stop_when_done)
    document.compute_failed.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    if document.results is not None and getattr(document.results, "bands", None) is None:
        loop.exec()


def _dispose(*objects: Any) -> None:
    """Delete windows and documents now, while the QApplication still exists.

    Signal connections (lambdas holding ``self``) form reference cycles that Python would
    otherwise collect during interpreter shutdown, after Qt's application object is gone,
    which crashes PySide.
    """
    for obj in objects:
        if shiboken6.isValid(obj):
            shiboken6.delete(obj)


def _report(problems: list[str], title: str, interactive: bool) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    if interactive:
        box = QMessageBox(QMessageBox.Icon.Critical, title, title, QMessageBox.StandardButton.Ok)
        box.setInformativeText("\n".join(problems[:12]))
        box.exec()


def run_gui(scenario_path: str | None = None, screenshot: str | None = None) -> int:
    """Open the main window (optionally with a scenario file) and run until it closes.

    The window paints first as a light shell ("Loading the model…"), so the cold start shows
    a window within the DESIGN §8 budget.  After that first paint the model loads on a
    background thread (``preload_engine``), then the lever panel, the charts and the
    baseline results are built on the GUI thread (``_start_document``).  Returns 1 when the
    load fails unexpectedly.

    With ``screenshot``: render the window at 1600x1000 with the scenario computed (bands
    included when on), save it as PNG and return 0, without autosave, recovery or settings
    writes; everything is built before the grab.  Works with QT_QPA_PLATFORM=offscreen.
    Returns 2 for bad input.
    """
    app = make_application()
    settings = open_settings()
    set_language(str(settings.value("language", "") or system_language()))
    if screenshot is not None:
        return _screenshot(app, scenario_path, screenshot)

    # Only the shell's modules before the first paint: the model layer (pandas, the pydantic
    # scenario schema) and the charts (pyqtgraph) are imported in ``_start_document``.
    from planner.ui.main_window import MainWindow

    window = MainWindow(None, settings)
    window.resize(*SCREENSHOT_SIZE)
    window.resizeDocks([window.lever_dock, window.kpi_dock], [380, 330], Qt.Orientation.Horizontal)
    window.restore_state()
    started: dict[str, Any] = {}
    # A plain QApplication (one made before, as under pytest-qt) gets no file-open events.
    router = app.files if isinstance(app, PlannerApplication) else FileOpenRouter()
    # The model loads on a background thread while the window stays live: importing pandas
    # and the engine and reading the database (building it, on a first run) take a second
    # or more, during which a window loading on the GUI thread could neither repaint nor
    # answer a move or Quit.
    loader = BackgroundRunner()

    def loaded(_job: int, value: tuple[Any, Any, list[str]]) -> None:
        loader.shutdown()  # its one job is done
        if not shiboken6.isValid(window) or not window.isVisible():
            return  # closed while loading: nothing to finish
        window.show_startup_step("building")
        document = _start_document(window, settings, scenario_path, value)
        if document is None:
            app.exit(2)
            return
        started["document"] = document
        router.deliver_to(lambda path: window.open_file(Path(path)))

    def load_failed(_job: int, message: str) -> None:
        loader.shutdown()
        _report([message], translate("App", "The model database could not be loaded"), True)
        app.exit(1)

    loader.finished.connect(loaded)
    loader.failed.connect(load_failed)
    window.call_after_first_paint(lambda: loader.submit(lambda _progress: preload_engine()))
    window.show()
    code = int(app.exec())
    router.detach()
    loader.shutdown()  # a window closed while loading: let the load end before the process does
    _close_down(window, started.get("document"))
    return code


def _close_down(window: Any, document: Any) -> None:
    """Stop ``document``'s background work, then delete the window and the document.

    Closing the window shuts the document down (and drops its autosave).  The event loop can
    also end without that close (``QApplication.exit``, as the bench's child process does):
    a Monte Carlo run still going would then report progress through a deleted runner.  The
    autosave is kept in that case: the session did not end through the window.
    """
    if document is not None and shiboken6.isValid(document):
        document.shutdown(clean_exit=False)
    _dispose(window, *([] if document is None else [document]))


_IMPORTED_WHILE_LOADING = (
    "planner.model.scenario",
    "planner.ui.controller",
    "planner.ui.dashboard",
    "planner.ui.lever_panel",
)


def preload_engine() -> tuple[Any, Any, list[str]]:
    """``load_engine``, and the modules the window's views need imported beside it: what the
    start-up thread does before the GUI thread builds those views."""
    outcome = load_engine()
    # The model's scenario schema (pydantic builds its schemas on import) and the views'
    # modules (pyqtgraph above all) import here too, so that the GUI thread has that much
    # less to do while the window cannot answer.  Importing them only defines classes: no
    # widget or other QObject is made, which would belong to this thread.
    for module in _IMPORTED_WHILE_LOADING:
        importlib.import_module(module)
    return outcome


def _load_off_the_gui_thread() -> tuple[Any, Any, list[str]]:
    """``preload_engine`` on a background thread, as the interactive start runs it (so that a
    screenshot, and the packaged app's smoke test, go the same way), waited for here."""
    loader = BackgroundRunner()
    loop = QEventLoop()
    outcome: dict[str, Any] = {}
    loader.finished.connect(lambda _job, value: (outcome.update(value=value), loop.quit()))
    loader.failed.connect(lambda _job, message: (outcome.update(error=message), loop.quit()))
    loader.submit(lambda _progress: preload_engine())
    loop.exec()  # the outcome is queued to this thread: it arrives inside the loop
    loader.shutdown()
    if "error" in outcome:
        raise RuntimeError(outcome["error"])
    return outcome["value"]


def _start_document(
    window: Any, settings: Any, scenario_path: str | None, loaded: tuple[Any, Any, list[str]]
) -> Any:
    """Finish the window for the model (``loaded``: what ``load_engine`` returned), offer
    crash recovery, open ``scenario_path`` and compute the baseline; the document, or None
    (reported) when the model failed."""
    from planner.ui.autosave import AutosaveSession, find_recoverable
    from planner.ui.controller import ScenarioDocument
    from planner.ui.dialogs import ask_recover

    model, evaluate, problems = loaded
    if model is None:
        _report(problems, translate("App", "The model database could not be loaded"), True)
        return None
    autosave = AutosaveSession()
    autosave.start()
    document = ScenarioDocument(
        model.catalog, model=model, evaluate=evaluate, settings=settings, autosave=autosave
    )
    window.finish_startup(document)
    window.restore_state()  # again: the finished window's docks and toolbar
    leftovers = find_recoverable()
    if leftovers and ask_recover(None, leftovers[0].saved_at, leftovers[0].original_path):
        document.recover(leftovers[0])
        leftovers = leftovers[1:]
    for item in leftovers:
        item.discard()
    if scenario_path:
        window.open_file(Path(scenario_path))
    if document.results is None and document.can_compute:
        # A new window shows the current-policy baseline's numbers, not an empty dashboard.
        document.recompute()
    return document


def _screenshot(app: QApplication, scenario_path: str | None, screenshot: str) -> int:
    """The fully built and computed window at 1600x1000, saved as PNG (see ``run_gui``)."""
    from planner.ui.controller import ScenarioDocument
    from planner.ui.main_window import MainWindow

    model, evaluate, problems = _load_off_the_gui_thread()
    if model is None:
        _report(problems, translate("App", "The model database could not be loaded"), False)
        return 2
    document = ScenarioDocument(model.catalog, model=model, evaluate=evaluate)
    if scenario_path:
        # Before the window exists: a bad file is reported on stderr, never in a dialog.
        failures: list[list[str]] = []
        document.open_failed.connect(lambda _path, found: failures.append(found))
        if not document.open(scenario_path):
            _report(failures[0] if failures else [scenario_path], "", False)
            document.shutdown()
            _dispose(document)
            return 2

    window = MainWindow(document, None)
    if document.results is None and document.can_compute:
        document.recompute()
    window.resize(*SCREENSHOT_SIZE)
    window.resizeDocks([window.lever_dock, window.kpi_dock], [380, 330], Qt.Orientation.Horizontal)
    window.show()
    _wait_for_bands(document, SCREENSHOT_WAIT_MS)
    app.processEvents()
    ok = window.grab().save(str(screenshot), "PNG")
    document.shutdown()
    window.close()
    _dispose(window, document)
    if not ok:
        print(f"{screenshot}: could not write the PNG file", file=sys.stderr)
        return 2
    return 0
