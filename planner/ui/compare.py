"""Side-by-side comparison of the pinned scenarios A/B/C (and the current one) on the KPIs."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.ui.kpi_numbers import change_text, decimals_for, value_text
from planner.ui.kpi_wording import delta_colour, stakeholder_verdict, unit_text, verdict_text

# The widest scenario column header, in average characters: a scenario's name can be a
# sentence ("Replay: a three-week Bajío flood"); the header view elides it when it draws it
# (the item keeps the whole name, which a screen reader reads), its tooltip has it all.
HEADER_CHARS = 22  # of a header before the view elides it (its tooltip has it all)
# The indicator column: wide enough for its longest name on two lines, up to this many px.
# Squeezed into what the number columns left, "US welfare change since 2024" and its Mexico
# and Canada twins all read "Variation du bien-être ..." in French.
INDICATOR_MAX_PX = 300
DEFAULT_SIZE = (1180, 480)  # the current scenario and two pinned ones, on a 1366 px screen


def _tr(text: str) -> str:
    return QCoreApplication.translate("Compare", text)


def column_title(key: str, results: Any) -> str:
    """``A: Replay: a three-week Bajío flood``: a column's key and the scenario it holds."""
    name = str(getattr(getattr(results, "scenario", None), "name", "") or "").strip()
    return _tr("{key}: {name}").format(key=key, name=name) if name else key


def change_cell_text(change: str, verdict: int) -> str:
    """A change as the table writes it: "+12.5 better" when it goes the stakeholder's way
    (``verdict`` +1, see kpi_wording.stakeholder_verdict), "-3.1 worse" against it, the bare
    number otherwise: the colour is not the only sign of it."""
    if verdict > 0:
        return _tr("{change} better").format(change=change)
    if verdict < 0:
        return _tr("{change} worse").format(change=change)
    return change


def card_numbers(value: float, base: float) -> tuple[str, str, float]:
    """A value and its change against ``base`` as its KPI card writes them (the digits follow
    the value's size; a change too small for them to its first significant digit, see
    kpi_numbers), and the change to colour by."""
    digits = decimals_for(value)
    delta = value - base
    return value_text(value, digits), change_text(delta, digits), delta


def compare_frame(
    model: Any,
    columns: Mapping[str, Any],
    lens: str | None,
    year: int,
    language: str = "en",
) -> pd.DataFrame:
    """One row per KPI (of ``lens``, or all when None): label, unit, better, baseline, and per
    named Results in ``columns`` its value and change against the baseline at ``year``."""
    kpis = model.kpis if lens is None else model.kpis[model.kpis["lens"] == lens]
    label_col = f"label_{language}" if f"label_{language}" in kpis else "label_en"
    frame = pd.DataFrame(
        {
            "id": kpis["id"].to_numpy(),
            "lens": kpis["lens"].to_numpy(),
            "label": kpis[label_col].to_numpy(),
            "unit": kpis["unit"].to_numpy(),
            "better": kpis["better"].to_numpy(),
        }
    )
    first = next(iter(columns.values()))
    y = first.year_index(int(year))
    frame["baseline"] = [float(np.asarray(first.kpi_base[k])[y]) for k in frame["id"]]
    for name, results in columns.items():
        values = np.array([float(np.asarray(results.kpi[k])[y]) for k in frame["id"]])
        frame[name] = values
        frame[f"{name}_delta"] = values - frame["baseline"].to_numpy()
    return frame


