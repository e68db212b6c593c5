"""The gettext catalogues: complete, compiled from the committed .po, current with the code."""

from __future__ import annotations

import gettext
import io
import shutil
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from avsec.core.errors import InputError
from avsec.core.i18n import translate
from avsec.io import translations
from avsec.io.translations import (
    DOMAIN,
    available_languages,
    catalogue,
    keyed,
    offered_languages,
    translations_folder,
)
from tests.languages import TRANSLATED_LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "assets" / "translations"
POT = FOLDER / f"{DOMAIN}.pot"
#: The keywords of the README's ``pybabel extract`` command.
EXTRACT_KEYWORDS = [
    *("-k", "tr:1,1t", "-k", "keyed:1c,2", "-k", "keyed_plural:1c,2,3", "-k", "ActionSpec:2"),
    *("-k", "translate:1", "-k", "ntranslate:1,2", "-k", "in_languages:1"),
]

Key = tuple[str | None, str]


def _read_po(path: Path) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream)


def _entries(catalog: Catalog) -> dict[Key, str]:
    """(context, msgid) -> translation of every message but the header.

    A message with plural forms is keyed by its singular, its forms joined by " | ".
    """
    return {(m.context, _text(m.id)): _text(m.string) for m in catalog if m.id}


def _text(value: str | tuple[str, ...]) -> str:
    return " | ".join(value) if isinstance(value, tuple) else str(value)


def _po_files() -> list[Path]:
    return sorted(FOLDER.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def _fields(text: str) -> list[str]:
    """The distinct ``{name}`` fields of a message (of every form of a plural)."""
    names = (name for _, name, _, _ in string.Formatter().parse(text) if name is not None)
    return sorted(set(names))


def test_the_bundled_folder_is_the_checkout_folder():
    assert Path(str(translations_folder())) == FOLDER
    assert available_languages() == ("en", "es", "fr", "pt")
    assert offered_languages() == ("en", "es", "pt", "fr")


def test_a_catalogue_for_each_language_of_the_oas():
    assert {p.parts[-3] for p in _po_files()} == {"es", "pt", "fr"}


@pytest.mark.parametrize("po", _po_files(), ids=lambda p: p.parts[-3])
def test_every_catalogue_is_current(po):
    """Every catalogue, complete or still empty, has the messages of the .pot, none fuzzy."""
    template = _entries(_read_po(POT))
    catalog = _read_po(po)
    assert not catalog.fuzzy, f"{po}: the header is marked fuzzy"
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not fuzzy, f"{po}: fuzzy translations {fuzzy}"
    assert set(_entries(catalog)) == set(template), f"{po} is not updated from {POT.name}"


@pytest.mark.parametrize("lang", TRANSLATED_LANGUAGES)
def test_every_message_is_translated(lang):
    """The catalogues of the complete languages (tests/languages.py) leave nothing out."""
    po = FOLDER / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    catalog = _read_po(po)
    # Not stripped: the Spanish thousands separator is a thin space.
    empty = [key for key, text in _entries(catalog).items() if not text.replace(" | ", "")]
    assert not empty, f"{po}: untranslated {empty}"
    forms = [m.id for m in catalog if m.id and m.pluralizable and not all(m.string)]
    assert not forms, f"{po}: plural forms missing in {forms}"


@pytest.mark.parametrize("po", _po_files(), ids=lambda p: p.parts[-3])
def test_placeholders_survive_translation(po):
    for (context, english), translated in _entries(_read_po(po)).items():
        if translated.replace(" | ", ""):  # a message not yet translated shows the English
            assert _fields(english) == _fields(translated), (context, english)


#: Plural rule of each language (CLDR, as Babel writes it): 0 and 1 take the singular in
#: Portuguese (Brazil) and French, 1 alone in English and Spanish.
SINGULAR_COUNTS = {"es": {1}, "pt": {0, 1}, "fr": {0, 1}}


@pytest.mark.parametrize("lang", sorted(SINGULAR_COUNTS))
def test_each_catalogue_has_its_languages_plural_rule(lang, tmp_path):
    """ngettext picks the form by the catalogue's Plural-Forms: '0 constatation' in French.

    The bundled header is copied onto a one-message catalogue (its real messages may not be
    translated yet), compiled and read by the stdlib gettext the app uses.
    """
    header = _read_po(FOLDER / lang / "LC_MESSAGES" / f"{DOMAIN}.po")
    assert header.locale is not None and str(header.locale).split("_")[0] == lang
    catalog = Catalog(locale=header.locale)
    catalog.mime_headers = header.mime_headers
    catalog.add(("finding", "findings"), ("SINGULAR", "MANY", "PLURAL"))
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    translations = gettext.GNUTranslations(compiled)
    for n in (0, 1, 2, 5, 21):
        expected = "SINGULAR" if n in SINGULAR_COUNTS[lang] else "PLURAL"
        assert translations.ngettext("finding", "findings", n) == expected, (lang, n)


@pytest.mark.parametrize("po", _po_files(), ids=lambda p: p.parts[-3])
def test_the_committed_mo_is_compiled_from_the_po(po):
    compiled = io.BytesIO()
    write_mo(compiled, _read_po(po))
    compiled.seek(0)
    with po.with_suffix(".mo").open("rb") as stream:
        committed = read_mo(stream)
    assert _entries(committed) == _entries(read_mo(compiled)), (
        f"run: pybabel compile -d assets/translations -D {DOMAIN}"
    )


def test_the_template_is_current(tmp_path):
    """The README's ``pybabel extract`` finds exactly the messages of the committed .pot."""
    extracted = tmp_path / "avsec.pot"
    CommandLineInterface().run(
        ["pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"), *EXTRACT_KEYWORDS]
        + ["--add-comments=Translators:", "-o", str(extracted), str(ROOT)]
    )
    assert set(_entries(_read_po(extracted))) == set(_entries(_read_po(POT))), (
        "assets/translations/avsec.pot is out of date: see Translations in the README"
    )


