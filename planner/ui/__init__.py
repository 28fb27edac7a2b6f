"""The desktop app: the only package that imports Qt."""

import os

# pyqtgraph picks PyQt6 first when several bindings are installed; pin the one we ship.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

# Before any other import of the app's Qt layer: what is imported after Qt would otherwise
# stay in memory as source text (see source_scan).
from planner.ui.source_scan import stop_source_caching

stop_source_caching()
