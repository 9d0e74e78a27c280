"""The console's review channel: paste a draft, see what the checks found in
place, and (for a privacy officer) approve, override with a reason, or
reject, through the same review service the chat adapters use.

A console draft is ``MessageRef("console", "local", "console", <uuid>)``.
The pasted text comes in a POST body and is shown back once, on the result
page of the person who typed it; the console itself keeps nothing beyond
what the review service stores (the text only when the profile asks for it,
encrypted).
"""
from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid

from aiohttp import web
from cryptography.fernet import InvalidToken
from sqlmodel import select

from adapters.console.highlight import pieces
from adapters.console.web import CONSOLE_KEY, PREFIX, Viewer, page, refuse, render, see_other
from bot.config import PLATFORMS
from bot.db import transaction
from adapters.console.uploads import ACCEPT, KINDS, MAX_UPLOADS, UPLOAD_ERROR, UPLOADS
from bot.domain import Attachment, Draft, DraftRejected, MessageRef, validate_draft_text
from bot.models import Review
from bot.review_service import MAX_REASON_CHARS, ActionResult, ReviewView
from bot.states import Event, State

log = logging.getLogger(__name__)

PLATFORM = "console"
CHANNEL = "console"
ACTIONS = {"approve": Event.APPROVE, "override": Event.OVERRIDE, "reject": Event.REJECT,
           "revoke": Event.REVOKE}
STATE_TEXT = {
    State.CHECKING: "Checking: the checks have not finished yet.",
    State.CLEAN: "Clean: no findings. Waiting for a privacy officer to approve.",
    State.FLAGGED: "Flagged: see the findings. Waiting for a privacy officer.",
    State.FAILED: "Failed: a check could not finish, so this draft is not cleared. Post it again.",
    State.CLEARED: "Cleared: a privacy officer approved this draft. It may be published as written.",
    State.REJECTED: "Rejected: a privacy officer refused this draft. Do not publish it.",
    State.WITHDRAWN: "Withdrawn.",
}
# what a decision that went through did, in words, shown once on the page it redirects to;
# only when the review is in the state that decision leads to (a hand-made ?done= says nothing)
DONE_TEXT = {
    "approve": ({State.CLEARED}, "Approved: this draft is cleared and may be published as written."),
    "override": ({State.CLEARED}, "Overridden: this draft is cleared, with your justification in the audit trail."),
    "reject": ({State.REJECTED}, "Rejected: this draft must not be published."),
    "revoke": ({State.CLEAN, State.FLAGGED, State.FAILED}, "Decision revoked: this draft waits for a privacy officer again."),
    "staff_only": ({State.CLEAN, State.FLAGGED}, "Marked staff only: that picture's faces no longer need a patient's "
                                                 "consent (recorded in the audit trail)."),
}
HOLD_SECONDS = 60.0  # a submitted text waits this long at most for its redirected page


def _default_targets(request: web.Request) -> list[str]:
    rc = request.app[CONSOLE_KEY].services.config.channel(PLATFORM, CHANNEL)
    return list(rc.default_targets) if rc else []


def _my_recent(request: web.Request, viewer: Viewer, limit: int = 10) -> list[dict]:
    """The viewer's last drafts, told apart by targets, finding count and time (the text is not kept)."""
    engine = request.app[CONSOLE_KEY].services.engine
    with transaction(engine) as s:
        rows = list(s.exec(select(Review).where(Review.platform == PLATFORM, Review.author == viewer.username)
                           .order_by(Review.id.desc()).limit(limit)))
        return [{"id": r.id, "state": r.state, "verdict": r.verdict, "created_at": r.created_at,
                 "decided_by": r.decided_by, "targets": json.loads(r.targets),
                 "findings_count": sum(1 for f in json.loads(r.findings) if f.get("severity") != "info")}
                for r in rows]


