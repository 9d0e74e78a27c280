"""ClearPost's own Presidio recognizers, one per module."""
from __future__ import annotations

from checks.phi.recognizers.account_number import AccountNumberRecognizer
from checks.phi.recognizers.age_over_89 import AgeOver89Recognizer
from checks.phi.recognizers.city_context import CityContextRecognizer
from checks.phi.recognizers.date import CalendarDateRecognizer
from checks.phi.recognizers.device_id import DeviceIdRecognizer
from checks.phi.recognizers.full_name import FullNameRecognizer
from checks.phi.recognizers.given_name import GivenNameRecognizer
from checks.phi.recognizers.handle import HandleRecognizer
from checks.phi.recognizers.hashtag_name import HashtagNameRecognizer
from checks.phi.recognizers.health_plan import HealthPlanRecognizer
from checks.phi.recognizers.human_context import HumanContextRecognizer
from checks.phi.recognizers.initials import InitialsRecognizer
from checks.phi.recognizers.license_number import LicenseNumberRecognizer
from checks.phi.recognizers.medical_record import MedicalRecordRecognizer
from checks.phi.recognizers.person_context import PersonContextRecognizer
from checks.phi.recognizers.person_verb import PersonVerbRecognizer
from checks.phi.recognizers.phone import PhoneNumberRecognizer
from checks.phi.recognizers.proper_noun import ProperNounRecognizer
from checks.phi.recognizers.public_figure import PublicFigureRecognizer
from checks.phi.recognizers.reviewer_name import ReviewerNameRecognizer
from checks.phi.recognizers.signature_name import SignatureNameRecognizer
from checks.phi.recognizers.street_address import StreetAddressRecognizer
from checks.phi.recognizers.surname_shape import SurnameShapeRecognizer
from checks.phi.recognizers.uncased_name import UncasedNameRecognizer
from checks.phi.recognizers.vehicle_id import VehicleIdRecognizer
from checks.phi.recognizers.zip_code import ZipCodeRecognizer


def clearpost_recognizers(common_words: frozenset[str] = frozenset(), proper_nouns: bool = False,
                          non_nouns: frozenset[str] = frozenset(), uncased_words: frozenset[str] | None = None) -> list:
    """Fresh instances of every ClearPost recognizer; ``proper_nouns`` adds the
    recall-over-precision reading of unknown proper nouns as names. ``uncased_words``:
    the vocabulary for words typed without capitals or in tags, where WordNet's people
    ("john", "isabella") are names (default: ``common_words``)."""
    uncased_words = common_words if uncased_words is None else uncased_words
    extra = [ProperNounRecognizer(common_words)] if proper_nouns else []
    return extra + [
        StreetAddressRecognizer(), ZipCodeRecognizer(), CityContextRecognizer(common_words), PhoneNumberRecognizer(),
        CalendarDateRecognizer(), AgeOver89Recognizer(), HandleRecognizer(), InitialsRecognizer(),
        PersonContextRecognizer(common_words), GivenNameRecognizer(common_words, uncased_words), MedicalRecordRecognizer(),
        HealthPlanRecognizer(), AccountNumberRecognizer(), LicenseNumberRecognizer(),
        VehicleIdRecognizer(), DeviceIdRecognizer(), SignatureNameRecognizer(common_words),
        SurnameShapeRecognizer(common_words), PersonVerbRecognizer(common_words), HashtagNameRecognizer(uncased_words, non_nouns),
        HumanContextRecognizer(uncased_words), PublicFigureRecognizer(), UncasedNameRecognizer(uncased_words),
        ReviewerNameRecognizer(uncased_words), FullNameRecognizer(common_words),
    ]


__all__ = ["clearpost_recognizers"]
