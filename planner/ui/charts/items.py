"""pyqtgraph items at a fraction of their Python cost per toggle, drawing the same pixels.

``Markers`` is a ScatterPlotItem for a few markers (welfare totals, pinned scenarios, the
scenario's events, the map's nodes); ``Bars`` a BarGraphItem.  Both remember their bounding
rectangle: Qt asks every item for it several times per paint, and pyqtgraph recomputes it each
time through the view's transform (about 0.1 ms of Python a call, some thirty calls a toggle).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

import pyqtgraph as pg  # isort: skip
from pyqtgraph.Qt.internals import PrimitiveArray  # isort: skip


class CachedBounds:
    """Mixin for a pyqtgraph item: its bounding rectangle remembered until its data or style
    change (pyqtgraph then calls ``informViewBoundsChanged``) or its view's transform changes
    (``viewTransformChanged``, which a new range, a resize or a new view all cause)."""

    _cached_rect: tuple[Any, QRectF] | None = None

    def _bounds_key(self) -> Any:
        """What else the rectangle depends on (a pen's width, a symbol's size)."""
        return None

    def boundingRect(self) -> QRectF:  # Qt override
        if self._exportOpts is not False:  # exporting: pixels of another size
            return super().boundingRect()
        key = self._bounds_key()
        cached = self._cached_rect
        if cached is None or cached[0] != key:
            cached = self._cached_rect = (key, super().boundingRect())
        return QRectF(cached[1])

    def viewTransformChanged(self) -> None:  # pyqtgraph override
        self._cached_rect = None
        super().viewTransformChanged()

    def informViewBoundsChanged(self) -> None:  # pyqtgraph override
        self._cached_rect = None
        super().informViewBoundsChanged()


def _shows(opts: dict[str, Any], values: dict[str, Any]) -> bool:
    """Whether ``opts`` already holds exactly ``values`` (same shapes and numbers)."""
    return all(
        key in opts and np.shape(opts[key]) == np.shape(value) and np.array_equal(opts[key], value)
        for key, value in values.items()
    )


class Bars(CachedBounds, pg.BarGraphItem):
    """A BarGraphItem that remembers its bounding rectangle."""

    def _bounds_key(self) -> Any:
        return tuple(self._penWidth)

    def set_values(self, **values: Any) -> None:
        """``setOpts(**values)`` unless the bars already show exactly these values: a part a
        lever does not move keeps its picture and is not repainted."""
        if _shows(self.opts, values):
            return
        self.setOpts(**values)


class Markers(CachedBounds, pg.ScatterPlotItem):
    """Points sharing one symbol, size, pen and brush (the item's options).

    pyqtgraph's ``setData`` rebuilds the whole point table (styles, symbol atlas look-ups,
    sizes) and its ``paint`` culls and maps the points through several numpy passes: for a
    dozen points that overhead was most of a chart's repaint.  ``set_points`` writes the new
    positions into the existing table when the number of points is unchanged (their symbol
    pixmaps stay valid), and ``paint`` maps the points itself and draws the same pre-rendered
    symbols with the same ``drawPixmapFragments`` call, so the picture is unchanged.  Exports
    and any other mode go through pyqtgraph's own paint.
    """

    def __init__(self, *args: Any, capacity: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # With a capacity the table always holds that many points, the unused ones at NaN
        # (drawn nowhere, ignored by the data bounds): a number of markers that changes
        # (events coming and going) then never rebuilds the table.
        self.capacity = capacity

    def set_points(self, x: Any, y: Any) -> None:
        """Show markers at (x, y); nothing to do when they are where they were."""
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        if len(x) < self.capacity and len(x) == len(y):
            pad = np.full(self.capacity - len(x), np.nan)
            x, y = np.concatenate([x, pad]), np.concatenate([y, pad])
        data = self.data
        if len(data) != len(x) or len(x) != len(y):
            self.setData(x=x, y=y)
            return
        if np.array_equal(data["x"], x, equal_nan=True) and np.array_equal(
            data["y"], y, equal_nan=True
        ):
            return
        data["x"] = x
        data["y"] = y
        self.prepareGeometryChange()
        self.informViewBoundsChanged()
        self.bounds = [None, None]
        self.invalidate()

    def _bounds_key(self) -> Any:
        return (self._maxSpotWidth, self._maxSpotPxWidth, len(self.data))

    def dataBounds(
        self, ax: int, frac: float = 1.0, orthoRange: Any = None
    ) -> tuple[float | None, float | None]:  # pyqtgraph override
        data = self.data
        if len(data) and not (np.isfinite(data["x"]) & np.isfinite(data["y"])).any():
            return (None, None)  # only unused places: no bounds, as an empty item
        return super().dataBounds(ax, frac, orthoRange)

    def paint(
        self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:  # Qt override
        opts = self.opts
        atlas = self.fragmentAtlas
        dpr = atlas.devicePixelRatio()
        if (
            self._exportOpts is not False
            or not (opts["pxMode"] and opts["useCache"])
            or opts["compositionMode"] is not None
            or (widget is not None and widget.devicePixelRatioF() != dpr)
        ):
            super().paint(p, option, widget)
            return
        data = self.data
        shown = data["visible"] & np.isfinite(data["x"]) & np.isfinite(data["y"])
        if not shown.any():
            return
        x, y = data["x"][shown], data["y"][shown]
        tr = p.transform()
        # The arithmetic of pyqtgraph's transformCoordinates (scale/rotate summed, then the
        # offset added), so every marker lands on the very same pixel.
        xy = np.empty((len(x), 2))
        xy[:, 0] = (tr.m11() * x + tr.m21() * y) + tr.dx()
        xy[:, 1] = (tr.m12() * x + tr.m22() * y) + tr.dy()
        np.clip(xy, -(2**30), 2**30, out=xy)  # as pyqtgraph: keeps Qt's raster in range
        p.resetTransform()
        sources = data["sourceRect"][shown]
        fragments = self._pixmapFragments
        fragments.resize(len(x))
        frags = fragments.ndarray()
        frags[:, 0:2] = xy
        frags[:, 2:6] = np.frombuffer(sources, dtype=int).reshape((-1, 4))
        frags[:, 6:10] = [1 / dpr, 1 / dpr, 0.0, 1.0]
        p.drawPixmapFragments(*fragments.drawargs(), atlas.pixmap)


class BarPart(pg.BarGraphItem):
    """One part of a ``StackedBars`` (its values, brush and pen), standing in for that part
    in the legend: it is never added to a plot, so new values cost no layout of its own."""

    def __init__(self, n: int, **opts: Any) -> None:
        super().__init__(x=np.zeros(n), y0=np.zeros(n), height=np.zeros(n), width=0.0, **opts)

    def set_values(self, **values: Any) -> bool:
        """Keep ``values`` (``y0``, ``height``); False when the part already shows them."""
        if _shows(self.opts, values):
            return False
        self.opts.update(values)
        return True


class StackedBars(Bars):
    """The bars of several parts at the same x, each part in its own brush and pen, in one
    item: one item to lay out, bound and paint per toggle instead of one per part.

    It paints part after part, each with the calls a single-colour BarGraphItem makes (pen,
    brush, one ``drawRects``), in the parts' order, so the picture is that of one Bars item
    per part added in that order."""

    def __init__(self, x: Any, parts: list[BarPart], width: float) -> None:
        n, count = len(x), len(parts)
        super().__init__(
            x=np.tile(np.asarray(x, dtype=float), count),
            y0=np.zeros(n * count),
            height=np.zeros(n * count),
            width=width,
        )
        self.parts = parts
        self._part_rects = [PrimitiveArray(QRectF, 4) for _ in parts]
        self._prepareData()

    def show_parts(self) -> None:
        """Draw the parts' current values (nothing to do when no part changed since)."""
        self.set_values(
            y0=np.concatenate([np.asarray(p.opts["y0"], dtype=float) for p in self.parts]),
            height=np.concatenate([np.asarray(p.opts["height"], dtype=float) for p in self.parts]),
        )

    def restyle(self) -> None:
        """Take up the parts' brushes and pens (the bounds follow the first part's pen)."""
        first = self.parts[0]
        self.setOpts(pen=first.opts["pen"], brush=first.opts["brush"])

    def _prepareData(self) -> None:  # pyqtgraph override
        super()._prepareData()
        part_arrays = getattr(self, "_part_rects", ())  # none yet inside __init__
        rects = self._rectarray.ndarray()
        n = len(rects) // max(len(part_arrays), 1)
        for k, part_rects in enumerate(part_arrays):
            chunk = rects[k * n : (k + 1) * n]
            part_rects.resize(len(chunk))
            part_rects.ndarray()[:] = chunk

    def paint(self, p: QPainter, *args: Any) -> None:  # Qt override
        for part, rects in zip(self.parts, self._part_rects, strict=True):
            p.setPen(part._sharedPen)
            p.setBrush(part._sharedBrush)
            p.drawRects(*rects.drawargs())
