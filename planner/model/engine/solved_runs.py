"""Runs solved in one trade-core call (``solve_runs``): each run's inputs (``run_inputs``),
the trade core on every market of every run and disagreement point (``trade.solve_on``, or
``linear_batch`` for Monte Carlo's draws), and each run's regional outcome, as ``RunOutput``."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from planner.model.engine import (
    cell_tariffs,
    linear_batch,
    linear_factors,
    logistics,
    regions,
    trade,
)
from planner.model.engine.logistics import CorridorResult
from planner.model.engine.prepared import Prepared, read_only
from planner.model.engine.run_inputs import RunInputs, grown_flows, per_day_cost, run_inputs_of
from planner.model.engine.settings import ScenarioSettings
from planner.model.engine.uncertainty import Params

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
    inputs of ``run_inputs_of``: float32 tariffs, a ``RowScaled`` iceberg, no disagreement
    point's whole tariffs (``tariff_disagreement`` None).
    """
    if reference is None and memo is not None:
        reference = prep.memo(("reference", memo), lambda: logistics.reference(prep, params))
    elif reference is None:
        reference = logistics.reference(prep, params)
    if memo is None:
        per_day = per_day_cost(prep, params)
    else:  # the central parameters': one lookup per sector is ~2% of a central evaluate
        per_day = prep.memo(("per_day", memo), lambda: per_day_cost(prep, params))
    fixed = fixed or [None] * len(runs)
    # Parts are remembered only with the corridor's detail: a later run may show it.
    remember = memo if detail else None
    inputs = [
        run_inputs_of(
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


def _whole(tariff: np.ndarray | cell_tariffs.CellTariffs) -> np.ndarray | None:
    """A tariff array as given, or None for ``CellTariffs`` (not built for that)."""
    return tariff if isinstance(tariff, np.ndarray) else None


def _same_markets(run: RunInputs, solved: RunOutput) -> bool:
    """Does ``run`` put the same tariffs and trade costs on every market as ``solved``?"""
    main, dis = run.tariff
    return (
        solved.tariff_disagreement is not None
        and np.array_equal(run.iceberg, solved.iceberg)
        and np.array_equal(main, solved.tariff)
        and np.array_equal(dis, solved.tariff_disagreement)
    )


def _reuse_markets(prep: Prepared, params: Params, run: RunInputs, solved: RunOutput) -> RunOutput:
    """``solved``'s trade solution with ``run``'s corridor and regional outcome."""
    regional = _regional(prep, params, solved.flows, run)
    return dataclasses.replace(solved, corridor=run.corridor, regional=regional)


def _regional(
    prep: Prepared, params: Params, flows: np.ndarray, run: RunInputs
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
        ("linear_factors",), lambda: linear_factors.factors(model.flows_usd_m, prep.tariff_base)
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
