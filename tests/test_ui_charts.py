"""The impact charts and KPI cards show exactly what Results holds, and export it."""

from __future__ import annotations

import chart_support
import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication

from planner.ui import charts
from planner.ui.charts.base import ChartInput
from planner.ui.charts.series import stack_bars
from planner.ui.charts.timeline_lanes import decimal_year
from planner.ui.dashboard import Dashboard, KpiArea, lens_country

# The shared fixtures (see tests/chart_support.py).
model, tariff_results = chart_support.model, chart_support.tariff_results
flood_results, corridor_results = chart_support.flood_results, chart_support.corridor_results
banded_results, run = chart_support.banded_results, chart_support.run
pytestmark = pytest.mark.gui


@pytest.fixture
def dashboard(qtbot, model):
    board = Dashboard(model=model)
    qtbot.addWidget(board)
    board.resize(1400, 1000)
    return board


def country_index(results, country: str) -> int:
    return list(results.regions).index(country)


def test_trade_over_time_plots_the_flows_of_the_lens_country(dashboard, tariff_results, model):
    pinned = run(model, "mexico_diversifies_partners")
    dashboard.set_results(tariff_results, {"A": pinned}, lens="mx_sme")
    chart = dashboard.charts["trade_over_time"]
    c = country_index(tariff_results, "MEX")
    flows = tariff_results.flows
    expected = (flows[:, :, c, :].sum(axis=(1, 2)) + flows[:, :, :, c].sum(axis=(1, 2))) / 1e3
    x, y = chart.scenario_curve.getData()
    assert np.array_equal(x, tariff_results.years.astype(float))
    np.testing.assert_allclose(y, expected)
    base = tariff_results.flows_base
    expected_base = (base[:, :, c, :].sum(axis=(1, 2)) + base[:, :, :, c].sum(axis=(1, 2))) / 1e3
    np.testing.assert_allclose(chart.baseline_curve.getData()[1], expected_base)
    pf = pinned.flows
    expected_a = (pf[:, :, c, :].sum(axis=(1, 2)) + pf[:, :, :, c].sum(axis=(1, 2))) / 1e3
    np.testing.assert_allclose(chart.pinned_curves["A"].getData()[1], expected_a)
    assert chart.pinned_curves["A"].isVisible() and not chart.pinned_curves["B"].isVisible()
    assert not np.allclose(y, expected_base), "a 25% tariff must move Mexico's trade"
    assert "Mexico" in chart.title_label.text() or "MEX" in chart.title_label.text()


def test_sector_bars_show_exports_to_the_us_or_us_imports(dashboard, tariff_results):
    dashboard.set_year(2030)
    dashboard.set_results(tariff_results, {}, lens="ca_exporter")
    chart = dashboard.charts["sector_bars"]
    y = list(tariff_results.years).index(2030)
    can, usa = country_index(tariff_results, "CAN"), country_index(tariff_results, "USA")
    delta = (tariff_results.flows[y, :, can, usa] - tariff_results.flows_base[y, :, can, usa]) / 1e3
    np.testing.assert_allclose(chart.table()["delta_usd_bn"], delta)
    np.testing.assert_allclose(chart.bars.opts["width"], np.abs(delta))
    dashboard.set_results(tariff_results, {}, lens="us_manufacturer")
    imports = tariff_results.flows[y, :, :, usa].sum(axis=1) - tariff_results.flows[y, :, usa, usa]
    np.testing.assert_allclose(chart.table()["scenario_usd_bn"], imports / 1e3)
    assert "US imports" in chart.title_label.text()


