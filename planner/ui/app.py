"""The desktop app: the QApplication (named, themed, routing file-open requests) and
``run_gui``, which opens the main window and runs until it closes (see startup, screenshot)."""

from __future__ import annotations

import logging
import os

# pyqtgraph picks PyQt6 first when both bindings are installed: pin ours before any import.
os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"

import sys
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication

from planner.native_memory import tune_allocator
from planner.paths import resources_dir

# The start-up steps are called through their module, where a test's patch replaces them.
from planner.ui import startup
from planner.ui.i18n import set_language, system_language, translate
from planner.ui.qt_messages import quiet_platform_notices
from planner.ui.screenshot import SCREENSHOT_SIZE, take_screenshot
from planner.ui.settings import APPLICATION, ORGANIZATION, open_settings, read_str
from planner.ui.teardown import close_down
from planner.ui.theme import follow_system_theme
from planner.ui.worker import BackgroundRunner


def make_application() -> QApplication:
    """The QApplication (reused when one exists, as under pytest-qt), named and themed."""
    tune_allocator()
    quiet_platform_notices()
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


def run_gui(scenario_path: str | None = None, screenshot: str | None = None) -> int:
    """Open the main window (optionally with a scenario file) and run until it closes.

    The window paints first as a light shell ("Loading the model…"), so the cold start shows
    a window within the DESIGN §8 budget.  After that first paint the model loads on a
    background thread (``preload_engine``), then the lever panel, the charts and the
    baseline results are built on the GUI thread (``startup.start_document``).  Returns 1 when the
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
        return take_screenshot(app, scenario_path, screenshot)

    # Only the shell's modules before the first paint: the model layer (pandas, the pydantic
    # scenario schema) and the charts (pyqtgraph) are imported in ``startup.start_document``.
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
            document = startup.start_document(window, settings, scenario_path, value)
        except Exception as exc:  # a window left at "Building the charts..." would hang
            logging.getLogger(__name__).exception("the window could not be finished")
            startup.report_problems(
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
        startup.report_problems(
            [message], translate("App", "The model database could not be loaded"), True
        )
        app.exit(1)

    loader.finished.connect(loaded)
    loader.failed.connect(load_failed)
    window.call_after_first_paint(lambda: loader.submit(lambda _progress: startup.preload_engine()))
    window.show()
    code = int(app.exec())
    router.detach()
    loader.shutdown()  # a window closed while loading: let the load end before the process does
    close_down(window, started.get("document"))
    return code
