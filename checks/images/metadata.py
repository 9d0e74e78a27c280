"""Identifying metadata inside an image file: which kinds are present, never their values (issue 20).

Read from EXIF (JPEG APP1, PNG eXIf, WebP EXIF, ImageMagick's hex "Raw profile type exif" PNG text), XMP (searched as
text for non-empty properties, never parsed as XML, so no entity tricks), IPTC (JPEG APP13) and PNG text chunks.
A thumbnail is any second picture carried inside: EXIF IFD1, a JPEG start-of-image inside an APP segment, an MPO's
extra frames, an XMP thumbnail. Free-text fields (descriptions, comments, keywords) are not reported as a kind;
the cleaned copy drops them with everything else.
"""

from __future__ import annotations

import re

from PIL import Image

from checks.images.loading import Opened
from checks.images.model import MetadataItem

GPS = MetadataItem("gps", "LOCATION")
CAPTURE_DATE = MetadataItem("capture_date", "DATE")
DEVICE_SERIAL = MetadataItem("device_serial", "DEVICE_ID")
OWNER = MetadataItem("owner", "PERSON")
THUMBNAIL = MetadataItem("thumbnail", "PHOTO")
_ORDER = (GPS, CAPTURE_DATE, DEVICE_SERIAL, OWNER, THUMBNAIL)

# EXIF tags (TIFF/EXIF 2.32 numbers)
_IFD0_DATE = {0x0132}                       # DateTime
_IFD0_OWNER = {0x013B, 0x8298, 0x9C9D}      # Artist, Copyright, XPAuthor
_IFD0_SERIAL = {0xC62F}                     # CameraSerialNumber (DNG)
_EXIF_DATE = {0x9003, 0x9004}               # DateTimeOriginal, DateTimeDigitized
_EXIF_SERIAL = {0xA431, 0xA435}             # BodySerialNumber, LensSerialNumber
_EXIF_OWNER = {0xA430}                      # CameraOwnerName
_GPS_PLACE = {0x02, 0x04, 0x1C}             # GPSLatitude, GPSLongitude, GPSAreaInformation
_GPS_DATE = {0x1D}                          # GPSDateStamp
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825

_XMP = {
    GPS: ("GPSLatitude", "GPSLongitude", "GPSAreaInformation", "City", "State", "Country", "CountryName",
          "ProvinceState", "Sublocation", "Location", "LocationCreated", "LocationShown"),
    CAPTURE_DATE: ("DateTimeOriginal", "DateTimeDigitized", "CreateDate", "DateCreated", "ModifyDate",
                   "GPSDateStamp", "GPSTimeStamp"),
    DEVICE_SERIAL: ("SerialNumber", "BodySerialNumber", "LensSerialNumber", "CameraSerialNumber",
                    "InternalSerialNumber"),
    OWNER: ("creator", "rights", "Artist", "Copyright", "Owner", "OwnerName", "CameraOwnerName", "Author",
            "CreatorContactInfo", "Credit", "CaptionWriter", "By-line"),
    THUMBNAIL: ("Thumbnails", "thumbnails", "ThumbnailImage"),
}

_IPTC = {
    GPS: {(2, 90), (2, 92), (2, 95), (2, 101), (2, 100)},      # city, sublocation, province, country, code
    CAPTURE_DATE: {(2, 55), (2, 60), (2, 62), (2, 63)},        # date/time created, digital creation date/time
    OWNER: {(2, 80), (2, 116), (2, 122), (2, 110)},            # by-line, copyright, writer, credit
}

_PNG_TEXT = {
    CAPTURE_DATE: ("creation time", "date:create", "date:modify", "date:timestamp", "datetime"),
    OWNER: ("author", "copyright", "artist", "owner", "creator"),
    GPS: ("location", "gps"),
    DEVICE_SERIAL: ("serial", "serialnumber"),
}


def _has_value(value: object) -> bool:
    """A tag counts when it holds something other than blanks/zeros (cameras write empty Artist fields)."""
    if value is None:
        return False
    if isinstance(value, bytes):
        return bool(value.strip(b"\x00 \t\r\n"))
    if isinstance(value, str):
        return bool(value.strip("\x00 \t\r\n"))
    if isinstance(value, (tuple, list)):
        return any(_has_value(v) for v in value)
    return True


def _exif_kinds(exif: Image.Exif, found: set[MetadataItem]) -> None:
    def some(ifd: dict, tags: set[int]) -> bool:
        return any(_has_value(ifd.get(t)) for t in tags)

    ifd0, sub, gps = dict(exif), exif.get_ifd(_EXIF_IFD), exif.get_ifd(_GPS_IFD)
    for ifd, tags, kind in ((ifd0, _IFD0_DATE, CAPTURE_DATE), (ifd0, _IFD0_OWNER, OWNER),
                            (ifd0, _IFD0_SERIAL, DEVICE_SERIAL), (sub, _EXIF_DATE, CAPTURE_DATE),
                            (sub, _EXIF_SERIAL, DEVICE_SERIAL), (sub, _EXIF_OWNER, OWNER),
                            (gps, _GPS_PLACE, GPS), (gps, _GPS_DATE, CAPTURE_DATE)):
        if some(ifd, tags):
            found.add(kind)
    try:
        from PIL.ExifTags import IFD
        ifd1 = exif.get_ifd(IFD.IFD1)
    except Exception:
        ifd1 = {}
    if ifd1.get(0x0201) or ifd1.get(0x0111):  # JPEGInterchangeFormat / StripOffsets of a thumbnail
        found.add(THUMBNAIL)


