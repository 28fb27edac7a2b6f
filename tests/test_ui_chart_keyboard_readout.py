"""A focused chart's arrow keys read its values out one point at a time, as the mouse's hover
does: the same text, Esc clears it, the view does not move, new results update it, and a
screen reader hears it."""

from __future__ import annotations

import chart_support
import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from planner.ui.charts.base import fmt_number, fmt_signed, label_for

model, tariff_results = chart_support.model, chart_support.tariff_results
flood_results = chart_support.flood_results
pytestmark = [pytest.mark.gui, chart_support.OFFSCREEN_NOISE]

STEPPED = ("trade_over_time", "sector_bars", "welfare", "region_tiles", "corridor_map")
LENS = "mx_sme"  # Mexico: its sector bars are exports to the United States


@pytest.fixture
def board(qtbot, model, tariff_results):
    board = chart_support.shown_dashboard(qtbot, model, tariff_results, lens=LENS)
    board.activateWindow()
    qtbot.waitUntil(board.isActiveWindow)
    return board


def focused(board, name: str):
    chart = board.charts[name]
    chart.view.setFocus(Qt.FocusReason.TabFocusReason)
    assert chart.view.hasFocus(), name
    return chart


def hovered(qtbot, chart, x: float, y: float) -> str:
    """The read-out after the mouse moves to view coordinates (x, y), through the chart's
    rate-limited hover path."""
    chart.readout.setText(" ")
    scene_pos = chart.plot.vb.mapViewToScene(QPointF(x, y))
    chart.view.scene().sigMouseMoved.emit(scene_pos)
    qtbot.waitUntil(lambda: chart.readout.text().strip() != "")
    return chart.readout.text()


def expected_texts(model, results, name: str, last: bool, y: int) -> list[str]:
    """Texts the read-out of a chart's first or ``last`` point must hold: its label and a
    number from ``results`` (at year index ``y`` for the one-year charts)."""
    regions = list(results.regions)
    c, usa = regions.index("MEX"), regions.index("USA")
    k = -1 if last else 0
    if name == "trade_over_time":
        flows = results.flows[k]
        total = (flows[:, c, :].sum() + flows[:, :, c].sum()) / 1e3
        return [f"{int(results.years[k])}: ", f"Scenario {fmt_number(total)}"]
    if name == "sector_bars":
        sector = label_for(model.sector_labels, "en", model.sectors[k])
        return [f"{sector}:", f"scenario {fmt_number(results.flows[y, k, c, usa] / 1e3)}"]
    if name == "welfare":
        region = label_for(model.region_labels, "en", model.regions[k])
        return [f"{region}:", f"Total {fmt_signed(results.welfare['total'][y][k] / 1e3)}"]
    if name == "region_tiles":
        rid = tuple(model.mx_regions)[k]
        exports = results.mx_region_exports[y, list(results.mx_regions).index(rid)]
        region = label_for(model.mx_region_labels, "en", rid)
        return [f"{region}:", f"scenario {fmt_number(exports, 0)}"]
    assert name == "corridor_map"
    e = list(results.edge_ids).index(model.network_edges["id"].iloc[k])
    return [" → ", f"utilisation {fmt_number(100 * results.corridor_utilisation[y, e], 0)} %"]


def hover_position(chart, model, name: str, last: bool) -> tuple[float, float]:
    """View coordinates at which the mouse hovers a chart's first or ``last`` point, worked
    out here from the chart's layout rather than taken from its keyboard hook."""
    (x_low, x_high), (y_low, y_high) = chart.plot.vb.viewRange()
    middle_x, middle_y = (x_low + x_high) / 2, (y_low + y_high) / 2  # inside the plot
    if name == "trade_over_time":
        year = float(chart.current.results.years[-1 if last else 0])
        return year + (-0.2 if last else 0.2), middle_y
    if name == "sector_bars":
        return middle_x, float(len(model.sectors) - 1 if last else 0) - 0.2
    if name == "welfare":
        return float(len(model.regions) - 1 if last else 0) + 0.2, middle_y
    if name == "region_tiles":
        from planner.ui.charts.region_tiles import tile_rects

        ids = tuple(model.mx_regions)
        x, y, w, h = tile_rects(ids)[ids[-1 if last else 0]]
        return x + 0.3 * w, y + 0.7 * h
    # A point on the edge nearer to it than to any other edge (the hover picks the nearest).
    i = len(chart.edge_ids) - 1 if last else 0
    x0, y0, x1, y1 = chart.segments[i]
    for t in np.linspace(0.3, 0.9, 13):
        x, y = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
        if chart._nearest_edge(x, y)[0] == i:
            return float(x), float(y)
    pytest.skip(f"edge {i} lies under another one: the mouse cannot hover it alone")


