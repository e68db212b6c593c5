"""The desktop app's language: its own strings, its numbers and Qt's standard dialogs.

``tr("Open…")`` returns the English string in the current language through the one translation
path of every layer (:func:`avsec.core.i18n.translate`, reading the gettext catalogues in
``assets/translations``). Labels defined in tables are marked with :func:`N_` where they are
defined and translated with ``tr()`` where they are shown; ``ntr()`` chooses a plural form.
Adding Portuguese or French is adding a catalogue, not code (see the README).
``tests/io/test_catalogue_coverage.py`` fails when a string of the code lacks Spanish.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from avsec.core.errors import AvsecError
from avsec.core.i18n import N_, babel_locale, format_number, ntranslate, translate
from avsec.core.notices import notice_text as core_notice_text
from avsec.io.translations import offered_languages

__all__ = [
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "N_",
    "install_qt_translations",
    "language",
    "ngettext",
    "number",
    "set_language",
    "tr",
]

#: The four languages of the OAS, then any further language with a compiled catalogue.
LANGUAGES = offered_languages()
#: Language names as their speakers write them (shown untranslated in the preferences); the OAS
#: official languages are named ahead of their catalogues.
_NATIVE_NAMES = {"en": "English", "es": "Español", "pt": "Português", "fr": "Français"}
LANGUAGE_NAMES = {code: _NATIVE_NAMES.get(code, code) for code in LANGUAGES}

_current = "en"
#: The translator of Qt's own strings installed on the application (None in English).
_qt_translator: QTranslator | None = None


def set_language(lang: str) -> None:
    """Choose the language of every string returned by :func:`tr` from now on.

    Qt's own strings (OK, Cancel, the standard dialogs) follow, from the qtbase translations.
    """
    global _current
    _current = lang if lang in LANGUAGES else "en"
    install_qt_translations(_current)


def install_qt_translations(lang: str) -> bool:
    """Translate Qt's own strings into ``lang`` with the qtbase catalogue shipped with Qt.

    The catalogues come with the PySide6 wheel (``PySide6/Qt/translations/qtbase_es.qm``,
    ``qtbase_pt_BR.qm``, ``qtbase_fr.qm``), found by the language's Babel locale (``pt`` is
    Brazilian Portuguese); widgets already shown retranslate themselves on the
    language-change event Qt sends.

    Returns
    -------
    bool
        Whether a qtbase catalogue was installed (False in English, without an application,
        or when Qt ships none for ``lang``).
    """
    global _qt_translator
    app = QCoreApplication.instance()
    if app is None:
        return False
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    if lang == "en":
        return False
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QLocale(babel_locale(lang)), "qtbase", "_", folder):
        return False
    app.installTranslator(translator)
    _qt_translator = translator
    return True


def language() -> str:
    """The current language code."""
    return _current


def error_text(error: BaseException) -> str:
    """What the user reads for ``error``: an avsec error in the UI language, else its text."""
    if isinstance(error, AvsecError):
        return error.in_language(language())
    return str(error)


def notice_text(notice: object) -> str:
    """What the user reads for a warning (an import's :class:`~avsec.core.notices.Notice`):
    in the UI language, else its text."""
    return core_notice_text(notice, language())


def number(value: float, decimals: int = 1) -> str:
    """A number as the number format of the preferences writes it (1,234.5 or 1.234,5)."""
    return format_number(value, _current, decimals)


def tr(text: str) -> str:
    """Return ``text`` (an English string) in the current language."""
    if _current == "en":
        return text
    return translate(text, _current)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count`` in the current language."""
    return ntranslate(singular, plural, count, _current)
