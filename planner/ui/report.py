"""One-click PDF brief: scenario summary, KPI table with deltas and bands, the main charts and
the sources, drawn with QPdfWriter and QPainter over as many A4 pages as it needs."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMarginsF
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPalette, QPdfWriter
from PySide6.QtWidgets import QWidget

from planner.model.catalog import LeverSpec, ParamSpec, cited_sources
from planner.model.results import LEVERAGE_KPI
from planner.ui.charts.base import ChartInput
from planner.ui.compare import compare_frame
from planner.ui.dashboard import CHART_GRID, lens_country
from planner.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES
from planner.ui.kpi_numbers import change_text, decimals_for, side_of_band, value_text
from planner.ui.kpi_wording import (
    leverage_threat,
    outside_band_note,
    threat_sentence,
    unit_text,
)
from planner.ui.labels import choice_label, humanize, labelled
from planner.ui.lever_info import cell_text

# The lever panel's own unit suffixes and number precision, so that the brief reads each
# parameter exactly as the panel shows it.
from planner.ui.param_controls import display_scale, number_text, unit_suffix
from planner.ui.pdf_pages import PdfPages, ReportInfo

RESOLUTION_DPI = 150
CHART_SIZE_PX = (1000, 560)
MARGIN_MM = 15.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("Report", text)


def _locale(language: str) -> QLocale:
    """The locale of ``language`` (numbers and dates), as the interface uses it."""
    return QLocale(LANGUAGES.get(language, LANGUAGES[DEFAULT_LANGUAGE])[1])


def _pick(labels: Mapping[str, str], language: str, fallback: str) -> str:
    """A database label in ``language``, else in English, else the humanised id."""
    return labels.get(language) or labels.get(DEFAULT_LANGUAGE) or humanize(fallback)


def _value_text(spec: ParamSpec, value: Any, model: Any, language: str) -> str:
    """A parameter value as the lever panel shows it: choice names, locale numbers, units."""
    if spec.kind == "choice":
        return choice_label(str(value), model)
    if spec.kind == "switch":
        return _tr("on") if value else _tr("off")
    if spec.kind == "integer":
        # Years read "2026", without a group separator, as in the panel's spin boxes.
        text, suffix = str(int(value)), unit_suffix(spec.unit)
    else:
        suffix = unit_suffix(spec.unit, display_scale(spec))
        text = number_text(spec, float(value), _locale(language)).removesuffix(suffix)
    # "Weeks of cover: 4", not "Weeks of cover: 4 weeks": the label already names the unit.
    if suffix.strip().lower() in _pick(spec.labels, language, spec.name).lower():
        suffix = ""
    return text + suffix.replace(" ", "\u00a0")  # never wrap between number and unit


def _params_text(spec: LeverSpec, params: Mapping[str, Any], model: Any, language: str) -> str:
    """``Tariff rate: 25 % · Start year: 2026`` in the catalog's parameter order."""
    parts = [
        labelled(_pick(p.labels, language, name), _value_text(p, params[name], model, language))
        for name, p in spec.params.items()
        if params.get(name) is not None  # an optional value left unset says nothing
    ]
    # A parameter the catalog does not know (a file from another model version): as given.
    parts += [labelled(humanize(k), str(v)) for k, v in params.items() if k not in spec.params]
    return " · ".join(parts)


def _lever_line(
    model: Any, scenario: Any, lever_id: str, given: Mapping[str, Any], language: str
) -> str:
    catalog = model.catalog
    spec = catalog.levers.get(lever_id) or catalog.shocks.get(lever_id)
    if spec is None:  # not in this model's catalog: say what the file says
        given_text = " · ".join(labelled(humanize(k), str(v)) for k, v in given.items())
        return f"• {humanize(lever_id)} — {given_text}" if given else f"• {humanize(lever_id)}"
    try:
        params = scenario.effective_params(catalog, lever_id)
    except (AttributeError, KeyError, TypeError, ValueError):
        params = dict(given)
    text = _params_text(spec, params, model, language)
    name = _pick(spec.labels, language, lever_id)
    return f"• {name} — {text}" if text else f"• {name}"


def _alignment_line(model: Any, partner: str, value: str, language: str) -> str:
    spec = model.catalog.alignment_specs.get(partner)
    name = _pick(spec.labels, language, partner) if spec is not None else humanize(partner)
    return "• " + labelled(name, choice_label(str(value), model))


