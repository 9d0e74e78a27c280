"""The consent check, branch by branch, on a real registry database and the
real Presidio analysis (SQLite, and PostgreSQL when DATABASE_URL is set)."""
import asyncio
import io
import re
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest

from bot.config import ConfigError
from bot.consent.registry import ConsentRegistry
from bot.consent.settings import ConsentSettings
from bot.db import upgrade
from bot.domain import Attachment, Draft, MessageRef, Severity
from checks.base import CheckContext
from checks.consent import ConsentCheck

TODAY = date(2026, 6, 1)
REGISTRY_CSV = """consent_id,patient_id,display_name,aliases,handles,scopes,platforms,granted_on,expires_on,withdrawn_on,withdrawn_reason,document_ref
C-1042,P-100,Emily Rose Carter,Em,@emcarter,testimonial;name_use;photo,instagram;facebook,2026-01-15,2027-01-15,,,d1
C-1044,P-101,Robert Nguyen,,@rob.nguyen,testimonial;name_use,instagram,2025-03-01,2026-03-01,,,d2
C-1045,P-102,Zoë O'Brien,,,testimonial;name_use,instagram,2026-01-01,,2026-04-30,asked to stop,d3
C-1046,P-103,Dana Whitfield,,,testimonial;story;name_use,instagram,2026-01-01,2026-06-20,,,d4
C-3001,P-104,Sam Lee,,,testimonial;name_use,instagram,2026-01-01,,,,d5
C-3002,P-105,Sam Lee,,,testimonial;name_use,instagram,2026-01-01,,,,d6
C-1047,P-106,Priya Shah,,,story,website,2026-01-01,,,,d7
C-2000,P-107,Jordan Mills,,,testimonial;story,instagram,2026-01-01,,,,d8
"""
NAMES = ("Emily", "Carter", "Robert", "Nguyen", "Bob", "Zo", "Brien", "Dana", "Whitfield", "Sam", "Lee",
         "Priya", "Shah", "Jordan", "Mills", "Marcus", "Bellweather", "emcarter")


@pytest.fixture
def registry_engine(engine):
    upgrade(engine)
    ConsentRegistry(engine, today=lambda: TODAY).import_csv("officer", io.StringIO(REGISTRY_CSV))
    return engine


@pytest.fixture
def check(registry_engine):
    return ConsentCheck(registry_engine, ConsentSettings(), today=lambda: TODAY)


def draft(text: str, platforms=("instagram",), attachments=()) -> Draft:
    return Draft(text=text, author="U1", ref=MessageRef("cli", "w", "c", "m"), platforms=tuple(platforms),
                 attachments=tuple(attachments))


def run(check, analyzer, text, **kw):
    d = draft(text, **kw)
    return check.run(d, analyzer.analyze(d.text))


