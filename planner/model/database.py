"""The model database: built from ``seeds/`` (sqlite-utils), checked, rebuilt, imported into.

The database is read-only at run time and the seed CSVs are the truth: every write builds a
complete new file beside the old one and swaps it in with ``os.replace``, so a failed build
or import leaves the previous database (and the seeds) exactly as they were.

Its problems (damage, a folder in the way, a stray journal) are ``ProblemText``: the window
shows them in its own language, the command line prints the English text.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path

from planner import MODEL_VERSION, paths
from planner.errors import InputError
from planner.model.catalog import (
    REFERENCE_ONLY_KEYS,
    Catalog,
    LeverSpec,
    ParamSpec,
    override_key,
)
from planner.model.domains import RULES, database_problems, found_value, seed_problems
from planner.model.problem_text import Number, ProblemText
from planner.model.seed_loader import (
    SeedError,
    SeedTable,
    display_name,
    file_name,
    fingerprint_of,
    load_seeds,
    parse_table,
    read_seed_files,
    render_csv,
    seeds_fingerprint,
)
from planner.model.tables import REGION_IDS, SOURCE_KINDS, TABLES, TABLES_BY_NAME, Table

BASE_YEAR = 2024
FINAL_YEAR = 2036
META_KEYS = ("model_version", "seeds_fingerprint", "built_at", "base_year")
LANGUAGES = ("en", "es", "fr")
_SQL_TYPES = {"text": str, "integer": int, "real": float}

Notify = Callable[[str], object]


def default_database_path() -> Path:
    """Where the app keeps its model database: the user data folder, one file per version."""
    try:
        folder = paths.user_data_dir()
    except OSError as exc:  # PLANNER_DATA_DIR is a file, or cannot be created
        raise data_folder_error(Path(exc.filename or paths.APP_NAME), exc) from None
    return folder / f"model-{MODEL_VERSION}.sqlite"


def data_folder_error(folder: Path, exc: OSError) -> InputError:
    not_a_folder = folder.exists() and not folder.is_dir()
    reason = ProblemText("it is not a folder") if not_a_folder else exc.strerror or str(exc)
    return InputError(
        ProblemText(
            "{folder}: cannot use as the data folder ({reason}); "
            "set PLANNER_DATA_DIR to a writable folder",
            folder=str(folder),
            reason=reason,
        )
    )


def _is_default(path: Path) -> bool:
    """Whether ``path`` is the app's own cache (which it may rebuild or clean up freely)."""
    try:
        return path.resolve() == default_database_path().resolve()
    except (OSError, InputError):
        return False


def rebuild_hint(path: Path) -> str:
    """The command that rebuilds ``path``: the default cache needs no --out."""
    return "`planner db build`" if _is_default(path) else f"`planner db build --out {path}`"


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


# --- building -------------------------------------------------------------------------------


def _creation_order() -> list[Table]:
    """Tables ordered so each one's foreign-key targets exist before it is created."""
    ordered: list[Table] = []
    placed: set[str] = set()
    pending = list(TABLES)
    while pending:
        for table in pending:
            targets = {c.references.split(".")[0] for c in table.columns if c.references}
            if targets - {table.name} <= placed:
                ordered.append(table)
                placed.add(table.name)
                pending.remove(table)
                break
        else:
            raise RuntimeError("tables.py declares a foreign-key cycle")
    return ordered


