"""The quicker paths a toggle takes draw what the slower ones drew: the axis tick layout, the
markers, bars that keep their picture, the KPI cards' column and their selectable labels."""

from __future__ import annotations

import random
import types

import chart_support
import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QEnterEvent, QImage, QPainter, QPicture
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsView,
    QLabel,
    QProxyStyle,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from planner.ui.card_stack import MARGIN, CardStack
from planner.ui.charts import fast_axis
from planner.ui.charts.items import Bars, Markers
from planner.ui.kpi_area import KpiArea

import pyqtgraph as pg  # isort: skip

model, tariff_results = chart_support.model, chart_support.tariff_results
flood_results = chart_support.flood_results
pytestmark = [pytest.mark.gui, chart_support.OFFSCREEN_NOISE]


@pytest.fixture
def dashboard(qtbot, model, tariff_results):
    board = chart_support.shown_dashboard(qtbot, model, tariff_results)
    return board


def _chart_axes(chart, shown_only: bool = False) -> list:
    """A chart's value axes (left, bottom) and its colour bar's axis, if it has one."""
    axes = [chart.plot.getAxis(side) for side in ("left", "bottom")]
    if shown_only:
        axes = [axis for axis in axes if axis.isVisible()]
    bar = getattr(chart, "colour_bar", None)
    if bar is not None:
        axes.append(bar.axis)
    return axes


def _specs(axis, generate):
    """(axis line, ticks, labels) as plain values, and the axis' text size after."""
    picture = QPicture()
    painter = QPainter(picture)
    if axis.style["tickFont"]:
        painter.setFont(axis.style["tickFont"])
    width, height = axis.textWidth, axis.textHeight
    specs = generate(painter)
    painter.end()
    after = (axis.textWidth, axis.textHeight)
    axis.textWidth, axis.textHeight = width, height
    if specs is None:
        return None, after
    (pen, a, b), ticks, texts = specs

    def pen_key(p):
        return (p.color().rgba(), p.widthF(), p.style())

    return (
        (pen_key(pen), a.toTuple(), b.toTuple()),
        [(pen_key(p), p1.toTuple(), p2.toTuple()) for p, p1, p2 in ticks],
        [(rect.getRect(), int(getattr(flags, "value", flags)), s) for rect, flags, s in texts],
        after,
    )


def test_fast_axis_lays_out_the_ticks_pyqtgraph_would(dashboard):
    if pg.__version__ != fast_axis.PORTED_FROM:
        pytest.skip("the fast layout only serves the pyqtgraph version it follows")
    rng = random.Random(7)
    compared = 0
    for chart in dashboard.charts.values():
        for axis in _chart_axes(chart):
            assert "generateDrawSpecs" in vars(axis)  # the chart sped it up
            saved = list(axis.range)
            for k in range(40):
                scale = 10 ** rng.uniform(-3, 5)
                low = rng.uniform(-1, 1) * scale
                high = low + abs(rng.gauss(0, 1)) * scale + 1e-9 * scale
                axis.range = [high, low] if k % 5 == 0 else [low, high]
                fast = _specs(axis, axis.generateDrawSpecs)
                original = types.MethodType(pg.AxisItem.generateDrawSpecs, axis)
                fast_ticks = axis.tickValues
                axis.tickValues = types.MethodType(pg.AxisItem.tickValues, axis)
                try:
                    assert _specs(axis, original) == fast
                finally:
                    axis.tickValues = fast_ticks
                compared += 1
            axis.range = saved
    assert compared >= 6 * 2 * 40


def test_fast_axis_draws_the_same_picture(dashboard):
    if pg.__version__ != fast_axis.PORTED_FROM:
        pytest.skip("the fast layout only serves the pyqtgraph version it follows")
    axis = dashboard.charts["welfare"].plot.getAxis("left")
    assert "drawPicture" in vars(axis)

    def image(draw, specs):
        picture = QPicture()
        painter = QPainter(picture)
        draw(painter, *specs)
        painter.end()
        rect = axis.boundingRect().toAlignedRect()
        out = QImage(rect.width() + 20, rect.height() + 20, QImage.Format.Format_ARGB32)
        out.fill(QColor("white"))
        painter = QPainter(out)
        painter.translate(10 - rect.x(), 10 - rect.y())
        picture.play(painter)
        painter.end()
        return out

    for low, high in ((-1.0, 1.0), (-37.6, 45.6), (0.003, 0.0071), (-20000.0, 3.0)):
        axis.range = [low, high]
        scratch = QPicture()  # kept referenced while the painter draws on it
        painter = QPainter(scratch)
        specs = axis.generateDrawSpecs(painter)
        painter.end()
        original = types.MethodType(pg.AxisItem.drawPicture, axis)
        assert image(axis.drawPicture, specs) == image(original, specs)


