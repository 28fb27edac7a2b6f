"""The corridor map's edges: the utilisation colours and flow widths they are drawn with,
which ones an event of the scenario cuts, and EdgeLayer, the one item that draws them all."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

import pyqtgraph as pg  # isort: skip

DISRUPTED = "#E41A1C"
# Utilisation (flow / capacity) -> colour, on a fixed scale so a colour means the same in
# every year and scenario; above the top it stays the darkest.
UTILISATION_STOPS = (0.0, 0.6, 0.8, 0.9, 1.0, 1.25)
UTILISATION_COLOURS = ("#C6DBEF", "#6BAED6", "#2171B5", "#FDAE6B", "#E6550D", "#7F2704")
UTILISATION_TOP = UTILISATION_STOPS[-1]
MIN_WIDTH_PX, MAX_WIDTH_PX = 0.75, 4.5  # an edge's width for no flow and for the top capacity


def width_px(flow_usd_bn: np.ndarray, top_usd_bn: float) -> np.ndarray:
    """Line widths in pixels: MIN_WIDTH_PX for no flow up to MAX_WIDTH_PX at ``top_usd_bn``."""
    share = np.clip(np.nan_to_num(flow_usd_bn) / max(top_usd_bn, 1e-9), 0.0, 1.0)
    return MIN_WIDTH_PX + share * (MAX_WIDTH_PX - MIN_WIDTH_PX)


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
        order = [list(results.edge_ids).index(e) for e in model.network_edges["id"]]
        return np.asarray(given, dtype=bool)[results.year_index(year), order]
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


def edge_pens(
    colours: np.ndarray, widths: np.ndarray, disrupted: np.ndarray, built: np.ndarray, fg: QColor
) -> list[QPen]:
    """A cosmetic pen per edge: its utilisation colour (RGBA floats, a row per edge) and
    width in pixels, dashed red when disrupted, dotted in ``fg`` when not built."""
    pens = []
    for colour, width, is_cut, is_built in zip(
        colours.tolist(), widths.tolist(), disrupted.tolist(), built.tolist(), strict=True
    ):
        if not is_built:
            pen = QPen(fg, 1.5, Qt.PenStyle.DotLine)
        elif is_cut:
            pen = QPen(QColor(DISRUPTED), max(width, 2.0), Qt.PenStyle.DashLine)
        else:
            pen = QPen(QColor.fromRgbF(*colour), width)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pens.append(pen)
    return pens


class EdgeLayer(pg.GraphicsObject):
    """All edges in one item: one QPainter pass with a pen per edge (fast to repaint)."""

    def __init__(self, segments: np.ndarray) -> None:
        super().__init__()
        self.lines = [QLineF(*map(float, row)) for row in segments]
        xs, ys = segments[:, [0, 2]], segments[:, [1, 3]]
        self._bounds = QRectF(xs.min(), ys.min(), np.ptp(xs), np.ptp(ys))
        self.pens = [QPen() for _ in self.lines]
        self.order = list(range(len(self.lines)))
        self._pad_px = 1.0  # half the widest pen plus the antialiased fringe, in pixels
        self._padded: QRectF | None = None  # _bounds grown by _pad_px, in data units

    def set_pens(self, pens: list[QPen], order: list[int]) -> None:
        """New pens (cosmetic widths in pixels) and the drawing order, widest first."""
        pad = max((pen.widthF() for pen in pens), default=0.0) / 2.0 + 1.0
        if pad != self._pad_px:
            # The strokes reach past the segments' ends by half their width: Qt repaints
            # (and pyqtgraph frames) only what the bounding rect covers.
            self.prepareGeometryChange()
            self._pad_px, self._padded = pad, None
        self.pens, self.order = pens, order
        self.update()

    def viewTransformChanged(self) -> None:  # pyqtgraph hook: a pixel is another data size
        self.prepareGeometryChange()
        self._padded = None

    def boundingRect(self) -> QRectF:  # Qt override
        if self._padded is None:
            px, py = self.pixelWidth(), self.pixelHeight()  # 0 until the item is in a view
            dx, dy = abs(px) * self._pad_px, abs(py) * self._pad_px
            padded = self._bounds.adjusted(-dx, -dy, dx, dy)
            if not (px and py):
                return padded
            self._padded = padded
        return QRectF(self._padded)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pens, lines = self.pens, self.lines
        for i in self.order:
            painter.setPen(pens[i])
            painter.drawLine(lines[i])
