"""Render the client's extra modules (templates openapi-python-client has no slot for).

openapi-python-client renders only the template names it knows (a custom
template must replace one of its own, file name for file name), so a new
module such as ``webhooks.py`` cannot come from ``client_templates/`` alone.
This step, run by ``scripts/generate_client.sh`` right after the generator,
builds the generator's own ``Project`` from the same openapi.yaml,
generator-config.yml and template directory, renders each template listed in
``EXTRA_MODULES`` with the generator's Jinja environment (so the templates see
the parsed spec exactly as the built-in ones do), and runs the configured
post hooks (ruff) again over the result.

Usage: render_client_extras.py OUTPUT_DIR  (the generator's --output-path)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from openapi_python_client import Project
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import GeneratorError

ROOT = Path(__file__).resolve().parent.parent
# template in client_templates/ -> module in the package
EXTRA_MODULES = {"webhooks.py.jinja": "webhooks.py"}


def main(output: Path) -> None:
    """Render ``EXTRA_MODULES`` into the package the generator wrote to ``output``."""
    config = Config.from_sources(
        ConfigFile.load_from_path(ROOT / "generator-config.yml"),
        MetaType.SETUP,
        ROOT / "openapi.yaml",
        "utf-8",
        True,
        output,
    )
    document = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    data = GeneratorData.from_dict(document, config=config)
    if isinstance(data, GeneratorError):
        sys.exit(f"render_client_extras: {data.header}: {data.detail}")
    project = Project(openapi=data, config=config, custom_template_path=ROOT / "client_templates")
    for template, module in EXTRA_MODULES.items():
        text = project.env.get_template(template).render()
        (project.package_dir / module).write_text(text, encoding=config.file_encoding)
    for command in config.post_hooks:
        subprocess.run(command, cwd=project.project_dir, shell=True, check=True)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]).resolve())
