"""Strict profile validation: unknown keys and wrong types stop start-up naming the key."""
import pytest

from bot.app import build_services
from bot.config import ConfigError, load_config, parse_profile
from tests.conftest import ROOT, make_config

BASE = "practice:\n  name: Harbor Light\n"


def test_when_example_profile_loaded_then_it_validates():
    cfg = load_config(ROOT / "config.example.yml", environ={})
    assert cfg.profile.practice.name == "Harbor Light Counseling"
    assert cfg.profile.reactions.approve == "white_check_mark"
    assert len(cfg.sha256) == 64


@pytest.mark.parametrize("yaml_text,key", [
    (BASE + "colour: blue\n", "colour"),
    (BASE + "  fax: 1\n", "practice.fax"),
    (BASE + "server:\n  port: '3000'\n", "server.port"),
    (BASE + "server:\n  port: 70000\n", "server.port"),
    (BASE + "storage:\n  store_draft_text: 'yes'\n", "storage.store_draft_text"),
    (BASE + "officers:\n  slack: U1\n", "officers.slack"),
    (BASE + "review_channels:\n  - platform: irc\n    channel: x\n", "review_channels.0.platform"),
    (BASE + "review_channels:\n  - platform: slack\n    channel: C1\n    default_targets: [myspace]\n",
     "review_channels.0.default_targets"),
    (BASE + "checks:\n  timeout_seconds: 0\n", "checks.timeout_seconds"),
    ("officers: {}\n", "practice"),
])
def test_when_profile_is_wrong_then_error_names_the_key(yaml_text, key):
    with pytest.raises(ConfigError) as e:
        parse_profile(yaml_text, "test.yml")
    assert f"  {key}:" in str(e.value)


@pytest.mark.parametrize("text", ["- a\n- b\n", "practice: [unclosed\n", ""])
def test_when_profile_is_not_a_mapping_then_it_refuses(text):
    with pytest.raises(ConfigError):
        parse_profile(text, "test.yml")


def test_when_config_file_missing_then_error_names_clearpost_config(tmp_path):
    with pytest.raises(ConfigError) as e:
        load_config(environ={"CLEARPOST_CONFIG": str(tmp_path / "nope.yml")})
    assert "CLEARPOST_CONFIG" in str(e.value)


def test_when_secrets_in_environment_then_they_are_read_once(tmp_path):
    p = tmp_path / "c.yml"
    p.write_text(BASE)
    cfg = load_config(p, environ={"SLACK_BOT_TOKEN": "xoxb-1", "DATABASE_URL": "sqlite:///x.db"})
    assert cfg.secrets.slack_bot_token == "xoxb-1"
    assert cfg.database_url == "sqlite:///x.db"


def test_when_storing_text_without_data_key_then_it_refuses(tmp_path):
    p = tmp_path / "c.yml"
    p.write_text(BASE + "storage:\n  store_draft_text: true\n")
    with pytest.raises(ConfigError) as e:
        load_config(p, environ={})
    assert "CLEARPOST_DATA_KEY" in str(e.value)
    key = "XgvRl2ZM6WW8EPhGNSPJ8qtB5N0NbQTWoFL5E4FnlKk="  # a Fernet key (tests/test_data_key.py)
    assert load_config(p, environ={"CLEARPOST_DATA_KEY": key}).profile.storage.store_draft_text


@pytest.mark.parametrize("enabled,needle", [([], "at least one"), (["phi", "horoscope"], "horoscope")])
def test_when_check_list_empty_or_unknown_then_start_refuses(enabled, needle, analyzer, tmp_path):
    cfg = make_config(f"sqlite:///{tmp_path / 'c.db'}", checks={"enabled": enabled})
    with pytest.raises(ConfigError) as e:
        build_services(cfg, analyzer=analyzer)
    assert "checks.enabled" in str(e.value) and needle in str(e.value)


def test_when_settings_name_a_disabled_check_then_start_refuses(analyzer, tmp_path):
    cfg = make_config(f"sqlite:///{tmp_path / 'c.db'}", checks={"enabled": ["phi"], "settings": {"policy": {}}})
    with pytest.raises(ConfigError) as e:
        build_services(cfg, analyzer=analyzer)
    assert "checks.settings.policy" in str(e.value)
