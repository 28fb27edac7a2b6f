"""A run's tariffs and policy trade costs, year by year: (D, Y, S, R, R) arrays.

Current policy (the baseline).  Each cell's applied tariff is the preferential rate on the
share of trade entering under preference and the MFN rate on the rest; each 2025-26 tariff
action adds its rate times the share of the year it is legally in force (annual average),
on all the cell's trade (coverage ``all``) or on the non-preferential share only
(``non_preferential``).  Section 232 autos charge USMCA-preference vehicles only on their
non-US content (``us_auto_tariff/usmca_dutiable_share``); Section 232 metals also reach the
steel and aluminium content of other sectors (``derivative_share.<sector>``).

Shocks (SPEC semantics).  A shock naming a measure in force (its id equals the action rows'
``measure``) replaces that measure's rate from the scenario's first year, in proportion to
its rate at the data's latest date, so the status-quo rate reproduces the baseline exactly;
other shocks add to the baseline.  The review outcome scales USMCA preference use down
(withdrawal: after the review's mid-year date plus the notice period) and adds its policy
uncertainty as an iceberg cost on MEX/CAN<->USA trade; the regional impact clause avoids a
share of both.  Canada's green-content rule raises CAN->USA preference use in autos and
metals at a compliance cost.  The disagreement point sets US<->Mexico preference use to 0.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import numpy as np

from planner.model.engine.alignment import alignment_cuts, apply_alignment
from planner.model.engine.cell_tariffs import CellTariffs
from planner.model.engine.network import RowSums
from planner.model.engine.prepared import (
    AUTO_MEASURE,
    COVER_DUTIABLE_CONTENT,
    COVER_NON_PREFERENTIAL,
    REPLACING_SHOCKS,
    Prepared,
)
from planner.model.engine.settings import (
    ScenarioSettings,
    active_years,
    ramp,
    restricted,
    share_after,
)
from planner.model.engine.uncertainty import Params

NON_USMCA_SHOCK, CHINA_RESPONSE_SHOCK = "us_tariff_non_usmca", "us_response_china"
REVIEW_SHOCK, CLAUSE_LEVER = "review_outcome", "regional_impact_clause"
GREEN_LEVER = "canada_green_content"
GREEN_SECTORS = ("autos", "metals")
REVIEW_MONTH = 0.5  # the joint review is on 1 July (USMCA Art. 34.7): half-way into its year
# Everything ``tariff_paths`` reads of a scenario (besides its alignments and status quo).
LEVERS = (GREEN_LEVER, CLAUSE_LEVER)
SHOCKS = (NON_USMCA_SHOCK, CHINA_RESPONSE_SHOCK, REVIEW_SHOCK, *REPLACING_SHOCKS)


def tariff_settings(settings: ScenarioSettings) -> ScenarioSettings:
    """What ``tariff_paths`` reads of a scenario."""
    return restricted(settings, LEVERS, SHOCKS, alignments=True)


@dataclass(frozen=True)
class TariffPath:
    tariff: np.ndarray  # (D, Y, S, R, R) applied tariff, fraction
    iceberg: np.ndarray  # (D, Y, S, R, R) 1 + tau of policy trade costs
    preference_use: np.ndarray  # (D or 1, Y, S, R, R): 1 when no drawn number moves it


def year_rows(prep: Prepared, years: np.ndarray) -> np.ndarray:
    """Rows of the base-year-first tables (pu_by_year, in_force) for ``years``."""
    return np.searchsorted(prep.all_years, years) + 1


def tariff_path(
    prep: Prepared,
    settings: ScenarioSettings,
    params: Params,
    years: np.ndarray,
    disagreement: bool = False,
) -> TariffPath:
    """The run's path, or with ``disagreement`` its disagreement point's."""
    return tariff_paths(prep, settings, params, years)[1 if disagreement else 0]


def tariff_paths(
    prep: Prepared, settings: ScenarioSettings, params: Params, years: np.ndarray
) -> tuple[TariffPath, TariffPath]:
    """The run's path and its disagreement point's (US<->Mexico preference use 0).

    Both share ONE iceberg array: the disagreement point changes tariffs only.
    """
    run, cells, withdrawn = _paths(prep, settings, params, years)
    return run, TariffPath(cells.full(), run.iceberg, withdrawn)


def tariff_paths_cells(
    prep: Prepared,
    settings: ScenarioSettings,
    params: Params,
    years: np.ndarray,
    dtype: np.dtype | type = np.float64,
) -> tuple[TariffPath, CellTariffs]:
    """``tariff_paths`` with the disagreement point's tariffs as the run's but in the
    US<->Mexico cells, never built whole (Monte Carlo's draws: see ``linear_batch``).
    ``dtype``: the run's tariffs' (``linear_batch.DTYPE``: built in the precision they are
    solved in, rather than built in float64 and cast)."""
    run, cells, _ = _paths(prep, settings, params, years, dtype)
    return run, cells


def _paths(
    prep: Prepared,
    settings: ScenarioSettings,
    params: Params,
    years: np.ndarray,
    dtype: np.dtype | type = np.float64,
) -> tuple[TariffPath, CellTariffs, np.ndarray]:
    """The run's path, its disagreement point's tariffs and its preference use."""
    d, y = params.draws, len(years)
    rows = year_rows(prep, years)
    if settings.status_quo:
        rows = np.zeros_like(rows)  # base-year preference use, no 2025-26 actions
    usa, mex, can = prep.ridx["USA"], prep.ridx["MEX"], prep.ridx["CAN"]
    green = settings.lever(GREEN_LEVER)
    review = settings.shock(REVIEW_SHOCK)
    # Preference use (and the MFN/preferential blend) only gets a draw axis when a drawn
    # effect moves it: Monte Carlo then blends one array per year, not one per draw.
    drawn = d if green is not None or review is not None else 1
    cells = prep.pu_by_year.shape[1:]
    pu = np.empty((drawn, y, *cells))
    np.take(prep.pu_by_year, rows, axis=0, out=pu[0])
    pu[1:] = pu[0]
    cuts = alignment_cuts(prep, settings, params, years)
    # Policy trade costs are the same in every sector unless the green-content rule moves
    # some: they are then worked out for one sector and broadcast, a read-only view (its
    # one user copies it before changing it).
    ice = np.ones((d, y, cells[0] if green is not None else 1, *cells[1:]))

    if green is not None:
        lag, rmp = params.lag_ramp(GREEN_LEVER, "preference_use_gain")
        share = ramp(years, settings.start, lag, rmp)[None, :, None]
        gain = params.effect(GREEN_LEVER, "preference_use_gain")[:, None, None] * share
        cost = params.effect(GREEN_LEVER, "compliance_cost_pct")[:, None, None] / 100 * share
        for sector in GREEN_SECTORS:
            if sector in prep.sidx:
                s = prep.sidx[sector]
                pu[:, :, s, can, usa] = np.minimum(1.0, pu[:, :, s, can, usa] + gain[..., 0])
                ice[:, :, s, can, usa] *= 1.0 + cost[..., 0]

    if review is not None:
        _apply_review(prep, settings, params, years, review, pu, ice)

    if cuts is not None:
        apply_alignment(None, ice, cuts, mex)
    ice = np.broadcast_to(ice, (d, y, *cells))
    withdrawn = pu.copy()
    withdrawn[..., mex, usa] = 0.0
    withdrawn[..., usa, mex] = 0.0
    rates = None if settings.status_quo else _action_share(prep, settings, years, rows)
    tariff = _tariff(prep, settings, params, years, rates, pu, cuts, dtype=dtype)
    # The disagreement point's tariffs differ from the run's only where its preference use
    # does (every step is cell by cell): the run's, with the US<->Mexico cells redone on
    # the two-region block of those cells.
    pair = (usa, mex)
    block = _tariff(
        prep, settings, params, years, rates, withdrawn[..., pair, :][..., pair], cuts, pair
    )
    cells = CellTariffs(tariff, ((mex, usa), (usa, mex)), block[..., (1, 0), (0, 1)])
    return TariffPath(tariff, ice, pu), cells, withdrawn


def _tariff(
    prep, settings, params, years, rates, pu, cuts, block=None, dtype=np.float64
) -> np.ndarray:
    """(D, Y, S, R, R) applied tariffs for preference use ``pu`` (D or 1, Y, S, R, R);
    ``rates`` the actions' ``_action_share`` (None: no 2025-26 action applies).  The blend
    and the actions' sums are in float64 whatever ``dtype`` (the array's).

    ``block`` (region indices): only the cells between those regions, (D, Y, S, B, B), with
    ``pu`` of that block; each cell the same as in the whole array, bit for bit.
    """
    d = params.draws
    regions = range(len(prep.model.regions)) if block is None else block
    at = {r: k for k, r in enumerate(regions)}  # each region's place in the computed block
    usa, mex, can = (at.get(prep.ridx[r]) for r in ("USA", "MEX", "CAN"))
    tables = _tables(prep, block)
    if block is not None and cuts is not None:
        cuts = tuple(c[..., block] for c in cuts)
    blend = pu * tables.margin
    blend += tables.mfn
    # C order: ``_add_actions`` writes through a reshaped view.  (A broadcast assignment,
    # not np.repeat: numpy copies it without holding the interpreter lock.)
    if blend.shape[0] == d:
        tariff = np.ascontiguousarray(blend, dtype=dtype)
    else:
        tariff = np.empty((d, *blend.shape[1:]), dtype)
        tariff[...] = blend
    if rates is not None:
        _add_actions(prep, params, rates, pu, blend, tariff, block)

    shock = settings.shock(NON_USMCA_SHOCK)
    if shock is not None and usa is not None:
        rate = settings.number(shock, "rate_pct", 0.0) / 100.0
        end = shock.get("end_year")
        on = active_years(
            years,
            settings.number(shock, "start_year", settings.start),
            None if end is None else float(end),
        )[None, :, None]
        for exporter in (mex, can):
            if exporter is not None:
                tariff[..., exporter, usa] += rate * on * (1.0 - pu[..., exporter, usa])
    shock = settings.shock(CHINA_RESPONSE_SHOCK)
    if shock is not None and usa is not None and mex is not None:
        rate = settings.number(shock, "rate_pct", 0.0) / 100.0
        tariff[..., mex, usa] += rate * active_years(years, settings.start, None)[None, :, None]

    # Cells without Mexico are not cut, nor any by a factor of exactly 1 (the US<->Mexico
    # block of the disagreement point, unless a partner stands for the US).
    if cuts is not None and mex is not None and (block is None or (cuts[0] != 1.0).any()):
        apply_alignment(tariff, None, cuts, mex)
    return tariff


def _apply_review(prep, settings, params, years, review, pu, ice) -> None:
    usa, mex, can = prep.ridx["USA"], prep.ridx["MEX"], prep.ridx["CAN"]
    outcome = str(review.get("outcome", ""))
    moment = settings.number(review, "year", settings.start) + REVIEW_MONTH
    avoided = 0.0
    if settings.lever(CLAUSE_LEVER) is not None:
        avoided = params.effect(CLAUSE_LEVER, "sanction_reduction_share")[:, None]
    keep_all = 1.0 - avoided
    if params.has_effect(REVIEW_SHOCK, "preference_loss_share", outcome):
        notice = 0.0
        if params.has_effect(REVIEW_SHOCK, "notice_years", outcome):
            notice = float(params.effect(REVIEW_SHOCK, "notice_years", outcome)[0])
        loss = params.effect(REVIEW_SHOCK, "preference_loss_share", outcome)[:, None]
        scale = 1.0 - loss * keep_all * share_after(years, moment + notice)[None, :]
        for a, b in ((mex, usa), (usa, mex), (can, usa), (usa, can), (mex, can), (can, mex)):
            pu[..., a, b] *= scale[:, :, None]
    if params.has_effect(REVIEW_SHOCK, "uncertainty_cost_pct", outcome):
        cost = params.effect(REVIEW_SHOCK, "uncertainty_cost_pct", outcome)[:, None] / 100.0
        tau = cost * keep_all * share_after(years, moment)[None, :]
        for a, b in ((mex, usa), (usa, mex), (can, usa), (usa, can)):
            ice[..., a, b] *= (1.0 + tau)[:, :, None]


@dataclass(frozen=True)
class _ActionTables:
    """A block of regions' base rates and the tariff actions on its cells (``_tariff``)."""

    margin: np.ndarray  # (S, B, B) preferential minus MFN rate
    mfn: np.ndarray  # (S, B, B)
    rows: np.ndarray | None  # (A_b,) the actions within the block (None: all of them)
    cell: np.ndarray  # (A_b,) flat (S, B, B) cell of each
    cells: np.ndarray  # (U_b,) the distinct cells touched
    non_preferential: np.ndarray  # (A_b,) bool
    dutiable: np.ndarray  # positions of rows charged on their dutiable content only
    multiplied: tuple[tuple[tuple[str, str], np.ndarray], ...]  # (lever, key) -> positions
    to_cells: RowSums  # actions summed into their cells, in action order


