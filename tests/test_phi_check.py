"""The PHI check's severities, messages and settings, on real Presidio."""
from __future__ import annotations

import re

import pytest

from bot.app import build_services
from bot.config import ConfigError
from bot.domain import Attachment, Draft, MessageRef, Severity
from checks.base import CheckContext
from checks.phi.check import PhiCheck
from checks.phi.settings import parse_phi_settings
from tests.conftest import make_config


def draft(text, attachments=()):
    return Draft(text=text, author="U1", ref=MessageRef("cli", "w", "c", "1"), attachments=tuple(attachments))


def run(analyzer, text, check=None, attachments=()):
    check = check or PhiCheck()
    return check.run(draft(text, attachments), analyzer.analyze(text))


def severity_of(findings, entity):
    return {f.severity for f in findings if f.entity == entity}


@pytest.mark.parametrize("text", [
    "So proud of our client Jessica Moore who finished her last EMDR session today!",
    "Mark Delgado has been coming to our anxiety group and is doing great.",
    "client J.R. from Beaverton says CBT changed how he handles panic attacks.",
])
def test_when_name_is_near_health_words_then_it_blocks(analyzer, text):
    assert severity_of(run(analyzer, text), "PERSON") == {Severity.BLOCK}


def test_when_a_patients_handle_is_tagged_next_to_their_care_then_it_blocks(analyzer):
    findings = run(analyzer, "Shoutout to @sam_rivera for sharing their recovery story in group.")
    assert severity_of(findings, "HANDLE") == {Severity.BLOCK}


@pytest.mark.parametrize("text", ["Great piece on burnout from @nytimes today.",
                                  "Follow @NAMIcommunicates for support resources on anxiety."])
def test_when_a_handle_is_an_organisations_then_it_is_information(analyzer, text):
    assert severity_of(run(analyzer, text), "HANDLE") == {Severity.INFO}


@pytest.mark.parametrize("text", [
    "Join guest speaker Tom Baker at our community picnic this Saturday.",
    "Congratulations to Hannah Lee for winning our 5K fundraiser raffle!",
])
def test_when_name_appears_without_health_context_then_it_only_warns(analyzer, text):
    assert severity_of(run(analyzer, text), "PERSON") == {Severity.WARN}


def test_when_setting_says_block_names_then_a_lone_name_blocks(analyzer):
    check = PhiCheck(parse_phi_settings({"name_without_health_context": "block"}))
    findings = run(analyzer, "Join guest speaker Tom Baker this Saturday.", check)
    assert severity_of(findings, "PERSON") == {Severity.BLOCK}


def test_when_custom_health_term_configured_then_it_counts_as_health_context(analyzer):
    text = "Tom Baker signed up for the Harbor Reset walk."
    assert severity_of(run(analyzer, text), "PERSON") == {Severity.WARN}
    check = PhiCheck(parse_phi_settings({"health_terms": ["Harbor Reset walk"]}))
    assert severity_of(run(analyzer, text, check), "PERSON") == {Severity.BLOCK}


@pytest.mark.parametrize("text,entity", [
    ("Sarah's cell is (971) 555-0183 if you want to send her a card after the surgery.", "PHONE"),
    ("Reach Kevin at kevin.tran88@gmail.com for rides.", "EMAIL"),
    ("Update MRN 00482913 in the chart.", "MRN"),
    ("Her insurance member ID XJH482910377 was rejected.", "HEALTH_PLAN_ID"),
    ("Mail the card to Rosa Jimenez, 1823 SE Belmont St, Portland, OR 97214.", "LOCATION"),
    ("Our client can be reached at 503-555-0199 after the session.", "PHONE"),
])
def test_when_identifier_tied_to_person_or_care_then_it_blocks(analyzer, text, entity):
    assert severity_of(run(analyzer, text), entity) == {Severity.BLOCK}


@pytest.mark.parametrize("text,entity", [
    ("The Hollywood Library is at 4040 NE Tillamook St., next to the bakery.", "LOCATION"),
    ("Register with the library at 503-555-0100 for the book swap.", "PHONE"),
])
def test_when_contact_detail_has_no_person_or_care_then_it_warns(analyzer, text, entity):
    assert severity_of(run(analyzer, text), entity) == {Severity.WARN}


