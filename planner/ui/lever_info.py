"""The lever info popup: what a lever does, its coefficients, and the sources behind them.

Sources are found through ``levers.source_id``, ``lever_params.source_id`` and every
``lever_effects.source_id`` of the lever, and shown from the model's ``sources`` table so a
number is one click from where it comes from.  Levers known only from the seed article
(``evidence=article``) are flagged as unverified.
"""

from __future__ import annotations

import html
import math
from typing import Any

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QTextBrowser, QVBoxLayout, QWidget

from planner.model.catalog import REFERENCE_ONLY_KEYS, LeverSpec, override_key
from planner.ui.i18n import DEFAULT_LANGUAGE, current_language, translate
from planner.ui.labels import choice_label, humanize, labelled, lever_description, lever_label

# The values of sources.kind (few and fixed by the seed contract); the publisher is data.
_SOURCE_KINDS = {
    "article": QT_TRANSLATE_NOOP("SourceKind", "article"),
    "assumption": QT_TRANSLATE_NOOP("SourceKind", "assumption"),
    "derived": QT_TRANSLATE_NOOP("SourceKind", "derived"),
    "paper": QT_TRANSLATE_NOOP("SourceKind", "paper"),
    "statistic": QT_TRANSLATE_NOOP("SourceKind", "statistic"),
}

# lever_effects has no label columns: its keys (stems once the unit suffix is cut off) get
# interface names here, so the popup never shows an id such as "capacity usd bn".
_EFFECT_NAMES = {
    "capacity": QT_TRANSLATE_NOOP("LeverInfo", "Capacity"),
    "border_days_cut": QT_TRANSLATE_NOOP("LeverInfo", "Border delay cut"),
    "days_cut": QT_TRANSLATE_NOOP("LeverInfo", "Border delay cut"),
    "capacity_per_fdi": QT_TRANSLATE_NOOP("LeverInfo", "Capacity per unit of FDI"),
    "base_tax_rate": QT_TRANSLATE_NOOP("LeverInfo", "Base tax rate"),
    "certification_gap": QT_TRANSLATE_NOOP("LeverInfo", "Certification gap"),
    "productivity_gain": QT_TRANSLATE_NOOP("LeverInfo", "Productivity gain"),
    "fund": QT_TRANSLATE_NOOP("LeverInfo", "Fund"),
    "output_capital_ratio": QT_TRANSLATE_NOOP("LeverInfo", "Exports per unit of capital"),
    "sanction_reduction": QT_TRANSLATE_NOOP("LeverInfo", "Sanction reduction"),
    "disruption_cut": QT_TRANSLATE_NOOP("LeverInfo", "Disruption reduction"),
    "cost_premium": QT_TRANSLATE_NOOP("LeverInfo", "Cost premium"),
    "carrying_cost": QT_TRANSLATE_NOOP("LeverInfo", "Inventory carrying cost"),
    "preference_use_gain": QT_TRANSLATE_NOOP("LeverInfo", "Gain in preference use"),
    "compliance_cost": QT_TRANSLATE_NOOP("LeverInfo", "Compliance cost"),
    "tariff_cut": QT_TRANSLATE_NOOP("LeverInfo", "Tariff cut"),
    "trade_cost_cut": QT_TRANSLATE_NOOP("LeverInfo", "Trade-cost cut"),
    "region": QT_TRANSLATE_NOOP("LeverInfo", "Share of the region covered"),
    "derivative": QT_TRANSLATE_NOOP("LeverInfo", "Steel and aluminium content"),
    "usmca_dutiable": QT_TRANSLATE_NOOP("LeverInfo", "Dutiable part of USMCA vehicles"),
    "uncertainty_cost": QT_TRANSLATE_NOOP("LeverInfo", "Uncertainty cost"),
    "preference_loss": QT_TRANSLATE_NOOP("LeverInfo", "Preference loss"),
    "notice": QT_TRANSLATE_NOOP("LeverInfo", "Notice period"),
    "capacity_loss": QT_TRANSLATE_NOOP("LeverInfo", "Capacity loss"),
    "output_loss": QT_TRANSLATE_NOOP("LeverInfo", "Output loss"),
}

