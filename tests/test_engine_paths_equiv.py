"""The corridor and tariff paths computed in batches: the same numbers whatever the batch.

A Monte Carlo pass evaluates many draws (and years, and disruption states) at once; each
draw's numbers must not depend on which other draws share its pass.  The batched sums are
taken in a fixed order, so a D-draw call equals D single-draw calls bit for bit.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from model_factory import baseline_scenario, busy_scenario, make_model

from planner.model.engine import logistics, tariff_paths
from planner.model.engine.assignment import Assignment, assign
from planner.model.engine.network import RowSums
from planner.model.engine.prepared import prepare
from planner.model.engine.run_inputs import per_day_cost
from planner.model.engine.settings import settings_of
from planner.model.engine.uncertainty import central_params, draw_params, slice_params

DRAWS = 5


@pytest.fixture(scope="module")
def model():
    return make_model()


def _eventful(model):
    """Levers on edges, both disruptions (three states) in different years, the panel."""
    s = busy_scenario(model).set_lever("southwest_trade_hub", True)
    s = s.set_lever("rapid_response_panel", True)
    s = s.set_shock("port_disruption", True, port="manzanillo", start_year=2030, weeks=8)
    return s.set_shock("review_outcome", True, outcome="withdrawal", year=2027)


def _setup(model, scenario):
    prep = prepare(model)
    settings = settings_of(scenario, model.catalog)
    years = np.asarray(model.years)
    years = years[(years >= settings.start) & (years <= settings.end)]
    return prep, settings, years


def _arrays(value, prefix=""):
    """Every array a (nested) result holds, by a path name."""
    if isinstance(value, np.ndarray):
        yield prefix, value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _arrays(getattr(value, f.name), f"{prefix}.{f.name}")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _arrays(v, f"{prefix}[{k}]")
    elif isinstance(value, tuple | list):
        for k, v in enumerate(value):
            yield from _arrays(v, f"{prefix}[{k}]")


def _draw(assignment: Assignment, k: int) -> Assignment:
    return Assignment(*(a[k : k + 1] for a in dataclasses.astuple(assignment)))


def _assert_draws_equal(batched, singles) -> None:
    whole = dict(_arrays(batched))
    parts = [dict(_arrays(s)) for s in singles]
    for name, array in whole.items():
        for k, part in enumerate(parts):
            one = np.broadcast_to(array, (len(parts), *array.shape[1:]))[k : k + 1]
            assert np.array_equal(one, part[name], equal_nan=True), (name, k)


@pytest.mark.parametrize("batch", [(1,), (2,), (3, 1), (1, 7), (20, 13), (4, 3, 2)])
def test_row_sums_add_in_path_order_for_every_batch_shape(model, batch):
    net = prepare(model).network
    rng = np.random.default_rng(3)
    for matrix in (net.incidence, net.membership):
        a = rng.random((matrix.shape[0], *batch)) * 10.0 ** rng.integers(-6, 6, batch)
        expected = np.zeros((matrix.shape[1], *batch))
        for p in range(matrix.shape[0]):  # one path at a time, in order
            expected += matrix[p].reshape(-1, *[1] * len(batch)) * a[p]
        assert np.array_equal(RowSums(matrix)(a), expected)


@pytest.mark.parametrize("make", [baseline_scenario, busy_scenario, _eventful])
def test_a_pass_of_draws_equals_each_draw_alone(model, make):
    prep, settings, years = _setup(model, make(model))
    central = central_params(model)
    base0 = logistics.reference(prep, central)
    kept = logistics.corridor_run(
        prep, settings, central, years, base0, per_day_cost(prep, central)
    )
    params = draw_params(model, {}, DRAWS, seed=7)
    base = logistics.reference(prep, params)
    per_day = per_day_cost(prep, params)
    batched = logistics.corridor_run(prep, settings, params, years, base, per_day, kept)
    singles = [
        logistics.corridor_run(
            prep,
            settings,
            slice_params(params, slice(k, k + 1)),
            years,
            _draw(base, k),
            per_day[k : k + 1],
            kept,
        )
        for k in range(DRAWS)
    ]
    _assert_draws_equal(batched, singles)
    paths = tariff_paths.tariff_paths(prep, settings, params, years)
    _assert_draws_equal(
        paths,
        [
            tariff_paths.tariff_paths(prep, settings, slice_params(params, slice(k, k + 1)), years)
            for k in range(DRAWS)
        ],
    )


@pytest.mark.parametrize("make", [baseline_scenario, busy_scenario, _eventful])
def test_a_corridor_without_detail_has_the_same_trade_costs_and_events(model, make):
    # Monte Carlo's draws skip the edge days and utilisation (only the central run shows
    # them); everything the trade core and the KPIs read must be what the full run gives.
    prep, settings, years = _setup(model, make(model))
    central = central_params(model)
    kept = logistics.corridor_run(
        prep,
        settings,
        central,
        years,
        logistics.reference(prep, central),
        per_day_cost(prep, central),
    )
    params = draw_params(model, {}, DRAWS, seed=5)
    args = (
        prep,
        settings,
        params,
        years,
        logistics.reference(prep, params),
        per_day_cost(prep, params),
    )
    full = logistics.corridor_run(*args, kept)
    lean = logistics.corridor_run(*args, kept, detail=False)
    assert lean.edge_days is None and lean.utilisation is None
    assert full.edge_days is not None and full.utilisation is not None
    skipped = {".edge_days", ".utilisation"}
    lean_arrays = dict(_arrays(lean))
    compared = 0
    for name, array in _arrays(full):
        if name not in skipped:
            assert np.array_equal(array, lean_arrays[name], equal_nan=True), name
            compared += 1
    assert compared >= 3  # extra days, their normal state and the route choice at least


@pytest.mark.parametrize("make", [baseline_scenario, busy_scenario, _eventful])
def test_a_kept_route_choice_reproduces_the_run_it_was_kept_from(model, make):
    # Monte Carlo evaluates a disruption state only in its event's year and rescales the
    # central route choice; with the central parameters it must give the central corridor
    # back (to rounding: the rescaling ratio is 1 only to rounding).
    prep, settings, years = _setup(model, make(model))
    params = central_params(model)
    base = logistics.reference(prep, params)
    per_day = per_day_cost(prep, params)
    central = logistics.corridor_run(prep, settings, params, years, base, per_day)
    again = logistics.corridor_run(prep, settings, params, years, base, per_day, central)
    for (name, a), (_, b) in zip(_arrays(central), _arrays(again), strict=True):
        assert np.allclose(a, b, rtol=1e-12, atol=1e-12, equal_nan=True), name


@pytest.mark.parametrize("make", [baseline_scenario, busy_scenario, _eventful])
def test_the_disagreement_point_is_the_whole_tariff_at_its_preference_use(model, make):
    # Only the US<->Mexico cells are recomputed for the disagreement point: they must be
    # what the whole computation gives at its preference use, and every other cell too.
    prep, settings, years = _setup(model, make(model))
    params = draw_params(model, {}, DRAWS, seed=11)
    run, disagreement = tariff_paths.tariff_paths(prep, settings, params, years)
    rows = tariff_paths.year_rows(prep, years)
    share = tariff_paths._action_share(prep, settings, years, rows)
    cuts = tariff_paths.alignment_cuts(prep, settings, params, years)
    whole = tariff_paths._tariff(
        prep, settings, params, years, share, disagreement.preference_use, cuts
    )
    assert np.array_equal(disagreement.tariff, whole)
    assert disagreement.iceberg is run.iceberg


@pytest.mark.parametrize("make", [baseline_scenario, busy_scenario, _eventful])
def test_the_disagreement_point_by_its_cells_is_the_whole_one(model, make):
    # Monte Carlo takes the disagreement point as its run's tariffs but in the US<->Mexico
    # cells, and the run's tariffs in float32: the same tariffs, the run's to float32
    # rounding, and no other cell differs.
    prep, settings, years = _setup(model, make(model))
    params = draw_params(model, {}, DRAWS, seed=11)
    run, disagreement = tariff_paths.tariff_paths(prep, settings, params, years)
    run64, cells64 = tariff_paths.tariff_paths_cells(prep, settings, params, years)
    assert np.array_equal(run64.tariff, run.tariff)
    assert np.array_equal(cells64.full(), disagreement.tariff)
    run32, cells32 = tariff_paths.tariff_paths_cells(prep, settings, params, years, np.float32)
    assert run32.tariff.dtype == np.float32 and run32.tariff.flags.c_contiguous
    assert np.allclose(run32.tariff, run.tariff, rtol=1e-6, atol=1e-9)
    assert run32.iceberg.dtype == np.float64  # 1 + tau keeps its digits of tau
    assert cells32.base is run32.tariff
    assert np.array_equal(cells32.tariff, cells64.tariff)
    usa, mex = prep.ridx["USA"], prep.ridx["MEX"]
    assert sorted(cells32.cells) == sorted([(mex, usa), (usa, mex)])
    other = np.ones(run.tariff.shape[-2:], bool)
    other[mex, usa] = other[usa, mex] = False
    assert np.array_equal(disagreement.tariff[..., other], run.tariff[..., other])


def test_assign_keeps_a_route_choice_it_is_given(model):
    # ``assign`` with a route choice only evaluates its delays: given its own route choice
    # back, it returns the same assignment (the last step of the route choice, exactly).
    net = prepare(model).network
    rng = np.random.default_rng(5)
    draws, years, states = 3, 4, 2
    capacity = net.capacity * rng.uniform(0.5, 1.5, (draws, years, states, net.n_edges))
    days0 = np.broadcast_to(net.base_days, (draws, years, 1, net.n_edges))
    demand = net.base_demand * rng.uniform(1.0, 2.0, (draws, years, 1, len(net.base_demand)))
    alpha, beta, theta = (
        rng.uniform(lo, hi, (draws, 1, 1, 1)) for lo, hi in ((0.1, 0.5), (2, 6), (0, 0.1))
    )
    reference = rng.uniform(1.0, 5.0, (draws, 1, 1, len(net.path_od)))
    run = assign(net, capacity, days0, demand, alpha, beta, theta, reference)
    kept = assign(net, capacity, days0, demand, alpha, beta, theta, reference, run.path_flow)
    for a, b in zip(dataclasses.astuple(run), dataclasses.astuple(kept), strict=True):
        assert a.shape == (draws, years, states, a.shape[-1])
        assert np.array_equal(a, b)
