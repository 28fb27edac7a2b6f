"""Start-up work done once, not per lever row: the panel's texts and the port labels."""

from __future__ import annotations

import pandas as pd

from planner.ui import lever_panel, lever_row
from planner.ui.labels import choice_label, humanize


class _CountingFrame(pd.DataFrame):
    """A DataFrame that counts its column and row-filter reads (``frame[...]``)."""

    reads = 0

    @property
    def _constructor(self):
        return pd.DataFrame  # what it derives is a plain frame, counted no further

    def __getitem__(self, key):
        type(self).reads += 1
        return super().__getitem__(key)


class _Model:
    def __init__(self, nodes: pd.DataFrame) -> None:
        self.network_nodes = nodes


def _texts(panel) -> list:
    """Every text a row shows or announces, in row order."""
    out = []
    for key, row in panel.rows.items():
        out.append((key, row.title.text(), row.toolTip(), row.badge.text(), row.cost.text()))
        out.append(row.info_button.accessibleName())
        if row.combo is not None:
            out.append([row.combo.itemText(i) for i in range(row.combo.count())])
        for name, control in row.controls.items():
            out.append((name, row._param_labels[name].text()))
            for child in ("spin", "combo"):
                widget = getattr(control, child, None)
                if widget is not None and hasattr(widget, "suffix"):
                    out.append((widget.suffix(), widget.text(), widget.locale().name()))
                elif widget is not None:
                    out.append([widget.itemText(i) for i in range(widget.count())])
    out.append([box.title() for box in panel.groups.values()])
    out.append(panel.filter_box.placeholderText())
    return out


def test_each_row_sets_its_texts_once_when_the_panel_is_built(qtbot, document, monkeypatch):
    calls: list[str] = []
    real = lever_row.LeverRow.retranslate

    def counted(row):
        calls.append(row.spec.id)
        real(row)

    monkeypatch.setattr(lever_row.LeverRow, "retranslate", counted)
    panel = lever_panel.LeverPanel(document)
    qtbot.addWidget(panel)

    assert len(calls) == len(panel.rows) > 0  # once per row, not again by the panel
    built = _texts(panel)
    panel.retranslate_ui()  # what a language change does: every row again
    assert len(calls) == 2 * len(panel.rows)
    assert _texts(panel) == built  # the built panel already showed every text


def test_port_labels_are_read_once_per_node_table(mini_model):
    nodes = _CountingFrame(mini_model.network_nodes.copy())
    model = _Model(nodes)
    expected = {str(i): str(label) for i, label in zip(nodes["id"], nodes["label"], strict=True)}
    _CountingFrame.reads = 0

    shown = {node: choice_label(node, model) for node in expected}
    again = {node: choice_label(node, model) for node in expected}

    assert len(expected) > 2
    assert shown == again == expected
    assert _CountingFrame.reads <= 2  # the id and label columns once, not a filter per port
    assert choice_label("not_a_port", model) == humanize("not_a_port")
    assert choice_label("none", model) == "No change"  # interface words come first

    renamed = mini_model.network_nodes.copy()
    renamed["label"] = [f"Port {i}" for i in renamed["id"]]
    first = str(renamed["id"].iloc[0])
    assert choice_label(first, _Model(renamed)) == f"Port {first}"  # a new table, read anew
