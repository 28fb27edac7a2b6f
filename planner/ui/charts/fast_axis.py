"""A quicker way to the same axis: pyqtgraph 0.14's AxisItem tick layout without its overhead.

When a lever moves a chart's value range, its axis lays out its ticks afresh: pyqtgraph's
``generateDrawSpecs`` then took about 1.8 ms of Python per axis (a ``Point`` object per tick
end, the text of every label measured with a QPainter, the axis' bounding rect recomputed per
label, ``np.isclose`` to drop duplicate ticks), and a toggle often moves three axes.
``speed_up(axis)`` gives one AxisItem the same computation with those costs removed: plain
QPointF, label sizes remembered per font and text (as two floats), the bounding rect and the
device transform taken once, a direct distance test (tick values in plain floats, not a dozen
numpy calls per level), the labels' total size added up in numpy's order without building an
array (``numpy_sum``, in pairwise_sum), one tick pen copied per level; it draws the ticks that
share a pen with one ``drawLines`` call, and straight onto the item cache's painter rather than
into a QPicture played back onto it (``paint``, in axis_paint).  The result (tick lines, label
rectangles and texts, and the picture drawn from them) is the same, so the axis looks exactly
as before; tests compare both on many ranges.  Any other pyqtgraph version, and log axes, keep
pyqtgraph's own code.
"""

from __future__ import annotations

import types
from bisect import bisect_left, insort
from collections.abc import Iterator
from math import ceil
from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from planner.ui.charts.axis_paint import paint
from planner.ui.charts.pairwise_sum import numpy_sum

import pyqtgraph as pg  # isort: skip
from pyqtgraph import functions as fn  # isort: skip
from pyqtgraph.Point import Point  # isort: skip
from pyqtgraph.Qt.internals import PrimitiveArray  # isort: skip

PORTED_FROM = "0.14.0"  # the pyqtgraph version whose AxisItem these functions follow
_TEXT_BOX = QRectF(0, 0, 100, 100)
_MAX_REMEMBERED = 512  # label sizes remembered per axis before starting afresh
_ALIGN = Qt.AlignmentFlag
_TEXT_FLAGS = {  # a label's alignment by axis side, as pyqtgraph sets it
    "left": _ALIGN.AlignRight | _ALIGN.AlignVCenter | Qt.TextFlag.TextDontClip,
    "right": _ALIGN.AlignLeft | _ALIGN.AlignVCenter | Qt.TextFlag.TextDontClip,
    "top": _ALIGN.AlignHCenter | _ALIGN.AlignBottom | Qt.TextFlag.TextDontClip,
    "bottom": _ALIGN.AlignHCenter | _ALIGN.AlignTop | Qt.TextFlag.TextDontClip,
}


def speed_up(axis: pg.AxisItem) -> bool:
    """Lay out ``axis``'s ticks with the functions below (True), or leave it to pyqtgraph when
    its version is not the one they follow (False)."""
    if pg.__version__ != PORTED_FROM:
        return False
    axis._label_sizes = {}  # (font key, text) -> (width, 0.8 x height) of the text's box
    axis._tick_lines = PrimitiveArray(QLineF, 4)  # reused by every drawing of the ticks
    axis.generateDrawSpecs = types.MethodType(generate_draw_specs, axis)
    axis.tickValues = types.MethodType(tick_values, axis)
    axis.drawPicture = types.MethodType(draw_picture, axis)
    axis.paint = types.MethodType(paint, axis)
    return True


