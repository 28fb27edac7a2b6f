"""How a KPI's numbers read wherever they are shown: its card, the Compare table and the PDF
brief all write them with these functions, so that they read alike.

* The digits follow the value's size (``decimals_for``); the numbers take the locale's group
  and decimal separators (the window's default locale, or the one a caller passes: the
  brief writes in its own language whatever the default is).
* A number is rounded before it is formatted, and a zero has no sign: never "-0.00".
* A change carries its sign.  No change at all reads "0"; a change too small for the value's
  digits reads to its first significant digit ("+0.002" beside 100.0), never as a "0.0" that
  a reader takes for no change.
* A number the model leaves undefined (NaN: Mexico's leverage ratio when withdrawing USMCA
  preferences would cost Mexico nothing) reads "—", never "nan".

No Qt widget is involved: these run for every card on every lever toggle.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale

# The most decimals a change is written with: QLocale writes up to 17 significant digits, and
# a change of a KPI smaller than 1e-17 is not one the model makes.
MAX_DECIMALS = 17
# An undefined number, in every language.
NOT_DEFINED = "—"


def decimals_for(value: float) -> int:
    """Digits after the point for a KPI value: none for thousands, one for tens, two below."""
    size = abs(float(value))
    return 0 if size >= 1000 else 1 if size >= 10 else 2


def value_text(value: float, digits: int, locale: QLocale | None = None) -> str:
    """``value`` at ``digits`` decimals in ``locale`` (the default QLocale when None), rounded
    first so that a small negative number reads "0.00", not "-0.00"."""
    locale = QLocale() if locale is None else locale
    value = float(value)
    if not math.isfinite(value):
        return NOT_DEFINED
    value = round(value, digits) + 0.0  # adding 0.0 turns the -0.0 of a rounding into 0.0
    return locale.toString(value, "f", digits)


def change_digits(delta: float, digits: int) -> int:
    """The decimals a change reads with: ``digits``, or, for a non-zero change that would
    round to zero at ``digits``, as many as its first significant digit needs (0.0016 at one
    decimal: 3, "0.002")."""
    size = abs(float(delta))
    if not math.isfinite(size) or size == 0 or round(size, digits) != 0:
        return digits
    needed = -math.floor(math.log10(size))  # the place of the first significant digit
    if round(size, needed - 1) != 0:  # 0.00096 rounds up to 0.001: three places, not four
        needed -= 1
    return min(max(needed, digits), MAX_DECIMALS)


def is_change(delta: float) -> bool:
    """Whether ``delta`` is a change a reader is shown as one: finite and not exactly zero."""
    return math.isfinite(delta) and delta != 0


def change_text(
    delta: float, digits: int, locale: QLocale | None = None, signed: bool = True
) -> str:
    """A change against the baseline at the value's ``digits``: "+1.4", "-27", "+0.002" (too
    small for ``digits``), "0" for exactly none, "—" when either side is undefined.
    ``signed=False`` writes its size, for a sentence that says "higher" or "lower"."""
    locale = QLocale() if locale is None else locale
    delta = float(delta)
    if delta == 0:
        return locale.toString(0)
    if not math.isfinite(delta):
        return NOT_DEFINED
    size = delta if signed else abs(delta)
    text = value_text(size, change_digits(delta, digits), locale)
    return "+" + text if size > 0 and signed else text


def side_of_band(value: float, band: tuple[float, float], digits: int) -> int:
    """-1 when ``value`` reads below the band's low end at ``digits`` decimals, 1 when it
    reads above its high end, 0 inside (or when a number is not finite)."""
    shown = [round(float(v), digits) for v in (value, *band)]
    if not all(math.isfinite(v) for v in shown):
        return 0
    value, low, high = shown
    return -1 if value < min(low, high) else 1 if value > max(low, high) else 0
