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
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field

import numpy as np

# The arithmetic's precision (see the module notes): float32 halves the memory traffic.
DTYPE = np.float32


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
    augmented = _scratch("system", (n_regions, width, n_sectors, n), dt)
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
    # ``shift``'s (``_SPARE``), so a thread touches two fewer run-sized arrays.
    weight = _scratch(_SPARE, run, dt)
    np.multiply(real[:, None], tiled_g, out=weight.reshape(n_draws, n_years, n_sectors, cells))
    keep = list(range(n_runs)) if keep_flows is None else [int(k) for k in keep_flows]
    if len(set(keep)) != len(keep) or not all(0 <= k < n_runs for k in keep):
        raise ValueError(f"keep_flows: expected distinct runs below {n_runs}, found {keep}")
    tariff_new, variants = _variants(tariff_new, iceberg_new, keep, (n, n_sectors), dt)
    flows = np.empty((len(keep), *run), dt)
    kept = {k: flows[i] for i, k in enumerate(keep)}
    work = [
        None if k in variants else kept[k] if k in kept else _scratch(f"flows{k}", run, dt)
        for k in range(n_runs)
    ]
    sums = _scratch("sums", (n_runs, n_sectors, 2 * n_regions, n), dt)
    friction: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    rates: dict[int, np.ndarray] = {}  # t1 of each distinct tariff array, in ``dtype``
    for tariff in tariff_new:
        if tariff is None or id(tariff) in rates:
            continue
        if tariff.dtype == dt and tariff.flags.c_contiguous:  # built in ``dtype``: only read
            rates[id(tariff)] = tariff.reshape(run)
        else:
            rates[id(tariff)] = _scratch(f"tariff{len(rates)}", run, dt)
            np.copyto(rates[id(tariff)], tariff.reshape(run))
    tariff_new = [None if t is None else rates[id(t)] for t in tariff_new]
    for k, (tariff, iceberg) in enumerate(zip(tariff_new, iceberg_new, strict=True)):
        if id(iceberg) not in friction:
            # One pass over the (float64) input: 1 + tau1 − T0, then 1 + tau1 from it.
            slot = len(friction)
            plus = _scratch(f"offset{slot}", run, dt)
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
            times = _scratch(f"friction{slot}", run, dt)
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
    part = _scratch("part", rhs.shape, dt)  # for one (K, S, R, N) term at a time
    np.matmul(fac.flows, spread, out=part)
    part *= scale
    rhs -= part
    dominant = bool((es + ex > np.abs(em + es)).all())
    np.copyto(augmented[:, n_regions:], rhs.transpose(2, 0, 1, 3))
    solved = _solve(augmented, dominant)  # P̂* (K, S, R, N)
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
    grown = _scratch("offset0", run, dt)
    np.multiply(
        fac.flows.reshape(n_sectors, cells),
        tiled_g,
        out=grown.reshape(n_draws, n_years, n_sectors, cells),
    )
    terms = _scratch("friction0", (n_runs, n_sectors, 2 * n_regions, n), dt)  # [a, b]
    np.multiply(composite, total, out=terms[:, :, :n_regions])
    terms[:, :, :n_regions] += 1.0
    np.multiply(solved, -sub, out=terms[:, :, n_regions:])
    shift = _scratch(_SPARE, run, dt)
    grow = _scratch("grow", (n_runs, n, n_sectors, n_regions, 1), dt)  # 1 + P̂*_r
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
                _variant_revenue(
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


def _variants(
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


def _variant_revenue(
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


def _solve(augmented: np.ndarray, dominant: bool) -> np.ndarray:
    """``augmented`` [A | b] (R, R + K, S, N), overwritten: the (K, S, R, N) solution.
    ``dominant``: every system is strictly row diagonally dominant."""
    n_regions, width, n_sectors, n = augmented.shape
    n_runs = width - n_regions
    if not dominant:
        system = augmented[:, :n_regions].transpose(2, 3, 0, 1)
        rhs = augmented[:, n_regions:].transpose(2, 3, 0, 1)
        return np.linalg.solve(system, rhs).transpose(3, 0, 2, 1)
    # Elimination on (R, R + K, S·N), the right-hand sides carried as extra columns: every
    # step is a few long loops.
    a = augmented.reshape(n_regions, width, n_sectors * n)
    spare = _scratch(_SPARE, ((n_regions - 1) * (width - 1) * a.shape[-1],), a.dtype)
    for p in range(n_regions):
        a[p, p + 1 :] *= 1.0 / a[p, p]
        if p + 1 < n_regions:
            rest = a[p + 1 :, p + 1 :]
            step = spare[: rest.size].reshape(rest.shape)
            np.multiply(a[p + 1 :, p, None], a[p, None, p + 1 :], out=step)
            rest -= step
    solution = a[:, n_regions:]  # (R, K, S·N)
    for p in range(n_regions - 1, 0, -1):
        above = solution[:p]
        step = spare[: above.size].reshape(above.shape)
        np.multiply(a[:p, p, None], solution[p], out=step)
        above -= step
    return solution.reshape(n_regions, n_runs, n_sectors, n).transpose(1, 2, 0, 3)


# OpenBLAS runs a matrix product of more multiply-adds than this on several threads.
_ONE_THREAD = 1 << 18


def matmul_on_one_thread(a: np.ndarray, b: np.ndarray, out: np.ndarray) -> None:
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
# The slot of ``solve``'s w G / T0, then of the elimination's steps, then of ``shift``: their
# lifetimes do not overlap (nor do those of the friction factors and G, [a, b]).  Every page
# a chunk touches faults again after the trim that follows a run (planner.native_memory).
_SPARE = "spare"


def _scratch(slot: str, shape: tuple[int, ...], dtype=np.float64) -> np.ndarray:
    """An uninitialised array in this thread's memory for ``slot``, kept between calls (and
    the view of it, asked for again with the same shape on every call of a pass)."""
    pool = _SCRATCH.__dict__
    key = (slot, shape, dtype)
    view = pool.get(key)
    if view is not None:
        return view
    dtype = np.dtype(dtype)
    size = math.prod(shape) * dtype.itemsize
    if slot not in pool or pool[slot].size < size:
        for old in [k for k in pool if isinstance(k, tuple) and k[0] == slot]:
            del pool[old]  # views of the buffer being replaced
        pool[slot] = np.empty(size, np.uint8)
    view = pool[key] = pool[slot][:size].view(dtype).reshape(shape)
    return view
