"""Mexico's macro-regions as a tile map, coloured by the change in exports against the baseline.

Tiles sit in a fixed schematic arrangement (north on top, Pacific west, South-Southeast in the
south-east) rather than on a map: five regions of very different size read better as equal
tiles, and each tile has room for its name and values.

A tile's label is sized to its tile in pixels (``label_fit.fit_lines``): a smaller font when the
translation runs long, and as a last resort lines that end in "…"; the hover read-out always
names the region with its full values.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QGraphicsRectItem, QWidget

from planner.ui.charts import fast_axis
from planner.ui.charts.base import (
    ChartInput,
    ChartPanel,
    Colours,
    fmt_number,
    fmt_signed,
    label_for,
)
from planner.ui.charts.contrast import legible_ink
from planner.ui.charts.label_fit import LineMetrics, fit_lines
from planner.ui.charts.series import percent_change
from planner.ui.charts.tile_text import anchor_text, tile_label

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
LABEL_MARGIN_PX = 3.0  # between a label and its tile's edge
MAX_FITTED = 32  # fitted label sets remembered by a chart before starting afresh


def _tr(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate("RegionTiles", text, disambiguation)


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
            label = tile_label()
            label.setPos(x + w / 2, y + h / 2)
            self.plot.addItem(label)
            self.labels.append(label)
        right = max(x + w for x, _, w, _ in self.rects.values())
        bottom = max(y + h for _, y, _, h in self.rects.values())
        self.plot.setRange(xRange=(0, right), yRange=(0, bottom), padding=0.02)
        # CET-D1 runs blue - white - red; reversed, a fall in exports is red and a rise blue.
        # pyqtgraph hands every caller the same ColorMap object, so reversing it in place
        # would flip every chart made before this one (the PDF brief makes its own).
        pos, colours = pg.colormap.get("CET-D1").getStops()
        self.colour_map = pg.ColorMap(1.0 - pos[::-1], colours[::-1])
        self.colour_bar = pg.ColorBarItem(
            values=(-1.0, 1.0),
            colorMap=self.colour_map,
            interactive=False,
            orientation="horizontal",
            width=12,
        )
        self.colour_bar.axis.enableAutoSIPrefix(False)
        self.cache_item(self.colour_bar.axis)  # redrawn only when the scale changes
        fast_axis.speed_up(self.colour_bar.axis)
        self.view.addItem(self.colour_bar, row=1, col=0)
        self._base = np.zeros(len(self.region_ids))
        self._scen = np.zeros(len(self.region_ids))
        self._pct = np.zeros(len(self.region_ids))
        self._limit = 0.0
        self._drawn = False  # whether set_input has drawn any results yet
        self._label_lines: list[tuple | None] = [None] * len(self.region_ids)
        self._metrics: dict[str, LineMetrics] = {}  # by QFont.key: the labels' fonts
        self._tiles_key: tuple | None = None  # what the tiles' colours were drawn from
        # The labels' fit, by their texts, room and font: a lever switched back off, or on
        # again, brings back texts and room fitted before.
        self._fitted: dict[tuple, tuple[float, list[tuple[str, ...]]]] = {}
        # The labels fit the tiles' pixel size, known once the layout has run.
        self.plot.vb.sigResized.connect(lambda *_: self._write_labels())
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
        regions = list(results.mx_regions)
        order = [regions.index(rid) for rid in self.region_ids]
        base = np.asarray(results.mx_region_exports_base)[y, order]
        scen = np.asarray(results.mx_region_exports)[y, order]
        if (
            self._drawn
            and not year_changed
            and np.array_equal(base, self._base, equal_nan=True)
            and np.array_equal(scen, self._scen, equal_nan=True)
        ):
            # A lever that does not reach Mexico's regions: the tiles show these numbers
            # (a new size, language or palette redraws them through its own path).
            return
        self._drawn = True
        self._base, self._scen = base, scen
        self._pct = percent_change(self._scen, self._base)
        self._paint_tiles()
        self._write_labels()
        if year_changed:
            self.retranslate()

    def _paint_tiles(self) -> None:
        pct = self._pct
        if not np.isfinite(pct).all():  # nan_to_num costs more than this test on five tiles
            pct = np.nan_to_num(pct)
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
        key = (pct.tobytes(), limit, self.colours.bg.rgba())
        if key == self._tiles_key:
            return  # the same colours (a lever that does not move Mexico's regions)
        self._tiles_key = key
        colours = self.colour_map.map((pct + limit) / (2 * limit), mode="qcolor")
        for tile, colour, label in zip(self.tiles, colours, self.labels, strict=True):
            tile.setBrush(QBrush(colour))  # pg.mkBrush's brush, without its argument parsing
            ink = legible_ink(colour)
            if ink != label.color:
                label.setColor(ink)

    def _tile_px(self) -> tuple[float, float]:
        """Pixels per tile unit across and down (the view's current scale)."""
        vb = self.plot.vb
        (x0, x1), (y0, y1) = vb.viewRange()
        return vb.width() / max(x1 - x0, 1e-9), vb.height() / max(y1 - y0, 1e-9)

    def _metrics_for(self, font: QFont) -> LineMetrics:
        key = font.key()
        metrics = self._metrics.get(key)
        if metrics is None:
            metrics = self._metrics[key] = LineMetrics(font)
        return metrics

    def _write_labels(self) -> None:
        if self.current is None:
            return
        delta = self._scen - self._base
        px, py = self._tile_px()
        font = self.labels[0].textItem.font() if self.labels else QFont()
        lines, rooms = [], []
        unit = _tr("USD m", "compact unit on a region tile")  # translated once, not per tile
        for i, rid in enumerate(self.region_ids):
            name = label_for(self.model.mx_region_labels, self.language, rid)
            digits = 2 if abs(self._pct[i]) < 1 else 1
            pct = "–" if np.isnan(self._pct[i]) else f"{fmt_signed(self._pct[i], digits)} %"
            # A short unit: "millones USD" would not fit a small tile (the hover spells it).
            usd = f"{fmt_signed(delta[i], 0)} {unit}"
            _x, _y, w, h = self.rects[rid]
            room_w = (w - 2 * GAP) * px - 2 * LABEL_MARGIN_PX - 2.0  # 2.0: the text margin
            room_h = (h - 2 * GAP) * py - 2 * LABEL_MARGIN_PX - 2.0
            lines.append([name, pct, usd])
            rooms.append((room_w, room_h))
        key = (tuple(map(tuple, lines)), tuple(rooms), font.key())
        fitted = self._fitted.get(key)
        if fitted is None:
            if len(self._fitted) >= MAX_FITTED:
                self._fitted.clear()
            fitted = self._fitted[key] = self._fit(lines, rooms, font)
        size, texts_by_tile = fitted
        for i, texts in enumerate(texts_by_tile):
            shown = (*texts, size)
            if shown != self._label_lines[i]:  # laying out text is the slow part
                self._label_lines[i] = shown
                self.labels[i].textItem.set_lines(list(texts), size)
                anchor_text(self.labels[i])

    def _fit(
        self, lines: list[list[str]], rooms: list[tuple[float, float]], font: QFont
    ) -> tuple[float, list[tuple[str, ...]]]:
        """The labels' point size and each tile's fitted lines."""
        metrics = self._metrics_for(font)
        # One size for every tile (the one the most crowded tile needs): labels of different
        # sizes side by side would read as different kinds of numbers.
        size = min(
            fit_lines(t, font, *room, metrics=metrics)[0]
            for t, room in zip(lines, rooms, strict=True)
        )
        sized = QFont(font)
        sized.setPointSizeF(size)
        sized_metrics = self._metrics_for(sized)
        return size, [
            tuple(fit_lines(texts, sized, *room, shrink=False, metrics=sized_metrics)[1])
            for texts, room in zip(lines, rooms, strict=True)
        ]

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

    # Tiles lie in rows: Up and Down go to the tile above or below (Left and Right take
    # them in reading order).
    STEP_ROWS = True

    def point_count(self) -> int:
        return len(self.region_ids)

    def point_position(self, i: int) -> tuple[float, float]:
        x, y, w, h = self.rects[self.region_ids[i]]
        return x + w / 2, y + h / 2  # inside this tile only (hover_text tests each in turn)

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
