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

from dataclasses import dataclass

import numpy as np

from planner.model.engine.alignment import alignment_cuts, apply_alignment
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
    pu = np.broadcast_to(prep.pu_by_year[rows], (drawn, y, *cells)).copy()
    ice = np.ones((d, y, *cells))

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

    cuts = alignment_cuts(prep, settings, params, years)
    if cuts is not None:
        apply_alignment(None, ice, cuts, mex)
    withdrawn = pu.copy()
    withdrawn[..., mex, usa] = 0.0
    withdrawn[..., usa, mex] = 0.0
    return tuple(
        TariffPath(_tariff(prep, settings, params, years, rows, share, cuts), ice, share)
        for share in (pu, withdrawn)
    )


def _tariff(prep, settings, params, years, rows, pu, cuts) -> np.ndarray:
    """(D, Y, S, R, R) applied tariffs for preference use ``pu``."""
    model = prep.model
    d = params.draws
    usa, mex, can = prep.ridx["USA"], prep.ridx["MEX"], prep.ridx["CAN"]
    tariff = pu * (model.tariff_pref - model.tariff_mfn)
    tariff += model.tariff_mfn
    if tariff.shape[0] != d:
        tariff = np.broadcast_to(tariff, (d, *tariff.shape[1:])).copy()
    if not settings.status_quo:
        _add_actions(prep, settings, params, years, rows, pu, tariff)

    shock = settings.shock(NON_USMCA_SHOCK)
    if shock is not None:
        rate = settings.number(shock, "rate_pct", 0.0) / 100.0
        end = shock.get("end_year")
        on = active_years(
            years,
            settings.number(shock, "start_year", settings.start),
            None if end is None else float(end),
        )[None, :, None]
        for exporter in (mex, can):
            tariff[..., exporter, usa] += rate * on * (1.0 - pu[..., exporter, usa])
    shock = settings.shock(CHINA_RESPONSE_SHOCK)
    if shock is not None:
        rate = settings.number(shock, "rate_pct", 0.0) / 100.0
        tariff[..., mex, usa] += rate * active_years(years, settings.start, None)[None, :, None]

    if cuts is not None:
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


def _add_actions(prep, settings, params, years, rows, pu, tariff) -> None:
    """Add every tariff action's annual-average rate to ``tariff`` (D, Y, S, R, R)."""
    act = prep.actions
    if not len(act.rate):
        return
    d, y = tariff.shape[:2]
    rate = np.broadcast_to(act.rate, (y, len(act.rate))).copy()
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
    pu_cells = pu.reshape(pu.shape[0], y, -1)[..., act.cell]  # (D or 1, Y, A)
    cover = np.ones_like(pu_cells)
    cover = np.where(act.coverage == COVER_NON_PREFERENTIAL, 1.0 - pu_cells, cover)
    if (act.coverage == COVER_DUTIABLE_CONTENT).any():
        dutiable = (
            params.effect(AUTO_MEASURE, "usmca_dutiable_share")[:, None, None]
            if params.has_effect(AUTO_MEASURE, "usmca_dutiable_share")
            else 1.0
        )
        cover = np.where(
            act.coverage == COVER_DUTIABLE_CONTENT, 1.0 - pu_cells * (1.0 - dutiable), cover
        )
    scale = np.ones((d, len(act.rate)))
    for k, mult in enumerate(act.multiplier):
        if mult is not None:
            scale[:, k] = params.effect(mult[0], mult[1])
    contribution = (act.in_force[rows] * rate)[None] * cover * scale[:, None, :]
    flat = tariff.reshape(d, y, -1)
    flat[..., act.cells] += contribution @ act.to_cell
