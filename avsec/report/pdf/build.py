"""The gap report as PDF: the sections in order, laid out on marked, numbered pages."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path

from reportlab.platypus import Flowable, PageBreak

from avsec import __version__
from avsec.core.checklist import ProvisionCatalogue
from avsec.core.document import AssessmentDocument
from avsec.core.errors import AvsecError, InputError
from avsec.report import styles as st
from avsec.report.pdf import annexes, cover, findings, outline, summary, zone_map
from avsec.report.pdf.context import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Report,
)
from avsec.report.pdf.encryption import (
    _binary_streams,
    _correct_aes256,
    _encryption,
    aes256_available,
)
from avsec.report.pdf.furniture import MarkedTemplate, canvas_maker
from avsec.report.pdf.markup import ILLEGAL, keywords
from avsec.report.pdf.photo_forms import PhotoCanvas
from avsec.report.photos import PhotoPipeline
from avsec.report.text import tr

#: The report's sections in order, each from its own module; a page break between them.
SECTIONS: tuple[Callable[[Report], list[Flowable]], ...] = (
    cover.build,
    summary.build,
    zone_map.build,
    findings.build,
    outline.build,
    annexes.responses,
    annexes.provisions,
)


def story(report: Report) -> list[Flowable]:
    """Every flowable of the report. Photos decode in the background meanwhile."""
    report.photos = PhotoPipeline(report.photo_ids(), report.photo_loader)
    report.photos.pump()
    flowables: list[Flowable] = []
    for index, section in enumerate(SECTIONS):
        if index:
            flowables.append(PageBreak())
        flowables += section(report)
    return flowables


def build_report(
    doc: AssessmentDocument,
    out: Path,
    *,
    lang: str,
    photo_loader: Callable[[str], bytes | None],
    catalogue: ProvisionCatalogue | None = None,
    password: str | None = None,
    today: dt.date | None = None,
) -> Path:
    """Write the gap report of ``doc`` as a PDF.

    Parameters
    ----------
    doc
        The whole assessment (``AvsecFile.document()``).
    out
        The PDF to write. It is written next to its final name first and moved into place
        only once complete, so a failed build never leaves half a report.
    lang
        Report language (``en`` or ``es``; data texts fall back to English).
    photo_loader
        Returns a photo's bytes by attachment id, or None (``AvsecFile.attachment_bytes``).
        Missing and unreadable photos are noted in the report.
    catalogue
        Provision catalogue for the annex of provisions; without it provisions show by id.
    password
        When given, the PDF is encrypted with AES-256 and needs this password to open.
    today
        The report date (today by default); due dates of a generated outline count from it.

    Returns
    -------
    Path
        ``out``.

    Raises
    ------
    InputError
        The output cannot be written, or the password is empty.
    AvsecError
        AES-256 is asked for but neither pyaes nor cryptography is installed.
    """
    out = Path(out)
    today = today or dt.date.today()
    if not out.parent.is_dir():
        raise InputError(f"{out}: the folder {out.parent} does not exist")
    if password is not None:
        if not password:
            raise InputError("the PDF password must not be empty")
        if not aes256_available():
            raise AvsecError(
                "AES-256 PDF encryption needs the 'cryptography' or 'pyaes' package; "
                "install one of them (pip install cryptography)"
            )

    airport = doc.assessment.airport
    code = airport.icao or airport.iata
    title = tr("report_title", lang) + f" — {airport.name}" + (f" ({code})" if code else "")
    running = tr("report_title", lang) + (f" — {code}" if code else f" — {airport.name}")
    author = doc.assessment.organisation or ", ".join(doc.assessment.team)
    marking = ILLEGAL.sub("", doc.assessment.marking(lang))
    partial = out.with_name(f".{out.name}.{os.getpid()}.part")
    report = Report(doc, lang, photo_loader, catalogue, today)
    try:
        flowables = story(report)
        with _correct_aes256() if password else nullcontext(), _binary_streams():
            template = MarkedTemplate(
                str(partial),
                pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
                margins=(MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM),
                marking=marking,
                running=ILLEGAL.sub("", running),
                footer_left=f"{tr('generated_on', lang)}: {today.isoformat()} · avsec {__version__}",
                title=ILLEGAL.sub("", title),
                subject=f"{tr('report_subject', lang)} — {marking}",
                author=ILLEGAL.sub("", author),
                creator=f"avsec {__version__}",
                keywords=keywords(tr("report_keywords", lang), marking),
                lang=lang,
                encrypt=_encryption(password) if password else None,
                initialFontName=st.FONT,
            )
            template.after_each = report.photos.pump if report.photos else None
            template.build(
                flowables,
                canvasmaker=canvas_maker(PhotoCanvas, tr("page_of", lang), photos=report.photos),
            )
        os.replace(partial, out)
    except OSError as exc:
        raise InputError(f"{out}: cannot be written ({exc.strerror or exc})") from exc
    finally:
        report.close()
        if partial.exists():
            partial.unlink()
    return out
