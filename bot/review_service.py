"""The review workflow: the one owner of the review state machine.

Adapters translate platform payloads into calls here (draft posted, edited,
deleted, approval given or revoked) and publish the platform-neutral report
this service hands them. Every transition is stored with an audit row.
"""
from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import delete, insert, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import select
from cryptography.fernet import InvalidToken

from bot import audit
from bot.config import Config
from bot.db import insert_new, transaction
from bot.images import CleanedImage, ImageFetcher
from bot.leases import LeaseHolders
from bot.domain import (Attachment, Draft, Finding, MessageRef, Severity, Verdict, is_older, validate_draft_text,
                        verdict_of)
from bot.models import LeaseHolder, ProcessedEvent, Review, ReviewImage, utcnow
from bot.pipeline import Pipeline, PipelineResult, _failure_finding
from bot.states import Event, IllegalTransition, State, next_state
from bot.vault import Vault

log = logging.getLogger(__name__)

REPORT_GIVE_UP = timedelta(days=1)  # stop retrying a report that cannot be posted (channel gone)


MAX_REASON_CHARS = 2000  # an override justification: the forms say so, and so does the service


@dataclass(frozen=True)
class ReviewView:
    """A snapshot of a review for rendering a report: no draft text."""

    id: int
    ref: MessageRef
    author: str
    state: State
    targets: tuple[str, ...]
    findings: tuple[Finding, ...]
    verdict: str | None
    rewrite: str | None = field(repr=False)  # may still hold PHI a recognizer missed
    decided_by: str | None
    decided_at: datetime | None
    override_reason: str | None
    report_message_id: str | None
    revision: int = 0  # bumped by every edit: a decision made on an older report names the older one
    # the stored rewrite was encrypted under another CLEARPOST_DATA_KEY (the key changed): shown as missing
    text_unreadable: bool = False
    staff_only: tuple[int, ...] = ()  # attached images (1-based) an officer marked staff only

    @property
    def face_images(self) -> tuple[int, ...]:
        """Images with a face finding: the ones an officer may mark staff only."""
        return tuple(sorted({f.image for f in self.findings if f.code == FACE_CODE and f.image is not None}))

    @property
    def blocking(self) -> bool:
        return any(f.severity == Severity.BLOCK for f in self.findings)


FACE_CODE = "image.face"
STAFF_ONLY_NOTE = "; the picture is marked staff only by a privacy officer"


@dataclass(frozen=True)
class ActionResult:
    ok: bool
    message: str
    review: ReviewView | None = None
    duplicate: bool = False  # the platform event was applied before (a retry): say nothing


class ReportPublisher(Protocol):
    async def publish(self, review: ReviewView, maybe_posted: bool = False) -> str | None:
        """Post or update the report; return the report's message id. ``maybe_posted``:
        a report may exist that was never recorded (a crash right after posting):
        find and adopt it rather than post a second one."""


