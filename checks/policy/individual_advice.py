"""Rule 7: specific medical advice or a diagnosis for an individual.

Guidance (hipaa-social-rules.md, section 3.7): do not give specific medical
advice or a diagnosis to an individual on social media. It creates a
treatment relationship without assessment, discloses the person's health
information, and breaks the ethics codes on assessment (ACA E.5, APA 9.01).
General education ("if you notice these signs, talk to a professional") is fine.

Pattern: diagnosing language aimed at a person ("it sounds like you have
ADHD", "your son clearly has OCD", "you're definitely bipolar"), or
medication and dose instructions to "you" or to someone addressed, or advice
framed as an answer to what one person described ("based on what you
described, you should...")."""
from __future__ import annotations

from bot.domain import Draft, Severity
from checks.base import Analysis
from checks.policy import lexicon as L
from checks.policy.addressee import Addressees
from checks.policy.base import Rule, Span, alt, compile_all, negated, sentence_bounds

_DX = r"(?:a |an )?(?:textbook |classic |clear |full-blown |severe |mild |some )?(?:case of )?" + L.DIAGNOSIS
_CERTAIN = alt("definitely", "clearly", "probably", "obviously", "most likely", "likely", "certainly",
               "absolutely", "100%", "totally", "surely", "for sure")
_RELATIVE = alt("son", "daughter", "child", "kid", "kiddo", "husband", "wife", "partner", "boyfriend",
                "girlfriend", "mom", "mother", "dad", "father", "brother", "sister", "friend", "teen", "toddler")
_MED = alt("meds", r"medications?", "dose", "dosage", r"\d+ ?mg", r"ssris?", r"pills?", "zoloft", "prozac",
           "lexapro", "sertraline", "fluoxetine", "escitalopram", "xanax", "klonopin", "ativan", "adderall",
           "ritalin", "lithium", "wellbutrin", "seroquel", "abilify", "melatonin", r"antidepressants?",
           r"benzos?", "vyvanse", "buspirone", "trazodone", "gabapentin", "propranolol", "prazosin", "hydroxyzine",
           "mirtazapine", "quetiapine", "aripiprazole", "lamotrigine", "lamictal", "naltrexone", "suboxone",
           "methadone", "clonidine", "guanfacine", "strattera", "effexor", "cymbalta", "paxil", "celexa",
           r"mood stabili[sz]ers?", r"antipsychotics?", r"stimulants?", r"beta[- ]?blockers?", "sleeping pills",
           r"sleep aids?", r"\w+(?:azosin|azepam|azolam|oxetine|italopram|afaxine|iprazole|apine|triptyline)", *L.MEDICINES)
_MED_VERB = alt("take", "stop", "start", "increase", "decrease", "double", "halve", "lower", "raise", "cut",
                "taper", "switch", "skip", "quit", "come off", "go off", "get off", "get on", "go on", "be on",
                "wean off", "try", "up", "bump", r"ask (?:your )?(?:doctor|psychiatrist|prescriber|gp|pcp|ob|ob-?gyn|pediatrician|provider|physician|np) (?:for|about)")
