"""Reading and checking the seed CSVs against ``tables.TABLES`` before anything is built.

Every problem is collected (not just the first) and worded as
``<file> line N column <col>: expected ..., found ...`` so a data editor can fix them all in
one pass.  Line numbers count the header as line 1, as a spreadsheet or text editor shows them.

The problems are ``ProblemText``: the app rebuilds its database from the seeds on start-up, so
a hand-edited seed file's problems reach the window, which shows them in its own language; the
command line prints the English text.  File names, ids and the file's own values stay as they
are in any language.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from planner.errors import InputError
from planner.model.problem_text import Number, ProblemText, problem_template
from planner.model.tables import (
    ALIGNMENT_VALUES,
    REGION_IDS,
    TABLES,
    TABLES_BY_NAME,
    Column,
    Table,
)

Value = str | int | float | None

SHARE_SUM_TOLERANCE = 0.005


class SeedError(InputError):
    """The seed CSVs (or an imported CSV) break the table contract; ``problems`` lists all."""


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


def file_name(table_name: str) -> str:
    return f"{table_name}.csv"


def _at(display: str, line: int, column: str) -> ProblemText:
    """``<file> line N column <col>``: where a problem is, as every message starts."""
    return ProblemText("{file} line {line} column {column}", file=display, line=line, column=column)


def _in_column(display: str, column: str) -> ProblemText:
    """``<file> column <col>``: a problem of a whole column (a missing row), not of one line."""
    return ProblemText("{file} column {column}", file=display, column=column)


def read_seed_files(seeds_dir: Path) -> tuple[dict[str, bytes], list[str]]:
    """The bytes of every declared table's CSV in ``seeds_dir``, and a problem per missing one."""
    files: dict[str, bytes] = {}
    problems: list[str] = []
    if not seeds_dir.is_dir():
        problem = ProblemText(
            "{folder}: expected a folder of seed CSV files, found no such folder",
            folder=str(seeds_dir),
        )
        return files, [problem]
    for table in TABLES:
        path = seeds_dir / file_name(table.name)
        try:
            files[path.name] = path.read_bytes()
        except FileNotFoundError:
            problems.append(
                ProblemText(
                    "{file}: expected the seed file of table {table}, found no such file",
                    file=display_name(seeds_dir, path.name),
                    table=table.name,
                )
            )
    return files, problems


def fingerprint_of(files: Mapping[str, bytes]) -> str:
    """sha256 over the files' names and bytes, in name order (length-prefixed, unambiguous)."""
    digest = hashlib.sha256()
    for name in sorted(files):
        data = files[name]
        encoded = name.encode("utf-8")
        digest.update(len(encoded).to_bytes(8, "big") + encoded)
        digest.update(len(data).to_bytes(8, "big") + data)
    return "sha256:" + digest.hexdigest()


_fingerprint_memo: dict[tuple, str] = {}


def seeds_fingerprint(seeds_dir: Path) -> str:
    """Fingerprint of the declared seed CSVs in ``seeds_dir`` ("sha256:<hex>").

    Memoised on the files' (name, size, mtime) so a start-up check costs a few ``stat`` calls.
    """
    seeds_dir = Path(seeds_dir)
    stamp: list[tuple[str, int, int]] = []
    for table in TABLES:
        path = seeds_dir / file_name(table.name)
        try:
            st = path.stat()
        except FileNotFoundError:
            continue
        stamp.append((path.name, st.st_size, st.st_mtime_ns))
    key = (str(seeds_dir.resolve()), tuple(stamp))
    if key not in _fingerprint_memo:
        files, _ = read_seed_files(seeds_dir)
        _fingerprint_memo.clear()
        _fingerprint_memo[key] = fingerprint_of(files)
    return _fingerprint_memo[key]


def display_name(seeds_dir: Path, name: str) -> str:
    """``seeds/<file>`` for the shipped seeds folder, the full path for any other folder."""
    from planner.paths import seeds_dir as shipped

    try:
        if Path(seeds_dir).resolve() == shipped().resolve():
            return f"seeds/{name}"
    except OSError:
        pass
    return str(Path(seeds_dir) / name)


