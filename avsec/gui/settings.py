"""User preferences (language, name, recent files, last folder) over QSettings.

The settings object is injected so tests keep theirs in tmp_path:
``Preferences(QSettings(str(tmp_path / "avsec.ini"), QSettings.Format.IniFormat))``.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from avsec.core.i18n import NUMBER_FORMATS

MAX_RECENT = 10


def default_settings() -> QSettings:
    """The user's settings store (an INI file under the user's config folder).

    ``AVSEC_SETTINGS`` names another INI file (benchmarks and the screenshot script use it so
    they never touch the user's own recent-files list).
    """
    override = os.environ.get("AVSEC_SETTINGS")
    if override:
        return QSettings(override, QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "avsec", "avsec")


class Preferences:
    """Typed access to the settings the app keeps between sessions.

    Parameters
    ----------
    settings
        Where to keep them; :func:`default_settings` when None.
    read_only
        Read the settings but never write them (``avsec gui FILE --screenshot``: rendering a
        picture must not put the file in the user's recent files nor change any setting).
    """

    def __init__(self, settings: QSettings | None = None, *, read_only: bool = False):
        self.settings = settings if settings is not None else default_settings()
        self.read_only = read_only

    def _write(self, key: str, value: object, sync: bool = True) -> None:
        if self.read_only:
            return
        self.settings.setValue(key, value)
        if sync:
            self.settings.sync()

    def _text(self, key: str, default: str = "") -> str:
        value = self.settings.value(key, default)
        return value if isinstance(value, str) else default

    @property
    def language(self) -> str:
        """GUI and checklist language (en, es, pt, fr; "" until chosen)."""
        from avsec.io.translations import offered_languages

        value = self._text("language", "")
        return value if value in offered_languages() else ""

    @language.setter
    def language(self, value: str) -> None:
        self._write("language", value)

    @property
    def number_format(self) -> str:
        """How numbers are written: a Babel locale (es_MX: 1,234.5; es_AR: 1.234,5), or "" to
        follow the language; one of :data:`avsec.core.i18n.NUMBER_FORMATS`."""
        value = self._text("number_format", "")
        return value if value in NUMBER_FORMATS else ""

    @number_format.setter
    def number_format(self, value: str) -> None:
        self._write("number_format", value if value in NUMBER_FORMATS else "")

    @property
    def user_name(self) -> str:
        """Name written in the changes journal (the login name when empty)."""
        return self._text("user_name")

    @user_name.setter
    def user_name(self, value: str) -> None:
        self._write("user_name", value.strip())

    @property
    def last_folder(self) -> str:
        """Folder the last file dialog ended in."""
        folder = self._text("last_folder")
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._write("last_folder", value, sync=False)

    @property
    def map_labels(self) -> bool:
        """Whether the map writes each feature's name beside it (View > Feature labels)."""
        value = self.settings.value("map_labels", False)
        return value is True or str(value).lower() == "true"

    @map_labels.setter
    def map_labels(self, value: bool) -> None:
        self._write("map_labels", bool(value))

    def recent_files(self) -> list[str]:
        """Recently opened assessment files, newest first."""
        value = self.settings.value("recent_files", [])
        if isinstance(value, str):  # QSettings returns a lone string for one-element lists
            value = [value]
        values = value if isinstance(value, list | tuple) else []
        return [str(v) for v in values if v][:MAX_RECENT]

    def add_recent_file(self, path: str | Path) -> None:
        """Put ``path`` first in the recent files."""
        path = str(Path(path).resolve())
        files = [path, *(f for f in self.recent_files() if f != path)][:MAX_RECENT]
        self._write("recent_files", files, sync=False)
        self._write("last_folder", str(Path(path).parent))

    def remove_recent_file(self, path: str) -> None:
        """Forget one recent file (it was moved or deleted)."""
        self._write("recent_files", [f for f in self.recent_files() if f != path])
