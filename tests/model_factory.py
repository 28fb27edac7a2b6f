"""A small, valid ModelData built in memory for engine unit tests (no database, no seeds).

The ids are the real ones (SPEC: eight regions, nine sectors, five Mexican macro-regions,
the corridor network's nodes); the numbers are round, plausible magnitudes chosen so that
each lever has a visible effect.  They are test fixtures, not data: every source_id points
at the single ``TEST`` source.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from planner.model.catalog import Catalog, LeverSpec, ParamSpec
from planner.model.data import Coefficient, ModelData, Ranged

REGIONS = ("USA", "MEX", "CAN", "CHN", "EU", "LAT", "CAM", "ROW")
SECTORS = (
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
MX_REGIONS = ("north", "bajio", "centre", "pacific", "south_southeast")
SRC = "TEST"

# Total exports by exporter (USD m) to each importer, before the sector split.
_TOTALS = {
    "USA": {"MEX": 330e3, "CAN": 350e3, "CHN": 140e3, "EU": 370e3, "LAT": 150e3, "CAM": 60e3},
    "MEX": {"USA": 500e3, "CAN": 25e3, "CHN": 10e3, "EU": 25e3, "LAT": 20e3, "CAM": 10e3},
    "CAN": {"USA": 410e3, "MEX": 15e3, "CHN": 25e3, "EU": 30e3, "LAT": 5e3, "CAM": 2e3},
    "CHN": {"USA": 440e3, "MEX": 90e3, "CAN": 60e3, "EU": 520e3, "LAT": 150e3, "CAM": 30e3},
    "EU": {"USA": 600e3, "MEX": 45e3, "CAN": 50e3, "CHN": 250e3, "LAT": 80e3, "CAM": 15e3},
    "LAT": {"USA": 100e3, "MEX": 20e3, "CAN": 8e3, "CHN": 150e3, "EU": 80e3, "CAM": 10e3},
    "CAM": {"USA": 60e3, "MEX": 8e3, "CAN": 2e3, "CHN": 10e3, "EU": 15e3, "LAT": 8e3},
    "ROW": {"USA": 1100e3, "MEX": 80e3, "CAN": 80e3, "CHN": 1200e3, "EU": 900e3, "LAT": 100e3},
}
_INTRA = {"EU": 3000e3, "LAT": 150e3, "CAM": 20e3, "ROW": 2500e3}
_MFN_PCT = {
    "USA": 3.0,
    "MEX": 7.0,
    "CAN": 4.0,
    "CHN": 7.5,
    "EU": 4.0,
    "LAT": 10.0,
    "CAM": 6.0,
    "ROW": 6.0,
}


def _flows(rng: np.random.Generator) -> np.ndarray:
    r, s = len(REGIONS), len(SECTORS)
    out = np.zeros((s, r, r))
    weights = rng.uniform(0.5, 1.5, size=(s, r, r))
    weights[0] *= 2.5  # autos: the largest North American sector
    weights /= weights.sum(axis=0, keepdims=True)
    for i, exporter in enumerate(REGIONS):
        for j, importer in enumerate(REGIONS):
            total = _TOTALS.get(exporter, {}).get(importer, 0.0)
            if exporter == importer:
                total = _INTRA.get(exporter, 0.0)
            if exporter == "ROW" and importer == "CAM":
                total = 20e3
            out[:, i, j] = weights[:, i, j] * total
    return out


def _tariffs() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r, s = len(REGIONS), len(SECTORS)
    mfn = np.zeros((s, r, r))
    for j, importer in enumerate(REGIONS):
        mfn[:, :, j] = _MFN_PCT[importer] / 100.0
    mfn[SECTORS.index("autos"), :, REGIONS.index("USA")] = 0.025
    mfn[SECTORS.index("textiles")] *= 2.0
    idx = np.arange(r)
    mfn[:, idx, idx] = 0.0
    pref = mfn.copy()
    usmca = [REGIONS.index(c) for c in ("USA", "MEX", "CAN")]
    for a in usmca:
        for b in usmca:
            pref[:, a, b] = 0.0
    pref[:, REGIONS.index("EU"), REGIONS.index("MEX")] = 0.0  # EU-Mexico agreement
    use = np.zeros((2, s, r, r))
    for year_k, share in enumerate((0.5, 0.85)):
        for a in usmca:
            for b in usmca:
                if a != b:
                    use[year_k, :, a, b] = share
    use[:, :, REGIONS.index("EU"), REGIONS.index("MEX")] = 0.7
    return mfn, pref, use


def _actions() -> pd.DataFrame:
    rows = []

    def add(aid, importer, exporter, sectors, measure, coverage, rate, start, end=None):
        for sector in sectors:
            rows.append(
                {
                    "id": aid,
                    "importer": importer,
                    "exporter": exporter,
                    "sector": sector,
                    "measure": measure,
                    "coverage": coverage,
                    "rate": rate,
                    "start_date": start,
                    "end_date": end,
                    "note": "",
                    "source_id": SRC,
                }
            )

    add(
        "ieepa_mx",
        "USA",
        "MEX",
        SECTORS,
        "ieepa",
        "non_preferential",
        0.25,
        "2025-03-04",
        "2026-02-20",
    )
    add(
        "ieepa_ca",
        "USA",
        "CAN",
        SECTORS,
        "ieepa",
        "non_preferential",
        0.35,
        "2025-03-04",
        "2026-02-20",
    )
    add("ieepa_cn", "USA", "CHN", SECTORS, "ieepa", "all", 0.20, "2025-03-04", "2026-02-20")
    for exporter in REGIONS[1:]:
        add(
            "us232_metals",
            "USA",
            exporter,
            ("metals",),
            "Section 232 steel & aluminium",
            "all",
            0.50,
            "2025-06-04",
        )
        add(
            "us232_autos",
            "USA",
            exporter,
            ("autos",),
            "Section 232 automobiles",
            "all",
            0.25,
            "2025-04-03",
        )
    add(
        "mx_mfn_2026",
        "MEX",
        "CHN",
        ("textiles", "metals", "autos"),
        "mx_mfn_increase",
        "all",
        0.30,
        "2026-01-01",
    )
    return pd.DataFrame(rows)


def _ranged(value, low, high) -> Ranged:
    return Ranged(np.asarray(value, float), np.asarray(low, float), np.asarray(high, float))


def _network() -> tuple[pd.DataFrame, pd.DataFrame]:
    nodes = [(m, m, "mx_region", m) for m in MX_REGIONS]
    nodes += [
        (b, b, "border", "north")
        for b in ("laredo", "el_paso", "otay_mesa", "nogales", "pharr", "eagle_pass")
    ]
    nodes += [
        (p, p, "seaport", None) for p in ("manzanillo", "lazaro_cardenas", "veracruz", "altamira")
    ]
    nodes += [
        (k, k, "market", None)
        for k in ("us_south", "us_midwest", "us_west", "us_east", "canada", "overseas")
    ]
    node_frame = pd.DataFrame(
        [
            {
                "id": i,
                "label": lab,
                "kind": k,
                "mx_region": m,
                "lon": 0.0,
                "lat": 0.0,
                "source_id": SRC,
            }
            for i, lab, k, m in nodes
        ]
    )
    # (from, to, mode, capacity USD bn, base flow USD bn, base days, enabled_by)
    edges = [
        ("north", "laredo", "road", 300, 210, 1.0, None),
        ("north", "el_paso", "road", 120, 70, 1.0, None),
        ("north", "eagle_pass", "rail", 60, 30, 1.0, None),
        ("bajio", "laredo", "road+rail", 200, 120, 2.0, None),
        ("bajio", "pharr", "road", 90, 40, 2.0, None),
        ("bajio", "manzanillo", "road", 40, 15, 1.5, None),
        ("centre", "laredo", "road", 120, 70, 2.5, None),
        ("centre", "veracruz", "road", 40, 20, 1.0, None),
        ("pacific", "nogales", "road", 60, 30, 2.0, None),
        ("pacific", "otay_mesa", "road", 80, 45, 2.5, None),
        ("pacific", "manzanillo", "road", 40, 20, 1.0, None),
        ("south_southeast", "pharr", "road", 25, 12, 4.0, None),
        ("south_southeast", "veracruz", "road", 20, 8, 1.5, None),
        ("south_southeast", "laredo", "rail", 30, 0, 2.0, "tmfc_corridor"),
        ("pacific", "laredo", "rail", 30, 0, 1.5, "tmfc_corridor"),
        ("laredo", "us_south", "road", 250, 150, 0.5, None),
        ("laredo", "us_midwest", "road+rail", 300, 200, 2.5, None),
        ("laredo", "canada", "road+rail", 80, 50, 3.5, None),
        ("el_paso", "us_west", "road", 100, 50, 1.5, None),
        ("el_paso", "us_midwest", "rail", 80, 20, 3.0, None),
        ("eagle_pass", "us_midwest", "rail", 60, 30, 3.0, None),
        ("pharr", "us_south", "road", 90, 40, 0.5, None),
        ("pharr", "us_east", "road", 40, 12, 2.5, None),
        ("otay_mesa", "us_west", "road", 90, 45, 0.5, None),
        ("nogales", "us_west", "road", 60, 30, 1.0, None),
        ("manzanillo", "overseas", "sea", 80, 30, 20.0, None),
        ("lazaro_cardenas", "overseas", "sea", 40, 10, 20.0, None),
        ("veracruz", "overseas", "sea", 50, 20, 18.0, None),
        ("veracruz", "us_east", "sea", 20, 8, 5.0, None),
        ("altamira", "us_east", "sea", 30, 8, 5.0, None),
        ("centre", "lazaro_cardenas", "road", 30, 10, 1.5, None),
    ]
    edge_frame = pd.DataFrame(
        [
            {
                "id": f"{a}-{b}-{mode}",
                "from_node": a,
                "to_node": b,
                "mode": mode,
                "capacity_usd_bn": float(cap),
                "base_flow_usd_bn": float(flow),
                "base_days": float(days),
                "enabled_by": en,
                "source_id": SRC,
            }
            for a, b, mode, cap, flow, days, en in edges
        ]
    )
    return node_frame, edge_frame


# lever id, group, params [(name, kind, min, max, default, choices)]
_LEVERS = [
    (
        "tmfc_corridor",
        "policy",
        [("start_year", "integer", 2026, 2036, 2028, ""), ("intensity", "number", 0, 1, 1, "")],
    ),
    (
        "e_customs",
        "policy",
        [("start_year", "integer", 2025, 2036, 2026, ""), ("coverage", "number", 0, 1, 1, "")],
    ),
    ("southeast_fdi_incentive", "policy", [("rate_cut_pct", "number", 0, 12, 12, "")]),
    ("vocational_ppp", "policy", [("intensity", "number", 0, 1, 1, "")]),
    ("regional_development_fund", "policy", [("match_pct", "number", 0, 30, 30, "")]),
    ("southwest_trade_hub", "policy", []),
    ("regional_impact_clause", "policy", []),
    ("rapid_response_panel", "policy", []),
    ("canada_green_content", "policy", []),
    ("us_dual_sourcing", "policy", [("share_pct", "number", 0, 50, 30, "")]),
    ("inventory_buffers", "policy", [("weeks", "integer", 0, 8, 4, "")]),
    ("canada", "alignment", [("value", "choice", None, None, "none", "none;deepen")]),
    ("central_america", "alignment", [("value", "choice", None, None, "none", "none;deepen;fta")]),
    ("brazil_mercosur", "alignment", [("value", "choice", None, None, "none", "none;deepen;fta")]),
    ("pacific_alliance", "alignment", [("value", "choice", None, None, "none", "none;deepen;fta")]),
    ("eu", "alignment", [("value", "choice", None, None, "none", "none;deepen;fta")]),
    ("cptpp", "alignment", [("value", "choice", None, None, "none", "none;deepen")]),
    ("china", "alignment", [("value", "choice", None, None, "none", "none;deepen")]),
    (
        "us_tariff_non_usmca",
        "shock",
        [
            ("rate_pct", "number", 0, 100, 25, ""),
            ("start_year", "integer", 2025, 2036, 2026, ""),
            ("end_year", "integer", 2025, 2036, None, ""),
        ],
    ),
    ("us_section232_metals", "shock", [("rate_pct", "number", 0, 100, 50, "")]),
    ("us_auto_tariff", "shock", [("rate_pct", "number", 0, 100, 25, "")]),
    (
        "review_outcome",
        "shock",
        [
            ("outcome", "choice", None, None, "annual_reviews", "extend;annual_reviews;withdrawal"),
            ("year", "integer", 2026, 2036, 2026, ""),
        ],
    ),
    (
        "bajio_flood",
        "shock",
        [("start_year", "integer", 2025, 2036, 2027, ""), ("weeks", "integer", 1, 12, 3, "")],
    ),
    (
        "port_disruption",
        "shock",
        [
            (
                "port",
                "choice",
                None,
                None,
                "manzanillo",
                "manzanillo;lazaro_cardenas;veracruz;altamira;laredo;pharr",
            ),
            ("start_year", "integer", 2025, 2036, 2027, ""),
            ("weeks", "integer", 1, 26, 4, ""),
        ],
    ),
    ("us_response_china", "shock", [("rate_pct", "number", 0, 100, 10, "")]),
]

# lever, option, key, value, low, high, unit, lag, ramp
_EFFECTS = [
    ("tmfc_corridor", "", "capacity_usd_bn", 60, 40, 80, "USD bn", 0, 3),
    ("e_customs", "", "border_days_cut", 0.5, 0.25, 0.8, "days", 0, 2),
    ("southeast_fdi_incentive", "", "capacity_per_fdi", 0.3, 0.2, 0.4, "elasticity", 1, 3),
    ("southeast_fdi_incentive", "", "base_tax_rate_pct", 30, 30, 30, "%", 0, 0),
    ("vocational_ppp", "", "certification_gap_pct", 20, 20, 20, "%", 0, 0),
    ("vocational_ppp", "", "productivity_gain_pct", 5, 2, 8, "%", 2, 3),
    ("regional_development_fund", "", "fund_usd_m", 500, 300, 700, "USD m", 0, 0),
    ("regional_development_fund", "", "output_capital_ratio", 0.5, 0.3, 0.7, "ratio", 1, 2),
    ("southwest_trade_hub", "", "days_cut", 1.0, 0.5, 1.5, "days", 1, 2),
    ("regional_impact_clause", "", "sanction_reduction_share", 0.5, 0.3, 0.7, "share", 0, 0),
    ("rapid_response_panel", "", "disruption_cut_share", 0.4, 0.2, 0.6, "share", 0, 0),
    ("us_dual_sourcing", "", "cost_premium_pct", 8, 5, 12, "%", 0, 0),
    ("inventory_buffers", "", "carrying_cost_pct_per_week", 0.4, 0.3, 0.5, "%/week", 0, 0),
    ("canada_green_content", "", "preference_use_gain", 0.1, 0.05, 0.15, "share", 0, 2),
    ("canada_green_content", "", "compliance_cost_pct", 1.0, 0.5, 2.0, "%", 0, 0),
    ("us_section232_metals", "", "derivative_share.autos", 0.1, 0.05, 0.15, "share", 0, 0),
    ("us_section232_metals", "", "derivative_share.machinery", 0.15, 0.1, 0.2, "share", 0, 0),
    ("us_auto_tariff", "", "usmca_dutiable_share", 0.4, 0.3, 0.5, "share", 0, 0),
    ("review_outcome", "extend", "uncertainty_cost_pct", 0.0, 0.0, 0.0, "%", 0, 0),
    ("review_outcome", "extend", "preference_loss_share", 0.0, 0.0, 0.0, "share", 0, 0),
    ("review_outcome", "annual_reviews", "uncertainty_cost_pct", 1.0, 0.5, 2.0, "%", 0, 0),
    ("review_outcome", "annual_reviews", "preference_loss_share", 0.0, 0.0, 0.0, "share", 0, 0),
    ("review_outcome", "withdrawal", "uncertainty_cost_pct", 2.0, 1.0, 3.0, "%", 0, 0),
    ("review_outcome", "withdrawal", "preference_loss_share", 1.0, 1.0, 1.0, "share", 0, 0),
    ("review_outcome", "withdrawal", "notice_years", 0.5, 0.5, 0.5, "years", 0, 0),
    ("bajio_flood", "", "capacity_loss_share", 0.6, 0.4, 0.8, "share", 0, 0),
    ("bajio_flood", "", "output_loss_share", 0.1, 0.1, 0.1, "share", 0, 0),
    ("port_disruption", "", "capacity_loss_share", 0.7, 0.5, 0.9, "share", 0, 0),
]
_PARTNERS = {
    "canada": {"CAN": 1.0},
    "central_america": {"CAM": 0.8},
    "brazil_mercosur": {"LAT": 0.5},
    "pacific_alliance": {"LAT": 0.3},
    "eu": {"EU": 1.0},
    "cptpp": {"ROW": 0.25, "CAN": 1.0},
    "china": {"CHN": 1.0},
}
for _partner, _shares in _PARTNERS.items():
    for _option, _cut, _cost in (("deepen", 0.3, 2.0), ("fta", 0.9, 5.0)):
        if _partner in ("canada", "cptpp", "china") and _option == "fta":
            continue
        _EFFECTS.append(
            (
                _partner,
                _option,
                "tariff_cut_share",
                _cut,
                _cut * 0.7,
                min(1.0, _cut * 1.2),
                "share",
                1,
                3,
            )
        )
        _EFFECTS.append((_partner, _option, "trade_cost_cut_pct", _cost, 2.0, 10.0, "%", 1, 3))
        for _region, _share in _shares.items():
            _EFFECTS.append(
                (
                    _partner,
                    _option,
                    f"region_share.{_region}",
                    _share,
                    _share,
                    _share,
                    "share",
                    0,
                    0,
                )
            )

_PARAMETERS = {
    **{
        f"per_day_cost_pct.{s}": (
            1.5 if s in ("autos", "electronics", "machinery") else 0.8,
            0.6,
            2.1,
            "% per day",
        )
        for s in SECTORS
    },
    "bpr_alpha": (0.15, 0.1, 0.5, "-"),
    "bpr_beta": (4.0, 3.0, 5.0, "-"),
    "fdi_semi_elasticity": (-2.5, -3.3, -1.5, "% FDI per pp of tax rate"),
    "jobs_per_usd_m_mx": (9.0, 7.0, 11.0, "jobs per USD m"),
    "jobs_per_usd_m_us": (5.0, 4.0, 6.0, "jobs per USD m"),
    "mx_domestic_va_share": (0.45, 0.4, 0.5, "share"),
    "us_content_share_mx": (0.4, 0.35, 0.45, "share"),
    "disruption_hazard": (0.27, 0.2, 0.35, "events per year"),
    "short_run_input_substitution": (0.1, 0.05, 0.2, "-"),
    "weeks_per_year": (52.0, 52.0, 52.0, "weeks"),
    "fta_trade_effect_pct": (30.0, 20.0, 40.0, "%"),
}

_KPIS = [
    ("us_landed_cost_index", "us_manufacturer", "index", "lower"),
    ("us_disruption_days", "us_manufacturer", "days/yr", "lower"),
    ("us_sourcing_hhi", "us_manufacturer", "0-10000", "lower"),
    ("us_effective_tariff_mx_ca_pct", "us_manufacturer", "%", "lower"),
    ("mx_sse_exports_usd_m", "mx_sme", "USD m", "higher"),
    ("mx_sse_investment_usd_m", "mx_sme", "USD m", "higher"),
    ("mx_sse_jobs", "mx_sme", "jobs", "higher"),
    ("mx_exports_usd_m", "mx_sme", "USD m", "higher"),
    ("mx_regional_hhi", "mx_sme", "0-10000", "lower"),
    ("ca_exports_us_usd_m", "ca_exporter", "USD m", "higher"),
    ("ca_effective_tariff_pct", "ca_exporter", "%", "lower"),
    ("ca_preference_margin_pp", "ca_exporter", "pp", "higher"),
    ("welfare_usa_usd_m", "analyst", "USD m", "higher"),
    ("welfare_mex_usd_m", "analyst", "USD m", "higher"),
    ("welfare_can_usd_m", "analyst", "USD m", "higher"),
    ("mx_leverage_ratio", "analyst", "ratio", "higher"),
    ("us_trade_balance_mx_usd_m", "analyst", "USD m", "neutral"),
]


def _lever_tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, Catalog]:
    levers, params = [], []
    specs: dict[str, dict[str, LeverSpec]] = {"policy": {}, "alignment": {}, "shock": {}}
    for lever_id, group, plist in _LEVERS:
        levers.append(
            {
                "id": lever_id,
                "group": group,
                "label_en": lever_id,
                "label_es": lever_id,
                "label_fr": lever_id,
                "description_en": "",
                "description_es": "",
                "description_fr": "",
                "evidence": "literature",
                "cost_usd_m": None,
                "source_id": SRC,
            }
        )
        pspecs = {}
        for name, kind, lo, hi, default, choices in plist:
            params.append(
                {
                    "lever_id": lever_id,
                    "param": name,
                    "kind": kind,
                    "minimum": lo,
                    "maximum": hi,
                    "default": None if default is None else str(default),
                    "step": None,
                    "unit": "",
                    "choices": choices,
                    "label_en": name,
                    "label_es": name,
                    "label_fr": name,
                    "source_id": SRC,
                }
            )
            pspecs[name] = ParamSpec(
                name=name,
                kind=kind,
                minimum=lo,
                maximum=hi,
                default=default,
                choices=tuple(c for c in choices.split(";") if c),
            )
        specs[group][lever_id] = LeverSpec(id=lever_id, group=group, params=pspecs)
    effects = pd.DataFrame(
        [
            {
                "lever_id": lev,
                "option": opt,
                "key": key,
                "value": float(v),
                "low": float(lo),
                "high": float(hi),
                "unit": unit,
                "lag_years": lag,
                "ramp_years": ramp,
                "note": "",
                "source_id": SRC,
            }
            for lev, opt, key, v, lo, hi, unit, lag, ramp in _EFFECTS
        ]
    )
    alignments = {
        p: ("none", *(c for c in s.params["value"].choices if c != "none"))
        for p, s in specs["alignment"].items()
    }
    catalog = Catalog(
        levers=specs["policy"],
        alignments=alignments,
        shocks=specs["shock"],
        lenses=("us_manufacturer", "mx_sme", "ca_exporter", "analyst"),
        alignment_specs=specs["alignment"],
    )
    return pd.DataFrame(levers), pd.DataFrame(params), effects, catalog


def make_model(seed: int = 3) -> ModelData:
    """A complete ModelData with the real ids and plausible round numbers."""
    rng = np.random.default_rng(seed)
    mfn, pref, use = _tariffs()
    s = len(SECTORS)
    labels = {lang: {r: r for r in REGIONS} for lang in ("en", "es", "fr")}
    sector_labels = {lang: {x: x for x in SECTORS} for lang in ("en", "es", "fr")}
    mx_labels = {lang: {m: m for m in MX_REGIONS} for lang in ("en", "es", "fr")}
    share = rng.uniform(0.3, 1.0, size=(len(MX_REGIONS), s))
    share[0] *= 3.0  # the north leads
    share[1] *= 2.0
    share[4] *= 0.3  # the south-southeast is small
    share /= share.sum(axis=0, keepdims=True)
    nodes, edges = _network()
    levers, lever_params, effects, catalog = _lever_tables()
    parameters = {
        k: Coefficient(v, lo, hi, unit, 0, 0, SRC) for k, (v, lo, hi, unit) in _PARAMETERS.items()
    }
    lenses = pd.DataFrame(
        [
            {"id": i, "label_en": i, "label_es": i, "label_fr": i, "country": c}
            for i, c in (
                ("us_manufacturer", "USA"),
                ("mx_sme", "MEX"),
                ("ca_exporter", "CAN"),
                ("analyst", "USA"),
            )
        ]
    )
    kpis = pd.DataFrame(
        [
            {
                "id": i,
                "lens": lens,
                "label_en": i.replace("_", " "),
                "label_es": i,
                "label_fr": i,
                "unit": unit,
                "better": better,
                "meaning_en": "",
                "meaning_es": "",
                "meaning_fr": "",
            }
            for i, lens, unit, better in _KPIS
        ]
    )
    sources = pd.DataFrame(
        [
            {
                "id": SRC,
                "kind": "assumption",
                "title": "test fixture",
                "publisher": None,
                "year": None,
                "locator": None,
                "note": None,
            }
        ]
    )
    return ModelData(
        version="2024.1",
        fingerprint="sha256:test",
        base_year=2024,
        years=np.arange(2025, 2037),
        regions=REGIONS,
        sectors=SECTORS,
        region_labels=labels,
        sector_labels=sector_labels,
        flows_usd_m=_flows(rng),
        tariff_mfn=mfn,
        tariff_pref=pref,
        preference_use_years=(2024, 2025),
        preference_use=use,
        tariff_actions=_actions(),
        import_demand=_ranged([-1.25] * s, [-2.0] * s, [-0.75] * s),
        substitution=_ranged([5.0] * s, [3.0] * s, [8.0] * s),
        export_supply=_ranged([1.5] * s, [1.0] * s, [3.0] * s),
        growth=_ranged(
            [0.02, 0.025, 0.018, 0.04, 0.012, 0.025, 0.03, 0.03],
            [0.01, 0.015, 0.01, 0.03, 0.005, 0.015, 0.02, 0.02],
            [0.03, 0.035, 0.025, 0.05, 0.02, 0.035, 0.04, 0.04],
        ),
        mx_regions=MX_REGIONS,
        mx_region_labels=mx_labels,
        mx_production_share=share,
        network_nodes=nodes,
        network_edges=edges,
        levers=levers,
        lever_params=lever_params,
        lever_effects=effects,
        parameters=parameters,
        lenses=lenses,
        kpis=kpis,
        timeline=pd.DataFrame(columns=["date", "event", "actor", "status", "source_id"]),
        sources=sources,
        catalog=catalog,
    )


def baseline_scenario(model: ModelData):
    """The scenario with nothing switched on, for ``model``."""
    from planner.model.scenario import Scenario

    return Scenario.baseline(model.catalog, model.version, model.fingerprint)


def busy_scenario(model: ModelData):
    """Three levers, two alignments, a tariff and a flood (the benchmark's busy scenario)."""
    from planner.commands.bench import busy_scenario as busy

    return busy(model)
