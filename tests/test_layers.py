"""The model layer stays Qt-free: checked by import-linter and by a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import planner.model


def _model_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(planner.model.__path__, prefix="planner.model.")]


def test_model_modules_load_no_qt_in_a_fresh_interpreter():
    modules = _model_modules()
    assert "planner.model.data" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(k for k in sys.modules if k.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph') or k.startswith('planner.ui'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt loaded by planner.model: {out.stdout}"


def test_import_linter_contract_holds():
    lint = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
