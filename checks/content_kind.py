"""What kind of content a draft is: testimonial, quote, story, case study,
photo, video, review reply, e-mail marketing, before-and-after.

Shared by the policy rules and the consent check, which must agree on it: the
policy rules import these phrase lists rather than keeping their own. The
consent check asks for a patient's consent whenever a draft is a testimonial,
story or case study, so those kinds favour precision: general education that
merely mentions clients ("clients often ask...", "your healing journey") is
none of them. Phrase lists are data so a practice can tune them."""
from __future__ import annotations

import re
from functools import lru_cache

from bot.domain import Draft
from checks.policy import lexicon as L
from checks.policy.base import negated
from checks.subjects import photo_shows_no_one

PATIENT_KINDS = frozenset({"testimonial", "story", "case_study"})  # about a patient: consent needed

_FLAGS = re.IGNORECASE | re.MULTILINE
# What a testimonial quote talks about: the practice, the care, what it did for the speaker.
_ABOUT_CARE = (r"(?=[^\"”]{0,300}?\b(?:therap\w*|counsel\w*|dr\b|doctor|practice|clinic|office|team|staff|sessions?|"
               r"program|group|helped me|changed my|saved my|saved me|this place|recommend\w*|gave me|thank you)\b)")
# an opening quote: not right after a word or a sentence's end ("rest." is closed there) and
# followed by the quoted words, so a closing quote never opens a "quote" running to the next one
_OPEN = r"(?<![\w.,!?;])[\"“](?=\S)"
# from a quotation's close to its attribution's dash, past spaces, a line break or an emoji ("” 🌿\n— ...")
_TO_ATTRIBUTION = r"[^\w\"“”\-–—~]{0,12}?[-–—~]"
# (nor the evidence: "Here's what research says helps")
_NOT_STAFF = (r"(?!(?:dr|doctor|our (?:team|therapists?|clinicians?|staff|counsel+ors?)|(?:the |recent |new |current )?"
              r"(?:research|science|studies|evidence|experts?|data|literature))\b)")

