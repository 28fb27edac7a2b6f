"""Seed CSVs: every number traceable to a source, the SPEC's ids present, key totals right.

Reads ``seeds/*.csv`` directly with the csv module (independent of the database loader).
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from planner.model.tables import SOURCE_KINDS, TABLES, TABLES_BY_NAME

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

POLICY_PARAMS = {
    "tmfc_corridor": {
        "start_year": ("integer", 2026, 2036, "2028"),
        "intensity": ("number", 0, 1, "1"),
    },
    "e_customs": {"start_year": ("integer", 2025, 2036, "2026"), "coverage": ("number", 0, 1, "1")},
    "southeast_fdi_incentive": {"rate_cut_pct": ("number", 0, 12, "12")},
    "vocational_ppp": {"intensity": ("number", 0, 1, "1")},
    "regional_development_fund": {"match_pct": ("number", 0, 30, "30")},
    "southwest_trade_hub": {},
    "regional_impact_clause": {},
    "rapid_response_panel": {},
    "canada_green_content": {},
    "us_dual_sourcing": {"share_pct": ("number", 0, 50, "30")},
    "inventory_buffers": {"weeks": ("integer", 0, 8, "4")},
}
ALIGNMENTS = {
    "canada": "none;deepen",
    "central_america": "none;deepen;fta",
    "brazil_mercosur": "none;deepen;fta",
    "pacific_alliance": "none;deepen;fta",
    "eu": "none;deepen;fta",
    "cptpp": "none;deepen",
    "china": "none;deepen",
}
SHOCK_PARAMS = {
    "us_tariff_non_usmca": {
        "rate_pct": ("number", 0, 100, "25"),
        "start_year": ("integer", 2025, 2036, "2026"),
        "end_year": ("integer", 2025, 2036, ""),
    },
    "us_section232_metals": {"rate_pct": ("number", 0, 100, "50")},
    "us_auto_tariff": {"rate_pct": ("number", 0, 100, "25")},
    "review_outcome": {
        "outcome": ("choice", None, None, "annual_reviews"),
        "year": ("integer", 2026, 2036, "2026"),
    },
    "bajio_flood": {
        "start_year": ("integer", 2025, 2036, "2027"),
        "weeks": ("integer", 1, 12, "3"),
    },
    "port_disruption": {
        "port": ("choice", None, None, "manzanillo"),
        "start_year": ("integer", 2025, 2036, "2027"),
        "weeks": ("integer", 1, 26, "4"),
    },
    "us_response_china": {"rate_pct": ("number", 0, 100, "10")},
}
EFFECT_KEYS = [
    ("tmfc_corridor", "", "capacity_usd_bn"),
    ("e_customs", "", "border_days_cut"),
    ("southeast_fdi_incentive", "", "capacity_per_fdi"),
    ("southeast_fdi_incentive", "", "base_tax_rate_pct"),
    ("vocational_ppp", "", "certification_gap_pct"),
    ("vocational_ppp", "", "productivity_gain_pct"),
    ("regional_development_fund", "", "fund_usd_m"),
    ("regional_development_fund", "", "output_capital_ratio"),
    ("southwest_trade_hub", "", "days_cut"),
    ("regional_impact_clause", "", "sanction_reduction_share"),
    ("rapid_response_panel", "", "disruption_cut_share"),
    ("us_dual_sourcing", "", "cost_premium_pct"),
    ("inventory_buffers", "", "carrying_cost_pct_per_week"),
    ("canada_green_content", "", "preference_use_gain"),
    ("canada_green_content", "", "compliance_cost_pct"),
    ("us_section232_metals", "", "derivative_share.autos"),
    ("us_section232_metals", "", "derivative_share.machinery"),
    ("us_auto_tariff", "", "usmca_dutiable_share"),
    ("review_outcome", "withdrawal", "notice_years"),
    ("bajio_flood", "", "capacity_loss_share"),
    ("bajio_flood", "", "output_loss_share"),
    ("port_disruption", "", "capacity_loss_share"),
]
PARAMETER_IDS = [
    *(
        f"per_day_cost_pct.{s}"
        for s in (
            "autos",
            "electronics",
            "machinery",
            "agrifood",
            "energy",
            "metals",
            "chemicals",
            "textiles",
            "other",
        )
    ),
    "bpr_alpha",
    "bpr_beta",
    "fdi_semi_elasticity",
    "jobs_per_usd_m_mx",
    "jobs_per_usd_m_us",
    "mx_domestic_va_share",
    "us_content_share_mx",
    "disruption_hazard",
    "short_run_input_substitution",
    "weeks_per_year",
    "fta_trade_effect_pct",
]
ARTICLE_LEVERS = (
    "tmfc_corridor",
    "e_customs",
    "southeast_fdi_incentive",
    "vocational_ppp",
    "regional_development_fund",
    "southwest_trade_hub",
    "regional_impact_clause",
    "rapid_response_panel",
    "canada_green_content",
)
# Totals documented in seeds/README.md (USD m): Census 2024 (S48, S50).
US_IMPORTS_FROM_MEX = 505_851.0
US_IMPORTS_FROM_CAN = 412_700.0


def load(table: str) -> list[dict[str, str]]:
    with (SEEDS / f"{table}.csv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def seeds() -> dict[str, list[dict[str, str]]]:
    return {t.name: load(t.name) for t in TABLES}


@pytest.fixture(scope="module")
def kinds(seeds) -> dict[str, str]:
    return {r["id"]: r["kind"] for r in seeds["sources"]}


def test_every_table_has_exactly_its_columns():
    for t in TABLES:
        with (SEEDS / f"{t.name}.csv").open(newline="", encoding="utf-8") as f:
            header = next(csv.reader(f))
        assert sorted(header) == sorted(t.column_names), t.name


def test_source_kinds_are_the_five(seeds):
    assert seeds["sources"]
    for r in seeds["sources"]:
        assert r["kind"] in SOURCE_KINDS, r
        assert r["title"].strip(), r["id"]
    ids = [r["id"] for r in seeds["sources"]]
    assert len(ids) == len(set(ids))


def test_derived_and_assumption_sources_state_their_rule(seeds):
    for r in seeds["sources"]:
        if r["kind"] in ("derived", "assumption"):
            assert len(r["note"]) >= 20, r["id"]


def test_every_numeric_row_cites_a_known_source(seeds, kinds):
    for t in TABLES:
        if not t.numeric:
            continue
        numeric = [c.name for c in t.columns if c.type in ("real", "integer")]
        for r in seeds[t.name]:
            if any(r[c] != "" for c in numeric):
                assert r["source_id"] in kinds, (t.name, r)


def test_numbers_parse_and_respect_bounds(seeds):
    for t in TABLES:
        for r in seeds[t.name]:
            for c in t.columns:
                v = r[c.name]
                if v == "" or c.type == "text":
                    continue
                x = float(v) if c.type == "real" else int(v)
                if c.minimum is not None:
                    assert x >= c.minimum, (t.name, c.name, r)
                if c.maximum is not None:
                    assert x <= c.maximum, (t.name, c.name, r)


def test_foreign_keys_resolve(seeds):
    for t in TABLES:
        for c in t.columns:
            if not c.references:
                continue
            table, column = c.references.split(".")
            valid = {r[column] for r in seeds[table]}
            for r in seeds[t.name]:
                if r[c.name] != "":
                    assert r[c.name] in valid, (t.name, c.name, r[c.name])


def test_primary_keys_are_unique(seeds):
    for t in TABLES:
        keys = [tuple(r[k] for k in t.primary_key) for r in seeds[t.name]]
        dupes = [k for k, n in Counter(keys).items() if n > 1]
        assert not dupes, (t.name, dupes[:3])


def _labelled(row: dict[str, str]) -> bool:
    return all(row[f"label_{lang}"].strip() for lang in ("en", "es", "fr"))


def test_spec_levers_alignments_and_shocks_exist_with_three_labels(seeds):
    levers = {r["id"]: r for r in seeds["levers"]}
    for group, ids in (
        ("policy", POLICY_PARAMS),
        ("alignment", ALIGNMENTS),
        ("shock", SHOCK_PARAMS),
    ):
        for lever_id in ids:
            row = levers[lever_id]
            assert row["group"] == group, lever_id
            assert _labelled(row), lever_id
            assert all(row[f"description_{lang}"].strip() for lang in ("en", "es", "fr"))
    for lever_id in ARTICLE_LEVERS:
        assert levers[lever_id]["evidence"] == "article", lever_id


def test_lever_params_match_spec(seeds):
    params = defaultdict(dict)
    for r in seeds["lever_params"]:
        params[r["lever_id"]][r["param"]] = r
        assert _labelled(r), r
    for lever_id, spec in {**POLICY_PARAMS, **SHOCK_PARAMS}.items():
        assert set(params[lever_id]) == set(spec), lever_id
        for name, (kind, lo, hi, default) in spec.items():
            row = params[lever_id][name]
            assert row["kind"] == kind, (lever_id, name)
            assert row["default"] == default, (lever_id, name)
            if lo is not None:
                assert float(row["minimum"]) == lo and float(row["maximum"]) == hi
    for partner, choices in ALIGNMENTS.items():
        row = params[partner]["value"]
        assert (row["kind"], row["choices"], row["default"]) == ("choice", choices, "none")
    assert params["review_outcome"]["outcome"]["choices"] == "extend;annual_reviews;withdrawal"
    ports = set(params["port_disruption"]["port"]["choices"].split(";"))
    gateways = {r["id"] for r in seeds["network_nodes"] if r["kind"] in ("border", "seaport")}
    assert ports == gateways


def test_lever_effects_cover_spec_keys(seeds):
    have = {(r["lever_id"], r["option"], r["key"]) for r in seeds["lever_effects"]}
    for key in EFFECT_KEYS:
        assert key in have, key
    for option in ("extend", "annual_reviews", "withdrawal"):
        assert ("review_outcome", option, "uncertainty_cost_pct") in have
        assert ("review_outcome", option, "preference_loss_share") in have
    for partner, choices in ALIGNMENTS.items():
        for option in choices.split(";")[1:]:
            keys = {k for (p, o, k) in have if p == partner and o == option}
            assert {"tariff_cut_share", "trade_cost_cut_pct"} <= keys, (partner, option)
            assert any(k.startswith("region_share.") for k in keys), (partner, option)
    for r in seeds["lever_effects"]:
        lo, hi = float(r["low"]), float(r["high"])
        assert lo <= float(r["value"]) <= hi, r


def test_parameters_cover_spec_ids(seeds):
    have = {r["id"]: r for r in seeds["parameters"]}
    for pid in PARAMETER_IDS:
        assert pid in have, pid
    assert float(have["jobs_per_usd_m_us"]["value"]) == pytest.approx(5.408)


def test_mx_production_columns_sum_to_one(seeds):
    totals = defaultdict(float)
    for r in seeds["mx_production"]:
        totals[r["sector"]] += float(r["share"])
    assert set(totals) == {r["id"] for r in seeds["sectors"]}
    for sector, total in totals.items():
        assert total == pytest.approx(1.0, abs=1e-6), sector


def test_trade_flows_full_matrix_without_negatives(seeds):
    flows = seeds["trade_flows"]
    regions = [r["id"] for r in seeds["regions"]]
    assert len(flows) == len(regions) ** 2 * len(seeds["sectors"])
    for r in flows:
        assert float(r["value_usd_m"]) >= 0, r
        if r["exporter"] == r["importer"] and r["exporter"] in ("USA", "MEX", "CAN", "CHN"):
            assert float(r["value_usd_m"]) == 0, r


def _flow(seeds, exporter: str, importer: str) -> float:
    return sum(
        float(r["value_usd_m"])
        for r in seeds["trade_flows"]
        if r["exporter"] == exporter and r["importer"] == importer
    )


def test_us_imports_from_mexico_and_canada_match_census_totals(seeds):
    assert _flow(seeds, "MEX", "USA") == pytest.approx(US_IMPORTS_FROM_MEX, abs=1.0)
    assert _flow(seeds, "CAN", "USA") == pytest.approx(US_IMPORTS_FROM_CAN, abs=1.0)


def test_laredo_is_the_top_land_port(seeds):
    kind = {r["id"]: r["kind"] for r in seeds["network_nodes"]}
    inflow = defaultdict(float)
    for e in seeds["network_edges"]:
        if kind[e["to_node"]] == "border":
            inflow[e["to_node"]] += float(e["base_flow_usd_bn"])
    assert max(inflow, key=inflow.get) == "laredo"
    assert inflow["laredo"] > 2 * sorted(inflow.values())[-2]


def test_gtap_substitution_elasticity_for_autos(seeds):
    row = next(
        r for r in seeds["elasticities"] if r["sector"] == "autos" and r["kind"] == "substitution"
    )
    # GTAP mvh ESUBD 2.8 x rule of two (armington_from_model_files.csv, ARM15) = 5.6
    assert float(row["value"]) == pytest.approx(5.6)
    assert row["source_id"] == "AMF"


def test_import_demand_negative_others_positive(seeds):
    for r in seeds["elasticities"]:
        value, low, high = float(r["value"]), float(r["low"]), float(r["high"])
        assert low <= value <= high, r
        if r["kind"] == "import_demand":
            assert high < 0, r
        else:
            assert low > 0, r


def test_share_of_assumed_and_derived_numbers(seeds, kinds, capsys):
    count = Counter()
    for t in TABLES:
        if not t.numeric:
            continue
        numeric = [c.name for c in t.columns if c.type in ("real", "integer")]
        for r in seeds[t.name]:
            count[kinds[r["source_id"]]] += sum(1 for c in numeric if r[c] != "")
    total = sum(count.values())
    assert total > 0 and set(count) <= set(SOURCE_KINDS)
    with capsys.disabled():
        print(
            "\nnumeric values by source kind: "
            + ", ".join(f"{k} {count[k] / total:.1%}" for k in SOURCE_KINDS)
            + f" (of {total})"
        )
    assert count["statistic"] + count["paper"] > 0


def test_table_contract_is_the_one_read_here():
    assert "trade_flows" in TABLES_BY_NAME


def test_every_rule_a_source_note_names_is_a_row(seeds):
    # A derivation resting on a judgement names it (e.g. D_NETWORK: "Capacities and days as
    # in A_NET"); a name without a row is a judgement nobody can read.  S-numbers name the
    # reference pack's publications, which sources.csv lists only where a number cites them.
    ids = {row["id"] for row in seeds["sources"]}
    named = re.compile(r"\b[AD]_[A-Z0-9_]+\b")
    dangling = [
        f"{row['id']} names {name}"
        for row in seeds["sources"]
        for name in named.findall(row["note"] or "")
        if name not in ids
    ]
    assert not dangling, dangling
