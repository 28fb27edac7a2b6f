"""Scenario files (DESIGN §4): the Scenario value object, safe loading with migrations, and
atomic saving.

A file is only ever parsed as data: nothing in it is executed or used as a path.  Loading reads
it safely (``scenario_io``: at most ``MAX_FILE_BYTES``, strict UTF-8, no duplicate keys or
NaN/Infinity), migrates older versions (``scenario_versions``), then validates against the declared
schema and the model's catalog (``scenario_schema``), reporting every problem at once.  Saving
is atomic and keeps a ``.bak`` (``scenario_io``).
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import ValidationError

from planner.model.catalog import Catalog
from planner.model.problem_text import ProblemText
from planner.model.scenario_io import MAX_FILE_BYTES as MAX_FILE_BYTES  # re-exported
from planner.model.scenario_io import ScenarioError, read_scenario_json, write_text_atomically
from planner.model.scenario_io import backup_path as backup_path  # re-exported
from planner.model.scenario_schema import ScenarioFields
from planner.model.scenario_settings import FrozenDict, LeverSetting, ModelStamp, ShockSetting
from planner.model.scenario_versions import CURRENT_VERSION, FORMAT, migrate
from planner.model.scenario_wording import problems_from
from planner.paths import SCENARIO_SUFFIX

SUFFIX = SCENARIO_SUFFIX


class Scenario(ScenarioFields):
    """One what-if: lens, levers, alignments, shocks, overrides.  Immutable and hashable;
    every edit returns a new Scenario.  Parameters hold what the user set; defaults are filled
    in by ``effective_params``."""

    @classmethod
    def baseline(cls, catalog: Catalog, model_version: str = "", fingerprint: str = "") -> Scenario:
        """Current policy: nothing switched on, the catalog's first lens."""
        return cls(
            name="Baseline (current policy)",
            lens=catalog.lenses[0],
            model=ModelStamp(version=model_version, fingerprint=fingerprint),
        )

    @classmethod
    def from_dict(cls, content: Mapping[str, Any], catalog: Catalog | None = None) -> Scenario:
        """Validate a file's content (file form, without "format"/"version").

        With a catalog, ids and lever parameters are checked too.  Raises ScenarioError.
        """
        levers, shocks = content.get("levers"), content.get("shocks")
        data = dict(content)
        if isinstance(levers, Mapping):
            data["levers"] = {key: _split(value, "enabled") for key, value in levers.items()}
        if isinstance(shocks, list):
            data["shocks"] = [_split(value, "id") for value in shocks]
        context = {"catalog": catalog} if catalog is not None else None
        try:
            return cls.model_validate(data, context=context)
        except ValidationError as exc:
            raise ScenarioError(problems_from(exc, cls)) from None

    def to_dict(self) -> dict[str, Any]:
        """The file form, in a stable order (levers, alignments and parameters sorted)."""
        return {
            "format": FORMAT,
            "version": CURRENT_VERSION,
            "name": self.name,
            "description": self.description,
            "lens": self.lens,
            "model": {"version": self.model.version, "fingerprint": self.model.fingerprint},
            "horizon": {"start": self.horizon.start, "end": self.horizon.end},
            "levers": {
                lever_id: {"enabled": setting.enabled, **dict(sorted(setting.params.items()))}
                for lever_id, setting in sorted(self.levers.items())
            },
            "alignments": dict(sorted(self.alignments.items())),
            "shocks": [{"id": s.id, **dict(sorted(s.params.items()))} for s in self.shocks],
            "overrides": dict(sorted(self.overrides.items())),
            "uncertainty": {"draws": self.uncertainty.draws, "seed": self.uncertainty.seed},
            "notes": self.notes,
        }

    def problems(self, catalog: Catalog) -> list[str]:
        """Every problem of this scenario against ``catalog`` (empty when it fits)."""
        try:
            Scenario.from_dict(self.to_dict_content(), catalog)
        except ScenarioError as exc:
            return exc.problems
        return []

    def to_dict_content(self) -> dict[str, Any]:
        content = self.to_dict()
        del content["format"], content["version"]
        return content

    # --- edits: each returns a new, validated Scenario ----------------------------------------

    def replace(self, **fields: Any) -> Scenario:
        data = {name: getattr(self, name) for name in type(self).model_fields}
        data.update(fields)
        try:
            return type(self).model_validate(data)
        except ValidationError as exc:
            raise ScenarioError(problems_from(exc, type(self))) from None

    def set_lever(self, lever_id: str, enabled: bool | None = None, **params: Any) -> Scenario:
        """Switch a lever and/or set its parameters; a parameter given as None is removed
        (its default applies).  ``enabled=None`` keeps the switch (a new lever starts off)."""
        current = self.levers.get(lever_id)
        merged = _merge(current.params if current else {}, params)
        switch = enabled if enabled is not None else bool(current and current.enabled)
        setting = LeverSetting(enabled=switch, params=merged)
        return self.replace(levers={**self.levers, lever_id: setting})

    def set_alignment(self, partner: str, value: str) -> Scenario:
        """Set a partner alignment; "none" removes it (the baseline has no alignment)."""
        alignments = {k: v for k, v in self.alignments.items() if k != partner}
        if value != "none":
            alignments[partner] = value
        return self.replace(alignments=alignments)

    def set_shock(self, shock_id: str, enabled: bool = True, **params: Any) -> Scenario:
        """Add or update a shock (keeping its place), or remove it with ``enabled=False``."""
        current = self.shock(shock_id)
        if not enabled:
            return self.replace(shocks=tuple(s for s in self.shocks if s.id != shock_id))
        setting = ShockSetting(
            id=shock_id, params=_merge(current.params if current else {}, params)
        )
        if current is None:
            return self.replace(shocks=(*self.shocks, setting))
        return self.replace(shocks=tuple(setting if s.id == shock_id else s for s in self.shocks))

    def set_lens(self, lens: str) -> Scenario:
        return self.replace(lens=lens)

    # --- reading ------------------------------------------------------------------------------

    def shock(self, shock_id: str) -> ShockSetting | None:
        return next((s for s in self.shocks if s.id == shock_id), None)

    def effective_params(self, catalog: Catalog, lever_id: str) -> dict[str, Any]:
        """A policy lever's or shock's parameters with the catalog defaults filled in.

        Parameters without a default that the scenario leaves unset (e.g. a shock's optional
        end_year) are absent.  Raises KeyError for an id the catalog does not know.
        """
        if lever_id in catalog.levers:
            spec, setting = catalog.levers[lever_id], self.levers.get(lever_id)
        elif lever_id in catalog.shocks:
            spec, setting = catalog.shocks[lever_id], self.shock(lever_id)
        else:
            raise KeyError(f"{lever_id!r} is neither a policy lever nor a shock of this model")
        params = {name: p.default for name, p in spec.params.items() if p.default is not None}
        params.update(setting.params if setting is not None else {})
        return params


