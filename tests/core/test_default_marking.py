"""The default handling marking comes from the catalogues and reads as before in every language
(the expected texts are written out here)."""

from __future__ import annotations

import avsec.io  # noqa: F401 - installs the catalogues, as the app and the command line do
from avsec.core.assessment import DEFAULT_MARKING, Airport, Assessment

ENGLISH = "RESTRICTED — AVIATION SECURITY SENSITIVE INFORMATION"
SPANISH = "RESTRINGIDO — INFORMACIÓN SENSIBLE DE SEGURIDAD DE LA AVIACIÓN"


def test_the_default_marking_in_english_and_spanish():
    assert dict(DEFAULT_MARKING) == {"en": ENGLISH, "es": SPANISH}


def test_a_new_assessment_stores_both_markings():
    airport = Airport(name="Test Field", lat=10.0, lon=-80.0, custom=True)
    assessment = Assessment(title="t", airport=airport, checklist_id="c", checklist_version=1)
    assert assessment.handling_marking == {"en": ENGLISH, "es": SPANISH}
    assert assessment.marking("es") == SPANISH
    assert assessment.marking("fr") == ENGLISH
