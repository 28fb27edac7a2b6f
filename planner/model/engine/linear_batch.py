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
- The arithmetic is float32 (``DTYPE``; ``dtype=np.float64`` gives the exact linear GSIM
  to rounding): half the bytes of every pass, ~1.5x faster a call.  It keeps ~7 digits of
  what it computes, so it works with changes, not levels, wherever a level would cancel:
  T̂ itself, not ``1 + T̂`` (whose float32 rounding is ~1e-7 of 1, i.e. 1e-5 of a 1% change).
  Measured against float64 on the model's markets: prices, flows and welfare parts within
  ~1e-6 of their largest value.  The small outputs come back in float64, the flows in float32
  (Monte Carlo keeps its flow samples in float32 anyway).
- The per-flow arrays (one (D, Y, S, R, R) per run) are written once, as ``Q = w·G·T̂`` with
  ``G_rv = M_rv g_v`` the grown flows and ``w = −Es`` (1 if an Es is 0): the Es term of the
  new flows, which are then finished in the same array.  Both sums of Q the right-hand side
  needs (over exporters weighted by θ_rv / M_rv = T0_rv / R_v, and over importers) come from
  one matrix product against a fixed (2R, R²) matrix per sector, and ``a_v + b_r`` over every
  (R, R) block from one against a fixed (2R, R²) 0/1 matrix, which costs about half of
  numpy's broadcast along an R-long axis.
- Everything per region rather than per flow is laid out (..., S, N), N the (draw, year)
  pairs, so its element-wise work runs along one long axis.
- The system is strictly row diagonally dominant whenever ``Es + Ex > |Em + Es|`` (all the
  model's elasticity ranges): rows of φθᵀ are non-negative and sum to at most 1, so the
  off-diagonal row sum is at most ``|Em + Es|(1 − d)`` against ``|A_rr| ≥ Es + Ex −
  |Em + Es|·d``.  Gaussian elimination then needs no pivoting (growth factor at most 2) and
  runs on all S·N systems at once, the runs' right-hand sides as extra columns of [A | b]:
  ~40 numpy calls instead of one LAPACK call (~2 µs) per 8 x 8 system.  Other elasticities
  (user overrides) use ``numpy.linalg.solve``.
- Matrix products are cut below 2^18 multiply-adds a call, under which OpenBLAS stays on the
  calling thread (the Monte Carlo already runs one pass per core).
- A disagreement point's tariffs differ from its run's only in the US<->Mexico cells and it
  shares its run's trade costs, so its Q differs only there: given as ``CellTariffs`` its
  sums are its run's plus those of the change, and its tariff revenue takes its run's Q and
  t1 with its own (a, b, P̂*), corrected in its cells.  Its tariffs are never built whole
  (nor cast, nor multiplied out), and the Monte Carlo's tariffs come in float32 already
  (used as they are); trade costs may come as ``RowScaled``: the policy's (a broadcast
  view) with Mexico's row scaled, the same float64 numbers without the whole array.
- Scratch arrays are kept per thread between calls (~5 MB for 2 runs of 20 draws): a freshly
  mapped page costs a fault on first touch (~4 µs measured), and a 20-draw pass used to
  touch over a thousand of them.  Only the returned arrays are new.

This module holds the solve (``solve``, ``LinearRuns``, ``RowScaled``); the base year's
pieces are in ``linear_factors``, a disagreement point's cells in ``cell_tariffs``, the
elimination in ``batch_elimination`` and the per-thread products and scratch in
``per_thread``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planner.model.engine.batch_elimination import eliminate
from planner.model.engine.cell_tariffs import CellTariffs, tariff_variants, variant_revenue
from planner.model.engine.linear_factors import Factors
from planner.model.engine.per_thread import SPARE, matmul_on_one_thread, thread_scratch

# The arithmetic's precision (see the module notes): float32 halves the memory traffic.
DTYPE = np.float32


@dataclass(frozen=True)
class RowScaled:
    """1 + tau given as ``policy`` with one exporter's row scaled by ``factor``: a run's
    trade costs, whose policy part is mostly one array for every sector (a broadcast view)
    and whose Mexican part is per sector, so the whole float64 array need not be built."""

    policy: np.ndarray  # (D, Y, S, R, R), maybe a broadcast view
    row: int  # the exporter scaled
    factor: np.ndarray  # (D, Y, S, R)

    def full(self) -> np.ndarray:
        """The whole (D, Y, S, R, R) array."""
        out = np.array(self.policy)  # a copy, also of a view
        out[..., self.row, :] *= self.factor
        return out

    def column(self, importer: int) -> np.ndarray:
        """(D, Y, S, R) into ``importer``: ``full()[..., importer]``, bit for bit."""
        out = np.array(self.policy[..., importer])
        out[..., self.row] *= self.factor[..., importer]
        return out