KIND_PATTERNS: dict[str, list[str]] = {
    "testimonial": [
        r"\btestimonials?\b",
        r"\b(?:client|patient|customer)s? (?:spotlight|love|feedback|review|reviews|story|stories|success|of the month|"
        r"shout-?out|reflections?|voices|quotes?)\b",
        r"\b(?:here'?s|here is|read|hear|see) what " + _NOT_STAFF
        + r"(?:[\w.@']+ ){0,3}(?:said|says|has to say|had to say|wrote|shared|thinks)\b",
        r"\b(?:says|said|writes|wrote|shares|shared) (?:our |my |a |one )?(?:\w+ )?(?:client|patient)\b",
        r"\b(?:kind|sweet|lovely) words (?:from|by)\b",
        r"\b(?:shout-?out|thank you|thanks|huge thanks|big thanks) to (?:our |my )?(?:amazing |wonderful )?"
        r"(?:client|patient)\b",
        r"\b(?:words|review|note|message|card|letter) from (?:a |one of )?(?:our |my )?(?:\w+ )?(?:client|patient)s?\b",
        r"\b(?:client|patient)s? (?:[A-Z][\w.]* ){1,2}(?:\([^)]{0,20}\) )?(?:says|said|writes|wrote|shares|shared|tells us|told us)\b",
        r"(?:⭐|★){3,}",
        r"(?:^|\s)['‘](?=[A-Z])(?:[^'’\n]|['’](?=[a-z])){10,}?[.!]['’]\s*[-–—~]\s*(?-i:[A-Z][a-z]+),\s*(?:[\w-]+ ){0,3}"
        r"(?:client|patient|member|graduate)\b",
        _OPEN + r"[^\"”]{15,}[\"”]" + _TO_ATTRIBUTION + r"\s*(?-i:[A-Z][a-z]+),\s*(?:[\w-]+ ){0,3}(?:client|patient|member|graduate)\b",
        r"@\w+\b[^.!?\n]{0,10}\b(?:thanks?|thank you)\b[^.!?\n]{0,10}\bfor (?:the|this|that|your|such) (?:\w+ ){0,2}"
        r"(?:review|words|note|shout-?out|feedback|testimonial|rating|message|post)\b",
        # "Mrs. Delgado, 74, says", "Anna K. shares", "Tom, 34, writes" (not "Dr. Chen says", "Research says")
        r"(?-i:(?:\b(?:Mr|Mrs|Ms|Mx)\.? [A-Z][a-z]+|\b[A-Z][a-z]+ [A-Z]\.|\b[A-Z]\.\s?[A-Z]\.)(?: from [A-Z][a-z]+)?,? "
        r"(?:\d{1,2},? )?|\b[A-Z][a-z]+, \d{1,2},? )"
        r"(?:says|said|shares|shared|writes|wrote|tells us|told us)\b",
        r"\b(?:left|sent|wrote|gave) us (?:a |an |the |this |such a )?(?:\w+ ){0,2}(?:message|note|review|card|letter|words)\b",
        r"\bour (?:\w+ )?(?:client|patient) @\w+",
        r"@\w+'s (?:\w+ )?(?:story|journey|review|words|experience|testimonial)\b",
        r"\b(?:for (?:letting us|allowing us to|giving us permission to|permission to)|(?:allowed|let|permitted|trusted) us to)"
        r" (?:share|post|feature|tell)\b",
        r"\b(?:our|my) (?:\w+ )?(?:client|patient) (?-i:(?!Portal|Services?|Care|Coordinator|Experience|Advocate|Relations|"
        r"Intake|Forms?|Handbook|Resources?|Success|Support|Center|Centre|Access|Navigator|Rights|Privacy|Guide|Team|Login|"
        r"App|Stories|Story|Spotlight|Love|Feedback|Reviews?|Satisfaction|Survey)[A-Z][a-z]+)\b",
        # (someone else's wish: not the writer's "I wanted to share what we changed and why")
        r"(?<!\bi )(?<!\bwe )(?<!\bjust )(?<!\breally )\b(?:wanted|asked us|gave us permission) (?:everyone |us |you )?"
        r"to (?:know|share|tell)\b",
        r"\bhearing from (?:our|my) (?:clients|patients)\b",
        # (not a pet's rating: "10/10 good boy")
        r"\b10/10\b(?!\s*(?:good (?:boy|girl|dog|doggo|pup|pupper)|would pet))"
        r"|\bwould (?:definitely |highly |100% )?recommend (?:them|this (?:practice|place|team|clinic|office)|"
        r"(?:her|him) to|(?-i:[A-Z]\w+))\b",
        r"\b(?:hear|listen|watch|learn) (?:from|to) (?-i:[A-Z][a-z]+)\b,?[^.!?\n]{0,60}\b(?:about how|how|why|as (?:she|he|they))\b",
        r"\b(?:changed|saved|transformed) (?:her|his|their) (?:life|marriage|family|relationship)\b",
        _OPEN + _ABOUT_CARE + r"[^\"”]{15,}[\"”]\s*(?:[-–—~]|says|said|writes|shares)",
        # the speaker's own words about the care ("Therapy here helped me...")
        _OPEN + r"(?=[^\"”]{0,300}?\b(?:I|I'm|I've|me|my)\b)" + _ABOUT_CARE + r"[^\"”]{15,}[\"”]",
        # any quote attributed the way testimonials are, not the way famous quotes are ("— Carl Rogers")
        # (letters beyond ASCII too: "— Lucía R.")
        _OPEN + r"[^\"”]{15,}[\"”]" + _TO_ATTRIBUTION + r"\s*(?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+ [A-ZÀ-ÖØ-Þ]\.|[A-Z]\.\s?[A-Z]\.|@\w+|"
        r"(?:a |an |our |one )?(?:\w+ ){0,3}(?:client|patient|mom|dad|parent|veteran|student)\b|"
        r"(?:[A-Z][a-z]+|[A-Z]\.),\s*(?:\d|age\b|aged\b|a |an )"  # "— Maria, 34", "— R., 34"
        r"|[A-Z]\.,\s*(?:[\w-]+\s+){0,3}[\w-]+,\s*[A-Z][a-z]+"  # "— M., retired firefighter, Milwaukie"
        # "— E., ICU nurse at a Portland ..."
        r"|[A-Z]\.,\s*(?:[\w-]+\s+){1,3}(?:at|from|in|with)\s+(?:a\s+|the\s+)?[A-Z][a-z]+)",
        r"\b(?:5|five)[- ]star (?:review|rating) (?:from|by)\b",
        r"\bin (?:her|his|their) (?:own )?words\b",
        r"(?:^|[\s:(])[‘'](?=[A-Z])(?=(?:[^'’\n]|['’](?=[a-z])){0,300}?\b(?:I|I'm|I've|me|my)\b)"
        + _ABOUT_CARE.replace('[^\\"”]', "(?:[^'’\\n]|['’](?=[a-z]))") + r"(?:[^'’\n]|['’](?=[a-z])){12,}?[.!][’']",
        r"\bmeet (?-i:[A-Z][a-z]+)\b[^.!?\n]{0,40}\b(?:client|patient|graduate|alum\w*|member)s?\b",
        # (not "a personal note from Dr. Maya Chen": a clinician's own)
        r"\b(?:note|message|card|letter|words|review|shout-?out|love|feedback) (?:\w+ )?from (?:@\w+|"
        r"(?-i:(?!(?:Dr|Doctor|Prof)\b)[A-Z][a-z]+)\b)",
        r"\b(?:from|by) (?:our|my) (?:client|patient) (?-i:[A-Z][a-z]+)",
        r"\b(?:rated|reviewed) (?:us )?(?:\d|five|four) stars? by\b",
        r"\b(?:thanks|thank you|shout-?out|grateful|hugs?) (?:to )?(?:@\w+|(?-i:[A-Z][a-z]+)) for (?:the|this|that|your|such) "
        r"(?:\w+ ){0,2}(?:review|words|note|feedback|testimonial|recommendation|rating|message|card|letter|gift|flowers|"
        r"shout-?out)\b",
        r"\b(?:review|words|note|feedback|testimonial|rating) (?:of|about|for) our (?:\w+ ){0,2}(?:program|group|practice|team|"
        r"clinic|services?|office|therapists?|counsel+ors?)\b",
        # praise in the client's own voice
        r"\b(?:changed|saved) my (?:life|marriage|family|sanity|relationship)\b|\bgave me (?:my life|hope|my \w+) back\b|"
        r"\b(?:best|greatest) (?:\w+ )?(?:therapist|counsel+or|practice|psychologist|psychiatrist|dentist|doctor|decision I)\b|"
        r"\bI (?:highly |would |can'?t )?recommend\b|\bcouldn'?t have done it without\b",
    ],
    "quote": [_OPEN + r"(?:[^\"”\n]|\n(?![ \t]*\n)){12,}[\"”]"],  # a line break inside, not a blank line
    "story": [
        r"\bsuccess stor(?:y|ies)\b",
        r"\b(?:client|patient)'?s? (?:story|journey|win|update|breakthrough)\b",
        # (also a name already redacted: "[NAME]'s journey")
        # (not one told in the patient's own words: "Jasmine’s story, in her words 💛 “...”" is her testimonial)
        r"(?:(?-i:\b[A-Z][a-z]+(?: [A-Z][a-z]+)?)|\[(?:NAME|PERSON|CLIENT|PATIENT)\])['’]s (?:story|journey|recovery story)\b"
        r"(?![\s,:;—–-]*\(?in (?:her|his|their) (?:own )?words\b)",
        r"\bstory (?:of|about) (?:a|one|my|our|this) (?:[\w-]+ ){0,2}(?:client|patient)\b",
        L.PATIENT_REF,
    ],
    "case_study": [r"\bcase stud(?:y|ies)\b", r"\bcase (?:example|vignette|report)s?\b"],
    "review_reply": [
        r"\b(?:your|the|this|a|recent|negative|bad|online|yelp|google|facebook|unfair|1-star|one-star|2-star|two-star|"
        r"5-star|five-star|kind|honest|glowing) (?:\w+ )?(?:review|rating)s?\b",
        r"\bthank(?:s| you)(?: so much| very much)? for (?:your|the|taking the time to (?:leave|write|share|post)) (?:\w+ )?"
        r"(?:feedback|review|comment|kind words|stars?|rating|note|post)\b",
        r"\bthank(?:s| you)(?: so much| very much)? for sharing (?:your|this)\b",
        r"\bwe hear (?:you|your)\b", r"\breviewer\b", r"\b(?:in fairness|for the record|to clarify|to be clear|respectfully)\b", r"\b(?:this|the) reviewer\b",
        r"\b(?:take|value|appreciate|welcome) (?:all |your |this |the |any )?(?:feedback|reviews?|concerns?|comments?)\b", r"\bwe understand (?:your|you|how)\b",
        r"\b(?:we're|we are|I'm|I am) (?:so |very |truly )?(?:sorry|sad|disappointed)\b", r"\b(?:sorry|apologi[sz]e) (?:for|about) (?:the|your)\b"
        # (a notice's apology to everyone: "Sorry for the hassle!" under an elevator outage)
        r"(?!\s+(?:hassle|inconvenience|disruption|noise|construction|mess)\b)", r"\bwe apologi[sz]e\b",
        r"\b(?:sorry|sad|disappointed|regret|saddened|upset) (?:to hear|to read|that you|you)\b",
        r"\byou (?:posted|wrote|left|claim|claimed|said|stated|allege|alleged) (?:online|on yelp|on google|in your|that)\b",
        r"\b(?:in )?respon(?:se|d|ding) to (?:your|this|the) (?:\w+ )?(?:review|post|comment|complaint|feedback)\b",
        r"\byelp\b", r"\bgoogle (?:review|rating)s?\b", r"\b(?:1|one|2|two|5|five)[- ]stars?\b",
        r"\bresponse from the (?:owner|practice|office)\b",
        r"\b(?:appreciate|value|read|saw|received|got) (?:your|the|this) (?:\w+ )?(?:feedback|review|comments?|post)\b",
        r"\byour (?:complaint|comments?|concerns?|feedback)\b",
        # a reply under a comment or message, headed as such: "Reply to comment:\nHi Rachel!! ..."
        r"(?:^|(?<=[.!?]\s))[ \t]*(?:draft |our )?(?:reply|response|responding) to (?:a |the |this |her |his |their )?(?:\w+ )?"
        r"(?:comment|review|dm|message|question|post)\b",
    ],
    # The draft *is* an email (not a social post that mentions the newsletter).
    "email_marketing": [
        r"^\s*subject\s*:",
        r"\b(?:this|our|the) (?:month'?s|week'?s|quarter'?s|season'?s|\w+ (?:edition|issue)) (?:of (?:the |our )?)?"
        r"(?:newsletter|bulletin|digest|update)\b",
        r"\b(?:this|today'?s|the latest) (?:newsletter|issue|edition)\b",
        r"\bin this (?:issue|edition|newsletter|email)\b",
        r"\bdear (?:subscribers?|readers?|friends?|neighbou?rs?|community|patients?|clients?|members?)\b",
        r"\b(?:welcome to|thanks for (?:subscribing|signing up) (?:to|for)) (?:the |our )?(?:\w+ )?"
        r"(?:newsletter|list|mailing list)\b",
        r"\byou(?:'re| are) receiving this\b",
        r"\bunsubscribe\b",
        r"^\s*(?:hi|hello|dear) \{\{?\s*(?:first_?name|name)\s*\}\}?",
    ],
    # Pairings that only ever show a result.
    "before_after": [
        r"\bthen\s*(?:vs\.?|versus)\s*now\b",
        r"#?\btransformation\s?(?:tuesday|thursday|friday|monday)\b",
        r"#?\bglow[- ]?up\b",
        r"\b(?:before|after) (?:photo |pic |picture |shot |image )?(?:is |are )?on the (?:left|right)\b",
        # (not a schedule's spacing: "two doses, four weeks apart", "1–3 sessions, 4–6 weeks apart")
        r"(?:^|(?<=[.!?\n;:]))(?![^.!?\n;:]*\b(?:doses?|shots?|sessions?|treatments?|visits?|appointments?|injections?|"
        r"rounds?|applications?|boosters?)\b[^.!?\n;:]*\bapart\b)[^.!?\n;:]*?\b" + L.NUM
        + r" (?:days?|weeks?|months?|years?) apart\b",
        r"\b(?:pre|post)[- ]?(?:treatment|op|surgery|therapy|program)\W{1,8}(?:vs\.?|versus|and|&|/|to)\W{1,8}(?:pre|post)[- ]?"
        r"(?:treatment|op|surgery|therapy|program)\b",
        r"\bbefore (?:treatment|therapy|surgery|the program|rehab|recovery)\W{1,8}(?:vs\.?|versus|and|&|/|->|→)\W{1,8}"
        r"(?:\w+ ){0,2}(?:today|now|after)\b",
        r"\b(?:at )?intake\W{1,6}(?:vs\.?|versus|and|to)\W{1,6}(?:at )?discharge\b",
        r"\b(?:comparison|side-by-side|side by side|progress) (?:pics?|photos?|shots?|images?|pictures?)\b",
        r"\b(?:can you believe|is this|this is) (?:this is |that this is |it'?s )?(?:really )?the same (?:person|client|patient|kid|"
        r"girl|guy|woman|man|smile|face)\b",
        r"\b(?:smile|body|weight-?loss|skin|hair|face|facial) (?:transformations?|makeovers?)\b",
        r"\bthe ['\"‘“]?before['\"’”]? (?:is |pic |photo |shot )?(?:in|on) the (?:first|left|top)\b",
        r"\bfrom this\b\W{0,12}\bto this\b[^.!?\n]{0,20}\b(?:in|after|within) (?:just |only )?" + L.NUM
        + r" (?:sessions?|days?|weeks?|months?|years?)\b",
        r"\btransformation\b[^.!?\n]{0,60}\bafter (?:just |only )?" + L.NUM + r" (?:days?|weeks?|months?|sessions?|years?)\b",
        r"\b(?:transformation|results|difference(?! between)|progress)\b[^\n]{0,100}\b(?:swipe|scroll)\b",
        r"\bwhat " + L.NUM + r" (?:days?|weeks?|months?|years?|sessions?) of (?:recovery|therapy|treatment|sobriety|work|healing|"
        r"progress) looks? like\b",
        r"\bleft\s*[:=\-–]\s*[^.\n]{0,30}[.,;]?\s*right\s*[:=\-–]",
        r"\bsame (?:client|person|patient|kid|girl|guy|woman|man|smile|face)\b[^.!?\n]{0,40}\b(?:later|apart|different|after)\b",
        r"\b(?:day|week|month|session)\s?(?:1|one)\s*(?:vs\.?|versus|to|and|->|→)\s*(?:(?:day|week|month|session)\s?)?\d+\b",
        r"\b(?:a|the|this|these|those|our|my|some|his|her|their) before\W{1,8}(?:(?:and|n)\W{1,8})?afters?\b(?!\s+(?:the|a|an|"
        r"your|my|our|each|every|school|work|meals?|eating|bed|exercise|workouts?|sessions?|therapy)\b)",
        r"\b(?:left|first (?:photo|pic|picture|image|slide))\s*(?:is|[:=\-–])\s*(?:before|day (?:1|one)|then)\b",
        r"\bbefore\s*[:=]\s*.{0,80}\bafter\s*[:=]",
        r"#(?:beforeandafter|beforeafter|transformation|results)\b",
    ],
}