def _active_settings(model: Any, scenario: Any, language: str) -> tuple[list[str], list[str]]:
    """Readable lines for what the scenario switches on, and the lever ids involved."""
    lines, ids = [], []
    for lever_id, setting in scenario.levers.items():
        if setting.enabled:
            ids.append(lever_id)
            lines.append(_lever_line(model, scenario, lever_id, setting.params, language))
    for partner, value in scenario.alignments.items():
        if value != "none":
            ids.append(partner)
            lines.append(_alignment_line(model, partner, value, language))
    for shock in scenario.shocks:
        ids.append(shock.id)
        lines.append(_lever_line(model, scenario, shock.id, shock.params, language))
    return lines, ids


def _paper_palette() -> QPalette:
    """Black on white whatever the screen theme: a brief is printed, and a dark ground would
    be unreadable on paper and spend the ink."""
    palette = QPalette(QColor("#efefef"), QColor("#ffffff"))  # button, window
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, "#ffffff"),
        (role.Base, "#ffffff"),
        (role.AlternateBase, "#f5f5f5"),
        (role.WindowText, "#000000"),
        (role.Text, "#000000"),
        (role.ButtonText, "#000000"),
        (role.PlaceholderText, "#5f5f5f"),
    ):
        palette.setColor(r, QColor(colour))
    return palette


def _print_colours(chart: QWidget) -> None:
    """Give a chart drawn for the brief the paper palette, the window's charts keeping the
    screen's: charts take their colours from their palette (Colours.from_palette)."""
    paper = _paper_palette()
    # Under the app's style sheet a palette set on a widget does not reach its children
    # (the title and read-out labels), so each one gets it.
    for widget in (chart, *chart.findChildren(QWidget)):
        widget.setPalette(paper)


def _chart_images(model: Any, data: ChartInput) -> list[tuple[str, Any]]:
    """Each dashboard chart drawn off screen at a fixed size, with its title."""
    images = []
    for _name, cls, _row, _col in CHART_GRID:
        chart = cls(model)
        _print_colours(chart)
        chart.resize(*CHART_SIZE_PX)
        chart.set_input(data)
        chart.layout().activate()
        image = chart.grab().toImage()
        images.append((chart.title_label.text(), image))
        chart.deleteLater()
    return images


def _brief_date(language: str, date: QDate | None = None) -> str:
    """Today in the long form of the language's locale: a four-digit year and a month name,
    so that no reader takes 11/12 for 12 November or 11 December."""
    date = date or QDate.currentDate()
    return _locale(language).toString(date, QLocale.FormatType.LongFormat)


def _source_text(source_id: str, source: Any) -> str:
    """``[id] Title. Publisher. Year. Locator`` leaving out the parts the database lacks."""
    parts = [cell_text(source.get(c)) for c in ("title", "publisher", "year", "locator")]
    return f"[{source_id}] " + ". ".join(p for p in parts if p)


def _kpi_cells(row: Any, bands: Any, y: int, locale: QLocale) -> tuple[list[str], bool]:
    """Baseline, scenario, change and p10-p90 of a compare_frame row as the KPI card writes
    them (the scenario value's digits, ``locale``'s separators, a sign on the change), and
    whether the value lies outside its band (its cell then ends in " *")."""
    digits = decimals_for(row.scenario)
    band, outside = "–", False
    if bands is not None and row.id in bands:
        b = np.asarray(bands[row.id])
        band = f"{value_text(b[0, y], digits, locale)} – {value_text(b[2, y], digits, locale)}"
        outside = side_of_band(row.scenario, (b[0, y], b[2, y]), digits) != 0
        band += " *" if outside else ""
    cells = [
        value_text(row.baseline, digits, locale),
        value_text(row.scenario, digits, locale),
        change_text(row.scenario_delta, digits, locale),
        band,
    ]
    return cells, outside


def _leverage_line(results: Any, year: int, locale: QLocale, label: str) -> str:
    """The leverage card's sentence naming the two welfare changes behind the ratio in
    ``year``, after ``label``; "" when ``results`` carry no finite losses for it."""
    threat = leverage_threat(results, results.year_index(year)) if year in results.years else None
    if threat is None or not all(np.isfinite(threat)):
        return ""
    return labelled(label, threat_sentence(threat, year, locale))


