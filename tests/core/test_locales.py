"""Numbers, dates and plurals by locale in the four languages (Babel, gettext)."""

from __future__ import annotations

import datetime as dt

import pytest

from avsec.core.i18n import (
    LANGUAGES,
    NUMBER_FORMATS,
    babel_locale,
    format_day,
    format_number,
    number_format_name,
    set_number_format,
)

NNBSP = "\u202f"  # the narrow no-break space French groups thousands with (CLDR)


def test_the_four_languages_of_the_oas() -> None:
    assert LANGUAGES == ("en", "es", "pt", "fr")
    assert babel_locale("pt") == "pt_BR" and babel_locale("fr") == "fr"
    assert babel_locale("ht") == "ht"  # a fifth language is its own locale


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "1,234.5"), ("es", "1.234,5"), ("pt", "1.234,5"), ("fr", f"1{NNBSP}234,5")],
)
def test_numbers_in_each_language(lang: str, expected: str) -> None:
    assert format_number(1234.5, lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "1 March 2025"),
        ("es", "1 de marzo de 2025"),
        ("pt", "1 de março de 2025"),
        ("fr", "1 mars 2025"),
    ],
)
def test_month_names_in_each_language(lang: str, expected: str) -> None:
    assert format_day(dt.date(2025, 3, 1), lang) == expected


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("pt_BR", "1.234,5"), ("fr_FR", f"1{NNBSP}234,5"), ("fr_CA", "1\xa0234,5")],
)
def test_number_formats_for_portuguese_and_french(locale: str, expected: str) -> None:
    assert locale in NUMBER_FORMATS
    set_number_format(locale)
    try:
        assert format_number(1234.5, "en") == expected  # apart from the language
    finally:
        set_number_format(None)


def test_number_format_names_read_in_the_language() -> None:
    assert number_format_name("fr_CA", "fr") == "1\xa0234,5 — français (Canada)"
    assert number_format_name("pt_BR", "pt") == "1.234,5 — português (Brasil)"


@pytest.mark.parametrize("locale", [code for code in NUMBER_FORMATS if code] + ["en", "es", "fr"])
def test_numbers_as_babel_writes_them_in_every_format(locale: str) -> None:
    """The marks swapped into the English text give what Babel's own format_decimal gives."""
    from babel.numbers import format_decimal

    values = [0.0, -0.0, 0.04, -0.04, 0.05, 0.15, 0.25, 2.5, -2.5, 999.95, 1234.5, -1234.56]
    values += [1e6 + 0.45, 123456789.125, 7, -12, 1e-7, float("inf"), -float("inf")]
    values += [n * 37.13 for n in range(-30, 30)]
    values += [n / 8 for n in range(-40, 40)]  # exact halves and quarters: rounding to even
    values += [(-1) ** n * 1.37**n for n in range(60)]  # up to about 1e8
    set_number_format(locale)
    try:
        for decimals in (0, 1, 2):
            pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
            for value in values:
                expected = format_decimal(value, pattern, locale=locale)
                assert format_number(value, "en", decimals) == expected, (value, decimals)
    finally:
        set_number_format(None)
