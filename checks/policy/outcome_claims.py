"""Rule 6: claims or guarantees about treatment outcomes.

Guidance (hipaa-social-rules.md, section 3.6): do not make claims or
guarantees about treatment outcomes ("guaranteed to cure anxiety"). The
professions' ethics codes (e.g. ACA 2014 C.3, APA 5.01) forbid misleading
claims, and the FTC treats unsubstantiated health claims as deceptive.

Pattern: guarantee / cure / permanence / certainty wording tied to an outcome
("guaranteed results", "cure your depression", "never feel anxious again",
"100% success", "in just 3 sessions"), skipped when negated ("no therapist can
guarantee results", "there is no cure-all")."""
from __future__ import annotations

import re

from bot.domain import Draft, Severity
from checks.base import Analysis
from checks.policy import lexicon as L
from checks.policy.base import Rule, Span, compile_all, negated, sentence_bounds

# someone else's promise the post warns about: "if anybody promises to CURE ...", "ads that guarantee ..."
_SOMEONE_ELSES_CLAIM = re.compile(r"\b(?:if|when|whenever) (?:any|some)(?:body|one)\b[^.!?\n]{0,20}$|\b(?:ads?|anyone|"
                                  r"companies|products?|supplements?|websites?) (?:that|who) (?:\w+ )?$", re.IGNORECASE)
# a claim stays inside its clause: list bullets ("❌ fix volume loss ❌ last forever") end one as a line would
# a line that sets a claim up to knock it down: "MYTH: Ketamine is a miracle cure."
_MYTH_LINE = re.compile(r"[\W_]*(?:myths?|false|fiction|not true)\b", re.IGNORECASE)
_CLAUSE = "[^.!?\n•❌✅✔✖▪➡👉🔹]"
_OUTCOME = (r"(?:cur\w*|progress|to last|last forever|heal\w*|fix\w*|results?|success\w*|better|relief|free|recover\w*|stop\w*|eliminat\w*|"
            r"end\w*|improv\w*|happ\w+|works?|outcomes?|chang\w+|transform\w*|gone|disappear\w*|resolv\w*|"
            r"happier|calmer|overcome|beat|conquer\w*|sleeping|new person|new you|walk out|straight\w*|smile|teeth|"
            r"(?:you|your (?:\w+ )?(?:child|kid|son|daughter|teen|baby))\s*(?:will|'ll|’ll) be \w+ing\b|"  # "your child WILL be reading"
            # the reader restored: "will have you feeling like yourself again by spring — GUARANTEED"
            r"have (?:you|u) (?:\w+ )?\w+ing\b|(?:like )?(?:yourself|your old self|your best self|normal) again|"
            r"back to (?:normal|yourself|your old self|(?:full |100\s?% )?(?:productivity|health|strength))|productiv\w*|back (?:in|to|at) (?:the )?(?:classroom|school|class|work)\b|"
            r"without (?:a single |any |one |another )?(?:blow-?ups?|fights?|arguments?|meltdowns?|tantrums?|panic attacks?|"
            r"relapses?|breakdowns?)|"
            # off the medicine: "they'll be able to come off medication — guaranteed"
            r"(?:come|get|go|be|stay|taper) off (?:\w+ )?(?:medications?|meds|medicine|pills|antidepressants|stimulants)|"
            r"pain-free|pounds|lbs|slimmer|younger|wrinkle\w*|clear skin|in (?:just |only )?\d+ (?:days?|weeks?|months?|"
            r"sessions?|visits?)|rested|" + L.CONDITION + ")")
# "works every time" claims a result only of a treatment said before it (not "ask her about her dog. Works every time.")
WORKS_EVERY_TIME = r"\bworks? (?:for everyone|every (?:single )?time|for every(?:one| client| patient))\b"
ALWAYS_WORKS = r"\b(?:always|every time) works\b"
_TREATMENT_BEFORE = re.compile(r"\b(?:" + L.CARE + "|" + L.CONDITION + r"|protocol|method|technique|approach|program|"
                               r"therap\w*|treatment|sessions?)\b", re.IGNORECASE)
