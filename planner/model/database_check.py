"""Checking a built model database, and describing its damage.

``check_database`` is ``planner db check``: every problem of a file (integrity, tables, meta,
keys, sources, values, labels), printed in English on the terminal only.  ``value_problems``
and ``describe_damage`` find the values a database holds against its tables' declarations; a
``DamagedDatabaseError`` carries them as ``ProblemText``, which the window shows in its own
language.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from planner.errors import InputError
from planner.model.database_file import (
    LANGUAGES,
    META_KEYS,
    connect_read_only,
    journal_path,
    read_meta,
    rebuild_hint,
    stray_journal_error,
)
from planner.model.domains import RULES, database_problems, found_value
from planner.model.problem_text import ProblemText
from planner.model.tables import REGION_IDS, SOURCE_KINDS, TABLES, TABLES_BY_NAME


class DamagedDatabaseError(InputError):
    """A model database that opens but whose rows cannot be used (wrong types, missing rows)."""

    def __init__(self, path: Path, what: str) -> None:
        self.path, self.what = path, what
        super().__init__(
            ProblemText(
                "{path}: the model database is damaged ({what}); rebuild it with {command}",
                path=str(path),
                what=what,
                command=rebuild_hint(path),
            )
        )


def check_database(path: Path | str) -> list[str]:
    """Every problem found in a built database (an empty list means it is sound)."""
    path = Path(path)
    try:
        conn = connect_read_only(path)
    except (FileNotFoundError, sqlite3.Error):
        return [f"{path}: expected a model database, found no such file (planner db build)"]
    with closing(conn):
        try:
            integrity = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        except sqlite3.DatabaseError as exc:
            if journal_path(path).exists():
                return stray_journal_error(path).problems
            return [f"{path}: expected a SQLite database, found {exc}"]
        if integrity != ["ok"]:
            return [f"{path}: integrity check failed: {line}" for line in integrity]
        return _content_problems(conn, path)


def _content_problems(conn: sqlite3.Connection, path: Path) -> list[str]:
    problems: list[str] = []
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for name in ("meta", *TABLES_BY_NAME):
        if name not in present:
            problems.append(f"{path}: expected a table {name}, found none")
    if problems:
        return problems
    meta = read_meta(conn)
    for key in META_KEYS:
        if not meta.get(key):
            problems.append(f"{path} table meta: expected a value for {key}, found none")
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"{path} table {table} row {rowid}: foreign key into {parent} dangles")
    for table in TABLES:
        if "source_id" not in table.column_names:
            continue
        for rowid, source_id in conn.execute(
            f'SELECT t.rowid, t.source_id FROM "{table.name}" t '
            "LEFT JOIN sources s ON s.id = t.source_id WHERE s.id IS NULL"
        ):
            problems.append(
                f"{path} table {table.name} row {rowid} column source_id: "
                f"expected an id from sources, found {source_id!r}"
            )
    marks = ",".join("?" * len(SOURCE_KINDS))
    for source_id, kind in conn.execute(
        f"SELECT id, kind FROM sources WHERE kind IS NULL OR kind NOT IN ({marks})", SOURCE_KINDS
    ):
        problems.append(
            f"{path} table sources id {source_id} column kind: expected one of "
            f"{', '.join(SOURCE_KINDS)}, found {kind!r}"
        )
    problems += [f"{path} {problem}" for problem in value_problems(conn)]
    if not problems:  # the values the engine cannot use (a type or range problem says enough)
        problems += [f"{path} {problem}" for problem in _domain_problems(conn)]
    label_cols = ", ".join(f"label_{lang}" for lang in LANGUAGES)
    for lever_id, *labels in conn.execute(f"SELECT id, {label_cols} FROM levers"):
        for lang, label in zip(LANGUAGES, labels, strict=True):
            if not (label or "").strip():
                problems.append(
                    f"{path} table levers id {lever_id} column label_{lang}: "
                    "expected a label, found none"
                )
    return problems


# Where a value breaks its column's declaration (typeof: SQLite stores whatever it is given).
_TYPE_CHECKS = {
    "real": ("typeof({c}) NOT IN ('real', 'integer', 'null')", ProblemText("a number")),
    "integer": ("typeof({c}) NOT IN ('integer', 'null')", ProblemText("a whole number")),
    "text": ("typeof({c}) NOT IN ('text', 'null')", ProblemText("text")),
}


def _column_checks(column) -> list[tuple[str, str]]:
    """(SQL condition selecting bad rows, what was expected) for one declared column."""
    c = f'"{column.name}"'
    sql, expected = _TYPE_CHECKS[column.type]
    checks = [(sql.format(c=c), expected)]
    if column.required:
        checks.append((f"{c} IS NULL", ProblemText("a value")))
    rules = column.expected()
    if "choices" in rules:
        marks = ", ".join("'" + v.replace("'", "''") + "'" for v in column.choices)
        checks.append((f"{c} NOT IN ({marks})", rules["choices"]))
    if "minimum" in rules:
        checks.append((f"{c} < {column.minimum!r}", rules["minimum"]))
    if "maximum" in rules:
        checks.append((f"{c} > {column.maximum!r}", rules["maximum"]))
    return checks


def value_problems(conn: sqlite3.Connection, per_check: int = 3) -> list[str]:
    """Values a model database holds against its tables' declarations: wrong types, missing
    values or rows, values out of range.  ``quick_check`` passes all of these, yet the model
    cannot be read from such a file."""
    problems: list[str] = []
    for table in TABLES:
        for column in table.columns:
            for condition, expected in _column_checks(column):
                bad = conn.execute(
                    f'SELECT rowid, "{column.name}" FROM "{table.name}" '
                    f"WHERE {condition} LIMIT {per_check}"
                ).fetchall()
                problems += [
                    ProblemText(
                        "table {table} row {row} column {column}: expected {expected}, "
                        "found {found}",
                        table=table.name,
                        row=rowid,
                        column=column.name,
                        expected=expected,
                        found=found_value(value),
                    )
                    for rowid, value in bad
                ]
    present = {r[0] for r in conn.execute("SELECT id FROM regions")}
    problems += [
        ProblemText("table regions: expected a row {region}, found none", region=r)
        for r in REGION_IDS
        if r not in present
    ]
    base_year = read_meta(conn).get("base_year", "")
    if not base_year.isdigit():
        problems.append(
            ProblemText(
                "table meta key base_year: expected a year, found {found}", found=repr(base_year)
            )
        )
    return problems


def _domain_problems(conn: sqlite3.Connection) -> list[str]:
    records = {}
    for rule in RULES:
        cur = conn.execute(f'SELECT * FROM "{rule.table}" ORDER BY rowid')
        names = [d[0] for d in cur.description]
        records[rule.table] = [dict(zip(names, row, strict=True)) for row in cur]
    return database_problems(records)


def describe_damage(path: Path | str) -> str | None:
    """The first thing wrong with a database's values (and how many more), or None."""
    try:
        with closing(connect_read_only(path)) as conn:
            problems = value_problems(conn)
    except (OSError, sqlite3.Error):
        return None
    return summarise(problems) if problems else None


def summarise(problems: list[str]) -> str:
    """The first problem and how many more: what a damaged-database message shows."""
    more = len(problems) - 1
    if more == 0:
        return problems[0]
    if more == 1:
        return ProblemText("{problem}, and {more} more problem", problem=problems[0], more=more)
    return ProblemText("{problem}, and {more} more problems", problem=problems[0], more=more)
