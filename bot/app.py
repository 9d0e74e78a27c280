"""The composition root: config -> database -> analyzer -> checks -> service.

Everything is built here once and passed down; there are no module-level
singletons, so tests build as many independent instances as they need."""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from functools import partial
from typing import Awaitable, Callable

from sqlalchemy.engine import Engine

from bot.config import Config, ConfigError
from bot.consent.lookup import ConsentLookup
from bot.consent.settings import ConsentSettings
from bot.db import make_engine, transaction, upgrade
from bot.intake import Intake
from bot.pipeline import Pipeline
from bot.review_service import ReviewService
from bot.reminders import jobs as reminder_jobs
from bot.scheduler import Scheduler
from bot import audit
from checks.base import CheckContext
from checks.phi.analyzer import PhiAnalyzer
from checks.phi.processes import AnalyzerProcesses
from checks.phi.settings import parse_phi_settings
from checks.reading import with_reading
from checks.roles import staff_first_names
from checks.registry import UnknownCheck, build_checks


@dataclass
class Services:
    config: Config
    engine: Engine
    analyzer: PhiAnalyzer | AnalyzerProcesses
    pipeline: Pipeline
    reviews: ReviewService
    consents: ConsentLookup  # the /consent look-up: services.consents.lookup(query) -> LookupAnswer
    intake: Intake  # new drafts from chat platforms, stored in group commits
    # adapters' background work to finish on shutdown, after the reviews: drain(timeout seconds)
    drainers: list[Callable[[float], Awaitable[None]]] = field(default_factory=list)
    # chat adapters' delivery of reminders and notices (bot/reminders.py), by platform
    notifiers: dict = field(default_factory=dict)
    scheduler: Scheduler | None = None  # reminders and notices; `serve` runs its loop (bot/server.py)

    def close(self) -> None:
        """Stop the check threads and analysis workers, and close database connections."""
        self.pipeline.close()
        if isinstance(self.analyzer, AnalyzerProcesses):
            self.analyzer.close()
        self.engine.dispose()


def practice_safe_values(config: Config) -> list[str]:
    p = config.profile.practice
    return [p.name, *short_names(p.name), *p.addresses, *p.phones, *p.emails, *p.websites, *p.staff, *p.handles]


# words that say what kind of practice it is, which people drop in speech
_KIND_OF_PRACTICE = re.compile(
    r"(?:\s+(?:&\s+)?(?:counseling|counselling|therapy|therapies|physical|behavioral|mental|health|wellness|clinic|"
    r"center|centre|practice|group|associates|services|dental|dentistry|chiropractic|psychiatry|psychology|"
    r"pediatrics|medical|care|family|pt|llc|pllc|inc\.?))+$", re.IGNORECASE)


def short_names(name: str) -> list[str]:
    """ "Harbor Light Counseling" is "Harbor Light" in a caption ("— a Harbor Light client"): the
    name without its kind-of-practice words, when at least two words are left (a one-word
    remainder such as "Grace" could be anyone's name)."""
    short = _KIND_OF_PRACTICE.sub("", name.strip())
    return [short] if short != name.strip() and len(short.split()) >= 2 else []


def build_services(config: Config, *, analyzer: PhiAnalyzer | None = None,
                   engine: Engine | None = None, actor: str = "clearpost",
                   analysis_processes: int = 0) -> Services:
    """``analysis_processes``: run the PHI analysis in that many worker processes
    (`clearpost serve`); 0 runs it in this process (one-off commands, tests)."""
    engine = engine or make_engine(config.database_url)
    upgrade(engine)
    settings = config.profile.checks.settings
    unknown = set(settings) - set(config.profile.checks.enabled)
    if unknown:
        raise ConfigError(f"checks.settings.{sorted(unknown)[0]}: settings for a check that is not enabled")
    phi = parse_phi_settings(settings.get("phi", {}))
    if analyzer is None:
        options = {"safe_values": practice_safe_values(config), "score_threshold": phi.score_threshold,
                   "extra_safe_terms": list(phi.extra_safe_terms), "unknown_proper_nouns": phi.unknown_proper_nouns,
                   "informal_ner": phi.informal_ner}
        analyzer = (AnalyzerProcesses(options, analysis_processes, config.profile.checks.timeout_seconds)
                    if analysis_processes else PhiAnalyzer(**options))
    try:
        checks = build_checks(
            list(config.profile.checks.enabled),
            lambda name: CheckContext(config=config, engine=engine, settings=settings.get(name, {})),
        )
    except UnknownCheck as e:
        raise ConfigError(str(e)) from None
    colleagues = staff_first_names(config.profile.practice.staff)
    pipeline = Pipeline(analyzer.analyze, checks, config.profile.checks.timeout_seconds,
                        read=partial(with_reading, staff_first_names=colleagues), images=config.profile.images)
    with transaction(engine) as s:
        audit.append(s, actor, "config_loaded", details={"sha256": config.sha256,
                                                         "checks": list(config.profile.checks.enabled)})
    consents = ConsentLookup(engine, ConsentSettings.parse(settings.get("consent")).expiring_days)
    reviews = ReviewService(config, engine, pipeline)
    services = Services(config, engine, analyzer, pipeline, reviews, consents, Intake(reviews))
    services.scheduler = Scheduler(engine, reminder_jobs(config, engine, services.notifiers, consents.expiring_days),
                                   every_seconds=config.profile.reminders.check_every_seconds)
    return services
