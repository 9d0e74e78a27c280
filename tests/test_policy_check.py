"""The policy check as a whole: profile settings (strict), the registry entry,
the labelled set against the targets, and names found by the real analyzer."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.config import ConfigError
from bot.domain import Draft, MessageRef, Severity
from checks.base import Analysis, CheckContext, Entity
from checks.policy.check import PolicyCheck
from checks.policy.rules import RULES
from checks.registry import build_checks

DATA = Path(__file__).parent / "data" / "policy_posts.jsonl"
CLAIM = "Our program is guaranteed to cure anxiety!"


def draft(text: str, platforms=("instagram",)) -> Draft:
    return Draft(text=text, author="U1", ref=MessageRef("cli", "w", "c", "m1"), platforms=tuple(platforms))


MODEL = "policy.patient_disclosure"  # the learned rule: tested in test_disclosure_model.py, not with wording rules


def wording(findings):
    return [f for f in findings if f.code != MODEL]


def codes(check: PolicyCheck, text: str, platforms=("instagram",), analysis=Analysis()) -> list[str]:
    return [f.code for f in wording(check.run(draft(text, platforms), analysis))]


def test_when_no_settings_then_every_rule_runs_with_its_default_severity():
    check = PolicyCheck.from_settings({})
    assert [r.name for r in check.rules] == list(RULES)
    [f] = wording(check.run(draft(CLAIM), Analysis()))
    assert f.code == "policy.outcome_claims" and f.severity == Severity.BLOCK


def test_when_a_rule_is_disabled_then_it_never_reports():
    check = PolicyCheck.from_settings({"rules": {"outcome_claims": {"enabled": False}}})
    assert "outcome_claims" not in [r.name for r in check.rules]
    assert codes(check, CLAIM) == []


def test_when_a_severity_is_overridden_then_findings_carry_it():
    check = PolicyCheck.from_settings({"rules": {"outcome_claims": {"severity": "warn"}}})
    [f] = wording(check.run(draft(CLAIM), Analysis()))
    assert f.severity == Severity.WARN


def test_when_extra_patterns_are_configured_then_the_rule_also_fires_on_them():
    text = "Our warrior of the week beat the odds!"
    assert codes(PolicyCheck.from_settings({}), text) == []
    check = PolicyCheck.from_settings({"rules": {"case_details": {"extra_patterns": [r"\bwarrior of the week\b"]}}})
    assert codes(check, text) == ["policy.case_details"]


def test_when_ignore_patterns_cover_the_hit_then_the_rule_stays_quiet():
    text = "Results guaranteed to make you smile: our new waiting-room playlist."
    assert codes(PolicyCheck.from_settings({}), text) == ["policy.outcome_claims"]
    check = PolicyCheck.from_settings({"rules": {"outcome_claims": {"ignore_patterns": [r"waiting-room playlist"]}}})
    assert codes(check, text) == ["policy.outcome_claims"]  # the hit is elsewhere: still reported
    check = PolicyCheck.from_settings({"rules": {"outcome_claims": {"ignore_patterns": [r"results guaranteed"]}}})
    assert codes(check, text) == []


@pytest.mark.parametrize("settings,key", [
    ({"rules": {"foo": {"enabled": False}}}, "checks.settings.policy.rules.foo: unknown rule; known: case_details"),
    ({"rules": {"review_reply": {"severity": "loud"}}}, "checks.settings.policy.rules.review_reply.severity"),
    ({"rules": {"review_reply": {"enabeld": False}}}, "checks.settings.policy.rules.review_reply.enabeld: unknown key"),
    ({"rules": {"review_reply": {"enabled": "no"}}}, "checks.settings.policy.rules.review_reply.enabled"),
    ({"rules": {"case_details": {"extra_patterns": ["(unclosed"]}}}, "checks.settings.policy.rules.case_details.extra_patterns"),
    ({"rules": {"case_details": {"extra_patterns": [" "]}}}, "checks.settings.policy.rules.case_details.extra_patterns"),
    ({"rule": {}}, "checks.settings.policy.rule: unknown key"),
    ({"rules": ["outcome_claims"]}, "checks.settings.policy.rules"),
])
def test_when_settings_are_invalid_then_config_error_names_the_key(settings, key):
    with pytest.raises(ConfigError) as e:
        PolicyCheck.from_settings(settings)
    assert str(e.value).startswith(key)


def test_when_registered_then_the_factory_reads_its_settings_from_the_context():
    [check] = build_checks(["policy"], lambda name: CheckContext(
        config=None, settings={"rules": {"outcome_claims": {"enabled": False}}}))
    assert isinstance(check, PolicyCheck) and check.name == "policy"
    assert codes(check, CLAIM) == []
    with pytest.raises(ConfigError, match="rules.nope: unknown rule"):
        build_checks(["policy"], lambda name: CheckContext(config=None, settings={"rules": {"nope": {}}}))


def test_when_the_draft_is_general_education_then_no_rule_fires():
    check = PolicyCheck.from_settings({})
    text = ("May is Mental Health Awareness Month. Anxiety affects 1 in 5 adults; try box breathing, "
            "and join our free workshop on stress May 14. Resources: 988, NAMI HelpLine.")
    assert check.run(draft(text), Analysis()) == []


def _labelled():
    return [json.loads(line) for line in DATA.read_text().splitlines() if line.strip()]


def test_when_the_labelled_set_is_loaded_then_it_covers_every_rule_and_both_classes():
    posts = _labelled()
    violating = [p for p in posts if p["expected_rules"]]
    clean = [p for p in posts if not p["expected_rules"]]
    assert len(violating) >= 40 and len(clean) >= 40
    assert len({p["id"] for p in posts}) == len(posts)
    covered = {r for p in violating for r in p["expected_rules"]}
    # (the model learns from its own data; records_in_picture needs an attached photo, which this text-only set
    # cannot carry: tests/test_policy_rules.py RECORDS_IN_PICTURE covers it)
    assert covered == set(RULES) - {MODEL.removeprefix("policy."), "records_in_picture"}
    for p in posts:
        assert set(p) == {"id", "text", "platforms", "expected_rules"}


def test_when_the_labelled_set_runs_then_recall_and_false_alarms_meet_the_targets():
    check = PolicyCheck.from_settings({})
    expected = found = 0
    false_alarms = 0
    posts = _labelled()
    for p in posts:
        fired = {c.removeprefix("policy.") for c in codes(check, p["text"], p["platforms"])}
        want = set(p["expected_rules"])
        expected += len(want)
        found += len(want & fired)
        false_alarms += bool(fired) and not want
    clean = sum(1 for p in posts if not p["expected_rules"])
    assert found / expected >= 0.95
    assert false_alarms / clean <= 0.05


def test_when_presidio_finds_a_full_name_then_a_testimonial_is_identifiable(analyzer):
    check = PolicyCheck.from_settings({})
    text = "\"Therapy here helped me more than I can say.\" Thank you for sharing your journey, Jennifer Hollis."
    assert "policy.identifiable_testimonial" in codes(check, text, analysis=analyzer.analyze(text))
    anonymous = "\"Therapy here helped me more than I can say.\" Shared with permission by a client."
    assert "policy.identifiable_testimonial" not in codes(check, anonymous, analysis=analyzer.analyze(anonymous))


def test_when_presidio_finds_a_name_addressed_about_their_meds_then_patient_communication_fires(analyzer):
    check = PolicyCheck.from_settings({})
    text = "So glad to hear from you, Jennifer Hollis. Hope your new medication is helping!"
    assert "policy.patient_communication" in codes(check, text, analysis=analyzer.analyze(text))
    staff = "Congratulations to Maya Chen on her new certification in perinatal mental health!"
    assert codes(check, staff, analysis=analyzer.analyze(staff)) == []


@pytest.mark.parametrize("text,name,expected", [
    ("Burnout isn't a personal failure. It's a signal that something in your environment needs to change.",
     "Burnout", False),  # the model sometimes tags a capitalised subject as a name
    ("Jane, hope your new medication is helping!", "Jane", True),
    ("So glad to hear from you, Jane. Hope your new medication is helping!", "Jane", True),
    ("Read what Jane wrote about how your medication works.", "Jane", False),
])
def test_when_a_person_span_is_vocative_then_it_counts_as_addressed(text, name, expected):
    start = text.index(name)
    analysis = Analysis(entities=(Entity("PERSON", start, start + len(name), 0.85),))
    assert ("policy.patient_communication" in codes(PolicyCheck.from_settings({}), text, analysis=analysis)) is expected


def test_when_a_name_is_the_author_not_the_addressee_then_advice_rules_stay_quiet(analyzer):
    check = PolicyCheck.from_settings({})
    text = "Book club pick: Maybe You Should Talk to Someone by Lori Gottlieb, a therapist's memoir about therapy."
    analysis = analyzer.analyze(text)
    assert analysis.of_type("PERSON")  # the name is found...
    assert codes(check, text, analysis=analysis) == []  # ...but nobody is being advised