# Pairings that may be about time ("stretch before and after a workout"): a
# before_after only with a result word near or a picture attached.
TIME_PAIRINGS = [
    r"\bbefore\W{1,8}(?:(?:and|n|vs\.?|versus|to|into)\W{1,8})?afters?\b",
    r"\bafter\s*(?:and|&|/|vs\.?|versus)\s*before\b",
    r"\bthen\W{0,3}(?:and|&|n|/)\W{0,3}now\b",
    r"\b(?:19|20)\d\d\s*(?:vs\.?|versus|->|→)\s*(?:19|20)\d\d\b",
    r"\bbefore (?:pic|photo|picture|shot|image|selfie)s?\b",
    r"\blook (?:at )?how far (?:she|he|they)(?:'s|'ve| has| have) come\b",
    r"\b(?:swipe|scroll)\b[^.!?\n]{0,40}\b(?:before|after|difference|transformation|results)\b",
    r"\bbefore (?:\w+ ){0,3}(?:photo|pic|picture|shot|image)s?\b[^.!?\n]{0,80}\bafter\b",
]
RESULT_WORDS = (r"\b(?:photos?|pics?|pictures?|images?|shots?|selfies?|snaps?|results?|transformations?|smiles?|"
                r"look(?:s|ed)?|x-?rays?|scans?|difference|progress|clients?|patients?|case|swipe|"
                r"check (?:it |this |them )?out|amazing|incredible|wow|left|right|side[- ]by[- ]side|proud|recovery|"
                r"treatment|weeks|months|post|share|face|faces|body|skin|weight|lbs|pounds|program|makeover|says it all)\b")
