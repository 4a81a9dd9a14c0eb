"""Summaries (dashboard, chart, graph, a partner's counts) kept for a few seconds.

They aggregate over every agreement, which costs hundreds of milliseconds on a registry of
a million articles, while what they show changes only with an ingest or a correction. A
write through this server clears them at once; an ingest from the command line shows within
``ServeSettings.summary_seconds``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class SummaryCache:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._values: dict[Hashable, tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value kept under ``key`` if it is fresh, else ``compute()`` (kept for next time)."""
        now = time.monotonic()
        with self._lock:
            kept = self._values.get(key)
        if kept is not None and now - kept[0] < self.seconds:
            value: T = kept[1]
            return value
        value = compute()
        with self._lock:
            if len(self._values) > 1000:  # many partners or filters: start again rather than grow
                self._values.clear()
            self._values[key] = (now, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
