"""The report's own words in every language, and the formatting of numbers and dates.

A small catalogue keyed by symbolic names: adding Portuguese or French means adding one entry per
message, not code. Spanish follows the GLOSSARY (hallazgo, plan de mejora, aplicación eficaz).
Data texts (checklist items, provisions) come in the data, not from here.
"""

from __future__ import annotations

import datetime as dt

#: message key -> {lang: text}. ``{name}`` fields are filled by :func:`tr`.
MESSAGES: dict[str, dict[str, str]] = {
    # --- document ---------------------------------------------------------------------------
    "report_title": {
        "en": "Airport access control assessment",
        "es": "Evaluación del control de acceso del aeropuerto",
    },
    "report_subtitle": {
        "en": "Gap report and improvement outline — ICAO Annex 17, chapter 4.2",
        "es": "Informe de brechas y plan de mejora — Anexo 17 de la OACI, capítulo 4.2",
    },
    "report_subject": {
        "en": "Access control gap report against ICAO Annex 17",
        "es": "Informe de brechas del control de acceso respecto del Anexo 17 de la OACI",
    },
    "page_of": {"en": "Page {page} of {pages}", "es": "Página {page} de {pages}"},
    "cover": {"en": "Cover", "es": "Portada"},
    "generated_on": {"en": "Report date", "es": "Fecha del informe"},
    "handling_note": {
        "en": (
            "This report describes weaknesses in the security of an airport. Handle it as marked: "
            "share it only with those who need it to correct the findings, keep it under the "
            "control of the appropriate authority and do not copy it without permission."
        ),
        "es": (
            "Este informe describe debilidades de la seguridad de un aeropuerto. Manéjelo según su "
            "marca: compártalo solo con quienes lo necesiten para corregir los hallazgos, "
            "manténgalo bajo control de la autoridad competente y no lo copie sin autorización."
        ),
    },
    # --- cover fields -----------------------------------------------------------------------
    "airport": {"en": "Airport", "es": "Aeropuerto"},
    "codes": {"en": "ICAO / IATA", "es": "OACI / IATA"},
    "location": {"en": "Location", "es": "Ubicación"},
    "assessment": {"en": "Assessment", "es": "Evaluación"},
    "dates": {"en": "Dates", "es": "Fechas"},
    "team": {"en": "Assessment team", "es": "Equipo evaluador"},
    "organisation": {"en": "Organisation", "es": "Organización"},
    "checklist": {"en": "Checklist", "es": "Lista de verificación"},
    "checklist_version": {
        "en": "{title} ({id}, version {version})",
        "es": "{title} ({id}, versión {version})",
    },
    "edition": {"en": "Annex 17 edition", "es": "Edición del Anexo 17"},
    "edition_unknown": {"en": "not stated", "es": "no indicada"},
    "exercise_team": {"en": "Exercise team", "es": "Equipo del ejercicio"},
    "none_given": {"en": "not recorded", "es": "no registrado"},
    "ongoing": {"en": "ongoing", "es": "en curso"},
    "signatures": {"en": "Review and approval", "es": "Revisión y aprobación"},
    "prepared_by": {"en": "Prepared by", "es": "Elaborado por"},
    "reviewed_by": {"en": "Reviewed by", "es": "Revisado por"},
    "approved_by": {"en": "Approved by", "es": "Aprobado por"},
    "name_signature_date": {"en": "Name, signature and date", "es": "Nombre, firma y fecha"},
    # --- sections ---------------------------------------------------------------------------
    "sec_summary": {"en": "1 Executive summary", "es": "1 Resumen ejecutivo"},
    "sec_map": {"en": "2 Zone map", "es": "2 Plano de zonas"},
    "sec_findings": {"en": "3 Findings by area", "es": "3 Hallazgos por área"},
    "sec_outline": {"en": "4 Improvement outline", "es": "4 Plan de mejora"},
    "sec_responses": {"en": "Annex A — Responses", "es": "Anexo A — Respuestas"},
    "sec_provisions": {
        "en": "Annex B — Provisions cited",
        "es": "Anexo B — Disposiciones citadas",
    },
    "sub_scores": {"en": "Scores by area", "es": "Puntuación por área"},
    "sub_top_gaps": {
        "en": "The five highest-priority gaps",
        "es": "Las cinco brechas de mayor prioridad",
    },
    "sub_unlinked": {
        "en": "Other geometry findings (not linked to a gap)",
        "es": "Otros hallazgos geométricos (no vinculados a una brecha)",
    },
    "sub_map_key": {"en": "Map key", "es": "Clave del plano"},
    # --- executive summary --------------------------------------------------------------------
    "summary_text": {
        "en": (
            "The team assessed {assessed} of {applicable} applicable items (coverage {coverage}). "
            "Effective Implementation (EI) is {ei} and the weighted score {weighted}. "
            "{not_compliant} items were found not compliant and {partial} partially compliant."
        ),
        "es": (
            "El equipo evaluó {assessed} de {applicable} ítems aplicables (cobertura {coverage}). "
            "La aplicación eficaz (EI) es {ei} y la puntuación ponderada {weighted}. "
            "Se encontraron {not_compliant} ítems no conformes y {partial} parcialmente conformes."
        ),
    },
    "summary_geometry": {
        "en": (
            "The geometry analysis of the layout found {count} findings "
            "({critical} critical, {major} major, {minor} minor)."
        ),
        "es": (
            "El análisis geométrico del plano encontró {count} hallazgos "
            "({critical} críticos, {major} mayores, {minor} menores)."
        ),
    },
    "summary_no_geometry": {
        "en": "No geometry findings are recorded for the layout.",
        "es": "No hay hallazgos geométricos registrados para el plano.",
    },
    "summary_outline": {
        "en": "The improvement outline holds {count} actions ({immediate} immediate).",
        "es": "El plan de mejora contiene {count} medidas ({immediate} inmediatas).",
    },
    "score_definitions": {
        "en": (
            "Coverage: assessed applicable items over applicable items. EI: compliant items over "
            "assessed applicable items. Weighted score: items weighted by importance (1 minor, "
            "2 major, 3 critical), partially compliant counting one half."
        ),
        "es": (
            "Cobertura: ítems aplicables evaluados sobre ítems aplicables. EI: ítems conformes "
            "sobre ítems aplicables evaluados. Puntuación ponderada: ítems ponderados por su "
            "importancia (1 menor, 2 mayor, 3 crítico); parcialmente conforme cuenta la mitad."
        ),
    },
    "no_gaps": {"en": "No gaps are recorded.", "es": "No se registran brechas."},
    "chart_caption": {
        "en": "Figure 1. Coverage, EI and weighted score by area.",
        "es": "Figura 1. Cobertura, EI y puntuación ponderada por área.",
    },
    "map_caption": {
        "en": "Figure 2. Security zones, barriers and access points, with the numbered findings.",
        "es": "Figura 2. Zonas de seguridad, barreras y puntos de acceso, con los hallazgos numerados.",
    },
    # --- table headings -----------------------------------------------------------------------
    "area": {"en": "Area", "es": "Área"},
    "overall": {"en": "Overall", "es": "Total"},
    "items": {"en": "Items", "es": "Ítems"},
    "applicable": {"en": "Applicable", "es": "Aplicables"},
    "assessed": {"en": "Assessed", "es": "Evaluados"},
    "coverage": {"en": "Coverage", "es": "Cobertura"},
    "ei": {"en": "EI", "es": "EI"},
    "ei_long": {"en": "Effective Implementation (EI)", "es": "Aplicación eficaz (EI)"},
    "weighted": {"en": "Weighted score", "es": "Puntuación ponderada"},
    "item": {"en": "Item", "es": "Ítem"},
    "question": {"en": "Question", "es": "Pregunta"},
    "status": {"en": "Status", "es": "Estado"},
    "priority": {"en": "Priority", "es": "Prioridad"},
    "weight": {"en": "Weight", "es": "Peso"},
    "notes": {"en": "Notes", "es": "Notas"},
    "provisions": {"en": "Provisions", "es": "Disposiciones"},
    "recommendation": {"en": "Recommendation", "es": "Recomendación"},
    "action": {"en": "Action", "es": "Medida"},
    "owner": {"en": "Owner", "es": "Responsable"},
    "due": {"en": "Due", "es": "Fecha límite"},
    "ref": {"en": "Ref.", "es": "Ref."},
    "no": {"en": "No.", "es": "N.º"},
    "rule": {"en": "Rule", "es": "Regla"},
    "severity": {"en": "Severity", "es": "Gravedad"},
    "measure": {"en": "Measure", "es": "Medición"},
    "zone": {"en": "Zone", "es": "Zona"},
    "message": {"en": "Description", "es": "Descripción"},
    "evidence_photos": {"en": "Evidence photos", "es": "Fotos de evidencia"},
    "geometry_findings": {"en": "Geometry findings", "es": "Hallazgos geométricos"},
    "crosswalk": {"en": "Crosswalk", "es": "Correspondencias"},
    "cited_by": {"en": "Cited by", "es": "Citada por"},
    "unconfirmed": {
        "en": "Wording or numbering unconfirmed.",
        "es": "Redacción o numeración sin confirmar.",
    },
    "not_in_catalogue": {
        "en": "This provision is not in the provision catalogue.",
        "es": "Esta disposición no figura en el catálogo de disposiciones.",
    },
    "no_catalogue": {
        "en": "The provision catalogue was not available; provisions are listed by id.",
        "es": "El catálogo de disposiciones no estaba disponible; se indican por su identificador.",
    },
    "no_provisions": {"en": "No provisions are cited.", "es": "No se cita ninguna disposición."},
    # --- findings section ---------------------------------------------------------------------
    "findings_intro": {
        "en": (
            "Each item below is a gap: not compliant or partially compliant, or concerned by "
            "geometry findings. Numbers in brackets refer to the zone map."
        ),
        "es": (
            "Cada ítem a continuación es una brecha: no conforme o parcialmente conforme, o "
            "afectado por hallazgos geométricos. Los números entre corchetes remiten al plano."
        ),
    },
    "area_no_gaps": {
        "en": "No gaps are recorded in this area.",
        "es": "No se registran brechas en esta área.",
    },
    "photo_missing": {
        "en": "Photo {id} is missing from the assessment file.",
        "es": "La foto {id} no se encuentra en el archivo de la evaluación.",
    },
    "photo_unreadable": {
        "en": "Photo {id} could not be read as an image.",
        "es": "La foto {id} no pudo leerse como imagen.",
    },
    "photo_count": {"en": "{count} photos", "es": "{count} fotos"},
    # --- outline ------------------------------------------------------------------------------
    "outline_intro": {
        "en": (
            "Actions answering the gaps, grouped by horizon. Owners and due dates are proposals "
            "for the airport operator and the appropriate authority to confirm."
        ),
        "es": (
            "Medidas que responden a las brechas, agrupadas por horizonte. Los responsables y las "
            "fechas límite son propuestas que el explotador del aeropuerto y la autoridad "
            "competente deben confirmar."
        ),
    },
    "outline_generated": {
        "en": "No outline was saved with the assessment: this one was generated from the gaps.",
        "es": "La evaluación no tenía un plan guardado: este se generó a partir de las brechas.",
    },
    "horizon_empty": {"en": "No actions.", "es": "Sin medidas."},
    "outline_empty": {"en": "The outline holds no actions.", "es": "El plan no contiene medidas."},
    # --- annexes ------------------------------------------------------------------------------
    "responses_intro": {
        "en": "Every checklist item with the status and notes recorded by the team.",
        "es": "Todos los ítems de la lista con el estado y las notas que registró el equipo.",
    },
    "provisions_intro": {
        "en": (
            "Every provision cited by the checklist, with a summary in our own words (not the "
            "text of the provision) and how it maps to neighbouring frameworks."
        ),
        "es": (
            "Todas las disposiciones citadas por la lista, con un resumen de redacción propia (no "
            "el texto de la disposición) y su correspondencia con otros marcos normativos."
        ),
    },
    # --- map ----------------------------------------------------------------------------------
    "map_empty": {
        "en": "No layout has been mapped for this assessment.",
        "es": "No se ha trazado el plano de esta evaluación.",
    },
    "map_no_findings": {
        "en": "The geometry analysis recorded no findings.",
        "es": "El análisis geométrico no registró hallazgos.",
    },
    "north": {"en": "N", "es": "N"},
    "metres": {"en": "metres", "es": "metros"},
    "finding_marker": {"en": "Finding ({severity})", "es": "Hallazgo ({severity})"},
    # --- values -------------------------------------------------------------------------------
    "status_compliant": {"en": "Compliant", "es": "Conforme"},
    "status_partially_compliant": {"en": "Partially compliant", "es": "Parcialmente conforme"},
    "status_not_compliant": {"en": "Not compliant", "es": "No conforme"},
    "status_not_applicable": {"en": "Not applicable", "es": "No aplicable"},
    "status_not_assessed": {"en": "Not assessed", "es": "No evaluado"},
    "horizon_immediate": {"en": "Immediate (within 14 days)", "es": "Inmediato (14 días)"},
    "horizon_short": {"en": "Short term (up to 3 months)", "es": "Corto plazo (hasta 3 meses)"},
    "horizon_medium": {
        "en": "Medium term (up to 12 months)",
        "es": "Mediano plazo (hasta 12 meses)",
    },
    "horizon_long": {"en": "Long term (over 12 months)", "es": "Largo plazo (más de 12 meses)"},
    "action_open": {"en": "Open", "es": "Abierta"},
    "action_in_progress": {"en": "In progress", "es": "En curso"},
    "action_done": {"en": "Done", "es": "Completada"},
    "action_cancelled": {"en": "Cancelled", "es": "Cancelada"},
    "severity_critical": {"en": "critical", "es": "crítico"},
    "severity_major": {"en": "major", "es": "mayor"},
    "severity_minor": {"en": "minor", "es": "menor"},
    "weight_1": {"en": "1 minor", "es": "1 menor"},
    "weight_2": {"en": "2 major", "es": "2 mayor"},
    "weight_3": {"en": "3 critical", "es": "3 crítico"},
    "rule_perimeter_gap": {"en": "Perimeter gap", "es": "Abertura en el perímetro"},
    "rule_barrier_below_height": {
        "en": "Barrier below minimum height",
        "es": "Barrera por debajo de la altura mínima",
    },
    "rule_uncontrolled_crossing": {
        "en": "Uncontrolled road crossing",
        "es": "Cruce de vía sin control",
    },
    "rule_uncontrolled_access_point": {
        "en": "Uncontrolled access point",
        "es": "Punto de acceso sin control",
    },
    "rule_access_point_off_boundary": {
        "en": "Access point off the boundary",
        "es": "Punto de acceso alejado del límite",
    },
    "rule_sra_outside_airside": {
        "en": "SRA outside airside",
        "es": "ZSR fuera de la parte aeronáutica",
    },
    "rule_critical_part_outside_sra": {
        "en": "Critical part outside SRA",
        "es": "Parte crítica fuera de la ZSR",
    },
    "rule_clear_zone_obstruction": {
        "en": "Clear zone obstruction",
        "es": "Obstrucción de la zona despejada",
    },
    "zone_critical_part": {"en": "critical part", "es": "parte crítica"},
    "zone_sra": {"en": "SRA", "es": "ZSR"},
    "zone_airside": {"en": "airside", "es": "parte aeronáutica"},
    "zone_landside": {"en": "landside", "es": "parte pública"},
    "kind_standard": {"en": "Standard", "es": "Norma"},
    "kind_recommended_practice": {"en": "Recommended Practice", "es": "Método recomendado"},
    "kind_regulation": {"en": "Regulation", "es": "Reglamento"},
    "kind_guidance": {"en": "Guidance", "es": "Orientación"},
    "relation_equal": {"en": "equivalent", "es": "equivalente"},
    "relation_subset": {
        "en": "this provision is narrower",
        "es": "esta disposición es más acotada",
    },
    "relation_superset": {
        "en": "this provision is broader",
        "es": "esta disposición es más amplia",
    },
    "relation_intersect": {"en": "partial overlap", "es": "superposición parcial"},
    "feature_airside": {"en": "Airside", "es": "Parte aeronáutica"},
    "feature_sra": {"en": "Security restricted area", "es": "Zona de seguridad restringida"},
    "feature_critical_part": {"en": "Critical part", "es": "Parte crítica"},
    "feature_landside": {"en": "Landside", "es": "Parte pública"},
    "feature_building": {"en": "Building", "es": "Edificio"},
    "feature_parking": {"en": "Parking", "es": "Estacionamiento"},
    "feature_fence": {"en": "Perimeter fence", "es": "Cerca perimetral"},
    "feature_wall": {"en": "Wall", "es": "Muro"},
    "feature_natural": {"en": "Natural barrier", "es": "Barrera natural"},
    "feature_damaged": {"en": "Damaged barrier", "es": "Barrera dañada"},
    "feature_road": {"en": "Road", "es": "Vía"},
    "feature_access_point": {"en": "Access control point", "es": "Punto de control de acceso"},
    "feature_uncontrolled": {
        "en": "Uncontrolled access point",
        "es": "Punto de acceso sin control",
    },
    "feature_obstacle": {"en": "Obstacle", "es": "Obstáculo"},
    "not_available": {"en": "n/a", "es": "s. d."},
}


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
    texts = MESSAGES.get(key)
    if texts is None:
        return key
    text = texts.get(lang) or texts["en"]
    return text.format(**fields) if fields else text


