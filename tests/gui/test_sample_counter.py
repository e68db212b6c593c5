"""The walker's sample counter and the photo's "Shows" chooser (pytest-qt)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import make_photo, status
from tests.sampling import sampling_file


def _open_sampled(window, tmp_path):
    f = sampling_file(tmp_path)
    path = f.path
    f.close()
    assert window.open_file(path)
    return window.workspace.walker


def _show(window, walker, item_id):
    walker.tree.select_item(item_id)
    assert walker.page.item_id == item_id


def test_the_counter_shows_only_on_items_that_sample(window, tmp_path):
    walker = _open_sampled(window, tmp_path)
    page = walker.page
    _show(window, walker, "PER-01")
    assert page.sample.isHidden()
    _show(window, walker, "ACP-01")
    assert not page.sample.isHidden()
    assert page.sample.label.text() == "Sample: ID cards"
    assert page.sample.checked.accessibleName() == "Number checked (ID cards)"
    assert page.sample.failures.accessibleName() == "Failures (ID cards)"
    _show(window, walker, "ACP-02")
    assert page.sample.checked.accessibleName() == "Number checked (Vehicles)"


def test_typing_counts_records_one_undoable_edit_and_suggests(qtbot, window, tmp_path):
    walker = _open_sampled(window, tmp_path)
    page = walker.page
    _show(window, walker, "ACP-01")  # weight 3: any failure suggests not compliant
    window.activateWindow()
    page.sample.checked.setFocus()
    qtbot.waitUntil(page.sample.checked.hasFocus)
    page.sample.checked.selectAll()
    # Digits typed into the box are counts, never the status keys 1-5.
    qtbot.keyClicks(page.sample.checked, "12")
    qtbot.keyClick(page.sample.checked, Qt.Key.Key_Tab)  # leaving the box writes at once
    assert page.sample.failures.hasFocus()  # the keyboard reaches the failures next
    page.sample.failures.selectAll()
    qtbot.keyClicks(page.sample.failures, "3")
    qtbot.keyClick(page.sample.failures, Qt.Key.Key_Return)
    response = window.session.response("ACP-01")
    assert response is not None and (response.sample_size, response.failures) == (12, 3)
    assert status(window, "ACP-01") == "not_assessed"  # a suggestion, not an answer
    assert page.suggestion.text() == "Suggested status: Not compliant"
    assert page.use_suggestion.isVisibleTo(page)
    page.use_suggestion.click()
    assert status(window, "ACP-01") == "not_compliant"
    # Undo the status, then the failures: the counter follows the file.
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    assert window.session.response("ACP-01").failures == 0
    assert page.sample.counts() == (12, 0)
    assert page.suggestion.text() == "Suggested status: Compliant"


def test_the_inspectors_answer_wins(window, tmp_path):
    walker = _open_sampled(window, tmp_path)
    page = walker.page
    _show(window, walker, "ACP-02")  # weight 2: a failure suggests partially compliant
    window.session.set_status("ACP-02", "compliant")
    window.session.set_sample("ACP-02", 20, 2)
    assert status(window, "ACP-02") == "compliant"
    assert page.suggestion.text() == "Suggested status: Partially compliant"
    assert page.sample.failures.maximum() == 20  # never more failures than checked


def test_stepping_with_the_arrows_is_one_edit(qtbot, window, tmp_path):
    walker = _open_sampled(window, tmp_path)
    page = walker.page
    _show(window, walker, "ACP-01")
    count = window.session.undo_stack.count()
    for _ in range(5):
        page.sample.checked.stepUp()
    qtbot.waitUntil(lambda: window.session.response("ACP-01") is not None, timeout=3000)
    assert window.session.response("ACP-01").sample_size == 5
    assert window.session.undo_stack.count() == count + 1
    assert window.session.undo_stack.undoText() == "Record sample of ACP-01"


def test_the_counter_in_spanish(window, tmp_path):
    from avsec.gui.i18n import set_language

    set_language("es")
    walker = _open_sampled(window, tmp_path)
    _show(window, walker, "ACP-01")
    assert walker.page.sample.label.text() == "Muestra: Tarjetas de identificación"
    assert walker.page.sample.checked.accessibleName() == (
        "Cantidad verificada (Tarjetas de identificación)"
    )


def test_the_photo_viewer_shows_the_link_and_changes_it(window, tmp_path):
    from avsec.core.commands import add_feature
    from avsec.core.layout import Feature
    from avsec.gui.photo_viewer import PhotoViewer

    walker = _open_sampled(window, tmp_path)
    session = window.session
    for fid, lat in (("gate-1", 10.0001), ("gate-2", 10.002)):
        session.push(
            add_feature(
                Feature(
                    id=fid,
                    kind="access_point",
                    geometry={"type": "Point", "coordinates": [-80.0, lat]},
                    properties={"name": fid.replace("-", " ").title()},
                )
            )
        )
    _show(window, walker, "ACP-01")
    attachment_id = session.add_photo("ACP-01", make_photo(tmp_path / "g.jpg", lon=-80.0, lat=10.0))
    tip = walker.page.photos.list.item(0).toolTip()
    assert "Shows: Gate 1 (access point)" in tip.splitlines()
    viewer = PhotoViewer(session, attachment_id, walker)
    field = viewer.link
    assert field.current_link() == ("feature", "gate-1")
    assert field.choice.currentText() == "Gate 1 · access point · 11 m"
    assert field.choice.accessibleName() == "What the photo shows"
    index = field.choice.findData("feature:gate-2")
    field.choice.setCurrentIndex(index)
    field.choice.activated.emit(index)
    assert session.attachment(attachment_id).link.id == "gate-2"
    assert session.undo_stack.undoText() == "Link photo g.jpg to gate-2"
    session.undo_stack.undo()
    assert field.current_link() == ("feature", "gate-1")
    field.choice.setCurrentIndex(0)
    field.choice.activated.emit(0)
    assert session.attachment(attachment_id).link is None
    # Closed and deleted, the viewer no longer listens: later edits reach no dead widget.
    viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    viewer.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    session.undo_stack.undo()
    assert session.attachment(attachment_id).link.id == "gate-1"
