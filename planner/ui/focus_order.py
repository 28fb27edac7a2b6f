"""The main window's Tab order: the screen's, left to right and top to bottom.

Qt's default order is the order widgets were created in, and the window builds its docks'
contents after the toolbar and the dashboard (start-up paints a shell first), so Tab went
toolbar, charts' year slider, KPI dock, then the lever dock.  ``window_tab_order`` lists the
stops as they read: toolbar, lever filter, levers, year slider, charts, KPI dock.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget


def focus_stops(widget: QWidget) -> list[QWidget]:
    """The widgets inside ``widget`` that Tab can reach, in creation (reading) order."""
    return [
        w
        for w in widget.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        # Not in a window of its own (a combo's list, a popup): Tab stays in this one.
        and w.window() is widget.window()
        # A spin box's or combo's own line edit is part of it, not a stop of its own.
        and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))
    ]


def window_tab_order(window: Any) -> list[QWidget]:
    """Every Tab stop of the main window, in the order the screen reads."""
    return [
        *focus_stops(window.toolbar),
        *window.lever_panel.focus_order(),
        *window.dashboard.focus_order(),
        *focus_stops(window.kpi_dock),
    ]


def set_tab_chain(widgets: list[QWidget]) -> None:
    """Make Tab go through ``widgets`` in this order (Backtab the other way)."""
    for before, after in itertools.pairwise(widgets):
        QWidget.setTabOrder(before, after)
