"""``planner db build|check|import``: the model database from the command line."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from planner.errors import InputError


def register(subparsers: argparse._SubParsersAction) -> None:
    db = subparsers.add_parser(
        "db",
        help="build, check or import into the model database",
        description="The model database is built from the seed CSVs (seeds/*.csv).",
    )
    sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)

    build = sub.add_parser("build", help="build the model database from the seed CSVs")
    build.add_argument("--seeds", metavar="DIR", type=Path, help="seed folder (default: seeds/)")
    build.add_argument("--out", metavar="PATH", type=Path, help="database file to write")
    build.add_argument(
        "--if-needed",
        action="store_true",
        help="only build when the database is missing, unreadable or older than the seeds",
    )
    build.set_defaults(handler=run_build)

    check = sub.add_parser("check", help="check a built model database")
    check.add_argument("--db", metavar="PATH", type=Path, help="database file to check")
    check.set_defaults(handler=run_check)

    imp = sub.add_parser(
        "import",
        help="replace a seed table's rows with a CSV file and rebuild",
        description="Checks FILE against TABLE's columns, stamps every row with --source, "
        "rebuilds the database and only then replaces seeds/TABLE.csv. A bad file changes "
        "nothing.",
    )
    imp.add_argument("table", metavar="TABLE", help="seed table name, e.g. trade_flows")
    imp.add_argument("file", metavar="FILE.csv", type=Path, help="the new rows")
    imp.add_argument("--source", required=True, metavar="ID", help="an id in seeds/sources.csv")
    imp.add_argument("--seeds", metavar="DIR", type=Path, help="seed folder (default: seeds/)")
    imp.add_argument("--db", metavar="PATH", type=Path, help="database file to rebuild")
    imp.set_defaults(handler=run_import)


def run_build(args: argparse.Namespace) -> int:
    from planner.model.database_build import build_database, database_status
    from planner.model.database_file import default_database_path

    out = args.out or default_database_path()
    if args.if_needed:
        status = database_status(out, args.seeds)
        if status is None:
            print(f"up to date: {out}")
            return 0
        print(f"building: {status.reason}")
    started = time.perf_counter()
    path = build_database(args.seeds, out)
    print(f"built {path} in {(time.perf_counter() - started) * 1000:.0f} ms")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from planner.model.database_check import check_database
    from planner.model.database_file import default_database_path

    path = args.db or default_database_path()
    problems = check_database(path)
    if problems:
        raise InputError(problems)
    print("ok")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from planner.model.database_file import default_database_path
    from planner.model.database_import import import_table

    out = args.db or default_database_path()
    count = import_table(args.table, args.file, args.source, args.seeds, out)
    print(f"imported {count} rows into {args.table} (source {args.source}); rebuilt {out}")
    return 0
