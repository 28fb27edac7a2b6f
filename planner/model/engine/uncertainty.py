"""Parameter draws, scenario overrides, quantile bands and the task-state of long runs.

Every ranged number the engine reads (elasticities, growth, the ``parameters`` table, the
``lever_effects`` table) becomes an array with a leading draw axis ``D``: the central run is
``D = 1`` at the central values, a Monte Carlo run draws each number independently from a
triangular distribution on (low, value, high) with a fixed seed, so the same scenario always
gives the same bands.  The engine code is the same for both.

Override keys (``Scenario.overrides``), each replacing a central value; the range moves
with it in proportion, cut to the values the key accepts (``catalog.OVERRIDE_RANGES``; a
value of 0 fixes the number):
- ``elasticities.<sector>.<import_demand|substitution|export_supply>``
- ``growth.<region>`` in percent a year (as in the seed table)
- ``parameters.<parameter id>`` e.g. ``parameters.per_day_cost_pct.autos``
- ``lever_effects.<lever>.<key>`` or ``lever_effects.<lever>.<option>.<key>``
"""

from __future__ import annotations

import os
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from planner.model.catalog import override_key, override_range
from planner.model.data import ModelData

ELASTICITY_KINDS = ("import_demand", "substitution", "export_supply")
QUANTILES = (0.1, 0.5, 0.9)
# ``quantile_bands_last`` sorts blocks of this many rows on up to SORT_THREADS threads.
SORT_THREADS = min(2, os.cpu_count() or 1)
SORT_ROWS = 2048


class Cancelled(Exception):
    """Raised inside a long run when its TaskState has been cancelled."""


@dataclass
class TaskState:
    """Progress and cancellation of a long run (Monte Carlo), shared with the caller.

    ``progress`` is called with a fraction 0..1 between chunks; a GUI sets ``cancelled``
    (or calls ``cancel()``) from another thread and the run stops at the next chunk.
    """

    progress: Callable[[float], None] | None = None
    cancelled: bool = False

    def cancel(self) -> None:
        self.cancelled = True

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled("the run was cancelled")

    def report(self, fraction: float) -> None:
        if self.progress is not None:
            self.progress(min(1.0, max(0.0, fraction)))


@dataclass(frozen=True)
class Params:
    """Every drawn number, leading axis D (draws).  Central run: D = 1."""

    import_demand: np.ndarray  # (D, S)
    substitution: np.ndarray  # (D, S)
    export_supply: np.ndarray  # (D, S)
    growth: np.ndarray  # (D, R) fraction a year
    parameters: dict[str, np.ndarray]  # id -> (D,)
    effects: dict[tuple[str, str, str], np.ndarray]  # (lever, option, key) -> (D,)
    timing: dict[tuple[str, str, str], tuple[int, int]] = field(default_factory=dict)
    # (lever, option) -> its effect keys, built on first use and shared by every slice: the
    # alignments ask for them on every evaluate and every Monte Carlo chunk.
    keys: dict[tuple[str, str], list[str]] = field(default_factory=dict, compare=False)

    @property
    def draws(self) -> int:
        return int(self.growth.shape[0])

    def param(self, param_id: str) -> np.ndarray:
        """(D,) values of a ``parameters`` row."""
        return self.parameters[param_id]

    def effect(self, lever_id: str, key: str, option: str = "") -> np.ndarray:
        """(D,) values of a ``lever_effects`` row; KeyError names the missing row."""
        try:
            return self.effects[(lever_id, option, key)]
        except KeyError:
            raise KeyError(f"lever_effects has no row {lever_id}/{option or '-'}/{key}") from None

    def has_effect(self, lever_id: str, key: str, option: str = "") -> bool:
        return (lever_id, option, key) in self.effects

    def effect_keys(self, lever_id: str, option: str = "") -> list[str]:
        if not self.keys:
            index: dict[tuple[str, str], list[str]] = {}
            for lev, opt, k in self.effects:
                index.setdefault((lev, opt), []).append(k)
            self.keys.update(index)
        return self.keys.get((lever_id, option), [])

    def lag_ramp(self, lever_id: str, key: str, option: str = "") -> tuple[int, int]:
        return self.timing.get((lever_id, option, key), (0, 0))


@dataclass(frozen=True)
class _Table:
    """Every ranged number of the model as flat (value, low, high) vectors with their names."""

    names: list[tuple]
    value: np.ndarray
    low: np.ndarray
    high: np.ndarray


def _ranged_table(model: ModelData) -> _Table:
    names: list[tuple] = []
    value: list[float] = []
    low: list[float] = []
    high: list[float] = []

    def add(name: tuple, v: float, lo: float, hi: float) -> None:
        names.append(name)
        value.append(float(v))
        low.append(float(lo))
        high.append(float(hi))

    for kind in ELASTICITY_KINDS:
        ranged = getattr(model, kind)
        for k, sector in enumerate(model.sectors):
            add(("elasticities", sector, kind), ranged.value[k], ranged.low[k], ranged.high[k])
    for k, region in enumerate(model.regions):
        g = model.growth
        add(("growth", region), g.value[k], g.low[k], g.high[k])
    for pid, c in model.parameters.items():
        add(("parameters", pid), c.value, c.low, c.high)
    for row in model.lever_effects.itertuples(index=False):
        lo = row.low if pd.notna(row.low) else row.value
        hi = row.high if pd.notna(row.high) else row.value
        add(("lever_effects", row.lever_id, row.option or "", row.key), row.value, lo, hi)
    return _Table(names, np.array(value), np.array(low), np.array(high))


