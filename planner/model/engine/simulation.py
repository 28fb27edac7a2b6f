"""One simulation: baseline and scenario (and their disagreement points), all years, one solve.

Order of work, all vectorised over draws D, years Y and sectors S:
1. corridor (logistics) of each run -> extra days by origin and destination group;
2. regional capacity and shares -> Mexico's export trade costs by sector, supply shift;
3. tariff paths of each run and of its disagreement point (USMCA preferences withdrawn);
4. ONE trade-core solve over every run still to solve x (Y, S) markets, against the base
   year (2024 tariffs; flows grown with each importer's demand growth);
5. regional outcome and KPIs.

The baseline does not depend on the scenario's levers: the central engine keeps its solved
run (``RunOutput``) and then solves only the scenario and its disagreement point.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from planner.model.engine import linear_batch, logistics, regions, trade
from planner.model.engine.alignment import leverage_ratio
from planner.model.engine.kpis import (
    DAYS_PER_WEEK,
    KpiInputs,
    compute_kpis,
    firm_levers,
)
from planner.model.engine.logistics import GROUPS, CorridorResult
from planner.model.engine.prepared import Prepared, read_only
from planner.model.engine.settings import ScenarioSettings, settings_key
from planner.model.engine.tariff_paths import tariff_paths, tariff_paths_cells, tariff_settings
from planner.model.engine.uncertainty import Params

WELFARE_PARTS = ("consumer", "producer", "tariff_revenue", "total")
# The linear GSIM solved with one factorisation per (draw, year, sector): Monte Carlo's form.
BATCH_FORM = "linear_batch"
# The CES solve stops when every region's excess supply is below this share of the market's
# largest sales: $3 thousand in a $300 billion market, far below any figure the app shows
# or the model's own uncertainty.  The trade core's default (1e-10) costs a second Newton
# step on most single-lever edits and two more on the disagreement points of a large shock.
SOLVE_TOLERANCE = 1e-8


@dataclass(frozen=True)
class RunOutput:
    """One solved run, axes (D, Y, ...)."""

    flows: np.ndarray  # (D, Y, S, R, R)
    tariff: np.ndarray  # (D, Y, S, R, R), float32 in Monte Carlo's draws (``solve_runs``)
    # (D, Y, S, R, R) 1 + tau against the base year (Monte Carlo's draws: ``RowScaled``)
    iceberg: np.ndarray | linear_batch.RowScaled
    world_price: np.ndarray  # (D, Y, S, R)
    welfare: dict[str, np.ndarray]  # part -> (D, Y, R)
    welfare_disagreement: np.ndarray  # (D, Y, R) total welfare at the disagreement point
    corridor: CorridorResult
    regional: regions.RegionalOutcome
    form: str
    converged: bool
    # CES log z of the run and of its disagreement point (D, 2, Y, S, R), with the
    # first-order log z of the same markets: a later solve of a nearby run starts Newton from
    # them (``trade.GsimResult.warm_start``).
    solution: tuple[np.ndarray, np.ndarray] | None = None
    tariff_disagreement: np.ndarray | None = None  # (D, Y, S, R, R) its disagreement point's


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


@dataclass(frozen=True)
class _RunInputs:
    # (D, Y, S, R, R) of the run and its disagreement point (``CellTariffs``: its cells only)
    tariff: list[np.ndarray | linear_batch.CellTariffs]
    # (D, Y, S, R, R) 1 + tau (or ``RowScaled``), shared by the run and its disagreement point
    iceberg: np.ndarray | linear_batch.RowScaled
    corridor: CorridorResult
    capacity: regions.RegionalCapacity
    shares: np.ndarray  # (D, Y, M, S) production shares (what the trade costs weigh)
    year_shares: np.ndarray  # (D, Y, M, S) shares of each year's exports (passing events)


def grown_flows(prep: Prepared, params: Params, years: np.ndarray) -> np.ndarray:
    """(D, Y, S, R, R) base flows grown with each importer's demand growth since the base."""
    t = (years - prep.model.base_year).astype(float)
    index = (1.0 + params.growth[:, None, :]) ** t[None, :, None]  # (D, Y, R)
    return prep.model.flows_usd_m[None, None] * index[:, :, None, None, :]