@dataclass
class _PerModel:
    blocks: dict  # block of regions (None: all) -> _ActionTables
    shares: dict  # what ``_action_share`` reads -> its (A, Y) result


_TABLES: dict[int, tuple[weakref.ref, _PerModel]] = {}
_SHARES_KEPT = 64  # settings x horizons remembered per model (each a few kB)


def _per_model(prep: Prepared) -> _PerModel:
    hit = _TABLES.get(id(prep))
    if hit is None or hit[0]() is not prep:
        key, cache = id(prep), _TABLES  # the callback holds the dict itself (safe at exit)
        hit = (weakref.ref(prep, lambda _ref: cache.pop(key, None)), _PerModel({}, {}))
        cache[key] = hit
    return hit[1]


def _tables(prep: Prepared, block: tuple[int, ...] | None) -> _ActionTables:
    blocks = _per_model(prep).blocks
    tables = blocks.get(block)
    if tables is None:
        tables = blocks[block] = _make_tables(prep, block)
    return tables


def _make_tables(prep: Prepared, block: tuple[int, ...] | None) -> _ActionTables:
    act = prep.actions
    r = len(prep.model.regions)
    rows, cell = None, act.cell
    if block is not None:
        at = np.full(r, -1)
        at[list(block)] = np.arange(len(block))
        sector, exporter, importer = act.cell // (r * r), act.cell // r % r, act.cell % r
        rows = np.flatnonzero((at[exporter] >= 0) & (at[importer] >= 0))
        b = len(block)
        cell = sector[rows] * b * b + at[exporter[rows]] * b + at[importer[rows]]
    picked = np.arange(len(act.rate)) if rows is None else rows
    cells, inverse = np.unique(cell, return_inverse=True)
    to_cell = np.zeros((len(cell), len(cells)))
    to_cell[np.arange(len(cell)), inverse] = 1.0
    groups: dict[tuple[str, str], list[int]] = {}
    for k, a in enumerate(picked):
        if act.multiplier[a] is not None:
            groups.setdefault(act.multiplier[a], []).append(k)
    coverage = act.coverage[picked]
    model = prep.model
    margin, mfn = model.tariff_pref - model.tariff_mfn, model.tariff_mfn
    if block is not None:
        margin, mfn = margin[:, block][:, :, block], mfn[:, block][:, :, block]
    return _ActionTables(
        margin=margin,
        mfn=mfn,
        rows=rows,
        cell=cell,
        cells=cells,
        non_preferential=coverage == COVER_NON_PREFERENTIAL,
        dutiable=np.flatnonzero(coverage == COVER_DUTIABLE_CONTENT),
        multiplied=tuple((m, np.array(k, dtype=np.int64)) for m, k in groups.items()),
        to_cells=RowSums(to_cell),
    )


