"""``planner compare A B [C ...]``: several scenarios' KPI changes side by side, for one year.

Each KPI's change against the baseline in every scenario (lettered A, B, C, ... in the order
given), and each later scenario minus A, for one year (default: the last year all of them
cover), with every scenario's two leverage losses under the table.  ``--json`` gives the same
rows: ``delta_a``, ``delta_b``, ... and ``b_minus_a``, ``c_minus_a``, ...  An analyst's three
review outcomes go in one call.  Exit 2 on a bad file (every one named) or a year outside the
years they share.
"""

from __future__ import annotations

import argparse
import json
import string
from typing import Any

from planner.commands.number_text import change_text, print_table
from planner.commands.run import (
    chosen_year,
    common_options,
    horizon_years,
    leverage_note,
    load_scenarios,
)
from planner.errors import InputError

# Letters name the columns; more than eight scenarios make a table no terminal shows whole.
MOST_SCENARIOS = 8


def register(subparsers: argparse._SubParsersAction) -> None:
    compare = subparsers.add_parser(
        "compare",
        help="compare two or more scenario files",
        description="Each KPI's change against the baseline in A, B, ... and each minus A.",
    )
    compare.add_argument(
        "a", metavar="A", help="first scenario file (the one others are set against)"
    )
    compare.add_argument("b", metavar="B", help="second scenario file")
    compare.add_argument(
        "more",
        metavar="C",
        nargs="*",
        help=f"more scenario files, up to {MOST_SCENARIOS} in all",
    )
    compare.add_argument(
        "--year", type=int, metavar="YEAR", help="year to compare (default: the last year)"
    )
    compare.add_argument("--json", action="store_true", help="print the table as JSON")
    common_options(compare)
    compare.set_defaults(handler=compare_command)


def compare_command(args: argparse.Namespace) -> int:
    from planner.model.engine import evaluate
    from planner.model.results import LEVERAGE_KPI

    files = [args.a, args.b, *args.more]
    if len(files) > MOST_SCENARIOS:
        raise InputError(f"expected at most {MOST_SCENARIOS} scenario files, found {len(files)}")
    model, scenarios = load_scenarios(args, *files)
    letters = string.ascii_uppercase[: len(files)]
    common = sorted(set.intersection(*(set(horizon_years(s)) for s in scenarios)))
    if not common:
        raise InputError(f"{' and '.join(files)}: expected overlapping horizons, found none")
    what = "the years both scenarios cover" if len(files) == 2 else "the years all scenarios cover"
    year = chosen_year(args.year, common, what)
    results = [evaluate(model, s, reference=args.reference) for s in scenarios]
    tables = []
    for r in results:
        kpis = r.kpis()
        tables.append(kpis[kpis.year == year].set_index("id"))
    first = tables[0]
    rows = []
    for kpi_id in first.index:
        deltas = [float(t.at[kpi_id, "delta"]) for t in tables]
        row: dict[str, Any] = {
            "id": kpi_id,
            "label": str(first.at[kpi_id, "label"]),
            "unit": str(first.at[kpi_id, "unit"]),
            "lens": str(first.at[kpi_id, "lens"]),
            "year": year,
        }
        row.update({f"delta_{x.lower()}": d for x, d in zip(letters, deltas, strict=True)})
        row.update(
            {
                f"{x.lower()}_minus_a": d - deltas[0]
                for x, d in zip(letters[1:], deltas[1:], strict=True)
            }
        )
        rows.append(row)
    if args.json:
        clean = [
            {k: (None if isinstance(v, float) and v != v else v) for k, v in r.items()}
            for r in rows
        ]
        names = {x.lower(): s.name for x, s in zip(letters, scenarios, strict=True)}
        print(json.dumps({**names, "year": year, "kpis": clean}, indent=2, ensure_ascii=False))
        return 0
    for x, s in zip(letters, scenarios, strict=True):
        print(f"{x}: {s.name}")
    print(f"change against the baseline ({args.reference}), {year}")
    print_table(
        ["KPI", "unit", *letters, *(f"{x} - A" for x in letters[1:])],
        [
            [
                r["label"],
                r["unit"],
                *(change_text(r[f"delta_{x.lower()}"]) for x in letters),
                *(change_text(r[f"{x.lower()}_minus_a"]) for x in letters[1:]),
            ]
            for r in rows
        ],
    )
    if LEVERAGE_KPI in first.index and all(r.leverage_losses is not None for r in results):
        columns = [
            (x, r.leverage_losses[r.year_index(year)])
            for x, r in zip(letters, results, strict=True)
        ]
        print(f"\n{leverage_note(str(first.at[LEVERAGE_KPI, 'label']), year, columns)}")
    return 0
