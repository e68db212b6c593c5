"""Encrypted assessments in the app: the passphrase dialog, the start page, thumbnails."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from avsec.core.assessment import Assessment
from avsec.gui.passphrase_dialog import PassphraseDialog, ask_passphrase
from avsec.store import AvsecFile, crypto
from avsec.store.crypto import PassphraseError

PASSPHRASE = "app side secret"


@pytest.fixture
def encrypted_with_photo(tmp_path: Path, mini_checklist, airport) -> tuple[Path, str]:
    path = tmp_path / "locked.avsec"
    assessment = Assessment(
        airport=airport, checklist_id=mini_checklist.id, checklist_version=mini_checklist.version
    )
    image = io.BytesIO()
    Image.new("RGB", (400, 300), (200, 30, 30)).save(image, "JPEG")
    with AvsecFile.create(path, assessment, mini_checklist, passphrase=PASSPHRASE) as f:
        photo = f.add_attachment(image.getvalue(), filename="gate.jpg")
    crypto.forget()
    return path, photo


@pytest.fixture
def window(qtbot, tmp_path):
    from avsec.gui.main_window import MainWindow
    from avsec.gui.settings import Preferences

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Preferences(settings))
    qtbot.addWidget(window)
    return window


def test_the_dialog_needs_the_same_passphrase_twice_when_confirming(qtbot) -> None:
    dialog = PassphraseDialog("new.avsec", confirm=True)
    qtbot.addWidget(dialog)
    dialog.passphrase_edit.setText("one")
    dialog.repeat_edit.setText("two")
    dialog.accept()
    assert dialog.result() != PassphraseDialog.DialogCode.Accepted
    assert dialog.problem.text() == "The two passphrases differ."
    dialog.repeat_edit.setText("one")
    dialog.accept()
    assert dialog.result() == PassphraseDialog.DialogCode.Accepted
    assert dialog.passphrase() == "one"
    assert dialog.passphrase_edit.echoMode() == dialog.passphrase_edit.EchoMode.Password


def test_the_dialog_refuses_an_empty_passphrase(qtbot) -> None:
    dialog = PassphraseDialog("locked.avsec")
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != PassphraseDialog.DialogCode.Accepted
    assert "locked.avsec" in dialog.findChildren(type(dialog.problem))[0].text()


def test_offscreen_the_app_refuses_instead_of_blocking(qtbot) -> None:
    with pytest.raises(PassphraseError, match="locked.avsec: encrypted; set AVSEC_PASSPHRASE"):
        ask_passphrase(Path("locked.avsec"), False)


def test_the_app_opens_an_encrypted_file_and_its_thumbnails(
    qtbot, window, encrypted_with_photo, monkeypatch
) -> None:
    from avsec.gui.thumbnails import ThumbnailCache

    path, photo = encrypted_with_photo
    monkeypatch.setenv(crypto.PASSPHRASE_VARIABLE, PASSPHRASE)
    assert window.open_file(path)
    assert window.session.file.encrypted
    monkeypatch.delenv(crypto.PASSPHRASE_VARIABLE)  # the thumbnails use the kept passphrase
    cache = ThumbnailCache(path, size=64)
    with qtbot.waitSignal(cache.ready, timeout=10_000):
        assert cache.get(photo) is None
    pixmap = cache.get(photo)
    assert pixmap is not None and max(pixmap.width(), pixmap.height()) == 64
    cache.shutdown()


def test_a_wrong_passphrase_is_a_dialog_and_opens_nothing(
    qtbot, window, encrypted_with_photo, monkeypatch
) -> None:
    path, _ = encrypted_with_photo
    before = path.read_bytes()
    monkeypatch.setenv(crypto.PASSPHRASE_VARIABLE, "guess")
    assert not window.open_file(path)
    assert window.session is None
    boxes = [w for w in window.findChildren(QMessageBox) if w.objectName() == "error-box"]
    assert boxes and "wrong passphrase" in boxes[-1].text()
    assert path.read_bytes() == before


def test_the_start_page_says_which_files_are_encrypted(
    qtbot, window, encrypted_with_photo, tmp_path, mini_checklist, airport
) -> None:
    path, _ = encrypted_with_photo
    plain = tmp_path / "plain.avsec"
    assessment = Assessment(
        airport=airport, checklist_id=mini_checklist.id, checklist_version=mini_checklist.version
    )
    AvsecFile.create(plain, assessment, mini_checklist).close()
    window.preferences.add_recent_file(plain)
    window.preferences.add_recent_file(path)
    window.start_page.refresh_recent()
    rows = window.start_page.recent_list
    labels = {rows.item(i).text().split("\n")[0]: rows.item(i).text() for i in range(rows.count())}
    assert "(encrypted)" in labels["locked.avsec"]
    assert "(encrypted)" not in labels["plain.avsec"]
