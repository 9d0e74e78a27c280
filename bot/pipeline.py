"""Runs the shared analysis and every check under a time budget.

Fail closed: an analysis or check that raises or runs past its budget makes
the result ``failed``; a failed result is never reported as clean.
"""
from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Callable

from bot.domain import Attachment, Draft, Finding, Severity, Verdict, verdict_of
from bot.images import CleanedImage, ImageFetcher, ImageUnavailable, cleaned_name
from bot.rewrite import MAX_ROUNDS, candidate, still_blocking, unavailable
from bot.textnorm import Canonical, canonicalise
from checks.base import Analysis, Check
from checks.decision import cover_faces, decide
from checks.images.ocr import join_lines

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PipelineResult:
    findings: tuple[Finding, ...]
    rewrite: str | None
    failures: tuple[str, ...] = field(default=())  # names of checks that crashed or timed out
    # cleaned copies of the attached images that had findings (metadata stripped, PHI blurred)
    cleaned: tuple[CleanedImage, ...] = field(default=(), repr=False)

    @property
    def failed(self) -> bool:
        return bool(self.failures)

    @property
    def verdict(self) -> Verdict:
        # a failed run blocks: nothing unchecked may pass
        return Verdict.BLOCK if self.failed else verdict_of(list(self.findings))


