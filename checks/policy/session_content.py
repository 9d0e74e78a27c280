"""Rule 8: session content or psychotherapy notes.

Guidance (hipaa-social-rules.md, section 3.8 and section 2): do not quote or
paraphrase what was said in session, or psychotherapy notes; psychotherapy
notes have extra protection under HIPAA (45 CFR 164.508(a)(2)) and are never
shareable without specific authorization.

Pattern: a session reference next to a disclosure verb ("in session today a
client told me..."), one patient's words reported ("a client once said: ..."),
"things clients said in session" series, or sharing from session/progress
notes. Talking *about* confidentiality ("what you say in session stays in
session", "psychotherapy notes get extra protection") is allowed."""
from __future__ import annotations

import re

from bot.domain import Draft, Severity
from checks.base import Analysis
from checks.policy import lexicon as L
from checks.policy.base import FLAGS, Rule, Span, alt, compile_all, sentence_bounds
from checks.consent import permission_stated
from checks.reading import reading_of
from checks.roles import Role

_SESSION = (r"\b(?:in|during|from|after|at the end of|halfway through|mid-?) ?(?:(?:today'?s|yesterday'?s|tonight'?s|"
            r"this (?:morning|afternoon|week)'?s|last (?:night|week)'?s|our|my|a|one|a recent|the|their|her|his|"
            r"this|that|an?) )?(?:(?:therapy|counseling|couples?|family|group|first|last|latest|recent|intake|"
            r"emdr|\d+(?:st|nd|rd|th)) )?(?:sessions?|therapy|counsel+ing|group)(?: (?:today|yesterday|this (?:morning|week)|"
            r"last (?:week|night)))?\b")
_SAY = alt("said", "says", "told", "tells", "shared", "shares", "admitted", "admits", "confessed", "confided",
           "revealed", "disclosed", "mentioned", "cried", "sobbed", "talked about", "opened up", "broke down",
           "whispered", "asked me", "described", "realized", "processed", "worked through", "screamed",
           "yelled", "laughed", "wept", "blurted", "joked", "explained", "remembered", "recalled", "tell", "say",
           "share", "admit", "confess", "reveal", "describe", "cry", "ask", "argued", "fought", "begged", "vented",
           "confided", "talk about", "talked about", "said to me", "told me", "scream", "yell", "shout", "snap",
           "shouted", "snapped", "read aloud", "read out", "describing", "telling", "sharing", "admitting",
           "crying", "confessing", "revealing", "screaming", "sobbing", "breaking down", "opening up")
_ONE = alt(r"one of (?:my|our|the) (?:\w+ )?" + L.WHO_PL, r"(?:a|my|one|this|that|our) (?:[\w-]+[- ]){0,2}" + L.CLIENT, "she", "he", "they", "someone",
           r"a (?:\w+ )?(?:man|woman|teen|mom|dad|kid|veteran|couple|student)")
# One particular person (not "they", "clients often..."): for the sentence-level check.
_ONE_SINGULAR = alt(r"(?:a|my|one|this|that|our) (?:[\w-]+[- ]){0,2}" + L.CLIENT, "she", "he",
                    r"(?:a|my|this|that) (?:[\w-]+ ){0,2}" + L.WHO, r"my (?:\w+ )?(?:\d{1,2}(?::\d\d)? ?(?:am|pm)|\d{1,2} o'?clock)")

