"""Every lever, partner alignment and shock of the real catalog, driven through the main window.

Each case clicks the lever panel's widgets exactly as a user would (check box, partner combo,
parameter spin box or combo) on the real model built from seeds/ with the real engine, then
reads the document's results: the KPIs that lever should move move in the stated direction in
the stated year, the click pushed exactly one undo command, and undo restores the KPI values
of before the click, then (undoing any set-up too) the baseline's, exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import chart_support
import numpy as np
import pytest

from planner.model.engine import evaluate
from planner.ui.controller import ScenarioDocument
from planner.ui.i18n import set_language
from planner.ui.main_window import MainWindow
from planner.ui.settings import open_settings

model = chart_support.model  # the real model built from seeds/ (session fixture)
pytestmark = [pytest.mark.gui, chart_support.OFFSCREEN_NOISE]

Step = tuple[Any, ...]  # ("switch", id) | ("align", id, value) | ("param", id, name, value)


@dataclass(frozen=True)
class Check:
    kpi: str
    move: str  # "higher", "lower" or "same" (after the click against before it)
    year: int = 2036


@dataclass(frozen=True)
class Case:
    group: str  # "policy", "alignment" or "shock": the catalog part the case covers
    lever: str
    step: Step  # the one widget action under test
    checks: tuple[Check, ...]
    setup: tuple[Step, ...] = ()  # switched on first, through the widgets too
    any_of: bool = False  # True: one of the checks suffices (the others are alternatives)
    xfail: str | None = None


def switch(lever: str) -> Step:
    return ("switch", lever)


FLOOD = (switch("bajio_flood"),)
STRONGEST = {"canada": "deepen", "cptpp": "deepen", "china": "deepen"}  # else "fta"
PARTNERS = ("canada", "central_america", "brazil_mercosur", "pacific_alliance", "eu", "cptpp")

CASES = [
    Case(
        "policy",
        "tmfc_corridor",
        switch("tmfc_corridor"),
        (Check("us_landed_cost_index", "lower"), Check("mx_exports_usd_m", "higher")),
    ),
    Case("policy", "e_customs", switch("e_customs"), (Check("us_landed_cost_index", "lower"),)),
    *(
        Case("policy", lever, switch(lever), (Check("mx_sse_exports_usd_m", "higher"),))
        for lever in ("southeast_fdi_incentive", "vocational_ppp", "southwest_trade_hub")
    ),
    Case(
        "policy",
        "regional_development_fund",
        switch("regional_development_fund"),
        (Check("mx_sse_investment_usd_m", "higher"),),
    ),
    Case(
        "policy",
        "regional_impact_clause",
        switch("regional_impact_clause"),
        (Check("us_effective_tariff_mx_ca_pct", "lower"), Check("us_landed_cost_index", "lower")),
        setup=(switch("review_outcome"),),  # default outcome: annual_reviews
        any_of=True,
    ),
    Case(
        "policy",
        "rapid_response_panel",
        switch("rapid_response_panel"),
        (Check("us_disruption_days", "lower", 2027),),
        setup=FLOOD,
    ),
    Case(
        "policy",
        "us_dual_sourcing",
        switch("us_dual_sourcing"),
        (Check("us_sourcing_hhi", "lower"),),
    ),
    Case(
        "policy",
        "inventory_buffers",
        switch("inventory_buffers"),
        (Check("us_disruption_days", "lower", 2027),),
        setup=FLOOD,
    ),
    Case(
        "policy",
        "canada_green_content",
        switch("canada_green_content"),
        (Check("ca_effective_tariff_pct", "lower"),),
    ),
    # china: the engine models no automatic US response to the alignment (that is the
    # separate us_response_china shock), so closer ties raise Mexico's exports too.
    *(
        Case(
            "alignment",
            partner,
            ("align", partner, STRONGEST.get(partner, "fta")),
            (Check("mx_exports_usd_m", "higher"),),
        )
        for partner in (*PARTNERS, "china")
    ),
    Case(
        "shock",
        "us_tariff_non_usmca",
        switch("us_tariff_non_usmca"),
        (Check("us_effective_tariff_mx_ca_pct", "higher"), Check("mx_exports_usd_m", "lower")),
    ),
    Case(
        "shock",
        "us_section232_metals",
        ("param", "us_section232_metals", "rate_pct", 75),
        (Check("ca_effective_tariff_pct", "higher"),),
        setup=(switch("us_section232_metals"),),  # on at its default 50: the status quo
    ),
    Case(
        "shock",
        "us_auto_tariff",
        ("param", "us_auto_tariff", "rate_pct", 50),
        (Check("us_effective_tariff_mx_ca_pct", "higher"),),
        setup=(switch("us_auto_tariff"),),  # on at its default 25: the status quo
    ),
    Case(
        "shock",
        "review_outcome",
        ("param", "review_outcome", "outcome", "withdrawal"),
        (Check("us_effective_tariff_mx_ca_pct", "higher"),),
        setup=(switch("review_outcome"),),  # on at its default: annual_reviews
    ),
    Case(
        "shock",
        "bajio_flood",
        switch("bajio_flood"),
        (Check("us_disruption_days", "higher", 2027), Check("us_disruption_days", "same", 2029)),
    ),
    Case(
        "shock",
        "port_disruption",
        switch("port_disruption"),  # default port manzanillo (US-bound flows), start 2027
        (Check("us_disruption_days", "higher", 2027),),
    ),
    Case(
        "shock",
        "us_response_china",
        switch("us_response_china"),
        (Check("us_effective_tariff_mx_ca_pct", "higher"),),
    ),
]


def _param(case: Case) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=case.xfail)] if case.xfail else []
    return pytest.param(case, id=f"{case.group}/{case.lever}", marks=marks)


@pytest.fixture
def window(qtbot, model, dialogs_seen):
    set_language("en")
    document = ScenarioDocument(model.catalog, model=model, evaluate=evaluate)
    document.bands_enabled = False  # central runs only: no Monte Carlo thread
    win = MainWindow(document, open_settings())
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    document.recompute()
    yield win
    document.undo_stack.clear()
    document.shutdown()


def drive(window, step: Step) -> None:
    """One user action on the lever panel's widgets."""
    kind, lever, *rest = step
    if kind == "switch":
        row = window.lever_panel.row(lever)
        assert row.switch is not None and row.switch.isEnabled()
        row.switch.click()
    elif kind == "align":
        combo = window.lever_panel.row(lever, "alignment").combo
        index = combo.findData(rest[0])
        assert index > 0, f"{lever} offers no {rest[0]!r}"
        combo.setCurrentIndex(index)
    else:
        name, value = rest
        control = window.lever_panel.row(lever, "shock").controls[name]
        if hasattr(control, "combo"):
            control.combo.setCurrentIndex(control.combo.findData(value))
        else:
            control.spin.setValue(value)
        assert control.value() == value


