"""Posts the report as one threaded reply and updates that same reply
afterwards. Publishes for one review are serialised and always render the
stored state, so two racing updates cannot leave an older state on screen or
post a second report.

Exactly one report per review, across crashes and lost answers: every report
carries Slack message ``metadata`` naming its review. When a report may exist
that was never recorded (the process died between posting and storing its
``ts``, or a post's answer was lost: a 5xx, a dropped connection, a body that
is not JSON), the thread is read back (``conversations.replies``) and a report
found there is adopted instead of posting again. 429s are waited out by the
client (Retry-After) on their own budget; other failures are retried here
with backoff, and past that the review is left to the sweep. Nothing here
raises: the review is already stored."""
from __future__ import annotations

import asyncio
import logging
import random
import weakref

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters import cleaned
from bot.images import CleanedImage
from bot.review_service import ReviewService, ReviewView

from .report import render, summary_text

log = logging.getLogger(__name__)

REPORT_EVENT = "clearpost_report"  # the metadata event type marking a report
FAILURE_RETRIES = 3  # 5xx, dropped connections, unreadable answers: about 0.5 + 1 + 2 s
RATE_LIMITED_RETRIES = 3  # a call still rate limited after the client's own Retry-After waits
MAX_THREAD_PAGES = 10


class _Failed(Exception):
    """A Web API call that failed. ``ambiguous``: it may have taken effect (the answer was lost)."""

    def __init__(self, detail: str, ambiguous: bool, rate_limited: bool = False):
        super().__init__(detail)
        self.detail, self.ambiguous, self.rate_limited = detail, ambiguous, rate_limited


def classify(e: BaseException) -> _Failed:
    """Any failure of a call as a clear, text-free description (a body that is
    not JSON leaves the SDK's response holding a str, or even the raw HTTP response)."""
    if isinstance(e, SlackApiError):
        response = e.response
        status = getattr(response, "status_code", None) or getattr(response, "status", None)
        data = getattr(response, "data", None)
        error = data.get("error") if isinstance(data, dict) else None
        if status == 429 or error == "ratelimited":
            return _Failed("rate limited", ambiguous=False, rate_limited=True)
        if isinstance(data, dict) and error and not (isinstance(status, int) and status >= 500):
            return _Failed(error, ambiguous=False)  # Slack's definite answer, e.g. channel_not_found
        return _Failed(f"HTTP {status}, {'unexpected' if isinstance(data, dict) else 'non-JSON'} answer",
                       ambiguous=True)
    return _Failed(type(e).__name__, ambiguous=True)  # timeouts, resets, refused connections


class _Completing(_Failed):
    """files.completeUploadExternal failed without a clear answer: the file may be shared."""

    def __init__(self, failed: _Failed, file_id: str):
        super().__init__(failed.detail, failed.ambiguous, failed.rate_limited)
        self.file_id = file_id


CLEANED_COMMENT = ("Cleaned copy of image {n}: metadata removed and flagged areas blurred. "
                   "If the post goes ahead, post this copy instead of the original.")