def year_index(board, results) -> int:
    return list(results.years).index(board.chart_input().year)


@pytest.mark.parametrize("name", STEPPED)
def test_arrows_home_and_end_read_out_what_the_hover_reads(
    board, qtbot, model, tariff_results, name
):
    chart = focused(board, name)
    assert chart.readout.text().strip() == ""
    y = year_index(board, tariff_results)
    for last, key in ((False, Qt.Key.Key_Right), (True, Qt.Key.Key_End)):
        QTest.keyClick(chart.view, key)
        keyed = chart.readout.text()
        for text in expected_texts(model, tariff_results, name, last, y):
            assert text in keyed, (name, text, keyed)
        QTest.keyClick(chart.view, Qt.Key.Key_Escape)
        assert chart.readout.text().strip() == "", name
        assert chart.key_point is None
        assert hovered(qtbot, chart, *hover_position(chart, model, name, last)) == keyed, name


@pytest.mark.parametrize("name", STEPPED)
def test_right_and_left_step_one_point_and_stop_at_the_ends(board, qtbot, name):
    chart = focused(board, name)
    count = chart.point_count()
    assert count >= 3, name
    texts = []
    for _ in range(3):
        QTest.keyClick(chart.view, Qt.Key.Key_Right)
        texts.append(chart.readout.text())
    assert len(set(texts)) == 3, texts  # the first point, then two more
    QTest.keyClick(chart.view, Qt.Key.Key_Left)
    assert chart.readout.text() == texts[1]
    QTest.keyClick(chart.view, Qt.Key.Key_Home)
    QTest.keyClick(chart.view, Qt.Key.Key_Left)
    assert chart.readout.text() == texts[0]  # no wrap past the first
    QTest.keyClick(chart.view, Qt.Key.Key_End)
    end = chart.readout.text()
    QTest.keyClick(chart.view, Qt.Key.Key_Right)
    assert chart.readout.text() == end != texts[0]


def test_up_and_down_step_between_rows_where_the_chart_has_rows(board, model):
    bars = focused(board, "sector_bars")
    QTest.keyClick(bars.view, Qt.Key.Key_Home)
    QTest.keyClick(bars.view, Qt.Key.Key_Down)
    second = label_for(model.sector_labels, "en", model.sectors[1])
    assert bars.readout.text().startswith(f"{second}:")
    QTest.keyClick(bars.view, Qt.Key.Key_Up)
    first = label_for(model.sector_labels, "en", model.sectors[0])
    assert bars.readout.text().startswith(f"{first}:")

    tiles = focused(board, "region_tiles")
    ids = list(tiles.region_ids)
    QTest.keyClick(tiles.view, Qt.Key.Key_Home)  # the northern tile, the top row
    QTest.keyClick(tiles.view, Qt.Key.Key_Down)
    assert tiles.key_point == ids.index("bajio")  # straight under the north tile's middle
    QTest.keyClick(tiles.view, Qt.Key.Key_Up)
    assert tiles.key_point == ids.index("north")

    welfare = focused(board, "welfare")  # one row of bars: Up and Down do nothing
    QTest.keyClick(welfare.view, Qt.Key.Key_Right)
    shown = welfare.readout.text()
    QTest.keyClick(welfare.view, Qt.Key.Key_Down)
    assert welfare.readout.text() == shown and welfare.key_point == 0


