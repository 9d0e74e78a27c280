"""Sign-in rate limiting: failed attempts per user name and per client address
in a sliding window. In memory, per process: it slows guessing against one
console; it is not a distributed lockout."""
from __future__ import annotations

import time
from collections import defaultdict, deque
from typing import Callable


class Throttle:
    def __init__(self, per_user: int = 5, per_client: int = 20, window_seconds: float = 900,
                 clock: Callable[[], float] = time.monotonic):
        self.per_user, self.per_client, self.window = per_user, per_client, window_seconds
        self._clock = clock
        self._failures: dict[str, deque[float]] = defaultdict(deque)

    def _recent(self, key: str) -> int:
        q = self._failures.get(key)
        if not q:
            return 0
        cutoff = self._clock() - self.window
        while q and q[0] < cutoff:
            q.popleft()
        if not q:
            del self._failures[key]
            return 0
        return len(q)

    def blocked(self, username: str, client: str) -> bool:
        return (self._recent(f"u:{username}") >= self.per_user
                or self._recent(f"c:{client}") >= self.per_client)

    def failed(self, username: str, client: str) -> None:
        now = self._clock()
        if len(self._failures) > 10_000:  # made-up user names must not grow memory without bound
            for key in list(self._failures):
                self._recent(key)
        self._failures[f"u:{username}"].append(now)
        self._failures[f"c:{client}"].append(now)

    def succeeded(self, username: str) -> None:
        self._failures.pop(f"u:{username}", None)
