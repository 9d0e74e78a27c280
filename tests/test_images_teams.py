"""Attached images in Teams, end to end over real HTTP on 127.0.0.1: the real
botbuilder CloudAdapter and aiohttp server, the real image checks, a real
database, and the fake Bot Framework connector, which serves pasted images at
``v3/attachments/{id}/views/original`` (and files at a pre-authenticated
download URL) and records every reply, including the cleaned copy sent back as
an inline image."""
from __future__ import annotations

import dataclasses
import io
import json
import os

import pytest
from aiohttp import web
from PIL import Image
from sqlmodel import select

os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"  # replies go through `requests`

from adapters.teams.files import FOREIGN_HOST, INLINE_MAX_BYTES, SHAREPOINT_LINK, TeamsImageFetcher, inline_copy  # noqa: E402
from bot.app import build_services  # noqa: E402
from bot.config import Secrets  # noqa: E402
from bot.db import transaction  # noqa: E402
from bot.domain import Attachment, Severity  # noqa: E402
from bot.images import CleanedImage, ImageUnavailable  # noqa: E402
from bot.models import AuditEvent, Review  # noqa: E402
from fakes.pictures import (NAME, PHONE, has_exif, image_checks_available, ocr_available,  # noqa: E402
                            photo_with_gps, plain_png, portrait, screenshot, store_cleaned_copy)
from test_teams import (CHANNEL, CLEAN_DRAFT, OFFICER, STAFF, STRANGER, TENANT, Harness, card_text,  # noqa: E402
                        connector, teams_config, verbs)  # noqa: F401


@pytest.fixture
async def bot(db_url, analyzer, connector):  # noqa: F811
    connector.require_token = None
    services = build_services(teams_config(db_url, connector.url), analyzer=analyzer)
    h = await Harness(services, connector).start()
    yield h
    await h.close()


@pytest.fixture
async def foreign():
    """Another host: records every request it gets (there must be none)."""
    seen: list[str] = []

    async def anything(request: web.Request) -> web.Response:
        seen.append(request.path)
        return web.Response(body=photo_with_gps(), content_type="image/jpeg")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", anything)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}", seen  # noqa: SLF001
    await runner.cleanup()


def image_replies(bot, draft: dict):
    """The bot's replies in the draft's thread that carry an inline image."""
    return [c for c in bot.connector.of_kind("reply") if c.activity_id == draft["id"] and c.images]


def sent_to_teams(connector) -> str:
    return "\n".join(json.dumps(c.body) for c in connector.calls)


def pasted(url: str, content_type: str = "image/png") -> list[dict]:
    """What Teams sends for a pasted picture: the image itself and the HTML around it."""
    return [{"contentType": content_type, "contentUrl": url},
            {"contentType": "text/html", "content": f'<div><img src="{url}"></div>'}]


# ---- the fetcher -----------------------------------------------------------------

async def test_when_a_pasted_image_is_fetched_then_it_comes_from_the_connector(bot):
    data = photo_with_gps()
    url = bot.connector.add_image(data, "image/jpeg")
    fetcher = bot.services.reviews.fetchers["teams"]
    assert await fetcher.fetch(Attachment("image", "image/jpeg", url=url), 5_000_000) == data
    with pytest.raises(ImageUnavailable, match="larger than the"):
        await fetcher.fetch(Attachment("image", "image/jpeg", url=url), 1024)


async def test_when_the_connector_needs_the_bot_token_then_it_is_sent_there_and_nowhere_else(bot, foreign):
    """With an app id the bot's own Bot Framework token goes with the download (a
    stand-in for Azure AD's token service, which cannot run here, hands it out)."""
    other, seen = foreign
    bot.connector.require_token = "bf-token-123"
    data = photo_with_gps()
    url = bot.connector.add_image(data, "image/jpeg")
    fetcher = TeamsImageFetcher(Secrets(teams_service_url_override=bot.connector.url))

    async def token():
        return "bf-token-123"
    with pytest.raises(ImageUnavailable, match=r"refused the download \(HTTP 401\)"):
        await fetcher.fetch(Attachment("image", "image/jpeg", url=url), 5_000_000)  # no app id: no token
    fetcher._token = token  # noqa: SLF001
    assert await fetcher.fetch(Attachment("image", "image/jpeg", url=url), 5_000_000) == data
    assert bot.connector.downloads[-1]["authorization"] == "Bearer bf-token-123"
    with pytest.raises(ImageUnavailable, match="not on a Teams host"):
        await fetcher.fetch(Attachment("image", "image/jpeg", url=f"{other}/v3/attachments/x/views/original"),
                            5_000_000)
    assert seen == []


