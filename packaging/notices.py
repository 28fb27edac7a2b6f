"""Write THIRD-PARTY-NOTICES.txt: the licences of everything the planner ships but did not write.

    .venv/bin/python packaging/notices.py --bundle dist/planner \\
        --output dist/planner/THIRD-PARTY-NOTICES.txt           # what `make package` runs
    .venv/bin/python packaging/notices.py --output /tmp/THIRD-PARTY-NOTICES.txt  # no build

Where the list comes from. With --bundle (packaging/build.sh), from what PyInstaller actually
put in the bundle: every file under _internal/ is matched against the RECORD of the installed
distributions, and every module in the bundle's PYZ archive (read back from the executable with
PyInstaller's own archive reader) against the files and import names of the distributions.
That is the honest list, and it differs from the declared requirements both ways: sqlite-utils
declares pip and click-default-group and python-dateutil declares tzdata, none of which the app
imports, so they are not in the bundle; and the bundle carries code that no requirement names:
PyInstaller's bootloader (the executable) and runtime hooks, the Python runtime, and shared
libraries PyInstaller copied from the build machine (zlib, libffi, xcb-util...), which belong to
Debian packages (found with ldconfig and dpkg, as build.sh finds the .deb's Depends).

Without --bundle (a quick look, and the tests, which run before any build), from the declared
run-time requirements of the usmca-planner distribution, walked recursively with
importlib.metadata (markers evaluated, extras followed only where a requirement asks for them,
so the project's own `test` and `package` extras stay out), plus the Python runtime. That list
over-approximates (see above) and knows nothing of system libraries.

For each entry: name, version, licence (License-Expression, else License, else the License ::
classifiers), home page, and the full text of its licence files: in .dist-info, LICENSE*,
LICENCE*, COPYING*, NOTICE*, AUTHORS* and everything under licenses/; elsewhere in the
distribution, files so named whose text is not already there (pyqtgraph's CC-BY notice for its
colour maps). A Debian package: its /usr/share/doc/PACKAGE/copyright.

Fails (exit 1, naming them) if an entry has no licence information at all, or if the bundle
holds a file that belongs to nothing known. A distribution that names a licence but ships no
text of it (PySide6-Essentials and shiboken6: LGPL-3.0/GPL, their wheels carry no licence file)
gets the standard texts of the licences it names, from /usr/share/common-licenses (Debian's
base-files), in an appendix, and a note saying so with each licence's URL; where no such text
is found, the note and a warning only.

The output is deterministic: sorted, no dates, no paths of the build machine.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata as md
import platform
import re
import subprocess
import sys
import sysconfig
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PROJECT = "usmca-planner"
NOTICES = "THIRD-PARTY-NOTICES.txt"
# What build.sh puts next to the executable: ours, not third-party.
OWN_FILES = frozenset({"LICENSE", NOTICES})
# Owners that are not distributions.
OURS = ":project"
RUNTIME = ":python"

BAR = "=" * 80
WIDTH = 96

# Licence-like file names: dragon4_LICENSE.txt and pyqtgraph's "CC-BY license - ....txt" and
# "CC0 legal code - ....txt" (for its colour maps) count too; source files so named
# (packaging/licenses/_spdx.py) are code, not licences.
LICENCE_NAME = re.compile(
    r"(^|[^a-z])(licen[cs]e|copying|copyright|notice|authors|legal)", re.IGNORECASE
)
CODE_SUFFIXES = (".py", ".pyc", ".pyi", ".so", ".pyd", ".dll", ".dylib")

# Licences whose text names no copyright holder, so the standard text is the whole licence
# (unlike MIT or BSD, whose text carries the authors' own notice and cannot be supplied for
# them). SPDX id without -only/-or-later -> (file in /usr/share/common-licenses, URL).
COMMON_LICENSES = Path("/usr/share/common-licenses")
STANDARD_TEXTS = {
    "Apache-2.0": ("Apache-2.0", "https://www.apache.org/licenses/LICENSE-2.0.txt"),
    "GPL-2.0": ("GPL-2", "https://www.gnu.org/licenses/old-licenses/gpl-2.0.txt"),
    "GPL-3.0": ("GPL-3", "https://www.gnu.org/licenses/gpl-3.0.txt"),
    "LGPL-2.1": ("LGPL-2.1", "https://www.gnu.org/licenses/old-licenses/lgpl-2.1.txt"),
    "LGPL-3.0": ("LGPL-3", "https://www.gnu.org/licenses/lgpl-3.0.txt"),
    "MPL-2.0": ("MPL-2.0", "https://www.mozilla.org/MPL/2.0/"),
}
# The LGPL v3 is a set of permissions added to the GPL v3: whoever conveys LGPL code must give
# both texts (LGPL-3.0 section 4(b)).
IMPLIED_TEXTS = {"LGPL-3.0": "GPL-3.0"}

# What a distribution carries that its metadata does not say, by canonical name. Written into
# the notices so a reader (and the lead) sees the gap; the wheels ship nothing better.
NOTES = {
    "pyside6-essentials": (
        "The wheel also carries the Qt 6 libraries and plugins (PySide6/Qt/), with the "
        "third-party code Qt builds in (ICU, PCRE2, HarfBuzz, zlib, libpng, double-conversion "
        "and others; the list and their licences: https://doc.qt.io/qt-6/licenses-used-in-qt.html"
        "), and ships no licence text for any of them. PySide6 "
        "and Qt are distributed here under the LGPL-3.0 option: they are separate shared "
        "libraries in _internal/PySide6/ and _internal/shiboken6/, which may be replaced with "
        "other builds of the same version. Source code: "
        "https://download.qt.io/official_releases/QtForPython/ (PySide6, shiboken6) and "
        "https://download.qt.io/official_releases/qt/ (Qt)."
    ),
    "shiboken6": "Source code: https://download.qt.io/official_releases/QtForPython/.",
    "pyinstaller": (
        "The program's executable is PyInstaller's bootloader, and the bundle holds PyInstaller's "
        "start-up modules and runtime hooks. PyInstaller is GPL-2.0-or-later, but the "
        "bootloader exception (for the bootloader and its start-up modules) and the Apache-2.0 "
        "terms of the runtime hooks, both in COPYING.txt below, allow distributing them with "
        "any program."
    ),
    "pyinstaller-hooks-contrib": (
        "Only its runtime hooks are in the bundle; they are under the Apache-2.0 licence "
        "(see 'Runtime hooks' in the LICENSE below)."
    ),
}


class NoticesError(Exception):
    """Something a notice needs is missing: the build must stop rather than ship without it."""


@dataclass
class Entry:
    """One thing shipped: a Python distribution, the Python runtime or a Debian package."""

    name: str
    version: str
    kind: str
    licence: str
    home: str
    texts: list[tuple[str, str]] = field(default_factory=list)  # (where from, full text)
    standard: list[str] = field(default_factory=list)  # ids of texts in the appendix
    notes: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[int, str]:
        return (list(KINDS).index(self.kind), canonicalize_name(self.name))


# Entry kinds, in the order of the file, with the heading of their group in the contents.
KINDS = {
    "Python package": "Python packages",
    "Python runtime": "Python runtime",
    "Debian package": "Debian packages (shared libraries copied from the build system)",
}


# --- Python distributions ------------------------------------------------------------------


def installed() -> dict[str, md.Distribution]:
    """Every installed distribution by canonical name; the first on sys.path wins, as in import."""
    found: dict[str, md.Distribution] = {}
    for dist in md.distributions():
        name = dist.metadata["Name"]
        if name:
            found.setdefault(canonicalize_name(name), dist)
    return found


def declared_distributions(project: str = PROJECT) -> list[md.Distribution]:
    """The installed distributions the project's run-time requirements reach, recursively.

    A requirement counts when its marker holds for this interpreter with no extra requested,
    or with one of the extras the requiring side asked for (pydantic[email] would bring
    email-validator); the project's own extras are never requested.
    """
    dists = installed()
    seen: dict[str, set[str]] = {}  # canonical name -> extras already followed
    todo: list[tuple[str, frozenset[str]]] = [(canonicalize_name(project), frozenset())]
    while todo:
        name, extras = todo.pop()
        if name in seen and extras <= seen[name]:
            continue
        seen.setdefault(name, set()).update(extras)
        dist = dists.get(name)
        if dist is None:
            raise NoticesError(f"{name} is a run-time requirement but is not installed")
        for spec in dist.requires or []:
            req = Requirement(spec)
            wanted = not req.marker or any(
                req.marker.evaluate({"extra": extra}) for extra in ("", *extras)
            )
            if wanted:
                todo.append((canonicalize_name(req.name), frozenset(req.extras)))
    seen.pop(canonicalize_name(project))
    return [dists[name] for name in sorted(seen)]


def licence_summary(meta: md.PackageMetadata) -> tuple[str, str | None]:
    """(the licence in one line, the License field's text when it is a whole licence)."""
    expression = (meta.get("License-Expression") or "").strip()
    field_text = (meta.get("License") or "").strip()
    classifiers = [
        c.removeprefix("License :: ").removeprefix("OSI Approved :: ")
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    # Some projects paste their whole licence into the License field: a text, not a name.
    full_text = field_text if "\n" in field_text or len(field_text) > 200 else None
    if full_text:
        field_text = ""
    # Classifiers only when nothing more precise is given: they mostly repeat it ("MIT License").
    summary = expression or field_text or "; ".join(classifiers)
    return summary, full_text


def home_page(meta: md.PackageMetadata) -> str:
    """Home-page, else the Project-URL labelled like a home page or a repository."""
    if meta.get("Home-page"):
        return meta["Home-page"].strip()
    urls = {}
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        urls.setdefault(re.sub(r"[^a-z]", "", label.lower()), url.strip())
    for label in ("homepage", "home", "source", "sourcecode", "repository", "github"):
        if label in urls:
            return urls[label]
    return next(iter(urls.values()), "not given")


def clean_text(data: bytes) -> str:
    text = data.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n")) + "\n"


def licence_files(dist: md.Distribution) -> list[tuple[str, str]]:
    """(path in the distribution, text) of its licence files, .dist-info ones first; a file
    elsewhere only if its text is not already among them (numpy ships both copies)."""
    in_info, elsewhere = [], []
    for path in dist.files or []:
        rel = path.as_posix()
        if rel.startswith("../") or path.name.endswith(CODE_SUFFIXES):
            continue
        parts = rel.split("/")
        if parts[0].endswith((".dist-info", ".egg-info")):
            if "licenses" in parts[1:-1] or LICENCE_NAME.search(path.name):
                in_info.append(path)
        elif LICENCE_NAME.search(path.name):
            elsewhere.append(path)
    texts, seen = [], set()
    for path in sorted(in_info, key=str) + sorted(elsewhere, key=str):
        located = Path(str(dist.locate_file(path)))
        if not located.is_file():
            continue
        text = clean_text(located.read_bytes())
        digest = hashlib.sha256(text.encode()).hexdigest()
        if digest not in seen:
            seen.add(digest)
            texts.append((path.as_posix(), text))
    return texts


def spdx_ids(expression: str) -> list[str]:
    """The licence ids of an SPDX-like expression, in order, without -only/-or-later/+."""
    ids = []
    for token in re.findall(r"[A-Za-z0-9.+-]+", expression):
        if token.upper() in ("AND", "OR", "WITH"):
            continue
        base = re.sub(r"(-only|-or-later|\+)$", "", token)
        if base not in ids:
            ids.append(base)
    return ids


def distribution_entry(dist: md.Distribution, warnings: list[str]) -> Entry:
    """The notice of one distribution; raises if it has no licence information at all."""
    meta = dist.metadata
    summary, full_text = licence_summary(meta)
    texts = licence_files(dist)
    if full_text:
        texts.append(("License field of the package metadata", clean_text(full_text.encode())))
    name = meta["Name"]
    if not summary and not texts:
        raise NoticesError(f"{name} {dist.version}: no licence metadata and no licence file")
    entry = Entry(name, dist.version, "Python package", summary or "see below", home_page(meta))
    entry.texts = texts
    canonical = canonicalize_name(name)
    if canonical in NOTES:
        entry.notes.append(NOTES[canonical])
    if not texts:
        named = spdx_ids(meta.get("License-Expression") or meta.get("License") or "")
        for implied in [IMPLIED_TEXTS[i] for i in named if i in IMPLIED_TEXTS]:
            if implied not in named:
                named.append(implied)
        known = [i for i in named if i in STANDARD_TEXTS]
        available = [i for i in known if (COMMON_LICENSES / STANDARD_TEXTS[i][0]).is_file()]
        entry.standard = sorted(available)
        urls = [f"{i}: {STANDARD_TEXTS[i][1]}" for i in known] + [
            f"{i}: https://spdx.org/licenses/{i}.html" for i in named if i not in known
        ]
        where = (
            f"the standard text of {', '.join(entry.standard)} is in the appendix at the end"
            if entry.standard
            else "no text of it is included here"
        )
        entry.notes.append(
            f"The package ships no licence text (its metadata names {summary}); {where}. "
            f"Licence texts online: {'; '.join(urls) or 'none known'}."
        )
        if set(available) != set(named):
            missing = ", ".join(i for i in named if i not in available) or summary
            warnings.append(f"{name} {dist.version} ships no licence text; not found: {missing}")
    return entry


def python_runtime_entry() -> Entry:
    """CPython itself: PyInstaller bundles its shared library and standard library."""
    version = platform.python_version()
    short = f"{sys.version_info.major}.{sys.version_info.minor}"
    candidates = [
        (Path(sysconfig.get_path("stdlib")) / "LICENSE.txt", "LICENSE.txt of the standard library"),
        (Path(f"/usr/share/doc/python{short}/copyright"), f"Debian's python{short} copyright"),
        (
            Path(f"/usr/share/doc/libpython{short}-minimal/copyright"),
            f"Debian's libpython{short}-minimal copyright",
        ),
    ]
    found = next(((path, label) for path, label in candidates if path.is_file()), None)
    if found is None:
        looked = ", ".join(str(p) for p, _ in candidates)
        raise NoticesError(f"the Python {version} licence text is not in any of: {looked}")
    entry = Entry(
        platform.python_implementation(),
        version,
        "Python runtime",
        "PSF-2.0",
        "https://www.python.org",
    )
    entry.texts = [(found[1], clean_text(found[0].read_bytes()))]
    entry.notes.append(
        f"The interpreter (libpython{short}), the standard-library modules the program uses and "
        f"their extension modules (python{short}/lib-dynload)."
    )
    return entry


# --- the frozen bundle ---------------------------------------------------------------------


@dataclass
class BundleContents:
    """Who owns what in a bundle: distribution names, the runtime, Debian libraries."""

    distributions: set[str] = field(default_factory=set)
    runtime: bool = False
    libraries: list[str] = field(default_factory=list)  # top-level .so files of no distribution
    unknown: list[str] = field(default_factory=list)


def scan_bundle(bundle: Path) -> BundleContents:
    """Attribute every file and Python module of a one-folder bundle to its owner."""
    dists = installed()
    owners: dict[str, str] = {}  # path as in site-packages -> canonical distribution name
    for name, dist in dists.items():
        for path in dist.files or []:
            rel = path.as_posix()
            if not rel.startswith("../"):
                owners.setdefault(rel, name)
    project = canonicalize_name(PROJECT)
    short = f"{sys.version_info.major}.{sys.version_info.minor}"
    found = BundleContents()

    def own(owner: str | None, what: str) -> None:
        if owner is None:
            found.unknown.append(what)
        elif owner == RUNTIME:
            found.runtime = True
        elif owner not in (OURS, project):
            found.distributions.add(owner)

    internal = bundle / "_internal" if (bundle / "_internal").is_dir() else bundle
    runtimes = sorted(p.name for p in internal.glob("python3.*") if p.is_dir())
    if runtimes and runtimes != [f"python{short}"]:
        raise NoticesError(
            f"the bundle holds {runtimes[0]}, this is Python {short}: run notices.py with the "
            "interpreter that built the bundle (.venv/bin/python)"
        )
    archives = []
    for path in sorted(bundle.iterdir()):
        if path == internal or path.name in OWN_FILES:
            continue
        if path.is_file() and is_pyinstaller_archive(path):
            archives.append(path)
            own("pyinstaller", path.name)  # the bootloader
        else:
            own(None, path.name)
    if not archives:
        raise NoticesError(f"no PyInstaller executable in {bundle}")

    for path in sorted(internal.rglob("*")):
        # Symlinks point at collected files, which are attributed themselves.
        if path.is_symlink() or not path.is_file():
            continue
        rel = path.relative_to(internal).as_posix()
        if rel in owners:
            own(owners[rel], rel)
        elif (
            rel == "base_library.zip"
            or rel.startswith(f"python{short}/")
            or path.name.startswith("libpython")
        ):
            own(RUNTIME, rel)
        elif (ROOT / rel).is_file():
            own(OURS, rel)  # seeds/, resources/
        elif "/" not in rel and ".so" in path.name:
            found.libraries.append(rel)
        else:
            own(None, rel)

    packages = md.packages_distributions()
    for archive in archives:
        for module in archive_modules(archive):
            own(module_owner(module, owners, packages), f"module {module}")
    return found


def is_pyinstaller_archive(path: Path) -> bool:
    from PyInstaller.archive.readers import CArchiveReader, NotAnArchiveError

    try:
        CArchiveReader(str(path))
    except (NotAnArchiveError, OSError, ValueError):
        return False
    return True


def archive_modules(executable: Path) -> list[str]:
    """The Python modules an executable carries: its start-up scripts and its PYZ archive.

    PyInstaller's reader is what its pyi-archive_viewer uses; imported here only, so the
    requirements mode works without PyInstaller installed.
    """
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(executable))
    modules = []
    for name in archive.toc:
        if name.endswith(".pyz"):
            modules.extend(archive.open_embedded_archive(name).toc)
        elif " " not in name and not name.startswith("pyi-"):  # "pyi-..." are bootloader options
            modules.append(name)
    return sorted(set(modules))


def module_owner(module: str, owners: dict[str, str], packages: dict[str, list[str]]) -> str | None:
    """The owner of a module: a distribution, the runtime (standard library) or the project."""
    if module == "__main__":
        return OURS  # the entry script, planner/__main__.py
    rel = module.replace(".", "/")
    candidates = (f"{rel}.py", f"{rel}/__init__.py")
    for candidate in candidates:
        if candidate in owners:
            return owners[candidate]
    top = module.split(".")[0]
    if top in sys.stdlib_module_names or top.startswith("_sysconfigdata"):
        return RUNTIME
    if (ROOT / candidates[0]).is_file() or (ROOT / candidates[1]).is_file():
        return OURS  # the planner package (installed in editable mode: not in any RECORD)
    if any((ROOT / "packaging").rglob(f"{top}.py")):
        return OURS  # the spec's own runtime hooks
    # PyInstaller's start-up modules and runtime hooks live deeper in their distribution
    # (PyInstaller/loader/pyimod01_archive.py, _pyinstaller_hooks_contrib/rthooks/...).
    for candidate in candidates:
        matches = {owner for path, owner in owners.items() if path.endswith("/" + candidate)}
        if len(matches) == 1:
            return matches.pop()
    names = {canonicalize_name(n) for n in packages.get(top, [])}
    return names.pop() if len(names) == 1 else None


def debian_packages(bundle: Path, libraries: Iterable[str]) -> dict[str, list[str]]:
    """Debian package (with architecture) -> the bundled libraries it installed.

    The library a bundle carries is the one the build machine's loader finds for its soname
    (PyInstaller resolves it the same way); dpkg tells which package installed that file.
    """
    internal = bundle / "_internal" if (bundle / "_internal").is_dir() else bundle
    cache = run(["ldconfig", "-p"])
    found: dict[str, list[str]] = {}
    unknown = []
    for soname in sorted(libraries):
        paths = re.findall(rf"^\s*{re.escape(soname)} \(.*\) => (\S+)$", cache, re.MULTILINE)
        bundled = (internal / soname).read_bytes()
        # Of several (multiarch), the one whose bytes the bundle carries.
        paths.sort(key=lambda p: not Path(p).is_file() or Path(p).read_bytes() != bundled)
        package = None
        for path in paths:
            real = str(Path(path).resolve())
            for query in (path, real, f"/usr{path}", f"/usr{real}"):
                out = run(["dpkg", "-S", query], check=False)
                if out:
                    package = out.split(": ", 1)[0].split(", ")[0]
                    break
            if package:
                break
        if package:
            found.setdefault(package, []).append(soname)
        else:
            unknown.append(soname)
    if unknown:
        raise NoticesError(
            "bundled libraries that belong to no Python distribution and no Debian package "
            f"(where do they come from, and under which licence?): {', '.join(unknown)}"
        )
    return found


def debian_entry(package: str, libraries: list[str]) -> Entry:
    """A Debian package's notice: its copyright file, as Debian ships it."""
    version, _, homepage = run(
        ["dpkg-query", "-W", "-f=${Version}\t${Homepage}", package]
    ).partition("\t")
    name = package.split(":")[0]
    copyright_file = Path("/usr/share/doc") / name / "copyright"
    if not copyright_file.is_file():
        raise NoticesError(f"{package} (bundled: {', '.join(libraries)}) has no {copyright_file}")
    text = clean_text(copyright_file.read_bytes())
    # Machine-readable copyright files (DEP-5) name their licences on License: lines.
    licences = list(dict.fromkeys(re.findall(r"^License:[ \t]*(\S.*)$", text, re.MULTILINE)))
    entry = Entry(
        name,
        version,
        "Debian package",
        ", ".join(licences) or "see the copyright file below",
        homepage or "not given",
    )
    entry.texts = [(f"/usr/share/doc/{name}/copyright", text)]
    entry.notes.append(
        f"Copied from the build system into the bundle: {', '.join(libraries)}. The licences "
        "are all those the copyright file names, for the whole source package; it says which "
        "covers what."
    )
    return entry


def run(command: list[str], check: bool = True) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise NoticesError(
            f"{command[0]} is needed to tell where bundled libraries come from"
        ) from error
    if check and result.returncode != 0:
        raise NoticesError(f"{' '.join(command)} failed: {result.stderr.strip()}")
    return result.stdout.strip() if result.returncode == 0 else ""


# --- the notices file ----------------------------------------------------------------------


def paragraph(text: str, indent: str = "") -> str:
    # URLs stay whole: no breaking inside words or at their hyphens.
    wrapped = textwrap.fill(
        text,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return wrapped + "\n"


def render(entries: list[Entry], source: str) -> str:
    """The notices text: a preamble, a table of contents, one section per entry, an appendix."""
    entries = sorted(entries, key=lambda e: e.key)
    project_version = md.version(PROJECT)
    title = f"USMCA Scenario Planner {project_version}: third-party notices"
    out = [title, "=" * len(title), ""]
    out.append(
        paragraph(
            "The USMCA Scenario Planner is under the MIT licence: the file LICENSE next to this "
            "one (/usr/share/doc/usmca-planner/copyright in the Debian package). The program as "
            "distributed also contains the software below, which stays under its own licence. "
            "Each entry gives its version, licence, home page and the licence texts its authors "
            "ship; where they ship none, the entry says so."
        )
    )
    out.append(paragraph(f"Listed from: {source}."))
    out += ["Contents", "--------"]
    for kind, heading in KINDS.items():
        group = [e for e in entries if e.kind == kind]
        if group:
            out.append(f"{heading}:")
            out += [f"  {e.name} {e.version}: {e.licence}" for e in group]
    appendix = sorted({i for e in entries for i in e.standard})
    if appendix:
        out.append(f"Appendix, standard licence texts: {', '.join(appendix)}")
    out.append("")

    for entry in entries:
        out += [BAR, f"{entry.name} {entry.version} ({entry.kind})", BAR]
        out.append(f"Licence: {entry.licence}")
        out.append(f"Home page: {entry.home}")
        for note in entry.notes:
            out.append(paragraph(f"Note: {note}").rstrip("\n"))
        out.append("")
        for label, text in entry.texts:
            out += [f"--- {label}", "", text]
    for ident in appendix:
        filename, url = STANDARD_TEXTS[ident]
        out += [BAR, f"Appendix: {ident} (standard text, {url})", BAR, ""]
        out.append(clean_text((COMMON_LICENSES / filename).read_bytes()))
    return "\n".join(out).rstrip("\n") + "\n"


def collect(bundle: Path | None) -> tuple[list[Entry], str, list[str], list[str]]:
    """(entries, where they were listed from, info lines, warnings)."""
    warnings: list[str] = []
    info: list[str] = []
    declared = {canonicalize_name(d.metadata["Name"]): d for d in declared_distributions()}
    if bundle is None:
        dists = list(declared.values())
        source = f"the declared run-time requirements of {PROJECT}, recursively (no bundle given)"
        entries = [python_runtime_entry()]
    else:
        contents = scan_bundle(bundle)
        if contents.unknown:
            raise NoticesError(
                f"{len(contents.unknown)} bundled files or modules belong to nothing known "
                f"(add their owner to packaging/notices.py): {', '.join(contents.unknown[:20])}"
            )
        everything = installed()
        dists = [everything[name] for name in sorted(contents.distributions)]
        source = (
            "the contents of the frozen bundle (its files and the Python modules in its "
            f"executable), built with PyInstaller {md.version('pyinstaller')}"
        )
        entries = [python_runtime_entry()] if contents.runtime else []
        for package, libraries in sorted(debian_packages(bundle, contents.libraries).items()):
            entries.append(debian_entry(package, libraries))
        declared_only = sorted(set(declared) - contents.distributions)
        undeclared = sorted(contents.distributions - set(declared))
        if declared_only:
            info.append(f"declared but not in the bundle (not listed): {', '.join(declared_only)}")
        if undeclared:
            info.append(f"in the bundle but not declared (listed): {', '.join(undeclared)}")
    failures = []
    for dist in dists:
        try:
            entries.append(distribution_entry(dist, warnings))
        except NoticesError as error:
            failures.append(str(error))
    if failures:
        raise NoticesError("no licence information at all for: " + "; ".join(failures))
    return entries, source, info, warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bundle", type=Path, help="a one-folder PyInstaller bundle to list")
    parser.add_argument("--output", type=Path, required=True, help=f"where to write {NOTICES}")
    args = parser.parse_args(argv)
    try:
        entries, source, info, warnings = collect(args.bundle)
        text = render(entries, source)
    except NoticesError as error:
        print(f"notices: error: {error}", file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    for line in info:
        print(f"notices: {line}")
    for line in warnings:
        print(f"notices: warning: {line}", file=sys.stderr)
    counts = ", ".join(
        f"{kind}: {sum(e.kind == kind for e in entries)}"
        for kind in KINDS
        if any(e.kind == kind for e in entries)
    )
    size = len(text.encode())
    print(f"notices: {args.output}: {size / 1000:.1f} kB, {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
