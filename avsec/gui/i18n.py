"""Translations of the desktop app's own strings (checklist text comes from the YAML).

``tr("Open…")`` returns the English string in the current language, or the English itself when
no translation exists. The translations are the gettext catalogues in ``assets/translations``
(read by :mod:`avsec.io.translations`): the English strings are the msgids, ``pybabel extract``
finds them in the ``tr()`` calls, and adding Portuguese or French is adding a catalogue, not
code (see the README). ``tests/gui/test_i18n.py`` fails when a ``tr()`` literal lacks Spanish.
"""

from __future__ import annotations

import gettext

from avsec.io.translations import N_, available_languages, catalogue, keyed

#: English plus every language with a compiled catalogue.
LANGUAGES = available_languages()
#: Language names as their speakers write them (shown untranslated in the preferences); the OAS
#: official languages are named ahead of their catalogues.
_NATIVE_NAMES = {"en": "English", "es": "Español", "pt": "Português", "fr": "Français"}
LANGUAGE_NAMES = {code: _NATIVE_NAMES.get(code, code) for code in LANGUAGES}

# Translators: the decimal mark of your language ("," in Spanish).
_DECIMAL_MARK = keyed("decimal_mark", ".")

_current = "en"
_catalogue: gettext.NullTranslations = gettext.NullTranslations()


def set_language(lang: str) -> None:
    """Choose the language of every string returned by :func:`tr` from now on."""
    global _current, _catalogue
    _current = lang if lang in LANGUAGES else "en"
    _catalogue = catalogue(_current)


def language() -> str:
    """The current language code."""
    return _current


def number(value: float, decimals: int = 1) -> str:
    """A number as the current language writes it: 1 234.5 in English, 1 234,5 in Spanish.

    Thousands are grouped with a narrow no-break space (the SI and ICAO style), which reads
    the same in both languages.
    """
    text = f"{value:,.{decimals}f}".replace(",", "\u202f")
    return text.replace(".", _catalogue.pgettext(*_DECIMAL_MARK))


def tr(text: str) -> str:
    """Return ``text`` (an English string) in the current language."""
    if _current == "en":
        return text
    return _catalogue.gettext(text)


#: Strings the app translates through a variable (``tr(KIND_LABELS[kind])``) or inside an f-string,
#: marked here so that ``pybabel extract`` puts them in the catalogue; ``tests/gui/test_i18n.py``
#: fails when one is missing.
TRANSLATED_THROUGH_VARIABLES = (
    # tr() calls inside f-strings, which pybabel does not look into before Python 3.12
    N_("(file missing)"),
    N_("Checklist items"),
    N_("Confidence: unconfirmed"),
    N_("Crosswalk"),
    N_("Version {version}"),
    N_("Weight"),
    # menu titles (labels.MENUS)
    N_("&File"),
    N_("&Edit"),
    N_("&View"),
    N_("&Checklist"),
    N_("&Map"),
    N_("&Outline"),
    N_("&Workshop"),
    N_("&Help"),
    # view titles (workspace, main window)
    N_("Checklist"),
    N_("Map"),
    N_("Dashboard"),
    N_("Improvement outline"),
    # outline columns (outline_model.COLUMNS)
    N_("Action"),
    N_("Priority"),
    N_("Horizon"),
    N_("Owner"),
    N_("Due"),
    N_("Status"),
    N_("Items"),
    N_("Findings"),
    # statuses
    N_("Compliant"),
    N_("Partially compliant"),
    N_("Not compliant"),
    N_("Not applicable"),
    N_("Not assessed"),
    # feature kinds
    N_("airside"),
    N_("SRA"),
    N_("critical part"),
    N_("landside"),
    N_("building"),
    N_("parking"),
    N_("barrier"),
    N_("road"),
    N_("access point"),
    N_("obstacle"),
    # drawing tools
    N_("Draw an airside zone (polygon)"),
    N_("Draw a security restricted area (polygon)"),
    N_("Draw a critical part of an SRA (polygon)"),
    N_("Draw a landside zone (polygon)"),
    N_("Draw a building (polygon)"),
    N_("Draw a parking area (polygon)"),
    N_("Draw a barrier: fence, wall (line)"),
    N_("Draw a road (line)"),
    N_("Place an access point (point)"),
    N_("Place an obstacle: tree, pole, container (point)"),
    # feature fields
    N_("name"),
    N_("role"),
    N_("barrier"),
    N_("height (m)"),
    N_("topping"),
    N_("condition"),
    N_("lighting"),
    N_("CCTV"),
    N_("intrusion detection"),
    N_("mode"),
    N_("control"),
    N_("screening"),
    N_("obstacle"),
    # field values
    N_("terminal"),
    N_("cargo"),
    N_("hangar"),
    N_("other"),
    N_("fence"),
    N_("wall"),
    N_("natural"),
    N_("none"),
    N_("barbed wire"),
    N_("razor wire"),
    N_("good"),
    N_("damaged"),
    N_("pedestrian"),
    N_("vehicle"),
    N_("mixed"),
    N_("staffed"),
    N_("electronic"),
    N_("locked"),
    N_("uncontrolled"),
    N_("tree"),
    N_("vegetation"),
    N_("pole"),
    N_("structure"),
    N_("container"),
    # geometry rules
    N_("Perimeter gap"),
    N_("Barrier below minimum height"),
    N_("Uncontrolled road crossing"),
    N_("Uncontrolled access point"),
    N_("Access point off the boundary"),
    N_("SRA outside airside"),
    N_("Critical part outside SRA"),
    N_("Clear zone obstruction"),
    # horizons
    N_("immediate"),
    N_("short (≤ 3 months)"),
    N_("medium (≤ 12 months)"),
    N_("long"),
    # action statuses
    N_("open"),
    N_("in progress"),
    N_("done"),
    N_("cancelled"),
    # severities and weights
    N_("critical"),
    N_("major"),
    N_("minor"),
    # provision kinds
    N_("Standard"),
    N_("Recommended Practice"),
    N_("Regulation"),
    N_("Guidance material"),
    # crosswalk relationships
    N_("equal"),
    N_("subset"),
    N_("superset"),
    N_("intersect"),
)
