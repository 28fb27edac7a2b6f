"""Errors the command line and the app turn into clear messages (exit code 2, no traceback)."""

from __future__ import annotations


class InputError(Exception):
    """Bad input from the user: a file, a value, an id.  ``problems`` lists every one found."""

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))
