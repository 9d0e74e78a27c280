"""Post/redirect/get on the console's review pages (issue 19): reloading a result never submits
a draft or a decision again; the marked text travels to the result page once, in memory."""
from __future__ import annotations

from tests.console_client import CLEAN_DRAFT, PHI_DRAFT, count, signed_in, site, state_of  # noqa: F401
from bot.models import AuditEvent, Review


async def submitted_by_staff(client, text: str):
    """Staff submit ``text`` in the console without following the redirect: (staff, result path)."""
    staff = await signed_in(client, "staff1")
    await staff.get("/console/review")
    await staff.post("/console/review", [("text", text)], redirects=False)
    return staff, staff.headers["Location"]


async def test_when_a_draft_is_submitted_then_its_result_page_is_a_get_and_reloads_submit_nothing(site):
    services, client = site
    staff = await signed_in(client, "staff1")
    await staff.get("/console/review")
    status, _ = await staff.post("/console/review", [("text", PHI_DRAFT), ("target", "instagram")], redirects=False)
    assert status == 303
    location = staff.headers["Location"]
    assert location.startswith("/console/reviews/")
    status, page = await staff.get(location)
    assert status == 200 and 'id="draft"' in page and "<mark" in page  # the marked text, once
    reviews, events = count(services, Review), count(services, AuditEvent)
    status, page = await staff.get(location)  # the browser's reload
    assert status == 200 and 'id="draft"' not in page and 'id="findings"' in page
    assert (count(services, Review), count(services, AuditEvent)) == (reviews, events)
    assert reviews == 1


async def test_when_someone_else_opens_the_result_page_then_the_held_text_is_not_theirs(site):
    services, client = site
    staff, location = await submitted_by_staff(client, PHI_DRAFT)
    officer = await signed_in(client, "officer")
    status, page = await officer.get(location)
    assert status == 200 and 'id="draft"' not in page
    status, page = await staff.get(location)
    assert 'id="draft"' in page  # still waiting for its author


async def test_when_a_decision_goes_through_then_it_redirects_and_says_what_happened_in_words(site):
    services, client = site
    _, review_path = await submitted_by_staff(client, CLEAN_DRAFT)
    officer = await signed_in(client, "officer")
    status, _ = await officer.get(f"{review_path}?done=approve")
    assert status == 200 and 'id="result"' not in officer.page  # a hand-made ?done= on a waiting draft
    status, _ = await officer.post(f"{review_path}/decide", {"action": "approve"}, redirects=False)
    assert status == 303 and officer.headers["Location"] == f"{review_path}?done=approve"
    events = count(services, AuditEvent)
    for _ in range(2):  # the page and its reload
        status, page = await officer.get(f"{review_path}?done=approve")
        assert status == 200 and 'id="state">CLEARED' in page
        assert "Approved: this draft is cleared and may be published as written." in page
        assert "clean -&gt; cleared" not in page and "Done:" not in page
    assert count(services, AuditEvent) == events
    status, page = await officer.post(f"{review_path}/decide", {"action": "approve"}, redirects=False)
    assert status == 409 and "Refused: " in page  # a refusal is answered in place, not redirected
    assert state_of(services, int(review_path.rsplit("/", 1)[1])) == "cleared"
