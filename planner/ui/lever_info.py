"""The lever info popup: what a lever does, its coefficients, and the sources behind them.

Sources are found through ``levers.source_id``, ``lever_params.source_id`` and every
``lever_effects.source_id`` of the lever, and shown from the model's ``sources`` table so a
number is one click from where it comes from.  Levers known only from the seed article
(``evidence=article``) are flagged as unverified.
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import QFrame, QTextBrowser, QVBoxLayout, QWidget

from planner.model.catalog import LeverSpec
from planner.ui.i18n import translate
from planner.ui.labels import humanize, lever_description, lever_label


def unverified_text() -> str:
    return translate("LeverInfo", "unverified (article)")


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
    effects = getattr(model, "lever_effects", None)
    if not isinstance(effects, pd.DataFrame) or effects.empty:
        return ""
    rows = effects[effects["lever_id"] == spec.id]
    if rows.empty:
        return ""
    lines = []
    for r in rows.itertuples(index=False):
        key = f"{r.option} · {r.key}" if r.option else r.key
        rng = ""
        if pd.notna(r.low) and pd.notna(r.high) and (r.low != r.value or r.high != r.value):
            rng = f" ({_number(r.low)}–{_number(r.high)})"
        lines.append(
            f"<tr><td>{html.escape(humanize(str(key)))}</td>"
            f"<td align='right'>{_number(r.value)}{rng}</td>"
            f"<td>{html.escape(str(r.unit or ''))}</td>"
            f"<td><i>{html.escape(str(r.source_id))}</i></td></tr>"
        )
    return (
        "<h4>" + html.escape(translate("LeverInfo", "What it changes in the model")) + "</h4>"
        "<table cellspacing='0' cellpadding='2'>" + "".join(lines) + "</table>"
    )


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
        parts = [f"<b>{html.escape(str(s['title']))}</b>"]
        for col in ("publisher", "year"):
            if col in s and pd.notna(s[col]) and str(s[col]):
                parts.append(html.escape(str(s[col])))
        kind = str(s.get("kind", ""))
        if kind == "article":
            parts.append(f"<span style='color:#D55E00'>{html.escape(unverified_text())}</span>")
        elif kind:
            parts.append(f"<i>{html.escape(kind)}</i>")
        locator = str(s.get("locator") or "")
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


class LeverInfoPopup(QFrame):
    """A popup (closes on a click outside) showing ``info_html`` with clickable links."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("leverInfo")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        layout.addWidget(self.browser)
        self.resize(460, 380)

    def show_for(self, spec: LeverSpec, model: Any, at: QPoint) -> None:
        self.browser.setHtml(info_html(spec, model))
        screen = self.screen().availableGeometry() if self.screen() else None
        x, y = at.x(), at.y()
        if screen is not None:
            x = min(max(screen.left(), x), screen.right() - self.width())
            y = min(max(screen.top(), y), screen.bottom() - self.height())
        self.move(x, y)
        self.show()
