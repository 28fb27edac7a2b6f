"""What the main window does with results: export (Ctrl+E), the PDF brief (Ctrl+P) and the
comparison of pinned scenarios (Ctrl+K).

A mixin of ``MainWindow`` (planner/ui/main_window.py), which provides ``document``,
``dashboard``, ``_start_folder`` and ``_show_error``; kept apart so each file stays one room.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from planner.errors import InputError
from planner.ui.i18n import current_language, translate

# export_dialog, compare and report (pandas, pyqtgraph) are imported on first use: this module
# is imported before the main window's first paint, and they would add seconds to the cold
# start.  They stay attributes of this module (PEP 562 ``__getattr__``), so tests can patch them.
if TYPE_CHECKING:
    from planner.ui.compare import CompareDialog

_LAZY = {
    "export_ui": ("planner.ui.export_dialog", None),
    "CompareDialog": ("planner.ui.compare", "CompareDialog"),
    "write_report": ("planner.ui.report", "write_report"),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module_name, attr = _LAZY[name]
    value = importlib.import_module(module_name)
    if attr is not None:
        value = getattr(value, attr)
    globals()[name] = value
    return value


def _lazy() -> Any:
    """This module, for the lazily imported names above (a bare name would not load them)."""
    return sys.modules[__name__]


class ResultOutputs:
    """Export, PDF brief and comparison actions of the main window (a mixin)."""

    def _shown_year(self, results: Any) -> int:
        """The dashboard's year, kept inside the years ``results`` covers."""
        years = [int(y) for y in results.years]
        return min(max(self.dashboard.year, years[0]), years[-1])

    def _results_or_say(self) -> Any:
        """The current results, or None after saying in the status bar that there are none."""
        if self.document.results is None:
            self.statusBar().showMessage(
                translate("MainWindow", "Nothing to export: no results yet."), 5000
            )
        return self.document.results

    def _write_safely(self, write: Any) -> Path | None:
        """Run ``write()`` (it returns the file written) with a busy cursor; a failure is
        shown in a message box, never raised."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = Path(write())
        except (OSError, InputError, ValueError) as exc:
            QApplication.restoreOverrideCursor()
            self._show_error(
                translate("MainWindow", "Cannot export"),
                translate("MainWindow", "The results were not exported."),
                str(exc),
            )
            return None
        QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(
            translate("MainWindow", "Exported to {file}").format(file=written.name), 5000
        )
        return written

    def export_dialog(self) -> Path | None:
        """Ask for a file and write the PDF brief, XLSX, CSV or JSON by its type (Ctrl+E)."""
        results = self._results_or_say()
        if results is None:
            return None
        path = _lazy().export_ui.ask_export_path(self, results, self._start_folder())
        if path is None:
            return None
        return self._write_safely(
            lambda: _lazy().export_ui.write_export(
                path,
                self.document.model,
                results,
                dict(self.document.pinned),
                year=self._shown_year(results),
                language=current_language(),
                show_bands=self.document.bands_enabled,
            )
        )

    def export_pdf_brief(self) -> Path | None:
        """Ask for a file name and write the PDF brief of the current results (Ctrl+P)."""
        results = self._results_or_say()
        if results is None:
            return None
        suggested = Path(self._start_folder()) / (_lazy().export_ui.file_stem(results) + ".pdf")
        chosen, _ = QFileDialog.getSaveFileName(
            self, translate("MainWindow", "Save the PDF brief"), str(suggested),
            translate("MainWindow", "PDF brief (*.pdf)"),
        )  # fmt: skip
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")

        def write() -> Path:
            _lazy().write_report(
                path,
                self.document.model,
                results,
                dict(self.document.pinned),
                year=self._shown_year(results),
                language=current_language(),
                show_bands=self.document.bands_enabled,
            )
            return path

        return self._write_safely(write)

    def compare_pinned(self) -> CompareDialog | None:
        """Show the pinned scenarios beside the current one, KPI by KPI (Ctrl+K)."""
        if not self.document.pinned:
            self.statusBar().showMessage(
                translate("MainWindow", "Pin a scenario as A, B or C first (Ctrl+1…3)."), 5000
            )
            return None
        results = self.document.results
        dialog = _lazy().CompareDialog(
            self.document.model,
            results,
            dict(self.document.pinned),
            lens=str(self.document.scenario.lens),
            year=self._shown_year(results or next(iter(self.document.pinned.values()))),
            language=current_language(),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
