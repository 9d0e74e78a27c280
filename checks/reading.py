"""What a draft is about, read once and shared by every check: the role of
each identifier (checks/roles.py) and, per sentence, how likely it is to
tell, confirm or ask about a specific patient's care (checks/disclosure).

The pipeline attaches the reading to the Analysis before the checks run;
a check given an analysis without one (a unit test, a one-off tool) reads
the draft itself with the same shipped model."""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from bot.domain import Draft
from checks.base import PEOPLE, Analysis, Entity
from checks.disclosure.model import DisclosureModel, ScoredSentence
from checks.disclosure.spans import colleague_spans, context_tags, identifier_spans, redacted_name_spans
from checks.roles import (Role, in_context_roles, invented_spans, is_staff_first_name, role_of, shared_roles,
                          staff_by_first_name, tells_a_public_life)
from bot.config import REVIEW_PLATFORMS
from checks.policy.addressee import Addressees
from checks.phi.lexicon import HEALTH_TERMS, RAINBOW_BRIDGE
from checks.policy import lexicon as L
from checks.policy.lexicon import question_hook_spans
from checks.subjects import (clients_in_general, condolence, descriptions_of_no_client, hearts_with_a_community,
                             no_client_pictured, offering_terms, own_news, points_at_someone, readers_at_large,
                             reply_heading, says_was_a_client_here, thanks_for_helping_us, thanks_for_rating,
                             video_chapter_spans)

# A sentence at or above this probability reads as a disclosure about a patient on its own;
# at or above CARE_CONTEXT it is at least about someone's care, so a name in it is PHI.
DISCLOSURE_THRESHOLD = 0.65
CARE_CONTEXT = 0.5
# the writer's or a colleague's own news (checks/subjects.py) is never about a patient's care
OWN_NEWS_CAP = 0.3
SAID_OUTRIGHT = 0.9  # a sentence that says in so many words that someone is or was a client here
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Reading:
    roles: tuple[Role, ...]  # aligned with Analysis.entities
    sentences: tuple[ScoredSentence, ...]
    colleagues: frozenset[str] = frozenset()  # staff first names, casefolded (the analyzer drops staff names)
    own: tuple[bool, ...] = ()  # per sentence: the writer's or a colleague's own news, or a made-up case
    pointing: tuple[bool, ...] = ()  # per sentence: it could point at someone (subjects.points_at_someone)
    # an attached photo that may show someone in care: not one the draft says shows no client, colleagues only or no one
    photo_may_show_care: bool = False

    def is_colleague(self, name: str) -> bool:
        words = name.split()
        return len(words) == 1 and is_staff_first_name(words[0], self.colleagues)

    def names_colleague(self, text: str, start: int, end: int) -> bool:
        """A colleague's first name anywhere in text[start:end]: the analyzer leaves staff names
        out, so rules asking "is this sentence about a colleague?" look here too."""
        return any(self.is_colleague(w) for w in _WORD.findall(text, start, end))

    def colleague_mentions(self, text: str, start: int, end: int) -> list[int]:
        """Where a colleague's first name stands in text[start:end] (the analyzer leaves them out)."""
        return [m.start() for m in _WORD.finditer(text, start, end) if self.is_colleague(m.group())]

    def people(self, analysis: Analysis) -> list[tuple[Entity, Role]]:
        """The draft's names and handles, each with its role."""
        return [(e, r) for e, r in zip(analysis.entities, self.roles) if e.entity_type in PEOPLE]

    def role(self, analysis: Analysis, entity: Entity) -> Role:
        return self.roles[analysis.entities.index(entity)]

    def sentence_at(self, pos: int) -> ScoredSentence | None:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return None

    def in_care_context(self, start: int, end: int) -> bool:
        """Whether the sentence holding this span reads as about someone's care."""
        s = self.sentence_at(start)
        return s is not None and s.probability >= CARE_CONTEXT

    def is_own_news(self, pos: int) -> bool:
        """Whether the sentence at ``pos`` is only the writer's or a colleague's own news."""
        return any(s.start <= pos < s.end and mine for s, mine in zip(self.sentences, self.own))

    def about_someone(self, pos: int) -> bool:
        """Whether the sentence at ``pos`` could be about a particular person (a reading made
        without sentences says yes)."""
        return not self.pointing or any(s.start <= pos < s.end and p for s, p in zip(self.sentences, self.pointing))

    def points_at_anyone(self) -> bool:
        """Whether any sentence could be about a particular person (a reading made without
        sentences says yes)."""
        return not self.pointing or any(self.pointing)

    def disclosures(self, threshold: float = DISCLOSURE_THRESHOLD) -> list[ScoredSentence]:
        return [s for s in self.sentences if s.probability >= threshold]


