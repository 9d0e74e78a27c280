"""`clearpost check`: review one draft (FILE or stdin) or many (--jsonl).

A dry run by default: the draft is checked exactly as in chat (same
analysis, consent registry and rules) but nothing is written, so command-line
checks neither fill the officer's queue nor slow down a batch. ``--record``
stores each draft as a review with its audit rows, as the chat adapters do."""
from __future__ import annotations

import asyncio
import json
import sys
import uuid

from bot.app import Services, build_services
from bot.commands.common import UsageError, config_from, guarded
from bot.config import PLATFORMS
from bot.domain import Draft, DraftRejected, MessageRef, Verdict, validate_draft_text
from bot.pipeline import PipelineResult

EXIT_FOR = {Verdict.PASS.value: 0, Verdict.WARN.value: 0, Verdict.BLOCK.value: 1}


def register(sub) -> None:
    p = sub.add_parser("check", help="review a draft: FILE, '-' for stdin, or --jsonl FILE")
    p.add_argument("file", nargs="?", default="-", help="draft text file, or - for stdin (default)")
    p.add_argument("--platform", choices=PLATFORMS, help="where the post will be published")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text: a readable report (default); json: one object with verdict, findings and rewrite")
    p.add_argument("--jsonl", metavar="FILE", help='review many drafts: lines of {"id","text"[,"platform"]}')
    p.add_argument("--record", action="store_true",
                   help="store each draft as a review with audit rows (default: a dry run that writes nothing)")
    p.set_defaults(func=guarded(_check))


def _read_text(path: str) -> str:
    if path == "-" and sys.stdin.isatty():
        raise UsageError("no draft given: name a text file, pipe the draft on stdin, or use --jsonl FILE")
    try:
        raw = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()
    except OSError as e:
        raise UsageError(f"cannot read {path}: {e.strerror}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise UsageError(f"{path} is not UTF-8 text (invalid byte at offset {e.start})") from None


def _cli_draft(text: str, platform: str | None) -> Draft:
    ref = MessageRef("cli", "local", "cli", uuid.uuid4().hex)
    return Draft(text=text, author="cli", ref=ref, platforms=(platform,) if platform else ())


class Outcome:
    """What the command prints: a stored review's view or a dry run's result, alike."""

    def __init__(self, verdict: str, findings, rewrite: str | None):
        self.verdict, self.findings, self.rewrite = verdict, tuple(findings), rewrite

    @classmethod
    def of(cls, result: PipelineResult) -> "Outcome":
        return cls(result.verdict.value, result.findings, result.rewrite)


async def review_text(services: Services, text: str, platform: str | None, record: bool = False,
                      suggest_rewrite: bool = True) -> Outcome:
    draft = _cli_draft(text, platform)
    if not record:
        return Outcome.of(await services.pipeline.run(draft, suggest_rewrite))
    view = await services.reviews.check(services.reviews.submit(draft))
    if view is None:
        raise RuntimeError("review could not be leased")
    return Outcome(view.verdict, view.findings, view.rewrite)


def _check(args) -> int:
    config = config_from(args)
    if args.jsonl:
        return _check_many(args, config)
    text = _read_text(args.file)
    try:
        validate_draft_text(text)
    except DraftRejected as e:
        raise UsageError(f"cannot review {args.file}: {e}") from None
    services = build_services(config)
    view = asyncio.run(review_text(services, text, args.platform, args.record))
    if args.format == "json":
        print(json.dumps(_as_json(view), ensure_ascii=False))
    else:
        _print_text(view, color=sys.stdout.isatty())
    return EXIT_FOR[view.verdict]


def _as_json(view: Outcome) -> dict:
    return {"verdict": view.verdict, "findings": [f.to_dict() for f in view.findings],
            "rewrite": view.rewrite}


_COLOURS = {"block": "\033[31m", "warn": "\033[33m", "info": "\033[36m"}


def _print_text(view: Outcome, color: bool) -> None:
    def paint(sev: str, s: str) -> str:
        return f"{_COLOURS[sev]}{s}\033[0m" if color else s

    print(f"verdict: {paint(view.verdict if view.verdict != 'pass' else 'info', view.verdict.upper())}")
    for f in view.findings:
        entity = f" {f.entity}" if f.entity else ""
        print(f"  {paint(f.severity.value, f.severity.value.upper()):>5} {f.code}{entity}{f.where}: {f.message}")
        if f.suggestion:
            print(f"        fix: {f.suggestion}")
    if view.rewrite and view.findings:
        print("suggested rewrite:")
        print("  " + view.rewrite.replace("\n", "\n  "))


def _check_many(args, config) -> int:
    try:
        handle = open(args.jsonl, "rb")
    except OSError as e:
        raise UsageError(f"cannot read {args.jsonl}: {e.strerror}") from None
    services = build_services(config)
    return asyncio.run(_stream(services, handle, args.platform, args.record))


async def _stream(services: Services, handle, default_platform: str | None, record: bool) -> int:
    worst, progress = 0, sys.stderr.isatty()
    with handle:
        for n, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            out, status = await _review_line(services, raw, n, default_platform, record)
            worst = max(worst, status)
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
            sys.stdout.flush()
            if progress:
                sys.stderr.write(f"\rreviewed {n} drafts")
    if progress:
        sys.stderr.write("\n")
    return worst


def _parse_line(raw: bytes):
    """One JSON Lines record; errors say where in the line (the caller adds the line's number)."""
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValueError(f"not UTF-8 text (byte 0x{raw[e.start]:02x}, the line's byte {e.start + 1})") from None
    try:
        return json.loads(line)
    except json.JSONDecodeError as e:
        raise ValueError(f"not valid JSON ({e.msg} at column {e.colno})") from None


async def _review_line(services: Services, raw: bytes, n: int, default_platform: str | None,
                       record: bool) -> tuple[dict, int]:
    try:
        item = _parse_line(raw)
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise ValueError('expected an object with a "text" string')
        platform = item.get("platform") or default_platform
        if platform is not None and platform not in PLATFORMS:
            raise ValueError(f"unknown platform {platform!r}")
        validate_draft_text(item["text"])
    except ValueError as e:
        item_id = item.get("id") if isinstance(locals().get("item"), dict) else None
        print(f"clearpost: line {n}: {e}", file=sys.stderr)
        return {"id": item_id, "line": n, "verdict": None, "error": f"line {n}: {e}", "findings": []}, 2
    view = await review_text(services, item["text"], platform, record, suggest_rewrite=False)  # not printed
    return {"id": item.get("id"), "verdict": view.verdict,
            "findings": [f.to_dict() for f in view.findings]}, EXIT_FOR[view.verdict]
