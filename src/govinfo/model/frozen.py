"""A read-only mapping that pickles and deep-copies, for the mappings inside frozen classes.

``types.MappingProxyType`` is read-only but refuses ``pickle`` and ``copy.deepcopy``, which
would keep reports and check results from crossing process boundaries (``govinfo batch``,
Dask, multiprocessing). This wrapper is just as read-only and reduces to its items.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Generic, TypeVar

__all__ = ["FrozenMapping"]

_K = TypeVar("_K")
_V = TypeVar("_V")


class FrozenMapping(Mapping[_K, _V], Generic[_K, _V]):
    """An immutable mapping over a private copy of the items it is given, in their order."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[_K, _V] | None = None) -> None:
        self._items: dict[_K, _V] = dict(items or {})

    def __getitem__(self, key: _K) -> _V:
        return self._items[key]

    def __iter__(self) -> Iterator[_K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"FrozenMapping({self._items!r})"

    def __reduce__(self) -> tuple[type[FrozenMapping[_K, _V]], tuple[dict[_K, _V]]]:
        return (type(self), (self._items,))