ADVICE_PATTERNS = [
    r"\byou(?:'re| are) (?:having|experiencing|in|going through) (?:a |an )?(?:\w+ )?(?:manic|depressive|psychotic|panic|mixed|"
    r"bipolar|hypomanic|dissociative) (?:episode|attack|state|break|phase)\b",
    r"\b(?:please |just |definitely )?(?:stop|start|quit|increase|decrease|double|halve|skip|cut|lower|switch|come off|"
    r"go off|wean off|taper) (?:up on |back on |off )?(?:taking |using )?(?:your|the|an|a|some|that|those) (?:[\w-]+ )?"
    + _MED + r"\b",  # "double up on the hydrocortisone"
    r"\byour " + _RELATIVE + r"\b[^.!?\n]{0,30}\b" + _CERTAIN + r"\b[^.!?\n]{0,30}" + _DX,
    r"\byour " + _RELATIVE + r"(?:'s)? (?:\w+ ){0,2}(?:sounds?|seems?|looks?) (?:\w+ )?like (?:\w+ ){0,2}" + _DX,
    r"\byour " + _RELATIVE + r" (?:needs|should (?:be on|start|take|try|get)) (?:an? |some |to (?:take|start|try) (?:an? )?)?" + _MED + r"\b",
    r"\b(?:it |that )?(?:sounds|seems|looks|reads|sound|seem|look) (?:to me )?like (?:you|u|your \w+|he|she|they)(?:'re| are| is| has| have| might have| may have| could have| probably have)?\s+(?:\w+ ){0,2}" + _DX,
    r"\byou(?:'re| are| have|'ve got| got)? " + _CERTAIN + r" (?:have |got |are |suffering from |dealing with |struggling with )?" + _DX,
    r"\byou(?:'re| are) " + _CERTAIN + r"? ?(?:bipolar|depressed|autistic|psychotic|manic|anorexic|bulimic|an alcoholic|an addict|a narcissist)\b",
    r"\byour " + _RELATIVE + r" (?:" + _CERTAIN + r" )?(?:has|is|sounds|seems|might have|may have|needs)(?: like)? (?:\w+ ){0,2}" + _DX,
    r"\b(?:this|that|these|what you describe[sd]?) (?:is|are|sounds?) (?:like )?(?:\w+ )?" + _CERTAIN + r"? ?(?:textbook |classic |a classic |a textbook )" + _DX,
    r"\bwhat (?:you(?:'re| are)?|u r) (?:describ\w*|experienc\w*|going through|dealing with|feeling)\b[^.!?\n]{0,20}"
    r"\b(?:is|sounds like|could be|might be|looks like)\b (?:\w+ ){0,2}(?:" + _DX + "|" + L.CONDITION + ")",
    r"\byou(?:'ve got| have| got| are showing| show) (?:a |an |all the signs of |signs of )?(?:textbook |classic |clear |"
    r"full-blown |obvious |definite )(?:case of |signs of )?" + L.DIAGNOSIS,
    r"\b(?:I(?:'d| would)|we(?:'d| would)) (?:diagnose|say you have|guess you have|bet you have)\b",
    r"\byou (?:should|need to|must|ought to|have to|could|can) (?:\w+ ){0,2}" + _MED_VERB + r"\b (?:\w+ ){0,3}" + _MED + r"\b",
    r"\b(?:I(?:'d| would)|we(?:'d| would)) (?:recommend|suggest|advise)(?: that)? (?:you )?(?:\w+ ){0,2}" + _MED_VERB + r"\b (?:\w+ ){0,3}" + _MED + r"\b",
    r"\b(?:you|u)(?:'re| are)? (?:seem|sound|look|appear)s? (?:to be |like )?(?:\w+ )?(?:" + L.DIAGNOSIS + r"|depressed|autistic)\b",
    r"\b(?:based on|from|given) what you(?:'ve)? (?:described|shared|wrote|written|told|said|posted|mentioned|messaged)\b",
    r"\b(?:to answer your question|re: your (?:question|comment|message|dm)|(?:in reply|in response|responding|replying) to "
    r"your (?:question|comment|message|dm|post))\b[^\n]{0,200}\b(?:you (?:should|need|have|might|may)|try|take|stop|start)\b",
]

# A dose and how often: advice to whoever is addressed ("@jen take 10 mg at night"); in a post to every
# reader it is the standard amount ("folic acid, 400-800 mcg daily", "caffeine under 200 mg a day")
DOSE_PATTERNS = [
    r"(?:^|[.!?:;,—–-]\s*|\n)(?:just |maybe |definitely |instead,? )?" + _MED_VERB + r" (?:your |the |a |an |to )?(?:\w+ ){0,2}"
    r"\d+(?:\.\d+)? ?(?:mg|mcg)\b",
    r"\b\d+(?:\.\d+)? ?(?:mg|mcg|milligrams?)\b[^.!?\n]{0,25}\b(?:twice|once|three times|a day|daily|at night|before bed|"
    r"every \w+|per day|bid|tid|qd|prn)\b",
    # a schedule of a medicine: "just alternate Tylenol and Motrin every 3 hrs"
    r"\b(?:alternate|take|give|try)\b[^.!?\n]{0,30}\b" + _MED + r"\b[^.!?\n]{0,30}\bevery \d+(?:\s*[-–]\s*\d+)?\s*"
    r"(?:hrs?|hours?)\b",
]
# Advice aimed at someone addressed (@handle, "Lisa,", "your DM"): a directive with care content.
DIRECTIVE = (r"\b(?:you (?:should|need to|must|ought to|have to|might want to|could try|may want to)|"
             r"(?:I|we)(?:'d| would) (?:recommend|suggest|advise|try|start|stop)|my (?:advice|recommendation|suggestion)|"
             r"(?:definitely |just |please )?(?:try|start|stop|take|increase|decrease|cut|avoid|quit|ask for|get)\b|"
             r"don'?t bother|no need for|skip the|(?:she|he|they) (?:should|needs?(?: to)?|must|ought to))")
