"""One seed file parsed and typed (``SeedTable``), and the words that locate and frame its
problems: ``<file> line N column <col>``, ``<file> column <col>`` and
``expected ..., found ...``.

Shared by the seed loader (cells, keys) and the model-shape checks (``seed_shape``), so that
every seed problem reads the same way.  The words are ``ProblemText``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.model.problem_text import ProblemText
from planner.model.tables import Table

Value = str | int | float | None


@dataclass
class SeedTable:
    """One seed file parsed and typed: rows keep the line they came from."""

    table: Table
    display: str  # how messages name the file, e.g. "seeds/trade_flows.csv"
    header: tuple[str, ...] = ()
    lines: list[int] = field(default_factory=list)
    raw: list[dict[str, str]] = field(default_factory=list)
    rows: list[dict[str, Value]] = field(default_factory=list)  # typed, same order as raw
    bad: list[frozenset[str]] = field(default_factory=list)  # columns whose cell failed


def at_cell(display: str, line: int, column: str) -> ProblemText:
    """``<file> line N column <col>``: where a problem is, as every message starts."""
    return ProblemText("{file} line {line} column {column}", file=display, line=line, column=column)


def in_column(display: str, column: str) -> ProblemText:
    """``<file> column <col>``: a problem of a whole column (a missing row), not of one line."""
    return ProblemText("{file} column {column}", file=display, column=column)


def expected_found(expected: ProblemText, found: str) -> ProblemText:
    """``expected <what>, found <the file's own text>``."""
    return ProblemText("expected {expected}, found {found}", expected=expected, found=found)
