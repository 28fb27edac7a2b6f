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
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from planner.model.engine import ces

Form = Literal["ces", "linear"]


@dataclass(frozen=True)
class GsimResult:
    """One GSIM solve.  Shapes: ``(..., R)`` per region, ``(..., R, R)`` per flow.

    world_price_change: P̂*_r, proportional change of exporter r's world price.
    import_price_change: P̂_v, proportional change of importer v's composite internal
        import price (the Armington price index in the CES form).
    flows: new flows at new world prices, ``[exporter, importer]``, units of the input.
    consumer_surplus, producer_surplus, tariff_revenue, welfare: changes against the base.
    form: "linear" or "ces"; iterations: Newton steps taken (0 for the linear form);
    converged: every batch element met the tolerance; max_residual: the largest relative
        excess supply left (max_r |excess_r| / max_r X_r), 0 for the linear form.
    linear_world_price_change: the linear form's P̂* (the linear form only).
    warm_start: the CES form's (log z, first-order log z) of these markets, the second the
        Newton start: pass it as a later solve's ``warm`` (nearby markets, same base).
    """

    world_price_change: np.ndarray
    import_price_change: np.ndarray
    flows: np.ndarray
    consumer_surplus: np.ndarray
    producer_surplus: np.ndarray
    tariff_revenue: np.ndarray
    welfare: np.ndarray
    form: str
    iterations: int
    converged: bool
    max_residual: float
    linear_world_price_change: np.ndarray | None = None
    warm_start: tuple[np.ndarray, np.ndarray] | None = None


@dataclass(frozen=True)
class _Market:
    """Inputs plus the base shares both forms need, each at its own (broadcastable) shape.

    Elasticities are broadcast to ``(*batch, 1)`` or ``(*batch, R)``; flows, wedges and
    shares keep the smaller shape they were given in (e.g. no draw dimension).
    """

    batch: tuple[int, ...]
    flows: np.ndarray  # M_rv (..., R, R)
    tariff_old: np.ndarray  # t0 (..., R, R)
    tariff_new: np.ndarray  # t1
    wedge_change: np.ndarray  # T̂ = T1(1+tau1) / (T0(1+tau0)) - 1
    em: np.ndarray  # (*batch, 1 or R) per importer
    es: np.ndarray  # (*batch, 1 or R) per importer
    ex: np.ndarray  # (*batch, 1 or R) per exporter
    theta: np.ndarray  # θ_rv, v's spending shares at internal prices (columns sum to 1)
    phi: np.ndarray  # φ_rv, r's sales shares at world prices (rows sum to 1)
    spending: np.ndarray  # R_v = Σ_r M_rv T0_rv (1 + tau0_rv)
    sales: np.ndarray  # X_r = Σ_v M_rv
    linear_inverse: np.ndarray | None = None  # A⁻¹ of the linear system, when calibrated
    solver_cache: dict | None = None  # Calibration.solver_cache


@dataclass(frozen=True)
class Calibration:
    """A batch of markets' base: shares, elasticities and (optionally) the inverse of the
    linear system, none of which depends on the new tariffs.  ``calibrate`` once, then
    ``solve_on`` it for any number of policy states (the engine keeps one per model and
    parameter set, so a scenario edit only pays for what its wedges change)."""

    batch: tuple[int, ...]
    flows: np.ndarray
    tariff_old: np.ndarray  # t0
    wedge_old: np.ndarray  # T0 (1 + tau0)
    em: np.ndarray  # validated, not broadcast
    es: np.ndarray
    ex: np.ndarray
    theta: np.ndarray
    phi: np.ndarray
    spending: np.ndarray
    sales: np.ndarray
    linear_inverse: np.ndarray | None
    # What the solvers derive from this base alone: the CES solver's wedge-independent
    # equations per batch shape (see ``ces.solve_equilibrium``), the broadcast elasticities
    # (``_market``) and the base's tariff revenue.  Built on the first solve on this base,
    # reused after.
    solver_cache: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)


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
    system = _linear_system(_market(base, wedge_old, 1.0, batch))
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
    market = _market(base, t1, i1, batch)
    if form == "linear":
        return _solve_linear(market)
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
    first = _first_order(market, log_change)
    start = first
    if warm is not None:
        known, known_first = warm
        if known.shape == first.shape and known_first.shape == first.shape:
            # The CES solution moves roughly like the first-order one.
            start = known + (first - known_first)
    return _solve_ces(market, log_change, start, first, tol, max_iterations, changed)


