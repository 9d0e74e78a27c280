"""Attached images in Slack, end to end over real HTTP on 127.0.0.1: the real bolt
app and aiohttp server, the real image checks, a real database, and the fake
Slack Web API, which serves shared files only to the bot token and records the
v2 uploads (files.getUploadURLExternal -> POST bytes -> files.completeUploadExternal).

A second local server stands for "some other host": a file address pointing
there must be refused without any request reaching it (no token leaves, no SSRF)."""
from __future__ import annotations

import io
import json

import aiohttp
import pytest
from aiohttp import web
from PIL import Image

from bot.domain import Attachment, Severity
from bot.images import ImageUnavailable
from bot.models import AuditEvent
from bot.states import State
from bot.db import transaction
from sqlmodel import select
from tests.test_slack import (CHANNEL, CLEAN_TEXT, OFFICER, STAFF, STRANGER, TEAM_ID, _no_slack_env,  # noqa: F401
                              audit_actions, blocks_text, slack)
from tests.fakes.pictures import (NAME, PHONE, has_exif, image_checks_available, ocr_available,  # noqa: F401
                                  photo_with_gps, plain_png, portrait, screenshot, store_cleaned_copy)


@pytest.fixture
async def foreign():
    """Another host: records every request it gets (there must be none)."""
    seen: list[dict] = []

    async def anything(request: web.Request) -> web.Response:
        seen.append({"path": request.path, "authorization": request.headers.get("Authorization")})
        return web.Response(body=photo_with_gps(), content_type="image/jpeg")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", anything)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # noqa: SLF001
    yield f"http://127.0.0.1:{port}", seen
    await runner.cleanup()


def sent_to_slack(api) -> str:
    """Everything the bot sent to the fake Slack API, as one string."""
    return "\n".join(json.dumps(c.params, default=str) for c in api.calls)


# ---- the fetcher, against the fake Slack API ------------------------------

async def test_when_a_shared_file_is_fetched_then_it_comes_from_slack_with_the_bot_token(slack):
    data = photo_with_gps()
    shared = slack.api.add_file("IMG_0001.jpg", data, "image/jpeg")
    fetcher = slack.services.reviews.fetchers["slack"]
    got = await fetcher.fetch(Attachment("IMG_0001.jpg", "image/jpeg", url=shared["url_private_download"],
                                         file_id=shared["id"]), 5_000_000)
    assert got == data
    assert slack.api.downloads == [{"file_id": shared["id"], "authorized": True}]
    async with aiohttp.ClientSession() as http:  # the fake, like Slack, serves files only with the token
        async with http.get(shared["url_private_download"]) as r:
            assert r.status == 401


async def test_when_a_share_names_the_file_by_id_only_then_files_info_says_where_it_is(slack):
    data = photo_with_gps()
    shared = slack.api.add_file("IMG_0002.jpg", data, "image/jpeg")
    fetcher = slack.services.reviews.fetchers["slack"]
    got = await fetcher.fetch(Attachment(shared["id"], "image/*", file_id=shared["id"]), 5_000_000)
    assert got == data
    assert [c.params["file"] for c in slack.api.of("files.info")] == [shared["id"]]


async def test_when_a_file_is_on_another_host_then_it_is_refused_before_any_request(slack, foreign):
    other, seen = foreign
    fetcher = slack.services.reviews.fetchers["slack"]
    for url in (f"{other}/files-pri/{TEAM_ID}-F1/download/x.jpg", "https://files.slack.com.evil.example/x.jpg",
                "file:///etc/passwd", "http://169.254.169.254/latest/meta-data/", "http://[::1",
                f"{slack.api.origin.replace('http:', 'https:')}/files-pri/x/download/y.jpg"):
        with pytest.raises(ImageUnavailable, match="not on Slack's file host"):
            await fetcher.fetch(Attachment("x.jpg", "image/jpeg", url=url), 5_000_000)
    assert seen == [] and slack.api.downloads == []


async def test_when_slack_redirects_to_another_host_then_the_redirect_is_not_followed(slack, foreign):
    other, seen = foreign
    shared = slack.api.add_file("IMG_0003.jpg", photo_with_gps(), "image/jpeg")
    slack.api.redirects[shared["id"]] = f"{other}/somewhere/x.jpg"
    fetcher = slack.services.reviews.fetchers["slack"]
    with pytest.raises(ImageUnavailable, match="not on Slack's file host"):
        await fetcher.fetch(Attachment("x.jpg", "image/jpeg", url=shared["url_private_download"]), 5_000_000)
    assert seen == [], "the bot token must not follow a redirect off Slack"


