"""KPI cards for the lens: label, value in the locale's format, change against the baseline
coloured by whether higher or lower is better, the p10-p90 band, and what it means.

``KpiArea`` is the right dock's widget: the main window builds it empty, ``install_cards``
gives it the model, and ``set_results`` fills it (``set_message`` shows while it has nothing).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtGui import QColor, QEnterEvent, QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from planner.model.results import LEVERAGE_KPI
from planner.ui.card_stack import CardStack
from planner.ui.charts.base import BAD, GOOD
from planner.ui.kpi_numbers import (
    change_text,
    decimals_for,
    is_change,
    side_of_band,
    value_text,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("KpiCards", text)


# kpis.unit -> (unit shown after the value, unit of a change in the sentence).  "{top}" is the
# top of a concentration index, formatted in the locale.
_UNITS: dict[str, tuple[str, str]] = {
    "index (baseline = 100)": (
        QT_TRANSLATE_NOOP("KpiCards", "index (baseline = 100)"),
        QT_TRANSLATE_NOOP("KpiCards", "points"),
    ),
    "0-10000": (
        QT_TRANSLATE_NOOP("KpiCards", "index (0–{top})"),
        QT_TRANSLATE_NOOP("KpiCards", "points"),
    ),
    "days/yr": (
        QT_TRANSLATE_NOOP("KpiCards", "days a year"),
        QT_TRANSLATE_NOOP("KpiCards", "days a year"),
    ),
    "%": ("%", QT_TRANSLATE_NOOP("KpiCards", "percentage points")),
    "percentage points": (
        QT_TRANSLATE_NOOP("KpiCards", "percentage points"),
        QT_TRANSLATE_NOOP("KpiCards", "percentage points"),
    ),
    "USD m": (QT_TRANSLATE_NOOP("KpiCards", "USD m"), QT_TRANSLATE_NOOP("KpiCards", "USD m")),
    "jobs": (QT_TRANSLATE_NOOP("KpiCards", "jobs"), QT_TRANSLATE_NOOP("KpiCards", "jobs")),
    "ratio": (QT_TRANSLATE_NOOP("KpiCards", "ratio"), ""),
}
# What a value below zero means, for the KPIs whose meaning text (in the model) assumes a
# positive one.
_BELOW_ZERO = {
    "mx_leverage_ratio": QT_TRANSLATE_NOOP(
        "KpiCards",
        "Below 0: the US would gain from the withdrawal, so the threat costs it nothing and "
        "Mexico has no leverage.",
    ),
}
# The central run takes every uncertain number at its most likely value; the bands come from
# draws over ranges that are often lopsided (export supply 0.75-4.5 around 1.5), re-centred on
# the central run.  Most draws then fall on one side of it, and a card's value can lie outside
# its own p10-p90 range, which reads like a bug unless the card says why (once, briefly; the
# brief's footnote is the same sentence).
_OUTSIDE_BAND = QT_TRANSLATE_NOOP(
    "KpiCards",
    "The central estimate lies outside the p10–p90 range of the draws: the uncertain "
    "parameters' ranges are lopsided.",
)
HHI_TOP = 10_000  # a Herfindahl index in shares squared, percent units, runs 0 to 10,000
# Units whose relative change would mislead ("a tariff up 40 %"): changes stay in points.
_POINT_UNITS = ("%", "percentage points", "index (baseline = 100)", "0-10000")
_WHO = {
    "us_manufacturer": QT_TRANSLATE_NOOP("KpiCards", "US manufacturers"),
    "mx_sme": QT_TRANSLATE_NOOP("KpiCards", "Mexican SMEs"),
    "ca_exporter": QT_TRANSLATE_NOOP("KpiCards", "Canadian exporters"),
    "analyst": QT_TRANSLATE_NOOP("KpiCards", "the country concerned"),
}


def unit_text(unit: str, locale: QLocale | None = None) -> str:
    """The display text of a kpis.unit in the current language (unknown units unchanged),
    its numbers in ``locale`` (the default QLocale when None)."""
    if unit not in _UNITS:
        return unit
    return _tr(_UNITS[unit][0]).format(top=value_text(HHI_TOP, 0, locale))


def outside_band_note() -> str:
    """Why a central value can lie outside its own p10-p90 range, in the current language."""
    return _tr(_OUTSIDE_BAND)


def change_sentence(row: Mapping[str, Any], value: float, base: float, year: int) -> str:
    """What the change against the baseline means for the lens's stakeholder: its direction,
    its size (formatted in the locale, as on the card) and whether that is good (kpis.better).
    """
    delta = value - base
    digits = decimals_for(value)
    if not is_change(delta):
        return _tr(
            "In {year} the scenario does not move this indicator away from the baseline."
        ).format(year=year)
    unit = str(row.get("unit") or "")
    change_unit = _tr(_UNITS[unit][1]) if unit in _UNITS and _UNITS[unit][1] else ""
    # The size as the card's change line writes it, a tiny one to its first significant digit.
    amount = f"{change_text(delta, digits, signed=False)} {change_unit}".strip()
    if shows_relative_change(unit, value, base):
        amount += f" ({change_text(100.0 * delta / abs(base), 1, signed=False)} %)"
    change = (
        _tr("In {year} this indicator is {amount} higher than in the baseline.")
        if delta > 0
        else _tr("In {year} this indicator is {amount} lower than in the baseline.")
    ).format(year=year, amount=amount)
    verdict = verdict_text(row, delta)
    if not verdict:
        return f"{change} {_tr('That is neither good nor bad in itself.')}"
    return f"{change} {verdict}"


def leverage_threat(results: Any, y: int) -> tuple[float, float] | None:
    """The US's and Mexico's welfare change (USD m) if USMCA preferences were withdrawn, in the
    year at index ``y`` of ``results``' scenario; None when the results carry no losses."""
    losses = getattr(results, "leverage_losses", None)
    if losses is None:
        return None
    us_loss, mx_loss = np.asarray(losses)[y]
    return (-float(us_loss), -float(mx_loss))  # changes: a loss is negative


