"""Accessible names of the controls that have no text of their own (lists, tables, the map,
the notes, filters), so a screen reader announces every control that takes the focus."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from avsec.gui.i18n import N_, tr

#: Qt object name -> English accessible name (translated when applied).
ACCESSIBLE_NAMES = {
    "views": N_("Views"),
    "map-side-tabs": N_("Findings and observations"),
    "gaps-table": N_("Top gaps by priority"),
    "layer-list": N_("Layers"),
    "map-view": N_("Map"),
    "findings-list": N_("Findings"),
    "observations-list": N_("Observations"),
    "outline-table": N_("Improvement outline"),
    "checklist-tree": N_("Checklist"),
    "item-page": N_("Checklist item"),
    "filter-area": N_("Area"),
    "filter-status": N_("Status"),
    "filter-weight": N_("Weight"),
    "filter-text": N_("Search"),
    "item-notes": N_("Notes"),
    "item-findings": N_("Geometry findings"),
}


def name_controls(root: QWidget) -> int:
    """Give every control under ``root`` without an accessible name the one the table
    declares for it (or, for an unnamed part such as a tab bar or a viewport, its parent's).
    Returns how many were named."""
    count = 0
    for widget in root.findChildren(QWidget):
        if widget.accessibleName():
            continue
        name = ACCESSIBLE_NAMES.get(widget.objectName())
        if name is None and widget.objectName() in ("", "qt_tabwidget_tabbar"):
            parent = widget.parentWidget()
            name = ACCESSIBLE_NAMES.get(parent.objectName()) if parent is not None else None
        if name is not None:
            widget.setAccessibleName(tr(name))
            count += 1
    return count
