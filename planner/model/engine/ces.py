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
iteration, only over the elements that have not yet converged.  It steps on the clearing
condition in logs, log S_r − log Σ_v q_rv = 0, whose only curvature is the CES index's
(supply is linear in log z), and stops on the excess supply in levels.

The equations themselves, calibrated to the base, are built in ``ces_equations``.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from planner.model.engine.ces_equations import Equations, column_sum, equations_of, row_sum

# Largest Newton step in log price (a factor e^1); keeps a poor start from overshooting.
_MAX_LOG_STEP = 1.0
# The start is clipped here (log 0.1): a world price cannot fall by 100% or more.
_LOWEST_START = math.log(0.1)
# Most times a Newton step is halved when it does not reduce the squared excess supply.
_HALVINGS = 12
# Armijo's bound (1 − 1e-4·α) for a whole step (α = 1), as the arithmetic gives it.
_ARMIJO_FULL = 1.0 - 1e-4 * 1.0


class Equilibrium(NamedTuple):
    """Solution arrays, shaped like the broadcast batch: (..., R) or (..., R, R)."""

    log_world_price: np.ndarray  # log z_r
    log_price_index: np.ndarray  # log Π_v
    new_flows: np.ndarray  # q_rv · z_r
    iterations: int
    converged: bool
    max_residual: float


def power_integral(log_factor: np.ndarray, elasticity: np.ndarray) -> np.ndarray:
    """∫_1^z u^a du = (z^(a+1) − 1)/(a+1) (log z when a = −1), with z = exp(log_factor).

    Times a base value this is the exact surplus change under a constant-elasticity curve:
    R_v · ∫ Π^Em for consumers, X_r · ∫ z^Ex for producers.
    """
    exponent = elasticity + 1.0
    unit = np.abs(exponent) < 1e-12
    if not unit.any():  # the engine's case: no select needed
        return np.expm1(exponent * log_factor) / exponent
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
    log_start: np.ndarray,
    tol: float,
    max_iterations: int,
    wedge_factor: np.ndarray | None = None,
    static: dict | None = None,
    changed: np.ndarray | None = None,
) -> Equilibrium:
    """Newton's method on log S_r − log Σ_v q_rv in log world prices.

    Array arguments broadcast against the batch of ``log_start`` (the start's log z, shape
    (..., R), e.g. ``first_order``'s); elasticities may keep a trailing 1 (equal for every
    region).  Stops per element when max_r |S_r − Σ_v q_rv| < tol · max_r X_r, or after
    ``max_iterations`` steps: a converged element takes no further step, so its result
    does not depend on the rest of the batch.  A region with no sales gets the equation
    log z_r = 0.  Es within 1e-7 of 1 is treated as exactly 1 (the Cobb-Douglas limit of
    the index).  ``wedge_factor`` (optional) is exp(log_wedge_change), passed to save an
    exponential.  ``static`` (optional): a dict the caller keeps with its calibrated base
    (same flows, shares, elasticities and sales); the parts of the equations that do not
    depend on the wedges are kept in it per batch shape instead of rebuilt on every solve.
    ``changed`` (optional): the flat indices of the nonzero cells of ``log_wedge_change``
    (which must then be whole, (..., R, R)), with ``wedge_factor`` given: the wedge terms
    are then computed on those cells only (the same numbers).
    """
    vector = log_start.shape
    n = vector[-1]
    batch = vector[:-1]
    eq = equations_of(
        flows, theta, log_wedge_change, wedge_factor, em, es, ex, sales, batch, n, static, changed
    )
    size = eq.sales.shape[0]
    log_z = np.maximum(log_start, _LOWEST_START).reshape(size, n)
    if eq.idle is not None:
        log_z[eq.idle] = 0.0
    residual = np.empty(size)
    iterations = 0
    state = _evaluate(log_z, eq)
    # The elements still iterating, as a compact block: rows (None: every element) with
    # their own slices of the arrays.  A converged element leaves the block and keeps its
    # values, so its result does not depend on the rest of the batch; the block is cut only
    # when an element converges, not copied on every step.  Of the whole batch's ``state``
    # only what the answer reads is kept up to date (``_put_output``).
    rows: np.ndarray | None = None
    z, st, sub = log_z, state, eq
    excess = _excess(st, sub)
    gap = None  # log S − log Σq of the block, made when a step needs it
    merit = None  # Σ_r gap_r² of the block, when the last step left it known
    while True:
        block = _row_max_abs(excess)
        block /= sub.scale
        if rows is None:
            residual[:] = block
        else:
            residual[rows] = block
        going = ~(block < tol)  # a NaN residual never counts as converged
        left = np.count_nonzero(going)
        if iterations >= max_iterations or left == 0:
            break
        if left < len(going):
            if rows is not None:
                _put_output(log_z, state, rows, z, st)
            keep = going.nonzero()[0]
            rows = keep if rows is None else rows.take(keep)
            z = z.take(keep, axis=0)
            st, sub = st.select(keep), sub.select(keep)
            if gap is not None:
                gap = gap.take(keep, axis=0)
                # After a step that ran out of halvings the merit is not known (None).
                merit = None if merit is None else merit.take(keep)
        if gap is None:
            gap = _log_excess(st, sub)
        z, st, excess, gap, merit = _damped_step(z, gap, st, sub, merit)
        if rows is None:
            log_z, state = z, st
        iterations += 1
    if rows is not None:
        _put_output(log_z, state, rows, z, st)
    return Equilibrium(
        log_world_price=log_z.reshape(vector),
        log_price_index=state.log_index.reshape(vector),
        new_flows=_new_flows(state, eq).reshape((*batch, n, n)),
        iterations=iterations,
        converged=bool(np.all(residual < tol)),
        max_residual=float(residual.max(initial=0.0)),
    )