def parse_table(
    table: Table, data: bytes, display: str, fixed: Mapping[str, str] | None = None
) -> tuple[SeedTable, list[str]]:
    """Parse one CSV: exact header, then every cell typed and checked on its own.

    ``fixed`` sets a column to one value in every row, adding it to the header if absent
    (``db import --source`` stamps ``source_id`` this way).
    """
    fixed = dict(fixed or {})
    seed = SeedTable(table, display)
    problems: list[str] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # exc.reason ("invalid start byte") is Python's own wording, shown as it is.
        problem = ProblemText(
            "{file}: expected UTF-8 text, found a byte that is not ({reason})",
            file=display,
            reason=exc.reason,
        )
        return seed, [problem]
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        problem = ProblemText(
            "{file} line {line}: expected a header row, found an empty file", file=display, line=1
        )
        return seed, [problem]
    except csv.Error as exc:  # the csv module's own wording, shown as it is
        problem = ProblemText(
            "{file} line {line}: expected a CSV header row, found {reason}",
            file=display,
            line=1,
            reason=str(exc),
        )
        return seed, [problem]
    seed.header = tuple(h.strip() for h in header)
    width = len(seed.header)
    seed.header += tuple(name for name in fixed if name not in seed.header)
    declared = table.column_names
    for name in declared:
        if name not in seed.header:
            problems.append(
                ProblemText(
                    "{where}: expected this column in the header, found it missing",
                    where=_at(display, 1, name),
                )
            )
    for name in seed.header:
        if name not in declared:
            problems.append(
                ProblemText(
                    "{where}: expected only the columns {columns}, found this extra column",
                    where=_at(display, 1, name or ProblemText("(blank)")),
                    columns=", ".join(declared),
                )
            )
    if len(set(seed.header)) != len(seed.header):
        dupes = sorted({h for h in seed.header if seed.header.count(h) > 1})
        problems.append(
            ProblemText(
                "{where}: expected each column once, found it repeated",
                where=_at(display, 1, ", ".join(dupes)),
            )
        )
    if problems:
        # A table with a broken header is left out, so its rows raise no knock-on problems.
        seed.header = ()
        return seed, problems

    line = 1
    while True:
        start = line + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(
                ProblemText(
                    "{file} line {line}: expected a CSV row, found {reason}",
                    file=display,
                    line=start,
                    reason=str(exc),
                )
            )
            break
        line = reader.line_num
        if not cells or all(not c.strip() for c in cells):
            continue  # blank lines are layout, not data
        if len(cells) != width:
            problems.append(
                ProblemText(
                    "{file} line {line}: expected {width} cells, found {count}",
                    file=display,
                    line=start,
                    width=width,
                    count=len(cells),
                )
            )
            continue
        raw = {h: c.strip() for h, c in zip(seed.header, cells, strict=False)} | fixed
        typed, cell_problems = _type_row(table, raw, display, start)
        problems.extend(cell_problems.values())
        seed.lines.append(start)
        seed.raw.append(raw)
        seed.rows.append(typed)
        seed.bad.append(frozenset(cell_problems))
    return seed, problems


def _type_row(
    table: Table, raw: dict[str, str], display: str, line: int
) -> tuple[dict[str, Value], dict[str, str]]:
    """The row's typed values, and a problem per failing column."""
    typed: dict[str, Value] = {}
    problems: dict[str, str] = {}
    for col in table.columns:
        text = raw[col.name]
        where = _at(display, line, col.name)
        if text == "":
            required = col.required
            if required:
                problems[col.name] = ProblemText(
                    "{where}: expected a value, found an empty cell", where=where
                )
            # NULL in a key column would defeat the uniqueness check, so keys keep "".
            typed[col.name] = "" if col.name in table.primary_key else None
            continue
        value, problem = _parse_cell(col, text)
        if problem:
            problems[col.name] = ProblemText("{where}: {problem}", where=where, problem=problem)
        typed[col.name] = value
    return typed, problems


def _expected(expected: ProblemText, found: str) -> ProblemText:
    """``expected <what>, found <the file's own text>``."""
    return ProblemText("expected {expected}, found {found}", expected=expected, found=found)


