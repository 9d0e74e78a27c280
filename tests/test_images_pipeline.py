"""Attached pictures through the real review service (issue 20): real Presidio, real consent
registry, real pictures drawn with Pillow (and a public-domain portrait for a face), on SQLite
and PostgreSQL. Pictures come in as console uploads (their bytes in memory) or through a
fetcher, as Slack and Teams deliver them."""
from __future__ import annotations

import asyncio
import base64
import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageDraw, ImageFont
from sqlmodel import Session, select

from bot.audit.retention import purge_texts
from bot.config import ConfigError, parse_profile
from bot.consent.registry import ConsentRegistry
from bot.domain import Attachment, Draft, MessageRef, Severity
from bot.images import ImageUnavailable
from bot.models import AuditEvent, Review, ReviewImage
from bot.states import Event, State

OFFICER = "officer"  # officers.console in config.example.yml
OTHER_OFFICER = "U0PRIVACY1"  # a Slack officer: not one for console drafts
PORTRAIT = Path(__file__).parent / "data" / "face_portrait.jpg"  # Grace Hopper (US Navy photo, public domain)
NAME, PHONE = "Emily Carter", "503-555-7788"


def font(size: int = 40):
    return ImageFont.load_default(size=size)


def screenshot(lines: list[str], size=(1000, 420)) -> tuple[bytes, list[tuple[int, int, int, int]]]:
    """A PNG of dark text on white, and each line's drawn box."""
    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    boxes, y = [], 40
    for line in lines:
        draw.text((40, y), line, fill=(20, 20, 20), font=font())
        x0, y0, x1, y1 = draw.textbbox((40, y), line, font=font())
        boxes.append((x0, y0, x1 - x0, y1 - y0))
        y += 90
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue(), boxes


def portrait() -> bytes:
    """The portrait on a larger plain background, as a JPEG."""
    face = Image.open(PORTRAIT).convert("RGB")
    canvas = Image.new("RGB", (face.width + 200, face.height + 120), (200, 210, 190))
    canvas.paste(face, (100, 60))
    buf = io.BytesIO()
    canvas.save(buf, "JPEG", quality=90)
    return buf.getvalue()


def gps_photo() -> bytes:
    """A faceless, textless picture whose EXIF holds a GPS position."""
    img = Image.new("RGB", (640, 480))
    draw = ImageDraw.Draw(img)
    for y in range(480):
        draw.line([(0, y), (640, y)], fill=(90, 140 + y // 8, 200))
    exif = Image.Exif()
    exif[ExifTags.IFD.GPSInfo] = {1: "N", 2: (45.0, 31.0, 12.0), 3: "W", 4: (122.0, 40.0, 30.0)}
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif)
    return buf.getvalue()


def upload(*pictures: bytes, mimetype: str = "image/png") -> tuple[Attachment, ...]:
    return tuple(Attachment(f"image-{i}", mimetype, data=p) for i, p in enumerate(pictures, 1))


def draft(text: str, attachments, author: str = "staff1", mid: str = "1", platforms=("instagram",)) -> Draft:
    return Draft(text=text, author=author, ref=MessageRef("console", "local", "console", mid),
                 platforms=platforms, attachments=attachments)


async def checked(services, d: Draft):
    rid = services.reviews.submit(d)
    view = await services.reviews.check(rid)
    assert view is not None
    return view


def image_findings(view, code: str | None = None):
    return [f for f in view.findings if f.image is not None and (code is None or f.code == code)]


def audit_rows(services, action: str) -> list[dict]:
    with Session(services.engine) as s:
        return [json.loads(r.details) | {"actor": r.actor} for r in
                s.exec(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id))]


