"""The language of the command line: its results, warnings, one-line errors, table headers and
``--help`` are English msgids translated into the language of ``--lang`` (English for verbs
without it; docs/architecture.md, *The translation path*)."""

from __future__ import annotations

import sys
from typing import Any

from avsec.core.i18n import DEFAULT_LANGUAGE, N_, ntranslate, translate

#: The language of this run's messages (``--lang``; English for verbs without it).
_language = DEFAULT_LANGUAGE


def set_cli_language(lang: str | None) -> None:
    """Write this run's messages and errors in ``lang`` (None: English)."""
    global _language
    _language = lang or DEFAULT_LANGUAGE


def tr(text: str) -> str:
    """``text`` (an English msgid) in this run's language: argparse help and descriptions,
    marked for extraction where they are written."""
    return translate(text, _language)


def cli_language() -> str:
    """The language of this run's messages."""
    return _language


def message(text: str, /, **fields: object) -> str:
    """``text`` (an English msgid) in this run's language, ``fields`` filled in.

    A field that translates itself (an avsec error, a warning's notice) is written in the
    same language.
    """
    from avsec.core.notices import localised

    values = {k: localised(v, _language) for k, v in fields.items()}
    translated = translate(text, _language)
    return translated.format(**values) if values else translated


def say(text: str, /, *, stream: Any = None, **fields: object) -> None:
    """Print :func:`message` of ``text`` (to standard output unless ``stream``)."""
    print(message(text, **fields), file=stream)


def warn(text: str, /, **fields: object) -> None:
    """:func:`say` on standard error (warnings and notes beside a result)."""
    say(text, stream=sys.stderr, **fields)


#: What argparse itself says (usage, its sections, its argument errors), marked here so that
#: the catalogues carry it: argparse looks each one up through ``gettext`` when it is shown.
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
)
#: argparse's plural message (``-k ntranslate`` marks it for the catalogues).
_EXPECTED = ("expected %s argument", "expected %s arguments")


def translate_argparse() -> None:
    """Make argparse's own messages follow this run's language (``--lang``).

    argparse translates them with the module-level ``_`` and ``ngettext`` it imported from
    :mod:`gettext`; both are pointed at the avsec catalogues, read at the time a message is
    shown. ``error:`` after the program's name stays as it is, like ``avsec: error:``.
    """
    import argparse

    def gettext(text: str) -> str:
        return translate(text, _language) if text else text

    def ngettext(singular: str, plural: str, count: int) -> str:
        if (singular, plural) == _EXPECTED:
            return ntranslate("expected %s argument", "expected %s arguments", count, _language)
        return singular if count == 1 else plural

    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
