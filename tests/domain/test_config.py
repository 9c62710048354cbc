"""Loading the configuration: demo defaults, the TOML file, environment overrides."""

from __future__ import annotations

from pathlib import Path

import phonenumbers
import pytest

from plivo_sandbox.core.config_file import ConfigError, load_config
from plivo_sandbox.core.settings import DEFAULT_DATA_DIR

EXAMPLE = Path(__file__).resolve().parents[2] / "plivo_sandbox" / "server" / "sandbox.example.toml"
MAIN = "MADEMO1234567890ABCD"
SUB = "SADEMO1234567890ABCD"


def write(tmp_path: Path, text: str) -> Path:
    """A config file holding ``text``."""
    path = tmp_path / "sandbox.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_without_a_file_the_demo_configuration_applies() -> None:
    config = load_config(env={})

    main, sub = config.accounts[MAIN], config.accounts[SUB]
    assert (main.auth_token, sub.auth_token) == ("demo-auth-token", "demo-subaccount-token")
    assert sub.is_subaccount and sub.parent == MAIN and not main.is_subaccount
    assert (config.host, config.port, config.data_dir) == ("127.0.0.1", 8000, DEFAULT_DATA_DIR)
    assert (config.verify_code_ttl, config.verify_list_rate_limit) == (600, 20)
    assert dict(config.verify_charges) == {"sms": "0.08000", "voice": "0.03300"}


def test_demo_numbers_are_valid_numbers_in_several_countries() -> None:
    config = load_config(env={})

    def regions(auth_id: str) -> list[str]:
        found = []
        for number in config.accounts[auth_id].numbers:
            parsed = phonenumbers.parse("+" + number)
            assert phonenumbers.is_valid_number(parsed), number
            found.append(str(phonenumbers.region_code_for_number(parsed)))
        return sorted(found)

    assert regions(MAIN) == ["AU", "DE", "GB", "IN", "IN", "US", "US"]
    assert regions(SUB) == ["IN", "US"]


def test_the_example_file_loads_and_describes_the_demo(tmp_path: Path) -> None:
    assert load_config(EXAMPLE, env={}) == load_config(env={})


def test_the_file_comes_from_the_environment_and_env_overrides_it(tmp_path: Path) -> None:
    path = write(tmp_path, 'port = 9000\nhost = "0.0.0.0"\nverify_code_ttl = 60\n')
    env = {
        "PLIVO_SANDBOX_CONFIG": str(path),
        "PORT": "9100",
        "PLIVO_SANDBOX_DATA": str(tmp_path / "state"),
        "PLIVO_SANDBOX_VERIFY_RATE_LIMIT": "0",
    }

    config = load_config(env=env)

    assert (config.host, config.port, config.verify_code_ttl) == ("0.0.0.0", 9100, 60)
    assert config.data_dir == tmp_path / "state"
    assert config.verify_list_rate_limit == 0
    assert MAIN in config.accounts  # no [[accounts]]: the demo accounts stay


def test_env_can_choose_memory_and_otp_ttl() -> None:
    config = load_config(env={"PLIVO_SANDBOX_DATA": ":memory:", "PLIVO_SANDBOX_OTP_TTL": "30"})

    assert config.data_dir is None and config.verify_code_ttl == 30


def test_accounts_from_the_file_replace_the_demo(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[verify_charges]
sms = "0.05"

[[accounts]]
auth_id = "MAABCDEFGHIJ01234567"
auth_token = "secret"
numbers = ["+14155552671", "442071838750"]

[[accounts]]
auth_id = "SAABCDEFGHIJ01234567"
auth_token = "sub-secret"
parent = "MAABCDEFGHIJ01234567"
""",
    )

    config = load_config(path, env={})

    assert set(config.accounts) == {"MAABCDEFGHIJ01234567", "SAABCDEFGHIJ01234567"}
    assert config.accounts["MAABCDEFGHIJ01234567"].numbers == ("14155552671", "442071838750")
    assert config.accounts["SAABCDEFGHIJ01234567"].numbers == ()
    assert dict(config.verify_charges) == {"sms": "0.05", "voice": "0.03300"}


ACCOUNT = '[[accounts]]\nauth_id = "MAABCDEFGHIJ01234567"\nauth_token = "t"\n'


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("port = 70000\n", "port: 70000 must be between 1 and 65535"),
        ('port = "eighty"\n', "port: expected a whole number"),
        ("colour = 1\n", "unknown key(s) ['colour']"),
        ("verify_list_rate_limit = -1\n", "verify_list_rate_limit: -1 must be >= 0"),
        ('[verify_charges]\nfax = "1"\n', "verify_charges.fax: unknown channel"),
        ('[verify_charges]\nsms = "cheap"\n', "'cheap' is not a decimal amount"),
        ("accounts = []\n", "'accounts' must be a non-empty array"),
        ('[[accounts]]\nauth_id = "MA1"\nauth_token = "t"\n', "is not a main account Auth ID"),
        (ACCOUNT + 'numbers = ["+9991234567"]\n', "numbers[0]: '9991234567' has no country"),
        (ACCOUNT + 'numbers = ["+14155552671", "14155552671"]\n', "is listed twice"),
        (ACCOUNT + 'secret = "x"\n', "accounts[0]: unknown key(s) ['secret']"),
        (
            ACCOUNT + '[[accounts]]\nauth_id = "SAABCDEFGHIJ01234567"\nauth_token = "t"\n'
            'parent = "MAZZZZZZZZZZZZZZZZZZ"\n',
            "names parent 'MAZZZZZZZZZZZZZZZZZZ', which is not a configured main account",
        ),
        (
            ACCOUNT + 'numbers = ["14155552671"]\n[[accounts]]\nauth_id = "SAABCDEFGHIJ01234567"'
            '\nauth_token = "t"\nparent = "MAABCDEFGHIJ01234567"\nnumbers = ["14155552671"]\n',
            "number 14155552671 belongs to both",
        ),
        ("port = \n", "is not valid TOML"),
    ],
)
def test_bad_configuration_raises_a_clear_error(tmp_path: Path, text: str, says: str) -> None:
    with pytest.raises(ConfigError) as raised:
        load_config(write(tmp_path, text), env={})

    assert says in str(raised.value)


def test_a_missing_config_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml", env={})


def test_a_bad_environment_override_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="environment PORT: expected a whole number"):
        load_config(env={"PORT": "http"})


def test_masking_call_charges_come_from_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, 'masking_call_rate = "0.01"\nmasking_billing_increment = 6\n')
    config = load_config(path, env={})
    assert (config.masking_call_rate, config.masking_billing_increment) == ("0.01", 6)


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ('masking_call_rate = "cheap"', "masking_call_rate"),
        ("masking_billing_increment = 0", "masking_billing_increment"),
    ],
)
def test_bad_masking_call_charges_are_refused(tmp_path: Path, text: str, mentions: str) -> None:
    with pytest.raises(ConfigError, match=mentions):
        load_config(write(tmp_path, text + "\n"), env={})


def test_otp_logging_is_off_by_default_and_turned_on_by_file_or_environment(
    tmp_path: Path,
) -> None:
    assert load_config(env={}).log_otps is False
    assert load_config(write(tmp_path, "log_otps = true\n"), env={}).log_otps is True
    assert load_config(env={"PLIVO_SANDBOX_LOG_OTPS": "1"}).log_otps is True
    with pytest.raises(ConfigError, match="PLIVO_SANDBOX_LOG_OTPS"):
        load_config(env={"PLIVO_SANDBOX_LOG_OTPS": "maybe"})
