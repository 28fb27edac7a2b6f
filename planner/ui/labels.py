"""Display names in the current language for catalog ids (levers, params, choices, lenses).

Lever, parameter and lens labels come from the model database (label_en/es/fr); choice
values (alignment depth, review outcomes) and fall-backs are interface strings translated
through the .ts files.  Network node ids (ports) use the database's node labels.
"""

from __future__ import annotations

import weakref
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from planner.model.catalog import LeverSpec, ParamSpec
from planner.ui.i18n import DEFAULT_LANGUAGE, current_language

_CHOICES = {
    "none": QT_TRANSLATE_NOOP("Choice", "No change"),
    "deepen": QT_TRANSLATE_NOOP("Choice", "Deepen ties"),
    "fta": QT_TRANSLATE_NOOP("Choice", "Free-trade agreement"),
    "extend": QT_TRANSLATE_NOOP("Choice", "Extend to 2042"),
    "annual_reviews": QT_TRANSLATE_NOOP("Choice", "Annual reviews"),
    "withdrawal": QT_TRANSLATE_NOOP("Choice", "Withdrawal"),
}
_LENSES = {
    "us_manufacturer": QT_TRANSLATE_NOOP("Lens", "US manufacturer"),
    "mx_sme": QT_TRANSLATE_NOOP("Lens", "Mexican SME"),
    "ca_exporter": QT_TRANSLATE_NOOP("Lens", "Canadian exporter"),
    "analyst": QT_TRANSLATE_NOOP("Lens", "Policy analyst"),
}


def labelled(label: str, value: str) -> str:
    """ "label: value" as the language writes it: French puts a space before the colon."""
    return QCoreApplication.translate("Typography", "{label}: {value}").format(
        label=label, value=value
    )


def humanize(identifier: str) -> str:
    """``start_year`` -> ``Start year``: the last resort when no label exists."""
    text = identifier.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _pick(labels: dict[str, str]) -> str:
    return labels.get(current_language()) or labels.get(DEFAULT_LANGUAGE) or ""


def lever_label(spec: LeverSpec) -> str:
    return _pick(spec.labels) or humanize(spec.id)


def lever_description(spec: LeverSpec) -> str:
    return _pick(spec.descriptions)


def param_label(spec: ParamSpec) -> str:
    return _pick(spec.labels) or humanize(spec.name)


def lens_label(lens_id: str, model: Any = None) -> str:
    lenses = getattr(model, "lenses", None)
    if lenses is not None and not lenses.empty:
        rows = lenses[lenses["id"] == lens_id]
        if not rows.empty:
            column = f"label_{current_language()}"
            if column in rows.columns and rows.iloc[0][column]:
                return str(rows.iloc[0][column])
    if lens_id in _LENSES:
        return QCoreApplication.translate("Lens", _LENSES[lens_id])
    return humanize(lens_id)


def choice_label(value: str, model: Any = None) -> str:
    """A choice value: known interface words, network node labels (ports), else the id."""
    if value in _CHOICES:
        return QCoreApplication.translate("Choice", _CHOICES[value])
    nodes = getattr(model, "network_nodes", None)
    if nodes is not None and not nodes.empty:
        label = _node_labels(nodes).get(value)
        if label:
            return str(label)
    return humanize(value)


# The node labels of the last network_nodes frame asked about: the lever panel and the
# timeline ask for dozens of choices, and a pandas filter per choice cost more than the
# widgets they label.
_node_label_cache: tuple[Any, dict[Any, Any]] | None = None


def _node_labels(nodes: Any) -> dict[Any, Any]:
    """node id -> its label (the first row's, as a filter on ``id`` would find) for a
    network_nodes frame; built once per frame."""
    global _node_label_cache
    if _node_label_cache is not None and _node_label_cache[0]() is nodes:
        return _node_label_cache[1]
    labels: dict[Any, Any] = {}
    for node_id, label in zip(nodes["id"].tolist(), nodes["label"].tolist(), strict=True):
        labels.setdefault(node_id, label)
    _node_label_cache = (weakref.ref(nodes), labels)
    return labels
