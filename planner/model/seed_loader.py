"""Reading and checking the seed CSVs against ``tables.TABLES`` before anything is built.

Every problem is collected (not just the first) and worded as
``<file> line N column <col>: expected ..., found ...`` so a data editor can fix them all in
one pass.  Line numbers count the header as line 1, as a spreadsheet or text editor shows them.

The problems are ``ProblemText``: the app rebuilds its database from the seeds on start-up, so
a hand-edited seed file's problems reach the window, which shows them in its own language; the
command line prints the English text.  File names, ids and the file's own values stay as they
are in any language.  The model-shape checks (coverage, sums, lever controls) are
``seed_shape``'s; the parsed table and the words that locate a problem are ``seed_table``'s.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
from collections.abc import Mapping
from pathlib import Path

from planner.errors import InputError
from planner.model.problem_text import ProblemText
from planner.model.seed_shape import check_model_shape
from planner.model.seed_table import SeedTable, Value, at_cell, expected_found
from planner.model.tables import TABLES, Column, Table


class SeedError(InputError):
    """The seed CSVs (or an imported CSV) break the table contract; ``problems`` lists all."""


def file_name(table_name: str) -> str:
    return f"{table_name}.csv"


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
                    where=at_cell(display, 1, name),
                )
            )
    for name in seed.header:
        if name not in declared:
            problems.append(
                ProblemText(
                    "{where}: expected only the columns {columns}, found this extra column",
                    where=at_cell(display, 1, name or ProblemText("(blank)")),
                    columns=", ".join(declared),
                )
            )
    if len(set(seed.header)) != len(seed.header):
        dupes = sorted({h for h in seed.header if seed.header.count(h) > 1})
        problems.append(
            ProblemText(
                "{where}: expected each column once, found it repeated",
                where=at_cell(display, 1, ", ".join(dupes)),
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
        where = at_cell(display, line, col.name)
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


def _parse_cell(col: Column, text: str) -> tuple[Value, str | None]:
    value: Value = text
    if col.type == "integer":
        try:
            value = int(text)
        except ValueError:
            return None, expected_found(ProblemText("a whole number"), repr(text))
    elif col.type == "real":
        try:
            value = float(text)
        except ValueError:
            return None, expected_found(ProblemText("a number"), repr(text))
        if not math.isfinite(value):
            return None, expected_found(ProblemText("a finite number"), repr(text))
    # The expected phrase is built only for a bad cell: a seed file has thousands of cells.
    if col.choices and value not in col.choices:
        return value, expected_found(col.expected()["choices"], repr(text))
    if isinstance(value, int | float):
        # The bound is the table's, written in the window's form there; the value found is
        # the file's own text, shown as it is.
        if col.minimum is not None and value < col.minimum:
            return value, expected_found(col.expected()["minimum"], text)
        if col.maximum is not None and value > col.maximum:
            return value, expected_found(col.expected()["maximum"], text)
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
                        where=at_cell(seed.display, line, "+".join(pk)),
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
                        where=at_cell(seed.display, line, col.name),
                        file=file_name(target),
                        found=repr(value),
                    )
                )
    return problems


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
