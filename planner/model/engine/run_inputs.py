"""A run's inputs to the trade core: its corridor, regional capacity and production shares,
Mexico's export trade costs by sector and destination (the iceberg), and the tariffs of the
run and of its disagreement point, each part computed (and remembered) from only the settings
it reads (``run_inputs_of``)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planner.model.engine import cell_tariffs, linear_batch, logistics, regions
from planner.model.engine.logistics import GROUPS, CorridorResult
from planner.model.engine.prepared import Prepared, read_only
from planner.model.engine.settings import settings_key
from planner.model.engine.tariff_paths import tariff_paths, tariff_paths_cells, tariff_settings
from planner.model.engine.uncertainty import Params


@dataclass(frozen=True)
class RunInputs:
    # (D, Y, S, R, R) of the run and its disagreement point (``CellTariffs``: its cells only)
    tariff: list[np.ndarray | cell_tariffs.CellTariffs]
    # (D, Y, S, R, R) 1 + tau (or ``RowScaled``), shared by the run and its disagreement point
    iceberg: np.ndarray | linear_batch.RowScaled
    corridor: CorridorResult
    capacity: regions.RegionalCapacity
    shares: np.ndarray  # (D, Y, M, S) production shares (what the trade costs weigh)
    year_shares: np.ndarray  # (D, Y, M, S) shares of each year's exports (passing events)


def grown_flows(prep: Prepared, params: Params, years: np.ndarray) -> np.ndarray:
    """(D, Y, S, R, R) base flows grown with each importer's demand growth since the base."""
    t = (years - prep.model.base_year).astype(float)
    index = (1.0 + params.growth[:, None, :]) ** t[None, :, None]  # (D, Y, R)
    return prep.model.flows_usd_m[None, None] * index[:, :, None, None, :]


def grown_into(prep: Prepared, params: Params, years: np.ndarray, importer: int) -> np.ndarray:
    """(D, Y, S, R) ``grown_flows`` into one importer, without the full array."""
    t = (years - prep.model.base_year).astype(float)
    index = (1.0 + params.growth[:, importer, None]) ** t[None, :]  # (D, Y)
    return prep.model.flows_usd_m[None, None, :, :, importer] * index[:, :, None, None]


def _group_of_importer(prep: Prepared) -> np.ndarray:
    """(R,) each importer's destination group (model-only: built once per model)."""

    def make() -> np.ndarray:
        names = {"USA": 0, "CAN": 1}
        return read_only(np.array([names.get(r, len(GROUPS) - 1) for r in prep.model.regions]))

    return prep.remember(("importer_group",), make)


def _group_weight(prep: Prepared) -> np.ndarray:
    """(S, G) where each sector's Mexican exports go in the base year."""

    def make() -> np.ndarray:
        exports = prep.model.flows_usd_m[:, prep.ridx["MEX"], :]  # (S, R)
        group = _group_of_importer(prep)
        out = np.stack([(exports * (group == g)).sum(-1) for g in range(len(GROUPS))], axis=-1)
        total = out.sum(-1, keepdims=True)
        share = np.where(total > 0, out / np.where(total > 0, total, 1.0), 1.0 / len(GROUPS))
        return read_only(share)

    return prep.remember(("group_weight",), make)


def per_day_cost(prep: Prepared, params: Params) -> np.ndarray:
    """(D, S) cost of one day in transit, fraction of value."""
    ids = [f"per_day_cost_pct.{s}" for s in prep.model.sectors]
    return np.stack([params.param(i) for i in ids], axis=-1) / 100.0


