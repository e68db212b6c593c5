"""The walked GPS tracks in the report: the line on the map and "x km of y km inspected".

Measured as ``analyze`` measures them (:func:`avsec.geo.tracks.inspection_lonlat`), once per
report: the zone map and the perimeter item's page share the result.
"""

from __future__ import annotations

from typing import Any

from avsec.core.document import AssessmentDocument
from avsec.core.tracks import inspected_sentence
from avsec.geo.tracks import Inspection, document_inspection
from avsec.report.text import number, tr

#: The rule whose items (PER-01) the inspected perimeter speaks to.
PERIMETER_RULE = "perimeter_gap"

_CACHE_ATTRIBUTE = "_track_inspection"


def inspection_of(doc: AssessmentDocument, cache: Any = None) -> Inspection | None:
    """The inspection of ``doc``'s tracks (None: no tracks, or no airside zone).

    ``cache`` (the report being built) keeps the result, so each report measures it once.
    """
    if not doc.tracks:
        return None
    if cache is not None and _CACHE_ATTRIBUTE in vars(cache):
        return vars(cache)[_CACHE_ATTRIBUTE]  # type: ignore[no-any-return]
    result = document_inspection(doc)
    if cache is not None:
        vars(cache)[_CACHE_ATTRIBUTE] = result
    return result


def inspected_text(doc: AssessmentDocument, lang: str, cache: Any = None) -> str:
    """ "4.2 km of 5.0 km inspected (84 %)" in ``lang``, or "" without tracks or airside."""
    result = inspection_of(doc, cache)
    if result is None or result.total_m <= 0:
        return ""
    template = tr("track_inspected", lang)
    return inspected_sentence(template, result.inspected_m, result.total_m, lang)


def inspected_note(doc: AssessmentDocument, lang: str) -> str:
    """How the inspected share is measured (the buffer in the report's number format)."""
    buffer = doc.assessment.parameters.track_buffer_m
    return tr("track_note", lang, buffer=number(buffer, lang, 0))
