"""The command line's number cells: no negative zero, no real change shown as zero, one
band's ends to the same decimals (``planner.commands.number_text``)."""

from __future__ import annotations

import pytest

from planner.commands.number_text import band_text, change_text, decimals_for, level_text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.0, "0.00"),
        (-0.0, "0.00"),
        (0.0016, "+0.0016"),  # used to read "+0.00"
        (-0.00026537, "-0.00027"),  # the corridor's effective tariff: used to read "-0.00"
        (-0.0049, "-0.0049"),
        (0.004999, "+0.0050"),
        (0.005, "+0.01"),
        (0.4, "+0.40"),
        (-561.7951, "-561.80"),
        (3710.33, "+3,710"),
        (-4265.06, "-4,265"),
        (3e-9, "+3.0e-09"),  # beyond six decimals: scientific, still not zero
        (float("nan"), "n/a"),
    ],
)
def test_a_change_is_signed_and_never_reads_as_zero_unless_it_is(value, text):
    assert change_text(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (-0.001, "0.00"),  # rounds to zero: no "-0.00"
        (-0.0, "0.00"),
        (-0.07, "-0.07"),
        (845.924, "845.92"),
        (1979.4, "1,979"),
        (-18835.99, "-18,836"),
        (float("nan"), "n/a"),
    ],
)
def test_a_level_has_no_negative_zero(value, text):
    assert level_text(value) == text


def test_numbers_read_together_share_their_decimals():
    assert band_text(845.92, 1979.4) == "846 to 1,979"  # was "845.92 to 1,979"
    assert band_text(-0.171, 0.0702) == "-0.17 to 0.07"
    assert band_text(-0.001, 0.5) == "0.00 to 0.50"
    assert decimals_for(999.99, 1000.2) == 0
    assert level_text(999.99, decimals_for(999.99, 1000.2)) == "1,000"
    assert decimals_for(float("nan"), 5.0) == 2
