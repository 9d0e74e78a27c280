"""Each policy rule as a table: drafts that break it next to near-misses that
must pass (same vocabulary, general or safe use). Pure Python, empty analysis
unless a case needs names."""
from __future__ import annotations

import importlib

import pytest

from bot.domain import Attachment, Draft, MessageRef, Severity
from checks.base import Analysis, Entity
from checks.policy.rules import RULES

PHOTO = (Attachment("pic.jpg", "image/jpeg"),)


def draft(text: str, platforms=("instagram",), attachments=()) -> Draft:
    return Draft(text=text, author="U1", ref=MessageRef("cli", "w", "c", "m1"),
                 platforms=tuple(platforms), attachments=tuple(attachments))


def fires(rule_name: str, text: str, platforms=("instagram",), attachments=(), analysis=Analysis()) -> bool:
    return RULES[rule_name]().check(draft(text, platforms, attachments), analysis) is not None


CASE_DETAILS = [
    ("So proud of [NAME] this week, he wrapped up 12 weeks of anxiety work with us!", True),
    ("Thanks [NAME] for the flowers you dropped off at the front desk this week!", False),
    ("A client of mine with PTSD finally slept through the night after session 12.", True),
    ("Clients with PTSD often struggle with sleep; trauma-focused therapy can help.", False),
    ("One of my clients with OCD checked the locks 30 times a night. Now it's once.", True),
    ("When a client starts therapy, the first sessions are about goals.", False),
    ("A teen I've been working with went back to school after months of panic attacks.", True),
    ("Teens with panic attacks can go back to school with the right support.", False),
    ("She first came to see me after her miscarriage. Last week she laughed again.", True),
    ("Miscarriage grief is real and deserves care. Our group meets Tuesdays.", False),
    ("I've been seeing a college student for depression since January; he just aced finals.", True),
    ("College students: depression often peaks around finals. Reach out early.", False),
    ("After our 15th session, she finally told me about the assault.", True),
    ("Most people need several sessions before they feel safe talking about trauma.", False),
    # a refusal names no one's case; a client seen at the door is one
    ("We can't say whether someone is or was a patient of ours, even a family member asking.", False),
    ("If you saw a man leaving our office in tears last night, please give him grace; grief work is hard.", True),
]
BEFORE_AFTER = [
    ("Before and after! Swipe to see what six months of treatment did.", True),
    ("Stretch before and after your workout; movement helps mood too.", False),
    ("#TransformationTuesday look at this smile!", True),
    ("Our Tuesday transformation workshop: rethinking negative self-talk.", False),
    ("BEFORE ➡️ AFTER: 3 months of our coaching. What a difference!", True),
    ("Before therapy I thought I had to do it alone. After, I knew better. Let's talk stigma.", False),
    ("Day 1 vs day 60 of sobriety.", True),
    ("Then and now: how mental-health care changed since the 1950s.", False),
]
TESTIMONIAL = [
    ("\"Dr. Chen gave me my life back after years of depression.\" — Sarah M., Portland", True),
    ("\"The curious paradox is that when I accept myself just as I am, then I can change.\" — Carl Rogers", False),
    ("Client spotlight: meet Marcus, 34, who beat his social anxiety!", True),
    ("Client spotlight: an anonymous note we were given permission to share.", False),
    ("Testimonial from @rachel_runs_far: this practice got me through my worst year.", True),
    ("We don't post testimonials, to protect everyone's privacy.", False),
    ("Here's what J.R. had to say: \"I finally feel safe in my own body.\"", True),
    ("Here's what the research says about exercise and depression.", False),
    # typed in lower case, the initial still signs the quote
    ("“dr. osei changed my life. i finally sleep through the night.” — summer k., riverside", True),
    # a slot for the name is a name to come; ClearPost's own rewrite ([PERSON]) is anonymous
    ("“This practice changed my life after years of jaw pain.” — [NAME], Springfield", True),
    ("“This practice changed my life after years of jaw pain.” — [PERSON]", False),
]
PATIENT_COMMUNICATION = [
    ("@jane hope the new meds are helping!", True),
    ("@bella.xo ahh thank u!! 1 syringe was perfect for ur lips, see u in 6 months for ur touch up", True),
    ("@NAMIPortland thanks for hosting the awareness walk!", False),
    ("Hey Marcus, great job in session today, see you at your appointment Tuesday!", True),
    ("Hey everyone, our office closes early Friday. See you next week!", False),
    ("@lily_b so proud of you for hitting 6 months sober!!", True),
    ("Thank you @AFSP for your tireless work on suicide prevention.", False),
    ("@derek_p hang in there, the first weeks on a new antidepressant are the hardest.", True),
    ("Starting a new antidepressant? The first weeks can be hard; talk to your prescriber.", False),
    # a capitalised word in a greeting's place that no one would take for a name
    ("Anxiety, depression and burnout are common and treatable. You don't have to carry it alone.", False),
    ("Meet our office manager and her rescue greyhound, Biscuit. Your intake forms are at the desk.", False),
    # a refusal's care words are no one's care, and the practice's name is a name
    ("Thanks for the recommendation, Tyler! We never comment on anyone's care here, but you can always reach us. "
     "— the Harbor Light team", False),
    ("Thanks Tyler! Hope the counseling is helping you, see you soon.", True),
]
REVIEW_REPLY = [
    ("Thank you for your review. Sadly your insurance did not cover the crown, so the balance was yours.", True),
    ("Thank you for your feedback. Privacy law prevents us from confirming or discussing anyone's care online; "
     "please call our office.", False),
    ("We're sorry to hear about your experience. Our records show you missed three appointments.", True),
    ("We're sorry to hear about your experience. We can't discuss any details here, but our manager would "
     "like to talk with you.", False),
    ("Responding to this one-star review: this patient did not follow the care recommendations.", True),
    ("Thanks for the 5 stars, Jim! It was a pleasure to see you for your root canal.", True),
    ("We appreciate every review. Please reach out to us directly with any concerns.", False),
    ("Sorry you feel that way. You still owe $340 and Aetna denied the claim.", True),
    ("Our session rates are listed on our website; anyone can call to ask about insurance coverage.", False),
    ("Thank you for the kind words! We'll make sure your refill request goes to the pharmacy today.", True),
    ("We're so sorry the swelling after your lip filler lasted longer than expected.", True),
    # eleventh session: texting "ur", a therapist's time with the reviewer, what they keep doing from their care;
    # "did" is a verb, not the disorder
    ("thx for the review, sorry ur visit felt rushed, the wait was too long that day", True),
    ("Thanks for the stars! It's been an honor walking alongside you these past few months.", True),
    ("Thank you for the review! Keep practicing those breathing skills 💚", True),
    ("We're sorry your experience did not meet expectations. Please call our office manager.", False),
    ("Thank you for the review! Our blog has breathing skills anyone can practice.", False),
    ("Thanks for your review, Kelly. We looked into it and Dr. Pham was running behind that morning.", True),
    ("Thanks for your review, Kelly. We read every review and share them with the whole team.", False),
    # fourteenth session: the visit confirmed with no subject, as phones type it
    ("thank you for the review!! loved having you in tuesdays 😊", True),
    ("thank you for the review!! we love having visitors at our open house", False),
    ("We're sorry to hear about your experience. Residents who leave before finishing, as you did in January, "
     "may reapply after 30 days.", True),
    # rounds 75-76: a refusal and then what was done anyway; a child's work in care; Spanish
    ("Thanks for the feedback. While we can't discuss details online, we did resubmit your claim to Cigna as asked.",
     True),
    ("Thanks for the feedback. While we can't discuss details online, our billing team would like to talk.", False),
    ("thanks for the stars Priya!! Dev worked so hard on his s sounds this term 🎉", True),
]
# on a review site every draft is a reply, review wording or not
REVIEW_SITE_REPLY = [
    ("We appreciate you flagging this. Priya reviewed your account and the duplicate copay was refunded.", True),
    ("We appreciate you flagging this. Anyone with a billing question can call our office manager.", False),
    # in Spanish (rounds 75-76)
    ("¡Gracias, Don Beto! Fue un placer atenderlo. ¡Nos vemos en su próxima cita!", True),
    ("¡Gracias por su reseña! Para cualquier pregunta, llámenos a la oficina.", False),
]
OUTCOME_CLAIMS = [
    ("Our anxiety program is guaranteed to cure panic attacks in 8 weeks!", True),
    ("No therapist can guarantee results, but we promise to listen.", False),
    ("100% success rate with our EMDR intensive.", True),
    ("We assure you measurable progress on every goal within 60 days, or next month is free.", True),
    ("A word about ads: if anybody promises to CURE your tinnitus with a pill, hang onto your wallet.", False),
    ("Research suggests EMDR helps many people with PTSD.", False),
    ("Never feel depressed again: our method works for everyone.", True),
    ("Depression can come back; relapse-prevention skills help you notice early signs.", False),
    ("Say goodbye to anxiety forever with our 6-week program!", True),
    ("There is no cure-all for anxiety, but therapy, sleep and movement all help.", False),
    ("We guarantee a call back within one business day.", False),
    ("Our clients see results fast: most are off their medication within three months.", True),
    ("Tapering off medication is a decision to make with your prescriber, never in a hurry.", False),
    ("Your anxiety-free life starts here.", True),
]
INDIVIDUAL_ADVICE = [
    ("@sam_r from what you described, it sounds like you have ADHD.", True),
    ("Signs you might have adult ADHD: losing things, time blindness. An evaluation is the only way to know.", False),
    ("Lisa, you should increase your sertraline to 100 mg.", True),
    ("Never stop your medication suddenly without talking to your prescriber.", False),
    ("Your son definitely has OCD, the hand washing is a textbook sign.", True),
    ("If your son has OCD symptoms like repeated hand washing, an assessment can help.", False),
    ("Dave, you need to get off the Klonopin.", True),
    ("Our clinicians do not give medical advice on social media.", False),
    # eleventh session: everyday medicines and their schedule, to someone addressed
    ("Hey Carla, for her fever just alternate Tylenol and Motrin every 3 hrs.", True),
    ("Fever tips: ask your pediatrician before alternating Tylenol and Motrin.", False),
    ("Marcus, double up on the hydrocortisone to twice a day.", True),
]
SESSION_CONTENT = [
    ("In session today a client told me she hasn't felt loved since she was nine.", True),
    ("What you say in session stays in session. Confidentiality is the foundation of therapy.", False),
    ("Things my clients said in therapy this week, a thread", True),
    ("Clients often tell us the hardest part is making the first call.", False),
    ("Sharing an excerpt from my session notes: 'Client expressed guilt.'", True),
    ("Did you know psychotherapy notes get extra protection under HIPAA?", False),
    ("My patient cried today when she described her mother's funeral.", True),
    ("Excerpt from a client's progress note: 'pt presents with flat affect.'", True),
]
EMAIL_MARKETING = [
    ("Subject: Spring tips\n\nIn this month's newsletter: grounding exercises and group times.", ("email",), True),
    ("Subject: Spring tips\n\nIn this issue: grounding exercises. You're receiving this because you signed up "
     "on our website. Unsubscribe here.", ("email",), False),
    ("Our October newsletter: holiday stress tips. To unsubscribe, reply STOP.", ("email",), True),
    ("Sign up for our monthly newsletter for coping tips — link in bio!", ("instagram",), False),
    ("Don't miss our fall workshop series! Register now.", ("email",), True),
    ("Dear subscribers, this edition covers sleep. You are getting this because you opted in at our front desk. "
     "Manage your preferences or opt out anytime.", ("email",), False),
]


