"""Readable charts: the review timeline's labels and unverified claims, the corridor map's
aspect, line widths, legend and names, and the label layout they share."""

from __future__ import annotations

import chart_support
import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from planner.ui.charts.label_layout import place_labels, place_names
from planner.ui.charts.map_edges import (
    MAX_WIDTH_PX,
    MIN_WIDTH_PX,
    UTILISATION_TOP,
    width_px,
)
from planner.ui.charts.timeline import CALENDAR_LANE, CALENDAR_Y
from planner.ui.charts.timeline_lanes import article_sources, headline

# The shared fixtures (see tests/chart_support.py).
model, tariff_results = chart_support.model, chart_support.tariff_results
flood_results, corridor_results = chart_support.flood_results, chart_support.corridor_results
pytestmark = pytest.mark.gui


@pytest.fixture
def dashboard(qtbot, model):
    return chart_support.shown_dashboard(qtbot, model)


def scene_rect(item):
    return item.mapRectToScene(item.boundingRect())


def test_timeline_labels_key_milestones_only_and_they_never_overlap(dashboard, tariff_results):
    dashboard.set_results(tariff_results, {}, lens="analyst")
    chart = dashboard.charts["timeline"]
    QApplication.processEvents()
    shown = [label for label in chart.calendar_labels if label.isVisible()]
    assert len(shown) >= 3, "the review, the next review and the expiry are labelled"
    texts = [label.toPlainText() for label in shown]
    assert "First USMCA joint review" in texts
    assert not any("…" in t for t in texts), texts
    rects = [scene_rect(label) for label in shown]
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert not a.intersects(b), texts
    # every other milestone is a marker that names itself on hover
    assert len(chart.calendar) > len(shown)
    when = chart.calendar.loc[chart.calendar["event"].str.startswith("USTR public hearing"), "x"]
    assert "USTR public hearing" in chart.hover_text(float(when.iloc[0]), 2.0)


def test_hover_reads_every_milestone_of_one_date(dashboard, tariff_results):
    # Three 2026-07-01 milestones draw as one marker: the mouse used to reach only one.
    dashboard.set_results(tariff_results, {}, lens="analyst")
    chart = dashboard.charts["timeline"]
    calendar = chart.lane_frames[CALENDAR_LANE]
    same = calendar[calendar["date"] == "2026-07-01"]
    assert len(same) >= 2
    text = chart.hover_text(float(same["x"].iloc[0]), CALENDAR_Y)
    for event in same["event"]:
        assert event in text, event
    assert "2025-09-17" not in text and text.count("2026-07-01") == 1  # that date's, once
    # Longer than the panel is wide: one elided line that keeps the whole text (a plain
    # label clipped it mid-word), and a tooltip with all of it.
    width = chart.width()
    chart.show_hover(float(same["x"].iloc[0]), CALENDAR_Y)
    QApplication.processEvents()
    line = chart.readout
    assert line.text() == text and line.is_elided() and line.shown_text().endswith("…")
    assert line.fontMetrics().horizontalAdvance(line.shown_text()) <= line.contentsRect().width()
    assert chart.width() == width  # the long read-out did not widen the panel
    assert same["event"].iloc[-1] in line.toolTip()
    chart.clear_hover()
    assert not line.is_elided() and line.toolTip() == ""


def test_seed_article_claims_are_hollow_and_marked_unverified(dashboard, model, tariff_results):
    dashboard.set_results(tariff_results, {}, lens="analyst")
    chart = dashboard.charts["timeline"]
    article = article_sources(model)
    claims = model.timeline[model.timeline["source_id"].isin(article)]
    assert len(claims) and "ART" in article
    assert len(chart.article_marks.data) == len(claims)
    assert chart.article_marks.opts["brush"].color() == chart.colours.bg  # hollow
    legend = [label.text for _sample, label in chart.legend.items]
    assert "Seed article claim (unverified)" in legend
    assert chart.article_note.isVisible() and chart.article_note.toPlainText() == "(unverified)"
    table = chart.table()
    order = table[table["event"].str.startswith("Executive Order calling")]
    assert list(order["lane"]) == ["article (unverified)"]
    x = chart.calendar.loc[chart.calendar["event"].str.startswith("Executive Order"), "x"]
    assert "unverified" in chart.hover_text(float(x.iloc[0]), 1.0)
    assert "Executive Order" not in chart.hover_text(float(x.iloc[0]), 2.0)


def test_headline_keeps_the_first_clause():
    assert headline("First USMCA joint review by the Free Trade Commission") == (
        "First USMCA joint review"
    )
    assert headline("Art. 34.7(2): deadline for each Party (one month)") == (
        "Deadline for each Party"
    )