def _grown_into(prep: Prepared, params: Params, years: np.ndarray, importer: int) -> np.ndarray:
    """(D, Y, S, R) ``grown_flows`` into one importer, without the full array."""
    t = (years - prep.model.base_year).astype(float)
    index = (1.0 + params.growth[:, importer, None]) ** t[None, :]  # (D, Y)
    return prep.model.flows_usd_m[None, None, :, :, importer] * index[:, :, None, None]


def _group_of_importer(prep: Prepared) -> np.ndarray:
    """(R,) each importer's destination group (model-only: built once per model)."""

    def make() -> np.ndarray:
        names = {"USA": 0, "CAN": 1}
        return read_only(np.array([names.get(r, len(GROUPS) - 1) for r in prep.model.regions]))

    return prep.remember(("importer_group",), make)


def _group_weight(prep: Prepared) -> np.ndarray:
    """(S, G) where each sector's Mexican exports go in the base year."""

    def make() -> np.ndarray:
        exports = prep.model.flows_usd_m[:, prep.ridx["MEX"], :]  # (S, R)
        group = _group_of_importer(prep)
        out = np.stack([(exports * (group == g)).sum(-1) for g in range(len(GROUPS))], axis=-1)
        total = out.sum(-1, keepdims=True)
        share = np.where(total > 0, out / np.where(total > 0, total, 1.0), 1.0 / len(GROUPS))
        return read_only(share)

    return prep.remember(("group_weight",), make)


def _per_day(prep: Prepared, params: Params) -> np.ndarray:
    """(D, S) cost of one day in transit, fraction of value."""
    ids = [f"per_day_cost_pct.{s}" for s in prep.model.sectors]
    return np.stack([params.param(i) for i in ids], axis=-1) / 100.0


def _run_inputs(
    prep, settings, params, years, reference, per_day, fixed, memo, detail=True, lean=False
) -> _RunInputs:
    """A run's trade costs and tariffs.  Each part is computed from only the settings it
    reads; with ``memo`` (the central parameters' key) it is remembered under exactly those
    settings, so a cached part is the part computed afresh, bit for bit.  ``detail``: see
    ``logistics.corridor_run``; ``lean``: the run's tariffs in ``linear_batch.DTYPE``, its
    disagreement point's as ``CellTariffs`` and its trade costs as ``RowScaled`` (what
    ``linear_batch`` takes without building whole float64 arrays: Monte Carlo's draws), and
    their cheaper forms of three steps whose last digits the float32 solve does not keep:
    the BPR power in float32, the regions' cost response by exp/log1p and the trade cost's
    sum over regions as a matrix product (measured on the model's scenarios: bands move by
    under 6e-6 of each indicator's largest value; the central run is untouched)."""
    mex = prep.ridx["MEX"]
    group = _group_of_importer(prep)

    def part(name, relevant, make):
        if memo is None:
            return make(relevant)
        key = (name, memo, tuple(years.tolist()), settings_key(relevant))
        return prep.memo(key, lambda: make(relevant))

    corridor = part(
        "corridor",
        logistics.corridor_settings(prep, settings),
        lambda s: logistics.corridor_run(
            prep, s, params, years, reference, per_day, fixed, detail, float32_delays=lean
        ),
    )
    capacity = part(
        "capacity",
        regions.capacity_settings(settings),
        lambda s: regions.regional_capacity(prep, s, params, years),
    )
    # Production relocates with lasting cost changes only, not with a passing event.
    cost = regions.region_cost(corridor.extra_days_normal, per_day, _group_weight(prep))
    shares = regions.production_shares(
        prep, capacity.multiplier, cost, params.substitution, by_log=lean
    )
    tau = logistics.trade_cost(corridor.extra_days, shares, per_day, product=lean)  # (D,Y,S,G)
    # A passing event's extra days fall on the exports of the regions it cuts, in its year.
    year_shares = _event_shares(prep, params, corridor, shares, per_day)
    shift = regions.supply_shift(prep, capacity.multiplier, params.export_supply)
    factor = export_factor(tau, shift, group, mex)  # (D, Y, S, R)
    # The run's and its disagreement point's tariffs, and the iceberg both share.
    if lean:  # never the whole float64 arrays: their numbers where they are used
        tariffs, policy_iceberg = part(
            "tariff_cells",
            tariff_settings(settings),
            lambda s: _cell_tariffs(tariff_paths_cells(prep, s, params, years, linear_batch.DTYPE)),
        )
        iceberg = linear_batch.RowScaled(policy_iceberg, mex, factor)
    else:
        tariffs, policy_iceberg = part(
            "tariff",
            tariff_settings(settings),
            lambda s: _tariffs(tariff_paths(prep, s, params, years)),
        )
        iceberg = policy_iceberg.copy()  # maybe cached: never changed in place
        iceberg[..., mex, :] *= factor
    return _RunInputs(list(tariffs), iceberg, corridor, capacity, shares, year_shares)


