"""Pictures in the console over real HTTP (issue 20): upload with a draft, findings that say
which picture and where (never the text in it), the cleaned copy for the author and officers
only, "staff only" for officers, and a bad file that costs nobody their text."""
from __future__ import annotations

import io
import json
import re

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from PIL import ExifTags, Image
from sqlmodel import Session, select

from bot.accounts import add_user
from bot.app import build_services
from bot.models import AuditEvent, Review
from bot.server import build_web_app
from tests.conftest import make_config
from tests.console_client import (OFFICERS, PASSWORDS, POSITION, ROLES, ConsoleClient, count, finding_rows,  # noqa: F401
                                  signed_in, site)
from tests.test_images_pipeline import NAME, PHONE, gps_photo, portrait, screenshot

CAPTION = "A peek at our week at the office!"


async def send(c: ConsoleClient, text: str, files: list[tuple[str, bytes, str]], targets=("instagram",),
               csrf: bool = True) -> tuple[int, str]:
    """The review form as a browser sends it with pictures chosen: multipart, CSRF first."""
    await c.get("/console/review")
    form = aiohttp.FormData()
    if csrf:
        form.add_field("csrf", c.csrf())
    form.add_field("text", text)
    for t in targets:
        form.add_field("target", t)
    for name, data, ctype in files:
        form.add_field("image", data, filename=name, content_type=ctype)
    async with c.http.post(c.base + "/console/review", data=form) as resp:
        return await c._record(resp)


def review_id(page: str) -> int:
    return int(re.search(r"<h1>Review #(\d+)</h1>", page).group(1))


async def download(c: ConsoleClient, path: str) -> tuple[int, bytes, dict]:
    async with c.http.get(c.base + path, allow_redirects=False) as resp:
        return resp.status, await resp.read(), dict(resp.headers)


def textarea(page: str) -> str:
    import html
    return html.unescape(re.search(r'<textarea id="text"[^>]*>(.*?)</textarea>', page, re.S).group(1))


async def test_the_review_page_offers_a_picture_field_on_a_multipart_form(site):
    services, client = site
    staff = await signed_in(client, "staff1")
    status, page = await staff.get("/console/review")
    assert status == 200 and 'enctype="multipart/form-data"' in page
    assert re.search(r'<input type="file" id="images" name="image" accept="[^"]*image/jpeg[^"]*" multiple>', page)


async def test_when_a_file_is_not_a_picture_then_the_page_says_so_and_keeps_the_text(site):
    services, client = site
    staff = await signed_in(client, "staff1")
    status, page = await send(staff, "My carefully written caption", [("notes.txt", b"just some text\n", "image/png")])
    assert status == 400 and "not a JPEG, PNG or WebP picture" in page
    assert textarea(page) == "My carefully written caption"
    assert count(services, Review) == 0


async def test_when_a_heic_photo_is_chosen_then_the_page_says_to_send_a_jpeg_and_keeps_the_text(site):
    services, client = site
    staff = await signed_in(client, "staff1")
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(200)
    status, page = await send(staff, "Caption kept", [("IMG_0001.HEIC", heic, "image/heic")])
    assert status == 400 and "HEIC" in page and "JPEG" in page and textarea(page) == "Caption kept"
    assert count(services, Review) == 0


async def test_when_too_many_pictures_are_chosen_then_none_is_taken_and_the_text_is_kept(site):
    services, client = site
    staff = await signed_in(client, "staff1")
    png, _ = screenshot(["hello"])
    status, page = await send(staff, "Caption kept", [(f"p{i}.png", png, "image/png") for i in range(5)])
    assert status == 400 and "at most 4 pictures" in page and textarea(page) == "Caption kept"
    assert count(services, Review) == 0


@pytest.fixture
async def small_site(db_url, analyzer):
    """The console with images.max_bytes at 20 kB."""
    services = build_services(make_config(db_url, officers=OFFICERS, images={"max_bytes": 20_000}), analyzer=analyzer)
    for name, pw in PASSWORDS.items():
        add_user(services.engine, name, pw, ROLES[name])
    server = TestServer(build_web_app(services), host="127.0.0.1")
    await server.start_server()
    c = ConsoleClient(str(server.make_url("/")))
    yield services, c
    await c.close()
    await server.close()
    services.pipeline.close()
    services.engine.dispose()


async def test_when_a_picture_is_over_the_size_limit_then_it_is_refused_by_name_of_the_setting(small_site):
    services, c = small_site
    await c.sign_in("staff1", PASSWORDS["staff1"])
    big = b"\x89PNG\r\n\x1a\n" + bytes(60_000)
    status, page = await send(c, "Caption that must survive", [("big.png", big, "image/png")])
    assert status == 400 and "images.max_bytes" in page and textarea(page) == "Caption that must survive"
    assert count(services, Review) == 0


