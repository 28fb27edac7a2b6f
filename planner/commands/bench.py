"""``planner bench [--json] [--scaling]``: measure the engine's budgets on this machine.

Measurements live in a registry of named entries, each a function returning timing samples in
milliseconds; the report gives each one's median against its budget (DESIGN §8).  Other
layers add their own: ``planner.ui`` registers its figures (repaint, cold start) from a module
listed in ``PLUGINS`` with ``register_measurement(...)``, imported only if it exists and
imports (no display, no Qt: the engine's figures are still measured).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from planner.commands.bench_machine import load_average, machine_facts, machine_line

PLUGINS = ("planner.ui.bench",)


@dataclass(frozen=True)
class Measurement:
    name: str
    description: str
    run: Callable[[BenchContext], list[float]]  # samples, in `unit`
    budget_ms: float | None = None  # the budget, in `unit` (the name predates other units)
    slow: bool = False  # only with --scaling
    unit: str = "ms"
    statistic: str = "median"  # which figure the budget is judged on: "median" or "p95"


@dataclass
class BenchContext:
    """What measurements share: the default model, loaded once."""

    repeat: int = 15
    _model: Any = None

    @property
    def model(self) -> Any:
        if self._model is None:
            from planner.model.data import load_model

            self._model = load_model()
        return self._model


MEASUREMENTS: dict[str, Measurement] = {}


def register_measurement(
    name: str,
    description: str,
    run: Callable[[BenchContext], list[float]],
    budget_ms: float | None = None,
    slow: bool = False,
    unit: str = "ms",
    statistic: str = "median",
) -> None:
    """Add (or replace) a named measurement; its budget is judged on ``statistic``."""
    MEASUREMENTS[name] = Measurement(name, description, run, budget_ms, slow, unit, statistic)


def timed(fn: Callable[[], Any], repeat: int, warmup: int = 1) -> list[float]:
    """``repeat`` wall-clock samples of ``fn()`` in ms, after ``warmup`` unmeasured calls."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1e3)
    return samples


# --- scenarios and scaled models ------------------------------------------------------------


def baseline_scenario(model: Any) -> Any:
    from planner.model.scenario import Scenario

    return Scenario.baseline(model.catalog, model.version, model.fingerprint)


def busy_scenario(model: Any) -> Any:
    """Three levers, two alignments, a tariff and a flood, all years (the budget's scenario)."""
    s = baseline_scenario(model)
    s = s.set_lever("tmfc_corridor", True, start_year=2027)
    s = s.set_lever("e_customs", True)
    s = s.set_lever("regional_development_fund", True)
    s = s.set_alignment("eu", "fta").set_alignment("central_america", "deepen")
    s = s.set_shock("us_tariff_non_usmca", True, rate_pct=25, start_year=2026)
    return s.set_shock("bajio_flood", True, start_year=2027, weeks=3)


def scaled_model(model: Any, sectors: int = 1, years: int = 1) -> Any:
    """``model`` with every sector repeated ``sectors`` times (each copy a share of the flows)
    and the horizon ``years`` times as long, for measuring how the engine scales."""
    import pandas as pd

    def tile(a: np.ndarray, axis: int) -> np.ndarray:
        return np.concatenate([a] * sectors, axis=axis)

    ids = [s if k == 0 else f"{s}_{k + 1}" for k in range(sectors) for s in model.sectors]
    labels = {lang: {i: i for i in ids} for lang in model.sector_labels}
    ranged = lambda r: type(r)(tile(r.value, 0), tile(r.low, 0), tile(r.high, 0))  # noqa: E731
    params = dict(model.parameters)
    for k in range(1, sectors):
        for s in model.sectors:
            params[f"per_day_cost_pct.{s}_{k + 1}"] = model.parameters[f"per_day_cost_pct.{s}"]
    actions = [model.tariff_actions]
    for k in range(1, sectors):
        copy = model.tariff_actions.copy()
        copy["sector"] = copy["sector"] + f"_{k + 1}"
        actions.append(copy)
    share = tile(model.mx_production_share, 1)
    first = int(model.years[0])
    return dataclasses.replace(
        model,
        fingerprint=f"{model.fingerprint}:x{sectors}s:x{years}y",
        years=np.arange(first, first + len(model.years) * years),
        sectors=tuple(ids),
        sector_labels=labels,
        flows_usd_m=tile(model.flows_usd_m, 0) / sectors,
        tariff_mfn=tile(model.tariff_mfn, 0),
        tariff_pref=tile(model.tariff_pref, 0),
        preference_use=tile(model.preference_use, 1),
        tariff_actions=pd.concat(actions, ignore_index=True),
        import_demand=ranged(model.import_demand),
        substitution=ranged(model.substitution),
        export_supply=ranged(model.export_supply),
        mx_production_share=share,
        parameters=params,
    )


