"""Slack payload -> domain values. Pure functions, so what counts as a draft
(top-level human message or file share in a review channel) is one place."""
from __future__ import annotations

from dataclasses import dataclass

from bot.config import Config
from bot.consent.targets import target_platforms
from bot.domain import Attachment, Draft, MessageRef

PLATFORM = "slack"
DRAFT_SUBTYPES = (None, "file_share")


def unescape(text: str) -> str:
    """Slack escapes exactly &, < and > in message text; positions in findings
    refer to the text as people see it."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def message_ref(team_id: str, channel: str, ts: str) -> MessageRef:
    return MessageRef(PLATFORM, team_id, channel, ts)


def is_top_level(message: dict) -> bool:
    thread_ts = message.get("thread_ts")
    return thread_ts is None or thread_ts == message.get("ts")


def is_from_bot(message: dict) -> bool:
    return bool(message.get("bot_id")) or message.get("subtype") == "bot_message" or "bot_profile" in message


def attachments_of(message: dict) -> tuple[Attachment, ...]:
    """The shared files, with where to fetch each (``url_private_download``, else
    ``url_private``) and its Slack file id. A file Slack named by id only (and
    ``files.info`` could not complete at intake) is taken for an image to fetch:
    the check then looks it up again or fails closed, never skips it."""
    out = []
    files = message.get("files")
    for f in files if isinstance(files, list) else ():
        if not isinstance(f, dict) or f.get("mode") == "tombstone":
            continue
        url = f.get("url_private_download") or f.get("url_private")
        file_id = f.get("id")
        mimetype = f.get("mimetype")
        if not isinstance(mimetype, str) or not mimetype:
            mimetype = "image/*" if isinstance(file_id, str) and file_id else "application/octet-stream"
        out.append(Attachment(name=str(f.get("name") or file_id or "file"), mimetype=mimetype,
                              url=url if isinstance(url, str) and url else None,
                              file_id=file_id if isinstance(file_id, str) and file_id else None))
    return tuple(out)


@dataclass(frozen=True)
class Intake:
    """A message that is a draft, or the reason it is not (for debug logs; no text)."""

    draft: Draft | None
    skipped: str | None = None


def draft_from_message(config: Config, team_id: str, channel: str, message: dict) -> Intake:
    """The draft a new or edited message stands for, if it is one."""
    rc = config.channel(PLATFORM, channel)
    if rc is None:
        return Intake(None, "channel not configured for review")
    if not all(isinstance(message.get(k), (str, type(None))) for k in ("user", "ts", "text", "thread_ts")):
        return Intake(None, "malformed message")  # not the shape Slack sends
    if message.get("subtype") not in DRAFT_SUBTYPES:
        return Intake(None, f"subtype {message.get('subtype')}")
    if is_from_bot(message):
        return Intake(None, "bot message")
    if not is_top_level(message):
        return Intake(None, "thread reply")
    if not message.get("user") or not message.get("ts"):
        return Intake(None, "no author or ts")
    text = unescape(message.get("text") or "")
    targets = target_platforms(text) or tuple(rc.default_targets)
    edited = message.get("edited") if isinstance(message.get("edited"), dict) else {}
    version = edited.get("ts") if isinstance(edited.get("ts"), str) else message["ts"]
    return Intake(Draft(text=text, author=message["user"], ref=message_ref(team_id, channel, message["ts"]),
                        platforms=targets, attachments=attachments_of(message), version=version))


def content_changed(event: dict) -> bool:
    """message_changed also fires for link unfurls and thread replies: only a
    different text or file list is an edit."""
    new, old = event.get("message") or {}, event.get("previous_message") or {}
    new, old = (m if isinstance(m, dict) else {} for m in (new, old))
    if not old:
        return True
    return (new.get("text") or "") != (old.get("text") or "") or attachments_of(new) != attachments_of(old)
