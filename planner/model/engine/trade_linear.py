"""The linear form of the trade core: GSIM exactly as in DESIGN §5, one stacked linear system
per market (``solve_linear``), and the same system's solution of the log wedge changes, the
CES form's Newton start (``first_order``)."""

from __future__ import annotations

import numpy as np

from planner.model.engine.trade_market import GsimResult, Market
from planner.model.engine.trade_welfare import welfare_result


def solve_linear(market: Market) -> GsimResult:
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


def linear_system(market: Market) -> np.ndarray:
    """A of the stacked linear system A·P̂* = b (see ``solve_linear``), at the base's shape."""
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
    market: Market, tariff_price: np.ndarray | None = None, change: np.ndarray | None = None
) -> np.ndarray:
    """P̂* from the stacked linear system A·P̂* = b (see ``solve_linear``); with ``change``
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
    return np.linalg.solve(linear_system(market), rhs[..., None])[..., 0]


def first_order(market: Market, log_change: np.ndarray) -> np.ndarray:
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


def _first_order_operator(market: Market) -> np.ndarray:
    """K (..., R, R·R) with K·vec(T̂) = A⁻¹·b(T̂), b as in ``solve_linear``:
    K_r,sv = A⁻¹_rs φ_sv Es_v − (A⁻¹φ)_rv (Em_v + Es_v) θ_sv."""
    inverse, phi, theta = market.linear_inverse, market.phi, market.theta
    es = market.es[..., None, :]  # per importer v, (..., 1, 1 or R)
    total = (market.em + market.es)[..., None, None, :]
    own = inverse[..., :, :, None] * (phi * es)[..., None, :, :]
    own -= (inverse @ phi)[..., :, None, :] * total * theta[..., None, :, :]
    n = phi.shape[-1]
    return np.ascontiguousarray(own.reshape(*own.shape[:-2], n * n))


def _linear_outcome(market: Market, world: np.ndarray, tariff_price: np.ndarray) -> GsimResult:
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
    return welfare_result(
        market, world, composite, new_flows, consumer, producer, "linear", 0, True, 0.0, world
    )
