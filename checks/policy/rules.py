"""The list of policy rules, in report order: adding a rule is one module plus one line here."""
from __future__ import annotations

from checks.policy.base import Rule
from checks.policy.before_after import BeforeAfter
from checks.policy.case_details import CaseDetails
from checks.policy.client_list import ClientList
from checks.policy.email_marketing import EmailMarketing
from checks.policy.indirect_identification import IndirectIdentification
from checks.policy.individual_advice import IndividualAdvice
from checks.policy.outcome_claims import OutcomeClaims
from checks.policy.patient_communication import PatientCommunication
from checks.policy.patient_disclosure import PatientDisclosure
from checks.policy.records_in_picture import RecordsInPicture
from checks.policy.review_reply import ReviewReply
from checks.policy.session_content import SessionContent
from checks.policy.testimonial import IdentifiableTestimonial

RULES: dict[str, type[Rule]] = {r.name: r for r in (
    CaseDetails,
    BeforeAfter,
    IdentifiableTestimonial,
    PatientCommunication,
    ReviewReply,
    OutcomeClaims,
    IndividualAdvice,
    SessionContent,
    EmailMarketing,
    PatientDisclosure,
    IndirectIdentification,
    ClientList,
    RecordsInPicture,
)}