@lru_cache(maxsize=1)
def shipped_model() -> DisclosureModel:
    """The weights in the repository, loaded once per process (read-only)."""
    return DisclosureModel.load()


def read(draft: Draft, analysis: Analysis, model: DisclosureModel | None = None,
         staff_first_names: frozenset[str] = frozenset()) -> Reading:
    """``staff_first_names``: the profile's colleagues by first name (checks.roles.staff_first_names)."""
    model = model or shipped_model()
    text = draft.text
    roles = roles_of(text, analysis, staff_first_names)
    spans = model_spans(text, analysis, roles, staff_first_names)
    context = context_tags(draft.platforms, draft.has_photo)
    scored = model.score(text, spans, context)
    # "Fun fact: Riley was actually a client here back in 2019": said outright, whoever it is about
    scored = [replace(s, probability=max(s.probability, SAID_OUTRIGHT)) if says_was_a_client_here(text[s.start:s.end])
              else s for s in scored]
    review_site = any(p in REVIEW_PLATFORMS for p in draft.platforms)
    bounds = [(s.start, s.end) for s in scored]
    is_colleague = lambda w: is_staff_first_name(w, staff_first_names)  # noqa: E731
    own = own_news(_without_the_practices_family(text, analysis.own), bounds, analysis.entities, roles, is_colleague,
                   review_site)
    # "a composite ... not any real person": nobody's care is told where the made-up case is
    made_up = invented_spans(text, [(e.start, e.end) for e, r in zip(analysis.entities, roles)
                                    if e.entity_type == "PERSON" and r in (Role.UNKNOWN, Role.INVENTED)])
    own = tuple(mine or any(a <= s.start < b for a, b in made_up) for s, mine in zip(scored, own))
    # a line heading the news below it: "Big news from the Harbor Light family 👶💙" over a colleague's newborn
    unknown = [e.start for e, r in zip(analysis.entities, roles) if e.entity_type in PEOPLE and r == Role.UNKNOWN]
    # (not over a quote: "Client reflection (shared anonymously) 💬" heads a client's words)
    own = tuple(mine or (i + 1 < len(own) and own[i + 1] and _heads_a_line(text, s.start, s.end)
                         and not re.match(r"\s*[\"“‘']", text[scored[i + 1].start:scored[i + 1].end])
                         and not any(s.start <= p < s.end for p in unknown))
                for i, (s, mine) in enumerate(zip(scored, own)))
    # a "you" that is whoever reads the post ("what to expect at your first appointment")
    replying = review_site or bool(Addressees().find(text, analysis))
    anyone = readers_at_large(text, bounds, analysis.entities, roles, replying, is_colleague)
    someone = points_at_someone(text, bounds, analysis.entities, roles, is_colleague, replying, anyone)
    if not (replying or draft.has_photo):  # (a reply's or a photo's clients are the ones it speaks to or shows)
        clients = clients_in_general(text, bounds, analysis.entities, roles, is_colleague)
        anyone = tuple(a or c for a, c in zip(anyone, clients))
    # "A patient asked us this week if whitening strips eat enamel ... Short answer: no": everyone's question
    hooks = question_hook_spans(text)
    hooks += video_chapter_spans(text)  # "4:30 The intake interview": a chapter of the video, not a slot
    anyone = tuple(a or any(h0 < e and s < h1 for h0, h1 in hooks) for a, (s, e) in zip(anyone, bounds))
    named = [e.start for e, r in zip(analysis.entities, roles) if e.entity_type in PEOPLE and r == Role.UNKNOWN]
    public = [e.start for e, r in zip(analysis.entities, roles) if e.entity_type in PEOPLE and r == Role.PUBLIC]

    def nobodys(s: int, e: int) -> bool:
        """Sentences everyone's where no one of unknown role is named in them: what an event asks of anyone
        ("no sharing in front of the group required"); a public figure's own life, told by them ("In her memoir,
        Serena Williams writes candidly about ... therapy"); a heading, which names a topic ("Insurance & Payment")."""
        if any(s <= p < e for p in named):
            return False
        sentence = text[s:e]
        return offering_terms(sentence) or is_heading(text, s, e) \
            or (tells_a_public_life(sentence) and any(s <= p < e for p in public))

    anyone = tuple(a or nobodys(s, e) for a, (s, e) in zip(anyone, bounds))
    # the items of a how-to list under a how-to title ("5 Signs Your Toddler Might Benefit ...  3. Frustration
    # that turns into meltdowns when they can't ..."): everyone's, unless an item names someone
    # ... and the items of a list of advice under its lead-in ("A few takeaways she shared:\n• budget time —
    # interpreted sessions run longer")
    anyone = tuple(a or (is_list_item(text, s) and under_advice_lead(text, s) and not any(s <= p < e for p in named))
                   for a, (s, e) in zip(anyone, bounds))
    title = listicle_title(text)
    if title and not any(title[0] <= p < title[1] for p in named):  # (not "How We Helped Sam Walk Again")
        anyone = tuple(a or (is_list_item(text, s) and not any(s <= p < e for p in named))
                       for a, (s, e) in zip(anyone, bounds))
    # (a photo may show whoever a sentence leaves unnamed: its sentences keep their probability)
    # ("no clients pictured", "(photo: Jordan and Priya at the studio)": the photo shows no one's care)
    people = [(e, r) for e, r in zip(analysis.entities, roles) if e.entity_type in PEOPLE]
    no_client_shown, none_shows_a_client = descriptions_of_no_client(
        text, is_colleague, [(e.start, e.end) for e, r in people if r == Role.UNKNOWN],
        [(e.start, e.end) for e, r in people if r == Role.STAFF])
    photo = draft.has_photo and not no_client_pictured(text) and not none_shows_a_client
    # a description of a photo showing no client is no one's care: "[photo: Juniper lying on the office rug]"
    # (the sentence may open at the description's bracket: "[photo: ...")
    anyone = tuple(a or any(d0 - 12 <= s and e <= d1 + 2 for d0, d1 in no_client_shown)
                   for a, (s, e) in zip(anyone, bounds))
    scored = [replace(s, probability=min(s.probability, OWN_NEWS_CAP))
              if mine or general or not (pointing or photo) or thanks_for_rating(text[s.start:s.end])
              or condolence(text[s.start:s.end])
              or (hearts_with_a_community(text[s.start:s.end]) and not any(s.start <= p < s.end for p in named))
              or thanks_for_helping_us(text[s.start:s.end]) or sign_off(text[s.start:s.end])
              or _GREETS_A_GROUP.fullmatch(text[s.start:s.end].strip())
              or _CONGRATS_ON_LIFE.fullmatch(text[s.start:s.end].strip())
              or _DAY_NAMED.fullmatch(text[s.start:s.end].strip())
              or _BARE_GREETING.fullmatch(text[s.start:s.end].strip())
              or reply_heading(text[s.start:s.end])
              or (not (replying or photo) and says_nothing_of_anyone(text[s.start:s.end])
                  and not any(s.start <= e.start < s.end for e in analysis.entities))
              or _APOLOGY_FOR_A_NUISANCE.fullmatch(text[s.start:s.end].strip())
              or _SHARED_WITH_LEAVE.fullmatch(text[s.start:s.end].strip()) or _practice_alone(text[s.start:s.end])
              or (RAINBOW_BRIDGE.search(text, s.start, s.end) and not any(s.start <= p < s.end for p in named)) else s
              for s, mine, general, pointing in zip(scored, own, anyone, someone)]
    return Reading(roles, tuple(scored), staff_first_names, own, someone, photo)


