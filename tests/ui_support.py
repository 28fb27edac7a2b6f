"""Shared pieces of the GUI tests (imported by tests/test_ui_*.py; not a test module).

The GUI tests run on the mini model built from tests/fixtures/mini_seeds (real tables, test
numbers), so they need no engine and no full seeds.  Message boxes never block: every test
gets ``dialogs_seen``, which records each QMessageBox instead of showing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import shiboken6

os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"

from PySide6.QtWidgets import QApplication, QMessageBox

from planner.model.data import load_model
from planner.model.database_build import build_database
from planner.ui.controller import ScenarioDocument
from planner.ui.i18n import set_language
from planner.ui.main_window import MainWindow
from planner.ui.settings import open_settings

FIXTURES = Path(__file__).parent / "fixtures"

# The offscreen platform has no window manager: it warns that it cannot pass size hints,
# raise a window or grab the keyboard (popups).  That is the platform, not the app.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore(r"^This plugin does not support ")


class DialogRecorder:
    """Stands in for QMessageBox.exec: records (title, text, informative text), answers."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str, str]] = []
        self.answer = QMessageBox.StandardButton.Discard

    def exec(self, box: QMessageBox) -> int:
        self.seen.append((box.windowTitle(), box.text(), box.informativeText()))
        return int(self.answer.value)


@pytest.fixture(autouse=True)
def delete_windows_after_the_test():
    """Delete the app's top-level widgets a test leaves behind, once its fixtures are done.

    pytest-qt closes a test's widgets and calls deleteLater, but a deferred deletion waits
    for an event loop that the session never returns to: every window of every test stayed
    alive (5,000 widgets after one module), and the app's theme call re-polishes them all.
    Only the app's own classes: pyqtgraph keeps parentless widgets that its menus' actions
    own and delete themselves.
    """
    yield
    if QApplication.instance() is None:
        return
    for widget in QApplication.topLevelWidgets():
        if (
            shiboken6.isValid(widget)
            and widget.parent() is None
            and type(widget).__module__.startswith("planner.")
        ):
            shiboken6.delete(widget)


@pytest.fixture(scope="session")
def mini_model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mini_model")
    return load_model(build_database(FIXTURES / "mini_seeds", folder / "model.sqlite"))


@pytest.fixture
def dialogs_seen(monkeypatch):
    recorder = DialogRecorder()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: recorder.exec(box))
    return recorder


@pytest.fixture
def document(qtbot, mini_model, dialogs_seen):
    doc = ScenarioDocument(mini_model.catalog, model=mini_model, settings=open_settings())
    yield doc
    doc.shutdown()


@pytest.fixture
def window(qtbot, document):
    set_language("en")
    win = MainWindow(document, open_settings())
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    set_language("en")


@pytest.fixture
def language():
    """Switch the interface language (translators and locale) for one test; English again
    afterwards.  A missing translation fails the test."""
    yield lambda lang: set_language(lang) or pytest.fail(f"no {lang} translation")
    set_language("en")
