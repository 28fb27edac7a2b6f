"""The series the charts plot, read out of Results arrays (sums and differences only).

Views never compute economics: these functions only select, add up and subtract what the
engine returned, so a chart's numbers can be checked against Results directly.  Flows are
``(Y, S, R, R)`` USD m, exporter then importer; the charts show USD bn.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from planner.model.results import total_trade

USD_M_PER_BN = 1000.0


def total_trade_usd_bn(flows: np.ndarray, country: int) -> np.ndarray:
    """Exports plus imports of ``country`` each year, USD bn, shape (Y,).

    Works on any array whose last three axes are (sector, exporter, importer), so the same
    call sums a band array ``(3, Y, S, R, R)`` into ``(3, Y)``.
    """
    return total_trade(flows)[..., country] / USD_M_PER_BN


def sector_trade_usd_bn(flows: np.ndarray, country: int, usa: int) -> np.ndarray:
    """Per sector, USD bn, shape (..., Y, S): US imports from all partners when ``country`` is
    the USA, otherwise ``country``'s exports to the USA."""
    if country == usa:
        imports = flows[..., :, usa].sum(axis=-1) - flows[..., usa, usa]
        return imports / USD_M_PER_BN
    return flows[..., country, usa] / USD_M_PER_BN


def welfare_parts_usd_bn(results: Any, parts: tuple[str, ...], year_index: int) -> np.ndarray:
    """Welfare change by part and region at one year, USD bn, shape (P, R)."""
    return np.stack([np.asarray(results.welfare[p])[year_index] for p in parts]) / USD_M_PER_BN


def stack_bars(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Bottoms and heights for stacked bars of mixed sign, shape (P, N) each.

    Positive parts stack upwards from zero, negative parts downwards, in part order.
    """
    positive = np.clip(values, 0.0, None)
    negative = np.clip(values, None, 0.0)
    up = np.cumsum(positive, axis=0) - positive
    down = np.cumsum(negative, axis=0)
    bottoms = np.where(values >= 0, up, down)
    return bottoms, np.abs(values)


def percent_change(scenario: np.ndarray, baseline: np.ndarray) -> np.ndarray:
    """100 * (scenario / baseline - 1), NaN where the baseline is zero."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(baseline != 0, (scenario / baseline - 1.0) * 100.0, np.nan)


# A money chart whose every value is below this many USD bn is drawn in USD m: a bar of
# "-20" USD m reads at a glance, one of "-0.02" USD bn does not (the flood's sector changes).
MILLIONS_BELOW_BN = 1.0


def money_scale(values_usd_bn: np.ndarray, current: float = 1.0) -> float:
    """The factor from USD bn to the unit a chart of ``values_usd_bn`` is drawn in: 1 (USD bn),
    or USD_M_PER_BN (USD m) when every finite value is smaller than MILLIONS_BELOW_BN.  A
    chart of no change at all keeps its ``current`` factor: a lever switched off returns to
    the baseline's zeros, and a unit flipping on every click would re-lay the axis each time."""
    size = np.abs(np.asarray(values_usd_bn, dtype=float))
    largest = float(size.max(initial=0.0, where=np.isfinite(size)))
    if largest == 0.0:
        return current
    return USD_M_PER_BN if largest < MILLIONS_BELOW_BN else 1.0
