"""Read the term table (``assets/terms/terms.yaml``) the term sheet, the app and the checklist
share (see :mod:`avsec.core.terms`)."""

from __future__ import annotations

from functools import lru_cache

from pydantic import ValidationError

from avsec.core.errors import InputError
from avsec.core.i18n import N_
from avsec.core.terms import TermSheet
from avsec.core.validation import schema_problems
from avsec.io.resources import data_folder, read_bytes
from avsec.io.yamlfile import load_yaml_text

TERMS_FILE = "terms/terms.yaml"


@lru_cache(maxsize=1)
def load_terms() -> TermSheet:
    """The bundled term table (read once).

    Raises
    ------
    InputError
        The file is missing or not a valid term table (one line per problem).
    """
    source = data_folder("assets").joinpath(*TERMS_FILE.split("/"))
    raw = read_bytes(source, N_("assets/{name}: cannot be read ({strerror})"), name=TERMS_FILE)
    data = load_yaml_text(raw, TERMS_FILE)
    try:
        return TermSheet.model_validate(data)
    except ValidationError as exc:
        raise InputError("; ".join(schema_problems(TERMS_FILE, data, exc))) from exc
