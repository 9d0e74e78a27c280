"""Consent registry at size: 100,000 patients and 300,000 consents, on SQLite
and on PostgreSQL (a throwaway database, created and dropped here).

    .venv/bin/python benchmarks/consent_benchmark.py [--patients N] [--pg-url URL | --no-pg] [--no-sqlite]

Prints the import time of the first 100,000 rows, look-up p50/p95 and the
consent check's cost per ~280-character draft (name matching plus decision;
the PERSON spans are given, so Presidio's own time is not in it; "our CPU"
is this process's CPU time, without the database server's or other load). Targets:
look-up p95 <= 20 ms, matching <= 5 ms per draft, import <= 60 s. Synthetic
names only; the machine is shared, so figures are noisy."""
from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from bot.consent.lookup import ConsentLookup  # noqa: E402
from bot.consent.matcher import find_mentions  # noqa: E402
from bot.consent.registry import ConsentRegistry  # noqa: E402
from bot.consent.settings import ConsentSettings  # noqa: E402
from bot.consent.vocab import PLATFORMS, SCOPES  # noqa: E402
from bot.db import make_engine, scratch_database, upgrade  # noqa: E402
from bot.domain import Draft, MessageRef  # noqa: E402
from checks.base import Analysis, Entity  # noqa: E402
from checks.consent import ConsentCheck  # noqa: E402
from sqlmodel import Session  # noqa: E402

FIRST = ("James Robert John Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew "
         "Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward "
         "Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin "
         "Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan "
         "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty "
         "Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah "
         "Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma "
         "Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather "
         "Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Zoë "
         "José Łukasz Søren Chloé Renée Inés Mateo Priya Aisha Wei Hiroshi Olga Dmitri Siobhan").split()
LAST = ("Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
        "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris "
        "Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill "
        "Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips "
        "Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers "
        "Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson "
        "Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders "
        "Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler "
        "Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton "
        "Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina "
        "Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Washington "
        "Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter "
        "Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Muñoz Hunt Hicks Holmes Palmer Wagner Black "
        "Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson "
        "Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce "
        "Hansen Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane "
        "Riley Andrews Ruiz Harper Fox Riley Armstrong Carpenter Weaver Greene Lawrence Elliott Chavez "
        "Sims Austin Peters Kelley Franklin Lawson Fields Gutierrez Ryan Schmidt Carr Vasquez Castillo "
        "Wheeler Chapman Oliver Montgomery Richards Williamson Johnston Banks Meyer Bishop McCoy Howell "
        "Alvarez Morrison Hansen Fernandez Garza Harvey Little Burton Stanley Nguyen George Jacobs Reid "
        "O'Brien O'Connor Kowalski Novak Horvath Dubois Rossi Müller Björk Nakamura Okafor Haddad").split()
FILLER = ("We are grateful to every client who trusts us with their story. Our team offers individual, "
          "couples and family therapy, with evening hours. Reach out to learn more about our approach.")


def make_patients(n: int, rng: random.Random) -> list[tuple[str, str, str, str]]:
    """(patient_id, display_name, aliases, handles) with realistic shared names."""
    out = []
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name = f"{first} {rng.choice(FIRST)} {last}" if rng.random() < 0.2 else f"{first} {last}"
        handle = f"@{first.lower()}{last.lower()}{i}" if rng.random() < 0.3 else ""
        alias = f"{first[:3]} {last}" if rng.random() < 0.1 else ""
        out.append((f"P-{i:06d}", name, alias, handle))
    return out


def csv_rows(patients, per_patient: int, rng: random.Random, start_id: int, with_patient_details: bool) -> str:
    buf = io.StringIO()
    buf.write("consent_id,patient_id,display_name,aliases,handles,scopes,platforms,granted_on,expires_on,"
              "withdrawn_on,withdrawn_reason,document_ref\n")
    cid, base = start_id, date(2025, 1, 1)
    for pid, name, alias, handle in patients:
        for _ in range(per_patient):
            scopes = ";".join(rng.sample(SCOPES, rng.randint(1, 3)))
            platforms = ";".join(rng.sample(PLATFORMS, rng.randint(1, 3)))
            granted = base + timedelta(days=rng.randint(0, 600))
            expires = (granted + timedelta(days=rng.randint(200, 900))).isoformat() if rng.random() < 0.6 else ""
            withdrawn, reason = ("", "")
            if rng.random() < 0.05:
                withdrawn, reason = (granted + timedelta(days=30)).isoformat(), "patient request"
            a, h = (alias, handle) if with_patient_details else ("", "")
            name_field = f'"{name}"' if "," in name else name
            buf.write(f"C-{cid},{pid},{name_field},{a},{h},{scopes},{platforms},{granted.isoformat()},{expires},"
                      f"{withdrawn},{reason},scan/{cid}.pdf\n")
            cid += 1
    return buf.getvalue()


