"""The linear GSIM for Monte Carlo: one system per draw, year and sector, runs as columns.

``trade.solve_gsim(form="linear")`` builds and LU-factorises one R x R system per market,
and broadcasts the base flows and shares to every batch element.  A Monte Carlo pass solves
draws x runs x years x sectors markets (1,000 x 4 x 12 x 9 = 432,000), where the runs of one
(draw, year, sector) -- baseline, scenario and their disagreement points -- share the same
old state and elasticities and so the same system matrix.  This module solves exactly the
same equations (DESIGN §5, no approximation) with one elimination per (draw, year, sector)
and the runs as right-hand-side columns, builds the base shares once per model instead of
once per market, and returns what the Monte Carlo keeps: world prices, new flows and the
welfare parts summed over sectors.

With elasticities equal across regions within a sector (the model's case: one row per
sector) the system is ``A·P̂* = b`` with ``A = (Em + Es)·φθᵀ − (Es + Ex)·I``.  A region with
no sales has a zero row of φ and of b, so its P̂* is 0 whatever its diagonal.  θ does not
depend on demand growth (growth is per importer and cancels in each importer's shares); φ is
the draw's grown flows over its sales, ``φ_rv = M_rv g_v / X_r``.

The cost is memory traffic, page faults and numpy's per-call and per-inner-loop overhead on
the short R axes, not arithmetic, hence:
- The per-flow arrays (one (D, Y, S, R, R) per run) are written once, as ``Q = w·G·W`` with
  ``G_rv = M_rv g_v`` the grown flows, ``W = 1 + T̂`` and ``w = −Es`` (1 if an Es is 0): the
  Es term of the new flows, which are then finished in the same array.  Both sums of Q the
  right-hand side needs (over exporters weighted by θ_rv / M_rv = T0_rv / R_v, and over
  importers) come from one matrix product against a fixed (2R, R²) matrix per sector, and
  ``a_v + b_r`` over every (R, R) block from one against a fixed (2R, R²) 0/1 matrix, which
  costs about half of numpy's broadcast along an R-long axis.
- Everything per region rather than per flow is laid out (..., S, N), N the (draw, year)
  pairs, so its element-wise work runs along one long axis.
- The system is strictly row diagonally dominant whenever ``Es + Ex > |Em + Es|`` (all the
  model's elasticity ranges): rows of φθᵀ are non-negative and sum to at most 1, so the
  off-diagonal row sum is at most ``|Em + Es|(1 − d)`` against ``|A_rr| ≥ Es + Ex −
  |Em + Es|·d``.  Gaussian elimination then needs no pivoting (growth factor at most 2) and
  runs on all S·N systems at once: ~60 numpy calls instead of one LAPACK call (~2 µs) per
  8 x 8 system.  Other elasticities (user overrides) use ``numpy.linalg.solve``.
- Matrix products are cut below 2^18 multiply-adds a call, under which OpenBLAS stays on the
  calling thread (the Monte Carlo already runs one pass per core).
- Scratch arrays are kept per thread between calls (~8 MB for 2 runs of 20 draws): a freshly
  mapped page costs a fault on first touch (~4 µs measured), and a 20-draw pass used to
  touch over a thousand of them.  Only the returned arrays are new.
"""

from __future__ import annotations

