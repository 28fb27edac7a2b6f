"""ReadoutLabel: the one line under a chart where the hover and the keys read a point.

A read-out can be longer than the panel is wide (three review milestones of one date, or an
article's long clause).  A plain QLabel clipped it mid-word with no way to read the rest; a
wrapping one would grow on hover and squeeze the plot above it, re-laying the chart at every
mouse move.  This one keeps one line, elides what does not fit with "…", and carries the
whole text: ``text()`` gives it to Python callers (the screen-reader description, tests), its
tooltip shows it wrapped, and ``is_elided`` tells the panel to show that tooltip at the point.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtGui import Qt as GuiQt  # QtGui's Qt namespace holds convertFromPlainText
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QWidget


class ReadoutLabel(QLabel):
    """A one-line label that elides a long text and keeps the whole of it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(" ", parent)
        self._whole = " "
        self._elided = False
        self._tip_shown = False  # whether show_whole_at put up the tooltip now showing
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Ignored: a long read-out must never widen the panel (nor, through it, the window).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def text(self) -> str:  # the whole text, not the elided one on screen
        return self._whole

    def setText(self, text: str) -> None:  # Qt override: Python callers get the eliding
        if text == self._whole:
            return  # a toggle re-reads the same point: nothing to lay out again
        self._whole = text
        self._fit()

    def is_elided(self) -> bool:
        """Whether the line on screen is shorter than the whole text."""
        return self._elided

    def show_whole_at(self, where: QPoint, widget: QWidget) -> None:
        """Show the whole text as a tooltip at ``where`` (global) over ``widget`` when the
        line elides it; take down the one this label put up when it no longer does."""
        if self._elided:
            QToolTip.showText(where, self.toolTip(), widget)
            self._tip_shown = True
        else:
            self.hide_whole()

    def hide_whole(self) -> None:
        """Take down the tooltip ``show_whole_at`` put up (not another widget's)."""
        if self._tip_shown:
            QToolTip.hideText()
            self._tip_shown = False

    def shown_text(self) -> str:
        """The line as drawn (elided or whole)."""
        return QLabel.text(self)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = self.contentsRect().width()
        shown = self._whole
        if width > 0 and self.fontMetrics().horizontalAdvance(shown) > width:
            shown = self.fontMetrics().elidedText(shown, Qt.TextElideMode.ElideRight, width)
        self._elided = shown != self._whole
        QLabel.setText(self, shown)
        # Rich text wraps in a tooltip; plain text would be one line as wide as the screen
        # (and the default, pre, mode turns spaces into non-breaking ones).
        tip = GuiQt.convertFromPlainText(self._whole, GuiQt.WhiteSpaceMode.WhiteSpaceNormal)
        self.setToolTip(tip if self._elided else "")
