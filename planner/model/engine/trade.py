"""Trade core: the GSIM partial-equilibrium model of Francois & Hall (2003), per sector.

Array conventions (DESIGN §5, ModelData):
- ``flows`` ``(..., R, R)``: base flows M_rv at world prices (USD), row r = exporter,
  column v = importer; any leading batch dimensions (draws, years, sectors) broadcast.
- tariff powers ``T = 1 + t`` and iceberg factors ``1 + tau`` ``(..., R, R)``, indexed
  ``[exporter, importer]`` exactly like ``flows`` (the four-region reference result of
  DESIGN §5 comes out with this indexing and not with the transpose).
- elasticities broadcast to ``(..., R)``: import demand ``Em_v < 0`` and substitution
  ``Es_v >= 0`` per importer, export supply ``Ex_r > 0`` per exporter.  A per-sector value
  for a ``(S, R, R)`` batch is passed as shape ``(S, 1)``.

Prices.  The importer v pays P*_r · T_rv · (1 + tau_rv) per unit of r's goods, where P*_r
is r's world (border) price, normalised to 1 in the base.  The government of v collects
t_rv · P*_r (tariff revenue is charged on the world-price value only); the rest of the
wedge, P*_r · T_rv · tau_rv, is the real resource cost of non-tariff trade frictions
(transit days, customs time, disruption): it is nobody's income.  So tau enters welfare only
through prices: it raises v's internal price (a consumer-surplus loss) and, by cutting
demand, lowers r's world price (a producer-surplus loss), with no offsetting revenue.

Two forms share one result type:
- ``form="linear"``: GSIM exactly as in DESIGN §5 (log-linear demand, one stacked
  ``numpy.linalg.solve`` for every batch element).
- ``form="ces"`` (the default): the exact nonlinear model the linear form approximates,
  calibrated to the base and solved by Newton's method from the first-order solution (see
  ``planner.model.engine.ces``).  It is the default because the app's shocks are large
  (25-100% tariffs): there the linear demand curve extrapolates proportional changes
  linearly, over-states trade destruction and can drive a flow below zero, which is not a
  flow.  The CES form keeps every flow positive, coincides with the linear form to first
  order (tests check both), and costs a few Newton iterations.

Welfare parts are CHANGES against the base, in the units of ``flows``, per region:
consumer surplus and tariff revenue accrue to the importer v, producer surplus to the
exporter r, and ``welfare`` is their sum for each region.

This module holds the public API (``calibrate``, ``solve_on``, ``solve_gsim``, ``solve_ces``)
and the CES form's call into ``ces``; the data of a solve is in ``trade_market``, the linear
form in ``trade_linear`` and the welfare parts in ``trade_welfare``.
"""

from __future__ import annotations

import dataclasses
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from planner.model.engine import ces
from planner.model.engine.trade_linear import first_order, linear_system, solve_linear
from planner.model.engine.trade_market import Calibration, GsimResult, Market, market_of
from planner.model.engine.trade_welfare import welfare_result

Form = Literal["ces", "linear"]


