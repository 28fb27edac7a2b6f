"""PointReadout: the read-out line of a chart panel, the keys' or the mouse's.

The focused chart's arrow keys step through its data points and show the hover's read-out
for each (Home and End go to the first and last, Esc clears it), so values read without a
mouse; a screen reader hears each point the keys step to.  The mouse's read-out is the hover's
at the mouse; either takes the line over from the other, and new results re-read the one
showing.  ChartPanel inherits it, after QFrame; its state (``key_point``, ``hover_at``,
``readout``, ``current``) is the panel's.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QCursor


class PointReadout:
    """The read-out line of a ChartPanel: the data point the arrow keys step to, or the
    hover's at the mouse (a mixin: no state of its own).

    A chart overrides ``point_count`` and ``point_position`` (or ``point_text``) to be
    stepped through; by default it has no points and the keys are not used.  A chart whose
    points lie in rows of their own (the timeline's lanes) also overrides ``_row_span`` and
    ``_point_beside``: where Home, End, Left and Right stop, and where Up and Down go.
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
        False when the chart has no points to step through (the key is not used).  Home, End,
        Left and Right keep to the point's row (``_row_span``); the first key shows the first
        point (End: the last of the first point's row)."""
        count = self.point_count() if self.current is not None else 0
        if count == 0:
            return False
        here = self.key_point if self.key_point is not None and self.key_point < count else None
        first, last = self._row_span(0 if here is None else here)
        if key == Qt.Key.Key_Home:
            target = first
        elif key == Qt.Key.Key_End:
            target = last
        elif here is None:
            target = first  # the first step shows where the keys start
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            target = min(max(here + (1 if key == Qt.Key.Key_Right else -1), first), last)
        elif self.STEP_ROWS:
            target = self._point_beside(here, count, up=key == Qt.Key.Key_Up)
        else:
            return True  # no second dimension: taken, so that the view does not scroll
        self.show_point(target, announce=True)
        return True

    def _row_span(self, i: int) -> tuple[int, int]:
        """The first and last point of point ``i``'s row, between which Home, End, Left and
        Right step: by default every point, in one row."""
        return 0, self.point_count() - 1

    def _point_beside(self, i: int, count: int, up: bool) -> int:
        """The point that Up (``up``) or Down steps to from point ``i`` (``STEP_ROWS``
        only): the nearest on screen above or below it; ``i`` when there is none.  Sideways
        distance counts double: straight up before diagonally."""
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
        """Show point ``i``'s read-out (in place of the mouse's); with a screen reader active,
        describe the view with it and (``announce``, for a key press) have the reader say it."""
        self.hover_at = None
        self.key_point = i
        text = self.point_text(i) or " "
        self.readout.setText(text)
        if announce:  # a key press (not new results): the whole of a long read-out, above it
            self.readout.show_whole_at(self.readout.mapToGlobal(QPoint(0, 0)), self.readout)
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
        self.readout.hide_whole()
        if QAccessible.isActive():
            self.update_summary()
        return True

    def show_hover(self, x: float, y: float) -> None:
        """Show the hover's read-out at view coordinates (x, y), the mouse's position, in place
        of the keys': a later toggle re-reads it there and must not bring back the keys'."""
        if self.key_point is not None:
            self.key_point = None
            if QAccessible.isActive():
                self.update_summary()  # the view describes the chart again
        self.hover_at = (x, y)
        self.readout.setText(self.hover_text(x, y) or " ")
        self.readout.show_whole_at(QCursor.pos(), self.view)  # a long one, whole at the mouse

    def refresh_hover(self) -> None:
        """Read the mouse's read-out again at its position from the chart's current numbers
        (new results, year or language)."""
        if self.hover_at is not None and self.current is not None:
            self.readout.setText(self.hover_text(*self.hover_at) or " ")

    def clear_hover(self) -> bool:
        """Clear the mouse's read-out (the mouse left the chart); False when there was none."""
        if self.hover_at is None:
            return False
        self.hover_at = None
        self.readout.setText(" ")
        self.readout.hide_whole()
        return True
