"""Compile resources/translations/*.ts into .qm files next to them (built, never committed)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from planner.paths import resources_dir


def lrelease_command() -> list[str]:
    exe = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    return [exe]


def build_translations(folder: Path | None = None) -> list[Path]:
    """Compile every .ts whose .qm is missing or older; return the .qm paths."""
    folder = folder or resources_dir() / "translations"
    built: list[Path] = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([*lrelease_command(), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


if __name__ == "__main__":
    build_translations()
