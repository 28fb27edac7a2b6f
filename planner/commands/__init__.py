"""Headless subcommands.  Each module has ``register(subparsers)`` and handlers that return
an exit code and raise ``planner.errors.InputError`` for bad input."""