def _action_share(prep, settings, years, rows) -> np.ndarray:
    """(A, Y) each action's rate times the share of each year it is in force (read-only:
    remembered per model for the settings it reads, as every Monte Carlo pass asks again)."""
    replaced = tuple(
        (i, settings.number(settings.shock(i), "rate_pct", 0.0))
        for i in REPLACING_SHOCKS
        if settings.shock(i) is not None
    )
    key = (years.tobytes(), rows.tobytes(), settings.start, replaced)
    shares = _per_model(prep).shares
    share = shares.get(key)
    if share is None:
        if len(shares) >= _SHARES_KEPT:
            shares.clear()
        share = shares[key] = _make_share(prep, settings, years, rows)
        share.flags.writeable = False
    return share


def _make_share(prep, settings, years, rows) -> np.ndarray:
    act = prep.actions
    rate = np.broadcast_to(act.rate, (len(years), len(act.rate))).copy()
    for shock_id in REPLACING_SHOCKS:
        shock = settings.shock(shock_id)
        if shock is None:
            continue
        new = settings.number(shock, "rate_pct", 0.0) / 100.0
        current = act.current_rate.get(shock_id, 0.0)
        of = act.measure == shock_id
        later = (years >= settings.start)[:, None] & of[None, :]
        scaled = rate * (new / current) if current > 0 else np.where(of, new, rate)
        rate = np.where(later, scaled, rate)
    return (act.in_force[rows] * rate).T


