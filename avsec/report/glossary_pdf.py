"""The term sheet for the room: the access-control terms side by side in chosen languages.

One or two A4 pages (``avsec glossary -o terms.pdf --langs en,es,pt,fr``) from the same term
table the app's labels and the checklist's wording are held to (``assets/terms/terms.yaml``).
Every page carries the handling marking, at the top and bottom, in the sheet's first language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from avsec.core.assessment import DEFAULT_MARKING
from avsec.core.errors import InputError
from avsec.core.i18n import N_, babel_locale
from avsec.core.terms import TermSheet
from avsec.io.outputs import cannot_write, output_in_existing_folder, partial_file
from avsec.io.terms import load_terms
from avsec.io.translations import catalogue, keyed
from avsec.report import styles as st
from avsec.report.pdf.furniture import MarkedTemplate, NumberedCanvas, banded_table, canvas_maker
from avsec.report.pdf.markup import esc, keywords
from avsec.report.text import long_date

#: message key -> English text (the gettext msgid; the key is its context).
MESSAGES: dict[str, str] = dict(
    [
        keyed("gl_title", "Access control terms"),
        keyed(
            "gl_intro",
            "The terms of ICAO Annex 17 for airport access control as avsec, its checklist and "
            "its reports write them. Terms in Portuguese and French follow ICAO's texts in those "
            "languages and Brazilian usage; have a native-speaking official confirm them.",
        ),
        keyed("gl_marking", "The handling marking, as each language prints it"),
        keyed("gl_page", "Page {page} of {pages}"),
        keyed("gl_keywords", "aviation security, access control, terms, Annex 17"),
    ]
)

#: The term carrying the handling marking: printed in the furniture, not as a row.
MARKING_TERM = "handling_marking"


def _t(key: str, lang: str, **fields: object) -> str:
    text = catalogue(lang).pgettext(key, MESSAGES[key])
    return text.format(**fields) if fields else text


def language_name(lang: str) -> str:
    """The language's name as its speakers write it (Babel: 'Português (Brasil)', 'Français')."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(babel_locale(lang))
    except (UnknownLocaleError, ValueError):
        return lang
    name = locale.get_display_name(locale) or lang
    return name[:1].upper() + name[1:]


def marking_of(terms: TermSheet, lang: str) -> str:
    """The standard handling marking in ``lang`` (the term table's; English if it has none)."""
    try:
        text = terms.get(MARKING_TERM).text
    except KeyError:
        return DEFAULT_MARKING.get(lang, DEFAULT_MARKING["en"])
    return text.get(lang) or text.get("en") or DEFAULT_MARKING["en"]


def build_term_sheet(
    out: Path,
    langs: Sequence[str],
    *,
    terms: TermSheet | None = None,
    today: dt.date | None = None,
) -> Path:
    """Write the term sheet to ``out`` (built beside it, moved into place when complete).

    Raises
    ------
    InputError
        No language, or the output folder does not exist or cannot be written.
    """
    out = Path(out)
    langs = list(dict.fromkeys(langs))
    if not langs:
        raise InputError(N_("the term sheet needs at least one language"))
    output_in_existing_folder(out)
    terms = terms or load_terms()
    today = today or dt.date.today()
    first = langs[0]
    s = st.Styles()
    marking = marking_of(terms, first)
    # The title in each language of the sheet, each once (a language not yet translated
    # gives the English, which is then not repeated).
    title = " · ".join(dict.fromkeys(_t("gl_title", lang) for lang in langs))
    margin_x = 16 * mm
    frame_w = A4[0] - 2 * margin_x
    term_style = ParagraphStyle("term", parent=s.cell, fontSize=8.5, leading=10.5)
    first_style = ParagraphStyle("term_first", parent=term_style, fontName=st.FONT_BOLD)
    header = [Paragraph(esc(language_name(lang)), s.cell_head) for lang in langs]
    rows: list[list[Flowable]] = [header]
    for term in terms.terms:
        if term.key == MARKING_TERM:
            continue
        rows.append(
            [
                Paragraph(esc(term.text.get(lang) or "—"), first_style if i == 0 else term_style)
                for i, lang in enumerate(langs)
            ]
        )
    table = Table(rows, colWidths=[frame_w / len(langs)] * len(langs), repeatRows=1)
    table.setStyle(
        banded_table(
            ("TOPPADDING", (0, 0), (-1, -1), 2.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        )
    )
    markings = [
        Paragraph(f"<b>{esc(language_name(lang))}</b>: {esc(marking_of(terms, lang))}", s.small)
        for lang in langs
    ]
    story: list[Flowable] = [
        Paragraph(esc(title), s.h1),
        Paragraph(esc(_t("gl_intro", first)), s.note),
        Spacer(1, 3 * mm),
        table,
        Paragraph(esc(_t("gl_marking", first)), s.h3),
        *markings,
    ]
    try:
        with partial_file(out) as partial:
            doc = MarkedTemplate(
                str(partial),
                pagesize=A4,
                margins=(margin_x, 24 * mm, 24 * mm),
                marking=marking,
                running=title,
                footer_left=f"avsec · {long_date(today, first)}",
                title=title,
                subject=f"{title} — {marking}",
                keywords=keywords(_t("gl_keywords", first), marking),
                lang=first,
                creator="avsec",
            )
            doc.build(story, canvasmaker=canvas_maker(NumberedCanvas, _t("gl_page", first)))
    except OSError as exc:
        raise cannot_write(out, exc) from exc
    return out