def status_label(status: str, lang: str) -> str:
    """The label of a response status (conforme, no conforme...)."""
    return tr(f"status_{status}", lang)


def horizon_label(horizon: str, lang: str) -> str:
    """The label of an outline horizon."""
    return tr(f"horizon_{horizon}", lang)


def action_status_label(status: str, lang: str) -> str:
    """The label of an action status."""
    return tr(f"action_{status}", lang)


def severity_label(severity: str, lang: str) -> str:
    """The label of a finding severity."""
    return tr(f"severity_{severity}", lang)


def rule_label(rule: str, lang: str) -> str:
    """The label of a geometry rule id (the id itself when unknown)."""
    key = f"rule_{rule}"
    return tr(key, lang) if key in MESSAGES else rule


def zone_label(zone: str, lang: str) -> str:
    """The label of a zone kind ('' when none)."""
    key = f"zone_{zone}"
    return tr(key, lang) if key in MESSAGES else zone


def number(value: float | None, lang: str, digits: int = 1) -> str:
    """Format a number with the decimal mark of ``lang`` (comma in Spanish)."""
    if value is None:
        return tr("not_available", lang)
    text = f"{value:,.{digits}f}"
    if lang == "es":
        # Spanish (RAE/ISO usage): decimal comma, thin space between thousands.
        text = text.replace(",", "\u2009").replace(".", ",")
    return text


def percent(value: float | None, lang: str) -> str:
    """Format a 0..1 share as a whole percentage, or n/a when there is no figure."""
    if value is None:
        return tr("not_available", lang)
    return f"{value * 100:.0f}\u00a0%"


def measure(value: float, unit: str, lang: str) -> str:
    """Format a geometry measure with its unit (m, m²)."""
    shown_unit = {"m2": "m²", "m^2": "m²"}.get(unit, unit)
    digits = 0 if abs(value) >= 100 else 1
    return f"{number(value, lang, digits)}\u00a0{shown_unit}".rstrip()


#: Month names per language; fixed lists, because strftime's %B follows the machine's locale.
_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
}


def long_date(day: dt.date | None, lang: str) -> str:
    """Format a date in words ('1 March 2025', '1 de marzo de 2025')."""
    if day is None:
        return ""
    month = (_MONTHS.get(lang) or _MONTHS["en"]).split()[day.month - 1]
    if lang == "es":
        return f"{day.day} de {month} de {day.year}"
    return f"{day.day} {month} {day.year}"