RESULT_WINDOW = 80

_COMPILED = {k: [re.compile(p, _FLAGS) for p in v] for k, v in KIND_PATTERNS.items()}
_TIME = [re.compile(p, _FLAGS) for p in TIME_PAIRINGS]
_RESULT = re.compile(RESULT_WORDS, _FLAGS)


_INVENTED = re.compile(r"\b(?:hypothetical|fictional|fictitious|imaginary|made-up|invented)\b", _FLAGS)


# a review or comment pasted above the reply that answers it: "Reviewer (1 star): ...", "Comment from Linda M.: ..."
# then "Draft reply:", "Our response:", "Reply:" on a line of its own
# (a header may follow a sentence on the same line, once lines are run together)
_HEADER_START = r"(?:^|(?<=[.!?”\"]\s)|(?<=[.!?”\"]))"
_REVIEW_HEADER = re.compile(_HEADER_START + r"[ \t]*[^\w\n]{0,3}[ \t]*(?:the[ \t]+)?(?:original[ \t]+|their[ \t]+|new[ \t]+|"
                            r"pasted[ \t]+|copied[ \t]+|quoted[ \t]+|incoming[ \t]+)?"
                            r"(?:google[ \t]+|yelp[ \t]+|facebook[ \t]+)?(?:review(?:er)?|comment(?:er)?|reseña|comentario)\b[^\n:]{0,60}:",
                            _FLAGS)  # (in Spanish too: "Reseña ★★★★★ — Alejandra V.:")
