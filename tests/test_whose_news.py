"""Who a detail is about, where no name settles it: a client singled out by role and
place, the writer's or a colleague's own news, and the practice's own contact details."""
from __future__ import annotations

import pytest

from bot.evaluation.harness import draft_of
from checks.base import Analysis
from checks.policy.rules import RULES
from checks.reading import CARE_CONTEXT, read
from checks.roles import Role, role_of, staff_first_names

COLLEAGUES = staff_first_names(["Dr. Maya Chen", "Jordan Alvarez, LCSW", "Priya Raman"])

INDIRECT = [
    # one person, narrowed by a named school / employer / grade, tied to care here
    ("Shoutout to the Roosevelt High JV volleyball coach who has been coming to see us since August. You know who you are!", True),
    ("So proud of a certain Franklin High 4th grade teacher who finished her last session with us today.", True),
    ("Spent most of this week supporting a charge nurse at Legacy Emanuel through a really hard loss.", True),
    ("To the 8th grader at Sellwood Middle: we've watched you do the hard work on yourself all year.", True),
    # the same vocabulary without a client, or without anything that narrows it down
    ("Shoutout to all the teachers at Roosevelt High: we are hosting a free stress workshop for you on Friday.", False),
    ("So proud of the teacher who came to see us this year. You know who you are!", False),
    ("Welcome our new hygienist Sam, a former Franklin High teacher, to the team!", False),
    ("The Roosevelt High coach told reporters his therapy sessions helped him through the season.", False),
    ("Happy 4th to our favorite firefighter from Station 9, glad the burns healed up!", True),
]


@pytest.mark.parametrize("text,expected", INDIRECT)
def test_when_one_person_is_narrowed_down_and_tied_to_care_then_indirect_identification_fires(text, expected):
    assert (RULES["indirect_identification"]().check(draft_of({"text": text}), Analysis()) is not None) is expected


OWN_NEWS = [
    "Three years ago I was diagnosed with panic disorder, and my own therapist helped me through it.",
    "i threw my back out moving a couch last weekend and i'm doing my own rehab exercises now.",
    "Our office manager Priya is having knee surgery next week and will be out until the 20th.",
]
SOMEONE_ELSES = [
    "I was so proud when my 4pm finally told me she was diagnosed with panic disorder.",
    "I sat with a mom today whose son was just diagnosed with panic disorder.",
    "Priya says your knee surgery went well and she will see you at your next appointment.",
]


def _own(analyzer, text):
    from checks.disclosure.model import sentences
    from checks.reading import roles_of
    from checks.subjects import own_news
    analysis = analyzer.analyze(text)
    return own_news(text, sentences(text), analysis.entities, roles_of(text, analysis, COLLEAGUES),
                    lambda w: w.casefold() in COLLEAGUES)


@pytest.mark.parametrize("text", OWN_NEWS)
def test_when_the_writer_or_a_colleague_tells_their_own_health_news_then_it_is_not_about_care(analyzer, text):
    assert all(_own(analyzer, text))
    care = read(draft_of({"text": text}), analyzer.analyze(text), staff_first_names=COLLEAGUES).sentences
    assert max(s.probability for s in care) < CARE_CONTEXT


# eleventh session: a colleague cheered as "you" right after their news is still their news; a colleague the
# practice cares for is a patient too
OWN_NEWS_YOU = "Congrats to our hygienist Dana Ruiz, RDH, on her new anesthesia permit! So proud of you!!"
COLLEAGUE_CARED_FOR = "Shoutout to our own Kayla from the front desk, who has been coming to us for her knee rehab!"
ONE_OF_A_GROUP = "One of the welders in my Monday anger group finally talked about his brother."
# a colleague's presence does not make a child's checkup the colleague's news
CHECKUP_WITH_COLLEAGUE = "Happy 1st birthday to Baby Noor! Here for his 12-month checkup today with Dr. Ortega."


def test_when_a_colleague_is_cheered_as_you_after_their_news_then_it_stays_their_news(analyzer):
    assert all(_own(analyzer, OWN_NEWS_YOU))


def test_when_the_practice_cares_for_a_colleague_then_it_is_not_their_own_news(analyzer):
    assert not any(_own(analyzer, COLLEAGUE_CARED_FOR))


def test_when_the_writer_tells_of_one_of_a_group_then_it_is_not_their_own_news(analyzer):
    assert not any(_own(analyzer, ONE_OF_A_GROUP))


