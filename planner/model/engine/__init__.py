"""The economic engine: ``evaluate(model, scenario) -> Results``.

Pure functions over numpy arrays (DESIGN §5).  The baseline is current policy (or, with
``reference="status_quo"``, the 2024 status quo without the 2025-26 tariff actions); the
scenario is the baseline plus the scenario's levers, alignments and shocks.  Both runs,
and the disagreement points that give Mexico's bargaining leverage, are solved in one
batched trade-core call.  With ``draws`` the same code runs again over that many parameter
draws (in chunks, so a TaskState can cancel it) and the results carry p10/p50/p90 bands.
"""

from __future__ import annotations

import time
from typing import Any, Literal

import numpy as np

from planner.model.data import ModelData
from planner.model.engine.monte_carlo import monte_carlo_bands
from planner.model.engine.prepared import prepare
from planner.model.engine.settings import ScenarioSettings, settings_key, settings_of
from planner.model.engine.simulation import WELFARE_PARTS, Simulation, combine
from planner.model.engine.solved_runs import solve_runs
from planner.model.engine.uncertainty import Cancelled, TaskState, central_params
from planner.model.results import Results

__all__ = ["Cancelled", "TaskState", "evaluate"]

Reference = Literal["current_policy", "status_quo"]


def evaluate(
    model: ModelData,
    scenario: Any,
    draws: int | None = None,
    task: TaskState | None = None,
    reference: Reference = "current_policy",
    form: str = "ces",
) -> Results:
    """Evaluate ``scenario`` against the baseline for every year of its horizon.

    ``draws`` None or 0: the central run only; n > 0: also n Monte Carlo draws with the
    scenario's seed.  ``task`` reports progress and may cancel (raises Cancelled).
    ``form``: the trade core's "ces" (exact, default) or "linear" GSIM.
    """
    started = time.perf_counter()
    prep = prepare(model)
    settings = settings_of(scenario, model.catalog)
    if reference not in ("current_policy", "status_quo"):
        raise ValueError(f"reference must be 'current_policy' or 'status_quo', got {reference!r}")
    baseline = ScenarioSettings(settings.start, settings.end, status_quo=reference == "status_quo")
    years = np.asarray(model.years)
    years = years[(years >= settings.start) & (years <= settings.end)]
    kpi_ids = prep.remember(("kpi_ids",), lambda: tuple(str(k) for k in model.kpis["id"]))
    overrides = dict(getattr(scenario, "overrides", {}) or {})
    central = _central(prep, model, (baseline, settings), overrides, years, kpi_ids, form)
    bands = delta_bands = trade_bands = None
    n = int(draws or 0)
    if n > 0:
        seed = int(getattr(getattr(scenario, "uncertainty", None), "seed", 0) or 0)
        bands, delta_bands, trade_bands = monte_carlo_bands(
            prep,
            model,
            (baseline, settings),
            overrides,
            n,
            seed,
            years,
            kpi_ids,
            form,
            central,
            task,
        )
    elapsed = (time.perf_counter() - started) * 1e3
    return _results(
        model,
        scenario,
        years,
        central,
        kpi_ids,
        elapsed,
        reference,
        n,
        bands,
        delta_bands,
        trade_bands,
    )


def _central(prep, model, runs, overrides, years, kpi_ids, form) -> Simulation:
    """The central run; the baseline's solved run is reused across scenarios."""
    frozen = tuple(sorted(overrides.items()))
    params = prep.remember(("params", frozen), lambda: central_params(model, overrides))
    baseline, settings = runs
    key = ("baseline", baseline.status_quo, tuple(years), frozen, form)
    base = prep.cache.get(key)
    memo = ("central", frozen)
    # A scenario that changes nothing IS the baseline: its run is the baseline's run.
    same = settings_key(settings) == settings_key(baseline)
    if base is None:
        (base,) = solve_runs(prep, [baseline], params, years, form, memo=memo)
        prep.remember(key, lambda: base)
    if same:
        scen = base
    else:
        # Always from the baseline's solution, so a result never depends on what was
        # evaluated before it (the Newton start changes digits below the tolerance).
        (scen,) = solve_runs(prep, [settings], params, years, form, memo=memo, warm=base)
    return combine(prep, runs, (base, scen), params, years, kpi_ids)


def _results(
    model,
    scenario,
    years,
    sim: Simulation,
    kpi_ids,
    elapsed,
    reference,
    n,
    bands,
    delta_bands,
    trade_bands,
) -> Results:
    first = lambda a: a[0, 0]  # noqa: E731 - central draw, baseline run
    second = lambda a: a[0, 1]  # noqa: E731 - central draw, scenario run
    c0, c1 = sim.corridors
    return Results(
        years=years,
        regions=model.regions,
        sectors=model.sectors,
        mx_regions=model.mx_regions,
        edge_ids=prepare(model).network.edge_ids,
        flows_base=first(sim.flows),
        flows=second(sim.flows),
        welfare={p: second(sim.welfare[p]) - first(sim.welfare[p]) for p in WELFARE_PARTS},
        welfare_base={p: first(sim.welfare[p]) for p in WELFARE_PARTS},
        welfare_scenario={p: second(sim.welfare[p]) for p in WELFARE_PARTS},
        mx_region_exports_base=first(sim.mx_exports),
        mx_region_exports=second(sim.mx_exports),
        mx_region_investment_base=first(sim.mx_investment),
        mx_region_investment=second(sim.mx_investment),
        mx_region_jobs_base=first(sim.mx_jobs),
        mx_region_jobs=second(sim.mx_jobs),
        corridor_days_base=c0.edge_days[0],
        corridor_days=c1.edge_days[0],
        corridor_utilisation_base=c0.utilisation[0],
        corridor_utilisation=c1.utilisation[0],
        tariff_base=sim.runs[0].tariff[0],
        tariff=sim.runs[1].tariff[0],
        trade_cost_base=sim.runs[0].iceberg[0] - 1.0,
        trade_cost=sim.runs[1].iceberg[0] - 1.0,
        kpi_ids=kpi_ids,
        kpi_base={k: first(v) for k, v in sim.kpis.items()},
        kpi={k: second(v) for k, v in sim.kpis.items()},
        kpi_table=model.kpis,
        leverage_base=first(sim.leverage),
        leverage=second(sim.leverage),
        leverage_losses_base=None if sim.threat_losses is None else first(sim.threat_losses),
        leverage_losses=None if sim.threat_losses is None else second(sim.threat_losses),
        compute_ms=elapsed,
        scenario=scenario,
        model_version=model.version,
        model_fingerprint=model.fingerprint,
        reference=reference,
        trade_form=sim.form,
        draws=n,
        bands=bands,
        delta_bands=delta_bands,
        flow_bands=None if trade_bands is None else trade_bands[0],
        trade_total_bands=None if trade_bands is None else trade_bands[1],
    )
