"""Start-up: the model loaded off the GUI thread (with the modules the views need), the window
finished for it (crash recovery offered, the scenario opened, the baseline computed), and
start-up problems reported."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QMessageBox

from planner.errors import InputError
from planner.ui.crash_recovery import offer_recovery, open_autosave, warn_without_autosave
from planner.ui.i18n import translate
from planner.ui.worker import BackgroundRunner


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


def report_problems(problems: list[str], title: str, interactive: bool) -> None:
    """Print ``problems`` on stderr in English (as the command line does) and, when
    ``interactive``, list them in a box in the interface language, as a bad file's are."""
    from planner.ui.dialogs import list_problems

    for problem in problems:
        print(problem, file=sys.stderr)
    if interactive:
        box = QMessageBox(QMessageBox.Icon.Critical, title, title, QMessageBox.StandardButton.Ok)
        list_problems(box, problems)
        box.exec()


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


def load_off_the_gui_thread() -> tuple[Any, Any, list[str]]:
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


def start_document(
    window: Any, settings: Any, scenario_path: str | None, loaded: tuple[Any, Any, list[str]]
) -> Any:
    """Finish the window for the model (``loaded``: what ``load_engine`` returned), offer
    crash recovery, open ``scenario_path`` and compute the baseline; the document, or None
    (reported) when the model failed."""
    from planner.ui.controller import ScenarioDocument

    model, evaluate, problems = loaded
    if model is None:
        report_problems(problems, translate("App", "The model database could not be loaded"), True)
        return None
    autosave, autosave_problem = open_autosave()
    document = ScenarioDocument(
        model.catalog, model=model, evaluate=evaluate, settings=settings, autosave=autosave
    )
    window.finish_startup(document)
    window.restore_state()  # again: the finished window's docks and toolbar
    if autosave is None:
        warn_without_autosave(window, autosave_problem)
    else:
        offer_recovery(window, document, autosave)
    if scenario_path:
        window.open_file(Path(scenario_path))
    if document.results is None and document.can_compute:
        # A new window shows the current-policy baseline's numbers, not an empty dashboard.
        document.recompute()
    return document
