"""Laying out chart labels so that none overlaps another: rows of labels along a time axis
(the timeline), names around points on a map (the corridor network), and chart titles that
fit their panel in every language (``TitleLabel``)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel

LABEL_GAP_PX = 5.0
# Where a name may sit around its node (steps of LABEL_GAP_PX right/up), tried in this order:
# beside, above or below, diagonal, then the same a step further out.
_NEAR = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1))
LABEL_PLACES = _NEAR + tuple((2 * dx, 2 * dy) for dx, dy in _NEAR)


def place_labels(
    xs: np.ndarray, widths: np.ndarray, rows: int, right_edge: float
) -> tuple[np.ndarray, np.ndarray]:
    """Rows for labels at ``xs`` (in the order given: first come, first placed) so that no two
    labels of a row overlap.  A label runs right of its point, or ends at it when that fits
    better (near the right edge).  Returns (row or -1 when none is free, ends-at-point flags).
    """
    taken: list[list[tuple[float, float]]] = [[] for _ in range(rows)]
    row_of = np.full(len(xs), -1)
    flipped = np.zeros(len(xs), dtype=bool)
    for i, (x, w) in enumerate(zip(xs.tolist(), widths.tolist(), strict=True)):
        spans = [(x, x + w, False), (x - w, x, True)]
        if x + w > right_edge:
            spans.reverse()
        for r in range(rows):
            free = next(
                (
                    span
                    for span in spans
                    if (span[1] <= right_edge or span[2])
                    and all(span[1] <= a or b <= span[0] for a, b in taken[r])
                ),
                None,
            )
            if free is not None:
                taken[r].append((free[0], free[1]))
                row_of[i], flipped[i] = r, free[2]
                break
    return row_of, flipped


def place_names(
    points_px: np.ndarray,
    sizes_px: list[tuple[float, float]],
    obstacles_px: np.ndarray,
    bounds_px: tuple[float, float],
) -> list[tuple[int, int] | None]:
    """For each name (its point and its text size, in pixels, y down), the first place of
    LABEL_PLACES where its box overlaps no placed name, no obstacle point (node markers) other
    than its own and stays inside ``bounds_px`` (width, height); None when there is none."""
    placed: list[QRectF] = []
    chosen: list[tuple[int, int] | None] = []
    for (px, py), (w, h) in zip(points_px.tolist(), sizes_px, strict=True):
        result = None
        for dx, dy in LABEL_PLACES:
            gap_x, gap_y = LABEL_GAP_PX * abs(dx), LABEL_GAP_PX * abs(dy)
            left = px + gap_x if dx > 0 else px - gap_x - w if dx < 0 else px - w / 2
            top = py - gap_y - h if dy > 0 else py + gap_y if dy < 0 else py - h / 2
            box = QRectF(left, top, w, h)
            if left < 0 or top < 0 or left + w > bounds_px[0] or top + h > bounds_px[1]:
                continue
            if any(box.intersects(other) for other in placed):
                continue
            near = box.adjusted(-2, -2, 2, 2)
            hits = [
                near.contains(float(ox), float(oy))
                for ox, oy in obstacles_px.tolist()
                if (ox, oy) != (px, py)
            ]
            if any(hits):
                continue
            placed.append(box)
            result = (dx, dy)
            break
        chosen.append(result)
    return chosen


class TitleLabel(QLabel):
    """A chart title on one line that never sets its panel's width: when the panel is too
    narrow for it (a long translation, a narrow window) it ends in "…" and its tooltip shows
    the whole title.  ``text()`` stays the whole title (reports and exports read it)."""

    def setText(self, text: str) -> None:  # QLabel override (called from Python only)
        super().setText(text)
        self._update_tooltip()

    def minimumSizeHint(self) -> QSize:  # Qt override
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # Qt override: the same in every language
        return QSize(0, super().sizeHint().height())

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        tip = self.text() if self.is_elided() else ""
        if tip != self.toolTip():
            self.setToolTip(tip)

    def paintEvent(self, _event: QPaintEvent) -> None:  # Qt override
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown
        )
