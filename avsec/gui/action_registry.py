"""The Qt side of the action table: QActions, menus, toolbars, scopes and the shortcut list.

What the actions are is data (:mod:`avsec.gui.actions`); this registry makes one QAction per
declaration and keeps them. Scopes switch whole groups on and off: checklist keys 1-5 and J/K
only act while the checklist is shown, map keys only on the map, so a stray key never edits a
view the user cannot see.

Cold start: icons are drawn when first needed (a menu about to show, a palette built, the
action asked for), and nothing here touches the ``Qt`` namespace while the window is set up:
its first use makes PySide build the Python types of all its enums, about 30 ms.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QMenu, QMenuBar, QToolBar, QToolButton, QWidget

from avsec.gui.actions import ActionSpec
from avsec.gui.i18n import tr
from avsec.gui.labels import MENUS


def _sentence_case(text: str) -> str:
    """Menu and button texts start with a capital ("Airside", "Access point"), whatever case
    the shared label table uses for running text."""
    return text[:1].upper() + text[1:]


class ActionRegistry(QObject):
    """Holds the QActions of a window and builds its menus and toolbars from them.

    Parameters
    ----------
    window
        The widget the actions belong to (their shortcuts act in its window).
    """

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window
        self._specs: dict[str, ActionSpec] = {}
        self._actions: dict[str, QAction] = {}
        self._menus: dict[str, QMenu] = {}
        self._groups: dict[str, QActionGroup] = {}
        self._scope_state: dict[str, bool] = {"app": True}
        #: Icons not drawn yet, by action key (see :meth:`add`).
        self._pending_icons: dict[str, Callable[[], QIcon]] = {}

    def add(
        self,
        spec: ActionSpec,
        handler: Callable[..., object] | None = None,
        icon: QIcon | Callable[[], QIcon] | None = None,
    ) -> QAction:
        """Make the QAction of ``spec`` and connect ``handler`` to its ``triggered`` signal.

        ``icon`` may be a function that draws it: it runs when the icon is first needed.
        """
        if spec.key in self._specs:
            raise ValueError(f"action {spec.key!r} declared twice")
        action = QAction(self._window)
        action.setText(_sentence_case(tr(spec.text)))
        action.setObjectName(spec.key)
        if spec.shortcuts:
            # A QAction's shortcuts act in its window (Qt.WindowShortcut) by default.
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        action.setCheckable(spec.checkable)
        self._set_tips(action, spec)
        if callable(icon):
            self._pending_icons[spec.key] = icon
        elif icon is not None:
            action.setIcon(icon)
        if spec.group:
            group = self._groups.get(spec.group)
            if group is None:
                group = self._groups[spec.group] = QActionGroup(self._window)
                group.setExclusive(True)
                action.setChecked(True)  # the first of a group is the one checked
            group.addAction(action)
        if handler is not None:
            action.triggered.connect(handler)
        # Actions without a menu still need to live in the window to fire their shortcuts.
        self._window.addAction(action)
        action.setEnabled(self._scope_state.get(spec.scope, False))
        self._specs[spec.key] = spec
        self._actions[spec.key] = action
        return action

    @staticmethod
    def tip_with_keys(action: QAction, text: str) -> str:
        """``text`` followed by the action's first shortcut: "Analyse (Ctrl+R)"."""
        keys = action.shortcuts()
        if not keys:
            return text
        shown = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
        return f"{text} ({shown})"

    def _set_tips(self, action: QAction, spec: ActionSpec) -> None:
        """Tooltip and status tip: the tip (or the text) with the shortcut, so the keys are
        learnt from the mouse; the accessible name is the plain text."""
        text = tr(spec.tip) if spec.tip else tr(spec.text).replace("&", "")
        if spec.tip:
            action.setStatusTip(tr(spec.tip))
        action.setToolTip(self.tip_with_keys(action, text))

    def action(self, key: str) -> QAction:
        """The QAction declared under ``key`` (its icon drawn)."""
        self._draw_icons([key])
        return self._actions[key]

    def _draw_icons(self, keys: list[str]) -> None:
        """Draw the pending icons of ``keys``."""
        for key in keys:
            draw = self._pending_icons.pop(key, None)
            if draw is not None:
                self._actions[key].setIcon(draw())

    def specs(self) -> list[ActionSpec]:
        """Every declaration in the order added."""
        return list(self._specs.values())

    def build_menus(self, menubar: QMenuBar) -> None:
        """Fill ``menubar`` with the declared actions, menu by menu."""
        menubar.clear()
        self._menus.clear()
        for title in MENUS:
            specs = [s for s in self._specs.values() if s.menu == title]
            if not specs:
                continue
            menu = menubar.addMenu(tr(title))
            menu.setObjectName("menu:" + title)
            self._menus[title] = menu
            keys = [spec.key for spec in specs]
            menu.aboutToShow.connect(lambda keys=keys: self._draw_icons(keys))
            for spec in specs:
                if spec.separator and not menu.isEmpty():
                    menu.addSeparator()
                menu.addAction(self._actions[spec.key])

    def menu(self, title: str) -> QMenu:
        """The built menu with English title ``title``."""
        return self._menus[title]

    def build_toolbar(self, toolbar: QToolBar, name: str) -> None:
        """Add the actions that name ``name`` as their toolbar."""
        toolbar.clear()
        for spec in self._specs.values():
            if spec.toolbar == name:
                self._draw_icons([spec.key])
                if spec.separator and toolbar.actions():
                    toolbar.addSeparator()
                toolbar.addAction(self._actions[spec.key])

    def build_buttons(self, layout: QBoxLayout, name: str) -> list[QToolButton]:
        """Add a tool button per action of toolbar ``name`` to ``layout`` (a left-aligned
        palette; a vertical QToolBar would centre them)."""
        from PySide6.QtCore import Qt

        buttons: list[QToolButton] = []
        for spec in self._specs.values():
            if spec.toolbar != name:
                continue
            self._draw_icons([spec.key])
            if spec.separator and buttons:
                layout.addSpacing(6)
            button = QToolButton(layout.parentWidget())
            button.setDefaultAction(self._actions[spec.key])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.setObjectName("button:" + spec.key)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            buttons.append(button)
        return buttons

    def retranslate(self) -> None:
        """Re-apply the translated texts (after a language change)."""
        for key, spec in self._specs.items():
            action = self._actions[key]
            action.setText(_sentence_case(tr(spec.text)))
            self._set_tips(action, spec)
        for title, menu in self._menus.items():
            menu.setTitle(tr(title))

    def set_scope(self, scope: str, enabled: bool) -> None:
        """Enable or disable every action of ``scope``."""
        self._scope_state[scope] = enabled
        for key, spec in self._specs.items():
            if spec.scope == scope:
                self._actions[key].setEnabled(enabled)

    def shortcut_table(self) -> list[tuple[str, str, str]]:
        """(menu, action text, shortcuts) rows for the keyboard help, translated."""
        rows = []
        for spec in self._specs.values():
            if not spec.shortcuts:
                continue
            keys = ", ".join(
                QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText)
                for s in spec.shortcuts
            )
            menu = tr(spec.menu).replace("&", "") if spec.menu else ""
            rows.append((menu, self._actions[spec.key].text().replace("&", ""), keys))
        return rows
