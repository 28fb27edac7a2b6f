"""The machine a ``planner bench`` ran on: what its figures depend on besides the code.

The same commit measured 3-5x apart on two hosts of one nominal size (2 vCPUs, 24 GiB):
the processor model and how busy the machine was say which figures can be compared.
"""

from __future__ import annotations

import os
import platform
import sys
from typing import Any


def cpu_model() -> str:
    """The processor's name ("AMD EPYC (family 26, model 2)"), else its architecture.
    Python's platform.processor() is empty on Linux, so read /proc/cpuinfo."""
    if sys.platform.startswith("linux"):
        fields: dict[str, str] = {}
        try:
            with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    if not line.strip():
                        break  # the first processor's block is enough
                    key, _, value = line.partition(":")
                    fields.setdefault(key.strip(), value.strip())
        except OSError:
            pass
        name = fields.get("model name") or fields.get("Model") or fields.get("Processor")
        if name:
            # A virtual machine often shows only the brand ("AMD EPYC"): the family and
            # model numbers tell its generations apart.
            if "cpu family" in fields and "model" in fields:
                return f"{name} (family {fields['cpu family']}, model {fields['model']})"
            return name
    return platform.processor() or platform.machine()


def load_average() -> list[float] | None:
    """The 1/5/15-minute load averages (None where the OS has none, as on Windows)."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def machine_facts(load_before: list[float] | None) -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "processor": cpu_model(),
        "cpus": os.cpu_count(),
        # Other jobs on the machine slow every figure: the load averages before and after
        # the run say how loaded it was.
        "load_average_before": load_before,
        "load_average_after": load_average(),
    }


def machine_line(machine: dict[str, Any]) -> str:
    """One line for the text report: processor, CPUs and load before and after."""

    def text(load: list[float] | None) -> str:
        return "n/a" if load is None else " ".join(f"{x:.2f}" for x in load)

    return (
        f"machine {machine['processor']}, {machine['cpus']} CPUs; load "
        f"{text(machine['load_average_before'])} before, "
        f"{text(machine['load_average_after'])} after (1/5/15 min averages)"
    )