@pytest.mark.parametrize("name", [*STEPPED, "timeline"])
def test_the_keys_neither_pan_nor_scroll_the_view(board, name):
    chart = focused(board, name)
    view = chart.view
    before = (
        chart.plot.vb.viewRange(),
        view.horizontalScrollBar().value(),
        view.verticalScrollBar().value(),
        view.sceneRect(),
    )
    keys = [Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_End, Qt.Key.Key_Left, Qt.Key.Key_Up]
    for key in [*keys, Qt.Key.Key_Home, Qt.Key.Key_Escape]:
        QTest.keyClick(view, key)
        QApplication.processEvents()
        after = (
            chart.plot.vb.viewRange(),
            view.horizontalScrollBar().value(),
            view.verticalScrollBar().value(),
            view.sceneRect(),
        )
        assert after == before, (name, key)
    assert view.hasFocus()


def test_the_timeline_does_not_step(board):
    """Its hover lanes are the timeline's own (left out of the keys for now): the keys
    change nothing there."""
    chart = focused(board, "timeline")
    assert chart.point_count() == 0
    QTest.keyClick(chart.view, Qt.Key.Key_Right)
    assert chart.key_point is None and chart.readout.text().strip() == ""


@pytest.mark.parametrize("name", STEPPED)
def test_new_results_update_the_keyed_points_value(board, qtbot, model, flood_results, name):
    chart = focused(board, name)
    QTest.keyClick(chart.view, Qt.Key.Key_End)
    before = chart.readout.text()
    board.set_results(flood_results, {}, lens=LENS)  # as a lever toggle delivers them
    assert chart.key_point == chart.point_count() - 1
    for text in expected_texts(model, flood_results, name, True, year_index(board, flood_results)):
        assert text in chart.readout.text(), (name, text, chart.readout.text())
    assert chart.readout.text() == chart.point_text(chart.key_point)
    if name in ("trade_over_time", "region_tiles"):  # the flood moves these numbers
        assert chart.readout.text() != before


def test_a_toggle_reads_no_point_while_none_is_keyed(
    board, monkeypatch, tariff_results, flood_results
):
    calls = []
    # Patched on the classes (restored after the test): a wrapper kept on each chart would
    # tie the chart to itself in a cycle that the garbage collector frees at random later.
    for cls in {type(chart) for chart in board.charts.values()}:

        def counted(chart, i, original=cls.point_text):
            calls.append(i)
            return original(chart, i)

        monkeypatch.setattr(cls, "point_text", counted)
    board.set_results(flood_results, {}, lens=LENS)
    board.set_results(tariff_results, {}, lens=LENS)
    assert calls == []
    assert all(c.readout.text().strip() == "" for c in board.charts.values())


def test_the_mouse_takes_the_read_out_over_from_the_keys(board, qtbot, flood_results):
    chart = focused(board, "welfare")
    QTest.keyClick(chart.view, Qt.Key.Key_End)
    hovered(qtbot, chart, 0.0, 0.0)
    assert chart.key_point is None
    hovered_text = chart.readout.text()
    board.set_results(flood_results, {}, lens=LENS)
    assert chart.readout.text() == hovered_text  # not the keys' point brought back


def test_a_screen_reader_hears_each_point_and_the_summary_after_esc(board, monkeypatch):
    announced = []
    monkeypatch.setattr(
        QAccessible,
        "updateAccessibility",
        lambda event: announced.append((event.type(), event.object())),
    )
    chart = board.charts["sector_bars"]
    QAccessible.setActive(True)
    try:
        focused(board, "sector_bars")
        summary = chart.view.accessibleDescription()
        assert "Shift+F10" in summary and "Arrow keys" in summary
        QTest.keyClick(chart.view, Qt.Key.Key_Right)
        assert chart.view.accessibleDescription() == chart.readout.text()
        assert (QAccessible.Event.Announcement, chart.view) in announced
        QTest.keyClick(chart.view, Qt.Key.Key_Escape)
        assert chart.view.accessibleDescription() == summary
    finally:
        QAccessible.setActive(False)


def test_no_description_is_built_for_a_key_without_a_screen_reader(board):
    assert not QAccessible.isActive()
    chart = board.charts["welfare"]
    chart.view.setFocus(Qt.FocusReason.TabFocusReason)
    described = chart.view.accessibleDescription()  # the focus builds the summary once
    QTest.keyClick(chart.view, Qt.Key.Key_Right)
    assert chart.readout.text().strip()
    assert chart.view.accessibleDescription() == described
