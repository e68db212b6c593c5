"""The File menu's dialogs: new, open, the training airport, and where a new file is saved.

The main window keeps the open session; this controller asks the user what to open or create
and hands the answer to :meth:`MainWindow.open_file` / :meth:`MainWindow.create_assessment`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from avsec.gui.i18n import N_, language, tr

if TYPE_CHECKING:
    from avsec.gui.main_window import MainWindow


class FileController:
    """File > New, Open, Open training airport, and the start page's requests."""

    def __init__(self, window: MainWindow):
        self.window = window

    def new(self) -> None:
        """Close the open assessment and show the start page's new-assessment form."""
        window = self.window
        if window.session is not None:
            window.close_session()
        window.stack.setCurrentWidget(window.start_page)
        window.start_page.focus_new_assessment()

    def browse(self) -> None:
        """Ask for an .avsec file and open it."""
        from avsec.gui.dialogs import choose_open_file

        path = choose_open_file(
            self.window,
            tr("Open an assessment"),
            self.window.preferences.last_folder,
            tr("Avsec assessments (*.avsec)"),
        )
        if path:
            self.window.open_file(path)

    def _demo_key(self) -> Path | None:
        """The training airport's answer key, built the first time (None after a dialog)."""
        import platformdirs

        from avsec.gui.dialogs import show_error
        from avsec.workshop.demo import make_demo

        out_dir = Path(platformdirs.user_data_dir("avsec", appauthor=False)) / "demo"
        try:
            # fresh=False: a demo the user already worked in is opened as it is, never rebuilt
            # over their answers.
            return Path(make_demo(out_dir, lang=language(), fresh=False))
        except Exception as exc:  # noqa: BLE001 - any failure of the demo builder is shown, not fatal
            show_error(self.window, tr("Training airport"), exc)
            return None

    def open_demo(self) -> None:
        """Open the training airport as participants get it: an exercise copy without the
        reference answers (packed from the key the first time), and say so. The answer key
        opens only through :meth:`open_answer_key`."""
        from avsec.core.errors import AvsecError
        from avsec.gui.dialogs import show_error
        from avsec.workshop.pack import pack_exercise

        key = self._demo_key()
        if key is None:
            return
        exercise = key.with_name(key.stem + "-exercise.avsec")
        if not exercise.exists():
            try:
                pack_exercise(key, exercise)
            except (AvsecError, OSError) as exc:
                show_error(self.window, tr("Training airport"), exc)
                return
        if self.window.open_file(exercise):
            self.window.statusBar().showMessage(
                tr(
                    "Training airport: an exercise copy for participants, without the answers. "
                    "Trainers open the answer key from Workshop > Open answer key (trainer)."
                )
            )

    def open_answer_key(self) -> None:
        """Workshop > Open answer key (trainer): the training airport with its answers."""
        key = self._demo_key()
        if key is not None and self.window.open_file(key):
            self.window.statusBar().showMessage(
                tr("Answer key of the training airport: do not show it to participants.")
            )

    def create_requested(self, request: dict[str, Any]) -> None:
        """Ask where to save the assessment the start page describes, then create it."""
        import datetime as dt

        from avsec.gui.dialogs import choose_save_file

        airport = request["airport"]
        code = (airport.icao or airport.iata or "airport").lower()
        suggested = str(
            Path(self.window.preferences.last_folder)
            / f"{code}-{dt.date.today().isoformat()}.avsec"
        )
        path = choose_save_file(
            self.window,
            tr("Save the new assessment as"),
            suggested,
            tr("Avsec assessments (*.avsec)"),
            ".avsec",
        )
        if path:
            self.window.create_assessment(path, **request)

    # --- recent files, copies and exports ------------------------------------------------------

    def install_recent_menu(self, file_menu: Any) -> Any:
        """File > Recent: a submenu filled from the preferences each time it opens."""
        from PySide6.QtWidgets import QMenu

        menu = QMenu(tr("Recent"), file_menu)
        menu.setObjectName("menu:recent")
        first = file_menu.actions()[2] if len(file_menu.actions()) > 2 else None
        file_menu.insertMenu(first, menu)
        menu.aboutToShow.connect(lambda: self.fill_recent_menu(menu))
        self.fill_recent_menu(menu)
        return menu

    def fill_recent_menu(self, menu: Any) -> None:
        """(Re)list the recent files; a missing file is shown disabled."""
        menu.clear()
        paths = self.window.preferences.recent_files()
        for path in paths:
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setEnabled(Path(path).is_file())
            action.triggered.connect(lambda _=False, p=path: self.window.open_file(p))
        if not paths:
            menu.addAction(tr("No recent assessments yet.")).setEnabled(False)

    def save_copy(self, target: str | Path | None = None) -> Path | None:
        """File > Save a copy: the whole .avsec file, as it is saved now, to another place.

        Every edit is already committed (rollback journal, no open transaction), so the file
        on disk is complete; it is copied to a temporary file next to the target and renamed,
        so a failed copy never leaves half a file under the chosen name.
        """
        from avsec.gui.dialogs import choose_save_file, show_error

        session = self.window.session
        if session is None:
            return None
        if self.window.workspace is not None:
            self.window.workspace.commit_pending()
        if target is None:
            suggested = str(session.path.with_name(session.path.stem + "-copy.avsec"))
            target = choose_save_file(
                self.window,
                tr("Save a copy"),
                suggested,
                tr("Avsec assessments (*.avsec)"),
                ".avsec",
            )
            if not target:
                return None
        target = Path(target)
        if target.resolve() == session.path.resolve():
            show_error(
                self.window, tr("Save a copy"), tr("Choose another name than the open file.")
            )
            return None
        try:
            _write_via_temp(target, lambda tmp: _copy_file(session.path, tmp))
        except OSError as exc:
            show_error(self.window, tr("Cannot save a copy"), exc)
            return None
        self.window.statusBar().showMessage(tr("Saved a copy to {path}").format(path=target))
        return target

    def export(self, what: str, target: str | Path | None = None) -> Path | None:
        """File > Export: "json" (the whole assessment), "plan" (action plan .xlsx or .csv),
        "layout" (.geojson or .kml), as the command line's ``export`` verbs write them."""
        from avsec.core.errors import AvsecError
        from avsec.gui.dialogs import choose_save_file, show_error

        session = self.window.session
        if session is None:
            return None
        if self.window.workspace is not None:
            self.window.workspace.commit_pending()
        filters, suffix, title = {
            "json": (tr("Assessment JSON (*.json)"), ".json", tr("Export assessment (JSON)")),
            "plan": (
                tr("Action plan (*.xlsx *.csv)"),
                ".xlsx",
                tr("Export action plan (XLSX or CSV)"),
            ),
            "layout": (tr("Layout (*.geojson *.kml)"), ".geojson", tr("Export layout")),
        }[what]
        if target is None:
            suggested = str(session.path.with_suffix(suffix))
            target = choose_save_file(self.window, title, suggested, filters, suffix)
            if not target:
                return None
        target = Path(target)
        from avsec.app.outputs import check_output

        suffixes = {"json": (".json",), "plan": (".xlsx", ".csv")}
        try:
            # Never over the open assessment or any other (README, *Security*).
            check_output(target, suffixes.get(what, (".geojson", ".json", ".kml")), [session.path])
            _write_via_temp(target, lambda tmp: _export(session, what, tmp, target.suffix))
        except (AvsecError, OSError) as exc:
            show_error(self.window, tr("Cannot export"), exc)
            return None
        self.window.statusBar().showMessage(tr("Exported {path}").format(path=target))
        return target


