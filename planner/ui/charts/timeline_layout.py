"""LaneLayout: what the timeline lays out at the plot's pixel size (on a resize, never on a
toggle): the x range's margins, the seed article's claims zig-zagging about their lane, and the
key milestones' labels on their rows.  TimelineChart inherits it before ChartPanel; its state
(``x_range``, the markers and labels it places) is the chart's.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontMetrics

from planner.ui.charts.label_layout import place_labels, stagger
from planner.ui.charts.timeline_lanes import (
    ARTICLE_Y,
    BADGE_EDGE_PX,
    CALENDAR_Y,
    CLAIM_OFFSETS,
    CLAIM_PEN_PX,
    CLAIM_PX,
    CLAIM_SPACING_PX,
    LABEL_ROWS,
    headline,
)


def _tr(text: str) -> str:
    """The milestones' headlines (context "Timeline", as timeline's own)."""
    return QCoreApplication.translate("Timeline", text)


class LaneLayout:
    """The layout of TimelineChart's lanes that follows the plot's pixel size (a mixin: no
    state of its own).  It reads the chart's plot, ``lane_ends``, ``claim_x``, ``calendar``
    and ``key_rows``, and places ``article_marks``, ``article_note`` and ``calendar_labels``
    (their text set with the chart's ``_set_label_text``)."""

    def _lay_out(self) -> None:
        """Everything that follows the plot's pixel size (never a toggle): the x range's
        margins, then the claims' sub-rows and the milestone labels, which both measure
        pixels along that range."""
        self._fit_x_range()
        self._stagger_claims()
        self._place_calendar_labels()

    def _fit_x_range(self) -> None:
        """The dates from the first lane end to the last, with just the room in pixels that
        the markers at the ends need (``lane_ends``) to lie inside the plot: the first claim
        is a month after the base year, and the milestone labels need all the width."""
        vb_width = self.plot.vb.width()
        if vb_width <= 8 * BADGE_EDGE_PX:
            return  # not laid out yet
        xs = np.array([x for x, _ in self.lane_ends])
        half_px = np.array([px for _, px in self.lane_ends])
        lo, hi = float(xs.min()), float(xs.max())
        per_px = (hi - lo) / vb_width
        for _ in range(3):  # the pads set the scale, which sets the pads: settles at once
            left_px = float(np.max(half_px - (xs - lo) / per_px))
            right_px = float(np.max(half_px - (hi - xs) / per_px))
            per_px = (hi - lo) / (vb_width - left_px - right_px)
        x_range = (lo - left_px * per_px, hi + right_px * per_px)
        if x_range != self.x_range:
            self.x_range = x_range
            self.plot.setXRange(*x_range, padding=0)

    def _stagger_claims(self) -> None:
        """Claims closer than CLAIM_SPACING_PX zig-zag about their lane (see ``stagger``);
        "(unverified)" follows the last one."""
        if not len(self.claim_x):
            return
        per_px = self._units_per_px()
        rows = stagger(self.claim_x / per_px, CLAIM_SPACING_PX)
        self.article_marks.set_points(self.claim_x, ARTICLE_Y + np.take(CLAIM_OFFSETS, rows))
        gap = (CLAIM_PX + CLAIM_PEN_PX) / 2 + 4.0
        self.article_note.setPos(float(self.claim_x[-1]) + gap * per_px, ARTICLE_Y)

    def _units_per_px(self) -> float:
        # The plot's own width once laid out (the axis names take the rest of the view).
        vb_width = self.plot.vb.width()
        width = vb_width if vb_width > 50.0 else max(self.view.width() * 0.7, 50.0)
        return (self.x_range[1] - self.x_range[0]) / width

    def _label_widths(self, texts: list[str]) -> np.ndarray:
        metrics = QFontMetrics(self.small_font)
        px = np.array([metrics.horizontalAdvance(t) + 10 for t in texts], dtype=float)
        return px * self._units_per_px()

    def _place_calendar_labels(self) -> None:
        """Label the key milestones on up to LABEL_ROWS rows without overlap; a milestone that
        finds no room (a narrow window) names itself on hover like every other event."""
        keys = self.calendar.loc[self.key_rows]
        texts = [_tr(headline(e)) for e in keys["event"]]
        xs = keys["x"].to_numpy(float)
        # Rows closer than a label's height (a short window) would touch: use every other one.
        (_, _), (y0, y1) = self.plot.vb.viewRange()
        pitch_px = self.plot.vb.height() / max(y1 - y0, 1e-9)
        line_px = self.article_note.textItem.boundingRect().height() + 1.0
        usable = list(range(LABEL_ROWS)) if pitch_px >= line_px else list(range(0, LABEL_ROWS, 2))
        rows, flipped = place_labels(xs, self._label_widths(texts), len(usable), self.x_range[1])
        for k, label in enumerate(self.calendar_labels):
            label.setVisible(bool(rows[k] >= 0))
            if rows[k] >= 0:
                label.setAnchor((1.0 if flipped[k] else 0.0, 0.5))
                self._set_label_text(label, texts[k])
                label.setPos(float(xs[k]), CALENDAR_Y + 1.0 + usable[rows[k]])
