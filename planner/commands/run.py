"""``planner run FILE`` evaluates a scenario headless (``planner compare``, in ``compare``, sets
several side by side with the helpers below).

run: a KPI table for one year (``--year``, default the last) on stdout, or ``--json``; the tidy
long table with ``--csv OUT``, uncertainty bands with ``--draws N``.  When the last year shows
no change but another year does (a shock in 2027), a note names the year to look at.  The
leverage ratio comes with the two welfare losses it divides (a line under the table, fields
of its ``--json`` rows): a ratio of two small losses says little on its own.
Exit 2 on a bad file or a year outside the horizon.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
from pathlib import Path
from typing import Any

from planner.commands.number_text import (
    band_text,
    change_text,
    decimals_for,
    level_text,
    print_table,
)
from planner.errors import InputError, capped
from planner.model.scenario_settings import MAX_DRAWS


def register(subparsers: argparse._SubParsersAction) -> None:
    run = subparsers.add_parser(
        "run",
        help="evaluate a scenario file headless",
        description="Evaluate a scenario (.usmca.json) against the baseline and print its KPIs.",
    )
    run.add_argument("file", metavar="FILE", help="scenario file (.usmca.json)")
    run.add_argument(
        "--year", type=int, metavar="YEAR", help="year to show (default: the horizon's last)"
    )
    run.add_argument("--json", action="store_true", help="print the KPIs as JSON")
    run.add_argument(
        "--csv", type=_csv_path, metavar="OUT", help="write the tidy long table to OUT (CSV)"
    )
    run.add_argument(
        "--draws",
        type=_draws,
        default=0,
        metavar="N",
        help=f"Monte Carlo draws for p10/p50/p90 bands, 0 to {MAX_DRAWS:,} "
        "(default 0: central run only)",
    )
    common_options(run)
    run.set_defaults(handler=run_command)


def common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="DB", help="model database (default: the built-in)")
    parser.add_argument(
        "--reference",
        choices=("current_policy", "status_quo"),
        default="current_policy",
        help="baseline: current policy (default) or the 2024 status quo",
    )


def _draws(text: str) -> int:
    """--draws: checked while parsing, so a huge count never reaches the engine's arrays."""
    try:
        value = int(text)
    except ValueError:
        value = None
    if value is None or not 0 <= value <= MAX_DRAWS:
        # argparse prefixes "argument --draws: "; the file format has the same cap.
        raise argparse.ArgumentTypeError(
            f"expected a whole number from 0 to {MAX_DRAWS:,}, found {text}"
        )
    return value


def _csv_path(text: str) -> str:
    if not text.strip():  # an empty path used to skip the export without a word
        raise argparse.ArgumentTypeError("expected a file path, found an empty one")
    return text


def _unwritable_reason(path: Path) -> str | None:
    """Why ``path`` cannot be a file we write, when that shows before the run (cheap checks)."""
    if path.is_dir() or str(path).endswith(os.sep):
        return "it is a folder"
    for parent in path.parents:
        if parent.exists():
            return None if parent.is_dir() else f"{parent} is not a folder"
    return None


def _write_csv(results: Any, out: str) -> None:
    from planner.model.export import export_csv

    try:
        export_csv(results, out)
    except OSError as exc:
        # strerror alone: the file named in exc is the export's hidden temp file.
        raise InputError(f"--csv {out}: cannot write ({exc.strerror or exc})") from None


def load_scenarios(args: argparse.Namespace, *files: str) -> tuple[Any, list[Any]]:
    """The model and every scenario; InputError naming each bad file, not just the first."""
    from planner.model.data import load_model
    from planner.model.scenario import ScenarioError, load_scenario_with_warnings

    model = load_model(args.model)
    scenarios, problems = [], []
    for name in files:
        try:
            loaded = load_scenario_with_warnings(
                name, model.catalog, model.fingerprint, model.version
            )
        except ScenarioError as exc:
            # Same form as `planner validate`: every line starts with the file it is about.
            problems += [f"{name}: {problem}" for problem in capped(exc.problems)]
            continue
        for warning in loaded.warnings:
            print(f"{name}: warning: {warning}", file=sys.stderr)
        scenarios.append(loaded.scenario)
    if problems:
        raise InputError(problems, limit=None)  # capped per file above
    return model, scenarios


