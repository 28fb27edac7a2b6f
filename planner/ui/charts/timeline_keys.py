"""LaneStepping: the timeline's keyboard read-out, lane by lane.

The markers form a grid: a lane is a row, its markers in date order.  Left and Right step
along the lane and stop at its ends, Home and End go to its first and last marker, Up and Down
go to the marker nearest in date on the next lane above or below that has any.  Points are
numbered lane by lane from the top, so the scenario's events, which a toggle changes, come
last and a key point on the calendar stays where it was.
"""

from __future__ import annotations

import numpy as np

from planner.ui.charts.timeline_lanes import ARTICLE_LANE, CALENDAR_LANE, LANE_YS


class LaneStepping:
    """The arrow keys' walk over TimelineChart's lanes (a mixin: no state of its own).

    TimelineChart inherits it before ChartPanel, so that these ``point_*``, ``_row_span`` and
    ``_point_beside`` take the place of PointReadout's, whose ``step_point`` walks the lanes
    with them.  It reads the chart's ``lane_frames`` (the calendar's two lanes in date order),
    ``_rows`` (the scenario's events), ``_lane_xs`` and ``_marker_text`` (shared with the
    hover).
    """

    STEP_ROWS = True  # Up and Down step between lanes (``_point_beside`` below)

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

    def _row_span(self, i: int) -> tuple[int, int]:
        """Point ``i``'s lane: Home, End, Left and Right keep to it."""
        lane, k = self._lane_of(i)
        return i - k, i - k + self._lane_sizes()[lane] - 1

    def _point_beside(self, i: int, count: int, up: bool) -> int:
        """The marker nearest in date to point ``i`` on the next lane above (``up``) or below
        that has markers (the earlier of two as near); ``i`` when there is none."""
        lane, k = self._lane_of(i)
        x = float(self._lane_xs(lane)[k])
        sizes = self._lane_sizes()
        for other in range(lane - 1, -1, -1) if up else range(lane + 1, len(LANE_YS)):
            xs = self._lane_xs(other)
            if len(xs):
                return sum(sizes[:other]) + int(np.abs(xs - x).argmin())
        return i
