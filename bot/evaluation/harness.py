"""Checking labelled drafts the way `clearpost check` does, without storing
reviews: the shared harness of the verdict benchmark, the invariance
benchmark and the verdict regression tests.

The writers of the labelled rounds were told the practice profile of
examples/config.yml and four consents on file; ``eval_services`` builds
exactly that world on a scratch SQLite database."""
from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from bot.app import Services, build_services
from bot.config import load_config
from bot.consent.registry import ConsentRegistry
from bot.consent.targets import platform_name
from bot.domain import Attachment, Draft, MessageRef

ROOT = Path(__file__).resolve().parents[2]
PROFILE = ROOT / "examples" / "config.yml"

# The consents on file that the writers of the labelled rounds were given.
CONSENTS = (
    dict(patient="Jasmine Ortiz", scopes=["testimonial", "name_use", "photo"], platforms=["instagram", "facebook"],
         expires_on=date(2027, 6, 30)),
    dict(patient="Marcus Bell", scopes=["story", "testimonial", "name_use"],
         platforms=["website", "email", "facebook"], expires_on=date(2027, 12, 31)),
    dict(patient="Elena Petrova", scopes=["testimonial"],
         platforms=["facebook", "instagram", "x", "linkedin", "tiktok", "youtube", "website", "email"],
         expires_on=None),
    dict(patient="Derek Huang", scopes=["testimonial", "name_use", "photo"], platforms=["facebook"],
         expires_on=None, withdrawn_on=date(2026, 10, 1)),
)


def practice_profile_safe_values() -> list[str]:
    """The example practice's own details, for tools that build an analyzer alone."""
    from bot.app import practice_safe_values
    return practice_safe_values(load_config(PROFILE, environ={}))


def eval_services(workdir: Path, today: date = date(2026, 12, 3)) -> Services:
    """Services on the example profile, a scratch SQLite file and the writers' consents."""
    config = load_config(PROFILE, environ={"DATABASE_URL": f"sqlite:///{workdir / 'eval.db'}"})
    services = build_services(config, actor="verdict-eval")
    services.pipeline.images = None  # the labelled records' photos are notional: no pixels to read (docs/images.md)
    registry = ConsentRegistry(services.engine, today=lambda: today)
    for c in CONSENTS:
        granted = registry.grant("verdict-eval", patient=c["patient"], scopes=c["scopes"], platforms=c["platforms"],
                                 document_ref="signed form on file", granted_on=date(2026, 1, 15),
                                 expires_on=c["expires_on"])
        if c.get("withdrawn_on"):
            registry.withdraw("verdict-eval", granted.consent_id, "patient withdrew", on=c["withdrawn_on"])
    return services


def draft_of(record: dict) -> Draft:
    """A labelled record as the Draft a chat adapter would build."""
    platform = platform_name(record["platform"]) or record["platform"] if record.get("platform") else None
    photos = (Attachment("photo.jpg", "image/jpeg"),) if record.get("photo") else ()
    return Draft(text=record["text"], author="eval", ref=MessageRef("cli", "eval", "eval", uuid.uuid4().hex),
                 platforms=(platform,) if platform else (), attachments=photos)


async def checked_verdicts(services: Services, records: list[dict]) -> list[tuple[str, list[str]]]:
    """(verdict, blocking finding codes) for each record, in order."""
    out = []
    for record in records:
        result = await services.pipeline.run(draft_of(record))
        codes = sorted({f.code for f in result.findings if f.severity.value == "block"})
        out.append((result.verdict.value, codes))
    return out


async def rewrite_outcomes(services: Services, records: list[dict]) -> list[str]:
    """For each record the pipeline blocks: "passes" when its offered rewrite,
    checked again as a draft of its own, does not block; "fails" when it still
    blocks; "none" when no rewrite is offered (the report then says why)."""
    out = []
    for record in records:
        result = await services.pipeline.run(draft_of(record))
        if result.verdict.value != "block":
            continue
        if result.rewrite is None:
            out.append("none")
            continue
        again = await services.pipeline.run(draft_of(dict(record, text=result.rewrite)))
        out.append("fails" if again.verdict.value == "block" else "passes")
    return out


def name_placeholder(services: Services, record: dict) -> dict | None:
    """The record with every name replaced by [NAME], as a cautious writer
    would redact it; None when the draft names nobody."""
    text = record["text"]
    people = sorted((e for e in services.analyzer.analyze(text).entities if e.entity_type == "PERSON"),
                    key=lambda e: e.start, reverse=True)
    if not people:
        return None
    for e in people:
        text = text[:e.start] + "[NAME]" + text[e.end:]
    return dict(record, text=text)
