"""Where the corridor map writes its region and market names: a box for each name near its
node where it covers no other name and no node, and as few edges as it can, and a leader
line to each name set further out than the first step.  In pixels of the view box, y down."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from planner.ui.charts.label_layout import LABEL_GAP_PX, place_names

LEADER_START_PX = 5.0  # a leader line starts at a node marker's rim


def name_boxes(
    labelled: list[int],
    points: np.ndarray,
    sizes: list[tuple[float, float]],
    segments: np.ndarray,
    bounds: tuple[float, float],
) -> list[Any]:
    """The box (QRectF) of each name of the nodes ``labelled`` (indices into ``points``), in
    that order; None for a name left out.  ``sizes`` are the names' (width, height),
    ``segments`` the edges' (x0, y0, x1, y1), ``bounds`` the view box's (width, height)."""
    # The names closest to other nodes first: they have the fewest free places.
    crowd = [int((np.hypot(*(points - points[i]).T) < 40.0).sum()) for i in labelled]
    order = sorted(range(len(labelled)), key=lambda k: -crowd[k])
    boxes = _boxes_in_order(labelled, order, points, sizes, segments, bounds)
    if None in boxes:
        # Greedy placement depends on the order: give the names left out the first pick
        # once, and keep whichever order shows more names.
        order = sorted(order, key=lambda k: boxes[k] is not None)
        retry = _boxes_in_order(labelled, order, points, sizes, segments, bounds)
        if retry.count(None) < boxes.count(None):
            boxes = retry
    return boxes


def _boxes_in_order(
    labelled: list[int],
    order: list[int],
    points: np.ndarray,
    sizes: list[tuple[float, float]],
    segments: np.ndarray,
    bounds: tuple[float, float],
) -> list[Any]:
    """place_names for the labelled nodes taken in ``order``; the boxes in label order."""
    picked = place_names(
        points[[labelled[k] for k in order]],
        [sizes[k] for k in order],
        points,
        bounds,
        segments,
    )
    boxes: list[Any] = [None] * len(order)
    for k, box in zip(order, picked, strict=True):
        boxes[k] = box
    return boxes


def leader_ends(labelled: list[int], points: np.ndarray, boxes: list[Any]) -> list[float]:
    """x0, y0, x1, y1 of each leader line, flat: from the node's marker rim to the nearest
    point of its name's box, for the names (``name_boxes``) a step or more from their node."""
    leaders: list[float] = []
    for i, box in zip(labelled, boxes, strict=True):
        if box is None:
            continue
        # The box's point nearest the node: a line to it when the gap is a step or more.
        px, py = points[i]
        nx = min(max(px, box.left()), box.right())
        ny = min(max(py, box.top()), box.bottom())
        gap = math.hypot(nx - px, ny - py)
        if gap > 1.5 * LABEL_GAP_PX:  # from the marker's rim, not across it
            rim = LEADER_START_PX / gap
            leaders += [px + (nx - px) * rim, py + (ny - py) * rim, nx, ny]
    return leaders
