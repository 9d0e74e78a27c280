"""A testimonial whose patient has a written authorization on file is the
normal path: the checks report it as covered, and the officer's ordinary
approval clears it on Slack, Teams and the console. The same testimonial on a
platform the consent does not cover blocks and names the platform."""
from __future__ import annotations

from bot.consent.registry import ConsentRegistry
from bot.states import State
from tests.console_client import signed_in, site, state_of, submit  # noqa: F401 - fixtures
from tests.test_slack import OFFICER as SLACK_OFFICER
from tests.test_slack import _no_slack_env, blocks_text, slack  # noqa: F401 - fixtures
from tests.test_teams import OFFICER as TEAMS_OFFICER
from tests.test_teams import bot, card_text, connector  # noqa: F401 - fixtures

TESTIMONIAL = 'Client spotlight: Rosa Delgado says "Harbor Light helped me find my footing again."'


def grant(services, platforms: list[str]) -> str:
    return ConsentRegistry(services.engine).grant(
        "test", patient="Rosa Delgado", scopes=["testimonial", "name_use"], platforms=platforms,
        document_ref="signed form").consent_id


async def test_when_slack_testimonial_is_consented_then_an_ordinary_approval_clears_it(slack):
    consent_id = grant(slack.services, ["instagram", "facebook"])  # the channel's default targets
    ts = await slack.draft(TESTIMONIAL)
    view = await slack.settled(ts, State.CLEAN)
    covered = [f for f in view.findings if f.code == "consent.ok"]
    assert covered and consent_id in covered[0].message
    assert not [f for f in view.findings if f.severity.value == "block"]
    await slack.react(SLACK_OFFICER, ts)
    await slack.update_where("cleared by", view.report_message_id)
    assert slack.review(ts).state == State.CLEARED


async def test_when_teams_testimonial_is_consented_then_the_approve_button_clears_it(bot):
    grant(bot.services, ["instagram"])  # the channel's default target
    draft = bot.post(TESTIMONIAL)
    await bot.send(draft)
    await bot.settle()
    view = bot.review(draft)
    assert view.state == State.CLEAN
    status, body = await bot.send(bot.click(view.id, "approve", TEAMS_OFFICER))
    assert status == 200 and "cleared" in card_text(body["value"])
    assert bot.services.reviews.get_by_id(view.id).state == State.CLEARED


async def test_when_console_testimonial_is_consented_then_the_officer_approves_it(site):
    services, client = site
    grant(services, ["facebook"])
    staff = await signed_in(client, "staff1")
    rid = await submit(staff, TESTIMONIAL, "facebook")
    assert state_of(services, rid) == "clean"
    officer = await signed_in(client, "officer")
    status, page = await officer.post(f"/console/reviews/{rid}/decide", {"action": "approve"})
    assert status == 200 and state_of(services, rid) == "cleared"


async def test_when_the_consent_does_not_cover_the_platform_then_it_blocks_and_names_it(site):
    services, client = site
    grant(services, ["facebook"])
    staff = await signed_in(client, "staff1")
    rid = await submit(staff, TESTIMONIAL, "linkedin")
    assert state_of(services, rid) == "flagged"
    view = services.reviews.get_by_id(rid)
    missing = [f for f in view.findings if f.code == "consent.missing"]
    assert missing and missing[0].severity.value == "block" and "linkedin" in missing[0].message
