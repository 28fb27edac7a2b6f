"""CorridorReadout: the corridor map's read-out, of the mouse and of the keys.  The mouse reads
the nearest node's name and kind or the nearest edge's numbers; the arrow keys step through
the edges.  CorridorMapChart inherits it before ChartPanel; its state (``_data``, the nodes'
and edges' positions and ids) is the chart's.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from planner.ui.charts.base import fmt_number


def _tr(text: str) -> str:
    """The read-out's strings (context "CorridorMap", as corridor_map's own)."""
    return QCoreApplication.translate("CorridorMap", text)


def kind_label(kind: str) -> str:
    names = {
        "mx_region": _tr("Mexican region"),
        "border": _tr("Border crossing"),
        "seaport": _tr("Seaport"),
        "market": _tr("Market"),
    }
    return names.get(kind, kind)


class CorridorReadout:
    """The hover and keyboard read-out of CorridorMapChart (a mixin: no state of its own).

    CorridorMapChart inherits it before ChartPanel, so that these ``hover_text`` and
    ``point_*`` take the place of ChartPanel's and PointReadout's.  It reads the chart's
    ``_data`` (this year's numbers per edge), ``node_xy``, ``node_ids``, ``node_kinds``,
    ``segments``, ``edge_ids``, ``from_to`` and ``full_name``.
    """

    def _nearest_edge(self, x: float, y: float) -> tuple[int, float]:
        start, end = self.segments[:, :2], self.segments[:, 2:]
        seg = end - start
        length2 = np.maximum((seg**2).sum(axis=1), 1e-12)
        t = np.clip(((np.array([x, y]) - start) * seg).sum(axis=1) / length2, 0.0, 1.0)
        closest = start + seg * t[:, None]
        dist = np.hypot(closest[:, 0] - x, closest[:, 1] - y)
        i = int(dist.argmin())
        return i, float(dist[i])

    def hover_text(self, x: float, y: float) -> str:
        if not self._data:
            return ""
        node_dist = np.hypot(self.node_xy[:, 0] - x, self.node_xy[:, 1] - y)
        n = int(node_dist.argmin())
        i, dist = self._nearest_edge(x, y)
        if node_dist[n] < 0.5 and node_dist[n] <= dist:
            return f"{self.full_name(n)} ({kind_label(self.node_kinds[n])})"
        if dist > 1.0:
            return ""
        return self.point_text(i)

    # The arrow keys step through the edges, which carry the numbers (a node's read-out is
    # its name only), in the order of the table and the CSV export.
    def point_count(self) -> int:
        return len(self.edge_ids) if self._data else 0

    def point_position(self, i: int) -> tuple[float, float]:
        x0, y0, x1, y1 = self.segments[i]
        return float(x0 + x1) / 2, float(y0 + y1) / 2

    def point_text(self, i: int) -> str:
        """Edge ``i``'s read-out (the hover's, by index: another edge may share its line)."""
        d = self._data
        a, b = (self.node_ids.index(node) for node in self.from_to[i])
        text = _tr("{a} → {b}: utilisation {u} % (baseline {ub} %), {days} days ({db})").format(
            a=self.full_name(a),
            b=self.full_name(b),
            u=fmt_number(100 * d["utilisation"][i], 0),
            ub=fmt_number(100 * d["utilisation_base"][i], 0),
            days=fmt_number(d["days"][i]),
            db=fmt_number(d["days_base"][i]),
        )
        if "flow_usd_bn" in d:
            text += ", " + _tr("flow {flow} USD bn").format(flow=fmt_number(d["flow_usd_bn"][i]))
        if d["disrupted"][i]:
            text += " — " + _tr("Disrupted")
        return text
