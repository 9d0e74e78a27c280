"""Teams activity translation and the report card, as tables."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from botbuilder.schema import Activity

from adapters.teams import cards
from adapters.teams.translate import (attachments, channel_id, clean_text, draft_of, is_thread_reply,
                                      mentions_bot, message_ref, thread_root)
from bot.domain import Finding, MessageRef, Severity
from bot.review_service import ReviewView
from bot.states import State

BOT = "28:bot"
CHAN = "19:abc@thread.tacv2"


def activity(**fields) -> Activity:
    base = {"type": "message", "id": "111", "channelId": "msteams", "recipient": {"id": BOT},
            "from": {"id": "29:u", "aadObjectId": "aad-u"},
            "conversation": {"id": f"{CHAN};messageid=111", "tenantId": "t1"},
            "channelData": {"channel": {"id": CHAN}, "tenant": {"id": "t1"}}}
    base.update(fields)
    return Activity().deserialize(base)


def _mention(name="ClearPost", mid=BOT):
    return {"type": "mention", "text": f"<at>{name}</at>", "mentioned": {"id": mid, "name": name}}


@pytest.mark.parametrize("text, entities, expected", [
    ("<at>ClearPost</at> Hello world", [_mention()], "Hello world"),
    ("Hello <at>ClearPost</at> world", [_mention()], "Hello  world"),
    ("<at>ClearPost</at> thanks <at>Jordan Alvarez</at>!", [_mention(), _mention("Jordan Alvarez", "29:j")],
     "thanks Jordan Alvarez!"),
    ("Fish &amp; chips&nbsp;night", [], "Fish & chips night"),
    ("<at>Someone</at> else", [_mention("Someone", "29:s")], "Someone else"),
])
def test_when_text_has_mentions_then_only_the_bots_is_removed(text, entities, expected):
    assert clean_text(activity(text=text, entities=entities)) == expected


@pytest.mark.parametrize("text, expected", [
    ("<p>So proud of <strong>Jane Doe</strong>!</p><p>See you&nbsp;soon</p>", "So proud of Jane Doe!\nSee you soon"),
    ("<div>line one<br>line two</div>", "line one\nline two"),
    ("<at>ClearPost</at> <p>Tom &amp; Jerry</p>", "Tom & Jerry"),
    ("I <3 our team", "I <3 our team"),
])
def test_when_teams_sends_html_then_the_draft_is_the_text_a_person_sees(text, expected):
    entities = [_mention()] if "<at>" in text else []
    assert clean_text(activity(text=text, entities=entities)) == expected


@pytest.mark.parametrize("entities, mentioned", [
    ([_mention()], True), ([_mention("Jordan", "29:j")], False), ([], False),
])
def test_when_entities_name_the_bot_then_it_is_mentioned(entities, mentioned):
    assert mentions_bot(activity(entities=entities)) is mentioned


@pytest.mark.parametrize("fields, channel, root, reply", [
    ({}, CHAN, "111", False),
    ({"id": "222"}, CHAN, "111", True),  # a reply in the thread rooted at 111
    ({"channelData": {}, "conversation": {"id": "19:group@thread.v2"}}, "19:group@thread.v2", None, False),
    ({"channelData": {}}, CHAN, "111", False),  # no channelData: the conversation id minus ;messageid
])
def test_when_ids_are_read_then_channel_and_thread_come_from_the_conversation(fields, channel, root, reply):
    a = activity(**fields)
    assert (channel_id(a), thread_root(a), is_thread_reply(a)) == (channel, root, reply)


@pytest.mark.parametrize("text, targets", [
    ("New group starts Monday!\nplatform: facebook, x", ("facebook", "x")),
    ("New group starts Monday! #linkedin", ("linkedin",)),
    ("New group starts Monday!", ("instagram",)),  # the channel's default
])
def test_when_a_draft_names_platforms_then_they_win_over_the_channel_default(text, targets):
    assert draft_of(activity(text=text), ["instagram"]).platforms == targets


def test_when_a_ref_is_built_then_tenant_channel_and_thread_are_set():
    assert message_ref(activity()) == MessageRef("teams", "t1", CHAN, "111", "111")


@pytest.mark.parametrize("items, expected", [
    ([{"contentType": "image/png", "name": "kids.png"}], [("kids.png", "image/png")]),
    ([{"contentType": "image/*", "contentUrl": "https://x/y"}], [("image", "image/*")]),
    ([{"contentType": "application/vnd.microsoft.teams.file.download.info", "name": "clip",
       "content": {"fileType": "mp4"}}], [("clip", "video/mp4")]),
    ([{"contentType": "text/html", "content": "<p>x</p>"},
      {"contentType": "application/vnd.microsoft.card.adaptive", "content": {}}], []),
])
def test_when_attachments_arrive_then_images_and_files_are_kept(items, expected):
    assert [(x.name, x.mimetype) for x in attachments(activity(attachments=items))] == expected


def view(state: State, findings=(), **kw) -> ReviewView:
    base = dict(id=7, ref=MessageRef("teams", "t1", CHAN, "111", "111"), author="aad-u", state=state,
                targets=("instagram",), findings=tuple(findings), verdict=None, rewrite="Proud of <PERSON>!",
                decided_by=None, decided_at=None, override_reason=None, report_message_id=None)
    base.update(kw)
    return ReviewView(**base)


BLOCK = Finding("phi", "phi.person", Severity.BLOCK, "a person's name", entity="PERSON", start=9, end=19,
                suggestion="remove the name")
WARN = Finding("policy", "policy.testimonial", Severity.WARN, "reads like a testimonial")


@pytest.mark.parametrize("state, findings, expected_verbs", [
    (State.CLEAN, [], {"approve", "reject"}),
    (State.FLAGGED, [WARN], {"approve", "override", "reject"}),
    (State.FLAGGED, [BLOCK], {"override", "reject"}),
    (State.FAILED, [], {"reject"}),
    (State.CLEARED, [], {"reject"}),
    (State.REJECTED, [], set()),
    (State.WITHDRAWN, [BLOCK], set()),
    (State.CHECKING, [], set()),
])
def test_when_a_card_is_drawn_then_it_offers_the_actions_of_its_state(state, findings, expected_verbs):
    card = cards.review_card(view(state, findings))
    assert {a["verb"] for a in card.get("actions", [])} == expected_verbs
    assert all(a["type"] == "Action.Execute" and a["data"] == {"review_id": 7, "revision": 0} for a in card.get("actions", []))
    has_input = any(b["type"] == "Input.Text" for b in card["body"])
    assert has_input is ("override" in expected_verbs)


def test_when_findings_are_shown_then_types_positions_and_fixes_appear_by_severity():
    card = cards.review_card(view(State.FLAGGED, [WARN, BLOCK]))
    texts = [b.get("text", "") for b in card["body"]]
    blocking = texts.index("Blocking (1)")
    warnings = texts.index("Warnings (1)")
    assert blocking < warnings
    assert "**PERSON** at characters 10-19: a person's name Fix: remove the name" in texts[blocking + 1]
    assert "Proud of <PERSON>!" in texts


def test_when_a_draft_is_withdrawn_then_the_card_drops_findings_and_rewrite():
    card = cards.review_card(view(State.WITHDRAWN, [BLOCK]))
    flat = str(card)
    assert "PERSON" not in flat and "Proud of" not in flat and "withdrawn" in flat


def test_when_a_draft_is_cleared_by_override_then_who_when_and_why_are_shown():
    at = datetime(2026, 11, 23, 19, 0, tzinfo=timezone.utc)
    card = cards.review_card(view(State.CLEARED, [BLOCK], decided_by="aad-o", decided_at=at,
                                  override_reason="signed consent"))
    facts = {f["title"]: f["value"] for b in card["body"] if b["type"] == "FactSet" for f in b["facts"]}
    assert facts == {"For": "instagram", "Decided by": "aad-o", "At": "2026-11-23 19:00 UTC",
                     "Override reason": "signed consent"}


def test_when_a_notice_is_given_then_it_comes_first():
    card = cards.review_card(view(State.CLEAN), notice="Not authorised: nope")
    assert card["body"][0]["items"][0]["text"] == "Not authorised: nope"


def test_when_a_draft_is_huge_then_the_card_stays_under_the_teams_message_limit():
    import json
    many = [Finding("phi", "phi.person", Severity.BLOCK, "a person's name", entity="PERSON", start=i, end=i + 5,
                    suggestion="remove the name") for i in range(400)]
    card = cards.review_card(view(State.FLAGGED, many, rewrite="x" * 40_000))
    size = len(json.dumps(card).encode())
    assert size < 24_000, size
    flat = str(card)
    assert "and 375 more" in flat and "34000 more characters not shown" in flat
