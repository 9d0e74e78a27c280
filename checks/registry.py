"""The one registry of checks: adding a check is one file plus one line here."""
from __future__ import annotations

from typing import Callable

from checks.base import Check, CheckContext

CheckFactory = Callable[[CheckContext], Check]


def _phi(ctx: CheckContext) -> Check:
    from checks.phi.check import PhiCheck
    return PhiCheck.from_context(ctx)


def _consent(ctx: CheckContext) -> Check:
    from checks.consent import ConsentCheck
    return ConsentCheck.from_context(ctx)


def _policy(ctx: CheckContext) -> Check:
    from checks.policy.check import PolicyCheck
    return PolicyCheck.from_context(ctx)


REGISTRY: dict[str, CheckFactory] = {
    "phi": _phi,
    "policy": _policy,
    "consent": _consent,
}


class UnknownCheck(ValueError):
    pass


def build_checks(names: list[str], make_context: Callable[[str], CheckContext]) -> list[Check]:
    """Instantiate the configured checks; an empty or unknown list refuses to start."""
    if not names:
        raise UnknownCheck("checks.enabled: at least one check must be enabled")
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise UnknownCheck(
            f"checks.enabled: unknown check(s) {', '.join(unknown)}; known: {', '.join(REGISTRY)}"
        )
    return [REGISTRY[n](make_context(n)) for n in names]