def test_changes_below_a_billion_are_drawn_and_read_in_millions(dashboard, flood_results):
    # The flood's 2027 changes are tens of USD m: in USD bn the axes read "-0.02" and the
    # hover "change 0.0 USD bn" beside a visible bar.
    dashboard.set_year(2027)
    dashboard.set_results(flood_results, {}, lens="us_manufacturer")
    bars = dashboard.charts["sector_bars"]
    delta = bars.table()["delta_usd_bn"].to_numpy()  # the CSV keeps USD bn
    assert 0.005 < np.abs(delta).max() < 1.0
    np.testing.assert_allclose(bars.bars.opts["width"], np.abs(delta) * 1000.0)
    assert bars.plot.getAxis("bottom").labelText.endswith("USD m")
    i = int(np.argmax(np.abs(delta)))
    shown = QLocale().toString(float(round(delta[i] * 1000.0)), "f", 0)
    assert f"change {shown} USD m" in bars.hover_text(0.0, float(i))
    welfare = dashboard.charts["welfare"]
    total = welfare.table()["total_usd_bn"].to_numpy()
    assert np.abs(total).max() < 1.0
    np.testing.assert_allclose(welfare.total.data["y"], total * 1000.0)
    assert welfare.plot.getAxis("left").labelText == "USD m"
    assert welfare.hover_text(0.0, 0.0).endswith(" USD m")
    # No change at all (a lever switched back off) keeps the unit: it must not flip, and
    # re-lay the axis, on every click.
    dashboard.set_results(chart_support.run(dashboard.model, "baseline"), {})
    assert bars.plot.getAxis("bottom").labelText.endswith("USD m")
    assert welfare.plot.getAxis("left").labelText == "USD m"
    # A large change goes back to USD bn.
    dashboard.set_year(2030)
    dashboard.set_results(chart_support.run(dashboard.model, "us_tariff_25_non_usmca"), {})
    assert bars.plot.getAxis("bottom").labelText.endswith("USD bn")
    assert welfare.plot.getAxis("left").labelText == "USD bn"


def test_welfare_bars_stack_the_parts_and_mark_the_total(dashboard, tariff_results):
    dashboard.set_results(tariff_results, {}, lens="analyst")
    chart = dashboard.charts["welfare"]
    y = dashboard.chart_input().year_index
    table = chart.table()
    for part in ("consumer", "producer", "tariff_revenue", "total"):
        np.testing.assert_allclose(table[f"{part}_usd_bn"], tariff_results.welfare[part][y] / 1e3)
    _, total = chart.total.getData()
    np.testing.assert_allclose(total, tariff_results.welfare["total"][y] / 1e3)
    assert np.abs(table["total_usd_bn"]).max() > 0


def test_stacked_bars_put_negative_parts_below_zero():
    bottoms, heights = stack_bars(np.array([[2.0, -1.0], [3.0, -2.0], [-1.0, 4.0]]))
    np.testing.assert_allclose(bottoms, [[0.0, -1.0], [2.0, -3.0], [-1.0, 0.0]])
    np.testing.assert_allclose(heights, [[2.0, 1.0], [3.0, 2.0], [1.0, 4.0]])


def test_region_tiles_colour_and_label_each_macro_region(dashboard, corridor_results):
    dashboard.set_results(corridor_results, {}, lens="mx_sme")
    chart = dashboard.charts["region_tiles"]
    y = dashboard.chart_input().year_index
    table = chart.table().set_index("mx_region")
    order = [list(corridor_results.mx_regions).index(r) for r in table.index]
    np.testing.assert_allclose(
        table["scenario_usd_m"], corridor_results.mx_region_exports[y, order]
    )
    np.testing.assert_allclose(
        table["baseline_usd_m"], corridor_results.mx_region_exports_base[y, order]
    )
    assert len(chart.tiles) == len(corridor_results.mx_regions) == 5
    first = chart.labels[0].textItem.toPlainText()
    assert QLocale().toString(float(table["delta_pct"].iloc[0]), "f", 1).lstrip("-") in first


def test_corridor_map_draws_every_edge_and_marks_the_flood(dashboard, flood_results, model):
    shock = next(s for s in flood_results.scenario.shocks if s.id == "bajio_flood")
    year = int(flood_results.scenario.effective_params(model.catalog, "bajio_flood")["start_year"])
    dashboard.set_year(year)
    dashboard.set_results(flood_results, {}, lens=flood_results.scenario.lens)
    chart = dashboard.charts["corridor_map"]
    table = chart.table()
    y = list(flood_results.years).index(year)
    order = [list(flood_results.edge_ids).index(e) for e in table["edge"]]
    np.testing.assert_allclose(
        table["utilisation"], flood_results.corridor_utilisation[y, order], equal_nan=True
    )
    assert len(table) == len(model.network_edges) == len(chart.edge_layer.lines)
    flooded = table["from_node"] == "bajio"
    assert shock is not None and table.loc[flooded, "disrupted"].all()
    assert not table.loc[~flooded, "disrupted"].any()
    dashed = [
        p.style() for p, hit in zip(chart.edge_layer.pens, table["disrupted"], strict=True) if hit
    ]
    assert dashed and all(s.name == "DashLine" for s in dashed)