@dataclass(frozen=True)
class LinearRuns:
    """Shapes: D draws, K runs, Y years, S sectors, R regions."""

    world_price: np.ndarray  # P̂* (D, K, Y, S, R)
    flows: np.ndarray  # new flows (D, K, Y, S, R, R), K the kept runs (``keep_flows``)
    consumer: np.ndarray  # (D, K, Y, R) summed over sectors
    producer: np.ndarray
    tariff_revenue: np.ndarray


def solve(
    fac: Factors,
    growth_index: np.ndarray,
    tariff_new: list[np.ndarray | CellTariffs],
    iceberg_new: list[np.ndarray | RowScaled],
    em: np.ndarray,
    es: np.ndarray,
    ex: np.ndarray,
    dtype=DTYPE,
    keep_flows: list[int] | range | None = None,
) -> LinearRuns:
    """Linear GSIM of every draw and run, in ``dtype`` arithmetic.

    ``growth_index`` (D, Y, R) the draw's demand growth since the base; ``tariff_new`` t1 and
    ``iceberg_new`` 1 + tau, one (D, Y, S, R, R) array (or ``RowScaled``) per run (runs may
    share one);
    ``em``, ``es``, ``ex`` (D, S).  The new flows come back in ``dtype``, the rest in float64.
    ``keep_flows``: the runs whose new flows are returned, in that order (None: every run);
    the others' are not finished (a disagreement point's welfare needs only their sums).
    A run given as ``CellTariffs`` of another run's array, with the same iceberg array and
    flows not kept, is solved from that run's arrays and its few cells (see ``_Variant``);
    otherwise its whole array is built.
    """
    dt = np.dtype(dtype)
    power_old = fac.power_old  # float64, whatever ``dtype``: see T̂ below
    fac = fac.as_dtype(dt)
    growth_index, em, es, ex = (np.asarray(a, dtype=dt) for a in (growth_index, em, es, ex))
    n_draws, n_years, n_regions = growth_index.shape
    n_sectors = fac.flows.shape[0]
    n_runs = len(tariff_new)
    n = n_draws * n_years  # N, draw-major like the inputs
    cells = n_regions * n_regions
    run = (n, n_sectors, cells)  # one run's flows
    g = growth_index.reshape(n, n_regions)
    gt = g.T

    def per_sector(a: np.ndarray) -> np.ndarray:  # (D, F·S) -> F x (S, 1, N)
        return np.repeat(a.T, n_years, axis=1).reshape(-1, n_sectors, 1, n)

    def by_draw(a: np.ndarray) -> np.ndarray:  # (K, N, ...) -> (D, K, Y, ...), a view
        return a.reshape(n_runs, n_draws, n_years, *a.shape[2:]).swapaxes(0, 1)

    def by_region(a: np.ndarray) -> np.ndarray:  # (K, S, R, N) -> (D, K, Y, R) over sectors
        return by_draw(a.sum(axis=1, dtype=np.float64).transpose(0, 2, 1))

    # Em, Es, Ex (S, 1, N) each, from one repeat.
    em_n, sub, ex_n = per_sector(np.stack([em, es, ex]).transpose(1, 0, 2).reshape(n_draws, -1))
    total = em_n + sub
    sales = np.empty((n_sectors, n_regions, n), dt)  # X_r = Σ_v M_rv g_v
    matmul_on_one_thread(fac.flows.reshape(-1, n_regions), gt, sales.reshape(-1, n))
    has_sales = sales > 0
    inv_sales = 1.0 / np.where(has_sales, sales, 1.0)
    scale = total * inv_sales  # (Em + Es) / X_r

    # [A | b] as (R, R + K, S, N): rows, columns (the runs' right-hand sides last), then
    # every system.
    width = n_regions + n_runs
    augmented = thread_scratch("system", (n_regions, width, n_sectors, n), dt)
    system = augmented[:, :n_regions]
    matmul_on_one_thread(fac.outer, gt, system.reshape(n_regions, -1, n))  # M diag(g) θᵀ = X φθᵀ
    system *= scale.transpose(1, 0, 2)[:, None]
    diagonal = augmented.reshape(n_regions * width, n_sectors, n)[:: width + 1]
    diagonal -= (sub + ex_n)[:, 0]

    # Q = w G T̂ with T̂ = (1 + t1)(1 + tau1) / T0 − 1, run by run into the array the new
    # flows end in, as Q = t1 · (w G / T0)(1 + tau1) + (w G / T0)(1 + tau1 − T0): the
    # second factor is taken in float64 from the inputs, so T̂ keeps its own digits (1 + T̂
    # rounded to float32 would keep 7 digits of 1, not of T̂).  Runs sharing an iceberg array
    # share both factors.  w = −Es puts the Es factor of the new flows in for free and is
    # divided out of the (small) sums again, which a zero Es would not allow.
    tiled_g = np.tile(g, n_regions).reshape(n_draws, n_years, 1, cells)  # g_v at (r, v)
    fold = bool((es != 0).all())
    w = -es if fold else np.ones_like(es)
    w_n = -sub if fold else np.ones_like(sub)
    real = (fac.flows * fac.inv_power_old).reshape(n_sectors, cells) * w[:, :, None]
    # w G / T0, read only while Q is built: its memory is then the elimination's and
    # ``shift``'s (``SPARE``), so a thread touches two fewer run-sized arrays.
    weight = thread_scratch(SPARE, run, dt)
    np.multiply(real[:, None], tiled_g, out=weight.reshape(n_draws, n_years, n_sectors, cells))
    keep = list(range(n_runs)) if keep_flows is None else [int(k) for k in keep_flows]
    if len(set(keep)) != len(keep) or not all(0 <= k < n_runs for k in keep):
        raise ValueError(f"keep_flows: expected distinct runs below {n_runs}, found {keep}")
    tariff_new, variants = tariff_variants(tariff_new, iceberg_new, keep, (n, n_sectors), dt)
    flows = np.empty((len(keep), *run), dt)
    kept = {k: flows[i] for i, k in enumerate(keep)}
    work = [
        None if k in variants else kept[k] if k in kept else thread_scratch(f"flows{k}", run, dt)
        for k in range(n_runs)
    ]
    sums = thread_scratch("sums", (n_runs, n_sectors, 2 * n_regions, n), dt)
    friction: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    rates: dict[int, np.ndarray] = {}  # t1 of each distinct tariff array, in ``dtype``
    for tariff in tariff_new:
        if tariff is None or id(tariff) in rates:
            continue
        if tariff.dtype == dt and tariff.flags.c_contiguous:  # built in ``dtype``: only read
            rates[id(tariff)] = tariff.reshape(run)
        else:
            rates[id(tariff)] = thread_scratch(f"tariff{len(rates)}", run, dt)
            np.copyto(rates[id(tariff)], tariff.reshape(run))
    tariff_new = [None if t is None else rates[id(t)] for t in tariff_new]
    for k, (tariff, iceberg) in enumerate(zip(tariff_new, iceberg_new, strict=True)):
        if id(iceberg) not in friction:
            # One pass over the (float64) input: 1 + tau1 − T0, then 1 + tau1 from it.
            slot = len(friction)
            plus = thread_scratch(f"offset{slot}", run, dt)
            scaled = iceberg if isinstance(iceberg, RowScaled) else None
            whole = iceberg if scaled is None else scaled.policy  # its row redone below
            np.subtract(
                whole.reshape(n_draws, n_years, n_sectors, cells),
                power_old.reshape(n_sectors, cells),
                out=plus.reshape(n_draws, n_years, n_sectors, cells),
            )
            if scaled is not None:  # the same float64 numbers as the whole array's row
                shaped = (n_draws, n_years, n_sectors, n_regions, n_regions)
                np.subtract(
                    scaled.policy[..., scaled.row, :] * scaled.factor,
                    power_old[:, scaled.row, :],
                    out=plus.reshape(shaped)[..., scaled.row, :],
                )
            times = thread_scratch(f"friction{slot}", run, dt)
            np.add(plus, power_old.reshape(n_sectors, cells), out=times, dtype=dt)
            times *= weight
            plus *= weight
            friction[id(iceberg)] = times, plus
        if k in variants:
            continue
        times, plus = friction[id(iceberg)]
        np.multiply(tariff, times, out=work[k])
        work[k] += plus
        # w g_v Σ_r θ_rv T̂_rv and w Σ_v G_rv T̂_rv = w X_r Σ_v φ_rv T̂_rv, (S, 2R, N).
        matmul_on_one_thread(fac.sums, work[k].transpose(1, 2, 0), sums[k])
    for k, v in variants.items():
        # Its Q in its own cells, as a whole run's would be; its sums are its base run's
        # plus those of the change, which is 0 in every other cell.
        times, plus = friction[id(iceberg_new[k])]
        np.multiply(v.tariff, times[:, :, v.at], out=v.work)
        v.work += plus[:, :, v.at]
        change = v.work - work[v.base][:, :, v.at]
        np.add(
            sums[v.base], np.matmul(fac.sums[:, :, v.at], change.transpose(1, 2, 0)), out=sums[k]
        )
    del friction

    # g_v Σ_r θ_rv T̂_rv.
    spread = sums[:, :, :n_regions]
    if fold:
        spread /= w_n
    # b = Es Σ_v φ_rv T̂_rv − (Em + Es) Σ_v φ_rv Σ_s θ_sv T̂_sv, (K, S, R, N).
    rhs = sums[:, :, n_regions:]
    rhs *= (sub / w_n) * inv_sales
    part = thread_scratch("part", rhs.shape, dt)  # for one (K, S, R, N) term at a time
    np.matmul(fac.flows, spread, out=part)
    part *= scale
    rhs -= part
    dominant = bool((es + ex > np.abs(em + es)).all())
    np.copyto(augmented[:, n_regions:], rhs.transpose(2, 0, 1, 3))
    solved = eliminate(augmented, dominant)  # P̂* (K, S, R, N)
    # P̂_v = Σ_r θ_rv (T̂_rv + P̂*_r).  A region with no demand growth (g_v = 0) buys nothing,
    # so its P̂_v never counts: any finite value does.
    composite = spread
    composite /= np.where(gt != 0, gt, 1.0)
    composite += np.matmul(np.swapaxes(fac.theta, -1, -2), solved, out=part)

    np.multiply(composite, 0.5 * em_n, out=part)
    part += 1.0
    part *= composite
    part *= fac.spending[:, :, None] * gt
    consumer = -by_region(part)
    np.multiply(solved, 0.5 * ex_n, out=part)
    part += 1.0
    part *= solved
    part *= sales
    producer = by_region(part)

    # New flows M g_v (1 + M̂_rv)(1 + P̂*_r) with M̂_rv = (Em+Es) P̂_v − Es (T̂_rv + P̂*_r),
    # = (1 + P̂*_r)(G_rv (a_v + b_r) − Es G_rv T̂_rv), a_v = 1 + (Em+Es) P̂_v, b_r = −Es P̂*_r,
    # finished in Q.  a_v + b_r over every (R, R) block is the product [a, b]·outer_sum.
    world = np.empty((n_runs, n, n_sectors, n_regions))
    np.copyto(world, solved.transpose(0, 3, 1, 2))
    # G and [a, b] in the friction factors' memory, not read after Q was built (G only
    # now: made at the start, it would hold a run-sized array through the whole solve).
    grown = thread_scratch("offset0", run, dt)
    np.multiply(
        fac.flows.reshape(n_sectors, cells),
        tiled_g,
        out=grown.reshape(n_draws, n_years, n_sectors, cells),
    )
    terms = thread_scratch("friction0", (n_runs, n_sectors, 2 * n_regions, n), dt)  # [a, b]
    np.multiply(composite, total, out=terms[:, :, :n_regions])
    terms[:, :, :n_regions] += 1.0
    np.multiply(solved, -sub, out=terms[:, :, n_regions:])
    shift = thread_scratch(SPARE, run, dt)
    grow = thread_scratch("grow", (n_runs, n, n_sectors, n_regions, 1), dt)  # 1 + P̂*_r
    np.add(solved.transpose(0, 3, 1, 2)[..., None], 1.0, out=grow)
    paid = np.empty((n_runs, n, n_regions), dt)
    for k, tariff in enumerate(tariff_new):
        if k in variants:
            continue
        new = work[k]
        if not fold:
            new.reshape(n_draws, n_years, n_sectors, cells)[...] *= -es[:, None, :, None]
        for j, v in variants.items():
            if v.base == k:  # while ``new`` still holds this run's Q (see ``_Variant``)
                q_scale = None if fold else -es[:, None, :, None]
                variant_revenue(
                    v, terms[j], grow[j], new, tariff, grown, fac, shift, paid[j], q_scale
                )
        matmul_on_one_thread(terms[k].transpose(0, 2, 1), fac.outer_sum, shift.transpose(1, 0, 2))
        shift *= grown
        new += shift
        if k in kept:
            new.reshape(n, n_sectors, n_regions, n_regions)[...] *= grow[k]
            # Tariff revenue Σ_s Σ_r M1_rv t1_rv per importer: one product against a 0/1
            # matrix (einsum took a third longer).
            np.multiply(new, tariff, out=shift)
            matmul_on_one_thread(shift.reshape(n, -1), fac.to_importer, paid[k])
        else:  # the same sums, the (1 + P̂*_r) factor taken in them (one product per pair)
            np.multiply(new, tariff, out=shift)
            np.matmul(
                grow[k].reshape(n, 1, -1),
                shift.reshape(n, -1, n_regions),
                out=paid[k].reshape(n, 1, n_regions),
            )
    revenue = paid.astype(np.float64)
    revenue -= g * fac.base_revenue.sum(axis=0)

    new_flows = flows.reshape(len(keep), n_draws, n_years, n_sectors, n_regions, n_regions)
    return LinearRuns(
        world_price=by_draw(world),
        flows=new_flows.swapaxes(0, 1),
        consumer=consumer,
        producer=producer,
        tariff_revenue=by_draw(revenue),
    )
