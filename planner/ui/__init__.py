"""The desktop app: the only package that imports Qt."""

import os

# pyqtgraph picks PyQt6 first when several bindings are installed; pin the one we ship.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
