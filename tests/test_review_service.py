"""The review workflow through the real composition root, on SQLite and PostgreSQL."""

import pytest
from sqlmodel import Session, select

from bot.domain import Attachment, Draft, MessageRef, is_older
from bot.models import AuditEvent, Review
from bot.states import State

OFFICER = "U0PRIVACY1"  # from config.example.yml
PHI_TEXT = "So proud of Emily Carter, call her at 503-555-7788 after her therapy session."
CLEAN_TEXT = "Five grounding techniques to try when anxiety spikes."


def draft(text, mid="1", author="U0STAFF", attachments=()):
    return Draft(text=text, author=author, ref=MessageRef("slack", "T1", "C0REVIEW1", mid),
                 platforms=("instagram",), attachments=attachments)


async def reviewed(services, d):
    rid = services.reviews.submit(d)
    return await services.reviews.check(rid)


async def test_when_clean_draft_checked_then_clean_and_officer_clears(services):
    view = await reviewed(services, draft(CLEAN_TEXT))
    assert view.state == State.CLEAN and view.verdict == "pass"
    result = services.reviews.approve(view.ref, OFFICER)
    assert result.ok and result.review.state == State.CLEARED and result.review.decided_by == OFFICER


async def test_when_phi_draft_checked_then_flagged_without_storing_text(services):
    view = await reviewed(services, draft(PHI_TEXT))
    assert view.state == State.FLAGGED and view.verdict == "block"
    assert {f.entity for f in view.findings} >= {"PERSON", "PHONE"}
    with Session(services.engine) as s:
        row = s.exec(select(Review)).one()
        assert row.draft_text is None
        assert "Emily" not in row.findings and "555-7788" not in row.findings
        for ev in s.exec(select(AuditEvent)):
            assert "Emily" not in ev.details and "555-7788" not in ev.details


@pytest.mark.parametrize("actor,reason", [("U0STRANGER", "privacy officer"), (OFFICER, "own draft")])
async def test_when_not_allowed_to_approve_then_nothing_changes(services, actor, reason):
    view = await reviewed(services, draft(CLEAN_TEXT, author=OFFICER if actor == OFFICER else "U0STAFF"))
    result = services.reviews.approve(view.ref, actor)
    assert not result.ok and reason in result.message
    assert services.reviews.get(view.ref).state == State.CLEAN


async def test_when_blocking_draft_then_approve_refused_and_override_needs_reason(services):
    view = await reviewed(services, draft(PHI_TEXT))
    assert not services.reviews.approve(view.ref, OFFICER).ok
    assert not services.reviews.override(view.ref, OFFICER, "   ").ok
    result = services.reviews.override(view.ref, OFFICER, "patient signed consent C-1")
    assert result.ok and result.review.state == State.CLEARED
    assert result.review.override_reason == "patient signed consent C-1"


async def test_when_cleared_draft_edited_then_clearance_voided_and_rechecked(services):
    view = await reviewed(services, draft(CLEAN_TEXT))
    services.reviews.approve(view.ref, OFFICER)
    rid = services.reviews.edit(draft(PHI_TEXT))
    assert rid == view.id
    mid = services.reviews.get(view.ref)
    assert mid.state == State.CHECKING and mid.decided_by is None
    after = await services.reviews.check(rid)
    assert after.state == State.FLAGGED


async def test_when_same_content_resubmitted_then_nothing_to_do(services):
    view = await reviewed(services, draft(CLEAN_TEXT))
    assert services.reviews.submit(draft(CLEAN_TEXT)) is None
    assert services.reviews.get(view.ref).state == State.CLEAN


async def test_when_deleted_then_withdrawn_and_further_edits_ignored(services):
    view = await reviewed(services, draft(CLEAN_TEXT))
    assert services.reviews.withdraw(view.ref, "U0STAFF").ok
    assert services.reviews.get(view.ref).state == State.WITHDRAWN
    assert services.reviews.submit(draft(PHI_TEXT)) is None
    assert not services.reviews.approve(view.ref, OFFICER).ok