@pytest.mark.parametrize("case, expected", [
    ("too_big", "larger than the"),
    ("sign_in_page", "web page instead of the file"),
    ("gone", "gone from Slack"),
])
async def test_when_a_download_cannot_give_the_image_then_the_reason_is_clear(slack, case, expected):
    shared = slack.api.add_file("IMG_0004.jpg", photo_with_gps(), "image/jpeg")
    limit = 5_000_000
    if case == "too_big":
        limit = 1024
    elif case == "sign_in_page":
        slack.api.file_answer_html.add(shared["id"])
    else:
        del slack.api.files[shared["id"]]
    fetcher = slack.services.reviews.fetchers["slack"]
    with pytest.raises(ImageUnavailable, match=expected):
        await fetcher.fetch(Attachment("x.jpg", "image/jpeg", url=shared["url_private_download"]), limit)


# ---- posting cleaned copies (the v2 upload flow) ----------------------------------

async def checked_with_copy(slack, copies=1) -> tuple[str, object, list[bytes]]:
    """A checked draft whose review holds cleaned copies (stored as the check stores them)."""
    ts = await slack.draft(CLEAN_TEXT)
    view = await slack.settled(ts, State.CLEAN)
    datas = [plain_png(colour=(10 * i, 100, 100)) for i in range(1, copies + 1)]
    for i, data in enumerate(datas, 1):
        store_cleaned_copy(slack.services, view.id, i, data, name=f"image-{i}-cleaned.png")
    return ts, view, datas


async def test_when_a_review_has_cleaned_copies_then_each_is_uploaded_into_the_thread_once(slack):
    ts, view, datas = await checked_with_copy(slack, copies=2)
    await slack.services.reviews.publish(view)
    await slack.api.wait_for("files.completeUploadExternal", count=2)
    asked = [c.params for c in slack.api.of("files.getUploadURLExternal")]
    assert [(a["filename"], int(a["length"])) for a in asked] == [
        ("image-1-cleaned.png", len(datas[0])), ("image-2-cleaned.png", len(datas[1]))]
    assert [(u["channel"], u["thread_ts"], u["data"]) for u in slack.api.uploads] == [
        (CHANNEL, ts, datas[0]), (CHANNEL, ts, datas[1])]
    assert "Cleaned copy of image 1" in slack.api.uploads[0]["initial_comment"]
    for _ in range(2):  # later publishes (decisions, restarts) do not post them again
        await slack.services.reviews.publish(slack.review(ts))
    assert len(slack.api.uploads) == 2 and len(slack.api.of("files.getUploadURLExternal")) == 2
    assert audit_actions(slack.services, view.id).count("cleaned_image_posted") == 2


async def test_when_the_answer_to_sharing_a_copy_is_lost_then_it_is_not_shared_twice(slack):
    ts, view, datas = await checked_with_copy(slack)
    slack.api.lost_answers["files.completeUploadExternal"] = 1  # it took effect; the bot cannot know
    await slack.services.reviews.publish(view)
    assert len(slack.api.uploads) == 1 and slack.api.uploads[0]["data"] == datas[0]
    assert slack.api.of("conversations.replies"), "the thread was read to find out"
    assert audit_actions(slack.services, view.id).count("cleaned_image_posted") == 1


async def test_when_posting_a_copy_fails_then_the_report_stands_and_the_next_publish_posts_it(slack):
    ts, view, datas = await checked_with_copy(slack)
    slack.api.failures["files.getUploadURLExternal"] = "missing_scope"  # e.g. files:write not granted yet
    await slack.services.reviews.publish(view)
    assert slack.api.uploads == [] and len(slack.posts_in_thread(ts)) == 1
    assert slack.review(ts).report_message_id
    slack.api.server_errors["files.completeUploadExternal"] = 1  # and a 500 on the way: retried
    await slack.services.reviews.publish(slack.review(ts))
    assert [u["data"] for u in slack.api.uploads] == datas


# ---- end to end -------------------------------------------------------------

