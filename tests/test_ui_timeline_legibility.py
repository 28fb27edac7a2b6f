"""The review timeline reads at every size and in every language: each seed-article claim is a
marker of its own inside the plot, the busy 2025-26 stretch of the review calendar shows
separate dates rather than one black bar, and the line marking the year shown passes behind
the milestone labels, never through their text."""

from __future__ import annotations

import chart_support
import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QApplication

from planner.ui.charts.label_layout import stagger
from planner.ui.dashboard import GRID_SPACING, MIN_CHART_WIDTH, Dashboard

model = chart_support.model
pytestmark = [pytest.mark.gui, chart_support.OFFSCREEN_NOISE]
LANGUAGES = ("en", "es", "fr")
# Dashboard sizes: two charts at their minimum width; one column, as in a 1366 x 768 window
# (1366 px less the two docks); two columns, as in the 1600 x 1000 screenshot.
SIZES = {
    "smallest": (2 * MIN_CHART_WIDTH + GRID_SPACING + 28, 600),
    "1366": (1366 - 380 - 330 - 12, 600),
    "1600": (1600 - 380 - 330 - 12, 915),
}


@pytest.fixture(scope="module")
def diversification_results(model):
    """The scenario of the screenshot: two events in 2025 and one in 2026."""
    return chart_support.run(model, "analyst_annual_reviews_diversification")


@pytest.fixture
def timeline(qtbot, model, language, diversification_results):
    """The timeline of a shown dashboard of a size, in a language."""
    boards = []  # kept alive: the chart is the dashboard's child

    def make(lang: str, size: str):
        language(lang)
        board = Dashboard(model=model)
        qtbot.addWidget(board)
        board.resize(*SIZES[size])
        board.show()
        qtbot.waitExposed(board)
        board.set_results(diversification_results, {}, lens="analyst")
        QApplication.processEvents()
        boards.append(board)
        chart = board.charts["timeline"]
        chart.settle_scene()  # the view's transform as the next paint applies it
        return chart

    yield make


def scene_rect(item) -> QRectF:
    return item.mapRectToScene(item.boundingRect())


def marker_boxes(chart, markers, width_px: float, height_px: float) -> list[QRectF]:
    """The scene rectangles of a Markers item's points (its unused places left out)."""
    data = markers.data
    used = np.isfinite(data["x"]) & np.isfinite(data["y"])
    group = chart.plot.vb.childGroup
    boxes = []
    for x, y in zip(data["x"][used], data["y"][used], strict=True):
        centre = group.mapToScene(QPointF(float(x), float(y)))
        boxes.append(
            QRectF(centre.x() - width_px / 2, centre.y() - height_px / 2, width_px, height_px)
        )
    return boxes


def outer_px(markers) -> float:
    """A marker's width with its outline."""
    pen = markers.opts["pen"]
    drawn = pen.style() != Qt.PenStyle.NoPen
    return float(markers.opts["size"]) + (pen.widthF() if drawn else 0.0)


def claim_boxes(chart) -> list[QRectF]:
    side = outer_px(chart.article_marks)
    return marker_boxes(chart, chart.article_marks, side, side)


def tick_boxes(chart) -> list[QRectF]:
    """The dated milestones' marks: as wide as their symbol's path at their size."""
    marks = chart.calendar_marks
    symbol = marks.opts["symbol"]
    size = float(marks.opts["size"])
    if isinstance(symbol, str):  # a round dot, as it was
        return marker_boxes(chart, marks, size, size)
    path = symbol.boundingRect()
    return marker_boxes(chart, marks, path.width() * size, path.height() * size)


def badge_boxes(chart) -> list[QRectF]:
    side = outer_px(chart.scenario_marks)
    return marker_boxes(chart, chart.scenario_marks, side, side)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_marker_lies_inside_the_plot(timeline, lang, size):
    """The first claim (February 2024, a month after the axis began) was drawn across the
    y axis, outside the plot."""
    chart = timeline(lang, size)
    plot = scene_rect(chart.plot.vb)
    for kind, boxes in (
        ("claim", claim_boxes(chart)),
        ("milestone", tick_boxes(chart)),
        ("scenario event", badge_boxes(chart)),
    ):
        assert boxes
        for box in boxes:
            assert plot.contains(box), (kind, box, plot)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_claim_is_a_marker_of_its_own(timeline, lang, size):
    """Five claims within twenty months overlapped into one orange clump."""
    chart = timeline(lang, size)
    claims = claim_boxes(chart)
    assert len(claims) == 5
    side = outer_px(chart.article_marks)
    centres = [box.center() for box in claims]
    for i, a in enumerate(centres):
        for b in centres[i + 1 :]:  # round markers: apart by their width in any direction
            assert np.hypot(a.x() - b.x(), a.y() - b.y()) >= side, "two claims overlap"
    others = tick_boxes(chart) + badge_boxes(chart)
    for claim in claims:
        assert not any(claim.intersects(other) for other in others), "a claim covers a mark"
    note = scene_rect(chart.article_note.textItem)
    assert chart.article_note.isVisible()
    assert scene_rect(chart.plot.vb).contains(note)
    assert not any(note.intersects(box) for box in claims + others), "(unverified) covers a mark"