# a sign-off on its own: "🙌 — Bridgetown PT", "👣 — Summit Foot & Ankle", "— Dr. Chen"
_SIGN_OFF = re.compile(r"[^\w\n]*(?:(?:thx|thanks|thank you|ty|cheers|best|xo)[!,.]*[ \t]*)?[—–~-][ \t]*[^\W\d_][\w'’.&-]*(?:[ \t]+[\w'’.&-]+){0,5}[^\w\n]*"
                       # (an aside may follow: "— Priya (yes, this is about me, not a client 🙂)")
                       r"(?:\([^()\n]{1,80}\)[^\w\n]*)?")


# a short line with no one and no care in it, in a post that is no reply and shows no picture: "Here's what that
# looked like:", "Balance: still a work in progress." (not "She did it!!", "see u tues", "yeah that shoulder?"):
# what it says is the lines around it
_SOMEONE_OR_CARE = re.compile(r"\b(?:he|she|they|him|her|them|his|hers|their|you|your|u|ur|y['’]?all|i|me|my|us|we|our|"
                              r"kids?|kiddos?|girls?|boys?|guys?|family|families|twins|crew|household|mom|dad|baby|"
                              r"friends?|shoulders?|knees?|backs?|necks?|teeth|tooth|smile|hips?|feet|foot|"
                              r"(?!(?:here|there|that|it|what|who|let|where|how|today|now|everyone)['’]s)[\w'’]+['’]s|"
                              + L.CARE + "|" + L.CONDITION + r")\b|\d|@|#|\b[^\W\d_]\.\s?[^\W\d_]\.", re.IGNORECASE)
