"""Sector bars: change against the baseline, by sector, for the lens's country at one year.

Mexican and Canadian lenses see their exports to the United States; the US lenses see US
imports from all partners.  Bars are horizontal so the sector names read without rotation.
"""

from __future__ import annotations

from html import escape
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QFontMetrics
from PySide6.QtWidgets import QWidget

from planner.ui.charts.base import (
    PINNED_COLOURS,
    ChartInput,
    ChartPanel,
    Colours,
    fmt_number,
    fmt_signed,
    label_for,
)
from planner.ui.charts.items import Bars, Markers
from planner.ui.charts.series import USD_M_PER_BN, money_scale, percent_change, sector_trade_usd_bn

import pyqtgraph as pg  # isort: skip

BAR_HEIGHT = 0.6


def _tr(text: str) -> str:
    return QCoreApplication.translate("SectorBars", text)


class SectorBarsChart(ChartPanel):
    """Horizontal bars of scenario minus baseline per sector, with p10-p90 whiskers: in USD
    bn, or in USD m when every change is below 1 bn (``series.money_scale``); the CSV keeps
    USD bn."""

    def __init__(self, model: Any, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.setObjectName("sector_bars")
        n = len(model.sectors)
        self._rows = np.arange(n, dtype=float)
        self.bars = Bars(x0=np.zeros(n), y=self._rows, height=BAR_HEIGHT, width=0.0)
        self.whiskers = pg.ErrorBarItem(x=np.zeros(n), y=self._rows, beam=0.2)
        self.whiskers_sample = pg.PlotDataItem()  # a plain line stands for the whiskers
        self.pinned_marks = {key: Markers(symbol="d", size=9) for key in PINNED_COLOURS}
        self.zero_line = pg.InfiniteLine(pos=0.0, angle=90, movable=False)
        self.plot.addItem(self.zero_line, ignoreBounds=True)
        self.cache_item(self.zero_line)  # the bars change around it, it does not
        self.plot.addItem(self.bars)
        self.plot.addItem(self.whiskers)
        for mark in self.pinned_marks.values():
            self.plot.addItem(mark)
        self.plot.invertY(True)  # first sector on top
        self.add_legend(columns=2)  # two columns fit the narrowest dashboard panel
        # Legend stand-ins: the bars carry one brush per bar, which the legend cannot show.
        self.up_sample = pg.BarGraphItem(x=[0.0], height=[0.0], width=0.0)
        self.down_sample = pg.BarGraphItem(x=[0.0], height=[0.0], width=0.0)
        self._baseline = np.zeros(n)
        self._scenario = np.zeros(n)
        self._extra: dict[str, np.ndarray] = {}
        self._us_lens = False
        self._signs: tuple[bool, ...] = ()
        self._brushes: tuple[Any, QBrush, QBrush] | None = None  # see _bar_colours
        self._no_pen = pg.mkPen(None)
        self._axis_title = ""
        self._scale = 1.0  # from USD bn to the drawn unit (USD_M_PER_BN: USD m)
        # The value axis's title fits the plot's width, known once the layout has run.
        self.plot.vb.sigResized.connect(lambda *_: self._fit_axis_title())
        self.finish_setup()

    def retranslate(self) -> None:
        labels = [label_for(self.model.sector_labels, self.language, s) for s in self.model.sectors]
        axis = self.plot.getAxis("left")
        axis.setTicks([[(float(r), text) for r, text in zip(self._rows, labels, strict=True)]])
        # pyqtgraph hides tick labels wider than the axis instead of widening it: size it.
        metrics = QFontMetrics(self.view.font())
        axis.setWidth(max(metrics.horizontalAdvance(t) for t in labels) + 16)
        self._set_axis_title()
        if self.current is None:
            self.set_title(_tr("Trade by sector: change vs baseline"))
        elif self._us_lens:
            self.set_title(
                _tr("US imports by sector: change vs baseline, {year}").format(
                    year=self.current.year
                )
            )
        else:
            country = label_for(self.model.region_labels, self.language, self.current.country)
            self.set_title(
                _tr("{country}: exports to US by sector, change vs baseline, {year}").format(
                    country=country, year=self.current.year
                )
            )
        self._refresh_legend()

    def _set_axis_title(self) -> None:
        """The value axis's title in the drawn unit (USD bn or USD m)."""
        if self._scale == USD_M_PER_BN:
            self._axis_title = _tr("change vs baseline, USD m")
        else:
            self._axis_title = _tr("change vs baseline, USD bn")
        self._fit_axis_title()

    def _fit_axis_title(self) -> None:
        """The value axis's title on one line, or on two (split after its comma: "change vs
        baseline," / "USD bn") when one line is wider than the axis: pyqtgraph centres it
        under the plot, and the wide sector names leave the plot narrow."""
        axis = self.plot.getAxis("bottom")
        text = self._axis_title
        metrics = QFontMetrics(self.view.font())
        if ", " in text and metrics.horizontalAdvance(text) + 8 > axis.width() > 0:
            what, unit = text.rsplit(", ", 1)
            text = f"{escape(what)},<br>{escape(unit)}"
        else:
            text = escape(text)
        if text != axis.labelText:
            self.plot.setLabel("bottom", text)

    def apply_colours(self, colours: Colours) -> None:
        self.zero_line.setPen(pg.mkPen(colours.fg, width=1))
        self.whiskers.setData(pen=pg.mkPen(colours.fg, width=1))
        self.whiskers_sample.setPen(pg.mkPen(colours.fg, width=1))
        for key, mark in self.pinned_marks.items():
            mark.setBrush(pg.mkBrush(PINNED_COLOURS[key]))
            mark.setPen(pg.mkPen(colours.fg, width=0.5))
        self.up_sample.setOpts(brush=pg.mkBrush(colours.scenario), pen=pg.mkPen(None))
        self.down_sample.setOpts(brush=pg.mkBrush(colours.bad), pen=pg.mkPen(None))
        super().apply_colours(colours)
        if self.current is not None:
            self.bars.setOpts(**self._bar_colours(self._scenario - self._baseline))

    def _bar_colours(self, delta: np.ndarray, force: bool = True) -> dict[str, Any]:
        """The bars' options for one brush per bar by the sign of its change: empty when no
        sign flipped (and not ``force``)."""
        signs = tuple(bool(d >= 0) for d in delta.tolist())
        if not force and signs == self._signs:
            return {}
        self._signs = signs
        # Two brushes per palette, not two new ones on every sign flip (mkBrush parses its
        # argument each time); setOpts takes a brush per bar, sharing them is as before.
        # (Colours is frozen: a new palette brings a new one.)
        if self._brushes is None or self._brushes[0] is not self.colours:
            colours = self.colours
            self._brushes = (colours, pg.mkBrush(colours.scenario), pg.mkBrush(colours.bad))
        _colours, up, down = self._brushes
        options: dict[str, Any] = {"brushes": [up if s else down for s in signs]}
        # The bars' outline is none, set once: passing it again on every sign flip would make
        # a new pen here and another in setOpts, and reset the pen widths to the same zeros.
        if force or self.bars.opts.get("pen") is not self._no_pen:
            options["pen"] = self._no_pen
        return options

    def set_input(self, data: ChartInput) -> None:
        previous = self.current
        super().set_input(data)
        results, y = data.results, data.year_index
        regions = list(results.regions)
        c, usa = regions.index(data.country), regions.index("USA")
        self._us_lens = c == usa
        base = sector_trade_usd_bn(np.asarray(results.flows_base)[y], c, usa)
        scen = sector_trade_usd_bn(np.asarray(results.flows)[y], c, usa)
        delta = scen - base
        extra = self._extras(data, base, c, usa)
        scale = money_scale(np.concatenate([delta, *extra.values()]), self._scale)
        drawn = delta * scale
        values = {"x0": np.minimum(drawn, 0.0), "width": np.abs(drawn)}
        colours = self._bar_colours(delta, force=False)
        if colours:
            # A sign flipped (most toggles, on and back off): one setOpts for the new extents
            # and brushes, not one for each (each lays the bars out again).
            self.bars.setOpts(**values, **colours)
        else:
            self.bars.set_values(**values)
        if "p10_delta" in extra:
            low, high = extra["p10_delta"] * scale, extra["p90_delta"] * scale
            self.whiskers.setData(x=drawn, y=self._rows, left=drawn - low, right=high - drawn)
            self.whiskers.setVisible(True)
        else:
            self.whiskers.setVisible(False)
        for key, mark in self.pinned_marks.items():
            pinned_delta = extra.get(f"{key}_delta")
            if pinned_delta is None:
                mark.setVisible(False)
                continue
            mark.set_points(pinned_delta * scale, self._rows)
            mark.setVisible(True)
        shown = np.concatenate([drawn, *(v * scale for v in extra.values()), [0.0]])
        self.fit_value_range(float(np.nanmin(shown)), float(np.nanmax(shown)), axis="x")
        rescaled = scale != self._scale
        self._scale = scale
        self.set_fixed_range("y", -0.6, len(self._rows) - 0.4)
        legend_changed = self._extra.keys() != extra.keys()
        self._baseline, self._scenario, self._extra = base, scen, extra
        moved = previous is None or (previous.country, previous.year_index) != (
            data.country,
            data.year_index,
        )
        if moved:
            self.retranslate()  # titles name the country and year: only when they change
        else:
            if rescaled:
                self._set_axis_title()  # the title only, not the sector names and legend
            if legend_changed:
                self._refresh_legend()

    def _extras(
        self, data: ChartInput, base: np.ndarray, c: int, usa: int
    ) -> dict[str, np.ndarray]:
        """The changes drawn beside the bars, USD bn: the band's ends and each pin's."""
        y, extra = data.year_index, {}
        # Whiskers need the spread of the change itself (draws of scenario minus baseline);
        # Results.flow_bands spreads the levels, which would dwarf a small change.
        bands = getattr(data.results, "flow_delta_bands", None)
        if data.show_bands and bands is not None:
            low, high = sector_trade_usd_bn(np.asarray(bands)[[0, 2], y], c, usa)
            extra["p10_delta"], extra["p90_delta"] = low, high
        for key in self.pinned_marks:
            pinned = data.pinned.get(key)
            if pinned is not None:
                flows = np.asarray(pinned.flows)[y]
                extra[f"{key}_delta"] = sector_trade_usd_bn(flows, c, usa) - base
        return extra

    def _refresh_legend(self) -> None:
        entries = [
            (self.up_sample, _tr("Scenario: increase")),
            (self.down_sample, _tr("Scenario: decrease")),
        ]
        if "p10_delta" in self._extra:
            entries.append((self.whiskers_sample, _tr("p10–p90 band")))
        entries += [
            (mark, _tr("Pinned {key}").format(key=key))
            for key, mark in self.pinned_marks.items()
            if f"{key}_delta" in self._extra
        ]
        self.set_legend_entries(entries)

    def hover_text(self, x: float, y: float) -> str:
        i = int(np.clip(round(y), 0, len(self._rows) - 1))
        name = label_for(self.model.sector_labels, self.language, self.model.sectors[i])
        delta = self._scenario[i] - self._baseline[i]
        pct = percent_change(self._scenario[i : i + 1], self._baseline[i : i + 1])[0]
        if self._scale == USD_M_PER_BN:  # as the axis: USD m, whole millions
            template = _tr("{sector}: baseline {base}, scenario {scen}, change {delta} USD m")
            scale, digits = USD_M_PER_BN, 0
        else:
            template = _tr("{sector}: baseline {base}, scenario {scen}, change {delta} USD bn")
            scale, digits = 1.0, 1
        text = template.format(
            sector=name,
            base=fmt_number(self._baseline[i] * scale, digits),
            scen=fmt_number(self._scenario[i] * scale, digits),
            delta=fmt_signed(delta * scale, digits),
        )
        return text if np.isnan(pct) else f"{text} ({fmt_signed(pct)} %)"

    # The bars stack top to bottom: Up and Down step between them as Left and Right do.
    STEP_ROWS = True

    def point_count(self) -> int:
        return len(self._rows)

    def point_position(self, i: int) -> tuple[float, float]:
        return 0.0, float(self._rows[i])

    def table(self) -> pd.DataFrame:
        if self.current is None:
            return pd.DataFrame()
        frame = pd.DataFrame(
            {
                "sector": list(self.model.sectors),
                "year": self.current.year,
                "flow": "us_imports" if self._us_lens else f"{self.current.country}_to_USA",
                "baseline_usd_bn": self._baseline,
                "scenario_usd_bn": self._scenario,
                "delta_usd_bn": self._scenario - self._baseline,
            }
        )
        for key, values in self._extra.items():
            frame[f"{key}_usd_bn"] = values
        return frame
