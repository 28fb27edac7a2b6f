"""A focused chart's arrow keys read its values out one point at a time, as the mouse's hover
does: the same text, Esc clears it, the view does not move, new results update it, and a
screen reader hears it."""

from __future__ import annotations

import itertools

import chart_support
import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from planner.ui.charts.base import fmt_number, fmt_signed, label_for
from planner.ui.charts.timeline import CALENDAR_Y, SCENARIO_Y
from planner.ui.charts.timeline_lanes import decimal_year

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


def timeline_lanes(model) -> tuple[list[tuple[float, str]], list[tuple[float, str]]]:
    """The timeline's dated milestones and seed-article claims as (decimal year, hover text),
    each in date order, worked out here from the model's calendar and sources."""
    table = model.timeline
    article = set(model.sources.loc[model.sources["kind"] == "article", "id"].astype(str))
    milestones, claims = [], []
    for date, event, source in zip(table["date"], table["event"], table["source_id"], strict=True):
        x = decimal_year(date)
        if x < model.base_year:
            continue  # before the chart's first year
        if set(str(source).split(";")) & article:
            claims.append((x, f"{date}: {event} — unverified: only the seed article says so"))
        else:
            milestones.append((x, f"{date}: {event}"))
    return sorted(milestones, key=date_of), sorted(claims, key=date_of)  # stable


def date_of(marker: tuple[float, str]) -> float:
    return marker[0]


def nearest(lane: list[tuple[float, str]], x: float) -> tuple[float, str]:
    """A lane's marker nearest in date to ``x`` (the earlier of two as near)."""
    return min(lane, key=lambda marker: abs(marker[0] - x))


def press(chart, *keys) -> str:
    for key in keys:
        QTest.keyClick(chart.view, key)
    return chart.readout.text()


def test_the_timelines_first_and_last_milestone_read_out_what_the_hover_reads(board, qtbot, model):
    chart = focused(board, "timeline")
    milestones, _claims = timeline_lanes(model)
    for key, (x, text) in ((Qt.Key.Key_Right, milestones[0]), (Qt.Key.Key_End, milestones[-1])):
        keyed = press(chart, key)
        assert keyed == text
        assert press(chart, Qt.Key.Key_Escape).strip() == ""
        assert chart.key_point is None
        assert hovered(qtbot, chart, x, CALENDAR_Y) == keyed


def test_right_reaches_every_milestone_even_a_pixel_apart(board, model):
    chart = focused(board, "timeline")
    milestones, _claims = timeline_lanes(model)
    to_scene = chart.plot.vb.mapViewToScene
    gaps_px = [
        to_scene(QPointF(b, CALENDAR_Y)).x() - to_scene(QPointF(a, CALENDAR_Y)).x()
        for (a, _), (b, _) in itertools.pairwise(milestones)
    ]
    assert 0.0 < min(gap for gap in gaps_px if gap > 0.0) < 2.0  # the busy stretch
    assert press(chart, Qt.Key.Key_Home) == milestones[0][1]
    for _x, text in milestones[1:]:
        assert press(chart, Qt.Key.Key_Right) == text
    # The lane's end: Right stays on the last milestone, not on the claims below.
    assert press(chart, Qt.Key.Key_Right) == milestones[-1][1]
    assert press(chart, Qt.Key.Key_Home, Qt.Key.Key_Left) == milestones[0][1]


def test_up_and_down_switch_the_timelines_lane(board, qtbot, model, tariff_results):
    chart = focused(board, "timeline")
    milestones, claims = timeline_lanes(model)
    first_x = milestones[0][0]
    assert press(chart, Qt.Key.Key_Home, Qt.Key.Key_Up) == milestones[0][1]  # the top lane
    claim = press(chart, Qt.Key.Key_Down)
    assert claim == nearest(claims, first_x)[1]
    assert press(chart, Qt.Key.Key_End, Qt.Key.Key_Right) == claims[-1][1]  # the lane's end
    start = tariff_results.scenario.shocks[0].params["start_year"]
    event = press(chart, Qt.Key.Key_Down)
    assert event.startswith(f"{start}: ") and "unverified" not in event
    assert press(chart, Qt.Key.Key_Down) == event  # the bottom lane
    claim_x, claim = nearest(claims, start)
    assert press(chart, Qt.Key.Key_Up) == claim
    assert press(chart, Qt.Key.Key_Up) == nearest(milestones, claim_x)[1]
    press(chart, Qt.Key.Key_Escape)
    assert hovered(qtbot, chart, float(start), SCENARIO_Y) == event


