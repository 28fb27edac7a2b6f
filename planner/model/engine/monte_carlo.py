"""The Monte Carlo bands of ``evaluate`` (``monte_carlo_bands``): the baseline's and the
scenario's parameter draws solved with the linear GSIM in chunks on a few threads, centred on
the exact central run, and their p10/p50/p90 of the KPIs, KPI deltas, flows and total trade."""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

import numpy as np

from planner.model.engine import logistics
from planner.model.engine.per_thread import matmul_on_one_thread
from planner.model.engine.prepared import read_only
from planner.model.engine.settings import settings_key
from planner.model.engine.simulation import combine
from planner.model.engine.solved_runs import BATCH_FORM, solve_runs
from planner.model.engine.uncertainty import (
    TaskState,
    central_params,
    chunks,
    draw_params,
    quantile_bands,
    quantile_bands_last,
    slice_params,
)

# Draws per chunk of a pass.  Larger chunks cut per-chunk overhead (~5.7 ms of mostly
# interpreter-bound work a chunk) and the time threads wait for the interpreter lock:
# paired in one process, 60, 80 and 100 took 0.90, 0.84 and 0.81 of 40's time, while the
# app's peak during its first run was 290 (40), 305, 322 and 337 MB (232 MB after it in
# each case, with one malloc arena: see planner.native_memory).  80 takes most of the gain
# for a transient 32 MB; a cancel lands within one chunk (~80-120 ms).  The chunk split
# moves bands by float32 round-off only (at most 1.7e-5 of the leverage ratio's largest
# value against 40, the central columns not at all).
CHUNK_DRAWS = 80
# Threads sharing the chunks: ~1.7x on two cores (measured), the answer unchanged.
MONTE_CARLO_THREADS = min(2, os.cpu_count() or 1)
# Monte Carlo draws are solved with the linear GSIM and centred on the exact (CES) central
# run: band = CES central + (linear draw - linear central).  The draws then measure how
# parameter uncertainty spreads the result, at a fraction of the CES cost.  The linear form
# is solved by ``linear_batch`` (one factorisation per draw, year and sector, the runs as
# right-hand sides): the same equations as ``trade.solve_gsim(form="linear")``.
MONTE_CARLO_FORM = BATCH_FORM


@dataclass
class _Draws:
    """One run's Monte Carlo samples (draws first): KPIs, landed cost and, if kept, flows."""

    kpis: dict[str, np.ndarray]  # id -> (n, Y), centred on the exact central run
    landed: np.ndarray  # (n, 1, Y) landed cost of the linear draws (the baseline's reference)
    flows: np.ndarray | None = None  # (cells, n) float32, draw-last (for in-place bands)
    totals: np.ndarray | None = None  # (n, Y, R) total trade of each exporter


