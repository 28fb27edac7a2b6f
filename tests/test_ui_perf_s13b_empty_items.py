"""Containers that draw nothing are flagged ItemHasNoContents: a chart's paint then makes no
C++ to Python call to their ``paint`` or ``boundingRect``, and paints the same pixels."""

from __future__ import annotations

import cProfile
import pstats
from pathlib import Path

import chart_support
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QGraphicsItem

from planner.ui.charts.chart_view import draws_nothing

import pyqtgraph as pg  # isort: skip

model, tariff_results = chart_support.model, chart_support.tariff_results
pytestmark = [pytest.mark.gui, chart_support.OFFSCREEN_NOISE]

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
EMPTY_TYPES = (pg.GraphicsLayout, pg.PlotItem, pg.ViewBox, pg.LegendItem, pg.LabelItem)


@pytest.fixture
def dashboard(qtbot, model, tariff_results):
    dash = chart_support.shown_dashboard(qtbot, model, tariff_results)
    dash.set_results(tariff_results, {}, lens="us_manufacturer")
    return dash


def _image(chart) -> QImage:
    for _ in range(3):
        QApplication.processEvents()
    return chart.view.grab().toImage()


def _python_calls_during_paint(chart) -> set[str]:
    """``Class.method`` of every Python paint/boundingRect that Qt called while painting."""
    # A per-class counter would not do: patching a method pyqtgraph leaves to C++ (a
    # LabelItem's paint) would itself make Qt call Python.
    profile = cProfile.Profile()
    chart.view.viewport().update()
    QApplication.processEvents()
    profile.enable()
    try:
        chart.view.viewport().repaint()
    finally:
        profile.disable()
    called = set()
    for (path, _line, name), row in pstats.Stats(profile).stats.items():
        callers = row[4]
        # Called by Qt inside the view's paint (not by pyqtgraph's Python, not by the index).
        if name in ("paint", "boundingRect") and any("paintEvent" in c[2] for c in callers):
            source = Path(path).read_text(encoding="utf-8").splitlines()
            owner = next(
                line.split("(")[0].split()[1]
                for line in reversed(source[: _line - 1])
                if line.startswith("class ")
            )
            called.add(f"{owner}.{name}")
    return called


def test_a_chart_paint_calls_no_python_of_items_that_draw_nothing(dashboard):
    skipped = {"ViewBox.paint", "LegendItem.paint", "TextItem.paint", "TextItem.boundingRect"}
    seen = set()
    for chart in dashboard.charts.values():
        _image(chart)
        called = _python_calls_during_paint(chart)
        assert not called & skipped, called & skipped
        seen |= called
    assert "InfiniteLine.paint" in seen  # the probe sees the items that do draw


def test_every_container_and_plain_text_is_flagged(dashboard):
    for name, chart in dashboard.charts.items():
        items = chart.view.scene().items()
        empty = [i for i in items if draws_nothing(i)]
        assert any(isinstance(i, pg.ViewBox) for i in empty), name
        assert all(i.flags() & NO_CONTENTS for i in empty), name
        texts = [i for i in items if isinstance(i, pg.TextItem)]
        assert all(t.flags() & NO_CONTENTS for t in texts), name


def test_rebuilt_legend_labels_stay_flagged(dashboard):
    for chart in dashboard.charts.values():
        if chart.legend is None or not getattr(chart, "_legend_key", None):
            continue
        entries = [(sample.item, label.text) for sample, label in chart.legend.items]
        chart.set_legend_entries(entries, force=True)
        assert all(label.flags() & NO_CONTENTS for _s, label in chart.legend.items)


def test_flagged_items_paint_the_same_pixels(dashboard):
    for name, chart in dashboard.charts.items():
        flagged = [i for i in chart.view.scene().items() if i.flags() & NO_CONTENTS]
        assert flagged, name
        quick = _image(chart)
        for item in flagged:
            item.setFlag(NO_CONTENTS, False)
        try:
            chart.view.viewport().update()
            slow = _image(chart)
        finally:
            for item in flagged:
                item.setFlag(NO_CONTENTS, True)
        assert slow == quick, name
        chart.view.viewport().update()
        assert _image(chart) == quick, name
