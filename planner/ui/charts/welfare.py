"""Welfare decomposition by country: consumer, producer and tariff-revenue changes stacked,
with the total marked, at one year (USD bn against the baseline scenario; USD m when every
part and total is below 1 bn, ``series.money_scale``; the CSV keeps USD bn)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from planner.ui.charts.base import ChartInput, ChartPanel, Colours, fmt_signed, label_for
from planner.ui.charts.items import BarPart, Markers, StackedBars
from planner.ui.charts.series import (
    USD_M_PER_BN,
    money_scale,
    stack_bars,
    welfare_parts_usd_bn,
)
from planner.ui.labels import labelled

import pyqtgraph as pg  # isort: skip

PARTS = ("consumer", "producer", "tariff_revenue")
PART_COLOURS = {"consumer": "#56B4E9", "producer": "#E69F00", "tariff_revenue": "#009E73"}
BAR_WIDTH = 0.6


def _tr(text: str) -> str:
    return QCoreApplication.translate("Welfare", text)


def part_label(part: str) -> str:
    names = {
        "consumer": _tr("Consumer surplus"),
        "producer": _tr("Producer surplus"),
        "tariff_revenue": _tr("Tariff revenue"),
        "total": _tr("Total"),
    }
    return names[part]


class WelfareChart(ChartPanel):
    """Stacked bars per region (positive parts up, negative down) and a total marker."""

    def __init__(self, model: Any, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.setObjectName("welfare")
        n = len(model.regions)
        self._x = np.arange(n, dtype=float)
        # The parts hold their values and colours (and stand in for them in the legend); one
        # item paints them all.
        self.bars = {part: BarPart(n) for part in PARTS}
        self.stack = StackedBars(self._x, [self.bars[p] for p in PARTS], width=BAR_WIDTH)
        self.plot.addItem(self.stack)
        self.total = Markers(symbol="d", size=11)
        self.plot.addItem(self.total)
        self.zero_line = pg.InfiniteLine(pos=0.0, angle=0, movable=False)
        self.plot.addItem(self.zero_line, ignoreBounds=True)
        self.cache_item(self.zero_line)  # the bars change around it, it does not
        self.add_legend(columns=2)  # two columns fit the narrowest dashboard panel
        self._values = np.zeros((len(PARTS), n))
        self._total = np.zeros(n)
        self._drawn = False  # whether set_input has drawn any results yet
        self._scale = 1.0  # from USD bn to the drawn unit (USD_M_PER_BN: USD m)
        self.finish_setup()

    def retranslate(self) -> None:
        # Region ids keep eight columns readable in a small panel; hover gives full names.
        self.plot.getAxis("bottom").setTicks(
            [[(float(i), r) for i, r in enumerate(self.model.regions)]]
        )
        self.plot.setLabel("left", self._unit())
        self.plot.setLabel("bottom", _tr("region"))
        self.fix_axis_width("left")
        year = f", {self.current.year}" if self.current is not None else ""
        self.set_title(_tr("Welfare change vs baseline by country") + year)
        self.set_legend_entries(
            [(self.bars[p], part_label(p)) for p in PARTS] + [(self.total, part_label("total"))],
            force=True,
        )

    def apply_colours(self, colours: Colours) -> None:
        for part, item in self.bars.items():
            item.setOpts(brush=pg.mkBrush(PART_COLOURS[part]), pen=pg.mkPen(colours.bg, width=0.5))
        self.stack.restyle()
        self.total.setBrush(pg.mkBrush(colours.fg))
        self.total.setPen(pg.mkPen(colours.bg, width=1))
        self.zero_line.setPen(pg.mkPen(colours.fg, width=1))
        super().apply_colours(colours)

    def set_input(self, data: ChartInput) -> None:
        year_changed = self.current is None or self.current.year_index != data.year_index
        super().set_input(data)
        results = data.results
        values = welfare_parts_usd_bn(results, PARTS, data.year_index)
        total = np.asarray(results.welfare["total"])[data.year_index] / 1000.0
        if (
            self._drawn
            and not year_changed
            and np.array_equal(values, self._values, equal_nan=True)
            and np.array_equal(total, self._total, equal_nan=True)
        ):
            return  # the bars, the totals and the scale already show these numbers
        self._drawn = True
        scale = money_scale(np.concatenate([values.ravel(), total]), self._scale)
        rescaled, self._scale = scale != self._scale, scale
        bottoms, heights = stack_bars(values * scale)
        changed = [
            self.bars[p].set_values(y0=bottoms[k], height=heights[k]) for k, p in enumerate(PARTS)
        ]
        if any(changed):
            self.stack.show_parts()
        self.total.set_points(self._x, total * scale)
        tops, bottoms_ = bottoms + heights, bottoms
        self.fit_value_range(
            float(min(np.nanmin(bottoms_), np.nanmin(total) * scale, 0.0)),
            float(max(np.nanmax(tops), np.nanmax(total) * scale, 0.0)),
        )
        self.set_fixed_range("x", -0.6, len(self._x) - 0.4)
        self._values, self._total = values, total
        if year_changed:
            self.retranslate()  # the title names the year
        elif rescaled:
            self.plot.setLabel("left", self._unit())  # the axis alone, not the legend

    def hover_text(self, x: float, y: float) -> str:
        i = int(np.clip(round(x), 0, len(self._x) - 1))
        name = label_for(self.model.region_labels, self.language, self.model.regions[i])
        scale, digits = self._scale, 0 if self._scale == USD_M_PER_BN else 1
        parts = [
            f"{part_label(p)} {fmt_signed(self._values[k, i] * scale, digits)}"
            for k, p in enumerate(PARTS)
        ]
        parts.append(f"{part_label('total')} {fmt_signed(self._total[i] * scale, digits)}")
        return labelled(name, " · ".join(parts) + " " + self._unit())

    def _unit(self) -> str:
        return _tr("USD m") if self._scale == USD_M_PER_BN else _tr("USD bn")

    def point_count(self) -> int:
        return len(self._x)

    def point_position(self, i: int) -> tuple[float, float]:
        return float(self._x[i]), 0.0

    def table(self) -> pd.DataFrame:
        if self.current is None:
            return pd.DataFrame()
        frame = pd.DataFrame({"region": list(self.model.regions), "year": self.current.year})
        for k, part in enumerate(PARTS):
            frame[f"{part}_usd_bn"] = self._values[k]
        frame["total_usd_bn"] = self._total
        return frame