@pytest.mark.parametrize("text,expected", CASE_DETAILS)
def test_when_a_specific_patient_story_then_case_details_fires(text, expected):
    assert fires("case_details", text) is expected


@pytest.mark.parametrize("text,expected", BEFORE_AFTER)
def test_when_a_result_pairing_then_before_after_fires(text, expected):
    assert fires("before_after", text) is expected


def test_when_before_after_wording_has_a_photo_attached_then_it_fires_even_without_result_words():
    text = "Before and after."
    assert fires("before_after", text, attachments=PHOTO)
    assert not fires("before_after", "Breathe before and after.")


@pytest.mark.parametrize("text,expected", TESTIMONIAL)
def test_when_a_testimonial_identifies_the_person_then_it_fires(text, expected):
    assert fires("identifiable_testimonial", text) is expected


def test_when_a_testimonial_has_a_photo_or_a_person_span_then_it_is_identifiable():
    text = "Client love: \"This practice changed my life.\" — a grateful client"
    assert not fires("identifiable_testimonial", text)
    assert fires("identifiable_testimonial", text, attachments=PHOTO)
    start = text.index("grateful")
    person = Analysis(entities=(Entity("PERSON", start, start + 8, 0.85),))
    assert fires("identifiable_testimonial", text, analysis=person)