def drafts(patients, n: int, rng: random.Random) -> list[tuple[Draft, Analysis]]:
    """~280-character testimonials naming one patient (a third also tag a handle)."""
    out = []
    for i in range(n):
        pid, name, _alias, handle = rng.choice(patients)
        head = f"Testimonial from {name}: \"I finally feel like myself again, thank you all.\" "
        tail = f" {handle}" if handle and i % 3 == 0 else ""
        body = (head + FILLER)[: 280 - len(tail)] + tail
        start = body.index(name)
        analysis = Analysis(entities=(Entity("PERSON", start, start + len(name), 0.85),))
        out.append((Draft(text=body, author="bench", ref=MessageRef("cli", "b", "b", str(i)),
                          platforms=("instagram",)), analysis))
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def bench(label: str, url: str, n_patients: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    engine = make_engine(url)
    upgrade(engine)
    registry = ConsentRegistry(engine)
    patients = make_patients(n_patients, rng)
    first = csv_rows(patients, 1, rng, 1, True)
    rest = csv_rows(patients, 2, rng, n_patients + 1, False)
    t = time.perf_counter()
    registry.import_csv("bench", io.StringIO(first))
    t_import = time.perf_counter() - t
    t = time.perf_counter()
    registry.import_csv("bench", io.StringIO(rest))
    t_rest = time.perf_counter() - t
    print(f"[{label}] import of {n_patients:,} rows (new patients, names indexed): {t_import:.1f} s"
          f"   + {2 * n_patients:,} more consents: {t_rest:.1f} s")

    lookup = ConsentLookup(engine)
    queries = []
    for _ in range(1000):
        pid, name, _a, handle = rng.choice(patients)
        queries.append(rng.choice([pid, name, name.lower(), handle or pid, f"C-{rng.randint(1, 3 * n_patients)}"]))
    for q in queries[:50]:
        lookup.lookup(q)  # warm the pool and caches
    times = []
    ambiguous = 0
    for q in queries:
        t = time.perf_counter()
        answer = lookup.lookup(q)
        times.append((time.perf_counter() - t) * 1000)
        ambiguous += bool(answer.ambiguous)
    print(f"[{label}] look-up ({len(queries)} queries: ids, names, handles; {ambiguous} ambiguous): "
          f"p50 {pct(times, 50):.2f} ms  p95 {pct(times, 95):.2f} ms")

    check = ConsentCheck(engine, ConsentSettings())
    sample = drafts(patients, 500, rng)
    for d, a in sample[:20]:
        check.run(d, a)
    match_t, match_cpu, check_t, found = [], [], [], 0
    for d, a in sample:
        spans = [(e.start, e.end) for e in a.entities]
        t, c = time.perf_counter(), time.thread_time()
        with Session(engine) as s:
            mentions = find_mentions(s, d.text, spans, with_initials=True)
        match_t.append((time.perf_counter() - t) * 1000)
        match_cpu.append((time.thread_time() - c) * 1000)
        t = time.perf_counter()
        findings = check.run(d, a)
        check_t.append((time.perf_counter() - t) * 1000)
        found += bool(mentions) and bool(findings)
    print(f"[{label}] matching per {len(sample[0][0].text)}-char draft: p50 {pct(match_t, 50):.2f} ms  "
          f"p95 {pct(match_t, 95):.2f} ms (our CPU p50 {pct(match_cpu, 50):.2f} ms)   whole consent check: p50 {pct(check_t, 50):.2f} ms  "
          f"p95 {pct(check_t, 95):.2f} ms   ({found}/{len(sample)} drafts matched a patient)")
    engine.dispose()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--patients", type=int, default=100_000)
    ap.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/test",
                    help="an existing database to connect to; the benchmark creates and drops its own")
    ap.add_argument("--no-pg", action="store_true")
    ap.add_argument("--no-sqlite", action="store_true")
    args = ap.parse_args()
    print(f"{args.patients:,} patients, {3 * args.patients:,} consents (synthetic); shared machine, noisy figures")
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            bench("sqlite", f"sqlite:///{tmp}/bench.db", args.patients)
    if args.no_pg:
        return
    with scratch_database(args.pg_url, "clearpost_bench") as scratch:
        bench("postgresql", scratch, args.patients)

if __name__ == "__main__":
    main()
