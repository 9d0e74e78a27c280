"""The way a draft is typed must not change its verdict (issue 14): all lower case,
a shouted first line, apostrophes left out, lines run together. Each draft below is
checked as written and in each listed variant; every form must get the expected
verdict. The drafts exercise what lower case and lost line breaks used to break:
signatures and credentials, a business's name before its phone number, a heading
mistaken for a speaker, a sentence's full stop inside a street address, attributions
under a quote, a name's possessive without its apostrophe."""
from __future__ import annotations

import pytest

from bot.evaluation import variants
from bot.evaluation.harness import checked_verdicts, eval_services


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    s = eval_services(tmp_path_factory.mktemp("typing"))
    yield s
    s.close()


LOWER, SHOUT, NO_APOSTROPHES, ONE_LINE, LINES = ("lower_case", "upper_first_sentence", "dropped_apostrophes",
                                                 "collapsed_whitespace", "line_breaks")

CLEAR = [
    ("linkedin", False, "Three years ago, after my brother died, I was diagnosed with depression. I'm a therapist, "
                        "and I still waited a year to ask for help.\n\n— Dr. Maya Chen, Clinical Director, Harbor Light "
                        "Counseling", (LOWER,)),
    ("linkedin", False, "Peer consultation on Thursday, February 11 at noon on Zoom with Rhea Castillo, LMFT. Open to "
                        "licensed clinicians in Washington; 1 ethics CE. Register via the link below.", (LOWER,)),
    ("blog", False, "Reading list from our clinicians:\n1. “Lost Connections” – Johann Hari\n2. “The Anxiety and "
                    "Phobia Workbook” – Edmund Bourne\nBooks are no substitute for care.", (LOWER,)),
    ("yelp", False, "Thank you for taking the time to write. If there is anything you'd like to talk through, please "
                    "give our manager Tessa a call at (971) 555-0190. — Lumen Aesthetics", (LOWER,)),
    ("email", False, "Subject: Spring at Harbor Light\n\nNew evening hours start in March.\n\nYou get this because you "
                     "subscribed at harborlightcounseling.com. Unsubscribe anytime: harborlightcounseling.com/unsubscribe",
     (LOWER,)),
    ("blog", False, "What does a session cost? We are in network with Moda, Regence and Aetna, and we keep sliding-scale "
                    "spots. Ask Priya at the front desk.", (LOWER,)),
    ("tiktok", False, "3 ways to help a late talker at home: narrate, pause, offer choices. worried? ask your "
                      "pediatrician about a speech eval — Nora Quist, MS, CCC-SLP @tinytalkerstigard", (LOWER,)),
    ("instagram", False, "MYTH: reading in dim light ruins your eyes.\nFACT: it only tires them.\nBook your exam with "
                         "Dr. Ines Voss at Brightline Eye Care, Eugene: (541) 555-0170", (LOWER, ONE_LINE)),
    ("facebook", False, "Free class: Healthy backs at your desk\nTuesday, March 3, 6pm at Cedar Spine & Wellness, "
                        "210 Oak St, Bend OR. Dr. Lars Eide, DC, will show stretches for long workdays. "
                        "RSVP: (541) 555-0133.", (SHOUT, ONE_LINE)),
    ("linkedin", True, "Rivergate Women's Health (OB/GYN, Salem) welcomes Dr. Amara Obi, MD! Now accepting new "
                       "patients. 503-555-0161", (SHOUT, LINES)),
    ("instagram", True, "Our owner Talia tried her OWN brow lamination 😂 here's her before/after at 1 week, done by "
                        "our esthetician Kim. Results vary — book a consult. [photo: Talia's before and after]",
     (NO_APOSTROPHES,)),
    ("facebook", True, "“A year ago I couldn't order coffee without panicking. Last week I spoke at my brother's "
                       "wedding.” — Jasmine Ortiz 💛\n\nJasmine, thank you for trusting us with your words.\n\n"
                       "#harborlightpdx", (ONE_LINE,)),
    ("linkedin", False, "Why trauma-informed care matters: clinicians such as Jordan Alvarez, LCSW, and Dr. Maya Chen "
                        "use evidence-based approaches tailored to each person.", (LOWER,)),
    ("tiktok", False, "what filler CAN'T do 💉\n❌ fix loose skin\n❌ last forever — most people get 9–12 months\n"
                      "✅ restore lost volume\nresults vary, always get a real consult!! #medspa", (ONE_LINE,)),
]
BLOCK = [
    ("website", False, "“I can't believe my shoulder moves like this after 5 weeks!” – Carla M., Tigard OR ⭐⭐⭐⭐⭐ "
                       "(Summit Motion PT)", (LOWER,)),
    ("instagram", False, "Why we do this 🥹 “Jordan saved my marriage.” — K.L., client since 2024 #couplestherapy",
     (LOWER,)),
    ("instagram", False, "Our 15 yo client said we could share!! She went from skipping class to making the varsity "
                         "soccer team this fall at Lincoln. So proud of u!! #teentherapy", (LOWER,)),
    ("x", True, "Dr. Chen's Thursday 3:00 just sent a pic of her new kitten 🐱 therapy cat in training?? lol",
     (LOWER, NO_APOSTROPHES)),
    ("linkedin", False, "Our NICU follow-up clinic saw its first set of triplets this month! Shoutout to the Garcias "
                        "of Boise, you're rockstars. — Sunny Hills Pediatrics", (LOWER,)),
    ("linkedin", False, "Proud of our work this year supporting a local Salem middle-school principal through burnout. "
                        "She's back leading her building this fall.", (LOWER,)),
    ("instagram", False, "So proud of Tyler this week 💪 he wrapped up 10 weeks of anxiety work with Jordan!", (LOWER,)),
    ("x", False, "Long week. Spent a lot of it with a local HS basketball coach who's been all over the news since "
                 "Friday's game. Hug your people.", (LOWER,)),
    ("healthgrades", False, "Glad Dr. Okafor could help! Hope that knee keeps feeling better 🙂 — Okafor Chiropractic",
     (LOWER,)),
    ("website", False, "Client Stories\n\n“After my husband passed I didn't know how to parent alone. Jordan helped "
                       "me grieve and still show up for my girls.”\n— Denise, mother of two, Lake Oswego",
     (LOWER,)),
]


def forms(rows):
    out = []
    for platform, photo, text, kinds in rows:
        for kind in ("as written",) + kinds:
            changed = text if kind == "as written" else variants.KEEP[kind](text)
            assert changed != text or kind == "as written", f"{kind} leaves the draft unchanged"
            out.append((kind, {"id": kind, "platform": platform, "photo": photo, "text": changed}))
    return out


async def test_when_a_clean_draft_is_typed_differently_then_it_is_still_not_blocked(services):
    rows = forms(CLEAR)
    got = await checked_verdicts(services, [r for _, r in rows])
    assert [(kind, r["text"][:60], codes) for (kind, r), (v, codes) in zip(rows, got) if v == "block"] == []


async def test_when_a_violating_draft_is_typed_differently_then_it_still_blocks(services):
    rows = forms(BLOCK)
    got = await checked_verdicts(services, [r for _, r in rows])
    assert [(kind, r["text"][:60], v) for (kind, r), (v, _) in zip(rows, got) if v != "block"] == []
