"""PyInstaller runtime hook: a stand-in for PySide6.QtOpenGL, whose binding is 9 MB.

pyqtgraph imports PySide6.QtOpenGL when it loads (pyqtgraph/Qt/OpenGLHelpers.py) but uses it
only to draw with OpenGL (useOpenGL=True), which the planner never turns on. QtOpenGLWidgets,
which pyqtgraph subclasses at import, stays real. Touching anything in the stand-in raises
ImportError with the reason, so a future use fails loudly (and the smoke test catches it).
"""

import sys
import types

_stub = types.ModuleType("PySide6.QtOpenGL", __doc__)


def _missing(name: str) -> None:
    if name.startswith("__"):
        raise AttributeError(name)
    raise ImportError(
        f"PySide6.QtOpenGL.{name}: left out of the frozen planner (OpenGL drawing is off); "
        "see packaging/planner.spec"
    )


_stub.__getattr__ = _missing
sys.modules["PySide6.QtOpenGL"] = _stub