def _compose(request: web.Request, viewer: Viewer, status: int = 200, error: str | None = None,
             text: str = "", targets: list[str] | None = None) -> web.Response:
    images = request.app[CONSOLE_KEY].services.config.profile.images
    return render(request, "review_new.html", status=status, viewer=viewer, error=error, text=text,
                  platforms=PLATFORMS, targets=targets if targets is not None else _default_targets(request),
                  recent=_my_recent(request, viewer), state_names={s.value: s.value.upper() for s in State},
                  images=images.enabled, accept=ACCEPT, max_uploads=MAX_UPLOADS, kinds=KINDS,
                  max_mb=f"{images.max_bytes / 1_000_000:g}")


@page()
async def compose(request: web.Request, viewer: Viewer, form) -> web.Response:
    return _compose(request, viewer)


@page(upload=True)
async def submit(request: web.Request, viewer: Viewer, form) -> web.Response:
    services = request.app[CONSOLE_KEY].services
    text = str(form.get("text") or "").replace("\r\n", "\n")
    targets = [t for t in form.getall("target", []) if t in PLATFORMS]
    uploads = request.get(UPLOADS) or []
    problem = request.get(UPLOAD_ERROR) or next((u.error for u in uploads if u.error), None)
    if problem:  # the text stays in the box; only the pictures must be chosen again
        return _compose(request, viewer, 400 if request.get(UPLOAD_ERROR) is None else 413,
                        f"Cannot attach the pictures: {problem}. Your text is kept below; choose the "
                        f"pictures again ({KINDS}, at most {MAX_UPLOADS}).", text, targets)
    try:
        validate_draft_text(text, has_attachments=bool(uploads))
    except DraftRejected as e:
        return _compose(request, viewer, 400, f"Cannot review this draft: {e}.", text, targets)
    ref = MessageRef(PLATFORM, "local", CHANNEL, uuid.uuid4().hex)
    # stored under neutral names (a file's own name may be a patient's); the bytes stay in memory
    attachments = tuple(Attachment(f"image-{u.position}.{u.mimetype.split('/')[1].replace('jpeg', 'jpg')}",
                                   u.mimetype, data=u.data) for u in uploads)
    draft = Draft(text=text, author=viewer.username, ref=ref, platforms=tuple(targets), attachments=attachments)
    # database work off the event loop: a commit there would stall the chat platforms' acknowledgements
    review_id = await asyncio.to_thread(services.reviews.submit, draft)
    view = await services.reviews.check(review_id) or await asyncio.to_thread(services.reviews.get_by_id, review_id)
    log.info("console review %s: %s", review_id, view.state.value)
    # post/redirect/get: reloading the result page must not submit the draft again. The text goes
    # to that page through memory (never the database) and is taken out when it is shown.
    held = request.app[CONSOLE_KEY].just_submitted
    now = time.monotonic()
    for key in [k for k, (_, deadline) in held.items() if deadline < now]:
        del held[key]
    held[(viewer.username, review_id)] = (text, now + HOLD_SECONDS)
    return see_other(f"{PREFIX}/reviews/{review_id}")


def _stored_text(request: web.Request, view: ReviewView) -> tuple[str | None, bool]:
    """The draft text when the profile keeps it (encrypted) and it is still there, and whether a
    stored text could not be read (encrypted under an earlier CLEARPOST_DATA_KEY)."""
    services = request.app[CONSOLE_KEY].services
    if not services.config.profile.storage.store_draft_text:
        return None, False
    with transaction(services.engine) as s:
        row = s.get(Review, view.id)
        sealed = row.draft_text if row else None
    try:
        return (services.reviews.vault.open(sealed) if sealed else None), False
    except InvalidToken:
        return None, True


def _may_see(viewer: Viewer, view: ReviewView) -> bool:
    return viewer.is_officer or (view.ref.platform == PLATFORM and view.author == viewer.username)