def _event_shares(
    prep: Prepared, params: Params, corridor: CorridorResult, shares: np.ndarray, per_day
) -> np.ndarray:
    """(D, Y, M, S) the regions' shares of each year's exports: the production ``shares``
    moved by the passing events' extra cost of each region in the events' years
    (``regions.event_shares``); ``shares`` itself in a run without events."""
    weeks = list(corridor.event_weeks.values())
    if not weeks:
        return shares
    event_years = np.flatnonzero(np.logical_or.reduce([(w > 0).any(axis=0) for w in weeks]))
    if not len(event_years):
        return shares
    days = corridor.extra_days[:, event_years] - corridor.extra_days_normal[:, event_years]
    cost = regions.region_cost(days, per_day, _group_weight(prep))
    response = regions.export_cost_response(prep, params)
    return regions.event_shares(shares, cost, response, event_years)


def export_factor(
    tau: np.ndarray, supply_shift: np.ndarray, group: np.ndarray, mex: int
) -> np.ndarray:
    """(D, Y, S, R) iceberg factor on Mexico's exports to each importer: its destination
    group's (1 + tau) (D, Y, S, G) times the log supply shift (D, Y, S), 1 on Mexico's own
    cell.  ``group`` (R,) each importer's group."""
    # Every importer of a group has its group's factor: log1p and exp on the G groups, then
    # spread to the R importers (the same numbers, at 3/8 of the transcendental calls).
    factor = np.exp(np.log1p(tau) + supply_shift[..., None]).take(group, axis=-1)
    factor[..., mex] = 1.0  # Mexico's own diagonal cell is not trade: exp(0)
    return factor


def _tariffs(paths) -> tuple[tuple[np.ndarray, ...], np.ndarray]:
    return tuple(p.tariff for p in paths), paths[0].iceberg


def _cell_tariffs(paths) -> tuple[tuple[np.ndarray, linear_batch.CellTariffs], np.ndarray]:
    run, disagreement = paths
    return (run.tariff, disagreement), run.iceberg


