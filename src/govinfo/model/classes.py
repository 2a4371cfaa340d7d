"""The attrs class of each table and row of a template spec.

The registered templates bring typed classes written for the type checker (the spec checks
that they have its shape); a spec without them, such as a revision tried out before it is
written up, gets classes made here from its rows and columns, with the same fields,
validators and metadata.
"""

from __future__ import annotations

import functools
from typing import Any

import attrs

from govinfo.templates import RowSpec, TableSpec
from govinfo.templates._fields import cell, row

__all__ = ["row_class", "table_class"]


@functools.cache
def row_class(spec: RowSpec) -> type[Any]:
    """The attrs class of a row of ``spec``'s shape."""
    if spec.model is not None:
        return spec.model
    fields = {c.key: cell(spec.columns, c.key) for c in spec.columns}
    return attrs.make_class(f"Row_{spec.key}", fields, frozen=True, kw_only=True, slots=True)


@functools.cache
def table_class(spec: TableSpec) -> type[Any]:
    """The attrs class of a table of ``spec``'s shape."""
    if spec.model is not None:
        return spec.model
    fields = {r.key: row(row_class(r), spec.rows, r.key) for r in spec.rows}
    return attrs.make_class(f"Table_{spec.key}", fields, frozen=True, kw_only=True, slots=True)
