"""Rule 5: a reply to an online review that confirms the patient relationship
or adds details of visits, treatment, insurance or bills.

Guidance (hipaa-social-rules.md, section 3.5) and the enforcement cases of
section 4: Elite Dental Associates (2019, $10,000: Yelp replies with names,
treatment plans, insurance and cost), Manasa Health Center (2022, $30,000:
reply to a negative review disclosed the patient's PHI), New Vision Dental
(2022, $23,000: replies named reviewers and their visits, treatment and
insurance), Dr. U. Phillip Igbinadolor (2022, $50,000: reply said the patient
had not followed care recommendations). Even "thank you for being a great
patient" confirms the relationship.

Pattern: review-reply wording (checks.content_kind: "your review", "thank you for your feedback",
"sorry to hear", Yelp/Google, stars) plus anything that confirms the reviewer
was seen ("your visit", "when you came in", "our records show", "you missed
your appointment", "we treated you") or names their insurance or bill."""
from __future__ import annotations

import re

from bot.config import REVIEW_PLATFORMS
from bot.domain import Draft, Severity
from checks.base import Analysis
from checks.content_kind import kind_spans
from checks.policy import lexicon as L
from checks.policy.addressee import Addressees, colleague_words, speaks_to_colleague
from checks.policy.base import FLAGS, Rule, Span, alt, compile_all, sentence_bounds

_CARE_NOUN = alt("visits?", "appointments?", "sessions?", "treatment(?: plan)?", "therapy", "therapist",
                 r"counsel+or", "procedure", "surgery", "care", "diagnosis", "medications?", "meds",
                 "prescription", "insurance", "insurer", "coverage", "claims?", "bill", "billing", "balance", "superbills?",
                 "receipts?", "reimbursement", "eob", r"(?:patient |member )?portal", "prior auth(?:orization)?",
                 "aetna", "cigna", "medicaid", "medicare", "kaiser", "humana", "tricare", "moda", "regence",
                 "invoice", "statement", "paperwork", "forms", "co-?pay", "deductible", "refund", "payments?", "account", "records?", "chart", "file",
                 "crown", "implants?", "root canal", "fillings?", "cleaning", "x-rays?", "exam", "stay",
                 "refills?", "fillers?", "botox", "injections?", "injectables?", "laser", "peel", "facial", "adjustments?",
                 "swelling", "bruising", "stitches", "braces?", "aligners?", "retainer", "glasses", "lenses",
                 "labs?", "bloodwork", "scans?", "mri", "ultrasound", "delivery", "birth",
                 "condition", "intake", "case", "provider", "dentist", "doctor", "hygienist", "results",
                 "follow[- ]?up", "referral", "journey", "healing", "recovery", "progress", "story", "struggles?",
                 # (not what the relative has outside care: "whether your child's school is one of our partner sites")
                 "attendance", "no-?shows?", "cancellations?",
                 r"(?:sons?|daughters?|child|children|kids?|husband|wife|mother|father|mom|dad|partner|teens?)(?:['’]s)?"
                 r"(?!(?:['’]s?)? (?:school|teacher|class|classroom|team|coach|birthday|friends?|bus|district)\b)")