def solve_runs(
    prep: Prepared,
    runs: list[ScenarioSettings],
    params: Params,
    years: np.ndarray,
    form: str,
    fixed: list[CorridorResult | None] | None = None,
    memo: tuple | None = None,
    warm: RunOutput | None = None,
    reference: logistics.Assignment | None = None,
    detail: bool = True,
) -> list[RunOutput]:
    """Solve ``runs`` (each with its disagreement point) in ONE trade-core call.

    ``memo``: a hashable key of ``params`` (central parameters only): the runs' corridor,
    regional capacity and tariff paths are then remembered on the settings each reads.
    ``warm``: a solved run with the same parameters and years (the baseline): a single run
    is then solved from its solution (same answer, fewer Newton steps).
    ``reference``: ``logistics.reference`` of ``params``, when the caller already has it.
    ``detail`` False: the corridors without their edge days and utilisation (Monte Carlo's
    draws, which read only trade costs and events); with ``BATCH_FORM`` also the lean
    inputs of ``_run_inputs``: float32 tariffs, a ``RowScaled`` iceberg, no disagreement
    point's whole tariffs (``tariff_disagreement`` None).
    """
    if reference is None and memo is not None:
        reference = prep.memo(("reference", memo), lambda: logistics.reference(prep, params))
    elif reference is None:
        reference = logistics.reference(prep, params)
    if memo is None:
        per_day = _per_day(prep, params)
    else:  # the central parameters': one lookup per sector is ~2% of a central evaluate
        per_day = prep.memo(("per_day", memo), lambda: _per_day(prep, params))
    fixed = fixed or [None] * len(runs)
    # Parts are remembered only with the corridor's detail: a later run may show it.
    remember = memo if detail else None
    inputs = [
        _run_inputs(
            prep,
            s,
            params,
            years,
            reference,
            per_day,
            f,
            remember if f is None else None,
            detail,
            lean=form == BATCH_FORM and not detail,
        )
        for s, f in zip(runs, fixed, strict=True)
    ]
    tariff_new = [t for i in inputs for t in i.tariff]  # 2K x (D, Y, S, R, R)
    iceberg_new = [i.iceberg for i in inputs for _ in i.tariff]
    if warm is not None and len(runs) == 1 and _same_markets(inputs[0], warm):
        # Tariffs and trade costs as the solved run's (a firm-level lever, a setting that
        # moves no market): its trade solution is this run's, only the regions are its own.
        return [_reuse_markets(prep, params, inputs[0], warm)]
    if form == BATCH_FORM:
        solved = _solve_batch(prep, params, years, tariff_new, iceberg_new)
    else:
        start = warm.solution if warm is not None and len(runs) == 1 else None
        solved = _solve_each(prep, params, years, tariff_new, iceberg_new, form, start, memo)
    out = []
    for k, run in enumerate(inputs):
        main, dis = 2 * k, 2 * k + 1
        flows = solved.flows[:, k]
        regional = _regional(prep, params, flows, run)
        out.append(
            RunOutput(
                flows=flows,
                tariff=tariff_new[main],
                iceberg=iceberg_new[main],
                world_price=solved.world_price[:, main],
                welfare={p: v[:, main] for p, v in solved.parts.items()},
                welfare_disagreement=solved.parts["total"][:, dis],
                corridor=run.corridor,
                regional=regional,
                form=solved.form,
                converged=solved.converged,
                solution=solved.solution(main),
                tariff_disagreement=_whole(tariff_new[dis]),
            )
        )
    return out


def _column(iceberg: np.ndarray | linear_batch.RowScaled, importer: int) -> np.ndarray:
    """(D, Y, S, R) of a (D, Y, S, R, R) array or ``RowScaled`` into ``importer``."""
    if isinstance(iceberg, linear_batch.RowScaled):
        return iceberg.column(importer)
    return iceberg[..., importer]


def _whole(tariff: np.ndarray | linear_batch.CellTariffs) -> np.ndarray | None:
    """A tariff array as given, or None for ``CellTariffs`` (not built for that)."""
    return tariff if isinstance(tariff, np.ndarray) else None


def _same_markets(run: _RunInputs, solved: RunOutput) -> bool:
    """Does ``run`` put the same tariffs and trade costs on every market as ``solved``?"""
    main, dis = run.tariff
    return (
        solved.tariff_disagreement is not None
        and np.array_equal(run.iceberg, solved.iceberg)
        and np.array_equal(main, solved.tariff)
        and np.array_equal(dis, solved.tariff_disagreement)
    )


def _reuse_markets(prep: Prepared, params: Params, run: _RunInputs, solved: RunOutput) -> RunOutput:
    """``solved``'s trade solution with ``run``'s corridor and regional outcome."""
    regional = _regional(prep, params, solved.flows, run)
    return dataclasses.replace(solved, corridor=run.corridor, regional=regional)


def _regional(
    prep: Prepared, params: Params, flows: np.ndarray, run: _RunInputs
) -> regions.RegionalOutcome:
    """Mexico's regions under ``run``'s production shares, from its exports in ``flows``."""
    mex = prep.ridx["MEX"]
    exports = flows[..., mex, :].sum(-1)
    return regions.regional_outcome(
        prep, params, exports, run.year_shares, run.capacity.public_investment
    )


