"""The values the engine can compute with: trade flows, tariffs, elasticities, growth.

A database edited by hand (sqlite3) can hold a negative flow, an infinite tariff or an import
demand elasticity of the wrong sign.  It reads fine, and the engine then fails deep inside a
solve with an internal error.  These rules are checked once on the loaded arrays
(``model_problems``, vectorised: about 0.1 ms) and on the seed rows (``seed_problems``), so
that such a file is reported as damaged, naming the table, the row and the column.

The rules are the engine's assumptions (``engine/trade.py``): flows finite and ≥ 0; tariff
powers 1 + t finite and > 0, where the tables promise t ≥ 0; import demand Em < 0,
substitution Es ≥ 0 and export supply Ex > 0, for the central value and both ends of the
range Monte Carlo draws from; growth finite.  Qt-free.

The problems are ``ProblemText``: the window shows them in its own language, the command
line prints the English text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from planner.model.problem_text import Number, ProblemText
from planner.model.tables import TABLES_BY_NAME

if TYPE_CHECKING:
    from planner.model.data import ModelData
    from planner.model.seed_table import SeedTable


@dataclass(frozen=True)
class Domain:
    """The values a number may take: ``holds`` tests an array element-wise (NaN fails)."""

    expected: str
    holds: Callable[[np.ndarray], np.ndarray]


NON_NEGATIVE = Domain(ProblemText("a finite number ≥ 0"), lambda x: np.isfinite(x) & (x >= 0))
FINITE = Domain(ProblemText("a finite number"), np.isfinite)
ELASTICITY = {
    "import_demand": Domain(
        ProblemText("a number < 0 (import demand falls as its price rises)"),
        lambda x: np.isfinite(x) & (x < 0),
    ),
    "substitution": Domain(
        ProblemText("a number ≥ 0 (a substitution elasticity)"),
        lambda x: np.isfinite(x) & (x >= 0),
    ),
    "export_supply": Domain(
        ProblemText("a number > 0 (export supply rises with its price)"),
        lambda x: np.isfinite(x) & (x > 0),
    ),
}


@dataclass(frozen=True)
class RowRule:
    """A table's columns and the domain of a row's values (which may depend on the row)."""

    table: str
    columns: tuple[str, ...]
    domain: Callable[[Mapping[str, Any]], Domain | None]

    def problems(self, rows: Iterable[tuple[str, Mapping[str, Any]]]) -> list[str]:
        """``(where, row)`` pairs -> "<where> column <c>: expected ..., found ..." lines.

        ``where`` names the row as the caller's reader knows it (a database row by its key
        columns, a seed row by its line); empty cells (None) are the table checks' to report.
        """
        out: list[str] = []
        for where, row in rows:
            domain = self.domain(row)
            if domain is None:
                continue
            for column in self.columns:
                value = row.get(column)
                if _is_number(value) and not domain.holds(np.float64(value)):
                    out.append(
                        ProblemText(
                            "{where} column {column}: expected {expected}, found {found}",
                            where=where,
                            column=column,
                            expected=domain.expected,
                            found=found_value(value),
                        )
                    )
        return out


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def found_value(value: Any) -> str:
    """A database or seed value as a problem shows it: ``repr`` (``'abc'``, ``None``), a
    number as a ``Number`` (the same text, written with the window's separators there)."""
    # format(x, "") is repr(x) for a Python int or float; type() rather than isinstance, as
    # numpy's float64 is a float whose repr differs ("np.float64(-1.0)").
    if type(value) in (int, float):
        return Number(value)
    return repr(value)


RULES = (
    RowRule("trade_flows", ("value_usd_m",), lambda _row: NON_NEGATIVE),
    RowRule("tariffs", ("rate_pct",), lambda _row: NON_NEGATIVE),
    RowRule("tariff_actions", ("rate_pct",), lambda _row: NON_NEGATIVE),
    RowRule("elasticities", ("value", "low", "high"), lambda row: ELASTICITY.get(row.get("kind"))),
    RowRule("growth", ("value", "low", "high"), lambda _row: FINITE),
)


def _arrays(model: ModelData) -> Iterable[tuple[str, np.ndarray, Domain]]:
    """Each loaded array with the table it came from and the domain of its elements."""
    yield "trade_flows", model.flows_usd_m, NON_NEGATIVE
    yield "tariffs", model.tariff_mfn, NON_NEGATIVE
    yield "tariffs", model.tariff_pref, NON_NEGATIVE
    yield "tariff_actions", model.tariff_actions["rate"].to_numpy(float), NON_NEGATIVE
    for kind, domain in ELASTICITY.items():
        yield from (("elasticities", array, domain) for array in getattr(model, kind))
    yield from (("growth", array, FINITE) for array in model.growth)


def row_name(table: str, row: Mapping[str, Any]) -> str:
    """``table trade_flows row (exporter MEX, importer USA, sector autos)``: a database row
    by its key columns, which an UPDATE ... WHERE can name."""
    keys = ", ".join(f"{k} {row.get(k)}" for k in TABLES_BY_NAME[table].primary_key)
    return ProblemText("table {table} row ({keys})", table=table, keys=keys)


def model_problems(model: ModelData, records: Mapping[str, list[dict]]) -> list[str]:
    """Every value of ``model`` outside its domain, named by table, row and column.

    ``records``: the rows each array was built from, by table (read only when an array
    fails, to name the rows).  An empty list means the engine can use the model.
    """
    failed = {table for table, array, domain in _arrays(model) if not domain.holds(array).all()}
    return database_problems({t: rows for t, rows in records.items() if t in failed})


def database_problems(records: Mapping[str, list[dict]]) -> list[str]:
    """Every value of a database's rows (``records``: rows by table) outside its domain."""
    out: list[str] = []
    for rule in RULES:
        rows = records.get(rule.table, ())
        out += rule.problems((row_name(rule.table, row), row) for row in rows)
    return out


def seed_problems(seeds: Mapping[str, SeedTable]) -> list[str]:
    """The same rules on seed rows, each named ``<file> line N``.  A cell the seed loader
    already refused (a declared minimum, text for a number) is not reported again."""
    out: list[str] = []
    for rule in RULES:
        seed = seeds.get(rule.table)
        if seed is None:
            continue
        for line, row, bad in zip(seed.lines, seed.rows, seed.bad, strict=True):
            kept = {k: v for k, v in row.items() if k not in bad}
            where = ProblemText("{file} line {line}", file=seed.display, line=line)
            out += rule.problems([(where, kept)])
    return out