_REPLY_HEADER = re.compile(_HEADER_START + r"[ \t]*[^\w\n]{0,3}[ \t]*(?:draft[ \t]+|our[ \t]+|proposed[ \t]+|"
                           r"suggested[ \t]+|my[ \t]+|owner[ \t]+|owner['’]s[ \t]+|business[ \t]+|practice[ \t]+)?"
                           r"(?:reply|response|respuesta)\b[^\n:]{0,40}:", _FLAGS)


# a line naming the comment the reply below answers, and quoting it: "Replying to @jm.outdoors (“harbor light helped
# me so much”):", "In reply to Dana K.: “...”" (the reply follows on the next line)
_REPLYING_TO_LINE = re.compile(_HEADER_START + r"[ \t]*[^\w\n]{0,3}[ \t]*(?:replying|reply|in[ \t]+reply|responding|"
                               r"response)[ \t]+to[ \t]+"
                               r"[^\n]{1,300}?:[ \t]*(?:[\"“][^\n]{0,300}[\"”][ \t]*)?(?:(?=\n[ \t]*\S)|(?<=\):)(?=\n\s*[^\s#]))", _FLAGS)
# (a blank line may come before the reply where the comment is quoted in brackets: "Replying to @x (“...”):\n\n@x so
# many people ..."; after "Reply to @x: “...”" the quote may be the reply itself, with the post going on below it)


