"""reportlab's Paragraph, remembering its lines at the last width it was wrapped to.

Platypus wraps many paragraphs twice at the same width (a KeepTogether measures its content,
then the frame places it; a table sizes its rows, then draws them): the second wrap breaks the
same words into the same lines. A large report spends about a twentieth of its time on those
repeats, which this class answers from the first.
"""

from __future__ import annotations

from reportlab.platypus import paragraph


class Paragraph(paragraph.Paragraph):
    """A Paragraph whose second wrap at the same width reuses the first's lines.

    Its text and style are fixed once made (as everywhere in the report); a split makes new
    paragraphs, and reportlab drops ``blPara`` when it splits, which forces a fresh wrap.
    """

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        remembered = self._wrapped
        if remembered is not None and remembered[0] == availWidth and hasattr(self, "blPara"):
            return remembered[1]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size
