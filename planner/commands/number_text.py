"""Numbers as the command line's tables show them (``planner run``, ``planner compare``).

One rule for every cell, so a table never shows "-0.00", never hides a real change behind
"+0.00", and never mixes decimals inside one row's band: two decimals below 1,000 and none
from 1,000 on (thousands separated), chosen once for the numbers that are read together.
``--json`` keeps the raw numbers; these are for reading only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

# Below this many decimals a change too small to show at the cell's decimals is written in
# scientific notation (a change of 3e-9 would otherwise need ten zeros).
MOST_DECIMALS = 6


def decimals_for(*values: float) -> int:
    """Decimals for numbers read side by side: 0 when the largest is 1,000 or more, else 2
    (NaN ignored)."""
    largest = max((abs(v) for v in values if v == v), default=0.0)
    return 0 if largest >= 1000 else 2


def level_text(value: float, decimals: int | None = None) -> str:
    """A level such as a baseline, "1,979" or "845.92"; "n/a" for NaN (not defined for this
    run).  A value that rounds to zero is "0.00", never "-0.00"."""
    if value != value:
        return "n/a"
    digits = decimals_for(value) if decimals is None else decimals
    return f"{_no_negative_zero(value, digits):,.{digits}f}"


def change_text(value: float) -> str:
    """A signed change: "+3,710", "-56.18"; "0.00" for none.  A change too small for two
    decimals keeps two significant digits ("+0.0016", "-0.00027"; "+2.7e-09" beyond six
    decimals), so a real change never reads as zero."""
    if value != value:
        return "n/a"
    digits = decimals_for(value)
    if value == 0:
        return f"{0:.{digits}f}"
    if round(value, digits) != 0:
        return f"{value:+,.{digits}f}"
    needed = 1 - math.floor(math.log10(abs(value)))  # two significant digits
    if needed > MOST_DECIMALS:
        return f"{value:+.1e}"
    # Rounding to two significant digits can carry (0.0099951 -> 0.010): still non-zero.
    return f"{value:+.{needed}f}"


def band_text(low: float, high: float) -> str:
    """A p10-p90 band, both ends to the same decimals: "846 to 1,979"."""
    digits = decimals_for(low, high)
    return f"{level_text(low, digits)} to {level_text(high, digits)}"


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """The first two columns (KPI, unit) left-aligned, the numbers right-aligned."""
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
    for line in (header, *rows):
        cells = [
            str(c).ljust(w) if i < 2 else str(c).rjust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())


def _no_negative_zero(value: float, digits: int) -> float:
    rounded = round(value, digits)
    return 0.0 if rounded == 0 else value