import math
import threading
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
    # (S, 2R, R²) against an (R, R) block flattened: rows v of Σ_r (T0_rv / R_v) x_rv over the
    # exporters that sell to v, then rows r of Σ_v x_rv.
    sums: np.ndarray
    outer: np.ndarray  # (R, R·S, R): [r, (u, s), v] = M_rv θ_uv, so M diag(g) θᵀ = outer·g
    outer_sum: np.ndarray  # (2R, R²): [a, b]·outer_sum = a_v + b_r at (r, v)


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
        revenue,
        theta,
        spending,
        sums.reshape(n_sectors, 2 * n_regions, n_regions * n_regions),
        np.ascontiguousarray(outer).reshape(n_regions, n_regions * n_sectors, n_regions),
        np.concatenate([np.tile(eye, n_regions), np.repeat(eye, n_regions, axis=1)]),
    )


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
    n_draws, n_years, n_regions = growth_index.shape
    n_sectors = fac.flows.shape[0]
    n_runs = len(tariff_new)
    n = n_draws * n_years  # N, draw-major like the inputs
    cells = n_regions * n_regions
    run = (n, n_sectors, cells)  # one run's flows
    g = growth_index.reshape(n, n_regions)
    gt = g.T

    def per_sector(a: np.ndarray) -> np.ndarray:  # (D, S) -> (S, 1, N)
        return np.repeat(a.T, n_years, axis=1)[:, None]

    def by_draw(a: np.ndarray) -> np.ndarray:  # (K, N, ...) -> (D, K, Y, ...), a view
        return np.moveaxis(a.reshape(n_runs, n_draws, n_years, *a.shape[2:]), 0, 1)

    def by_region(a: np.ndarray) -> np.ndarray:  # (K, S, R, N) -> (D, K, Y, R) over sectors
        return by_draw(a.sum(axis=1).transpose(0, 2, 1))

    total, sub = per_sector(em + es), per_sector(es)
    sales = np.empty((n_sectors, n_regions, n))  # X_r = Σ_v M_rv g_v
    _matmul(fac.flows.reshape(-1, n_regions), gt, sales.reshape(-1, n))
    has_sales = sales > 0
    inv_sales = 1.0 / np.where(has_sales, sales, 1.0)
    scale = total * inv_sales  # (Em + Es) / X_r

    # A as (R, R, S, N): rows, columns, then every system.
    system = _scratch("system", (n_regions, n_regions, n_sectors, n))
    _matmul(fac.outer, gt, system.reshape(n_regions, -1, n))  # M diag(g) θᵀ = X φθᵀ
    system *= scale.transpose(1, 0, 2)[:, None]
    system.reshape(cells, n_sectors, n)[:: n_regions + 1] -= (sub + per_sector(ex))[:, 0]

    # Q = (1 + t1)(1 + tau1) · w G / T0 = w G W, run by run into the array the new flows end
    # in; runs sharing an iceberg array share (1 + tau1) w G / T0.  w = −Es puts the Es factor
    # of the new flows in for free and is divided out of the (small) sums again, which a zero
    # Es would not allow.
    tiled_g = np.tile(g, n_regions).reshape(n_draws, n_years, 1, cells)  # g_v at (r, v)
    grown = _scratch("grown", run)
    np.multiply(
        fac.flows.reshape(n_sectors, cells),
        tiled_g,
        out=grown.reshape(n_draws, n_years, n_sectors, cells),
    )
    fold = bool(np.all(es != 0))
    w = -es if fold else np.ones_like(es)
    real = (fac.flows * fac.inv_power_old).reshape(n_sectors, cells) * w[:, :, None]
    weight = _scratch("weight", run)
    np.multiply(real[:, None], tiled_g, out=weight.reshape(n_draws, n_years, n_sectors, cells))
    flows = np.empty((n_runs, *run))
    sums = _scratch("sums", (n_runs, n_sectors, 2 * n_regions, n))
    friction: dict[int, np.ndarray] = {}
    for k, (tariff, iceberg) in enumerate(zip(tariff_new, iceberg_new, strict=True)):
        if id(iceberg) not in friction:
            spare = _scratch(f"friction{len(friction)}", run)
            friction[id(iceberg)] = np.multiply(iceberg.reshape(run), weight, out=spare)
        np.add(tariff.reshape(run), 1.0, out=flows[k])
        flows[k] *= friction[id(iceberg)]
        # w g_v Σ_r θ_rv W_rv and w Σ_v G_rv W_rv = w X_r Σ_v φ_rv W_rv, (S, 2R, N).
        _matmul(fac.sums, flows[k].transpose(1, 2, 0), sums[k])
    del friction

    # g_v Σ_r θ_rv T̂_rv = g_v (Σ_r θ_rv W_rv − Σ_r θ_rv).
    spread = sums[:, :, :n_regions]
    spread /= per_sector(w)
    spread -= fac.theta.sum(axis=-2)[:, :, None] * gt
    # b = Es Σ_v φ_rv T̂_rv − (Em + Es) Σ_v φ_rv Σ_s θ_sv T̂_sv, (K, S, R, N), with
    # Σ_v φ_rv T̂_rv = Σ_v φ_rv W_rv − [X_r > 0].
    rhs = sums[:, :, n_regions:]
    rhs *= (sub / per_sector(w)) * inv_sales
    rhs -= sub * has_sales
    part = _scratch("part", rhs.shape)  # for one (K, S, R, N) term at a time
    np.matmul(fac.flows, spread, out=part)
    part *= scale
    rhs -= part
    dominant = bool(np.all(es + ex > np.abs(em + es)))
    solved = _solve(system, rhs, dominant)  # P̂* (K, S, R, N)
    # P̂_v = Σ_r θ_rv (T̂_rv + P̂*_r).  A region with no demand growth (g_v = 0) buys nothing,
    # so its P̂_v never counts: any finite value does.
    composite = spread
    composite /= np.where(gt != 0, gt, 1.0)
    composite += np.matmul(np.swapaxes(fac.theta, -1, -2), solved, out=part)

    np.multiply(composite, per_sector(0.5 * em), out=part)
    part += 1.0
    part *= composite
    part *= fac.spending[:, :, None] * gt
    consumer = -by_region(part)
    np.multiply(solved, per_sector(0.5 * ex), out=part)
    part += 1.0
    part *= solved
    part *= sales
    producer = by_region(part)

    # New flows M g_v (1 + M̂_rv)(1 + P̂*_r) with M̂_rv = (Em+Es) P̂_v − Es (W_rv − 1 + P̂*_r),
    # = (1 + P̂*_r)(G_rv (a_v + b_r) − Es G_rv W_rv), a_v = 1 + (Em+Es) P̂_v, b_r = Es (1 − P̂*_r),
    # finished in Q.  a_v + b_r over every (R, R) block is the product [a, b]·outer_sum.
    world = np.empty((n_runs, n, n_sectors, n_regions))
    np.copyto(world, solved.transpose(0, 3, 1, 2))
    terms = _scratch("terms", (n_runs, n_sectors, 2 * n_regions, n))  # [a, b]
    np.multiply(composite, total, out=terms[:, :, :n_regions])
    terms[:, :, :n_regions] += 1.0
    np.subtract(1.0, solved, out=terms[:, :, n_regions:])
    terms[:, :, n_regions:] *= sub
    shift = _scratch("shift", run)
    paid = np.empty((n_runs, n, n_regions))
    for k, tariff in enumerate(tariff_new):
        new = flows[k]
        if not fold:
            new.reshape(n_draws, n_years, n_sectors, cells)[...] *= -es[:, None, :, None]
        _matmul(terms[k].transpose(0, 2, 1), fac.outer_sum, shift.transpose(1, 0, 2))
        shift *= grown
        new += shift
        new.reshape(n, n_sectors, n_regions, n_regions)[...] *= (1.0 + world[k])[..., None]
        # Tariff revenue Σ_r M1_rv t1_rv per importer.
        np.einsum(
            "nsrv,nsrv->nv",
            new.reshape(n, n_sectors, n_regions, n_regions),
            tariff.reshape(n, n_sectors, n_regions, n_regions),
            out=paid[k],
        )
    paid -= g * fac.base_revenue.sum(axis=0)

    return LinearRuns(
        world_price=by_draw(world),
        flows=by_draw(flows.reshape(n_runs, n, n_sectors, n_regions, n_regions)),
        consumer=consumer,
        producer=producer,
        tariff_revenue=by_draw(paid),
    )