def threat_sentence(threat: tuple[float, float], year: int, locale: QLocale | None = None) -> str:
    """What the leverage ratio divides, in words: a ratio of two small losses says little.
    Numbers in ``locale`` (the default QLocale when None); the card and the brief share it."""
    us, mx = threat
    return _tr(
        "Withdrawing USMCA preferences in {year} would change welfare by {us} for the US "
        "and {mx} for Mexico ({unit})."
    ).format(
        year=year,
        us=change_text(us, 0, locale),
        mx=change_text(mx, 0, locale),
        unit=unit_text("USD m", locale),
    )


def stakeholder_verdict(delta: float, better: str) -> int:
    """+1 when a change against the baseline goes the lens's stakeholder's way (kpis.better
    "higher" or "lower"), -1 when it goes against it, 0 for no change or a neutral KPI."""
    if better not in ("higher", "lower") or not np.isfinite(delta) or delta == 0:
        return 0
    return 1 if (delta > 0) == (better == "higher") else -1


def verdict_text(row: Mapping[str, Any], delta: float) -> str:
    """The verdict the card's sentence ends with ("Good news for Mexican SMEs.", "Bad news
    for ..."), in the current language; "" for no change or a KPI neither good nor bad."""
    good = stakeholder_verdict(delta, str(row.get("better", "")))
    if not good:
        return ""
    lens = str(row.get("lens", ""))
    who = _tr(_WHO[lens]) if lens in _WHO else _tr("this stakeholder")
    verdict = _tr("Good news for {who}.") if good > 0 else _tr("Bad news for {who}.")
    return verdict.format(who=who)


def shows_relative_change(unit: str, value: float, base: float) -> bool:
    """Whether a change reads as a percentage of the baseline: only between two positive
    levels.  A balance, a ratio or a welfare change may be negative or cross zero, and then
    "0.06 (90.5 %) higher" (a leverage ratio from -0.07 to -0.01) says nothing."""
    if unit in _POINT_UNITS or not (np.isfinite(base) and np.isfinite(value)):
        return False
    return base > 0 and value > 0


def delta_colour(delta: float, better: str, palette: QPalette) -> QColor:
    """Green when the change goes the good way, red when it goes the bad way, text otherwise."""
    good = stakeholder_verdict(delta, better)
    if not good:
        return palette.color(QPalette.ColorRole.WindowText)
    return QColor(GOOD if good > 0 else BAD)


def _language() -> str:
    from planner.ui.i18n import current_language

    return current_language()


