"""The CES form's equations (``ces``) for a flat batch of markets, calibrated to the base:
``Equations``, constant during Newton; its wedge-independent part (``_Static``), which a caller
keeps with its calibrated base; and the sums over stacked (..., R, R) arrays both use."""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

# Below this distance from 1 the CES index is evaluated in its Cobb-Douglas limit, where
# log(Σθπ^(1−σ))/(1−σ) would divide round-off by a tiny number.
_COBB_DOUGLAS_GAP = 1e-7


def row_sum(matrices: np.ndarray) -> np.ndarray:
    """Σ_v a_rv for stacked (..., R, R) arrays: a matrix-vector product, several times
    faster than ``sum(axis=-1)`` over a short last axis."""
    return (matrices @ np.ones((matrices.shape[-1], 1)))[..., 0]


def column_sum(matrices: np.ndarray) -> np.ndarray:
    """Σ_r a_rv for stacked (..., R, R) arrays, as a vector-matrix product."""
    return (np.ones((1, matrices.shape[-2])) @ matrices)[..., 0, :]


class Equations(NamedTuple):
    """The calibrated model for a flat batch (B, ...) of markets; constant during Newton.

    ``exponent``, ``cross`` etc. are (B, 1) when σ_v and Em_v are equal for every importer
    of a market (the engine's case): sums over importers are then matrix-vector products of
    the constant weights, and no (B, R, R) array is built until the Jacobian.
    """

    index_weight: np.ndarray  # θ_rv T̂W_rv^(1−σ_v) (B, R, R)
    index_weight_t: np.ndarray  # its transpose, contiguous (B, R, R)
    demand_weight: np.ndarray  # M_rv T̂W_rv^(−σ_v) (B, R, R)
    theta_total: np.ndarray  # Σ_r θ_rv (B, R) where > 0, else 1
    buys: np.ndarray | None  # Σ_r θ_rv > 0 (B, R); None when every region buys
    theta_log_wedge: np.ndarray | None  # Σ_r θ_rv log T̂W_rv (B, R), Cobb-Douglas index
    theta: np.ndarray | None  # θ (B, R, R), only when some σ is 1
    exponent: np.ndarray  # 1 − σ_v (B, 1 or R)
    index_divisor: np.ndarray  # 1 − σ_v, 1 where Cobb-Douglas (B, 1 or R)
    cobb_douglas: np.ndarray  # σ_v == 1 (B, 1 or R)
    sigma: np.ndarray  # σ_v (B, 1 or R)
    cross: np.ndarray  # σ_v + Em_v (B, 1 or R)
    ex: np.ndarray  # (B, 1 or R)
    sales: np.ndarray  # X_r (B, R)
    scale: np.ndarray  # max_r X_r (B,), the residual's unit
    idle: np.ndarray | None  # X_r <= 0 (B, R), None when every region sells

    def select(self, rows: np.ndarray) -> Equations:
        # ``take`` copies rows ~2x faster than fancy indexing.
        return Equations._make([None if part is None else part.take(rows, axis=0) for part in self])


class _Static(NamedTuple):
    """The parts of ``Equations`` that do not depend on the wedges (flat batch)."""

    theta_total: np.ndarray
    buys: np.ndarray | None
    theta: np.ndarray | None
    exponent: np.ndarray
    index_divisor: np.ndarray
    cobb_douglas: np.ndarray
    sigma: np.ndarray
    cross: np.ndarray
    ex: np.ndarray
    sales: np.ndarray
    scale: np.ndarray
    idle: np.ndarray | None