def test_when_hashtag_looks_like_a_name_then_it_is_not_reported(analyzer):
    assert run(analyzer, "Join us for #MindfulMonday and #SelfCareSunday this week!") == []


def test_when_city_appears_without_health_context_then_it_warns(analyzer):
    assert severity_of(run(analyzer, "Our picnic moved to Beaverton this year."), "LOCATION") == {Severity.WARN}


@pytest.mark.parametrize("text,expected", [
    ("Look at the smiles from our picnic!", Severity.WARN),
    ("Our client celebrating the end of her depression treatment!", Severity.BLOCK),
    # the health word says what a new colleague treats, not whose care the photo shows
    ("Please welcome Sam Okafor, LPC! Sam works with teens on anxiety and school stress.", Severity.WARN),
    ("Our anxiety group met tonight, so proud of everyone!", Severity.BLOCK),
    # a profession word, or a health word in the practice's own event, says nothing of whose care
    ("who else's therapist has a fidget drawer? ours does #therapyoffice", Severity.WARN),
    ("Proud to sponsor the Run for Mental Health on Sunday! Stop by our table for stickers.", Severity.WARN),
])
def test_when_image_attached_then_photo_finding_depends_on_health_context(analyzer, text, expected):
    findings = run(analyzer, text, attachments=[Attachment("pic.jpg", "image/jpeg")])
    assert severity_of(findings, "PHOTO") == {expected}


def test_when_no_image_attached_then_no_photo_finding(analyzer):
    findings = run(analyzer, "Look at the smiles!", attachments=[Attachment("notes.pdf", "application/pdf")])
    assert severity_of(findings, "PHOTO") == set()


@pytest.mark.parametrize("text", [
    "So proud of our client Jessica Moore who finished her EMDR session on March 3, 2023!",
    "Call Kevin Tran on +1 360 555 0127 or kevin.tran88@gmail.com, MRN 00482913.",
    "Ruth Ellison turns 94 and lives at 77 Oak Lane Apt 4B, Gresham. @ruth_e",
])
def test_when_findings_reported_then_they_carry_type_and_span_and_messages_never_the_value(analyzer, text):
    findings = run(analyzer, text)
    assert findings
    for f in findings:
        value = text[f.start:f.end]
        assert value not in f.message and value not in (f.suggestion or "")
        assert f.entity and f.end > f.start  # type and span are fields; reports show the position
        assert not re.search(r"\d+-\d+", f.message)  # in one convention, never a second one in the text
        assert f.suggestion


def test_when_practice_post_checked_then_no_findings(analyzer):
    text = ("Harbor Light Counseling: Dr. Maya Chen and Jordan Alvarez, LCSW, see clients at "
            "410 Harbor View Road, Suite 200, Portland, OR 97201. Call (503) 555-0142.")
    assert run(analyzer, text) == []


@pytest.mark.parametrize("raw,key", [
    ({"bogus": 1}, "checks.settings.phi.bogus"),
    ({"score_threshold": 2}, "checks.settings.phi.score_threshold"),
    ({"score_threshold": "high"}, "checks.settings.phi.score_threshold"),
    ({"extra_safe_terms": "Harbor"}, "checks.settings.phi.extra_safe_terms"),
    ({"name_without_health_context": "ignore"}, "checks.settings.phi.name_without_health_context"),
])
def test_when_phi_settings_invalid_then_config_error_names_the_key(raw, key):
    with pytest.raises(ConfigError, match=re.escape(key)):
        parse_phi_settings(raw)


def test_when_check_built_from_context_then_settings_are_validated():
    with pytest.raises(ConfigError, match="checks.settings.phi.nope"):
        PhiCheck.from_context(CheckContext(config=None, settings={"nope": True}))


def test_when_profile_has_bad_phi_settings_then_build_services_refuses(analyzer, tmp_path):
    cfg = make_config(f"sqlite:///{tmp_path / 'c.db'}",
                      checks={"enabled": ["phi"], "settings": {"phi": {"score_treshold": 0.5}}})
    with pytest.raises(ConfigError, match="checks.settings.phi.score_treshold"):
        build_services(cfg, analyzer=analyzer)
