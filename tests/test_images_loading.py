"""checks/images/loading.py: which files are read, the limits checked before decoding, upright sRGB pixels."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from checks.images.loading import load_image, open_image
from checks.images.model import ImageLimits, ImageUnreadable
from tests.images_helpers import encode, png_with_declared_size


def refused(data: bytes, limits: ImageLimits = ImageLimits()) -> str:
    with pytest.raises(ImageUnreadable) as e:
        load_image(data, limits)
    return str(e.value)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_allowed_formats_decode_to_rgb(fmt):
    im = load_image(encode(Image.new("RGB", (40, 30), (200, 20, 20)), fmt))
    assert (im.mode, im.size) == ("RGB", (40, 30))
    r, g, b = im.getpixel((20, 15))
    assert r > 180 and g < 50 and b < 50
    assert im.info == {}


def test_exif_orientation_is_applied():
    im = Image.new("RGB", (60, 20), (255, 255, 255))
    im.paste((0, 0, 0), (0, 0, 10, 10))  # black in the stored top-left corner
    exif = Image.Exif()
    exif[0x0112] = 6  # stored rotated: display turned 90 degrees clockwise
    up = load_image(encode(im, "JPEG", exif=exif))
    assert up.size == (20, 60)
    assert sum(up.getpixel((15, 3))) < 100  # the corner now sits top-right
    assert sum(up.getpixel((3, 3))) > 600


def test_empty_and_too_many_bytes():
    assert "empty" in refused(b"")
    data = encode(Image.new("RGB", (50, 50)), "PNG")
    assert "too large" in refused(data, ImageLimits(max_bytes=len(data) - 1))


def test_huge_dimensions_in_a_tiny_file_are_refused_from_the_header():
    bomb = png_with_declared_size(100_000, 100_000)
    assert len(bomb) < 200
    assert "too large" in refused(bomb)
    assert "too large" in refused(png_with_declared_size(3000, 3000), ImageLimits(max_pixels=1_000_000))


def test_truncated_jpeg_fails_closed():
    data = encode(Image.effect_noise((400, 400), 60).convert("RGB"), "JPEG", quality=95)
    assert "damaged or truncated" in refused(data[: len(data) // 2])


def test_corrupt_png_fails_closed():
    data = bytearray(encode(Image.effect_noise((64, 64), 60).convert("RGB"), "PNG"))
    data[-40:-20] = b"\x00" * 20  # inside the image data / its checksum
    refused(bytes(data))


def test_text_file_named_png_says_what_it_is_not_its_content():
    msg = refused(b"Jane Doe, DOB 01/02/1980, seen for anxiety\n")
    assert "not a JPEG, PNG or WebP" in msg
    assert "Jane" not in msg and "anxiety" not in msg


@pytest.mark.parametrize("data, words", [
    (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "PDF"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "SVG"),
    (encode(Image.new("RGB", (8, 8)), "GIF"), "GIF"),
    (encode(Image.new("RGB", (8, 8)), "TIFF"), "TIFF"),
    (encode(Image.new("RGB", (8, 8)), "BMP"), "BMP"),
])
def test_other_formats_are_refused_by_name(data, words):
    assert words in refused(data)


def test_animated_webp_is_refused():
    frames = [Image.new("RGB", (20, 20), c) for c in ((255, 0, 0), (0, 255, 0))]
    out = io.BytesIO()
    frames[0].save(out, "WEBP", save_all=True, append_images=frames[1:], duration=100)
    assert "animated" in refused(out.getvalue())


def test_animated_png_is_refused():
    frames = [Image.new("RGB", (20, 20), c) for c in ((255, 0, 0), (0, 255, 0))]
    out = io.BytesIO()
    frames[0].save(out, "PNG", save_all=True, append_images=frames[1:])
    assert "animated" in refused(out.getvalue())


def test_one_pixel_image_reads():
    assert load_image(encode(Image.new("RGB", (1, 1), (1, 2, 3)), "PNG")).size == (1, 1)


def test_sixteen_bit_grey_png_keeps_its_brightness():
    im = load_image(encode(Image.new("I;16", (10, 10), 40000), "PNG"))
    assert im.mode == "RGB"
    assert abs(im.getpixel((5, 5))[0] - 40000 // 257) <= 2


def test_cmyk_jpeg_becomes_rgb():
    im = load_image(encode(Image.new("CMYK", (10, 10), (0, 255, 255, 0)), "JPEG"))
    r, g, b = im.getpixel((5, 5))
    assert im.mode == "RGB" and r > 200 and g < 60 and b < 60


def test_transparency_is_flattened_onto_white():
    im = load_image(encode(Image.new("RGBA", (10, 10), (0, 0, 0, 0)), "PNG"))
    assert im.getpixel((5, 5)) == (255, 255, 255)
    pal = Image.new("P", (10, 10), 0)
    pal.putpalette([0, 0, 0] * 256)
    assert load_image(encode(pal, "PNG", transparency=0)).getpixel((5, 5)) == (255, 255, 255)


def test_open_image_does_not_decode_pixels():
    opened = open_image(encode(Image.new("RGB", (30, 20)), "JPEG"))
    assert opened.format == "JPEG" and opened.mimetype == "image/jpeg"
    assert opened.image.size == (30, 20)