class WrappedLabel(QLabel):
    """A word-wrapped QLabel that remembers its height for each width until its text, font,
    style or text interaction changes.

    A card's layout asks every word-wrapped label for its height twice per relayout (its own
    height for the column's width, then placing the labels), and QLabel lays the whole text
    out anew each time; on a toggle most of a card's sentences (title, unit, meaning) are
    unchanged, and the rest alternate between a few texts.  The heights are QLabel's own.
    """

    MAX_HEIGHTS = 64  # remembered (text, width, ...) heights before starting afresh

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._heights: dict[tuple[Any, ...], int] = {}

    def setTextInteractionFlags(self, flags: Qt.TextInteractionFlag) -> None:  # Qt override
        self._heights.clear()  # a selectable label lays its text out through a document
        super().setTextInteractionFlags(flags)

    def heightForWidth(self, width: int) -> int:  # Qt override
        # The text itself is in the key (not reset in a setText override): clear() and
        # setNum change it too.
        key = (width, self.text(), self.logicalDpiY())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) >= self.MAX_HEIGHTS:
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        self._heights.clear()  # a new font, style, palette, language...: measure afresh
        super().changeEvent(event)

    def setMinimumHeight(self, height: int) -> None:  # Qt override
        self._heights.clear()  # QLabel's heightForWidth is never below the minimum height
        super().setMinimumHeight(height)


