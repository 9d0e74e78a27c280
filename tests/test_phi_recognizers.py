"""Each ClearPost recognizer on its own: tables of texts it must find (with the
exact value reported) and texts it must leave alone."""
from __future__ import annotations

import pytest

from checks.phi.recognizers.account_number import AccountNumberRecognizer
from checks.phi.recognizers.age_over_89 import AgeOver89Recognizer
from checks.phi.recognizers.city_context import CityContextRecognizer
from checks.phi.recognizers.date import CalendarDateRecognizer
from checks.phi.recognizers.device_id import DeviceIdRecognizer
from checks.phi.recognizers.given_name import GivenNameRecognizer
from checks.phi.recognizers.handle import HandleRecognizer
from checks.phi.recognizers.health_plan import HealthPlanRecognizer
from checks.phi.recognizers.initials import InitialsRecognizer
from checks.phi.recognizers.license_number import LicenseNumberRecognizer
from checks.phi.recognizers.medical_record import MedicalRecordRecognizer
from checks.phi.recognizers.person_context import PersonContextRecognizer
from checks.phi.recognizers.person_verb import PersonVerbRecognizer
from checks.phi.recognizers.phone import PhoneNumberRecognizer
from checks.phi.recognizers.signature_name import SignatureNameRecognizer
from checks.phi.recognizers.street_address import StreetAddressRecognizer
from checks.phi.recognizers.textcase import case_style
from checks.phi.recognizers.vehicle_id import VehicleIdRecognizer
from checks.phi.recognizers.zip_code import ZipCodeRecognizer

RECOGNIZERS = {
    "address": StreetAddressRecognizer(), "zip": ZipCodeRecognizer(), "city": CityContextRecognizer(),
    "phone": PhoneNumberRecognizer(), "date": CalendarDateRecognizer(), "age": AgeOver89Recognizer(),
    "handle": HandleRecognizer(), "initials": InitialsRecognizer(), "person": PersonContextRecognizer(frozenset({"sleep", "stress", "anxiety", "topic"})),
    "given": GivenNameRecognizer(frozenset({"will", "grace", "may", "bill", "mark", "hope", "power", "notes"})),
    "signature": SignatureNameRecognizer(frozenset({"spring", "open", "house", "mental", "health", "awareness"})),
    "mrn": MedicalRecordRecognizer(), "plan": HealthPlanRecognizer(), "account": AccountNumberRecognizer(),
    "verb": PersonVerbRecognizer(frozenset({"coffee", "everyone"})),
    "license": LicenseNumberRecognizer(), "vehicle": VehicleIdRecognizer(), "device": DeviceIdRecognizer(),
}


def found(name: str, text: str) -> list[tuple[str, str]]:
    r = RECOGNIZERS[name]
    return [(x.entity_type, text[x.start:x.end]) for x in r.analyze(text, r.supported_entities, None)]