def _parse_cell(col: Column, text: str) -> tuple[Value, str | None]:
    value: Value = text
    if col.type == "integer":
        try:
            value = int(text)
        except ValueError:
            return None, _expected(ProblemText("a whole number"), repr(text))
    elif col.type == "real":
        try:
            value = float(text)
        except ValueError:
            return None, _expected(ProblemText("a number"), repr(text))
        if not math.isfinite(value):
            return None, _expected(ProblemText("a finite number"), repr(text))
    if col.choices and value not in col.choices:
        one_of = ProblemText("one of {choices}", choices=", ".join(col.choices))
        return value, _expected(one_of, repr(text))
    if isinstance(value, int | float):
        # The bound is the table's, written in the window's form there; the value found is
        # the file's own text, shown as it is.
        if col.minimum is not None and value < col.minimum:
            at_least = ProblemText("at least {minimum}", minimum=Number(col.minimum, "g"))
            return value, _expected(at_least, text)
        if col.maximum is not None and value > col.maximum:
            at_most = ProblemText("at most {maximum}", maximum=Number(col.maximum, "g"))
            return value, _expected(at_most, text)
    return value, None


def check_keys(seeds: Mapping[str, SeedTable]) -> list[str]:
    """Duplicate primary keys and dangling foreign keys across all parsed tables."""
    problems: list[str] = []
    keys: dict[str, set[Value]] = {}
    for name, seed in seeds.items():
        pk = seed.table.primary_key
        seen: dict[tuple, int] = {}
        for line, row in zip(seed.lines, seed.rows, strict=True):
            key = tuple(row[c] for c in pk)
            if key in seen:
                problems.append(
                    ProblemText(
                        "{where}: expected a unique ({columns}), found {key} again "
                        "(first on line {first})",
                        where=_at(seed.display, line, "+".join(pk)),
                        columns=", ".join(pk),
                        key=", ".join(map(str, key)),
                        first=seen[key],
                    )
                )
            else:
                seen[key] = line
        if len(pk) == 1:
            keys[f"{name}.{pk[0]}"] = {k[0] for k in seen}
    for seed in seeds.values():
        for col in seed.table.columns:
            if not col.references:
                continue
            target = col.references.split(".")[0]
            if target not in seeds:
                continue  # its own file is missing: already reported
            known = keys.get(col.references, set())
            for line, row, bad in zip(seed.lines, seed.rows, seed.bad, strict=True):
                value = row[col.name]
                if value is None or value == "" or col.name in bad or value in known:
                    continue
                problems.append(
                    ProblemText(
                        "{where}: expected an id from {file}, found {found}",
                        where=_at(seed.display, line, col.name),
                        file=file_name(target),
                        found=repr(value),
                    )
                )
    return problems


def check_model_shape(seeds: Mapping[str, SeedTable]) -> list[str]:
    """Rules the engine relies on that no single cell shows: coverage, sums, lever controls."""
    problems: list[str] = []

    def rows(name: str) -> list[tuple[int, dict[str, Value]]]:
        seed = seeds.get(name)
        if seed is None:
            return []
        return [
            (ln, r) for ln, r, bad in zip(seed.lines, seed.rows, seed.bad, strict=True) if not bad
        ]

    def where(name: str, column: str) -> ProblemText:
        return _in_column(seeds[name].display, column)

    no_region_row = problem_template("{where}: expected a row for region {region}, found none")

    sectors = [r["id"] for _, r in rows("sectors")]
    if "regions" in seeds:
        present = {r["id"] for _, r in rows("regions")}
        for rid in REGION_IDS:
            if rid not in present:
                problems.append(
                    ProblemText(no_region_row, where=where("regions", "id"), region=rid)
                )
    if "elasticities" in seeds:
        have = {(r["sector"], r["kind"]) for _, r in rows("elasticities")}
        kinds = TABLES_BY_NAME["elasticities"].column("kind").choices
        for s in sectors:
            for k in kinds:
                if (s, k) not in have:
                    problems.append(
                        ProblemText(
                            "{where}: expected a {kind} row for sector {sector}, found none",
                            where=where("elasticities", "kind"),
                            kind=k,
                            sector=s,
                        )
                    )
    if "growth" in seeds:
        have_regions = {r["region"] for _, r in rows("growth")}
        for rid in REGION_IDS:
            if rid not in have_regions:
                problems.append(
                    ProblemText(no_region_row, where=where("growth", "region"), region=rid)
                )
    if "mx_production" in seeds:
        totals: dict[Value, float] = defaultdict(float)
        for _, r in rows("mx_production"):
            totals[r["sector"]] += float(r["share"] or 0.0)
        for s in sectors:
            if abs(totals.get(s, 0.0) - 1.0) > SHARE_SUM_TOLERANCE:
                problems.append(
                    ProblemText(
                        "{where}: expected the shares of sector {sector} to sum to 1, "
                        "found {total}",
                        where=where("mx_production", "share"),
                        sector=s,
                        total=Number(totals.get(s, 0.0), ".4f"),
                    )
                )
    problems.extend(_check_lever_params(seeds, rows))
    return problems


