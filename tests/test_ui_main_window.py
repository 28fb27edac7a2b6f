"""The main window: language switching, drag-and-drop, closing with unsaved changes, pins,
the screenshot mode of the app."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from PySide6.QtCore import QLocale, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.model.scenario import save_scenario
from planner.ui import app as app_module
from planner.ui import startup
from planner.ui.i18n import current_language, set_language
from planner.ui.settings import open_settings
from planner.ui.translations_build import build_translations


@pytest.fixture(scope="module", autouse=True)
def compiled_translations():
    build_translations()


def test_switching_language_changes_visible_labels_and_number_format(window):
    panel = window.lever_panel
    assert panel.groups["policy"].title() == "Policy recommendations"
    assert window.file_menu.title() == "&File"

    window.language_combo.setCurrentIndex(window.language_combo.findData("es"))
    assert current_language() == "es"
    assert panel.groups["policy"].title() == "Recomendaciones de política"
    assert panel.groups["alignment"].title() == "Alineamientos con socios"
    assert window.file_menu.title() == "&Archivo"
    assert window.lever_dock.windowTitle() == "Palancas"
    assert panel.row("vocational_ppp").badge.text() == "no verificado (artículo)"
    # labels from the model database follow too (the mini seeds mark them "(es)")
    assert panel.row("tmfc_corridor").controls["intensity"].parent() is not None
    assert "(es)" in panel.row("tmfc_corridor")._param_labels["intensity"].text()
    assert open_settings().value("language") == "es"

    window.language_actions["fr"].trigger()
    assert panel.groups["shock"].title() == "Chocs et issue de l'examen"
    assert panel.groups["alignment"].title() == "Alignements avec les partenaires"
    assert window.language_combo.currentData() == "fr"
    assert QLocale().decimalPoint() == ","
    assert panel.row("tmfc_corridor").cost.text() == "Coût : 2\u00a0800 M$ US"

    window.switch_language("en")
    assert panel.groups["policy"].title() == "Policy recommendations"
    assert panel.row("tmfc_corridor").cost.text() == "Cost: USD 2,800 m"


def test_set_language_reports_a_missing_translation(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr("planner.ui.i18n.translations_dir", lambda: tmp_path)
    assert set_language("es") is False
    assert current_language() == "en"


def _drop(window, path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    actions = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(200, 200), actions, mime, buttons, mods)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(200, 200), actions, mime, buttons, mods)
    QApplication.sendEvent(window, drop)
    return drop.isAccepted()


def test_dropping_a_scenario_file_opens_it(window, document, tmp_path):
    dropped = document.baseline().replace(name="Dropped").set_alignment("eu", "deepen")
    path = tmp_path / "dropped.usmca.json"
    save_scenario(dropped, path)
    other = tmp_path / "notes.txt"
    other.write_text("not a scenario", encoding="utf-8")

    assert not _drop(window, other)
    assert document.path is None

    assert _drop(window, path)
    assert document.path == path and document.scenario == dropped
    assert window.lever_panel.row("eu", "alignment").combo.currentData() == "deepen"
    assert window.windowTitle() == "Dropped — dropped.usmca.json[*]"


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(
    qtbot, window, document, dialogs_seen
):
    window.lever_panel.row("e_customs").switch.click()
    dialogs_seen.answer = QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert window.isVisible()
    assert dialogs_seen.seen[-1][0] == "Unsaved changes"

    dialogs_seen.answer = QMessageBox.StandardButton.Discard
    assert window.close()


def test_pinning_needs_results_and_ctrl_1_is_pin_a(window, document):
    pin_a = window.pin_actions["A"]
    assert pin_a.shortcut().toString() == "Ctrl+1"
    pin_a.trigger()  # no engine in these tests: nothing to pin
    assert not pin_a.isChecked() and document.pinned == {}
    assert window.dashboard.message.text() == "The trade model is not available in this build."
    assert not window.dashboard.body.isVisible()  # no numbers without results


def test_standard_shortcuts_are_bound(window):
    assert window.open_action.shortcut().toString() == "Ctrl+O"
    assert window.save_action.shortcut().toString() == "Ctrl+S"
    assert window.save_as_action.shortcut().toString() == "Ctrl+Shift+S"
    assert window.new_action.shortcut().toString() == "Ctrl+N"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [k.toString() for k in window.redo_action.shortcuts()]
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.find_action.shortcut().toString() == "Ctrl+F"


def test_undo_action_names_the_edit_and_follows_the_stack(window, document):
    assert not window.undo_action.isEnabled()
    window.lever_panel.row("e_customs").switch.click()
    assert window.undo_action.isEnabled()
    label = window.lever_panel.row("e_customs").title.text()
    assert window.undo_action.toolTip() == f"Undo: Switch on {label} (Ctrl+Z)"
    window.undo_action.trigger()
    assert not document.scenario.levers.get("e_customs")
    assert window.redo_action.isEnabled()


def test_screenshot_mode_renders_the_window_to_a_png(qtbot, mini_model, tmp_path, monkeypatch):
    monkeypatch.setattr(startup, "load_engine", lambda: (mini_model, None, []))
    scenario = tmp_path / "shot.usmca.json"
    save_scenario(
        app_module_baseline(mini_model).set_lever("tmfc_corridor", enabled=True), scenario
    )
    shot = tmp_path / "shot.png"

    assert app_module.run_gui(str(scenario), screenshot=str(shot)) == 0

    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1600, 1000)


def test_a_new_window_computes_the_baseline_at_start(qtbot, mini_model, tmp_path, monkeypatch):
    seen = []

    def evaluate(model, scenario, **_kwargs):
        seen.append(scenario)
        raise RuntimeError("recorded")  # the dashboard then shows why nothing is drawn

    monkeypatch.setattr(startup, "load_engine", lambda: (mini_model, evaluate, []))
    # The recording evaluate fails on purpose, and a screenshot of a failed compute exits 1.
    assert app_module.run_gui(None, screenshot=str(tmp_path / "new.png")) == 1
    assert seen and seen[0] == app_module_baseline(mini_model)


def test_screenshot_of_a_bad_scenario_exits_2(qtbot, mini_model, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(startup, "load_engine", lambda: (mini_model, None, []))
    bad = tmp_path / "bad.usmca.json"
    bad.write_text("{}", encoding="utf-8")
    assert app_module.run_gui(str(bad), screenshot=str(tmp_path / "x.png")) == 2
    assert "format" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def app_module_baseline(model):
    from planner.model.scenario import Scenario

    return Scenario.baseline(model.catalog, model.version, model.fingerprint)


def test_the_shell_paints_first_then_finishes_with_the_document(qtbot, document):
    """The app's cold start: a light window paints at once ("Loading the model…", actions
    off), and the lever panel, charts and KPI cards come after that first paint."""
    from planner.ui.main_window import MainWindow

    set_language("en")
    win = MainWindow(None, None)
    qtbot.addWidget(win)
    assert win.model_label.text() == "Loading the model…"
    assert not win.save_action.isEnabled() and not win.lens_combo.isEnabled()
    assert win.language_actions["es"].isEnabled()
    started: list[float] = []
    finished = []

    def finish() -> None:
        started.append(time.perf_counter())
        finished.append(win.finish_startup(document))

    win.call_after_first_paint(finish)
    assert not finished
    shown = time.perf_counter()
    win.show()
    # Building the panels may take long on a busy machine; what must be quick is the start:
    # triggered by the first paint, not by the 2 s fallback.
    qtbot.waitUntil(lambda: bool(finished), timeout=15_000)
    assert started[0] - shown < 1.5
    assert win.centralWidget() is win.dashboard
    assert win.lever_dock.widget() is win.lever_panel and win.lever_panel.rows
    assert win.kpi_dock.widget() is win.kpi_area
    assert win.lens_combo.count() == len(document.catalog.lenses)
    assert win.save_action.isEnabled() and not win.compare_action.isEnabled()
    assert win.model_label.text().startswith("Model ")


def test_file_open_requests_wait_for_the_window_then_open_at_once():
    opened: list[str] = []
    router = app_module.FileOpenRouter()
    router.offer("/a.usmca.json")
    router.offer("/b.usmca.json")
    assert not opened and router.pending == ["/a.usmca.json", "/b.usmca.json"]
    router.deliver_to(opened.append)
    assert opened == ["/b.usmca.json"] and not router.pending  # the latest request wins
    router.offer("/c.usmca.json")
    assert opened == ["/b.usmca.json", "/c.usmca.json"]
    router.detach()
    router.offer("/d.usmca.json")
    assert router.pending == ["/d.usmca.json"]


def test_the_app_object_routes_a_finder_file_open_event(tmp_path):
    """macOS sends a double-clicked file to the application object as a QFileOpenEvent.
    A process of its own: the test session already has its QApplication."""
    script = """
import sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent
from planner.ui.app import PlannerApplication
app = PlannerApplication(sys.argv[:1])
QCoreApplication.sendEvent(app, QFileOpenEvent(sys.argv[1]))
print(app.files.pending)
"""
    target = str(tmp_path / "x.usmca.json")
    done = subprocess.run(
        [sys.executable, "-c", script, target], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == repr([target])
