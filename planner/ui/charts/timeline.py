"""The USMCA review calendar (model.timeline) above the scenario's own events: lever and shock
start years, shock end years, partner alignments and the review outcome."""

from __future__ import annotations

import re
from html import escape
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from planner.ui.charts.base import ChartInput, ChartPanel, Colours

import pyqtgraph as pg  # isort: skip

CALENDAR_Y = 1.0
SCENARIO_Y = 0.0
LANE_STEP = 0.28
LANES = 3
MAX_LABEL_CHARS = 34
EVENT_POOL = 32  # more scenario events than levers and shocks exist


def _tr(text: str) -> str:
    return QCoreApplication.translate("Timeline", text)


def decimal_year(date: str) -> float:
    """'2026-07-01' -> 2026.5; '2026-01 (early)' -> 2026.0; '2027' -> 2027.0."""
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", str(date))
    if not m:
        return float("nan")
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    return year + (month - 1) / 12 + (day - 1) / 365


def short(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def assign_lanes(xs: np.ndarray, widths: np.ndarray, lanes: int) -> np.ndarray:
    """Greedy lanes for labels starting at xs with the given widths; -1 when none is free."""
    ends = np.full(lanes, -np.inf)
    result = np.full(len(xs), -1)
    for i in np.argsort(xs, kind="stable"):
        free = np.flatnonzero(ends <= xs[i])
        if len(free):
            result[i] = free[0]
            ends[free[0]] = xs[i] + widths[i]
    return result


class TimelineChart(ChartPanel):
    """Two lanes on a time axis: the dated review calendar and this scenario's events."""

    def __init__(self, model: Any, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.setObjectName("timeline")
        table = model.timeline
        self.calendar = pd.DataFrame(
            {
                "x": [decimal_year(d) for d in table["date"]],
                "date": table["date"].astype(str),
                "event": table["event"].astype(str),
                "actor": table["actor"].astype(str) if "actor" in table else "",
                "status": table["status"].astype(str) if "status" in table else "",
            }
        )
        self.calendar = self.calendar[self.calendar["x"] >= model.base_year].reset_index(drop=True)
        years = np.asarray(model.years)
        self.x_range = (
            float(model.base_year) - 0.3,
            float(max(years.max() + 1, np.nanmax(self.calendar["x"], initial=0))) + 0.3,
        )
        self.horizon = pg.LinearRegionItem(
            values=(float(years.min()), float(years.max()) + 1.0), movable=False
        )
        self.plot.addItem(self.horizon)
        self.calendar_marks = pg.ScatterPlotItem(
            x=self.calendar["x"].to_numpy(),
            y=np.full(len(self.calendar), CALENDAR_Y),
            symbol="o",
            size=7,
        )
        self.plot.addItem(self.calendar_marks)
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 2.0, 6.0))
        self.small_font = small
        self.calendar_labels = [pg.TextItem(anchor=(0, 0.5)) for _ in range(len(self.calendar))]
        self.scenario_marks = pg.ScatterPlotItem(symbol="t1", size=10)
        self.plot.addItem(self.scenario_marks)
        self.scenario_labels = [pg.TextItem(anchor=(0, 0.5)) for _ in range(EVENT_POOL)]
        self.event_list = QLabel(self)
        self.event_list.setWordWrap(True)
        self.event_list.setFont(small)
        # A fixed height: a list that grows or shrinks would re-lay the whole chart.
        self.event_list.setFixedHeight(QFontMetrics(small).lineSpacing() * 3 + 4)
        self.event_list.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.layout().insertWidget(2, self.event_list)
        for label in self.calendar_labels + self.scenario_labels:
            label.setFont(small)
            self.plot.addItem(label)
        self.year_marker = pg.InfiniteLine(angle=90, movable=False)
        self.plot.addItem(self.year_marker, ignoreBounds=True)
        self.plot.setXRange(*self.x_range, padding=0)
        self.plot.setYRange(SCENARIO_Y - LANES * LANE_STEP - 0.1, CALENDAR_Y + LANES * LANE_STEP)
        self.add_legend(columns=3)
        self.events = pd.DataFrame(columns=["x", "event"])
        self._rows: list[tuple[float, str]] | None = None
        self._names: dict[str, dict[str, str]] = {}
        self.finish_setup()

    def retranslate(self) -> None:
        self._rows = None  # event texts are translated: redraw them
        self.set_title(_tr("USMCA review calendar and this scenario's events"))
        axis = self.plot.getAxis("left")
        names = [(CALENDAR_Y, _tr("Review calendar")), (SCENARIO_Y, _tr("Scenario"))]
        axis.setTicks([names])
        axis.setWidth(
            max(QFontMetrics(self.view.font()).horizontalAdvance(t) for _, t in names) + 14
        )
        self.plot.setLabel("bottom", _tr("year"))
        self.set_legend_entries(
            [
                (self.calendar_marks, _tr("Dated milestone")),
                (self.scenario_marks, _tr("Scenario event")),
            ],
            force=True,
        )
        if self.current is not None:
            self.set_input(self.current)

    def apply_colours(self, colours: Colours) -> None:
        self.calendar_marks.setBrush(pg.mkBrush(colours.fg))
        self.calendar_marks.setPen(pg.mkPen(None))
        self.scenario_marks.setBrush(pg.mkBrush(colours.scenario))
        self.scenario_marks.setPen(pg.mkPen(None))
        shade = pg.mkColor(colours.scenario)
        shade.setAlphaF(0.08)
        self.horizon.setBrush(pg.mkBrush(shade))
        for line in self.horizon.lines:
            line.setPen(pg.mkPen(None))
        for label in self.calendar_labels:
            label.setColor(colours.fg)
        for label in self.scenario_labels:
            label.setColor(colours.fg)
        self.year_marker.setPen(pg.mkPen(colours.baseline, width=1))
        super().apply_colours(colours)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._place_calendar_labels()

    def _units_per_px(self) -> float:
        width = max(self.plot.vb.width(), self.view.width() * 0.8, 50.0)
        return (self.x_range[1] - self.x_range[0]) / width

    def _label_widths(self, texts: list[str]) -> np.ndarray:
        metrics = QFontMetrics(self.small_font)
        px = np.array([metrics.horizontalAdvance(t) + 6 for t in texts], dtype=float)
        return px * self._units_per_px()

    def _place_calendar_labels(self) -> None:
        """Label as many milestones as fit on three lanes; the rest show on hover."""
        texts = [short(e) for e in self.calendar["event"]]
        xs = self.calendar["x"].to_numpy()
        widths = self._label_widths(texts)
        # A label that would run off the right edge ends at its milestone instead.
        flipped = xs + widths > self.x_range[1]
        lanes = assign_lanes(np.where(flipped, xs - widths, xs), widths, LANES)
        for k, label in enumerate(self.calendar_labels):
            label.setVisible(bool(lanes[k] >= 0))
            if lanes[k] >= 0:
                label.setAnchor((1.0 if flipped[k] else 0.0, 0.5))
                label.setText(texts[k])
                label.setPos(float(xs[k]), CALENDAR_Y + (lanes[k] + 1) * LANE_STEP * 0.9)

    def scenario_events(self, data: ChartInput) -> list[tuple[float, str]]:
        """The dated events of the scenario as (year, text), sorted by time."""
        scenario = data.results.scenario
        start = float(data.results.years[0])
        names = self._lever_names(data.language)

        def params(lever_id: str, given: dict) -> dict:
            try:
                return dict(scenario.effective_params(self.model.catalog, lever_id))
            except (AttributeError, KeyError, TypeError, ValueError):
                return dict(given)

        rows: list[tuple[float, str]] = []
        for lever_id, setting in (getattr(scenario, "levers", {}) or {}).items():
            if getattr(setting, "enabled", False):
                p = params(lever_id, getattr(setting, "params", {}))
                rows.append((float(p.get("start_year", start)), names.get(lever_id, lever_id)))
        for partner, value in (getattr(scenario, "alignments", {}) or {}).items():
            if value and value != "none":
                rows.append((start, f"{names.get(partner, partner)}: {value}"))
        for shock in getattr(scenario, "shocks", ()) or ():
            p = params(shock.id, getattr(shock, "params", {}))
            when = float(p.get("start_year", p.get("year", start)))
            label = names.get(shock.id, shock.id)
            if "outcome" in p:
                label = f"{label}: {p['outcome']}"
            rows.append((when, label))
            if p.get("end_year") is not None:
                rows.append((float(p["end_year"]) + 1.0, _tr("{name} ends").format(name=label)))
        return sorted(rows, key=lambda row: row[0])

    def _lever_names(self, language: str) -> dict[str, str]:
        if language not in self._names:
            levers = self.model.levers
            column = f"label_{language}" if f"label_{language}" in levers else "label_en"
            self._names[language] = dict(zip(levers["id"], levers[column].astype(str), strict=True))
        return self._names[language]

    def set_input(self, data: ChartInput) -> None:
        super().set_input(data)
        rows = self.scenario_events(data)
        self.year_marker.setValue(float(data.year) + 0.5)
        if rows == self._rows:
            return  # the same events: nothing to redraw (most toggles)
        self._rows = rows
        xs = np.array([x for x, _ in rows], dtype=float)
        # Events of the same year stack downwards; each carries its number in the list below.
        rank = np.zeros(len(rows))
        for k in range(1, len(rows)):
            rank[k] = rank[k - 1] + 1 if xs[k] == xs[k - 1] else 0
        ys = SCENARIO_Y - rank * LANE_STEP
        self.scenario_marks.setData(x=xs, y=ys)
        for k, label in enumerate(self.scenario_labels):
            show = k < len(xs)
            label.setVisible(show)
            if show:
                label.setText(str(k + 1))
                label.setPos(float(xs[k]) + 0.12, float(ys[k]))
        items = [
            f"<b>{k + 1}</b>&nbsp;{int(x)}&nbsp;{escape(text)}" for k, (x, text) in enumerate(rows)
        ]
        self.event_list.setText(
            " · ".join(items) if items else _tr("No levers or shocks switched on.")
        )
        self.events = pd.DataFrame(rows, columns=["x", "event"])

    def hover_text(self, x: float, y: float) -> str:
        frame = self.calendar if y > (CALENDAR_Y + SCENARIO_Y) / 2 else self.events
        if frame.empty:
            return ""
        i = int(np.abs(frame["x"].to_numpy(float) - x).argmin())
        row = frame.iloc[i]
        if abs(float(row["x"]) - x) > 0.6:
            return ""
        when = row["date"] if "date" in frame else str(int(row["x"]))
        return f"{when}: {row['event']}"

    def table(self) -> pd.DataFrame:
        calendar = self.calendar.assign(lane="calendar")[
            ["lane", "date", "event", "actor", "status"]
        ]
        scenario = pd.DataFrame(
            {
                "lane": "scenario",
                "date": self.events["x"].astype(int).astype(str),
                "event": self.events["event"],
                "actor": "",
                "status": "",
            }
        )
        return pd.concat([calendar, scenario], ignore_index=True)