DISCLOSURE_PATTERNS = [
    # a clinician's regards, and the reviewer's progress: "Priya says hi and she's so glad the bridge walks are
    # getting easier"
    r"(?-i:\b[A-Z][a-z]+) (?:says|said|sends) (?:hi|hello|hey|her love|his love|love|hugs|keep (?:up|going|at it)|"
    r"to keep)\b",
    # the door left open to one who left: "glad you found a better fit. The door's always open if you ever want to come back"
    r"\b(?:if|whenever) (?:you|u) (?:ever )?(?:want|decide|need|choose|feel ready) to (?:come back|return)\b",
    r"\b(?:glad|happy|proud|thrilled)\b[^.!?\n]{0,50}\b(?:is|are|was|were|'s|’s|'re|’re) (?:getting|feeling|going|gotten) "
    r"(?:so much |a lot |way |a little )?(?:easier|better)\b",
    # their wait on a given day, their sick child: "So sorry about the wait Tuesday morning", "Hope the little one is
    # feeling much better"
    r"\bthe wait (?:on |last |this )?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    r"\b(?:hope|glad|happy) (?:the little one|(?:your|ur) (?:little one|son|daughter|kiddo|kid|child|baby|little guy|"
    r"little girl|mom|dad|husband|wife)|he|she)(?:'s| is| are)? (?:feeling|doing) (?:so |much |a lot |way )?better\b",
    # the practice checked the reviewer's visit: "We looked into it and Dr. Pham was running behind"
    r"\b(?:we|I)(?:'ve| have)? (?:looked into (?:it|this|that|your)|checked (?:on|into) (?:it|this|your)|reviewed your|"
    r"pulled your|spoke (?:with|to) (?:dr\.?|our|the) \w+ (?:about|who))\b",
    r"\b(?:dr\.? \w+|your (?:provider|doctor|dentist|hygienist|therapist)) (?:was|were) (?:running (?:behind|late)|delayed)\b",
    # time in care together, in a therapist's words: "a privilege to walk alongside you these past few months"
    r"\b(?:walk(?:ing|ed)? alongside|work(?:ing|ed)? with|support(?:ing|ed)?|see(?:ing)?|treat(?:ing|ed)?) (?:you|u)\b"
    r"[^.!?\n]{0,30}\b(?:these|the|this) (?:past|last) (?:few |several |\d+ )?(?:weeks|months|years)\b",
    # what they are to keep doing from their care: "keep using those grounding skills"
    r"\bkeep (?:using|practicing|practising|doing|up) (?:those|your|ur|the|all those) (?:[\w-]+ )?(?:skills|exercises|"
    r"stretches|tools|techniques|strategies|homework)\b",
    # (not a condolence: "so sorry for the loss of your mom")
    # (nor a condition anyone may meet: "If your child is ever in danger, call or text 988")
    r"(?<!loss of )(?<!passing of )(?<!death of )(?<!\bif )\b(?:your|ur) (?:[\w-]+ ){0,2}?" + _CARE_NOUN + r"\b",  # "your 30 day follow up"
    r"\b(?:your|ur) (?:\w+ )?" + L.CONDITION + r"\b",
    r"\b(?:your|ur) (?:\w+ )?" + L.CARE + r"\b",
    # (not what a contractor or a business does: "asked the property manager to move their visits to after 9am")
    r"(?<!move )(?<!moved )(?<!reschedule )\b(?:her|his|their|(?:the|this) (?:reviewer|patient|client|person|individual)'?s) "
    r"(?:\w+ ){0,2}" + _CARE_NOUN + r"\b(?!\s+to after\b)",
    r"\byou (?:only |just |never |rarely |first )?(?:attended|came in|came to|showed up|visited|completed|finished|started|tried)"
    r" (?:once|twice|\w+ (?:sessions?|times|visits?|appointments?)|group|therapy|treatment|our|with us)\b",
    r"\b(?:didn'?t|did not) (?:enjoy|like|love|appreciate) (?:your |the |our )?(?:visit|group|session|appointment|treatment|stay|"
    r"care|therapist|hygienist|doctor|dentist)\b",
    r"\b(?:covered|billed|paid|denied|reimbursed) (?:at \d+\s?% )?by (?:your |the )?(?:\w+ ){0,2}(?:insurance|insurer|plan|"
    r"delta|aetna|cigna|medicaid|medicare|kaiser|humana|tricare|blue cross|bcbs|united)\b",
    r"\b(?:the|your) (?:new )?(?:[\w-]+ ){0,2}" + L.CARE + r" (?:is|are) (?:\w+ )?(?:working|helping)\b",
    r"\b(?:per|according to|based on|in) (?:our|the) (?:chart|records|notes|file|system|schedule)\b",
    r"\b(?:dr\.?|doctor|our (?:therapist|counsel+or|hygienist|dentist|provider)) ?\w* (?:spent|was with|met with|saw|treated|"
    r"examined|diagnosed|prescribed|worked with)\b[^.!?\n]{0,40}\byou\b",
    r"\b" + L.CARE + r"\b[^.!?\n]{0,30}\b(?:is|are|was|were|has been|keeps?) (?:\w+ )?(?:working|helping|going well|went well)"
    r" (?:for|with) you\b",
    r"\bwhen you (?:came in|visited|were here|were (?:seen|treated|in our office)|saw (?:dr|us|our)|arrived|"
    r"checked in|called (?:us|our office)|first came|started (?:therapy|treatment|with us))",
    r"\b(?:as|being|were|are|was) (?:a|our|one of our) (?:valued |former |new |long-?time |loyal |great )?"
    r"(?:patient|client)s?\b",
    r"\b(?:since|during|after|before|at|from) your (?:\w+ )?(?:visit|appointment|session|stay|treatment|time with us)",
    r"\b(?:our|my|the) (?:records|notes|chart|files?|system|schedule|billing (?:department|team)) "
    r"(?:show|shows|indicate|indicates|reflect|reflects|confirm|confirms)",
    r"\byou (?:missed|cancel+ed|no-?showed|didn'?t show|did not show|failed to|did not follow|didn'?t follow|"
    r"refused|declined|stopped (?:coming|attending|taking)|were late|arrived late|owe|still owe|"
    r"were (?:seen|treated|diagnosed|prescribed|referred|discharged|billed|charged)|chose not to|"
    r"have an? (?:outstanding|unpaid|past-?due) balance|had an? (?:outstanding|unpaid|past-?due) balance)",
    r"\b(?:this|the|that) (?:patient|client|reviewer|individual|person) (?:did not|didn'?t|never|was|has|had|failed|"
    r"refused|missed|chose|came|is|cancel+ed|owes|arrived|declined|stopped)\b",
    r"\b(?:did not|didn'?t|never|refused to|failed to|chose not to) (?:\w+ )?(?:follow|comply with|take|complete|attend|"
    r"pay|show up for|keep)\b[^.!?\n]{0,40}\b(?:recommend\w*|instructions|advice|plan|medications?|appointments?|"
    r"sessions?|bill|balance|treatment|care|exercises|homework)",
    r"\byou were (?:\w+ )?(?:informed|told|advised|warned|given|quoted|offered|seen|treated|billed|charged|prescribed|referred|"
    r"diagnosed|discharged|reminded|notified)\b",
    r"\b(?:your|ur) (?:\w+ ){0,2}(?:feels?|is|are|looks?) (?:\w+ )?(?:better|great|stronger|healed|improv\w*|healthier)\b",
    r"\b(?:better|improv\w*|healed|stronger) (?:since|after) (?:your |the |starting |our )?(?:\w+ ){0,2}" + L.CARE + r"\b",
    r"\b(?:the|our|your) (?:[\w-]+ ){0,2}(?:work|therapy|sessions?|treatment|program|group|counsel+ing|care) (?:really |truly )?"
    r"(?:helped|worked for|changed|saved) (?:you|your)\b",
    r"\bwe (?:treated|saw|diagnosed|prescribed|referred|discharged|billed|charged|examined) you\b",
    r"\b(?:we|I) (?:\w+ )?(?:enjoyed|loved|enjoy|love|liked) (?:working with|seeing|treating|having|helping|caring for|meeting) you\b",
    # the reviewer's next visit, looked forward to: "Jordan says hi and is looking forward to next week"
    r"\blooking forward to (?:seeing (?:you|u) )?(?:next|this coming) (?:week|time|session|visit|appointment|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    # past time in care, whoever the colleague is: "Jordan really enjoyed working with you this semester"
    r"\b(?:enjoyed|loved) (?:working with|seeing|treating|caring for|helping) (?:you|u)\b",
    # the reviewer's verdict on the care itself: "so happy you AND your roommate both found us helpful"
    r"\b(?:you|u)\b[^.!?\n]{0,40}\bfound (?:us|our (?:team|therapists?|counsel+ors?|sessions?|group|program|care|clinicians?)|"
    r"(?:the|your|ur) (?:sessions?|group|program|therapy|counsel+ing|care)) (?:\w+ )?(?:helpful|useful|supportive|"
    r"life-?changing|so helpful)\b",
    # phone-typed, no subject: "loved having you in saturdays", "always love seeing u"
    r"(?<![\w,] )\b(?:always |so )?(?:enjoyed|loved|love|enjoy) (?:having|seeing|treating|working with|caring for) (?:you|u)\b",
    r"\b(?:dr\.?|doctor) [A-Z]?\w+ (?:treated|saw|examined|diagnosed|prescribed)\b",
    r"\b(?:insurance|medicaid|medicare|aetna|cigna|blue cross|bcbs|united ?health\w*|kaiser|humana|tricare)"
    r"(?: \w+)? (?:denied|did not|didn'?t|wouldn'?t|doesn'?t|does not|covered|cover|declined|paid|rejected)\b",
    r"\bthank(?:s| you) for being (?:a|an|our|one of our) (?:\w+ )?(?:patient|client)s?\b",
    r"\bthank(?:s| you) for (?:choosing|trusting) (?:us|our \w+) (?:with|for) (?:your|the) (?:\w+ )?(?:care|treatment|therapy|"
    r"smile|health|family|son|daughter|child)\b",
    r"\b(?:she|he|they|the reviewer|this reviewer|this person)\b[^.!?\n]{0,30}\b(?:no-?show\w*|missed|cancel+ed|"
    r"was (?:seen|treated|discharged|referred)|(?:did not|didn'?t|never) (?:follow|pay|show|complete|return))",
    r"\bwe (?:ended|terminated|discontinued|stopped) (?:services|treatment|care|therapy|working with)\b",
    r"\b(?:discharged|terminated|dismissed) (?:her|him|them|you|from (?:our )?(?:care|practice|services))\b",
    r"\b(?:glad|happy|pleased|thrilled) (?:that )?(?:we|our team|dr\.? \w+|I) (?:could|were able to|was able to|got to) "
    r"(?:help|treat|see|care for)(?: you\b| with your\b)",
    r"\bsee you (?:at|for|in|next) (?:your |our )?(?:next )?(?:visit|appointment|session|cleaning|check-?up)",
    r"\b(?:welcome|come) back (?:for|to) (?:your|another|the next)\b",
    # an amount the reviewer paid or owes ("your $200 balance", "we refunded you $85"), not a rate card
    # (not the "you" of a thank-you: "Thank you to the Alder Family Fund for a $5,000 gift")
    r"(?<!\bthank )\b(?:you|your|u|ur)\b[^.!?\n]{0,60}\$\s?\d|\$\s?\d[\d,]*(?:\.\d\d)?[^.!?\n]{0,60}\b(?:you|your|u|ur)\b",
    # how the reviewer's body is doing, and their next visit: "so glad the lower back is feeling better",
    # "see ya thursday at 10!"
    r"\b(?:glad|happy|great|good|relieved) (?:to hear )?(?:that )?(?:the|your|ur) [^.!?\n]{0,30}\b(?:is|are|was|were|feels?|"
    r"feeling|looks?|looking) (?:\w+ )?(?:better|stronger|improv\w*|healed|healing|calm\w*|great)\b",
    r"\bsee (?:ya|you|u|y'?all) (?:on |next |this )?(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b",
    r"\b(?:he|she|you|they) (?:started|began|stopped|finished|completed|quit) (?:seeing|working with|therapy|treatment|"
    r"sessions|counsel\w*|with us|coming)",
    L.SECOND_PERSON_CARE,
    # a child's or the reviewer's work in care: "Aarav worked SO hard on his R's this term"
    r"\b(?:worked|working|works) (?:so |really |super |very )?hard (?:on|in|at) (?:his|her|their|your|ur)\b",
    # in Spanish: "Fue un placer atenderla ... ¡Nos vemos en su próxima cita!"
    r"\batender(?:la|lo|le|te|les|los|las)\b|\b(?:su|tu|sus|tus) (?:pr[oó]xima |primera |[uú]ltima )?(?:cita|visita|consulta|"
    r"sesi[oó]n|tratamiento|terapia|limpieza|ajuste|factura|seguro)s?\b",
    # what the reviewer did here: "residents who leave against staff advice, as you did in January"
    r"\b(?:as|like) (?:you|u) did\b",
    # a visit fitted in, a fee of the reviewer's own: "so glad we could squeeze you in same-day", "the no-show fee"
    r"\b(?:squeeze|fit|get|got|work) (?:you|u|y'?all) in\b",
    # the reviewer's own booking, past or next: "we'll book you a longer slot next time", "next time you're in"
    r"\b(?:book|schedule|rebook|reschedule|move|put) (?:you|u|y'?all)(?: (?:in|into|for|with|on)\b| an? (?:\w+ )?(?:slot|time|visit|appointment))"
    r"|\bnext time (?:you|u)(?:'re| are) (?:in|here)\b|\bnext time (?:you|u) (?:come|stop|visit|see)\b",
    r"\b(?:your|the|that) (?:no-?show|cancell?ation|late|late[- ]cancel(?:lation)?|missed[- ]appointment) fee\b(?! polic)",
    # the reviewer's own slot or paperwork: "after the 3pm on the 12th was missed", "the policy signed at intake"
    r"\bthe \d{1,2}(?::\d\d)?\s?(?:am|pm)\b[^.!?\n]{0,30}\b(?:was|got) (?:missed|cancell?ed|moved|rescheduled|no-?showed)\b",
    r"\b(?:you )?signed (?:at|during|before) (?:your |the )?(?:intake|first (?:visit|session|appointment))\b",
    # what the practice did about the reviewer's own account or visit: "we've waived the late-cancel fee",
    # "Dr. Chen has emailed you a new link for next week"
    r"\b(?:waived|refunded|credited|reversed|removed|dropped|comped|written off) (?:your |the |that |this )?"
    r"(?:[\w-]+ ){0,2}?(?:fees?|charges?|copays?|co-pays?|balance|bill|invoice)\b",
    r"\b(?:emailed|texted|sent|mailed|messaged|resent) (?:you|u) (?:a |the |your |ur )?(?:new |updated |corrected )?"
    r"(?:[\w-]+ )?(?:link|invoice|bill|statement|receipt|superbill|forms?|records|prescription|refill|referral|results|"
    r"reminder)\b",
    # sorry about the reviewer's own visit: "We're sorry the session felt rushed", "so sorry your appointment ran late"
    r"\b(?:sorry|apologi[sz]e)\b[^.!?\n]{0,20}\b(?:the|your|ur|that|this) (?:first |last |recent |intake |\w+ )?"
    r"(?:session|visit|appointment|appt|intake|consult(?:ation)?|check-?in|telehealth call)s? "
    r"(?:felt|was|were|ran|went|started|got|did|didn'?t|wasn'?t|seemed)\b",
    # time in care with the reviewer, past: "an honor for our team to walk alongside you as you transitioned out"
    r"\b(?:it was|it['’]s been|it has been|was|been)\s+(?:such\s+|truly\s+|really\s+)?(?:a joy|a pleasure|an honou?r|"
    r"a privilege|a gift)\b[^.!?\n]{0,30}\bto (?:walk alongside|work with|support|see|help|treat|care for|get to know|"
    r"be part of|be with)\b[^.!?\n]{0,20}\b(?:you|u|your|ur)\b",
    # ... the work done together: "Dr. Chen really enjoyed the EMDR work you two did together this fall"
    r"\b(?:enjoyed|loved|valued|appreciated|treasured)\b[^.!?\n]{0,30}\b(?:work|sessions?|time)\s+(?:that\s+)?(?:you|u)\s+"
    r"(?:two\s+|both\s+)?(?:did|do|put in|shared|spent|had)\b",
    # ... or the one they brought, by name: "Jordan loved working with Ethan this season"
    r"\b(?:enjoyed|loved|loves|love|enjoys)\s+(?:working with|seeing|treating|caring for|helping|having)\s+(?-i:[A-Z])[a-z]+\b",
    # ... missed as a regular: "We miss seeing you on Tuesdays!!"
    r"\b(?:miss|missed|missing)\s+(?:seeing|having|working with)\s+(?:you|u)\b",
    # ... told to them as the practice's own honour: "honored we got to sit with you through it" (a bare "glad you
    # found us" under a review confirms nothing more than the review did)
    r"\b(?:honou?red|privileged|grateful|lucky|blessed|glad)\b[^.!?\n]{0,30}\b(?:got|get|were able|was able|have been able)\s+"
    r"to\s+(?:sit|walk|be|work)\s+(?:with|alongside|beside)\s+(?:you|u)\b",
    # ... or their bill: "Sorry about the mix-up on the superbill!!"
    r"\b(?:sorry|apologi[sz]e)\b[^.!?\n]{0,30}\b(?:the|your|ur|that|this) (?:[\w-]+ ){0,2}(?:superbill|bill|invoice|statement|"
    r"charge|claim|copay|co-pay|receipt|refund)s?\b",
    # what a colleague did or did not do for the reviewer: "which is why Jordan didn't respond to your texts"
    r"\b(?:dr\.? \w+|(?-i:(?!We\b|They\b|It\b|No\b|Nobody\b|Someone\b|She\b|He\b|You\b|I\b)[A-Z][a-z]+)|your (?:clinician|"
    r"therapist|counsel+or|provider|doctor)) (?:didn['’]?t|did not|never|couldn['’]?t|could not|wasn['’]?t able to) "
    r"(?:respond|reply|answer|get back|return)\w*(?: to)? (?:your|ur) (?:\w+ )?(?:texts?|messages?|voicemails?|emails?|calls?)\b",
    # what is left of the reviewer's own course or plan: "you've still got 6 visits left this year"
    r"\b(?:you|u)(?:['’]ve| have|['’]re| are)?\s+(?:still\s+)?(?:got\s+)?(?:\d+|one|two|three|four|five|six|a few|a couple(?: of)?)\s+"
    r"(?:more\s+)?(?:covered\s+)?(?:visits?|sessions?|appointments?|appts?)\s+(?:left|remaining|to go)\b",
    # a clinician's judgement about the reviewer: "Dr. Chen's recommendation for a more intensive program"
    r"\b(?:dr\.?\s+\w+|(?-i:[A-Z][a-z]+)|your (?:clinician|therapist|counsel+or|provider|doctor))['’]s\s+(?:clinical\s+)?"
    r"(?:recommendation|assessment|diagnosis|decision|referral|treatment plan|notes?|advice)\b",
    # the reviewer's own slot: "for your Monday 4pm, try the little lot behind the building"
    r"\b(?:your|ur)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?\d{1,2}(?::\d\d)?\s?(?:am|pm)\b"
    r"(?!\s+(?:webinar|class|workshop|talk|group|session time))",
    # the reviewer's booking confirmed: "Yes you're all set for Thursday at 2 with Priya"
    r"\b(?:you(?:['’]re| are)|u r|ur|you['’]ve been|you have been)\s+(?:all\s+)?(?:set|booked|scheduled|confirmed|"
    r"rescheduled|penciled in|on (?:the|our) (?:books|schedule|calendar|waitlist|wait list))\b[^.!?\n]{0,12}\b(?:for|with|on)\b",
    r"\b(?:a joy|a pleasure|an honou?r|a privilege|great|wonderful|lovely|so nice) (?:to |working with |seeing |treating |"
    r"having |watching |helping |getting to know )?(?:be part of |work with |see |help |treat |care for |have )?you(?:r)?\b",
]
GUARD = L.REFUSAL
# people at large, whom a "their" after them is about
_MANY_PEOPLE = re.compile(r"\b(?:many|most|some|lots of|a lot of|other|plenty of)\s+(?:\w+\s+)?(?:people|folks|families|parents|"
                          r"adults|teens|kids|clients|patients|survivors|veterans|caregivers)\b", re.IGNORECASE)
# a refusal, then what was done anyway: "While we can't discuss details online, we did resubmit your claim"
# (or a colleague did: "We can't discuss details here, but our billing team has already put a hold on your balance")
_TURN = re.compile(r",\s*(?:but\s+)?(?:we|I|our\s+(?:[\w-]+\s+){0,2}?(?:team|office|staff|department|manager|biller|"
                   r"coordinator))(?:'ve| have| had| has)?\s+(?:did|already|just|went ahead|have|has|resubmitted|"
                   r"refunded|called|rebooked|spoke)\b", re.IGNORECASE)


# an offer to look up what a reader's plan covers, which confirms no visit
_OFFER_TO_CHECK = re.compile(r"\b(?:we['’]ll|we will|we can|we['’]d be happy to|happy to|we['’]re happy to)\s+(?:\w+\s+){0,2}"
                             r"(?:check|verify|look (?:up|into)|confirm|go over)\b", re.IGNORECASE)
_COVER_WORD = re.compile(r"\b(?:coverage|benefits|insurance|plan)\b", re.IGNORECASE)


class ReviewReply(Rule):
    name = "review_reply"
    default_severity = Severity.BLOCK
    message = ("the draft replies to a review in a way that confirms the reviewer is or was a patient, "
               "or mentions their visits, treatment, insurance or bill")
    suggestion = ("reply with a general statement that confirms nothing (e.g. that privacy law prevents "
                  "discussing anyone's care online) and invite them to call the office privately")

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.disclosure = compile_all(DISCLOSURE_PATTERNS)
        self.guard = re.compile(GUARD, FLAGS)
        self.addressees = Addressees()
        self.opener = re.compile(r"\s*(?:hi|hello|dear|thank you|thanks|thx|(?:we )?appreciate|we'?re (?:so )?(?:glad|grateful|"
                                 r"sorry|happy|thrilled)|so (?:glad|happy|sorry))\b", FLAGS)

    def _named_opener(self, text: str, analysis: Analysis) -> bool:
        """A reply that opens by greeting or thanking a named person ("Thank you, Raj!")."""
        return bool(self.opener.match(text)) and any(text[s] != "@" for s, _ in self.addressees.find(text, Analysis()))

    def find(self, draft: Draft, analysis: Analysis) -> Span | None:
        text = draft.text
        on_review_site = any(p in REVIEW_PLATFORMS for p in draft.platforms)  # a draft there is a reply
        colleagues = colleague_words(draft, analysis)
        replying = [k for k in kind_spans(text, "review_reply") if not speaks_to_colleague(text, k, colleagues)]
        if not on_review_site and not replying and not self._named_opener(text, analysis):
            return None  # (not "Thank you for sharing your story, Dr. Chen": a colleague's own story)
        for p in self.disclosure:
            for m in p.finditer(text):
                s0, _ = sentence_bounds(text, m.start())
                refusal = self.guard.search(text, s0, m.start())
                if refusal and not _TURN.search(text, refusal.end(), m.start()):
                    continue  # "we cannot discuss your care online" (not "..., we did resubmit your claim")
                if _OFFER_TO_CHECK.search(text, s0, m.start()) and _COVER_WORD.search(m.group()):
                    continue  # "give us a call and we'll check your specific coverage": an offer to anyone who asks
                if m.group().lower().startswith("their") and _MANY_PEOPLE.search(text, s0, m.start()):
                    continue  # "many people living with chronic pain find therapy helpful alongside their medical care"
                return m.start(), m.end()
        return None
