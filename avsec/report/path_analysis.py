"""The report's adversary path analysis, run in a second process while the rest is laid out.

The path analysis of a large layout is the longest single step of a report (a quarter of a
second for 2,000 features), and nothing before the "Weakest routes" section needs it. The
command line forks a child as soon as the file is read: the child analyses and sends the
result back through a pipe as JSON, the parent lays out the cover, the summary and the zone
map meanwhile, and takes the result when the section comes. Where a fork is not safe (the
GUI's threads, systems without ``fork``) or anything goes wrong in the child, the analysis runs
in the report's own process, as before: the PDF is the same either way.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
from dataclasses import asdict
from typing import Any

from avsec.core.document import AssessmentDocument
from avsec.geo.easi import EasiParameters
from avsec.geo.paths import PathResult, RouteElement, TargetRoute, Upgrade, analyse_paths
from avsec.geo.projection import LocalProjection

#: Largest answer read from the child (a result is a few kilobytes per target).
MAX_ANSWER_BYTES = 64 * 2**20


def analyse(doc: AssessmentDocument) -> PathResult:
    """The analysis the report shows: every target, upgrades for the weakest one only.

    Raises
    ------
    PathAnalysisError
        The layout cannot be analysed (the report says why instead of the section).
    """
    airport = doc.assessment.airport
    # Upgrades are shown for the weakest target only: ranking every target's costs a third
    # of the analysis.
    return analyse_paths(
        doc.features,
        doc.assessment.parameters,
        centre=(airport.lon, airport.lat),
        upgrades="weakest",
    )


def encode(result: PathResult) -> bytes:
    """``result`` as JSON, losslessly (floats keep every digit; the projection by its centre)."""
    projection = result.projection
    centre = None if projection is None else [projection.lon0, projection.lat0]
    data = {
        "params": asdict(result.params),
        "targets": [asdict(t) for t in result.targets],
        "centre": centre,
    }
    return json.dumps(data, allow_nan=True).encode()


def decode(data: bytes) -> PathResult:
    """The :class:`PathResult` that :func:`encode` wrote."""
    raw = json.loads(data)

    def element(e: dict[str, Any]) -> RouteElement:
        xy = e.pop("xy")
        return RouteElement(**e, xy=None if xy is None else (float(xy[0]), float(xy[1])))

    targets = [
        TargetRoute(
            **{
                **t,
                "route": [element(dict(e)) for e in t["route"]],
                "upgrades": [Upgrade(**u) for u in t["upgrades"]],
            }
        )
        for t in raw["targets"]
    ]
    centre = raw["centre"]
    projection = None if centre is None else LocalProjection(*centre)
    return PathResult(EasiParameters(**raw["params"]), targets, projection)


class PathAnalysis:
    """The report's path analysis: :meth:`result` gives it, whether it ran beside or here."""

    def __init__(self, doc: AssessmentDocument):
        self.doc = doc
        self._child: int | None = None
        self._pipe: int | None = None
        self._result: PathResult | None = None

    @classmethod
    def in_background(cls, doc: AssessmentDocument) -> PathAnalysis:
        """Start the analysis in a forked child (Linux only; call before any thread starts)."""
        analysis = cls(doc)
        # A child forked beside other Python threads could inherit a lock one of them holds.
        # Native pools (PROJ's, BLAS's) are not counted here: the child only runs Python and
        # the geometry libraries, which take their locks afresh after a fork.
        if sys.platform != "linux" or not hasattr(os, "fork") or threading.active_count() > 1:
            return analysis
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return analysis
        if pid == 0:  # the child: analyse, answer, leave without running the parent's exits
            os.close(read)
            answer = b""
            try:
                answer = encode(analyse(doc))
            except BaseException:  # noqa: BLE001 - the parent analyses again and reports it
                answer = b""
            finally:
                try:
                    with os.fdopen(write, "wb") as out:
                        out.write(answer)
                finally:
                    # os._exit: no atexit handler, no finaliser of the open .avsec file runs here.
                    os._exit(0)
        os.close(write)
        analysis._child, analysis._pipe = pid, read
        return analysis

    def result(self) -> PathResult:
        """The analysis: the child's answer when it gave one, else computed here.

        Raises
        ------
        PathAnalysisError
            As :func:`analyse`.
        """
        if self._result is None:
            answer = self._collect()
            if answer:
                try:
                    self._result = decode(answer)
                except (ValueError, TypeError, KeyError):
                    pass  # analysed again below
            if self._result is None:
                self._result = analyse(self.doc)
        return self._result

    def _collect(self) -> bytes:
        if self._pipe is None:
            return b""
        chunks: list[bytes] = []
        size = 0
        with os.fdopen(self._pipe, "rb") as pipe:
            self._pipe = None
            while chunk := pipe.read(1 << 16):
                size += len(chunk)
                if size > MAX_ANSWER_BYTES:
                    chunks = []
                    break
                chunks.append(chunk)
        self.close()
        return b"".join(chunks)

    def close(self) -> None:
        """End the child: a report that failed before asking does not wait for its answer."""
        if self._pipe is not None:
            os.close(self._pipe)
            self._pipe = None
            if self._child is not None:
                try:
                    os.kill(self._child, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        if self._child is not None:
            try:
                os.waitpid(self._child, 0)
            except ChildProcessError:
                pass
            self._child = None
