"""Issue 15 item 3, every free text: feature properties, observations, evidence, checklist
texts and the extras table keep the documented caps at every entry point (core/textlimits.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from avsec.core.actions import Action
from avsec.core.commands import SetAction, SetFeature
from avsec.core.document import Observation
from avsec.core.errors import StoreError
from avsec.core.layout import Feature
from avsec.core.textlimits import MAX_FIELD_CHARS, MAX_NOTES_CHARS, MAX_PROPERTIES
from avsec.store import AvsecFile
from tests.conftest import raw_sql
from tests.hardening.conftest import digest, one_line

GATE = {"type": "Point", "coordinates": [-87.2200, 14.0600]}
LONG_NAME = "n" * (MAX_FIELD_CHARS + 1)
LONG_NOTE = "x" * (MAX_NOTES_CHARS + 1)


def _layer(tmp_path, properties, fid="gate-1"):
    path = tmp_path / "layer.geojson"
    feature = {"type": "Feature", "id": fid, "geometry": GATE, "properties": properties}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    return path


@pytest.mark.parametrize(
    ("properties", "said"),
    [
        ({"name": LONG_NAME}, "name: longer than 1,000"),
        ({"name:es": LONG_NAME}, "name:es: longer than 1,000"),
        ({"remarks": LONG_NOTE}, "remarks: longer than 65,536"),
        ({"survey": {"by": ["a", LONG_NOTE]}}, "survey.by.1: longer than 65,536"),
        ({"k" * (MAX_FIELD_CHARS + 1): 1}, "property name is longer"),
        ({f"p{n}": n for n in range(MAX_PROPERTIES + 1)}, "more than 1,000 properties"),
    ],
    ids=["name", "name-es", "note", "nested", "key", "count"],
)
def test_geojson_properties_over_the_caps_are_one_line(run, mini_file, tmp_path, properties, said):
    layer = _layer(tmp_path, {"kind": "access_point", **properties})
    before = digest(mini_file)
    code, _, err = run("layout", "import", mini_file, layer)
    line = one_line(err)
    assert code != 0 and said in line and "feature 0" in line
    assert len(line) < 400  # the long text is named, never echoed
    assert digest(mini_file) == before


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("es", "name: supera los 1.000 caracteres (1.001)"),
        ("pt", "name: excede 1.000 caracteres (1.001)"),
        ("fr", "name : dépasse 1 000 caractères (1 001)"),
    ],
)
def test_the_cap_is_said_in_the_users_language(run, mini_file, tmp_path, lang, said):
    layer = _layer(tmp_path, {"kind": "access_point", "name": LONG_NAME})
    code, _, err = run("--lang", lang, "layout", "import", mini_file, layer)
    line = one_line(err).replace("\u202f", " ")  # French groups with a narrow space
    assert code != 0 and said in line, line
    assert "longer than" not in line


def test_geojson_properties_at_the_caps_import(run, mini_file, tmp_path):
    props = {"kind": "access_point", "name": "n" * MAX_FIELD_CHARS, "remarks": "x" * 60_000}
    code, _, err = run("layout", "import", mini_file, _layer(tmp_path, props))
    assert code == 0, err
    with AvsecFile.open(mini_file) as f:
        assert f.features()[0].name == "n" * MAX_FIELD_CHARS


def test_a_long_feature_id_is_refused_without_echoing_it(run, mini_file, tmp_path):
    layer = _layer(tmp_path, {"kind": "access_point"}, fid="i" * 5_000_000)
    code, _, err = run("layout", "import", mini_file, layer)
    assert code != 0 and "id is longer than 1,000" in one_line(err) and len(err) < 400


def test_osm_tags_over_the_caps_skip_the_feature_and_say_why(run, mini_file, tmp_path):
    path = tmp_path / "osm.geojson"
    gate = {"barrier": "gate", "access": "private", "name": LONG_NAME}
    features = [{"type": "Feature", "id": "node/1", "geometry": GATE, "properties": gate}]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    code, _, err = run("layout", "import", mini_file, path, "--from", "osm")
    assert "Traceback" not in err
    assert "over the text limits" in err and "name: longer than 1,000" in err
    with AvsecFile.open(mini_file) as f:
        assert f.features() == []


def test_the_store_refuses_a_long_name_written_around_the_import(mini_file):
    # The app edits a feature with model_copy (no validation): the read-back catches it.
    feature = Feature(id="gate-1", kind="access_point", geometry=GATE)
    long = feature.model_copy(update={"properties": {"name": LONG_NAME}})
    with AvsecFile.open(mini_file) as f:
        with pytest.raises(StoreError, match="feature gate-1 was not saved"):
            f.apply(SetFeature("gate-1", None, long))
        assert f.features() == []


def test_a_stored_long_property_still_opens(mini_file):
    with AvsecFile.open(mini_file) as f:
        f.apply(
            SetFeature("gate-1", None, Feature(id="gate-1", kind="access_point", geometry=GATE))
        )
        props = json.dumps({"name": "y" * 200_000})
        raw_sql(f, "UPDATE features SET properties = ? WHERE id = 'gate-1'", (props,))
    with AvsecFile.open(mini_file) as f:
        assert len(f.features()[0].name) == 200_000
        assert len(f.document().features[0].name) == 200_000


def test_evidence_is_capped_on_the_cli_and_in_the_model(run, mini_file):
    with pytest.raises(ValidationError, match="longer than 65,536"):
        Action(title="t", evidence=LONG_NOTE)
    with AvsecFile.open(mini_file) as f:
        f.apply(SetAction("a-1", None, Action(id="a-1", title="Mend the fence")))
    before = digest(mini_file)
    code, _, err = run("verify", mini_file, "a-1", "done", "--evidence", LONG_NOTE)
    assert code != 0 and "not saved" in one_line(err) and "65,536" in err
    assert digest(mini_file) == before


def test_observations_are_capped():
    Observation(id="o1", place="gate 3", text={"en": "x" * MAX_NOTES_CHARS})
    with pytest.raises(ValidationError):
        Observation(id="o1", text={"en": LONG_NOTE})
    with pytest.raises(ValidationError):
        Observation(id="o1", place={"en": LONG_NAME}, text={"en": "seen"})


@pytest.mark.parametrize(
    ("key", "value", "said"),
    [
        ("observations", [{"id": "o1", "text": {"en": LONG_NOTE}}], "observations entry"),
        ("observations", [{"id": "o1", "place": LONG_NAME, "text": {}}], "observations entry"),
        ("rationales", {"PER-01": LONG_NOTE}, "PER-01: longer than 65,536"),
        ("judgements", {"f-1": {"note": LONG_NOTE}}, "f-1.note: longer than 65,536"),
        ("judgements", {LONG_NOTE: "ok"}, "xxx… (the key): longer than 65,536"),
    ],
    ids=["observation-text", "observation-place", "rationale", "any-extra", "extra-key"],
)
def test_the_extras_table_refuses_over_long_text(mini_file, key, value, said):
    before = digest(mini_file)
    with AvsecFile.open(mini_file) as f:
        with pytest.raises(StoreError, match="was not saved") as caught:
            f.set_extra(key, value)
        assert said in str(caught.value) and len(str(caught.value)) < 400
        assert f.extra(key) is None
    assert digest(mini_file) == before


def test_the_extras_table_keeps_text_within_the_caps(mini_file):
    observation = {"id": "o1", "place": "gate 3", "text": {"en": "x" * MAX_NOTES_CHARS}}
    with AvsecFile.open(mini_file) as f:
        f.set_extra("observations", [observation])
        f.set_extra("judgements", {"f-1": {"note": "y" * MAX_NOTES_CHARS}})
    with AvsecFile.open(mini_file) as f:
        assert f.document().observations[0].text["en"] == "x" * MAX_NOTES_CHARS
        assert f.extra("judgements")["f-1"]["note"] == "y" * MAX_NOTES_CHARS


def test_a_checklist_with_an_over_long_question_is_one_line(run, tmp_path):
    from tests.hardening.conftest import MINI

    text = Path(MINI).read_text(encoding="utf-8")
    assert '"Is the fence continuous?"' in text
    long = tmp_path / "long.yaml"
    long.write_text(text.replace('"Is the fence continuous?"', f'"{"q" * (MAX_NOTES_CHARS + 1)}"'))
    code, _, err = run("checklist", "validate", long)
    lines = err.strip().splitlines()
    assert code != 0 and len(lines) == 1 and "Traceback" not in err
    assert "question.en" in lines[0] and "longer than 65,536" in lines[0] and len(err) < 500
