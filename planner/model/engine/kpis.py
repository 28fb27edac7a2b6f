"""Stakeholder KPIs of the four lenses, computed from one simulation's arrays.

Every KPI is an array (D, K, Y): draws, runs (0 = baseline, 1 = scenario), years.  Labels,
units, lens and direction come from the model's ``kpis`` table; the ids are SPEC's.

Firm-level levers act here and not in the trade core: dual-sourcing moves ``share_pct`` of a
US buyer's Mexican supply to Central America at ``cost_premium_pct``, inventory buffers cover
``weeks`` of an interruption at ``carrying_cost_pct_per_week`` a week.  They shape the US
manufacturer's landed cost, disruption days and sourcing concentration (a buyer with the
national import mix), not national trade flows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from planner.model.engine.uncertainty import Params

DAYS_PER_WEEK = 7.0
DUAL_LEVER, BUFFER_LEVER = "us_dual_sourcing", "inventory_buffers"


@dataclass(frozen=True)
class KpiInputs:
    """What the KPIs read; run axis K after the draw axis."""

    regions: tuple[str, ...]
    # Into the US only (importer axis taken): the KPIs read no other tariff or trade cost,
    # and a Monte Carlo pass would otherwise stack two full (D, K, Y, S, R, R) arrays.
    flows_start_us: np.ndarray  # (D, 1, Y, S, R) grown base flows into the US
    flows: np.ndarray  # (D, K, Y, S, R, R) solved flows at world prices
    tariff_base_us: np.ndarray  # (S, R) base-year applied tariff into the US
    tariff_us: np.ndarray  # (D, K, Y, S, R)
    iceberg_us: np.ndarray  # (D, K, Y, S, R) 1 + tau against the base year
    world_price: np.ndarray  # (D, K, Y, S, R) proportional change
    welfare: np.ndarray  # (D, K, Y, R) total welfare change against the base year
    leverage: np.ndarray  # (D, K, Y)
    mx_exports: np.ndarray  # (D, K, Y, M) regional exports
    mx_investment: np.ndarray  # (D, K, Y, M)
    mx_jobs: np.ndarray  # (D, K, Y, M)
    mx_hhi: np.ndarray  # (D, K, Y)
    target_region: int  # the SME lens's region (South-Southeast)
    event_days: np.ndarray  # (D, K, Y, V) interruption days of each event (V events)
    event_exposure: np.ndarray  # (D, K, Y, V) share of US-bound supply each event holds up
    dual_share: np.ndarray  # (K,) share of Mexican supply dual-sourced
    dual_premium: np.ndarray  # (D,) landed-cost premium of that supply, fraction
    buffer_weeks: np.ndarray  # (K,)
    buffer_cost: np.ndarray  # (D,) carrying cost a week, fraction
    # The baseline's landed cost (D, 1, Y) when the runs here do not include it (Monte Carlo
    # solves the baseline's draws in a pass of their own); None: run 0 is the baseline.
    landed_reference: np.ndarray | None = None
    # What more than one reader asks for, computed on first use (one thread reads an input).
    _computed: dict[str, np.ndarray] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def r(self, region: str) -> int:
        return self.regions.index(region)

    @property
    def landed_cost(self) -> np.ndarray:
        """``landed_cost(self)`` (D, K, Y), computed once: the index KPI and a Monte Carlo
        pass's reference (``combine(keep_landed=True)``) both read it."""
        # Not functools.cached_property: on Python 3.11 it holds one lock for every
        # instance, which would make the Monte Carlo threads take turns here.
        total = self._computed.get("landed_cost")
        if total is None:
            total = self._computed["landed_cost"] = landed_cost(self)
        return total


def landed_cost(x: KpiInputs) -> np.ndarray:
    """(D, K, Y) a US buyer's landed cost of Mexican and Canadian inputs against the base."""
    mex, can, cam = x.r("MEX"), x.r("CAN"), x.r("CAM")
    # Landed price of each cell into the US against the base year: world price, tariff and
    # trade costs, of the three suppliers read only (3 of the R columns: the same numbers).
    cols = [mex, can, cam]
    price = (1.0 + x.world_price.take(cols, -1)) * (1.0 + x.tariff_us.take(cols, -1))
    price *= x.iceberg_us.take(cols, -1)
    price /= 1.0 + x.tariff_base_us.take(cols, -1)  # (D, K, Y, S, 3) into the US
    weight = x.flows_start_us.take(cols, -1)  # (D, 1, Y, S, 3)
    w_mex = weight[..., 0].sum(-1)
    w_can = weight[..., 1].sum(-1)
    p_mex = (weight[..., 0] * price[..., 0]).sum(-1) / np.maximum(w_mex, 1e-12)
    p_can = (weight[..., 1] * price[..., 1]).sum(-1) / np.maximum(w_can, 1e-12)
    cam_w = weight[..., 2]
    p_cam = (cam_w * price[..., 2]).sum(-1) / np.maximum(cam_w.sum(-1), 1e-12)
    d = x.dual_share[None, :, None]
    premium = x.dual_premium[:, None, None]
    mexican = (1.0 - d) * p_mex + d * p_cam * (1.0 + premium)
    total = (w_mex * mexican + w_can * p_can) / np.maximum(w_mex + w_can, 1e-12)
    return total * (1.0 + x.buffer_cost[:, None, None] * x.buffer_weeks[None, :, None])


