"""Image uploads on the console's review page (issue 20).

The form is read as a stream: text fields up to ``server.max_body_bytes`` in all, each file up to
``images.max_bytes``. A file that is too big, not a picture, or one too many is not refused with
the whole request (that would lose the draft's text): it comes back as an ``Upload`` with an error,
and the page shows the error with the text still in the box. The bytes live in memory only, from
this request to the check (``Attachment.data``); nothing here logs a file name or content.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from aiohttp import web
from multidict import MultiDict

MAX_UPLOADS = 4  # pictures per draft from the console
CHUNK = 256 * 1024
ACCEPT = "image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp"
KINDS = "a JPEG, PNG or WebP picture"
# where page(upload=True) leaves what it read, on the request (aiohttp's typed keys where it has them)
_KEY = getattr(web, "RequestKey", None)
UPLOADS = _KEY("uploads", list) if _KEY else "uploads"
UPLOAD_ERROR = _KEY("upload_error", object) if _KEY else "upload_error"


@dataclass(frozen=True)
class Upload:
    position: int  # 1-based among the files chosen
    mimetype: str | None  # from the file's first bytes, not from its name or the browser's word
    data: bytes | None = field(default=None, repr=False)
    error: str | None = None


class FormTooLarge(Exception):
    """More bytes than any acceptable form: reading stops (the text read so far is kept)."""


def sniff(head: bytes) -> str | None:
    """The picture type from its signature; None for anything else (a GIF, a PDF, a script)."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"):
        return "image/heic"
    return None


async def read_form(request: web.Request, max_text_bytes: int, max_file_bytes: int,
                    max_files: int = MAX_UPLOADS) -> tuple[MultiDict, list[Upload], str | None]:
    """(text fields, uploads, an error that stopped reading or None). Not multipart: the
    ordinary form, with no uploads."""
    if not request.content_type.startswith("multipart/"):
        return MultiDict(await request.post()), [], None
    fields: MultiDict = MultiDict()
    uploads: list[Upload] = []
    text_bytes = 0
    # the most any acceptable form can hold; reading stops past it
    budget = max_text_bytes + (max_files + 1) * (max_file_bytes + CHUNK)
    seen = 0
    try:
        reader = await request.multipart()
        async for part in reader:
            if part.filename is None:  # a text field
                data = bytearray()
                while chunk := await part.read_chunk(CHUNK):
                    data += chunk
                    text_bytes += len(chunk)
                    if text_bytes > max_text_bytes:
                        raise FormTooLarge(f"the form's text is over {max_text_bytes} bytes")
                fields.add(part.name or "", data.decode("utf-8", errors="replace"))
                continue
            data = bytearray()
            over = False
            while chunk := await part.read_chunk(CHUNK):
                seen += len(chunk)
                if seen > budget:
                    raise FormTooLarge("the files are far larger than allowed")
                if not over:
                    data += chunk
                    if len(data) > max_file_bytes:
                        over, data = True, bytearray()  # keep reading (and dropping) to reach the next field
            if not part.filename and not data and not over:
                continue  # the file input left empty
            position = len(uploads) + 1
            if position > max_files:
                uploads.append(Upload(position, None, error=f"at most {max_files} pictures can be attached to one draft"))
                continue
            if over:
                uploads.append(Upload(position, None, error=f"picture {position} is larger than "
                                                            f"{_mb(max_file_bytes)} (images.max_bytes)"))
                continue
            kind = sniff(bytes(data[:16]))
            if kind == "image/heic":  # not read by the image checks (checks/images/loading.py): say so now
                uploads.append(Upload(position, None, error=f"picture {position} is a HEIC photo, which ClearPost "
                                                            "cannot read: send it as a JPEG (on an iPhone, Settings > "
                                                            "Camera > Formats > Most Compatible)"))
                continue
            if kind is None:
                uploads.append(Upload(position, None, error=f"file {position} is not {KINDS}"))
                continue
            uploads.append(Upload(position, kind, bytes(data)))
    except FormTooLarge as e:
        return fields, uploads, str(e)
    except (ValueError, AssertionError, RuntimeError):  # a malformed multipart body
        return fields, uploads, "the form could not be read"
    return fields, uploads, None


def _mb(n: int) -> str:
    return f"{n / 1_000_000:g} MB" if n >= 1_000_000 else f"{n} bytes"