def test_corridor_colour_bar_shows_each_edge_colour_at_its_utilisation(dashboard, corridor_results):
    # The bar is the map's key: an edge at 95 % must find its own colour beside the bar's
    # 95 %.  (The bar once stretched the 0..1 part of a 0..1.25 map over its whole height.)
    dashboard.set_results(corridor_results, {}, lens="mx_sme")
    chart = dashboard.charts["corridor_map"]
    bar = chart.colour_bar
    low, high = bar.values
    key = bar.bar.pixmap().toImage()  # the bar's 256 colours, lowest value first
    rows = key.height() if key.width() == 1 else key.width()
    table = chart.table()
    checked = 0
    for pen, used in zip(chart.edge_layer.pens, table["utilisation"], strict=True):
        if not np.isfinite(used) or used > high:
            continue
        i = round((used - low) / (high - low) * (rows - 1))
        shown = key.pixelColor(0, i) if key.width() == 1 else key.pixelColor(i, 0)
        edge = pen.color()
        assert (
            max(
                abs(shown.red() - edge.red()),
                abs(shown.green() - edge.green()),
                abs(shown.blue() - edge.blue()),
            )
            <= 6
        ), (used, shown.name(), edge.name())
        checked += 1
    assert checked >= 10
    assert (table["utilisation"] > 0.9).any()  # a warm colour among them, where it went wrong


def test_corridor_edges_bounding_rect_covers_the_widest_stroke(qtbot, model, flood_results):
    # Qt repaints only what an item's bounding rect covers: a thick edge at the map's rim
    # would leave its old stroke behind when it narrows.
    board = chart_support.shown_dashboard(qtbot, model, flood_results, flood_results.scenario.lens)
    QApplication.processEvents()
    chart = board.charts["corridor_map"]
    layer = chart.edge_layer
    widest = max(pen.widthF() for pen in layer.pens)
    assert widest > 3.0  # a real stroke to cover

    def on_screen(rect):
        return chart.view.mapFromScene(layer.mapRectToScene(rect)).boundingRect()

    segments = on_screen(layer._bounds)
    covered = on_screen(layer.boundingRect())
    for grown in (
        segments.left() - covered.left(),
        covered.right() - segments.right(),
        segments.top() - covered.top(),
        covered.bottom() - segments.bottom(),
    ):
        assert grown >= widest / 2 - 1.0


def test_timeline_lists_the_calendar_and_the_scenario_events(dashboard, model, tariff_results):
    dashboard.set_results(tariff_results, {}, lens="analyst")
    chart = dashboard.charts["timeline"]
    table = chart.table()
    calendar = table[table["lane"] != "scenario"]
    assert len(calendar) == (model.timeline["date"].map(decimal_year) >= model.base_year).sum()
    start = tariff_results.scenario.effective_params(model.catalog, "us_tariff_non_usmca")
    events = table[table["lane"] == "scenario"]
    assert str(int(start["start_year"])) in set(events["date"])
    assert "1" in chart.event_list.text()


def test_bands_follow_the_toggle(dashboard, banded_results):
    if banded_results.flow_bands is None:
        pytest.fail("a run with draws must carry flow bands")
    dashboard.set_results(banded_results, {}, lens="mx_sme", show_bands=True)
    chart = dashboard.charts["trade_over_time"]
    c = country_index(banded_results, "MEX")
    # Each draw's total trade, not the per-flow p10s added up.
    expected = banded_results.trade_total_bands[0, :, c] / 1e3
    np.testing.assert_allclose(chart.band_low.getData()[1], expected)
    low = banded_results.flow_bands[0]
    summed = (low[:, :, c, :].sum(axis=(1, 2)) + low[:, :, :, c].sum(axis=(1, 2))) / 1e3
    assert not np.allclose(chart.band_low.getData()[1], summed)
    assert chart.band.isVisible()
    dashboard.set_bands_visible(False)
    assert not chart.band.isVisible() and "p10_usd_bn" not in chart.table()


