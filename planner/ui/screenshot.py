"""Screenshot mode (``planner --screenshot``): the fully built and computed window at
1600x1000 saved as PNG, without autosave, recovery or settings writes."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from planner.ui import startup
from planner.ui.i18n import translate
from planner.ui.teardown import dispose

SCREENSHOT_SIZE = (1600, 1000)
SCREENSHOT_WAIT_MS = 30_000  # the longest a screenshot waits for the uncertainty bands


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


def take_screenshot(app: QApplication, scenario_path: str | None, screenshot: str) -> int:
    """The fully built and computed window at 1600x1000, saved as PNG (see ``run_gui``)."""
    from planner.ui.controller import ScenarioDocument
    from planner.ui.main_window import MainWindow

    model, evaluate, problems = startup.load_off_the_gui_thread()
    if model is None:
        startup.report_problems(
            problems, translate("App", "The model database could not be loaded"), False
        )
        return 2
    document = ScenarioDocument(model.catalog, model=model, evaluate=evaluate)
    if scenario_path:
        # Before the window exists: a bad file is reported on stderr, never in a dialog.
        failures: list[list[str]] = []
        document.open_failed.connect(lambda _path, found: failures.append(found))
        if not document.open(scenario_path):
            startup.report_problems(failures[0] if failures else [scenario_path], "", False)
            document.shutdown()
            dispose(document)
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
        dispose(window, document)
        startup.report_problems([f"The computation failed: {e}" for e in compute_errors], "", False)
        return 1
    ok = window.grab().save(str(screenshot), "PNG")
    document.shutdown()
    window.close()
    dispose(window, document)
    if not ok:
        print(f"{screenshot}: could not write the PNG file", file=sys.stderr)
        return 2
    return 0
