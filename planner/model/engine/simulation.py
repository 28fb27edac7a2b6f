"""One simulation: baseline and scenario (and their disagreement points), all years, one solve.

Order of work, all vectorised over draws D, years Y and sectors S:
1. corridor (logistics) of each run -> extra days by origin and destination group;
2. regional capacity and shares -> Mexico's export trade costs by sector, supply shift;
3. tariff paths of each run and of its disagreement point (USMCA preferences withdrawn);
   (1-3: ``run_inputs``)
4. ONE trade-core solve over every run still to solve x (Y, S) markets, against the base
   year (2024 tariffs; flows grown with each importer's demand growth) (``solved_runs``);
5. regional outcome and KPIs.

This module holds the last step: the solved runs stacked into one ``Simulation`` with their
KPIs (``combine``).  The baseline does not depend on the scenario's levers: the central
engine keeps its solved run (``solved_runs.RunOutput``) and then solves only the scenario
and its disagreement point.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planner.model.engine import linear_batch, regions
from planner.model.engine.alignment import leverage_ratio
from planner.model.engine.kpis import (
    DAYS_PER_WEEK,
    KpiInputs,
    compute_kpis,
    firm_levers,
)
from planner.model.engine.logistics import CorridorResult
from planner.model.engine.prepared import Prepared
from planner.model.engine.run_inputs import grown_into
from planner.model.engine.settings import ScenarioSettings
from planner.model.engine.solved_runs import RunOutput
from planner.model.engine.uncertainty import Params

WELFARE_PARTS = ("consumer", "producer", "tariff_revenue", "total")


@dataclass(frozen=True)
class Simulation:
    """Arrays with axes (D, K, Y, ...): K = 0 baseline, 1 scenario (each run's tariffs and
    trade costs are in ``runs``)."""

    flows: np.ndarray  # (D, K, Y, S, R, R)
    welfare: dict[str, np.ndarray]  # part -> (D, K, Y, R)
    leverage: np.ndarray  # (D, K, Y)
    corridors: tuple[CorridorResult, ...]  # per run
    mx_exports: np.ndarray  # (D, K, Y, M)
    mx_investment: np.ndarray
    mx_jobs: np.ndarray
    kpis: dict[str, np.ndarray]  # id -> (D, K, Y)
    runs: tuple[RunOutput, ...]
    form: str
    converged: bool
    landed_cost: np.ndarray | None = None  # (D, K, Y) when asked for (``keep_landed``)
    # (D, K, Y, 2) the US's and Mexico's welfare lost at the disagreement point (USD m): the
    # leverage ratio's numerator and denominator, shown beside it.
    threat_losses: np.ndarray | None = None


def _column(iceberg: np.ndarray | linear_batch.RowScaled, importer: int) -> np.ndarray:
    """(D, Y, S, R) of a (D, Y, S, R, R) array or ``RowScaled`` into ``importer``."""
    if isinstance(iceberg, linear_batch.RowScaled):
        return iceberg.column(importer)
    return iceberg[..., importer]


def combine(
    prep: Prepared,
    settings: tuple[ScenarioSettings, ...],
    outputs: tuple[RunOutput, ...],
    params: Params,
    years: np.ndarray,
    kpi_ids: tuple[str, ...],
    landed_reference: np.ndarray | None = None,
    keep_landed: bool = False,
) -> Simulation:
    """Stack the runs (K axis: the baseline first) and compute the KPIs.

    ``landed_reference`` (D, 1, Y): the baseline's landed cost, when ``outputs`` are other
    runs only; ``keep_landed``: also return each run's landed cost (to be that reference).
    """
    usa, mex = prep.ridx["USA"], prep.ridx["MEX"]

    def stack(get) -> np.ndarray:
        parts = [get(o) for o in outputs]
        if len(parts) == 1:  # a Monte Carlo pass: a view, nothing to copy
            return parts[0][:, None]
        # One concatenate of (D, 1, ...) views: np.stack's checks, or an empty array filled
        # run by run, cost more (~2 µs a call of these 13).  The first run's dtype, as before.
        views = [part[:, None] for part in parts]
        return np.concatenate(views, axis=1, dtype=parts[0].dtype, casting="unsafe")

    welfare = {p: stack(lambda o, p=p: o.welfare[p]) for p in WELFARE_PARTS}
    disagreement = stack(lambda o: o.welfare_disagreement)
    leverage = leverage_ratio(welfare["total"], disagreement, usa, mex)
    threat_losses = (welfare["total"] - disagreement)[..., (usa, mex)]
    dual, premium, buffer_weeks, carry = firm_levers(settings, params)
    corridors = tuple(o.corridor for o in outputs)
    event_days, exposure = _events(corridors, params.draws, len(years))
    inputs = KpiInputs(
        regions=prep.model.regions,
        flows_start_us=grown_into(prep, params, years, usa)[:, None],
        flows=stack(lambda o: o.flows),
        tariff_base_us=prep.tariff_base[..., usa],
        tariff_us=stack(lambda o: o.tariff[..., usa]),
        iceberg_us=stack(lambda o: _column(o.iceberg, usa)),
        world_price=stack(lambda o: o.world_price),
        welfare=welfare["total"],
        leverage=leverage,
        mx_exports=stack(lambda o: o.regional.exports),
        mx_investment=stack(lambda o: o.regional.investment),
        mx_jobs=stack(lambda o: o.regional.jobs),
        mx_hhi=stack(lambda o: o.regional.hhi),
        target_region=prep.midx.get(regions.TARGET_REGION, 0),
        event_days=event_days,
        event_exposure=exposure,
        dual_share=dual,
        dual_premium=premium,
        buffer_weeks=buffer_weeks,
        buffer_cost=carry,
        landed_reference=landed_reference,
    )
    return Simulation(
        flows=inputs.flows,
        welfare=welfare,
        leverage=leverage,
        threat_losses=threat_losses,
        corridors=corridors,
        mx_exports=inputs.mx_exports,
        mx_investment=inputs.mx_investment,
        mx_jobs=inputs.mx_jobs,
        kpis=compute_kpis(kpi_ids, inputs),
        runs=tuple(outputs),
        form=outputs[-1].form,
        converged=all(o.converged for o in outputs),
        landed_cost=inputs.landed_cost if keep_landed else None,
    )


def _events(corridors, draws: int, years: int) -> tuple[np.ndarray, np.ndarray]:
    """(D, K, Y, V) interruption days and US-bound exposure of every event of every run."""
    ids = sorted({e for c in corridors for e in c.event_weeks})
    days = np.zeros((draws, len(corridors), years, max(1, len(ids))))
    exposure = np.zeros_like(days)
    for k, c in enumerate(corridors):
        for v, event in enumerate(ids):
            if event in c.event_weeks:
                days[:, k, :, v] = c.event_weeks[event] * DAYS_PER_WEEK
                exposure[:, k, :, v] = c.event_exposure[event]
    return days, exposure