_FEW_WORDS = 8
# sorry for a nuisance everyone shares, in any post: "Sorry for the hassle!" under parking directions
_APOLOGY_FOR_A_NUISANCE = re.compile(r"(?:so\s+|very\s+)?sorry\s+(?:for|about)\s+the\s+(?:hassle|inconvenience|trouble|"
                                     r"mix-?up|confusion)[!.]*", re.IGNORECASE)


def _heads_a_line(text: str, start: int, end: int) -> bool:
    """A short line of its own with no closing mark, above more text: a heading in any case."""
    line = text[start:end].strip()
    return _whole_line(text, start, end) and bool(text[end:].strip()) and not re.search(r"[.!?]$", line) \
        and len(re.findall(r"[^\W\d_]+", line)) <= _HEADING_WORDS


def _whole_line(text: str, start: int, end: int) -> bool:
    """text[start:end] fills its line (blanks aside)."""
    before, after = text[:start].rstrip(" \t"), text[end:].lstrip(" \t")
    return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))


_FAMILY_AFTER_OWN = re.compile(r"\s+(?:family|fam|team|crew|community|household)\b", re.IGNORECASE)


def _without_the_practices_family(text: str, own: tuple[tuple[int, int], ...]) -> str:
    """The text with the practice's "family" or "team" after its own name blanked out: "Big news from the Harbor Light
    family" is the practice's news, not a family's (positions kept)."""
    chars = list(text)
    for _, b in own:
        m = _FAMILY_AFTER_OWN.match(text, b)
        if m:
            chars[m.start():m.end()] = " " * (m.end() - m.start())
    return "".join(chars)


def _practice_alone(sentence: str) -> bool:
    """ "We left inspired!", "We had a blast 🎉": the practice speaking of itself in a few words, no one else and no
    care in them."""
    m = _WE_OPENS.match(sentence)
    return bool(m) and says_nothing_of_anyone(sentence[m.end():])


_WE_OPENS = re.compile(r"[\W_]*(?:we|we['’](?:re|ve|d|ll))\b", re.IGNORECASE)


def says_nothing_of_anyone(sentence: str) -> bool:
    return len(re.findall(r"[^\W\d_]+", sentence)) <= _FEW_WORDS and not _SOMEONE_OR_CARE.search(sentence) \
        and not any(w in HEALTH_TERMS for w in re.findall(r"[a-z'’-]+", sentence.casefold()))


# leave to share and nothing else: "We're sharing this with her family's blessing." (whose news it is, and whether
# leave covers it, the sentences around it say)
_SHARED_WITH_LEAVE = re.compile(r"[\W_]*(?:(?:we|we['’]?re|we are|we['’]ve|we have|this is|it['’]s|and)[ \t]+)?(?:shar|post)\w*"
                                r"(?:[ \t]+(?:this|it|these|the news|this news|(?:her|his|their)[ \t]+(?:story|news|photos?|"
                                r"pictures?|words)))?[ \t]+with[ \t]+(?:(?:her|his|their|the)[ \t]+)?(?:(?:family|loved ones|"
                                r"husband|wife|partner|kids|children|parents)['’]?s?[ \t]+)?(?:full[ \t]+|written[ \t]+|kind[ \t]+)?"
                                r"(?:blessing|permission|consent)[.!]*[\W_]*", re.IGNORECASE)

# a greeting and nothing else: "Hi Megan!"
_BARE_GREETING = re.compile(r"[^\w]*(?:hi|hey|hello|hiya|dear|good (?:morning|afternoon|evening))[ \t]+[^\W\d_][\w'’.-]*"
                            r"(?:[ \t]+[^\W\d_][\w'’.-]*)?[!,.]*[\W_]*", re.IGNORECASE)
# congratulations on a step in life, no one's care: "Congrats on the new job in Eugene — they're lucky to have you!"
_CONGRATS_ON_LIFE = re.compile(r"[\W_]*(?:congrats|congratulations)[!,.]*[ \t]+(?:to you[ \t]+)?on[ \t]+(?:the|your)[ \t]+"
                               r"(?:new[ \t]+)?(?:job|position|role|promotion|graduation|wedding|engagement|baby|retirement|"
                               r"move|house|home|degree|license|licensure)\b[^.!?\n]{0,60}[.!]*[\W_]*", re.IGNORECASE)