def test_every_chart_exports_png_svg_and_csv(dashboard, tariff_results, tmp_path):
    dashboard.set_results(tariff_results, {}, lens="analyst")
    for name, chart in dashboard.charts.items():
        png = chart.export_png(tmp_path / f"{name}.png")
        svg = chart.export_svg(tmp_path / f"{name}.svg")
        csv = chart.export_csv(tmp_path / f"{name}.csv")
        assert not QImage(str(png)).isNull(), name
        assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml"), name
        written, shown = pd.read_csv(csv), chart.table()
        assert list(written.columns) == list(shown.columns) and len(written) == len(shown), name
        for column in shown.select_dtypes("number").columns:
            np.testing.assert_allclose(written[column], shown[column], equal_nan=True)
        assert not written.empty, name
    exported = pd.read_csv(tmp_path / "trade_over_time.csv")
    np.testing.assert_allclose(
        exported["scenario_usd_bn"], dashboard.charts["trade_over_time"].scenario_curve.getData()[1]
    )


def test_hover_reads_out_the_nearest_value(dashboard, tariff_results):
    dashboard.set_results(tariff_results, {}, lens="mx_sme")
    chart = dashboard.charts["trade_over_time"]
    text = chart.hover_text(2030.2, 0.0)
    value = chart.table().set_index("year").loc[2030, "scenario_usd_bn"]
    assert text.startswith("2030") and QLocale().toString(float(value), "f", 1) in text


def test_dashboard_shows_the_message_until_results_arrive(qtbot, model, tariff_results):
    board = Dashboard()
    qtbot.addWidget(board)
    board.set_message("No results yet")
    kpis = KpiArea()
    qtbot.addWidget(kpis)
    charts.install(board, kpis, model)
    assert not board.body.isVisibleTo(board) and board.message.isVisibleTo(board)
    board.set_results(tariff_results, {})
    assert board.body.isVisibleTo(board) and not board.message.isVisibleTo(board)
    assert board.chart_input().lens == tariff_results.scenario.lens
    board.set_year(2027)
    assert kpis.year == 2027


def test_kpi_cards_show_the_lens_kpis_in_the_locale(qtbot, model, tariff_results):
    QLocale.setDefault(QLocale("fr_CA"))
    try:
        area = KpiArea(model=model)
        qtbot.addWidget(area)
        area.set_year(2030)
        area.set_results(tariff_results, {}, lens="mx_sme")
        y = list(tariff_results.years).index(2030)
        ids = list(model.kpis.loc[model.kpis["lens"] == "mx_sme", "id"])
        assert list(area.cards) == ids
        for kid in ids:
            card = area.cards[kid]
            value = float(tariff_results.kpi[kid][y])
            digits = 0 if abs(value) >= 1000 else 1 if abs(value) >= 10 else 2
            assert card.value.text().startswith(QLocale().toString(value, "f", digits))
            if digits:  # French decimals take a comma
                assert "," in card.value.text() and "." not in card.value.text()
            meaning = model.kpis.set_index("id").at[kid, "meaning_en"]
            assert card.meaning.text() == meaning
        exports = area.cards["mx_exports_usd_m"]
        delta = (
            tariff_results.kpi["mx_exports_usd_m"][y]
            - tariff_results.kpi_base["mx_exports_usd_m"][y]
        )
        shown = exports.delta.palette().color(QPalette.ColorRole.WindowText)
        assert delta < 0 and shown.name().lower() == "#d55e00"
    finally:
        QLocale.setDefault(QLocale("en_US"))


def test_lens_country_comes_from_the_lenses_table(model):
    assert lens_country(model, "mx_sme") == "MEX"
    assert lens_country(model, "ca_exporter") == "CAN"
    with pytest.raises(KeyError):
        lens_country(model, "nobody")


def test_chart_input_year(tariff_results):
    data = ChartInput(tariff_results, {}, "analyst", "USA", False, 3)
    assert data.year == int(tariff_results.years[3])