def override_keys(model: ModelData) -> set[str]:
    """Every key a scenario's ``overrides`` may name for this model (the keys the catalog
    reads from the database, ``Catalog.override_keys``, name the same numbers)."""
    return {_override_key(name) for name in _ranged_table(model).names}


# One spelling of a key for the engine and the catalog's validation.
_override_key = override_key


def _apply_overrides(model: ModelData, table: _Table, overrides: Mapping[str, float]) -> _Table:
    if not overrides:
        return table
    index = {_override_key(n): i for i, n in enumerate(table.names)}
    value, low, high = table.value.copy(), table.low.copy(), table.high.copy()
    unknown = []
    for key, new in overrides.items():
        i = index.get(key)
        if i is None:
            unknown.append(key)
            continue
        unit, new = _file_unit(key), float(new)
        old = value[i] * unit
        if old != 0:  # the range moves in proportion
            lo, hi = sorted((low[i] * unit * new / old, high[i] * unit * new / old))
        else:  # a number without a central value: fixed at the new one
            lo = hi = new
        lo, hi = _within_accepted(key, new, lo, hi)
        value[i], low[i], high[i] = new / unit, lo / unit, hi / unit
    if unknown:
        from planner.errors import InputError
        from planner.model.problem_text import ProblemText
        from planner.model.scenario_checks import unknown_override_message

        # Validation's own words for the same mistake, its "did you mean" included.
        known = [_override_key(n) for n in table.names]
        raise InputError(
            [
                ProblemText(
                    "{path}: {message}",
                    path=f"overrides.{k}",
                    message=unknown_override_message(k, known),
                )
                for k in unknown
            ]
        )
    return _Table(table.names, value, low, high)


def _file_unit(key: str) -> float:
    """A file's number per model number: growth is percent in files, a fraction here."""
    return 100.0 if key.startswith("growth.") else 1.0


def _within_accepted(key: str, new: float, low: float, high: float) -> tuple[float, float]:
    """The range of an override, moved with it in proportion, cut to what the key accepts:
    a draw must stay where the central value may be (e.g. Em = -20 with the seed's range
    scaled would draw down to -32).  A value outside (validation bypassed) keeps its range."""
    bounds = override_range(key)
    if bounds is None or new not in bounds:
        return low, high

    def cut(x: float) -> float:
        return min(max(x, bounds.minimum), bounds.maximum)

    return cut(low), cut(high)


def _triangular(rng: np.random.Generator, table: _Table, n: int) -> np.ndarray:
    """(n, K) draws, triangular(low, value, high); a number without a range stays fixed."""
    lo = np.minimum(table.low, table.high)
    hi = np.maximum(table.low, table.high)
    mode = np.clip(table.value, lo, hi)
    u = rng.random((n, len(table.names)))
    width = hi - lo
    safe = np.where(width > 0, width, 1.0)
    cut = np.where(width > 0, (mode - lo) / safe, 0.5)
    left = lo + np.sqrt(u * safe * (mode - lo))
    right = hi - np.sqrt((1.0 - u) * safe * (hi - mode))
    out = np.where(u < cut, left, right)
    return np.where(width > 0, out, table.value)


def _params_from(model: ModelData, table: _Table, values: np.ndarray) -> Params:
    """Cut a (D, K) matrix of values into the Params fields."""
    s, r = len(model.sectors), len(model.regions)
    pos = 0
    elasticities = []
    for _ in ELASTICITY_KINDS:
        elasticities.append(values[:, pos : pos + s])
        pos += s
    growth = values[:, pos : pos + r]
    pos += r
    parameters, effects, timing = {}, {}, {}
    for k in range(pos, len(table.names)):
        name = table.names[k]
        if name[0] == "parameters":
            parameters[name[1]] = values[:, k]
        else:
            effects[name[1:]] = values[:, k]
    for row in model.lever_effects.itertuples(index=False):
        lag = int(row.lag_years) if pd.notna(row.lag_years) else 0
        ramp = int(row.ramp_years) if pd.notna(row.ramp_years) else 0
        timing[(row.lever_id, row.option or "", row.key)] = (lag, ramp)
    em, es, ex = elasticities
    return Params(em, es, ex, growth, parameters, effects, timing)


def central_params(model: ModelData, overrides: Mapping[str, float] | None = None) -> Params:
    """The central values (D = 1), with the scenario's overrides applied."""
    table = _apply_overrides(model, _ranged_table(model), overrides or {})
    return _params_from(model, table, table.value[None, :])


