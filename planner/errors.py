"""Errors the command line and the app turn into clear messages (exit code 2, no traceback)."""

from __future__ import annotations

# A broken file can yield thousands of problems (5,000 unknown levers): past this many lines
# the rest only scroll the first ones, which name the mistake, out of sight.
MAX_PROBLEMS = 20


class InputError(Exception):
    """Bad input from the user: a file, a value, an id.  ``problems`` lists every one found.

    ``limit`` is how many problems to show (None: all, for callers that already capped them).
    """

    def __init__(self, problems: list[str] | str, limit: int | None = MAX_PROBLEMS) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        self.limit = limit
        super().__init__("\n".join(self.problems))

    def shown(self) -> list[str]:
        """The problems to print: the first ``limit`` and a line counting the rest."""
        return capped(self.problems, self.limit)


def capped(problems: list[str], limit: int | None = MAX_PROBLEMS) -> list[str]:
    """The first ``limit`` problems and "… and N more problems" (None: all of them)."""
    if limit is None or len(problems) <= limit:
        return list(problems)
    rest = len(problems) - limit
    return [*problems[:limit], f"… and {rest:,} more problem{'s' if rest > 1 else ''}"]