CLAIM_PATTERNS = [
    r"\b(?:guarantee[sd]?|promise[sd]?|assure you|(?:we|I) ensure)\b",
    # a time said to be enough: "6 weeks. That's all it takes to feel like YOU again."
    r"\b" + L.NUM + r" (?:weeks?|sessions?|days?|visits?|months?|treatments?)\W{1,6}(?:that['’]?s |is |was )?all it takes\b",
    r"\b" + L.CONDITION + r"\s+(?:doesn['’]?t|does not|won['’]?t|will not|don['’]?t|do not) stand a chance\b",
    r"\b(?:100|hundred)\s?(?:%|percent)\s*(?:success|effective|results?|cure|guaranteed|of (?:our|my) (?:clients|patients)|"
    r"satisfaction|recovery|of the time|anxiety-free|panic-free|reduction|improvement|remission|relief|resolution|elimination)",
    r"\byou(?:'ll| will) (?:walk out|leave|come out|be|feel) (?:as )?(?:a )?(?:new|different|whole|healed|cured|changed) "
    r"(?:person|you|man|woman)\b",
    r"\b(?:9\d|100)\s?(?:%|percent) of (?:our |my |the |all )?(?:clients|patients)\b" + _CLAUSE + r"{0,60}\b(?:recover|improv|cured|healed|complete|succeed|benefit|get better|"
    r"better|free|success|no longer|report)",
    r"\b(?:success|recovery|cure) rate (?:of )?(?:over |above |nearly )?\d{2,3}\s?%|\b\d{2,3}\s?% (?:success|recovery|cure) rate",
    r"\b(?:will|we(?:'ll| will)|can|to|that) (?:\w+ )?(?:cure|heal) (?:your |you |the |of )?(?:\w+ ){0,2}" + L.CONDITION,
    r"\bcures? (?:for )?(?:\w+ ){0,2}" + L.CONDITION,
    r"\b" + L.CONDITION + r"[, ]+(?:\w+ ){0,2}cured\b",
    r"\b(?:never|no longer) (?:\w+ ){0,2}(?:feel|be|have|experience|suffer|struggle|worry)(?: \w+){0,3} again\b",
    # a cure said outright, or none left after: "It doesn't just help. It cures.", "8 sessions. Zero panic attacks.",
    # "your trauma is just… gone ✨ 3 sessions", "Not a single couple who has completed our intensive has gone on to divorce"
    r"\b(?:it|this|that) (?:cures|will cure)\b(?! (?:nothing|no one|nobody))",
    r"\b" + L.NUM + r" (?:weeks?|sessions?|days?|visits?)\W[^!?\n]{0,30}\b(?:zero|0) " + L.CONDITION + r"\b",
    # (an ellipsis may sit between: "just… gone")
    r"\b" + L.CONDITION + r"\b[^!?\n]{0,20}\b(?:gone|over|cured|fixed)\b[^!?\n]{0,12}\b" + L.NUM + r" (?:sessions?|weeks?|days?|visits?)\b",
    # the reader freed of it: "by the end you’ll be free of panic attacks"
    r"\byou(?:['’]ll| will) be (?:completely |totally |fully )?(?:free of|free from|rid of|done with|over) (?:your |the |all )?"
    r"(?:\w+ ){0,2}" + L.CONDITION + r"\b",
    # ... or the number first: "3 sessions w/ Priya and your holiday anxiety is GONE"
    r"\b" + L.NUM + r" (?:sessions?|weeks?|days?|visits?)\b" + _CLAUSE + r"{0,40}\b" + L.CONDITION
    + r"\b[^.!?\n]{0,12}?\b(?:is|are|['’]s|will be|=)\s+(?:\w+\s+)?(?:gone|over|cured|fixed|history)\b",
    r"\bnot (?:a single|one) (?:couple|client|patient|family|person|kid|teen)\b[^.!?\n]{0,60}\b(?:has|have) (?:gone on to|ever)\b",
    # "you will never lose another night’s sleep to racing thoughts", "never have another panic attack"
    r"(?:\bwill|['’]ll) never (?:\w+ ){0,2}(?:lose|have|spend|face|feel|suffer|get|miss|dread) (?:another|a single)\b",
    r"\b(?:permanent(?:ly)?|forever|for good|once and for all)\b" + _CLAUSE + r"{0,50}\b(?:cur\w*|fix\w*|eliminat\w*|end\w*|"
    r"erase\w*|remov\w*|resolv\w*|gone|free|heal\w*|" + L.CONDITION + r")\b",
    r"\b(?:cur\w*|fix\w*|eliminat\w*|end\w*|erase\w*|remov\w*|resolv\w*|gone|free|heal\w*)\b" + _CLAUSE + r"{0,50}"
    r"\b(?:permanent(?:ly)?|forever|for good|once and for all)\b",
    # (not the keyword of an opt-out: "reply STOP and we'll remove you within a few days")
    r"(?<!reply )(?<!text )(?<!send )\b(?:eliminates?|erases?|ends|end|banish(?:es)?|get rid of|gets rid of|beats?|fix(?:es)?|"
    r"cures?|overcomes?|stops?)\b"
    + _CLAUSE + r"{0,50}\b(?:in|within) "
    r"(?:just |only )?" + L.NUM + r" (?:sessions?|days?|weeks?|visits?|appointments?)",
    r"\b(?:in|within) (?:just |only )?" + L.NUM + r" (?:weekly |short |brief )?(?:sessions?|days?|weeks?|months?|cycles?|visits?|"
    r"treatments?)\b"
    + _CLAUSE + r"{0,30}\bor (?:your |you |the )?(?:money|it'?s free|(?:\w+ ){0,3}(?:is|are) (?:on us|free))",
    r"\b(?:say goodbye to|goodbye to|bye-?bye|no more|farewell to|kiss)\b" + _CLAUSE + r"{0,25}\b" + L.CONDITION + r"\b",
    r"\b" + L.CONDITION + r"\b" + _CLAUSE + r"{0,30}\b(?:forever|for good|permanently|once and for all)\b",
    r"\b" + L.CONDITION + r"-free (?:in|within|after)\b",
    r"\b" + L.CONDITION + r"\b" + _CLAUSE + r"{0,15}\b(?:gone|over|cured|fixed|disappears?|vanish\w*|free)\b" + _CLAUSE + r"{0,10}"
    r"\b(?:in|within|after) (?:just |only )?" + L.NUM,
    r"\b(?:every (?:single )?(?:one of (?:our|my) )?(?:clients?|patients?)|all (?:of )?(?:our|my) (?:clients|patients)|"
    r"everyone who (?:comes|works with us|tries|joins))\b" + _CLAUSE + r"{0,40}\b(?:leaves?|feels?|gets?|is|are|walks? out|"
    r"recovers?|improves?|ends? up)\b" + _CLAUSE + r"{0,20}\b(?:better|happier|cured|healed|free|improv\w*|recover\w*|transformed)",
    # "Every single client who's used them with us has finished therapy feeling better"
    r"\bevery (?:single )?(?:one of (?:our|my) )?(?:clients?|patients?)\b" + _CLAUSE + r"{0,60}\b(?:feeling|feel|felt|"
    r"feels) (?:\w+ )?(?:better|happier|calmer|cured|healed|whole|free|rested|like new)\b",
    r"\b(?:clients|patients|everyone|anyone|people) who (?:\w+ ){1,4}(?:never|always|will (?:never|always|be|feel)|"
    r"are guaranteed)\b",
    r"\b(?:will|can|we(?:'ll| will)) (?!help\b)(?:\w+ )?(?:fix|cure|end|eliminate|heal|solve|erase|remove|beat|resolve|"
    r"clear|banish|stop) "
    r"(?:your |the |all |any )?(?:\w+ ){0,2}" + L.CONDITION + r"\b",
    r"\b(?:complete|total|permanent|lasting|full|guaranteed|instant) (?:relief|recovery|cure|freedom|healing|remission) "
    r"(?:from|of)\b",
    r"\b(?:live|be|become|stay|feel) (?:\w+ )?(?:anxiety|depression|panic|trauma|stress|symptom|pain|craving)-free\b",
    # the promised life or timetable ("your anxiety-free life starts here", "off their medication
    # within three months", "see results fast")
    r"\b(?:your|an?|the) (?:anxiety|depression|panic|trauma|stress|symptom|pain|craving|pill|medication)-free "
    r"(?:life|future|self|you|days?|years?)\b",
    r"\b(?:off|free of|done with) (?:their|your|all) (?:\w+ )?(?:medications?|meds|pills|antidepressants)\b" + _CLAUSE + r"{0,20}"
    r"\b(?:within|in|after) (?:just |only )?(?:" + L.NUM + r"|a few|three|two|six) (?:days?|weeks?|months?|sessions?)",
    r"\b(?:see|get|feel) (?:real )?results (?:fast|quickly|immediately|overnight|right away)\b",
    r"\bresults in (?:as little as|just|only)\b",
    r"\b(?:zero|0) (?:relapses|failures|setbacks)\b|\b(?:relapse|failure) rate of (?:0|zero)\b",
    r"\b(?:" + L.NUM + r" (?:sessions?|visits?|days?|weeks?)|one (?:session|visit|day|week)|a (?:single )?(?:session|visit|week))"
    r" (?:is|are) all (?:it takes|you need)\b",
    r"\bin (?:just |only )?" + L.NUM + r" (?:sessions?|days?|weeks?|visits?) or (?:less|fewer)\b",
    r"\b(?:permanent|guaranteed|instant|miracle|life-?long) (?:results?|fix|cure|solution|relief)\b",
    r"\blast (?:\w+ ){0,2}(?:treatment|therapy|program|therapist|counsel+or)s? you(?:'ll| will) ever need\b",
    r"\bmake (?:your |the |all )?(?:\w+ ){0,2}" + L.CONDITION + r" (?:disappear|go away|vanish|melt away|a thing of the past)",
    r"\bnever (?:relapse|get (?:depressed|anxious|sad) again|struggle again)\b",
    r"\bor (?:we|we'll|we will) (?:\w+ ){0,4}(?:for free|free of charge|refund)",
    # the price of failing, said as the practice's forfeit: "... without a single blowup — or your next session is FREE"
    r"\bor (?:your|ur) (?:next |following )?(?:\w+ )?(?:session|visit|month|course|appointment|class)s?\s+(?:is|are|['’]s)\s+"
    r"(?:\w+ )?(?:free|on us|refunded)\b",
    # "If your people aren't better, the next round is on us."
    r"\bif (?:you|your|ur|they|the)\b[^.!?\n]{0,40}\b(?:aren['’]?t|isn['’]?t|don['’]?t|doesn['’]?t|not)\b[^.!?\n]{0,30},?\s+"
    r"the next (?:round|session|course|month|program|cohort|class)\s+(?:is|are|['’]s)\s+(?:free|on us)\b",
    r"\b(?:nobody|no one|no client|no patient|not one (?:client|patient|person))\b" + _CLAUSE + r"{0,50}\bwithout (?:being |feeling |"
    r"getting )?(?:healed|cured|better|relief|results|improv\w*|changed|transformed)",
    r"\b(?:100|9\d)\s?(?:%|percent) of (?:our |my |the )?(?:\w+ )?(?:cases|people|participants|users|graduates|couples|"
    r"families|clients|patients|dads|moms|parents|men|women|teens|kids|veterans|students|members|vets|employees|"
    r"workers|staff|team members)\b"
    # (what they thought of the service is no treatment outcome: "94% of families said they'd recommend us")
    r"(?!" + _CLAUSE + r"{0,60}\b(?:recommend\w*|satisf\w*|rated|rate us|would return|came back|showed up)\b)",
    r"\b(?:is|are) (?:100\s?% |completely |fully |totally )?curable\b|\bcured (?:year|you|life)\b",
    r"(?<!help )(?<!helps )(?<!to )(?<!can )(?<!may )\beliminat(?:es|ed|ing)? (?:your |all |the )?(?:\w+ ){0,1}" + L.CONDITION + r"\b",
    r"\bnever (?:have|experience|feel|suffer) (?:another|a single|any more|one more) (?:\w+ ){0,2}" + L.CONDITION,
    r"\byou(?:'ll| will) never (?:\w+ ){0,2}(?:have|feel|experience|suffer|struggle|worry|be)\b" + _CLAUSE + r"{0,30}\b(?:"
    + L.CONDITION + r"|again)\b",
    r"\b(?:saved|cured|healed|fixed|helped|transformed) every (?:single )?(?:marriage|relationship|couple|client|patient|family|person)\b",
    # a rate of success said as a count: "Our proven method saves 9 out of 10 marriages"
    r"\b(?:saves?|saved|cures?|cured|heals?|healed|fix(?:es|ed)?|resolves?|works? for)\s+(?:[6-9]|10|six|seven|eight|nine|ten)\s+"
    r"(?:out of|in|of every)\s+(?:10|ten)\b",
    # fully cured, or cured in a set time: "birth trauma can be completely cured in 3 EMDR sessions"
    r"\b(?:can|will|could|would) be (?:completely|fully|totally|permanently|entirely|100\s?%) (?:cured|healed|fixed|"
    r"eliminated|resolved|erased|gone)\b",
    r"\b(?:cured|healed|fixed|eliminated|resolved|erased|gone)\b" + _CLAUSE + r"{0,20}\b(?:in|within) (?:just |only )?"
    + L.NUM + r" (?:[\w-]+ )?(?:sessions?|days?|weeks?|visits?|appointments?)\b",
    r"\bnever (?:go back to|return to|relapse into|slip back into|touch) (?:\w+ ){0,2}(?:drinking|using|drugs|alcohol|"
    r"old (?:habits|patterns)|" + L.CONDITION + r")\b",
    r"\b(?:clients|patients|graduates) never (?:relapse|go back|return|struggle)\b",
    r"\bevery (?:single )?(?:client|patient|person|time)\b\W{0,3}every (?:single )?(?:time|client|patient)\b",
    r"\bor (?:you )?(?:don'?t|do not) pay\b",
    r"\b" + L.CONDITION + r"\s*[?:,—–-]\s*(?:gone|cured|fixed|history|over|done)\b",
    r"\bproven to work for (?:100\s?%|every|all|any)",
    r"\b(?:clinically |scientifically )?proven to (?:cure|eliminate|fix|end|work for everyone|stop|erase)",
    WORKS_EVERY_TIME,
    ALWAYS_WORKS,
    r"\bmoney[- ]back\b|\bor your money back\b|\brisk[- ]free results?\b",
    r"\byou(?:'ll| will) (?:be|feel) (?:completely |totally |fully )?(?:cured|healed|anxiety-free|depression-free|"
    r"panic-free|trauma-free|fixed|a new person)",
    r"\b(?:miracle|instant|overnight|magic) (?:cure|results?|relief|fix|transformation)\b",
    r"\b(?:it|this|that|\w+ protocol|\w+ program|\w+ method) (?-i:WORKS)\b",  # shouted: "our protocol WORKS"
    # a refund or a free course when it fails is a guarantee: "if you don't, your next course is on us"
    # (the "if" is about the result: "if you don't," after the promise, "if it doesn't work", "if you don't feel better")
    r"\bif (?:you|it|they|(?:your|ur) (?:teen|child|kid|son|daughter|partner|baby|family|pain|anxiety|symptoms))"
    r" (?:don'?t|doesn'?t|do not|does not|didn'?t|aren'?t|isn'?t)(?:\s*[,—–-]|(?: \w+){0,2}? "
    r"(?:work|feel|see|get|improve|notice|heal|recover|sleep|love|help))" + _CLAUSE + r"{0,50}\b(?:(?:is|are|'s) on us|(?:is|are|'s) free|free of charge|refund\w*|money back|(?:don'?t|won'?t) pay)",
    # who leaves treatment free of the condition: "patients walk out depression-free", "leave Sunday without it"
    r"\b(?:walks?|walked|walking|leaves?|leaving|go(?:es)? home|come(?:s)? out|head(?:s)? home)\b" + _CLAUSE
    + r"{0,25}\b(?:" + L.CONDITION + r"|symptom|pain|anxiety|craving)-free\b",
    r"\b(?:leave|walk out|go home)\b" + _CLAUSE + r"{0,25}\bwithout (?:it|them|the " + L.CONDITION + r"|your "
    + L.CONDITION + r")\b[\s\S]{0,12}?\bevery (?:single )?time\b",
    # most of them, counted out of ten: "9 out of 10 teens stop self-harming by week 12"
    r"\b(?:[7-9]|10|seven|eight|nine|ten) (?:out )?of (?:every )?(?:10|ten) (?:of (?:our|my) )?(?:\w+ )?(?:clients|patients|"
    r"teens|kids|children|couples|families|people|moms|mamas|members|participants|graduates)\b" + _CLAUSE
    + r"{0,40}\b(?:stop\w*|recover\w*|improv\w*|get(?:s)? better|heal\w*|(?:are|were) (?:\w+ )?(?:cured|free|[\w]+-free)"
    r"|report\w* (?:less|fewer|no)"
    r"|no longer|quit\w*|sleep\w* (?:better|through))",
    # a count of clients' results offered as proof: "3 of our couples got their bfp this month ... it works"
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens) (?:of )?(?:our|my) (?:\w+ )?(?:clients|patients|"
    r"couples|families|members|moms|mamas)\b[^\n]{0,80}\b(?:it|this|that|it really|it truly) works\b",
    # in Spanish: "¡en solo 6 sesiones la ansiedad desaparece! GARANTIZADO", "una tasa de éxito del 100%"
    r"\b(?:ansiedad|depresi[oó]n|estr[eé]s|p[aá]nico|trauma|dolor|tristeza|insomnio)\s+(?:desaparece|se va|se cura|"
    r"termina)\b",
    r"\btasa de [ée]xito (?:del? )?(?:9\d|100)\s?%",
    r"\b(?:resultados|[ée]xito|curaci[oó]n)\s+garantizad[oa]s?\b|\bgarantizad[oa]s?\s+o\s+le\s+devolvemos\b",
]
WINDOW = 60