async def test_when_approval_revoked_then_back_to_check_outcome(services):
    view = await reviewed(services, draft(CLEAN_TEXT))
    services.reviews.approve(view.ref, OFFICER)
    assert services.reviews.revoke(view.ref, OFFICER).review.state == State.CLEAN
    assert not services.reviews.revoke(view.ref, OFFICER).ok


async def test_when_event_id_seen_twice_then_second_submit_does_nothing(services):
    first = services.reviews.submit(draft(CLEAN_TEXT, mid="e1"), event_id="Ev1")
    assert first is not None
    assert services.reviews.submit(draft(CLEAN_TEXT, mid="e2"), event_id="Ev1") is None
    assert services.reviews.get(draft(CLEAN_TEXT, mid="e2").ref) is None


async def test_when_review_already_leased_then_second_check_does_nothing(services):
    rid = services.reviews.submit(draft(CLEAN_TEXT))
    assert services.reviews._claim(rid) is not None
    assert await services.reviews.check(rid) is None


async def test_when_process_restarts_mid_review_then_resume_finishes_it(services):
    rid = services.reviews.submit(draft(CLEAN_TEXT))  # stored, never checked (crash)
    ids = await services.reviews.resume_pending()
    assert ids == [rid]
    await services.reviews.drain(30)
    assert services.reviews.get_by_id(rid).state == State.CLEAN


async def test_when_photo_attached_then_content_hash_changes(services):
    plain = draft(CLEAN_TEXT)
    photo = draft(CLEAN_TEXT, attachments=(Attachment("a.jpg", "image/jpeg"),))
    assert plain.content_hash != photo.content_hash and photo.has_photo


async def test_every_transition_is_audited_in_a_valid_chain(services):
    from bot.audit import GENESIS, row_digest
    view = await reviewed(services, draft(CLEAN_TEXT))
    services.reviews.approve(view.ref, OFFICER)
    with Session(services.engine) as s:
        rows = list(s.exec(select(AuditEvent).order_by(AuditEvent.id)))
    assert [r.action for r in rows] == ["config_loaded", "draft_received", "checks_run", "approve"]
    prev = GENESIS
    for r in rows:
        assert r.prev_hash == prev
        assert r.hash == row_digest(r.prev_hash, r.at, r.actor, r.action, r.review_id, r.consent_id, r.details)
        prev = r.hash


async def test_when_photo_posted_without_caption_then_it_is_reviewed(services):
    view = await reviewed(services, draft("", attachments=(Attachment("client.jpg", "image/jpeg"),)))
    assert view.state in (State.CLEAN, State.FLAGGED)


def test_when_text_empty_without_attachments_then_refused(services):
    from bot.domain import DraftRejected
    with pytest.raises(DraftRejected):
        services.reviews.submit(draft("  "))


async def test_when_draft_or_review_is_printed_then_no_text_appears(services):
    d = draft(PHI_TEXT)
    view = await reviewed(services, d)
    for obj in (d, view):
        assert "Emily" not in repr(obj) and "555-7788" not in repr(obj)


@pytest.mark.parametrize("version, than, older", [
    ("1700000000.000100", "1700000000.000200", True),
    ("1700000000.000200", "1700000000.000100", False),
    ("1700000000.000100", "1700000000.000100", False),
    ("999999999.999999", "1700000000.000000", True),  # compared as numbers, not as text
    (None, "1700000000.000100", False), ("1700000000.000100", None, False),
    ("not a stamp", "1700000000.000100", False), ("NaN", "1", False),
])
def test_revision_stamps_compare_as_numbers_and_unreadable_ones_are_never_older(version, than, older):
    assert is_older(version, than) is older


async def test_when_another_live_replica_took_a_draft_in_then_the_sweep_leaves_it_to_that_replica(services):
    """Without a shared data key only the replica that took a draft in can read its text: another
    replica's sweep must not take it while that one lives, and takes it once it is gone."""
    from bot.review_service import ReviewService
    services.reviews.holders.register()
    other = ReviewService(services.config, services.engine, services.pipeline)
    rid = services.reviews.submit(draft(CLEAN_TEXT))
    assert other._pending_ids() == []
    assert services.reviews._pending_ids() == [rid]  # its own sweep still finds it
    services.reviews.holders.release_mine()  # the replica that took it in is gone
    assert other._pending_ids() == [rid]