POSITIVE = [
    ("address", "Mail it to 1823 SE Belmont St, Portland, OR 97214 please", "LOCATION",
     "1823 SE Belmont St, Portland, OR 97214"),
    ("address", "She lives at 77 Oak Lane Apt 4B, Gresham now", "LOCATION", "77 Oak Lane Apt 4B, Gresham"),
    ("address", "Billing address:\n  28245 Puruntie 82 Apt. 595\n  LAPPEENRANTA\n  53650", "LOCATION",
     "28245 Puruntie 82 Apt. 595\n  LAPPEENRANTA\n  53650"),
    ("address", "Send it to PSC 4574, Box 8393\nAPO AA 81998 thanks", "LOCATION", "PSC 4574, Box 8393\nAPO AA 81998"),
    ("address", "We met at the corner of Main Street and Elm Avenue", "LOCATION",
     "the corner of Main Street and Elm Avenue"),
    ("address", "The office is on Hammarvägen 15 now", "LOCATION", "Hammarvägen 15"),
    ("address", "our new place: 2613 avenida praia 1 suite 463, mohács", "LOCATION",
     "2613 avenida praia 1 suite 463, mohács"),
    ("zip", "my zip code is 97201", "LOCATION", "97201"),
    ("city", "She grew up in Tillamook and loves the coast", "LOCATION", "Tillamook"),
    ("city", "He flew to ARENDAL on Sunday", "LOCATION", "ARENDAL"),
    ("phone", "call me at (971) 555-0183 after six", "PHONE", "(971) 555-0183"),
    ("phone", "Phone: 467 3395", "PHONE", "467 3395"),
    ("phone", "desk +46 (0)179 459 33 anytime", "PHONE", "+46 (0)179 459 33"),
    ("phone", "Fax: 503.555.0177", "FAX", "503.555.0177"),
    ("phone", "ext 345-899-3560x4587 works", "PHONE", "345-899-3560x4587"),
    ("phone", "reach the family on 28-64-66-98 office hours", "PHONE", "28-64-66-98"),
    ("verb", "Great news today. Ngozika grew up two streets from here.", "PERSON", "Ngozika"),
    ("verb", "Tavita, could you send the flyer again?", "PERSON", "Tavita"),
    ("date", "born 04/17/1961 in Ohio", "DATE", "04/17/1961"),
    ("date", "intake on March 3, 2023 went well", "DATE", "March 3, 2023"),
    ("date", "since the 12th of January 2024", "DATE", "the 12th of January 2024"),
    ("date", "logged 2015-12-22 04:34:22 by staff", "DATE", "2015-12-22 04:34:22"),
    ("age", "our 94-year-old volunteer", "AGE_OVER_89", "94"),
    ("age", "Grandma turns 101 today", "AGE_OVER_89", "101"),
    ("handle", "Thanks @sam_rivera for sharing", "HANDLE", "@sam_rivera"),
    ("initials", "client J.R. from Portland says hi", "PERSON", "J.R."),
    ("initials", "Our client M.K. finished treatment", "PERSON", "M.K."),
    ("person", "Hi, my name is Aantje Mourik", "PERSON", "Aantje Mourik"),
    ("person", "For my take on Mrs. Labrie, see below", "PERSON", "Labrie"),
    ("person", "I would like to remove my kid Tadzio from the will", "PERSON", "Tadzio"),
    ("person", "The brainchild of our 3 founders: Kónya, Becker and Vasquez.", "PERSON", "Becker"),
    ("given", "Billing address: Sophie Lang", "PERSON", "Sophie Lang"),
    ("given", "follow up with patricia desrosiers in a couple of months", "PERSON", "patricia desrosiers"),
    ("signature", "Thanks,\nGyala Antall\nCommunity Outreach", "PERSON", "Gyala Antall"),
    ("signature", "> Mijail C Adomo > Asc Partners", "PERSON", "Mijail C Adomo"),
    ("mrn", "Chart: MRN 00482913 updated", "MRN", "00482913"),
    ("mrn", "medical record number is A-55120", "MRN", "A-55120"),
    ("plan", "insurance member ID XJH482910377 rejected", "HEALTH_PLAN_ID", "XJH482910377"),
    ("plan", "Medicaid number 1234567 on file", "HEALTH_PLAN_ID", "1234567"),
    ("account", "My card 4131034282458809939 is expiring", "ACCOUNT_ID", "4131034282458809939"),
    ("account", "acct # 558-2104-77 overdue", "ACCOUNT_ID", "558-2104-77"),
    ("license", "my driver's license number is 2270-66-1551", "LICENSE_ID", "2270-66-1551"),
    ("vehicle", "VIN 1HGCM82633A004352 on the form", "VEHICLE_ID", "1HGCM82633A004352"),
    ("vehicle", "license plate 7ABC123 in the lot", "VEHICLE_ID", "7ABC123"),
    ("device", "serial number SN-48213-77A logged", "DEVICE_ID", "SN-48213-77A"),
]

