"""Safe YAML reading with messages that name the file and the line.

Checklists, catalogues and training files are small hand-written text, so the reader is
strict: a size limit read before parsing, libyaml's safe loader (which also caps nesting),
duplicate keys refused (the second would silently replace the first) and a cap on the number
of nodes, aliases followed, so a "billion laughs" file is refused before it is expanded.
"""

from __future__ import annotations

from typing import Any

import yaml

from avsec.core.errors import InputError
from avsec.core.i18n import N_

#: Checklists and catalogues are text; anything larger is not one of ours (the bundled
#: checklist is about 125 KB).
MAX_YAML_BYTES = 4 * 1024 * 1024
#: Most YAML nodes (scalars, lists, mappings; every alias counted where it is used).
MAX_YAML_NODES = 500_000

_BASE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """libyaml's safe loader that refuses duplicate keys."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
            except TypeError:  # an unhashable key: the base class reports it
                break
            if duplicate:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _StrictLoader.construct_mapping
)


def _count_nodes(root: Any, name: str) -> None:
    """Walk the node graph without recursion; refuse more than :data:`MAX_YAML_NODES`."""
    stack, count = [root], 0
    while stack:
        node = stack.pop()
        count += 1
        if count > MAX_YAML_NODES:
            raise InputError(
                N_(
                    "{name}: more than {MAX_YAML_NODES:,} YAML values (aliases counted); not a checklist"
                ),
                name=name,
                MAX_YAML_NODES=MAX_YAML_NODES,
            )
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))


def load_yaml_text(text_bytes: bytes, name: str) -> Any:
    """Parse YAML bytes safely (see the module docstring).

    Raises
    ------
    InputError
        Too large, not UTF-8, not valid YAML (with the line and column), a duplicate key,
        nested too deeply, or too many values.
    """
    if len(text_bytes) > MAX_YAML_BYTES:
        raise InputError(
            N_("{name}: larger than {MAX_YAML_BYTES} MiB; not a checklist"),
            name=name,
            MAX_YAML_BYTES=MAX_YAML_BYTES // 2**20,
        )
    try:
        text = text_bytes.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            N_("{name}: not UTF-8 text (byte {start})"), name=name, start=exc.start
        ) from exc
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _count_nodes(node, name)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise InputError(
            N_("{name}: invalid YAML{where}: {problem}"),
            name=name,
            where=where,
            problem=exc.problem,
        ) from None
    except yaml.YAMLError as exc:
        reason = " ".join(str(exc).split())[:160]
        raise InputError(N_("{name}: invalid YAML: {reason}"), name=name, reason=reason) from None
    except RecursionError:
        raise InputError(N_("{name}: nested too deeply; not a checklist"), name=name) from None
    finally:
        loader.dispose()