# ("We're so confident we guarantee it": the promise is of what the sentence before said)
_PROMISED_IT = re.compile(r"\s*(?:it|that|this|them)\b(?!\s+(?:will|'ll|to)\b)", re.IGNORECASE)
# a promise about the practice's own conduct, with no reader in it
_OWN_CONDUCT = re.compile(r"\s*(?:that\s+)?(?:we|i)(?:['’]ll|\s+will)?\b", re.IGNORECASE)
_THE_READER = re.compile(r"\b(?:you|your|yours|u|ur)\b", re.IGNORECASE)


class OutcomeClaims(Rule):
    name = "outcome_claims"
    default_severity = Severity.BLOCK
    message = "the draft promises or guarantees a treatment outcome, which ethics codes and advertising rules forbid"
    suggestion = ("describe what the service offers and what research says in general "
                  "(\"many people find CBT helpful for anxiety\") without promising results")

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.claims = compile_all(CLAIM_PATTERNS)
        self.guarantee = self.claims[0]
        self.outcome = compile_all([r"\b" + _OUTCOME])

    def _promises_outcome(self, text: str, span: Span) -> bool:
        """The outcome is what follows the promise, or precedes it in the same clause."""
        s0, s1 = sentence_bounds(text, span[0])
        after = text[span[1]:min(s1, span[1] + WINDOW)]
        before = text[max(s0, span[0] - WINDOW):span[0]]
        before = re.split(r"\bbut\b|;", before)[-1]
        if (len(re.findall(r"\w+", text[s0:s1])) <= 3 or _PROMISED_IT.match(after)) and s0 > 0:
            # a promise standing alone vouches for the sentence before: "... reading at grade level by fall. We promise."
            before = text[sentence_bounds(text, max(0, s0 - 2))[0]:s0]
        if _OWN_CONDUCT.match(after) and not _THE_READER.search(after):
            return False  # "we promise we'll stop asking to see the video": what the practice will do, not a result
        return any(p.search(after) or p.search(before) for p in self.outcome)

    def find(self, draft: Draft, analysis: Analysis) -> Span | None:
        text = draft.text
        for p in self.claims:
            for m in p.finditer(text):
                span = (m.start(), m.end())
                if negated(text, m.start(), clause=True) or _SOMEONE_ELSES_CLAIM.search(text, max(0, m.start() - 40), m.start() + 1) \
                        or _MYTH_LINE.match(text, text.rfind("\n", 0, m.start()) + 1, m.start()):
                    continue  # (a warning about others' claims: "if anybody promises to CURE your ringing ears")
                if p is self.guarantee and re.search(r"\bas[ \t]+$", text[max(0, m.start() - 4):m.start()], re.IGNORECASE):
                    continue  # "as promised, here are the slides": a promise kept, of what was sent
                if p is self.guarantee and not self._promises_outcome(text, span):
                    continue  # "guaranteed callback within a day" is not an outcome claim
                if p.pattern in (WORKS_EVERY_TIME, ALWAYS_WORKS) \
                        and not _TREATMENT_BEFORE.search(text, max(0, m.start() - 120), m.start()):
                    continue
                return span
        return None