def _market(base: Calibration, t1: np.ndarray, i1: ArrayLike, batch: tuple[int, ...]) -> _Market:
    def per_region(values: np.ndarray) -> np.ndarray:
        # Keep a trailing 1 when the value is the same for every region: the solvers then
        # scale small arrays instead of building one full-size array per draw.
        last = values.shape[-1] if values.ndim else 1
        return np.broadcast_to(values, (*batch, last))

    # Read-only views of the base's elasticities: the same for every solve at this shape.
    key = ("elasticities", batch)
    elasticities = base.solver_cache.get(key)
    if elasticities is None:
        elasticities = tuple(per_region(e) for e in (base.em, base.es, base.ex))
        base.solver_cache[key] = elasticities
    em, es, ex = elasticities
    return _Market(
        batch=batch,
        flows=base.flows,
        tariff_old=base.tariff_old,
        tariff_new=t1 - 1.0,
        wedge_change=(t1 * i1) / base.wedge_old - 1.0,
        em=em,
        es=es,
        ex=ex,
        theta=base.theta,
        phi=base.phi,
        spending=base.spending,
        sales=base.sales,
        linear_inverse=base.linear_inverse,
        solver_cache=base.solver_cache,
    )


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


def _solve_linear(market: _Market) -> GsimResult:
    """GSIM as written in DESIGN §5.

    Demand: M̂_rv = N_rr,v·P̂_rv + Σ_{s≠r} N_rs,v·P̂_sv with P̂_rv = T̂_rv + P̂*_r collapses to
    M̂_rv = (Em_v + Es_v)·P̂_v − Es_v·P̂_rv, P̂_v = Σ_s θ_sv·P̂_sv.  Market clearing
    Σ_v φ_rv·M̂_rv = Ex_r·P̂*_r is then A·P̂* = b with
    A_rs = Σ_v φ_rv (Em_v + Es_v) θ_sv − δ_rs (Σ_v φ_rv Es_v + Ex_r),
    b_r = Σ_v φ_rv Es_v T̂_rv − Σ_v φ_rv (Em_v + Es_v) Σ_s θ_sv T̂_sv.
    A region with no sales has a zero φ row, so its equation reads −Ex_r·P̂*_r = 0.
    """
    # Σ_s θ_sv T̂_sv has no draw dimension: compute it once for both steps.
    tariff_price = (market.theta * market.wedge_change).sum(axis=-2)
    world = _linear_world_price(market, tariff_price)
    return _linear_outcome(market, world, tariff_price)


def _linear_system(market: _Market) -> np.ndarray:
    """A of the stacked linear system A·P̂* = b (see ``_solve_linear``), at the base's shape."""
    em, es, ex = market.em, market.es, market.ex
    total = em + es
    theta_t = np.swapaxes(market.theta, -1, -2)
    if total.shape[-1] == 1:
        # Elasticities equal across importers: scale φθᵀ after the product, not φ before it.
        system = (market.phi @ theta_t) * total[..., None]
        own = es * market.phi.sum(axis=-1)
    else:
        system = (market.phi * total[..., None, :]) @ theta_t
        own = (market.phi * es[..., None, :]).sum(axis=-1)
    if system.shape[:-2] != market.batch:
        system = np.array(np.broadcast_to(system, (*market.batch, *system.shape[-2:])))
    diagonal = np.einsum("...ii->...i", system)
    diagonal -= own + ex
    return system


def _linear_world_price(
    market: _Market, tariff_price: np.ndarray | None = None, change: np.ndarray | None = None
) -> np.ndarray:
    """P̂* from the stacked linear system A·P̂* = b (see ``_solve_linear``); with ``change``
    (e.g. log T̂W) in place of the wedge changes T̂, A⁻¹·b of those."""
    em, es = market.em, market.es
    theta, phi = market.theta, market.phi
    that = market.wedge_change if change is None else change
    total = em + es
    # einsum, not (a * b).sum(axis): sums over an 8-long axis of a product cost numpy a
    # temporary and a slow short-axis reduction, ~1.5x the time on the central path.
    if tariff_price is None:
        tariff_price = np.einsum("...rv,...rv->...v", theta, that)
    if total.shape[-1] == 1:
        rhs = es * np.einsum("...rv,...rv->...r", phi, that)
        rhs -= total * (phi @ tariff_price[..., None])[..., 0]
    else:
        phi_total = phi * total[..., None, :]
        rhs = ((phi * es[..., None, :]) * that).sum(axis=-1) - (
            phi_total @ tariff_price[..., None]
        )[..., 0]
    if market.linear_inverse is not None:
        return (market.linear_inverse @ rhs[..., None])[..., 0]
    return np.linalg.solve(_linear_system(market), rhs[..., None])[..., 0]


