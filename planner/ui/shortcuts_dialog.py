"""Help › Keyboard shortcuts: every key the window answers to, in one table.

The window's part is read from its own actions (their shortcuts as this platform writes
them), so the table cannot drift from the keys that work; the keys a focused chart takes
(stepping through its values, its export menu) belong to no action and are listed here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.ui.i18n import translate

CONTEXT = "ShortcutsDialog"

# (keys, what they do) while a chart has the focus (click it, or Tab to it): ChartView's.
CHART_KEYS = (
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Left, Right, Home, End"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Read the chart's values one by one"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Up, Down"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Move between bars, tiles or timeline lanes"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Esc"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Clear the chart's read-out"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Shift+F10, Menu"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Export the chart as PNG, SVG or CSV"),
    ),
)


def _keys(action: QAction) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(k.toString(native) for k in action.shortcuts() if not k.isEmpty())


def window_rows(window: Any) -> list[tuple[str, str]]:
    """(what, keys) for each of the window's actions that has a shortcut, in menu order;
    a pin is named for what it does ("Pin the current results as A"), not by its letter."""
    pins = {id(action): label for label, action in getattr(window, "pin_actions", {}).items()}
    rows = []
    for action in window.actions():
        keys = _keys(action)
        if not keys:
            continue
        label = pins.get(id(action))
        what = (
            translate("MainWindow", "Pin the current results as {label}").format(label=label)
            if label is not None
            else action.iconText()  # the text without its & and …: "Undo", not "Undo Lens: …"
        )
        rows.append((what, keys))
    return rows


def chart_rows() -> list[tuple[str, str]]:
    """(what, keys) for the keys of a focused chart, in the window's language."""
    return [(translate(CONTEXT, what), translate(CONTEXT, keys)) for keys, what in CHART_KEYS]


class ShortcutsDialog(QDialog):
    """A read-only table: what, and the keys that do it; the window's, then a chart's."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate(CONTEXT, "Keyboard shortcuts"))
        window_part, chart_part = window_rows(window), chart_rows()
        self.table = QTableWidget(len(window_part) + 1 + len(chart_part), 2, self)
        self.table.setHorizontalHeaderLabels(
            [translate(CONTEXT, "Action"), translate(CONTEXT, "Keys")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the Close button
        self.table.setAccessibleName(translate(CONTEXT, "Keyboard shortcuts"))
        for i, (what, keys) in enumerate(window_part):
            self._put(i, what, keys)
        heading = QTableWidgetItem(translate(CONTEXT, "In a chart (click it or Tab to it):"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.table.setItem(len(window_part), 0, heading)
        self.table.setSpan(len(window_part), 0, 1, 2)
        for i, (what, keys) in enumerate(chart_part, start=len(window_part) + 1):
            self._put(i, what, keys)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        # Rows one line high (the style's default is roomier), and the dialog tall enough
        # to show them all without scrolling on any screen the window fits on.
        line = self.table.fontMetrics().lineSpacing() + 8
        self.table.verticalHeader().setDefaultSectionSize(line)
        self.table.setWordWrap(False)
        self.table.resizeColumnToContents(1)
        width = self.table.sizeHintForColumn(0) + self.table.columnWidth(1) + 60
        height = line * self.table.rowCount() + self.table.horizontalHeader().sizeHint().height()
        self.resize(max(width, 480), min(height + buttons.sizeHint().height() + 48, 760))

    def _put(self, row: int, what: str, keys: str) -> None:
        self.table.setItem(row, 0, QTableWidgetItem(what))
        item = QTableWidgetItem(keys)
        item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, 1, item)

    def rows(self) -> list[tuple[str, str]]:
        """The table as shown: (what, keys) per row, the chart heading as (heading, "")."""
        out = []
        for i in range(self.table.rowCount()):
            keys = self.table.item(i, 1)
            out.append((self.table.item(i, 0).text(), keys.text() if keys else ""))
        return out