def _split(value: Any, key: str) -> Any:
    """File form ``{"enabled": true, "weeks": 3}`` -> ``{"enabled": true, "params": {...}}``."""
    if not isinstance(value, Mapping):
        return value  # the schema reports "expected an object"
    split: dict[str, Any] = {key: value[key]} if key in value else {}
    split["params"] = {name: v for name, v in value.items() if name != key}
    return split


def _merge(params: Mapping[str, Any], changes: Mapping[str, Any]) -> FrozenDict:
    merged = {**params, **changes}
    return FrozenDict({name: v for name, v in merged.items() if v is not None})


# --- reading files ----------------------------------------------------------------------------


def read_scenario_content(path: str | os.PathLike[str]) -> tuple[dict[str, Any], list[str]]:
    """Read and migrate a file: its content in the current version's form, and warnings."""
    return migrate(read_scenario_json(path))


def fingerprint_warnings(
    scenario: Scenario, model_fingerprint: str | None, model_version: str | None = None
) -> list[str]:
    """A warning when the file was made with a model other than the one in use: another
    pinned fingerprint, or (a file that pins none) another model version."""
    pinned = scenario.model.fingerprint
    if pinned:
        if not model_fingerprint or pinned == model_fingerprint:
            return []
        return [
            ProblemText(
                "model.fingerprint: expected {expected} (the model in use), found {found}: the "
                "scenario was saved with other model data, so its results may differ from when "
                "it was saved",
                expected=_short(model_fingerprint),
                found=_short(pinned),
            )
        ]
    version = scenario.model.version
    if not model_version or not version or version == model_version:
        return []
    return [
        ProblemText(
            "model.version: expected {expected} (the model in use), found {found}: the scenario "
            "was made with another model version, so its results may differ from when it was "
            "saved",
            expected=model_version,
            found=version,
        )
    ]


