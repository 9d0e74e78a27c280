"""The bolt app: Slack events in, ReviewService calls out.

An event is acknowledged only once it is stored (the draft and its
``event_id`` in one transaction, a few ms): if the database is down the
answer is a 500 and Slack retries, so nothing acknowledged can be lost. The
checks and every Web API call run in tracked background tasks, so a burst
never waits on them and shutdown can wait for work already taken in. The
``event_id`` dedupe makes Slack's retries, a restart or a second replica act
once.
"""
from __future__ import annotations

import asyncio
import inspect
import json
import logging
import re

from slack_bolt.async_app import AsyncApp
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (AsyncConnectionErrorRetryHandler,
                                                         AsyncRateLimitErrorRetryHandler,
                                                         AsyncServerErrorRetryHandler)
from slack_sdk.web.async_client import AsyncWebClient

from bot.app import Services
from bot.config import ConfigError
from bot.domain import DraftRejected
from bot.review_service import ActionResult
from bot.states import Event, State

from .files import complete_files
from .publisher import SlackPublisher
from .retry import OwnBudget
from .report import OVERRIDE_ACTION, STAFF_ONLY_ACTION
from .settings import SlackSettings
from .translate import PLATFORM, content_changed, draft_from_message, is_from_bot, is_top_level, message_ref

log = logging.getLogger(__name__)

OVERRIDE_VIEW = "clearpost_override_modal"
RATE_LIMIT_RETRIES = 5  # chat.postMessage allows about one post per second per channel; a burst gets 429s
SERVER_ERROR_RETRIES = 3  # Slack 5xx or a dropped connection: about 0.5 + 1 + 2 s of backoff
CONSENT_TIMEOUT = 2.5  # a slash command must be answered within 3 s

CONSENT_HELP = (
    "*/consent NAME or ID*: look up a patient's consent on file, by name, alias, social handle "
    "or consent id (for example `/consent C-1042`). The answer is shown only to you.\n"
    "*/consent help*: this message."
)
CONSENT_REFUSAL = ("Sorry, /consent is only available to the practice's privacy officers. "
                   "Please ask one of them if you need to know whether a patient has consented.")
CONSENT_UNAVAILABLE = "The consent registry is unavailable right now; please try again later."
ACK_FAILED_DRAFT = "ClearPost could not review this draft: {reason}."


