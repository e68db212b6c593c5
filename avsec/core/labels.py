"""Display labels of the fixed values (statuses, horizons, severities, rules), for every layer.

One table per kind of value, marked with :func:`~avsec.core.i18n.N_` here and translated where
shown, so the app, the report, the action plan (CAP) and the command line name a status alike.
"""

from __future__ import annotations

from avsec.core.i18n import N_, translate

#: Response statuses, in the order of keys 1-5.
STATUS_LABELS: dict[str, str] = {
    "compliant": N_("Compliant"),
    "partially_compliant": N_("Partially compliant"),
    "not_compliant": N_("Not compliant"),
    "not_applicable": N_("Not applicable"),
    "not_assessed": N_("Not assessed"),
}

#: Horizons of the improvement outline.
HORIZON_LABELS: dict[str, str] = {
    "immediate": N_("Immediate (within 14 days)"),
    "short": N_("Short term (up to 3 months)"),
    "medium": N_("Medium term (up to 12 months)"),
    "long": N_("Long term (over 12 months)"),
}

#: States of an action of the outline.
ACTION_STATUS_LABELS: dict[str, str] = {
    "open": N_("Open"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
    "cancelled": N_("Cancelled"),
}

#: Severities of a geometry finding.
SEVERITY_LABELS: dict[str, str] = {
    "critical": N_("critical"),
    "major": N_("major"),
    "minor": N_("minor"),
}

#: Geometry rules.
RULE_LABELS: dict[str, str] = {
    "perimeter_gap": N_("Perimeter gap"),
    "barrier_below_height": N_("Barrier below minimum height"),
    "uncontrolled_crossing": N_("Uncontrolled road crossing"),
    "uncontrolled_access_point": N_("Uncontrolled access point"),
    "access_point_off_boundary": N_("Access point off the boundary"),
    "sra_outside_airside": N_("SRA outside airside"),
    "critical_part_outside_sra": N_("Critical part outside SRA"),
    "clear_zone_obstruction": N_("Clear zone obstruction"),
}


def label(table: dict[str, str], key: str, lang: str) -> str:
    """``table[key]`` translated into ``lang``; the key itself when it is unknown (a value from
    a newer avsec shows as it is written rather than stopping a report)."""
    english = table.get(str(key))
    return str(key) if english is None else translate(english, lang)


def status_label(status: str, lang: str) -> str:
    """The label of a response status (Conforme, No conforme...)."""
    return label(STATUS_LABELS, status, lang)


def horizon_label(horizon: str, lang: str) -> str:
    """The label of an outline horizon."""
    return label(HORIZON_LABELS, horizon, lang)


def action_status_label(status: str, lang: str) -> str:
    """The label of an action status."""
    return label(ACTION_STATUS_LABELS, status, lang)


def severity_label(severity: str, lang: str) -> str:
    """The label of a finding severity."""
    return label(SEVERITY_LABELS, severity, lang)


def rule_label(rule: str, lang: str) -> str:
    """The label of a geometry rule."""
    return label(RULE_LABELS, rule, lang)