def test_label_rows_never_overlap_and_flip_at_the_right_edge():
    xs = np.array([0.0, 0.5, 1.0, 5.0, 9.5])
    rows, flipped = place_labels(xs, np.full(5, 2.0), 2, right_edge=10.0)
    assert list(rows) == [0, 1, -1, 0, 0]
    assert list(flipped) == [False, False, False, False, True]


def test_names_avoid_each_other_and_the_points():
    points = np.array([[50.0, 50.0], [60.0, 50.0], [200.0, 200.0]])
    boxes = place_names(points, [(40.0, 12.0)] * 3, points, (300.0, 300.0))
    assert all(box is not None for box in boxes)
    assert not boxes[0].intersects(boxes[1])
    for box in boxes:
        assert not any(box.contains(float(x), float(y)) for x, y in points.tolist())


def test_corridor_map_keeps_geographic_proportions(dashboard, tariff_results):
    dashboard.set_results(tariff_results, {}, lens="us_manufacturer")
    chart = dashboard.charts["corridor_map"]
    QApplication.processEvents()
    vb = chart.plot.vb
    (x0, x1), (y0, y1) = vb.viewRange()
    # one unit is as many pixels across as up: x is longitude x cos(mean latitude)
    assert vb.width() / (x1 - x0) == pytest.approx(vb.height() / (y1 - y0), rel=0.02)
    assert chart.plot.vb.state["aspectLocked"] == 1.0
    nodes = chart.model.network_nodes.set_index("id")
    scale = chart.lon_scale
    mx = list(chart.node_ids).index("north")
    assert chart.node_xy[mx, 0] == pytest.approx(nodes.at["north", "lon"] * scale)
    assert chart.node_xy[mx, 1] == pytest.approx(nodes.at["north", "lat"])


def test_corridor_names_do_not_overlap(dashboard, tariff_results):
    dashboard.set_results(tariff_results, {}, lens="us_manufacturer")
    chart = dashboard.charts["corridor_map"]
    QApplication.processEvents()
    shown = [t for t in chart.node_labels if t.isVisible()]
    assert len(shown) >= len(chart.node_labels) - 1
    rects = [scene_rect(t) for t in shown]
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert not a.adjusted(2, 2, -2, -2).intersects(b), [t.toPlainText() for t in shown]


def test_corridor_widths_stay_in_their_pixel_range(dashboard, corridor_results):
    dashboard.set_results(corridor_results, {}, lens="mx_sme")
    chart = dashboard.charts["corridor_map"]
    widths = np.array([pen.widthF() for pen in chart.edge_layer.pens])
    assert widths.min() >= MIN_WIDTH_PX and widths.max() <= max(MAX_WIDTH_PX, 2.0)
    assert all(pen.isCosmetic() for pen in chart.edge_layer.pens)
    np.testing.assert_allclose(width_px(np.array([0.0, 1e9]), 10.0), [MIN_WIDTH_PX, MAX_WIDTH_PX])
    legend = [label.text for _sample, label in chart.legend.items]
    assert {"Disrupted", "Corridor not built", "Border crossing", "Seaport"} <= set(legend)
    assert any(text.startswith("flow ") and "USD bn" in text for text in legend)
    assert chart.colour_bar.levels() == (0.0, UTILISATION_TOP)


def test_the_corridor_not_built_is_dotted_and_disruptions_dashed(
    dashboard, tariff_results, flood_results, model
):
    dashboard.set_results(tariff_results, {}, lens="us_manufacturer")
    chart = dashboard.charts["corridor_map"]
    planned = model.network_edges["enabled_by"].fillna("").eq("tmfc_corridor").to_numpy()
    assert planned.any() and not chart.table().loc[planned, "built"].any()
    styles = [pen.style().name for pen in chart.edge_layer.pens]
    assert {styles[i] for i in np.flatnonzero(planned)} == {"DotLine"}
    assert "DotLine" not in {styles[i] for i in np.flatnonzero(~planned)}

    year = int(flood_results.scenario.effective_params(model.catalog, "bajio_flood")["start_year"])
    dashboard.set_year(year)
    dashboard.set_results(flood_results, {}, lens=flood_results.scenario.lens)
    hit = chart.table()["disrupted"].to_numpy()
    pens = chart.edge_layer.pens
    assert hit.any()
    assert all(pens[i].style().name == "DashLine" for i in np.flatnonzero(hit))
    assert all(pens[i].color().name() == "#e41a1c" for i in np.flatnonzero(hit))
    # drawn last, so the dashes stay visible where lines cross
    last = int((hit | planned).sum())
    assert set(chart.edge_layer.order[-last:]) >= set(np.flatnonzero(hit))
