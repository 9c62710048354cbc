"""``python -m plivo_sandbox``: the ``plivo-sandbox`` command (see ``server/cli.py``)."""

from plivo_sandbox.server.cli import main

if __name__ == "__main__":
    main()
