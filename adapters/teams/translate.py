"""Teams activities -> ClearPost domain values (MessageRef, Draft, Attachment).

Only translation lives here, no I/O. Decisions recorded in docs/teams.md:

* channel = ``channelData.channel.id`` (the channel's ``19:...@thread.tacv2``
  id); without it (group chats) the conversation id minus its
  ``;messageid=`` suffix. That is the id to list under ``review_channels``.
* workspace = the Azure AD tenant id; thread = the root message id, taken from
  the ``;messageid=`` suffix of a channel conversation id.
* author and actors = ``from.aadObjectId`` (the id officers are configured by).
"""
from __future__ import annotations

import html
import mimetypes
import re
from html.parser import HTMLParser

from botbuilder.schema import Activity

from bot.consent.targets import target_platforms
from bot.domain import Attachment, Draft, MessageRef

PLATFORM = "teams"
_MESSAGEID = re.compile(r";messageid=(?P<id>[^;]+)")
_AT_TAG = re.compile(r"<at\b[^>]*>(?P<name>.*?)</at>", re.IGNORECASE | re.DOTALL)
_SKIPPED_ATTACHMENTS = ("text/html", "application/vnd.microsoft.card.")
_FILE_INFO = "application/vnd.microsoft.teams.file.download.info"


def channel_data(activity: Activity) -> dict:
    return activity.channel_data if isinstance(activity.channel_data, dict) else {}


def tenant_id(activity: Activity) -> str:
    """From ``conversation.tenantId`` only: Teams sets it; ``channelData`` is whatever the
    sender wrote (issue 19: a Web Chat client claimed a tenant there)."""
    conv = activity.conversation
    if conv is None:
        return ""
    extra = getattr(conv, "additional_properties", None) or {}  # Teams writes "tenantId", the schema "tenantID"
    tid = getattr(conv, "tenant_id", None) or extra.get("tenantId")
    return tid if isinstance(tid, str) else ""


def from_teams(activity: Activity) -> bool:
    """Only Teams itself: an Azure Bot also takes Web Chat, Direct Line and other channels,
    whose identity fields are written by the client."""
    return activity.channel_id == "msteams"


def channel_id(activity: Activity) -> str:
    cid = (channel_data(activity).get("channel") or {}).get("id")
    if cid:
        return cid
    conv_id = activity.conversation.id if activity.conversation else ""
    return (conv_id or "").split(";", 1)[0]


def thread_root(activity: Activity) -> str | None:
    """The id of the thread's root post (a channel post's own id when it is the root)."""
    conv_id = activity.conversation.id if activity.conversation else ""
    m = _MESSAGEID.search(conv_id or "")
    return m.group("id") if m else None


def is_thread_reply(activity: Activity) -> bool:
    root = thread_root(activity)
    return root is not None and root != activity.id


def is_personal(activity: Activity) -> bool:
    return bool(activity.conversation and activity.conversation.conversation_type == "personal")


def event_type(activity: Activity) -> str | None:
    return channel_data(activity).get("eventType")


def actor_of(activity: Activity) -> str:
    """The Azure AD object id of whoever sent the activity ('' when absent)."""
    sender = activity.from_property
    return (getattr(sender, "aad_object_id", None) or "") if sender else ""


def message_ref(activity: Activity) -> MessageRef:
    return MessageRef(PLATFORM, tenant_id(activity), channel_id(activity), activity.id,
                      thread_root(activity) or activity.id)


def _bot_mentions(activity: Activity) -> list[dict]:
    bot_id = activity.recipient.id if activity.recipient else None
    found = []
    for entity in activity.entities or []:
        if entity is None or not isinstance(entity.type, str) or entity.type.lower() != "mention":
            continue  # null entries and odd shapes are not mentions (found by tests/test_fuzz.py)
        props = entity.additional_properties or {}
        mentioned = props.get("mentioned") or {}
        if bot_id and isinstance(mentioned, dict) and mentioned.get("id") == bot_id:
            found.append(props)
    return found


def mentions_bot(activity: Activity) -> bool:
    return bool(_bot_mentions(activity))


def clean_text(activity: Activity) -> str:
    """The message text with the bot's @mention removed and other mentions as plain names."""
    text = activity.text or ""
    for props in _bot_mentions(activity):
        tag = props.get("text")
        if tag and isinstance(tag, str):
            text = text.replace(tag, "", 1)
    text = _AT_TAG.sub(lambda m: m.group("name"), text)
    if _MARKUP.search(text):
        return visible_text(text)
    return html.unescape(text).replace("\xa0", " ").strip()


_MARKUP = re.compile(r"</?[a-zA-Z][^>]*>")
_BREAKS = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _BREAKS and self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _BREAKS - {"br"}:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def visible_text(markup: str) -> str:
    """What a person sees in a Teams message sent as HTML: tags gone, entities decoded,
    paragraphs and line breaks as newlines. Positions in findings count this text."""
    parser = _Visible()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _str(value) -> str | None:
    return value if isinstance(value, str) and value else None


def attachments(activity: Activity) -> tuple[Attachment, ...]:
    """Images and files posted with the draft, with where each can be fetched
    (adapters/teams/files.py): an inline image's ``contentUrl`` on the connector, a
    file's pre-authenticated ``downloadUrl`` (its ``uniqueId`` as the file id), or
    the ``contentUrl`` of a channel file link. Nothing is downloaded here."""
    found: list[Attachment] = []
    for a in activity.attachments or []:
        if a is None or not isinstance(a.content_type or "", str):
            continue  # a null entry (found by tests/test_fuzz.py)
        ctype = (a.content_type or "").lower()
        if ctype.startswith(_SKIPPED_ATTACHMENTS):
            continue
        name = a.name or "attachment"
        content = a.content if isinstance(a.content, dict) else {}
        if ctype == _FILE_INFO:
            file_type = content.get("fileType", "")
            file_type = file_type if isinstance(file_type, str) else ""
            guessed = mimetypes.guess_type(f"{name}.{file_type}" if file_type else name)[0]
            found.append(Attachment(name, guessed or "application/octet-stream",
                                    url=_str(content.get("downloadUrl")), file_id=_str(content.get("uniqueId"))))
        elif ctype == "reference":
            # a file shared in a channel: a SharePoint link; its type from its name
            guessed = mimetypes.guess_type(name)[0]
            found.append(Attachment(name, guessed or "application/octet-stream", url=_str(a.content_url)))
        elif ctype:
            found.append(Attachment(name if a.name else ctype.split("/")[0], ctype, url=_str(a.content_url)))
    return tuple(found)


def draft_of(activity: Activity, default_targets: list[str] | tuple[str, ...]) -> Draft:
    """The draft; its platforms are those it names (`platform: instagram`, #instagram),
    else the review channel's defaults (the same rule as in Slack)."""
    text = clean_text(activity)
    return Draft(text=text, author=actor_of(activity) or (activity.from_property.id or ""),
                 ref=message_ref(activity), platforms=target_platforms(text) or tuple(default_targets),
                 attachments=attachments(activity))
