"""Where a disruption's cost falls: on the regions whose routes it cuts, in its year only.

Run on the real model built from seeds/ (the Bajío's exits, production shares and
elasticities are the model's own), with the synthetic model for the identities.
"""

from __future__ import annotations

import numpy as np
import pytest
from model_factory import baseline_scenario, busy_scenario, make_model

from planner.model.data import load_model
from planner.model.database_build import build_database
from planner.model.engine import evaluate
from planner.model.engine.prepared import prepare
from planner.model.engine.regions import export_cost_response
from planner.model.engine.uncertainty import central_params
from planner.paths import seeds_dir

FLOOD_YEAR = 2027


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("incidence_model")
    return load_model(build_database(seeds_dir(), folder / "model.sqlite"))


@pytest.fixture(scope="module")
def small_model():
    return make_model()


def flood(model, **params):
    params = {"start_year": FLOOD_YEAR, "weeks": 3, **params}
    return baseline_scenario(model).set_shock("bajio_flood", True, **params)


@pytest.fixture(scope="module")
def flood_results(model):
    return evaluate(model, flood(model))


def national_exports(results, flows) -> np.ndarray:
    """(Y,) Mexico's exports, USD m (the mx_exports_usd_m KPI's sum)."""
    return flows[:, :, results.regions.index("MEX"), :].sum(axis=(-1, -2))


def test_the_flood_falls_on_the_bajio_in_its_year(flood_results):
    r = flood_results
    at = int(np.flatnonzero(r.years == FLOOD_YEAR)[0])
    change = (r.mx_region_exports - r.mx_region_exports_base)[at]  # (M,)
    bajio = r.mx_regions.index("bajio")
    national = national_exports(r, r.flows)[at] - national_exports(r, r.flows_base)[at]
    assert national < 0
    # The largest loss of the five regions, and more than its production-share portion.
    assert int(np.argmin(change)) == bajio
    share = r.mx_region_exports_base[at, bajio] / r.mx_region_exports_base[at].sum()
    assert change[bajio] < share * national
    # The other regions move with national effects only (first order: nothing here), so the
    # Bajío bears about the whole national loss.
    others = np.delete(change, bajio)
    assert np.abs(others).max() < 0.1 * abs(change[bajio])
    assert change[bajio] == pytest.approx(national, rel=0.1)


@pytest.mark.parametrize("which", ["flood", "busy", "no change"])
def test_regional_exports_add_up_to_mexicos_exports_every_year(model, small_model, which):
    if which == "busy":
        m, scenario = small_model, busy_scenario(small_model)
    else:
        m = model
        scenario = flood(model) if which == "flood" else baseline_scenario(model)
    r = evaluate(m, scenario)
    runs = ((r.mx_region_exports_base, r.flows_base), (r.mx_region_exports, r.flows))
    for regional, flows in runs:
        assert np.allclose(regional.sum(-1), national_exports(r, flows), rtol=1e-12, atol=0)


def test_no_change_moves_no_region(model):
    r = evaluate(model, baseline_scenario(model))
    for name in ("exports", "investment", "jobs"):
        base = getattr(r, f"mx_region_{name}_base")
        assert np.array_equal(getattr(r, f"mx_region_{name}"), base), name
    kpis = r.kpis()
    assert (kpis["delta"].fillna(0.0) == 0.0).all()


def test_after_the_flood_year_nothing_persists(flood_results):
    r = flood_results
    after = r.years > FLOOD_YEAR
    assert after.any()
    for name in ("exports", "investment", "jobs"):
        change = getattr(r, f"mx_region_{name}") - getattr(r, f"mx_region_{name}_base")
        assert np.all(change[after] == 0.0), name
    kpis = r.kpis().set_index(["id", "year"])["delta"]
    later = kpis[kpis.index.get_level_values("year") > FLOOD_YEAR]
    assert (later.fillna(0.0) == 0.0).all(), later[later != 0.0]


def test_the_disruption_days_grow_with_the_capacity_the_flood_removes(model):
    def days(loss: float) -> float:
        scenario = flood(model).replace(
            overrides={"lever_effects.bajio_flood.capacity_loss_share": loss}
        )
        kpis = evaluate(model, scenario).kpis().set_index(["id", "year"])
        return float(kpis.loc[("us_disruption_days", FLOOD_YEAR), "delta"])

    assert 0 < days(0.2) < days(0.5) < days(0.8)
    assert days(0.8) == pytest.approx(4 * days(0.2))


def test_the_disruption_days_band_spreads_with_the_drawn_severity(model):
    r = evaluate(model, flood(model), draws=200)
    at = int(np.flatnonzero(r.years == FLOOD_YEAR)[0])
    p10, p50, p90 = r.bands["us_disruption_days"][:, at]
    assert p10 < p50 < p90
    assert p90 - p10 > 0.2 * p50


def test_the_export_cost_response_is_the_gsim_value_elasticity(model):
    # A 1% iceberg cost on all of Mexico's exports of every sector, through the trade core's
    # linear form, against -eta x 1% (eta by sector, weighted by the sector's exports).
    from planner.model.engine import trade

    prep = prepare(model)
    params = central_params(model)
    eta = export_cost_response(prep, params)[0]  # (S,)
    mex = prep.ridx["MEX"]
    flows = model.flows_usd_m[None]
    tariff = 1.0 + prep.tariff_base[None]
    iceberg = np.ones_like(flows)
    iceberg[:, :, mex, :] = 1.01
    iceberg[:, :, mex, mex] = 1.0
    solved = trade.solve_gsim(
        flows,
        tariff,
        tariff,
        params.import_demand[0][None, :, None],
        params.substitution[0][None, :, None],
        params.export_supply[0][None, :, None],
        iceberg_new=iceberg,
        form="linear",
    )
    before = flows[0, :, mex, :].sum(-1)
    after = solved.flows[0, :, mex, :].sum(-1)
    traded = before > 0
    measured = (after[traded] / before[traded] - 1.0) / 0.01
    assert np.allclose(measured, -eta[traded], rtol=0.05)
