"""Settings keys: remembered on the settings, and a part's key derived from its whole's."""

from __future__ import annotations

import pytest

from planner.model.engine.settings import ScenarioSettings, restricted, settings_key


def _busy() -> ScenarioSettings:
    return ScenarioSettings(
        2025,
        2036,
        levers={
            "tmfc_corridor": {"start_year": 2027, "intensity": 1.0},
            "e_customs": {"coverage": 1.0, "start_year": 2026},
            "regional_development_fund": {"match_pct": 30.0, "sites": ["oax", "chis"]},
        },
        alignments={"eu": "fta", "central_america": "deepen"},
        shocks={
            "us_tariff_non_usmca": {"rate_pct": 25, "start_year": 2026},
            "bajio_flood": {"weeks": 3, "start_year": 2027, "window": {"from": 1, "to": None}},
        },
    )


def _afresh(settings: ScenarioSettings) -> tuple:
    """The key of an equal settings object that has never had its key asked for."""
    return ScenarioSettings(
        settings.start,
        settings.end,
        dict(settings.levers),
        dict(settings.alignments),
        dict(settings.shocks),
        settings.status_quo,
    ).key


@pytest.mark.parametrize(
    ("levers", "shocks", "alignments"),
    [
        ((), (), False),
        (("e_customs", "tmfc_corridor", "not_on"), ("bajio_flood",), False),
        (("regional_development_fund",), ("us_tariff_non_usmca", "bajio_flood"), True),
        (("a_lever_never_set",), ("a_shock_never_set",), True),
    ],
)
def test_a_parts_key_is_the_key_of_its_settings(levers, shocks, alignments):
    whole = _busy()
    part = restricted(whole, levers, shocks, alignments)
    assert part.key == _afresh(part)
    assert settings_key(part) == part.key
    assert hash(part.key) == hash(_afresh(part))


def test_a_part_of_a_part_keeps_the_right_key():
    part = restricted(_busy(), ("e_customs", "tmfc_corridor"), ("bajio_flood",), True)
    smaller = restricted(part, ("tmfc_corridor",), (), False)
    assert smaller.key == _afresh(smaller)
    assert smaller.key[2] == (("tmfc_corridor", (("intensity", 1.0), ("start_year", 2027))),)


def test_the_key_is_remembered_and_equal_settings_have_equal_keys():
    settings = _busy()
    assert settings.key is settings.key
    assert settings_key(settings) == settings_key(_busy())
    assert settings_key(settings) != settings_key(ScenarioSettings(2025, 2036))
    # The key is not a field: equality and the dataclass's fields are unchanged by it.
    assert settings == _busy()
    assert "key" not in ScenarioSettings.__dataclass_fields__
