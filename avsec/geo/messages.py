"""Finding messages in every language, with the measured value in each.

The English texts are msgids of the gettext catalogues (``assets/translations``), translated by
:func:`avsec.core.i18n.in_languages` into each language the finding stores; the Spanish uses the
official terms (parte aeronáutica, zona de seguridad restringida, parte crítica, zona despejada,
punto de control de acceso). Numbers follow the number format (:mod:`avsec.core.i18n`).
"""

from __future__ import annotations

from collections.abc import Callable

from avsec.core.i18n import LANGUAGES, N_, LangText, format_number, in_languages, translate
from avsec.core.layout import Feature

#: Zone kinds as a message names them ("the {zone} boundary").
ZONE_NAMES: dict[str, str] = {
    "airside": N_("airside"),
    "sra": N_("security restricted area"),
    "critical_part": N_("critical part"),
    "landside": N_("landside"),
}


def number(value: float, lang: str, decimals: int = 1) -> str:
    """Format a measure as the number format of ``lang`` writes it (1,234.5 or 1.234,5)."""
    return format_number(value, lang, decimals)


def names_of(feature: Feature) -> LangText:
    """A feature's name in each language (``name:es`` where the layout gives one)."""
    return {lang: feature.label(lang) for lang in LANGUAGES}


def _measure(value: float, decimals: int = 1) -> Callable[[str], str]:
    return lambda lang: number(value, lang, decimals)


def _named(name: str | LangText) -> Callable[[str], str]:
    """`` “North gate”`` in each language, or nothing for an unnamed feature."""

    def text(lang: str) -> str:
        shown = name if isinstance(name, str) else name.get(lang) or name.get("en", "")
        return f" “{shown}”" if shown else ""

    return text


def _zone(zone: str) -> Callable[[str], str]:
    english = ZONE_NAMES.get(zone, ZONE_NAMES["airside"])
    return lambda lang: translate(english, lang)


def perimeter_gap(
    length: float,
    offset: float,
    opening: float | None = None,
    gates: list[tuple[LangText, float]] | None = None,
) -> LangText:
    """Opening in the airside perimeter; ``gates`` (name, width closed) lie in it."""
    if not gates or opening is None:
        return in_languages(
            N_("Opening of {length} m in the airside perimeter with no barrier within {offset} m"),
            length=_measure(length),
            offset=_measure(offset),
        )

    def gate_list(lang: str) -> str:
        named = [
            translate(N_("gate{name} ({width} m)"), lang).format(
                name=_named(name)(lang), width=number(width, lang)
            )
            for name, width in gates
        ]
        if len(named) == 1:
            return named[0]
        return translate(N_("{gates} and {last}"), lang).format(
            gates=", ".join(named[:-1]), last=named[-1]
        )

    return in_languages(
        N_(
            "Opening of {length} m in the airside perimeter with no barrier within {offset} m "
            "({opening} m wide, less {closed} m closed by {gates})"
        ),
        length=_measure(length),
        offset=_measure(offset),
        opening=_measure(opening),
        closed=_measure(sum(width for _, width in gates)),
        gates=gate_list,
    )


def barrier_below_height(
    length: float, height: float, minimum: float, name: str | LangText
) -> LangText:
    """Barrier lower than the height set for this assessment (a parameter, not an ICAO figure)."""
    return in_languages(
        N_(
            "{length} m of barrier{name} is {height} m high, below the {minimum} m set for this assessment"
        ),
        length=_measure(length),
        name=_named(name),
        height=_measure(height, 2),
        minimum=_measure(minimum, 2),
    )


def uncontrolled_crossing(
    distance: float | None, radius: float, zone: str, name: str | LangText
) -> LangText:
    """Road crossing a zone boundary with no access point nearby."""
    if distance is None:
        message = N_(
            "Road{name} crosses the {zone} boundary with no access point within {radius} m "
            "(no access point is mapped)"
        )
    else:
        message = N_(
            "Road{name} crosses the {zone} boundary with no access point within {radius} m "
            "(nearest {distance} m away)"
        )
    return in_languages(
        message,
        name=_named(name),
        zone=_zone(zone),
        radius=_measure(radius),
        distance=_measure(distance or 0.0),
    )


def uncontrolled_access_point(zone: str, name: str | LangText) -> LangText:
    """Access point into airside or an SRA marked uncontrolled."""
    return in_languages(
        N_("Access point{name} into the {zone} is uncontrolled"),
        name=_named(name),
        zone=_zone(zone),
    )


def access_point_off_boundary(distance: float, limit: float, name: str | LangText) -> LangText:
    """Access point away from every zone boundary."""
    return in_languages(
        N_(
            "Access point{name} is {distance} m from the nearest zone boundary "
            "(more than {limit} m)"
        ),
        name=_named(name),
        distance=_measure(distance),
        limit=_measure(limit),
    )


def sra_outside_airside(area: float, name: str | LangText) -> LangText:
    """Part of an SRA outside airside."""
    return in_languages(
        N_("{area} m² of the security restricted area{name} lies outside the airside"),
        area=_measure(area, 0),
        name=_named(name),
    )


def critical_part_outside_sra(area: float, name: str | LangText) -> LangText:
    """Part of a critical part outside every SRA."""
    return in_languages(
        N_("{area} m² of the critical part{name} lies outside every security restricted area"),
        area=_measure(area, 0),
        name=_named(name),
    )


#: The clear-zone message of each kind that can obstruct it (a whole sentence each, so that
#: every language can give the kind its own article and agreement).
CLEAR_ZONE_MESSAGES: dict[str, str] = {
    "building": N_(
        "Building{name} is {distance} m from the perimeter barrier, inside the {clear} m clear zone"
    ),
    "parking": N_(
        "Parking{name} is {distance} m from the perimeter barrier, inside the {clear} m clear zone"
    ),
    "obstacle": N_(
        "Obstacle{name} is {distance} m from the perimeter barrier, inside the {clear} m clear zone"
    ),
}


def clear_zone_obstruction(
    kind: str, distance: float, clear_zone: float, name: str | LangText
) -> LangText:
    """Building, parking or obstacle in the clear zone of a perimeter barrier."""
    return in_languages(
        CLEAR_ZONE_MESSAGES.get(kind, CLEAR_ZONE_MESSAGES["obstacle"]),
        name=_named(name),
        distance=_measure(distance),
        clear=_measure(clear_zone),
    )
