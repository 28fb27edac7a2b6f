"""Corridor network: volume-delay, base-year calibration, events within their year."""

from __future__ import annotations

import numpy as np
import pytest
from model_factory import baseline_scenario, make_model

from planner.model.engine import evaluate
from planner.model.engine.assignment import edge_days
from planner.model.engine.network import build_network


@pytest.fixture(scope="module")
def model():
    return make_model()


def test_bpr_delay_rises_with_flow_and_closes_empty_edges():
    days0, cap = np.array([2.0, 2.0]), np.array([100.0, 0.0])
    low = edge_days(days0, np.array([50.0, 0.0]), cap, 0.15, 4.0)
    high = edge_days(days0, np.array([90.0, 0.0]), cap, 0.15, 4.0)
    assert low[0] == pytest.approx(2.0 * (1 + 0.15 * 0.5**4))
    assert high[0] > low[0] > 2.0
    assert low[1] >= 1e6  # no capacity: never routed


def test_base_path_flows_reproduce_the_observed_edge_flows(model):
    net = build_network(model)
    volume = net.base_path_flow @ net.incidence
    first_hop = net.origin_of_edge >= 0
    assert np.allclose(volume[first_hop], net.base_flow[first_hop])
    assert np.isclose(net.base_path_flow.sum(), net.base_flow[first_hop].sum())
    # What leaves the regions arrives at the markets.
    markets = set(model.network_nodes.loc[model.network_nodes.kind == "market", "id"])
    into_market = np.array([b in markets for b in net.to_node])
    assert np.isclose(volume[into_market].sum(), volume[first_hop].sum())


def test_the_flood_costs_fall_in_its_year_only(model):
    scenario = baseline_scenario(model).set_shock("bajio_flood", True, start_year=2029, weeks=3)
    results = evaluate(model, scenario)
    usa, mex = model.regions.index("USA"), model.regions.index("MEX")
    change = (results.trade_cost - results.trade_cost_base)[:, :, mex, usa]
    flood = results.years == 2029
    assert (change[flood] > 0).all()
    assert np.all(change[~flood] == 0.0)
    flows = (results.flows - results.flows_base)[:, :, mex, usa].sum(axis=1)
    assert flows[flood][0] < 0
    assert np.all(flows[~flood] == 0.0)
    days = results.kpis().set_index(["id", "year"]).loc["us_disruption_days", "delta"]
    assert days.loc[2029] > 0 and (days.drop(2029) == 0).all()


def test_a_longer_flood_costs_more_and_the_panel_and_buffers_soften_it(model):
    def disruption(weeks: int, **levers) -> float:
        s = baseline_scenario(model).set_shock("bajio_flood", True, start_year=2029, weeks=weeks)
        for lever, params in levers.items():
            s = s.set_lever(lever, True, **params)
        kpis = evaluate(model, s).kpis().set_index(["id", "year"])
        return float(kpis.loc[("us_disruption_days", 2029), "delta"])

    assert disruption(6) > disruption(2) > 0
    assert disruption(6, rapid_response_panel={}) < disruption(6)
    assert disruption(6, inventory_buffers={"weeks": 2}) < disruption(6)
    assert disruption(6, us_dual_sourcing={"share_pct": 30}) < disruption(6)


def test_a_port_disruption_hits_overseas_routes_in_its_year(model):
    scenario = baseline_scenario(model).set_shock(
        "port_disruption", True, port="manzanillo", start_year=2030, weeks=8
    )
    results = evaluate(model, scenario)
    mex, eu = model.regions.index("MEX"), model.regions.index("EU")
    change = (results.trade_cost - results.trade_cost_base)[:, :, mex, eu]
    year = results.years == 2030
    assert (change[year] > 0).all()
    assert np.all(change[~year] == 0.0)


def test_the_corridor_carries_flow_once_open_and_is_closed_before(model):
    scenario = baseline_scenario(model).set_lever("tmfc_corridor", True, start_year=2030)
    results = evaluate(model, scenario)
    edge = next(i for i, e in enumerate(results.edge_ids) if e.startswith("pacific-laredo-rail"))
    before, after = results.years < 2030, results.years >= 2030
    assert np.isnan(results.corridor_utilisation[before, edge]).all()
    assert (results.corridor_utilisation[after, edge] > 0).all()
    assert np.isnan(results.corridor_days_base[:, edge]).all()


def test_congestion_grows_with_demand_in_the_baseline(model):
    results = evaluate(model, baseline_scenario(model))
    busiest = np.nanargmax(results.corridor_utilisation_base[0])
    assert np.all(np.diff(results.corridor_utilisation_base[:, busiest]) > 0)
    assert np.all(np.diff(results.corridor_days_base[:, busiest]) > 0)
