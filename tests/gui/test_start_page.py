"""Start page and main window wiring: new assessment, recent files, open, errors, languages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from avsec.core.assessment import Airport
from avsec.gui.airport_field import airport_line
from avsec.gui.i18n import language


def _airport(icao, iata, name, city):
    return Airport(icao=icao, iata=iata, name=name, city=city, lat=0, lon=0)


def test_the_completer_shows_search_airports_in_its_order(qtbot, window, monkeypatch):
    """One ranking for the whole app: the field never re-orders what the search returns."""
    airports = [
        _airport("LFPG", "CDG", "Charles de Gaulle International", "Paris"),
        _airport("LFPO", "ORY", "Paris-Orly", "Paris"),
        _airport("LFPB", "LBG", "Paris-Le Bourget", "Paris"),
        _airport("20OH", "", "Paris Strip", "Bristolville"),
    ]
    asked = []

    def search(text, limit=20):
        asked.append((text, limit))
        return list(reversed(airports)) if text == "strip" else airports

    monkeypatch.setattr("avsec.io.airports.search_airports", search)
    field = window.start_page.airport_field
    qtbot.keyClicks(field, "paris")
    field.search_now()
    assert [a.iata for a in field.matches()] == ["CDG", "ORY", "LBG", ""]
    assert asked[-1][0] == "paris"
    field.clear()
    qtbot.keyClicks(field, "strip")
    field.search_now()
    assert [a.icao for a in field.matches()] == ["20OH", "LFPB", "LFPO", "LFPG"]
    assert field.airport() is None  # several matches and no exact code: the user picks
    assert airport_line(airports[0]) == ("LFPG / CDG — Charles de Gaulle International (Paris)")


def test_airport_search_by_name_city_and_code(qtbot, window):
    field = window.start_page.airport_field
    qtbot.keyClicks(field, "Quito")
    field.search_now()
    assert field.matches()[0].city == "Quito"
    field.clear()
    qtbot.keyClicks(field, "UIO")
    field.search_now()
    assert field.airport().icao == "SEQM"


def test_create_needs_an_airport(qtbot, window):
    page = window.start_page
    seen = []
    page.create_requested.connect(seen.append)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert not seen and "Choose an airport" in page.message.text()


def test_custom_airport_dialog(qtbot):
    from avsec.gui.custom_airport_dialog import CustomAirportDialog

    dialog = CustomAirportDialog()
    qtbot.addWidget(dialog)
    dialog._on_accept()
    assert "name" in dialog.message.text()
    dialog.name.setText("Base Aérea Ejemplo")
    dialog.icao.setText("zzbe")
    dialog.lat.setValue(4.5)
    dialog.lon.setValue(-74.1)
    airport = dialog.airport()
    assert airport.custom and airport.icao == "ZZBE" and airport.lat == 4.5


def test_create_through_the_page_opens_the_new_file(
    qtbot, window, tmp_path, monkeypatch, airport, checklist
):
    target = tmp_path / "new.avsec"
    monkeypatch.setattr("avsec.gui.dialogs.choose_save_file", lambda *a, **k: str(target))
    window.start_page.airport_field.set_airport(airport)
    window.start_page.team_field.setText("Ana, Luis , ")
    request = window.start_page.request()
    assert request["team"] == ["Ana", "Luis"]
    assert window.create_assessment(
        target, airport, title="Visit", team=["Ana"], checklist=checklist
    )
    assert window.session.doc.assessment.team == ["Ana"]
    assert window.stack.currentWidget() is window.workspace


def test_recent_files_list_and_open(qtbot, window, assessment_path, tmp_path, preferences):
    preferences.add_recent_file(assessment_path)
    preferences.add_recent_file(tmp_path / "gone.avsec")
    window.start_page.refresh_recent()
    rows = window.start_page.recent_list
    assert rows.count() == 2 and window.start_page.no_recent.isHidden()
    assert "(file missing)" in rows.item(0).text()
    rows.itemActivated.emit(rows.item(0))  # a moved file is forgotten, not an error
    assert window.session is None and rows.count() == 1
    rows.itemActivated.emit(rows.item(0))
    assert window.session is not None and window.session.path == assessment_path


def test_a_bad_file_is_refused_and_the_open_one_stays(qtbot, opened, tmp_path):
    bad = tmp_path / "notes.avsec"
    bad.write_text("not a database")
    current = opened.session
    assert not opened.open_file(bad)
    assert opened.session is current
    boxes = [w for w in opened.findChildren(QMessageBox) if w.objectName() == "error-box"]
    assert boxes and "notes.avsec" in boxes[-1].text()


def test_close_returns_to_the_start_page(qtbot, opened):
    opened.registry.action("file.close").trigger()
    assert opened.session is None and opened.stack.currentWidget() is opened.start_page
    assert opened.windowTitle() == "avsec"
    assert not opened.registry.action("view.map").isEnabled()


def test_views_load_lazily(qtbot, opened):
    assert opened.workspace.built_views() == ["walker"]
    opened.registry.action("view.outline").trigger()
    assert opened.workspace.built_views() == ["walker", "outline"]


def test_undo_text_follows_the_stack(qtbot, opened):
    undo = opened.registry.action("edit.undo")
    redo = opened.registry.action("edit.redo")
    assert not undo.isEnabled() and undo.text() == "Undo"
    opened.session.set_status("ACP-01", "compliant")
    assert undo.isEnabled() and undo.text() == "Undo: Set ACP-01 to compliant"
    undo.trigger()
    assert redo.text() == "Redo: Set ACP-01 to compliant"
    redo.trigger()
    assert str(opened.session.doc.status_of("ACP-01")) == "compliant"


def test_switching_to_spanish_keeps_the_file_open(qtbot, opened, preferences, monkeypatch):
    opened.workspace.walker.select_item("PER-02")
    opened.show_view("walker")
    session = opened.session
    opened.apply_language("es")
    assert language() == "es"
    assert opened.session is session
    assert opened.workspace.walker.current_item_id() == "PER-02"
    assert opened.workspace.walker.page.question.text() == "¿Mide la cerca al menos 2,44 m?"
    assert opened.registry.menu("&File").title() == "&Archivo"
    assert "RESTRINGIDO" in opened.windowTitle()
    assert opened.workspace.tabs.tabText(3) == "Plan de mejora"


def test_preferences_dialog_stores_the_choice(qtbot, preferences):
    from avsec.gui.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(preferences)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.user_name.setText("  Inspector Ruiz ")
    dialog._on_accept()
    assert preferences.language == "es" and preferences.user_name == "Inspector Ruiz"


def test_the_number_format_is_a_preference_apart_from_the_language(qtbot, preferences):
    """Spanish words with Argentine numbers: the report, the plan and the CLI follow it too."""
    from avsec.core.i18n import number_format, set_number_format
    from avsec.gui.preferences_dialog import PreferencesDialog
    from avsec.report.text import number

    dialog = PreferencesDialog(preferences)
    qtbot.addWidget(dialog)
    shown = [dialog.number_format.itemText(i) for i in range(dialog.number_format.count())]
    assert any(text.startswith("1.234,5") and "Argentina" in text for text in shown)
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.number_format.setCurrentIndex(dialog.number_format.findData("es_MX"))
    try:
        dialog._on_accept()
        assert preferences.number_format == "es_MX" and number_format() == "es_MX"
        assert number(1234.5, "es") == "1,234.5"
    finally:
        set_number_format(None)
    preferences.number_format = "xx_YY"  # not offered: numbers follow the language
    assert preferences.number_format == ""


def test_shortcuts_are_unique_and_listed(qtbot, window):
    from avsec.gui.help_dialog import ShortcutsDialog

    seen = {}
    for spec in window.registry.specs():
        for shortcut in spec.shortcuts:
            assert shortcut not in seen, f"{shortcut} used by {seen.get(shortcut)} and {spec.key}"
            seen[shortcut] = spec.key
    rows = window.registry.shortcut_table()
    assert ("Checklist", "Compliant", "1") in rows
    dialog = ShortcutsDialog(rows)
    qtbot.addWidget(dialog)


def test_actions_follow_their_scope_before_a_file_opens(qtbot, window):
    """Without a file the workshop, the demo and help act; nothing that edits or reports does."""
    assert window.session is None
    for key in ("workshop.compare", "file.demo", "file.open", "file.new", "help.about"):
        assert window.registry.action(key).isEnabled(), key
    for key in ("file.report", "file.close", "view.map", "checklist.compliant", "map.fit"):
        assert not window.registry.action(key).isEnabled(), key
    assert window.start_page.demo_button.isEnabled()


def test_map_tools_are_exclusive_and_select_is_the_default(qtbot, opened):
    opened.show_view("map")
    select = opened.registry.action("map.select")
    barrier = opened.registry.action("map.draw.barrier")
    assert select.isChecked() and not barrier.isChecked()
    barrier.trigger()
    assert barrier.isChecked() and not select.isChecked()
    assert opened.workspace.map_editor().view.tool == "barrier"


def test_write_report_from_the_file_menu(qtbot, opened, tmp_path, monkeypatch):
    from avsec.gui.report_dialog import ReportOptions

    out = tmp_path / "gap-report.pdf"
    options = ReportOptions(out, "en", None, False)
    monkeypatch.setattr(opened.reports, "ask_options", lambda *a, **k: options)
    opened.session.set_status("PER-01", "not_compliant")
    with qtbot.waitSignal(opened.reports.finished, timeout=60_000):
        opened.registry.action("file.report").trigger()
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    assert "gap-report.pdf" in opened.statusBar().currentMessage()


def test_open_demo_reuses_the_existing_demo(qtbot, window, assessment_path, tmp_path, monkeypatch):
    """make_demo(fresh=False) returns the demo already there; the window opens what it returns."""
    calls = []

    def make_demo(out_dir, lang="en", fresh=True):
        calls.append((out_dir, lang, fresh))
        return assessment_path

    monkeypatch.setattr("avsec.workshop.demo.make_demo", make_demo)
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(tmp_path / "data"))
    assert window.start_page.demo_button.isEnabled()
    qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)
    assert calls == [(tmp_path / "data" / "demo", "en", False)]
    # Participants get the exercise copy packed from the key, never the key itself.
    exercise = assessment_path.with_name("visit-exercise.avsec")
    assert window.session is not None and window.session.path == exercise
    assert "exercise copy" in window.statusBar().currentMessage()
    assert window.session.doc.assessment.mode == "exercise"
    window.registry.action("workshop.answer_key").trigger()
    assert window.session.path == assessment_path
    assert "Answer key" in window.statusBar().currentMessage()
