"""Everything the engine derives from the model alone, computed once per ModelData.

Index arrays, the base-year tariff state, preference use by year, the tariff actions as
flat arrays with their in-force share of each year, and the corridor network's route
tables.  ``prepare(model)`` caches the result per ModelData object, so a scenario edit
never repeats this work.
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

from planner.model.data import ModelData
from planner.model.engine.network import Network, build_network

# Coverage codes of tariff actions.  AUTO_CONTENT: a measure whose preferential (USMCA)
# share pays the rate only on the dutiable non-US content (Section 232 autos).
COVER_ALL, COVER_NON_PREFERENTIAL, COVER_DUTIABLE_CONTENT = 0, 1, 2
# Shocks that name a measure in force, and the tariff_actions id of that measure (a row
# whose ``measure`` equals the shock id is matched too).
REPLACED_ACTION = {"us_section232_metals": "us232_metals", "us_auto_tariff": "us232_autos"}
REPLACING_SHOCKS = tuple(REPLACED_ACTION)
AUTO_MEASURE = "us_auto_tariff"
METALS_MEASURE = "us_section232_metals"


def _shock_of(action_id: str, measure: str) -> str:
    """The shock that replaces this action's rate, or the measure text when none does."""
    for shock, action in REPLACED_ACTION.items():
        if action_id == action or measure == shock:
            return shock
    return measure


@dataclass(frozen=True)
class Actions:
    """Tariff actions as flat arrays (A actions), plus derived derivative-content rows."""

    cell: np.ndarray  # (A,) flat index into (S, R, R)
    rate: np.ndarray  # (A,) fraction
    in_force: np.ndarray  # (Y_all + 1, A) share of each year in force; row 0 = base year
    coverage: np.ndarray  # (A,) coverage code
    measure: np.ndarray  # (A,) replacing shock id, else the measure text (object)
    multiplier: tuple[tuple[str, str] | None, ...]  # (lever, key) scaling a derived row
    cells: np.ndarray  # (U,) the distinct cells touched
    to_cell: np.ndarray  # (A, U) 0/1 matrix summing actions into cells
    current_rate: dict[str, float]  # measure -> rate of its latest row (replacement base)


@dataclass(frozen=True)
class Prepared:
    model: ModelData
    ridx: dict[str, int]
    sidx: dict[str, int]
    midx: dict[str, int]
    all_years: np.ndarray  # (Y_all,) the model's simulated years
    pu_by_year: np.ndarray  # (Y_all + 1, S, R, R) preference use; row 0 = base year
    tariff_base: np.ndarray  # (S, R, R) applied tariff of the base year
    actions: Actions
    network: Network
    manufacturing: np.ndarray  # (S,) bool: sectors counted in the regional HHI
    # Scenario-independent results (central parameters, solved baselines), bounded in size.
    cache: dict = field(default_factory=dict)
    # Central sub-results keyed on their true inputs (``memo``), least recently used first.
    pieces: OrderedDict = field(default_factory=OrderedDict)
    # Both caches are read and filled from the GUI thread and the Monte Carlo threads; the
    # lock guards their bookkeeping only (``make()`` runs outside it: two threads may build
    # the same value once each, and either copy is the same).
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def remember(self, key, make):
        """``cache[key]``, computed by ``make()`` on first use (keeps the latest 32 keys)."""
        with self.lock:
            if key in self.cache:
                return self.cache[key]
        value = make()
        with self.lock:
            if len(self.cache) >= 32 and key not in self.cache:
                self.cache.pop(next(iter(self.cache)))
            self.cache[key] = value
        return value

    def recall(self, key):
        """``cache[key]`` if it is there, else None (never builds)."""
        with self.lock:
            return self.cache.get(key)

    def memo(self, key, make, size: int = 24):
        """``make()`` remembered under the hashable ``key`` (an LRU of ``size`` entries).

        The value's arrays are made read-only: a cached result is shared by every later
        evaluate, so nobody may change it in place.
        """
        with self.lock:
            hit = self.pieces.get(key)
            if hit is not None:
                self.pieces.move_to_end(key)
                return hit
        value = read_only(make())
        with self.lock:
            self.pieces[key] = value
            while len(self.pieces) > size:
                self.pieces.popitem(last=False)
        return value


