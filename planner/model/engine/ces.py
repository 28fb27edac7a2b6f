"""The exact nonlinear form of GSIM: CES import demand, constant-elasticity supply.

Per importer v, varieties from each source r are aggregated with a CES index of
substitution elasticity Es_v; the aggregate import quantity has constant price elasticity
Em_v; each exporter r supplies with constant elasticity Ex_r.  Units are chosen so every
base price is 1, which calibrates the model to the base: with z_r = P*_r1 / P*_r0 (r's
world price factor) and π_rv = z_r · T̂W_rv (T̂W = change of the full wedge T·(1+tau)),

    Π_v   = (Σ_r θ_rv π_rv^(1−Es_v))^(1/(1−Es_v))           Armington price index
    q_rv  = M_rv · π_rv^(−Es_v) · Π_v^(Es_v+Em_v)             demand, base-price units
    S_r   = X_r · z_r^Ex_r                                   supply, base-price units
    clearing:  S_r = Σ_v q_rv,   new flows at world prices = q_rv · z_r.

To first order this is exactly the linear GSIM of DESIGN §5 (q̂ = −Es·π̂ + (Es+Em)·Π̂ with
Π̂ = Σ θ π̂), and with no change (π = 1) it reproduces the base exactly.  Flows stay
positive for any finite wedge because they are products of positive powers.

The unknowns are log z (so prices stay positive); Newton's method with the analytic
Jacobian runs on the whole batch at once with one stacked ``numpy.linalg.solve`` per
iteration, only over the elements that have not yet converged.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

# Below this distance from 1 the CES index is evaluated in its Cobb-Douglas limit, where
# log(Σθπ^(1−σ))/(1−σ) would divide round-off by a tiny number.
_COBB_DOUGLAS_GAP = 1e-7
# Largest Newton step in log price (a factor e^1); keeps a poor start from overshooting.
_MAX_LOG_STEP = 1.0
# The linear start is clipped here: a world price cannot fall by 100% or more.
_LOWEST_START = -0.9


class Equilibrium(NamedTuple):
    """Solution arrays, shaped like the broadcast batch: (..., R) or (..., R, R)."""

    log_world_price: np.ndarray  # log z_r
    log_price_index: np.ndarray  # log Π_v
    new_flows: np.ndarray  # q_rv · z_r
    iterations: int
    converged: bool
    max_residual: float


def row_sum(matrices: np.ndarray) -> np.ndarray:
    """Σ_v a_rv for stacked (..., R, R) arrays: a matrix-vector product, several times
    faster than ``sum(axis=-1)`` over a short last axis."""
    return (matrices @ np.ones((matrices.shape[-1], 1)))[..., 0]


def column_sum(matrices: np.ndarray) -> np.ndarray:
    """Σ_r a_rv for stacked (..., R, R) arrays, as a vector-matrix product."""
    return (np.ones((1, matrices.shape[-2])) @ matrices)[..., 0, :]


def power_integral(log_factor: np.ndarray, elasticity: np.ndarray) -> np.ndarray:
    """∫_1^z u^a du = (z^(a+1) − 1)/(a+1) (log z when a = −1), with z = exp(log_factor).

    Times a base value this is the exact surplus change under a constant-elasticity curve:
    R_v · ∫ Π^Em for consumers, X_r · ∫ z^Ex for producers.
    """
    exponent = elasticity + 1.0
    unit = np.abs(exponent) < 1e-12
    safe = np.where(unit, 1.0, exponent)
    return np.where(unit, log_factor, np.expm1(safe * log_factor) / safe)


def solve_equilibrium(
    *,
    flows: np.ndarray,
    theta: np.ndarray,
    log_wedge_change: np.ndarray,
    em: np.ndarray,
    es: np.ndarray,
    ex: np.ndarray,
    sales: np.ndarray,
    start: np.ndarray,
    tol: float,
    max_iterations: int,
) -> Equilibrium:
    """Newton's method on the excess supply S_r − Σ_v q_rv in log world prices.

    Array arguments broadcast against the batch of ``start`` (the linear world-price change
    P̂*, shape (..., R)); elasticities may keep a trailing 1 (equal for every region).  Stops
    per element when max_r |excess_r| < tol · max_r X_r, or after ``max_iterations`` steps.
    A region with no sales gets the equation log z_r = 0.  Es within 1e-7 of 1 is treated
    as exactly 1 (the Cobb-Douglas limit of the index).
    """
    vector = start.shape
    n = vector[-1]
    batch = vector[:-1]
    size = int(np.prod(batch, dtype=np.int64))

    def flat(array: np.ndarray, *trailing: int) -> np.ndarray:
        return np.broadcast_to(array, (*batch, *trailing)).reshape(size, *trailing)

    cobb_douglas = np.abs(1.0 - es) < _COBB_DOUGLAS_GAP
    exponent = np.where(cobb_douglas, 0.0, 1.0 - es)  # 1 − σ_v, (..., 1 or R)
    sigma = 1.0 - exponent
    # Constant parts of the variety terms: θ_rv·T̂W_rv^(1−σ_v) and M_rv·T̂W_rv^(−σ_v).
    wedge_power = np.exp(exponent[..., None, :] * log_wedge_change)
    weights = Equations(
        index_weight=flat(theta * wedge_power, n, n),
        demand_weight=flat(flows * np.exp(-log_wedge_change) * wedge_power, n, n),
        theta_total=flat(column_sum(theta), n),
        theta_log_wedge=flat((theta * log_wedge_change).sum(axis=-2), n),
        theta=flat(theta, n, n) if cobb_douglas.any() else None,
        exponent=flat(exponent, exponent.shape[-1]),
        cobb_douglas=flat(cobb_douglas, cobb_douglas.shape[-1]),
        sigma=flat(sigma, sigma.shape[-1]),
        em=flat(em, em.shape[-1]),
        ex=flat(ex, ex.shape[-1]),
        sales=flat(sales, n),
    )
    scale = np.maximum(weights.sales.max(axis=-1), np.finfo(float).tiny)
    idle = weights.sales <= 0

    log_z = np.log1p(np.maximum(flat(start, n), _LOWEST_START))
    log_z[idle] = 0.0
    log_index = np.zeros((size, n))
    new_flows = np.empty((size, n, n))
    residual = np.zeros(size)
    active = np.arange(size)
    part = weights
    iterations = 0
    while True:
        x = log_z[active] if active.size < size else log_z
        state = _evaluate(x, part)
        excess = state.supply - row_sum(state.demand)
        excess[idle[active]] = 0.0
        residual[active] = np.abs(excess).max(axis=-1) / scale[active]
        done = residual[active] < tol
        if iterations >= max_iterations:
            done[:] = True
        if done.all() and active.size == size:
            # Everything converged together (the usual case): no copies needed.
            log_index = state.log_index
            new_flows = state.demand
            new_flows *= np.exp(x)[:, :, None]
            break
        if done.any():
            finished = active[done]
            log_index[finished] = state.log_index[done]
            new_flows[finished] = state.demand[done] * np.exp(x[done])[:, :, None]
        if done.all():
            break
        if done.any():
            keep = ~done
            active, x, excess = active[keep], x[keep], excess[keep]
            part = part.select(keep)
            state = state.select(keep)
        step = _newton_step(x, excess, state, part, idle[active])
        log_z[active] += step
        iterations += 1

    return Equilibrium(
        log_world_price=log_z.reshape(vector),
        log_price_index=log_index.reshape(vector),
        new_flows=new_flows.reshape((*batch, n, n)),
        iterations=iterations,
        converged=bool(np.all(residual < tol)),
        max_residual=float(residual.max(initial=0.0)),
    )


class Equations(NamedTuple):
    """The calibrated model for a flat batch (B, ...) of markets; constant during Newton."""

    index_weight: np.ndarray  # θ_rv T̂W_rv^(1−σ_v) (B, R, R)
    demand_weight: np.ndarray  # M_rv T̂W_rv^(−σ_v) (B, R, R)
    theta_total: np.ndarray  # Σ_r θ_rv (B, R): 1, or 0 for a region that buys nothing
    theta_log_wedge: np.ndarray  # Σ_r θ_rv log T̂W_rv (B, R), for the Cobb-Douglas index
    theta: np.ndarray | None  # θ (B, R, R), only when some σ is 1
    exponent: np.ndarray  # 1 − σ_v (B, 1 or R)
    cobb_douglas: np.ndarray  # σ_v == 1 (B, 1 or R)
    sigma: np.ndarray  # σ_v (B, 1 or R)
    em: np.ndarray  # (B, 1 or R)
    ex: np.ndarray  # (B, 1 or R)
    sales: np.ndarray  # X_r (B, R)

    def select(self, keep: np.ndarray) -> Equations:
        return Equations(*(None if part is None else part[keep] for part in self))


class _State(NamedTuple):
    demand: np.ndarray  # q_rv (B, R, R), base-price units
    weighted: np.ndarray  # θ_rv π_rv^(1−σ_v) (B, R, R)
    total: np.ndarray  # Σ_r of weighted (B, R)
    log_index: np.ndarray  # log Π_v (B, R)
    supply: np.ndarray  # S_r (B, R)

    def select(self, keep: np.ndarray) -> _State:
        return _State(*(part[keep] for part in self))


def _evaluate(log_z: np.ndarray, eq: Equations) -> _State:
    column = log_z[:, :, None]  # log z_r down the rows
    power = np.exp(eq.exponent[:, None, :] * column)  # z_r^(1−σ_v), (B, R, 1 or R)
    weighted = eq.index_weight * power
    total = column_sum(weighted)
    buys = eq.theta_total > 0
    # Dividing by Σθ (1 up to round-off) makes an unchanged market give Π = 1 exactly.
    ratio = np.where(buys, total, 1.0) / np.where(buys, eq.theta_total, 1.0)
    log_index = np.log(ratio) / np.where(eq.cobb_douglas, 1.0, eq.exponent)
    if eq.theta is not None:
        mean_log = (eq.theta_log_wedge + (log_z[:, None, :] @ eq.theta)[:, 0, :]) / np.where(
            buys, eq.theta_total, 1.0
        )
        log_index = np.where(eq.cobb_douglas, mean_log, log_index)
    # z_r^(−σ_v) = z_r^(1−σ_v) / z_r: reuse the power above instead of a second exp.
    demand = eq.demand_weight * (power / np.exp(column))
    demand *= np.exp((eq.sigma + eq.em) * log_index)[:, None, :]
    supply = eq.sales * np.exp(eq.ex * log_z)
    return _State(demand, weighted, total, log_index, supply)


def _newton_step(
    log_z: np.ndarray, excess: np.ndarray, state: _State, eq: Equations, idle: np.ndarray
) -> np.ndarray:
    """Solve J·step = −excess with J_rs = ∂excess_r/∂log z_s, for every element at once.

    J = diag(Ex_r S_r + Σ_v σ_v q_rv) − Σ_v q_rv (σ_v + Em_v) s_sv, where
    s_sv = weighted_sv / total_v are the current spending shares.
    """
    shares = state.weighted  # no longer needed as such: turn it into shares in place
    shares /= np.where(state.total > 0, state.total, 1.0)[:, None, :]
    cross = eq.sigma + eq.em
    shares_t = np.swapaxes(shares, -1, -2)
    if cross.shape[-1] == 1:
        jacobian = (state.demand @ shares_t) * -cross[:, :, None]
        own = eq.sigma * row_sum(state.demand)
    else:
        jacobian = -((state.demand * cross[:, None, :]) @ shares_t)
        own = row_sum(state.demand * eq.sigma[:, None, :])
    diagonal = np.einsum("bii->bi", jacobian)
    diagonal += eq.ex * state.supply + own
    if idle.any():
        # A region without sales has the empty equation 0 = 0: use log z_r = 0 instead.
        jacobian[idle] = 0.0
        b_idx, r_idx = np.nonzero(idle)
        jacobian[b_idx, r_idx, r_idx] = 1.0
        excess = np.where(idle, log_z, excess)
    step = -np.linalg.solve(jacobian, excess[..., None])[..., 0]
    largest = np.abs(step).max(axis=-1, keepdims=True)
    return step * np.minimum(1.0, _MAX_LOG_STEP / np.maximum(largest, np.finfo(float).tiny))
