"""ChartView, the pyqtgraph view inside every chart panel, and the focus frame around it.

The view keeps the time spent painting charts, skips the scene's containers that draw
nothing, prepares the scene only when a range changed, and hands its panel the keys that
open the export menu and step the keyboard read-out, and the mouse leaving (which clears the
mouse's read-out; see ChartPanel).
"""

from __future__ import annotations

import time
import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPaintEvent, QRegion
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsView, QWidget

import pyqtgraph as pg  # isort: skip  (after PySide6 so pyqtgraph binds to it)

if TYPE_CHECKING:
    from planner.ui.charts.base import ChartPanel


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
        self._panel_ref: weakref.ref[ChartPanel] | None = None  # see attach_panel
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

    def attach_panel(self, panel: ChartPanel) -> None:
        """Send the menu key, the read-out keys and the focus to ``panel`` (the panel the view
        sits in; held weakly, so that the two make no reference cycle)."""
        self._panel_ref = weakref.ref(panel)

    def _panel(self) -> ChartPanel | None:
        return None if self._panel_ref is None else self._panel_ref()

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

    def leaveEvent(self, event: QEvent) -> None:  # Qt override
        super().leaveEvent(event)
        panel = self._panel()
        if panel is not None:
            panel.mouse_left()

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
