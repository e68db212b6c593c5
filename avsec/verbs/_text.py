"""The language of the command line: its results, warnings, one-line errors, table headers and
``--help`` are English msgids translated into the language of ``--lang`` (English for verbs
without it; docs/architecture.md, *The translation path*)."""

from __future__ import annotations

import sys
from typing import Any

from avsec.core.i18n import DEFAULT_LANGUAGE, translate

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