def _render(qtbot, item, size=(120, 80)) -> QImage:
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)  # closed and deleted with the test
    widget.resize(*size)
    widget.setBackground("w")
    widget.plotItem.hideAxis("left")
    widget.plotItem.hideAxis("bottom")
    widget.addItem(item)
    widget.setXRange(-1, 5, padding=0)
    widget.setYRange(-2, 2, padding=0)
    widget.show()
    QApplication.processEvents()
    return widget.grab().toImage()


def test_markers_draw_the_pixels_of_a_scatter_plot_item(qtbot):
    x, y = np.array([0.0, 1.0, 2.5, 4.0]), np.array([1.0, -0.5, 0.25, 1.5])
    style = {"symbol": "d", "size": 11, "pen": pg.mkPen("k"), "brush": pg.mkBrush("#E69F00")}
    reference = _render(qtbot, pg.ScatterPlotItem(x=x, y=y, **style))
    drawn = {reference.pixel(i, j) for i in range(reference.width()) for j in range(0, 80, 2)}
    assert len(drawn) > 3  # the markers are there, antialiased
    markers = Markers(**style)
    markers.set_points(np.zeros(4), np.zeros(4))
    markers.set_points(x, y)  # moved in place
    assert _render(qtbot, markers) == reference
    np.testing.assert_array_equal(markers.getData()[1], y)
    # A capacity pads with NaN: those draw nothing and leave no bounds.
    padded = Markers(capacity=8, **style)
    padded.set_points(x, y)
    assert len(padded.data) == 8
    assert _render(qtbot, padded) == reference
    empty = Markers(capacity=8, **style)
    empty.set_points([], [])
    assert len(empty.data) == 8 and empty.dataBounds(0) == (None, None)


def test_bars_keep_their_picture_when_nothing_changed(qtbot):
    bars = Bars(x=np.arange(3.0), height=np.array([1.0, 2.0, 3.0]), width=0.5)
    calls = []
    bars.setOpts = lambda **opts: calls.append(opts)
    bars.set_values(height=np.array([1.0, 2.0, 3.0]))
    assert calls == []
    bars.set_values(height=np.array([1.0, 2.0, 4.0]))
    assert len(calls) == 1


def test_card_stack_places_cards_as_a_column_and_moves_them_only_when_needed(qtbot):
    stack = CardStack()
    qtbot.addWidget(stack)
    cards = []
    for text in ("one", "two\nlines", "three"):
        card = QWidget(stack)
        label = QLabel(text, card)
        label.setWordWrap(True)
        QVBoxLayout(card).addWidget(label)
        cards.append(card)
    stack.set_cards(cards)
    stack.resize(240, 400)
    stack.show()
    qtbot.waitExposed(stack)
    QApplication.processEvents()
    spacing = max(stack._spacing(), 0)
    y = MARGIN
    for card in cards:
        assert card.x() == MARGIN and card.width() == 240 - 2 * MARGIN
        assert card.y() == y and card.height() == card.heightForWidth(card.width())
        y += card.height() + spacing
    assert stack.heightForWidth(240) == y - spacing + MARGIN
    first, last = cards[0].geometry(), cards[2].geometry()
    cards[0].findChild(QLabel).setText("uno")  # same height: nothing moves
    QApplication.processEvents()
    assert cards[0].geometry() == first and cards[2].geometry() == last
    cards[0].findChild(QLabel).setText("one\nwith\nmore lines")  # taller: the rest moves down
    QApplication.processEvents()
    assert cards[0].height() > first.height()
    assert cards[2].y() == last.y() + cards[0].height() - first.height()


def test_kpi_labels_are_selectable_while_the_pointer_is_over_the_card(qtbot, model, tariff_results):
    area = KpiArea(model=model)
    qtbot.addWidget(area)
    area.set_results(tariff_results, {}, lens="us_manufacturer")
    card = next(iter(area.cards.values()))
    selectable = Qt.TextInteractionFlag.TextSelectableByMouse
    assert all(label.textInteractionFlags() != selectable for label in card.selectable)
    inside = QPointF(5, 5)
    QApplication.sendEvent(card, QEnterEvent(inside, inside, card.mapToGlobal(inside)))
    assert all(label.textInteractionFlags() == selectable for label in card.selectable)
    card.verdict.setSelection(0, 4)  # a selection outlasts the pointer leaving
    QApplication.sendEvent(card, QEvent(QEvent.Type.Leave))
    assert card.verdict.textInteractionFlags() == selectable
    card.verdict.setSelection(0, 0)
    QApplication.sendEvent(card, QEvent(QEvent.Type.Leave))
    assert all(label.textInteractionFlags() != selectable for label in card.selectable)