def _add_actions(prep, params, share, pu, blend, tariff, block=None) -> None:
    """Add every tariff action's annual-average rate (``share`` (A, Y)) to ``tariff``
    (D, Y, S, R, R), which holds the MFN/preferential ``blend`` (D or 1, Y, S, R, R) of
    preference use ``pu``; with ``block`` all three are of that block of regions.

    Actions are laid out first (A, D, Y), so their sums into cells gather whole rows.
    """
    tables = _tables(prep, block)
    if not len(tables.cell):
        return
    d, y = tariff.shape[:2]
    if tables.rows is not None:
        share = share[tables.rows]
    share = share[:, None, :]  # (A, 1, Y)
    drawn = pu.shape[0]
    pu_cells = pu.reshape(drawn * y, -1).take(tables.cell, axis=1).T.reshape(-1, drawn, y)
    contribution = share * np.where(tables.non_preferential[:, None, None], 1.0 - pu_cells, 1.0)
    if drawn != d:
        contribution = np.repeat(contribution, d, axis=1)
    if len(tables.dutiable):
        dutiable = (
            params.effect(AUTO_MEASURE, "usmca_dutiable_share")[:, None]
            if params.has_effect(AUTO_MEASURE, "usmca_dutiable_share")
            else 1.0
        )
        rows_d = tables.dutiable
        contribution[rows_d] = share[rows_d] * (1.0 - pu_cells[rows_d] * (1.0 - dutiable))
    for (lever, key), rows_m in tables.multiplied:
        contribution[rows_m] *= params.effect(lever, key)[:, None]
    added = tables.to_cells(contribution)  # (U, D, Y)
    # Each touched cell's blend plus its actions, written once (a scattered "+=" would read
    # the cells back from the large array).
    cells = blend.reshape(drawn, y, -1).take(tables.cells, axis=2) + added.transpose(1, 2, 0)
    tariff.reshape(d * y, -1)[:, tables.cells] = cells.reshape(d * y, -1)
