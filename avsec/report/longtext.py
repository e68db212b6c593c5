"""Long user text cut into paragraphs reportlab lays out quickly.

reportlab's paragraph layout grows faster than the paragraph's length: one 250 KB note took
over a minute. Text is split at blank lines, then at line breaks, then at the last space
before :data:`MAX_BLOCK_CHARS` (a hard cut only inside a word longer than that), so every
paragraph stays short and the whole text still prints, in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

#: Longest paragraph handed to reportlab, in characters (about a third of a page).
MAX_BLOCK_CHARS = 1_200
#: Most characters of one note printed in the report (about a page); the rest stays in the
#: file and the report says how much was left out, so a wall of text cannot stall the report.
MAX_PRINTED_NOTE_CHARS = 3_000


def note_paragraphs(
    text: str, make: Callable[[str], Any], cut_message: Callable[[int], str]
) -> list[Any]:
    """Paragraphs of a note for the report: at most :data:`MAX_PRINTED_NOTE_CHARS` characters,
    split by :func:`split_blocks`, then ``cut_message(count)`` when ``count`` characters were
    left out. ``make`` turns one plain-text block into a flowable (escaping is its job)."""
    shown, left_out = printed_excerpt(text)
    blocks = [make(block) for block in split_blocks(shown)]
    if left_out > 0:
        blocks.append(make(cut_message(left_out)))
    return blocks


def printed_excerpt(text: str, limit: int = MAX_PRINTED_NOTE_CHARS) -> tuple[str, int]:
    """The part of ``text`` the report prints (cut at a space) and how many characters remain."""
    text = text.strip()
    if len(text) <= limit:
        return text, 0
    shown = text[:limit]
    space = shown.rfind(" ", limit // 2)
    shown = shown[:space] if space > 0 else shown
    return shown, len(text) - len(shown)


def split_blocks(text: str, limit: int = MAX_BLOCK_CHARS) -> list[str]:
    """Split ``text`` into non-empty blocks of at most ``limit`` characters, in order."""
    blocks: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        paragraph = paragraph.strip("\n")
        if not paragraph.strip():
            continue
        if len(paragraph) <= limit:
            blocks.append(paragraph)
            continue
        current = ""
        for line in paragraph.split("\n"):
            for piece in _cut(line, limit):
                if current and len(current) + 1 + len(piece) > limit:
                    blocks.append(current)
                    current = piece
                else:
                    current = f"{current}\n{piece}" if current else piece
        if current.strip():
            blocks.append(current)
    return blocks


def _cut(line: str, limit: int) -> list[str]:
    """Cut one line at spaces into pieces of at most ``limit`` characters."""
    pieces = []
    while len(line) > limit:
        space = line.rfind(" ", 0, limit + 1)
        cut = space if space > limit // 2 else limit
        pieces.append(line[:cut])
        line = line[cut:].lstrip(" ") if space > limit // 2 else line[cut:]
    pieces.append(line)
    return pieces
