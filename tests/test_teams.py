"""The Teams bot over real HTTP on 127.0.0.1: the real aiohttp server and the
real botbuilder CloudAdapter (empty app id, so no JWT), replying to a local
fake Bot Framework connector that records what the bot sends."""
from __future__ import annotations

import itertools
import os

import aiohttp
import pytest
from sqlmodel import select

os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"  # replies go through `requests`

from aiohttp import web  # noqa: E402

from adapters.teams import consent as teams_consent  # noqa: E402
from adapters.teams.decisions import NOT_AUTHORISED_TEXT  # noqa: E402
from bot.app import build_services  # noqa: E402
from bot.models import AuditEvent, ConversationRef, Review  # noqa: E402
from bot.server import build_web_app  # noqa: E402
from bot.db import transaction  # noqa: E402
from conftest import make_config  # noqa: E402
from fakes.teams_connector import FakeConnector  # noqa: E402

TENANT = "72f988bf-0000-4000-8000-000000000001"
CHANNEL = "19:reviewchannel0001@thread.tacv2"
OTHER_CHANNEL = "19:generalchannel002@thread.tacv2"
BOT_ID = "28:clearpost-bot"
OFFICER = "aad-officer-0001"
OFFICER_2 = "aad-officer-0002"
STAFF = "aad-staff-0001"
STRANGER = "aad-stranger-01"
PHI_DRAFT = ("So proud of our client John Smith (DOB 03/14/1985) who finished therapy this week! "
             "Our next group starts in January.")
CLEAN_DRAFT = "Join our free mindfulness workshop this Saturday at 10am. Everyone is welcome."
CARD = "application/vnd.microsoft.card.adaptive"
_ids = itertools.count(1_700_000_000_000)


def teams_config(db_url: str, connector_url: str, **secrets):
    return make_config(
        db_url,
        secrets={"teams_service_url_override": connector_url, **secrets},
        officers={"slack": [], "teams": [OFFICER, OFFICER_2], "console": []},
        review_channels=[{"platform": "teams", "channel": CHANNEL, "default_targets": ["instagram"]}],
    )


