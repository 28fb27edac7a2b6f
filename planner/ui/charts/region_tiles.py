"""Mexico's macro-regions as a tile map, coloured by the change in exports against the baseline.

Tiles sit in a fixed schematic arrangement (north on top, Pacific west, South-Southeast in the
south-east) rather than on a map: five regions of very different size read better as equal
tiles, and each tile has room for its name and values.
"""

from __future__ import annotations

from html import escape
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsRectItem, QWidget

from planner.ui.charts.base import (
    ChartInput,
    ChartPanel,
    Colours,
    fmt_number,
    fmt_signed,
    label_for,
)
from planner.ui.charts.series import percent_change

import pyqtgraph as pg  # isort: skip

# Schematic tile rectangles (x, y, width, height) in tile units, y growing downwards.
TILE_LAYOUT = {
    "north": (0.0, 0.0, 3.0, 1.0),
    "pacific": (0.0, 1.0, 1.0, 1.0),
    "bajio": (1.0, 1.0, 1.0, 1.0),
    "centre": (2.0, 1.0, 1.0, 1.0),
    "south_southeast": (2.0, 2.0, 2.0, 1.0),
}
GAP = 0.06


def _tr(text: str) -> str:
    return QCoreApplication.translate("RegionTiles", text)


def tile_rects(region_ids: tuple[str, ...]) -> dict[str, tuple[float, float, float, float]]:
    """The layout rectangle of each region; ids outside the layout go on a row underneath."""
    rects = {}
    spare = 0.0
    for rid in region_ids:
        if rid in TILE_LAYOUT:
            rects[rid] = TILE_LAYOUT[rid]
        else:
            rects[rid] = (spare, 3.0, 1.0, 1.0)
            spare += 1.0
    return rects