CASES = [
    # (id, text, platforms, expected [(code, severity)], message fragment)
    ("covered", "Testimonial from Emily Rose Carter: \"Therapy here changed my whole year.\"", ("instagram",),
     [("consent.ok", Severity.INFO)], "consent C-1042 covers name_use, testimonial on instagram"),
    ("other platform", "Testimonial from Emily Rose Carter: \"Therapy here changed my whole year.\"", ("x",),
     [("consent.missing", Severity.BLOCK)], "no written authorization on file for name_use, testimonial on x"),
    ("expired", "Testimonial from Robert Nguyen: \"I learned to breathe again.\"", ("instagram",),
     [("consent.expired", Severity.BLOCK)], "consent C-1044 for name_use, testimonial on instagram expired on 2026-03-01"),
    ("nickname", "Testimonial from bob nguyen: \"I learned to breathe again.\"", ("instagram",),
     [("consent.expired", Severity.BLOCK)], "(P-101)"),
    ("withdrawn, accents and possessive", "ZOE OBRIEN's testimonial: \"Worth every minute of it.\"", ("instagram",),
     [("consent.withdrawn", Severity.BLOCK)], "withdrawn on 2026-04-30"),
    ("expiring", "Testimonial from Dana Whitfield: \"Kind, patient and practical.\"", ("instagram",),
     [("consent.expiring", Severity.WARN)], "consent C-1046 expires on 2026-06-20"),
    ("ambiguous", "Testimonial from Sam Lee: \"I would recommend them to anyone.\"", ("instagram",),
     [("consent.ambiguous", Severity.BLOCK)], "matches 2 patients in the registry (P-104, P-105)"),
    ("ambiguity settled by a cited consent", "Testimonial from Sam Lee: \"I would recommend them.\"\nconsent: C-3002",
     ("instagram",), [("consent.ok", Severity.INFO)], "(P-105): consent C-3002"),
    # an anonymous testimonial identifies nobody: the officer confirms its authorization
    ("anonymous without reference", "A client testimonial: \"I finally feel heard here.\"", ("instagram",),
     [("consent.reference_missing", Severity.WARN)], "no patient is named and no consent is cited"),
    # an anonymous story still tells someone's case: it needs its consent cited
    ("anonymous story without reference", "A client's success story, in full on our blog.", ("instagram",),
     [("consent.reference_missing", Severity.BLOCK)], "reads as a story about a patient"),
    ("anonymous with reference", "A client testimonial: \"I finally feel heard here.\"\nconsent: C-2000", ("instagram",),
     [("consent.ok", Severity.INFO)], "the patient of the cited consent (P-107): consent C-2000"),
    ("unknown reference", "A client testimonial: \"I finally feel heard here.\"\nconsent: C-9999", ("instagram",),
     [("consent.reference_unknown", Severity.BLOCK)], "the cited consent is not in the registry"),
    ("unknown person", "Testimonial from Marcus Bellweather: \"They really listened to me.\"", ("instagram",),
     [("consent.unknown_person", Severity.BLOCK)], "this person is not in the consent registry"),
    ("named outside patient content needs name_use", "Happy birthday to Emily Carter from all of us!", ("x",),
     [("consent.missing", Severity.BLOCK)], "no written authorization on file for name_use on x"),
    ("story scope missing", "Priya Shah's success story, in her words, on our blog.", ("instagram",),
     [("consent.missing", Severity.BLOCK)], "(P-106): no written authorization on file for name_use, story"),
    ("no platform", "Testimonial from Emily Rose Carter: \"Therapy here changed my whole year.\"", (),
     [("consent.platform_unknown", Severity.BLOCK)], "names no target platform"),
    ("platform line", "Testimonial from Emily Rose Carter: \"Changed my whole year.\"\nplatform: Facebook", (),
     [("consent.ok", Severity.INFO)], "on facebook"),
    ("hashtag adds a platform", "Testimonial from Emily Rose Carter: \"Changed my whole year.\" #tiktok", ("instagram",),
     [("consent.missing", Severity.BLOCK)], "testimonial on tiktok"),
    ("handle", "Thank you @EmCarter for the testimonial!", ("instagram",), [("consent.ok", Severity.INFO)], "(P-100)"),
    ("homoglyph handle", "Thank you @\u0415mCarter for the testimonial!", ("instagram",),
     [("consent.ok", Severity.INFO)], "(P-100)"),
    ("homoglyph name", "Testimonial from Emily C\u0430rter: \"Changed my whole year.\"", ("x",),
     [("consent.missing", Severity.BLOCK)], "(P-100)"),
    ("initials", "Testimonial from E.R.C.: \"Changed my whole year.\"", ("instagram",),
     [("consent.ok", Severity.INFO)], "consent C-1042 covers name_use, testimonial on instagram"),
    ("no patient, no patient content", "Five grounding techniques to try when anxiety spikes.", ("instagram",), [], ""),
]


@pytest.mark.parametrize("name,text,platforms,expected,fragment", CASES, ids=[c[0] for c in CASES])
def test_when_draft_then_one_finding_per_patient_with_the_decision(check, analyzer, name, text, platforms,
                                                                     expected, fragment):
    findings = run(check, analyzer, text, platforms=platforms)
    assert [(f.code, f.severity) for f in findings] == expected, [f.message for f in findings]
    if fragment:
        assert fragment in findings[0].message
    for f in findings:
        leaked = [n for n in NAMES if re.search(rf"\b{n}", f.message + (f.suggestion or ""), re.IGNORECASE)]
        assert not leaked, f.message


def test_when_photo_attached_then_photo_scope_is_needed_too(check, analyzer):
    text = "Testimonial from Robert Nguyen: \"I learned to breathe again.\""
    photo = Attachment("smile.jpg", "image/jpeg")
    findings = run(check, analyzer, text.replace("Robert Nguyen", "Emily Rose Carter"), attachments=[photo])
    assert [f.code for f in findings] == ["consent.ok"] and "photo" in findings[0].message
    findings = run(check, analyzer, "Emily Carter on her first day with the team!", attachments=[photo],
                   platforms=("facebook",))
    assert [f.code for f in findings] == ["consent.ok"]