def run_inputs_of(
    prep, settings, params, years, reference, per_day, fixed, memo, detail=True, lean=False
) -> RunInputs:
    """A run's trade costs and tariffs.  Each part is computed from only the settings it
    reads; with ``memo`` (the central parameters' key) it is remembered under exactly those
    settings, so a cached part is the part computed afresh, bit for bit.  ``detail``: see
    ``logistics.corridor_run``; ``lean``: the run's tariffs in ``linear_batch.DTYPE``, its
    disagreement point's as ``CellTariffs`` and its trade costs as ``RowScaled`` (what
    ``linear_batch`` takes without building whole float64 arrays: Monte Carlo's draws), and
    their cheaper forms of three steps whose last digits the float32 solve does not keep:
    the BPR power in float32, the regions' cost response by exp/log1p and the trade cost's
    sum over regions as a matrix product (measured on the model's scenarios: bands move by
    under 6e-6 of each indicator's largest value; the central run is untouched)."""
    mex = prep.ridx["MEX"]
    group = _group_of_importer(prep)

    def part(name, relevant, make):
        if memo is None:
            return make(relevant)
        key = (name, memo, tuple(years.tolist()), settings_key(relevant))
        return prep.memo(key, lambda: make(relevant))

    corridor = part(
        "corridor",
        logistics.corridor_settings(prep, settings),
        lambda s: logistics.corridor_run(
            prep, s, params, years, reference, per_day, fixed, detail, float32_delays=lean
        ),
    )
    capacity = part(
        "capacity",
        regions.capacity_settings(settings),
        lambda s: regions.regional_capacity(prep, s, params, years),
    )
    # Production relocates with lasting cost changes only, not with a passing event.
    cost = regions.region_cost(corridor.extra_days_normal, per_day, _group_weight(prep))
    shares = regions.production_shares(
        prep, capacity.multiplier, cost, params.substitution, by_log=lean
    )
    tau = logistics.trade_cost(corridor.extra_days, shares, per_day, product=lean)  # (D,Y,S,G)
    # A passing event's extra days fall on the exports of the regions it cuts, in its year.
    year_shares = _event_shares(prep, params, corridor, shares, per_day)
    shift = regions.supply_shift(prep, capacity.multiplier, params.export_supply)
    factor = export_factor(tau, shift, group, mex)  # (D, Y, S, R)
    # The run's and its disagreement point's tariffs, and the iceberg both share.
    if lean:  # never the whole float64 arrays: their numbers where they are used
        tariffs, policy_iceberg = part(
            "tariff_cells",
            tariff_settings(settings),
            lambda s: _cell_tariffs(tariff_paths_cells(prep, s, params, years, linear_batch.DTYPE)),
        )
        iceberg = linear_batch.RowScaled(policy_iceberg, mex, factor)
    else:
        tariffs, policy_iceberg = part(
            "tariff",
            tariff_settings(settings),
            lambda s: _tariffs(tariff_paths(prep, s, params, years)),
        )
        iceberg = policy_iceberg.copy()  # maybe cached: never changed in place
        iceberg[..., mex, :] *= factor
    return RunInputs(list(tariffs), iceberg, corridor, capacity, shares, year_shares)


def _event_shares(
    prep: Prepared, params: Params, corridor: CorridorResult, shares: np.ndarray, per_day
) -> np.ndarray:
    """(D, Y, M, S) the regions' shares of each year's exports: the production ``shares``
    moved by the passing events' extra cost of each region in the events' years
    (``regions.event_shares``); ``shares`` itself in a run without events."""
    weeks = list(corridor.event_weeks.values())
    if not weeks:
        return shares
    event_years = np.flatnonzero(np.logical_or.reduce([(w > 0).any(axis=0) for w in weeks]))
    if not len(event_years):
        return shares
    days = corridor.extra_days[:, event_years] - corridor.extra_days_normal[:, event_years]
    cost = regions.region_cost(days, per_day, _group_weight(prep))
    response = regions.export_cost_response(prep, params)
    return regions.event_shares(shares, cost, response, event_years)


def export_factor(
    tau: np.ndarray, supply_shift: np.ndarray, group: np.ndarray, mex: int
) -> np.ndarray:
    """(D, Y, S, R) iceberg factor on Mexico's exports to each importer: its destination
    group's (1 + tau) (D, Y, S, G) times the log supply shift (D, Y, S), 1 on Mexico's own
    cell.  ``group`` (R,) each importer's group."""
    # Every importer of a group has its group's factor: log1p and exp on the G groups, then
    # spread to the R importers (the same numbers, at 3/8 of the transcendental calls).
    factor = np.exp(np.log1p(tau) + supply_shift[..., None]).take(group, axis=-1)
    factor[..., mex] = 1.0  # Mexico's own diagonal cell is not trade: exp(0)
    return factor


def _tariffs(paths) -> tuple[tuple[np.ndarray, ...], np.ndarray]:
    return tuple(p.tariff for p in paths), paths[0].iceberg


def _cell_tariffs(paths) -> tuple[tuple[np.ndarray, cell_tariffs.CellTariffs], np.ndarray]:
    run, disagreement = paths
    return (run.tariff, disagreement), run.iceberg
