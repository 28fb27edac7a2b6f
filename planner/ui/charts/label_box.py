"""LabelBox: a fixed-height box holding one label, whose new text repaints the label alone
(the timeline's list of scenario events sits in one)."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class LabelBox(QWidget):
    """A box of a fixed height, as wide as its layout makes it, holding one label that fills
    it.  The label's text never changes the box's size, so a new text repaints the label and
    re-lays nothing around it (the box has no layout to pass the label's request on).  The box
    fills its own background (the window colour the panel shows through), so that repaint
    stops at the box: the chart panel, the dashboard and the main window under it are not
    painted as well."""

    def __init__(self, height_px: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.label = QLabel(self)
        self.setFixedHeight(height_px)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        self.label.setGeometry(self.rect())
        super().resizeEvent(event)