def _short(fingerprint: str) -> str:
    return fingerprint if len(fingerprint) <= 23 else fingerprint[:22] + "…"


class LoadedScenario(NamedTuple):
    scenario: Scenario
    warnings: tuple[str, ...]


class DefaultModel(NamedTuple):
    catalog: Catalog
    fingerprint: str
    version: str = ""


def default_model() -> DefaultModel:
    """The default model database's catalog and fingerprint (built on first use)."""
    # Imported here: opening (or first building) the database is slow, and most callers pass
    # a catalog of their own.
    from contextlib import closing

    from planner.model.database_build import build_database, ensure_default_database
    from planner.model.database_catalog import catalog_from_db
    from planner.model.database_check import DamagedDatabaseError
    from planner.model.database_file import connect_read_only

    path = ensure_default_database()

    def read() -> DefaultModel:
        with closing(connect_read_only(path)) as conn:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            return DefaultModel(
                catalog_from_db(conn),
                meta.get("seeds_fingerprint", ""),
                meta.get("model_version", ""),
            )

    try:
        return read()
    except (DamagedDatabaseError, sqlite3.DatabaseError) as exc:
        # The default database is a cache of the seeds: rebuilt once, as ``load_model`` does,
        # so that ``validate`` and ``run`` treat the same damage the same way.
        what = getattr(exc, "what", str(exc))
        print(f"Rebuilding the model database {path}: it is damaged ({what}).", file=sys.stderr)
    build_database(None, path)
    return read()  # damaged again: reported, not rebuilt in a loop


def load_scenario_with_warnings(
    path: str | os.PathLike[str],
    catalog: Catalog | None = None,
    model_fingerprint: str | None = None,
    model_version: str | None = None,
) -> LoadedScenario:
    """Load, migrate and validate a scenario file.  Raises ScenarioError with every problem.

    Warnings (not errors): the file was upgraded from an older version, or it was made with
    another model than the one in use (``fingerprint_warnings``, when given).
    """
    content, warnings = read_scenario_content(path)
    if catalog is None:
        catalog = default_model().catalog
    try:
        scenario = Scenario.from_dict(content, catalog)
    except ScenarioError as exc:
        raise ScenarioError(exc.problems, warnings) from None
    warnings += fingerprint_warnings(scenario, model_fingerprint, model_version)
    return LoadedScenario(scenario, tuple(warnings))


def load_scenario(
    path: str | os.PathLike[str],
    catalog: Catalog | None = None,
    model_fingerprint: str | None = None,
) -> Scenario:
    """``load_scenario_with_warnings`` without the warnings."""
    return load_scenario_with_warnings(path, catalog, model_fingerprint).scenario


# --- saving -----------------------------------------------------------------------------------


def scenario_json(scenario: Scenario) -> str:
    """The file text: indented, stable order, one trailing newline."""
    return json.dumps(scenario.to_dict(), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def save_scenario(scenario: Scenario, path: str | os.PathLike[str]) -> None:
    """Write atomically: a temp file in the same folder, flushed and fsynced, replaces ``path``
    with ``os.replace``; the previous file is kept as ``NAME.bak``.  On any failure ``path`` is
    untouched and no temp file is left behind.  A symbolic link is followed: its target (e.g. in
    a synced folder) gets the new text and the ``.bak``, and the link stays a link."""
    target = Path(os.path.realpath(path))
    write_text_atomically(target, scenario_json(scenario))