class SlackPublisher:
    def __init__(self, client: AsyncWebClient, reviews: ReviewService, approve_reaction: str, officers: list[str],
                 backoff: float = 0.5):
        self.client = client
        self.reviews = reviews
        self.approve_reaction = approve_reaction
        self.officers = officers
        self.backoff = backoff
        self._locks: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()
        self._posted: dict[int, str] = {}  # review id -> report ts, until the service has stored it

    async def publish(self, view: ReviewView, maybe_posted: bool = False) -> str | None:
        lock = self._locks.get(view.id)
        if lock is None:
            lock = self._locks[view.id] = asyncio.Lock()
        async with lock:
            failures = rate_limited = 0
            while True:
                try:
                    latest = await asyncio.to_thread(self.reviews.get_by_id, view.id) or view
                    if latest.report_message_id:
                        self._posted.pop(view.id, None)
                    ts = await self._publish(latest, maybe_posted)
                    await self._post_cleaned(latest)  # after the report, never instead of it
                    return ts
                except _Failed as f:
                    if not f.ambiguous and not f.rate_limited:
                        log.error("review %s: could not publish the report (%s)", view.id, f.detail)
                        return None
                    if f.rate_limited:
                        rate_limited += 1
                    else:
                        failures += 1
                        maybe_posted = True  # the post may have gone through before its answer was lost
                    if failures > FAILURE_RETRIES or rate_limited > RATE_LIMITED_RETRIES:
                        log.error("review %s: could not publish the report (%s); it is tried again later",
                                  view.id, f.detail)
                        return None
                    log.warning("review %s: publishing the report failed (%s); retrying", view.id, f.detail)
                    attempt = failures or rate_limited
                    await asyncio.sleep(self.backoff * 2 ** (attempt - 1) * random.uniform(0.8, 1.2))
                except Exception as e:  # noqa: BLE001 - e.g. the database for get_by_id; the sweep retries
                    log.error("review %s: could not publish the report (%s)", view.id, type(e).__name__)
                    return None

    async def _publish(self, latest: ReviewView, maybe_posted: bool) -> str:
        channel = latest.ref.channel
        blocks = render(latest, self.approve_reaction, self.officers)
        text = summary_text(latest)
        ts = latest.report_message_id or self._posted.get(latest.id)
        if ts is None and maybe_posted:
            ts = await self._find_report(channel, latest.ref.message_id, latest.id)
            if ts is not None:
                log.info("review %s: adopting the report already in the thread", latest.id)
                self._posted[latest.id] = ts
        if ts:
            try:
                await self._call(self.client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks))
                return ts
            except _Failed as f:
                if f.detail not in ("message_not_found", "cant_update_message"):
                    raise
                log.warning("review %s: report %s is gone; posting a new one", latest.id, ts)
        resp = await self._call(self.client.chat_postMessage(
            channel=channel, thread_ts=latest.ref.message_id, text=text, blocks=blocks,
            metadata={"event_type": REPORT_EVENT, "event_payload": {"review_id": latest.id}},
            unfurl_links=False, unfurl_media=False))
        posted = resp.get("ts") if isinstance(resp.data, dict) else None
        if not isinstance(posted, str) or not posted:
            raise _Failed("answer without a message ts", ambiguous=True)
        self._posted[latest.id] = posted
        return posted

    # ---- cleaned copies of the draft's images ---------------------------
    async def _post_cleaned(self, view: ReviewView) -> None:
        """Upload each cleaned copy not yet posted into the draft's thread. Never raises:
        a copy that could not be posted is tried again at the review's next publish."""
        try:
            images = await cleaned.pending(self.reviews, view, "slack")
        except Exception as e:  # noqa: BLE001 - e.g. the database; the report stands
            log.error("review %s: could not read the cleaned images (%s)", view.id, type(e).__name__)
            return
        for image in images:
            file_id = await self._upload_with_retries(view, image)
            if file_id is None:
                return  # the rest wait for the next publish, in order
            try:
                await cleaned.record(self.reviews, view, "slack", image, file_id)
            except Exception as e:  # noqa: BLE001 - posted but not recorded: may be posted again later
                log.error("review %s: could not record the posted cleaned image (%s)", view.id, type(e).__name__)

    async def _upload_with_retries(self, view: ReviewView, image: CleanedImage) -> str | None:
        failures = rate_limited = 0
        started: str | None = None  # a file id whose completion may have taken effect
        while True:
            try:
                if started and await self._in_thread(view, started):
                    return started
                return await self._upload(view, image)
            except _Failed as f:
                if isinstance(f, _Completing):
                    started = f.file_id
                if not f.ambiguous and not f.rate_limited:
                    log.error("review %s: could not post cleaned image %d (%s)", view.id, image.index, f.detail)
                    return None
                if f.rate_limited:
                    rate_limited += 1
                else:
                    failures += 1
                if failures > FAILURE_RETRIES or rate_limited > RATE_LIMITED_RETRIES:
                    log.error("review %s: could not post cleaned image %d (%s); it is tried again later",
                              view.id, image.index, f.detail)
                    return None
                log.warning("review %s: posting cleaned image %d failed (%s); retrying", view.id, image.index,
                            f.detail)
                attempt = failures or rate_limited
                await asyncio.sleep(self.backoff * 2 ** (attempt - 1) * random.uniform(0.8, 1.2))

    async def _upload(self, view: ReviewView, image: CleanedImage) -> str:
        """files.getUploadURLExternal -> POST the bytes to its upload_url ->
        files.completeUploadExternal sharing it in the draft's thread."""
        resp = await self._call(self.client.files_getUploadURLExternal(
            filename=image.name, length=len(image.data), alt_txt=f"Cleaned copy of image {image.index}"))
        data = resp.data if isinstance(resp.data, dict) else {}
        upload_url, file_id = data.get("upload_url"), data.get("file_id")
        if not isinstance(upload_url, str) or not isinstance(file_id, str):
            raise _Failed("upload URL answer without upload_url or file_id", ambiguous=True)
        await self._send_bytes(upload_url, image)
        try:
            await self._call(self.client.files_completeUploadExternal(
                files=[{"id": file_id, "title": f"Cleaned copy of image {image.index}"}],
                channel_id=view.ref.channel, thread_ts=view.ref.message_id,
                initial_comment=CLEANED_COMMENT.format(n=image.index)))
        except _Failed as f:
            if f.ambiguous:  # it may be shared already: look before sharing it again
                raise _Completing(f, file_id) from None
            raise
        return file_id

    async def _send_bytes(self, upload_url: str, image: CleanedImage) -> None:
        """Step 2: the bytes go to the pre-signed upload URL (no token: it is in the URL)."""
        session = self.client.session
        own = session is None
        if own:
            session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60))
        try:
            async with session.post(upload_url, data=image.data,
                                    headers={"Content-Type": "application/octet-stream"}) as r:
                await r.read()
                if r.status == 429:
                    raise _Failed("upload rate limited", ambiguous=False, rate_limited=True)
                if r.status != 200:
                    raise _Failed(f"upload answered HTTP {r.status}", ambiguous=r.status >= 500)
        except (aiohttp.ClientError, asyncio.TimeoutError) as e:
            raise _Failed(f"upload failed ({type(e).__name__})", ambiguous=True) from None
        finally:
            if own:
                await session.close()

    async def _in_thread(self, view: ReviewView, file_id: str) -> bool:
        """Whether a file was shared in the draft's thread (a completion whose answer was lost)."""
        resp = await self._call(self.client.conversations_replies(
            channel=view.ref.channel, ts=view.ref.message_id, limit=200))
        data = resp.data if isinstance(resp.data, dict) else {}
        return any(isinstance(m, dict) and any(isinstance(f, dict) and f.get("id") == file_id
                                               for f in m.get("files") or [])
                   for m in data.get("messages") or [])

    async def _find_report(self, channel: str, thread_ts: str, review_id: int) -> str | None:
        """The ts of this review's report in the draft's thread, if one was posted."""
        cursor = None
        for _ in range(MAX_THREAD_PAGES):
            try:
                resp = await self._call(self.client.conversations_replies(
                    channel=channel, ts=thread_ts, include_all_metadata=True, limit=200, cursor=cursor))
            except _Failed as f:
                if f.ambiguous or f.rate_limited:
                    raise  # not knowing is not "none there": retried
                log.warning("review %s: could not read the thread (%s)", review_id, f.detail)
                return None  # e.g. the thread is gone: posting will tell
            data = resp.data if isinstance(resp.data, dict) else {}
            for message in data.get("messages") or []:
                meta = message.get("metadata") if isinstance(message, dict) else None
                if (isinstance(meta, dict) and meta.get("event_type") == REPORT_EVENT
                        and str((meta.get("event_payload") or {}).get("review_id")) == str(review_id)):
                    return message.get("ts")
            cursor = (data.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return None
        return None

    @staticmethod
    async def _call(call):
        try:
            return await call
        except Exception as e:  # noqa: BLE001 - every failure is classified, none escapes as a crash
            raise classify(e) from None
