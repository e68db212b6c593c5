"""Every action of the main window, as data: text, menu, keys, toolbar, scope and handler.

The table says *what* the window offers; :mod:`avsec.gui.action_registry` turns it into
QActions, menus and toolbars and switches scopes; :class:`avsec.gui.main_window.MainWindow`
binds each :class:`Call` to its handler. Adding an action is adding a row here (and, when its
handler is new, a method on the target). Texts are English msgids translated when shown.
"""

from __future__ import annotations

from typing import NamedTuple

from avsec.gui.i18n import N_
from avsec.gui.labels import DRAW_TIPS, KIND_LABELS, KINDS, STATUS_LABELS, STATUSES

#: The views of an open assessment, in the order of Ctrl+1..4.
VIEWS = ("walker", "map", "dashboard", "outline")
VIEW_TITLES = {
    "walker": "Checklist",
    "map": "Map",
    "dashboard": "Dashboard",
    "outline": "Improvement outline",
}


#: Single keys of the drawing tools on the map (S is Select, F fit, +/- zoom): the first
#: letter of the kind where it is free.
DRAW_KEYS = {
    "airside": "A",
    "sra": "Shift+S",
    "critical_part": "C",
    "landside": "L",
    "building": "B",
    "parking": "P",
    "barrier": "Shift+B",
    "road": "R",
    "access_point": "G",
    "obstacle": "O",
}


class Call(NamedTuple):
    """What an action does: ``method(*args)`` of ``target``.

    Targets: "window" (the main window), "files" and "reports" (its controllers), and the
    views "walker", "map" and "outline" (called only while the view exists).
    """

    target: str
    method: str
    args: tuple[object, ...] = ()


class ActionSpec(NamedTuple):
    """Declaration of one action.

    Parameters
    ----------
    key
        Stable id ("file.open").
    text
        English text (translated when shown).
    menu
        English menu title from :data:`avsec.gui.labels.MENUS`, or "" for no menu.
    shortcuts
        Key sequences; the first is shown in the menu.
    toolbar
        Name of the toolbar that shows it ("" for none).
    scope
        "app" (always), "file" (an assessment is open), "walker", "map" or "outline".
    checkable
        A toggle (map tools).
    separator
        Put a separator before it in its menu.
    tip
        English tooltip / status tip.
    call
        The handler; None for actions whose handler is attached elsewhere.
    icon
        "status:<status>" or "kind:<kind>", drawn by :mod:`avsec.gui.icons`.
    group
        Name of an exclusive group (one checked at a time), or "".
    """

    key: str
    text: str
    menu: str = ""
    shortcuts: tuple[str, ...] = ()
    toolbar: str = ""
    scope: str = "app"
    checkable: bool = False
    separator: bool = False
    tip: str = ""
    call: Call | None = None
    icon: str = ""
    group: str = ""


FILE_ACTIONS = (
    ActionSpec("file.new", "New assessment…", "&File", ("Ctrl+N",), call=Call("files", "new")),
    ActionSpec(
        "file.open", "Open…", "&File", ("Ctrl+O",), toolbar="main", call=Call("files", "browse")
    ),
    ActionSpec("file.demo", "Open training airport", "&File", call=Call("files", "open_demo")),
    ActionSpec(
        "file.details",
        "Assessment details…",
        "&File",
        scope="file",
        separator=True,
        call=Call("window", "edit_assessment_details"),
    ),
    ActionSpec(
        "file.close",
        "Close assessment",
        "&File",
        ("Ctrl+W",),
        scope="file",
        call=Call("window", "close_session"),
    ),
    ActionSpec(
        "file.portfolio",
        "Open folder as portfolio…",
        "&File",
        call=Call("window", "open_portfolio"),
    ),
    ActionSpec(
        "file.check",
        "Check file integrity",
        "&File",
        scope="file",
        call=Call("window", "check_file"),
    ),
    ActionSpec(
        "file.save_copy",
        "Save a copy…",
        "&File",
        ("Ctrl+Shift+S",),
        scope="file",
        separator=True,
        call=Call("files", "save_copy"),
    ),
    ActionSpec(
        "file.export_json",
        "Export assessment (JSON)…",
        "&File",
        scope="file",
        call=Call("files", "export", ("json",)),
    ),
    ActionSpec(
        "file.export_plan",
        "Export action plan (XLSX, CSV)…",
        "&File",
        scope="file",
        call=Call("files", "export", ("plan",)),
    ),
    ActionSpec(
        "file.export_layout",
        "Export layout (GeoJSON, KML)…",
        "&File",
        scope="file",
        call=Call("files", "export", ("layout",)),
    ),
    ActionSpec(
        "file.report",
        "Write report (PDF)…",
        "&File",
        ("Ctrl+P",),
        scope="file",
        separator=True,
        call=Call("reports", "write_report"),
    ),
    ActionSpec(
        "file.quit", "Quit", "&File", ("Ctrl+Q",), separator=True, call=Call("window", "close")
    ),
)

