"""Laying out chart labels so that none overlaps another: rows of labels along a time axis
(the timeline), markers of a clump staggered on their lane (``stagger``), names around points
on a map (the corridor network), and chart titles that fit their panel in every language
(``TitleLabel``)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel

LABEL_GAP_PX = 5.0
# Where a name may sit around its node, in steps of LABEL_GAP_PX right/up: every place on the
# square rings 1 to NAME_RINGS steps out (beside, above, below, diagonal and in between).
NAME_RINGS = 6
LABEL_PLACES = tuple(
    (dx, dy)
    for ring in range(1, NAME_RINGS + 1)
    for dx in range(-ring, ring + 1)
    for dy in range(-ring, ring + 1)
    if max(abs(dx), abs(dy)) == ring
)
NAME_SPACING_PX = 2.0  # the least room between two names
MARKER_CLEARANCE_PX = 4.0  # a name keeps this far from any node's centre (half a marker)
# A place's cost: its distance from the node in pixels, plus this for each edge the name
# would cover: a name two steps further out is worth it to leave a line clear.
EDGE_COST_PX = 6.0


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


def stagger(xs_px: np.ndarray, spacing_px: float) -> np.ndarray:
    """Sub-rows for markers on one lane, at ``xs_px`` (pixels, sorted ascending): 0 (the
    lane's middle) for a marker at least ``spacing_px`` from both neighbours; 1, 2, 1, 2, …
    (above, below) through each run of markers closer than that (a clump), so that
    neighbours in a clump sit on different sub-rows and same-row markers are two apart."""
    xs = np.asarray(xs_px, dtype=float)
    close = np.diff(xs) < spacing_px  # close[i]: marker i and i + 1 clump
    rows = np.zeros(len(xs), dtype=int)
    rank = 0
    for i in range(len(xs)):  # a handful of markers, and only when the plot is resized
        after = i > 0 and bool(close[i - 1])
        before = i < len(close) and bool(close[i])
        rank = rank + 1 if after else 0
        if after or before:
            rows[i] = 1 + rank % 2
    return rows


def _crossings(boxes: np.ndarray, segments: np.ndarray) -> np.ndarray:
    """How many of ``segments`` (x0, y0, x1, y1 rows) pass through each of ``boxes`` (left,
    top, right, bottom rows): Liang-Barsky clipping, all pairs at once."""
    if not len(segments):
        return np.zeros(len(boxes))
    x0, y0, x1, y1 = (segments[:, k][None, :] for k in range(4))
    left, top, right, bottom = (boxes[:, k][:, None] for k in range(4))
    dx, dy = x1 - x0, y1 - y0
    enter, leave = np.zeros((len(boxes), len(segments))), np.ones((len(boxes), len(segments)))
    inside = np.ones_like(enter, dtype=bool)
    for p, q in ((-dx, x0 - left), (dx, right - x0), (-dy, y0 - top), (dy, bottom - y0)):
        p = np.broadcast_to(p, enter.shape)
        with np.errstate(divide="ignore", invalid="ignore"):
            t = q / p
        inside &= ~((p == 0) & (q < 0))
        enter = np.where(p < 0, np.maximum(enter, t), enter)
        leave = np.where(p > 0, np.minimum(leave, t), leave)
    return (inside & (enter <= leave)).sum(axis=1)


def _overlaps(boxes: np.ndarray, others: np.ndarray, margin: float) -> np.ndarray:
    """Whether each of ``boxes`` comes within ``margin`` of any of ``others`` (left, top,
    right, bottom rows)."""
    if not len(others):
        return np.zeros(len(boxes), dtype=bool)
    a, b = boxes[:, None, :], others[None, :, :]
    return (
        (a[..., 0] < b[..., 2] + margin)
        & (b[..., 0] < a[..., 2] + margin)
        & (a[..., 1] < b[..., 3] + margin)
        & (b[..., 1] < a[..., 3] + margin)
    ).any(axis=1)


_PLACES = np.array(LABEL_PLACES, dtype=float)


def place_names(
    points_px: np.ndarray,
    sizes_px: list[tuple[float, float]],
    obstacles_px: np.ndarray,
    bounds_px: tuple[float, float],
    segments_px: np.ndarray | None = None,
) -> list[QRectF | None]:
    """For each name (its point and its text size, in pixels, y down), in the order given,
    the box (pixels) of the cheapest place of LABEL_PLACES that stays inside ``bounds_px``
    (width, height), keeps NAME_SPACING_PX from every name placed before it and
    MARKER_CLEARANCE_PX from every obstacle point (the node markers, its own included); the
    cost is the distance from the point plus EDGE_COST_PX for each of ``segments_px`` (the
    edges, x0, y0, x1, y1 rows) the box covers.  None when no place is free."""
    segments = np.zeros((0, 4)) if segments_px is None else np.asarray(segments_px, float)
    obstacles = np.asarray(obstacles_px, float).reshape(-1, 2)
    gap_x, gap_y = LABEL_GAP_PX * np.abs(_PLACES[:, 0]), LABEL_GAP_PX * np.abs(_PLACES[:, 1])
    distance = np.hypot(gap_x, gap_y)
    c = MARKER_CLEARANCE_PX
    markers = np.column_stack([obstacles - c, obstacles + c])  # squares round the nodes
    placed = np.zeros((0, 4))
    chosen: list[QRectF | None] = []
    for (px, py), (w, h) in zip(np.asarray(points_px, float).tolist(), sizes_px, strict=True):
        sx, sy = np.sign(_PLACES[:, 0]), np.sign(_PLACES[:, 1])
        left = np.where(sx > 0, px + gap_x, np.where(sx < 0, px - gap_x - w, px - w / 2))
        top = np.where(sy > 0, py - gap_y - h, np.where(sy < 0, py + gap_y, py - h / 2))
        boxes = np.column_stack([left, top, left + w, top + h])
        free = (
            (boxes[:, 0] >= 0)
            & (boxes[:, 1] >= 0)
            & (boxes[:, 2] <= bounds_px[0])
            & (boxes[:, 3] <= bounds_px[1])
        )
        free &= ~_overlaps(boxes, placed, NAME_SPACING_PX)
        free &= ~_overlaps(boxes, markers, 0.0)
        if not free.any():
            chosen.append(None)
            continue
        cost = np.where(free, distance + EDGE_COST_PX * _crossings(boxes, segments), np.inf)
        best = boxes[int(np.argmin(cost))]
        placed = np.vstack([placed, best])
        chosen.append(QRectF(best[0], best[1], w, h))
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
