"""The text limits of the extras table (narrative, rationales, last visit, judgements...).

The typed records (responses, features, actions, the header) are validated by their models when
they are written; an extra is free JSON, so :meth:`avsec.store.AvsecFile.set_extra` checks it
here before it writes: entries with a model (the visit narrative's observations, the last
visit) against that model, every entry against the free-text cap of core/textlimits.py.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter, ValidationError

from avsec.core.document import Observation
from avsec.core.errors import AvsecError, StoreError, validation_reason, validation_where
from avsec.core.followup import LastVisit
from avsec.core.i18n import N_
from avsec.core.textlimits import free_text_problem

#: Extras that have a model: validated by it (text limits included) before they are written.
MODELLED: dict[str, TypeAdapter[Any]] = {
    "observations": TypeAdapter(list[Observation]),
    "last_visit": TypeAdapter(LastVisit),
}


def check_extra(file_name: str, key: str, value: Any) -> None:
    """Raise :class:`StoreError` when ``value`` may not be stored as the extra ``key``."""
    problem: AvsecError | None = free_text_problem(value)
    adapter = MODELLED.get(key)
    if problem is None and adapter is not None:
        try:
            adapter.validate_python(value)
        except ValidationError as exc:
            problem = AvsecError(
                N_("{where}: {reason}"),
                where=validation_where(exc) or "record",
                reason=validation_reason(exc),
            )
    if problem is not None:
        raise StoreError(
            N_("{name}: the {key} entry was not saved ({problem})"),
            name=file_name,
            key=key,
            problem=problem,
        )
