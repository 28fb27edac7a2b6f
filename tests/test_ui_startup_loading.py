"""Start-up loads the model on a thread of its own: the window keeps answering meanwhile."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from planner.ui import app as app_module
from planner.ui import startup
from planner.ui.i18n import set_language
from planner.ui.main_window import MainWindow
from planner.ui.translations_build import build_translations


@pytest.fixture(scope="module", autouse=True)
def compiled_translations():
    build_translations()


def _gate_opened_by_the_event_loop(delay_ms: int = 50) -> threading.Event:
    """An event only a timer of the GUI thread sets: a load that waits on it can finish only
    if the GUI thread's event loop keeps running while it loads."""
    gate = threading.Event()
    QTimer.singleShot(delay_ms, gate.set)
    return gate


def test_an_unexpected_error_while_loading_is_reported_and_exits_1(qtbot, monkeypatch):
    def broken():
        raise ValueError("seeds/flows.csv: row 3: expected a number")

    reported = []
    monkeypatch.setattr(startup, "load_engine", broken)
    monkeypatch.setattr(
        startup, "report_problems", lambda problems, title, interactive: reported.append(problems)
    )
    assert app_module.run_gui(None) == 1
    assert len(reported) == 1
    assert "ValueError" in reported[0][0] and "row 3" in reported[0][0]


def test_an_error_while_building_the_window_is_reported_and_exits_1(qtbot, mini_model, monkeypatch):
    # Left unhandled in the loaded-slot, it kept the window at "Building the charts..."
    def broken(*_args):
        raise KeyError("the views' layout")

    reported = []
    monkeypatch.setattr(startup, "load_engine", lambda: (mini_model, None, []))
    monkeypatch.setattr(startup, "start_document", broken)
    monkeypatch.setattr(
        startup, "report_problems", lambda problems, title, interactive: reported.append(problems)
    )
    assert app_module.run_gui(None) == 1
    assert len(reported) == 1 and "KeyError" in reported[0][0]


def test_the_shell_says_which_start_up_step_runs_in_the_current_language(qtbot):
    set_language("en")
    win = MainWindow(None, None)
    qtbot.addWidget(win)
    assert win.model_label.text() == "Loading the model…"
    # A bar of steps, not an animated one: a 60 Hz animation would compete with the loading
    # thread for the interpreter.
    assert win.busy.maximum() > 0
    loading = win.busy.value()
    win.show_startup_step("building")
    assert win.model_label.text() == "Building the charts…"
    assert loading < win.busy.value() < win.busy.maximum()
    assert win.centralWidget().text() == "Building the charts…"
    set_language("es")
    try:
        win.retranslate_ui()
        assert win.model_label.text() == "Construyendo los gráficos…"
    finally:
        set_language("en")


def test_the_app_window_stays_live_while_the_model_loads_then_shows_results(
    qtbot, mini_model, monkeypatch
):
    from planner.model.engine import evaluate

    app = QApplication.instance()
    gate = _gate_opened_by_the_event_loop(delay_ms=200)
    loaded_on: list[str] = []
    steps: list[str] = []

    def slow_load():
        loaded_on.append(threading.current_thread().name)
        assert gate.wait(10), "the GUI thread's timer never fired while the model loaded"
        return mini_model, evaluate, []

    monkeypatch.setattr(startup, "load_engine", slow_load)
    built_on: list[str] = []
    original_start = startup.start_document
    monkeypatch.setattr(
        startup,
        "start_document",
        lambda *args: (built_on.append(threading.current_thread().name), original_start(*args))[1],
    )
    original_step = MainWindow.show_startup_step
    monkeypatch.setattr(
        MainWindow,
        "show_startup_step",
        lambda self, step: (steps.append(step), original_step(self, step))[1],
    )
    seen = {}

    def close_once_computed() -> None:
        for widget in app.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                document = widget.document
                if document is not None and document.results is not None:
                    seen["title"] = widget.windowTitle()
                    seen["shown"] = widget.dashboard.body.isVisible()
                    widget.close()
                    return
        QTimer.singleShot(20, close_once_computed)

    QTimer.singleShot(0, close_once_computed)
    assert app_module.run_gui(None) == 0
    main = threading.main_thread().name
    assert len(loaded_on) == 1 and loaded_on[0] != main  # loaded off the GUI thread
    assert built_on == [main]  # the views are built on it
    assert gate.is_set()
    assert steps == ["building"]
    assert seen.get("shown") is True


def test_closing_the_window_while_the_model_loads_ends_the_app_cleanly(
    qtbot, mini_model, monkeypatch
):
    app = QApplication.instance()
    loading, closed = threading.Event(), threading.Event()
    finished_loading = []

    def slow_load():
        loading.set()
        closed.wait(10)  # the window closes first
        time.sleep(0.3)  # and the load goes on a while after that
        finished_loading.append(True)
        return mini_model, None, []

    def close_the_shell() -> None:
        for widget in app.topLevelWidgets():
            if loading.is_set() and isinstance(widget, MainWindow) and widget.isVisible():
                assert widget.document is None  # still loading
                widget.close()
                closed.set()
                return
        QTimer.singleShot(10, close_the_shell)

    monkeypatch.setattr(startup, "load_engine", slow_load)
    built = []
    monkeypatch.setattr(startup, "start_document", lambda *args: built.append(args))
    QTimer.singleShot(0, close_the_shell)
    assert app_module.run_gui(None) == 0
    assert finished_loading == [True]  # run_gui waited for the load to end
    qtbot.wait(50)  # the load's late delivery, if any, arrives now
    assert not built