SESSION_PATTERNS = [
    # a real session published: "walks through an actual session recording with one of her clients (voice altered)"
    r"\b(?:actual|real|live|unedited|full)\s+(?:therapy\s+|counsel+ing\s+|somatic\s+|emdr\s+)?session\s+(?:recording|footage|audio|"
    r"video|tape|transcript)s?\b[^.!?\n]{0,40}\b(?:with|of)\s+(?:one of (?:her|his|their|our|my) (?:\w+ )?clients|a (?:real )?"
    r"(?:client|patient)|(?:her|his|their|our|my) (?:client|patient))\b",
    _SESSION + r"[^.!?\n]{0,100}\b" + _ONE + r"\b[^.!?\n]{0,30}\b" + _SAY + r"\b",
    r"\b" + _ONE + r"\b[^.!?\n]{0,40}\b" + _SAY + r"\b[^.!?\n]{0,80}" + _SESSION,
    # one client ("my client told me"); "many of my clients tell me ..." sums up many and tells no one's words
    r"\b(?<!of )(?:a|my|one|this|that) (?:[\w-]+[- ]){0,2}" + L.CLIENT + r" (?:\w+ ){0,2}" + _SAY + r"\b",
    r"\b(?:things|quotes?|lines?|words?|stuff) (?:\w+ ){0,2}(?:my |our )?(?:clients|patients) (?:\w+ ){0,2}"
    r"(?:said|say|told me|tell me|have said)\b(?! (?:is|are) (?:private|confidential))",
    L.PATIENT_REF + r"[^.!?\n]{0,100}" + _SESSION,
    _SESSION + r"[^.!?\n]{0,100}" + L.PATIENT_REF,
    r"\b(?:quotes?|words|line|thing|something|gem) (?:of the (?:day|week) )?(?:\w+ ){0,2}(?:from|by) (?:a|my|one of (?:my|our)|"
    r"this|our|that) (?:\w+ )?(?:clients?|patients?|" + L.SLOT + r")\b",
    r"\b(?:my|our|her|his|their|today'?s) (?:\w+ )?(?:psychotherapy|session|therapy|progress|clinical|case|process) "
    r"notes?\b[^.!?\n]{0,100}[:\s][\"“‘']\w",
    r"\b(?:a|my|one|this|that|our) (?:\w+ )?" + L.CLIENT + r"(?:'s|s'|s) (?:own )?(?:words|quote|line|journal(?: entry)?|"
    r"letter|poem|confession|secret)\b",
    r"\b(?:client|patient)s?'? (?:quotes?|words|lines?|gems?|wisdom|one-?liners?|confessions?)\b",
    r"\b(?:heard|overheard|hear) (?:in|during|at) (?:a |my |our |today'?s |this week'?s )?(?:session|therapy|group|"
    r"the therapy room|my office)\b",
    r"\b(?:a|an|one|this|that|my) (?:[\w-]+[- ]){0,3}(?:" + L.WHO + "|" + L.CLIENT + r") (?:told|said to|confided in|admitted to|"
    r"confessed to|shared with|whispered to|cried to|asked) (?:me|us)\b",
    r"\b(?:client|patient|kid|teen|couple)s? (?:in|during|from) (?:session|therapy|group)(?: today| yesterday| this week)?\s*[:\-–—]",
    _SESSION + r"\s*[:\-–—]\s*[\"“‘']",
    r"(?-i:\b\d{1,2}\s?(?:yo\s?)?[FM]\b),? (?:with |w/ )?(?:a )?(?:history of|hx of|h/o|presents|presenting|reports|referred)",
    r"\b(?:history of|hx of|h/o)\b[^.!?\n]{0,40}\b(?:reports|presents|denies|endorses)\b",
    # (or with when they said it: "client this week: “seasonal depression hits different when ...”")
    r"\b(?:my |the |a |our )?(?:client|patient|kiddo|teen|her|him)(?:\s+(?:today|yesterday|tonight|(?:this|last)\s+"
    r"(?:week|morning|afternoon|evening|night)))?\s*:\s*[\"“‘']",
    r"\b(?:session|therapy) (?:recap|summary|highlights?|debrief|update)\b[^.!?\n]{0,100}\b(?:she|he|her|his|him)\b",
    r"\b(?:heard|hear)\b[^.!?\n]{0,40}\b(?:in|during) (?:my|our|the) (?:[\w:-]+ ){0,3}(?:office|session|therapy room|group)\b",
    r"\boverheard (?:in|during|at) (?:a |my |our |today'?s |this week'?s )?(?:[\w:-]+ ){0,4}(?:session|therapy|the therapy room|"
    r"office|group)",
    r"\b(?:from|excerpt|quote|quoting|sharing|share|posting|post|reading|read|copied|straight out of|here'?s|here are|"
    r"page of|snippet|screenshot)\b[^.!?\n]{0,25}\b(?:my|our|her|his|their|this client'?s|today'?s|a client'?s|"
    r"the) (?:\w+ )?(?:psychotherapy|session|therapy|progress|clinical|case|process|counseling) notes?\b",
    r"\b(?:pt|client|patient|cl)\.? (?:presents|presented|reports|reported|denies|denied|endorses|endorsed|"
    r"exhibits|exhibited|appears|appeared) (?:with )?(?:\w+ )?(?:affect|mood|si\b|hi\b|ideation|symptoms|anxiety|"
    r"depress\w*|flat|tearful|guilt|intrusive|hallucinations|insight|judgment|thoughts|" + L.CONDITION + ")",
    r"\b(?:psychotherapy|session|therapy|progress|clinical|case|process|counseling|intake) notes? (?:excerpt|snippet|entry|page)\b",
    r"\b(?:my|our|her|his|their|today'?s) (?:\w+ )?(?:psychotherapy|session|therapy|progress|clinical|case|process) "
    r"notes (?:say|said|says|read|reads|show|from (?:today|yesterday|this week))\b",
    r"\b(?:psychotherapy|session|therapy|progress|clinical|case|process) notes\s*[:\-–—]\s*[\"“]?\w",
    r"\bnotes (?:from|on|about) (?:[\w']+ ){0,3}(?:session|intake|appointment|group|visit)\b",
    r"\bmy notes (?:from|on|about) (?:\w+ ){0,3}(?:session|client|patient|intake|appointment|group|visit)",
]
# "she said: '...'": a client's words, unless the sentence is about a colleague or a public figure
# ("it's priya's birthday and she said 'no fuss please'")
SHE_SAID = (r"\b(?:she|he)(?: \w+){0,4} (?:said|says|told me|tells me|asked me|whispered|confessed|admitted|blurted|cried)"
            r"(?: to me)?[,:]?\s*[\"“‘']\w")
