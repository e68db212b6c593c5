"""The report's own words in every language, and the formatting of numbers and dates.

The English texts, keyed by symbolic names, are the msgids of the gettext catalogues in
``assets/translations`` (each key is its message's context, see :func:`avsec.io.translations.
keyed`); the other languages are in the catalogues, so adding Portuguese or French means adding
a catalogue, not code. Spanish uses the terms of docs/architecture.md, *Terms* (hallazgo,
plan de mejora, aplicación eficaz). Data texts (checklist items, provisions) come in the data, not from here.
"""

from __future__ import annotations

import datetime as dt

from avsec.core.i18n import format_day, format_number, format_share
from avsec.core.labels import (
    action_status_label,
    horizon_label,
    rule_label,
    severity_label,
    status_label,
)
from avsec.io.translations import catalogue, keyed, keyed_plural

__all__ = [
    "MESSAGES",
    "PLURALS",
    "action_status_label",
    "horizon_label",
    "long_date",
    "measure",
    "number",
    "percent",
    "rule_label",
    "severity_label",
    "status_label",
    "tr",
    "tr_count",
    "zone_label",
]

#: message key -> English text. ``{name}`` fields are filled by :func:`tr`.
MESSAGES: dict[str, str] = dict(
    [
        # --- document -----------------------------------------------------------------------------
        keyed("report_title", "Airport access control assessment"),
        keyed("report_subtitle", "Gap report and improvement outline — ICAO Annex 17, chapter 4.2"),
        keyed("report_subject", "Access control gap report against ICAO Annex 17"),
        # Translators: the PDF's keywords (document properties), separated by commas.
        keyed("report_keywords", "ICAO Annex 17, access control, aviation security, AVSEC"),
        keyed("page_of", "Page {page} of {pages}"),
        keyed("cover", "Cover"),
        keyed("generated_on", "Report date"),
        keyed(
            "note_cut",
            "[The note continues for {count} more characters; they are kept in the assessment "
            "file and not printed here.]",
        ),
        keyed(
            "handling_note",
            "This report describes weaknesses in the security of an airport. Handle it as marked: "
            "share it only with those who need it to correct the findings, keep it under the "
            "control of the appropriate authority and do not copy it without permission.",
        ),
        # --- cover fields -------------------------------------------------------------------------
        keyed("airport", "Airport"),
        keyed("codes", "ICAO / IATA"),
        keyed("location", "Location"),
        keyed("assessment", "Assessment"),
        keyed("dates", "Dates"),
        keyed("team", "Assessment team"),
        keyed("organisation", "Organisation"),
        keyed("checklist", "Checklist"),
        keyed("checklist_version", "{title} ({id}, version {version})"),
        keyed("edition", "Annex 17 edition"),
        keyed("edition_unknown", "not stated"),
        keyed("exercise_team", "Exercise team"),
        keyed("none_given", "not recorded"),
        keyed("ongoing", "ongoing"),
        keyed("signatures", "Review and approval"),
        keyed("prepared_by", "Prepared by"),
        keyed("reviewed_by", "Reviewed by"),
        keyed("approved_by", "Approved by"),
        keyed("name_signature_date", "Name, signature and date"),
        # --- sections -----------------------------------------------------------------------------
        keyed("sec_summary", "1 Executive summary"),
        keyed("sec_map", "2 Zone map"),
        keyed("sec_findings", "3 Findings by area"),
        keyed("sec_outline", "4 Improvement outline"),
        keyed("sec_responses", "Annex A — Responses"),
        keyed("sec_provisions", "Annex B — Provisions cited"),
        keyed("sub_scores", "Scores by area"),
        keyed("sub_top_gaps", "The five highest-priority gaps"),
        keyed("sub_unlinked", "Other geometry findings (not linked to a gap)"),
        keyed("sub_map_key", "Map key"),
        keyed("sub_false_positives", "Findings judged false positive"),
        keyed(
            "false_positives_intro",
            "The inspector judged these findings false positives: the geometry rule does not "
            "hold on the ground. They are left out of the map, the gaps and the outline and "
            "keep their numbers.",
        ),
        keyed("reason", "Reason"),
        # --- executive summary --------------------------------------------------------------------
        keyed(
            "summary_text",
            "The team assessed {assessed} of {applicable} applicable items (coverage {coverage}). "
            "Effective Implementation (EI) is {ei} and the weighted score {weighted}. "
            "{not_compliant} items were found not compliant and {partial} partially compliant.",
        ),
        keyed("summary_no_geometry", "No geometry findings are recorded for the layout."),
        keyed(
            "score_definitions",
            "Coverage: assessed applicable items over applicable items. EI: compliant items over "
            "assessed applicable items. Weighted score: items weighted by importance (1 minor, 2 "
            "major, 3 critical), partially compliant counting one half.",
        ),
        keyed("no_gaps", "No gaps are recorded."),
        keyed("chart_caption", "Figure 1. Coverage, EI and weighted score by area."),
        keyed(
            "map_caption",
            "Figure 2. Security zones, barriers and access points, with the numbered findings.",
        ),
        # --- table headings -----------------------------------------------------------------------
        keyed("area", "Area"),
        keyed("overall", "Overall"),
        keyed("items", "Items"),
        keyed("applicable", "Applicable"),
        keyed("assessed", "Assessed"),
        keyed("coverage", "Coverage"),
        keyed("ei", "EI"),
        keyed("ei_long", "Effective Implementation (EI)"),
        keyed("weighted", "Weighted score"),
        keyed("item", "Item"),
        keyed("question", "Question"),
        keyed("status", "Status"),
        keyed("priority", "Priority"),
        keyed("weight", "Weight"),
        keyed("notes", "Notes"),
        keyed("provisions", "Provisions"),
        keyed("recommendation", "Recommendation"),
        keyed("action", "Action"),
        keyed("owner", "Owner"),
        keyed("due", "Due"),
        keyed("ref", "Ref."),
        keyed("no", "No."),
        keyed("rule", "Rule"),
        keyed("severity", "Severity"),
        keyed("measure", "Measure"),
        keyed("zone", "Zone"),
        keyed("message", "Description"),
        keyed("evidence_photos", "Evidence photos"),
        keyed("geometry_findings", "Geometry findings"),
        keyed("crosswalk", "Crosswalk"),
        keyed("cited_by", "Cited by"),
        keyed("unconfirmed", "Wording or numbering unconfirmed."),
        keyed("not_in_catalogue", "This provision is not in the provision catalogue."),
        keyed(
            "no_catalogue",
            "The provision catalogue was not available; provisions are listed by id.",
        ),
        keyed("no_provisions", "No provisions are cited."),
        # --- findings section ---------------------------------------------------------------------
        keyed(
            "findings_intro",
            "Each item below is a gap: not compliant or partially compliant, or concerned by "
            "geometry findings. Numbers in brackets refer to the zone map.",
        ),
        keyed("area_no_gaps", "No gaps are recorded in this area."),
        keyed("photo_missing", "Photo {id} is missing from the assessment file."),
        keyed("photo_unreadable", "Photo {id} could not be read as an image."),
        keyed("photo_too_large", "Photo {id} is too large to print (over {limit} megapixels)."),
        # --- outline ------------------------------------------------------------------------------
        keyed(
            "outline_intro",
            "Actions answering the gaps, grouped by horizon. Owners and due dates are proposals "
            "for the airport operator and the appropriate authority to confirm. Numbers in "
            "brackets are the findings on the zone map.",
        ),
        keyed(
            "outline_generated",
            "No outline was saved with the assessment: this one was generated from the gaps.",
        ),
        keyed("horizon_empty", "No actions."),
        keyed("outline_empty", "The outline holds no actions."),
        # --- annexes ------------------------------------------------------------------------------
        keyed(
            "responses_intro",
            "Every checklist item with the status and notes recorded by the team.",
        ),
        keyed(
            "provisions_intro",
            "Every provision cited by the checklist, with a summary in our own words (not the "
            "text of the provision) and how it maps to neighbouring frameworks.",
        ),
        # --- map ----------------------------------------------------------------------------------
        keyed("map_empty", "No layout has been mapped for this assessment."),
        keyed("map_no_findings", "The geometry analysis recorded no findings."),
        keyed("north", "N"),
        keyed("metres", "metres"),
        keyed("finding_marker", "Finding ({severity})"),
        # --- values -------------------------------------------------------------------------------
        keyed("weight_1", "1 minor"),
        keyed("weight_2", "2 major"),
        keyed("weight_3", "3 critical"),
        keyed("zone_critical_part", "critical part"),
        keyed("zone_sra", "SRA"),
        keyed("zone_airside", "airside"),
        keyed("zone_landside", "landside"),
        keyed("kind_standard", "Standard"),
        keyed("kind_recommended_practice", "Recommended Practice"),
        keyed("kind_regulation", "Regulation"),
        keyed("kind_guidance", "Guidance"),
        keyed("relation_equal", "equivalent"),
        keyed("relation_subset", "this provision is narrower"),
        keyed("relation_superset", "this provision is broader"),
        keyed("relation_intersect", "partial overlap"),
        keyed("feature_airside", "Airside"),
        keyed("feature_sra", "Security restricted area"),
        keyed("feature_critical_part", "Critical part"),
        keyed("feature_landside", "Landside"),
        keyed("feature_building", "Building"),
        keyed("feature_parking", "Parking"),
        keyed("feature_fence", "Perimeter fence"),
        keyed("feature_wall", "Wall"),
        keyed("feature_natural", "Natural barrier"),
        keyed("feature_damaged", "Damaged barrier"),
        keyed("feature_road", "Road"),
        keyed("feature_access_point", "Access control point"),
        keyed("feature_uncontrolled", "Uncontrolled access point"),
        keyed("control_staffed", "Access point, staffed"),
        keyed("control_electronic", "Access point, electronic"),
        keyed("control_locked", "Access point, locked"),
        keyed("feature_obstacle", "Obstacle"),
        keyed("not_available", "n/a"),
    ]
)