def _check_lever_params(seeds: Mapping[str, SeedTable], rows) -> list[str]:
    if "lever_params" not in seeds or "levers" not in seeds:
        return []
    problems: list[str] = []
    display = seeds["lever_params"].display
    groups = {r["id"]: r["group"] for _, r in rows("levers")}
    has_value_param: set[Value] = set()
    for line, r in rows("lever_params"):
        kind, default = r["kind"], r["default"]
        choices = [c.strip() for c in str(r["choices"] or "").split(";") if c.strip()]
        if kind == "choice" and not choices:
            problems.append(
                ProblemText(
                    "{where}: expected values separated by ';', found none",
                    where=_at(display, line, "choices"),
                )
            )
        if default not in (None, ""):
            problem = _default_problem(kind, str(default), choices, r["minimum"], r["maximum"])
            if problem:
                where = _at(display, line, "default")
                problems.append(ProblemText("{where}: {problem}", where=where, problem=problem))
        if groups.get(r["lever_id"]) == "alignment" and r["param"] == "value":
            has_value_param.add(r["lever_id"])
            bad = [c for c in choices if c not in ALIGNMENT_VALUES]
            if kind != "choice" or bad or "none" not in choices:
                problems.append(
                    ProblemText(
                        "{where}: expected an alignment choice among {choices} including none, "
                        "found {found}",
                        where=_at(display, line, "choices"),
                        choices=";".join(ALIGNMENT_VALUES),
                        found=repr(r["choices"]),
                    )
                )
    for lever_id, group in groups.items():
        if group == "alignment" and lever_id not in has_value_param:
            problems.append(
                ProblemText(
                    "{where}: expected a 'value' row for alignment {lever}, found none",
                    where=_in_column(display, "param"),
                    lever=lever_id,
                )
            )
    return problems


def _default_problem(
    kind: Value, default: str, choices: list[str], low: Value, high: Value
) -> str | None:
    if kind == "choice":
        ok = default in choices
        return None if ok else _expected(ProblemText("one of the choices"), repr(default))
    if kind == "switch":
        ok = default.lower() in ("true", "false", "1", "0")
        return None if ok else _expected(ProblemText("true or false"), repr(default))
    try:
        number = int(default) if kind == "integer" else float(default)
    except ValueError:
        whole = kind == "integer"
        expected = ProblemText("a whole number") if whole else ProblemText("a number")
        return _expected(expected, repr(default))
    if low is not None and number < float(low):
        minimum = ProblemText("at least the minimum {minimum}", minimum=Number(low, "g"))
        return _expected(minimum, default)
    if high is not None and number > float(high):
        maximum = ProblemText("at most the maximum {maximum}", maximum=Number(high, "g"))
        return _expected(maximum, default)
    return None


def load_seeds(
    files: Mapping[str, bytes],
    displays: Mapping[str, str],
    parsed: Mapping[str, SeedTable] | None = None,
) -> tuple[dict[str, SeedTable], list[str]]:
    """Parse and check every table's file: the parsed tables and every problem found.

    ``parsed`` supplies tables already parsed elsewhere (an imported file keeps its own line
    numbers that way).
    """
    seeds: dict[str, SeedTable] = {}
    problems: list[str] = []
    for table in TABLES:
        name = file_name(table.name)
        if parsed and table.name in parsed:
            seeds[table.name] = parsed[table.name]
            continue
        if name not in files:
            continue
        seed, found = parse_table(table, files[name], displays[name])
        problems.extend(found)
        if seed.header:
            seeds[table.name] = seed
    problems.extend(check_keys(seeds))
    problems.extend(check_model_shape(seeds))
    return seeds, problems


def render_csv(table: Table, raw_rows: list[dict[str, str]]) -> bytes:
    """A table's rows as CSV in declared column order (how ``db import`` writes seeds)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.column_names)
    for raw in raw_rows:
        writer.writerow([raw.get(c, "") for c in table.column_names])
    return out.getvalue().encode("utf-8")
