"""Finding messages in English and Spanish, with the measured value in each.

Spanish uses the terms of docs/architecture.md, *Terms* (parte aeronáutica, zona de seguridad restringida, parte
crítica, zona despejada, punto de control de acceso) and a decimal comma, as the checklists do.
"""

from __future__ import annotations

from avsec.core.i18n import LangText
from avsec.core.layout import Feature

ZONE_NAMES: dict[str, LangText] = {
    "airside": {"en": "airside", "es": "parte aeronáutica"},
    "sra": {"en": "security restricted area", "es": "zona de seguridad restringida"},
    "critical_part": {"en": "critical part", "es": "parte crítica"},
    "landside": {"en": "landside", "es": "parte pública"},
}

KIND_NAMES: dict[str, LangText] = {
    "building": {"en": "Building", "es": "El edificio"},
    "parking": {"en": "Parking", "es": "El estacionamiento"},
    "obstacle": {"en": "Obstacle", "es": "El obstáculo"},
}


def number(value: float, lang: str, decimals: int = 1) -> str:
    """Format a measure: ``1,234.5`` in English, ``1 234,5`` in Spanish."""
    text = f"{value:,.{decimals}f}"
    if lang == "es":
        return text.replace(",", " ").replace(".", ",")
    return text


def names_of(feature: Feature) -> LangText:
    """A feature's name in each language (``name:es`` where the layout gives one)."""
    return {lang: feature.label(lang) for lang in ("en", "es")}


def _named(name: str | LangText, lang: str) -> str:
    text = name if isinstance(name, str) else name.get(lang) or name.get("en", "")
    return f" “{text}”" if text else ""


def perimeter_gap(
    length: float,
    offset: float,
    opening: float | None = None,
    gates: list[tuple[LangText, float]] | None = None,
) -> LangText:
    """Opening in the airside perimeter; ``gates`` (name, width closed) lie in it."""
    text = {
        "en": f"Opening of {number(length, 'en')} m in the airside perimeter with no barrier "
        f"within {number(offset, 'en')} m",
        "es": f"Abertura de {number(length, 'es')} m en el perímetro de la parte aeronáutica sin "
        f"barrera a menos de {number(offset, 'es')} m",
    }
    if not gates or opening is None:
        return text
    for lang, wording in (
        ("en", " ({opening} m wide, less {closed} m closed by {gates})"),
        ("es", " ({opening} m de ancho, menos {closed} m que cierra {gates})"),
    ):
        named = [
            ("gate" if lang == "en" else "la puerta")
            + _named(name, lang)
            + f" ({number(width, lang)} m)"
            for name, width in gates
        ]
        joiner = " and " if lang == "en" else " y "
        text[lang] += wording.format(
            opening=number(opening, lang),
            closed=number(sum(w for _, w in gates), lang),
            gates=joiner.join(named),
        )
    return text


def barrier_below_height(
    length: float, height: float, minimum: float, name: str | LangText
) -> LangText:
    """Barrier lower than the height set for this assessment (a parameter, not an ICAO figure)."""
    return {
        "en": f"{number(length, 'en')} m of barrier{_named(name, 'en')} is {number(height, 'en', 2)} m "
        f"high, below the {number(minimum, 'en', 2)} m set for this assessment",
        "es": f"{number(length, 'es')} m de barrera{_named(name, 'es')} con {number(height, 'es', 2)} m "
        f"de altura, por debajo de los {number(minimum, 'es', 2)} m fijados para esta evaluación",
    }


def uncontrolled_crossing(
    distance: float | None, radius: float, zone: str, name: str | LangText
) -> LangText:
    """Road crossing a zone boundary with no access point nearby."""
    zone_text = ZONE_NAMES.get(zone, ZONE_NAMES["airside"])
    if distance is None:
        nearest = {
            "en": "no access point is mapped",
            "es": "no hay ningún punto de acceso en el plano",
        }
    else:
        nearest = {
            "en": f"nearest {number(distance, 'en')} m away",
            "es": f"el más cercano está a {number(distance, 'es')} m",
        }
    return {
        "en": f"Road{_named(name, 'en')} crosses the {zone_text['en']} boundary with no access point "
        f"within {number(radius, 'en')} m ({nearest['en']})",
        "es": f"La vía{_named(name, 'es')} cruza el límite de la {zone_text['es']} sin punto de control "
        f"de acceso a menos de {number(radius, 'es')} m ({nearest['es']})",
    }


def uncontrolled_access_point(zone: str, name: str | LangText) -> LangText:
    """Access point into airside or an SRA marked uncontrolled."""
    zone_text = ZONE_NAMES.get(zone, ZONE_NAMES["airside"])
    return {
        "en": f"Access point{_named(name, 'en')} into the {zone_text['en']} is uncontrolled",
        "es": f"El punto de acceso{_named(name, 'es')} a la {zone_text['es']} no tiene control",
    }


def access_point_off_boundary(distance: float, limit: float, name: str | LangText) -> LangText:
    """Access point away from every zone boundary."""
    return {
        "en": f"Access point{_named(name, 'en')} is {number(distance, 'en')} m from the nearest zone "
        f"boundary (more than {number(limit, 'en')} m)",
        "es": f"El punto de acceso{_named(name, 'es')} está a {number(distance, 'es')} m del límite de "
        f"zona más cercano (más de {number(limit, 'es')} m)",
    }


def sra_outside_airside(area: float, name: str | LangText) -> LangText:
    """Part of an SRA outside airside."""
    return {
        "en": f"{number(area, 'en', 0)} m² of the security restricted area{_named(name, 'en')} lies "
        "outside the airside",
        "es": f"{number(area, 'es', 0)} m² de la zona de seguridad restringida{_named(name, 'es')} "
        "quedan fuera de la parte aeronáutica",
    }


def critical_part_outside_sra(area: float, name: str | LangText) -> LangText:
    """Part of a critical part outside every SRA."""
    return {
        "en": f"{number(area, 'en', 0)} m² of the critical part{_named(name, 'en')} lies outside every "
        "security restricted area",
        "es": f"{number(area, 'es', 0)} m² de la parte crítica{_named(name, 'es')} quedan fuera de toda "
        "zona de seguridad restringida",
    }


def clear_zone_obstruction(
    kind: str, distance: float, clear_zone: float, name: str | LangText
) -> LangText:
    """Building, parking or obstacle in the clear zone of a perimeter barrier."""
    label = KIND_NAMES.get(kind, KIND_NAMES["obstacle"])
    return {
        "en": f"{label['en']}{_named(name, 'en')} is {number(distance, 'en')} m from the perimeter "
        f"barrier, inside the {number(clear_zone, 'en')} m clear zone",
        "es": f"{label['es']}{_named(name, 'es')} está a {number(distance, 'es')} m de la barrera "
        f"perimetral, dentro de la zona despejada de {number(clear_zone, 'es')} m",
    }
