"""``planner db import``: replacing one table's rows with a CSV's, stamped with a source.

The new rows are checked and, with the other seeds, rebuilt into a complete database before
anything is written; ``seeds/<table>.csv`` and the database are then swapped in with
``os.replace``, and a failed swap is undone, so a bad file or a refused write changes nothing.
Its messages are printed by the command line only, in English.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path

from planner import paths
from planner.errors import InputError
from planner.model.database_build import write_temp_database
from planner.model.database_file import (
    default_database_path,
    folder_in_the_way_error,
    unwritable_error,
)
from planner.model.domains import seed_problems
from planner.model.seed_loader import (
    SeedError,
    display_name,
    file_name,
    fingerprint_of,
    load_seeds,
    parse_table,
    read_seed_files,
    render_csv,
)
from planner.model.tables import TABLES_BY_NAME


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
        raise folder_in_the_way_error(out_path)
    try:
        tmp_db = write_temp_database(seeds, fingerprint_of(staged), out_path.parent)
    except OSError as exc:
        raise unwritable_error(out_path, exc) from None
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
    (problem,) = unwritable_error(out_path, exc).problems
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