def write_report(
    path: str | Path,
    model: Any,
    results: Any,
    pinned: Mapping[str, Any] | None = None,
    lens: str | None = None,
    year: int | None = None,
    language: str = "en",
    show_bands: bool = True,
) -> ReportInfo:
    """Write the PDF brief of ``results`` to ``path``; return what was drawn."""
    scenario = results.scenario
    lens = lens or str(scenario.lens)
    years = [int(v) for v in results.years]
    year = years[-1] if year is None else int(year)
    y = results.year_index(year)
    info = ReportInfo(Path(path))
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(str(scenario.name))
    writer.setCreator("USMCA Scenario Planner")
    pages = PdfPages(writer, info)
    try:
        lenses = model.lenses.set_index("id")
        column = f"label_{language}" if f"label_{language}" in lenses else "label_en"
        lens_name = str(lenses.at[lens, column]) if lens in lenses.index else lens
        pages.text(_tr("USMCA Scenario Planner — scenario brief"), 10, bold=True)
        pages.text(str(scenario.name), 18, bold=True)
        pages.text(str(getattr(scenario, "description", "") or ""))
        pages.text(
            _tr(
                "Lens: {lens} · year shown: {year} · model {version} ({fingerprint}) · {date}"
            ).format(
                lens=lens_name,
                year=year,
                version=results.model_version,
                fingerprint=str(results.model_fingerprint)[:19],
                date=_brief_date(language),
            ),
            8.5,
        )
        lines, active_ids = _active_settings(model, scenario, language)
        pages.text(_tr("What this scenario switches on"), 12, bold=True)
        pages.text("\n".join(lines) if lines else _tr("Nothing: this is the baseline."))

        pages.text(_tr("Key numbers against the baseline"), 12, bold=True)
        frame = compare_frame(model, {"scenario": results}, lens, year, language)
        widths = [0.34, 0.12, 0.13, 0.13, 0.13, 0.15]
        pages.row(
            [
                _tr("Indicator"),
                _tr("Unit"),
                _tr("Baseline"),
                _tr("Scenario"),
                _tr("Change"),
                "p10–p90",
            ],
            widths,
            bold=True,
        )
        bands = getattr(results, "bands", None) if show_bands else None
        locale = _locale(language)
        outside = False
        for row in frame.itertuples(index=False):
            cells, marked = _kpi_cells(row, bands, y, locale)
            pages.row([row.label, unit_text(str(row.unit), locale), *cells], widths)
            outside |= marked
        for row in frame[frame["id"] == LEVERAGE_KPI].itertuples(index=False):
            # A ratio of two small losses says little: the card's sentence names them.
            pages.text(_leverage_line(results, year, locale, str(row.label)), 8)
        if outside:
            # The KPI cards' own note: a value outside its band needs its reason beside it.
            pages.text(f"* {outside_band_note()}", 8)
        if pinned:
            pages.text(_tr("Pinned scenarios"), 12, bold=True)
            columns = {k: v for k, v in sorted(pinned.items()) if v is not None}
            pinned_frame = compare_frame(model, columns, lens, year, language)
            names = list(columns)
            share = 0.66 / max(len(names), 1)
            pages.row(
                [_tr("Indicator")] + [f"{n} ({columns[n].scenario.name})" for n in names],
                [0.34] + [share] * len(names),
                bold=True,
            )
            for r in range(len(pinned_frame)):
                cells = []
                for n in names:
                    value = pinned_frame.at[r, n]
                    digits = decimals_for(value)  # each value's own digits, as on its card
                    delta = change_text(pinned_frame.at[r, f"{n}_delta"], digits, locale)
                    cells.append(f"{value_text(value, digits, locale)} ({delta})")
                pages.row([str(pinned_frame.at[r, "label"]), *cells], [0.34] + [share] * len(names))
            if (pinned_frame["id"] == LEVERAGE_KPI).any():
                for n in names:
                    label = f"{n} ({columns[n].scenario.name})"  # as the table's header
                    pages.text(_leverage_line(columns[n], year, locale, label), 8)

        data = ChartInput(
            results, dict(pinned or {}), lens, lens_country(model, lens), show_bands, y, language
        )
        pages.new_page()
        pages.text(_tr("Charts"), 12, bold=True)
        for title, image in _chart_images(model, data):
            pages.picture(image, title)

        pages.new_page()
        pages.text(_tr("Sources"), 12, bold=True)
        effects = model.lever_effects[model.lever_effects["lever_id"].isin(active_ids)]
        cited_ids = cited_sources(
            model.levers.loc[model.levers["id"].isin(active_ids), "source_id"].fillna(""),
            effects[["lever_id", "option", "key", "source_id"]].fillna("").astype(str).values,
        )
        sources = model.sources.set_index("id")
        for heading, ids in (
            (_tr("Behind this scenario's levers and shocks"), cited_ids),
            (_tr("Every source of the model database"), list(sources.index)),
        ):
            pages.text(heading, 10.5, bold=True)
            for sid in ids:
                if sid not in sources.index:
                    continue
                pages.text(_source_text(sid, sources.loc[sid]), 8, gap=0.15)
    finally:
        pages.close()
    return info
