"""load_model: the database read into arrays with the index conventions of data.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from planner import MODEL_VERSION, paths
from planner.errors import InputError
from planner.model.data import ModelData, load_model
from planner.model.database_build import build_database
from planner.model.database_file import default_database_path
from planner.model.seed_loader import seeds_fingerprint

MINI = Path(__file__).parent / "fixtures" / "mini_seeds"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(MINI, folder)
    return folder


@pytest.fixture
def model(seeds: Path, tmp_path: Path) -> ModelData:
    return load_model(build_database(seeds, tmp_path / "model.sqlite"))


def test_shapes_follow_regions_and_sectors(model):
    assert model.regions == ("USA", "MEX", "CAN", "CHN", "EU", "LAT", "CAM", "ROW")
    assert model.sectors[:3] == ("autos", "electronics", "machinery")
    assert len(model.sectors) == 9
    assert model.version == MODEL_VERSION
    assert model.base_year == 2024
    assert model.years.tolist() == list(range(2025, 2037))
    for array in (model.flows_usd_m, model.tariff_mfn, model.tariff_pref):
        assert array.shape == (9, 8, 8)
    assert model.preference_use_years == (2024, 2027)
    assert model.preference_use.shape == (2, 9, 8, 8)
    for ranged in (model.import_demand, model.substitution, model.export_supply):
        assert all(a.shape == (9,) for a in ranged)
    assert model.growth.value.shape == (8,)
    assert model.mx_regions == ("north", "bajio", "centre", "pacific", "south_southeast")
    assert model.mx_production_share.shape == (5, 9)
    np.testing.assert_allclose(model.mx_production_share.sum(axis=0), 1.0)


def test_spot_values_are_indexed_sector_exporter_importer(model):
    autos, metals = model.sector_index("autos"), model.sector_index("metals")
    usa, mex = model.region_index("USA"), model.region_index("MEX")
    # mini fixture: size(MEX)=5 x size(USA)=10 x (sector 1) x 10 x 3 (USMCA pair) = 1500
    assert model.flows_usd_m[autos, mex, usa] == 1500.0
    assert model.flows_usd_m[autos, usa, usa] == 0.0
    assert model.tariff_mfn[metals, mex, usa] == pytest.approx(0.045)  # 4.5 % as a fraction
    assert model.tariff_pref[autos, mex, usa] == 0.0
    assert model.tariff_pref[autos, usa, model.region_index("CHN")] == 0.0
    assert model.growth.value[usa] == pytest.approx(0.01)
    assert model.growth.low[usa] == model.growth.value[usa]  # missing low -> the value
    assert model.import_demand.value[autos] == -1.2
    assert (model.import_demand.low[autos], model.import_demand.high[autos]) == (-2.0, -0.5)
    assert model.substitution.low[autos] == model.substitution.value[autos] == 4.0


def test_preference_use_holds_from_its_year_on(model):
    autos = model.sector_index("autos")
    usa, mex, can = (model.region_index(r) for r in ("USA", "MEX", "CAN"))
    assert model.preference_use[:, autos, can, usa].tolist() == [0.5, 0.9]
    # MEX->USA has no 2027 row: its 2024 share carries on
    assert model.preference_use[:, autos, mex, usa].tolist() == [0.5, 0.5]
    assert model.preference_use[0, autos, model.region_index("CHN"), usa] == 0.0


def test_tables_coefficients_and_catalog(model):
    assert "rate" in model.tariff_actions.columns
    assert "rate_pct" not in model.tariff_actions.columns
    metals = model.tariff_actions[model.tariff_actions.id == "s232_metals"]
    assert set(metals.rate) == {0.5}
    corridor = model.effect("tmfc_corridor", "capacity_usd_bn")
    assert (corridor.value, corridor.ramp_years, corridor.lag_years) == (20.0, 3, 0)
    assert model.effect("eu", "tariff_cut_share", option="fta").value == 0.9
    assert model.effect("eu", "trade_cost_cut_pct", option="deepen").low == 2.0
    assert model.parameter("weeks_per_year").value == 52.0
    assert model.parameter("fdi_semi_elasticity").high == 0.05
    assert model.region_labels["es"]["MEX"] == "México"
    assert model.mx_region_labels["fr"]["south_southeast"] == "Sud-Sud-Est"
    assert "tmfc_corridor" in model.catalog.levers
    assert len(model.network_edges) > 0
    assert model.network_edges.set_index("id").loc["tmfc-south_southeast-veracruz"].enabled_by == (
        "tmfc_corridor"
    )


def test_arrays_are_read_only(model):
    with pytest.raises(ValueError, match="read-only"):
        model.flows_usd_m[0, 0, 0] = 1.0
    with pytest.raises(ValueError, match="read-only"):
        model.growth.value[0] = 1.0


def test_repeated_loads_are_cached_until_the_file_changes(seeds, tmp_path):
    path = build_database(seeds, tmp_path / "model.sqlite")
    first = load_model(path)
    assert load_model(path) is first
    growth = seeds / "growth.csv"
    growth.write_text(growth.read_text(encoding="utf-8").replace("USA,1,", "USA,7,"), "utf-8")
    build_database(seeds, path)
    second = load_model(path)
    assert second is not first
    assert second.growth.value[0] == pytest.approx(0.07)


def test_default_model_is_built_from_the_seeds_on_first_use(seeds, monkeypatch, capsys):
    monkeypatch.setattr(paths, "seeds_dir", lambda: seeds)
    model = load_model()
    assert model.db_path == default_database_path()
    assert model.fingerprint == seeds_fingerprint(seeds)
    assert "Building the model database" in capsys.readouterr().err


def test_missing_or_unreadable_database_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_model(tmp_path / "absent.sqlite")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not sqlite at all " * 200)
    with pytest.raises(InputError, match=r"the model database is damaged .* --out"):
        load_model(junk)