@pytest.mark.parametrize("url, why", [
    ("https://evil.example/v3/attachments/1/views/original", FOREIGN_HOST),
    ("http://smba.trafficmanager.net/amer/v3/attachments/1/views/original", FOREIGN_HOST),  # not https
    ("https://smba.trafficmanager.net.evil.example/amer/v3/attachments/1", FOREIGN_HOST),
    ("https://contoso.sharepoint.com/sites/x/Shared%20Documents/photo.jpg", SHAREPOINT_LINK),
])
def test_when_an_address_is_checked_then_only_connector_hosts_get_the_token(url, why):
    rule = TeamsImageFetcher(Secrets()).rule_for("tok")
    assert rule(url).why == why and not rule(url).ok
    ok = rule("https://smba.trafficmanager.net/amer/v3/attachments/1/views/original")
    assert ok.ok and ok.headers == {"Authorization": "Bearer tok"}
    asm = rule("https://us-api.asm.skype.com/v1/objects/0-eus-d1-1/views/imgo")
    assert asm.ok and asm.headers == {"Authorization": "Bearer tok"}
    sharepoint = rule("https://contoso-my.sharepoint.com/personal/x/_layouts/15/download.aspx?UniqueId=1&tempauth=abc")
    assert sharepoint.ok and sharepoint.headers == {}, "a pre-authenticated link gets no bot token"


def test_when_a_cleaned_copy_is_too_big_for_a_message_then_a_smaller_preview_without_metadata_is_sent():
    big = Image.effect_noise((1600, 1200), 80).convert("RGB")
    buf = io.BytesIO()
    big.save(buf, "PNG")
    uri, scaled = inline_copy(CleanedImage(1, "x-cleaned.png", "image/png", buf.getvalue()))
    assert scaled and uri.startswith("data:image/jpeg;base64,")
    import base64
    data = base64.b64decode(uri.split(",", 1)[1])
    assert len(data) <= INLINE_MAX_BYTES and not has_exif(data)
    from adapters.teams.publisher import cleaned_activity
    reply = cleaned_activity(CleanedImage(3, "x-cleaned.png", "image/png", buf.getvalue()),
                             "https://clearpost.example.org/console/reviews/7")
    assert "scaled down" in reply.text and "(https://clearpost.example.org/console/reviews/7)" in reply.text
    assert reply.attachments[0].content_type == "image/jpeg" and reply.attachments[0].content_url == uri
    small = photo_with_gps((64, 48))
    assert inline_copy(CleanedImage(1, "y.jpg", "image/jpeg", small)) == (
        "data:image/jpeg;base64," + base64.b64encode(small).decode(), False)


# ---- posting cleaned copies --------------------------------------------------------

async def test_when_a_review_has_cleaned_copies_then_each_is_replied_in_the_thread_once(bot):
    draft = bot.post(CLEAN_DRAFT)
    await bot.send(draft)
    await bot.settle()
    card = bot.card_for(draft)
    view = bot.review(draft)
    small = plain_png()
    big = io.BytesIO()
    Image.effect_noise((1600, 1200), 80).convert("RGB").save(big, "PNG")
    store_cleaned_copy(bot.services, view.id, 1, small, name="image-1-cleaned.png")
    store_cleaned_copy(bot.services, view.id, 2, big.getvalue(), name="image-2-cleaned.png")
    await bot.services.reviews.publish(view)
    replies = image_replies(bot, draft)
    assert [r.images[0][0] for r in replies] == ["image/png", "image/jpeg"]
    assert replies[0].images[0][1] == small  # small enough: sent as it is
    assert "Cleaned copy of image 1" in replies[0].text and "scaled down" not in replies[0].text
    assert "Cleaned copy of image 2" in replies[1].text and "scaled down" in replies[1].text
    assert not has_exif(replies[1].images[0][1])
    assert all(r.conversation_id == card.conversation_id for r in replies)
    await bot.services.reviews.publish(bot.services.reviews.get_by_id(view.id))
    assert len(image_replies(bot, draft)) == 2, "posted once"