class Pipeline:
    def __init__(self, analyze: Callable[[str], Analysis], checks: list[Check],
                 timeout_seconds: float, workers: int = 2,
                 read: Callable[[Draft, Analysis], Analysis] | None = None, images=None):
        """``read`` adds what the draft is about (checks.reading) to the analysis,
        once, before the checks share it. ``images`` (bot.config.Images): how attached
        images are read; None or disabled leaves them to the ``phi.photo`` finding alone."""
        if not checks:
            raise ValueError("checks.enabled: at least one check must be enabled")
        self._analyze = analyze
        self._read = read
        self.checks = checks
        self.timeout = timeout_seconds
        self.images = images
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="check")

    async def _timed(self, fn, *args):
        loop = asyncio.get_running_loop()
        return await asyncio.wait_for(loop.run_in_executor(self._executor, fn, *args), self.timeout)

    async def run(self, draft: Draft, suggest_rewrite: bool = True,
                  fetchers: dict[str, ImageFetcher] | None = None) -> PipelineResult:
        """Check the canonical text; report positions in the text as written.
        ``suggest_rewrite=False`` (batch checks that print no rewrite) skips
        building and re-checking one. Attached images are then fetched (``fetchers``
        by platform, or a console upload's bytes) and read (``_with_images``)."""
        canonical = canonicalise(draft.text)
        result = await self._run_canonical(replace(draft, text=canonical.text), suggest_rewrite)
        if canonical.text != draft.text:
            result = replace(result, findings=tuple(_to_original(f, canonical) for f in result.findings))
        if self.images is None or not self.images.enabled or not draft.has_photo or result.failed:
            return result
        return await self._with_images(draft, result, fetchers or {})

    # ---- attached images (docs/images.md) ------------------------------
    async def _with_images(self, draft: Draft, result: PipelineResult,
                           fetchers: dict[str, ImageFetcher]) -> PipelineResult:
        """Each attached image, in order: its text goes through the same checks as the
        caption (one run per image), its faces need the caption's patient's photo consent,
        its metadata is reported; one that cannot be fetched or read blocks. Images with any
        finding are handed back cleaned. A crash or a run past the budget fails closed."""
        findings, failures, cleaned = list(result.findings), list(result.failures), []
        caption = list(result.findings)
        images = [a for a in draft.attachments if a.kind == "image"]
        for index, attachment in enumerate(images, 1):
            try:
                data = await self._fetch(draft, attachment, fetchers)
            except ImageUnavailable as e:
                findings.append(_unreadable(index, str(e)))
                continue
            try:
                from checks.images import cleaning, inspect
            except ImportError:  # the image packages are not installed: nothing is read, nothing passes
                log.warning("image checks are not installed; the draft's images cannot be checked")
                failures.append("images")
                break
            try:
                report = await self._timed(partial(
                    inspect.inspect_image, data, self._limits(), ocr=self.images.ocr, faces=self.images.faces))
            except ValueError as e:  # checks.images.model.ImageUnreadable
                findings.append(_unreadable(index, str(e)))
                continue
            except Exception as e:  # noqa: BLE001 - a crash or a timeout fails the review closed
                log.warning("image %d could not be inspected: %s", index, type(e).__name__)
                failures.append("images")
                break
            try:
                found = await self._image_findings(draft, index, report, caption)
            except _ImageRunFailed:
                failures.append("images")
                break
            findings.extend(found)
            if found:
                try:
                    data, mimetype = await self._timed(cleaning.clean_image, data, self._blur(found))
                except Exception as e:  # noqa: BLE001 - no cleaned copy is offered; the findings stand
                    log.warning("image %d could not be cleaned: %s", index, type(e).__name__)
                else:
                    cleaned.append(CleanedImage(index, cleaned_name(index, mimetype), mimetype, data))
        if failures != list(result.failures):
            findings.append(_failure_finding("images"))
            return PipelineResult(_sorted(findings), result.rewrite, tuple(failures))
        return PipelineResult(_sorted(findings), result.rewrite, result.failures, tuple(cleaned))

    def _limits(self):
        from checks.images.model import ImageLimits
        return ImageLimits(max_bytes=self.images.max_bytes, max_pixels=self.images.max_pixels)

    async def _fetch(self, draft: Draft, attachment: Attachment, fetchers: dict[str, ImageFetcher]) -> bytes:
        if attachment.data is not None:
            data = attachment.data
        else:
            fetcher = fetchers.get(draft.ref.platform)
            if fetcher is None:
                raise ImageUnavailable("its file is no longer available (the original is never kept); "
                                       "upload it again" if draft.ref.platform == "console"
                                       else "ClearPost cannot fetch files from this platform")
            try:
                data = await asyncio.wait_for(fetcher.fetch(attachment, self.images.max_bytes), self.timeout)
            except asyncio.TimeoutError:
                raise ImageUnavailable("fetching it took too long") from None
            except ImageUnavailable:
                raise
            except Exception as e:  # noqa: BLE001 - a fetcher's bug still leaves a finding, never a pass
                log.warning("fetching an image failed: %s", type(e).__name__)
                raise ImageUnavailable("it could not be fetched") from None
        if len(data) > self.images.max_bytes:
            raise ImageUnavailable(f"it is larger than {self.images.max_bytes} bytes")
        return data

    async def _image_findings(self, draft: Draft, index: int, report, caption: list[Finding]) -> list[Finding]:
        """The findings about one image: its text's, its faces', its metadata's."""
        found: list[Finding] = []
        lines = [ln for ln in report.lines if ln.text.strip()]
        if lines:
            text = join_lines(lines)  # wrapped lines read as one sentence, as typed; one character between lines
            canonical = canonicalise(text)
            # the text alone, as a draft of its own: same author and targets, no attachments
            checked = await self._check(replace(draft, text=canonical.text, attachments=()))
            if checked.failures:
                raise _ImageRunFailed()
            for f in checked.findings:
                f = _to_original(f, canonical) if canonical.text != text else f
                found.append(_in_image(f, index, lines))
        faces = [Finding(check="images", code="image.face", severity=Severity.BLOCK, entity="PHOTO",
                         image=index, box=tuple(box),
                         message="a face (a recognisable face identifies the person)",
                         suggestion="Post it only if a patient named in the caption has a photo consent on file "
                                    "(ClearPost checks it), or a privacy officer marks the picture staff only; "
                                    "otherwise post the cleaned copy ClearPost attached, with faces blurred.")
                 for box in report.faces]
        found.extend(cover_faces(caption, faces))
        for item in report.metadata:
            severity, label = _METADATA[item.kind] if item.kind in _METADATA else (Severity.BLOCK, "identifying metadata")
            found.append(Finding(check="images", code=f"image.{item.kind}", severity=severity, entity=item.entity,
                                 image=index, message=f"{label} in the file's metadata",
                                 suggestion="Post the cleaned copy ClearPost attached: it carries no metadata."))
        return found

    def _blur(self, found: list[Finding]) -> list[tuple[int, int, int, int]]:
        """What the cleaned copy blurs: text that still needs fixing, and faces not covered."""
        wanted = set(self.images.blur)
        return [f.box for f in found if f.box is not None and f.severity != Severity.INFO and (
            ("faces" in wanted and f.code == "image.face") or ("text" in wanted and f.code != "image.face"))]

    async def _run_canonical(self, draft: Draft, suggest_rewrite: bool) -> PipelineResult:
        checked = await self._check(draft)
        if checked.failures:
            return PipelineResult(_sorted(checked.findings), None, checked.failures)
        findings = list(checked.findings)
        rewrite = None
        if suggest_rewrite and verdict_of(findings) != Verdict.PASS:
            rewrite, note = await self._safe_rewrite(draft, checked)
            if note is not None:
                findings.append(note)
        return PipelineResult(_sorted(findings), rewrite, ())

    async def _check(self, draft: Draft) -> "_Checked":
        try:
            analysis = await self._timed(self._analyze, draft.text)
            if self._read is not None:
                analysis = await self._timed(self._read, draft, analysis)
        except Exception as e:  # noqa: BLE001 - any failure fails the review closed
            log.warning("analysis failed: %s", type(e).__name__)
            return _Checked(Analysis(), [_failure_finding("analysis")], ("analysis",))
        findings: list[Finding] = []
        failures: list[str] = []
        results = await asyncio.gather(
            *(self._timed(c.run, draft, analysis) for c in self.checks), return_exceptions=True
        )
        for check, result in zip(self.checks, results):
            if isinstance(result, BaseException):
                log.warning("check %s failed: %s", check.name, type(result).__name__)
                failures.append(check.name)
                findings.append(_failure_finding(check.name))
            else:
                findings.extend(result)
        if not failures:
            findings = decide(draft.text, findings)
        return _Checked(analysis, findings, tuple(failures))

    async def _safe_rewrite(self, draft: Draft, checked: "_Checked") -> tuple[str | None, Finding | None]:
        """A rewrite offered only once it passes the same checks (bot/rewrite.py)."""
        text = draft.text
        for _ in range(MAX_ROUNDS):
            cand = candidate(text, checked.analysis, checked.findings)
            if cand.text is None:
                return None, unavailable("removing the patient's details leaves nothing to post")
            text = cand.text
            checked = await self._check(replace(draft, text=text))
            if checked.failures:
                return None, unavailable("the rewrite could not be checked")
            if verdict_of(checked.findings) != Verdict.BLOCK:
                return text, None
        return None, unavailable(still_blocking(checked.findings))

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


