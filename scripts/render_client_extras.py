"""Render the client's extra modules (templates openapi-python-client has no slot for).

openapi-python-client renders only the template names it knows (a custom
template must replace one of its own, file name for file name), so a new
module such as ``webhooks.py`` cannot come from ``client_templates/`` alone.
This step, run by ``scripts/generate_client.sh`` right after the generator,
builds the generator's own ``Project`` from the same spec,
generator-config.yml and template directory, renders each template listed in
``EXTRA_MODULES`` with the generator's Jinja environment (so the templates see
the parsed spec exactly as the built-in ones do, plus ``surface``: the
resource-style surface that ``client_surface.py`` reads off the spec), and
runs the configured post hooks (ruff) again over the result.

Usage: render_client_extras.py OUTPUT_DIR [SPEC]  (the generator's --output-path;
SPEC defaults to openapi.yaml)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from client_surface import SurfaceError, build
from openapi_python_client import Project
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import GeneratorError

ROOT = Path(__file__).resolve().parent.parent
# template in client_templates/ -> module in the package
EXTRA_MODULES = {
    "webhooks.py.jinja": "webhooks.py",
    "retries.py.jinja": "retries.py",
    "pagination.py.jinja": "pagination.py",
    "resources.py.jinja": "resources.py",
}


def main(output: Path, spec: Path) -> None:
    """Render ``EXTRA_MODULES`` into the package the generator wrote to ``output`` from ``spec``."""
    config = Config.from_sources(
        ConfigFile.load_from_path(ROOT / "generator-config.yml"),
        MetaType.SETUP,
        spec,
        "utf-8",
        True,
        output,
    )
    document = yaml.safe_load(spec.read_text(encoding="utf-8"))
    data = GeneratorData.from_dict(document, config=config)
    if isinstance(data, GeneratorError):
        sys.exit(f"render_client_extras: {data.header}: {data.detail}")
    try:
        surface = build(data, document)
    except SurfaceError as error:
        sys.exit(f"render_client_extras: {error}")
    project = Project(openapi=data, config=config, custom_template_path=ROOT / "client_templates")
    for template, module in EXTRA_MODULES.items():
        text = project.env.get_template(template).render(surface=surface)
        (project.package_dir / module).write_text(text, encoding=config.file_encoding)
    for command in config.post_hooks:
        subprocess.run(command, cwd=project.project_dir, shell=True, check=True)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    main(
        Path(sys.argv[1]).resolve(),
        Path(sys.argv[2] if len(sys.argv) == 3 else ROOT / "openapi.yaml"),
    )
