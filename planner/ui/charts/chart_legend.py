"""ChartLegend: a chart panel's legend, in its own row under the plot, and the rows it shows
(rebuilt only when they change).  ChartPanel inherits it, after QFrame; its state
(``legend``, ``_legend_key``) is the panel's.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGraphicsItem

import pyqtgraph as pg  # isort: skip  (after PySide6 so pyqtgraph binds to it)


class ChartLegend:
    """The legend of a ChartPanel (a mixin: no state of its own)."""

    def add_legend(self, columns: int = 4) -> pg.LegendItem:
        """A legend in its own row under the plot, so it never hides data."""
        self.legend = pg.LegendItem(colCount=columns, labelTextSize="8pt", frame=False)
        self.view.addItem(self.legend, row=1, col=0)
        return self.legend

    def set_legend_entries(self, entries: list[tuple[Any, str]], force: bool = False) -> None:
        """Show exactly these (item, name) legend rows; rebuilt only when they change."""
        if self.legend is None:
            return
        key = [(id(item), name) for item, name in entries]
        if not force and key == getattr(self, "_legend_key", None):
            return
        self._legend_key = key
        self.legend.clear()
        for item, name in entries:
            self.legend.addItem(item, name)
        for _sample, label in self.legend.items:  # new labels: see ChartView.skip_empty_items
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