# Any sentence with a session word, one person and a disclosure verb, in any order.
SESSION_WORD = r"\b(?:sessions?|therapy|counsel+ing|group)\b"

# Talking about confidentiality is education, not disclosure.
SAFE_CONTEXT = (r"\b(?:stays?|stay|remains?|kept|keep|is|are) (?:\w+ )?(?:in (?:the )?session|in (?:the )?room|"
                r"private|confidential|protected|secure)\b|\bconfidential\w*\b|\bprivacy\b|\bhipaa\b|\bextra protection\b"
                # asking who gets to see notes: "Does my insurer read my therapy notes?"
                r"|\b(?:does|do|can|will|would|could|who|which)\b (?:[\w']+ ){0,3}(?:read|see|access|get|look at|"
                r"request)s? (?:[\w']+ ){0,3}notes\b")


class SessionContent(Rule):
    name = "session_content"
    default_severity = Severity.BLOCK
    message = ("the draft quotes or paraphrases what a client said in session, or shares session or "
               "psychotherapy notes")
    suggestion = ("remove the session content; write about the theme in general terms without anything "
                  "a client said or anything from notes")

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.session = compile_all(SESSION_PATTERNS)
        self.she_said, self.client = compile_all([SHE_SAID, r"\b" + L.CLIENT + r"s?\b"])
        self.safe = re.compile(SAFE_CONTEXT, FLAGS)
        self.session_word, self.one, self.say = compile_all([SESSION_WORD, r"\b" + _ONE_SINGULAR + r"\b", r"\b" + _SAY + r"\b"])

    def find(self, draft: Draft, analysis: Analysis) -> Span | None:
        text = draft.text
        if permission_stated(text):
            return None  # "shared with her written permission": a testimonial, judged by the consent check
        hooks = L.question_hook_spans(text)  # "a patient asked us if ... Short answer:" is everyone's question
        # (and a refusal: "we can't confirm whether any individual is a patient or talk about care online")
        hooks += L.refusal_spans(text)
        for p in self.session:
            for m in p.finditer(text):
                s0, s1 = sentence_bounds(text, m.start())
                if self.safe.search(text, s0, max(s1, m.end())) or any(h0 <= m.start() < h1 or m.start() <= h0 < m.end()
                                                                       for h0, h1 in hooks):
                    continue
                return m.start(), m.end()
        for m in self.she_said.finditer(text):
            s0, s1 = sentence_bounds(text, m.start())
            if not self.safe.search(text, s0, max(s1, m.end())) and (
                    self.client.search(text, s0, s1) or not _speaker_known(draft, analysis, s0, s1)):
                return m.start(), m.end()
        for m in self.session_word.finditer(text):
            s0, s1 = sentence_bounds(text, m.start())
            # (the writer's own telling is no one's session: "I'm telling you this because ... the person across from
            # you in therapy might have been there too")
            said = [x for x in self.say.finditer(text, s0, s1) if not _WRITER_TELLS.search(text, max(s0, x.start() - 12),
                                                                                           x.start())]
            if self.one.search(text, s0, s1) and said and not self.safe.search(text, s0, s1) \
                    and not _speaker_known(draft, analysis, s0, s1):
                return m.start(), m.end()
        return None


def _speaker_known(draft: Draft, analysis: Analysis, s0: int, s1: int) -> bool:
    """The one who says it is a colleague or a public figure ("Dr. Maya Chen says it's the book
    she hands to friends curious what therapy is like"), not a client in session; a he/she after a
    colleague's name is the colleague ("He's trained in EMDR ... helping men ... talk about their
    feelings" in Jordan's bio)."""
    reading = reading_of(draft, analysis)
    people = reading.people(analysis)
    if reading.names_colleague(draft.text, s0, s1) or any(
            role in (Role.STAFF, Role.PUBLIC) and s0 <= e.start < s1 for e, role in people):
        return True
    # "Meet Harold! ... When we asked why he does it, he said, ...": a he/she last named as one of ours
    named_before = [(e.start, role) for e, role in people if e.start < s0 and e.entity_type == "PERSON"]
    named_before += [(at, Role.STAFF) for at in reading.colleague_mentions(draft.text, 0, s0)]
    return bool(named_before) and _PRONOUN.search(draft.text, s0, s1) is not None \
        and max(named_before)[1] in (Role.STAFF, Role.PUBLIC) \
        and not _SOMEONE_BETWEEN.search(draft.text, max(named_before)[0], s0)


_WRITER_TELLS = re.compile(r"\b(?:i|i['’]m|i am|we|we['’]re|we are)\s+(?:\w+\s+)?$", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
_SOMEONE_BETWEEN = re.compile(r"\b(?:clients?|patients?|famil(?:y|ies)|kids?|mom|dad|parents?)\b", re.IGNORECASE)
