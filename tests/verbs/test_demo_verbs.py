"""avsec demo: builds the training airport and opens it, or writes its report headless."""

from __future__ import annotations

from pathlib import Path

import pytest

from avsec.verbs import demo as demo_verb
from avsec.workshop.demo import DEMO_FILE

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_starts_with_the_demo() -> None:
    text = README.read_text(encoding="utf-8")
    fence = text.index("```")
    first = text[fence:].splitlines()[1]
    assert first.split("#")[0].strip() == "pip install -e . && avsec demo --out avsec-demo"


@pytest.mark.parametrize(
    ("env", "platform", "expected"),
    [
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"DISPLAY": ""}, "linux", False),
        ({}, "darwin", True),
        ({}, "win32", True),
    ],
)
def test_has_display(env: dict[str, str], platform: str, expected: bool) -> None:
    assert demo_verb.has_display(env, platform) is expected


def test_no_gui_writes_the_report(tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPLAY", ":0")  # --no-gui wins even with a display
    monkeypatch.setattr(demo_verb, "_gui_runner", lambda: pytest.fail("the app must not start"))
    out = tmp_path / "avsec-demo"
    code, stdout, err = run("demo", "--out", out, "--no-gui")
    assert code == 0, err
    assert (out / DEMO_FILE).is_file()
    report = out / "report.pdf"
    assert report.read_bytes().startswith(b"%PDF")
    assert f"wrote {report}" in stdout


def test_without_display_writes_the_report(
    tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader

    monkeypatch.setattr(demo_verb.sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(demo_verb, "_gui_runner", lambda: pytest.fail("the app must not start"))
    out = tmp_path / "demo-es"
    code, stdout, err = run("demo", "--out", out, "--lang", "es")
    assert code == 0, err
    assert "sin pantalla" in stdout  # --lang es: the messages are Spanish too
    text = PdfReader(out / "report.pdf").pages[0].extract_text()
    assert "ZZEJ" in text and "RESTRINGIDO" in text


def test_with_display_opens_the_app(tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[tuple[Path, str]] = []
    monkeypatch.setattr(demo_verb.sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(
        demo_verb, "_gui_runner", lambda: lambda path, lang: opened.append((path, lang)) or 0
    )
    code, _, err = run("demo", "--out", tmp_path / "d")
    assert code == 0, err
    assert opened == [(tmp_path / "d" / DEMO_FILE, "en")]
    assert not (tmp_path / "d" / "report.pdf").exists()


def test_app_missing_falls_back_to_the_report(
    tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo_verb, "has_display", lambda *a, **k: True)
    monkeypatch.setattr(demo_verb, "_gui_runner", lambda: None)
    code, stdout, _ = run("demo", "--out", tmp_path / "d")
    assert code == 0
    assert "desktop app is not available" in stdout
    assert (tmp_path / "d" / "report.pdf").is_file()


def test_second_run_reuses_the_key_and_fresh_rebuilds_it(
    tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo_verb, "_gui_runner", lambda: pytest.fail("the app must not start"))
    out = tmp_path / "d"
    code, stdout, err = run("demo", "--out", out, "--no-gui")
    assert code == 0, err
    assert "built the training airport" in stdout
    key = out / DEMO_FILE
    data = key.read_bytes()
    code, stdout, err = run("demo", "--out", out, "--no-gui", "--lang", "es")
    assert code == 0, err
    assert f"se reutiliza el aeropuerto de capacitación en {key}" in stdout
    assert f"avsec demo --out {out} --fresh" in stdout  # how to rebuild
    assert "se creó en 'en'" in stdout
    assert key.read_bytes() == data
    code, stdout, err = run("demo", "--out", out, "--no-gui", "--fresh")
    assert code == 0, err
    backup = out / f"{DEMO_FILE}.bak"
    assert f"moved the previous key to {backup}" in stdout
    assert backup.read_bytes() == data and key.read_bytes() != data