async def test_when_a_photo_carries_gps_then_the_draft_blocks_and_a_clean_copy_is_posted_in_the_thread(slack):
    image_checks_available()
    shared = slack.api.add_file("IMG_2041.jpg", photo_with_gps(), "image/jpeg")
    ts = await slack.draft(CLEAN_TEXT, files=[shared])
    view = await slack.settled(ts, State.FLAGGED, timeout=60)
    gps = [f for f in view.findings if f.code == "image.gps"]
    assert gps and gps[0].severity == Severity.BLOCK and gps[0].image == 1
    report = blocks_text(slack.posts_in_thread(ts)[0])
    assert "LOCATION" in report and "image 1" in report
    upload = (await slack.api.wait_for("files.completeUploadExternal"))[0]
    assert upload.result["ok"]
    [posted] = slack.api.uploads
    assert (posted["channel"], posted["thread_ts"]) == (CHANNEL, ts)
    assert not has_exif(posted["data"]), "the cleaned copy carries no metadata"
    Image.open(io.BytesIO(posted["data"])).verify()  # and it is a picture

    # the report changes later (an officer's decision): the same copy is not posted again
    await slack.react(OFFICER, ts, name="x")
    await slack.update_where("rejected by", view.report_message_id)
    await slack.quiet()
    assert len(slack.api.uploads) == 1
    assert audit_actions(slack.services, view.id).count("cleaned_image_posted") == 1


async def test_when_a_screenshot_shows_a_name_and_phone_then_it_blocks_without_repeating_them(slack):
    ocr_available()
    shared = slack.api.add_file("Screenshot 2026-12-01.png", screenshot(), "image/png")
    ts = await slack.draft(CLEAN_TEXT, files=[shared])
    view = await slack.settled(ts, State.FLAGGED, timeout=60)
    in_image = [f for f in view.findings if f.image == 1 and f.box is not None and f.severity == Severity.BLOCK]
    assert {f.entity for f in in_image} & {"PERSON", "PHONE_NUMBER"}, [f.code for f in view.findings]
    report = blocks_text(slack.posts_in_thread(ts)[0])
    assert "in image 1, area" in report
    await slack.api.wait_for("files.completeUploadExternal")
    [posted] = slack.api.uploads
    assert posted["thread_ts"] == ts and not has_exif(posted["data"])
    everything = sent_to_slack(slack.api)
    for secret in (NAME, "Okonkwo", PHONE, "555-0172"):
        assert secret not in everything, "no PHI read from the image goes back to Slack"


async def test_when_a_shared_file_points_at_another_host_then_the_draft_blocks_as_unreadable(slack, foreign):
    image_checks_available()
    other, seen = foreign
    shared = slack.api.add_file("IMG_0005.jpg", photo_with_gps(), "image/jpeg")
    shared = dict(shared, url_private_download=f"{other}/x.jpg", url_private=f"{other}/x.jpg")
    ts = await slack.draft(CLEAN_TEXT, files=[shared])
    view = await slack.settled(ts, State.FLAGGED, State.FAILED, timeout=60)
    unreadable = [f for f in view.findings if f.code == "image.unreadable"]
    assert unreadable and unreadable[0].severity == Severity.BLOCK and view.blocking
    assert "not on Slack's file host" in blocks_text(slack.posts_in_thread(ts)[0])
    assert seen == [] and slack.api.uploads == []


async def test_when_an_id_only_share_arrives_then_files_info_completes_it_at_intake(slack):
    shared = slack.api.add_file("IMG_0006.jpg", photo_with_gps(), "image/jpeg")
    ts = await slack.draft(CLEAN_TEXT, files=[{"id": shared["id"], "file_access": "check_file_info"}])
    await slack.report(ts)
    assert slack.api.of("files.info")[0].params["file"] == shared["id"]
    with transaction(slack.services.engine) as s:
        from bot.models import Review
        row = s.exec(select(Review)).one()
    assert json.loads(row.attachments) == [["IMG_0006.jpg", "image/jpeg", shared["url_private_download"],
                                            shared["id"]]]


# ---- "staff only" -------------------------------------------------------------