# a day named and nothing else: "Today is #WorldAIDSDay.", "It's World Mental Health Day!", "Happy Pride Month 🌈"
_DAY_NAMED = re.compile(r"(?!.*\b(?:discharge|surgery|graduation|sober|sobriety|recovery|treatment|therapy|session|rehab|last|"
                        r"first|birth)\w*\b)"  # (not "Happy discharge day!": someone's care)
                        r"[\W_]*(?:(?:today|tomorrow|this[ \t]+(?:week|month))[ \t]+is|it['’]?s|happy)[ \t]+(?:#[\w'’]*(?:day|week|month)"
                        r"|(?:[\w'’-]+[ \t]+){0,5}(?:day|week|month))[!.]*[\W_]*", re.IGNORECASE)
# a greeting to many at once: "Hi Sellwood-Moreland group!", "Hello neighbors,"
_GREETS_A_GROUP = re.compile(r"[^\w]*(?:hi|hello|hey|dear|good morning)[ \t]+(?:[\w'’-]+[ \t]+){0,3}?(?:group|neighbou?rs|"
                             r"community|friends|everyone|all|folks|families|team|members)[!,.]*[^\w]*", re.IGNORECASE)


def sign_off(sentence: str) -> bool:
    """The sentence is only a sign-off: a dash and who signs. It tells no one's care."""
    return bool(_SIGN_OFF.fullmatch(sentence.strip()))


_HEADING_WORDS = 8
_SMALL_WORDS = {"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with", "vs", "&"}


def is_heading(text: str, start: int, end: int, max_words: int = _HEADING_WORDS) -> bool:
    """A line of its own in Title Case with no closing mark ("Insurance & Payment", "What to Expect at
    Your First Visit"): a heading. Capitals all through are shouting, not a heading."""
    line = text[start:end].strip()
    words = re.findall(r"[^\W\d_][\w'’\-]*", line)
    return bool(words) and len(words) <= max_words and _whole_line(text, start, end) \
        and not line.endswith((".", "!", "?")) \
        and not line.isupper() and all(w[0].isupper() or w.casefold() in _SMALL_WORDS for w in words)


_HOW_TO_TITLE = re.compile(r"(?:\d{1,2}|top \d{1,2}|how|why|what|when|signs?|tips?|ways?|myths?|questions?|faqs?)\b", re.I)
_HOW_TO_QUESTION = re.compile(r"(?:how|what|why|when|should|can|do|does|is|are)\b", re.I)
_TITLE_OPENING = re.compile(r"(?:^|\n|(?<=[.!?])[ \t]+)[ \t]*")
_TITLE_END = re.compile(r"\n|[.!?](?:\s|$)|\s(?=\d{1,2}[.)]\s)")
# (a video's chapters: "6:10 Making a plan together"; a thread's posts: "2/ ...")
_LIST_MARK = r"(?:\d{1,2}[.)]|\d{1,2}/(?=[ \t])|\d{1,2}:\d\d|[-•*▪➡👉✔✅])"


def listicle_title(text: str) -> tuple[int, int] | None:
    """A post titled as a how-to list ("5 Signs Your Toddler Might Benefit From a Speech Evaluation"), also
    after a greeting on its line, shouted, or run into its first item when the line breaks were lost."""
    head = text[:300]
    for m in _TITLE_OPENING.finditer(head):
        if not _HOW_TO_TITLE.match(head, m.end()):
            continue
        end = _TITLE_END.search(head, m.end())
        words = re.findall(r"[^\W\d_][\w'’\-]*", head[m.end():end.start() if end else len(head)])
        title = (m.end(), end.start() if end else len(head))
        if end and end.group(0).startswith("?") and _HOW_TO_QUESTION.match(head, m.end()) and 3 <= len(words) <= 14:
            return title  # a reader's question as the title: "What actually happens at a hearing test? 🦻"
        if end and end.group(0) == "\n" and (text.islower() or ("\n" not in head[:title[0]]
                                                                   and head[title[0]:title[1]].islower())):
            # typed in lower case, or the title line is: the title is the first line
            return title if 3 <= len(words) <= 14 else None
        # the title's capitals, up to where a sentence runs on ("... a Speech Evaluation Every child develops")
        run = list(itertools.takewhile(lambda w: w[0].isupper() or w.casefold() in _SMALL_WORDS, words))
        if 3 <= sum(w[0].isupper() for w in run) and len(run) <= 14:
            return title
    return None