def run_command(args: argparse.Namespace) -> int:
    from planner.model.engine import evaluate
    from planner.model.export import results_json
    from planner.model.results import LEVERAGE_KPI

    if args.csv and (reason := _unwritable_reason(Path(args.csv))):
        raise InputError(f"--csv {args.csv}: cannot write ({reason})")  # before a long run
    model, (scenario,) = load_scenarios(args, args.file)
    year = chosen_year(args.year, horizon_years(scenario), "the scenario's horizon")
    results = evaluate(model, scenario, draws=args.draws or None, reference=args.reference)
    if args.csv:
        _write_csv(results, args.csv)
    kpis = results.kpis()
    busiest = largest_change_year(kpis)
    if args.json:
        # "kpis" keeps every year; "year" is the one the table shows.
        summary = {**results_json(results), "year": year, "largest_change_year": busiest}
        print(json.dumps(summary, indent=2, ensure_ascii=False))
        return 0
    print(
        f"{scenario.name}  (model {model.version}, baseline: {args.reference}, "
        f"{results.compute_ms:.1f} ms)"
    )
    rows = kpis[kpis.year == year]
    header = ["KPI", "unit", f"baseline {year}", f"scenario {year}", "change"]
    body = []
    for r in rows.itertuples(index=False):
        digits = decimals_for(r.baseline, r.scenario)  # one row's levels read together
        body.append(
            [
                r.label,
                r.unit,
                level_text(r.baseline, digits),
                level_text(r.scenario, digits),
                change_text(r.delta),
            ]
        )
    if results.bands is not None:
        header.append("p10-p90")
        for line, r in zip(body, rows.itertuples(index=False), strict=True):
            line.append(band_text(r.p10, r.p90))
    print_table(header, body)
    leverage = rows[rows.id == LEVERAGE_KPI]
    if len(leverage) and results.leverage_losses is not None:
        y = results.year_index(year)
        columns = [("baseline", results.leverage_losses_base[y])]
        note = leverage_note(
            str(leverage.label.iloc[0]), year, [*columns, ("scenario", results.leverage_losses[y])]
        )
        print(f"\n{note}")
    unchanged = not (rows.delta.fillna(0) != 0).any()
    if args.year is None and unchanged and busiest is not None:
        print(
            f"No change in {year}; the largest changes are in {busiest}: "
            f"planner run {shlex.quote(args.file)} --year {busiest}",
            file=sys.stderr,
        )
    return 0


def leverage_note(label: str, year: int, columns: list[tuple[str, Any]]) -> str:
    """The line under a table naming the two losses behind the leverage ratio (``label`` its
    KPI's) in ``year``: per column, its name and its (US loss, Mexico loss) in USD m."""
    numbers = [float(v) for _name, losses in columns for v in losses]
    digits = decimals_for(*numbers)  # read together, so with the same decimals
    pairs = ", ".join(
        f"{name} {level_text(float(us), digits)} / {level_text(float(mx), digits)}"
        for name, (us, mx) in columns
    )
    # Losses rather than the card's changes of welfare: the two numbers divide to the ratio
    # in the table above.
    return (
        f"{label} in {year} = US loss / Mexico loss if USMCA preferences were withdrawn "
        f"(USD m, negative: a gain): {pairs}"
    )


def largest_change_year(kpis: Any) -> int | None:
    """The year whose KPIs change most against the baseline, or None when none changes.

    Each KPI's change is measured against its own largest over the years, so that a change in
    USD m does not drown one in percent; on a tie the earliest year."""
    size = kpis.pivot(index="id", columns="year", values="delta").abs()  # NaN: not defined
    largest = size.max(axis=1)
    moving = largest > 0
    if not moving.any():
        return None
    score = size[moving].div(largest[moving], axis=0).sum(axis=0)
    return int(score.idxmax())


def horizon_years(scenario: Any) -> list[int]:
    return list(range(scenario.horizon.start, scenario.horizon.end + 1))


def chosen_year(year: int | None, years: list[int], what: str) -> int:
    """--year checked against the years a run covers (before it runs); None: the last."""
    if year is None:
        return years[-1]
    if year not in years:
        raise InputError(
            f"--year: expected a year from {years[0]} to {years[-1]} ({what}), found {year}"
        )
    return year