class SlackBot:
    """One Slack workspace's bot: the bolt app, its Web API client and the report publisher."""

    def __init__(self, services: Services, settings: SlackSettings):
        self.services = services
        self.config = services.config
        self.reviews = services.reviews
        self.settings = settings
        self.sdk_logger = _library_logger("adapters.slack.sdk")
        self.client = AsyncWebClient(
            token=settings.bot_token, base_url=settings.api_url, logger=self.sdk_logger,
            # each kind of failure on its own budget (adapters/slack/retry.py)
            retry_handlers=[OwnBudget(AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES)),
                            # 500/503 and dropped connections: retried with exponential backoff and jitter
                            OwnBudget(AsyncServerErrorRetryHandler(max_retry_count=SERVER_ERROR_RETRIES)),
                            OwnBudget(AsyncConnectionErrorRetryHandler(max_retry_count=SERVER_ERROR_RETRIES))],
        )
        # Reports: a retried post whose first answer was lost could post twice, so the
        # publisher retries those itself (reading the thread first); the client only waits out 429s.
        self.report_client = AsyncWebClient(
            token=settings.bot_token, base_url=settings.api_url, logger=self.sdk_logger,
            retry_handlers=[AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES)])
        bolt_logger = _library_logger("adapters.slack.bolt")
        # Everything passed explicitly: bolt must not pick up tokens or OAuth from the environment.
        self.app = AsyncApp(
            client=self.client, signing_secret=settings.signing_secret or "", logger=bolt_logger,
            process_before_response=True, request_verification_enabled=not settings.socket_mode,
        )
        if self.app.oauth_flow is not None or self.app._token != settings.bot_token:  # noqa: SLF001
            raise ConfigError("SLACK_CLIENT_ID / SLACK_CLIENT_SECRET in the environment switch slack-bolt to "
                              "multi-workspace OAuth; ClearPost serves one workspace: unset them")
        reactions = self.config.profile.reactions
        self.approve_reaction, self.reject_reaction = reactions.approve, reactions.reject
        self.publisher = SlackPublisher(self.report_client, self.reviews, self.approve_reaction,
                                        self.config.officers_for(PLATFORM))
        self._tasks: set[asyncio.Task] = set()
        self.socket_handler = None  # set when Socket Mode connects
        self._register()

    # ---- wiring -------------------------------------------------------
    def _register(self) -> None:
        app = self.app
        app.middleware(self._same_workspace)
        app.event("message")(self._on_message)
        app.event("reaction_added")(self._on_reaction_added)
        app.event("reaction_removed")(self._on_reaction_removed)
        app.event(re.compile(".*"))(self._on_other_event)  # acknowledge the rest: no 404, no retries
        app.command("/consent")(self._on_consent)
        app.action(OVERRIDE_ACTION)(self._on_override_button)
        app.action(re.compile(rf"^{STAFF_ONLY_ACTION}_\d+$"))(self._on_staff_only)
        app.view(OVERRIDE_VIEW)(self._on_override_submit)

    async def _same_workspace(self, context, next):
        """Refuse requests from any workspace but the one the bot token belongs to."""
        home = context.authorize_result.team_id if context.authorize_result else None
        if home and context.team_id and context.team_id != home:
            log.warning("refused a request from workspace %s (this bot serves %s)", context.team_id, home)
            return BoltResponse(status=403, body="")
        return await next()

    def _spawn(self, coro) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            e = task.exception()
            detail = e.response.get("error") if isinstance(e, SlackApiError) else type(e).__name__
            log.error("slack event handling failed: %s", detail)  # never the payload: it holds draft text

    async def drain(self, timeout: float) -> None:
        """Finish the replies and report updates of events already acknowledged,
        including any started while waiting, for up to ``timeout`` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self._tasks and loop.time() < deadline:
            await asyncio.wait(set(self._tasks), timeout=deadline - loop.time())

    # ---- messages -----------------------------------------------------
    async def _on_message(self, body: dict, event: dict) -> None:
        team = body.get("team_id") or event.get("team") or ""
        subtype = event.get("subtype")
        if subtype in (None, "file_share"):
            await self._intake(team, body.get("event_id"), event)
        elif subtype == "message_changed":
            await self._edited(team, body.get("event_id"), event)
        elif subtype == "message_deleted":
            await self._deleted(team, body.get("event_id"), event)

    async def _intake(self, team: str, event_id: str | None, message: dict) -> None:
        if self.config.channel(PLATFORM, message.get("channel", "")) is not None:
            message = await complete_files(self.client, message)  # id-only file shares (files.info)
        intake = draft_from_message(self.config, team, message.get("channel", ""), message)
        if intake.draft is None:
            return
        draft = intake.draft
        try:  # stored with its event id in one transaction: None for a retry of an event already taken in
            review_id = await self.services.intake.take_in(draft, event_id)
        except DraftRejected as e:
            self._spawn(self._reply_in_thread(draft.ref.channel, draft.ref.message_id,
                                              ACK_FAILED_DRAFT.format(reason=e)))
            return
        if review_id is not None:
            log.info("review %d: draft taken in (%d characters, %d attachment(s))",
                     review_id, len(draft.text), len(draft.attachments))

    async def _edited(self, team: str, event_id: str | None, event: dict) -> None:
        channel = event.get("channel", "")
        message = dict(event.get("message") or {}, channel=channel)
        if self.config.channel(PLATFORM, channel) is None:
            return
        if message.get("subtype") == "tombstone":
            # a draft with replies (our report) that is deleted turns into a tombstone
            await self._withdraw(team, event_id, channel, message.get("ts"), message.get("user"))
            return
        if not content_changed(event):
            return  # unfurls, reply counts: the text did not change
        message = await complete_files(self.client, message)
        intake = draft_from_message(self.config, team, channel, message)
        if intake.draft is None:
            return
        try:
            review_id = await asyncio.to_thread(self.reviews.edit, intake.draft, event_id)
        except DraftRejected as e:
            self._spawn(self._reply_in_thread(channel, message["ts"], ACK_FAILED_DRAFT.format(reason=e)))
            return
        if review_id is None:
            return
        log.info("review %d: draft edited, checking again", review_id)
        self.reviews.schedule(review_id)
        view = await asyncio.to_thread(self.reviews.get_by_id, review_id)
        if view is not None and view.report_message_id:
            self._spawn(self.reviews.publish(view))  # show at once that the clearance is void

    async def _deleted(self, team: str, event_id: str | None, event: dict) -> None:
        channel = event.get("channel", "")
        previous = event.get("previous_message") or {}
        if self.config.channel(PLATFORM, channel) is None or is_from_bot(previous) or not is_top_level(previous):
            return
        await self._withdraw(team, event_id, channel, event.get("deleted_ts"), previous.get("user"))

    async def _withdraw(self, team: str, event_id: str | None, channel: str, ts: str | None,
                        author: str | None) -> None:
        if not ts:
            return
        ref = message_ref(team, channel, ts)
        view = await asyncio.to_thread(self.reviews.get, ref)
        if view is None or view.state == State.WITHDRAWN:
            return
        result = await asyncio.to_thread(self.reviews.withdraw, ref, author or "slack", event_id)
        if result.ok and result.review:
            self._spawn(self.reviews.publish(result.review))

    # ---- reactions ----------------------------------------------------
    async def _on_reaction_added(self, body: dict, event: dict) -> None:
        await self._reaction(body, event, added=True)

    async def _on_reaction_removed(self, body: dict, event: dict) -> None:
        await self._reaction(body, event, added=False)

    async def _reaction(self, body: dict, event: dict, added: bool) -> None:
        item = event.get("item") or {}
        channel, ts, user = item.get("channel", ""), item.get("ts"), event.get("user")
        name = (event.get("reaction") or "").split("::", 1)[0]  # drop a skin-tone modifier
        if item.get("type") != "message" or not ts or not user or self.config.channel(PLATFORM, channel) is None:
            return
        if name not in (self.approve_reaction, self.reject_reaction) or (not added and name != self.approve_reaction):
            return
        team = body.get("team_id") or ""
        view = (await asyncio.to_thread(self.reviews.get, message_ref(team, channel, ts))
                or await asyncio.to_thread(self.reviews.find_by_report, PLATFORM, channel, ts))
        if view is None:
            return  # a reaction on some other message
        if not added and (view.state != State.CLEARED or view.decided_by != user):
            return  # only taking back the reaction that cleared the draft revokes it
        event_id = body.get("event_id")  # recorded with the decision, in one transaction
        if not added:
            result = await asyncio.to_thread(self.reviews.revoke, view.ref, user, event_id)
        elif name == self.approve_reaction:
            result = await asyncio.to_thread(self.reviews.approve, view.ref, user, event_id)
        else:
            result = await asyncio.to_thread(self.reviews.reject, view.ref, user, event_id)
        if result.duplicate:
            return  # a retry of an event already applied
        self._spawn(self._after_decision(result, channel, user))

    async def _after_decision(self, result: ActionResult, channel: str, user: str) -> None:
        if result.ok and result.review is not None:
            await self.reviews.publish(result.review)
        elif not result.ok:
            await self._ephemeral(channel, user, f"ClearPost: {result.message}. Nothing was changed.")

    # ---- "staff only" (a button per image with faces) -----------------
    async def _on_staff_only(self, ack, body: dict, action: dict) -> None:
        """An officer says a picture shows staff only. Anyone may click; the review service
        refuses (and audits) everyone but an independent designated officer."""
        await ack()
        user = body.get("user", {}).get("id", "")
        channel = (body.get("channel") or {}).get("id", "")
        try:
            value = json.loads(action.get("value") or "")
            review_id, image = int(value["review"]), int(value["image"])
            revision = int(value["revision"]) if value.get("revision") is not None else None
        except (ValueError, KeyError, TypeError):
            return
        view = await asyncio.to_thread(self.reviews.get_by_id, review_id)
        if view is None or view.ref.platform != PLATFORM or not user:
            return
        result = await asyncio.to_thread(self.reviews.mark_staff_only, review_id, image, user, revision)
        if not result.ok:
            await self._ephemeral(channel or view.ref.channel, user, f"ClearPost: {result.message}. Nothing was changed.")
        elif result.review is not None:
            self._spawn(self.reviews.publish(result.review))

    # ---- override (button -> modal -> justification) -----------------
    async def _on_override_button(self, ack, body: dict, action: dict) -> None:
        await ack()
        user = body.get("user", {}).get("id", "")
        channel = (body.get("channel") or {}).get("id", "")
        try:
            review_id = int(action.get("value", ""))
        except ValueError:
            return
        view = await asyncio.to_thread(self.reviews.get_by_id, review_id)
        if view is None or view.ref.platform != PLATFORM:
            return
        problem = None
        if not self.reviews.is_officer(PLATFORM, user):
            problem = "only a designated privacy officer can override findings"
        elif user == view.author:
            problem = "a privacy officer cannot clear their own draft"
        elif view.state != State.FLAGGED:
            problem = f"this draft is {view.state.value}; there is nothing to override"
        if problem:
            await self._ephemeral(channel or view.ref.channel, user, f"ClearPost: {problem}. Nothing was changed.")
            return
        await self.client.views_open(trigger_id=body["trigger_id"],
                                     view=override_modal(review_id, view.ref.channel, view.revision))

    async def _on_override_submit(self, ack, body: dict, view: dict) -> None:
        user = body.get("user", {}).get("id", "")
        try:
            meta = json.loads(view.get("private_metadata") or "{}")
            review_id = int(meta["review"])
            revision = meta.get("revision")  # the override covers the findings the officer saw
            revision = int(revision) if revision is not None else None  # a modal from before revisions
        except (ValueError, KeyError, TypeError):
            await ack()
            return
        reason = (((view.get("state") or {}).get("values") or {}).get("reason") or {}).get("reason", {}).get("value") or ""
        if not reason.strip():
            await ack(response_action="errors", errors={"reason": "Write why these findings are acceptable."})
            return
        target = await asyncio.to_thread(self.reviews.get_by_id, review_id)
        if target is None or target.ref.platform != PLATFORM:
            await ack(response_action="errors", errors={"reason": "Not cleared: that review is not a Slack draft."})
            return
        result = await asyncio.to_thread(self.reviews.decide_by_id, review_id, user, Event.OVERRIDE, reason, revision)
        if not result.ok:
            await ack(response_action="errors", errors={"reason": f"Not cleared: {result.message}."})
            return
        await ack()
        if result.review is not None:
            self._spawn(self.reviews.publish(result.review))

    # ---- /consent -----------------------------------------------------
    async def _on_consent(self, ack, command: dict) -> None:
        user = command.get("user_id", "")
        query = (command.get("text") or "").strip()
        if user not in self.config.consent_lookup_users(PLATFORM):
            await ack(response_type="ephemeral", text=CONSENT_REFUSAL)
            return
        if not query or query.lower() in ("help", "-h", "--help", "?"):
            await ack(response_type="ephemeral", text=CONSENT_HELP)
            return
        await ack(response_type="ephemeral", text=await self._consent_answer(query))

    async def _consent_answer(self, query: str) -> str:
        consents = getattr(self.services, "consents", None)
        if consents is None or not hasattr(consents, "lookup"):
            return CONSENT_UNAVAILABLE
        try:
            if inspect.iscoroutinefunction(consents.lookup):
                answer = await asyncio.wait_for(consents.lookup(query), CONSENT_TIMEOUT)
            else:
                answer = await asyncio.wait_for(asyncio.to_thread(consents.lookup, query), CONSENT_TIMEOUT)
            return answer.text()
        except Exception as e:  # noqa: BLE001 - the officer gets an answer either way
            log.error("consent look-up failed: %s", type(e).__name__)
            return CONSENT_UNAVAILABLE

    async def _on_other_event(self, event: dict) -> None:
        return None

    # ---- replies ------------------------------------------------------
    async def _ephemeral(self, channel: str, user: str, text: str) -> None:
        try:
            await self.client.chat_postEphemeral(channel=channel, user=user, text=text)
        except SlackApiError as e:
            log.warning("could not tell %s ephemerally: %s", user, e.response.get("error"))

    async def _reply_in_thread(self, channel: str, ts: str, text: str) -> None:
        try:
            await self.client.chat_postMessage(channel=channel, thread_ts=ts, text=text)
        except SlackApiError as e:
            log.warning("could not reply in thread: %s", e.response.get("error"))


def _library_logger(name: str) -> logging.Logger:
    """bolt and slack_sdk log whole payloads (drafts, reports, consent answers) at DEBUG and some
    at INFO: their loggers stay at WARNING whatever the root level is."""
    logger = logging.getLogger(name)
    logger.setLevel(logging.WARNING)
    return logger


def override_modal(review_id: int, channel: str, revision: int = 0) -> dict:
    """The justification form; its answer is recorded with the clearance in the audit trail."""
    return {
        "type": "modal", "callback_id": OVERRIDE_VIEW,
        "private_metadata": json.dumps({"review": review_id, "channel": channel, "revision": revision}),
        "title": {"type": "plain_text", "text": "Override findings"},
        "submit": {"type": "plain_text", "text": "Clear with override"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text":
                "This draft has blocking findings. Clearing it anyway is recorded in the audit trail "
                "with your name and the justification below. Do not paste patient details here."}},
            {"type": "input", "block_id": "reason", "label": {"type": "plain_text", "text": "Justification"},
             "element": {"type": "plain_text_input", "action_id": "reason", "multiline": True,
                         "min_length": 10, "max_length": 2000}},
        ],
    }
