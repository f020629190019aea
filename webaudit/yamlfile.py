"""Strict YAML reading: a repeated key is an error, not a silent overwrite."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from webaudit.errors import DataFileError


class _StrictLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"nyckeln '{key}' förekommer två gånger", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path, error: type[DataFileError] = DataFileError) -> Any:
    """Parse a YAML file; any problem becomes `error` naming the file (and line)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise error(path, "filen finns inte") from exc
    except UnicodeDecodeError as exc:
        raise error(path, "filen är inte UTF-8") from exc
    except OSError as exc:
        raise error(path, f"kan inte läsas ({exc.strerror})") from exc
    try:
        return yaml.load(text, Loader=_StrictLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"rad {mark.line + 1}" if mark is not None else ""
        raise error(path, f"ogiltig YAML: {exc.problem}", where=where) from exc
    except yaml.YAMLError as exc:
        raise error(path, f"ogiltig YAML: {exc}") from exc