def _row_max_abs(values: np.ndarray) -> np.ndarray:
    """max_r |values_br| (B,) of a (B, R) array: reduced across the rows of its transpose,
    ~3x faster than ``max(axis=-1)`` over a short last axis (and exact: a maximum)."""
    return np.maximum.reduce(np.abs(values.T, order="C"), axis=0)


class _State(NamedTuple):
    power: np.ndarray  # z_r^(1−σ_v): (B, R) with one σ per market, else (B, R, R)
    lower: np.ndarray  # z_r^(−σ_v), shaped like power
    total: np.ndarray  # Σ_r θ_rv π_rv^(1−σ_v) (B, R)
    log_index: np.ndarray  # log Π_v (B, R)
    growth: np.ndarray  # Π_v^(σ_v+Em_v) (B, R)
    sold: np.ndarray  # Σ_v q_rv (B, R), base-price units
    supply: np.ndarray  # S_r (B, R)

    def select(self, rows: np.ndarray) -> _State:
        return _State._make([part.take(rows, axis=0) for part in self])


def _evaluate(log_z: np.ndarray, eq: Equations) -> _State:
    # One σ and one σ + Em per market (the engine's case): sums over importers are then
    # matrix-vector products of the constant weights.
    uniform = eq.exponent.shape[-1] == 1 and eq.cross.shape[-1] == 1
    if uniform:
        power = np.exp(eq.exponent * log_z)  # z_r^(1−σ), (B, R)
        total = (power[:, None, :] @ eq.index_weight)[:, 0, :]
        lower = power / np.exp(log_z)  # z_r^(−σ): reuse the power instead of a second exp
    else:
        column = log_z[:, :, None]
        power = np.exp(eq.exponent[:, None, :] * column)  # (B, R, R)
        total = column_sum(eq.index_weight * power)
        lower = power / np.exp(column)
    # Dividing by Σθ (1 up to round-off) makes an unchanged market give Π = 1 exactly.
    ratio = (total if eq.buys is None else np.where(eq.buys, total, 1.0)) / eq.theta_total
    log_index = np.log(ratio) / eq.index_divisor
    if eq.theta is not None:
        mean_log = (eq.theta_log_wedge + (log_z[:, None, :] @ eq.theta)[:, 0, :]) / eq.theta_total
        log_index = np.where(eq.cobb_douglas, mean_log, log_index)
    growth = np.exp(eq.cross * log_index)
    if uniform:
        sold = lower * (eq.demand_weight @ growth[:, :, None])[:, :, 0]
    else:
        sold = row_sum(eq.demand_weight * lower * growth[:, None, :])
    supply = eq.sales * np.exp(eq.ex * log_z)
    return _State(power, lower, total, log_index, growth, sold, supply)


