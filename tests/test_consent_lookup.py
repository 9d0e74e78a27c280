"""The /consent look-up answer: by name, alias, nickname, handle, patient id
or consent id; ambiguous names list candidates; the text says only standing."""
import io
from datetime import date

import pytest

from bot.consent.lookup import ConsentLookup, LookupAnswer
from bot.consent.registry import ConsentRegistry
from bot.db import upgrade
from tests.test_consent_check import REGISTRY_CSV, TODAY


@pytest.fixture
def lookup(engine):
    upgrade(engine)
    ConsentRegistry(engine, today=lambda: TODAY).import_csv("officer", io.StringIO(REGISTRY_CSV))
    return ConsentLookup(engine, expiring_days=30, today=lambda: TODAY)


@pytest.mark.parametrize("query", ["P-100", "C-1042", "c-1042", "Emily Rose Carter", "emily carter", "ÉMILY CARTER",
                                   "Em", "@emcarter", "emcarter", "E.R.C.", "Em Carter", "Carter", "emily rose carter"])
def test_when_query_names_one_patient_then_answer_is_that_patient(lookup, query):
    answer = lookup.lookup(query)
    assert (answer.patient_id, answer.display_name, answer.ambiguous) == ("P-100", "Emily Rose Carter", ())


@pytest.mark.parametrize("query,scope,platform,state,on", [
    ("P-100", "testimonial", "instagram", "active", date(2027, 1, 15)),
    ("P-100", "testimonial", "x", "none", None),
    ("Bob Nguyen", "testimonial", "instagram", "expired", date(2026, 3, 1)),
    ("Zoe O'Brien", "name_use", "instagram", "withdrawn", date(2026, 4, 30)),
    ("Dana Whitfield", "story", "instagram", "expiring", date(2026, 6, 20)),
])
def test_when_looked_up_then_status_per_scope_and_platform(lookup, query, scope, platform, state, on):
    s = lookup.lookup(query).status(scope, platform)
    assert (s.state, s.on) == (state, on)


def test_when_name_is_shared_then_candidates_are_listed_not_guessed(lookup):
    answer = lookup.lookup("sam lee")
    assert not answer.found and [c.patient_id for c in answer.ambiguous] == ["P-104", "P-105"]
    assert "matches 2 patients" in answer.text() and "P-104" in answer.text()


def test_when_only_a_shared_surname_is_given_then_candidates_are_listed(lookup):
    answer = lookup.lookup("Lee")
    assert not answer.found and [c.patient_id for c in answer.ambiguous] == ["P-104", "P-105"]


@pytest.mark.parametrize("query", ["Em Whitfield", "Sam Carter", "%", "_"])
def test_when_alias_and_surname_belong_to_different_patients_then_nothing_matches(lookup, query):
    assert lookup.lookup(query) == LookupAnswer()


def test_when_nothing_matches_then_text_says_so(lookup):
    answer = lookup.lookup("Nobody Atall")
    assert answer == LookupAnswer() and "No patient" in answer.text()


def test_when_found_then_text_lists_standing_but_no_documents_or_reasons(lookup):
    text = lookup.lookup("Zoe O'Brien").text()
    assert text.startswith("*Zoë O'Brien* (P-102)")
    assert "• testimonial: instagram withdrawn 2026-04-30 (C-1045)" in text
    assert "asked to stop" not in text and "d3" not in text
    text = lookup.lookup("P-100").text()
    assert "• testimonial: facebook, instagram active until 2027-01-15 (C-1042)" in text
    assert "expires 2026-06-20" in lookup.lookup("Dana Whitfield").text()


def test_when_patient_has_no_consent_left_after_correction_then_only_the_current_row_counts(lookup, engine):
    reg = ConsentRegistry(engine, today=lambda: TODAY)
    new_id = reg.correct("officer", "C-1047", platforms=["website", "linkedin"])
    answer = lookup.lookup("Priya Shah")
    assert answer.status("story", "linkedin").consent_id == new_id
    assert {s.consent_id for s in answer.statuses} == {new_id}
