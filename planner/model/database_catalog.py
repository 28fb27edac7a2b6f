"""The ``Catalog`` read from a model database: what a scenario may name (levers with their
parameters, alignments, shocks, lenses) and the keys its overrides may use.

A table missing or a row malformed here is reported as a ``DamagedDatabaseError``, so that
``planner validate`` (which reads only the catalog) reports damage, not an internal error.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from planner.model.catalog import (
    REFERENCE_ONLY_KEYS,
    Catalog,
    LeverSpec,
    ParamSpec,
    override_key,
)
from planner.model.database_check import DamagedDatabaseError, describe_damage
from planner.model.database_file import LANGUAGES, connect_read_only


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
