"""Retry budgets per kind of failure for the Slack Web API client.

slack_sdk counts one attempt number across all of a client's retry handlers,
so two 429s (Slack asking us to slow down, answered by waiting Retry-After)
leave a 5xx handler with budget 3 only one retry. Wrapped here, each handler
counts its own retries: rate limits never spend the server-error budget."""
from __future__ import annotations

from slack_sdk.http_retry.async_handler import AsyncRetryHandler


class OwnBudget(AsyncRetryHandler):
    def __init__(self, inner: AsyncRetryHandler):
        super().__init__(inner.max_retry_count, inner.interval_calculator)
        self.inner = inner
        self._key = f"clearpost.retries.{type(inner).__name__}"

    def used(self, state) -> int:
        return (state.custom_values or {}).get(self._key, 0)

    async def can_retry_async(self, *, state, request, response=None, error=None) -> bool:
        if self.used(state) >= self.max_retry_count:
            return False
        return await self.inner._can_retry_async(state=state, request=request, response=response,  # noqa: SLF001
                                                 error=error)

    async def prepare_for_next_attempt_async(self, *, state, request, response=None, error=None) -> None:
        if state.custom_values is None:
            state.custom_values = {}
        state.custom_values[self._key] = self.used(state) + 1
        await self.inner.prepare_for_next_attempt_async(state=state, request=request, response=response,
                                                        error=error)
