"""What a scenario may switch: lever, alignment, shock and lens ids with their controls.

Built from the model database (``catalog_from_db`` in ``planner.model.database_catalog``) so that
scenario validation names the ids and ``overrides`` keys that really exist, and the range
each ``overrides`` key accepts (``override_range``, a fixed table: the database does not
carry it).  Qt-free, plain data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from planner.model.problem_text import Number, ProblemText

ParamKind = Literal["number", "integer", "choice", "switch"]


@dataclass(frozen=True)
class ParamSpec:
    """One control of a lever: a number in [minimum, maximum], an integer, or a choice."""

    name: str
    kind: ParamKind
    minimum: float | None = None
    maximum: float | None = None
    default: float | str | bool | None = None
    step: float | None = None
    unit: str = ""
    choices: tuple[str, ...] = ()
    required: bool = False
    labels: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class LeverSpec:
    """A policy lever or a shock, with its controls (``params``) keyed by name."""

    id: str
    group: Literal["policy", "alignment", "shock"]
    params: dict[str, ParamSpec]
    labels: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    evidence: str = "literature"
    cost_usd_m: float | None = None
    source_id: str = ""


@dataclass(frozen=True)
class Catalog:
    """Everything a scenario file may name, as read from the model database."""

    levers: dict[str, LeverSpec]  # group == "policy"
    alignments: dict[str, tuple[str, ...]]  # partner id -> allowed values ("none" always)
    shocks: dict[str, LeverSpec]  # group == "shock"
    lenses: tuple[str, ...]
    alignment_specs: dict[str, LeverSpec] = field(default_factory=dict)
    # Every key a scenario's ``overrides`` may name (``override_key`` of each ranged number in
    # the database but the reference-only ones, ``REFERENCE_ONLY_KEYS``), so that validation
    # refuses a key the engine would refuse only when it runs, or would take and ignore.
    # None: not known (a catalog built by hand), and only the ranges are checked.
    override_keys: frozenset[str] | None = None


# --- what a scenario's overrides may set ----------------------------------------------------


@dataclass(frozen=True)
class OverrideRange:
    """The values an override key accepts: every number from ``minimum`` to ``maximum``."""

    minimum: float
    maximum: float

    def __contains__(self, value: float) -> bool:
        return self.minimum <= value <= self.maximum

    def expected(self) -> ProblemText:
        return ProblemText(
            "a number from {low} to {high}",
            low=Number(self.minimum, "g"),
            high=Number(self.maximum, "g"),
        )


_SHARE = OverrideRange(0.0, 1.0)
_ANY_LEVER = r"lever_effects\.\w+(?:\.\w+)?"  # lever_effects.<lever>[.<option>]

# Override key (a regular expression matching the whole key) -> the values it accepts; the first
# match applies.  Each range holds the seed table's own range (seeds/*.csv) with room to spare
# (about 10x its largest magnitude, the same sign, 0 where "none" is meaningful) and keeps every
# factor the engine builds from it finite and positive.  Elasticities: with Em < 0, Es ≥ 0 and
# Ex > 0 the GSIM matrix (Em + Es)·φθᵀ − (Es + Ex)·I is never singular, because φθᵀ's
# eigenvalues lie in [0, 1] (checked on the model's markets); the lower bounds keep it far from
# singular and the upper ones keep (1 + τ)^−σ inside float range.
OVERRIDE_RANGES: tuple[tuple[str, OverrideRange], ...] = (
    # Import demand falls as its price rises (seeds -2 to -0.25; Kee et al. find -0.1 to -10).
    (r"elasticities\.\w+\.import_demand", OverrideRange(-20.0, -0.01)),
    # Armington substitution between sources (seeds 3.7 to 11; estimates reach the 30s).
    (r"elasticities\.\w+\.substitution", OverrideRange(0.01, 50.0)),
    # Export supply rises with its price (seeds 0.5 to 4.5); a capacity change moves prices by
    # log(1 + g) / Ex, so below 0.1 (0.01: USD 250 trillion of investment) it explodes.
    (r"elasticities\.\w+\.export_supply", OverrideRange(0.1, 50.0)),
    # Percent a year (seeds 0.5 to 5), held for all 12 years: -10 is deeper than any
    # decade-long slump on record and 15 above China's fastest decade (about 10-11), so
    # (1 + g)^12 stays between 0.28 and 5.4 (at 30 it was 23: a USD 7.6 trillion US balance).
    (r"growth\.\w+", OverrideRange(-10.0, 15.0)),
    # Percent of value per day in transit (seeds 0.6 to 2.1); 0 = time costs nothing.
    (r"parameters\.per_day_cost_pct\.\w+", OverrideRange(0.0, 20.0)),
    # BPR delay coefficient (seeds 0.1 to 0.5; 0.15 the classic value); 0 = no congestion.
    # Twice the seeds' top: with beta 10, alpha 5 made Laredo's days 12x and Mexico -> US
    # trade cost 230 % in the baseline, as delays are not fed back into the flows.
    (r"parameters\.bpr_alpha", OverrideRange(0.0, 1.0)),
    # BPR exponent (seeds 2 to 6; published fits 1 to 8); below 1 the curve turns concave.
    (r"parameters\.bpr_beta", OverrideRange(1.0, 8.0)),
    # % FDI per point of tax (seeds -3.3 to -1.5): negative; 0 = FDI ignores the tax.
    (r"parameters\.fdi_semi_elasticity", OverrideRange(-33.0, 0.0)),
    # Jobs per USD m of exports (seeds 5 to 15).
    (r"parameters\.jobs_per_usd_m_mx", OverrideRange(0.0, 150.0)),
    # A calendar constant (the seed: 52): a shock's weeks (up to 38 together) are a share of it.
    (r"parameters\.weeks_per_year", OverrideRange(48.0, 53.0)),
    # Shares (tariff cut, region weights, dutiable, derivative, losses, uptake): 0 to 1.
    (_ANY_LEVER + r"\.(?:\w+_share|\w+_share\.\w+|preference_use_gain)", _SHARE),
    # New corridor capacity, USD bn a year (seeds 20 to 50).
    (_ANY_LEVER + r"\.capacity_usd_bn", OverrideRange(0.0, 500.0)),
    # Days cut at the border or by a hub (seeds 0.05 to 0.5); the engine floors days at 0.
    (_ANY_LEVER + r"\.(?:border_days_cut|days_cut)", OverrideRange(0.0, 5.0)),
    # Capacity elasticity to FDI (seeds 0.1 to 0.5).
    (_ANY_LEVER + r"\.capacity_per_fdi", OverrideRange(0.0, 5.0)),
    # Productivity gain in percent (seeds 0 to 6).
    (_ANY_LEVER + r"\.productivity_gain_pct", OverrideRange(0.0, 60.0)),
    # Fund size, USD m a year (seeds 50 to 250).
    (_ANY_LEVER + r"\.fund_usd_m", OverrideRange(0.0, 2500.0)),
    # Exports per USD of capital (seeds 0.25 to 0.6); it divides, so it stays above 0.
    (_ANY_LEVER + r"\.output_capital_ratio", OverrideRange(0.025, 6.0)),
    # Cost mark-ups in percent (seeds: premium 2.4 to 8.4, compliance 0.5 to 2, review 0 to
    # 4, carrying 0.3 to 0.6 a week); each enters as (1 + x/100) with x ≥ 0.
    (_ANY_LEVER + r"\.cost_premium_pct", OverrideRange(0.0, 84.0)),
    (_ANY_LEVER + r"\.compliance_cost_pct", OverrideRange(0.0, 20.0)),
    (_ANY_LEVER + r"\.uncertainty_cost_pct", OverrideRange(0.0, 40.0)),
    (_ANY_LEVER + r"\.carrying_cost_pct_per_week", OverrideRange(0.0, 6.0)),
    # Trade-cost cut in percent (seeds 2 to 10, FTA02's whole range); 5x that keeps 1 - cut
    # well above 0 (at 90% EU trade grows to USD 30 trillion).
    (_ANY_LEVER + r"\.trade_cost_cut_pct", OverrideRange(0.0, 50.0)),
    # Withdrawal notice in years (the treaty's 0.5).
    (_ANY_LEVER + r"\.notice_years", OverrideRange(0.0, 5.0)),
)
_COMPILED = tuple((re.compile(pattern), bounds) for pattern, bounds in OVERRIDE_RANGES)

# Numbers the model database keeps with their sources for reference that no computation of the
# engine reads: an override of one would validate and change no result, so validation refuses
# it (``Catalog.override_keys`` leaves them out and no range names them).  Kept honest by
# tests/test_override_keys_used.py, which evaluates the model with every key changed and fails
# when a key here starts to matter or a key outside it changes nothing.
REFERENCE_ONLY_KEYS: frozenset[str] = frozenset(
    {
        "parameters.jobs_per_usd_m_us",  # no KPI counts US jobs
        "parameters.mx_domestic_va_share",  # value-added shares: context for the trade flows
        "parameters.us_content_share_mx",
        "parameters.disruption_hazard",  # disruptions enter only as the scenario's shocks
        "parameters.short_run_input_substitution",  # the engine has no input-substitution step
        "parameters.fta_trade_effect_pct",  # a check on the alignment levers' size
        # The lever's control is a cut in points (rate_cut_pct), not a share of the rate.
        "lever_effects.southeast_fdi_incentive.base_tax_rate_pct",
        # The lever's gain is productivity_gain_pct times its intensity (a share of the gap).
        "lever_effects.vocational_ppp.certification_gap_pct",
        # The flood acts through the capacity it removes (capacity_loss_share).
        "lever_effects.bajio_flood.output_loss_share",
    }
)


def override_key(name: tuple[str, ...]) -> str:
    """The ``overrides`` key of a ranged model number named ``(table, *ids)``.

    ``("elasticities", sector, kind)``, ``("growth", region)``, ``("parameters", id)`` and
    ``("lever_effects", lever, option, key)`` (option "" for a lever without options) give
    e.g. ``elasticities.autos.substitution`` or ``lever_effects.eu.fta.region_share.EU``.
    """
    if name[0] == "lever_effects":
        _, lever, option, key = name
        return f"lever_effects.{lever}.{option}.{key}" if option else f"lever_effects.{lever}.{key}"
    return ".".join(name)


def override_range(key: str) -> OverrideRange | None:
    """The values ``key`` accepts, or None for a key no scenario may set: no rule names it
    (the engine rejects it) or it is reference-only (``REFERENCE_ONLY_KEYS``)."""
    if key in REFERENCE_ONLY_KEYS:
        return None
    for pattern, bounds in _COMPILED:
        if pattern.fullmatch(key):
            return bounds
    return None


def cited_sources(
    lever_sources: Iterable[str], effects: Iterable[tuple[str, str, str, str]]
) -> list[str]:
    """Source ids, in order and without repeats, behind a scenario's levers: the levers' own
    (``lever_sources``) then those of the effect rows ``(lever_id, option, key, source_id)``
    whose number the engine uses.  A reference-only row (``REFERENCE_ONLY_KEYS``, e.g. the
    FDI lever's base tax rate) is behind no result, so its source is left out.  A cell may
    hold several ids separated by ";"."""
    cells = list(lever_sources)
    for lever, option, key, source in effects:
        if override_key(("lever_effects", lever, option, key)) not in REFERENCE_ONLY_KEYS:
            cells.append(source)
    ids = [s.strip() for cell in cells for s in str(cell).split(";")]
    return list(dict.fromkeys(s for s in ids if s))
