"""The gettext catalogues: complete, compiled from the committed .po, current with the code."""

from __future__ import annotations

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
    translations_folder,
)

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
    assert available_languages() == ("en", "es")


@pytest.mark.parametrize("po", _po_files(), ids=lambda p: p.parts[-3])
def test_every_message_is_translated(po):
    template = _entries(_read_po(POT))
    catalog = _read_po(po)
    assert not catalog.fuzzy, f"{po}: the header is marked fuzzy"
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not fuzzy, f"{po}: fuzzy translations {fuzzy}"
    translated = _entries(catalog)
    assert set(translated) == set(template), f"{po} is not updated from {POT.name}"
    # Not stripped: the Spanish thousands separator is a thin space.
    empty = [key for key, text in translated.items() if not text]
    assert not empty, f"{po}: untranslated {empty}"


@pytest.mark.parametrize("po", _po_files(), ids=lambda p: p.parts[-3])
def test_placeholders_survive_translation(po):
    for (context, english), translated in _entries(_read_po(po)).items():
        assert _fields(english) == _fields(translated), (context, english)


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
    assert translate("Open…", "fr") == "Open…"  # no French catalogue yet
    assert catalogue("es") is catalogue("es")  # read once


def test_keyed_builds_table_entries():
    assert dict([keyed("title", "Workshop debrief")]) == {"title": "Workshop debrief"}


def test_a_language_folder_added_to_a_copy_is_discovered(tmp_path):
    folder = tmp_path / "translations"
    shutil.copytree(FOLDER, folder)
    # Portuguese: a compiled catalogue (built from a one-message .po, as pybabel compile does).
    portuguese = Catalog(locale="pt", domain=DOMAIN)
    portuguese.add("Open…", "Abrir…")
    portuguese.add("Item", "Item", context="item")
    (folder / "pt" / "LC_MESSAGES").mkdir(parents=True)
    with (folder / "pt" / "LC_MESSAGES" / f"{DOMAIN}.mo").open("wb") as stream:
        write_mo(stream, portuguese)
    # French: a .po that nobody compiled yet is not offered.
    (folder / "fr" / "LC_MESSAGES").mkdir(parents=True)
    (folder / "fr" / "LC_MESSAGES" / f"{DOMAIN}.po").write_text("", encoding="utf-8")

    assert available_languages(folder) == ("en", "es", "pt")
    assert catalogue("pt", folder).gettext("Open…") == "Abrir…"
    assert catalogue("pt", folder).pgettext("item", "Item") == "Item"
    assert catalogue("pt", folder).gettext("Quit") == "Quit"  # untranslated: English
    assert catalogue("fr", folder).gettext("Open…") == "Open…"


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
