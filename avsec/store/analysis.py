"""Analyse a file's layout and store the findings: the one way every caller does it.

The desktop app (Analyse), ``avsec analyze FILE`` and the demo builder all run the geometry
rules with the file's own rule parameters, its airport as the projection centre and its
checklist snapshot for the item links, then replace the stored findings in one journaled
transaction. It lives here, beside the file it writes, because the workshop layer (the
demo) sits below the application layer and must call it too.
"""

from __future__ import annotations

from collections.abc import Sequence

from avsec.core.layout import Feature
from avsec.geo.analysis import AnalysisResult, analyze
from avsec.store.avsecfile import AvsecFile


def analyse_and_store(file: AvsecFile, features: Sequence[Feature] | None = None) -> AnalysisResult:
    """Run the geometry rules over the file's layout and store the findings.

    Parameters
    ----------
    file
        The open .avsec file.
    features
        The layout when the caller holds it in memory already (the GUI's document); read
        from the file otherwise.

    Returns
    -------
    AnalysisResult
        Findings (as stored, numbered) and metrics.

    Raises
    ------
    AvsecError, ValueError
        The analysis failed; the stored findings are unchanged.
    """
    assessment = file.assessment
    centre = (assessment.airport.lon, assessment.airport.lat)
    layout = file.features() if features is None else list(features)
    result = analyze(layout, assessment.parameters, file.checklist, centre)
    result.findings = file.set_findings(result.findings)
    return result
