"""The USMCA review calendar (model.timeline) above the scenario's own events: lever and shock
start years, shock end years, partner alignments and the review outcome.

Only the key milestones carry a label (laid out on rows so that none overlaps); every event
names itself in the hover read-out, and in the keyboard's (lane by lane, in date order).
Dated milestones are thin ticks, so that a busy stretch (2025-26) reads as separate dates
rather than one black bar.  Claims whose source is the seed article (sources.kind
``article``) sit on their own lane as hollow markers marked "(unverified)", a clump of them
staggered above and below the lane's middle.  The lanes' geometry and the calendar's rows are
in timeline_lanes, the keys' walk along the lanes in timeline_keys, and what the plot's pixel
size lays out (the x range's margins, the claims' sub-rows, the milestone labels) in
timeline_layout.
"""

from __future__ import annotations

from html import escape
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainterPath
from PySide6.QtWidgets import QWidget

from planner.ui.charts.base import ChartInput, ChartPanel, Colours
from planner.ui.charts.items import Markers
from planner.ui.charts.label_box import LabelBox
from planner.ui.charts.timeline_keys import LaneStepping
from planner.ui.charts.timeline_lanes import (
    ARTICLE_LANE,
    ARTICLE_Y,
    BADGE_PX,
    CALENDAR_LANE,
    CALENDAR_Y,
    CLAIM_PEN_PX,
    CLAIM_PX,
    LABEL_ROWS,
    SCENARIO_LANE,
    SCENARIO_Y,
    STACK_ROOM,
    STACK_STEP,
    TICK_PX,
    TICK_WIDTH_PX,
    calendar_frame,
    lane_ends,
    lane_frames,
)
from planner.ui.charts.timeline_layout import LaneLayout
from planner.ui.labels import choice_label, labelled

import pyqtgraph as pg  # isort: skip

EVENT_POOL = 32  # more scenario events than levers and shocks exist


def _tr(text: str) -> str:
    return QCoreApplication.translate("Timeline", text)


