"""The gettext catalogues of the code's own strings, in every layer.

Catalogues live in ``assets/translations/LANG/LC_MESSAGES/avsec.mo`` (compiled from the ``.po``
next to it with ``pybabel compile``; see the README). English is the source language: its texts
are the msgids themselves, so English needs no catalogue. Spanish, Portuguese (pt, pt_BR) and
French (fr) have one each; a fifth language is a folder with a compiled catalogue (and the
checklist texts), no code: :func:`available_languages` lists every such folder and
:func:`offered_languages` adds it to the four of the OAS wherever a language is chosen.

Importing this module installs :func:`catalogue` as the source of
:func:`avsec.core.i18n.translate`, the one translation path of every layer. Importing any of
``avsec.io`` does it (see ``avsec/io/__init__.py``), and the command line does it before any
verb runs, so geometry messages computed in core and geo are translated too.

Messages are marked for ``pybabel extract`` (the keywords are in the README):

* plain English strings, ``tr("Open…")`` in the app or ``translate("…", lang)`` elsewhere, and
  ``N_()`` where a label is defined and translated later; ``ngettext`` / ``ntranslate`` for
  plurals;
* symbolic keys with their English text, ``keyed("report_title", "Airport access control
  assessment")`` (``keyed_plural`` with plural forms): the key becomes the message context
  (msgctxt), so one English word can take two translations where the context asks for it.

The stdlib :mod:`gettext` reads the ``.mo`` files, once per language.
"""

from __future__ import annotations

import gettext as _gettext
import struct
from typing import TYPE_CHECKING

from avsec.core.errors import InputError
from avsec.core.i18n import LANGUAGES, N_, install_catalogues
from avsec.io.resources import data_folder

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "DOMAIN",
    "N_",
    "available_languages",
    "catalogue",
    "keyed",
    "keyed_plural",
    "offered_languages",
]

#: Gettext domain: the name of every catalogue file (avsec.pot, avsec.po, avsec.mo).
DOMAIN = "avsec"
#: The language of the msgids.
SOURCE_LANGUAGE = "en"

#: Bundled catalogues read so far, by language.
_bundled: dict[str, _gettext.NullTranslations] = {}


def keyed(key: str, message: str) -> tuple[str, str]:
    """Mark an entry of a table keyed by symbolic names: ``key`` is the gettext context.

    Returns ``(key, message)`` so that ``dict([keyed(...), ...])`` builds the table.
    """
    return key, message


def keyed_plural(key: str, singular: str, plural: str) -> tuple[str, tuple[str, str]]:
    """Like :func:`keyed`, for a message with plural forms (translated with ``npgettext``)."""
    return key, (singular, plural)


def translations_folder() -> Traversable:
    """The bundled ``translations`` folder (from a checkout or from the wheel)."""
    return data_folder("assets").joinpath("translations")


def _catalogue_file(folder: Traversable, lang: str) -> Traversable:
    return folder.joinpath(lang, "LC_MESSAGES", f"{DOMAIN}.mo")


def available_languages(folder: Traversable | None = None) -> tuple[str, ...]:
    """English plus every language with a compiled catalogue, sorted after English.

    Parameters
    ----------
    folder
        A translations folder; the bundled one by default.

    Returns
    -------
    tuple of str
        Language codes, ``"en"`` first.
    """
    folder = translations_folder() if folder is None else folder
    found: set[str] = set()
    if folder.is_dir():
        found = {
            entry.name
            for entry in folder.iterdir()
            if entry.is_dir() and _catalogue_file(folder, entry.name).is_file()
        }
    found.discard(SOURCE_LANGUAGE)
    return (SOURCE_LANGUAGE, *sorted(found))


def offered_languages(folder: Traversable | None = None) -> tuple[str, ...]:
    """The languages offered wherever one is chosen (``--lang``, preferences, report dialog).

    The four official languages of the OAS (:data:`avsec.core.i18n.LANGUAGES`) in their order,
    then any further language with a compiled catalogue: a fifth language needs no code.
    """
    extra = tuple(lang for lang in available_languages(folder) if lang not in LANGUAGES)
    return (*LANGUAGES, *extra)


def catalogue(lang: str, folder: Traversable | None = None) -> _gettext.NullTranslations:
    """The translations of ``lang``; the bundled ones are read once and then cached.

    English, and any language without a compiled catalogue, get a catalogue that returns every
    message unchanged (the English msgid).

    Parameters
    ----------
    lang
        Language code (``es``).
    folder
        A translations folder (read afresh at every call); the bundled one by default.

    Returns
    -------
    gettext.NullTranslations
        Use its ``gettext(message)`` and ``pgettext(context, message)``.

    Raises
    ------
    InputError
        The catalogue file exists but is not a readable ``.mo`` file.
    """
    if folder is not None:
        return _load(folder, lang)
    cached = _bundled.get(lang)
    if cached is None:
        cached = _bundled[lang] = _load(translations_folder(), lang)
    return cached


def _load(folder: Traversable, lang: str) -> _gettext.NullTranslations:
    # Only the listed folders: a language code from a settings file never becomes a path.
    if lang == SOURCE_LANGUAGE or lang not in available_languages(folder):
        return _gettext.NullTranslations()
    path = _catalogue_file(folder, lang)
    try:
        with path.open("rb") as stream:
            return _gettext.GNUTranslations(stream)
    except (OSError, struct.error, UnicodeDecodeError, ValueError, IndexError) as exc:
        raise InputError(
            N_("{path}: not a readable gettext catalogue ({exc})"), path=path, exc=exc
        ) from exc


def clear_cache() -> None:
    """Forget the bundled catalogues read so far (the next lookup reads the files again)."""
    _bundled.clear()


install_catalogues(catalogue)