def calibrate(
    flows: ArrayLike,
    tariff_power_old: ArrayLike,
    import_demand_elasticity: ArrayLike,
    substitution_elasticity: ArrayLike,
    export_supply_elasticity: ArrayLike,
    *,
    iceberg_old: ArrayLike = 1.0,
    invert: bool = False,
) -> Calibration:
    """The base of ``solve_gsim``'s markets (same arguments and checks).  ``invert``: also
    invert the linear system A (one per market of the base), so each later linear solve,
    including the CES form's start, is a matrix product instead of a factorisation."""
    m = np.asarray(flows, dtype=float)
    t0 = np.asarray(tariff_power_old, dtype=float)
    i0 = np.asarray(iceberg_old, dtype=float)
    em_a = np.asarray(import_demand_elasticity, dtype=float)
    es_a = np.asarray(substitution_elasticity, dtype=float)
    ex_a = np.asarray(export_supply_elasticity, dtype=float)
    if m.ndim < 2 or m.shape[-1] != m.shape[-2]:
        raise ValueError(f"flows must be (..., R, R), got shape {m.shape}")
    if not np.all(np.isfinite(m)) or np.any(m < 0):
        raise ValueError("flows must be finite and non-negative")
    for name, power in (("tariff power", t0), ("iceberg", i0)):
        _check_power(name, power)
    if np.any(em_a >= 0):
        raise ValueError("import demand elasticities must be negative")
    if np.any(es_a < 0):
        raise ValueError("substitution elasticities must be non-negative")
    if np.any(ex_a <= 0):
        raise ValueError("export supply elasticities must be positive")
    n = m.shape[-1]
    for values in (em_a, es_a, ex_a):
        last = values.shape[-1] if values.ndim else 1
        if last not in (1, n):
            raise ValueError(f"elasticities must broadcast to (..., {n}), got {values.shape}")
    elasticities = np.broadcast_shapes(em_a.shape, es_a.shape, ex_a.shape)
    batch = np.broadcast_shapes(
        m.shape[:-2],
        *(power.shape[:-2] for power in (t0, i0) if power.ndim >= 2),
        elasticities[:-1],
    )
    wedge_old = t0 * i0
    spending_cells = m * wedge_old
    spending = spending_cells.sum(axis=-2)
    sales = m.sum(axis=-1)
    # A region that buys (sells) nothing has no shares: leave them 0 instead of 0/0.
    theta = spending_cells / np.where(spending > 0, spending, 1.0)[..., None, :]
    phi = m / np.where(sales > 0, sales, 1.0)[..., :, None]
    base = Calibration(
        batch, m, t0 - 1.0, wedge_old, em_a, es_a, ex_a, theta, phi, spending, sales, None
    )
    if not invert:
        return base
    system = linear_system(market_of(base, wedge_old, 1.0, batch))
    return dataclasses.replace(base, linear_inverse=np.linalg.inv(system))


def _check_power(name: str, power: np.ndarray) -> None:
    # Two reductions and no temporaries (this runs on every central evaluate): a NaN makes
    # both comparisons false, an infinity fails the second.
    if power.size and not (power.min() > 0 and power.max() < np.inf):
        raise ValueError(f"{name} factors must be finite and positive")


def solve_on(
    base: Calibration,
    tariff_power_new: ArrayLike,
    *,
    iceberg_new: ArrayLike = 1.0,
    form: Form = "ces",
    tol: float = 1e-10,
    max_iterations: int = 50,
    warm: tuple[np.ndarray, np.ndarray] | None = None,
) -> GsimResult:
    """``solve_gsim`` on a calibrated base (see there for the arguments)."""
    t1 = np.asarray(tariff_power_new, dtype=float)
    i1 = np.asarray(iceberg_new, dtype=float)
    _check_power("tariff power", t1)
    _check_power("iceberg", i1)
    batch = np.broadcast_shapes(
        base.batch, *(power.shape[:-2] for power in (t1, i1) if power.ndim >= 2)
    )
    market = market_of(base, t1, i1, batch)
    if form == "linear":
        return solve_linear(market)
    if form != "ces":
        raise ValueError(f"form must be 'ces' or 'linear', got {form!r}")
    change = market.wedge_change
    # log1p(±0) = ±0: a wedge that does not change (most of them) needs no logarithm, nor
    # (``ces.solve_equilibrium``'s ``changed``) any of the CES solve's wedge terms.
    changed = np.flatnonzero(change) if change.shape[:-2] == batch else None
    log_change = change.copy()
    if changed is None:
        np.log1p(change, out=log_change, where=change != 0)
    else:
        log_change.reshape(-1)[changed] = np.log1p(change.reshape(-1).take(changed))
    # The linear system in log changes is the CES model's own first-order expansion at the
    # base: a better start than log(1 + P̂*) of the linear form for large shocks (a 25%
    # tariff at Es ≈ 8 is 2.2x closer) and the same cost.
    first = first_order(market, log_change)
    start = first
    if warm is not None:
        known, known_first = warm
        if known.shape == first.shape and known_first.shape == first.shape:
            # The CES solution moves roughly like the first-order one.
            start = known + (first - known_first)
    return _solve_ces(market, log_change, start, first, tol, max_iterations, changed)