# a review pasted as its stars and words: "★★★★★ “Jordan and the whole staff are amazing”" (a reply label follows)
# ... or as its rating in words: "5 stars — Dana R.: “Kind, professional ...”", "4/5 from Sam:"
# (after a sentence on the same line too, once lines are run together)
_STARS_LINE = re.compile(_HEADER_START + r"[ \t]*(?:(?:[★⭐]\ufe0f?[ \t]*){1,5}(?:☆[ \t]*){0,4}|[1-5](?:\.\d)?[ \t]*"
                         r"(?:stars?\b|/[ \t]*5\b|[★⭐]))", re.MULTILINE)


def pasted_review(text: str) -> tuple[int, int] | None:
    """Where the draft quotes the review it answers, before its reply: words already public and
    not posted again, so nothing in them is the reply's disclosure."""
    review = _REVIEW_HEADER.search(text) or _STARS_LINE.search(text)
    reply = _REPLY_HEADER.search(text, review.end()) if review else None
    if reply:
        return review.start(), reply.start()
    replying = _REPLYING_TO_LINE.search(text)
    return replying.span() if replying else None


def reply_opening(text: str) -> int:
    """Where the reply's own words begin: past a pasted review or comment and the reply's label ("Reply: Hi
    Heather! ..."); 0 for a draft that quotes nothing."""
    pasted = pasted_review(text)
    if pasted is None:
        return 0
    label = _REPLY_HEADER.match(text, pasted[1])
    at = label.end() if label else pasted[1]
    return len(text) - len(text[at:].lstrip())


