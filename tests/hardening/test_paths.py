"""Issue 15 item 8: paths (checklist ids, odd file names, read-only files)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import yaml

from avsec.verbs.checklist import CHECKLIST_ID
from tests.hardening.conftest import MINI, digest, one_line


def _checklist_with_id(tmp_path: Path, checklist_id: str) -> Path:
    data = yaml.safe_load(Path(MINI).read_text(encoding="utf-8"))
    data["id"] = checklist_id
    path = tmp_path / "own.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "bad_id", ["../../../tmp/x", "/etc/x", "a/b", "..", ".hidden", "Upper", "x y", "-x"]
)
def test_checklist_add_refuses_ids_that_are_not_file_names(cli, tmp_path, bad_id):
    source = _checklist_with_id(tmp_path, bad_id)
    done = cli("checklist", "add", source)
    assert done.returncode == 2, done.stdout
    assert "Traceback" not in done.stderr and done.stderr.strip()


def test_traversal_id_writes_nothing_outside_the_user_folder(run, tmp_path):
    target = tmp_path / "escaped"
    source = _checklist_with_id(tmp_path, f"../../../../../../../..{target}")
    code, _, err = run("checklist", "add", source)
    assert code == 2 and "must be lower-case letters" in one_line(err)
    assert not target.with_suffix(".yaml").exists()


@pytest.mark.parametrize("good", ["icao-a17", "org.airport_v2", "0-local"])
def test_ordinary_ids_match(good):
    assert CHECKLIST_ID.fullmatch(good)


def test_a_good_checklist_is_installed_in_the_user_folder(run, tmp_path):
    from avsec.io.checklists import user_checklist_dir

    source = _checklist_with_id(tmp_path, "org.local-1")
    code, _, err = run("checklist", "add", source)
    assert code == 0, err
    assert (user_checklist_dir() / "org.local-1.yaml").read_bytes() == source.read_bytes()


@pytest.mark.parametrize("name", ["what?.avsec", "no#1.avsec", "100%.avsec", "a%20b?c#d.avsec"])
def test_file_names_with_uri_characters_open(run, tmp_path, name):
    path = tmp_path / name
    assert run("new", path, "--airport", "MHTG", "--checklist", MINI)[0] == 0
    code, out, err = run("edit", path, "--title", "Odd name")
    assert code == 0, err
    code, out, err = run("info", path)
    assert code == 0 and "Odd name" in out, err
    # Nothing was created under the name cut at the special character.
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".avsec" or "?" in p.name) == [
        name
    ]


def test_a_read_only_file_reads_but_refuses_edits(cli, run, mini_file, tmp_path):
    os.chmod(mini_file, stat.S_IRUSR | stat.S_IRGRP)
    try:
        before = digest(mini_file)
        assert run("info", mini_file)[0] == 0
        assert run("report", mini_file, "-o", tmp_path / "r.pdf")[0] == 0
        done = cli("edit", mini_file, "--title", "changed")
        assert done.returncode == 2
        assert "read-only; nothing was changed" in one_line(done.stderr)
        assert digest(mini_file) == before
        assert not Path(str(mini_file) + "-journal").exists()
    finally:
        os.chmod(mini_file, stat.S_IRUSR | stat.S_IWUSR)