#: Messages that depend on a count: key -> (singular, plural), translated with ``npgettext``
#: so each language has its own plural forms.
PLURALS: dict[str, tuple[str, str]] = dict(
    [
        keyed_plural(
            "summary_geometry",
            "The geometry analysis of the layout found {count} finding ({critical} critical, "
            "{major} major, {minor} minor).",
            "The geometry analysis of the layout found {count} findings ({critical} critical, "
            "{major} major, {minor} minor).",
        ),
        keyed_plural(
            "summary_outline",
            "The improvement outline holds {count} action ({immediate} immediate).",
            "The improvement outline holds {count} actions ({immediate} immediate).",
        ),
        keyed_plural("photo_count", "{count} photo", "{count} photos"),
    ]
)


def tr(key: str, lang: str, **fields: object) -> str:
    """Return message ``key`` in ``lang`` (English when missing), with ``fields`` filled in.

    Parameters
    ----------
    key
        A key of :data:`MESSAGES`.
    lang
        Language code.
    **fields
        Values for the ``{name}`` placeholders.

    Returns
    -------
    str
        The text. Unknown keys return the key itself, so a slip shows in the report rather than
        stopping it.
    """
    english = MESSAGES.get(key)
    if english is None:
        return key
    text = catalogue(lang).pgettext(key, english)
    return text.format(**fields) if fields else text


