"""Work a toggle's update no longer does when its result would be the same: the KPI column's
pass when no card changed, the region tiles' unit, the sector bars' brushes."""

from __future__ import annotations

import chart_support
import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from planner.ui.charts import region_tiles
from planner.ui.kpi_area import KpiArea

model, tariff_results = chart_support.model, chart_support.tariff_results
flood_results = chart_support.flood_results
pytestmark = [pytest.mark.gui, chart_support.OFFSCREEN_NOISE]


@pytest.fixture
def dashboard(qtbot, model, tariff_results):
    return chart_support.shown_dashboard(qtbot, model, tariff_results)


def _shown_area(qtbot, model, results) -> KpiArea:
    area = KpiArea(model=model)
    qtbot.addWidget(area)
    area.resize(360, 800)
    area.show()
    qtbot.waitExposed(area)
    area.set_results(results, {}, lens="us_manufacturer")
    QApplication.processEvents()
    return area


def _count_passes(area: KpiArea) -> list[int]:
    passes: list[int] = []
    real = area.inner.relayout
    area.inner.relayout = lambda: passes.append(1) or real()
    return passes


def test_kpi_column_is_not_laid_out_when_no_card_changed(qtbot, model, tariff_results):
    area = _shown_area(qtbot, model, tariff_results)
    passes = _count_passes(area)
    geometries = [card.geometry() for card in area.cards.values()]
    area.set_results(tariff_results, {}, lens="us_manufacturer")  # every card as it was
    QApplication.processEvents()
    assert passes == []
    assert [card.geometry() for card in area.cards.values()] == geometries


def test_kpi_column_is_laid_out_once_when_cards_changed(
    qtbot, model, tariff_results, flood_results
):
    area = _shown_area(qtbot, model, tariff_results)
    passes = _count_passes(area)
    texts = [card.verdict.text() for card in area.cards.values()]
    area.set_results(flood_results, {}, lens="us_manufacturer")  # new numbers: laid out now
    assert passes == [1]
    assert [card.verdict.text() for card in area.cards.values()] != texts
    placed = [card.geometry() for card in area.cards.values()]
    QApplication.processEvents()
    assert passes == [1]  # the cards' queued layout requests were handled with it
    area.inner.relayout()
    assert [card.geometry() for card in area.cards.values()] == placed


def test_region_tiles_translate_their_unit_once_and_map_missing_changes_to_white(
    dashboard, flood_results, monkeypatch
):
    tiles = dashboard.charts["region_tiles"]
    asked = []
    real = region_tiles._tr
    monkeypatch.setattr(region_tiles, "_tr", lambda *a: asked.append(a[0]) or real(*a))
    dashboard.set_results(flood_results, {}, lens="us_manufacturer")
    assert asked.count("USD m") == 1
    assert all(label.textItem.toPlainText().endswith("USD m") for label in tiles.labels)
    # A region without a baseline has no percentage: its tile shows no change (white).
    tiles._pct = np.array([np.nan, *tiles._pct[1:]])
    tiles._tiles_key = None
    tiles._paint_tiles()
    white = tiles.colour_map.map(np.array([0.5]), mode="qcolor")[0]
    assert tiles.tiles[0].brush().color() == white


def test_sector_bars_keep_two_brushes_per_palette(dashboard):
    bars = dashboard.charts["sector_bars"]
    delta = np.array([1.0, -1.0] * (len(bars._rows) // 2) + [1.0] * (len(bars._rows) % 2))
    first = bars._bar_colours(delta)["brushes"]
    again = bars._bar_colours(-delta)["brushes"]
    assert {id(b) for b in first} == {id(b) for b in again} and len({id(b) for b in first}) == 2
    assert first[0].color() == QColor(bars.colours.scenario)
    assert first[1].color() == QColor(bars.colours.bad)
    palette = QPalette(bars.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    bars.setPalette(palette)
    QApplication.processEvents()
    dark = bars._bar_colours(delta)["brushes"]
    assert dark[0] is not first[0] and dark[0].color() == QColor(bars.colours.scenario)


def test_sector_bars_set_their_empty_outline_once(dashboard, tariff_results, flood_results):
    bars = dashboard.charts["sector_bars"]
    assert bars._bar_colours(np.ones(len(bars._rows)))["pen"].style() == Qt.PenStyle.NoPen
    options = []
    real = bars.bars.setOpts
    bars.bars.setOpts = lambda **opts: options.append(opts) or real(**opts)
    for results in (flood_results, tariff_results, flood_results):
        dashboard.set_results(results, {}, lens="us_manufacturer")
    assert any("brushes" in o for o in options)  # signs flipped
    assert not any("pen" in o for o in options)
    assert bars.bars.opts["pen"].style() == Qt.PenStyle.NoPen
    assert bars.bars._penWidth == [0, 0]
