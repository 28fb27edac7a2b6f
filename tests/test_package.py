"""The frozen bundle in dist/ (built by `make package`) runs: commands, window, data files.

Skipped unless dist/planner/planner exists.  Each test starts the frozen binary with the
offscreen platform and the per-test PLANNER_DATA_DIR from conftest, so nothing touches the
user's data.  The same checks run inside `make package` as packaging/smoke.sh.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from planner import __version__

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "planner"
EXE = BUNDLE / "planner"
INTERNAL = BUNDLE / "_internal"
DEB = ROOT / "dist" / f"usmca-planner_{__version__}_amd64.deb"
ARCHIVE = ROOT / "dist" / f"planner-{__version__}-linux-x86_64.tar.gz"

pytestmark = [
    pytest.mark.package,
    pytest.mark.skipif(not EXE.exists(), reason="no frozen bundle: run `make package`"),
]

# What a missing module, shared library, Qt plugin or data file prints.
MISSING_SIGNS = (
    "No module named",
    "ModuleNotFoundError",
    "ImportError",
    "Could not find the Qt platform plugin",
    "Could not load the Qt platform plugin",
    "cannot open shared object",
    "FileNotFoundError",
    "Traceback",
)


def frozen(*args: str, exe: Path = EXE) -> subprocess.CompletedProcess[str]:
    """Run the frozen app headless, with nothing from this virtual environment leaking in."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "QT_PLUGIN_PATH")
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [str(exe), *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    for sign in MISSING_SIGNS:
        assert sign not in result.stderr, f"{args}: {result.stderr[-2000:]}"
    return result


def shipped_files() -> list[str]:
    """Files under seeds/ and resources/ that the bundle must carry (sources excluded)."""
    files = []
    for folder in ("seeds", "resources"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix not in (".ts", ".py", ".pyc"):
                files.append(str(path.relative_to(ROOT)))
    return sorted(files)


def example_scenarios() -> list[Path]:
    return sorted((INTERNAL / "resources" / "scenarios").glob("*.usmca.json"))


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_version():
    result = frozen("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"planner {__version__}"


def test_bundle_carries_seeds_and_resources():
    missing = [f for f in shipped_files() if not (INTERNAL / f).is_file()]
    assert not missing, f"not in the bundle: {missing[:10]}"
    built = [p.name for p in (INTERNAL / "resources" / "translations").glob("*.qm")]
    sources = [p.stem for p in (ROOT / "resources" / "translations").glob("*.ts")]
    assert sorted(f"{s}.qm" for s in sources) == sorted(built)


def test_bundle_keeps_only_the_qt_it_needs():
    qt = INTERNAL / "PySide6" / "Qt"
    platforms = sorted(p.name for p in (qt / "plugins" / "platforms").iterdir())
    assert platforms == ["libqminimal.so", "libqoffscreen.so", "libqxcb.so"]
    for unused in ("libQt6Network.so.6", "libQt6Qml.so.6", "libQt6Quick.so.6", "libQt6Pdf.so.6"):
        assert not (qt / "lib" / unused).exists(), unused
    assert not (qt / "qml").exists()
    dangling = [p for p in BUNDLE.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling, dangling


def test_every_example_scenario_validates():
    scenarios = example_scenarios()
    assert scenarios, "no example scenario in the bundle"
    for scenario in scenarios:
        result = frozen("validate", str(scenario))
        assert result.returncode == 0, f"{scenario.name}: {result.stderr}"


def test_run_prints_results_as_json():
    scenario = example_scenarios()[0]
    result = frozen("run", str(scenario), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)


def test_unknown_lever_exits_2_naming_the_valid_ones(tmp_path):
    content = json.loads((example_scenarios()[0]).read_text(encoding="utf-8"))
    content["levers"] = {"no_such_lever": {"enabled": True}}
    bad = tmp_path / "bad.usmca.json"
    bad.write_text(json.dumps(content), encoding="utf-8")
    result = frozen("validate", str(bad))
    assert result.returncode == 2, result.stderr
    assert "no_such_lever" in result.stderr
    assert "tmfc_corridor" in result.stderr  # the list of valid ids comes from the bundled seeds


def test_screenshot_renders_the_window(tmp_path):
    shot = tmp_path / "window.png"
    result = frozen("--screenshot", str(shot), str(example_scenarios()[0]))
    assert result.returncode == 0, result.stderr
    width, height = png_size(shot)
    assert (width, height) >= (800, 500)
    assert shot.stat().st_size > 20_000, "a blank window?"


@pytest.mark.skipif(not ARCHIVE.exists(), reason="no archive: run `make package`")
def test_archive_holds_the_bundle():
    with tarfile.open(ARCHIVE) as archive:
        names = set(archive.getnames())
    assert "planner/planner" in names
    assert "planner/_internal/PySide6/Qt/plugins/platforms/libqxcb.so" in names


@pytest.mark.skipif(not DEB.exists(), reason="no .deb: run `make package`")
def test_deb_installs_a_working_launcher(tmp_path):
    subprocess.run(["dpkg-deb", "-x", str(DEB), str(tmp_path)], check=True)
    for installed in (
        "usr/share/applications/usmca-planner.desktop",
        "usr/share/mime/packages/usmca-planner.xml",
        "usr/share/icons/hicolor/scalable/apps/usmca-planner.svg",
        "opt/usmca-planner/planner",
    ):
        assert (tmp_path / installed).is_file(), installed
    desktop = (tmp_path / "usr/share/applications/usmca-planner.desktop").read_text()
    assert "Exec=usmca-planner %f" in desktop
    assert "MimeType=application/x-usmca-scenario+json;" in desktop
    mime = (tmp_path / "usr/share/mime/packages/usmca-planner.xml").read_text()
    assert 'glob pattern="*.usmca.json"' in mime

    launcher = tmp_path / "usr" / "bin" / "usmca-planner"
    result = frozen("--version", exe=launcher)
    assert result.stdout.strip() == f"planner {__version__}"
    scenario = (
        tmp_path / "opt/usmca-planner/_internal/resources/scenarios" / example_scenarios()[0].name
    )
    result = frozen("run", str(scenario), "--json", exe=launcher)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)


@pytest.mark.skipif(not DEB.exists(), reason="no .deb: run `make package`")
@pytest.mark.skipif(not shutil.which("update-mime-database"), reason="needs shared-mime-info")
def test_deb_mime_type_claims_scenario_files(tmp_path):
    subprocess.run(["dpkg-deb", "-x", str(DEB), str(tmp_path / "root")], check=True)
    share = tmp_path / "root" / "usr" / "share"
    subprocess.run(["update-mime-database", str(share / "mime")], check=True, capture_output=True)
    scenario = tmp_path / "mine.usmca.json"
    scenario.write_bytes(example_scenarios()[0].read_bytes())
    code = (
        "import sys; from PySide6.QtCore import QMimeDatabase; "
        "t = QMimeDatabase().mimeTypeForFile(sys.argv[1]); print(t.name(), t.parentMimeTypes())"
    )
    env = {**os.environ, "XDG_DATA_DIRS": str(share), "XDG_DATA_HOME": str(tmp_path / "none")}
    found = subprocess.run(
        [sys.executable, "-c", code, str(scenario)], capture_output=True, text=True, env=env
    )
    assert found.stdout.split()[0] == "application/x-usmca-scenario+json", found.stderr
    assert "application/json" in found.stdout
