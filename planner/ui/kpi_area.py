"""KpiArea, the right dock's widget: the lens's KPI cards in a scroll area.

The main window builds it empty, ``install_cards`` gives it the model, and ``set_results``
fills it (``set_message`` shows while it has nothing).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from planner.model.results import LEVERAGE_KPI
from planner.ui.card_stack import CardStack
from planner.ui.kpi_card import KpiCard
from planner.ui.kpi_wording import leverage_threat


def _tr(text: str) -> str:
    return QCoreApplication.translate("KpiCards", text)


def _language() -> str:
    from planner.ui.i18n import current_language

    return current_language()


class KpiArea(QWidget):
    """The lens's KPI cards in a scroll area (the right dock)."""

    def __init__(self, parent: QWidget | None = None, model: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiArea")
        self.model: Any = None
        self.results: Any = None
        self.pinned: dict[str, Any] = {}
        self.show_bands = True
        self.year: int | None = None
        self.cards: dict[str, KpiCard] = {}
        self._lens: str | None = None
        # The kpis-table rows of each lens and the lens names, read once per model: a pandas
        # filter on every toggle cost more than filling the cards.
        self._rows_by_lens: dict[str, list[dict[str, Any]]] = {}
        self._lens_names: dict[tuple[str, str], str] = {}
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The cards' column moves cards only when one changes height (see CardStack).
        self.inner = CardStack()
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll, 1)
        if model is not None:
            self.install_cards(model)
        self._update_visibility()

    def install_cards(self, model: Any) -> None:
        self.model = model
        self._rows_by_lens.clear()
        self._lens_names.clear()
        self._update_visibility()
        if self.results is not None:
            self._refresh()

    def set_message(self, text: str) -> None:
        self.message.setText(text)
        self._update_visibility()

    def set_bands_visible(self, visible: bool) -> None:
        self.show_bands = visible
        if self.results is not None and self.model is not None:
            self._refresh()

    def set_year(self, year: int) -> None:
        """Show the KPIs of ``year`` (the dashboard's year selector drives this)."""
        self.year = int(year)
        if self.results is not None and self.model is not None:
            self._refresh()

    def set_results(
        self, results: Any, pinned: Mapping[str, Any] | None = None, lens: str | None = None
    ) -> None:
        self.results = results
        self.pinned = dict(pinned or {})
        self._lens = lens
        self._update_visibility()
        if results is not None and self.model is not None:
            self._refresh()

    @property
    def lens(self) -> str | None:
        if self._lens is not None:
            return self._lens
        return None if self.results is None else str(self.results.scenario.lens)

    def lens_rows(self) -> list[dict[str, Any]]:
        """The kpis-table rows of the lens, in table order (read once per lens)."""
        lens = str(self.lens)
        rows = self._rows_by_lens.get(lens)
        if rows is None:
            kpis = self.model.kpis
            rows = kpis[kpis["lens"] == lens].to_dict("records")
            self._rows_by_lens[lens] = rows
        return rows

    def lens_name(self, language: str) -> str:
        """The lens's label in ``language`` (its id when the lenses table has none)."""
        lens = str(self.lens)
        key = (lens, language)
        if key not in self._lens_names:
            lenses = self.model.lenses
            column = f"label_{language}"
            hit = lenses[lenses["id"] == lens]
            name = lens
            if column in lenses and not hit.empty:
                name = str(hit.iloc[0][column])
            self._lens_names[key] = name
        return self._lens_names[key]

    def _update_visibility(self) -> None:
        ready = self.model is not None and self.results is not None
        self.scroll.setVisible(ready)
        self.heading.setVisible(ready)
        self.message.setVisible(not ready)

    def _year_index(self) -> int:
        years = [int(y) for y in self.results.years]
        year = years[-1] if self.year is None else min(max(self.year, years[0]), years[-1])
        return years.index(year)

    def _ensure_cards(self, ids: list[str]) -> None:
        if list(self.cards) == ids:
            return
        for card in self.cards.values():
            card.setParent(None)
            card.deleteLater()
        self.cards = {kpi_id: KpiCard(kpi_id, self.inner) for kpi_id in ids}
        self.inner.set_cards(list(self.cards.values()))

    def _refresh(self) -> None:
        language = _language()
        rows = self.lens_rows()
        self._ensure_cards([r["id"] for r in rows])
        y = self._year_index()
        year = int(self.results.years[y])
        bands = getattr(self.results, "bands", None)
        self.heading.setText(
            _tr("Key numbers for the {lens} lens in {year}").format(
                lens=self.lens_name(language), year=year
            )
        )
        changed = False
        for row in rows:
            kid = row["id"]
            value = float(np.asarray(self.results.kpi[kid])[y])
            base = float(np.asarray(self.results.kpi_base[kid])[y])
            band = None
            if self.show_bands and bands is not None and kid in bands:
                b = np.asarray(bands[kid])
                band = (float(b[0, y]), float(b[2, y]))
            threat = leverage_threat(self.results, y) if kid == LEVERAGE_KPI else None
            changed |= self.cards[kid].show_values(row, value, base, band, year, language, threat)
        # Lay the cards out now rather than from the posted layout requests: those come after
        # the charts' repaints, and a card whose sentence took another line would be painted
        # at its old size first and then again.  A lever that moves none of the lens's KPIs
        # left every card as it was: the column's pass would place them where they are.
        if changed and self.inner.isVisible():
            for card in self.cards.values():
                card.layout().activate()
                card.hold_verdict_height()
            # Each re-laid card has just posted the column a layout request (its size may
            # have changed): the column handles it now, and the queued copies, which would
            # place the cards a second time where they already are, are dropped.
            QCoreApplication.sendEvent(self.inner, QEvent(QEvent.Type.LayoutRequest))
            QCoreApplication.removePostedEvents(self.inner, QEvent.Type.LayoutRequest.value)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if (
            event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange)
            and self.results is not None
            and self.model is not None
        ):
            self._refresh()
        super().changeEvent(event)
