"""The data of a GSIM solve (``trade``): a batch of markets' calibrated base
(``Calibration``), the market one solve works on (``Market``, built by ``market_of``) and what
the solve returns (``GsimResult``).  Array conventions: see ``trade``."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike


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
class Market:
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
    # (``market_of``) and the base's tariff revenue.  Built on the first solve on this base,
    # reused after.
    solver_cache: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)


def market_of(base: Calibration, t1: np.ndarray, i1: ArrayLike, batch: tuple[int, ...]) -> Market:
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
    return Market(
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
