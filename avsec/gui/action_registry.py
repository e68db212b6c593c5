"""One registry of every user action: it builds the menus and toolbars and keeps shortcuts.

Each action is declared once (:class:`ActionSpec`) with its English text, menu, shortcuts,
toolbar and scope. Scopes switch whole groups on and off: checklist keys 1-5 and J/K only act
while the checklist is shown, map keys only on the map, so a stray key never edits a view the
user cannot see.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QMenu, QMenuBar, QToolBar, QToolButton, QWidget

from avsec.gui.i18n import tr
from avsec.gui.labels import MENUS


class ActionSpec(NamedTuple):
    """Declaration of one action.

    Parameters
    ----------
    key
        Stable id ("file.open").
    text
        English text (translated with :func:`tr` when shown).
    menu
        English menu title from :data:`MENUS`, or "" for no menu.
    shortcuts
        Key sequences; the first is shown in the menu.
    toolbar
        Name of the toolbar that shows it ("" for none).
    scope
        "app" (always), "file" (an assessment is open), "walker", "map" or "outline".
    checkable
        A toggle (map tools, layers).
    separator
        Put a separator before it in its menu.
    tip
        English tooltip / status tip.
    """

    key: str
    text: str
    menu: str = ""
    shortcuts: tuple[str, ...] = ()
    toolbar: str = ""
    scope: str = "app"
    checkable: bool = False
    separator: bool = False
    tip: str = ""


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
        #: Actions created elsewhere (QUndoGroup) whose text the registry must not touch.
        self._external: set[str] = set()
        self._scope_state: dict[str, bool] = {"app": True}

    def add(
        self,
        spec: ActionSpec,
        handler: Callable[..., object] | None = None,
        icon: QIcon | None = None,
        action: QAction | None = None,
    ) -> QAction:
        """Declare an action and connect ``handler`` to its ``triggered`` signal.

        ``action`` adopts an existing QAction (undo/redo from a QUndoGroup) instead of making
        one; its text then stays under its creator's control.
        """
        if spec.key in self._specs:
            raise ValueError(f"action {spec.key!r} declared twice")
        if action is None:
            action = QAction(self._window)
            action.setText(tr(spec.text))
        else:
            self._external.add(spec.key)
        action.setObjectName(spec.key)
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(spec.checkable)
        if spec.tip:
            action.setStatusTip(tr(spec.tip))
            action.setToolTip(tr(spec.tip))
        if icon is not None:
            action.setIcon(icon)
        if handler is not None:
            action.triggered.connect(handler)
        # Actions without a menu still need to live in the window to fire their shortcuts.
        self._window.addAction(action)
        action.setEnabled(self._scope_state.get(spec.scope, False))
        self._specs[spec.key] = spec
        self._actions[spec.key] = action
        return action

    def action(self, key: str) -> QAction:
        """The QAction declared under ``key``."""
        return self._actions[key]

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
                if spec.separator and toolbar.actions():
                    toolbar.addSeparator()
                toolbar.addAction(self._actions[spec.key])

    def build_buttons(self, layout: QBoxLayout, name: str) -> list[QToolButton]:
        """Add a tool button per action of toolbar ``name`` to ``layout`` (a left-aligned
        palette; a vertical QToolBar would centre them)."""
        buttons = []
        for spec in self._specs.values():
            if spec.toolbar != name:
                continue
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

    def actions_for_toolbar(self, name: str) -> list[QAction]:
        """The actions declared for toolbar ``name``."""
        return [self._actions[s.key] for s in self._specs.values() if s.toolbar == name]

    def retranslate(self) -> None:
        """Re-apply the translated texts (after a language change)."""
        for key, spec in self._specs.items():
            action = self._actions[key]
            if key not in self._external:
                action.setText(tr(spec.text))
            if spec.tip:
                action.setStatusTip(tr(spec.tip))
                action.setToolTip(tr(spec.tip))
        for title, menu in self._menus.items():
            menu.setTitle(tr(title))

    def set_scope(self, scope: str, enabled: bool) -> None:
        """Enable or disable every action of ``scope``."""
        self._scope_state[scope] = enabled
        for key, spec in self._specs.items():
            if spec.scope == scope and key not in self._external:
                self._actions[key].setEnabled(enabled)

    def scope_enabled(self, scope: str) -> bool:
        """Whether the actions of ``scope`` are on."""
        return self._scope_state.get(scope, False)

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
