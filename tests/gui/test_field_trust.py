"""Trust in the field: the recorded status is unmistakable and keys never land in a note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import status


def _relative_luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance, written out from the definition."""
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_relative_luminance(a), _relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_published_examples():
    # WebAIM's checker: white on #767676 is 4.54:1, black on white 21:1.
    assert abs(_contrast("#767676", "#ffffff") - 4.54) < 0.01
    assert abs(_contrast("#000000", "#ffffff") - 21.0) < 0.01


def _mean_grey(widget) -> float:
    image = widget.grab().toImage()
    total = 0
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = image.pixelColor(x, y)
            total += 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()
            count += 1
    return total / count


def test_selected_status_button_is_filled_with_white_text(qtbot, opened):
    from avsec.gui.style import STATUS_FILLS

    selector = opened.workspace.walker.page.status
    for status_name, fill in STATUS_FILLS.items():
        assert _contrast(fill, "#ffffff") >= 4.5, status_name
    opened.session.set_status("PER-01", "partially_compliant")
    checked = selector.buttons["partially_compliant"]
    plain = selector.buttons["compliant"]
    assert checked.isChecked() and not plain.isChecked()
    # In greyscale, the filled button is much darker than a plain one.
    assert _mean_grey(plain) - _mean_grey(checked) > 60
    # The filled button's pixels are mostly its status colour.
    image = checked.grab().toImage()
    centre = image.pixelColor(image.width() - 6, image.height() // 2)
    assert centre.name() == STATUS_FILLS["partially_compliant"]


def test_list_icon_uses_the_status_fill(qtbot, opened):
    from avsec.gui.icons import status_icon
    from avsec.gui.style import STATUS_FILLS

    image = status_icon("not_compliant").pixmap(32, 32).toImage()
    assert image.pixelColor(6, 16).name() == STATUS_FILLS["not_compliant"]


def test_moving_on_leaves_the_notes_and_keys_act_on_the_checklist(qtbot, opened):
    walker = opened.workspace.walker
    opened.activateWindow()
    walker.select_item("PER-01")
    walker.page.notes.setFocus()
    qtbot.waitUntil(walker.page.notes.hasFocus)
    qtbot.keyClicks(walker.page.notes, "Fence ok")
    qtbot.keyClick(walker.page.notes, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert walker.current_item_id() == "PER-02"
    assert not walker.page.notes.hasFocus()
    for key in (Qt.Key.Key_1, Qt.Key.Key_J, Qt.Key.Key_2):
        qtbot.keyClick(QApplication.focusWidget(), key)
    assert opened.session.response("PER-01").notes == "Fence ok"
    assert status(opened, "PER-01") == "not_assessed"
    assert status(opened, "PER-02") == "compliant"
    assert status(opened, "PER-03") == "partially_compliant"
    assert opened.session.response("PER-02").notes == ""
    assert opened.session.response("PER-03").notes == ""
    assert walker.page.notes.toPlainText() == ""


def test_escape_leaves_the_notes(qtbot, opened):
    walker = opened.workspace.walker
    opened.activateWindow()
    walker.page.notes.setFocus()
    qtbot.waitUntil(walker.page.notes.hasFocus)
    qtbot.keyClicks(walker.page.notes, "Gate 2")
    qtbot.keyClick(walker.page.notes, Qt.Key.Key_Escape)
    assert not walker.page.notes.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)
    assert status(opened, "PER-01") == "not_compliant"
    assert opened.session.response("PER-01").notes == "Gate 2"


def test_status_buttons_take_focus_and_have_accessible_names(qtbot, opened):
    selector = opened.workspace.walker.page.status
    for button in selector.buttons.values():
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert button.accessibleName().startswith("Status: ")
    button = selector.buttons["not_applicable"]
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert status(opened, "PER-01") == "not_applicable"


def test_the_chosen_status_is_never_cut_short(qtbot, opened):
    """A filled button's bold label fits: text + icon + padding + border (stylesheet sizes)."""
    from PySide6.QtGui import QFontMetrics

    from avsec.gui.i18n import set_language
    from avsec.gui.status_selector import StatusSelector

    for lang in ("en", "es", "pt", "fr"):
        set_language(lang)
        selector = StatusSelector()
        qtbot.addWidget(selector)
        selector.resize(760, 120)
        selector.show()
        for status_name, button in selector.buttons.items():
            selector.set_status(status_name)
            bold = button.font()
            bold.setBold(True)
            needed = QFontMetrics(bold).horizontalAdvance(button.text()) + 18 + 2 * 8 + 2 * 2
            assert button.width() >= needed, (lang, button.text(), button.width(), needed)