def whole_horizon(scenario: Any, model: Any) -> Any:
    """``scenario`` over all of ``model``'s years (a scaled model runs past 2036, which a
    scenario file may not name, so the check is skipped on purpose)."""
    horizon = type(scenario.horizon).model_construct(
        start=int(model.years[0]), end=int(model.years[-1])
    )
    return scenario.model_copy(update={"horizon": horizon})


# --- the engine's measurements ---------------------------------------------------------------


def _central(scenario_of: Callable[[Any], Any], model_of=lambda m: m):
    def run(ctx: BenchContext) -> list[float]:
        from planner.model.engine import evaluate

        model = model_of(ctx.model)
        scenario = whole_horizon(scenario_of(model), model)
        return timed(lambda: evaluate(model, scenario), ctx.repeat)

    return run


def _monte_carlo(
    draws: int,
    model_of=lambda m: m,
    repeat: int = 3,
    scenario_of=busy_scenario,
    cold=False,
    after_idle=False,
):
    """Monte Carlo of ``scenario_of(model)``.  Warm (default): the baseline's draws are
    remembered from a first run, as in the app after its first run of a session, so each
    sample solves the scenario's draws; ``cold``: every sample is a session's first run
    (the baseline's draws solved too, the draws and their base-year network made again).

    Samples follow each other as the runs of a burst of edits do in the app, whose worker
    hands memory back only once it has been idle (``planner.ui.worker.IDLE_TRIM_MS``);
    ``after_idle``: each sample follows that trim instead (untimed), as the first run after
    a pause does, and pays for faulting its memory in again."""

    def run(ctx: BenchContext) -> list[float]:
        from planner.model.engine import evaluate, logistics
        from planner.model.engine.prepared import prepare
        from planner.model.engine.uncertainty import forget_draws
        from planner.native_memory import release_free_memory

        model = model_of(ctx.model)
        scenario = whole_horizon(scenario_of(model), model)
        cache = prepare(model).cache

        def once() -> None:
            if cold:  # as the session's first run: nothing of an earlier run remembered
                for key in [k for k in cache if k[0] == "monte_carlo_baseline"]:
                    del cache[key]
                forget_draws()
                logistics.forget_references(prepare(model))
            evaluate(model, scenario, draws=draws)

        if not after_idle:
            return timed(once, repeat, warmup=1)
        once()  # the warm-up run
        samples = []
        for _ in range(repeat):
            release_free_memory()  # the worker's idle trim, between the app's bursts
            samples += timed(once, 1, warmup=0)
        return samples

    return run


def _cold(ctx: BenchContext) -> list[float]:
    from planner.model.engine import evaluate
    from planner.model.engine.prepared import prepare

    model = ctx.model
    scenario = busy_scenario(model)
    evaluate(model, scenario)

    def once() -> None:
        prepare(model).cache.clear()  # the baseline is solved again too
        evaluate(model, scenario)

    return timed(once, ctx.repeat)