def test_when_a_colleague_shares_their_own_words_with_a_photo_then_it_is_no_patient_testimonial(analyzer):
    text = ("Our therapist Jordan Ellis, LCSW, is sharing something personal: “I’ve lived with anxiety since I was 15. "
            "I see my own therapist every other week, and therapy changed my life.”")
    assert not fires("identifiable_testimonial", text, attachments=PHOTO, analysis=analyzer.analyze(text))
    client = text.replace("Our therapist Jordan Ellis, LCSW,", "Our client Jordan Ellis")
    assert fires("identifiable_testimonial", client, attachments=PHOTO, analysis=analyzer.analyze(client))


@pytest.mark.parametrize("text,expected", PATIENT_COMMUNICATION)
def test_when_someone_is_addressed_about_their_care_then_patient_communication_fires(text, expected):
    assert fires("patient_communication", text) is expected


@pytest.mark.parametrize("text,expected", REVIEW_REPLY)
def test_when_a_review_reply_confirms_care_then_review_reply_fires(text, expected):
    assert fires("review_reply", text) is expected


@pytest.mark.parametrize("text,expected", OUTCOME_CLAIMS)
def test_when_an_outcome_is_promised_then_outcome_claims_fires(text, expected):
    assert fires("outcome_claims", text) is expected