# Unit suffixes of effect keys, longest first (``_pct_per_week`` before ``_pct``), and the
# unit each one stands for when the effect row has no unit of its own.
_UNIT_SUFFIXES = (
    ("_pct_per_week", "%/week"),
    ("_usd_bn", "USD bn"),
    ("_usd_m", "USD m"),
    ("_pct", "%"),
    ("_share", "share"),
    ("_years", "years"),
    ("_days", "days"),
)

# The unit column's values (data written in English) as interface words; "%" needs none.
_UNITS = {
    "%/week": QT_TRANSLATE_NOOP("EffectUnit", "% a week"),
    "share": QT_TRANSLATE_NOOP("EffectUnit", "share"),
    "days": QT_TRANSLATE_NOOP("EffectUnit", "days"),
    "years": QT_TRANSLATE_NOOP("EffectUnit", "years"),
    "USD bn": QT_TRANSLATE_NOOP("EffectUnit", "USD bn"),
    "USD bn/yr": QT_TRANSLATE_NOOP("EffectUnit", "USD bn a year"),
    "USD m": QT_TRANSLATE_NOOP("EffectUnit", "USD m"),
    "USD m/yr": QT_TRANSLATE_NOOP("EffectUnit", "USD m a year"),
    "elasticity": QT_TRANSLATE_NOOP("EffectUnit", "elasticity"),
    "USD exports per USD capital": QT_TRANSLATE_NOOP(
        "EffectUnit", "USD of exports per USD of capital"
    ),
    "USD/USD": QT_TRANSLATE_NOOP("EffectUnit", "USD per USD"),
}


def unverified_text() -> str:
    return translate("LeverInfo", "unverified (article)")


def cell_text(value: Any) -> str:
    """A table value as text: missing (None, NaN, NA) is empty, a whole float has no ".0"."""
    if value is None:
        return ""
    if not isinstance(value, str):
        try:
            if pd.isna(value):
                return ""
        except (TypeError, ValueError):  # arrays and other non-scalars are shown as they are
            pass
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
    return str(value).strip()


def source_kind_label(kind: str) -> str:
    """A sources.kind value in the interface language (unknown kinds as they are)."""
    if kind in _SOURCE_KINDS:
        return QCoreApplication.translate("SourceKind", _SOURCE_KINDS[kind])
    return kind


def unit_label(unit: str) -> str:
    """An effect's unit in the interface language (unknown units as written in the data)."""
    if unit in _UNITS:
        return QCoreApplication.translate("EffectUnit", _UNITS[unit])
    return unit


def _split_unit(key: str) -> tuple[str, str]:
    """``capacity_usd_bn`` -> (``capacity``, ``USD bn``); keys without a suffix keep it ''."""
    for suffix, unit in _UNIT_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[: -len(suffix)], unit
    return key, ""


def _member_label(member: str, model: Any) -> str:
    """The region or sector a dotted key names (``region_share.CAN`` -> Canada)."""
    lang = current_language()
    for attr in ("region_labels", "sector_labels"):
        labels = getattr(model, attr, None) or {}
        text = (labels.get(lang) or {}).get(member) or (labels.get(DEFAULT_LANGUAGE) or {}).get(
            member
        )
        if text:
            return str(text)
    return member


def effect_label(key: str, unit: str = "", model: Any = None, data_label: str = "") -> str:
    """A readable, translated name for a lever_effects key with its unit in brackets:
    ``capacity_usd_bn`` -> "Capacity (USD bn a year)", ``region_share.CAN`` -> "Share of the
    region covered: Canada (share)".  A label from the data wins over the built one."""
    base, _, member = key.partition(".")
    stem, suffix_unit = _split_unit(base)
    if data_label:
        name = data_label
    elif stem in _EFFECT_NAMES:
        name = QCoreApplication.translate("LeverInfo", _EFFECT_NAMES[stem])
    else:
        name = humanize(stem)
    if member:
        name = labelled(name, _member_label(member, model))
    shown = unit_label(unit) if unit else unit_label(suffix_unit)
    return f"{name} ({shown})" if shown else name


