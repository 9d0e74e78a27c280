"""CLEARPOST_DATA_KEY: only a Fernet key starts the server, and a key changed since texts were
stored leaves those texts unreadable but every page working (issue 18)."""
from __future__ import annotations

import pytest
import yaml
from aiohttp.test_utils import TestServer
from cryptography.fernet import Fernet

from bot.accounts import add_user
from bot.app import build_services
from bot.config import ConfigError, load_config
from bot.server import build_web_app
from tests.conftest import EXAMPLE_PROFILE, make_config
from tests.console_client import OFFICERS, PASSWORDS, PHI_DRAFT, ConsoleClient, submit

KEY_A, KEY_B = Fernet.generate_key().decode(), Fernet.generate_key().decode()


@pytest.mark.parametrize("key", ["k", "a-long-passphrase-for-tests-only", KEY_A[:-2], KEY_A + "x"])
def test_when_the_data_key_is_not_a_fernet_key_then_start_up_is_refused_naming_it(tmp_path, key):
    p = tmp_path / "config.yml"
    p.write_text(yaml.safe_dump(EXAMPLE_PROFILE))
    with pytest.raises(ConfigError) as e:
        load_config(p, environ={"CLEARPOST_DATA_KEY": key})
    assert "CLEARPOST_DATA_KEY is not a Fernet key" in str(e.value)
    assert len(key) < 8 or key not in str(e.value)  # the secret is never echoed
    assert load_config(p, environ={"CLEARPOST_DATA_KEY": KEY_A}).secrets.data_key == KEY_A


def _services(db_url, analyzer, key):
    cfg = make_config(db_url, secrets={"data_key": key}, officers=OFFICERS,
                      storage={"database_url": db_url, "store_draft_text": True, "purge_text_after_days": 30})
    return build_services(cfg, analyzer=analyzer)


async def _serve(services):
    server = TestServer(build_web_app(services), host="127.0.0.1")
    await server.start_server()
    return server


async def test_when_the_data_key_changes_then_the_review_page_says_so_instead_of_failing(db_url, analyzer):
    first = _services(db_url, analyzer, KEY_A)
    for name in ("officer", "staff1"):
        add_user(first.engine, name, PASSWORDS[name], "officer" if name == "officer" else "staff")
    server = await _serve(first)
    staff = ConsoleClient(str(server.make_url("/")))
    try:
        await staff.sign_in("staff1", PASSWORDS["staff1"])
        review_id = await submit(staff, PHI_DRAFT, "instagram")
        status, page = await staff.get(f"/console/reviews/{review_id}")
        assert status == 200 and 'id="draft"' in page and 'id="unreadable"' not in page  # same key: readable
    finally:
        await staff.close()
        await server.close()
        first.pipeline.close()
        first.engine.dispose()

    second = _services(db_url, analyzer, KEY_B)
    server = await _serve(second)
    staff, officer = ConsoleClient(str(server.make_url("/"))), ConsoleClient(str(server.make_url("/")))
    try:
        await staff.sign_in("staff1", PASSWORDS["staff1"])
        status, page = await staff.get(f"/console/reviews/{review_id}")
        assert status == 200
        assert 'id="unreadable"' in page and "different <code>CLEARPOST_DATA_KEY</code>" in page
        assert 'id="draft"' not in page and 'id="rewrite"' not in page and 'id="findings"' in page
        await officer.sign_in("officer", PASSWORDS["officer"])
        status, page = await officer.get("/console/queue")
        assert status == 200 and f"/console/reviews/{review_id}" in page
        status, page = await officer.post(f"/console/reviews/{review_id}/decide", {"action": "reject"})
        assert status == 200 and 'id="state">REJECTED' in page  # deciding still works
    finally:
        await staff.close()
        await officer.close()
        await server.close()
        second.pipeline.close()
        second.engine.dispose()