def _first_order(market: _Market, log_change: np.ndarray) -> np.ndarray:
    """A⁻¹·b of the log wedge changes (the CES Newton start, see ``solve_on``).

    b is linear in the changes and A⁻¹ is the base's, so with the base inverted the whole
    map is one (R, R·R) operator per market, kept with the base: one product per solve
    instead of the two sums, two products and the inverse's product of
    ``_linear_world_price`` (~2.5x faster on the central path)."""
    cache = market.solver_cache
    if market.linear_inverse is None or cache is None:
        return _linear_world_price(market, change=log_change)
    key = ("first_order", market.batch)
    operator = cache.get(key)
    if operator is None:
        operator = _first_order_operator(market)
        operator.flags.writeable = False
        cache[key] = operator
    n = log_change.shape[-1]
    flat = log_change.reshape(*log_change.shape[:-2], n * n, 1)
    return (operator @ flat)[..., 0]


def _first_order_operator(market: _Market) -> np.ndarray:
    """K (..., R, R·R) with K·vec(T̂) = A⁻¹·b(T̂), b as in ``_solve_linear``:
    K_r,sv = A⁻¹_rs φ_sv Es_v − (A⁻¹φ)_rv (Em_v + Es_v) θ_sv."""
    inverse, phi, theta = market.linear_inverse, market.phi, market.theta
    es = market.es[..., None, :]  # per importer v, (..., 1, 1 or R)
    total = (market.em + market.es)[..., None, None, :]
    own = inverse[..., :, :, None] * (phi * es)[..., None, :, :]
    own -= (inverse @ phi)[..., :, None, :] * total * theta[..., None, :, :]
    n = phi.shape[-1]
    return np.ascontiguousarray(own.reshape(*own.shape[:-2], n * n))


def _linear_outcome(market: _Market, world: np.ndarray, tariff_price: np.ndarray) -> GsimResult:
    em, es, ex = market.em, market.es, market.ex
    total = em + es
    # P̂_v = Σ_r θ_rv (T̂_rv + P̂*_r) and the new flows M_rv (1 + M̂_rv)(1 + P̂*_r), built in
    # place because at Monte Carlo size every (..., R, R) temporary costs tens of ms.
    composite = tariff_price + (world[..., None, :] @ market.theta)[..., 0, :]
    new_flows = market.wedge_change + world[..., :, None]  # P̂_rv
    new_flows *= -es[..., None, :]
    new_flows += (total * composite)[..., None, :]  # now M̂_rv
    new_flows += 1.0
    new_flows *= market.flows
    new_flows *= (1.0 + world)[..., :, None]
    # ΔCS_v = −∫ Q dP under the linear demand Q = Q0 (1 + Em·P̂): −R_v·P̂_v − ½·Em_v·R_v·P̂_v².
    # With Em < 0 the triangle term is ≥ 0: a price rise costs less than R·P̂ because buyers
    # cut back, a price fall gains more than −R·P̂.  (Francois & Hall's GSIM uses the same
    # area; its printed form writes the triangle with the import-value change.)
    consumer = -market.spending * composite * (1.0 + 0.5 * em * composite)
    # ΔPS_r = ∫ X dP* under the linear supply X = X0 (1 + Ex·P̂*).
    producer = market.sales * world * (1.0 + 0.5 * ex * world)
    return _result(
        market, world, composite, new_flows, consumer, producer, "linear", 0, True, 0.0, world
    )


def _solve_ces(
    market: _Market,
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
    return _result(
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


def _base_revenue(market: _Market) -> np.ndarray:
    """Σ_r M_rv t0_rv, the base's tariff revenue: the base's alone, so kept with it."""
    cache = market.solver_cache
    revenue = None if cache is None else cache.get("base_revenue")
    if revenue is None:
        revenue = np.einsum("...rv,...rv->...v", market.flows, market.tariff_old)
        revenue.flags.writeable = False
        if cache is not None:
            cache["base_revenue"] = revenue
    return revenue


def _result(
    market: _Market,
    world: np.ndarray,
    composite: np.ndarray,
    new_flows: np.ndarray,
    consumer: np.ndarray,
    producer: np.ndarray,
    form: str,
    iterations: int,
    converged: bool,
    max_residual: float,
    linear: np.ndarray | None = None,
    warm_start: tuple[np.ndarray, np.ndarray] | None = None,
) -> GsimResult:
    # Tariff revenue is charged on the world-price value only; tau earns nothing.
    revenue = np.einsum("...rv,...rv->...v", new_flows, market.tariff_new)
    revenue -= _base_revenue(market)
    return GsimResult(
        world_price_change=world,
        import_price_change=composite,
        flows=new_flows,
        consumer_surplus=consumer,
        producer_surplus=producer,
        tariff_revenue=revenue,
        welfare=consumer + producer + revenue,
        form=form,
        iterations=iterations,
        converged=converged,
        max_residual=max_residual,
        linear_world_price_change=linear,
        warm_start=warm_start,
    )