class TimelineChart(LaneStepping, LaneLayout, ChartPanel):
    """Three lanes on a time axis: the dated review calendar, the seed article's unverified
    claims (hollow markers), and this scenario's events."""

    def __init__(self, model: Any, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.setObjectName("timeline")
        self.calendar = calendar_frame(model)
        # The calendar's two lanes in date order: the order the hover and the keys read them in.
        self.lane_frames = lane_frames(self.calendar)
        years = np.asarray(model.years)
        self.lane_ends = lane_ends(self.calendar, years)
        first, last = min(x for x, _ in self.lane_ends), max(x for x, _ in self.lane_ends)
        self.x_range = (first - 0.3, last + 0.3)  # until _fit_x_range knows the pixels
        self.horizon = pg.LinearRegionItem(
            values=(float(years.min()), float(years.max()) + 1.0), movable=False
        )
        self.horizon.setZValue(-2.0)  # under everything, the year line included
        self.plot.addItem(self.horizon)
        verified = self.calendar[~self.calendar["unverified"]]
        claimed = self.calendar[self.calendar["unverified"]]
        tick = QPainterPath()
        tick.addRect(-0.5 * TICK_WIDTH_PX / TICK_PX, -0.5, TICK_WIDTH_PX / TICK_PX, 1.0)
        self.calendar_marks = Markers(
            x=verified["x"].to_numpy(),
            y=np.full(len(verified), CALENDAR_Y),
            symbol=tick,
            size=TICK_PX,
        )
        self.plot.addItem(self.calendar_marks)
        # Sorted by date: stagger() alternates the sub-rows of neighbours in time.
        self.claim_x = np.sort(claimed["x"].to_numpy(float))
        self.article_marks = Markers(
            x=self.claim_x, y=np.full(len(claimed), ARTICLE_Y), symbol="o", size=CLAIM_PX
        )
        self.plot.addItem(self.article_marks)
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 2.0, 6.0))
        self.small_font = small
        keys = self.calendar[self.calendar["key"]].drop_duplicates("date")
        self.key_rows = keys.index.to_numpy()
        self.calendar_labels = [pg.TextItem(anchor=(0, 0.5)) for _ in range(len(keys))]
        self.article_note = pg.TextItem(anchor=(0, 0.5))
        self.article_note.setVisible(len(claimed) > 0)
        self.scenario_marks = Markers(symbol="s", size=BADGE_PX, capacity=EVENT_POOL)
        self.plot.addItem(self.scenario_marks)
        self.scenario_labels = [pg.TextItem(anchor=(0.5, 0.5)) for _ in range(EVENT_POOL)]
        # The list sits in a box of its own, three lines high and as wide as the panel: a
        # label straight in the panel's layout would re-lay the panel, the dashboard and the
        # main window whenever its text changes (every toggle), whatever its size.
        self.event_box = LabelBox(QFontMetrics(small).lineSpacing() * 3 + 4, self)
        self.event_list = self.event_box.label
        self.event_list.setWordWrap(True)
        self.event_list.setFont(small)
        self.event_list.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.layout().insertWidget(2, self.event_box)
        for label in [*self.calendar_labels, self.article_note, *self.scenario_labels]:
            label.setFont(small)
            # Boxes a line high (11 px): label rows 12 px apart (the smallest chart) and
            # the numbers on their badges do not touch.
            label.textItem.document().setDocumentMargin(0.0)
            self.cache_item(label.textItem)  # a pixmap: repainted areas copy it, not draw it
            self.plot.addItem(label)
        self.year_marker = pg.InfiniteLine(angle=90, movable=False)
        # Behind the markers and labels, whose background hides it where it would cross
        # their text (at the default year, 2036, it ran through "End of new 16-year term").
        self.year_marker.setZValue(-1.0)
        self.plot.addItem(self.year_marker, ignoreBounds=True)
        # What a toggle leaves as it was: pixmaps, copied where the scenario's lane repaints.
        for item in (self.horizon, self.calendar_marks, self.article_marks, self.year_marker):
            self.cache_item(item)
        self.plot.setXRange(*self.x_range, padding=0)
        self._stack_depth = 0
        self._set_stack_depth(STACK_ROOM)
        self.add_legend(columns=2)
        self.legend.layout.setVerticalSpacing(-6)  # two rows as tight as the corridor map's
        # The x range's margins, the claims' sub-rows and the label rows depend on the
        # plot's pixel size, known once the layout has run: laid out again when the plot
        # resizes, and only then.  (Not on the panel's resize as well: that came first, with
        # the plot's old width, and every resize laid the chart out twice.)
        self.plot.vb.sigResized.connect(lambda *_: self._lay_out())
        self._rows: list[tuple[float, str]] | None = None
        self._names: dict[str, dict[str, str]] = {}
        self.finish_setup()

    def retranslate(self) -> None:
        self._rows = None  # event texts are translated: redraw them
        self.set_title(_tr("USMCA review calendar and this scenario's events"))
        axis = self.plot.getAxis("left")
        names = [
            (CALENDAR_Y, _tr("Review calendar")),
            (ARTICLE_Y, _tr("Article claims")),
            (SCENARIO_Y, _tr("Scenario")),
        ]
        axis.setTicks([names])
        axis.setWidth(
            max(QFontMetrics(self.view.font()).horizontalAdvance(t) for _, t in names) + 14
        )
        self.plot.setLabel("bottom", _tr("year"))
        self._set_label_text(self.article_note, _tr("(unverified)"))
        self.set_legend_entries(
            [
                (self.calendar_marks, _tr("Dated milestone")),
                (self.scenario_marks, _tr("Scenario event")),
                (self.article_marks, _tr("Seed article claim (unverified)")),
            ],
            force=True,
        )
        self._span_last_legend_entry()
        self._lay_out()
        if self.current is not None:
            self.set_input(self.current)

    def _set_stack_depth(self, depth: int) -> None:
        """Room under the scenario's lane for ``depth`` same-year events (at least
        STACK_ROOM): the y range changes only when the deepest stack outgrows it."""
        depth = max(depth, STACK_ROOM)
        if depth != self._stack_depth:
            self._stack_depth = depth
            bottom = SCENARIO_Y - (depth - 1) * STACK_STEP - 0.5
            self.plot.setYRange(bottom, CALENDAR_Y + LABEL_ROWS + 0.5, padding=0)

    def _span_last_legend_entry(self) -> None:
        """Let the seed article's entry (the longest in every language) run under both
        columns: in two columns of their own it made the legend, and with it the chart's
        scene, wider than a narrow panel (Spanish, French), and the right end of the time
        axis, with the last milestone's label, was cut off."""
        layout = self.legend.layout
        _sample, label = self.legend.items[-1]
        layout.removeItem(label)
        layout.addItem(label, 1, 1, 1, 3)
        self.legend.updateSize()

    def apply_colours(self, colours: Colours) -> None:
        self.calendar_marks.setBrush(pg.mkBrush(colours.fg))
        self.calendar_marks.setPen(pg.mkPen(None))
        # Hollow: an outline only, so a claim nobody confirmed never looks like a dated fact.
        self.article_marks.setBrush(pg.mkBrush(colours.bg))
        self.article_marks.setPen(pg.mkPen(colours.bad, width=CLAIM_PEN_PX))
        self.article_note.setColor(colours.bad)
        # Text on the window colour: the year line passes behind the labels, not through them.
        for label in [*self.calendar_labels, self.article_note]:
            self._set_label_text(label, label.toPlainText())
        self.scenario_marks.setBrush(pg.mkBrush(colours.scenario))
        for label in self.scenario_labels:  # the number on its badge
            label.setColor(colours.bg)
        self.scenario_marks.setPen(pg.mkPen(None))
        shade = pg.mkColor(colours.scenario)
        shade.setAlphaF(0.08)
        self.horizon.setBrush(pg.mkBrush(shade))
        for line in self.horizon.lines:
            line.setPen(pg.mkPen(None))
        for label in self.calendar_labels:
            label.setColor(colours.fg)
        self.year_marker.setPen(pg.mkPen(colours.baseline, width=1))
        super().apply_colours(colours)

    def _set_label_text(self, label: pg.TextItem, text: str) -> None:
        """Set a label's text on the window colour.  The background is the text document's
        own (painted by Qt with the text, into the item's cached pixmap), not the TextItem's
        fill: a fill is a Python paint on every repaint of the area, and setting the text
        resets the document's background, so it is set again here each time."""
        label.setText(text)
        document = label.textItem.document()
        frame = document.rootFrame()
        style = frame.frameFormat()
        style.setBackground(pg.mkBrush(self.colours.bg))
        frame.setFrameFormat(style)

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
                choice = choice_label(str(value), self.model)
                rows.append((start, labelled(names.get(partner, partner), choice)))
        for shock in getattr(scenario, "shocks", ()) or ():
            p = params(shock.id, getattr(shock, "params", {}))
            when = float(p.get("start_year", p.get("year", start)))
            label = names.get(shock.id, shock.id)
            if "outcome" in p:
                label = labelled(label, choice_label(str(p["outcome"]), self.model))
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
        # Events of the same year stack downwards, a row apart; each badge carries its number
        # in the list below.
        rank = np.zeros(len(rows))
        for k in range(1, len(rows)):
            rank[k] = rank[k - 1] + 1 if xs[k] == xs[k - 1] else 0
        self._set_stack_depth(int(rank.max(initial=0)) + 1)
        ys = SCENARIO_Y - rank * STACK_STEP
        self.scenario_marks.set_points(xs, ys)
        for k, label in enumerate(self.scenario_labels):
            show = k < len(xs)
            if show != label.isVisible():
                label.setVisible(show)
            if show:
                label.setText(str(k + 1))
                label.setPos(float(xs[k]), float(ys[k]))
        items = [
            f"<b>{k + 1}</b>&nbsp;{int(x)}&nbsp;{escape(text)}" for k, (x, text) in enumerate(rows)
        ]
        self.event_list.setText(
            " · ".join(items) if items else _tr("No levers or shocks switched on.")
        )
        # A rich-text label lays its text out when it first paints, and that layout asks for
        # an update from inside the paint: Qt then posts it and the label paints a second
        # time.  Asking for its height at its own width lays the text out now, once (its
        # size hint would also try other widths).
        self.event_list.heightForWidth(self.event_list.width())

    @property
    def events(self) -> pd.DataFrame:
        """The scenario's events as (x, event) rows; built when asked (hover, export): a
        DataFrame on every toggle cost more than the rest of the chart's update."""
        return pd.DataFrame(self._rows or [], columns=["x", "event"])

    def hover_text(self, x: float, y: float) -> str:
        if y > (CALENDAR_Y + ARTICLE_Y) / 2:
            lane = CALENDAR_LANE
        elif y > (ARTICLE_Y + SCENARIO_Y) / 2:
            lane = ARTICLE_LANE
        else:
            lane = SCENARIO_LANE
        xs = self._lane_xs(lane)
        if not len(xs):
            return ""
        k = int(np.abs(xs - x).argmin())
        if abs(float(xs[k]) - x) > 0.6:
            return ""
        # Markers of one date draw on top of each other: the mouse reads them all, the date
        # written once (the keys step through them one by one).
        parts = [self._marker_parts(lane, j) for j in np.flatnonzero(xs == xs[k])]
        return labelled(parts[0][0], " · ".join(event for _, event in parts))

    def _lane_xs(self, lane: int) -> np.ndarray:
        """The dates (decimal years) of lane ``lane``'s markers (an index into LANE_YS), in
        date order."""
        if lane == SCENARIO_LANE:
            return np.array([x for x, _ in self._rows or []], dtype=float)
        return self.lane_frames[lane]["x"].to_numpy(float)

    def _marker_text(self, lane: int, k: int) -> str:
        """The read-out of marker ``k`` (in date order) of lane ``lane``, hover's and keys'."""
        return labelled(*self._marker_parts(lane, k))

    def _marker_parts(self, lane: int, k: int) -> tuple[str, str]:
        """Marker ``k``'s date and what happens then (with the unverified mark)."""
        if lane == SCENARIO_LANE:
            x, event = (self._rows or [])[k]
            when, unverified = str(int(x)), False
        else:
            row = self.lane_frames[lane].iloc[k]
            when, event, unverified = str(row["date"]), row["event"], bool(row["unverified"])
        if unverified:
            event += " — " + _tr("unverified: only the seed article says so")
        return when, event

    def table(self) -> pd.DataFrame:
        calendar = self.calendar.assign(
            lane=np.where(self.calendar["unverified"], "article (unverified)", "calendar")
        )[["lane", "date", "event", "actor", "status"]]
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
