"""The corridor network drawn from node longitude/latitude at equal aspect: edge width = flow
(scaled to a fixed pixel range against the network's largest capacity), colour = utilisation
(blue with room to spare, orange at capacity, dark brown over it), disrupted edges dashed red,
the corridor not yet built dotted.  Region and market names are placed so none overlaps."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QWidget

from planner.ui.charts import fast_axis
from planner.ui.charts.base import ChartInput, ChartPanel, Colours, fmt_number, label_for
from planner.ui.charts.corridor_names import leader_ends, name_boxes
from planner.ui.charts.corridor_readout import CorridorReadout, kind_label
from planner.ui.charts.items import Markers
from planner.ui.charts.map_edges import (
    DISRUPTED,
    UTILISATION_COLOURS,
    UTILISATION_STOPS,
    UTILISATION_TOP,
    EdgeLayer,
    disrupted_edges,
    edge_pens,
    width_px,
)

import pyqtgraph as pg  # isort: skip

THIN_SAMPLE_SHARE = 0.1  # the legend's thin line: this share of the top capacity
NODE_SYMBOLS = {"mx_region": "o", "border": "s", "seaport": "t", "market": "d"}
NODE_SIZES = {"mx_region": 9, "border": 6, "seaport": 7, "market": 8}
LABELLED_KINDS = ("mx_region", "market")  # crossings and ports name themselves on hover
# The markets' short names (seeds/network_nodes.csv labels are English only), kept in the .ts
# files through this list; Mexican regions use the model's translated region labels.
MARKET_NAMES = (
    QT_TRANSLATE_NOOP("CorridorMap", "US South"),
    QT_TRANSLATE_NOOP("CorridorMap", "US Midwest"),
    QT_TRANSLATE_NOOP("CorridorMap", "US West"),
    QT_TRANSLATE_NOOP("CorridorMap", "US East"),
    QT_TRANSLATE_NOOP("CorridorMap", "Canada"),
    QT_TRANSLATE_NOOP("CorridorMap", "Overseas markets"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("CorridorMap", text)


class CorridorMapChart(CorridorReadout, ChartPanel):
    """Network map at one year with per-edge flow, utilisation, transit days and disruption."""

    def __init__(self, model: Any, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.setObjectName("corridor_map")
        nodes = model.network_nodes.set_index("id")
        edges = model.network_edges
        self.edge_ids = tuple(edges["id"])
        # Longitude shrinks with cos(latitude): scale x so that, with the aspect locked, a
        # degree of latitude and a degree of longitude keep their true proportion.
        self.lon_scale = math.cos(math.radians(float(nodes["lat"].mean())))
        lon, lat = nodes["lon"].to_numpy(float), nodes["lat"].to_numpy(float)
        # A far-off node (overseas markets) would shrink the network to a corner: pull it in
        # to just beyond the other nodes' extent, in its own direction.
        near = (nodes["kind"] != "market").to_numpy() | (np.abs(lon - np.median(lon)) < 30)
        lon = np.clip(lon, lon[near].min() - 3.0, lon[near].max() + 3.0)
        lat = np.clip(lat, lat[near].min() - 3.0, lat[near].max() + 3.0)
        self.node_xy = np.column_stack([lon * self.lon_scale, lat])
        self.node_ids = tuple(nodes.index)
        pos = {nid: i for i, nid in enumerate(self.node_ids)}
        start = self.node_xy[[pos[n] for n in edges["from_node"]]]
        end = self.node_xy[[pos[n] for n in edges["to_node"]]]
        self.segments = np.hstack([start, end])
        self.from_to = list(zip(edges["from_node"], edges["to_node"], strict=True))
        self.capacity = edges["capacity_usd_bn"].to_numpy(float)
        # Widths are against the largest capacity of the network: a fixed scale, so a width
        # means the same flow in every year and scenario.
        self.top_capacity = float(np.nanmax(self.capacity))
        self.edge_layer = EdgeLayer(self.segments)
        self.plot.addItem(self.edge_layer)
        self.node_kinds = list(nodes["kind"])
        self.node_items = {
            kind: Markers(
                pos=self.node_xy[[k == kind for k in self.node_kinds]],
                symbol=symbol,
                size=NODE_SIZES[kind],
            )
            for kind, symbol in NODE_SYMBOLS.items()
        }
        for item in self.node_items.values():
            self.plot.addItem(item)
            # The nodes never move: a pixmap, copied where the edges under them repaint.
            self.cache_item(item)
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 2.0, 6.0))
        self.small_font = small
        self.node_names = [str(label) for label in nodes["label"]]
        self.node_regions = [
            str(r) if isinstance(r, str) else "" for r in nodes.get("mx_region", [""] * len(nodes))
        ]
        # "US Midwest (Chicago-Detroit)" -> "US Midwest" on the map; hover gives the rest.
        self.labelled = [i for i, k in enumerate(self.node_kinds) if k in LABELLED_KINDS]
        self.node_labels = []
        for i in self.labelled:
            # Placed by its top-left corner: _place_names works out the whole box.
            text = pg.TextItem(self.node_names[i].split(" (")[0], anchor=(0, 0))
            text.setFont(small)
            text.textItem.document().setDocumentMargin(1.0)  # tight boxes pack more names
            # Drawn once into a pixmap: the edges under the names change with every toggle,
            # and every name in the repainted area would be laid out and drawn again.
            self.cache_item(text.textItem)
            text.setPos(*map(float, self.node_xy[i]))
            # Names must not widen the map's range: it frames the nodes only.
            self.plot.addItem(text, ignoreBounds=True)
            self.node_labels.append(text)
        # A thin line from a node to its name where the name had to sit further out than
        # the first step (the Mexican regions are a crowd of nodes and edges).
        self.leaders = pg.PlotCurveItem(connect="pairs")
        self.plot.addItem(self.leaders, ignoreBounds=True)
        self.cache_item(self.leaders)
        self._names_key: tuple[Any, ...] | None = None  # what the names were last placed for
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.setAspectLocked(True, ratio=1.0)
        (x0, y0), (x1, y1) = self.node_xy.min(axis=0), self.node_xy.max(axis=0)
        self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.07)
        # The aspect lock widens the range after a resize: place the names after either.
        self.plot.vb.sigResized.connect(self._place_names)
        self.plot.vb.sigRangeChanged.connect(self._place_names)
        self.plot.vb.sigTransformChanged.connect(self._place_names)
        # Stops as shares of the scale's top: the colour bar samples its map from 0 to 1 over
        # its whole height, so a map on 0..1.25 drew 90 %'s orange at the 112 % tick.
        self.utilisation_map = pg.ColorMap(
            np.array(UTILISATION_STOPS) / UTILISATION_TOP, list(UTILISATION_COLOURS)
        )
        # Legend samples: two flow widths, a disrupted edge and a corridor not built.
        self.wide_sample = pg.PlotDataItem()
        self.thin_sample = pg.PlotDataItem()
        self.disrupted_sample = pg.PlotDataItem()
        self.planned_sample = pg.PlotDataItem()
        # The map keeps its aspect and is a little wider than tall, as is the panel: the colour
        # bar goes to its right and the legend (three columns, two rows) under it.
        self.colour_bar = pg.ColorBarItem(
            values=(0.0, UTILISATION_TOP),
            colorMap=self.utilisation_map,
            interactive=False,
            orientation="vertical",
            width=10,
        )
        self.colour_bar.axis.enableAutoSIPrefix(False)
        fast_axis.speed_up(self.colour_bar.axis)
        self.view.addItem(self.colour_bar, row=0, col=1)
        # Room for the widest tick ("125 %") and the rotated title beside it: the axis sizes
        # itself from the default numbers otherwise, and the title would cover the ticks.
        metrics = QFontMetrics(self.colour_bar.axis.style.get("tickFont") or self.font())
        self.colour_bar.axis.setWidth(
            metrics.horizontalAdvance(f"{fmt_number(100 * UTILISATION_TOP, 0)} %")
            + metrics.height()
            + 10
        )
        self.legend = pg.LegendItem(colCount=3, labelTextSize="8pt", frame=False, verSpacing=-6)
        self.view.addItem(self.legend, row=1, col=0, colspan=2)
        self._data: dict[str, np.ndarray] = {}
        self._edge_key: tuple[bytes, ...] | None = None  # what the edge pens last drew
        self._edge_input: tuple[bytes | None, ...] | None = None  # the numbers they came from
        self._edge_order: tuple[tuple[str, ...], list[int]] | None = None
        self.finish_setup()

    def short_name(self, i: int) -> str:
        """Node ``i``'s name on the map in the interface language: a region's translated
        label, a market's translated short name, else the seed label up to its "(".
        "US Midwest (Chicago-Detroit)" -> "Medio Oeste de EE. UU." in Spanish."""
        if self.node_kinds[i] == "mx_region" and self.node_regions[i]:
            return self.region_name(self.node_regions[i])
        return _tr(self.node_names[i].split(" (")[0])

    def full_name(self, i: int) -> str:
        """The short name with the seed label's places in brackets (for the hover)."""
        places = self.node_names[i].partition(" (")[2]
        return f"{self.short_name(i)} ({places}" if places else self.short_name(i)

    def retranslate(self) -> None:
        year = f", {self.current.year}" if self.current is not None else ""
        self.set_title(_tr("Freight corridors: flow, utilisation and disruptions") + year)
        for text, i in zip(self.node_labels, self.labelled, strict=True):
            name = self.short_name(i)
            if name != text.toPlainText():
                text.setText(name)
        self.colour_bar.axis.setLabel(_tr("% of capacity used"))
        self.colour_bar.axis.setTicks(
            [[(v, f"{fmt_number(100 * v, 0)} %") for v in (0.0, 0.5, 1.0, UTILISATION_TOP)]]
        )
        # Regions and markets carry their names on the map; the legend explains the rest.
        entries = [(self.node_items[k], kind_label(k)) for k in ("border", "seaport")]
        for sample, share in ((self.wide_sample, 1.0), (self.thin_sample, THIN_SAMPLE_SHARE)):
            flow = fmt_number(share * self.top_capacity, 0)
            entries.append((sample, _tr("flow {flow} USD bn").format(flow=flow)))
        entries.append((self.disrupted_sample, _tr("Disrupted")))
        entries.append((self.planned_sample, _tr("Corridor not built")))
        self.set_legend_entries(entries, force=True)
        self._fit_legend()
        self._place_names()

    def _fit_legend(self) -> None:
        """Three legend columns where the names fit the panel's width, else two."""
        if self.legend is None:
            return
        metrics = QFontMetrics(self.small_font)
        widest = max(
            (metrics.horizontalAdvance(label.text) for _s, label in self.legend.items), default=0
        )
        columns = 3 if 3 * (widest + 40) <= self.view.width() - 20 else 2
        if self.legend.columnCount != columns:
            self.legend.setColumnCount(columns)

    def apply_colours(self, colours: Colours) -> None:
        for item in self.node_items.values():
            item.setBrush(pg.mkBrush(colours.fg))
            item.setPen(pg.mkPen(colours.bg, width=1))
        for text in self.node_labels:
            text.setColor(colours.fg)
        leader = pg.mkColor(colours.fg)
        leader.setAlphaF(0.7)
        self.leaders.setPen(pg.mkPen(leader, width=1))
        for sample, share in ((self.wide_sample, 1.0), (self.thin_sample, THIN_SAMPLE_SHARE)):
            width = float(width_px(np.array([share * self.top_capacity]), self.top_capacity)[0])
            sample.setPen(pg.mkPen(colours.baseline, width=width))
        self.disrupted_sample.setPen(pg.mkPen(DISRUPTED, width=2, style=Qt.PenStyle.DashLine))
        self.planned_sample.setPen(pg.mkPen(colours.fg, width=1.5, style=Qt.PenStyle.DotLine))
        self.colour_bar.axis.setPen(pg.mkPen(colours.fg))
        self.colour_bar.axis.setTextPen(pg.mkPen(colours.fg))
        super().apply_colours(colours)
        if self.current is not None:
            self._restyle_edges(force=True)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._fit_legend()
        self._place_names()

    def _place_names(self, *_args: Any) -> None:
        """Put each region and market name near its node (``name_boxes``), with a leader line
        to a name set further out than the first step.  Only a new size, range or text moves
        the names."""
        vb = self.plot.vb
        width, height = vb.width(), vb.height()
        # Map with the transform the items are drawn with (the view's range may be ahead of
        # it until the next paint; sigTransformChanged then places the names again).
        to_px = vb.childGroup.transform()
        sx, sy, ox, oy = to_px.m11(), to_px.m22(), to_px.m31(), to_px.m32()
        if width < 10 or height < 10 or sx <= 0 or sy >= 0:
            return
        sizes = [
            (t.textItem.boundingRect().width(), t.textItem.boundingRect().height())
            for t in self.node_labels
        ]
        key = (width, height, sx, sy, ox, oy, tuple(sizes))
        if key == self._names_key:
            return
        self._names_key = key
        points = self.node_xy * [sx, sy] + [ox, oy]  # pixels of the view box, y down
        segments = self.segments * [sx, sy, sx, sy] + [ox, oy, ox, oy]
        boxes = name_boxes(self.labelled, points, sizes, segments, (width, height))
        for text, box in zip(self.node_labels, boxes, strict=True):
            text.setVisible(box is not None)
            if box is not None:
                text.setPos(float((box.left() - ox) / sx), float((box.top() - oy) / sy))
        leaders = leader_ends(self.labelled, points, boxes)
        ends = np.array(leaders, dtype=float).reshape(-1, 2)
        self.leaders.setData((ends[:, 0] - ox) / sx, (ends[:, 1] - oy) / sy)

    def set_input(self, data: ChartInput) -> None:
        year_changed = self.current is None or self.current.year_index != data.year_index
        super().set_input(data)
        results, y = data.results, data.year_index
        order = self._results_order(tuple(results.edge_ids))
        flow = getattr(results, "corridor_flow_usd_bn", None)
        self._data = {
            "utilisation_base": np.asarray(results.corridor_utilisation_base)[y, order],
            "utilisation": np.asarray(results.corridor_utilisation)[y, order],
            "days_base": np.asarray(results.corridor_days_base)[y, order],
            "days": np.asarray(results.corridor_days)[y, order],
        }
        if flow is not None:
            self._data["flow_usd_bn"] = np.asarray(flow)[y, order]
        self._data["disrupted"] = disrupted_edges(self.model, results, data.year, self.from_to)
        # The engine marks an edge without capacity (a corridor not built) with NaN.
        self._data["built"] = np.isfinite(self._data["utilisation"])
        self._restyle_edges()
        if year_changed:
            self.retranslate()

    def _results_order(self, edge_ids: tuple[str, ...]) -> list[int]:
        """Where each of the map's edges sits in Results (the same on every toggle)."""
        if self._edge_order is None or self._edge_order[0] != edge_ids:
            self._edge_order = (edge_ids, [edge_ids.index(e) for e in self.edge_ids])
        return self._edge_order[1]

    def _restyle_edges(self, force: bool = False) -> None:
        d = self._data
        utilisation = d["utilisation"]
        # The same numbers as last time (a lever that moves no freight) make the same pens:
        # the colour scale and the widths need not be worked out again.
        given = tuple(
            d[key].tobytes() if key in d else None
            for key in ("utilisation", "flow_usd_bn", "disrupted")
        )
        if not force and given == self._edge_input:
            return
        self._edge_input = given
        colours = self.utilisation_map.map(
            np.clip(np.nan_to_num(utilisation), 0.0, UTILISATION_TOP) / UTILISATION_TOP,
            mode="float",
        )
        # Width shows flow where Results carries it, else utilisation x the table's capacity.
        flow = d.get("flow_usd_bn", np.nan_to_num(utilisation) * self.capacity)
        widths = width_px(flow, self.top_capacity)
        # What the pens draw, to the precision it is drawn with (QColor keeps 16 bits a
        # channel, the raster engine places outlines on a 1/64 px grid): most toggles leave
        # the corridors as they were, and an unchanged map need not repaint.
        key = (
            np.round(colours * 65535).astype(np.uint16).tobytes(),
            np.round(widths * 64).astype(np.int32).tobytes(),
            d["disrupted"].tobytes(),
            d["built"].tobytes(),
        )
        if not force and key == self._edge_key:
            return
        self._edge_key = key
        pens = edge_pens(colours, widths, d["disrupted"], d["built"], self.colours.fg)
        # Widest first, then the dotted and dashed ones on top where they cross.
        rank = widths - 10.0 * d["disrupted"] - 10.0 * ~d["built"]
        self.edge_layer.set_pens(pens, np.argsort(-rank, kind="stable").tolist())

    def table(self) -> pd.DataFrame:
        if self.current is None:
            return pd.DataFrame()
        frame = pd.DataFrame(
            {
                "edge": list(self.edge_ids),
                "from_node": [a for a, _ in self.from_to],
                "to_node": [b for _, b in self.from_to],
                "year": self.current.year,
            }
        )
        for key, values in self._data.items():
            frame[key] = values
        return frame

    def region_name(self, region_id: str) -> str:
        return label_for(self.model.mx_region_labels, self.language, region_id)
