"""ModelData: the model database read once into read-only numpy arrays and small tables.

Array index conventions (used by every engine module):
- trade arrays are ``[sector, exporter, importer]`` (GSIM's M_rv with r exporter, v importer);
- region order is ``ModelData.regions`` (USA, MEX, CAN, CHN, EU, LAT, CAM, ROW);
- rates are fractions (0.25), never percent, once inside ModelData.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from planner.model.catalog import Catalog
from planner.model.domains import model_problems


class Ranged(NamedTuple):
    """A central value with its low/high range (arrays or scalars of the same shape)."""

    value: np.ndarray
    low: np.ndarray
    high: np.ndarray


class Coefficient(NamedTuple):
    """One named coefficient with its range, timing and source."""

    value: float
    low: float
    high: float
    unit: str
    lag_years: int
    ramp_years: int
    source_id: str


@dataclass(frozen=True)
class ModelData:
    """Everything the engine reads, loaded once from model.sqlite.  Treat as immutable."""

    version: str
    fingerprint: str
    base_year: int
    years: np.ndarray  # (Y,) int, the simulated years 2025..2036
    regions: tuple[str, ...]  # (R,)
    sectors: tuple[str, ...]  # (S,)
    region_labels: dict[str, dict[str, str]]  # lang -> id -> label
    sector_labels: dict[str, dict[str, str]]
    flows_usd_m: np.ndarray  # (S, R, R) base-year flows at world prices
    tariff_mfn: np.ndarray  # (S, R, R) fraction
    tariff_pref: np.ndarray  # (S, R, R) fraction
    preference_use_years: tuple[int, ...]  # (K,) ascending; share applies from that year on
    preference_use: np.ndarray  # (K, S, R, R) share 0..1
    tariff_actions: pd.DataFrame  # rows of the tariff_actions table, rate as fraction
    import_demand: Ranged  # (S,) negative
    substitution: Ranged  # (S,) positive
    export_supply: Ranged  # (S,) positive
    growth: Ranged  # (R,) fraction a year
    mx_regions: tuple[str, ...]  # (M,)
    mx_region_labels: dict[str, dict[str, str]]
    mx_production_share: np.ndarray  # (M, S), columns sum to 1
    network_nodes: pd.DataFrame
    network_edges: pd.DataFrame
    levers: pd.DataFrame
    lever_params: pd.DataFrame
    lever_effects: pd.DataFrame
    parameters: dict[str, Coefficient]
    lenses: pd.DataFrame
    kpis: pd.DataFrame
    timeline: pd.DataFrame
    sources: pd.DataFrame
    catalog: Catalog
    db_path: Path | None = None

    def region_index(self, region_id: str) -> int:
        return self.regions.index(region_id)

    def sector_index(self, sector_id: str) -> int:
        return self.sectors.index(sector_id)

    def parameter(self, param_id: str) -> Coefficient:
        """A scalar engine coefficient from the ``parameters`` table."""
        return self.parameters[param_id]

    def effect(self, lever_id: str, key: str, option: str = "") -> Coefficient:
        """A lever's named coefficient from ``lever_effects`` (option: alignment value)."""
        rows = self.lever_effects
        hit = rows[(rows.lever_id == lever_id) & (rows.option == option) & (rows.key == key)]
        if hit.empty:
            raise KeyError(f"lever_effects has no row {lever_id}/{option or '-'}/{key}")
        r = hit.iloc[0]
        return Coefficient(
            float(r.value),
            float(r.low if pd.notna(r.low) else r.value),
            float(r.high if pd.notna(r.high) else r.value),
            str(r.unit),
            int(r.lag_years) if pd.notna(r.lag_years) else 0,
            int(r.ramp_years) if pd.notna(r.ramp_years) else 0,
            str(r.source_id),
        )


# --- loading --------------------------------------------------------------------------------

_cache: dict[str, tuple[tuple[int, int], ModelData]] = {}
_FRAME_TABLES = (
    "tariff_actions",
    "network_nodes",
    "network_edges",
    "levers",
    "lever_params",
    "lever_effects",
    "lenses",
    "kpis",
    "timeline",
    "sources",
)


