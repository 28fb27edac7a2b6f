"""What a Monte Carlo thread keeps to itself: matrix products cut so OpenBLAS runs them on
the calling thread (the Monte Carlo already runs one pass per core), and scratch arrays kept
per thread between calls (a freshly mapped page costs a fault on first touch)."""

from __future__ import annotations

import math
import threading

import numpy as np

# OpenBLAS runs a matrix product of more multiply-adds than this on several threads.
_ONE_THREAD = 1 << 18


def matmul_on_one_thread(a: np.ndarray, b: np.ndarray, out: np.ndarray) -> None:
    """``out[...] = a @ b``, in blocks of b's columns or a's rows that OpenBLAS keeps on the
    calling thread."""
    if b.ndim == 2:  # x (..., m, k) @ e (k, n): block the rows of a
        step = max(1, _ONE_THREAD // b.size)
        for i in range(0, a.shape[-2], step):
            np.matmul(a[..., i : i + step, :], b, out=out[..., i : i + step, :])
    else:  # e (..., m, k) @ x (..., k, n): block the columns of b
        step = max(1, _ONE_THREAD // (a.shape[-2] * a.shape[-1]))
        for i in range(0, b.shape[-1], step):
            np.matmul(a, b[..., i : i + step], out=out[..., i : i + step])


_SCRATCH = threading.local()
# The slot of ``solve``'s w G / T0, then of the elimination's steps, then of ``shift``: their
# lifetimes do not overlap (nor do those of the friction factors and G, [a, b]).  Every page
# a chunk touches faults again after the trim that follows a run (planner.native_memory).
SPARE = "spare"


def thread_scratch(slot: str, shape: tuple[int, ...], dtype=np.float64) -> np.ndarray:
    """An uninitialised array in this thread's memory for ``slot``, kept between calls (and
    the view of it, asked for again with the same shape on every call of a pass)."""
    pool = _SCRATCH.__dict__
    key = (slot, shape, dtype)
    view = pool.get(key)
    if view is not None:
        return view
    dtype = np.dtype(dtype)
    size = math.prod(shape) * dtype.itemsize
    if slot not in pool or pool[slot].size < size:
        for old in [k for k in pool if isinstance(k, tuple) and k[0] == slot]:
            del pool[old]  # views of the buffer being replaced
        pool[slot] = np.empty(size, np.uint8)
    view = pool[key] = pool[slot][:size].view(dtype).reshape(shape)
    return view
