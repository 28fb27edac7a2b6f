"""ChartPanel: the frame every dashboard chart shares.

A panel holds a title, one pyqtgraph plot with axis units and a legend, a hover read-out line
(mouse moves are rate-limited through ``pyqtgraph.SignalProxy``) and a menu that exports the
picture (PNG, SVG) and the plotted numbers (CSV): on a right-click, or with Shift+F10 or the
Menu key while the chart has the focus (a highlight frame shows it).  The focused chart's
arrow keys step through its data points and show the hover's read-out for each (Esc clears
it), so values read without a mouse.  Colours follow the widget's QPalette so the charts
read on light and dark themes alike.  A screen reader hears the title and a short summary of
what is plotted, and each point the keys step to (built only while one is active).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QRegion,
    QResizeEvent,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGraphicsItem,
    QGraphicsView,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from planner.ui.charts import fast_axis
from planner.ui.charts.label_layout import TitleLabel

import pyqtgraph as pg  # isort: skip  (after PySide6 so pyqtgraph binds to it)
import pyqtgraph.exporters  # isort: skip


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


def fmt_number(value: float, decimals: int = 1) -> str:
    """A number in the default QLocale (the shell sets it to the chosen language); a small
    negative value that rounds to zero reads "0.0", never "-0.0"."""
    text = QLocale().toString(float(value), "f", decimals)
    if text.startswith("-") and not any(c in "123456789" for c in text):
        return QLocale().toString(0.0, "f", decimals)
    return text


def fmt_signed(value: float, decimals: int = 1) -> str:
    """A change with its sign; one that rounds to zero at ``decimals`` reads "0.0", not a
    "-0.0" or "+0.0" that looks like a change the numbers do not show."""
    text = fmt_number(value, decimals)
    if np.isfinite(value) and not any(c in "123456789" for c in text):
        return fmt_number(0.0, decimals)
    return text if value < 0 or text.startswith("-") else "+" + text


def label_for(labels: Mapping[str, Mapping[str, str]], language: str, key: str) -> str:
    """A label from a ModelData ``*_labels`` map, falling back to English and then the id."""
    return labels.get(language, {}).get(key) or labels.get("en", {}).get(key) or key


def tr(text: str) -> str:
    """Strings shared by every chart (context "Charts")."""
    return QCoreApplication.translate("Charts", text)


def draws_nothing(item: QGraphicsItem) -> bool:
    """Whether ``item`` is a pyqtgraph container whose ``paint`` draws nothing: a layout, a
    plot item (a colour bar is one), a label (its text is a child item), a view box without
    a border, a legend without a frame."""
    if isinstance(item, (pg.GraphicsLayout, pg.PlotItem, pg.LabelItem)):
        return True
    if isinstance(item, pg.ViewBox):  # its paint strokes the border pen, NoPen by default
        return item.border is None or item.border.style() == Qt.PenStyle.NoPen
    if isinstance(item, pg.LegendItem):
        return not item.frame
    return False


# Keys that step a focused chart's read-out from point to point (see ChartPanel.step_point).
STEP_KEYS = frozenset(
    {
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
    }
)


def _plain_text_item(item: pg.TextItem) -> bool:
    """Whether a TextItem has no box to draw (its text is a child item that paints itself)."""
    return item.border.style() == Qt.PenStyle.NoPen and item.fill.style() == Qt.BrushStyle.NoBrush


class ChartView(pg.GraphicsLayoutWidget):
    """A chart's pyqtgraph view, keeping the time spent painting charts (``planner bench``
    reads ``ChartView.paint_ms`` to split a toggle's paint into charts and the rest)."""

    paint_ms = 0.0  # wall time inside every chart view's paintEvent, process-wide

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view_boxes: list[pg.ViewBox] | None = None
        # pyqtgraph caches the background as a pixmap the size of the view, and every paint
        # then copies the repainted area from it: for a plain colour that copy costs more
        # than filling the area (about a quarter of a chart's repaint after a toggle).
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)

    def needs_prepare(self) -> bool:
        """Whether a view box of the scene has a new range or size whose transform pyqtgraph
        has deferred to the next paint (``GraphicsScene.prepareForPaint`` applies it and lets
        every text item re-orient; with nothing deferred that is a few dozen slots doing
        nothing, twice a toggle per chart)."""
        if self._view_boxes is None:
            self._view_boxes = [i for i in self.scene().items() if isinstance(i, pg.ViewBox)]
        return any(getattr(vb, "_matrixNeedsUpdate", True) for vb in self._view_boxes)

    def skip_empty_items(self) -> None:
        """Flag the scene's containers that draw nothing as having no contents.

        Qt then neither calls their ``paint`` nor asks their ``boundingRect`` to test them
        against the repainted area, and both are Python overrides in pyqtgraph: a C++ to
        Python call each, on every paint however small (their children still paint)."""
        scene = self.scene()
        for item in scene.items():
            if draws_nothing(item):
                item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
            elif (
                isinstance(item, pg.TextItem)
                and _plain_text_item(item)
                # pyqtgraph's private hook state: without it (another pyqtgraph), leave
                # the item to paint itself rather than lose its orientation updates.
                and hasattr(item, "_lastScene")
            ):
                # Its paint also hooks the text's orientation to every prepared paint, the
                # first time it paints in a scene: with the paint skipped, hook it here.
                if item._lastScene is not scene:
                    if item._lastScene is not None:
                        item._lastScene.sigPrepareForPaint.disconnect(item.updateTransform)
                    item._lastScene = scene
                    scene.sigPrepareForPaint.connect(item.updateTransform)
                    item.updateTransform()
                item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)

    def _panel(self) -> ChartPanel | None:
        parent = self.parentWidget()
        return parent if isinstance(parent, ChartPanel) else None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        panel = self._panel()
        menu_key = event.key() == Qt.Key.Key_Menu or (
            event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        )
        if panel is not None and menu_key:
            panel.open_export_menu()
            event.accept()
            return
        # Arrow keys come with the keypad modifier on some platforms (all of them on macOS).
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if panel is not None and plain == Qt.KeyboardModifier.NoModifier:
            key = event.key()
            # Taken here, before QGraphicsView would scroll (or the scene pan) with them.
            if (key in STEP_KEYS and panel.step_point(key)) or (
                key == Qt.Key.Key_Escape and panel.clear_point()
            ):
                event.accept()
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # Qt override
        super().focusInEvent(event)
        panel = self._panel()
        if panel is not None:
            panel.show_focus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # Qt override
        super().focusOutEvent(event)
        panel = self._panel()
        if panel is not None:
            panel.show_focus(False)

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        start = time.perf_counter()
        try:
            # pyqtgraph's GraphicsView.paintEvent, preparing the scene only when needed.
            if self.needs_prepare():
                self.scene().prepareForPaint()
            QGraphicsView.paintEvent(self, event)
        finally:
            ChartView.paint_ms += (time.perf_counter() - start) * 1e3