def test_english_is_the_msgids_and_spanish_comes_from_the_catalogue():
    assert translate("Open…", "en") == "Open…"
    assert translate("Open…", "es") == "Abrir…"
    assert translate("Item", "es", context="item") == "Ítem"
    assert translate("Item", "es") == "Ítem"  # a checklist item is an "ítem" everywhere
    assert translate("No such message", "es") == "No such message"
    assert translate("Open…", "de") == "Open…"  # no German catalogue
    assert catalogue("es") is catalogue("es")  # read once


def test_keyed_builds_table_entries():
    assert dict([keyed("title", "Workshop debrief")]) == {"title": "Workshop debrief"}


def test_a_fifth_language_is_a_folder_not_code(tmp_path):
    """A compiled catalogue in a new folder (Haitian Creole here) is offered everywhere."""
    folder = tmp_path / "translations"
    shutil.copytree(FOLDER, folder)
    creole = Catalog(locale="ht", domain=DOMAIN)
    creole.add("Open…", "Louvri…")
    creole.add("Item", "Atik", context="item")
    (folder / "ht" / "LC_MESSAGES").mkdir(parents=True)
    with (folder / "ht" / "LC_MESSAGES" / f"{DOMAIN}.mo").open("wb") as stream:
        write_mo(stream, creole)
    # Papiamento: a .po that nobody compiled yet is not offered.
    (folder / "pap" / "LC_MESSAGES").mkdir(parents=True)
    (folder / "pap" / "LC_MESSAGES" / f"{DOMAIN}.po").write_text("", encoding="utf-8")

    assert available_languages(folder) == ("en", "es", "fr", "ht", "pt")
    assert offered_languages(folder) == ("en", "es", "pt", "fr", "ht")
    assert catalogue("ht", folder).gettext("Open…") == "Louvri…"
    assert catalogue("ht", folder).pgettext("item", "Item") == "Atik"
    assert catalogue("ht", folder).gettext("Quit") == "Quit"  # untranslated: English
    assert catalogue("pap", folder).gettext("Open…") == "Open…"


def test_a_missing_folder_offers_english_only(tmp_path):
    assert available_languages(tmp_path / "nowhere") == ("en",)
    assert catalogue("es", tmp_path / "nowhere").gettext("Open…") == "Open…"


def test_a_language_code_never_becomes_a_path(tmp_path):
    folder = tmp_path / "translations"
    shutil.copytree(FOLDER, folder)
    nested = folder / "x" / "es"
    shutil.copytree(folder / "es", nested)
    assert catalogue("x/es", folder).gettext("Open…") == "Open…"
    assert catalogue("../translations/es", folder).gettext("Open…") == "Open…"


def test_a_damaged_catalogue_is_named(tmp_path):
    folder = tmp_path / "translations"
    (folder / "es" / "LC_MESSAGES").mkdir(parents=True)
    damaged = folder / "es" / "LC_MESSAGES" / f"{DOMAIN}.mo"
    damaged.write_bytes(b"not a catalogue at all")
    with pytest.raises(InputError, match=r"avsec\.mo: not a readable gettext catalogue"):
        catalogue("es", folder)
    damaged.write_bytes((FOLDER / "es" / "LC_MESSAGES" / f"{DOMAIN}.mo").read_bytes()[:200])
    with pytest.raises(InputError, match="avsec.mo"):
        catalogue("es", folder)


def test_clear_cache_reads_the_catalogue_again():
    first = catalogue("es")
    translations.clear_cache()
    try:
        assert catalogue("es") is not first
        assert catalogue("es").gettext("Open…") == "Abrir…"
    finally:
        translations.clear_cache()