@dataclass(frozen=True)
class _Solved:
    flows: np.ndarray  # (D, K, Y, S, R, R) new flows of the main runs only
    world_price: np.ndarray  # (D, 2K, Y, S, R)
    parts: dict[str, np.ndarray]  # welfare part -> (D, 2K, Y, R)
    form: str
    converged: bool
    warm_start: tuple[np.ndarray, np.ndarray] | None = None  # 2 x (D, 2K, Y, S, R)

    def solution(self, main: int) -> tuple[np.ndarray, np.ndarray] | None:
        """``warm_start`` of run ``main`` and its disagreement point ``main + 1``."""
        if self.form != "ces" or self.warm_start is None:
            return None
        pick = slice(main, main + 2)
        return tuple(part[:, pick] for part in self.warm_start)


def _solve_each(
    prep, params, years, tariff_new, iceberg_new, form, warm=None, memo=None
) -> _Solved:
    """The trade core on every market (either form): ``trade.solve_on`` the calibrated base
    (remembered with the central parameters: it does not depend on the scenario)."""

    def base() -> trade.Calibration:
        return trade.calibrate(
            grown_flows(prep, params, years)[:, None],
            1.0 + prep.tariff_base,
            params.import_demand[:, None, None, :, None],
            params.substitution[:, None, None, :, None],
            params.export_supply[:, None, None, :, None],
            invert=memo is not None,
        )

    if memo is None:
        calibration = base()
    else:  # beside the baseline's solved run: a scenario edit must not evict it
        key = ("calibration", memo, *years)
        calibration = prep.remember(key, lambda: read_only(base()))
    if all(part is iceberg_new[0] for part in iceberg_new[1:]):
        # A single run's trade costs serve it and its disagreement point: broadcast them
        # over the runs' axis instead of copying them once for each (the same products).
        iceberg = iceberg_new[0][:, None]
    else:
        iceberg = _stacked(iceberg_new)
    solved = trade.solve_on(
        calibration,
        _stacked(tariff_new, add=1.0),
        iceberg_new=iceberg,
        form=form,
        tol=SOLVE_TOLERANCE,
        warm=warm,
    )
    add = np.add.reduce  # ndarray.sum's own reduction, without its Python wrapper
    parts = {
        "consumer": add(solved.consumer_surplus, axis=-2),
        "producer": add(solved.producer_surplus, axis=-2),
        "tariff_revenue": add(solved.tariff_revenue, axis=-2),
        "total": add(solved.welfare, axis=-2),
    }  # (D, 2K, Y, R)
    flows = solved.flows[:, 0::2]
    return _Solved(
        flows,
        solved.world_price_change,
        parts,
        solved.form,
        solved.converged,
        solved.warm_start,
    )


def _stacked(parts: list[np.ndarray], add: float | None = None) -> np.ndarray:
    """``np.stack(parts, axis=1)`` (plus ``add``), written into one new array: np.stack's
    checks and the separate sum cost more than the copy of these arrays."""
    first = parts[0]
    out = np.empty((first.shape[0], len(parts), *first.shape[1:]), np.result_type(*parts))
    for k, part in enumerate(parts):
        if add is None:
            out[:, k] = part
        else:
            np.add(add, part, out=out[:, k])
    return out


def _solve_batch(prep, params, years, tariff_new, iceberg_new) -> _Solved:
    """The same linear GSIM, one factorisation per (draw, year, sector) (Monte Carlo)."""
    model = prep.model
    fac = prep.remember(
        ("linear_factors",), lambda: linear_batch.factors(model.flows_usd_m, prep.tariff_base)
    )
    t = (years - model.base_year).astype(float)
    growth = (1.0 + params.growth[:, None, :]) ** t[None, :, None]  # (D, Y, R)
    solved = linear_batch.solve(
        fac,
        growth,
        tariff_new,
        iceberg_new,
        params.import_demand,
        params.substitution,
        params.export_supply,
        keep_flows=range(0, len(tariff_new), 2),  # the main runs': no disagreement point's
    )
    parts = {
        "consumer": solved.consumer,
        "producer": solved.producer,
        "tariff_revenue": solved.tariff_revenue,
        "total": solved.consumer + solved.producer + solved.tariff_revenue,
    }
    return _Solved(solved.flows, solved.world_price, parts, "linear", True)


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
        flows_start_us=_grown_into(prep, params, years, usa)[:, None],
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
