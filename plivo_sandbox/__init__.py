"""A stateful local sandbox of Plivo's Number Masking and Verify Session APIs.

Routes and request validation come from ``openapi.yaml``; this package holds
only what the spec cannot express: state, time, and Plivo's rules.

The public API (``__all__``), for using the sandbox from Python:

* ``Sandbox``: the state and the services, without HTTP (``with Sandbox(config)``
  also delivers callbacks); ``create_app``: the ASGI app over one;
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
    from plivo_sandbox.config import Account as Account
    from plivo_sandbox.config import ConfigError as ConfigError
    from plivo_sandbox.config import SandboxConfig as SandboxConfig
    from plivo_sandbox.config import load_config as load_config
    from plivo_sandbox.process import sandbox_process as sandbox_process
    from plivo_sandbox.pytest_plugin import Credentials as Credentials
    from plivo_sandbox.pytest_plugin import SandboxHandle as SandboxHandle
    from plivo_sandbox.sandbox import Sandbox as Sandbox
    from plivo_sandbox.sdk import plivo_sdk_pointed_at as plivo_sdk_pointed_at

# Each public name and the module that defines it.
_HOMES = {
    "Account": "config",
    "ConfigError": "config",
    "Credentials": "pytest_plugin",
    "Sandbox": "sandbox",
    "SandboxConfig": "config",
    "SandboxHandle": "pytest_plugin",
    "create_app": "app",
    "load_config": "config",
    "plivo_sdk_pointed_at": "sdk",
    "sandbox_process": "process",
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
