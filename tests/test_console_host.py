"""The console answers only for its own host name (DNS rebinding, issue 19): server.public_origin
when set, otherwise an IP address or localhost. Real HTTP on 127.0.0.1 with forged Host headers."""
from __future__ import annotations

import copy

import aiohttp
import pytest
import yaml
from aiohttp.test_utils import TestServer

from bot.accounts import add_user
from bot.app import build_services
from bot.config import ConfigError, Server, load_config
from bot.server import build_web_app
from tests.conftest import EXAMPLE_PROFILE, make_config
from tests.console_client import CSRF, OFFICERS, PASSWORDS


@pytest.fixture
async def serve(db_url, analyzer):
    built = []

    async def start(**server):
        services = build_services(make_config(db_url, officers=OFFICERS,
                                              server={**EXAMPLE_PROFILE["server"], **server}), analyzer=analyzer)
        add_user(services.engine, "officer", PASSWORDS["officer"], "officer")
        app = TestServer(build_web_app(services), host="127.0.0.1")
        await app.start_server()
        built.append((services, app))
        return app.port

    yield start
    for services, app in built:
        await app.close()
        services.pipeline.close()
        services.engine.dispose()


async def _get(port: int, path: str, host: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{port}{path}", headers={"Host": host},
                            allow_redirects=False) as r:
            return r.status, await r.text()


async def _sign_in(port: int, host: str) -> tuple[int, bool]:
    """A full sign-in (form, CSRF cookie, POST) with Host and Origin set to ``host``."""
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        base, headers = f"http://127.0.0.1:{port}", {"Host": host, "Origin": f"http://{host}"}
        async with http.get(base + "/console/login", headers=headers) as r:
            page = await r.text()
        token = CSRF.search(page).group(1) if CSRF.search(page) else "none"
        async with http.post(base + "/console/login", headers=headers, allow_redirects=False,
                             data={"username": "officer", "password": PASSWORDS["officer"], "csrf": token}) as r:
            return r.status, any(c.key == "clearpost_session" for c in http.cookie_jar)


async def test_when_no_public_origin_then_only_addresses_and_localhost_reach_the_console(serve):
    port = await serve()
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "127.0.0.1", f"[::1]:{port}"):
        assert (await _get(port, "/console/login", host))[0] == 200, host
    for host in (f"attacker.example:{port}", "attacker.example", f"127.0.0.1.attacker.example:{port}"):
        status, body = await _get(port, "/console/login", host)
        assert status == 421 and "server.public_origin" in body, host
        assert (await _get(port, "/", host))[0] == 421
        assert (await _get(port, "/console/static/console.css", host))[0] == 421
    assert (await _get(port, "/healthz", "attacker.example"))[0] == 200  # not a console route
    status, signed_in = await _sign_in(port, f"attacker.example:{port}")
    assert status == 421 and not signed_in
    status, signed_in = await _sign_in(port, f"127.0.0.1:{port}")
    assert status == 303 and signed_in


async def test_when_a_public_origin_is_set_then_only_its_host_and_port_reach_the_console(serve):
    port = await serve(public_origin="https://ClearPost.example.org/")
    assert (await _get(port, "/console/login", "clearpost.example.org"))[0] == 200
    assert (await _get(port, "/console/login", "clearpost.example.org:443"))[0] == 200
    for host in ("clearpost.example.org:8443", f"127.0.0.1:{port}", "localhost", "attacker.example"):
        status, body = await _get(port, "/console/login", host)
        assert status == 421 and "server.public_origin" in body, host
    status, _ = await _sign_in(port, "attacker.example")
    assert status == 421


@pytest.mark.parametrize("value,stored", [
    ("https://clearpost.example.org", "https://clearpost.example.org"),
    ("http://Console.Local:8080/", "http://console.local:8080"),
    ("https://[::1]:3443", "https://[::1]:3443"),
])
def test_when_public_origin_is_an_origin_then_it_is_kept_normalised(value, stored):
    assert Server(public_origin=value).public_origin == stored


@pytest.mark.parametrize("value", ["clearpost.example.org", "ftp://clearpost.example.org",
                                   "https://clearpost.example.org/console", "https://user@clearpost.example.org",
                                   "https://clearpost.example.org?x=1", "https://clearpost.example.org:99999", 3000])
def test_when_public_origin_is_not_an_origin_then_start_up_is_refused_naming_the_key(tmp_path, value):
    profile = copy.deepcopy(EXAMPLE_PROFILE)
    profile["server"]["public_origin"] = value
    p = tmp_path / "config.yml"
    p.write_text(yaml.safe_dump(profile))
    with pytest.raises(ConfigError) as e:
        load_config(p, environ={})
    assert "server.public_origin" in str(e.value)
    profile["server"]["public_origins"] = "https://x.example"
    del profile["server"]["public_origin"]
    p.write_text(yaml.safe_dump(profile))
    with pytest.raises(ConfigError, match="server.public_origins: unknown key"):
        load_config(p, environ={})