def test_when_a_colleague_gives_someone_care_then_it_is_not_the_colleagues_news(analyzer):
    assert not _own(analyzer, CHECKUP_WITH_COLLEAGUE)[-1]


# sentences whose "you" is every reader: a closure's farewell, "anyone with", a question to every follower, a
# mailing's "if you ... today" (signed with a job title, which is no one addressed)
AT_LARGE = [
    ("Office closed Nov 27–28 for Thanksgiving. See you all after the holidays!", "See you all"),
    ("Free balance screenings Saturday at the library. Especially helpful for anyone with neuropathy.", "Especially"),
    ("Loved the state OT conference. Anyone else go? What session was your favorite?", "What session"),
    ("Subject: Our phone line was down\n\nHi all,\nIf you left a message, we are returning every call today."
     "\n\nMaria Lopez, Office Manager\n\nUnsubscribe any time.", "If you left"),
    ("heads up: our phone line is down this morning. please use the portal instead. sorry for the trouble!", "sorry"),
    ("congrats to all our spring grads from the teen group 🎓 no names (privacy!) but we're proud of every one of u",
     "but we're"),
    ("Did you know? Under HIPAA you have the right to ask for a copy of your records.", "Under HIPAA"),
    ("Tip Tuesday: ice a fresh sprain for 15 minutes. Swelling that keeps you off your feet? Get it checked.", "Swelling"),
]


@pytest.mark.parametrize("text,sentence", AT_LARGE)
def test_when_a_sentence_speaks_to_every_reader_then_its_you_is_anyone(analyzer, text, sentence):
    from checks.disclosure.model import sentences
    from checks.policy.addressee import Addressees
    from checks.reading import roles_of
    from checks.subjects import readers_at_large
    analysis = analyzer.analyze(text)
    bounds = sentences(text)
    anyone = readers_at_large(text, bounds, analysis.entities, roles_of(text, analysis),
                              replying=bool(Addressees().find(text, analysis)))
    at = text.index(sentence)
    assert [a for (s, e), a in zip(bounds, anyone) if s <= at < e] == [True]


@pytest.mark.parametrize("text", SOMEONE_ELSES)
def test_when_first_person_news_points_at_someone_else_then_it_is_not_capped(analyzer, text):
    assert not any(_own(analyzer, text))


CONTACTS = [
    ("Questions? Our practice manager, Lynn, would love to talk: (971) 555-0132.", "(971) 555-0132", Role.PRACTICE),
    ("If you'd like to talk it through, our clinic director picks up at (503) 555-0177.", "(503) 555-0177", Role.PRACTICE),
    ("Email hello@brightpath.com and we'll reply Monday.", "hello@brightpath.com", Role.PRACTICE),
    ("Please call our front desk at 503-555-0190 to book.", "503-555-0190", Role.PRACTICE),
    ("We tried calling you at 503-555-0190 twice about your balance.", "503-555-0190", Role.UNKNOWN),
    ("Her number is 503-555-0190 if anyone wants to send flowers after her surgery.", "503-555-0190", Role.UNKNOWN),
]


@pytest.mark.parametrize("text,value,role", CONTACTS, ids=[c[1] + "-" + c[2].value for c in CONTACTS])
def test_when_a_post_hands_readers_a_contact_then_it_is_the_practices_own(analyzer, text, value, role):
    start = text.index(value)
    entity = next(e for e in analyzer.analyze(text).entities if e.start <= start < e.end)
    assert role_of(text, entity) == role


@pytest.mark.parametrize("text,value", [
    ("Dr. Ben here 👋 quick tip about posture at your desk.", "Ben"),
    ("yes that's me, Kayla, your nurse injector, showing my own results.", "Kayla"),
])
def test_when_the_writer_introduces_themselves_then_their_name_is_staff(analyzer, text, value):
    start = text.index(value)
    entity = next(e for e in analyzer.analyze(text).entities if e.start <= start < e.end)
    assert role_of(text, entity) == Role.STAFF


