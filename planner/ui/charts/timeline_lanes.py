"""The timeline's lanes without the chart: where each lane sits and how big the markers on it
are, and the USMCA review calendar that fills the upper two (model.timeline read into decimal
years, the key milestones and their headlines, the seed article's unverified claims).

The chart (timeline.TimelineChart) draws them; the keys (timeline_keys.LaneStepping) step
along them.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP

# Lanes, one text row apart (y in rows): the scenario's events at the bottom (same-year events
# stack downwards, a row apart), claims known only from the seed article, the dated review
# calendar, and above it up to LABEL_ROWS rows of milestone labels.
SCENARIO_Y = 0.0
ARTICLE_Y = 1.0
CALENDAR_Y = 2.0
# The lanes top to bottom (as Up and Down step), numbered for the hover and the keys.
LANE_YS = (CALENDAR_Y, ARTICLE_Y, SCENARIO_Y)
CALENDAR_LANE, ARTICLE_LANE, SCENARIO_LANE = range(len(LANE_YS))
LABEL_ROWS = 3
STACK_STEP = 1.0
STACK_ROOM = 2  # stacked events the range always has room for; a deeper stack widens it
# A scenario event is a square badge with its number inside (the number in the list below):
# a year apart is 12 px or more at the smallest chart, so badges of neighbouring years and
# of one stack (a row apart, 12 px or more) never cover each other, nor do their numbers.
BADGE_PX = 11
# A dated milestone is a tick TICK_PX high and TICK_WIDTH_PX wide: milestones a month apart
# (about 1.2 px at the smallest chart) stay separate ticks, where dots merged into a bar.
TICK_PX = 7
TICK_WIDTH_PX = 1.0
# A claim is a hollow circle CLAIM_PX across plus its outline.  Claims closer than
# CLAIM_SPACING_PX (centre to centre) form a clump and alternate between sub-rows
# CLAIM_OFFSETS[1] and [2] (in rows): at the smallest chart (12 px a row, 12 px a year) the
# zig-zag keeps neighbours four months apart clear of each other, the upper sub-row clear of
# the milestone ticks and the lower one clear of the scenario's badges.
CLAIM_PX = 6
CLAIM_PEN_PX = 1.0
CLAIM_SPACING_PX = CLAIM_PX + CLAIM_PEN_PX + 1.0
CLAIM_OFFSETS = (0.0, 0.32, -0.22)
# Room in pixels between a plot edge and the first (last) date, for half the widest marker
# that can sit there and a pixel: a scenario badge within the model's years, a claim or a
# milestone tick outside them.  No more: the milestone labels need the width.
BADGE_EDGE_PX = BADGE_PX / 2 + 1.0
CLAIM_EDGE_PX = (CLAIM_PX + CLAIM_PEN_PX) / 2 + 1.0
TICK_EDGE_PX = TICK_WIDTH_PX / 2 + 1.0
MAX_LABEL_CHARS = 32
# Key milestones carry a label; every other event is a marker that names itself on hover.
# Key: an act of the agreement itself (all three Parties), still ahead (scheduled/conditional).
KEY_STATUSES = ("scheduled", "conditional")
PARTIES = ("US", "Mexico", "Canada")
ARTICLE_KIND = "article"  # sources.kind of the seed article: unverified claims
# The labels ``headline`` derives from the key milestones of seeds/timeline.csv (English only):
# listed here so that pyside6-lupdate keeps them in the .ts files, and the chart shows them in
# the interface language.  A headline missing here stays in English.
KEY_HEADLINES = (
    QT_TRANSLATE_NOOP("Timeline", "First USMCA joint review"),
    QT_TRANSLATE_NOOP("Timeline", "Next joint review"),
    QT_TRANSLATE_NOOP("Timeline", "Expiry of initial 16-year term"),
    QT_TRANSLATE_NOOP("Timeline", "End of new 16-year term"),
)


def decimal_year(date: str) -> float:
    """'2026-07-01' -> 2026.5; '2026-01 (early)' -> 2026.0; '2027' -> 2027.0."""
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", str(date))
    if not m:
        return float("nan")
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    return year + (month - 1) / 12 + (day - 1) / 365


def short(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def headline(event: str) -> str:
    """The first clause of a calendar event, for a label on the chart: "First USMCA joint
    review by the Free Trade Commission" -> "First USMCA joint review"."""
    text = re.sub(r"^Art\.\s*[\d.()]+:\s*", "", str(event))
    text = re.split(r" \(| by | if | unless | absent |;|: ", text, maxsplit=1)[0].strip()
    return short(text[:1].upper() + text[1:])


def is_key_milestone(actor: str, status: str) -> bool:
    return status in KEY_STATUSES and all(party in actor for party in PARTIES)


def article_sources(model: Any) -> set[str]:
    """Ids of the sources of kind ``article`` (the seed article)."""
    sources = getattr(model, "sources", None)
    if sources is None or "kind" not in sources:
        return set()
    return set(sources.loc[sources["kind"] == ARTICLE_KIND, "id"].astype(str))


def lane_ends(calendar: pd.DataFrame, years: np.ndarray) -> list[tuple[float, float]]:
    """The first and last date of each lane as (year, half the width in pixels of the
    marker drawn there): milestone ticks, claims, and the scenario's badges, which fall
    within the model's years."""
    ends = [(float(years.min()), BADGE_EDGE_PX), (float(years.max()) + 1.0, BADGE_EDGE_PX)]
    for claims, edge_px in ((False, TICK_EDGE_PX), (True, CLAIM_EDGE_PX)):
        xs = calendar.loc[calendar["unverified"] == claims, "x"]
        if len(xs):
            ends += [(float(xs.min()), edge_px), (float(xs.max()), edge_px)]
    return ends


def calendar_frame(model: Any) -> pd.DataFrame:
    """model.timeline from the base year on, an event a row: ``x`` (the date in decimal
    years), ``date`` (as written), ``event``, ``actor``, ``status``, ``source_id``,
    ``unverified`` (a source of kind ``article``) and ``key`` (a key milestone, labelled)."""
    table = model.timeline
    unverified = article_sources(model)
    sources = table["source_id"].astype(str) if "source_id" in table else ""
    calendar = pd.DataFrame(
        {
            "x": [decimal_year(d) for d in table["date"]],
            "date": table["date"].astype(str),
            "event": table["event"].astype(str),
            "actor": table["actor"].astype(str) if "actor" in table else "",
            "status": table["status"].astype(str) if "status" in table else "",
            "source_id": sources,
        }
    )
    calendar["unverified"] = [
        bool(set(str(s).split(";")) & unverified) for s in calendar["source_id"]
    ]
    calendar = calendar[calendar["x"] >= model.base_year].reset_index(drop=True)
    calendar["key"] = [
        not u and is_key_milestone(a, st)
        for a, st, u in zip(
            calendar["actor"],
            calendar["status"],
            calendar["unverified"],
            strict=True,
        )
    ]
    return calendar


def lane_frames(calendar: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The calendar's two lanes (CALENDAR_LANE, ARTICLE_LANE) in date order, same-date
    events in table order."""
    by_date = calendar.sort_values("x", kind="stable")
    return (
        by_date[~by_date["unverified"]].reset_index(drop=True),
        by_date[by_date["unverified"]].reset_index(drop=True),
    )
