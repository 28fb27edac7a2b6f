"""The allocator tuning that lets the app hand a Monte Carlo run's memory back."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from planner import native_memory


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_allocator_is_tuned_on_linux_and_memory_comes_back_after_a_trim():
    assert native_memory.tune_allocator()

    def rss_mb() -> float:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        raise AssertionError("no VmRSS")

    before = rss_mb()
    # Many medium arrays (a Monte Carlo pass's size), touched, then freed.
    blocks = [np.ones(40_000) for _ in range(500)]  # ~160 MB of 320 KB blocks
    assert rss_mb() > before + 120
    del blocks
    native_memory.release_free_memory()
    assert rss_mb() < before + 40


def test_release_is_safe_to_call_anywhere():
    native_memory.release_free_memory()
    native_memory.release_free_memory()