def _copy_file(source: Path, target: Path) -> None:
    import shutil

    shutil.copyfile(source, target)


def _write_via_temp(target: Path, write: Any) -> None:
    """Write through a temporary file in the target's folder, then rename it into place."""
    import os
    import tempfile

    handle, name = tempfile.mkstemp(
        prefix="." + target.stem + "-", suffix=target.suffix, dir=target.parent
    )
    os.close(handle)
    tmp = Path(name)
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def _export(session: Any, what: str, out: Path, suffix: str) -> None:
    """Write one export of the open session to ``out`` (its format chosen by ``suffix``)."""
    from avsec.core.errors import InputError

    suffix = suffix.lower()
    doc = session.file.document()
    if what == "json":
        from avsec.io.assessment_json import write_assessment_json

        write_assessment_json(doc, out)
    elif what == "plan":
        from avsec.io import cap

        if suffix not in (".xlsx", ".csv"):
            raise InputError(
                N_("{name}: unknown action plan format; use .xlsx or .csv"), name=out.name
            )
        # cap picks the format from the suffix: the temporary file carries the target's.
        cap.write_cap(doc, out, lang=language())
    else:
        assessment = doc.assessment
        marking = assessment.marking(assessment.language)
        if suffix == ".kml":
            from avsec.io.kml import write_kml

            write_kml(
                doc.features,
                out,
                title=assessment.title or assessment.airport.name,
                marking=marking,
            )
        elif suffix in (".geojson", ".json"):
            from avsec.io.geojson import write_geojson

            write_geojson(doc.features, out, marking=marking)
        else:
            raise InputError(
                N_("{name}: unknown layout format; use .geojson or .kml"), name=out.name
            )