def test_when_same_patient_named_twice_then_one_finding_at_the_first_mention(check, analyzer):
    text = "Testimonial from Emily Rose Carter: \"Thanks!\" Emily Carter has been with us a year. @emcarter"
    findings = run(check, analyzer, text)
    assert len(findings) == 1 and (findings[0].start, findings[0].end) == (17, 34)


def test_when_expiring_days_setting_is_smaller_then_a_later_expiry_is_fine(registry_engine, analyzer):
    check = ConsentCheck(registry_engine, ConsentSettings(expiring_days=10), today=lambda: TODAY)
    findings = run(check, analyzer, "Testimonial from Dana Whitfield: \"Kind, patient and practical.\"")
    assert [f.code for f in findings] == ["consent.ok"]


@pytest.mark.parametrize("settings,key", [
    ({"expiring_days": -1}, "checks.settings.consent.expiring_days"),
    ({"expiring_days": "30"}, "checks.settings.consent.expiring_days"),
    ({"expire_days": 30}, "checks.settings.consent.expire_days: unknown key"),
    ({"require_name_use": "yes"}, "checks.settings.consent.require_name_use"),
])
def test_when_settings_are_invalid_then_config_error_names_the_key(settings, key):
    with pytest.raises(ConfigError, match=re.escape(key)):
        ConsentCheck.from_context(CheckContext(config=None, engine=object(), settings=settings))


def test_when_run_from_many_threads_then_every_result_is_the_same(check, analyzer):
    texts = [c[1] for c in CASES]
    analyses = [analyzer.analyze(t) for t in texts]
    expected = [check.run(draft(t), a) for t, a in zip(texts, analyses)]
    with ThreadPoolExecutor(8) as pool:
        for _ in range(3):
            got = list(pool.map(lambda ta: check.run(draft(ta[0]), ta[1]), zip(texts, analyses)))
            assert got == expected


def test_when_the_registry_changes_then_the_next_run_sees_it(check, registry_engine, analyzer):
    text = "Testimonial from Marcus Bellweather: \"They really listened to me.\""
    assert [f.code for f in run(check, analyzer, text)] == ["consent.unknown_person"]
    ConsentRegistry(registry_engine, today=lambda: TODAY).grant(
        "officer", patient="Marcus Bellweather", scopes=["testimonial", "name_use"], platforms=["instagram"],
        document_ref="d9")
    assert [f.code for f in run(check, analyzer, text)] == ["consent.ok"]


def test_when_enabled_in_the_profile_then_the_pipeline_runs_it_and_services_look_up(db_url, analyzer):
    from bot.app import build_services
    from tests.conftest import make_config
    cfg = make_config(db_url, checks={"enabled": ["phi", "consent"], "settings": {"consent": {"expiring_days": 10}}})
    services = build_services(cfg, analyzer=analyzer)
    try:
        ConsentRegistry(services.engine).import_csv("officer", io.StringIO(REGISTRY_CSV.replace("2027-01-15", "2099-01-15")))
        result = asyncio.run(services.pipeline.run(draft(
            "Testimonial from Emily Rose Carter: \"Therapy here changed my whole year.\"")))
        consent = [f for f in result.findings if f.check == "consent"]
        assert [f.code for f in consent] == ["consent.ok"] and not result.failed
        assert services.consents.lookup("@emcarter").patient_id == "P-100"
        assert services.consents.expiring_days == 10
    finally:
        services.pipeline.close()
        services.engine.dispose()


def test_when_profile_settings_are_invalid_then_start_up_names_the_key(db_url, analyzer):
    from bot.app import build_services
    from tests.conftest import make_config
    cfg = make_config(db_url, checks={"enabled": ["phi", "consent"], "settings": {"consent": {"expiring": 10}}})
    with pytest.raises(ConfigError, match=r"checks\.settings\.consent\.expiring: unknown key"):
        build_services(cfg, analyzer=analyzer)


def test_when_a_patient_shares_a_staff_name_then_staff_mentions_are_not_patients(registry_engine, analyzer):
    ConsentRegistry(registry_engine, today=lambda: TODAY).grant(
        "officer", patient="Maya Chen", scopes=["story"], platforms=["x"], document_ref="d")
    text = "Dr. Maya Chen will host a free workshop on sleep next Tuesday."
    plain = ConsentCheck(registry_engine, ConsentSettings(), today=lambda: TODAY)
    assert [f.code for f in run(plain, analyzer, text)] == ["consent.missing"]
    aware = ConsentCheck(registry_engine, ConsentSettings(), today=lambda: TODAY,
                         staff_names=["Harbor Light Counseling", "Dr. Maya Chen"])
    assert run(aware, analyzer, text) == []
