"""Fitting a label's lines (the first in bold) to a box in pixels: a smaller font when the
text runs long, and as a last resort lines that end in "…" (the region tiles' labels)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

SHRINK_STEPS_PT = (0.0, 1.0, 2.0)  # smaller fonts tried before eliding (points less)
MIN_POINT_SIZE = 6.5


class LineMetrics:
    """Widths and line heights of one font's text by point size (the first line of a label in
    bold), remembered: the tiles' labels are fitted on every toggle, mostly to the same names
    and numbers at the same sizes, and measuring text is the slow part of that."""

    MAX_WIDTHS = 4096  # remembered widths before starting afresh

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        self.key = font.key()
        self._metrics: dict[float, tuple[QFontMetricsF, QFontMetricsF]] = {}
        self._widths: dict[tuple[float, bool, str], float] = {}

    def at(self, size: float) -> tuple[QFontMetricsF, QFontMetricsF]:
        """(bold, plain) metrics of the font at ``size`` points."""
        pair = self._metrics.get(size)
        if pair is None:
            plain, bold = QFont(self.font), QFont(self.font)
            plain.setPointSizeF(size)
            bold.setPointSizeF(size)
            bold.setBold(True)
            pair = self._metrics[size] = (QFontMetricsF(bold), QFontMetricsF(plain))
        return pair

    def width(self, size: float, bold: bool, text: str) -> float:
        key = (size, bold, text)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) >= self.MAX_WIDTHS:
                self._widths.clear()
            width = self._widths[key] = self.at(size)[0 if bold else 1].horizontalAdvance(text)
        return width


def fit_lines(
    lines: list[str],
    font: QFont,
    width_px: float,
    height_px: float,
    shrink: bool = True,
    metrics: LineMetrics | None = None,
) -> tuple[float, list[str]]:
    """The point size and texts of a label's lines (the first in bold) that fit a box of
    ``width_px`` x ``height_px``: the font's size, else (``shrink``) up to SHRINK_STEPS_PT
    smaller (never under MIN_POINT_SIZE), else the smallest with each line elided to the
    width.  ``metrics`` (for ``font``) remembers measurements between calls."""
    if metrics is None or metrics.key != font.key():
        metrics = LineMetrics(font)
    base = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
    steps = SHRINK_STEPS_PT if shrink else (0.0,)
    sizes = [max(base - step, MIN_POINT_SIZE) for step in steps]
    for size in sizes:
        bold, plain = metrics.at(size)
        widest = max(metrics.width(size, k == 0, text) for k, text in enumerate(lines))
        tall = bold.lineSpacing() + plain.lineSpacing() * (len(lines) - 1)
        if widest <= width_px and tall <= height_px:
            return size, lines
    bold, plain = metrics.at(sizes[-1])
    elide = Qt.TextElideMode.ElideRight
    return sizes[-1], [
        (bold if k == 0 else plain).elidedText(text, elide, width_px)
        for k, text in enumerate(lines)
    ]