# a note to whoever reviews the draft, not part of the post: "[note to reviewer: this is Elena's quote — anonymous
# only]", "(internal note for Kelsey: ...)", "note for review: ..." on a line of its own
_REVIEWER_NOTE = re.compile(r"\[[ \t]*(?:internal[ \t]+)?note[ \t]+(?:to|for)\b[^\]\n]*\]?"
                            r"|\([ \t]*(?:internal[ \t]+)?note[ \t]+(?:to|for)\b[^)\n]*\)?"
                            r"|^[ \t]*(?:internal[ \t]+)?note[ \t]+(?:to|for)[ \t]+(?:the[ \t]+)?(?:review(?:er)?|officer|"
                            r"approver|(?-i:[A-Z])[\w'’-]+)[ \t]*:[^\n]*"
                            # a first line saying what the draft below is for: "draft for X — elena’s quote, she signed
                            # anon-only so keeping name + details off:"
                            r"|\A[ \t]*(?:draft|post|caption|copy|version)[ \t]+(?:for|to)[ \t]+"
                            r"(?:x|twitter|ig|insta|instagram|"
                            r"facebook|fb|linkedin|tiktok|threads|the[ \t]+blog|blog|website|email|the[ \t]+newsletter|"
                            r"newsletter|google|yelp)\b[^\n]*:[ \t]*(?=\n)", _FLAGS)


def reviewer_notes(text: str) -> list[tuple[int, int]]:
    """Notes to the reviewer inside the draft: they are not posted, though what they say about the post's
    media or whose words it quotes still counts."""
    return [m.span() for m in _REVIEWER_NOTE.finditer(text)]


def kind_spans(text: str, kind: str) -> list[tuple[int, int]]:
    """Where the wording of ``kind`` occurs, in text order (for rules that point at it).
    Patient kinds skip negated mentions ("we don't post testimonials"); stories and case
    studies skip invented ones ("a hypothetical adult with insomnia")."""
    return list(_kind_spans(text, kind))