# a line that introduces a list of general advice: "A few takeaways she shared:", "Things that help:"
_ADVICE_WORDS = (r"\b(?:tips?|takeaways?|reminders?|lessons?|ideas?|ways?|signs?|steps?|strategies|things|"
                 r"suggestions?|pointers|do'?s|don'?ts|rules of thumb)\b[^\n]{0,40}:[ \t]*")
_ADVICE_LEAD = re.compile(_ADVICE_WORDS + r"$", re.IGNORECASE)
# ... with its items run onto the same line: "A few takeaways she shared: • brief the interpreter ... • "
_ADVICE_LEAD_ON_THE_LINE = re.compile(_ADVICE_WORDS + r"(?:[•▪*][^•▪*\n]*)*[•▪*][ \t]*$", re.IGNORECASE)


def under_advice_lead(text: str, start: int) -> bool:
    """The list item at ``start`` is one of a list whose lead-in line offers general advice (also run onto
    one line: "A few takeaways she shared: • brief the interpreter ... • budget time")."""
    if _ADVICE_LEAD_ON_THE_LINE.search(text, text.rfind("\n", 0, start) + 1, start):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    while line_start > 0:
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        line = text[prev_start:line_start - 1]
        if not re.match(r"[ \t]*" + _LIST_MARK, line):
            return bool(_ADVICE_LEAD.search(line))
        line_start = prev_start
    return False


def is_list_item(text: str, start: int) -> bool:
    """The sentence is an item of a numbered or bulleted list: its marker opens the line, or stands just
    before it ("... Evaluation 1. Fewer than 20 words"), or on the line before it ("2.\nFrustration ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    if re.fullmatch(r"[ \t]*" + _LIST_MARK + r"[ \t]*", text[line_start:start]) \
            or re.search(r"\s[•▪][ \t]*$", text[line_start:start]) \
            or re.search(r"(?:^|\s)\d{1,2}[.)][ \t]*$", text[line_start:start]) \
            or (line_start == start and re.match(r"[ \t]*" + _LIST_MARK, text[start:])):
        return True
    previous = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1:max(0, line_start - 1)]
    return line_start > 0 and bool(re.fullmatch(r"[ \t]*" + _LIST_MARK + r"[ \t]*", previous))


_TITLED_NAME = re.compile(r"(?:dr|prof|mr|mrs|ms|mx)\.?\s+[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?", re.IGNORECASE)


def titled_colleagues(text: str, analysis: Analysis) -> list[tuple[int, int]]:
    """A colleague by title and family name, which the analyzer leaves out as the practice's own ("Dr. Chen")."""
    return [(a, b) for a, b in analysis.own if _TITLED_NAME.fullmatch(text[a:b])]


def roles_of(text: str, analysis: Analysis, staff_first_names: frozenset[str] = frozenset()) -> tuple[Role, ...]:
    """Each identifier's role: from its sentence, then from the rest of the draft."""
    roles = shared_roles(text, analysis.entities, [role_of(text, e) for e in analysis.entities])
    roles = staff_by_first_name(text, analysis.entities, roles, staff_first_names)
    colleagues = [(a, b) for a, b, _ in colleague_spans(text, staff_first_names, [])]
    colleagues += titled_colleagues(text, analysis)  # "Dr. Chen's daughter"
    roles = in_context_roles(text, analysis.entities, roles, colleagues)
    return shared_roles(text, analysis.entities, list(roles))  # "welcomed baby Theo ... Theo arrived at 7 lb"


def model_spans(text: str, analysis: Analysis, roles: tuple[Role, ...],
                staff_first_names: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """What the disclosure model sees in place of words: identifiers by role or type, staff
    names the analyzer dropped, and names already redacted. Training uses the same."""
    spans = identifier_spans(analysis, roles)
    spans = spans + colleague_spans(text, staff_first_names, spans)
    return sorted(spans + redacted_name_spans(text, spans))


def with_reading(draft: Draft, analysis: Analysis, model: DisclosureModel | None = None,
                 staff_first_names: frozenset[str] = frozenset()) -> Analysis:
    return replace(analysis, reading=read(draft, analysis, model, staff_first_names))


def reading_of(draft: Draft, analysis: Analysis) -> Reading:
    return analysis.reading if analysis.reading is not None else read(draft, analysis)