def _data_label(row: Any) -> str:
    """The effect row's own label_<lang> (or label_en), should the table ever carry one."""
    for column in (f"label_{current_language()}", f"label_{DEFAULT_LANGUAGE}"):
        text = cell_text(getattr(row, column, None))
        if text:
            return text
    return ""


def source_ids(spec: LeverSpec, model: Any) -> list[str]:
    """The lever's own source first, then its parameters' and effects', without repeats."""
    ids: list[str] = [spec.source_id] if spec.source_id else []
    for table, column in (("lever_params", "lever_id"), ("lever_effects", "lever_id")):
        frame = getattr(model, table, None)
        if isinstance(frame, pd.DataFrame) and not frame.empty:
            ids += [str(s) for s in frame.loc[frame[column] == spec.id, "source_id"] if s]
    return list(dict.fromkeys(ids))


def _number(value: Any) -> str:
    if value is None or pd.isna(value):
        return ""
    return QLocale().toString(float(value), "g", 4)


def _effects_html(spec: LeverSpec, model: Any) -> str:
    """The lever's numbers in the model database: those the engine uses, then (apart) those
    it keeps for reference only (``REFERENCE_ONLY_KEYS``), which must not read as effects."""
    effects = getattr(model, "lever_effects", None)
    if not isinstance(effects, pd.DataFrame) or effects.empty:
        return ""
    rows = effects[effects["lever_id"] == spec.id]
    if rows.empty:
        return ""
    used, reference = [], []
    for r in rows.itertuples(index=False):
        label = effect_label(str(r.key), cell_text(r.unit), model, _data_label(r))
        option = cell_text(r.option)
        if option:
            label = f"{choice_label(option, model)} · {label}"
        rng = ""
        if pd.notna(r.low) and pd.notna(r.high) and (r.low != r.value or r.high != r.value):
            rng = f" ({_number(r.low)}–{_number(r.high)})"
        line = (
            f"<tr><td>{html.escape(label)}</td>"
            f"<td align='right'>{_number(r.value)}{rng}</td>"
            f"<td><i>{html.escape(cell_text(r.source_id))}</i></td></tr>"
        )
        key = override_key(("lever_effects", spec.id, option, str(r.key)))
        (reference if key in REFERENCE_ONLY_KEYS else used).append(line)
    parts = []
    for heading, lines in (
        (translate("LeverInfo", "What it changes in the model"), used),
        (translate("LeverInfo", "For reference (the model does not use it)"), reference),
    ):
        if lines:
            parts.append(
                f"<h4>{html.escape(heading)}</h4>"
                "<table cellspacing='0' cellpadding='2'>" + "".join(lines) + "</table>"
            )
    return "".join(parts)


def _sources_html(spec: LeverSpec, model: Any) -> str:
    ids = source_ids(spec, model)
    if not ids:
        return ""
    sources = getattr(model, "sources", None)
    known = (
        sources.set_index("id")
        if isinstance(sources, pd.DataFrame) and not sources.empty
        else pd.DataFrame()
    )
    items = []
    for sid in ids:
        if sid not in known.index:
            items.append(f"<li><i>{html.escape(sid)}</i></li>")
            continue
        s = known.loc[sid]
        if isinstance(s, pd.DataFrame):  # a repeated id: its first row, as the table shows
            s = s.iloc[0]
        # Every cell through cell_text: a missing publisher, year or locator is NaN here.
        parts = [f"<b>{html.escape(cell_text(s.get('title')) or sid)}</b>"]
        for col in ("publisher", "year"):
            if cell_text(s.get(col)):
                parts.append(html.escape(cell_text(s.get(col))))
        kind = cell_text(s.get("kind"))
        if kind == "article":
            parts.append(f"<span style='color:#D55E00'>{html.escape(unverified_text())}</span>")
        elif kind:
            parts.append(f"<i>{html.escape(source_kind_label(kind))}</i>")
        locator = cell_text(s.get("locator"))
        if locator.startswith(("http://", "https://")):
            parts.append(f"<a href='{html.escape(locator, quote=True)}'>{html.escape(locator)}</a>")
        elif locator:
            parts.append(html.escape(locator))
        items.append(f"<li>{' · '.join(parts)} <i>[{html.escape(sid)}]</i></li>")
    title = html.escape(translate("LeverInfo", "Sources"))
    return f"<h4>{title}</h4><ul>{''.join(items)}</ul>"