@lru_cache(maxsize=512)
def _kind_spans(text: str, kind: str) -> tuple[tuple[int, int], ...]:
    """Cached: the consent check and several policy rules ask about the same draft."""
    spans = sorted((m.start(), m.end()) for p in _COMPILED[kind] for m in p.finditer(text) if m.end() > m.start())
    if kind in PATIENT_KINDS:  # also "I can't discuss whether someone is a client of ours"
        refused = L.refusal_spans(text) + L.question_hook_spans(text)  # and "A patient asked us if ... Short answer:"
        spans = [s for s in spans if not negated(text, s[0]) and not any(r0 <= s[0] < r1 for r0, r1 in refused)]
    if kind == "testimonial" and _SCRIPT_TITLE.search(text.lstrip().split("\n", 1)[0]):
        # the items of "3 things to say when someone comes out to you": lines to use, nobody's words about care
        spans = [s for s in spans if not _LIST_ITEM_LINE.match(text, text.rfind("\n", 0, s[0]) + 1)]
    if kind == "review_reply":  # words quoted as an example are no reply: "“I’m so sorry. I’m thinking of you.” is enough"
        quoted = [m.span() for m in _QUOTED.finditer(text)]
        spans = [s for s in spans if not any(q0 < s[0] and s[1] < q1 for q0, q1 in quoted)]
    if kind in ("story", "case_study"):  # "a hypothetical client" is teaching material, not a patient
        spans = [s for s in spans if not _INVENTED.search(text, max(0, s[0] - 200), s[1] + 200)]
        # one kind per span: "Client spotlight: Ana says ..." is a testimonial, not also a story
        taken = kind_spans(text, "testimonial")
        spans = [s for s in spans if not any(t0 < s[1] and s[0] < t1 for t0, t1 in taken)]
    return tuple(spans)


_SCRIPT_TITLE = re.compile(r"\b(?:what|things|ways|phrases|scripts?|words|lines|sentences)\b[^\n]{0,40}?\b(?:to|not to|you can|"
                           r"we) (?:say|ask|tell|text|write)\b", re.IGNORECASE)
_LIST_ITEM_LINE = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[-•*▪→✔✅❌])[ \t]*")
_QUOTED = re.compile(r"\"[^\"\n]{1,200}\"|“[^”\n]{1,200}”")


# a before/after of the practice's rooms or things: "Before ➡️ After: our treatment room got a makeover!"
_PLACE_MAKEOVER = re.compile(
    r"\b(?:our|the)\s+(?:[\w-]+\s+){0,2}(?:room|office|lobby|space|clinic|building|website|logo|sign|garden|"
    r"parking lot|kitchen|gym|studio|suite|front desk|entrance|hallway)s?\b[^.!?\n]{0,40}"
    r"\b(?:makeover|renovat\w*|remodel\w*|refresh\w*|redesign\w*|facelift|upgrade\w*|redo|new look|glow[- ]?up)",
    re.IGNORECASE)


_WHEN_AFTER = re.compile(r"\W{0,3}(?:hours|school|work|class|practice|workouts?|meals?|eating|brushing|open(?:ing)?|"
                         r"close|closing)\b", re.IGNORECASE)


def before_after_span(text: str, has_media: bool) -> tuple[int, int] | None:
    """The first before/after pairing that is about a result, not about time."""
    if _PLACE_MAKEOVER.search(text):
        return None
    spans = kind_spans(text, "before_after")
    if spans:
        return spans[0]
    for p in _TIME:
        for m in p.finditer(text):
            if _WHEN_AFTER.match(text, m.end()):
                continue  # "filmed before/after hours": a time of day, not a result
            lo, hi = max(0, m.start() - RESULT_WINDOW), min(len(text), m.end() + RESULT_WINDOW)
            if has_media or _RESULT.search(text, lo, hi):
                return m.start(), m.end()
    return None


def is_email(draft: Draft) -> bool:
    """Targets the e-mail platform or reads as an e-mail itself."""
    return "email" in draft.platforms or bool(kind_spans(draft.text, "email_marketing"))


def classify(draft: Draft) -> set[str]:
    """The content kinds this draft is, from its wording and attachments."""
    text = draft.text
    # (what only the pasted review or comment above a reply is, the reply is not: "Comment: Can my 15-year-old see
    # a therapist ...?" tells no story of the practice's)
    pasted = pasted_review(text)
    kinds = {k for k in _COMPILED if k not in ("before_after", "email_marketing")
             and any(k == "review_reply" or not (pasted and pasted[0] <= a and b <= pasted[1]) for a, b in kind_spans(text, k))}
    media = draft.has_photo or draft.has_video
    if before_after_span(text, media) is not None:
        kinds.add("before_after")
    if is_email(draft):
        kinds.add("email_marketing")
    if draft.has_photo and not photo_shows_no_one(text):  # "[photo: our office at sunset, no people]"
        kinds.add("photo")
    if draft.has_video:
        kinds.add("video")
    return kinds
