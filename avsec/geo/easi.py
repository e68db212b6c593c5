"""EASI: the probability that the response interrupts an adversary on one route.

EASI (Estimate of Adversary Sequence Interruption) is the path-level model of M. L. Garcia,
*Design and Evaluation of Physical Protection Systems* (Sandia National Laboratories). A route
is a sequence of elements i = 1..n, each with a detection probability P_i, a mean delay T_i,
a delay standard deviation s_i (here ``delay_sd_fraction`` x T_i) and the place in the element
where detection happens: at its beginning (B), middle (M) or end (E), leaving f_i = 1, 0.5 or 0
of its delay still to run after detection. With a response of mean time RT and standard
deviation sR::

    T_rem(i) = f_i T_i + sum_{j>i} T_j          V_rem(i) = (f_i s_i)^2 + sum_{j>i} s_j^2
    P(R|i)   = Phi((T_rem(i) - RT) / sqrt(V_rem(i) + sR^2))
    P(I)     = sum_i P(R|i) P_i prod_{j<i} (1 - P_j)

The sum is evaluated backwards as Q_i = P_i P(R|i) + (1 - P_i) Q_{i+1}, P(I) = Q_1: the route
search extends routes from the target outwards with exactly this step (:func:`prepend`).
Phi is the standard normal distribution function, through :func:`math.erf`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = [
    "DETECT_AT",
    "EasiParameters",
    "Element",
    "critical_detection_point",
    "interruption",
    "phi",
    "prepend",
    "required_response_time",
]

#: Share of an element's delay still to run after detection, by where detection happens.
DETECT_AT: dict[str, float] = {"B": 1.0, "M": 0.5, "E": 0.0}


@dataclass(frozen=True)
class EasiParameters:
    """The response and adversary figures of the model (assessment parameters)."""

    response_time_s: float = 300.0
    response_sd_s: float = 90.0
    delay_sd_fraction: float = 0.3
    run_speed_mps: float = 3.0
    task_delay_s: float = 60.0


@dataclass(frozen=True)
class Element:
    """One step of a route: its detection probability, mean delay and detection place."""

    p_detect: float
    delay_s: float
    detect_at: str = "B"


def phi(z: float) -> float:
    """The standard normal distribution function."""
    return 0.5 * (1.0 + math.erf(z / math.sqrt(2.0)))


def _response(t_rem: float, v_rem: float, params: EasiParameters) -> float:
    """P(R|i); with no spread at all the response is in time exactly when T_rem >= RT."""
    spread = math.sqrt(v_rem + params.response_sd_s**2)
    margin = t_rem - params.response_time_s
    if spread == 0:
        return 1.0 if margin > 0 else 0.5 if margin == 0 else 0.0
    return phi(margin / spread)


_ERF = np.frompyfunc(math.erf, 1, 1)


def _phi_array(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.asarray(_ERF(z / math.sqrt(2.0)), dtype=float))


def response_probabilities(elements: Sequence[Element], params: EasiParameters) -> list[float]:
    """P(R|i) for every element: the response arrives in time when detection happens there."""
    k = params.delay_sd_fraction
    out = [0.0] * len(elements)
    t_after = 0.0
    v_after = 0.0
    for i in range(len(elements) - 1, -1, -1):
        e = elements[i]
        f = DETECT_AT[e.detect_at]
        t_rem = f * e.delay_s + t_after
        v_rem = (f * k * e.delay_s) ** 2 + v_after
        out[i] = _response(t_rem, v_rem, params)
        t_after += e.delay_s
        v_after += (k * e.delay_s) ** 2
    return out


def interruption(elements: Sequence[Element], params: EasiParameters) -> float:
    """P(I) of a route, term by term as the formula in the module docstring is written."""
    responses = response_probabilities(elements, params)
    total = 0.0
    undetected = 1.0
    for e, p_r in zip(elements, responses, strict=True):
        total += p_r * e.p_detect * undetected
        undetected *= 1.0 - e.p_detect
    return total


def critical_detection_point(elements: Sequence[Element], params: EasiParameters) -> int | None:
    """The last element where detection is still timely, or None when none is.

    Garcia's critical detection point: the last sensing opportunity (an element with
    p_detect > 0) at which the mean remaining adversary delay (T_rem) still covers the mean
    response time; detection after it comes too late.
    """
    t_after = 0.0
    for i in range(len(elements) - 1, -1, -1):
        e = elements[i]
        remaining = DETECT_AT[e.detect_at] * e.delay_s + t_after
        if e.p_detect > 0 and remaining >= params.response_time_s:
            return i
        t_after += e.delay_s
    return None


def required_response_time(
    elements: Sequence[Element], params: EasiParameters, target: float = 0.8
) -> float | None:
    """The mean response time (s) at which the route's P(I) reaches ``target``.

    P(I) falls as the response time grows, so a bisection finds it; None when even an
    instant response leaves P(I) below ``target`` (too little detection on the route).
    """
    from dataclasses import replace

    def p_at(rt: float) -> float:
        return interruption(elements, replace(params, response_time_s=rt))

    if p_at(0.0) < target:
        return None
    lo, hi = 0.0, max(params.response_time_s, 1.0)
    while p_at(hi) >= target:
        hi *= 2
        if hi > 1e7:
            return hi
    for _ in range(60):
        mid = (lo + hi) / 2
        if p_at(mid) >= target:
            lo = mid
        else:
            hi = mid
    return lo


def prepend(
    p_detect: np.ndarray,
    delay_s: np.ndarray,
    remaining: np.ndarray,
    q_after: np.ndarray,
    t_after: np.ndarray,
    v_after: np.ndarray,
    params: EasiParameters,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Put one element in front of routes whose (Q, total delay, total variance) are known.

    ``remaining`` is the element's f_i. Returns the new (Q, total delay, total variance); Q of
    the whole route is its P(I). Vectorised over numpy arrays of equal shape.
    """
    k = params.delay_sd_fraction
    t_rem = remaining * delay_s + t_after
    v_rem = (remaining * k * delay_s) ** 2 + v_after
    spread = np.sqrt(v_rem + params.response_sd_s**2)
    margin = t_rem - params.response_time_s
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(spread > 0, margin / spread, np.sign(margin) * np.inf)
    p_r = _phi_array(np.nan_to_num(z, nan=0.0, posinf=np.inf, neginf=-np.inf))
    q = p_detect * p_r + (1.0 - p_detect) * q_after
    return q, delay_s + t_after, (k * delay_s) ** 2 + v_after
