"""The window's message boxes and small dialogs: file problems, unsaved changes, sources,
about and recovery."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner import __version__
from planner.ui.i18n import translate
from planner.ui.problem_texts import problems_in_language

if TYPE_CHECKING:
    import pandas as pd

MAX_LISTED_PROBLEMS = 12
# The problem list's width: QMessageBox sizes itself to at most 500 px, where a dozen long
# validation messages wrapped into one block of text.
PROBLEMS_MIN_WIDTH = 720


def problems_html(problems: list[str]) -> str:
    """The first dozen problems as a bulleted list, one problem per item, and how many more
    there are (the texts as given: ``show_problems`` translates them)."""
    shown = problems[:MAX_LISTED_PROBLEMS]
    items = "".join(f"<li>{html.escape(p, quote=False)}</li>" for p in shown)
    listing = f"<ul style='-qt-list-indent: 1; margin-left: -24px'>{items}</ul>"
    if len(problems) > len(shown):
        rest = QLocale().toString(len(problems) - len(shown))
        more = translate("Dialogs", "… and {n} more").format(n=rest)
        listing += f"<p>{html.escape(more)}</p>"
    return listing


def list_problems(box: QMessageBox, problems: list[str], parent: QWidget | None = None) -> None:
    """Show ``problems`` in ``box`` in the interface language: the first dozen as a list with
    a count of the rest, and every one, a line each, under "Show Details"."""
    problems = problems_in_language(problems)
    box.setInformativeText(problems_html(problems))
    _widen_listing(box, parent)
    box.setDetailedText("\n".join(problems))


def _widen_listing(box: QMessageBox, parent: QWidget | None) -> None:
    """Give the informative list room for a problem per line (within the screen)."""
    label = box.findChild(QLabel, "qt_msgbox_informativelabel")
    if label is None:
        return
    label.setTextFormat(Qt.TextFormat.RichText)  # the list, even if a problem looks plain
    screen = (parent or box).screen()
    room = screen.availableGeometry().width() - 120 if screen is not None else PROBLEMS_MIN_WIDTH
    label.setMinimumWidth(max(200, min(PROBLEMS_MIN_WIDTH, room)))


def show_problems(parent: QWidget, path: str, problems: list[str], warning: bool = False) -> None:
    """List a file's problems (the first dozen inline, all under "Show Details") in the
    interface language."""
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
    list_problems(box, problems, parent)
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
    """Every source in the model database: kind, title, publisher, year and where to find it,
    and under the table the selected source in full, its note included (for an assumption,
    the rationale that is its whole reason for being there).

    Columns have fixed, modest widths (the title takes the rest) and long cells are elided
    with their full text in a tooltip: sized to their longest entry, Publisher and Where
    pushed Year and Where off a wide horizontal scroll.
    """

    COLUMNS = ("id", "kind", "title", "publisher", "year", "locator")
    # Long free-text columns get fixed widths (px, at the default size); short ones fit their
    # contents up to a cap; "title" stretches over what is left.
    WIDTHS: ClassVar[dict[str, int]] = {"publisher": 210, "locator": 230}
    FIT_CAP = 150
    DEFAULT_SIZE = (1080, 600)

    def __init__(self, sources: pd.DataFrame | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Dialogs", "Sources"))
        self.resize(*self.DEFAULT_SIZE)
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
        # pandas alone costs about a second of the cold start (lever_info imports it).
        import pandas as pd

        rows = sources if sources is not None else pd.DataFrame(columns=self.COLUMNS)
        self.table = QTableWidget(len(rows), len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(False)
        self.table.setWordWrap(False)  # one line a row; elided text keeps rows even
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)  # row numbers say nothing here
        for i, record in enumerate(rows.itertuples(index=False)):
            for j, column in enumerate(self.COLUMNS):
                self.table.setItem(i, j, self._item(column, getattr(record, column, "")))
        self._size_columns()
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        # Tab leaves the table for the buttons (arrow keys move between its cells).
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(translate("Dialogs", "Sources"))
        layout.addWidget(self.table)
        self._records = {str(r["id"]): r for r in rows.to_dict(orient="records")}
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(4 * self.detail.fontMetrics().lineSpacing())
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.detail)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_detail(row))
        if self.table.rowCount():
            self.table.setCurrentCell(0, 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            translate("Dialogs", "&Close")
        )
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _item(column: str, value: Any) -> QTableWidgetItem:
        """A cell: missing values empty, kinds translated, the full text as its tooltip."""
        from planner.ui.lever_info import cell_text, source_kind_label, unverified_text

        text = cell_text(value)
        item = QTableWidgetItem(source_kind_label(text) if column == "kind" else text)
        if column == "kind" and text == "article":
            item.setToolTip(unverified_text())
        elif text:
            item.setToolTip(text)
        return item

    def _show_detail(self, row: int) -> None:
        """The source in ``row`` in full: id, kind and title, then publisher, year and where,
        then its note."""
        from planner.ui.lever_info import cell_text, source_kind_label

        item = self.table.item(row, 0) if row >= 0 else None
        record = self._records.get(item.text()) if item is not None else None
        if record is None:
            self.detail.clear()
            return
        field = {c: cell_text(record.get(c, "")) for c in (*self.COLUMNS, "note")}
        head = " · ".join(
            t for t in (field["id"], source_kind_label(field["kind"]), field["title"]) if t
        )
        where = ", ".join(t for t in (field["publisher"], field["year"], field["locator"]) if t)
        parts = [f"<b>{html.escape(head)}</b>"]
        if where:
            parts.append(html.escape(where))
        if field["note"]:
            parts.append(f"<i>{html.escape(field['note'])}</i>")
        self.detail.setText("<br>".join(parts))

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for j, column in enumerate(self.COLUMNS):
            if column in self.WIDTHS:
                self.table.setColumnWidth(j, self.WIDTHS[column])
            elif column != "title":
                self.table.resizeColumnToContents(j)
                self.table.setColumnWidth(j, min(self.table.columnWidth(j), self.FIT_CAP))
        header.setSectionResizeMode(self.COLUMNS.index("title"), QHeaderView.ResizeMode.Stretch)