def load_model(path: Path | str | None = None) -> ModelData:
    """Read a model database into ModelData (None: the default one, built or rebuilt if needed).

    Cached per file on its (mtime, size): loading the same unchanged database again returns
    the same object at the cost of one ``stat``.  A database that cannot be read raises
    InputError naming the file and how to rebuild it; the default one (a cache of the seeds)
    is first rebuilt once.
    """
    if path is not None:
        return _load_cached(Path(path))
    from planner.model.database_build import build_database, ensure_default_database
    from planner.model.database_check import DamagedDatabaseError

    db_path = ensure_default_database()
    try:
        return _load_cached(db_path)
    except DamagedDatabaseError as exc:
        import sys

        print(
            f"Rebuilding the model database {db_path}: it is damaged ({exc.what}).", file=sys.stderr
        )
    build_database(None, db_path)
    return _load_cached(db_path)  # damaged again: reported, not rebuilt in a loop


# What reading a damaged database raises: a missing table, text where a number belongs, a
# missing row (KeyError), a value the catalog cannot parse.
_DAMAGE = (TypeError, ValueError, KeyError, IndexError, AttributeError)


def _load_cached(db_path: Path) -> ModelData:
    import sqlite3

    from planner.errors import InputError
    from planner.model.database_check import DamagedDatabaseError, describe_damage
    from planner.model.database_file import journal_path
    from planner.model.problem_text import ProblemText

    # ProblemText, so that the window shows these in its own language (the OS's reason,
    # strerror, stays as the OS words it).
    path = str(db_path)
    try:
        st = db_path.stat()
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            problem = ProblemText(
                "{path}: expected a model database, found no such file", path=path
            )
        else:
            problem = ProblemText(
                "{path}: expected a model database, found {reason}", path=path, reason=exc.strerror
            )
        raise InputError(problem) from None
    if not db_path.is_file():
        raise InputError(
            ProblemText("{path}: expected a model database file, found a folder", path=path)
        )
    try:
        db_path.open("rb").close()  # else SQLite says only "unable to open database file"
    except OSError as exc:
        raise InputError(
            ProblemText(
                "{path}: cannot read the model database ({reason})", path=path, reason=exc.strerror
            )
        ) from None
    key, stamp = str(db_path.resolve()), (st.st_mtime_ns, st.st_size)
    hit = _cache.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    try:
        model = _read_model(db_path)
    except sqlite3.DatabaseError as exc:
        if journal_path(db_path).exists():
            from planner.model.database_file import stray_journal_error

            raise stray_journal_error(db_path) from None
        raise DamagedDatabaseError(db_path, str(exc)) from None
    except _DAMAGE as exc:
        what = describe_damage(db_path) or f"{exc.__class__.__name__}: {exc}"
        raise DamagedDatabaseError(db_path, what) from None
    _cache[key] = (stamp, model)
    return model


def _frozen(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)  # ModelData is shared through the cache: no in-place edits
    return array


def _records(conn, name: str) -> list[dict]:
    """A table's rows as dicts in seed-file order (plain tuples: pandas only where exposed)."""
    cur = conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid')
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _frame(table, records: list[dict]) -> pd.DataFrame:
    columns = {}
    for col in table.columns:
        values = [r[col.name] for r in records]
        if col.type == "real":
            columns[col.name] = np.array([np.nan if v is None else v for v in values], float)
        elif col.type == "integer":
            dtype = "Int64" if None in values else "int64"
            columns[col.name] = pd.array(values, dtype=dtype)
        else:
            columns[col.name] = values
    return pd.DataFrame(columns)


def _labels_by_lang(rows: list[dict], prefix: str = "label") -> dict[str, dict[str, str]]:
    return {lang: {r["id"]: r[f"{prefix}_{lang}"] for r in rows} for lang in ("en", "es", "fr")}


def _ranged(rows: list[dict], scale: float = 1.0) -> Ranged:
    """value/low/high arrays in row order; a missing low or high is the value."""
    value = np.array([r["value"] for r in rows], float)
    low = np.array([r["value"] if r["low"] is None else r["low"] for r in rows], float)
    high = np.array([r["value"] if r["high"] is None else r["high"] for r in rows], float)
    return Ranged(_frozen(value * scale), _frozen(low * scale), _frozen(high * scale))


def _fill(out: np.ndarray, rows: list[dict], column: str, sidx, ridx, scale=1.0) -> np.ndarray:
    """Write rows into a (..., S, R, R) [sector, exporter, importer] array; other cells stay."""
    for r in rows:
        out[..., sidx[r["sector"]], ridx[r["exporter"]], ridx[r["importer"]]] = r[column] * scale
    return out


