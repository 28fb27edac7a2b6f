"""AxisFit: the ranges a chart panel shows on its axes and the fixed width of a value axis,
set so that a toggle re-lays the axes only when the numbers need it.  ChartPanel inherits it,
after QFrame; its state (``_value_range``, ``_fixed_range``) is the panel's.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QFontMetrics


class AxisFit:
    """The axis ranges and widths of a ChartPanel (a mixin: no state of its own)."""

    def set_fixed_range(self, axis: str, low: float, high: float, padding: float = 0.0) -> None:
        """Show [low, high] (with ``padding``) on an axis whose range follows no data; asked
        again for the same range, do nothing (pyqtgraph's setRange costs as much as a small
        chart's whole update, for a range nothing else changes)."""
        key = (low, high, padding)
        if self._fixed_range.get(axis) == key:
            return
        self._fixed_range[axis] = key
        if axis == "y":
            self.plot.setYRange(low, high, padding=padding)
        else:
            self.plot.setXRange(low, high, padding=padding)

    def fit_value_range(self, low: float, high: float, axis: str = "y") -> None:
        """Show [low, high] on the value axis, keeping the current range while the data still
        fills most of it: an unchanged range spares re-laying the axis on every toggle."""
        if not (np.isfinite(low) and np.isfinite(high)):
            return
        shown = self._value_range.get(axis)
        if shown is not None:
            lo, hi = shown
            inside = lo <= low and high <= hi
            # Flat data (no change against the baseline: every bar zero) reads on any scale,
            # so switching a lever back off keeps the scale it had while on.
            if inside and ((high - low) >= 0.55 * (hi - lo) or high - low < 1e-9):
                return
        if high - low < 1e-9:
            low, high = low - 1.0, high + 1.0
        pad = 0.06 * (high - low)
        want_low, want_high = low - pad, high + pad
        self._value_range[axis] = (want_low, want_high)
        if axis == "y":
            self.plot.setYRange(want_low, want_high, padding=0)
        else:
            self.plot.setXRange(want_low, want_high, padding=0)

    def fix_axis_width(self, name: str, widest: str = "-0000.00") -> None:
        """Give a value axis a fixed width, room for tick labels up to ``widest`` plus its
        title: by default pyqtgraph sizes it to the labels of the moment, and a label that is
        wider or narrower after a toggle re-lays the plot and redraws all its axes."""
        axis = self.plot.getAxis(name)
        metrics = QFontMetrics(axis.style["tickFont"] or self.view.font())
        width = metrics.horizontalAdvance(widest) + axis.style["tickTextOffset"][0]
        width += max(0, axis.style["tickLength"])
        if axis.label.isVisible():
            width += axis.label.boundingRect().height() * 0.8
        if axis.fixedWidth != int(width):
            axis.setWidth(int(width))
