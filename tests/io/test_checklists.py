"""Checklist loading and validation: each problem names the file, the item id and the field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from avsec.core.checklist import Provision, ProvisionCatalogue
from avsec.core.errors import ChecklistError, InputError
from avsec.io.checklists import list_checklists, load_checklist_file, user_checklist_dir

FIXTURE = Path(__file__).parents[1] / "fixtures" / "mini-checklist.yaml"


@pytest.fixture
def catalogue() -> ProvisionCatalogue:
    ids = ["A17:4.2.1", "A17:4.2.3", "A17:4.2.6"]
    return ProvisionCatalogue(
        provisions=[Provision(id=i, framework="A17", kind="standard", title={"en": i}) for i in ids]
    )


def _broken(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _problems(path: Path, catalogue: ProvisionCatalogue) -> list[str]:
    with pytest.raises(ChecklistError) as err:
        load_checklist_file(path, catalogue)
    return err.value.problems


def test_fixture_is_valid(catalogue: ProvisionCatalogue) -> None:
    assert load_checklist_file(FIXTURE, catalogue).item_ids()[0] == "PER-01"


def test_dangling_reference(tmp_path: Path, catalogue: ProvisionCatalogue) -> None:
    path = _broken(tmp_path, lambda d: d["areas"][0]["items"][1]["references"].append("A17:9.9.9"))
    assert _problems(path, catalogue) == [
        "broken.yaml: item PER-02: field references: A17:9.9.9 is not in the provision catalogue"
    ]


def test_missing_spanish(tmp_path: Path, catalogue: ProvisionCatalogue) -> None:
    path = _broken(tmp_path, lambda d: d["areas"][1]["items"][0]["guidance"].pop("es"))
    assert _problems(path, catalogue) == ["broken.yaml: item ACP-01: field guidance.es: missing"]


def test_spanish_copied_from_english(tmp_path: Path, catalogue: ProvisionCatalogue) -> None:
    def copy(d):
        item = d["areas"][0]["items"][0]
        item["question"]["es"] = item["question"]["en"]

    assert _problems(_broken(tmp_path, copy), catalogue) == [
        "broken.yaml: item PER-01: field question.es: same as the English text"
    ]


def test_duplicate_id(tmp_path: Path, catalogue: ProvisionCatalogue) -> None:
    def dup(d):
        d["areas"][1]["items"][1]["id"] = "PER-01"

    assert _problems(_broken(tmp_path, dup), catalogue) == [
        "broken.yaml: item PER-01: field id: duplicate item id"
    ]


def test_schema_errors_name_item_and_field(tmp_path: Path, catalogue: ProvisionCatalogue) -> None:
    def bad(d):
        d["areas"][0]["items"][2]["weight"] = 7
        d["areas"][0]["items"][0]["rules"] = ["no_such_rule"]

    problems = _problems(_broken(tmp_path, bad), catalogue)
    assert any(p.startswith("broken.yaml: item PER-03: field weight:") for p in problems)
    assert any(
        p.startswith("broken.yaml: item PER-01: field rules:") and "no_such_rule" in p
        for p in problems
    )


def test_invalid_yaml_names_the_line(tmp_path: Path, catalogue: ProvisionCatalogue) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: x\nareas: [\n  - {id: y\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.yaml: invalid YAML at line \d+"):
        load_checklist_file(path, catalogue)


def test_yaml_tags_are_not_executed(tmp_path: Path, catalogue: ProvisionCatalogue) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text("!!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    with pytest.raises(InputError, match="evil.yaml: invalid YAML"):
        load_checklist_file(path, catalogue)


def test_user_folder_checklists_are_listed(tmp_path: Path) -> None:
    folder = user_checklist_dir()
    folder.mkdir(parents=True)
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    data["id"] = "national-programme"
    (folder / "national.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
    )
    (folder / "broken.yaml").write_text("id: [", encoding="utf-8")
    sources, problems = list_checklists()
    origins = {s.id: s.origin for s in sources}
    assert origins["national-programme"] == "user"
    assert origins["icao-a17-access-control"] == "bundled"
    assert len(problems) == 1 and "broken.yaml" in problems[0]


def test_schema_and_content_problems_are_reported_together(
    tmp_path: Path, catalogue: ProvisionCatalogue
) -> None:
    def several(d):
        d["areas"][0]["items"][2]["weight"] = 9
        d["areas"][0]["items"][1]["references"].append("A17:9.9.9")
        d["areas"][1]["items"][0]["guidance"].pop("es")

    problems = _problems(_broken(tmp_path, several), catalogue)
    assert any("item PER-03: field weight" in p for p in problems)
    assert any("A17:9.9.9" in p for p in problems)
    assert any("item ACP-01: field guidance.es: missing" in p for p in problems)


def test_unknown_area_id(tmp_path: Path, catalogue: ProvisionCatalogue) -> None:
    def rename(d):
        d["areas"][0]["id"] = "zoning"

    problems = _problems(_broken(tmp_path, rename), catalogue)
    assert problems == [
        "broken.yaml: area zoning: field id: unknown area id (use perimeter, sra_zoning, "
        "access_points, id_systems, vehicle_security)"
    ]


def test_user_file_cannot_take_a_bundled_id(tmp_path: Path) -> None:
    from avsec.io.checklists import get_checklist

    bundled = get_checklist()
    folder = user_checklist_dir()
    folder.mkdir(parents=True)
    data = bundled.model_dump(mode="json")
    data["title"]["en"] = "Changed copy"
    (folder / "copy.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    sources, problems = list_checklists()
    assert [s.origin for s in sources if s.id == bundled.id] == ["bundled"]
    assert any(
        "uses the id 'icao-a17-access-control' of a bundled checklist" in p for p in problems
    )
    assert get_checklist().title["en"] == bundled.title["en"]