def _exif_from_bytes(raw: bytes, found: set[MetadataItem]) -> None:
    if raw.startswith(b"Exif\x00\x00"):
        raw = raw[6:]
    if not raw:
        return
    exif = Image.Exif()
    try:
        exif.load(raw)
        _exif_kinds(exif, found)
    except Exception:
        pass  # an unreadable EXIF block: nothing reportable from it (the cleaned copy drops it regardless)
    if b"\xff\xd8\xff" in raw:  # a JPEG inside EXIF is a thumbnail, whichever IFD points at it
        found.add(THUMBNAIL)


def _xmp_kinds(xmp: str, found: set[MetadataItem]) -> None:
    for item, names in _XMP.items():
        for name in names:
            # prefix:Name="value"  or  <prefix:Name ...>value / nested rdf list
            pat = (r"[\w.-]+:" + re.escape(name) + r"""(?:\s*=\s*(["'])\s*[^"'\s]|(?:\s[^>]*)?>\s*(?:[^<\s]|<rdf:))""")
            if re.search(pat, xmp):
                found.add(item)
                break


def _jpeg_segments(data: bytes):
    """(marker, payload) for each segment before the image data; stops at SOS or at anything malformed."""
    i = 2
    n = len(data)
    while i + 4 <= n and data[i] == 0xFF:
        marker = data[i + 1]
        if marker == 0xFF:
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        length = int.from_bytes(data[i + 2:i + 4], "big")
        if marker == 0xDA or length < 2:
            return
        yield marker, data[i + 4:i + 2 + length]
        i += 2 + length


def read_metadata(opened: Opened) -> tuple[MetadataItem, ...]:
    """The identifying metadata kinds present in the file, in a fixed order, each at most once."""
    found: set[MetadataItem] = set()
    im, info = opened.image, opened.image.info
    try:
        _exif_kinds(im.getexif(), found)
    except Exception:
        pass
    raw_exif = info.get("exif")
    if isinstance(raw_exif, bytes):
        _exif_from_bytes(raw_exif, found)
    xmp_texts: list[str] = []
    for key in ("xmp", "XML:com.adobe.xmp"):
        v = info.get(key)
        if isinstance(v, bytes):
            xmp_texts.append(v.decode("utf-8", "replace"))
        elif isinstance(v, str):
            xmp_texts.append(v)
    if opened.format in ("JPEG", "MPO"):
        for marker, payload in _jpeg_segments(opened.data):
            if 0xE0 <= marker <= 0xEF and marker != 0xE0 and b"\xff\xd8\xff" in payload:
                found.add(THUMBNAIL)  # a picture inside APP1 (EXIF), APP2 (FlashPix/MPF), APP13 (Photoshop)...
            if marker == 0xE1 and b"http://ns.adobe.com/" in payload[:80]:
                xmp_texts.append(payload.decode("utf-8", "replace"))  # incl. extended XMP chunks
        try:
            from PIL import IptcImagePlugin
            iptc = IptcImagePlugin.getiptcinfo(im) or {}
        except Exception:
            iptc = {}
        for item, keys in _IPTC.items():
            if any(_has_value(iptc.get(k)) for k in keys):
                found.add(item)
        if opened.format == "MPO" and getattr(im, "n_frames", 1) > 1:
            found.add(THUMBNAIL)  # the extra pictures (previews, depth maps) show the same scene
    if opened.format == "PNG":
        for key, value in info.items():
            if not isinstance(key, str) or not isinstance(value, (str, bytes)):
                continue
            k = key.lower()
            if k.startswith("raw profile type"):  # ImageMagick: "\nexif\n  len\nhexhex..." in a text chunk
                text = value.decode("latin-1") if isinstance(value, bytes) else value
                parts = text.strip().split("\n", 2)
                if len(parts) == 3:
                    try:
                        blob = bytes.fromhex("".join(parts[2].split()))
                    except ValueError:
                        blob = b""
                    if "exif" in k or "app1" in k:
                        _exif_from_bytes(blob, found)
                    elif "xmp" in k:
                        xmp_texts.append(blob.decode("utf-8", "replace"))
                    elif "iptc" in k or "8bim" in k:
                        found.add(OWNER) if blob else None
                continue
            if not _has_value(value):
                continue
            for item, names in _PNG_TEXT.items():
                if any(n in k for n in names):
                    found.add(item)
    for xmp in xmp_texts:
        _xmp_kinds(xmp, found)
    return tuple(item for item in _ORDER if item in found)