def _actions(viewer: Viewer, view: ReviewView) -> tuple[list[str], str | None]:
    """What this viewer may do with this review, and why not when nothing."""
    if not viewer.is_officer:
        if viewer.role == "officer":
            return [], "Your account has the officer role but is not listed under officers.console in the profile."
        return [], None
    if view.ref.platform != PLATFORM:
        return [], f"This draft came from {view.ref.platform.title()}: decide it there, in its review thread."
    own = view.author == viewer.username
    allowed = []
    if view.state in (State.CLEAN, State.FLAGGED) and not view.blocking and not own:
        allowed.append("approve")
    if view.state == State.FLAGGED and not own:
        allowed.append("override")
    if view.state in (State.CLEAN, State.FLAGGED, State.FAILED, State.CLEARED):
        allowed.append("reject")
    if view.state in (State.CLEARED, State.REJECTED):
        allowed.append("revoke")
    why = ("You wrote this draft: another privacy officer must clear it."
           if own and view.state in (State.CLEAN, State.FLAGGED) else None)
    return allowed, why


def _show(request: web.Request, viewer: Viewer, view: ReviewView, text: str | None = None,
          result: ActionResult | None = None, status: int = 200) -> web.Response:
    unreadable = view.text_unreadable
    if text is None:
        text, lost = _stored_text(request, view)
        unreadable = unreadable or lost
    allowed, why = _actions(viewer, view)
    cleaned = request.app[CONSOLE_KEY].services.reviews.cleaned_images(view.id) if view.findings else []
    return render(request, "review_show.html", status=status, viewer=viewer, review=view,
                  cleaned=cleaned, staff_only_images=_staff_only_choices(viewer, view),
                  state_text=STATE_TEXT[view.state], pieces=pieces(text, view.findings) if text else None,
                  actions=allowed, why_not=why, result=result, received_day=_received_day(request, view),
                  text_unreadable=unreadable,
                  show_rewrite=bool(view.rewrite and view.findings and view.rewrite != text))


def _received_day(request: web.Request, view: ReviewView) -> str:
    with transaction(request.app[CONSOLE_KEY].services.engine) as s:
        row = s.get(Review, view.id)
        return row.created_at.date().isoformat() if row else ""


def _review_id(request: web.Request) -> int | None:
    raw = request.match_info.get("id", "")
    return int(raw) if raw.isdigit() and len(raw) < 12 else None


def _visible_review(request: web.Request, viewer: Viewer) -> ReviewView | None:
    """The review the URL names, if this viewer may see it (otherwise the same 404 as a missing one)."""
    rid = _review_id(request)
    view = request.app[CONSOLE_KEY].services.reviews.get_by_id(rid) if rid else None
    return view if view is not None and _may_see(viewer, view) else None


@page()
async def show(request: web.Request, viewer: Viewer, form) -> web.Response:
    view = _visible_review(request, viewer)
    if view is None:
        return refuse(request, 404, "No such review.", viewer)
    text, deadline = request.app[CONSOLE_KEY].just_submitted.pop((viewer.username, view.id), (None, 0.0))
    done = DONE_TEXT.get(request.query.get("done", ""))
    result = ActionResult(True, done[1]) if done and view.state in done[0] else None
    return _show(request, viewer, view, text=text if deadline >= time.monotonic() else None, result=result)


@page()
async def decide(request: web.Request, viewer: Viewer, form) -> web.Response:
    services = request.app[CONSOLE_KEY].services
    view = _visible_review(request, viewer)
    if view is None:
        return refuse(request, 404, "No such review.", viewer)
    event = ACTIONS.get(str(form.get("action") or ""))
    if event is None:
        return refuse(request, 400, "Unknown action.", viewer)
    if not viewer.is_officer:
        services.reviews.record_refusal(view.id, viewer.username, event, "not_officer")
        return _show(request, viewer, view, status=403,
                     result=ActionResult(False, "only a designated privacy officer can do that"))
    if view.ref.platform != PLATFORM:
        return _show(request, viewer, view, status=409,
                     result=ActionResult(False, f"decide {view.ref.platform} drafts in {view.ref.platform}"))
    reason = str(form.get("reason") or "").strip() or None
    if reason is not None and len(reason) > MAX_REASON_CHARS:
        return _show(request, viewer, view, status=400, result=ActionResult(
            False, f"the justification is limited to {MAX_REASON_CHARS} characters"))
    result = services.reviews.decide_by_id(view.id, viewer.username, event, reason)
    latest = result.review or services.reviews.get_by_id(view.id)
    if result.ok:
        await services.reviews.publish(latest)
        return see_other(f"{PREFIX}/reviews/{view.id}?done={form.get('action')}")  # post/redirect/get
    return _show(request, viewer, latest, result=result, status=409)