def _static(theta, em, es, ex, sales, batch, n) -> _Static:
    size = math.prod(batch)

    def flat(array: np.ndarray, *trailing: int) -> np.ndarray:
        return np.broadcast_to(array, (*batch, *trailing)).reshape(size, *trailing)

    cobb_douglas = np.abs(1.0 - es) < _COBB_DOUGLAS_GAP
    exponent = np.where(cobb_douglas, 0.0, 1.0 - es)  # 1 − σ_v, (..., 1 or R)
    sigma = 1.0 - exponent
    last = exponent.shape[-1]
    theta_total = flat(column_sum(theta), n)
    buys = theta_total > 0
    flat_sales = flat(sales, n)
    idle = flat_sales <= 0
    return _Static(
        theta_total=np.where(buys, theta_total, 1.0),
        buys=None if buys.all() else buys,
        theta=flat(theta, n, n) if cobb_douglas.any() else None,
        exponent=flat(exponent, last),
        index_divisor=flat(np.where(cobb_douglas, 1.0, exponent), last),
        cobb_douglas=flat(cobb_douglas, last),
        sigma=flat(sigma, last),
        cross=flat(sigma + em, np.broadcast_shapes(sigma.shape, em.shape)[-1]),
        ex=flat(ex, ex.shape[-1]),
        sales=flat_sales,
        scale=np.maximum(flat_sales.max(axis=-1), np.finfo(float).tiny),
        idle=idle if idle.any() else None,
    )


def equations_of(
    flows, theta, log_wedge, wedge_factor, em, es, ex, sales, batch, n, static=None, changed=None
) -> Equations:
    size = math.prod(batch)
    fixed = None if static is None else static.get(batch)
    if fixed is None:
        fixed = _static(theta, em, es, ex, sales, batch, n)
        if static is not None:
            static[batch] = fixed

    def flat(array: np.ndarray, *trailing: int) -> np.ndarray:
        if array.shape[: len(batch)] != batch:
            array = np.broadcast_to(array, (*batch, *trailing))
        return array.reshape(size, *trailing)

    if changed is not None and wedge_factor is not None:
        index_weight, demand_weight = _changed_weights(
            flows, theta, log_wedge, wedge_factor, fixed.exponent, batch, n, changed
        )
    else:
        # Constant parts of the variety terms: θ_rv·T̂W_rv^(1−σ_v) and M_rv·T̂W_rv^(−σ_v).
        exponent = fixed.exponent.reshape(*batch, -1)  # 1 − σ_v, kept with the static parts
        power_of = exponent[..., None, :] * log_wedge
        # exp(±0) = 1: a wedge that does not change (most of them) needs no exponential.
        wedge_power = np.exp(power_of, out=np.ones(power_of.shape), where=power_of != 0)
        index_weight = flat(theta * wedge_power, n, n)
        inverse = np.exp(-log_wedge) if wedge_factor is None else 1.0 / wedge_factor
        wedge_power *= inverse
        demand_weight = flat(flows * wedge_power, n, n)
    return Equations(
        index_weight=index_weight,
        index_weight_t=np.ascontiguousarray(np.swapaxes(index_weight, -1, -2)),
        demand_weight=demand_weight,
        theta_log_wedge=(
            None if fixed.theta is None else flat((theta * log_wedge).sum(axis=-2), n)
        ),
        **fixed._asdict(),
    )


def _changed_weights(
    flows, theta, log_wedge, wedge_factor, exponent, batch, n, changed
) -> tuple[np.ndarray, np.ndarray]:
    """θ·T̂W^(1−σ) and M·T̂W^(−σ) (B, R, R) with the wedge terms on the ``changed`` cells
    only: elsewhere T̂W is exactly 1, so the weights are θ and M themselves (x·1 = x), and
    on the changed cells the products are the whole arrays' element for element."""
    size = math.prod(batch)
    cells = n * n
    # Broadcast by assignment: reshaping the broadcast view would copy it once more.
    index_weight = np.empty((*batch, n, n))
    index_weight[...] = theta
    index_weight = index_weight.reshape(size, n, n)
    demand_weight = np.empty((*batch, n, n))
    demand_weight[...] = flows
    demand_weight = demand_weight.reshape(size, n, n)
    if changed.size == 0:
        return index_weight, demand_weight
    if exponent.shape[-1] == 1:
        per_cell = exponent[:, 0].take(changed // cells)
    else:
        per_cell = exponent.ravel().take((changed // cells) * n + changed % n)
    power = per_cell * log_wedge.reshape(-1).take(changed)
    np.exp(power, out=power)
    flat_index = index_weight.reshape(-1)
    flat_index[changed] = flat_index.take(changed) * power
    power *= 1.0 / wedge_factor.reshape(-1).take(changed)
    flat_demand = demand_weight.reshape(-1)
    flat_demand[changed] = flat_demand.take(changed) * power
    return index_weight, demand_weight
