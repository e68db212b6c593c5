"""``avsec report FILE -o OUT.pdf [--lang en|es] [--password PW]``."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from avsec.core.assessment import DEFAULT_MARKING, Response, Status
from avsec.core.commands import Batch, SetResponse
from avsec.core.errors import ChecklistError
from avsec.store import AvsecFile


def qpdf_ok(path: Path, password: str | None = None) -> bool:
    if shutil.which("qpdf") is None:
        pytest.skip("qpdf is not installed")
    command = ["qpdf", "--check", str(path)]
    if password:
        command.insert(1, f"--password={password}")
    return subprocess.run(command, capture_output=True, check=False).returncode == 0


def text_of(reader: PdfReader) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


@pytest.fixture
def answered(mini_file: Path) -> Path:
    """The mini assessment with two gaps and a photo on one of them."""
    image = Image.new("RGB", (1600, 1200), (120, 140, 160))
    jpeg = io.BytesIO()
    image.save(jpeg, "JPEG")
    with AvsecFile.open(mini_file) as f:
        photo = f.add_attachment(jpeg.getvalue(), filename="gate.jpg")
        commands = [
            SetResponse(
                "PER-01",
                None,
                Response(
                    item_id="PER-01", status=Status.NOT_COMPLIANT, notes="Gap", photos=[photo]
                ),
            ),
            SetResponse(
                "ACP-01", None, Response(item_id="ACP-01", status=Status.PARTIALLY_COMPLIANT)
            ),
        ]
        f.apply(Batch("answer", commands))
    return mini_file


def test_report_in_english(run, answered, tmp_path):
    out = tmp_path / "report.pdf"
    code, stdout, stderr = run("report", answered, "-o", out)
    assert code == 0, stderr
    assert f"wrote {out}" in stdout
    assert qpdf_ok(out)
    reader = PdfReader(out)
    whole = text_of(reader)
    assert "1 Executive summary" in whole and "gate.jpg" in whole
    assert whole.count(DEFAULT_MARKING["en"]) >= 2 * len(reader.pages)
    assert not list(tmp_path.glob(".*.part"))


def test_report_in_spanish_with_password(run, answered, tmp_path):
    out = tmp_path / "informe.pdf"
    code, stdout, stderr = run("report", answered, "-o", out, "--lang", "es", "--password", "clave")
    assert code == 0, stderr
    assert "AES-256" in stdout
    assert qpdf_ok(out, "clave")
    reader = PdfReader(out)
    assert reader.is_encrypted and reader.decrypt("clave")
    whole = text_of(reader)
    assert "1 Resumen ejecutivo" in whole and "Página 1 de" in whole
    assert DEFAULT_MARKING["es"] in whole


def test_report_without_the_provision_catalogue(run, answered, tmp_path, monkeypatch):
    import avsec.io.checklists as checklists

    def broken() -> None:
        raise ChecklistError(["provisions.yaml: broken"])

    monkeypatch.setattr(checklists, "load_catalogue", broken)
    out = tmp_path / "report.pdf"
    code, _, stderr = run("report", answered, "-o", out)
    assert code == 0
    assert "warning: provision catalogue not loaded" in stderr
    assert "A17:4.2.1" in text_of(PdfReader(out))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "{tmp}/report.txt"], "written as .pdf"),
        (["-o", "{tmp}/no/such/folder/report.pdf"], "does not exist"),
        (["-o", "{tmp}/report.pdf", "--password", ""], "must not be empty"),
    ],
)
def test_bad_arguments_give_one_line(run, answered, tmp_path, args, message):
    code, _, stderr = run("report", answered, *[a.format(tmp=tmp_path) for a in args])
    assert code == 2
    assert message in stderr and len(stderr.strip().splitlines()) == 1


def test_not_an_avsec_file(run, tmp_path):
    bogus = tmp_path / "x.avsec"
    bogus.write_text("hello")
    code, _, stderr = run("report", bogus, "-o", tmp_path / "r.pdf")
    assert code == 2 and "not an .avsec file" in stderr
    assert not (tmp_path / "r.pdf").exists()


def test_password_prompt_must_match(tmp_path, monkeypatch) -> None:
    import getpass

    from avsec.cli import main

    answers = iter(["first-secret", "other-secret"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    path = tmp_path / "a.avsec"
    assert main(["new", str(path), "--airport", "MHTG"]) == 0
    out = tmp_path / "r.pdf"
    assert main(["report", str(path), "-o", str(out), "--password", "-"]) == 2
    assert not out.exists()
