"""The PDF brief, the comparison table and the results export."""

from __future__ import annotations

import chart_support
import numpy as np
import pandas as pd
import pytest
from PySide6.QtWidgets import QTableView

from planner.errors import InputError
from planner.ui.compare import CompareDialog, compare_frame
from planner.ui.export_dialog import export_results
from planner.ui.report import write_report

# The shared fixtures (see tests/chart_support.py).
model, tariff_results, run = chart_support.model, chart_support.tariff_results, chart_support.run
pytestmark = pytest.mark.gui


def test_report_is_a_multi_page_pdf_naming_the_scenario(qtbot, model, tariff_results, tmp_path):
    pinned = run(model, "mexico_diversifies_partners")
    path = tmp_path / "brief.pdf"
    info = write_report(path, model, tariff_results, {"A": pinned}, year=2030)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert info.pages > 1 and data.count(b"/Type /Page\n") + data.count(b"/Type/Page") >= 1
    assert tariff_results.scenario.name in info.drawn
    # The KPI table carries the Results numbers of the lens at the chosen year.
    frame = compare_frame(model, {"scenario": tariff_results}, "analyst", 2030)
    for label in frame["label"]:
        assert label in info.drawn
    # Every chart is in, under its title, and every source id of the model is listed.
    assert sum("Welfare change" in s for s in info.drawn) == 1
    listed = {s.split("]")[0].lstrip("[") for s in info.drawn if s.startswith("[")}
    assert set(model.sources["id"]) <= listed


def test_compare_table_puts_pinned_scenarios_side_by_side(qtbot, model, tariff_results):
    pinned = run(model, "us_manufacturer_dual_sourcing")
    dialog = CompareDialog(model, tariff_results, {"A": pinned}, lens="us_manufacturer", year=2031)
    qtbot.addWidget(dialog)
    frame = dialog.frame()
    y = list(tariff_results.years).index(2031)
    kid = frame["id"].iloc[0]
    assert frame["A"].iloc[0] == pytest.approx(pinned.kpi[kid][y])
    assert frame["Current_delta"].iloc[0] == pytest.approx(
        tariff_results.kpi[kid][y] - tariff_results.kpi_base[kid][y]
    )
    assert dialog.table.rowCount() == len(frame) == (model.kpis["lens"] == "us_manufacturer").sum()
    assert dialog.table.columnCount() == 3 + 2 * 2
    dialog.all_lenses.setChecked(True)
    assert dialog.table.rowCount() == len(model.kpis)


def test_export_writes_the_tidy_results(model, tariff_results, tmp_path):
    csv = export_results(tariff_results, tmp_path / "out.csv")
    written = pd.read_csv(csv)
    tidy = tariff_results.tidy()
    assert len(written) == len(tidy) and list(written.columns) == list(tidy.columns)
    np.testing.assert_allclose(
        pd.to_numeric(written["scenario"], errors="coerce"),
        pd.to_numeric(tidy["scenario"], errors="coerce"),
        equal_nan=True,
    )
    xlsx = export_results(tariff_results, tmp_path / "out.xlsx")
    kpis = pd.read_excel(xlsx, sheet_name="KPIs")
    assert set(kpis["id"]) == set(tariff_results.kpi_ids)
    with pytest.raises(InputError):
        export_results(tariff_results, tmp_path / "out.txt")


def test_report_marks_a_value_outside_its_band_and_explains_it(qtbot, model, tmp_path):
    """The leverage ratio of the tariff scenario lies below its own p10-p90 range: its band
    cell carries a star, and one footnote under the table says why, in the card's words."""
    from planner.ui.kpi_wording import outside_band_note

    results = run(model, "us_tariff_25_non_usmca", draws=200)
    info = write_report(tmp_path / "brief.pdf", model, results, lens="analyst", year=2036)
    footnote = [s for s in info.drawn if s.startswith("* ")]
    assert footnote == [f"* {outside_band_note()}"]
    assert "lopsided" in footnote[0]
    assert any(s.endswith(" *") for s in info.drawn)
    plain = write_report(tmp_path / "plain.pdf", model, results, lens="analyst", show_bands=False)
    assert not any(s.startswith("* ") for s in plain.drawn)


def test_report_cites_behind_the_levers_only_sources_of_numbers_the_engine_uses(
    qtbot, model, tmp_path
):
    # The FDI lever's base tax rate is kept for reference only (A_MX_CIT): no result rests
    # on it, so the brief's list of what this scenario's numbers rest on must not cite it.
    results = run(model, "mx_sme_south_southeast")
    info = write_report(tmp_path / "brief.pdf", model, results, year=2030)
    start = info.drawn.index("Behind this scenario's levers and shocks")
    end = info.drawn.index("Every source of the model database")
    behind = {s.split("]")[0].lstrip("[") for s in info.drawn[start:end] if s.startswith("[")}
    assert "A_FDI_CAPACITY" in behind  # the lever's capacity effect, which the engine uses
    assert "A_MX_CIT" not in behind
    every = {s.split("]")[0].lstrip("[") for s in info.drawn[end:] if s.startswith("[")}
    assert "A_MX_CIT" in every


def test_the_brief_and_compare_table_write_an_undefined_ratio_as_a_dash(qtbot, model, tmp_path):
    """Under review outcome C there are no preferences left to withdraw: Mexico's leverage
    ratio is undefined (NaN), which neither the brief nor the Compare table may print."""
    withdrawal = run(model, "review_c_withdrawal")
    baseline = run(model, "baseline")
    info = write_report(tmp_path / "brief.pdf", model, withdrawal, {"A": baseline}, year=2036)
    words = {word.strip("(),.:").lower() for text in info.drawn for word in text.split()}
    assert "nan" not in words
    assert any("—" in text for text in info.drawn)
    frame = compare_frame(model, {"scenario": withdrawal}, "analyst", 2036).set_index("id")
    assert np.isnan(frame.loc["mx_leverage_ratio", "scenario"])  # what the dash stands for
    dialog = CompareDialog(model, withdrawal, {"A": baseline}, lens="analyst", year=2036)
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableView)
    cells = [
        str(table.model().data(table.model().index(r, c)))
        for r in range(table.model().rowCount())
        for c in range(table.model().columnCount())
    ]
    assert "—" in cells and not any("nan" in cell.lower() for cell in cells)