class Harness:
    """One running bot (server + services) plus helpers to send Teams activities."""

    def __init__(self, services, connector: FakeConnector):
        self.services = services
        self.connector = connector
        self.runner: web.AppRunner | None = None
        self.url = ""
        self.session: aiohttp.ClientSession | None = None

    async def start(self) -> "Harness":
        self.runner = web.AppRunner(build_web_app(self.services), access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{self.runner.addresses[0][1]}/api/messages"
        self.session = aiohttp.ClientSession()
        return self

    async def stop(self) -> None:
        await self.session.close()
        await self.runner.cleanup()

    async def close(self) -> None:
        """Stop the server and release what its services hold (worker pool, connections)."""
        await self.stop()
        self.services.pipeline.close()
        self.services.engine.dispose()

    async def send(self, activity: dict, headers: dict | None = None) -> tuple[int, dict | None]:
        async with self.session.post(self.url, json=activity, headers=headers or {}) as r:
            body = await r.json() if r.content_type == "application/json" else None
            return r.status, body

    async def settle(self) -> None:
        await self.services.reviews.drain(60)

    # ---- activity builders -------------------------------------------
    def _base(self, kind: str, user: str, conversation: str, **extra) -> dict:
        return {
            "type": kind, "id": str(next(_ids)), "channelId": "msteams",
            "serviceUrl": "https://smba.invalid/amer/",  # replaced by the test-only override
            "from": {"id": f"29:{user}", "name": user, "aadObjectId": user},
            "recipient": {"id": BOT_ID, "name": "ClearPost"},
            "conversation": {"id": conversation, "conversationType": "channel", "tenantId": TENANT,
                             "isGroup": True},
            "channelData": {"tenant": {"id": TENANT}, "channel": {"id": CHANNEL},
                            "team": {"id": "19:team@thread.tacv2"}},
            **extra,
        }

    def post(self, text: str, user: str = STAFF, channel: str = CHANNEL, mention: bool = False,
             attachments: list | None = None) -> dict:
        msg_id = str(next(_ids))
        a = self._base("message", user, f"{channel};messageid={msg_id}")
        a["id"] = msg_id
        a["channelData"]["channel"]["id"] = channel
        a["text"] = f"<at>ClearPost</at> {text}" if mention else text
        if mention:
            a["entities"] = [{"type": "mention", "text": "<at>ClearPost</at>",
                              "mentioned": {"id": BOT_ID, "name": "ClearPost"}}]
        if attachments:
            a["attachments"] = attachments
        return a

    def edit(self, original: dict, text: str) -> dict:
        a = self._base("messageUpdate", original["from"]["aadObjectId"], original["conversation"]["id"])
        a["id"] = original["id"]
        a["text"] = text
        a["channelData"]["eventType"] = "editMessage"
        return a

    def delete(self, original: dict) -> dict:
        a = self._base("messageDelete", original["from"]["aadObjectId"], original["conversation"]["id"])
        a["id"] = original["id"]
        a["channelData"]["eventType"] = "softDeleteMessage"
        return a

    def click(self, review_id: int, verb: str, user: str, reason: str | None = None,
              tenant: str = TENANT) -> dict:
        data = {"review_id": review_id}
        if reason is not None:
            data["reason"] = reason
        a = self._base("invoke", user, f"{CHANNEL};messageid=1")
        a["name"] = "adaptiveCard/action"
        a["value"] = {"action": {"type": "Action.Execute", "verb": verb, "data": data}, "trigger": "manual"}
        a["conversation"]["tenantId"] = tenant
        a["channelData"]["tenant"]["id"] = tenant
        return a

    def react(self, card_call, user: str, kind: str = "like") -> dict:
        a = self._base("messageReaction", user, card_call.conversation_id)
        a["replyToId"] = card_call.created_id
        a["reactionsAdded"] = [{"type": kind}]
        return a

    def personal(self, text: str, user: str) -> dict:
        a = self._base("message", user, f"a:personal-{user}-{next(_ids)}")
        a["conversation"]["conversationType"] = "personal"
        a["conversation"]["isGroup"] = False
        a["channelData"] = {"tenant": {"id": TENANT}}
        a["text"] = text
        return a

    # ---- reading what the bot sent ------------------------------------
    def card_for(self, draft: dict):
        """The bot's card reply to a draft (waits for it)."""
        conv = draft["conversation"]["id"]

        def found(calls):
            return [c for c in calls if c.kind == "reply" and c.conversation_id == conv
                    and c.activity_id == draft["id"] and c.card]
        return found(self.connector.wait_for(found))[0]

    def latest_card(self, card_call) -> dict:
        updates = [c for c in self.connector.of_kind("update")
                   if c.conversation_id == card_call.conversation_id and c.activity_id == card_call.created_id]
        return (updates[-1] if updates else card_call).card

    def review(self, draft: dict):
        return self.services.reviews.find_by_report("teams", CHANNEL, self.card_for(draft).created_id)


def card_text(card: dict) -> str:
    out = []

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("text", "title", "value", "label") and isinstance(v, str):
                    out.append(v)
                else:
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(card)
    return "\n".join(out)


def verbs(card: dict) -> set[str]:
    return {a.get("verb") for a in card.get("actions", [])}


@pytest.fixture(scope="module")
def connector():
    fake = FakeConnector()
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
async def bot(db_url, analyzer, connector):
    services = build_services(teams_config(db_url, connector.url), analyzer=analyzer)
    h = await Harness(services, connector).start()
    yield h
    await h.stop()
    services.pipeline.close()
    services.engine.dispose()


# ---- intake and report ----------------------------------------------------

async def test_when_a_draft_with_phi_is_posted_then_a_card_replies_in_its_thread(bot):
    draft = bot.post(PHI_DRAFT)
    status, _ = await bot.send(draft)
    assert status == 201
    await bot.settle()
    call = bot.card_for(draft)
    card = call.card
    text = card_text(card)
    assert call.conversation_id == f"{CHANNEL};messageid={draft['id']}"  # the draft's thread
    assert "flagged" in text
    assert "John Smith" not in text and "03/14/1985" not in text  # never the PHI values
    assert "PERSON" in text or "DATE_TIME" in text  # the finding types are named
    assert "Suggested de-identified rewrite" in text
    assert {"override", "reject"} <= verbs(card)
    assert "approve" not in verbs(card)  # blocking findings: approve is not offered
    assert all(a["type"] == "Action.Execute" and a["data"]["review_id"] for a in card["actions"])
    inputs = [b for b in card["body"] if b.get("type") == "Input.Text"]
    assert inputs and inputs[0]["isRequired"] is True
    view = bot.review(draft)
    assert view.ref.workspace == TENANT and view.author == STAFF and view.targets == ("instagram",)


async def test_when_the_same_message_is_delivered_twice_then_it_is_reviewed_once(bot):
    draft = bot.post(CLEAN_DRAFT)
    assert (await bot.send(draft))[0] == 201
    assert (await bot.send(draft))[0] == 201
    await bot.settle()
    bot.card_for(draft)
    replies = [c for c in bot.connector.of_kind("reply") if c.activity_id == draft["id"]]
    assert len(replies) == 1


async def test_when_the_bot_is_mentioned_then_the_mention_is_stripped(bot):
    draft = bot.post(CLEAN_DRAFT, mention=True)
    await bot.send(draft)
    await bot.settle()
    card = bot.card_for(draft).card
    assert "clean" in card_text(card) and "approve" in verbs(card)


async def test_when_a_message_is_outside_a_review_channel_then_nothing_is_reviewed(bot):
    draft = bot.post(PHI_DRAFT, channel=OTHER_CHANNEL)
    assert (await bot.send(draft))[0] == 201
    await bot.settle()
    with transaction(bot.services.engine) as s:
        assert s.exec(select(Review)).all() == []
    assert not [c for c in bot.connector.of_kind("reply", "send") if c.activity_id == draft["id"]]


async def test_when_a_photo_is_attached_then_the_review_knows_it(bot):
    draft = bot.post(CLEAN_DRAFT, attachments=[
        {"contentType": "image/png", "contentUrl": "https://example.invalid/a.png", "name": "group.png"},
        {"contentType": "text/html", "content": "<p>x</p>"}])
    await bot.send(draft)
    await bot.settle()
    bot.card_for(draft)
    with transaction(bot.services.engine) as s:
        row = s.exec(select(Review).where(Review.message_id == draft["id"])).one()
    assert row.attachments == '[["group.png", "image/png", "https://example.invalid/a.png", null]]'  # where it is


# ---- decisions ----------------------------------------------------------

async def test_when_an_officer_approves_then_the_draft_is_cleared_and_the_card_updated(bot):
    draft = bot.post(CLEAN_DRAFT)
    await bot.send(draft)
    await bot.settle()
    view = bot.review(draft)
    status, body = await bot.send(bot.click(view.id, "approve", OFFICER))
    assert status == 200
    assert body["statusCode"] == 200 and body["type"] == CARD
    assert "cleared" in card_text(body["value"])
    assert bot.services.reviews.get_by_id(view.id).state.value == "cleared"
    assert "cleared" in card_text(bot.latest_card(bot.card_for(draft)))  # refreshed in place for everyone


@pytest.fixture
async def tenant_bot(db_url, analyzer, connector):
    """A bot pinned to one tenant (TEAMS_TENANT_ID set)."""
    services = build_services(teams_config(db_url, connector.url, teams_tenant_id=TENANT), analyzer=analyzer)
    h = await Harness(services, connector).start()
    yield h
    await h.stop()
    services.pipeline.close()
    services.engine.dispose()


@pytest.mark.parametrize("who, tenant", [(STRANGER, TENANT), (STAFF, TENANT), (OFFICER, "another-tenant")])
async def test_when_a_non_officer_clicks_then_not_authorised_and_nothing_changes(tenant_bot, who, tenant):
    bot, svc = tenant_bot, tenant_bot.services
    draft = bot.post(CLEAN_DRAFT)
    await bot.send(draft)
    await bot.settle()
    view = bot.review(draft)
    status, body = await bot.send(bot.click(view.id, "approve", who, tenant=tenant))
    assert status == 200
    assert NOT_AUTHORISED_TEXT in card_text(body["value"])
    assert svc.reviews.get_by_id(view.id).state.value == "clean"
    with transaction(svc.engine) as s:
        refused = [e for e in s.exec(select(AuditEvent).where(AuditEvent.review_id == view.id))
                   if e.action == "decision_refused"]
    assert len(refused) == 1 and refused[0].actor == who
    assert ("other_tenant" if tenant != TENANT else "not_officer") in refused[0].details


@pytest.mark.parametrize("tenant, channel", [(TENANT, "19:otherchannel@thread.tacv2"), ("another-tenant", CHANNEL)])
async def test_when_a_non_officer_clicks_from_elsewhere_then_the_answer_holds_no_review_content(tenant_bot, tenant,
                                                                                               channel):
    bot = tenant_bot
    draft = bot.post(PHI_DRAFT)
    await bot.send(draft)
    await bot.settle()
    view = bot.review(draft)
    click = bot.click(view.id, "approve", STRANGER, tenant=tenant)
    click["channelData"]["channel"]["id"] = channel
    status, body = await bot.send(click)
    shown = card_text(body["value"])
    assert status == 200 and NOT_AUTHORISED_TEXT in shown
    assert view.rewrite not in shown and not any(f.message in shown for f in view.findings)


async def test_when_an_activity_comes_from_another_tenant_then_it_is_ignored(tenant_bot):
    draft = tenant_bot.post(PHI_DRAFT)
    draft["conversation"]["tenantId"] = "another-tenant"
    draft["channelData"]["tenant"]["id"] = "another-tenant"
    assert (await tenant_bot.send(draft))[0] == 201
    await tenant_bot.settle()
    with transaction(tenant_bot.services.engine) as s:
        assert s.exec(select(Review)).all() == []


async def test_when_an_officer_approves_their_own_draft_then_it_is_refused(bot):
    draft = bot.post(CLEAN_DRAFT, user=OFFICER)
    await bot.send(draft)
    await bot.settle()
    view = bot.review(draft)
    _, body = await bot.send(bot.click(view.id, "approve", OFFICER))
    assert "cannot clear their own draft" in card_text(body["value"])
    assert bot.services.reviews.get_by_id(view.id).state.value == "clean"
    _, body = await bot.send(bot.click(view.id, "approve", OFFICER_2))
    assert bot.services.reviews.get_by_id(view.id).state.value == "cleared"


async def test_when_a_blocking_draft_is_approved_then_it_is_refused_and_override_needs_a_reason(bot):
    draft = bot.post(PHI_DRAFT)
    await bot.send(draft)
    await bot.settle()
    view = bot.review(draft)
    assert view.blocking
    _, body = await bot.send(bot.click(view.id, "approve", OFFICER))
    assert "blocking findings" in card_text(body["value"])
    _, body = await bot.send(bot.click(view.id, "override", OFFICER, reason="   "))
    assert "written justification" in card_text(body["value"])
    assert bot.services.reviews.get_by_id(view.id).state.value == "flagged"
    _, body = await bot.send(bot.click(view.id, "override", OFFICER, reason="Client signed consent C-12 for this"))
    after = bot.services.reviews.get_by_id(view.id)
    assert after.state.value == "cleared" and after.override_reason == "Client signed consent C-12 for this"
    assert "Client signed consent C-12 for this" in card_text(body["value"])


async def test_when_an_officer_rejects_then_the_draft_is_rejected(bot):
    draft = bot.post(PHI_DRAFT)
    await bot.send(draft)
    await bot.settle()
    view = bot.review(draft)
    _, body = await bot.send(bot.click(view.id, "reject", OFFICER))
    assert bot.services.reviews.get_by_id(view.id).state.value == "rejected"
    assert "Rejected" in card_text(body["value"]) and not body["value"].get("actions")


async def test_when_an_officer_likes_the_card_then_the_draft_is_approved(bot):
    draft = bot.post(CLEAN_DRAFT)
    await bot.send(draft)
    await bot.settle()
    card_call = bot.card_for(draft)
    assert (await bot.send(bot.react(card_call, STRANGER)))[0] == 201
    view = bot.review(draft)
    assert view.state.value == "clean"
    assert (await bot.send(bot.react(card_call, OFFICER)))[0] == 201
    assert bot.services.reviews.get_by_id(view.id).state.value == "cleared"
    assert "cleared" in card_text(bot.latest_card(card_call))


# ---- edits and deletes --------------------------------------------------

async def test_when_a_cleared_draft_is_edited_then_the_clearance_is_void(bot):
    draft = bot.post(CLEAN_DRAFT)
    await bot.send(draft)
    await bot.settle()
    view = bot.review(draft)
    await bot.send(bot.click(view.id, "approve", OFFICER))
    assert bot.services.reviews.get_by_id(view.id).state.value == "cleared"
    assert (await bot.send(bot.edit(draft, PHI_DRAFT)))[0] == 201
    await bot.settle()
    after = bot.services.reviews.get_by_id(view.id)
    assert after.state.value == "flagged" and after.decided_by is None
    card = bot.latest_card(bot.card_for(draft))
    assert "flagged" in card_text(card) and "override" in verbs(card)
    with transaction(bot.services.engine) as s:
        actions = [e.action for e in s.exec(select(AuditEvent).where(AuditEvent.review_id == view.id))]
    assert "draft_edited" in actions


async def test_when_a_draft_is_deleted_then_it_is_withdrawn(bot):
    draft = bot.post(PHI_DRAFT)
    await bot.send(draft)
    await bot.settle()
    card_call = bot.card_for(draft)
    view = bot.review(draft)
    assert (await bot.send(bot.delete(draft)))[0] == 201
    assert bot.services.reviews.get_by_id(view.id).state.value == "withdrawn"
    card = bot.latest_card(card_call)
    assert "withdrawn" in card_text(card) and not card.get("actions")
    assert "Suggested de-identified rewrite" not in card_text(card)


# ---- consent look-up ----------------------------------------------------

class _Answer:
    def __init__(self, query):
        self.query = query

    def text(self):
        return f"consent standing for the patient asked about ({len(self.query)} chars)"


class _Lookups:
    def __init__(self):
        self.queries = []

    def lookup(self, query):
        self.queries.append(query)
        return _Answer(query)


async def test_when_an_allowed_user_asks_in_private_then_the_answer_is_the_reply(bot):
    lookups = _Lookups()
    bot.services.consents = lookups
    msg = bot.personal("consent Jane Roe", OFFICER)
    assert (await bot.send(msg))[0] == 201
    replies = [c for c in bot.connector.of_kind("reply") if c.conversation_id == msg["conversation"]["id"]]
    assert lookups.queries == ["Jane Roe"]
    assert replies[-1].text == "consent standing for the patient asked about (8 chars)"


async def test_when_an_allowed_user_asks_by_mention_then_the_answer_goes_to_a_private_chat(bot):
    lookups = _Lookups()
    bot.services.consents = lookups
    msg = bot.post("consent Jane Roe", user=OFFICER, mention=True)
    await bot.send(msg)
    created = bot.connector.of_kind("create_conversation")[-1]
    assert created.body["members"][0]["id"] == f"29:{OFFICER}"
    private = [c for c in bot.connector.calls if c.conversation_id == created.conversation_id and c.kind != "create_conversation"]
    assert private[-1].text.startswith("consent standing")
    in_channel = [c for c in bot.connector.of_kind("reply") if c.conversation_id == msg["conversation"]["id"]]
    assert [c.text for c in in_channel] == [teams_consent.SENT_PRIVATELY]
    with transaction(bot.services.engine) as s:
        assert s.exec(select(Review).where(Review.message_id == msg["id"])).all() == []


@pytest.mark.parametrize("make", ["personal", "mention"])
async def test_when_a_user_not_allowed_asks_for_consent_then_it_is_refused(bot, make):
    lookups = _Lookups()
    bot.services.consents = lookups
    msg = bot.personal("consent Jane Roe", STAFF) if make == "personal" else \
        bot.post("consent Jane Roe", user=STAFF, mention=True)
    await bot.send(msg)
    replies = [c for c in bot.connector.of_kind("reply") if c.conversation_id == msg["conversation"]["id"]]
    assert [c.text for c in replies] == [teams_consent.NOT_ALLOWED]
    assert lookups.queries == []


async def test_when_the_consent_registry_is_missing_then_it_says_unavailable(bot):
    bot.services.consents = None
    msg = bot.personal("consent Jane Roe", OFFICER)
    await bot.send(msg)
    replies = [c for c in bot.connector.of_kind("reply") if c.conversation_id == msg["conversation"]["id"]]
    assert replies[-1].text == teams_consent.UNAVAILABLE


# ---- restart ------------------------------------------------------------

async def test_when_the_bot_restarts_then_it_updates_the_existing_card(db_url, analyzer, connector):
    first = build_services(teams_config(db_url, connector.url), analyzer=analyzer)
    h1 = await Harness(first, connector).start()
    draft = h1.post(CLEAN_DRAFT)
    await h1.send(draft)
    await h1.settle()
    card_call = h1.card_for(draft)
    review_id = h1.review(draft).id
    key = first.reviews.get_by_id(review_id).ref.key
    await h1.stop()
    first.pipeline.close()
    first.engine.dispose()

    second = build_services(teams_config(db_url, connector.url), analyzer=analyzer)
    with transaction(second.engine) as s:
        assert s.get(ConversationRef, key) is not None  # the reference outlived the process

    h2 = await Harness(second, connector).start()
    try:
        status, body = await h2.send(h2.click(review_id, "approve", OFFICER))
        assert status == 200 and "cleared" in card_text(body["value"])
        updates = [c for c in connector.of_kind("update") if c.activity_id == card_call.created_id]
        assert updates and "cleared" in card_text(updates[-1].card)
        assert updates[-1].conversation_id == card_call.conversation_id
    finally:
        await h2.stop()
        second.pipeline.close()
        second.engine.dispose()


async def test_when_an_officer_asks_the_real_registry_then_the_standing_comes_back_privately(bot):
    from bot.consent.registry import ConsentRegistry
    assert hasattr(bot.services, "consents") and bot.services.consents is not None
    ConsentRegistry(bot.services.engine).grant("test", patient="Jane Roe", scopes=["testimonial"],
                                               platforms=["instagram"], document_ref="scan-001.pdf")
    msg = bot.personal("consent Jane Roe", OFFICER)
    await bot.send(msg)
    replies = [c for c in bot.connector.of_kind("reply") if c.conversation_id == msg["conversation"]["id"]]
    assert "Jane Roe" in replies[-1].text and "testimonial" in replies[-1].text
    assert "scan-001.pdf" not in replies[-1].text  # the look-up answers the standing only


@pytest.mark.parametrize("patch", [
    {"from": None},
    {"conversation": None},
    {"channelData": "not an object"},
    {"text": None},
    {"entities": [{"type": "mention"}]},
    {"attachments": [{"contentType": None}]},
    {"type": "invoke", "name": "adaptiveCard/action", "value": ["not", "an", "object"]},
    {"type": "invoke", "name": "adaptiveCard/action", "value": {"action": {"verb": "approve", "data": {"review_id": "x"}}}},
    {"type": "invoke", "name": "composeExtension/query", "value": {}},
    {"type": "messageReaction", "reactionsAdded": [{"type": "like"}], "replyToId": "unknown"},
    {"type": "conversationUpdate", "membersAdded": [{"id": BOT_ID}]},
])
async def test_when_an_activity_is_odd_then_the_bot_answers_without_a_server_error(bot, patch):
    a = bot.post(CLEAN_DRAFT)
    a.update(patch)
    status, body = await bot.send(a)
    assert status in (200, 201, 501), (status, body)
    if patch.get("name") == "adaptiveCard/action":
        assert status == 200 and body["value"]["type"] == "AdaptiveCard"


async def test_when_the_card_cannot_be_updated_then_a_fresh_card_replaces_it(bot):
    draft = bot.post(CLEAN_DRAFT)
    await bot.send(draft)
    await bot.settle()
    old = bot.card_for(draft)
    view = bot.review(draft)
    bot.connector.fail_next(404)  # the card was deleted in Teams
    status, body = await bot.send(bot.click(view.id, "approve", OFFICER))
    assert status == 200 and "cleared" in card_text(body["value"])
    fresh = [c for c in bot.connector.of_kind("reply") if c.activity_id == draft["id"] and c.card]
    assert len(fresh) == 2 and "cleared" in card_text(fresh[-1].card)
    assert bot.services.reviews.get_by_id(view.id).report_message_id == fresh[-1].created_id != old.created_id


@pytest.mark.parametrize("text", ["help", "", "Help"])
async def test_when_the_bot_is_asked_for_help_in_a_channel_then_it_helps_and_reviews_nothing(bot, text):
    from adapters.teams.bot import HELP
    msg = bot.post(text, mention=True)
    await bot.send(msg)
    await bot.settle()
    replies = [c.text for c in bot.connector.of_kind("reply") if c.conversation_id == msg["conversation"]["id"]]
    assert replies == [HELP]
    with transaction(bot.services.engine) as s:
        assert s.exec(select(Review).where(Review.message_id == msg["id"])).all() == []


# ---- only Teams itself (issue 19) -------------------------------------------

async def test_when_a_draft_comes_from_web_chat_then_nothing_is_reviewed(bot):
    draft = bot.post(PHI_DRAFT)
    draft["channelId"] = "webchat"
    status, _ = await bot.send(draft)
    await bot.settle()
    assert status < 500 and not [c for c in bot.connector.of_kind("reply") if c.created_id == draft["id"]]
    with transaction(bot.services.engine) as s:
        assert s.exec(select(Review)).all() == []


async def test_when_web_chat_clicks_approve_as_an_officer_then_nothing_is_cleared(bot):
    draft = bot.post(CLEAN_DRAFT)
    await bot.send(draft)
    await bot.settle()
    view = bot.review(draft)
    forged = bot.click(view.id, "approve", OFFICER)
    forged["channelId"] = "webchat"
    del forged["conversation"]["tenantId"]
    status, _ = await bot.send(forged)
    assert status != 200 or bot.services.reviews.get_by_id(view.id).state.value != "cleared"
    assert bot.services.reviews.get_by_id(view.id).state.value == "clean"


async def test_when_only_channel_data_names_the_tenant_then_a_pinned_bot_ignores_it(tenant_bot):
    draft = tenant_bot.post(PHI_DRAFT)
    del draft["conversation"]["tenantId"]  # channelData still claims the right tenant
    await tenant_bot.send(draft)
    await tenant_bot.settle()
    with transaction(tenant_bot.services.engine) as s:
        assert s.exec(select(Review)).all() == []
