"""The corridor network drawn from node longitude/latitude: edge width = flow, colour =
utilisation, disrupted edges dashed red, corridors not yet built dotted."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from planner.ui.charts.base import ChartInput, ChartPanel, Colours, fmt_number, label_for

import pyqtgraph as pg  # isort: skip

DISRUPTED = "#E41A1C"
UTILISATION_STOPS = (0.0, 0.7, 1.0)
UTILISATION_COLOURS = ("#009E73", "#F0E442", "#E69F00")
MAX_WIDTH_PX = 8.0
NODE_SYMBOLS = {"mx_region": "o", "border": "s", "seaport": "t", "market": "d"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CorridorMap", text)


def kind_label(kind: str) -> str:
    names = {
        "mx_region": _tr("Mexican region"),
        "border": _tr("Border crossing"),
        "seaport": _tr("Seaport"),
        "market": _tr("Market"),
    }
    return names.get(kind, kind)


def disrupted_edges(
    model: Any, results: Any, year: int, from_to: list[tuple[str, str]]
) -> np.ndarray:
    """Edges an event of the scenario cuts in ``year`` (bool per edge).

    Uses Results.corridor_disrupted when the engine provides it; otherwise reads the
    scenario's disruption shocks with the engine's own rule (the flood hits edges leaving its
    node, a port closure every edge touching the port, in the start year).
    """
    given = getattr(results, "corridor_disrupted", None)
    if given is not None:
        years = [int(v) for v in results.years]
        order = [list(results.edge_ids).index(e) for e in model.network_edges["id"]]
        return np.asarray(given, dtype=bool)[years.index(year), order]
    from planner.model.engine.logistics import FLOOD_NODE, FLOOD_SHOCK, PORT_SHOCK

    scenario = results.scenario
    hit = np.zeros(len(from_to), dtype=bool)
    for shock in getattr(scenario, "shocks", ()) or ():
        if shock.id not in (FLOOD_SHOCK, PORT_SHOCK):
            continue
        try:
            params = dict(scenario.effective_params(model.catalog, shock.id))
        except (AttributeError, KeyError, TypeError, ValueError):
            params = dict(shock.params)
        if int(params.get("start_year", results.years[0])) != year:
            continue
        if shock.id == FLOOD_SHOCK:
            hit |= np.array([a == FLOOD_NODE for a, _ in from_to])
        else:
            port = str(params.get("port", ""))
            hit |= np.array([port in (a, b) for a, b in from_to])
    return hit


class EdgeLayer(pg.GraphicsObject):
    """All edges in one item: one QPainter pass with a pen per edge (fast to repaint)."""

    def __init__(self, segments: np.ndarray) -> None:
        super().__init__()
        self.lines = [QLineF(*map(float, row)) for row in segments]
        xs, ys = segments[:, [0, 2]], segments[:, [1, 3]]
        self._bounds = QRectF(xs.min(), ys.min(), np.ptp(xs), np.ptp(ys))
        self.pens = [QPen() for _ in self.lines]
        self.order = list(range(len(self.lines)))

    def set_pens(self, pens: list[QPen], order: list[int]) -> None:
        """New pens (cosmetic widths in pixels) and the drawing order, widest first."""
        self.pens, self.order = pens, order
        self.update()

    def boundingRect(self) -> QRectF:  # Qt override
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for i in self.order:
            painter.setPen(self.pens[i])
            painter.drawLine(self.lines[i])


class CorridorMapChart(ChartPanel):
    """Network map at one year with per-edge flow, utilisation, transit days and disruption."""

    def __init__(self, model: Any, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.setObjectName("corridor_map")
        nodes = model.network_nodes.set_index("id")
        edges = model.network_edges
        self.edge_ids = tuple(edges["id"])
        # Longitude shrinks with cos(latitude): scale x so the map keeps its proportions.
        self.lon_scale = math.cos(math.radians(float(nodes["lat"].mean())))
        lon, lat = nodes["lon"].to_numpy(float), nodes["lat"].to_numpy(float)
        # A far-off node (overseas markets) would shrink the network to a corner: pull it in
        # to just beyond the other nodes' extent, in its own direction.
        near = (nodes["kind"] != "market").to_numpy() | (np.abs(lon - np.median(lon)) < 30)
        lon = np.clip(lon, lon[near].min() - 4.0, lon[near].max() + 4.0)
        lat = np.clip(lat, lat[near].min() - 4.0, lat[near].max() + 4.0)
        nx, ny = lon * self.lon_scale, lat
        self.node_xy = np.column_stack([nx, ny])
        self.node_ids = tuple(nodes.index)
        pos = {nid: i for i, nid in enumerate(self.node_ids)}
        start = self.node_xy[[pos[n] for n in edges["from_node"]]]
        end = self.node_xy[[pos[n] for n in edges["to_node"]]]
        self.segments = np.hstack([start, end])
        self.from_to = list(zip(edges["from_node"], edges["to_node"], strict=True))
        self.capacity = edges["capacity_usd_bn"].to_numpy(float)
        self.edge_layer = EdgeLayer(self.segments)
        self.plot.addItem(self.edge_layer)
        self.node_kinds = list(nodes["kind"])
        self.node_items = {
            kind: pg.ScatterPlotItem(
                pos=self.node_xy[[k == kind for k in self.node_kinds]], symbol=symbol, size=9
            )
            for kind, symbol in NODE_SYMBOLS.items()
        }
        for item in self.node_items.values():
            self.plot.addItem(item)
        self.node_labels = []
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 2.0, 6.0))
        self.node_names = [str(label) for label in nodes["label"]]
        for (x, y), label, kind in zip(self.node_xy, self.node_names, nodes["kind"], strict=True):
            # "US Midwest (Chicago-Detroit)" -> "US Midwest" on the map; hover gives the rest.
            text = pg.TextItem(label.split(" (")[0], anchor=(0.5, -0.1))
            text.setFont(small)
            # Crossings and ports crowd the border: the hover read-out names them.
            text.setVisible(kind in ("mx_region", "market"))
            text.setPos(float(x), float(y))
            self.plot.addItem(text)
            self.node_labels.append(text)
        self.plot.hideAxis("left")
        self.plot.getAxis("bottom").setStyle(showValues=False, tickLength=0)
        self.plot.setAspectLocked(True)
        self.plot.autoRange(padding=0.08)
        self.utilisation_map = pg.ColorMap(np.array(UTILISATION_STOPS), list(UTILISATION_COLOURS))
        self.disrupted_sample = pg.PlotDataItem()
        self.planned_sample = pg.PlotDataItem()
        # The map keeps its aspect: the colour bar goes to its right, the legend (two columns,
        # to fit the narrowest dashboard panel) under it.
        self.legend = pg.LegendItem(colCount=2, labelTextSize="8pt", frame=False)
        self.view.addItem(self.legend, row=1, col=0, colspan=2)
        self.colour_bar = pg.ColorBarItem(
            values=(0.0, 1.0),
            colorMap=self.utilisation_map,
            interactive=False,
            orientation="vertical",
            width=10,
        )
        self.colour_bar.axis.enableAutoSIPrefix(False)
        self.view.addItem(self.colour_bar, row=0, col=1)
        self._data: dict[str, np.ndarray] = {}
        self._top = float("nan")
        self.finish_setup()

    def retranslate(self) -> None:
        year = f", {self.current.year}" if self.current is not None else ""
        self.set_title(_tr("Freight corridors: flow, utilisation and disruptions") + year)
        self.colour_bar.axis.setLabel(_tr("utilisation (flow / capacity)"))
        self.plot.setLabel("bottom", _tr("line width = flow, USD bn"))
        # Regions and markets carry their names on the map; the legend explains the rest.
        entries = [(self.node_items[k], kind_label(k)) for k in ("border", "seaport")]
        entries.append((self.disrupted_sample, _tr("Disrupted")))
        entries.append((self.planned_sample, _tr("Corridor not built")))
        self.set_legend_entries(entries, force=True)

    def apply_colours(self, colours: Colours) -> None:
        for item in self.node_items.values():
            item.setBrush(pg.mkBrush(colours.fg))
            item.setPen(pg.mkPen(colours.bg, width=1))
        for text in self.node_labels:
            text.setColor(colours.fg)
        self.disrupted_sample.setPen(pg.mkPen(DISRUPTED, width=2, style=Qt.PenStyle.DashLine))
        self.planned_sample.setPen(pg.mkPen(colours.baseline, width=1, style=Qt.PenStyle.DotLine))
        self.colour_bar.axis.setPen(pg.mkPen(colours.fg))
        self.colour_bar.axis.setTextPen(pg.mkPen(colours.fg))
        super().apply_colours(colours)
        if self.current is not None:
            self._restyle_edges()

    def set_input(self, data: ChartInput) -> None:
        year_changed = self.current is None or self.current.year_index != data.year_index
        super().set_input(data)
        results, y = data.results, data.year_index
        order = [list(results.edge_ids).index(e) for e in self.edge_ids]
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

    def _restyle_edges(self) -> None:
        d = self._data
        utilisation = d["utilisation"]
        # Scale to 1 (full), or past it in quarter steps when an edge is over capacity.
        top = max(float(np.ceil(np.nanmax(utilisation, initial=0.0) * 4.0) / 4.0), 1.0)
        if top != self._top:  # re-laying the colour bar's axis is costly: only on change
            self._top = top
            self.colour_bar.setLevels(values=(0.0, top))
        colours = self.utilisation_map.map(
            np.clip(np.nan_to_num(utilisation), 0.0, 1.0), mode="qcolor"
        )
        # Width shows flow where Results carries it, else utilisation x the table's capacity.
        flow = d.get("flow_usd_bn", np.nan_to_num(utilisation) * self.capacity)
        scale = MAX_WIDTH_PX / max(float(np.nanmax(flow)), 1e-9)
        widths = 1.0 + np.nan_to_num(flow) * scale
        pens = []
        for colour, width, disrupted, built in zip(
            colours, widths.tolist(), d["disrupted"].tolist(), d["built"].tolist(), strict=True
        ):
            if not built:
                pen = QPen(self.colours.baseline, 1.0, Qt.PenStyle.DotLine)
            elif disrupted:
                pen = QPen(QColor(DISRUPTED), max(width, 2.0), Qt.PenStyle.DashLine)
            else:
                pen = QPen(colour, width)
            pen.setCosmetic(True)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            pens.append(pen)
        self.edge_layer.set_pens(pens, list(np.argsort(-widths)))

    def _nearest_edge(self, x: float, y: float) -> tuple[int, float]:
        start, end = self.segments[:, :2], self.segments[:, 2:]
        seg = end - start
        length2 = np.maximum((seg**2).sum(axis=1), 1e-12)
        t = np.clip(((np.array([x, y]) - start) * seg).sum(axis=1) / length2, 0.0, 1.0)
        closest = start + seg * t[:, None]
        dist = np.hypot(closest[:, 0] - x, closest[:, 1] - y)
        i = int(dist.argmin())
        return i, float(dist[i])

    def hover_text(self, x: float, y: float) -> str:
        if not self._data:
            return ""
        node_dist = np.hypot(self.node_xy[:, 0] - x, self.node_xy[:, 1] - y)
        n = int(node_dist.argmin())
        i, dist = self._nearest_edge(x, y)
        if node_dist[n] < 0.5 and node_dist[n] <= dist:
            return f"{self.node_names[n]} ({kind_label(self.node_kinds[n])})"
        if dist > 1.0:
            return ""
        d = self._data
        names = dict(zip(self.node_ids, self.node_names, strict=True))
        a, b = self.from_to[i]
        text = _tr("{a} → {b}: utilisation {u} % (baseline {ub} %), {days} days ({db})").format(
            a=names[a],
            b=names[b],
            u=fmt_number(100 * d["utilisation"][i], 0),
            ub=fmt_number(100 * d["utilisation_base"][i], 0),
            days=fmt_number(d["days"][i]),
            db=fmt_number(d["days_base"][i]),
        )
        if "flow_usd_bn" in d:
            text += ", " + _tr("flow {flow} USD bn").format(flow=fmt_number(d["flow_usd_bn"][i]))
        if d["disrupted"][i]:
            text += " — " + _tr("Disrupted")
        return text

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