def tr_count(key: str, count: int, lang: str, **fields: object) -> str:
    """Message ``key`` of :data:`PLURALS` in the plural form ``lang`` takes for ``count``.

    ``count`` is passed to the message as ``{count}``, written in the number format.
    """
    singular, plural = PLURALS[key]
    text = catalogue(lang).npgettext(key, singular, plural, count)
    return text.format(count=format_number(count, lang, 0), **fields)


# The label functions build their key before calling tr(): pybabel warns about an f-string there.


def zone_label(zone: str, lang: str) -> str:
    """The label of a zone kind ('' when none)."""
    key = f"zone_{zone}"
    return tr(key, lang) if key in MESSAGES else zone


def number(value: float | None, lang: str, digits: int = 1) -> str:
    """Format a number as the number format writes it (1,234.5 or 1.234,5), n/a for None."""
    if value is None:
        return tr("not_available", lang)
    return format_number(value, lang, digits)


def percent(value: float | None, lang: str) -> str:
    """Format a 0..1 share as a whole percentage, or n/a when there is no figure."""
    if value is None:
        return tr("not_available", lang)
    return format_share(value, lang)


def measure(value: float, unit: str, lang: str) -> str:
    """Format a geometry measure with its unit (m, m²)."""
    shown_unit = {"m2": "m²", "m^2": "m²"}.get(unit, unit)
    digits = 0 if abs(value) >= 100 else 1
    return f"{number(value, lang, digits)}\u00a0{shown_unit}".rstrip()


def long_date(day: dt.date | None, lang: str) -> str:
    """Format a date in words ('1 March 2025', '1 de marzo de 2025')."""
    if day is None:
        return ""
    return format_day(day, lang)
