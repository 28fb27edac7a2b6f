"""What a KPI card says in words: the unit after a value, the sentence on the change against
the baseline and its verdict for the lens's stakeholder (good or bad news, and the change's
colour), the note on a value outside its band and the leverage threat.  The card, the
compare dialog and the PDF brief share them (context "KpiCards").
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtGui import QColor, QPalette

from planner.ui.charts.base import BAD, GOOD
from planner.ui.kpi_numbers import change_text, decimals_for, is_change, value_text


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
    if not math.isfinite(value):
        return _tr("In {year} this indicator is not defined in this scenario.").format(year=year)
    if not math.isfinite(base):
        return _tr(
            "In {year} this indicator is not defined in the baseline, so there is no change "
            "to compare."
        ).format(year=year)
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
    Numbers in ``locale`` (the default QLocale when None); the card and the brief share it.
    Whole USD m: a loss the model leaves at zero comes out of the solve as round-off
    (+0.000002), which the sentence must read as the "0" it is."""
    us, mx = (float(round(x)) if math.isfinite(x) else x for x in map(float, threat))
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