def read_only(value):
    """``value`` with every array it holds (directly, in a dataclass, tuple or dict) frozen."""
    if isinstance(value, np.ndarray):
        value.flags.writeable = False
    elif isinstance(value, dict):
        for v in value.values():
            read_only(v)
    elif isinstance(value, tuple | list):
        for v in value:
            read_only(v)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            read_only(getattr(value, name))
    return value


_CACHE: dict[int, tuple[weakref.ref, Prepared]] = {}


def prepare(model: ModelData) -> Prepared:
    """The cached Prepared of ``model`` (built on first use)."""
    hit = _CACHE.get(id(model))
    if hit is not None and hit[0]() is model:
        return hit[1]
    prep = _build(model)
    key, cache = id(model), _CACHE  # the callback holds the dict itself (safe at exit)
    cache[key] = (weakref.ref(model, lambda _ref: cache.pop(key, None)), prep)
    return prep


def _year_shares(start: str, end: str | None, years: np.ndarray) -> np.ndarray:
    """Share of each calendar year in ``years`` that the interval [start, end) covers."""
    first = dt.date.fromisoformat(str(start)[:10])
    last = dt.date.fromisoformat(str(end)[:10]) if end else dt.date(9999, 1, 1)
    out = np.zeros(len(years))
    for k, year in enumerate(years):
        lo, hi = dt.date(int(year), 1, 1), dt.date(int(year) + 1, 1, 1)
        overlap = (min(hi, last) - max(lo, first)).days
        out[k] = max(0, overlap) / (hi - lo).days
    return out


def _actions(model: ModelData, years: np.ndarray, sidx, ridx) -> Actions:
    frame = model.tariff_actions
    r = len(model.regions)
    rows = []
    for row in frame.itertuples(index=False):
        if row.sector not in sidx or row.importer not in ridx or row.exporter not in ridx:
            continue
        coverage = COVER_NON_PREFERENTIAL if row.coverage == "non_preferential" else COVER_ALL
        measure = _shock_of(str(row.id), str(row.measure))
        if measure == AUTO_MEASURE and coverage == COVER_ALL:
            coverage = COVER_DUTIABLE_CONTENT
        end = row.end_date if isinstance(row.end_date, str) and row.end_date else None
        rows.append(
            (
                row.sector,
                row.exporter,
                row.importer,
                float(row.rate),
                coverage,
                measure,
                None,
                str(row.start_date),
                end,
            )
        )
    # Section 232 metals also covers the steel and aluminium content of other sectors'
    # goods (derivatives): one derived row per metals row and sector with a derivative share,
    # unless the table already lists that measure for the sector.
    keys = model.lever_effects[model.lever_effects.lever_id == METALS_MEASURE]["key"]
    listed = {(x[0], x[1], x[2]) for x in rows if x[5] == METALS_MEASURE}
    for key in keys:
        if not str(key).startswith("derivative_share."):
            continue
        sector = str(key).split(".", 1)[1]
        if sector not in sidx:
            continue
        for x in [x for x in rows if x[5] == METALS_MEASURE and x[0] == "metals"]:
            if (sector, x[1], x[2]) not in listed:
                rows.append((sector, *x[1:6], (METALS_MEASURE, str(key)), x[7], x[8]))
    n = len(rows)
    cell = np.array(
        [sidx[x[0]] * r * r + ridx[x[1]] * r + ridx[x[2]] for x in rows], dtype=np.int64
    ).reshape(n)
    in_force = np.zeros((len(years), n))
    for k, x in enumerate(rows):
        in_force[:, k] = _year_shares(x[7], x[8], years)
    cells, inverse = np.unique(cell, return_inverse=True)
    to_cell = np.zeros((n, len(cells)))
    to_cell[np.arange(n), inverse] = 1.0
    # The replacement base of a measure: its rate at the data's latest date (latest start).
    current: dict[str, float] = {}
    latest: dict[str, str] = {}
    for x in rows:
        if x[6] is not None:
            continue
        if x[5] not in latest or x[7] > latest[x[5]]:
            latest[x[5]], current[x[5]] = x[7], x[3]
        elif x[7] == latest[x[5]]:
            current[x[5]] = max(current[x[5]], x[3])
    return Actions(
        cell=cell,
        rate=np.array([x[3] for x in rows]),
        in_force=in_force,
        coverage=np.array([x[4] for x in rows], dtype=np.int64),
        measure=np.array([x[5] for x in rows], dtype=object),
        multiplier=tuple(x[6] for x in rows),
        cells=cells,
        to_cell=to_cell,
        current_rate=current,
    )


