"""File menu: Recent, Save a copy and the exports the command line offers."""

from __future__ import annotations

import json


def _with_content(opened, tmp_path):
    point = {"type": "Point", "coordinates": [-78.3575, -0.129]}
    feature = {
        "type": "Feature",
        "id": "g1",
        "geometry": point,
        "properties": {"kind": "access_point", "name": "Gate 3", "control": "uncontrolled"},
    }
    path = tmp_path / "gate.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    opened.show_view("map")
    assert opened.workspace.map_editor().import_layout(path, mode="add") == 1
    opened.session.set_status("PER-01", "not_compliant")
    opened.show_view("outline")
    assert opened.workspace.outline_editor().regenerate() >= 1


def test_recent_submenu_lists_the_open_file(qtbot, opened, assessment_path):
    opened.recent_menu.aboutToShow.emit()
    names = [a.text() for a in opened.recent_menu.actions()]
    assert assessment_path.name in names


def test_save_a_copy_writes_a_file_that_opens_with_the_edits(qtbot, opened, tmp_path):
    from avsec.store import AvsecFile

    opened.session.set_status("PER-01", "compliant")
    target = tmp_path / "copies" / "copy.avsec"
    target.parent.mkdir()
    assert opened.files.save_copy(target) == target
    with AvsecFile.open(target) as copy:
        statuses = {i: str(r.status) for i, r in copy.responses().items()}
    assert statuses["PER-01"] == "compliant"
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.avsec"]  # no temp left


def test_exports_write_json_plan_and_layout(qtbot, opened, tmp_path):
    import openpyxl

    _with_content(opened, tmp_path)
    files = opened.files
    out = files.export("json", tmp_path / "a.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["responses"]["PER-01"]["status"] == "not_compliant"
    xlsx = files.export("plan", tmp_path / "plan.xlsx")
    sheet = openpyxl.load_workbook(xlsx).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert any("PER-01" in c for c in cells)
    csv_text = files.export("plan", tmp_path / "plan.csv").read_text(encoding="utf-8-sig")
    assert "PER-01" in csv_text
    layout = json.loads(files.export("layout", tmp_path / "l.geojson").read_text())
    assert [f["properties"]["name"] for f in layout["features"]] == ["Gate 3"]
    kml = files.export("layout", tmp_path / "l.kml").read_text(encoding="utf-8")
    assert "<Placemark" in kml and "Gate 3" in kml
    assert files.export("layout", tmp_path / "l.txt") is None  # refused, named in a dialog
    assert not (tmp_path / "l.txt").exists()


def test_file_menu_offers_the_exports(qtbot, opened):
    texts = [a.text() for a in opened.registry.menu("&File").actions()]
    for wanted in (
        "Save a copy…",
        "Export assessment (JSON)…",
        "Export action plan (XLSX, CSV)…",
        "Export layout (GeoJSON, KML)…",
    ):
        assert wanted in texts
