"""The weakest route across nested boundaries: the route search of the path analysis.

A route to a target crosses the boundaries of its zones from the outside in (layer 0 is the
airside boundary, the last layer the target's own), one candidate crossing per boundary (a
crossing may cover several coincident boundaries at once), with a travel leg between
consecutive crossings and the task after the last. Its probability of interruption is EASI's
P(I) (:mod:`avsec.geo.easi`); the search returns a route with the lowest P(I).

Why the search is exact. EASI evaluated backwards (Q_i = P_i P(R|i) + (1 - P_i) Q_{i+1})
makes a route's P(I) a function of its first crossing and of the (Q, total delay, total
variance) of the rest. The inner layers are small (an SRA's and a critical part's boundary),
so every combination of their crossings is kept ("suffixes"). The outer boundary is long and
holds most candidates: there the candidates are grouped by their figures (p_detect, delay,
detect_at); within a group, for a given suffix, P(I) depends on the candidate only through the
travel time t to the suffix's first crossing, through P(R|1) = Phi((T0 + t - RT) /
sqrt(V0 + (k t)^2 + sR^2)). The argument of Phi has derivative of the sign of
V0 + sR^2 - k^2 t (T0 - RT): it rises and then, only when T0 > RT, falls. A function that
rises then falls takes its minimum over any set at the set's smallest or largest t, so the
nearest candidate of the group (an STRtree nearest query) and, when T0 > RT, the farthest
are the only ones to evaluate. The outer layer then
costs O(groups x suffixes x log n) instead of O(n x suffixes), and brute force over every
combination agrees (tests/geo/test_paths.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from shapely import STRtree, points

from avsec.geo.easi import DETECT_AT, EasiParameters, prepend

__all__ = ["Layer", "Step", "best_route"]


@dataclass
class Layer:
    """The candidate crossings of one boundary.

    Attributes
    ----------
    xy
        (n, 2) crossing points in metres.
    keys
        Per crossing, the key of its figures (a feature id, or a key of its own for an
        opening) in the figures mapping given to :func:`best_route`.
    last
        Per crossing, the last layer it crosses (its own, or a later one when boundaries
        coincide there).
    """

    xy: np.ndarray
    keys: list[str]
    last: np.ndarray
    _codes: tuple[list[str], np.ndarray] | None = None

    def __len__(self) -> int:
        return len(self.keys)

    def codes(self) -> tuple[list[str], np.ndarray]:
        """The distinct keys and, per crossing, the position of its key among them."""
        if self._codes is None:
            distinct: dict[str, int] = {}
            code = np.array([distinct.setdefault(k, len(distinct)) for k in self.keys])
            self._codes = (list(distinct), code.astype(np.intp).reshape(-1))
        return self._codes


@dataclass(frozen=True)
class Step:
    """One crossing of the best route: the layer and the candidate's position in it."""

    layer: int
    index: int


@dataclass
class _Suffixes:
    """Partial routes from a crossing of one layer to the task, as parallel arrays."""

    q: np.ndarray
    t: np.ndarray
    v: np.ndarray
    xy: np.ndarray
    cand: np.ndarray  # candidate of this layer (-1: the task itself)
    after_layer: np.ndarray  # layer of the next suffix (len(layers): the task)
    after: np.ndarray  # index of the next suffix in its layer's suffixes


def _figures(layer: Layer, figures: dict[str, tuple[float, float, str]]) -> tuple[np.ndarray, ...]:
    """Per crossing: p_detect, delay, remaining fraction, and a group number (equal figures)."""
    distinct, code = layer.codes()
    values = [figures[k] for k in distinct]
    p = np.array([v[0] for v in values], dtype=float)
    d = np.array([v[1] for v in values], dtype=float)
    f = np.array([DETECT_AT[v[2]] for v in values], dtype=float)
    _, group = np.unique(np.column_stack([p, d, f]), axis=0, return_inverse=True)
    return p[code], d[code], f[code], group.astype(np.intp).reshape(-1)[code]


def _travel(
    xy: np.ndarray, nxt: _Suffixes, idx: np.ndarray, params: EasiParameters
) -> tuple[np.ndarray, np.ndarray]:
    """Total delay and variance of the suffixes ``idx`` with the travel leg from ``xy``."""
    target = nxt.xy[idx]
    metres = np.hypot(xy[:, 0] - target[:, 0], xy[:, 1] - target[:, 1])
    metres = np.where(nxt.cand[idx] < 0, 0.0, metres)  # no travel to the task
    t = metres / params.run_speed_mps
    return nxt.t[idx] + t, nxt.v[idx] + (params.delay_sd_fraction * t) ** 2


def _all_pairs(
    layer: int,
    cands: np.ndarray,
    data: Layer,
    fig: tuple[np.ndarray, ...],
    suffixes: list[_Suffixes | None],
    params: EasiParameters,
) -> list[_Suffixes]:
    """Every candidate of ``cands`` in front of every suffix it can precede."""
    p, d, f, _ = fig
    out = []
    for e in np.unique(data.last[cands]):
        nxt = suffixes[int(e) + 1]
        group = cands[data.last[cands] == e]
        if nxt is None or not len(group) or not len(nxt.q):
            continue
        c = np.repeat(group, len(nxt.q))
        s = np.tile(np.arange(len(nxt.q)), len(group))
        t_after, v_after = _travel(data.xy[c], nxt, s, params)
        q, t, v = prepend(p[c], d[c], f[c], nxt.q[s], t_after, v_after, params)
        out.append(_Suffixes(q, t, v, data.xy[c], c, np.full(len(c), int(e) + 1), s))
    return out