class FocusRing(QFrame):
    """A frame in the highlight colour around a chart whose view has the focus.

    Masked to its border, so it covers nothing of the chart: the chart's repaints never
    repaint it; hidden (no cost at all) while the chart has no focus.  Styled in planner.qss.
    """

    WIDTH = 2

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("chartFocusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def fit(self) -> None:
        """Cover the parent's outline, ``WIDTH`` pixels wide."""
        rect = self.parentWidget().rect()
        self.setGeometry(rect)
        inner = rect.adjusted(self.WIDTH, self.WIDTH, -self.WIDTH, -self.WIDTH)
        self.setMask(QRegion(rect).subtracted(QRegion(inner)))


class ChartPanel(QFrame):
    """A titled chart with units, legend, hover values and PNG/SVG/CSV export.

    Subclasses build their plot items once in ``__init__`` and update them in
    ``set_input`` with ``setData``/``setOpts`` (never clear and recreate: a toggle must repaint
    every chart inside one frame); they override ``hover_text``, ``table``, ``retranslate`` and
    ``apply_colours``, and ``point_count`` and ``point_position`` (or ``point_text``) for the
    keyboard read-out.
    """

    # Up/Down step to the nearest point above/below on screen (a chart laid out in two
    # dimensions); otherwise only Left/Right, Home and End step.
    STEP_ROWS = False

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
        self.view.setMinimumSize(260, 180)
        self.view.ci.setContentsMargins(4, 4, 8, 4)
        self.readout = QLabel(" ", self)
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
        if self.key_point is not None:  # nothing to do on a toggle without a keyboard point
            self.refresh_point()
        self._summary_stale = True
        # The spoken summary costs a table per chart: only for a listening screen reader (a
        # reader that attaches later gets it when the chart takes the focus).
        if QAccessible.isActive():
            self.update_summary()

    def hover_text(self, x: float, y: float) -> str:
        """The read-out for the data point nearest to view coordinates (x, y)."""
        return ""

    def point_count(self) -> int:
        """How many points the arrow keys step through (none by default: no stepping)."""
        return 0

    def point_position(self, i: int) -> tuple[float, float]:
        """View coordinates (x, y) at which ``hover_text`` reads point ``i`` (0 <= i <
        ``point_count()``), in the order Left/Right step through them."""
        raise IndexError(f"{type(self).__name__} has no point {i} to step to")

    def point_text(self, i: int) -> str:
        """The read-out of point ``i``: what the hover reads at its position."""
        return self.hover_text(*self.point_position(i))

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
    def add_legend(self, columns: int = 4) -> pg.LegendItem:
        """A legend in its own row under the plot, so it never hides data."""
        self.legend = pg.LegendItem(colCount=columns, labelTextSize="8pt", frame=False)
        self.view.addItem(self.legend, row=1, col=0)
        return self.legend

    def set_legend_entries(self, entries: list[tuple[Any, str]], force: bool = False) -> None:
        """Show exactly these (item, name) legend rows; rebuilt only when they change."""
        if self.legend is None:
            return
        key = [(id(item), name) for item, name in entries]
        if not force and key == getattr(self, "_legend_key", None):
            return
        self._legend_key = key
        self.legend.clear()
        for item, name in entries:
            self.legend.addItem(item, name)
        for _sample, label in self.legend.items:  # new labels: see ChartView.skip_empty_items
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)

    def set_fixed_range(self, axis: str, low: float, high: float, padding: float = 0.0) -> None:
        """Show [low, high] (with ``padding``) on an axis whose range follows no data; asked
        again for the same range, do nothing (pyqtgraph's setRange costs as much as a small
        chart's whole update, for a range nothing else changes)."""
        key = (low, high, padding)
        if self._fixed_range.get(axis) == key:
            return
        self._fixed_range[axis] = key
        if axis == "y":
            self.plot.setYRange(low, high, padding=padding)
        else:
            self.plot.setXRange(low, high, padding=padding)

    def fit_value_range(self, low: float, high: float, axis: str = "y") -> None:
        """Show [low, high] on the value axis, keeping the current range while the data still
        fills most of it: an unchanged range spares re-laying the axis on every toggle."""
        if not (np.isfinite(low) and np.isfinite(high)):
            return
        shown = self._value_range.get(axis)
        if shown is not None:
            lo, hi = shown
            inside = lo <= low and high <= hi
            # Flat data (no change against the baseline: every bar zero) reads on any scale,
            # so switching a lever back off keeps the scale it had while on.
            if inside and ((high - low) >= 0.55 * (hi - lo) or high - low < 1e-9):
                return
        if high - low < 1e-9:
            low, high = low - 1.0, high + 1.0
        pad = 0.06 * (high - low)
        want_low, want_high = low - pad, high + pad
        self._value_range[axis] = (want_low, want_high)
        if axis == "y":
            self.plot.setYRange(want_low, want_high, padding=0)
        else:
            self.plot.setXRange(want_low, want_high, padding=0)

    def fix_axis_width(self, name: str, widest: str = "-0000.00") -> None:
        """Give a value axis a fixed width, room for tick labels up to ``widest`` plus its
        title: by default pyqtgraph sizes it to the labels of the moment, and a label that is
        wider or narrower after a toggle re-lays the plot and redraws all its axes."""
        axis = self.plot.getAxis(name)
        metrics = QFontMetrics(axis.style["tickFont"] or self.view.font())
        width = metrics.horizontalAdvance(widest) + axis.style["tickTextOffset"][0]
        width += max(0, axis.style["tickLength"])
        if axis.label.isVisible():
            width += axis.label.boundingRect().height() * 0.8
        if axis.fixedWidth != int(width):
            axis.setWidth(int(width))

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

    # --- keyboard read-out -------------------------------------------------------------
    def step_point(self, key: Qt.Key) -> bool:
        """Move the keyboard point for an arrow, Home or End key and show its read-out;
        False when the chart has no points to step through (the key is not used)."""
        count = self.point_count() if self.current is not None else 0
        if count == 0:
            return False
        here = self.key_point
        if key == Qt.Key.Key_Home:
            target = 0
        elif key == Qt.Key.Key_End:
            target = count - 1
        elif here is None or here >= count:
            target = 0  # the first step shows where the keys start
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            target = min(max(here + (1 if key == Qt.Key.Key_Right else -1), 0), count - 1)
        elif self.STEP_ROWS:
            target = self._point_beside(here, count, up=key == Qt.Key.Key_Up)
        else:
            return True  # no second dimension: taken, so that the view does not scroll
        self.show_point(target, announce=True)
        return True

    def _point_beside(self, i: int, count: int, up: bool) -> int:
        """The point nearest to point ``i`` on screen above (``up``) or below it; ``i`` when
        there is none.  Sideways distance counts double: straight up before diagonally."""
        to_scene = self.plot.vb.mapViewToScene
        at = [to_scene(QPointF(*self.point_position(k))) for k in range(count)]
        best, best_cost = i, float("inf")
        for k, p in enumerate(at):
            rise = at[i].y() - p.y() if up else p.y() - at[i].y()
            if rise < 1.0:  # not above (below) it by a pixel
                continue
            cost = rise + 2.0 * abs(p.x() - at[i].x())
            if cost < best_cost:
                best, best_cost = k, cost
        return best

    def show_point(self, i: int, announce: bool = False) -> None:
        """Show point ``i``'s read-out; with a screen reader active, describe the view with
        it and (``announce``, for a key press) have the reader say it."""
        self.key_point = i
        text = self.point_text(i) or " "
        self.readout.setText(text)
        if QAccessible.isActive():
            self._describe_view()
            if announce:
                QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.view, text))

    def refresh_point(self) -> None:
        """Read the keyboard point again from the chart's current numbers (new results,
        year or language); clear it when the chart has no such point any more."""
        if self.key_point is None:
            return
        if self.current is not None and self.key_point < self.point_count():
            self.show_point(self.key_point)
        else:
            self.clear_point()

    def clear_point(self) -> bool:
        """Clear the keyboard point and its read-out; False when there was none."""
        if self.key_point is None:
            return False
        self.key_point = None
        self.readout.setText(" ")
        if QAccessible.isActive():
            self.update_summary()
        return True

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
        # The mouse takes the read-out over: a later toggle must not bring back the keys'.
        if self.key_point is not None:
            self.key_point = None
            if QAccessible.isActive():
                self.update_summary()  # the view describes the chart again
        self.readout.setText(self.hover_text(point.x(), point.y()) or " ")

    # --- export ------------------------------------------------------------------------
    def export_png(self, path: str | Path, width: int | None = None) -> Path:
        exporter = pyqtgraph.exporters.ImageExporter(self.view.scene())
        params = exporter.parameters()
        params["background"] = self.colours.bg
        if width:
            params["width"] = int(width)
        exporter.export(str(path))
        return Path(path)

    def export_svg(self, path: str | Path) -> Path:
        """Vector export through QSvgGenerator.

        pyqtgraph 0.14's SVGExporter re-parses Qt's path data and fails on the closing ``Z``
        that Qt 6.12 writes ("not enough values to unpack"), so the scene is painted straight
        into an SVG generator instead.
        """
        scene = self.view.scene()
        source = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(source.size().toSize())
        generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
        generator.setTitle(self.title_label.text())
        painter = QPainter(generator)
        try:
            painter.fillRect(QRectF(0, 0, source.width(), source.height()), self.colours.bg)
            scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
        finally:
            painter.end()
        return Path(path)

    def export_csv(self, path: str | Path) -> Path:
        self.table().to_csv(path, index=False)
        return Path(path)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # Qt override
        self.open_export_menu(event.globalPos())

    def open_export_menu(self, at: QPoint | None = None) -> QMenu:
        """Pop up the export menu at global ``at`` (default: the chart's top-left corner,
        for the keyboard); the chosen item asks for a file and writes it."""
        self.used.emit()
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        for text, kind in (
            (tr("Export image (PNG)…"), "png"),
            (tr("Export vector image (SVG)…"), "svg"),
            (tr("Export data (CSV)…"), "csv"),
        ):
            menu.addAction(text).triggered.connect(lambda _on=False, kind=kind: self.export(kind))
        if at is None:
            at = self.view.mapToGlobal(QPoint(12, 12))
        menu.popup(at)
        return menu

    def export(self, kind: str) -> None:
        """Ask for a file name and write the chart as ``kind`` ("png", "svg" or "csv")."""
        name_filter, suffix, write = {
            "png": (tr("PNG image (*.png)"), ".png", self.export_png),
            "svg": (tr("SVG image (*.svg)"), ".svg", self.export_svg),
            "csv": (tr("CSV table (*.csv)"), ".csv", self.export_csv),
        }[kind]
        stem = self.objectName() or "chart"
        path, _ = QFileDialog.getSaveFileName(self, tr("Export chart"), stem + suffix, name_filter)
        if path:
            write(Path(path).with_suffix(suffix))
