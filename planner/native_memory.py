"""Handing freed memory back to the operating system (glibc only; elsewhere a no-op).

A Monte Carlo run allocates and frees tens of megabytes of numpy arrays on worker threads.
glibc raises its mmap threshold after the first large block is freed, so later blocks of
that size come from the heap or the workers' arenas, and freeing them does not shrink the
process: the app stayed ~60 MB larger after its first run than before it.  ``malloc_trim``
after a run returns what the arenas hold, and a fixed threshold stops the raise.

The threshold is 4 MiB, not lower: a run's per-chunk arrays (0.5-3 MB) then come back from
the arenas chunk after chunk instead of each being a fresh mapping, whose every page faults
on first touch.  Measured on a 1,000-draw run: a 256 KiB threshold made it ~35% slower, and
4 MiB left the process ~9 MB larger after the trim than 256 KiB did.  The trim threshold is
high for the same reason (a trimmed heap top faults again on the next chunk); the trim
after each run does the returning.

One arena for every thread: each Monte Carlo worker thread otherwise gets an arena of its
own, whose freed chunks stay scattered after the trim.  Measured in the app after its first
bands: 248-256 MB with glibc's default arenas, 232 MB with one, and a 1,000-draw run was
no slower (numpy allocates a few blocks per array operation, not per element).

The price is the trim's: the next run faults the ~50-65 MB its chunks use in again, page by
page (~13,000-17,000 faults and ~50 ms of system time a 1,000-draw run on a 2-core VM, ~8%
of its CPU time); glibc's defaults keep that memory and end ~100 MB larger.  Measured in
paired rounds, no mallopt setting alone or together avoids the faults and keeps the memory,
and the faults are the solve's sub-4 MiB temporaries, not the 28 MB flows array (numpy
madvises it: a dozen huge-page faults), so a larger threshold or huge pages for it would not
pay.  So the app's worker trims only once it has been idle for a moment
(``planner.ui.worker``): the runs of a burst of edits keep their memory, and an app left
alone returns to its resting size.  ``planner bench`` runs under this configuration and
measures both cases (``monte_carlo_1000``: runs in a row; ``..._after_idle``: after a trim).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache

M_TRIM_THRESHOLD, M_MMAP_THRESHOLD, M_ARENA_MAX = -1, -3, -8
# Blocks from 4 MiB up get their own mapping; setting it also stops glibc's dynamic raise.
MMAP_THRESHOLD_BYTES = 4 * 1024 * 1024
# Free memory at the heap's top kept for the next chunk (the trim after a run returns it).
TRIM_THRESHOLD_BYTES = 64 * 1024 * 1024
ARENAS = 1


@cache
def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
        return libc
    except (OSError, AttributeError):  # not glibc (e.g. musl): nothing to tune
        return None


def tune_allocator() -> bool:
    """Fix the mmap threshold and the arenas (call once, early, before worker threads
    start).  True when the allocator was tuned."""
    libc = _libc()
    if libc is None:
        return False
    settings = (
        (M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES),
        (M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES),
        (M_ARENA_MAX, ARENAS),
    )
    return all(libc.mallopt(option, value) == 1 for option, value in settings)


def release_free_memory() -> None:
    """Return freed heap memory of every arena to the operating system."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
