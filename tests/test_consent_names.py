"""Name keys, the matcher and the draft's own platform/consent hints: what
must match and what must not."""
import io
from datetime import date

import pytest

from bot.consent.matcher import find_mentions
from bot.consent.names import name_key, name_variants, patient_keys
from bot.consent.registry import ConsentRegistry
from bot.consent.targets import consent_references, target_platforms
from bot.db import upgrade
from sqlmodel import Session


@pytest.mark.parametrize("written,key", [
    ("Emily Carter", "emily carter"),
    ("EMILY  CARTER", "emily carter"),
    ("Émily Cartér", "emily carter"),
    ("Emily Carter's", "emily carter"),
    ("Emily Carter’s", "emily carter"),
    ("J\u043ehn Smith", "john smith"),            # Cyrillic o
    ("\u0415mily Carter", "emily carter"),        # Cyrillic capital E
    ("Ｅｍｉｌｙ Carter", "emily carter"),           # fullwidth letters
    ("Zoe\u0301 O'Brien", "zoe obrien"),          # combining accent, apostrophe
    ("Mary-Jane Watson", "mary jane watson"),
    ("Łukasz Søren", "lukasz soren"),
])
def test_when_name_is_written_differently_then_its_key_is_the_same(written, key):
    assert name_key(written) == key


def test_when_patient_is_indexed_then_names_aliases_handles_and_initials_are_keys():
    keys = patient_keys("Maria José Álvarez", ["Majo"], ["@MaJo_A"])
    assert keys == {"maria jose alvarez": "name", "maria alvarez": "name", "majo": "alias", "@majo_a": "handle",
                    "maria": "given", "m.a.": "initials", "m.j.a.": "initials", "m. alvarez": "initial_surname"}


@pytest.mark.parametrize("word,variant", [("bob", "robert"), ("robert", "bob"), ("liz", "elizabeth"),
                                          ("bill", "william")])
def test_when_word_is_a_nickname_then_its_formal_name_is_a_variant_and_back(word, variant):
    assert variant in name_variants(word)


REGISTRY = """patient_id,display_name,aliases,handles,scopes,platforms,granted_on,document_ref
P-1,Emily Rose Carter,,@emcarter,story,x,2026-01-01,d
P-2,Rose Carter,,,story,x,2026-01-01,d
P-3,Robert Nguyen,Hope,,story,x,2026-01-01,d
P-4,Emily Stone,,,story,x,2026-01-01,d
"""


@pytest.fixture
def session(engine):
    upgrade(engine)
    ConsentRegistry(engine).import_csv("officer", io.StringIO(REGISTRY))
    with Session(engine) as s:
        yield s


@pytest.mark.parametrize("text,persons,expected", [
    ("Emily Rose Carter joined us", [], [(0, 17, {"P-1"})]),                  # longest match wins over Rose Carter
    ("our friend Rose Carter", [], [(11, 22, {"P-2"})]),
    ("Bob Nguyen's journey", [], [(0, 12, {"P-3"})]),                        # nickname and possessive
    ("filmed with bob nguyens permission", [], [(12, 23, {"P-3"})]),         # possessive without its apostrophe
    ("Emily R. Carter spoke", [], [(0, 15, {"P-1"})]),                       # middle initial
    ("hi @EmCarter!", [], [(3, 12, {"P-1"})]),
    ("Emily, Carter and others", [], []),                                    # a comma splits a name
    ("we hope you are well", [], []),                                        # one-word alias outside a PERSON
    ("Hope said thanks", [(0, 4)], [(0, 4, {"P-3"})]),                        # ... inside one
    ("Emily said thanks", [(0, 5)], [(0, 5, {"P-1", "P-4"})]),                # a lone first name: ambiguous
    ("Emily Carter said thanks", [(0, 5)], [(0, 12, {"P-1"})]),              # the fuller match covers the PERSON
    ("as Emily Dickinson wrote", [(3, 18)], []),                             # a full name that is someone else's
    ("in Bob Dylan's words", [(3, 12)], []),                                 # ... its possessive past the span
    ("we miss you, @bob_dylan!", [(13, 23)], []),                            # ... a handle of a full name
    # a first name and an initial: only the registered patients whose family name starts with it
    ("Emily D. said thanks", [(0, 8)], []),
    ("Emily C. said thanks", [(0, 8)], [(0, 5, {"P-1"})]),
    ("Emily said thanks, love Emily S.", [(0, 5), (24, 32)], [(0, 5, {"P-4"}), (24, 29, {"P-4"})]),
])
def test_when_draft_mentions_patients_then_matcher_finds_the_right_spans(session, text, persons, expected):
    got = [(m.start, m.end, set(m.patient_ids)) for m in find_mentions(session, text, persons)]
    assert got == expected


def test_when_initials_are_asked_for_then_dotted_initials_match(session):
    assert find_mentions(session, "Thanks, E.R.C.!", with_initials=False) == []
    [m] = find_mentions(session, "Thanks, E.R.C.!", with_initials=True)
    assert (m.patient_ids, m.named) == (frozenset({"P-1"}), False)


@pytest.mark.parametrize("text,expected", [
    ("platform: Instagram", ("instagram",)),
    ("Platforms: facebook, twitter and LinkedIn", ("facebook", "x", "linkedin")),
    ("post to: blog", ("website",)),
    ("Join us! #Instagram #therapy", ("instagram",)),
    ("#instagrammable moments", ()),
    ("platform: myspace", ()),
    ("no hints here", ()),
])
def test_when_draft_names_platforms_then_target_platforms_finds_them(text, expected):
    assert target_platforms(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("consent: C-1042", ["C-1042"]),
    ("Consent ID: C-7\nconsent #C-8", ["C-7", "C-8"]),
    ("we value consent in therapy", []),
])
def test_when_draft_cites_consents_then_references_are_found(text, expected):
    assert [r[0] for r in consent_references(text)] == expected


def test_when_recorded_at_has_no_zone_then_it_is_stored_as_utc(engine):
    upgrade(engine)
    reg = ConsentRegistry(engine, today=lambda: date(2026, 6, 1))
    reg.import_csv("officer", io.StringIO("patient_id,display_name,scopes,platforms,granted_on,document_ref,recorded_at\n"
                                          "P-1,Ana Lima,story,x,2026-01-01,d,2026-01-02T10:00:00\n"))
    out = io.StringIO()
    reg.export_csv(out)
    assert "2026-01-02T10:00:00+00:00" in out.getvalue()