def monte_carlo_bands(prep, model, runs, overrides, n, seed, years, kpi_ids, form, central, task):
    """p10/p50/p90 of the KPIs, their deltas, the flows and total trade over ``n`` draws.

    The baseline's draws and the scenario's are solved in passes of their own.  The
    baseline's samples do not depend on the scenario, so they are remembered (per model,
    overrides, draws, seed and horizon) and a scenario edit only solves its own draws: half
    the work of solving both.  Solving them apart always, not only when cached, keeps a
    result independent of what was evaluated before it.
    """
    baseline, settings = runs
    frozen = tuple(sorted(overrides.items()))
    params = draw_params(model, overrides, n, seed)
    same = settings_key(settings) == settings_key(baseline)
    key = ("monte_carlo_baseline", frozen, n, seed, tuple(years), settings_key(baseline), form)
    base = prep.recall(key)
    passes = 1 if base is not None or same else 2  # for the progress report
    done = 0
    # The base-year network of every draw: the same for both passes, cut per chunk.
    network = logistics.reference(prep, params)

    def one_pass(k: int, reference: _Draws | None, keep_flows: bool) -> _Draws:
        nonlocal done
        spread = None if task is None else _Span(task, done / passes, 1.0 / passes)
        done += 1
        return _draw_pass(
            prep,
            (runs[k], central.corridors[k], network),
            params,
            years,
            kpi_ids,
            _offsets(prep, model, runs, overrides, years, kpi_ids, form, central, k),
            reference,
            keep_flows,
            spread,
        )

    if base is None:
        base = one_pass(0, None, keep_flows=same)
        # Samples only: the flows (28 MB) are not kept beyond this run.
        prep.remember(key, lambda: read_only(_Draws(base.kpis, base.landed)))
    scen = base if same and base.flows is not None else one_pass(1, base, keep_flows=True)
    if task is not None:
        task.check()
    drawn = np.stack([scen.kpis[k] for k in kpi_ids], axis=1)  # (n, K, Y)
    bands = _kpi_bands(drawn, kpi_ids)
    delta = _kpi_bands(drawn - np.stack([base.kpis[k] for k in kpi_ids], axis=1), kpi_ids)
    cells = central.flows.shape[2:]
    flow_bands = quantile_bands_last(scen.flows).reshape((3, *cells)).astype(float)
    return bands, delta, (flow_bands, quantile_bands(scen.totals))


def _offsets(prep, model, runs, overrides, years, kpi_ids, form, central, k):
    """(KPI offsets {id: (Y,)}, flow offset) centring run ``k``'s linear draws on the exact
    central run: band = CES central + (linear draw - linear central)."""
    if form == MONTE_CARLO_FORM:
        return dict.fromkeys(kpi_ids, 0.0), 0.0
    frozen = tuple(sorted(overrides.items()))
    p0 = prep.remember(("params", frozen), lambda: central_params(model, overrides))

    def linear(j: int, reference=None):
        (out,) = solve_runs(
            prep, [runs[j]], p0, years, MONTE_CARLO_FORM, [central.corridors[j]], detail=False
        )
        return combine(
            prep, (runs[j],), (out,), p0, years, kpi_ids, reference, keep_landed=reference is None
        )

    # The baseline's: its own offsets, and the landed-cost reference of the scenario's.
    key = ("linear_central", frozen, tuple(years), settings_key(runs[0]))
    lin = prep.memo(key, lambda: linear(0))
    if k == 1:
        lin = linear(1, lin.landed_cost)
    offset_kpi = {i: central.kpis[i][0, k] - lin.kpis[i][0, 0] for i in kpi_ids}
    return offset_kpi, central.flows[0, k] - lin.flows[0, 0]


@dataclass
class _Span:
    """A pass's share of the whole run's progress (0..1 of the pass -> its part of the run)."""

    task: TaskState
    start: float
    width: float

    def check(self) -> None:
        self.task.check()

    def report(self, fraction: float) -> None:
        self.task.report(self.start + self.width * fraction)