def _grouped(
    cands: np.ndarray,
    data: Layer,
    fig: tuple[np.ndarray, ...],
    suffixes: list[_Suffixes | None],
    params: EasiParameters,
    cache: dict[bytes, STRtree],
) -> list[_Suffixes]:
    """The outer layer: per group of equal figures, only its nearest (and farthest) crossings."""
    p, d, f, group = fig
    out = []
    group_of = group[cands] * (int(data.last.max()) + 1) + data.last[cands]
    order = np.argsort(group_of, kind="stable")
    bounds = np.flatnonzero(np.diff(group_of[order])) + 1
    for member in np.split(cands[order], bounds):
        c0 = int(member[0])
        e = int(data.last[c0])
        nxt = suffixes[e + 1]
        if nxt is None or not len(nxt.q):
            continue
        s_all = np.arange(len(nxt.q))
        picks = []
        to_task = nxt.cand < 0
        if to_task.any():
            # No travel to the task: every member is as good as any other.
            picks.append((np.full(int(to_task.sum()), c0), s_all[to_task]))
        placed = s_all[~to_task]
        if len(placed):
            key = member.tobytes()
            if key not in cache:
                cache[key] = STRtree(points(data.xy[member]))
            tree = cache[key]
            # Suffixes starting at the same crossing share their start point: one query each.
            starts, first, back = np.unique(
                nxt.cand[placed], return_index=True, return_inverse=True
            )
            pairs = tree.query_nearest(points(nxt.xy[placed[first]]), all_matches=False)
            nearest = np.empty(len(starts), dtype=np.intp)
            nearest[pairs[0]] = member[pairs[1]]
            picks.append((nearest[back.reshape(-1)], placed))
            falling = placed[f[c0] * d[c0] + nxt.t[placed] > params.response_time_s]
            if len(falling) and len(member) > 1:
                starts, first, back = np.unique(
                    nxt.cand[falling], return_index=True, return_inverse=True
                )
                far = np.empty(len(starts), dtype=np.intp)
                for n, xy in enumerate(nxt.xy[falling[first]]):
                    gap = data.xy[member] - xy
                    far[n] = member[int(np.argmax(np.hypot(gap[:, 0], gap[:, 1])))]
                picks.append((far[back.reshape(-1)], falling))
        for c, s in picks:
            t_after, v_after = _travel(data.xy[c], nxt, s, params)
            q, t, v = prepend(p[c], d[c], f[c], nxt.q[s], t_after, v_after, params)
            out.append(_Suffixes(q, t, v, data.xy[c], c, np.full(len(c), e + 1), s))
    return out


def _concat(parts: list[_Suffixes]) -> _Suffixes | None:
    if not parts:
        return None
    return _Suffixes(
        *(np.concatenate([getattr(x, name) for x in parts]) for name in _Suffixes.__annotations__)
    )


def best_route(
    layers: list[Layer],
    figures: dict[str, tuple[float, float, str]],
    params: EasiParameters,
    cache: dict[bytes, STRtree] | None = None,
) -> tuple[float, list[Step]] | None:
    """The lowest P(I) over every route across ``layers`` and the crossings of one such route.

    Of several routes with the lowest P(I), the one with the least total delay. ``cache``
    keeps the outer layer's spatial indexes between calls over the same outer layer.

    None when some boundary has no candidate crossing, so no route exists.
    """
    m = len(layers)
    task = params.task_delay_s
    suffixes: list[_Suffixes | None] = [None] * (m + 1)
    suffixes[m] = _Suffixes(
        q=np.zeros(1),
        t=np.array([task]),
        v=np.array([(params.delay_sd_fraction * task) ** 2]),
        xy=np.full((1, 2), np.nan),
        cand=np.array([-1]),
        after_layer=np.array([m + 1]),
        after=np.array([-1]),
    )
    for k in range(m - 1, -1, -1):
        data = layers[k]
        if not len(data):
            suffixes[k] = None
            continue
        fig = _figures(data, figures)
        cands = np.arange(len(data))
        parts = (
            _grouped(cands, data, fig, suffixes, params, {} if cache is None else cache)
            if k == 0
            else _all_pairs(k, cands, data, fig, suffixes, params)
        )
        suffixes[k] = _concat(parts)
    first = suffixes[0]
    if first is None or not len(first.q):
        return None
    # Among routes of equal P(I) the adversary takes the quickest.
    best = int(np.lexsort((first.t, np.round(first.q, 12)))[0])
    steps: list[Step] = []
    layer, index = 0, best
    while layer < m:
        current = suffixes[layer]
        assert current is not None
        steps.append(Step(layer, int(current.cand[index])))
        layer, index = int(current.after_layer[index]), int(current.after[index])
    return float(first.q[best]), steps