def test_an_unchanged_chart_is_not_redrawn(dashboard, tariff_results):
    """Setting the same results again leaves the corridors' pens and the bars as they were."""
    corridor = dashboard.charts["corridor_map"]
    pens = corridor.edge_layer.pens
    welfare = dashboard.charts["welfare"]
    bar_opts = {part: dict(bars.opts) for part, bars in welfare.bars.items()}
    dashboard.set_results(tariff_results, {}, lens="us_manufacturer")
    assert corridor.edge_layer.pens is pens
    for part, bars in welfare.bars.items():
        assert bars.opts["height"] is bar_opts[part]["height"]
    assert QColor(pens[0].color()).isValid()


def _axis_image(axis, paint) -> QImage:
    """``axis`` drawn by ``paint(painter)`` on white, as its item cache would hold it."""
    rect = axis.boundingRect().toAlignedRect()
    out = QImage(rect.width() + 20, rect.height() + 20, QImage.Format.Format_ARGB32)
    out.fill(QColor("white"))
    painter = QPainter(out)
    painter.translate(10 - rect.x(), 10 - rect.y())
    paint(painter)
    painter.end()
    return out


def test_fast_axis_paints_the_pixels_of_pyqtgraphs_picture(dashboard):
    """``fast_axis.paint`` draws straight onto the painter what pyqtgraph records in a QPicture
    and plays back, and lays the axis out again only after pyqtgraph dropped its picture."""
    if pg.__version__ != fast_axis.PORTED_FROM:
        pytest.skip("the fast layout only serves the pyqtgraph version it follows")
    compared = 0
    for chart in dashboard.charts.values():
        for axis in _chart_axes(chart, shown_only=True):
            assert "paint" in vars(axis)  # the chart sped it up
            saved = list(axis.range)
            for low, high in ((-1.0, 1.0), (-37.6, 45.6), (0.003, 0.0071), (2024.5, 2043.0)):
                axis.range = [low, high]
                axis.picture = None
                fast = _axis_image(axis, lambda p, axis=axis: axis.paint(p, None, None))
                axis.picture = None
                original = _axis_image(
                    axis, lambda p, axis=axis: pg.AxisItem.paint(axis, p, None, None)
                )
                assert fast == original
                compared += 1
            axis.range = saved
            axis.picture = None
    assert compared >= 6 * 4
    # A repaint without a change draws the specs it kept, without laying the axis out again.
    axis = dashboard.charts["welfare"].plot.getAxis("left")
    axis.picture = None
    first = _axis_image(axis, lambda p: axis.paint(p, None, None))
    kept = axis.picture
    generate = axis.generateDrawSpecs
    axis.generateDrawSpecs = lambda p: pytest.fail("laid out again without a change")
    try:
        assert _axis_image(axis, lambda p: axis.paint(p, None, None)) == first
    finally:
        axis.generateDrawSpecs = generate
    assert axis.picture is kept
    axis.setRange(-3.0, 7.0)  # pyqtgraph drops the picture: the next paint lays it out
    assert axis.picture is None
    # On a device that is not a raster of the screen's resolution (an SVG or PDF file; here a
    # QPicture), pyqtgraph's own paint records its picture, whose text scales as it plays.
    _axis_image(axis, lambda p: axis.paint(p, None, None))
    assert axis.picture is not None and not isinstance(axis.picture, QPicture)
    foreign = QPicture()
    painter = QPainter(foreign)
    axis.paint(painter, None, None)
    painter.end()
    assert isinstance(axis.picture, QPicture)
    reference = _axis_image(axis, lambda p: pg.AxisItem.paint(axis, p, None, None))
    assert _axis_image(axis, lambda p: axis.paint(p, None, None)) == reference


def test_chart_views_fill_their_background_rather_than_copy_a_cached_one(dashboard):
    """A plain ground is filled where the view repaints; pyqtgraph's background pixmap cost a
    copy of every repainted area."""
    for chart in dashboard.charts.values():
        view = chart.view
        assert view.cacheMode() == QGraphicsView.CacheModeFlag.CacheNone
        picture = view.viewport().grab().toImage()
        corner = QColor(picture.pixel(1, 1))
        assert corner == chart.colours.bg


