"""Language helpers shared by every layer.

Texts that live in data (checklists, provisions, findings) are ``{lang: text}`` mappings; code
strings go through gettext in the layers that show them.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"

LangText = dict[str, str]


def pick(text: Mapping[str, str] | None, lang: str, fallback: str = DEFAULT_LANGUAGE) -> str:
    """Return ``text`` in ``lang``, falling back to English, then to any language.

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


def N_(message: str) -> str:  # noqa: N802 - the gettext convention pybabel looks for
    """Mark ``message`` for extraction without translating it (it is translated where shown)."""
    return message
