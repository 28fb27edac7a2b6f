"""The economic engine: ``evaluate(model, scenario) -> Results``.

Pure functions over numpy arrays (DESIGN §5).  The baseline is current policy (or, with
``reference="status_quo"``, the 2024 status quo without the 2025-26 tariff actions); the
scenario is the baseline plus the scenario's levers, alignments and shocks.  Both runs,
and the disagreement points that give Mexico's bargaining leverage, are solved in one
batched trade-core call.  With ``draws`` the same code runs again over that many parameter
draws (in chunks, so a TaskState can cancel it) and the results carry p10/p50/p90 bands.
"""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Any, Literal

import numpy as np

from planner.model.data import ModelData
from planner.model.engine.prepared import prepare
from planner.model.engine.settings import ScenarioSettings, settings_key, settings_of
from planner.model.engine.simulation import (
    BATCH_FORM,
    WELFARE_PARTS,
    Simulation,
    combine,
    solve_runs,
)
from planner.model.engine.uncertainty import (
    Cancelled,
    TaskState,
    central_params,
    chunks,
    draw_params,
    quantile_bands,
    quantile_bands_last,
    slice_params,
)
from planner.model.results import Results, total_trade

__all__ = ["Cancelled", "TaskState", "evaluate"]

Reference = Literal["current_policy", "status_quo"]
# Draws per vectorised pass.  Measured for 1,000 draws of the busy scenario: 50 draws a
# pass peaked ~97 MB above the process and took ~2.9 s; 20-25 peak ~60 MB and are no slower
# (a pass's arrays, ~1 MB each, then stay in the CPU caches); cancel stays prompt.
CHUNK_DRAWS = 20
# Threads sharing the chunks: ~1.7x on two cores (measured), the answer unchanged.
MONTE_CARLO_THREADS = min(2, os.cpu_count() or 1)
# Monte Carlo draws are solved with the linear GSIM and centred on the exact (CES) central
# run: band = CES central + (linear draw - linear central).  The draws then measure how
# parameter uncertainty spreads the result, at a fraction of the CES cost.  The linear form
# is solved by ``linear_batch`` (one factorisation per draw, year and sector, the runs as
# right-hand sides): the same equations as ``trade.solve_gsim(form="linear")``.
MONTE_CARLO_FORM = BATCH_FORM


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
        bands, delta_bands, trade_bands = _monte_carlo(
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


def _monte_carlo(prep, model, runs, overrides, n, seed, years, kpi_ids, form, central, task):
    params = draw_params(model, overrides, n, seed)
    fixed = [c for c in central.corridors]
    offset_kpi = dict.fromkeys(kpi_ids, 0.0)
    offset_flow = 0.0
    if form != MONTE_CARLO_FORM:
        # The linear central run, to centre the linear draws on the exact central run.
        frozen = tuple(sorted(overrides.items()))
        p0 = prep.remember(("params", frozen), lambda: central_params(model, overrides))
        lin = combine(
            prep,
            runs,
            tuple(solve_runs(prep, list(runs), p0, years, MONTE_CARLO_FORM, fixed)),
            p0,
            years,
            kpi_ids,
        )
        offset_kpi = {k: central.kpis[k][0] - lin.kpis[k][0] for k in kpi_ids}  # (K, Y)
        offset_flow = central.flows[0, 1] - lin.flows[0, 1]
    kpi_samples = {k: np.empty((n, 2, len(years))) for k in kpi_ids}
    # Draw-last, so the bands partition it in place: 1,000 draws of every flow is the
    # largest array of the run, and np.quantile would copy it twice.  float32 (7 digits,
    # flows are shown with 3-4) halves it to 28 MB.
    cells = central.flows.shape[2:]
    flow_samples = np.empty((int(np.prod(cells)), n), dtype=np.float32)
    total_samples = np.empty((n, len(years), len(model.regions)))

    def one_chunk(rows: slice) -> None:
        if task is not None:
            task.check()
        chunk = slice_params(params, rows)
        outputs = solve_runs(prep, list(runs), chunk, years, MONTE_CARLO_FORM, fixed)
        sim = combine(prep, runs, tuple(outputs), chunk, years, kpi_ids)
        for k in kpi_ids:
            kpi_samples[k][rows] = sim.kpis[k] + offset_kpi[k]
        scenario_flows = np.maximum(sim.flows[:, 1] + offset_flow, 0.0)
        flow_samples[:, rows] = scenario_flows.reshape(len(scenario_flows), -1).T
        total_samples[rows] = total_trade(scenario_flows)

    parts = list(chunks(n, CHUNK_DRAWS))
    workers = min(MONTE_CARLO_THREADS, len(parts))
    if workers <= 1:
        for i, rows in enumerate(parts):
            one_chunk(rows)
            if task is not None:
                task.report((i + 1) / len(parts))
    else:
        _run_parallel(one_chunk, parts, workers, task)
    if task is not None:
        task.check()
    bands = {k: _nan_bands(v[:, 1]) for k, v in kpi_samples.items()}
    delta = {k: _nan_bands(v[:, 1] - v[:, 0]) for k, v in kpi_samples.items()}
    flow_bands = quantile_bands_last(flow_samples).reshape((3, *cells)).astype(float)
    return bands, delta, (flow_bands, quantile_bands(total_samples))


def _run_parallel(work, parts: list[slice], workers: int, task: TaskState | None) -> None:
    """``work(rows)`` for every chunk on ``workers`` threads (numpy releases the interpreter
    lock in its array loops and LAPACK calls).  Each chunk writes its own rows, so the result
    is the same as one thread's.  A failure or a cancel stops the chunks not yet started."""
    stop = threading.Event()

    def guarded(rows: slice) -> None:
        if stop.is_set():
            return
        work(rows)

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="planner-draws") as pool:
        futures = [pool.submit(guarded, rows) for rows in parts]
        try:
            for done, future in enumerate(as_completed(futures), start=1):
                future.result()
                if task is not None:
                    task.report(done / len(parts))
        finally:
            stop.set()


def _nan_bands(samples: np.ndarray) -> np.ndarray:
    if np.isnan(samples).any():
        if np.isnan(samples).all(axis=0).any():
            out = np.full((3, *samples.shape[1:]), np.nan)
            ok = ~np.isnan(samples).all(axis=0)
            out[:, ok] = np.nanquantile(samples[:, ok], (0.1, 0.5, 0.9), axis=0)
            return out
        return np.nanquantile(samples, (0.1, 0.5, 0.9), axis=0)
    return quantile_bands(samples)


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