class ReviewService:
    def __init__(self, config: Config, engine, pipeline: Pipeline, vault: Vault | None = None,
                 max_concurrent: int | None = None, fetchers: dict[str, ImageFetcher] | None = None):
        self.config = config
        # how attached images are fetched, by platform ("slack", "teams"); console uploads carry their bytes
        self.fetchers: dict[str, ImageFetcher] = dict(fetchers or {})
        self.engine = engine
        self.pipeline = pipeline
        self.vault = vault or Vault(config.secrets.data_key)
        # a draft's text waiting to be checked: never plaintext on disk (bot/vault.py)
        self.text_vault = self.vault if self.vault.enabled else Vault.ephemeral()
        self.publishers: dict[str, ReportPublisher] = {}
        server = config.profile.server
        self.lease = timedelta(seconds=server.lease_seconds)
        self.holders = LeaseHolders(engine, timedelta(seconds=server.holder_timeout_seconds))
        self.owner = self.holders.id  # a lease names its holder, so a dead holder's leases are taken over
        self._slots = asyncio.Semaphore(max_concurrent or config.profile.server.max_concurrent_reviews)
        self._tasks: set[asyncio.Task] = set()
        # console uploads' bytes, by review id, from intake until that review's check: memory only
        # (bot/images.py); a restart in between makes the check ask for the upload again
        self._uploads: dict[int, tuple[bytes | None, ...]] = {}

    # ---- intake -------------------------------------------------------
    def submit(self, draft: Draft, event_id: str | None = None) -> int | None:
        """Store a new draft in ``checking``.

        With ``event_id`` the platform event is recorded in the same
        transaction, so a failure stores neither and the platform's retry is
        not mistaken for a duplicate. Returns the review id to check, or None
        when the event was taken in before or the message is already known
        (an edit of it may be newer)."""
        validate_draft_text(draft.text, has_attachments=bool(draft.attachments))
        return self.submit_many([(draft, event_id)])[0]

    def submit_many(self, items: list[tuple[Draft, str | None]]) -> list[int | None]:
        """``submit`` for a burst (validated by the caller), in one transaction:
        one commit, and a few statements whatever the number of drafts.

        Duplicates are skipped by the database (INSERT .. ON CONFLICT DO
        NOTHING), so another replica storing the same event or message at
        the same moment makes it None here, not an error; rows go in in key
        order, so two replicas' batches cannot deadlock on each other."""
        now = utcnow()
        keys = [_event_key(d.ref.platform, e) if e else None for d, e in items]
        events = {k: {"event_id": k, "platform": d.ref.platform, "received_at": now}
                  for (d, _), k in zip(items, keys) if k}
        with transaction(self.engine) as s:
            db = s.connection()
            taken = set()
            if events:
                taken = set(db.execute(insert_new(db, ProcessedEvent.__table__, "event_id")
                                       .returning(ProcessedEvent.event_id),
                                       [events[k] for k in sorted(events)]).scalars())
            firsts: dict[str, int] = {}  # message -> the one item that may store it
            for i, ((draft, _), key) in enumerate(zip(items, keys)):
                if key is not None:
                    if key not in taken:
                        continue  # a retry: taken in before, or by another replica just now
                    taken.discard(key)  # the same event twice in this batch: only the first counts
                firsts.setdefault(draft.ref.key, i)
            fresh = sorted(firsts.items())
            stored = {}
            if fresh:
                stored = dict(db.execute(insert_new(db, Review.__table__, "ref_key")
                                         .returning(Review.ref_key, Review.id),
                                         [self._new_row(items[i][0], now) for _, i in fresh]).all())
            audit.append_many(s, [_received_entry(items[i][0], stored[ref]) for ref, i in fresh if ref in stored])
        for ref, i in fresh:
            if ref in stored:
                self._hold_uploads(stored[ref], items[i][0])
        return [stored.get(d.ref.key) if firsts.get(d.ref.key) == i else None for i, (d, _) in enumerate(items)]

    def _store_edit(self, draft: Draft, event_id: str | None) -> int | None:
        """An edit (or the first sight of a message through its edit)."""
        with transaction(self.engine) as s:
            if event_id:
                s.add(ProcessedEvent(event_id=_event_key(draft.ref.platform, event_id), platform=draft.ref.platform))
                s.flush()
            # FOR UPDATE: a concurrent decision or check result on another replica waits for this edit
            row = s.exec(select(Review).where(Review.ref_key == draft.ref.key).with_for_update()).first()
            if row is None:
                return self._store_new(s, draft)
            if row.state == State.WITHDRAWN.value or row.content_hash == draft.content_hash:
                return None
            if is_older(draft.version, row.source_version):
                log.info("review %d: an older edit arrived late; ignored", row.id)
                return None
            return self._apply_edit(s, row, draft)

    def _store_new(self, s, draft: Draft) -> int:
        review_id = s.connection().execute(insert(Review.__table__).returning(Review.id),
                                           self._new_row(draft, utcnow())).scalar_one()
        audit.append_many(s, [_received_entry(draft, review_id)])
        self._hold_uploads(review_id, draft)
        return review_id

    def _hold_uploads(self, review_id: int, draft: Draft) -> None:
        if any(a.data is not None for a in draft.attachments):
            self._uploads[review_id] = tuple(a.data for a in draft.attachments)

    def _new_row(self, draft: Draft, now: datetime) -> dict:
        """A new review's columns, for a bulk INSERT (no ORM object per draft: a burst stays cheap)."""
        ref = draft.ref
        return {"ref_key": ref.key, "platform": ref.platform, "workspace": ref.workspace, "channel": ref.channel,
                "message_id": ref.message_id, "thread_id": ref.thread_id, "author": draft.author,
                "targets": json.dumps(list(draft.platforms)),
                "attachments": json.dumps([a.stored() for a in draft.attachments]),
                "content_hash": draft.content_hash, "state": State.CHECKING.value, "findings": "[]",
                "draft_text": self.text_vault.seal(draft.text), "revision": 0, "source_version": draft.version,
                # taken in by this process, which checks it (without a shared data key no other could read
                # its text): the sweep leaves it to us while we live (no lease time: we may check it at once)
                "lease_owner": self.owner,
                "created_at": now, "updated_at": now}

    def edit(self, draft: Draft, event_id: str | None = None) -> int | None:
        """An edited draft (or the first sight of one): void any clearance and check again."""
        validate_draft_text(draft.text, has_attachments=bool(draft.attachments))
        try:
            return self._store_edit(draft, event_id)
        except IntegrityError:
            return None

    def _apply_edit(self, s, row: Review, draft: Draft) -> int:
        before = row.state
        row.state = next_state(State(row.state), Event.EDIT).value
        row.content_hash = draft.content_hash
        row.targets = json.dumps(list(draft.platforms))
        row.attachments = json.dumps([a.stored() for a in draft.attachments])
        row.draft_text = self.text_vault.seal(draft.text)
        row.revision += 1
        row.source_version = draft.version
        row.decided_by = row.decided_at = row.override_reason = None
        row.lease_owner, row.lease_until = self.owner, None  # ours to check, as a new draft
        row.staff_only = "[]"  # an officer's "staff only" was about the pictures they saw
        row.updated_at = utcnow()
        s.add(row)
        _drop_images(s, row.id)  # cleaned copies of the old version; the new check makes its own
        self._uploads.pop(row.id, None)
        self._hold_uploads(row.id, draft)
        audit.append(s, draft.author, "draft_edited", review_id=row.id, details={
            "content_hash": draft.content_hash, "from": before,
            "voided_clearance": before == State.CLEARED.value})
        return row.id

    def withdraw(self, ref: MessageRef, actor: str, event_id: str | None = None) -> ActionResult:
        return self._decide(ref, actor, Event.DELETE, authorise=False, event_id=event_id)

    # ---- checking -----------------------------------------------------
    def schedule(self, review_id: int) -> asyncio.Task:
        """Review in the background with bounded concurrency."""
        return self._track(self.check(review_id))

    async def drain(self, timeout: float) -> int:
        """Graceful shutdown: wait until every review taken in is checked and
        reported (including ones scheduled while waiting) or ``timeout``
        seconds pass; then stop the rest and release their leases, so the
        next process takes them at once. Returns how many were left."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self._tasks and loop.time() < deadline:
            await asyncio.wait(set(self._tasks), timeout=deadline - loop.time())
        left = list(self._tasks)
        for task in left:
            task.cancel()
        if left:
            await asyncio.wait(left, timeout=2.0)
        await asyncio.to_thread(self.holders.release_mine)
        return len(left)

    def _track(self, coro) -> asyncio.Task:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task) -> None:
        """A review task that failed (the database went away, say) is logged, never left
        as "Task exception was never retrieved"; the sweep takes the review up again."""
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.warning("a review task failed: %s; the sweep will retry it", type(task.exception()).__name__)

    def _claim(self, review_id: int) -> Review | None:
        now = utcnow()
        with transaction(self.engine) as s:
            claimed = s.execute(
                update(Review)
                .where(Review.id == review_id, Review.state == State.CHECKING.value,
                       or_(Review.lease_until.is_(None), Review.lease_until < now))
                .values(lease_owner=self.owner, lease_until=now + self.lease)
            ).rowcount
            return s.get(Review, review_id) if claimed else None

    def _release(self, review_id: int) -> None:
        with transaction(self.engine) as s:
            s.execute(update(Review).where(Review.id == review_id, Review.lease_owner == self.owner)
                      .values(lease_owner=None, lease_until=None))

    async def check(self, review_id: int) -> ReviewView | None:
        """Run the checks for a review this replica manages to lease, and
        report them. The lease is kept until the report is posted, so a
        checked review with no report and no live lease is one whose holder
        died before posting: the sweep can take it at once."""
        async with self._slots:
            # database work off the event loop: a commit (fsync) there would stall every acknowledgement
            row = await asyncio.to_thread(self._claim, review_id)
            uploads = self._uploads.pop(review_id, None)  # used by this check, or by none
            if row is None:
                return None
            try:
                draft = self._draft_of(row, uploads)
            except InvalidToken:  # sealed with the memory-only key of a process that died (bot/vault.py)
                log.warning("review %d: its text was sealed by a process that stopped; asking for a re-post",
                            review_id)
                draft = None
            if draft is None or row.draft_text is None:  # nothing to check is not a pass (fail closed)
                result = PipelineResult(findings=(_failure_finding("intake"),), rewrite=None, failures=("intake",))
            else:
                result = await self.pipeline.run(draft, fetchers=self.fetchers)
            view = await asyncio.to_thread(self._store_result, row.id, row.revision, result)
        try:
            if view is not None:
                await self.publish(view)
        finally:
            await asyncio.to_thread(self._release, review_id)
        return view

    def _draft_of(self, row: Review, uploads: tuple[bytes | None, ...] | None = None) -> Draft:
        """The stored draft; ``uploads``: console uploads' bytes held since intake, by position."""
        ref = MessageRef(row.platform, row.workspace, row.channel, row.message_id, row.thread_id)
        attachments = [Attachment.from_stored(a) for a in json.loads(row.attachments)]
        if uploads is not None and len(uploads) == len(attachments):
            attachments = [replace(a, data=d) for a, d in zip(attachments, uploads)]
        return Draft(text=self.text_vault.open(row.draft_text) or "", author=row.author, ref=ref,
                     platforms=tuple(json.loads(row.targets)), attachments=tuple(attachments))

    def _store_result(self, review_id: int, revision: int, result: PipelineResult) -> ReviewView | None:
        with transaction(self.engine) as s:
            row = s.get(Review, review_id, with_for_update=True)  # an edit committed meanwhile is seen
            if row is None or row.revision != revision or row.state != State.CHECKING.value:
                return None  # edited or withdrawn meanwhile: that run's result is stale
            # information alone (a consent that covers the post, a staff name) needs no change
            event = (Event.CHECKS_FAILED if result.failed
                     else Event.CHECKS_FLAGGED if result.verdict != Verdict.PASS else Event.CHECKS_PASSED)
            row.state = next_state(State.CHECKING, event).value
            row.check_outcome = row.state
            row.verdict = result.verdict.value
            row.findings = json.dumps([f.to_dict() for f in result.findings])
            row.rewrite = self.vault.seal(result.rewrite)
            _drop_images(s, row.id)
            for image in result.cleaned:  # kept, like the rewrite, until the draft's texts are deleted
                s.add(ReviewImage(review_id=row.id, image=image.index, name=image.name[:400],
                                  mimetype=image.mimetype, data=self.text_vault.seal_bytes(image.data)))
            if not self.config.profile.storage.store_draft_text:
                row.draft_text = None  # minimum necessary: the text was only kept until checked
            row.lease_until = utcnow() + self.lease  # still ours until the report is posted
            row.updated_at = utcnow()
            s.add(row)
            audit.append(s, "clearpost", "checks_run", review_id=row.id, details={
                "content_hash": row.content_hash, "state": row.state, "verdict": row.verdict,
                "failures": list(result.failures),
                "findings": [{k: v for k, v in f.to_dict().items()
                              if k in ("check", "code", "severity", "entity", "start", "end", "image", "box")}
                             for f in result.findings],
                "consents": audit.consents_cited(s, result.findings)})
            return self._view(row)

    async def resume_pending(self) -> list[int]:
        """Check every review left in ``checking`` with no live lease, and post
        every missing report (a crash, a restart, a dead replica, an outage).
        Leases of dead holders are released first, so nothing waits them out."""
        await asyncio.to_thread(self.holders.reclaim)
        ids = await asyncio.to_thread(self._pending_ids)
        for rid in ids:
            self.schedule(rid)
        for rid in await asyncio.to_thread(self._unreported_ids):
            view = await asyncio.to_thread(self._lease_for_report, rid)
            if view is not None:  # another replica may have taken it meanwhile
                self._track(self._report_leased(view))
                ids.append(rid)
        return ids

    async def _report_leased(self, view: ReviewView) -> None:
        try:
            # its holder may have posted it and died before storing the id
            await self.publish(view, maybe_posted=True)
        finally:
            await asyncio.to_thread(self._release, view.id)

    def _unreported_ids(self) -> list[int]:
        """Checked reviews whose report was never posted (a crash between storing and posting)."""
        now = utcnow()
        if not self.publishers:
            return []
        with transaction(self.engine) as s:
            return list(s.exec(select(Review.id).where(
                Review.report_message_id.is_(None), Review.platform.in_(list(self.publishers)),
                Review.state.in_([State.CLEAN.value, State.FLAGGED.value, State.FAILED.value]),
                Review.updated_at > now - REPORT_GIVE_UP,
                or_(Review.lease_until.is_(None), Review.lease_until < now))))

    def _lease_for_report(self, review_id: int) -> ReviewView | None:
        """One replica posts a missing report: the same lease as for checking."""
        now = utcnow()
        with transaction(self.engine) as s:
            taken = s.execute(
                update(Review)
                .where(Review.id == review_id, Review.report_message_id.is_(None),
                       or_(Review.lease_until.is_(None), Review.lease_until < now))
                .values(lease_owner=self.owner, lease_until=now + self.lease)
            ).rowcount
            return self._view(s.get(Review, review_id)) if taken else None

    def _pending_ids(self) -> list[int]:
        """Reviews nobody is checking: no live lease, and not just taken in by another live
        process (its draft text may be sealed with a key only that process holds)."""
        now = utcnow()
        with transaction(self.engine) as s:
            return list(s.exec(select(Review.id).where(
                Review.state == State.CHECKING.value,
                or_(Review.lease_until.is_(None), Review.lease_until < now),
                or_(Review.lease_until.is_not(None), Review.lease_owner.is_(None), Review.lease_owner == self.owner,
                    Review.lease_owner.not_in(select(LeaseHolder.id))))))

    # ---- decisions ----------------------------------------------------
    def is_officer(self, platform: str, user: str) -> bool:
        return user in self.config.officers_for(platform)

    def approve(self, ref: MessageRef, actor: str, event_id: str | None = None) -> ActionResult:
        return self._decide(ref, actor, Event.APPROVE, event_id=event_id)

    def override(self, ref: MessageRef, actor: str, reason: str) -> ActionResult:
        if not reason or not reason.strip():
            return ActionResult(False, "an override needs a written justification")
        if len(reason.strip()) > MAX_REASON_CHARS:
            return ActionResult(False, f"the justification is limited to {MAX_REASON_CHARS} characters")
        return self._decide(ref, actor, Event.OVERRIDE, reason=reason.strip())

    def reject(self, ref: MessageRef, actor: str, event_id: str | None = None) -> ActionResult:
        return self._decide(ref, actor, Event.REJECT, event_id=event_id)

    def revoke(self, ref: MessageRef, actor: str, event_id: str | None = None) -> ActionResult:
        return self._decide(ref, actor, Event.REVOKE, event_id=event_id)

    def _decide(self, ref: MessageRef, actor: str, event: Event, reason: str | None = None,
                authorise: bool = True, event_id: str | None = None) -> ActionResult:
        """With ``event_id`` the platform event is recorded in the decision's own
        transaction: a retry is recognised, and a failed write records neither."""
        try:
            with transaction(self.engine) as s:
                if event_id:
                    s.add(ProcessedEvent(event_id=_event_key(ref.platform, event_id), platform=ref.platform))
                    s.flush()
                row = s.exec(select(Review).where(Review.ref_key == ref.key).with_for_update()).first()
                if row is None:
                    return ActionResult(False, "no review for that message")
                return self._decide_row(s, row, actor, event, reason, authorise)
        except IntegrityError:
            if not event_id:
                raise
            return ActionResult(False, "this event was applied before", duplicate=True)

    def record_refusal(self, review_id: int, actor: str, event: Event | str, why: str, **details) -> None:
        """Audit a decision an adapter refused before asking the service (docs/audit.md);
        ``event`` may be "staff_only" (with ``image=N``)."""
        with transaction(self.engine) as s:
            audit.append(s, actor, "decision_refused", review_id=review_id,
                         details={"attempted": event.value if isinstance(event, Event) else event, **details,
                                  "why": why})

    def decide_by_id(self, review_id: int, actor: str, event: Event, reason: str | None = None,
                     revision: int | None = None) -> ActionResult:
        """``revision``: the one the officer saw (a form or card); an edit since then refuses the decision."""
        if event == Event.OVERRIDE and not (reason or "").strip():
            return ActionResult(False, "an override needs a written justification")
        if reason is not None and len(reason.strip()) > MAX_REASON_CHARS:
            return ActionResult(False, f"the justification is limited to {MAX_REASON_CHARS} characters")
        with transaction(self.engine) as s:
            row = s.get(Review, review_id, with_for_update=True)
            if row is None:
                return ActionResult(False, "no such review")
            if revision is not None and revision != row.revision:
                return ActionResult(False, "the draft was edited after you opened this; decide on the new report",
                                    self._view(row))
            return self._decide_row(s, row, actor, event, reason, True)

    def _decide_row(self, s, row: Review, actor: str, event: Event, reason: str | None,
                    authorise: bool) -> ActionResult:
        if authorise:
            if not self.is_officer(row.platform, actor):
                audit.append(s, actor, "decision_refused", review_id=row.id,
                             details={"attempted": event.value, "why": "not_officer"})
                return ActionResult(False, "only a designated privacy officer can do that", self._view(row))
            if actor == row.author and event in (Event.APPROVE, Event.OVERRIDE):
                audit.append(s, actor, "decision_refused", review_id=row.id,
                             details={"attempted": event.value, "why": "own_draft"})
                return ActionResult(False, "a privacy officer cannot clear their own draft", self._view(row))
        view = self._view(row)
        if event == Event.APPROVE and view.blocking:
            return ActionResult(False, "this draft has blocking findings: use Override with a written justification", view)
        if event == Event.OVERRIDE and row.state != State.FLAGGED.value:
            return ActionResult(False, f"override applies to a draft with findings, not one that is {row.state}", view)
        if event == Event.REVOKE and row.state != State.CLEARED.value:
            return ActionResult(False, "nothing to revoke", view)
        try:
            target = next_state(State(row.state), event, State(row.check_outcome) if row.check_outcome else None)
        except IllegalTransition as e:
            return ActionResult(False, str(e), view)
        before = row.state
        row.state = target.value
        if target in (State.CLEARED, State.REJECTED):
            row.decided_by, row.decided_at = actor, utcnow()
            row.override_reason = reason if event == Event.OVERRIDE else None
        elif event in (Event.REVOKE,):
            row.decided_by = row.decided_at = row.override_reason = None
        if target == State.WITHDRAWN:
            row.draft_text = row.rewrite = None  # a deleted draft keeps no text, not even the rewrite
            _drop_images(s, row.id)  # nor a cleaned copy of its pictures
        row.updated_at = utcnow()
        s.add(row)
        details = {"from": before, "to": row.state, "content_hash": row.content_hash}
        if reason:
            details["justification"] = reason
        audit.append(s, actor, event.value, review_id=row.id, details=details)
        return ActionResult(True, f"{event.value}: {before} -> {row.state}", self._view(row))

    # ---- reading and publishing --------------------------------------
    def get(self, ref: MessageRef) -> ReviewView | None:
        with transaction(self.engine) as s:
            row = s.exec(select(Review).where(Review.ref_key == ref.key)).first()
            return self._view(row) if row else None

    def get_by_id(self, review_id: int) -> ReviewView | None:
        with transaction(self.engine) as s:
            row = s.get(Review, review_id)
            return self._view(row) if row else None

    def find_by_report(self, platform: str, channel: str, report_message_id: str) -> ReviewView | None:
        with transaction(self.engine) as s:
            row = s.exec(select(Review).where(Review.platform == platform, Review.channel == channel,
                                              Review.report_message_id == report_message_id)).first()
            return self._view(row) if row else None

    def cleaned_images(self, review_id: int) -> list[CleanedImage]:
        """The cleaned copies of a review's images that had findings, in image order; [] once
        the draft's texts are deleted (withdrawn, purged) or when there are none. A copy
        sealed by a process that stopped (no CLEARPOST_DATA_KEY) is left out."""
        with transaction(self.engine) as s:
            rows = s.exec(select(ReviewImage).where(ReviewImage.review_id == review_id)
                          .order_by(ReviewImage.image)).all()
            out = []
            for r in rows:
                try:
                    out.append(CleanedImage(r.image, r.name, r.mimetype, self.text_vault.open_bytes(r.data)))
                except InvalidToken:
                    log.warning("review %d: cleaned image %d was sealed under another key; left out",
                                review_id, r.image)
            return out

    # ---- "staff only" -------------------------------------------------
    def mark_staff_only(self, review_id: int, image: int, actor: str, revision: int | None = None) -> ActionResult:
        """An officer says a picture shows staff, not patients: that image's face findings
        become information (audited as ``image_staff_only``) and the verdict is decided again.
        Only designated officers, never on their own draft (refusals audited); an edit of the
        draft voids the marking. ``revision``: the report the officer saw."""
        with transaction(self.engine) as s:
            row = s.get(Review, review_id, with_for_update=True)
            if row is None:
                return ActionResult(False, "no such review")
            why = ("not_officer" if not self.is_officer(row.platform, actor)
                   else "own_draft" if actor == row.author else None)
            if why is not None:
                audit.append(s, actor, "decision_refused", review_id=row.id,
                             details={"attempted": "staff_only", "image": image, "why": why})
                return ActionResult(False, "only a designated privacy officer can do that" if why == "not_officer"
                                    else "a privacy officer cannot mark pictures in their own draft", self._view(row))
            view = self._view(row)
            if revision is not None and revision != row.revision:
                return ActionResult(False, "the draft was edited after you opened this; decide on the new report", view)
            if row.state not in (State.CLEAN.value, State.FLAGGED.value):
                return ActionResult(False, f"pictures can be marked while a draft waits for a decision, not once it is {row.state}", view)
            if image not in view.face_images:
                return ActionResult(False, f"image {image} has no faces to mark", view)
            if image in view.staff_only:
                return ActionResult(True, f"image {image} is already marked staff only", view)
            findings, changed = [], 0
            for f in view.findings:
                if f.code == FACE_CODE and f.image == image and f.severity != Severity.INFO:
                    f = replace(f, severity=Severity.INFO, message=f.message + STAFF_ONLY_NOTE)
                    changed += 1
                findings.append(f)
            before, verdict_before = row.state, row.verdict
            verdict = verdict_of(findings)
            row.findings = json.dumps([f.to_dict() for f in findings])
            row.verdict = verdict.value
            row.staff_only = json.dumps(sorted({*view.staff_only, image}))
            if row.state in (State.CLEAN.value, State.FLAGGED.value):  # as if the checks had found this
                row.state = next_state(State.CHECKING, Event.CHECKS_FLAGGED if verdict != Verdict.PASS
                                       else Event.CHECKS_PASSED).value
                row.check_outcome = row.state
            row.updated_at = utcnow()
            s.add(row)
            audit.append(s, actor, "image_staff_only", review_id=row.id, details={
                "image": image, "faces": changed, "from": before, "to": row.state,
                "verdict_from": verdict_before, "verdict": row.verdict, "content_hash": row.content_hash})
            return ActionResult(True, f"image {image} marked staff only: {before} -> {row.state}", self._view(row))


    async def publish(self, view: ReviewView, maybe_posted: bool = False) -> None:
        publisher = self.publishers.get(view.ref.platform)
        if publisher is None:
            return
        message_id = await publisher.publish(view, maybe_posted=maybe_posted)
        if message_id and message_id != view.report_message_id:
            await asyncio.to_thread(self._store_report_id, view.id, message_id)

    def _store_report_id(self, review_id: int, message_id: str) -> None:
        with transaction(self.engine) as s:
            row = s.get(Review, review_id)
            row.report_message_id = message_id
            s.add(row)

    def _view(self, row: Review) -> ReviewView:
        try:
            rewrite, unreadable = self.vault.open(row.rewrite), False
        except InvalidToken:  # CLEARPOST_DATA_KEY changed since it was stored: the rest of the review stands
            rewrite, unreadable = None, True
        return ReviewView(
            id=row.id, ref=MessageRef(row.platform, row.workspace, row.channel, row.message_id, row.thread_id),
            author=row.author, state=State(row.state), targets=tuple(json.loads(row.targets)),
            findings=tuple(Finding.from_dict(d) for d in json.loads(row.findings)),
            verdict=row.verdict, rewrite=rewrite, decided_by=row.decided_by,
            decided_at=row.decided_at, override_reason=row.override_reason,
            report_message_id=row.report_message_id, revision=row.revision, text_unreadable=unreadable,
            staff_only=tuple(json.loads(row.staff_only or "[]")),
        )


def _drop_images(s, review_id: int) -> None:
    s.execute(delete(ReviewImage).where(ReviewImage.review_id == review_id))


def _event_key(platform: str, event_id: str) -> str:
    """Event ids are unique per platform only."""
    return f"{platform}:{event_id}"


def _received_entry(draft: Draft, review_id: int) -> audit.Entry:
    return audit.Entry(draft.author, "draft_received", review_id=review_id, details={
        "ref": draft.ref.key, "content_hash": draft.content_hash,
        "targets": list(draft.platforms), "attachments": len(draft.attachments)})
