"""Everyday posts that look risky but name no patient, next to the same kind of post
that does (issue 14, round 14): a heading's capitals, a business footer, the
practice's own handle, "many of our clients" and the practice's campus are nobody's
PHI; one client's words, a list of clients in a photo and a named testimonial are."""
from __future__ import annotations

import pytest

from bot.evaluation.harness import checked_verdicts, eval_services


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    s = eval_services(tmp_path_factory.mktemp("everyday"))
    yield s
    s.close()


CLEAR = [
    ("instagram", False, "Mindful Eating Workshop: Tips For Surviving Holiday Stress\nJoin Dr. Maya Chen on Dec 12 at 6pm, free."),
    ("facebook", False, "Heads up: our Beaverton campus is closed Monday for the holiday. Telehealth visits run as usual."),
    ("email", False, "Winter tips for sore backs: lift with your legs and take breaks.\n\nLakeside Family Dental · 1200 SW Main St · "
                     "(503) 555-0190\nYou get this email because you signed up on our site. Unsubscribe any time."),
    ("linkedin", False, "Many of our clients tell us the first phone call was the hardest part. If that's you, we're here."),
    ("tiktok", False, "therapy myth #2: your therapist will judge you. nope! 💙 follow @harborlightcounseling for more"),
    ("instagram", False, "Coffee + questions this Saturday at our table on SE Division. Come say hi to the team!"),
    ("facebook", False, "Spring special: $39 new-patient exam through April 30. Book online any time!"),
    ("instagram", True, "this is Mochi 🐶 she's 3 and the office's official greeter. say hi next time!"),
    # round 17: a reading list, the person to ask for, a team's sign-off, a colleague's newborn
    ("blog", False, "Our team's reading list:\n• Lost Connections by Johann Hari: why we feel so alone.\n"
                    "• Burnout by Emily and Amelia Nagoski: kind and practical.\n• Atomic Habits by James Clear."),
    ("yelp", False, "We can't confirm whether anyone is a patient here, but our office manager Tess would like to hear "
                    "more. Please call us at (541) 555-0101 and ask for her."),
    ("email", False, "Spring tips from our team: warm up before you garden.\n\nMove well,\nThe BRPT Team\n"
                     "(503) 555-0111 · 400 Commercial St NE, Salem, OR\nUnsubscribe any time."),
    ("instagram", True, "She's back 🎉 Dr. Hana Ito returns from maternity leave Monday. Welcome back, Dr. Ito "
                        "(and congrats on baby Theo!)"),
    ("blog", False, "Plans: we are in network with Moda, PacificSource and Aetna. Questions? Call the front desk."),
    ("facebook", False, "Big congrats to Priya's son Arjun, who graduates from Lincoln High this Saturday! 🎓"),
    ("facebook", True, "Proud to sponsor the Bridge City Walk for Mental Health on May 9 at Laurelhurst Park! "
                       "Dr. Maya Chen and Jordan Alvarez will be at our table."),
    # fifth session: a date, town or tip about nobody, an office pet, rates, a neutral reply, an opt-out line
    ("x", False, "dec 10 is human rights day. access to mental health care belongs in that conversation. "
                 "if tonight is a hard night: call or text 988."),
    ("facebook", False, "Stimulant shortage update, December 2026\nWe've heard from a lot of families in Clark County that "
                        "some ADHD medications are still hard to find. Call your pharmacy a few days early."),
    ("instagram", True, "Biscuit reporting for lobby duty 🐶 Our office goldendoodle is in on Tuesdays. She's "
                        "hypoallergenic, very into belly rubs and mildly afraid of the copier."),
    ("yelp", False, "Thanks for the honest feedback about our pricing. Every Wednesday we run a sliding-scale clinic "
                    "($25–$55). We don't discuss anyone's visits online, but please call (541) 555-0133."),
    ("email", False, "Three tips for better sleep this winter.\n\nWarmly, the Harbor Light team\n\nDon't want these? "
                     "Unsubscribe here or reply STOP and we'll remove you within a few days."),
    ("instagram", False, "Composite example (not a real child!) 👇 Imagine a 3-year-old who points at the fridge and "
                         "says 'uh!' when they want juice. Pause, model the word, celebrate any attempt."),
    # sixth session: a region and its residents, a reader told what to do, refusals, a photo of no one,
    # a shouted hiring post, the owner's number, a sentence-opening word that is a name somewhere
    ("email", False, "Dear friends,\nWe're grateful to our partners across the Willamette Valley and to our Hawthorne "
                     "neighbors. If you are a current client, your portal lists our holiday hours.\nUnsubscribe any time."),
    ("yelp", False, "Thank you for the kind note, Dana! For privacy reasons we never comment on anyone's treatment here, "
                    "but you can always reach us at (503) 555-0142. — Harbor Light Counseling"),
    ("healthgrades", False, "I can't discuss whether someone is or was a client of ours, but please call our office so "
                            "we can talk privately."),
    ("blog", True, "A look inside our new group room! All pictures were taken after hours, so no clients are shown."),
    ("facebook", False, "NOW HIRING A PART-TIME RECEPTIONIST! EMAIL YOUR RESUME TO HELLO@HARBORLIGHTCOUNSELING.COM AND "
                        "TELL THEM MAYA SENT YOU"),
    ("google_reviews", False, "We're sorry to hear this. We can't discuss anyone's visits here, but our owner, Dr. Lena "
                              "Brooks, would like to talk with you.\nPlease reach her at (541) 555-0188."),
    ("blog", False, "Our DPTs Hana Cole and Reza Amini offer free 10-minute running screens on Tuesdays. Pain that "
                    "makes you limp deserves a check-in."),
    ("instagram", True, "Team spotlight! Jordan Alvarez, LCSW, specializes in trauma therapy and spent three summers as a "
                        "volunteer firefighter before grad school. Photo: Jordan on the trail (with his permission)."),
    ("nextdoor", False, "hi neighbors! we're welcoming new patients of all ages. stop by 7800 se 13th ave or call us. 🦷"),
    ("email", False, "Walk with us on Saturday, May 2!\n\nFree T-shirts for the first 50 walkers. Free water at every "
                     "mile, too.\n\nUnsubscribe any time."),
    # seventh session: a colleague's family and pet, teaching that goes on asking, a reviewer's own name,
    # a source's acronym, an FAQ's plainer "you"
    ("linkedin", True, "Please congratulate Ines Duarte, Ph.D., who welcomed her son Leo on May 3! Leo weighed 8 lb. "
                       "Ines is on parental leave until August 1 and Dr. Maya Chen is covering for her."),
    ("facebook", True, "Sweet news: Jordan Alvarez, LCSW and his husband Eli welcomed baby June on March 2. "
                       "Photo: June's tiny feet. Congratulations, Jordan and Eli!"),
    ("facebook", True, "Say hi to Pickles! Our receptionist rescued this 2-year-old terrier mix last spring and he now "
                       "naps under the front desk."),
    ("tiktok", False, "if ur back aches after sitting all day, stand up every 30 min and stretch. still hurting after a "
                      "month? ask ur doc 💪"),
    ("google_reviews", False, "Hi Dana, we hear you, and surprise bills are stressful for anyone. We can't discuss any "
                              "account here; please call our billing lead at (503) 555-0142."),
    ("x", False, "About 1 in 6 adults will face depression at some point (CDC). You are not alone: call or text 988."),
    ("instagram", True, "meet jasmine 🌿 her words, not ours: “I learned to rest without guilt.” #therapy"),
    ("instagram", True, "Please welcome Ana Ruiz, CNM! Ana has attended 400 births. She's now accepting new prenatal "
                        "patients at our Eastside office."),
    ("instagram", False, "3 tips for holiday visits 😮‍💨\n1. pick a code word for a break\n2. debrief in the car, not at the "
                         "table\n3. leave before you're exhausted"),
    ("x", False, "“You can't pour from an empty cup.” — Eleanor Brown\n\nOur patients hear us say it weekly. No apologies."),
    ("nextdoor", False, "Heads up, neighbors: the lot behind our building is repaved Friday. We already moved our own "
                        "clients' parking to the side street."),
    ("blog", False, "Does my insurer read my therapy notes? No. Insurers get a billing code and dates of service. Your "
                    "notes stay with us. Before your first visit, we check your benefits. If you switch plans, send us "
                    "your new card before your first visit."),
    # eighth session: a photo post that says no client is on camera, an anonymous testimonial attributed
    # on its own line after an emoji
    ("tiktok", True, "day in the med spa 💉 7:45 coffee, 8:00 sterilize everything, 8:30 team huddle, then injections "
                     "til 6. no client faces on here EVER, promise 🤐✨ #medspalife"),
    ("linkedin", False, "“I finally feel like myself again.” 🌿\n— a Harbor Light client\n\nShared with permission. "
                        "If you're ready to start, we're here: (503) 555-0142"),
    # eighth session, round 31: a clinician named with a credential, an address to walk in at, a staff
    # wedding by a lake, a school someone trained at, the writer as the patient, a clinician by field
    ("email", False, "Hi there,\n\nFive tips for better sleep:\n1. Keep your wake-up time steady.\n2. Get morning "
                     "daylight.\n\nDr. Nadia Farrow, MD, and Dr. Luis Benavides, DO, are accepting new patients in "
                     "January.\nUnsubscribe anytime."),
    ("website", False, "Flu shots are available for ages 6 months and up, no appointment needed on Tuesday mornings, "
                       "at 300 Hollow Rd."),
    ("facebook", True, "Congratulations to Dr. Lauren Whitfield, DDS, and her new husband Ben, who married Saturday at "
                       "Lake Harriet!"),
    ("linkedin", False, "Please welcome Dr. Tomás Echeverría, PT, DPT! He completed an orthopedic residency at Duke and "
                        "is accepting new patients."),
    ("website", False, "Being the patient made me a better surgeon. Last spring I had bunion surgery on my own foot."),
    ("facebook", False, "free hearing screenings sat 10am @ the dover public library, 45 locust st. our audiologist jen "
                        "kowalski will be there"),
    # eighth session, rounds 30 and 32: a colleague's news told before her name, a staff roll call under a
    # staff-only photo, a mailing's "you", the practice's own promise, a sign-off with a town, a practice's
    # founding date, a hyphenated word before a colon
    ("instagram", True, "She said YES 💍 and then she said I DO! Congrats to our office manager Tasha Greene, who "
                        "married her high school sweetheart this weekend in Savannah 🥂"),
    ("instagram", True, "Our front desk dream team got matching sweaters 🎄 (staff only, no clients pictured!) Left to "
                        "right: Dana, Marisol and Kev."),
    ("email", False, "Subject: Holiday eating\n\nHi friend,\n\nHere’s our reminder: no single meal undoes your "
                     "progress.\n\nUnsubscribe: rootandsprout.com/unsubscribe"),
    ("instagram", True, "Our hygienist Tasha Greene, RDH, married Andre on Saturday! We promise we'll stop asking to see "
                        "the video… eventually 😂"),
    ("facebook", False, "Same-day sick appointments are available every weekday. Call (402) 555-0166. — Prairie "
                        "Pediatrics, Omaha"),
    ("linkedin", False, "10 years in Boise! In December 2016 we opened Sagebrush Counseling with two clinicians and a "
                        "borrowed couch."),
    ("instagram", True, "Costume contest winner: our front-desk queen Rosa Delgado! Runners-up: Dr. Kim as a giant floss. "
                        "Staff only in these photos, no patients pictured!"),
    # tenth session: a public figure whose first name a registered patient's nickname shares, staff by their
    # job, a star's own public story, a room's makeover, a volunteer, a sign-off that is a business, a move,
    # thanks for the stars, a dog's age, a team, a free screening's dates
    ("x", False, "Glaucoma month reminder. In Helen Keller's words, “Alone we can do so little; together we can do "
                 "so much.” Book a dilated exam: 503-555-0123"),
    ("google_reviews", False, "Sorry to read this. Billing questions are best handled privately: please call our "
                              "office administrator, Ruth Okafor, at (503) 555-0177 or billing@example-dental.com."),
    ("facebook", False, "Serena Williams has spoken publicly about the blood clots she faced after giving birth. Know "
                        "the warning signs, and call our OB team any time: (503) 555-0188."),
    ("instagram", True, "Before ➡️ After: the lobby makeover is done! huge thanks to our PT aide Marco for two "
                        "weekends of painting 🎨"),
    ("facebook", False, "Therapy dog visits are back! Volunteer handler Joan and her lab Scout will visit the rehab "
                        "gym every other Friday, starting March 6."),
    ("linkedin", False, "Did you know? Untreated hearing loss is linked with dementia, per the 2020 Lancet "
                        "Commission. A baseline hearing test after 50 is smart. Brookside Hearing, 555-202-3030."),
    ("website", False, "We've moved! 📦 Starting Monday, June 8 we're at 220 Oak St, Suite 4. Your records came "
                       "with us. See you at the new place!"),
    ("yelp", False, "thx for the 5 ⭐️ Dani!! means the world to our crew 🙏"),
    ("instagram", True, "meet Waffles 🐶 our new therapy dog, a 2 yr old golden who loves tennis balls. nervous "
                        "around dogs? just tell the front desk 💛"),
    ("x", True, "Dr. Patel threw out the first pitch at Friday's Mudcats game! ⚾ She's been the team physician "
                "for six seasons."),
    ("facebook", False, "Thanks to everyone who came to our free vision screening at the Elm Street Library on "
                        "Oct 3! Next screening: Nov 7, 9am–noon. No appointment needed."),
    # tenth session, rounds 39-40: doses on a schedule, standard amounts in an FAQ, a practice manager thanked
    ("email", False, "Flu shots are here for everyone 6 months and up! Kids under 9 getting their first flu vaccine "
                     "need two doses, four weeks apart.\n\nYou get this because you subscribed. Unsubscribe any time."),
    ("email", False, "Do I need a prenatal vitamin? Yes: folic acid (400–800 mcg daily) helps prevent neural tube "
                     "defects. Keep caffeine under 200 mg a day.\n\nUnsubscribe any time."),
    ("linkedin", True, "We're open in Bayside! 🎉 Thank you to our amazing staff who made the move happen, especially "
                       "practice manager Owen Reyes. Now accepting new patients: 555-0164."),
    ("linkedin", False, "Dr. Lee presented with our partners at the state PT conference on new ACL rehab research."),
    # ninth session: a colleague's own surgery and the colleagues covering for her
    ("facebook", False, "It’s me, Jenna (your favorite hygienist 😅). Heads up that I’m having my own ACL surgery on "
                        "Dec 10. Dr. Soto and Alyssa will take great care of you while I’m gone!"),
    # round 34: a clinic dog's "he" in a photo post, a sponsor list, a study's authors, a how-to video's title
    ("facebook", True, "Meet Biscuit! 🐶 Our golden retriever passed his therapy-dog certification. He’ll be in the "
                       "office Tuesdays; if you’d rather not say hi, he’ll hang out in the back office."),
    ("facebook", True, "Our walk raised $18,430! Huge thanks to our sponsors Ridgeway Ford, Moss & Finch Law and Blue "
                       "Heron Bakery. #autismacceptance"),
    ("youtube", False, "How to Clean Your Hearing Aids in 60 Seconds | ClearSound Audiology\nOur audiologist shows you "
                       "how to brush wax off the microphone ports."),
    # round 33: a new hire's start date, a clinician's own panic attacks, a move with an ADA entrance, a therapy
    # dog's "he", before-and-after pictures said to be posted with a signed authorization on file
    ("facebook", True, "Welcome to the team, Priya Shah, OTR/L! She’ll be seeing pediatric clients at our Littleton "
                       "location starting Monday, March 3."),
    ("instagram", False, "I’m a therapist who’s been in therapy for 15 years. My own panic attacks started in grad "
                         "school. — Dr. Marisol Vega, PsyD"),
    ("website", False, "We’ve moved! Find us at 1200 Lakeshore Dr, Suite 300, Oakland, CA 94606. Elevator access and "
                       "an ADA entrance on the east side."),
    ("instagram", True, "meet biscuit 🐶 our newest team member & certified therapy dog! he belongs to our counselor "
                        "jenna and will be in the office tues + thurs. #therapydog"),
    ("instagram", True, "Before-and-after photos shared with our patient’s signed written authorization (on file). "
                        "12 weeks of a prescription topical routine. #dermatology"),
    # round 35: a room's makeover, a founder's funeral, a plain thank-you to a reviewer, an authorization's date
    ("instagram", True, "Before ➡️ After: our treatment room got a makeover! 🛋️ New heated tables and dimmable lights."),
    ("instagram", True, "our waiting room got a glow up 🪴✨ new chairs, new plants. come see it! #officetour"),
    ("facebook", False, "We’re heartbroken to share that our founder, Bev Harmon, LMT, passed away on Sunday. Services "
                        "are Thursday at St. Luke’s."),
    ("healthgrades", False, "Thank you, Dave! We’re grateful for every kind word. Our team works hard to make every "
                            "visit easy."),
    ("google_reviews", False, "Thanks for the review! Our cancellation fee policy is posted on our website for everyone."),
    ("website", False, "“The whole team treated me like a person.” — shared with the patient’s written permission "
                       "(authorization on file, Feb 2025)"),
    # eleventh session, rounds 41-43: a closure's farewell, cheering a colleague, "anyone with", a colleague's short
    # name, the team out together, jobs written as titles, a named client's words with signed permission stated,
    # a treatment's schedule, a bare thanks to a reviewer, a school's team, the practice's pet "officer"
    ("facebook", False, "Office closed Nov 27–28 for Thanksgiving 🦃 see you all after the holidays!"),
    ("linkedin", False, "Congrats to our hygienist Dana Ruiz, RDH, on her new local anesthesia permit! So proud of you!!"),
    ("facebook", False, "Free balance screenings Saturday at the library, 10–2. Especially helpful for anyone with "
                        "neuropathy."),
    ("instagram", True, "Our office manager Jessica finished her first half marathon Sunday!! 🏅 way to go Jess!"),
    ("instagram", True, "staff bowling night 🎳 L→R: Dr. Patel, Monica, Jorge and Dr. Kim. Jorge won, obviously"),
    ("email", False, "Chili cook-off Thursday! Judged by Mr. Alvarez (he is our head cook, not a resident). "
                     "Unsubscribe any time."),
    ("facebook", True, "Fall family picnic Sunday, Oct 5, 1–3 pm! RSVP to Wellness Coordinator Dana Price at 555-0188."),
    ("website", False, "“My knees don’t ache on the stairs anymore.” — Doris K.\n(Shared with Doris’s signed written "
                       "permission.)"),
    ("website", False, "Microneedling: most people need 2–4 sessions, 4–6 weeks apart. Results vary."),
    ("yelp", False, "Thank you so much, Rhonda! 💐"),
    ("x", False, "Good luck in the playoffs tonight, Jefferson High! 🏀 our whole team is cheering"),
    ("instagram", True, "Meet our Chief Snack Officer, Pepper 🐕 she belongs to Dr. Lowe and visits Fridays (just tell "
                        "the front desk if you'd rather skip the dog)"),
    ("email", False, "Big news: our front-desk hero Carmen and her wife welcomed baby Leo on May 2! Carmen is out until "
                     "July. Unsubscribe any time."),
    # a question to every follower; a mailing's "if you called ... today" and its signature with a job title
    ("linkedin", False, "Loved every minute of the state OT conference. Anyone else go? What session was your favorite?"),
    # rounds 44-45: a day's hours on its own line, a deadline asked of everyone, "did" is no disorder
    ("website", False, "Thanksgiving week hours\nNov 26 (Wed): 8–1\nNov 27 (Thu): CLOSED\nOrder refills through the patient "
                       "portal by Nov 24, please."),
    ("google_reviews", False, "We're sorry your experience did not meet expectations. Privacy rules keep us from "
                              "discussing details here; please call our office manager at 555-0110."),
    # rounds 46-47: a short cheer under a photo, with no health word, is no one's care
    ("facebook", True, "We did it!! 🎉 Cedar Family Counseling turns 10 today. From one little office to 12 clinicians. "
                       "Thank you, neighbors!"),
    ("linkedin", True, "Congrats to our front desk lead Dana on 12 YEARS with Bright Teeth!!! (Yes, the cake is from "
                       "Crumb Bakery 🍰)"),
    # rounds 48-49: a room's glow-up with no "our", a bare "Before 👉 After!" over a desk's makeover, a
    # before-and-after with signed permission stated, a colleague's desk praised after her name, a list of
    # colleagues after "our nurses:"
    ("instagram", True, "lobby glow up is DONE 🎉 new paint and new chairs. come see it!!"),
    ("instagram", True, "the new couches in room 2 finally arrived 🛋️ come sit on them sometime!"),
    ("instagram", True, "Before 👉 After! Our front desk got a makeover 🌿 same great team, new counters for you all"),
    ("instagram", True, "BEFORE ➡️ AFTER ✨ 3 sessions of microneedling on acne scarring. Shared with our patient’s signed "
                        "written permission. Results vary."),
    ("facebook", True, "HAPPY BIRTHDAY TANYA!!! 🎂 our amazing billing queen turns 40 today 👑"),
    ("facebook", True, "Happy Nurses Week to our incredible nurses: Rhonda, Josue and Tamika!! 🩺"),
    ("instagram", False, "And our spring raffle winner is… @petalpusher_22!! 🌷 Open to everyone, no appointment or "
                         "purchase needed. Check your DMs!"),
    ("instagram", True, "Glow-up season 🌸 20% off all chemical peels in April. (Pictured: a stock model, not one of our "
                        "clients.)"),
    ("tiktok", True, "a morning in the life of a pediatric PT 🧸 (all filmed before/after hours, no kiddos on camera) "
                     "setting up the obstacle course + coffee #1 ☕"),
    ("facebook", False, "“Can I chew gum with braces?” A patient asked us this yesterday and it’s one we hear a lot, so "
                        "here’s the answer: sugar-free only, and not too much!"),
    ("website", False, "Billing & Coverage\n\nWe’re in-network with most major plans, including Medicaid. Questions "
                       "about your benefits? Call our billing desk at 555-0188."),
    ("website", False, "Sleep Apnea Treatment (CPAP & Oral Appliances)\n\nMost people with sleep apnea never get "
                       "diagnosed. A home sleep test can tell you more."),
    # a question asked of the practice, answered for everyone
    ("instagram", False, "A client asked us this week whether night guards really help with jaw pain. Great question! "
                         "Short answer: for most grinders, yes 🦷"),
    ("tiktok", False, "the question we hear most at first visits: “will adjustments hurt?” honestly? almost never 🙂"),
    ("instagram", True, "our hygienist Dr. Lee swam across the lake for charity this weekend!!! 2 hrs 14 min 🏊‍♀️ so proud"),
    ("instagram", False, "mother’s day tip from our family team 🌷 put the phone down at dinner, ask one real question.\n"
                         "#familytherapy #mothersday"),
    ("linkedin", False, "Now hiring a part-time LPC. Perks: paid Gottman training, weekly consultation, hybrid schedule."),
    ("email", False, "Subject: Our phone line was down\n\nHi all,\nOur phones were out Tuesday morning. If you called and "
                     "got a busy signal, we are returning every message today.\n\nThanks for bearing with us,\nMaria "
                     "Lopez, Office Manager\n\nUnsubscribe any time."),
    # rounds 67-70: people by their own story, business or venue; a how-to list; a colleague's newborn
    ("instagram", False, "Jordan Ellery has been candid about his stutter since he was a kid. Speech therapy helps "
                         "adults too, ask us how."),
    ("facebook", False, "Vertigo that comes with ringing in one ear can be Ménière’s disease. Our audiologists can "
                        "test for it, call (503) 555-0144."),
    ("instagram", False, "Kofi Mensah from Oticon will be in the office Friday 9–12 demoing the new rechargeable hearing "
                         "aids. Walk-ins welcome!"),
    ("facebook", False, "“My lifters deserve a team that keeps them under the bar,” says Ironworks owner Coach Dana "
                        "Reyes. Ironworks members get a free movement screen with us."),
    ("blog", False, "5 Signs Your Toddler Might Benefit From a Speech Evaluation\n\n1. Fewer than 20 words by 18 "
                    "months.\n2. Frustration that turns into meltdowns when they can’t get their message across.\n"
                    "3. Losing words they used to say. Our SLPs, Kwame Osei and Hope Delgado, can help."),
    ("facebook", True, "Join us in congratulating our hygienist Leah Brandt, RDH, and her wife Mara on the arrival of "
                       "baby Ezra, born Friday at 8 lbs 1 oz!"),
    ("linkedin", False, "“I sleep through the night again.” — Jasmine K.\nJasmine signed a written HIPAA authorization "
                        "allowing us to share her words here."),
    # rounds 72-76: a how-to question over a list, a video's chapters, an author's reading
    ("blog", False, "What happens at a first PT evaluation? 🦵\n\nHere's the usual order:\n\n1. A chat about your "
                    "history and goals.\n2. A look at how you walk and move.\n3. Strength and range-of-motion tests."
                    "\n\nIt takes about an hour."),
    ("youtube", True, "What happens at a first counseling visit? A short walkthrough. Everyone in this video is staff or "
                      "a paid actor, no patients were filmed.\n\n0:00 Check-in\n1:20 Intake questions\n4:05 Making a "
                      "plan together"),
    ("facebook", False, "BOOK NIGHT 📚 Join us Thursday, April 9 at 7pm as local author Dana Reyes reads from her memoir "
                        "about her own recovery from anorexia. Free, all welcome."),
    # rounds 72-76: the posting itself authorised in writing, named or not, in English or Spanish
    ("instagram", True, "10 weeks of our in-office peel series ✨ Shared with this patient's signed written "
                        "authorization, thank you for letting us show off your glow! Results vary. #beforeandafter"),
    ("instagram", True, "Antes y después ✨ depilación láser, 5 sesiones 💫 Publicado con la autorización por escrito de "
                        "nuestra clienta, ¡gracias por confiar en nosotras! Los resultados varían. #laser"),
    ("youtube", True, "Nadia's Story: Dancing Again After Knee Surgery\n\nNadia Osei asked to share her journey. In this "
                      "video she talks about her 12 weeks of PT.\n\nNadia signed a written HIPAA authorization allowing "
                      "us to use her name, image and story in this video."),
    ("linkedin", False, "For months I saw clients all day and cried in my car at lunch. My own therapist (you know who "
                        "you are) helped me back. Therapists are people too.\n\nDana Whitfield, LCSW"),
    # fifteenth session: a team's list opened by a doctor, two hats, a team sign-off, a surname that is a venue,
    # a country's dots, a limit, a health word at a sentence's start, the practice's site, a colleague's own story,
    # permission opening the post, a skit, a refusal, the front desk, a portal and its mailbox, the intake line,
    # a town that is a given name, shares of clients, a tag with no picture, a giving deadline, a senator's family,
    # colleagues after a dash
    ("instagram", True, "our hearing team at #walk4hearing today 🎧 dr. patel, jo & marco walked the whole 5k and "
                        "raised $900 for the hearing loss association!"),
    ("facebook", True, "Sunset Stretch in Laurelhurst Park was packed! Led by our own physical therapist and yoga "
                       "teacher, Dana Whitfield. Next one: Sat June 7, 6pm."),
    ("email", False, "Subject: Core class, 3 spots left\nSaturdays in May, 9am. $80 for four weeks.\nSee you on the "
                     "mat!\nPriscilla & the Eastside PT team\nUnsubscribe any time."),
    ("linkedin", False, "Our new billing lead, Grace Hall, can answer insurance questions for our counseling clients "
                        "at (503) 555-0148."),
    ("facebook", False, "About 1 in 6 U.S. adults live with chronic pain. Ask your PT about a graded activity plan."),
    ("email", False, "Subject: March tips\nRunning again after an injury? Build up your mileage 10% per week, max. "
                     "Your knees will thank you.\nUnsubscribe any time."),
    ("linkedin", False, "Burnout doesn't check your job title. Rest is part of the work, even for therapists. #therapistburnout"),
    ("instagram", False, "Welcome Dr. Ana Ruiz! She sees physical therapy patients at our Lakeside clinic on "
                         "Tuesdays. Book online!"),
    ("youtube", True, "Our audiologist Dr. Lena Park grew up with hearing loss in one ear. Here she talks about her "
                      "first hearing aid. Thank you for sharing your story, Dr. Park!"),
    ("facebook", True, "With her parents' written permission, we're cheering for 5-year-old Ivy, who rang our bell today after finishing her feeding therapy! 🔔"),
    ("tiktok", False, "pov: a 6 yr old asks the dentist if the tooth fairy pays taxes 😂 (generic skit, no real "
                      "patient here)"),
    ("healthgrades", False, "We're sorry you felt unheard. Federal law means we can't confirm whether anyone is a patient or talk about care online. Please call our patient advocate at 555-0166."),
    ("yelp", False, "Thanks for the five stars! We'll pass this on to Marisol and Devin at the front desk; they make our mornings."),
    ("email", False, "Subject: New patient portal\nStarting June 1 you'll message your care team through MyHarbor. Watch for an email from noreply@myharbor-portal.com with your link.\nUnsubscribe any time."),
    ("instagram", False, "Kevin Love has spoken openly about his panic attacks and asking for help. If he can, so "
                         "can you. Our intake line is open weekdays 8–6: (555) 010-2233"),
    ("email", False, "Subject: Spring news\nSpring has finally arrived here in Madison and our therapy gym has new "
                     "equipment!\nUnsubscribe any time."),
    ("linkedin", False, "2025 in numbers: 340 clients served, 92% of families said they'd recommend us. Thank you to every nurse, chef and front-desk hero!"),
    ("instagram", False, "glow season ✨ 15% off facials through 5/31 with our esthetician Bree. link in bio! "
                         "*results vary #glowup"),
    ("email", False, "Subject: Help us open 6 more detox beds\nEvery gift through May 15 will be matched by the "
                     "Alder Foundation. Give at example.org/beds.\nOpt out of fundraising emails here."),
    ("facebook", False, "State Sen. Maria Wood spoke at the Capitol about losing her brother Sam to an overdose. Her "
                        "courage matters. If you need help: 1-800-662-4357."),
    ("instagram", True, "Happy Midwifery Week! Today we celebrate our three midwives — Ines, Tova and Ruth — with 40 "
                        "years of births between them. #midwives"),
    # rounds 83-84: a letter to "Dear Friend", a release "so we could celebrate her", a volunteer's own words, a
    # relations desk, a colleague's newborn, a saint's chapel, a book's authors, county counts, Santa, a title of
    # ordinary words, a reader's question we hear every week, a patient advocate's line, the team then and now
    ("email", False, "Subject: Can you help us keep the phones on?\nDear Friend,\nLast month our helpline answered "
                     "300 calls. $20 covers an hour of a counselor's time. [Give]\nTo stop these emails, reply "
                     "REMOVE."),
    ("facebook", True, "Happy 99th birthday, Edna Morrow! 🎂 Edna taught third grade for 40 years and still leads our "
                       "Tuesday sing-along. Edna and her son signed our written photo and story release so we could "
                       "celebrate her with you today 💐"),
    ("facebook", True, "VOLUNTEER SPOTLIGHT ⭐ Meet Walter! He has driven our meal van for 9 years. When we asked "
                       'why, he said, "Somebody has to keep you all on time." Thank you, Walter!'),
    ("google_reviews", False, "Thank you for telling us. Privacy laws mean we can't discuss anyone's care here, but "
                              "our Patient Relations manager, Ines Costa, would like to talk: 555-0188."),
    ("instagram", True, "IT'S A BOY 💙 Congrats to our very own Dr. Sam Ortiz and her wife Ana on the arrival of baby "
                        "Leo, born Friday night!"),
    ("facebook", False, "Blue Christmas service 🕯️ Thursday 7pm at St. Mark's Chapel. Open to anyone grieving this "
                        "season. Chaplain Ruth Abel will lead."),
    ("blog", False, "Book club pick: The 36-Hour Day. If you've ever wished caring for a parent with dementia came "
                    "with a manual, Nancy Mace and Peter Rabins wrote it. We meet Thursday at 10am."),
    ("facebook", False, "The Herald reported our county lost 37 neighbors to overdose last year. Free naloxone is at "
                        "our front desk, no questions asked."),
    ("instagram", True, "Santa's dress rehearsal with our nurses 🎅 Photos with Santa this Saturday 9–noon, everyone "
                        "welcome!"),
    ("facebook", True, "Our team went full Toy Story for Halloween 🤠 can you spot Dr. Lee? Trunk-or-treat Friday "
                       "4–6pm, every kid welcome, patient or not!"),
    ("blog", False, '"Should my 3-year-old still be using a pacifier?" We hear this question every week, so let\'s '
                    "talk about it. Most kids drop it by age 4."),
    ("healthgrades", False, "Thank you for your feedback. We don't confirm whether anyone has received care from us. "
                            "Our patient advocate can be reached at 555-0144."),
    ("facebook", True, "15 years today! 🎉 Dr. Hale opened our doors in 2010 with one chair. (pictured: our original "
                       "team, then and now)"),
    ("linkedin", False, "2024 at a glance: 180 clients served, 91% of families said they'd recommend us, and we "
                        "launched a family-based treatment track."),
    # rounds 85-86 (after their measurement): a patient-relations desk, a reading list's authors, volunteers listed
    # after a doctor, the moms on our team, an office plant, a colleague who sees patients
    ("google_reviews", False, "We never confirm whether someone is a patient here. We'd be glad to talk, though: "
                              "please call Ana Ruiz in patient relations at 555-0162."),
    ("blog", False, "Winter reading list from our therapists:\n1. Atomic Habits — James Clear\n2. The Gifts of "
                    "Imperfection — Brené Brown\nBorrow them from our lobby shelf."),
    ("facebook", True, "Coat drive this Saturday 10–2 at Lincoln Park, open to every family in town, no appointment "
                       "needed! (pictured: our volunteers Dr. Hale, Keisha and Omar sorting coats last night)"),
    ("instagram", True, "happy mother's day to the moms on our team: Tasha (twin toddlers!), Dr. Mei (baby #2 due in "
                        "july, she said tell everyone) and Rosa 💐"),
    ("email", True, "Subject: March news\nWelcome Dr. Omar Haddad! He sees patients Tuesdays and Thursdays. (That's "
                    "him with his new office plant, Gerald.)\nUnsubscribe here."),
    # sixteenth session: the grown-ups children call Ms. and Mr., colleagues in a pasted chat, the one readers are
    # sent to, someone named by their work elsewhere, office titles cut short, a heading signed by a doctor, a bio's
    # he/she, a consented patient thanked twice, a colleague's family news, an official's own public story
    ("facebook", False, "Our toddler feeding therapy group starts back Monday! Questions? Ask Mr. Tobi or Ms. Lena "
                        "at pickup 🍎"),
    ("instagram", False, "[9:14] Dana: is the new speech therapy flyer ready to post?\n[9:16] Marco: yes! printing "
                         "now, will drop it at the front"),
    ("facebook", False, "Our teen anxiety skills group is full for winter. Email Rachel to join the waitlist 📧"),
    ("facebook", False, "Thanks to reporter Lydia Marsh for covering our grief support circle in Sunday's paper. "
                        "She listened with so much care."),
    ("linkedin", True, "Pictured with Rep. Ana Solis after our testimony for the mental health parity bill 🏛️"),
    ("youtube", False, "Knee Pain or Hip Pain? How to Tell Which One You Have | Dr. Maya Chen\n\nA short video on "
                       "where pain starts and when to get it checked."),
    ("website", False, "Priya Raman, LMHC\n\nPriya has worked with new parents for ten years. She's trained in "
                       "perinatal mental health and loves helping moms who were told not to talk about their feelings."),
    ("instagram", True, "“Therapy taught me I'm allowed to rest.” 💛\n\nThank you, Jasmine Ortiz, for letting us "
                        "share this. We're so grateful you trusted us."),
    ("facebook", True, "This weekend our own Priya Raman is running the memory walk for her grandmother, who was "
                       "diagnosed in May. She asked us to share her page 💜"),
    ("facebook", False, "Thank you, Councilor Ben Ruiz, for talking so honestly at Monday's forum about your own years "
                        "in recovery."),
    ("instagram", True, "Shout-out to the robotics club down the hall, who kept our front desk stocked with cocoa all "
                        "week ☕ (pictured: the team + 40 empty cups)"),
    ("facebook", True, "Eight years with Imelda at the front desk 🎉 We'd be lost without you, Imelda!!"),
    ("facebook", False, "Good news: Dr. Okafor is welcoming new patients from birth through age 12! Call the front "
                        "desk to book."),
    ("facebook", False, "Our hearts are heavy: Walter Grieg, who served as Lincoln County's school nurse for 30 years, "
                        "partnered with our clinic on every vaccine drive. Services are Saturday at 11."),
    ("facebook", False, "Thanks for all the kind reviews this month, they mean the world to our clinical team. "
                        "🌿 — Cedar Hill Family Therapy"),
    # round 89: an insurer named after a town, a colleague's child's milestone, a colleague's newborn after her
    # leave, a colleague by her job
    ("x", False, "@newparent_pdx good question! we're in network with Moda, Providence and PacificSource. our intake "
                 "team can check coverage before anyone books 💙"),
    ("instagram", True, "Lost-tooth news! Our hygienist Rosa's son lost his first tooth at soccer practice 🦷 Rosa says "
                        "the going rate at home is $1 + a sticker. What does the Tooth Fairy leave at your house?"),
    ("linkedin", False, "Welcome back, Jordan! Jordan Alvarez, LCSW is back from parental leave and opening a few "
                        "evening spots. Congrats again to Jordan's family on baby Ines 💙"),
    ("instagram", True, "6 YEARS of Ms. Dana!! 🎉 Our speech therapist has heard roughly a million 'wabbits' and still "
                        "smiles every time. Thank you for everything, Dana 💚"),
    # round 90 (after its measurement): a teacher's class, a coach's own public news, a school by "HS", a crisis line's
    # "free" is no name spoken to
    ("x", False, "rough night? the warmline is open till 11, confidential, free. if ur not safe call 911. u matter 💛 "
                 "#youmatter"),
    ("facebook", True, "big thanks to Mr. Abara's 4th grade class at Sunnyside Elementary for the mental health "
                       "awareness posters 💛 they're up in our waiting room now"),
    ("facebook", False, "sending love to Coach Rita Vance & the Grant HS swim family 💙 coach shared publicly this week "
                        "that she's starting radiation, and the team is collecting cards. drop one in our lobby box "
                        "thru friday ✉️"),
    # seventeenth session: a reading list with co-authors and asides, a partner chapter named by an acronym,
    # panelists known by their work elsewhere, a photo of an empty room, staff by their department
    ("instagram", False, "staff picks for the break room shelf 📖\n"
                         "• Hold Me Tight — Sue & Jim Johnson (from our couples team)\n"
                         "• Lost Connections — Johann Hari\n"
                         "• Happier — Dan Harris (for the anxious among us)\nwhat are u reading?"),
    ("facebook", False, "Big thanks to our speakers at Thursday's teen anxiety night: Rosa Delgado, school counselor at "
                        "Madison High, and Officer Kim Ruiz of the Gresham police crisis team. Slides are on our site, "
                        "and NAMI Clackamas had a table with free resources."),
    ("instagram", True, "new couches in the Harbor View group room for the January grief circle 🛋️ come sit in them "
                        "Jan 7! (photo: the empty room, lamps on)"),
    ("x", False, "Omar from IT got the new check-in kiosk working before our 8am rush. Legend. 🙌"),
    # ... round 94: interns listed with asides, donors thanked for their gift, a refusal about appointments, a
    # principal and a school's info night, a league's parent meeting ("Free," is no one), a consented story
    ("instagram", True, "welcome to our spring interns!! 🌱 Bree (MSW student at Portland State) and Tomás "
                        "(counseling student at George Fox) start Monday, say hi 💚"),
    ("facebook", False, "Thank you to the Alder Family Fund for a $5,000 gift to our sliding-scale fund, so more "
                        "Oregonians can get therapy this year. Thank you Helen and Mark Alder for believing in access "
                        "to care."),
    ("facebook", False, "Hi Renata! To protect your privacy we don't discuss appointments here 💙 Please call us at "
                        "(503) 555-0142."),
    ("facebook", False, "Big thanks to Principal Okafor and the counseling team at Lent Elementary for the partnership! "
                        "Parents, come to our info night Feb 5."),
    ("facebook", False, "📣 Tualatin Thunder families: Jordan Alvarez will speak at the league's spring parent meeting "
                        "Sat Mar 7 about sports anxiety and how to talk to your kid after a loss. Free, all welcome!"),
    ("website", False, "Marcus Bell agreed to share his story. Two years ago Marcus was commuting three hours a day and "
                       "hadn't slept well in months. He worked with our team on burnout and sleep, and today he "
                       "coaches his son's robotics club."),
    # ... round 95: a founder's anniversary in lower case ("dr." before a full name is no Drive), a bookshop and its
    # street, a colleague's anniversary beside a program's acronym
    ("instagram", True, "9 yrs ago today dr. maya chen opened our first office w/ one borrowed desk 🪴 now we're 2 "
                        "offices + a teen DBT program. thank u portland 💙"),
    ("facebook", False, "Shout-out to Juniper Books on Alberta for our new grief-and-loss shelf! Staff picks:\n"
                        "• It's OK That You're Not OK — Megan Devine\n• The Grief Recovery Handbook — John James"),
    ("facebook", True, "Happy 3rd Harbor Light anniversary to Jordan Alvarez, who now co-leads teen DBT. 📸 Jordan "
                       "with his cake!"),
    # ... round 93 (after its measurement): a staff outing whose photo says it shows staff only
    ("instagram", True, "Harbor Light crew at the Sellwood Stroll 🎄 the eggnog was strong and the hats were stronger. "
                        "pic: all 6 of us (staff only!)"),
    # ... a reading list typed on one line, its bullets mid-line
    ("instagram", False, "winter reading from the team 📚 • Burnout — Emily & Amelia Nagoski (priya's pick) • Lost "
                         "Connections — Johann Hari • The Mindful Way — Mark Williams & Danny Penman (for the anxious "
                         "among us) • Atlas of the Heart — Brené Brown"),
    # eighteenth session: a photo of an empty room said in brackets, a heading naming whose feature it is, a reply
    # saying the practice cannot see another office's records, a Q&A's quoted question, the writer's own sobriety, a
    # figure's source in capitals, a clinician's letter, a reading list with notes on each book, a team's sign-off
    ("facebook", True, "Our new upstairs waiting area is finally done! Pic: the freshly carpeted (and totally empty!) "
                       "lounge, ready for Monday."),
    ("instagram", True, "Staff Story 🧠 Priya Raman on why she works with teens:\n“I was diagnosed with depression at "
                        "15, and a school counselor changed everything for me. I wanted to be that person.”\nThanks "
                        "for sharing, Priya 💙"),
    ("google_reviews", False, "Thanks for writing. To clarify, the sleep clinic down the hall is a separate office, and "
                              "we don't have access to their calendar or records. For anything about Harbor Light, "
                              "call (503) 555-0142."),
    ("facebook", False, "Ask-a-therapist Tuesday!\n\nQ: “My 14-year-old says therapy is pointless. How do I even bring "
                        "it up?”\nA: Ask once, then make room: car rides and dog walks beat sit-down talks.\n\nSend "
                        "questions to hello@harborlightcounseling.com"),
    ("linkedin", False, "Today I'm 7 years sober.\n\nI work the front desk here and don't talk about it much. If you're "
                        "on day one, it gets lighter. — Bree"),
    ("x", False, "Relapse rates for opioid use disorder look like those for asthma, per NIDA. A setback means the plan "
                 "needs adjusting."),
    ("instagram", False, "A letter from Dr. Maya Chen 💌\n\nThis month I lost my grandmother. I've sat with hundreds of "
                         "grieving families and still wasn't ready. Be kind to yourselves this season."),
    ("blog", False, "Books we keep lending out:\n1. Maybe You Should Talk to Someone — Lori Gottlieb. A therapist goes "
                    "to therapy, and it's funny.\n2. Man's Search for Meaning — Viktor Frankl. Short and steadying."),
    ("email", False, "Subject: Winter parking + portal reminders\n\nOur lot is being resealed Jan 6-8, so please use "
                     "street parking. Sessions switch to telehealth if roads ice over.\n\nNina, Omar & the scheduling "
                     "team\nHarbor Light Counseling\nUnsubscribe any time at harborlightcounseling.com/preferences."),
    # ... rounds 100-101: a sequence's headings, an anonymous quote attributed in brackets, a treatment said to work for
    # no one always, a myth knocked down, a consented quote under a long heading, a teacher titled after their job,
    # a university named after people
    ("blog", False, "Your First Month of Ketamine-Assisted Therapy\n\nWeek 1, Screening. We review your history and "
                    "blood pressure.\nWeek 2, Preparation. You meet your integration therapist.\n\nQuestions? Call "
                    "(503) 555-0142."),
    ("x", False, "“Having my therapist and my prescriber in the same building changed everything.” (a Harbor Light "
                 "client)\n\nCoordinated care under one roof."),
    ("youtube", False, "ASK DR. CHEN: Is TMS right for me?\nTMS helps many people with depression, but none of these "
                       "treatments works for everyone. Talk with your own prescriber."),
    ("blog", False, "Myths vs. facts about therapy\n\nMYTH: One session is a miracle cure.\nFACT: Change takes time, and "
                    "it looks different for everyone."),
    ("facebook", True, "Client words that keep us going on the hard days 💛\n\n“Harbor Light helped me find my footing "
                       "again.” — Jasmine Ortiz\n\nThank you, Jasmine, for letting us share!"),
    ("facebook", False, "Thanks to Riverside High's wood shop for building our lobby bookshelves! Shop teacher Mr. Brandt "
                        "and his students did the whole thing, and it's a calm corner now."),
    ("website", False, "Next month's guest on our podcast studies sleep and anxiety in teens at Johns Hopkins. Free to "
                       "stream wherever you listen."),
    # ... round 102 (after its measurement): a reply that the law keeps the practice from confirming anything, a
    # colleague's child named before the relation, the season come round, a plant the team named, the practice's own
    # street
    ("yelp", False, "Thanks for taking the time to write. Privacy law prevents us from confirming whether anyone is or "
                    "was a patient here, so we can't reply to specifics. Please call (503) 555-0142."),
    ("instagram", False, "So proud of Nora Raman — Priya Raman's daughter — who ran her first marathon on Sunday!! 🏃‍♀️ "
                         "The whole team is cheering."),
    ("email", False, "Subject: May at Harbor Light 🌷\n\nSpring is finally here, and so is Mental Health Awareness "
                     "Month. Our free anxiety workshop is May 13.\n\nUnsubscribe any time."),
    ("instagram", False, "office plant update 🌿 the pothos we named Gerald got a new shelf by the window. he's thriving"),
    ("facebook", True, "Waffles the office dog says hi from the lobby at Harbor View Road 🐶 (no clients in this pic!)"),
    # nineteenth session: what an event asks of anyone, a holiday in capitals, what research says, researchers and a
    # public figure's spouse in her memoir, a trick that "works every time", the reviewer named in the reply's
    # heading note, a clinician's own story told to every reader, the practice's own clinicians counted
    ("facebook", False, "New: Sleep Reset class, Thursdays at 6 at our Belmont office. Bring a pillow (no sleep diary "
                        "required!)."),
    ("website", False, "VALENTINE'S COUPLES INTENSIVE | Feb 6-8\nThree mornings of structured work on how you two talk. "
                       "Call (503) 555-0142 to book."),
    ("blog", False, "Can't sleep? Here's what research says helps:\n1. Same wake time daily (7:00, 7 days a week)\n"
                    "2. Daylight before 10 (20,000 lux outdoors beats any lamp)"),
    ("linkedin", False, "Burnout lives in the job, not the person. Christina Maslach and Michael Leiter described the six "
                        "drivers decades ago, and the anxiety data still backs them."),
    ("blog", False, "In her memoir, Serena Williams writes candidly about the postpartum months with Alexis and the "
                    "therapy that helped her through them."),
    ("tiktok", False, "POV: your cousin grills you about grades at dinner. Ask him about his fantasy team instead. Works "
                      "every time 😂 #boundaries"),
    ("yelp", False, "[Reply to 1-star review from “Rick M.”]\nThank you for writing. We never confirm whether anyone "
                    "is seen here, but we'd welcome a call at (503) 555-0142."),
    ("blog", False, "By Jordan Alvarez, LCSW\n\nMy first panic attack hit in a grocery store when I was 22. I thought I "
                    "was dying. If you're reading this in a parking lot right now: breathe out slowly. You belong "
                    "in your program. You're allowed to ask for help."),
    ("linkedin", False, "Three of our clinicians presented at the Oregon Counseling Association conference this week."),
    # ... rounds 106-110: a video's chapter list, a Q&A answer signed in brackets, agencies in capitals, a unit in
    # capitals, a dog and a couch, an author by what she published, a month, a colleague who will help, a team's
    # sign-off with the office pet, new groups with their start date, a notice's apology, an open call to a group's
    # graduates, run-together topic tags
    ("youtube", False, "Panic Attacks 101 | Jordan Alvarez, LCSW\n\n0:00 Intro\n2:15 What a panic attack is\n6:40 The "
                       "intake call\n11:05 Breathing drills\n\nEducation only, not medical advice."),
    ("blog", False, "Q: Can I get an ADHD evaluation without a referral?\n\nA (Priya Raman, therapist): Usually yes. Call "
                    "your plan first and ask what it covers for psych testing."),
    ("linkedin", False, "Not legal advice: if an accommodation request for your ADHD stalls, your union rep or the EEOC can "
                        "help, and so can OSHA for safety issues."),
    ("instagram", True, "Welcome Sophie, our new MSW intern! She's passionate about NICU family support and will co-lead "
                        "groups with Jordan this spring."),
    ("instagram", True, "meet waffles 🐾 a 3yo goldendoodle and our newest therapy-dog-in-training, snoozing on the "
                        "(empty) couch in room 2 before opening"),
    ("facebook", False, "In 2016, Glennon Doyle published Love Warrior, a memoir about her recovery from bulimia. Stories "
                        "like hers help readers name what they feel."),
    ("blog", False, "Deductibles 101: In January, most plans reset, so your first few sessions may cost more until you "
                    "meet it again."),
    ("blog", False, "Telehealth tips:\n1. Test your link early.\n2. Use headphones.\nStill stuck? Email "
                    "hello@harborlightcounseling.com and Marisol will walk you through it."),
    ("email", False, "Happy holidays from all of us! If the season is heavy, the 988 Lifeline is open 24/7.\n\nWarmly,\n"
                     "Maya, Jordan, Priya, Tess, Omar & Pickles 🐾\n\nUnsubscribe any time."),
    ("email", False, "Subject: January at Harbor Light\n\nNew groups in January: Grief After Suicide Loss (Tuesdays) and "
                     "Anxious Attachment 101 (Jan 21).\n\nUnsubscribe any time."),
    ("facebook", False, "NOTICE: the elevator at our Belmont office is out of service Jan 4-8. We can switch your session "
                        "to telehealth or to Harbor View. Sorry for the inconvenience!"),
    ("facebook", False, "Calling all Anger Management Group grads! Reunion potluck Sunday, Feb 7 at Harbor View. RSVP "
                        "privately; no photos, promise."),
    ("instagram", False, "new group for late-diagnosed adults starts in March 🧩 #latediagnosedadhd #gentleparenting "
                         "#adhdadults"),
    # twentieth session: a youth league's age group, a condition named for someone, a hospice and a gym by name (and
    # a pairing they refuse), a composite's name after "in", example lines in quotes, identity words and their tags,
    # lines to say under a how-to title, a duo's concert, a team listed with colleagues, a condolence
    ("facebook", True, "Jordan's Saturday: assistant coach for his son's U12 flag football team 🏈 they lost 14–7 but the "
                       "snacks were elite."),
    ("blog", False, "When a parent’s Alzheimer’s diagnosis lands, adult children often take over the calendar first. Our "
                    "caregiver group meets Thursdays."),
    ("linkedin", False, "We are proud to partner with Cedar Grove Hospice on a free grief education night, held at Cedar "
                        "Grove’s Milwaukie office in March."),
    ("facebook", False, "New partner alert: Summit Strength Gym! Summit Strength has no weigh-ins and no before/after "
                        "photos, just coaches trained to spot disordered exercise."),
    ("blog", False, "A composite example (“Lena” is not a real person): Lena is 52 and caring for her dad. Over a few "
                    "weeks, Lena and her counselor might map out the week.\n\nIf you recognise yourself in Lena, call us."),
    ("blog", False, "Sympathy card tips (draft, Maya pls review):\n– “I’m so sorry. I’m thinking of you.” is plenty.\n– Share "
                    "a memory: “Your mom always had the best garden on the block.”\n– Offer a concrete day to call."),
    ("instagram", False, "Happy Trans Day of Visibility 🏳️‍⚧️ Today we celebrate the trans and nonbinary people in our "
                         "community, recovery and all. Trans Lifeline: (877) 565-8860 #TransJoy #TDOV"),
    ("tiktok", True, "3 things to say when your kid comes out 🫶\n1. “thank you for telling me.”\n2. “i love you, nothing "
                     "changes that.”\n3. “who else knows?”\n— jordan, lcsw"),
    ("tiktok", True, "storytime: i saw a Simon and Garfunkel concert with my dad in 2003 and cried through the whole "
                     "second half. grief shows up in weird places. — priya, lpc"),
    ("instagram", True, "pride parade crew 🏳️‍🌈 priya, maya, sam, jordan, leo + our interns in matching (way too big) "
                        "tees. only staff in these pics 💜"),
    ("facebook", False, "So sorry for your loss, Denise 💙 the first holidays without him are so hard. If you ever want to "
                        "talk with someone, the 988 line is open 24/7."),
    # ... rounds 116-117: a named client's own words on a channel he consented to, with his job; a colleague's own
    # childhood told on; a question answered without confirming anyone; commands on an awareness day; a bar's street
    ("email", False, "Subject: Calm for the school year\n\nA few words from Marcus Bell, a Portland bus mechanic who gave us "
                     "written permission to share them: “Working with Jordan helped me stop white-knuckling it.”\n\n"
                     "Unsubscribe any time."),
    ("instagram", False, "Jordan here 👋 Confession: I was the kid who hid in the library at recess. Every day. Nobody "
                         "called it social anxiety then. I wish someone had told my dad it wasn't his fault either. 💙"),
    ("facebook", False, "Hi Dana! Good question. We work with a few schools in the area, but we can't discuss specific "
                        "students or families here. If you'd like to know whether your son's school is a partner, call "
                        "us at (503) 555-0142."),
    ("facebook", True, "Today is Overdose Awareness Day 💜 Our team wore purple in memory of lives lost.\n\nCarry naloxone. "
                       "Know the signs. Talk about it."),
    ("instagram", True, "staff mocktail lesson 🍹 thanks to Dry Spell, a zero-proof bar on SE Division, for teaching us a "
                        "cucumber-basil fizz! sober curious? go visit!"),
    # twenty-first session: a reply judged apart from the review pasted above it; insurers named; a clinician's own
    # fertility or service story; a bakery's account; a named observance's date; "a Navy wife" in a consented quote; a
    # client named only to introduce her own words
    ("yelp", False, "Reviewer (2 stars): “They billed me for a session I had cancelled!!! I was in the hospital with "
                    "pneumonia. Awful.”\n\n"
                    "Draft reply:\nThanks for taking the time to write. Privacy rules keep us from confirming whether "
                    "anyone is a client. Please call our office manager at (503) 555-0142 so we can talk."),
    ("website", False, "Good news on coverage: we're now in-network with PacificSource for individual therapy and our "
                       "groups, and we still accept Regence, Cigna and Moda."),
    ("blog", False, "Why I Take Thursdays Off\nby Priya Raman, LPC\n\nAfter my second miscarriage I went straight back "
                    "to work because I had clients booked back-to-back. I don't recommend it. Protect your rest."),
    ("instagram", False, "Quick intro since a lot of you ask: I served two tours as an Army medic, and my own therapy "
                         "is why I became a counselor. — Jordan"),
    ("instagram", True, "huge thanks @sellwoodbakehouse for the scones at this morning's staff training on perinatal "
                        "anxiety 🥐"),
    ("facebook", False, "Monday, Nov 11 is Veterans Day. To every service member and family: thank you. The Veterans "
                        "Crisis Line is 988, press 1."),
    ("instagram", True, "“Being a ‘keep calm’ Navy wife wore me down. Here I finally didn't have to be.” — Jasmine Ortiz"
                        "\n\n(photo: Jasmine, with her permission)"),
    ("tiktok", False, "a client sent us this and we read it often 💙\n\n“Step-parenting isn't instant love. It's "
                      "showing up.”\n\n— anonymous client"),
    # ... rounds 124-125: a photo of colleagues only; the front desk's experts; apps; a promise of nothing; a book list
    # whose author's given name is also a town
    ("instagram", True, "The new quiet room at Belmont is finished! Clients without a private spot at home can book it "
                        "for video sessions.\n\n(photo: Maya and Jordan testing the new chairs)"),
    ("facebook", False, "Our portal is live! Book, reschedule and message your clinician there. Stuck? Call (503) "
                        "555-0142 — Nia and Omar are pros at login resets by now."),
    ("facebook", False, "3 free apps our clinicians like:\n1. Daylio — mood tracking\n2. Insight Timer — meditations\n"
                        "3. MindShift CBT — anxiety tools\nApps aren't therapy, but they help you practice."),
    ("linkedin", True, "I wanted to share why we redid our assessment rooms: long testing days are hard on sensory "
                       "systems.\n\n(photo: the empty room with new lamps)"),
    ("instagram", False, "reading list 📚\n• Women with Attention Deficit Disorder — Sari Solden & Michelle Frank\n"
                         "• Unmasking Autism — Devon Price\n#adhd"),
    # ... rounds 129-130: short lines that say nothing of anyone; a thanks before a sign-off; a colleague's own signed
    # words; a photo of a new colleague or of things only; paperwork words; every client who ...; what a session may
    # look like
    ("facebook", False, "Our Year in Numbers\n\nHere's how it went:\n• 2,900 sessions\n• 11 languages\n• 0 people turned "
                        "away for cost\n\nThank you, partners!"),
    ("yelp", False, "Thanks for the heads-up about the elevator! It's fixed now, and the ramp entrance is on SE 14th. "
                    "Sorry for the trouble!"),
    (None, False, "can someone proof this before it goes up? thanks —dana\n\nWe're closed Nov 27-28 for Thanksgiving. "
                  "In crisis? Call or text 988."),
    ("instagram", False, "a little about Priya 🌼\n\n“My family came here from Chennai when I was nine. Nobody talked about "
                         "therapy at home. I started it at 25 and it changed everything.”\n\n— Priya Raman, LPC"),
    ("instagram", True, "Say hi to our new intern, Tomás Vega! 🎉 He'll co-lead the Thursday parents' circle with "
                        "Jordan.\n\n(photo: Tomás at his desk at Harbor View with a giant mug)"),
    ("instagram", True, "thank you @rosecitypantry for restocking our free shelf! anyone, client or not, can take what "
                        "they need.\n\n(photo: the shelf full of rice, beans and diapers)"),
    ("linkedin", False, "We're hiring a bilingual counselor:\n• Caseload includes sliding-scale clients\n• Paid "
                        "supervision\nApply at hello@harborlightcounseling.com"),
    ("linkedin", False, "What our clients say:\n“I can finally tell when I'm about to shut down.” — a Harbor Light client"
                        "\n\nWe're grateful to every client who trusts us with their story."),
    ("blog", False, "Grounding 101\n\nIn a session that might include:\n1. Naming five things you see\n2. Feeling your "
                    "feet on the floor\n\n— Jordan Alvarez, LCSW"),
    # ... rounds 131-132: a reviewer's first name shared with a registered patient; a title line about an authorized
    # client; a treat on offer; whom a book is for; a refusal to respond to specifics; a city's nickname
    ("healthgrades", False, "Thank you, Jasmine, for the feedback. We don't comment on anyone's care online, but we read "
                            "every review."),
    ("website", False, "Marcus’s Story\n\nMarcus Bell started with us after panic attacks on his commute. “It was "
                       "work, not magic.”\n\nMarcus authorized us in writing to share his story here."),
    ("facebook", False, "Exam week treat ☕ show your student ID at Bean There Cafe Dec 8–12 for a free latte, courtesy "
                        "of Harbor Light!"),
    ("instagram", False, "Jordan's pick: “Man's Search for Meaning” by Viktor Frankl. Perfect for the person who just "
                         "lost a job and feels adrift."),
    ("yelp", False, "We're sorry to read this. We can't respond to specifics here, including whether someone is or was a "
                    "client. Please call (503) 555-0142."),
    ("x", False, "rough loss for Rip City tonight. if it's more than the game, call or text 988 🌹"),
    # ... rounds 126-128 (measured unseen first): a note to the reviewer naming whose anonymous words they are; a
    # room at the practice's office; panelists and speakers; a church's name; a clinician's sign-off with an aside
    ("instagram", False, "“Nobody in that room needed me to explain the fatigue.”\n— a Harbor Light client 💜\n\n[note to "
                         "reviewer: these are Elena's words from her form, anonymous only, so nothing about her here]"),
    ("instagram", True, "The new sensory room at Harbor View is ready! 🌿\n\n(photo: the empty room, beanbags and soft "
                        "lamps)"),
    ("youtube", False, "Panel: Grief After Cancer (full recording)\nPanelists:\n• Dr. Maya Chen, psychologist\n• Nadia "
                       "Haddad, hospice chaplain, Providence\nModerated by Jordan Alvarez, LCSW."),
    ("facebook", False, "Free suicide prevention training at Grace Chapel in Estacada, Saturday 10am. Open to anyone, "
                        "no registration required."),
    # twenty-second session: everyday Spanish, a Spanish sign-off; a public telling, a case from history; staff dogs
    # and their names again in the photo; colleagues' relatives and the team's list; a landform; a photo of no one;
    # an author's possessive title; a pasted comment's writer greeted; advice listed under its lead-in; the writer's
    # own past; interns welcomed; a method, a help line, insurers, a service area, an office dog's photo, work hours
    ("facebook", False, "Charla gratuita: “Cuando los hijos traducen” — what it means when kids interpret for their "
                        "parents. Jueves 6pm at our Belmont office, en español."),
    ("email", False, "Subject: Noticias de diciembre\n\nWe close Dec 24–25 for the holidays.\n\nCon cariño,\nDr. Maya "
                     "Chen, Jordan, Priya, Inés & Tomás\n\nYou're receiving this because you subscribed. Unsubscribe "
                     "any time."),
    ("instagram", False, "Marcy Ellington lost her brother to suicide in 2009 and now tells that story publicly in "
                         "high schools across the state. Her message: ask the question out loud."),
    ("blog", False, "Week 3 of our intern seminar: the 1887 case of Nellie Bly, who faked madness to report on an "
                    "asylum from the inside, and what her story still teaches about consent."),
    ("instagram", True, "Jordan’s 3-year-old lab is in the office on Fridays now 🐾 come say hi!\n\n[photo: a chocolate "
                        "lab asleep under a desk]"),
    ("facebook", True, "Our receptionist adopted a senior beagle, Waffles! 🐶 He already owns the break room couch.\n\n"
                       "[photo: Waffles and Priya on the lobby bench]"),
    ("facebook", False, "Thank you to the staff and families who came out for the river cleanup: Jordan, Keiko, Dr. "
                        "Chen and her 15-year-old son Eli hauled out four bags of trash!"),
    ("instagram", True, "Sunrise on Rocky Butte before work. No people, just wind.\n\n[photo: the view from the top, "
                        "empty trail]"),
    ("facebook", True, "“Therapy here gave me my evenings back.” — Marcus Bell (shared with his written permission)\n\n"
                       "[photo: our Belmont waiting room at closing time, no people]"),
    ("email", False, "Subject: Staff book club\n\nThis month the team is reading Oluwaseun Adeyemi’s “The Long Way "
                     "Back.” Join us Thursday at 6 if you've read it too.\n\nUnsubscribe any time."),
    ("facebook", False, "Comment from Theo R.: \"is my neighbor in your men's group?\"\n\nReply: Hi Theo! We never say "
                        "who does or doesn't work with us. If you're curious about the group for yourself, the details "
                        "are on our site."),
    ("linkedin", False, "Dr. Chen's three takeaways from the telehealth summit:\n• check the connection before the hour "
                        "starts\n• video sessions can run a little shorter\n• keep a crisis plan for the address on file"),
    ("blog", False, "When I told a lecture hall of first-years at OHSU that I had my first panic attack during a "
                    "chemistry final in 2003, nobody moved.\n— Dr. Maya Chen"),
    ("linkedin", True, "Please welcome our spring interns!\n\n[photo: Amara Osei and Liam Brandt on the office steps]\n\n"
                       "Amara and Liam are counseling graduate students who will co-lead groups with us through June."),
    ("facebook", True, "Our very own Priya Raman is one proud mom today. Her son Arjun finished his first marathon in "
                       "Eugene!\n\n[photo: Priya and Arjun at the finish line]"),
    ("website", False, "Our couples clinicians train in the Gottman Method and in Emotionally Focused Therapy. Sessions "
                       "run 75 minutes, evenings at Belmont."),
    ("website", False, "Resources:\n• Clackamas County Crisis Line — 503-655-8585\n• Lines for Life — call or text "
                       "988\nWe are not a crisis service."),
    ("website", False, "Q: Which plans do you take?\nA: We're in-network with Providence, Regence BlueCross BlueShield, "
                       "PacificSource, Kaiser (by referral) and OHP. Call us and we'll check your benefits before your "
                       "first visit."),
    ("website", False, "We see clients by video anywhere in the state: Medford, Pendleton, Newport, wherever you are. "
                       "Sessions are 50 minutes."),
    ("website", True, "Meet Clover, our office therapy dog 🐾 She's a five-year-old golden doodle who works Tuesdays.\n\n"
                      "[photo: Clover lying on the lobby rug]"),
    ("website", False, "Now hiring: an LPC or LCSW for our Belmont office. 25 client hours a week, paid admin time, CE "
                       "stipend. Email hello@harborlightcounseling.com."),
    ("blog", False, "When the Counselor’s Mom Moves to Memory Care\n\nMy mother moved into memory care in May. I thought "
                    "I knew this road. — Priya Raman, LPC"),
    ("instagram", True, "meet Pepper, Priya’s rescue mutt 🐕 visiting for the afternoon. 10/10 good girl\n\n[photo: "
                        "Pepper asleep under a desk]"),
    ("facebook", True, "Great day at the Alberta Street Fair! We gave away 200 stress balls.\n\n[photo: Keiko and Sam "
                       "behind our booth table with the banner]"),
    ("blog", False, "Speaker night: Dr. Lena Ortiz, author of “After the Storm,” visits on April 9. She has written "
                    "openly about her own depression in her thirties."),
    ("facebook", False, "Both offices close at 1pm Friday, Nov 6 for the funeral of Ray Dunlap, who ran our billing "
                        "office for nine years. Clinicians will call to reschedule."),
    ("instagram", False, "say hi to our new intern, Bea Kowalski! fun fact: she spent two years volunteering with a "
                         "hospice in Hood River, and she bakes a great pie."),
    ("instagram", False, "Jordan here. my tío Beto died last week in Guadalajara, so I've been out. thank you all for "
                         "covering ❤️"),
    ("facebook", False, "Hi Dana! Great question 🙂 Yes, we're in-network with most major plans for couples counseling. "
                        "Give us a call and we'll check your coverage."),
    ("instagram", False, "a note from Jordan: in 6th grade I hid in the nurse's office most mornings. I became a "
                         "counselor partly because of that kid. 💙"),
    ("website", False, "“The group kept a seat for me until I could sit in it.”\n— Grief group member\n\nShared with "
                       "written permission."),
    ("x", False, "grief resources for kids and teens: @dougycenter, and 988 (call or text). you're not alone."),
    # ... rounds 138-145 (measured on arrival): a greeting to a group; a contractor's visits; a podcast's host; a new
    # colleague's last job; a clinician named as the one seen in a consented story; colleagues listed with their jobs
    ("facebook", False, "Hi Laurelhurst neighbors group! We're hosting an open house at our Belmont office on Saturday "
                        "and need a caterer with good vegan options. Recs welcome!"),
    ("yelp", False, "Thanks for letting us know, Dale. The 6am pressure washing was our building's cleaning crew, and "
                    "we've asked the property manager to move their visits to after 9am. Sorry about the noise."),
    ("linkedin", True, "Thank you to host Rachel Kim of Rose City Minds for having Jordan on the show! 🎙️\n\n[photo: "
                       "Jordan and Rachel at the microphones]"),
    ("website", True, "Please welcome Dr. Ana Ruiz! Ana is a psychologist who works with teens. Before joining us she "
                      "spent five years at a community clinic in Eugene.\n\n[photo: Dr. Ruiz's headshot]"),
    ("website", False, "Marcus's Story\n\nAfter his divorce, Marcus Bell barely left his apartment. He started seeing "
                       "Jordan once a week, and today he coaches his son's soccer team.\n\n(Shared with Marcus's "
                       "written permission.)"),
    ("facebook", True, "We wore purple for Domestic Violence Awareness Month 💜\n\n[photo: Dr. Chen, Jordan, Priya and "
                       "office manager Rosa Lind in purple shirts on the office steps]"),
    # twenty-third session: an office by its street, a reader asked whether they are a client, a photo consent's
    # description, a colleague by title and family name, a county's notice, a pasted comment above a reply, a unit's
    # acronym, a toll-free line, the practice as a workplace, an author's s-possessive, a caseload handed on, a reading
    # list by comma, a room with no one in it, a talk's title, a group on offer, a writer's own family group, a public
    # figure who "has said", our own coordinator's recovery, mutual-help fellowships
    ("instagram", False, "Say hello to our new intern Theo! You'll find him at Harbor View most Tuesdays, co-leading the "
                         "teen anxiety group with Jordan."),
    ("x", False, "Not a patient yet? Doesn't matter. Priya Raman is hosting a free stress talk at the Hollywood Library "
                 "on Jan 14 at 6pm."),
    ("facebook", True, "“I finally feel like me again.” — Jasmine Ortiz, in her own words 💛\n[photo: Jasmine Ortiz "
                       "laughing on her front porch]"),
    ("facebook", False, "Dr. Chen's son Oliver finished his first marathon in Eugene and she hasn't stopped smiling all "
                        "week. Way to go, Oliver!"),
    ("facebook", False, "Washington County announced today that its warming centers are open through the weekend. If you "
                        "or someone you love needs somewhere warm tonight, dial 211."),
    ("instagram", False, "Replying to @ridgeline.runner (“this place changed my life honestly”):\nwe're so glad you're "
                         "part of this community 💙 happy holidays to everyone reading!"),
    ("linkedin", False, "Priya Raman LPC now co-leads our NICU moms circle with Jordan every other Thursday."),
    ("instagram", False, "grief after a pregnancy loss is real, and it can hit hardest in december. support for parents: "
                         "1-888-555-0123 💛"),
    ("tiktok", False, "hey, I'm Dani, the counseling intern at Harbor Light! storytime: I was diagnosed with ADHD at 29 "
                      "and here's what I wish I'd known sooner."),
    ("x", False, "Sandra Cisneros’ “The House on Mango Street” is back on our waiting room shelf. What book found you "
                 "at the right time? #amreading"),
    ("instagram", False, "Priya is on leave until March to care for her dad 💛 her clients have been matched with Jordan "
                         "in the meantime, and she'll be back before you know it."),
    ("instagram", False, "winter reading for caregivers 📚\n• The 36-Hour Day, Nancy Mace & Peter Rabins\n• Being "
                         "Mortal, Atul Gawande\nboth at your local library"),
    ("instagram", True, "new art on the walls of the quiet room 🎨 see you at Thursday's grief circle [photo: the quiet "
                        "room with a ring of chairs and a lamp, no people]"),
    ("linkedin", False, "Jordan Alvarez will present “When the Patient Is a Family” at the Oregon Counseling Symposium "
                        "in Bend on March 4, 2027."),
    ("facebook", False, "Hi Marisol, thanks for asking! Our teen anxiety group is open to anyone 13–17, no referral "
                        "needed. Call us at (503) 555-0142 so we can talk privately."),
    ("blog", False, "My mom has been sober eleven years and she said I could write this. What got me through her "
                    "drinking was a family group where no one judged me. — Priya Raman, LPC"),
    ("x", False, "Dwayne Johnson has said that talking about his depression was the best thing he ever did. Say it "
                 "out loud 💪 #mentalhealthmatters"),
    ("facebook", False, "Our intake coordinator Luis Ramos marks 10 years in recovery today, and he asked us to share it "
                        "with all of you 💙"),
    ("blog", False, "Families of people in recovery are not alone: Al-Anon and Nar-Anon meetings run all across Portland "
                    "through the holidays. — Jordan Alvarez, LCSW"),
    # ... rounds 153-154 (measured on arrival): the writer's own telling, a book's author by its title, a note heading
    # the draft, a former intern's review, the practice's own team heading its news, a co-author, a colleague's award
    ("facebook", False, "Jordan here 👋 People ask why I became a therapist. I'm telling you this because the person "
                        "across from you in therapy may have walked the same road: I spent my twenties in and out of "
                        "recovery. — Jordan Alvarez, LCSW"),
    ("instagram", False, "book club pick 📚 In “Quiet the Noise,” Dana Whitcombe writes about naming her anxiety and "
                         "talking back to it. Join Priya's discussion on Zoom, Jan 20 at 7pm."),
    ("instagram", False, "caption for IG — elena's words, anonymous only so no name or details:\n\n“I stopped hiding in "
                         "my car before work.” — a Harbor Light client 💙"),
    ("google_reviews", False, "Review: ★★★★★ “Great place to train, the supervision was excellent.” — Marco T. (former "
                              "intern)\n\nOwner reply: Marco!! We miss you. Rachel at the front desk still talks about "
                              "your playlists. Congrats on the new job!"),
    ("linkedin", False, "Big news from the Harbor Light team 🎉\n\nPriya Raman and her partner Lee welcomed twins on "
                        "December 1! Priya is on leave through March."),
    ("instagram", False, "“Rest is not a reward.”\n— Emily Nagoski & Rowan Pike, The Rest Cycle\n\nthis month's staff "
                         "book club pick 📚"),
    # ... rounds 155-156 (measured on arrival): towns from one end of a service area to the other, a trail, a
    # composite's own "tonight", an FAQ's question, condolences to an agency, a letter to one partner, a relative's
    # old job, words said to a colleague's spouse, audiences after an anonymous quote, a branch of the services
    ("instagram", False, "we see clients by video anywhere in Washington 🌲 from Bellingham to Walla Walla, Forks to "
                         "Spokane. no commute required"),
    ("instagram", True, "[photo: Jasmine Ortiz on the Springwater Trail at dawn] “Therapy gave me my mornings back.” — "
                        "Jasmine Ortiz, shared with her permission 💛"),
    ("blog", False, "A Mom, a Curfew, and a Phone\n\n*A composite vignette built from many families' stories; it "
                    "describes no real client.*\n\n“Dana” has argued with her son about his phone for a year. Tonight he "
                    "hands it to her before bed without being asked. Dana cries in the kitchen."),
    ("website", False, "Can I bring my partner to my first appointment?\n\nYes. Many people find it helpful to have "
                       "someone with them at intake. Just let the front desk know when you book."),
    ("facebook", False, "Our hearts are with the Gresham Police family after Sunday's line-of-duty death. If you're "
                        "carrying this one, 988 and our front desk are both here."),
    ("email", False, "Hi Principal Reyes,\n\nConfirming our staff in-service at Cedar Park Middle on Thursday Jan 8 at "
                     "3:15. We'll bring the handouts on sleep and stress.\n\nThanks!\nJordan Alvarez, LCSW"),
    ("instagram", False, "my mom was an ER nurse for 28 years. i learned early to read her face when she came home after a "
                         "hard night, and when to just make her tea. that's part of why i do this. — Jordan"),
    ("facebook", True, "[photo: Priya and her wife Noor at Noor's retirement party]\nafter 30 years of teaching, Priya's "
                       "wife Noor is officially RETIRED 🎉 thank you for everything you gave those kids, Noor!"),
    ("linkedin", False, "“I didn't think therapy was for people like me.” — anonymous Harbor Light client, shared with "
                        "permission\n\nNurses, teachers, veterans: it's for you too."),
    ("blog", False, "Marcus's Story\n\nMarcus Bell spent 20 years in the Marine Corps. In this post, shared with Marcus's "
                    "written permission, he talks about making the first call.\n\n[no photos at Marcus's request]"),
    # ... rounds 158-159 (measured on arrival): a made-up case's own day, a quote signed by its author and book, a
    # reading list's co-authors line by line, a yes-we-offer answer, a talk's title, the practice at a fair, a
    # patient's story in her own words
    ("tiktok", False, "a tiny february story (composite, not a real client): “Lee” started therapy for panic on Feb 1 and "
                      "had skipped two sessions by the 10th. we swapped the big plan for one walk a week."),
    ("instagram", False, "“Anxiety lies, and rest is part of the work, not a reward for it.” — Nora Feld, Quiet Habits\n\n"
                         "taking this into the weekend 🌿"),
    ("instagram", False, "winter reads 📚\n• Driven to Distraction — Ned Halloway & Jon Ratman\n• NeuroTribes — Steve "
                         "Silberman\nwhat's on your list?"),
    ("facebook", False, "Hi Carla! Yes, we offer ADHD assessments for adults at our Belmont office. A free 15-minute "
                        "consult is the best first step, and our intake team can walk you through it."),
    ("facebook", False, "FREE talk, Jan 21 at 6pm: “Making Peace with Anxiety in Adulthood” with Priya Raman, LPC. "
                        "Register at harborlightcounseling.com/events"),
    ("instagram", True, "[photo: Jordan and Priya at our booth, staff only in this pic]\nwe had the best time at the "
                        "ADHD resource fair on Saturday!! thanks to everyone who stopped by 💙"),
    ("facebook", True, "[photo: Jasmine Ortiz with her dog at the park]\nJasmine's story, in her words 💛 “I stopped "
                       "apologizing for needing rest.” Thank you, Jasmine!"),
    # ... after reading the final rounds: a pet the tagger took for a place, "this year"
    ("website", False, "Meet Jordan Alvarez, LCSW\n\nJordan grew up in Medford and started therapy himself after a rough "
                       "first year of college. Off the clock: trail runs and his very loud cat, Biscuit 🐈"),
    ("blog", False, "Holiday Ideas for Blended Families\n\n1. Let kids keep one tradition from each house.\n2. Stepparents, "
                    "you don't need a title this year.\n\n— Priya Raman, LPC"),
    # twenty-fourth session: a colleague's memorial posted with her family's leave, a pet's death, a public question
    # answered in general terms under its pasted line, a titled book in single quotes, a page's own words under a dash,
    # an open "if your child ...", a reviewer greeted under their pasted review
    ("instagram", True, "It is with sadness that we say goodbye to Lorraine Tate, our billing coordinator of nine years, "
                        "who died last week. We post this with her husband's permission. Service details to follow.\n"
                        "[photo: Lorraine laughing at the staff holiday party]"),
    ("facebook", True, "Our old office dog Pepper crossed over the rainbow bridge this weekend at 14. Hug your pets "
                       "tonight. — Dr. Chen\n[photo: a grey-muzzled beagle asleep on the waiting room rug]"),
    ("x", False, "Responding to @nightowl_pdx (\"is it weird that i still miss my grandma every holiday??\"):\n\n"
                 "@nightowl_pdx not weird at all, so many people feel this way. grief shows up at the holidays. our "
                 "open grief circle meets jan 14 if you ever want company"),
    ("instagram", False, "winter reads 📚\n• 'Rose Colored Days' — Dana Whitfield\n• 'Lost Connections' — Johann Hari\n"
                         "which one are you starting with? #bookclub #anxiety"),
    ("website", False, "Website — New Patients page, video script: “What happens at a first visit?”\nDr. Maya Chen: "
                       "“Most of the first session is simply getting to know you. I'll ask what brings you in and what "
                       "you'd like to be different, and you can ask me anything about how I work.”"),
    ("instagram", False, "Comment: \"my 15 y/o hasn't left her room in 2 weeks and won't talk to us 😞\"\n\nReply: We're "
                         "so sorry, that sounds really hard, and lots of families face it. We can't give individual "
                         "advice in the comments, but our intake team can talk it through privately at (503) 555-0142. "
                         "If your child is ever in danger, call or text 988."),
    ("yelp", False, "Review (★, Tanya R.): \"Three sessions in and the counselor still didn't get me.\"\n\nReply: Hi "
                    "Tanya, thank you for telling us. We can't discuss anyone's care here, but please call our office "
                    "manager at (503) 555-0142 so we can listen properly."),
    # ... after rounds 166-169: a colleague's own note under its heading, a fax line handed to referrers, a training
    # photo with no patients present, "their" care of people at large, a composite's subject by name and age, a
    # Spanish newsletter's opt-out, a pasted review in Spanish, "your story matters" said to everyone, a bakery by name
    ("instagram", False, "A personal note from Jordan Alvarez, LCSW:\n\nWhen I moved here from Tucson, the gray months "
                         "flattened me. A sunrise lamp and my own therapist got me through. If winter's heavy for you, "
                         "you're not alone."),
    ("website", False, "For referring clinicians\n\nFax the referral form to (503) 555-0199 or call (503) 555-0142 and our "
                       "intake team will follow up. With the patient's written consent, we'll confirm the intake."),
    ("facebook", True, "Thanks to the OHSU palliative care team for hosting our clinicians for a morning on grief after "
                       "cancer. We came home inspired!\n[photo: ten staff from both teams around a conference table, no "
                       "patients present]"),
    ("instagram", False, "Comment from @tired_mama_pdx: my back has hurt for 3 years and i'm exhausted, would therapy even "
                         "do anything??\n\nReply from @harborlightcounseling: We're sorry it's been so long 💛 We can't "
                         "advise anyone here, but many people with chronic pain find therapy useful alongside their "
                         "medical care. Call (503) 555-0142 to talk options; in a crisis, call or text 988."),
    ("blog", False, "This is a composite, not a real person. Rosa, 52, drives for a delivery company and hasn't slept well "
                    "since her divorce. Many people like Rosa never call it grief. Here are four signs loss may be "
                    "affecting you…"),
    ("email", False, "Asunto: Noticias de diciembre\n\n¡Hola! Taller gratis sobre el estrés: 10 de diciembre, 6 pm, con "
                     "Jordan Alvarez, LCSW.\n\nPara darse de baja de estos correos, haga clic aquí."),
    ("google_reviews", False, "Reseña ★★★★★ — Marisol T.: “Priya me ayudó mucho con mi ansiedad.”\n\nRespuesta: Gracias "
                              "por su opinión. Para proteger la privacidad de todos, no confirmamos si alguien es o ha "
                              "sido cliente. Llámenos al (503) 555-0142."),
    ("x", False, "Dec 10 is Human Rights Day. To everyone who has had to start over far from home: your story matters, and "
                 "so does your mental health. harborlightcounseling.com"),
    # ... after rounds 170-171: a teen-consent question under its pasted comment, a review pasted as its stars above
    # the owner's response, an athlete's family in a guide
    ("facebook", False, "Comment: Can my 16-year-old start therapy without me knowing?\n\nReply: Great question! In "
                        "Oregon, teens 14 and older can generally consent to their own outpatient mental health care. "
                        "Give us a call at (503) 555-0142 and we'll explain how confidentiality works for families."),
    ("google_reviews", False, "★★★★★ “Priya and the front desk are wonderful.”\n\nOwner response: Thanks so much for "
                              "the kind words! We'll pass them on to the team."),
    ("blog", False, "How Coaches Can Spot a Struggling Player\n\nWatch for withdrawal from teammates, and loop in the "
                    "school counselor or the athlete's family if something seems off. In a crisis, call or text 988."),
    # ... after the final rounds: a colleague who helped, named in a consented client's quote
    ("email", False, "Subject: Spring notes\n\n• Client voices: “Priya helped me find my footing again.” — Marcus Bell\n"
                     "• New group in April\n\nUnsubscribe: harborlightcounseling.com/unsubscribe"),
    # twenty-fifth session: a colleague by a job in brackets, a signature's job title, a desk beside another desk, a
    # book's title in a reading list, a podcast's host in brackets, a list heading, a lower-case how-to title, a day
    # named, an invitation's date, a campaign's goal, "as promised", others' before/after ads, an illustration under
    # an anonymous quote, a reply's label, a review pasted as "5 stars"
    ("email", False, "Subject: Team news\n\nBig week: Renata Osei (billing wizard) ran her first half marathon, and "
                     "Renata is back at her desk Monday.\n\nUnsubscribe anytime."),
    ("email", False, "While you wait, our free anxiety and depression workshops are open to anyone. If things get "
                     "harder, call or text 988.\n\nTomasz Bell, Scheduling Coordinator\nHarbor Light Counseling\n\n"
                     "Reply STOP to opt out."),
    ("facebook", False, "Meet the people behind your therapy visits! Odette at the front desk and Raul in billing keep "
                        "our counseling rooms running."),
    ("blog", False, "Books for eating disorder recovery\n\n1. Goodbye Ed, Hello Me by Jenni Schaefer\n2. Sick Enough "
                    "by Jennifer Gaudiani"),
    ("email", False, "Subject: What we're listening to\n\n• On Being (Krista Tippett): big questions, slowly\n• Where "
                     "Should We Begin? (Esther Perel): couples in their own words\n\nUnsubscribe here."),
    ("blog", False, "Food talk at holiday dinners\n\nSkip:\n- \"You're being so good today!\"\n- \"Earn that pie.\"\n\n"
                    "Try:\n- asking about the people at the table"),
    ("tiktok", False, "how to apologize when you get someone's pronouns wrong (quick version)\n\n1. say it right: "
                      "\"sorry, THEY said\"\n2. don't make it a big moment\n\n#therapytok"),
    ("x", False, "Today is #WorldDiabetesDay. Managing a chronic illness is mental-health work too. Be kind to "
                 "yourself."),
    ("email", False, "Subject: You're invited: Grief After Suicide (Sat Jan 9)\n\nA free drop-in evening for anyone "
                     "who has lost someone.\n\nUnsubscribe anytime."),
    ("email", False, "This year our fund covered reduced-fee therapy sessions for people in recovery. Our goal: "
                     "$8,000 by January 15.\n\nGive at harborlightcounseling.com/give\n\nUnsubscribe"),
    ("email", True, "[photo: Jordan at the easel, only Jordan in frame]\n\nthanks for coming to Saturday's talk! as "
                    "promised, here are the slides on calming panic attacks in the moment.\n\nunsubscribe"),
    ("instagram", False, "Reminder before January: ads built on before/after photos sell shame, not health. You are "
                         "allowed to unfollow."),
    ("instagram", True, "[photo: pencil sketch of a sailboat on calm water]\n\n“I finally feel like myself "
                        "again.” — a client\n\n#recovery"),
    ("google_reviews", False, "★★★★☆ Lena P.\n\"Parking was a pain but the place is lovely.\"\n\nResponse from the "
                              "owner:\nThanks for the note about parking! We can't discuss anyone's care here, but "
                              "we'd love to hear more at (503) 555-0142."),
    ("yelp", False, "5 stars — Omar T.: \"Calm office, and I'd recommend Jordan to anyone!!\"\n\nOur response: Thank "
                    "you! We don't discuss anyone's care online, but we're glad the space feels calm."),
    # ... after rounds 178-180: an organisation's acronym with its own site, a county's crisis line, what opens on a
    # date, a heading's "from Our", hosts in brackets after an emoji, a header image of no one
    ("youtube", False, "Adult ADHD, explained\n\nResources:\n• NAMI (nami.org)\n• CHADD (chadd.org)\n\nQuestions: "
                       "harborlightcounseling.com"),
    ("facebook", False, "January can be heavy. If you're struggling, the Washington County Crisis Line answers 24/7: "
                        "503-291-9111."),
    ("instagram", True, "[photo: Jasmine Ortiz by the river at sunrise]\n\n“I have people in my corner now.” — "
                        "Jasmine Ortiz 💛\n\nNew client openings start Jan 11 — link in bio."),
    ("blog", False, "Notes from Our Clients\n\n“I stopped bracing for every Monday.”\n— a client"),
    ("linkedin", False, "Podcasts I send colleagues for anxiety work:\n\n🎧 The Anxious Achiever (Morra Aarons-Mele)\n"
                        "🎧 Therapist Uncensored (Ann Kelley & Sue Marriott)\n\n— Jordan Alvarez, LCSW"),
    ("website", True, "Marcus Bell's Story\n\n[header image: stock photo of an empty park bench]\n\nWhen Marcus first "
                      "called us he was sleeping three hours a night. Working with Jordan, he rebuilt his evenings."),
    # ... and a colleague's own story under her title and surname, a commenter's question answered in general,
    # colleagues listed after their job with an aside, and one praised by her desk
    ("facebook", True, "We ran the Turkey Trot! 🦃 Congrats to PTs Nadia Kerr (new PR!!) and Tomas Ruiz, and to "
                       "billing legend Gwen Hale who walked all 5 miles in a pie costume. Ice packs all around 🧊"),
    ("instagram", True, "[photo: Dr. Maya Chen at her standing desk with a paper planner]\n\nsomething personal from "
                        "Dr. Chen 🌱\n\n“I was diagnosed with dyslexia at 30, after grad school. The planner is how I "
                        "keep my week in my head.”\n\n#latediagnosis"),
    ("facebook", False, "Comment from Nico P.: “do you offer evening sessions for teens?”\n\nOur reply: Good "
                        "question, Nico! We see teens until 7pm on weekdays 🙂 Our front desk can share current "
                        "openings: (503) 555-0142."),
]
BLOCK = [
    ("website", False, "Marisol’s Story\n\nMarisol came to us after her stroke and walked out of our gym unaided in May."),
    ("facebook", False, "Shoutout to our 2:15 today: you left your sunglasses and your knee brace in room B 😅 we'll hold them!"),
    ("instagram", True, "Pumpkin carving champ 🎃🏆 little Arlo (7), who was also a total pro about his first filling "
                        "this morning!"),
    ("tiktok", True, "lunch break dance break 💃 ft. our favorite regular Mr. Haddad who insisted on joining lol"),
    ("x", False, "overheard in our thursday night teen DBT group from our resident skater (15): “i thought coping meant "
                 "never crying.” wise beyond her years 🙌"),
    ("google_reviews", False, "Thank you, Priscilla 💜 Seeing Noor go from a feeding tube to ordering her own pancakes "
                              "made our whole year."),
    ("instagram", False, "A client asked me today if her panic attacks mean she's losing her mind. Short answer: no 💛"),
    ("instagram", True, "busy morning!! swipe to see the appointment board filling up 😅 #frontdesklife"),
    ("linkedin", False, "My client told me she finally feels safe at home again."),
    ("instagram", False, "“I finally sleep through the night.” — Rosa, 34, Gresham #anxietyrecovery"),
    ("website", False, "“My shoulder finally moves again after 6 weeks of PT!” – Greg T., Salem OR ⭐⭐⭐⭐⭐"),
    ("instagram", True, "Dr. Patel's Thursday 4:30 brought the whole front desk cookies 🍪 look at this spread!"),
    ("instagram", True, "took this of our waiting room at 9am 😂 standing room only, happy monday ☕"),
    # round 17: one person pinned down by an office and a town, with the practice's care
    ("linkedin", False, "So proud of our work this year supporting a Salem elementary-school principal through "
                        "burnout. She is back at her school and thriving."),
    ("x", False, "just wrapped a session with a bend city councilor who has been fighting depression all year."),
    # fifth session: a slot standing for its client, a reply about the reviewer's back, a claim, a birth
    ("x", False, "that moment when our 9:15 tuesday rolls in wearing full broncos gear and dr. amir says no football "
                 "talk until we go over how the week went 😂"),
    ("google", False, "thanks jim!! so glad the lower back is feeling better after these last few adjustments 🙌 "
                      "see ya thursday at 10!"),
    ("x", False, "94% of our residential clients achieve FULL recovery. Eating disorders ARE curable."),
    ("nextdoor", False, "If you see a tall guy in a red jacket walking the river trail around 7am, he's one of ours 💪 "
                        "2 weeks in and already up before the staff."),
    # sixth session: a slot with what it stands for, a described client, results offered as proof, initials
    ("tiktok", False, "pov: your 8am rotator cuff guy finally reaches the top shelf 😭 #ptlife"),
    ("nextdoor", False, "if you spot an older man in a green cap near the library, he's one of our memory care clients. "
                        "please call us"),
    ("x", False, "4 of our couples got pregnant this spring with our protocol. it works!"),
    ("healthgrades", False, "Thanks for the kind words about Dr. Osei! We'll get your refill over to the pharmacy today."),
    ("yelp", False, "We're so sorry the bruising after your filler lasted longer than expected. Please DM us."),
    ("nextdoor", False, "neighbors: if you saw a young man leaving our office upset tonight, please give him space. grief "
                        "work is hard and he's doing it."),
    ("facebook", True, "great morning at the 5k for recovery! photo: the whole crew at the finish line, and that's tom up "
                       "front in the blue hat, celebrating two years sober with us."),
    ("linkedin", False, "Thankful for R.M., who allowed us to share her words: “I didn't think I was worth the help.”"),
    # seventh session: promises in casual words, a birth in the practice's rooms, a reviewer's care
    ("linkedin", False, "Our new ketamine program: clients walk out anxiety-free, and if they don't, the next session is "
                        "free."),
    ("instagram", False, "Three days of intensive EMDR: arrive with your trauma, leave without it. Every time."),
    ("instagram", True, "Welcome, little Ava! Born Tuesday night right here at our birth center to a very brave mama Rosa."),
    ("yelp", False, "Hi Chris, sorry the billing for your MRI took so long. We fixed the claim and you should hear from "
                    "your insurer soon."),
    ("facebook", True, "Ines Duarte, Ph.D. saw a mom and her daughter Mia this week for panic attacks. So proud of them!"),
    ("x", False, "Our clients are the best. One of them told me in session that she finally left him."),
    # a consented patient introduced in lower case, on a platform her consent does not cover
    ("tiktok", True, "meet jasmine 🌿 her words, not ours: “I learned to rest without guilt.” #therapytok"),
    # eighth session, round 31: a client shown at work, care shown being given, "the only ...", an initial
    # and an age under a client's words
    ("instagram", True, "look at that focus 😍 our girl crushing her goals at the table today w/ ms. tasha #abatherapy"),
    ("linkedin", True, "Behind the scenes: our DPT Lena Marsh treating a marathoner’s hamstring at our Tacoma clinic."),
    ("facebook", False, "when the head baker at the only bakery in millbrook comes in w/ a wrist sprain before the rush 😩 "
                        "we taped her up"),
    ("instagram", False, "“Last weekend I ate birthday cake at my daughter’s party.” — R., 34, finishing our PHP program "
                         "this month"),
    # eighth session, rounds 30 and 32: a neighbour's child's care, a baby named in a tag, a colleague's own
    # care given here
    ("facebook", False, "so proud of my neighbor’s daughter who graduated from our feeding therapy program this week!!"),
    ("instagram", False, "Another beautiful birth this weekend 👶💛 welcome to the world little one!! #BabyRodriguez"),
    ("facebook", False, "sending love to our front desk superstar Carla, recovering at home after her hysterectomy with "
                        "Dr. Lin here at Bloom Women’s Health 💐"),
    # tenth session: a booking of the reviewer's own; clients in a photo at an activity or in a busy waiting room
    ("google_reviews", False, "So sorry the wait felt long 😞 we'll book you a longer slot next time, promise 💛"),
    ("facebook", True, "busy morning in the waiting room ☕ thanks to everyone who came out for saturday walk-in hours!"),
    ("instagram", True, "group music therapy day 🎶 look at these rock stars!!"),
    ("facebook", True, "Our residents had a blast at the harvest party 🎃 swipe for the costume contest winners!"),
    # rounds 39-40: a public figure the practice cared for, a result a colleague gave, a packed clinic and a
    # support circle in the picture
    ("facebook", False, "So honored to have Councilman Ray Ortiz in for his annual hearing check this week! 🦻"),
    ("instagram", True, "before ➡️ after ✨ two syringes of magic by our injector Dani, swipe to see the glow up!!"),
    ("facebook", True, "packed house this morning!! 📸 thank you all for your patience at our walk-in flu clinic 💉"),
    ("instagram", True, "Our Tuesday new-dads support circle was full today 💙 look at these amazing papas!"),
    ("linkedin", True, "Case of the month: 41 yo M, line cook at a Bayside diner, presented to our clinic in March "
                       "with sudden patchy hair loss. Three months of steroid injections and he has regrown it all."),
    ("email", False, "January news! A very special welcome to the Okafor family of Fairview, whose rainbow baby Ada "
                     "arrived Jan 3 after two losses. Our whole team cried.\n\nUnsubscribe any time."),
    ("facebook", False, "sorry the lot was full this morning, we had the whole Garcia family in for their eye exams"),
    ("instagram", True, "caught this gorgeous smile in the lobby today ☀️ she said we could post it!"),
    ("youtube", False, "Watch [NAME]'s journey: after 3 years of chronic back pain she's running 5Ks again. Hear in "
                       "her own words how our spine program changed her life."),  # a redacted name still tells her story
    # ninth session: a reader asked to guess which public person was in care here
    ("x", False, "guess which seahawks lineman was on our table this morning? 👀 lips are sealed #sportschiro"),
    # round 34: a "composite" that keeps an age, a job, a town and when care began; a player's jersey number;
    # "Mr. Chen" is not the practice's Dr. Maya Chen
    ("facebook", False, "*Composite story, details changed* Meet “Sarah,” a 34-year-old kindergarten teacher from "
                        "Millbrook who came to us last October after her second miscarriage. She’s expecting twins!"),
    ("instagram", False, "good luck to the Eastfield Eagles in the state semis tonight!! we’ll be cheering for #22, cant "
                         "wait to see that knee back on the field after all those 6am mornings in our clinic"),
    ("instagram", True, "sleep lab is all set for tonight 😴 and yes room 4 has extra pillows for Mr. Chen who says ours "
                        "are “too flat” 😂"),
    # round 33: a famous person to guess, a client's signature with a town, a schedule on a screen, residents in
    # the background of a video
    ("tiktok", False, "Our massage therapist worked on a VERY famous touring musician this weekend 🤫 His back was a "
                      "mess from the tour bus lol. Guess who?? 👀"),
    ("website", False, "“I credit Dr. Kim with giving me my life back. After 10 years of sciatica I can finally pick "
                       "up my granddaughter.” — Robert Alvarez, Eastlake"),
    ("instagram", True, "busy monday!!! 📅☕ let’s gooo (pic: our scheduling screen for today)"),
    ("tiktok", True, "day in the life at our detox center 🎥 (clip walks through the group room, a few residents on "
                     "the couches in the background)"),
    # the retrained sentence model reads replies more gently: a visit fitted in and the reviewer's own fee confirm
    # care in words of their own
    ("google_reviews", False, "thank you jerome! so glad we could squeeze you in same-day 😊 — eastside urgent dental"),
    ("yelp", False, "We're sorry you were surprised by the no-show fee, but we've gone ahead and waived it this one time."),
    # health words of the old rounds the retrained model no longer carried alone; a verbal ok is no signed release
    ("facebook", True, "Welcome back Mr. Robinson! 6 weeks post-op on that knee and look at that range of motion 💪"),
    # a case told to colleagues in lower case: the date of the stroke is the patient's, not the practice's
    ("linkedin", False, "quick case for my fellow slps: 67yo retired choir director from our asheville clinic, "
                        "left-hemisphere stroke on jan 3, came in with severe non-fluent aphasia."),
    # eleventh session: a child's age and school make a "meet" no new hire; a reply's texting "ur"
    ("email", False, "Family spotlight: meet Noah, age 7, from Riverside Elementary! Noah started speech with us in "
                     "March and now orders his own pancakes. Unsubscribe any time."),
    ("google_reviews", False, "so sorry ur visit felt rushed, the wait for ur x-ray was way too long"),
    # a medicine's schedule to someone addressed, a named reader's medicine, someone in a numbered room
    ("facebook", False, "Hi Denise, for your son’s ear pain just give him Motrin every 6 hours and he’ll be fine, no need "
                        "to bring him in."),
    ("facebook", False, "call us before Monday Dave, ur metformin refill is ready at the front"),
    ("x", False, "the guy in op 3 just said this was the least painful filling of his life 😂"),
    ("tiktok", True, "when chair 2 asks if the shot will hurt and he's the fire chief 😂 #dentaltok"),
    ("instagram", True, "Happy 92nd birthday to Miss Ruth!! 🎂 Our assisted living family threw her the best party today"),
    ("instagram", True, "new plants in the lobby 🌿 (pic: the couch with our Thursday 3:30 regular doing her puzzle lol)"),
    ("facebook", False, "Hi Nora, got your message about the itching — double up on the cortisone cream and skip the new "
                        "lotion for now."),
    ("google_reviews", False, "Thanks for the stars, Jay! It's been an honor working with you these past few months. Keep "
                              "practicing those breathing skills!"),
    ("facebook", True, "Smile makeover reveal!! 😍 Meet Carla, who finally got the veneers she’s wanted since high "
                       "school. She literally cried in the chair and said we could share, so here’s her before + after!! "
                       "Congrats Carla you look stunning 💕"),
    # rounds 67-70: an office holder cared for here, clients at the practice's party in a photo
    ("linkedin", False, "So proud that Commissioner Ana Ruiz trusted our team after her skiing accident this winter. "
                        "Full recovery, back on the slopes!"),
    ("facebook", True, "Patient Appreciation picnic was a blast 🌭 tag yourself in the pics!"),
    # rounds 71-72: who is in the shot
    ("facebook", True, "throwback to the 2022 knee crew!! tag yourself if you remember the ice baths 😂"),
    ("instagram", True, "behind the scenes with our hygienist Jo 🦷 (ignore Mr. K in chair 2, he said it's fine)"),
    ("instagram", True, "monday command center ☕ whiteboard's got all the names + times up, let's go"),
    ("instagram", True, "Happy 3rd birthday to one of our very first NICU grads, Theo!! 🎂"),
    ("instagram", True, "cardiac rehab crew crushing the Heart Walk this morning!! so proud of every one of you"),
    ("tiktok", True, "POV: it's 8am tuesday and the regulars are already warming up 🎶"),
    ("facebook", False, "welcome to the fam Kennedy & Brooks!! 🥰 first visit ✅ no tears ✅ see u in the fall!"),
    # fifteenth session: an office holder's care with the team, a child's age after a welcome, names after their
    # cleanings, a promise standing alone, a job at a named school cared for, a business owner adjusted, births
    # with the midwives, the mayor's family at the clinic
    ("linkedin", False, "So good to see Councilman Ray Dorsey cutting the ribbon downtown, just weeks after his new "
                        "glasses fitting with our team!"),
    ("website", True, "Meet Noah, 7 🦷 our Brave Smile of the Month! He's in first grade at Oak Hill and sat like a champ for his first filling."),
    ("instagram", True, "fall festival recap 🍂 lots of little pumpkins stopped by after their cleanings — swipe for "
                        "Mia the bat and Leo the tiger 🦇🐯"),
    ("facebook", False, "Summer reading camp is open! Your child WILL be reading at grade level by the first day of "
                        "school. We promise."),
    ("instagram", False, "happy retirement to the crossing guard at Maple Elementary!! 35 yrs 💛 and thanks for "
                         "letting us be ur eye doctor for 20 of them"),
    ("instagram", True, "adjusting the owner of the new climbing gym on Fifth today 🧗 her neck said THANK YOU #chiro"),
    ("email", False, "Subject: Welcome, little ones!\nThis month we celebrate the families who delivered with our "
                     "midwives: Jada K., Rosa M. and Emily T. 💕\nUnsubscribe any time."),
    ("x", False, "so many of you asking if that was the mayor's son at our Main St clinic today... can't say 😉 but he's doing great"),
    # rounds 83-84: a client's birthday beside the aide's visits, care at home for a retired captain, the wait on a
    # weekday and a son feeling better, the kid who cried last week back in the lobby
    ("facebook", True, "Happy 100th birthday Irene!! 🎉\nOur aide Rosa has been on Irene's Monday visits since her "
                       "stroke last fall, and Irene still beats her at cards 😂"),
    ("facebook", False, "Rest easy, Frank — retired Millbrook police captain. For six months our home health team "
                        "had the honor of caring for him in the house on Birch Road."),
    ("google_reviews", False, "Thanks for the stars! Sorry about the wait Monday afternoon, it's been a busy flu "
                              "season. Hope your son is feeling better!"),
    ("tiktok", True, "pov: the kid who cried through his cleaning last week is back and wants the dinosaur chair "
                     "again 😭 he's in the lobby rn"),
    # sixteenth session: the next visit told to a commenter or a reviewer, a handle's sober anniversary, a client
    # called by their slot and pinned down by a job or a shop
    ("facebook", False, "love you too Marisol!! 💕 see you next tuesday, and tell your sister hi"),
    ("google_reviews", False, "Thanks so much Andre!! Thursday mornings w/ Jordan aren't going anywhere, see you "
                              "after the new year"),
    ("instagram", False, "one year!!! @jake.ropes.calves so proud of you, from that first rough night to leading the "
                         "circle 💙 #soberlife"),
    ("tiktok", False, "pov: the only PT in a town of 800 and your 9am is also your daughter's piano teacher 😂 "
                      "#smalltownpt"),
    ("x", False, "ran into my 4pm at the Riverside Costco and she was buying exactly the snacks we talked about "
                 "cutting out 😬"),
    ("facebook", False, "Go Hawks!! And Coach Rivera, thanks for trusting us with that knee every Thursday since "
                        "September 💪"),
    # round 89: an athlete known by team and position, a colleague the team cared for
    ("instagram", False, "Shoutout to the Thorns' backup goalkeeper for trusting us with that cracked molar after "
                         "Sunday's game ⚽🦷 good as new!"),
    ("facebook", True, "Welcome, baby Theo!! Our billing lead Marisa had her son Friday, and thank you to Dr. Lin and "
                       "our nurses for taking such good care of Marisa through her pregnancy and delivery 💙"),
    ("linkedin", False, "So proud of Priya Raman this month. She has been working with the founder of one of the "
                        "Alberta Arts District's best-loved bakeries on the panic attacks that kept him from pitching "
                        "lenders, and he just opened his second shop."),
    # seventeenth session: a family named on the waitlist, the schedule board in the photo, a colleague's
    # care for someone known by team and position, a post scheduled past its consent's end
    ("facebook", False, "We're growing! Three families are still on our waitlist for teen DBT, the Okafor family from "
                        "Grant High among them, so we're hiring another full-time counselor."),
    ("instagram", True, "front desk glow-up ✨ the whole week's appointments + every patient name in glitter pen "
                        "on the board behind Tasha lol"),
    ("instagram", True, "monday vibes 🌞 ignore today's schedule on the whiteboard behind me, just look at these plants"),
    ("linkedin", False, "Honored that Priya Raman spoke at the state conference about her two years treating a "
                        "Timbers midfielder for panic disorder. Proud of this team!"),
    ("instagram", True, "SCHEDULED — publish 8/2/2027 10am\n“They met me where I was.” — Jasmine Ortiz 💛"),
    ("tiktok", False, "when the dad of the kid you see on Mondays waves at you across the Fred Meyer parking lot 🫠 "
                      "#therapistlife"),
    # ... round 94: a guarantee after a negated list item, a review reply about a refund and a new link, a jersey
    # number and a colleague's mornings, the next visit told to clients named after "sorry"
    ("tiktok", False, "no waitlist, no referral needed, guaranteed results in 4 weeks ✅ book now #anxietyhelp"),
    ("google_reviews", False, "Hi Dana, so sorry the video link froze on Monday. We've refunded the session fee and "
                              "Jordan emailed you a fresh link for Thursday."),
    ("facebook", True, "State champs!! 🏆 special shoutout to #14 — those Wednesday mornings w/ Jordan on pre-race "
                       "jitters paid off 😉"),
    ("tiktok", True, "snow day 😭 sorry kai, noor + mr haddad, we'll catch u friday instead #therapistsoftiktok"),
    # (a guard: a client thanked for letting us share her words is no host or donor)
    ("facebook", True, "“Therapy gave me my Saturdays back.” 💙 Thank you Derek for letting us share your words! "
                       "#clientlove"),
    # ... round 95: a review reply about a missed slot and a fee, a money-back promise for someone's teen, a rare
    # birth and a partner's handoff, a card from a colleague's clients signed by name
    ("yelp", False, "Hi Rosa, we understand your frustration. Our records aside, the 10am on the 4th was missed and the "
                    "late-cancel fee is in the forms signed at intake. Please call us."),
    ("instagram", False, "8 out of 10 kids in our anxiety program stop avoiding school by week 10, and if your child "
                         "doesn't improve, you don't pay 💪"),
    ("facebook", False, "Thank you to the midwives at Rose City Birth Center for the referral! our quadruplet mama is "
                        "already feeling more like herself after a few sessions 💛"),
    ("facebook", False, "Priya's last day before maternity leave 🍼 and her clients left the sweetest note: 'you gave "
                        "us our family back – love, Ana & Joel' 😭"),
    # ... round 93 (after its measurement): a support group's members in its photo, a client spotted in costume at a
    # public event beside their progress
    ("facebook", True, "grief group friendsgiving 🥧 look at all these lovely faces!! thank you all for coming —Dot"),
    ("instagram", False, "spotted one of my DBT folks at the Hawthorne street fair today in the giant taco costume 🌮 a "
                         "year ago they couldn't leave the house 🥹"),
    # eighteenth session: a post scheduled after its consent ends by a "SCHEDULE:" tag, former clients at their
    # reunion in the photo, group members at a picnic in the album, patients' paperwork and the week's intake slots
    # in the picture, a colleague introduced by their own time in the practice's program
    ("instagram", True, "[SCHEDULE: Sep 3, 2027 – fall campaign]\n“Harbor Light helped me find my footing again.” "
                        "— Jasmine Ortiz"),
    ("facebook", True, "grads reunion bonfire 🔥 look at all these gorgeous faces!! every one of you worked so hard to "
                       "get here"),
    ("email", True, "Subject: pics from the spring picnic!\n\nThanks to everyone from our anxiety and parenting groups "
                    "who came out Saturday. The photo album is below!\n\nUnsubscribe here."),
    ("instagram", True, "fresh week energy ☕ clean desk, new pens and a pile of new-client paperwork to tackle 😅"),
    ("instagram", True, "organized the front office whiteboard 🙌 (photo: next week's intake slots, all color coded)"),
    ("facebook", False, "Welcome to the team, Sam Ortega! Lots of you remember Sam from her time in our eating disorder "
                        "program years ago, and now she's back as our newest recovery coach."),
    # ... rounds 100-101: results promised by a time, a radio guest in the practice's care, insurers' paperwork in the
    # picture
    ("tiktok", False, "Anxiety doesn't stand a chance 💥 8 sessions. That's all it takes to get your life back. Book "
                      "today!"),
    ("x", False, "On air Friday: Dr. Chen and Tom Reyes, who started seeing us after his divorce, talk about asking for "
                 "help. 📻"),
    ("instagram", True, "desk check ☕ (the stack by the lamp is tomorrow's prior authorizations lol)"),
    # ... round 102 (after its measurement): clients named by where they wait, in the photo
    ("instagram", True, "Happy birthday Jordan!! 🎂 The Thursday waiting room gang sang along — pic of all of us with "
                        "the cake"),
    # nineteenth session: a colleague's screen or the bookings' board in the photo; a reply that a colleague
    # enjoyed the work or that the reviewer found the group helpful; a few people from one named kitchen, squad or
    # employer in care; a captain who joined a group; a couple cheered by initials on the day they walked in; a
    # guarantee paid for by a free session; a withdrawn client's quote reused without his name
    ("instagram", True, "new ergonomic chairs for the whole team 🙌 (pls ignore Priya's screen, Tuesdays are packed lol)"),
    ("instagram", True, "Jordan's session whiteboard for finals week 😅 every single slot! January spots open now"),
    ("yelp", False, "Sam, we're sorry about the billing mix-up. Priya truly enjoyed working with you this fall and "
                    "would love to pick back up in January."),
    ("google_reviews", False, "thank u!! so glad you and your sister both found our group helpful this term 💛"),
    ("linkedin", False, "Rough month: four line cooks from the same kitchen at Bastion Bistro started therapy with us "
                        "after the fire."),
    ("x", False, "when a principal refers 5 girls from one cheer squad in a week 😬 Grant High cheer, we see you"),
    ("linkedin", False, "Our EAP work with Cascade Mutual keeps growing: most of their claims adjusters are on our "
                        "waitlist right now."),
    ("facebook", False, "Shoutout to Jesuit High lacrosse captain Mia T. 💪 who joined our teen anxiety group this "
                        "winter!"),
    ("instagram", False, "Happy 10th anniversary D & L!!! Two years ago you walked into our office barely speaking, and "
                         "look at you now 💕"),
    ("instagram", False, "Our 3-session Holiday Peace package GUARANTEES no family fights this December — or your next "
                         "session is FREE!"),
    ("facebook", False, "Can we reuse Derek's quote from the fall newsletter? Just leave his name off:\n\n“Harbor Light "
                        "helped me breathe again.” — a client"),
    ("blog", False, "Two juniors from the same dorm floor at Reed College came to see me in the same week, each with "
                    "panic attacks before exams."),
    # ... rounds 106-110: the screen, the board, the clipboard and the day view in the picture; a colleague who was a
    # client; a named client's late cancels; one client called out by what they did; a reviewer's next visit; a
    # class's parents and a group's alumni families in the picture; a program's certificate handed to a handle
    ("x", True, "Priya's new standing desk 🙌 yes that's her whole Wednesday open on the screen, what a legend"),
    ("instagram", True, "Thursday mode at Harbor View ☕ full day, let's go! (peep the color-coded board, Omar is a "
                        "wizard)"),
    ("facebook", True, "New check-in station is live! (pic: the clipboard already filling up on day one 😄)"),
    ("linkedin", True, "We went live on our new scheduling platform! Here's Tess showing off the new day view 💻"),
    ("facebook", False, "Please welcome Corinne, our new intake coordinator! Fun fact: Corinne was a Harbor Light client "
                        "herself before joining the team."),
    ("x", False, "Reminder: our late-cancel fee is $60. Yes, even for you, Devon 😅 (twice this month!!)"),
    ("facebook", False, "To the patient who paid with a check from their Alder Street Cafe account last week: it bounced, "
                        "please call billing."),
    ("google_reviews", False, "Hi Dana, thanks for the 5 stars! Priya says hi and is looking forward to next week 😊"),
    ("facebook", True, "Parenting Through Divorce graduation night!! So proud of this group of moms and dads 💛 (everyone "
                       "said it was ok to post the group pic)"),
    ("instagram", True, "Holiday open house was a joy 🎄 special thanks to our postpartum group alumni families who "
                        "stopped by with their babies. Look at these cuties!!"),
    ("instagram", False, "@dani.r.pdx yes!! your completion certificate is at the front desk, come grab it anytime"),
    # twentieth session: initials before what they reached, a student by sport and school who landed here, people the
    # practice had the privilege of supporting, a guarantee of feeling like oneself, a district's few students
    # supported, care picked back up with a clinician; a circle, an hour's crew, notes, the schedule, a caseload list, a
    # session's screenshot and intake packets in the picture
    ("instagram", False, "Milestone Monday ✨ K.L. just reached 90 days without a binge!! so proud of you 💪"),
    ("linkedin", False, "At the symposium I shared one example: a junior swimmer from a Lake Oswego high school who "
                        "stopped eating before sectionals last spring and ended up on my couch a month later."),
    ("facebook", False, "Candle lighting tonight for neighbors we lost this year: Ruth Ellis and Tom Baker, both of whom we "
                        "had the privilege of supporting through their final months."),
    ("facebook", False, "Our 6-week Panic Reset will have you feeling like your old self again, guaranteed!"),
    ("website", False, "2025 highlights: we partnered with Estacada School District to support both of their openly "
                       "nonbinary eighth graders through a hard year."),
    ("facebook", False, "We miss you, Talia! 💛 Whenever you're ready to pick things back up with Priya, just call the "
                        "front desk."),
    ("instagram", True, "the monday circle 💛 these folks keep showing up for each other while their partners are in "
                        "treatment. (they all said ok to a pic!)"),
    ("instagram", True, "sunny tuesday in the belmont lobby ☀️ and the 9am crew who smiled for the photo 😄"),
    ("instagram", True, "desk check ☕ two coffees, one plant, and a stack of progress notes to finish before 5 "
                        "#therapistlife"),
    ("instagram", True, "fresh week, fresh whiteboard ✨ tess mapped the entire harbor view schedule by clinician, swipe "
                        "to see"),
    ("tiktok", True, "a day in my life as a grief therapist: 8am review my caseload list (pictured, it's a lot) 9am first "
                     "session"),
    ("instagram", True, "co-leading our first virtual group tonight with Priya! (screenshot of the zoom gallery below 👇)"),
    ("instagram", True, "sorry for the chaos on the front desk today, monday intake packets everywhere 😅 new rug though!"),
    # ... rounds 116-117: a group out together and its members in a video, a child's drawing for a clinician, next
    # week's kiddos on the board; a coach who trusted the team with his son's care; a few juniors referred after one
    # tournament; an official "in very good hands"; a family who joined a program; anniversary coins with names
    ("facebook", True, "Our Monday Brave Talkers group took on the climbing gym this afternoon and every one of them made "
                       "it to the top! Swipe for pics 📸"),
    ("instagram", True, "new plant corner at harbor view 🌿 (don't mind the whiteboard with next week's teen kiddos behind "
                        "it lol)"),
    ("instagram", True, "one of our 3rd graders drew this for Priya on his last day 🥹 signed and everything. framing it!"),
    ("facebook", False, "Thank you to Coach Ramirez at Franklin High for trusting our team with his family's care this "
                        "spring!"),
    ("email", False, "Subject: Spring partner update\n\nReferrals from Grant HS doubled this year, including the four "
                     "juniors from the debate team after the March tournament. All four are doing great!\n\nTo stop these "
                     "updates, reply unsubscribe."),
    ("youtube", True, "The six teens in our Wednesday coping skills group wrote and filmed this 3-minute video on exam "
                      "stress!"),
    ("x", False, "can't say who, but if you saw the news about a certain Gresham school board member's arrest... she's in "
                 "very good hands with us now."),
    ("facebook", False, "Warm welcome to the Okafor family, who joined our Parents in Recovery program this month! 💛"),
    ("instagram", True, "engraving anniversary coins for Saturday 🥹 Dee (1 yr), Marco (90 days) and Luis (18 months)!"),
    # twenty-first session: members of a group in the described photo, a visitor where clients wait, a weekday group
    # out together; replies confirming a booking, a session's quality, a colleague's move on the balance, time in care;
    # cure claims as counts and set times; a famous person's case; a group member's death; a family referred by name;
    # a signed thank-you card in the picture
    ("facebook", True, "What a morning at the Out of the Darkness Walk 💜 thank you to the parents from our Monday "
                       "infant loss circle who walked beside our staff!"),
    ("instagram", True, "fresh paint in the Harbor View lobby 🎨\n\n(photo: the new mural, and a dad with a toddler on his "
                        "lap in the corner)"),
    ("instagram", True, "Chili night with our Wednesday combat veterans group 🌶️ best cooks in Portland."),
    ("facebook", True, "Happy work anniversary to our biller Ron! 🎉\n\n(photo: Ron at his desk, group members chatting "
                       "in the hallway behind him)"),
    ("facebook", False, "Reply to comment:\nhey Tanya! yep you're booked for Monday at 4 with Jordan, see you then 😊"),
    ("google_reviews", False, "We hear you, and we're sorry the intake felt rushed. We've shared your note with Priya and "
                              "she'd like to call you this week."),
    ("google_reviews", False, "We can't go into specifics here, but our billing department has already reversed that "
                              "late fee on your account."),
    ("google_reviews", False, "Sam, it was a privilege for all of us to work with you while you found your footing after "
                              "the Navy. Go get 'em at PSU!"),
    ("tiktok", False, "what if postpartum depression could be completely healed in 4 sessions? it can. book with us "
                      "#postpartum"),
    ("website", False, "Our approach saves 8 out of 10 struggling marriages. Book a consult today."),
    ("linkedin", False, "Hard week. I'm consulting on a messy divorce case involving a very famous local chef, and "
                        "even the famous need good boundaries."),
    ("facebook", False, "Our Thursday grief circle lost one of its own this weekend. Holding her family close."),
    ("instagram", False, "Thank you to Lena at Hawthorne Family Law for referring the whole Nakamura family our way! 🙏"),
    ("facebook", True, "This made our week 🥹\n\n(photo: a card that says “Jordan — thank you for helping our son find "
                       "his words again. Love, Mark & Tia Delgado”)"),
    # ... rounds 124-125: a guarantee of the sentence before; a colleague's slot cheered; a recorded screen; a calendar
    # screenshot; a small workplace's clients; a described person's own sessions; replies about texts and a bill; a
    # family greeted and told of a year with us; initials with an accommodations request
    ("instagram", False, "Every client who tried our sleep program felt rested within a month. We guarantee it."),
    ("x", False, "Happy birthday to Jordan's Thursday 5pm!! enjoy the big 4-0 in Maui 🌺"),
    ("youtube", False, "How to book in our portal (walkthrough)\n\nnote: recorded this on Priya's account, so her client "
                       "list shows around 2:10. can fix later"),
    ("instagram", True, "Online scheduling is here! A peek behind the scenes 👀\n\n(photo: screenshot of the admin "
                        "calendar view with Maya's week)"),
    ("linkedin", False, "Proud to support the crew at Tidewater Bikes (all 11 of you!). Four of our clients from your "
                        "team asked for schedule changes this year and you said yes every time."),
    ("instagram", False, "Shoutout to the Franklin High counselor who has logged into her video session from the school "
                         "parking lot every Wednesday since fall. We see you!"),
    ("yelp", False, "Hi Renee, our policy is no replies after 6pm, which is why Priya didn't answer your messages on "
                    "Sunday. Please call us Monday."),
    ("healthgrades", False, "Thanks Mo — we've passed this to Jordan. So sorry about the error on your superbill! Our "
                            "billing team will call you."),
    ("facebook", False, "Merry Christmas to the Haddad family! We've loved getting to know all four of you these past "
                        "months 💙"),
    ("instagram", False, "big congrats to T.N. who got her accommodations letter approved for the nursing boards!! "
                         "Priya says it was a joy to write"),
    # ... rounds 129-130: a real session recording with a client; a reply about visits left
    ("youtube", False, "New episode: Dr. Chen plays an actual session recording with one of her clients (name changed) "
                       "to show how pendulation works."),
    ("healthgrades", False, "Hi Bea, so sorry for the mix-up. You've still got 4 sessions left on this year's plan — "
                            "call us to book!"),
    # ... rounds 131-132: a colleague with clients in a described photo; a cousin sent our way; 100% of a group's
    # members; a clinician's recommendation in a reply; a colleague seeing a small named cohort
    ("instagram", True, "Skills group graduation day!! 🎓\n\n(photo: Priya with the four teens from the Monday group "
                        "holding their certificates)"),
    ("facebook", False, "Thank you to Luis at Sharp Lines Barbers for sending his nephew Mateo our way. Mateo hasn't "
                        "missed a week since!"),
    ("instagram", False, "100% of the moms in our spring postpartum group were symptom-free by week 8 🏆"),
    ("google_reviews", False, "We hear your frustration. Dr. Chen's recommendation of a higher level of care came from "
                              "her clinical judgment. Please call us."),
    ("instagram", False, "happy birthday Jordan!! the PSU rowing crew he's been seeing all term brought him a cake, all "
                         "8 of them 🥹"),
    # ... rounds 126-128: a withdrawn client named in a note to the reviewer; a claim of most employees; care said to
    # someone by initials; a consult with an official going through a lot
    ("instagram", False, "“I finally sleep through the night.” — J.\n\n[note for Tanya: reusing Derek's quote from last "
                         "spring, initials only this time]"),
    ("linkedin", False, "94% of the employees we see through our EAP are back to full productivity in 5 weeks. If your "
                        "people aren't better, the next round is on us."),
    ("facebook", False, "Congrats to R.M. on going back to teaching this week after leave!! So proud of all the work you "
                        "put in with us 💙"),
    ("linkedin", False, "Just wrapped a consult with a Hood River County commissioner who's been carrying a lot since the "
                        "fires. Leaders need support too."),
    # a withdrawn client signed by initial and family name
    ("facebook", False, "“Two years ago I couldn't drive past the station. Now I coach the rookies.” — D. Huang, "
                        "retired paramedic"),
    # twenty-second session: a testimonial signed by a team's role, or in Spanish; one person by a team, a school or
    # a bench and time spent with a colleague, a clinician's story or work with them, a bib; "one of our dads ...";
    # a visitor in a video; a group member named after "Meet"; a stand-in name; graduates in the picture; regards
    # in a review reply; recipients in CC; progress told; the waiting room; permanence claimed; records in a video
    ("website", False, "“Walk-and-talk sessions got me back on the field.”\n— former Timbers midfielder, 2024 squad"),
    ("instagram", False, "“Priya me ayudó muchísimo con la ansiedad.”\n— Lucía M., Gresham"),
    ("x", False, "Shoutout to the Portland Pickles shortstop who spent her off-day Monday with Dr. Chen before the "
                 "playoffs!"),
    ("facebook", False, "Loved guest lecturing at Reed! The students were riveted by Jordan's story about the Roosevelt "
                        "High goalie who stopped eating the season he made varsity."),
    ("blog", False, "Priya walked the class through her work with the only blind student at Cleveland High and the "
                    "routine they built for sessions."),
    ("linkedin", False, "My poster is up: treating compulsive saving in a recently retired Clackamas County judge."),
    ("instagram", False, "Who saw one of our Tuesday walking-group regulars finish Hood to Coast?? bib 2231 you are a "
                         "STAR"),
    ("facebook", False, "Big thanks to one of our dads — yes, the one who runs the taco truck on SE Division — for "
                        "feeding the whole team today!"),
    ("tiktok", True, "a morning at the office ☕\n\n[video clip: the lobby, then a woman in a green raincoat walking "
                     "through the Suite 200 door]"),
    ("instagram", True, "he always knows who needs him 🥹\n\n[video: our therapy dog resting his head on the knee of a "
                        "teenage boy on the office couch]"),
    ("facebook", True, "Meet Omar ⚽\n\nOmar joined our newcomer teens soccer & talk group this spring and just scored "
                       "his first goal!\n\n[photo: Omar with the ball]"),
    ("blog", False, "I'll call him Mark. He's a 52-year-old ferry captain who came to us after the collision on the "
                    "Willamette last May, the one on the news."),
    ("instagram", True, "Graduation night for our spring assertiveness group! 🎓\n\n[photo: seven graduates holding "
                        "their certificates in front of the office sign]"),
    ("google_reviews", False, "thank you for the stars!! Jordan says hi and he's so glad the drives over the bridge are "
                              "getting easier"),
    ("email", False, "To: hello@harborlightcounseling.com\nCC: kim.r@gmail.com, j.ochoa77@yahoo.com, "
                     "bfarrell@outlook.com\nSubject: Group moves to Thursdays\n\nOur panic skills group moves to "
                     "Thursdays at 6. Reply STOP to opt out."),
    ("instagram", False, "shoutout to the Madison High senior who read the morning announcements today!! a month ago "
                         "she couldn't make a phone call. so proud!!"),
    ("website", False, "Our front desk lead Tasha still laughs about the day the mayor's son left his skateboard in the "
                       "waiting room."),
    ("blog", False, "Finish our 6-week sleep program and you'll never lose another night to 3am worry."),
    ("website", True, "New office tour video!\n\n[video: the hallway, the kitchenette, then the whiteboard reading "
                      "“9:00 R. Patel / 10:00 S. Nakamura / 2:00 L. Grant”]"),
    ("blog", True, "Monday paperwork mood ☕\n\n[photo: a folder tab reading “OKAFOR, Mia — DOB 02/14/2011” next to my "
                   "latte]"),
    ("blog", False, "When the Castellanos’ restaurant on NE Fremont flooded last spring, the whole family sat in our "
                    "office a week later. This post is about what the Castellanos taught us about starting over."),
    ("instagram", False, "Our intensive ERASES panic attacks in just 4 sessions. Book now!"),
    ("facebook", True, "[photo: Jordan hugging a man in a Ducks cap at the Sunday vigil]\n\nJordan with one of his "
                       "longtime folks tonight 🕯️"),
    ("blog", False, "Last fall a Gresham Fire lieutenant out of Station 74 called our office two days after the "
                    "apartment fire on 181st."),
    ("facebook", False, "Thanks to the counselors at Sellwood Middle who joined us on Monday's 504 meeting for a 6th "
                        "grader with a rare heart condition!"),
    ("website", False, "In six weekly sessions our program gets teens back in the classroom — guaranteed."),
    ("instagram", True, "exposure day at the top of the Aerial Tram 🚡 this crew did it!!\n\n[photo: four adults next "
                        "to Priya at the tram railing, faces visible]"),
    # ... rounds 138-145: the treating clinician in a named case; a clinician's client by the day's slot; the one a
    # news story names; a post one person holds; the door left open; advice passed on; people waiting in a video
    ("linkedin", False, "Proud of Dr. Chen for testifying this week as the treating psychologist in State v. Harlan. "
                        "Survivors deserve to be heard."),
    ("tiktok", False, "a day in the life of a trauma therapist 🎥\n9am coffee\n11am my bus driver from Gresham who still "
                      "can't drive past the crash site\n1pm tacos"),
    ("website", False, "Regarding Tuesday's Oregonian story: the coach named in the article was seen here for three "
                       "sessions last spring and was not in our care at the time."),
    ("linkedin", False, "This month we started seeing the district's deputy superintendent every week. Honored to support "
                        "a public servant."),
    ("yelp", False, "We're glad you found a therapist who fits better. If you ever want to come back, we're here."),
    ("google_reviews", False, "Thank you for the kind words, Rosa! Priya says keep up the gratitude lists 😊"),
    ("instagram", True, "Open house tour of Suite 300! 🏢\n\n[video: the hallway, where a boy and his mom are waiting on "
                        "the bench outside Room 2]"),
    # twenty-third session: a cure by a count of sessions, one initial and a job and a town, a client's words with
    # their day, a caseload's tags, a group's roster, a signed card, a reader's statement, a post queued past its
    # consent, an official described by the practice's own town
    ("instagram", False, "Four sessions with Jordan and your social anxiety is history ✨ book by Friday"),
    ("instagram", False, "“I stopped dreading Sundays.” — M., retired firefighter, Milwaukie"),
    ("x", False, "client yesterday: “I finally told my boss at the cannery I need Tuesdays off for this” 🥹"),
    ("facebook", True, "our ornament swap is on! [photo: the ornament wall, each ornament tagged with a first name and "
                       "“Jordan’s caseload”]"),
    ("instagram", True, "holiday potluck vibes 🎄 [photo: Priya at the snack table, the parenting group roster and phone "
                        "numbers on the whiteboard behind her]"),
    ("facebook", True, "[photo: a thank-you note on Jordan's shelf, signed “xo, Dana & Miguel”]\nthis one made our "
                       "week 🥹"),
    ("instagram", False, "@trailmix.tess your statement for October is ready at the front desk whenever you are!"),
    ("instagram", True, "[photo: Jasmine Ortiz on her bike]\n“Therapy gave me my weekends back.” — Jasmine Ortiz\n"
                        "queue this one for 8/1/2027 pls"),
    ("linkedin", False, "One privilege of this year was supporting a sitting Portland city commissioner through a very "
                        "public burnout."),
    # ... rounds 153-154: a check-in list, signed group work, a promised return to work, a crew in our caseload,
    # debriefs for one workplace's witnesses, a title one person holds
    ("instagram", True, "new plants in the group room 🌿 [photo: the group room, the whiteboard in the back still showing "
                        "tonight's check-in list: “Noor – eat lunch at school, Ben – no skipping”]"),
    ("instagram", True, "our art therapy group made self-portraits this week 🎨 [photo: a watercolor self-portrait signed "
                        "“love, Greta W.” in the corner]"),
    ("linkedin", False, "Our 8-week resilience program gets your team back to full productivity. Guaranteed."),
    ("linkedin", False, "We're hiring! Our caseload grew this fall, including many of the Station 9 fire crew after the "
                        "warehouse fire in October."),
    ("linkedin", False, "We spent Monday running group debriefs for the 7 employees at a Northwest Portland bakery who "
                        "witnessed Friday's robbery."),
    ("x", False, "congrats to this year's Grant High valedictorian!! we've been supporting her since freshman year and we "
                 "always knew 🎓"),
    # ... rounds 155-156: the family a commenter brought up, a named family's son in our care, a candidate in a named
    # race, a client on a named stage, a client list on the board, someone's certificate, a group at our table, the
    # only one of their kind on a named team, an initial and a job at a kind of place
    ("facebook", False, "@Dale Porter the family you keep posting about came to us on their own, and their daughter is "
                        "doing great now. mind your business."),
    ("facebook", False, "We don't push anything on kids. Ask the Delgado family in Tigard — we've supported their "
                        "daughter for three years."),
    ("linkedin", False, "Proud to have supported a first-time candidate through this fall's Beaverton school board race. "
                        "Watching her hold steady in session was inspiring."),
    ("facebook", False, "Priya teared up watching one of her clients sing the anthem at the Timbers home opener 🥹"),
    ("facebook", True, "[photo: Jordan at the front desk in a Santa hat; the whiteboard behind him shows today's client "
                       "list] happy Friday!"),
    ("instagram", True, "[photo: a certified birth certificate with a new name, on Priya's desk next to a balloon] "
                        "someone walked out of here today with the right name on their papers!!"),
    ("instagram", True, "[photo: about a dozen people around a table of pies at our Belmont office] pie night with our "
                        "Tuesday grief support group 🥧"),
    ("linkedin", False, "This year we supported the only female smokejumper at the Redmond base through her return to "
                        "work after the Cedar Creek fire."),
    ("website", False, "“Night shift almost broke me.” — R., charge nurse at a Portland children's hospital, dad of three"),
    # ... rounds 158-159: a favorite crossing guard at a named school back with us, back on thursdays with a colleague,
    # an anonymous story's own employer, a session on screen, our regular's birthday, a journalist's own account
    ("x", False, "so glad our favorite crossing guard at Sunnyside Elementary is starting back with us in January! 💛"),
    ("facebook", False, "welcome back to the Roosevelt High wrestling coach who took the team to state 🏆 so glad you're "
                        "back on thursdays with Priya!"),
    ("blog", False, "Anonymous client reflection: “I came to Harbor Light the spring I retired from Portland General "
                    "Electric after 28 years.” — R."),
    ("instagram", True, "[photo: Jordan's desk, laptop open mid-telehealth session, coffee steaming] monday mood ☕"),
    ("instagram", True, "[photo: a cupcake on the front desk with a candle] happy birthday to our favorite monday "
                        "regular!! 🎂"),
    ("x", False, "so proud of you @mara_quinn_news for talking about your anxiety on air tonight. it's been a privilege "
                 "to walk alongside you 💙"),
    # ... after reading the final rounds: a reviewer's own slot, freedom from a condition promised, the week's
    # schedule on the board
    ("yelp", False, "Hi Dana! so sorry about the construction on Belmont 😩 for your Thursday 5pm, the side door by the "
                    "bakery is open!"),
    ("website", False, "FAQ: How long does it take?\n\nOur insomnia track is 5 sessions, and by the end you'll be free of "
                       "panic attacks. That's our promise."),
    ("instagram", True, "new week, new markers ✏️ [photo: the front desk whiteboard with this week's couples schedule, "
                        "“Mon 6pm — Ana + Luis”, “Thu 5pm — the Parks”]"),
    # twenty-fourth session: someone who "began seeing" a colleague, a board in the photo with a slot and an initialled
    # surname, a reply about "your appt", a booked slot said to a handle, a kind reply grateful to have walked alongside
    # the commenter
    ("email", False, "Subject: Hope in the hard months\n\nA retired Gresham bus mechanic, whose son died in the I-84 pileup "
                     "in March, began seeing Priya in June. He says the nightmares have eased.\n\nUnsubscribe: "
                     "harborlightcounseling.com/unsubscribe"),
    ("instagram", True, "New rug, new lamps, same cozy front desk ✨\n[photo: the lobby; a whiteboard by the desk says "
                        "“Thu 2pm – J. Rivers – Priya”]"),
    ("x", False, "@rain_city_dad bring the photo of Scout to your appt friday if you want, we can talk about him there 🐾"),
    ("facebook", False, "@tess.h yes! Priya can move your Monday family slot to 6, just call the desk 👍"),
    ("instagram", False, "Reply to comment \"you all got me through my divorce 🙏\":\n\nwe're grateful we got to walk "
                         "alongside you through it 💛"),
    # ... after rounds 166-169: a reviewer missed on their day, a board quoted in single quotes in the photo, a
    # relative in a consented client's quote, a guarantee and a reply about medicine in Spanish
    ("healthgrades", False, "Reply to review by \"Tom B.\": We miss having you in on Thursdays! Hope the new job is "
                            "treating you well 🙂"),
    ("instagram", True, "snow day = phone day ☎️\n[photo: the front desk whiteboard headed 'FRI — switching to video', "
                        "listing 'Omar T. 10am / Bea K. 1pm']"),
    ("instagram", True, "“Watching me get better is what got my sister Renata to book her own first session.” — Jasmine "
                        "Ortiz ✨ [photo: Jasmine Ortiz in our lobby]"),
    ("facebook", False, "¿Depresión después del parto? En solo 8 sesiones la tristeza desaparece. ¡Resultados "
                        "garantizados! Llame: (503) 555-0142"),
    ("instagram", False, "@dani.vgz ¡qué bueno que el nuevo medicamento te está ayudando! nos vemos el martes 💛"),
    # ... after rounds 170-171: a roster on the whiteboard in the photo, names written on things in the picture,
    # legible names on a clipboard, a school's one office-holder counted among referrals, care said to be shared with
    # the reviewer, a new colleague who was a client here
    ("instagram", True, "finally hung the new art in the group room ✨ [photo: the group room; the whiteboard behind the "
                        "couch reads 'Girls Group — Wk 3: Ava, Sofia, Imani, Keira']"),
    ("facebook", True, "Our office manager knitted a stocking for every kiddo on our caseload 🧦 [photo: the mantel with "
                       "stockings stitched 'Milo', 'Zuri', 'Ezra' and 'Pia']"),
    ("instagram", True, "What a day at the Teen Wellness Fair! 💚 [photo: our table with a banner, a bowl of candy and a "
                        "clipboard of our teen group's members, several names legible]"),
    ("linkedin", False, "Two years into our Grant High partnership: 41 students referred, 27 started counseling, and yes, "
                        "that includes the senior class president, who talks about it openly."),
    ("healthgrades", False, "Thank you for the kind review! Jordan really valued the trauma work you two did together "
                            "this year. 🙏"),
    ("instagram", False, "Welcome aboard, Casey! 🎉 Fun fact: Casey was once a client here herself before grad school — "
                         "full circle 💛"),
    # ... after the final rounds and the regression: a reply that loved working with the reviewer's child by name, a
    # named child's intake, a spouse in care with a colleague, a child's seat saved in group, all under pasted comments
    ("google_reviews", False, "★★★★★ “Priya got my daughter through her first year of college.” — Tanya W.\n\nOur reply: "
                              "Thank you, Tanya! Priya loved working with Zoe this year 💙"),
    ("facebook", False, "Comment from Dee R.: “do you take OHP?”\nOur reply: Hi Dee! Yes 😊 you used it for Leo's intake "
                        "in March so you're all set!"),
    ("facebook", False, "Comment from Sam K.: Is Priya taking new clients?\n\nOur reply: Hi Sam! Priya already works with "
                        "your husband, so she'd suggest one of our other clinicians for you."),
    ("facebook", False, "comment from Rosa L.: “is the monday kids group on over break?”\n\nreply: Hi Rosa! Yes, Monday kids group "
                        "meets as usual, tell her we'll save her seat 😊"),
    # twenty-fifth session: a colleague's client named by a colleague's "one of her clients", a clinician who
    # "recently started seeing" someone described, a session with a local office holder, one of a few TV anchors in a
    # group, a signer placed in one named group, a waiting-room photo with a parent and teen, a client's words "in
    # our session last Thursday"
    ("facebook", False, "Jordan biked the Bridge Pedal with one of his longtime clients who a year ago couldn't leave "
                        "the house because of panic attacks. So proud."),
    ("email", False, "I recently started seeing a record-setting runner from Franklin High who told me she throws up "
                     "before every race. Join our parent workshop Thursday!\n\nUnsubscribe"),
    ("x", False, "great session this morning with a certain county commissioner who shall stay nameless 😉"),
    ("email", False, "Our Stress Reset group is back in March! Last fall's group had nurses, teachers and one of the "
                     "weekend anchors at KOIN 6.\n\nUnsubscribe"),
    ("instagram", False, "“You gave our family our evenings back.” — a dad in our Thursday group 💙"),
    ("instagram", True, "[photo: Priya watering the lobby plants; behind her a girl in a soccer jersey and her dad "
                        "sit in the waiting-room chairs, faces visible]\nplant care Monday 🌿"),
    ("email", False, "Subject: Grief workshop Dec 12\n\nA client told me in our session last Tuesday: “I set her "
                     "place at the table every night.” If that's you, come.\n\nUnsubscribe"),
    # ... after rounds 178-180: off medication "guaranteed", a reviewer's children's attendance, a reviewer signed
    # with an initial answered by name
    ("facebook", False, "Our biofeedback program: finish 16 sessions and your teen can come off meds — guaranteed!"),
    ("google_reviews", False, "★☆☆☆☆ “They saw my kids without asking me.” — K. Marsh\n\nOur reply:\nMs. Marsh, "
                              "we only shared your children's attendance dates with the other parent, per our policy."),
]


def drafts(rows):
    return [{"id": str(i), "platform": p, "photo": photo, "text": t} for i, (p, photo, t) in enumerate(rows)]


async def test_when_an_everyday_post_names_no_patient_then_it_is_not_blocked(services):
    got = await checked_verdicts(services, drafts(CLEAR))
    assert [(t, v, codes) for (_, _, t), (v, codes) in zip(CLEAR, got) if v == "block"] == []


async def test_when_the_same_kinds_of_post_single_out_a_patient_then_they_block(services):
    got = await checked_verdicts(services, drafts(BLOCK))
    assert [t for (_, _, t), (v, _) in zip(BLOCK, got) if v != "block"] == []