def _staff_only_choices(viewer: Viewer, view: ReviewView) -> list[int]:
    """Images this officer may mark staff only here: ones with faces not yet marked, on a
    console draft that waits for a decision and is not their own."""
    if not viewer.is_officer or view.ref.platform != PLATFORM or view.author == viewer.username \
            or view.state not in (State.CLEAN, State.FLAGGED):
        return []
    return [i for i in view.face_images if i not in view.staff_only]


@page()
async def staff_only(request: web.Request, viewer: Viewer, form) -> web.Response:
    """An officer marks one picture as showing staff only: its faces stop blocking (audited)."""
    services = request.app[CONSOLE_KEY].services
    view = _visible_review(request, viewer)
    if view is None:
        return refuse(request, 404, "No such review.", viewer)
    raw = str(form.get("image") or "")
    image = int(raw) if raw.isdigit() and len(raw) < 4 else None
    if image is None:
        return refuse(request, 400, "Which picture? The form named none.", viewer)
    if not viewer.is_officer:
        await asyncio.to_thread(services.reviews.record_refusal, view.id, viewer.username, "staff_only",
                                "not_officer", image=image)
        return _show(request, viewer, view, status=403,
                     result=ActionResult(False, "only a designated privacy officer can do that"))
    if view.ref.platform != PLATFORM:
        return _show(request, viewer, view, status=409,
                     result=ActionResult(False, f"decide {view.ref.platform} drafts in {view.ref.platform}"))
    raw_rev = str(form.get("revision") or "")
    revision = int(raw_rev) if raw_rev.isdigit() and len(raw_rev) < 10 else None
    result = await asyncio.to_thread(services.reviews.mark_staff_only, view.id, image, viewer.username, revision)
    latest = result.review or services.reviews.get_by_id(view.id)
    if result.ok:
        await services.reviews.publish(latest)
        return see_other(f"{PREFIX}/reviews/{view.id}?done=staff_only")
    return _show(request, viewer, latest, result=result, status=409)


@page()
async def cleaned_image(request: web.Request, viewer: Viewer, form) -> web.StreamResponse:
    """A cleaned copy, for the draft's author and the privacy officers (as the review page)."""
    services = request.app[CONSOLE_KEY].services
    view = _visible_review(request, viewer)
    if view is None:
        return refuse(request, 404, "No such review.", viewer)
    raw = request.match_info.get("n", "")
    copies = await asyncio.to_thread(services.reviews.cleaned_images, view.id) if raw.isdigit() else []
    copy = next((c for c in copies if str(c.index) == raw), None)
    if copy is None:
        return refuse(request, 404, "No cleaned copy of that picture (it is deleted with the draft's text).", viewer)
    return web.Response(body=copy.data, content_type=copy.mimetype, headers={
        "Content-Disposition": f'attachment; filename="review-{view.id}-{copy.name}"'})


def routes() -> list[web.RouteDef]:
    return [
        web.get(f"{PREFIX}/review", compose),
        web.post(f"{PREFIX}/review", submit),
        web.get(f"{PREFIX}/reviews/{{id}}", show),
        web.post(f"{PREFIX}/reviews/{{id}}/decide", decide),
        web.post(f"{PREFIX}/reviews/{{id}}/staff-only", staff_only),
        web.get(f"{PREFIX}/reviews/{{id}}/images/{{n}}", cleaned_image),
    ]
