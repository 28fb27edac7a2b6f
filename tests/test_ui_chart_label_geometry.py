"""Labels that stay readable at the smallest chart the dashboard allows (MIN_CHART_WIDTH x
MIN_CHART_HEIGHT), in English, Spanish and French: the corridor map's names keep apart from
each other and from the nodes, the review timeline's same-year events stack without
covering each other, and every label lies inside the part of the chart on screen."""

from __future__ import annotations

import chart_support
import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QApplication

from planner.ui.charts.label_layout import MARKER_CLEARANCE_PX, NAME_SPACING_PX, place_names
from planner.ui.charts.timeline import BADGE_PX
from planner.ui.dashboard import GRID_SPACING, MIN_CHART_HEIGHT, MIN_CHART_WIDTH, Dashboard

model = chart_support.model
pytestmark = [pytest.mark.gui, chart_support.OFFSCREEN_NOISE]
LANGUAGES = ("en", "es", "fr")


@pytest.fixture(scope="module")
def diversification_results(model):
    """Two events in 2025 (a stack) and one in 2026 (the next year's neighbour)."""
    return chart_support.run(model, "analyst_annual_reviews_diversification")


@pytest.fixture
def smallest_board(qtbot, model, language):
    """A dashboard two charts wide whose charts are at their minimum size, in a language."""

    def make(lang: str, results) -> Dashboard:
        language(lang)
        board = Dashboard(model=model)
        qtbot.addWidget(board)
        # Two minimum-width columns, the grid's spacing, margins and a vertical scroll bar.
        board.resize(2 * MIN_CHART_WIDTH + GRID_SPACING + 28, 600)
        board.show()
        qtbot.waitExposed(board)
        board.set_results(results, {}, lens="analyst")
        QApplication.processEvents()
        for name in ("corridor_map", "timeline"):
            size = board.charts[name].size()
            assert MIN_CHART_WIDTH <= size.width() <= MIN_CHART_WIDTH + 10, size
            assert size.height() == MIN_CHART_HEIGHT, size
        return board

    return make


def scene_rect(item) -> QRectF:
    return item.mapRectToScene(item.boundingRect())


def on_screen(chart) -> QRectF:
    """The part of the chart's scene its view shows, within the plot's box."""
    view = chart.view
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return shown.intersected(scene_rect(chart.plot.vb))


def assert_apart(rects: list[QRectF], texts: list[str], spacing: float = 0.0) -> None:
    for i, a in enumerate(rects):
        grown = a.adjusted(-spacing, -spacing, spacing, spacing)
        for j in range(i + 1, len(rects)):
            assert not grown.intersects(rects[j]), (texts[i], texts[j])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_corridor_names_keep_apart_and_off_the_nodes(smallest_board, diversification_results, lang):
    board = smallest_board(lang, diversification_results)
    chart = board.charts["corridor_map"]
    labels = chart.node_labels
    texts = [t.toPlainText() for t in labels]
    assert all(t.isVisible() for t in labels), texts  # every region and market named
    rects = [scene_rect(t.textItem) for t in labels]
    # Apart by NAME_SPACING_PX less a pixel for the rounding of their positions.
    assert_apart(rects, texts, spacing=NAME_SPACING_PX - 1.0)
    shown = on_screen(chart)
    group = chart.plot.vb.childGroup  # the nodes where they are drawn
    nodes = [group.mapToScene(QPointF(*map(float, xy))) for xy in chart.node_xy]
    clear = MARKER_CLEARANCE_PX - 1.0
    for rect, text in zip(rects, texts, strict=True):
        assert shown.contains(rect), text
        for node in nodes:
            marker = QRectF(node.x() - clear, node.y() - clear, 2 * clear, 2 * clear)
            assert not rect.intersects(marker), text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_timeline_stacks_same_year_events_and_keeps_labels_in_view(
    smallest_board, diversification_results, lang
):
    board = smallest_board(lang, diversification_results)
    chart = board.charts["timeline"]
    vb = chart.plot.vb
    shown = on_screen(chart)
    # The whole time axis is on screen: the legend no longer widens the scene (es, fr).
    assert shown == scene_rect(vb)
    years = [int(x) for x, _ in chart._rows]
    assert years.count(2025) == 2 and 2026 in years
    data = chart.scenario_marks.data
    used = np.isfinite(data["x"])  # the pool's unused places are NaN
    badges = [
        vb.childGroup.mapToScene(QPointF(float(x), float(y)))
        for x, y in zip(data["x"][used], data["y"][used], strict=True)
    ]
    for i, a in enumerate(badges):
        for b in badges[i + 1 :]:
            apart = max(abs(a.x() - b.x()), abs(a.y() - b.y()))
            assert apart >= BADGE_PX, "two event badges cover each other"
    numbers = [label for label in chart.scenario_labels if label.isVisible()]
    assert [n.toPlainText() for n in numbers] == ["1", "2", "3"]
    number_rects = [scene_rect(n.textItem) for n in numbers]
    assert_apart(number_rects, ["1", "2", "3"])
    for rect, badge in zip(number_rects, badges, strict=True):
        assert rect.width() <= BADGE_PX and abs(rect.center().x() - badge.x()) < 1.0
    calendar = [label for label in chart.calendar_labels if label.isVisible()]
    texts = [label.toPlainText() for label in calendar]
    assert len(calendar) >= 2, texts
    rects = [scene_rect(label.textItem) for label in calendar]
    assert_apart(rects + number_rects, [*texts, "1", "2", "3"])
    for rect, text in zip(rects, texts, strict=True):
        assert shown.contains(rect), text


def test_place_names_keeps_names_apart_off_the_points_and_off_the_edges():
    points = np.array([[50.0, 50.0], [60.0, 50.0], [200.0, 200.0]])
    # An edge along y = 44 runs through the places just above the first two points.
    edges = np.array([[0.0, 44.0, 300.0, 44.0]])
    boxes = place_names(points, [(40.0, 12.0)] * 3, points, (300.0, 300.0), edges)
    assert all(box is not None for box in boxes)
    assert_apart(boxes, ["a", "b", "c"], spacing=NAME_SPACING_PX - 0.01)
    c = MARKER_CLEARANCE_PX
    for box in boxes:
        assert QRectF(0, 0, 300, 300).contains(box)
        assert not any(box.intersects(QRectF(x - c, y - c, 2 * c, 2 * c)) for x, y in points)
        assert not (box.top() < 44.0 < box.bottom()), "a free place off the edge was left"


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_the_colour_bar_title_fits_its_bar(smallest_board, diversification_results, lang):
    """ "utilización, % de la capacidad" ran past both ends of the bar at the smallest size."""
    board = smallest_board(lang, diversification_results)
    axis = board.charts["corridor_map"].colour_bar.axis
    title, bar = scene_rect(axis.label), scene_rect(axis)
    assert bar.top() <= title.top() and title.bottom() <= bar.bottom(), axis.label.toPlainText()
