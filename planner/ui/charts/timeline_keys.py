"""LaneStepping: the timeline's keyboard read-out, lane by lane.

The markers form a grid: a lane is a row, its markers in date order.  Left and Right step
along the lane and stop at its ends, Home and End go to its first and last marker, Up and Down
go to the marker nearest in date on the next lane above or below that has any.  Points are
numbered lane by lane from the top, so the scenario's events, which a toggle changes, come
last and a key point on the calendar stays where it was.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from planner.ui.charts.timeline_lanes import ARTICLE_LANE, CALENDAR_LANE, LANE_YS


class LaneStepping:
    """The arrow keys' walk over TimelineChart's lanes (a mixin: no state of its own).

    TimelineChart inherits it before ChartPanel, so that these ``point_*`` and ``step_point``
    take the place of PointReadout's.  It reads the chart's ``lane_frames`` (the calendar's
    two lanes in date order), ``_rows`` (the scenario's events), ``_lane_xs`` and
    ``_marker_text`` (shared with the hover), and PointReadout's ``current``, ``key_point`` and
    ``show_point``.
    """

    STEP_ROWS = True  # Up and Down step (between lanes, in ``step_point`` below)

    def _lane_sizes(self) -> list[int]:
        """How many markers each lane has, in LANE_YS order."""
        calendar, article = (len(self.lane_frames[n]) for n in (CALENDAR_LANE, ARTICLE_LANE))
        return [calendar, article, len(self._rows or [])]

    def _lane_of(self, i: int) -> tuple[int, int]:
        """Point ``i`` as (lane, index in the lane's date order)."""
        for lane, size in enumerate(self._lane_sizes()):
            if i < size:
                return lane, i
            i -= size
        raise IndexError(f"the timeline has no point {i}")

    def point_count(self) -> int:
        return sum(self._lane_sizes())

    def point_position(self, i: int) -> tuple[float, float]:
        lane, k = self._lane_of(i)
        return float(self._lane_xs(lane)[k]), LANE_YS[lane]

    def point_text(self, i: int) -> str:
        """Point ``i``'s read-out, by index: milestones on the same date (or a pixel apart in
        2025) share a position, where the hover reads the first of them."""
        return self._marker_text(*self._lane_of(i))

    def step_point(self, key: Qt.Key) -> bool:
        """Move the keyboard point along the grid of lanes (see above); the first key shows
        the first (End: last) milestone."""
        count = self.point_count() if self.current is not None else 0
        if count == 0:
            return False
        sizes = self._lane_sizes()
        if self.key_point is None or self.key_point >= count:
            lane = next(n for n, size in enumerate(sizes) if size)
            k = sizes[lane] - 1 if key == Qt.Key.Key_End else 0
        else:
            lane, k = self._lane_of(self.key_point)
            if key == Qt.Key.Key_Home:
                k = 0
            elif key == Qt.Key.Key_End:
                k = sizes[lane] - 1
            elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                k = min(max(k + (1 if key == Qt.Key.Key_Right else -1), 0), sizes[lane] - 1)
            else:
                lane, k = self._marker_beside(lane, k, up=key == Qt.Key.Key_Up)
        self.show_point(sum(sizes[:lane]) + k, announce=True)
        return True

    def _marker_beside(self, lane: int, k: int, up: bool) -> tuple[int, int]:
        """The marker nearest in date to marker ``k`` of ``lane`` on the next lane above
        (``up``) or below that has markers (the earlier of two as near); itself when none."""
        x = float(self._lane_xs(lane)[k])
        for other in range(lane - 1, -1, -1) if up else range(lane + 1, len(LANE_YS)):
            xs = self._lane_xs(other)
            if len(xs):
                return other, int(np.abs(xs - x).argmin())
        return lane, k
