"""Checklists in a spreadsheet, for trainers who do not write YAML.

``to_xlsx`` writes a checklist as a template; ``from_xlsx`` reads one back. Sheet "meta" holds
``key | value`` rows (id, version, title::en, ...); sheet "items" has one row per item with
columns ``area, area_title::LANG, id, question::LANG, guidance::LANG, evidence::LANG,
recommendation::LANG, references, weight, rules, confidence, responsible``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from avsec.core.checklist import Checklist
from avsec.core.errors import InputError
from avsec.core.i18n import LANGUAGES, N_

TEXT_FIELDS = ("question", "guidance", "evidence", "recommendation")
MAX_XLSX_BYTES = 20 * 1024 * 1024
#: Most bytes the workbook's parts may unpack to (the bundled checklist's is under 1 MiB).
MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024
_SPLIT = re.compile(r"[;,\s]+")


def item_columns(languages: tuple[str, ...] = LANGUAGES) -> list[str]:
    """The column headers of the items sheet."""
    columns = ["area", *[f"area_title::{lang}" for lang in languages], "id"]
    for field in TEXT_FIELDS:
        columns += [f"{field}::{lang}" for lang in languages]
    return [*columns, "references", "weight", "rules", "confidence", "responsible"]


def to_xlsx(checklist: Checklist, path: Path, languages: tuple[str, ...] = LANGUAGES) -> None:
    """Write ``checklist`` as an XLSX template."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    meta = book.active
    meta.title = "meta"
    meta.append(["key", "value"])
    meta.append(["id", checklist.id])
    meta.append(["version", checklist.version])
    meta.append(["edition", checklist.edition])
    for lang in languages:
        meta.append([f"title::{lang}", checklist.title.get(lang, "")])
    for lang in languages:
        meta.append([f"description::{lang}", checklist.description.get(lang, "")])
    for lang in languages:
        meta.append([f"edition_text::{lang}", checklist.edition_text.get(lang, "")])
    items = book.create_sheet("items")
    columns = item_columns(languages)
    items.append(columns)
    for area in checklist.areas:
        for item in area.items:
            row: list[Any] = [area.id, *[area.title.get(lang, "") for lang in languages], item.id]
            for field in TEXT_FIELDS:
                row += [getattr(item, field).get(lang, "") for lang in languages]
            row += ["; ".join(item.references), item.weight, "; ".join(item.rules), item.confidence]
            row.append(item.responsible)
            items.append(row)
    for sheet in (meta, items):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    items.auto_filter.ref = items.dimensions
    for index, name in enumerate(columns, start=1):
        wide = name.split("::")[0] in TEXT_FIELDS
        items.column_dimensions[get_column_letter(index)].width = 50 if wide else 16
        if wide:
            for cell in items[get_column_letter(index)][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    meta.column_dimensions["A"].width = 18
    meta.column_dimensions["B"].width = 70
    book.save(path)


def _cell_text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def from_xlsx(path: Path) -> dict[str, Any]:
    """Read a checklist spreadsheet into checklist data (validated later like YAML).

    The result carries ``_rows`` (item id -> spreadsheet row) for error messages; pop it
    before validating.

    Raises
    ------
    InputError
        Naming the file, the sheet, the row and the column; also an XLSX that unpacks to too
        much or whose XML is damaged (openpyxl parses through defusedxml when it is installed,
        as it is with avsec).
    """
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise InputError(N_("{path}: no such file"), path=path)
    if path.stat().st_size > MAX_XLSX_BYTES:
        raise InputError(
            N_("{name}: larger than {MAX_XLSX_BYTES} MiB"),
            name=name,
            MAX_XLSX_BYTES=MAX_XLSX_BYTES // 2**20,
        )
    check_unpacked_size(path)
    try:
        return _read_book(path)
    except InputError:
        raise
    except RecursionError:
        raise InputError(
            N_("{name}: nested too deeply; not a checklist workbook"), name=name
        ) from None
    except Exception as exc:  # noqa: BLE001 - XML and zip errors surface while rows are read
        reason = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise InputError(
            N_("{name}: damaged XLSX workbook ({reason})"), name=name, reason=reason
        ) from None


def check_unpacked_size(path: Path, limit: int = MAX_XLSX_UNPACKED_BYTES) -> None:
    """Refuse a workbook whose parts unpack to more than ``limit`` bytes (a zip bomb), from
    the sizes its zip directory declares, before any part is read."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(
            N_("{name}: not an XLSX workbook ({exc})"), name=path.name, exc=exc
        ) from None
    if total > limit:
        raise InputError(
            N_(
                "{name}: unpacks to {total} MiB, more than the {limit} MiB a checklist workbook may hold; refused before reading"
            ),
            name=path.name,
            total=total // 2**20,
            limit=limit // 2**20,
        )


def _read_book(path: Path) -> dict[str, Any]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    name = path.name
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError) as exc:
        reason = " ".join(str(exc).split())[:200]
        raise InputError(
            N_("{name}: not an XLSX workbook ({reason})"), name=name, reason=reason
        ) from exc
    except Exception as exc:  # zipfile.BadZipFile and friends from a damaged file
        raise InputError(
            N_("{name}: damaged XLSX workbook ({reason})"), name=name, reason=type(exc).__name__
        ) from exc
    for sheet_name in ("meta", "items"):
        if sheet_name not in book.sheetnames:
            raise InputError(
                N_("{name}: no sheet named {sheet_name!r} (found {names})"),
                name=name,
                sheet_name=sheet_name,
                names=", ".join(book.sheetnames),
            )
    data: dict[str, Any] = {"title": {}, "description": {}, "edition_text": {}}
    for row_number, row in enumerate(book["meta"].iter_rows(min_row=2, values_only=True), start=2):
        if not row or row[0] is None:
            continue
        key, value = _cell_text(row[0]), row[1] if len(row) > 1 else None
        if "::" in key:
            field, lang = key.split("::", 1)
            if field not in ("title", "description", "edition_text"):
                raise InputError(
                    N_("{name}: sheet meta, row {row_number}: unknown key {key!r}"),
                    name=name,
                    row_number=row_number,
                    key=key,
                )
            if _cell_text(value):
                data[field][lang] = _cell_text(value)
        elif key == "version":
            try:
                data["version"] = int(str(value).strip())
            except ValueError:
                raise InputError(
                    N_("{name}: sheet meta, row {row_number}: version must be a whole number"),
                    name=name,
                    row_number=row_number,
                ) from None
        elif key in ("id", "edition"):
            data[key] = _cell_text(value)
        else:
            raise InputError(
                N_("{name}: sheet meta, row {row_number}: unknown key {key!r}"),
                name=name,
                row_number=row_number,
                key=key,
            )
    rows = book["items"].iter_rows(values_only=True)
    header = [_cell_text(h) for h in next(rows, ())]
    for required in ("area", "id", "references", "weight"):
        if required not in header:
            raise InputError(
                N_("{name}: sheet items, row 1: missing column {required!r}"),
                name=name,
                required=required,
            )
    areas: dict[str, dict[str, Any]] = {}
    item_rows: dict[str, int] = {}
    for row_number, row in enumerate(rows, start=2):
        cells = dict(zip(header, row, strict=False))
        if not any(_cell_text(v) for v in cells.values()):
            continue
        area_id = _cell_text(cells.get("area"))
        if not area_id:
            raise InputError(
                N_("{name}: sheet items, row {row_number}, column area: empty"),
                name=name,
                row_number=row_number,
            )
        area = areas.setdefault(area_id, {"id": area_id, "title": {}, "items": []})
        item: dict[str, Any] = {"id": _cell_text(cells.get("id"))}
        item_rows.setdefault(item["id"], row_number)
        for column, value in cells.items():
            if "::" not in column:
                continue
            field, lang = column.split("::", 1)
            text = _cell_text(value)
            if field == "area_title":
                if text:
                    area["title"].setdefault(lang, text)
            elif field in TEXT_FIELDS:
                item.setdefault(field, {})
                if text:
                    item[field][lang] = text
        item["references"] = [r for r in _SPLIT.split(_cell_text(cells.get("references"))) if r]
        item["rules"] = [r for r in _SPLIT.split(_cell_text(cells.get("rules"))) if r]
        weight = _cell_text(cells.get("weight"))
        try:
            item["weight"] = int(float(weight)) if weight else 2
        except ValueError:
            raise InputError(
                N_(
                    "{name}: sheet items, row {row_number}, column weight: {weight!r} is not 1, 2 or 3"
                ),
                name=name,
                row_number=row_number,
                weight=weight,
            ) from None
        if _cell_text(cells.get("confidence")):
            item["confidence"] = _cell_text(cells.get("confidence"))
        if _cell_text(cells.get("responsible")):
            item["responsible"] = _cell_text(cells.get("responsible"))
        area["items"].append(item)
    data["areas"] = list(areas.values())
    # Where each item came from, for error messages; callers pop it before validation.
    data["_rows"] = item_rows
    for optional in ("description", "edition_text"):
        if not data[optional]:
            del data[optional]
    return data


def write_yaml(data: dict[str, Any], path: Path) -> None:
    """Write checklist data as YAML in the bundled file's key order."""
    Path(path).write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8"
    )