class KpiCard(QFrame):
    """One KPI: label, value with unit, delta vs baseline, band and meaning."""

    def __init__(self, kpi_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kpi_id = kpi_id
        self.setObjectName(f"kpi_{kpi_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = WrappedLabel(self)
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.value = QLabel(self)
        big = QFont(self.value.font())
        big.setPointSizeF(big.pointSizeF() * 1.5)
        big.setBold(True)
        self.value.setFont(big)
        self.unit = WrappedLabel(self)
        self.delta = QLabel(self)
        self.band = QLabel(self)
        self.band_note = WrappedLabel(self)  # shown only when the value is outside the band
        self.band_note.setVisible(False)
        self.meaning = WrappedLabel(self)
        self.verdict = WrappedLabel(self)
        self.verdict.setObjectName("kpiVerdict")
        # Room it keeps for a longer sentence (hold_verdict_height) stays below the text.
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        small = QFont(self.meaning.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.meaning.setFont(small)
        self.verdict.setFont(small)
        self.band.setFont(small)
        self.band_note.setFont(small)
        # The numbers and sentences can be selected (and copied) with the mouse.  A selectable
        # label lays its text out through a QTextDocument, several times slower than a plain
        # one, and every toggle sets new texts: the labels become selectable while the pointer
        # is over the card (or while they hold a selection), and look the same either way.
        self.selectable = (
            self.value,
            self.unit,
            self.delta,
            self.band,
            self.band_note,
            self.verdict,
        )
        value_row = QHBoxLayout()
        value_row.setSpacing(6)
        value_row.addWidget(self.value, 0, Qt.AlignmentFlag.AlignBaseline)
        value_row.addWidget(self.unit, 1, Qt.AlignmentFlag.AlignBaseline)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addLayout(value_row)
        for widget in (self.delta, self.band, self.band_note, self.verdict, self.meaning):
            layout.addWidget(widget)
        # Each label fills its own background (the window colour the card shows through):
        # a new number or sentence then repaints the label only, not the card's frame and
        # the scroll area under it as well.
        for label in (*self.selectable, self.title, self.meaning):
            label.setAutoFillBackground(True)
        # What the labels show now (see show_values); None after a palette or language change.
        self._shown: tuple[Any, ...] | None = None
        # The verdict's tallest height at the card's width so far (see hold_verdict_height).
        self._verdict_held = 0

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.LanguageChange):
            self._shown = None  # the delta's colour and the translated texts follow these
            self._release_verdict_height()
        super().changeEvent(event)

    def resizeEvent(self, event: Any) -> None:  # Qt override
        if event.size().width() != event.oldSize().width():
            self._release_verdict_height()  # its lines are counted afresh at the new width
        super().resizeEvent(event)

    def hold_verdict_height(self) -> None:
        """Keep the verdict at the tallest it has been at this width (call it once the card
        is laid out: before, the label's width is not the one it is shown at).

        Its sentence changes with most toggles ("does not move", "is 0.01 points lower…"),
        and one that takes a line more or less resized the card, moved every card below it
        and repainted the whole column: on a toggle, twice the paint of the new texts alone.
        Held, the column is laid out again only when a sentence is longer than any before.
        """
        width = self.verdict.width()
        if width <= 0:
            return
        needed = self.verdict.heightForWidth(width)
        if needed > self._verdict_held:
            self._verdict_held = needed
            self.verdict.setMinimumHeight(needed)

    def _release_verdict_height(self) -> None:
        if self._verdict_held:
            self._verdict_held = 0
            self.verdict.setMinimumHeight(0)

    def enterEvent(self, event: QEnterEvent) -> None:  # Qt override
        self._set_selectable(True)
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # Qt override
        if not any(label.hasSelectedText() for label in self.selectable):
            self._set_selectable(False)
        super().leaveEvent(event)

    def _set_selectable(self, on: bool) -> None:
        flag = (
            Qt.TextInteractionFlag.TextSelectableByMouse
            if on
            else Qt.TextInteractionFlag.NoTextInteraction
        )
        for label in self.selectable:
            if label.textInteractionFlags() != flag:
                label.setTextInteractionFlags(flag)

    def show_values(
        self,
        row: Mapping[str, Any],
        value: float,
        base: float,
        band: tuple[float, float] | None,
        year: int,
        language: str,
        threat: tuple[float, float] | None = None,
    ) -> bool:
        """Fill the card from one kpis-table row and the Results numbers for ``year``;
        whether anything was set (False: the card already showed these numbers).
        ``threat``: the US's and Mexico's welfare change if USMCA preferences were withdrawn
        (USD m), for the leverage card."""
        # A lever often leaves some of the lens's KPIs where they were: their texts, colour
        # and sentences would come out the same, so they are not formatted again.
        shown = (row.get("id"), value, base, band, year, language, threat)
        if shown == self._shown:
            return False
        self._shown = shown
        label = row.get(f"label_{language}") or row.get("label_en") or self.kpi_id
        self.title.setText(f"{label} ({year})")
        digits = decimals_for(value)
        self.value.setText(value_text(value, digits))
        self.unit.setText(unit_text(str(row.get("unit") or "")))
        delta = value - base
        self.delta.setText(
            _tr("{delta} vs baseline ({base})").format(
                delta=change_text(delta, digits), base=value_text(base, digits)
            )
        )
        # Coloured whenever the line shows a change (a tiny one reads "+0.002"), as the
        # sentence below calls it good or bad news; "0" stays in the text colour.
        colour = delta_colour(delta, str(row.get("better", "")), self.palette())
        # A palette colour, not a style sheet: re-styling a label re-polishes and re-lays it.
        if colour != self.delta.palette().color(QPalette.ColorRole.WindowText):
            palette = self.delta.palette()
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.delta.setPalette(palette)
        side = 0
        if band is None:
            self.band.setVisible(False)
        else:
            self.band.setVisible(True)
            self.band.setText(
                _tr("p10–p90: {low} to {high}").format(
                    low=value_text(band[0], digits), high=value_text(band[1], digits)
                )
            )
            side = side_of_band(value, band, digits)
        if side:
            self.band_note.setText(outside_band_note())
        if self.band_note.isVisibleTo(self) != bool(side):
            self.band_note.setVisible(bool(side))
        self.verdict.setText(change_sentence(row, value, base, year))
        meaning = str(row.get(f"meaning_{language}") or row.get("meaning_en") or "")
        if self.kpi_id in _BELOW_ZERO and np.isfinite(value) and value < 0:
            meaning = f"{meaning} {_tr(_BELOW_ZERO[self.kpi_id])}".strip()
        if threat is not None and all(np.isfinite(threat)):
            meaning = f"{meaning} {threat_sentence(threat, year)}".strip()
        self.meaning.setText(meaning)
        self._describe(bool(side))
        return True

    def _describe(self, outside_band: bool) -> None:
        """The card as a screen reader announces it: named by its title, described by the
        value, change, band and verdict the labels already show (so in their language)."""
        value = f"{self.value.text()} {self.unit.text()}".strip()
        parts = [value, self.delta.text()]
        if self.band.isVisibleTo(self):
            parts.append(self.band.text())
        if outside_band:
            parts.append(self.band_note.text())
        parts.append(self.verdict.text())
        description = " ".join(p if p.endswith(".") else f"{p}." for p in parts if p)
        # Each sets only a string on a toggle (an accessibility event too, when a screen
        # reader is listening): not repeated when the text is unchanged.
        if self.accessibleName() != self.title.text():
            self.setAccessibleName(self.title.text())
        if self.accessibleDescription() != description:
            self.setAccessibleDescription(description)


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
