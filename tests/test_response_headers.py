"""Every answer of the web server carries the security headers and no version
banner: pages, redirects, plain 404/405 errors and the health check alike."""
from __future__ import annotations

import pytest

from tests.console_client import site  # noqa: F401 - fixture


@pytest.mark.parametrize("method,path", [("GET", "/"), ("GET", "/no/such/page"), ("PUT", "/console/review"),
                                         ("GET", "/healthz"), ("GET", "/console/sign-in")])
async def test_when_anything_answers_then_it_carries_the_security_headers_and_no_banner(site, method, path):
    _services, client = site
    c = client()
    async with c.http.request(method, c.base + path, allow_redirects=False) as resp:
        assert resp.headers.get("X-Content-Type-Options") == "nosniff"
        assert resp.headers.get("X-Frame-Options") == "DENY"
        assert "frame-ancestors 'none'" in resp.headers.get("Content-Security-Policy", "")
        assert "aiohttp" not in resp.headers.get("Server", "") and "Python" not in resp.headers.get("Server", "")