def staff_only_click(user: str, review_id: int, image: int, revision: int = 0) -> dict:
    value = json.dumps({"review": review_id, "image": image, "revision": revision})
    return {"type": "block_actions", "team": {"id": TEAM_ID, "domain": "clinic"}, "user": {"id": user},
            "api_app_id": "A0CLEARPOST", "trigger_id": "1111.2222.abcd", "channel": {"id": CHANNEL},
            "container": {"type": "message", "channel_id": CHANNEL},
            "actions": [{"type": "button", "action_id": f"clearpost_staff_only_{image}",
                         "block_id": f"clearpost_staff_only_{review_id}", "value": value,
                         "action_ts": "1700000000.1"}]}


@pytest.mark.parametrize("who, told", [(STAFF, "only a designated privacy officer"),
                                       (STRANGER, "only a designated privacy officer"),
                                       (OFFICER, "has no faces to mark")])
async def test_when_staff_only_is_clicked_then_only_an_officer_gets_past_the_service_and_refusals_are_audited(
        slack, who, told):
    ts = await slack.draft(CLEAN_TEXT)
    view = await slack.settled(ts, State.CLEAN)
    status, _ = await slack.interact(staff_only_click(who, view.id, 1))
    assert status == 200
    assert told in (await slack.ephemeral_to(who))["text"]
    assert slack.review(ts).state == State.CLEAN and slack.review(ts).staff_only == ()
    with transaction(slack.services.engine) as s:
        refused = [json.loads(e.details) for e in s.exec(select(AuditEvent).where(
            AuditEvent.review_id == view.id, AuditEvent.action == "decision_refused"))]
    if who == OFFICER:
        assert refused == []
    else:
        assert [r["attempted"] for r in refused] == ["staff_only"]


def test_when_a_report_shows_faces_then_each_unmarked_image_gets_a_staff_only_button():
    import dataclasses

    from adapters.slack.report import render
    from bot.domain import Finding, MessageRef
    from bot.review_service import ReviewView
    face = [Finding("images", "image.face", Severity.BLOCK, "a face", entity="PHOTO", image=n, box=(1, 2, 3, 4))
            for n in (1, 2, 3)]
    view = ReviewView(id=7, ref=MessageRef("slack", TEAM_ID, CHANNEL, "1.1", "1.1"), author=STAFF,
                      state=State.FLAGGED, targets=("instagram",), findings=tuple(face), verdict=None, rewrite=None,
                      decided_by=None, decided_at=None, override_reason=None, report_message_id=None,
                      revision=2, staff_only=(2,))
    buttons = [e for b in render(view, "white_check_mark", [OFFICER]) if b["type"] == "actions"
               for e in b["elements"] if e["action_id"].startswith("clearpost_staff_only_")]
    assert [(b["text"]["text"], json.loads(b["value"])) for b in buttons] == [
        ("Staff only: image 1", {"review": 7, "image": 1, "revision": 2}),
        ("Staff only: image 3", {"review": 7, "image": 3, "revision": 2})]
    assert len({b["action_id"] for b in buttons}) == 2, "action ids are unique within a block"
    cleared = render(dataclasses.replace(view, state=State.CLEARED), "white_check_mark", [OFFICER])
    assert "clearpost_staff_only" not in json.dumps(cleared)


async def test_when_an_officer_marks_a_face_photo_staff_only_then_its_face_no_longer_blocks(slack):
    image_checks_available()
    shared = slack.api.add_file("team.jpg", portrait(), "image/jpeg")
    ts = await slack.draft("Happy Friday from the front desk!", files=[shared])
    view = await slack.settled(ts, State.FLAGGED, timeout=60)
    assert view.face_images == (1,) and view.blocking
    report = slack.posts_in_thread(ts)[0]
    [button] = [e for b in report["blocks"] if b["type"] == "actions" for e in b["elements"]
                if e["action_id"] == "clearpost_staff_only_1"]
    click = staff_only_click(OFFICER, view.id, 1, view.revision)
    click["actions"][0]["value"] = button["value"]  # exactly what the report's button sends
    status, _ = await slack.interact(click)
    assert status == 200
    update = await slack.update_where("ready for privacy officer", view.report_message_id)
    assert "Staff only: image 1" not in blocks_text(update)
    after = slack.review(ts)
    assert after.staff_only == (1,) and not after.blocking
    assert all(f.severity == Severity.INFO for f in after.findings if f.code == "image.face")
    assert "image_staff_only" in audit_actions(slack.services, view.id)
