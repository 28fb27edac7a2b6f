"""numpy_sum: ``np.sum`` of a list of floats, added up pairwise in numpy's order without
building an array (the fast axis adds up its labels' sizes with it).
"""

from __future__ import annotations

_PAIRWISE_BLOCK = 128  # numpy's PW_BLOCKSIZE


def numpy_sum(values: list[float]) -> float:
    """``np.sum(values)`` of a list of floats to the last bit, without building an array:
    numpy adds float64 pairwise (eight running sums over blocks of up to 128 values), an
    order of additions that can round differently from ``sum``."""
    return 0.0 + _pairwise_sum(values, 0, len(values))


def _pairwise_sum(a: list[float], start: int, n: int) -> float:
    if n < 8:
        res = -0.0
        for i in range(start, start + n):
            res += a[i]
        return res
    if n <= _PAIRWISE_BLOCK:
        r = a[start : start + 8]
        i = 8
        whole = n - n % 8
        while i < whole:
            for j in range(8):
                r[j] += a[start + i + j]
            i += 8
        res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
        for k in range(start + i, start + n):
            res += a[k]
        return res
    half = n // 2
    half -= half % 8
    return _pairwise_sum(a, start, half) + _pairwise_sum(a, start + half, n - half)