async def test_when_replying_a_copy_fails_then_the_card_stands_and_the_next_publish_sends_it(bot):
    draft = bot.post(CLEAN_DRAFT)
    await bot.send(draft)
    await bot.settle()
    bot.card_for(draft)
    view = bot.review(draft)
    store_cleaned_copy(bot.services, view.id, 1, plain_png())
    report = bot.services.reviews.get_by_id(view.id).report_message_id
    bot.connector.fail_image_replies = 1  # the card update goes through, the copy's reply fails
    await bot.services.reviews.publish(view)
    assert image_replies(bot, draft) == []
    assert bot.services.reviews.get_by_id(view.id).report_message_id == report
    await bot.services.reviews.publish(view)
    assert len(image_replies(bot, draft)) == 1


# ---- end to end -------------------------------------------------------------------

async def test_when_a_pasted_photo_carries_gps_then_it_blocks_and_a_clean_copy_is_replied_in_the_thread(bot):
    image_checks_available()
    url = bot.connector.add_image(photo_with_gps(), "image/jpeg")
    draft = bot.post(CLEAN_DRAFT, attachments=pasted(url, "image/jpeg"))
    assert (await bot.send(draft))[0] == 201
    await bot.settle()
    card = bot.card_for(draft)
    view = bot.review(draft)
    assert view.blocking and any(f.code == "image.gps" and f.image == 1 for f in view.findings)
    assert "LOCATION" in card_text(card.card) and "image 1" in card_text(card.card)
    bot.connector.wait_for(lambda calls: image_replies(bot, draft))
    [reply] = image_replies(bot, draft)
    [(ctype, data)] = reply.images
    assert ctype.startswith("image/") and not has_exif(data)
    Image.open(io.BytesIO(data)).verify()
    assert reply.conversation_id == card.conversation_id  # the draft's thread

    # a decision updates the card; the copy is not sent again
    status, _ = await bot.send(bot.click(view.id, "reject", OFFICER))
    assert status == 200
    await bot.settle()
    assert len(image_replies(bot, draft)) == 1


async def test_when_a_screenshot_shows_a_name_and_phone_then_it_blocks_without_repeating_them(bot):
    ocr_available()
    url = bot.connector.add_image(screenshot(), "image/png")
    draft = bot.post(CLEAN_DRAFT, attachments=pasted(url))
    await bot.send(draft)
    await bot.settle()
    card = bot.card_for(draft)
    view = bot.review(draft)
    in_image = [f for f in view.findings if f.image == 1 and f.box is not None and f.severity == Severity.BLOCK]
    assert {f.entity for f in in_image} & {"PERSON", "PHONE_NUMBER"}, [f.code for f in view.findings]
    assert "in image 1, area" in card_text(card.card)
    bot.connector.wait_for(lambda calls: image_replies(bot, draft))
    everything = sent_to_teams(bot.connector)
    for secret in (NAME, "Okonkwo", PHONE, "555-0172"):
        assert secret not in everything


async def test_when_an_image_is_on_another_host_then_the_draft_blocks_as_unreadable(bot, foreign):
    image_checks_available()
    other, seen = foreign
    draft = bot.post(CLEAN_DRAFT, attachments=pasted(f"{other}/v3/attachments/x/views/original"))
    await bot.send(draft)
    await bot.settle()
    card = bot.card_for(draft)
    view = bot.review(draft)
    assert [f.severity for f in view.findings if f.code == "image.unreadable"] == [Severity.BLOCK]
    assert "not on a Teams host" in card_text(card.card)
    assert seen == [] and image_replies(bot, draft) == []


