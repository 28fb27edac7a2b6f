"""A toggle's repaint: one pass of the window for every chart, the tiles' labels drawn without
a rich-text document, and the axis' label sizes added up as numpy adds them."""

from __future__ import annotations

import chart_support
import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsTextItem, QStyleOptionGraphicsItem

from planner.ui.charts.pairwise_sum import numpy_sum
from planner.ui.charts.tile_text import TEXT_MARGIN_PX, TileText

model, tariff_results = chart_support.model, chart_support.tariff_results
flood_results = chart_support.flood_results
pytestmark = [pytest.mark.gui, chart_support.OFFSCREEN_NOISE]


class _Counter(QObject):
    """Counts UpdateRequest events on the window and Paint events per chart viewport."""

    def __init__(self, viewports: dict[str, QObject]) -> None:
        super().__init__()
        self.update_requests = 0
        self.paints = dict.fromkeys(viewports, 0)
        self._names = {id(v): name for name, v in viewports.items()}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.UpdateRequest:
            self.update_requests += 1
        elif event.type() == QEvent.Type.Paint and id(watched) in self._names:
            self.paints[self._names[id(watched)]] += 1
        return False


def _settle() -> None:
    for _ in range(10):
        QApplication.processEvents()


def test_new_results_repaint_every_chart_in_one_pass_of_the_window(
    qtbot, model, tariff_results, flood_results
):
    board = chart_support.shown_dashboard(qtbot, model, tariff_results)
    _settle()
    viewports = {name: chart.view.viewport() for name, chart in board.charts.items()}
    counter = _Counter(viewports)
    window = board.window()
    window.installEventFilter(counter)
    for viewport in viewports.values():
        viewport.installEventFilter(counter)
    try:
        board.set_results(flood_results, {}, lens="us_manufacturer")
        _settle()
    finally:
        window.removeEventFilter(counter)
        for viewport in viewports.values():
            viewport.removeEventFilter(counter)
    # Each chart scene used to dispatch the window's update request as it handed over its
    # changed areas: one repaint of the window per chart.
    assert counter.update_requests == 1
    repainted = [name for name, n in counter.paints.items() if n]
    assert len(repainted) >= 4, counter.paints  # the flood moves most charts
    assert all(n <= 1 for n in counter.paints.values()), counter.paints


def _render(paint, size=(220, 90)) -> QImage:
    image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#9ecae1"))
    painter = QPainter(image)
    painter.translate(10.0, 10.0)
    paint(painter)
    painter.end()
    return image


@pytest.mark.parametrize(
    ("lines", "size", "ink"),
    [
        (["North", "+1.23 %", "+456 USD m"], 9.0, "black"),
        (["Bajío", "-0.05 %", "-12 USD m"], 8.0, "white"),
        (["Sur-Sureste", "+10,2 %", "+4 567 M USD"], 7.5, "black"),
        (["Centre-Ouest du Mexique…", "–", "+0 M USD"], 6.5, "white"),
    ],
)
def test_tile_text_draws_the_pixels_of_the_rich_text_it_replaces(qtbot, lines, size, ink):
    rich = QGraphicsTextItem()
    rich.document().setDocumentMargin(TEXT_MARGIN_PX)
    rich.setDefaultTextColor(QColor(ink))
    name, pct, usd = lines
    rich.setHtml(
        f'<div style="text-align:center; font-size:{size:g}pt">'
        f"<b>{name}</b><br>{pct}<br>{usd}</div>"
    )
    text = TileText()
    text.setFont(rich.font())
    text.setDefaultTextColor(QColor(ink))
    text.set_lines(lines, size)
    assert text.boundingRect() == rich.boundingRect()
    assert text.toPlainText() == "\n".join(lines)
    option = QStyleOptionGraphicsItem()
    expected = _render(lambda p: rich.paint(p, option, None))
    assert _render(lambda p: text.paint(p, option, None)) == expected
    text.set_lines([name, pct, usd + " more"], size)  # a wider last line: another picture
    assert _render(lambda p: text.paint(p, option, None)) != expected


def test_tile_labels_are_drawn_without_a_text_document(qtbot, model, flood_results):
    board = chart_support.shown_dashboard(qtbot, model, flood_results)
    tiles = board.charts["region_tiles"]
    for label in tiles.labels:
        assert isinstance(label.textItem, TileText)
        assert len(label.toPlainText().split("\n")) == 3
        assert label.textItem.boundingRect().width() > 2 * TEXT_MARGIN_PX


def test_numpy_sum_adds_up_as_numpy_does():
    rng = np.random.default_rng(5)
    for n in [*range(0, 40), 63, 64, 65, 127, 128, 129, 255, 256, 300, 1000]:
        for values in (
            rng.integers(1, 60, n) * 0.8,
            rng.random(n) * 100.0,
            rng.integers(5, 80, n) + rng.integers(0, 64, n) / 64.0,
        ):
            listed = values.tolist()
            assert numpy_sum(listed) == float(np.sum(listed)), n