def info_html(spec: LeverSpec, model: Any) -> str:
    """The popup's rich text for ``spec``; numbers follow the current locale."""
    parts = [f"<h3>{html.escape(lever_label(spec))}</h3>"]
    if spec.evidence == "article":
        note = translate(
            "LeverInfo",
            "known only from the seed article; no official or peer-reviewed source confirms it.",
        )
        label = html.escape(unverified_text())
        parts.append(f"<p style='color:#D55E00'><b>{label}</b>: {html.escape(note)}</p>")
    description = lever_description(spec)
    if description:
        parts.append(f"<p>{html.escape(description)}</p>")
    if spec.cost_usd_m is not None:
        cost = QLocale().toString(float(spec.cost_usd_m), "f", 0)
        text = translate("LeverInfo", "Cost: USD {cost} m").format(cost=cost)
        parts.append(f"<p>{html.escape(text)}</p>")
    parts.append(_effects_html(spec, model))
    parts.append(_sources_html(spec, model))
    if model is None:
        text = translate("LeverInfo", "Sources appear once the model is loaded.")
        parts.append(f"<p><i>{html.escape(text)}</i></p>")
    return "".join(parts)


POPUP_WIDTH = 520
POPUP_MOST_HEIGHT = 420  # taller texts scroll
POPUP_LEAST_HEIGHT = 120


class LeverInfoPopup(QFrame):
    """A popup (closes on a click outside or Esc) showing ``info_html`` with clickable links.

    It opens with the focus in its text, so the keyboard scrolls it (PgDn, arrows) and Tab
    walks its links; Esc closes it and gives the focus back to the button that opened it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("leverInfo")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        layout.addWidget(self.browser)
        # Wide enough for an effect's name, unit, value and range on one line.
        self.resize(POPUP_WIDTH, POPUP_MOST_HEIGHT)
        self._origin: QWidget | None = None

    def show_for(
        self, spec: LeverSpec, model: Any, at: QPoint, origin: QWidget | None = None
    ) -> None:
        """Show ``spec``'s information at ``at``; Esc returns the focus to ``origin``."""
        self._origin = origin
        label = lever_label(spec)
        self.setAccessibleName(label)
        self.browser.setAccessibleName(label)
        self.browser.setHtml(info_html(spec, model))
        self._fit_height()
        screen = self.screen().availableGeometry() if self.screen() else None
        x, y = at.x(), at.y()
        if screen is not None:
            x = min(max(screen.left(), x), screen.right() - self.width())
            y = min(max(screen.top(), y), screen.bottom() - self.height())
        self.move(x, y)
        self.show()
        self.browser.setFocus(Qt.FocusReason.PopupFocusReason)

    def _fit_height(self) -> None:
        """As tall as the text, up to POPUP_MOST_HEIGHT (then it scrolls): a short lever's
        popup was a third empty."""
        self.resize(POPUP_WIDTH, POPUP_MOST_HEIGHT)
        self.layout().activate()  # the browser's width inside the popup, before it shows
        document = self.browser.document()
        document.setTextWidth(self.browser.viewport().width())
        chrome = self.height() - self.browser.viewport().height()  # margins and frames
        height = math.ceil(document.size().height()) + chrome
        self.resize(POPUP_WIDTH, min(max(height, POPUP_LEAST_HEIGHT), POPUP_MOST_HEIGHT))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            if self._origin is not None and self._origin.isVisible():
                self._origin.setFocus(Qt.FocusReason.PopupFocusReason)
            event.accept()
            return
        super().keyPressEvent(event)
