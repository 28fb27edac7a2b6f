"""The impact charts (one module per chart kind) and the hook the main window calls."""

from __future__ import annotations

from typing import Any


def install(dashboard: Any, kpi_area: Any, model: Any) -> None:
    """Put the charts into the main window's dashboard and the KPI cards into its KPI area.

    ``dashboard`` and ``kpi_area`` are the planner.ui.dashboard widgets; the KPI cards follow
    the dashboard's year selector.  Without a model (database failed to load) nothing changes
    and the shell's message stays.
    """
    if model is None:
        return
    dashboard.install_charts(model)
    kpi_area.install_cards(model)
    kpi_area.set_year(dashboard.year)
    dashboard.yearChanged.connect(kpi_area.set_year)