@pytest.mark.parametrize("text,expected", INDIVIDUAL_ADVICE)
def test_when_a_person_is_diagnosed_or_dosed_then_individual_advice_fires(text, expected):
    assert fires("individual_advice", text) is expected


@pytest.mark.parametrize("text,expected", SESSION_CONTENT)
def test_when_session_content_is_shared_then_session_content_fires(text, expected):
    assert fires("session_content", text) is expected


@pytest.mark.parametrize("text,expected", REVIEW_SITE_REPLY)
def test_when_a_draft_targets_a_review_site_then_it_is_judged_as_a_reply(text, expected):
    assert fires("review_reply", text, ("healthgrades",)) is expected
    assert fires("review_reply", text, ("instagram",)) is False  # no review wording: not read as a reply there


@pytest.mark.parametrize("text,platforms,expected", EMAIL_MARKETING)
def test_when_a_marketing_email_lacks_opt_out_or_reason_then_email_marketing_fires(text, platforms, expected):
    assert fires("email_marketing", text, platforms) is expected


def test_when_an_email_lacks_both_parts_then_the_message_names_both():
    f = RULES["email_marketing"]().check(draft("Our new group starts Monday!", ("email",)), Analysis())
    assert "unsubscribe" in f.message and "why the reader receives it" in f.message
    f = RULES["email_marketing"]().check(draft("Our new group starts Monday! Unsubscribe below.", ("email",)),
                                         Analysis())
    assert "unsubscribe" not in f.message and "why the reader receives it" in f.message
    assert f.severity == Severity.WARN  # the opt-out is the legal requirement; the reason line good practice


ALL_POSITIVES = [(name, text) for name, table in (
    ("case_details", CASE_DETAILS), ("before_after", BEFORE_AFTER), ("identifiable_testimonial", TESTIMONIAL),
    ("patient_communication", PATIENT_COMMUNICATION), ("review_reply", REVIEW_REPLY),
    ("outcome_claims", OUTCOME_CLAIMS), ("individual_advice", INDIVIDUAL_ADVICE),
    ("session_content", SESSION_CONTENT)) for text, expected in table if expected]
INDIRECT_IDENTIFICATION = [
    ("Congrats to the Jefferson High drumline captain who finished her last session with us this week!", True),
    ("Congrats to the Jefferson High drumline on the state title! We loved cheering you on.", False),
    # round 3, 6 and 17 kinds, reworded: an office in a named place with care said around it
    ("A senior VP at one of Seattle's biggest coffee chains finished 16 sessions of stress work with us and "
     "just became its CFO.", True),
    ("Our work with a local city council member got him through a brutal election year. He knows who he is.", True),
    ("We had a great session with a Salem city council member about the new bike lanes.", False),
    ("so proud of our fav couple who wrapped up counseling last month and renewed their vows!! (iykyk R & D)", True),
    ("iykyk: our new espresso machine is a game changer ☕", False),
    ("A senior VP at one of Seattle's biggest coffee chains spoke at our wellness breakfast.", False),
    # fourteenth session: a jersey in a sport's post with the practice bringing them back; the writer's own carer
    ("proud partner of Westview basketball 🏀 sending love to our #23, we'll have you back on the court soon", True),
    ("proud partner of Westview basketball 🏀 good luck to #23 and the whole team tonight", False),
    ("My own therapist (you know who you are) got me through the worst year. Clients, I get it.", False),
    # a town has one mayor: "the mayor" in the practice's chair needs no name
    ("small town dental life: when the mayor sits in your chair for a cleaning and begs us not to tell 🤐", True),
    ("small town life: the mayor cut the ribbon at our new office today!", False),
    ("to whoever had the 3:40 at our Eastside office today — you left your glasses at the desk!", True),
    ("to whoever left the sweet card at the front desk — thank you, it made our week!", False),
    ("This gift expands therapy for kids across the county.\n\nSpecial thanks to Oakridge CEO Pat Lee for touring "
     "the clinic.", False),
]


