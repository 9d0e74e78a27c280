"""Property-based fuzzing (hypothesis): the event parsers and the checks
take whatever a platform or a person sends and never raise.

* Slack: the HTTP body parser (bolt request + shape check) on arbitrary text,
  and payload -> draft translation on arbitrary JSON-shaped messages.
* Teams: activity -> draft translation on arbitrary JSON-shaped activities.
* Checks: PHI (the session's real Presidio analyzer), policy and consent
  through the real pipeline on arbitrary text mixed with names, numbers and
  disguises: no check fails, every finding points inside the text as written.

max_examples is modest (CI has 2 cores); deadline=None because Presidio's
timing on a shared machine is not the property under test."""
from __future__ import annotations

import asyncio
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.slack.http import FORM, _well_formed, bolt_request
from adapters.slack.translate import content_changed, draft_from_message, unescape
from bot.app import build_services
from tests.conftest import make_config

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CHECKS_FUZZ = settings(max_examples=60, deadline=None,
                       suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

CHANNEL = "C0REVIEW1"
CONFIG = make_config(review_channels=[{"platform": "slack", "channel": CHANNEL, "default_targets": ["instagram"]}])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


def slackish(keys: tuple[str, ...], plausible: dict) -> st.SearchStrategy[dict]:
    """Dicts whose well-known keys hold either a plausible value or any JSON value."""
    return st.fixed_dictionaries({}, optional={k: st.one_of(plausible.get(k, json_values), json_values) for k in keys})


MESSAGE = slackish(
    ("type", "subtype", "channel", "user", "text", "ts", "thread_ts", "bot_id", "files", "bot_profile", "edited"),
    {"type": st.just("message"), "subtype": st.sampled_from([None, "file_share", "message_changed", "bot_message"]),
     "channel": st.just(CHANNEL), "user": st.just("U0STAFF01"), "text": st.text(max_size=300),
     "ts": st.just("1700000000.000001"),
     "files": st.lists(st.fixed_dictionaries({}, optional={"name": st.text(max_size=20), "mimetype": json_values,
                                                            "mode": st.sampled_from(["hosted", "tombstone"])}),
                       max_size=3)},
)


# ---- Slack ----------------------------------------------------------------------

@FUZZ
@given(message=MESSAGE, team=st.text(max_size=12))
def test_when_a_slack_message_has_any_shape_then_translation_never_raises(message, team):
    intake = draft_from_message(CONFIG, team, CHANNEL, message)
    if intake.draft is not None:
        assert isinstance(intake.draft.text, str) and intake.draft.ref.channel == CHANNEL
        assert intake.draft.platforms
    assert isinstance(content_changed({"message": message, "previous_message": message}), bool)


@FUZZ
@given(text=st.text(alphabet=st.sampled_from("&;<>ampltg#x"), max_size=60) | st.text(max_size=200))
def test_when_slack_escapes_are_undone_then_no_entity_is_left_half_done(text):
    plain = unescape(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    assert plain == text


bodies = st.one_of(
    st.text(max_size=300),
    json_values.map(json.dumps),
    st.dictionaries(st.sampled_from(["type", "team_id", "event", "event_id", "team", "user", "channel", "view",
                                     "payload", "command", "text"]), json_values, max_size=6).map(json.dumps),
)


@FUZZ
@given(raw=bodies, form=st.booleans())
def test_when_a_slack_body_is_anything_then_parsing_fails_only_with_a_400(raw, form):
    from urllib.parse import quote
    body = f"payload={quote(raw)}" if form else raw
    headers = {"Content-Type": FORM if form else "application/json"}
    try:
        req = bolt_request(body, "", headers)
    except (ValueError, TypeError, AttributeError):
        return  # the endpoint answers 400 to these
    assert isinstance(_well_formed(req), bool)


# ---- Teams ----------------------------------------------------------------------

ACTIVITY = slackish(
    ("type", "id", "text", "from", "conversation", "channelData", "attachments", "entities", "replyToId"),
    {"type": st.just("message"), "text": st.text(max_size=200),
     "from": st.fixed_dictionaries({"id": st.text(max_size=10)}, optional={"aadObjectId": st.text(max_size=10)}),
     "conversation": st.fixed_dictionaries({"id": st.text(max_size=40)}, optional={"tenantId": st.text(max_size=10)}),
     "channelData": st.fixed_dictionaries({}, optional={"channel": st.fixed_dictionaries({"id": st.text(max_size=20)}),
                                                         "tenant": st.fixed_dictionaries({"id": st.text(max_size=10)})}),
     "attachments": st.lists(st.fixed_dictionaries({"contentType": st.text(max_size=30)},
                                                   optional={"name": st.text(max_size=20), "content": json_values}),
                             max_size=3),
     "entities": st.lists(st.fixed_dictionaries({"type": st.just("mention")},
                                                optional={"text": st.text(max_size=20), "mentioned": json_values}),
                          max_size=2)},
)


@FUZZ
@given(body=ACTIVITY)
def test_when_a_teams_activity_has_any_shape_then_translation_never_raises(body):
    from botbuilder.schema import Activity
    from msrest.exceptions import DeserializationError

    from adapters.teams import translate
    try:
        activity = Activity().deserialize(body)
    except (DeserializationError, ValueError, TypeError, AttributeError):
        return  # the endpoint answers 400 to these (adapters/teams/http.py)
    for fn in (translate.tenant_id, translate.channel_id, translate.thread_root, translate.is_thread_reply,
               translate.is_personal, translate.event_type, translate.mentions_bot, translate.clean_text,
               translate.attachments):
        fn(activity)
    if activity.from_property is not None and activity.conversation is not None:
        draft = translate.draft_of(activity, ("instagram",))
        assert isinstance(draft.text, str)


# ---- the checks -----------------------------------------------------------------

PIECES = st.sampled_from([
    "Jane Doe", "J\u043ehn Smith", "Em\u200bily Carter", "\u202eMaria Lopez\u202c", "(503) 555-0199",
    "03/14/1961", "jane@example.com", "MRN 4481-22", "finished her anxiety treatment", "our client",
    "testimonial", "100% cure", "\U0001F389", "```code```", "Спасибо", "谢谢", "\u0301", "&amp;", "\n\n",
    "Dr. Maya Chen", "Harbor Light Counseling", "#instagram", "platform: facebook",
])
DRAFT_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=40)), min_size=1, max_size=12).map(" ".join).filter(
    lambda t: t.strip() and "\x00" not in t)


@pytest.fixture(scope="module")
def fuzz_services(analyzer, tmp_path_factory):
    cfg = make_config(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}",
                      checks={"enabled": ["phi", "policy", "consent"], "timeout_seconds": 30, "settings": {}})
    services = build_services(cfg, analyzer=analyzer)
    from bot.consent.registry import ConsentRegistry
    ConsentRegistry(services.engine).grant("fuzz", patient="Jane Doe", scopes=["testimonial"],
                                           platforms=["instagram"], document_ref="scan.pdf")
    yield services
    services.pipeline.close()
    services.engine.dispose()


@CHECKS_FUZZ
@given(text=DRAFT_TEXT)
def test_when_a_draft_is_anything_then_every_check_finishes_and_findings_point_into_it(fuzz_services, text):
    from bot.domain import Draft, MessageRef
    draft = Draft(text=text, author="U0STAFF01", ref=MessageRef("slack", "T0", CHANNEL, "1.1"),
                  platforms=("instagram",))
    result = asyncio.run(fuzz_services.pipeline.run(draft))
    assert result.failures == (), result.failures
    for f in result.findings:
        if f.start is not None:
            assert 0 <= f.start <= f.end <= len(text), (f.code, f.start, f.end, len(text))
