"""The Monte Carlo trade core (one factorisation per draw, year and sector, runs as columns)
solves exactly the linear GSIM of ``trade.solve_gsim``."""

from __future__ import annotations

import numpy as np
import pytest
from model_factory import busy_scenario, make_model

import planner.model.engine as engine
from planner.model.engine import evaluate, linear_batch, trade, uncertainty

DRAWS, RUNS, YEARS, SECTORS, REGIONS = 6, 3, 4, 3, 8


def _market(rng: np.random.Generator, idle_exporter: bool):
    flows = rng.uniform(1.0, 100.0, (SECTORS, REGIONS, REGIONS))
    if idle_exporter:
        flows[1, 5, :] = 0.0  # an exporter that sells nothing in one sector
    t0 = rng.uniform(0.0, 0.15, flows.shape)
    t1 = t0 + rng.uniform(-0.05, 0.3, (DRAWS, RUNS, YEARS, *flows.shape)).clip(-t0)
    ice = np.exp(rng.uniform(0.0, 0.06, t1.shape))
    growth = (1.0 + rng.uniform(0.0, 0.05, (DRAWS, 1, REGIONS))) ** np.arange(1, YEARS + 1)[
        None, :, None
    ]
    em = -rng.uniform(0.5, 2.0, (DRAWS, SECTORS))
    es = rng.uniform(3.0, 9.0, (DRAWS, SECTORS))
    ex = rng.uniform(0.75, 4.5, (DRAWS, SECTORS))
    return flows, t0, t1, ice, growth, em, es, ex


@pytest.mark.parametrize("idle_exporter", [False, True])
def test_batch_solve_equals_the_linear_gsim(idle_exporter):
    flows, t0, t1, ice, growth, em, es, ex = _market(np.random.default_rng(5), idle_exporter)
    batch = linear_batch.solve(
        linear_batch.factors(flows, t0),
        growth,
        [t1[:, k] for k in range(RUNS)],
        [ice[:, k] for k in range(RUNS)],
        em,
        es,
        ex,
    )
    grown = flows * growth[:, :, None, None, :]
    ref = trade.solve_gsim(
        grown[:, None],
        1.0 + t0,
        1.0 + t1,
        em[:, None, None, :, None],
        es[:, None, None, :, None],
        ex[:, None, None, :, None],
        iceberg_new=ice,
        form="linear",
    )

    def close(a, b):
        return np.allclose(a, b, rtol=1e-10, atol=1e-10 * np.abs(b).max())

    assert close(batch.world_price, ref.world_price_change)
    assert close(batch.flows, ref.flows)
    assert close(batch.consumer, ref.consumer_surplus.sum(-2))
    assert close(batch.producer, ref.producer_surplus.sum(-2))
    assert close(batch.tariff_revenue, ref.tariff_revenue.sum(-2))


def test_draws_at_the_central_values_give_the_central_run(monkeypatch):
    # Every draw at the central values: the batch-solved linear draws equal the linear central
    # run, so after centring on the exact (CES) central run every band collapses onto it.
    model = make_model()
    scenario = busy_scenario(model)

    def central_draws(model, overrides, n, seed):
        one = uncertainty.central_params(model, overrides)
        tile = lambda a: np.repeat(a, n, axis=0)  # noqa: E731
        return uncertainty.Params(
            tile(one.import_demand),
            tile(one.substitution),
            tile(one.export_supply),
            tile(one.growth),
            {k: tile(v) for k, v in one.parameters.items()},
            {k: tile(v) for k, v in one.effects.items()},
            one.timing,
        )

    monkeypatch.setattr(engine, "draw_params", central_draws)
    results = evaluate(model, scenario, draws=3)
    for kpi_id, band in results.bands.items():
        central = np.broadcast_to(results.kpi[kpi_id], band.shape)
        assert np.allclose(band, central, rtol=1e-9, atol=1e-9, equal_nan=True), kpi_id
    flows = np.broadcast_to(np.maximum(results.flows, 0.0), results.flow_bands.shape)
    # Flow samples are kept in float32 (seven significant digits).
    assert np.allclose(results.flow_bands, flows, rtol=1e-6, atol=1e-6)
