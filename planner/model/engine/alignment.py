"""Partner alignments -> tariff and trade-cost changes; Mexico's bargaining leverage.

An alignment option (``deepen`` or ``fta``) with a partner lowers the tariffs between Mexico
and the partner's trade regions by ``tariff_cut_share`` (of the applied rate, so an existing
preference is never cut below zero) and their non-tariff trade costs by
``trade_cost_cut_pct`` (FTA02: 2-10%), each weighted by ``region_share.<REGION>``, the share
of that model region the partner represents, and phased in over the effect's lag and ramp
from the scenario's first year.  Two partners in the same region add up (capped at 100%).

Leverage is computed, not asserted: the engine also solves each run's *disagreement point*
(USMCA preferences between the US and Mexico withdrawn, so MFN plus the non-preferential
measures apply to all their trade) and reports the US's welfare loss over Mexico's.
Diversification that softens Mexico's loss at the disagreement point raises the ratio.
"""

from __future__ import annotations

import numpy as np

from planner.model.engine.settings import ScenarioSettings, ramp
from planner.model.engine.uncertainty import Params

REGION_SHARE = "region_share."


def alignment_cuts(
    prep, settings: ScenarioSettings, params: Params, years: np.ndarray
) -> tuple[np.ndarray, np.ndarray] | None:
    """Per partner region r: (tariff kept (D, Y, R), iceberg factor (D, Y, R)) on MEX<->r.

    None when no alignment is switched on.
    """
    if not settings.alignments:
        return None
    r = len(prep.model.regions)
    tariff_cut = np.zeros((params.draws, len(years), r))
    cost_cut = np.zeros_like(tariff_cut)
    for partner, option in settings.alignments.items():
        lag, rmp = params.lag_ramp(partner, "tariff_cut_share", option)
        t_share = ramp(years, settings.start, lag, rmp)[None, :]
        lag, rmp = params.lag_ramp(partner, "trade_cost_cut_pct", option)
        c_share = ramp(years, settings.start, lag, rmp)[None, :]
        t_size = params.effect(partner, "tariff_cut_share", option)[:, None]
        c_size = params.effect(partner, "trade_cost_cut_pct", option)[:, None] / 100.0
        for key in params.effect_keys(partner, option):
            if not key.startswith(REGION_SHARE):
                continue
            region = prep.ridx.get(key[len(REGION_SHARE) :])
            if region is None or region == prep.ridx["MEX"]:
                continue
            weight = params.effect(partner, key, option)[:, None]
            tariff_cut[..., region] += t_size * weight * t_share
            cost_cut[..., region] += c_size * weight * c_share
    # np.clip's bounds as ufunc calls (its Python wrapper costs more than these small
    # arrays' arithmetic, on every Monte Carlo chunk).
    kept = 1.0 - np.minimum(np.maximum(tariff_cut, 0.0), 1.0)
    return kept, 1.0 - np.minimum(np.maximum(cost_cut, 0.0), 0.9)


def apply_alignment(
    tariff: np.ndarray | None,
    iceberg: np.ndarray | None,
    cuts: tuple[np.ndarray, np.ndarray],
    mex: int,
) -> None:
    """Scale (D, Y, S, R, R) ``tariff`` and ``iceberg`` (1 + tau) in place on MEX<->r cells
    (either may be None: left alone)."""
    keep, factor = cuts
    keep = keep[:, :, None, :]  # (D, Y, 1, R)
    factor = factor[:, :, None, :]
    if tariff is not None:
        tariff[..., mex, :] *= keep  # Mexico's exports to r
        tariff[..., :, mex] *= keep  # r's exports to Mexico
    if iceberg is not None:
        iceberg[..., mex, :] *= factor
        iceberg[..., :, mex] *= factor  # Mexico's own column entry has factor 1


def leverage_ratio(
    welfare: np.ndarray, welfare_disagreement: np.ndarray, usa: int, mex: int
) -> np.ndarray:
    """(…) US welfare loss over Mexico's at the disagreement point; NaN when Mexico loses
    nothing (the ratio is then undefined).  Welfare arrays (…, R), changes in USD m."""
    loss = welfare - welfare_disagreement
    us_loss, mx_loss = loss[..., usa], loss[..., mex]
    tiny = 1e-9 * np.maximum(np.abs(welfare[..., mex]), 1.0)
    return np.where(mx_loss > tiny, us_loss / np.where(mx_loss > tiny, mx_loss, 1.0), np.nan)