def test_a_toggle_re_reads_the_timelines_keyed_point(board, model, tariff_results, flood_results):
    chart = focused(board, "timeline")
    milestones, _claims = timeline_lanes(model)
    event = press(chart, Qt.Key.Key_Home, Qt.Key.Key_Down, Qt.Key.Key_Down)
    assert event.startswith(f"{tariff_results.scenario.shocks[0].params['start_year']}: ")
    board.set_results(flood_results, {}, lens=LENS)  # the flood replaces the tariff event
    flood = flood_results.scenario.shocks[0].params["start_year"]
    assert chart.readout.text().startswith(f"{flood}: ")
    assert chart.readout.text() == chart.point_text(chart.key_point)
    press(chart, Qt.Key.Key_Up, Qt.Key.Key_Up, Qt.Key.Key_End)
    board.set_results(tariff_results, {}, lens=LENS)
    assert chart.readout.text() == milestones[-1][1]  # the calendar's point stays put
    press(chart, Qt.Key.Key_Escape)
    board.set_results(flood_results, {}, lens=LENS)
    assert chart.readout.text().strip() == "" and chart.key_point is None


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
    # The timeline's hooks included: its points are counted lane by lane when asked.
    for cls in {type(chart) for chart in board.charts.values()}:

        def counted(chart, i, original=cls.point_text):
            calls.append(i)
            return original(chart, i)

        def counted_points(chart, original=cls.point_count):
            calls.append("count")
            return original(chart)

        monkeypatch.setattr(cls, "point_text", counted)
        monkeypatch.setattr(cls, "point_count", counted_points)
    board.set_results(flood_results, {}, lens=LENS)
    board.set_results(tariff_results, {}, lens=LENS)
    assert calls == []
    assert all(c.readout.text().strip() == "" for c in board.charts.values())


def test_the_mouse_takes_the_read_out_over_from_the_keys(
    board, qtbot, model, tariff_results, flood_results
):
    chart = focused(board, "welfare")
    QTest.keyClick(chart.view, Qt.Key.Key_End)
    hovered(qtbot, chart, 0.2, 0.0)  # the first region's bars
    assert chart.key_point is None
    hovered_text = chart.readout.text()
    y = year_index(board, tariff_results)
    for text in expected_texts(model, tariff_results, "welfare", False, y):
        assert text in hovered_text, (text, hovered_text)
    board.set_results(flood_results, {}, lens=LENS)
    # Read again where the mouse is, from the new numbers: not the old ones, nor the keys'.
    assert chart.key_point is None
    y = year_index(board, flood_results)
    for text in expected_texts(model, flood_results, "welfare", False, y):
        assert text in chart.readout.text(), (text, chart.readout.text())
    assert chart.readout.text() != hovered_text


def test_the_mouse_read_out_clears_when_the_mouse_leaves_the_chart(board, qtbot, flood_results):
    chart = board.charts["welfare"]
    QTest.keyClick(focused(board, "welfare").view, Qt.Key.Key_End)
    hovered(qtbot, chart, 0.2, 0.0)
    QApplication.sendEvent(chart.view, QEvent(QEvent.Type.Leave))
    assert chart.readout.text().strip() == ""
    board.set_results(flood_results, {}, lens=LENS)  # nothing comes back
    assert chart.readout.text().strip() == "" and chart.key_point is None
    # A leave clears the mouse's read-out only: the keys' stays while the mouse passes by.
    QTest.keyClick(chart.view, Qt.Key.Key_Home)
    keyed = chart.readout.text()
    QApplication.sendEvent(chart.view, QEvent(QEvent.Type.Leave))
    assert chart.readout.text() == keyed and chart.key_point == 0


def test_a_toggle_reads_no_hover_while_the_mouse_reads_none(
    board, monkeypatch, tariff_results, flood_results
):
    calls = []
    for cls in {type(chart) for chart in board.charts.values()}:  # see above: on the classes

        def counted(chart, x, y, original=cls.hover_text):
            calls.append((x, y))
            return original(chart, x, y)

        monkeypatch.setattr(cls, "hover_text", counted)
    board.set_results(flood_results, {}, lens=LENS)
    board.set_results(tariff_results, {}, lens=LENS)
    assert calls == []


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
