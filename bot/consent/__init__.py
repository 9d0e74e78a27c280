"""The consent registry: patients, their written authorizations, the name
index that finds them in a draft, and the look-up service behind /consent."""
from bot.consent.lookup import ConsentLookup, LookupAnswer
from bot.consent.registry import ConsentRegistry
from bot.consent.targets import consent_references, target_platforms

__all__ = ["ConsentLookup", "LookupAnswer", "ConsentRegistry", "consent_references", "target_platforms"]
