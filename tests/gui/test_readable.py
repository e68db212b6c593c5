"""Readable and keyboard-friendly: undo labels, tool bar widths, tips with keys, the
dashboard's honesty about coverage, capitalised labels, checklist titles."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QToolButton, QWidget

from tests.gui.test_field_trust import _contrast


def test_undo_label_is_a_sentence_and_the_toolbar_keeps_its_width(qtbot, opened):
    undo = opened.registry.action("edit.undo")
    button = opened.tool_bar.widgetForAction(undo)
    assert isinstance(button, QToolButton)
    width = button.sizeHint().width()
    opened.session.set_status("PER-01", "not_compliant")
    assert undo.text() == "Undo: Set PER-01 to not compliant"
    assert button.text() == "Undo"
    assert button.sizeHint().width() == width
    assert "Set PER-01 to not compliant" in undo.toolTip() and "Ctrl+Z" in undo.toolTip()


def test_tooltips_show_the_shortcut_and_drawing_tools_have_keys(qtbot, opened):
    assert opened.registry.action("map.analyse").toolTip() == "Analyse (Ctrl+R)"
    assert opened.registry.action("map.fit").toolTip() == "Fit to layout (F)"
    keys = {}
    for spec in opened.registry.specs():
        if spec.key.startswith("map.draw."):
            assert spec.shortcuts, spec.key
            keys.setdefault(spec.shortcuts[0], spec.key)
    every = [s for spec in opened.registry.specs() for s in spec.shortcuts if spec.scope == "map"]
    assert len(every) == len(set(every)), "a key bound twice on the map"
    assert "(A)" in opened.registry.action("map.draw.airside").toolTip()


def test_every_hint_reaches_4_5_to_1(qtbot, opened):
    from avsec.gui.style import HINT_COLOUR

    assert _contrast(HINT_COLOUR, "#ffffff") >= 4.5
    assert _contrast(HINT_COLOUR, "#efefef") >= 4.5
    page = opened.workspace.walker.page
    assert "palette(mid)" not in page.keys_hint.styleSheet()
    labels = opened.findChildren(QLabel)
    assert not [lab for lab in labels if "palette(mid)" in lab.styleSheet()]


def test_dashboard_lists_assessed_gaps_and_marks_low_coverage_provisional(qtbot, opened):
    opened.session.set_status("PER-01", "not_compliant")
    opened.show_view("dashboard")
    dashboard = opened.workspace.dashboard()
    dashboard.refresh()
    # One of five items answered: 20 % coverage, one assessed gap, nothing "not assessed".
    assert dashboard.gap_ids() == ["PER-01"]
    assert "provisional" in dashboard.ei.caption.text()
    assert "20" in dashboard.ei.caption.text()
    assert "provisional" in dashboard.weighted.caption.text()
    for item in ("PER-02", "PER-03", "ACP-01"):
        opened.session.set_status(item, "compliant")
    dashboard.refresh()
    assert dashboard.gap_ids() == ["PER-01"]
    assert "provisional" not in dashboard.ei.caption.text()


def test_attribute_labels_are_capitalised(qtbot, opened, tmp_path):
    import json

    opened.show_view("map")
    editor = opened.workspace.map_editor()
    point = {"type": "Point", "coordinates": [-78.3575, -0.129]}
    feature = {
        "type": "Feature",
        "id": "b1",
        "geometry": point,
        "properties": {"kind": "access_point", "name": "Gate 3"},
    }
    path = tmp_path / "gate.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    assert editor.import_layout(path, mode="add") == 1
    editor.attributes.show_feature("b1")
    texts = [lab.text() for lab in editor.attributes.findChildren(QLabel) if lab.text()]
    assert "Name" in texts and "name" not in texts


def test_checklist_selector_shows_titles(qtbot, window):
    combo = window.start_page.checklist_combo
    qtbot.waitUntil(lambda: combo._listed, timeout=3000)
    assert combo.currentText() != combo.checklist_id()
    assert "(v" in combo.currentText()


def test_shortcuts_table_heading_is_the_menu_action(qtbot, opened):
    from avsec.gui.help_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(opened.registry.shortcut_table(), opened)
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QTableWidget

    table = dialog.findChild(QTableWidget, "shortcuts-table")
    assert table.horizontalHeaderItem(1).text() == "Menu action"
    assert any(table.item(r, 2).text() == "Ctrl+R" for r in range(table.rowCount()))


def test_start_page_tab_order_follows_the_page_and_fields_are_named(qtbot, window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton

    page = window.start_page
    expected = [
        page.airport_field,
        page.custom_button,
        page.title_field,
        page.team_field,
        page.checklist_combo,
        page.create_button,
    ]
    seen = [page.airport_field]
    widget = page.airport_field
    for _ in range(len(expected) - 1):
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisible():
            widget = widget.nextInFocusChain()
        seen.append(widget)
    assert seen == expected
    for child in page.findChildren(QWidget):
        if child.isVisible() and child.focusPolicy() & Qt.FocusPolicy.TabFocus:
            named = child.accessibleName() or (isinstance(child, QAbstractButton) and child.text())
            assert named, child.objectName() or type(child).__name__


def test_drawing_tools_and_layers_are_capitalised(qtbot, opened):
    opened.show_view("map")
    editor = opened.workspace.map_editor()
    assert opened.registry.action("map.draw.access_point").text() == "Access point"
    assert opened.registry.action("map.draw.sra").text() == "SRA"
    rows = [editor.layers.item(i).text() for i in range(editor.layers.count())]
    assert rows and all(r[:1].isupper() for r in rows), rows


def test_features_name_themselves_on_hover(qtbot, opened, tmp_path):
    import json

    opened.show_view("map")
    editor = opened.workspace.map_editor()
    features = [
        {
            "type": "Feature",
            "id": "g1",
            "geometry": {"type": "Point", "coordinates": [-78.3575, -0.129]},
            "properties": {"kind": "access_point", "name": "Gate 3"},
        },
        {
            "type": "Feature",
            "id": "r1",
            "geometry": {
                "type": "LineString",
                "coordinates": [[-78.3575, -0.1292], [-78.357, -0.1292]],
            },
            "properties": {"kind": "road"},
        },
    ]
    path = tmp_path / "two.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    assert editor.import_layout(path, mode="add") == 2
    assert "Gate 3" in editor.scene.feature_items["g1"].toolTip()
    assert editor.scene.feature_items["r1"].toolTip()


def test_every_focusable_control_of_every_view_has_an_accessible_name(qtbot, opened):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton

    missing = []
    for view in ("walker", "map", "dashboard", "outline"):
        opened.show_view(view)
        for child in opened.workspace.findChildren(QWidget):
            if child.isVisible() and child.focusPolicy() & Qt.FocusPolicy.TabFocus:
                named = child.accessibleName() or (
                    isinstance(child, QAbstractButton) and child.text()
                )
                if not named:
                    missing.append(f"{view}: {type(child).__name__} {child.objectName()}")
    assert missing == []
    assert opened.workspace.walker.page.notes.accessibleName() == "Notes"


def test_at_1280x720_the_map_shows_at_least_eight_findings(qtbot, opened):
    from tests.gui.test_map import _finding

    opened.resize(1280, 720)
    opened.show_view("map")
    opened.session.set_findings([_finding(x=0.001 * n) for n in range(12)])
    findings = opened.workspace.map_editor().findings.list
    qtbot.wait(50)
    assert findings.count() == 12
    shown = [
        row
        for row in range(findings.count())
        if findings.visualItemRect(findings.item(row)).bottom() <= findings.viewport().height()
    ]
    assert len(shown) >= 8, (len(shown), findings.viewport().height())
