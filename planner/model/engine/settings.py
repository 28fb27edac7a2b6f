"""What a scenario switches on, flattened for the engine, and the timing helpers it needs.

``settings_of(scenario, catalog)`` reads a Scenario (planner.model.scenario) into plain
dicts with every parameter default filled in from the catalog, so the engine modules never
deal with missing values.  ``ScenarioSettings(start, end)`` is the baseline: nothing on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from planner.model.catalog import Catalog, LeverSpec


@dataclass(frozen=True)
class ScenarioSettings:
    """Levers and shocks switched on (id -> params with defaults), alignments not "none"."""

    start: int
    end: int
    levers: dict[str, dict[str, Any]] = field(default_factory=dict)
    alignments: dict[str, str] = field(default_factory=dict)
    shocks: dict[str, dict[str, Any]] = field(default_factory=dict)
    status_quo: bool = False  # the 2024 status quo: no 2025-26 tariff actions

    def lever(self, lever_id: str) -> dict[str, Any] | None:
        return self.levers.get(lever_id)

    def shock(self, shock_id: str) -> dict[str, Any] | None:
        return self.shocks.get(shock_id)

    def number(self, params: Mapping[str, Any], name: str, default: float) -> float:
        value = params.get(name, default)
        return float(default if value is None else value)

    @cached_property
    def key(self) -> tuple:
        """A hashable key equal for equal settings (``settings_key``).  Kept after the first
        use: settings are never changed once made, and every evaluate asks for the keys of
        its runs and of their parts (``restricted``) several times."""
        return (
            self.start,
            self.end,
            _frozen(self.levers),
            _frozen(self.alignments),
            _frozen(self.shocks),
            self.status_quo,
        )


def restricted(
    settings: ScenarioSettings,
    levers: tuple[str, ...] = (),
    shocks: tuple[str, ...] = (),
    alignments: bool = False,
) -> ScenarioSettings:
    """``settings`` with only the named levers and shocks (and the alignments if asked):
    what one engine part reads, so that part's result depends on nothing else."""
    part = ScenarioSettings(
        settings.start,
        settings.end,
        {k: v for k, v in settings.levers.items() if k in levers},
        dict(settings.alignments) if alignments else {},
        {k: v for k, v in settings.shocks.items() if k in shocks},
        settings.status_quo,
    )
    # The part's key is the whole key's entries for what it keeps (sorted entries stay
    # sorted): a filter of frozen pairs instead of freezing the dicts again.
    start, end, lever_key, alignment_key, shock_key, status_quo = settings.key
    part.__dict__["key"] = (
        start,
        end,
        tuple(pair for pair in lever_key if pair[0] in levers),
        alignment_key if alignments else (),
        tuple(pair for pair in shock_key if pair[0] in shocks),
        status_quo,
    )
    return part


def settings_key(settings: ScenarioSettings) -> tuple:
    """A hashable key equal for equal settings."""
    return settings.key


# Values that freeze as they are, checked by exact type first: nearly every parameter value
# is one, and two isinstance checks against ABCs cost more than the rest of the key.
_PLAIN = frozenset({str, int, float, bool, type(None)})


def _frozen(value: Any) -> Any:
    if type(value) in _PLAIN:
        return value
    if isinstance(value, Mapping):
        return tuple(sorted([(str(k), _frozen(v)) for k, v in value.items()]))
    if isinstance(value, list | tuple):
        return tuple([_frozen(v) for v in value])
    return value


def _with_defaults(spec: LeverSpec | None, params: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if spec is not None:
        for name, p in spec.params.items():
            if p.default is not None:
                out[name] = p.default
    out.update({k: v for k, v in params.items() if v is not None})
    return out


def settings_of(scenario: Any, catalog: Catalog) -> ScenarioSettings:
    """Flatten a Scenario (or anything with its fields) for the engine."""
    levers = {}
    for lever_id, setting in dict(scenario.levers).items():
        if getattr(setting, "enabled", True):
            levers[lever_id] = _with_defaults(catalog.levers.get(lever_id), setting.params)
    shocks = {}
    for shock in scenario.shocks:
        shocks[shock.id] = _with_defaults(catalog.shocks.get(shock.id), shock.params)
    alignments = {p: v for p, v in dict(scenario.alignments).items() if v and v != "none"}
    horizon = scenario.horizon
    return ScenarioSettings(int(horizon.start), int(horizon.end), levers, alignments, shocks)


def ramp(years: np.ndarray, start: float, lag: int = 0, ramp_years: int = 0) -> np.ndarray:
    """(Y,) share of an effect in force: 0 before ``start + lag``, then rising linearly to 1
    over ``ramp_years`` (reached in the ramp's last year), or 1 at once without a ramp."""
    first = start + lag
    if ramp_years <= 0:
        return (years >= first).astype(float)
    # np.clip's bounds as two ufunc calls: np.clip's Python wrapper costs more than the
    # arithmetic on a dozen years, and every Monte Carlo chunk ramps each effect again.
    return np.minimum(np.maximum((years - first + 1.0) / ramp_years, 0.0), 1.0)


def share_after(years: np.ndarray, moment: float) -> np.ndarray:
    """(Y,) share of each calendar year after the moment ``moment`` (2026.5 = 1 July 2026)."""
    return np.clip(years + 1.0 - moment, 0.0, 1.0)


def active_years(years: np.ndarray, first: float, last: float | None) -> np.ndarray:
    """(Y,) 1 for the whole years first..last (inclusive; ``last`` None: no end)."""
    on = years >= first
    if last is not None:
        on &= years <= last
    return on.astype(float)
