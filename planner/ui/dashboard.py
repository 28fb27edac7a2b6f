"""The dashboard: the six impact charts in a grid, with a year selector for the one-year charts,
and (re-exported from kpi_area) the KPI area of the right dock.

The shell calls ``set_results(results, pinned)`` after every evaluation; every chart updates
its pre-created plot items, so a toggle repaints inside one frame.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QMetaObject, QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from planner.ui.charts.base import ChartInput, ChartPanel
from planner.ui.charts.corridor_map import CorridorMapChart
from planner.ui.charts.region_tiles import RegionTilesChart
from planner.ui.charts.sector_bars import SectorBarsChart
from planner.ui.charts.timeline import TimelineChart
from planner.ui.charts.trade_over_time import TradeOverTimeChart
from planner.ui.charts.welfare import WelfareChart
from planner.ui.kpi_area import KpiArea

__all__ = ["CHART_GRID", "Dashboard", "KpiArea", "lens_country"]

# (name, class, row, column) of each chart in the grid.
CHART_GRID: tuple[tuple[str, type[ChartPanel], int, int], ...] = (
    ("trade_over_time", TradeOverTimeChart, 0, 0),
    ("sector_bars", SectorBarsChart, 0, 1),
    ("welfare", WelfareChart, 1, 0),
    ("region_tiles", RegionTilesChart, 1, 1),
    ("corridor_map", CorridorMapChart, 2, 0),
    ("timeline", TimelineChart, 2, 1),
)
# The smallest readable chart (pixels): below it axis labels run together and legends clip
# (seen at 1366x768).  The grid never squeezes a chart under it: a dashboard too narrow for
# two such columns shows one, and one too short scrolls.  At the default 1600x1000 window
# the charts are ~432x290, so nothing changes there.
MIN_CHART_WIDTH = 400
MIN_CHART_HEIGHT = 270
GRID_SPACING = 6


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


def lens_country(model: Any, lens: str) -> str:
    """The region id a lens looks from (lenses.country)."""
    lenses = model.lenses
    hit = lenses[lenses["id"] == lens]
    if hit.empty:
        raise KeyError(f"unknown lens {lens!r}; known: {', '.join(lenses['id'])}")
    return str(hit.iloc[0]["country"])


def _lens_countries(model: Any) -> dict[str, str]:
    """lens id -> region id for every lens of ``model`` (read once: a pandas filter per
    redraw costs more than a chart's own update)."""
    lenses = model.lenses
    return dict(zip(lenses["id"].astype(str), lenses["country"].astype(str), strict=True))


def _language() -> str:
    # The shell's i18n module owns the current language; charts read it when they redraw.
    from planner.ui.i18n import current_language

    return current_language()


_PROCESS_DIRTY = "_q_processDirtyItems"  # QGraphicsScene's (private) queued slot


class _HeldUpdates(QObject):
    """An event filter that keeps a top-level window's UpdateRequest back (``held`` tells
    whether one came)."""

    def __init__(self) -> None:
        super().__init__()
        self.held = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.UpdateRequest:
            self.held = True
            return True
        return False


def hand_over_dirty_areas(views: list[Any], window: QWidget) -> None:
    """Let each chart scene pass its changed areas to its view now, and repaint the window
    once for all of them.

    A scene does this from a queued call, and at its end it dispatches the window's pending
    UpdateRequest at once: six scenes made six passes of the window's repaint, each with its
    own backing-store sync and flush, so that on screen the charts changed one after the
    other.  Here every scene's queued step runs directly while the window's UpdateRequest is
    held back, and one UpdateRequest is posted afterwards (Qt posts no other until that one
    has repainted): one pass paints every chart.  The scenes' queued calls then find nothing
    to do.  (Offscreen, where a flush copies nothing to a screen, both ways take the same
    time; the scenes' work moves from the paint into the update.)
    """
    scenes = [view.scene() for view in views]
    if not scenes or scenes[0].metaObject().indexOfMethod(_PROCESS_DIRTY + "()") < 0:
        return  # a Qt without that step: the scenes keep their own queued calls
    hold = _HeldUpdates()
    window.installEventFilter(hold)
    try:
        for scene in scenes:
            QMetaObject.invokeMethod(scene, _PROCESS_DIRTY, Qt.ConnectionType.DirectConnection)
    finally:
        window.removeEventFilter(hold)
    if hold.held:
        QCoreApplication.postEvent(
            window, QEvent(QEvent.Type.UpdateRequest), Qt.EventPriority.LowEventPriority.value
        )


class Dashboard(QWidget):
    """Six charts that follow Results; emits ``yearChanged`` when the user picks a year.

    Built empty by the main window (``Dashboard(parent)``); ``install_charts(model)`` (called
    by ``planner.ui.charts.install``) adds the charts.  Until then, and whenever there are no
    results, it shows the shell's message instead.
    """

    yearChanged = Signal(int)  # Qt signal naming

    def __init__(self, parent: QWidget | None = None, model: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.model: Any = None
        self.language = _language()
        self.results: Any = None
        self.pinned: dict[str, Any] = {}
        self.lens: str | None = None
        self.show_bands = True
        self.charts: dict[str, ChartPanel] = {}
        self._countries: dict[str, str] = {}
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.body = QWidget(self)
        self.body.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.message)
        layout.addWidget(self.body, 1)
        # The charts scroll under the fixed year selector when the window is small.
        self.scroll = QScrollArea(self.body)
        # No Tab stop of its own (an empty, unnamed stop): Tab walks the charts, and the
        # scroll area follows the focus.
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart_area = QWidget()
        self.chart_area.setAutoFillBackground(False)
        self.scroll.setWidget(self.chart_area)
        self.scroll.viewport().setAutoFillBackground(False)
        self.grid = QGridLayout(self.chart_area)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(GRID_SPACING)
        self.columns = 0  # charts per row, set when the charts are placed
        self.year_label = QLabel(self.body)
        self.year_slider = QSlider(Qt.Orientation.Horizontal, self.body)
        self.year_slider.setPageStep(1)
        self.year_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.year_slider.setTickInterval(1)
        self.year_slider.valueChanged.connect(self._year_moved)
        self.year_value = QLabel(self.body)
        if model is not None:
            self.install_charts(model)
        self.retranslate()

    def install_charts(self, model: Any) -> None:
        """Create the six charts for ``model`` (a ModelData); once only."""
        if self.charts:
            return
        self.model = model
        self._countries = _lens_countries(model)
        years = [int(y) for y in model.years]
        self.year_slider.setRange(min(years), max(years))
        self.year_slider.setValue(max(years))
        self.year_value.setText(str(max(years)))
        header = QHBoxLayout()
        header.addWidget(self.year_label)
        header.addWidget(self.year_slider, 1)
        header.addWidget(self.year_value)
        for name, cls, _row, _col in CHART_GRID:
            chart = cls(model, self.chart_area)
            chart.setMinimumSize(MIN_CHART_WIDTH, MIN_CHART_HEIGHT)
            self.charts[name] = chart
        self._place_charts(self._columns_for(self.scroll.viewport().width()))
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(header)
        body.addWidget(self.scroll, 1)
        self._update_visibility()
        if self.results is not None:
            self._redraw()

    @staticmethod
    def _columns_for(width: int) -> int:
        """Two columns when two readable charts fit across ``width`` pixels, else one."""
        return 2 if width >= 2 * MIN_CHART_WIDTH + GRID_SPACING else 1

    def _place_charts(self, columns: int) -> None:
        """Lay the charts out ``columns`` to a row, in CHART_GRID's reading order."""
        if columns == self.columns or not self.charts:
            return
        self.columns = columns
        order = sorted(CHART_GRID, key=lambda entry: (entry[2], entry[3]))
        for index, (name, _cls, _row, _col) in enumerate(order):
            self.grid.removeWidget(self.charts[name])
            self.grid.addWidget(self.charts[name], index // columns, index % columns)
        rows = -(-len(order) // columns)
        for row in range(len(order)):
            self.grid.setRowStretch(row, 1 if row < rows else 0)
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        # The viewport's width before this resize's layout pass is stale; the dashboard's own
        # width less its margins and a scroll bar is what the grid will get.
        margins = self.layout().contentsMargins()
        width = event.size().width() - margins.left() - margins.right()
        if self.columns == 1:
            width -= self.scroll.verticalScrollBar().sizeHint().width()
        self._place_charts(self._columns_for(width))

    @property
    def year(self) -> int:
        return int(self.year_slider.value())

    def retranslate(self) -> None:
        self.year_label.setText(_tr("Year shown in the one-year charts:"))
        self.year_slider.setAccessibleName(_tr("Year shown in the one-year charts"))
        self.year_slider.setToolTip(
            _tr("Sector bars, welfare, Mexico's regions and the corridors show this year")
        )

    def set_message(self, text: str) -> None:
        """The text shown while there is nothing to draw (no charts or no results)."""
        self.message.setText(text)
        self._update_visibility()

    def set_bands_visible(self, visible: bool) -> None:
        """p10-p90 bands on or off (drawn only when Results carries them)."""
        if visible == self.show_bands:
            return
        self.show_bands = visible
        if self.results is not None and self.charts:
            self._redraw()

    def set_results(
        self,
        results: Any,
        pinned: Mapping[str, Any] | None = None,
        lens: str | None = None,
        show_bands: bool | None = None,
    ) -> None:
        """Draw ``results`` (planner.model.results.Results; None clears to the message) with
        the pinned A/B/C results, for ``lens`` (default: the scenario's lens), with p10-p90
        bands when ``show_bands`` (default: unchanged) and Results has them."""
        self.results = results
        self.pinned = {k: v for k, v in (pinned or {}).items() if v is not None}
        self.lens = lens
        if show_bands is not None:
            self.show_bands = show_bands
        self._update_visibility()
        if results is not None and self.charts:
            self._redraw()

    def focus_order(self) -> list[QWidget]:
        """The dashboard's Tab stops as they read: the year slider, then the charts."""
        order = sorted(CHART_GRID, key=lambda entry: (entry[2], entry[3]))
        return [self.year_slider, *(self.charts[n].view for n, *_ in order if n in self.charts)]

    def set_year(self, year: int) -> None:
        self.year_slider.setValue(int(year))

    def show_year_of_largest_change(self, results: Any) -> None:
        """Point the one-year charts at the year the scenario moves trade most.

        A three-week flood in 2027 changes nothing in 2036, so a freshly opened scenario that
        showed the last year would look like it did nothing; with no change, the last year.
        """
        years = getattr(results, "years", None)
        if years is None or len(years) == 0:
            return
        change = np.abs(results.flows - results.flows_base).sum(axis=(1, 2, 3))
        self.set_year(int(years[int(np.argmax(change))] if change.max() > 0 else years[-1]))

    def chart_input(self) -> ChartInput:
        """What the charts draw now (also used by the PDF report)."""
        years = self.results.years
        first, last = int(years[0]), int(years[-1])
        year = min(max(self.year, first), last)
        lens = self.lens or str(self.results.scenario.lens)
        country = self._countries.get(lens) or lens_country(self.model, lens)
        return ChartInput(
            results=self.results,
            pinned=self.pinned,
            lens=lens,
            country=country,
            show_bands=self.show_bands,
            year_index=self.results.year_index(year),
            language=self.language,
        )

    def _update_visibility(self) -> None:
        ready = bool(self.charts) and self.results is not None
        self.body.setVisible(ready)
        self.message.setVisible(not ready)

    def _redraw(self) -> None:
        data = self.chart_input()
        for chart in self.charts.values():
            chart.set_input(data)
            chart.settle_scene()
        hand_over_dirty_areas([chart.view for chart in self.charts.values()], self.window())

    def _year_moved(self, year: int) -> None:
        self.year_value.setText(str(year))
        if self.results is not None and self.charts:
            self._redraw()
        self.yearChanged.emit(int(year))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.language = _language()
            self.retranslate()
            if self.results is not None and self.charts:
                self._redraw()
        super().changeEvent(event)