class RegionTilesChart(ChartPanel):
    """Five tiles with the region's name, % change and USD m change of exports at one year."""

    def __init__(self, model: Any, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.setObjectName("region_tiles")
        self.region_ids = tuple(model.mx_regions)
        self.rects = tile_rects(self.region_ids)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.invertY(True)
        self.plot.setAspectLocked(False)
        self.tiles: list[QGraphicsRectItem] = []
        self.labels: list[pg.TextItem] = []
        for rid in self.region_ids:
            x, y, w, h = self.rects[rid]
            tile = QGraphicsRectItem(x + GAP, y + GAP, w - 2 * GAP, h - 2 * GAP)
            self.plot.addItem(tile)
            self.tiles.append(tile)
            label = pg.TextItem(anchor=(0.5, 0.5))
            label.setPos(x + w / 2, y + h / 2)
            self.plot.addItem(label)
            self.labels.append(label)
        right = max(x + w for x, _, w, _ in self.rects.values())
        bottom = max(y + h for _, y, _, h in self.rects.values())
        self.plot.setRange(xRange=(0, right), yRange=(0, bottom), padding=0.02)
        self.colour_map = pg.colormap.get("CET-D1")  # blue - white - red
        self.colour_map.reverse()  # so that a fall in exports is red, a rise blue
        self.colour_bar = pg.ColorBarItem(
            values=(-1.0, 1.0),
            colorMap=self.colour_map,
            interactive=False,
            orientation="horizontal",
            width=12,
        )
        self.colour_bar.axis.enableAutoSIPrefix(False)
        self.cache_item(self.colour_bar.axis)  # redrawn only when the scale changes
        self.view.addItem(self.colour_bar, row=1, col=0)
        self._base = np.zeros(len(self.region_ids))
        self._scen = np.zeros(len(self.region_ids))
        self._pct = np.zeros(len(self.region_ids))
        self._limit = 0.0
        self._label_html = [""] * len(self.region_ids)
        self.finish_setup()

    def retranslate(self) -> None:
        year = f", {self.current.year}" if self.current is not None else ""
        self.set_title(_tr("Mexico's regions: exports, change vs baseline") + year)
        self.colour_bar.axis.setLabel(_tr("export change vs baseline, %"))
        if self.current is not None:
            self._write_labels()

    def apply_colours(self, colours: Colours) -> None:
        super().apply_colours(colours)
        self.colour_bar.axis.setPen(pg.mkPen(colours.fg))
        self.colour_bar.axis.setTextPen(pg.mkPen(colours.fg))
        for tile in self.tiles:
            tile.setPen(pg.mkPen(colours.bg, width=2))
        if self.current is not None:
            self._paint_tiles()

    def set_input(self, data: ChartInput) -> None:
        year_changed = self.current is None or self.current.year_index != data.year_index
        super().set_input(data)
        results, y = data.results, data.year_index
        order = [list(results.mx_regions).index(rid) for rid in self.region_ids]
        self._base = np.asarray(results.mx_region_exports_base)[y, order]
        self._scen = np.asarray(results.mx_region_exports)[y, order]
        self._pct = percent_change(self._scen, self._base)
        self._paint_tiles()
        self._write_labels()
        if year_changed:
            self.retranslate()

    def _paint_tiles(self) -> None:
        pct = np.nan_to_num(self._pct)
        # The scale is symmetric around zero so white always means "no change"; it is kept
        # while the values still fill most of it (re-laying the colour bar is costly).
        # No change at all (a lever switched back off) reads on any scale: keep it.
        biggest = float(np.abs(pct).max())
        need = max(biggest, 0.1)
        flat = biggest < 1e-9 and self._limit > 0
        if not flat and not (0.5 * self._limit <= need <= self._limit):
            self._limit = need * 1.1
            self.colour_bar.setLevels(values=(-self._limit, self._limit))
        limit = self._limit
        colours = self.colour_map.map((pct + limit) / (2 * limit), mode="qcolor")
        for tile, colour, label in zip(self.tiles, colours, self.labels, strict=True):
            tile.setBrush(pg.mkBrush(colour))
            ink = QColor("black") if colour.lightnessF() > 0.5 else QColor("white")
            if ink != label.color:
                label.setColor(ink)

    def _write_labels(self) -> None:
        delta = self._scen - self._base
        for i, rid in enumerate(self.region_ids):
            name = label_for(self.model.mx_region_labels, self.language, rid)
            digits = 2 if abs(self._pct[i]) < 1 else 1
            pct = "–" if np.isnan(self._pct[i]) else f"{fmt_signed(self._pct[i], digits)} %"
            usd = f"{fmt_signed(delta[i], 0)} " + _tr("USD m")
            html = f'<div style="text-align:center"><b>{escape(name)}</b><br>{pct}<br>{usd}</div>'
            if html != self._label_html[i]:  # laying out rich text is the slow part
                self._label_html[i] = html
                # Straight to the text item: TextItem.setHtml would first serialise the old
                # document back to HTML to compare, which the cache above already did.
                self.labels[i].textItem.setHtml(html)
                self.labels[i].updateTextPos()

    def hover_text(self, x: float, y: float) -> str:
        for i, rid in enumerate(self.region_ids):
            rx, ry, w, h = self.rects[rid]
            if rx <= x <= rx + w and ry <= y <= ry + h:
                name = label_for(self.model.mx_region_labels, self.language, rid)
                return _tr("{region}: baseline {base}, scenario {scen} USD m").format(
                    region=name,
                    base=fmt_number(self._base[i], 0),
                    scen=fmt_number(self._scen[i], 0),
                )
        return ""

    def table(self) -> pd.DataFrame:
        if self.current is None:
            return pd.DataFrame()
        return pd.DataFrame(
            {
                "mx_region": list(self.region_ids),
                "year": self.current.year,
                "baseline_usd_m": self._base,
                "scenario_usd_m": self._scen,
                "delta_usd_m": self._scen - self._base,
                "delta_pct": self._pct,
            }
        )