async def test_a_picture_without_a_signed_in_session_or_csrf_token_is_refused(site):
    services, client = site
    staff = await signed_in(client, "staff1")
    png, _ = screenshot(["hello"])
    status, _ = await send(staff, "Caption", [("a.png", png, "image/png")], csrf=False)
    assert status == 403 and count(services, Review) == 0
    anonymous = client()
    status, _, headers = await download(anonymous, "/console/reviews/1/images/1")
    assert status in (302, 303) and headers["Location"].endswith("/console/login")


async def test_when_a_screenshot_shows_a_name_and_phone_then_the_page_names_the_picture_and_area_only(site):
    services, client = site
    staff = await signed_in(client, "staff1")
    png, _ = screenshot(["So proud of " + NAME + "!", "after her therapy session.", "Her cell: " + PHONE])
    status, page = await send(staff, CAPTION, [("emily_carter.png", png, "image/png")])
    assert status == 200, page
    rid = review_id(page)
    assert 'id="state">FLAGGED' in page and "BLOCK" in page
    assert re.search(r"<td>image 1, area \d+,\d+ \d+x\d+</td>", page)
    for cells in finding_rows(page):  # the place is said once, under Where
        assert not POSITION.search(cells[2] + cells[4]), cells
    for secret in ("Emily", "Carter", "555-7788", "emily_carter"):
        assert secret not in page
    # the upload's own name is not stored either (it may be a patient's)
    with Session(services.engine) as s:
        assert json.loads(s.get(Review, rid).attachments) == [["image-1.png", "image/png"]]
    assert f'href="/console/reviews/{rid}/images/1"' in page


async def test_the_cleaned_copy_downloads_for_the_author_and_officers_only(site):
    services, client = site
    staff = await signed_in(client, "staff1")
    status, page = await send(staff, "Sunset from our new office", [("IMG_0042.jpg", gps_photo(), "image/jpeg")])
    rid = review_id(page)
    path = f"/console/reviews/{rid}/images/1"
    status, body, headers = await download(staff, path)
    img = Image.open(io.BytesIO(body))
    assert status == 200 and headers["Content-Type"] == img.get_format_mimetype()
    assert headers["Content-Disposition"].startswith("attachment;") and headers["Cache-Control"] == "no-store"
    assert not img.getexif().get_ifd(ExifTags.IFD.GPSInfo) and "exif" not in img.info
    officer = await signed_in(client, "officer")
    assert (await download(officer, path))[0] == 200
    boss = await signed_in(client, "boss")  # officer role but not a designated officer: like any other staff
    assert (await download(boss, path))[0] == 404
    assert (await download(staff, f"/console/reviews/{rid}/images/2"))[0] == 404


async def test_an_officer_marks_a_picture_staff_only_from_the_review_page(site):
    services, client = site
    staff = await signed_in(client, "staff1")
    status, page = await send(staff, "Happy Friday from the front desk!", [("desk.jpg", portrait(), "image/jpeg")])
    rid = review_id(page)
    assert "shows staff only" not in page  # not for staff
    status, page = await staff.post(f"/console/reviews/{rid}/staff-only", {"image": "1"})
    assert status == 403
    officer = await signed_in(client, "officer")
    status, page = await officer.get(f"/console/reviews/{rid}")
    assert "Image 1 shows staff only" in page
    revision = re.search(r'name="revision" value="(\d+)"', page).group(1)
    status, page = await officer.post(f"/console/reviews/{rid}/staff-only", {"image": "1", "revision": revision})
    assert status == 200 and "Marked staff only" in page and "Image 1 shows staff only" not in page
    assert services.reviews.get_by_id(rid).staff_only == (1,)
    with Session(services.engine) as s:
        actions = [(e.action, e.actor, json.loads(e.details).get("attempted"))
                   for e in s.exec(select(AuditEvent).where(AuditEvent.review_id == rid))]
    assert ("decision_refused", "staff1", "staff_only") in actions
    assert ("image_staff_only", "officer", None) in actions


@pytest.mark.parametrize("body, ctype", [
    (b"garbage without any boundary", "multipart/form-data; boundary=xyz"),
    (b"--xyz\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhello", "multipart/form-data; boundary=xyz"),
    (b"--xyz\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n\r\n\x89PNG", "multipart/form-data; boundary=xyz"),
    (b"--xyz--\r\n", "multipart/form-data"),
])
async def test_a_malformed_picture_form_is_refused_without_a_server_error(site, body, ctype):
    services, client = site
    staff = await signed_in(client, "staff1")
    async with staff.http.post(staff.base + "/console/review", data=body, headers={"Content-Type": ctype}) as resp:
        assert 400 <= resp.status < 500
    assert count(services, Review) == 0
