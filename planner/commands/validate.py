"""``planner validate FILE...``: check scenario files against the schema and the model.

Exit 0 when every file is valid (warnings, such as another model's fingerprint, go to stderr
but do not fail); 2 when any file has problems, each printed as ``FILE: field.path: ...``.
"""

from __future__ import annotations

import argparse
import sys

from planner.errors import capped
from planner.model import scenario as scenario_files


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check scenario files (.usmca.json)",
        description="Check scenario files against the file format and the model's levers, "
        "alignments, shocks and lenses. Exit 0 if all are valid, 2 if any has problems.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="scenario file(s) to check")
    parser.set_defaults(handler=run_validate)


def run_validate(args: argparse.Namespace) -> int:
    model = None  # the model database is opened only once a file is readable JSON
    failed = False
    for name in args.files:
        try:
            content, warnings = scenario_files.read_scenario_content(name)
            if model is None:
                model = scenario_files.default_model()
            scenario = scenario_files.Scenario.from_dict(content, model.catalog)
        except scenario_files.ScenarioError as exc:
            failed = True
            for problem in capped(exc.problems):
                print(f"{name}: {problem}", file=sys.stderr)
            continue
        warnings += scenario_files.fingerprint_warnings(scenario, model.fingerprint, model.version)
        for warning in warnings:
            print(f"{name}: warning: {warning}", file=sys.stderr)
        print(f"{name}: valid ({scenario.name})")
    return 2 if failed else 0
