"""The window's message boxes and small dialogs: file problems, unsaved changes, sources,
about and recovery."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner import __version__
from planner.ui.i18n import translate

if TYPE_CHECKING:
    import pandas as pd

MAX_LISTED_PROBLEMS = 12


def show_problems(parent: QWidget, path: str, problems: list[str], warning: bool = False) -> None:
    """List a file's problems (the first dozen inline, all under "Show Details")."""
    if warning:
        title = translate("Dialogs", "Opened with warnings")
        text = translate("Dialogs", "{file} was opened, but note:").format(file=Path(path).name)
    else:
        title = translate("Dialogs", "Cannot open scenario")
        text = translate("Dialogs", "{file} was not opened; the current scenario is unchanged.")
        text = text.format(file=Path(path).name)
    box = QMessageBox(
        QMessageBox.Icon.Information if warning else QMessageBox.Icon.Warning,
        title,
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    shown = problems[:MAX_LISTED_PROBLEMS]
    listing = "\n".join(f"• {p}" for p in shown)
    if len(problems) > len(shown):
        more = translate("Dialogs", "… and {n} more").format(n=len(problems) - len(shown))
        listing += f"\n{more}"
    box.setInformativeText(listing)
    box.setDetailedText("\n".join(problems))
    box.exec()


def ask_save_changes(parent: QWidget, name: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel for a scenario with unsaved changes."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("Dialogs", "Unsaved changes"),
        translate("Dialogs", "Save the changes to “{name}”?").format(name=name),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    return QMessageBox.StandardButton(box.exec())


def ask_recover(parent: QWidget | None, saved_at: float, original: Path | None) -> bool:
    """Offer the autosave a crashed session left behind."""
    when = dt.datetime.fromtimestamp(saved_at).strftime("%Y-%m-%d %H:%M")
    text = translate("Dialogs", "The planner did not close properly last time.")
    if original is not None:
        detail = translate("Dialogs", "Recover the unsaved changes to {file} from {when}?")
        detail = detail.format(file=original.name, when=when)
    else:
        detail = translate("Dialogs", "Recover the unsaved scenario from {when}?").format(when=when)
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("Dialogs", "Recover unsaved work"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setInformativeText(detail)
    return box.exec() == QMessageBox.StandardButton.Yes


def show_about(parent: QWidget, model: Any) -> None:
    version = getattr(model, "version", "—")
    text = translate(
        "Dialogs",
        "<h3>USMCA Scenario Planner {app}</h3><p>Policy levers, partner alignments and shocks "
        "for the 2026 USMCA joint review, on a cited partial-equilibrium trade model.</p>"
        "<p>Model version {model}. Every number traces to a source: see Help ▸ Sources.</p>",
    ).format(app=__version__, model=version)
    QMessageBox.about(parent, translate("Dialogs", "About the planner"), text)


class SourcesDialog(QDialog):
    """Every source in the model database: kind, title, publisher, year and where to find it."""

    COLUMNS = ("id", "kind", "title", "publisher", "year", "locator")

    def __init__(self, sources: pd.DataFrame | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Dialogs", "Sources"))
        self.resize(980, 560)
        layout = QVBoxLayout(self)
        headers = [
            translate("Dialogs", "Id"),
            translate("Dialogs", "Kind"),
            translate("Dialogs", "Title"),
            translate("Dialogs", "Publisher"),
            translate("Dialogs", "Year"),
            translate("Dialogs", "Where"),
        ]
        # pandas only here: this module is imported before the window's first paint, and
        # pandas alone costs about a second of the cold start.
        import pandas as pd

        rows = sources if sources is not None else pd.DataFrame(columns=self.COLUMNS)
        self.table = QTableWidget(len(rows), len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(False)
        for i, record in enumerate(rows.itertuples(index=False)):
            for j, column in enumerate(self.COLUMNS):
                value = getattr(record, column, "")
                text = (
                    ""
                    if value is None or (not isinstance(value, str) and pd.isna(value))
                    else value
                )
                item = QTableWidgetItem(str(text))
                if column == "kind" and text == "article":
                    item.setToolTip(translate("LeverInfo", "unverified (article)"))
                self.table.setItem(i, j, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(2, 360)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
