"""Signing keys playing the Bot Framework channel service's, and tokens signed with them.

The connector library checks an inbound token against the keys published at
``login.botframework.com`` (JWKS, each key with the channels it ``endorses``)
and against the issuer, audience, expiry and ``serviceurl`` claims; this
module makes keys and tokens that get each of those right or wrong on purpose."""
from __future__ import annotations

import json
import time
from dataclasses import dataclass

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

ISSUER = "https://api.botframework.com"  # what the public cloud channel service signs as


@dataclass
class ChannelKey:
    kid: str
    endorsements: list[str]
    private: rsa.RSAPrivateKey

    def jwk(self) -> dict:
        """The public half as the Bot Framework publishes it (kid, endorsements)."""
        public = json.loads(RSAAlgorithm.to_jwk(self.private.public_key()))
        return {**public, "kty": "RSA", "use": "sig", "kid": self.kid, "endorsements": self.endorsements}


def new_key(kid: str, endorsements: list[str]) -> ChannelKey:
    return ChannelKey(kid, endorsements, rsa.generate_private_key(public_exponent=65537, key_size=2048))


def _claims(audience: str, service_url: str | None, issuer: str, lifetime: int, issued_ago: int, extra: dict) -> dict:
    now = int(time.time())
    claims = {"iss": issuer, "aud": audience, "nbf": now - issued_ago, "iat": now - issued_ago,
              "exp": now - issued_ago + lifetime, **extra}
    if service_url is not None:
        claims["serviceurl"] = service_url
    return claims


def channel_token(key: ChannelKey, *, audience: str, service_url: str | None, issuer: str = ISSUER,
                  lifetime: int = 3600, issued_ago: int = 60, kid: str | None = None, **extra) -> str:
    """A token as the channel service sends one to a bot (RS256, ``kid`` naming the key).

    ``kid`` lets a test claim one key's id while signing with another; a negative
    ``lifetime`` relative to ``issued_ago`` makes a token that has expired."""
    claims = _claims(audience, service_url, issuer, lifetime, issued_ago, extra)
    return jwt.encode(claims, key.private, algorithm="RS256", headers={"kid": kid or key.kid})


def forged_token(kid: str, algorithm: str, *, audience: str, service_url: str, secret: str | None = None) -> str:
    """Right claims and a published ``kid``, but not RS256: unsigned (``none``) or HMAC with
    a secret of the forger's choosing, the classic algorithm-confusion attempts."""
    claims = _claims(audience, service_url, ISSUER, 3600, 60, {})
    return jwt.encode(claims, secret if algorithm != "none" else None, algorithm=algorithm, headers={"kid": kid})
