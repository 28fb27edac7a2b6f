"""The main window's scenario files: open (Ctrl+O, drag and drop, the recent menu), save
(Ctrl+S), save as, new, and the unsaved-changes prompt before any of them replaces the document.

A mixin of ``MainWindow`` (planner/ui/main_window.py), which provides ``document`` and
``recent_menu``; kept apart so each file stays one room.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from planner.paths import SCENARIO_SUFFIX
from planner.ui import dialogs
from planner.ui.i18n import translate

if TYPE_CHECKING:
    from planner.ui.controller import ScenarioDocument


class ScenarioFiles:
    """Open, save and drop scenario files; ask before unsaved changes are lost."""

    document: ScenarioDocument
    recent_menu: QMenu

    def maybe_save(self) -> bool:
        """True when it is fine to replace or close the document (saved, discarded)."""
        if self.document is None or not self.document.is_dirty:
            return True
        answer = dialogs.ask_save_changes(self, self.document.scenario.name)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_scenario(self) -> None:
        if self.maybe_save():
            self.document.new_scenario()

    def open_file(self, path: str | Path) -> bool:
        if self.document is None or not self.maybe_save():
            return False
        return self.document.open(path)

    def _start_folder(self) -> str:
        if self.document.path is not None:
            return str(self.document.path.parent)
        recent = self.document.recent()
        return str(recent[0].parent) if recent else str(Path.home())

    def _scenario_filter(self) -> str:
        return translate("MainWindow", "Scenarios (*.usmca.json);;All files (*)")

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("MainWindow", "Open scenario"), self._start_folder(),
            self._scenario_filter(),
        )  # fmt: skip
        if path:
            self.open_file(path)

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.document.save()

    def save_as(self) -> bool:
        suggested = Path(self._start_folder()) / (
            "".join(c if c.isalnum() or c in "-_ " else "_" for c in self.document.scenario.name)
            .strip()
            .replace(" ", "_")
            + SCENARIO_SUFFIX
        )
        path, _ = QFileDialog.getSaveFileName(
            self, translate("MainWindow", "Save scenario as"), str(suggested),
            self._scenario_filter(),
        )  # fmt: skip
        return bool(path) and self.document.save_as(path)

    def _fill_recent_menu(self, paths: list[Path]) -> None:
        self.recent_menu.clear()
        for path in paths:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _on=False, path=path: self.open_file(path))
        self.recent_menu.setEnabled(bool(paths))

    @staticmethod
    def _dropped_scenario(urls: list[QUrl]) -> Path | None:
        for url in urls:
            if url.isLocalFile() and url.toLocalFile().endswith((SCENARIO_SUFFIX, ".json")):
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() and self._dropped_scenario(mime.urls()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_scenario(event.mimeData().urls())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_file(path)