def _write_temp_database(seeds: dict[str, SeedTable], fingerprint: str, folder: Path) -> Path:
    """Write a complete database into a temporary file in ``folder`` and return its path."""
    import sqlite_utils  # slow to import; only building needs it

    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".model-", suffix=".sqlite.tmp", dir=folder)
    os.close(fd)
    tmp = Path(name)
    try:
        db = sqlite_utils.Database(tmp)
        try:
            db.execute("PRAGMA foreign_keys = ON")  # must be set outside the transaction
            with db.atomic():
                for table in _creation_order():
                    required = {c.name for c in table.columns if c.required}
                    required |= set(table.primary_key)
                    db.table(table.name).create(
                        {c.name: _SQL_TYPES[c.type] for c in table.columns},
                        pk=table.primary_key[0]
                        if len(table.primary_key) == 1
                        else table.primary_key,
                        foreign_keys=[
                            (c.name, *c.references.split("."))
                            for c in table.columns
                            if c.references
                        ],
                        not_null=required,
                    )
                    db.table(table.name).insert_all(seeds[table.name].rows)
                meta = {
                    "model_version": MODEL_VERSION,
                    "seeds_fingerprint": fingerprint,
                    "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    "base_year": str(BASE_YEAR),
                }
                db.table("meta").create({"key": str, "value": str}, pk="key")
                db.table("meta").insert_all([{"key": k, "value": v} for k, v in meta.items()])
            dangling = db.execute("PRAGMA foreign_key_check").fetchall()
            if dangling:  # the seed checks should have caught these; never ship such a file
                raise SeedError([f"foreign key check failed: {row}" for row in dangling])
        finally:
            db.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _load_checked(seeds_dir: Path) -> tuple[dict[str, SeedTable], str]:
    files, problems = read_seed_files(seeds_dir)
    displays = {name: display_name(seeds_dir, name) for name in files}
    seeds, found = load_seeds(files, displays)
    problems.extend(found)
    problems.extend(seed_problems(seeds))
    if problems:
        raise SeedError(problems)
    return seeds, fingerprint_of(files)


def build_database(seeds_dir: Path | str | None = None, out_path: Path | str | None = None) -> Path:
    """Build the model database from the seed CSVs; raise SeedError listing every problem.

    Defaults: the shipped seeds folder and ``default_database_path()``.  The old file is
    replaced only once the new one is complete.
    """
    seeds_dir = Path(seeds_dir) if seeds_dir else paths.seeds_dir()
    out_path = Path(out_path) if out_path else default_database_path()
    if out_path.is_dir():
        raise _folder_in_the_way(out_path)
    seeds, fingerprint = _load_checked(seeds_dir)
    tmp: Path | None = None
    try:
        tmp = _write_temp_database(seeds, fingerprint, out_path.parent)
        os.replace(tmp, out_path)
        tmp = None
    except OSError as exc:
        raise _unwritable(out_path, exc) from None
    finally:
        if tmp is not None:  # a failed swap must not leave a ~0.5 MB temp file per attempt
            tmp.unlink(missing_ok=True)
    if _is_default(out_path):
        _remove_stray_journal(out_path)
    return out_path


def _folder_in_the_way(path: Path) -> InputError:
    return InputError(
        ProblemText(
            "{path}: expected the model database file, found a folder (move or remove it)",
            path=str(path),
        )
    )


def _unwritable(out_path: Path, exc: OSError) -> InputError:
    if _is_default(out_path):
        return data_folder_error(out_path.parent, exc)
    return InputError(
        ProblemText(
            "{path}: cannot write the model database ({reason})",
            path=str(out_path),
            reason=exc.strerror or str(exc),
        )
    )


# --- stray rollback journals ----------------------------------------------------------------
# SQLite treats "<db>-journal" as an interrupted write to roll back, which a read-only
# connection cannot do ("attempt to write a readonly database").  The app never writes its
# database in place (it builds a new file and swaps it in), so a journal beside it is always
# left over from something else -- and after a swap it would even "roll back" foreign pages
# onto the new file.


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def _remove_stray_journal(path: Path, notify: Notify | None = None) -> None:
    journal = journal_path(path)
    if not journal.exists():
        return
    try:
        journal.unlink()
    except OSError as exc:
        raise stray_journal_error(path, exc.strerror) from None
    if notify:
        notify(f"Removed a leftover rollback journal {journal} (the app never writes one).")