def _solve(system: np.ndarray, rhs: np.ndarray, dominant: bool) -> np.ndarray:
    """``system`` (R, R, S, N), ``rhs`` (K, S, R, N): the (K, S, R, N) solution.  Both may
    be overwritten.  ``dominant``: every system is strictly row diagonally dominant."""
    n_regions, _, n_sectors, n = system.shape
    n_runs = len(rhs)
    if not dominant:
        solved = np.linalg.solve(system.transpose(2, 3, 0, 1), rhs.transpose(1, 3, 2, 0))
        return solved.transpose(3, 0, 2, 1)
    # Elimination on (R, R, S·N) and (K, R, S·N): every step is a few long loops.
    a = system.reshape(n_regions, n_regions, n_sectors * n)
    b = _scratch("solution", (n_runs, n_regions, n_sectors, n))
    np.copyto(b, rhs.transpose(0, 2, 1, 3))
    b = b.reshape(n_runs, n_regions, -1)
    spare = _scratch("elimination", (max(n_regions, n_runs) * n_regions * a.shape[-1],))

    def product(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        shape = np.broadcast_shapes(x.shape, y.shape)
        return np.multiply(x, y, out=spare[: math.prod(shape)].reshape(shape))

    for p in range(n_regions):
        pivot = 1.0 / a[p, p]
        a[p, p + 1 :] *= pivot
        b[:, p] *= pivot
        if p + 1 < n_regions:
            multiplier = a[p + 1 :, p]
            a[p + 1 :, p + 1 :] -= product(multiplier[:, None], a[p, p + 1 :])
            b[:, p + 1 :] -= product(multiplier, b[:, p, None])
    for p in range(n_regions - 1, 0, -1):
        b[:, :p] -= product(a[:p, p], b[:, p, None])
    return b.reshape(n_runs, n_regions, n_sectors, n).transpose(0, 2, 1, 3)


# OpenBLAS runs a matrix product of more multiply-adds than this on several threads.
_ONE_THREAD = 1 << 18


def _matmul(a: np.ndarray, b: np.ndarray, out: np.ndarray) -> None:
    """``out[...] = a @ b``, in blocks of b's columns or a's rows that OpenBLAS keeps on the
    calling thread."""
    if b.ndim == 2:  # x (..., m, k) @ e (k, n): block the rows of a
        step = max(1, _ONE_THREAD // b.size)
        for i in range(0, a.shape[-2], step):
            np.matmul(a[..., i : i + step, :], b, out=out[..., i : i + step, :])
    else:  # e (..., m, k) @ x (..., k, n): block the columns of b
        step = max(1, _ONE_THREAD // (a.shape[-2] * a.shape[-1]))
        for i in range(0, b.shape[-1], step):
            np.matmul(a, b[..., i : i + step], out=out[..., i : i + step])


_SCRATCH = threading.local()


def _scratch(slot: str, shape: tuple[int, ...]) -> np.ndarray:
    """An uninitialised array in this thread's memory for ``slot``, kept between calls."""
    size = math.prod(shape)
    pool = _SCRATCH.__dict__
    if slot not in pool or pool[slot].size < size:
        pool[slot] = np.empty(size)
    return pool[slot][:size].reshape(shape)