class _Ticks:
    """An axis' tick lines level by level: (pen, the ends' coordinate across the axis, their
    positions along it).  Iterated, it gives pyqtgraph's tick specs, (pen, QPointF, QPointF)
    per tick; ``draw_picture`` draws each level from an array of lines instead (two QPointF
    per tick were most of the cost of laying out and drawing the ticks)."""

    __slots__ = ("ax", "levels")

    def __init__(self, ax: int) -> None:
        self.ax = ax  # 0: ticks across a vertical axis (y varies), 1: a horizontal one
        self.levels: list[tuple[QPen, float, float, list[float]]] = []

    def add(self, pen: QPen, start: float, end: float, positions: list[float]) -> None:
        if positions:
            self.levels.append((pen, start, end, positions))

    def __iter__(self) -> Iterator[tuple[QPen, QPointF, QPointF]]:
        for pen, start, end, positions in self.levels:
            for x in positions:
                if self.ax == 0:
                    yield pen, QPointF(start, x), QPointF(end, x)
                else:
                    yield pen, QPointF(x, start), QPointF(x, end)

    def __len__(self) -> int:
        return sum(len(level[3]) for level in self.levels)

    def draw(self, p: QPainter, lines: Any) -> None:
        """One ``drawLines`` per level, the lines written into ``lines`` (a pyqtgraph
        PrimitiveArray of QLineF) in the order the specs give them."""
        for pen, start, end, positions in self.levels:
            lines.resize(len(positions))
            coords = lines.ndarray()
            along, across = (1, 0) if self.ax == 0 else (0, 1)
            coords[:, along] = positions
            coords[:, along + 2] = positions
            coords[:, across] = start
            coords[:, across + 2] = end
            p.setPen(pen)
            p.drawLines(*lines.drawargs())


def draw_picture(
    axis: pg.AxisItem, p: QPainter, axisSpec: tuple, tickSpecs: Any, textSpecs: list
) -> None:
    """pyqtgraph's AxisItem.drawPicture, drawing each run of ticks that share a pen with one
    ``drawLines`` call (in the same order) instead of one ``drawLine`` per tick."""
    p.setRenderHint(p.RenderHint.Antialiasing, False)
    p.setRenderHint(p.RenderHint.TextAntialiasing, True)
    pen, p1, p2 = axisSpec
    p.setPen(pen)
    p.drawLine(p1, p2)
    if isinstance(tickSpecs, _Ticks):
        tickSpecs.draw(p, axis._tick_lines)
        tickSpecs = ()
    # Point pairs rather than QLineF: QPainter reads a pair array as lines (no object each).
    run_pen, run = None, []
    for pen, p1, p2 in tickSpecs:
        if pen is not run_pen:
            if run:
                p.setPen(run_pen)
                p.drawLines(run)
            run_pen, run = pen, []
        run += (p1, p2)
    if run:
        p.setPen(run_pen)
        p.drawLines(run)
    if axis.style["tickFont"] is not None:
        p.setFont(axis.style["tickFont"])
    p.setPen(axis.textPen())
    p.setClipRect(axis.boundingRect().toAlignedRect())
    for rect, flags, text in textSpecs:
        p.drawText(rect, int(flags), text)


def tick_values(axis: pg.AxisItem, minVal: float, maxVal: float, size: float) -> list:
    """pyqtgraph's AxisItem.tickValues in plain floats: the same arithmetic per value as its
    numpy arrays (``k * spacing + start``, then ``/ scale``), and a tick of a higher level
    dropped when it lies within ``atol`` of a tick already placed, found by bisection among
    those (the nearest one in value; ``np.isclose`` with rtol=0 on finite values is that
    test).  A handful of values per level cost pyqtgraph a dozen numpy calls each."""
    if axis.logMode:
        return pg.AxisItem.tickValues(axis, minVal, maxVal, size)
    minVal, maxVal = sorted((minVal, maxVal))
    minVal *= axis.scale
    maxVal *= axis.scale
    scale = axis.scale
    ticks = []
    placed: list[float] = []  # every value kept so far, sorted
    for spacing, offset in axis.tickSpacing(minVal, maxVal, size):
        start = (ceil((minVal - offset) / spacing) * spacing) + offset
        num = int((maxVal - start) / spacing) + 1
        values = [(k * spacing + start) / scale for k in range(max(num, 0))]
        atol = spacing / scale * 0.01
        if placed and values:
            values = [v for v in values if not _near(placed, v, atol)]
        for v in values:
            insort(placed, v)
        ticks.append((spacing / scale, values))
    return ticks


def _near(placed: list[float], value: float, atol: float) -> bool:
    """Whether a value of the sorted ``placed`` lies within ``atol`` of ``value`` (its
    neighbours in order are the nearest: rounding keeps differences in order)."""
    i = bisect_left(placed, value)
    if i < len(placed) and abs(placed[i] - value) <= atol:
        return True
    return i > 0 and abs(placed[i - 1] - value) <= atol


