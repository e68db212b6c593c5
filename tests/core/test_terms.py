"""One term table (assets/terms/terms.yaml) for the term sheet, the app and the checklist."""

from __future__ import annotations

import re

import pytest

from avsec.core.assessment import DEFAULT_MARKING
from avsec.core.i18n import LANGUAGES
from avsec.core.terms import TermSheet
from avsec.io.checklists import get_checklist
from avsec.io.terms import load_terms
from avsec.io.translations import catalogue
from tests.languages import COMPLETE_LANGUAGES, TRANSLATED_LANGUAGES

TEXT_FIELDS = ("question", "guidance", "evidence", "recommendation")


@pytest.fixture(scope="module")
def terms() -> TermSheet:
    return load_terms()


def test_every_term_is_in_the_four_languages(terms: TermSheet) -> None:
    for lang in LANGUAGES:
        assert terms.missing(lang) == [], lang
    assert len(terms.terms) >= 30


def test_the_terms_of_the_glossary(terms: TermSheet) -> None:
    """ICAO's terms as the team's glossary gives them (an independent copy of a few)."""
    sra = terms.get("sra").text
    assert sra == {
        "en": "security restricted area (SRA)",
        "es": "zona de seguridad restringida (ZSR)",
        "pt": "área restrita de segurança (ARS)",
        "fr": "zone de sûreté à accès réglementé (ZSAR)",
    }
    assert terms.get("airside").text["fr"] == "côté piste"
    assert terms.get("airside").text["pt"] == "lado ar"
    assert terms.get("screening").text["fr"] == "inspection-filtrage"
    assert terms.get("background_check").text["pt"] == "verificação de antecedentes"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_default_marking_is_the_terms(terms: TermSheet, lang: str) -> None:
    assert DEFAULT_MARKING[lang] == terms.get("handling_marking").text[lang]


def _strip_abbreviation(text: str) -> str:
    return re.sub(r"\s*\([^)]*\)$", "", text).strip()


@pytest.mark.parametrize("lang", TRANSLATED_LANGUAGES)
def test_the_app_labels_the_terms_as_the_table_writes_them(terms: TermSheet, lang: str) -> None:
    checked = 0
    for term in terms.terms:
        expected = _strip_abbreviation(term.text[lang]).casefold()
        for label in term.app:
            translations = catalogue(lang)
            shown = (
                translations.pgettext(label.context, label.msgid)
                if label.context
                else translations.gettext(label.msgid)
            )
            assert _strip_abbreviation(shown).casefold() == expected, (term.key, label, shown)
            checked += 1
    assert checked >= 10


def _uses(text: str, forms: list[str]) -> bool:
    for form in forms:
        # An abbreviation (SRA) matches as a word in capitals; a term in any case, at a word's
        # start (so that a rule id such as sra_outside_airside is not the word "airside").
        if form.isupper():
            if re.search(rf"(?<![\w]){re.escape(form)}\b", text):
                return True
        elif re.search(rf"(?<![\w]){re.escape(form)}", text, re.IGNORECASE):
            return True
    return False


@pytest.mark.parametrize("lang", TRANSLATED_LANGUAGES)
def test_the_checklist_uses_the_terms(terms: TermSheet, lang: str) -> None:
    """Where an item's English uses a term, its translation uses the table's term."""
    checklist = get_checklist()
    used = 0
    wrong = []
    for term in terms.terms:
        if not term.forms:
            continue
        assert term.forms.get(lang), f"{term.key}: no {lang} forms to look for"
        for item in checklist.items():
            for field in TEXT_FIELDS:
                text = getattr(item, field)
                if not _uses(text["en"], term.forms["en"]):
                    continue
                used += 1
                if not _uses(text.get(lang, ""), term.forms[lang]):
                    wrong.append(f"{item.id} {field}.{lang}: no {term.forms[lang][0]!r}")
    assert used >= 50  # the terms are the checklist's, not a rare word
    assert not wrong, "\n".join(wrong)


def test_the_check_finds_a_text_without_the_term(terms: TermSheet) -> None:
    """The checklist check can fail: 'zona estéril' is not ICAO's Spanish for the SRA."""
    forms = terms.get("sra").forms
    assert _uses("Is the SRA boundary marked?", forms["en"])
    assert not _uses("¿Está señalizado el límite de la zona estéril?", forms["es"])
    assert _uses("¿Está señalizado el límite de la ZSR?", forms["es"])


def test_the_complete_languages_are_languages_of_the_app() -> None:
    assert set(COMPLETE_LANGUAGES) <= set(LANGUAGES) and "en" in COMPLETE_LANGUAGES