def stray_journal_error(path: Path, why: str | None = None) -> InputError:
    """The journal beside ``path`` stops it from opening; tell the user which file to remove."""
    if why:
        return InputError(
            ProblemText(
                "{journal}: a leftover rollback journal stops the model database {path} from "
                "opening; it could not be removed: {reason}; remove it (once no other program "
                "has the database open)",
                journal=str(journal_path(path)),
                path=str(path),
                reason=why,
            )
        )
    return InputError(
        ProblemText(
            "{journal}: a leftover rollback journal stops the model database {path} from "
            "opening; remove it (once no other program has the database open)",
            journal=str(journal_path(path)),
            path=str(path),
        )
    )


# --- checking -------------------------------------------------------------------------------


def connect_read_only(path: Path | str) -> sqlite3.Connection:
    """A read-only connection; a missing file is an error rather than a new empty database."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(path)
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


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
    meta = _read_meta(conn)
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
    if column.choices:
        marks = ", ".join("'" + v.replace("'", "''") + "'" for v in column.choices)
        choices = ProblemText("one of {choices}", choices=", ".join(column.choices))
        checks.append((f"{c} NOT IN ({marks})", choices))
    if column.minimum is not None:
        at_least = ProblemText("at least {minimum}", minimum=Number(column.minimum, "g"))
        checks.append((f"{c} < {column.minimum!r}", at_least))
    if column.maximum is not None:
        at_most = ProblemText("at most {maximum}", maximum=Number(column.maximum, "g"))
        checks.append((f"{c} > {column.maximum!r}", at_most))
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
    base_year = _read_meta(conn).get("base_year", "")
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


@dataclass(frozen=True)
class Status:
    """Why a database needs (re)building: kind is missing, corrupt or stale."""

    kind: str
    reason: str


def database_status(path: Path | str, seeds_dir: Path | str | None = None) -> Status | None:
    """None when the database is usable and built from these seeds; otherwise why not.

    A cheap start-up check (``quick_check`` and the meta table), not the full ``check_database``.
    """
    path = Path(path)
    seeds_dir = Path(seeds_dir) if seeds_dir else paths.seeds_dir()
    if path.is_dir():
        raise _folder_in_the_way(path)  # "missing" would try to build over the folder
    if not path.is_file():
        return Status("missing", f"there is no model database at {path}")
    try:
        with closing(connect_read_only(path)) as conn:
            quick = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
            if quick != ["ok"]:
                return Status("corrupt", f"its integrity check failed ({quick[0]})")
            meta = _read_meta(conn)
    except sqlite3.DatabaseError as exc:
        return Status("corrupt", f"it is not a readable model database ({exc})")
    if any(not meta.get(k) for k in META_KEYS):
        return Status("corrupt", "its meta table is incomplete")
    if meta["model_version"] != MODEL_VERSION:
        return Status("stale", f"it was built for model version {meta['model_version']}")
    # A bundle without its seeds folder keeps the database it has.
    if seeds_dir.is_dir() and meta["seeds_fingerprint"] != seeds_fingerprint(seeds_dir):
        return Status("stale", "the seeds changed since it was built")
    return None


def _stderr(message: str) -> None:
    import sys

    print(message, file=sys.stderr)


def ensure_default_database(
    seeds_dir: Path | str | None = None, notify: Notify | None = None
) -> Path:
    """The default database, built first if missing and rebuilt if corrupt or stale.

    ``notify`` receives one sentence whenever a (re)build happens (default: stderr, so a
    command's stdout stays clean).
    """
    notify = notify or _stderr
    seeds_dir = Path(seeds_dir) if seeds_dir else paths.seeds_dir()
    path = default_database_path()
    _remove_stray_journal(path, notify)
    status = database_status(path, seeds_dir)
    if status is None:
        return path
    if status.kind == "missing":
        notify(f"Building the model database {path} from {seeds_dir} (first use).")
    else:
        notify(f"Rebuilding the model database {path}: {status.reason}.")
    return build_database(seeds_dir, path)


# --- importing ------------------------------------------------------------------------------


def import_table(
    table: str,
    csv_path: Path | str,
    source_id: str,
    seeds_dir: Path | str | None = None,
    out_path: Path | str | None = None,
) -> int:
    """Replace ``table``'s rows with a CSV's, stamped with ``source_id``; return the row count.

    The file may omit ``source_id``.  The new rows are checked against the table's declaration
    and, with the other seeds, rebuilt into a database; only when that succeeds are
    ``seeds/<table>.csv`` and the database replaced.  A bad file changes nothing.
    """
    seeds_dir = Path(seeds_dir) if seeds_dir else paths.seeds_dir()
    out_path = Path(out_path) if out_path else default_database_path()
    csv_path = Path(csv_path)
    spec = TABLES_BY_NAME.get(table)
    if spec is None:
        raise InputError(f"unknown table {table!r}; tables: {', '.join(TABLES_BY_NAME)}")
    if "source_id" not in spec.column_names:
        raise InputError(
            f"table {table} holds no sourced numbers (no source_id column); edit "
            f"{display_name(seeds_dir, file_name(table))} directly"
        )
    try:
        data = csv_path.read_bytes()
    except OSError as exc:
        raise InputError(f"{csv_path}: cannot read the file ({exc.strerror})") from exc
    files, problems = read_seed_files(seeds_dir)
    if problems:
        raise SeedError(problems)
    displays = {name: display_name(seeds_dir, name) for name in files}
    sources, _ = parse_table(
        TABLES_BY_NAME["sources"], files["sources.csv"], displays["sources.csv"]
    )
    if source_id not in {row["id"] for row in sources.rows}:
        raise InputError(
            f"--source {source_id}: expected an id from {displays['sources.csv']}, "
            "found no such source (add it there first)"
        )
    new, problems = parse_table(spec, data, str(csv_path), fixed={"source_id": source_id})
    if problems:
        raise SeedError(problems)
    staged = dict(files)
    staged[file_name(table)] = render_csv(spec, new.raw)
    seeds, problems = load_seeds(staged, displays, parsed={table: new})
    problems += seed_problems(seeds)
    if problems:
        raise SeedError(problems)
    if out_path.is_dir():
        raise _folder_in_the_way(out_path)
    try:
        tmp_db = _write_temp_database(seeds, fingerprint_of(staged), out_path.parent)
    except OSError as exc:
        raise _unwritable(out_path, exc) from None
    seed_path, seed_display = seeds_dir / file_name(table), displays[file_name(table)]
    try:
        _replace_bytes(seed_path, staged[file_name(table)])
    except BaseException as exc:
        tmp_db.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise InputError(
                f"{seed_display}: cannot write the seed file ({exc.strerror or exc}); "
                "nothing was changed"
            ) from None
        raise
    try:
        os.replace(tmp_db, out_path)
    except OSError as exc:
        raise _import_undone(out_path, exc, tmp_db, seed_path, seed_display, files) from None
    return len(new.rows)


def _import_undone(
    out_path: Path,
    exc: OSError,
    tmp_db: Path,
    seed_path: Path,
    seed_display: str,
    files: dict[str, bytes],
) -> InputError:
    """The database could not be swapped in: put the seed file back and remove the new
    database, so that a failed import changes nothing and leaves no 0.5 MB temp file."""
    tmp_db.unlink(missing_ok=True)
    try:
        _replace_bytes(seed_path, files[seed_path.name])
        seeds_note = f"{seed_display} is unchanged"
    except OSError as undo:
        seeds_note = (
            f"{seed_display} already holds the new rows (putting back the old ones failed: "
            f"{undo.strerror or undo})"
        )
    (problem,) = _unwritable(out_path, exc).problems
    return InputError(
        f"{problem}; the import was undone: the temporary database {tmp_db.name} was removed "
        f"and {seeds_note}"
    )


def _replace_bytes(path: Path, data: bytes) -> None:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(name, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(name)
        raise


# --- catalog --------------------------------------------------------------------------------


def _parse_default(kind: str, text: str | None) -> float | str | bool | None:
    if text is None or text == "":
        return None
    if kind == "integer":
        return int(text)
    if kind == "number":
        return float(text)
    if kind == "switch":
        return text.strip().lower() in ("true", "1")
    return text


def _labels(row: dict, prefix: str = "label") -> dict[str, str]:
    return {lang: row[f"{prefix}_{lang}"] for lang in LANGUAGES}


def catalog_from_db(path_or_conn: Path | str | sqlite3.Connection) -> Catalog:
    """What a scenario may name, read from a model database (path or open connection).

    Raises DamagedDatabaseError when the tables it reads are missing or malformed.
    """
    if isinstance(path_or_conn, sqlite3.Connection):
        return _catalog_or_damage(path_or_conn)
    with closing(connect_read_only(path_or_conn)) as conn:
        return _catalog_or_damage(conn)


def _catalog_or_damage(conn: sqlite3.Connection) -> Catalog:
    # `planner validate` reads only the catalog: a dropped table or a malformed row must be
    # reported as damage there too, not as an internal error.
    try:
        return _catalog(conn)
    except (sqlite3.DatabaseError, TypeError, ValueError, KeyError, AttributeError) as exc:
        path = Path(conn.execute("PRAGMA database_list").fetchone()[2])
        raise DamagedDatabaseError(path, describe_damage(path) or str(exc)) from None


def _catalog(conn: sqlite3.Connection) -> Catalog:
    def rows(sql: str) -> list[dict]:
        cur = conn.execute(sql)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    params: dict[str, dict[str, ParamSpec]] = {}
    for r in rows("SELECT * FROM lever_params ORDER BY rowid"):
        choices = tuple(c.strip() for c in (r["choices"] or "").split(";") if c.strip())
        params.setdefault(r["lever_id"], {})[r["param"]] = ParamSpec(
            name=r["param"],
            kind=r["kind"],
            minimum=r["minimum"],
            maximum=r["maximum"],
            default=_parse_default(r["kind"], r["default"]),
            step=r["step"],
            unit=r["unit"] or "",
            choices=choices,
            labels=_labels(r),
        )
    by_group: dict[str, dict[str, LeverSpec]] = {"policy": {}, "alignment": {}, "shock": {}}
    for r in rows("SELECT * FROM levers ORDER BY rowid"):
        by_group[r["group"]][r["id"]] = LeverSpec(
            id=r["id"],
            group=r["group"],
            params=params.get(r["id"], {}),
            labels=_labels(r),
            descriptions=_labels(r, "description"),
            evidence=r["evidence"],
            cost_usd_m=r["cost_usd_m"],
            source_id=r["source_id"],
        )
    alignments: dict[str, tuple[str, ...]] = {}
    for partner, spec in by_group["alignment"].items():
        values = spec.params["value"].choices if "value" in spec.params else ()
        alignments[partner] = ("none", *(v for v in values if v != "none"))
    lenses = tuple(r["id"] for r in rows("SELECT id FROM lenses ORDER BY rowid"))
    return Catalog(
        levers=by_group["policy"],
        alignments=alignments,
        shocks=by_group["shock"],
        lenses=lenses,
        alignment_specs=by_group["alignment"],
        override_keys=_override_keys(conn),
    )


# The ranged numbers an override may replace, as the engine's parameter table names them
# (``uncertainty._ranged_table``).  Read here with SQL rather than from ModelData so that
# ``planner validate`` (which reads only the catalog) knows them too, and without importing
# the engine: about 0.5 ms per load.
_OVERRIDE_NAMES_SQL = (
    "SELECT 'elasticities', sector, kind, NULL FROM elasticities",
    "SELECT 'growth', region, NULL, NULL FROM growth",
    "SELECT 'parameters', id, NULL, NULL FROM parameters",
    "SELECT 'lever_effects', lever_id, COALESCE(option, ''), key FROM lever_effects",
)


def _override_keys(conn: sqlite3.Connection) -> frozenset[str]:
    """The keys a scenario may override: every ranged number but the reference-only ones."""
    names = conn.execute(" UNION ALL ".join(_OVERRIDE_NAMES_SQL)).fetchall()
    keys = frozenset(override_key(tuple(p for p in name if p is not None)) for name in names)
    return keys - REFERENCE_ONLY_KEYS
