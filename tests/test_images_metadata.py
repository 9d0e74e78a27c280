"""checks/images/metadata.py: each identifying kind is reported when present (and only then), never its value."""

from __future__ import annotations

import pytest
from PIL import Image, PngImagePlugin

from checks.images.loading import open_image
from checks.images.metadata import read_metadata
from tests.images_helpers import encode, with_app_segment

BASE = Image.new("RGB", (48, 32), (30, 120, 200))
EXIF_IFD, GPS_IFD = 0x8769, 0x8825


def kinds(data: bytes) -> set[str]:
    return {m.kind for m in read_metadata(open_image(data))}


def exif_with(ifd0=None, sub=None, gps=None) -> Image.Exif:
    exif = Image.Exif()
    for k, v in (ifd0 or {}).items():
        exif[k] = v
    for k, v in (sub or {}).items():
        exif.get_ifd(EXIF_IFD)[k] = v
    for k, v in (gps or {}).items():
        exif.get_ifd(GPS_IFD)[k] = v
    return exif


GPS_TAGS = {1: "N", 2: (40.0, 44.0, 12.5), 3: "W", 4: (73.0, 59.0, 1.0)}
CASES = [
    ("gps", exif_with(gps=GPS_TAGS)),
    ("capture_date", exif_with(sub={0x9003: "2024:05:06 10:11:12"})),
    ("capture_date", exif_with(ifd0={0x0132: "2024:05:06 10:11:12"})),
    ("device_serial", exif_with(sub={0xA431: "SN-0042"})),
    ("device_serial", exif_with(sub={0xA435: "LENS-77"})),
    ("owner", exif_with(ifd0={0x013B: "Jane Doe"})),
    ("owner", exif_with(ifd0={0x8298: "(c) Jane Doe"})),
    ("owner", exif_with(sub={0xA430: "Jane Doe"})),
]


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
@pytest.mark.parametrize("kind, exif", CASES)
def test_each_exif_kind_in_each_format(fmt, kind, exif):
    # as bytes: Pillow's PNG writer skips an Exif object whose only tags sit in sub-IFDs
    assert kinds(encode(BASE, fmt, exif=exif.tobytes())) == {kind}


def test_all_at_once_in_fixed_order_with_entities():
    exif = exif_with(ifd0={0x013B: "Jane Doe"}, sub={0x9003: "2024:05:06 10:11:12", 0xA431: "SN-0042"}, gps=GPS_TAGS)
    items = read_metadata(open_image(encode(BASE, "JPEG", exif=exif)))
    assert [(m.kind, m.entity) for m in items] == [
        ("gps", "LOCATION"), ("capture_date", "DATE"), ("device_serial", "DEVICE_ID"), ("owner", "PERSON")]
    text = repr(items)
    assert "Jane" not in text and "SN-0042" not in text and "40.0" not in text


def test_nothing_reported_for_plain_files_and_harmless_tags():
    assert kinds(encode(BASE, "JPEG")) == set()
    assert kinds(encode(BASE, "PNG")) == set()
    harmless = exif_with(ifd0={0x010F: "Canon", 0x0110: "EOS R5", 0x013B: "   "}, gps={0: b"\x02\x03\x00\x00"})
    assert kinds(encode(BASE, "JPEG", exif=harmless)) == set()


def test_png_text_chunks():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jane Doe")
    info.add_text("Creation Time", "2024-05-06")
    info.add_text("Software", "Paint")
    assert kinds(encode(BASE, "PNG", pnginfo=info)) == {"owner", "capture_date"}


XMP = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
       'xmlns:aux="http://ns.adobe.com/exif/1.0/aux/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
       'exif:GPSLatitude="40,44.2N" aux:SerialNumber="123456" xmp:CreateDate="2024-05-06T10:11:12">'
       '<dc:creator><rdf:Seq><rdf:li>Jane Doe</rdf:li></rdf:Seq></dc:creator>'
       '</rdf:Description></rdf:RDF></x:xmpmeta>')


def test_xmp_in_png_itxt():
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP)
    assert kinds(encode(BASE, "PNG", pnginfo=info)) == {"gps", "device_serial", "capture_date", "owner"}


def test_xmp_in_jpeg_app1():
    payload = b"http://ns.adobe.com/xap/1.0/\x00" + XMP.encode()
    assert kinds(with_app_segment(encode(BASE, "JPEG"), 0xE1, payload)) == {
        "gps", "device_serial", "capture_date", "owner"}


def test_empty_xmp_properties_are_not_reported():
    empty = XMP.replace('"40,44.2N"', '""').replace('"123456"', '" "').replace('"2024-05-06T10:11:12"', '""')
    empty = empty.replace("<dc:creator><rdf:Seq><rdf:li>Jane Doe</rdf:li></rdf:Seq></dc:creator>", "")
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", empty)
    assert kinds(encode(BASE, "PNG", pnginfo=info)) == set()


def test_embedded_thumbnail_in_an_app_segment():
    thumb = encode(Image.new("RGB", (16, 16), (200, 0, 0)), "JPEG")
    data = with_app_segment(encode(BASE, "JPEG"), 0xE2, b"FPXR\x00" + thumb)
    assert kinds(data) == {"thumbnail"}


def test_thumbnail_inside_exif_blob():
    thumb = encode(Image.new("RGB", (16, 16), (200, 0, 0)), "JPEG")
    raw = Image.Exif().tobytes() + thumb  # a JPEG after the IFDs, where cameras put IFD1's thumbnail
    data = with_app_segment(encode(BASE, "JPEG"), 0xE1, raw)
    assert "thumbnail" in kinds(data)


def test_imagemagick_raw_exif_profile_in_png_text():
    blob = exif_with(gps=GPS_TAGS).tobytes()
    hexed = "\nexif\n" + f"{len(blob):8d}\n" + blob.hex()
    info = PngImagePlugin.PngInfo()
    info.add_text("Raw profile type exif", hexed, zip=True)
    assert kinds(encode(BASE, "PNG", pnginfo=info)) == {"gps"}


def test_iptc_byline_and_city():
    def dataset(rec, tag, value: bytes) -> bytes:
        return bytes([0x1C, rec, tag]) + len(value).to_bytes(2, "big") + value
    iptc = dataset(2, 80, b"Jane Doe") + dataset(2, 90, b"Springfield")
    resource = b"8BIM" + (0x0404).to_bytes(2, "big") + b"\x00\x00" + len(iptc).to_bytes(4, "big") + iptc
    data = with_app_segment(encode(BASE, "JPEG"), 0xED, b"Photoshop 3.0\x00" + resource)
    assert kinds(data) == {"owner", "gps"}


def test_broken_exif_does_not_raise():
    data = with_app_segment(encode(BASE, "JPEG"), 0xE1, b"Exif\x00\x00MM\x00*\xff\xff\xff\xff")
    assert kinds(data) == set()