def _register_engine() -> None:
    register_measurement(
        "evaluate_default",
        "central evaluate, default model, no change",
        _central(baseline_scenario),
        budget_ms=5,
    )
    register_measurement(
        "evaluate_busy",
        "central evaluate, busy scenario, all years",
        _central(busy_scenario),
        budget_ms=5,
    )
    register_measurement("evaluate_busy_cold", "central evaluate, busy, baseline not cached", _cold)
    register_measurement(
        "monte_carlo_1000",
        "Monte Carlo, 1,000 draws, busy scenario (baseline's draws remembered)",
        _monte_carlo(1000),
        budget_ms=300,
    )
    register_measurement(
        "monte_carlo_1000_after_idle",
        "Monte Carlo, 1,000 draws, busy scenario, first run after the idle trim",
        _monte_carlo(1000, after_idle=True),
    )
    register_measurement(
        "monte_carlo_1000_cold",
        "Monte Carlo, 1,000 draws, busy scenario, baseline's draws solved too",
        _monte_carlo(1000, cold=True),
    )
    register_measurement(
        "monte_carlo_1000_default",
        "Monte Carlo, 1,000 draws, default model, no change",
        _monte_carlo(1000, scenario_of=baseline_scenario, cold=True),
    )
    for label, factors in (("2x_sectors", (2, 1)), ("2x_years", (1, 2))):
        model_of = lambda m, f=factors: scaled_model(m, *f)  # noqa: E731
        register_measurement(
            f"evaluate_busy_{label}",
            f"central evaluate, busy, {label}",
            _central(busy_scenario, model_of),
            slow=True,
        )
        register_measurement(
            f"monte_carlo_1000_{label}",
            f"Monte Carlo 1,000 draws, {label}",
            _monte_carlo(1000, model_of, repeat=1),
            slow=True,
        )


_register_engine()


def _load_plugins() -> list[str]:
    notes = []
    for name in PLUGINS:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                notes.append(f"{name}: not measured ({exc})")
        except Exception as exc:  # a GUI that cannot start here must not stop the engine's bench
            notes.append(f"{name}: not measured ({exc.__class__.__name__}: {exc})")
    return notes


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bench",
        help="measure the performance budgets on this machine",
        description="Time the engine (and the app, when it can start) against the budgets.",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--scaling",
        action="store_true",
        help="also measure with twice the sectors and twice the years (slow)",
    )
    parser.add_argument(
        "--only", metavar="NAME", action="append", help="run only this measurement (repeatable)"
    )
    parser.add_argument("--repeat", type=int, default=15, help="samples per measurement")
    parser.set_defaults(handler=bench_command)


def bench_command(args: argparse.Namespace) -> int:
    from planner.errors import InputError
    from planner.native_memory import tune_allocator

    # The app runs under this allocator configuration (planner.native_memory): without it
    # the bench measured an engine the app does not run.  Before anything starts a thread,
    # as in the app (an arena limit does not apply to threads that already have one).
    tune_allocator()
    notes = _load_plugins()
    chosen = [m for m in MEASUREMENTS.values() if args.scaling or not m.slow]
    if args.only:
        unknown = sorted(set(args.only) - set(MEASUREMENTS))
        if unknown:
            raise InputError(
                f"--only: expected one of {', '.join(MEASUREMENTS)}, found {', '.join(unknown)}"
            )
        chosen = [MEASUREMENTS[n] for n in args.only]
    ctx = BenchContext(repeat=max(1, args.repeat))
    load_before = load_average()
    rows = []
    for m in chosen:
        samples = m.run(ctx)
        median = statistics.median(samples)
        p95 = float(np.percentile(samples, 95))
        judged = p95 if m.statistic == "p95" else median
        rows.append(
            {
                "name": m.name,
                "description": m.description,
                "unit": m.unit,
                "median_ms": round(median, 3),  # "_ms" kept for readers of older output
                "p95_ms": round(p95, 3),
                "samples": len(samples),
                "budget_ms": m.budget_ms,
                "budget_statistic": m.statistic,
                "within_budget": None if m.budget_ms is None else judged <= m.budget_ms,
            }
        )
    machine = machine_facts(load_before)
    if args.json:
        print(json.dumps({"machine": machine, "measurements": rows, "notes": notes}, indent=2))
        return 0
    width = max(len(r["name"]) for r in rows) if rows else 10
    for r in rows:
        unit = r["unit"]
        budget = (
            ""
            if r["budget_ms"] is None
            else f"budget {r['budget_statistic']} {r['budget_ms']:g} {unit} "
            + ("ok" if r["within_budget"] else "OVER")
        )
        print(
            f"{r['name']:<{width}}  median {r['median_ms']:>10.2f} {unit:<2}  "
            f"p95 {r['p95_ms']:>10.2f} {unit:<2}  {budget}"
        )
    for note in notes:
        print(note)
    print(machine_line(machine))
    return 0