@pytest.mark.parametrize(("lang", "expected"), [("es", "Comercio total"), ("fr", "Commerce total")])
def test_chart_titles_are_translated(qtbot, model, tariff_results, tmp_path, lang, expected):
    import subprocess

    from PySide6.QtCore import QCoreApplication, QTranslator

    from planner.paths import resources_dir
    from planner.ui.translations_build import lrelease_command

    qm = tmp_path / f"charts_{lang}.qm"
    ts = resources_dir() / "translations" / f"charts_{lang}.ts"
    subprocess.run([*lrelease_command(), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    board = Dashboard(model=model)
    qtbot.addWidget(board)
    board.set_results(tariff_results, {}, lens="mx_sme")
    QCoreApplication.installTranslator(translator)
    try:
        QCoreApplication.processEvents()  # LanguageChange is posted, not sent
        assert board.charts["trade_over_time"].title_label.text().startswith(expected)
    finally:
        QCoreApplication.removeTranslator(translator)
        QCoreApplication.processEvents()
    assert board.charts["trade_over_time"].title_label.text().startswith("Total goods trade")


def test_an_opened_scenario_shows_the_year_it_changes_trade_most(dashboard, model, flood_results):
    flood = flood_results.scenario.effective_params(model.catalog, "bajio_flood")
    dashboard.show_year_of_largest_change(flood_results)
    assert dashboard.year == int(flood["start_year"]) != max(flood_results.years)


def test_region_tile_text_keeps_a_legible_contrast_across_the_colour_scale(
    dashboard, corridor_results
):
    from planner.ui.charts.contrast import _relative_luminance, legible_ink

    dashboard.set_results(corridor_results, {}, lens="mx_sme")
    chart = dashboard.charts["region_tiles"]
    fills = chart.colour_map.map(np.linspace(0.0, 1.0, 201), mode="qcolor")

    def contrast(a, b) -> float:
        la, lb = sorted((_relative_luminance(a), _relative_luminance(b)))
        return (lb + 0.05) / (la + 0.05)

    # The diverging scale's worst fill for the better of black and white is ~4.6:1, WCAG's
    # AA level for normal text; the old lightness rule fell to 3.3:1 at the scale's ends.
    worst = min(contrast(fill, legible_ink(fill)) for fill in fills)
    assert worst >= 4.5
    ends = (fills[0], fills[-1])
    assert all(legible_ink(fill).name() == "#ffffff" for fill in ends)
    assert legible_ink(fills[100]).name() == "#000000"  # the white middle: no change
    # And the tiles on screen use it.
    for tile, label in zip(chart.tiles, chart.labels, strict=True):
        assert label.color == legible_ink(tile.brush().color())


def test_every_region_map_colours_a_fall_red_and_a_rise_blue(qtbot, model):
    # A second chart (the PDF brief makes one) must not flip the colours of the first.
    first, second = Dashboard(model=model), Dashboard(model=model)
    for board in (first, second):
        qtbot.addWidget(board)
    for board in (first, second):
        scale = board.charts["region_tiles"].colour_map
        fall, rise = scale.map(np.array([0.0, 1.0]), mode="qcolor")
        assert fall.red() > fall.blue() and rise.blue() > rise.red()


def test_a_small_dashboard_keeps_charts_readable_in_one_scrolling_column(
    qtbot, model, corridor_results
):
    from planner.ui.dashboard import MIN_CHART_HEIGHT, MIN_CHART_WIDTH

    board = Dashboard(model=model)
    qtbot.addWidget(board)
    board.set_results(corridor_results, {}, lens="mx_sme")
    board.resize(880, 915)  # the dashboard of the 1600x1000 window: two columns, no scroll
    board.show()
    qtbot.waitExposed(board)
    qtbot.waitUntil(lambda: board.columns == 2)
    assert not board.scroll.verticalScrollBar().isVisible()
    board.resize(640, 680)  # a 1366x768 laptop screen with both docks open
    qtbot.waitUntil(lambda: board.columns == 1)
    qtbot.wait(10)
    for chart in board.charts.values():
        assert chart.width() >= MIN_CHART_WIDTH and chart.height() >= MIN_CHART_HEIGHT
    assert board.minimumSizeHint().height() < 300  # it scrolls instead of growing the window
    board.resize(880, 915)
    qtbot.waitUntil(lambda: board.columns == 2)
    places = {board.grid.getItemPosition(board.grid.indexOf(c))[:2] for c in board.charts.values()}
    assert places == {(r, c) for r in range(3) for c in range(2)}
