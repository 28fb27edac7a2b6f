"""The model database's tables: one declaration serves the seed loader, `db import` and `db check`.

Every seed CSV in ``seeds/`` is named after its table (``seeds/<table>.csv``) and has exactly
the columns declared here, in any order.  A table that holds numbers has a ``source_id``
column whose value must be an ``id`` in ``sources``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from planner.model.problem_text import Number, ProblemText

ColumnType = Literal["text", "integer", "real"]

SOURCE_KINDS = ("statistic", "paper", "article", "assumption", "derived")
REGION_IDS = ("USA", "MEX", "CAN", "CHN", "EU", "LAT", "CAM", "ROW")
LEVER_GROUPS = ("policy", "alignment", "shock")
ALIGNMENT_VALUES = ("none", "deepen", "fta")
PARAM_KINDS = ("number", "integer", "choice", "switch")


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType = "text"
    required: bool = True
    references: str | None = None  # "table.column" foreign key
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None

    def expected(self) -> dict[str, ProblemText]:
        """What this column's values must be beyond their type, as the "expected …" phrase of
        a problem, by rule: "choices" (one of ``choices``), "minimum" (at least ``minimum``),
        "maximum" (at most ``maximum``); only the rules the column declares."""
        rules = {}
        if self.choices:
            rules["choices"] = ProblemText("one of {choices}", choices=", ".join(self.choices))
        if self.minimum is not None:
            rules["minimum"] = ProblemText("at least {minimum}", minimum=Number(self.minimum, "g"))
        if self.maximum is not None:
            rules["maximum"] = ProblemText("at most {maximum}", maximum=Number(self.maximum, "g"))
        return rules


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    description: str
    numeric: bool = field(default=True)  # holds numbers that need a source_id

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _labels(prefix: str = "label") -> tuple[Column, ...]:
    return (
        Column(f"{prefix}_en"),
        Column(f"{prefix}_es"),
        Column(f"{prefix}_fr"),
    )


SRC = Column("source_id", references="sources.id")
VALUE_RANGE = (
    Column("value", "real"),
    Column("low", "real", required=False),
    Column("high", "real", required=False),
)

TABLES: tuple[Table, ...] = (
    Table(
        "sources",
        (
            Column("id"),
            Column("kind", choices=SOURCE_KINDS),
            Column("title"),
            Column("publisher", required=False),
            Column("year", "integer", required=False),
            Column("locator", required=False),
            Column("note", required=False),
        ),
        ("id",),
        "Every publication, table, derivation rule and judgement call a number rests on.",
        numeric=False,
    ),
    Table(
        "regions",
        (Column("id", choices=REGION_IDS), *_labels(), Column("members"), Column("kind")),
        ("id",),
        "Trade regions of the model (single countries and multi-country groups).",
        numeric=False,
    ),
    Table(
        "sectors",
        (Column("id"), *_labels(), Column("hs_chapters"), Column("gtap_codes")),
        ("id",),
        "The planner's nine sectors with the HS chapters and GTAP sectors each covers.",
        numeric=False,
    ),
    Table(
        "trade_flows",
        (
            Column("exporter", references="regions.id"),
            Column("importer", references="regions.id"),
            Column("sector", references="sectors.id"),
            Column("value_usd_m", "real", minimum=0),
            SRC,
        ),
        ("exporter", "importer", "sector"),
        "Base-year bilateral goods flows at world (fob) prices, USD millions.",
    ),
    Table(
        "tariffs",
        (
            Column("importer", references="regions.id"),
            Column("exporter", references="regions.id"),
            Column("sector", references="sectors.id"),
            Column("regime", choices=("mfn", "preferential")),
            Column("rate_pct", "real", minimum=0, maximum=1000),
            SRC,
        ),
        ("importer", "exporter", "sector", "regime"),
        "Base-year applied ad-valorem tariff by regime, percent.",
    ),
    Table(
        "preference_use",
        (
            Column("importer", references="regions.id"),
            Column("exporter", references="regions.id"),
            Column("sector", references="sectors.id"),
            Column("year", "integer"),
            Column("share", "real", minimum=0, maximum=1),
            SRC,
        ),
        ("importer", "exporter", "sector", "year"),
        "Share of trade entering under the preferential regime, from `year` on (0-1).",
    ),
    Table(
        "tariff_actions",
        (
            Column("id"),
            Column("importer", references="regions.id"),
            Column("exporter", references="regions.id"),
            Column("sector", references="sectors.id"),
            Column("measure"),
            Column("coverage", choices=("all", "non_preferential")),
            Column("rate_pct", "real", minimum=0, maximum=1000),
            Column("start_date"),
            Column("end_date", required=False),
            Column("note", required=False),
            SRC,
        ),
        ("id", "importer", "exporter", "sector"),
        "Tariff actions of 2025-26 in force at the data's latest date, with their legal dates.",
    ),
    Table(
        "elasticities",
        (
            Column("sector", references="sectors.id"),
            Column("kind", choices=("import_demand", "substitution", "export_supply")),
            *VALUE_RANGE,
            SRC,
        ),
        ("sector", "kind"),
        "GSIM elasticities by sector; import demand is negative.",
    ),
    Table(
        "growth",
        (Column("region", references="regions.id"), *VALUE_RANGE, SRC),
        ("region",),
        "Annual real import-demand growth, percent a year, 2025-2036.",
    ),
    Table(
        "mx_regions",
        (Column("id"), *_labels(), Column("states")),
        ("id",),
        "Mexico's macro-regions and the states in each.",
        numeric=False,
    ),
    Table(
        "mx_production",
        (
            Column("mx_region", references="mx_regions.id"),
            Column("sector", references="sectors.id"),
            Column("share", "real", minimum=0, maximum=1),
            SRC,
        ),
        ("mx_region", "sector"),
        "Share of Mexico's exports of each sector produced in each macro-region (sums to 1).",
    ),
    Table(
        "network_nodes",
        (
            Column("id"),
            Column("label"),
            Column("kind", choices=("mx_region", "border", "seaport", "market")),
            Column("mx_region", required=False, references="mx_regions.id"),
            Column("lon", "real"),
            Column("lat", "real"),
            SRC,
        ),
        ("id",),
        "Nodes of the corridor network (approximate coordinates, for routing and drawing).",
    ),
    Table(
        "network_edges",
        (
            Column("id"),
            Column("from_node", references="network_nodes.id"),
            Column("to_node", references="network_nodes.id"),
            Column("mode", choices=("road", "rail", "sea", "road+rail")),
            Column("capacity_usd_bn", "real", minimum=0),
            Column("base_flow_usd_bn", "real", minimum=0),
            Column("base_days", "real", minimum=0),
            Column("enabled_by", required=False, references="levers.id"),
            SRC,
        ),
        ("id",),
        "Directed edges: annual capacity and base-year flow (USD bn), base transit days.",
    ),
    Table(
        "levers",
        (
            Column("id"),
            Column("group", choices=LEVER_GROUPS),
            *_labels(),
            *_labels("description"),
            Column("evidence", choices=("article", "official", "literature", "model")),
            Column("cost_usd_m", "real", required=False),
            SRC,
        ),
        ("id",),
        "Switchable things: policy levers, partner alignments, shocks. `evidence=article` "
        "marks a lever known only from the seed article (shown as unverified).",
    ),
    Table(
        "lever_params",
        (
            Column("lever_id", references="levers.id"),
            Column("param"),
            Column("kind", choices=PARAM_KINDS),
            Column("minimum", "real", required=False),
            Column("maximum", "real", required=False),
            Column("default", required=False),
            Column("step", "real", required=False),
            Column("unit", required=False),
            Column("choices", required=False),
            *_labels(),
            SRC,
        ),
        ("lever_id", "param"),
        "The controls of each lever: range, default, unit (choices separated by ';').",
    ),
    Table(
        "lever_effects",
        (
            Column("lever_id", references="levers.id"),
            Column("option", required=False),
            Column("key"),
            *VALUE_RANGE,
            Column("unit"),
            Column("lag_years", "integer", required=False),
            Column("ramp_years", "integer", required=False),
            Column("note", required=False),
            SRC,
        ),
        ("lever_id", "option", "key"),
        "What each lever does: a named coefficient per lever (and alignment option), "
        "with range, lag and ramp.",
    ),
    Table(
        "lenses",
        (Column("id"), *_labels(), Column("country", references="regions.id")),
        ("id",),
        "Stakeholder lenses.",
        numeric=False,
    ),
    Table(
        "kpis",
        (
            Column("id"),
            Column("lens", references="lenses.id"),
            *_labels(),
            Column("unit"),
            Column("better", choices=("higher", "lower", "neutral")),
            *_labels("meaning"),
        ),
        ("id",),
        "Stakeholder KPIs: label, unit, which direction is good, and a sentence on what it means.",
        numeric=False,
    ),
    Table(
        "parameters",
        (Column("id"), *VALUE_RANGE, Column("unit"), Column("note", required=False), SRC),
        ("id",),
        "Scalar coefficients of the engine (per-day cost, volume-delay, jobs per USD, ...).",
    ),
    Table(
        "timeline",
        (
            Column("date"),
            Column("event"),
            Column("actor"),
            Column("status"),
            SRC,
        ),
        ("date", "event"),
        "USMCA Article 34.7 and the dated review calendar.",
    ),
)

TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}