EDIT_ACTIONS = (
    ActionSpec(
        "edit.undo", "Undo", "&Edit", ("Ctrl+Z",), toolbar="main", call=Call("window", "undo")
    ),
    ActionSpec(
        "edit.redo",
        "Redo",
        "&Edit",
        ("Ctrl+Shift+Z", "Ctrl+Y"),
        toolbar="main",
        call=Call("window", "redo"),
    ),
    ActionSpec(
        "edit.preferences",
        "Preferences…",
        "&Edit",
        ("Ctrl+,",),
        separator=True,
        call=Call("window", "edit_preferences"),
    ),
)

VIEW_ACTIONS = tuple(
    ActionSpec(
        f"view.{view}",
        VIEW_TITLES[view],
        "&View",
        (f"Ctrl+{number}",),
        scope="file",
        call=Call("window", "show_view", (view,)),
    )
    for number, view in enumerate(VIEWS, start=1)
)

VIEW_ACTIONS += (
    ActionSpec(
        "view.history",
        "History…",
        "&View",
        ("Ctrl+H",),
        scope="file",
        separator=True,
        call=Call("window", "show_history"),
    ),
)

CHECKLIST_ACTIONS = (
    *(
        ActionSpec(
            f"checklist.{status}",
            STATUS_LABELS[status],
            "&Checklist",
            (str(number),),
            scope="walker",
            call=Call("walker", "set_status", (status,)),
            icon=f"status:{status}",
        )
        for number, status in enumerate(STATUSES, start=1)
    ),
    ActionSpec(
        "checklist.next",
        "Next item",
        "&Checklist",
        ("J", "Ctrl+Down"),
        scope="walker",
        separator=True,
        call=Call("walker", "next_item"),
    ),
    ActionSpec(
        "checklist.previous",
        "Previous item",
        "&Checklist",
        ("K", "Ctrl+Up"),
        scope="walker",
        call=Call("walker", "previous_item"),
    ),
    ActionSpec(
        "checklist.filter",
        "Filter…",
        "&Checklist",
        ("Ctrl+F",),
        scope="walker",
        call=Call("walker", "focus_filter"),
    ),
    ActionSpec(
        "checklist.photo",
        "Add photo…",
        "&Checklist",
        ("Ctrl+Shift+P",),
        scope="walker",
        separator=True,
        call=Call("walker", "add_photo_dialog"),
    ),
)

