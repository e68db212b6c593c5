"""Which checklist items the walker shows: the filter criteria (text, status, area, weight)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from avsec.core.i18n import pick


@dataclass(frozen=True)
class FilterCriteria:
    """What the walker shows: items matching every set criterion."""

    text: str = ""
    status: str = ""
    area: str = ""
    weight: int = 0

    @property
    def active(self) -> bool:
        """Whether any criterion is set."""
        return bool(self.text.strip() or self.status or self.area or self.weight)

    def matches(self, item: Any, area_id: str, status: str, notes: str, lang: str) -> bool:
        """Whether a checklist item passes the filter.

        Text matches the item id, question, guidance, evidence and the notes, case-insensitive,
        in the shown language and in English.
        """
        if self.status and status != self.status:
            return False
        if self.area and area_id != self.area:
            return False
        if self.weight and item.weight != self.weight:
            return False
        needle = self.text.strip().lower()
        if not needle:
            return True
        texts = [item.id, notes]
        for field in ("question", "guidance", "evidence"):
            value = getattr(item, field)
            texts += [pick(value, lang), pick(value, "en")]
        return any(needle in text.lower() for text in texts if text)