def _label_size(axis: Any, p: QPainter, font_key: str, text: str) -> tuple[float, float]:
    """(width, 0.8 x height) of a label's text box, as pyqtgraph shrinks it; remembered."""
    sizes = axis._label_sizes
    key = (font_key, text)
    size = sizes.get(key)
    if size is None:
        if len(sizes) >= _MAX_REMEMBERED:
            sizes.clear()
        rect = p.boundingRect(_TEXT_BOX, Qt.AlignmentFlag.AlignCenter, text)
        size = sizes[key] = (rect.width(), rect.height() * 0.8)
    return size


def generate_draw_specs(axis: Any, p: QPainter) -> tuple | None:
    """pyqtgraph 0.14's AxisItem.generateDrawSpecs, step by step (see the module docstring
    for what differs in the way, not in the result)."""
    style = axis.style
    if style["tickFont"] is not None:
        p.setFont(style["tickFont"])
    bounds = axis.mapRectFromParent(axis.geometry())
    linkedView = axis.linkedView()
    if linkedView is None or axis.grid is False:
        tickBounds = bounds
    else:
        tickBounds = linkedView.mapRectToItem(axis, linkedView.boundingRect())

    orientation = axis.orientation
    if orientation == "left":
        span = (bounds.topRight() + QPointF(-1.0, -1.0), bounds.bottomRight() + QPointF(-1.0, 1.0))
        tickStart, tickStop, tickDir, ax = tickBounds.right(), bounds.right(), -1, 0
    elif orientation == "right":
        span = (bounds.topLeft() + QPointF(1.0, -1.0), bounds.bottomLeft() + QPointF(1.0, 1.0))
        tickStart, tickStop, tickDir, ax = tickBounds.left(), bounds.left(), 1, 0
    elif orientation == "top":
        span = (
            bounds.bottomLeft() + QPointF(-1.0, -1.0),
            bounds.bottomRight() + QPointF(1.0, -1.0),
        )
        tickStart, tickStop, tickDir, ax = tickBounds.bottom(), bounds.bottom(), -1, 1
    elif orientation == "bottom":
        span = (bounds.topLeft() + QPointF(-1.0, 1.0), bounds.topRight() + QPointF(1.0, 1.0))
        tickStart, tickStop, tickDir, ax = tickBounds.top(), bounds.top(), 1, 1
    else:
        raise ValueError("self.orientation must be in {'left', 'right', 'top', 'bottom'}")
    device = axis.deviceTransform_()  # what mapToDevice maps each end with
    if device is None:
        return None
    points = [device.map(point) for point in span]
    lengthInPixels = Point(points[1] - points[0]).length()
    if lengthInPixels == 0:
        return None

    if axis._tickLevels is None:
        tickLevels = axis.tickValues(axis.range[0], axis.range[1], lengthInPixels)
        tickStrings = None
    else:
        tickLevels = []
        tickStrings = []
        for level in axis._tickLevels:
            values = []
            strings = []
            tickLevels.append((None, values))
            tickStrings.append(strings)
            for val, strn in level:
                values.append(val)
                strings.append(strn)

    dif = axis.range[1] - axis.range[0]
    if dif == 0:
        xScale = 1
        offset = 0
    elif ax == 0:
        xScale = -bounds.height() / dif
        offset = axis.range[0] * xScale - bounds.height()
    else:
        xScale = bounds.width() / dif
        offset = axis.range[0] * xScale
    xRange = [x * xScale - offset for x in axis.range]
    xMin = min(xRange)
    xMax = max(xRange)

    tickPositions: list[list[float | None]] = []
    tickSpecs = _Ticks(ax)
    basePen = axis.tickPen()  # pyqtgraph makes the same pen anew for every level
    for i in range(len(tickLevels)):
        ticks = tickLevels[i][1]
        tickLength = style["tickLength"] / ((i * 0.5) + 1.0)
        lineAlpha = style["tickAlpha"]
        if lineAlpha is None:
            lineAlpha = 255 / (i + 1)
            if axis.grid is not False:
                lineAlpha *= (
                    axis.grid
                    / 255.0
                    * fn.clip_scalar((0.05 * lengthInPixels / (len(ticks) + 1)), 0.0, 1.0)
                )
        elif isinstance(lineAlpha, float):
            lineAlpha *= 255
            lineAlpha = max(0, round(lineAlpha))
            lineAlpha = min(255, round(lineAlpha))
        elif isinstance(lineAlpha, int):
            if (lineAlpha > 255) or (lineAlpha < 0):
                raise ValueError("lineAlpha should be [0..255]")
        else:
            raise TypeError("Line Alpha should be of type None, float or int")
        tickPen = QPen(basePen)
        if tickPen.brush().style() == Qt.BrushStyle.SolidPattern:
            color = QColor(tickPen.color())
            color.setAlpha(int(lineAlpha))
            tickPen.setColor(color)
        end = tickStop + tickLength * tickDir if axis.grid is False else tickStop
        positions = [(v * xScale) - offset for v in ticks]
        shown = [x for x in positions if not (x < xMin or x > xMax)]
        if len(shown) < len(positions):
            positions = [None if (x < xMin or x > xMax) else x for x in positions]
        tickPositions.append(positions)
        tickSpecs.add(tickPen, tickStart, end, shown)

    if style["stopAxisAtTick"][0] is True:
        minTickPosition = min(map(min, tickPositions))
        if ax == 0:
            span[0].setY(max(span[0].y(), minTickPosition))
        else:
            span[0].setX(max(span[0].x(), minTickPosition))
    if style["stopAxisAtTick"][1] is True:
        maxTickPosition = max(map(max, tickPositions))
        if ax == 0:
            span[1].setY(min(span[1].y(), maxTickPosition))
        else:
            span[1].setX(min(span[1].x(), maxTickPosition))
    axisSpec = (axis.pen(), span[0], span[1])

    textOffset = style["tickTextOffset"][ax]
    textSize2: float = 0
    lastTextSize2: float = 0
    along: list[float] = []  # every measured label's size along the axis and across it
    across: list[float] = []
    textSpecs: list[tuple[QRectF, Any, str]] = []
    if not style["showValues"]:
        return (axisSpec, tickSpecs, textSpecs)

    font_key = p.font().key()
    br = axis.boundingRect()  # the same for every label (the original asks per label)
    for i in range(min(len(tickLevels), style["maxTextLevel"] + 1)):
        if tickStrings is None:
            spacing, values = tickLevels[i]
            strings = axis.tickStrings(values, axis.autoSIPrefixScale * axis.scale, spacing)
        else:
            strings = tickStrings[i]
        if len(strings) == 0:
            continue
        for j in range(len(strings)):
            if tickPositions[i][j] is None:
                strings[j] = None
        # (width, height) of each label: its text's bounding box, 0.8 of its height.
        sizes = [None if s is None else _label_size(axis, p, font_key, s) for s in strings]
        for size in sizes:
            if size is not None:
                along.append(size[1] if ax == 0 else size[0])
                across.append(size[0] if ax == 0 else size[1])
        if along:
            textSize = numpy_sum(along)  # np.sum of the sizes, without building an array
            textSize2 = max(across)
        else:
            textSize = 0
            textSize2 = 0
        if i > 0:
            textFillRatio = float(textSize) / lengthInPixels
            finished = False
            for nTexts, limit in style["textFillLimits"]:
                if len(textSpecs) >= nTexts and textFillRatio >= limit:
                    finished = True
                    break
            if finished:
                break
        lastTextSize2 = textSize2
        text_offset = max(0, style["tickLength"]) + textOffset
        textFlags = _TEXT_FLAGS[orientation]
        for j in range(len(strings)):
            vstr = strings[j]
            if vstr is None:
                continue
            x = tickPositions[i][j]
            width, height = sizes[j]
            if orientation == "left":
                rect = QRectF(tickStop - text_offset - width, x - (height / 2), width, height)
            elif orientation == "right":
                rect = QRectF(tickStop + text_offset, x - (height / 2), width, height)
            elif orientation == "top":
                rect = QRectF(x - width / 2.0, tickStop - text_offset - height, width, height)
            else:
                rect = QRectF(x - width / 2.0, tickStop + text_offset, width, height)
            if br & rect != rect:
                continue
            textSpecs.append((rect, textFlags, vstr))

    axis._updateMaxTextSize(lastTextSize2)
    return axisSpec, tickSpecs, textSpecs
