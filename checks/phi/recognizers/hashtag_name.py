"""Names written as hashtags: #SarahJohnson, #TeamMaya, #prayersforkevin.

Staff tag a patient the way they tag a topic. A hashtag is read as a name
when its words (split at capitals, or after a known cheering prefix when it
is all lower case) are a given name followed by a surname, or a cheering
prefix ("team", "go", "pray for", "happy birthday") followed by a given name.
A verb or adjective followed by a word is not a name (#GoBlue, #MayGreen), so topic tags
such as #HopeForTomorrow and #MindfulMonday stay topics."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern
from spacy.lang.en.stop_words import STOP_WORDS

from checks.phi.lexicon import (SPANISH_WORDS, US_STATE_CODES, US_STATES, cities, common_surnames, given_names, is_country_or_state,
                                is_vocabulary)
from checks.phi.recognizers.base import NameRecognizer

_PIECES = re.compile(r"[A-Z][a-z]+|[a-z]+|[A-Z]+(?![a-z])")
# cheering prefixes, as they are run together in a tag
_CUES = ("team", "go", "prayfor", "prayersfor", "prayingfor", "justicefor", "happybirthday", "hbd", "welcomeback",
         "welcomehome", "congrats", "congratulations", "strongerthan", "staystrong", "love", "weloveyou", "proudof",
         "shoutoutto", "thankyou", "thanks")
_ENDING = re.compile(r"(?:ing|ed|es|s|er|ers)$")
# cues that only ever lead a person's name: after them any word no dictionary has is one ("#happybdayxiomara")
_PERSON_ONLY_CUES = ("happybirthday", "happybday", "hbd", "welcomeback", "prayfor", "prayersfor", "prayingfor",
                     "proudof", "weloveyou", "shoutoutto")

_PERSON_LEADS = {"with", "for", "vs", "go", "team", "celebrate", "love", "ask", "meet", "brave", "little", "baby",
                 "grandma", "grandpa", "granny", "nana", "papa", "mr", "mrs", "ms", "miss", "dr", "aunt", "auntie",
                 "uncle", "happy", "congrats", "welcome", "thanks", "thank", "pray", "prayers", "fight", "like"}
_SMALL_WORDS = {"a", "i", "we", "u", "ur", "my", "the", "with", "for", "to", "of", "and", "you", "miss", "will", "up", "in",
                "on", "at", "is", "so", "go", "be", "it", "me", "us", "our", "no"}
_TITLES = {"mr", "mrs", "ms", "miss", "mister"}
_NAMED_AFTER = ("day", "week", "month", "challenge", "awareness", "foundation", "fund", "run", "walk", "act", "law",
                "center", "institute", "show", "podcast", "award", "awards", "method", "effect")


# a state as it ends a run-together tag: "oregon", "newyork", "or"
_STATE_ENDINGS = tuple(sorted({*(s.replace(" ", "") for s in US_STATES), *(c.casefold() for c in US_STATE_CODES)}))


def _spanish_run(low: str) -> bool:
    """A tag that splits wholly into everyday Spanish words ("saludmental" = "salud" + "mental")."""
    ok = [True] + [False] * len(low)
    for end in range(1, len(low) + 1):
        ok[end] = any(ok[s] and low[s:end] in SPANISH_WORDS for s in range(max(0, end - 14), end))
    return ok[-1] and len(low) >= 6


def _town_and_state(low: str) -> bool:
    """A tag that is a town followed by its state ("eugeneoregon", "bendor")."""
    towns = cities()[0]
    return any(low.endswith(st) and low[:-len(st)] in towns for st in _STATE_ENDINGS)


class HashtagNameRecognizer(NameRecognizer):
    """A hashtag that spells a person's name, reported as PERSON (the whole tag)."""

    ENTITY = "PERSON"
    PATTERNS = [Pattern("hashtag", r"(?<![\w#])(?P<v>#[^\W_]\w{2,60})", 0.7)]
    CONTEXT = []

    def __init__(self, common_words: frozenset[str] = frozenset(), non_nouns: frozenset[str] = frozenset(),
                 supported_language: str = "en"):
        super().__init__(common_words, supported_language)
        self.non_nouns = non_nouns  # words that are also verbs, adjectives or adverbs ("go", "rose", "may")
        self._word_memo: dict[str, bool] = {}

    def invalidate_result(self, pattern_text: str, text: str, start: int, end: int) -> bool:
        return not self._names_someone(pattern_text[1:])

    def _names_someone(self, tag: str) -> bool:
        low = tag.casefold()
        if _town_and_state(low):
            return False  # "#eugeneoregon", "#AustinTexas": a place tag
        if low.endswith(_NAMED_AFTER):
            return False  # #MartinLutherKingDay, #BettyWhiteChallenge: named after someone, not about them
        turning = re.fullmatch(r"([a-z]{3,})turns\d{1,3}", low)
        if turning and self._given(turning.group(1), strict=False):
            return True  # "#JoyTurns5", "#hopeturns40": someone's birthday or milestone, by their name
        for cue in _CUES:  # "#TeamMaya", "#prayersforkevin"
            rest = low[len(cue):]
            if low.startswith(cue) and len(rest) >= 3 and (self._given(rest, strict=False) or self._full_name(rest)):
                return True
        for cue in _PERSON_ONLY_CUES:
            rest = low[len(cue):]
            if low.startswith(cue) and len(rest) >= 3 and rest.isalpha() and rest in given_names():
                return True  # "#happybdayimani": a given name, though it splits into words ("i", "man", "i")
            if low.startswith(cue) and len(rest) >= 3 and rest.isalpha() and not is_vocabulary(rest, self.common_words) \
                    and not re.match(r"(?:mrs?|ms|dr|miss)[a-z]?$", rest) \
                    and not self._words(rest) and rest not in cities()[0] and not is_country_or_state(rest) \
                    and rest not in ("america", "usa"):
                return True
        if _spanish_run(low):
            return False  # "#saludmental", "#DíaDeLosMuertos": everyday Spanish run together
        if tag.islower() or tag.isupper():  # "#mariasanchez", "#liamthelion"
            if is_vocabulary(low, self.common_words) and low not in given_names():
                return False  # "#milestone" is a word, not "Miles Tone"
            return self._full_name(low) or self._run_together(low)
        if re.search(r"[A-Z]{3,}(?:[A-Z][a-z]|$)", tag):
            return False  # "#NAMIWalks", "#ADHDAwareness": an organisation's or a cause's acronym leads a campaign tag
        pieces = [p.casefold() for p in _PIECES.findall(tag)]
        if len(pieces) == 1 and pieces[0] in cities()[0]:
            return False  # "#Dayton", "#Austin": a place tag
        if len(pieces) == 2 and len(pieces[1]) >= 3 and (
                pieces[0] in _TITLES and not is_vocabulary(pieces[1], self.common_words)  # "#MrsAlvarez"
                or pieces[0] in _PERSON_LEADS and self._surname(pieces[1])  # "#BabyRodriguez"
                and not is_vocabulary(pieces[1], self.common_words)
                or pieces[0] == "the" and pieces[1].endswith("s") and self._surname(pieces[1][:-1])  # "#TheMillers"
                # "#TeamAarav": a cheer and a word no dictionary has, that is no run of words ("#TeamBrightwater")
                or pieces[0] in _PERSON_LEADS and not is_vocabulary(pieces[1], self.common_words)
                and not self._words(pieces[1]) and pieces[1] not in cities()[0] and pieces[1] not in STOP_WORDS
                and not is_country_or_state(pieces[1])):
            return True
        if any(len(a) >= 3 and len(b) >= 3 and self._given(a, strict=False) and self._surname(b)
               and not (a in self.non_nouns and is_vocabulary(b, self.common_words))
               for a, b in zip(pieces, pieces[1:])):
            return True
        # "#BracesOffBrody", "#KatieM", "#CelebrateCarol": a given name among the words, one that is
        # not also an ordinary word or a town ("#NourishCenterAustin") unless a person word leads it
        # ("#GrandmaJune", "#RunForRandy")
        return any(len(p) >= 3 and ((self._given(p, strict=True) and p not in cities()[0]) or
                                    (self._given(p, strict=False) and i and pieces[i - 1] in _PERSON_LEADS))
                   for i, p in enumerate(pieces))

    def _run_together(self, low: str) -> bool:
        """An all-lower-case tag that splits into ordinary words around one given name that
        is not itself a word: "#liamthelion", "#babyclaire", "#wewillmissyoumargaret"."""
        if is_vocabulary(low, self.common_words) or self._words(low):
            return False  # "#healing", "#survivor", "#mondaymotivation" (words all the way: a topic)
        for i in range(len(low)):
            for j in range(i + 4, len(low) + 1):
                name = low[i:j]
                if self._given(name, strict=True) and self._words(low[:i]) and self._words(low[j:]):
                    return True
        return False

    def _words(self, run: str) -> bool:
        """``run`` splits into dictionary words (or is empty)."""
        ok = [True] + [False] * len(run)
        for end in range(1, len(run) + 1):
            ok[end] = any(ok[s] and ((end - s >= 3 and self._word(run[s:end])) or run[s:end] in _SMALL_WORDS)
                          for s in range(max(0, end - 15), end))
        return ok[-1]

    def _word(self, piece: str) -> bool:
        """A dictionary word, or one with its ending ("diagnosed", "parenting", "fighters") (asked for every
        piece of every split of a tag: remembered per recognizer)."""
        known = self._word_memo.get(piece)
        if known is None:
            known = self._word_memo[piece] = self._inflected_word(piece)
        return known

    def _inflected_word(self, piece: str) -> bool:
        if piece in self.common_words:
            return True
        m = _ENDING.search(piece)
        stem = piece[:m.start()] if m else piece
        return len(stem) >= 4 and stem != piece and (stem in self.common_words or stem + "e" in self.common_words
                                                      or (len(stem) > 4 and stem[-1] == stem[-2]
                                                          and stem[:-1] in self.common_words))

    def _given(self, word: str, strict: bool) -> bool:
        """strict: a given name that is not also an ordinary word."""
        if word not in given_names() or word in STOP_WORDS:  # "#YouMatter": a pronoun, not the name You
            return False
        return not strict or not is_vocabulary(word, self.common_words)

    @staticmethod
    def _surname(word: str) -> bool:
        return word in common_surnames()

    def _full_name(self, run: str) -> bool:
        """An all-lower-case run that splits into a given name and a surname."""
        return any(self._given(run[:i], strict=False) and self._surname(run[i:]) for i in range(3, len(run) - 2))
