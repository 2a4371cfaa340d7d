"""Where the model's methods find the layers above it.

``report.check()`` (the design card's constraint method) and the Jupyter displays of a report
and a check result are methods of low-layer classes whose work lives in higher layers (the
rules, the display). The import graph runs one way (model ← rules ← display), so those layers
register their functions here when they are imported, and the methods look them up. The
package's ``__init__`` imports every layer, so by the time any user code runs, all are here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["provide", "provided"]

_PROVIDED: dict[str, Callable[..., Any]] = {}


def provide(name: str, function: Callable[..., Any]) -> None:
    """Register ``function`` as the service ``name`` (done once, by the providing layer)."""
    _PROVIDED[name] = function


def provided(name: str) -> Callable[..., Any]:
    """The function registered as ``name``.

    Raises:
        RuntimeError: no layer registered it (``govinfo`` was imported only in part).
    """
    try:
        return _PROVIDED[name]
    except KeyError:
        raise RuntimeError(f"govinfo's {name!r} is not loaded; import govinfo first") from None
