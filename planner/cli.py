"""Command line: ``planner`` opens the app; subcommands run headless.

Exit codes everywhere: 0 success, 2 bad input (problems on stderr, no traceback),
1 internal error (short message; the traceback goes to a log file named in the message).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sys
import traceback
from collections.abc import Sequence

from planner import __version__
from planner.errors import InputError

# Each module registers its own subcommand(s); keeps this file small and lets them grow apart.
COMMAND_MODULES = (
    "planner.commands.validate",
    "planner.commands.db",
    "planner.commands.run",
    "planner.commands.compare",
    "planner.commands.bench",
)
COMMAND_NAMES = ("validate", "db", "run", "compare", "bench", "sweep")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planner",
        description="USMCA Scenario Planner. With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"planner {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # a command not built yet is simply absent
        module.register(sub)
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planner",
        description="USMCA Scenario Planner desktop app. Commands: "
        + ", ".join(COMMAND_NAMES)
        + " (planner COMMAND --help).",
    )
    parser.add_argument("--version", action="version", version=f"planner {__version__}")
    parser.add_argument(
        "--screenshot",
        metavar="PATH",
        help="render the main window (1600x1000) with the scenario computed to a PNG, then exit",
    )
    parser.add_argument("scenario", nargs="?", help="scenario file (.usmca.json) to open")
    return parser


def _log_internal_error() -> str:
    """Save the traceback to a log file; the line telling the user where it went (or why not)."""
    from planner.paths import log_dir

    try:
        path = log_dir() / f"error-{dt.datetime.now():%Y%m%d-%H%M%S}.log"
        path.write_text(traceback.format_exc(), encoding="utf-8")
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"the traceback could not be saved ({where}{exc.strerror or exc})"
    return f"the full traceback is in {path}"


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # Without a command word the arguments are the app's (a scenario file, --screenshot).
    is_command = any(a in COMMAND_NAMES for a in args_list) or "--help" in args_list[:1]
    try:
        parser = build_parser() if is_command else build_gui_parser()
        args = parser.parse_args(args_list)
        handler = getattr(args, "handler", None)
        if handler is None:
            from planner.ui.app import run_gui

            return run_gui(scenario_path=args.scenario, screenshot=args.screenshot)
        return int(handler(args) or 0)
    except InputError as exc:
        for problem in exc.shown():
            print(problem, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: not an error of ours, and stdout is gone.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except SystemExit as exc:  # argparse: --help/--version exit 0, usage errors exit 2
        return int(exc.code or 0)
    except Exception as exc:
        where = _log_internal_error()
        print(f"internal error: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        print(where, file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
