"""A stateful local sandbox of Plivo's Number Masking and Verify Session APIs.

Routes and request validation come from ``openapi.yaml``; this package holds
only what the spec cannot express: state, time, and Plivo's rules.

The public API (``__all__``), for using the sandbox from Python:

* ``Sandbox``: the state and the services, without HTTP (``sandbox.run(service
  method, ...)`` calls one in a transaction; ``with Sandbox(config)`` also
  delivers callbacks); ``create_app``: the ASGI app over one;
* ``SandboxConfig``, ``Account``, ``load_config``, ``ConfigError``: configuration;
* ``sandbox_process``: ``python -m plivo_sandbox`` on a free port, as a context manager;
* ``SandboxHandle``, ``Credentials``: a running sandbox's control API (the pytest
  plugin's ``plivo_sandbox`` fixture is one);
* ``plivo_sdk_pointed_at``: Plivo's own Python SDK aimed at a sandbox.

Names are imported on first use, so ``import plivo_sandbox`` (as the pytest
plugin does in every test run) loads nothing heavy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the same names for type checkers (``as``: re-exported)
    from plivo_sandbox.app import create_app as create_app
    from plivo_sandbox.assembly import Sandbox as Sandbox
    from plivo_sandbox.core.accounts import Account as Account
    from plivo_sandbox.core.config_file import ConfigError as ConfigError
    from plivo_sandbox.core.config_file import load_config as load_config
    from plivo_sandbox.core.settings import SandboxConfig as SandboxConfig
    from plivo_sandbox.testing.plivo_sdk import plivo_sdk_pointed_at as plivo_sdk_pointed_at
    from plivo_sandbox.testing.process import sandbox_process as sandbox_process
    from plivo_sandbox.testing.pytest_plugin import Credentials as Credentials
    from plivo_sandbox.testing.pytest_plugin import SandboxHandle as SandboxHandle

# Each public name and the module that defines it.
_HOMES = {
    "Account": "core.accounts",
    "ConfigError": "core.config_file",
    "Credentials": "testing.pytest_plugin",
    "Sandbox": "assembly",
    "SandboxConfig": "core.settings",
    "SandboxHandle": "testing.pytest_plugin",
    "create_app": "app",
    "load_config": "core.config_file",
    "plivo_sdk_pointed_at": "testing.plivo_sdk",
    "sandbox_process": "testing.process",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'plivo_sandbox' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"plivo_sandbox.{home}"), name)
    globals()[name] = value
    return value
