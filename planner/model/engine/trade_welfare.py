"""The welfare parts of a trade-core solve: tariff revenue against the base (charged on the
world-price value only) and the welfare sum, packed with the prices and flows into its
``GsimResult``."""

from __future__ import annotations

import numpy as np

from planner.model.engine.trade_market import GsimResult, Market


def _base_revenue(market: Market) -> np.ndarray:
    """Σ_r M_rv t0_rv, the base's tariff revenue: the base's alone, so kept with it."""
    cache = market.solver_cache
    revenue = None if cache is None else cache.get("base_revenue")
    if revenue is None:
        revenue = np.einsum("...rv,...rv->...v", market.flows, market.tariff_old)
        revenue.flags.writeable = False
        if cache is not None:
            cache["base_revenue"] = revenue
    return revenue


def welfare_result(
    market: Market,
    world: np.ndarray,
    composite: np.ndarray,
    new_flows: np.ndarray,
    consumer: np.ndarray,
    producer: np.ndarray,
    form: str,
    iterations: int,
    converged: bool,
    max_residual: float,
    linear: np.ndarray | None = None,
    warm_start: tuple[np.ndarray, np.ndarray] | None = None,
) -> GsimResult:
    # Tariff revenue is charged on the world-price value only; tau earns nothing.
    revenue = np.einsum("...rv,...rv->...v", new_flows, market.tariff_new)
    revenue -= _base_revenue(market)
    return GsimResult(
        world_price_change=world,
        import_price_change=composite,
        flows=new_flows,
        consumer_surplus=consumer,
        producer_surplus=producer,
        tariff_revenue=revenue,
        welfare=consumer + producer + revenue,
        form=form,
        iterations=iterations,
        converged=converged,
        max_residual=max_residual,
        linear_world_price_change=linear,
        warm_start=warm_start,
    )
