"""Caption, rotate and mark up a photo (arrow, circle, text) for the report.

The dialog edits a description of the marked-up copy (caption, quarter turns, marks in
fractions of the picture); OK makes it one undoable command. The store draws the marks on the
photo's report copy and thumbnail; the original bytes are never changed.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QTransform,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from avsec.core.document import Mark
from avsec.core.textlimits import MAX_FIELD_CHARS
from avsec.gui.i18n import tr
from avsec.gui.session import Session
from avsec.gui.thumbnails import decode_image

#: The picture is decoded at most this large for editing (the marks are fractions anyway).
_EDIT_SIDE = 900
#: The marks' colour on screen: the one the store draws (avsec/store/photo_markup.py).
_MARK_COLOUR = QColor(230, 25, 40)


class MarkupCanvas(QWidget):
    """The rotated picture with its marks; press and release draw an arrow or a circle, a
    click places a text."""

    #: The marks changed (added, removed).
    marks_changed = Signal()

    def __init__(self, picture: QPixmap, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("markup-canvas")
        self.setAccessibleName(tr("Photo to mark up"))
        self.picture = picture
        self.rotation = 0
        self.marks: list[Mark] = []
        self.tool = "arrow"
        self._pressed: QPointF | None = None
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def rotated(self) -> QPixmap:
        """The picture turned by :attr:`rotation` (clockwise degrees)."""
        if not self.rotation:
            return self.picture
        return self.picture.transformed(QTransform().rotate(self.rotation))

    def picture_rect(self) -> QRectF:
        """Where the picture is drawn: fitted and centred in the widget."""
        picture = self.rotated()
        if picture.isNull() or picture.width() == 0:
            return QRectF(self.rect())
        scale = min(self.width() / picture.width(), self.height() / picture.height())
        w, h = picture.width() * scale, picture.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def to_fraction(self, point: QPointF) -> tuple[float, float]:
        """A widget point as fractions of the picture (clamped to it)."""
        rect = self.picture_rect()
        x = (point.x() - rect.left()) / max(rect.width(), 1.0)
        y = (point.y() - rect.top()) / max(rect.height(), 1.0)
        return min(1.0, max(0.0, x)), min(1.0, max(0.0, y))

    def to_widget(self, x: float, y: float) -> QPointF:
        """Fractions of the picture as a widget point."""
        rect = self.picture_rect()
        return QPointF(rect.left() + x * rect.width(), rect.top() + y * rect.height())

    def add_mark(self, mark: Mark) -> None:
        """Add a mark (drawn at once)."""
        self.marks.append(mark)
        self.update()
        self.marks_changed.emit()

    def ask_text(self) -> str:
        """The text of a text mark (a dialog; tests replace it)."""
        text, ok = QInputDialog.getText(self, tr("Text on the photo"), tr("Text:"))
        return text.strip()[:MAX_FIELD_CHARS] if ok else ""

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = event.position()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton or self._pressed is None:
            return
        start, self._pressed = self._pressed, None
        x0, y0 = self.to_fraction(start)
        x1, y1 = self.to_fraction(event.position())
        if self.tool == "text":
            text = self.ask_text()
            if text:
                self.add_mark(Mark(kind="text", x0=x0, y0=y0, text=text))
            return
        if math.hypot(event.position().x() - start.x(), event.position().y() - start.y()) < 6:
            return  # a click, not a drag: nothing to draw
        self.add_mark(Mark(kind=self.tool, x0=x0, y0=y0, x1=x1, y1=y1))  # type: ignore[arg-type]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#263238"))
        rect = self.picture_rect()
        painter.drawPixmap(rect, self.rotated(), QRectF(self.rotated().rect()))
        side = max(rect.width(), rect.height())
        pen = QPen(_MARK_COLOUR, max(2.0, side / 200))
        painter.setPen(pen)
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(max(12, round(side / 28)))
        painter.setFont(font)
        for mark in self.marks:
            a, b = self.to_widget(mark.x0, mark.y0), self.to_widget(mark.x1, mark.y1)
            if mark.kind == "circle":
                painter.drawEllipse(QRectF(a, b).normalized())
            elif mark.kind == "arrow":
                painter.drawLine(a, b)
                head = max(8.0, side / 40)
                angle = math.atan2(b.y() - a.y(), b.x() - a.x())
                for turn in (math.pi * 5 / 6, -math.pi * 5 / 6):
                    painter.drawLine(
                        b,
                        QPointF(
                            b.x() + head * math.cos(angle + turn),
                            b.y() + head * math.sin(angle + turn),
                        ),
                    )
            else:
                painter.drawText(QRectF(a, QPointF(rect.right(), rect.bottom())), mark.text)
        painter.end()


class PhotoEditor(QDialog):
    """Edit one photo's caption, rotation and markup; OK records it as one undoable edit."""

    def __init__(self, session: Session, attachment_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("photo-editor")
        self.session = session
        self.attachment_id = attachment_id
        info = session.attachment(attachment_id)
        name = info.filename if info is not None else attachment_id[:12]
        self.setWindowTitle(tr("Edit photo {name}").format(name=name))
        image = decode_image(session.file.attachment_bytes(attachment_id) or b"", _EDIT_SIDE)
        self.canvas = MarkupCanvas(QPixmap.fromImage(image), self)
        if info is not None:
            self.canvas.rotation = info.rotation
            self.canvas.marks = list(info.marks)

        tools = QHBoxLayout()
        self.tool_group = QButtonGroup(self)
        self.tool_buttons: dict[str, QPushButton] = {}
        for key, text in (("arrow", tr("Arrow")), ("circle", tr("Circle")), ("text", tr("Text"))):
            button = QPushButton(text, self)
            button.setObjectName(f"markup-{key}")
            button.setCheckable(True)
            button.setToolTip(
                tr("Draw on the copy: drag for an arrow or a circle, click for a text")
            )
            button.clicked.connect(lambda _=False, k=key: self.set_tool(k))
            self.tool_group.addButton(button)
            self.tool_buttons[key] = button
            tools.addWidget(button)
        self.tool_buttons["arrow"].setChecked(True)
        tools.addSpacing(12)
        self.rotate_left = QPushButton(tr("Rotate left"), self)
        self.rotate_left.setObjectName("rotate-left")
        self.rotate_left.clicked.connect(lambda: self.rotate(-1))
        self.rotate_right = QPushButton(tr("Rotate right"), self)
        self.rotate_right.setObjectName("rotate-right")
        self.rotate_right.clicked.connect(lambda: self.rotate(1))
        self.undo_mark = QPushButton(tr("Remove last mark"), self)
        self.undo_mark.setObjectName("remove-last-mark")
        self.undo_mark.clicked.connect(self.remove_last_mark)
        for button in (self.rotate_left, self.rotate_right, self.undo_mark):
            tools.addWidget(button)
        tools.addStretch(1)

        self.caption = QLineEdit(self)
        self.caption.setObjectName("photo-caption")
        self.caption.setMaxLength(MAX_FIELD_CHARS)
        self.caption.setPlaceholderText(tr("What the photo shows (printed under it in the report)"))
        self.caption.setText(info.caption if info is not None else "")
        caption_label = QLabel(tr("Caption"), self)
        caption_label.setBuddy(self.caption)
        self.caption.setAccessibleName(tr("Caption"))
        note = QLabel(
            tr(
                "The marks are drawn on a copy for the report; the original photo is kept as taken."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6b73;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.canvas.marks_changed.connect(self._update_buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.canvas, 1)
        row = QHBoxLayout()
        row.addWidget(caption_label)
        row.addWidget(self.caption, 1)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(820, 640)
        self._update_buttons()

    def set_tool(self, tool: str) -> None:
        """Draw arrows, circles or texts."""
        self.canvas.tool = tool
        self.tool_buttons[tool].setChecked(True)

    def rotate(self, quarter_turns: int) -> None:
        """Turn the picture by quarter turns (clockwise positive). Marks stay on the picture
        as drawn, so turning clears them: they would point elsewhere."""
        self.canvas.rotation = (self.canvas.rotation + 90 * quarter_turns) % 360
        self.canvas.marks = []
        self.canvas.update()
        self._update_buttons()

    def remove_last_mark(self) -> None:
        """Take the last mark off."""
        if self.canvas.marks:
            self.canvas.marks.pop()
            self.canvas.update()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.undo_mark.setEnabled(bool(self.canvas.marks))

    def accept(self) -> None:
        """Record the caption, rotation and marks as one undoable edit."""
        from avsec.core.errors import AvsecError
        from avsec.gui.dialogs import show_error

        try:
            self.session.edit_photo(
                self.attachment_id,
                caption=self.caption.text().strip(),
                rotation=self.canvas.rotation,
                marks=list(self.canvas.marks),
            )
        except AvsecError as exc:
            show_error(self, tr("Cannot save the photo"), exc)
            return
        super().accept()