def _preference_use(model: ModelData, years: np.ndarray) -> np.ndarray:
    """(len(years), S, R, R): the share recorded for the latest year at or before each year."""
    known = np.asarray(model.preference_use_years)
    pick = np.searchsorted(known, years, side="right") - 1
    return model.preference_use[np.clip(pick, 0, len(known) - 1)]


def _build(model: ModelData) -> Prepared:
    ridx = {r: k for k, r in enumerate(model.regions)}
    sidx = {s: k for k, s in enumerate(model.sectors)}
    midx = {m: k for k, m in enumerate(model.mx_regions)}
    years = np.concatenate([[model.base_year], np.asarray(model.years)])
    pu = _preference_use(model, years)
    actions = _actions(model, years, sidx, ridx)
    base = pu[0] * model.tariff_pref + (1.0 - pu[0]) * model.tariff_mfn
    base_add = _base_year_actions(model, actions, pu[0])
    manufacturing = np.array([s not in ("agrifood", "energy") for s in model.sectors])
    return Prepared(
        model=model,
        ridx=ridx,
        sidx=sidx,
        midx=midx,
        all_years=np.asarray(model.years),
        pu_by_year=pu,
        tariff_base=base + base_add,
        actions=actions,
        network=build_network(model),
        manufacturing=manufacturing,
    )


def _base_year_actions(model: ModelData, actions: Actions, pu: np.ndarray) -> np.ndarray:
    """Tariff actions in force during the base year, at central effect sizes."""
    out = np.zeros(pu.size)
    share = actions.in_force[0]
    if not share.any():
        return out.reshape(pu.shape)
    cover = _coverage(actions, pu.reshape(-1)[actions.cell], _central_multipliers(model, actions))
    np.add.at(out, actions.cell, share * actions.rate * cover)
    return out.reshape(pu.shape)


def _central_multipliers(model: ModelData, actions: Actions) -> dict:
    out = {}
    for mult in set(actions.multiplier) | {(AUTO_MEASURE, "usmca_dutiable_share")}:
        if mult is None:
            continue
        try:
            out[mult] = model.effect(mult[0], mult[1]).value
        except KeyError:
            out[mult] = 1.0  # no effect row: the whole value is covered
    return out


def _coverage(actions: Actions, pu_cells: np.ndarray, mult: dict) -> np.ndarray:
    """Share of each action's cell the action applies to (central effect sizes)."""
    dutiable = mult.get((AUTO_MEASURE, "usmca_dutiable_share"), 1.0)
    cover = np.where(
        actions.coverage == COVER_NON_PREFERENTIAL,
        1.0 - pu_cells,
        np.where(actions.coverage == COVER_DUTIABLE_CONTENT, 1.0 - pu_cells * (1 - dutiable), 1.0),
    )
    scale = np.array([1.0 if m is None else mult[m] for m in actions.multiplier])
    return cover * scale
