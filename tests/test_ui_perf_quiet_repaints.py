"""A toggle repaints what changed and no more: labels with a new text fill their own
background (the panels under them stay unpainted, the pixels stay the same), and numbers a
lever left where they were are not formatted or drawn again."""

from __future__ import annotations

import chart_support
import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from planner.ui import kpi_card
from planner.ui.kpi_area import KpiArea
from planner.ui.kpi_card import KpiCard

model, tariff_results = chart_support.model, chart_support.tariff_results
flood_results, corridor_results = chart_support.flood_results, chart_support.corridor_results
pytestmark = [pytest.mark.gui, chart_support.OFFSCREEN_NOISE]


class _Paints(QObject):
    """Counts Paint events per watched widget."""

    def __init__(self, widgets: dict[str, QWidget]) -> None:
        super().__init__()
        self.widgets = widgets
        self.counts = dict.fromkeys(widgets, 0)
        self._names = {id(w): name for name, w in widgets.items()}

    def __enter__(self) -> _Paints:
        for widget in self.widgets.values():
            widget.installEventFilter(self)
        return self

    def __exit__(self, *exc: object) -> None:
        for widget in self.widgets.values():
            widget.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.Paint and id(watched) in self._names:
            self.counts[self._names[id(watched)]] += 1
        return False


ROTATE_DIGITS = str.maketrans("0123456789", "1234567890")


def _settle() -> None:
    for _ in range(10):
        QApplication.processEvents()


def _see_through(widgets: list[QWidget]) -> None:
    for widget in widgets:
        widget.setAutoFillBackground(False)
        widget.update()


def test_a_new_kpi_number_repaints_its_label_not_the_card_or_the_column(qtbot, model):
    area = KpiArea(model=model)
    qtbot.addWidget(area)
    area.resize(330, 900)
    area.show()
    qtbot.waitExposed(area)
    area.set_results(chart_support.run(model, "us_tariff_25_non_usmca"), {}, lens="us_manufacturer")
    _settle()
    card = next(iter(area.cards.values()))
    watched = {"label": card.delta, "card": card, "column": area.inner}
    with _Paints(watched) as paints:
        # New digits of the same widths: the card keeps its layout, as most toggles leave it.
        card.delta.setText(card.delta.text().translate(ROTATE_DIGITS))
        _settle()
    assert paints.counts["label"] == 1
    assert paints.counts["card"] == 0 and paints.counts["column"] == 0
    # The labels' own background is the colour the card showed through them.
    opaque = area.grab().toImage()
    _see_through([label for c in area.cards.values() for label in c.findChildren(QLabel)])
    _settle()
    assert area.grab().toImage() == opaque


def test_the_event_list_repaint_stops_at_its_box(dashboard_with_tariff):
    board = dashboard_with_tariff
    timeline = board.charts["timeline"]
    watched = {"box": timeline.event_box, "panel": timeline, "dashboard": board}
    with _Paints(watched) as paints:
        timeline.event_list.setText("<b>1</b>&nbsp;2027&nbsp;A new event")
        timeline.event_list.heightForWidth(timeline.event_list.width())  # as set_input does
        _settle()
    assert paints.counts["box"] == 1
    assert paints.counts["panel"] == 0 and paints.counts["dashboard"] == 0
    opaque = board.grab().toImage()
    _see_through([timeline.event_box])
    _settle()
    assert board.grab().toImage() == opaque


def test_a_new_compute_time_repaints_the_label_not_the_status_bar(window):
    label = window.compute_label
    _settle()
    watched = {"label": label, "status": window.statusBar(), "window": window}
    with _Paints(watched) as paints:
        label.setText("Computed in 12.3 ms")
        _settle()
    assert paints.counts["label"] == 1
    assert paints.counts["status"] == 0 and paints.counts["window"] == 0
    opaque = window.grab().toImage()
    _see_through([label])
    _settle()
    assert window.grab().toImage() == opaque


def test_a_kpi_card_formats_unchanged_numbers_once(qtbot, monkeypatch):
    card = KpiCard("us_landed_cost_index")
    qtbot.addWidget(card)
    sentences = []
    real = kpi_card.change_sentence  # patched where the card looks it up
    monkeypatch.setattr(kpi_card, "change_sentence", lambda *a: sentences.append(a) or real(*a))
    row = {
        "id": "us_landed_cost_index",
        "label_en": "Landed cost",
        "unit": "%",
        "better": "lower",
        "lens": "us_manufacturer",
        "meaning_en": "What it costs.",
    }
    card.show_values(row, 101.5, 100.0, None, 2030, "en")
    text = (card.value.text(), card.delta.text(), card.verdict.text())
    card.show_values(row, 101.5, 100.0, None, 2030, "en")
    assert len(sentences) == 1
    assert (card.value.text(), card.delta.text(), card.verdict.text()) == text
    card.show_values(row, 99.0, 100.0, None, 2030, "en")  # a new number is shown
    assert len(sentences) == 2 and card.value.text() != text[0]
    QApplication.sendEvent(card, QEvent(QEvent.Type.PaletteChange))  # the delta's colour
    card.show_values(row, 99.0, 100.0, None, 2030, "en")
    assert len(sentences) == 3


@pytest.fixture
def dashboard_with_tariff(qtbot, model, tariff_results):
    board = chart_support.shown_dashboard(qtbot, model, tariff_results)
    _settle()
    return board


def test_charts_whose_numbers_did_not_change_are_not_redrawn(
    dashboard_with_tariff, tariff_results, flood_results, corridor_results, monkeypatch
):
    board = dashboard_with_tariff
    tiles, welfare, corridor = (
        board.charts[n] for n in ("region_tiles", "welfare", "corridor_map")
    )
    calls: list[str] = []

    def spy(obj: object, name: str) -> None:
        real = getattr(obj, name)
        monkeypatch.setattr(obj, name, lambda *a, **k: calls.append(name) or real(*a, **k))

    spy(tiles, "_paint_tiles")
    spy(tiles, "_write_labels")
    spy(corridor.utilisation_map, "map")
    for bars in welfare.bars.values():
        spy(bars, "set_values")
    shown = (tiles.labels[0].textItem.toPlainText(), welfare._values.copy())
    board.set_results(tariff_results, {}, lens="us_manufacturer")  # new Results, same numbers
    assert calls == []
    assert tiles.labels[0].textItem.toPlainText() == shown[0]
    assert (welfare._values == shown[1]).all()
    board.set_results(flood_results, {}, lens="us_manufacturer")  # other numbers: redrawn
    board.set_results(corridor_results, {}, lens="us_manufacturer")
    assert {"_paint_tiles", "_write_labels", "map", "set_values"} <= set(calls)
