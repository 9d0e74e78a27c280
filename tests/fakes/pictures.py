"""Pictures made for the image tests (Pillow, at test time): a photo whose EXIF carries a
GPS position, and a phone-screenshot-like image with a name and a phone number in large,
clear type. Nothing is downloaded."""
from __future__ import annotations

import io

import pytest
from PIL import ExifTags, Image, ImageDraw, ImageFont

NAME, PHONE = "Margaret Okonkwo", "(415) 555-0172"


def photo_with_gps(size=(640, 480)) -> bytes:
    """A plain JPEG whose EXIF says where it was taken (and on which phone)."""
    img = Image.new("RGB", size, (90, 140, 200))
    ImageDraw.Draw(img).ellipse((200, 120, 440, 360), fill=(240, 200, 80))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef], gps[ExifTags.GPS.GPSLatitude] = "N", (40.0, 44.0, 55.0)
    gps[ExifTags.GPS.GPSLongitudeRef], gps[ExifTags.GPS.GPSLongitude] = "W", (73.0, 59.0, 11.0)
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif, quality=90)
    return buf.getvalue()


def screenshot(lines=(f"Client: {NAME}", f"Phone: {PHONE}")) -> bytes:
    """A phone-screenshot-like PNG: dark text, large and clear, on white."""
    img = Image.new("RGB", (1080, 720), "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=64)
    for i, line in enumerate(lines):
        draw.text((60, 120 + i * 160), line, fill="black", font=font)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def has_exif(data: bytes) -> bool:
    img = Image.open(io.BytesIO(data))
    return bool(img.getexif()) or "exif" in img.info


def image_checks_available() -> None:
    """The end-to-end cases need the image checks (checks/images) installed and working."""
    pytest.importorskip("checks.images.inspect")
    pytest.importorskip("checks.images.cleaning")


def ocr_available() -> None:
    image_checks_available()
    from checks.images import ocr
    try:
        ocr.read_text(Image.new("RGB", (200, 80), "white"))
    except Exception as e:  # noqa: BLE001 - e.g. the OCR engine is not installed on this machine
        pytest.skip(f"OCR is not available here: {type(e).__name__}")


def store_cleaned_copy(services, review_id: int, index: int, data: bytes, name: str = "image-cleaned.png",
                       mimetype: str = "image/png") -> None:
    """Store a cleaned copy for a review exactly as the check does (sealed, in review_image), so
    the publishers' posting of copies is tested whatever the image checks found."""
    from bot.db import transaction
    from bot.models import ReviewImage
    with transaction(services.engine) as s:
        s.add(ReviewImage(review_id=review_id, image=index, name=name, mimetype=mimetype,
                          data=services.reviews.text_vault.seal_bytes(data)))


def plain_png(size=(320, 200), colour=(30, 160, 90)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


def portrait() -> bytes:
    """A clear frontal face (tests/data/face_portrait.jpg, a public-domain portrait) on a wider
    plain background, as a JPEG."""
    from pathlib import Path
    face = Image.open(Path(__file__).resolve().parent.parent / "data" / "face_portrait.jpg").convert("RGB")
    canvas = Image.new("RGB", (face.width + 160, face.height + 100), (210, 205, 195))
    canvas.paste(face, (80, 50))
    buf = io.BytesIO()
    canvas.save(buf, "JPEG", quality=92)
    return buf.getvalue()