def _excess(state: _State, eq: Equations) -> np.ndarray:
    excess = state.supply - state.sold
    if eq.idle is not None:
        excess[eq.idle] = 0.0
    return excess


def _put(state: _State, rows: np.ndarray, part: _State) -> None:
    for full, new in zip(state, part, strict=True):
        full[rows] = new


def _put_output(
    log_z: np.ndarray, state: _State, rows: np.ndarray, z: np.ndarray, part: _State
) -> None:
    """The block's values into the whole batch's: only what the answer reads (log z, the
    log index, power and growth); the rest of ``state`` is never read again."""
    log_z[rows] = z
    state.log_index[rows] = part.log_index
    state.power[rows] = part.power
    state.growth[rows] = part.growth


def _log_excess(state: _State, eq: Equations) -> np.ndarray:
    """log S_r − log Σ_v q_rv (B, R), 0 for a region without sales (its 0/0)."""
    if eq.idle is None:
        return np.log(state.supply / state.sold)
    ratio = np.divide(state.supply, state.sold, out=np.ones_like(state.supply), where=~eq.idle)
    return np.log(ratio)


def _damped_step(
    log_z: np.ndarray,
    gap: np.ndarray,
    state: _State,
    eq: Equations,
    merit: np.ndarray | None = None,
) -> tuple[np.ndarray, _State, np.ndarray, np.ndarray, np.ndarray | None]:
    """One Newton step on ``gap`` (``_log_excess``), halved for an element while it does
    not cut Σ_r gap_r² enough (Armijo): the full step near a solution, a safe one far from
    it (a large shock with Es >> |Em| can make the plain iteration cycle).  ``merit``:
    Σ_r gap_r² when known.  Returns log z, state, excess, gap and (when known) merit there."""
    step = _newton_step(log_z, gap, state, eq, in_logs=True)
    if merit is None:
        merit = np.einsum("br,br->b", gap, gap)
    trial = log_z + step
    new_state = _evaluate(trial, eq)
    new_gap = _log_excess(new_state, eq)
    alpha = None  # every step whole: (1 − 1e-4·α) is the constant _ARMIJO_FULL
    for _ in range(_HALVINGS):
        new_merit = np.einsum("br,br->b", new_gap, new_gap)
        bound = _ARMIJO_FULL if alpha is None else 1.0 - 1e-4 * alpha
        fine = new_merit <= bound * merit  # False for a step to a non-finite point too
        if fine.all():
            # Also returned: the next step starts from this point and needs its merit.
            return trial, new_state, _excess(new_state, eq), new_gap, new_merit
        if alpha is None:
            alpha = np.ones(len(log_z))
        rows = np.flatnonzero(~fine)
        alpha[rows] *= 0.5
        trial[rows] = log_z[rows] + alpha[rows, None] * step[rows]
        sub = eq.select(rows)
        part = _evaluate(trial[rows], sub)
        _put(new_state, rows, part)
        new_gap[rows] = _log_excess(part, sub)
    return trial, new_state, _excess(new_state, eq), new_gap, None


