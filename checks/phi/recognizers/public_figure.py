"""Well-known people written in any case ("naomi osaka", "BRENÉ BROWN"): the
small spaCy model misreads them in lower case (Osaka as a city), so the list
in checks/phi/public_figures.txt finds them as PERSON; checks/roles.py then
reads them as public figures, not patients."""
from __future__ import annotations

import re

from presidio_analyzer import Pattern

from checks.phi.lexicon import public_figures
from checks.phi.recognizers.base import SpanPatternRecognizer


def _alternation() -> str:
    names = sorted(public_figures(), key=len, reverse=True)
    return "|".join(r"[ \t]+".join(re.escape(w) for w in n.split()) for n in names)


class PublicFigureRecognizer(SpanPatternRecognizer):
    """A listed public figure's full name, in any case, as PERSON."""

    ENTITY = "PERSON"
    # "Matt Haigs" (a possessive that lost its apostrophe) is still Matt Haig
    PATTERNS = [Pattern("public_figure", rf"(?<![\w@#])(?P<v>{_alternation()})(?:s)?(?![\w])", 0.95)]
    CONTEXT = []