def solve_gsim(
    flows: ArrayLike,
    tariff_power_old: ArrayLike,
    tariff_power_new: ArrayLike,
    import_demand_elasticity: ArrayLike,
    substitution_elasticity: ArrayLike,
    export_supply_elasticity: ArrayLike,
    *,
    iceberg_old: ArrayLike = 1.0,
    iceberg_new: ArrayLike = 1.0,
    form: Form = "ces",
    tol: float = 1e-10,
    max_iterations: int = 50,
    warm: tuple[np.ndarray, np.ndarray] | None = None,
) -> GsimResult:
    """Solve the GSIM model for every batch element at once.

    ``tariff_power_*`` are T = 1 + t; ``iceberg_*`` are 1 + tau (default 1: no friction).
    ``form`` picks the linear GSIM of DESIGN §5 or the exact CES form (default); ``tol`` and
    ``max_iterations`` steer the CES Newton solve (relative excess supply, per element).
    ``warm``: the ``warm_start`` of a CES result for markets shaped like these (same base,
    nearby wedges): Newton then starts from that solution moved by the first-order
    difference between the two markets, which is first-order exact in the difference only,
    instead of from the first-order solution, first-order exact in the whole change from
    the base.  The answer is the same to ``tol``.
    Raises ValueError on negative or non-finite flows, non-positive powers, Em >= 0, Es < 0
    or Ex <= 0.
    """
    base = calibrate(
        flows,
        tariff_power_old,
        import_demand_elasticity,
        substitution_elasticity,
        export_supply_elasticity,
        iceberg_old=iceberg_old,
    )
    return solve_on(
        base,
        tariff_power_new,
        iceberg_new=iceberg_new,
        form=form,
        tol=tol,
        max_iterations=max_iterations,
        warm=warm,
    )


def solve_ces(
    flows: ArrayLike,
    tariff_power_old: ArrayLike,
    tariff_power_new: ArrayLike,
    import_demand_elasticity: ArrayLike,
    substitution_elasticity: ArrayLike,
    export_supply_elasticity: ArrayLike,
    *,
    iceberg_old: ArrayLike = 1.0,
    iceberg_new: ArrayLike = 1.0,
    tol: float = 1e-10,
    max_iterations: int = 50,
) -> GsimResult:
    """``solve_gsim(..., form="ces")``: the exact nonlinear form."""
    return solve_gsim(
        flows,
        tariff_power_old,
        tariff_power_new,
        import_demand_elasticity,
        substitution_elasticity,
        export_supply_elasticity,
        iceberg_old=iceberg_old,
        iceberg_new=iceberg_new,
        form="ces",
        tol=tol,
        max_iterations=max_iterations,
    )


def _solve_ces(
    market: Market,
    log_wedge_change: np.ndarray,
    start: np.ndarray,
    first: np.ndarray,
    tol: float,
    max_iterations: int,
    changed: np.ndarray | None = None,
) -> GsimResult:
    solution = ces.solve_equilibrium(
        flows=market.flows,
        theta=market.theta,
        log_wedge_change=log_wedge_change,
        em=market.em,
        es=market.es,
        ex=market.ex,
        sales=market.sales,
        log_start=start,
        tol=tol,
        max_iterations=max_iterations,
        wedge_factor=market.wedge_change + 1.0,
        static=market.solver_cache,
        changed=changed,
    )
    return welfare_result(
        market,
        np.expm1(solution.log_world_price),
        np.expm1(solution.log_price_index),
        solution.new_flows,
        -market.spending * ces.power_integral(solution.log_price_index, market.em),
        market.sales * ces.power_integral(solution.log_world_price, market.ex),
        "ces",
        solution.iterations,
        solution.converged,
        solution.max_residual,
        warm_start=(solution.log_world_price, first),
    )
