"""linear_batch's scratch memory: arrays whose lifetimes do not overlap share one buffer.

A Monte Carlo run's chunks fault every page they touch again after the trim that follows
each run (planner.native_memory), so the per-thread scratch is kept small.
"""

from __future__ import annotations

import threading

import numpy as np
from test_engine_linear_batch import PRECISIONS, _close, _market

from planner.model.engine import cell_tariffs, linear_batch, linear_factors, per_thread


def _monte_carlo_call(dtype):
    """A run and its disagreement point (its US<->Mexico cells), flows of the run kept, as
    a Monte Carlo chunk solves them."""
    flows, t0, _, _, growth, em, es, ex, tariffs, icebergs = _market(
        np.random.default_rng(23), "random"
    )
    cells = ((2, 0), (0, 2))
    values = np.stack([tariffs[0][..., r, v] for r, v in cells], axis=-1) + 0.1
    change = cell_tariffs.CellTariffs(tariffs[0], cells, values)
    args = (linear_factors.factors(flows, t0), growth, [tariffs[0], change])
    return args, (icebergs[0], icebergs[0]), (em, es, ex), change


def _in_a_fresh_thread(dtype):
    (fac, growth, tariffs), icebergs, (em, es, ex), _ = _monte_carlo_call(dtype)
    out = {}

    def work():
        out["runs"] = linear_batch.solve(
            fac, growth, tariffs, list(icebergs), em, es, ex, dtype=dtype, keep_flows=[0]
        )
        pool = per_thread._SCRATCH.__dict__
        buffers = {id(v): v.nbytes for k, v in pool.items() if isinstance(k, str)}
        out["bytes"] = sum(buffers.values())

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    return out, fac, growth


def test_a_threads_scratch_stays_within_six_and_a_half_runs():
    out, fac, growth = _in_a_fresh_thread(np.float32)
    draws, years, _ = growth.shape
    one_run = draws * years * fac.flows.size * np.dtype(np.float32).itemsize
    # Shared: w G / T0, the elimination's steps and ``shift``; G and [a, b] in the
    # friction factors'.  On these markets 6.25 runs; unshared they came to 9.7.
    assert out["bytes"] <= 6.5 * one_run, out["bytes"] / one_run


def test_shared_scratch_gives_the_whole_solves_answer():
    # Were two live arrays given one buffer, the answer would differ from the whole
    # (unshared-path) solve of the same markets by far more than rounding.
    for dtype, tol in PRECISIONS:
        out, fac, growth = _in_a_fresh_thread(dtype)
        (_, _, tariffs), icebergs, (em, es, ex), change = _monte_carlo_call(dtype)
        whole = linear_batch.solve(
            fac,
            growth,
            [tariffs[0], change.full()],
            list(icebergs),
            em,
            es,
            ex,
            dtype=np.float64,
        )
        got = out["runs"]
        assert _close(got.flows[:, 0], whole.flows[:, 0], tol)
        for field in ("world_price", "consumer", "producer", "tariff_revenue"):
            assert _close(getattr(got, field), getattr(whole, field), tol), (dtype, field)