NEGATIVE = [
    ("address", "I'll turn 81. I have 8 years of experience and 3 founders: Anna"),
    ("address", "The orchestra was founded in 1977. Since then it grew"),
    ("address", "Join our 5 Week Mindfulness Group starting soon"),
    ("address", "in 2004 while studying English and journalism at the University"),
    ("zip", "The zip on my bag broke"),
    ("city", "We moved to a bigger office last spring"),
    ("city", "She moved to Oregon in 2019"),
    ("city", "He flew to France for the summer"),
    ("phone", "We have 2,500 members and 120 volunteers"),
    ("phone", "Card 4131034282458809939 expires"),
    ("phone", "SSN 512-44-8821"),
    ("verb", "Coffee is from the farmers market today."),
    ("verb", "Everyone, can you bring a mat?"),
    ("verb", "our friend tavita lives nearby and grew up here"),
    ("phone", "order 2864669812 office"),
    ("phone", "On 2018-01-14 03:07:43 the office opened"),
    ("date", "We have served the community since 2009"),
    ("date", "Group meets every Wednesday"),
    ("date", "This month we focus on sleep"),
    ("date", "You may call us any time"),
    ("date", "Open at 410 Harbor View Road, Portland, OR 97201"),
    ("age", "Our volunteer is 45 years old"),
    ("age", "We raised $95 for the fund"),
    ("handle", "email hello@harborlightcounseling.com"),
    ("initials", "We are licensed in the U.S. and serve clients nationwide"),
    ("person", "Capitalized words like Wisdom and Discipline are often mistaken with names"),
    ("person", "Please call us to RSVP for the workshop"),
    ("person", "Topics: Sleep, Stress and Anxiety."),
    ("given", "Group therapy starts next Tuesday"),
    ("given", "Will Power and Grace Notes is our new workshop"),
    ("signature", "Spring Open House\nJoin us on the lawn"),
    ("signature", "Mental Health Awareness\nis every month"),
    ("signature", "Gyala Antall wrote to us today"),
    ("mrn", "the medical record is private"),
    ("plan", "our insurance policy covers telehealth"),
    ("account", "your account is ready"),
    ("license", "licensed in Oregon and Washington"),
    ("vehicle", "the license plate was muddy"),
    ("device", "the device was charging"),
]


@pytest.mark.parametrize("name,text,entity,value", POSITIVE)
def test_when_identifier_present_then_recognizer_reports_exactly_it(name, text, entity, value):
    assert (entity, value) in found(name, text)


@pytest.mark.parametrize("name,text", NEGATIVE)
def test_when_no_identifier_then_recognizer_stays_silent(name, text):
    assert found(name, text) == []


@pytest.mark.parametrize("text,style", [
    ("follow up with patricia desrosiers in a couple of months", "lower"),
    ("HUGE THANKS TO DANIEL OKAFOR FOR TRUSTING US", "upper"),
    ("Check out Olivia's art from our teen group", "mixed"),
    ("My father retired at the age of 45", "lower"),
    ("so proud of ashton today, SO brave 🦷 #AskAshton @SmileStudio", "lower"),  # tags, handles and shouting
    ("I think our patient ashton did great today", "lower"),
])
def test_when_text_has_a_case_style_then_case_style_names_it(text, style):
    assert case_style(text) == style


def test_when_recognizer_modules_listed_then_each_holds_one_documented_recognizer():
    import importlib
    import inspect
    import pkgutil

    import checks.phi.recognizers as pkg
    from presidio_analyzer import EntityRecognizer

    helpers = {"base", "textcase"}
    for mod in pkgutil.iter_modules(pkg.__path__):
        if mod.name in helpers:
            continue
        module = importlib.import_module(f"checks.phi.recognizers.{mod.name}")
        own = [c for _, c in inspect.getmembers(module, inspect.isclass)
               if issubclass(c, EntityRecognizer) and c.__module__ == module.__name__]
        assert len(own) == 1, mod.name
        assert own[0].__doc__ and module.__doc__, mod.name
        assert hasattr(own[0], "PATTERNS") and hasattr(own[0], "CONTEXT"), mod.name


def test_when_names_not_words_is_loaded_then_it_holds_capitalised_names_and_no_everyday_words():
    from checks.phi.lexicon import given_names, names_not_words
    listed = names_not_words()
    assert {"john", "isabella", "oliver", "rachel"} <= listed
    assert not {"hope", "will", "grace", "mark", "joy", "faith", "summer", "english", "christmas"} & listed
    assert listed <= given_names()
