"""The app's Qt layer keeps shiboken from caching the source of every later import."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import types
from pathlib import Path

from planner.ui.source_scan import mentions_pyside

# A fresh interpreter: imports the app's Qt package, then two new modules, and reports
# what shiboken decided for each and whether their sources stayed in linecache.
CHILD = textwrap.dedent(
    """
    import json, linecache, sys
    sys.path.insert(0, sys.argv[1])
    import planner.ui
    import uses_qt, plain
    feature = sys.modules["shibokensupport.feature"]
    cached = [name for name in linecache.cache if name.endswith(("uses_qt.py", "plain.py"))]
    print(json.dumps({
        "uses_qt": feature.pyside_feature_dict.get("uses_qt"),
        "plain": feature.pyside_feature_dict.get("plain"),
        "cached": cached,
    }))
    """
)


def test_later_imports_are_judged_as_shiboken_would_without_keeping_their_source(
    tmp_path: Path,
) -> None:
    (tmp_path / "uses_qt.py").write_text("# built on PySide6\nVALUE = 1\n", encoding="utf-8")
    (tmp_path / "plain.py").write_text("VALUE = 2\n" * 2000, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    found = json.loads(out.stdout.strip().splitlines()[-1])
    # 0: a module that uses PySide (features switchable), -1: ignored, as shiboken sets them
    assert found == {"uses_qt": 0, "plain": -1, "cached": []}


def test_mentions_pyside_reads_the_file_and_refuses_what_has_none(tmp_path: Path) -> None:
    with_qt = types.ModuleType("with_qt")
    with_qt.__file__ = str(tmp_path / "with_qt.py")
    (tmp_path / "with_qt.py").write_text("import PySide6\n", encoding="utf-8")
    without = types.ModuleType("without")
    without.__file__ = str(tmp_path / "without.py")
    (tmp_path / "without.py").write_text("import os\n", encoding="utf-8")
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")
    assert mentions_pyside(with_qt)
    assert not mentions_pyside(without)
    assert not mentions_pyside(gone)  # no file: as inspect's OSError
    assert not mentions_pyside(sys)  # built-in: no __file__
