"""A Catalog built by hand from SPEC.md's lever list, so scenario tests need no database."""

from __future__ import annotations

from planner.model.catalog import Catalog, LeverSpec, ParamSpec

PORTS = (
    "laredo", "el_paso", "otay_mesa", "nogales", "pharr", "eagle_pass",
    "manzanillo", "lazaro_cardenas", "veracruz", "altamira",
)  # fmt: skip


def _year(name: str, low: int, default: int | None, high: int = 2036) -> ParamSpec:
    return ParamSpec(name, "integer", low, high, default, step=1)


def _number(name: str, low: float, high: float, default: float) -> ParamSpec:
    return ParamSpec(name, "number", low, high, default)


def _spec(lever_id: str, group: str, *params: ParamSpec) -> LeverSpec:
    return LeverSpec(lever_id, group, {p.name: p for p in params})  # type: ignore[arg-type]


def spec_catalog() -> Catalog:
    policy = [
        _spec("tmfc_corridor", "policy", _year("start_year", 2026, 2028),
              _number("intensity", 0, 1, 1)),
        _spec("e_customs", "policy", _year("start_year", 2025, 2026),
              _number("coverage", 0, 1, 1)),
        _spec("southeast_fdi_incentive", "policy", _number("rate_cut_pct", 0, 12, 12)),
        _spec("vocational_ppp", "policy", _number("intensity", 0, 1, 1)),
        _spec("regional_development_fund", "policy", _number("match_pct", 0, 30, 30)),
        _spec("southwest_trade_hub", "policy"),
        _spec("regional_impact_clause", "policy"),
        _spec("rapid_response_panel", "policy"),
        _spec("canada_green_content", "policy"),
        _spec("us_dual_sourcing", "policy", _number("share_pct", 0, 50, 30)),
        _spec("inventory_buffers", "policy", ParamSpec("weeks", "integer", 0, 8, 4)),
    ]  # fmt: skip
    shocks = [
        _spec("us_tariff_non_usmca", "shock", _number("rate_pct", 0, 100, 25),
              _year("start_year", 2025, 2026), _year("end_year", 2025, None)),
        _spec("us_section232_metals", "shock", _number("rate_pct", 0, 100, 50)),
        _spec("us_auto_tariff", "shock", _number("rate_pct", 0, 100, 25)),
        _spec("review_outcome", "shock",
              ParamSpec("outcome", "choice", default="annual_reviews",
                        choices=("extend", "annual_reviews", "withdrawal")),
              _year("year", 2026, 2026)),
        _spec("bajio_flood", "shock", _year("start_year", 2025, 2027),
              ParamSpec("weeks", "integer", 1, 12, 3)),
        _spec("port_disruption", "shock",
              ParamSpec("port", "choice", default="manzanillo", choices=PORTS),
              _year("start_year", 2025, 2027), ParamSpec("weeks", "integer", 1, 26, 4)),
        _spec("us_response_china", "shock", _number("rate_pct", 0, 100, 10)),
    ]  # fmt: skip
    alignments = {
        "canada": ("none", "deepen"),
        "central_america": ("none", "deepen", "fta"),
        "brazil_mercosur": ("none", "deepen", "fta"),
        "pacific_alliance": ("none", "deepen", "fta"),
        "eu": ("none", "deepen", "fta"),
        "cptpp": ("none", "deepen"),
        "china": ("none", "deepen"),
    }
    alignment_specs = {
        partner: _spec(partner, "alignment",
                       ParamSpec("value", "choice", default="none", choices=values))
        for partner, values in alignments.items()
    }  # fmt: skip
    return Catalog(
        levers={spec.id: spec for spec in policy},
        alignments=alignments,
        shocks={spec.id: spec for spec in shocks},
        lenses=("us_manufacturer", "mx_sme", "ca_exporter", "analyst"),
        alignment_specs=alignment_specs,
    )