# Draw sets remembered by ``draw_params`` (1,000 x ~120 numbers: about 1 MB).
DRAWS_KEPT = 1
_DRAWN: OrderedDict = OrderedDict()  # key -> (weak reference to the model, Params)
_DRAWN_LOCK = threading.Lock()


def forget_draws() -> None:
    """Drop the remembered draw sets (the next ``draw_params`` draws afresh)."""
    with _DRAWN_LOCK:
        _DRAWN.clear()


def draw_params(
    model: ModelData, overrides: Mapping[str, float] | None, draws: int, seed: int
) -> Params:
    """``draws`` independent triangular draws of every ranged number (fixed ``seed``).

    Read-only, and remembered for the last (model, overrides, draws, seed): every edit of a
    scenario draws the same numbers again (a few milliseconds for 1,000 draws).
    """
    key = (id(model), tuple(sorted((overrides or {}).items())), int(draws), int(seed))
    with _DRAWN_LOCK:
        hit = _DRAWN.get(key)
        if hit is not None and hit[0]() is model:
            _DRAWN.move_to_end(key)
            return hit[1]
    table = _apply_overrides(model, _ranged_table(model), overrides or {})
    rng = np.random.default_rng(seed)
    values = _triangular(rng, table, draws)
    values.flags.writeable = False  # every array of the Params is a view of it
    params = _params_from(model, table, values)
    with _DRAWN_LOCK:
        _DRAWN[key] = (weakref.ref(model), params)
        _DRAWN.move_to_end(key)
        while len(_DRAWN) > DRAWS_KEPT:
            _DRAWN.popitem(last=False)
    return params


def slice_params(params: Params, rows: slice) -> Params:
    """The draws ``rows`` of ``params`` (for chunked Monte Carlo)."""
    return Params(
        params.import_demand[rows],
        params.substitution[rows],
        params.export_supply[rows],
        params.growth[rows],
        {k: v[rows] for k, v in params.parameters.items()},
        {k: v[rows] for k, v in params.effects.items()},
        params.timing,
        params.keys,
    )


def chunks(total: int, size: int) -> Iterable[slice]:
    for start in range(0, total, size):
        yield slice(start, min(total, start + size))


def quantile_bands(samples: np.ndarray) -> np.ndarray:
    """(3, ...) p10/p50/p90 over the leading draw axis of ``samples`` (D, ...).

    Bit for bit ``np.quantile(samples, QUANTILES, axis=0)`` (linear interpolation, a slice
    with a NaN gives NaN), at a third of its cost on the small KPI arrays: one sort instead
    of its partitions and checks, and numpy's own interpolation formula.
    """
    n = len(samples)
    ordered = np.sort(samples, axis=0)
    position = np.asarray(QUANTILES) * (n - 1)
    lower = np.floor(position).astype(np.intp)
    upper = np.minimum(lower + 1, n - 1)
    frac = (position - lower).reshape(-1, *[1] * (samples.ndim - 1))
    low, high = ordered[lower], ordered[upper]
    step = high - low
    out = low + step * frac
    # numpy's lerp: from the upper neighbour when the weight is 1/2 or more.
    np.subtract(high, step * (1 - frac), out=out, where=np.broadcast_to(frac >= 0.5, out.shape))
    if out.dtype.kind == "f":
        last = ordered[-1]
        np.copyto(out, last, where=np.isnan(last))  # NaN sorts last: the slice's answer
    return out


def quantile_bands_last(samples: np.ndarray) -> np.ndarray:
    """(3, ...) p10/p50/p90 over the LAST axis of ``samples`` (..., D), reordering it in place.

    The same numbers as ``np.quantile`` (linear interpolation), without its copies: one
    in-place sort of each contiguous row.  Monte Carlo keeps its flow samples draw-last
    for this, so 1,000 draws of every flow need one array, not three.  A full sort, not a
    partition at the six order statistics: numpy sorts float rows with SIMD, and for
    6,912 rows of 1,000 float32 draws it took 32 ms against the partition's 148 ms.
    """
    n = samples.shape[-1]
    position = np.asarray(QUANTILES) * (n - 1)
    lower = np.floor(position).astype(np.int64)
    upper = np.minimum(lower + 1, n - 1)
    frac = position - lower
    # numpy sorts without the interpreter lock: blocks of rows on two cores.
    rows = samples.reshape(-1, n) if samples.flags.c_contiguous else samples[None]
    parts = [rows[i : i + SORT_ROWS] for i in range(0, len(rows), SORT_ROWS)]
    workers = min(SORT_THREADS, len(parts))
    if workers > 1 and samples.flags.c_contiguous:
        with ThreadPoolExecutor(workers, thread_name_prefix="planner-bands") as pool:
            list(pool.map(lambda part: part.sort(axis=-1), parts))
    else:
        samples.sort(axis=-1)
    low, high = samples[..., lower], samples[..., upper]  # (..., 3)
    return np.moveaxis(low + (high - low) * frac, -1, 0)
