"""Shared fixtures of the chart, KPI-card and report tests (not a test module).

They run on the real model built from seeds/ and the real engine on the example scenarios in
resources/scenarios, so every number a chart shows can be checked against Results.
"""

from __future__ import annotations

import os

import pytest

os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"

from planner.model.data import load_model
from planner.model.database_build import build_database
from planner.model.engine import evaluate
from planner.model.scenario import load_scenario
from planner.paths import resources_dir, seeds_dir

SCENARIOS = resources_dir() / "scenarios"
# The offscreen platform cannot pass size hints to a window manager and says so.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore(r"^This plugin does not support ")


@pytest.fixture(scope="session")
def model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("chart_model")
    return load_model(build_database(seeds_dir(), folder / "model.sqlite"))


def run(model, name: str, draws: int | None = None):
    scenario = load_scenario(SCENARIOS / f"{name}.usmca.json", catalog=model.catalog)
    return evaluate(model, scenario, draws=draws)


@pytest.fixture(scope="session")
def flood_results(model):
    return run(model, "bajio_flood_replay")


@pytest.fixture(scope="session")
def corridor_results(model):
    return run(model, "tmfc_corridor_e_customs")


@pytest.fixture(scope="session")
def tariff_results(model):
    return run(model, "us_tariff_25_non_usmca")


@pytest.fixture(scope="session")
def banded_results(model):
    """A run with Monte Carlo draws, so that Results carries bands and flow bands."""
    return run(model, "mx_sme_south_southeast", draws=40)


def shown_dashboard(qtbot, model, results=None, lens: str = "us_manufacturer"):
    """A Dashboard at least its share of a 1600 x 1000 window (878 x 915), so that every
    chart is on screen without scrolling; shown (and showing ``results``)."""
    from planner.ui.dashboard import Dashboard

    board = Dashboard(model=model)
    qtbot.addWidget(board)
    board.resize(1100, 915)
    board.show()
    qtbot.waitExposed(board)
    if results is not None:
        board.set_results(results, {}, lens=lens)
    return board