def test_the_event_list_paints_once_when_its_text_changes(dashboard, flood_results, qtbot):
    """The timeline's rich-text event list is laid out before it paints: laid out inside its
    paint, it asked for an update from there and painted a second time."""
    timeline = dashboard.charts["timeline"]
    label = timeline.event_list
    for _ in range(5):
        QApplication.processEvents()
    paints = []

    class Count(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                paints.append(event.rect())
            return False

    counter = Count()
    label.installEventFilter(counter)
    try:
        before = label.text()
        dashboard.set_results(flood_results, {}, lens="us_manufacturer")
        assert label.text() != before
        for _ in range(20):
            QApplication.processEvents()
    finally:
        label.removeEventFilter(counter)
    assert len(paints) == 1


def test_card_stack_asks_the_style_for_its_spacing_once_per_style(qtbot):
    asked = []

    class Spaced(QProxyStyle):
        def pixelMetric(self, metric, option=None, widget=None):
            if metric == QStyle.PixelMetric.PM_LayoutVerticalSpacing:
                asked.append(metric)
                return 17
            return super().pixelMetric(metric, option, widget)

    stack = CardStack()
    qtbot.addWidget(stack)
    cards = [QLabel(text, stack) for text in ("one", "two")]
    stack.set_cards(cards)
    stack.resize(200, 300)
    stack.show()
    qtbot.waitExposed(stack)
    style = Spaced()
    stack.setStyle(style)  # a new style: its spacing is asked for again
    stack.relayout()
    stack.relayout()
    assert cards[1].y() == cards[0].geometry().bottom() + 1 + 17
    assert len(asked) == 1


def test_region_labels_sit_where_pyqtgraph_would_anchor_them(dashboard, flood_results):
    tiles = dashboard.charts["region_tiles"]
    dashboard.set_results(flood_results, {}, lens="us_manufacturer")
    for label in tiles.labels:
        placed = label.textItem.pos()
        label.textItem.setPos(0.0, 0.0)
        label.updateTextPos()
        assert label.textItem.pos() == placed
        assert placed != QPointF(0.0, 0.0)


def test_wrapped_kpi_labels_give_qlabels_height_and_forget_it_when_the_text_changes(qtbot):
    from planner.ui.wrapped_label import WrappedLabel

    label, plain = WrappedLabel(), QLabel()
    plain.setWordWrap(True)
    qtbot.addWidget(label)
    qtbot.addWidget(plain)
    short, long = "A short sentence.", " ".join(["A much longer sentence that wraps."] * 6)
    asked = []
    real = QLabel.heightForWidth

    def counting(self, width):
        asked.append(width)
        return real(self, width)

    for text in (short, long, short):
        label.setText(text)
        plain.setText(text)
        for width in (120, 300, 120):
            assert label.heightForWidth(width) == plain.heightForWidth(width)
    # Remembered: the same text and width do not lay the text out again...
    label.setText(long)
    assert label.heightForWidth(120) > label.heightForWidth(300)
    label.heightForWidth(150)
    expected = plain_height(plain, long, 150)
    try:
        QLabel.heightForWidth = counting
        assert label.heightForWidth(150) == expected
    finally:
        QLabel.heightForWidth = real
    assert asked == []
    # ...but a new font or text interaction does.
    big = label.font()
    big.setPointSizeF(big.pointSizeF() * 2)
    before = label.heightForWidth(150)
    label.setFont(big)
    plain.setFont(big)
    assert label.heightForWidth(150) == plain_height(plain, long, 150) > before
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    plain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    assert label.heightForWidth(150) == plain_height(plain, long, 150)


def plain_height(plain: QLabel, text: str, width: int) -> int:
    plain.setText(text)
    return plain.heightForWidth(width)


def test_region_labels_fitted_before_are_not_fitted_again(dashboard, flood_results, tariff_results):
    tiles = dashboard.charts["region_tiles"]
    fits = []
    real = tiles._fit
    tiles._fit = lambda *args: fits.append(1) or real(*args)
    shown = {}
    for name, results in (("flood", flood_results), ("tariff", tariff_results)) * 2:
        dashboard.set_results(results, {}, lens="us_manufacturer")
        texts = [label.textItem.toPlainText() for label in tiles.labels]
        assert shown.setdefault(name, texts) == texts
    assert len(fits) <= 2  # the first visit of each (one may have been fitted before)
    assert shown["flood"] != shown["tariff"]
    # A fresh fit gives what the remembered one showed.
    tiles._fitted.clear()
    tiles._write_labels()
    assert [label.textItem.toPlainText() for label in tiles.labels] == shown["tariff"]
    assert len(fits) <= 3


def test_tile_text_makes_its_fonts_once_per_size(qtbot):
    from planner.ui.charts.tile_text import TileText

    text = TileText()
    text.set_lines(["North", "+1.0 %", "+5 USD m"], 9.0)
    fonts = text._fonts_at(9.0)
    text.set_lines(["North", "+2.0 %", "+6 USD m"], 9.0)
    assert text._fonts_at(9.0) is fonts
    assert fonts[0][0].bold() and not fonts[1][0].bold()
    assert fonts[0][1] == fonts[0][0].key() and fonts[1][1] == fonts[1][0].key()
    smaller = text._fonts_at(8.0)[1][0]
    assert smaller.pointSizeF() == 8.0
    font = text.font()
    font.setFamily("Serif")
    text.setFont(font)
    assert text._fonts_at(9.0) is not fonts
