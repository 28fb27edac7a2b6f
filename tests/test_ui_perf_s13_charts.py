"""A cheaper toggle repaint draws what the slower way drew: the welfare chart's three parts
painted by one item."""

from __future__ import annotations

import chart_support
import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from planner.ui.charts.items import Bars
from planner.ui.charts.series import stack_bars
from planner.ui.charts.welfare import BAR_WIDTH, PART_COLOURS, PARTS, part_label

import pyqtgraph as pg  # isort: skip

model, tariff_results = chart_support.model, chart_support.tariff_results
flood_results = chart_support.flood_results
pytestmark = [pytest.mark.gui, chart_support.OFFSCREEN_NOISE]


@pytest.fixture
def dashboard(qtbot, model, tariff_results):
    return chart_support.shown_dashboard(qtbot, model, tariff_results)


def _view_image(chart) -> QImage:
    for _ in range(3):
        QApplication.processEvents()
    return chart.view.grab().toImage()


@pytest.mark.parametrize("which", ["tariff", "flood"])
def test_welfare_one_item_paints_what_three_bar_items_painted(
    dashboard, tariff_results, flood_results, which
):
    results = tariff_results if which == "tariff" else flood_results
    dashboard.set_results(results, {}, lens="us_manufacturer")
    chart = dashboard.charts["welfare"]
    merged = _view_image(chart)
    # The former way: one Bars item per part, added in the parts' order.
    bottoms, heights = stack_bars(chart._values)
    pen = pg.mkPen(chart.colours.bg, width=0.5)
    separate = []
    for k, part in enumerate(PARTS):
        item = Bars(x=chart._x, y0=bottoms[k], height=heights[k], width=BAR_WIDTH)
        item.setOpts(brush=pg.mkBrush(PART_COLOURS[part]), pen=pen)
        item.setZValue(chart.stack.zValue())
        chart.plot.addItem(item)
        separate.append(item)
    for item in separate:  # below the total markers, as the parts were
        item.stackBefore(chart.total)
    chart.stack.setVisible(False)
    try:
        assert _view_image(chart) == merged
        if which == "tariff":  # its bars are tens of pixels tall (the flood's may be flat)
            for item in separate:
                item.setVisible(False)
            assert _view_image(chart) != merged  # the bars are in the picture compared
    finally:
        for item in separate:
            chart.plot.removeItem(item)
        chart.stack.setVisible(True)


def test_welfare_legend_hover_and_csv_name_each_part(dashboard, flood_results):
    dashboard.set_results(flood_results, {}, lens="us_manufacturer")
    chart = dashboard.charts["welfare"]
    rows = [(sample.item, label.text) for sample, label in chart.legend.items]
    assert [name for _item, name in rows] == [part_label(p) for p in (*PARTS, "total")]
    for (item, _name), part in zip(rows, PARTS, strict=False):
        assert isinstance(item, pg.BarGraphItem)
        assert QColor(item.opts["brush"].color()) == QColor(PART_COLOURS[part])
        assert item.opts["pen"].color() == chart.colours.bg
    welfare = flood_results.welfare
    y = chart.current.year_index
    table = chart.table()
    for part in PARTS:
        expected = np.asarray(welfare[part])[y] / 1000.0
        np.testing.assert_allclose(table[f"{part}_usd_bn"], expected)
        np.testing.assert_allclose(
            chart.bars[part].opts["height"], np.abs(stack_bars(chart._values)[1][PARTS.index(part)])
        )
    text = chart.hover_text(0.0, 0.0)
    assert all(part_label(p) in text for p in (*PARTS, "total"))
    # The one item's rectangles are the parts' rectangles, part after part.
    rects = chart.stack._rectarray.ndarray()
    n = len(chart._x)
    bottoms, heights = stack_bars(chart._values)
    for k in range(len(PARTS)):
        np.testing.assert_allclose(rects[k * n : (k + 1) * n, 1], bottoms[k])
        np.testing.assert_allclose(rects[k * n : (k + 1) * n, 3], heights[k])
