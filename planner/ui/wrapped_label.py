"""WrappedLabel: a word-wrapped QLabel that remembers its height for each width."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget


class WrappedLabel(QLabel):
    """A word-wrapped QLabel that remembers its height for each width until its text, font,
    style or text interaction changes.

    A card's layout asks every word-wrapped label for its height twice per relayout (its own
    height for the column's width, then placing the labels), and QLabel lays the whole text
    out anew each time; on a toggle most of a card's sentences (title, unit, meaning) are
    unchanged, and the rest alternate between a few texts.  The heights are QLabel's own.
    """

    MAX_HEIGHTS = 64  # remembered (text, width, ...) heights before starting afresh

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._heights: dict[tuple[Any, ...], int] = {}

    def setTextInteractionFlags(self, flags: Qt.TextInteractionFlag) -> None:  # Qt override
        self._heights.clear()  # a selectable label lays its text out through a document
        super().setTextInteractionFlags(flags)

    def heightForWidth(self, width: int) -> int:  # Qt override
        # The text itself is in the key (not reset in a setText override): clear() and
        # setNum change it too.
        key = (width, self.text(), self.logicalDpiY())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) >= self.MAX_HEIGHTS:
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        self._heights.clear()  # a new font, style, palette, language...: measure afresh
        super().changeEvent(event)

    def setMinimumHeight(self, height: int) -> None:  # Qt override
        self._heights.clear()  # QLabel's heightForWidth is never below the minimum height
        super().setMinimumHeight(height)
