"""The frozen bundle in dist/ (built by `make package`) runs: commands, window, data files.

The `package` tests are skipped unless dist/planner/planner exists.  Each starts the frozen
binary with the offscreen platform and the per-test PLANNER_DATA_DIR from conftest, so nothing
touches the user's data.  The same checks run inside `make package` as packaging/smoke.sh.
The licence notices generator (packaging/notices.py) is tested without a build too.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import re
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

NOTICES_SCRIPT = ROOT / "packaging" / "notices.py"
NOTICES = "THIRD-PARTY-NOTICES.txt"
# The distributions the app cannot run without, as the notices must name them, and test tools
# they must not (the bundle excludes them; the requirement walk must not follow extras).
RUNTIME_DISTRIBUTIONS = ("numpy", "pandas", "pyqtgraph", "pyside6-essentials", "shiboken6")
TEST_ONLY = ("pytest", "hypothesis", "pytest-qt", "ruff", "import-linter")


def needs_bundle(test):
    """Mark a test that runs what `make package` built: skipped until it exists."""
    skip = pytest.mark.skipif(not EXE.exists(), reason="no frozen bundle: run `make package`")
    return pytest.mark.package(skip(test))


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
    """Files under seeds/ and resources/ that the bundle must carry (sources excluded, and
    resources/screenshots, which only illustrates the README: the spec and smoke.sh skip it)."""
    files = []
    for folder in ("seeds", "resources"):
        for path in (ROOT / folder).rglob("*"):
            rel = path.relative_to(ROOT)
            if rel.parts[:2] == ("resources", "screenshots") or "__pycache__" in rel.parts:
                continue
            if path.is_file() and path.suffix not in (".ts", ".py", ".pyc"):
                files.append(str(rel))
    return sorted(files)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def notice_entries(text: str) -> dict[str, str]:
    """Each entry of a notices file by its canonical name ("appendix ID" for an appendix)."""
    parts = re.split(r"^={80}\n(.+)\n={80}\n", text, flags=re.MULTILINE)
    entries = {}
    for head, body in zip(parts[1::2], parts[2::2], strict=True):
        words = head.split()
        key = f"appendix {words[1]}" if words[0] == "Appendix:" else canonical(words[0])
        entries[key] = body
    return entries


def generate_notices(output: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(NOTICES_SCRIPT), "--output", str(output), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def check_notices(text: str) -> dict[str, str]:
    """The checks every notices file passes, bundle or not; returns its entries."""
    entries = notice_entries(text)
    for name in RUNTIME_DISTRIBUTIONS:
        assert name in entries, f"{name} is not in the notices"
    for name in TEST_ONLY:
        assert name not in entries, f"{name} (a test tool) is in the notices"
    assert canonical("usmca-planner") not in entries  # ours: LICENSE, not a third party
    for name in ("numpy", "pandas", "pyqtgraph"):
        assert "\n--- " in entries[name], f"no licence text for {name}"
    assert "Permission is hereby granted" in entries["pyqtgraph"]  # its MIT text, whole
    # The PySide6/shiboken6 wheels ship no licence file: the standard texts of the licences
    # they name are in the appendix, and their entries say so.
    for name in ("pyside6-essentials", "shiboken6"):
        assert "LGPL-3.0" in entries[name]
        assert "appendix" in entries[name]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in entries["appendix LGPL-3.0"]
    gpl = entries["appendix GPL-3.0"]  # the LGPL v3 adds to it: both texts must go along
    assert "GNU GENERAL PUBLIC LICENSE" in gpl and "Version 3, 29 June 2007" in gpl
    assert "licenses-used-in-qt" in entries["pyside6-essentials"]  # Qt's own third parties
    assert entries["cpython"].count("PSF") >= 1  # the Python runtime is bundled too
    return entries


def example_scenarios() -> list[Path]:
    return sorted((INTERNAL / "resources" / "scenarios").glob("*.usmca.json"))


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_notices_name_the_runtime_dependencies_with_their_licences(tmp_path):
    """Without a bundle the generator lists the declared run-time requirements, recursively."""
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    result = generate_notices(first)
    assert result.returncode == 0, result.stderr
    assert generate_notices(second).returncode == 0
    assert first.read_bytes() == second.read_bytes(), "the notices are not deterministic"
    text = first.read_text(encoding="utf-8")
    entries = check_notices(text)
    for name in ("pydantic", "sqlite-utils", "openpyxl", "platformdirs", "python-dateutil"):
        assert name in entries, name
    assert "/root/" not in text and str(ROOT) not in text, "a build-machine path in the notices"


def test_notices_fail_without_licence_information(tmp_path, monkeypatch):
    """A distribution that names no licence and ships no licence file stops the build."""
    spec = importlib.util.spec_from_file_location("notices", NOTICES_SCRIPT)
    notices = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "notices", notices)  # dataclasses look their module up
    spec.loader.exec_module(notices)
    info = tmp_path / "nolicence-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: nolicence\nVersion: 1.0\n")
    dist = importlib.metadata.PathDistribution(info)
    with pytest.raises(notices.NoticesError, match="no licence metadata and no licence file"):
        notices.distribution_entry(dist, [])
    # A licence named but no text shipped: listed, with a note, and a warning for the build log.
    (info / "METADATA").write_text(
        "Metadata-Version: 2.4\nName: nolicence\nVersion: 1.0\nLicense-Expression: MIT\n"
    )
    warnings: list[str] = []
    entry = notices.distribution_entry(importlib.metadata.PathDistribution(info), warnings)
    assert entry.licence == "MIT"
    assert any("ships no licence text" in note for note in entry.notes)
    assert warnings


@needs_bundle
def test_bundle_carries_the_licences():
    assert (BUNDLE / "LICENSE").read_text() == (ROOT / "LICENSE").read_text()
    text = (BUNDLE / NOTICES).read_text(encoding="utf-8")
    assert "Listed from: the contents of the frozen bundle" in text
    entries = check_notices(text)
    # What PyInstaller copied in beyond the Python packages: its bootloader, the system's xcb
    # libraries (Debian packages, with their copyright files).
    assert "pyinstaller" in entries
    assert "--- /usr/share/doc/libxcb-cursor0/copyright" in entries["libxcb-cursor0"]
    # Every distribution whose metadata PyInstaller bundled is named.
    for info in INTERNAL.glob("*.dist-info"):
        assert canonical(info.name.split("-")[0]) in entries, info.name


@needs_bundle
def test_version():
    result = frozen("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"planner {__version__}"


@needs_bundle
def test_bundle_carries_seeds_and_resources():
    missing = [f for f in shipped_files() if not (INTERNAL / f).is_file()]
    assert not missing, f"not in the bundle: {missing[:10]}"
    built = [p.name for p in (INTERNAL / "resources" / "translations").glob("*.qm")]
    sources = [p.stem for p in (ROOT / "resources" / "translations").glob("*.ts")]
    assert sorted(f"{s}.qm" for s in sources) == sorted(built)


@needs_bundle
def test_bundle_keeps_only_the_qt_it_needs():
    qt = INTERNAL / "PySide6" / "Qt"
    platforms = sorted(p.name for p in (qt / "plugins" / "platforms").iterdir())
    assert platforms == ["libqminimal.so", "libqoffscreen.so", "libqxcb.so"]
    for unused in ("libQt6Network.so.6", "libQt6Qml.so.6", "libQt6Quick.so.6", "libQt6Pdf.so.6"):
        assert not (qt / "lib" / unused).exists(), unused
    assert not (qt / "qml").exists()
    dangling = [p for p in BUNDLE.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling, dangling


@needs_bundle
def test_every_example_scenario_validates():
    scenarios = example_scenarios()
    assert scenarios, "no example scenario in the bundle"
    for scenario in scenarios:
        result = frozen("validate", str(scenario))
        assert result.returncode == 0, f"{scenario.name}: {result.stderr}"


@needs_bundle
def test_run_prints_results_as_json():
    scenario = example_scenarios()[0]
    result = frozen("run", str(scenario), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)


@needs_bundle
def test_unknown_lever_exits_2_naming_the_valid_ones(tmp_path):
    content = json.loads((example_scenarios()[0]).read_text(encoding="utf-8"))
    content["levers"] = {"no_such_lever": {"enabled": True}}
    bad = tmp_path / "bad.usmca.json"
    bad.write_text(json.dumps(content), encoding="utf-8")
    result = frozen("validate", str(bad))
    assert result.returncode == 2, result.stderr
    assert "no_such_lever" in result.stderr
    assert "tmfc_corridor" in result.stderr  # the list of valid ids comes from the bundled seeds


@needs_bundle
def test_screenshot_renders_the_window(tmp_path):
    shot = tmp_path / "window.png"
    result = frozen("--screenshot", str(shot), str(example_scenarios()[0]))
    assert result.returncode == 0, result.stderr
    width, height = png_size(shot)
    assert (width, height) >= (800, 500)
    assert shot.stat().st_size > 20_000, "a blank window?"


@needs_bundle
@pytest.mark.skipif(not ARCHIVE.exists(), reason="no archive: run `make package`")
def test_archive_holds_the_bundle():
    with tarfile.open(ARCHIVE) as archive:
        names = set(archive.getnames())
    assert "planner/planner" in names
    assert "planner/_internal/PySide6/Qt/plugins/platforms/libqxcb.so" in names
    assert {"planner/LICENSE", f"planner/{NOTICES}"} <= names


@needs_bundle
@pytest.mark.skipif(not DEB.exists(), reason="no .deb: run `make package`")
def test_deb_installs_a_working_launcher(tmp_path):
    subprocess.run(["dpkg-deb", "-x", str(DEB), str(tmp_path)], check=True)
    for installed in (
        "usr/share/applications/usmca-planner.desktop",
        "usr/share/mime/packages/usmca-planner.xml",
        "usr/share/icons/hicolor/scalable/apps/usmca-planner.svg",
        "opt/usmca-planner/planner",
        "usr/share/doc/usmca-planner/copyright",
        "opt/usmca-planner/LICENSE",
        f"opt/usmca-planner/{NOTICES}",
    ):
        assert (tmp_path / installed).is_file(), installed
    # Debian's copyright file covers the whole package: the planner's licence, then the
    # bundle's third-party notices, each whole.
    copyright_text = (tmp_path / "usr/share/doc/usmca-planner/copyright").read_text()
    assert copyright_text.startswith((ROOT / "LICENSE").read_text())
    notices = (BUNDLE / NOTICES).read_text(encoding="utf-8")
    assert copyright_text.endswith(notices)
    assert (tmp_path / f"opt/usmca-planner/{NOTICES}").read_text(encoding="utf-8") == notices
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


@needs_bundle
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
