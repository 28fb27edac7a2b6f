"""The draw-independent pieces of one model's base year that ``linear_batch.solve`` reads
(shares, spending, revenue and the fixed 0/1 and outer-product matrices of its sums), built
once per model and cast once per dtype."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Factors:
    """Draw-independent pieces of one model's base year."""

    flows: np.ndarray  # M (S, R, R) base flows
    inv_power_old: np.ndarray  # 1 / T0 (S, R, R)
    power_old: np.ndarray  # T0 = 1 + t0 (S, R, R), kept in float64 by ``as_dtype``
    base_revenue: np.ndarray  # Σ_r t0_rv M_rv (S, R)
    theta: np.ndarray  # θ (S, R, R)
    spending: np.ndarray  # R_v base (S, R)
    # (S, 2R, R²) against an (R, R) block flattened: rows v of Σ_r (T0_rv / R_v) x_rv over the
    # exporters that sell to v, then rows r of Σ_v x_rv.
    sums: np.ndarray
    outer: np.ndarray  # (R, R·S, R): [r, (u, s), v] = M_rv θ_uv, so M diag(g) θᵀ = outer·g
    outer_sum: np.ndarray  # (2R, R²): [a, b]·outer_sum = a_v + b_r at (r, v)
    to_importer: np.ndarray  # (S·R², R): x·to_importer = Σ_s Σ_r x_srv
    cast: dict = field(default_factory=dict, compare=False)  # dtype -> these in that dtype

    def as_dtype(self, dtype) -> Factors:
        dtype = np.dtype(dtype)
        if dtype == self.flows.dtype:
            return self
        if dtype not in self.cast:
            names = [f for f in self.__dataclass_fields__ if f != "cast"]
            cast = {f: getattr(self, f).astype(dtype) for f in names}
            self.cast[dtype] = Factors(**{**cast, "power_old": self.power_old})
        return self.cast[dtype]


def factors(flows: np.ndarray, tariff_old: np.ndarray) -> Factors:
    """``flows`` (S, R, R) base flows, ``tariff_old`` t0 (S, R, R) base-year tariffs."""
    power = 1.0 + tariff_old
    cells = flows * power
    spending = cells.sum(axis=-2)
    theta = cells / np.where(spending > 0, spending, 1.0)[..., None, :]
    revenue = (flows * tariff_old).sum(axis=-2)
    n_sectors, n_regions = flows.shape[:2]
    eye = np.eye(n_regions)
    # T0_rv / R_v = θ_rv / M_rv where r sells to v; Q_rv is 0 elsewhere.
    by_importer = np.where(
        flows > 0, power / np.where(spending > 0, spending, 1.0)[..., None, :], 0
    )
    sums = np.concatenate(
        [
            by_importer[:, None, :, :] * eye[None, :, None, :],  # [s, v', r, v]
            np.broadcast_to(eye[None, :, :, None], (n_sectors, *eye.shape, n_regions)),
        ],
        axis=1,
    )
    outer = flows.transpose(1, 0, 2)[:, None] * theta.transpose(1, 0, 2)[None]  # [r, u, s, v]
    return Factors(
        flows,
        1.0 / power,
        power,
        revenue,
        theta,
        spending,
        sums.reshape(n_sectors, 2 * n_regions, n_regions * n_regions),
        np.ascontiguousarray(outer).reshape(n_regions, n_regions * n_sectors, n_regions),
        np.concatenate([np.tile(eye, n_regions), np.repeat(eye, n_regions, axis=1)]),
        np.tile(eye, (n_sectors * n_regions, 1)),
    )
