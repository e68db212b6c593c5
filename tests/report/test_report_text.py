"""The report's messages (English keyed by symbol, Spanish from the catalogue) and formatting."""

from __future__ import annotations

import datetime as dt
import string

import pytest

from avsec.core.actions import ACTION_STATUSES, HORIZONS
from avsec.core.assessment import Status
from avsec.core.checklist import RULE_IDS
from avsec.core.i18n import set_number_format
from avsec.report import text
from avsec.report.text import (
    MESSAGES,
    long_date,
    measure,
    number,
    percent,
    rule_label,
    status_label,
    tr,
)

#: Messages that are the same in both languages on purpose.
SAME_IN_BOTH = {"ei", "north", "ref", "zone_sra"}


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_exists_in_english_and_spanish(key):
    english, spanish = tr(key, "en"), tr(key, "es")
    assert english == MESSAGES[key]
    assert english.strip() and spanish
    assert fields(english) == fields(spanish), key
    if key not in SAME_IN_BOTH:
        assert english != spanish, key


def test_a_language_without_a_catalogue_gets_english():
    assert tr("sec_findings", "de") == "3 Findings by area"
    assert tr("page_of", "de", page=2, pages=9) == "Page 2 of 9"
    assert tr("page_of", "es", page=2, pages=9) == "Página 2 de 9"


def test_glossary_terms():
    assert [status_label(s.value, "es") for s in Status] == [
        "Conforme",
        "Parcialmente conforme",
        "No conforme",
        "No aplicable",
        "No evaluado",
    ]
    assert tr("sec_findings", "es") == "3 Hallazgos por área"
    assert tr("sec_outline", "es").endswith("Plan de mejora")
    assert tr("ei_long", "es") == "Aplicación eficaz (EI)"
    assert tr("zone_airside", "es") == "parte aeronáutica"
    assert tr("feature_sra", "es") == "Zona de seguridad restringida"


def test_every_code_has_a_label():
    for rule in RULE_IDS:
        assert rule_label(rule, "es") != rule
    for horizon in HORIZONS:
        assert text.horizon_label(horizon, "es") != f"horizon_{horizon}"
    for status in ACTION_STATUSES:
        assert text.action_status_label(status, "es") != f"action_{status}"
    assert rule_label("future_rule", "en") == "future_rule"
    assert tr("no_such_key", "en") == "no_such_key"


def test_numbers_follow_the_language():
    assert number(1234.5, "en") == "1,234.5"
    assert number(1234.5, "es") == "1.234,5"
    assert number(None, "es") == "s. d."
    assert percent(0.426, "en") == "43%"
    assert percent(0.426, "es") == "43\u00a0%"
    assert percent(None, "en") == "n/a"
    assert measure(2150.0, "m", "es") == "2.150\u00a0m"
    assert measure(12.25, "m2", "en") == "12.2\u00a0m²"


def test_the_number_format_is_a_setting_apart_from_the_language():
    """Mexico writes 1,234.5 and Argentina 1.234,5, both in Spanish words."""
    try:
        set_number_format("es_MX")
        assert number(1234.5, "es") == "1,234.5"
        assert tr("sec_findings", "es") == "3 Hallazgos por área"
        set_number_format("es_AR")
        assert number(1234.5, "es") == "1.234,5"
        assert number(1234.5, "en") == "1.234,5"
    finally:
        set_number_format(None)
    assert number(1234.5, "en") == "1,234.5"


def test_long_dates():
    day = dt.date(2025, 3, 7)
    assert long_date(day, "en") == "7 March 2025"
    assert long_date(day, "es") == "7 de marzo de 2025"
    assert long_date(None, "en") == ""
