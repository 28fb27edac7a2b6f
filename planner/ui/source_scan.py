"""Keeping PySide6 from holding the source of every module the app imports.

Once shiboken is loaded it asks, after each import, whether the new module mentions
"PySide6" (the switching default of its ``__feature__`` support) and finds out with
``inspect.getsource``, which leaves the whole file in ``linecache`` for the life of the
process.  Everything imported after Qt (pandas, numpy, pydantic, pyqtgraph, the app) stays
there: 744 files and ~500,000 lines, 44 MB of the window's 249 MB resident memory at the
first results (measured in ``planner bench``'s start-up child; 205 MB without it).

The replacement gives the same answer by reading the file's bytes once and keeping
nothing.  A frozen bundle has no sources, so there both versions answer False.
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType

# shiboken's own module name for its feature support (PySide6 6.8-6.11), and the function
# it calls after each import.
FEATURE_MODULE = "shibokensupport.feature"
CHECK_NAME = "_mod_uses_pyside"


def mentions_pyside(module: ModuleType) -> bool:
    """True when the module's source file holds the text "PySide6" (shiboken's test)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # built-in, extension or source-less module, as inspect would fail
    try:
        with open(path, "rb") as fh:
            return b"PySide6" in fh.read()
    except OSError:
        return False


def stop_source_caching() -> bool:
    """Swap shiboken's per-import check for ``mentions_pyside`` and drop the sources it
    has cached so far.  False (and nothing changed) when this PySide6 has no such check."""
    import shiboken6  # noqa: F401  (loads the feature support, as any PySide6 import does)

    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, CHECK_NAME, None)):
        return False
    setattr(feature, CHECK_NAME, mentions_pyside)
    linecache.clearcache()  # tracebacks read what they need again
    return True