class CompareDialog(QDialog):
    """A table of KPIs: baseline, the current scenario and each pinned scenario, with deltas."""

    def __init__(
        self,
        model: Any,
        current: Any,
        pinned: Mapping[str, Any],
        lens: str | None = None,
        year: int | None = None,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.model = model
        self.language = language
        self.columns: dict[str, Any] = {}
        if current is not None:
            self.columns[_tr("Current")] = current
        self.columns.update({k: v for k, v in sorted(pinned.items()) if v is not None})
        first = next(iter(self.columns.values()), None)
        self.lens = lens or (None if first is None else str(first.scenario.lens))
        self.setWindowTitle(_tr("Compare pinned scenarios"))
        self.year_box = QComboBox(self)
        for y in model.years:
            self.year_box.addItem(str(int(y)), int(y))
        self.year_box.setCurrentIndex(
            self.year_box.findData(int(year if year is not None else model.years[-1]))
        )
        self.year_label = QLabel(_tr("&Year:"), self)
        self.year_label.setBuddy(self.year_box)
        self.all_lenses = QCheckBox(_tr("&All lenses"), self)
        self.table = QTableWidget(self)
        self.table.setAccessibleName(_tr("Key numbers of the compared scenarios"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # Tab leaves the table for the buttons (the arrow keys move between its cells).
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)  # row numbers mean nothing here
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(_tr("&Close"))  # Qt's own "Close" has no mnemonic
        self.export_button = buttons.addButton(
            _tr("&Export CSV…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self._export_clicked)
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year_box)
        top.addStretch(1)
        top.addWidget(self.all_lenses)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        # After the table, the buttons in the order they stand (Export left of Close).
        QWidget.setTabOrder(self.table, self.export_button)
        QWidget.setTabOrder(self.export_button, self.close_button)
        self.year_box.currentIndexChanged.connect(self.refresh)
        self.all_lenses.toggled.connect(self.refresh)
        self.resize(*DEFAULT_SIZE)
        self.refresh()

    def frame(self) -> pd.DataFrame:
        lens = None if self.all_lenses.isChecked() else self.lens
        return compare_frame(
            self.model, self.columns, lens, self.year_box.currentData(), self.language
        )

    def refresh(self) -> None:
        if not self.columns:
            self.table.setRowCount(0)
            self.note.setText(_tr("Pin a scenario as A, B or C to compare it here."))
            return
        frame = self.frame()
        names = list(self.columns)
        headers = [_tr("Indicator"), _tr("Unit"), _tr("Baseline")]
        for name in names:
            headers += [
                column_title(name, self.columns[name]),
                _tr("{name}: change").format(name=name),
            ]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self._set_headers(headers)
        self.table.setRowCount(len(frame))
        palette = self.palette()
        for r, row in enumerate(frame.itertuples(index=False)):
            row_map = row._asdict()
            # The baseline as the first column's card writes it ("+12.5 vs baseline (6.6)").
            digits = decimals_for(frame.at[r, names[0]])
            cells = [
                row_map["label"],
                unit_text(str(row_map["unit"])),
                value_text(row_map["baseline"], digits),
            ]
            colours: list[QColor | None] = [None, None, None]
            spoken: list[str | None] = [None, None, None]  # a screen reader's text, if other
            for name in names:
                value, change, delta = card_numbers(frame.at[r, name], row_map["baseline"])
                verdict = stakeholder_verdict(delta, str(row_map["better"]))
                shown = change_cell_text(change, verdict)
                cells += [value, shown]
                colours += [None, delta_colour(delta, row_map["better"], palette)]
                # "+12.5 better. Good news for US manufacturers.", as the KPI card says it.
                sentence = verdict_text(row_map, delta)
                spoken += [None, f"{shown}. {sentence}" if sentence else None]
            for c, (text, colour, speech) in enumerate(zip(cells, colours, spoken, strict=True)):
                item = QTableWidgetItem(str(text))
                if c == 0:
                    item.setToolTip(str(text))
                if c >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if colour is not None:
                    item.setForeground(QBrush(colour))
                if speech is not None:
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, speech)
                self.table.setItem(r, c, item)
        self._size_columns(len(headers))
        self.note.setText(
            _tr("Changes are against the baseline (current policy) in {year}.").format(
                year=self.year_box.currentData()
            )
        )

    def _set_headers(self, headers: list[str]) -> None:
        """Column headers with their full texts (a screen reader reads the item's), each also
        as tooltip; the header view elides a long one when it draws it (see _size_columns)."""
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        for c, text in enumerate(headers):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setHorizontalHeaderItem(c, item)

    def _size_columns(self, count: int) -> None:
        """The indicator column holds its longest name on two lines (up to INDICATOR_MAX_PX;
        rows grow for a longer one); the others fit their cells, and their headers up to
        HEADER_CHARS (the view elides the rest); the last takes any room left; the user can
        widen any of them."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        labels = [self.table.item(r, 0).text() for r in range(self.table.rowCount())]
        cell = self.table.fontMetrics()
        longest = max((cell.horizontalAdvance(t) for t in labels), default=0)
        margin = self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin)
        # Half the longest name, plus a few characters for where its words break.
        two_lines = longest // 2 + 2 * margin + 8 + 4 * cell.averageCharWidth()
        header.resizeSection(0, min(two_lines, INDICATOR_MAX_PX))
        metrics = header.fontMetrics()
        widest = HEADER_CHARS * metrics.averageCharWidth()
        # A section's size hint is its whole text's with the margins, measured in bold when
        # the header highlights the selected sections (a bold text must fit too).
        hint_font = QFont(header.font())
        hint_font.setBold(header.highlightSections())
        hint_metrics = QFontMetrics(hint_font)
        for c in range(1, count):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
            text = self.table.horizontalHeaderItem(c).text()
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, widest)
            hint = header.sectionSizeHint(c) - (
                hint_metrics.horizontalAdvance(text) - hint_metrics.horizontalAdvance(shown)
            )
            width = max(self.table.sizeHintForColumn(c), hint)
            header.resizeSection(c, width)
        self.table.setWordWrap(True)
        self.table.resizeRowsToContents()  # a name longer than two lines still shows whole

    def export_csv(self, path: str | Path) -> Path:
        self.frame().to_csv(path, index=False)
        return Path(path)

    def _export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, _tr("Export comparison"), "comparison.csv", _tr("CSV table (*.csv)")
        )
        if path:
            self.export_csv(path)