def _new_flows(state: _State, eq: Equations) -> np.ndarray:
    """q_rv · z_r = M_rv T̂W_rv^(−σ_v) z_r^(1−σ_v) Π_v^(σ_v+Em_v), (B, R, R)."""
    power = state.power[:, :, None] if state.power.ndim == 2 else state.power
    out = eq.demand_weight * power
    out *= state.growth[:, None, :]
    return out


def _newton_step(
    log_z: np.ndarray, excess: np.ndarray, state: _State, eq: Equations, in_logs: bool = False
) -> np.ndarray:
    """Solve J·step = −excess with J_rs = ∂excess_r/∂log z_s, for every element at once.

    J = diag(Ex_r S_r + Σ_v σ_v q_rv) − Σ_v q_rv (σ_v + Em_v) s_sv, where
    s_sv = θ_sv π_sv^(1−σ_v) / total_v are the current spending shares.  ``in_logs``:
    ``excess`` is log S_r − log Σ_v q_rv instead (``_log_excess``), whose Jacobian is J's
    with row r divided by Σ_v q_rv and S_r by itself: diag(Ex_r + σ_v) − Σ_v (q_rv / Σ_v q_rv)
    (σ_v + Em_v) s_sv, the same cost to build.
    """
    # Built and solved as −J·step = excess: negation is exact in floating point and LU's
    # pivots and sums are sign-symmetric, so the step is bit for bit −J⁻¹·excess without
    # negating the row factors, nor the step after the solve.
    safe_total = np.where(state.total > 0, state.total, 1.0)  # (B, R)
    if state.power.ndim == 2:
        per_total = state.growth / safe_total
        # q_rv s_sv summed over v = z_r^(−σ) z_s^(1−σ) Σ_v DW_rv (growth_v / total_v) IW_sv.
        jacobian = (eq.demand_weight * per_total[:, None, :]) @ eq.index_weight_t
        row = eq.cross * state.lower
        if in_logs:
            row /= _safe_sold(state, eq)
            own = eq.sigma + eq.ex  # (B, 1 or R)
        else:
            own = eq.ex * state.supply + eq.sigma * state.sold
        jacobian *= row[:, :, None]
        jacobian *= state.power[:, None, :]
    else:
        demand = eq.demand_weight * state.lower * state.growth[:, None, :]
        if in_logs:
            demand /= _safe_sold(state, eq)[:, :, None]
        shares = eq.index_weight * state.power
        shares /= safe_total[:, None, :]
        shares_t = np.swapaxes(shares, -1, -2)
        jacobian = (demand * eq.cross[:, None, :]) @ shares_t
        own = row_sum(demand * eq.sigma[:, None, :])
        own += eq.ex if in_logs else eq.ex * state.supply
    size, n = excess.shape
    # The diagonal as a strided view: einsum's parsing costs more than the view.
    diagonal = jacobian.reshape(size, n * n)[:, :: n + 1]
    diagonal -= own
    if eq.idle is not None:
        # A region without sales has the empty equation 0 = 0: use log z_r = 0 instead.
        jacobian[eq.idle] = 0.0
        b_idx, r_idx = np.nonzero(eq.idle)
        jacobian[b_idx, r_idx, r_idx] = -1.0
        excess = np.where(eq.idle, log_z, excess)
    step = np.linalg.solve(jacobian, excess[..., None])[..., 0]
    largest = _row_max_abs(step)
    if (largest <= _MAX_LOG_STEP).all():
        return step  # no element's step is cut
    cut = np.minimum(1.0, _MAX_LOG_STEP / np.maximum(largest, np.finfo(float).tiny))
    step *= cut[:, None]
    return step


def _safe_sold(state: _State, eq: Equations) -> np.ndarray:
    """Σ_v q_rv, 1 for a region without sales (its row is replaced by log z_r = 0)."""
    return state.sold if eq.idle is None else np.where(eq.idle, 1.0, state.sold)