@pytest.mark.parametrize("size", ["smallest", "1600"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_busy_milestones_stay_separate_dates(timeline, lang, size):
    """The milestones of 2025-26 (some thirty, at a dozen pixels a year) drew one solid black
    bar: as thin ticks, dates a few weeks apart keep ground between them.  Not every date
    can: 2025 alone holds two dozen, a pixel or less apart (the hover read-out names them)."""
    chart = timeline(lang, size)
    busy = chart.calendar[~chart.calendar["unverified"] & chart.calendar["x"].between(2025, 2027)]
    assert len(busy) >= 20
    spans = sorted(
        (box.left(), box.right())
        for box, x in zip(tick_boxes(chart), chart.calendar_marks.data["x"], strict=True)
        if 2025 <= x <= 2027
    )
    separate, inked = 1, 0.0
    left, right = spans[0]
    for start, end in [*spans[1:], (np.inf, np.inf)]:
        if start - right >= 0.25:  # ground between: a mark of its own
            separate += 1
            inked += right - left
            left = start
        right = max(right, end)
    separate -= 1  # the sentinel
    group = chart.plot.vb.childGroup
    stretch = group.mapToScene(QPointF(2027.0, 0)).x() - group.mapToScene(QPointF(2025.0, 0)).x()
    assert separate >= 5, f"{separate} separate marks for {len(busy)} milestones"
    assert inked < 0.7 * stretch, "the marks still cover the stretch like a bar"


@pytest.mark.parametrize("size", ["smallest", "1600"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_year_line_passes_behind_the_labels(timeline, lang, size):
    """At the default year (2036) the year line ran through "End of new 16-year term"."""
    chart = timeline(lang, size)
    line = chart.year_marker
    bg = chart.colours.bg
    crossed = 0
    for label in [*chart.calendar_labels, chart.article_note]:
        if not label.isVisible():
            continue
        # The text document's own background (Qt paints it with the text): opaque window colour.
        ground = label.textItem.document().rootFrame().frameFormat().background()
        assert ground.style() == Qt.BrushStyle.SolidPattern, label.toPlainText()
        assert ground.color() == bg and ground.color().alpha() == 255, label.toPlainText()
        box = scene_rect(label)
        x = line.mapToScene(QPointF(0, 0)).x()
        if box.left() < x < box.right():
            crossed += 1
            point = QPointF(x, box.center().y())
            stack = chart.view.scene().items(point)  # topmost first
            assert line in stack and stack.index(line) > stack.index(label), label.toPlainText()
    assert crossed, "the line crosses no label: the test checks nothing"
    for label in chart.calendar_labels:  # the z order holds wherever the line moves
        assert line.zValue() < label.zValue()


def test_a_resize_lays_the_chart_out_once_at_the_plots_new_width(timeline, monkeypatch):
    """The panel's resize and the plot's each laid the chart out: the first with the plot's
    old width (on show, 51 px of a plot 459 px wide), the second with its new one."""
    chart = timeline("en", "1366")
    widths = []
    lay_out = type(chart)._lay_out

    def counted(chart):
        widths.append(chart.plot.vb.width())
        lay_out(chart)

    monkeypatch.setattr(type(chart), "_lay_out", counted)
    before = chart.plot.vb.width()
    chart.resize(chart.width() - 60, chart.height())
    QApplication.processEvents()
    assert widths == [chart.plot.vb.width()] and widths[0] < before
    chart.settle_scene()
    x_range = chart.x_range
    chart._fit_x_range()
    assert chart.x_range == x_range  # fitted to the new width already
    plot = scene_rect(chart.plot.vb)
    for box in claim_boxes(chart) + tick_boxes(chart) + badge_boxes(chart):
        assert plot.contains(box), (box, plot)
    labels = [scene_rect(label) for label in chart.calendar_labels if label.isVisible()]
    assert labels
    for i, a in enumerate(labels):
        assert plot.contains(a)
        assert not any(a.intersects(b) for b in labels[i + 1 :]), "two labels overlap"


def test_stagger_alternates_through_a_clump_only():
    xs = np.array([0.0, 4.0, 8.0, 12.0, 40.0, 60.0, 63.0])
    assert stagger(xs, 8.0).tolist() == [1, 2, 1, 2, 0, 1, 2]
    assert stagger(np.array([]), 8.0).tolist() == []
    assert stagger(np.array([5.0]), 8.0).tolist() == [0]
