"""The shared content-kind classifier: patient kinds (testimonial, story, case
study) must be precise, because the consent check asks for a consent whenever
it sees one; general education must classify as none of them."""
from __future__ import annotations

import pytest

from bot.domain import Attachment, Draft, MessageRef
from checks.content_kind import before_after_span, classify, is_email

PATIENT_KINDS = {"testimonial", "story", "case_study"}


def draft(text: str, platforms=("instagram",), attachments=()) -> Draft:
    return Draft(text=text, author="U1", ref=MessageRef("cli", "w", "c", "m1"),
                 platforms=tuple(platforms), attachments=tuple(attachments))


@pytest.mark.parametrize("text,kind", [
    ("\"Dr. Chen gave me my life back.\" — Sarah M.", "testimonial"),
    ("\"Best decision I ever made was calling this office.\" - Kevin R.", "testimonial"),
    ("Client spotlight: meet Marcus!", "testimonial"),
    ("Here's what J.R. had to say about our group.", "testimonial"),
    ("Our client Aisha says the teen group changed everything.", "testimonial"),
    ("\"Therapy here helped me more than I can say.\"", "testimonial"),
    ("A client of mine with PTSD finally slept through the night.", "story"),
    ("A success story we were given permission to share.", "story"),
    ("Marcus Bell’s story: after a layoff, he stopped returning calls.", "story"),
    ("\"I finally feel like myself again.\" — a Harbor Light client", "testimonial"),
    ("One of the kids I work with made the soccer team.", "story"),
    ("Case study: exposure therapy for contamination OCD.", "case_study"),
    ("Case vignette from our training day.", "case_study"),
    ("\"Vulnerability is the birthplace of innovation\" — Brené Brown", "quote"),
    ("Thank you for your review. Please call our office.", "review_reply"),
    ("We're sorry to hear you were unhappy.", "review_reply"),
    ("Subject: Spring tips\nHello!", "email_marketing"),
    ("In this month's newsletter: sleep hygiene.", "email_marketing"),
    ("#TransformationTuesday", "before_after"),
    ("Before and after photos from our clinic.", "before_after"),
])
def test_when_the_wording_says_what_it_is_then_the_kind_is_found(text, kind):
    assert kind in classify(draft(text))


@pytest.mark.parametrize("text", [
    "Clients often ask how long therapy takes. It depends on your goals.",
    "When a client starts therapy, the first sessions are about goals.",
    "Every step of your healing journey matters.",
    "Here's what the research says about exercise and mood.",
    "Here's what our therapists say about sleep.",
    "\"The curious paradox is that when I accept myself just as I am, then I can change.\" — Carl Rogers",
    "We don't post testimonials, to protect everyone's privacy.",
    "The story of mental-health care in Oregon: a talk at the library.",
    "Sign up for our monthly newsletter, link in bio!",
    "Stretch before and after your workout.",
])
def test_when_the_draft_is_general_content_then_no_patient_kind_and_no_email(text):
    kinds = classify(draft(text))
    assert not kinds & PATIENT_KINDS
    assert "email_marketing" not in kinds and "before_after" not in kinds


def test_when_attachments_or_the_email_platform_are_present_then_they_decide_the_kind():
    photo = (Attachment("a.jpg", "image/jpeg"),)
    video = (Attachment("a.mp4", "video/mp4"),)
    assert {"photo"} <= classify(draft("Our new office!", attachments=photo))
    assert {"video"} <= classify(draft("Our new office!", attachments=video))
    assert "email_marketing" in classify(draft("Our new group starts Monday.", platforms=("email",)))
    assert is_email(draft("x", platforms=("email", "facebook")))
    assert not is_email(draft("x", platforms=("facebook",)))


def test_when_before_after_wording_is_about_time_then_only_a_picture_makes_it_a_result():
    text = "Breathe before and after."
    assert before_after_span(text, has_media=False) is None
    assert before_after_span(text, has_media=True) == (8, 24)


@pytest.mark.parametrize("text", [
    "Dr. Chen says sleep is the foundation of mental health.",
    "Research says exercise can ease mild depression.",
    "Our Patient Portal is live: book and pay online.",
    "Would recommend this book to any parent of a teen.",
])
def test_when_staff_research_or_practice_tools_are_named_then_it_is_not_a_testimonial(text):
    assert not classify(draft(text)) & PATIENT_KINDS


def test_when_a_case_is_declared_hypothetical_or_a_quote_is_a_question_then_no_patient_kind():
    assert "case_study" in classify(draft("Case example: a client of mine with insomnia."))
    assert not classify(draft("Case example for students: a hypothetical adult with insomnia.")) & PATIENT_KINDS
    assert not classify(draft("Ask a clinician: 'Is it normal to cry in therapy?' Yes!")) & PATIENT_KINDS