async def test_when_a_file_is_sent_with_a_download_link_then_its_address_is_kept(bot):
    url = bot.connector.add_file(photo_with_gps(), "image/jpeg")
    draft = bot.post(CLEAN_DRAFT, attachments=[{
        "contentType": "application/vnd.microsoft.teams.file.download.info", "name": "IMG_7.jpg",
        "contentUrl": "https://contoso-my.sharepoint.com/personal/x/IMG_7.jpg",
        "content": {"downloadUrl": url, "uniqueId": "1A2B3C", "fileType": "jpg"}}])
    await bot.send(draft)
    await bot.settle()
    bot.card_for(draft)
    with transaction(bot.services.engine) as s:
        row = s.exec(select(Review).where(Review.message_id == draft["id"])).one()
    assert json.loads(row.attachments) == [["IMG_7.jpg", "image/jpeg", url, "1A2B3C"]]
    fetcher = bot.services.reviews.fetchers["teams"]
    assert await fetcher.fetch(Attachment("IMG_7.jpg", "image/jpeg", url=url), 5_000_000) == photo_with_gps()


# ---- "staff only" -----------------------------------------------------------------

def staff_only_click(bot, review_id: int, user: str, image: int = 1) -> dict:
    click = bot.click(review_id, "staff_only", user)
    click["value"]["action"]["data"].update(image=image, revision=0)
    return click


@pytest.mark.parametrize("who, told", [(STAFF, "only a designated privacy officer"),
                                       (STRANGER, "only a designated privacy officer"),
                                       (OFFICER, "has no faces to mark")])
async def test_when_staff_only_is_clicked_then_the_service_decides_and_refusals_are_audited(bot, who, told):
    draft = bot.post(CLEAN_DRAFT)
    await bot.send(draft)
    await bot.settle()
    view = bot.review(draft)
    status, body = await bot.send(staff_only_click(bot, view.id, who))
    assert status == 200 and told in card_text(body["value"])
    assert bot.services.reviews.get_by_id(view.id).staff_only == ()
    with transaction(bot.services.engine) as s:
        refused = [json.loads(e.details) for e in s.exec(select(AuditEvent).where(
            AuditEvent.review_id == view.id, AuditEvent.action == "decision_refused"))]
    assert [r["attempted"] for r in refused] == ([] if who == OFFICER else ["staff_only"])


def test_when_a_card_shows_faces_then_each_unmarked_image_gets_a_staff_only_button():
    from adapters.teams import cards
    from bot.domain import Finding, MessageRef
    from bot.review_service import ReviewView
    from bot.states import State
    face = [Finding("images", "image.face", Severity.BLOCK, "a face", entity="PHOTO", image=n, box=(1, 2, 3, 4))
            for n in (1, 2)]
    view = ReviewView(id=7, ref=MessageRef("teams", "t", CHANNEL, "1", "1"), author="a", state=State.FLAGGED,
                      targets=("instagram",), findings=tuple(face), verdict=None, rewrite=None, decided_by=None,
                      decided_at=None, override_reason=None, report_message_id=None, staff_only=(2,))
    card = cards.review_card(view)
    staff = [a for a in card["actions"] if a["verb"] == "staff_only"]
    assert [(a["title"], a["data"]) for a in staff] == [("Staff only: image 1",
                                                         {"review_id": 7, "revision": 0, "image": 1})]
    assert "staff_only" not in verbs(cards.review_card(dataclasses.replace(view, state=State.CLEARED)))


async def test_when_an_officer_marks_a_face_photo_staff_only_then_its_face_no_longer_blocks(bot):
    image_checks_available()
    url = bot.connector.add_image(portrait(), "image/jpeg")
    draft = bot.post("Happy Friday from the front desk!", attachments=pasted(url, "image/jpeg"))
    await bot.send(draft)
    await bot.settle()
    card = bot.card_for(draft).card
    view = bot.review(draft)
    assert view.face_images == (1,) and view.blocking
    [button] = [a for a in card["actions"] if a["verb"] == "staff_only"]
    click = bot.click(view.id, "staff_only", OFFICER)
    click["value"]["action"]["data"] = button["data"]  # exactly what the card's button sends
    status, body = await bot.send(click)
    assert status == 200 and "staff_only" not in verbs(body["value"])
    after = bot.services.reviews.get_by_id(view.id)
    assert after.staff_only == (1,) and not after.blocking
    with transaction(bot.services.engine) as s:
        actions = [e.action for e in s.exec(select(AuditEvent).where(AuditEvent.review_id == view.id))]
    assert "image_staff_only" in actions
