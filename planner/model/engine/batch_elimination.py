"""Gaussian elimination on every system of a batch at once: ``linear_batch``'s R x R systems,
the runs' right-hand sides as extra columns, without pivoting when every system is strictly
row diagonally dominant (``numpy.linalg.solve`` otherwise).  See ``linear_batch``'s notes."""

from __future__ import annotations

import numpy as np

from planner.model.engine.per_thread import SPARE, thread_scratch


def eliminate(augmented: np.ndarray, dominant: bool) -> np.ndarray:
    """``augmented`` [A | b] (R, R + K, S, N), overwritten: the (K, S, R, N) solution.
    ``dominant``: every system is strictly row diagonally dominant."""
    n_regions, width, n_sectors, n = augmented.shape
    n_runs = width - n_regions
    if not dominant:
        system = augmented[:, :n_regions].transpose(2, 3, 0, 1)
        rhs = augmented[:, n_regions:].transpose(2, 3, 0, 1)
        return np.linalg.solve(system, rhs).transpose(3, 0, 2, 1)
    # Elimination on (R, R + K, S·N), the right-hand sides carried as extra columns: every
    # step is a few long loops.
    a = augmented.reshape(n_regions, width, n_sectors * n)
    spare = thread_scratch(SPARE, ((n_regions - 1) * (width - 1) * a.shape[-1],), a.dtype)
    for p in range(n_regions):
        a[p, p + 1 :] *= 1.0 / a[p, p]
        if p + 1 < n_regions:
            rest = a[p + 1 :, p + 1 :]
            step = spare[: rest.size].reshape(rest.shape)
            np.multiply(a[p + 1 :, p, None], a[p, None, p + 1 :], out=step)
            rest -= step
    solution = a[:, n_regions:]  # (R, K, S·N)
    for p in range(n_regions - 1, 0, -1):
        above = solution[:p]
        step = spare[: above.size].reshape(above.shape)
        np.multiply(a[:p, p, None], solution[p], out=step)
        above -= step
    return solution.reshape(n_regions, n_runs, n_sectors, n).transpose(1, 2, 0, 3)
