"""A run's tariffs given as another run's but in a few cells (``CellTariffs``: a disagreement
point, which differs from its run only between the US and Mexico), and how
``linear_batch.solve`` solves such a run from its base run's arrays (``_Variant``)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planner.model.engine.linear_factors import Factors
from planner.model.engine.per_thread import matmul_on_one_thread


@dataclass(frozen=True)
class CellTariffs:
    """A run's tariffs given as another run's but in a few cells: a disagreement point,
    whose tariffs differ from its run's only between the US and Mexico."""

    base: np.ndarray  # (D, Y, S, R, R) the other run's tariffs
    cells: tuple[tuple[int, int], ...]  # (exporter, importer) of each cell that differs
    tariff: np.ndarray  # (D, Y, S, P) the tariffs in those cells, P = len(cells)

    def full(self) -> np.ndarray:
        """The whole (D, Y, S, R, R) array."""
        out = self.base.copy()
        for p, (r, v) in enumerate(self.cells):
            out[..., r, v] = self.tariff[..., p]
        return out


@dataclass
class _Variant:
    """A run solved from its base run's arrays (``CellTariffs`` with the base's iceberg).

    Its Q differs from the base's only in its cells, so its sums are the base's plus those
    of the change there.  Its tariff revenue Σ_r (1 + P̂*_r)(G_rv (a_v + b_r) + Q_rv) t1_rv
    is summed with the base's Q and t1 in every cell, then corrected in its own cells: its
    tariffs and Q are never built whole (a cast, two passes and a matrix product saved).
    """

    base: int  # the run whose arrays it shares
    at: np.ndarray  # (P,) flat position (r·R + v) of each cell in an (R, R) block
    exporter: list[int]  # r of each cell
    importer: list[int]  # v of each cell
    tariff: np.ndarray  # (N, S, P) its t1 there, in ``dtype``
    work: np.ndarray  # (N, S, P) its Q there


def tariff_variants(
    tariff_new: list, iceberg_new: list, keep: list[int], shape: tuple[int, int], dt
) -> tuple[list[np.ndarray | None], dict[int, _Variant]]:
    """The whole tariff arrays (None for a ``_Variant``) and the variants by run."""
    out: list[np.ndarray | None] = list(tariff_new)
    variants = {}
    for k, t in enumerate(tariff_new):
        if not isinstance(t, CellTariffs):
            continue
        if len(set(t.cells)) != len(t.cells):
            raise ValueError(f"CellTariffs: expected distinct cells, found {t.cells}")
        base = next((j for j, u in enumerate(tariff_new) if u is t.base), None)
        if base is None or iceberg_new[base] is not iceberg_new[k] or k in keep or not t.cells:
            out[k] = t.full()  # nothing to share (or its flows wanted): solved whole
            continue
        regions = t.base.shape[-1]
        cell_tariff = np.empty((*shape, len(t.cells)), dt)
        np.copyto(cell_tariff, t.tariff.reshape(cell_tariff.shape))
        variants[k] = _Variant(
            base,
            np.array([r * regions + v for r, v in t.cells]),
            [r for r, _ in t.cells],
            [v for _, v in t.cells],
            cell_tariff,
            np.empty_like(cell_tariff),
        )
        out[k] = None
    return out, variants


def variant_revenue(
    v: _Variant,
    terms: np.ndarray,
    grow: np.ndarray,
    q: np.ndarray,
    tariff: np.ndarray,
    grown: np.ndarray,
    fac: Factors,
    shift: np.ndarray,
    paid: np.ndarray,
    q_scale: np.ndarray | None,
) -> None:
    """Variant ``v``'s tariff revenue per importer into ``paid`` (N, R).  ``terms`` its
    [a, b] (S, 2R, N), ``grow`` its 1 + P̂*_r (N, S, R, 1); ``q`` and ``tariff`` its base's
    Q (with the Es factor) and t1 (N, S, R²); ``q_scale`` the Es factor still to put in
    its own Q (None: in already); ``shift`` scratch of one run."""
    n, n_sectors, _ = shift.shape
    n_regions = paid.shape[-1]
    if q_scale is not None:
        v.work.reshape(len(q_scale), -1, *v.work.shape[1:])[...] *= q_scale
    # a_v + b_r
    matmul_on_one_thread(terms.transpose(0, 2, 1), fac.outer_sum, shift.transpose(1, 0, 2))
    shift *= grown
    own = shift[:, :, v.at]  # (N, S, P), a copy: t1 (G (a + b) + Q) of its own cells
    own += v.work
    own *= v.tariff
    shift += q
    shift *= tariff
    own -= shift[:, :, v.at]  # less the base's Q and t1 there, summed with the rest
    np.matmul(
        grow.reshape(n, 1, -1), shift.reshape(n, -1, n_regions), out=paid.reshape(n, 1, n_regions)
    )
    own *= grow.reshape(n, n_sectors, n_regions)[:, :, v.exporter]
    fixed = own.sum(axis=1)  # (N, P)
    for p, importer in enumerate(v.importer):  # a few cells, each over every (N)
        paid[:, importer] += fixed[:, p]