def landed_cost_index(x: KpiInputs) -> np.ndarray:
    """The landed cost as an index, baseline = 100 in every year."""
    total = x.landed_cost
    reference = total[:, :1] if x.landed_reference is None else x.landed_reference
    return 100.0 * total / reference


def disruption_days(x: KpiInputs) -> np.ndarray:
    buffer_days = DAYS_PER_WEEK * x.buffer_weeks[None, :, None, None]
    uncovered = np.maximum(x.event_days - buffer_days, 0.0) * x.event_exposure
    return uncovered.sum(-1) * (1.0 - x.dual_share[None, :, None])


def sourcing_hhi(x: KpiInputs) -> np.ndarray:
    usa, mex, cam = x.r("USA"), x.r("MEX"), x.r("CAM")
    by_supplier = x.flows[..., usa].sum(axis=-2)  # (D, K, Y, R)
    by_supplier[..., usa] = 0.0
    # The dual-sourced share of the buyer's Mexican supply comes from Central America instead.
    moved = by_supplier[..., mex] * x.dual_share[None, :, None]
    by_supplier[..., mex] -= moved
    by_supplier[..., cam] += moved
    total = by_supplier.sum(-1, keepdims=True)
    return 10_000.0 * ((by_supplier / np.maximum(total, 1e-12)) ** 2).sum(-1)


def _effective_tariff(x: KpiInputs, exporters: list[int]) -> np.ndarray:
    into_us = x.flows[..., exporters, x.r("USA")]  # (D, K, Y, S, E)
    paid = (x.tariff_us[..., exporters] * into_us).sum(axis=(-1, -2))
    return 100.0 * paid / np.maximum(into_us.sum(axis=(-1, -2)), 1e-12)


def preference_margin(x: KpiInputs) -> np.ndarray:
    usa, can = x.r("USA"), x.r("CAN")
    rivals = [x.r("CHN"), x.r("ROW")]
    mix = x.flows[..., can, usa]  # Canada's sector mix (D, K, Y, S)
    rival_w = x.flows[..., rivals, usa]
    rival_rate = (x.tariff_us[..., rivals] * rival_w).sum(-1) / np.maximum(rival_w.sum(-1), 1e-12)
    gap = rival_rate - x.tariff_us[..., can]
    return 100.0 * (gap * mix).sum(-1) / np.maximum(mix.sum(-1), 1e-12)


KPI_FUNCTIONS: dict[str, Callable[[KpiInputs], np.ndarray]] = {
    "us_landed_cost_index": landed_cost_index,
    "us_disruption_days": disruption_days,
    "us_sourcing_hhi": sourcing_hhi,
    "us_effective_tariff_mx_ca_pct": lambda x: _effective_tariff(x, [x.r("MEX"), x.r("CAN")]),
    "mx_sse_exports_usd_m": lambda x: x.mx_exports[..., x.target_region],
    "mx_sse_investment_usd_m": lambda x: x.mx_investment[..., x.target_region],
    "mx_sse_jobs": lambda x: x.mx_jobs[..., x.target_region],
    "mx_exports_usd_m": lambda x: x.flows[..., x.r("MEX"), :].sum(axis=(-1, -2)),
    "mx_regional_hhi": lambda x: x.mx_hhi,
    "ca_exports_us_usd_m": lambda x: x.flows[..., x.r("CAN"), x.r("USA")].sum(-1),
    "ca_effective_tariff_pct": lambda x: _effective_tariff(x, [x.r("CAN")]),
    "ca_preference_margin_pp": preference_margin,
    "welfare_usa_usd_m": lambda x: x.welfare[..., x.r("USA")],
    "welfare_mex_usd_m": lambda x: x.welfare[..., x.r("MEX")],
    "welfare_can_usd_m": lambda x: x.welfare[..., x.r("CAN")],
    "mx_leverage_ratio": lambda x: x.leverage,
    "us_trade_balance_mx_usd_m": lambda x: (
        x.flows[..., x.r("USA"), x.r("MEX")] - x.flows[..., x.r("MEX"), x.r("USA")]
    ).sum(-1),
}


def compute_kpis(ids: tuple[str, ...], inputs: KpiInputs) -> dict[str, np.ndarray]:
    """Each KPI id (D, K, Y); an id the engine does not know is NaN (named in the table only)."""
    shape = inputs.welfare.shape[:-1]
    out = {}
    for kpi_id in ids:
        fn = KPI_FUNCTIONS.get(kpi_id)
        out[kpi_id] = fn(inputs) if fn is not None else np.full(shape, np.nan)
    return out


def firm_levers(
    settings_list, params: Params
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(dual share (K,), premium (D,), buffer weeks (K,), carrying cost (D,)) of each run."""
    dual = np.zeros(len(settings_list))
    weeks = np.zeros(len(settings_list))
    for k, s in enumerate(settings_list):
        p = s.lever(DUAL_LEVER)
        if p is not None:
            dual[k] = s.number(p, "share_pct", 0.0) / 100.0
        p = s.lever(BUFFER_LEVER)
        if p is not None:
            weeks[k] = s.number(p, "weeks", 0.0)
    d = params.draws
    premium = (
        params.effect(DUAL_LEVER, "cost_premium_pct") / 100.0
        if params.has_effect(DUAL_LEVER, "cost_premium_pct")
        else np.zeros(d)
    )
    carry = (
        params.effect(BUFFER_LEVER, "carrying_cost_pct_per_week") / 100.0
        if params.has_effect(BUFFER_LEVER, "carrying_cost_pct_per_week")
        else np.zeros(d)
    )
    return dual, premium, weeks, carry
