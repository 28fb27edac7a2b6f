"""PointReadout: the keyboard read-out of a chart panel.

The focused chart's arrow keys step through its data points and show the hover's read-out
for each (Home and End go to the first and last, Esc clears it), so values read without a
mouse; a screen reader hears each point the keys step to.  ChartPanel inherits it, after
QFrame; its state (``key_point``, ``readout``, ``current``) is the panel's.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent


class PointReadout:
    """The arrow keys' read-out of a ChartPanel's data points (a mixin: no state of its own).

    A chart overrides ``point_count`` and ``point_position`` (or ``point_text``) to be
    stepped through; by default it has no points and the keys are not used.
    """

    # Up/Down step to the nearest point above/below on screen (a chart laid out in two
    # dimensions); otherwise only Left/Right, Home and End step.
    STEP_ROWS = False

    def point_count(self) -> int:
        """How many points the arrow keys step through (none by default: no stepping)."""
        return 0

    def point_position(self, i: int) -> tuple[float, float]:
        """View coordinates (x, y) at which ``hover_text`` reads point ``i`` (0 <= i <
        ``point_count()``), in the order Left/Right step through them."""
        raise IndexError(f"{type(self).__name__} has no point {i} to step to")

    def point_text(self, i: int) -> str:
        """The read-out of point ``i``: what the hover reads at its position."""
        return self.hover_text(*self.point_position(i))

    def step_point(self, key: Qt.Key) -> bool:
        """Move the keyboard point for an arrow, Home or End key and show its read-out;
        False when the chart has no points to step through (the key is not used)."""
        count = self.point_count() if self.current is not None else 0
        if count == 0:
            return False
        here = self.key_point
        if key == Qt.Key.Key_Home:
            target = 0
        elif key == Qt.Key.Key_End:
            target = count - 1
        elif here is None or here >= count:
            target = 0  # the first step shows where the keys start
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            target = min(max(here + (1 if key == Qt.Key.Key_Right else -1), 0), count - 1)
        elif self.STEP_ROWS:
            target = self._point_beside(here, count, up=key == Qt.Key.Key_Up)
        else:
            return True  # no second dimension: taken, so that the view does not scroll
        self.show_point(target, announce=True)
        return True

    def _point_beside(self, i: int, count: int, up: bool) -> int:
        """The point nearest to point ``i`` on screen above (``up``) or below it; ``i`` when
        there is none.  Sideways distance counts double: straight up before diagonally."""
        to_scene = self.plot.vb.mapViewToScene
        at = [to_scene(QPointF(*self.point_position(k))) for k in range(count)]
        best, best_cost = i, float("inf")
        for k, p in enumerate(at):
            rise = at[i].y() - p.y() if up else p.y() - at[i].y()
            if rise < 1.0:  # not above (below) it by a pixel
                continue
            cost = rise + 2.0 * abs(p.x() - at[i].x())
            if cost < best_cost:
                best, best_cost = k, cost
        return best

    def show_point(self, i: int, announce: bool = False) -> None:
        """Show point ``i``'s read-out; with a screen reader active, describe the view with
        it and (``announce``, for a key press) have the reader say it."""
        self.key_point = i
        text = self.point_text(i) or " "
        self.readout.setText(text)
        if QAccessible.isActive():
            self._describe_view()
            if announce:
                QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.view, text))

    def refresh_point(self) -> None:
        """Read the keyboard point again from the chart's current numbers (new results,
        year or language); clear it when the chart has no such point any more."""
        if self.key_point is None:
            return
        if self.current is not None and self.key_point < self.point_count():
            self.show_point(self.key_point)
        else:
            self.clear_point()

    def clear_point(self) -> bool:
        """Clear the keyboard point and its read-out; False when there was none."""
        if self.key_point is None:
            return False
        self.key_point = None
        self.readout.setText(" ")
        if QAccessible.isActive():
            self.update_summary()
        return True
