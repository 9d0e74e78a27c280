"""Sign-in rate limiting: attempts per account and address, per address, and per
account from anywhere, in a sliding window. In memory, per process: it slows
guessing against one console; it is not a distributed lockout.

An attempt is counted when it starts, before the slow password hash, so 30
wrong passwords sent at once are not all checked (issue 19); a success takes
its own attempt back. Keying the tight limit on account *and* address means
someone guessing from elsewhere cannot lock the officer out; the per-account
limit from anywhere is a looser backstop against guessing spread over many
addresses."""
from __future__ import annotations

import time
from collections import defaultdict, deque
from typing import Callable


class Throttle:
    def __init__(self, per_user: int = 5, per_client: int = 20, window_seconds: float = 900,
                 clock: Callable[[], float] = time.monotonic, per_user_anywhere: int = 50):
        self.per_user, self.per_client, self.window = per_user, per_client, window_seconds
        self.per_user_anywhere = per_user_anywhere
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

    @staticmethod
    def _keys(username: str, client: str) -> tuple[str, str, str]:
        return f"uc:{username}\x00{client}", f"c:{client}", f"u:{username}"

    def blocked(self, username: str, client: str) -> bool:
        pair, addr, user = self._keys(username, client)
        return (self._recent(pair) >= self.per_user or self._recent(addr) >= self.per_client
                or self._recent(user) >= self.per_user_anywhere)

    def begin(self, username: str, client: str) -> bool:
        """Count an attempt before its password is checked; False when it is over a limit."""
        if self.blocked(username, client):
            return False
        self.failed(username, client)
        return True

    def failed(self, username: str, client: str) -> None:
        now = self._clock()
        if len(self._failures) > 10_000:  # made-up user names must not grow memory without bound
            for key in list(self._failures):
                self._recent(key)
        for key in self._keys(username, client):
            self._failures[key].append(now)

    def succeeded(self, username: str, client: str, attempts: int = 1) -> None:
        """A sign-in went through: its user's counts are cleared, and the address gets back the
        ``attempts`` the sign-in itself made (2 with a second factor: the password and the code)."""
        pair, addr, user = self._keys(username, client)
        self._failures.pop(pair, None)
        self._failures.pop(user, None)
        q = self._failures.get(addr)
        for _ in range(attempts):
            if q:
                q.pop()  # the attempts that just succeeded were counted when they began