def _read_model(db_path: Path) -> ModelData:
    from contextlib import closing

    from planner.model.database_catalog import catalog_from_db
    from planner.model.database_file import FINAL_YEAR, connect_read_only
    from planner.model.tables import REGION_IDS, TABLES

    with closing(connect_read_only(db_path)) as conn:
        t = {table.name: _records(conn, table.name) for table in TABLES}
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        catalog = catalog_from_db(conn)
    frames = {tb.name: _frame(tb, t[tb.name]) for tb in TABLES if tb.name in _FRAME_TABLES}

    by_id = {r["id"]: r for r in t["regions"]}
    region_rows = [by_id[r] for r in REGION_IDS]
    regions = REGION_IDS
    sectors = tuple(r["id"] for r in t["sectors"])
    ridx = {r: k for k, r in enumerate(regions)}
    sidx = {s: k for k, s in enumerate(sectors)}
    cube = (len(sectors), len(regions), len(regions))

    flows = _fill(np.zeros(cube), t["trade_flows"], "value_usd_m", sidx, ridx)
    mfn = [r for r in t["tariffs"] if r["regime"] == "mfn"]
    pref = [r for r in t["tariffs"] if r["regime"] == "preferential"]

    # A share holds "from that year on": a cell a later year leaves out keeps its earlier share.
    pref_years = tuple(sorted({r["year"] for r in t["preference_use"]}))
    pref_use = np.zeros((len(pref_years), *cube))
    for k, year in enumerate(pref_years):
        rows = [r for r in t["preference_use"] if r["year"] == year]
        _fill(pref_use[k:], rows, "share", sidx, ridx)

    actions = frames["tariff_actions"]
    actions.insert(actions.columns.get_loc("rate_pct"), "rate", actions["rate_pct"] / 100.0)
    actions = actions.drop(columns="rate_pct")

    elasticity = {(r["sector"], r["kind"]): r for r in t["elasticities"]}

    def by_sector(kind: str) -> Ranged:
        return _ranged([elasticity[(s, kind)] for s in sectors])

    growth = {r["region"]: r for r in t["growth"]}
    mx_regions = tuple(r["id"] for r in t["mx_regions"])
    mi = {m: k for k, m in enumerate(mx_regions)}
    share = np.zeros((len(mx_regions), len(sectors)))
    for r in t["mx_production"]:
        share[mi[r["mx_region"]], sidx[r["sector"]]] = r["share"]

    parameters = {
        r["id"]: Coefficient(
            float(r["value"]),
            float(r["value"] if r["low"] is None else r["low"]),
            float(r["value"] if r["high"] is None else r["high"]),
            r["unit"],
            0,
            0,
            r["source_id"],
        )
        for r in t["parameters"]
    }
    base_year = int(meta["base_year"])
    model = ModelData(
        version=meta["model_version"],
        fingerprint=meta["seeds_fingerprint"],
        base_year=base_year,
        years=_frozen(np.arange(base_year + 1, FINAL_YEAR + 1)),
        regions=regions,
        sectors=sectors,
        region_labels=_labels_by_lang(region_rows),
        sector_labels=_labels_by_lang(t["sectors"]),
        flows_usd_m=_frozen(flows),
        tariff_mfn=_frozen(_fill(np.zeros(cube), mfn, "rate_pct", sidx, ridx, 0.01)),
        tariff_pref=_frozen(_fill(np.zeros(cube), pref, "rate_pct", sidx, ridx, 0.01)),
        preference_use_years=pref_years,
        preference_use=_frozen(pref_use),
        tariff_actions=actions,
        import_demand=by_sector("import_demand"),
        substitution=by_sector("substitution"),
        export_supply=by_sector("export_supply"),
        growth=_ranged([growth[r] for r in regions], 0.01),
        mx_regions=mx_regions,
        mx_region_labels=_labels_by_lang(t["mx_regions"]),
        mx_production_share=_frozen(share),
        network_nodes=frames["network_nodes"],
        network_edges=frames["network_edges"],
        levers=frames["levers"],
        lever_params=frames["lever_params"],
        lever_effects=frames["lever_effects"],
        parameters=parameters,
        lenses=frames["lenses"],
        kpis=frames["kpis"],
        timeline=frames["timeline"],
        sources=frames["sources"],
        catalog=catalog,
        db_path=db_path,
    )
    # Values the engine cannot compute with (a flow set negative with sqlite3) read fine;
    # refused here, as damage, rather than as an internal error deep inside a solve.
    problems = model_problems(model, t)
    if problems:
        from planner.model.database_check import DamagedDatabaseError, summarise

        raise DamagedDatabaseError(db_path, summarise(problems))
    return model
