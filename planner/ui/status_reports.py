"""StatusReports: what the main window reports about computing and saving.

The status bar's compute time (a label of fixed size, so that a new time never re-lays the
window), the Monte Carlo progress, a failed computation or autosave, the message the
dashboard shows instead of charts, and the error box of a failed save.  A mixin of
MainWindow, kept apart so each file stays one room: it reads the window's ``document``,
``dashboard``, ``kpi_area`` and status-bar widgets (``compute_label``, ``progress``,
``progress_label``, made by WindowChrome).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QSize
from PySide6.QtWidgets import QMessageBox

from planner.ui.i18n import translate


class StatusReports:
    """The main window's reports on computing and saving (a mixin: no state of its own)."""

    def _update_results_message(self) -> None:
        doc = self.document
        if doc.model is None:
            text = translate("MainWindow", "The model database could not be loaded.")
        elif not doc.can_compute:
            text = translate("MainWindow", "The trade model is not available in this build.")
        elif doc.results is None:
            text = translate("MainWindow", "No results: the last computation failed.")
        else:
            text = translate("MainWindow", "The charts are not available in this build.")
        self.dashboard.set_message(text)
        self.kpi_area.set_message(text)

    def _update_compute_label(self) -> None:
        ms = self.document.last_compute_ms
        text = ""
        if ms is not None:
            value = QLocale().toString(ms, "f", 1)
            text = self._compute_text(self.document.results_recalled).format(ms=value)
        self._fit_compute_label(text)
        self.compute_label.setText(text)

    @staticmethod
    def _compute_text(recalled: bool) -> str:
        if recalled:
            # An undo, a redo or a lever switched back: shown from the session's results.
            return translate("MainWindow", "Recalled (computed in {ms} ms)")
        return translate("MainWindow", "Computed in {ms} ms")

    def _fit_compute_label(self, text: str) -> None:
        """Give the compute-time label a fixed size with room for any time up to 9999.9 ms.

        Its text changes with every recompute; a label free to follow its text would re-lay
        the status bar and, through it, the whole main window on every toggle."""
        label = self.compute_label
        widest = QLocale().toString(8888.8, "f", 1)
        metrics = label.fontMetrics()
        margins = label.contentsMargins()
        width = max(
            metrics.horizontalAdvance(text),
            *(metrics.horizontalAdvance(self._compute_text(r).format(ms=widest)) for r in (0, 1)),
        )
        width += margins.left() + margins.right() + 2
        size = QSize(width, metrics.height() + margins.top() + margins.bottom())
        if label.minimumSize() != size or label.maximumSize() != size:
            label.setFixedSize(size)  # the first time, and for a new language or font

    def _on_compute_failed(self, message: str) -> None:
        self.statusBar().showMessage(
            translate("MainWindow", "Computation failed: {message}").format(message=message),
            10_000,
        )

    def _on_monte_carlo_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.progress_label.setVisible(running)

    def _on_save_failed(self, path: str, message: str) -> None:
        self._show_error(
            translate("MainWindow", "Cannot save"),
            translate("MainWindow", "The scenario was not saved to {file}.").format(
                file=Path(path).name
            ),
            message,
        )

    def _on_autosave_failed(self, message: str) -> None:
        # Not a dialog: it would interrupt every minute while the disk stays full.
        self.statusBar().showMessage(
            translate(
                "MainWindow", "Autosave failed ({message}): save the scenario to keep your changes."
            ).format(message=message),
            30_000,
        )

    def _show_error(self, title: str, text: str, detail: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setInformativeText(detail)
        box.exec()