@dataclass(frozen=True)
class _Checked:
    analysis: Analysis
    findings: list[Finding]
    failures: tuple[str, ...]


def _sorted(findings: list[Finding]) -> tuple[Finding, ...]:
    """By severity; within it the caption's findings in text order, then each image's."""
    return tuple(sorted(findings, key=lambda f: (_SEVERITY_ORDER[f.severity], f.image or 0,
                                                 f.start if f.start is not None else -1)))


def _to_original(f: Finding, canonical: Canonical) -> Finding:
    if f.start is None or f.end is None:
        return f
    start, end = canonical.to_original(f.start, f.end)
    return replace(f, start=start, end=end)


_SEVERITY_ORDER = {Severity.BLOCK: 0, Severity.WARN: 1, Severity.INFO: 2}


class _ImageRunFailed(Exception):
    """A check on an image's text crashed or ran out of time."""


_METADATA = {
    "gps": (Severity.BLOCK, "a GPS position (where the photo was taken)"),
    "device_serial": (Severity.BLOCK, "the camera's or phone's serial number"),
    "owner": (Severity.BLOCK, "an owner's or author's name"),
    "capture_date": (Severity.WARN, "the date the photo was taken"),
    "thumbnail": (Severity.WARN, "an embedded thumbnail (a smaller copy of the original picture)"),
}


def _in_image(f: Finding, index: int, lines) -> Finding:
    """A finding on an image's text, moved from characters to the union box of the lines
    its span covers (lines are joined with one character each: ocr.join_lines)."""
    box = None
    if f.start is not None and f.end is not None:
        boxes, offset = [], 0
        for ln in lines:
            end = offset + len(ln.text)
            if offset < max(f.end, f.start + 1) and f.start < end + 1:
                boxes.append(ln.box)
            offset = end + 1
        if boxes:
            x0 = min(b[0] for b in boxes)
            y0 = min(b[1] for b in boxes)
            x1 = max(b[0] + b[2] for b in boxes)
            y1 = max(b[1] + b[3] for b in boxes)
            box = (x0, y0, x1 - x0, y1 - y0)
    return replace(f, image=index, box=box, start=None, end=None)


def _unreadable(index: int, why: str) -> Finding:
    return Finding(check="images", code="image.unreadable", severity=Severity.BLOCK, image=index,
                   message=f"the file could not be read: {why}",
                   suggestion="Attach it again as a JPEG, PNG or WebP picture; until then it is not cleared.")


def _failure_finding(name: str) -> Finding:
    return Finding(
        check=name, code="check.failed", severity=Severity.BLOCK,
        message=f"the {name} check could not finish, so this draft is not cleared",
        suggestion="post the draft again; if it keeps failing, ask the privacy officer",
    )