def overlaps(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


# ---- text in a picture -------------------------------------------------------------------------

async def test_when_a_screenshot_shows_a_name_and_phone_then_it_blocks_with_an_image_finding_and_a_box(services):
    png, boxes = screenshot(["So proud of " + NAME + "!", "after her therapy session.", "Her cell: " + PHONE])
    view = await checked(services, draft("A peek at our week!", upload(png)))
    assert view.state == State.FLAGGED and view.verdict == "block"
    phone = [f for f in image_findings(view) if f.entity == "PHONE"]
    assert phone and phone[0].severity == Severity.BLOCK and phone[0].image == 1
    assert phone[0].start is None and phone[0].box is not None
    assert overlaps(phone[0].box, boxes[2]) and not overlaps(phone[0].box, boxes[0])
    assert any(f.entity == "PERSON" and f.severity == Severity.BLOCK for f in image_findings(view))
    # findings say where, never what: not in the messages, not in storage, not in the audit trail
    assert phone[0].where.startswith(" in image 1, area ")
    with Session(services.engine) as s:
        row = s.exec(select(Review)).one()
        stored = row.findings + "".join(e.details for e in s.exec(select(AuditEvent)))
    for secret in ("Emily", "Carter", "555-7788"):
        assert secret not in stored and all(secret not in f.message for f in view.findings)
    # stored findings read back with their image and box (positions of image findings are boxes)
    again = services.reviews.get_by_id(view.id)
    assert [f for f in again.findings if f.entity == "PHONE"][0].box == phone[0].box


async def test_when_a_screenshot_has_phi_then_its_cleaned_copy_blurs_the_text_and_keeps_the_rest(services):
    png, boxes = screenshot(["Our garden is blooming", NAME + " after her therapy session.", "Her cell: " + PHONE])
    view = await checked(services, draft("Spring at the office", upload(png)))
    [copy] = services.reviews.cleaned_images(view.id)
    assert copy.index == 1 and copy.name.startswith("image-1-cleaned.")
    original = Image.open(io.BytesIO(png)).convert("L")
    cleaned = Image.open(io.BytesIO(copy.data)).convert("L")
    assert cleaned.size == original.size
    x, y, w, h = boxes[2]
    # the PHI line is blurred beyond reading: far less contrast than the sharp original
    sharp = original.crop((x, y, x + w, y + h)).getextrema()
    blurred = cleaned.crop((x, y, x + w, y + h)).getextrema()
    assert blurred[1] - blurred[0] < (sharp[1] - sharp[0]) / 2


async def test_when_a_picture_shows_no_text_face_or_metadata_then_it_adds_no_finding_and_no_copy(services):
    img = Image.new("RGB", (400, 300), (120, 170, 120))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    view = await checked(services, draft("Five grounding techniques to try when anxiety spikes.", upload(buf.getvalue())))
    assert image_findings(view) == [] and view.state != State.FAILED
    assert services.reviews.cleaned_images(view.id) == []


# ---- faces and consent -------------------------------------------------------------------------

async def test_when_a_face_is_pictured_and_the_caption_names_no_consented_patient_then_it_blocks(services):
    view = await checked(services, draft("Happy Friday from the front desk!", upload(portrait(), mimetype="image/jpeg")))
    faces = image_findings(view, "image.face")
    assert faces and all(f.severity == Severity.BLOCK and f.entity == "PHOTO" and f.box for f in faces)
    assert view.face_images == (1,) and view.verdict == "block"


async def test_when_the_caption_names_a_patient_with_a_photo_consent_then_their_face_passes(services):
    cid = ConsentRegistry(services.engine).grant("test", patient="Rosa Delgado", scopes=["photo", "name_use"],
                                                 platforms=["instagram"], document_ref="signed form").consent_id
    view = await checked(services, draft("Rosa Delgado at our spring open house", upload(portrait(), mimetype="image/jpeg")))
    faces = image_findings(view, "image.face")
    assert faces and all(f.severity == Severity.INFO and cid in f.message for f in faces)
    assert not [f for f in view.findings if f.severity == Severity.BLOCK]


async def test_when_the_patients_consent_lacks_the_photo_scope_then_their_face_still_blocks(services):
    ConsentRegistry(services.engine).grant("test", patient="Rosa Delgado", scopes=["name_use"],
                                           platforms=["instagram"], document_ref="signed form")
    view = await checked(services, draft("Rosa Delgado at our spring open house", upload(portrait(), mimetype="image/jpeg")))
    assert all(f.severity == Severity.BLOCK for f in image_findings(view, "image.face"))


# ---- metadata, unreadable files ----------------------------------------------------------------

async def test_when_a_photo_carries_a_gps_position_then_it_blocks_and_the_cleaned_copy_has_no_exif(services):
    jpeg = gps_photo()
    assert Image.open(io.BytesIO(jpeg)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the test's own premise
    view = await checked(services, draft("Sunset from our new office", upload(jpeg, mimetype="image/jpeg")))
    [gps] = image_findings(view, "image.gps")
    assert gps.severity == Severity.BLOCK and gps.entity == "LOCATION" and view.verdict == "block"
    assert "cleaned copy" in gps.suggestion
    [copy] = services.reviews.cleaned_images(view.id)
    cleaned = Image.open(io.BytesIO(copy.data))
    assert not cleaned.getexif() and "exif" not in cleaned.info


async def test_when_a_file_is_not_a_readable_picture_then_it_blocks_and_says_so(services):
    broken = gps_photo()[:300]  # a truncated JPEG
    view = await checked(services, draft("Five grounding techniques to try when anxiety spikes.",
                                         upload(broken, mimetype="image/jpeg")))
    [f] = image_findings(view, "image.unreadable")
    assert f.severity == Severity.BLOCK and f.image == 1 and "could not be read" in f.message
    assert view.state == State.FLAGGED


async def test_when_a_console_upload_is_gone_after_a_restart_then_the_check_asks_for_it_again(services):
    d = draft("Five grounding techniques to try when anxiety spikes.", (Attachment("image-1.png", "image/png"),))
    view = await checked(services, d)  # no bytes and no fetcher for the console: as after a restart
    [f] = image_findings(view, "image.unreadable")
    assert f.severity == Severity.BLOCK and "upload it again" in f.message


class Fetcher:
    """What an adapter's fetcher does: bytes for a file id, or ImageUnavailable."""

    def __init__(self, files: dict[str, bytes], hang: bool = False):
        self.files, self.hang, self.asked = files, hang, []

    async def fetch(self, attachment: Attachment, max_bytes: int) -> bytes:
        self.asked.append((attachment.file_id, max_bytes))
        if self.hang:
            await asyncio.Event().wait()
        if attachment.file_id not in self.files:
            raise ImageUnavailable("the file was deleted")
        return self.files[attachment.file_id]


def slack_draft(text: str, *file_ids: str, mid: str = "1") -> Draft:
    return Draft(text=text, author="U0STAFF", ref=MessageRef("slack", "T1", "C0REVIEW1", mid), platforms=("instagram",),
                 attachments=tuple(Attachment(f"{f}.jpg", "image/jpeg", url=f"https://files.example/{f}", file_id=f)
                                   for f in file_ids))


async def test_when_a_chat_picture_is_fetched_then_it_is_checked_and_a_gone_one_blocks(services):
    fetcher = Fetcher({"F1": gps_photo()})
    services.reviews.fetchers["slack"] = fetcher
    view = await checked(services, slack_draft("Sunset from our new office", "F1", "F2"))
    assert [f.image for f in image_findings(view, "image.gps")] == [1]
    [gone] = image_findings(view, "image.unreadable")
    assert gone.image == 2 and "the file was deleted" in gone.message
    assert [a for a, _ in fetcher.asked] == ["F1", "F2"]
    with Session(services.engine) as s:  # where to fetch again after a restart is stored
        assert json.loads(s.exec(select(Review)).one().attachments)[0] == [
            "F1.jpg", "image/jpeg", "https://files.example/F1", "F1"]


async def test_when_fetching_a_picture_hangs_then_the_check_blocks_within_its_budget(services):
    services.reviews.fetchers["slack"] = Fetcher({}, hang=True)
    services.pipeline.timeout = 1.0
    view = await checked(services, slack_draft("Five grounding techniques to try when anxiety spikes.", "F9"))
    [f] = image_findings(view, "image.unreadable")
    assert f.severity == Severity.BLOCK and "too long" in f.message


# ---- cleaned copies live exactly as long as the draft's texts ----------------------------------

async def test_cleaned_copies_are_deleted_with_the_draft_withdrawn_or_purged_and_replaced_on_edit(services):
    first = await checked(services, draft("Sunset from our new office", upload(gps_photo(), mimetype="image/jpeg"), mid="a"))
    second = await checked(services, draft("Sunset from our new office", upload(gps_photo(), mimetype="image/jpeg"), mid="b"))
    assert services.reviews.cleaned_images(first.id) and services.reviews.cleaned_images(second.id)
    services.reviews.withdraw(first.ref, "staff1")
    assert services.reviews.cleaned_images(first.id) == []
    assert purge_texts(services.engine, 0, "retention-job", now=datetime.now(timezone.utc) + timedelta(seconds=1)) >= 0
    assert services.reviews.cleaned_images(second.id) == []
    with Session(services.engine) as s:
        assert s.exec(select(ReviewImage)).all() == []
    # an edit without pictures: the old version's copy is gone and none replaces it
    third = await checked(services, draft("Sunset from our new office", upload(gps_photo(), mimetype="image/jpeg"), mid="c"))
    rid = services.reviews.edit(draft("Sunset from our new office, no picture after all", (), mid="c"))
    await services.reviews.check(rid)
    assert services.reviews.cleaned_images(third.id) == []


async def test_cleaned_copies_are_sealed_at_rest(services):
    view = await checked(services, draft("Sunset from our new office", upload(gps_photo(), mimetype="image/jpeg")))
    with Session(services.engine) as s:
        stored = s.exec(select(ReviewImage)).one()
    [copy] = services.reviews.cleaned_images(view.id)
    assert stored.data.startswith("enc:") and base64.b64encode(copy.data[:48]).decode()[:40] not in stored.data
    assert Image.open(io.BytesIO(copy.data)).get_format_mimetype() == copy.mimetype


# ---- "staff only" --------------------------------------------------------------------------------

async def test_when_an_officer_marks_a_picture_staff_only_then_its_faces_stop_blocking_and_it_is_audited(services):
    view = await checked(services, draft("Happy Friday from the front desk!", upload(portrait(), mimetype="image/jpeg")))
    assert view.verdict == "block"
    result = services.reviews.mark_staff_only(view.id, 1, OFFICER, revision=view.revision)
    assert result.ok, result.message
    after = result.review
    assert after.staff_only == (1,) and all(f.severity == Severity.INFO for f in image_findings(after, "image.face"))
    assert after.verdict != "block" and not after.blocking
    assert after.state == (State.CLEAN if after.verdict == "pass" else State.FLAGGED)
    [event] = audit_rows(services, "image_staff_only")
    assert event["actor"] == OFFICER and event["image"] == 1 and event["verdict_from"] == "block"
    # stored: another replica reads the same decision
    assert services.reviews.get_by_id(view.id).staff_only == (1,)
    # and the ordinary approval clears it now
    assert services.reviews.decide_by_id(view.id, OFFICER, Event.APPROVE).ok


async def test_when_staff_or_the_author_marks_a_picture_staff_only_then_it_is_refused_and_audited(services):
    view = await checked(services, draft("Happy Friday from the front desk!", upload(portrait(), mimetype="image/jpeg"),
                                         author=OFFICER))
    for actor, why in (("staff1", "not_officer"), (OTHER_OFFICER, "not_officer"), (OFFICER, "own_draft")):
        result = services.reviews.mark_staff_only(view.id, 1, actor)
        assert not result.ok
    refused = [e for e in audit_rows(services, "decision_refused") if e["attempted"] == "staff_only"]
    assert [(e["actor"], e["why"], e["image"]) for e in refused] == [
        ("staff1", "not_officer", 1), (OTHER_OFFICER, "not_officer", 1), (OFFICER, "own_draft", 1)]
    still = services.reviews.get_by_id(view.id)
    assert still.staff_only == () and still.verdict == "block"
    assert audit_rows(services, "image_staff_only") == []


async def test_when_a_picture_has_no_face_or_the_report_is_stale_then_marking_is_refused(services):
    view = await checked(services, draft("Sunset from our new office", upload(gps_photo(), mimetype="image/jpeg")))
    assert not services.reviews.mark_staff_only(view.id, 1, OFFICER).ok  # no faces in it
    faces = await checked(services, draft("Happy Friday!", upload(portrait(), mimetype="image/jpeg"), mid="2"))
    assert not services.reviews.mark_staff_only(faces.id, 1, OFFICER, revision=faces.revision + 1).ok


async def test_when_a_marked_draft_is_edited_then_the_marking_is_void_and_its_faces_block_again(services):
    d = draft("Happy Friday from the front desk!", upload(portrait(), mimetype="image/jpeg"))
    view = await checked(services, d)
    assert services.reviews.mark_staff_only(view.id, 1, OFFICER).ok
    rid = services.reviews.edit(draft("Happy Friday from all of us at the front desk!",
                                      upload(portrait(), mimetype="image/jpeg")))
    again = await services.reviews.check(rid)
    assert again.staff_only == () and again.verdict == "block"
    assert all(f.severity == Severity.BLOCK for f in image_findings(again, "image.face"))


# ---- configuration -------------------------------------------------------------------------------

@pytest.mark.parametrize("bad, key", [
    ("images: {max_bytes: 10}", "images.max_bytes"),
    ("images: {max_pixels: 0}", "images.max_pixels"),
    ("images: {blur: [eyes]}", "images.blur"),
    ("images: {blur: [text, text]}", "images.blur"),
    ("images: {ocr: 'yes'}", "images.ocr"),
    ("images: {faces: 1}", "images.faces"),
    ("images: {detect: true}", "images.detect"),
])
def test_a_bad_images_setting_stops_start_up_naming_the_key(bad, key):
    with pytest.raises(ConfigError) as e:
        parse_profile("practice: {name: X}\n" + bad)
    assert key in str(e.value)


def test_images_settings_default_to_checking_everything():
    images = parse_profile("practice: {name: X}").images
    assert images.enabled and images.ocr and images.faces and images.blur == ["text", "faces"]


class Broken:
    async def fetch(self, attachment: Attachment, max_bytes: int) -> bytes:
        raise ConnectionResetError("a bug or a dropped connection in an adapter")


async def test_when_a_fetcher_fails_unexpectedly_then_the_picture_blocks_as_unreadable(services):
    services.reviews.fetchers["slack"] = Broken()
    view = await checked(services, slack_draft("Five grounding techniques to try when anxiety spikes.", "F1"))
    [f] = image_findings(view, "image.unreadable")
    assert f.severity == Severity.BLOCK and "could not be fetched" in f.message and view.state == State.FLAGGED