def kpis(document) -> dict[str, np.ndarray]:
    assert document.results is not None, "the engine produced no results"
    return {k: np.array(v, copy=True) for k, v in document.results.kpi.items()}


def test_the_cases_cover_every_lever_partner_and_shock_of_the_catalog(model):
    catalog = model.catalog
    expected = {("policy", lever) for lever in catalog.levers}
    expected |= {("alignment", partner) for partner in catalog.alignments}
    expected |= {("shock", shock) for shock in catalog.shocks}
    assert {(c.group, c.lever) for c in CASES} == expected
    assert len(CASES) == len(expected)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_the_lever_moves_its_kpis_and_undo_restores_them(window, case):
    document = window.document
    baseline = kpis(document)
    for name, values in document.results.kpi_base.items():
        np.testing.assert_array_equal(baseline[name], values)  # nothing is on yet
    for step in case.setup:
        drive(window, step)
    assert document.undo_stack.count() == len(case.setup)
    before = kpis(document)

    drive(window, case.step)

    assert document.undo_stack.count() == len(case.setup) + 1  # exactly one command
    after = kpis(document)
    years = list(document.results.years)
    outcomes = []
    for check in case.checks:
        i = years.index(check.year)
        was, now = float(before[check.kpi][i]), float(after[check.kpi][i])
        ok = {
            "higher": now > was,
            "lower": now < was,
            "same": now == pytest.approx(was, rel=1e-12, abs=1e-12),
        }[check.move]
        outcomes.append((ok, f"{check.kpi} {check.year}: {was!r} -> {now!r}, want {check.move}"))
    report = "; ".join(text for _ok, text in outcomes)
    if case.any_of:
        assert any(ok for ok, _ in outcomes), report
    else:
        assert all(ok for ok, _ in outcomes), report

    document.undo_stack.undo()
    restored = kpis(document)
    assert restored.keys() == before.keys()
    for name in before:
        np.testing.assert_array_equal(restored[name], before[name], err_msg=name)
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    assert document.scenario == document.baseline()
    for name, values in kpis(document).items():
        np.testing.assert_array_equal(values, baseline[name], err_msg=name)
