"""The desktop app: QApplication, settings, language, theme, crash recovery, screenshot mode."""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import logging
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

from planner.errors import InputError, capped
from planner.native_memory import tune_allocator
from planner.paths import resources_dir
from planner.ui.i18n import set_language, system_language, translate
from planner.ui.settings import APPLICATION, ORGANIZATION, open_settings, read_str
from planner.ui.theme import follow_system_theme
from planner.ui.worker import BackgroundRunner

SCREENSHOT_SIZE = (1600, 1000)
STARTUP_PROBLEMS_SHOWN = 12  # listed in the start-up box; every one is under its details
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
    """Print ``problems`` on stderr in English (as the command line does) and, when
    ``interactive``, show the first dozen in a box in the interface language."""
    from planner.ui.problem_texts import problems_in_language

    for problem in problems:
        print(problem, file=sys.stderr)
    if interactive:
        box = QMessageBox(QMessageBox.Icon.Critical, title, title, QMessageBox.StandardButton.Ok)
        # The first dozen name the mistake; the rest are counted, and all are under details.
        shown = capped(problems, STARTUP_PROBLEMS_SHOWN)
        box.setInformativeText("\n".join(problems_in_language(shown)))
        if len(problems) > STARTUP_PROBLEMS_SHOWN:
            box.setDetailedText("\n".join(problems_in_language(problems)))
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
    Returns 2 for bad input, 1 (no PNG written) when the computation fails.
    """
    app = make_application()
    settings = open_settings()
    set_language(read_str(settings, "language") or system_language())
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
        try:
            document = _start_document(window, settings, scenario_path, value)
        except Exception as exc:  # a window left at "Building the charts..." would hang
            logging.getLogger(__name__).exception("the window could not be finished")
            _report(
                [f"{type(exc).__name__}: {exc}"],
                translate("App", "The planner could not start"),
                True,
            )
            app.exit(1)
            return
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
    from planner.ui.controller import ScenarioDocument

    model, evaluate, problems = loaded
    if model is None:
        _report(problems, translate("App", "The model database could not be loaded"), True)
        return None
    autosave, autosave_problem = _open_autosave()
    document = ScenarioDocument(
        model.catalog, model=model, evaluate=evaluate, settings=settings, autosave=autosave
    )
    window.finish_startup(document)
    window.restore_state()  # again: the finished window's docks and toolbar
    if autosave is None:
        _warn_without_autosave(window, autosave_problem)
    else:
        _offer_recovery(window, document, autosave)
    if scenario_path:
        window.open_file(Path(scenario_path))
    if document.results is None and document.can_compute:
        # A new window shows the current-policy baseline's numbers, not an empty dashboard.
        document.recompute()
    return document


def _open_autosave() -> tuple[Any, str]:
    """(this session's autosave, "") or (None, the message saying why there is none).

    A data folder that is read-only, or a file where the autosave folder should be, must not
    stop the app: it runs without autosave and says so."""
    from planner.ui.autosave import autosave_folder, open_session

    try:
        return open_session(), ""
    except OSError as exc:
        folder = autosave_folder()
        if folder.exists() and not folder.is_dir():
            reason = translate("App", "a file of that name is in the way")
        else:
            reason = exc.strerror or str(exc)
        message = translate(
            "App",
            "Cannot create the autosave folder {path} ({reason}); changes will not be autosaved.",
        ).format(path=folder, reason=reason)
        return None, message


def _warn_without_autosave(window: Any, message: str) -> None:
    """Say once, without blocking the start, that nothing will be autosaved."""
    print(message, file=sys.stderr)
    window.statusBar().showMessage(message)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("App", "Autosave is off"),
        message,
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()


def _offer_recovery(window: Any, document: Any, autosave: Any) -> None:
    """Offer the autosaves of crashed sessions, newest first, until one is recovered.

    Only what the user decided about goes: a declined copy is deleted, a recovered one
    replaced by this session's autosave, a damaged one moved aside (and the user told
    where); the copies after a recovered one stay for the next start."""
    from planner.ui import dialogs
    from planner.ui.autosave import find_recoverable

    for item in find_recoverable():
        problems = _unreadable(item, document.catalog)
        if problems:
            _report_damaged(window, item, problems)
        elif not dialogs.ask_recover(window, item.saved_at, item.original_path):
            item.discard()
        elif _recover(document, autosave, item):
            return


def _unreadable(item: Any, catalog: Any) -> list[str]:
    """Why the autosaved copy cannot be recovered (empty when it can), read before it is
    offered: a damaged copy must not be offered, nor reported by its internal file name."""
    from planner.model.scenario import load_scenario

    try:
        load_scenario(item.scenario_path, catalog)
    except Exception as exc:  # whatever the reason, the copy cannot be opened
        # The problems themselves, not str() of them: a ProblemText is shown translated.
        return list(getattr(exc, "problems", None) or [str(exc)])
    return []


def _recover(document: Any, autosave: Any, item: Any) -> bool:
    """Open ``item`` in ``document``; its copy becomes this session's autosave at once (the
    copy is made before ``recover`` deletes the old one, so a crash at any moment in between
    still leaves the work on disk)."""
    # When the copy fails, the old copy is the only one until the autosave below.
    with contextlib.suppress(OSError):
        autosave.adopt(item)
    if not document.recover(item):
        autosave.clear()
        return False
    document.autosave_now()  # the recovered scenario and where it came from
    return True


def _report_damaged(window: Any, item: Any, problems: list[str]) -> None:
    """Tell the user that the autosaved copy from ``item.saved_at`` cannot be read, and
    where it is now (moved aside, or kept when it cannot be moved)."""
    from planner.ui.problem_texts import problems_in_language

    when = dt.datetime.fromtimestamp(item.saved_at).strftime("%Y-%m-%d %H:%M")
    if item.original_path is not None:
        text = translate("App", "The autosaved copy of {file} from {when} cannot be read.")
        text = text.format(file=item.original_path.name, when=when)
    else:
        text = translate(
            "App", "The autosaved copy of an unsaved scenario from {when} cannot be read."
        )
        text = text.format(when=when)
    try:
        moved = item.set_aside()
        where = translate("App", "It was moved to {path}.").format(path=moved)
    except OSError:
        where = translate("App", "It was kept in {path}.").format(path=item.scenario_path)
    print(f"{text} {where}", file=sys.stderr)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("App", "Autosaved copy damaged"),
        text,
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setInformativeText(where)
    box.setDetailedText("\n".join(problems_in_language(problems)))
    box.exec()


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
    # The central run and the Monte Carlo run report a failure only through this signal.
    compute_errors: list[str] = []
    document.compute_failed.connect(compute_errors.append)
    if document.results is None and document.can_compute:
        document.recompute()
    window.resize(*SCREENSHOT_SIZE)
    window.resizeDocks([window.lever_dock, window.kpi_dock], [380, 330], Qt.Orientation.Horizontal)
    window.show()
    _wait_for_bands(document, SCREENSHOT_WAIT_MS)
    app.processEvents()
    if compute_errors:
        # A picture of a failed computation is no screenshot of the scenario: say why, and
        # let the caller (a script, the packaging smoke test) see the failure.
        document.shutdown()
        window.close()
        _dispose(window, document)
        _report([f"The computation failed: {e}" for e in compute_errors], "", False)
        return 1
    ok = window.grab().save(str(screenshot), "PNG")
    document.shutdown()
    window.close()
    _dispose(window, document)
    if not ok:
        print(f"{screenshot}: could not write the PNG file", file=sys.stderr)
        return 2
    return 0