@pytest.mark.parametrize("text,when", [
    ("[scheduled for Thu 2027-05-20]\nThank you, Jasmine!", "2027-05-20"),
    ("(scheduled post · goes live Wed 8/4/2027 9:00am)", "2027-08-04"),
    ("Scheduling this one for Aug 3, 2027 ☀️", "2027-08-03"),
    ("Posting on March 3 once the clinic reopens.", "2027-03-03"),
    ("We were founded on 2019-05-20.", None),
])
def test_when_a_draft_says_when_it_goes_live_then_that_day_is_read(text, when):
    from datetime import date
    from bot.consent.targets import scheduled_date
    got = scheduled_date(text, date(2026, 12, 4))
    assert (got.isoformat() if got else None) == when


@pytest.mark.parametrize("text", [
    "POV: a (totally made-up, not a real person) client says “i'm fine” for the 4th week in a row",
    "The following is a fictional composite. It does not describe any real person. Sam skipped dinners for a year.",
    "Imagine a client we'll call Sam. Sam books a first appointment because he can't sleep.",
    "A lot of people start therapy saying nothing is wrong. (A theme we hear often, not any one client's story.)",
])
def test_when_a_draft_says_its_case_is_made_up_then_no_sentence_reads_as_someones_care(analyzer, text):
    care = read(draft_of({"text": text}), analyzer.analyze(text)).sentences
    assert max(s.probability for s in care) < CARE_CONTEXT


def test_when_a_case_is_said_not_to_be_hypothetical_then_it_is_not_made_up():
    from checks.roles import invented_case
    assert not invented_case("This is not a hypothetical: our client told us she finally slept.")


@pytest.mark.parametrize("text,blocks", [
    ("Cozy Friday in the waiting room, even got a candid of two of our regulars this morning!", True),
    ("shoutout to our 2pm for being a good sport about photobombing 😅", True),
    ("Our Thursday teen group took on Forest Park this weekend!", True),
    ("Our group room got new chairs this weekend!", False),
    ("new plants in the lobby!! snapped this morning before anyone came in", False),
])
def test_when_a_photo_post_says_clients_are_in_it_then_the_photo_blocks(text, blocks):
    from checks.subjects import clients_present
    assert clients_present(text) is blocks


@pytest.mark.parametrize("text,value,role", [
    # (a shop known by name is no name at all: "Powell's" is in the brand list since the eighteenth session)
    ("Author talk at Walker's on Hawthorne this Sunday.", "Walker", Role.ORGANISATION),
    ("We had the best time at Sarah's birthday after her surgery.", "Sarah", Role.UNKNOWN),
    ("Today our peer support specialist Tanya celebrates ten years with us.", "Tanya", Role.STAFF),
    ("Before and after: Brittany's forehead lines after one round of Botox with our injector!", "Brittany",
     Role.UNKNOWN),
    ("Welcome back Mr. Robinson! 6 weeks post-op on that knee.", "Robinson", Role.UNKNOWN),
])
def test_when_a_name_sits_next_to_a_shop_or_a_job_then_its_role_follows(analyzer, text, value, role):
    start = text.index(value)
    entity = next(e for e in analyzer.analyze(text).entities if e.start <= start < e.end)
    assert role_of(text, entity) == role


def test_when_last_nights_group_is_pictured_then_clients_are_present():
    from checks.subjects import clients_present
    assert clients_present("last night's teen anxiety group did a paint night, look at these masterpieces")
    assert not clients_present("Our anxiety group starts Monday; call to sign up.")


# a named school or a grade survives lower case; a bare employer name ("legacy emanuel") does not (yet)
@pytest.mark.parametrize("text", [t for t, expected in INDIRECT if expected and "Legacy" not in t])
def test_when_an_indirect_identification_is_typed_in_lower_case_then_it_still_fires(text):
    assert RULES["indirect_identification"]().check(draft_of({"text": text.lower()}), Analysis()) is not None


def test_when_a_hashtag_spells_a_quoted_public_figure_then_it_is_theirs(analyzer):
    from checks.reading import roles_of
    text = "“Anything that’s human is mentionable.” — Fred Rogers\n\nI return to this line often. #therapy #fredrogers"
    analysis = analyzer.analyze(text)
    tag = next(e for e in analysis.entities if text[e.start:e.end] == "#fredrogers")
    assert roles_of(text, analysis)[analysis.entities.index(tag)] == Role.PUBLIC


@pytest.mark.parametrize("text,expected", [
    ("to the person who swears they floss daily (thursday 3pm, we saw your gums, you know who you are 😂)", True),
    ("shoutout to whoever left the cookies at the front desk, you know who you are!", False),
])
def test_when_an_unnamed_reader_is_picked_out_next_to_a_slot_or_care_then_it_fires(text, expected):
    assert (RULES["indirect_identification"]().check(draft_of({"text": text}), Analysis()) is not None) is expected


