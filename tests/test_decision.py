"""The decision after the checks (checks/decision.py), one row per line of
docs/consent.md's decision table, through the whole pipeline: a consent on
file that covers the patient, scopes and platforms lets the post through;
anything it does not cover blocks and says what is missing."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.consent.registry import ConsentRegistry
from bot.domain import Severity
from bot.evaluation.harness import draft_of, eval_services

TODAY = date(2026, 12, 3)
SPOTLIGHT = 'Client spotlight: {name} says "Therapy here gave me my confidence back. I recommend Dr. Chen to everyone!"'


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    s = eval_services(tmp_path_factory.mktemp("decision"), today=TODAY)
    registry = ConsentRegistry(s.engine, today=lambda: TODAY)
    registry.grant("test", patient="Nadia Farouk", scopes=["testimonial", "name_use"], platforms=["instagram"],
                   document_ref="form 7", granted_on=date(2026, 1, 2), expires_on=TODAY + timedelta(days=5))
    registry.grant("test", patient="Oscar Lindqvist", scopes=["testimonial", "name_use"], platforms=["instagram"],
                   document_ref="form 8", granted_on=date(2025, 1, 2), expires_on=date(2026, 6, 1))
    for _ in range(2):
        registry.grant("test", patient="Sam Lee", scopes=["testimonial", "name_use"], platforms=["instagram"],
                       document_ref="form 9", granted_on=date(2026, 1, 2), new_patient=True)
    yield s
    s.close()


def elena_consent(services) -> str:
    return ConsentRegistry(services.engine).history("Elena Petrova")[0][1][0].id


def assert_blocks(result, blocks: bool) -> None:
    """The verdict is block exactly when expected; the findings say why when it is not."""
    assert (result.verdict.value == "block") == blocks, [(f.code, f.severity.value) for f in result.findings]


async def verdict(services, text: str, platform: str | None = "instagram"):
    return await services.pipeline.run(draft_of({"text": text, "platform": platform}))


ROWS = [
    # (situation, text, platform, expected verdict, code that decides, its severity, words its message must have)
    ("covers every scope and platform", SPOTLIGHT.format(name="Jasmine Ortiz"), "instagram", "pass-or-warn",
     "consent.ok", Severity.INFO, "C-"),
    ("covers but ends soon", SPOTLIGHT.format(name="Nadia Farouk"), "instagram", "warn",
     "consent.expiring", Severity.WARN, "expires on"),
    ("a platform it does not cover", SPOTLIGHT.format(name="Jasmine Ortiz"), "x", "block",
     "consent.missing", Severity.BLOCK, "on x"),
    ("withdrawn", SPOTLIGHT.format(name="Derek Huang"), "facebook", "block",
     "consent.withdrawn", Severity.BLOCK, "withdrawn on 2026-10-01"),
    ("expired", SPOTLIGHT.format(name="Oscar Lindqvist"), "instagram", "block",
     "consent.expired", Severity.BLOCK, "expired on 2026-06-01"),
    ("a name two patients share", SPOTLIGHT.format(name="Sam Lee"), "instagram", "block",
     "consent.ambiguous", Severity.BLOCK, "matches 2 patients"),
    ("a person not in the registry", SPOTLIGHT.format(name="Marisol Quintero"), "instagram", "block",
     "consent.unknown_person", Severity.BLOCK, "not in the consent registry"),
    ("an anonymous testimonial, no consent cited", 'A client testimonial: "I finally feel heard here."', "instagram",
     "pass-or-warn", "consent.reference_missing", Severity.WARN, "no consent is cited"),
    ("an anonymous story, no consent cited", "A client's success story, in full on our blog.", "instagram", "block",
     "consent.reference_missing", Severity.BLOCK, "no consent is cited"),
    ("a cited consent not in the registry", 'A client testimonial: "I finally feel heard here."\nconsent: C-9999',
     "instagram", "block", "consent.reference_unknown", Severity.BLOCK, "not in the registry"),
    ("no target platform", SPOTLIGHT.format(name="Jasmine Ortiz"), None, "block",
     "consent.platform_unknown", Severity.BLOCK, "no target platform"),
]


@pytest.mark.parametrize("situation,text,platform,expected,code,severity,words", ROWS, ids=[r[0] for r in ROWS])
async def test_when_a_patient_is_in_the_draft_then_the_decision_follows_the_consent_table(
        services, situation, text, platform, expected, code, severity, words):
    result = await verdict(services, text, platform)
    deciding = [f for f in result.findings if f.code == code]
    assert deciding and deciding[0].severity == severity and words in deciding[0].message, \
        [(f.code, f.severity.value) for f in result.findings]
    if expected == "pass-or-warn":
        assert result.verdict.value != "block", [(f.code, f.severity.value) for f in result.findings]
    else:
        assert result.verdict.value == expected, [(f.code, f.severity.value) for f in result.findings]


async def test_when_a_consent_covers_the_patient_then_her_name_and_the_testimonial_are_information_naming_it(services):
    result = await verdict(services, SPOTLIGHT.format(name="Jasmine Ortiz"))
    released = [f for f in result.findings if f.code in ("phi.person", "policy.identifiable_testimonial")]
    assert released and all(f.severity == Severity.INFO and "covered by consent C-" in f.message for f in released)


async def test_when_an_anonymous_testimonial_cites_a_covering_consent_then_it_passes(services):
    text = f'A client testimonial: "I finally feel heard here."\nconsent: {elena_consent(services)}'
    result = await verdict(services, text)
    assert result.verdict.value != "block", [(f.code, f.severity.value) for f in result.findings]


async def test_when_a_covered_patient_shares_the_post_with_an_unknown_one_then_nothing_is_released(services):
    text = SPOTLIGHT.format(name="Jasmine Ortiz") + ' And Marisol Quintero says "This team changed my life!"'
    result = await verdict(services, text)
    assert result.verdict.value == "block"
    assert not any("covered by consent" in f.message for f in result.findings)


async def test_when_a_consent_covers_a_testimonial_then_an_outcome_guarantee_is_not_released(services):
    text = SPOTLIGHT.format(name="Jasmine Ortiz") + " We guarantee you will be cured of anxiety in 4 weeks!"
    result = await verdict(services, text)
    claims = [f for f in result.findings if f.code == "policy.outcome_claims"]
    assert claims and claims[0].severity != Severity.INFO and "covered" not in claims[0].message


# Posts a careful officer clears because the consent on file covers them, and the same posts
# once they step outside it. Each pair differs only in what the consent covers.
COVERED_AND_NOT = [
    ("a story consent covers a retold story, its date and a public thank-you",
     "Marcus Bell’s story: after a layoff in 2023, Marcus says he “forgot how to want things.” A year of weekly "
     "sessions later, he’s coaching his son’s soccer team. Thank you, Marcus, for sharing it with us.",
     "facebook", "pass-or-warn"),
    ("the same story where his consent does not reach (instagram)",
     "Marcus Bell’s story: after a layoff in 2023, Marcus says he “forgot how to want things.” A year of weekly "
     "sessions later, he’s coaching his son’s soccer team. Thank you, Marcus, for sharing it with us.",
     "instagram", "block"),
    ("a testimonial consent covers her quoted words and the question that introduced them",
     "We asked Jasmine Ortiz what she’d tell someone nervous about their first appointment. "
     "Her answer: “Just go. The first 10 minutes are the hardest part.”", "facebook", "pass-or-warn"),
    ("a testimonial consent does not cover her story told by us",
     "Jasmine Ortiz’s story: she started seeing Jordan after her panic attacks got worse at work, and finished "
     "treatment in March.", "facebook", "block"),
    ("a registered patient's first name and initial after a quotation's dash is hers",
     "“Harbor Light gave me somewhere to put the grief.” — Jasmine O. 🌊💛 #clientlove", "instagram", "pass-or-warn"),
    ("the same words where her consent does not reach (linkedin)",
     "“Harbor Light gave me somewhere to put the grief.” — Jasmine O. 🌊💛 #clientlove", "linkedin", "block"),
    ("a heading introduces her quoted words",
     "Client voices 💬\n\n“Dr. Chen never once made me feel like I was too much.” — Jasmine Ortiz\n\n"
     "Thank you, Jasmine, for letting us share this. 💛", "instagram", "pass-or-warn"),
    ("a staff member's first name and the patient's first name again do not need consents of their own",
     "“Working with Jordan taught me that asking for help isn’t failure.” — Jasmine Ortiz 💛 "
     "Thank you, Jasmine, for letting us share your words.", "instagram", "pass-or-warn"),
]


@pytest.mark.parametrize("situation,text,platform,expected", COVERED_AND_NOT, ids=[r[0] for r in COVERED_AND_NOT])
async def test_when_a_consent_covers_only_part_of_a_post_then_the_verdict_follows_what_it_covers(
        services, situation, text, platform, expected):
    result = await verdict(services, text, platform)
    assert_blocks(result, expected == "block")


async def test_when_an_anonymous_testimonial_quotes_a_patient_then_it_warns_and_names_nobody(services):
    result = await verdict(services, "“I finally feel like myself again.” — Harbor Light client 💙")
    assert result.verdict.value == "warn", [(f.code, f.severity.value) for f in result.findings]
    assert any(f.code == "consent.reference_missing" for f in result.findings)
    # the same words with the client's name are a testimonial of someone not in the registry
    named = await verdict(services, "“I finally feel like myself again.” — Rosa Delgado, Harbor Light client 💙")
    assert named.verdict.value == "block"


async def test_when_a_public_figure_tells_their_own_story_then_it_is_no_patient_testimonial(services):
    public = await verdict(services, "Throwback to Olympian Michael Phelps saying therapy saved his life. "
                                     "Asking for help is strength.")
    assert public.verdict.value == "pass", [(f.code, f.severity.value) for f in public.findings]
    # the same words about someone of no public role are a client's testimonial that names them
    client = await verdict(services, "Throwback to our client Rosa Delgado saying therapy saved her life. "
                                     "Asking for help is strength.")
    assert client.verdict.value == "block"



@pytest.mark.parametrize("text,expected", [
    ("Congratulations to Jordan Alvarez, LCSW, on finishing EMDR training! We're so proud of you, Jordan.", "pass"),
    ("Congrats to Rosa on finishing EMDR treatment! We're so proud of you, Rosa.", "block"),
])
async def test_when_a_colleague_is_addressed_about_their_training_then_it_is_not_a_patient_message(
        services, text, expected):
    result = await verdict(services, text)
    assert_blocks(result, expected == "block")



@pytest.mark.parametrize("text,expected", [
    ("Staff pick: Maybe You Should Talk to Someone. Dr. Maya Chen says it's the book she hands to friends "
     "curious what therapy is really like.", "pass"),
    ("In session today a client told me she hasn't felt loved since she was nine.", "block"),
])
async def test_when_a_colleague_says_something_about_therapy_then_it_is_no_session_content(services, text, expected):
    result = await verdict(services, text)
    assert_blocks(result, expected == "block")



@pytest.mark.parametrize("text,expected", [
    ("“You can't go back and change the beginning, but you can start where you are.” — C.S. Lewis\n\n"
     "Happy Monday from all of us at Harbor Light.", "pass"),
    ("When Simone Biles withdrew from the team final in Tokyo to protect her mental health, she showed "
     "that stepping back is strength.", "pass"),
    ("Case example (fictional composite for teaching): \"Alex,\" 34, notices their chest tightening before "
     "every meeting. Here is how CBT might approach that thought.", "pass"),
    ("Alex, 34, notices his chest tightening before every meeting; we started CBT with him in March.", "block"),
    ("“Everyone is going through something that we can’t see.” — Kevin Love, NBA champion, in his 2018 essay "
     "about panic attacks and therapy.", "pass"),
    ("Please welcome Dr. Sarah Lin, DPT, to Cascade Physical Therapy! Sarah specializes in knee rehab and loves "
     "trail running on Forest Park's Wildwood Trail.", "pass"),
    ("Harbor View Family Dental is hosting a free Smile Day for kids on Saturday, May 9, 10am–1pm. "
     "Cascade Physical Therapy · 410 Harbor View Road, Suite 120, Portland.", "pass"),
    ("Today marks five years since Priya Raman joined us as office manager. If you've ever called, you've heard "
     "her calm voice. Thank you, Priya, for keeping this place running.", "pass"),
    ("Dr. Maya Chen will be presenting at the Oregon Psychological Association meeting in Salem on May 14.", "pass"),
    ("One of our clients shared: “I didn't know panic attacks could feel like a heart attack. Now I can ride it "
     "out.” (shared with permission)", "pass"),
    ("one of our clients wrote this and said we could share it (anonymously!) 🫶\n\n"
     "“I didn’t think I’d ever get through a week without a panic attack. now I can.”", "pass"),
])
async def test_when_the_draft_says_who_a_name_or_place_belongs_to_then_the_verdict_follows(services, text, expected):
    result = await verdict(services, text)
    assert_blocks(result, expected == "block")


@pytest.mark.parametrize("text,blocks", [
    # the registry holds no consent for Harriet: the stated signed permission makes it the officer's to confirm
    ("“I can hear the choir again.” — Harriet G.\n\nHarriet signed our written testimonial authorization form.", False),
    # ... but another patient's care told beside it still blocks
    ("“I can hear the choir again.” — Harriet G.\n\nHarriet signed our written testimonial authorization form. "
     "Also so proud of Leonard, who finally got his cochlear implant with us last week!", True),
    # and a permission not said to be written is no authorization
    ("“I can hear the choir again.” — Harriet G.\n\nHarriet said we could share this.", True),
    # a permission for the whole post covers all of it while its giver is the only one in it ...
    ("Mira agreed to let us follow her shoulder rehab from start to finish and signed a written authorization for "
     "this series (thank you Mira!).\n\nWeek 1: she could barely lift her arm.\nWeek 8: ditching the sling.", False),
    ("With his written permission, we’re sharing Coach Dele Ayo’s comeback story! After a hamstring strain ended "
     "his season, Dele worked with us on a return-to-run plan and paced his team’s relay on Sunday.", False),
    # ... and so does one that opens with the posting itself
    ("Tomas asked us to share how his vestibular rehab went. 🎥 He walks through his first month in his own words.\n"
     "Posted with Tomas’s signed written authorization (on file).", False),
    ("Ines, 71, tells how she got back to gardening after her knee replacement. This reel is shared with Ines’s "
     "written HIPAA authorization on file.", False),
    ("Here’s what Odile told us after her first month of vestibular rehab (posted with her written authorization):\n"
     "“I can walk the dog again without the room spinning.”", False),
    ("Lourdes, a retired nurse, tells how she got back to swimming after her rotator cuff repair. Lourdes watched "
     "this video and signed a written HIPAA authorization allowing us to share it.", False),
    ("Sharing with Tobias’s signed written permission 💙 Tobias wrote this about his first year after his stroke "
     "and asked us to pass it on: “I can button my own shirt again.”", False),
    # ... named in full elsewhere ("Tom signed ..." covers "Tom Hendricks"), or in Spanish (rounds 74-75)
    ("Tom Hendricks talks about his hip replacement and 10 weeks of PT with us.\n\nTom signed a written HIPAA "
     "authorization allowing us to use his name and story in this video.", False),
    ("Lucía ran her first 5K since her knee surgery with our team! 🏃‍♀️ Compartido con la autorización por escrito "
     "de Lucía.", False),
    # ... not when someone else is in it
    ("Mira agreed to let us follow her shoulder rehab from start to finish and signed a written authorization for "
     "this series (thank you Mira!).\n\nWeek 1: she could barely lift her arm.\nAnd another client, Leo, finished "
     "his knee rehab the same week!", True),
])
async def test_when_a_draft_states_written_permission_then_only_what_it_covers_is_released(services, text, blocks):
    result = await services.pipeline.run(draft_of({"text": text, "platform": "facebook"}))
    assert_blocks(result, blocks)


_COMPOSITE = ("the stories i’m about to share are composites — details changed and blended from many people — "
              "because no one person’s recovery belongs on linkedin.\n\nthe father who relapsed after a layoff and came "
              "back the next morning. the grandmother who hid pills in her sewing kit.\n\n#recovery #harmreduction")


@pytest.mark.parametrize("added,blocks", [
    ("", False),
    ("Jordan would tell you the hardest part was the first call.", False),  # the case's own person
    ("And thank you to Dana, whose panic disorder recovery inspired this whole piece.", True),  # someone else
])
async def test_when_a_made_up_case_has_its_own_people_then_a_new_name_after_it_is_someone_real(
        services, added, blocks):
    story = ("The story below is a composite; names and details are changed.\n\n“Jordan” started therapy after a "
             "layoff, sleeping four hours a night. Over months Jordan worked on shame and on asking for help.")
    result = await verdict(services, story + ("\n\n" + added if added else ""), "facebook")
    assert_blocks(result, blocks)


@pytest.mark.parametrize("added,blocks", [
    ("", False),
    ("Shoutout to the Abernathy family for sticking with Liam's speech therapy even after the move!", True),
    ("Also a big hug to Renata Solís, who told us she finally stopped having panic attacks after her sessions.", True),
    ("Our 9:15 this morning cried when she told us her scans came back clear after the treatment.", True),
    ("p.s. see you thursday at 4 for your follow-up, Kwame, and keep doing those stretches for your shoulder!", True),
])
async def test_when_a_real_patient_is_told_after_a_made_up_case_then_the_composite_does_not_cover_them(
        services, added, blocks):
    result = await verdict(services, _COMPOSITE + ("\n\n" + added if added else ""), "linkedin")
    assert_blocks(result, blocks)


@pytest.mark.parametrize("text,blocks", [
    ("Hi Tom, we’re not able to talk about anyone’s care on Facebook. Please give the office a call.", False),
    ("@mia.k great q! most people need 2–3 sessions to see the full effect, it varies person to person", False),
    ("Hi Tom, so glad the new crown feels good! See you at your 6-month cleaning.", True),
])
async def test_when_a_comment_reply_greets_its_writer_then_the_name_blocks_only_with_their_care(
        services, text, blocks):
    assert_blocks(await verdict(services, text, "facebook"), blocks)
