"""Build checks/phi/names_not_words.txt: given names that WordNet also lists as
words ("john", "sarah", "oliver", "isabella") but that English writes almost
always with a capital, so they are names, not vocabulary.

WordNet (the spaCy lemmatizer's index, which the recognizers use to tell words
from names) holds many people and places as lower-case entries: the apostle
John, Tiffany the jeweller, Santiago the city. Left in, they stop the lower-case
and hashtag name rules from finding "isabella told dr reyes ..." or
"#OliverWalks". Names that really are words ("hope", "will", "mercy", "grace",
"mark") stay words: people write them in lower case far more often.

The measure is spaCy's English word log-probabilities (spacy-lookups-data,
MIT; case-sensitive, from a large web corpus): a name is kept on the list
when its capitalised form is at least e^1.5 (about 4.5) times as frequent as
its lower-case form. Capitalised counts include sentence starts, which only
makes the test stricter for real words. Run by a developer (the package is
the `train` extra, about 100 MB; the runtime reads only the shipped list):

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python training/names/make_names_not_words.py [en_lexeme_prob.json.gz]
"""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "checks" / "phi" / "names_not_words.txt"
MARGIN = 1.5  # natural-log units: capitalised at least e^1.5 times as often as lower case
UNSEEN = -25.0
# capitalised for another reason than being a person's name: languages, peoples, faiths,
# holidays, brands and heavenly bodies a post may mention in lower case
NOT_PERSONS = {
    "america", "asia", "christ", "christian", "christmas", "easter", "english", "german", "islam", "jesus", "roman",
    "romans", "santa", "nike", "apollo", "venus", "thor", "eden", "valentine", "genesis", "virgo", "broadway",
    "marvel", "thai", "kurd", "baptist", "oh", "hi", "ok", "ma", "pa",
}


def main(prob_path: str | None) -> int:
    from spacy.lang.en.stop_words import STOP_WORDS

    from checks.phi.analyzer import _nlp_engine, _wordnet_words
    from checks.phi.lexicon import MONTHS, WEEKDAYS, given_names, is_country_or_state
    words = _wordnet_words(_nlp_engine())
    if prob_path is None:
        import spacy_lookups_data
        prob_path = str(Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz")
    prob = json.load(gzip.open(prob_path, "rt", encoding="utf-8"))
    keep = []
    for w in sorted(given_names() & words):
        if (" " in w or "-" in w or w in STOP_WORDS or w in MONTHS or w in WEEKDAYS or w in NOT_PERSONS
                or is_country_or_state(w)):
            continue
        lower, capital = prob.get(w, UNSEEN), prob.get(w[:1].upper() + w[1:], UNSEEN)
        if capital > UNSEEN and capital - lower >= MARGIN:
            keep.append(w)
    OUT.write_text("# given names WordNet lists as words but English writes capitalised "
                   "(training/names/make_names_not_words.py)\n" + "\n".join(keep) + "\n", encoding="utf-8")
    print(f"{len(keep)} names written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else None))
