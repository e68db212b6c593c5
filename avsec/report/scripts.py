"""Writing systems in the report: what DejaVu cannot print goes to a fallback font or a warning.

DejaVu Sans (the report's font) covers Latin, Greek, Cyrillic, Armenian, Georgian, Arabic and
Hebrew letters, but no Chinese, Japanese or Korean. Runs of those print in Droid Sans Fallback
(shipped in assets/fonts, Apache 2.0), registered only when a report needs it. A character no
shipped font has (Thai, Devanagari, emoji...) would print as a blank: it is collected instead,
and the report says on its second page which characters could not be printed. Right-to-left
text (Arabic, Hebrew) prints letter by letter from left to right, unjoined: that is said too.

Collection is per report build (:func:`start`, then :func:`problems`); one build at a time.
"""

from __future__ import annotations

import io
import unicodedata
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from avsec.core.errors import AvsecError
from avsec.core.i18n import N_
from avsec.io.resources import data_folder, read_bytes
from avsec.io.translations import keyed
from avsec.report import styles as st

FALLBACK_FONT = "DroidSansFallback"
_FALLBACK_FILE = "DroidSansFallbackFull.ttf"

MESSAGES: dict[str, str] = dict(
    [
        keyed(
            "unprintable_characters",
            "Warning: some characters in this report cannot be printed with its fonts and show "
            "as blanks: {characters}. Read those texts in the assessment file.",
        ),
        keyed(
            "right_to_left",
            "Warning: right-to-left text (Arabic, Hebrew) is printed from left to right with "
            "unjoined letters. Read those texts in the assessment file.",
        ),
    ]
)

_unprintable: dict[str, None] = {}
_right_to_left = False


@lru_cache(maxsize=1)
def _main_coverage() -> frozenset[int]:
    st.register_fonts()
    face = pdfmetrics.getFont(st.FONT).face
    return frozenset(face.charToGlyph)


@lru_cache(maxsize=1)
def _fallback_coverage() -> frozenset[int]:
    """Register the fallback font (once, on first need: it takes ~0.3 s) and list its codes."""
    source = data_folder("assets").joinpath("fonts", _FALLBACK_FILE)
    message = N_("assets/fonts/{name}: cannot be read ({strerror})")
    data = read_bytes(source, message, AvsecError, name=_FALLBACK_FILE)
    from reportlab.lib.fonts import addMapping

    font = TTFont(FALLBACK_FONT, io.BytesIO(data))
    pdfmetrics.registerFont(font)
    # One face only: bold and italic text in these scripts prints in the regular face.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FALLBACK_FONT, bold, italic, FALLBACK_FONT)
    return frozenset(font.face.charToGlyph)


def _ignorable(char: str) -> bool:
    return char in "\n\t " or unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp")


def note(text: str) -> bool:
    """Record what in ``text`` cannot print; True when a run needs the fallback font."""
    global _right_to_left
    if text.isascii():
        return False
    main = _main_coverage()
    needs_fallback = False
    for char in text:
        code = ord(char)
        if code < 128 or code in main:
            if unicodedata.bidirectional(char) in ("R", "AL"):
                _right_to_left = True
            continue
        if _ignorable(char):
            continue
        if code in _fallback_coverage():
            needs_fallback = True
        else:
            _unprintable[char] = None
    return needs_fallback


def with_fallback(markup: str) -> str:
    """Wrap the runs of ``markup`` that DejaVu lacks in the fallback font (markup is ASCII)."""
    if not note(markup):
        return markup
    main, fallback = _main_coverage(), _fallback_coverage()
    out: list[str] = []
    run: list[str] = []
    for char in markup:
        code = ord(char)
        if code not in main and code in fallback:
            run.append(char)
            continue
        if run:
            out.append(f'<font name="{FALLBACK_FONT}">{"".join(run)}</font>')
            run = []
        out.append(char)
    if run:
        out.append(f'<font name="{FALLBACK_FONT}">{"".join(run)}</font>')
    return "".join(out)


def runs(text: str, font: str) -> list[tuple[str, str]]:
    """``text`` cut into (font, piece) runs for drawing straight on a canvas."""
    if not note(text):
        return [(font, text)]
    main, fallback = _main_coverage(), _fallback_coverage()
    out: list[tuple[str, str]] = []
    for char in text:
        code = ord(char)
        chosen = FALLBACK_FONT if code not in main and code in fallback else font
        if out and out[-1][0] == chosen:
            out[-1] = (chosen, out[-1][1] + char)
        else:
            out.append((chosen, char))
    return out


def draw(
    canvas: object, x: float, y: float, text: str, font: str, size: float, centre: bool
) -> None:
    """Draw ``text`` at ``x``, ``y`` (centred on ``x`` with ``centre``), falling back per run."""
    pieces = runs(text, font)
    width = sum(pdfmetrics.stringWidth(piece, f, size) for f, piece in pieces)
    x = x - width / 2 if centre else x
    for piece_font, piece in pieces:
        canvas.setFont(piece_font, size)  # type: ignore[attr-defined]
        canvas.drawString(x, y, piece)  # type: ignore[attr-defined]
        x += pdfmetrics.stringWidth(piece, piece_font, size)


def start() -> None:
    """Forget what an earlier report collected."""
    global _right_to_left
    _unprintable.clear()
    _right_to_left = False


def problems(lang: str) -> list[str]:
    """The warnings for what the current report cannot print faithfully, in ``lang``."""
    from avsec.io.translations import catalogue

    def text(key: str) -> str:
        return catalogue(lang).pgettext(key, MESSAGES[key]) or MESSAGES[key]

    out = []
    if _unprintable:
        shown = sorted(_unprintable)
        listed = ", ".join(f"{c} (U+{ord(c):04X} {_script(c)})" for c in shown[:12])
        if len(shown) > 12:
            listed += f", … ({len(shown)})"
        out.append(text("unprintable_characters").format(characters=listed))
    if _right_to_left:
        out.append(text("right_to_left"))
    return out


def _script(char: str) -> str:
    """The first word of the character's Unicode name (its script, mostly): THAI, DEVANAGARI."""
    name = unicodedata.name(char, "")
    return name.split(" ")[0] if name else "unnamed"
