"""The linear GSIM for Monte Carlo: one system per draw, year and sector, runs as columns.

``trade.solve_gsim(form="linear")`` builds and LU-factorises one R x R system per market,
and broadcasts the base flows and shares to every batch element.  A Monte Carlo pass solves
draws x runs x years x sectors markets (1,000 x 4 x 12 x 9 = 432,000), where the runs of one
(draw, year, sector) -- baseline, scenario and their disagreement points -- share the same
old state and elasticities and so the same system matrix.  This module solves exactly the
same equations (DESIGN §5, no approximation) with one factorisation per (draw, year, sector)
and the runs as right-hand-side columns, builds the base shares once per model instead of
once per market, and returns what the Monte Carlo keeps: world prices, new flows and the
welfare parts summed over sectors.

With elasticities equal across regions within a sector (the model's case: one row per
sector) the system is ``A·P̂* = b`` with ``A = (Em + Es)·φθᵀ − (Es + Ex)·I``.  A region with
no sales has a zero row of φ and of b, so its P̂* is 0 whatever its diagonal.  θ does not
depend on demand growth (growth is per importer and cancels in each importer's shares); φ is
the draw's grown flows over its sales, ``φ_rv = M_rv g_v / X_r``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Factors:
    """Draw-independent pieces of one model's base year."""

    flows: np.ndarray  # M (S, R, R) base flows
    inv_power_old: np.ndarray  # 1 / T0 (S, R, R)
    base_revenue: np.ndarray  # Σ_r t0_rv M_rv (S, R)
    theta: np.ndarray  # θ (S, R, R)
    spending: np.ndarray  # R_v base (S, R)


def factors(flows: np.ndarray, tariff_old: np.ndarray) -> Factors:
    """``flows`` (S, R, R) base flows, ``tariff_old`` t0 (S, R, R) base-year tariffs."""
    power = 1.0 + tariff_old
    cells = flows * power
    spending = cells.sum(axis=-2)
    theta = cells / np.where(spending > 0, spending, 1.0)[..., None, :]
    revenue = (flows * tariff_old).sum(axis=-2)
    return Factors(flows, 1.0 / power, revenue, theta, spending)


@dataclass(frozen=True)
class LinearRuns:
    """Shapes: D draws, K runs, Y years, S sectors, R regions."""

    world_price: np.ndarray  # P̂* (D, K, Y, S, R)
    flows: np.ndarray  # new flows (D, K, Y, S, R, R)
    consumer: np.ndarray  # (D, K, Y, R) summed over sectors
    producer: np.ndarray
    tariff_revenue: np.ndarray


def solve(
    fac: Factors,
    growth_index: np.ndarray,
    tariff_new: list[np.ndarray],
    iceberg_new: list[np.ndarray],
    em: np.ndarray,
    es: np.ndarray,
    ex: np.ndarray,
) -> LinearRuns:
    """Linear GSIM of every draw and run.

    ``growth_index`` (D, Y, R) the draw's demand growth since the base; ``tariff_new`` t1 and
    ``iceberg_new`` 1 + tau, one (D, Y, S, R, R) array per run (runs may share an array);
    ``em``, ``es``, ``ex`` (D, S).
    """
    total = (em + es)[:, None, :, None]  # (D, 1, S, 1) against (D, Y, S, R)
    es_ = es[:, None, :, None]
    ex_ = ex[:, None, :, None]
    grown = fac.flows * growth_index[:, :, None, None, :]  # (D, Y, S, R, R) M_rv g_v
    sales = grown.sum(axis=-1)  # X_r (D, Y, S, R)
    inv_sales = 1.0 / np.where(sales > 0, sales, 1.0)
    # A = (Em + Es) φθᵀ − (Es + Ex) I, φ = grown / X (rows), one per (draw, year, sector).
    system = grown @ np.swapaxes(fac.theta, -1, -2)
    system *= (total * inv_sales)[..., None]
    np.einsum("...ii->...i", system)[...] -= es_ + ex_

    # W = 1 + T̂ = T1 (1 + tau1) / T0, written run by run into one full-size array.
    wedge = np.empty((len(tariff_new), *tariff_new[0].shape))
    for k, (tariff, iceberg) in enumerate(zip(tariff_new, iceberg_new, strict=True)):
        np.add(tariff, 1.0, out=wedge[k])
        wedge[k] *= iceberg
    wedge = np.moveaxis(wedge, 0, 1)  # (D, K, Y, S, R, R), a view
    wedge *= fac.inv_power_old
    # b_r = Σ_v φ_rv (Es T̂_rv − (Em + Es) Σ_s θ_sv T̂_sv), runs as columns: (D, Y, S, R, K).
    # With T̂ = W − 1: Σ_r θ_rv T̂_rv = Σ_r θ_rv W_rv − Σ_r θ_rv, and likewise for φ.
    theta_total = fac.theta.sum(axis=-2)[..., None]  # (S, R, 1)
    mean = np.einsum("dkysrv,srv->dysvk", wedge, fac.theta) - theta_total
    own = np.einsum("dkysrv,dysrv->dysrk", wedge, grown) * inv_sales[..., None]
    own -= (sales > 0)[..., None]
    rhs = own * es_[..., None] - (grown @ mean) * (total * inv_sales)[..., None]
    solved = np.linalg.solve(system, rhs)  # P̂* (D, Y, S, R, K)
    composite = mean + np.swapaxes(fac.theta, -1, -2) @ solved  # P̂_v

    spending = fac.spending * growth_index[:, :, None, :]  # (D, Y, S, R)
    em_ = em[:, None, :, None, None]
    consumer = -spending[..., None] * composite * (1.0 + 0.5 * em_ * composite)
    producer = sales[..., None] * solved * (1.0 + 0.5 * ex_[..., None] * solved)
    world = np.moveaxis(solved, -1, 1)  # (D, K, Y, S, R)

    # New flows M g_v (1 + M̂_rv)(1 + P̂*_r) with M̂_rv = (Em+Es) P̂_v − Es (W_rv − 1 + P̂*_r),
    # in place in the wedge array.
    new = wedge
    new += (world - 1.0)[..., :, None]
    new *= -es[:, None, None, :, None, None]
    new += np.moveaxis(1.0 + total[..., None] * composite, -1, 1)[..., None, :]
    new *= grown[:, None]
    new *= (1.0 + world)[..., :, None]
    paid = np.stack(
        [np.einsum("dysrv,dysrv->dyv", new[:, k], t) for k, t in enumerate(tariff_new)], axis=1
    )
    base_paid = np.einsum("sv,dyv->dyv", fac.base_revenue, growth_index)
    return LinearRuns(
        world_price=world,
        flows=new,
        consumer=np.moveaxis(consumer.sum(axis=2), -1, 1),
        producer=np.moveaxis(producer.sum(axis=2), -1, 1),
        tariff_revenue=paid - base_paid[:, None],
    )
