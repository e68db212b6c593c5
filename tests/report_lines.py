"""How much of a translated report is still the English one: lines compared, ids and numbers aside.

Issue 16's check of a translation: the text of a report in another language and of the same
report in English are split into lines; ids (PER-03, A17:4.2.1, rule ids), codes (ZZEJ, EI),
numbers, dates and percentages are masked; of the translated report's lines that still have
letters, fewer than 3 % may be a line of the English report. Used by
tests/workshop/test_report_language.py; run it on two PDFs to see the lines left over:
``python -m tests.report_lines english.pdf french.pdf``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

#: At most this share of a translated report's lines with letters may be English lines.
MAX_SHARED_SHARE = 0.03

_MASKS = [
    re.compile(r"https?://\S+"),
    # Provision references and crosswalk ids: A17:4.2.1, EU2015/1998:1.2.2, DOC8973:11.2.2.
    re.compile(r"\b[A-Za-z0-9/\-]+:[A-Za-z0-9.\-()]+"),
    # Ids of letters and digits: PER-03, ACP-01, obs-12, f17.
    re.compile(r"\b(?=[\w\-]*[A-Za-z])(?=[\w\-]*\d)[\w\-]+\b"),
    # Numbers as any language writes them, dates, percentages: 1.234,5  1 234,5  2025-03-01  52 %.
    re.compile(r"\d(?:[\d.,/\-\u202f\u00a0]*\d)?(?:[ \u00a0\u202f]?%)?"),
    # Rule and status ids: perimeter_gap, not_compliant.
    re.compile(r"\b[a-z]+(?:_[a-z]+)+\b"),
    # Codes and acronyms: ZZEJ, EI, AVSEC, CCTV.
    re.compile(r"\b[A-Z]{2,6}\b"),
]
_LETTER = re.compile(r"[^\W\d_]{2,}")


def normalise(line: str) -> str:
    """``line`` with ids, codes and numbers masked and its spaces collapsed."""
    for mask in _MASKS:
        line = mask.sub("#", line)
    return " ".join(line.split())


def lines_with_letters(text: str) -> list[str]:
    """The normalised lines of ``text`` that still hold a word after masking."""
    out = []
    for raw in text.splitlines():
        line = normalise(raw)
        if _LETTER.search(line):
            out.append(line)
    return out


@dataclass(frozen=True)
class Comparison:
    """Lines of the translated report that are lines of the English one."""

    lines: int
    shared: list[str]

    @property
    def share(self) -> float:
        """Shared lines over the translated report's lines with letters (0 when none)."""
        return len(self.shared) / self.lines if self.lines else 0.0


def compare(english: str, translated: str) -> Comparison:
    """Compare the text of a report in English with its text in another language."""
    english_lines = set(lines_with_letters(english))
    lines = lines_with_letters(translated)
    return Comparison(len(lines), [line for line in lines if line in english_lines])


def pdf_text(path: Path) -> str:
    """The text of every page of a PDF, page after page."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def _main(argv: Iterable[str]) -> int:
    english, translated = (Path(a) for a in argv)
    result = compare(pdf_text(english), pdf_text(translated))
    for line in result.shared:
        print(line)
    print(f"{len(result.shared)} of {result.lines} lines shared ({result.share:.1%})")
    return 0 if result.share < MAX_SHARED_SHARE else 1


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