ADVICE_CONTENT = (r"\b(?:" + _MED + "|" + L.DIAGNOSIS + "|" + L.CONDITION + "|" + L.CARE
                  + r"|exposure|journaling|breathing|diagnos\w*|evaluat\w*|evals?|ot|assessment|testing|sugar|caffeine|alcohol|breathe|bag|hospital\w*|er|neurologist|specialist|"
                  r"doctor|pediatrician|psychiatrist)\b")
# A diagnosis stated to someone addressed: "@x those symptoms = textbook PTSD", "your son's tics are Tourette's".
ADDRESSED_HE_DX = (r"\b(?:he|she)(?:'s| is) (?:clearly |definitely |probably |obviously )?(?:an? )?(?:alcoholic|addict|"
                   r"narcissist|psychopath|sociopath|" + L.DIAGNOSIS + r")\b")
ADDRESSED_IS_DX = r"\byour\b[^.!?\n]{0,40}\b(?:is|are)\s+(?!not\b)(?:\w+ )?" + L.DIAGNOSIS
ADDRESSED_DX = (r"\b(?:textbook|classic|clear-?cut|obvious(?:ly)?|full-blown|definitely|probably|clearly|"
                r"sounds like|looks like|seems like|that'?s|this is|it'?s|has|have|doesn'?t have|does not have|don'?t have|"
                r"do not have|meet criteria for|meets criteria for)\b[^.!?\n]{0,15}\b" + L.DIAGNOSIS + r"\b")
ADDRESSED_WINDOW = 200


class IndividualAdvice(Rule):
    name = "individual_advice"
    default_severity = Severity.BLOCK
    message = ("the draft diagnoses or gives specific treatment or medication advice to an individual, "
               "which needs an assessment and discloses their health information")
    suggestion = ("keep the post general (signs to look for, when to seek help) and invite the person "
                  "to book a confidential consultation or talk to their own prescriber")

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.advice = compile_all(ADVICE_PATTERNS)
        self.dose = compile_all(DOSE_PATTERNS)
        self.conditional = compile_all([r"\b(?:if|when|whether|in case)\b"])[0]
        self.addressees = Addressees()
        self.directive, self.content, self.addressed_dx = compile_all([DIRECTIVE, ADVICE_CONTENT,
                                                                       ADDRESSED_DX + "|" + ADDRESSED_IS_DX + "|"
                                                                       + ADDRESSED_HE_DX])

    def find(self, draft: Draft, analysis: Analysis) -> Span | None:
        text = draft.text
        for p in self.advice:
            for m in p.finditer(text):
                if self.conditional.search(text, max(0, m.start() - 25), m.start()):
                    continue  # "if your son has OCD, ..." is general
                if negated(text, m.start(), lookback=20) or negated(text, m.end(), lookback=m.end() - m.start()):
                    continue  # "you should never stop your meds without..." is general education
                return m.start(), m.end()
        return self._addressed_advice(draft, analysis)

    def _addressed_advice(self, draft: Draft, analysis: Analysis) -> Span | None:
        text = draft.text
        who = self.addressees.maybe_patients(draft, analysis)
        if not who:
            return None
        for p in self.dose:
            m = p.search(text)
            if m and not negated(text, m.start(), lookback=20):
                return m.start(), m.end()
        for m in self.addressed_dx.finditer(text):
            if any(s - ADDRESSED_WINDOW <= m.start() <= e + ADDRESSED_WINDOW for s, e in who) \
                    and not self.conditional.search(text, max(0, m.start() - 25), m.start()):
                return m.start(), m.end()
        for m in self.directive.finditer(text):
            if not any(s - ADDRESSED_WINDOW <= m.start() <= e + ADDRESSED_WINDOW for s, e in who):
                continue
            if negated(text, m.start(), lookback=15) or self.conditional.search(text, max(0, m.start() - 25), m.start()):
                continue
            _, s1 = sentence_bounds(text, m.start())
            c = self.content.search(text, m.end(), min(s1, m.end() + 80))
            if c:
                return m.start(), c.end()
        return None
