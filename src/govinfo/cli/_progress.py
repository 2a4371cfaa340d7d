"""A plain-text progress bar on stderr, redrawn in place; silent when not a terminal."""

from __future__ import annotations

import time
from typing import TextIO

__all__ = ["Progress"]


class Progress:
    """Counts finished items and redraws ``[####....] n/total rate`` at most ten times a second."""

    def __init__(self, total: int, stream: TextIO, *, enabled: bool, width: int = 30) -> None:
        self.total = total
        self.done = 0
        self.failed = 0
        self._stream = stream
        self._enabled = enabled and total > 0
        self._width = width
        self._start = time.monotonic()
        self._drawn = 0.0

    def advance(self, *, failed: bool = False) -> None:
        """Record one finished item and redraw if it is time to."""
        self.done += 1
        self.failed += failed
        now = time.monotonic()
        if self._enabled and (now - self._drawn >= 0.1 or self.done == self.total):
            self._drawn = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        filled = self._width * self.done // self.total
        rate = self.done / max(now - self._start, 1e-9)
        bar = "#" * filled + "." * (self._width - filled)
        failed = f", {self.failed} failed" if self.failed else ""
        self._stream.write(f"\r[{bar}] {self.done}/{self.total} files{failed}, {rate:.1f}/s ")
        if self.done == self.total:
            self._stream.write("\n")
        self._stream.flush()
