"""Safety review findings: each test failed before its fix.

Concurrent writers on PostgreSQL (two replicas): a decision or a check result
stored while another transaction edits the same review must see the edit,
not overwrite it (a lost update cleared, or marked clean, text nobody checked)."""
import threading
import time

import pytest
from sqlalchemy import text

from bot.domain import Draft, MessageRef
from bot.pipeline import PipelineResult
from bot.states import Event, State

OFFICER = "U0PRIVACY1"  # from config.example.yml
CLEAN_TEXT = "Five grounding techniques to try when anxiety spikes."


def _draft(text_, mid="1"):
    return Draft(text=text_, author="U0STAFF", ref=MessageRef("slack", "T1", "C0REVIEW1", mid),
                 platforms=("instagram",))


def _concurrent_edit(services, review_id, action):
    """Another replica's edit holds the row (uncommitted) while ``action`` runs; then commits."""
    if services.engine.dialect.name != "postgresql":
        pytest.skip("SQLite writers are serialised by the process lock; the race needs PostgreSQL")
    out = {}
    with services.engine.connect() as conn:
        tx = conn.begin()
        conn.execute(text("UPDATE review SET state = 'checking', revision = revision + 1, "
                          "content_hash = 'edited', lease_owner = NULL, lease_until = NULL WHERE id = :id"),
                     {"id": review_id})
        worker = threading.Thread(target=lambda: out.setdefault("result", action()))
        worker.start()
        time.sleep(0.5)  # the action has read the row (or is waiting for it)
        tx.commit()
        worker.join(30)
    return out.get("result")


async def test_when_approve_races_an_edit_then_edited_text_is_not_cleared(services):
    rid = services.reviews.submit(_draft(CLEAN_TEXT))
    view = await services.reviews.check(rid)
    assert view.state == State.CLEAN
    _concurrent_edit(services, rid, lambda: services.reviews.approve(view.ref, OFFICER))
    after = services.reviews.get_by_id(rid)
    assert after.state == State.CHECKING and after.decided_by is None


async def test_when_check_result_races_an_edit_then_stale_result_is_dropped(services):
    rid = services.reviews.submit(_draft(CLEAN_TEXT))
    row = services.reviews._claim(rid)
    result = PipelineResult(findings=(), rewrite=CLEAN_TEXT)
    stored = _concurrent_edit(services, rid, lambda: services.reviews._store_result(rid, row.revision, result))
    assert stored is None
    assert services.reviews.get_by_id(rid).state == State.CHECKING


PHI_TEXT = "So proud of Emily Carter, call her at 503-555-7788 after her therapy session."
PHI_TEXT_2 = "Emily Carter (DOB 03/14/1987) finished her therapy for panic disorder, call 503-555-0199."


async def test_when_draft_edited_after_officer_opened_override_then_override_refused(services):
    """The Slack override modal and the Teams card carry the revision the officer saw."""
    rid = services.reviews.submit(_draft(PHI_TEXT))
    seen = await services.reviews.check(rid)
    assert seen.state == State.FLAGGED
    services.reviews.edit(_draft(PHI_TEXT_2))
    assert (await services.reviews.check(rid)).state == State.FLAGGED
    result = services.reviews.decide_by_id(rid, OFFICER, Event.OVERRIDE, "consent on file", seen.revision)
    assert not result.ok and "edited" in result.message
    assert services.reviews.get_by_id(rid).state == State.FLAGGED
    current = services.reviews.get_by_id(rid).revision
    assert services.reviews.decide_by_id(rid, OFFICER, Event.OVERRIDE, "consent on file", current).ok


def test_when_report_rendered_then_buttons_name_the_revision_shown():
    import json
    from adapters.slack.bot import override_modal
    from adapters.teams.cards import review_card
    from bot.domain import Finding, Severity
    from bot.review_service import ReviewView
    view = ReviewView(id=7, ref=_draft("x").ref, author="U0STAFF", state=State.FLAGGED, targets=(),
                      findings=(Finding("phi", "phi.person", Severity.BLOCK, "PERSON", "PERSON", 0, 5),),
                      verdict="block", rewrite=None, decided_by=None, decided_at=None, override_reason=None,
                      report_message_id=None, revision=3)
    assert all(a["data"]["revision"] == 3 for a in review_card(view)["actions"])
    assert json.loads(override_modal(7, "C1", 3)["private_metadata"])["revision"] == 3


async def test_when_original_message_event_arrives_after_its_edit_then_edited_text_stays(services):
    """Slack retries a failed message event later, after the edit's event was stored: the
    retry must not replace the edited text (the report would not describe the post)."""
    edited = _draft(PHI_TEXT_2)
    rid = services.reviews.edit(edited, event_id="Ev-edit")
    assert services.reviews.submit(_draft(PHI_TEXT), event_id="Ev-original") is None
    from sqlmodel import Session
    from bot.models import Review
    with Session(services.engine) as s:
        assert s.get(Review, rid).content_hash == edited.content_hash


async def test_when_stored_text_missing_at_check_time_then_failed_not_clean(services):
    """Checking an absent text finds nothing: that must fail the review, not pass it."""
    rid = services.reviews.submit(_draft(CLEAN_TEXT))
    with services.engine.begin() as c:
        c.execute(text("UPDATE review SET draft_text = NULL WHERE id = :id"), {"id": rid})
    view = await services.reviews.check(rid)
    assert view.state == State.FAILED
