"""The gap report as PDF: the sections in order, laid out on marked, numbered pages."""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reportlab.platypus import Flowable, PageBreak

from avsec import __version__
from avsec.core.checklist import ProvisionCatalogue
from avsec.core.document import AssessmentDocument
from avsec.core.errors import InputError
from avsec.core.i18n import N_
from avsec.io.outputs import cannot_write, output_in_existing_folder
from avsec.report import scripts
from avsec.report import styles as st
from avsec.report.path_analysis import PathAnalysis
from avsec.report.paths_section import paths_section
from avsec.report.pdf import annexes, cover, findings, outline, summary, zone_map
from avsec.report.pdf.context import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Report,
)
from avsec.report.pdf.furniture import MarkedTemplate, canvas_maker
from avsec.report.pdf.markup import ILLEGAL, esc, keywords
from avsec.report.pdf.paragraph import Paragraph
from avsec.report.pdf.photo_forms import PhotoCanvas
from avsec.report.photos import PhotoPipeline
from avsec.report.redaction import Redaction
from avsec.report.tests_section import tests_section
from avsec.report.text import tr


def _since_last_visit(report: Report) -> list[Flowable]:
    """The "Since the last visit" section of a follow-up visit; nothing otherwise."""
    if report.doc.last_visit is None:
        return []
    from avsec.report.followup_section import followup_section

    return list(followup_section(report))


#: The report's sections in order, each from its own module; a page break between them.
SECTIONS: tuple[Callable[[Report], list[Flowable]], ...] = (
    cover.build,
    summary.build,
    _since_last_visit,
    zone_map.build,
    paths_section,
    findings.build,
    tests_section,
    outline.build,
    annexes.responses,
    annexes.provisions,
)


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Write image streams as binary rather than ASCII85 text (smaller and faster)."""
    from reportlab import rl_config

    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while the report is built.

    Laying out a large report allocates millions of short-lived objects beside the whole
    assessment; the collector then walks the assessment again and again (about a tenth of
    the build) and finds next to nothing: reportlab's objects are freed by reference counts.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def story(report: Report) -> list[Flowable]:
    """Every flowable of the report. Photos decode in the background meanwhile."""
    report.photos = PhotoPipeline(report.photo_ids(), report.photo_loader)
    report.photos.pump()
    flowables: list[Flowable] = []
    for section in SECTIONS:
        part = section(report)
        if not part:
            continue  # a section with nothing to say (no earlier visit) takes no page
        if flowables:
            flowables.append(PageBreak())
        flowables += part
    return flowables


@_without_cycle_collection()
def build_report(
    doc: AssessmentDocument,
    out: Path,
    *,
    lang: str,
    photo_loader: Callable[[str], bytes | None],
    catalogue: ProvisionCatalogue | None = None,
    password: str | None = None,
    today: dt.date | None = None,
    redaction: Redaction | None = None,
    path_analysis: PathAnalysis | None = None,
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
    redaction
        The redacted edition's rules, or None for the full report.
    path_analysis
        The path analysis started beside the report
        (:meth:`avsec.report.path_analysis.PathAnalysis.in_background`); by default the
        "Weakest routes" section analyses in this process.

    Returns
    -------
    Path
        ``out``.

    Raises
    ------
    InputError
        The output cannot be written, or the password is empty.
    """
    out = Path(out)
    today = today or dt.date.today()
    if redaction is not None:
        doc = redaction.apply(doc)
    output_in_existing_folder(out)
    if password is not None:
        if not password:
            raise InputError(N_("the PDF password must not be empty"))

    airport = doc.assessment.airport
    code = airport.icao or airport.iata
    title = tr("report_title", lang) + f" — {airport.name}" + (f" ({code})" if code else "")
    running = tr("report_title", lang) + (f" — {code}" if code else f" — {airport.name}")
    author = doc.assessment.organisation or ", ".join(doc.assessment.team)
    marking = ILLEGAL.sub("", doc.assessment.marking(lang))
    partial = out.with_name(f".{out.name}.{os.getpid()}.part")
    clear = partial.with_suffix(".clear") if password else partial
    report = Report(doc, lang, photo_loader, catalogue, today)
    report.redaction = redaction
    report.path_analysis = path_analysis
    scripts.start()
    scripts.note(marking + running)
    try:
        flowables = story(report)
        # What the fonts cannot print is said on the page after the cover, never dropped.
        script_warnings = [Paragraph(esc(t), report.s.note) for t in scripts.problems(lang)]
        first_break = next(i for i, f in enumerate(flowables) if isinstance(f, PageBreak))
        flowables[first_break + 1 : first_break + 1] = script_warnings
        with _binary_streams():
            template = MarkedTemplate(
                str(clear),
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
                initialFontName=st.FONT,
            )
            template.after_each = report.photos.pump if report.photos else None
            template.build(
                flowables,
                canvasmaker=canvas_maker(PhotoCanvas, tr("page_of", lang), photos=report.photos),
            )
        if password:
            # pypdf and its cryptography (0.15 s) load only for a report that is encrypted.
            from avsec.report.pdf.encryption import encrypt_pdf

            encrypt_pdf(clear, partial, password)
        os.replace(partial, out)
    except OSError as exc:
        raise cannot_write(out, exc) from exc
    finally:
        report.close()
        for leftover in (clear, partial):
            leftover.unlink(missing_ok=True)
    return out