MAP_ACTIONS = (
    ActionSpec(
        "map.select",
        "Select and edit",
        "&Map",
        ("S",),
        toolbar="draw",
        scope="map",
        checkable=True,
        call=Call("map", "set_tool", ("select",)),
        group="map-tools",
    ),
    *(
        ActionSpec(
            f"map.draw.{kind}",
            KIND_LABELS[kind],
            "&Map",
            (DRAW_KEYS[kind],) if kind in DRAW_KEYS else (),
            toolbar="draw",
            scope="map",
            checkable=True,
            separator=kind == KINDS[0],
            tip=DRAW_TIPS[kind],
            call=Call("map", "set_tool", (kind,)),
            icon=f"kind:{kind}",
            group="map-tools",
        )
        for kind in KINDS
    ),
    ActionSpec(
        "map.measure",
        "Measure",
        "&Map",
        ("M",),
        toolbar="map",
        scope="map",
        checkable=True,
        separator=True,
        tip=N_("Measure a distance and an area in metres"),
        call=Call("map", "set_tool", ("measure",)),
        group="map-tools",
    ),
    ActionSpec(
        "map.labels",
        "Feature labels",
        "&View",
        ("Shift+L",),
        scope="map",
        checkable=True,
        separator=True,
        tip=N_("Write each feature's name on the map"),
        call=Call("map", "toggle_labels"),
    ),
    ActionSpec(
        "map.delete",
        "Delete feature",
        "&Map",
        ("Delete",),
        scope="map",
        separator=True,
        call=Call("map", "delete_selected"),
    ),
    ActionSpec(
        "map.fit",
        "Fit to layout",
        "&Map",
        ("F", "Ctrl+0"),
        toolbar="map",
        scope="map",
        separator=True,
        call=Call("map", "fit"),
    ),
    ActionSpec(
        "map.zoom_in",
        "Zoom in",
        "&Map",
        ("+", "=", "Ctrl++"),
        toolbar="map",
        scope="map",
        call=Call("map", "zoom", (1.25,)),
    ),
    ActionSpec(
        "map.zoom_out",
        "Zoom out",
        "&Map",
        ("-", "Ctrl+-"),
        toolbar="map",
        scope="map",
        call=Call("map", "zoom", (0.8,)),
    ),
    ActionSpec(
        "map.analyse",
        "Analyse",
        "&Map",
        ("Ctrl+R",),
        toolbar="map",
        scope="map",
        separator=True,
        call=Call("map", "start_analysis"),
    ),
    ActionSpec(
        "map.import_geojson",
        "Import GeoJSON…",
        "&Map",
        toolbar="map",
        scope="map",
        separator=True,
        call=Call("map", "import_layout_dialog", ("avsec",)),
    ),
    ActionSpec(
        "map.import_osm",
        "Import OpenStreetMap…",
        "&Map",
        toolbar="map",
        scope="map",
        call=Call("map", "import_layout_dialog", ("osm",)),
    ),
    ActionSpec(
        "map.background",
        "Background image…",
        "&Map",
        toolbar="map",
        scope="map",
        call=Call("map", "background_dialog"),
    ),
    ActionSpec(
        "map.background_remove",
        "Remove background image",
        "&Map",
        scope="map",
        call=Call("map", "remove_background"),
    ),
)

OUTLINE_ACTIONS = (
    ActionSpec(
        "outline.regenerate",
        "Regenerate from gaps",
        "&Outline",
        scope="outline",
        call=Call("outline", "regenerate"),
    ),
    ActionSpec(
        "outline.add",
        "Add action",
        "&Outline",
        ("Ctrl+Shift+N",),
        scope="outline",
        call=Call("outline", "add_action"),
    ),
    ActionSpec(
        "outline.details",
        "Edit action in full…",
        "&Outline",
        ("Ctrl+E",),
        scope="outline",
        call=Call("outline", "edit_details"),
    ),
    ActionSpec(
        "outline.delete",
        "Delete action",
        "&Outline",
        scope="outline",
        call=Call("outline", "delete_selected"),
    ),
)

OTHER_ACTIONS = (
    ActionSpec(
        "workshop.pack",
        "Pack exercise from key…",
        "&Workshop",
        call=Call("workshop", "pack_exercise"),
    ),
    ActionSpec(
        "workshop.teams",
        "Make team files…",
        "&Workshop",
        call=Call("workshop", "make_teams"),
    ),
    ActionSpec(
        "workshop.answer_key",
        "Open answer key (trainer)",
        "&Workshop",
        call=Call("files", "open_answer_key"),
    ),
    ActionSpec(
        "workshop.compare", "Compare teams…", "&Workshop", call=Call("window", "compare_teams")
    ),
    ActionSpec(
        "help.shortcuts",
        "Keyboard shortcuts",
        "&Help",
        ("F1",),
        call=Call("window", "show_shortcuts"),
    ),
    ActionSpec("help.about", "About avsec", "&Help", call=Call("window", "show_about")),
)

#: Every action of the main window, in menu order.
ACTIONS: tuple[ActionSpec, ...] = (
    *FILE_ACTIONS,
    *EDIT_ACTIONS,
    *VIEW_ACTIONS,
    *CHECKLIST_ACTIONS,
    *MAP_ACTIONS,
    *OUTLINE_ACTIONS,
    *OTHER_ACTIONS,
)