@pytest.mark.parametrize("text,expected", INDIRECT_IDENTIFICATION)
def test_when_a_client_is_narrowed_down_without_a_name_then_indirect_identification_fires(text, expected):
    f = RULES["indirect_identification"]().check(draft(text), Analysis())
    assert (f is not None) is expected
    if f is not None:  # points at the description, never quotes it
        assert text[f.start:f.end] not in f.message


@pytest.mark.parametrize("name,text", ALL_POSITIVES)
def test_when_a_rule_fires_then_the_finding_points_at_the_text_without_quoting_it(name, text):
    f = RULES[name]().check(draft(text), Analysis())
    assert f.check == "policy" and f.code == f"policy.{name}"
    assert f.severity == RULES[name].default_severity
    assert 0 <= f.start < f.end <= len(text)
    phrase = text[f.start:f.end]
    assert phrase not in f.message and phrase not in (f.suggestion or "")
    assert f.suggestion


def test_when_rules_are_listed_then_every_guidance_rule_has_a_stable_code_and_a_docstring():
    assert list(RULES) == ["case_details", "before_after", "identifiable_testimonial", "patient_communication",
                           "review_reply", "outcome_claims", "individual_advice", "session_content",
                           "email_marketing", "patient_disclosure", "indirect_identification", "client_list",
                           "records_in_picture"]
    for name, cls in RULES.items():
        assert cls.name == name
        assert "Guidance" in importlib.import_module(cls.__module__).__doc__
        assert isinstance(cls.default_severity, Severity) and cls.message and cls.suggestion


CLIENT_LIST = [
    ("We're sharing our client list with our friends at Rose City Dental so they can mail you a coupon!", True),
    ("we gave our patients' emails to the new yoga studio next door, watch for their welcome offer", True),
    ("We never sell our patient list, and we never share your information with anyone.", False),
    ("Share this post with a friend who needs to hear it today.", False),
    ("We will never sell or share client contact information.", False),
]


@pytest.mark.parametrize("text,expected", CLIENT_LIST)
def test_when_the_practice_hands_over_its_client_list_then_client_list_fires(text, expected):
    assert fires("client_list", text) is expected


RECORDS_IN_PICTURE = [
    ("new label maker = every kiddo's name on a cubby in the sensory room 🏷️ swipe to see them all", True),
    ("the front desk's tomorrow's lineup is on the monitor behind Deb, don't zoom in pls 😅", True),
    ("sign-in sheet + my coffee, name a more iconic duo 📋☕ (pic)", True),
    ("the board behind me has today's schedule but I wiped every name off first ✔️", False),
    ("swipe for next week's group schedule! new evening slots on Tuesdays 🌙", False),
    ("ever wonder what's on our whiteboard? today: 'drink water' and a bad cat drawing 🐱", False),
]


@pytest.mark.parametrize("text,expected", RECORDS_IN_PICTURE)
def test_when_the_caption_says_the_photo_shows_patients_records_then_records_in_picture_fires(text, expected):
    assert fires("records_in_picture", text, attachments=PHOTO) is expected


def test_when_no_photo_is_attached_then_records_in_picture_stays_quiet():
    assert fires("records_in_picture", RECORDS_IN_PICTURE[0][0]) is False


@pytest.mark.parametrize("text,expected", [
    # one real person in care here, told with two kinds of particulars (age, named place, role, when)
    ("Safety reminder! Last Halloween we had a walk-in, 9 yr old from the Briar Glen neighborhood, a sparkler "
     "burn to the hand. Please supervise little ones.", True),
    ("Interesting case: 61F, retired librarian in Westbury. Presented with sudden hearing loss in one ear.", True),
    ("This spring we lost a patient to an overdose. She was 24, a nursing student at Lakeview College.", True),
    # a kind of patient, or no second particular: no one in particular
    ("If a 9 yr old from any neighborhood gets a sparkler burn, run it under cool water and call us.", False),
    ("Sparkler burns are the most common injury we see every July. Please supervise little ones.", False),
    ("We had a walk-in with a sparkler burn yesterday. Please supervise little ones.", False),
])
def test_when_several_particulars_tell_one_patient_then_indirect_identification_fires(text, expected):
    assert fires("indirect_identification", text) == expected
