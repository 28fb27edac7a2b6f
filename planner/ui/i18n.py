"""Interface language: Qt translators for planner_<lang>.qm, the locale numbers follow, tr().

Strings are marked with ``translate("Context", "text")`` so that ``pyside6-lupdate`` finds
them; the .ts sources live in resources/translations and are compiled to .qm by
``python -m planner.ui.translations_build``.
Installing a translator makes Qt send a LanguageChange event to every widget; widgets re-set
their texts in ``changeEvent`` (see ``retranslate_ui`` in each widget).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from planner.paths import resources_dir

log = logging.getLogger(__name__)

# Language id -> (endonym shown in the menu, locale used for numbers and dates).  The North
# American locales fit the audience: Mexican Spanish and Canadian French.
LANGUAGES: dict[str, tuple[str, str]] = {
    "en": ("English", "en_US"),
    "es": ("Español", "es_MX"),
    "fr": ("Français", "fr_CA"),
}
DEFAULT_LANGUAGE = "en"

_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate ``text`` in ``context`` with the installed translators.

    Call it with literal strings, ``translate("MainWindow", "&File")``: pyside6-lupdate finds
    the calls by this name when it refreshes the .ts files.
    """
    return QCoreApplication.translate(context, text, disambiguation, n)


tr = translate


def translations_dir() -> Path:
    return resources_dir() / "translations"


def system_language() -> str:
    """The first of the system's UI languages that the app speaks, else English."""
    for name in QLocale.system().uiLanguages():
        code = name.split("-")[0].split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def current_language() -> str:
    return _current


def current_locale() -> QLocale:
    return QLocale(LANGUAGES[_current][1])


def set_language(lang: str) -> bool:
    """Install the translators for ``lang`` (replacing the previous ones) and its locale:
    planner_<lang>.qm, every other <name>_<lang>.qm beside it, and Qt's own qtbase_<lang>.

    Returns False when ``lang`` is unknown or its .qm file is missing; the interface then
    stays in English (the source language) and numbers follow the English locale.
    """
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QCoreApplication")
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    loaded: list[QTranslator] = []
    ok = True
    if lang != DEFAULT_LANGUAGE:
        ours = QTranslator(app)
        if ours.load(f"planner_{lang}", str(translations_dir())):
            loaded.append(ours)
            # Other catalogues of the same language (e.g. charts_<lang>.qm from the charts).
            for qm in sorted(translations_dir().glob(f"*_{lang}.qm")):
                extra = QTranslator(app)
                if qm.stem != f"planner_{lang}" and extra.load(str(qm)):
                    loaded.append(extra)
            # Qt's own strings (standard buttons, file dialogs) when the Qt build ships them.
            qt_base = QTranslator(app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_base.load(f"qtbase_{lang}", qt_dir):
                loaded.append(qt_base)
        else:
            log.warning("no compiled translation planner_%s.qm in %s", lang, translations_dir())
            ok = False
            lang = DEFAULT_LANGUAGE
    # Language and locale first: (un)installing a translator sends LanguageChange at once and
    # widgets then read current_language() and QLocale() to re-set their texts.
    _current = lang
    QLocale.setDefault(QLocale(LANGUAGES[lang][1]))
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    for translator in loaded:
        app.installTranslator(translator)
        _installed.append(translator)
    # Qt posts LanguageChange to each top-level window (the QWindow of a shown widget, the
    # widget itself otherwise), which passes it on to its children; deliver those now, so
    # that every label has changed when this returns (callers and tests read them right
    # away).  Only to our windows: flushing every posted event of a type (receiver None) also
    # reaches widgets half-way through destruction.
    for window in QApplication.topLevelWidgets() if isinstance(app, QApplication) else []:
        for receiver in (window.windowHandle(), window):
            if receiver is not None:
                QCoreApplication.sendPostedEvents(receiver, QEvent.Type.LanguageChange)
    return ok
