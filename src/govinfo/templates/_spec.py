"""What a template is, as data: tables, rows, columns, their roles, and the words that mark it.

Strategy: everything govinfo knows about a template version lives in one :class:`TemplateSpec`
built from these frozen classes. The model's classes, the address catalogue, the rules' domains,
the XSD, the writers' layouts, the interpreter's labels and template detection are all derived
from it, so a revision of the official template is one new module under ``govinfo.templates``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Any

import attrs

__all__ = [
    "ColumnSpec",
    "GroupSpec",
    "Role",
    "RowSpec",
    "TableSpec",
    "TemplateSpec",
    "ValueKind",
]


class ValueKind(enum.Enum):
    """What a cell may hold. ``None`` (not stated in the source) is allowed for every kind."""

    COUNT = "count"  #: a non-negative integer
    SIGNED = "signed"  #: an integer of either sign (gb_2019 本年增/减)
    AMOUNT = "amount"  #: a non-negative Decimal, kept exactly as printed


class Role(str, enum.Enum):
    """What a row or column is to the arithmetic of its table."""

    ITEM = "item"  #: a figure of its own, in no sum of the table
    PART = "part"  #: one term of its table's total (and of its group's subtotal, if any)
    SUBTOTAL = "subtotal"  #: the sum of the parts of one group
    TOTAL = "total"  #: the sum of the table's parts

    def __str__(self) -> str:
        return self.value


def _check_model(model: type[Any] | None, key: str, keys: tuple[str, ...]) -> None:
    # A typed class is written by hand for the type checker; it must be the spec's shape
    # exactly, or the two would drift apart unnoticed.
    if model is not None:
        names = tuple(f.name for f in attrs.fields(model))
        if names != keys:
            raise ValueError(f"{model.__name__} has fields {names}; spec {key!r} has {keys}")


# Specs key the model's class caches (table_class, row_class) and are hashed on every report
# built; a table's hash walks all its rows and columns, so each spec keeps its own.
@attrs.frozen(kw_only=True, cache_hash=True)
class ColumnSpec:
    """One column of a table row.

    Attributes:
        key: the column part of the cell address (``natural_person``).
        label: the official label as printed.
        kind: what a cell of the column may hold.
        role: what the column is to the row's arithmetic.
        group: the key of the column group it belongs to (its subtotal's key), if any.
        unit: the unit the template prints the figures in (``件``, ``万元``, ``元``).
        optional: printed by some reports only (a variant); ``None`` where not printed.
        variants: other spellings real reports print for the label (FORMAT.md §4).
    """

    key: str
    label: str
    kind: ValueKind = ValueKind.COUNT
    role: Role = Role.ITEM
    group: str | None = None
    unit: str | None = None
    optional: bool = False
    variants: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, cache_hash=True)
class RowSpec:
    """One row of a table.

    Attributes:
        key: the row part of the cell address (``withheld_state_secret``).
        label: the official label as printed.
        columns: the row's columns, in print order.
        role: what the row is to its table's arithmetic.
        group: the key of the row group it belongs to (for a subtotal: the group it sums).
        caption: a caption the template prints above the row (第二十条第（一）项).
        optional: printed by some reports only (a variant); ``None`` where not printed.
        variants: other spellings real reports print for the label (FORMAT.md §4).
        model: the typed attrs class of the row (one field per column, in order), or
            ``None`` for the model to make one from the columns.
    """

    key: str
    label: str
    columns: tuple[ColumnSpec, ...]
    role: Role = Role.ITEM
    group: str | None = None
    caption: str | None = None
    optional: bool = False
    variants: tuple[str, ...] = ()
    model: type[Any] | None = None

    def __attrs_post_init__(self) -> None:
        _check_model(self.model, self.key, tuple(c.key for c in self.columns))

    def column(self, key: str) -> ColumnSpec:
        """The column ``key`` of this row.

        Raises:
            KeyError: the row has no such column.
        """
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)


@attrs.frozen(kw_only=True, cache_hash=True)
class GroupSpec:
    """A label the template prints across several rows or columns (a spanning cell).

    Attributes:
        key: the group's key (the key of its subtotal row or column, where there is one).
        label: the spanning label as printed.
        members: the keys of the rows or columns it spans, in print order.
    """

    key: str
    label: str
    members: tuple[str, ...]


@attrs.frozen(kw_only=True, cache_hash=True)
class TableSpec:
    """One statistics table (a section of the report).

    Attributes:
        key: the table part of the cell address, and the report's attribute.
        label: the section heading as printed.
        rows: the rows in print order.
        row_groups: labels spanning rows (三、本年度办理结果, （三）不予公开…), outermost first.
        column_groups: labels spanning columns (申请人情况, 法人或其他组织…), outermost first.
        row_header: the header of the row-label column, if the template prints one.
        note: the text in the table's top-left cell, if any.
        single_row: the table is one row of numbers under grouped headers (section 四):
            its row keys name column groups, not printed rows.
        model: the typed attrs class of the table (one field per row, in order), or
            ``None`` for the model to make one from the rows.
    """

    key: str
    label: str
    rows: tuple[RowSpec, ...]
    row_groups: tuple[GroupSpec, ...] = ()
    column_groups: tuple[GroupSpec, ...] = ()
    row_header: str | None = None
    note: str | None = None
    single_row: bool = False
    model: type[Any] | None = None

    def __attrs_post_init__(self) -> None:
        _check_model(self.model, self.key, tuple(r.key for r in self.rows))

    def row(self, key: str) -> RowSpec:
        """The row ``key`` of this table.

        Raises:
            KeyError: the table has no such row.
        """
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def group_of(self, row: str) -> GroupSpec | None:
        """The spanning group of items that ``row`` is one of (（三）不予公开 for
        ``withheld_state_secret``), or ``None`` for a row in no such group."""
        group = self.row(row).group
        return next((g for g in self.row_groups if g.key == group), None) if group else None


@attrs.frozen(kw_only=True, eq=False)
class TemplateSpec:
    """One version of the official template, as data.

    A spec compares equal to another spec of the same content and to its own id as a
    string (``report.template == "gb_2021"``), and hashes like its id, as the template
    enumeration of earlier versions did.

    Attributes:
        id: the stable id (``gb_2021``).
        title: the document that sets the template out.
        first_year: the first report year it applies to.
        last_year: the last report year it applies to (``None``: still in force).
        tables: its statistics tables in print order (none for prose-only templates).
        markers: words only this template prints, to tell it from the others.
        open_prefix: the prefix of an open set of statistics addresses (``legacy.``) that
            reports of this template may carry instead of tables, or ``None``.
    """

    id: str
    title: str
    first_year: int
    last_year: int | None
    tables: tuple[TableSpec, ...]
    markers: tuple[str, ...] = ()
    open_prefix: str | None = None

    @property
    def has_tables(self) -> bool:
        """Whether reports of this template carry statistics tables."""
        return bool(self.tables)

    def applies_to(self, year: int) -> bool:
        """Whether the template was in force for reports on ``year``."""
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    def table(self, key: str) -> TableSpec | None:
        """The table ``key``, or ``None`` if the template has no such table."""
        return next((t for t in self.tables if t.key == key), None)

    def cells(self) -> Iterator[tuple[TableSpec, RowSpec, ColumnSpec]]:
        """Every cell of the template in print order."""
        for table in self.tables:
            for row in table.rows:
                for column in row.columns:
                    yield table, row, column

    def _content(self) -> tuple[object, ...]:
        return attrs.astuple(self, recurse=False)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):
            return other == self.id
        if isinstance(other, TemplateSpec):
            return self is other or self._content() == other._content()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.id)

    def __str__(self) -> str:
        return self.id
