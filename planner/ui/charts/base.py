"""ChartPanel: the frame every dashboard chart shares, and the types the charts share.

A panel holds a title, one pyqtgraph plot with axis units and a legend, a hover read-out line
(mouse moves are rate-limited through ``pyqtgraph.SignalProxy``) and a menu that exports the
picture (PNG, SVG) and the plotted numbers (CSV): on a right-click, or with Shift+F10 or the
Menu key while the chart has the focus (a highlight frame shows it; see chart_export).  The
focused chart's arrow keys step through its data points and show the hover's read-out for
each (Esc clears it; see point_readout), so values read without a mouse.  Colours follow the
widget's QPalette so the charts read on light and dark themes alike.  A screen reader hears
the title and a short summary of what is plotted, and each point the keys step to (built
only while one is active).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPointF, Signal
from PySide6.QtGui import (
    QAccessible,
    QColor,
    QContextMenuEvent,
    QFont,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsView, QVBoxLayout, QWidget

from planner.ui.charts import fast_axis
from planner.ui.charts.axis_fit import AxisFit
from planner.ui.charts.chart_export import ChartExport
from planner.ui.charts.chart_legend import ChartLegend
from planner.ui.charts.chart_view import ChartView, FocusRing
from planner.ui.charts.label_layout import TitleLabel
from planner.ui.charts.point_readout import PointReadout
from planner.ui.charts.readout_label import ReadoutLabel
from planner.ui.kpi_numbers import change_digits

import pyqtgraph as pg  # isort: skip  (after PySide6 so pyqtgraph binds to it)


# Okabe-Ito colours: distinguishable with colour-blindness, legible on light and dark grounds.
SCENARIO_LIGHT = "#0072B2"
SCENARIO_DARK = "#56B4E9"
PINNED_COLOURS = {"A": "#E69F00", "B": "#009E73", "C": "#CC79A7"}
GOOD = "#009E73"
BAD = "#D55E00"


@dataclass(frozen=True)
class Colours:
    """The colours of one palette: text, ground, grid and the series roles."""

    fg: QColor
    bg: QColor
    grid: QColor
    baseline: QColor
    scenario: QColor
    good: QColor = field(default_factory=lambda: QColor(GOOD))
    bad: QColor = field(default_factory=lambda: QColor(BAD))

    @property
    def dark(self) -> bool:
        return self.bg.lightnessF() < 0.5

    @classmethod
    def from_palette(cls, palette: QPalette) -> Colours:
        fg = palette.color(QPalette.ColorRole.WindowText)
        bg = palette.color(QPalette.ColorRole.Base)
        grid = QColor(fg)
        grid.setAlphaF(0.15)
        baseline = QColor(fg)
        baseline.setAlphaF(0.55)
        dark = bg.lightnessF() < 0.5
        return cls(fg, bg, grid, baseline, QColor(SCENARIO_DARK if dark else SCENARIO_LIGHT))


@dataclass(frozen=True)
class ChartInput:
    """What every chart draws from: results, pinned results, the lens and the chosen year."""

    results: Any  # planner.model.results.Results
    pinned: Mapping[str, Any]
    lens: str
    country: str  # region id of the lens's country (lenses.country)
    show_bands: bool
    year_index: int
    language: str = "en"

    @property
    def year(self) -> int:
        return int(self.results.years[self.year_index])


# A change below the chart's digits reads to its first significant digit, but round-off of a
# solve (around 1e-9 of a value) must not read as a change: four places more at most
# (0.0001 USD bn is USD 100,000).
CHANGE_EXTRA_DECIMALS = 4


def fmt_number(value: float, decimals: int = 1) -> str:
    """A number in the default QLocale (the shell sets it to the chosen language); a small
    negative value that rounds to zero reads "0.0", never "-0.0"."""
    text = QLocale().toString(float(value), "f", decimals)
    if text.startswith("-") and not any(c in "123456789" for c in text):
        return QLocale().toString(0.0, "f", decimals)
    return text


def fmt_signed(value: float, decimals: int = 1) -> str:
    """A change with its sign.  One too small for ``decimals`` reads to its first significant
    digit, as on the KPI cards ("-0.02" for a bar of -0.023 USD bn at one decimal, not a "0.0"
    a reader takes for no change), up to ``CHANGE_EXTRA_DECIMALS`` more places; below those it
    reads "0.0", never a "-0.0" or "+0.0" that looks like a change the numbers do not show."""
    places = min(change_digits(value, decimals), decimals + CHANGE_EXTRA_DECIMALS)
    text = fmt_number(value, places)
    if np.isfinite(value) and not any(c in "123456789" for c in text):
        return fmt_number(0.0, decimals)
    return text if value < 0 or text.startswith("-") else "+" + text


def label_for(labels: Mapping[str, Mapping[str, str]], language: str, key: str) -> str:
    """A label from a ModelData ``*_labels`` map, falling back to English and then the id."""
    return labels.get(language, {}).get(key) or labels.get("en", {}).get(key) or key


def tr(text: str) -> str:
    """Strings shared by every chart (context "Charts")."""
    return QCoreApplication.translate("Charts", text)


class ChartPanel(QFrame, PointReadout, ChartExport, AxisFit, ChartLegend):
    """A titled chart with units, legend, hover values and PNG/SVG/CSV export.

    Subclasses build their plot items once in ``__init__`` and update them in
    ``set_input`` with ``setData``/``setOpts`` (never clear and recreate: a toggle must repaint
    every chart inside one frame); they override ``hover_text``, ``table``, ``retranslate`` and
    ``apply_colours``, and ``point_count`` and ``point_position`` (or ``point_text``) for the
    keyboard read-out (PointReadout).  The read-out, the export, the axes' ranges and widths
    (AxisFit) and the legend (ChartLegend) are mixins after QFrame, so they hold no Qt
    overrides: those (``contextMenuEvent`` too) are defined here.
    """

    # The chart was focused or its menu opened: the window's "Export chart…" acts on it.
    used = Signal()

    def __init__(self, model: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.language = "en"
        self.current: ChartInput | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title_label = TitleLabel(self)  # a long title elides, never widens the window
        font = QFont(self.title_label.font())
        font.setBold(True)
        self.title_label.setFont(font)
        self.view = ChartView(self)
        self.view.attach_panel(self)  # its keys and focus come to this panel
        self.view.setMinimumSize(260, 180)
        self.view.ci.setContentsMargins(4, 4, 8, 4)
        self.readout = ReadoutLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.readout)
        # No ViewBox menu (the panel has its own): creating one costs start-up time.
        self.plot: pg.PlotItem = self.view.addPlot(enableMenu=False)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        for name in ("left", "bottom", "right", "top"):
            # Units are in the axis titles; pyqtgraph's "(x0.001)" rescaling would contradict them.
            # The hidden right and top axes too: with the prefix on, every new view range
            # re-renders their (invisible) titles as rich text.
            self.plot.getAxis(name).enableAutoSIPrefix(False)
        # No grid: a grid makes every axis repaint with any change inside the plot (the
        # grid lines belong to the axis item), which doubles the repaint cost of a toggle.
        self.plot.showGrid(x=False, y=False)
        # Shapes are drawn without antialiasing, so Qt need not widen every repainted area
        # by two pixels "for antialiasing": that margin reaches into the axes next to the
        # plot and makes them repaint with every change inside it.
        self.view.setOptimizationFlag(
            QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True
        )
        # Axes change only when their range does: keep each as a pixmap, so one that merely
        # lies in a repainted area is copied rather than drawn again tick by tick.
        for name in ("left", "bottom", "right", "top"):
            self.cache_item(self.plot.getAxis(name))
            fast_axis.speed_up(self.plot.getAxis(name))  # a new range lays out ticks quicker
        self.legend: pg.LegendItem | None = None
        self._value_range: dict[str, tuple[float, float]] = {}
        self._fixed_range: dict[str, tuple[float, float, float]] = {}
        # Hover: at most 30 read-outs a second however fast the mouse streams.
        self._hover_proxy = pg.SignalProxy(
            self.view.scene().sigMouseMoved, rateLimit=30, slot=self._on_mouse_moved
        )
        self.colours = Colours.from_palette(self.palette())
        self.focus_ring = FocusRing(self)
        self._summary_stale = True  # the accessible description no longer tells the data
        self.key_point: int | None = None  # the point the arrow keys read out, if any
        self.hover_at: tuple[float, float] | None = None  # where the mouse's read-out reads

    # --- to override -------------------------------------------------------------------
    def set_input(self, data: ChartInput) -> None:
        """Draw ``data``; subclasses update their pre-created items and call this first."""
        self.current = data
        self._summary_stale = True
        if data.language != self.language:
            self.language = data.language
            self.retranslate()

    def settle_scene(self) -> None:
        """Apply what the last ``set_input`` left pending, so that the chart paints once.

        pyqtgraph defers a new view range's transform (and text items' orientation) to the
        start of the next paint; applied there, it marks the items dirty again and the chart
        paints a second time.  The dashboard calls this after ``set_input``."""
        if self.view.needs_prepare():
            self.view.scene().prepareForPaint()
        # Nothing to do on a toggle without a read-out (of the keys or the mouse).
        if self.key_point is not None:
            self.refresh_point()
        elif self.hover_at is not None:
            self.refresh_hover()
        self._summary_stale = True
        # The spoken summary costs a table per chart: only for a listening screen reader (a
        # reader that attaches later gets it when the chart takes the focus).
        if QAccessible.isActive():
            self.update_summary()

    def hover_text(self, x: float, y: float) -> str:
        """The read-out for the data point nearest to view coordinates (x, y)."""
        return ""

    def table(self) -> pd.DataFrame:
        """The plotted numbers, one row per drawn value (the CSV export)."""
        return pd.DataFrame()

    def retranslate(self) -> None:
        """Re-set titles, axis labels and legend names in the current language."""

    def apply_colours(self, colours: Colours) -> None:
        """Re-colour items after a palette change; the base styles ground, axes and legend."""
        self.view.setBackground(colours.bg)
        for name in ("left", "bottom", "right", "top"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(colours.fg))
            axis.setTextPen(pg.mkPen(colours.fg))
        if self.legend is not None:
            self.legend.setLabelTextColor(colours.fg)
            for _sample, label in self.legend.items:  # re-render in the new colour
                label.setText(label.text)

    # --- shared machinery --------------------------------------------------------------
    @staticmethod
    def cache_item(item: Any) -> None:
        """Draw ``item`` into a device pixmap and reuse it until the item changes."""
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_title(self, text: str) -> None:
        self.title_label.setText(text)
        if self.view.accessibleName() != text:  # what a screen reader calls the chart
            self.setAccessibleName(text)
            self.view.setAccessibleName(text)

    def summary(self) -> str:
        """A sentence or two on what the chart plots now (its accessible description)."""
        if self.current is None:
            return ""
        parts = []
        names = [label.text for _sample, label in self.legend.items] if self.legend else []
        if names:
            parts.append(tr("Shows {series}.").format(series=", ".join(names)))
        rows = len(self.table())
        parts.append(
            tr("{rows} plotted values; Shift+F10 opens the export menu.").format(
                rows=QLocale().toString(rows)
            )
        )
        if self.point_count():
            parts.append(tr("Arrow keys read the values one at a time; Esc clears the read-out."))
        return " ".join(parts)

    def update_summary(self) -> None:
        """Set the accessible description from ``summary``, if the data changed since."""
        if self._summary_stale:
            self._summary_stale = False
            self.setAccessibleDescription(self.summary())
        self._describe_view()

    def _describe_view(self) -> None:
        """The view's accessible description: the keyboard point's read-out while there is
        one (a reader re-reading the focused chart hears where it is), else the summary."""
        text = self.readout.text() if self.key_point is not None else self.accessibleDescription()
        if self.view.accessibleDescription() != text:
            self.view.setAccessibleDescription(text)  # Qt sends DescriptionChanged

    # --- focus, palette, language and mouse ------------------------------------------
    def show_focus(self, focused: bool) -> None:
        """Frame the chart while its view has the focus (called by the view)."""
        if focused:
            self.focus_ring.fit()
            self.focus_ring.raise_()
            self.update_summary()
            self.used.emit()
        self.focus_ring.setVisible(focused)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        if self.focus_ring.isVisible():
            self.focus_ring.fit()

    def finish_setup(self) -> None:
        """Call at the end of a subclass ``__init__``: labels and colours for the first time."""
        self.retranslate()
        self.colours = Colours.from_palette(self.palette())
        self.apply_colours(self.colours)
        self.view.skip_empty_items()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        kind = event.type()
        if kind in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self.colours = Colours.from_palette(self.palette())
            self.apply_colours(self.colours)
            if self.current is not None:
                self.set_input(self.current)
        elif kind == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh_point()
            self._summary_stale = True
            if QAccessible.isActive():
                self.update_summary()
        super().changeEvent(event)

    def _on_mouse_moved(self, args: tuple[QPointF]) -> None:
        pos = args[0]
        if self.current is None or not self.plot.sceneBoundingRect().contains(pos):
            return
        point = self.plot.vb.mapSceneToView(pos)
        self.show_hover(point.x(), point.y())  # see PointReadout

    def mouse_left(self) -> None:
        """The mouse left the chart's view: clear its read-out (called by the view)."""
        # A move still held back by the rate limit would bring the read-out back.
        self._hover_proxy.args = None
        self.clear_hover()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # Qt override
        self.open_export_menu(event.globalPos())  # see ChartExport
