"""Editing the assessment header: the rules are the model's, the message is one line.

:meth:`avsec.core.assessment.Assessment.edited` validates a changed header (markings never
empty, the visit does not end before it starts, rule parameters not negative). The desktop
dialog and ``avsec edit`` both go through :func:`edited_header`, so they accept and refuse
the same headers.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from avsec.core.assessment import Assessment
from avsec.core.commands import Translate, english
from avsec.core.errors import InputError


def validation_message(exc: ValidationError, translate: Translate = english) -> str:
    """The first problem of a validation error as one line ("parameters.clear_zone_m: ...").

    The header's own rules raise ``N_``-marked English sentences, which ``translate``
    translates; pydantic's messages on a field (a negative parameter) name the field.
    """
    first = exc.errors()[0]
    message = translate(str(first["msg"]).removeprefix("Value error, "))
    where = ".".join(str(p) for p in first["loc"] if p != "handling_marking")
    return f"{where}: {message}" if where else message


def edited_header(before: Assessment, translate: Translate = english, **changes: Any) -> Assessment:
    """``before`` with ``changes``, checked by the model's validators.

    Raises
    ------
    InputError
        A change breaks a rule of the header; the message says which, in one line.
    """
    try:
        return before.edited(**changes)
    except ValidationError as exc:
        raise InputError(validation_message(exc, translate)) from None
