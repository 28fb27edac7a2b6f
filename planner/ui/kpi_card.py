"""KpiCard: one KPI of the lens: label, value in the locale's format, change against the
baseline coloured by whether higher or lower is better, the p10-p90 band, and what it means
(the words come from kpi_wording)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QEnterEvent, QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from planner.ui.kpi_numbers import change_text, decimals_for, side_of_band, value_text
from planner.ui.kpi_wording import (
    change_sentence,
    delta_colour,
    outside_band_note,
    threat_sentence,
    unit_text,
)
from planner.ui.wrapped_label import WrappedLabel


def _tr(text: str) -> str:
    return QCoreApplication.translate("KpiCards", text)


# What a value below zero means, for the KPIs whose meaning text (in the model) assumes a
# positive one.
_BELOW_ZERO = {
    "mx_leverage_ratio": QT_TRANSLATE_NOOP(
        "KpiCards",
        "Below 0: the US would gain from the withdrawal, so the threat costs it nothing and "
        "Mexico has no leverage.",
    ),
}


class KpiCard(QFrame):
    """One KPI: label, value with unit, delta vs baseline, band and meaning."""

    def __init__(self, kpi_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kpi_id = kpi_id
        self.setObjectName(f"kpi_{kpi_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = WrappedLabel(self)
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.value = QLabel(self)
        big = QFont(self.value.font())
        big.setPointSizeF(big.pointSizeF() * 1.5)
        big.setBold(True)
        self.value.setFont(big)
        self.unit = WrappedLabel(self)
        self.delta = QLabel(self)
        self.band = QLabel(self)
        self.band_note = WrappedLabel(self)  # shown only when the value is outside the band
        self.band_note.setVisible(False)
        self.meaning = WrappedLabel(self)
        self.verdict = WrappedLabel(self)
        self.verdict.setObjectName("kpiVerdict")
        # Room it keeps for a longer sentence (hold_verdict_height) stays below the text.
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        small = QFont(self.meaning.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.meaning.setFont(small)
        self.verdict.setFont(small)
        self.band.setFont(small)
        self.band_note.setFont(small)
        # The numbers and sentences can be selected (and copied) with the mouse.  A selectable
        # label lays its text out through a QTextDocument, several times slower than a plain
        # one, and every toggle sets new texts: the labels become selectable while the pointer
        # is over the card (or while they hold a selection), and look the same either way.
        self.selectable = (
            self.value,
            self.unit,
            self.delta,
            self.band,
            self.band_note,
            self.verdict,
        )
        value_row = QHBoxLayout()
        value_row.setSpacing(6)
        value_row.addWidget(self.value, 0, Qt.AlignmentFlag.AlignBaseline)
        value_row.addWidget(self.unit, 1, Qt.AlignmentFlag.AlignBaseline)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addLayout(value_row)
        for widget in (self.delta, self.band, self.band_note, self.verdict, self.meaning):
            layout.addWidget(widget)
        # Each label fills its own background (the window colour the card shows through):
        # a new number or sentence then repaints the label only, not the card's frame and
        # the scroll area under it as well.
        for label in (*self.selectable, self.title, self.meaning):
            label.setAutoFillBackground(True)
        # What the labels show now (see show_values); None after a palette or language change.
        self._shown: tuple[Any, ...] | None = None
        # The verdict's tallest height at the card's width so far (see hold_verdict_height).
        self._verdict_held = 0

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.LanguageChange):
            self._shown = None  # the delta's colour and the translated texts follow these
            self._release_verdict_height()
        super().changeEvent(event)

    def resizeEvent(self, event: Any) -> None:  # Qt override
        if event.size().width() != event.oldSize().width():
            self._release_verdict_height()  # its lines are counted afresh at the new width
        super().resizeEvent(event)

    def hold_verdict_height(self) -> None:
        """Keep the verdict at the tallest it has been at this width (call it once the card
        is laid out: before, the label's width is not the one it is shown at).

        Its sentence changes with most toggles ("does not move", "is 0.01 points lower…"),
        and one that takes a line more or less resized the card, moved every card below it
        and repainted the whole column: on a toggle, twice the paint of the new texts alone.
        Held, the column is laid out again only when a sentence is longer than any before.
        """
        width = self.verdict.width()
        if width <= 0:
            return
        needed = self.verdict.heightForWidth(width)
        if needed > self._verdict_held:
            self._verdict_held = needed
            self.verdict.setMinimumHeight(needed)

    def _release_verdict_height(self) -> None:
        if self._verdict_held:
            self._verdict_held = 0
            self.verdict.setMinimumHeight(0)

    def enterEvent(self, event: QEnterEvent) -> None:  # Qt override
        self._set_selectable(True)
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # Qt override
        if not any(label.hasSelectedText() for label in self.selectable):
            self._set_selectable(False)
        super().leaveEvent(event)

    def _set_selectable(self, on: bool) -> None:
        flag = (
            Qt.TextInteractionFlag.TextSelectableByMouse
            if on
            else Qt.TextInteractionFlag.NoTextInteraction
        )
        for label in self.selectable:
            if label.textInteractionFlags() != flag:
                label.setTextInteractionFlags(flag)

    def show_values(
        self,
        row: Mapping[str, Any],
        value: float,
        base: float,
        band: tuple[float, float] | None,
        year: int,
        language: str,
        threat: tuple[float, float] | None = None,
    ) -> bool:
        """Fill the card from one kpis-table row and the Results numbers for ``year``;
        whether anything was set (False: the card already showed these numbers).
        ``threat``: the US's and Mexico's welfare change if USMCA preferences were withdrawn
        (USD m), for the leverage card."""
        # A lever often leaves some of the lens's KPIs where they were: their texts, colour
        # and sentences would come out the same, so they are not formatted again.
        shown = (row.get("id"), value, base, band, year, language, threat)
        if shown == self._shown:
            return False
        self._shown = shown
        label = row.get(f"label_{language}") or row.get("label_en") or self.kpi_id
        self.title.setText(f"{label} ({year})")
        digits = decimals_for(value)
        self.value.setText(value_text(value, digits))
        self.unit.setText(unit_text(str(row.get("unit") or "")))
        delta = value - base
        if np.isfinite(value):
            change = _tr("{delta} vs baseline ({base})")
        else:  # "— vs baseline (-0.07)" would read as an unknown change
            change = _tr("not defined in this scenario (baseline {base})")
        self.delta.setText(
            change.format(delta=change_text(delta, digits), base=value_text(base, digits))
        )
        # Coloured whenever the line shows a change (a tiny one reads "+0.002"), as the
        # sentence below calls it good or bad news; "0" stays in the text colour.
        colour = delta_colour(delta, str(row.get("better", "")), self.palette())
        # A palette colour, not a style sheet: re-styling a label re-polishes and re-lays it.
        if colour != self.delta.palette().color(QPalette.ColorRole.WindowText):
            palette = self.delta.palette()
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.delta.setPalette(palette)
        side = 0
        if band is None or not np.isfinite(band).any():  # no draw defines it either
            self.band.setVisible(False)
        else:
            self.band.setVisible(True)
            self.band.setText(
                _tr("p10–p90: {low} to {high}").format(
                    low=value_text(band[0], digits), high=value_text(band[1], digits)
                )
            )
            side = side_of_band(value, band, digits)
        if side:
            self.band_note.setText(outside_band_note())
        if self.band_note.isVisibleTo(self) != bool(side):
            self.band_note.setVisible(bool(side))
        self.verdict.setText(change_sentence(row, value, base, year))
        meaning = str(row.get(f"meaning_{language}") or row.get("meaning_en") or "")
        if self.kpi_id in _BELOW_ZERO and np.isfinite(value) and value < 0:
            meaning = f"{meaning} {_tr(_BELOW_ZERO[self.kpi_id])}".strip()
        if threat is not None and all(np.isfinite(threat)):
            meaning = f"{meaning} {threat_sentence(threat, year)}".strip()
        self.meaning.setText(meaning)
        self._describe(bool(side))
        return True

    def _describe(self, outside_band: bool) -> None:
        """The card as a screen reader announces it: named by its title, described by the
        value, change, band and verdict the labels already show (so in their language)."""
        value = f"{self.value.text()} {self.unit.text()}".strip()
        parts = [value, self.delta.text()]
        if self.band.isVisibleTo(self):
            parts.append(self.band.text())
        if outside_band:
            parts.append(self.band_note.text())
        parts.append(self.verdict.text())
        description = " ".join(p if p.endswith(".") else f"{p}." for p in parts if p)
        # Each sets only a string on a toggle (an accessibility event too, when a screen
        # reader is listening): not repeated when the text is unchanged.
        if self.accessibleName() != self.title.text():
            self.setAccessibleName(self.title.text())
        if self.accessibleDescription() != description:
            self.setAccessibleDescription(description)
