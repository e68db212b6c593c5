"""Text on its way into reportlab: escaped, cleaned of what XML cannot hold, split into paragraphs.

Shared by the gap report and the workshop debrief (:mod:`avsec.workshop.debrief`).
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from avsec.report import scripts
from avsec.report.longtext import split_blocks
from avsec.report.pdf.paragraph import Paragraph

#: Characters XML cannot hold (reportlab's parser rejects them) and lone surrogates (not UTF-8).
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def esc(text: object) -> str:
    """Make any text safe for reportlab paragraph markup: it prints literally.

    ``<b>x</b> & <font size=40>y</font>`` comes out as those very characters. Control
    characters are dropped and line breaks kept.
    """
    clean = ILLEGAL.sub("", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    return scripts.with_fallback(escape(clean).replace("\t", "    ").replace("\n", "<br/>"))


def paragraphs(text: str, style: Any) -> list[Flowable]:
    """Split user text on blank lines into paragraphs (so a very long note flows across pages)."""
    return [Paragraph(esc(block), style) for block in split_blocks(text)]


def action_markup(title: str, description: str) -> str:
    """The action in a table cell: its description, led by the title when that adds to it."""
    title, description = title.strip(), description.strip()
    stem = title.rstrip("…").rstrip(".").strip()
    if not description:
        return esc(title)
    if not stem or description.startswith(stem):
        # A generated title is the description's first sentence (or its start): no need for
        # both.
        return esc(description)
    return f"<b>{esc(title)}</b><br/>{esc(description)}"


def keywords(words: str, *more: str) -> list[str]:
    """The PDF keywords: a translated comma-separated list, then ``more`` (the marking)."""
    found = [w.strip() for w in words.split(",")] + [ILLEGAL.sub("", m).strip() for m in more]
    return list(dict.fromkeys(w for w in found if w))
