"""Total goods trade of the lens's country, 2025-2036: baseline, scenario, pinned A/B/C, bands."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from planner.ui.charts.base import (
    PINNED_COLOURS,
    ChartInput,
    ChartPanel,
    Colours,
    fmt_number,
    label_for,
)
from planner.ui.charts.series import USD_M_PER_BN, total_trade_usd_bn
from planner.ui.labels import labelled

import pyqtgraph as pg  # isort: skip


def _tr(text: str) -> str:
    return QCoreApplication.translate("TradeOverTime", text)


def _same(old: np.ndarray | None, new: np.ndarray) -> bool:
    return old is not None and old.shape == new.shape and bool(np.array_equal(old, new))


class TradeOverTimeChart(ChartPanel):
    """Line chart of exports + imports of one country, USD bn a year."""

    def __init__(self, model: Any, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.setObjectName("trade_over_time")
        plot = self.plot
        # Plain curves: a PlotDataItem's setData (bookkeeping for features these lines do not
        # use) cost twenty times a PlotCurveItem's, and the same PlotCurveItem draws either.
        self.band_low = pg.PlotCurveItem()
        self.band_high = pg.PlotCurveItem()
        self.band = pg.FillBetweenItem(self.band_low, self.band_high)
        plot.addItem(self.band_low)
        plot.addItem(self.band_high)
        plot.addItem(self.band)
        # The legend draws a BarGraphItem as a filled square: a stand-in for the band's fill.
        self.band_sample = pg.BarGraphItem(x=[0.0], height=[0.0], width=0.0)
        self.baseline_curve = pg.PlotCurveItem()
        self.pinned_curves = {key: pg.PlotCurveItem() for key in PINNED_COLOURS}
        self.scenario_curve = pg.PlotCurveItem()
        plot.addItem(self.baseline_curve)
        for curve in self.pinned_curves.values():
            plot.addItem(curve)
        plot.addItem(self.scenario_curve)
        self.cache_item(self.baseline_curve)  # a dashed line is slow to rasterise
        self.year_marker = pg.InfiniteLine(angle=90, movable=False)
        plot.addItem(self.year_marker, ignoreBounds=True)
        self.cache_item(self.year_marker)  # moves with the year only, not with a toggle
        self.add_legend(columns=3)
        self._years = np.zeros(0)
        self._series: dict[str, np.ndarray] = {}
        self.finish_setup()

    def retranslate(self) -> None:
        country = ""
        if self.current is not None:
            country = label_for(self.model.region_labels, self.language, self.current.country)
        self.set_title(
            _tr("Total goods trade (exports + imports): {country}").format(country=country)
        )
        self.plot.setLabel("left", _tr("USD bn"))
        self.plot.setLabel("bottom", _tr("year"))
        self.fix_axis_width("left", "00000.0")
        self._refresh_legend()

    def apply_colours(self, colours: Colours) -> None:
        self.baseline_curve.setPen(pg.mkPen(colours.baseline, width=2, style=Qt.PenStyle.DashLine))
        self.scenario_curve.setPen(pg.mkPen(colours.scenario, width=2.5))
        for key, curve in self.pinned_curves.items():
            curve.setPen(pg.mkPen(PINNED_COLOURS[key], width=1.5))
        fill = QColor(colours.scenario)
        fill.setAlphaF(0.22)
        self.band.setBrush(pg.mkBrush(fill))
        self.band_sample.setOpts(brush=pg.mkBrush(fill), pen=pg.mkPen(None))
        self.band_low.setPen(pg.mkPen(None))
        self.band_high.setPen(pg.mkPen(None))
        self.year_marker.setPen(pg.mkPen(colours.baseline, width=1, style=Qt.PenStyle.DotLine))
        super().apply_colours(colours)

    def set_input(self, data: ChartInput) -> None:
        country_changed = self.current is None or self.current.country != data.country
        super().set_input(data)
        if country_changed:
            self.retranslate()
        results = data.results
        c = list(results.regions).index(data.country)
        years = np.asarray(results.years, dtype=float)
        series = {
            "baseline": total_trade_usd_bn(np.asarray(results.flows_base), c),
            "scenario": total_trade_usd_bn(np.asarray(results.flows), c),
        }
        # A line that did not change is left be (no repaint; the baseline keeps its cached
        # picture): the baseline rarely changes, and a lever may not move this country.
        same_years = _same(self._years, years)
        for key, curve in (("baseline", self.baseline_curve), ("scenario", self.scenario_curve)):
            if not same_years or not _same(self._series.get(key), series[key]):
                curve.setData(years, series[key])
        for key, curve in self.pinned_curves.items():
            pinned = data.pinned.get(key)
            if pinned is None:
                curve.setVisible(False)
                continue
            series[key] = total_trade_usd_bn(np.asarray(pinned.flows), c)
            curve.setData(np.asarray(pinned.years, dtype=float), series[key])
            curve.setVisible(True)
        # The band of total trade from each draw's total (not per-flow bands added up).
        bands = getattr(results, "trade_total_bands", None)
        show_band = data.show_bands and bands is not None
        if show_band:
            low_high = np.asarray(bands)[[0, 2], :, c] / USD_M_PER_BN
            series["p10"], series["p90"] = low_high[0], low_high[1]
            self.band_low.setData(years, series["p10"])
            self.band_high.setData(years, series["p90"])
        for item in (self.band, self.band_low, self.band_high):
            item.setVisible(show_band)
        self.year_marker.setValue(float(data.year))
        stacked = np.concatenate(list(series.values()))
        self.fit_value_range(float(np.nanmin(stacked)), float(np.nanmax(stacked)))
        self.set_fixed_range("x", float(years[0]), float(years[-1]), padding=0.02)
        self._years, self._series = years, series
        self._refresh_legend()

    def _refresh_legend(self) -> None:
        entries = [
            (self.baseline_curve, _tr("Baseline")),
            (self.scenario_curve, _tr("Scenario")),
        ]
        entries += [
            (curve, _tr("Pinned {key}").format(key=key))
            for key, curve in self.pinned_curves.items()
            if key in self._series
        ]
        if "p10" in self._series:
            entries.append((self.band_sample, _tr("p10–p90 band")))
        self.set_legend_entries(entries)

    def hover_text(self, x: float, y: float) -> str:
        if not len(self._years):
            return ""
        i = int(np.abs(self._years - x).argmin())
        names = {
            "baseline": _tr("Baseline"),
            "scenario": _tr("Scenario"),
            "p10": "p10",
            "p90": "p90",
        }
        parts = [
            f"{names.get(key) or _tr('Pinned {key}').format(key=key)} {fmt_number(v[i])}"
            for key, v in self._series.items()
        ]
        return labelled(str(int(self._years[i])), " · ".join(parts) + " " + _tr("USD bn"))

    def point_count(self) -> int:
        return len(self._years)  # a year each: the hover reads every line at a year

    def point_position(self, i: int) -> tuple[float, float]:
        return float(self._years[i]), 0.0

    def table(self) -> pd.DataFrame:
        frame = pd.DataFrame({"year": self._years.astype(int)})
        for key, values in self._series.items():
            frame[f"{key}_usd_bn"] = values
        return frame
