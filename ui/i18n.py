"""The console's language: English (the source strings) or Simplified Chinese.

It follows the system locale unless the user chose one (``QSettings`` key ``language``) or
``--lang`` overrides it. The translations are ``resources/translations/creditdesk_<lang>.qm``
(compiled from the ``.ts`` with ``pyside6-lrelease``) plus Qt's own for its standard buttons.
A switch in the running app rebuilds the main window (see ``ui.app``), so every string is
translated again without each widget needing a ``retranslateUi``.
"""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)
LANGUAGE_NAMES = {ENGLISH: "English", CHINESE: "简体中文"}  # each in its own language, never translated

_installed: list[QTranslator] = []
_loaded_data: list[bytes] = []  # QTranslator.load(data) does not copy: the bytes must outlive it
_current = ENGLISH


def system_language() -> str:
    """``zh_CN`` when the system's UI language is Chinese, else English."""
    for name in QLocale.system().uiLanguages():
        if name.lower().startswith("zh"):
            return CHINESE
    return CHINESE if QLocale.system().language() == QLocale.Language.Chinese else ENGLISH


def normalize(language: str | None) -> str | None:
    """``zh``/``zh_CN``/``zh-CN`` → ``zh_CN``; ``en*`` → ``en``; anything else → None."""
    if not language:
        return None
    text = language.replace("-", "_").lower()
    if text.startswith("zh"):
        return CHINESE
    if text.startswith("en"):
        return ENGLISH
    return None


def qm_bytes(language: str) -> bytes | None:
    """The compiled translations of ``language`` (for English: its plural forms only)."""
    path = resources.files("resources").joinpath("translations", f"creditdesk_{language}.qm")
    try:
        return path.read_bytes()
    except (FileNotFoundError, OSError):
        log.warning("no translations for %s at %s", language, path)
        return None


def install_language(language: str) -> str:
    """Make ``language`` the application's language; returns the one installed."""
    global _current
    app = QCoreApplication.instance()
    assert app is not None, "a QApplication must exist"
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    _loaded_data.clear()
    language = normalize(language) or ENGLISH
    _current = language
    if language == ENGLISH:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    data = qm_bytes(language)
    if data is not None:
        ours = QTranslator(app)
        _loaded_data.append(data)
        if ours.load(data):
            QCoreApplication.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("could not load the %s translations", language)
    if language == ENGLISH:
        return language
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        QCoreApplication.installTranslator(qt_own)
        _installed.append(qt_own)
    return language


def current_language() -> str:
    return _current