def test_when_a_case_is_declared_made_up_then_its_case_findings_only_warn():
    from bot.domain import Finding, Severity
    from checks.decision import decide
    found = [Finding("policy", "policy.session_content", Severity.BLOCK, "m", start=0, end=5),
             Finding("phi", "phi.phone", Severity.BLOCK, "m", entity="PHONE", start=6, end=9)]
    made_up = decide("Imagine a client we'll call Sam. In session he told his therapist everything.", found)
    assert [f.severity for f in made_up] == [Severity.WARN, Severity.BLOCK]  # a phone number is still a phone number
    real = decide("In session our client told his therapist everything.", found)
    assert [f.severity for f in real] == [Severity.BLOCK, Severity.BLOCK]


def test_when_the_team_offers_to_talk_then_the_number_is_the_practices(analyzer):
    text = "If you recognise this, our intake team can talk with you confidentially: (503) 555-0133."
    entity = next(e for e in analyzer.analyze(text).entities if e.entity_type == "PHONE")
    assert role_of(text, entity) == Role.PRACTICE


def test_when_line_breaks_are_lost_then_each_bullet_is_still_its_own_sentence():
    from checks.disclosure.model import sentences
    from checks.policy.base import sentence_bounds
    text = "A few general tips: • Call your pharmacy early. • Ask which nearby pharmacies have it"
    assert [text[a:b].strip() for a, b in sentences(text)] == [
        "A few general tips:", "• Call your pharmacy early.", "• Ask which nearby pharmacies have it"]
    start, _ = sentence_bounds(text, text.index("Ask"))
    assert text[start:].lstrip().startswith("• Ask")


@pytest.mark.parametrize("text,heading", [
    ("Insurance & Payment\n\nWe take most plans.", True),
    ("What to Expect at Your First Visit\nBring your card.", True),
    ("Insomnia Program (CBT-I)\n\nSix weekly sessions.", True),
    ("CONGRATS TO OUR GRADUATE\nso proud", False),  # shouting, not a heading
    ("Hi there,\nwe miss you", False),
    ("Our client finished her program today.", False),
])
def test_when_a_line_is_a_title_case_heading_then_it_is_read_as_a_heading(text, heading):
    from checks.reading import is_heading
    end = text.find("\n") if "\n" in text else len(text)
    assert is_heading(text, 0, end) is heading


def test_when_a_heading_names_no_one_then_it_tells_no_ones_care(analyzer):
    from checks.reading import OWN_NEWS_CAP
    text = ("Billing & Payment\n\nWe’re in-network with: Aetna, Cigna, Medicare and State Medicaid.\n\n"
            "No insurance? Ask about our sliding scale before your visit.")
    reading = read(draft_of({"text": text, "platform": "website"}), analyzer.analyze(text))
    assert reading.sentences[0].probability <= OWN_NEWS_CAP


@pytest.mark.parametrize("text,titled", [
    ("5 Signs Your Toddler Might Benefit From a Speech Evaluation\n\n1. Fewer than 20 words by 18 months.", True),
    ("Happy Monday, everyone! 5 Signs Your Teen Is Burning Out\n1. They stop enjoying things.", True),
    ("5 signs your toddler might benefit from a speech evaluation\n1. fewer than 20 words by 18 months.", True),
    ("What actually happens at a hearing test? 🦻\n\n1. A look in your ears with an otoscope.", True),
    ("So proud of Maya today. 1. she walked 2. she ran", False),
    ("Our week in photos\n1. the new couch", False),
])
def test_when_a_post_is_titled_as_a_how_to_list_then_the_title_is_found(text, titled):
    from checks.reading import listicle_title
    assert (listicle_title(text) is not None) is titled


def test_when_a_line_opens_with_a_list_mark_or_a_chapter_time_then_it_is_a_list_item():
    from checks.reading import is_list_item
    text = "Chapters\n0:00 Check-in\n1:15 Intake questions\nEnd. 2. Sleep goes sideways\n3.\nGrades slip"
    for words in ("Check-in", "Intake questions", "Sleep goes", "Grades slip"):
        assert is_list_item(text, text.index(words))
    assert not is_list_item(text, text.index("Chapters"))