def _draw_pass(prep, run, params, years, kpi_ids, offsets, reference, keep_flows, task) -> _Draws:
    """Every draw of one run, in chunks.  ``run``: its settings, its central corridor and
    the base-year network of every draw (``logistics.reference``)."""
    settings, corridor, network = run
    offset_kpi, offset_flow = offsets
    # In the samples' own precision, once a pass: a float64 offset would make every chunk's
    # flows float64 only to round them back.
    offset_flow = np.asarray(offset_flow, dtype=np.float32)
    n = params.draws
    kpis = {k: np.empty((n, len(years))) for k in kpi_ids}
    landed = np.empty((n, 1, len(years)))
    flows = totals = None
    if keep_flows:
        # Draw-last, so the bands sort it in place: 1,000 draws of every flow is the largest
        # array of the run, and np.quantile would copy it twice.  float32 (7 digits, flows
        # are shown with 3-4) halves it to 28 MB.
        cells = int(np.prod(prep.model.flows_usd_m.shape)) * len(years)
        flows = np.empty((cells, n), dtype=np.float32)
        totals = np.empty((n, len(years), len(prep.model.regions)))
        trade_weights = _trade_weights(prep)

    def one_chunk(rows: slice) -> None:
        if task is not None:
            task.check()
        chunk = slice_params(params, rows)
        (out,) = solve_runs(
            prep,
            [settings],
            chunk,
            years,
            MONTE_CARLO_FORM,
            [corridor],
            reference=network.take(rows),
            detail=False,
        )
        ref = None if reference is None else reference.landed[rows]
        sim = combine(prep, (settings,), (out,), chunk, years, kpi_ids, ref, ref is None)
        for k in kpi_ids:
            kpis[k][rows] = sim.kpis[k][:, 0] + offset_kpi[k]
        if ref is None:
            landed[rows] = sim.landed_cost
        if flows is not None:
            # In place: the solve's new array, read by nothing after the KPIs (float32).
            drawn = sim.flows[:, 0]
            np.add(drawn, offset_flow, out=drawn)
            np.maximum(drawn, 0.0, out=drawn)
            flows[:, rows] = drawn.reshape(len(drawn), -1).T
            # ``total_trade`` as one product over the (exporter, importer) pairs, summed in
            # float64 (a region's own cell weighs 0: its float32 rounding stays out).
            by_pair = drawn.sum(axis=-3, dtype=np.float64)  # (d, Y, R, R)
            pairs = by_pair.reshape(-1, trade_weights.shape[0])
            matmul_on_one_thread(pairs, trade_weights, totals[rows].reshape(len(pairs), -1))

    parts = list(chunks(n, CHUNK_DRAWS))
    workers = min(MONTE_CARLO_THREADS, len(parts))
    if workers <= 1:
        for i, rows in enumerate(parts):
            one_chunk(rows)
            if task is not None:
                task.report((i + 1) / len(parts))
    else:
        _run_parallel(one_chunk, parts, workers, task)
    return _Draws(kpis, landed if reference is None else reference.landed, flows, totals)


def _trade_weights(prep) -> np.ndarray:
    """(R·R, R) 0/1: the flow of an (exporter, importer) pair counts in both regions' total
    trade (``total_trade``), a region's own cell in neither."""

    def make() -> np.ndarray:
        eye = np.eye(len(prep.model.regions))
        weights = (eye[:, None, :] + eye[None, :, :]).reshape(-1, len(eye))
        weights[:: len(eye) + 1] = 0.0
        return read_only(weights)

    return prep.remember(("trade_weights",), make)


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


def _kpi_bands(samples: np.ndarray, kpi_ids) -> dict[str, np.ndarray]:
    """``_nan_bands`` of every KPI of ``samples`` (n, K, Y): those without a NaN draw in
    one call (a column's quantiles do not depend on the others': the same numbers), at a
    fraction of the cost of a call per KPI, which is serial time after the draws."""
    has_nan = np.isnan(samples).any(axis=(0, 2))
    clean = np.flatnonzero(~has_nan)
    out = {}
    if len(clean):
        together = quantile_bands(samples[:, clean]).transpose(1, 0, 2).copy()  # (K, 3, Y)
        out = {kpi_ids[i]: together[j] for j, i in enumerate(clean)}
    for i in np.flatnonzero(has_nan):
        out[kpi_ids[i]] = _nan_bands(samples[:, i])
    return {k: out[k] for k in kpi_ids}


def _nan_bands(samples: np.ndarray) -> np.ndarray:
    if np.isnan(samples).any():
        if np.isnan(samples).all(axis=0).any():
            out = np.full((3, *samples.shape[1:]), np.nan)
            ok = ~np.isnan(samples).all(axis=0)
            out[:, ok] = np.nanquantile(samples[:, ok], (0.1, 0.5, 0.9), axis=0)
            return out
        return np.nanquantile(samples, (0.1, 0.5, 0.9), axis=0)
    return quantile_bands(samples)
