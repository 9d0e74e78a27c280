"""checks/images/cleaning.py: the cleaned copy has pixels only, stays upright and in its format, and what was
asked to be blurred can no longer be read or found."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageCms, PngImagePlugin

from checks.images.cleaning import clean_image
from checks.images.faces import find_faces
from checks.images.loading import open_image
from checks.images.metadata import read_metadata
from checks.images.model import ImageUnreadable
from tests.images_helpers import encode, portrait, text_image, with_app_segment

EXIF_IFD, GPS_IFD = 0x8769, 0x8825
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def loaded_exif() -> bytes:
    exif = Image.Exif()
    exif[0x013B] = "Jane Doe"
    exif[0x0112] = 6
    exif.get_ifd(EXIF_IFD)[0x9003] = "2024:05:06 10:11:12"
    exif.get_ifd(EXIF_IFD)[0xA431] = "SN-0042"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (40.0, 44.0, 12.5), 3: "W", 4: (73.0, 59.0, 1.0)})
    return exif.tobytes()


@pytest.mark.parametrize("fmt, mimetype", [("JPEG", "image/jpeg"), ("PNG", "image/png"), ("WEBP", "image/webp")])
def test_everything_but_pixels_is_dropped_and_the_format_kept(fmt, mimetype):
    src = Image.new("RGB", (60, 40), (200, 30, 30))
    data = encode(src, fmt, exif=loaded_exif(), icc_profile=SRGB)
    assert "icc_profile" in open_image(data).image.info
    assert read_metadata(open_image(data))
    cleaned, mt = clean_image(data)
    assert mt == mimetype
    opened = open_image(cleaned)
    assert opened.format == fmt
    assert read_metadata(opened) == ()
    info = opened.image.info
    assert "exif" not in info and "xmp" not in info and "icc_profile" not in info
    assert b"Jane" not in cleaned and b"SN-0042" not in cleaned
    assert opened.image.size == (40, 60)  # orientation 6 applied, no orientation tag left
    assert len(opened.image.getexif()) == 0


def test_png_text_xmp_and_thumbnail_are_gone():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jane Doe")
    info.add_itxt("XML:com.adobe.xmp", '<x:xmpmeta><rdf:Description exif:GPSLatitude="40,44N"/></x:xmpmeta>')
    data = encode(Image.new("RGB", (30, 30)), "PNG", pnginfo=info)
    cleaned, _ = clean_image(data)
    assert read_metadata(open_image(cleaned)) == ()
    assert b"Jane" not in cleaned and b"GPSLatitude" not in cleaned

    thumb = encode(Image.new("RGB", (16, 16), (200, 0, 0)), "JPEG")
    jpeg = with_app_segment(encode(Image.new("RGB", (30, 30)), "JPEG"), 0xE2, b"FPXR\x00" + thumb)
    cleaned, _ = clean_image(jpeg)
    assert read_metadata(open_image(cleaned)) == ()
    assert cleaned.count(b"\xff\xd8") == 1


def test_pixels_outside_the_boxes_are_kept():
    src = Image.fromarray(np.random.default_rng(1).integers(0, 255, (80, 120, 3), dtype=np.uint8))
    cleaned, _ = clean_image(encode(src, "PNG"), blur=[(10, 10, 20, 20)])
    out = np.asarray(Image.open(io.BytesIO(cleaned)))
    assert np.array_equal(out[:, 60:], np.asarray(src)[:, 60:])
    assert not np.array_equal(out[10:30, 10:30], np.asarray(src)[10:30, 10:30])


def test_blurred_face_is_no_longer_found():
    im = portrait()
    (face,) = find_faces(im)
    cleaned, _ = clean_image(encode(im, "JPEG"), blur=[face])
    after = Image.open(io.BytesIO(cleaned)).convert("RGB")
    assert find_faces(after) == []
    x, y, w, h = face
    before_std = np.asarray(im.crop((x, y, x + w, y + h)).convert("L"), float).std()
    after_std = np.asarray(after.crop((x, y, x + w, y + h)).convert("L"), float).std()
    assert after_std < before_std / 2


def test_blurred_text_is_no_longer_read():
    ocr = pytest.importorskip("checks.images.ocr")
    im = text_image()
    lines = ocr.read_text(im)
    assert len(lines) == 2  # the name and the phone number are read before cleaning
    cleaned, _ = clean_image(encode(im, "PNG"), blur=[line.box for line in lines])
    assert ocr.read_text(Image.open(io.BytesIO(cleaned)).convert("RGB")) == []


def test_text_box_pixels_are_flattened_even_without_ocr():
    im = text_image(lines=("Jane Doe",))
    cleaned, _ = clean_image(encode(im, "PNG"), blur=[(26, 40, 252, 54)])
    region = np.asarray(Image.open(io.BytesIO(cleaned)).convert("L").crop((26, 40, 278, 94)), float)
    assert region.min() > 100  # no black stroke of a letter survives
    assert len(np.unique(region)) > 1


def test_boxes_partly_or_wholly_outside_are_harmless():
    data = encode(Image.new("RGB", (50, 50), (10, 10, 10)), "PNG")
    cleaned, _ = clean_image(data, blur=[(40, 40, 100, 100), (500, 500, 10, 10), (0, 0, 0, 0)])
    assert Image.open(io.BytesIO(cleaned)).size == (50, 50)


def test_unreadable_input_raises():
    with pytest.raises(ImageUnreadable):
        clean_image(b"not an image")
