"""One translation path and one number format for every layer.

Texts that live in data (checklists, provisions, findings) are ``{lang: text}`` mappings. Code
strings are English msgids of the gettext catalogues in ``assets/translations``: mark them with
:func:`N_` where they are defined and translate them where they are shown with
:func:`translate` (or :func:`ntranslate` for plurals). Core reads no file: the layer that
reads the catalogues (:mod:`avsec.io.translations`) installs itself with
:func:`install_catalogues` when it is imported, which ``avsec/io/__init__.py`` does (the command line and the app import it before anything is
shown).

Numbers and dates are formatted by Babel (imported when first needed: the app's cold start
does without it). The number format is a setting apart from the
language: a Spanish text can write 1,234.5 (Mexico, Central America, the Dominican Republic) or
1.234,5 (Argentina, Colombia). The app's preferences, the CLI's ``--number-format`` and the
report all set it here with :func:`set_number_format`.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import datetime as dt

#: The four official languages of the OAS, every one offered wherever a language is chosen
#: (``--lang``, the preferences, the report). A text missing in one of them falls back to
#: English (:func:`pick`), as a msgid missing from a catalogue does: English is the language
#: every text is written in first, so the app works in Portuguese or French before each
#: translation lands.
LANGUAGES = ("en", "es", "pt", "fr")
DEFAULT_LANGUAGE = "en"
#: The Babel locale of each language: its numbers, month names and plural rules. Portuguese is
#: Brazilian Portuguese; French is written as ICAO and the Haitian and Canadian authorities do.
#: A language not listed here (a fifth, added as a catalogue) is its own Babel locale.
BABEL_LOCALES = {"en": "en", "es": "es", "pt": "pt_BR", "fr": "fr"}

LangText = dict[str, str]


class Catalogue(Protocol):
    """What a gettext catalogue offers (:class:`gettext.NullTranslations` and its kin)."""

    def gettext(self, message: str, /) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...

    def pgettext(self, context: str, message: str, /) -> str: ...


def _english(lang: str) -> Catalogue:
    return gettext.NullTranslations()


_loader: Callable[[str], Catalogue] = _english


def N_(message: str) -> str:
    """Mark ``message`` for ``pybabel extract`` without translating it (translated where shown)."""
    return message


def install_catalogues(loader: Callable[[str], Catalogue]) -> None:
    """Make ``loader(lang)`` the source of every translation (English msgids until then)."""
    global _loader
    _loader = loader


def catalogue_of(lang: str) -> Catalogue:
    """The gettext catalogue of ``lang`` (messages unchanged for English or no catalogue)."""
    return _loader(lang)


def translate(message: str, lang: str, context: str | None = None) -> str:
    """``message`` (an English msgid) in ``lang``; the message itself when untranslated."""
    translations = catalogue_of(lang)
    if context is None:
        return translations.gettext(message)
    return translations.pgettext(context, message)


def keyed_text(table: Mapping[str, str], key: str, lang: str, **fields: object) -> str:
    """Entry ``key`` of a table of keyed messages in ``lang``, ``fields`` filled in.

    The tables are built with ``keyed(key, english)`` (:mod:`avsec.io.translations`): the key
    is the gettext context, so one English word can take two translations.
    """
    text = translate(table[key], lang, context=key)
    return text.format(**fields) if fields else text


def ntranslate(singular: str, plural: str, count: int, lang: str) -> str:
    """The singular or plural form for ``count`` in ``lang`` (gettext ``ngettext``)."""
    return catalogue_of(lang).ngettext(singular, plural, count)


def in_languages(message: str, **fields: Callable[[str], object] | object) -> LangText:
    """``message`` translated into every language of :data:`LANGUAGES`, fields filled in.

    A field given as a callable is called with the language (a number formatted for it, a
    zone name translated into it); any other value is used as it is.
    """
    texts: LangText = {}
    for lang in LANGUAGES:
        values = {k: v(lang) if callable(v) else v for k, v in fields.items()}
        texts[lang] = translate(message, lang).format(**values)
    return texts


def babel_locale(lang: str) -> str:
    """The Babel locale of ``lang`` (``pt`` -> ``pt_BR``)."""
    return BABEL_LOCALES.get(lang, lang or DEFAULT_LANGUAGE)


def pick(text: Mapping[str, str] | None, lang: str, fallback: str = DEFAULT_LANGUAGE) -> str:
    """Return ``text`` in ``lang``, falling back to English, then to any language.

    English, not Spanish, is the fallback: it is the language of the msgids (a catalogue
    without a translation gives the English too), so a half-translated screen mixes at most two
    languages, and every bundled text exists in English first.

    Parameters
    ----------
    text
        A ``{lang: text}`` mapping (or None).
    lang
        Wanted language code.
    fallback
        Language used when ``lang`` is missing.

    Returns
    -------
    str
        The text, or an empty string when there is none.
    """
    if not text:
        return ""
    if text.get(lang):
        return text[lang]
    if text.get(fallback):
        return text[fallback]
    return next((value for value in text.values() if value), "")


# --- numbers and dates ---------------------------------------------------------------------------

#: Number formats offered in the preferences and by ``--number-format``: Babel locale ids.
#: The empty string follows the language.
NUMBER_FORMATS = ("", "en_US", "es_MX", "es_AR", "es_CO", "es_ES", "pt_BR", "fr_FR", "fr_CA")

_number_format = ""


def set_number_format(locale: str | None) -> None:
    """Write numbers as ``locale`` does from now on (``""`` or None: as the language does).

    Raises
    ------
    ValueError
        ``locale`` is not a locale Babel knows.
    """
    global _number_format
    locale = (locale or "").strip()
    if locale:
        from babel import Locale, UnknownLocaleError

        try:
            Locale.parse(locale)
        except (UnknownLocaleError, ValueError) as exc:
            raise ValueError(f"unknown number format {locale!r} (try es_MX or es_AR)") from exc
    _number_format = locale


def number_format() -> str:
    """The number format chosen (``""`` when numbers follow the language)."""
    return _number_format


def number_locale(lang: str) -> str:
    """The Babel locale that writes the numbers of a text in ``lang``."""
    return _number_format or babel_locale(lang)


def format_number(value: float, lang: str, decimals: int = 1) -> str:
    """``value`` with ``decimals`` decimals, grouped, with the marks of the number format."""
    group, point = _number_marks(number_locale(lang))
    # Babel writes a number the same way in every locale but for its two marks: the English
    # text is made once per value (an analysis formats each measure in four languages) and
    # its marks swapped for the locale's.
    return _plain_number(str(value), decimals).translate({44: group, 46: point})


@lru_cache(maxsize=4096)
def _plain_number(value: str, decimals: int) -> str:
    """``value`` as Babel writes it in English (``1,234.5``).

    ``value`` is ``str()`` of the number, as Babel reads it (so 0.0 and -0.0 stay apart).
    A finite number is rounded and grouped as Babel's NumberPattern.apply does it (decimal
    quantize in the default context, half to even; the sign of the unrounded value; groups of
    three), with the decimal module's own formatting at a tenth of the cost; the rest goes
    through Babel.
    """
    from decimal import Decimal

    number = Decimal(value)
    if number.is_finite():
        rounded = abs(number).quantize(Decimal(1).scaleb(-decimals))
        return ("-" if number.is_signed() else "") + f"{rounded:,f}"
    locale, pattern = _number_pattern("en", decimals)
    return str(
        pattern.apply(
            value, locale, decimal_quantization=True, group_separator=True, numbering_system="latn"
        )
    )


@cache
def _number_marks(locale: str) -> tuple[str, str]:
    """The group and decimal marks of ``locale``'s Latin digits."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return (
        get_group_symbol(locale, numbering_system="latn"),
        get_decimal_symbol(locale, numbering_system="latn"),
    )


@cache
def _number_pattern(locale: str, decimals: int) -> tuple[Any, Any]:
    """The Babel locale and number pattern of :func:`format_number`, parsed once."""
    from babel import Locale
    from babel.numbers import parse_pattern

    return Locale.parse(locale), parse_pattern(
        "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    )


def format_share(value: float, lang: str) -> str:
    """A 0..1 share as a whole percentage (52 %, 52%), as the number format writes it."""
    from babel.numbers import format_percent

    return format_percent(value, locale=number_locale(lang))


def format_day(day: dt.date, lang: str, style: str = "long") -> str:
    """A date in words in ``lang`` ('1 March 2025', '1 de março de 2025', '1 mars 2025');
    ``style`` as Babel's."""
    from babel.dates import format_date

    return format_date(day, style, locale=babel_locale(lang) if lang != "en" else "en_GB")


def number_format_name(locale: str, lang: str) -> str:
    """How the preferences show a number format: '1,234.5 — español (México)'."""
    from babel import Locale
    from babel.numbers import format_decimal

    sample = format_decimal(1234.5, format="#,##0.0", locale=locale or babel_locale(lang))
    if not locale:
        return sample
    return f"{sample} — {Locale.parse(locale).get_display_name(babel_locale(lang)) or locale}"
